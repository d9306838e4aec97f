"""Meetings: talks, calls, summits and visits, with participants, mode, status, date, place.

``find_meetings(ctx) -> list[MeetingDraft]``: one draft per meeting expression (a trigger
word with its arguments), then :func:`merge_meetings` makes one meeting of drafts with the
same participants, mode and date (e.g. a photo caption and the body reporting the same talks).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from etl.extract.mentions import ActorIndex
from etl.extract.context import ArticleContext
from etl.extract.references import refers_to, resolve_role_noun
from etl.model import Place
from etl.model import Span as TextSpan

_FUTURE_AUX = {"will", "shall", "'ll", "’ll"}
_HYPOTHETICAL = {"could", "would", "might", "may", "possible", "possibility", "potential", "unless", "if"}
_PAST_MARKERS = {"last", "previous", "previously", "since", "ago", "prior", "followed"}
_SEPARATE = {"separate", "separately"}
_CALL_OK_HEADS = {"during", "in", "on", "by", "over", "after", "before"}


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


def is_trigger(tok: Token, ctx: ArticleContext) -> bool:
    """A word that reports a meeting: "met", "talks", "summit", "phone call", "visit"."""
    triggers = ctx.vocab.meeting_triggers
    lemma = tok.lemma_.lower()
    if ctx.in_quote(tok.idx):
        return False
    if tok.pos_ in ("NOUN", "PROPN") and (lemma in triggers["event_noun"] or tok.lower_ in triggers["event_noun"]):
        if lemma == "call":
            return any(c.lower_ == "courtesy" for c in tok.children) or _is_phone_call(tok, ctx)
        if lemma == "visit":
            return True
        if lemma in ("conversation", "conference"):
            return any(c.lemma_.lower() in triggers["phone_cue"] | triggers["video_cue"] for c in tok.children)
        if lemma == "dialogue":
            return tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("hold", "convene", "launch", "resume")
        return True
    if tok.pos_ == "VERB" and lemma == "shake" and any(c.dep_ == "dobj" and c.lower_ == "hands" for c in tok.children):
        return True
    if tok.pos_ == "VERB" and lemma in triggers["event_verb"]:
        if tok.dep_ in ("acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return False
        if lemma == "host" and not any(c.lemma_.lower() in ("talk", "meeting", "summit", "talks") for c in tok.children):
            return False
        if lemma == "speak":
            return any(c.dep_ == "prep" and c.lower_ in ("with", "by", "over") for c in tok.children)
        return True
    return False


def _is_phone_call(tok: Token, ctx: ArticleContext) -> bool:
    """"call" is a phone call ("a 15-minute call", "a call between ...", "in phone calls"),
    not a demand ("calls to resume talks", "a call for restraint")."""
    cues = ctx.vocab.meeting_triggers["phone_cue"] | ctx.vocab.meeting_triggers["video_cue"]
    children = list(tok.children)
    if any(c.dep_ == "prep" and c.lower_ in ("for",) for c in children):
        return False
    if any(c.dep_ in ("acl", "relcl") and c.tag_ == "VB" for c in children) or any(c.dep_ == "acl" for c in children if any(g.lower_ == "to" for g in c.children)):
        return False
    if any(c.lemma_.lower() in cues and c.i != tok.i for c in children):
        return True
    if any(c.dep_ == "prep" and c.lower_ in ("between", "with") for c in children):
        return True
    if tok.head.lower_ in _CALL_OK_HEADS or any(c.dep_ in ("nummod", "amod", "compound") and "minute" in c.text for c in tok.subtree):
        return True
    return False


def _mode(tokens: list[Token], ctx: ArticleContext) -> str:
    cues = ctx.vocab.meeting_triggers
    lemmas = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
    if lemmas & cues["video_cue"]:
        return "video"
    if lemmas & (cues["phone_cue"] - {"call"}) or any(t.lemma_.lower() == "call" and _is_phone_call(t, ctx) for t in tokens):
        return "phone"
    return "in-person"


def _status(tok: Token, ctx: ArticleContext) -> str | None:
    """"planned" for future or expected meetings, "held" for reported ones, None when the
    meeting is hypothetical or negated ("not willing to arrange another summit")."""
    chain = [tok, *tok.ancestors]
    for t in chain[:4]:
        if any(c.dep_ == "neg" for c in t.children):
            return None
        if t.lower_ in _HYPOTHETICAL or any(c.lower_ in _HYPOTHETICAL and c.dep_ in ("aux", "amod", "mark") for c in t.children):
            return None
    for t in chain[:5]:
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX for c in t.children):
            return "planned"
        if t.lemma_.lower() in ctx.vocab.planned_cues and t.i != tok.i and _via_xcomp(tok, t):
            return "planned"
        if any(c.lower_ in ("upcoming", "planned", "next", "proposed") for c in t.children if c.dep_ in ("amod", "advmod")):
            return "planned"
        if t.dep_ == "ROOT":
            break
    return "held"


_EXPLICIT_PREPS = ("between", "with", "among")
_LIGHT_VERBS = {"hold", "have", "conduct", "attend", "host", "pay", "make", "join", "chair", "co-chair"}


def _via_xcomp(tok: Token, ancestor: Token) -> bool:
    """The trigger hangs under an infinitive of the ancestor: "agreed to hold a summit",
    "is expected to meet", "plans to visit", "is scheduled to pay a courtesy call"."""
    t = tok
    while t.i != ancestor.i and t.head.i != t.i:
        if t.dep_ == "xcomp" or (t.dep_ in ("ccomp", "advcl") and any(c.lower_ in ("will", "would") for c in t.children)):
            return True
        t = t.head
    return False


def _own_participants(tok: Token, index: ActorIndex, holders: bool) -> list[str]:
    """Participants named by the trigger's own arguments: "a summit between A and B",
    "talks with A", "A met B", "A and B held talks", "A's visit to B", "a courtesy call on A"."""
    found: list[str] = []
    preps = _EXPLICIT_PREPS + (("on",) if tok.lemma_.lower() == "call" else ())
    if tok.pos_ == "VERB":
        preps += ("to",) if tok.lemma_.lower() in ("speak", "talk") else ()
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    found.extend(refers_to(obj, index, holders=holders))
    if tok.pos_ == "VERB":
        for obj in tok.children:
            if obj.dep_ == "dobj":
                found.extend(refers_to(obj, index, holders=holders))
        return list(dict.fromkeys(_subject_of(tok, index, holders) + found))
    for owner in (c for c in tok.children if c.dep_ == "poss"):
        found.extend(refers_to(owner, index, holders=holders))
    if found and any(p.lower_ in ("with", "on") for p in tok.children) or tok.head.lemma_.lower() in _LIGHT_VERBS and tok.dep_ == "dobj":
        found = _subject_of(tok, index, holders) + found
    return list(dict.fromkeys(found))


def _objects_of(tok: Token, index: ActorIndex, holders: bool) -> list[str]:
    """The actors a trigger names as its own objects ("telephoned X", "talks with X")."""
    out: list[str] = []
    for c in tok.children:
        if c.dep_ == "dobj":
            out.extend(refers_to(c, index, holders=holders))
        elif c.dep_ == "prep" and c.lower_ in _EXPLICIT_PREPS:
            for obj in c.children:
                if obj.dep_ == "pobj":
                    out.extend(refers_to(obj, index, holders=holders))
    return out


def _with_objects(tok: Token, index: ActorIndex) -> list[str]:
    out: list[str] = []
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "with":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    out.extend(refers_to(obj, index))
    return out


def _subject_of(tok: Token, index: ActorIndex, holders: bool = True) -> list[str]:
    """The actors doing what the trigger reports: the subject of its verb, found by climbing
    through infinitives, participles and prepositions ("after making a stop to speak with")."""
    for verb in [tok, *tok.ancestors][:7]:
        if verb.pos_ in ("VERB", "AUX"):
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                # the parser sometimes gives a coordinated subject two nsubj heads
                keys = [k for subj in subjects for k in refers_to(subj, index, holders=holders)]
                return list(dict.fromkeys(keys))
        if verb.dep_ in ("ccomp", "ROOT") and verb.i != tok.i:
            break
    verb = tok.head
    for c in verb.children:
        if c.dep_ == "poss":
            return refers_to(c, index)
    if tok.pos_ in ("NOUN", "PROPN"):
        owners = [c for c in tok.children if c.dep_ == "poss"]
        if owners:
            return refers_to(owners[0], index)
    return []


def _excluded(tok_i: int, sent: Span, index: ActorIndex, ctx: ArticleContext) -> bool:
    """A person mentioned in the sentence who is not taking part: inside quotes, the source
    of an attribution ("according to X", "X said"), a possessor ("Kim's sister"), or inside
    an apposition describing someone else ("adviser to Prime Minister Abe")."""
    tok = sent.doc[tok_i]
    if ctx.in_quote(tok.idx):
        return True
    for anc in tok.ancestors:
        if anc.lower_ == "according":
            return True
        if anc.dep_ == "appos":
            head = index.mention_at(anc.head.i)
            if head is not None and head.kind == "Person":
                return True
        if anc.dep_ == "poss":
            return True
    if tok.dep_ == "poss" and not is_trigger(tok.head, ctx):
        return True
    if _other_clause(tok, sent, ctx):
        return True
    if tok.dep_ in ("nsubj",) and tok.head.lemma_.lower() in ctx.vocab.speech_verbs and not any(is_trigger(t, ctx) for t in tok.head.subtree if t.i != tok.i and t.dep_ != "ccomp" and t.head == tok.head):
        return any(c.dep_ == "ccomp" for c in tok.head.children) and tok.head.i > _first_trigger(sent, ctx)
    return False


def _clause_of(tok: Token) -> Token:
    for t in [tok, *tok.ancestors]:
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound"):
            return t
    return tok.sent.root


def _other_clause(tok: Token, sent: Span, ctx: ArticleContext) -> bool:
    """The person is in a subordinate clause ("after X became prime minister") that holds
    no meeting word, while the sentence's meeting word is elsewhere."""
    clause = _clause_of(tok)
    if clause.dep_ not in ("advcl", "relcl", "acl", "ccomp", "pcomp"):
        return False
    if any(is_trigger(t, ctx) for t in clause.subtree):
        return False
    return any(is_trigger(t, ctx) for t in sent)


def _first_trigger(sent: Span, ctx: ArticleContext) -> int:
    for t in sent:
        if is_trigger(t, ctx):
            return t.i
    return sent.end


def _sentence_participants(sent: Span, index: ActorIndex, ctx: ArticleContext, holders: bool = True) -> list[str]:
    found: list[str] = []
    for m in index.mentions_in(sent.start, sent.end):
        if m.kind != "Person" or _excluded(m.span.root.i, sent, index, ctx):
            continue
        found.append(m.key)
    for tok in sent:
        if tok.lower_ in ("he", "she") and tok.dep_ in ("nsubj", "nsubjpass") and not ctx.in_quote(tok.idx):
            key = index.last_person_before(tok.i)
            if key:
                found.append(key)
        elif tok.tag_ in ("NNS", "NNPS") and not ctx.in_quote(tok.idx):
            found.extend(k for k in resolve_role_noun(tok, index, set(found), holders) if index.actors[k].kind == "Person" or not holders)
    found = list(dict.fromkeys(found))
    if not found:
        found = _country_participants(sent, index, ctx)
    return found


def _country_participants(sent: Span, index: ActorIndex, ctx: ArticleContext) -> list[str]:
    """Countries or organizations as participants, only where no person is named: the
    subject of the sentence ("Japan and South Korea held talks") or the "between" objects."""
    out: list[str] = []
    for tok in sent:
        if tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ == "pobj" and tok.head.lower_ in ("between", "with")):
            for key in refers_to(tok, index):
                if index.actors[key].kind in ("Country", "Organization"):
                    out.append(key)
    return list(dict.fromkeys(out))


def _clause_chars(trigger: Token) -> set[int]:
    """Character offsets where the trigger's clause has tokens, without the other clauses
    coordinated with it ("discussed the planned summit, and agreed that they will meet in
    Beijing next year"), plus a few tokens after the trigger's phrase."""
    head = _clause_of(trigger)
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


def _date(sent: Span, trigger: Token, ctx: ArticleContext, future: bool, previous: str | None) -> str | None:
    """The date nearest the trigger in its sentence; "later in the day" is the day of the
    meeting reported just before."""
    starts = _clause_chars(trigger)
    mentions = [m for m in ctx.dates_in(sent.start_char, sent.end_char, future) if (m.value is not None or "day" in m.text) and m.start in starts]
    if not mentions:
        return None
    best = min(mentions, key=lambda m: abs(m.start - trigger.idx))
    if best.text.endswith(("in the day", "same day")):
        return previous
    return best.value


def _place(sent: Span, trigger: Token, ctx: ArticleContext) -> Place | None:
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
        if ent.start_char not in _clause_chars(trigger):
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
        clause = _clause_of(trigger)
        if clause.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            # "made a stop in Seoul to speak with officials": the purpose clause's host clause
            return _place(sent, clause.head, ctx)
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


def find_meetings(ctx: ArticleContext) -> list[MeetingDraft]:
    """Every meeting expression of the article body (captions included)."""
    drafts: list[MeetingDraft] = []
    for sent in ctx.sentences():
        triggers = [t for t in sent if is_trigger(t, ctx)]
        sentence_used = False
        in_sentence: list[MeetingDraft] = []
        for trig in triggers:
            status = _status(trig, ctx)
            if status is None:
                continue
            dated = next((d for d in reversed(drafts) if d.date), None)
            date = _date(sent, trig, ctx, future=status == "planned", previous=dated.date if dated else None)
            holders = not _older_than_anchor(date, ctx)
            parts = [p for p in _own_participants(trig, ctx.index, holders) if p in ctx.index.actors]
            if not parts and drafts and _subject_is_they(trig):
                parts = list(drafts[-1].participants)
            needed = 1 if status == "planned" and trig.lemma_.lower() != "visit" else 2
            if len(parts) < needed and not sentence_used:
                sentence_used = True
                others = {p for t in triggers if t.i != trig.i for p in _objects_of(t, ctx.index, holders)}
                extra = [p for p in _sentence_participants(sent, ctx.index, ctx, holders) if p not in others]
                parts = list(dict.fromkeys(parts + extra))
            if len(parts) < needed and _anaphoric(trig):
                earlier = next((d for d in reversed(drafts) if d.primary and d.status == status), None)
                if earlier is not None:
                    in_sentence.append(_again(earlier, sent, ctx))
                    continue
            parts = _without_redundant_countries(parts, ctx.index)
            if len(parts) < needed or any(set(parts) == set(d.participants) and d.date in (None, date) for d in in_sentence):
                continue
            new = _drafts(trig, sent, parts, status, date, ctx, len(triggers) > 1)
            if dated is not None and date is not None and date == dated.date and _same_day_phrase(sent):
                for d in new:
                    d.place = d.place or dated.place
            in_sentence.extend(new)
        drafts.extend(in_sentence)
    _date_from_lead(drafts, ctx)
    _topics_from_context(drafts, ctx)
    _place_of_the_visit(drafts)
    return drafts


def _place_of_the_visit(drafts: list[MeetingDraft]) -> None:
    """When every placed main meeting of the article is in one city, the other main meetings
    held by the same visitors are there too (a minister's one-city visit)."""
    placed = [d for d in drafts if d.primary and d.status == "held" and d.place is not None]
    places = {d.place.key for d in placed if d.place is not None}
    if len(places) != 1:
        return
    for d in drafts:
        if d.place is None and d.primary and d.status == "held" and any(set(d.participants) & set(p.participants) for p in placed):
            d.place = placed[0].place


def _topics_from_context(drafts: list[MeetingDraft], ctx: ArticleContext) -> None:
    """Issues of sentences that speak of a meeting's participants together ("Blinken,
    Kamikawa and Cho discussed ... the Taiwan Strait") are topics of that meeting."""
    reported = {d.sentence.start for d in drafts}
    primary = [d for d in drafts if d.primary]
    for sent in ctx.sentences():
        if sent.start in reported:
            continue
        topics = ctx.issues_in(sent.start_char, sent.end_char)
        if not topics:
            continue
        named = {m.key for m in ctx.index.mentions_in(sent.start, sent.end) if m.kind == "Person" and not ctx.in_quote(m.span.start_char)}
        for d in primary:
            people = {p for p in d.participants if ctx.index.actors[p].kind == "Person"}
            if len(named & people) >= 2:
                d.topics = list(dict.fromkeys(d.topics + topics))


def _same_day_phrase(sent: Span) -> bool:
    return any(p in sent.text for p in ("in the day", "same day"))


def _date_from_lead(drafts: list[MeetingDraft], ctx: ArticleContext) -> None:
    """The lead sentence reports the main event: when its subjects are a held meeting's
    participants and it gives a date ("A and B agreed on Thursday ..."), that is the
    meeting's date."""
    lead = _lead_sentence(ctx)
    if lead is None:
        return
    subjects = _subject_of(lead.root, ctx.index)
    if len(subjects) < 2:
        return
    mentions = [m for m in ctx.dates_in(lead.start_char, lead.end_char) if m.value is not None]
    if not mentions:
        return
    value = min(mentions, key=lambda m: abs(m.start - lead.root.idx)).value
    for d in drafts:
        if d.date is None and d.status == "held" and d.primary and set(subjects) <= set(d.participants):
            d.date = value


def _lead_sentence(ctx: ArticleContext) -> Span | None:
    """The first sentence of the body: after a headline line, if there is one."""
    from etl.read import headline_span

    head = headline_span(ctx.text)
    start = head[1] if head else 0
    for sent in ctx.sentences()[:4]:
        if sent.start_char >= start and not ctx.in_caption(sent.start_char) and len(sent) > 6:
            return sent
    return None


def _subject_is_they(trig: Token) -> bool:
    """"... when they held talks in Lima": the people of the meeting just reported."""
    verb = trig if trig.pos_ == "VERB" else trig.head
    return any(c.dep_ == "nsubj" and c.lower_ == "they" for c in verb.children)


def _anaphoric(trig: Token) -> bool:
    """"the talks", "their meeting", "the call": a meeting already reported."""
    return trig.pos_ == "NOUN" and any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "their", "that", "this") for c in trig.children)


def _again(earlier: MeetingDraft, sent: Span, ctx: ArticleContext) -> MeetingDraft:
    """One more report of an earlier meeting: its sentence becomes evidence and adds topics."""
    evidence = TextSpan(sent.start_char, sent.end_char, sent.text)
    topics = ctx.issues_in(sent.start_char, sent.end_char)
    return MeetingDraft(list(earlier.participants), earlier.mode, earlier.status, earlier.date, earlier.place, evidence, sent, topics, earlier.primary)


def _without_redundant_countries(parts: list[str], index: ActorIndex) -> list[str]:
    """A country is not a separate participant when one of its people takes part."""
    represented = {index.actors[p].country for p in parts if index.actors[p].kind == "Person"}
    return [p for p in parts if not (index.actors[p].kind == "Country" and p in represented)]


def _drafts(trig: Token, sent: Span, parts: list[str], status: str, date: str | None, ctx: ArticleContext, several: bool) -> list[MeetingDraft]:
    mode = _mode(list(trig.subtree) + [trig.head] if several else list(sent), ctx)
    if trig.lemma_.lower() == "call" and any(c.lower_ == "courtesy" for c in trig.children):
        mode = "in-person"
    place = _place(sent, trig, ctx)
    evidence = TextSpan(sent.start_char, sent.end_char, sent.text)
    topics = ctx.issues_in(sent.start_char, sent.end_char)
    primary = status == "held" and not _past_marked(trig) and not _older_than_anchor(date, ctx)
    separate = any(t.lower_ in _SEPARATE for t in sent) and len(parts) >= 3
    partners = _with_objects(trig, ctx.index) if separate else []
    hosts = [p for p in parts if p not in partners]
    if separate and partners and hosts:
        return [MeetingDraft([*hosts, other], mode, status, date, place, evidence, sent, list(topics), primary) for other in partners]
    return [MeetingDraft(parts, mode, status, date, place, evidence, sent, list(topics), primary)]


def _past_marked(trigger: Token) -> bool:
    """Mentioned in passing as an earlier meeting: "last held talks", "since X hosted a
    summit", "followed a call between ..."."""
    words = {t.lower_ for t in trigger.subtree}
    heads = [trigger, trigger.head] if trigger.dep_ in ("dobj", "pobj", "conj", "xcomp") else [trigger]
    for head in heads:
        words.add(head.lower_)
        words.update(c.lower_ for c in head.children if c.dep_ in ("advmod", "npadvmod", "mark", "amod"))
    return bool(words & _PAST_MARKERS)


def _older_than_anchor(date: str | None, ctx: ArticleContext) -> bool:
    if date is None or ctx.anchor is None:
        return False
    anchor = ctx.anchor.isoformat()
    return date[:7] < anchor[:7] and not anchor.startswith(date)
