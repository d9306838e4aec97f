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
    Setting("store", str, "./data/store", "directory of the embedded Oxigraph store, or the http(s) URL of a "
            "SPARQL 1.1 server (credentials: DIPLOKG_STORE_USER/DIPLOKG_STORE_PASSWORD or DIPLOKG_STORE_TOKEN)"),
    Setting("store_query_url", str, "", "SPARQL query endpoint of a remote store (default: from the store URL)"),
    Setting("store_update_url", str, "", "SPARQL update endpoint of a remote store (default: from the store URL)"),
    Setting("store_graph_url", str, "", "Graph Store Protocol endpoint of a remote store (default: from the store URL)"),
    Setting("store_server", str, "auto", "kind of remote store server: 'auto' (from its Server header), 'standard' "
            "or 'virtuoso' (where the union default graph lives)"),
    Setting("store_timeout", float, 60.0, "seconds one request to a remote store may take"),
    Setting("store_retries", int, 4, "retries (exponential backoff) of a remote store request on connection "
            "errors, timeouts and 5xx answers"),
    Setting("store_batch_triples", int, 0, "most triples sent to a remote store in one request (larger writes go "
            "in batches through a staging graph); 0: 1000 on Virtuoso, 20000 elsewhere"),
    Setting("base", str, "https://w3id.org/diplokg/", "base IRI of instances and graphs"),
    Setting("host", str, "127.0.0.1", "address the HTTP service listens on"),
    Setting("port", int, 5000, "port the HTTP service listens on"),
    Setting("workers", int, 3, "HTTP worker processes; each runs one request at a time"),
    Setting("client_queries", int, 2, "requests of one client (IP address) that run at once; more wait their turn"),
    Setting("client_connections", int, 128, "open connections of one client (IP address); more are answered 503"),
    Setting("client_queue", int, 64, "requests of one client that may wait for a worker; more are answered 429"),
    Setting("max_request_line", int, 65536, "longest request line in bytes (414 above; long queries go in a POST)"),
    Setting("max_header_bytes", int, 32768, "largest request header section in bytes (431 above)"),
    Setting("header_timeout", float, 10.0, "seconds a client has to send a request's line and headers (408 after)"),
    Setting("body_timeout", float, 30.0, "seconds a client has to send a request's body (408 after)"),
    Setting("keepalive_timeout", float, 15.0, "seconds an idle keep-alive connection stays open"),
    Setting("query_timeout", float, 10.0, "seconds a SPARQL query or a page may run before it is stopped (503)"),
    Setting("max_query_bytes", int, 100_000, "largest accepted query text in bytes (413 above)"),
    Setting("max_query_depth", int, 128, "deepest nesting of brackets and operators in a query (400 above)"),
    Setting("max_rows", int, 10_000, "most result rows or triples returned by the endpoint"),
    Setting("row_cap", str, "truncate", "what to do past max_rows: 'truncate' or 'refuse'"),
    Setting("query_memory_mb", int, 2048, "resident memory (MB) an HTTP worker may reach while a query runs (503 above)"),
    Setting("service_guard", bool, True, "refuse SERVICE lexically before the engine runs (the sandbox stops it anyway)"),
    Setting("sandbox", bool, True, "forbid query workers to open sockets (seccomp); off only where the kernel cannot"),
    Setting("page_items", int, 50, "meetings or statements per page of an entity page"),
    Setting("max_article_bytes", int, 200_000, "largest article text read by ingest, in UTF-8 bytes (rejected above)"),
    Setting("jobs", int, 1, "parallel extraction processes during ingest"),
    Setting("cluster", str, "", "Dask scheduler address (or local:N) on which ingest extracts articles; "
            "empty: this machine"),
    Setting("publish_text", str, "licensed", "which articles' full text ingest stores for pages, dumps and the endpoint: "
            "'licensed' (a licence that allows republishing), 'all' or 'none'; evidence spans are always kept"),
    Setting("shacl_engine", str, "auto", "SHACL engine of ingest and validate: 'auto' (rudof where pyrudof is "
            "installed, else pyshacl), 'pyshacl' (the reference) or 'rudof' (faster, same reports on our shapes; "
            "needs the extra diplokg[rudof])"),
    Setting("log_level", str, "INFO", "logging level (DEBUG logs query texts)"),
)

_BY_NAME = {s.name: s for s in SETTINGS}
_AT_LEAST_ONE = ("jobs", "max_rows", "max_query_bytes")  # workers and port: checked by serve


@dataclass(frozen=True)
class Config:
    """Resolved settings, one field per entry of SETTINGS. Build with :func:`load_config`."""

    store: str
    store_query_url: str
    store_update_url: str
    store_graph_url: str
    store_server: str
    store_timeout: float
    store_retries: int
    store_batch_triples: int
    base: str
    host: str
    port: int
    workers: int
    client_queries: int
    client_connections: int
    client_queue: int
    max_request_line: int
    max_header_bytes: int
    header_timeout: float
    body_timeout: float
    keepalive_timeout: float
    query_timeout: float
    max_query_bytes: int
    max_query_depth: int
    max_rows: int
    row_cap: str
    query_memory_mb: int
    service_guard: bool
    sandbox: bool
    page_items: int
    max_article_bytes: int
    jobs: int
    cluster: str
    publish_text: str
    shacl_engine: str
    log_level: str
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def store_path(self) -> Path:
        return Path(self.store)

    @property
    def store_is_remote(self) -> bool:
        """Whether the store is a SPARQL server (an http(s) URL) rather than a directory."""
        return self.store.lower().startswith(("http://", "https://"))

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
        converted = _to_bool(value) if setting.type is bool else setting.type(value)
    except (TypeError, ValueError):
        raise UsageError(f"setting {name}: {value!r} is not a valid {setting.type.__name__}") from None
    if name in _AT_LEAST_ONE and converted < 1:
        raise UsageError(f"setting {name} must be at least 1, not {converted}")
    if name == "publish_text" and converted not in ("licensed", "all", "none"):
        raise UsageError("setting publish_text must be 'licensed', 'all' or 'none'")
    if name == "store_server" and converted not in ("auto", "standard", "virtuoso"):
        raise UsageError("setting store_server must be 'auto', 'standard' or 'virtuoso'")
    if name == "shacl_engine" and converted not in ("auto", "pyshacl", "rudof"):
        raise UsageError("setting shacl_engine must be 'auto', 'pyshacl' or 'rudof'")
    if name == "row_cap" and converted not in ("truncate", "refuse"):
        raise UsageError("setting row_cap must be 'truncate' or 'refuse'")
    return converted


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(value)


def settings_table() -> str:
    """The settings as a Markdown table (the README's table is this text)."""
    rows = ["| setting | environment | default | what |", "|---|---|---|---|"]
    for s in SETTINGS:
        default = str(s.default).lower() if s.type is bool else s.default
        rows.append(f"| `{s.name}` | `DIPLOKG_{s.name.upper()}` | `{default}` | {s.help} |")
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
