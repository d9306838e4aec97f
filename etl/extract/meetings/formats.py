"""Meetings named by their format: "the Japan-Australia Foreign Ministers' Meeting", "the
upcoming Japan-U.S.-ROK Summit", "the EU-China summit", "the Japan-Philippines 2+2".

The sides are the countries (or unions) the name joins with hyphens or slashes. Each side is
the office-holder the article names for the post the format implies (foreign ministers for a
"Foreign Ministers' Meeting", leaders for a summit, both for a "2+2"), else the country itself;
a meeting long before the article keeps the countries (who held the post then is not said).
"""

from __future__ import annotations

import csv
import functools
import re

from spacy.tokens import Token

from etl.extract.context import ArticleContext
from etl.extract.gazetteer import _WEAK_COUNTRY_ALIASES, Gazetteer
from etl.extract.mentions import ActorIndex, add_gazetteer_actor
from etl.extract.references import role_phrase
from etl.vocab import DATA, load_vocabulary

_JOIN = re.compile(r"\s*[-‐‑–—/]\s*")
_HEADS = ("head_of_state", "head_of_government")
_TWO_PLUS_TWO = re.compile(r"\b2\s*\+\s*2\b")


@functools.lru_cache(maxsize=4)
def _side_names(gazetteer: Gazetteer) -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """One pattern for every country name, alias and demonym, every intergovernmental union's
    name and alias, and the side names of etl/data/format_sides.csv, and what each names:
    (actor key, kind)."""
    names: dict[str, tuple[str, str]] = {}
    for c in gazetteer.vocab.countries:
        for name in (c.name, *c.aliases, *c.demonyms):
            if name not in _WEAK_COUNTRY_ALIASES and len(name) > 1:
                names.setdefault(name, (c.key, "Country"))
    for o in gazetteer.orgs.values():
        if o.kind == "intergovernmental":
            for name in (o.name, *o.aliases):
                if len(name) > 1 and not name.lower().startswith("the "):
                    names.setdefault(name, (o.key, "Organization"))
    # names a format uses for a side that are too ambiguous alone ("Korea-Mongolia": Seoul's usage)
    by_name = {c.name: c.key for c in gazetteer.vocab.countries}
    with (DATA / "format_sides.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["side"] in by_name:
                names.setdefault(row["name"], (by_name[row["side"]], "Country"))
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![a-z])"), names


def format_sides(trig: Token, ctx: ArticleContext) -> list[str]:
    """The sides a meeting noun's own name joins ("Japan-U.S.-ROK Summit"), in order; [] if the
    name does not join two or more."""
    if trig.pos_ not in ("NOUN", "PROPN"):
        return []
    text = ctx.text[trig.left_edge.idx:trig.idx]
    named = next((o for p in trig.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"), None)
    if named is not None and not _JOIN.search(text):
        # "the annual meeting of the Canada-Mexico Partnership"
        text = ctx.text[named.left_edge.idx:named.idx + len(named.text)]
    if not _JOIN.search(text):
        return []
    pattern, names = _side_names(ctx.gazetteer)
    found = list(pattern.finditer(text))
    sides: list[str] = []
    for a, b in zip(found, found[1:]):
        if not _JOIN.fullmatch(text[a.end():b.start()]):
            continue
        for m in (a, b):
            key, kind = names[m.group()]
            if key not in sides:
                add_gazetteer_actor(ctx.index, ctx.gazetteer, key, kind)
                sides.append(key)
    return sides if len(sides) >= 2 else []


def format_kinds(trig: Token, ctx: ArticleContext) -> tuple[str, ...]:
    """The posts a format names: "Foreign Ministers' Meeting" → foreign; "Summit", "leaders'
    videoconference" → heads of state and government; "2+2" → foreign and defense."""
    doc = trig.doc
    phrase = doc[trig.left_edge.i:trig.i + 1]
    if _TWO_PLUS_TWO.search(phrase.text):
        return ("foreign", "defense")
    kinds: list[str] = []
    role_nouns = load_vocabulary().role_nouns
    for tok in phrase:
        noun = role_phrase(tok)
        if noun is not None:
            kinds.extend(role_nouns.get(noun, ()))
    if not kinds and trig.lemma_.lower() in ctx.vocab.meeting_triggers["leaders_format"]:
        kinds.extend(_HEADS)
    return tuple(dict.fromkeys(kinds))


def format_participants(sides: list[str], kinds: tuple[str, ...], index: ActorIndex, holders: bool) -> list[str]:
    """Each side's named holder of the format's post, else the side itself."""
    out: list[str] = []
    for side in sides:
        people = [t.person for t in index.titles if holders and t.person and t.kind in kinds and t.of == side] if kinds else []
        out.extend(dict.fromkeys(people) if people else [side])
    return list(dict.fromkeys(out))
