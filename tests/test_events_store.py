"""Meetings across articles in a real store: the gold pairs (tests/gold/pairs.json) are one
meeting each, the negative controls (n01*, n02*: the same people meeting again months apart,
two Foreign Ministers Park) are not, no other articles share a meeting, and the store does not
depend on the order of ingest or on ``--jobs``.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys

import pytest

from diplokg.config import load_config
from diplokg.iris import Iris
from diplokg.resources import ROOT
from diplokg.store import open_store
from etl.ingest.run import run_ingest
from etl.model import Article
from etl.read import read_paths
from etl.shared_scoring import names_match
from tests.test_identity import build, graphs, rows

IRIS = Iris()
GOLD = ROOT / "tests" / "gold"
PAIRS = json.loads((GOLD / "pairs.json").read_text(encoding="utf-8"))
STEMS = sorted({p.stem for p in (GOLD / "articles").glob("[pn][0-9][0-9]*.txt")})
# Pairs the extraction does not yet find in both articles as the gold has them (a participant
# missed or taken in, an undated planned meeting); each is asserted not to be over-merged.
FOUND_AT_LEAST = 7


@pytest.fixture(scope="module")
def extractor():
    from etl.pipeline import Extractor

    return Extractor()


@pytest.fixture(scope="module")
def articles():
    by_id = {a.id: a for a in read_paths([str(GOLD / "articles")])}
    return [by_id[s] for s in STEMS]


@pytest.fixture(scope="module")
def paired_store(tmp_path_factory, extractor, articles):
    return build(tmp_path_factory.mktemp("pairs"), extractor, articles)


def meetings_of(config, stem: str) -> dict[str, list[set[str]]]:
    """meeting IRI -> the names (label and written forms) of each participant, as the article gives them."""
    g = IRIS.article_graph(stem)
    out: dict[str, dict[str, set[str]]] = {}
    for m, p, name in rows(config, f"""SELECT ?m ?p ?n WHERE {{ GRAPH <{g}> {{ ?m a dkg:Meeting ; dkg:participant ?p .
            {{ ?p rdfs:label ?n }} UNION {{ ?p skos:altLabel ?n }} }} }}"""):
        out.setdefault(m, {}).setdefault(p, set()).add(name)
    return {m: list(parts.values()) for m, parts in out.items()}


def find(config, stem: str, names: list[str]) -> str | None:
    """The article's meeting the shared scorer matches to these gold participants: at least half
    of each side's participants agree, the best agreement first."""
    best = None
    g = IRIS.article_graph(stem)
    planned = {m for (m,) in rows(config, f"SELECT ?m WHERE {{ GRAPH <{g}> {{ ?m a dkg:Meeting ; dkg:status dkg:Planned }} }}")}
    for m, parts in sorted(meetings_of(config, stem).items()):
        hit_g = sum(1 for n in names if any(names_match({n}, p) for p in parts))
        hit_p = sum(1 for p in parts if any(names_match({n}, p) for n in names))
        if hit_g and hit_g * 2 >= len(names) and hit_p * 2 >= len(parts):
            # the pairs are of meetings held: of two meetings of the same people, the held one
            # (the shared scorer tells them apart by the gold date)
            score = hit_g / len(names) + hit_p / len(parts) + (0 if m in planned else 0.1)
            if best is None or score > best[0]:
                best = (score, m)
    return best[1] if best else None


def test_each_pair_found_in_both_articles_is_one_meeting_reported_in_both(paired_store):
    found = 0
    for pair in PAIRS:
        by_file = pair.get("participants_by_file", {})
        a, b = (find(paired_store, s, by_file.get(s, pair["participants"])) for s in (pair["a"], pair["b"]))
        if a is None or b is None:
            continue
        found += 1
        assert a == b, pair
        reported = {r for (r,) in rows(paired_store, f"SELECT ?a WHERE {{ <{a}> dkg:reportedIn ?a }}")}
        assert reported == {IRIS.article(pair["a"]), IRIS.article(pair["b"])}
        # evidence from each report, each with its own date
        per_report = rows(paired_store, f"""SELECT ?art (COUNT(DISTINCT ?e) AS ?n) WHERE {{
            ?r dkg:reportOf <{a}> ; dkg:reportArticle ?art . <{a}> dkg:evidence ?e . ?e dkg:article ?art }} GROUP BY ?art""")
        assert len(per_report) == 2 and all(int(n) >= 1 for _, n in per_report)
    assert found >= FOUND_AT_LEAST


def test_no_meeting_is_shared_by_articles_that_are_not_a_pair(paired_store):
    pairs = {frozenset((IRIS.article(p["a"]), IRIS.article(p["b"]))) for p in PAIRS}
    shared = rows(paired_store, """SELECT ?m (GROUP_CONCAT(DISTINCT STR(?a); separator=" ") AS ?arts) WHERE {
        ?m a dkg:Meeting ; dkg:reportedIn ?a } GROUP BY ?m HAVING (COUNT(DISTINCT ?a) > 1)""")
    assert shared, "no meeting has several reports"
    for m, arts in shared:
        assert frozenset(arts.split()) in pairs, (m, arts)


def test_the_same_two_people_meeting_again_are_distinct_meetings(paired_store):
    """Carter and Takano: a call in March (p01), a meeting in Tokyo in July (n01b), a call in
    September (n01a); Foreign Minister Park Min-seo in 2027 is not Park Ji-hoon of 2031."""
    calls = {stem: find(paired_store, stem, ["James Carter", "Emiko Takano"])
             for stem in ("p01a_state_call_japan_takano", "n01a_state_call_japan_takano_september",
                          "n01b_mofa_japan_us_foreign_ministers_tokyo", "p01b_mofa_japan_us_telephone_talk")}
    assert None not in calls.values(), calls
    assert calls["p01a_state_call_japan_takano"] == calls["p01b_mofa_japan_us_telephone_talk"]
    assert len(set(calls.values())) == 3
    for stem in (s for s in STEMS if s.startswith("n")):
        for m in meetings_of(paired_store, stem):
            reported = rows(paired_store, f"SELECT DISTINCT ?a WHERE {{ <{m}> dkg:reportedIn ?a }}")
            assert reported == [(IRIS.article(stem),)], (stem, m)


def test_one_meeting_has_one_label_date_and_mode_however_the_reports_differ(paired_store):
    m = find(paired_store, "p01a_state_call_japan_takano", ["James Carter", "Emiko Takano"])
    assert rows(paired_store, f"SELECT DISTINCT ?d WHERE {{ <{m}> dkg:date ?d }}") == [("2031-03-05",)]
    assert len(rows(paired_store, f"SELECT DISTINCT ?l WHERE {{ <{m}> rdfs:label ?l }}")) == 1
    assert len(rows(paired_store, f"SELECT DISTINCT ?x WHERE {{ <{m}> dkg:mode ?x }}")) == 1
    # each report keeps its own date: the State Department's in U.S. time, MOFA's a day later in Japan
    own = dict(rows(paired_store, f"SELECT ?a ?d WHERE {{ ?r dkg:reportOf <{m}> ; dkg:reportArticle ?a ; dkg:reportDate ?d }}"))
    assert own == {IRIS.article("p01a_state_call_japan_takano"): "2031-03-05",
                   IRIS.article("p01b_mofa_japan_us_telephone_talk"): "2031-03-06"}


def test_the_store_does_not_depend_on_the_order_of_ingest_or_on_jobs(tmp_path, extractor, articles, paired_store, monkeypatch):
    first = graphs(paired_store)
    # backwards, earlier articles are derived again from what the store holds, not from facts kept in memory
    monkeypatch.setattr("etl.ingest.run.KEPT_FACTS", 0)
    backward = graphs(build(tmp_path, extractor, list(reversed(articles)), "backward"))
    monkeypatch.undo()
    shuffled = list(articles)
    random.Random(7).shuffle(shuffled)
    third = graphs(build(tmp_path, extractor, shuffled, "shuffled"))
    assert set(first) == set(backward) == set(third)
    assert [g for g in first if first[g] != backward[g]] == []
    assert [g for g in first if first[g] != third[g]] == []
    # the command line with two extraction workers, on the same files
    folder = tmp_path / "in"
    folder.mkdir()
    for stem in STEMS:
        for ext in (".txt", ".json"):
            src = GOLD / "articles" / (stem + ext)
            if src.exists():
                (folder / src.name).write_bytes(src.read_bytes())
    done = subprocess.run([sys.executable, "-m", "diplokg.cli", "--store", str(tmp_path / "jobs"), "ingest", "--jobs", "2",
                           str(folder)], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    jobs = graphs(load_config({"store": str(tmp_path / "jobs")}, environ={}))
    assert set(jobs) == set(first)
    assert [g for g in first if first[g] != jobs[g]] == []


def test_replacing_one_report_keeps_the_others_facts(tmp_path, extractor, articles):
    """Re-ingesting one report leaves the store as it was; replacing it with a text that no
    longer reports the meeting gives the other report its own meeting back, its facts intact."""
    from dataclasses import replace

    pair = [a for a in articles if a.id.startswith("p01")]
    config = build(tmp_path, extractor, pair, "s")
    before = graphs(config)
    with open_store(config, writable=True) as store:
        run_ingest([pair[0]], store, IRIS, extractor=extractor)
    assert graphs(config) == before
    alone = graphs(build(tmp_path, extractor, [pair[1]], "alone"))
    gone = replace(pair[0], text="Secretary Carter’s Schedule\n\nThe Secretary has no public appointments today.\n")
    with open_store(config, writable=True) as store:
        summary = run_ingest([gone], store, IRIS, extractor=extractor)
    assert summary.rederived == 1
    after = graphs(config)
    b = IRIS.article_graph(pair[1].id)
    assert after[b] == alone[b]


def test_a_meeting_page_shows_each_report_with_its_evidence_and_date(paired_store):
    from server import create_app

    m = find(paired_store, "p01a_state_call_japan_takano", ["James Carter", "Emiko Takano"])
    app = create_app(paired_store)
    app.config["TESTING"] = True
    page = app.test_client().get(m[len("https://w3id.org/diplokg"):], headers={"Accept": "text/html"})
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    section = html[html.index('id="evidence"'):html.index("</section>", html.index('id="evidence"'))]
    assert "2 reports" in section
    items = section.split('<li class="report">')[1:]
    assert len(items) == 2
    state, mofa = items  # oldest article first
    assert "/id/article/p01a_state_call_japan_takano" in state and "date 2031-03-05" in state
    assert "/id/article/p01b_mofa_japan_us_telephone_talk" in mofa and "date 2031-03-06" in mofa
    # each report's evidence spans are its own article's (the texts are not licensed: no snippets)
    assert "/id/article/p01a_state_call_japan_takano#char=" in state and "p01b" not in state
    assert "/id/article/p01b_mofa_japan_us_telephone_talk#char=" in mofa and "p01a" not in mofa


def test_stats_count_meetings_with_several_reports(paired_store):
    done = subprocess.run([sys.executable, "-m", "diplokg.cli", "--store", paired_store.store, "stats"], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    lines = dict(line.strip().split("\t") for line in done.stdout.splitlines())
    several = rows(paired_store, """SELECT (COUNT(*) AS ?n) WHERE { { SELECT ?m WHERE { ?m a dkg:Meeting ; dkg:reportedIn ?a }
        GROUP BY ?m HAVING (COUNT(DISTINCT ?a) > 1) } }""")[0][0]
    assert int(several) >= FOUND_AT_LEAST
    assert lines["meetings reported by several articles"].startswith(f"{several} of ")
    assert "resolved to a person another article names" in lines


def test_an_export_of_the_paired_store_validates(paired_store, tmp_path):
    """One label, date, mode and place per meeting in the union, however the reports differ."""
    out = tmp_path / "pairs.trig"
    run = [sys.executable, "-m", "diplokg.cli", "--store", paired_store.store]
    assert subprocess.run(run + ["export", "-o", str(out)], cwd=ROOT, capture_output=True, timeout=600).returncode == 0
    done = subprocess.run(run + ["validate", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:]
    assert "conforms" in done.stdout


def test_the_reports_read_from_their_own_triples_are_those_of_the_whole_graph(paired_store):
    """Meeting identity reads a stored graph's reports from the triples REPORT_TRIPLES selects:
    the same reports, with the same stored meetings, as from every triple of the graph."""
    from rdflib import URIRef

    from etl.to_rdf import REPORT_TRIPLES, reports_of_graph

    with open_store(paired_store, writable=False) as store:
        seen = 0
        for g in sorted(store.graphs()):
            if not g.startswith(IRIS.article_graph_prefix):
                continue
            whole = reports_of_graph(list(store.graph_triples(g)), IRIS)
            rows = store.query_bound(REPORT_TRIPLES, {"g": URIRef(g)}).rows()
            selected = reports_of_graph([(s, p, o) for _, s, p, o in rows], IRIS)
            assert selected == whole, g
            assert [r.canon for r in selected] == [r.canon for r in whole], g
            seen += len(whole)
    assert seen >= len(STEMS)  # every article reports a meeting


READOUT = Article("readout-carter-takano",
                  "Secretary Carter's Call with Japanese Foreign Minister Takano\n\n"
                  "Secretary of State James Carter spoke today with Japanese Foreign Minister Emiko Takano. "
                  "The Secretary and the Foreign Minister discussed trade.",
                  published="2031-03-05", source="U.S. Department of State")
WIRE = Article("wire-carter-takano",
               "Carter and Takano discuss trade\n\n"
               "WASHINGTON (Wire) - U.S. Secretary of State James Carter held a telephone call with Japanese "
               "Foreign Minister Emiko Takano, the State Department said, as the allies weigh new tariffs.",
               published="2031-03-06", source="Wire")


def test_an_undated_wire_story_of_the_next_day_is_the_readouts_meeting_in_either_order(tmp_path, extractor):
    forward = build(tmp_path, extractor, [READOUT, WIRE], "forward")
    wire_report_dates = rows(forward, f"""SELECT ?d WHERE {{ GRAPH <{IRIS.article_graph(WIRE.id)}> {{
        ?r a dkg:MeetingReport . OPTIONAL {{ ?r dkg:reportDate ?d }} }} }}""")
    assert wire_report_dates == [(None,)], "the wire story itself gives no day"
    together = rows(forward, """SELECT ?m (COUNT(DISTINCT ?a) AS ?n) WHERE { ?m a dkg:Meeting ; dkg:reportedIn ?a } GROUP BY ?m""")
    assert [n for _, n in together] == ["2"], together
    [(date,)] = rows(forward, "SELECT DISTINCT ?d WHERE { ?m a dkg:Meeting ; dkg:date ?d }")
    assert date == "2031-03-05"
    backward = build(tmp_path, extractor, [WIRE, READOUT], "backward")
    assert graphs(forward) == graphs(backward)
    # a week later the same undated story is another call
    late = Article(WIRE.id, WIRE.text, published="2031-03-12", source="Wire")
    apart = build(tmp_path, extractor, [READOUT, late], "apart")
    assert [n for _, n in rows(apart, """SELECT ?m (COUNT(DISTINCT ?a) AS ?n) WHERE { ?m a dkg:Meeting ; dkg:reportedIn ?a } GROUP BY ?m""")] == ["1", "1"]
