"""Article-level passes over the drafts of one article: the lead's date, topics of later
sentences, the place of a one-city visit, and references back to a meeting already reported."""

from __future__ import annotations

import datetime
import re

from spacy.tokens import Span, Token

from etl.extract.context import ArticleContext
from etl.extract.dates import dateline, headline_place
from etl.extract.meetings.draft import MeetingDraft
from etl.extract.meetings.participants import subject_of
from etl.extract.references import turn_speaker
from etl.read import headline_span


def topics_from_context(drafts: list[MeetingDraft], ctx: ArticleContext) -> None:
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


def date_from_lead(drafts: list[MeetingDraft], ctx: ArticleContext) -> None:
    """The lead sentence reports the main event: when its subjects are a held meeting's people
    (all of them) and it gives a date ("A and B agreed on Thursday ...", also under "..., the
    ministry said"), that is the meeting's date."""
    lead = lead_sentence(ctx)
    if lead is None:
        return
    verb = lead.root
    reported = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    if verb.lemma_.lower() in ctx.vocab.speech_verbs | ctx.vocab.reporting_verbs and reported:
        verb = reported[0]
    people = {k for k in subject_of(verb, ctx.index) if ctx.index.actors[k].kind == "Person"}
    if len(people) < 2:
        return
    mentions = [m for m in ctx.dates_in(lead.start_char, lead.end_char) if m.value is not None and not in_dateline(m, lead)]
    if not mentions:
        return
    value = min(mentions, key=lambda m: abs(m.start - verb.idx)).value
    for d in drafts:
        mine = {p for p in d.participants if ctx.index.actors[p].kind == "Person"}
        if d.date is None and d.status == "held" and d.primary and people == mine:
            d.date = value


_LEAD_DAYS = 7  # a wire lead's day is one of the week up to the story's anchor


def date_from_wire_lead(drafts: list[MeetingDraft], ctx: ArticleContext) -> None:
    """A wire story's lead gives the day of its news ("X called Wednesday for ...", "X said on
    Monday night ...") and a later sentence reports the meeting that news came from, undated
    ("..., X told reporters as he began his meeting with Y"): the story's first main held
    meeting, when its people include the lead's subject and no sentence between gives another
    date, is of the lead's day. The day must be of the week up to the anchor (the story's
    own news); a lead that reports a meeting itself is dated by its own words."""
    lead = lead_sentence(ctx)
    if lead is None or ctx.anchor is None or any(d.sentence.start == lead.start for d in drafts):
        return
    # the people the lead's verbs have for subjects ("X said Monday that ...", also where the
    # parser took the dateline for the root: "LIMA (Wire) — X said ...")
    verbs = [t for t in lead if t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) and not ctx.in_quote(t.idx)]
    people = {k for v in verbs for k in subject_of(v, ctx.index) if ctx.index.actors[k].kind == "Person"}
    if not people:
        return
    days = {m.value for m in ctx.dates_in(lead.start_char, lead.end_char) if m.value and len(m.value) == 10 and not in_dateline(m, lead)}
    if len(days) != 1:
        return
    day = days.pop()
    earliest = (ctx.anchor - datetime.timedelta(days=_LEAD_DAYS)).isoformat()
    if not earliest <= day <= ctx.anchor.isoformat():
        return
    firsts = sorted((d for d in drafts if d.same_as is None and not d.headline), key=lambda d: d.sentence.start)
    target = next((d for d in firsts if d.primary and d.status == "held"), None)
    if target is None or target.date is not None or not people <= set(target.participants):
        return
    between = ctx.dates_in(lead.end_char, target.sentence.start_char)
    if any(m.value != day for m in between) or any(d.date and d.date != day for d in firsts if d.sentence.start < target.sentence.start):
        return
    if _since(target.sentence):
        # "Since arriving in Suriname, the President has had talks with X": some day from the
        # lead's to the story's, the finest unit holding both
        anchor = ctx.anchor.isoformat()
        day = day if day == anchor else day[:7] if day[:7] == anchor[:7] else day[:4] if day[:4] == anchor[:4] else None
    # the separate talks one sentence reports ("had talks with X; and Y") are of one time
    for d in firsts:
        if d.sentence.start == target.sentence.start and d.date is None and d.primary and d.status == "held":
            d.date = day


def _since(sent: Span) -> bool:
    """The sentence tells what has happened since an event ("Since arriving in X, ...")."""
    return any(t.lower_ == "since" and t.dep_ in ("prep", "mark") and t.head.dep_ == "ROOT" for t in sent)


def in_dateline(mention, lead: Span) -> bool:
    """A date in a wire dateline opening the lead ("SEOUL, May 12 (Yonhap) --")."""
    from etl.extract.meetings.attributes import dateline_match

    match = dateline_match(lead.text[:120])
    if match is not None and not lead.text[: match.start()].strip() and mention.start - lead.start_char < match.end():
        return True  # "Ankara, 18 August 2022 (Agency): ..."
    head = lead.text[: mention.start - lead.start_char]
    return "--" not in head and "—" not in head and ("--" in lead.text[:120] or "—" in lead.text[:120]) and mention.start - lead.start_char < 40


def lead_sentence(ctx: ArticleContext) -> Span | None:
    """The first sentence of the body: after a headline line, if there is one."""
    head = headline_span(ctx.text)
    start = head[1] if head else 0
    for sent in ctx.sentences()[:8]:
        # not a wire dateline standing alone ("TOKYO, Aug. 25 (Yonhap) --"), nor a release's
        # header line of place and date without a verb ("New York, 24 September 2013")
        if (sent.start_char >= start and not ctx.in_caption(sent.start_char) and len(sent) > 6 and not sent.text.rstrip().endswith(("--", "—", "–"))
                and any(t.pos_ in ("VERB", "AUX") for t in sent) and not _META_LINE.match(sent.text)):
            return sent
    return None


# a site's line of when the story was put up ("♦ Published: January 17, 2023; 12:44 ♦"): no lead
_META_LINE = re.compile(r"^\W*(?:published|updated|last updated|posted)\b\s*(?::|on\b)", re.IGNORECASE)


def subject_is_they(trig: Token) -> bool:
    """"... when they held talks in Lima": the people of the meeting just reported."""
    verb = trig if trig.pos_ == "VERB" else trig.head
    return any(c.dep_ == "nsubj" and c.lower_ == "they" for c in verb.children)


def principal(ctx: ArticleContext) -> str | None:
    """The person a release is about: the speaker of the transcript turn its lead sentence is
    in, else the first person its lead sentence names."""
    lead = lead_sentence(ctx)
    if lead is None:
        return None
    speaker = turn_speaker(lead[-1], ctx.index) or _first_turn_label(lead, ctx) or _headline_speaker(ctx)
    if speaker is not None:
        return speaker
    return next((m.key for m in ctx.index.mentions_in(lead.start, lead.end) if m.kind == "Person"), None)


_SPEECH_NOUNS = {"remark", "remarks", "statement", "speech", "address", "comment", "comments", "answer", "answers"}


def _headline_speaker(ctx: ArticleContext) -> str | None:
    """The person whose words a transcript's headline announces ("Foreign Minister X's opening
    remarks during talks with Y", "X's statement at the talks"): the possessor of the speech noun."""
    head = ctx.headline()
    if head is None:
        return None
    for tok in ctx.doc.char_span(*head, alignment_mode="expand") or []:
        if tok.pos_ == "NOUN" and tok.lower_ in _SPEECH_NOUNS:
            for owner in (c for c in tok.children if c.dep_ == "poss"):
                people = [m.key for m in ctx.index.mentions_in(owner.left_edge.i, owner.i + 1) if m.kind == "Person"]
                if len(set(people)) == 1:
                    return people[0]
    return None


_LABEL_TOKENS = 6


def _first_turn_label(lead: Span, ctx: ArticleContext) -> str | None:
    """A transcript whose first turn, just above the lead, opens with its speaker's label in
    title case ("President Anna Berg: Dear Mr President!"): that speaker. The label is a line's
    head of proper nouns naming one person, then a colon; no verb."""
    head = headline_span(ctx.text)
    start = head[1] if head else 0
    doc = ctx.doc
    for sent in ctx.sentences()[:8]:
        if sent.start_char < start or sent.start >= lead.start:
            continue
        if sent.start > 0 and "\n" not in doc[sent.start - 1].text_with_ws:
            continue  # the label opens its line
        colon = next((t.i for t in sent if t.text == ":"), None)
        if colon is None or colon - sent.start > _LABEL_TOKENS or colon == sent.start:
            continue
        label = doc[sent.start:colon]
        if any(t.pos_ in ("VERB", "AUX") or not t.text[:1].isupper() for t in label):
            continue
        people = [m for m in ctx.index.mentions_in(sent.start, colon) if m.kind == "Person"]
        if len({m.key for m in people}) == 1:
            return people[0].key
    return None


def date_from_dateline(drafts: list[MeetingDraft], ctx: ArticleContext) -> None:
    """A release dated on the line under its headline ("Opening Remarks - Bilateral meeting with
    X" / "27 Sep 2022") reports the headline's meeting that day, when nothing else dates it."""
    line = dateline(ctx.text[: ctx.body_end])
    lead = lead_sentence(ctx)
    if line is None or line.value is None or (lead is not None and line.start >= lead.start_char):
        return
    if ctx.anchor is not None and line.value > ctx.anchor.isoformat():
        return
    for d in drafts:
        root = d.root()
        if d.headline and root.date is None and root.status == "held" and root.primary:
            root.date = line.value


_HEADER_LINES = 6  # lines after the headline where a release states where it was issued
_PLACE_LINE_CHARS = 60


def place_from_header(drafts: list[MeetingDraft], ctx: ArticleContext) -> None:
    """A release whose header has a line that is only a place, maybe with its country and the
    date, in either order ("New York, 24 September 2013", "Beijing, China" above "January 27,
    2016", "July 15, 2031, Strelna, St Petersburg") reports the
    headline's meeting there, or the lead's meeting held that day, when nothing else places it.
    A wire dateline opening a sentence ("BEIJING — ...") is not such a line."""
    from etl.read import lines

    head = ctx.headline()
    lead = lead_sentence(ctx)
    start = head[1] if head else 0
    stop = lead.start_char if lead is not None else ctx.body_end
    place = None
    # whole lines only: not the head of the lead's own line ("IO, Jakarta – On Friday, ...")
    for s, e in [(s, e) for s, e in lines(ctx.text[:ctx.body_end]) if s >= start and e <= stop and ctx.text[s:e].strip()][:_HEADER_LINES]:
        line = ctx.text[s:e].strip()
        if len(line) > _PLACE_LINE_CHARS:
            continue
        ents = [x for x in ctx.doc.ents if x.start_char >= s and x.end_char <= e and x.label_ in ("GPE", "LOC")]
        ents += [h.span for h in ctx.index.hits if h.kind in ("capital", "country") and h.span.start_char >= s and h.span.end_char <= e]
        ents = sorted({(x.start_char, x.end_char): x for x in ents}.values(), key=lambda x: (x.start_char, -x.end_char))
        if not ents or (ctx.text[s:ents[0].start_char].strip() and not _only_a_date(ctx.text[s:ents[0].start_char])):
            continue  # (the date may come first: "July 15, 2031, Strelna, St Petersburg")
        rest = ctx.text[ents[0].end_char:e]
        for x in ents[1:]:
            rest = rest.replace(x.text, "")
        rest = re.sub(r"[\d,.\s]+", " ", rest)
        months = {m for m in rest.split() if m.lower().rstrip(".") in _MONTH_WORDS}
        if any(w not in months for w in rest.split()):
            continue
        place = ctx.place_for(ents[0])
        if place is not None:
            break
    tail = headline_place(ctx.text[:ctx.body_end]) if place is None else None
    if tail is not None:
        # "... talks with X, Sochi, July 1, 2016": the headline's own place and day
        span = ctx.doc.char_span(*tail, alignment_mode="expand")
        place = ctx.place_for(span) if span is not None else None
    if place is None:
        return
    firsts = [d for d in drafts if d.same_as is None and d.primary and d.status == "held" and d.mode == "in-person"]
    for d in firsts[:1]:
        root = d.root()
        if root.place is None:
            root.place = place


def _only_a_date(text: str) -> bool:
    """Text that is one full date and a comma, maybe then the site within the place that
    follows ("July 15, 2031, ", "July 15, 2031, Strelna, " before "St Petersburg")."""
    from etl.extract.dates import find_dates

    head = text.strip().rstrip(",").strip()
    found = find_dates(head, None)
    if not found or found[0].start != 0 or found[0].kind != "explicit":
        return False
    rest = head[found[0].end:].strip()
    return not rest or bool(re.fullmatch(r",\s*[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}", rest))


_MONTH_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


_SIDELINE_WORDS = {"sideline", "sidelines", "margin", "margins", "fringe", "fringes"}


def place_from_wire_dateline(drafts: list[MeetingDraft], ctx: ArticleContext) -> None:
    """A wire story filed from a capital ("BEIJING — US Secretary X called Wednesday ...")
    whose main held meeting, in person and placed nowhere, joins a side of that capital's
    country with a side from elsewhere: the visitor met the host there. Not a meeting on the
    sidelines of a conference (held where the conference is)."""
    from etl.extract.meetings.attributes import dateline_match, dateline_place
    from etl.extract.meetings.participants import represented

    lead = lead_sentence(ctx)
    if lead is None:
        return
    head = headline_span(ctx.text)
    opening = ctx.text[head[1] if head else 0: lead.start_char + 80]
    match = dateline_match(opening)
    if match is None or opening[: match.start()].strip():
        return  # the dateline opens the story's first line
    firsts = [d for d in drafts if d.same_as is None and d.primary and d.status == "held" and d.mode == "in-person"]
    if not firsts:
        return
    root = firsts[0].root()
    if root.place is not None or any(t.lower_ in _SIDELINE_WORDS for d in drafts if d.root() is root for t in d.sentence):
        return
    place = dateline_place(ctx)
    if place is None or place.country is None:
        return
    index = ctx.index
    sides = [represented([p], index) or {p} for p in root.participants]
    if any(place.country in s for s in sides) and any(place.country not in s for s in sides):
        root.place = place



_THIS = {"this", "it", "that"}


def told_in_next_sentence(drafts: list[MeetingDraft], ctx: ArticleContext) -> None:
    """The sentence right after a meeting's tells when and where it was, with a pronoun for
    the meeting as the subject of "be" ("X has paid a courtesy call on Y. This was on Tuesday
    at his office in Accra ..."): the day and place of that meeting, where its own sentence
    gave none. The sentence names no meeting of its own and is no quote."""
    from etl.extract.meetings.attributes import older_than_anchor, place_of
    from etl.extract.meetings.triggers import is_trigger

    sents = ctx.sentences()
    for prev, sent in zip(sents, sents[1:]):
        root = sent.root
        if root.lemma_.lower() != "be" or root.tag_ not in ("VBD", "VBZ") or ctx.in_quote(root.idx) or ctx.in_headline(sent.start_char):
            continue
        subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if len(subjects) != 1 or subjects[0].lower_ not in _THIS or subjects[0].dep_ != "nsubj":
            continue
        if not any(c.dep_ == "prep" and c.lower_ in ("on", "at", "in") for c in root.children) or any(is_trigger(t, ctx) for t in sent):
            continue
        if any(c.dep_ in ("ccomp", "advcl", "csubj", "relcl") and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in root.children):
            continue  # (not "It was in 2015 that they signed ...": another event's time)
        told = [d.root() for d in drafts if d.sentence.start == prev.start]
        roots = list({id(d): d for d in told}.values())
        if len(roots) != 1 or roots[0].status != "held" or not roots[0].primary:
            continue
        meeting = roots[0]
        # the day of the copula's own phrases ("on Tuesday", "this morning")
        own = {t.idx for c in root.children if c.dep_ in ("prep", "npadvmod") for t in c.subtree}
        values = {m.value for m in ctx.dates_in(sent.start_char, sent.end_char) if m.value and m.start in own}
        date = values.pop() if len(values) == 1 else None
        if meeting.date is None and date is not None and not (ctx.anchor is not None and date > ctx.anchor.isoformat()[:len(date)]) and not older_than_anchor(date, ctx):
            meeting.date = date
        if meeting.place is None and meeting.mode == "in-person":
            meeting.place = place_of(sent, root, ctx)


_READOUT_VERBS = {"meet"}


def place_from_quoted_readout(drafts: list[MeetingDraft], ctx: ArticleContext) -> None:
    """A readout quoted word for word ("\"Minister X met with Y, NATO Secretary General, at a
    working dinner ..., in Antalya,\" said the ministry"): a quote that names a main meeting's
    people in the third person, as subject and partner of "meet", tells where they met; the
    meeting takes that place where nothing else placed it."""
    from etl.extract.meetings.attributes import place_of
    from etl.extract.meetings.participants import own_participants

    roots = list({id(d.root()): d.root() for d in drafts if d.root().primary and d.root().status == "held" and d.root().mode == "in-person"}.values())
    for sent in ctx.sentences():
        for tok in sent:
            if tok.pos_ == "VERB" and ctx.in_quote(tok.idx) and _received_me(tok):
                _place_by_the_guest(tok, sent, roots, ctx)
                continue
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in _READOUT_VERBS or not ctx.in_quote(tok.idx):
                continue
            if not any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in tok.children):
                continue  # (not "we met", "I met": the speaker's own account)
            people = {k for k in own_participants(tok, ctx.index, True) if k in ctx.index.actors and ctx.index.actors[k].kind == "Person"}
            if len(people) < 2:
                continue
            for d in roots:
                mine = {p for p in d.participants if ctx.index.actors[p].kind == "Person"}
                if d.place is None and people == mine:
                    d.place = place_of(sent, tok, ctx, quoted=True)


def _received_me(tok: Token) -> bool:
    """"for warmly receiving me at Urugwiro village": a guest's own words of the host's reception."""
    return tok.lemma_.lower() in ("receive", "host", "welcome", "meet") and any(c.dep_ == "dobj" and c.lower_ in ("me", "us") for c in tok.children)


def _place_by_the_guest(tok: Token, sent: Span, roots: list[MeetingDraft], ctx: ArticleContext) -> None:
    """"thank you President X for warmly receiving me at Y this evening," Ambassador Z said: the
    speaker (named outside the quote) and the host the quote names met at Y, when they are the
    people of one main in-person meeting that nothing else placed."""
    from etl.extract.meetings.attributes import place_of

    speakers = {m.key for m in ctx.index.mentions_in(sent.start, sent.end) if m.kind == "Person" and not ctx.in_quote(m.span.start_char)}
    quote = ctx.index.mentions_in(sent.start, sent.end)
    named = {m.key for m in quote if m.kind == "Person" and ctx.in_quote(m.span.start_char)}
    mine = [d for d in roots if {p for p in d.participants if ctx.index.actors[p].kind == "Person"} <= speakers | named
            and speakers & set(d.participants) and named & set(d.participants)]
    if len(mine) == 1 and mine[0].place is None:
        mine[0].place = place_of(sent, tok, ctx, quoted=True)


_SPOKEN_DAYS = {"today", "yesterday"}


def _speakers_outside_quote(sent: Span, ctx: ArticleContext) -> set[str]:
    """The people a sentence names outside quotation marks; for a sentence wholly inside a quote
    that goes on into the next ("\"At today's meeting, we agreed. The next ...,\" stated X"),
    those of the sentence where the quote ends."""
    following = [s for s in ctx.sentences() if s.start >= sent.start][:3]
    for here in following:
        speakers = {m.key for m in ctx.index.mentions_in(here.start, here.end) if m.kind == "Person" and not ctx.in_quote(m.span.start_char)}
        if speakers or not ctx.in_quote(here[-1].idx) or "\n" in here.text:
            return speakers
    return set()


def date_from_quoted_day(drafts: list[MeetingDraft], ctx: ArticleContext) -> None:
    """A participant's quote that names the meeting by its day ("\"In today's meeting, we
    discussed ...,\" X said"; "yesterday's talks"): the one main held meeting of the speaker
    left undated is of that day, counted from the story's anchor. The speaker is a participant
    the sentence names outside the quote."""
    words = ctx.vocab.meeting_triggers["event_noun"]
    roots = list({id(d.root()): d.root() for d in drafts if d.root().primary and d.root().status == "held"}.values())
    for sent in ctx.sentences():
        for tok in sent:
            if tok.pos_ != "NOUN" or tok.lemma_.lower() not in words or not ctx.in_quote(tok.idx):
                continue
            day = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in _SPOKEN_DAYS), None)
            if day is None:
                continue
            value = next((m.value for m in ctx.dates_in(day.idx, day.idx + len(day.text)) if m.value and len(m.value) == 10), None)
            speakers = _speakers_outside_quote(sent, ctx)
            mine = [d for d in roots if speakers & set(d.participants)]
            if value is not None and len(mine) == 1 and mine[0].date is None:
                mine[0].date = value
