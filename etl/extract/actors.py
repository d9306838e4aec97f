"""Actors in one article: people (with coreference and posts), countries, organizations.

``find_actors(doc, gazetteer) -> ActorIndex`` finds every mention, resolves surname-only,
title-only and pronoun mentions within the article, and returns the article's actors as
``etl.model.Actor`` dataclasses (keys are slugs of canonical names, stable across articles).
Person names are found by ``person_spans``, grouped and normalised by ``people``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from etl.extract.dates import headline_place
from etl.extract.gazetteer import Gazetteer, Hit
from etl.extract.mentions import ActorIndex, ActorMention, add_gazetteer_actor, dateline_country
from etl.extract.names import LEADING_PARTICLES, token_key
from etl.extract.officials import official_people
from etl.extract.people import group_people, identify_by_post
from etl.extract.person_spans import NOT_NAME_WORDS, Candidate, in_credit, is_honorific, person_candidates
from etl.extract.portfolios import portfolio_titles
from etl.extract.posts import find_posts
from etl.nlp import TITLE_ABBREVIATIONS


def find_actors(doc: Doc, gaz: Gazetteer, body_end_char: int | None = None, *,
                article_id: str = "", published: str | None = None, publisher: str | None = None,
                home: str | None = None) -> ActorIndex:
    """Every actor of the article, its mentions and posts (see the module docstring).

    ``article_id`` keys the persons the article knows by a family name only; ``published``
    dates the posts that identify them in the officials table; ``publisher`` is the country
    of the publishing government, if any (whose "Foreign Ministry" a bare one is); ``home`` the
    country the article is written from, if known (:func:`etl.extract.context.home_country`)."""
    index = ActorIndex(doc)
    limit = len(index.text) if body_end_char is None else body_end_char
    hits = [h for h in gaz.hits(doc) if h.span.end_char <= limit and not in_credit(h.span)]
    hits = [h for h in hits if not _ends_a_name(doc, h)]
    hits = _disambiguate_orgs(index, hits, gaz, publisher)
    hits = _national_bodies(doc, hits, gaz)
    hits = portfolio_titles(doc, hits, gaz)
    hits = _surnames_of_country_names(doc, hits)
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


    # People: name spans grouped into persons under one normal form (etl.extract.people).
    title_ends = {h.span.end for h in title_hits}
    title_starts = {h.span.start for h in title_hits}
    candidates = person_candidates(doc, taken, title_tokens, title_ends, limit, _bylines(index.text), title_starts)
    # the place of a headline's tail of place and date is no person ("... talks with X, Sochi, July 1, 2016")
    tail = headline_place(doc.text[:limit])
    if tail is not None:
        candidates = [c for c in candidates if not (c.span.start_char >= tail[0] and c.span.end_char <= tail[1])]
    # a capital's name alone is the city, never a person ("Abu Dhabi: Sheikh A received B",
    # a dateline the model took for a name); a name that only begins with one stays ("Victoria Lane")
    capitals = {(h.span.start, h.span.end) for h in hits if h.kind == "capital"}
    candidates = [c for c in candidates if (c.span.start, c.span.end) not in capitals]
    # nor is a demonym alone ("said Georgian First Deputy Foreign Minister X", the model's "Georgian First")
    demonyms = {(h.span.start, h.span.end) for h in hits if h.kind == "demonym"}
    candidates = [c for c in candidates if (c.span.start, c.span.end) not in demonyms]
    officials = official_people(gaz.vocab)
    known_parts = {token_key(t) for c in candidates if c.words >= 2 and not c.headline for t in c.text.split()}
    covered = {i for c in candidates for i in range(c.span.start, c.span.end)}
    repeated = _full_names_repeated(doc, candidates, covered | taken, title_tokens, limit)
    covered.update(i for span in repeated for i in range(span.start, span.end))
    extra = repeated + [doc[tok.i:tok.i + 1] for tok in doc
             if tok.idx < limit and tok.i not in covered and tok.i not in taken and token_key(tok.text) in known_parts
             and tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN", "ADJ", "VERB")
             and tok.lower_ not in NOT_NAME_WORDS and not _inside_other_name(tok)]
    bare = group_people(index, candidates, officials, article_id, extra)
    index.index()

    find_posts(doc, index, title_hits, gaz, gaz_at, home)
    index.index()
    identify_by_post(index, officials, published, bare, lambda iso2: _add_country(index, gaz, iso2))
    _count_mentions(index)
    return index


def _add_country(index: ActorIndex, gaz: Gazetteer, iso2: str) -> str | None:
    country = gaz.vocab.country_by_iso2.get(iso2)
    if country is None:
        return None
    add_gazetteer_actor(index, gaz, country.key, "Country")
    return country.key


def _count_mentions(index: ActorIndex) -> None:
    counts: dict[str, int] = {}
    for m in index.mentions:
        counts[m.key] = counts.get(m.key, 0) + 1
    for actor in index.actors.values():
        actor.mentions = counts.get(actor.key, 0)


def _surnames_of_country_names(doc: Doc, hits: list[Hit]) -> list[Hit]:
    """"Prime Minister Luís Montenegro": a country's name that ends a name the model reads as a
    person's, right after a post title and a given name (no place of its own), is the
    person's family name, not the country; so is the same full name anywhere else in the story.
    ("the Prime Minister of Montenegro" has its "of"; a bare "Montenegro" stays the country.)"""
    from etl.read import headline_span

    head = headline_span(doc.text)
    titles_end = {h.span.end for h in hits if h.kind == "title"}
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    places = {i for h in hits if h.kind != "title" for i in range(h.span.start, h.span.end)}

    def name_of(h: Hit) -> Span | None:
        if h.kind != "country":
            return None
        ent = next((e for e in people if e.start < h.span.start and e.end == h.span.end), None)
        if ent is None or any(i in places for i in range(ent.start, h.span.start)):
            return None
        # one given name, in a line of the body ("President Joe Biden Israel trip" in a
        # headline is a name and a country)
        given = doc[ent.start:h.span.start]
        if len(given) != 1 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha for t in given):
            return None
        if head is not None and head[0] <= ent.start_char < head[1]:
            return None
        return ent

    names = {ent.text for h in hits if (ent := name_of(h)) is not None and ent.start in titles_end}
    if not names:
        return hits
    return [h for h in hits if not ((ent := name_of(h)) is not None and ent.text in names)]


def _disambiguate_orgs(index: ActorIndex, hits: list[Hit], gaz: Gazetteer, publisher: str | None = None) -> list[Hit]:
    """An alias several organizations share ("Foreign Ministry") names the one of the
    country given just before it ("the Japanese Foreign Ministry"), else of the dateline
    city, else of the publishing government, else of the country the article names most (none
    of them if that country has none of the sharing organizations). A
    country given before it, the dateline's or the publisher's, whose ministry the table
    lacks, gets one ("Ministry of Foreign Affairs of <Country>")."""
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
    dateline = dateline_country(index.text, gaz, cased=False)
    drop: set[int] = set()
    for (start, _end), group in by_span.items():
        if len(group) < 2:
            continue
        iso = {h.ref: gaz.orgs[h.ref].country_iso2 for h in group}
        before = [h for h in hits if h.kind in ("demonym", "country", "capital") and h.span.end in (start, start - 1)]
        wanted = None
        if before:
            wanted = gaz.countries[before[-1].ref].iso2
        elif dateline is not None:
            wanted = gaz.countries[dateline].iso2
        elif publisher is not None and publisher in gaz.countries:
            wanted = gaz.countries[publisher].iso2
        elif counts:
            wanted = gaz.countries[max(counts, key=lambda k: counts[k])].iso2
        keep = next((h for h in group if iso[h.ref] == wanted), None)
        if keep is None and len({h.ref for h in group}) == 1:
            keep = group[0]  # one organization matched twice (cased and not): no choice to make
        if keep is None and wanted is not None and (before or dateline is not None or publisher is not None):
            modifier = before[-1].span.text if before else ""
            org = gaz.org_for_country(group[0].span.text, gaz.vocab.country_by_iso2[wanted], modifier)
            keep = Hit("org", org.key, group[0].span)
            hits = hits + [keep]
        # none of the sharing organizations is of a country the text points to: no guess
        # ("Deputy MOFA Minister X" in a story about Taiwan is not Japan's)
        drop.update(id(h) for h in group if h is not keep)
    return sorted((h for h in hits if id(h) not in drop), key=lambda h: (h.span.start, -len(h.span)))


_MINISTRY = {"ministry", "ministries"}
_BODY_JOINS = {"and", "&", "for"}


def _national_bodies(doc: Doc, hits: list[Hit], gaz: Gazetteer) -> list[Hit]:
    """A country's ministry the organizations table lacks (or has for another country only):
    "the Ministry of Foreign Affairs of Indonesia", "Indonesia's Ministry of Trade", "the Polish
    Ministry of Defence", "the Polish foreign ministry", "Indonesia's Foreign Ministry" — one
    organization actor named "Ministry of <Body> of <Country>" (CONVENTIONS 2.1), never a
    person or the country itself. An org hit of the same span and country stays as it is."""
    place_at = {i: h for h in hits if h.kind in ("country", "demonym") for i in range(h.span.start, h.span.end)}
    org_at = {i: h for h in hits if h.kind == "org" for i in range(h.span.start, h.span.end)}
    found: list[Hit] = []
    for tok in doc:
        if tok.lower_ != "ministry" or any(f.span.start <= tok.i < f.span.end for f in found):
            continue
        i = tok.i
        country, start, end, body = None, i, i + 1, ""
        if tok.text == "Ministry" and i + 2 < len(doc) and doc[i + 1].lower_ == "of":
            # "Ministry of Foreign Affairs [of Indonesia]"
            j = i + 2
            words: list[str] = []
            while j < len(doc) and (doc[j].text[:1].isupper() and doc[j].is_alpha and j not in place_at or doc[j].lower_ in _BODY_JOINS and words):
                words.append(doc[j].text)
                j += 1
            while words and words[-1].lower() in _BODY_JOINS:
                words.pop()
                j -= 1
            if not words:
                continue
            body, end = " ".join(words), j
            k = j + 1 + (j + 1 < len(doc) and doc[j + 1].lower_ == "the")
            if j < len(doc) and doc[j].lower_ == "of" and k in place_at and place_at[k].kind == "country" and place_at[k].span.start == k:
                country, end = place_at[k].ref, place_at[k].span.end
        else:
            # "[the Polish|Indonesia's] foreign ministry": one or two words of the body before it
            j = i
            while j > 0 and i - j < 2 and doc[j - 1].is_alpha and doc[j - 1].lower_ not in ("the", "a", "its", "his", "her", "their") and j - 1 not in place_at:
                j -= 1
            if j == i:
                continue
            body, start = doc[j:i].text, j
        if country is None:
            # the country before: a demonym, a name, or a possessive name ("Indonesia's")
            b = start - 1 if start > 0 and doc[start - 1].text in ("'s", "\u2019s") else start
            h = place_at.get(b - 1)
            if h is None or h.span.end != b:
                continue
            country, start = h.ref, h.span.start
        entry = gaz.countries.get(country)
        if entry is None:
            continue
        body_span = doc[start:end]
        same = [org_at[k] for k in range(start, end) if k in org_at]
        if any(gaz.orgs[h.ref].country_iso2 == entry.iso2 for h in same if h.ref in gaz.orgs):
            continue
        org = gaz.national_body(body, entry, surface=body_span.text)
        found.append(Hit("org", org.key, body_span))
    if not found:
        return hits
    covered = {k for f in found for k in range(f.span.start, f.span.end)}
    kept = [h for h in hits if not (h.kind in ("org", "country", "demonym", "capital") and covered.intersection(range(h.span.start, h.span.end)))]
    return sorted(kept + found, key=lambda h: (h.span.start, -len(h.span)))


_BYLINE = re.compile(r"^(?:By|BY|Reporting by|Written by)\s+[^\n]{3,80}$", re.MULTILINE)


def _bylines(text: str) -> list[tuple[int, int]]:
    """Lines naming the reporter ("By Lee Min-ji"): the author is not an actor of the story."""
    return [m.span() for m in _BYLINE.finditer(text)]


_PATRONYMIC = {"bin", "binti", "bint"}  # "bin Zayed" is the father's name, shared by brothers


def _full_names_repeated(doc: Doc, candidates: list[Candidate], blocked: set[int], titles: set[int], limit: int) -> list[Span]:
    """A full name the article gives a person (two words or more, after a title or labelled a
    person by the model), printed again where the model labelled it otherwise ("his Colombian
    counterpart, Gustavo Petro," taken for an organization): the same words are the same
    person's mention."""
    names = {tuple(t.text for t in c.span) for c in candidates
             if c.words >= 2 and (c.introduced or not c.headline and all(t.ent_type_ == "PERSON" for t in c.span if not t.is_punct))}
    # a family name opened by a particle, printed alone later ("Jean-Luc Le Drian" ... "Le
    # Drian met"): its two words read as two names each inside the other, so look for it whole
    names |= {n[k:] for n in list(names) for k in [next((k for k in range(1, len(n) - 1) if n[k].lower() in LEADING_PARTICLES), 0)]
              if k and n[k].lower() not in _PATRONYMIC and n[-1][:1].isupper()}
    out: list[Span] = []
    if not names:
        return out
    firsts = {n[0] for n in names}
    for tok in doc:
        if tok.idx >= limit or tok.text not in firsts or tok.i in blocked:
            continue
        for n in sorted((n for n in names if n[0] == tok.text), key=len, reverse=True):
            end = tok.i + len(n)
            if end <= len(doc) and tuple(t.text for t in doc[tok.i:end]) == n and not blocked.intersection(range(tok.i, end)):
                before, after = (doc[tok.i - 1] if tok.i > 0 else None), (doc[end] if end < len(doc) else None)
                inside = [t for t in (before, after) if t is not None and t.pos_ == "PROPN" and t.text[:1].isupper() and t.i not in titles]
                if not inside and not (before is not None and before.text[:1].isdigit()):
                    # not part of a longer name ("the Gustavo Petro Foundation"), nor a clock time's zone ("10:47 A.M. BST")
                    out.append(doc[tok.i:end])
                break
    return out


def _inside_other_name(tok: Token) -> bool:
    """A name part inside another proper name ("Second Thomas Shoal"); an honorific or a
    title's abbreviation before it ("Ms Marsh said", "FM Bilawal had arrived") is no other name."""
    doc = tok.doc
    for j in (tok.i - 1, tok.i + 1):
        if j == tok.i - 1 and j >= 0 and (is_honorific(doc[j]) or doc[j].text in TITLE_ABBREVIATIONS):
            continue
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


def _ends_a_name(doc: Doc, h) -> bool:
    """A country or capital that is a person's family name ("Prime Minister Luís Montenegro",
    "Ana Lima said"): the model's PERSON entity runs from capitalized given names, on the
    same line, up to the place's last word."""
    if h.kind not in ("country", "capital"):
        return False
    ent = next((e for e in doc.ents if e.label_ == "PERSON" and e.start < h.span.start and e.end == h.span.end), None)
    if ent is None:
        return False
    given = doc[ent.start:h.span.start]
    return all(t.is_alpha and t.text[:1].isupper() and not t.is_upper and t.pos_ == "PROPN" and "\n" not in t.whitespace_ for t in given)
