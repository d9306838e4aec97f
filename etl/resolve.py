"""Cross-article identity of persons: what the store decides, as a function of its articles.

Extraction already gives every person named in full a key of its own name (the same name is
one IRI in every article, ``etl.extract.people``); what one article cannot settle is left to
the store, under two rules:

- **A family name and a post** ("Foreign Minister Nishimori", no given name anywhere in the
  article, unknown to the officials table) is the person other articles name in full when
  exactly one such person is compatible: the same family name, a compatible post (of the
  same country or organization where both say) reported within :data:`YEARS_APART` years,
  the same country. Family names shared by too many people (Kim, Lee, Park, Wang:
  ``names.shared_family_name``) never resolve this way, nor does a family name without a
  post; two compatible people, or none, keep the article's own person (ambiguity keeps
  separate IRIs).
- **A short form of a given name** ("Jim Carter", Secretary of State) is the person other
  articles name with a formal form of it ("James N. Carter", Secretary of State) when exactly
  one such person is compatible, under the same post, country and time conditions; else it
  is a person of its own name. Only where that fails may a family name alone resolve to it.
- **One label per person**: where articles spell one person's full name differently ("Kim
  Min-jae", "Kim Min Jae"), every article labels the person with the preferred spelling of
  all of them (``names.preferred``); each spelling stays a written form.

Both depend only on the *set* of stored articles, never on the order they came in:
candidates are people named in full (or identified by the officials table), whose records
no store state changes, decided in two strata (short forms first, then family names alone,
both computed afresh from the records, never from what is stored as resolved); what an article says of each person is recorded in its
``dkg:NameUse`` nodes; and :func:`dependents` lists the stored articles whose persons a new
or replaced article changes, which the ingest re-derives in the same transaction.

Lookups go through the union graph, where a person named in full carries its family name
(``<person> dkg:familyName``) and a family-name-only use carries its own, so finding the
candidates of a name costs the number of people and uses with that family name, not the
number of articles. Names are bound as query variables, never pasted into query text.
"""

from __future__ import annotations

import copy
import functools
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from rdflib import Literal, URIRef

from diplokg.iris import DKG, Iris
from diplokg.store.base import Store
from diplokg.iris import slug
from etl.answers import Answers
from etl.extract.names import given_compatible, is_short_form, parse, preferred, shared_family_name, token_key
from etl.model import Actor, ArticleFacts

log = logging.getLogger(__name__)

YEARS_APART = 5
STRONG = ("name", "gazetteer")
_P = """PREFIX dkg: <https://w3id.org/diplokg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
_HOW = {DKG + "ByName": "name", DKG + "ByGazetteer": "gazetteer", DKG + "ByOtherArticle": "store", DKG + "Unidentified": "none"}
# Who carries a family name, graph by graph: persons named in full, and family-name-only uses.
_FAMILY = _P + "SELECT ?g ?family ?x WHERE { GRAPH ?g { ?x dkg:familyName ?family } }"
# What each article says of one person: its name use, posts, country and date.
_USES_OF = _P + """
SELECT ?person ?g ?use ?normal ?how ?family ?title ?of ?country ?issued WHERE {
  GRAPH ?g {
    ?use dkg:nameOf ?person ; dkg:normalForm ?normal ; dkg:identifiedBy ?how ; dkg:usedIn ?a .
    OPTIONAL { ?use dkg:familyName ?family }
    OPTIONAL { ?person dkg:familyName ?family }
    OPTIONAL { ?person dkg:holds ?r . ?r dkg:title ?title ; dkg:reportedIn ?a . OPTIONAL { ?r dkg:roleOf ?of } }
    OPTIONAL { ?person dkg:country ?country }
    OPTIONAL { ?a dcterms:issued ?issued }
  }
}"""
# What each article says of the name uses that carry one family name (family-name-only uses)
_FAMILY_USES = _P + """
SELECT ?use ?g ?person ?normal ?how ?family ?title ?of ?country ?issued WHERE {
  GRAPH ?g {
    ?use dkg:familyName ?family ; dkg:nameOf ?person ; dkg:normalForm ?normal ; dkg:identifiedBy ?how ; dkg:usedIn ?a .
    OPTIONAL { ?person dkg:holds ?r . ?r dkg:title ?title ; dkg:reportedIn ?a . OPTIONAL { ?r dkg:roleOf ?of } }
    OPTIONAL { ?person dkg:country ?country }
    OPTIONAL { ?a dcterms:issued ?issued }
  }
}"""
_IN_GRAPH = _USES_OF.replace("SELECT ?person ?g ?use", "SELECT ?g ?person ?use")
_LABEL = _P + "SELECT ?person ?label WHERE { ?person rdfs:label ?label }"


@dataclass
class Record:
    """One person as one article gives them: what identity is decided on."""

    graph: str
    person: str  # the person's IRI in that article
    family: str
    normal: str
    how: str  # name | gazetteer | store | none
    posts: set[tuple[str, str | None]] = field(default_factory=set)  # (title, roleOf IRI)
    country: str | None = None
    date: str | None = None

    @property
    def strong(self) -> bool:
        return self.how in STRONG

    @functools.cached_property
    def _name(self):  # the parsed normal form (``normal`` never changes once a record is made)
        return parse(self.normal)

    @property
    def full(self) -> bool:
        """Named in full (given and family name) in its article."""
        return self.how != "none" and self._name.full and (self.how != "store" or self.short)

    @functools.cached_property
    def short(self) -> bool:
        """Named in full with a short form of the given name ("Jim Carter")."""
        return self.how in ("name", "store") and self._name.full and is_short_form(self._name.given)

    @property
    def formal(self) -> bool:
        """A candidate whatever else the store holds: named in full, not by a short form, or
        identified by the officials table."""
        return self.how == "gazetteer" or (self.how == "name" and not self.short)


def _title_words(title: str) -> set[str]:
    return {w for w in title.lower().replace("-", " ").split() if w not in ("former", "the", "of", "for")}


def _posts_compatible(a: set[tuple[str, str | None]], b: set[tuple[str, str | None]]) -> bool:
    """Some post of each is one post: titles whose words contain each other's, of the same
    country or organization where both say."""
    for ta, oa in a:
        wa = _title_words(ta)
        for tb, ob in b:
            wb = _title_words(tb)
            if wa and wb and (wa <= wb or wb <= wa) and (oa is None or ob is None or oa == ob):
                return True
    return False


def _years_apart(a: str | None, b: str | None) -> int:
    if not a or not b or not a[:4].isdigit() or not b[:4].isdigit():
        return 0
    return abs(int(a[:4]) - int(b[:4]))


def compatible(weak: Record, strong: Record) -> bool:
    """Whether a family-name-only person can be the person another article names in full."""
    if token_key(weak.family) != token_key(strong.family) or shared_family_name(weak.family):
        return False
    if not weak.posts or not _posts_compatible(weak.posts, strong.posts):
        return False
    if weak.country and strong.country and weak.country != strong.country:
        return False
    if _years_apart(weak.date, strong.date) > YEARS_APART:
        return False
    return given_compatible(parse(weak.normal).given, parse(strong.normal).given)


def _records(rows: Iterable[tuple], order: tuple[str, ...]) -> list[Record]:
    """Records from rows of :data:`_USES_OF` (columns in ``order``), one per (graph, person)."""
    out: dict[tuple[str, str], Record] = {}
    for row in rows:
        v = dict(zip(order, row))
        key = (str(v["g"]), str(v["person"]))
        rec = out.get(key)
        if rec is None:
            rec = out[key] = Record(key[0], key[1], str(v["family"] or ""), str(v["normal"]), _HOW.get(str(v["how"]), "none"),
                                    country=str(v["country"]) if v["country"] is not None else None,
                                    date=str(v["issued"]) if v["issued"] is not None else None)
        if v["title"] is not None:
            rec.posts.add((str(v["title"]), str(v["of"]) if v["of"] is not None else None))
    return list(out.values())


_COLUMNS = ("person", "g", "use", "normal", "how", "family", "title", "of", "country", "issued")


class View:
    """The store as identity sees it during an ingest: the stored articles less the graphs
    being replaced, plus the records of the articles about to be written."""

    def __init__(self, store: Store, iris: Iris, answers: Answers | None = None) -> None:
        self.store = store
        self.iris = iris
        self.replaced: set[str] = set()
        self.pending: dict[str, list[Record]] = {}
        # what the store answers, kept while no written graph mentions its key (for the
        # view's life at least: the ingest step writes at its end; pending graphs count apart)
        self.answers = answers if answers is not None else Answers()

    def _cached(self, kind: str, key: str, ask):  # type: ignore[no-untyped-def]
        return self.answers.get(kind, key, ask)

    def add(self, graph: str, records: list[Record]) -> None:
        """An article about to be written: its stored graph no longer counts, these records do."""
        self.replaced.add(graph)
        self.pending[graph] = records

    def pending_records(self) -> Iterable[Record]:
        for recs in self.pending.values():
            yield from recs

    def _by_graph(self, kind: str, key: str, query: str, bindings: dict, build) -> dict[str, object]:  # type: ignore[no-untyped-def]
        """An answer that grows with the store, kept graph by graph (``Answers.parts``): the
        query's rows (``?g`` projected, the pattern inside ``GRAPH ?g``) of each article graph,
        ``build`` making one graph's part of its rows."""
        prefix = self.iris.article_graph_prefix

        def ask() -> dict[str, object]:
            rows: dict[str, list] = {}
            for row in self.store.query_bound(query, bindings).rows():
                g = str(row[self._G[query]])
                if g.startswith(prefix):  # a server may show its own union graph to GRAPH ?g
                    rows.setdefault(g, []).append(row)
            return {g: build(r) for g, r in rows.items()}

        def ask_graph(g: str) -> object:
            return build(list(self.store.query_bound(query, {**bindings, "g": URIRef(g)}).rows()))
        return self.answers.parts(kind, key, ask, ask_graph)

    _G = {_FAMILY: 0, _USES_OF: 1, _FAMILY_USES: 1}  # where ?g is in each query's rows

    def family(self, family: str) -> tuple[set[str], set[str]]:
        """(persons named in full, family-name-only uses) with this family name in the union."""
        parts = self._by_graph("family", family, _FAMILY, {"family": Literal(family)},
                               lambda rows: {str(x) for _, _, x in rows})
        actors = self.iris.instance("actor", "")
        persons, uses = set(), set()
        for part in parts.values():
            for x in part:  # type: ignore[attr-defined]
                (persons if x.startswith(actors) else uses).add(x)
        return persons, uses

    def _uses_of(self, person: str) -> list[Record]:
        """Every stored article's record of one person (graphs being replaced included)."""
        parts = self._by_graph("person", person, _USES_OF, {"person": URIRef(person)},
                               lambda rows: _records(rows, _COLUMNS))
        return [r for part in parts.values() for r in part]  # type: ignore[attr-defined]

    def _family_uses(self, family: str) -> list[Record]:
        """Every stored article's record of its family-name-only uses of one family name."""
        parts = self._by_graph("family uses", family, _FAMILY_USES, {"family": Literal(family)},
                               lambda rows: _records(rows, ("use", "g", "person") + _COLUMNS[3:]))
        return [r for part in parts.values() for r in part]  # type: ignore[attr-defined]

    def family_records(self, family: str) -> list[Record]:
        """Every article's record of every person with this family name: the people named
        in full (with the records of the articles resolved to them) and the family-name-only
        uses, stored (not being replaced) and pending."""
        persons, _ = self.family(family)
        out: dict[tuple[str, str], Record] = {}
        for person in sorted(persons):
            for r in self._uses_of(person):
                out.setdefault((r.graph, r.person), r)
        for r in self._family_uses(family):
            out.setdefault((r.graph, r.person), r)
        found = [r for r in out.values() if r.graph not in self.replaced and token_key(r.family) == token_key(family)]
        return found + [r for r in self.pending_records() if token_key(r.family) == token_key(family)]

    def graph_records(self, graph: str) -> list[Record]:
        """The persons of one stored graph, as records."""
        return self._cached("graph", graph, lambda: _records(
            self.store.query_bound(_IN_GRAPH, {"g": URIRef(graph)}).rows(), ("g", "person", "use") + _COLUMNS[3:]))

    def label(self, person: str) -> set[str]:
        """The labels the union gives a person (one, unless articles disagree)."""
        return set(self._cached("label", person, lambda: {
            str(label) for _, label in self.store.query_bound(_LABEL, {"person": URIRef(person)}).rows()}))

    def normals(self, person: str) -> set[str]:
        """Every spelling the articles that name a person in full give (stored and pending)."""
        forms = {r.normal for r in self._uses_of(person) if r.strong and r.graph not in self.replaced}
        return forms | {r.normal for r in self.pending_records() if r.strong and r.person == person}

    def labelled_in(self, person: str) -> dict[str, str]:
        """The label each stored graph (not being replaced) gives a person."""
        graphs = {r.graph for r in self._uses_of(person)} - self.replaced
        labels: dict[str, str] = {}
        for g in sorted(graphs):
            q = _P + "SELECT ?g ?person ?label WHERE { GRAPH ?g { ?person rdfs:label ?label } }"
            for _, _, label in self.store.query_bound(q, {"g": URIRef(g), "person": URIRef(person)}).rows():
                labels[g] = str(label)
        return labels


def records(facts: ArticleFacts, iris: Iris) -> list[Record]:
    """The article's persons as identity records, with the keys extraction gave them."""
    graph = iris.article_graph(facts.article.id)
    out = []
    for a in facts.actors:
        if a.kind != "Person" or not a.family:
            continue
        posts = {(r.title, iris.instance("actor", r.of) if r.of else None) for r in a.roles}
        # the date the store keeps: a full date only (as dcterms:issued)
        date = facts.article.published if facts.article.published and len(facts.article.published) == 10 else None
        out.append(Record(graph, iris.instance("actor", a.key), a.family, a.normal or a.name, a.identified, posts,
                          iris.instance("actor", a.country) if a.country else None, date))
    return out


def _own(r: Record, view: View) -> str:
    """The IRI a person named in full has when nothing resolves it: its own name's."""
    return view.iris.instance("actor", slug(r.normal))


def resolve_short(short: Record, recs: list[Record]) -> str | None:
    """The one person named with a formal given name whom a short form ("Jim") is."""
    if shared_family_name(short.family) or not short.posts:
        return None
    found = {f.person for f in recs if f.formal and f.graph != short.graph and compatible(short, f)}
    return found.pop() if len(found) == 1 else None


def resolve_family(weak: Record, recs: list[Record], view: View) -> str | None:
    """The one person named in full elsewhere whom a family name alone is: a formal name,
    or a short form no formal name takes."""
    if shared_family_name(weak.family) or not weak.posts:
        return None
    found = {f.person for f in recs if f.formal and f.graph != weak.graph and compatible(weak, f)}
    for s in recs:
        if s.short and s.graph != weak.graph and compatible(weak, s) and resolve_short(s, recs) is None:
            found.add(_own(s, view))
    return found.pop() if len(found) == 1 else None


def resolution(r: Record, view: View, recs: list[Record] | None = None) -> str | None:
    """Whom the store makes of a record: None where the article's own IRI stands."""
    if r.formal:
        return None
    recs = view.family_records(r.family) if recs is None else recs
    if r.short:
        return resolve_short(r, recs)
    if not r.full:
        return resolve_family(r, recs, view)
    return None


def label_of(person: str, own: str | None, view: View, old: set[str] = frozenset()) -> str:  # type: ignore[assignment]
    """The label of a person named in full: the preferred spelling over every article.

    Fast path: when this article's spelling is the label the union already has and it drops
    no spelling of its own (``old``), nothing changes."""
    stored = view.label(person)
    pending = {r.normal for r in view.pending_records() if r.strong and r.person == person}
    if own is not None and stored == {own} and old <= {own} and pending <= {own}:
        return own
    forms = view.normals(person)
    return preferred(forms) if forms else (own or min(stored))


def resolve(facts: ArticleFacts, view: View | Store, iris: Iris, old: list[Record] | None = None) -> ArticleFacts:
    """The article's persons as the store decides them (see the module docstring).

    ``view`` is a :class:`View` that already holds this article's records, or a store (a view
    of it is made). ``old`` are the article's stored records, if it is being replaced."""
    if not isinstance(view, View):
        view = View(view, iris)
        view.add(iris.article_graph(facts.article.id), records(facts, iris))
    old_normals: dict[str, set[str]] = {}
    for r in old or []:
        if r.strong:
            old_normals.setdefault(r.person, set()).add(r.normal)
    own = {r.person: r for r in records(facts, iris)}
    prefix = iris.instance("actor", "")
    renamed: dict[str, str] = {}
    changed: dict[str, Actor] = {}
    for actor in facts.actors:
        iri = iris.instance("actor", actor.key)
        rec = own.get(iri)
        if actor.kind != "Person" or rec is None:
            continue
        if actor.identified == "none" or rec.short:
            target = resolution(rec, view)
            if target is None or not target.startswith(prefix) or target == iri:
                if rec.short:
                    label = label_of(iri, rec.normal, view, old_normals.get(iri, set()))
                    if label != actor.name:
                        changed[actor.key] = replace(copy.deepcopy(actor), name=label)
                continue
            new = copy.deepcopy(actor)
            new.key = target[len(prefix):]
            new.identified = "store"
            new.name = label_of(target, None, view)
            renamed[actor.key] = new.key
            changed[actor.key] = new
            log.debug("%s: %r resolved to %s", facts.article.id, actor.name, target)
        elif actor.identified == "name":
            label = label_of(iri, rec.normal, view, old_normals.get(iri, set()))
            if label != actor.name:
                new = copy.deepcopy(actor)
                new.name = label
                changed[actor.key] = new
    if not changed:
        return facts
    actors: dict[str, Actor] = {}
    for actor in facts.actors:
        a = changed.get(actor.key, actor)
        if a.key in actors:  # two persons of the article are one stored person
            _merge(actors[a.key], a)
        else:
            actors[a.key] = a
    for a in changed.values():
        a.aliases = [f for f in dict.fromkeys(a.forms + a.aliases) if f != a.name]
    return _rekeyed(facts, list(actors.values()), renamed)


def dependents(view: View, graph: str, old: list[Record], new: list[Record]) -> set[str]:
    """The stored article graphs whose persons change when ``graph`` holds the records ``new``
    instead of ``old``. ``view`` must already hold the new records (:meth:`View.add`).

    A family-name-only person elsewhere can change only if a changed record is compatible
    with it; a label only if a spelling appears or goes."""
    changed = [r for r in old + new if r.full or r.how == "gazetteer"]
    out: set[str] = set()
    for family in sorted({r.family for r in changed if r.family}):
        if shared_family_name(family):
            continue
        recs = view.family_records(family)
        movable = [r for r in recs if not r.formal and r.graph not in view.pending]
        shorts = [r for r in recs if r.short]
        for w in movable:
            near = any(compatible(w, r) for r in changed) or any(compatible(w, s) and any(compatible(s, r) for r in changed) for s in shorts)
            if not near:
                continue
            now = w.person if w.how == "store" else None
            if resolution(w, view, recs) != now:
                out.add(w.graph)
    old_normals: dict[str, set[str]] = {}
    for r in old:
        if r.how == "name":
            old_normals.setdefault(r.person, set()).add(r.normal)
    new_normals = {r.person: r.normal for r in new if r.how == "name"}
    for person in sorted(set(old_normals) | set(new_normals)):
        own = new_normals.get(person)
        stored = view.label(person)
        pending = {r.normal for r in view.pending_records() if r.strong and r.person == person}
        if own is not None and stored <= {own} and old_normals.get(person, set()) <= {own} and pending <= {own}:
            continue  # nothing appears or goes
        label = label_of(person, own, view, old_normals.get(person, set()))
        out.update(g for g, stored_label in view.labelled_in(person).items() if stored_label != label)
    out.discard(graph)
    return out


def _merge(target: Actor, other: Actor) -> None:
    target.forms = list(dict.fromkeys(target.forms + other.forms))
    target.aliases = list(dict.fromkeys(target.aliases + other.aliases + [other.name]))
    target.roles = target.roles + [r for r in other.roles if r not in target.roles]
    target.mentions += other.mentions
    target.country = target.country or other.country


def _rekeyed(facts: ArticleFacts, actors: list[Actor], renamed: dict[str, str]) -> ArticleFacts:
    def key(k: str | None) -> str | None:
        return None if k is None else renamed.get(k, k)

    meetings = [replace(m, participants=list(dict.fromkeys(key(p) for p in m.participants)))
                for m in facts.meetings]
    statements = [replace(s, speaker=key(s.speaker)) for s in facts.statements]
    return replace(facts, actors=actors, meetings=meetings, statements=statements)
