"""Cross-article identity of meetings: one ``dkg:Meeting`` for the reports of one event.

Every article reports its meetings on its own (``etl.pipeline.merge_meetings`` gives each a
*report key*). After the persons are resolved (``etl.resolve``), each report becomes a
:class:`Report` — resolved participants, the side each stands for, date, mode, status — and
the store links reports of different articles when they can be one event (:func:`compatible`):

- **the same kind**: the same status; in person is never a call; a phone call and a video call
  are one kind (publishers call the same call "spoke with", "telephone talk" or "video
  conference"), and the canonical mode is then video, the more specific claim;
- **compatible dates**: both known; equal, one a month and the other a day of that month, or
  two days one day apart (a call at night in Washington is the next morning in Tokyo). A date
  given only as a year never links. A report its article leaves undated links only where it
  is that article's main meeting, held, and the other report's day falls within the
  ``UNDATED_DAYS`` days up to the article's publication (news reports what just happened:
  "Blinken met Cavusoglu" in a story of March 25 beside a readout of the talks on March 24);
  two undated reports never link;
- **compatible participants**: the same sides (a person stands for the country of their post,
  a country or organization for itself), and on every side where both reports name persons,
  a person in common; a side one report names only by its country matches any person of that
  side in the other.

A link is kept only where it is unambiguous: two reports are one meeting when each is
compatible with the other and both are compatible with exactly the same other reports (their
closed neighbourhoods are equal). So a report compatible with two reports that are not
compatible with each other (a "call in March" beside calls on March 5 and March 20) links to
none, and a cluster is always a set of pairwise compatible reports, at most one per article.

The meeting's key is the smallest report key of its cluster (a single report keeps its own),
and its attributes are settled by :func:`canonical`, so both depend only on the set of stored
reports, never on the order of ingest. :class:`EventView` finds the stored reports a change
touches (those within two links of a changed report) and the ingest derives their articles
again in the same transaction.
"""

from __future__ import annotations

import calendar
import datetime
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from diplokg.iris import Iris
from diplokg.store.base import Store
from etl.answers import Answers

REMOTE = frozenset({"phone", "video"})
_P = "PREFIX dkg: <https://w3id.org/diplokg/ontology#>\n"
# the stored graphs with a report of one date, each participant with the sides it may stand
# for: its countries and what the posts it holds are of. The side is matched in Python: a
# query binding the side too made the engine (Oxigraph) evaluate a union of the side's
# patterns over every stored graph first, ~5 ms a query at 300 articles and growing. (That
# query's third branch, `{ ?m dkg:participant ?s FILTER(?p = ?s) }`, never matched: ?p is not
# in scope inside the branch, so the participant itself was never a side it found; kept so.)
_SIDES = "OPTIONAL { ?p dkg:country ?c } OPTIONAL { ?p dkg:holds ?role . ?role dkg:roleOf ?o }"
_BY_DATE = _P + """SELECT DISTINCT ?g ?d ?p ?c ?o WHERE { GRAPH ?g {
  ?r dkg:reportDate ?d ; dkg:reportOf ?m . ?m dkg:participant ?p .
  """ + _SIDES + """
} }"""
# the stored graphs, published on one day, with an undated main report, and its participants
_UNDATED_BY_PUBLISHED = _P + """PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?g ?pub ?p ?c ?o WHERE { GRAPH ?g {
  ?r dkg:reportOf ?m ; dkg:reportArticle ?a . ?a dcterms:issued ?pub .
  OPTIONAL { ?r dkg:reportDate ?any } FILTER(!BOUND(?any))
  ?m dkg:primary true ; dkg:participant ?p .
  """ + _SIDES + """
} }"""
# the stored graphs with a report of an article published on one day: the graphs to ask the
# query above of, one by one (asked of all graphs at once, the engine joins every primary
# meeting of the store first: ~25 ms a day at 300 articles, against ~1 ms a graph)
_PUBLISHED = _P + """PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?g ?pub WHERE { GRAPH ?g { ?a dcterms:issued ?pub . ?r dkg:reportArticle ?a } }"""
UNDATED_DAYS = 3  # an undated main meeting of an article is one of the days up to its publication


@dataclass(frozen=True)
class Canon:
    """What every article of a cluster writes about its meeting node."""

    key: str
    label: str
    date: str | None
    mode: str
    location: str | None = None  # place key
    place_name: str | None = field(default=None, compare=False)  # its label, for articles without that place


@dataclass(frozen=True)
class Report:
    """One article's report of one meeting, as meeting identity sees it.

    ``sides`` maps each participant (an actor IRI) to the side it stands for (the country or
    organization of a person's post, or the actor itself); ``persons`` are the participants
    that are persons; ``names`` their labels."""

    graph: str
    key: str
    participants: frozenset[str]
    persons: frozenset[str]
    sides: tuple[tuple[str, str], ...]
    names: tuple[tuple[str, str], ...]
    date: str | None
    mode: str
    status: str
    location: str | None = None
    place_name: str | None = None
    label: str = ""  # the article's own label of the meeting
    canon: Canon | None = field(default=None, compare=False)  # as stored, where read from the store
    published: str | None = None  # the article's publication day
    primary: bool = True  # the article's main meeting

    @property
    def ident(self) -> tuple[str, str]:
        return (self.graph, self.key)

    def side_persons(self, known: dict[str, str] | None = None) -> dict[str, set[str]]:
        """Side -> the persons of that side; ``known`` gives the side of a person this report
        knows no country of (another report of the same person knows it)."""
        out: dict[str, set[str]] = {}
        for actor, side in self.sides:
            if actor in self.persons and side == actor and known:
                side = known.get(actor, side)
            out.setdefault(side, set())
            if actor in self.persons:
                out[side].add(actor)
        return out


def _day(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Equal, a month and a day of it, or days one day apart; a year alone never.

    >>> dates_compatible("2031-03-05", "2031-03-06"), dates_compatible("2031-03", "2031-03-20")
    (True, True)
    >>> dates_compatible("2031-03-05", "2031-03-07"), dates_compatible("2031", "2031-03-05"), dates_compatible(None, None)
    (False, False, False)
    """
    if not a or not b or len(a) < 7 or len(b) < 7:
        return False
    if a == b:
        return True
    if len(a) != len(b):
        return a.startswith(b) or b.startswith(a)
    da, db = _day(a), _day(b)
    return da is not None and db is not None and abs((da - db).days) == 1


def undated_window(report: Report) -> list[datetime.date]:
    """The days an undated report can be: the ``UNDATED_DAYS`` days up to its article's
    publication, for the article's main held meeting; none for any other report."""
    published = _day(report.published or "")
    if report.date or published is None or not report.primary or report.status != "held":
        return []
    return [published - datetime.timedelta(days=n) for n in range(UNDATED_DAYS + 1)]


def report_dates_compatible(a: Report, b: Report) -> bool:
    """:func:`dates_compatible`, or one report undated and the other's day in its window."""
    if a.date and b.date:
        return dates_compatible(a.date, b.date)
    if a.date or b.date:
        undated, dated = (b, a) if a.date else (a, b)
        day = _day(dated.date or "")
        return day is not None and day in undated_window(undated)
    return False


def modes_compatible(a: str, b: str) -> bool:
    return a == b or (a in REMOTE and b in REMOTE)


def participants_compatible(a: Report, b: Report) -> bool:
    """The same sides; where both name persons of a side, a person in common. A person one
    report names without a country takes the side the other report gives the same person;
    a person the two reports give different countries makes them incompatible."""
    known: dict[str, str] = {}
    for r in (a, b):
        for actor, side in r.sides:
            if actor in r.persons and side != actor:
                if known.setdefault(actor, side) != side:
                    return False
    names = dict(a.names) | dict(b.names)
    _sides_by_family(a, b, known, names)
    sa, sb = _without_unplaced(a, b, known), _without_unplaced(b, a, known)
    if set(sa) != set(sb) or len(sa) < 2:
        return False
    return all(not sa[s] or not sb[s] or sa[s] & sb[s] or _families(sa[s], names) & _families(sb[s], names) for s in sa)


def _without_unplaced(r: Report, other: Report, known: dict[str, str]) -> dict[str, set[str]]:
    """The report's sides and their persons, leaving out the persons of no known country that
    only this report names, where two sides or more remain: an attendee the article lists
    without a post of a country ("the meeting was also attended by ... Lt Gen X") is no side
    of its own. A report with one known side keeps them (who met whom is then unknown)."""
    sides = r.side_persons(known)
    loose = {s for s in sides if s in r.persons and s not in other.participants}
    rest = {s: v for s, v in sides.items() if s not in loose}
    return rest if len(rest) >= 2 else sides


def _sides_by_family(a: Report, b: Report, known: dict[str, str], names: dict[str, str]) -> None:
    """A person one report gives no country ("President Mohamed Mohamud" in a paper of the
    host country) takes the side of the one person of the other report who has the same
    family name (not one many people share) and a side: "Hassan Mohamud, Somalia's
    President" beside him. The same person spelled apart, or named with another given name."""
    for r, other in ((a, b), (b, a)):
        for actor, side in r.sides:
            if actor not in r.persons or side != actor or actor in known:
                continue
            family = _families({actor}, names)
            if not family:
                continue
            sides = {known.get(o, s) for o, s in other.sides if o in other.persons and o != actor and known.get(o, s) != o and _families({o}, names) & family}
            if len(sides) == 1:
                known[actor] = sides.pop()


def _families(persons: set[str], names: dict[str, str]) -> set[str]:
    """The family names of a side's persons, but for those many people share (Kim, Wang): two
    reports of one day naming for one country a person of one family name ("Marco Rubio",
    "Mark Rubio") name one person, spelled apart."""
    from etl.extract.names import parse, shared_family_name

    out = set()
    for p in persons:
        family = parse(names.get(p, "")).family if names.get(p) else ""
        if family and not shared_family_name(family):
            out.add(family.lower())
    return out


def compatible(a: Report, b: Report) -> bool:
    """Whether two reports of different articles can be one meeting (see the module docstring)."""
    return (a.graph != b.graph and a.status == b.status and modes_compatible(a.mode, b.mode)
            and report_dates_compatible(a, b) and participants_compatible(a, b))


def clusters(reports: Iterable[Report]) -> list[list[Report]]:
    """The reports grouped into meetings: equal closed neighbourhoods under :func:`compatible`
    (all reports the rule could touch must be given). Each group sorted by key."""
    reports = sorted(set(reports), key=lambda r: r.ident)
    near = {r.ident: frozenset([r.ident] + [o.ident for o in reports if compatible(r, o)]) for r in reports}
    groups: dict[frozenset, list[Report]] = {}
    for r in reports:
        groups.setdefault(near[r.ident], []).append(r)
    return [sorted(g, key=lambda r: (r.key, r.graph)) for g in groups.values()]


KINDS = {"in-person": "Meeting", "phone": "Phone call", "video": "Video meeting"}


def _precise(dates: list[str]) -> str | None:
    """The most precise date; of two days one day apart, the earlier."""
    return min(dates, key=lambda d: (-len(d), d)) if dates else None


def canonical(cluster: list[Report]) -> Canon:
    """The meeting's key, label, date, mode and place, settled the same way whatever the order:
    the smallest report key; the most precise date (the earlier of two days); video where
    reports say phone and video; the place most reports give (a tie goes to the report first
    in key order); the
    persons of every report, and the countries or organizations for which no report names a
    person, in label order. A report alone keeps its own."""
    first = min(cluster, key=lambda r: (r.key, r.graph))
    if len(cluster) == 1:
        return Canon(first.key, first.label, first.date, first.mode, first.location, first.place_name)
    date = _precise([r.date for r in cluster if r.date])
    modes = {r.mode for r in cluster}
    mode = "video" if modes == {"phone", "video"} else first.mode
    places: dict[str, int] = {}
    for r in cluster:
        if r.location:
            places[r.location] = places.get(r.location, 0) + 1
    # the place most reports give; of places as many give, the one of the report first in
    # (key, article) order that gives one (the report whose key the meeting takes, if it does)
    order = sorted(cluster, key=lambda r: (r.key, r.graph))
    rank = {p: next(i for i, r in enumerate(order) if r.location == p) for p in places}
    location = min(places, key=lambda p: (-places[p], rank[p])) if places else None
    place_name = next((r.place_name for r in order if r.location == location), None)
    names: dict[str, str] = {}
    persons: set[str] = set()
    covered: set[str] = set()
    for r in cluster:
        names.update(dict(r.names))
        persons |= r.persons
        covered |= {side for actor, side in r.sides if actor in r.persons}
    others = {actor for r in cluster for actor, side in r.sides if actor not in r.persons and side not in covered}
    who = sorted(persons, key=lambda p: (names.get(p, p), p)) + sorted(others, key=lambda p: (names.get(p, p), p))
    people = [names.get(p, p.rsplit("/", 1)[-1]) for p in who]
    kind = KINDS[mode]
    if first.status == "planned":
        kind = "Planned " + kind.lower()
    text = ", ".join(people[:-1]) + " and " + people[-1] if len(people) > 1 else (people[0] if people else "unknown participants")
    label = f"{kind} of {text}" + (f", {date}" if date else "")
    return Canon(first.key, label, date, mode, location, place_name)


def _window(date: str) -> list[Literal]:
    """The stored dates a report of ``date`` can be compatible with."""
    out: list[Literal] = []
    day = _day(date)
    if day is not None:
        for d in (day - datetime.timedelta(days=1), day, day + datetime.timedelta(days=1)):
            out.append(Literal(d.isoformat(), datatype=XSD.date))
        out.append(Literal(date[:7], datatype=XSD.gYearMonth))
    elif len(date) == 7:
        year, month = int(date[:4]), int(date[5:])
        out.append(Literal(date, datatype=XSD.gYearMonth))
        for d in range(1, calendar.monthrange(year, month)[1] + 1):
            out.append(Literal(f"{date}-{d:02d}", datatype=XSD.date))
    return list(dict.fromkeys(out))


class EventView:
    """The store's meeting reports as meeting identity sees them during an ingest: the stored
    reports less those of graphs being written, plus the reports about to be written."""

    def __init__(self, store: Store, iris: Iris, read_graph, answers: Answers | None = None) -> None:  # type: ignore[no-untyped-def]
        self.store = store
        self.iris = iris
        self._read_graph = read_graph  # graph IRI -> its stored reports
        self.pending: dict[str, list[Report]] = {}
        self._near: dict[tuple[str, str], list[Report]] = {}
        # the store's answers, kept while no written graph holds their key (etl.answers)
        self.answers = answers if answers is not None else Answers()

    def graph_reports(self, graph: str) -> list[Report]:
        """The stored reports of one graph (cached)."""
        return self.answers.get("reports", graph, lambda: self._read_graph(graph))

    def add(self, graph: str, reports: list[Report]) -> None:
        """An article about to be written: its stored reports no longer count, these do."""
        self.pending[graph] = reports
        self._near.clear()

    def current(self, graph: str) -> list[Report]:
        return self.pending[graph] if graph in self.pending else self.graph_reports(graph)

    def candidates(self, report: Report) -> list[Report]:
        """The reports (stored and pending) whose date may be compatible with this one's and
        that have a participant of one of its sides or one of its persons."""
        graphs: set[str] = set()
        # by each side and each person: a person may stand for no country in one report
        keys = {s for _, s in report.sides} | set(report.persons)
        dates = _window(report.date) if report.date else [Literal(d.isoformat(), datatype=XSD.date) for d in undated_window(report)]
        for lit in dates if keys else []:
            graphs.update(g for g, side in self._sides(_BY_DATE, "d", lit) if side in keys)
        # undated main reports of articles published in the days after this report's day
        day = _day(report.date or "")
        for n in range(UNDATED_DAYS + 1) if day is not None and keys else []:
            published = Literal((day + datetime.timedelta(days=n)).isoformat(), datatype=XSD.date)
            graphs.update(g for g, side in self._sides(_UNDATED_BY_PUBLISHED, "pub", published) if side in keys)
        # article graphs only: a server may show its own union graph to GRAPH ?g (Virtuoso)
        graphs = {g for g in graphs if g.startswith(self.iris.article_graph_prefix)} | set(self.pending)
        out = []
        for g in sorted(graphs - {report.graph}):
            out.extend(self.current(g))
        return out

    def _sides(self, query: str, var: str, value: Literal) -> set[tuple[str, str]]:
        """(stored graph, side a participant may stand for) of one query, for one date. Every
        row is of a graph holding the date (as a report's date or an article's publication):
        the answer is kept graph by graph (``Answers.parts``), a written graph's part asked
        again (the pending graphs are counted apart)."""
        def sides(rows: Iterable[tuple]) -> set[str]:
            return {sys.intern(str(t)) for _, _, _, c, o in rows for t in (c, o) if isinstance(t, URIRef)}

        def ask() -> dict[str, set[str]]:
            if query is _UNDATED_BY_PUBLISHED:
                graphs = [g for g, _ in self.store.query_bound(_PUBLISHED, {var: value}).rows()]
                return {str(g): sides(self.store.query_bound(query, {var: value, "g": g}).rows()) for g in graphs}
            rows: dict[str, list] = {}
            for row in self.store.query_bound(query, {var: value}).rows():
                rows.setdefault(str(row[0]), []).append(row)
            return {g: sides(r) for g, r in rows.items()}

        def ask_graph(g: str) -> set[str]:
            return sides(self.store.query_bound(query, {var: value, "g": URIRef(g)}).rows())
        parts = self.answers.parts("undated" if query is _UNDATED_BY_PUBLISHED else "dated", str(value), ask, ask_graph)
        return {(g, side) for g, part in parts.items() for side in part}

    def near(self, report: Report) -> list[Report]:
        """The reports compatible with this one, now."""
        if report.ident not in self._near:
            self._near[report.ident] = [o for o in self.candidates(report) if compatible(report, o)]
        return self._near[report.ident]

    def cluster_of(self, report: Report) -> list[Report]:
        """The reports one meeting with this one, now (itself included)."""
        reach = {report.ident: report}
        for o in self.near(report):
            reach[o.ident] = o
            for p in self.near(o):
                reach.setdefault(p.ident, p)
        for group in clusters(reach.values()):
            if any(r.ident == report.ident for r in group):
                return group
        return [report]

    def canon(self, report: Report) -> Canon:
        return canonical(self.cluster_of(report))

    def canons(self, graph: str) -> dict[str, Canon]:
        """Report key -> the meeting the report belongs to now, for one graph's reports."""
        return {r.key: self.canon(r) for r in self.current(graph)}

    def affected(self, changed: Iterable[Report]) -> set[str]:
        """The stored graphs (not being written) whose meetings change: those with a report
        within two links (before or after the change) of a changed report whose stored meeting
        differs from what it is now."""
        touched: set[str] = set()
        for r in changed:
            for o in self.near(r):
                touched.add(o.graph)
                touched.update(p.graph for p in self.near(o))
        out = set()
        for g in sorted(touched - set(self.pending)):
            for r in self.graph_reports(g):
                if r.canon != self.canon(r):
                    out.add(g)
                    break
        return out
