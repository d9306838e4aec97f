"""The cookbook: every query runs, on the hand-written example and on the seeds ingested for real."""

from __future__ import annotations

import pytest

from diplokg.resources import QUERIES_DIR, SEEDS_DIR
from diplokg.store import open_store
from server.cookbook import load_cookbook, question_of
from tests.fixtures_pages import build_store, seed_config  # noqa: F401

ID = "https://w3id.org/diplokg/id/"
DKG = "https://w3id.org/diplokg/ontology#"
RECIPES = {r.name: r for r in load_cookbook()}


def rows(store, name: str) -> list[tuple]:
    """The rows of a cookbook query as tuples of Python strings (None when unbound)."""
    result = store.query(RECIPES[name].sparql)
    return [tuple(None if v is None else str(v) for v in row) for row in result.rows()]


def column(store, name: str, var: str) -> list:
    result = store.query(RECIPES[name].sparql)
    i = result.variables.index(var)
    return [None if row[i] is None else str(row[i]) for row in result.rows()]


@pytest.fixture(scope="module")
def example_store(tmp_path_factory):
    """A store holding the ontology and the hand-written article of tests/data/valid.ttl."""
    config = build_store(tmp_path_factory.mktemp("cookbook") / "store")
    with open_store(config, writable=False) as store:
        yield store


@pytest.fixture(scope="module")
def seed_store(seed_config):
    """The store made by ``diplokg ingest seeds/``, opened for reading."""
    with open_store(seed_config, writable=False) as store:
        yield store


def test_the_cookbook_has_at_least_twelve_questions():
    files = sorted(QUERIES_DIR.glob("*.rq"))
    assert len(files) >= 12
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# ") and len(first) > 12, path.name
        assert RECIPES[path.stem].question == first[2:]


def test_question_of_a_query_without_comment_is_empty():
    assert question_of("SELECT * WHERE { ?s ?p ?o }") == ""


@pytest.mark.parametrize("name", sorted(RECIPES))
def test_every_query_runs_on_both_stores(example_store, seed_store, name):
    for store in (example_store, seed_store):
        result = store.query(RECIPES[name].sparql)
        assert result.form == "select"
        list(result.rows())


def test_example_who_met_whom(example_store):
    assert rows(example_store, "01-who-met-whom-most-often") == [
        (ID + "actor/stephen-biegun", "Stephen Biegun", ID + "actor/toshimitsu-motegi", "Toshimitsu Motegi", "1")]


def test_example_meetings_of_a_person(example_store):
    assert rows(example_store, "02-meetings-of-a-person") == [
        ("2020-07-10", ID + "meeting/8f7a675ae103da19", "Stephen Biegun", "Tokyo", DKG + "InPerson")]


def test_example_what_x_said_about_y(example_store):
    assert rows(example_store, "03-what-x-said-about-y") == [(
        "2020-07-10",
        "It is crucial that Japan and the United States work together to maintain and bolster a free "
        "and open Indo-Pacific region",
        DKG + "Direct", ID + "statement/e9fa422cf728ef62", ID + "article/000_adeb1c27dd2069d5")]


def test_example_posts_held(example_store):
    assert rows(example_store, "05-posts-held") == [
        (ID + "actor/stephen-biegun", "Stephen Biegun", "Deputy Secretary of State", "United States", "2020-07-10", "1"),
        (ID + "actor/toshimitsu-motegi", "Toshimitsu Motegi", "Foreign Minister", "Japan", "2020-07-10", "1"),
    ]


def test_example_people_of_japan_and_places(example_store):
    assert rows(example_store, "13-people-of-a-country") == [
        (ID + "actor/toshimitsu-motegi", "Toshimitsu Motegi", "Foreign Minister")]
    assert rows(example_store, "09-meetings-by-place") == [(ID + "place/tokyo", "Tokyo", "Japan", "1")]


def _article_texts(store) -> dict[str, str]:
    result = store.query("SELECT ?a ?t WHERE { ?a <https://w3id.org/diplokg/ontology#text> ?t }")
    return {str(a): str(t) for a, t in result.rows()}


@pytest.mark.parametrize("which", ["example_store", "seed_store"])
def test_evidence_query_returns_the_very_words_of_the_article(request, which):
    store = request.getfixturevalue(which)
    texts = _article_texts(store)
    found = rows(store, "06-evidence-for-meetings")
    assert found
    for meeting, label, article, start, end, exact in found:
        assert texts[article][int(start):int(end)] == exact, (meeting, start, end)


def test_seed_who_met_whom_and_network(seed_store):
    pairs = {(a, b) for _, a, _, b, _ in rows(seed_store, "01-who-met-whom-most-often")}
    assert {("Stephen Biegun", "Toshimitsu Motegi"), ("Lloyd Austin", "Yasukazu Hamada"),
            ("Antony Blinken", "Yoko Kamikawa"), ("Antony Blinken", "Toshimitsu Motegi")} <= pairs
    edges = {(a, b) for _, a, _, b, _ in rows(seed_store, "07-co-participation-network")}
    assert pairs <= edges


def test_seed_meetings_of_motegi_in_date_order(seed_store):
    found = rows(seed_store, "02-meetings-of-a-person")
    assert ("2020-07-10", "Stephen Biegun", "Tokyo", DKG + "InPerson") in [(d, w, p, m) for d, _, w, p, m in found]
    assert any("Antony Blinken" in w and m == DKG + "Phone" for _, _, w, _, m in found)
    dates = [d for d, *_ in found]
    dated = [d for d in dates if d is not None]
    assert dates == dated + [None] * (len(dates) - len(dated)) and dated == sorted(dated)


def test_seed_what_motegi_said_about_the_indo_pacific(seed_store):
    quotes = column(seed_store, "03-what-x-said-about-y", "quote")
    assert "It is crucial that Japan and the United States work together to maintain and bolster a free " \
           "and open Indo-Pacific region" in quotes


def test_seed_posts(seed_store):
    posts = {(name, title, of) for _, name, title, of, _, _ in rows(seed_store, "05-posts-held")}
    assert {("Toshimitsu Motegi", "Foreign Minister", "Japan"),
            ("Antony Blinken", "Secretary of State", "United States"),
            ("Lloyd Austin", "Defense Secretary", "United States"),
            ("Yasukazu Hamada", "Defense Minister", "Japan")} <= posts


def test_seed_phone_talks_and_people_of_japan(seed_store):
    labels = column(seed_store, "11-phone-and-video-talks", "label")
    assert "Phone call of Toshimitsu Motegi and Antony Blinken" in labels
    people = set(column(seed_store, "13-people-of-a-country", "name"))
    assert {"Toshimitsu Motegi", "Yoko Kamikawa", "Yasukazu Hamada", "Fumio Kishida"} <= people
    assert not people & {"Antony Blinken", "Lloyd Austin", "Cho Tae-yul"}


def test_seed_statements_by_organizations(seed_store):
    speakers = set(column(seed_store, "08-statements-by-organizations", "name"))
    assert "U.S. Department of State" in speakers


def test_seed_schema_org_view_finds_every_meeting(seed_store):
    meetings = {str(m) for (m,) in seed_store.query(
        "SELECT DISTINCT ?m WHERE { ?m a <https://w3id.org/diplokg/ontology#Meeting> }").rows()}
    assert len(meetings) >= 4
    assert set(column(seed_store, "16-events-in-schema-org", "event")) == meetings


def test_seed_one_row_per_article(seed_store):
    articles = column(seed_store, "15-articles-and-their-facts", "article")
    assert sorted(articles) == sorted(ID + "article/" + p.stem for p in SEEDS_DIR.glob("*.txt"))

