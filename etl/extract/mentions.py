"""The mentions of actors in one article and the index that holds them (shared by the
actor and post extractors)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from diplokg.iris import slug

from etl.extract.gazetteer import Gazetteer, Hit
from etl.model import Actor


PRONOUNS = {"he", "she", "him", "her"}
_TRAVEL_NOUNS = {"visit", "trip", "tour", "journey", "stay", "stopover", "arrival", "attendance", "participation"}


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

    @functools.cached_property
    def text(self) -> str:
        """The doc's text, built once (spaCy joins every token's text at each ``doc.text``)."""
        return self.doc.text

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
        # (a bullet or a rule standing alone is no sentence of the window: "• He met ...")
        sents = [s for s in doc.sents if s.start == sent_start or any(t.is_alpha for t in s)]
        idx = next((i for i, s in enumerate(sents) if s.start == sent_start), 0)
        floor = sents[max(0, idx - window_sents + 1)].start
        candidates = [
            m for m in self.mentions
            if m.kind == "Person" and floor <= m.span.start < token_index
        ]
        if not candidates:
            return None
        owner = self._agent_of_the_clause_head(token_index)
        if owner is not None:
            return owner
        same_sentence = [m for m in candidates if m.span.start >= sent_start]
        pool = same_sentence or candidates
        subjects = [m for m in pool if m.span.root.dep_ in ("nsubj", "nsubjpass")]
        return (subjects or pool)[-1].key

    def _agent_of_the_clause_head(self, token_index: int) -> str | None:
        """"Radev's visit to the forum, where he held talks": a pronoun subject of a relative
        clause stands for the person whose event the clause hangs on, the possessor or the
        "by" agent of the nouns it hangs from ("a visit by X to the forum, where he ...")."""
        tok = self.doc[token_index]
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "relcl":
            return None
        noun = tok.head.head
        for _ in range(4):
            if noun.pos_ not in ("NOUN", "PROPN"):
                return None
            if noun.lemma_.lower() not in _TRAVEL_NOUNS:
                agents = []  # ("at Y's residence, where he ...": a place's owner is no traveller)
            else:
                agents = [c for c in noun.children if c.dep_ == "poss"]
                agents += [o for p in noun.children if p.dep_ == "agent" or p.dep_ == "prep" and p.lower_ == "by"
                           for o in p.children if o.dep_ == "pobj"]
            people = [m for o in agents for m in [self.mention_at(o.i)] if m is not None and m.kind == "Person"]
            if people:
                return people[-1].key
            if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.head.pos_ not in ("NOUN", "PROPN"):
                return None
            noun = noun.head.head
        return None


def name_tokens(name: str) -> list[str]:
    """The lower-case words of a name, hyphens splitting too ("Kim Min-jae" → kim, min, jae)."""
    return [p for p in re.split(r"[\s\-]+", name.lower()) if p]


def add_gazetteer_actor(index: ActorIndex, gaz: Gazetteer, key: str, kind: str) -> None:
    """Add a country or organization of the gazetteer to the article's actors (once)."""
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
            add_gazetteer_actor(index, gaz, country.key, "Country")


def organization_from_entity(index: ActorIndex, ent: Span) -> str:
    """An organization the vocabularies lack, named by the model's ORG entity ("the Joint
    Chiefs of Staff", "European Council"), added to the article's actors; its key."""
    name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
    # punctuation the model's span took in is no part of the name ("High Representative/")
    name = re.sub(r"[\W_]+$", "", re.sub(r"^[\W_]+", "", " ".join(name.split())))
    key = slug(name)
    if key not in index.actors:
        index.actors[key] = Actor(key=key, kind="Organization", name=name)
    return key


# "SEOUL, (Yonhap) --", "BEIJING (AP) —", "NEW DELHI:", "BISHKEK, April 22. /tass/."
_DATELINE = re.compile(r"^([A-Z][A-Z .'-]{2,30}?)(?:,?\s*(?:[A-Z][a-z]{2,4}\.? \d{1,2}\s*)?(?:\([^)\n]{1,40}\)\s*)?(?:--|—|–)"
                       r"|:\s|,\s*[A-Z][a-z]{2,8}\.? \d{1,2}\.\s)", re.MULTILINE)


# the same in title case, maybe after the date or followed by its country, the day and month
# in either order, the year, the agency in brackets or slashes: "Prague, Aug 26 (CTK) –",
# "Chisinau, 28 November /MOLDPRES/ -", "October 02, Colombo (LNW):", "NASSAU, BAHAMAS —",
# "Nairobi, May 4 (Agency) The President ..."; only a capital or country the gazetteer knows counts
_DATE = r"(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2})(?:,?\s+\d{4})?"
_DATELINE_CASED = re.compile(
    r"^(?:" + _DATE + r",?\s+)?([A-Z][A-Za-z.'\u2019-]+(?:[ -][A-Z][A-Za-z.'\u2019-]+){0,2})(?:,\s*[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,2})??"
    r"(?:,?\s+" + _DATE + r")?\s*(?:(?:\([^)\n]{1,40}\)|/[^/\n]{1,40}/)\s*)?(?:(?:--|—|–|-|:)(?=\s)|(?<=\))\s+(?=[A-Z]))",
    re.MULTILINE)


def dateline_country(text: str, gaz: Gazetteer, cased: bool = True) -> str | None:
    """The country of a dateline city ("SEOUL, (Yonhap) --", "BEIJING (AP) —", "NEW DELHI:",
    "Prague, Aug 26 (CTK) –") at the start of an article's ``text``; with ``cased`` False only
    a city in capitals counts."""
    head = text[:600]
    # a title-case line opening the text is its headline ("Botswana: President meets ..."), no dateline
    cased = [m for m in _DATELINE_CASED.finditer(head) if "\n" in head[:m.start()]] if cased else []
    matches = sorted([*_DATELINE.finditer(head), *cased], key=lambda m: m.start())
    for match in matches:
        city = match.group(1).strip().title()
        for c in gaz.vocab.countries:
            if city in (k.title() for k in c.capitals) or city == c.name.title():
                return c.key
        if match.re is _DATELINE and match.group(0).rstrip()[-1:] in ("-", "—", "–"):
            return None  # the dash dateline's place, of no country known
        # "BREAKING:", "NOTE:": a label line, not a place; a dateline may follow
    return None
