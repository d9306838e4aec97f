"""Person names as news writes them, and one normal form per person.

Pure string functions, no spaCy: the span rules that decide *where* a name is in a text
are in ``etl.extract.person_spans``; the grouping of one article's names into persons is in
``etl.extract.people``. The rules here, each with its cases in tests/test_names.py:

- honorifics and courtesy titles are not part of a name ("the Honorable", "H.E.", "Mr.",
  "Dr.": ``etl/data/honorifics.txt``); possessives neither ("Doe’s", curly or straight);
- a name is a given name, a family name, middle initials and a suffix ("Jr.", "III");
  particles belong to the family name ("Ursula | von der Leyen", "Ramon | Dela Vega");
- order: Korean, Chinese and Vietnamese names are family name first and stay as written
  ("Park Jin", "Xi Jinping", "Kang Kyung-wha"); a family name written in capitals is the
  family name wherever it stands ("KISHIDA Fumio"); a common Japanese family name before a
  Japanese-looking given name is family-first ("Abe Shinzo") and shown given name first
  ("Shinzo Abe"), as English-language news does (``etl/data/family_names.csv``); callers may
  pass the order they know from the gazetteer or the article's other forms;
- capitals are normalised ("HAYASHI" → "Hayashi", "KI-WOONG" → "Ki-woong");
- the label (usual name) drops middle initials ("Antony J. Blinken" → "Antony Blinken") and
  keeps a suffix, which tells a son from his father;
- matching: family names equal; given names equal, or one a short form of the other
  (``etl/data/nicknames.csv``: Jim/James), or an initial of it, or spelled with or without
  the hyphen ("Kiwoong"/"Ki-woong"); differing middle initials or suffixes never match.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from diplokg.iris import digest, slug

DATA = Path(__file__).resolve().parents[1] / "data"

# Lower-case words that join a family name ("von der Leyen", "da Silva", "bin Salman").
PARTICLES = frozenset({
    "von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "dela", "dos", "das",
    "la", "le", "bin", "binti", "bint", "al", "el", "ter", "ten", "zu", "af", "y", "st.",
})
SUFFIXES = {"jr": "Jr.", "jr.": "Jr.", "sr": "Sr.", "sr.": "Sr.", "ii": "II", "iii": "III", "iv": "IV"}
# Particles that may open a family name written alone ("Dela Vega", "von der Leyen"); not
# "al", "van" or "la", which also start given names (Al Gore, Van Jones).
LEADING_PARTICLES = frozenset({"von", "de", "da", "di", "du", "del", "della", "dela", "dos", "das", "der", "den", "ter", "ten", "le", "bin", "binti", "bint"})
# Cultures whose names are written family name first and kept so.
FAMILY_FIRST = frozenset({"ko", "zh", "vi"})

_INITIAL = re.compile(r"(?:[A-Z]\.){1,3}|[A-Z]")
_JAPANESE = re.compile(
    r"(?:(?:kk|ss|tt|pp|tch)?(?:ky|gy|sh|ch|ny|hy|by|py|my|ry|ts|j|[kgsztdnhbpmyrwf])?[aiueo][uoh]?|n)+")


def fold(text: str) -> str:
    """Lower case, accents removed, curly apostrophes straightened: for comparing names.

    >>> fold("Tarō KŌNO’s")
    "taro kono's"
    """
    plain = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    return "".join(c for c in plain if not unicodedata.combining(c)).lower()


_KEY_DROPS = re.compile(r"[\s.'\-]")


@functools.lru_cache(maxsize=1 << 16)
def token_key(token: str) -> str:
    """A token for comparison: folded, without hyphens, dots, apostrophes or spaces.

    Cached: it is asked of every token of every article, and a corpus repeats its words."""
    return _KEY_DROPS.sub("", fold(token))


@functools.lru_cache(maxsize=1)
def honorifics() -> tuple[str, ...]:
    """The honorific phrases, longest first."""
    words = {line.split("#", 1)[0].strip().lower() for line in (DATA / "honorifics.txt").read_text(encoding="utf-8").splitlines()}
    return tuple(sorted((w for w in words if w), key=lambda w: (-len(w), w)))


@functools.lru_cache(maxsize=1)
def nicknames() -> dict[str, frozenset[str]]:
    """Short form → the formal given names it stands for (and each formal name → itself)."""
    out: dict[str, set[str]] = {}
    for row in _csv_rows(DATA / "nicknames.csv"):
        out.setdefault(row["short"].strip().lower(), set()).add(row["formal"].strip().lower())
    return {k: frozenset(v) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def family_cultures() -> dict[str, str]:
    """Folded family name → culture code (``ko``, ``zh``, ``vi``, ``ja``)."""
    return {token_key(row["name"]): row["culture"].strip() for row in _csv_rows(DATA / "family_names.csv")}


def _csv_rows(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines))


def culture(family: str) -> str | None:
    """The culture a family name belongs to, if the data knows it."""
    return family_cultures().get(token_key(family))


def shared_family_name(family: str) -> bool:
    """A Korean, Chinese or Vietnamese family name: alone, it never identifies a person
    outside the article that names them in full (Kim, Lee, Park, Wang, Li, Nguyen, ...)."""
    return culture(family) in FAMILY_FIRST


def strip_honorifics(text: str) -> str:
    """The name without leading honorifics ("the Honorable", "H.E. Mr.", "Dr").

    >>> strip_honorifics("H.E. Mr. XI Jinping"), strip_honorifics("the Honorable Ramon Dela Vega")
    ('XI Jinping', 'Ramon Dela Vega')
    """
    text = " ".join(text.split())
    changed = True
    while changed and text:
        changed = False
        low = text.lower()
        if low.startswith("the "):
            rest = low[4:]
            if any(_starts_with_word(rest, h) for h in honorifics()):
                text, low = text[4:], rest
        for h in honorifics():
            if _starts_with_word(low, h):
                cut = len(h)
                if low[cut:cut + 1] == ".":
                    cut += 1
                remainder = text[cut:].lstrip(" ,")
                if remainder:
                    text, changed = remainder, True
                break
    return text


def _starts_with_word(low: str, phrase: str) -> bool:
    if not low.startswith(phrase):
        return False
    nxt = low[len(phrase):len(phrase) + 2]
    return nxt[:1] == " " or nxt == ". " or (nxt[:1] == "." and len(low) == len(phrase) + 1)


def strip_possessive(text: str) -> str:
    """ "Doe’s" → "Doe", "Peters'" → "Peters"."""
    return re.sub(r"(?:['\u2019]s|['\u2019])$", "", text.strip())


def is_initial(token: str) -> bool:
    """A middle initial: "J.", "H.W.", "W" (one capital letter)."""
    return bool(_INITIAL.fullmatch(token.replace(" ", "")))


def _caps(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def fix_case(token: str, family_first_culture: bool = False) -> str:
    """A token written in capitals, in name case: "KISHIDA" → "Kishida", "O'BRIEN" →
    "O'Brien", "KI-WOONG" → "Ki-woong" (Korean given names), "JEAN-YVES" → "Jean-Yves"."""
    if not _caps(token):
        return token
    if token.lower() in PARTICLES:
        return token.lower()
    parts = token.split("-")
    if family_first_culture and len(parts) > 1:
        return parts[0].capitalize() + "-" + "-".join(p.lower() for p in parts[1:])
    return "-".join(re.sub(r"(^|['\u2019])(\w)", lambda m: m.group(1) + m.group(2).upper(), p.lower()) for p in parts)


def looks_japanese(token: str) -> bool:
    """Whether a romanised token is made of Japanese syllables ("Shinzo", "Ishiba")."""
    return bool(_JAPANESE.fullmatch(fold(token).replace("ō", "o")))


@dataclass(frozen=True)
class Name:
    """A person's name: parts in normal case, and the order it is shown in."""

    given: str = ""
    family: str = ""
    initials: tuple[str, ...] = ()
    suffix: str = ""
    family_first: bool = False

    @property
    def full(self) -> bool:
        """Both a given and a family name are known."""
        return bool(self.given and self.family)

    def label(self) -> str:
        """The usual name: without middle initials, with the suffix.

        >>> Name("Antony", "Blinken", ("J.",)).label(), Name("Jin", "Park", family_first=True).label()
        ('Antony Blinken', 'Park Jin')
        """
        parts = [self.family, self.given] if self.family_first else [self.given, self.family]
        words = [p for p in parts if p]
        if self.suffix:
            words.append(self.suffix)
        return " ".join(words)

    def family_key(self) -> str:
        return token_key(self.family)


def parse(text: str, *, family_at: str | None = None) -> Name:
    """A written name (honorifics and possessive already removed) as a :class:`Name`.

    ``family_at`` is ``"first"`` or ``"last"`` when the caller knows where the family name
    stands (from the gazetteer or from the article's other forms); otherwise capitals,
    particles and the family-name data decide.

    >>> parse("KISHIDA Fumio").label(), parse("Abe Shinzo").label(), parse("Xi Jinping").label()
    ('Fumio Kishida', 'Shinzo Abe', 'Xi Jinping')
    >>> parse("Ursula von der Leyen").family, parse("Antony J. Blinken").initials
    ('von der Leyen', ('J.',))
    """
    tokens = [t.strip(",") for t in text.split() if t.strip(",")]
    suffix = ""
    if len(tokens) > 1 and tokens[-1].lower() in SUFFIXES:
        suffix = SUFFIXES[tokens.pop().lower()]
    if not tokens:
        return Name()
    if len(tokens) == 1:
        fam = tokens[0]
        return Name(family=fix_case(fam, culture(fam) in FAMILY_FIRST), suffix=suffix)
    caps = [_caps(t) for t in tokens]
    where = family_at
    if where is None and any(caps) and not all(caps):
        if caps[0] and not caps[-1]:
            where = "first"
        elif caps[-1] and not caps[0]:
            where = "last"
    first_culture = culture(tokens[0])
    last_culture = culture(tokens[-1])
    if where is None:
        if first_culture in FAMILY_FIRST and len(tokens) <= 3 and not is_initial(tokens[1]):
            where = "first"
        elif (first_culture == "ja" and len(tokens) == 2 and last_culture != "ja"
              and looks_japanese(tokens[0]) and looks_japanese(tokens[1])):
            where = "first"
        else:
            where = "last"
    if where == "first":
        east = culture(tokens[0]) in FAMILY_FIRST
        family = fix_case(tokens[0], east)
        rest = [t for t in tokens[1:] if not is_initial(t)]
        given = " ".join(fix_case(t, east) for t in rest)
        # Korean, Chinese and Vietnamese names keep their order; others (Japanese, and any
        # name whose capitals mark the family name first) are shown given name first.
        return Name(given=given, family=family, suffix=suffix, family_first=east)
    if tokens[0].lower() in LEADING_PARTICLES:
        # a family name alone: "Dela Vega", "von der Leyen"
        return Name(family=" ".join(fix_case(t) for t in tokens), suffix=suffix)
    # family name last: from the first particle (not the first token) to the end
    start = len(tokens) - 1
    for i in range(1, len(tokens) - 1):
        if tokens[i].lower() in PARTICLES and (not caps[i] or all(caps)):
            start = i
            break
    family = " ".join(fix_case(t) for t in tokens[start:])
    given_tokens = tokens[:start]
    initials = tuple(t for t in given_tokens[1:] if is_initial(t))
    given_words = [given_tokens[0]] + [t for t in given_tokens[1:] if not is_initial(t)]
    given = " ".join(fix_case(t) for t in given_words)
    return Name(given=given, family=family, initials=initials, suffix=suffix)


def given_compatible(a: str, b: str) -> bool:
    """Whether two given names can be one person's: equal (spelling, hyphens and accents
    aside), one a short form of the other, or one an initial of the other; an empty given
    name is compatible with any.

    >>> given_compatible("Jim", "James"), given_compatible("Ki-woong", "Kiwoong"), given_compatible("J.", "Antony")
    (True, True, False)
    """
    ka, kb = token_key(a), token_key(b)
    if not ka or not kb or ka == kb:
        return True
    if len(ka) == 1 or len(kb) == 1:
        return ka[0] == kb[0]
    first_a, first_b = fold(a).split()[0].strip(".-"), fold(b).split()[0].strip(".-")
    nick = nicknames()
    if first_b in nick.get(first_a, ()) or first_a in nick.get(first_b, ()):
        return True
    if nick.get(first_a, frozenset()) & nick.get(first_b, frozenset()):
        return True
    return False


@functools.lru_cache(maxsize=1)
def _formal_names() -> frozenset[str]:
    return frozenset(f for formals in nicknames().values() for f in formals)


def is_short_form(given: str) -> bool:
    """A given name that ``etl/data/nicknames.csv`` has as a short form and never as a
    formal one ("Jim", "Tony"; not "James")."""
    words = fold(given).split()
    return bool(words) and words[0] in nicknames() and words[0] not in _formal_names()


def same_person(a: Name, b: Name) -> bool:
    """Whether two full names can be one person (see the module docstring)."""
    if not a.family or a.family_key() != b.family_key():
        return False
    if not given_compatible(a.given, b.given):
        return False
    if a.initials and b.initials and [token_key(i) for i in a.initials] != [token_key(i) for i in b.initials]:
        return False
    if a.suffix != b.suffix:
        return False
    return True


def preferred(labels: Iterable[str]) -> str:
    """One label among spellings of one person's name, the same whatever their order: the
    one with the most accented letters, then hyphens (the fuller romanisation), then the
    first in code-point order.

    >>> preferred(["Kim Min Jae", "Kim Min-jae"]), preferred(["Jose Faustino", "José Faustino"])
    ('Kim Min-jae', 'José Faustino')
    """
    pool = sorted(set(labels))
    if not pool:
        raise ValueError("no label to choose from")
    return max(pool, key=lambda s: (sum(1 for c in s if ord(c) > 127), s.count("-")))


def person_key(normal: str, family: str, article_id: str, full: bool) -> str:
    """The key of a person as one article alone gives them: the slug of the normal form for
    a full name (the same in every article); for a family name alone, the family name keyed
    to the article ("nishimori-3fa9c2d1"), since a family name is no identity across articles.

    >>> person_key("Fumio Kishida", "Kishida", "a1", True)
    'fumio-kishida'
    """
    if full:
        return slug(normal)
    return f"{slug(family)}-{digest(article_id, fold(family), length=8)}"
