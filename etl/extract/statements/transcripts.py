"""Direct statements without quotation marks: the turns of a speaker-labelled transcript
("PRIME MINISTER ANTHONY ALBANESE: Well, thank you ...", "Secretary Blinken: ..."), one per
paragraph of the turn, and the paragraph after "X said:".

A label is a paragraph's opening words before a colon: capitals ("FOREIGN MINISTER KIM:"), or
capitalised words that name a person of the article. It must name a person (by name, or by a
title only one person of the article holds); other labels ("QUESTION:", "JOURNALIST:",
"Note:") end the turn before them and give no statement.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from etl.extract.context import ArticleContext
from etl.extract.mentions import name_tokens
from etl.extract.statements.draft import StatementDraft, clean_quote, draft, sentence_of
from etl.extract.statements.speakers import speaker_of_verb, subjects
from etl.read import headline_span

_PARAGRAPH = re.compile(r"[^\n]+")
_LABEL = re.compile(r"(?P<label>[A-Z][\w.'\u2019-]*(?:[ \t]+[\w.'\u2019-]+){0,7}?)[ \t]*:(?:[ \t]+(?=\S)|[ \t]*$)", re.MULTILINE)
_OPENING = ('"', "\u201c")
_MIN_WORDS = 4


def find_turns(ctx: ArticleContext) -> list[StatementDraft]:
    """Statements of transcript turns and of paragraphs introduced by "X said:"."""
    out: list[StatementDraft] = []
    head = headline_span(ctx.text)
    paragraphs = [(p.start(), p.end()) for p in _PARAGRAPH.finditer(ctx.text[: ctx.body_end]) if p.group().strip()]
    speaker: str | None = None
    for n, (start, end) in enumerate(paragraphs):
        if (head and start < head[1]) or ctx.in_caption(start):
            speaker = None
            continue
        lead = start + len(ctx.text[start:end]) - len(ctx.text[start:end].lstrip())
        label = _LABEL.match(ctx.text, lead, end)
        if label is not None and _is_label(label.group("label")):
            speaker = _label_speaker(label.start("label"), label.end("label"), ctx)
            if speaker is not None and label.end() < end:
                out.append(_turn(ctx, speaker, (label.start(), ctx.text.index(":", label.end("label")) + 1), label.end(), end))
            continue
        if speaker is not None and _prose(ctx.text[start:end]) and not ctx.text[lead:end].startswith(_OPENING):
            out.append(_turn(ctx, speaker, None, lead, end))
            continue
        speaker = None
        introduced = _introduced_paragraph(paragraphs, n, ctx)
        if introduced is not None:
            out.append(introduced)
    return out


def _turn(ctx: ArticleContext, speaker: str, label: tuple[int, int] | None, start: int, end: int) -> StatementDraft:
    text = ctx.text[start:end]
    s = start + len(text) - len(text.lstrip())
    e = start + len(text.rstrip())
    if label is None:
        first = sentence_of(ctx, s)
        evidence = (s, min(e, first.end_char if first is not None else e))
    else:
        evidence = label
    return draft(ctx, speaker, clean_quote(ctx.text[s:e]), "direct", evidence, (s, e))


def _is_label(label: str) -> bool:
    words = label.split()
    if not words or any(ch.isdigit() for ch in label):
        return False
    return label.upper() == label or all(w[:1].isupper() for w in words)


def _prose(text: str) -> bool:
    return len(text.split()) >= _MIN_WORDS


def _label_speaker(start: int, end: int, ctx: ArticleContext) -> str | None:
    """The person a label names: a person mention in it, a person of the article whose name
    (or surname) it spells, or the one holder of a title it consists of."""
    index = ctx.index
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    people = [m.key for m in index.mentions_in(span.start, span.end) if m.kind == "Person"]
    if people:
        return people[0]
    words = set(name_tokens(ctx.text[start:end]))
    persons = [a for a in index.actors.values() if a.kind == "Person"]
    full = [a.key for a in persons if set(name_tokens(a.name)) <= words]
    if len(set(full)) == 1:
        return full[0]
    surname = [a.key for a in persons if name_tokens(a.name) and name_tokens(a.name)[-1] in words]
    if len(set(surname)) == 1:
        return surname[0]
    phrase = " ".join(ctx.text[start:end].lower().split()).removeprefix("the ")
    holders = {t.person for t in index.titles if t.person and t.title.lower() == phrase}
    return holders.pop() if len(holders) == 1 else None


def _introduced_paragraph(paragraphs: list[tuple[int, int]], n: int, ctx: ArticleContext) -> StatementDraft | None:
    """The paragraph after one that ends "X said:" (no quotation marks of its own): X's words."""
    if n == 0:
        return None
    p_start, p_end = paragraphs[n - 1]
    start, end = paragraphs[n]
    before = ctx.text[p_start:p_end].rstrip()
    body = ctx.text[start:end].strip()
    if not before.endswith(":") or body.startswith(_OPENING) or not _prose(body):
        return None
    sent = sentence_of(ctx, p_start + len(before) - 1)
    if sent is None:
        return None
    for verb in reversed([t for t in sent if _introducing(t, ctx)]):
        speaker = speaker_of_verb(verb, ctx)
        if speaker is not None:
            s = start + len(ctx.text[start:end]) - len(ctx.text[start:end].lstrip())
            return draft(ctx, speaker, clean_quote(body), "direct", (sent.start_char, sent.end_char), (s, s + len(body)))
    return None


def _introducing(tok: Token, ctx: ArticleContext) -> bool:
    """A verb of saying that introduces what follows: not a release's own attribution line
    ("As stated by Spokesperson X:", "The following is attributable to X:")."""
    if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in ctx.vocab.speech_verbs or ctx.in_quote(tok.idx):
        return False
    if any(c.dep_ in ("agent", "mark") for c in tok.children) and not subjects(tok):
        return False
    return True
