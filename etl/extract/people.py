"""The people of one article: name spans grouped into persons, each under one normal form.

``group_people(index, candidates, officials, article_id)`` adds the article's persons to
the actor index with a mention per name span. Within the article:

- the family name's place in each written form is taken from the officials table ("Abe
  Shinzo" is an alias of Shinzo Abe), from capitals ("KISHIDA Fumio"), from the article's
  other forms (a family name used alone: "Hayashi Yoshimasa" beside "Foreign Minister
  Hayashi") or from the family-name data (``names.parse``);
- full names that can be one person are one ("KISHIDA Fumio" and "Fumio Kishida", "Kim
  Kiwoong" and "Kim Ki-woong", "Antony J. Blinken" and "Antony Blinken"); differing middle
  initials or suffixes keep two people apart (George H. W. / George W. Bush, Ferdinand
  Marcos / Ferdinand Marcos Jr.);
- a family name alone ("Kishida", "Secretary Blinken", "Mr Abe") is the person of the
  article with that family name (the one named last before it when there are several);
  where the article names nobody in full with it but a title or honorific introduces it
  ("Foreign Minister Nishimori", "former Prime Ministers Turnbull, Abbott and Howard"), it
  is a person of its own, known by the family name only, keyed to this article;
- a name in a headline counts only when the body names the same person;
- the label is the officials table's name where the table knows the person, else the
  preferred spelling of the article's full forms (``names.preferred``); the key is the
  slug of the label, so the same person named in full gets the same IRI in every article.

``identify_by_post(index, officials, date)`` runs after the posts are found: a person known
by the family name only whose post, country and date match exactly one official becomes
that official ("Secretary Blinken" in 2022 is Antony Blinken).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Span

from diplokg.iris import slug
from etl.extract.mentions import ActorIndex, ActorMention
from etl.extract.names import (FAMILY_FIRST, Name, culture, looks_japanese, parse, person_key, preferred,
                               same_person, strip_honorifics, token_key)
from etl.extract.officials import Official, Officials
from etl.extract.person_spans import Candidate
from etl.model import Actor, RoleFact


@dataclass
class _Person:
    name: Name
    spans: list[Span] = field(default_factory=list)
    full: list[Name] = field(default_factory=list)  # every full-name form, parsed
    forms: list[str] = field(default_factory=list)
    weak: bool = False
    bare: bool = False  # a family name alone, never with a title

    def tokens(self) -> set[str]:
        out: set[str] = set()
        for n in self.full or [self.name]:
            out.update(token_key(t) for t in (n.given.split() + n.family.split()) if t)
        return out


def _tokens(text: str) -> list[str]:
    """A name's words; a part printed with a stray space after its hyphen ("Al- Jaber") is one."""
    out: list[str] = []
    for t in strip_honorifics(text).split():
        if t == "-":
            continue
        if out and len(out[-1]) > 1 and out[-1].endswith("-"):
            out[-1] += t
        else:
            out.append(t)
    return out


def _family_at(tokens: list[str], alone: set[str], officials: Officials) -> str | None:
    """Where the family name stands in a written form, when something says so."""
    letters = ["".join(c for c in t if c.isalpha()) for t in tokens]
    caps = [len(t) >= 2 and t.isupper() for t in letters]
    if any(caps) and not all(caps):
        return None  # capitals decide (names.parse)
    known = officials.family_of(tokens)
    if known is not None:
        return known
    first, last = token_key(tokens[0]), token_key(tokens[-1])
    if culture(tokens[0]) in FAMILY_FIRST:
        return None
    # a family name used alone comes first only in names that can be written so (Japanese)
    if first in alone and last not in alone and len(tokens) == 2 and looks_japanese(tokens[0]) and looks_japanese(tokens[1]):
        return "first"
    if last in alone:
        return "last"
    return None


def group_people(index: ActorIndex, candidates: list[Candidate], officials: Officials, article_id: str,
                 extra: list[Span] | None = None) -> set[str]:
    """Add the article's persons and their mentions to ``index`` (see the module docstring).

    ``extra`` are single tokens repeating a name part that the model labelled otherwise;
    they are mentions of a person the article names, never new persons. Returns the keys of
    family names that stand alone with no title ("ensuring Putin fails"): persons only if
    the officials table has them in office (:func:`identify_by_post`)."""
    body = [c for c in candidates if not c.headline]
    heads = [c for c in candidates if c.headline]
    alone = {token_key(c.text) for c in candidates if len(_tokens(c.text)) == 1}
    persons: list[_Person] = []
    mention_of: dict[int, _Person] = {}  # span start -> person
    spans: dict[int, Span] = {}

    def parsed(c: Candidate) -> Name:
        toks = _tokens(c.text)
        return parse(" ".join(toks), family_at=_family_at(toks, alone, officials) if len(toks) > 1 else None)

    def attach(p: _Person, c: Candidate | Span, name: Name | None) -> None:
        span = c.span if isinstance(c, Candidate) else c
        p.spans.append(span)
        spans[span.start] = span
        mention_of[span.start] = p
        text = " ".join((c.text if isinstance(c, Candidate) else span.text).split())
        if text not in p.forms:
            p.forms.append(text)
        if name is not None and name.full:
            p.full.append(name)

    def full_match(name: Name, toks: list[str]) -> tuple[_Person | None, bool]:
        """The person a full name is (and True), or the person it is a shorter form of."""
        for p in persons:
            if not p.weak and any(same_person(name, n) for n in p.full):
                return p, True
        keys = {token_key(t) for t in toks}
        for p in persons:
            if not p.weak and keys < p.tokens():
                return p, False
        return None, False

    def partial_match(text: str, at: int) -> _Person | None:
        keys = [token_key(t) for t in _tokens(text)]
        key = "".join(keys)
        by_family = [p for p in persons if p.name.family and p.name.family_key() == key]
        pool = by_family or [p for p in persons if not p.weak and set(keys) <= p.tokens()]
        if not pool:
            return None
        if len(pool) == 1:
            return pool[0]
        # a short form already used for one of them stays that person's ("Mr Lee" for the
        # prime minister, after "his father, Lee Kuan Yew" too): a second bearer of the name
        # is named in full
        short = [mention_of[s] for s in sorted(mention_of) if s < at and mention_of[s] in pool
                 and [token_key(t) for t in _tokens(spans[s].text)] == keys]
        if short:
            return short[-1]
        before = [mention_of[s] for s in sorted(mention_of) if s < at and mention_of[s] in pool]
        return before[-1] if before else pool[0]

    # 1. full names, longest first (a longer form decides the person of its shorter forms);
    # a headline's full name joins them if it is the body's person or a title introduces it
    # ("Senator the Hon Rebecca Thornton" above a release, a "[Reference]" list's lines)
    multi = [c for c in body if len(_tokens(c.text)) > 1]
    for c in sorted(multi, key=lambda c: (-len(_tokens(c.text)), c.span.start)):
        name = parsed(c)
        if not name.full:
            continue
        p, same = full_match(name, _tokens(c.text))
        if p is None:
            p, same = _Person(name), True
            persons.append(p)
        attach(p, c, name if same else None)
    for c in sorted(heads, key=lambda c: c.span.start):
        toks = _tokens(c.text)
        name = parsed(c) if len(toks) > 1 else None
        if name is None or not name.full:
            continue
        p, same = full_match(name, toks)
        if p is None:
            # "President Gotabaya Rajapakse meets ..." over the body's "Gotabaya Rajapaksa": the
            # headline's spelling of the one body person of that given name and a family name
            # one letter apart
            variants = [q for q in persons if not q.weak and any(_spelling_variant(name, n) for n in q.full)]
            p, same = (variants[0], False) if len(variants) == 1 else (None, False)
        if p is None and c.introduced:
            p, same = _Person(name), True
            persons.append(p)
        if p is not None:
            attach(p, c, name if same else None)
    # 2. family names alone (and full forms that turned out partial), in text order
    rest = [c for c in body if c.span.start not in mention_of]
    weak: dict[str, _Person] = {}
    for c in sorted(rest, key=lambda c: c.span.start):
        p = partial_match(c.text, c.span.start)
        bare = p is None and not c.introduced and len(_tokens(c.text)) == 1 and _model_person(c.span)
        if p is None and (c.introduced or bare) and len(_tokens(c.text)) <= 3:
            family = parse(" ".join(_tokens(c.text))).family if len(_tokens(c.text)) == 1 else " ".join(_tokens(c.text))
            fkey = token_key(family)
            p = weak.get(fkey)
            if p is None:
                p = weak[fkey] = _Person(Name(family=family), weak=True, bare=bare)
                persons.append(p)
            elif c.introduced:
                p.bare = False
        if p is not None:
            attach(p, c, None)
    # 3. a headline's family names: only people the body names ("Minister Visits ..." is nobody),
    # by name or by the headline's title alone ("Secretary Doe's Call with ..." over "The
    # Secretary spoke ...": a readout names its principal in full only in the headline)
    for c in sorted(heads, key=lambda c: c.span.start):
        if c.span.start in mention_of:
            continue
        p = partial_match(c.text, c.span.start)
        if p is None and c.introduced and len(_tokens(c.text)) == 1 and _bare_title_in_body(c.span, body):
            family = parse(_tokens(c.text)[0]).family
            p = weak.get(token_key(family))
            if p is None:
                p = weak[token_key(family)] = _Person(Name(family=family), weak=True)
                persons.append(p)
        if p is not None:
            attach(p, c, None)
    # 4. name parts the model labelled otherwise
    for span in extra or []:
        if span.start in mention_of:
            continue
        p = partial_match(span.text, span.start)
        if p is not None and not p.weak:
            attach(p, span, None)

    # keys, labels, actors
    by_key: dict[str, tuple[Actor, _Person]] = {}
    order = sorted(persons, key=lambda p: min(s.start for s in p.spans))
    for p in order:
        actor = _actor(p, officials, article_id)
        if actor.key in by_key:  # two spellings the table knows as one official
            other, q = by_key[actor.key]
            other.forms = list(dict.fromkeys(other.forms + actor.forms))
            for s in p.spans:
                mention_of[s.start] = q
            q.spans += p.spans
            continue
        by_key[actor.key] = (actor, p)
    key_of = {id(p): a.key for a, p in by_key.values()}
    for actor, p in by_key.values():
        actor.aliases = [f for f in actor.forms if f != actor.name]
        index.actors[actor.key] = actor
    for start in sorted(mention_of):
        p = mention_of[start]
        key = key_of.get(id(p))
        if key is None:
            continue
        span = spans[start]
        via = "name" if len(_tokens(span.text)) > 1 and not p.weak else "partial"
        index.mentions.append(ActorMention(span, key, "Person", via))
    return {a.key for a, p in by_key.values() if p.bare}


def _spelling_variant(a: Name, b: Name) -> bool:
    """Two full names with the same given name whose family names (five letters or more) differ
    in one letter only: one person spelled two ways ("Rajapakse", "Rajapaksa")."""
    if not (a.full and b.full) or token_key(a.given) != token_key(b.given):
        return False
    x, y = token_key(a.family), token_key(b.family)
    if x == y or len(x) != len(y) or len(x) < 5:
        return False
    return sum(1 for i, j in zip(x, y) if i != j) == 1


def _bare_title_in_body(span: Span, body: list[Candidate]) -> bool:
    """The title word before a headline's family name ("Secretary Doe's ...") stands in the
    body as a bare title ("The Secretary spoke ..."), and the body names no one with it."""
    doc = span.doc
    if span.start == 0:
        return False
    title = doc[span.start - 1]
    if not title.text[:1].isupper() or not title.is_alpha:
        return False
    line_end = doc.text.find("\n", span.start_char)
    if line_end < 0:
        return False
    rest = doc.char_span(line_end, len(doc.text), alignment_mode="expand")
    if rest is None:
        return False
    bare = any(t.lower_ == title.lower_ and t.i > 0 and doc[t.i - 1].lower_ == "the"
               and not (t.i + 1 < len(doc) and doc[t.i + 1].text[:1].isupper() and doc[t.i + 1].is_alpha) for t in rest)
    named = any(c.span.start > 0 and doc[c.span.start - 1].lower_ == title.lower_ for c in body)
    return bare and not named


def _model_person(span: Span) -> bool:
    """The language model labels the word a person."""
    return all(t.ent_type_ == "PERSON" for t in span)


def _actor(p: _Person, officials: Officials, article_id: str) -> Actor:
    """The actor of a grouped person: key and label from the officials table or its forms."""
    if p.weak:
        family = p.name.family
        key = person_key(family, family, article_id, False)
        return Actor(key=key, kind="Person", name=family, forms=list(p.forms), normal=family, family=family, identified="none")
    matches: dict[str, Official] = {}
    for n in p.full:
        for off in officials.by_name(n):
            matches[off.name] = off
    labels = [n.label() for n in p.full]
    if len(matches) == 1:
        [off] = matches.values()
        family = off.names[0].family or p.name.family
        return Actor(key=off.key, kind="Person", name=off.name, forms=list(p.forms), normal=off.name,
                     family=family, wikidata=off.wikidata, identified="name")
    label = preferred(labels)
    family = next((n.family for n in p.full if n.label() == label), p.name.family)
    return Actor(key=slug(label), kind="Person", name=label, forms=list(p.forms), normal=label, family=family, identified="name")


def identify_by_post(index: ActorIndex, officials: Officials, date: str | None, bare: set[str] = frozenset(),  # type: ignore[assignment]
                     add_country: Callable[[str], str | None] | None = None) -> None:
    """Persons known by a family name only whose post, country and date fit exactly one
    official become that official (key, label, Wikidata ID). A family name that stood alone
    with no title (``bare``) is a person only if exactly one official of that name was in
    office at the article's date; otherwise it is dropped. ``add_country`` adds the country
    of an ISO code to the article's actors and returns its key (for the official's country)."""
    for actor in list(index.actors.values()):
        if actor.kind != "Person" or not actor.family:
            continue
        found: dict[str, Official] = {}
        if actor.identified == "name":
            # a full name the table knows but for a suffix or initials: the post and date decide
            if actor.wikidata or officials.key_known(actor.key) or not actor.roles:
                continue
            name = parse(actor.normal or actor.name)
            for role in actor.roles:
                title = "former " + role.title if _former(index, role) else role.title
                for off in officials.by_name_and_post(name, title, _iso2(index, role.of), date):
                    found[off.name] = off
            # never onto another person of the article: its suffix or initials told them apart
            if len(found) == 1 and next(iter(found.values())).key not in index.actors:
                _become(index, actor, next(iter(found.values())), "name", add_country)
            continue
        if actor.identified != "none":
            continue
        if actor.key in bare and not actor.roles:
            found = {off.name: off for off in officials.in_office(actor.family, date or "")}
            if len(found) != 1:
                drop(index, actor.key)
                continue
        for role in actor.roles:
            for off in officials.by_post(actor.family, role.title, _iso2(index, role.of), date):
                found[off.name] = off
        if len(found) == 1:
            _become(index, actor, next(iter(found.values())), "gazetteer", add_country)


def _former(index: ActorIndex, role: RoleFact) -> bool:
    """The post is a past one: "former President X", "the late President X"."""
    before = index.text[max(0, role.evidence.start - 12):role.evidence.start].lower()
    words = role.evidence.text.lower().split() + before.split()[-2:]
    return any(w in ("former", "late", "ex", "then") for w in words)


def _iso2(index: ActorIndex, key: str | None) -> str | None:
    actor = index.actors.get(key) if key else None
    return actor.iso2 if actor is not None and actor.iso2 else None


def _become(index: ActorIndex, actor: Actor, off: Official, identified: str,
            add_country: Callable[[str], str | None] | None) -> None:
    """The article's person is this official: key, label, Wikidata ID, country."""
    rekey(index, actor.key, off.key)
    target = index.actors[off.key]
    target.name = target.normal = off.name
    target.family = off.names[0].family or actor.family
    target.wikidata = target.wikidata or off.wikidata
    if target is actor:
        target.identified = identified  # type: ignore[assignment]
    target.aliases = [f for f in target.forms if f != target.name]
    countries = {t.iso2 for t in off.terms}
    if len(countries) != 1:
        return
    iso2 = countries.pop()
    if target.country is None and add_country is not None:
        target.country = add_country(iso2)
    if target.country is not None and _iso2(index, target.country) == iso2:
        # "Foreign Minister Gemba": a post the text names without a country is of the
        # official's (as for a full name the table knows, holders.apply_gazetteer_people)
        target.roles = [RoleFact(r.title, target.country, r.evidence) if r.of is None else r for r in target.roles]
        for t in index.titles:
            if t.person == target.key and t.of is None:
                t.of = target.country


def drop(index: ActorIndex, key: str) -> None:
    """Remove a person and its mentions from the index."""
    index.actors.pop(key, None)
    index.mentions = [m for m in index.mentions if m.key != key]
    for t in index.titles:
        if t.person == key:
            t.person = None
    index.index()


def rekey(index: ActorIndex, old: str, new: str) -> None:
    """Give an actor of the index a new key (merging into the actor of that key, if any)."""
    if old == new:
        return
    actor = index.actors.pop(old)
    target = index.actors.get(new)
    if target is None:
        actor.key = new
        index.actors[new] = actor
    else:
        target.forms = list(dict.fromkeys(target.forms + actor.forms))
        target.roles += [r for r in actor.roles if r not in target.roles]
        target.country = target.country or actor.country
    for m in index.mentions:
        if m.key == old:
            m.key = new
    for t in index.titles:
        if t.person == old:
            t.person = new
    index.index()
