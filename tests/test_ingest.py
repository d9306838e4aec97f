"""Ingest into a real store on disk with the real extractor: idempotence, replacement, rejection."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF


from diplokg.config import load_config
from diplokg.iris import Iris
from diplokg.resources import SEEDS_DIR
from diplokg.store import open_store
from etl.ingest.run import Ingestor, run_ingest
from etl.model import Actor, Article, ArticleFacts, Meeting, RoleFact, Span
from etl.read import read_paths

IRIS = Iris()
DKG = Namespace("https://w3id.org/diplokg/ontology#")
DKG_TEXT = DKG.text
DKG_PERSON = URIRef("https://w3id.org/diplokg/ontology#Person")


@pytest.fixture(scope="module")
def extractor():
    from etl.pipeline import Extractor

    return Extractor()


@pytest.fixture
def config(tmp_path):
    return load_config({"store": str(tmp_path / "store")}, environ={})


def ingest(config, paths, extractor):
    with open_store(config, writable=True) as store:
        return run_ingest(read_paths([str(p) for p in paths]), store, IRIS, extractor=extractor)


def dataset(config) -> dict[str, set]:
    with open_store(config, writable=False) as store:
        return {g: set(store.graph_triples(g)) for g in store.graphs()}


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_seeds_are_stored_one_graph_each_plus_the_ontology(config, extractor):
    summary = ingest(config, [SEEDS_DIR], extractor)
    assert (summary.read, summary.accepted, summary.rejected) == (4, 4, [])
    data = dataset(config)
    seeds = sorted(p.stem for p in SEEDS_DIR.glob("*.txt"))
    assert sorted(data) == sorted([IRIS.article_graph(s) for s in seeds] + [IRIS.ontology_graph])
    assert summary.triples == sum(len(data[IRIS.article_graph(s)]) for s in seeds)
    persons = {s for g in data.values() for s, p, o in g if p == RDF.type and o == DKG_PERSON}
    assert URIRef(IRIS.instance("actor", "toshimitsu-motegi")) in persons


def test_ingesting_twice_gives_the_same_store(config, extractor):
    ingest(config, [SEEDS_DIR], extractor)
    first = dataset(config)
    ingest(config, [SEEDS_DIR], extractor)
    assert dataset(config) == first


def test_changed_article_replaces_its_facts_and_keeps_the_others(config, extractor, tmp_path):
    seed, second = sorted(SEEDS_DIR.glob("*.txt"))[:2]
    text = seed.read_text(encoding="utf-8")
    # "other" reports other meetings: two copies of one text would be two reports of one
    # meeting, whose settled place follows both (tests/test_events_store.py)
    v1 = write_jsonl(tmp_path / "v1.jsonl", [{"id": "story", "text": text, "license": "cc-by-4.0"},
                                              {"id": "other", "text": second.read_text(encoding="utf-8")}])
    ingest(config, [v1], extractor)
    before = dataset(config)
    changed = text.replace("Tokyo", "Osaka")
    v2 = write_jsonl(tmp_path / "v2.jsonl", [{"id": "story", "text": changed, "license": "cc-by-4.0"}])
    summary = ingest(config, [v2], extractor)
    assert summary.accepted == 1
    after = dataset(config)
    story = IRIS.article_graph("story")
    assert (URIRef(IRIS.article("story")), DKG_TEXT, Literal(changed)) in after[story]
    assert not [t for t in after[story] if isinstance(t[2], Literal) and "Tokyo" in str(t[2])]
    assert after[IRIS.article_graph("other")] == before[IRIS.article_graph("other")]


def test_full_text_is_stored_only_under_a_licence_that_allows_it(config, extractor, tmp_path):
    seed = sorted(SEEDS_DIR.glob("*.txt"))[0]
    text = seed.read_text(encoding="utf-8")
    path = write_jsonl(tmp_path / "l.jsonl", [{"id": "open", "text": text, "license": "cc-by-4.0"},
                                              {"id": "closed", "text": text, "rights": "© A News Agency"}])
    summary = ingest(config, [path], extractor)
    assert summary.accepted == 2
    graphs = dataset(config)
    for article_id, has_text in (("open", True), ("closed", False)):
        graph = Graph()
        for triple in graphs[IRIS.article_graph(article_id)]:
            graph.add(triple)
        article = URIRef(IRIS.article(article_id))
        assert ((article, DKG_TEXT, Literal(text)) in graph) is has_text
        spans = [(int(graph.value(e, DKG.start)), int(graph.value(e, DKG.end)), str(graph.value(e, DKG.exact)))
                 for e in graph.subjects(RDF.type, DKG.Evidence)]
        assert spans and all(text[s:e] == exact for s, e, exact in spans)
    assert (URIRef(IRIS.article("closed")), DCTERMS.rights, Literal("© A News Agency")) in graphs[
        IRIS.article_graph("closed")]
    assert (URIRef(IRIS.article("open")), DCTERMS.license, URIRef("https://creativecommons.org/licenses/by/4.0/")) in \
        graphs[IRIS.article_graph("open")]


def _bad_facts(article_id: str) -> ArticleFacts:
    """Facts whose evidence text does not match the article: the shapes reject them."""
    article = Article(id=article_id, text="Motegi met Biegun in Tokyo.", origin=f"{article_id}.txt")
    actors = [Actor("toshimitsu-motegi", "Person", "Toshimitsu Motegi"),
              Actor("stephen-biegun", "Person", "Stephen Biegun")]
    meeting = Meeting("m1", ["toshimitsu-motegi", "stephen-biegun"], evidence=[Span(0, 6, "Biegun")])
    return ArticleFacts(article=article, actors=actors, meetings=[meeting])


def test_rejected_article_leaves_the_store_untouched(config, extractor, tmp_path):
    seed = sorted(SEEDS_DIR.glob("*.txt"))[0]
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "kept", "text": seed.read_text(encoding="utf-8")}])
    ingest(config, [path], extractor)
    before = dataset(config)
    with open_store(config, writable=True) as store:
        ingestor = Ingestor(store, IRIS)
        assert ingestor.add(_bad_facts("kept")) is False
        assert ingestor.add(_bad_facts("new")) is False
    assert dataset(config) == before
    [first, second] = ingestor.summary.rejected
    assert first.origin == "kept.txt"
    assert first.reason.startswith("violates the shapes: ")
    assert "Evidence dkg:exact is not the article's text between dkg:start and dkg:end" in first.reason
    assert ingestor.summary.accepted == 0


def _family_only(article_id: str, family: str, title: str, of: str | None) -> ArticleFacts:
    """An article that gives a person by family name and post only (as extraction would)."""
    text = f"{title} {family} met reporters."
    article = Article(id=article_id, text=text, published="2020-07-10")
    role = RoleFact(title, of, Span(0, len(title) + len(family) + 1, f"{title} {family}"))
    key = f"{family.lower()}-{article_id}"
    actor = Actor(key, "Person", family, roles=[role], forms=[family], normal=family, family=family,
                  mentions=1, identified="none")
    return ArticleFacts(article=article, actors=[actor], meetings=[Meeting("m", [key, "japan"])])


def test_family_name_and_post_resolve_to_the_one_stored_person(config, extractor, tmp_path):
    seed = sorted(SEEDS_DIR.glob("*.txt"))[0]
    first = write_jsonl(tmp_path / "first.jsonl", [{"id": "first", "text": seed.read_text(encoding="utf-8")}])
    ingest(config, [first], extractor)
    with open_store(config, writable=True) as store:
        from etl.resolve import resolve

        facts = _family_only("later", "Biegun", "Deputy Secretary of State", "united-states")
        resolved = resolve(facts, store, IRIS)
    [actor] = resolved.actors
    assert (actor.key, actor.name, actor.aliases, actor.identified) == ("stephen-biegun", "Stephen Biegun", ["Biegun"], "store")
    assert resolved.meetings[0].participants == ["stephen-biegun", "japan"]


def test_family_name_with_another_post_keeps_its_own_key(config, extractor, tmp_path):
    seed = sorted(SEEDS_DIR.glob("*.txt"))[0]
    first = write_jsonl(tmp_path / "first.jsonl", [{"id": "first", "text": seed.read_text(encoding="utf-8")}])
    ingest(config, [first], extractor)
    with open_store(config, writable=True) as store:
        from etl.resolve import resolve

        facts = _family_only("later", "Biegun", "Agriculture Minister", "japan")
        assert resolve(facts, store, IRIS).actors[0].key == "biegun-later"


# Pairs of gold articles that report one meeting (tests/gold/pairs.json), some naming a person
# by family name only: their second article's meetings (or persons) are settled across
# articles, so the client derives it again instead of taking the worker's derivation.
PAIRED = ("p01a_state_call_japan_takano", "p01b_mofa_japan_us_telephone_talk",
          "p04a_mofa_japan_rok_summit", "p04b_yonhap_kim_okada_tokyo")


def paired_articles(folder):
    """The PAIRED gold articles (texts and sidecars) copied into ``folder``."""
    from diplokg.resources import ROOT

    folder.mkdir()
    for stem in PAIRED:
        for src in (ROOT / "tests" / "gold" / "articles").glob(stem + ".*"):
            (folder / src.name).write_bytes(src.read_bytes())
    return folder


def test_parallel_workers_give_the_same_store(tmp_path, extractor):
    """--jobs 2: workers extract, validate and reason; the store is the serial store, with the
    workers' triples where identity leaves an article alone and the client's elsewhere."""
    paths = [SEEDS_DIR, paired_articles(tmp_path / "paired")]
    serial = load_config({"store": str(tmp_path / "serial")}, environ={})
    parallel = load_config({"store": str(tmp_path / "parallel")}, environ={})
    want_summary = ingest(serial, paths, extractor)
    with open_store(parallel, writable=True) as store:
        summary = run_ingest(read_paths([str(p) for p in paths]), store, IRIS, jobs=2)
    count = 4 + len(PAIRED)
    assert (summary.read, summary.accepted, summary.triples, summary.rederived) == \
        (count, count, want_summary.triples, want_summary.rederived)
    assert (want_summary.worker_used, want_summary.worker_redone) == (0, 0)
    # both paths taken: the workers' triples stored as they are, and derived again in the client
    assert summary.worker_used > 0 and summary.worker_redone > 0
    assert summary.worker_used + summary.worker_redone == count
    # the workers validated with this process's engine (pyshacl, the library's default)
    assert summary.worker_shacl_engines == {"pyshacl": count}
    assert all(summary.stage_seconds[s] > 0 for s in ("nlp", "extract", "rdf", "shacl", "owl"))
    assert "worker derivations: " in summary.stages_line()
    # identity asked the store and reused kept answers, the same in both runs
    q = summary.identity_queries
    assert q["asked"] > 0 and q["reused"] > 0 and 0 < q["kept"] <= q["rows"] and q == want_summary.identity_queries
    assert f"identity queries: {q['asked']} asked of the store, {q['reused']} answered from" in summary.stages_line()
    got, want = dataset(parallel), dataset(serial)
    assert sorted(got) == sorted(want)
    for graph in want:  # blank nodes (the ontology's owl:AllDifferent lists) get store-local labels
        assert _no_bnodes(got[graph]) == _no_bnodes(want[graph]), graph
        assert len(got[graph]) == len(want[graph])


def test_the_shacl_engine_setting_reaches_the_worker_processes(tmp_path):
    """With rudof the process's engine (as the shacl_engine setting makes it), the --jobs
    worker processes validate every article with rudof and say so in what they return."""
    from etl.validate import use_engine

    config = load_config({"store": str(tmp_path / "store")}, environ={})
    use_engine("rudof")
    try:
        with open_store(config, writable=True) as store:
            summary = run_ingest(read_paths([str(SEEDS_DIR)]), store, IRIS, jobs=2)
    finally:
        use_engine("pyshacl")
    assert summary.accepted == 4
    assert summary.worker_shacl_engines == {"rudof": 4}
    assert "4 by rudof in the workers" in summary.stages_line()


def test_a_worker_rejects_an_article_with_the_serial_reason(config, extractor):
    """A worker's derivation of facts that violate the shapes (the task workers run, with the
    settings the client sends them) is rejected with the line a serial ingest gives."""
    from etl.ingest.parallel import Extracted, Worker, derive_one, worker_settings

    with open_store(config, writable=True) as store:
        serial = Ingestor(store, IRIS)
        assert serial.add(_bad_facts("new")) is False
        worker = Worker(worker_settings(IRIS.base, "licensed", serial.reasoner.closure))
        bad = _bad_facts("new")
        done = derive_one(worker.deriver, Extracted(bad.article, bad, None))
        assert isinstance(done.derived.outcome, str)
        fast = Ingestor(store, IRIS)
        assert fast.add(bad, done.derived) is False
    assert fast.summary.worker_used == 1  # the worker's reason, not a derivation in the client
    assert [str(r) for r in fast.summary.rejected] == [str(r) for r in serial.summary.rejected]
    assert fast.summary.rejected[0].reason.startswith("violates the shapes: ")


def _no_bnodes(triples):
    from rdflib import BNode

    return {t for t in triples if not any(isinstance(x, BNode) for x in t)}


def test_an_article_spacy_cannot_parse_is_rejected_alone_and_order_is_kept(tmp_path):
    """Ingest parses in nlp.pipe batches; an article the pipeline refuses (longer than its
    max_length) fails alone, the others of its batch are stored, in input order."""
    import spacy

    from etl.nlp import MODEL_PACKAGE
    from etl.pipeline import Extractor

    nlp = spacy.load(MODEL_PACKAGE)
    nlp.max_length = 3000
    small = Extractor(nlp)
    body = "Foreign Minister Aiko Tanabe of Japan met Foreign Minister Tomasz Kowalczyk of France in Paris on March 3, 2031."
    records = [{"id": f"batch-{i}", "text": body if i != 2 else body + " Long." * 700, "published": "2031-03-04"}
               for i in range(5)]
    parsed = list(small.parse_batches(Article(r["id"], r["text"]) for r in records))
    assert [a.id for a, *_ in parsed] == [r["id"] for r in records]
    assert [doc is None for _, doc, _, _ in parsed] == [False, False, True, False, False]
    assert "max_length" in str(parsed[2][2]) or "E088" in str(parsed[2][2])
    config = load_config({"store": str(tmp_path / "store")}, environ={})
    with open_store(config, writable=True) as store:
        summary = run_ingest(read_paths([str(write_jsonl(tmp_path / "a.jsonl", records))]), store, IRIS, extractor=small)
    assert (summary.read, summary.accepted) == (5, 4)
    assert len(summary.rejected) == 1 and "a.jsonl:3:" in str(summary.rejected[0]) and "extraction failed" in str(summary.rejected[0])
    with open_store(config, writable=False) as store:
        assert set(store.graphs()) == {IRIS.article_graph(f"batch-{i}") for i in (0, 1, 3, 4)} | {IRIS.ontology_graph}
