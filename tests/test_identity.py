"""Persons across articles in a real store: resolution, ambiguity, order independence,
owl:sameAs without duplicates, written forms on pages, the stats of resolution.

The articles are made up (fictional people; real countries so posts have a country).
"""

from __future__ import annotations

import random
import subprocess
import sys

import pytest
from rdflib import URIRef

from diplokg.config import load_config
from diplokg.iris import Iris
from diplokg.resources import ROOT, SEEDS_DIR
from diplokg.store import open_store
from etl.ingest.run import run_ingest
from etl.model import Article
from etl.read import read_paths

IRIS = Iris()
ACTOR = "https://w3id.org/diplokg/id/actor/"

FULL = Article("full", "Japanese Foreign Minister Erika Tomonaga met Foreign Minister Lars Ekdahl of Sweden in Tokyo "
               "on Tuesday. Tomonaga said the talks had been productive.", published="2031-05-13")
SURNAMES = Article("surnames", "Foreign Minister Tomonaga of Japan spoke by telephone with Foreign Minister Ekdahl of "
                   "Sweden on Friday about maritime security.", published="2031-05-16")
OTHER_TOMONAGA = Article("other", "Japanese Defense Minister Kenta Tomonaga visited Canberra on Monday and met "
                         "Australian officials.", published="2031-06-02")
MINISTER_ONLY = Article("minister", "Minister Tomonaga of Japan told reporters on Monday that the talks would go on.",
                        published="2031-06-09")
LONG_AGO = Article("long-ago", "Japanese Foreign Minister Erika Tomonaga met Foreign Minister Lars Ekdahl of Sweden in "
                   "Stockholm on Tuesday.", published="2012-03-06")
KIM_FULL = Article("kim-full", "South Korean Foreign Minister Kim Soo-ah met Foreign Minister Lars Ekdahl of Sweden "
                   "in Seoul on Tuesday.", published="2031-05-13")
KIM_ONLY = Article("kim-only", "Foreign Minister Kim of South Korea spoke by telephone with Foreign Minister Ekdahl "
                   "of Sweden on Thursday.", published="2031-05-15")
SPELLING_A = Article("spell-a", "South Korean Unification Minister Park Ji-hoon met Foreign Minister Lars Ekdahl of "
                     "Sweden in Seoul on Tuesday.", published="2031-05-13")
SPELLING_B = Article("spell-b", "Unification Minister Park Ji Hoon of South Korea spoke with Foreign Minister Lars "
                     "Ekdahl of Sweden by phone on Friday.", published="2031-05-16")

FORMAL = Article("formal", "Secretary of State Thomas R. Hale met Foreign Minister Lars Ekdahl of Sweden in Washington "
                 "on Tuesday.", published="2031-05-13")
SHORT = Article("short", "U.S. Secretary of State Tom Hale and Swedish Foreign Minister Lars Ekdahl discussed Arctic "
                "security in Washington on Tuesday, officials said.", published="2031-05-14")
HALE_ONLY = Article("hale-only", "Secretary of State Hale spoke by telephone with Foreign Minister Ekdahl of Sweden on "
                    "Friday.", published="2031-05-16")


@pytest.fixture(scope="module")
def extractor():
    from etl.pipeline import Extractor

    return Extractor()


def build(tmp_path, extractor, articles, name="store"):
    config = load_config({"store": str(tmp_path / name)}, environ={})
    with open_store(config, writable=True) as store:
        summary = run_ingest(list(articles), store, IRIS, extractor=extractor)
    assert summary.accepted == len(articles), summary.rejected
    return config


def graphs(config) -> dict[str, set]:
    with open_store(config, writable=False) as store:
        return {g: set(store.graph_triples(g)) for g in store.graphs() if "/graph/article/" in g}


def rows(config, query: str) -> list[tuple]:
    with open_store(config, writable=False) as store:
        return [tuple(str(v) if v is not None else None for v in row) for row in store.query(query).rows()]


def persons_of(config, article_id: str) -> dict[str, str]:
    """person IRI -> label, for the persons one article names."""
    q = f"""SELECT DISTINCT ?p ?l WHERE {{ GRAPH <{IRIS.article_graph(article_id)}> {{ ?p a dkg:Person ; rdfs:label ?l }} }}"""
    return dict(rows(config, q))


def test_a_family_name_and_a_post_resolve_to_the_person_another_article_names(tmp_path, extractor):
    config = build(tmp_path, extractor, [FULL, SURNAMES])
    people = persons_of(config, "surnames")
    assert people == {ACTOR + "erika-tomonaga": "Erika Tomonaga", ACTOR + "lars-ekdahl": "Lars Ekdahl"}
    # the written form stays, and the store says how the person was identified
    how = rows(config, """SELECT ?form ?how WHERE { ?u dkg:nameOf <https://w3id.org/diplokg/id/actor/erika-tomonaga> ;
        dkg:usedIn <https://w3id.org/diplokg/id/article/surnames> ; dkg:writtenForm ?form ; dkg:identifiedBy ?how }""")
    assert how == [("Tomonaga", "https://w3id.org/diplokg/ontology#ByOtherArticle")]


def test_the_end_state_does_not_depend_on_the_order_of_ingest(tmp_path, extractor, monkeypatch):
    articles = [FULL, SURNAMES, OTHER_TOMONAGA, MINISTER_ONLY, KIM_FULL, KIM_ONLY, SPELLING_A, SPELLING_B, LONG_AGO,
                FORMAL, SHORT, HALE_ONLY]
    seeds = list(read_paths([str(SEEDS_DIR)]))
    first = graphs(build(tmp_path, extractor, seeds + articles, "forward"))
    # backwards, earlier articles are derived again from what the store holds, not from facts kept in memory
    monkeypatch.setattr("etl.ingest.run.KEPT_FACTS", 0)
    backward = graphs(build(tmp_path, extractor, list(reversed(seeds + articles)), "backward"))
    monkeypatch.undo()
    shuffled = seeds + articles
    random.Random(3).shuffle(shuffled)
    third = graphs(build(tmp_path, extractor, shuffled, "shuffled"))
    assert set(first) == set(backward) == set(third)
    assert [g for g in first if first[g] != backward[g]] == []
    assert [g for g in first if first[g] != third[g]] == []


def test_the_earlier_article_is_rewritten_when_a_later_one_names_the_person(tmp_path, extractor):
    config = build(tmp_path, extractor, [SURNAMES])
    # alone, the family name is a person of this article only
    [(iri, label)] = [(p, l) for p, l in persons_of(config, "surnames").items() if l == "Tomonaga"]
    assert iri.startswith(ACTOR + "tomonaga-")
    with open_store(config, writable=True) as store:
        summary = run_ingest([FULL], store, IRIS, extractor=extractor)
    assert summary.rederived == 1
    assert ACTOR + "erika-tomonaga" in persons_of(config, "surnames")


@pytest.mark.parametrize("order", [(SHORT, HALE_ONLY, FORMAL), (HALE_ONLY, FORMAL, SHORT), (FORMAL, SHORT, HALE_ONLY)])
def test_a_short_given_name_is_the_person_with_the_formal_one(tmp_path, extractor, order):
    config = build(tmp_path, extractor, list(order))
    # "Tom Hale" and "Secretary Hale" are Thomas R. Hale, labelled so, whatever came first
    for article in ("short", "hale-only", "formal"):
        assert persons_of(config, article)[ACTOR + "thomas-hale"] == "Thomas Hale"
    assert "Tom Hale" in {f for (f,) in rows(config, f"SELECT ?f WHERE {{ <{ACTOR}thomas-hale> skos:altLabel ?f }}")}


def test_without_the_formal_name_a_short_one_stands_and_takes_the_family_name(tmp_path, extractor):
    config = build(tmp_path, extractor, [SHORT, HALE_ONLY])
    assert ACTOR + "tom-hale" in persons_of(config, "hale-only")


def test_ambiguity_keeps_separate_iris(tmp_path, extractor):
    # "Minister Tomonaga" fits the Foreign Minister and the Defense Minister: neither
    config = build(tmp_path, extractor, [FULL, OTHER_TOMONAGA, MINISTER_ONLY])
    people = persons_of(config, "minister")
    assert ACTOR + "erika-tomonaga" not in people and ACTOR + "kenta-tomonaga" not in people
    assert [label for label in people.values()] == ["Tomonaga"]


@pytest.mark.parametrize("articles, absent", [
    # a shared family name (Kim) never resolves outside its article
    ([KIM_FULL, KIM_ONLY], ACTOR + "kim-soo-ah"),
    # nineteen years apart: not the same post at the same time
    ([LONG_AGO, SURNAMES], ACTOR + "erika-tomonaga"),
])
def test_no_merge(tmp_path, extractor, articles, absent):
    config = build(tmp_path, extractor, articles)
    assert absent not in persons_of(config, articles[-1].id)


def test_one_label_per_person_whatever_the_spellings(tmp_path, extractor):
    for order in ([SPELLING_A, SPELLING_B], [SPELLING_B, SPELLING_A]):
        config = build(tmp_path, extractor, order, "store-" + order[0].id)
        labels = rows(config, "SELECT DISTINCT ?l WHERE { <https://w3id.org/diplokg/id/actor/park-ji-hoon> rdfs:label ?l }")
        assert labels == [("Park Ji-hoon",)]
        forms = {f for (f,) in rows(config, """SELECT ?f WHERE { ?u dkg:nameOf <https://w3id.org/diplokg/id/actor/park-ji-hoon> ;
                                                                    dkg:writtenForm ?f }""")}
        assert forms == {"Park Ji-hoon", "Park Ji Hoon"}


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory):
    directory = tmp_path_factory.mktemp("identity-seeds") / "store"
    done = subprocess.run([sys.executable, "-m", "diplokg.cli", "--store", str(directory), "ingest", str(SEEDS_DIR),
                           "--no-progress"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return directory


def diplokg(store, *args):
    return subprocess.run([sys.executable, "-m", "diplokg.cli", "--store", str(store), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)


def test_each_person_once_and_no_fact_about_wikidata_iris(seeds_store):
    config = load_config({"store": str(seeds_store)}, environ={})
    persons = rows(config, "SELECT ?p WHERE { ?p a dkg:Person }")
    assert len(persons) == len(set(persons)) >= 8
    assert all(p.startswith(ACTOR) for (p,) in persons)
    # links are kept
    assert rows(config, "SELECT ?p WHERE { ?p owl:sameAs wd:Q132345 }") == [(ACTOR + "shinzo-abe",)]
    assert rows(config, "SELECT ?p ?o WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?s), STR(wd:))) }") == []
    countries = rows(config, "SELECT ?c WHERE { ?c a dkg:Country }")
    assert len(countries) == len(set(countries))
    # a GROUP BY counts each meeting once per person
    counts = rows(config, """SELECT ?p (COUNT(?m) AS ?n) WHERE { ?m a dkg:Meeting ; dkg:participant ?p . ?p a dkg:Person }
                            GROUP BY ?p""")
    distinct = rows(config, """SELECT ?p (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a dkg:Meeting ; dkg:participant ?p . ?p a dkg:Person }
                              GROUP BY ?p""")
    assert sorted(counts) == sorted(distinct)


def test_an_export_validates(seeds_store, tmp_path):
    out = tmp_path / "d.trig"
    assert diplokg(seeds_store, "export", "-o", str(out)).returncode == 0
    done = diplokg(seeds_store, "validate", str(out))
    assert done.returncode == 0, done.stdout
    assert "conforms" in done.stdout


def test_stats_show_how_names_were_resolved(tmp_path, extractor):
    config = build(tmp_path, extractor, [FULL, SURNAMES])
    done = diplokg(tmp_path / "store", "stats")
    lines = dict(line.strip().split("\t") for line in done.stdout.splitlines())
    assert lines["person mentions"].startswith("5 in 4 name uses")
    assert lines["resolved to a person another article names"] == "2 mentions in 2 name uses"
    assert lines["named in full"] == "3 mentions in 2 name uses"


def test_a_person_page_shows_every_written_form_and_the_articles_using_it(tmp_path, extractor):
    from server import create_app

    config = build(tmp_path, extractor, [FULL, SURNAMES])
    app = create_app(config)
    app.config["TESTING"] = True
    page = app.test_client().get("/id/actor/erika-tomonaga", headers={"Accept": "text/html"})
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    names = html[html.index('id="names"'):html.index("</section>", html.index('id="names"'))]
    assert "Erika Tomonaga" in names and "Tomonaga" in names
    assert "/id/article/full" in names and "/id/article/surnames" in names


def _round_trip_articles():
    from diplokg.resources import ROOT as root

    paths = [str(SEEDS_DIR), str(root / "tests" / "gold" / "articles")]
    return list(read_paths(paths))


@pytest.mark.parametrize("withheld", [False, True], ids=["with text", "text withheld"])
def test_facts_read_back_from_a_stored_graph_give_the_same_graph(extractor, withheld):
    """What the ingest relies on to derive a stored article again (etl.to_rdf.facts_of_graph)."""
    from etl.reason import Reasoner, ontology_closure
    from etl.to_rdf import facts_of_graph, facts_to_graph, withhold_text

    reasoner = Reasoner(ontology_closure())
    articles = _round_trip_articles()
    assert len(articles) >= 50
    for article in articles:
        facts = extractor.extract(article)
        first = facts_to_graph(facts, IRIS)
        if withheld:
            withhold_text(first, article, IRIS)
        back = facts_of_graph(reasoner.infer(first), IRIS)
        again = facts_to_graph(back, IRIS)
        if withheld:
            withhold_text(again, article, IRIS)
        assert set(again) == set(first), article.id
