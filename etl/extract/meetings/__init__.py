"""Meetings: talks, calls, summits and visits, with participants, mode, status, date, place.

``find_meetings(ctx) -> list[MeetingDraft]``: one draft per meeting expression (a trigger
word with its arguments), then :func:`merge_meetings` makes one meeting of drafts with the
same participants, mode and date (e.g. a photo caption and the body reporting the same talks).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from etl.extract.context import ArticleContext
from etl.extract.meetings.attributes import date_of, just_ago, older_than_anchor, past_marked, place_of, says_same_day
from etl.extract.meetings.draft import MeetingDraft
from etl.extract.mentions import organization_from_entity
from etl.extract.meetings.lists import list_meetings
from etl.extract.meetings.formats import format_kinds, format_participants, format_sides
from etl.extract.meetings.participants import compatriot, represented, as_countries, clause_of, listed_counterparts, names_unknown_people, objects_of, own_participants, subject_of, sentence_participants, unnamed_sides, with_objects, without_redundant_countries, listed_people, unnamed_holders
from etl.extract.meetings.passes import date_from_dateline, date_from_quoted_day, date_from_lead, date_from_wire_lead, lead_sentence, place_from_header, place_from_quoted_readout, place_from_wire_dateline, principal, subject_is_they, told_in_next_sentence, topics_from_context
from etl.extract.meetings.visits import Visit, destination, first_to_visit_since, first_visit_since, host_posts, is_visit, place_by_trip_elsewhere, place_meetings, place_within_stay, tour, travels, visit_only, visited_countries, visitors
from etl.extract.meetings.same_event import again, anaphoric, dates_agree, group_reference, link_headline, refers_back, same_event_by_sides, settle
from etl.extract.meetings.triggers import agentless_passive, is_trigger, joint_talk, mode_of, status_of
from etl.extract.references import coordinated, countries_of, group_members, refers_to, role_phrase
from etl.model import Place
from etl.model import Span as TextSpan

__all__ = ["MeetingDraft", "find_meetings", "is_trigger"]

_SEPARATE = {"separate", "separately"}
_TOGETHER = {"together", "jointly", "joint", "trilateral", "trilaterally", "quadrilateral", "multilateral", "collectively"}
_BILATERAL = {"bilateral", "one-on-one", "bilaterally"}


def find_meetings(ctx: ArticleContext) -> list[MeetingDraft]:
    """Every meeting expression of the article body (captions included)."""
    drafts: list[MeetingDraft] = []
    visits: list[Visit] = []
    forums: dict[str, int] = {}  # the words of the forum meetings named as a setting ("the G20 summit"), where last
    triggers_of = {sent.start: [t for t in sent if is_trigger(t, ctx)] for sent in ctx.sentences()}
    listed, headings = list_meetings(ctx, triggers_of)
    offered: tuple[int, list[str]] | None = None  # the sentence and people of the last meeting only offered ("X was invited to meet Y")
    for sent in ctx.sentences():
        if sent.start in headings:
            continue
        in_headline = ctx.in_headline(sent.start_char)
        visits += travels(sent, ctx)
        triggers = triggers_of[sent.start]
        sentence_used = False
        in_sentence: list[MeetingDraft] = []
        for trig in triggers:
            status = status_of(trig, ctx)
            if status is None and not in_headline and _invited(trig):
                people = [p for p in own_participants(trig, ctx.index, True) if p in ctx.index.actors]
                offered = (sent.end, people) if len(set(people)) >= 2 else offered
            if status is None or first_visit_since(trig):
                continue
            dated = next((d for d in reversed(drafts) if d.date), None)
            date = date_of(sent, trig, ctx, future=status == "planned", previous=dated.date if dated else None)
            if date is None and status == "held":
                date = _at_the_time(sent, ctx) or _happening_now(trig, ctx) or _day_of_the_trip(trig, sent, visits)
            if status == "held" and _after_anchor(date, ctx):
                date = None  # a meeting held is not dated after the story ("by Monday, when the leaders meet")
            if date is None and in_headline:
                date = _headline_date(ctx)
            holders = not older_than_anchor(date, ctx)
            visit = _visit(trig, sent, status, date, ctx, visits) if is_visit(trig) else None
            parts = [p for p in own_participants(trig, ctx.index, holders) if p in ctx.index.actors]
            parts = list(dict.fromkeys(_speaker_meeting(trig, ctx) + _joined_in(trig, ctx) + _principal_discussed(trig, parts, ctx)
                                       + _principal_met(trig, parts, ctx) + parts))
            parts = list(dict.fromkeys(unnamed_sides(trig, ctx) + _home_government(trig, ctx) + parts + _bodies_met(trig, ctx)))
            parts = list(dict.fromkeys(_programme_owner(trig, parts, ctx) + parts))
            listed_places = _listed_places(trig, ctx) if status == "held" and (date is None or len(date) < 10) else []
            if listed_places and len(parts) < 2 and any(c.dep_ == "nsubj" and c.lower_ in ("we", "they") for c in trig.children):
                before = _reported_before(drafts, status)
                parts = list(before.participants) if before is not None else parts  # "we": the people of the meeting reported
            if listed_places and len(parts) >= 2:
                # "We met in San Diego, Belfast, Hiroshima": one earlier meeting in each place
                evidence = TextSpan(sent.start_char, sent.end_char, sent.text)
                mode = mode_of(list(trig.subtree), ctx, trig, True)
                in_sentence.extend(MeetingDraft(list(parts), mode, status, date, place, evidence, sent, [], primary=False, word=_LISTED)
                                   for place in listed_places)
                continue
            sides = format_sides(trig, ctx) or _next_of_format(drafts, trig)
            if not sides and (_forum_meeting(trig, ctx) or _gathering_of_many(trig)):
                forums[trig.lemma_.lower()] = trig.i
                continue  # "the Pacific Islands Forum Foreign Ministers' Meeting", "the G20 summit": a setting
            last = max((d.sentence.start for d in drafts + in_sentence), default=-1)
            if (not sides and forums.get(trig.lemma_.lower(), -1) > last and anaphoric(trig) and not parts
                    and not any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among") for c in trig.children)):
                continue  # "X is being accompanied to the meeting by A, B and C": the forum's meeting just named
            if sides:
                parts = _format_named(parts, sides, trig, sent, ctx, holders, planned=status == "planned")
            if not parts and drafts and subject_is_they(trig):
                # "they": the people of the meeting reported last
                last = next((d.root() for d in reversed(drafts) if any(ctx.index.actors[p].kind == "Person" for p in d.participants)), drafts[-1])
                parts = list(last.participants)
            # a headline names one side and leaves the other to the body ("PM call with X")
            needed = 1 if (status == "planned" and trig.lemma_.lower() != "visit") or in_headline else 2
            antecedent = _same_word_before(drafts, in_sentence, trig, status) if anaphoric(trig) else None
            earlier = _reported_before(drafts, status)
            own = bool(parts)
            own_parts = list(parts)
            if not parts and earlier is not None and past_marked(trig, ctx):
                # "the first formal talks since April 2012": the same sides met then
                parts = list(earlier.participants) if holders else as_countries(earlier.participants, ctx.index)
            # (a visit beside another meeting word leaves the sentence's people to that one: "X, who
            # started his visit to A yesterday, held a bilateral meeting with his counterpart Y")
            other_meeting = is_visit(trig) and any(not is_visit(t) and t.i != trig.i and status_of(t, ctx) is not None and not joint_talk(t, ctx) for t in triggers)
            if len(parts) < needed and not sentence_used and not _visit_of_its_own(trig, ctx) and not other_meeting:
                sentence_used = True
                others = {p for t in triggers if t.i != trig.i for p in objects_of(t, ctx.index, holders)}
                extra = [p for p in sentence_participants(sent, ctx.index, ctx, holders) if p not in others and not compatriot(p, parts, ctx.index)]
                if earlier is not None and _circumstance(trig) and not refers_back(extra, earlier, ctx.index):
                    extra = []  # "At the onset of the meeting, X conveyed greetings of A to B": the act's people
                if extra and all(compatriot(p, [q for q in parts + extra if q != p], ctx.index) for p in parts + extra):
                    extra = []  # the sentence's people all hold posts of one country: no counterparts
                parts = list(dict.fromkeys(parts + extra))
            if not parts and earlier is None and not in_headline and status == "held" and offered is not None and _took_place(trig) and _next_sentence(offered[0], sent, ctx):
                # "X was invited to meet Y in Lima. The meeting took place on Monday": the meeting offered, held
                parts = list(offered[1])
            if len(parts) < needed and earlier is None and not in_headline and (_their(trig) or group_reference(trig, ctx.index)):
                # "In their telephone conversation, the two leaders ..." after a lead of what "A and B
                # agreed": the people the story has just named together ("their talks with X": and X)
                pair = _named_together_before(sent, ctx)
                if len(pair) >= 2:
                    parts = pair + [p for p in parts if p not in pair]
            elif len(parts) < needed and parts and earlier is None and not in_headline and anaphoric(trig) and not past_marked(trig, ctx):
                # "The ministers A, B and C found common ground in Paris. A, who hosted the meeting,
                # said ...": a definite meeting no sentence has reported yet is the gathering of the
                # people the story has just named together, when those its own sentence names are of them
                group = _named_together_before(sent, ctx, whole_subject=True)
                if len(group) >= 2 and set(parts) <= set(group):
                    parts = list(group)
            if earlier is not None and parts and not in_headline and not refers_back(parts, earlier, ctx.index):
                # "The two heads of State also held talks ...": of the meetings just reported, the
                # one whose people (or their countries) these are
                earlier = _referred_to(drafts, status, trig, parts, date, ctx) or earlier
            target = None
            joining = _joiners(trig, ctx) if anaphoric(trig) else []
            if joining and (antecedent or earlier) is not None and not in_headline:
                target = antecedent or earlier  # "X joined the call"
            elif antecedent is not None and not own and not in_headline and not past_marked(trig, ctx) and refers_back(_named_in_clause(trig, ctx), antecedent, ctx.index):
                target = antecedent  # "the Summit" with no people of its own: the summit just named
            elif earlier is not None and not in_headline and (len(parts) < needed or _back_reference(trig, parts, date, earlier, ctx)):
                back = anaphoric(trig) or group_reference(trig, ctx.index)  # "the talks", "talks between the two sides"
                named = _named_in_clause(trig, ctx)
                # "In the meeting, ..., A and B also exchanged views": the clause names all the
                # people of the meeting just reported (and maybe one who attended it)
                all_named = back and _definite(trig) and len(set(earlier.participants)) >= 2 and set(earlier.participants) <= set(named)
                if len(parts) < needed and not all_named and not (back and refers_back(parts + named, earlier, ctx.index) and dates_agree(date, earlier.date)):
                    # "President X held separate talks with the leaders of A and B ... X first had a
                    # bilateral meeting with Y at the Hotel" (X unrecognized here): the talks with Y
                    again_of = None if past_marked(trig, ctx) or older_than_anchor(date, ctx) else _bilateral_with(drafts, status, parts, date, ctx)
                    if again_of is None:
                        continue  # (dated apart, "the Warsaw Summit in July" is another meeting than Thursday's)
                    earlier = again_of
                target = earlier
            elif earlier is not None and not in_headline and _retold(trig, parts, date, earlier, drafts, ctx):
                target = earlier  # "X held talks with Y ... X has hosted Y at State House": the one meeting told again
            if target is None and not in_headline and parts and joint_talk(trig, ctx):
                # "The Secretary and the Foreign Minister also discussed ...": people of a meeting
                # already reported, talking together, tell that meeting again
                target = next((d.root() for d in reversed(drafts) if set(parts) <= set(d.root().participants)), None)
            if target is not None and joint_talk(trig, ctx):
                # (their topic's places are no venue: "exchanged views on the situation in Myanmar")
                place, target.place = target.place, ctx  # a stand-in: _fill_in leaves a set place
                _fill_in(target, trig, sent, date, ctx)
                target.place = place
                in_sentence.append(again(target, sent, ctx))
                continue
            if target is not None:
                _fill_in(target, trig, sent, date, ctx)
                target.participants += [p for p in joining if p not in target.participants]
                in_sentence.append(again(target, sent, ctx))
                continue
            if _institutional(trig, ctx) and not any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among") for c in trig.children):
                # "the ministers agreed to hold a high-level economic dialogue": their countries'
                parts = as_countries(parts, ctx.index)
            parts = without_redundant_countries(parts, ctx.index, set(subject_of(trig, ctx.index)))
            if visit is not None and status == "held" and visit_only(own_parts, visit.place, visit.visitors, ctx, trig):
                continue
            if visit is None and is_visit(trig) and status == "held" and _visited_only(parts, trig, ctx):
                continue  # "the diplomat had first visited Kenya": a visit, no talks stated
            if status == "held" and not in_headline and parts and (len(parts) == 1 and needed == 2 and _hosted_meeting(trig) or _with_unnamed_group(trig, ctx)):
                # "X hosted a high-level meeting on Gaza. ... the foreign ministers of A, B and C took
                # part"; "X met virtually with foreign ministers from the CARICOM member states.
                # Foreign ministers from A, B and C participated in the event"
                took = [p for p in _who_took_part(sent, trig, ctx, parts) if p not in parts]
                # (a country whose minister is among the guests is no side of its own; the
                # host's post does not count: it may be misread as a guest country's)
                host = set(subject_of(trig, ctx.index))
                guests = represented([p for p in parts + took if p not in host], ctx.index)
                parts += [p for p in took if p not in guests]
            if len(parts) < needed or any(set(parts) == set(d.participants) and d.date in (None, date) for d in in_sentence):
                continue
            if is_visit(trig) and any(set(parts) <= represented(d.participants, ctx.index) and dates_agree(d.date, date) for d in in_sentence):
                continue  # "X received Y during a previous visit": the visit of those people's countries is that reception
            if not any(ctx.index.actors[p].kind == "Person" for p in parts) and names_unknown_people(trig, ctx):
                continue  # "X spoke with Y" with both names unrecognized: not a meeting of their countries
            if date is None and status == "held":
                date = _date_of_the_group_meeting(trig, parts, drafts)
            new = _drafts(trig, sent, parts, status, date, ctx, len(triggers) > 1, _met_on_a_visit(parts, status, visits, ctx))
            day_of = drafts[-1].root() if date is None and drafts and says_same_day(sent, trig, ctx) else None
            for d in new:
                d.headline, d.word, d.sides, d.day_of = in_headline, trig.lemma_.lower(), sides, day_of
            in_sentence.extend(new)
        if not in_sentence and not in_headline:
            _add_companions(sent, drafts, ctx)
            _this_was(sent, drafts, ctx)
        link_headline(drafts, in_sentence, ctx)
        drafts.extend(in_sentence)
    drafts = settle(drafts, principal(ctx), ctx.index)
    drafts += [d for d in listed if not any(o.sentence.start == d.sentence.start for o in drafts)]
    told_in_next_sentence(drafts, ctx)
    date_from_lead(drafts, ctx)
    date_from_wire_lead(drafts, ctx)
    date_from_dateline(drafts, ctx)
    date_from_quoted_day(drafts, ctx)
    for d in drafts:
        if d.day_of is not None and d.date is None and d.same_as is None:
            d.date = d.day_of.root().date  # "on the same day", once the meeting before has its date
    topics_from_context(drafts, ctx)
    lead = lead_sentence(ctx)
    _series_of_the_lead(drafts, lead, ctx)
    place_meetings(drafts, visits, ctx, lead.start_char if lead is not None else None)
    place_within_stay(drafts, visits, ctx)
    place_from_quoted_readout(drafts, ctx)
    place_from_header(drafts, ctx)
    _place_from_headline_meeting(drafts, ctx)
    _place_of_the_headlines_meetings(drafts, ctx)
    _place_of_the_leads_meetings(drafts, lead)
    place_from_wire_dateline(drafts, ctx)
    place_by_trip_elsewhere(drafts, visits, ctx.index)
    same_event_by_sides(drafts, ctx.index)
    drafts = _told_one_by_one(drafts, ctx)
    drafts = _one_primary(settle(drafts))
    _mode_told_after(drafts, ctx)
    for d in drafts:
        if d.mode != "in-person":
            d.place = None  # a call is held from two places, not at one ("discussed the visit to China over phone")
    host_posts(drafts, visits, ctx)
    return drafts


def _told_one_by_one(drafts: list[MeetingDraft], ctx: ArticleContext) -> list[MeetingDraft]:
    """"He also met the foreign ministers of A and B. ... He then met A's Foreign Minister Y.
    He also met B's Foreign Minister Z": a meeting of one person with several, each of whom
    the story later tells meeting that person alone (in the same status, on no other day), is
    those meetings summed up, not a meeting of its own (unless its sentence says they met
    together: "a trilateral meeting", "jointly")."""
    roots = [d for d in drafts if d.same_as is None]
    dropped: set[int] = set()
    for g in roots:
        people = list(dict.fromkeys(g.participants))
        if g.word != "meet" or len(people) < 3 or any(t.lower_ in _TOGETHER | {"three-way", "summit", "format"} for t in g.sentence):
            continue
        if any(p not in ctx.index.actors or ctx.index.actors[p].kind != "Person" for p in people):
            continue
        later = [b for b in roots if b is not g and b.sentence.start > g.sentence.start and b.status == g.status
                 and len(set(b.participants)) == 2 and set(b.participants) < set(people) and dates_agree(b.date, g.date)]
        for host in people:
            if all(any(set(b.participants) == {host, p} for b in later) for p in people if p != host):
                dropped.add(id(g))
                break
    return [d for d in drafts if id(d.root()) not in dropped]


def _home_government(trig: Token, ctx: ArticleContext) -> list[str]:
    """"the Federal Government and the Republic of Ghana met yesterday", in a paper of Nigeria:
    a national paper's own "the Federal Government", with no country of its own, is its
    country's (a subject of the meeting verb, beside others)."""
    home = ctx.publisher_country
    if home is None or home not in ctx.index.actors or trig.pos_ != "VERB":
        return []
    for subj in (c for c in trig.children if c.dep_ == "nsubj"):
        for t in [subj, *(c for c in subj.children if c.dep_ == "conj")]:
            if (t.lower_ == "government" and t.text[0].isupper() and ctx.index.mention_at(t.i) is None
                    and any(c.dep_ == "compound" and c.lower_ == "federal" for c in t.children)
                    and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
                    and not any(c.dep_ in ("prep", "poss") for c in t.children)):
                return [home]
    return []


def _mode_told_after(drafts: list[MeetingDraft], ctx: ArticleContext) -> None:
    """"X engaged his counterpart Y ... X further said that the issues were discussed over the
    phone": a passive of talking with no one named, whose means is a phone or a video, tells
    how the one main meeting reported before it (unplaced, not yet called a call) was held."""
    cues = ctx.vocab.meeting_triggers
    for sent in ctx.sentences():
        for tok in sent:
            if not (tok.pos_ == "VERB" and tok.lemma_.lower() in cues["with_person_verb"] and agentless_passive(tok)) or ctx.in_quote(tok.idx):
                continue
            if any(t.lower_ == "with" for t in tok.subtree):
                continue
            mode = mode_of(list(tok.subtree), ctx)
            if mode == "in-person":
                continue
            before = [d for d in drafts if d.same_as is None and d.primary and d.status == "held" and d.sentence.start < sent.start]
            people = {frozenset(d.participants) for d in before}
            if len(people) == 1 and all(d.mode == "in-person" and d.place is None for d in before):
                for d in drafts:
                    if d.root() in before or d.same_as is None and frozenset(d.participants) in people and d.status == "held" and d.place is None:
                        d.mode = mode


def _series_of_the_lead(drafts: list[MeetingDraft], lead: Span | None, ctx: ArticleContext) -> None:
    """"X held a series of bilateral meetings ... this Tuesday, in Buenos Aires", then each
    told ("The first bilateral meeting of the day was with Y", "X also met Z"): the principal's
    later main in-person meetings with no date or place of their own have the series' date
    and place."""
    if lead is None:
        return
    who = principal(ctx)
    series = next((t for t in lead if t.tag_ == "NNS" and t.lemma_.lower() in ("meeting", "talk", "talks") and t.head.lower_ == "of"
                   and t.head.head.lemma_.lower() in ctx.vocab.meeting_triggers["generic_quantity"]), None)
    if series is None or who is None or who not in subject_of(series.head.head.head if series.head.head.dep_ in ("dobj", "pobj") else series, ctx.index):
        return
    date = date_of(lead, series, ctx, future=False, previous=None)
    place = place_of(lead, series, ctx)
    if date is not None and (_after_anchor(date, ctx) or older_than_anchor(date, ctx)):
        date = None
    for d in drafts:
        if (d.same_as is None and d.primary and d.status == "held" and d.mode == "in-person" and who in d.participants
                and d.sentence.start > lead.start and (d.date is None or d.date == date)):
            d.date = d.date or date
            d.place = d.place or place

def _place_from_headline_meeting(drafts: list[MeetingDraft], ctx: ArticleContext) -> None:
    """"International ministerial meeting in Oslo on the war in Gaza" over a story whose one main
    meeting, held in person, has no place of its own: a headline meeting word that names no
    one but its place is that meeting's, there."""
    head = ctx.headline()
    if head is None:
        return
    mains = [d for d in drafts if d.same_as is None and d.primary and d.status == "held"]
    if len(mains) != 1 or mains[0].place is not None or mains[0].mode != "in-person" or mains[0].headline:
        return
    for sent in ctx.sentences():
        if not ctx.in_headline(sent.start_char):
            continue
        for trig in (t for t in sent if t.pos_ in ("NOUN", "PROPN") and is_trigger(t, ctx) and status_of(t, ctx) == "held"):
            if own_participants(trig, ctx.index, True) or mode_of(list(trig.subtree), ctx) != "in-person":
                continue
            place = place_of(sent, trig, ctx)
            if place is not None:
                mains[0].place = place
                return


def _place_of_the_headlines_meetings(drafts: list[MeetingDraft], ctx: ArticleContext) -> None:
    """"Marcos' bilateral meetings in Jakarta: flashback": a headline's plural meeting word of
    one person and a place, no one else named, places each main meeting of that person held in
    person and placed nowhere else."""
    head = ctx.headline()
    if head is None:
        return
    for sent in ctx.sentences():
        if not ctx.in_headline(sent.start_char):
            continue
        for trig in (t for t in sent if t.pos_ == "NOUN" and t.tag_ == "NNS" and is_trigger(t, ctx) and status_of(t, ctx) == "held"):
            people = list(dict.fromkeys(own_participants(trig, ctx.index, True)))
            if len(people) != 1 or ctx.index.actors.get(people[0]) is None or ctx.index.actors[people[0]].kind != "Person":
                continue
            if mode_of(list(trig.subtree), ctx) != "in-person":
                continue
            place = place_of(sent, trig, ctx)
            if place is None:
                continue
            for d in drafts:
                if (d.same_as is None and d.primary and d.status == "held" and d.mode == "in-person" and d.place is None
                        and not d.headline and people[0] in d.participants):
                    d.place = place
            return


def _place_of_the_leads_meetings(drafts: list[MeetingDraft], lead: Span | None) -> None:
    """"X held talks with his foreign counterparts ... in New York", split into one meeting per
    counterpart: the story's other main in-person meetings of X that state no place of their
    own are of the same occasion, at that place."""
    if lead is None:
        return
    here = [d for d in drafts if d.same_as is None and d.sentence.start == lead.start and d.primary and d.status == "held" and d.mode == "in-person"]
    places = {d.place.key for d in here if d.place is not None}
    hosts = set.intersection(*(set(d.participants) for d in here)) if len(here) >= 2 else set()
    if len(here) < 2 or len(places) != 1 or any(d.place is None for d in here) or not hosts:
        return
    for d in drafts:
        if (d.same_as is None and d.place is None and d.primary and d.status == "held" and d.mode == "in-person"
                and d.sentence.start > lead.start and hosts & set(d.participants)):
            d.place = here[0].place


def _named_in_clause(trig: Token, ctx: ArticleContext) -> list[str]:
    """The people named in the trigger's clause ("Hayashi told Austin in their meeting"), not
    in a clause of its own inside it ("X's remarks during the talks come as Y criticized ...")."""
    clause = clause_of(trig)
    return [m.key for m in ctx.index.mentions_in(clause.left_edge.i, clause.right_edge.i + 1)
            if m.kind == "Person" and not _nested_clause(m.span.root, clause, trig)]


def _nested_clause(tok: Token, clause: Token, trig: Token) -> bool:
    """``tok`` sits in an adverbial or relative clause under ``clause`` that does not hold ``trig``."""
    inner = clause_of(tok)
    return (inner.i != clause.i and inner.dep_ in ("advcl", "relcl", "ccomp") and clause in inner.ancestors
            and not inner.left_edge.i <= trig.i <= inner.right_edge.i)


def _one_primary(drafts: list[MeetingDraft]) -> list[MeetingDraft]:
    """Reports of one meeting (same people, mode and status, dates that agree) are all primary
    when one is: a caption dated before the anchor does not make the talks background."""
    for d in drafts:
        if d.primary:
            for o in drafts:
                if o.word == _LISTED:
                    continue  # one of several earlier meetings in a list of places
                if not o.primary and o.status == d.status and o.mode == d.mode and set(o.participants) == set(d.participants) and dates_agree(o.date, d.date):
                    o.primary = True
    return drafts


def _visit(trig: Token, sent: Span, status: str, date: str | None, ctx: ArticleContext, visits: list[Visit]) -> Visit | None:
    """The visit a visit word reports (who goes where), recorded; None without a destination."""
    place = destination(trig, ctx)
    who = visitors(trig, ctx) if place is not None else []
    if place is None or not who:
        return None
    current = (not past_marked(trig, ctx) or first_to_visit_since(trig)) and not older_than_anchor(date, ctx)
    visit = Visit(who, place, status, date, sent, current)
    if not tour(trig, ctx):
        visits.append(visit)  # a tour ("visits to A, B, C and D") places no meeting at its first stop
    return visit


_HOSTING_VERBS = {"welcome", "host", "receive"}


def _visit_of_its_own(trig: Token, ctx: ArticleContext) -> bool:
    """"a visit by X to Sofia", "X's visits to neighbouring countries": a visit word that names
    its visitor by a possessor or "by" takes no other people of its sentence (who tells of the
    visit, who else travelled) as hosts, unless the visit is what someone welcomed or hosted
    ("Y welcomed X's visit")."""
    if not is_visit(trig) or trig.pos_ != "NOUN":
        return False
    owners = [c for c in trig.children if c.dep_ == "poss"]
    owners += [o for p in trig.children if p.dep_ == "prep" and p.lower_ == "by" for o in p.children if o.dep_ == "pobj"]
    if not any(k in ctx.index.actors for o in owners for k in refers_to(o, ctx.index)):
        return False
    return not (trig.dep_ == "dobj" and trig.head.lemma_.lower() in _HOSTING_VERBS)


def _visited_only(parts: list[str], trig: Token, ctx: ArticleContext) -> bool:
    """A visit word whose visitor the visit rule could not name ("The US diplomat ... had first
    visited Kenya"), whose people are one or more persons and the places visited only."""
    place = destination(trig, ctx)
    persons = [p for p in parts if ctx.index.actors[p].kind == "Person"]
    if not persons or len(persons) == len(parts):
        return False
    if place is not None:
        return visit_only(parts, place, persons, ctx, trig)
    # "Wang has visited the Solomons, Kiribati, Samoa, and Fiji": a destination list the
    # gazetteer does not open with a place it knows; its countries are the places visited
    visited = visited_countries(trig, ctx)
    return bool(visited) and all(p in persons or p in visited for p in parts)


_ATTEND = {"participate", "attend", "join"}
_BODY_WORDS = {"commission", "committee", "council", "board", "parliament", "congress", "conference"}


def _gathering_of_many(trig: Token) -> bool:
    """"participated in the meeting with the presidents of 9 other countries", "attended the
    summit with leaders of 30 nations": a meeting someone takes part in together with the
    holders of a post in a counted number (three or more) of countries, a multilateral
    gathering, the setting of the story's meetings."""
    if trig.pos_ != "NOUN":
        return False
    head = trig.head.head if trig.dep_ == "pobj" and trig.head.lower_ == "in" else trig.head if trig.dep_ == "dobj" else None
    takes_part = head is not None and (head.lemma_.lower() in _ATTEND or head.lemma_.lower() == "take"
                                       and any(c.dep_ == "dobj" and c.lower_ == "part" for c in head.children))
    if not takes_part:
        return False
    for prep in (c for c in trig.children if c.dep_ == "prep" and c.lower_ == "with"):
        for role in (o for o in prep.children if o.dep_ == "pobj" and o.tag_ in ("NNS", "NNPS") and role_phrase(o) is not None):
            for of in (c for c in role.children if c.dep_ == "prep" and c.lower_ in ("of", "from")):
                for place in (o for o in of.children if o.dep_ == "pobj" and o.lemma_.lower() in ("country", "nation", "state")):
                    counts = [c for c in place.children if c.dep_ == "nummod" and c.like_num]
                    if any(c.text.isdigit() and int(c.text) >= 3 or c.lower_ in ("three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve") for c in counts):
                        return True
    return False


def _forum_meeting(trig: Token, ctx: ArticleContext) -> bool:
    """A meeting noun named by a multilateral body and nothing else ("the G20 Leaders' Summit",
    "the ASEAN Regional Forum meeting"), with no parties of its own: a conference that is only
    the setting, not a meeting (bilateral talks on its sidelines are)."""
    if trig.pos_ not in ("NOUN", "PROPN") or any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among") for c in trig.children):
        return False
    name = range(trig.left_edge.i, trig.i)
    if any(
        m.kind == "Organization" and m.span.start in name and ctx.gazetteer.orgs.get(m.key) is not None and ctx.gazetteer.orgs[m.key].kind == "intergovernmental"
        for m in ctx.index.mentions
    ):
        return True
    # a body the model names as an organization ("the Pacific Islands Forum Foreign Ministers' Meeting")
    forum_words = ctx.vocab.meeting_triggers["forum_word"]
    if any(e.label_ == "ORG" and e.start in name and any(t.lower_ in forum_words for t in e) for e in trig.sent.ents):
        return True
    # the body named after the word ("the 12th Regular Meeting of the Northern Community (NORCOM)
    # Heads of Government", "a meeting of the Arab League"): its session, with no parties of its own
    of = [o for c in trig.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    attended = trig.dep_ == "dobj" and trig.head.lemma_.lower() in _ATTEND
    if attended and any(o.lemma_.lower() in _BODY_WORDS | forum_words for o in of):
        return True  # "had attended a meeting of the Nuclear Weapon-Free Zone commission": the body's session
    return trig.text[:1].isupper() and any(
        e.label_ == "ORG" and any(t.lower_ in forum_words for t in e) and any(e.start <= t.i < e.end for o in of for t in o.subtree)
        for e in trig.sent.ents)


def _next_of_format(drafts: list[MeetingDraft], trig: Token) -> list[str]:
    """"the 10th Strategic Dialogue", "the next 2+2" after a format-named meeting of the same
    word: another meeting of that format, between the same sides."""
    if not any(c.dep_ in ("amod", "nummod") and (c.lower_ in ("next", "following") or c.tag_ in ("JJ", "CD") and c.lower_[:1].isdigit()) for c in trig.children):
        return []
    word = trig.lemma_.lower()
    return next((list(d.sides) for d in reversed(drafts) if d.word == word and d.sides), [])


def _format_named(parts: list[str], sides: list[str], trig: Token, sent: Span, ctx: ArticleContext, holders: bool, planned: bool = False) -> list[str]:
    """The people of a meeting named by its countries ("the Japan-U.S.-ROK Foreign Ministers'
    Meeting"): those its own words name, plus the sides no one of them represents; with none of
    its own, the format's office-holders of each side, unless the sentence names people of
    other sides ("X hosted Y for the annual EU-China summit": the sentence's people). A planned
    one with no one named takes the sides, even when the ministers agreeing to it are named."""
    index = ctx.index
    people = [p for p in parts if index.actors[p].kind == "Person"]
    explicit = any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among") for c in trig.children)
    if planned and not explicit:
        return list(sides)  # a future meeting of the format: who will attend is not said
    if not people:
        here = [p for p in sentence_participants(sent, index, ctx, holders) if index.actors[p].kind == "Person"]
        if any(index.actors[p].country not in sides and not any(r.of in sides for r in index.actors[p].roles) for p in here):
            return parts
        chairs = _chairs(trig, here, ctx)
        if not chairs:
            return format_participants(sides, format_kinds(trig, ctx), index, holders)
        people, parts = chairs, chairs
    represented = {index.actors[p].country for p in people}
    return parts + [s for s in sides if s not in represented and s not in parts]


def _chairs(trig: Token, here: list[str], ctx: ArticleContext) -> list[str]:
    """The people who chaired, held or hosted the format's session the trigger names, as the
    subject of the verb it is the object of ("A and B co-chaired the Ministerial Meeting of the
    Nordland-Southland Joint Commission"): its participants, not the format's office-holders."""
    if trig.dep_ != "dobj" or trig.head.pos_ != "VERB":
        return []
    subject = [p for p in subject_of(trig.head, ctx.index) if p in here]
    return subject if len(subject) >= 2 else []


_OWN_LEVEL = re.compile(r"(?<![\w-])(?<!vice )(?<!deputy )(?:ministerial|ministers|2\s*\+\s*2|two-plus-two|leaders|summit)\b")


def _institutional(trig: Token, ctx: ArticleContext) -> bool:
    """A dialogue between governments ("a high-level economic dialogue", "their vice-ministerial
    defense policy dialogue"), not a meeting of the people agreeing to it; a ministers' own
    ("the next two-plus-two ministerial dialogue") is theirs."""
    if trig.lemma_.lower() not in ctx.vocab.meeting_triggers["institutional"]:
        return False
    name = trig.doc[trig.left_edge.i:trig.i].text.lower()
    return not _OWN_LEVEL.search(name)


_JOINING = {"join", "attend"}


def _joiners(trig: Token, ctx: ArticleContext) -> list[str]:
    """Who joins a meeting already reported: "X joined the call", "invited X to join the talks",
    "X also attended the meeting", "The meeting was attended by A, B and C", "During the
    meeting attended by A and B, ...", "A and B were also present at the meeting"."""
    verb = trig.head
    present = verb.head
    if (trig.dep_ == "pobj" and verb.lower_ in ("in", "at") and present.lower_ == "present"
            and (present.dep_ == "acomp" or present.dep_ == "nsubj" and present.head.lemma_.lower() == "be")):
        # "A and B were also present in the meeting": the people named as the subject (or, put
        # first, "Present at the meeting were A, B and C": after the verb)
        copula = present.head
        who = [c for c in copula.children if c.dep_ == "nsubj" and c.i != present.i]
        if any(w.lower_ == "who" for w in who) and copula.dep_ == "relcl":
            # "The delegation consisted of A; B; and C, who were also present at the meeting": the
            # members listed, when the one the clause hangs from is one of them
            antecedent = copula.head
            group = next((t for t in trig.sent if t.dep_ == "nsubj" and t.pos_ == "NOUN" and antecedent.i > t.i), None)
            members = group_members(group, ctx.index) if group is not None else []
            named = ctx.index.mention_at(antecedent.i)
            if named is not None and named.key in members:
                return members
            return [named.key] if named is not None and named.kind == "Person" else []
        if not who and present.i < copula.i:
            who = [c for c in copula.children if c.dep_ in ("attr", "dobj") and c.i > copula.i]
        return list(dict.fromkeys(m.key for w in who for m in ctx.index.mentions_in(w.left_edge.i, w.right_edge.i + 1) if m.kind == "Person"))
    attended = [c for c in trig.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _JOINING]
    # "the meeting, which was also attended by A": a passive relative clause on the meeting (also
    # where the parser hung it on the phrase the meeting opens, or on the site beside it: "In the
    # meeting, at X here, which was also attended by A, ...")
    clause = trig.head.head if trig.dep_ == "pobj" else None
    sites = [o for p in (clause.children if clause is not None else ()) if p.dep_ == "prep" and p.lower_ in ("at", "in") for o in p.children if o.dep_ == "pobj"]
    relative = [c for h in (trig, *sites) for c in h.children if c.dep_ == "relcl"] + ([clause] if clause is not None else [])
    attended += [v for v in relative
                 if v.lemma_.lower() in _JOINING and v.tag_ == "VBN" and any(c.dep_ == "nsubjpass" and c.lower_ in ("which", "that") for c in v.children)]
    if verb.lemma_.lower() not in _JOINING and not attended:
        return []
    if trig.dep_ == "nsubjpass" or attended:
        # "The meeting was attended by A, B ...", "the meeting attended by A, B": the agents
        # ("by the Foreign Ministers of A X, B Y, as well as the Ambassador of C Z": the people named)
        who = [o for v in (attended or [verb]) for c in v.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        named = [m.key for w in who for m in ctx.index.mentions_in(w.left_edge.i, w.right_edge.i + 1) if m.kind == "Person"]
        if named:
            return list(dict.fromkeys(named))
        return [k for w in who for k in refers_to(w, ctx.index) if k in ctx.index.actors]
    if trig.dep_ != "dobj":
        return []
    who = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not who and verb.dep_ == "xcomp":
        who = [c for c in verb.head.children if c.dep_ == "dobj"]
    return [k for w in who for k in refers_to(w, ctx.index) if k in ctx.index.actors]


def _add_companions(sent: Span, drafts: list[MeetingDraft], ctx: ArticleContext) -> None:
    """People a sentence after the report of a meeting adds to it: "The Prime Minister was
    accompanied by A, B and C" (a participant's delegation), "Ambassador D was also present",
    "Also in attendance were A and B", "Attending were also A and B"."""
    meeting = _reported_before(drafts, "held")
    if meeting is None:
        return
    _took_part(sent, meeting, ctx)
    if meeting.mode != "in-person":
        return
    added: list[str] = []
    for tok in sent:
        if ctx.in_quote(tok.idx):
            continue
        if tok.pos_ == "VERB" and tok.lemma_.lower() == "accompany" and any(c.dep_ == "auxpass" for c in tok.children):
            subject = [k for c in tok.children if c.dep_ == "nsubjpass" for k in refers_to(c, ctx.index)]
            if not subject or not set(subject) <= set(meeting.participants):
                continue  # someone else's company ("The minister was accompanied by his wife")
            for agent in (c for c in tok.children if c.dep_ == "agent"):
                added += [m.key for m in ctx.index.mentions_in(agent.i + 1, agent.right_edge.i + 1) if m.kind == "Person"]
        elif (tok.lower_ == "attendance" and tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.lemma_.lower() == "be"
              or tok.lower_ == "attendance" and tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.lower_ == "those"
              and tok.head.head.dep_ == "nsubj" and tok.head.head.head.lemma_.lower() == "be"
              or tok.lower_ == "attending" and tok.dep_ in ("nsubj", "csubj") and tok.head.lemma_.lower() == "be" and not list(tok.children)):
            # "Also in attendance were A and B", "A and B were also in attendance", "Attending were
            # also A and B", "Those in attendance were A, B and C": at the meeting just reported
            be = (tok.head.head.head if tok.head.head.lower_ == "those" else tok.head.head) if tok.lower_ == "attendance" else tok.head
            # (the last names of a long list the parser may coordinate with the verb)
            added += [m.key for c in be.children if c.dep_ in ("nsubj", "attr") or c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > tok.i
                      for m in ctx.index.mentions_in(c.left_edge.i, c.right_edge.i + 1) if m.kind == "Person"]
        elif (tok.lower_ == "present" and tok.dep_ == "acomp" and tok.head.lemma_.lower() == "be"
              and not any(c.dep_ in ("prep", "neg") for c in (*tok.children, *tok.head.children))):
            # "D was also present": at the meeting just reported (not "present at the ceremony")
            added += [k for c in tok.head.children if c.dep_ == "nsubj" for k in refers_to(c, ctx.index)
                      if k in ctx.index.actors and ctx.index.actors[k].kind == "Person"]
    meeting.participants += [k for k in dict.fromkeys(added) if k not in meeting.participants]


_THE_EVENT = {"event", "meeting", "talks", "call", "conference", "session", "discussion", "discussions", "videoconference"}


def _took_part(sent: Span, meeting: MeetingDraft, ctx: ArticleContext) -> None:
    """"Foreign ministers from A, B, C and D participated in the event": right after a meeting
    with "foreign ministers from ..." as a group, the countries whose ministers took part in it
    ("the event", "the meeting") are its sides: each by the one person the meeting already has
    for it, else the country (the text names no one)."""
    index = ctx.index
    for tok in sent:
        if tok.pos_ != "VERB" or ctx.in_quote(tok.idx):
            continue
        lemma = tok.lemma_.lower()
        if not (lemma == "participate" or lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in tok.children)):
            continue
        events = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children
                  if o.dep_ == "pobj" and o.lower_ in _THE_EVENT and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in o.children)]
        subjects = [c for c in tok.children if c.dep_ == "nsubj" and c.tag_ in ("NNS", "NNPS") and role_phrase(c) is not None
                    and index.mention_at(c.i) is None and any(p.dep_ == "prep" and p.lower_ in ("from", "of") for p in c.children)]
        if not events or not subjects:
            continue
        heads = [s for s in subjects] + [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "along"
                                         for w in p.children if w.lower_ == "with" for o in w.children if o.dep_ == "pobj"]
        countries = list(dict.fromkeys(m.key for h in heads for m in index.mentions_in(h.left_edge.i, h.right_edge.i + 1) if m.kind == "Country"))
        if len(countries) < 2:
            continue
        have = {c: [p for p in meeting.participants if represented([p], index) == {c}] for c in countries}
        meeting.participants += [c for c in countries if not have[c] and c not in meeting.participants]


def _this_was(sent: Span, drafts: list[MeetingDraft], ctx: ArticleContext) -> None:
    """"X paid a courtesy call on Y. This was on Tuesday at his office at Cantonments, Accra":
    a sentence right after the report of a meeting, with "this" (or "it") for the subject of
    "was" and a day after "on", dates and places that meeting."""
    root = sent.root
    if root.lemma_.lower() != "be" or not any(c.dep_ == "nsubj" and c.lower_ in ("this", "it") for c in root.children):
        return
    if not any(c.dep_ == "prep" and c.lower_ == "on" for c in root.children):
        return
    meeting = _reported_before(drafts, "held")
    if meeting is None or meeting.mode != "in-person" or not _next_sentence(meeting.sentence.end, sent, ctx):
        return
    ons = [o for c in root.children if c.dep_ == "prep" and c.lower_ == "on" for o in c.children if o.dep_ == "pobj"]
    days = [m for m in ctx.dates_in(sent.start_char, sent.end_char) if m.value and any(o.idx <= m.start < o.idx + len(o.text) + 1 for o in ons)]
    if len(days) != 1 or _after_anchor(days[0].value, ctx):
        return
    meeting.date = meeting.date or days[0].value
    meeting.place = meeting.place or place_of(sent, root, ctx)


def _fill_in(meeting: MeetingDraft, trig: Token, sent: Span, date: str | None, ctx: ArticleContext) -> None:
    """A later report of a meeting may give what the first left out: its date, its place,
    that it was by phone or video ("... pose ahead of their talks in Tokyo on July 10")."""
    # not a day after the story, nor, for a main meeting, one so old it would make it background
    # ("was happy to meet again after the meeting in Nagoya last November")
    if not (meeting.status == "held" and _after_anchor(date, ctx)) and not (meeting.primary and older_than_anchor(date, ctx)):
        meeting.date = meeting.date or date
    if meeting.place is None and meeting.mode == "in-person":
        meeting.place = place_of(sent, trig, ctx)
    if meeting.mode == "in-person":
        meeting.mode = mode_of(list(trig.subtree), ctx)


_ANOTHER_TIME = {"also", "again", "earlier", "later", "separately", "separate", "then", "first", "another", "next", "previously", "before", "after"}


def _retold(trig: Token, parts: list[str], date: str | None, earlier: MeetingDraft, drafts: list[MeetingDraft], ctx: ArticleContext) -> bool:
    """The article's one main held meeting so far told again in other words: two people or
    more, all among its people, of the same status, no other date, and nothing in the sentence
    that tells another time or another meeting ("also", "later", "separately")."""
    people = [p for p in parts if ctx.index.actors[p].kind == "Person"]
    if len(set(people)) < 2 or len(people) != len(parts) or not set(parts) <= set(earlier.participants):
        return False
    if earlier.status != "held" or status_of(trig, ctx) != "held" or not dates_agree(date, earlier.date) or past_marked(trig, ctx):
        return False
    if earlier.headline:
        return False  # (the headline's meeting is the body's to take in: link_headline)
    roots = {id(d.root()): d.root() for d in drafts if d.root().primary and d.root().status == "held" and not d.root().headline}
    if len(roots) != 1 or next(iter(roots.values())) is not earlier:
        return False
    return not any(t.lower_ in _ANOTHER_TIME for t in trig.sent)


def _definite(trig: Token) -> bool:
    """A meeting word with "the" ("the meeting", "the talks")."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in trig.children)


def _their(trig: Token) -> bool:
    """A meeting noun owned by "their" ("their telephone conversation")."""
    return trig.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "poss" and c.lower_ == "their" for c in trig.children)


_TOGETHER_BACK = 3  # sentences back where "their" and "the two leaders" find the people named together


def _named_together_before(sent: Span, ctx: ArticleContext, whole_subject: bool = False) -> list[str]:
    """The persons a recent sentence names together as its subject ("A and B agreed ..."),
    the nearest such sentence first; [] if none. ``whole_subject``: every person the subject's
    phrase names outside a clause of its own ("Ministers A of X, B of Y and C of Z", where the
    parser hangs C on Y)."""
    earlier = [s for s in ctx.sentences() if s.end <= sent.start][-_TOGETHER_BACK:]
    for prev in reversed(earlier):
        for tok in prev:
            if tok.dep_ in ("nsubj", "nsubjpass") and not ctx.in_quote(tok.idx):
                people = [k for k in refers_to(tok, ctx.index) if k in ctx.index.actors and ctx.index.actors[k].kind == "Person"]
                if whole_subject:
                    people = list(dict.fromkeys(people + _people_of_phrase(tok, ctx)))
                if len(people) >= 2:
                    return people
    return []


def _people_of_phrase(head: Token, ctx: ArticleContext) -> list[str]:
    """The persons named in a noun phrase, not in a clause inside it ("A, who met B, ...")."""
    out: list[str] = []
    for m in ctx.index.mentions_in(head.left_edge.i, head.right_edge.i + 1):
        if m.kind != "Person" or ctx.index.actors.get(m.key) is None:
            continue
        between = [a for a in m.span.root.ancestors if head in a.ancestors]
        if any(a.dep_ in ("relcl", "acl", "advcl", "ccomp") or a.pos_ in ("VERB", "AUX") for a in between):
            continue
        out.append(m.key)
    return list(dict.fromkeys(out))


_AT_THE_TIME = re.compile(r"\b(?:at the time|at that time|back then)\b", re.IGNORECASE)


def _at_the_time(sent: Span, ctx: ArticleContext) -> str | None:
    """"X previously visited Indonesia in 2018. X met the President at the time.": the date
    of the sentence before, when it gives exactly one."""
    if not _AT_THE_TIME.search(sent.text):
        return None
    before = [s for s in ctx.sentences() if s.end <= sent.start]
    if not before:
        return None
    values = {m.value for m in ctx.dates_in(before[-1].start_char, before[-1].end_char) if m.value}
    return values.pop() if len(values) == 1 else None


def _happening_now(trig: Token, ctx: ArticleContext) -> str | None:
    """"X is holding a bilateral meeting with Y", "X is currently meeting Y": going on as the
    story is written, so on the story's day (its publication date)."""
    if ctx.anchor is None:
        return None
    verb = trig if trig.pos_ in ("VERB", "AUX") else trig.head if trig.dep_ == "dobj" else None
    if verb is not None and verb.tag_ == "VBD" and any(just_ago(t) for t in verb.subtree):
        return ctx.anchor.isoformat()  # "X met Y a short while ago"
    if verb is None or verb.tag_ != "VBG":
        return None
    if not any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") and c.lemma_.lower() == "be" for c in verb.children):
        return None
    return ctx.anchor.isoformat()


def _after_anchor(date: str | None, ctx: ArticleContext) -> bool:
    """A date later than the story's own day (or month, or year, at the date's precision)."""
    if date is None or ctx.anchor is None:
        return False
    return date > ctx.anchor.isoformat()[: len(date)]


def _headline_date(ctx: ArticleContext) -> str | None:
    """A full date the headline gives ("PM call with US President Trump: 15 September 2017")."""
    head = ctx.headline()
    found = [m for m in ctx.dates_in(*head) if m.kind == "explicit" and m.value and len(m.value) == 10] if head else []
    return found[-1].value if found else None


def _same_word_before(drafts: list[MeetingDraft], in_sentence: list[MeetingDraft], trig: Token, status: str) -> MeetingDraft | None:
    """"... the upcoming Summit to be held on August 18 ... to make the Summit a success": a
    definite meeting word names the last meeting reported with the same word (in this sentence,
    or earlier with the same status)."""
    word = trig.lemma_.lower()
    if any(c.dep_ == "amod" and c.lower_ in ("next", "another") for c in trig.children):
        return None  # "following a meeting with Y, adding that the next meeting will take place in Z": another one
    here = [d for d in in_sentence if d.word == word and d.status == status]
    if here:
        return here[-1].root()
    return next((d.root() for d in reversed(drafts) if d.word == word and d.status == status and not _lone_headline(d)), None)


def _reported_before(drafts: list[MeetingDraft], status: str) -> MeetingDraft | None:
    """The main meeting reported last in the body with this status (the meeting a back
    reference means)."""
    return next((d.root() for d in reversed(drafts) if d.primary and d.status == status and not _lone_headline(d)), None)


def _invited(trig: Token) -> bool:
    """The meeting is what someone was invited to do ("X was invited to meet with Y", "invited
    X to visit Y"): offered, held or not unsaid."""
    return any(t.lemma_.lower() == "invite" for t in list(trig.ancestors)[:2])


def _took_place(trig: Token) -> bool:
    """"The meeting took place on Monday", "The talks were held at the palace": a meeting word
    with "the" that the sentence says was held (its own occurrence, not an act at it)."""
    if trig.pos_ not in ("NOUN", "PROPN") or trig.dep_ not in ("nsubj", "nsubjpass") or not any(c.dep_ == "det" and c.lower_ == "the" for c in trig.children):
        return False
    verb = trig.head
    if verb.lemma_.lower() == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    return trig.dep_ == "nsubjpass" and verb.lemma_.lower() == "hold"


_CONVENING = {"host", "convene", "chair", "organise", "organize"}


def _hosted_meeting(trig: Token) -> bool:
    """"X hosted a high-level meeting on the crisis", "X convened a ministerial meeting": a
    meeting noun someone hosts, with no "with" of whom it was with."""
    if trig.pos_ not in ("NOUN", "PROPN") or trig.dep_ != "dobj" or trig.head.lemma_.lower() not in _CONVENING:
        return False
    return not any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among") for c in (*trig.children, *trig.head.children))


def _with_unnamed_group(trig: Token, ctx: ArticleContext) -> bool:
    """"met virtually with foreign ministers from the CARICOM member states": the other side is
    a group of office-holders the sentence names no one of."""
    objects = [o for p in trig.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.dep_ == "pobj"]
    return any(o.tag_ in ("NNS", "NNPS") and role_phrase(o) is not None
               and not any(m.kind in ("Person", "Country") for m in ctx.index.mentions_in(o.left_edge.i, o.right_edge.i + 1)) for o in objects)


_THIS_EVENT = {"event", "meeting", "talks", "conference", "session", "call", "videoconference", "dialogue", "discussion", "discussions"}


def _taking_part(verb: Token) -> bool:
    """"A and B took part", "A participated (in the event)", "Finland was represented at state
    secretary level"."""
    lemma = verb.lemma_.lower()
    # (not "took part in the summit": another event; "In addition to A, B took part", "took part
    # in the meeting" are this one)
    elsewhere = any(c.dep_ == "prep" and c.lower_ == "in" and not any(
        o.lower_ == "addition" or o.lower_ in _THIS_EVENT and any(d.lower_ in ("the", "this") for d in o.children) and not any(
            d.dep_ in ("amod", "compound", "prep") for d in o.children) for o in c.children) for c in verb.children)
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children) and not elsewhere
    if lemma == "participate":
        return not elsewhere
    if lemma == "attend":
        # "A and B also attended (the meeting)"
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        return all(o.lower_ in _THIS_EVENT and any(d.lower_ in ("the", "this") for d in o.children)
                   and not any(d.dep_ in ("amod", "compound", "prep") for d in o.children) for o in objects)
    return lemma == "represent" and any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)


def _who_took_part(sent: Span, trig: Token, ctx: ArticleContext, hosts: list[str]) -> list[str]:
    """The sides of a hosted meeting the next sentences list as taking part in it, with no
    meeting word of their own: "In addition to the Qatari Prime Minister and the foreign
    ministers of A and B, the foreign ministers of C and D took part. E was represented at
    state secretary level." (unnamed office-holders stand for their countries)."""
    sentences = ctx.sentences()
    at = next((k for k, s in enumerate(sentences) if s.start == sent.start), None)
    if at is None:
        return []
    out: list[str] = []
    hosts = set(hosts)

    def agents(verb: Token) -> list[Token]:
        return [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]

    # "hosted a ministerial meeting in Vienna, attended by the foreign ministers of A and B"
    # (or hung on the hosting verb)
    groups = [agents(c) for c in (*trig.children, *trig.head.children) if c.dep_ in ("acl", "advcl") and c.lemma_.lower() == "attend" and c.tag_ == "VBN"]
    for nxt in sentences[at + 1:at + 4]:
        if ctx.in_headline(nxt.start_char) or any(is_trigger(t, ctx) and not anaphoric(t) for t in nxt):
            break
        verb = nxt.root
        if ctx.in_quote(verb.idx):
            continue
        if verb.lemma_.lower() == "attend" and any(c.dep_ == "auxpass" for c in verb.children) and any(
                c.dep_ == "nsubjpass" and (c.lower_ in ("it", "this") or anaphoric(c) and is_trigger(c, ctx)) for c in verb.children):
            groups.append(agents(verb))  # "It was attended by A, B and C", "The meeting was attended by ..."
            continue
        if not _taking_part(verb):
            continue
        sides = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        # "In addition to A and B, C took part"
        sides += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "in" for a in p.children if a.dep_ == "pobj" and a.lower_ == "addition"
                  for t in a.children if t.dep_ == "prep" and t.lower_ == "to" for o in t.children if o.dep_ == "pobj"]
        # "..., along with the Minister of State for Foreign Affairs of C", "together with D"
        sides += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" and any(c.lower_ in ("along", "together") for c in p.children)
                  for o in p.children if o.dep_ == "pobj"]
        sides += [o for a in verb.children if a.lower_ in ("along", "together") for p in a.children if p.dep_ == "prep" and p.lower_ == "with"
                  for o in p.children if o.dep_ == "pobj"]
        groups.append(sides)
    for sides in groups:
        for side in sides:
            for head in coordinated(side):
                keys = [k for k in refers_to(head, ctx.index, hosts) if k in ctx.index.actors]
                titled = any(h.kind == "title" and h.span.start <= head.i < h.span.end for h in ctx.index.hits)
                if head.pos_ in ("NOUN", "PROPN") and (role_phrase(head) is not None or titled) and ctx.index.mention_at(head.i) is None:
                    keys += countries_of(head, ctx.index)  # "the Qatari Prime Minister": no name, the country
                out += [k for k in dict.fromkeys(keys) if k not in out and k not in hosts]
    return out


def _next_sentence(end: int, sent: Span, ctx: ArticleContext) -> bool:
    """``sent`` is the sentence right after the one ending at token ``end``."""
    return end <= sent.start and not ctx.doc[end:sent.start].text.strip()


_OWN_MEETING = {"his", "her", "the"}


def _date_of_the_group_meeting(trig: Token, parts: list[str], drafts: list[MeetingDraft]) -> str | None:
    """"X also met A, B and C on Monday. During his meeting with A, X ...": "his meeting with A"
    is X's part, with A, of the dated meeting already reported, so it is of that day. The
    meeting word is definite ("his", "her", "the") and names its other side with "with"; the
    earlier main held meetings that hold all its people (and more) give one date."""
    if trig.pos_ not in ("NOUN", "PROPN") or not any(c.dep_ in ("det", "poss") and c.lower_ in _OWN_MEETING for c in trig.children):
        return None
    if not any(c.dep_ == "prep" and c.lower_ == "with" for c in trig.children) or len(set(parts)) < 2:
        return None
    groups = {id(d.root()): d.root() for d in drafts}.values()
    dates = {g.date for g in groups if g.primary and g.status == "held" and g.date and set(parts) < set(g.participants)}
    return dates.pop() if len(dates) == 1 else None


def _bilateral_with(drafts: list[MeetingDraft], status: str, parts: list[str], date: str | None, ctx: ArticleContext) -> MeetingDraft | None:
    """The one main two-party meeting of this status already reported with the one person
    found (the other side named in a way the mentions missed), dates agreeing."""
    people = [p for p in parts if ctx.index.actors[p].kind == "Person"]
    if len(people) != 1 or len(parts) != 1:
        return None
    roots = {id(d.root()): d.root() for d in drafts}
    found = [r for r in roots.values() if r.primary and r.status == status and len(set(r.participants)) == 2
             and people[0] in r.participants and dates_agree(date, r.date)]
    return found[0] if len(found) == 1 else None


def _referred_to(drafts: list[MeetingDraft], status: str, trig: Token, parts: list[str], date: str | None, ctx: ArticleContext) -> MeetingDraft | None:
    """The latest main meeting of this status that a back reference ("the talks", "the two
    leaders held talks") with these people can mean."""
    if not (anaphoric(trig) or group_reference(trig, ctx.index)) or past_marked(trig, ctx):
        return None
    for d in reversed(drafts):
        root = d.root()
        if root.primary and root.status == status and not _lone_headline(root) and refers_back(parts, root, ctx.index) and dates_agree(date, root.date):
            return root
    return None


def _lone_headline(d: MeetingDraft) -> bool:
    """A headline meeting naming one side only, which no body meeting has taken in (yet)."""
    return d.headline and d.same_as is None and len(set(d.participants)) < 2


def _back_reference(trig: Token, parts: list[str], date: str | None, earlier: MeetingDraft, ctx: ArticleContext) -> bool:
    """"the video conference", "the two leaders met", "both ministers": the meeting already
    reported, when the people found are among its people and nothing dates it apart."""
    if not (anaphoric(trig) or group_reference(trig, ctx.index)) or past_marked(trig, ctx):
        return False
    return refers_back(parts, earlier, ctx.index) and dates_agree(date, earlier.date)


_TIME_PREPS = {"at", "during", "after", "following", "before", "ahead", "in", "on", "upon", "throughout"}


def _circumstance(trig: Token) -> bool:
    """"At the onset of the meeting, X conveyed greetings of A to B", "following the talks, X
    told reporters ...": the meeting already reported, named as the time of another act; the
    people of that act are not its participants."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in trig.children):
        return False  # "told X in their meeting": their meeting, the clause's people
    if any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among") for c in trig.children):
        return False
    tok = trig
    while tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        tok = tok.head.head  # "at the onset of the meeting": the phrase the meeting is part of
    prep = tok.head
    return tok.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in _TIME_PREPS and prep.head.pos_ in ("VERB", "AUX")


_PROGRAMME = {"program", "programme", "agenda", "schedule", "itinerary"}


def _programme_owner(trig: Token, parts: list[str], ctx: ArticleContext) -> list[str]:
    """"The program included a working meeting with Y, an exchange with ... and a meeting with
    Z", "Other items on the agenda included a meeting with Y": items of the visit programme of
    the story's principal, whose meetings they are."""
    if trig.pos_ not in ("NOUN", "PROPN") or not parts:
        return []
    head = trig
    while head.dep_ in ("conj", "appos") and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head  # the later items of the list
    while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ in ("NOUN", "PROPN") and head.head.head.i < head.i:
        head = head.head.head  # (an item the parser hung inside the one before: "... with members of A and a meeting with B")
        while head.dep_ in ("conj", "appos") and head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head
    verb = head.head
    if head.dep_ != "dobj" or verb.lemma_.lower() != "include" or verb.tag_ not in ("VBD", "VBN"):
        return []  # (what "the agenda includes" may be still to come)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not any(s.lemma_.lower() in _PROGRAMME or s.lemma_.lower() == "item" and any(
            o.lemma_.lower() in _PROGRAMME for p in s.children if p.dep_ == "prep" for o in p.children) for s in subjects):
        return []
    who = principal(ctx)
    if who is None or who in parts or ctx.in_quote(trig.idx):
        return []
    return [who]


def _bodies_met(trig: Token, ctx: ArticleContext) -> list[str]:
    """"a meeting with members of the Austrian-French Center", "talks with the Foreign Policy
    Committee": a body the vocabularies lack, named by the model's ORG entity as whom a meeting
    noun is with (or whose members), as an organization of its own."""
    if trig.pos_ not in ("NOUN", "PROPN") or ctx.in_quote(trig.idx):
        return []
    forum = ctx.vocab.meeting_triggers["forum_word"]
    out: list[str] = []
    for prep in (c for c in trig.children if c.dep_ == "prep" and c.lower_ == "with"):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            if any(m.kind == "Person" or m.kind == "Country" for m in ctx.index.mentions_in(obj.left_edge.i, obj.right_edge.i + 1)):
                continue  # "talks with Lao Party General Secretary X": a person's post, not a body met
            heads = [obj] if obj.lemma_.lower() not in ("member", "representative") else [
                o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
            heads = [t for h in heads for t in coordinated(h)]
            for h in heads:
                ent = next((e for e in trig.sent.ents if e.label_ == "ORG" and e.root.i == h.i), None)
                if ent is None or ctx.index.mentions_in(ent.start, ent.end) or any(
                        x.span.start < ent.end and ent.start < x.span.end for x in ctx.index.hits if x.kind not in ("issue", "demonym")):
                    continue  # a body the index knows (or a title, a country inside it) is found as such
                if any(t.lower_ in forum or is_trigger(t, ctx) for t in ent):
                    continue  # "the Youth & Leaders Summit": an event, no party
                out.append(organization_from_entity(ctx.index, ent))
    return out


def _principal_discussed(trig: Token, parts: list[str], ctx: ArticleContext) -> list[str]:
    """"Prospects for cooperation were discussed with its Director-General Y", in a readout of
    the principal's meetings: the principal (the lead's first person) discussed them with Y."""
    if trig.pos_ != "VERB" or trig.lemma_.lower() not in ctx.vocab.meeting_triggers["with_person_verb"] or not agentless_passive(trig):
        return []
    who = principal(ctx)
    if who is None or who in parts or ctx.in_quote(trig.idx):
        return []
    return [who]


def _principal_met(trig: Token, parts: list[str], ctx: ArticleContext) -> list[str]:
    """"The first bilateral meeting of the day was with Y", "Another meeting took place with
    Y": a meeting noun with no owner whose verb gives only its other side, in a story of the
    principal's meetings: the principal met Y (and Y, when the parse hangs "with" on the verb)."""
    if trig.pos_ != "NOUN" or trig.dep_ != "nsubj" or any(c.dep_ == "poss" for c in trig.children) or ctx.in_quote(trig.idx):
        return []
    verb = trig.head
    lemma = verb.lemma_.lower()
    if not (lemma == "be" or lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)):
        return []
    withs = [p for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" and p.i > trig.i]
    met = [k for p in withs for o in p.children if o.dep_ == "pobj" for k in refers_to(o, ctx.index)
           if k in ctx.index.actors and ctx.index.actors[k].kind == "Person"]
    who = principal(ctx)
    if who is None or not met or who in met or who in parts or any(p not in met for p in parts):
        return []
    return [who, *met]


def _joined_in(trig: Token, ctx: ArticleContext) -> list[str]:
    """"X joined President Y in his meeting with Z": Y, whose meeting it is, and X, who joined it."""
    prep = trig.head
    if trig.dep_ != "pobj" or prep.lower_ != "in" or prep.head.lemma_.lower() != "join" or prep.head.pos_ != "VERB":
        return []
    join = prep.head
    args = [c for c in join.children if c.dep_ == "dobj"] + [c for c in join.children if c.dep_ == "nsubj"]
    return [k for a in args for k in refers_to(a, ctx.index) if k in ctx.index.actors and ctx.index.actors[k].kind == "Person"]


def _speaker_meeting(trig: Token, ctx: ArticleContext) -> list[str]:
    """"X said it was a great pleasure meeting Y" / "... an honour to meet Y": the speaker is
    the one meeting, where the meeting's own clause has only "it" for a subject."""
    if trig.pos_ != "VERB":
        return []
    clause = next((a for a in trig.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if clause is None or clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in ctx.vocab.speech_verbs:
        return []
    if [c.lower_ for c in clause.children if c.dep_ in ("nsubj", "expl")] != ["it"] or any(c.dep_ == "nsubj" for c in trig.children):
        return []
    speakers = [c for c in clause.head.children if c.dep_ == "nsubj"]
    return [k for s in speakers for k in refers_to(s, ctx.index) if ctx.index.actors[k].kind == "Person"]


def _day_of_the_trip(trig: Token, sent: Span, visits: list[Visit]) -> str | None:
    """"During his visit to Oslo, X met Y": the one day the story gave that visit (a visit to
    Oslo reported before, held and current, dated to a day)."""
    from etl.extract.meetings.attributes import _during_trip_to

    clause = {trig.i, *(a.i for a in trig.ancestors)}
    for prep in sent:
        if prep.lower_ != "to" or not _during_trip_to(prep) or prep.head.head.head.i not in clause:
            continue
        names = {" ".join(t.text for t in o.subtree).lower() for o in prep.children if o.dep_ == "pobj"}
        days = {v.date for v in visits if v.current and v.status == "held" and v.date and len(v.date) == 10
                and v.place.name.lower() in names and v.sentence.start < sent.start}
        if len(days) == 1:
            return next(iter(days))
    return None


def _separate_just_before(sent: Span, ctx: ArticleContext) -> bool:
    """The sentence before says the meetings were separate ("he held separate meetings with
    foreign dignitaries. ... it was a pleasure meeting A, B, C and D"): the list is of them."""
    before = [s for s in ctx.sentences() if s.end <= sent.start]
    return bool(before) and any(t.lower_ in _SEPARATE and is_trigger(t.head, ctx) for t in before[-1])


_RECEIVING = {"receive", "welcome"}


def _received_one_by_one(trig: Token, parts: list[str], ctx: ArticleContext) -> bool:
    """"X received A, B, C and D at the Palace", guests of three countries or more, each of a
    country of their own and none of the host's: courtesy calls, one by one."""
    if trig.lemma_.lower() not in _RECEIVING or trig.pos_ != "VERB":
        return False
    index = ctx.index
    hosts = set(subject_of(trig, index))
    guests = [p for p in parts if p not in hosts]
    sides = [represented([p], index) for p in guests]
    if len(guests) < 3 or any(len(s) != 1 for s in sides) or len({next(iter(s)) for s in sides}) != len(guests):
        return False
    if any(_group_noun(o, index) for o in trig.children if o.dep_ == "dobj"):
        return False  # "X received the foreign ministers of A, B and C": the group together, one reception
    return not any(t.lower_ in ("together", "jointly", "delegation", "delegations", "group") for t in trig.sent)


def _meets_a_group(trig: Token, ctx: ArticleContext) -> bool:
    """A meeting verb whose only partner is a bare plural role noun ("meets with heads of
    government", "meets counterparts"), no name and no number or "two": a group of meetings."""
    objects = [o for p in trig.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.dep_ == "pobj"]
    objects += [c for c in trig.children if c.dep_ == "dobj"] if trig.pos_ == "VERB" else []
    return (len(objects) == 1 and _group_noun(objects[0], ctx.index)
            and not any(c.dep_ in ("nummod", "det", "poss", "amod") or c.lower_ == "both" for c in objects[0].children)
            and not any(c.dep_ == "conj" for c in objects[0].children))


def _group_noun(tok: Token, index) -> bool:
    """A plural role noun naming the guests as one group ("the ministers of foreign affairs of
    the Central Asian states", "the three foreign ministers"), not a list of their names."""
    return tok.tag_ in ("NNS", "NNPS") and index.mention_at(tok.i) is None and role_phrase(tok) is not None


def _bilaterals(trig: Token) -> bool:
    """"held bilateral meetings with A, B and C", "met bilaterally with A and B": a bilateral
    meeting has two sides, so there is one with each partner."""
    plural = trig.tag_ in ("NNS", "NNPS") and any(c.lower_ in _BILATERAL for c in trig.children)
    return plural or (trig.pos_ == "VERB" and any(c.lower_ == "bilaterally" for c in trig.children))


_LISTED = "listed"  # the word of a draft for one place of "met in A, B and C"


def _listed_places(trig: Token, ctx: ArticleContext) -> list[Place]:
    """The places of "met in A, B and C": a list of two places or more after the meeting
    word's own "in" (each an earlier meeting, not the one reported)."""
    for prep in trig.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            heads = [obj, *(t for t in obj.subtree if t.dep_ in ("conj", "appos") and t.pos_ == "PROPN")]
            places: list[Place] = []
            for head in heads:
                ent = next((e for e in trig.sent.ents if e.start <= head.i < e.end and e.label_ in ("GPE", "LOC", "FAC")), None)
                place = ctx.place_for(ent) if ent is not None else None
                if place is not None and places and (any(place.key == p.country for p in places) or head.i > 0 and head.doc[head.left_edge.i - 1].text == "("):
                    continue  # "met in Turin (Italy)", "in Lyon, France": the city's country, one place
                if place is not None and place not in places:
                    places.append(place)
            if len(places) >= 2:
                return places
    return []


def _met_on_a_visit(parts: list[str], status: str, visits: list[Visit], ctx: ArticleContext) -> bool:
    """People on a visit the story reports, with someone of the country they are visiting
    ("Lula spoke with Prime Minister X" during his state visit to China): met in person."""
    if status != "held":
        return False
    for v in visits:
        if not v.current or v.status != "held" or not set(v.visitors) & set(parts):
            continue
        country = v.place.country or (v.place.key if v.place.key in ctx.index.actors and ctx.index.actors[v.place.key].kind == "Country" else None)
        if country is not None and any(p not in v.visitors and ctx.index.actors[p].country == country for p in parts):
            return True
    return False


def _drafts(trig: Token, sent: Span, parts: list[str], status: str, date: str | None, ctx: ArticleContext, several: bool,
            visiting: bool = False) -> list[MeetingDraft]:
    """The drafts a trigger makes: one meeting, or one per partner of separate talks.
    ``visiting``: its people are on a visit with their hosts (a conversation is in person)."""
    place = place_of(sent, trig, ctx) or (destination(trig, ctx) if is_visit(trig) else None)
    mode = mode_of(list(trig.subtree) + [trig.head] if several else list(sent), ctx, trig, place is not None or visiting)
    if mode != "in-person":
        place = None  # a call or a video conference has no venue of its own
    if trig.lemma_.lower() == "call" and any(c.lower_ == "courtesy" for c in trig.children):
        mode = "in-person"
    evidence = TextSpan(sent.start_char, sent.end_char, sent.text)
    topics = ctx.issues_in(sent.start_char, sent.end_char)
    primary = status == "held" and not past_marked(trig, ctx) and not older_than_anchor(date, ctx)
    separate = len(parts) >= 3 and (any(t.lower_ in _SEPARATE for t in sent) or _bilaterals(trig) or listed_counterparts(trig, ctx.index)
                                    or listed_people(trig, ctx.index)
                                    or _separate_just_before(sent, ctx) or _received_one_by_one(trig, parts, ctx))
    subjects = set(subject_of(trig, ctx.index)) & set(parts)
    partners = [p for p in with_objects(trig, ctx.index, subjects) if p in parts] if separate else []
    hosts = [p for p in parts if p not in partners]
    if separate and partners and hosts:
        return [MeetingDraft([*hosts, other], mode, status, date, place, evidence, sent, list(topics), primary) for other in partners]
    unnamed = unnamed_holders(trig, ctx.index) if trig.tag_ in ("NNS", "NNPS") else []
    if not separate and len(unnamed) >= 2 and set(unnamed) <= set(parts) and len(parts) > len(unnamed) and not any(t.lower_ in _TOGETHER for t in sent):
        # "telephone conversations between X and the Foreign Ministers of Turkey and Iran": one with each country
        rest = [p for p in parts if p not in unnamed]
        return [MeetingDraft([*rest, other], mode, status, date, place, evidence, sent, list(topics), primary) for other in unnamed]
    if separate and partners and not hosts and ctx.in_headline(sent.start_char) and listed_people(trig, ctx.index):
        return []  # "FM Meets Counterparts at UN": separate meetings whose host the headline does not name; the body tells them
    if ctx.in_headline(sent.start_char) and _meets_a_group(trig, ctx):
        return []  # "Lula meets with heads of government": several meetings, which the body tells one by one
    return [MeetingDraft(parts, mode, status, date, place, evidence, sent, list(topics), primary)]
