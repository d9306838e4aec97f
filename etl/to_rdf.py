"""Extracted facts (etl.model dataclasses) → the RDF triples of one article graph.

This is the only module that names the ontology's terms; the conventions it follows are
written at the top of ontology/diplokg.ttl. Issues are only referred to (their definitions
live in the ontology graph), and every instance IRI is minted by :class:`diplokg.iris.Iris`.
"""

from __future__ import annotations

import datetime
import logging
import re
from collections.abc import Iterable

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS

from diplokg.errors import BadInput
from diplokg.iris import DKG as DKG_NS
from diplokg.iris import Iris, digest
from etl.model import Actor, Article, ArticleFacts, Meeting, Place, Span, Statement

log = logging.getLogger(__name__)

DKG = Namespace(DKG_NS)
WIKIDATA = Namespace("http://www.wikidata.org/entity/")

MODES = {"in-person": DKG.InPerson, "phone": DKG.Phone, "video": DKG.Video}
STATUSES = {"held": DKG.Held, "planned": DKG.Planned}
QUOTE_TYPES = {"direct": DKG.Direct, "indirect": DKG.Indirect}
ACTOR_CLASSES = {"Person": DKG.Person, "Country": DKG.Country, "Organization": DKG.Organization}
IDENTIFICATIONS = {"name": DKG.ByName, "gazetteer": DKG.ByGazetteer, "store": DKG.ByOtherArticle, "none": DKG.Unidentified}
MEETING_KINDS = {"in-person": "Meeting", "phone": "Phone call", "video": "Video meeting"}

_QID = re.compile(r"Q[1-9][0-9]*")


def date_literal(value: str) -> Literal:
    """A date string as an xsd:date, xsd:gYearMonth or xsd:gYear literal, by its shape.

    >>> date_literal("2020-07-10").datatype == XSD.date
    True
    >>> date_literal("2020-07").datatype == XSD.gYearMonth, date_literal("2020").datatype == XSD.gYear
    (True, True)
    """
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            datetime.date.fromisoformat(value)
            return Literal(value, datatype=XSD.date)
        if re.fullmatch(r"\d{4}-\d{2}", value) and 1 <= int(value[5:]) <= 12:
            return Literal(value, datatype=XSD.gYearMonth)
        if re.fullmatch(r"\d{4}", value):
            return Literal(value, datatype=XSD.gYear)
    except ValueError:
        pass
    raise BadInput(f"date {value!r} is not a valid YYYY-MM-DD, YYYY-MM or YYYY")


def role_key(person_key: str, title: str, of: str | None) -> str:
    """The key of the post ``title`` of ``of`` held by a person: stable across articles."""
    return digest(person_key, title, of or "")


def meeting_label(meeting: Meeting, names: dict[str, str]) -> str:
    """A readable label such as "Meeting of A and B, 2020-07-10".

    >>> m = Meeting("k", ["a", "b", "c"], mode="phone", status="planned")
    >>> meeting_label(m, {"a": "A", "b": "B"})
    'Planned phone call of A, B and c'
    """
    people = [names.get(key, key) for key in meeting.participants]
    if len(people) > 1:
        who = ", ".join(people[:-1]) + " and " + people[-1]
    else:
        who = people[0] if people else "unknown participants"
    kind = MEETING_KINDS[meeting.mode]
    if meeting.status == "planned":
        kind = "Planned " + kind.lower()
    label = f"{kind} of {who}"
    return f"{label}, {meeting.date}" if meeting.date else label


class _Mapper:
    """Adds one article's facts to a graph; holds the article and the IRI minter."""

    def __init__(self, facts: ArticleFacts, iris: Iris) -> None:
        self.facts = facts
        self.iris = iris
        self.graph = Graph()
        self.graph.bind("dkg", DKG)
        self.graph.bind("dcterms", DCTERMS)
        self.graph.bind("skos", SKOS)
        self.graph.bind("owl", OWL)
        self.article = URIRef(iris.article(facts.article.id))

    def node(self, kind: str, key: str) -> URIRef:
        return URIRef(self.iris.instance(kind, key))

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.graph.add((s, p, o))

    def provenance(self, subject: URIRef, spans: list[Span]) -> None:
        """``subject`` is reported in this article, with one Evidence node per span."""
        self.add(subject, DKG.reportedIn, self.article)
        for span in spans:
            self.add(subject, DKG.evidence, self.evidence(span))

    def evidence(self, span: Span) -> URIRef:
        node = URIRef(self.iris.evidence(self.facts.article.id, span.start, span.end))
        self.add(node, RDF.type, DKG.Evidence)
        self.add(node, DKG.article, self.article)
        self.add(node, DKG.start, Literal(span.start, datatype=XSD.integer))
        self.add(node, DKG.end, Literal(span.end, datatype=XSD.integer))
        self.add(node, DKG.exact, Literal(span.text))
        return node

    def map_article(self, article: Article) -> None:
        a = self.article
        self.add(a, RDF.type, DKG.Article)
        self.add(a, DCTERMS.identifier, Literal(article.id))
        if article.title:
            self.add(a, DCTERMS.title, Literal(article.title))
        if article.published:
            issued = date_literal(article.published)
            if issued.datatype == XSD.date:
                self.add(a, DCTERMS.issued, issued)
            else:
                log.debug("article %s: published %r is not a full date; not stored", article.id, article.published)
        if article.source:
            self.add(a, DCTERMS.source, Literal(article.source))
        if article.url:
            self.add(a, DKG.url, Literal(article.url, datatype=XSD.anyURI))
        self.add(a, DKG.text, Literal(article.text))
        for key in self.facts.issues:
            self.add(a, DKG.mentions, self.node("issue", key))

    def map_actor(self, actor: Actor) -> None:
        node = self.node("actor", actor.key)
        self.add(node, RDF.type, ACTOR_CLASSES[actor.kind])
        self.add(node, RDFS.label, Literal(actor.name))
        for alias in dict.fromkeys(actor.aliases):
            if alias and alias != actor.name:
                self.add(node, SKOS.altLabel, Literal(alias))
        if actor.country and actor.country != actor.key:
            self.add(node, DKG.country, self.node("actor", actor.country))
        if actor.wikidata:
            if not _QID.fullmatch(actor.wikidata):
                raise BadInput(f"actor {actor.key}: Wikidata id {actor.wikidata!r} is not Q followed by digits")
            self.add(node, OWL.sameAs, WIKIDATA[actor.wikidata])
        if actor.iso2 and actor.kind == "Country":
            self.add(node, DKG.isoCode, Literal(actor.iso2))
        if actor.kind == "Person" and actor.forms:
            self.map_name_use(node, actor)
        for fact in actor.roles:
            role = self.node("role", role_key(actor.key, fact.title, fact.of))
            self.add(node, DKG.holds, role)
            self.add(role, RDF.type, DKG.Role)
            self.add(role, DKG.title, Literal(fact.title))
            if fact.of:
                self.add(role, DKG.roleOf, self.node("actor", fact.of))
            self.provenance(role, [fact.evidence])

    def map_name_use(self, node: URIRef, actor: Actor) -> None:
        """How this article names the person: its written forms, its own normal form, the
        family name, how often, and how the person was identified."""
        use = URIRef(self.iris.name_use(self.facts.article.id, actor.key))
        self.add(use, RDF.type, DKG.NameUse)
        self.add(use, DKG.nameOf, node)
        self.add(use, DKG.usedIn, self.article)
        for form in dict.fromkeys(actor.forms):
            self.add(use, DKG.writtenForm, Literal(form))
        self.add(use, DKG.normalForm, Literal(actor.normal or actor.name))
        if actor.family:
            # a person named in full carries the family name; a family-name-only use its own
            named = actor.identified in ("name", "gazetteer")
            self.add(node if named else use, DKG.familyName, Literal(actor.family))
        if actor.mentions > 0:
            self.add(use, DKG.occurrences, Literal(actor.mentions, datatype=XSD.integer))
        self.add(use, DKG.identifiedBy, IDENTIFICATIONS[actor.identified])

    def map_place(self, place: Place) -> None:
        node = self.node("place", place.key)
        self.add(node, RDF.type, DKG.Place)
        self.add(node, RDFS.label, Literal(place.name))
        for alias in dict.fromkeys(place.aliases):
            if alias and alias != place.name:
                self.add(node, SKOS.altLabel, Literal(alias))
        if place.country:
            self.add(node, DKG.country, self.node("actor", place.country))

    def map_meeting(self, meeting: Meeting, names: dict[str, str]) -> None:
        node = self.node("meeting", meeting.key)
        self.add(node, RDF.type, DKG.Meeting)
        self.add(node, RDFS.label, Literal(meeting_label(meeting, names)))
        for key in meeting.participants:
            self.add(node, DKG.participant, self.node("actor", key))
        if meeting.date:
            self.add(node, DKG.date, date_literal(meeting.date))
        if meeting.location:
            self.add(node, DKG.location, self.node("place", meeting.location))
        self.add(node, DKG.mode, MODES[meeting.mode])
        self.add(node, DKG.status, STATUSES[meeting.status])
        for key in meeting.topics:
            self.add(node, DKG.topic, self.node("issue", key))
        self.add(node, DKG.primary, Literal(bool(meeting.primary)))
        self.provenance(node, meeting.evidence)

    def map_statement(self, statement: Statement) -> None:
        node = self.node("statement", statement.key)
        self.add(node, RDF.type, DKG.Statement)
        self.add(node, DKG.speaker, self.node("actor", statement.speaker))
        self.add(node, DKG.quote, Literal(statement.quote))
        self.add(node, DKG.quoteType, QUOTE_TYPES[statement.kind])
        for key in statement.about:
            self.add(node, DKG.about, self.node("issue", key))
        if statement.made_at:
            self.add(node, DKG.madeAt, self.node("meeting", statement.made_at))
        if statement.date:
            self.add(node, DKG.date, date_literal(statement.date))
        self.provenance(node, statement.evidence)


def facts_to_graph(facts: ArticleFacts, iris: Iris) -> Graph:
    """The asserted triples of one article's facts (no inference, no issue definitions)."""
    mapper = _Mapper(facts, iris)
    mapper.map_article(facts.article)
    for actor in facts.actors:
        mapper.map_actor(actor)
    for place in facts.places:
        mapper.map_place(place)
    names = {actor.key: actor.name for actor in facts.actors}
    for meeting in facts.meetings:
        mapper.map_meeting(meeting, names)
    for statement in facts.statements:
        mapper.map_statement(statement)
    return mapper.graph


def article_of_graph(triples: Iterable[tuple]) -> Article | None:
    """The article an article graph was made from (id, text and metadata), to extract it
    again; None if the graph holds no article text."""
    by_p: dict[URIRef, Literal] = {}
    subject = None
    rows = list(triples)
    for s, p, o in rows:
        if p == RDF.type and o == DKG.Article:
            subject = s
    if subject is None:
        return None
    for s, p, o in rows:
        if s == subject and isinstance(o, Literal):
            by_p.setdefault(p, o)
    if DKG.text not in by_p or DCTERMS.identifier not in by_p:
        return None

    def text(p: URIRef) -> str | None:
        return str(by_p[p]) if p in by_p else None

    return Article(id=str(by_p[DCTERMS.identifier]), text=str(by_p[DKG.text]), title=text(DCTERMS.title),
                   url=text(DKG.url), published=text(DCTERMS.issued), source=text(DCTERMS.source),
                   origin=str(subject))
