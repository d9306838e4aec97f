"""Extracted facts (etl.model dataclasses) → the RDF triples of one article graph.

This is the only module that names the ontology's terms; the conventions it follows are
written at the top of ontology/diplokg.ttl. Issues are only referred to (their definitions
live in the ontology graph), and every instance IRI is minted by :class:`diplokg.iris.Iris`.
"""

from __future__ import annotations

import datetime
import logging
import re
import sys
from collections.abc import Iterable

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS

from diplokg.errors import BadInput
from diplokg.iris import DKG as DKG_NS
from diplokg.iris import Iris, digest
from etl.events import Canon, Report
from etl.extract.names import parse, person_key
from etl.model import Actor, Article, ArticleFacts, Meeting, Place, RoleFact, Span, Statement

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


def trimmed(span: Span) -> Span:
    """The span without the white space at its ends (offsets moved with it, so that the
    text is still the article's text at the offsets); an all-blank span is kept as it is.

    >>> trimmed(Span(4, 12, " said.\\n\\n"))
    Span(start=5, end=10, text='said.')
    """
    text = span.text
    stripped = text.strip()
    if not stripped or stripped == text:
        return span
    lead = len(text) - len(text.lstrip())
    return Span(span.start + lead, span.start + lead + len(stripped), stripped)


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

    def __init__(self, facts: ArticleFacts, iris: Iris, canons: dict[str, Canon] | None = None) -> None:
        self.facts = facts
        self.iris = iris
        self.canons = canons or {}
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
        span = trimmed(span)
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
        if article.license:
            self.add(a, DCTERMS.license, URIRef(article.license))
        if article.rights:
            self.add(a, DCTERMS.rights, Literal(article.rights))
        if article.text:  # an article read back from a store that withheld its text has none
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
        """The meeting node as its cluster settles it (``etl.events``: key, label, date, mode,
        place; alone, the article's own), and the article's own report of it: participants,
        status, topics and evidence on the node in this graph, the rest on a dkg:MeetingReport."""
        own = meeting_label(meeting, names)
        c = self.canons.get(meeting.key) or Canon(meeting.key, own, meeting.date, meeting.mode, meeting.location)
        node = self.node("meeting", c.key)
        self.add(node, RDF.type, DKG.Meeting)
        self.add(node, RDFS.label, Literal(c.label))
        for key in meeting.participants:
            self.add(node, DKG.participant, self.node("actor", key))
        if c.date:
            self.add(node, DKG.date, date_literal(c.date))
        if c.location:
            self.add(node, DKG.location, self.node("place", c.location))
            if c.location not in {p.key for p in self.facts.places}:
                # another article's place: its label only (the places this article names are its own)
                place = self.node("place", c.location)
                self.add(place, RDF.type, DKG.Place)
                self.add(place, RDFS.label, Literal(c.place_name or c.location))
        self.add(node, DKG.mode, MODES[c.mode])  # type: ignore[index]
        self.add(node, DKG.status, STATUSES[meeting.status])
        for key in meeting.topics:
            self.add(node, DKG.topic, self.node("issue", key))
        self.add(node, DKG.primary, Literal(bool(meeting.primary)))
        self.provenance(node, meeting.evidence)
        report = URIRef(self.iris.meeting_report(self.facts.article.id, meeting.key))
        self.add(report, RDF.type, DKG.MeetingReport)
        self.add(report, RDFS.label, Literal(own))
        self.add(report, DKG.reportOf, node)
        self.add(report, DKG.reportArticle, self.article)
        if meeting.date:
            self.add(report, DKG.reportDate, date_literal(meeting.date))
        self.add(report, DKG.reportMode, MODES[meeting.mode])
        if meeting.location:
            self.add(report, DKG.reportLocation, self.node("place", meeting.location))

    def map_statement(self, statement: Statement) -> None:
        node = self.node("statement", statement.key)
        self.add(node, RDF.type, DKG.Statement)
        self.add(node, DKG.speaker, self.node("actor", statement.speaker))
        self.add(node, DKG.quote, Literal(statement.quote))
        self.add(node, DKG.quoteType, QUOTE_TYPES[statement.kind])
        for key in statement.about:
            self.add(node, DKG.about, self.node("issue", key))
        if statement.made_at:
            made = self.canons.get(statement.made_at)
            self.add(node, DKG.madeAt, self.node("meeting", made.key if made else statement.made_at))
        if statement.date:
            self.add(node, DKG.date, date_literal(statement.date))
        self.provenance(node, statement.evidence)


def withhold_text(graph: Graph, article: Article, iris: Iris) -> Graph:
    """Remove the article's full text (``dkg:text``) from its graph; the evidence spans stay.

    Used at ingest for articles whose licence does not let the service republish them.
    """
    graph.remove((URIRef(iris.article(article.id)), DKG.text, None))
    return graph


def facts_to_graph(facts: ArticleFacts, iris: Iris, canons: dict[str, Canon] | None = None) -> Graph:
    """The asserted triples of one article's facts (no inference, no issue definitions);
    ``canons`` maps a meeting's report key to the meeting its cluster makes (``etl.events``)."""
    mapper = _Mapper(facts, iris, canons)
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


def facts_of_graph(triples: Iterable[tuple], iris: Iris) -> ArticleFacts | None:
    """The article's facts as extraction gave them, read back from its stored graph (asserted
    and inferred triples; the inferred are ignored): ``facts_to_graph`` of the result gives
    the asserted triples again, with the persons as the article alone made them (before
    ``etl.resolve``; see :func:`_unresolved`). None if the graph holds no article.

    The ingest derives a stored article again this way when a later article changes who its
    persons are; tests/test_to_rdf.py checks the round trip on every gold article.
    """
    g = Graph()
    for t in triples:
        g.add(t)
    article_node = next(iter(g.subjects(RDF.type, DKG.Article)), None)
    if article_node is None:
        return None

    def one(s: URIRef, p: URIRef) -> str | None:
        value = g.value(s, p)
        return None if value is None else str(value)

    def key(node: URIRef, kind: str) -> str:
        return str(node)[len(iris.instance(kind, "")):]

    def spans(node: URIRef) -> list[Span]:
        out = []
        for ev in g.objects(node, DKG.evidence):
            out.append(Span(int(g.value(ev, DKG.start)), int(g.value(ev, DKG.end)), str(g.value(ev, DKG.exact))))
        return sorted(out, key=lambda sp: (sp.start, sp.end))

    article = Article(id=one(article_node, DCTERMS.identifier) or "", text=one(article_node, DKG.text) or "",
                      title=one(article_node, DCTERMS.title), url=one(article_node, DKG.url),
                      published=one(article_node, DCTERMS.issued), source=one(article_node, DCTERMS.source),
                      origin=str(article_node), license=one(article_node, DCTERMS.license),
                      rights=one(article_node, DCTERMS.rights))
    uses = {g.value(u, DKG.nameOf): u for u in g.subjects(RDF.type, DKG.NameUse)}
    kinds = {"Person": DKG.Person, "Country": DKG.Country, "Organization": DKG.Organization}
    actors: list[Actor] = []
    renamed: dict[str, str] = {}
    actor_prefix = iris.instance("actor", "")
    for node in sorted({s for s in g.subjects(RDFS.label, None) if str(s).startswith(actor_prefix)}):
        kind = next((k for k, cls in kinds.items() if (node, RDF.type, cls) in g), None)
        if kind is None:
            continue
        qid = next((str(o).rsplit("/", 1)[-1] for o in g.objects(node, OWL.sameAs) if str(o).startswith(str(WIKIDATA))), None)
        country = g.value(node, DKG.country)
        roles = [RoleFact(str(g.value(r, DKG.title)), key(g.value(r, DKG.roleOf), "actor") if g.value(r, DKG.roleOf) else None,
                          spans(r)[0]) for r in g.objects(node, DKG.holds) if g.value(r, DKG.title) is not None]
        actor = Actor(key=key(node, "actor"), kind=kind, name=str(g.value(node, RDFS.label)),  # type: ignore[arg-type]
                      aliases=sorted(str(a) for a in g.objects(node, SKOS.altLabel)),
                      country=key(country, "actor") if country is not None else None, wikidata=qid,
                      iso2=one(node, DKG.isoCode), roles=sorted(roles, key=lambda r: (r.evidence.start, r.title)))
        use = uses.get(node)
        if use is not None:
            _unresolved(actor, g, use, article.id, renamed)
        actors.append(actor)
    reports = sorted(g.subjects(RDF.type, DKG.MeetingReport))
    # the places the article names itself (a meeting's settled place may be another article's)
    own_places = {p for r in reports for p in g.objects(r, DKG.reportLocation)} if reports else set(g.subjects(RDF.type, DKG.Place))
    places = [Place(key(p, "place"), str(g.value(p, RDFS.label)), key(g.value(p, DKG.country), "actor") if g.value(p, DKG.country) else None,
                    sorted(str(a) for a in g.objects(p, SKOS.altLabel))) for p in sorted(own_places)]
    stored_labels = {str(s): str(o) for s, o in g.subject_objects(RDFS.label)}
    modes = {v: k for k, v in MODES.items()}
    statuses = {v: k for k, v in STATUSES.items()}
    quote_types = {v: k for k, v in QUOTE_TYPES.items()}
    meetings = []
    own_key: dict[str, str] = {}  # meeting IRI -> the report key this article gave it
    # (node, own label, own key, date, mode, location) of each meeting as the article reports it
    if reports:
        told = [(g.value(r, DKG.reportOf), one(r, RDFS.label) or "", str(r).split("#meeting=", 1)[1], one(r, DKG.reportDate),
                 g.value(r, DKG.reportMode), g.value(r, DKG.reportLocation)) for r in reports]
    else:  # a graph stored before meeting reports were written
        told = [(m, one(m, RDFS.label) or "", key(m, "meeting"), one(m, DKG.date), g.value(m, DKG.mode), g.value(m, DKG.location))
                for m in sorted(g.subjects(RDF.type, DKG.Meeting))]
    for m, label, own, date, mode, loc in told:
        own_key[str(m)] = own
        people = sorted((str(p) for p in g.objects(m, DKG.participant)), key=lambda p: (_position(label, stored_labels.get(p, "")), p))
        meetings.append(Meeting(own, [renamed.get(key(URIRef(p), "actor"), key(URIRef(p), "actor")) for p in people],
                                mode=modes[mode], status=statuses[g.value(m, DKG.status)],  # type: ignore[arg-type]
                                date=date, location=key(loc, "place") if loc is not None else None,
                                topics=sorted(key(t, "issue") for t in g.objects(m, DKG.topic)), evidence=spans(m),
                                primary=bool(g.value(m, DKG.primary).toPython()) if g.value(m, DKG.primary) is not None else True))
    statements = []
    for st in sorted(g.subjects(RDF.type, DKG.Statement)):
        speaker = key(g.value(st, DKG.speaker), "actor")
        made = g.value(st, DKG.madeAt)
        statements.append(Statement(key(st, "statement"), renamed.get(speaker, speaker), str(g.value(st, DKG.quote)),
                                    quote_types[g.value(st, DKG.quoteType)], evidence=spans(st),  # type: ignore[arg-type]
                                    about=sorted(key(i, "issue") for i in g.objects(st, DKG.about)),
                                    made_at=own_key.get(str(made), key(made, "meeting")) if made is not None else None,
                                    date=one(st, DKG.date)))
    issues = sorted(key(i, "issue") for i in g.objects(article_node, DKG.mentions))
    return ArticleFacts(article=article, actors=actors, places=places, meetings=meetings, statements=statements, issues=issues)


_IDENTIFIED = {v: k for k, v in IDENTIFICATIONS.items()}


def _unresolved(actor: Actor, g: Graph, use: URIRef, article_id: str, renamed: dict[str, str]) -> None:
    """A stored person as the article alone made it: its own normal form as the name, its
    written forms as the aliases, its own key where the store resolved it to another's."""
    actor.forms = sorted(str(f) for f in g.objects(use, DKG.writtenForm))
    actor.normal = str(g.value(use, DKG.normalForm))
    actor.family = str(g.value(use, DKG.familyName) or g.value(g.value(use, DKG.nameOf), DKG.familyName) or "") or None
    occurrences = g.value(use, DKG.occurrences)
    actor.mentions = int(occurrences) if occurrences is not None else 0
    actor.identified = _IDENTIFIED[g.value(use, DKG.identifiedBy)]  # type: ignore[assignment]
    if actor.identified == "store":
        full = parse(actor.normal).full
        own = person_key(actor.normal, actor.family or actor.normal, article_id, full)
        renamed[actor.key] = own
        actor.key = own
        actor.identified = "name" if full else "none"
    actor.name = actor.normal
    actor.aliases = [f for f in actor.forms if f != actor.name]


def _position(label: str, name: str) -> int:
    """Where a participant's name stands in a meeting's label (its order of participants)."""
    at = label.find(name) if name else -1
    return at if at >= 0 else len(label)


# The triples of one stored article graph that :func:`reports_of_graph` reads (``?g`` bound
# to the graph; rows ``?g ?s ?p ?o``): its meeting reports' and meetings', their participants'
# (a person's type, country and posts' holders), the article's identifier and date, and every
# label. An article graph holds some 300 triples, most of them types and evidence; reading
# only these (about a fifth) is what meeting identity does for each stored graph it compares.
REPORT_TRIPLES = """PREFIX dkg: <https://w3id.org/diplokg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?g ?s ?p ?o WHERE {
  GRAPH ?g {
    { VALUES ?p { rdfs:label dkg:reportOf dkg:reportArticle dkg:reportDate dkg:reportLocation dkg:reportMode
                  dkg:participant dkg:location dkg:date dkg:mode dkg:status dkg:primary
                  dkg:country dkg:holds dkg:roleOf dcterms:identifier dcterms:issued }
      ?s ?p ?o }
    UNION
    { VALUES (?p ?o) { (rdf:type dkg:MeetingReport) (rdf:type dkg:Person) } ?s ?p ?o }
  }
}"""


def reports_of_graph(triples: Iterable[tuple], iris: Iris) -> list[Report]:
    """The meeting reports of one article graph (asserted triples, or stored ones with the
    inferred, or only the stored ones :data:`REPORT_TRIPLES` selects), as ``etl.events``
    matches them, each with the meeting the graph makes of it."""
    g = triples if isinstance(triples, Graph) else _graph(triples)
    modes = {v: k for k, v in MODES.items()}
    statuses = {v: k for k, v in STATUSES.items()}
    graph_iri = None
    out = []

    # the strings a kept report holds are interned: the same persons, countries, places and
    # days recur article after article, and an ingest keeps one report answer per graph
    def label(x: object) -> str | None:
        value = g.value(x, RDFS.label)  # type: ignore[arg-type]
        return None if value is None else sys.intern(str(value))

    def place_key(p: object) -> str | None:
        return None if p is None else sys.intern(str(p)[len(iris.instance("place", "")):])

    for r in sorted(g.subjects(RDF.type, DKG.MeetingReport)):
        m = g.value(r, DKG.reportOf)
        article = g.value(r, DKG.reportArticle)
        if m is None or article is None:
            continue
        if graph_iri is None:
            ident = g.value(article, DCTERMS.identifier)
            graph_iri = iris.article_graph(str(ident)) if ident is not None else str(article)
        issued = g.value(article, DCTERMS.issued)
        parts = sorted(sys.intern(str(p)) for p in g.objects(m, DKG.participant))
        persons = frozenset(p for p in parts if (URIRef(p), RDF.type, DKG.Person) in g)
        sides = []
        for p in parts:
            side = p
            if p in persons:
                country = g.value(URIRef(p), DKG.country)
                posts = sorted(str(o) for role in g.objects(URIRef(p), DKG.holds) for o in g.objects(role, DKG.roleOf))
                side = sys.intern(str(country)) if country is not None else (sys.intern(posts[0]) if posts else p)
            sides.append((p, side))
        date = g.value(r, DKG.reportDate)
        loc = g.value(r, DKG.reportLocation)
        mloc = g.value(m, DKG.location)
        mdate = g.value(m, DKG.date)
        canon = Canon(str(m)[len(iris.instance("meeting", "")):], label(m) or "", None if mdate is None else sys.intern(str(mdate)),
                      modes[g.value(m, DKG.mode)], place_key(mloc), label(mloc) if mloc is not None else None)
        out.append(Report(graph_iri, str(r).split("#meeting=", 1)[1], frozenset(parts), persons, tuple(sides),
                          tuple((p, label(URIRef(p)) or p) for p in parts), None if date is None else sys.intern(str(date)),
                          modes[g.value(r, DKG.reportMode)], statuses[g.value(m, DKG.status)], place_key(loc),
                          label(loc) if loc is not None else None, label(r) or "", canon,
                          published=None if issued is None else sys.intern(str(issued)),
                          primary=g.value(m, DKG.primary) is None or bool(g.value(m, DKG.primary).toPython())))
    return out


def _graph(triples: Iterable[tuple]) -> Graph:
    g = Graph()
    for t in triples:
        g.add(t)
    return g
