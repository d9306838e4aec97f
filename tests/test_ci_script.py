"""CI (`bash .ci/run` on a clean clone) installs and tests exactly as the README tells a user to."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _readme_commands() -> list[str]:
    return re.findall(r"```sh\n(.*?)\n```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)


def _commands(script: str) -> list[list[str]]:
    """The script's commands, words split as the shell would, comments and set-up lines left out."""
    out = []
    for line in script.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or line.startswith("set ") or line.startswith("cd "):
            continue
        out.append(shlex.split(line))
    return out


def test_ci_runs_the_readmes_test_command_and_nothing_else():
    test_command = shlex.split(_readme_commands()[1])
    assert test_command == ["bash", "tests/run.sh"]
    commands = _commands((ROOT / ".ci/run").read_text(encoding="utf-8"))
    # one command: the README's, with pytest options only (they start with "-")
    assert len(commands) == 1 and commands[0][:2] == test_command
    assert all(arg.startswith("-") for arg in commands[0][2:])


def test_the_test_command_installs_what_the_readmes_set_up_installs():
    # the set-up installs the project itself (`pip install -e .`); the test command installs it
    # with its test extra into the same .venv, so every runtime dependency comes with it
    setup = _readme_commands()[0]
    assert ".venv/bin/pip install -e . " in setup + " "
    run = (ROOT / "tests/run.sh").read_text(encoding="utf-8")
    assert re.search(r"\.venv/bin/pip install .*-e '\.\[test\]'", run)
    assert '-m venv .venv' in run and 'exec .venv/bin/python -m pytest "$@"' in run
