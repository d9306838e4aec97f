"""The extraction vocabularies, read from data files a researcher can read and extend.

- ``etl/data/gazetteer/``: countries, organizations, officials (see its README's caveats);
- ``etl/data/titles.csv``: post titles and their kind;
- ``etl/data/speech_verbs.txt``, ``attribution_verbs.txt``, ``reporting_verbs.txt``, ``position_verbs.txt``,
  ``quote_term_markers.txt`` (statements), ``meeting_triggers.csv``, ``planned_cues.txt``;
- ``etl/data/generic_cctlds.txt``: country-code domains that name no publisher's country;
- ``etl/data/media_outlets.csv``: national newspapers and broadcasters and their home countries;
- ``ontology/issues.ttl``: the issue scheme, whose labels are the issue triggers.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass, field
from pathlib import Path

from diplokg.iris import slug
from diplokg.resources import ISSUES_FILE

DATA = Path(__file__).resolve().parent / "data"
GAZETTEER = DATA / "gazetteer"


@dataclass(frozen=True)
class CountryEntry:
    key: str
    name: str
    iso2: str
    wikidata: str | None
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True)
class OrgEntry:
    key: str
    name: str
    country_iso2: str | None
    wikidata: str | None
    aliases: tuple[str, ...]
    kind: str = ""  # intergovernmental, government_body, party, media, other


@dataclass(frozen=True)
class OfficialEntry:
    name: str
    aliases: tuple[str, ...]
    position: str
    position_label: str
    position_kind: str
    iso2: str
    start: str
    end: str
    wikidata: str | None


@dataclass(frozen=True)
class TitleEntry:
    phrase: str
    kind: str
    label: str
    country_iso2: str | None = None
    cased: bool = False  # an abbreviation ("PM") matched in capitals only, not "4 pm"


@dataclass(frozen=True)
class IssueEntry:
    key: str
    label: str
    triggers: tuple[str, ...]


@dataclass
class Vocabulary:
    """Every word list extraction uses, loaded once."""

    countries: list[CountryEntry]
    organizations: list[OrgEntry]
    officials: list[OfficialEntry]
    titles: list[TitleEntry]
    speech_verbs: frozenset[str]
    meeting_triggers: dict[str, frozenset[str]]
    planned_cues: frozenset[str]
    issues: list[IssueEntry]
    position_verbs: frozenset[str] = frozenset()
    reporting_verbs: frozenset[str] = frozenset()
    quote_term_markers: frozenset[str] = frozenset()
    attribution_verbs: frozenset[str] = frozenset()
    role_nouns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    generic_cctlds: frozenset[str] = frozenset()
    media_outlets: dict[str, str] = field(default_factory=dict)  # outlet name or alias -> home country ISO2
    country_by_iso2: dict[str, CountryEntry] = field(default_factory=dict)
    country_by_key: dict[str, CountryEntry] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.country_by_iso2 = {c.iso2: c for c in self.countries}
        self.country_by_key = {c.key: c for c in self.countries}


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (cell or "").split("|") if p.strip())


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _word_list(path: Path) -> frozenset[str]:
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(line.lower())
    return frozenset(words)


def _countries() -> list[CountryEntry]:
    """The gazetteer's countries, with the demonyms of ``demonyms_extra.csv`` added."""
    extra: dict[str, tuple[str, ...]] = {}
    for row in _rows(DATA / "demonyms_extra.csv"):  # a country's rows add up (Kyrgyz, Kyrgyzstani)
        extra[row["name"]] = extra.get(row["name"], ()) + _split(row["demonyms"])
    out = []
    for row in _rows(GAZETTEER / "countries.csv"):
        out.append(
            CountryEntry(
                key=slug(row["name"]),
                name=row["name"],
                iso2=row["iso_alpha2"],
                wikidata=row["wikidata"] or None,
                aliases=_split(row["aliases"]),
                demonyms=tuple(d.strip() for d in (row["demonyms"] or "").replace(",", "|").split("|") if d.strip()) + extra.get(row["name"], ()),
                capitals=_split(row["capital"]),
            )
        )
    return out


def _organizations() -> list[OrgEntry]:
    return [
        OrgEntry(
            key=slug(row["name"]),
            name=row["name"],
            country_iso2=row["country_iso2"] or None,
            wikidata=row["wikidata"] or None,
            aliases=_split(row["aliases"]),
            kind=row.get("type") or "",
        )
        for row in _rows(GAZETTEER / "organizations.csv")
    ]


def _officials() -> list[OfficialEntry]:
    positions = {row["position_id"]: row for row in _rows(GAZETTEER / "positions.csv")}
    return [
        OfficialEntry(
            name=row["name"],
            aliases=_split(row["aliases"]),
            position=row["position"],
            position_label=positions[row["position"]]["label"] if row["position"] in positions else row["position"],
            position_kind=positions[row["position"]]["kind"] if row["position"] in positions else "other",
            iso2=row["position_of_iso2"],
            start=row["start"],
            end=row["end"],
            wikidata=row["wikidata"] or None,
        )
        for row in _rows(GAZETTEER / "officials.csv")
    ]


def _titles() -> list[TitleEntry]:
    """Post titles from titles.csv, then the gazetteer's position labels and aliases."""
    titles = {
        row["title"].lower(): TitleEntry(row["title"].lower(), row["kind"], row["label"], row.get("country") or None,
                                         cased=row["title"].isupper())
        for row in _rows(DATA / "titles.csv")
    }
    for row in _rows(GAZETTEER / "positions.csv"):
        for phrase in (row["label"], *_split(row["aliases"])):
            if len(phrase) <= 3 or phrase.isupper() or phrase.lower() in titles or "'" in phrase or len(phrase.split()) > 6:
                continue
            titles[phrase.lower()] = TitleEntry(phrase.lower(), row["kind"], row["label"])
    return list(titles.values())


def _meeting_triggers() -> dict[str, frozenset[str]]:
    roles: dict[str, set[str]] = {}
    for row in _rows(DATA / "meeting_triggers.csv"):
        roles.setdefault(row["role"], set()).add(row["lemma"].lower())
    return {role: frozenset(words) for role, words in roles.items()}


def load_issues(path: Path = ISSUES_FILE) -> list[IssueEntry]:
    """The issue scheme's concepts with their labels as triggers (read with rdflib)."""
    from rdflib import Graph
    from rdflib.namespace import RDF, SKOS

    graph = Graph()
    graph.parse(path, format="turtle")
    out = []
    for concept in sorted(set(graph.subjects(RDF.type, SKOS.Concept))):
        pref = graph.value(concept, SKOS.prefLabel)
        if pref is None:
            continue
        labels = {str(pref)} | {str(alt) for alt in graph.objects(concept, SKOS.altLabel)}
        out.append(IssueEntry(str(concept).rstrip("/").rsplit("/", 1)[-1], str(pref), tuple(sorted(labels))))
    return out


@functools.lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """Read every vocabulary file once per process."""
    return Vocabulary(
        countries=_countries(),
        organizations=_organizations(),
        officials=_officials(),
        titles=_titles(),
        speech_verbs=_word_list(DATA / "speech_verbs.txt"),
        meeting_triggers=_meeting_triggers(),
        planned_cues=_word_list(DATA / "planned_cues.txt"),
        issues=load_issues() if ISSUES_FILE.exists() else [],
        position_verbs=_word_list(DATA / "position_verbs.txt"),
        reporting_verbs=_word_list(DATA / "reporting_verbs.txt"),
        quote_term_markers=_word_list(DATA / "quote_term_markers.txt"),
        attribution_verbs=_word_list(DATA / "attribution_verbs.txt"),
        role_nouns={row["noun"].lower(): _split(row["kinds"]) for row in _rows(DATA / "role_nouns.csv")},
        generic_cctlds=_word_list(DATA / "generic_cctlds.txt"),
        media_outlets={name: row["country_iso2"] for row in _rows(DATA / "media_outlets.csv")
                       for name in (row["name"], *_split(row["aliases"]))},
    )
