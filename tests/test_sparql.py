"""The /sparql endpoint through Flask's test client, on a real store on disk."""

from __future__ import annotations

import csv
import io
import json
import warnings
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDFS

from server import create_app
from tests.sparql_support import BIEGUN, G1, G2, M1, M2, MOTEGI, WANG, build_store

ALL = "SELECT * WHERE { ?s ?p ?o }"
LABELS = "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?s ?label"
MEETING_PEOPLE = (
    "PREFIX dkg: <https://w3id.org/diplokg/ontology#> SELECT ?m ?p WHERE { ?m a dkg:Meeting ; dkg:participant ?p }"
)
CONSTRUCT = (
    "CONSTRUCT { ?p <http://www.w3.org/2000/01/rdf-schema#label> ?l } "
    "WHERE { <https://w3id.org/diplokg/id/meeting/m1> <https://w3id.org/diplokg/ontology#participant> ?p . "
    "?p <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
)
CONSTRUCT_TRIPLES = {
    (MOTEGI, RDFS.label, Literal("Toshimitsu Motegi")),
    (BIEGUN, RDFS.label, Literal("Stephen Biegun")),
}
RDFLIB_FORMAT = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
    "application/n-quads": "nquads",
    "application/trig": "trig",
}
RESULT_TYPES = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values"]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store")
    build_store(path)
    return path


@pytest.fixture(scope="module")
def app(store_path: Path) -> Flask:
    return create_app({"store": str(store_path), "max_query_bytes": 2000, "max_rows": 4})


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def rows(data: bytes) -> set[tuple[str, ...]]:
    """The rows of a SPARQL JSON result as tuples of values, in variable order."""
    doc = json.loads(data)
    names = doc["head"]["vars"]
    return {tuple(b[n]["value"] if n in b else "" for n in names) for b in doc["results"]["bindings"]}


def graph_of(data: bytes, media_type: str) -> set:
    """The triples of an RDF document (rdflib's own parsers use its deprecated classes)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "(ConjunctiveGraph|Dataset.default_context) is deprecated", DeprecationWarning)
        if media_type in ("application/n-quads", "application/trig"):
            ds = Dataset()
            ds.parse(data=data, format=RDFLIB_FORMAT[media_type])
            return {(s, p, o) for s, p, o, _ in ds.quads()}
        return set(Graph().parse(data=data, format=RDFLIB_FORMAT[media_type]))


# --- result forms and formats ------------------------------------------------------------

def test_select_json_union_of_all_graphs(client: FlaskClient) -> None:
    r = client.get("/sparql", query_string={"query": MEETING_PEOPLE})
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "application/sparql-results+json"
    assert rows(r.data) == {(str(M1), str(MOTEGI)), (str(M1), str(BIEGUN)), (str(M2), str(MOTEGI)), (str(M2), str(WANG))}


def test_select_csv_and_tsv(client: FlaskClient) -> None:
    query = "SELECT ?label WHERE { <https://w3id.org/diplokg/id/actor/wang-yi> ?p ?label }"
    r = client.get("/sparql", query_string={"query": query}, headers={"Accept": "text/csv"})
    assert r.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert list(csv.reader(io.StringIO(r.data.decode()))) == [["label"], ["Wang Yi"]]
    r = client.get("/sparql", query_string={"query": query}, headers={"Accept": "text/tab-separated-values"})
    assert r.headers["Content-Type"] == "text/tab-separated-values; charset=utf-8"
    assert r.data.decode().splitlines() == ["?label", '"Wang Yi"@en']


def test_select_xml(client: FlaskClient) -> None:
    query = "SELECT ?label WHERE { <https://w3id.org/diplokg/id/actor/wang-yi> ?p ?label }"
    r = client.get("/sparql", query_string={"query": query}, headers={"Accept": "application/sparql-results+xml"})
    assert r.headers["Content-Type"] == "application/sparql-results+xml"
    assert b'<literal xml:lang="en">Wang Yi</literal>' in r.data


@pytest.mark.parametrize("media_type", RESULT_TYPES)
def test_ask_in_every_results_format(client: FlaskClient, media_type: str) -> None:
    r = client.get("/sparql", query_string={"query": "ASK { ?m a <https://w3id.org/diplokg/ontology#Meeting> }"},
                   headers={"Accept": media_type})
    assert r.status_code == 200
    assert r.mimetype == media_type
    assert b"true" in r.data


@pytest.mark.parametrize("media_type", list(RDFLIB_FORMAT))
def test_construct_in_every_graph_format(client: FlaskClient, media_type: str) -> None:
    r = client.get("/sparql", query_string={"query": CONSTRUCT}, headers={"Accept": media_type})
    assert r.status_code == 200
    assert r.mimetype == media_type
    assert graph_of(r.data, media_type) == CONSTRUCT_TRIPLES


@pytest.mark.parametrize("media_type", list(RDFLIB_FORMAT))
def test_describe_in_every_graph_format(client: FlaskClient, media_type: str) -> None:
    r = client.get("/sparql", query_string={"query": f"DESCRIBE <{WANG}>"}, headers={"Accept": media_type})
    assert r.status_code == 200
    assert graph_of(r.data, media_type) == {(WANG, RDFS.label, Literal("Wang Yi", lang="en"))}


# --- content negotiation -----------------------------------------------------------------

@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "application/sparql-results+json"),
        ("*/*", "application/sparql-results+json"),
        ("text/*", "text/csv"),
        ("application/json", "application/sparql-results+json"),
        ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
        ("text/csv;q=0.9, application/sparql-results+xml;q=0.5", "text/csv"),
        ("text/html, */*;q=0.1, application/sparql-results+json;q=0", "application/sparql-results+xml"),
    ],
)
def test_select_accept_with_q_values(client: FlaskClient, accept: str | None, expected: str) -> None:
    headers = {"Accept": accept} if accept else {}
    r = client.get("/sparql", query_string={"query": LABELS}, headers=headers)
    assert r.status_code == 200
    assert r.mimetype == expected


@pytest.mark.parametrize(("name", "expected"), [("csv", "text/csv"), ("tsv", "text/tab-separated-values"),
                                                ("xml", "application/sparql-results+xml"), ("json", "application/sparql-results+json")])
def test_format_parameter_wins_over_accept(client: FlaskClient, name: str, expected: str) -> None:
    r = client.get("/sparql", query_string={"query": LABELS, "format": name}, headers={"Accept": "text/html,*/*;q=0.8"})
    assert r.mimetype == expected


@pytest.mark.parametrize(("name", "expected"), [("ttl", "text/turtle"), ("xml", "application/rdf+xml"),
                                                ("json-ld", "application/ld+json"), ("nt", "application/n-triples")])
def test_format_parameter_for_graphs(client: FlaskClient, name: str, expected: str) -> None:
    r = client.get("/sparql", query_string={"query": CONSTRUCT, "format": name})
    assert r.mimetype == expected
    assert graph_of(r.data, expected) == CONSTRUCT_TRIPLES


def test_graph_format_for_select_is_406(client: FlaskClient) -> None:
    r = client.get("/sparql", query_string={"query": LABELS}, headers={"Accept": "text/turtle"})
    assert r.status_code == 406
    assert r.get_json() == {
        "error": "none of the accepted media types (text/turtle) can be served here; available: "
                 "application/sparql-results+json, application/sparql-results+xml, text/csv, text/tab-separated-values",
        "status": 406,
    }


def test_results_format_for_construct_is_406(client: FlaskClient) -> None:
    r = client.get("/sparql", query_string={"query": CONSTRUCT, "format": "csv"})
    assert r.status_code == 406
    assert r.get_json()["error"] == "format 'csv' cannot be served here; choose one of ttl, nt, jsonld, rdf, nq, trig"


# --- dataset -----------------------------------------------------------------------------

def test_default_graph_uri_limits_the_default_graph(client: FlaskClient) -> None:
    r = client.get("/sparql", query_string={"query": MEETING_PEOPLE, "default-graph-uri": G2})
    assert rows(r.data) == {(str(M2), str(MOTEGI)), (str(M2), str(WANG))}


def test_two_default_graph_uris_are_merged(client: FlaskClient) -> None:
    r = client.get("/sparql", query_string=[("query", "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a ?c }"),
                                            ("default-graph-uri", G1), ("default-graph-uri", G2)])
    assert rows(r.data) == {("2",)}


def test_named_graph_uri_limits_graph_patterns(client: FlaskClient) -> None:
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    r = client.get("/sparql", query_string={"query": query, "named-graph-uri": G1})
    assert rows(r.data) == {(G1,)}
    r = client.get("/sparql", query_string={"query": query + " ORDER BY ?g"})
    assert len(rows(r.data)) == 3


# --- refusals and errors -----------------------------------------------------------------

def test_syntax_error_is_400_with_position(client: FlaskClient) -> None:
    r = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p }"})
    assert r.status_code == 400
    body = r.get_json()
    assert body["status"] == 400
    assert body["error"].startswith("error at 1:")


def test_update_in_query_is_refused(client: FlaskClient) -> None:
    r = client.post("/sparql", data={"query": "DROP ALL"})
    assert r.status_code == 403
    assert r.get_json() == {"error": "updates are not allowed: this endpoint is read-only (found DROP)", "status": 403}


@pytest.mark.parametrize("how", ["get-update", "post-form-update", "post-sparql-update"])
def test_update_operation_is_refused(client: FlaskClient, how: str) -> None:
    update = "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }"
    if how == "get-update":
        r = client.get("/sparql", query_string={"update": update})
    elif how == "post-form-update":
        r = client.post("/sparql", data={"update": update})
    else:
        r = client.post("/sparql", data=update, content_type="application/sparql-update")
    assert r.status_code == 403
    assert r.get_json() == {"error": "updates are not allowed: this endpoint is read-only", "status": 403}
    check = client.get("/sparql", query_string={"query": "ASK { <http://x/a> ?p ?o }"})
    assert json.loads(check.data)["boolean"] is False


def test_service_is_refused(client: FlaskClient) -> None:
    r = client.get("/sparql", query_string={"query": "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"})
    assert r.status_code == 403
    assert r.get_json()["error"] == "SERVICE is not allowed: this endpoint does not query other endpoints"


def test_query_over_max_bytes_is_413(client: FlaskClient) -> None:
    query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 2000
    r = client.get("/sparql", query_string={"query": query})
    assert r.status_code == 413
    assert r.get_json()["error"] == f"query text is {len(query)} bytes, over the limit of 2000 bytes"
    r = client.post("/sparql", data=query, content_type="application/sparql-query")
    assert r.status_code == 413


def test_two_queries_are_400(client: FlaskClient) -> None:
    r = client.get("/sparql", query_string=[("query", "ASK {}"), ("query", "ASK {}")])
    assert r.status_code == 400
    assert r.get_json()["error"] == "give one query, not 2"


@pytest.mark.parametrize(
    ("content_type", "status", "message"),
    [
        (None, 415, "a POST needs a Content-Type: application/x-www-form-urlencoded or application/sparql-query"),
        ("text/plain", 415, "a POST to /sparql takes application/x-www-form-urlencoded or application/sparql-query, not text/plain"),
        ("application/sparql-query; charset=UTF-16", 415, "query text must be UTF-8, not utf-16"),
    ],
)
def test_post_without_a_protocol_media_type(client: FlaskClient, content_type: str | None, status: int, message: str) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    r = client.post("/sparql", data=b"ASK {}", headers=headers)
    assert r.status_code == status
    assert r.get_json() == {"error": message, "status": status}


def test_non_utf8_body_is_400(client: FlaskClient) -> None:
    r = client.post("/sparql", data='ASK { ?s ?p "é" }'.encode("latin-1"), content_type="application/sparql-query")
    assert r.status_code == 400
    assert r.get_json()["error"] == "query text is not valid UTF-8 (byte 13)"


def test_method_not_allowed(client: FlaskClient) -> None:
    r = client.put("/sparql", data="ASK {}")
    assert r.status_code == 405
    assert r.get_json()["status"] == 405
    assert set(r.headers["Allow"].split(", ")) >= {"GET", "POST"}


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [("get", "/no/such/route", 404), ("put", "/sparql", 405), ("get", "/sparql?query=ASK", 400),
     ("get", "/sparql?update=DROP%20ALL", 403), ("post", "/sparql", 415)],
)
def test_one_error_shape_json_and_html(client: FlaskClient, method: str, path: str, status: int) -> None:
    r = getattr(client, method)(path)
    assert r.status_code == status
    assert r.headers["Content-Type"] == "application/json"
    body = r.get_json()
    assert set(body) == {"error", "status"} and body["status"] == status and body["error"]
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    r = getattr(client, method)(path, headers={"Accept": browser})
    assert r.status_code == status
    assert r.headers["Content-Type"] == "text/html; charset=utf-8"
    assert f"<h1>{status} ".encode() in r.data


def test_error_page_escapes_the_message(client: FlaskClient) -> None:
    r = client.get("/sparql", query_string={"query": "SELECT <script> WHERE {}"}, headers={"Accept": "text/html"})
    assert r.status_code == 400
    assert b"<script>" not in r.data


# --- row cap -----------------------------------------------------------------------------

def test_rows_over_the_cap_are_truncated_with_a_header(client: FlaskClient) -> None:
    r = client.get("/sparql", query_string={"query": MEETING_PEOPLE})
    assert r.headers.get("X-Diplokg-Truncated") is None
    r = client.get("/sparql", query_string={"query": ALL})
    assert len(rows(r.data)) == 4
    assert r.headers["X-Diplokg-Truncated"] == "true"
    assert r.headers["Warning"] == '199 diplokg "result truncated to the first 4 rows or triples"'


def test_triples_over_the_cap_are_truncated(client: FlaskClient) -> None:
    r = client.get("/sparql", query_string={"query": "CONSTRUCT WHERE { ?s ?p ?o }"}, headers={"Accept": "application/n-triples"})
    assert len(graph_of(r.data, "application/n-triples")) == 4
    assert r.headers["X-Diplokg-Truncated"] == "true"


def test_rows_over_the_cap_refused_when_configured(store_path: Path) -> None:
    client = create_app({"store": str(store_path), "max_rows": 4, "row_cap": "refuse"}).test_client()
    r = client.get("/sparql", query_string={"query": ALL})
    assert r.status_code == 403
    assert r.get_json()["error"] == (
        "the result has more than 4 rows or triples, the most this endpoint returns: add a LIMIT"
    )
    assert client.get("/sparql", query_string={"query": MEETING_PEOPLE}).status_code == 200


# --- service description, CORS, health -------------------------------------------------

def test_service_description_in_turtle_by_default(client: FlaskClient) -> None:
    r = client.get("/sparql")
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "text/turtle; charset=utf-8"
    graph = Graph().parse(data=r.data, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    service = URIRef("http://localhost/sparql#service")
    assert (service, URIRef(sd + "endpoint"), URIRef("http://localhost/sparql")) in graph
    assert (service, URIRef(sd + "supportedLanguage"), URIRef(sd + "SPARQL11Query")) in graph
    assert len(list(graph.objects(service, URIRef(sd + "resultFormat")))) == 10


@pytest.mark.parametrize("media_type", list(RDFLIB_FORMAT))
def test_service_description_by_conneg(client: FlaskClient, media_type: str) -> None:
    r = client.get("/sparql", headers={"Accept": media_type})
    assert r.mimetype == media_type
    endpoint = URIRef("http://www.w3.org/ns/sparql-service-description#endpoint")
    assert {o for _, p, o in graph_of(r.data, media_type) if p == endpoint} == {URIRef("http://localhost/sparql")}


def test_cors_headers_and_preflight(client: FlaskClient) -> None:
    r = client.get("/sparql", query_string={"query": "ASK {}"}, headers={"Origin": "https://other.example"})
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    r = client.options("/sparql", headers={
        "Origin": "https://other.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "Content-Type"})
    assert r.status_code == 200
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in r.headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in r.headers["Access-Control-Allow-Headers"]


def test_healthz(client: FlaskClient) -> None:
    r = client.get("/healthz")
    assert r.status_code == 200
    assert r.get_json() == {"status": "ok"}


def test_union_default_graph_counts_a_shared_triple_once(client: FlaskClient) -> None:
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ <{MOTEGI}> <{RDFS.label}> ?label }}"
    r = client.get("/sparql", query_string={"query": query})
    assert rows(r.data) == {("1",)}


def test_query_text_is_logged_at_debug_level(client: FlaskClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("DEBUG", logger="server.sparql.endpoint"):
        client.get("/sparql", query_string={"query": "ASK { ?s ?p 'logged' }"})
    assert [r.getMessage() for r in caplog.records if r.name == "server.sparql.endpoint"] == ["query: ASK { ?s ?p 'logged' }"]
    caplog.clear()
    with caplog.at_level("INFO", logger="server.sparql.endpoint"):
        client.get("/sparql", query_string={"query": "ASK { ?s ?p 'quiet' }"})
    assert [r for r in caplog.records if r.name == "server.sparql.endpoint"] == []
