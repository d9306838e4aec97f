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
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from rdflib import Literal, URIRef

from diplokg.iris import DKG, Iris
from diplokg.store.base import Store
from diplokg.iris import slug
from etl.answers import Answers
from etl.family_index import FamilyIndex
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
# Every stored article's record whose family name is one name: the name use's own family
# name, else its person's (as :data:`_USES_OF` gives ``?family``).
# Four branches, each with every pattern inside it: Oxigraph joins a pattern after a UNION, or
# an OPTIONAL nested with an unbound subject, over the whole store (2.95 s against 0.28 s for
# a common family name on a 15.8k-article store). Rows give either a use (``normal`` bound)
# or one post (``title`` bound); :func:`_records` joins them by (graph, person).
_FAMILY_RECORDS = _P + """
SELECT ?g ?person ?use ?normal ?how ?family ?title ?of ?country ?issued WHERE {
  GRAPH ?g {
    { ?use dkg:familyName ?family ; dkg:nameOf ?person ; dkg:normalForm ?normal ; dkg:identifiedBy ?how ; dkg:usedIn ?a .
      OPTIONAL { ?person dkg:country ?country } OPTIONAL { ?a dcterms:issued ?issued } }
    UNION
    { ?use dkg:familyName ?family ; dkg:nameOf ?person ; dkg:usedIn ?a .
      ?person dkg:holds ?r . ?r dkg:title ?title ; dkg:reportedIn ?a . OPTIONAL { ?r dkg:roleOf ?of } }
    UNION
    { ?person dkg:familyName ?family . ?use dkg:nameOf ?person ; dkg:normalForm ?normal ; dkg:identifiedBy ?how ; dkg:usedIn ?a .
      FILTER NOT EXISTS { ?use dkg:familyName ?other }
      OPTIONAL { ?person dkg:country ?country } OPTIONAL { ?a dcterms:issued ?issued } }
    UNION
    { ?person dkg:familyName ?family ; dkg:holds ?r . ?r dkg:title ?title ; dkg:reportedIn ?a .
      ?use dkg:nameOf ?person ; dkg:usedIn ?a . FILTER NOT EXISTS { ?use dkg:familyName ?other }
      OPTIONAL { ?r dkg:roleOf ?of } }
  }
}"""
_IN_GRAPH = _USES_OF.replace("SELECT ?person ?g ?use", "SELECT ?g ?person ?use")
_LABEL = _P + "SELECT ?person ?label WHERE { ?person rdfs:label ?label }"


@dataclass(slots=True)
class Record:
    """One person as one article gives them: what identity is decided on. Slotted: an ingest
    keeps one per person and profile (``etl.family_index``), so its size is the index's."""

    graph: str
    person: str  # the person's IRI in that article
    family: str
    normal: str
    how: str  # name | gazetteer | store | none
    posts: set[tuple[str, str | None]] = field(default_factory=set)  # (title, roleOf IRI)
    country: str | None = None
    date: str | None = None
    # the graphs of every stored article that gives this same record (``FamilyIndex``);
    # None for one article's record (its ``graph``). Never changed once made.
    graphs: frozenset[str] | set[str] | tuple[str, ...] | None = None
    # the parsed normal form and whether it is a short form, made on first use (``normal``
    # never changes once a record is made; ``replace`` makes them again)
    _parsed: object = field(default=None, init=False, repr=False, compare=False)
    _is_short: bool | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def where(self) -> frozenset[str] | set[str]:
        """The article graphs that give this record."""
        return self.graphs if self.graphs is not None else frozenset((self.graph,))

    def elsewhere(self, graph: str) -> bool:
        """Whether an article other than ``graph`` gives this record."""
        where = self.where
        return len(where) > 1 or (len(where) == 1 and graph not in where)

    def at(self, graph: str) -> "Record":
        """This record as the one article ``graph`` gives it."""
        return replace(self, graph=graph, graphs=None)

    @property
    def profile(self) -> tuple:
        """Everything identity decides on, the article aside: of the date, its year only
        (:func:`compatible` compares years), so one person's records of one post and year,
        article after article, are one profile."""
        return (self.person, self.family, self.normal, self.how, frozenset(self.posts), self.country, self.year)

    @property
    def year(self) -> str | None:
        """The year of the article's date, as :func:`compatible` reads it."""
        return self.date[:4] if self.date and self.date[:4].isdigit() else None

    @property
    def strong(self) -> bool:
        return self.how in STRONG

    @property
    def _name(self):  # type: ignore[no-untyped-def]
        if self._parsed is None:
            self._parsed = parse(self.normal)
        return self._parsed

    @property
    def full(self) -> bool:
        """Named in full (given and family name) in its article."""
        return self.how != "none" and self._name.full and (self.how != "store" or self.short)

    @property
    def short(self) -> bool:
        """Named in full with a short form of the given name ("Jim Carter")."""
        if self._is_short is None:
            self._is_short = self.how in ("name", "store") and self._name.full and is_short_form(self._name.given)
        return self._is_short

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


def _use_order(use: dict) -> tuple[str, ...]:
    return tuple(use[k] or "" for k in ("normal", "how", "country", "issued"))


def _records(rows: Iterable[tuple], order: tuple[str, ...]) -> list[Record]:
    """Records from rows of :data:`_USES_OF` or :data:`_FAMILY_RECORDS` (columns in
    ``order``), one per (graph, person). A row gives a use of the name (``normal`` bound), a
    post (``title`` bound) or both; of two uses of one person in one graph (or two countries),
    the least decides, whatever order the store gives the rows in."""
    uses: dict[tuple[str, str], dict] = {}
    posts: dict[tuple[str, str], set[tuple[str, str | None]]] = {}
    for row in rows:
        v = dict(zip(order, row))
        key = (str(v["g"]), str(v["person"]))
        if v["normal"] is not None:
            use = {k: (str(x) if x is not None else None) for k, x in v.items()}
            kept = uses.get(key)
            if kept is None or _use_order(use) < _use_order(kept):
                uses[key] = use
        if v["title"] is not None:
            posts.setdefault(key, set()).add((str(v["title"]), str(v["of"]) if v["of"] is not None else None))
    return [Record(key[0], key[1], u["family"] or "", u["normal"], _HOW.get(u["how"], "none"),
                   posts=posts.get(key, set()), country=u["country"], date=u["issued"])
            for key, u in uses.items()]


_COLUMNS = ("person", "g", "use", "normal", "how", "family", "title", "of", "country", "issued")


class View:
    """The store as identity sees it during an ingest: the stored articles less the graphs
    being replaced, plus the records of the articles about to be written."""

    def __init__(self, store: Store, iris: Iris, answers: Answers | None = None,
                 families: FamilyIndex | None = None) -> None:
        self.store = store
        self.iris = iris
        self.replaced: set[str] = set()
        self.pending: dict[str, list[Record]] = {}
        # what the store answers, kept while no written graph mentions its key (for the
        # view's life at least: the ingest step writes at its end; pending graphs count apart)
        self.answers = answers if answers is not None else Answers()
        # the stored records of each family name (etl.family_index), kept up to date by
        # the ingest's writes; the view's own when no ingest keeps one
        self.families = families if families is not None else FamilyIndex()

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

    _G = {_USES_OF: 1}  # where ?g is in each query's rows

    def _uses_of(self, person: str) -> list[Record]:
        """Every stored article's record of one person (graphs being replaced included)."""
        parts = self._by_graph("person", person, _USES_OF, {"person": URIRef(person)},
                               lambda rows: _records(rows, _COLUMNS))
        return [r for part in parts.values() for r in part]  # type: ignore[attr-defined]

    def _stored_family(self, family: str) -> Iterable[Record]:
        """One record per stored article and person with this family name."""
        return _records(self.store.query_bound(_FAMILY_RECORDS, {"family": Literal(family)}).rows(),
                        ("g", "person", "use") + _COLUMNS[3:])

    def family_records(self, family: str, formal: bool = True) -> list[Record]:
        """Every article's record of a person with this family name (records alike kept as
        one, with the set of graphs that give it): the stored ones, less the graphs being
        replaced, and the pending ones. ``formal=False``: only the records that are not
        candidates whatever else the store holds (:attr:`Record.formal`)."""
        found = []
        replaced = self.replaced
        for r in self.families.records(family, lambda: self._stored_family(family)):
            if not formal and r.formal:
                continue
            if any(g in r.graphs for g in replaced):
                graphs = set(r.graphs) - replaced
                if not graphs:
                    continue
                r = replace(r, graphs=graphs)
            found.append(r)
        key = token_key(family)
        return found + [r for r in self.pending_records() if token_key(r.family) == key and (formal or not r.formal)]

    def graph_records(self, graph: str) -> list[Record]:
        """The persons of one stored graph, as records (the answer kept)."""
        return self._cached("graph", graph, lambda: self.stored_records(graph))

    def stored_records(self, graph: str) -> list[Record]:
        """The persons of one stored graph, as records, asked of the store now (not kept:
        the ingest reads each graph it writes once, after the write)."""
        return _records(self.store.query_bound(_IN_GRAPH, {"g": URIRef(graph)}).rows(),
                        ("g", "person", "use") + _COLUMNS[3:])

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
    """The one person named with a formal given name whom a short form ("Jim") is
    (``short`` as one article gives it)."""
    if shared_family_name(short.family) or not short.posts:
        return None
    found = {f.person for f in recs if f.formal and f.elsewhere(short.graph) and compatible(short, f)}
    return found.pop() if len(found) == 1 else None


def _unresolved_short(s: Record, recs: list[Record], besides: str) -> bool:
    """Whether some article other than ``besides`` that gives the short-form record ``s``
    (kept for several articles) leaves it unresolved. A formal record given by one article
    only is no candidate in that article: those articles are asked one by one, the others
    all give one answer."""
    graphs = set(s.where) - {besides}
    alone = {next(iter(f.where)) for f in recs if f.formal and len(f.where) == 1} & graphs
    asked = sorted(alone) + sorted(graphs - alone)[:1]
    return any(resolve_short(s.at(g), recs) is None for g in asked)


def resolve_family(weak: Record, recs: list[Record], view: View) -> str | None:
    """The one person named in full elsewhere whom a family name alone is: a formal name,
    or a short form no formal name takes (``weak`` as one article gives it)."""
    if shared_family_name(weak.family) or not weak.posts:
        return None
    found = {f.person for f in recs if f.formal and f.elsewhere(weak.graph) and compatible(weak, f)}
    for s in recs:
        if s.short and s.elsewhere(weak.graph) and compatible(weak, s) and _unresolved_short(s, recs, weak.graph):
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
        # only records that are no candidate whatever the store holds can change (most
        # families have none): the family's other records are asked only for those
        loose = view.family_records(family, formal=False)
        movable = [(w, sorted(set(w.where) - view.pending.keys())) for w in loose]
        if not any(graphs for _, graphs in movable):
            continue
        recs = view.family_records(family)
        shorts = [r for r in loose if r.short]
        for w, graphs in movable:
            near = any(compatible(w, r) for r in changed) or any(compatible(w, s) and any(compatible(s, r) for r in changed) for s in shorts)
            if not near:
                continue
            now = w.person if w.how == "store" else None
            out.update(g for g in graphs if resolution(w.at(g), view, recs) != now)
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
