"""Settings, declared once: name, type, default, help.

Values come from the defaults, then an optional TOML file (``DIPLOKG_CONFIG``), then
``DIPLOKG_*`` environment variables, then explicit overrides (CLI options, tests).
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diplokg.errors import UsageError


@dataclass(frozen=True)
class Setting:
    name: str
    type: type
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("store", str, "./data/store", "directory of the embedded Oxigraph store"),
    Setting("base", str, "https://w3id.org/diplokg/", "base IRI of instances and graphs"),
    Setting("host", str, "127.0.0.1", "address the HTTP service listens on"),
    Setting("port", int, 5000, "port the HTTP service listens on"),
    Setting("workers", int, 2, "HTTP worker processes"),
    Setting("query_timeout", float, 10.0, "seconds a SPARQL query may run before it is stopped (503)"),
    Setting("max_query_bytes", int, 100_000, "largest accepted query text in bytes (413 above)"),
    Setting("max_rows", int, 10_000, "most result rows or triples returned by the endpoint"),
    Setting("row_cap", str, "truncate", "what to do past max_rows: 'truncate' or 'refuse'"),
    Setting("query_memory_mb", int, 2048, "resident memory (MB) an HTTP worker may reach while a query runs (503 above)"),
    Setting("jobs", int, 1, "parallel extraction processes during ingest"),
    Setting("publish_text", str, "licensed", "which articles' full text ingest stores for pages, dumps and the endpoint: "
            "'licensed' (a licence that allows republishing), 'all' or 'none'; evidence spans are always kept"),
    Setting("log_level", str, "INFO", "logging level (DEBUG logs query texts)"),
)

_BY_NAME = {s.name: s for s in SETTINGS}
_AT_LEAST_ONE = ("jobs", "max_rows", "max_query_bytes")  # workers and port: checked by serve


@dataclass(frozen=True)
class Config:
    """Resolved settings, one field per entry of SETTINGS. Build with :func:`load_config`."""

    store: str
    base: str
    host: str
    port: int
    workers: int
    query_timeout: float
    max_query_bytes: int
    max_rows: int
    row_cap: str
    query_memory_mb: int
    jobs: int
    publish_text: str
    log_level: str
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def store_path(self) -> Path:
        return Path(self.store)

    def replace(self, **changes: Any) -> "Config":
        """A copy with some settings changed (values are converted and checked)."""
        return dataclasses.replace(self, **{k: _convert(k, v) for k, v in changes.items()})


def _convert(name: str, value: Any) -> Any:
    setting = _BY_NAME.get(name)
    if setting is None:
        if name == "extra":
            return value
        raise UsageError(f"unknown setting {name!r}")
    try:
        converted = setting.type(value)
    except (TypeError, ValueError):
        raise UsageError(f"setting {name}: {value!r} is not a valid {setting.type.__name__}") from None
    if name in _AT_LEAST_ONE and converted < 1:
        raise UsageError(f"setting {name} must be at least 1, not {converted}")
    if name == "publish_text" and converted not in ("licensed", "all", "none"):
        raise UsageError("setting publish_text must be 'licensed', 'all' or 'none'")
    if name == "row_cap" and converted not in ("truncate", "refuse"):
        raise UsageError("setting row_cap must be 'truncate' or 'refuse'")
    return converted


def settings_table() -> str:
    """The settings as a Markdown table (the README's table is this text)."""
    rows = ["| setting | environment | default | what |", "|---|---|---|---|"]
    for s in SETTINGS:
        rows.append(f"| `{s.name}` | `DIPLOKG_{s.name.upper()}` | `{s.default}` | {s.help} |")
    return "\n".join(rows)


def load_config(overrides: dict[str, Any] | None = None, environ: dict[str, str] | None = None) -> Config:
    """Defaults → TOML file named by DIPLOKG_CONFIG → DIPLOKG_* variables → overrides."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {s.name: s.default for s in SETTINGS}
    path = env.get("DIPLOKG_CONFIG")
    if path:
        try:
            with open(path, "rb") as fh:
                values.update(tomllib.load(fh))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise UsageError(f"cannot read config file {path}: {exc}") from None
    for setting in SETTINGS:
        var = "DIPLOKG_" + setting.name.upper()
        if var in env:
            values[setting.name] = env[var]
    for key, value in (overrides or {}).items():
        if value is not None:
            values[key] = value
    return Config(**{k: _convert(k, v) for k, v in values.items()})
