"""The gazetteer's officials as people: who, under which names, held which post when.

``official_people()`` groups the rows of ``officials.csv`` (one per person, post and term)
into :class:`Official` entries, each with its names parsed (``etl.extract.names``). Two
lookups serve the article's people:

- ``by_name(name)``: the officials a full name can be ("Antony J. Blinken", "Abe Shinzo",
  "KISHIDA Fumio"; the gazetteer's aliases count);
- ``by_post(family, title, country, date)``: the officials with that family name who held a
  compatible post of that country at that date ("Foreign Minister Hayashi" in 2022); a
  title starting with "former" asks for a term that ended before the date.

The README's caveat holds: surnames such as Kim, Lee, Park or Wang are never looked up
alone (``names.shared_family_name``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from diplokg.iris import slug
from etl.extract.names import Name, parse, same_person, shared_family_name, token_key
from etl.vocab import Vocabulary, load_vocabulary


@dataclass(frozen=True)
class Term:
    """One post an official held: title label, kind, country (ISO 3166-1 alpha-2), dates."""

    label: str
    kind: str
    iso2: str
    start: str
    end: str


@dataclass
class Official:
    """One person of the officials table."""

    name: str
    wikidata: str | None
    names: list[Name] = field(default_factory=list)
    forms: set[str] = field(default_factory=set)
    terms: list[Term] = field(default_factory=list)

    @property
    def key(self) -> str:
        return slug(self.name)

    @property
    def family_key(self) -> str:
        return self.names[0].family_key() if self.names else ""


def _within(date: str, start: str, end: str) -> bool:
    """Whether an ISO date (any precision) can fall within [start, end] (end empty: ongoing)."""
    if start and date[: len(start)] < start[: len(date)]:
        return False
    if end and date[: len(end)] > end[: len(date)]:
        return False
    return True


def _title_compatible(title: str, term: Term, kinds: dict[str, str]) -> bool:
    """A title the text gives and a post of the table: one's words contain the other's, or
    both are of the same specific kind (foreign, defense, head of government ...)."""
    words = set(title.lower().replace("former", "").split())
    label = set(term.label.lower().split())
    if words and (words <= label or label <= words):
        return True
    kind = kinds.get(title.lower().replace("former", "").strip())
    return kind is not None and kind not in ("other", "") and kind == term.kind


class Officials:
    """The officials table indexed by family name."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        self.kinds = {t.phrase: t.kind for t in vocab.titles} | {t.label.lower(): t.kind for t in vocab.titles}
        people: dict[str, Official] = {}
        for row in vocab.officials:
            off = people.get(row.name)
            if off is None:
                off = people[row.name] = Official(row.name, row.wikidata)
                off.names = [parse(row.name)]
                off.forms.add(row.name)
            if row.wikidata and not off.wikidata:
                off.wikidata = row.wikidata
            for alias in row.aliases:
                if alias not in off.forms:
                    off.forms.add(alias)
                    if len(alias.split()) >= 2:
                        off.names.append(parse(alias))
            off.terms.append(Term(row.position_label, row.position_kind, row.iso2, row.start, row.end))
        self.people = list(people.values())
        self._keys = frozenset(off.key for off in self.people)
        self._by_family: dict[str, list[Official]] = {}
        for off in self.people:
            for key in {n.family_key() for n in off.names if n.family}:
                self._by_family.setdefault(key, []).append(off)

    def family_of(self, tokens: list[str]) -> str | None:
        """Where the family name stands in a written form the table knows ("Abe Shinzo" →
        "first"), from the table's parse of the same person's name; None if unknown."""
        keys = sorted(token_key(t) for t in tokens)
        for off in self._by_family.get(token_key(tokens[0]), []) + self._by_family.get(token_key(tokens[-1]), []):
            for n in off.names:
                parts = sorted(token_key(p) for p in (n.given.split() + [n.family]) if p)
                if parts == keys:
                    return "first" if token_key(tokens[0]) == n.family_key() else "last"
        return None

    def by_name(self, name: Name) -> list[Official]:
        """Officials one of whose names can be this full name."""
        if not name.full:
            return []
        return [off for off in self._by_family.get(name.family_key(), []) if any(same_person(name, n) for n in off.names if n.full)]

    def by_name_and_post(self, name: Name, title: str, iso2: str | None, date: str | None) -> list[Official]:
        """Officials a full name can be but for its suffix or middle initials ("Ferdinand
        Marcos" for Ferdinand Marcos Jr.) who held this post at this date: where the
        initials or suffix do not tell, the post and the date do."""
        if not name.full:
            return []
        bare = Name(name.given, name.family)
        loose = [off for off in self._by_family.get(name.family_key(), [])
                 if any(same_person(bare, Name(n.given, n.family)) for n in off.names if n.full)]
        held = {off.name for off in self.by_post(name.family, title, iso2, date)} if date else set()
        return [off for off in loose if off.name in held]

    def key_known(self, key: str) -> bool:
        """Whether a person key is an official's."""
        return key in self._keys

    def in_office(self, family: str, date: str) -> list[Official]:
        """Officials with this family name holding any post of the table at ``date`` (a
        family name alone, "Putin" in 2023, names the official then in office)."""
        if shared_family_name(family) or not date:
            return []
        return [off for off in self._by_family.get(token_key(family), [])
                if any(_within(date, t.start, t.end) for t in off.terms)]

    def by_post(self, family: str, title: str, iso2: str | None, date: str | None) -> list[Official]:
        """Officials with this family name who held a post compatible with ``title`` (of the
        country ``iso2`` when known) at ``date`` (or, for "former ...", before it)."""
        if shared_family_name(family):
            return []
        former = title.lower().startswith("former")
        out = []
        for off in self._by_family.get(token_key(family), []):
            for term in off.terms:
                if iso2 and term.iso2 != iso2:
                    continue
                if not _title_compatible(title, term, self.kinds):
                    continue
                if date:
                    if former and not (term.end and term.end[: len(date)] <= date[: len(term.end)]):
                        continue
                    if not former and not _within(date, term.start, term.end):
                        continue
                out.append(off)
                break
        return out


_BUILT: dict[int, Officials] = {}


def official_people(vocab: Vocabulary | None = None) -> Officials:
    """The officials table of a vocabulary (built once per vocabulary)."""
    vocab = vocab or load_vocabulary()
    built = _BUILT.get(id(vocab))
    if built is None or built.vocab is not vocab:
        built = _BUILT[id(vocab)] = Officials(vocab)
    return built
