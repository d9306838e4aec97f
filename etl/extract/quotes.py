"""Quoted spans: double quotation marks, straight or curly (mixed marks too), paired within a
paragraph; quotes nested in a quote belong to the outer one.

A straight mark opens when it follows a space (or starts the paragraph) and closes when a
space or punctuation follows it. A quotation that runs over several paragraphs follows the
printers' convention: every paragraph opens with a mark and only the last one closes. A
paragraph that opens with a mark it leaves open, followed by a paragraph that opens with a
mark, is one quoted span up to its end (``open_ended``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PARAGRAPH = re.compile(r"[^\n]+")
_MARKS = re.compile(r"[\"\u201c\u201d]")
_OPENING = ('"', "\u201c")
_BEFORE_OPENING = "([{\u2014\u2013-/"
_AFTER_CLOSING = ".,;:!?)]}\u2014\u2013-/'\u2019"


@dataclass(frozen=True)
class Quote:
    """The words between quotation marks: ``start``/``end`` exclude the marks.

    ``open_ended``: a paragraph of a multi-paragraph quotation that has no closing mark."""

    start: int
    end: int
    text: str
    open_ended: bool = False

    @property
    def words(self) -> int:
        return len(self.text.split())


def find_quotes(text: str, limit: int | None = None) -> list[Quote]:
    """Quoted spans of ``text[:limit]``, in order; an unbalanced mark is left alone.

    >>> [q.text for q in find_quotes('He said, "We agree." She said “no.”')]
    ['We agree.', 'no.']
    >>> find_quotes('An "unbalanced quote')
    []
    >>> [q.text for q in find_quotes('He urged "the parties to talk.” He hoped it "will help."')]
    ['the parties to talk.', 'will help.']
    >>> [(q.text, q.open_ended) for q in find_quotes('“One.\\n\\n“Two.”')]
    [('One.', True), ('Two.', False)]
    """
    body = text if limit is None else text[:limit]
    paragraphs = [(p.start(), p.group()) for p in _PARAGRAPH.finditer(body) if p.group().strip()]
    out: list[Quote] = []
    for n, (start, chunk) in enumerate(paragraphs):
        following = paragraphs[n + 1][1] if n + 1 < len(paragraphs) else ""
        out.extend(_paragraph_quotes(chunk, start, following.lstrip().startswith(_OPENING)))
    return [q for q in out if q.text.strip()]


def _is_opening(chunk: str, i: int, depth: int) -> bool:
    c = chunk[i]
    if c != '"':
        return c == "\u201c"
    before = chunk[i - 1] if i > 0 else " "
    after = chunk[i + 1] if i + 1 < len(chunk) else " "
    if before.isspace() or before in _BEFORE_OPENING:
        return not after.isspace()
    if after.isspace() or after in _AFTER_CLOSING:
        return False
    return depth == 0


def _paragraph_quotes(chunk: str, offset: int, next_opens: bool) -> list[Quote]:
    """The outermost quoted spans of one paragraph."""
    stack: list[int] = []
    outer: list[Quote] = []
    closed_inner: list[Quote] = []
    for m in _MARKS.finditer(chunk):
        i = m.start()
        if _is_opening(chunk, i, len(stack)):
            stack.append(i)
            continue
        if not stack:
            continue
        a = stack.pop()
        q = Quote(offset + a + 1, offset + i, chunk[a + 1:i])
        (closed_inner if stack else outer).append(q)
    if not stack:
        return outer
    lead = len(chunk) - len(chunk.lstrip())
    if stack[0] == lead and next_opens:
        end = len(chunk.rstrip())
        return [Quote(offset + lead + 1, offset + end, chunk[lead + 1:end], open_ended=True)]
    # Unbalanced: keep the complete pairs, outermost first.
    complete = sorted(outer + closed_inner, key=lambda q: (q.start, -q.end))
    kept: list[Quote] = []
    for q in complete:
        if not kept or q.start >= kept[-1].end:
            kept.append(q)
    return kept


def inside(quotes: list[Quote], char: int) -> Quote | None:
    """The quote containing a character offset, if any."""
    for q in quotes:
        if q.start <= char < q.end:
            return q
    return None
