"""Indirect statements: one named actor, a verb of saying and the reported words, without
quotation marks.

- a verb of saying with a clause ("Miller said the three also reiterated ...", "She made clear
  that ..."; etl/data/reporting_verbs.txt), also the clause the parser hung on the document
  ("said in a statement that ..."), up to a clause of contrast ("..., while Y said ...");
- a verb of saying with an object ("The Secretary stressed the ironclad commitment ...",
  "expressed his candid views on ..."; etl/data/position_verbs.txt),
  also as a participle ("Reiterating the importance of ..., the Prime Minister said ...");
- a sentence reported "according to" an actor.

Not statements: joint acts ("Both leaders condemned ...", "Japan and the United States
pledged ..."), verbs the annotation conventions do not count (welcomed, discussed, raised,
urged, condemned), unnamed speakers, and words a quotation already carries (the direct quote
is the statement).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from etl.extract.context import ArticleContext
from etl.extract.quotes import inside
from etl.extract.references import refers_to
from etl.extract.statements.direct import has_verb, is_term
from etl.extract.statements.draft import StatementDraft, draft
from etl.extract.statements.speakers import DOCUMENTS, according_to, speaker_of_verb, subjects, unnamed
from etl.read import headline_span

_DATELINE_PREFIX = re.compile(r"^[A-Z][A-Z .'-]{2,30},?\s*(?:[A-Z][a-z]{2,4}\.? \d{1,2}\s*)?(?:\([^)]{1,40}\)\s*)?(?:--|—|–|-)\s*")
_ABOUT_PREPOSITIONS = {"to", "for", "on", "about", "over", "regarding", "toward", "towards", "against", "with"}
_REFUSALS = {"decline", "refuse", "fail", "avoid"}
# verbs whose infinitive is only asked for, wanted or intended ("asked to convey the gratitude
# of our people to X", "wants to express ..."): no words are reported as said
_UNREALIZED = {"ask", "request", "want", "wish", "hope", "plan", "intend", "seek", "try", "expect"}
_QUESTION_WORDS = {"whether", "if", "what", "when", "where", "who", "why", "how", "which"}
_JOINT_WORDS = {"both", "two", "three", "they", "all", "together", "jointly"}


def find_indirect(ctx: ArticleContext) -> list[StatementDraft]:
    """The indirect statements of the article body, sentence by sentence."""
    out: list[StatementDraft] = []
    head = headline_span(ctx.text)
    for sent in ctx.sentences():
        if ctx.in_caption(sent.start_char) or (head and sent.start_char < head[1]):
            continue
        found: list[StatementDraft] = []
        for verb in sent:
            words = _reported_words(verb, ctx)
            if words is None or _reported_by_another(verb, ctx) or _joint_subject(verb, ctx):
                continue
            if _unnamed_speaker(verb, ctx):
                continue
            speaker = speaker_of_verb(verb, ctx)
            if speaker is None or any(d.quote_start == words.start_char for d in found):
                continue
            d = _draft(speaker, words, sent, ctx)
            if d is not None:
                d.carried = carried_quotes(verb, ctx)
                found.append(d)
        if not found and not any(q.start < sent.end_char and q.end > sent.start_char for q in ctx.quotes):
            according = _according_clause(sent, ctx)
            if according is not None:
                found.append(according)
        body = according_to(list(sent), ctx, named_only=True)
        if body is not None and ctx.index.actors[body].kind != "Person":
            # "Liang told X that ..., according to a Chinese Foreign Ministry readout": the
            # organization's statement (CONVENTIONS 5.3)
            for d in found:
                d.speaker = body
        out.extend(d for d in found if not _nested(d, found))
    return out


def carried_quotes(verb: Token, ctx: ArticleContext) -> tuple[int, ...]:
    """The quotations the clause of a verb of saying holds as its own ("reiterated his
    congratulations to X, wishing him “success ...”", "said he had reaffirmed ..., “because
    ...”"): the start of each quotation whose first word hangs under the verb with no other
    verb of saying between them ("..., adding, “...”" is a second act of saying)."""
    said = ctx.vocab.speech_verbs | ctx.vocab.reporting_verbs | ctx.vocab.position_verbs
    out = []
    for q in ctx.quotes:
        if not verb.sent.start_char <= q.start < verb.sent.end_char:
            continue
        tok = ctx.doc.char_span(q.start, q.start + 1, alignment_mode="expand")
        if tok is None:
            continue
        t = tok[0]
        while t.i != verb.i and t.head.i != t.i:
            t = t.head
            if t.i != verb.i and t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in said:
                break
        if t.i == verb.i:
            out.append(q.start)
    return tuple(out)


def _nested(d: StatementDraft, others: list[StatementDraft]) -> bool:
    """Words reported inside another statement's words ("stressed the sanctions that it said
    were harming ...") belong to that statement."""
    return any(o is not d and o.quote_start <= d.quote_start and d.quote_end <= o.quote_end
               and (o.quote_start, o.quote_end) != (d.quote_start, d.quote_end) for o in others)


def reports_clause(verb: Token, ctx: ArticleContext) -> bool:
    """A verb of saying that takes a clause ("said", "made clear")."""
    lemma = verb.lemma_.lower()
    verbs = ctx.vocab.reporting_verbs
    return lemma in verbs or any(f"{lemma} {c.lower_}" in verbs for c in verb.children)


def _reported_words(verb: Token, ctx: ArticleContext) -> Span | None:
    if verb.pos_ != "VERB" or ctx.in_quote(verb.idx) or _not_said(verb):
        return None
    words = None
    if reports_clause(verb, ctx):
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and not _attribution_clause(c, ctx)] or _document_clause(verb)
        contrast = {t.i for c in clauses for a in c.children if _contrast(a) for t in a.subtree}
        if clauses and not any(_inner_statement(c, ctx, contrast) for c in clauses):
            words = _content(clauses, ctx, contrast)
    if words is None and verb.lemma_.lower() in ctx.vocab.position_verbs:
        words = _object_words(verb, ctx)
    return words


def _attribution_clause(clause: Token, ctx: ArticleContext) -> bool:
    """"Aurescu emphasized the interest of the EU ..., the quoted source mentioned": a clause
    after a comma that is only a verb of saying and its subject, which the parser hung on the
    verb as its complement, attributes the sentence; it is not the reported words."""
    if clause.lemma_.lower() not in ctx.vocab.speech_verbs or clause.i < clause.head.i:
        return False
    if any(c.dep_ in ("ccomp", "xcomp", "dobj", "parataxis") for c in clause.children):
        return False
    before = clause.doc[clause.left_edge.i - 1] if clause.left_edge.i > 0 else None
    return clause.left_edge.is_punct or (before is not None and before.text == ",")


def _said(tok: Token, ctx: ArticleContext) -> bool:
    """A token inside quoted words someone says (the direct statement carries them), not
    inside a name or term in marks ("toward the realization of a “Free and Open
    Indo-Pacific”"), which reported words may hold."""
    q = inside(ctx.quotes, tok.idx)
    return q is not None and not is_term(q, ctx.text, ctx.vocab.quote_term_markers, has_verb(q, ctx))


def _document_clause(verb: Token) -> list[Token]:
    """"The ministry said in a written statement that X ...": the clause the parser hung on
    the document ("a statement that ...") is what the verb reports."""
    return [c for p in verb.children if p.dep_ == "prep" and p.lower_ == "in"
            for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in DOCUMENTS
            for c in o.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX") and c.i > o.i
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]


def _contrast(tok: Token) -> bool:
    """"..., while Kerry said he appreciated ...": a clause of contrast after the reported
    words, someone else's act or words, not part of them."""
    return tok.dep_ == "advcl" and tok.i > tok.head.i and any(m.dep_ == "mark" and m.lower_ in ("while", "whereas") for m in tok.children)


def _unnamed_speaker(verb: Token, ctx: ArticleContext) -> bool:
    """"A ministry spokesman said ...", "Diplomats said ...", "Indian officials said ...": words
    without quotation marks are a statement only of a named actor (CONVENTIONS 5.2)."""
    subj = _own_subjects(verb)
    if not subj and _participle_of(verb, ctx):
        subj = _own_subjects(verb.head)
    return bool(subj) and unnamed(subj[0], ctx)


def _not_said(verb: Token) -> bool:
    """"did not say", "declined to say whether ...": no words are reported."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    if verb.dep_ == "xcomp" and (verb.head.lemma_.lower() in _REFUSALS or any(c.dep_ == "neg" for c in verb.head.children)):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _UNREALIZED and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return True  # "X asked to convey his thanks to Y": asked of someone, not said
    return False


def _participle_of(verb: Token, ctx: ArticleContext) -> bool:
    """"Reiterating ..., the Prime Minister said ...": a participle with no subject of its own
    that goes with a verb of saying says what that verb's speaker says."""
    return verb.tag_ == "VBG" and not subjects(verb) and verb.dep_ in ("advcl", "xcomp", "conj") and reports_clause(verb.head, ctx)


def _reported_by_another(verb: Token, ctx: ArticleContext) -> bool:
    """A verb inside a clause that another verb of saying reports ("They condemned ..., the
    ministry said"): the outer speaker states it, unless one named person is the inner
    verb's subject ("Ellison reaffirmed ..., the ministry said" is Ellison's)."""
    if _single_person_subject(verb, ctx) or _participle_of(verb, ctx):
        return False
    v = verb
    while v.head.i != v.i:
        if v.dep_ in ("ccomp", "parataxis") and v.head.pos_ == "VERB" and reports_clause(v.head, ctx):
            return True
        v = v.head
    return False


def _own_subjects(verb: Token) -> list[Token]:
    """A verb's subjects, or those it shares as a conjunct ("X said ... and stressed ...")."""
    while not subjects(verb) and verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return subjects(verb)


def _single_person_subject(verb: Token, ctx: ArticleContext) -> bool:
    subj = _own_subjects(verb)
    if not subj:
        return False
    keys = refers_to(subj[0], ctx.index)
    return len(keys) == 1 and ctx.index.actors[keys[0]].kind == "Person"


def _inner_statement(clause: Token, ctx: ArticleContext, skip: set[int] = frozenset()) -> bool:
    """The reported clause is itself a single person's statement (see above); tokens in
    ``skip`` (a clause of contrast) are not part of it."""
    lemmas = ctx.vocab.position_verbs | ctx.vocab.reporting_verbs
    return any(t.pos_ == "VERB" and t.lemma_.lower() in lemmas and _single_person_subject(t, ctx) for t in clause.subtree if t.i not in skip)


def _joint_subject(verb: Token, ctx: ArticleContext) -> bool:
    """"Japan and the United States pledged ...", "both leaders said", "the two sides
    stressed": a joint position, not one speaker's."""
    subj = _own_subjects(verb)
    if not subj and _participle_of(verb, ctx):
        subj = subjects(verb.head)
    if not subj:
        subj = _inherited_subjects(verb)
    if not subj:
        return False
    head = subj[0]
    if any(c.dep_ == "conj" for c in head.children):
        # "Carter and Menon pledged ...", not the posts of one person ("Deputy Prime Minister
        # and Minister of Foreign Affairs X has announced ...")
        return not _one_persons_posts(head, ctx)
    if any(t.lower_ in _JOINT_WORDS for t in head.subtree) or head.tag_ in ("NNS", "NNPS") and head.lower_ not in ("officials",):
        return not _names_one_actor(head, ctx)
    return len(refers_to(head, ctx.index)) > 1


def _one_persons_posts(head: Token, ctx: ArticleContext) -> bool:
    """A subject of conjoined words that names one person only, by name and titles: the
    conjuncts are post titles, and the last one ends in that person's name."""
    named = {m.key for m in (ctx.index.mention_at(t.i) for t in head.subtree) if m is not None}
    if len(named) != 1 or ctx.index.actors[next(iter(named))].kind != "Person":
        return False
    titled = {t.i for m in ctx.index.titles for t in m.span}
    return all(c.i in titled or ctx.index.mention_at(c.i) is not None for c in [head, *head.conjuncts])


def _inherited_subjects(verb: Token) -> list[Token]:
    """The subjects a participle with none of its own takes from the clause it hangs on ("The
    two leaders discussed X, emphasizing that ...": the two leaders), the way its speaker is
    found (speakers.speaker_of_verb)."""
    if verb.tag_ != "VBG" or subjects(verb):
        return []
    v = verb
    for _ in range(3):
        if v.dep_ not in ("advcl", "xcomp", "conj") or v.head.i == v.i:
            return []
        v = v.head
        if subjects(v):
            return subjects(v)
    return []


def _names_one_actor(head: Token, ctx: ArticleContext) -> bool:
    """A plural subject that still names one actor ("U.S. officials", "the Joint Chiefs")."""
    if any(t.lower_ in _JOINT_WORDS for t in head.subtree):
        return False
    if head.lemma_.lower() in ("official", "source", "diplomat", "chief"):
        return True
    m = ctx.index.mention_at(head.i)
    if head.pos_ == "PROPN" and m is not None and m.kind == "Person" and m.via != "title":
        return True  # "Mr. Guterres" tagged as a plural: a name, one person
    keys = refers_to(head, ctx.index)
    return len(keys) == 1 and ctx.index.actors[keys[0]].kind != "Person"


def _content(clauses: list[Token], ctx: ArticleContext, skip: set[int] = frozenset()) -> Span | None:
    """The words of a reported clause (its parts, when the parser split it), without "that",
    and up to a clause of contrast (``skip``)."""
    left = min((c.left_edge for c in clauses), key=lambda t: t.i)
    right = max((c.right_edge for c in clauses), key=lambda t: t.i)
    if skip and min(skip) > left.i:
        right = ctx.doc[min(min(skip), right.i + 1) - 1]
        while right.i > left.i and right.is_punct:
            right = ctx.doc[right.i - 1]
    if left.lower_ in _QUESTION_WORDS:
        return None  # "said whether ...": a question, not a position
    if left.lower_ == "that":
        left = ctx.doc[left.i + 1]
    according = next((t.i for t in ctx.doc[left.i:right.i + 1] if t.lower_ == "according"), None)
    if according is not None:  # "..., according to the ministry": the source, not the words
        right = ctx.doc[according - 1]
        while right.i > left.i and right.is_punct:
            right = ctx.doc[right.i - 1]
    words = _before_quoted_addition(ctx.doc[left.i:right.i + 1], ctx)
    if words is None or len(words) < 4 or any(_said(t, ctx) for t in words):
        return None
    return words


def _before_quoted_addition(words: Span, ctx: ArticleContext) -> Span | None:
    """Reported words that end in a quoted addition ("... at sea, adding, "..."") stop before
    it; words that run into a quotation are that quotation's (the direct statement)."""
    quoted = [t for t in words if _said(t, ctx)]
    if not quoted:
        return words
    for t in words:
        if t.tag_ == "VBG" and t.lemma_.lower() in ctx.vocab.speech_verbs and t.i < quoted[0].i and all(q.i in {x.i for x in t.subtree} for q in quoted):
            end = t.i
            while end > words.start and (ctx.doc[end - 1].is_punct or ctx.doc[end - 1].lower_ == "and"):
                end -= 1
            return ctx.doc[words.start:end]
    return None


def _object_words(verb: Token, ctx: ArticleContext) -> Span | None:
    """What a verb of position states: its object with any infinitive ("pledged to
    stop ..."), skipping an addressee ("stressed to Biegun the need ...")."""
    parts = [c for c in verb.children if c.dep_ in ("dobj", "xcomp", "ccomp", "oprd")]
    parts = [c for c in parts if c.i > verb.i]
    if not parts:
        return _after_addressee(verb, ctx)
    if any(c.dep_ == "dobj" and c.lower_ in ("what", "which") for c in verb.children):
        return None
    left = min(p.left_edge.i for p in parts)
    right = max(p.right_edge.i for p in parts)
    # "expressed his sympathies to the people ... for the damages ...": what the object is about.
    for c in verb.children:
        if c.dep_ in ("prep", "dative") and c.i > right and c.lower_ in _ABOUT_PREPOSITIONS:
            right = max(right, c.right_edge.i)
    if verb.i == verb.sent.start and verb.tag_ == "VBG":
        # "Reiterating the importance of X, the Prime Minister said ...": up to the comma.
        comma = next((t.i for t in ctx.doc[right + 1:verb.head.i] if t.text == ","), None)
        if comma is not None:
            right = comma - 1
    if ctx.doc[left].lower_ == "that":
        left += 1
    words = ctx.doc[left:right + 1]
    while len(words) and words[-1].is_punct:
        words = ctx.doc[words.start:words.end - 1]
    if len(words) < 2 or any(_said(t, ctx) for t in words):
        return None
    return words


def _after_addressee(verb: Token, ctx: ArticleContext) -> Span | None:
    """"stressed to his counterpart, Minister X, the importance of ...", where the parser hung
    the object under the addressee: the words after the person it is said to."""
    to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" and c.i > verb.i), None)
    if to is None:
        return None
    people = [m for m in ctx.index.mentions_in(to.i, to.right_edge.i + 1) if m.kind == "Person"]
    if not people:
        return None
    start = people[0].span.end
    while start <= to.right_edge.i and ctx.doc[start].is_punct:
        start += 1
    end = to.right_edge.i + 1
    while end > start and ctx.doc[end - 1].is_punct:
        end -= 1
    words = ctx.doc[start:end]
    if len(words) < 3 or words[0].pos_ not in ("DET", "PRON", "NOUN", "PROPN", "ADJ") or any(_said(t, ctx) for t in words):
        return None
    return words


def _according_clause(sent: Span, ctx: ArticleContext) -> StatementDraft | None:
    """"X did Y, according to Z": Z states the main clause."""
    for tok in sent:
        if tok.lower_ != "according":
            continue
        speaker = according_to([tok], ctx)
        if speaker is None or any(unnamed(o, ctx) for p in tok.children for o in p.children if o.dep_ == "pobj"):
            return None
        phrase = [t.i for t in tok.subtree]
        before = _trimmed([t for t in sent if t.i < phrase[0]])
        after = _trimmed([t for t in sent if t.i > phrase[-1]])
        words = max(before, after, key=len)
        if len(words) < 5:
            return None
        return _draft(speaker, ctx.doc[words[0].i:words[-1].i + 1], sent, ctx)
    return None


def _trimmed(tokens: list[Token]) -> list[Token]:
    """Tokens without leading or trailing punctuation and space."""
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    return tokens


def _draft(speaker: str, words: Span, sent: Span, ctx: ArticleContext) -> StatementDraft | None:
    quote = _DATELINE_PREFIX.sub("", words.text.strip()).rstrip(",.").strip()
    if not quote:
        return None
    return draft(ctx, speaker, quote, "indirect", (sent.start_char, sent.end_char), (words.start_char, words.end_char))
