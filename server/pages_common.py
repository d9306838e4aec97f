"""What the page and dump routes share: the app's read-only store, IRI ↔ local path, formats."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from flask import Flask, Response, current_app, jsonify, render_template, request

from diplokg.config import Config
from diplokg.errors import DiplokgError, NotAcceptable
from diplokg.store import Store, open_store

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


def local_href(iri: str) -> str:
    """A link for ``iri``: instance IRIs (``{base}id/...``) become paths on this server."""
    prefix = base()
    if iri.startswith(prefix + "id/"):
        return request.script_root + "/" + iri[len(prefix):]
    return iri


@dataclass(frozen=True)
class Format:
    """A representation: file suffix, media type, rdflib serializer name."""

    suffix: str
    media_type: str
    rdflib: str | None


HTML = Format("html", "text/html", None)
TURTLE = Format("ttl", "text/turtle", "turtle")
JSONLD = Format("jsonld", "application/ld+json", "json-ld")
NTRIPLES = Format("nt", "application/n-triples", "nt")
RDF_FORMATS = (TURTLE, JSONLD, NTRIPLES)
BY_SUFFIX = {f.suffix: f for f in (HTML, *RDF_FORMATS)}
# Plain JSON clients get JSON-LD (answered as application/ld+json).
JSON_ALIAS = Format("jsonld", "application/json", "json-ld")


def negotiate(offers: tuple[Format, ...]) -> Format:
    """The offer that best matches the request's Accept header (the first one for */*).

    Raises NotAcceptable when the client accepts none of them.
    """
    accept = request.accept_mimetypes
    if not accept:
        return offers[0]
    best = accept.best_match([f.media_type for f in offers])
    if best is None:
        wanted = request.headers.get("Accept", "")
        offered = ", ".join(f.media_type for f in offers)
        raise NotAcceptable(f"cannot serve {wanted!r}; available: {offered}")
    chosen = next(f for f in offers if f.media_type == best)
    return JSONLD if chosen is JSON_ALIAS else chosen


def wants_html() -> bool:
    """Whether the client prefers an HTML page to JSON (a browser)."""
    accept = request.accept_mimetypes
    return accept.best_match(["application/json", "text/html"]) == "text/html" and accept["text/html"] > 0


def error_response(exc: DiplokgError) -> tuple[Response, int] | tuple[str, int]:
    """The error as an HTML page for browsers, else the one JSON shape ``{"error", "status"}``."""
    if wants_html():
        return render_template("error.html", status=exc.status, message=exc.message,
                               title=str(exc.status)), exc.status
    return jsonify({"error": exc.message, "status": exc.status}), exc.status
