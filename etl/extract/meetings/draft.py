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
