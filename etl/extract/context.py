"""What the extractors share about one article: its text, parsed body, actors, quotes,
date mentions (resolved against the article's anchor date), places and issue mentions."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span

from diplokg.iris import slug
from etl.extract.mentions import ActorIndex
from etl.extract.dates import DateMention, date_matches, find_dates
from etl.extract.gazetteer import _WEAK_COUNTRY_ALIASES, Gazetteer
from etl.extract.quotes import Quote, inside
from etl.model import Article, Place
from etl.read import headline_span
from etl.vocab import Vocabulary


@dataclass
class ArticleContext:
    """One article under extraction. ``doc`` covers ``article.text[:body_end]``."""

    article: Article
    doc: Doc
    body_end: int
    anchor: date | None
    gazetteer: Gazetteer
    index: ActorIndex
    quotes: list[Quote]
    captions: list[tuple[int, int]]
    places: dict[str, Place] = field(default_factory=dict)
    _dates: dict[bool, list[DateMention]] = field(default_factory=dict)
    _date_matches: list[tuple[int, re.Match[str]]] | None = None
    _sentences: list[Span] | None = None
    _headline: tuple[int, int] | None = None
    _headline_known: bool = False

    @property
    def vocab(self) -> Vocabulary:
        return self.gazetteer.vocab

    @property
    def text(self) -> str:
        return self.article.text

    def sentences(self) -> list[Span]:
        """The body's sentences (captions included; a caption is split from its neighbours)."""
        if self._sentences is None:
            self._sentences = [s for s in self.doc.sents if s.text.strip()]
        return self._sentences

    def headline(self) -> tuple[int, int] | None:
        """(start, end) of the article's headline line, if it has one: a short first line set
        off by a blank line (:func:`etl.read.headline_span`), or the first line when it is the
        sidecar's ``title``."""
        if not self._headline_known:
            body = self.text[: self.body_end]
            head = headline_span(body)
            title = (self.article.title or "").strip()
            first = body.split("\n", 1)[0]
            if head is None and title and first.strip() == title and "\n" in body:
                lead = len(first) - len(first.lstrip())
                head = (lead, lead + len(title))
            self._headline, self._headline_known = head, True
        return self._headline

    def in_headline(self, char: int) -> bool:
        head = self.headline()
        return head is not None and head[0] <= char < head[1]

    @functools.cached_property
    def publisher_country(self) -> str | None:
        """The country of the article's publisher, when its ``source`` names exactly one, directly
        or through a government body ("UK Government (GOV.UK)", "MOFA Japan", "State
        Department"): the country of the bare titles of its own officials ("The Prime Minister
        met ..."). A wire or broadcaster's name ("Reuters", "VOA", "Kyodo") names none; a national
        newspaper's ("Haaretz", ``etl/data/media_outlets.csv``) names its home."""
        return publisher_country(self.article.source, self.gazetteer)

    @property
    def publisher_organization(self) -> str | None:
        """The intergovernmental organization the article's ``source`` names ("United Nations,
        Office of the Secretary-General"): the body of the bare titles of its own officials
        ("The Secretary-General met today with ...")."""
        return publisher_organization(self.article.source, self.gazetteer)

    def in_quote(self, char: int) -> bool:
        return inside(self.quotes, char) is not None

    def in_caption(self, char: int) -> bool:
        return any(a <= char < b for a, b in self.captions)

    def dates_in(self, start: int, end: int, future: bool = False) -> list[DateMention]:
        """Date mentions within [start, end), resolved against the anchor."""
        if future not in self._dates:
            body = self.text[: self.body_end]
            if self._date_matches is None:  # one scan of the body serves the past and the future reading
                self._date_matches = date_matches(body)
            self._dates[future] = find_dates(body, self.anchor, future=future, matches=self._date_matches)
        return [m for m in self._dates[future] if start <= m.start and m.end <= end]

    def issues_in(self, start: int, end: int) -> list[str]:
        """Issue keys whose triggers occur within [start, end) (words inside quotes count too)."""
        keys = [h.ref for h in self.index.hits if h.kind == "issue" and start <= h.span.start_char and h.span.end_char <= end]
        return list(dict.fromkeys(keys))

    def place_for(self, ent: Span) -> Place | None:
        """The Place of a GPE/LOC/FAC entity (its country when the gazetteer knows it); a
        building named with its city ("the Great Hall of the People in Beijing") is the city."""
        cities = [h for h in self.index.hits if h.kind in ("capital", "country") and ent.start <= h.span.start and h.span.end <= ent.end]
        if ent.label_ == "FAC" and cities:
            ent = cities[-1].span
        name = ent.text
        if name.lower().startswith("the "):
            name = name[4:]
        name = name.removesuffix("'s").removesuffix("’s").strip()
        if name.endswith(".") and "." not in name[:-1]:
            name = name[:-1]  # "at the Villa, Abuja." with the full stop in the last token
        if not name or not name[0].isupper():
            return None
        key = slug(name)
        if key in self.places:
            return self.places[key]
        country = None
        for hit in self.index.hits:
            if hit.span.start == ent.start or hit.span.end == ent.end:
                if hit.kind in ("capital", "country"):
                    country = hit.ref
                    break
        place = Place(key=key, name=name, country=country)
        self.places[key] = place
        return place


@functools.lru_cache(maxsize=1024)
def publisher_country(source: str | None, gazetteer: Gazetteer) -> str | None:
    """The one country a source line names, directly or through a government body of the
    gazetteer; None for media, international bodies, or several countries.

    Cached per source line: a corpus has few publishers, and each look-up tries every name of
    the gazetteer; a name's pattern is compiled only where the name occurs in the line (the
    ``re`` module keeps far fewer compiled patterns than the gazetteer has names).

    A site named after "via" ("BERNAMA (via Philippines News Gazette)") only carried the
    original: its country is not the publisher's (:func:`original_source`)."""
    source = original_source(source)
    if not source:
        return None
    found: set[str] = set()
    for c in gazetteer.vocab.countries:
        for name in (c.name, *c.aliases, *c.demonyms):
            if name in source and name not in _WEAK_COUNTRY_ALIASES and re.search(rf"(?<![\w.]){re.escape(name)}(?![\w])", source):
                found.add(c.key)
    bodies: dict[str, set[str]] = {}  # name or alias of a government body -> its countries
    for o in gazetteer.orgs.values():
        if o.kind == "government_body" and o.country_iso2:
            for name in (o.name, *o.aliases):
                bodies.setdefault(name, set()).add(o.country_iso2)
    if not found:
        # "Lusaka Times", "Kathmandu Post": a national outlet named after its country's capital
        for c in gazetteer.vocab.countries:
            if any(len(city) > 3 and city in source and re.search(rf"(?<![\w.]){re.escape(city)}(?![\w])", source) for city in c.capitals):
                found.add(c.key)
    if not found:
        # "Haaretz", "The Straits Times": a national outlet whose name names no country
        # (etl/data/media_outlets.csv); the longest name found counts ("New Straits Times")
        hits = [name for name in gazetteer.vocab.media_outlets
                if name in source and re.search(rf"(?<![\w.]){re.escape(name)}(?![\w])", source)]
        hits = [n for n in hits if not any(n != o and n in o for o in hits)]
        for name in hits:
            country = gazetteer.vocab.country_by_iso2.get(gazetteer.vocab.media_outlets[name])
            if country is not None:
                found.add(country.key)
    if found:  # "German Federal Foreign Office": the country named, not another's "Foreign Office" inside it
        return found.pop() if len(found) == 1 else None
    for name, iso2 in bodies.items():
        if len(iso2) == 1 and len(name) > 3 and name in source and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", source):
            country = gazetteer.vocab.country_by_iso2.get(next(iter(iso2)))
            if country is not None:
                found.add(country.key)
    return found.pop() if len(found) == 1 else None


_VIA = re.compile(r"[,;]?\s*\(?\bvia\b[^)]*\)?", re.IGNORECASE)


def original_source(source: str | None) -> str | None:
    """A source line without the republisher it names after "via": "BERNAMA (via Philippines
    News Gazette)" → "BERNAMA", "UK Government (GOV.UK, via republication)" → "UK Government
    (GOV.UK)". The original's author wrote the text; the site that carried it did not."""
    if not source:
        return source
    cut = _VIA.sub(lambda m: ")" if m.group(0).endswith(")") and not m.group(0).lstrip(",; ").startswith("(") else "", source)
    return cut.strip() or None


_GOVERNMENT_WORDS = re.compile(r"\b(?:government|ministry|minister|department|office|presidency|president|embassy|"
                               r"information service|state house|white house|mofa|mfa|cabinet|chancellery|secretariat)\b", re.IGNORECASE)


def government_source(source: str | None, url: str | None = None) -> bool:
    """The article is a government's own release: its source line names a government body
    ("Barbados Government Information Service", "MOFA Japan", "Prime Minister of Canada") or its
    address is on a government domain ("jis.gov.jm", "www.gov.uk"); not a newspaper or agency."""
    source = original_source(source)
    if source and _GOVERNMENT_WORDS.search(source):
        return True
    if not url:
        return False
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip().lower()).split("/", 1)[0]
    return "gov" in host.split(".")


def home_country(source: str | None, url: str | None, gazetteer: Gazetteer) -> str | None:
    """The country the article is written from: its publisher's (:func:`publisher_country`),
    else the one the address's country-code domain names ("www.monitor.co.ug" → Uganda,
    "news.err.ee" → Estonia). National media name their own country's officials by the bare
    title ("President Museveni"). Domains sites register for the letters ("io", "tv",
    ``etl/data/generic_cctlds.txt``) and generic ones (".com") name none."""
    return publisher_country(source, gazetteer) or url_country(url, gazetteer)


def url_country(url: str | None, gazetteer: Gazetteer) -> str | None:
    """The country of a URL's country-code top-level domain ("uk" is GB's), or None."""
    if not url:
        return None
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip().lower()).split("/", 1)[0].split(":", 1)[0].rstrip(".")
    tld = host.rsplit(".", 1)[-1] if "." in host else ""
    if len(tld) != 2 or not tld.isalpha() or tld in gazetteer.vocab.generic_cctlds:
        return None
    country = gazetteer.vocab.country_by_iso2.get("GB" if tld == "uk" else tld.upper())
    return country.key if country is not None else None


@functools.lru_cache(maxsize=256)
def publisher_organization(source: str | None, gazetteer: Gazetteer) -> str | None:
    """The one intergovernmental organization a source line names by its name or an alias of
    more than three characters; None for none or several. A republisher after "via" is not
    the publisher (:func:`original_source`)."""
    source = original_source(source)
    if not source:
        return None
    found = {o.key for o in gazetteer.orgs.values() if o.kind == "intergovernmental"
             for name in (o.name, *o.aliases) if len(name) > 3 and name in source and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", source)}
    # "United Nations Security Council" names the United Nations too: the shortest name wins
    if len(found) > 1:
        names = {k: gazetteer.orgs[k].name for k in found}
        found = {k for k in found if not any(o != k and names[o] in names[k] for o in found)}
    return found.pop() if len(found) == 1 else None
