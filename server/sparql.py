"""Blueprint: the SPARQL 1.1 Protocol endpoint (query side, read-only) at ``/sparql``."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from flask import Blueprint, Response, current_app, request
from werkzeug.datastructures import MultiDict

from diplokg.config import Config
from diplokg.errors import BadInput, QueryRefused, QueryTooLarge
from diplokg.sparql_guard import check_query
from server.errors import UnsupportedMediaType
from server.negotiate import Format, Kind, negotiate
from server.runner import runner
from server.sparql_description import serialize, service_description

log = logging.getLogger(__name__)

bp = Blueprint("sparql", __name__)

FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
UPDATE = "application/sparql-update"
READ_ONLY = "updates are not allowed: this endpoint is read-only"


@dataclass(frozen=True)
class QueryRequest:
    """What a protocol request asks: the query text (None: the service description) and dataset."""

    text: str | None
    default_graphs: list[str] | None
    named_graphs: list[str] | None
    formats: list[str]


def _one_query(params: MultiDict[str, str]) -> str | None:
    if "update" in params:
        raise QueryRefused(READ_ONLY)
    queries = params.getlist("query")
    if len(queries) > 1:
        raise BadInput(f"give one query, not {len(queries)}")
    return queries[0] if queries else None


# An absolute IRI as SPARQL writes it between < and > (RFC 3987 scheme, no forbidden characters).
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^<>\"{}|^`\\\x00-\x20]*")


def _iris(params: MultiDict[str, str], name: str) -> list[str]:
    values = params.getlist(name)
    for value in values:
        if not _IRI.fullmatch(value):
            shown = value if len(value) <= 80 else value[:77] + "..."
            raise BadInput(f"{name} must be an absolute IRI (without < >), not {shown!r}")
    return values


def _dataset(params: MultiDict[str, str]) -> tuple[list[str] | None, list[str] | None]:
    """The protocol's dataset: absent → union default graph and all named graphs."""
    defaults = _iris(params, "default-graph-uri")
    named = _iris(params, "named-graph-uri")
    if not defaults and not named:
        return None, None
    return defaults, named


def _direct_body(config: Config) -> str:
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise UnsupportedMediaType(f"query text must be UTF-8, not {charset}")
    length = request.content_length
    if length is not None and length > config.max_query_bytes:
        raise QueryTooLarge(f"query text is {length} bytes, over the limit of {config.max_query_bytes} bytes")
    try:
        return request.get_data(cache=False).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadInput(f"query text is not valid UTF-8 (byte {exc.start})") from None


def read_request(config: Config) -> QueryRequest:
    """Read a GET (or HEAD) or POST protocol request; raise for anything the protocol does not allow."""
    if request.method in ("GET", "HEAD"):
        text = _one_query(request.args)
        return QueryRequest(text, *_dataset(request.args), request.args.getlist("format"))
    mimetype = request.mimetype
    if mimetype == FORM:
        params = MultiDict(request.form)
        params.update(request.args)
        text = _one_query(params)
        if text is None:
            raise BadInput("a form POST needs a query parameter")
        return QueryRequest(text, *_dataset(params), params.getlist("format"))
    if mimetype == DIRECT:
        if "query" in request.args:
            raise BadInput("give one query, not 2 (one in the URL, one in the body)")
        return QueryRequest(_direct_body(config), *_dataset(request.args), request.args.getlist("format"))
    if mimetype == UPDATE or "update" in request.args:
        raise QueryRefused(READ_ONLY)
    if not mimetype:
        raise UnsupportedMediaType(f"a POST needs a Content-Type: {FORM} or {DIRECT}")
    raise UnsupportedMediaType(f"a POST to /sparql takes {FORM} or {DIRECT}, not {mimetype}")


def chooser(names: list[str]) -> Callable[[Kind], Format]:
    """The format choice of this request, as a function of the result's kind."""
    accept = request.headers.get("Accept")
    return lambda kind: negotiate(kind, accept, names)


def _description(names: list[str]) -> Response:
    fmt = chooser(names)("graph")
    body = serialize(service_description(request.base_url), fmt.rdflib or "turtle")
    response = Response(body, content_type=fmt.content_type)
    response.vary.add("Accept")
    return response


@bp.route("/sparql", methods=["GET", "POST"])
def sparql() -> Response:
    """Answer a SPARQL query, or describe the service when there is none."""
    config: Config = current_app.config["DIPLOKG"]
    asked = read_request(config)
    if asked.text is None:
        return _description(asked.formats)
    log.debug("query: %s", asked.text)
    check_query(asked.text, max_bytes=config.max_query_bytes, max_depth=config.max_query_depth,
                service=config.service_guard)
    answer = runner(current_app).run(asked.text, chooser(asked.formats), asked.default_graphs, asked.named_graphs)
    response = Response(answer.body, content_type=answer.format.content_type)
    response.headers["Vary"] = "Accept"
    if answer.truncated:
        response.headers["X-Diplokg-Truncated"] = "true"
        response.headers["Warning"] = f'199 diplokg "result truncated to the first {config.max_rows} rows or triples"'
    return response
