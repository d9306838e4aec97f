"""The data commands through the real console entry point: ingest, export, query, stats, validate."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from diplokg.config import load_config
from diplokg.iris import Iris
from diplokg.rebase import asserted_ontology
from diplokg.resources import SEEDS_DIR
from diplokg.store import open_store

IRIS = Iris()
SEEDS = sorted(p.stem for p in SEEDS_DIR.glob("*.txt"))
PERSONS = """PREFIX dkg: <https://w3id.org/diplokg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?name WHERE { ?p a dkg:Person ; rdfs:label ?name FILTER(?name IN ("Toshimitsu Motegi", "Stephen Biegun")) } ORDER BY ?name"""


def diplokg(store: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOKG_")}
    return subprocess.run([sys.executable, "-m", "diplokg.cli", "--store", str(store), *args],
                          capture_output=True, text=True, env=env, input=stdin, timeout=600)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("cli") / "store"
    done = diplokg(store, "ingest", str(SEEDS_DIR))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("4 articles read, 4 accepted, 0 rejected, ")
    return store


@pytest.fixture
def bad_inputs(tmp_path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(SEEDS_DIR / f"{SEEDS[0]}.txt", root / "good.txt")
    (root / "bad.txt").write_bytes(b"Motegi met \xff\xfe Biegun.")
    (root / "broken.txt").symlink_to(root / "missing.txt")
    (root / "recs.jsonl").write_text('{"id": "j1", "text": \n{"id": "good", "text": "again"}\n', encoding="utf-8")
    return root


def test_ingest_bad_inputs_one_line_each_and_the_rest_stored(tmp_path, bad_inputs):
    store = tmp_path / "store"
    done = diplokg(store, "ingest", "--no-progress", str(bad_inputs))
    assert done.returncode == 1
    rejected = sorted(line for line in done.stderr.splitlines() if line.startswith("rejected "))
    assert rejected == sorted([
        f"rejected {bad_inputs}/bad.txt: not valid UTF-8 at byte 11",
        f"rejected {bad_inputs}/broken.txt: cannot read: No such file or directory",
        f"rejected {bad_inputs}/recs.jsonl:1: not valid JSON: Expecting value: line 1 column 22 (char 21)",
        f"rejected {bad_inputs}/recs.jsonl:2: duplicate article id 'good' (first read from {bad_inputs}/good.txt)",
    ])
    assert "Traceback" not in done.stderr
    assert done.stdout.startswith("5 articles read, 1 accepted, 4 rejected, ")
    with open_store(load_config({"store": str(store)}, environ={}), writable=False) as reader:
        assert reader.graphs() == [IRIS.article_graph("good"), IRIS.ontology_graph]


@pytest.mark.parametrize("make,message", [
    (lambda tmp: tmp / "nowhere", "{path}: no such file or directory"),
    (lambda tmp: (tmp / "empty").mkdir() or tmp / "empty", "no articles (.txt or .jsonl files) in {path}"),
])
def test_ingest_usage_errors_exit_2_and_store_untouched(seeded, tmp_path, make, message):
    path = make(tmp_path)
    before = diplokg(seeded, "export", "--format", "nquads").stdout
    done = diplokg(seeded, "ingest", str(path))
    assert done.returncode == 2
    assert done.stderr.splitlines() == [f"diplokg ingest: error: {message.format(path=path)}"]
    assert diplokg(seeded, "export", "--format", "nquads").stdout == before


def test_ingest_into_a_locked_store(tmp_path):
    store = tmp_path / "store"
    with open_store(load_config({"store": str(store)}, environ={}), writable=True):
        done = diplokg(store, "ingest", str(SEEDS_DIR))
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"diplokg ingest: error: store {store} is being written by pid {os.getpid()}; wait for it to finish"]


@pytest.mark.parametrize("fmt", ["trig", "nquads", "turtle", "ntriples", "jsonld"])
def test_export_round_trip_into_a_fresh_store(seeded, tmp_path, fmt):
    out = tmp_path / f"dump.{fmt}"
    done = diplokg(seeded, "export", "--format", fmt, "-o", str(out))
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    config = load_config({"store": str(seeded)}, environ={})
    fresh = load_config({"store": str(tmp_path / "fresh")}, environ={})
    with open_store(config, writable=False) as original, open_store(fresh, writable=True) as copy:
        union = set()
        # the ontology graph is dumped as its files state it, not as its stored OWL RL closure
        published = {IRIS.ontology_graph: set(asserted_ontology(IRIS.base))}
        if fmt in ("trig", "nquads", "jsonld"):
            copy.load(out.read_bytes(), fmt)
            assert copy.graphs() == original.graphs()
            for graph in original.graphs():
                got = set(copy.graph_triples(graph))
                want = published.get(graph) or set(original.graph_triples(graph))
                assert _without_bnodes(got) == _without_bnodes(want)
                assert len(got) == len(want)
        else:
            copy.load(out.read_bytes(), fmt, graph="urn:x:union")
            for graph in original.graphs():
                union |= _without_bnodes(published.get(graph) or original.graph_triples(graph))
            assert _without_bnodes(copy.graph_triples("urn:x:union")) == union


def _without_bnodes(triples):
    from rdflib import BNode

    return {t for t in triples if not any(isinstance(x, BNode) for x in t)}


def test_query_formats(seeded):
    table = diplokg(seeded, "query", PERSONS)
    assert table.returncode == 0
    assert table.stdout.splitlines() == ["name", "-----------------", "Stephen Biegun", "Toshimitsu Motegi", "(2 rows)"]
    as_json = json.loads(diplokg(seeded, "query", PERSONS, "--format", "json").stdout)
    assert [b["name"]["value"] for b in as_json["results"]["bindings"]] == ["Stephen Biegun", "Toshimitsu Motegi"]
    rows = list(csv.reader(io.StringIO(diplokg(seeded, "query", PERSONS, "--format", "csv").stdout)))
    assert rows == [["name"], ["Stephen Biegun"], ["Toshimitsu Motegi"]]
    tsv = diplokg(seeded, "query", PERSONS, "--format", "tsv").stdout
    assert tsv.splitlines() == ["?name", '"Stephen Biegun"', '"Toshimitsu Motegi"']


def test_query_from_file_and_ask(seeded, tmp_path):
    rq = tmp_path / "q.rq"
    rq.write_text(PERSONS, encoding="utf-8")
    assert diplokg(seeded, "query", f"@{rq}").stdout.splitlines()[2] == "Stephen Biegun"
    assert diplokg(seeded, "query", "ASK { ?s ?p ?o }").stdout == "true\n"


@pytest.mark.parametrize("query,message", [
    ("SELECT ?x WHERE { ?x ?y }",
     "diplokg query: error: error at 1:26: expected one of LATERAL, SERVICE (after 'SELECT ?x WHERE { ?x ?y }')"),
    ("SELECT * WHERE { ?s wdt:P31 ?o }", "diplokg query: error: error at 1:21: undeclared prefix wdt: (declare it "
     "with PREFIX wdt: <http://www.wikidata.org/prop/direct/>; predeclared: dcterms, dkg, foaf, org, owl, prov, rdf, rdfs,"),
    ('SELECT * WHERE {\n  ?s ?p ?o .\n\n\n  FILTER(?o = "abc)\n}\n',
     'diplokg query: error: error at 5:15: unterminated string: the " opened here is not closed on its line'),
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
     "diplokg query: error: SERVICE is not allowed"),
    ("DELETE WHERE { ?s ?p ?o }", "diplokg query: error: "),
])
def test_bad_queries_exit_1_with_one_line(seeded, query, message):
    done = diplokg(seeded, "query", query)
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line.startswith(message)


def test_an_undeclared_dkg_term_is_a_warning_with_the_nearest_term(seeded):
    done = diplokg(seeded, "query", "SELECT ?m WHERE { ?m dkg:partcipant ?p }")
    assert (done.returncode, done.stdout.splitlines()[-1]) == (0, "(0 rows)")
    assert done.stderr == ("diplokg query: warning: dkg:partcipant (line 1) is not a term of the diplokg ontology, "
                           "so it matches nothing; did you mean dkg:participant?\n")


def test_stats(seeded):
    done = diplokg(seeded, "stats")
    lines = done.stdout.splitlines()
    assert lines[0] == "articles\t4"
    assert lines[1].startswith("triples\t") and int(lines[1].split("\t")[1]) > 4 * 300
    classes = dict(line.split("\t") for line in lines[2:])
    assert int(classes["https://w3id.org/diplokg/ontology#Article"]) == 4
    assert int(classes["https://w3id.org/diplokg/ontology#Person"]) >= 8


def test_stats_of_a_store_nothing_is_published_in_yet(tmp_path):
    """A store whose writer has published nothing yet (a first ingest before its first
    snapshot) counts nothing, without a traceback."""
    from diplokg.config import load_config
    from diplokg.store import open_store

    with open_store(load_config({"store": str(tmp_path / "s")}, environ={}), writable=True):
        pass
    done = diplokg(tmp_path / "s", "stats")
    assert (done.returncode, done.stderr) == (0, "")
    lines = done.stdout.splitlines()
    assert lines[:4] == ["articles\t0", "triples\t0", "triples in article graphs\t0", "triples in the ontology graph\t0"]


def test_validate_the_store(seeded):
    done = diplokg(seeded, "validate")
    assert (done.returncode, done.stdout) == (0, "store: 4 article graphs conform\n")


def test_progress_bar_on_a_terminal_plain_lines_in_a_pipe(tmp_path):
    import pty

    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOKG_")}
    proc = subprocess.Popen([sys.executable, "-m", "diplokg.cli", "--store", str(tmp_path / "store"), "ingest",
                             str(SEEDS_DIR)], stdout=subprocess.PIPE, stderr=slave, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    out, _ = proc.communicate(timeout=600)
    os.close(master)
    terminal = b"".join(chunks).decode("utf-8")
    assert proc.returncode == 0
    assert "\r[" + "#" * 30 + "] 4/4 0 rejected" in terminal
    assert out.decode().startswith("4 articles read, 4 accepted, 0 rejected")
    piped = diplokg(tmp_path / "store2", "ingest", str(SEEDS_DIR))
    assert "\r" not in piped.stderr and "[" not in piped.stderr
