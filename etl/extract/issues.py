"""Issue mentions: the triggers of the issue scheme (ontology/issues.ttl, skos:altLabel) found in
a parsed text, on lemmas and inside noun phrases, not only as exact phrases.

A trigger and a text agree word by word when each word's form or lemma is the same once
normalized: lower case, "'s" for either apostrophe, hyphenated prefixes joined
("co-operation" = "cooperation", "non-proliferation" = "nonproliferation"), British
spellings made American (etl/data/spelling_variants.csv, and -isation = -ization). A
one-word trigger matches nouns, proper nouns, adjectives and numbers only ("exchanges" the
noun, not "exchanged views"). A mention inside a longer one keeps the longer; mentions that
only cross both stay ("end the war in Ukraine"). Names of places are not issues: a trigger
inside the name of a building or venue ("the Diaoyutai State Guesthouse") is no mention, nor is
a field named as a post's portfolio ("the Food Security Minister", "the Minister for Trade").

Coordinated modifiers share their head: "food and energy security" names food security and
energy security, "economic and people-to-people exchanges" economic exchanges; a noun with a
prepositional object matches without the object's modifiers ("ban on Japanese seafood
imports" = "ban on imports", "denuclearization of the entire Korean Peninsula"); neither
counts inside a longer trigger of another issue ("just and lasting peace" is peace in Ukraine,
not also "lasting peace"). A relationship
noun qualified by a country, a demonym or "bilateral" ("Japan-China relations",
etl/data/relation_nouns.txt) names bilateral relations.

A country or organization named as the topic of talks names the issue it stands for
(etl/data/topic_actors.csv: North Korea the Korean Peninsula, Ukraine Russia's war, the G7 the
multilateral fora): the object of a verb of discussion ("they discussed the attack and North
Korea"), of "on"/"about" after such a verb or noun ("exchanged views on Ukraine"), of
"regarding", of a sentence-opening "On" ("On Ukraine, the leaders agreed ...") or "Turning
to", of "in" after a situation noun ("the situation in Myanmar"), or an item of a list of
issues ("challenges including Myanmar, Ukraine and Ethiopia"); the words of these frames are
in etl/data/issue_frames.csv. Anywhere else it is an actor, not an issue.

``IssueMatcher(nlp, issues).hits(doc, places) -> list[(issue key, Span)]``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from diplokg.iris import slug
from etl.vocab import DATA, IssueEntry

_PREFIXES = {"co", "non", "anti", "counter", "multi", "inter", "socio", "re", "pre", "post", "bi", "tri", "self", "sub", "de"}
_HYPHENS = {"-", "\u2010", "\u2011"}
_APOSTROPHE_S = {"'s", "\u2019s", "'", "\u2019"}
_ONE_WORD_POS = {"NOUN", "PROPN", "ADJ", "NUM", "X"}
_MODIFIERS = {"amod", "compound", "nmod", "npadvmod"}
_RELATIONS_KEY = "bilateral-relations"
_ISATION = re.compile(r"isation(s?)$")
_PLACE_PREPOSITIONS = {"at", "in", "inside", "outside", "near", "from", "to"}


class _Unit(NamedTuple):
    """One word of a text or trigger: its token range and the keys it matches by (a named
    tuple: one is made for every word of every article)."""

    start: int
    end: int
    keys: frozenset[str]
    pos: str


def _variants() -> dict[str, str]:
    with (DATA / "spelling_variants.csv").open(encoding="utf-8", newline="") as fh:
        return {row["variant"].lower(): row["standard"].lower() for row in csv.DictReader(fh)}


def _topic_actors() -> dict[str, str]:
    with (DATA / "topic_actors.csv").open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {slug(row["actor"]): row["issue"] for row in rows}


def _frames() -> dict[str, frozenset[str]]:
    frames: dict[str, set[str]] = {}
    with (DATA / "issue_frames.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            frames.setdefault(row["frame"], set()).add(row["word"].lower())
    return {k: frozenset(v) for k, v in frames.items()}


def _relation_nouns() -> frozenset[str]:
    lines = (DATA / "relation_nouns.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in (line.split("#", 1)[0].strip().lower() for line in lines) if w)


class IssueMatcher:
    """The triggers of every issue, indexed by the keys of their first word."""

    def __init__(self, nlp: Language, issues: Iterable[IssueEntry]) -> None:
        self._variants = _variants()
        self._keys: dict[str, str] = {}
        self._word_key_sets: dict[tuple[str, str], frozenset[str]] = {}
        self._relations = _relation_nouns()
        known = {i.key for i in issues}
        self._actor_issue = {c: k for c, k in _topic_actors().items() if k in known}
        self._frames = _frames()
        lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        self._first: dict[str, list[tuple[str, tuple[frozenset[str], ...]]]] = {}
        self.has_relations = any(i.key == _RELATIONS_KEY for i in issues)
        for issue in issues:
            for phrase in issue.triggers:
                doc = nlp.make_doc(phrase)
                lemmas = [_noun_lemma(t, lemmatizer) for t in doc]
                units = tuple(u.keys for u in self._units(list(doc), lemmas))
                if units:
                    for key in units[0]:
                        self._first.setdefault(key, []).append((issue.key, units))

    def hits(self, doc: Doc, places: set[int] = frozenset(), actors: Iterable[tuple[str, Span]] = ()) -> list[tuple[str, Span]]:
        """Issue mentions of a parsed doc, longest first where they overlap; ``places`` are
        the token indices of country and demonym mentions (for "Japan-China relations"),
        ``actors`` the country and organization mentions (key, span)."""
        toks = list(doc)  # Token objects once: spaCy builds a new one at every access
        units = self._units(toks, [t.lemma_ for t in toks])
        found = self._contiguous(doc, units)
        extra = (self._coordinated(doc, toks, units) + self._prepositional(doc, toks, units)
                 + self._relationships(doc, toks, places) + self._actors_as_topics(actors))
        contiguous = list(found)
        for key, span in extra:
            if any(k == key and s.start < span.end and span.start < s.end for k, s in found):
                continue
            if any(s.start <= span.start and span.end <= s.end for _, s in contiguous):
                continue  # inside a longer trigger of another issue ("just and lasting peace")
            found.append((key, span))
        venues = [(e.start, e.end) for e in doc.ents if e.label_ == "FAC" and _is_venue(e)]
        found = [(k, s) for k, s in found if not any(a <= s.start and s.end <= b and (a, b) != (s.start, s.end) for a, b in venues)]
        found = [(k, s) for k, s in found if not _headed_body(s) and not _portfolio(s, places) and not _occasion_of_visit(s)]
        return sorted(found, key=lambda h: (h[1].start, -len(h[1])))

    # -- words ----------------------------------------------------------------------------

    def _key(self, word: str) -> str:
        key = self._keys.get(word)
        if key is None:
            w = word.lower()
            if w in _APOSTROPHE_S:
                key = "'s"
            else:
                w = self._variants.get(w, w)
                key = _ISATION.sub(r"ization\1", w) if "isation" in w else w
            self._keys[word] = key
        return key

    def _word_keys(self, text: str, lemma: str) -> frozenset[str]:
        """The keys of one word, by its form and its lemma (kept: a corpus repeats its words)."""
        keys = self._word_key_sets.get((text, lemma))
        if keys is None:
            keys = self._word_key_sets[(text, lemma)] = frozenset({self._key(text), self._key(lemma)})
        return keys

    def _units(self, doc: list[Token], lemmas: list[str]) -> list[_Unit]:
        """The words of a text's tokens: hyphens and spaces dropped, "co-operation" one word."""
        out: list[_Unit] = []
        i, n = 0, len(doc)
        while i < n:
            tok = doc[i]
            if tok.is_space or tok.text in _HYPHENS or (tok.is_punct and tok.text not in _APOSTROPHE_S):
                i += 1
                continue
            if tok.lower_ in _PREFIXES and i + 2 < n and doc[i + 1].text in _HYPHENS and not tok.whitespace_ and not doc[i + 1].whitespace_ and doc[i + 2].is_alpha:
                nxt = doc[i + 2]
                keys = {self._key(tok.lower_ + nxt.lower_), self._key(tok.lower_ + lemmas[i + 2].lower())}
                out.append(_Unit(i, i + 3, frozenset(keys), nxt.pos_))
                i += 3
                continue
            out.append(_Unit(i, i + 1, self._word_keys(tok.text, lemmas[i]), tok.pos_))
            i += 1
        return out

    # -- mentions -------------------------------------------------------------------------

    def _contiguous(self, doc: Doc, units: list[_Unit]) -> list[tuple[str, Span]]:
        candidates: list[tuple[int, int, str]] = []
        for n, unit in enumerate(units):
            for first in unit.keys:
                for key, trigger in self._first.get(first, ()):
                    if n + len(trigger) > len(units):
                        continue
                    if len(trigger) == 1 and unit.pos not in _ONE_WORD_POS:
                        continue
                    if len(trigger) == 1 or all(units[n + j].keys & trigger[j] for j in range(1, len(trigger))):
                        candidates.append((n, n + len(trigger), key))
        candidates.sort(key=lambda c: (-(units[c[1] - 1].end - units[c[0]].start), c[0]))
        kept: list[tuple[int, int, str]] = []
        for a, b, key in dict.fromkeys(candidates):
            if any(ka <= a and b <= kb for ka, kb, _ in kept):
                continue  # inside a longer mention
            kept.append((a, b, key))
        return [(key, doc[units[a].start:units[b - 1].end]) for a, b, key in sorted(kept)]

    def _coordinated(self, doc: Doc, toks: list[Token], units: list[_Unit]) -> list[tuple[str, Span]]:
        """"food and energy security": each coordinated modifier with the shared head."""
        by_token = {i: u for u in units for i in range(u.start, u.end)}
        out = []
        for head in toks:
            if head.pos_ not in ("NOUN", "PROPN"):
                continue
            for mod in head.children:
                if mod.dep_ not in _MODIFIERS or mod.i > head.i or not list(mod.conjuncts):
                    continue
                tail = [u for u in units if mod.right_edge.i < u.start and u.end <= head.i + 1]
                for member in (mod, *mod.conjuncts):
                    if member.i > head.i:
                        continue
                    own = [by_token[t.i] for t in _without_conjuncts(member) if t.i in by_token]
                    words = list(dict.fromkeys(own)) + [u for u in tail if u.start > member.right_edge.i]
                    for key in self._whole(words):
                        out.append((key, doc[min(mod.left_edge.i, member.left_edge.i):head.i + 1]))
        return out

    def _prepositional(self, doc: Doc, toks: list[Token], units: list[_Unit]) -> list[tuple[str, Span]]:
        """"ban on Japanese seafood imports": the noun, the preposition and the object's head
        (with or without the object's compounds)."""
        by_token = {u.start: u for u in units}
        out = []
        for prep in toks:
            if prep.dep_ != "prep" or prep.head.pos_ != "NOUN" or prep.head.i > prep.i:
                continue
            for obj in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")):
                compounds = [c for c in obj.children if c.dep_ == "compound" and c.i < obj.i]
                if not compounds and obj.left_edge.i == obj.i:
                    continue  # nothing dropped: the contiguous match sees it
                head_words = [by_token[t.i] for t in (prep.head, prep) if t.i in by_token]
                for core in ([*compounds, obj], [obj]):
                    words = head_words + [by_token[t.i] for t in core if t.i in by_token]
                    for key in self._whole(words):
                        out.append((key, doc[prep.head.i:obj.i + 1]))
        return out

    def _whole(self, words: list[_Unit]) -> list[str]:
        """Issues with a trigger equal to the whole word sequence."""
        if not words:
            return []
        out = []
        for first in words[0].keys:
            for key, trigger in self._first.get(first, ()):
                if len(trigger) == len(words) and all(w.keys & t for w, t in zip(words, trigger)):
                    out.append(key)
        return list(dict.fromkeys(out))

    def _relationships(self, doc: Doc, toks: list[Token], places: set[int]) -> list[tuple[str, Span]]:
        """"Japan-China relations", "U.S.-Philippine ties", "bilateral partnership", "ties
    between the US and Kenya", "the two countries' relationship"."""
        if not self.has_relations:
            return []
        out = []
        for head in toks:
            if head.pos_ != "NOUN" or head.lemma_.lower() not in self._relations:
                continue
            left = [t for t in head.subtree if t.i < head.i]
            if any(t.i in places for t in left) or any(t.lower_ == "bilateral" for t in left):
                start = min((t.i for t in left if t.i in places or t.lower_ == "bilateral"), default=head.i)
                out.append((_RELATIONS_KEY, doc[start:head.i + 1]))
                continue
            end = _between_two_states(head, places)
            if end is None:
                end = _with_a_state(head, places)
            if end is not None:
                out.append((_RELATIONS_KEY, doc[head.i:end + 1]))
                continue
            pair = next((t for t in left if _two_states(t)), None)
            if pair is not None:  # "the two countries' relationship", "both nations' ties"
                out.append((_RELATIONS_KEY, doc[pair.left_edge.i:head.i + 1]))
        return out


    def _actors_as_topics(self, actors: Iterable[tuple[str, Span]]) -> list[tuple[str, Span]]:
        """A country or organization named as a topic of talks: the issue it stands for (see
        the module docstring)."""
        out = []
        for actor, span in actors:
            issue = self._actor_issue.get(actor)
            if issue is not None and self._as_topic(span.root):
                out.append((issue, span))
        return out

    def _as_topic(self, tok: Token) -> bool:
        while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
            tok = tok.head
        head = tok.head
        frames = self._frames
        if tok.dep_ in ("dobj", "npadvmod"):  # (a coordinated object the parser hung as npadvmod)
            return head.lemma_.lower() in frames.get("verb", ()) or head.lower_ in frames.get("prep", ())
        if tok.dep_ != "pobj":
            return False
        while head.dep_ == "conj" and head.head.pos_ == "ADP":  # "in the Middle East and in Afghanistan"
            head = head.head
        word = head.lower_
        if word == "on" and head.i == head.sent.start:
            return True  # "On Ukraine, the leaders agreed ..."
        if word == "to" and head.head.lemma_.lower() in frames.get("turn", ()):
            return True  # "Turning to the G7, ..."
        if word in frames.get("prep", ()):
            return True
        if word in ("on", "about", "over"):
            return head.head.lemma_.lower() in frames.get("verb", frozenset()) | frames.get("noun", frozenset())
        if word == "in":
            return head.head.lemma_.lower() in frames.get("situation", ())
        listed = word in ("including", "like") or (word == "as" and head.i > 0 and head.doc[head.i - 1].lower_ == "such")
        return listed and head.head.lemma_.lower() in frames.get("list", ())


_HEADING_VERBS = {"chair", "co-chair", "cochair", "head", "preside"}


_STATE_NOUNS = {"country", "nation", "state", "neighbour", "neighbor", "government"}
_PAIR_WORDS = {"two", "both"}


def _between_two_states(head: Token, places: set[int]) -> int | None:
    """"ties between the US and Kenya", "relations between the two countries": a relationship
    noun whose "between" names two countries (or "the two countries", "both nations") is the
    two states' bilateral relations; the index of the phrase's last token, else None."""
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "between" and c.i == head.i + 1):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            sides = [obj, *obj.conjuncts]
            if len(sides) >= 2 and all(any(t.i in places for t in s.subtree if t.dep_ != "conj" or t is s) for s in sides):
                return max(s.i for s in sides)
            if _two_states(obj):
                return obj.i
    return None


def _with_a_state(head: Token, places: set[int]) -> int | None:
    """"strong relations with the country", "ties with Kenya": a relationship noun whose
    "with" (right after it) names a country, or "the country", "its neighbours": a state's
    bilateral relations; the index of the phrase's last token, else None."""
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "with" and c.i == head.i + 1):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            if any(t.i in places for t in obj.subtree if t.dep_ != "conj" or t is obj):
                return obj.right_edge.i if obj.right_edge.i - obj.i < 4 else obj.i
            if obj.lemma_.lower() in _STATE_NOUNS and any(c.dep_ in ("det", "poss") for c in obj.children):
                return obj.i
    return None


def _two_states(tok: Token) -> bool:
    """"the two countries", "both nations"."""
    return tok.lemma_.lower() in _STATE_NOUNS and tok.tag_ in ("NNS", "NNPS") and any(c.lower_ in _PAIR_WORDS for c in tok.children)


_OCCASION_PREPOSITIONS = {"at", "upon", "on", "by", "following"}


def _occasion_of_visit(span: Span) -> bool:
    """"visiting at the invitation of X", "on the invitation of Y": the occasion of the visit
    the story reports, not an invitation the talks were about ("renewed the invitation to
    visit", "accepted the invitation")."""
    root = span.root
    return len(span) == 1 and root.lemma_.lower() == "invitation" and root.head.lower_ in _OCCASION_PREPOSITIONS and root.dep_ == "pobj"


def _headed_body(span: Span) -> bool:
    """A body named as the post someone holds ("who co-chairs an intergovernmental commission",
    "heads the joint committee", "presides over the council"): a post, not a topic."""
    root = span.root
    verb = root.head
    if root.dep_ == "pobj" and verb.lower_ == "over":
        verb = verb.head
    elif root.dep_ != "dobj":
        return False
    return verb.pos_ == "VERB" and verb.lemma_.lower() in _HEADING_VERBS  # "co-chairs": "co", "-", "chairs"


_POST_NOUNS = {"minister", "ministry", "secretary", "department", "commissioner", "adviser", "advisor", "portfolio",
               "representative", "chief", "czar", "tsar", "envoy", "spokesperson", "spokesman", "spokeswoman", "designate"}


def _portfolio(span: Span, places: set[int]) -> bool:
    """A field named as a post's portfolio ("the Agriculture and Food Security Minister", "the
    Minister for Trade and Investment", "the trade ministry", "the EU foreign policy chief", "the
    climate envoy"): a post, not a topic. A post is
    one holder's: countries or a format before plural ministers name whose ministers they are
    ("the Korea-U.S.-Japan foreign ministers' meeting")."""
    if any(t.i in places for t in span):
        return False
    tok = span.root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in ("compound", "nmod"):
        return tok.head.lemma_.lower() in _POST_NOUNS and tok.head.tag_ not in ("NNS", "NNPS")
    if tok.dep_ == "pobj" and tok.head.lower_ in ("of", "for"):
        # a portfolio after the title is capitalized ("Minister for Trade"); "thanked the Minister
        # for India's humanitarian assistance" names what he is thanked for
        words = [t for t in span if t.is_alpha and t.lower_ not in ("and", "of", "the")]
        return tok.head.head.lemma_.lower() in _POST_NOUNS and all(t.text[:1].isupper() for t in words)
    return False


def _is_venue(ent: Span) -> bool:
    """A building or site named as where something happens: "at the Diaoyutai State Guesthouse"."""
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPOSITIONS


def _without_conjuncts(tok: Token) -> list[Token]:
    """A modifier's own words, without the words coordinated with it."""
    skip = {t.i for c in tok.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    return [t for t in tok.subtree if t.i not in skip]


def _noun_lemma(tok: Token, lemmatizer) -> str:
    """A trigger word's lemma read as a noun ("launches" → "launch"): triggers name things."""
    if lemmatizer is None or not tok.is_alpha:
        return tok.text
    tok.pos_ = "NOUN"
    forms = lemmatizer.rule_lemmatize(tok)
    return forms[0] if forms else tok.text
