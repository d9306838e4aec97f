"""Actors in one article: people (with coreference and posts), countries, organizations.

``find_actors(doc, gazetteer) -> ActorIndex`` finds every mention, resolves surname-only,
title-only and pronoun mentions within the article, and returns the article's actors as
``etl.model.Actor`` dataclasses (keys are slugs of canonical names, stable across articles).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from diplokg.iris import slug
from etl.extract.gazetteer import Gazetteer, Hit
from etl.extract.mentions import ActorIndex, ActorMention, add_gazetteer_actor, dateline_country, name_tokens
from etl.extract.posts import find_posts
from etl.model import Actor


_NAME_PARTICLES = {"de", "da", "van", "von", "bin", "binti", "al", "le", "la", "del", "dela", "della", "di", "du", "dos", "der", "ter"}


_NOT_NAME_WORDS = {
    "covid", "coronavirus", "mr", "ms", "mrs", "dr", "sen", "rep", "gov", "gen", "prime", "minister",
    "president", "secretary", "foreign", "defense", "defence", "state", "pool", "photo", "kyodo",
    "yonhap", "reuters", "xinhua", "afp", "ap", "north", "south", "east", "west", "indo", "pacific",
    "related", "coverage", "island", "islands", "sea", "strait", "korea", "korean", "the",
}


_HONORIFICS = {"mr.", "ms.", "mrs.", "dr.", "mr", "ms", "mrs", "dr", "sen.", "rep.", "gen."}


def _clean_person_span(span: Span, title_tokens: set[int]) -> Span | None:
    """Trim honorifics, titles and possessives off a PERSON entity; None if it is not a name."""
    start, end = span.start, span.end
    doc = span.doc
    # "Choi Sung-woo": the model may stop before the hyphenated part of a given name.
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ and doc[end + 1].is_alpha and doc[end + 1].is_lower:
        end += 2
    while start < end and (doc[start].lower_ in _HONORIFICS or not doc[start].text[:1].isupper() or doc[start].lower_ in _NOT_NAME_WORDS or start in title_tokens):
        start += 1
    # "Naoto Kan - Premier Wen": a dash with spaces around it separates two names
    cut = next((i for i in range(start, end) if doc[i].text in ("-", "–", "—") and doc[i].whitespace_ and i > 0 and doc[i - 1].whitespace_), None)
    if cut is not None:
        end = cut
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
            add_gazetteer_actor(index, gaz, h.ref, kind)
            index.mentions.append(ActorMention(h.span, h.ref, kind, "name"))
            taken.update(range(h.span.start, h.span.end))
    for h in hits:
        if h.kind == "demonym":
            add_gazetteer_actor(index, gaz, h.ref, "Country")
    for h in hits:
        if h.kind == "capital" and _acts(h.span):
            add_gazetteer_actor(index, gaz, h.ref, "Country")
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
    longest_first = sorted(candidates, key=lambda s: (-len(name_tokens(s.text)), s.start))
    for span in longest_first:
        if len([t for t in span if not t.is_punct]) >= 2:
            key = slug(span.text)
            parts = name_tokens(span.text)
            if key not in full and any(set(parts) < set(name_tokens(index.actors[k].name)) for k in full):
                continue
            if key not in index.actors:
                index.actors[key] = Actor(key=key, kind="Person", name=span.text)
            full[key] = key
    index.actors = dict(sorted(index.actors.items(), key=lambda kv: _first_at(kv[1].name, candidates)))
    full_tokens = {key: name_tokens(index.actors[key].name) for key in full}

    def resolve_partial(text: str, at: int) -> str | None:
        parts = name_tokens(text)
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

    find_posts(doc, index, title_hits, gaz, gaz_at)
    index.index()
    return index


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
    dateline = dateline_country(doc, gaz)
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
