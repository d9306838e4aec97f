"""Incremental OWL 2 RL: the compiled rules give exactly what owlrl's full closure adds."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from etl.reason import Inconsistent, Reasoner, ontology_closure, storable

DKG = Namespace("https://w3id.org/diplokg/ontology#")
ID = Namespace("https://w3id.org/diplokg/id/")
WD = Namespace("http://www.wikidata.org/entity/")
SCHEMA = Namespace("http://schema.org/")


@pytest.fixture(scope="module")
def reasoner() -> Reasoner:
    return Reasoner(ontology_closure())


def article_graph(n: int, *, wikidata: bool = True, extra: list | None = None) -> Graph:
    """An article graph shaped like etl.to_rdf's output (hand-built)."""
    g = Graph()
    art, meeting, statement = ID[f"article/a{n}"], ID[f"meeting/m{n}"], ID[f"statement/s{n}"]
    motegi, biegun, japan, role = ID["actor/toshimitsu-motegi"], ID["actor/stephen-biegun"], ID["actor/japan"], ID[f"role/r{n}"]
    ev, tokyo, issue = URIRef(f"{art}#char=0,10"), ID["place/tokyo"], ID["issue/north-korea-nuclear"]
    triples = [
        (art, RDF.type, DKG.Article), (art, DCTERMS.identifier, Literal(f"a{n}")),
        (art, DKG.text, Literal("Some text here")), (art, DCTERMS.issued, Literal("2020-07-10", datatype=XSD.date)),
        (meeting, RDF.type, DKG.Meeting), (meeting, DKG.participant, motegi), (meeting, DKG.participant, biegun),
        (meeting, DKG.date, Literal("2020-07", datatype=XSD.gYearMonth)), (meeting, DKG.mode, DKG.InPerson),
        (meeting, DKG.status, DKG.Held), (meeting, DKG.location, tokyo), (meeting, DKG.topic, issue),
        (meeting, DKG.primary, Literal(True)), (meeting, DKG.reportedIn, art), (meeting, DKG.evidence, ev),
        (meeting, RDFS.label, Literal("Meeting of Toshimitsu Motegi and Stephen Biegun")),
        (ev, RDF.type, DKG.Evidence), (ev, DKG.article, art), (ev, DKG.start, Literal(0)),
        (ev, DKG.end, Literal(10)), (ev, DKG.exact, Literal("Some text ")),
        (motegi, RDF.type, DKG.Person), (motegi, RDFS.label, Literal("Toshimitsu Motegi")),
        (motegi, SKOS.altLabel, Literal("Motegi")), (motegi, DKG.holds, role), (motegi, DKG.country, japan),
        (role, RDF.type, DKG.Role), (role, DKG.title, Literal("Foreign Minister")), (role, DKG.roleOf, japan),
        (japan, RDF.type, DKG.Country), (japan, RDFS.label, Literal("Japan")), (japan, DKG.isoCode, Literal("JP")),
        (biegun, RDF.type, DKG.Person), (biegun, RDFS.label, Literal("Stephen Biegun")),
        (tokyo, RDF.type, DKG.Place), (tokyo, RDFS.label, Literal("Tokyo")),
        (statement, RDF.type, DKG.Statement), (statement, DKG.speaker, motegi),
        (statement, DKG.quote, Literal("It is crucial")), (statement, DKG.quoteType, DKG.Direct),
        (statement, DKG.madeAt, meeting), (statement, DKG.about, issue),
    ]
    if wikidata:
        triples += [(motegi, OWL.sameAs, WD.Q1), (japan, OWL.sameAs, WD.Q17)]
    for t in triples + (extra or []):
        g.add(t)
    return g


CASES = {
    "typical article": article_graph(1),
    "no wikidata links": article_graph(2, wikidata=False),
    # an actor linked to an IRI the ontology graph already describes (eq-rep joins with it)
    "sameAs into the ontology's own individuals": article_graph(
        3, extra=[(ID["actor/north-korea"], OWL.sameAs, ID["issue/north-korea-nuclear"])]),
    # an asserted triple that the ontology closure already holds is not stored again
    "triple already in the ontology": article_graph(
        4, extra=[(ID["issue/north-korea-nuclear"], RDF.type, DKG.Issue)]),
    "a chain of sameAs": article_graph(
        5, extra=[(WD.Q1, OWL.sameAs, URIRef("http://example.org/motegi"))]),
    # a functional property with two values: owl:sameAs between the values
    "functional property with two values": article_graph(
        6, extra=[(URIRef(f"{ID['article/a6']}#char=0,10"), DKG.article, ID["article/other"])]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_compiled_rules_equal_owlrl_closure_difference(reasoner, name):
    graph = CASES[name]
    expected = reasoner.infer_with_owlrl(set(graph))
    got = reasoner.infer(graph)
    assert got - expected == set()
    assert expected - got == set()


def test_result_holds_the_alignments_a_researcher_queries(reasoner):
    got = reasoner.infer(article_graph(1))
    assert (ID["meeting/m1"], RDF.type, SCHEMA.Event) in got
    assert (ID["actor/toshimitsu-motegi"], DKG.participatedIn, ID["meeting/m1"]) in got
    # inferred triples the ontology graph holds are not copied into the article graph
    assert (DKG.Person, RDFS.subClassOf, DKG.Actor) not in got
    assert (DKG.Held, RDF.type, DKG.MeetingStatus) not in got


def test_links_to_wikidata_are_kept_but_nothing_is_copied_onto_them(reasoner):
    got = reasoner.infer(article_graph(1))
    assert (ID["actor/toshimitsu-motegi"], OWL.sameAs, WD.Q1) in got
    assert (ID["actor/japan"], OWL.sameAs, WD.Q17) in got
    # no fact about the Wikidata IRI, none pointing at it but the link: a person is one person
    assert [t for t in got if t[0] in (WD.Q1, WD.Q17)] == []
    assert {t for t in got if t[2] in (WD.Q1, WD.Q17)} == {(ID["actor/toshimitsu-motegi"], OWL.sameAs, WD.Q1),
                                                         (ID["actor/japan"], OWL.sameAs, WD.Q17)}
    assert {t[0] for t in got if t[1] == RDF.type and t[2] == DKG.Person} == {ID["actor/toshimitsu-motegi"], ID["actor/stephen-biegun"]}


def test_equality_among_our_own_iris_is_still_materialised(reasoner):
    other = ID["actor/t-motegi"]
    got = reasoner.infer(article_graph(9, extra=[(other, OWL.sameAs, ID["actor/toshimitsu-motegi"])]))
    assert (other, RDFS.label, Literal("Toshimitsu Motegi")) in got
    assert (other, DKG.participatedIn, ID["meeting/m9"]) in got


def test_our_own_namespace_follows_the_configured_base():
    base = "https://example.org/kg/"
    reasoner = Reasoner(ontology_closure(), own=(base, str(DKG)))
    a, b = URIRef(base + "id/actor/a"), URIRef(base + "id/actor/b")
    got = reasoner.infer([(a, RDF.type, DKG.Person), (a, OWL.sameAs, b), (a, OWL.sameAs, WD.Q5)])
    assert (b, RDF.type, DKG.Person) in got
    assert (WD.Q5, RDF.type, DKG.Person) not in got


def test_filters_drop_literal_subjects_and_reflexive_same_as(reasoner):
    got = reasoner.infer(article_graph(1))
    assert not [t for t in got if isinstance(t[0], Literal)]
    assert not [t for t in got if t[1] == OWL.sameAs and t[0] == t[2]]
    assert storable([(Literal("x"), OWL.sameAs, Literal("x")), (ID["a"], OWL.sameAs, ID["a"])]) == set()


def test_schema_triples_fall_back_to_owlrl(reasoner):
    graph = article_graph(7, extra=[(URIRef("http://example.org/Envoy"), RDFS.subClassOf, DKG.Person),
                                   (URIRef("http://example.org/x"), RDF.type, URIRef("http://example.org/Envoy"))])
    got = reasoner.infer(graph)
    assert (URIRef("http://example.org/x"), RDF.type, SCHEMA.Person) in got
    assert got == reasoner.infer_with_owlrl(set(graph))


def test_same_as_between_different_individuals_is_inconsistent(reasoner):
    graph = article_graph(8, extra=[(ID["meeting/m8"], DKG.mode, DKG.Phone)])
    with pytest.raises(Inconsistent, match="owl:sameAs .* but the ontology says they are different"):
        reasoner.infer(graph)


@pytest.fixture(scope="module")
def seed_graphs() -> dict[str, Graph]:
    from diplokg.iris import Iris
    from diplokg.resources import SEEDS_DIR
    from etl.pipeline import Extractor
    from etl.read import read_paths
    from etl.to_rdf import facts_to_graph

    extractor = Extractor()
    return {a.id: facts_to_graph(extractor.extract(a), Iris()) for a in read_paths([str(SEEDS_DIR)])}


def test_seed_articles_through_the_real_pipeline_equal_owlrl(reasoner, seed_graphs):
    assert len(seed_graphs) == 4
    for article_id, graph in seed_graphs.items():
        got = reasoner.infer(graph)
        assert len(got) > len(graph), article_id
        assert got == reasoner.infer_with_owlrl(set(graph)), article_id


def test_the_shipped_closure_is_the_closure_of_the_ontology_as_it_is(tmp_path):
    """etl/data/ontology-closure.nt (read instead of running owlrl on every fresh store) is
    owlrl's closure of the ontology files as they are: after editing them, `python -m
    etl.reason` writes it again. A file of other ontology files is not used."""
    from rdflib.compare import isomorphic

    from etl.reason import CLOSURE_FILE, _read_closure, ontology_hash

    def graph(triples):
        g = Graph()
        for t in triples:
            g.add(t)
        return g

    shipped = _read_closure(ontology_hash())
    assert shipped is not None, "etl/data/ontology-closure.nt is stale: run python -m etl.reason"
    assert isomorphic(graph(shipped), graph(ontology_closure(cached=False)))
    assert ontology_closure() == shipped
    stale = tmp_path / "closure.nt"
    stale.write_bytes(CLOSURE_FILE.read_bytes())
    assert _read_closure("0" * 64, stale) is None
