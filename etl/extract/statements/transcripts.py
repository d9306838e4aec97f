"""Direct statements without quotation marks: the turns of a speaker-labelled transcript
("PRIME MINISTER ANTHONY ALBANESE: Well, thank you ...", "Secretary Blinken: ..."), one per
paragraph of the turn, and the paragraph after "X said:"; with no labels, the paragraphs of a
speech that the headline gives as one person's ("Foreign Minister X's opening remarks at ...").

A label is a paragraph's opening words before a colon: capitals ("FOREIGN MINISTER KIM:",
"REBECCA THORNTON, MINISTER FOR FOREIGN AFFAIRS:"), or capitalised words. It must name a
person (etl/extract/statements/labels.py); other labels ("QUESTION:", "JOURNALIST:", "Note:")
and a journalist's "Q ..." end the turn before them and give no statement.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from etl.extract.context import ArticleContext
from etl.extract.quotes import OPENING_MARKS
from etl.extract.statements.draft import StatementDraft, clean_quote, draft, sentence_of
from etl.extract.statements.labels import person_named_by
from etl.extract.statements.speakers import speaker_of_verb, subjects
from etl.read import headline_span

_PARAGRAPH = re.compile(r"[^\n]+")
_LABEL = re.compile(r"(?P<label>[A-Z][\w.'\u2019-]*(?:,?[ \t]+[\w.'\u2019-]+){0,11}?)[ \t]*:(?:[ \t]+(?=\S)|[ \t]*$)", re.MULTILINE)
_QUESTION = re.compile(r"Q[.:]?[ \t]+[A-Z]")
_OPENING = OPENING_MARKS
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
        if _QUESTION.match(ctx.text, lead, end):
            speaker = None  # "Q Mr. President, will you ...": a journalist's turn
            continue
        if label is not None and _is_credit(label.group("label")):
            speaker = None  # "Source : X News", "Note of the Press Service:": no one's turn, and the turn before ends
            continue
        if label is not None and _is_label(label.group("label")):
            speaker = person_named_by(ctx, label.start("label"), label.end("label"))
            if speaker is not None and label.end() < end:
                out.append(_turn(ctx, speaker, (label.start(), ctx.text.index(":", label.end("label")) + 1), label.end(), end))
            continue
        if speaker is not None and _prose(ctx.text[start:end]) and not ctx.text[lead:end].startswith(_OPENING):
            out.append(_turn(ctx, speaker, None, lead, end))
            continue
        speaker = None
        post = _embedded_post(ctx, start, end)
        if post is not None:
            out.append(post)
            continue
        introduced = _introduced_paragraph(paragraphs, n, ctx)
        if introduced is not None:
            out.append(introduced)
    return out or _headlined_remarks(ctx, paragraphs)


_REMARK_NOUNS = {"remark", "speech", "address", "statement", "toast"}
_FIRST_PERSON = {"i", "we", "my", "our", "us", "me"}


def _headlined_remarks(ctx: ArticleContext, paragraphs: list[tuple[int, int]]) -> list[StatementDraft]:
    """A transcript with no speaker labels under a headline that gives one person's remarks
    ("Foreign Minister X's opening remarks during talks with Y", "Remarks by X at ..."): each
    paragraph of prose is that person's words, as a government site prints a speech. Only
    when the body is the speech: no quotation marks, no labels, the person never named in it
    (a story about the remarks names its speaker) and the body speaks in the first person."""
    head = ctx.headline()
    if head is None:
        return []
    speaker = _remarks_speaker(ctx, head)
    if speaker is None:
        return []
    body = [(s, e) for s, e in paragraphs if s >= head[1] and not ctx.in_caption(s)]
    if not body or any(q.start >= head[1] for q in ctx.quotes):
        return []
    if any(m.key == speaker and m.span.start_char >= head[1] for m in ctx.index.mentions):
        return []
    tokens = [t for t in ctx.doc if t.idx >= head[1]]
    if not any(t.lower_ in _FIRST_PERSON and t.pos_ == "PRON" for t in tokens):
        return []
    out = []
    for start, end in body:
        lead = start + len(ctx.text[start:end]) - len(ctx.text[start:end].lstrip())
        if _LABEL.match(ctx.text, lead, end) or _QUESTION.match(ctx.text, lead, end):
            return []
        text = ctx.text[lead:end].rstrip()
        span = ctx.doc.char_span(lead, lead + len(text), alignment_mode="expand")
        if not _prose(text) or text[-1:] not in ".!?" or span is None or not any(t.pos_ in ("VERB", "AUX") for t in span):
            continue  # a vocative ("Mr Minister,"), a dateline, a place and date
        out.append(_turn(ctx, speaker, None, lead, end))
    return out


def _remarks_speaker(ctx: ArticleContext, head: tuple[int, int]) -> str | None:
    """The one person whose remarks a headline gives: the possessor of a remarks noun ("X's
    opening remarks") or the person after "by" ("Remarks by X")."""
    span = ctx.doc.char_span(head[0], head[1], alignment_mode="expand")
    if span is None:
        return None
    for tok in span:
        if tok.lemma_.lower() not in _REMARK_NOUNS or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        owners = [c for c in tok.children if c.dep_ == "poss"]
        owners += [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "by" for o in p.children if o.dep_ == "pobj"]
        for owner in owners:
            people = {m.key for m in ctx.index.mentions_in(owner.left_edge.i, owner.right_edge.i + 1) if m.kind == "Person"}
            if len(people) == 1:
                return people.pop()
    return None


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


# the last word of an outlet's or a source's name: a credit line ("The Iran Project : ...",
# "Source : Mehr News", "Xinhua News Agency: ..."), not a speaker's turn
_OUTLET_WORDS = {"project", "news", "agency", "times", "post", "herald", "tribune", "journal", "daily", "radio", "tv",
                 "television", "press", "network", "service", "gazette", "online", "media", "source", "sources", "wire"}


def _is_credit(label: str) -> bool:
    words = label.replace(",", " ").split()
    return bool(words) and words[-1].lower() in _OUTLET_WORDS and (label.upper() == label or words[0][:1].isupper())


def _is_label(label: str) -> bool:
    words = label.replace(",", " ").split()
    if not words or any(ch.isdigit() for ch in label) or words[-1].lower() in _OUTLET_WORDS:
        return False
    if label.upper() == label:
        return True
    # "President of Russia Vladimir Putin", "Minister for Foreign Affairs Jane Doe": capitalised
    # words, the small words of a post's name between them
    return words[0][:1].isupper() and words[-1][:1].isupper() and all(w[:1].isupper() or w in _LABEL_SMALL_WORDS for w in words)


_LABEL_SMALL_WORDS = {"of", "for", "the", "and", "de", "da", "van", "von", "der", "bin", "al"}


def _prose(text: str) -> bool:
    return len(text.split()) >= _MIN_WORDS


# An embedded social-media post: its text, then "— Name (@handle) Month D, YYYY".
_POST_CREDIT = re.compile(r"[ \t]*[\u2014\u2013]+[ \t]*(?P<name>[^\s()@\u2014\u2013][^()@\n\u2014\u2013]{1,60}?)[ \t]*\(@\w{1,30}\)[ \t]*(?:[A-Z][a-z]+\.? \d{1,2}, \d{4})?[ \t]*$")


def _embedded_post(ctx: ArticleContext, start: int, end: int) -> StatementDraft | None:
    """A post quoted as it was embedded ("Delighted to speak with ... — Jane Doe (@janedoe)
    January 27, 2031"): the named account holder's direct words, without quotation marks."""
    m = _POST_CREDIT.search(ctx.text, start, end)
    if m is None:
        return None
    body_end = m.start()
    text = ctx.text[start:body_end]
    if not _prose(text) or ctx.text[start:end].lstrip().startswith(_OPENING):
        return None
    speaker = person_named_by(ctx, m.start("name"), m.end("name"))
    if speaker is None:
        return None
    s = start + len(text) - len(text.lstrip())
    e = start + len(text.rstrip())
    return draft(ctx, speaker, clean_quote(ctx.text[s:e]), "direct", (m.start(), m.end()), (s, e))


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
