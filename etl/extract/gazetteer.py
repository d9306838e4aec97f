"""Phrase matchers over the vocabularies: countries, demonyms, capitals, organizations,
post titles, and the issue triggers (etl/extract/issues.py). Built once per spaCy vocabulary."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from diplokg.iris import slug

from etl.extract.issues import IssueMatcher
from etl.vocab import CountryEntry, OfficialEntry, OrgEntry, TitleEntry, Vocabulary, load_vocabulary

# Aliases that are too ambiguous to stand for a country on their own.
_WEAK_COUNTRY_ALIASES = {"America", "Korea", "Georgia", "Jordan", "Chad", "Turkey", "Guinea"}


@dataclass(frozen=True)
class Hit:
    """A vocabulary match: what it is (``kind``), which entry, and where (token span)."""

    kind: str  # country | demonym | capital | org | title | issue
    ref: str  # country key, org key, title phrase, issue key
    span: Span


class Gazetteer:
    """Matchers for one spaCy pipeline and one vocabulary."""

    def __init__(self, nlp: Language, vocab: Vocabulary) -> None:
        self.vocab = vocab
        self.countries: dict[str, CountryEntry] = vocab.country_by_key
        self.orgs: dict[str, OrgEntry] = {o.key: o for o in vocab.organizations}
        self.titles: dict[str, TitleEntry] = {t.phrase: t for t in vocab.titles}
        self.org_aliases: dict[str, list[str]] = {}
        self._cased = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._refs: dict[str, tuple[str, str]] = {}
        make = nlp.make_doc

        def add(matcher: PhraseMatcher, kind: str, ref: str, phrases: list[str]) -> None:
            label = f"{kind}\x1f{ref}"
            self._refs[label] = (kind, ref)
            # a name printed with a typographic apostrophe ("People’s Republic of China") is the
            # same name (not "Republic of China" inside it)
            phrases = [*phrases, *(p.replace("'", "’") for p in phrases if "'" in p)]
            docs = [make(p) for p in dict.fromkeys(phrases) if p]
            if docs:
                matcher.add(label, docs)

        for c in vocab.countries:
            names = [c.name, f"the {c.name}"] + [a for a in c.aliases if a not in _WEAK_COUNTRY_ALIASES]
            names += [_unhyphenated(n) for n in names if _unhyphenated(n) != n]  # "Timor Leste" as printed
            add(self._cased, "country", c.key, names)
            add(self._cased, "demonym", c.key, list(c.demonyms))
            add(self._cased, "capital", c.key, list(c.capitals))
        for o in vocab.organizations:
            add(self._cased, "org", o.key, [o.name, *o.aliases])
            lowered = [a for a in o.aliases if " " in a and any(w in a.lower() for w in ("ministry", "department"))]
            add(self._lower, "org", o.key, lowered)
            for alias in (o.name, *o.aliases):
                self.org_aliases.setdefault(alias.lower().removeprefix("the "), []).append(o.key)
        for t in vocab.titles:
            if t.cased:
                add(self._cased, "title", t.phrase, [t.phrase.upper()])
            else:
                add(self._lower, "title", t.phrase, [t.phrase])
        self.issues = IssueMatcher(nlp, vocab.issues)

    @functools.cached_property
    def _officials_by_name(self) -> dict[str, list[OfficialEntry]]:
        by_name: dict[str, list[OfficialEntry]] = {}
        for off in self.vocab.officials:
            for name in (off.name, *off.aliases):
                if len(name.replace("-", " ").split()) >= 2:
                    by_name.setdefault(slug(name), []).append(off)
        return by_name

    def officials_by_name(self) -> dict[str, list[OfficialEntry]]:
        """Officials by the slug of each full name or alias (two words or more)."""
        return self._officials_by_name

    def org_for_country(self, alias: str, country: CountryEntry, modifier: str) -> OrgEntry:
        """An organization the gazetteer lacks, named by an alias and the country word before
        it ("German foreign ministry" → "German Foreign Ministry"); added to the table once."""
        words = alias.strip().split()
        if len(words) >= 2 and words[-1].lower() == "ministry":
            return self.national_body(" ".join(words[:-1]), country, surface=alias.strip())
        words = f"{modifier} {alias.strip()}".split()
        name = " ".join(w if w[:1].isupper() else w.capitalize() for w in words)
        key = slug(name)
        if key not in self.orgs:
            self.orgs[key] = OrgEntry(key, name, country.iso2, None, (alias,))
        return self.orgs[key]

    def national_body(self, body: str, country: CountryEntry, kind: str = "Ministry", surface: str = "") -> OrgEntry:
        """A country's ministry named as CONVENTIONS.md names national bodies, "<Body> of
        <Country>": "Polish foreign ministry", "Indonesia's Ministry of Foreign Affairs", "the
        Ministry of Foreign Affairs of Indonesia" → "Ministry of Foreign Affairs of Indonesia".
        A ministry the table has for that country under that name ("Ministry of Foreign
        Affairs of the People's Republic of China") is that entry; a new one is added once."""
        words = [w if w[:1].isupper() or w.lower() in ("and", "of", "for") else w.capitalize() for w in body.split()]
        if [w.lower() for w in words] == ["foreign"]:
            words = ["Foreign", "Affairs"]
        head = f"{kind} of {' '.join(words)} of "
        short = f"{body.lower()} {kind.lower()}"  # "foreign ministry", as the table's aliases say it
        for o in self.orgs.values():
            if o.country_iso2 == country.iso2 and (o.name.lower().startswith(head.lower())
                                                   or any(a.lower().endswith(short) for a in o.aliases)):
                return o
        name = head + country.name
        key = slug(name)
        entry = self.orgs.get(key)
        if entry is None or (surface and surface not in entry.aliases):
            aliases = (entry.aliases if entry else ()) + ((surface,) if surface else ())
            self.orgs[key] = OrgEntry(key, name, country.iso2, None, aliases, "government_body")
        return self.orgs[key]

    def hits(self, doc: Doc) -> list[Hit]:
        """All matches in the doc; overlapping matches of one kind keep the longest."""
        raw = [(self._refs[doc.vocab.strings[m]], s, e) for m, s, e in self._cased(doc)]
        raw += [(self._refs[doc.vocab.strings[m]], s, e) for m, s, e in self._lower(doc)]
        by_kind: dict[str, list[tuple[str, int, int]]] = {}
        for (kind, ref), s, e in raw:
            by_kind.setdefault(kind, []).append((ref, s, e))
        out: list[Hit] = []
        for kind, items in by_kind.items():
            items.sort(key=lambda x: (-(x[2] - x[1]), x[1]))
            taken: set[int] = set()
            spans: set[tuple[int, int]] = set()
            for ref, s, e in items:
                # Organizations sharing an alias keep every candidate of the same span.
                if taken.intersection(range(s, e)) and not (kind == "org" and (s, e) in spans):
                    continue
                spans.add((s, e))
                taken.update(range(s, e))
                out.append(Hit(kind, ref, doc[s:e]))
        out = [h for h in out if not _a_region(doc, h) and not _a_first_name(doc, h)]
        out = _titles_before_countries(doc, out, by_kind.get("title", []))
        places = {i for h in out if h.kind in ("country", "demonym") for i in range(h.span.start, h.span.end)}
        actors = [(h.ref, h.span) for h in out if h.kind in ("country", "org")]
        # a trigger inside a post's title ("National Security Adviser") names the post, not a topic
        titles = [(h.span.start, h.span.end) for h in out if h.kind == "title"]
        out.extend(Hit("issue", key, span) for key, span in self.issues.hits(doc, places, actors)
                   if not any(a <= span.start and span.end <= b for a, b in titles))
        out.sort(key=lambda h: (h.span.start, -len(h.span)))
        return out


def _titles_before_countries(doc: Doc, out: list[Hit], titles: list[tuple[str, int, int]]) -> list[Hit]:
    """A title that runs into a country's name ("President of the Republic" of "the Republic of
    Korea") is the longest title ending before the country."""
    countries = [h for h in out if h.kind == "country"]
    kept = []
    for h in out:
        cut = next((c for c in countries if h.kind == "title" and h.span.start < c.span.start < h.span.end < c.span.end), None)
        if cut is None:
            kept.append(h)
            continue
        shorter = [(ref, s, e) for ref, s, e in titles if s == h.span.start and e <= cut.span.start]
        if shorter:
            ref, s, e = max(shorter, key=lambda x: x[2])
            kept.append(Hit("title", ref, doc[s:e]))
    return kept


_COMPASS = {"Northern", "Southern", "Eastern", "Western"}


def _a_region(doc: Doc, h: Hit) -> bool:
    """"Northern Ireland", "Western Australia": a country's name after a capitalized compass
    adjective the table does not list with it names a region (of it or of another country),
    not the country."""
    return h.kind in ("country", "demonym", "capital") and h.span.start > 0 and doc[h.span.start - 1].text in _COMPASS


def _a_first_name(doc: Doc, h: Hit) -> bool:
    """"Foreign Secretary Bharat Raj Paudyal", "Minister Israel Katz": a country's name that
    begins a person's name (the model's PERSON entity running on past it through capitalized
    names) is the person's given name, not the country."""
    if h.kind != "country" or h.span.start == 0 or not (doc[h.span.start - 1].is_alpha and doc[h.span.start - 1].is_title):
        return False  # only right after a capitalized word, a title's ("Ghana Kwabena Otoo, Togo Koffi Adjavon" pairs)
    ent = next((e for e in doc.ents if e.label_ == "PERSON" and e.start == h.span.start), None)
    if ent is None or ent.end <= h.span.end:
        return False
    rest = doc[h.span.end:ent.end]
    return all(t.is_alpha and t.text[:1].isupper() and t.pos_ == "PROPN" for t in rest)


@functools.lru_cache(maxsize=4)
def _unhyphenated(name: str) -> str:
    """A country name whose capitalized parts a hyphen joins ("Timor-Leste", "Guinea-Bissau")
    with a space instead, as the hyphen is often left out in print; other names unchanged."""
    parts = name.split("-")
    if len(parts) < 2 or not all(p[:1].isupper() for p in parts):
        return name
    return " ".join(parts)


def gazetteer_for(nlp: Language) -> Gazetteer:
    """The matchers for a pipeline (built once; the vocabulary is read once per process)."""
    return Gazetteer(nlp, load_vocabulary())
