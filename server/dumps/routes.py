"""Blueprint: dumps of the whole store (``/export.{ttl,trig,nq}``) and the VoID description."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from flask import Blueprint, Response, current_app, request, stream_with_context

from diplokg.errors import DiplokgError, NotFound
from diplokg.iris import Iris
from diplokg.rebase import asserted_ontology
from server.pages import common
from server.dumps.stream import stream_export
from server.dumps.void import cached_void

log = logging.getLogger(__name__)

bp = Blueprint("dumps", __name__)


@dataclass(frozen=True)
class Dump:
    """One dump: the store's export format, its media type and file suffix."""

    fmt: str
    media_type: str
    suffix: str


DUMPS = {
    "ttl": Dump("turtle", "text/turtle", "ttl"),
    "trig": Dump("trig", "application/trig", "trig"),
    "nq": Dump("nquads", "application/n-quads", "nq"),
    "nt": Dump("ntriples", "application/n-triples", "nt"),
    "jsonld": Dump("jsonld", "application/ld+json", "jsonld"),
}


def published_ontology(app) -> dict:
    """``{ontology graph: its asserted triples}``: dumps publish the ontology as its files
    state it, not the OWL RL closure the store keeps (parsed once per process)."""
    found = app.extensions.get("diplokg.dumps.ontology")
    if found is None:
        iris = Iris(app.config["DIPLOKG"].base)
        found = {iris.ontology_graph: list(asserted_ontology(iris.base))}
        app.extensions["diplokg.dumps.ontology"] = found
    return found


@bp.get("/export.<suffix>")
def export(suffix: str) -> Response | tuple[Response, int] | tuple[str, int]:
    """The whole store, streamed (Turtle and N-Triples are the union of all graphs)."""
    dump = DUMPS.get(suffix)
    if dump is None:
        return common.error_response(NotFound(f"no dump /export.{suffix}; available: "
                               + ", ".join(f"/export.{s}" for s in DUMPS)))
    store = common.store()
    replace = published_ontology(current_app)
    if not any(g in store.graphs() for g in replace):
        replace = {}
    body = stream_with_context(stream_export(store, dump.fmt, replace))
    response = Response(body, mimetype=dump.media_type)
    response.headers["Content-Disposition"] = f'attachment; filename="diplokg.{dump.suffix}"'
    return response


@bp.get("/.well-known/void")
def void() -> Response | tuple[Response, int] | tuple[str, int]:
    """The VoID description of the dataset (Turtle unless asked for another RDF format), with
    the endpoint and dumps at the URL this service answers at; computed once per snapshot."""
    try:
        fmt = common.negotiate(common.RDF_FORMATS)
    except DiplokgError as exc:
        return common.error_response(exc)
    graph = cached_void(current_app, common.store(), common.base(), request.url_root)
    response = Response(common.serialize(graph, fmt), content_type=fmt.content_type)
    response.headers["Vary"] = "Accept"
    return response
