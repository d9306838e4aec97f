"""Settings: declared once, read from defaults, a TOML file, DIPLOKG_* variables, overrides."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from diplokg.config import SETTINGS, Config, load_config, settings_table
from diplokg.errors import UsageError

ROOT = Path(__file__).resolve().parent.parent


def test_every_setting_is_a_config_field_and_nothing_else() -> None:
    fields = {f.name for f in dataclasses.fields(Config)} - {"extra"}
    assert fields == {s.name for s in SETTINGS}


def test_defaults_file_environment_and_overrides_in_that_order(tmp_path: Path) -> None:
    assert load_config(environ={}).port == 5000
    conf = tmp_path / "diplokg.toml"
    conf.write_text('port = 6000\nstore = "/srv/kg"\n', encoding="utf-8")
    env = {"DIPLOKG_CONFIG": str(conf)}
    assert (load_config(environ=env).port, load_config(environ=env).store) == (6000, "/srv/kg")
    env["DIPLOKG_PORT"] = "7000"
    assert load_config(environ=env).port == 7000
    assert load_config({"port": 8000}, environ=env).port == 8000


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DIPLOKG_PORT": "eighty"}, "setting port: 'eighty' is not a valid int"),
        ({"DIPLOKG_ROW_CAP": "drop"}, "setting row_cap must be 'truncate' or 'refuse'"),
        ({"DIPLOKG_CONFIG": "/nonexistent/diplokg.toml"}, "cannot read config file /nonexistent/diplokg.toml"),
    ],
)
def test_bad_settings_are_one_line_errors(env: dict[str, str], message: str) -> None:
    with pytest.raises(UsageError) as err:
        load_config(environ=env)
    assert str(err.value).startswith(message)
    assert "\n" not in str(err.value)


def test_readme_documents_every_setting() -> None:
    assert settings_table() in (ROOT / "README.md").read_text(encoding="utf-8")
