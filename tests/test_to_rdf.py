"""etl.to_rdf: hand-built ArticleFacts → the exact triples of an article graph."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, XSD, Graph, Literal, Namespace, URIRef

from diplokg.errors import BadInput
from diplokg.iris import Iris
from diplokg.resources import ONTOLOGY_FILE, SEEDS_DIR
from etl.model import Actor, Article, ArticleFacts, Meeting, Place, RoleFact, Span, Statement
from etl.to_rdf import date_literal, facts_to_graph
from etl.validate import validate_graph

DATA = Path(__file__).parent / "data"
DKG = Namespace("https://w3id.org/diplokg/ontology#")


def seed_facts() -> ArticleFacts:
    """The facts tests/data/valid.ttl was written from (first paragraphs of seed 000)."""
    text = "\n\n".join((SEEDS_DIR / "000_adeb1c27dd2069d5.txt").read_text(encoding="utf-8").split("\n\n")[:4])
    article = Article(
        id="000_adeb1c27dd2069d5", text=text, title="Japan, U.S. confirm cooperation on North Korea",
        url="https://example.org/news/000_adeb1c27dd2069d5", published="2020-07-10", source="Kyodo",
    )
    return ArticleFacts(
        article=article,
        actors=[
            Actor("toshimitsu-motegi", "Person", "Toshimitsu Motegi", aliases=["Motegi"], country="japan",
                  roles=[RoleFact("Foreign Minister", "japan", Span.of(text, 262, 296))]),
            Actor("stephen-biegun", "Person", "Stephen Biegun", aliases=["Biegun"], country="united-states",
                  roles=[RoleFact("Deputy Secretary of State", "united-states", Span.of(text, 318, 363))]),
            Actor("japan", "Country", "Japan", wikidata="Q17", iso2="JP"),
            Actor("united-states", "Country", "United States", aliases=["U.S.", "Washington"],
                  wikidata="Q30", iso2="US"),
        ],
        places=[Place("tokyo", "Tokyo", country="japan")],
        meetings=[
            Meeting("8f7a675ae103da19", ["toshimitsu-motegi", "stephen-biegun"], date="2020-07-10",
                    location="tokyo", topics=["north-korea-nuclear", "japan-us-alliance"],
                    evidence=[Span.of(text, 239, 260), Span.of(text, 552, 582)]),
        ],
        statements=[
            Statement("e9fa422cf728ef62", "toshimitsu-motegi", text[607:727], "direct",
                      evidence=[Span.of(text, 607, 727)], about=["indo-pacific"],
                      made_at="8f7a675ae103da19", date="2020-07-10"),
        ],
        issues=["north-korea-nuclear", "japan-us-alliance", "indo-pacific"],
    )


def test_seed_facts_give_exactly_the_hand_written_example() -> None:
    graph = facts_to_graph(seed_facts(), Iris())
    expected = Graph().parse(DATA / "valid.ttl")
    assert len(graph) == len(expected) == 98
    assert set(graph) == set(expected)


def test_seed_facts_conform_to_the_shapes() -> None:
    report = validate_graph(facts_to_graph(seed_facts(), Iris()))
    assert report.violations == []


SMALL_TEXT = "Kishida spoke by phone with Yoon in May 2023. They plan to meet in 2024."
SMALL_EXPECTED = """
@prefix dkg: <https://w3id.org/diplokg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix kg: <http://example.org/kg/id/> .

kg:article\\/a1 a dkg:Article ; dcterms:identifier "a1" ; dkg:text "TEXT" .
kg:actor\\/fumio-kishida a dkg:Person ; rdfs:label "Fumio Kishida" .
kg:actor\\/yoon-suk-yeol a dkg:Person ; rdfs:label "Yoon Suk Yeol" .
kg:meeting\\/m1 a dkg:Meeting ;
    rdfs:label "Phone call of Fumio Kishida and Yoon Suk Yeol, 2023-05" ;
    dkg:participant kg:actor\\/fumio-kishida , kg:actor\\/yoon-suk-yeol ;
    dkg:date "2023-05"^^xsd:gYearMonth ;
    dkg:mode dkg:Phone ; dkg:status dkg:Held ; dkg:primary true ;
    dkg:reportedIn kg:article\\/a1 ;
    dkg:evidence <http://example.org/kg/id/article/a1#char=0,44> .
kg:meeting\\/m2 a dkg:Meeting ;
    rdfs:label "Planned meeting of Fumio Kishida and Yoon Suk Yeol, 2024" ;
    dkg:participant kg:actor\\/fumio-kishida , kg:actor\\/yoon-suk-yeol ;
    dkg:date "2024"^^xsd:gYear ;
    dkg:mode dkg:InPerson ; dkg:status dkg:Planned ; dkg:primary false ;
    dkg:topic <http://example.org/kg/id/issue/trilateral-cooperation> ;
    dkg:reportedIn kg:article\\/a1 ;
    dkg:evidence <http://example.org/kg/id/article/a1#char=46,71> .
<http://example.org/kg/id/article/a1#meeting=m1> a dkg:MeetingReport ; rdfs:label "Phone call of Fumio Kishida and Yoon Suk Yeol, 2023-05" ;
    dkg:reportOf kg:meeting\\/m1 ; dkg:reportArticle kg:article\\/a1 ; dkg:reportDate "2023-05"^^xsd:gYearMonth ; dkg:reportMode dkg:Phone .
<http://example.org/kg/id/article/a1#meeting=m2> a dkg:MeetingReport ; rdfs:label "Planned meeting of Fumio Kishida and Yoon Suk Yeol, 2024" ;
    dkg:reportOf kg:meeting\\/m2 ; dkg:reportArticle kg:article\\/a1 ; dkg:reportDate "2024"^^xsd:gYear ; dkg:reportMode dkg:InPerson .
<http://example.org/kg/id/article/a1#char=0,44> a dkg:Evidence ; dkg:article kg:article\\/a1 ;
    dkg:start 0 ; dkg:end 44 ; dkg:exact "Kishida spoke by phone with Yoon in May 2023" .
<http://example.org/kg/id/article/a1#char=46,71> a dkg:Evidence ; dkg:article kg:article\\/a1 ;
    dkg:start 46 ; dkg:end 71 ; dkg:exact "They plan to meet in 2024" .
""".replace("TEXT", SMALL_TEXT)


def small_facts() -> ArticleFacts:
    people = ["fumio-kishida", "yoon-suk-yeol"]
    return ArticleFacts(
        article=Article(id="a1", text=SMALL_TEXT),
        actors=[Actor(people[0], "Person", "Fumio Kishida"), Actor(people[1], "Person", "Yoon Suk Yeol")],
        meetings=[
            Meeting("m1", people, mode="phone", date="2023-05", evidence=[Span.of(SMALL_TEXT, 0, 44)]),
            Meeting("m2", people, status="planned", date="2024", topics=["trilateral-cooperation"],
                    evidence=[Span.of(SMALL_TEXT, 46, 71)], primary=False),
        ],
    )


def test_small_case_exact_triples_under_another_base() -> None:
    graph = facts_to_graph(small_facts(), Iris("http://example.org/kg/"))
    expected = Graph().parse(data=SMALL_EXPECTED, format="turtle")
    assert set(graph) == set(expected)


@pytest.mark.parametrize(
    "value,datatype",
    [("2020-07-10", XSD.date), ("2020-07", XSD.gYearMonth), ("2020", XSD.gYear)],
)
def test_date_precision_picks_the_datatype(value: str, datatype: URIRef) -> None:
    assert date_literal(value) == Literal(value, datatype=datatype)


@pytest.mark.parametrize("value", ["2020-13", "2020-02-30", "July 2020", "20", "2020-7-1", ""])
def test_bad_dates_are_refused(value: str) -> None:
    with pytest.raises(BadInput) as info:
        date_literal(value)
    assert str(info.value) == f"date {value!r} is not a valid YYYY-MM-DD, YYYY-MM or YYYY"


def test_bad_wikidata_id_is_refused() -> None:
    facts = small_facts()
    facts.actors[0].wikidata = "https://www.wikidata.org/wiki/Q1"
    with pytest.raises(BadInput) as info:
        facts_to_graph(facts, Iris())
    assert str(info.value) == "actor fumio-kishida: Wikidata id 'https://www.wikidata.org/wiki/Q1' is not Q followed by digits"


def test_same_facts_same_triples_and_no_issue_definitions() -> None:
    first, second = facts_to_graph(seed_facts(), Iris()), facts_to_graph(seed_facts(), Iris())
    assert set(first) == set(second)
    issue = URIRef("https://w3id.org/diplokg/id/issue/indo-pacific")
    assert list(first.triples((issue, None, None))) == []
    assert (URIRef("https://w3id.org/diplokg/id/actor/japan"), OWL.sameAs,
            URIRef("http://www.wikidata.org/entity/Q17")) in first


def test_labels_and_quotes_are_plain_strings() -> None:
    graph = facts_to_graph(seed_facts(), Iris())
    for prop in (DKG.quote, DKG.title, DKG.exact, DKG.text, URIRef("http://www.w3.org/2000/01/rdf-schema#label")):
        values = list(graph.objects(None, prop))
        assert values and all(isinstance(v, Literal) and v.datatype is None and v.language is None for v in values)


def test_every_term_written_is_declared_in_the_ontology() -> None:
    ontology = Graph().parse(ONTOLOGY_FILE)
    graph = facts_to_graph(seed_facts(), Iris()) + facts_to_graph(small_facts(), Iris())
    used = {p for p in graph.predicates() if str(p).startswith(str(DKG))}
    used |= {o for o in graph.objects() if isinstance(o, URIRef) and str(o).startswith(str(DKG))}
    assert used - set(ontology.subjects(RDF.type, None)) == set()
