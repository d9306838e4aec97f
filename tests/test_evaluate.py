"""The evaluation's scoring, on hand-built facts, and the gold corpus's own consistency."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from diplokg.resources import ROOT, SEEDS_DIR
from etl.evaluate import (
    Count,
    facts_to_gold,
    issue_labels,
    main,
    norm,
    quote_overlap,
    score_article,
    score_facts,
)
from etl.model import Actor, Article, ArticleFacts, Meeting, Place, RoleFact, Span, Statement
from tests.gold_rules import problems

GOLD_DIR = ROOT / "tests" / "gold"
ARTICLES_DIR = GOLD_DIR / "articles"
GOLD_FILES = sorted(GOLD_DIR.glob("*.gold.json"))
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

TEXT = (
    "Japanese Foreign Minister Yoko Kamikawa met U.S. Secretary of State Antony Blinken in Tokyo on Feb. 2, 2024. "
    '"We stand together," Kamikawa said. Blinken said the alliance "has never been stronger." '
    "The two last talked by phone in January."
)

GOLD = {
    "article": "t.txt",
    "actors": [
        {"name": "Yoko Kamikawa", "type": "Person", "aliases": ["Kamikawa"],
         "roles": [{"title": "Foreign Minister", "of": "Japan"}]},
        {"name": "Antony Blinken", "type": "Person", "aliases": ["Blinken", "Tony Blinken"],
         "roles": [{"title": "Secretary of State", "of": "United States"}]},
    ],
    "meetings": [
        {"participants": ["Yoko Kamikawa", "Antony Blinken"], "date": "2024-02-02", "location": "Tokyo",
         "mode": "in-person", "status": "held", "primary": True},
        {"participants": ["Yoko Kamikawa", "Antony Blinken"], "date": "2024-01", "location": None,
         "mode": "phone", "status": "held", "primary": False},
    ],
    "statements": [
        {"speaker": "Yoko Kamikawa", "quote": "We stand together", "kind": "direct", "date": None},
        {"speaker": "Antony Blinken", "quote": "has never been stronger.", "kind": "direct", "date": None},
    ],
    "issues": [["japan-u.s. alliance", "alliance"]],
}

ISSUES_TTL = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://w3id.org/diplokg/id/issue/> a skos:ConceptScheme ; skos:prefLabel "diplokg issues"@en .
<https://w3id.org/diplokg/id/issue/japan-us-alliance> a skos:Concept ;
    skos:prefLabel "Japan-U.S. alliance"@en ; skos:altLabel "U.S.-Japan alliance"@en .
<https://w3id.org/diplokg/id/issue/climate-change> a skos:Concept ; skos:prefLabel "Climate change"@en .
"""


def span(text: str) -> Span:
    """The span of the first occurrence of ``text`` in TEXT."""
    start = TEXT.index(text)
    return Span.of(TEXT, start, start + len(text))


def perfect_facts() -> ArticleFacts:
    """Facts that say exactly what GOLD says, with valid evidence."""
    jp = Actor("japan", "Country", "Japan")
    us = Actor("united-states", "Country", "United States", aliases=["U.S."])
    kamikawa = Actor("yoko-kamikawa", "Person", "Yoko Kamikawa", aliases=["Kamikawa"],
                     roles=[RoleFact("foreign minister", "japan", span("Japanese Foreign Minister Yoko Kamikawa"))])
    blinken = Actor("antony-blinken", "Person", "Antony Blinken",
                    roles=[RoleFact("Secretary of State", "united-states", span("U.S. Secretary of State Antony Blinken"))])
    return ArticleFacts(
        article=Article("t", TEXT),
        actors=[jp, us, kamikawa, blinken],
        places=[Place("tokyo", "Tokyo", country="japan")],
        meetings=[
            Meeting("m1", ["yoko-kamikawa", "antony-blinken"], date="2024-02-02", location="tokyo",
                    topics=["japan-us-alliance"], evidence=[span("met U.S. Secretary of State")]),
            Meeting("m2", ["antony-blinken", "yoko-kamikawa"], mode="phone", date="2024-01", primary=False,
                    evidence=[span("The two last talked by phone in January.")]),
        ],
        statements=[
            Statement("s1", "yoko-kamikawa", "We stand together", "direct", evidence=[span("Kamikawa said")]),
            Statement("s2", "antony-blinken", "has never been stronger.", "direct", evidence=[span("Blinken said")]),
        ],
        issues=["japan-us-alliance"],
    )


@pytest.fixture
def labels(tmp_path: Path) -> dict[str, list[str]]:
    path = tmp_path / "issues.ttl"
    path.write_text(ISSUES_TTL, encoding="utf-8")
    return issue_labels(path)


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r)


def test_issue_labels_keys_are_last_segments_and_labels_lower_case(labels):
    assert labels == {"japan-us-alliance": ["japan-u.s. alliance", "u.s.-japan alliance"],
                      "climate-change": ["climate change"]}


def test_facts_to_gold_replaces_keys_by_names_and_labels(labels):
    pred = facts_to_gold(perfect_facts(), labels)
    assert pred["meetings"][0]["participants"] == ["Yoko Kamikawa", "Antony Blinken"]
    assert pred["meetings"][0]["location"] == "Tokyo"
    assert pred["meetings"][0]["issues"] == [["japan-u.s. alliance", "u.s.-japan alliance"]]
    assert pred["actors"][2]["roles"] == [{"title": "foreign minister", "of": "Japan"}]
    assert pred["statements"][1] == {"speaker": "Antony Blinken", "quote": "has never been stronger.",
                                     "kind": "direct", "date": None}
    assert pred["issue_labels"] == [["japan-u.s. alliance", "u.s.-japan alliance"]]


def test_perfect_prediction_scores_one_everywhere(labels):
    score = score_facts(GOLD, perfect_facts(), labels)
    for name, count in score.counts.items():
        assert (count.precision, count.recall) == (1.0, 1.0), name
    assert dict(score.correct) == {"date": 2, "location": 2, "mode": 2, "status": 2}
    assert score.invented_dates == []
    assert (score.evidence_valid, score.evidence_total) == (6, 6)
    assert score.unmatched == []


def test_one_missing_meeting_halves_meeting_recall(labels):
    facts = perfect_facts()
    del facts.meetings[1]
    c = score_facts(GOLD, facts, labels).counts["meetings"]
    assert (c.matched_pred, c.pred, c.matched_gold, c.gold) == (1, 1, 1, 2)
    assert (c.precision, c.recall, c.f1) == (1.0, 0.5, pytest.approx(f1(1.0, 0.5)))


def test_meetings_match_on_participant_sets_not_on_order_or_attributes(labels):
    facts = perfect_facts()
    facts.meetings[0].location = None
    facts.meetings[1].status = "planned"
    score = score_facts(GOLD, facts, labels)
    assert score.counts["meetings"].f1 == 1.0
    assert (score.correct["location"], score.correct["status"], score.compared["location"]) == (1, 1, 2)


def test_a_surname_only_participant_is_not_a_match(labels):
    facts = perfect_facts()
    facts.actors[3].name = "Blinken"
    score = score_facts(GOLD, facts, labels)
    assert score.counts["meetings"].matched_gold == 0
    assert score.counts["people"].as_dict()["matched_gold"] == 1
    assert "people: spurious blinken" in score.unmatched and "people: missed antony blinken" in score.unmatched


def test_wrong_speaker_misses_statements_but_hits_quote_only(labels):
    facts = perfect_facts()
    facts.statements[1].speaker = "yoko-kamikawa"
    score = score_facts(GOLD, facts, labels)
    strict, loose = score.counts["statements"], score.counts["statements (quote only)"]
    assert (strict.matched_pred, strict.pred, strict.matched_gold, strict.gold) == (1, 2, 1, 2)
    assert strict.f1 == 0.5
    assert loose.f1 == 1.0


def test_quote_overlap_is_relative_to_the_shorter_quote():
    assert quote_overlap("We stand together", "\u201cwe STAND together,\u201d she said") == 1.0
    assert quote_overlap("a b c d e", "a b c d x") == 0.8
    assert quote_overlap("a b c d e", "a b c x y") == 0.6
    assert quote_overlap("", "a") == 0.0


def test_a_partly_overlapping_quote_below_the_threshold_is_a_miss(labels):
    facts = perfect_facts()
    facts.statements[0].quote = "We stand apart"
    assert score_facts(GOLD, facts, labels).counts["statements"].matched_gold == 1


def test_invented_dates_are_counted(labels):
    facts = perfect_facts()
    facts.statements[0].date = "2024-02-02"
    facts.meetings[1].date = "2024-01-15"
    score = score_facts(GOLD, facts, labels)
    assert len(score.invented_dates) == 2
    assert score.invented_dates[0] == "meeting of Yoko Kamikawa, Antony Blinken: 2024-01-15 (gold 2024-01)"
    assert score.as_dict()["invented_dates"] == 2


def test_a_less_precise_date_is_wrong_but_not_invented(labels):
    facts = perfect_facts()
    facts.meetings[0].date = "2024-02"
    score = score_facts(GOLD, facts, labels)
    assert score.invented_dates == []
    assert (score.correct["date"], score.compared["date"]) == (1, 2)


def test_a_bad_evidence_span_is_caught(labels):
    facts = perfect_facts()
    facts.statements[0].evidence = [Span(0, 8, "Kamikawa")]
    facts.meetings[1].evidence = [Span(len(TEXT) - 5, len(TEXT) + 5, TEXT[-5:])]
    score = score_facts(GOLD, facts, labels)
    assert (score.evidence_valid, score.evidence_total) == (4, 6)
    assert score.as_dict()["evidence"]["share"] == pytest.approx(4 / 6, abs=1e-4)


def test_names_match_across_case_accents_and_full_name_aliases():
    gold = {"actors": [{"name": "Nguyễn Văn Thành", "type": "Person", "aliases": ["Thanh"]},
                       {"name": "Antony Blinken", "type": "Person", "aliases": ["Tony Blinken", "Blinken"]},
                       {"name": "Cho Tae Yul", "type": "Person", "aliases": []}]}
    pred = {"actors": [{"name": "nguyen van thanh", "type": "Person"}, {"name": "Tony Blinken", "type": "Person"},
                       {"name": "Cho Tae-yul", "type": "Person"}, {"name": "Thanh", "type": "Person"}]}
    c = score_article(gold, pred).counts["people"]
    assert (c.matched_pred, c.pred, c.matched_gold, c.gold) == (3, 4, 3, 3)


def test_a_person_predicted_twice_counts_once():
    gold = {"actors": [{"name": "Kim Min-jae", "type": "Person", "aliases": []}]}
    pred = {"actors": [{"name": "Kim Min Jae", "type": "Person"}, {"name": "Kim Min-jae", "type": "Person"}]}
    c = score_article(gold, pred).counts["people"]
    assert (c.precision, c.recall) == (0.5, 1.0)


def test_posts_compare_titles_by_meaning_and_affiliations_by_name():
    gold = {"actors": [{"name": "Lloyd Austin", "type": "Person", "aliases": [],
                        "roles": [{"title": "Defense Secretary", "of": "United States"}]},
                       {"name": "Taro Kono", "type": "Person", "aliases": [],
                        "roles": [{"title": "Defence Minister", "of": "Japan"}]}]}
    pred = {"actors": [{"name": "Lloyd Austin", "type": "Person", "roles": [{"title": "Secretary of Defense", "of": "U.S."}]},
                       {"name": "Taro Kono", "type": "Person", "roles": [{"title": "defense minister", "of": "Japan"},
                                                                        {"title": "Foreign Minister", "of": "Japan"}]}]}
    c = score_article(gold, pred).counts["posts"]
    assert (c.matched_pred, c.pred, c.matched_gold, c.gold) == (2, 3, 2, 2)


def test_organization_speakers_match_through_known_aliases():
    gold = {"actors": [{"name": "State Department", "type": "Organization", "aliases": []}],
            "statements": [{"speaker": "State Department", "quote": "emphasized continued readiness", "kind": "direct"}]}
    pred = {"actors": [{"name": "U.S. Department of State", "type": "Organization", "aliases": []}],
            "statements": [{"speaker": "U.S. Department of State", "quote": "emphasized continued readiness",
                            "kind": "direct"}]}
    assert score_article(gold, pred).counts["statements"].f1 == 1.0


def test_issue_groups_match_labels_by_whole_words(labels):
    gold = {"issues": [["alliance"], ["climate"], ["north korea"]]}
    pred = {"issue_labels": [labels["japan-us-alliance"], labels["climate-change"], ["cyber security"]]}
    c = score_article(gold, pred).counts["issues"]
    assert (c.matched_pred, c.pred, c.matched_gold, c.gold) == (2, 3, 2, 3)


def test_counts_with_nothing_to_find():
    assert (Count().precision, Count().recall, Count().f1) == (1.0, 1.0, 1.0)
    assert (Count(0, 0, 0, 3).precision, Count(0, 0, 0, 3).f1) == (0.0, 0.0)


def test_norm():
    assert norm("  Kim Min-jae ") == "kim min jae"
    assert norm("Chișinău") == "chisinau"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "etl.evaluate", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


@pytest.mark.parametrize("content, message", [
    (None, "gold directory not found"),
    ("{", "not a readable gold file"),
    ('{"actors": []}', 'gold file without an "article" name'),
    ('{"article": "missing.txt"}', "missing.txt: article not found in"),
    ('{"article": "../etc/passwd"}', "../etc/passwd: an article name must be a bare file name"),
])
def test_cli_reports_bad_gold_in_one_line(tmp_path, content, message):
    gold_dir = tmp_path / "gold"
    if content is not None:
        gold_dir.mkdir()
        (gold_dir / "x.gold.json").write_text(content, encoding="utf-8")
    result = run_cli(str(gold_dir))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")
    assert message in result.stderr


def test_cli_json_on_a_one_article_gold_dir(tmp_path, capsys):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "003.gold.json").write_text((GOLD_DIR / "003_ec01ec311e190c74.gold.json").read_text())
    assert main([str(gold_dir), "--articles", str(SEEDS_DIR), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["articles"] == 1
    assert out["scores"]["people"]["gold"] == 5
    assert out["scores"]["meetings"]["gold"] == 2
    assert out["scores"]["statements"]["gold"] == 6
    assert out["evidence"]["share"] == 1.0
    assert out["evidence"]["total"] > 0


# The gold corpus itself: what every annotation must satisfy.

def article_path(gold: dict) -> Path:
    return SEEDS_DIR / gold["article"] if (SEEDS_DIR / gold["article"]).exists() else ARTICLES_DIR / gold["article"]


def test_corpus_has_the_seeds_and_at_least_twelve_own_articles():
    names = {json.loads(p.read_text())["article"] for p in GOLD_FILES}
    assert {p.name for p in SEEDS_DIR.glob("*.txt")} <= names
    own = sorted(ARTICLES_DIR.glob("*.txt"))
    assert len(own) >= 12
    assert {p.name for p in own} <= names


@pytest.mark.parametrize("path", sorted(ARTICLES_DIR.glob("*.txt")), ids=lambda p: p.stem)
def test_own_articles_are_wire_length_with_valid_sidecars(path):
    assert 150 <= len(path.read_text(encoding="utf-8").split()) <= 700
    sidecar = path.with_suffix(".json")
    if sidecar.exists():
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
        assert set(meta) <= {"published", "title", "source", "url"}
        assert DATE.match(meta.get("published", "2000-01-01"))


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name.split(".")[0])
def test_gold_file_is_consistent_with_its_article(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert path.name == Path(gold["article"]).stem + ".gold.json"
    text = article_path(gold).read_text(encoding="utf-8")
    body = text.split("\nRelated coverage:")[0]
    names = {a["name"] for a in gold["actors"]}
    assert len(names) == len(gold["actors"])
    for actor in gold["actors"]:
        assert actor["type"] in ("Person", "Country", "Organization")
        if actor["type"] == "Person":  # "Emiko Takano" may be written only as "TAKANO Emiko"
            words = set(re.findall(r"\w+", actor["name"].lower()))
            assert any(words <= set(re.findall(r"\w+", form.lower()))
                       for form in [actor["name"], *actor["aliases"]] if form in body), actor["name"]
    for meeting in gold["meetings"]:
        assert set(meeting["participants"]) <= names
        assert meeting["evidence"] in body
        assert meeting["mode"] in ("in-person", "phone", "video")
        assert meeting["status"] in ("held", "planned")
        assert meeting["date"] is None or DATE.match(meeting["date"])
        assert meeting["location"] is None or meeting["location"] in body
    for statement in gold["statements"]:
        assert statement["speaker"] in names
        assert statement["kind"] in ("direct", "indirect")
        assert statement["quote"] in body and statement["evidence"] in body
        assert statement["date"] is None or DATE.match(statement["date"])


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name.split(".")[0])
def test_gold_file_follows_the_shared_annotation_conventions(path):
    """Keys and their order, exact substrings, actors named, dates against ``published``, issue
    keywords in the text, meeting issues copied from the article list (CONVENTIONS.md section 1)."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    article = article_path(gold)
    sidecar = article.with_suffix(".json")
    meta = json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.exists() else {}
    assert problems(gold, article.read_text(encoding="utf-8"), meta) == []


def test_the_conventions_check_finds_broken_gold():
    text = "Foreign Minister Anna Berg met Tomas Vale in Vale City on Tuesday."
    gold = {"article": "x.txt",
            "actors": [{"name": "Anna Berg", "type": "Person", "aliases": ["Berg"], "roles": [{"title": "Foreign Minister", "of": "Nordland"}]},
                       {"name": "Tomas Vale", "type": "Person", "aliases": ["Vale"], "roles": []},
                       {"name": "Nordland", "type": "Country", "aliases": [], "roles": []}],
            "meetings": [{"participants": ["Anna Berg", "Tomas Vale", "Southland"], "date": "2031-05-14", "location": "Vale Town",
                          "mode": "in-person", "status": "held", "primary": True, "issues": [["fisheries"]], "evidence": "met Tomas Vale"}],
            "statements": [],
            "issues": [["trade"]]}
    found = problems(gold, text, {"published": "2031-05-13", "title": "Berg visits"})
    assert found == [
        "actor Nordland: keys ['name', 'type', 'aliases', 'roles'], want ['name', 'type', 'aliases']",
        "meeting ['Anna Berg', 'Tomas Vale', 'Southland']: participant 'Southland' is not an actor",
        "meeting ['Anna Berg', 'Tomas Vale', 'Southland']: location not in the text: 'Vale Town'",
        "meeting ['Anna Berg', 'Tomas Vale', 'Southland']: held on 2031-05-14, after published 2031-05-13",
        "meeting ['Anna Berg', 'Tomas Vale', 'Southland']: issue group ['fisheries'] is not copied from the article list",
        "issue group ['trade']: no keyword occurs in the text",
        "line 1 of the text is not the sidecar title",
    ]


# Reports of one meeting by two publishers (tests/gold/pairs.json, the shared scorer's --pairs format).

PAIRS = json.loads((GOLD_DIR / "pairs.json").read_text(encoding="utf-8"))


def _paired_meeting(stem: str, names: list[str]) -> dict:
    """The first gold meeting of an article whose participants are exactly ``names`` (how the scorer finds it)."""
    want = {norm(n) for n in names}
    gold = json.loads((GOLD_DIR / f"{stem}.gold.json").read_text(encoding="utf-8"))
    found = [m for m in gold["meetings"] if {norm(n) for n in m["participants"]} == want]
    assert found, f"{stem}: no meeting of {names}"
    return found[0]


def _days(iso: str) -> int:
    return date.fromisoformat(iso).toordinal()


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: f"{p['a'][:3]}-{'+'.join(p['participants'])[:30]}")
def test_each_pair_names_one_compatible_meeting_in_both_articles(pair):
    assert set(pair) <= {"a", "b", "participants", "participants_by_file"}
    by_file = pair.get("participants_by_file", {})
    assert set(by_file) <= {pair["a"], pair["b"]}
    a, b = (_paired_meeting(s, by_file.get(s, pair["participants"])) for s in (pair["a"], pair["b"]))
    assert (a["mode"], a["status"]) == (b["mode"], b["status"])
    if a["date"] and b["date"]:
        da, db = a["date"], b["date"]
        same = da.startswith(db) or db.startswith(da)
        assert same or (len(da) == len(db) == 10 and abs(_days(da) - _days(db)) == 1), (da, db)


def test_pairs_cover_at_least_eight_article_pairs_and_negative_controls_exist():
    assert len({(p["a"], p["b"]) for p in PAIRS}) >= 8
    stems = {s for p in PAIRS for s in (p["a"], p["b"])}
    controls = {p.stem for p in ARTICLES_DIR.glob("n*.txt")}
    assert len(controls) >= 4 and not controls & stems
