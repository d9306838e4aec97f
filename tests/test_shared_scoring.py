"""The shared scorer's categories computed on extracted facts (etl/shared_scoring.py), on a
hand-built article, and its matching rules checked against the shared scorer itself.

The scorer is the team's ``../shared/devset/score.py``, outside this repository; the tests use a
byte-identical copy, ``tests/data/shared_score.py`` (like ``tests/data/CONTRACT.md``), so a clone
tests the same wherever it sits. Refresh the copy when the shared scorer changes: the last test
here says so where the shared folder is beside the clone."""

from __future__ import annotations

import hashlib
import importlib.util

import pytest

from diplokg.resources import ROOT
from etl.model import Actor, Article, ArticleFacts, Meeting, Place, RoleFact, Span, Statement
from etl.shared_scoring import names_match, norm, quote_match, score_facts_shared

TEXT = (
    "Foreign Minister Anna Berg of Nordland met Southland's Prime Minister Tomas Vale in Vale City on Tuesday. "
    '"We have opened a new chapter," Berg told reporters. The ministry said Berg pledged more fisheries patrols. '
    "The two agreed to meet again in June. They last spoke by phone in March."
)

GOLD = {
    "article": "x01.txt",
    "actors": [
        {"name": "Anna Berg", "type": "Person", "aliases": ["Berg"],
         "roles": [{"title": "Minister for Foreign Affairs", "of": "Nordland"}]},
        {"name": "Tomas Vale", "type": "Person", "aliases": [], "roles": [{"title": "Prime Minister", "of": "Southland"}]},
        {"name": "Nordland", "type": "Country", "aliases": []},
        {"name": "Southland", "type": "Country", "aliases": []},
        {"name": "Ministry of Foreign Affairs of Nordland", "type": "Organization", "aliases": ["The ministry"]},
    ],
    "meetings": [
        {"participants": ["Anna Berg", "Tomas Vale"], "date": "2031-05-13", "location": "Vale City", "mode": "in-person",
         "status": "held", "primary": True, "issues": [["fisheries", "fisheries patrols"]], "evidence": "met"},
        {"participants": ["Anna Berg", "Tomas Vale"], "date": "2031-06", "location": None, "mode": "in-person",
         "status": "planned", "primary": False, "issues": [], "evidence": "agreed to meet again in June"},
        {"participants": ["Anna Berg", "Tomas Vale"], "date": "2031-03", "location": None, "mode": "phone",
         "status": "held", "primary": False, "issues": [], "evidence": "last spoke by phone in March"},
    ],
    "statements": [
        {"speaker": "Anna Berg", "quote": "We have opened a new chapter", "kind": "direct", "evidence": "Berg told reporters"},
        {"speaker": "Ministry of Foreign Affairs of Nordland", "quote": "Berg pledged more fisheries patrols", "kind": "indirect",
         "evidence": "The ministry said", "speaker_alt": ["Anna Berg"]},
    ],
    "issues": [["fisheries", "fisheries patrols"], ["trade"]],
}

LABELS = {"fisheries": ["fisheries", "fishing rights"], "trade": ["trade and investment"]}


def span(text: str) -> Span:
    start = TEXT.index(text)
    return Span.of(TEXT, start, start + len(text))


def facts() -> ArticleFacts:
    """What a perfect extractor would find (the planned meeting included, the March call missed)."""
    berg = Actor("berg", "Person", "Anna Berg", aliases=["Berg"],
                 roles=[RoleFact("Foreign Minister", "nordland", span("Foreign Minister Anna Berg"))])
    vale = Actor("vale", "Person", "Tomas Vale",
                 roles=[RoleFact("Prime Minister", "southland", span("Prime Minister Tomas Vale"))])
    return ArticleFacts(
        article=Article("x01", TEXT, published="2031-05-15"),
        actors=[berg, vale, Actor("nordland", "Country", "Nordland"), Actor("southland", "Country", "Southland"),
                Actor("mfa", "Organization", "Nordland Foreign Ministry", aliases=["ministry"])],
        places=[Place("vale-city", "Vale City", country="southland")],
        meetings=[Meeting("m1", ["berg", "vale"], date="2031-05-13", location="vale-city", topics=["fisheries"]),
                  Meeting("m2", ["vale", "berg"], status="planned", date="2031-06", primary=False)],
        statements=[Statement("s1", "berg", "We have opened a new chapter", "direct"),
                    Statement("s2", "mfa", "Berg pledged more fisheries patrols", "indirect")],
        issues=["fisheries", "trade"],
    )


def shared(f: ArticleFacts, evidence=(3, 4)) -> dict:
    return score_facts_shared(GOLD, f, LABELS, evidence).as_dict()


def test_a_perfect_extraction_scores_one_in_every_category_but_the_missed_background_call():
    d = shared(facts())
    m = d["meetings"]
    assert (m["precision"], m["recall_primary"], m["f1"]) == (1.0, 1.0, 1.0)
    assert m["recall_all_held"] == 0.5  # the March call is held but not primary: recall of all held only
    assert (m["date_acc"], m["location_acc"], m["mode_acc"], m["pred"], m["gold_primary"]) == (1.0, 1.0, 1.0, 1, 1)
    s = d["statements"]
    assert (s["precision"], s["recall_attributed"], s["f1"], s["gold"], s["pred"]) == (1.0, 1.0, 1.0, 1, 2)
    assert d["persons"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "role_recall": 1.0}
    assert d["issues"] == {"recall": 0.5}  # "trade" is only on the article, not on a meeting or statement
    assert d["evidence"] == {"checked": 4, "valid": 0.75}
    assert d["invented_dates"] == 0


def test_a_surname_only_participant_matches_by_word_subset():
    f = facts()
    f.actors[1].name = "Vale"
    assert shared(f)["meetings"]["recall_primary"] == 1.0


def test_a_meeting_with_half_its_participants_wrong_is_not_matched():
    f = facts()
    f.actors.append(Actor("x", "Person", "Karl Ostrom"))
    f.actors.append(Actor("y", "Person", "Lena Sund"))
    f.meetings[0].participants = ["berg", "x", "y"]
    m = shared(f)["meetings"]
    assert (m["precision"], m["recall_primary"], m["pred"]) == (0.0, 0.0, 1)


def test_dates_must_equal_gold_and_a_guessed_date_is_invented():
    f = facts()
    f.meetings[0].date = "2031-05"
    s = score_facts_shared(GOLD, f, LABELS)
    assert s.as_dict()["meetings"]["date_acc"] == 0.0 and s.invented_dates == []
    f.meetings[0].date = "2031-05-12"
    s = score_facts_shared(GOLD, f, LABELS)
    assert s.invented_dates == ["meeting of Anna Berg, Tomas Vale: 2031-05-12 (gold 2031-05-13)"]
    assert s.as_dict()["meetings"]["recall_primary"] == 1.0  # a wrong date does not unmatch a meeting


def test_mode_and_location_are_compared_on_the_primary_held_meeting():
    f = facts()
    f.meetings[0].mode, f.meetings[0].location = "phone", None
    m = shared(f)["meetings"]
    assert (m["mode_acc"], m["location_acc"]) == (0.0, 0.0)


def test_statements_are_scored_on_direct_quotes_and_any_speaker_the_gold_accepts():
    f = facts()
    f.statements[0].speaker = "vale"
    s = shared(f)["statements"]
    assert (s["quote_recall"], s["attribution_acc"], s["recall_attributed"]) == (1.0, 0.0, 0.0)
    assert s["precision"] == 1.0  # both predicted quotes are in the gold, the indirect one included
    f = facts()
    f.statements.append(Statement("s3", "berg", "Nordland will never give up its fishing grounds", "direct"))
    assert shared(f)["statements"]["precision"] == pytest.approx(2 / 3)


def test_a_role_counts_when_a_title_shares_a_word_and_the_affiliation_matches():
    f = facts()
    f.actors[0].roles = [RoleFact("Foreign Minister", "southland", span("Foreign Minister Anna Berg"))]
    assert shared(f)["persons"]["role_recall"] == 0.5
    f.actors[0].roles = []
    assert shared(f)["persons"]["role_recall"] == 0.5


def test_issues_come_from_meeting_topics_and_statement_subjects():
    f = facts()
    f.meetings[0].topics = []
    assert shared(f)["issues"]["recall"] == 0.0
    f.statements[1].about = ["trade"]
    assert shared(f)["issues"]["recall"] == 0.5


SCORER_COPY = ROOT / "tests" / "data" / "shared_score.py"
SCORER_SHA256 = "4efc5c58b4818cd19bb2ede7da14bb68861127eed906f77f384eeee165ee7219"  # of ../shared/devset/score.py when it was copied (2026-12-07)


def _score_py():
    path = SCORER_COPY
    spec = importlib.util.spec_from_file_location("shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


NAME_CASES = [({"Antony Blinken"}, {"Antony J. Blinken"}), ({"KISHIDA Fumio"}, {"Fumio Kishida"}),
              ({"Kim Min-jae"}, {"Kim Min Jae"}), ({"Mr. Peters"}, {"Winston Peters"}), ({"Park Jin"}, {"Park Ji-hoon"}),
              ({"U.S."}, {"United States"}), ({"Étienne Dubois"}, {"Etienne Dubois"}), ({"the"}, {"the"})]
QUOTE_CASES = [("We stand together", "we STAND together, she said"), ("a b c d e", "a b c d x"), ("a b", "a c"),
               ("Japan and India share a vision", "Japan and India share a vision of peace in space and at sea")]


@pytest.mark.parametrize(("a", "b"), NAME_CASES)
def test_names_match_as_the_shared_scorer_does(a, b):
    assert names_match(a, b) == _score_py().names_match(a, b)


@pytest.mark.parametrize(("a", "b"), QUOTE_CASES)
def test_quotes_match_as_the_shared_scorer_does(a, b):
    score_py = _score_py()
    assert (quote_match(a, b), norm(a)) == (score_py.quote_match(a, b), score_py.norm(a))


def test_the_copy_is_the_shared_scorer_as_copied():
    copy = SCORER_COPY.read_bytes()
    assert hashlib.sha256(copy).hexdigest() == SCORER_SHA256, "tests/data/shared_score.py was edited: it must stay a copy"
    shared = ROOT.parent / "shared" / "devset" / "score.py"
    if shared.is_file():  # a checkout beside the team's shared folder: the copy must not have fallen behind
        assert shared.read_bytes() == copy, "../shared/devset/score.py changed: copy it to tests/data/shared_score.py"
