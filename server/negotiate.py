"""Formats in one registry (keyed by media type, extension and short name) and content negotiation.

A :class:`Format` belongs to one kind: ``results`` (SELECT/ASK), ``graph`` (CONSTRUCT,
DESCRIBE, service descriptions, entity data) or ``page`` (HTML). :func:`negotiate` picks
the format of a kind from the ``format`` parameter (explicit, so it wins) or from the
Accept header with q-values; what cannot be served raises ``NotAcceptable`` (406).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from diplokg.errors import NotAcceptable

Kind = Literal["results", "graph", "page"]


@dataclass(frozen=True)
class Format:
    """A representation: media type, kind, file extension, other names clients use, rdflib serializer."""

    media_type: str
    kind: Kind
    extension: str
    aliases: tuple[str, ...] = ()
    rdflib: str | None = None

    @property
    def content_type(self) -> str:
        """The Content-Type header value (text types say their charset)."""
        return f"{self.media_type}; charset=utf-8" if self.media_type.startswith("text/") else self.media_type


# Order within a kind is the server's preference (the first is the default).
FORMATS: tuple[Format, ...] = (
    Format("application/sparql-results+json", "results", "srj", ("json", "application/json")),
    Format("application/sparql-results+xml", "results", "srx", ("xml", "application/xml", "text/xml")),
    Format("text/csv", "results", "csv", ("csv",)),
    Format("text/tab-separated-values", "results", "tsv", ("tsv",)),
    Format("text/turtle", "graph", "ttl", ("turtle", "n3", "text/n3", "text/rdf+n3", "application/turtle", "application/x-turtle"), "turtle"),
    Format("application/n-triples", "graph", "nt", ("ntriples", "n-triples", "nt", "text/plain"), "nt"),
    Format("application/ld+json", "graph", "jsonld", ("json-ld", "jsonld", "json", "application/json", "application/x-json+ld"), "json-ld"),
    Format("application/rdf+xml", "graph", "rdf", ("xml", "rdfxml", "rdf+xml", "rdf/xml", "application/xml", "text/xml"), "xml"),
    Format("application/n-quads", "graph", "nq", ("nquads", "n-quads", "nq"), "nquads"),
    Format("application/trig", "graph", "trig", ("trig", "application/x-trig"), "trig"),
    Format("text/html", "page", "html", ("html", "application/xhtml+xml")),
)


def formats(kind: Kind) -> tuple[Format, ...]:
    """The formats of one kind, in the server's order of preference."""
    return tuple(f for f in FORMATS if f.kind == kind)


def by_media_type(media_type: str, kind: Kind | None = None) -> Format | None:
    """The format registered for a media type (or one of its aliases), optionally of one kind."""
    wanted = media_type.split(";", 1)[0].strip().lower()
    for f in FORMATS:
        if (kind is None or f.kind == kind) and (f.media_type == wanted or wanted in f.aliases):
            return f
    return None


def by_extension(extension: str, kind: Kind | None = None) -> Format | None:
    """The format registered for a file extension (without the dot)."""
    wanted = extension.lower().lstrip(".")
    for f in FORMATS:
        if (kind is None or f.kind == kind) and f.extension == wanted:
            return f
    return None


def by_name(name: str, kind: Kind) -> Format | None:
    """The format of a kind named by a ``format`` parameter: short name, extension or media type."""
    wanted = name.strip().lower()
    return by_extension(wanted, kind) or by_media_type(wanted, kind)


def parse_accept(header: str) -> list[tuple[str, float]]:
    """The media ranges of an Accept header with their q-values, in header order.

    >>> parse_accept("text/turtle;q=0.5, application/ld+json")
    [('text/turtle', 0.5), ('application/ld+json', 1.0)]
    """
    ranges = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append((media, q))
    return ranges


def _quality(offer: Format, ranges: list[tuple[str, float]]) -> float:
    """The q-value the most specific matching range gives an offer (0 when none matches)."""
    best_specificity, quality = -1, 0.0
    major = offer.media_type.partition("/")[0]
    for media, q in ranges:
        if media == offer.media_type:
            specificity = 3
        elif media in offer.aliases:
            specificity = 2
        elif media == f"{major}/*":
            specificity = 1
        elif media in ("*/*", "*"):
            specificity = 0
        else:
            continue
        if specificity > best_specificity:
            best_specificity, quality = specificity, q
    return quality


def best_match(accept: str | None, offers: Sequence[Format]) -> Format | None:
    """The offer the Accept header rates highest (ties go to the earlier offer); None if none."""
    if not accept or not accept.strip():
        return offers[0] if offers else None
    ranges = parse_accept(accept)
    best, best_q = None, 0.0
    for offer in offers:
        q = _quality(offer, ranges)
        if q > best_q:
            best, best_q = offer, q
    return best


def negotiate(kind: Kind, accept: str | None, names: Iterable[str] = (), offers: Sequence[Format] | None = None) -> Format:
    """Choose the format of ``kind`` for a request: a known ``format`` name wins, then Accept.

    Raises NotAcceptable (406) when neither can be served.
    """
    return _negotiate(kind, accept, tuple(n for n in names if n), tuple(offers) if offers is not None else formats(kind))


@functools.lru_cache(maxsize=512)
def _negotiate(kind: Kind, accept: str | None, names: tuple[str, ...], offers: tuple[Format, ...]) -> Format:
    """negotiate() on hashable arguments; clients send few distinct headers, so it is cached."""
    for name in names:
        chosen = by_name(name, kind)
        if chosen is not None and chosen in offers:
            return chosen
    if names:
        raise NotAcceptable(
            f"format {names[0]!r} cannot be served here; choose one of "
            + ", ".join(f.extension for f in offers)
        )
    chosen = best_match(accept, offers)
    if chosen is None:
        raise NotAcceptable(
            f"none of the accepted media types ({accept}) can be served here; available: "
            + ", ".join(f.media_type for f in offers)
        )
    return chosen
