"""Direct statements: quoted words with their speakers.

The speaker comes from the attribution in the quote's sentence ("..., X said", "X said, ...",
"X told Y that ...", "according to X", "the department quoted X as saying"); else from the
sentence before, when it introduces the quote ("X said:", "X told reporters.") or the
sentence after, when it only attributes ("X said in a statement.", "X made the remarks at
..."); else the quote continues the statement just before it ("...," he said. "..."; the
next paragraph of a multi-paragraph quotation; a readout's quoted passage with no verb of
saying of its own, also after one paragraph that only tells of the last speaker).

A joint statement ("X and Y issued the following joint statement:", "they released this
joint statement:", "the two leaders praised their "steady" ties") is the first-named
speaker's: a statement has one speaker, the others are its alternates (CONVENTIONS 5.3).

Names and terms in quotation marks are not statements: Title Case phrases ("Free and Open
Indo-Pacific"), quotes after a naming word (etl/data/quote_term_markers.txt: "so-called",
"known as", ...) and quoted words that only modify a noun someone else owns ("Y's "bold"
initiative").
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from etl.extract.context import ArticleContext
from etl.extract.references import possessor, refers_to
from etl.extract.quotes import CLOSING_MARKS, OPENING_MARKS, Quote
from etl.extract.statements.draft import StatementDraft, clean_quote, draft, sentence_of
from etl.extract.statements.labels import person_named_by
from etl.extract.statements.speakers import DOCUMENTS, according_to, actor_of_phrase, author_of_document, hypothetical, organization_attribution, speaker_of_verb, subjects
from etl.read import headline_span

_NEAR_AFTER = 12
_MAX_TERM_WORDS = 12
_MAX_CODE_CHARS = 12
_CONTINUES_WORDS = 6
_FUNCTION_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with", "'s", "\u2019s"}
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
# A one-word quote after these words names something: "called a "satellite"".
_NAMING = {"call", "calls", "called", "calling", "dub", "dubbed", "dubs", "name", "named", "term", "termed", "label", "labelled", "labeled", "brand", "branded"}
_DASHES = ("-", "\u2013", "\u2014")
_PRESS = {"reporter", "journalist", "press", "media", "correspondent", "newsman"}
# "X made the remarks at a news conference": a sentence that only attributes words.
_REMARK_NOUNS = {"remark", "comment", "statement", "speech", "point"}
_DEMONSTRATIVES = {"this", "that", "these", "those"}
_WORDS_NOUNS = _REMARK_NOUNS | {"word", "message", "verdict", "assessment"}


def find_direct(ctx: ArticleContext) -> list[StatementDraft]:
    """The direct statements of the article body, in order (see the module docstring)."""
    markers = ctx.vocab.quote_term_markers
    head = headline_span(ctx.text)
    out: list[StatementDraft] = []
    previous: tuple[StatementDraft, Quote] | None = None
    waiting: list[tuple[Quote, str, Span, Span]] = []  # open paragraphs of a quotation not yet attributed
    for q in ctx.quotes:
        if head and q.start < head[1] and not ctx.in_caption(q.start):
            d = _headline_statement(q, head, ctx)
            if d is not None:
                out.append(d)
            continue
        if ctx.in_caption(q.start):
            continue
        quote = clean_quote(q.text)
        first, last = sentence_of(ctx, q.start), sentence_of(ctx, max(q.start, q.end - 1))
        term = is_term(q, ctx.text, markers, _has_verb(q, ctx)) and not _interrupted(q, ctx)
        if not quote or first is None or last is None or term or _subheading(q, ctx):
            waiting = []
            continue
        found = _attributed(q, first, last, ctx)
        if previous is not None and _continued_by_pronoun(q, last, ctx) and ctx.index.actors[previous[0].speaker].kind == "Person":
            # "“...,” he continued.": the speaker who goes on is the one quoted last
            found = previous[0].speaker, (first.start_char, last.end_char)
        if found is None and previous is not None and (_continues(q, previous, first, ctx) or _it_after_body(q, previous, first, last, ctx)):
            found = previous[0].speaker, (first.start_char, last.end_char)
        if found is None:
            found = _document_named_before(q, first, last, ctx)
        if found is None:
            doer = _doer_of_quoted_words(q, ctx)
            found = (doer, (first.start_char, last.end_char)) if doer is not None else None
        chained = bool(waiting) and ctx.text[waiting[-1][0].end:q.start].strip() in ("", *OPENING_MARKS)
        if found is None:
            waiting = (waiting if chained else []) + [(q, quote, first, last)] if q.open_ended else []
            continue
        speaker, evidence = found
        if _possessors_term(q, speaker, ctx):
            waiting = []
            continue
        if chained:
            # "“Met with X to affirm ...\n\n“Ukraine plans to ...,” he tweeted": the earlier
            # paragraphs of a multi-paragraph quotation are the speaker's of its last one
            for wq, wquote, wfirst, wlast in waiting:
                out.append(draft(ctx, speaker, wquote, "direct", (wfirst.start_char, evidence[1]), (wq.start, wq.end)))
        waiting = []
        d = draft(ctx, speaker, quote, "direct", evidence, (q.start, q.end))
        out.append(d)
        previous = d, q
    return out


_BYLINE_DASH = re.compile(r"^\s*[\u2013\u2014-]\s*")


def _headline_statement(q: Quote, head: tuple[int, int], ctx: ArticleContext) -> StatementDraft | None:
    """Quoted words of the headline that the headline itself attributes as a press release
    does: "“We will continue to work with ...” – Minister X" (the quote, a dash, the speaker to
    the end of the line). A name or term in marks and words the body quotes too (the body's
    statement is the one) are not; other headline quotes are the body's echoes or nobody's
    (see ``headline_echoes``)."""
    quote = clean_quote(q.text)
    if not quote or is_term(q, ctx.text, ctx.vocab.quote_term_markers, _has_verb(q, ctx)):
        return None
    words = quote.rstrip(".").lower()
    if any(words in o.text.lower() for o in ctx.quotes if o.start >= head[1]):
        return None  # the body quotes them: its statement is the one
    rest = ctx.text[q.end + 1:head[1]] if ctx.text[q.end:q.end + 1] in CLOSING_MARKS else ctx.text[q.end:head[1]]
    dash = _BYLINE_DASH.match(rest)
    if dash is not None and q.words >= _DOER_MIN_WORDS:
        start = head[1] - len(rest) + dash.end()
        speaker = person_named_by(ctx, start, head[1])
        if speaker is not None:
            return draft(ctx, speaker, quote, "direct", (start, head[1]), (q.start, q.end))
        return None
    return None


def headline_echoes(ctx: ArticleContext, said: list[StatementDraft]) -> list[StatementDraft]:
    """Quoted words of the headline with no attribution there ("X speaks to Y to discuss
    'unstable' global situation") that the body's statements give as one speaker's words
    ("X told Z that the situation had grown increasingly unstable"): that speaker's, as a
    headline quotes the story it tops. Not a name or term, nor words that no body statement
    holds as they stand ("slams drills as "rehearsal for invasion"" over "an undisguised
    rehearsal for a war of invasion") or that two speakers' statements hold, nor words the body
    quotes itself (its direct statement is the record, as for ``_headline_statement``)."""
    head = ctx.headline() or headline_span(ctx.text)
    if head is None:
        return []
    markers = ctx.vocab.quote_term_markers
    out = []
    for q in ctx.quotes:
        if not head[0] <= q.start < head[1] or any(d.quote_start == q.start for d in said):
            continue
        quote = clean_quote(q.text)
        if not quote or is_term(q, ctx.text, markers, _has_verb(q, ctx)):
            continue
        words = re.compile(r"(?<!\w)" + re.escape(quote.rstrip(".").lower()) + r"(?!\w)")
        if any(o.start >= head[1] and words.search(o.text.lower()) for o in ctx.quotes):
            continue  # the body quotes them (“Anticipating fruitful talks ...”): its statement is the one
        speakers = {d.speaker for d in said if d.quote_start >= head[1] and words.search(d.quote.lower())}
        if len(speakers) == 1:
            out.append(draft(ctx, speakers.pop(), quote, "direct", (head[0], q.end), (q.start, q.end)))
    return out


def _possessors_term(q: Quote, speaker: str, ctx: ArticleContext) -> bool:
    """Quoted words that only modify a noun someone else owns ("dismissing President Y's
    "audacious" initiative"): the owner's name for his own thing, not the speaker's words."""
    span = ctx.doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if not t.is_punct]
    if not words or any(t.dep_ not in ("amod", "compound", "nmod", "advmod") for t in words):
        return False
    heads = {t.head for t in words if t.head.i not in {w.i for w in words}}
    if len(heads) != 1:
        return False
    head = heads.pop()
    owners = [k for c in head.children if c.dep_ == "poss" for k in possessor(c, ctx.index)]
    return bool(owners) and speaker not in owners


_SUBHEADING_WORDS = 6
_INTERRUPTION_CHARS = 80  # the most an attribution that splits a quotation takes ("," the ministry wrote, ")


def _interrupted(q: Quote, ctx: ArticleContext) -> bool:
    """The first part of a quotation an attribution splits: "“North Macedonia,” the ministry
    wrote, “has shown ...”": it ends with a comma, and the next quotation opens after a short
    phrase with a verb of saying, in the same sentence. Its words are said, not a name."""
    if not q.text.rstrip().endswith(","):
        return False
    nxt = next((o for o in ctx.quotes if o.start > q.end), None)
    if nxt is None or nxt.start - q.end > _INTERRUPTION_CHARS:
        return False
    gap = ctx.text[q.end:nxt.start]
    if "\n" in gap or any(c in gap for c in ".!?;"):
        return False
    span = ctx.doc.char_span(q.end, nxt.start, alignment_mode="contract")
    return span is not None and bool(_speech_verbs(list(span), ctx))


def _subheading(q: Quote, ctx: ArticleContext) -> bool:
    """A short quoted line that is its whole paragraph, without a verb or a final stop: a
    subheading ("'Solidarity and respect'"), not someone's words."""
    text = ctx.text
    start = text.rfind("\n", 0, q.start) + 1
    end = text.find("\n", q.end)
    end = len(text) if end < 0 else end
    if text[start:q.start].strip() not in ("", *OPENING_MARKS) or text[q.end:end].strip() not in ("", *CLOSING_MARKS):
        return False
    return q.words <= _SUBHEADING_WORDS and q.text.rstrip()[-1:] not in ".!?,;:" and not _has_verb(q, ctx)


def is_term(q: Quote, text: str, markers: frozenset[str], has_verb: bool = False) -> bool:
    """A name or term in quotation marks: Title Case words without a verb ("Free and Open
    Indo-Pacific", also with the stop American style puts inside the marks), a code with no
    words ("2+2"), a word after a naming verb ("called a "satellite""), or anything after a
    naming word ("the so-called "...", "known as "..."")."""
    before = text[max(0, q.start - 30):q.start - 1].lower().split()
    if before and (before[-1] in markers or " ".join(before[-2:]) in markers):
        return True
    words = _WORD.findall(q.text)
    if not words:
        return len(q.text.strip()) <= _MAX_CODE_CHARS
    if len(words) == 1 and any(w.rstrip(",") in _NAMING for w in before[-3:]):
        return True  # "a missile, which North Korea called a "satellite""
    if len(words) > _MAX_TERM_WORDS or (has_verb and q.text.rstrip()[-1:] in ".!?"):
        return False
    content = [w for w in words if w.lower() not in _FUNCTION_WORDS]
    return bool(content) and all(w[0].isupper() for w in content) and not has_verb


def _has_verb(q: Quote, ctx: ArticleContext) -> bool:
    span = ctx.doc.char_span(q.start, q.end, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)


has_verb = _has_verb


def _speech_verbs(tokens: list[Token], ctx: ArticleContext) -> list[Token]:
    """Verbs of saying among the tokens (outside quotes), "spoke to reporters" included, and
    "read" of a document ("his tweet read")."""
    verbs = ctx.vocab.speech_verbs
    return [t for t in tokens if t.pos_ in ("VERB", "AUX") and not ctx.in_quote(t.idx) and not hypothetical(t)
            and (t.lemma_.lower() in verbs or _to_the_press(t) or _document_reads(t) or _attributes_only(t, ctx))]


def _attributes_only(verb: Token, ctx: ArticleContext) -> bool:
    """"...," he continued: a verb that is one of saying only when it has no words of its own
    (etl/data/attribution_verbs.txt), not "he continued to press for talks"."""
    if verb.lemma_.lower() not in ctx.vocab.attribution_verbs:
        return False
    return not any(c.dep_ in ("ccomp", "xcomp", "dobj", "prep", "advcl", "acomp", "attr") and not ctx.in_quote(c.idx)
                   for c in verb.children)


def _document_reads(verb: Token) -> bool:
    """"..., his tweet read in part", "the statement reads": a document that says the words."""
    return verb.lemma_.lower() == "read" and any(s.lemma_.lower() in DOCUMENTS for s in subjects(verb))


def _in_words(tokens: list[Token], ctx: ArticleContext) -> str | None:
    """"in his words", "in the minister's words": the words' owner (outside quotes)."""
    for t in tokens:
        if t.lemma_.lower() == "word" and t.head.lower_ == "in" and not ctx.in_quote(t.idx):
            for owner in (c for c in t.children if c.dep_ == "poss"):
                actor = actor_of_phrase(owner, ctx)
                if actor is not None:
                    return actor
    return None


def _to_the_press(verb: Token) -> bool:
    """"spoke to reporters", "talked to journalists": a verb of saying by its addressee."""
    if verb.lemma_.lower() not in ("speak", "talk"):
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("to", "with") and any(o.lemma_.lower() in _PRESS for o in c.children)
               for c in verb.children)


def _attributed(q: Quote, first: Span, last: Span, ctx: ArticleContext) -> tuple[str, tuple[int, int]] | None:
    """The speaker and the evidence span: in the quote's sentences, or an adjacent one."""
    speaker = _in_sentence(q, first, last, ctx)
    if speaker is not None:
        return speaker, (first.start_char, last.end_char)
    before = _neighbour(first, -1, ctx)
    if before is not None and (_opens_sentence(q, first, ctx) or before.text.rstrip().endswith(":")):
        reported = _whole_paragraph(q, ctx) or (_opens_sentence(q, first, ctx) and _closes_sentence(q, last, ctx) and _same_paragraph(before, first, ctx))
        speaker = _introducer(before, ctx, reported=reported)
        if speaker is not None:
            return speaker, (before.start_char, last.end_char)
    after = _neighbour(last, 1, ctx)
    if after is not None and _closes_sentence(q, last, ctx) and not ctx.text[after.start_char:after.end_char].lstrip().startswith(OPENING_MARKS):
        speaker = _bare_attribution(after, ctx)
        if speaker is not None:
            return speaker, (first.start_char, after.end_char)
    return None


def _in_sentence(q: Quote, first: Span, last: Span, ctx: ArticleContext) -> str | None:
    after = [t for t in ctx.doc[last.start:last.end] if t.idx >= q.end + 1]
    before = [t for t in ctx.doc[first.start:first.end] if t.idx < q.start - 1]
    verbs_after = _speech_verbs(after, ctx)
    verbs_before = _speech_verbs(before, ctx)
    near = None
    if verbs_after and (verbs_after[0].i - after[0].i) <= _NEAR_AFTER:
        near = speaker_of_verb(verbs_after[0], ctx) or _inverted_speaker(q, verbs_after[0], ctx)
    said = {v.i for v in verbs_before + verbs_after}
    outermost = [v for v in verbs_before + verbs_after if not any(a.i in said for a in v.ancestors)]
    body = organization_attribution(before + after, outermost, ctx)
    if body is not None:
        # "Kim asked China to play "a constructive role", the ministry said", "..., Kim said,
        # according to the ministry": an organization's attribution makes the quote its own,
        # whoever the words describe (CONVENTIONS 5.3)
        return body
    inner = _innermost(q, verbs_before, ctx)
    if inner is not None:
        return inner
    if near:
        return near
    for verb in [*reversed(verbs_before), *verbs_after]:
        speaker = speaker_of_verb(verb, ctx)
        if speaker:
            return speaker
    for verb in [*reversed(verbs_before), *verbs_after]:
        # "the two leaders praised their "stabilising" partnership": a joint statement, of
        # the first-named (the others are its alternates)
        speaker = _joint_antecedent(subjects(verb), ctx)
        if speaker:
            return speaker
    return according_to(before + after, ctx) or _in_words(before + after, ctx)


_DOER_MIN_WORDS = 3  # "truce village", "red line": fewer words in marks are a term someone uses


def _doer_of_quoted_words(q: Quote, ctx: ArticleContext) -> str | None:
    """Quoted words in a sentence with no verb of saying ("X used the occasion to thank Y for
    his “steadfast support ...”", "X guaranteed support “as long as necessary”"): quoted
    words count whatever the verb (CONVENTIONS 5.1), and they are the words of the one actor
    who is the subject of the verb they hang on (through the clauses it is part of). Not a
    joint subject ("X and Y agreed on “...”"), a negated or hypothetical verb, a short term in
    marks, nor words quoted inside a subject phrase."""
    if q.words < _DOER_MIN_WORDS:
        return None
    span = ctx.doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return None
    inside = {t.i for t in span}
    verb = next((a for a in span.root.ancestors if a.i not in inside and a.pos_ in ("VERB", "AUX")), None)
    if verb is None or ctx.in_quote(verb.idx) or hypothetical(verb) or any(c.dep_ == "neg" for c in verb.children):
        return None
    path = [span.root, *(a for a in span.root.ancestors if verb in a.ancestors)]
    if any(a.dep_ in ("nsubj", "nsubjpass", "csubj", "relcl", "acl") for a in path):
        return None  # part of a subject, or of a clause about something else ("met X, which “surprised ...”")
    if span.root.pos_ in ("VERB", "AUX") and subjects(span.root):
        return None
    v = verb
    for _ in range(3):
        heads = subjects(v)
        if heads:
            if len(heads) > 1 or any(c.dep_ == "conj" for c in heads[0].children):
                return None
            if heads[0].lower_ in ("he", "she"):
                return actor_of_phrase(heads[0], ctx)
            keys = refers_to(heads[0], ctx.index)  # the subject itself, not "the White House meeting"
            speaker = actor_of_phrase(heads[0], ctx)
            if speaker is None or speaker not in keys:
                return None
            if len(keys) > 1 and not (heads[0].pos_ == "PROPN" and ctx.index.actors[speaker].kind == "Person"):
                return None  # "the two leaders", "the allies"; not a person's name that also spells a country
            return speaker
        if v.dep_ in ("xcomp", "advcl", "conj") and v.head.i != v.i and v.head.pos_ in ("VERB", "AUX"):
            v = v.head
            continue
        break
    return None


def _continued_by_pronoun(q: Quote, last: Span, ctx: ArticleContext) -> bool:
    """The quote's attribution is a pronoun and a verb that only says the words go on
    (etl/data/attribution_verbs.txt: "“...,” he continued.")."""
    after = [t for t in ctx.doc[last.start:last.end] if t.idx >= q.end + 1]
    verbs = _speech_verbs(after, ctx)
    if not verbs or not _attributes_only(verbs[0], ctx) or verbs[0].i - after[0].i > _NEAR_AFTER:
        return False
    return any(s.lower_ in ("he", "she") for s in subjects(verbs[0]))


def _inverted_speaker(q: Quote, verb: Token, ctx: ArticleContext) -> str | None:
    """"“...,” mentioned the ministry's spokesman, X": a verb of saying right after the quote
    (only punctuation between) with its speaker after it, which the parser took for its object
    (the verb has no subject)."""
    if subjects(verb) or any(not (t.is_punct or t.is_space) for t in verb.doc[:verb.i] if t.idx >= q.end):
        return None
    for c in verb.children:
        if c.dep_ in ("dobj", "attr", "npadvmod", "appos") and c.i > verb.i:
            return actor_of_phrase(c, ctx)
    return None


def _innermost(q: Quote, verbs: list[Token], ctx: ArticleContext) -> str | None:
    """The speaker of the innermost verb of saying before a quote that governs it ("The
    official said Kim told Lee that Japan "remains open"" → Kim), when a single person is its
    subject."""
    quote_tok = ctx.doc.char_span(q.start, q.start + 1, alignment_mode="expand")
    if quote_tok is None:
        return None
    qi = quote_tok.start
    holding = [v for v in verbs if v.left_edge.i <= qi <= v.right_edge.i and any(t.i == qi for t in v.subtree)]
    for verb in sorted(holding, key=lambda v: len(list(v.subtree))):
        speaker = speaker_of_verb(verb, ctx)
        if speaker is not None:
            return speaker if ctx.index.actors[speaker].kind == "Person" else None
    return None


def _neighbour(sent: Span, step: int, ctx: ArticleContext) -> Span | None:
    """The sentence before (step -1) or after (+1), if no more than one paragraph break apart
    and not a caption."""
    sents = ctx.sentences()
    i = next((n for n, s in enumerate(sents) if s.start == sent.start), None)
    if i is None or not 0 <= i + step < len(sents):
        return None
    other = sents[i + step]
    gap = ctx.text[min(sent.end_char, other.end_char):max(sent.start_char, other.start_char)]
    if gap.count("\n") > 2 or ctx.in_caption(other.start_char):
        return None
    return other


def _opens_sentence(q: Quote, sent: Span, ctx: ArticleContext) -> bool:
    return ctx.text[sent.start_char:q.start].strip() in ("", *OPENING_MARKS)


def _closes_sentence(q: Quote, sent: Span, ctx: ArticleContext) -> bool:
    """Nothing but marks and the stop follow the quote in its sentence ("...”." too: the stop
    outside the marks, British style)."""
    return ctx.text[q.end:sent.end_char].strip() in ("", ".", *CLOSING_MARKS, *("." + m for m in CLOSING_MARKS), *(m + "." for m in CLOSING_MARKS))


def _whole_paragraph(q: Quote, ctx: ArticleContext) -> bool:
    """The quote is its paragraph, marks and all, with no words of attribution around it."""
    start = ctx.text.rfind("\n", 0, q.start) + 1
    end = ctx.text.find("\n", q.end)
    end = len(ctx.text) if end < 0 else end
    return ctx.text[start:q.start].strip() in ("", *OPENING_MARKS) and ctx.text[q.end:end].strip() in ("", ".", *CLOSING_MARKS, *("." + m for m in CLOSING_MARKS))


def _same_paragraph(before: Span, sent: Span, ctx: ArticleContext) -> bool:
    return "\n" not in ctx.text[before.end_char:sent.start_char].strip(" ") and "\n" not in before.text.strip()


def _introducer(sent: Span, ctx: ArticleContext, reported: bool = False) -> str | None:
    """The speaker of a sentence that introduces a quote: "X said:", "X told reporters."; with
    ``reported`` (a quote that is a whole paragraph of its own, or whole sentences right after
    the report in its paragraph) also a person's report just before it ("Vale said the talks
    had been useful." then "“We agreed on ...”")."""
    if any(q.start < sent.end_char and q.end > sent.start_char for q in ctx.quotes):
        return None
    colon = sent.text.rstrip().endswith(":")
    if colon:
        for verb in (t for t in sent if _issues_document(t, ctx)):
            speaker = speaker_of_verb(verb, ctx) or _joint_antecedent(subjects(verb), ctx)
            if speaker is not None:
                return speaker
    for verb in reversed(_speech_verbs(list(sent), ctx)):
        if any(c.dep_ in ("agent", "mark") for c in verb.children) and not subjects(verb):
            continue  # "As stated by Spokesperson X:" introduces the release itself
        if reported and verb.dep_ == "ROOT" and _has_content(verb):
            speaker = speaker_of_verb(verb, ctx)
            if speaker is not None and ctx.index.actors[speaker].kind == "Person":
                return speaker
            continue
        if reported and _has_content(verb) and verb.dep_ in ("advcl", "conj"):
            # "While he said that ..., Vale was quick to ..." then "“...”": a report in a
            # clause of a sentence whose main subject is the same person
            speaker = speaker_of_verb(verb, ctx)
            if speaker is not None and ctx.index.actors[speaker].kind == "Person" and _main_subject_is(sent, speaker, ctx):
                return speaker
            continue
        if colon or not _has_content(verb):
            speaker = speaker_of_verb(verb, ctx)
            if speaker is not None:
                return speaker
    return None


def _main_subject_is(sent: Span, speaker: str, ctx: ArticleContext) -> bool:
    """The sentence's main clause has that one actor for its subject."""
    heads = subjects(sent.root)
    return len(heads) == 1 and refers_to(heads[0], ctx.index) == [speaker]


_ISSUING = {"issue", "release", "publish", "adopt", "sign"}
_JOINT_PRONOUNS = ("they", "we")
_JOINT_SENTENCES = 3  # sentences back to the actors "they" stands for


_JOINT_NOUNS = {"leader", "minister", "president", "premier", "diplomat", "counterpart", "official"}
_COUNTS = {"two": 2, "both": 2, "three": 3}


def _joint_count(head: Token) -> int:
    """How many people a plural subject counts: "the two leaders" 2, "both ministers" 2."""
    if head.tag_ != "NNS" or head.lemma_.lower() not in _JOINT_NOUNS:
        return 0
    return next((_COUNTS[c.lower_] for c in head.children if c.lower_ in _COUNTS and c.dep_ in ("nummod", "det", "predet")), 0)


def _issues_document(verb: Token, ctx: ArticleContext) -> bool:
    """"X and Y released this joint statement:", "they issued the following communique:": a
    verb of issuing whose object is a document (not in quotation marks) that the text after
    the colon reproduces."""
    return (verb.pos_ == "VERB" and verb.lemma_.lower() in _ISSUING and not ctx.in_quote(verb.idx)
            and any(c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENTS for c in verb.children))


def _joint_antecedent(heads: list[Token], ctx: ArticleContext) -> str | None:
    """"they"/"we" as the subject of a joint act: the actors of the nearest subject before it
    (in that sentence or up to two before) that names two or more, and of them the first-named,
    who is the speaker of a joint statement (the others are its alternates, CONVENTIONS 5.3)."""
    if not heads:
        return None
    pron = heads[0]
    count = _joint_count(pron)
    if count:
        # "Xi met Putin, and the two leaders praised ...": as many people named before it in
        # its sentence as the noun counts
        people = [m.key for m in ctx.index.mentions_in(pron.sent.start, pron.i)
                  if m.kind == "Person" and not ctx.in_quote(m.span.start_char)]
        people = list(dict.fromkeys(people))
        return people[0] if len(people) == count else None
    if pron.lower_ not in _JOINT_PRONOUNS:
        return None
    sents = ctx.sentences()
    here = next((n for n, s in enumerate(sents) if s.start <= pron.i < s.end), None)
    if here is None:
        return None
    for n in range(here, max(-1, here - _JOINT_SENTENCES), -1):
        for tok in reversed([t for t in sents[n] if t.dep_ in ("nsubj", "nsubjpass") and t.i < pron.i]):
            if ctx.in_quote(tok.idx):
                continue
            keys = refers_to(tok, ctx.index)
            if len(keys) >= 2:
                return keys[0]
    return None


def _bare_attribution(sent: Span, ctx: ArticleContext) -> str | None:
    """The speaker of a sentence that only attributes: "X said in a statement.", "X told
    reporters.", "X made the remarks at a news conference.", "This is stated in X's message."."""
    if any(q.start < sent.end_char and q.end > sent.start_char for q in ctx.quotes):
        return None
    if sent.text.lstrip()[:1] in _DASHES:
        # a quotes section: "“...”" then "– The Honourable X, Minister of Foreign Affairs"
        line_end = ctx.text.find("\n", sent.start_char)
        start = sent.start_char + len(sent.text) - len(sent.text.lstrip()) + 1
        return person_named_by(ctx, start, line_end if line_end > 0 else sent.end_char)
    root = sent.root
    if root.lemma_.lower() in ctx.vocab.speech_verbs and not _has_content(root):
        return speaker_of_verb(root, ctx) or _passive_source(root, ctx)
    if root.lemma_.lower() == "make" and any(c.dep_ == "dobj" and c.lemma_.lower() in _REMARK_NOUNS for c in root.children):
        return speaker_of_verb(root, ctx)
    if root.lemma_.lower() == "be" and any(c.dep_ == "nsubj" and c.lower_ in _DEMONSTRATIVES for c in root.children):
        # "Those were Vale's words.", "That was the message from X after the talks."
        for attr in (c for c in root.children if c.dep_ == "attr" and c.lemma_.lower() in _WORDS_NOUNS):
            owners = [c for c in attr.children if c.dep_ == "poss"]
            owners += [o for p in attr.children if p.dep_ == "prep" and p.lower_ in ("from", "of", "by") for o in p.children if o.dep_ == "pobj"]
            for owner in owners:
                speaker = actor_of_phrase(owner, ctx)
                if speaker is not None:
                    return speaker
    return None


def _passive_source(verb: Token, ctx: ArticleContext) -> str | None:
    """"This is stated in the message of the ministry.", "This was said by X.": a passive verb
    of saying whose subject points back at the quoted words, and the actor after "by" or the
    author of the document the words are "in"."""
    subj = subjects(verb)
    if not any(c.dep_ == "auxpass" for c in verb.children) or len(subj) != 1 or subj[0].lower_ not in _DEMONSTRATIVES | {"it"}:
        return None
    for c in verb.children:
        objs = [o for o in c.children if o.dep_ == "pobj"]
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "in"):
            for o in objs:
                if c.dep_ == "agent" or o.lemma_.lower() in DOCUMENTS:
                    actor = actor_of_phrase(o, ctx)
                    if actor is not None:
                        return actor
    return None


def _document_named_before(q: Quote, first: Span, last: Span, ctx: ArticleContext) -> tuple[str, tuple[int, int]] | None:
    """"... can be judged by the message of the ministry regarding the visit.\n\n“The leading
    role ... was emphasized.”": a quotation that is its whole paragraph, with no speaker of
    its own nor one it goes on with, right after a paragraph of one sentence, without quotes,
    that names one document and its author (etl.extract.statements.speakers.DOCUMENTS): the
    document's words."""
    if not _whole_paragraph(q, ctx):
        return None
    before = _neighbour(first, -1, ctx)
    if before is None or not _whole_paragraph_sentence(before, ctx) or any(o.start < before.end_char and o.end > before.start_char for o in ctx.quotes):
        return None
    authors = {a for t in before if t.pos_ == "NOUN" and t.lemma_.lower() in DOCUMENTS and t.tag_ == "NN"
               and any(c.dep_ in ("poss", "prep") for c in t.children)
               for a in [author_of_document(t, ctx)] if a is not None}
    if len(authors) != 1:
        return None
    return authors.pop(), (before.start_char, last.end_char)


def _whole_paragraph_sentence(sent: Span, ctx: ArticleContext) -> bool:
    start = ctx.text.rfind("\n", 0, sent.start_char) + 1
    end = ctx.text.find("\n", sent.start_char)
    end = len(ctx.text) if end < 0 else end
    return ctx.text[start:sent.start_char].strip() == "" and ctx.text[sent.end_char:end].strip() == ""


def _has_content(verb: Token) -> bool:
    """Whether a verb of saying carries its own reported words (a clause or an object); a bare
    demonstrative for its object ("X said this after the talks") points at the quoted words."""
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp", "parataxis"):
            return True
        if c.dep_ == "dobj" and verb.lemma_.lower() != "tell" and not (c.lower_ in _DEMONSTRATIVES and c.n_lefts + c.n_rights == 0):
            return True
    return False


def _continues(q: Quote, previous: tuple[StatementDraft, Quote], sent: Span, ctx: ArticleContext) -> bool:
    """A quote that goes on with the statement before it: the next paragraph of a
    multi-paragraph quotation, a quote opening its sentence right after an attributed one
    ("...," he said. "..."), or a quoted passage of a readout with no verb of saying of its
    own after the source's quote."""
    _, before = previous
    gap = ctx.text[before.end:q.start]
    if before.open_ended and gap.strip() in ("", *OPENING_MARKS):
        return True
    words = [t for t in sent if not ctx.in_quote(t.idx)]
    unattributed = q.words >= _CONTINUES_WORDS and not _speech_verbs(words, ctx) and according_to(words, ctx) is None
    if len(gap) >= 200 or gap.count("\n\n") > 1 or gap.count("\n") > 2:
        return unattributed and _narrated_between(before.end, q.start, previous[0].speaker, ctx)
    if _opens_sentence(q, sent, ctx):
        return True
    return unattributed


def _it_after_body(q: Quote, previous: tuple[StatementDraft, Quote], first: Span, last: Span, ctx: ArticleContext) -> bool:
    """"The embassy said in a tweet that ... “...”. It added, “...”": a verb of saying whose
    subject is "it" (no organization named before it in the text) goes on with the last
    quoted speaker when that is an organization, in the same or the next paragraph."""
    d, before = previous
    if ctx.index.actors[d.speaker].kind == "Person" or ctx.text[before.end:q.start].count("\n") > 2:
        return False
    words = [t for t in ctx.doc[first.start:last.end] if not ctx.in_quote(t.idx)]
    return any(s.lower_ == "it" for v in _speech_verbs(words, ctx) for s in subjects(v))


_NARRATED_CHARS = 400


def _narrated_between(start: int, end: int, speaker: str, ctx: ArticleContext) -> bool:
    """"“...,” he added.\n\nVale also referred to the talks on Tuesday.\n\nThe aim, “is to
    ...”": a quotation with no attribution of its own goes on with the last speaker when the
    one paragraph between them only tells of that speaker (its sentences have the speaker as
    subject, without quotes or words of saying)."""
    text = ctx.text
    para_start = text.find("\n", start)
    para_end = text.rfind("\n", 0, end)
    if para_start < 0 or para_end <= para_start:
        return False
    middle = text[para_start:para_end]
    if "\n" in middle.strip() or len(middle) > _NARRATED_CHARS:
        return False
    sents = [s for s in ctx.sentences() if para_start <= s.start_char and s.end_char <= para_end + 1 and s.text.strip()]
    if not sents or any(q.start < para_end and q.end > para_start for q in ctx.quotes):
        return False
    for sent in sents:
        if _speech_verbs(list(sent), ctx):
            return False
        subj = subjects(sent.root)
        if not subj or refers_to(subj[0], ctx.index) != [speaker]:
            return False
    return True
