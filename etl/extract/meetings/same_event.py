"""One meeting, however many times the article reports it: the headline and the lead tell of
the same talks; "the talks", "the call", "the two leaders", "both ministers" and "they" refer
back to the meeting already reported, not to a new one with fewer people.

A draft that reports an earlier meeting again points at it (``MeetingDraft.same_as``);
:func:`settle` gives every such draft its meeting's participants and attributes, so that the
pipeline's merge makes one meeting of them with every sentence as evidence.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from etl.extract.context import ArticleContext
from etl.extract.meetings.attributes import is_building
from etl.extract.meetings.draft import MeetingDraft
from etl.extract.meetings.participants import compatriot, represented, unplaced_people
from etl.extract.mentions import ActorIndex
from etl.extract.references import role_phrase
from etl.model import Span as TextSpan

_DEFINITE = {"the", "their", "that", "this", "these", "those"}
_GROUP_WORDS = {"they", "both", "we"}
_PLURAL_TAGS = ("NNS", "NNPS")


def anaphoric(trig: Token) -> bool:
    """"the talks", "their meeting", "the call", "the leaders' video conference": a meeting
    already reported."""
    if trig.pos_ not in ("NOUN", "PROPN"):
        return False
    for c in trig.children:
        if c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE:
            return True
        if c.dep_ == "poss" and c.tag_ in _PLURAL_TAGS and any(d.dep_ == "det" and d.lower_ in _DEFINITE for d in c.children):
            return True
    return False


def group_reference(trig: Token, index: ActorIndex) -> bool:
    """The trigger's people are given as a group, not by name: "the two leaders met", "both
    ministers held talks", "they spoke by phone"."""
    verb = trig if trig.pos_ in ("VERB", "AUX") else trig.head
    args = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    args += [o for p in trig.children if p.dep_ == "prep" and p.lower_ in ("with", "between", "among") for o in p.children if o.dep_ == "pobj"]
    for a in args:
        if index.mention_at(a.i) is not None:
            continue
        owners = [c for c in a.children if c.dep_ == "poss" and index.mention_at(c.i) is None]
        if a.lower_ in _GROUP_WORDS or any(c.lower_ in ("both", "two", "three", "all") for h in (a, *owners) for c in h.children):
            return True  # "both ministers", "the two sides", "the two countries' delegations"
        if a.tag_ in _PLURAL_TAGS and role_phrase(a) is not None:
            return True
    return False


def refers_back(parts: list[str], earlier: MeetingDraft, index: ActorIndex) -> bool:
    """The people found are (some of) the earlier meeting's, or their countries (of their posts).
    A country no one of the earlier meeting is known to stand for may still be the country of
    one of its people whose country the text never gives ("President X" in a paper of his own
    country): as many such countries as such people."""
    known = set(earlier.participants) | {index.actors[p].country for p in earlier.participants if p in index.actors}
    known |= represented(earlier.participants, index)
    rest = [p for p in parts if p not in known]
    if not rest:
        return True
    if any(p not in index.actors or index.actors[p].kind != "Country" for p in rest):
        return False
    return len(rest) <= unplaced_people(earlier.participants, index)


def dates_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def again(earlier: MeetingDraft, sent: Span, ctx: ArticleContext) -> MeetingDraft:
    """One more report of an earlier meeting: its sentence becomes evidence and adds topics."""
    root = earlier.root()
    evidence = TextSpan(sent.start_char, sent.end_char, sent.text)
    topics = ctx.issues_in(sent.start_char, sent.end_char)
    return MeetingDraft(list(root.participants), root.mode, root.status, root.date, root.place, evidence, sent, topics, root.primary, same_as=root)


def link_headline(drafts: list[MeetingDraft], new: list[MeetingDraft], ctx: ArticleContext) -> None:
    """A headline meeting not yet placed is the first body meeting that shares people with it
    (a country of the headline counts as shared when one of its people takes part); the body
    meeting takes the people, mode, date and place the headline adds."""
    index = ctx.index
    for head in (d for d in drafts if d.headline and d.same_as is None):
        target = next((d for d in new if not d.headline and d.same_as is None and (d.primary or d.status == "planned") and _related(head, d, index)), None)
        if target is None:
            continue
        # of separate talks split from one report ("talks with A, and B"), the countries a
        # headline names ("talks with Lao, Cambodian leaders") are not all this one's sides
        split = any(d is not target and not d.headline and d.sentence.start == target.sentence.start for d in new)
        sides = represented(target.participants, index)
        target.participants += [p for p in head.participants if p not in target.participants and p not in sides
                                and not (split and index.actors[p].kind != "Person")]
        if target.mode == "in-person":
            target.mode = head.mode
        target.date = target.date or head.date
        if target.place is None or head.place is not None and is_building(target.place, ctx) and not is_building(head.place, ctx):
            target.place = head.place  # "... meets X in London" over "at the Foreign Office": the city
        # a planned meeting the headline announces is the article's event ("X to visit Moscow")
        target.primary = target.primary or head.status == "planned"
        head.same_as = target


def _related(head: MeetingDraft, body: MeetingDraft, index: ActorIndex) -> bool:
    if head.status != body.status or not dates_agree(head.date, body.date):
        return False
    if "in-person" not in (head.mode, body.mode) and head.mode != body.mode:
        return False
    sides = represented(body.participants, index)
    return any(p in body.participants or p in sides for p in head.participants)


def settle(drafts: list[MeetingDraft], principal: str | None = None, index: ActorIndex | None = None) -> list[MeetingDraft]:
    """Every draft takes its meeting's people and attributes; a headline meeting that no body
    meeting took in stands alone only with two participants or more. A headline naming one
    side ("Bilateral meeting with Prime Minister X") of a release that reports no other main
    meeting has the release's principal (its speaker, or the lead's first person) as the other."""
    out = []
    body_meeting = any(d.primary and d.status == "held" and not d.headline for d in drafts)
    for d in drafts:
        if d.same_as is None:
            if d.headline and len(set(d.participants)) < 2:
                if principal is None or principal in d.participants or body_meeting or d.status != "held":
                    continue
                if index is not None and compatriot(principal, d.participants, index):
                    continue  # the release's speaker is of the named side's own country
                d.participants = [principal, *d.participants]
            out.append(d)
            continue
        root = d.root()
        d.participants, d.mode, d.status, d.date, d.place, d.primary = list(root.participants), root.mode, root.status, root.date, root.place, root.primary
        out.append(d)
    return out


def same_event_by_sides(drafts: list[MeetingDraft], index: ActorIndex) -> None:
    """A meeting of countries ("Russian and US Presidents spoke over the phone on November 21")
    and a meeting of people who hold posts of exactly those countries, on the same day, in
    the same mode and status ("the two leaders spoke over the phone on November 21"), are
    one meeting: the countries' draft points at the people's. An undated call of the
    countries is the people's call ("In the phone conversation, X said China and the United
    States ...")."""
    roots = [d for d in drafts if d.same_as is None]
    for a in roots:
        call = a.mode != "in-person" and a.date is None
        if not (call or a.date and len(a.date) == 10) or len(a.participants) < 2:
            continue
        if any(p not in index.actors or index.actors[p].kind != "Country" for p in a.participants):
            continue
        for b in roots:
            if b is a or b.same_as is not None or b.root() is a or (b.status, b.mode) != (a.status, a.mode) or not (call or b.date == a.date):
                continue
            if len(b.participants) != len(a.participants) or any(index.actors.get(p) is None or index.actors[p].kind != "Person" for p in b.participants):
                continue
            sides = [{k for k in [index.actors[p].country, *(r.of for r in index.actors[p].roles)] if k} for p in b.participants]
            if all(any(c in s for s in sides) for c in a.participants) and all(s & set(a.participants) for s in sides):
                b.primary = b.primary or a.primary
                a.same_as = b
                break
    _same_event_naming_a_side(drafts, index)
    _people_of_the_countries_meeting(drafts, index)
    _indefinite_holder_named_next(drafts, index)


def _same_event_naming_a_side(drafts: list[MeetingDraft], index: ActorIndex) -> None:
    """A meeting of a person and a country ("X conducted a Japan-Indonesia Strategic Dialogue")
    and one of the same person and someone who holds a post of that country, told in the same
    sentence ("... consisting of a Plenary Meeting with HE Ms. Y, Minister of Foreign Affairs
    of Indonesia"), with the same status and mode and dates that agree, are one meeting: the
    country's draft points at the people's, which takes its date and place."""
    roots = [d for d in drafts if d.same_as is None]
    for a in roots:
        countries = [p for p in a.participants if p in index.actors and index.actors[p].kind == "Country"]
        persons = {p for p in a.participants if p in index.actors and index.actors[p].kind == "Person"}
        if not countries or not persons or len(countries) + len(persons) != len(a.participants):
            continue
        for b in roots:
            if b is a or b.same_as is not None or b.root() is a or b.sentence.start != a.sentence.start:
                continue
            if (b.status, b.mode) != (a.status, a.mode) or not dates_agree(a.date, b.date) or not persons <= set(b.participants):
                continue
            others = [p for p in b.participants if p not in persons]
            if not others or any(p not in index.actors or index.actors[p].kind != "Person" for p in others):
                continue
            covered = {c for p in others for c in represented([p], index)}
            # a country no one is known to stand for may be that of a person whose country the
            # text does not give ("Japanese Foreign Minister HE Mr. X": the title does not reach X)
            uncovered = set(countries) - covered
            if len(uncovered) <= unplaced_people(list(persons), index) and all(represented([p], index) & set(countries) for p in others):
                b.date, b.place = b.date or a.date, b.place or a.place
                b.primary = b.primary or a.primary
                a.same_as = b
                break


def _people_of_the_countries_meeting(drafts: list[MeetingDraft], index: ActorIndex) -> None:
    """A meeting of countries ("A and B held a bilateral meeting in Lima yesterday") and a later
    back reference to a meeting naming as many people ("The meeting was chaired by X and Y"),
    none of whom holds a post of another country, with the same status and mode and dates that
    agree, are one meeting: the people's draft takes the countries' date and place. A country
    no one is known to stand for may be that of a person whose country the text does not give.
    The people's meeting need not refer back when the countries' was of their holders of a post,
    unnamed, and the very next sentence names them (see :func:`_named_next`)."""
    roots = [d for d in drafts if d.same_as is None]
    for a in roots:
        if len(set(a.participants)) < 2 or any(p not in index.actors or index.actors[p].kind != "Country" for p in a.participants):
            continue
        countries = set(a.participants)
        for b in roots:
            if b is a or b.same_as is not None or b.root() is a or b.sentence.start <= a.sentence.start:
                continue
            if (b.status, b.mode) != (a.status, a.mode) or not dates_agree(a.date, b.date) or len(set(b.participants)) != len(countries):
                continue
            if any(p not in index.actors or index.actors[p].kind != "Person" for p in b.participants):
                continue
            if not any(t.lemma_.lower() == b.word and anaphoric(t) for t in b.sentence) and not _named_next(a, b, index):
                continue
            sides = represented(b.participants, index)
            if not sides <= countries or len(countries - sides) > unplaced_people(b.participants, index):
                continue
            b.date, b.place = b.date or a.date, b.place or a.place
            b.primary = b.primary or a.primary
            a.same_as = b
            break
    for p in roots:
        # "A, B, C and D diplomats agreed to meet again": the people of those sides' meeting
        if p.status != "planned" or p.same_as is not None or not any(t.lower_ == "again" for t in p.sentence):
            continue
        if any(k not in index.actors or index.actors[k].kind != "Country" for k in p.participants):
            continue
        held = {id(c.root()): c.root() for c in drafts if c.same_as is not None and c.status == "held" and set(c.participants) == set(p.participants)}
        if len(held) == 1:
            p.participants = list(next(iter(held.values())).participants)


def _indefinite_holder_named_next(drafts: list[MeetingDraft], index: ActorIndex) -> None:
    """"X held talks with a US Senator ... The President hosted Delaware Senator Y": a meeting of
    people and a country that stands for an unnamed holder of a post ("a US Senator", with an
    indefinite article), and the meeting told in the very next sentence, of the same people and
    someone who holds a post of that noun, with the same status and mode and dates that agree,
    are one meeting: the country's draft points at the people's, which takes its date and place."""
    roots = [d for d in drafts if d.same_as is None]
    for a in roots:
        countries = {p for p in a.participants if p in index.actors and index.actors[p].kind == "Country"}
        persons = {p for p in a.participants if p in index.actors and index.actors[p].kind == "Person"}
        if len(countries) != 1 or not persons or len(countries) + len(persons) != len(set(a.participants)):
            continue
        posts = set()
        for tok in a.sentence:
            if tok.pos_ not in ("NOUN", "PROPN") or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
                continue
            if {m.key for m in index.mentions_in(tok.left_edge.i, tok.i)} & countries:
                posts.add(tok.lower_)
        if not posts:
            continue
        doc = a.sentence.doc
        for b in roots:
            if b is a or b.same_as is not None or b.root() is a or b.sentence.start < a.sentence.end:
                continue
            if doc[a.sentence.end:b.sentence.start].text.strip():
                continue
            if (b.status, b.mode) != (a.status, a.mode) or not dates_agree(a.date, b.date) or not persons <= set(b.participants):
                continue
            if not any(_holds_post(p, posts, b.sentence, index) for p in b.participants if p not in persons):
                continue
            b.date, b.place = b.date or a.date, b.place or a.place
            b.primary = b.primary or a.primary
            a.same_as = b
            break


def _holds_post(key: str, posts: set[str], sent: Span, index: ActorIndex) -> bool:
    """The person holds a post of one of those nouns: by a role, or by the title printed before
    the name in the sentence ("Delaware Senator Y")."""
    actor = index.actors.get(key)
    if actor is None or actor.kind != "Person":
        return False
    if any(set(r.title.lower().split()) & posts for r in actor.roles):
        return True
    doc = sent.doc
    for m in index.mentions_in(sent.start, sent.end):
        if m.key == key and {t.lower_ for t in doc[max(sent.start, m.span.start - 3):m.span.end]} & posts:
            return True
    return False


def _named_next(a: MeetingDraft, b: MeetingDraft, index: ActorIndex) -> bool:
    """"Foreign ministers of A, B, C and D held a teleconference ... W, X, Y and Z gathered for a
    virtual meeting": the countries' meeting names its people by a plural post ("foreign
    ministers of", "the leaders of"), and the sentence right after it names as many people
    meeting: the people of that post."""
    doc = a.sentence.doc
    if b.sentence.start != a.sentence.end and doc[a.sentence.end:b.sentence.start].text.strip():
        return False
    countries = set(a.participants)
    for tok in a.sentence:
        if tok.tag_ not in _PLURAL_TAGS or role_phrase(tok) is None:
            continue
        named = {m.key for m in index.mentions_in(tok.left_edge.i, tok.right_edge.i + 1)}
        if countries <= named:
            return True
    return False
