"""What the page and dump routes share: the app's read-only store, IRI ↔ local path, formats."""

from __future__ import annotations

import logging
import threading

from flask import Flask, Response, current_app, jsonify, render_template, request

from diplokg.config import Config
from diplokg.errors import DiplokgError
from diplokg.store import Store, open_store
from server.negotiate import Format, best_match, by_media_type
from server.negotiate import negotiate as negotiate_format

log = logging.getLogger(__name__)

_OPEN_LOCK = threading.Lock()
_EXTENSION = "diplokg.pages.store"


def config() -> Config:
    """The app's diplokg settings."""
    return current_app.config["DIPLOKG"]


def base() -> str:
    """The configured base IRI, always ending with a slash."""
    value = config().base
    return value if value.endswith("/") else value + "/"


def store(app: Flask | None = None) -> Store:
    """The app's read-only store, opened on first use and shared by its requests."""
    app = app or current_app._get_current_object()
    opened = app.extensions.get(_EXTENSION)
    if opened is None:
        with _OPEN_LOCK:
            opened = app.extensions.get(_EXTENSION)
            if opened is None:
                opened = open_store(app.config["DIPLOKG"], writable=False)
                app.extensions[_EXTENSION] = opened
    return opened


def linkable(url: str) -> bool:
    """Whether a URL may be a link on our pages: http(s), or an instance IRI of this site.

    >>> linkable("https://example.org/a"), linkable("javascript:alert(1)"), linkable(" http://x/")
    (True, False, False)
    """
    lower = url[:8].lower()
    return lower.startswith(("http://", "https://")) or url.startswith(base() + "id/")


def local_href(iri: str) -> str:
    """A link for ``iri``: instance IRIs (``{base}id/...``) become paths on this server."""
    prefix = base()
    if iri.startswith(prefix + "id/"):
        return request.script_root + "/" + iri[len(prefix):]
    return iri


def _format(media_type: str) -> Format:
    found = by_media_type(media_type)
    assert found is not None, media_type
    return found


HTML = _format("text/html")
_JSON = _format("application/sparql-results+json")  # its aliases include application/json
TURTLE = _format("text/turtle")
JSONLD = _format("application/ld+json")
NTRIPLES = _format("application/n-triples")
RDF_FORMATS = (TURTLE, JSONLD, NTRIPLES)
BY_SUFFIX = {f.extension: f for f in (HTML, *RDF_FORMATS)}


def negotiate(offers: tuple[Format, ...]) -> Format:
    """The offer that best matches the request's Accept header (the first one for */* or none).

    Raises NotAcceptable when the client accepts none of them.
    """
    return negotiate_format("graph", request.headers.get("Accept"), offers=offers)


def wants_html() -> bool:
    """Whether the client prefers an HTML page to JSON (a browser)."""
    accept = request.headers.get("Accept")
    return bool(accept) and best_match(accept, (_JSON, HTML)) is HTML


def error_response(exc: DiplokgError) -> tuple[Response, int] | tuple[str, int]:
    """The error as an HTML page for browsers, else the one JSON shape ``{"error", "status"}``."""
    if wants_html():
        return render_template("error.html", status=exc.status, message=exc.message,
                               title=str(exc.status)), exc.status
    return jsonify({"error": exc.message, "status": exc.status}), exc.status
