"""Dumps (/export.ttl, .trig, .nq) and the VoID description, over a real store on disk."""

from __future__ import annotations

import http.client
import json
from urllib.parse import urlsplit

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDF, XSD
from rdflib.plugins.parsers.jsonld import to_rdf

from diplokg.iris import DKG, Iris
from diplokg.resources import ISSUES_FILE, ONTOLOGY_FILE
from tests.fixtures_pages import (  # noqa: F401
    ARTICLE_ID, VALID, client, live_server, pages_app, pages_config,
)

VOID = Namespace("http://rdfs.org/ns/void#")
BASE = "https://w3id.org/diplokg/"


def expected_graphs() -> dict[str, Graph]:
    """The store's content as written by the fixture: named graph → its triples."""
    ontology = Graph()
    ontology.parse(ONTOLOGY_FILE, format="turtle")
    ontology.parse(ISSUES_FILE, format="turtle")
    return {Iris().ontology_graph: ontology,
            Iris().article_graph(ARTICLE_ID): Graph().parse(VALID, format="turtle")}


def named_graphs(data: bytes, fmt: str) -> dict[str, Graph]:
    dataset = Dataset()
    dataset.parse(data=data, format=fmt)
    out = {}
    for graph in dataset.graphs():
        if len(graph):
            copy = Graph()
            for triple in graph:
                copy.add(triple)
            out[str(graph.identifier)] = copy
    return out


# rdflib's own TriG and N-Quads parsers use its deprecated ConjunctiveGraph API internally.
@pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
@pytest.mark.parametrize("suffix,media_type,fmt", [
    ("trig", "application/trig", "trig"),
    ("nq", "application/n-quads", "nquads"),
])
def test_quad_dumps_hold_every_named_graph(client, suffix, media_type, fmt):
    response = client.get(f"/export.{suffix}")
    assert response.status_code == 200
    assert response.mimetype == media_type
    assert response.headers["Content-Disposition"] == f'attachment; filename="diplokg.{suffix}"'
    assert response.is_streamed
    got = named_graphs(response.data, fmt)
    want = expected_graphs()
    assert sorted(got) == sorted(want)
    for name, graph in want.items():
        assert isomorphic(got[name], graph), name


def test_turtle_dump_is_the_union_of_all_graphs(client):
    response = client.get("/export.ttl")
    assert response.status_code == 200
    assert response.mimetype == "text/turtle"
    assert response.headers["Content-Disposition"] == 'attachment; filename="diplokg.ttl"'
    union = Graph()
    for graph in expected_graphs().values():
        for triple in graph:
            union.add(triple)
    assert isomorphic(Graph().parse(data=response.data, format="turtle"), union)


@pytest.mark.parametrize("accept,status", [("application/json", 404), ("text/html", 404)])
def test_unknown_dump_is_404(client, accept, status):
    response = client.get("/export.rdf", headers={"Accept": accept})
    assert response.status_code == status
    if accept == "application/json":
        assert response.get_json() == {
            "error": "no dump /export.rdf; available: /export.ttl, /export.trig, /export.nq, /export.nt, /export.jsonld",
            "status": 404}
    else:
        assert b"no dump /export.rdf; available: /export.ttl, /export.trig, /export.nq, /export.nt" in response.data


def test_dump_is_streamed_in_chunks_over_http(live_server):
    url = urlsplit(live_server.url)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    connection.request("GET", "/export.nq", headers={"Connection": "close"})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    assert response.status == 200
    assert response.getheader("Content-Length") is None
    assert response.getheader("Content-Type") == "application/n-quads"
    want = sum(len(g) for g in expected_graphs().values())
    assert len([line for line in body.decode().splitlines() if line.strip()]) == want


def void(client, accept: str | None = None) -> tuple[Graph, str]:
    headers = {"Accept": accept} if accept else {}
    response = client.get("/.well-known/void", headers=headers)
    assert response.status_code == 200
    fmt = {"text/turtle": "turtle", "application/n-triples": "nt", "application/ld+json": "json-ld"}[response.mimetype]
    graph = Graph()
    if fmt == "json-ld":
        to_rdf(json.loads(response.data), graph)
    else:
        graph.parse(data=response.data, format=fmt)
    return graph, response.mimetype


@pytest.mark.parametrize("accept,media_type", [
    (None, "text/turtle"),
    ("*/*", "text/turtle"),
    ("text/html,application/xhtml+xml,*/*;q=0.8", "text/turtle"),
    ("application/n-triples", "application/n-triples"),
    ("application/ld+json", "application/ld+json"),
])
def test_void_by_content_negotiation(client, accept, media_type):
    graph, got = void(client, accept)
    assert got == media_type
    assert (URIRef(BASE + "dataset"), RDF.type, VOID.Dataset) in graph


def test_void_not_acceptable(client):
    response = client.get("/.well-known/void", headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert response.get_json()["status"] == 406


def test_void_describes_the_dataset(client):
    graph, _ = void(client)
    ds = URIRef(BASE + "dataset")
    want = expected_graphs()
    quads = sum(len(g) for g in want.values())
    assert graph.value(ds, VOID.triples) == Literal(quads, datatype=XSD.integer)
    assert graph.value(ds, VOID.documents) == Literal(1, datatype=XSD.integer)
    # the endpoint and the dumps are where this service answers (Flask's test client: http://localhost/)
    assert graph.value(ds, VOID.sparqlEndpoint) == URIRef("http://localhost/sparql")
    assert graph.value(ds, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert set(graph.objects(ds, VOID.dataDump)) == {URIRef(f"http://localhost/export.{s}")
                                                      for s in ("ttl", "trig", "nq", "nt", "jsonld")}
    assert graph.value(ds, VOID.uriSpace) == Literal(BASE + "id/")

    article = want[Iris().article_graph(ARTICLE_ID)]
    union = Graph()
    for g in want.values():
        for t in g:
            union.add(t)
    entities = {s for s in union.subjects() if str(s).startswith(BASE + "id/") and "#" not in str(s)}
    assert graph.value(ds, VOID.entities) == Literal(len(entities), datatype=XSD.integer)

    classes = {graph.value(p, VOID["class"]): int(graph.value(p, VOID.entities))
               for p in graph.objects(ds, VOID.classPartition)}
    for cls in ("Person", "Country", "Meeting", "Statement", "Article", "Place", "Role", "Evidence", "Issue"):
        members = set(union.subjects(RDF.type, URIRef(DKG + cls)))
        assert classes[URIRef(DKG + cls)] == len(members), cls
    assert graph.value(ds, VOID.classes) == Literal(len(classes), datatype=XSD.integer)

    properties = {graph.value(p, VOID.property): int(graph.value(p, VOID.triples))
                  for p in graph.objects(ds, VOID.propertyPartition)}
    participant = URIRef(DKG + "participant")
    assert properties[participant] == len(list(article.triples((None, participant, None)))) == 2
    assert sum(properties.values()) == quads


@pytest.fixture(scope="module")
def big_server(tmp_path_factory):
    """A live server over a store of 12,000 triples with long labels (about 13 MB of N-Quads:
    more than the socket buffers hold, so a client that stops reading holds the export up)."""
    from diplokg.config import load_config
    from diplokg.store import open_store
    from server import create_app
    from tests.fixtures_pages import LiveServer

    config = load_config({"store": str(tmp_path_factory.mktemp("big") / "store")}, environ={})
    label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    with open_store(config, writable=True) as store:
        for n in range(2):
            store.replace_graph(Iris().article_graph(f"a{n}"), {
                (URIRef(f"{BASE}id/actor/p{n}-{i}"), label, Literal(f"Person {i} of article {n} " + "x" * 1000))
                for i in range(6_000)})
    with LiveServer(create_app(config)) as server:
        yield server


def _export_threads() -> list:
    import threading
    return [t for t in threading.enumerate() if t.name.startswith("export-")]


def test_big_dump_arrives_whole(big_server):
    url = urlsplit(big_server.url)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    connection.request("GET", "/export.nq")
    response = connection.getresponse()
    body = response.read()
    connection.close()
    assert response.getheader("Transfer-Encoding") == "chunked" or response.getheader("Content-Length") is None
    assert len(body) > 12_000_000
    assert len(body.splitlines()) == 12_000


def test_a_client_that_leaves_stops_the_export(big_server, caplog):
    import logging
    import time
    caplog.set_level(logging.INFO, logger="server.dumps.stream")
    url = urlsplit(big_server.url)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    connection.request("GET", "/export.nq")
    response = connection.getresponse()
    assert len(response.read(70_000)) == 70_000
    connection.close()
    response.close()
    deadline = time.monotonic() + 10
    while _export_threads() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _export_threads() == []
    assert "export (nquads) stopped: the client went away" in caplog.messages


@pytest.mark.slow
def test_a_slow_client_gets_the_whole_dump_from_the_server(tmp_path):
    """The front stops a worker whose answer has not begun within query_timeout; a dump read
    over much longer than that (beyond what the socket buffers hold) must still arrive whole."""
    import time
    from diplokg.config import load_config
    from diplokg.store import open_store
    from tests.fixtures_pages import ServedStore

    config = load_config({"store": str(tmp_path / "store")}, environ={})
    label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    with open_store(config, writable=True) as store:
        store.replace_graph(Iris().article_graph("a"), {
            (URIRef(f"{BASE}id/actor/p{i}"), label, Literal(f"{i} " + "x" * 1000)) for i in range(12_000)})
    with ServedStore(config, tmp_path / "server.log", workers=1, env={"DIPLOKG_QUERY_TIMEOUT": "2"}) as server:
        url = urlsplit(server.url)
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
        connection.request("GET", "/export.nq")
        response = connection.getresponse()
        assert response.status == 200
        started, body = time.monotonic(), bytearray()
        while chunk := response.read(100_000):
            body += chunk
            time.sleep(0.1)
        connection.close()
    # about 1 MB/s for 13 MB: the server has been writing for over five times query_timeout
    # (2 s, enough for the worker to begin its answer on a loaded machine)
    assert time.monotonic() - started > 5 * 2
    assert len(body.splitlines()) == 12_000
