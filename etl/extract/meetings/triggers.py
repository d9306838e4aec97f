"""Meeting words ("met", "talks", "phone call", "visit") and what they say of the meeting:
its mode (in person, phone, video) and status (held, planned, or neither)."""

from __future__ import annotations

from spacy.tokens import Token

from etl.extract.context import ArticleContext

_FUTURE_AUX = {"will", "shall", "'ll", "’ll"}


_HYPOTHETICAL = {"could", "would", "might", "may", "possible", "possibility", "potential", "unless", "if"}


_CALL_OK_HEADS = {"during", "in", "on", "by", "over", "after", "before"}


def is_trigger(tok: Token, ctx: ArticleContext) -> bool:
    """A word that reports a meeting: "met", "talks", "summit", "phone call", "visit"."""
    triggers = ctx.vocab.meeting_triggers
    lemma = tok.lemma_.lower()
    if ctx.in_quote(tok.idx):
        return False
    if tok.pos_ in ("NOUN", "PROPN") and (lemma in triggers["event_noun"] or tok.lower_ in triggers["event_noun"]):
        if lemma == "call":
            return any(c.lower_ == "courtesy" for c in tok.children) or is_phone_call(tok, ctx)
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


def is_phone_call(tok: Token, ctx: ArticleContext) -> bool:
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


def mode_of(tokens: list[Token], ctx: ArticleContext) -> str:
    cues = ctx.vocab.meeting_triggers
    lemmas = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
    if lemmas & cues["video_cue"]:
        return "video"
    if lemmas & (cues["phone_cue"] - {"call"}) or any(t.lemma_.lower() == "call" and is_phone_call(t, ctx) for t in tokens):
        return "phone"
    return "in-person"


def status_of(tok: Token, ctx: ArticleContext) -> str | None:
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


def _via_xcomp(tok: Token, ancestor: Token) -> bool:
    """The trigger hangs under an infinitive of the ancestor: "agreed to hold a summit",
    "is expected to meet", "plans to visit", "is scheduled to pay a courtesy call"."""
    t = tok
    while t.i != ancestor.i and t.head.i != t.i:
        if t.dep_ == "xcomp" or (t.dep_ in ("ccomp", "advcl") and any(c.lower_ in ("will", "would") for c in t.children)):
            return True
        t = t.head
    return False
