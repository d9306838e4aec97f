"""What the page and dump routes share: the app's read-only store, IRI ↔ local path, formats."""

from __future__ import annotations

import logging
import threading

from flask import Flask, Response, current_app, jsonify, render_template, request
from rdflib import Graph

from diplokg.config import Config
from diplokg.errors import DiplokgError
from diplokg.iris import DKG, PREFIXES
from diplokg.store import Store, open_store
from diplokg.store.terms import serialize_triples
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


# Paths under the base that this server answers: instances, graphs, the dataset, the scheme.
_LOCAL = ("id/", "graph/", "dataset", "issues")


def linkable(url: str) -> bool:
    """Whether a URL may be a link on our pages: http(s), or an IRI this site answers.

    >>> linkable("https://example.org/a"), linkable("javascript:alert(1)"), linkable(" http://x/")
    (True, False, False)
    """
    lower = url[:8].lower()
    if lower.startswith(("http://", "https://")):
        return True
    prefix = base()
    return url.startswith(prefix) and url[len(prefix):].startswith(_LOCAL)


def local_href(iri: str) -> str:
    """A link for ``iri``: IRIs this server dereferences (``{base}id/...``, ``{base}graph/...``,
    ``{base}dataset``, ``{base}issues`` and the ontology's terms) become paths on this server."""
    prefix = base()
    if iri.startswith(prefix) and iri[len(prefix):].startswith(_LOCAL):
        return request.script_root + "/" + iri[len(prefix):]
    if iri == ONTOLOGY_DOCUMENT or iri.startswith(DKG):
        return request.script_root + "/ontology" + iri[len(ONTOLOGY_DOCUMENT):]
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
RDFXML = _format("application/rdf+xml")
NQUADS = _format("application/n-quads")
TRIG = _format("application/trig")
# Every RDF format the service writes, on every route (the SPARQL endpoint's graph formats).
RDF_FORMATS = (TURTLE, JSONLD, NTRIPLES, RDFXML, NQUADS, TRIG)
BY_SUFFIX = {f.extension: f for f in (HTML, *RDF_FORMATS)}
ONTOLOGY_DOCUMENT = DKG.rstrip("#")

# Prefixes of RDF documents (Turtle, TriG, RDF/XML, the JSON-LD context): those every query
# may use (diplokg.iris), and VoID's for the dataset description.
NAMESPACES = {**PREFIXES, "void": "http://rdfs.org/ns/void#"}


def serialize(graph: Graph, fmt: Format, graph_name: str | None = None) -> bytes:
    """A graph in one of RDF_FORMATS, with the usual prefixes. Quad formats put the triples in
    the named graph ``graph_name`` (or the default graph). Turtle is grouped by subject and
    JSON-LD compacted with a context of the prefixes it uses (rdflib); the other formats are
    written by the engine."""
    used = {p: ns for p, ns in NAMESPACES.items() if any(str(t).startswith(ns) for t in _terms(graph))}
    if fmt is JSONLD or fmt is TURTLE:
        for prefix, namespace in used.items():
            graph.bind(prefix, namespace, replace=True)
        if fmt is TURTLE:  # rdflib groups each subject's triples: easier to read than a stream
            return graph.serialize(format="turtle", encoding="utf-8")
        return graph.serialize(format="json-ld", context=used, auto_compact=True, encoding="utf-8")
    return serialize_triples(graph, fmt.media_type, graph_name, used)


def _terms(graph: Graph):
    for triple in graph:
        yield from triple


def alternates(path: str) -> list[tuple[Format, str]]:
    """(format, link) of every RDF representation of the resource at ``path``."""
    return [(f, f"{request.script_root}{path}.{f.extension}") for f in RDF_FORMATS]


def representation(body: bytes | str, fmt: Format, path: str) -> Response:
    """A negotiated response: Content-Type, ``Content-Location`` of the variant sent
    (``path.ext``), ``Vary: Accept`` and ``Link`` headers to the other representations."""
    response = Response(body, content_type=fmt.content_type)
    response.headers["Content-Location"] = f"{request.script_root}{path}.{fmt.extension}"
    response.headers["Vary"] = "Accept"
    response.headers["Link"] = ", ".join(f'<{href}>; rel="alternate"; type="{f.media_type}"'
                                         for f, href in alternates(path))
    return response


def split_suffix(name: str) -> tuple[str, Format | None]:
    """``"x.ttl"`` → ``("x", TURTLE)``; a name without a known suffix → ``(name, None)``."""
    stem, _, suffix = name.rpartition(".")
    if stem and suffix in BY_SUFFIX:
        return stem, BY_SUFFIX[suffix]
    return name, None


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
