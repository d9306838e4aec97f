"""The SHACL shapes accept tests/data/valid.ttl and reject small edits of it, each with its message."""

from __future__ import annotations

from pathlib import Path

import owlrl
import pytest
from rdflib import OWL, Graph

from diplokg.resources import ISSUES_FILE, ONTOLOGY_FILE
from etl.validate import EXACT_MISMATCH, IRI_MISMATCH, Validator, validate_graph

VALID = Path(__file__).parent / "data" / "valid.ttl"
ID = "https://w3id.org/diplokg/id/"
MEETING = f"<{ID}meeting/8f7a675ae103da19>"
STATEMENT = f"<{ID}statement/e9fa422cf728ef62>"
MOTEGI = f"<{ID}actor/toshimitsu-motegi>"
JAPAN = f"<{ID}actor/japan>"
ROLE = f"<{ID}role/23abe8936d91201a>"
TOKYO = f"<{ID}place/tokyo>"
ARTICLE = f"<{ID}article/000_adeb1c27dd2069d5>"
EV = f"<{ID}article/000_adeb1c27dd2069d5#char=262,296>"

PREFIXES = f"""
PREFIX dkg: <https://w3id.org/diplokg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX issue: <{ID}issue/>
"""

MODE = "A meeting must have exactly one dkg:mode: dkg:InPerson, dkg:Phone or dkg:Video"
STATUS = "A meeting must have exactly one dkg:status: dkg:Held or dkg:Planned"
DATE = "A meeting has at most one dkg:date, an xsd:date, xsd:gYearMonth or xsd:gYear"

# (id, SPARQL Update applied to valid.ttl, expected {(focus, path, message)})
BROKEN = [
    ("meeting-without-participants",
     f"DELETE WHERE {{ {MEETING} dkg:participant ?p }}",
     {(MEETING, "dkg:participant", "A meeting must have at least one dkg:participant")}),
    ("held-meeting-of-one-person",
     f"DELETE DATA {{ {MEETING} dkg:participant <{ID}actor/stephen-biegun> }}",
     {(MEETING, None, "A held meeting between people must have at least two participants")}),
    ("participant-not-an-actor",
     f"INSERT DATA {{ {MEETING} dkg:participant {TOKYO} }}",
     {(MEETING, "dkg:participant",
       "A meeting's dkg:participant must be an actor (a dkg:Person, dkg:Country or dkg:Organization)")}),
    ("meeting-with-two-modes",
     f"INSERT DATA {{ {MEETING} dkg:mode dkg:Phone }}",
     {(MEETING, "dkg:mode", MODE)}),
    ("meeting-with-unknown-mode",
     f"DELETE DATA {{ {MEETING} dkg:mode dkg:InPerson }} ; INSERT DATA {{ {MEETING} dkg:mode dkg:Telepathy }}",
     {(MEETING, "dkg:mode", MODE)}),
    ("meeting-without-status",
     f"DELETE WHERE {{ {MEETING} dkg:status ?s }}",
     {(MEETING, "dkg:status", STATUS)}),
    ("meeting-with-string-status",
     f"DELETE WHERE {{ {MEETING} dkg:status ?s }} ; INSERT DATA {{ {MEETING} dkg:status \"held\" }}",
     {(MEETING, "dkg:status", STATUS)}),
    ("meeting-date-as-plain-string",
     f"DELETE WHERE {{ {MEETING} dkg:date ?d }} ; INSERT DATA {{ {MEETING} dkg:date \"July 10, 2020\" }}",
     {(MEETING, "dkg:date", DATE)}),
    ("meeting-date-as-datetime",
     f"DELETE WHERE {{ {MEETING} dkg:date ?d }} ; "
     f"INSERT DATA {{ {MEETING} dkg:date \"2020-07-10T10:00:00\"^^xsd:dateTime }}",
     {(MEETING, "dkg:date", DATE)}),
    ("meeting-with-two-dates",
     f"INSERT DATA {{ {MEETING} dkg:date \"2020\"^^xsd:gYear }}",
     {(MEETING, "dkg:date", DATE)}),
    ("meeting-not-reported",
     f"DELETE WHERE {{ {MEETING} dkg:reportedIn ?a }}",
     {(MEETING, "dkg:reportedIn", "A meeting must be reported in at least one article (dkg:reportedIn)")}),
    ("meeting-without-evidence",
     f"DELETE WHERE {{ {MEETING} dkg:evidence ?e }}",
     {(MEETING, "dkg:evidence", "A meeting must have at least one dkg:evidence span")}),
    ("meeting-topic-not-in-the-scheme",
     f"INSERT DATA {{ {MEETING} dkg:topic issue:world-peace }}",
     {(MEETING, "dkg:topic", "dkg:topic must point at an issue of the diplokg issue scheme")}),
    ("statement-with-two-speakers",
     f"INSERT DATA {{ {STATEMENT} dkg:speaker <{ID}actor/stephen-biegun> }}",
     {(STATEMENT, "dkg:speaker", "A statement must have exactly one dkg:speaker, an actor")}),
    ("statement-with-blank-quote",
     f"DELETE WHERE {{ {STATEMENT} dkg:quote ?q }} ; INSERT DATA {{ {STATEMENT} dkg:quote \"  \" }}",
     {(STATEMENT, "dkg:quote", "A statement must have exactly one non-empty dkg:quote, a plain string")}),
    ("statement-without-quote-type",
     f"DELETE WHERE {{ {STATEMENT} dkg:quoteType ?t }}",
     {(STATEMENT, "dkg:quoteType",
       "A statement must have exactly one dkg:quoteType: dkg:Direct or dkg:Indirect")}),
    ("statement-without-evidence",
     f"DELETE WHERE {{ {STATEMENT} dkg:evidence ?e }}",
     {(STATEMENT, "dkg:evidence", "A statement must have at least one dkg:evidence span")}),
    ("statement-not-reported",
     f"DELETE WHERE {{ {STATEMENT} dkg:reportedIn ?a }}",
     {(STATEMENT, "dkg:reportedIn", "A statement must be reported in at least one article (dkg:reportedIn)")}),
    ("evidence-negative-start",
     f"DELETE WHERE {{ {EV} dkg:start ?s }} ; INSERT DATA {{ {EV} dkg:start -1 }}",
     {(EV, "dkg:start", "Evidence must have exactly one dkg:start, a non-negative xsd:integer")}),
    ("evidence-start-after-end",
     f"DELETE WHERE {{ {EV} dkg:start ?s }} ; INSERT DATA {{ {EV} dkg:start 300 }}",
     {(EV, "dkg:start", "Evidence start must be smaller than its end")}),
    ("evidence-offset-as-string",
     f"DELETE WHERE {{ {EV} dkg:end ?s }} ; INSERT DATA {{ {EV} dkg:end \"296\" }}",
     {(EV, "dkg:end", "Evidence must have exactly one dkg:end, a non-negative xsd:integer"),
      (EV, "dkg:start", "Evidence start must be smaller than its end")}),  # a string is not comparable
    ("evidence-empty-exact",
     f"DELETE WHERE {{ {EV} dkg:exact ?x }} ; INSERT DATA {{ {EV} dkg:exact \"\" }}",
     {(EV, "dkg:exact", "Evidence must have exactly one non-empty dkg:exact text"),
      (EV, "dkg:exact", EXACT_MISMATCH)}),
    ("evidence-exact-not-the-text",
     f"DELETE WHERE {{ {EV} dkg:exact ?x }} ; INSERT DATA {{ {EV} dkg:exact \"Foreign Minister Taro Kono\" }}",
     {(EV, "dkg:exact", EXACT_MISMATCH)}),
    ("evidence-iri-disagrees-with-offsets",
     f"DELETE WHERE {{ {EV} dkg:start ?s . {EV} dkg:exact ?x }} ; "
     f"INSERT DATA {{ {EV} dkg:start 263 ; dkg:exact \"oreign Minister Toshimitsu Motegi\" }}",
     {(EV, None, IRI_MISMATCH)}),
    ("evidence-of-two-articles",
     f"INSERT DATA {{ {EV} dkg:article <{ID}article/other> . <{ID}article/other> a dkg:Article ; "
     f"dcterms:identifier \"other\" }}",
     {(EV, "dkg:article", "Evidence must point at exactly one article (dkg:article)")}),
    ("actor-with-two-labels",
     f"INSERT DATA {{ {MOTEGI} rdfs:label \"Motegi Toshimitsu\" }}",
     {(MOTEGI, "rdfs:label",
       "An actor must have exactly one rdfs:label (its canonical name), a non-empty plain string")}),
    ("country-without-label",
     f"DELETE WHERE {{ {JAPAN} rdfs:label ?l }}",
     {(JAPAN, "rdfs:label",
       "An actor must have exactly one rdfs:label (its canonical name), a non-empty plain string")}),
    ("actor-same-as-not-wikidata",
     f"INSERT DATA {{ {JAPAN} owl:sameAs <http://dbpedia.org/resource/Japan> }}",
     {(JAPAN, "owl:sameAs",
       "owl:sameAs of an actor must be a Wikidata entity IRI http://www.wikidata.org/entity/Q... "
       "(or another diplokg actor)")}),
    ("country-iso-code-lower-case",
     f"DELETE WHERE {{ {JAPAN} dkg:isoCode ?c }} ; INSERT DATA {{ {JAPAN} dkg:isoCode \"jp\" }}",
     {(JAPAN, "dkg:isoCode", "A country has at most one dkg:isoCode, two capital letters (ISO 3166-1 alpha-2)")}),
    ("person-iri-outside-the-pattern",
     "INSERT DATA { <http://example.org/motegi> a dkg:Person ; rdfs:label \"Motegi\" }",
     {("<http://example.org/motegi>", None, "An actor's IRI must be https://w3id.org/diplokg/id/actor/{key}")}),
    ("place-with-language-tagged-label",
     f"DELETE WHERE {{ {TOKYO} rdfs:label ?l }} ; INSERT DATA {{ {TOKYO} rdfs:label \"Tokio\"@de }}",
     {(TOKYO, "rdfs:label", "A place must have exactly one rdfs:label, a non-empty plain string")}),
    ("role-without-title",
     f"DELETE WHERE {{ {ROLE} dkg:title ?t }}",
     {(ROLE, "dkg:title", "A role must have exactly one non-empty dkg:title (such as \"Foreign Minister\")")}),
    ("role-of-a-place",
     f"DELETE WHERE {{ {ROLE} dkg:roleOf ?o }} ; INSERT DATA {{ {ROLE} dkg:roleOf {TOKYO} }}",
     {(ROLE, "dkg:roleOf", "A role is of at most one country or organization (dkg:roleOf)")}),
    ("article-with-two-identifiers",
     f"INSERT DATA {{ {ARTICLE} dcterms:identifier \"000\" }}",
     {(ARTICLE, "dcterms:identifier", "An article must have exactly one non-empty dcterms:identifier (its id)")}),
    ("article-issued-not-a-date",
     f"DELETE WHERE {{ {ARTICLE} dcterms:issued ?d }} ; INSERT DATA {{ {ARTICLE} dcterms:issued \"2020-07-10\" }}",
     {(ARTICLE, "dcterms:issued", "An article has at most one dcterms:issued, an xsd:date (YYYY-MM-DD)")}),
]

# edits that must still conform: the rules are not stricter than the contract
ACCEPTED = [
    ("planned-meeting-of-one-person",
     f"DELETE DATA {{ {MEETING} dkg:participant <{ID}actor/stephen-biegun> ; dkg:status dkg:Held }} ; "
     f"INSERT DATA {{ {MEETING} dkg:status dkg:Planned }}"),
    ("held-meeting-of-one-country",
     f"DELETE WHERE {{ {MEETING} dkg:participant ?p }} ; INSERT DATA {{ {MEETING} dkg:participant {JAPAN} }}"),
    ("meeting-dated-by-month",
     f"DELETE WHERE {{ {MEETING} dkg:date ?d }} ; INSERT DATA {{ {MEETING} dkg:date \"2020-07\"^^xsd:gYearMonth }}"),
    ("meeting-dated-by-year",
     f"DELETE WHERE {{ {MEETING} dkg:date ?d }} ; INSERT DATA {{ {MEETING} dkg:date \"2020\"^^xsd:gYear }}"),
    ("meeting-without-date-and-place",
     f"DELETE WHERE {{ {MEETING} dkg:date ?d }} ; DELETE WHERE {{ {MEETING} dkg:location ?l }}"),
    ("statement-by-an-organization",
     f"DELETE WHERE {{ {STATEMENT} dkg:speaker ?s }} ; INSERT DATA {{ {STATEMENT} dkg:speaker <{ID}actor/state-dept> . "
     f"<{ID}actor/state-dept> a dkg:Organization ; rdfs:label \"U.S. State Department\" ; dkg:country <{ID}actor/united-states> }}"),
]


def edited(update: str) -> Graph:
    graph = Graph().parse(VALID)
    graph.update(PREFIXES + update)
    return graph


def test_valid_example_conforms() -> None:
    report = validate_graph(Graph().parse(VALID))
    assert report.violations == []
    assert report.conforms
    assert report.text() == "conforms"


@pytest.mark.parametrize("update,expected", [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN])
def test_broken_variant_is_rejected_with_its_message(update: str, expected: set) -> None:
    report = validate_graph(edited(update))
    assert not report.conforms
    assert {(v.focus, v.path, v.message) for v in report.violations} == expected
    assert {v.severity for v in report.violations} == {"Violation"}


@pytest.mark.parametrize("update", [c[1] for c in ACCEPTED], ids=[c[0] for c in ACCEPTED])
def test_accepted_variant_conforms(update: str) -> None:
    report = validate_graph(edited(update))
    assert report.violations == []


def test_there_are_enough_broken_variants() -> None:
    assert len(BROKEN) >= 12


def test_report_text_lists_focus_path_message() -> None:
    report = validate_graph(edited(f"INSERT DATA {{ {MEETING} dkg:topic issue:world-peace }}"))
    assert report.text() == (
        f"{MEETING}  dkg:topic  dkg:topic must point at an issue of the diplokg issue scheme"
        f" (value: <{ID}issue/world-peace>)"
    )


def test_validation_does_not_modify_the_graph() -> None:
    graph = Graph().parse(VALID)
    before = set(graph)
    validate_graph(graph)
    assert set(graph) == before


def test_issue_scheme_conforms_and_an_issue_needs_one_label() -> None:
    scheme = Graph().parse(ISSUES_FILE)
    validator = Validator()
    assert validator.validate(scheme).conforms
    scheme.update(PREFIXES + "DELETE WHERE { issue:abductions rdfs:label ?l }")
    report = validator.validate(scheme)
    assert {(v.focus, v.path, v.message) for v in report.violations} == {
        (f"<{ID}issue/abductions>", "rdfs:label", "An issue must have exactly one rdfs:label, a non-empty plain string")
    }


def test_owl_rl_closure_of_the_example_still_conforms() -> None:
    """Inferred triples (types, inverses, reflexive owl:sameAs) break no shape; triples about
    the Wikidata entities an actor is owl:sameAs are not ours to check and are left out."""
    graph = Graph()
    for path in (ONTOLOGY_FILE, ISSUES_FILE, VALID):
        graph.parse(path)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    wikidata = "http://www.wikidata.org/entity/"
    ours = Graph()
    for s, p, o in graph:
        if str(s).startswith(ID) and (p == OWL.sameAs or not str(o).startswith(wikidata)):
            ours.add((s, p, o))
    assert len(ours) > len(Graph().parse(VALID))
    assert validate_graph(ours).violations == []


def test_report_sorts_violations_with_and_without_a_path() -> None:
    from etl.validate import Violation, _sort_key

    found = sorted(
        [Violation("b", None, "m", "Violation"), Violation("a", "dkg:mode", "m", "Violation"), Violation("a", None, "n", "Violation")],
        key=_sort_key,
    )
    assert [(v.focus, v.path) for v in found] == [("a", None), ("a", "dkg:mode"), ("b", None)]
