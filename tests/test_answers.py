"""The store answers identity keeps across an ingest's articles (etl.answers)."""

from __future__ import annotations

from etl.answers import Answers


def _asker(calls: list, value):
    def ask():
        calls.append(value)
        return value
    return ask


def test_an_answer_is_reused_until_a_written_graph_mentions_its_key():
    answers, calls = Answers(), []
    key = "https://example.org/person/ana-varo"
    assert answers.get("person", key, _asker(calls, ["r1"])) == ["r1"]
    assert answers.get("person", key, _asker(calls, ["r2"])) == ["r1"]
    answers.written("https://example.org/graph/other", [("https://example.org/x", "p", "y")])
    assert answers.get("person", key, _asker(calls, ["r3"])) == ["r1"]
    answers.written("https://example.org/graph/g", [(key, "p", "Ana Varo")])
    assert answers.get("person", key, _asker(calls, ["r4"])) == ["r4"]
    assert calls == [["r1"], ["r4"]] and (answers.asked, answers.reused) == (2, 2)


def test_kept_rows_stay_bounded_however_long_the_answers_grow():
    # a date's answer lists every graph reporting that date: it grows with the store
    answers = Answers(max_rows=1_000)
    for day in range(200):
        answers.get("dated", f"2024-01-{day:03d}", lambda day=day: {(f"g{day}-{i}", "side") for i in range(60)})
        assert answers.rows <= 1_000
    # the most recent answers are the ones kept
    calls: list = []
    answers.get("dated", "2024-01-199", _asker(calls, set()))
    answers.get("dated", "2024-01-000", _asker(calls, {"new"}))
    assert calls == [{"new"}]


def test_rows_are_given_back_when_answers_are_dropped():
    answers = Answers()
    answers.get("family", "Varo", lambda: ({"p1", "p2"}, {"u1"}))
    answers.get("label", "https://example.org/p1", lambda: {"Ana Varo"})
    assert answers.rows == (1 + 3) + (1 + 1)
    answers.written("https://example.org/graph/g", [("https://example.org/p1", "p", "Ana")])
    assert answers.rows == 4
