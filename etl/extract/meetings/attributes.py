"""A meeting's date and place, read from the clause of its trigger, and whether it is an
earlier meeting mentioned in passing."""

from __future__ import annotations

from spacy.tokens import Span, Token

from etl.extract.context import ArticleContext
from etl.extract.meetings.participants import clause_of
from etl.model import Place

_PAST_MARKERS = {"last", "previous", "previously", "since", "ago", "prior", "followed"}


def clause_chars(trigger: Token) -> set[int]:
    """Character offsets where the trigger's clause has tokens, without the other clauses
    coordinated with it ("discussed the planned summit, and agreed that they will meet in
    Beijing next year"), plus a few tokens after the trigger's phrase."""
    head = clause_of(trigger)
    tokens = {t.i for t in head.subtree}
    for c in head.children:
        if c.pos_ in ("VERB", "AUX") and c.dep_ in ("conj", "ccomp", "advcl", "parataxis") and trigger not in c.subtree:
            tokens -= {t.i for t in c.subtree}
    for t in head.subtree:
        # clauses hanging off a noun ("the State Department, where the two discussed Gaza")
        if t.dep_ in ("relcl", "acl") and t.pos_ in ("VERB", "AUX") and trigger not in t.subtree:
            tokens -= {u.i for u in t.subtree}
    doc = trigger.doc
    tokens |= set(range(trigger.right_edge.i, min(trigger.right_edge.i + 7, trigger.sent.end)))
    return {doc[i].idx for i in tokens}


def date_of(sent: Span, trigger: Token, ctx: ArticleContext, future: bool, previous: str | None) -> str | None:
    """The date nearest the trigger in its sentence; "later in the day" is the day of the
    meeting reported just before."""
    starts = clause_chars(trigger)
    mentions = [m for m in ctx.dates_in(sent.start_char, sent.end_char, future) if (m.value is not None or "day" in m.text) and m.start in starts]
    if not mentions:
        return None
    best = min(mentions, key=lambda m: abs(m.start - trigger.idx))
    if best.text.endswith(("in the day", "same day")):
        return previous
    return best.value


def place_of(sent: Span, trigger: Token, ctx: ArticleContext) -> Place | None:
    """The place after "in"/"at" that the meeting's clause names ("in Tokyo", "in Rio de
    Janeiro"); a city is preferred to a building."""
    best: tuple[int, Place] | None = None
    allowed = {trigger.i, *(a.i for a in trigger.ancestors)}
    for ent in sent.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        prep = sent.doc[ent.start - 1] if ent.start > 0 else None
        if prep is not None and prep.lower_ == "the" and ent.start > 1:
            prep = sent.doc[ent.start - 2]
        if prep is None or prep.lower_ not in ("in", "at"):
            continue
        if ctx.in_quote(ent.start_char):
            continue
        if ent.start_char not in clause_chars(trigger):
            continue
        if prep.lower_ == "at" and ent.label_ == "GPE" and ctx.index.mention_at(ent.start) is not None:
            continue
        near = _reaches(prep, allowed) or trigger.left_edge.i <= prep.i <= trigger.right_edge.i
        if not near and not ctx.in_caption(sent.start_char):
            continue
        distance = abs(ent.start - trigger.i) + (5 if ent.label_ == "FAC" else 0)
        place = ctx.place_for(ent)
        if place is not None and (best is None or distance < best[0]):
            best = (distance, place)
    if best is None:
        clause = clause_of(trigger)
        if clause.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            # "made a stop in Seoul to speak with officials": the purpose clause's host clause
            return place_of(sent, clause.head, ctx)
    return best[1] if best else None


def _reaches(tok: Token, allowed: set[int]) -> bool:
    t = tok
    for _ in range(4):
        if t.head.i in allowed:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def past_marked(trigger: Token) -> bool:
    """Mentioned in passing as an earlier meeting: "last held talks", "since X hosted a
    summit", "followed a call between ..."."""
    words = {t.lower_ for t in trigger.subtree}
    heads = [trigger, trigger.head] if trigger.dep_ in ("dobj", "pobj", "conj", "xcomp") else [trigger]
    for head in heads:
        words.add(head.lower_)
        words.update(c.lower_ for c in head.children if c.dep_ in ("advmod", "npadvmod", "mark", "amod"))
    return bool(words & _PAST_MARKERS)


def older_than_anchor(date: str | None, ctx: ArticleContext) -> bool:
    if date is None or ctx.anchor is None:
        return False
    anchor = ctx.anchor.isoformat()
    return date[:7] < anchor[:7] and not anchor.startswith(date)
