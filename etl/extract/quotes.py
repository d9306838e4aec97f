"""Quoted spans: straight or curly double quotes, paired within a paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass

_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Quote:
    """The words between quotation marks: ``start``/``end`` exclude the marks."""

    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def find_quotes(text: str, limit: int | None = None) -> list[Quote]:
    """Quoted spans of ``text[:limit]``, in order; an unbalanced mark is left alone.

    >>> [q.text for q in find_quotes('He said, "We agree." She said “no.”')]
    ['We agree.', 'no.']
    >>> find_quotes('An "unbalanced quote')
    []
    """
    body = text if limit is None else text[:limit]
    out: list[Quote] = []
    for para in _PARAGRAPH.finditer(body):
        start = para.start()
        chunk = para.group()
        out.extend(_pairs(chunk, start, '"', '"'))
        out.extend(_pairs(chunk, start, "\u201c", "\u201d"))
    out.sort(key=lambda q: q.start)
    nested: list[Quote] = []
    for q in out:
        if nested and q.start < nested[-1].end:
            continue
        nested.append(q)
    return [q for q in nested if q.text.strip()]


def _pairs(chunk: str, offset: int, opening: str, closing: str) -> list[Quote]:
    out = []
    i = 0
    while True:
        a = chunk.find(opening, i)
        if a < 0:
            return out
        b = chunk.find(closing, a + 1)
        if b < 0:
            return out
        s, e = offset + a + 1, offset + b
        out.append(Quote(s, e, chunk[a + 1:b]))
        i = b + 1


def inside(quotes: list[Quote], char: int) -> Quote | None:
    """The quote containing a character offset, if any."""
    for q in quotes:
        if q.start <= char < q.end:
            return q
    return None
