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
    answers = Answers(max_rows=1_000, max_day_rows=1_000)
    for day in range(200):
        answers.get("dated", f"2024-01-{day:03d}", lambda day=day: {(f"g{day}-{i}", "side") for i in range(60)})
        assert answers.rows <= 1_000
    # the most recent answers are the ones kept
    calls: list = []
    answers.get("dated", "2024-01-199", _asker(calls, set()))
    answers.get("dated", "2024-01-000", _asker(calls, {"new"}))
    assert calls == [{"new"}]


def test_meeting_identitys_answers_are_not_evicted_by_the_other_answers():
    # every article asks the graphs of the days near its own and those graphs' reports; once
    # evicted, a day's answer comes back whole and each graph's reports one query each: the
    # other answers (a person's label, a graph's persons) are many and evict each other, never
    # the days' or their graphs' reports
    answers = Answers(max_rows=100, max_day_rows=1_000)
    days = [f"2024-01-{d:02d}" for d in range(1, 8)]
    for d in days:
        answers.parts("dated", d, lambda d=d: {f"{d}/g{i}": {"side"} for i in range(20)}, lambda g: {"side"})
        for i in range(20):
            answers.get("reports", f"{d}/g{i}", lambda: ["report"])
    for n in range(500):
        answers.get("label", f"https://example.org/person/{n}", lambda: {"A Name"})
        assert answers.rows <= 100 + 1_000
    calls: list = []
    for d in days:
        answers.parts("dated", d, lambda: calls.append(d) or {}, lambda g: set())
        for i in range(20):
            answers.get("reports", f"{d}/g{i}", lambda: calls.append(i) or [])
    assert calls == [] and answers.asked_by_kind == {"dated": 7, "reports": 140, "label": 500}
    # the day pool has its own bound
    for d in range(40):
        answers.parts("undated", f"2025-02-{d:02d}", lambda d=d: {f"u{d}/g{i}": {"side"} for i in range(60)}, lambda g: set())
    assert answers.rows <= 100 + 1_000 + 61


def test_meeting_identitys_pool_has_its_own_bound_on_answers():
    answers = Answers(max_kept=10, max_day_kept=50)
    for n in range(200):
        answers.get("reports", f"https://example.org/graph/{n}", lambda: ["report"])
        answers.get("label", f"https://example.org/person/{n}", lambda: {"A Name"})
    assert len(answers) == 10 + 50
    calls: list = []
    answers.get("reports", "https://example.org/graph/199", lambda: calls.append(1) or [])
    answers.get("reports", "https://example.org/graph/100", lambda: calls.append(2) or [])
    assert calls == [2]  # the 50 most recent kept


def test_rows_are_given_back_when_answers_are_dropped():
    answers = Answers()
    answers.get("family", "Varo", lambda: ({"p1", "p2"}, {"u1"}))
    answers.get("label", "https://example.org/p1", lambda: {"Ana Varo"})
    assert answers.rows == (1 + 3) + (1 + 1)
    answers.written("https://example.org/graph/g", [("https://example.org/p1", "p", "Ana")])
    assert answers.rows == 4


def test_an_answer_kept_by_graph_asks_again_only_the_written_graphs_part():
    # the records of a person every article names: asked in full once, then graph by graph
    answers, full, one = Answers(), [], []
    key = "https://example.org/person/ana-varo"
    store = {"g1": ["r1"], "g2": ["r2"]}

    def ask():
        full.append(1)
        return dict(store)

    def ask_graph(g):
        one.append(g)
        return list(store.get(g, []))
    assert answers.parts("person", key, ask, ask_graph) == {"g1": ["r1"], "g2": ["r2"]}
    store["g3"] = ["r3"]  # a new article names her
    answers.written("g3", [(key, "p", "o")])
    del store["g1"]  # an article rewritten without her: its content before the write names her
    answers.written("g1", [("https://example.org/u", "nameOf", key)])
    answers.written("g9", [("https://example.org/other", "p", "o")])  # nothing of hers
    assert answers.parts("person", key, ask, ask_graph) == {"g2": ["r2"], "g3": ["r3"]}
    assert full == [1] and one == ["g1", "g3"] and answers.refreshed == 2
    assert answers.rows == 1 + 2
    # nothing written since: no question at all
    assert answers.parts("person", key, ask, ask_graph) == {"g2": ["r2"], "g3": ["r3"]}
    assert full == [1] and one == ["g1", "g3"]


def test_an_answer_kept_by_graph_is_dropped_when_evicted_or_keyed_by_the_written_graph():
    answers = Answers(max_rows=5, max_day_rows=5)
    asked: list = []

    def ask(name, n):
        def run():
            asked.append(name)
            return {f"{name}-{i}": {"x"} for i in range(n)}
        return run
    answers.parts("dated", "2024-01-01", ask("a", 3), lambda g: {"x"})
    answers.written("a-0", [("s", "p", "2024-01-01")])  # marked stale, then evicted
    answers.parts("dated", "2024-01-02", ask("b", 3), lambda g: {"x"})
    assert answers.rows <= 5 and len(answers) == 1
    answers.parts("dated", "2024-01-01", ask("a", 1), lambda g: {"x"})
    assert asked == ["a", "b", "a"] and answers.refreshed == 0
    answers.parts("graph", "https://example.org/g", ask("g", 1), lambda g: {"x"})
    answers.written("https://example.org/g", [])  # an answer about the graph itself goes
    answers.parts("graph", "https://example.org/g", ask("g", 1), lambda g: {"x"})
    assert asked == ["a", "b", "a", "g", "g"]
