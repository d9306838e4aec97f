"""Statements: who said which words. ``find_statements(ctx) -> list[StatementDraft]``.

- ``direct``: quoted words and their speakers (attribution in the sentence, before or after
  it, continued quotes; a headline's quoted words that a body statement says; names and terms
  in quotation marks are not statements);
- ``transcripts``: speaker-labelled turns and the paragraph after "X said:" (direct, no marks);
- ``indirect``: a named actor, a verb of saying and the reported words;
- ``speakers``: who a verb of saying or a subject phrase stands for.

The verbs are data: etl/data/speech_verbs.txt, reporting_verbs.txt, position_verbs.txt.
"""

from __future__ import annotations

from etl.extract.context import ArticleContext
from etl.extract.statements.direct import find_direct, headline_echoes
from etl.extract.statements.draft import StatementDraft
from etl.extract.statements.indirect import find_indirect
from etl.extract.statements.transcripts import find_turns

__all__ = ["StatementDraft", "find_statements"]


def find_statements(ctx: ArticleContext) -> list[StatementDraft]:
    """Direct statements (quoted, then transcript turns), then indirect ones; words inside a
    direct statement's quote are not a statement of their own."""
    turns = find_turns(ctx)
    direct = [d for d in find_direct(ctx) if not _within(d, turns)]
    quoted = turns + direct
    indirect = [d for d in find_indirect(ctx) if not _within(d, turns) and not _duplicates(d, quoted) and not _carries(d, direct)]
    quoted += headline_echoes(ctx, quoted + indirect)
    return sorted(quoted, key=lambda d: d.quote_start) + indirect


def _carries(d: StatementDraft, direct: list[StatementDraft]) -> bool:
    """An indirect statement whose clause already carries a direct quote of the same speaker
    ("X reiterated his congratulations to Y, wishing him “success ...”"): only the direct quote
    is recorded (CONVENTIONS 5.2)."""
    return any(q.speaker == d.speaker and q.quote_start in d.carried for q in direct)


def _within(d: StatementDraft, spans: list[StatementDraft]) -> bool:
    return any(s.quote_start <= d.evidence.start and d.evidence.end <= s.quote_end for s in spans)


def _duplicates(d: StatementDraft, quoted: list[StatementDraft]) -> bool:
    """An indirect statement whose words are a direct statement's ("He said: ..." read both ways)."""
    return any(q.quote_start <= d.quote_start < q.quote_end for q in quoted)
