"""Meetings: talks, calls, summits and visits, with participants, mode, status, date, place.

``find_meetings(ctx) -> list[MeetingDraft]``: one draft per meeting expression (a trigger
word with its arguments), then :func:`merge_meetings` makes one meeting of drafts with the
same participants, mode and date (e.g. a photo caption and the body reporting the same talks).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from etl.extract.actors import ActorIndex
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
            return _is_phone_call(tok, ctx)
        if lemma == "visit":
            return True
        if lemma == "conversation":
            return any(c.lemma_.lower() in triggers["phone_cue"] | triggers["video_cue"] for c in tok.children)
        return True
    if tok.pos_ == "VERB" and lemma in triggers["event_verb"]:
        if lemma == "host" and not any(c.lemma_.lower() in ("talk", "meeting", "summit", "talks") for c in tok.children):
            return False
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
    for t in chain[:3]:
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX for c in t.children):
            return "planned"
        if t.lemma_.lower() in ctx.vocab.planned_cues and t.i != tok.i and tok.dep_ in ("xcomp", "dobj", "pobj", "ccomp", "advcl"):
            if t.lemma_.lower() == "agree" and tok.dep_ != "xcomp":
                continue
            return "planned"
        if any(c.lower_ in ("upcoming", "planned", "next", "proposed") for c in t.children if c.dep_ in ("amod", "advmod")):
            return "planned"
        if t.dep_ == "ROOT":
            break
    return "held"


def _explicit_participants(tok: Token, index: ActorIndex) -> list[str] | None:
    """Participants named by the trigger's own arguments: "a summit between A and B",
    "talks with A", "met with A" (with the subject)."""
    found: list[str] = []
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("between", "with", "among"):
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    found.extend(refers_to(obj, index))
    if tok.pos_ in ("NOUN", "PROPN") and not found:
        for owner in (c for c in tok.children if c.dep_ == "poss"):
            found.extend(refers_to(owner, index))
        return list(dict.fromkeys(found)) if len(found) >= 2 else None
    if not found:
        return None
    if tok.pos_ == "VERB" or any(p.lower_ == "with" for p in tok.children):
        subj = _subject_of(tok, index)
        found = subj + found
    return list(dict.fromkeys(found))


def _with_objects(tok: Token, index: ActorIndex) -> list[str]:
    out: list[str] = []
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "with":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    out.extend(refers_to(obj, index))
    return out


def _subject_of(tok: Token, index: ActorIndex) -> list[str]:
    verb = tok
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return refers_to(subjects[0], index)
        if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acl", "relcl") and verb.head is not verb:
            verb = verb.head
            continue
        break
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


def _sentence_participants(sent: Span, index: ActorIndex, ctx: ArticleContext) -> list[str]:
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
            found.extend(k for k in resolve_role_noun(tok, index, set(found)) if index.actors[k].kind == "Person")
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


def _date(sent: Span, trigger: Token, ctx: ArticleContext, future: bool) -> str | None:
    mentions = [m for m in ctx.dates_in(sent.start_char, sent.end_char, future) if m.value is not None]
    if not mentions:
        return None
    return min(mentions, key=lambda m: abs(m.start - trigger.idx)).value


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
        if prep.lower_ == "at" and ent.label_ == "GPE" and ctx.index.mention_at(ent.start) is not None:
            continue
        near = _reaches(prep, allowed) or trigger.left_edge.i <= prep.i <= trigger.right_edge.i
        if not near and not ctx.in_caption(sent.start_char):
            continue
        distance = abs(ent.start - trigger.i) + (5 if ent.label_ == "FAC" else 0)
        place = ctx.place_for(ent)
        if place is not None and (best is None or distance < best[0]):
            best = (distance, place)
    return best[1] if best else None


def _reaches(tok: Token, allowed: set[int]) -> bool:
    t = tok
    for _ in range(4):
        if t.head.i in allowed:
            return True
        if t.head is t:
            return False
        t = t.head
    return False


def find_meetings(ctx: ArticleContext) -> list[MeetingDraft]:
    """Every meeting expression of the article body (captions included)."""
    index = ctx.index
    drafts: list[MeetingDraft] = []
    for sent in ctx.sentences():
        triggers = [t for t in sent if is_trigger(t, ctx)]
        if not triggers:
            continue
        explicit = [(t, _explicit_participants(t, index)) for t in triggers]
        explicit = [(t, p) for t, p in explicit if p]
        groups: list[tuple[Token, list[str]]]
        if explicit and len(explicit) >= 1 and len({tuple(p) for _, p in explicit}) > 1:
            groups = [(t, p) for t, p in explicit]
        else:
            trig = triggers[0]
            parts = _sentence_participants(sent, index, ctx)
            if explicit:
                parts = list(dict.fromkeys(explicit[0][1] + [p for p in parts if p not in explicit[0][1]])) if len(explicit[0][1]) < 2 else explicit[0][1]
                trig = explicit[0][0]
            groups = [(trig, parts)]
        for trig, parts in groups:
            status = _status(trig, ctx)
            if status is None:
                continue
            parts = [p for p in parts if p in index.actors]
            needed = 1 if status == "planned" else 2
            if len(parts) < needed:
                continue
            tokens = list(trig.subtree) if len(groups) > 1 else list(sent)
            mode = _mode(tokens, ctx)
            date = _date(sent, trig, ctx, future=status == "planned")
            separate = any(t.lower_ in _SEPARATE for t in sent) and len(parts) >= 3
            place = _place(sent, trig, ctx)
            evidence = TextSpan(sent.start_char, sent.end_char, sent.text)
            topics = ctx.issues_in(sent.start_char, sent.end_char)
            primary = status == "held" and not _past_marked(trig) and not _older_than_anchor(date, ctx)
            partners = _with_objects(trig, index) if separate else []
            hosts = [p for p in parts if p not in partners]
            if separate and partners and hosts:
                for other in partners:
                    drafts.append(MeetingDraft([*hosts, other], mode, status, date, place, evidence, sent, list(topics), primary))
            else:
                drafts.append(MeetingDraft(parts, mode, status, date, place, evidence, sent, list(topics), primary))
    return drafts


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
