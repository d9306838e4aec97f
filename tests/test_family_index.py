"""The stored records of each family name an ingest keeps (etl.family_index), and identity
decided on records kept once for several articles as on one record per article."""

from __future__ import annotations

from diplokg.config import load_config
from diplokg.store import open_store
from etl.family_index import FamilyIndex
from etl.resolve import Record, View, resolve_family, resolve_short
from tests.test_identity import (FORMAL, FULL, HALE_ONLY, IRIS, LONG_AGO, MINISTER_ONLY, OTHER_TOMONAGA, SHORT,
                                 SURNAMES, build, extractor)  # noqa: F401 - the extractor fixture

ACTOR = "https://example.org/actor/"
POST = {("Foreign Minister", ACTOR + "ruritania")}


def _rec(graph: str, person: str, normal: str, how: str = "name", date: str = "2031-05-13") -> Record:
    return Record(f"https://example.org/graph/{graph}", ACTOR + person, "Varo", normal, how, set(POST), None, date)


def test_records_alike_are_kept_once_with_their_graphs_and_a_write_replaces_a_graphs_records():
    index, asked = FamilyIndex(), []

    def load():
        asked.append(1)
        return [_rec("a", "ana-varo", "Ana Varo"), _rec("b", "ana-varo", "Ana Varo"),
                _rec("c", "ana-varo", "Ana Varo", date="2020-01-01")]

    kept = list(index.records("Varo", load))
    assert sorted(len(r.graphs) for r in kept) == [1, 2]
    assert list(index.records("Varo", load)) == kept and asked == [1]  # asked of the store once
    # graph b now names her otherwise; graph d is new; a family not asked yet is not kept
    index.written("https://example.org/graph/b", [_rec("b", "ana-varo", "Ana Varo", date="2020-01-01")])
    index.written("https://example.org/graph/d", [Record("https://example.org/graph/d", ACTOR + "x", "Other", "X Other",
                                                         "name")])
    graphs = sorted(sorted(g.rsplit("/", 1)[1] for g in r.graphs) for r in index.records("Varo", load))
    assert graphs == [["a"], ["b", "c"]] and index.names() == ["Varo"]
    index.written("https://example.org/graph/a", [])  # the graph no longer names her
    assert [sorted(r.graphs) for r in index.records("Varo", load)] == [["https://example.org/graph/b",
                                                                        "https://example.org/graph/c"]]


def test_one_persons_records_of_one_post_in_one_year_are_one_profile_and_decide_as_the_dated_ones():
    # article after article names her with the same post: the days differ, the year decides
    # (identity compares years), so the index keeps one record with every graph, not one a day
    index = FamilyIndex()
    days = ["2031-01-04", "2031-05-13", "2031-12-30"]
    recs = [_rec(f"d{n}", "ana-varo", "Ana Varo", date=day) for n, day in enumerate(days)]
    recs.append(_rec("late", "ana-varo", "Ana Varo", date="2038-02-01"))  # more than five years on
    kept = list(index.records("Varo", lambda: recs))
    assert sorted(len(r.graphs) for r in kept) == [1, 3]
    assert index.profiles == 2 and index.memberships == 4
    weak = _rec("w", "varo-w", "Varo", how="none", date="2031-06-01")
    assert resolve_family(weak, kept, View(None, IRIS)) == resolve_family(weak, recs, View(None, IRIS)) == ACTOR + "ana-varo"  # type: ignore[arg-type]
    far = _rec("w", "varo-w", "Varo", how="none", date="2045-06-01")  # no record within five years
    assert resolve_family(far, kept, View(None, IRIS)) is None  # type: ignore[arg-type]
    index.written("https://example.org/graph/d1", [])
    assert index.profiles == 2 and index.memberships == 3


def _kept(records: list[Record]) -> list[Record]:
    index = FamilyIndex()
    return list(index.records("Varo", lambda: records))


def test_a_record_kept_for_one_article_only_is_no_candidate_in_that_article():
    weak = _rec("w", "varo-w", "Varo", how="none")
    own_graph_only = _kept([_rec("w", "ana-varo", "Ana Varo")])
    assert resolve_family(weak, own_graph_only, View(None, IRIS)) is None  # type: ignore[arg-type]
    with_another = _kept([_rec("w", "ana-varo", "Ana Varo"), _rec("x", "ana-varo", "Ana Varo")])
    assert resolve_family(weak, with_another, View(None, IRIS)) == ACTOR + "ana-varo"  # type: ignore[arg-type]


def test_a_short_form_kept_for_several_articles_is_asked_article_by_article_where_it_matters():
    # "Tom Varo" in articles s1 and s2; the formal "Thomas Varo" only in s1: in s1 the short
    # form stands (no candidate elsewhere), in s2 it is Thomas; a family name alone in a third
    # article then finds the short form unresolved somewhere, and so two people
    short = [_rec("s1", "tom-varo", "Tom Varo"), _rec("s2", "tom-varo", "Tom Varo")]
    formal = [_rec("s1", "thomas-varo", "Thomas Varo")]
    recs = _kept(short + formal)
    assert resolve_short(short[0], recs) is None and resolve_short(short[1], recs) == ACTOR + "thomas-varo"
    weak = _rec("w", "varo-w", "Varo", how="none")
    assert resolve_family(weak, recs, View(None, IRIS)) is None  # type: ignore[arg-type]
    # with the formal name in a second article too, the short form is Thomas everywhere
    recs = _kept(short + formal + [_rec("f2", "thomas-varo", "Thomas Varo")])
    assert resolve_family(weak, recs, View(None, IRIS)) == ACTOR + "thomas-varo"  # type: ignore[arg-type]


def test_the_records_a_run_keeps_are_what_the_store_gives_at_its_end(tmp_path, extractor, monkeypatch):
    made: list[FamilyIndex] = []

    class Kept(FamilyIndex):
        def __init__(self) -> None:
            super().__init__()
            made.append(self)

    monkeypatch.setattr("etl.ingest.run.FamilyIndex", Kept)
    # later articles rewrite earlier ones (a family name alone, a short form) and one comes twice
    articles = [SURNAMES, MINISTER_ONLY, HALE_ONLY, SHORT, FULL, OTHER_TOMONAGA, FORMAL, LONG_AGO, SURNAMES]
    config = build(tmp_path, extractor, articles)
    [index] = made
    assert {"Tomonaga", "Hale"} <= set(index.names())
    with open_store(config, writable=False) as store:
        fresh = View(store, IRIS)
        for family in index.names():
            kept = {(r.profile, frozenset(r.graphs)) for r in index.records(family, lambda: [])}
            assert kept == {(r.profile, frozenset(r.where)) for r in fresh.family_records(family)}, family


def test_a_profile_given_by_many_graphs_keeps_every_one_through_adds_and_removals():
    # the kept graphs change container as they grow (few: a tuple; many: a set): adding and
    # removing graphs across that size gives the same graphs and counts as one set would
    index = FamilyIndex()
    names = [f"n{i}" for i in range(20)]
    kept = list(index.records("Varo", lambda: [_rec(n, "ana-varo", "Ana Varo") for n in names[:3]]))
    assert len(kept) == 1 and index.memberships == 3
    for n in names[3:]:
        index.written(f"https://example.org/graph/{n}", [_rec(n, "ana-varo", "Ana Varo")])
    for n in names[:15]:
        index.written(f"https://example.org/graph/{n}", [])
    (only,) = index.records("Varo", lambda: [])
    assert sorted(only.graphs) == sorted(f"https://example.org/graph/{n}" for n in names[15:])
    assert index.profiles == 1 and index.memberships == 5
    assert only.elsewhere("https://example.org/graph/n0") and only.elsewhere("https://example.org/graph/n19")
    for n in names[15:]:
        index.written(f"https://example.org/graph/{n}", [])
    assert list(index.records("Varo", lambda: [])) == [] and index.profiles == 0 and index.memberships == 0
