"""Evidence in its text: the sentence around a span, and a text cut into highlighted segments."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“‘(A-Z0-9])|\n+")
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sgt|Sen|Rep|Gov|Prof|Jr|Sr|No|Jan|Feb|"
    r"Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Vol|vs|etc|Inc|Corp|Co|Ltd)\.)$")


def _boundaries(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """Ends of sentences in ``text[start:end]`` (newlines, or . ! ? not after an abbreviation)."""
    for m in _SENTENCE_END.finditer(text, start):
        if m.end() > end:
            return
        if m.group()[0] == "." and _ABBREVIATION.search(text, max(0, m.start() - 12), m.start() + 1):
            continue
        yield m


@dataclass(frozen=True)
class Snippet:
    """The sentence(s) holding a span, cut in three around it."""

    before: str
    exact: str
    after: str


@dataclass
class Segment:
    """A stretch of text covered by the same set of evidence spans."""

    text: str
    spans: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)


def span_id(start: int, end: int) -> str:
    """The fragment naming a span (RFC 5147), as used in evidence IRIs.

    >>> span_id(3, 9)
    'char=3,9'
    """
    return f"char={start},{end}"


def snippet(text: str, start: int, end: int) -> Snippet:
    """The sentence(s) of ``text`` containing ``[start, end)``, split around the span.

    >>> snippet("One. Motegi said so. Two.", 5, 11)
    Snippet(before='', exact='Motegi', after=' said so.')
    >>> snippet("Hi. The U.S. envoy Mr. Kim met him. Then.", 19, 26)
    Snippet(before='The U.S. envoy ', exact='Mr. Kim', after=' met him.')
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    left = 0
    for m in _boundaries(text, 0, start):
        left = m.end()
    m = next(_boundaries(text, max(end - 1, start), len(text) + 1), None)
    right = len(text) if m is None else m.start() + len(m.group().rstrip())
    if right < end:
        right = end
    return Snippet(text[left:start], text[start:end], text[end:right].rstrip())


def segments(text: str, spans: list[tuple[int, int]]) -> list[Segment]:
    """Cut ``text`` at every span boundary; each segment lists the spans covering it.

    Overlapping spans are fine. A segment starting a span carries its id in ``anchors``.

    >>> [(s.text, s.spans) for s in segments("abcdef", [(1, 3), (2, 5)])]
    [('a', []), ('b', ['char=1,3']), ('c', ['char=1,3', 'char=2,5']), ('de', ['char=2,5']), ('f', [])]
    """
    clean = sorted({(max(0, s), min(e, len(text))) for s, e in spans if 0 <= s < e})
    cuts = sorted({0, len(text)} | {s for s, _ in clean} | {e for _, e in clean})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [span_id(s, e) for s, e in clean if s <= a and b <= e]
        anchors = [span_id(s, e) for s, e in clean if s == a]
        out.append(Segment(text[a:b], covering, anchors))
    return out
