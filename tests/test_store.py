"""The embedded Oxigraph store: graphs, queries, results, exports, writer lock, snapshots."""

from __future__ import annotations

import io
import json

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD

from diplokg.config import load_config
from diplokg.errors import QuerySyntaxError, StoreError
from diplokg.iris import Iris
from diplokg.store import open_store

EX = "http://example.org/"
IRIS = Iris()
G1 = IRIS.article_graph("a1")
G2 = IRIS.article_graph("a2")
DKG_PERSON = URIRef("https://w3id.org/diplokg/ontology#Person")


def ex(name: str) -> URIRef:
    return URIRef(EX + name)


A1 = {
    (ex("motegi"), RDF.type, DKG_PERSON),
    (ex("motegi"), ex("label"), Literal('Toshimitsu "Toshi"\nMotegi', lang="en")),
    (ex("meeting"), ex("date"), Literal("2020-07-10", datatype=XSD.date)),
    (ex("meeting"), ex("n"), Literal("3", datatype=XSD.integer)),
    (ex("meeting"), ex("plain"), Literal("plain text")),
}
A2 = {
    (ex("motegi"), RDF.type, DKG_PERSON),
    (ex("biegun"), RDF.type, DKG_PERSON),
}


@pytest.fixture
def config(tmp_path):
    return load_config({"store": str(tmp_path / "store")}, environ={})


@pytest.fixture
def writer(config):
    store = open_store(config, writable=True)
    yield store
    store.close()


def test_replace_graph_round_trips_terms(writer):
    writer.replace_graph(G1, A1)
    assert set(writer.graph_triples(G1)) == A1
    assert writer.graphs() == [G1]


def test_replace_graph_replaces_only_that_graph(writer):
    writer.replace_graph(G1, A1)
    writer.replace_graph(G2, A2)
    new = {(ex("motegi"), ex("label"), Literal("Motegi"))}
    writer.replace_graph(G1, new)
    assert set(writer.graph_triples(G1)) == new
    assert set(writer.graph_triples(G2)) == A2


def test_replace_with_nothing_removes_the_graph(writer):
    writer.replace_graph(G1, A1)
    writer.replace_graph(G1, [])
    assert writer.graphs() == []


def test_blank_nodes_are_stored(writer):
    writer.replace_graph(G1, [(BNode("b1"), ex("p"), Literal("x"))])
    [(s, p, o)] = list(writer.graph_triples(G1))
    assert isinstance(s, BNode) and (p, o) == (ex("p"), Literal("x"))


def test_query_default_graph_is_the_union(writer):
    writer.replace_graph(G1, A1)
    writer.replace_graph(G2, A2)
    result = writer.query(f"SELECT ?s WHERE {{ ?s a <{DKG_PERSON}> }} ORDER BY ?s")
    assert result.form == "select" and result.variables == ["s"]
    # a set: motegi is typed in both graphs but matches once
    assert list(result.rows()) == [(ex("biegun"),), (ex("motegi"),)]


def test_union_keeps_triples_other_graphs_still_hold(writer):
    writer.replace_graph(G1, A1)
    writer.replace_graph(G2, A2)
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s a <{DKG_PERSON}> }}"
    assert list(writer.query(count).rows()) == [(Literal("2", datatype=XSD.integer),)]
    writer.remove_graph(G2)
    assert list(writer.query(count).rows()) == [(Literal("1", datatype=XSD.integer),)]
    writer.replace_graph(G1, {(ex("x"), ex("p"), ex("y"))})
    assert set(writer.query("CONSTRUCT WHERE { ?s ?p ?o }").triples()) == {(ex("x"), ex("p"), ex("y"))}
    writer.replace_graph(G1, [])
    assert writer.query("ASK { ?s ?p ?o }").boolean() is False


def _union(store) -> set:
    return set(store.query("CONSTRUCT WHERE { ?s ?p ?o }").triples())


def test_replace_graphs_writes_several_graphs_at_once(writer):
    writer.replace_graphs({G1: A1, G2: A2})
    assert set(writer.graph_triples(G1)) == A1 and set(writer.graph_triples(G2)) == A2
    assert _union(writer) == A1 | A2
    moved = {(ex("biegun"), RDF.type, DKG_PERSON)}
    # a triple leaving both graphs leaves the union; one moving between them stays
    writer.replace_graphs({G1: moved, G2: None})
    assert writer.graphs() == [G1]
    assert _union(writer) == moved


def test_replace_graphs_with_blank_nodes_keeps_the_union_a_set_union(writer):
    b = BNode("b")
    writer.replace_graphs({G1: [(b, ex("p"), Literal("x"))], G2: A2})
    writer.replace_graphs({G1: A2, G2: [(ex("x"), ex("p"), ex("y"))]})
    assert _union(writer) == A2 | {(ex("x"), ex("p"), ex("y"))}


def test_replace_graphs_is_one_transaction(writer):
    writer.replace_graphs({G1: A1})
    with pytest.raises(Exception):
        writer.replace_graphs({G2: A2, G1: [(Literal("a literal subject"), ex("p"), ex("o"))]})
    assert set(writer.graph_triples(G1)) == A1 and writer.graphs() == [G1]
    assert _union(writer) == A1


def test_query_restricted_default_graph(writer):
    writer.replace_graph(G1, A1)
    writer.replace_graph(G2, A2)
    result = writer.query(f"SELECT ?s WHERE {{ ?s a <{DKG_PERSON}> }}", default_graphs=[G2])
    assert sorted(result.rows()) == [(ex("biegun"),), (ex("motegi"),)]


def test_unbound_is_none_and_ask_and_construct(writer):
    writer.replace_graph(G1, A1)
    rows = list(writer.query(f"SELECT ?s ?x WHERE {{ ?s <{EX}n> ?n }}").rows())
    assert rows == [(ex("meeting"), None)]
    assert writer.query("ASK { ?s ?p ?o }").boolean() is True
    triples = set(writer.query(f"CONSTRUCT {{ ?s <{EX}q> ?o }} WHERE {{ ?s <{EX}plain> ?o }}").triples())
    assert triples == {(ex("meeting"), ex("q"), Literal("plain text"))}


def test_syntax_error_carries_the_parser_position(writer):
    with pytest.raises(QuerySyntaxError, match=r"^error at 1:10: expected CONSTRUCT"):
        writer.query("SELEC ?s WHERE { ?s ?p ?o }")


def test_serialize_select_with_limit_is_native_json(writer):
    writer.replace_graph(G1, A1)
    body, truncated = writer.query(f"SELECT ?p ?o WHERE {{ <{EX}meeting> ?p ?o }} ORDER BY ?p").serialize(
        "application/sparql-results+json", limit=2
    )
    assert truncated is True
    data = json.loads(body)
    assert data["head"]["vars"] == ["p", "o"]
    assert [b["p"]["value"] for b in data["results"]["bindings"]] == [EX + "date", EX + "n"]
    assert data["results"]["bindings"][0]["o"] == {
        "type": "literal", "value": "2020-07-10", "datatype": str(XSD.date)}


def test_serialize_select_keeps_awkward_literals(writer):
    writer.replace_graph(G1, A1)
    body, truncated = writer.query(f"SELECT ?o WHERE {{ ?s <{EX}label> ?o }}").serialize(
        "application/sparql-results+json", limit=10)
    assert truncated is False
    assert json.loads(body)["results"]["bindings"] == [
        {"o": {"type": "literal", "value": 'Toshimitsu "Toshi"\nMotegi', "xml:lang": "en"}}]


def test_serialize_graph_and_ask(writer):
    writer.replace_graph(G2, A2)
    body, truncated = writer.query("CONSTRUCT WHERE { ?s ?p ?o }").serialize("application/n-triples", limit=1)
    assert truncated is True and body.count(b"\n") == 1
    assert writer.query("ASK { ?s ?p ?o }").serialize("text/csv") == (b"true", False)


@pytest.mark.parametrize("fmt", ["trig", "nquads", "jsonld"])
def test_dataset_export_round_trips_into_a_fresh_store(writer, tmp_path, fmt):
    writer.replace_graph(G1, A1)
    writer.replace_graph(G2, A2)
    out = io.BytesIO()
    writer.export(out, fmt)
    fresh_config = load_config({"store": str(tmp_path / "fresh")}, environ={})
    with open_store(fresh_config, writable=True) as fresh:
        fresh.load(out.getvalue(), fmt)
        assert fresh.graphs() == [G1, G2]
        assert set(fresh.graph_triples(G1)) == A1
        assert set(fresh.graph_triples(G2)) == A2


def test_export_writes_given_content_for_replaced_graphs(writer, tmp_path):
    writer.replace_graph(G1, A1)
    writer.replace_graph(G2, A2)
    for fmt, graph in (("nquads", None), ("turtle", G1)):
        out = io.BytesIO()
        writer.export(out, fmt, replace={G2: set(list(A2)[:1])})
        with open_store(load_config({"store": str(tmp_path / fmt)}, environ={}), writable=True) as fresh:
            fresh.load(out.getvalue(), fmt, graph=graph)
            if graph is None:
                assert set(fresh.graph_triples(G2)) == set(list(A2)[:1]) and set(fresh.graph_triples(G1)) == A1
            else:
                assert set(fresh.graph_triples(G1)) == A1 | set(list(A2)[:1])


@pytest.mark.parametrize("fmt", ["turtle", "ntriples"])
def test_triple_exports_are_the_union(writer, tmp_path, fmt):
    writer.replace_graph(G1, A1)
    writer.replace_graph(G2, A2)
    out = io.BytesIO()
    writer.export(out, fmt)
    fresh_config = load_config({"store": str(tmp_path / "fresh")}, environ={})
    with open_store(fresh_config, writable=True) as fresh:
        fresh.load(out.getvalue(), fmt, graph=G1)
        assert set(fresh.graph_triples(G1)) == A1 | A2
    if fmt == "ntriples":
        assert out.getvalue().count(b"\n") == len(A1 | A2)


def test_stats(writer):
    writer.replace_graph(G1, A1)
    writer.replace_graph(G2, A2)
    writer.replace_graph(IRIS.ontology_graph, [(DKG_PERSON, RDF.type, ex("Class"))])
    stats = writer.stats()
    assert (stats.articles, stats.triples) == (2, 8)
    assert stats.classes == {str(DKG_PERSON): 2}


def test_second_writer_is_refused_with_one_line(config, writer):
    with pytest.raises(StoreError) as info:
        open_store(config, writable=True)
    message = str(info.value)
    assert "\n" not in message
    assert message.endswith("is being written by pid %d; wait for it to finish" % __import__("os").getpid())


def test_reader_sees_published_snapshots_without_reopening(config, writer):
    reader = open_store(config, writable=False)
    assert reader.graphs() == []
    writer.replace_graph(G1, A1)
    assert reader.graphs() == []
    writer.publish()
    assert reader.graphs() == [G1]
    writer.replace_graph(G2, A2)
    writer.publish()
    assert reader.graphs() == [G1, G2]
    assert set(reader.graph_triples(G1)) == A1
    reader.close()


def test_close_publishes_and_releases_the_lock(config):
    store = open_store(config, writable=True)
    store.replace_graph(G1, A1)
    store.close()
    with open_store(config, writable=False) as reader:
        assert reader.graphs() == [G1]
    open_store(config, writable=True).close()


def test_reader_refuses_writes(config):
    with open_store(config, writable=True):
        pass
    with open_store(config, writable=False) as reader, pytest.raises(StoreError, match="read-only"):
        reader.replace_graph(G1, A1)


def test_a_reader_of_a_missing_store_is_told_to_ingest_first(config):
    from diplokg.errors import StoreMissing

    with pytest.raises(StoreMissing, match=r"^no store at .*; run `diplokg ingest` first$"):
        open_store(config, writable=False)
    assert not config.store_path.exists()


def _publish_versions(writer, n, start=0):
    for i in range(start, start + n):
        writer.replace_graph(G1, {(ex("s"), ex("p"), Literal(str(i)))})
        writer.publish()


def _snapshot_names(layout):
    return sorted(p.name for p in layout.snapshots.iterdir() if p.name.isdigit())


def test_superseded_snapshots_no_reader_holds_are_deleted_at_once(config, writer):
    from diplokg.store.layout import KEEP_SNAPSHOTS, Layout

    layout = Layout(config.store_path)
    _publish_versions(writer, KEEP_SNAPSHOTS + 4)
    names = _snapshot_names(layout)
    assert len(names) == KEEP_SNAPSHOTS and names[-1] == layout.current_snapshot().name
    leases = sorted(p.name for p in layout.snapshots.iterdir() if p.name.endswith(".readers"))
    assert leases == [n + ".readers" for n in names]


def test_a_snapshot_a_reader_holds_outlives_newer_publications(config, writer):
    from diplokg.store.layout import KEEP_SNAPSHOTS, Layout

    layout = Layout(config.store_path)
    _publish_versions(writer, 1)
    held = layout.current_snapshot().name
    reader = open_store(config, writable=False)  # holds the snapshot it opened
    assert reader.version().endswith(held)
    engine = reader._engine  # as a query begun before the publications below would use it
    rows_before = [r["o"].value for r in engine.query("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }")]
    _publish_versions(writer, KEEP_SNAPSHOTS + 3, start=1)
    assert held in _snapshot_names(layout)
    assert len(_snapshot_names(layout)) == KEEP_SNAPSHOTS + 1
    # the old engine still reads its files
    assert [r["o"].value for r in engine.query("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }")] == rows_before == ["0"]
    reader.close()
    _publish_versions(writer, 1, start=KEEP_SNAPSHOTS + 4)
    assert held not in _snapshot_names(layout)


def test_a_reader_releases_the_snapshot_it_switched_from(config, writer, monkeypatch):
    from diplokg.store import oxigraph
    from diplokg.store.layout import KEEP_SNAPSHOTS, Layout

    monkeypatch.setattr(oxigraph, "RETIRED_LEASE_SECONDS", 0.0)
    layout = Layout(config.store_path)
    _publish_versions(writer, 1)
    first = layout.current_snapshot().name
    reader = open_store(config, writable=False)
    _publish_versions(writer, 1, start=1)
    assert reader.graphs() == [G1]  # switches to the newer snapshot, retires the first
    reader.graphs()  # the retired lease is released on the next use once its time is up
    _publish_versions(writer, KEEP_SNAPSHOTS, start=2)
    assert first not in _snapshot_names(layout)
    reader.close()


def test_a_reader_waits_out_a_deletion_and_reads_the_newer_snapshot(config, writer):
    import fcntl
    import shutil
    import threading

    from diplokg.store.layout import Layout, take_lease

    layout = Layout(config.store_path)
    _publish_versions(writer, 1)
    doomed = layout.current_snapshot()
    got = {}
    with open(layout.lease_file(doomed), "rb") as deleting:  # the writer, deleting `doomed`
        fcntl.flock(deleting.fileno(), fcntl.LOCK_EX)
        reader = threading.Thread(target=lambda: got.update(zip(("snapshot", "lease"), take_lease(layout))))
        reader.start()  # reads CURRENT (still `doomed`), blocks on its lease
        reader.join(0.5)
        assert reader.is_alive()
        _publish_versions(writer, 1, start=1)  # a newer snapshot is current
        layout.lease_file(doomed).unlink()
        shutil.rmtree(doomed)
    reader.join(5)
    assert got["snapshot"] == layout.current_snapshot() != doomed and got["snapshot"].is_dir()
    got["lease"].release()


def test_snapshots_published_without_leases_are_pruned_after_grace(config, writer):
    from diplokg.store.layout import GRACE_SECONDS, KEEP_SNAPSHOTS, Layout
    import time

    layout = Layout(config.store_path)
    writer._layout.create_lease = lambda snapshot: None  # as a version before leases published
    _publish_versions(writer, KEEP_SNAPSHOTS + 2)
    assert len(_snapshot_names(layout)) == KEEP_SNAPSHOTS + 2
    with open_store(config, writable=False) as reader:
        assert reader.graphs() == [G1]  # a snapshot without a lease is read as before
    removed = layout.prune(now=time.time() + GRACE_SECONDS + 1)
    assert len(removed) == 2
    assert _snapshot_names(layout)[-1] == layout.current_snapshot().name


def test_replacing_a_graph_keeps_shared_triples_in_the_union(writer):
    writer.replace_graph(G1, A1)
    writer.replace_graph(G2, A2)
    writer.replace_graph(G1, {(ex("x"), ex("p"), ex("y"))})
    union = set(writer.query("CONSTRUCT WHERE { ?s ?p ?o }").triples())
    assert union == A2 | {(ex("x"), ex("p"), ex("y"))}
    writer.replace_graph(G2, A2)  # unchanged: nothing rewritten, nothing lost
    assert set(writer.query("CONSTRUCT WHERE { ?s ?p ?o }").triples()) == union
