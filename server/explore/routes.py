"""Blueprint: ``/explore/network`` and ``/explore/timeline`` (pages) and their JSON routes."""

from __future__ import annotations

import logging
from typing import Any

from flask import Blueprint, Response, jsonify, render_template, request
from rdflib import Literal, URIRef

from diplokg.errors import BadInput
from diplokg.iris import Iris
from diplokg.store import Store
from server.pages import common
from server.explore import network as net
from server.explore import timeline as tl
from server.explore.bounded import entity_param, filters, int_param, is_iri, served_store
from server.explore.labels import MAX_IRIS, describe
from server.explore.vocabulary import PREFIXES, vocabulary
from server.pages.query import select

log = logging.getLogger(__name__)

bp = Blueprint("explore", __name__, url_prefix="/explore")

DEFAULT_NODES = 150
MAX_NODES = 1000
MAX_CHOICES = 1000


def _iris_from_body() -> list[URIRef]:
    """The ``iris`` list of a JSON body: absolute IRIs, at most MAX_IRIS."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("iris"), list):
        raise BadInput('the body must be JSON of the form {"iris": ["http://...", ...]}')
    iris = body["iris"]
    if len(iris) > MAX_IRIS:
        raise BadInput(f"at most {MAX_IRIS} IRIs per request, not {len(iris)}")
    return [URIRef(i) for i in dict.fromkeys(iris) if is_iri(i)]


def _choices(store: Store, cls: str, pattern: str) -> list[dict[str, str]]:
    """The instances of a class with their names, for a filter's choices."""
    actors = Literal(common.base() + "id/").n3()
    rows = select(store, f"""
        SELECT ?x (SAMPLE(?l) AS ?label) WHERE {{
          ?x a dkg:{cls} ; {pattern} ?l FILTER(STRSTARTS(STR(?x), {actors}))
        }} GROUP BY ?x ORDER BY ?label LIMIT {MAX_CHOICES}""")
    return [{"href": common.local_href(str(r["x"])), "label": str(r["label"])} for r in rows]


def _subject() -> tuple[str, URIRef] | None:
    """The person, country (or organization) or issue a timeline is asked for."""
    for name, kind in (("person", "actor"), ("country", "actor"), ("issue", "issue")):
        found = entity_param(name, kind)
        if found is not None:
            return name, found
    return None


@bp.get("/network")
def network_page() -> str:
    """The network view: filters, the graph, the meetings of a chosen edge."""
    found = filters()
    with served_store() as store:
        countries = _choices(store, "Country", "rdfs:label")
        issues = _choices(store, "Issue", "skos:prefLabel|rdfs:label")
    config = {"data": request.script_root + "/explore/network.json", "args": found.query_args(),
              "limit": int_param("limit", DEFAULT_NODES, 2, MAX_NODES), **_common_config()}
    return render_template("explore/network.html", title="Who met whom", countries=countries, issues=issues,
                           f=found.query_args(), limit=config["limit"], max_nodes=MAX_NODES,
                           from_query=bool(request.args.get("query")), page_config=config)


@bp.get("/network.json")
def network_data() -> Response:
    """The network under the request's filters: nodes, weighted edges, how many were left out."""
    found = filters()
    limit = int_param("limit", DEFAULT_NODES, 2, MAX_NODES)
    with served_store() as store:
        return jsonify(net.network(store, common.base(), found, limit))


@bp.get("/meetings.json")
def meetings_data() -> Response:
    """The meetings of two actors (an edge of the network), with their evidence."""
    a, b = entity_param("a", "actor"), entity_param("b", "actor")
    if a is None or b is None:
        raise BadInput("give the two actors of the edge as a= and b=")
    found = filters()
    with served_store() as store:
        return jsonify(net.meetings_between(store, common.base(), a, b, found))


@bp.get("/timeline")
def timeline_page() -> str:
    """The timeline view of a person, country, issue or query result."""
    subject = _subject()
    label = None
    with served_store() as store:
        if subject is not None:
            label = describe(store, [subject[1]]).get(str(subject[1]), {}).get("label")
        countries = _choices(store, "Country", "rdfs:label")
        issues = _choices(store, "Issue", "skos:prefLabel|rdfs:label")
    source = None
    if subject is not None:
        source = f"{request.script_root}/explore/timeline.json?{subject[0]}={common.local_href(str(subject[1]))}"
    config = {"data": source, "timeline": request.script_root + "/explore/timeline.json", **_common_config()}
    heading = f"Timeline of {label}" if label else ("Timeline of a query result" if request.args.get("query")
                                                   else "Timeline")
    return render_template("explore/timeline.html", title=heading, heading=heading, countries=countries,
                           issues=issues, subject=subject, label=label, page_config=config)


@bp.route("/timeline.json", methods=["GET", "POST"])
def timeline_data() -> Response:
    """The meetings and statements of a person, country, issue (GET) or of IRIs (POST)."""
    base = common.base()
    if request.method == "POST":
        iris = _iris_from_body()
        if not iris:
            return jsonify({"items": [], "undated": [], "capped": False, "max_items": tl.MAX_ITEMS})
        where = tl.patterns(base, iris=iris)
    else:
        subject = _subject()
        if subject is None:
            raise BadInput("name a person=, country= or issue= (a local path such as /id/actor/japan)")
        name, iri = subject
        where = tl.patterns(base, **{{"person": "person", "country": "group", "issue": "issue"}[name]: iri})
    with served_store() as store:
        return jsonify(tl.timeline(store, base, *where))


@bp.post("/labels.json")
def labels_data() -> Response:
    """Names, kinds and links of the IRIs in a JSON body ``{"iris": [...]}``: one query."""
    iris = _iris_from_body()
    with served_store() as store:
        return jsonify({"labels": describe(store, iris)})


@bp.get("/vocabulary.json")
def vocabulary_data() -> Response:
    """Prefixes, classes and properties for the editor's completion."""
    with served_store() as store:
        return jsonify(vocabulary(store, Iris(common.base()).ontology_graph))


@bp.get("/prefixes.json")
def prefixes_data() -> Response:
    """The predeclared prefixes as ``{prefix: namespace}`` (the shape YASQE reads)."""
    return jsonify(PREFIXES)


def _common_config() -> dict[str, Any]:
    return {"base": common.base(), "root": request.script_root, "endpoint": request.script_root + "/sparql",
            "labels": request.script_root + "/explore/labels.json",
            "meetings": request.script_root + "/explore/meetings.json"}


