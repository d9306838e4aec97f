"""Quoted spans: double quotation marks, straight or curly (mixed marks too), or guillemets
(«...», as wire services of many countries print them), paired within a paragraph; quotes
nested in a quote belong to the outer one.

A straight mark opens when it follows a space (or starts the paragraph) and closes when a
space or punctuation follows it. A quotation that runs over several paragraphs follows the
printers' convention: every paragraph opens with a mark and only the last one closes. A
paragraph that leaves a mark open (at its start or after a lead-in), followed by a paragraph
that opens with a mark, is one quoted span from that mark to its end (``open_ended``); so is
one followed by a paragraph whose first mark closes (the printer dropped that paragraph's
opening mark), and the quotation goes on from that paragraph's start to the closing mark.

Single quotation marks (British style: 'We agree,' she said) count in a paragraph without
double marks, where they cannot be the inner quote of a double-quoted one. An opening single
mark follows a space (or starts the paragraph) and precedes a letter or digit; a closing one
follows a non-space and precedes a space, punctuation or the paragraph's end, so apostrophes
inside words ("Britain's") are never marks. A plural possessive ("the ministers' talks") looks
like a closing mark: the first candidate next to punctuation (",'", "'.") or at the
paragraph's end is preferred to one between a word and a space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PARAGRAPH = re.compile(r"[^\n]+")
_MARKS = re.compile(r"[\"\u201c\u201d\u00ab\u00bb]")
_OPENING = ('"', "\u201c", "\u00ab")
# Every mark that can open or close a quoted span, double or single (for the extractors).
OPENING_MARKS = ('"', "\u201c", "\u00ab", "'", "\u2018")
CLOSING_MARKS = ('"', "\u201d", "\u00bb", "'", "\u2019")
_SINGLE = re.compile(r"['\u2018\u2019]")
_SINGLE_OPENING = ("'", "\u2018")
_SINGLE_AFTER_CLOSING = ".,;:!?)]}\u2014\u2013-/"
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
    >>> [q.text for q in find_quotes("''We now start,'' she said.")]
    ['We now start,']
    >>> [q.text for q in find_quotes('\u00abWe agree,\u00bb the statement says.')]
    ['We agree,']
    >>> [q.text for q in find_quotes('\u201cWe agree\u201c, he said, \u201cfully.\u201d')]
    ['We agree', 'fully.']
    """
    body = text if limit is None else text[:limit]
    paragraphs = [(p.start(), p.group()) for p in _PARAGRAPH.finditer(body) if p.group().strip()]
    out: list[Quote] = []
    for n, (start, chunk) in enumerate(paragraphs):
        following = paragraphs[n + 1][1] if n + 1 < len(paragraphs) else ""
        if "''" in chunk:
            # two apostrophes for a double mark (''We agree,'' she said): scanned as one mark
            scan = chunk.replace("''", '"\x01')
            for q in _paragraph_quotes(scan, start, following.lstrip().startswith(_OPENING)):
                a = q.start + (body[q.start:q.start + 1] == "'" and body[q.start - 1:q.start] == "'")
                out.append(Quote(a, q.end, body[a:q.end], q.open_ended))
        elif _MARKS.search(chunk):
            # a quotation left open at a paragraph's end that the next paragraph closes with
            # no mark of its own at its start ("“So ...\n\nMoreover, ...,” she said."):
            # the printer dropped the mark, the quotation runs on
            carried = bool(out) and out[-1].open_ended and n > 0 and out[-1].start < start and _closes_first(chunk)
            next_opens = following.lstrip().startswith(_OPENING) or _closes_first(following)
            out.extend(_paragraph_quotes(chunk, start, next_opens, carried))
        else:
            out.extend(_single_quotes(chunk, start, following.lstrip().startswith(_SINGLE_OPENING)))
    return [q for q in out if q.text.strip()]


def _is_opening(chunk: str, i: int, depth: int) -> bool:
    """Whether the mark at ``i`` opens a span; an opening curly mark that a printer put for
    the closing one ("“Brazil restoring its relations“, said ...": after a word, before a
    space or punctuation, with a span open) closes."""
    c = chunk[i]
    if c == "\u201c" and depth > 0 and i > 0 and not chunk[i - 1].isspace() and chunk[i - 1] not in _BEFORE_OPENING:
        after = chunk[i + 1] if i + 1 < len(chunk) else " "
        return not (after.isspace() or after in _AFTER_CLOSING)
    if c != '"':
        return c in ("\u201c", "\u00ab")
    before = chunk[i - 1] if i > 0 else " "
    after = chunk[i + 1] if i + 1 < len(chunk) else " "
    if before.isspace() or before in _BEFORE_OPENING:
        return not after.isspace()
    if after.isspace() or after in _AFTER_CLOSING:
        return False
    return depth == 0


def _closes_first(chunk: str) -> bool:
    """A paragraph whose first double mark closes a quotation (none opens it before): the
    last paragraph of a quotation whose opening mark stands paragraphs before."""
    lead = len(chunk) - len(chunk.lstrip())
    if "''" in chunk or chunk[lead:lead + 1] in _OPENING:
        return False
    m = _MARKS.search(chunk)
    return m is not None and not _is_opening(chunk, m.start(), 0)


def _paragraph_quotes(chunk: str, offset: int, next_opens: bool, carried: bool = False) -> list[Quote]:
    """The outermost quoted spans of one paragraph; ``carried``: a quotation opened in the
    paragraph before runs on from this one's start."""
    lead = len(chunk) - len(chunk.lstrip())
    stack: list[int] = [lead - 1] if carried else []
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
    if next_opens:
        # the quotation runs on into the next paragraph: from its (first unclosed) mark,
        # at the paragraph's start or after a lead-in ("He said he would focus on it, “to
        # build ...\n\n“The ...”"), to the paragraph's end
        a = stack[0]
        end = len(chunk.rstrip())
        before = [q for q in outer if q.end <= offset + a]
        return before + [Quote(offset + a + 1, offset + end, chunk[a + 1:end], open_ended=True)]
    # Unbalanced: keep the complete pairs, outermost first.
    complete = sorted(outer + closed_inner, key=lambda q: (q.start, -q.end))
    kept: list[Quote] = []
    for q in complete:
        if not kept or q.start >= kept[-1].end:
            kept.append(q)
    return kept


def _single_quotes(chunk: str, offset: int, next_opens: bool) -> list[Quote]:
    """The spans between single quotation marks of a paragraph without double marks.

    >>> [q.text for q in _single_quotes("\u2018The ministers\u2019 talks were useful,\u2019 she said.", 0, False)]
    ['The ministers\u2019 talks were useful,']
    >>> [q.text for q in _single_quotes("Britain's view: 'no deal'. 'We agree,' he said, 'fully.'", 0, False)]
    ['no deal', 'We agree,', 'fully.']
    """
    opens: list[int] = []
    closes: list[tuple[int, bool]] = []
    for m in _SINGLE.finditer(chunk):
        i, c = m.start(), m.group()
        before = chunk[i - 1] if i > 0 else " "
        after = chunk[i + 1] if i + 1 < len(chunk) else " "
        if c != "\u2019" and (before.isspace() or before in _BEFORE_OPENING) and after.isalnum():
            opens.append(i)
        elif c != "\u2018" and not before.isspace() and (after.isspace() or after in _SINGLE_AFTER_CLOSING):
            strong = before in ".,;:!?" or after in _SINGLE_AFTER_CLOSING or not chunk[i + 1:].strip()
            closes.append((i, strong))
    out: list[Quote] = []
    pos = -1
    for n, a in enumerate(opens):
        if a <= pos:
            continue
        limit = next((b for b in opens[n + 1:] if b > a), len(chunk))
        candidates = [(i, strong) for i, strong in closes if a < i]
        within = [(i, strong) for i, strong in candidates if i < limit]
        pick = next((i for i, strong in within if strong), None)
        if pick is None and within:
            pick = within[0][0]
        if pick is None:
            later = [i for i, strong in candidates if strong]
            pick = later[0] if later else None
        if pick is None:
            lead = len(chunk) - len(chunk.lstrip())
            if a == lead and next_opens:
                end = len(chunk.rstrip())
                out.append(Quote(offset + a + 1, offset + end, chunk[a + 1:end], open_ended=True))
            break
        out.append(Quote(offset + a + 1, offset + pick, chunk[a + 1:pick]))
        pos = pick
    return out


def inside(quotes: list[Quote], char: int) -> Quote | None:
    """The quote containing a character offset, if any."""
    for q in quotes:
        if q.start <= char < q.end:
            return q
    return None
