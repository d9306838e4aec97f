"""Helpers for the extraction tests: one Extractor per test session, facts by name."""

from __future__ import annotations

import functools

from etl.model import Article, ArticleFacts
from etl.pipeline import Extractor


@functools.lru_cache(maxsize=1)
def extractor() -> Extractor:
    """The real pipeline (spaCy model package + vocabularies), loaded once."""
    return Extractor()


def extract(text: str, published: str | None = None, article_id: str = "t") -> ArticleFacts:
    """Facts of a text given as an article."""
    return extractor().extract(Article(article_id, text, published=published))


def names(facts: ArticleFacts) -> dict[str, str]:
    """Actor key → label."""
    return {a.key: a.name for a in facts.actors}


def people(facts: ArticleFacts) -> set[str]:
    """Labels of the people found."""
    return {a.name for a in facts.actors if a.kind == "Person"}


def meetings(facts: ArticleFacts) -> list[tuple[frozenset[str], str, str, str | None, str | None]]:
    """Meetings as (participant labels, mode, status, date, place label)."""
    label = names(facts)
    places = {p.key: p.name for p in facts.places}
    return [
        (frozenset(label[p] for p in m.participants), m.mode, m.status, m.date, places.get(m.location) if m.location else None)
        for m in facts.meetings
    ]


def statements(facts: ArticleFacts) -> list[tuple[str, str, str]]:
    """Statements as (speaker label, kind, quote)."""
    label = names(facts)
    return [(label[s.speaker], s.kind, s.quote) for s in facts.statements]


def roles(facts: ArticleFacts) -> set[tuple[str, str, str | None]]:
    """Posts as (person label, title, country or organization label)."""
    label = names(facts)
    return {(a.name, r.title, label.get(r.of) if r.of else None) for a in facts.actors for r in a.roles}
