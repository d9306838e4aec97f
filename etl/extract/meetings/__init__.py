"""Meetings: talks, calls, summits and visits, with participants, mode, status, date, place.

``find_meetings(ctx) -> list[MeetingDraft]``: one draft per meeting expression (a trigger
word with its arguments), then :func:`merge_meetings` makes one meeting of drafts with the
same participants, mode and date (e.g. a photo caption and the body reporting the same talks).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from etl.extract.context import ArticleContext
from etl.extract.meetings.attributes import date_of, older_than_anchor, past_marked, place_of
from etl.extract.meetings.draft import MeetingDraft
from etl.extract.meetings.participants import objects_of, own_participants, sentence_participants, with_objects, without_redundant_countries
from etl.extract.meetings.passes import again, anaphoric, date_from_lead, place_of_the_visit, same_day_phrase, subject_is_they, topics_from_context
from etl.extract.meetings.triggers import is_trigger, mode_of, status_of
from etl.model import Span as TextSpan

__all__ = ["MeetingDraft", "find_meetings", "is_trigger"]

_SEPARATE = {"separate", "separately"}


def find_meetings(ctx: ArticleContext) -> list[MeetingDraft]:
    """Every meeting expression of the article body (captions included)."""
    drafts: list[MeetingDraft] = []
    for sent in ctx.sentences():
        triggers = [t for t in sent if is_trigger(t, ctx)]
        sentence_used = False
        in_sentence: list[MeetingDraft] = []
        for trig in triggers:
            status = status_of(trig, ctx)
            if status is None:
                continue
            dated = next((d for d in reversed(drafts) if d.date), None)
            date = date_of(sent, trig, ctx, future=status == "planned", previous=dated.date if dated else None)
            holders = not older_than_anchor(date, ctx)
            parts = [p for p in own_participants(trig, ctx.index, holders) if p in ctx.index.actors]
            if not parts and drafts and subject_is_they(trig):
                parts = list(drafts[-1].participants)
            needed = 1 if status == "planned" and trig.lemma_.lower() != "visit" else 2
            if len(parts) < needed and not sentence_used:
                sentence_used = True
                others = {p for t in triggers if t.i != trig.i for p in objects_of(t, ctx.index, holders)}
                extra = [p for p in sentence_participants(sent, ctx.index, ctx, holders) if p not in others]
                parts = list(dict.fromkeys(parts + extra))
            if len(parts) < needed and anaphoric(trig):
                earlier = next((d for d in reversed(drafts) if d.primary and d.status == status), None)
                if earlier is not None:
                    in_sentence.append(again(earlier, sent, ctx))
                    continue
            parts = without_redundant_countries(parts, ctx.index)
            if len(parts) < needed or any(set(parts) == set(d.participants) and d.date in (None, date) for d in in_sentence):
                continue
            new = _drafts(trig, sent, parts, status, date, ctx, len(triggers) > 1)
            if dated is not None and date is not None and date == dated.date and same_day_phrase(sent):
                for d in new:
                    d.place = d.place or dated.place
            in_sentence.extend(new)
        drafts.extend(in_sentence)
    date_from_lead(drafts, ctx)
    topics_from_context(drafts, ctx)
    place_of_the_visit(drafts)
    return drafts


def _drafts(trig: Token, sent: Span, parts: list[str], status: str, date: str | None, ctx: ArticleContext, several: bool) -> list[MeetingDraft]:
    mode = mode_of(list(trig.subtree) + [trig.head] if several else list(sent), ctx)
    if trig.lemma_.lower() == "call" and any(c.lower_ == "courtesy" for c in trig.children):
        mode = "in-person"
    place = place_of(sent, trig, ctx)
    evidence = TextSpan(sent.start_char, sent.end_char, sent.text)
    topics = ctx.issues_in(sent.start_char, sent.end_char)
    primary = status == "held" and not past_marked(trig) and not older_than_anchor(date, ctx)
    separate = any(t.lower_ in _SEPARATE for t in sent) and len(parts) >= 3
    partners = with_objects(trig, ctx.index) if separate else []
    hosts = [p for p in parts if p not in partners]
    if separate and partners and hosts:
        return [MeetingDraft([*hosts, other], mode, status, date, place, evidence, sent, list(topics), primary) for other in partners]
    return [MeetingDraft(parts, mode, status, date, place, evidence, sent, list(topics), primary)]
