"""The statement as the extractors report it, and the helpers they share."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from etl.extract.context import ArticleContext
from etl.model import Span as TextSpan


@dataclass
class StatementDraft:
    """A statement as the text reports it; ``speaker`` is an actor key, ``quote_start`` the
    offset of the words (the key of the statement within its article)."""

    speaker: str
    quote: str
    kind: str
    evidence: TextSpan
    sentences: list[Span]
    quote_start: int
    about: list[str] = field(default_factory=list)
    date: str | None = None
    quote_end: int = -1
    # offsets of the quotations the reporting verb's own clause holds (indirect statements)
    carried: tuple[int, ...] = ()


def sentence_of(ctx: ArticleContext, char: int) -> Span | None:
    """The sentence holding a character offset of the body."""
    tok = ctx.doc.char_span(char, char + 1, alignment_mode="expand")
    return tok.sent if tok is not None else None


def clean_quote(text: str) -> str:
    """A quote without surrounding space and a trailing comma (a final period stays)."""
    return text.strip().rstrip(",").strip()


def draft(ctx: ArticleContext, speaker: str, quote: str, kind: str, evidence: tuple[int, int],
          quote_span: tuple[int, int]) -> StatementDraft:
    """A statement whose evidence and issues are those of the characters ``evidence``."""
    start, end = evidence
    sents = [s for s in ctx.sentences() if s.start_char < end and s.end_char > start]
    d = StatementDraft(speaker, quote, kind, TextSpan(start, end, ctx.text[start:end]), sents, quote_span[0],
                       quote_end=quote_span[1])
    d.about = ctx.issues_in(min(start, quote_span[0]), max(end, quote_span[1]))
    return d
