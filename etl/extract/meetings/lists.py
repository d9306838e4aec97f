"""Dated lists of earlier meetings, as releases append them under a heading:

    [Reference] Recent Japan-China Summit Telephone Talks
     September 28, 2007 Prime Minister Yasuo Fukuda - Premier Wen Jiabao
     June 13, 2010 Prime Minister Naoto Kan - Premier Wen Jiabao

Each line that opens with a full date and names two or more people (and no verb) is one held
meeting of those people on that date, in the heading's mode; a background meeting, never the
article's main one. The heading itself reports no meeting. When the heading joins countries
("Japan-China"), a listed person whose post has no country holds it for the country in the
same position.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from etl.extract.context import ArticleContext
from etl.extract.meetings.draft import MeetingDraft
from etl.extract.meetings.formats import format_sides
from etl.extract.meetings.triggers import mode_of
from etl.extract.mentions import add_gazetteer_actor
from etl.model import RoleFact
from etl.model import Span as TextSpan

_FINITE = ("VBD", "VBZ", "VBP", "MD")
_GAP = 2  # lines allowed between a heading and its first item (a note such as "(All titles ...)")


def _verbless(sent: Span) -> bool:
    return not any(t.tag_ in _FINITE for t in sent)


def _item(sent: Span, ctx: ArticleContext) -> tuple[str, list[str]] | None:
    """(date, people) of a list line: a full date first, then two people or more, no verb."""
    text = sent.text
    lead = len(text) - len(text.lstrip())
    dates = ctx.dates_in(sent.start_char, sent.end_char)
    if not dates or dates[0].start != sent.start_char + lead or dates[0].kind != "explicit" or not dates[0].value or len(dates[0].value) != 10:
        return None
    if not _verbless(sent):
        return None
    people = list(dict.fromkeys(m.key for m in ctx.index.mentions_in(sent.start, sent.end) if m.kind == "Person"))
    return (dates[0].value, people) if len(people) >= 2 else None


def list_meetings(ctx: ArticleContext, triggers_of: dict[int, list[Token]]) -> tuple[list[MeetingDraft], set[int]]:
    """The meetings of dated lists, and the sentence starts of their headings (which report
    none). ``triggers_of`` gives each sentence's meeting words by its start."""
    drafts: list[MeetingDraft] = []
    headings: set[int] = set()
    sents = ctx.sentences()
    for k, sent in enumerate(sents):
        triggers = triggers_of[sent.start]
        if not triggers or not _verbless(sent) or len(sent) > 20:
            continue
        items = []
        for nxt in sents[k + 1:]:
            item = _item(nxt, ctx)
            if item is None:
                if items or len([s for s in sents[k + 1:] if s.start < nxt.start]) >= _GAP:
                    break
                continue
            items.append((nxt, item))
        if not items:
            continue
        headings.add(sent.start)
        mode = mode_of(list(sent), ctx)
        sides = next((s for s in (format_sides(t, ctx) for t in triggers) if s), [])
        for line, (date, people) in items:
            _place_people(people, sides, line, ctx)
            evidence = TextSpan(line.start_char, line.start_char + len(line.text.rstrip()), line.text.rstrip())
            drafts.append(MeetingDraft(people, mode, "held", date, None, evidence, line, [], primary=False, word=triggers[0].lemma_.lower()))
    return drafts, headings


def _place_people(people: list[str], sides: list[str], line: Span, ctx: ArticleContext) -> None:
    """"Japan-China ... Prime Minister Fukuda - Premier Wen": the people in the order of the sides."""
    if len(people) != len(sides):
        return
    index = ctx.index
    for person, side in zip(people, sides):
        actor = index.actors[person]
        if actor.roles and all(r.of is None for r in actor.roles) and index.actors[side].kind == "Country":
            add_gazetteer_actor(index, ctx.gazetteer, side, "Country")
            actor.roles = [RoleFact(r.title, side, r.evidence) for r in actor.roles]
            actor.country = actor.country or side
