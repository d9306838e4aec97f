"""Blueprint: the documents behind the IRIs every page links to, by content negotiation.

- ``/ontology`` (``https://w3id.org/diplokg/ontology``, the ``dkg:`` terms' document): the
  ontology and the issue scheme as their files state them;
- ``/issues`` (``{base}issues``): the issue scheme;
- ``/dataset`` (``{base}dataset``): the dataset's VoID description (as ``/.well-known/void``);
- ``/graph/article/{id}`` and ``/graph/ontology`` (``{base}graph/...``): a named graph's
  triples (in N-Quads and TriG inside that graph); a browser is sent to the article's page.

Each answers HTML or any RDF format (``.ttl .jsonld .nt .rdf .nq .trig`` name one), with
``Content-Location`` naming the variant sent.
"""

from __future__ import annotations

import functools
import logging

from flask import Blueprint, Response, current_app, g, redirect, render_template, request
from rdflib import OWL, RDF, RDFS, SKOS, Graph, URIRef
from rdflib.namespace import DCTERMS

from diplokg.errors import DiplokgError, NotFound
from diplokg.iris import DKG, Iris
from diplokg.rebase import asserted_ontology
from server.pages import common
from server.dumps.void import cached_void
from server.pages.routes import KEY

log = logging.getLogger(__name__)

bp = Blueprint("documents", __name__)

ONTOLOGY = URIRef(common.ONTOLOGY_DOCUMENT)
_CLASS_TYPES = (OWL.Class, RDFS.Class)
_PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)


@functools.lru_cache(maxsize=4)
def _ontology(base: str) -> Graph:
    return asserted_ontology(base)


def _scheme(base: str) -> Graph:
    """The issue scheme: the triples of the scheme and of its concepts."""
    ontology = _ontology(base)
    scheme = URIRef(base + "issues")
    concepts = set(ontology.subjects(SKOS.inScheme, scheme)) | {scheme}
    graph = Graph()
    for s, p, o in ontology:
        if s in concepts:
            graph.add((s, p, o))
    return graph


def _negotiated(name: str) -> tuple[str, common.Format]:
    """The resource name without a format suffix, and the format: the suffix's, else the Accept header's."""
    stem, fmt = common.split_suffix(name)
    return stem, fmt or common.negotiate((common.HTML, *common.RDF_FORMATS))


def _labels(graph: Graph) -> dict:
    found = {}
    for prop in (SKOS.prefLabel, RDFS.label):
        for s, o in graph.subject_objects(prop):
            found.setdefault(s, str(o))
    return found


def _resources(graph: Graph, subjects) -> list[dict]:
    """A row per subject: its IRI, label, comment or definition, types, and its other triples."""
    rows = []
    for s in sorted(set(subjects), key=str):
        triples = sorted(((p, o) for p, o in graph.predicate_objects(s)), key=lambda t: (str(t[0]), str(t[1])))
        rows.append({
            "iri": s, "anchor": str(s).rsplit("#", 1)[-1].rsplit("/", 1)[-1],
            "label": graph.value(s, RDFS.label) or graph.value(s, SKOS.prefLabel),
            "comment": graph.value(s, RDFS.comment) or graph.value(s, SKOS.definition),
            "types": sorted(graph.objects(s, RDF.type), key=str),
            "triples": [(p, o) for p, o in triples if p not in (RDFS.label, RDFS.comment, RDF.type, SKOS.definition)],
        })
    return rows


def _page(template: str, graph: Graph, path: str, **context) -> str:
    g.labels = _labels(graph)
    return render_template(template, alternates=common.alternates(path), **context)


def _document(name: str, path: str, graph_of, html_of) -> Response:
    try:
        _, fmt = _negotiated(name)
        graph = graph_of()
    except DiplokgError as exc:
        return common.error_response(exc)
    body = html_of(graph) if fmt is common.HTML else common.serialize(graph, fmt)
    return common.representation(body, fmt, path)


@bp.get("/ontology")
@bp.get("/<any(ontology.ttl, ontology.jsonld, ontology.nt, ontology.rdf, ontology.nq, ontology.trig, ontology.html):name>")
def ontology(name: str = "ontology") -> Response:
    """The ontology and the issue scheme: classes, properties, individuals and issues."""
    base = common.base()

    def html(graph: Graph) -> str:
        terms = {s for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(DKG)}
        typed = {s: set(graph.objects(s, RDF.type)) for s in terms}
        classes = [s for s in terms if typed[s] & set(_CLASS_TYPES)]
        properties = [s for s in terms if typed[s] & set(_PROPERTY_TYPES)]
        others = terms - set(classes) - set(properties)
        return _page("documents/ontology.html", graph, "/ontology", title="Ontology", this=ONTOLOGY,
                     title_text=graph.value(ONTOLOGY, DCTERMS.title), description=graph.value(ONTOLOGY, DCTERMS.description)
                     or graph.value(ONTOLOGY, RDFS.comment),
                     sections=[("Classes", _resources(graph, classes)), ("Properties", _resources(graph, properties)),
                               ("Individuals", _resources(graph, others))],
                     scheme=URIRef(base + "issues"))

    return _document(name, "/ontology", lambda: _ontology(base), html)


@bp.get("/issues")
@bp.get("/<any(issues.ttl, issues.jsonld, issues.nt, issues.rdf, issues.nq, issues.trig, issues.html):name>")
def issues(name: str = "issues") -> Response:
    """The issue scheme: every issue with its labels, definition and place in the hierarchy."""
    base = common.base()
    scheme = URIRef(base + "issues")

    def html(graph: Graph) -> str:
        concepts = [s for s in graph.subjects(SKOS.inScheme, scheme)]
        return _page("documents/issues.html", graph, "/issues", title="Issues", this=scheme,
                     title_text=graph.value(scheme, SKOS.prefLabel), description=graph.value(scheme, DCTERMS.description),
                     top=sorted(graph.objects(scheme, SKOS.hasTopConcept), key=str), concepts=_resources(graph, concepts))

    return _document(name, "/issues", lambda: _scheme(base), html)


@bp.get("/dataset")
@bp.get("/<any(dataset.ttl, dataset.jsonld, dataset.nt, dataset.rdf, dataset.nq, dataset.trig, dataset.html):name>")
def dataset(name: str = "dataset") -> Response:
    """The dataset: its VoID description (the same as /.well-known/void)."""
    base = common.base()
    this = URIRef(base + "dataset")

    def html(graph: Graph) -> str:
        subjects = [s for s in graph.subjects() if s != this]
        return _page("documents/dataset.html", graph, "/dataset", title="Dataset", this=this,
                     main=_resources(graph, [this])[0], others=_resources(graph, subjects))

    return _document(name, "/dataset", lambda: cached_void(current_app, common.store(), base, request.url_root), html)


@bp.get("/graph/<path:name>")
def named_graph(name: str) -> Response:
    """A named graph's triples; browsers go to the page of the graph's article (or the ontology)."""
    stem, fmt = common.split_suffix(name)
    base = common.base()
    iri = base + "graph/" + stem
    try:
        kind, _, key = stem.partition("/")
        if not ((kind == "article" and KEY.fullmatch(key)) or stem == "ontology"):
            raise NotFound(f"no such graph: {iri}")
        store = common.store()
        if iri not in store.graphs():
            raise NotFound(f"no such graph: {iri}")
        fmt = fmt or common.negotiate((common.HTML, *common.RDF_FORMATS))
    except DiplokgError as exc:
        return common.error_response(exc)
    if fmt is common.HTML:
        target = "/ontology" if stem == "ontology" else "/" + Iris(base).article(key)[len(base):]
        response = redirect(request.script_root + target, code=303)
        response.headers["Vary"] = "Accept"
        return response
    graph = Graph()
    for triple in store.graph_triples(iri):
        graph.add(triple)
    return common.representation(common.serialize(graph, fmt, iri), fmt, f"/graph/{stem}")
