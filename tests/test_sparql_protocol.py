"""The SPARQL 1.1 Protocol (query side) against a real `diplokg serve` on 127.0.0.1.

First every query test of the W3C protocol test suite (sparql11-test-suite/protocol), with
the request the suite sends, byte for byte, and the suite's expectations (``W3C_QUERY_TESTS``
lists them: all 22 query tests are covered; the update tests do not apply to a read-only
endpoint beyond ``bad_update_get``). The suite's data graphs (kasei.us data0-3.rdf) are
not fetched: the store holds graphs of those names, each describing its document as a
foaf:Document. Relative IRIs (``<s>``, ``<data1.rdf>``) resolve against the endpoint's URL.
Then the same cases on the project's own data, and real clients: SPARQLWrapper for every
query form in every format it can ask for, and rdflib's SPARQLStore.
"""

from __future__ import annotations

import csv
import http.client
import io
import json
import re
import time
import urllib.parse
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS
from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from tests.sparql_support import BIEGUN, G1, G2, M1, M2, MOTEGI, WANG, Server, build_store

pytestmark = pytest.mark.slow

DKG = "https://w3id.org/diplokg/ontology#"
PEOPLE_OF_M1 = f"SELECT ?p WHERE {{ <{M1}> <{DKG}participant> ?p }} ORDER BY ?p"
CONSTRUCT_M1 = f"CONSTRUCT {{ <{M1}> <{DKG}participant> ?p }} WHERE {{ <{M1}> <{DKG}participant> ?p }}"
M1_TRIPLES = {(M1, URIRef(DKG + "participant"), BIEGUN), (M1, URIRef(DKG + "participant"), MOTEGI)}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("protocol")
    build_store(root / "store")
    with Server(root / "store", root / "server.log", workers=2) as running:
        yield running


def request(server: Server, method: str, params: list[tuple[str, str]] | None = None, body: bytes | None = None,
            headers: dict[str, str] | None = None) -> tuple[int, str, bytes]:
    """One raw HTTP request to /sparql: status, content type, body."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    path = "/sparql" + ("?" + urllib.parse.urlencode(params) if params else "")
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response.status, response.getheader("Content-Type") or "", data


def select_values(data: bytes) -> set[tuple[str, ...]]:
    doc = json.loads(data)
    names = doc["head"]["vars"]
    return {tuple(b[n]["value"] if n in b else "" for n in names) for b in doc["results"]["bindings"]}


def form(params: list[tuple[str, str]]) -> bytes:
    return urllib.parse.urlencode(params).encode()


FORM_TYPE = {"Content-Type": "application/x-www-form-urlencoded"}
DIRECT_TYPE = {"Content-Type": "application/sparql-query"}
MEETINGS = f"SELECT ?m WHERE {{ ?m a <{DKG}Meeting> }}"


# --- the W3C protocol query tests, as the suite writes them ---------------------------------

KASEI = "http://kasei.us/2009/09/sparql/data/"
FOAF_DOCUMENT = URIRef("http://xmlns.com/foaf/0.1/Document")
W3C_GRAPHS = {KASEI + f"data{i}.rdf": [(URIRef(KASEI + f"data{i}.rdf"), RDF.type, FOAF_DOCUMENT),
                                        (URIRef(KASEI + f"data{i}.rdf"), RDFS.label, Literal(f"data {i}"))]
              for i in range(4)}
RESULTS = ("application/sparql-results+xml", "application/sparql-results+json")
TABULAR = (*RESULTS, "text/tab-separated-values", "text/csv")
RDF_TYPES = ("application/rdf+xml", "application/rdf+json", "text/turtle")
D = urllib.parse.quote(KASEI, safe="")


@dataclass(frozen=True)
class W3CTest:
    """One protocol test: the request (method, path after /sparql, body, content type) and what to expect."""

    name: str
    method: str
    path: str
    body: bytes | None = None
    content_type: str | None = None
    accept: str | None = None
    status: int = 200  # 200: any 2xx or 3xx; 400: any 4xx
    types: tuple[str, ...] = ()
    boolean: bool | None = None


W3C_QUERY_TESTS = [
    W3CTest("query_get", "GET", "?query=ASK%20%7B%7D", types=RESULTS, boolean=True),
    W3CTest("query_post_form", "POST", "", b"query=ASK%20%7B%7D", "application/x-www-form-urlencoded",
            types=RESULTS, boolean=True),
    W3CTest("query_post_direct", "POST", "", b"ASK {}", "application/sparql-query", types=RESULTS, boolean=True),
    W3CTest("query_dataset_default_graph", "POST", f"?default-graph-uri={D}data1.rdf",
            f"ASK {{ <{KASEI}data1.rdf> ?p ?o }}".encode(), "application/sparql-query", types=RESULTS, boolean=True),
    W3CTest("query_dataset_default_graphs_get", "GET",
            "?query=" + urllib.parse.quote(f"ASK {{ <{KASEI}data1.rdf> a ?type . <{KASEI}data2.rdf> a ?type . }}")
            + f"&default-graph-uri={D}data1.rdf&default-graph-uri={D}data2.rdf", types=RESULTS, boolean=True),
    W3CTest("query_dataset_default_graphs_post", "POST", f"?default-graph-uri={D}data1.rdf&default-graph-uri={D}data2.rdf",
            f"ASK {{ <{KASEI}data1.rdf> ?p ?o . <{KASEI}data2.rdf> ?p ?o }}".encode(), "application/sparql-query",
            types=RESULTS, boolean=True),
    W3CTest("query_dataset_named_graphs_get", "GET",
            "?query=" + urllib.parse.quote(f"ASK {{ GRAPH ?g1 {{ <{KASEI}data1.rdf> a ?type }} "
                                           f"GRAPH ?g2 {{ <{KASEI}data2.rdf> a ?type }} }}")
            + f"&named-graph-uri={D}data1.rdf&named-graph-uri={D}data2.rdf", types=RESULTS, boolean=True),
    W3CTest("query_dataset_named_graphs_post", "POST", f"?named-graph-uri={D}data1.rdf&named-graph-uri={D}data2.rdf",
            b"ASK { GRAPH ?g { ?s ?p ?o } }", "application/sparql-query", types=RESULTS, boolean=True),
    W3CTest("query_dataset_full", "POST",
            f"?default-graph-uri={D}data3.rdf&named-graph-uri={D}data1.rdf&named-graph-uri={D}data2.rdf",
            b"SELECT ?g ?x ?s { ?x ?y ?o  GRAPH ?g { ?s ?p ?o } }", "application/sparql-query", types=TABULAR),
    # The suite's "true" holds where <data1.rdf> resolves to the kasei.us document, i.e. on an
    # endpoint served from that directory; here it resolves to this endpoint's URL (checked below).
    W3CTest("query_multiple_dataset", "POST", f"?default-graph-uri={D}data2.rdf",
            f"ASK FROM <{KASEI}data1.rdf> {{ <data1.rdf> ?p ?o }}".encode(), "application/sparql-query", types=RESULTS),
    W3CTest("query_content_type_select", "POST", "", b"SELECT (1 AS ?value) {}", "application/sparql-query",
            types=TABULAR),
    W3CTest("query_content_type_ask", "POST", "", b"ASK {}", "application/sparql-query", types=RESULTS),
    W3CTest("query_content_type_describe", "POST", "", b"DESCRIBE <http://example.org/>", "application/sparql-query",
            types=RDF_TYPES),
    W3CTest("query_content_type_construct", "POST", "", b"CONSTRUCT { <s> <p> 1 } WHERE {}",
            "application/sparql-query", types=RDF_TYPES),
    W3CTest("bad_query_method", "PUT", "?query=ASK%20%7B%7D", status=400),
    W3CTest("bad_multiple_queries", "GET", "?query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D", status=400),
    W3CTest("bad_query_wrong_media_type", "POST", "", b"ASK {}", "text/plain", status=400),
    W3CTest("bad_query_missing_form_type", "POST", "", b"query=ASK%20%7B%7D", status=400),
    W3CTest("bad_query_missing_direct_type", "POST", "", b"ASK {}", status=400),
    W3CTest("bad_query_non_utf8", "POST", "", "ASK {}".encode("utf-16"), "application/sparql-query; charset=UTF-16",
            status=400),
    W3CTest("bad_query_syntax", "GET", "?query=ASK%20%7B", status=400),
    W3CTest("bad_update_get", "GET", "?update=CLEAR%20ALL", status=400),
]


@pytest.fixture(scope="module")
def w3c_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("w3c")
    build_store(root / "store", W3C_GRAPHS)
    with Server(root / "store", root / "server.log", workers=1) as running:
        yield running


def _boolean(data: bytes, content_type: str) -> bool:
    if content_type.startswith("application/sparql-results+json"):
        return json.loads(data)["boolean"]
    return re.search(rb"<boolean>\s*(true|false)\s*</boolean>", data).group(1) == b"true"


@pytest.mark.parametrize("case", W3C_QUERY_TESTS, ids=[c.name for c in W3C_QUERY_TESTS])
def test_w3c_protocol_query_test(w3c_server: Server, case: W3CTest) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", w3c_server.port, timeout=30)
    headers = {"User-Agent": "sparql-client/0.1"}
    if case.content_type:
        headers["Content-Type"] = case.content_type
    if case.accept:
        headers["Accept"] = case.accept
    conn.request(case.method, "/sparql" + case.path, body=case.body, headers=headers)
    response = conn.getresponse()
    data = response.read()
    conn.close()
    if case.status == 400:
        assert 400 <= response.status < 500, data
        return
    assert 200 <= response.status < 400, data
    content_type = (response.getheader("Content-Type") or "").split(";")[0]
    assert content_type in case.types
    if case.boolean is not None:
        assert _boolean(data, content_type) is case.boolean


def test_w3c_construct_with_relative_iris_resolves_them_against_the_endpoint(w3c_server: Server) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", w3c_server.port, timeout=30)
    conn.request("POST", "/sparql", body=b"CONSTRUCT { <s> <p> 1 } WHERE {}",
                 headers={"Content-Type": "application/sparql-query", "Accept": "text/turtle"})
    data = conn.getresponse().read()
    conn.close()  # the server keeps the connection alive
    base = f"http://127.0.0.1:{w3c_server.port}/"
    assert set(Graph().parse(data=data, format="turtle")) == {(URIRef(base + "s"), URIRef(base + "p"), Literal(1))}
    status, _, data = request(w3c_server, "GET", [("query", "SELECT ?x WHERE { BIND(<data1.rdf> AS ?x) }")])
    assert (status, select_values(data)) == (200, {(base + "data1.rdf",)})
    status, _, data = request(w3c_server, "GET", [("query", "BASE <http://example.org/a/> SELECT ?x { BIND(<b> AS ?x) }")])
    assert select_values(data) == {("http://example.org/a/b",)}


# --- the same cases on the project's own data -----------------------------------------------

def test_query_get(server: Server) -> None:
    status, ctype, data = request(server, "GET", [("query", PEOPLE_OF_M1)])
    assert (status, ctype) == (200, "application/sparql-results+json")
    assert select_values(data) == {(str(BIEGUN),), (str(MOTEGI),)}


def test_query_post_form(server: Server) -> None:
    status, _, data = request(server, "POST", body=form([("query", PEOPLE_OF_M1)]), headers=FORM_TYPE)
    assert status == 200
    assert select_values(data) == {(str(BIEGUN),), (str(MOTEGI),)}


def test_query_post_direct(server: Server) -> None:
    status, _, data = request(server, "POST", body=PEOPLE_OF_M1.encode(), headers=DIRECT_TYPE)
    assert status == 200
    assert select_values(data) == {(str(BIEGUN),), (str(MOTEGI),)}


def test_query_dataset_default_graph(server: Server) -> None:
    _, _, data = request(server, "GET", [("query", MEETINGS), ("default-graph-uri", G1)])
    assert select_values(data) == {(str(M1),)}


def test_query_dataset_default_graphs_get(server: Server) -> None:
    _, _, data = request(server, "GET", [("query", MEETINGS), ("default-graph-uri", G1), ("default-graph-uri", G2)])
    assert select_values(data) == {(str(M1),), (str(M2),)}


def test_query_dataset_default_graphs_post(server: Server) -> None:
    body = form([("query", MEETINGS), ("default-graph-uri", G1), ("default-graph-uri", G2)])
    _, _, data = request(server, "POST", body=body, headers=FORM_TYPE)
    assert select_values(data) == {(str(M1),), (str(M2),)}


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_query_dataset_named_graphs(server: Server, method: str) -> None:
    query = f"SELECT ?g ?m WHERE {{ GRAPH ?g {{ ?m a <{DKG}Meeting> }} }}"
    params = [("query", query), ("named-graph-uri", G1), ("named-graph-uri", G2)]
    if method == "GET":
        _, _, data = request(server, "GET", params)
    else:
        _, _, data = request(server, "POST", body=form(params), headers=FORM_TYPE)
    assert select_values(data) == {(G1, str(M1)), (G2, str(M2))}


def test_query_dataset_full(server: Server) -> None:
    query = f"SELECT ?g ?m WHERE {{ {{ ?m a <{DKG}Meeting> }} UNION {{ GRAPH ?g {{ ?m a <{DKG}Meeting> }} }} }}"
    _, _, data = request(server, "GET", [("query", query), ("default-graph-uri", G1), ("named-graph-uri", G2)])
    assert select_values(data) == {("", str(M1)), (G2, str(M2))}


def test_query_multiple_dataset(server: Server) -> None:
    """The protocol's dataset overrides the query's FROM."""
    query = f"SELECT ?m FROM <{G2}> WHERE {{ ?m a <{DKG}Meeting> }}"
    _, _, data = request(server, "GET", [("query", query), ("default-graph-uri", G1)])
    assert select_values(data) == {(str(M1),)}


def test_query_from_is_honoured_without_a_protocol_dataset(server: Server) -> None:
    query = f"SELECT ?m FROM <{G2}> WHERE {{ ?m a <{DKG}Meeting> }}"
    _, _, data = request(server, "GET", [("query", query)])
    assert select_values(data) == {(str(M2),)}


@pytest.mark.parametrize(
    ("query", "accept", "expected"),
    [
        (MEETINGS, "application/sparql-results+xml, application/sparql-results+json;q=0.5", "application/sparql-results+xml"),
        ("ASK { ?s ?p ?o }", "application/sparql-results+json, application/sparql-results+xml;q=0.5", "application/sparql-results+json"),
        (f"DESCRIBE <{M1}>", "application/rdf+xml, text/turtle;q=0.5", "application/rdf+xml"),
        (CONSTRUCT_M1, "text/turtle, application/rdf+xml;q=0.5", "text/turtle; charset=utf-8"),
    ],
    ids=["query_content_type_select", "query_content_type_ask", "query_content_type_describe", "query_content_type_construct"],
)
def test_query_content_type(server: Server, query: str, accept: str, expected: str) -> None:
    status, ctype, _ = request(server, "GET", [("query", query)], headers={"Accept": accept})
    assert (status, ctype) == (200, expected)


def test_bad_query_method(server: Server) -> None:
    status, ctype, data = request(server, "PUT", [("query", "ASK {}")])
    assert (status, ctype) == (405, "application/json")
    assert json.loads(data)["status"] == 405


def test_bad_multiple_queries(server: Server) -> None:
    status, _, data = request(server, "GET", [("query", "ASK {}"), ("query", "SELECT * WHERE { ?s ?p ?o }")])
    assert status == 400
    assert json.loads(data) == {"error": "give one query, not 2", "status": 400}


def test_bad_query_wrong_media_type(server: Server) -> None:
    status, _, _ = request(server, "POST", body=b"ASK {}", headers={"Content-Type": "text/plain"})
    assert status == 415


def test_bad_query_missing_form_type(server: Server) -> None:
    status, _, _ = request(server, "POST", body=form([("query", "ASK {}")]))
    assert status == 415


def test_bad_query_missing_direct_type(server: Server) -> None:
    status, _, _ = request(server, "POST", body=b"ASK {}")
    assert status == 415


def test_bad_query_non_utf8(server: Server) -> None:
    body = "ASK { ?s ?p \"é\" }".encode("utf-16")
    status, _, data = request(server, "POST", body=body, headers={"Content-Type": "application/sparql-query; charset=UTF-16"})
    assert status == 415
    assert json.loads(data)["error"] == "query text must be UTF-8, not utf-16"
    status, _, _ = request(server, "POST", body=body, headers=DIRECT_TYPE)
    assert status == 400


def test_bad_query_syntax(server: Server) -> None:
    status, _, data = request(server, "GET", [("query", "ASK { ?s ?p ?o")])
    assert status == 400
    assert json.loads(data)["error"].startswith("error at 1:")


def test_syntax_errors_a_researcher_can_read(server: Server) -> None:
    status, _, data = request(server, "GET", [("query", "SELECT ?item WHERE {\n  ?item wdt:P31 ?o\n}")])
    assert status == 400
    assert json.loads(data)["error"] == (
        "error at 2:9: undeclared prefix wdt: (declare it with PREFIX wdt: <http://www.wikidata.org/prop/direct/>; "
        "predeclared: dcterms, dkg, foaf, org, owl, prov, rdf, rdfs, schema, sem, skos, wd, xsd)")
    status, _, data = request(server, "GET", [("query", 'SELECT * WHERE {\n ?s ?p ?o .\n\n\n FILTER(?o = "abc)\n}')])
    assert (status, json.loads(data)["error"]) == (
        400, 'error at 5:14: unterminated string: the " opened here is not closed on its line')
    _, _, data = request(server, "GET", [("query", "SELECT * WHERE { ?s ?p ?o } LIMT 3")])
    message = json.loads(data)["error"]
    assert message.startswith("error at 1:") and "\n" not in message and "['" not in message and "LIMT" in message


def test_an_undeclared_dkg_term_gets_a_warning_header(server: Server) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": "SELECT ?m WHERE { ?m dkg:partcipant ?p }"}))
    response = conn.getresponse()
    response.read()
    assert response.status == 200
    assert response.getheader("Warning") == (
        '199 diplokg "dkg:partcipant (line 1) is not a term of the diplokg ontology, so it matches nothing; '
        'did you mean dkg:participant?"')
    conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": "SELECT ?m WHERE { ?m dkg:participant ?p }"}))
    response = conn.getresponse()
    response.read()
    conn.close()
    assert response.getheader("Warning") is None


def test_bad_update_get(server: Server) -> None:
    status, _, data = request(server, "GET", [("update", "CLEAR ALL")])
    assert status == 403
    assert json.loads(data)["error"] == "updates are not allowed: this endpoint is read-only"


def test_update_by_post_is_refused_and_nothing_changes(server: Server) -> None:
    status, _, _ = request(server, "POST", body=f"CLEAR GRAPH <{G1}>".encode(), headers={"Content-Type": "application/sparql-update"})
    assert status == 403
    _, _, data = request(server, "GET", [("query", MEETINGS)])
    assert select_values(data) == {(str(M1),), (str(M2),)}


@pytest.mark.parametrize("accept", ["application/n-quads", "application/trig"])
def test_quad_formats_by_accept(server: Server, accept: str) -> None:
    status, ctype, data = request(server, "GET", [("query", CONSTRUCT_M1)], headers={"Accept": accept})
    assert (status, ctype) == (200, accept)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "(ConjunctiveGraph|Dataset.default_context) is deprecated", DeprecationWarning)
        dataset = Dataset().parse(data=data, format="nquads" if accept == "application/n-quads" else "trig")
        assert {(s, p, o) for s, p, o, _ in dataset.quads()} == M1_TRIPLES


# --- SPARQLWrapper: every query form in every format ---------------------------------------

def wrapper(server: Server, query: str, fmt: str, method: str) -> object:
    sw = SPARQLWrapper(server.url + "/sparql")
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    sw.setMethod(method)
    return sw.query()


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_sparqlwrapper_select(server: Server, fmt: str, method: str) -> None:
    result = wrapper(server, PEOPLE_OF_M1, fmt, method)
    converted = result.convert()
    if fmt == JSON:
        assert {b["p"]["value"] for b in converted["results"]["bindings"]} == {str(BIEGUN), str(MOTEGI)}
    elif fmt == XML:
        uris = {n.firstChild.data for n in converted.getElementsByTagName("uri")}
        assert uris == {str(BIEGUN), str(MOTEGI)}
    elif fmt == CSV:
        assert list(csv.reader(io.StringIO(converted.decode()))) == [["p"], [str(BIEGUN)], [str(MOTEGI)]]
    else:
        assert converted.decode().splitlines() == ["?p", f"<{BIEGUN}>", f"<{MOTEGI}>"]


@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_sparqlwrapper_ask(server: Server, fmt: str) -> None:
    converted = wrapper(server, f"ASK {{ <{M1}> ?p ?o }}", fmt, "GET").convert()
    if fmt == JSON:
        assert converted["boolean"] is True
    elif fmt == XML:
        assert converted.getElementsByTagName("boolean")[0].firstChild.data == "true"
    else:
        assert converted.decode().strip() == "true"


def _graph(converted: object, fmt: str) -> set:
    if isinstance(converted, Graph):
        return set(converted)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        parse_as = {TURTLE: "turtle", N3: "turtle", JSONLD: "json-ld"}[fmt]
        data = converted if isinstance(converted, (bytes, str)) else json.dumps(converted)
        return set(Graph().parse(data=data, format=parse_as))


@pytest.mark.parametrize("form_query", ["construct", "describe"])
@pytest.mark.parametrize("fmt", [TURTLE, N3, JSONLD, RDFXML, XML])
def test_sparqlwrapper_graph_forms(server: Server, fmt: str, form_query: str) -> None:
    if form_query == "construct":
        query, expected = CONSTRUCT_M1, M1_TRIPLES
    else:
        query, expected = f"DESCRIBE <{WANG}>", {(WANG, RDFS.label, Literal("Wang Yi", lang="en"))}
    result = wrapper(server, query, fmt, "GET")
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        converted = result.convert()
    assert _graph(converted, fmt) == expected


# --- rdflib's SPARQLStore -----------------------------------------------------------------

def test_rdflib_sparqlstore(server: Server) -> None:
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = Graph(store=SPARQLStore(query_endpoint=server.url + "/sparql", returnFormat="json"))
    result = graph.query(PEOPLE_OF_M1)
    assert [row[0] for row in result] == [BIEGUN, MOTEGI]
    assert set(graph.triples((M1, URIRef(DKG + "participant"), None))) == M1_TRIPLES
    assert graph.query(f"ASK {{ <{M2}> ?p ?o }}").askAnswer is True
    with pytest.raises(ValueError):  # JSON results only: a CONSTRUCT is answered 406
        graph.query(CONSTRUCT_M1)
    xml_graph = Graph(store=SPARQLStore(query_endpoint=server.url + "/sparql", returnFormat="xml"))
    assert set(xml_graph.query(CONSTRUCT_M1).graph) == M1_TRIPLES
    assert {row[0] for row in xml_graph.query(PEOPLE_OF_M1)} == {BIEGUN, MOTEGI}


def test_server_logs_one_line_per_request(server: Server) -> None:
    request(server, "GET", [("query", "ASK { ?s ?p ?o }")])
    request(server, "PUT", [("query", "ASK {}")])
    time.sleep(0.2)
    lines = Path(server.log_path).read_text().splitlines()
    assert any(re.fullmatch(r'127\.0\.0\.1 "GET /sparql" 200 \d+ms', line) for line in lines)
    assert any(re.fullmatch(r'127\.0\.0\.1 "PUT /sparql" 405 \d+ms', line) for line in lines)
