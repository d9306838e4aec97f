"""Linked data as crawlers and careful researchers use it (issue 12), through real commands and
a real ``diplokg serve`` on 127.0.0.1: a second base IRI end to end, dereferencing of the
ontology, the issue scheme, graphs and the dataset, every RDF format parsed by rapper and
rdflib without a warning, VoID, dumps, and licences per article."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
import warnings
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS
from rdflib.plugins.parsers.jsonld import to_rdf

from diplokg.config import load_config
from diplokg.resources import ROOT, SEEDS_DIR
from diplokg.store import open_store
from server.cookbook import load_cookbook
from tests.fixtures_pages import ServedStore, seed_config  # noqa: F401
from tests.sparql_support import free_port

pytestmark = pytest.mark.slow

VOID = Namespace("http://rdfs.org/ns/void#")
DKG = Namespace("https://w3id.org/diplokg/ontology#")
DEFAULT = "https://w3id.org/diplokg/"
SEED_IDS = sorted(p.stem for p in SEEDS_DIR.glob("*.txt"))
RAPPER = {"ttl": "turtle", "nt": "ntriples", "rdf": "rdfxml", "nq": "nquads", "trig": "trig"}
RDFLIB = {"ttl": "turtle", "nt": "nt", "rdf": "xml", "nq": "nquads", "trig": "trig", "jsonld": "json-ld"}
MEDIA = {"ttl": "text/turtle", "nt": "application/n-triples", "rdf": "application/rdf+xml",
         "nq": "application/n-quads", "trig": "application/trig", "jsonld": "application/ld+json"}
# rdflib's own quad parsers call its deprecated Dataset API: a warning about rdflib, not the data.
RDFLIB_OWN = ("Dataset.default_context is deprecated", "ConjunctiveGraph is deprecated")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOKG_")}
    return subprocess.run([sys.executable, "-m", "diplokg.cli", *args], capture_output=True, text=True,
                          env={**clean, **(env or {})}, timeout=600, cwd=ROOT)


def get(url: str, accept: str | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, dict(exc.headers), exc.read()


def parse(data: bytes, ext: str) -> Dataset:
    """Parse with rdflib; any warning but rdflib's own deprecations fails the test."""
    dataset = Dataset()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for message in RDFLIB_OWN:
            warnings.filterwarnings("ignore", message, DeprecationWarning)
        if ext == "jsonld":
            to_rdf(json.loads(data), dataset)
        else:
            dataset.parse(data=data, format=RDFLIB[ext])
    return dataset


def rapper(data: bytes, ext: str, tmp_path: Path) -> int:
    """Parse with rapper (raptor2); it must print no warning or error. The triple count."""
    path = tmp_path / f"doc.{ext}"
    path.write_bytes(data)
    done = subprocess.run(["rapper", "-i", RAPPER[ext], "-c", str(path)], capture_output=True, text=True, timeout=120)
    lines = [line for line in done.stderr.splitlines() if "Parsing URI" not in line and "Parsing returned" not in line]
    assert done.returncode == 0 and lines == [], done.stderr
    return int(done.stderr.split("Parsing returned ")[1].split()[0])


def quads(dataset: Dataset) -> set:
    return set(dataset.quads((None, None, None, None)))


# --- one store under a second base, served at that base -------------------------------------

@pytest.fixture(scope="module")
def second(tmp_path_factory):
    """Seeds ingested with ``--base http://127.0.0.1:PORT/`` and served on that port."""
    root = tmp_path_factory.mktemp("second")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    store = root / "store"
    inputs = root / "in"
    shutil.copytree(SEEDS_DIR, inputs)
    (inputs / f"{SEED_IDS[0]}.json").write_text(json.dumps({"license": "cc-by-4.0", "source": "Example Wire",
                                                            "rights": "© Example Wire"}), encoding="utf-8")
    done = run("ingest", str(inputs), "--store", str(store), "--base", base)
    assert done.returncode == 0, done.stderr
    config = load_config({"store": str(store), "base": base}, environ={})
    server = ServedStore(config, root / "server.log", workers=1)
    server.url = base.rstrip("/")
    server._command[server._command.index("--port") + 1] = str(port)
    with server:
        yield {"base": base, "store": store, "url": base, "config": config, "root": root}


def test_second_base_ingest_validate_and_query(second, seed_config):
    base, store = second["base"], second["store"]
    done = run("validate", "--store", str(store), "--base", base)
    assert (done.returncode, done.stdout) == (0, "store: 4 article graphs conform\n")
    ours, theirs = load_cookbook(base=base), load_cookbook()
    with open_store(second["config"], writable=False) as moved, open_store(seed_config, writable=False) as default:
        for mine, reference in zip(ours, theirs):
            got = [tuple(None if v is None else str(v).replace(base, DEFAULT) for v in row)
                   for row in moved.query(mine.sparql).rows()]
            want = [tuple(None if v is None else str(v) for v in row) for row in default.query(reference.sparql).rows()]
            assert len(got) == len(want) > 0 or mine.name.startswith("12"), mine.name
        subjects = {str(s) for s, _, _ in moved.query("CONSTRUCT WHERE { ?s ?p ?o }").triples()}
    assert not [s for s in subjects if s.startswith(DEFAULT + "id/")]
    csv = run("query", "--store", str(store), "--base", base, "--format", "csv",
              "SELECT ?i WHERE { ?m dkg:topic ?i . ?i skos:prefLabel ?l } LIMIT 1")
    assert csv.stdout.splitlines()[1].startswith(base + "id/issue/")


def test_second_base_export(second, tmp_path):
    out = tmp_path / "dump.trig"
    done = run("export", "--store", str(second["store"]), "--base", second["base"], "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stderr == f"diplokg export: writing TriG (from the .trig extension) to {out}\n"
    dataset = parse(out.read_bytes(), "trig")
    graphs = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert graphs == {second["base"] + f"graph/article/{i}" for i in SEED_IDS} | {second["base"] + "graph/ontology"}
    iris = {str(t) for q in quads(dataset) for t in q[:3] if isinstance(t, URIRef)}
    assert not [i for i in iris if i.startswith(DEFAULT) and not i.startswith(DEFAULT + "ontology")]


def test_second_base_pages_void_and_documents(second):
    base = second["base"]
    status, headers, body = get(base + "id/actor/toshimitsu-motegi", "text/html")
    assert status == 200 and headers["Content-Location"] == "/id/actor/toshimitsu-motegi.html"
    html = body.decode()
    assert 'href="/id/meeting/' in html and 'href="/ontology#Person"' in html
    status, _, body = get(base + ".well-known/void", "text/turtle")
    void = Graph().parse(data=body, format="turtle")
    dataset = URIRef(base + "dataset")
    assert void.value(dataset, VOID.sparqlEndpoint) == URIRef(base + "sparql")
    assert void.value(dataset, VOID.uriSpace) == Literal(base + "id/")
    assert set(void.objects(dataset, VOID.dataDump)) == {URIRef(base + f"export.{s}") for s in
                                                          ("ttl", "trig", "nq", "nt", "jsonld")}
    for path in ("dataset", "issues", "ontology", f"graph/article/{SEED_IDS[0]}.ttl"):
        assert get(base + path, "text/turtle")[0] == 200, path
    _, _, body = get(base + "issues.ttl")
    scheme = Graph().parse(data=body, format="turtle")
    assert (URIRef(base + "issues"), RDF.type, SKOS.ConceptScheme) in scheme
    assert {str(c) for c in scheme.subjects(SKOS.inScheme, URIRef(base + "issues"))} and all(
        str(c).startswith(base + "id/issue/") for c in scheme.subjects(SKOS.inScheme, URIRef(base + "issues")))


def test_void_is_cached_per_snapshot_and_follows_a_new_one(second, tmp_path):
    url = second["base"] + ".well-known/void"
    first, again = get(url, "application/n-triples")[2], get(url, "application/n-triples")[2]
    assert first == again  # the same graph, blank nodes and all: computed once for this snapshot
    extra = tmp_path / "extra.jsonl"
    text = (SEEDS_DIR / f"{SEED_IDS[1]}.txt").read_text(encoding="utf-8")
    extra.write_text(json.dumps({"id": "extra", "text": text, "source": "Other Wire"}) + "\n", encoding="utf-8")
    assert run("ingest", str(extra), "--store", str(second["store"]), "--base", second["base"]).returncode == 0
    graph = Graph().parse(data=get(url, "text/turtle")[2], format="turtle")
    assert graph.value(URIRef(second["base"] + "dataset"), VOID.documents) == Literal(5)
    sources = {str(graph.value(s, DCTERMS.source)) for s in graph.objects(URIRef(second["base"] + "dataset"), VOID.subset)
               if graph.value(s, DCTERMS.source) is not None}
    assert sources == {"Example Wire", "Other Wire"}


# --- the default base, served: dereferencing, formats, VoID, dumps, licences ----------------

@pytest.fixture(scope="module")
def served(seed_config, tmp_path_factory):
    from tests.fixtures_pages import ServedStore

    with ServedStore(seed_config, tmp_path_factory.mktemp("linked") / "server.log", workers=1) as server:
        yield server.url + "/"


DOCUMENTS = ["ontology", "issues", "dataset", f"graph/article/{SEED_IDS[0]}", "graph/ontology",
             "id/actor/toshimitsu-motegi", f"id/article/{SEED_IDS[0]}", "id/issue/north-korea-nuclear"]


@pytest.mark.parametrize("path", DOCUMENTS)
@pytest.mark.parametrize("ext", list(MEDIA))
def test_every_document_in_every_format_parses_without_a_warning(served, path, ext, tmp_path):
    status, headers, body = get(served + path, MEDIA[ext])
    assert status == 200, body[:200]
    assert headers["Content-Type"].split(";")[0] == MEDIA[ext]
    assert headers["Content-Location"] == f"/{path}.{ext}"
    assert headers["Vary"] == "Accept"
    dataset = parse(body, ext)
    assert len(quads(dataset)) > 0
    if ext in RAPPER:
        assert rapper(body, ext, tmp_path) == len(quads(dataset))
    status, _, again = get(served + f"{path}.{ext}")
    assert status == 200 and len(quads(parse(again, ext))) == len(quads(dataset))
    if path.startswith("graph/") and ext in ("nq", "trig"):
        assert {str(g.identifier) for g in dataset.graphs() if len(g)} == {DEFAULT + path}


@pytest.mark.parametrize("suffix", ["ttl", "trig", "nq", "nt", "jsonld"])
def test_every_dump_parses_without_a_warning(served, suffix, tmp_path):
    status, headers, body = get(served + f"export.{suffix}")
    assert status == 200
    dataset = parse(body, suffix)
    if suffix in RAPPER:
        assert rapper(body, suffix, tmp_path) == len(quads(dataset))
    if suffix in ("trig", "nq", "jsonld"):
        graphs = {str(g.identifier) for g in dataset.graphs() if len(g)}
        assert graphs == {DEFAULT + f"graph/article/{i}" for i in SEED_IDS} | {DEFAULT + "graph/ontology"}


def test_ontology_and_issue_scheme_dereference(served):
    status, headers, body = get(served + "ontology", "text/html")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    html = body.decode()
    assert 'id="Meeting"' in html and 'id="participant"' in html and 'href="/issues"' in html
    graph = parse(get(served + "ontology", "text/turtle")[2], "ttl")
    triples = {q[:3] for q in quads(graph)}
    assert (URIRef("https://w3id.org/diplokg/ontology"), RDF.type, OWL.Ontology) in triples
    assert (DKG.Meeting, RDF.type, OWL.Class) in triples
    assert not [q for q in quads(graph) if str(q[0]).startswith("http://www.w3.org/2001/XMLSchema#")]
    status, _, body = get(served + "issues", "text/html")
    assert status == 200 and 'href="/id/issue/korean-peninsula"' in body.decode()


def test_a_graph_iri_sends_browsers_to_its_article(served):
    request = urllib.request.Request(served + f"graph/article/{SEED_IDS[0]}", headers={"Accept": "text/html"})
    opener = urllib.request.build_opener(type("NoRedirect", (urllib.request.HTTPRedirectHandler,), {
        "redirect_request": lambda *a, **k: None}))
    with pytest.raises(urllib.error.HTTPError) as info:
        opener.open(request, timeout=30)
    info.value.close()
    assert info.value.code == 303 and info.value.headers["Location"] == f"/id/article/{SEED_IDS[0]}"
    assert get(served + "graph/article/no-such-article", "text/turtle")[0] == 404


def test_void_describes_the_data_not_the_reasoner(served):
    graph = parse(get(served + ".well-known/void", "text/turtle")[2], "ttl")
    triples = {q[:3] for q in quads(graph)}
    void = Graph()
    for t in triples:
        void.add(t)
    dataset = URIRef(DEFAULT + "dataset")
    classes = {void.value(p, VOID["class"]) for p in void.objects(dataset, VOID.classPartition)}
    assert DKG.Meeting in classes and URIRef("http://schema.org/Event") in classes
    assert not {RDFS.Datatype, OWL.AllDifferent, OWL.Thing, OWL.Class} & classes
    vocabularies = {str(v) for v in void.objects(dataset, VOID.vocabulary)}
    assert {"http://schema.org/", "http://xmlns.com/foaf/0.1/", "http://www.w3.org/ns/org#", "http://www.w3.org/ns/prov#",
            "http://semanticweb.cs.vu.nl/2009/11/sem/", str(DKG), str(SKOS), str(DCTERMS)} <= vocabularies
    linksets = {void.value(s, VOID.linkPredicate): int(void.value(s, VOID.triples))
                for s in void.objects(dataset, VOID.subset) if (s, RDF.type, VOID.Linkset) in void}
    assert linksets[OWL.sameAs] > 0 and linksets[SKOS.exactMatch] > 0
    assert void.value(dataset, VOID.sparqlEndpoint) == URIRef(served + "sparql")


def test_turtle_dump_has_prefixes_and_no_reasoner_axioms(served):
    body = get(served + "export.ttl")[2].decode()
    assert "@prefix dkg: <https://w3id.org/diplokg/ontology#> ." in body
    union = parse(body.encode(), "ttl")
    subjects = {str(q[0]) for q in quads(union)}
    assert not [s for s in subjects if s.startswith(("http://www.w3.org/2001/XMLSchema#", "http://www.w3.org/2002/07/owl#"))]
    assert (URIRef("http://www.w3.org/2001/XMLSchema#NCName"), RDF.type, RDFS.Datatype) not in {q[:3] for q in quads(union)}


def test_evidence_is_the_span_itself_without_surrounding_white_space(served):
    data = parse(get(served + "export.nq")[2], "nq")
    graph = Graph()
    for s, p, o, _ in quads(data):
        graph.add((s, p, o))
    texts = {a: str(t) for a, t in graph.subject_objects(DKG.text)}
    checked = 0
    for ev in graph.subjects(RDF.type, DKG.Evidence):
        exact = str(graph.value(ev, DKG.exact))
        assert exact == exact.strip(), ev
        text = texts[graph.value(ev, DKG.article)]
        assert text[int(graph.value(ev, DKG.start)):int(graph.value(ev, DKG.end))] == exact
        checked += 1
    assert checked > 20


def test_cli_export_json_ld_keeps_the_named_graphs_and_refuses_a_contradicting_name(seed_config, tmp_path):
    store = seed_config.store
    trig, jsonld = tmp_path / "d.trig", tmp_path / "d.jsonld"
    assert run("export", "--store", store, "-o", str(trig)).returncode == 0
    assert run("export", "--store", store, "--format", "jsonld", "-o", str(jsonld)).returncode == 0
    a, b = parse(trig.read_bytes(), "trig"), parse(jsonld.read_bytes(), "jsonld")
    assert len({g.identifier for g in b.graphs() if len(g)}) == len(SEED_IDS) + 1
    assert len(quads(a)) == len(quads(b))
    wrong = run("export", "--store", store, "--format", "nquads", "-o", str(tmp_path / "x.trig"))
    assert (wrong.returncode, wrong.stderr) == (2, f"diplokg export: error: {tmp_path / 'x.trig'} is a TriG file name "
                                                  "but --format is nquads; use --format trig or name the file x.nq\n")
    assert not (tmp_path / "x.trig").exists()


# --- licences: what is published of an article ---------------------------------------------

@pytest.fixture(scope="module")
def licensed(tmp_path_factory):
    root = tmp_path_factory.mktemp("licences")
    text = (SEEDS_DIR / f"{SEED_IDS[1]}.txt").read_text(encoding="utf-8")
    (root / "in.jsonl").write_text("\n".join(json.dumps(r) for r in [
        {"id": "open", "text": text, "source": "Open Wire", "license": "cc-by-4.0"},
        {"id": "closed", "text": text, "source": "Closed Wire", "rights": "© Closed Wire, all rights reserved"},
    ]) + "\n", encoding="utf-8")
    store = root / "store"
    assert run("ingest", str(root / "in.jsonl"), "--store", str(store)).returncode == 0
    config = load_config({"store": str(store)}, environ={})
    with ServedStore(config, root / "server.log", workers=1) as server:
        yield server.url + "/", text


def test_full_text_only_where_the_licence_allows_it_and_evidence_always(licensed):
    url, text = licensed
    tail = text[text.index("Related coverage"):].splitlines()[2]  # other articles' headlines: never evidence
    open_page = get(url + "id/article/open", "text/html")[2].decode()
    closed_page = get(url + "id/article/closed", "text/html")[2].decode()
    assert "creativecommons.org/licenses/by/4.0/" in open_page and 'class="article-text"' in open_page
    assert tail in open_page
    assert "© Closed Wire, all rights reserved" in closed_page and "is not published here" in closed_page
    assert tail not in closed_page and 'class="article-text"' not in closed_page
    assert closed_page.count("<mark data-spans=") > 3
    data = parse(get(url + "export.nq")[2], "nq")
    texts = {str(s) for s, p, _, _ in quads(data) if p == DKG.text}
    assert texts == {DEFAULT + "id/article/open"}
    void = Graph()
    for s, p, o, _ in quads(parse(get(url + ".well-known/void", "text/turtle")[2], "ttl")):
        void.add((s, p, o))
    per_source = {str(void.value(s, DCTERMS.source)): (void.value(s, DCTERMS.license), void.value(s, DCTERMS.rights))
                  for s in void.objects(URIRef(DEFAULT + "dataset"), VOID.subset) if void.value(s, DCTERMS.source)}
    assert per_source["Open Wire"] == (URIRef("https://creativecommons.org/licenses/by/4.0/"), None)
    assert per_source["Closed Wire"][0] is None and "without a licence" in str(per_source["Closed Wire"][1])
