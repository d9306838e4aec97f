"""Where a person's name is in the text: the model's PERSON entities mended, and names it
misses after titles.

``person_candidates(doc, ...)`` returns :class:`Candidate` spans, each exactly a name as
printed (no title, honorific or possessive). The mends, each defensible for any wire story
or readout:

- honorifics, titles and other non-name words are trimmed off either end ("Mr. Abe’s" →
  "Abe", "Secretary Blinken" → "Blinken"), a post's rank word before its title too
  ("Georgian First Deputy Foreign Minister" is no "Georgian First"); a possessive ends the name ("Doe’s Meeting" →
  "Doe"), and so does a dash or comma ("Naoto Kan - Premier" → "Naoto Kan");
- a name is extended over what the model left out: the hyphenated part of a given name
  ("Choi Sung-woo"), the family name after particles ("Ursula von" → "Ursula von der
  Leyen"), the given name before a middle initial or a particle ("J. Blinken" → "Antony J.
  Blinken", "Dela Vega" → "Ramon Dela Vega"), the third part of a Korean name ("Yoon Suk"
  → "Yoon Suk Yeol");
- after a post title or a role noun ("chief delegate", ``etl/data/person_nouns.txt``) two to
  four capitalised words that are no country, organization or title are a name, whether or
  not the model saw one;
- a name in a Title Case line (a headline) is marked: it counts only where the body names
  the same person (the caller checks), since in "Koreas Agree to Talks" or "Opening Remarks
  - Bilateral" every word is capitalised; a headline "name" with a word of meeting in it
  ("Minister Holds Phone Call") is none.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from etl.vocab import load_vocabulary
from etl.nlp import TITLE_ABBREVIATIONS  # "PM Modi's": the model's entity may begin with the title
from etl.extract.names import DATA, PARTICLES, SUFFIXES, culture, honorifics, is_initial
from etl.extract.portfolios import _serial_list_goes_on

NOT_NAME_WORDS = {
    "covid", "coronavirus", "mr", "ms", "mrs", "dr", "sen", "rep", "gov", "gen", "prime", "minister",
    "president", "secretary", "foreign", "defense", "defence", "state", "pool", "photo", "kyodo",
    "yonhap", "reuters", "xinhua", "afp", "ap", "north", "south", "east", "west", "indo", "pacific",
    "related", "coverage", "island", "islands", "sea", "strait", "korea", "korean", "the",
    # words that make the capitalised name after them a thing or a place, not a person
    "cyclone", "typhoon", "hurricane", "storm", "operation", "mount", "lake", "cape", "fort", "camp", "port",
    # buildings named after a person or a place ("Kamuzu Palace", "State House" aside: House is a family name)
    "palace", "hotel", "airport", "chancellery", "headquarters",
    # bodies and places named after a person ("the Archbishop Makarios III Foundation")
    "foundation", "institute", "university", "museum", "stadium", "hospital", "avenue", "boulevard",
    # meeting words of a Title Case name ("a Small Group Meeting and Plenary Meeting with ...")
    "meeting", "meetings", "summit", "dialogue", "talks", "conference",
    # groups of countries and the formats they meet in ("the Weimar Triangle", "the Normandy
    # Format", "the Middle East Quartet", "the Berlin Process")
    "triangle", "quartet", "format", "forum", "group", "process", "initiative",
    # the head word of a body's name ("Chair of the House Financial Services Committee, Congressman X")
    "committee", "commission", "council", "ministry", "department", "agency", "organization", "organisation",
    "embassy", "bureau", "secretariat", "parliament", "assembly", "senate", "congress",
}
_DASHES = {"-", "–", "—", "--"}
_INNER_APOSTROPHE = re.compile(r"[A-Z][a-z]*['’](?!s\b)[A-Za-z][a-z]+")
_POSSESSIVE = {"'s", "’s", "'", "’"}


@dataclass
class Candidate:
    """A name as printed: the span, and what stands before it."""

    span: Span
    headline: bool = False  # in a Title Case line: needs the body's confirmation
    introduced: bool = False  # right after a title, role noun or honorific ("Minister Hayashi")
    nickname: tuple[int, int] | None = None  # the tokens of a quoted nickname inside the name, quotes included

    @property
    def text(self) -> str:
        if self.nickname is None:
            return self.span.text
        a, b = self.nickname
        return " ".join(t.text for t in self.span if not a <= t.i < b)

    @property
    def words(self) -> int:
        return sum(1 for t in self.span if not t.is_punct and (self.nickname is None or not self.nickname[0] <= t.i < self.nickname[1]))


@functools.lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    lines = (DATA / "person_nouns.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in (line.split("#", 1)[0].strip().lower() for line in lines) if w)


@functools.lru_cache(maxsize=1)
def _title_vocabulary_words() -> frozenset[str]:
    """Every word of the post titles in titles.csv ("speaker", "chairman", "deputy")."""
    import csv

    with (DATA / "titles.csv").open(encoding="utf-8") as f:
        return frozenset(w for row in csv.DictReader(f) for w in row["title"].lower().replace("-", " ").split())


@functools.lru_cache(maxsize=1)
def _honorific_words() -> frozenset[str]:
    """Single-word honorifics with and without their period ("mr", "mr.", "h.e.")."""
    out = set()
    for h in honorifics():
        if " " not in h:
            out.update({h, h + "."})
    return frozenset(out)


def is_honorific(tok: Token) -> bool:
    if tok.text == "HE":
        # "HE Mr. Motegi Toshimitsu": His (Her) Excellency, written without its periods, before
        # another honorific (never the pronoun of an all-capitals line, "HE SAID")
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        return nxt is not None and nxt.lower_ in _honorific_words()
    if tok.lower_ in ("his", "her", "their") and tok.i + 1 < len(tok.doc):
        # the first word of "His Excellency", "Her Majesty", "His Royal Highness"
        nxt = tok.doc[tok.i + 1]
        return nxt.text[:1].isupper() and any(h.startswith(tok.lower_ + " " + nxt.lower_) for h in honorifics())
    return tok.lower_ in _honorific_words() or tok.lower_ in ("honorable", "honourable", "excellency") or _in_honorific_phrase(tok)


@functools.lru_cache(maxsize=1)
def _phrases() -> tuple[tuple[str, ...], ...]:
    """The honorifics of several words, as word tuples ("lt gen", "samdech techo")."""
    return tuple(tuple(h.split()) for h in honorifics() if " " in h)


@functools.lru_cache(maxsize=1)
def _phrase_words() -> frozenset[str]:
    """Every word of an honorific of several words."""
    return frozenset(w for words in _phrases() for w in words)


def _in_honorific_phrase(tok: Token) -> bool:
    """A word of an honorific of several words printed in full, capitalized ("Maj Gen", "Lt.
    Col.", "Tan Sri"): each word is an honorific there, though alone it may be none."""
    if tok.lower_.rstrip(".") not in _phrase_words():
        return False  # (most words: no phrase to look for around them)
    doc = tok.doc
    for words in _phrases():
        n = len(words)
        for first in range(max(0, tok.i - n + 1), tok.i + 1):
            if first + n <= len(doc) and doc[first].text[:1].isupper() and all(
                    doc[first + k].lower_.rstrip(".") == words[k] for k in range(n)):
                return True
    return False


_FUNCTION_WORDS = frozenset({
    "with", "from", "into", "over", "amid", "upon", "than", "that", "this", "after", "about", "before",
    "between", "during", "under", "without", "within", "against", "through", "toward", "towards",
    "onto", "near", "across", "their", "while", "ahead",
})


def title_case_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of Title Case lines (headlines): at least two content words (four or
    more letters, not a function word), at most one in five of them lower case, and no
    sentence inside or at the end."""
    out = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if not stripped or len(stripped) > 200 or stripped[-1] in ".!?:;" or re.search(r"[.!?][\"”’]?\s+[A-Z]", stripped):
            continue
        words = re.findall(r"[A-Za-z][A-Za-z’'\-]+", stripped)
        content = [w for w in words if len(w) >= 4 and w.lower() not in _FUNCTION_WORDS]
        if len(content) < 2 or all(w.isupper() for w in words):
            continue
        if sum(1 for w in content if w[0].isupper()) >= 0.8 * len(content):
            out.append((start, start + len(line)))
    return out


def person_candidates(doc: Doc, blocked: set[int], title_tokens: set[int], title_ends: set[int],
                      limit: int, skip: list[tuple[int, int]], title_starts: set[int] = frozenset()) -> list[Candidate]:  # type: ignore[assignment]
    """The article's person names (see the module docstring).

    ``blocked``: tokens of countries, organizations and capitals; ``title_tokens``: tokens
    of post titles, ``title_ends`` the token index after each and ``title_starts`` the first
    token of each; ``skip``: character ranges that are no part of the story (bylines)."""
    heads = title_case_lines(doc.text[:limit])
    out: list[Candidate] = []
    covered: set[int] = set()

    def add(span: Span | None) -> None:
        if span is None or covered.intersection(range(span.start, span.end)):
            return
        if blocked.intersection(range(span.start, span.end)) or title_tokens.issuperset(range(span.start, span.end)):
            return
        headline = any(a <= span.start_char < b for a, b in heads)
        if len(span) > 1 and any(t.lower_ in _TITLE_CASE_PARTICLES and t.text[:1].isupper() and not _hyphen_follows(t) for t in span):
            return  # "U.S. State Secretary Agree On Importance ...": a Title Case headline's words, no name ("Lee In-young" is one)
        if headline and any(_meeting_word(t) for t in span):
            return  # "Foreign Minister Holds Phone Call with ...": the headline's predicate, no name
        if _a_portfolio_of_a_list(span):
            return
        covered.update(range(span.start, span.end))
        out.append(Candidate(span, headline=headline, introduced=_introduced(doc, span.start, title_ends, covered)))

    for span, nick in _names_with_a_nickname(doc, blocked, title_tokens, limit):
        if not covered.intersection(range(span.start, span.end)) and not any(a <= span.start_char < b for a, b in skip):
            covered.update(range(span.start, span.end))
            out.append(Candidate(span, headline=any(a <= span.start_char < b for a, b in heads), nickname=nick))
    for ent in doc.ents:
        if ent.end_char > limit or ent.label_ != "PERSON" or any(a <= ent.start_char < b for a, b in skip):
            continue
        if in_credit(ent):
            continue
        for part in _split_at_breaks(ent):
            add(clean_person_span(part, title_tokens, blocked))
    for start in sorted(title_ends | _role_noun_ends(doc)):
        add(_name_after(doc, start, blocked, title_tokens, limit, covered))
    for start in _plural_title_ends(doc):
        add(_name_after(doc, start, blocked, title_tokens, limit, covered))
    for start in sorted(title_ends):
        add(_name_after_comma(doc, start, blocked, title_tokens, limit, covered))
    for start in _honorific_ends(doc):
        add(_name_after_honorific(doc, start, blocked, title_tokens, limit, covered))
    for start in sorted(title_starts):
        add(_name_before(doc, start, blocked, title_tokens, covered))
    out.sort(key=lambda c: c.span.start)
    for c in out:
        c.introduced = _introduced(doc, c.span.start, title_ends, {i for o in out for i in range(o.span.start, o.span.end)})
    # the rest of a list a plural title introduces: "former Prime Ministers Turnbull, Abbott
    # and Howard" (names the model labels as places too)
    for c in [c for c in out if c.introduced and _plural_title_before(doc, c.span.start)]:
        i = c.span.end
        while i + 1 < len(doc) and doc[i].text in (",", "and") and doc[i].idx < limit:
            j = i + 1 if doc[i].text == "and" or doc[i + 1].text != "and" else i + 2
            k, hyphens = j, 0
            while (k < len(doc) and k - j - 2 * hyphens < 3 and k not in blocked and k not in title_tokens and doc[k].is_alpha
                   and doc[k].text[:1].isupper() and doc[k].pos_ == "PROPN"):
                k += 1
                if (k + 1 < len(doc) and doc[k].text == "-" and not doc[k - 1].whitespace_ and not doc[k].whitespace_
                        and doc[k + 1].text[:1].isupper() and doc[k + 1].is_alpha):
                    k += 2  # "Jean-Marc Ayrault": a hyphenated given name, one part of the name
                    hyphens += 1
            if k == j:
                break
            if not covered.intersection(range(j, k)):
                span = clean_person_span(doc[j:k], title_tokens, blocked)
                if span is not None:
                    covered.update(range(span.start, span.end))
                    out.append(Candidate(span, headline=c.headline, introduced=True))
            i = k
    for span in _names_after_their_countries(doc, blocked, title_tokens, limit):
        if not covered.intersection(range(span.start, span.end)):
            covered.update(range(span.start, span.end))
            out.append(Candidate(span, headline=False, introduced=True))
    out.sort(key=lambda c: c.span.start)
    names = {i for o in out for i in range(o.span.start, o.span.end)}
    for c in out:
        c.introduced = c.introduced or _introduced(doc, c.span.start, title_ends, names)
    return out


_OPEN_QUOTES = {'"', "\u201c", "'", "\u2018"}
_CLOSE_QUOTES = {'"', "\u201d", "'", "\u2019"}


def _names_with_a_nickname(doc: Doc, blocked: set[int], title_tokens: set[int], limit: int) -> list[tuple[Span, tuple[int, int]]]:
    """"Ferdinand "Bongbong" Marcos Jr.", "Joko "Jokowi" Widodo": a given name, a nickname in
    quotes and a family name (and a suffix), one name; the nickname's tokens are no part of it
    as written out."""
    def name_word(k: int) -> bool:
        t = doc[k]
        return (t.is_alpha and t.text[:1].isupper() and t.pos_ == "PROPN" and k not in blocked and k not in title_tokens
                and t.lower_ not in NOT_NAME_WORDS and not _title_word(t))
    out = []
    for q in range(1, len(doc) - 3):
        if doc[q].text not in _OPEN_QUOTES or not name_word(q - 1) or doc[q].idx >= limit:
            continue
        k = q + 1
        while k < len(doc) and k - q <= 2 and doc[k].is_alpha and doc[k].text[:1].isupper():
            k += 1
        if k == q + 1 or k >= len(doc) or doc[k].text not in _CLOSE_QUOTES:
            continue
        end = k + 1
        while end < len(doc) and end - k <= 3 and name_word(end):
            end += 1
        if end == k + 1:
            continue
        if end < len(doc) and doc[end].lower_ in SUFFIXES:
            end += 1
        start = q - 1
        if start > 0 and name_word(start - 1) and doc[start - 1].ent_type_ == "PERSON":
            start -= 1  # two given names before the nickname
        out.append((doc[start:end], (q, k + 1)))
    return out


def _meeting_word(tok: Token) -> bool:
    """A word of meeting (etl/data/meeting_triggers.csv: "Meets", "Phone", "Talks"), as a
    Title Case headline capitalizes it."""
    triggers = set().union(*(load_vocabulary().meeting_triggers.get(r, frozenset()) for r in ("event_noun", "event_verb", "phone_cue")))
    word = tok.lower_
    return any(w in triggers for w in (word, word[:-1] if word.endswith("s") else word, word[:-2] if word.endswith("es") else word))


def _names_after_their_countries(doc: Doc, blocked: set[int], title_tokens: set[int], limit: int) -> list[Span]:
    """"the Foreign Ministers of Kazakhstan A B, Tajikistan C D and Uzbekistan E F" (or "the
    foreign ministers of ..."): after a title in the plural and "of", each country (a blocked mention) is followed by its holder's
    name, two to four capitalized proper nouns."""
    out: list[Span] = []
    for tok in doc:
        if tok.idx >= limit or tok.tag_ not in ("NNS", "NNPS") or tok.i not in title_tokens and not _title_word(tok):
            continue
        i = tok.i + 1
        if i + 1 >= len(doc) or doc[i].lower_ != "of" or (i + 1) not in blocked:
            continue
        i += 1
        found: list[Span] = []
        while i < len(doc) and i in blocked:
            while i < len(doc) and i in blocked:
                i += 1
            j = i
            while j < len(doc) and j - i < 4 and j not in blocked and j not in title_tokens and doc[j].is_alpha and doc[j].text[:1].isupper() and doc[j].pos_ == "PROPN":
                j += 1
            if j - i < 2:
                break
            span = clean_person_span(doc[i:j], title_tokens, blocked)
            if span is None:
                break
            found.append(span)
            i = j
            while i < len(doc) and doc[i].text in (",", "and"):
                i += 1
        if len(found) >= 2:
            out.extend(found)
    return out


def _split_at_breaks(ent: Span) -> list[Span]:
    """A PERSON entity cut at a dash, comma or possessive inside it: "Naoto Kan - Premier",
    "Doe’s Meeting" (the part after a possessive is no name: it is dropped)."""
    doc = ent.doc
    parts, start = [], ent.start
    for i in range(ent.start, ent.end):
        tok = doc[i]
        if tok.text in _DASHES and (tok.whitespace_ or (i > 0 and doc[i - 1].whitespace_)):
            parts.append(doc[start:i])
            start = i + 1
        elif tok.text == ",":
            # "Marcos, Jr." keeps its suffix
            if i + 1 < ent.end and doc[i + 1].lower_ in SUFFIXES:
                continue
            parts.append(doc[start:i])
            start = i + 1
        elif tok.text in _POSSESSIVE and not _name_goes_on(doc, i):
            parts.append(doc[start:i])
            start = ent.end
            break
    if start < ent.end:
        parts.append(doc[start:ent.end])
    return [p for p in parts if len(p)]


def _name_goes_on(doc: Doc, i: int) -> bool:
    """A bare apostrophe inside a transliterated name ("Mohammed Shia' al-Sudani"), not a
    possessive: a particle or a capitalised name follows it."""
    if doc[i].text not in ("'", "’") or i + 1 >= len(doc) or doc[i - 1].whitespace_:
        return False
    nxt = doc[i + 1]
    return nxt.lower_ in PARTICLES or (nxt.text[:1].isupper() and nxt.is_alpha and nxt.ent_type_ in ("", "PERSON"))


def clean_person_span(span: Span, title_tokens: set[int], blocked: set[int] = frozenset()) -> Span | None:  # type: ignore[assignment]
    """A PERSON entity trimmed and extended to exactly the name; None if it is no name."""
    doc = span.doc
    start, end = span.start, span.end
    # trim honorifics, titles and lower-case words at the start (not particles before a name)
    while start < end and (is_honorific(doc[start]) or start in title_tokens or start in blocked or doc[start].text in TITLE_ABBREVIATIONS
                           or doc[start].lower_ in NOT_NAME_WORDS or _title_word(doc[start])
                           or (not doc[start].text[:1].isupper() and not _particle_before_name(doc, start, end))):
        start += 1
    # trim possessives, punctuation, lower-case words, places and titles at the end
    # ("Tomonaga of Japan"; a suffix's period and a particle before the family name stay)
    while end > start and ((doc[end - 1].text in _POSSESSIVE and not _name_goes_on(doc, end - 1))
                           or (doc[end - 1].is_punct and doc[end - 1].text not in (".", "'", "’"))
                           or (doc[end - 1].is_lower and doc[end - 1].lower_ not in PARTICLES and not _hyphenated_part(doc[end - 1]))
                           or (end - 1) in blocked or (end - 1) in title_tokens
                           or (end - start > 1 and doc[end - 1].text.isupper() and doc[end - 1].text in TITLE_ABBREVIATIONS)
                           or (doc[end - 1].lower_ in _RANK_WORDS and end in title_tokens)):
        end -= 1  # ("Manoa Kamikamica DPM": the post's abbreviation after the name; "... First Deputy Minister": the post's rank)
    if start >= end:
        return None
    end = _extend_right(doc, start, end, blocked, title_tokens)
    start = _extend_left(doc, start, end, blocked, title_tokens)
    if (end - start == 1 and end < span.end and doc[end].text in TITLE_ABBREVIATIONS and start > 0
            and _name_token(doc[start - 1], blocked, title_tokens)):
        start -= 1  # the given name the model left out of "Kamikamica DPM"
    out = doc[start:end]
    if any(ch.isdigit() for ch in out.text) or len(out.text) < 2:
        return None
    words = [t for t in out if not (t.is_punct and t.text not in ("-",)) and t.text != "-"]
    if not words or any(t.lower_ in NOT_NAME_WORDS and not (k > 0 and t.lower_ in _NAME_TOO) for k, t in enumerate(words)):
        return None
    if not all(t.text[:1].isupper() or t.lower_ in PARTICLES or _after_hyphen(t) for t in words):
        return None
    if all(t.lower_ in PARTICLES or t.lower_ in SUFFIXES or is_initial(t.text) for t in words):
        return None
    return out


# Words of a post's rank before its title ("First Deputy Foreign Minister", "Senior Vice
# President"): the start of the post, not the end of a name before it.
_RANK_WORDS = {"first", "second", "third", "senior", "acting", "deputy", "vice", "chief", "principal", "executive", "permanent", "former"}

# Abbreviated titles that are also family names after a given name ("Hun Sen", "Amartya Sen").
_NAME_TOO = {"sen", "gen", "rep"}


def _particle_before_name(doc: Doc, i: int, end: int) -> bool:
    """A lower-case particle that starts a family name ("von der Leyen")."""
    j = i
    while j < len(doc) and doc[j].lower_ in PARTICLES and not doc[j].text[:1].isupper():
        j += 1
    return j > i and j < len(doc) and doc[j].text[:1].isupper() and doc[j].is_alpha and (j < end or j == end)


def _name_token(tok: Token, blocked: set[int], title_tokens: set[int]) -> bool:
    """A capitalised word that may continue a name."""
    return (tok.is_alpha and tok.text[:1].isupper() and tok.i not in blocked and tok.i not in title_tokens
            and tok.lower_ not in NOT_NAME_WORDS and not is_honorific(tok) and tok.ent_type_ in ("", "PERSON")
            and tok.pos_ in ("PROPN", "NOUN", "ADJ", "X"))


def _family_after_particle(tok: Token, blocked: set[int], title_tokens: set[int]) -> bool:
    """The word after "von der", whatever label the model gave it ("Leyen" as a place)."""
    return tok.is_alpha and tok.text[:1].isupper() and tok.i not in blocked and tok.i not in title_tokens


def _extend_right(doc: Doc, start: int, end: int, blocked: set[int], title_tokens: set[int]) -> int:
    # "Choi Sung-woo": the model may stop before the hyphenated part of a given name.
    while (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_
           and doc[end + 1].is_alpha and (doc[end + 1].is_lower or doc[end - 1].is_upper)):
        end += 2
    # "Sahle" + "-Work" + " Zewde": a capitalised second part of a hyphenated given name, the
    # family name right after it (a bare "Biden-Xi summit" has none, and stays apart)
    if (end - start == 1 and end + 2 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
            and not doc[end].whitespace_ and _glued_name_part(doc[end + 1], blocked, title_tokens)
            and doc[end + 1].whitespace_ and _name_token(doc[end + 2], blocked, title_tokens)):
        end += 3
    # "Ursula von" / "von der": the family name after the particles.
    j = end
    while j > start and doc[j - 1].lower_ in PARTICLES and not doc[j - 1].text[:1].isupper():
        j -= 1
    if j < end:
        k = end
        while k < len(doc) and doc[k].lower_ in PARTICLES and not doc[k].text[:1].isupper():
            k += 1
        if k < len(doc) and _family_after_particle(doc[k], blocked, title_tokens):
            end = k + 1
    elif end < len(doc) and doc[end].lower_ in PARTICLES and not doc[end].text[:1].isupper():
        k = end
        while k < len(doc) and doc[k].lower_ in PARTICLES and not doc[k].text[:1].isupper():
            k += 1
        if k < len(doc) and _family_after_particle(doc[k], blocked, title_tokens) and doc[end - 1].text[:1].isupper():
            end = k + 1
    # "Mohammed Shia'" + " al-Sudani": a transliterated name's apostrophe, then "al-" names
    if end < len(doc) and doc[end - 1].text in ("'", "’") and not _name_goes_on(doc, end - 1):
        end -= 1
    k = end
    if k + 2 < len(doc) and doc[k].lower_ in ("al", "el") and doc[k + 1].text == "-" and doc[k + 2].text[:1].isupper() and not doc[k].whitespace_:
        end = k + 3
    elif end - start >= 2:
        # "Khalid bin Rashid" + "Al Nasri", "Salem Nasser" + "Al- Hamad Al-Faris": an
        # Arabic family name opened by a capitalised article, unhyphenated or with a stray space
        while end + 1 < len(doc) and doc[end - 1].whitespace_ and doc[end].text in ("Al", "El", "Al-", "El-"):
            if _family_after_particle(doc[end + 1], blocked, title_tokens):
                end += 2
            elif (end + 2 < len(doc) and doc[end + 1].text == "-" and not doc[end].whitespace_ and not doc[end + 1].whitespace_
                  and _family_after_particle(doc[end + 2], blocked, title_tokens)):
                end += 3
            else:
                break
            while (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_
                   and _family_after_particle(doc[end + 1], blocked, title_tokens)):
                end += 2
    # "Lina Tavita" + "Fa’amoe": a capitalised word with an apostrophe inside (a glottal
    # stop, "O'Neill") that the model left out of the name
    if (end < len(doc) and doc[end - 1].whitespace_ and _INNER_APOSTROPHE.fullmatch(doc[end].text) and doc[end].ent_type_ in ("", "PERSON")
            and end not in blocked and end not in title_tokens and doc[end].pos_ == "PROPN"):
        end += 1
    # "Antony J." : the family name after a trailing initial.
    if end - start >= 1 and is_initial(doc[end - 1].text) and end < len(doc) and _name_token(doc[end], blocked, title_tokens):
        end += 1
    # "Yoon Suk" + "Yeol": Korean names have three parts.
    words = [t for t in doc[start:end] if not t.is_punct]
    if (len(words) == 2 and end - start == 2 and culture(doc[start].text) == "ko" and end < len(doc)
            and doc[end - 1].whitespace_ and _name_token(doc[end], blocked, title_tokens)
            and doc[end].text[1:].islower() and len(doc[end].text) <= 6
            and not (end + 1 < len(doc) and doc[end + 1].text == "-")):
        end += 1
    # "Jane" + "Doe": a one-word name followed by capitalised words the model left unlabelled
    if end - start == 1:
        k = end
        while (k < len(doc) and k - end < 2 and doc[k - 1].whitespace_ and doc[k].pos_ == "PROPN" and doc[k].ent_type_ == ""
               and doc[k].is_alpha and doc[k].text[:1].isupper() and k not in blocked and k not in title_tokens and not is_honorific(doc[k])):
            k += 1
        end = k
    # "Shah Mahmood" + "Qureshi": the family name the model filed alone as an organization,
    # the head the given names compound into
    if (end - start >= 2 and end < len(doc) and doc[end - 1].whitespace_ and doc[end].ent_type_ == "ORG" and doc[end].ent_iob_ == "B"
            and (end + 1 >= len(doc) or doc[end + 1].ent_iob_ != "I") and doc[end].pos_ == "PROPN" and doc[end].is_alpha
            and doc[end].text[:1].isupper() and doc[end].text[1:].islower() and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end
            and end not in blocked and end not in title_tokens and doc[end].lower_ not in NOT_NAME_WORDS):
        end += 1
    # a trailing suffix ("Marcos Jr.", "Marcos, Jr.")
    if end < len(doc) and doc[end].lower_ in SUFFIXES and doc[end].text[:1].isupper():
        end += 1
    elif end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in ("jr", "jr.", "sr", "sr."):
        end += 2
    return end


def _extend_left(doc: Doc, start: int, end: int, blocked: set[int], title_tokens: set[int]) -> int:
    """"J. Blinken" → "Antony J. Blinken", "Dela Vega" → "Ramon Dela Vega": a name that
    starts with an initial or a particle has its given name just before it."""
    # "Yves Le Goff" → "Jean-Yves Le Goff": the first part of a hyphenated given name
    while (start > 1 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_
           and _glued_name_part(doc[start - 2], blocked, title_tokens) and doc[start].text[:1].isupper()):
        start -= 2
    # "Khaldoon" + "Khalifa Al Mubarak": an unlabelled first given name the parse compounds
    # into the name the model labelled (a sentence's first word stays out: "Meanwhile ...")
    if (start > 1 and doc[start].ent_type_ == "PERSON" and doc[start].ent_iob_ == "B" and end - start >= 2
            and doc[start - 1].whitespace_ and doc[start - 1].ent_type_ == "" and doc[start - 1].pos_ == "PROPN"
            and not doc[start - 1].is_sent_start and _name_token(doc[start - 1], blocked, title_tokens)
            and doc[start - 1].lower_ not in _title_vocabulary_words() and doc[start - 1].lower_ not in person_nouns()
            and doc[start - 1].dep_ == "compound" and start <= doc[start - 1].head.i < end
            and (not doc[start - 2].text[:1].isupper() or (start - 2) in title_tokens)):
        start -= 1  # (after a title: "the President of the Republic Marcelo" + "Rebelo de Sousa")
    # "Sheikh" + "Salem" + "Abdullah Al-Faris": the model may leave the given name after an
    # honorific out of the name; the words between the honorific and the name are the name's
    k = start
    while k > 0 and start - k < 2 and doc[k - 1].whitespace_ and _name_token(doc[k - 1], blocked, title_tokens) and doc[k - 1].ent_type_ == "":
        k -= 1
    if k < start and k > 0 and is_honorific(doc[k - 1]):
        start = k
    first = doc[start]
    if not (is_initial(first.text) or first.lower_ in PARTICLES):
        return start
    while start > 0 and is_initial(doc[start - 1].text) and doc[start - 1].i not in title_tokens:
        start -= 1
    if start > 0 and _name_token(doc[start - 1], blocked, title_tokens) and doc[start - 1].whitespace_:
        start -= 1
    return start


def _glued_name_part(tok: Token, blocked: set[int], title_tokens: set[int]) -> bool:
    """A capitalised part of a hyphenated given name, whatever label the model gave it
    ("Jean" of "Jean-Marc Ayrault" filed as an organization)."""
    return (tok.is_alpha and tok.text[:1].isupper() and tok.i not in blocked and tok.i not in title_tokens
            and tok.lower_ not in NOT_NAME_WORDS and not is_honorific(tok) and tok.pos_ in ("PROPN", "NOUN", "ADJ", "X"))


def _hyphenated_part(tok: Token) -> bool:
    """The lower-case second part of a hyphenated given name the tokenizer split off after a
    capitalized first part ("Lee In-young": "In", "-", "young")."""
    doc = tok.doc
    return _after_hyphen(tok) and tok.i > 1 and not doc[tok.i - 2].whitespace_ and doc[tok.i - 2].text[:1].isupper() and doc[tok.i - 2].is_alpha


def _hyphen_follows(tok: Token) -> bool:
    """The first part of a hyphenated name ("In" of "In-young")."""
    doc = tok.doc
    return not tok.whitespace_ and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and not doc[tok.i + 1].whitespace_


def _after_hyphen(tok: Token) -> bool:
    """The second part of a hyphenated given name ("Min-jae", "Tae-yul")."""
    return tok.i > 0 and tok.doc[tok.i - 1].text == "-" and not tok.doc[tok.i - 1].whitespace_


def in_credit(span: Span) -> bool:
    """A photo or agency credit in parentheses: "(Kyodo)", "(Pool photo) (Yonhap)"."""
    doc = span.doc
    return span.start > 0 and doc[span.start - 1].text == "(" and span.end < len(doc) and doc[span.end].text == ")"


# The last word of a body's name: "the International Energy Agency", "the Ways and Means Committee".
BODY_HEADS = {"agency", "organization", "organisation", "committee", "commission", "council", "ministry", "department",
              "bank", "fund", "programme", "program", "union", "office", "bureau", "secretariat", "authority",
              "institute", "forum", "court", "assembly", "parliament", "community", "association", "federation"}


def body_entity(doc: Doc, i: int):
    """The model's ORG entity starting at token ``i`` (or after "the" there) whose last word is
    a body's head word ("the International Energy Agency"), else None."""
    starts = (i, i + 1) if i < len(doc) and doc[i].lower_ == "the" else (i,)
    ent = next((e for e in doc.ents if e.label_ == "ORG" and e.start in starts), None)
    if ent is None or sum(1 for t in ent if t.is_alpha and t.text[:1].isupper()) < 2:
        return None  # "the Commission" alone: a body the text named in full before, or no one knows which
    end = ent.end
    if end - ent.start > 2 and doc[end - 2].text == "(":
        end -= 2  # "the ... Organization (FAO": the model's span took in half the acronym's brackets
    last = doc[end - 1]
    if last.lower_ in BODY_HEADS and last.text[:1].isupper():
        return doc[ent.start:end]
    heads = [k for k in range(ent.start, end - 1) if doc[k].lower_ in BODY_HEADS and doc[k].text[:1].isupper()]
    if not heads:
        return None
    k = heads[-1]
    rest = doc[k + 1:end]
    if 2 <= len(rest) <= 4 and all(t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and t.lower_ not in BODY_HEADS for t in rest):
        return doc[ent.start:k + 1]  # "the Northern Energy Agency Lars Holm": the holder's name glued on after the head
    # "the Food and Agriculture Organization of the United Nations": the name goes on past its
    # head word with "of"
    return doc[ent.start:end] if any(doc[h + 1].lower_ == "of" for h in heads) else None


def past_acronym(doc: Doc, i: int) -> int:
    """Past a body's acronym in brackets right after its name ("(FAO)")."""
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and doc[i + 1].text.isupper():
        return i + 3
    return i


def _role_noun_ends(doc: Doc) -> set[int]:
    """Token indices right after a lower-case role noun ("chief delegate" Kim Ki-woong)."""
    nouns = person_nouns()
    return {t.i + 1 for t in doc if t.is_lower and t.lower_ in nouns and t.pos_ == "NOUN"}


def _past_the_posts_country(doc: Doc, i: int, blocked: set[int]) -> int:
    """Where a name may start after a title: past "of (the) <country>" when the country's
    tokens are blocked (a mention), or past "in/at the <body>" ("Minister of State in the
    Ministry of Foreign Affairs"), else ``i``."""
    if i + 1 < len(doc) and (doc[i].lower_ == "of" or doc[i].lower_ == "from" and (
            (i + 1) in blocked or i > 0 and doc[i - 1].lemma_.lower() == "counterpart")):
        # ("his counterpart from Colombia, X")
        k = i + 1 + (doc[i + 1].lower_ == "the")
        body = None if k >= len(doc) or k in blocked else next((e for e in doc.ents if e.label_ == "ORG" and e.start in (i + 1, k)), None)
        named = body_entity(doc, i + 1) if k < len(doc) and k not in blocked else None
        if named is not None and named.end < (body.end if body is not None else len(doc)):
            return past_acronym(doc, named.end)  # "the Executive Director of the Northern Energy Agency Lars Holm" as one ORG
        if body is not None and body.end < len(doc) and doc[body.end].text == "," and not blocked.intersection(range(body.start, body.end)):
            return body.end  # "the President of the Chamber of Deputies, X": past the body, to the apposition
        if named is not None and not blocked.intersection(range(named.start, named.end)):
            return past_acronym(doc, named.end)  # "the Executive Director of the International Energy Agency X", "... (FAO), X"
        if (body is not None and body.end + 1 < len(doc) and not blocked.intersection(range(body.start, body.end))
                and all(t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and t.ent_type_ in ("", "PERSON") for t in doc[body.end:body.end + 2])):
            return body.end  # "the Executive Director of the International Energy Agency Fatih Birol": past the body to the name
        if k < len(doc) and k in blocked:
            while k < len(doc) and k in blocked:
                k += 1
            if k + 1 < len(doc) and doc[k].lower_ == "to" and (k + 1) in blocked:
                k += 1  # "the Ambassador of X to Y Ann Lee": past the country an envoy is sent to
                while k < len(doc) and k in blocked:
                    k += 1
            return k
    if i + 2 < len(doc) and doc[i].lower_ in ("in", "at") and doc[i + 1].lower_ == "the":
        # "Minister of State in the Ministry of Foreign Affairs, X": past the body the post is in
        k = i + 2
        body = next((e for e in doc.ents if e.label_ == "ORG" and e.start in (i + 1, i + 2)), None)
        if k in blocked:
            while k < len(doc) and k in blocked:
                k += 1
            return k
        if body is not None:
            return body.end
    return i


def _name_after(doc: Doc, i: int, blocked: set[int], title_tokens: set[int], limit: int, covered: set[int]) -> Span | None:
    """Two to four capitalised proper nouns right after a title or role noun (a name the
    model missed: "Brazilian President Lucas Prado", "chief delegate Kim Ki-woong",
    "Minister for Foreign Affairs of Mongolia Batbayar Ganzorig")."""
    i = _past_the_posts_country(doc, i, blocked)
    # "the President of Mexico, Valeria Montes, at ...": the name set off by commas after the title
    # (also after a role noun: "his Ruritanian counterpart, Ana Lima Silva, ...")
    appositive = i + 1 < len(doc) and doc[i].text == "," and ((i - 1) in blocked or (i - 1) in title_tokens
                                                              or i > 0 and doc[i - 1].is_lower and doc[i - 1].lower_ in person_nouns())
    if appositive:
        i += 1
    j = i
    while j < len(doc) and j - i < 6:
        tok = doc[j]
        if tok.text == "-" and j > i and not tok.whitespace_ and not doc[j - 1].whitespace_ and j + 1 < len(doc) and doc[j + 1].is_alpha:
            j += 2
            continue
        if not (tok.pos_ == "PROPN" and tok.is_alpha and tok.text[:1].isupper() and j not in blocked and j not in title_tokens):
            break
        j += 1
    words = [t for t in doc[i:j] if t.text != "-"]
    if covered.intersection(range(i, j)) or j == i or doc[j - 1].idx >= limit:
        return None
    if appositive and (len(words) < 2 or (j < len(doc) and doc[j].text not in (",", ".", ";"))):
        return None  # an apposition is a whole name, closed by punctuation
    if len(words) == 1:
        # one word: a family name after a title ("Secretary of State Hale spoke"), if it is no
        # common word and the next word does not continue a proper noun
        tok = words[0]
        nxt = doc[j] if j < len(doc) else None
        glued = tok.ent_iob_ == "I" and (tok.i - 1) in title_tokens  # "State Hale" as one ORG
        if (tok.tag_ != "NNP" or (tok.ent_type_ not in ("", "PERSON") and not glued) or tok.lower_ in NOT_NAME_WORDS or _title_word(tok)
                or (nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha)):
            return None
    elif len(words) > 4:
        return None
    return clean_person_span(doc[i:j], title_tokens, blocked)


def _honorific_ends(doc: Doc) -> list[int]:
    """Token indices right after a style of address ("His Excellency", "H.E.", "Samdech Techo",
    "Lt. Gen."), not after "the" ("the General Assembly")."""
    out = []
    for t in doc:
        if not is_honorific(t) or (t.i + 1 < len(doc) and is_honorific(doc[t.i + 1])) or not t.text[:1].isupper():
            continue
        first = t.i
        while first > 0 and is_honorific(doc[first - 1]):
            first -= 1
        if first > 0 and doc[first - 1].lower_ in ("the", "a", "an") and doc[first].lower_ not in ("honorable", "honourable", "rt", "right"):
            continue
        out.append(t.i + 1)
    return out


def _name_after_honorific(doc: Doc, i: int, blocked: set[int], title_tokens: set[int], limit: int, covered: set[int]) -> Span | None:
    """Two to four capitalized proper nouns after a style of address, that the model took for
    no one or for a place or organization's part ("greeted His Excellency Ana Lima Sousa, the
    president of ..."): a name, unless a word of it is a place, an organization or a title."""
    j = i
    while j < len(doc) and j - i < 4 and doc[j].pos_ == "PROPN" and doc[j].is_alpha and doc[j].text[:1].isupper() \
            and j not in blocked and j not in title_tokens and doc[j].ent_type_ in ("", "PERSON") and doc[j].lower_ not in NOT_NAME_WORDS:
        j += 1
    if j - i < 2 or covered.intersection(range(i, j)) or doc[j - 1].idx >= limit:
        return None
    if j < len(doc) and doc[j].is_alpha and doc[j].text[:1].isupper():
        return None  # the proper noun goes on past four words, or into a place or a title: no name
    if any(_title_word(t) for t in doc[i:j]):
        return None
    return clean_person_span(doc[i:j], title_tokens, blocked)


# Prepositions and conjunctions capitalized only in a Title Case headline, never inside a name.
_TITLE_CASE_PARTICLES = {"on", "of", "for", "to", "in", "at", "with", "and", "or", "from", "by", "over", "into", "about", "as", "amid", "after"}

_APPOSITION_ENDS = {",", ";", ".", "and", ")"}


def _name_after_comma(doc: Doc, i: int, blocked: set[int], title_tokens: set[int], limit: int, covered: set[int]) -> Span | None:
    """A name set off after a title by commas ("Fiji's High Commissioner to New Zealand, Ratu
    Inoke Kubuabola, and ..."), which the model may take for an organization: two to four
    capitalised proper nouns, past an honorific, that end where the apposition ends; also
    after the post's country ("the President of Mexico, Valeria Montes, ...")."""
    i = _past_the_posts_country(doc, i, blocked)
    if i >= len(doc) or doc[i].text != ",":
        return None
    k = i + 1
    while k < len(doc) and is_honorific(doc[k]):
        k += 1
    j = k
    hyphens = 0
    while j < len(doc) and j - k - 2 * hyphens < 4 and j not in blocked and j not in title_tokens and (
            doc[j].pos_ == "PROPN" and doc[j].is_alpha and doc[j].text[:1].isupper()
            or j > k and doc[j].lower_ in PARTICLES and doc[j].is_lower and j + 1 < len(doc) and doc[j + 1].text[:1].isupper()):
        j += 1  # a lower-case particle inside the name ("Mario di Santo", "Anna van Dijk")
        if (j + 1 < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_
                and doc[j + 1].is_alpha and doc[j + 1].text[:1].isupper() and (j + 1) not in blocked):
            j += 2  # a hyphenated family name ("Ana Ruiz-Vega"): the hyphen and the part after it
            hyphens += 1
    if j - k - 2 * hyphens < 2 or covered.intersection(range(k, j)) or doc[j - 1].idx >= limit:
        return None
    if j < len(doc) and doc[j].text not in _APPOSITION_ENDS and not doc[j].is_space:
        return None
    if any(_title_word(t) or t.lower_ in NOT_NAME_WORDS for t in doc[k:j]):
        return None
    return clean_person_span(doc[k:j], title_tokens, blocked)


def _a_portfolio_of_a_list(span: Span) -> bool:
    """"the Special Adviser, Special Duties, Communications and Strategy": words ending in a
    plural proper noun, then a comma and a list of capitalized words up to "and": the
    portfolios of a post, no name."""
    doc, j = span.doc, span.end
    return span[-1].tag_ == "NNPS" and j < len(doc) and doc[j].text == "," and _serial_list_goes_on(doc, j)


_TITLE_WORDS = frozenset({"minister", "president", "secretary", "premier", "chancellor", "king", "queen", "emperor", "senator", "governor", "ambassador", "mp"})


def _title_word(tok: Token) -> bool:
    """A role noun ("delegate") or a title word, also capitalised or plural ("Ministers")."""
    word = tok.lower_
    stem = word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") else word
    return (tok.is_lower and word in person_nouns()) or word in _TITLE_WORDS or stem in _TITLE_WORDS


def _plural_title_before(doc: Doc, start: int) -> bool:
    """A plural title or role noun right before a name ("Prime Ministers Turnbull")."""
    if start == 0 or not _title_word(doc[start - 1]):
        return False
    tok = doc[start - 1]
    word = tok.lower_
    stem = word[:-3] + "y" if word.endswith("ies") else word[:-1]
    return tok.tag_ in ("NNS", "NNPS") or (word.endswith("s") and stem in _TITLE_WORDS | person_nouns())


def _plural_title_ends(doc: Doc) -> list[int]:
    """Token indices right after a capitalised title in the plural ("Cabinet Secretaries" A
    and B): the first name of the list, which the model may take for part of an organization."""
    return [t.i + 1 for t in doc if t.i + 1 < len(doc) and t.text[:1].isupper() and t.lower_.endswith("s")
            and _title_word(t) and _plural_title_before(doc, t.i + 1)]


_PLACE_ENTS = {"GPE", "LOC", "FAC"}


def _name_before(doc: Doc, title_start: int, blocked: set[int], title_tokens: set[int], covered: set[int]) -> Span | None:
    """A name in apposition before a title the model did not see: "KISHIDA Fumio, Prime
    Minister of Japan", "Anna Berg, the Nordic foreign minister"."""
    j = title_start
    # ", Australia’s Minister for Foreign Affairs", ", the new Prime Minister"
    while j > 0 and (doc[j - 1].lower_ in ("the", "new", "former", "acting", "'s", "’s") or (j - 1) in blocked):
        j -= 1
    if j < 2 or doc[j - 1].text != ",":
        return None
    end = j - 1
    k = end
    while k > 0 and end - k < 4 and not is_honorific(doc[k - 1]) and (
            _name_token(doc[k - 1], blocked, title_tokens)
            or (doc[k - 1].pos_ == "PROPN" and doc[k - 1].is_alpha and doc[k - 1].text[:1].isupper()
                and k - 1 not in blocked and k - 1 not in title_tokens)):
        k -= 1
    if end - k < 2 or covered.intersection(range(k, end)):
        return None
    if all(doc[i].ent_type_ in _PLACE_ENTS for i in range(k, end)):
        return None  # "Before leaving Addis for New York, the Secretary-General had ...": a place
    if k > 0 and not (doc[k].is_sent_start or doc[k - 1].is_punct or doc[k - 1].is_lower or is_honorific(doc[k - 1])
                      or (k - 1) in title_tokens):
        return None
    return clean_person_span(doc[k:end], title_tokens, blocked)


def _introduced(doc: Doc, start: int, title_ends: set[int], covered: set[int]) -> bool:
    """A title, role noun or honorific stands right before the name, or before the list the
    name is in ("former Prime Ministers Turnbull, Abbott and Howard", "Mr. Abe")."""
    i = start
    while i > 0:
        prev = doc[i - 1]
        if i in title_ends or is_honorific(prev) or _title_word(prev):
            return True
        if prev.text in (",", "and") and i - 2 >= 0 and (i - 2) in covered:
            # walk back over the previous name of the list
            k = i - 2
            while k > 0 and (k - 1) in covered:
                k -= 1
            i = k
            continue
        return False
    return False
