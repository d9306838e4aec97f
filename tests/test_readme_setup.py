"""The README's first command, as written, on a copy of the project: a fresh virtualenv with
the plain install (no extras), the seeds ingested, and the service answering. CI installs the
`test` extra for everything else; this is what a user who follows the README gets."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from bench import triplestores

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
SKIP = {".venv", ".git", ".hypothesis", ".pytest_cache", "__pycache__", "node_modules"}
TOP_SKIP = {"data"}  # the default store of a run here, not the etl/data vocabularies


def _setup_command() -> str:
    blocks = re.findall(r"```sh\n(.*?)\n```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    assert blocks, "the README has no sh block"
    return blocks[0].strip()


def test_the_readmes_setup_command_installs_ingests_the_seeds_and_serves(tmp_path):
    command = _setup_command()
    assert command.startswith("python3 -m venv .venv && ") and command.endswith(" && .venv/bin/diplokg serve")
    copy = tmp_path / "diplokg"
    shutil.copytree(ROOT, copy, ignore=lambda d, names: [n for n in names if n in SKIP or (Path(d) == ROOT and n in TOP_SKIP)])
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DIPLOKG_", "VIRTUAL_ENV", "PYTHONPATH"))}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if ".venv" not in p)
    setup = command.removesuffix(" && .venv/bin/diplokg serve")
    done = subprocess.run(["bash", "-c", setup], cwd=copy, env=env, capture_output=True, text=True, timeout=1500)
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    assert "accepted, 0 rejected" in done.stdout, done.stdout[-2000:]
    # the plain install: no extra came with it, so the service runs on what the README installs
    probe = "import importlib.util as u; print([m for m in ('pyrudof', 'distributed', 'pytest') if u.find_spec(m)])"
    found = subprocess.run([str(copy / ".venv/bin/python"), "-c", probe], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=60)
    assert found.stdout.strip() == "[]", found.stdout + found.stderr

    port = triplestores.free_port()
    serve = subprocess.Popen([str(copy / ".venv/bin/diplokg"), "serve"], cwd=copy, env={**env, "DIPLOKG_PORT": str(port)},
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        page = None
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and serve.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
                    page = (r.status, r.read().decode("utf-8", "replace"))
                break
            except OSError:
                time.sleep(0.5)
        assert page is not None, serve.stderr.read() if serve.poll() is not None else "no answer in 120 s"
        assert page[0] == 200
        query = urllib.request.Request(
            f"http://127.0.0.1:{port}/sparql?query=" + urllib.request.quote(
                "SELECT (COUNT(?m) AS ?n) WHERE { ?m a <https://w3id.org/diplokg/ontology#Meeting> }"),
            headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(query, timeout=30) as r:
            body = r.read().decode()
        n = int(re.search(r'"value"\s*:\s*"(\d+)"', body).group(1))
        assert n > 0, body
    finally:
        serve.terminate()
        serve.wait(30)
        serve.stderr.close()
