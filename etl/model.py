"""Plain dataclasses that flow between the ETL stages. No RDF here.

Keys (``Actor.key``, ``Place.key``, ...) are the stable local parts of instance IRIs
(``{base}id/{kind}/{key}``); only ``etl.to_rdf`` turns them into IRIs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ActorKind = Literal["Person", "Country", "Organization"]
Mode = Literal["in-person", "phone", "video"]
Status = Literal["held", "planned"]
QuoteKind = Literal["direct", "indirect"]


@dataclass(frozen=True)
class Article:
    """One news article as read from a file or a JSON Lines record.

    ``published`` is an ISO 8601 date (``YYYY-MM-DD``) when known. ``origin`` says where
    the article came from (``path`` or ``path:line``) for messages. ``license`` is the IRI
    of the article's licence and ``rights`` a free-text rights statement, when given.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    origin: str = ""
    license: str | None = None
    rights: str | None = None


@dataclass(frozen=True)
class Span:
    """Character offsets into ``Article.text`` (end exclusive) and the text there."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        """The span of ``text[start:end]``."""
        return cls(start, end, text[start:end])


@dataclass(frozen=True)
class RoleFact:
    """A post a person holds: a title ("Foreign Minister") of a country or organization."""

    title: str
    of: str | None
    evidence: Span


Identified = Literal["name", "gazetteer", "store", "none"]


@dataclass
class Actor:
    """A person, country or organization. ``country`` and ``of`` fields hold actor keys.

    For persons, ``forms`` are the names as the article prints them ("KISHIDA Fumio",
    "Kishida"), ``normal`` the article's own normal form of the name ("Fumio Kishida", or the
    family name alone), ``family`` the family name in normal form, ``mentions`` how often
    the article refers to the person, and ``identified`` how the person was decided:
    ``name`` (named in full in the article), ``gazetteer`` (a family name and a post the
    officials table knows), ``store`` (a family name and a post of a person another article
    names in full) or ``none`` (a family name only: a person of this article alone).
    """

    key: str
    kind: ActorKind
    name: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    wikidata: str | None = None
    iso2: str | None = None
    roles: list[RoleFact] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)
    normal: str | None = None
    family: str | None = None
    mentions: int = 0
    identified: Identified = "name"


@dataclass
class Place:
    """A place where a meeting happens (a city, a building, a venue)."""

    key: str
    name: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass
class Meeting:
    """A meeting: participants are actor keys, ``location`` a place key, topics issue keys.

    ``date`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, or None when the text does not
    determine it. ``primary`` marks the article's main meetings.
    """

    key: str
    participants: list[str]
    mode: Mode = "in-person"
    status: Status = "held"
    date: str | None = None
    location: str | None = None
    topics: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
    primary: bool = True


@dataclass
class Statement:
    """Words an actor said: the quote without quotation marks, speaker an actor key."""

    key: str
    speaker: str
    quote: str
    kind: QuoteKind
    evidence: list[Span] = field(default_factory=list)
    about: list[str] = field(default_factory=list)
    made_at: str | None = None
    date: str | None = None


@dataclass
class ArticleFacts:
    """Everything extracted from one article. ``issues`` are issue keys of the SKOS scheme."""

    article: Article
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    issues: list[str] = field(default_factory=list)
