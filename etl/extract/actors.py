"""Actors in one article: people (with coreference and posts), countries, organizations.

``find_actors(doc, gazetteer) -> ActorIndex`` finds every mention, resolves surname-only,
title-only and pronoun mentions within the article, and returns the article's actors as
``etl.model.Actor`` dataclasses (keys are slugs of canonical names, stable across articles).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from diplokg.iris import slug
from etl.extract.gazetteer import Gazetteer, Hit
from etl.model import Actor, RoleFact
from etl.model import Span as TextSpan

PRONOUNS = {"he", "she", "him", "her"}
_NAME_PARTICLES = {"de", "da", "van", "von", "bin", "binti", "al", "le", "la", "del", "dela", "della", "di", "du", "dos", "der", "ter"}
_NOT_NAME_WORDS = {
    "covid", "coronavirus", "mr", "ms", "mrs", "dr", "sen", "rep", "gov", "gen", "prime", "minister",
    "president", "secretary", "foreign", "defense", "defence", "state", "pool", "photo", "kyodo",
    "yonhap", "reuters", "xinhua", "afp", "ap", "north", "south", "east", "west", "indo", "pacific",
    "related", "coverage", "island", "islands", "sea", "strait", "korea", "korean", "the",
}
_HONORIFICS = {"mr.", "ms.", "mrs.", "dr.", "mr", "ms", "mrs", "dr", "sen.", "rep.", "gen."}
_APPOSITION_GAP = {"the", "a", "an", "new", "former", "then", "acting", "incoming", "outgoing", "current", "top", "chief", "'s", "’s", "-"}
_TITLE_ADJECTIVES = {"new", "former", "acting", "incoming", "outgoing", "current", "then", "newly", "appointed", "interim"}
_BECOME = {"become", "remain", "name", "appoint", "elect", "serve", "succeed"}


@dataclass
class ActorMention:
    """A place in the text that names or refers to an actor."""

    span: Span
    key: str
    kind: str  # Person | Country | Organization
    via: str  # name | partial | title | capital | alias


@dataclass
class TitleMention:
    """A post title in the text, with its country or organization and the person it names.

    ``unplaced`` marks a title qualified by a word the vocabularies do not know ("Ruritanian
    Foreign Minister"): its country is unknown, not absent."""

    span: Span  # the whole phrase, modifiers included
    title: str  # canonical label, e.g. "Foreign Minister"
    kind: str  # foreign, defense, head_of_state, ...
    of: str | None
    person: str | None = None
    unplaced: bool = False


@dataclass
class ActorIndex:
    """The actors of one article and every mention of them."""

    doc: Doc
    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[ActorMention] = field(default_factory=list)
    titles: list[TitleMention] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    _by_token: dict[int, ActorMention] = field(default_factory=dict)

    def index(self) -> None:
        self.mentions.sort(key=lambda m: m.span.start)
        self._by_token = {}
        for m in self.mentions:
            for i in range(m.span.start, m.span.end):
                self._by_token.setdefault(i, m)

    def mention_at(self, token_index: int) -> ActorMention | None:
        """The actor mention covering a token, if any."""
        return self._by_token.get(token_index)

    def mentions_in(self, start: int, end: int) -> list[ActorMention]:
        """Mentions whose tokens lie within [start, end) (token indices)."""
        return [m for m in self.mentions if m.span.start >= start and m.span.end <= end]

    def last_person_before(self, token_index: int, window_sents: int = 3) -> str | None:
        """The most recent person mention before a token (for he/she), preferring subjects."""
        doc = self.doc
        sent_start = doc[token_index].sent.start
        sents = list(doc.sents)
        idx = next((i for i, s in enumerate(sents) if s.start == sent_start), 0)
        floor = sents[max(0, idx - window_sents + 1)].start
        candidates = [
            m for m in self.mentions
            if m.kind == "Person" and floor <= m.span.start < token_index
        ]
        if not candidates:
            return None
        same_sentence = [m for m in candidates if m.span.start >= sent_start]
        pool = same_sentence or candidates
        subjects = [m for m in pool if m.span.root.dep_ in ("nsubj", "nsubjpass")]
        return (subjects or pool)[-1].key

    def persons_with(self, kind: str | None = None, of: str | None = None) -> list[str]:
        """People of the article holding a post of a kind (and of a country), in order."""
        out = []
        for t in self.titles:
            if t.person and (kind is None or t.kind == kind or (kind == "foreign" and t.kind == "foreign")) and (of is None or t.of == of):
                if t.person not in out:
                    out.append(t.person)
        return out


def _clean_person_span(span: Span, title_tokens: set[int]) -> Span | None:
    """Trim honorifics, titles and possessives off a PERSON entity; None if it is not a name."""
    start, end = span.start, span.end
    doc = span.doc
    # "Choi Sung-woo": the model may stop before the hyphenated part of a given name.
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ and doc[end + 1].is_alpha and doc[end + 1].is_lower:
        end += 2
    while start < end and (doc[start].lower_ in _HONORIFICS or not doc[start].text[:1].isupper() or doc[start].lower_ in _NOT_NAME_WORDS or start in title_tokens):
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’") or doc[end - 1].is_punct or doc[end - 1].lower_ in ("jr", "jr.")):
        end -= 1
    if start >= end:
        return None
    out = doc[start:end]
    if any(ch.isdigit() for ch in out.text) or len(out.text) < 2:
        return None
    words = [t for t in out if not t.is_punct or t.text == "-"]
    words = [t for t in words if t.text != "-"]
    if not words or any(t.lower_ in _NOT_NAME_WORDS for t in words):
        return None
    if not all(t.text[:1].isupper() or t.lower_ in _NAME_PARTICLES or _after_hyphen(t) for t in words):
        return None
    return out


def _after_hyphen(tok: Token) -> bool:
    """The second part of a hyphenated given name ("Min-jae", "Tae-yul")."""
    return tok.i > 0 and tok.doc[tok.i - 1].text == "-" and not tok.doc[tok.i - 1].whitespace_


def _name_tokens(name: str) -> list[str]:
    return [p for p in re.split(r"[\s\-]+", name.lower()) if p]


def _country_modifier(doc: Doc, end: int, gaz_at: dict[int, Hit], index: ActorIndex) -> tuple[str | None, int]:
    """The country or organization named just before token ``end`` (demonym, "Japan's",
    "U.S.", "the North's"); returns (actor key, start token) or (None, end)."""
    i = end
    while i > 0 and doc[i - 1].lower_ in _TITLE_ADJECTIVES:
        i -= 1
    if i > 0 and doc[i - 1].text in ("'s", "’s"):
        i -= 1
    if i <= 0:
        return None, end
    hit = gaz_at.get(i - 1)
    if hit is not None and hit.span.end == i and hit.kind in ("demonym", "country", "org", "capital"):
        start = hit.span.start
        if start > 0 and doc[start - 1].lower_ == "the":
            start -= 1
        return hit.ref, start
    prev = doc[i - 1]
    if prev.lower_ in ("ministry", "department", "office") and (i < 2 or not doc[i - 2].text[:1].isupper()):
        # "ministry spokeswoman X": the ministry named last.
        for m in reversed(index.mentions):
            if m.span.start < i - 1 and m.kind == "Organization" and prev.lower_ in index.actors[m.key].name.lower():
                return m.key, i - 1
    if prev.ent_type_ == "ORG" and prev.ent_iob_ in ("B", "I"):
        ent = next((e for e in doc.ents if e.start <= i - 1 < e.end), None)
        if ent is not None and ent.end == i and len(ent) >= 2 and ent.text[:1].isupper():
            name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            key = slug(name)
            if key not in index.actors:
                index.actors[key] = Actor(key=key, kind="Organization", name=name)
            return key, ent.start
    if prev.text in ("North", "South") and i >= 2 and doc[i - 2].lower_ == "the":
        key = "north-korea" if prev.text == "North" else "south-korea"
        if key in index.actors:
            return key, i - 2
    return None, end


def _names_after_titles(doc: Doc, title_hits: list[Hit], found: list[Span], taken: set[int], title_tokens: set[int], limit: int) -> list[Span]:
    """Names the model missed right after a title ("Brazilian President Lucas Prado"): two to
    four capitalized proper nouns that are no country, organization or title."""
    covered = {i for s in found for i in range(s.start, s.end)}
    out = []
    for h in title_hits:
        i = h.span.end
        j = i
        while j < len(doc) and j - i < 4 and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and j not in taken and j not in title_tokens and doc[j].is_alpha:
            j += 1
        if j - i >= 2 and not covered.intersection(range(i, j)) and doc[j - 1].idx < limit:
            span = _clean_person_span(doc[i:j], title_tokens)
            if span is not None:
                out.append(span)
                covered.update(range(span.start, span.end))
    return out


def _in_credit(span: Span) -> bool:
    """A photo or agency credit in parentheses: "(Kyodo)", "(Pool photo) (Yonhap)"."""
    doc = span.doc
    return span.start > 0 and doc[span.start - 1].text == "(" and span.end < len(doc) and doc[span.end].text == ")"


def find_actors(doc: Doc, gaz: Gazetteer, body_end_char: int | None = None) -> ActorIndex:
    """Every actor of the article, its mentions and posts (see the module docstring)."""
    index = ActorIndex(doc)
    limit = len(doc.text) if body_end_char is None else body_end_char
    hits = [h for h in gaz.hits(doc) if h.span.end_char <= limit and not _in_credit(h.span)]
    hits = _disambiguate_orgs(doc, hits, gaz)
    index.hits = hits
    taken: set[int] = set()
    gaz_at: dict[int, Hit] = {}
    title_hits = [h for h in hits if h.kind == "title"]
    title_tokens = {i for h in title_hits for i in range(h.span.start, h.span.end)}

    # Countries and organizations named in the text.
    for h in hits:
        for i in range(h.span.start, h.span.end):
            gaz_at.setdefault(i, h)
    for h in hits:
        if h.kind in ("country", "org"):
            kind = "Country" if h.kind == "country" else "Organization"
            _add_gazetteer_actor(index, gaz, h.ref, kind)
            index.mentions.append(ActorMention(h.span, h.ref, kind, "name"))
            taken.update(range(h.span.start, h.span.end))
    for h in hits:
        if h.kind == "demonym":
            _add_gazetteer_actor(index, gaz, h.ref, "Country")
    for h in hits:
        if h.kind == "capital" and _acts(h.span):
            _add_gazetteer_actor(index, gaz, h.ref, "Country")
            index.mentions.append(ActorMention(h.span, h.ref, "Country", "capital"))
            taken.update(range(h.span.start, h.span.end))
    _add_the_north_south(doc, index, gaz, taken)


    # People: full names first, then partial names resolved to them.
    candidates: list[Span] = []
    bylines = _bylines(doc.text)
    for ent in doc.ents:
        if ent.end_char > limit or ent.label_ != "PERSON" or any(a <= ent.start_char < b for a, b in bylines):
            continue
        span = _clean_person_span(ent, title_tokens)
        if span is None or taken.intersection(range(span.start, span.end)):
            continue
        if title_tokens.issuperset(range(span.start, span.end)):
            continue
        candidates.append(span)
    candidates += _names_after_titles(doc, title_hits, candidates, taken, title_tokens, limit)
    full: dict[str, str] = {}  # slug -> key
    longest_first = sorted(candidates, key=lambda s: (-len(_name_tokens(s.text)), s.start))
    for span in longest_first:
        if len([t for t in span if not t.is_punct]) >= 2:
            key = slug(span.text)
            parts = _name_tokens(span.text)
            if key not in full and any(set(parts) < set(_name_tokens(index.actors[k].name)) for k in full):
                continue
            if key not in index.actors:
                index.actors[key] = Actor(key=key, kind="Person", name=span.text)
            full[key] = key
    index.actors = dict(sorted(index.actors.items(), key=lambda kv: _first_at(kv[1].name, candidates)))
    full_tokens = {key: _name_tokens(index.actors[key].name) for key in full}

    def resolve_partial(text: str, at: int) -> str | None:
        parts = _name_tokens(text)
        matches = [k for k, toks in full_tokens.items() if all(p in toks for p in parts)]
        if not matches:
            return None
        if len(matches) == 1:
            return matches[0]
        before = [m for m in index.mentions if m.kind == "Person" and m.key in matches and m.span.start < at]
        return before[-1].key if before else matches[0]

    person_spans = sorted(candidates, key=lambda s: s.start)
    # Proper nouns that repeat a known name but were labelled otherwise (ORG/GPE) by the model.
    known_parts = {p for toks in full_tokens.values() for p in toks}
    covered = {i for s in person_spans for i in range(s.start, s.end)}
    for tok in doc:
        if tok.idx >= limit or tok.i in covered or tok.i in taken:
            continue
        if tok.lower_ in known_parts and tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN", "ADJ", "VERB") and tok.lower_ not in _NOT_NAME_WORDS and not _inside_other_name(tok):
            person_spans.append(doc[tok.i:tok.i + 1])
    person_spans.sort(key=lambda s: s.start)
    for span in person_spans:
        words = [t for t in span if not t.is_punct]
        key = slug(span.text)
        if len(words) >= 2 and key in full:
            index.mentions.append(ActorMention(span, key, "Person", "name"))
            continue
        resolved = resolve_partial(span.text, span.start)
        if resolved is None:
            # A surname never given in full is too weak to mint a person from.
            if len(words) < 2:
                continue
            resolved = key
            index.actors.setdefault(key, Actor(key=key, kind="Person", name=span.text))
        actor = index.actors[resolved]
        if span.text != actor.name and span.text not in actor.aliases:
            actor.aliases.append(span.text)
        index.mentions.append(ActorMention(span, resolved, "Person", "partial"))
    index.index()

    _find_titles(doc, index, title_hits, gaz, gaz_at)
    _counterpart_roles(doc, index, gaz)
    _apply_gazetteer_people(index, gaz)
    _title_to_person(doc, index)
    _resolve_title_only(index, gaz)
    _dateline_posts(doc, index, gaz)
    index.index()
    return index


_COUNTERPART_TITLE = {"foreign": "Foreign Minister", "defense": "Defense Minister"}


def _counterpart_roles(doc: Doc, index: ActorIndex, gaz: Gazetteer) -> None:
    """"his Japanese and South Korean counterparts, Yoko Kamikawa and Cho Tae Yul": each named
    counterpart holds the owner's kind of post for the country in the same position."""
    for tok in doc:
        if tok.lemma_.lower() != "counterpart":
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None:
            continue
        m = index.mention_at(owner.i)
        key = m.key if m is not None and m.kind == "Person" else (index.last_person_before(owner.i) if owner.lower_ in ("his", "her") else None)
        own = [t for t in index.titles if t.person == key]
        if not own or own[0].kind not in _COUNTERPART_TITLE:
            continue
        countries = [h.ref for h in index.hits if h.kind in ("demonym", "country") and tok.left_edge.i <= h.span.start and h.span.end <= tok.i]
        names = _listed_people(doc, index, tok.i + 1)
        if not names or len(names) != len(countries):
            continue
        if any(t.person == names[0].key and t.of is not None for t in index.titles) and len(names) == 1:
            continue
        for person, country in zip(names, countries):
            kind = own[0].kind
            span = doc[tok.left_edge.i:person.span.end]
            if country not in index.actors:
                _add_gazetteer_actor(index, gaz, country, "Country")
            tm = TitleMention(span, _COUNTERPART_TITLE[kind], kind, country, person.key)
            index.titles.append(tm)
            _add_role(index, person.key, tm)


def _listed_people(doc: Doc, index: ActorIndex, i: int) -> list[ActorMention]:
    """People named in a list starting at token i (", A and B", " A")."""
    names: list[ActorMention] = []
    while i < len(doc):
        if doc[i].text in (",", "and"):
            i += 1
            continue
        m = index.mention_at(i)
        if m is None or m.kind != "Person" or m.span.start != i:
            break
        names.append(m)
        i = m.span.end
    return names


def _resolve_title_only(index: ActorIndex, gaz: Gazetteer) -> None:
    """A title with no name ("the U.S. special representative for North Korea", "the
    secretary") refers to the person of the article holding that post: named with it in the
    article, else listed with it in the officials table, else the last person whose title
    contains the word."""
    for t in index.titles:
        if t.person is not None:
            continue
        named = [o.person for o in index.titles if o.person and o.title == t.title and (t.of is None or o.of in (None, t.of))]
        person = named[0] if len(set(named)) == 1 else None
        if person is None:
            label = t.title.lower()
            for off in gaz.vocab.officials:
                if off.position_label.lower() != label:
                    continue
                if t.of is not None and gaz.vocab.country_by_iso2.get(off.iso2) is not None and gaz.vocab.country_by_iso2[off.iso2].key != t.of:
                    continue
                key = slug(off.name)
                if key in index.actors:
                    person = key
                    break
        if person is None and t.span[0].lower_ == "the" and len(t.span) <= 3:
            # "the Secretary": the first person named with that word in a title.
            word = t.title.split()[-1].lower()
            named = sorted((o for o in index.titles if o.person and word in o.title.lower()), key=lambda o: o.span.start)
            person = named[0].person if named else None
        if person is None:
            continue
        t.person = person
        index.mentions.append(ActorMention(t.span, person, "Person", "title"))
        _add_role(index, person, t)


def _disambiguate_orgs(doc: Doc, hits: list[Hit], gaz: Gazetteer) -> list[Hit]:
    """An alias several organizations share ("Foreign Ministry") names the one of the
    country given just before it ("the Japanese Foreign Ministry"), else of the dateline
    city, else of the country the article names most."""
    by_span: dict[tuple[int, int], list[Hit]] = {}
    for h in hits:
        if h.kind == "org":
            by_span.setdefault((h.span.start, h.span.end), []).append(h)
    if all(len(v) == 1 for v in by_span.values()):
        return hits
    counts: dict[str, int] = {}
    for h in hits:
        if h.kind in ("country", "demonym"):
            counts[h.ref] = counts.get(h.ref, 0) + 1
    dateline = _dateline_country(doc, gaz)
    drop: set[int] = set()
    for (start, _end), group in by_span.items():
        if len(group) < 2:
            continue
        iso = {h.ref: gaz.orgs[h.ref].country_iso2 for h in group}
        before = [h for h in hits if h.kind in ("demonym", "country") and h.span.end in (start, start - 1)]
        wanted = None
        if before:
            wanted = gaz.countries[before[-1].ref].iso2
        elif dateline is not None:
            wanted = gaz.countries[dateline].iso2
        elif counts:
            wanted = gaz.countries[max(counts, key=lambda k: counts[k])].iso2
        keep = next((h for h in group if iso[h.ref] == wanted), None)
        if keep is None and wanted is not None and before:
            org = gaz.org_for_country(group[0].span.text, gaz.vocab.country_by_iso2[wanted], before[-1].span.text)
            keep = Hit("org", org.key, group[0].span)
            hits = hits + [keep]
        keep = keep or group[0]
        drop.update(id(h) for h in group if h is not keep)
    return sorted((h for h in hits if id(h) not in drop), key=lambda h: (h.span.start, -len(h.span)))


_DATELINE = re.compile(r"^([A-Z][A-Z .'-]{2,30}?),?\s*(?:[A-Z][a-z]{2,4}\.? \d{1,2}\s*)?(?:\([^)\n]{1,40}\)\s*)?(?:--|—|–)", re.MULTILINE)


def _dateline_country(doc: Doc, gaz: Gazetteer) -> str | None:
    """The country of a dateline city ("SEOUL, (Yonhap) --", "BEIJING (AP) —")."""
    match = _DATELINE.search(doc.text[:600])
    if match is None:
        return None
    city = match.group(1).strip().title()
    for c in gaz.vocab.countries:
        if city in c.capitals or city == c.name:
            return c.key
    return None


_BYLINE = re.compile(r"^(?:By|BY|Reporting by|Written by)\s+[^\n]{3,80}$", re.MULTILINE)


def _bylines(text: str) -> list[tuple[int, int]]:
    """Lines naming the reporter ("By Lee Min-ji"): the author is not an actor of the story."""
    return [m.span() for m in _BYLINE.finditer(text)]


def _first_at(name: str, spans: list[Span]) -> int:
    return min((s.start for s in spans if s.text == name), default=1 << 30)


def _inside_other_name(tok: Token) -> bool:
    """A name part inside another proper name ("Second Thomas Shoal")."""
    doc = tok.doc
    for j in (tok.i - 1, tok.i + 1):
        if 0 <= j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and doc[j].ent_type_ != "PERSON":
            return True
    return False


def _acts(span: Span) -> bool:
    """A capital acts as its government when it is a subject, a possessor or an object of
    dialogue ("Pyongyang said", "Washington's stance", "talks with Beijing") — not "in Tokyo"."""
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass", "poss"):
        return True
    if root.dep_ == "pobj" and root.head.lower_ in ("with", "between", "against", "toward", "towards", "by"):
        return True
    if root.dep_ == "conj" and root.head.dep_ in ("nsubj", "nsubjpass"):
        return True
    return False


def _add_the_north_south(doc: Doc, index: ActorIndex, gaz: Gazetteer, taken: set[int]) -> None:
    """"the North" / "the South" stand for North / South Korea in an article about Korea."""
    for tok in doc:
        if tok.text in ("North", "South") and tok.i > 0 and doc[tok.i - 1].lower_ == "the" and tok.i not in taken:
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and nxt.text[:1].isupper() and nxt.text not in ("'s", "’s"):
                continue
            key = "north-korea" if tok.text == "North" else "south-korea"
            if key in index.actors:
                index.mentions.append(ActorMention(doc[tok.i:tok.i + 1], key, "Country", "alias"))
                taken.add(tok.i)


def _add_gazetteer_actor(index: ActorIndex, gaz: Gazetteer, key: str, kind: str) -> None:
    if key in index.actors:
        return
    if kind == "Country":
        c = gaz.countries[key]
        index.actors[key] = Actor(key=key, kind="Country", name=c.name, aliases=list(c.aliases), wikidata=c.wikidata, iso2=c.iso2)
    else:
        o = gaz.orgs[key]
        country = gaz.vocab.country_by_iso2.get(o.country_iso2 or "")
        index.actors[key] = Actor(key=key, kind="Organization", name=o.name, aliases=list(o.aliases), wikidata=o.wikidata, country=country.key if country else None)
        if country is not None:
            _add_gazetteer_actor(index, gaz, country.key, "Country")


def _find_titles(doc: Doc, index: ActorIndex, title_hits: list[Hit], gaz: Gazetteer, gaz_at: dict[int, Hit]) -> None:
    """Posts from title prefixes ("Japanese Foreign Minister X"), appositions
    ("X, Japan's new prime minister") and predicates ("X became Japan's prime minister")."""
    for h in title_hits:
        entry = gaz.titles[h.ref]
        if entry.phrase == "minister" and h.span.start + 1 < len(doc) and not doc[h.span.start + 1].text[:1].isupper():
            continue
        of, mod_start = _country_modifier(doc, h.span.start, gaz_at, index)
        if of is not None and of not in index.actors:
            kind = "Organization" if of in gaz.orgs else "Country"
            _add_gazetteer_actor(index, gaz, of, kind)
        # "... of Japan" / "... for North Korea" after the title
        after = h.span.end
        if of is None and after + 1 < len(doc) and doc[after].lower_ == "of":
            hit = gaz_at.get(after + 1) or (gaz_at.get(after + 2) if doc[after + 1].lower_ == "the" else None)
            if hit is not None and hit.kind in ("country", "org"):
                of = hit.ref
                _add_gazetteer_actor(index, gaz, of, "Country" if hit.kind == "country" else "Organization")
                after = hit.span.end
        if of is None and entry.country_iso2:
            # A title only one country uses ("Secretary of State"), as titles.csv says.
            country = gaz.vocab.country_by_iso2.get(entry.country_iso2)
            if country is not None:
                of = country.key
                _add_gazetteer_actor(index, gaz, of, "Country")
        start = mod_start
        if start > 0 and doc[start - 1].lower_ in ("the", "a", "an") and mod_start == h.span.start:
            start -= 1
        person = None
        # Prefix: TITLE [,] PERSON
        j = after
        if j < len(doc) and doc[j].text == ",":
            j += 1
        m = index.mention_at(j)
        if m is not None and m.kind == "Person" and m.span.start == j:
            person = m.key
            phrase = doc[start:m.span.end]
        else:
            phrase = doc[start:after]
            person = _apposed_person(doc, index, start, h)
        tm = TitleMention(phrase, entry.label, entry.kind, of, person)
        before = doc[mod_start - 1] if mod_start > 0 else None
        tm.unplaced = of is None and before is not None and before.text[:1].isupper() and before.pos_ in ("PROPN", "ADJ") and before.i not in index._by_token
        index.titles.append(tm)
        if person is not None:
            _add_role(index, person, tm)


def _apposed_person(doc: Doc, index: ActorIndex, start: int, h: Hit) -> str | None:
    """The person a title is in apposition to or predicated of: "X, Japan's new prime
    minister", "X, national security adviser to ...", "X became Japan's prime minister"."""
    i = start - 1
    steps = 0
    while i >= 0 and steps < 4 and (doc[i].lower_ in _APPOSITION_GAP or index.mention_at(i) is not None and index.mention_at(i).kind != "Person"):
        m = index.mention_at(i)
        i = (m.span.start - 1) if m is not None and m.kind != "Person" else i - 1
        steps += 1
    if i >= 0 and doc[i].text == ",":
        m = index.mention_at(i - 1)
        if m is not None and m.kind == "Person":
            return m.key
    if i >= 0 and doc[i].lemma_ in _BECOME:
        k = i - 1
        while k >= 0 and doc[k].pos_ in ("AUX", "ADV", "PART"):
            k -= 1
        m = index.mention_at(k)
        if m is not None and m.kind == "Person":
            return m.key
    return None


def _add_role(index: ActorIndex, person: str, tm: TitleMention) -> None:
    actor = index.actors[person]
    words = tm.title.lower().split()
    for role in actor.roles:
        other = role.title.lower().split()
        if len(other) > len(words) and (other[-len(words):] == words or other[:len(words)] == words):
            return
    actor.roles = [r for r in actor.roles if not _subsumed(r.title, tm.title)]
    span = tm.span
    evidence = TextSpan(span.start_char, span.end_char, span.text)
    for i, role in enumerate(actor.roles):
        if role.title == tm.title and (role.of == tm.of or role.of is None or tm.of is None):
            if role.of is None and tm.of is not None:
                actor.roles[i] = RoleFact(tm.title, tm.of, evidence)
            return
    actor.roles.append(RoleFact(tm.title, tm.of, evidence))
    if actor.country is None and tm.of is not None and index.actors.get(tm.of) is not None and index.actors[tm.of].kind == "Country":
        actor.country = tm.of


def _dateline_posts(doc: Doc, index: ActorIndex, gaz: Gazetteer) -> None:
    """A post named with no country, held by someone the article places nowhere else, is of
    the dateline's country ("SEOUL (Yonhap) -- ... Foreign Minister Kim Min-jae")."""
    country = _dateline_country(doc, gaz)
    if country is None:
        return
    for actor in list(index.actors.values()):
        if actor.kind != "Person" or any(r.of for r in actor.roles) or actor.country:
            continue
        if any(t.unplaced for t in index.titles if t.person == actor.key):
            continue
        if actor.roles:
            _add_gazetteer_actor(index, gaz, country, "Country")
            actor.roles = [RoleFact(r.title, country, r.evidence) for r in actor.roles]
            actor.country = country
            for t in index.titles:
                if t.person == actor.key and t.of is None:
                    t.of = country


def _title_to_person(doc: Doc, index: ActorIndex) -> None:
    """"national security adviser to Prime Minister Shinzo Abe": the post is of the country
    of the person it serves."""
    for t in index.titles:
        if t.of is not None or t.person is None:
            continue
        i = t.span.end
        if i < len(doc) and doc[i].lower_ == "to":
            for j in range(i + 1, min(i + 6, len(doc))):
                m = index.mention_at(j)
                if m is not None and m.kind == "Person":
                    country = index.actors[m.key].country
                    if country is not None:
                        t.of = country
                        actor = index.actors[t.person]
                        actor.roles = [RoleFact(r.title, country, r.evidence) if r.title == t.title and r.of is None else r for r in actor.roles]
                        actor.country = actor.country or country
                    break


def _subsumed(general: str, specific: str) -> bool:
    """"Secretary" is subsumed by "Secretary of State", "Minister" by "Foreign Minister"."""
    g, s = general.lower().split(), specific.lower().split()
    return len(s) > len(g) and (s[-len(g):] == g or s[:len(g)] == g)


def _apply_gazetteer_people(index: ActorIndex, gaz: Gazetteer) -> None:
    """Fill gaps from the officials table: a verified Wikidata ID, and the country of a
    post the text names without one. The text wins: nothing it says is overwritten."""
    by_name = gaz.officials_by_name()
    for actor in list(index.actors.values()):
        if actor.kind != "Person":
            continue
        rows = by_name.get(actor.key, [])
        if not rows:
            continue
        qids = {r.wikidata for r in rows if r.wikidata}
        if len(qids) == 1:
            actor.wikidata = qids.pop()
        countries = {r.iso2 for r in rows}
        if len(countries) == 1:
            country = gaz.vocab.country_by_iso2.get(countries.pop())
            if country is not None:
                if actor.country is None:
                    actor.country = country.key
                    _add_gazetteer_actor(index, gaz, country.key, "Country")
                for i, role in enumerate(actor.roles):
                    if role.of is None:
                        actor.roles[i] = RoleFact(role.title, country.key, role.evidence)
                        _add_gazetteer_actor(index, gaz, country.key, "Country")
        for t in index.titles:
            if t.person == actor.key and t.of is None and actor.country is not None:
                t.of = actor.country


def person_of_token(index: ActorIndex, tok: Token) -> str | None:
    """The person a token refers to: a name, a pronoun (he/she) or a title ("the secretary")."""
    m = index.mention_at(tok.i)
    if m is not None:
        return m.key if m.kind == "Person" else None
    if tok.lower_ in PRONOUNS:
        return index.last_person_before(tok.i)
    return None
