"""A meeting as one expression in the text reports it."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from etl.model import Place
from etl.model import Span as TextSpan


@dataclass
class MeetingDraft:
    """A meeting as one expression in the text reports it."""

    participants: list[str]
    mode: str
    status: str
    date: str | None
    place: Place | None
    evidence: TextSpan
    sentence: Span
    topics: list[str] = field(default_factory=list)
    primary: bool = True
    headline: bool = False  # reported by the article's headline
    word: str = ""  # the lemma of the meeting word ("summit", "call", "meet")
    sides: list[str] = field(default_factory=list)  # the countries a format name joins ("Japan-U.S.")
    same_as: MeetingDraft | None = None  # an earlier draft of the same meeting, which this one reports again
    day_of: MeetingDraft | None = None  # the meeting reported before, whose day "on the same day" means

    def root(self) -> MeetingDraft:
        """The first draft of the meeting this draft reports."""
        d = self
        while d.same_as is not None:
            d = d.same_as
        return d
