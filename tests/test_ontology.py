"""The ontology and the issue scheme: declared terms, metadata, and the OWL 2 RL closure."""

from __future__ import annotations

import re
from pathlib import Path

import owlrl
import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV

from diplokg.resources import ISSUES_FILE, ONTOLOGY_FILE, SHAPES_FILE

DATA = Path(__file__).parent / "data"
DKG = Namespace("https://w3id.org/diplokg/ontology#")
SCHEMA = Namespace("http://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
ORG = Namespace("http://www.w3.org/ns/org#")
SH = Namespace("http://www.w3.org/ns/shacl#")
ERR = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")
ID = "https://w3id.org/diplokg/id/"
ISSUE = Namespace(ID + "issue/")

MEETING = URIRef(ID + "meeting/8f7a675ae103da19")
STATEMENT = URIRef(ID + "statement/e9fa422cf728ef62")
MOTEGI = URIRef(ID + "actor/toshimitsu-motegi")
BIEGUN = URIRef(ID + "actor/stephen-biegun")
MOTEGI_ROLE = URIRef(ID + "role/23abe8936d91201a")
TOKYO = URIRef(ID + "place/tokyo")
ARTICLE = URIRef(ID + "article/000_adeb1c27dd2069d5")
EVIDENCE = URIRef(ID + "article/000_adeb1c27dd2069d5#char=607,727")

DECLARATIONS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE)


@pytest.fixture(scope="module")
def issues() -> Graph:
    return Graph().parse(ISSUES_FILE)


def declared(ontology: Graph) -> set[URIRef]:
    return {s for kind in DECLARATIONS for s in ontology.subjects(RDF.type, kind) if isinstance(s, URIRef)}


def contract_terms() -> set[URIRef]:
    text = (DATA / "CONTRACT.md").read_text(encoding="utf-8")
    return {DKG[name] for name in re.findall(r"`dkg:(\w+)`", text)}


def test_the_contract_names_the_terms_the_test_expects() -> None:
    terms = contract_terms()
    assert {DKG.Actor, DKG.Meeting, DKG.participant, DKG.evidence, DKG.Direct, DKG.Planned} <= terms
    assert len(terms) >= 30


def test_every_contract_term_is_declared(ontology: Graph) -> None:
    assert contract_terms() - declared(ontology) == set()


def test_every_term_the_shapes_use_is_declared(ontology: Graph) -> None:
    shapes = Graph().parse(SHAPES_FILE)
    used = {node for triple in shapes for node in triple if isinstance(node, URIRef) and node.startswith(str(DKG))}
    assert used, "the shapes mention no dkg: term"
    assert used - declared(ontology) == set()


def test_every_term_has_one_label_and_a_comment(ontology: Graph) -> None:
    for term in declared(ontology):
        assert len(list(ontology.objects(term, RDFS.label))) == 1, term
        assert len(list(ontology.objects(term, RDFS.comment))) == 1, term


def test_properties_have_domains_and_ranges(ontology: Graph) -> None:
    properties = set(ontology.subjects(RDF.type, OWL.ObjectProperty)) | set(
        ontology.subjects(RDF.type, OWL.DatatypeProperty)
    )
    no_domain = {p for p in properties if ontology.value(p, RDFS.domain) is None}
    no_range = {p for p in properties if ontology.value(p, RDFS.range) is None}
    # used on several classes, where a union domain would only add anonymous types (see their comments)
    assert no_domain == {DKG.country, DKG.familyName}
    assert no_range == set()


def test_inverses(ontology: Graph) -> None:
    assert set(ontology.subject_objects(OWL.inverseOf)) == {
        (DKG.participatedIn, DKG.participant),
        (DKG.heldBy, DKG.holds),
        (DKG.made, DKG.speaker),
    }


def test_value_individuals_belong_to_their_classes(ontology: Graph) -> None:
    members = {cls: set(ontology.subjects(RDF.type, cls)) for cls in (DKG.MeetingMode, DKG.MeetingStatus, DKG.QuoteType)}
    assert members == {
        DKG.MeetingMode: {DKG.InPerson, DKG.Phone, DKG.Video},
        DKG.MeetingStatus: {DKG.Held, DKG.Planned},
        DKG.QuoteType: {DKG.Direct, DKG.Indirect},
    }


def test_ontology_metadata(ontology: Graph) -> None:
    (onto,) = ontology.subjects(RDF.type, OWL.Ontology)
    assert onto == URIRef("https://w3id.org/diplokg/ontology")
    for prop in (OWL.versionInfo, DCTERMS.license, DCTERMS.creator, DCTERMS.description, RDFS.label):
        assert ontology.value(onto, prop) is not None, prop


def test_no_expensive_or_forbidden_axioms(ontology: Graph) -> None:
    assert list(ontology.subjects(OWL.propertyChainAxiom, None)) == []
    assert list(ontology.subjects(RDF.type, OWL.TransitiveProperty)) == []
    assert list(ontology.objects(RDFS.label, RDFS.subPropertyOf)) == []
    assert list(ontology.subject_objects(OWL.equivalentClass)) == []
    assert all(isinstance(d, URIRef) for d in ontology.objects(None, RDFS.domain))


# ---------------------------------------------------------------- the issue scheme


def test_issue_scheme_has_at_least_30_labelled_issues(issues: Graph) -> None:
    keys = set(issues.subjects(RDF.type, DKG.Issue))
    assert len(keys) >= 30
    for issue in keys:
        assert str(issue).startswith(ID + "issue/")
        assert (issue, RDF.type, SKOS.Concept) in issues
        assert issues.value(issue, SKOS.inScheme) == URIRef("https://w3id.org/diplokg/issues")
        (pref,) = issues.objects(issue, SKOS.prefLabel)
        assert list(issues.objects(issue, RDFS.label)) == [pref]
        assert list(issues.objects(issue, SKOS.altLabel)), issue


def test_issue_hierarchy_is_symmetric_and_rooted(issues: Graph) -> None:
    broader = set(issues.subject_objects(SKOS.broader))
    narrower = {(child, parent) for parent, child in issues.subject_objects(SKOS.narrower)}
    assert broader == narrower
    tops = set(issues.subjects(SKOS.topConceptOf, None))
    assert {i for i in issues.subjects(RDF.type, DKG.Issue) if issues.value(i, SKOS.broader) is None} == tops


def test_issue_triggers_are_specific_and_unique(issues: Graph) -> None:
    triggers = [str(label).lower() for label in issues.objects(None, SKOS.altLabel)]
    assert len(triggers) == len(set(triggers)), "a trigger phrase names two issues"
    assert {"china", "security", "talks", "meeting", "north korea", "cooperation"} & set(triggers) == set()
    for phrase in ("denuclearization", "ballistic missile", "taiwan strait", "cross-strait", "gaza", "hamas",
                   "hostages", "abductions", "abductees", "senkaku", "diaoyu", "free and open indo-pacific",
                   "climate change"):
        assert phrase in triggers, phrase


def test_issue_key_examples(issues: Graph) -> None:
    assert str(issues.value(ISSUE["north-korea-nuclear"], SKOS.prefLabel)) == "North Korea's nuclear program"
    assert issues.value(ISSUE["senkaku-islands"], SKOS.broader) == ISSUE["east-china-sea"]
    wikidata = set(issues.objects(None, SKOS.exactMatch))
    assert all(re.fullmatch(r"http://www\.wikidata\.org/entity/Q[1-9][0-9]*", str(q)) for q in wikidata)


# ---------------------------------------------------------------- OWL 2 RL closure


def closure(*extra: tuple) -> Graph:
    graph = Graph()
    for path in (ONTOLOGY_FILE, ISSUES_FILE, DATA / "valid.ttl"):
        graph.parse(path)
    for triple in extra:
        graph.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    return graph


@pytest.fixture(scope="module")
def closed() -> Graph:
    return closure()


def test_closure_is_consistent(closed: Graph) -> None:
    assert [str(m) for m in closed.objects(None, ERR.error)] == []
    assert list(closed.subjects(RDF.type, OWL.Nothing)) == []


@pytest.mark.parametrize(
    "triple",
    [
        (MEETING, RDF.type, SCHEMA.Event),
        (MEETING, RDF.type, SEM.Event),
        (MOTEGI, RDF.type, FOAF.Person),
        (MOTEGI, RDF.type, SCHEMA.Person),
        (MOTEGI, RDF.type, PROV.Agent),
        (MOTEGI, RDF.type, SEM.Actor),
        (URIRef(ID + "actor/japan"), RDF.type, SCHEMA.Country),
        (MOTEGI, DKG.participatedIn, MEETING),
        (BIEGUN, DKG.participatedIn, MEETING),
        (MOTEGI, DKG.made, STATEMENT),
        (MOTEGI_ROLE, DKG.heldBy, MOTEGI),
        (MOTEGI, ORG.holds, MOTEGI_ROLE),
        (MOTEGI_ROLE, ORG.heldBy, MOTEGI),
        (MOTEGI_ROLE, RDF.type, ORG.Post),
        (MOTEGI_ROLE, ORG.postIn, URIRef(ID + "actor/japan")),
        (MEETING, SEM.hasActor, MOTEGI),
        (MEETING, SCHEMA.attendee, BIEGUN),
        (MEETING, SCHEMA.location, TOKYO),
        (MEETING, SEM.hasPlace, TOKYO),
        (TOKYO, RDF.type, SCHEMA.Place),
        (MEETING, DCTERMS.subject, ISSUE["north-korea-nuclear"]),
        (MEETING, DCTERMS.date, Literal("2020-07-10", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date"))),
        (STATEMENT, RDF.type, PROV.Entity),
        (STATEMENT, PROV.wasAttributedTo, MOTEGI),
        (STATEMENT, SCHEMA.recordedAt, MEETING),
        (STATEMENT, SCHEMA.about, ISSUE["indo-pacific"]),
        (ARTICLE, RDF.type, SCHEMA.NewsArticle),
        (ARTICLE, RDF.type, PROV.Entity),
        (EVIDENCE, RDF.type, PROV.Entity),
        (EVIDENCE, PROV.wasQuotedFrom, ARTICLE),
        (MEETING, SCHEMA.subjectOf, ARTICLE),
        (ISSUE["indo-pacific"], RDF.type, SKOS.Concept),
    ],
    ids=lambda t: " ".join(str(x).rsplit("/", 1)[-1] for x in t) if isinstance(t, tuple) else None,
)
def test_closure_finds_our_data_in_other_vocabularies(closed: Graph, triple: tuple) -> None:
    assert triple in closed


def test_closure_does_not_invent_participants(closed: Graph) -> None:
    assert set(closed.subjects(DKG.participatedIn, MEETING)) == {MOTEGI, BIEGUN}


def test_two_modes_make_the_closure_inconsistent() -> None:
    graph = closure((MEETING, DKG.mode, DKG.Phone))
    (error,) = [str(m) for m in graph.objects(None, ERR.error)]
    # the pair's order depends on set iteration order, so compare the pair as a set
    prefix = "'sameAs' and 'AllDifferent' cannot be used on the same subject-object pair: ("
    assert error.startswith(prefix) and error.endswith(")")
    assert set(error[len(prefix):-1].split(", ")) == {str(DKG.InPerson), str(DKG.Phone)}
