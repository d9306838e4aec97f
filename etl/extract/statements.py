"""Statements: direct quotes with their speakers, and indirect statements of position.

``find_statements(ctx) -> list[StatementDraft]``. A direct quote's speaker comes from the
attribution in its sentence ("..., X said", "X said, ...", "X told Y that ...", "according
to X", "the department quoted X as saying"); a quote with no attribution that follows an
attributed one continues it ("...," he said. "..."). An indirect statement is a verb of saying
with a clause and a named actor as subject ("Miller said the three also reiterated ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from etl.extract.context import ArticleContext
from etl.extract.mentions import organization_from_entity
from etl.extract.quotes import Quote
from etl.extract.references import countries_of, refers_to
from etl.model import Span as TextSpan

_NEAR_AFTER = 12


@dataclass
class StatementDraft:
    """A statement as the text reports it; ``speaker`` is an actor key."""

    speaker: str
    quote: str
    kind: str
    evidence: TextSpan
    sentences: list[Span]
    quote_start: int
    about: list[str] = field(default_factory=list)
    date: str | None = None


def _speech_verbs(tokens: list[Token], ctx: ArticleContext) -> list[Token]:
    verbs = ctx.vocab.speech_verbs
    return [t for t in tokens if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in verbs and not ctx.in_quote(t.idx)]


def _speaker_of_verb(verb: Token, ctx: ArticleContext) -> str | None:
    """The actor a verb of saying attributes words to."""
    index = ctx.index
    if verb.lemma_.lower() == "quote":
        for c in verb.children:
            if c.dep_ == "dobj":
                keys = refers_to(c, index)
                if keys:
                    return keys[0]
    if verb.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        # "..., adding, ..." / "saying ...": the speaker of the verb of saying it goes with.
        for anc in verb.ancestors:
            if anc.lemma_.lower() in ctx.vocab.speech_verbs:
                subj = [c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subj:
                    return _actor_of_phrase(subj[0], ctx)
    v = verb
    for _ in range(3):
        subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return _actor_of_phrase(subj[0], ctx)
        if v.dep_ in ("acl", "advcl", "xcomp", "conj", "relcl") and v.head.i != v.i:
            if v.dep_ == "acl" and v.head.pos_ == "NOUN":
                v = v.head.head
            else:
                v = v.head
            continue
        break
    return None


def _actor_of_phrase(tok: Token, ctx: ArticleContext) -> str | None:
    """A subject phrase's actor: a person (name, pronoun, title), else an organization or
    country inside it ("a Japanese Foreign Ministry official", "the department")."""
    index = ctx.index
    keys = refers_to(tok, index)
    if keys:
        return keys[0]
    if tok.lower_ == "it":
        return _last_org_like(tok, ctx, any_org=True)
    if tok.lemma_.lower() in ("official", "source", "diplomat", "spokesperson", "spokesman", "spokeswoman", "government"):
        countries = countries_of(tok, index)
        orgs = [m.key for m in (index.mention_at(t.i) for t in tok.subtree) if m is not None and m.kind == "Organization"]
        if orgs or countries:
            return (orgs or countries)[0]
    for appos in (c for c in tok.children if c.dep_ == "appos"):
        keys = refers_to(appos, index)
        if keys:
            return keys[0]
    owned = {t.i for c in tok.children if c.dep_ == "poss" for t in c.subtree}
    mentions = [index.mention_at(t.i) for t in tok.subtree if t.i not in owned]
    persons = [m.key for m in mentions if m is not None and m.kind == "Person"]
    if persons:
        return persons[0]
    orgs = [m.key for m in mentions if m is not None and m.kind == "Organization"]
    if orgs:
        return orgs[0]
    if tok.lemma_.lower() in ("department", "ministry", "office") and tok.lower_ != tok.text.upper():
        return _last_org_like(tok, ctx)
    unknown = _unknown_org(tok, ctx)
    if unknown is not None:
        return unknown
    countries = [m.key for m in mentions if m is not None and m.kind == "Country"]
    return countries[0] if countries else None


def _unknown_org(tok: Token, ctx: ArticleContext) -> str | None:
    """An organization the vocabulary lacks, named as a speaker ("the Joint Chiefs of Staff
    said"): the model's ORG entity becomes an Organization actor."""
    if tok.ent_type_ != "ORG":
        return None
    ent = next((e for e in ctx.doc.ents if e.start <= tok.i < e.end), None)
    if ent is None:
        return None
    name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
    if len(name) < 3 or not name[0].isupper() or (len(ent) == 1 and not name.isupper()):
        return None
    return organization_from_entity(ctx.index, ent)


def _last_org_like(tok: Token, ctx: ArticleContext, any_org: bool = False) -> str | None:
    """"the department" / "the ministry" / "it": the last organization (of that kind) named before."""
    word = tok.lemma_.lower()
    for m in reversed(ctx.index.mentions):
        if m.span.start >= tok.i or m.kind != "Organization":
            continue
        if any_org or word in ctx.index.actors[m.key].name.lower() or any(word in a.lower() for a in ctx.index.actors[m.key].aliases):
            return m.key
    return None


def _according_to(tokens: list[Token], ctx: ArticleContext) -> str | None:
    for t in tokens:
        if t.lower_ == "according" and not ctx.in_quote(t.idx):
            for prep in t.children:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        return _actor_of_phrase(obj, ctx)
    return None


def _sentence_of(ctx: ArticleContext, char: int) -> Span | None:
    tok = ctx.doc.char_span(char, char + 1, alignment_mode="expand")
    return tok.sent if tok is not None else None


def _attribution(q: Quote, ctx: ArticleContext) -> str | None:
    first = _sentence_of(ctx, q.start)
    last = _sentence_of(ctx, max(q.start, q.end - 1))
    if first is None or last is None:
        return None
    after = [t for t in ctx.doc[last.start:last.end] if t.idx >= q.end + 1]
    before = [t for t in ctx.doc[first.start:first.end] if t.idx < q.start - 1]
    verbs_after = _speech_verbs(after, ctx)
    verbs_before = _speech_verbs(before, ctx)
    inner = _innermost(q, verbs_before, ctx)
    if inner is not None:
        return inner
    if verbs_after and (verbs_after[0].i - after[0].i) <= _NEAR_AFTER:
        speaker = _speaker_of_verb(verbs_after[0], ctx)
        if speaker:
            return speaker
    for verb in reversed(verbs_before):
        speaker = _speaker_of_verb(verb, ctx)
        if speaker:
            return speaker
    for verb in verbs_after:
        speaker = _speaker_of_verb(verb, ctx)
        if speaker:
            return speaker
    return _according_to(before + after, ctx)


def _innermost(q: Quote, verbs: list[Token], ctx: ArticleContext) -> str | None:
    """The speaker of the innermost verb of saying before a quote that governs it ("Kim asked
    China to play "a constructive role" ..., the ministry said" → Kim), when a single person
    is its subject."""
    quote_tok = ctx.doc.char_span(q.start, q.start + 1, alignment_mode="expand")
    if quote_tok is None:
        return None
    qi = quote_tok.start
    holding = [v for v in verbs if v.left_edge.i <= qi <= v.right_edge.i and any(t.i == qi for t in v.subtree)]
    for verb in sorted(holding, key=lambda v: len(list(v.subtree))):
        speaker = _speaker_of_verb(verb, ctx)
        if speaker is not None:
            return speaker if ctx.index.actors[speaker].kind == "Person" else None
    return None


def _clean_quote(text: str) -> str:
    return text.strip().rstrip(",").strip()


def find_statements(ctx: ArticleContext) -> list[StatementDraft]:
    """Direct and indirect statements of the article body (see the module docstring)."""
    out: list[StatementDraft] = []
    previous: StatementDraft | None = None
    previous_end = -1
    for q in ctx.quotes:
        if ctx.in_caption(q.start):
            continue
        quote = _clean_quote(q.text)
        if not quote:
            continue
        speaker = _attribution(q, ctx)
        first = _sentence_of(ctx, q.start)
        last = _sentence_of(ctx, max(q.start, q.end - 1))
        if first is None or last is None:
            continue
        if speaker is None and previous is not None and _continues(q, previous_end, first, ctx):
            speaker = previous.speaker
        if speaker is None:
            continue
        sents = [s for s in ctx.sentences() if s.start >= first.start and s.end <= last.end] or [first]
        start, end = first.start_char, last.end_char
        draft = StatementDraft(speaker, quote, "direct", TextSpan(start, end, ctx.text[start:end]), sents, q.start)
        draft.about = ctx.issues_in(start, end)
        out.append(draft)
        previous, previous_end = draft, q.end
    out.extend(_indirect(ctx))
    return out


def _continues(q: Quote, previous_end: int, sentence: Span, ctx: ArticleContext) -> bool:
    """A quote that opens its sentence right after an attributed one ("...," he said. "...")."""
    gap = ctx.text[previous_end:q.start]
    opens = ctx.text[sentence.start_char:q.start].strip() in ("", '"', "\u201c")
    return opens and len(gap) < 200 and gap.count("\n\n") <= 1


def _indirect(ctx: ArticleContext) -> list[StatementDraft]:
    """Indirect statements: a verb of saying with a clause ("Miller said the three ..."), a
    verb of position with its object ("The Secretary underscored the commitment ...", "urged
    China to ..."), or a sentence reported "according to" an actor."""
    out: list[StatementDraft] = []
    position = ctx.vocab.position_verbs
    for sent in ctx.sentences():
        if ctx.in_caption(sent.start_char):
            continue
        found_here: list[StatementDraft] = []
        for verb in sent:
            if verb.pos_ != "VERB" or ctx.in_quote(verb.idx):
                continue
            lemma = verb.lemma_.lower()
            words = None
            if lemma in ctx.vocab.reporting_verbs:
                clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
                if clauses and not _inner_statement(clauses[0], ctx):
                    words = _content(verb, clauses[0], ctx)
            if words is None and lemma in position:
                words = _object_words(verb, ctx)
            if words is None or _reported_by_another(verb, ctx) or _joint_subject(verb, ctx):
                continue
            speaker = _speaker_of_verb(verb, ctx)
            if speaker is None or any(d.quote_start == words.start_char for d in found_here):
                continue
            draft = _draft(speaker, words, sent, ctx)
            if draft is not None:
                found_here.append(draft)
        if not found_here and not any(q.start < sent.end_char and q.end > sent.start_char for q in ctx.quotes):
            according = _according_clause(sent, ctx)
            if according is not None:
                found_here.append(according)
        out.extend(found_here)
    return out


def _reported_by_another(verb: Token, ctx: ArticleContext) -> bool:
    """A verb inside a clause that another verb of saying reports ("They condemned ..., the
    ministry said"): the outer speaker states it, unless one named person is the inner
    verb's subject ("Ellison reaffirmed ..., the ministry said" is Ellison's)."""
    if _single_person_subject(verb, ctx):
        return False
    for anc in verb.ancestors:
        if anc.lemma_.lower() in ctx.vocab.reporting_verbs and anc.pos_ == "VERB":
            return True
    return False


def _single_person_subject(verb: Token, ctx: ArticleContext) -> bool:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return False
    keys = refers_to(subjects[0], ctx.index)
    return len(keys) == 1 and ctx.index.actors[keys[0]].kind == "Person"


def _inner_statement(clause: Token, ctx: ArticleContext) -> bool:
    """The reported clause is itself a single person's statement (see above)."""
    lemmas = ctx.vocab.position_verbs | ctx.vocab.reporting_verbs
    return any(t.pos_ == "VERB" and t.lemma_.lower() in lemmas and _single_person_subject(t, ctx) for t in clause.subtree)


def _joint_subject(verb: Token, ctx: ArticleContext) -> bool:
    """"Japan and the United States pledged ...": a joint position, not one speaker's."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and len(refers_to(subjects[0], ctx.index)) > 1


def _content(verb: Token, clause: Token, ctx: ArticleContext) -> Span | None:
    """The words of a reported clause, without "that" and a trailing attribution."""
    left, right = clause.left_edge, clause.right_edge
    if left.lower_ == "that":
        left = ctx.doc[left.i + 1]
    words = ctx.doc[left.i:right.i + 1]
    if len(words) < 4 or any(ctx.in_quote(t.idx) for t in words):
        return None
    return words


def _object_words(verb: Token, ctx: ArticleContext) -> Span | None:
    """What a verb of position states: its object with any infinitive ("urged Pyongyang to
    stop ..."), skipping an addressee ("stressed to Biegun the need ...")."""
    parts = [c for c in verb.children if c.dep_ in ("dobj", "xcomp", "ccomp", "oprd") or (c.dep_ == "prep" and c.lower_ in ("for", "on", "of") and verb.lemma_.lower() in ("call", "accuse"))]
    parts = [c for c in parts if c.i > verb.i]
    if not parts or any(c.dep_ == "dobj" and c.lower_ in ("what", "which") for c in verb.children):
        return None
    left = min(p.left_edge.i for p in parts)
    right = max(p.right_edge.i for p in parts)
    if ctx.doc[left].lower_ == "that":
        left += 1
    words = ctx.doc[left:right + 1]
    while len(words) and words[-1].is_punct:
        words = ctx.doc[words.start:words.end - 1]
    if len(words) < 3 or any(ctx.in_quote(t.idx) for t in words):
        return None
    return words


def _according_clause(sent: Span, ctx: ArticleContext) -> StatementDraft | None:
    """"X did Y, according to Z": Z states the main clause."""
    for tok in sent:
        if tok.lower_ != "according":
            continue
        speaker = _according_to([tok], ctx)
        if speaker is None:
            return None
        phrase = {t.i for t in tok.subtree}
        words = [t for t in sent if t.i not in phrase and not t.is_space]
        while words and (words[-1].is_punct or words[-1].lower_ in (",",)):
            words.pop()
        if len(words) < 5:
            return None
        span = ctx.doc[words[0].i:words[-1].i + 1]
        if span.end > tok.i:
            span = ctx.doc[words[0].i:tok.i]
            while len(span) and span[-1].is_punct:
                span = ctx.doc[span.start:span.end - 1]
        return _draft(speaker, span, sent, ctx)
    return None


_DATELINE_PREFIX = re.compile(r"^[A-Z][A-Z .'-]{2,30},?\s*(?:[A-Z][a-z]{2,4}\.? \d{1,2}\s*)?(?:\([^)]{1,40}\)\s*)?(?:--|—|–|-)\s*")


def _draft(speaker: str, words: Span, sent: Span, ctx: ArticleContext) -> StatementDraft | None:
    quote = _DATELINE_PREFIX.sub("", words.text.strip()).rstrip(",.").strip()
    if not quote:
        return None
    start, end = sent.start_char, sent.end_char
    draft = StatementDraft(speaker, quote, "indirect", TextSpan(start, end, ctx.text[start:end]), [sent], words.start_char)
    draft.about = ctx.issues_in(start, end)
    return draft
