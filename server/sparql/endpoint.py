"""The SPARQL 1.1 Protocol endpoint (query side, read-only) at ``/sparql``, as a plain WSGI app.

The endpoint is the service's hot path, so it works on the WSGI environ directly instead of
through Flask's request and response objects (which cost more than a cheap query: measured
in BENCHMARKS.md). It is mounted in front of the Flask app (``create_app``) and shares its
settings, its error shape (``server.errors.error_body``), its formats
(``server.negotiate``) and its headers (``server.headers`` wraps both).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from werkzeug.http import HTTP_STATUS_CODES
from werkzeug.wsgi import get_current_url

from diplokg.config import Config
from diplokg.errors import BadInput, DiplokgError, QueryRefused, QueryTooLarge
from diplokg.sparql_errors import warnings_for
from diplokg.sparql_guard import check_query
from server.cors import PREFLIGHT_HEADERS
from server.errors import UnsupportedMediaType, error_body
from server.negotiate import Format, Kind, negotiate
from server.runner import QueryRunner, runner
from server.sparql.description import serialize, service_description

log = logging.getLogger(__name__)

PATH = "/sparql"
FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
UPDATE = "application/sparql-update"
READ_ONLY = "updates are not allowed: this endpoint is read-only"
ALLOW = "GET, HEAD, OPTIONS, POST"

Params = list[tuple[str, str]]
StartResponse = Callable[..., Any]

# An absolute IRI as SPARQL writes it between < and > (RFC 3987 scheme, no forbidden characters).
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^<>\"{}|^`\\\x00-\x20]*")


class MethodNotAllowed(BadInput):
    status = 405


@dataclass(frozen=True)
class QueryRequest:
    """What a protocol request asks: the query text (None: the service description) and dataset."""

    text: str | None
    default_graphs: list[str] | None
    named_graphs: list[str] | None
    formats: list[str]


def _getlist(params: Params, name: str) -> list[str]:
    return [value for key, value in params if key == name]


def _parse(text: str, where: str) -> Params:
    try:
        return parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raise BadInput(f"the {where} is not valid UTF-8 once percent-decoded") from None


def _one_query(params: Params) -> str | None:
    if any(key == "update" for key, _ in params):
        raise QueryRefused(READ_ONLY)
    queries = _getlist(params, "query")
    if len(queries) > 1:
        raise BadInput(f"give one query, not {len(queries)}")
    return queries[0] if queries else None


def _iris(params: Params, name: str) -> list[str]:
    values = _getlist(params, name)
    for value in values:
        if not _IRI.fullmatch(value):
            shown = value if len(value) <= 80 else value[:77] + "..."
            raise BadInput(f"{name} must be an absolute IRI (without < >), not {shown!r}")
    return values


def _dataset(params: Params) -> tuple[list[str] | None, list[str] | None]:
    """The protocol's dataset: absent → union default graph and all named graphs."""
    defaults = _iris(params, "default-graph-uri")
    named = _iris(params, "named-graph-uri")
    if not defaults and not named:
        return None, None
    return defaults, named


def _media_type(environ: dict[str, Any]) -> tuple[str, dict[str, str]]:
    """The request's Content-Type: media type (lower case) and its parameters."""
    value = environ.get("CONTENT_TYPE", "")
    mimetype, _, rest = value.partition(";")
    params = {}
    for part in rest.split(";"):
        key, _, val = part.partition("=")
        if key.strip():
            params[key.strip().lower()] = val.strip().strip('"')
    return mimetype.strip().lower(), params


def _body(environ: dict[str, Any], limit: int) -> bytes:
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise BadInput("Content-Length is not a number") from None
    if length > limit:
        raise QueryTooLarge(f"the request body is {length} bytes, over the limit of {limit} bytes")
    return environ["wsgi.input"].read(length) if length > 0 else b""


def read_request(environ: dict[str, Any], config: Config) -> QueryRequest:
    """Read a GET (or HEAD) or POST protocol request; raise for anything the protocol does not allow."""
    method = environ["REQUEST_METHOD"]
    args = _parse(environ.get("QUERY_STRING", ""), "query string")
    if method in ("GET", "HEAD"):
        return QueryRequest(_one_query(args), *_dataset(args), _getlist(args, "format"))
    if method != "POST":
        raise MethodNotAllowed(f"{method} is not allowed here; use one of {ALLOW}")
    mimetype, options = _media_type(environ)
    if mimetype == FORM:
        data = _body(environ, 3 * config.max_query_bytes + 64 * 1024)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BadInput(f"the form is not valid UTF-8 (byte {exc.start})") from None
        params = _parse(text, "form") + args
        query = _one_query(params)
        if query is None:
            raise BadInput("a form POST needs a query parameter")
        return QueryRequest(query, *_dataset(params), _getlist(params, "format"))
    if mimetype == DIRECT:
        if any(key == "query" for key, _ in args):
            raise BadInput("give one query, not 2 (one in the URL, one in the body)")
        charset = options.get("charset", "utf-8").lower()
        if charset not in ("utf-8", "utf8"):
            raise UnsupportedMediaType(f"query text must be UTF-8, not {charset}")
        length = environ.get("CONTENT_LENGTH")
        if length and length.isdigit() and int(length) > config.max_query_bytes:
            raise QueryTooLarge(f"query text is {length} bytes, over the limit of {config.max_query_bytes} bytes")
        data = _body(environ, config.max_query_bytes)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BadInput(f"query text is not valid UTF-8 (byte {exc.start})") from None
        return QueryRequest(text, *_dataset(args), _getlist(args, "format"))
    if mimetype == UPDATE or any(key == "update" for key, _ in args):
        raise QueryRefused(READ_ONLY)
    if not mimetype:
        raise UnsupportedMediaType(f"a POST needs a Content-Type: {FORM} or {DIRECT}")
    raise UnsupportedMediaType(f"a POST to /sparql takes {FORM} or {DIRECT}, not {mimetype}")


class Endpoint:
    """The WSGI app answering ``/sparql`` (``flask_app`` gives settings and the store)."""

    def __init__(self, flask_app: Any) -> None:
        self.flask_app = flask_app
        self.config: Config = flask_app.config["DIPLOKG"]
        self._runner: QueryRunner | None = None

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        accept = environ.get("HTTP_ACCEPT")
        head = environ["REQUEST_METHOD"] == "HEAD"
        try:
            if environ["REQUEST_METHOD"] == "OPTIONS":
                start_response("200 OK", [("Allow", ALLOW), ("Content-Length", "0"), *PREFLIGHT_HEADERS])
                return []
            status, headers, body = self._answer(environ, accept)
        except DiplokgError as exc:
            log.info("%s %s: %d %s", environ["REQUEST_METHOD"], PATH, exc.status, exc.message)
            status, headers, body = self._error(exc.status, exc.message, accept)
            if exc.status == 405:
                headers.append(("Allow", ALLOW))
        except Exception:  # noqa: BLE001 - one error shape, whatever went wrong
            log.exception("%s %s failed", environ["REQUEST_METHOD"], PATH)
            status, headers, body = self._error(500, "internal error: the server could not answer this request", accept)
        headers.append(("Content-Length", str(len(body))))
        start_response(status, headers)
        return [] if head else [body]

    @staticmethod
    def _error(status: int, message: str, accept: str | None) -> tuple[str, list[tuple[str, str]], bytes]:
        body, content_type = error_body(status, message, accept)
        return f"{status} {HTTP_STATUS_CODES.get(status, 'Error')}", [("Content-Type", content_type)], body

    def _answer(self, environ: dict[str, Any], accept: str | None) -> tuple[str, list[tuple[str, str]], bytes]:
        config = self.config
        asked = read_request(environ, config)
        names = asked.formats
        own_url = get_current_url(environ, strip_querystring=True)
        if asked.text is None:
            fmt = negotiate("graph", accept, names)
            body = serialize(service_description(own_url), fmt.rdflib or "turtle")
            return "200 OK", [("Content-Type", fmt.content_type), ("Vary", "Accept")], body
        log.debug("query: %s", asked.text)
        check_query(asked.text, max_bytes=config.max_query_bytes, max_depth=config.max_query_depth,
                    service=config.service_guard)
        choose: Callable[[Kind], Format] = lambda kind: negotiate(kind, accept, names)  # noqa: E731
        if self._runner is None:
            self._runner = runner(self.flask_app)
        # Relative IRIs resolve against the endpoint's own URL, as the SPARQL 1.1 Protocol tests expect.
        answer = self._runner.run(asked.text, choose, asked.default_graphs, asked.named_graphs, base_iri=own_url)
        headers = [("Content-Type", answer.format.content_type), ("Vary", "Accept")]
        warnings = [_quoted(w) for w in warnings_for(asked.text)]
        if answer.truncated:
            headers.append(("X-Diplokg-Truncated", "true"))
            warnings.append(f"result truncated to the first {config.max_rows} rows or triples")
        if warnings:
            headers.append(("Warning", ", ".join(f'199 diplokg "{w}"' for w in warnings)))
        return "200 OK", headers, answer.body


class Mount:
    """WSGI middleware: ``/sparql`` goes to the endpoint, every other path to the Flask app."""

    def __init__(self, app: Callable[..., Iterable[bytes]], endpoint: Endpoint) -> None:
        self.app = app
        self.endpoint = endpoint

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == PATH:
            return self.endpoint(environ, start_response)
        return self.app(environ, start_response)


def _quoted(text: str) -> str:
    """A warning text safe inside a quoted header value (Latin-1, no quotes or backslashes)."""
    return text.replace("\\", "/").replace('"', "'").encode("latin-1", "replace").decode("latin-1")


def install(app: Any) -> None:
    """Mount the endpoint at ``/sparql`` in front of a Flask app."""
    app.wsgi_app = Mount(app.wsgi_app, Endpoint(app))
