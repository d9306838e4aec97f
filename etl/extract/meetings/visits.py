"""Visits: who travels where ("a two-day visit to Tokyo", "visited Kyiv", "will visit Moscow").

A visit with no talks stated is not a meeting ("previously visited New Zealand in 2014"), but
it places the visitor: the main meetings the visitor holds without a stated place are held
where the visit goes, when the article has the visitor going to one place only.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from etl.extract.context import ArticleContext
from etl.extract.meetings.attributes import place_spans
from etl.extract.meetings.draft import MeetingDraft
from etl.extract.meetings.participants import represented, subject_of, titled_subject, unnamed_sides
from etl.extract.meetings.triggers import status_of
from etl.extract.references import bound_possessive, refers_to
from etl.model import Place, RoleFact

@dataclass
class Visit:
    """A trip of some people to a place, as one expression reports it."""

    visitors: list[str]
    place: Place
    status: str
    date: str | None
    sentence: Span
    current: bool  # not an earlier trip mentioned in passing


def is_visit(trig: Token) -> bool:
    return trig.lemma_.lower() == "visit"


def travels(sent: Span, ctx: ArticleContext) -> list[Visit]:
    """Trips told by a verb of travel ("is expected to travel on to Moldova", "arrived in Seoul",
    "welcomed X to Canberra"): visits, though not meeting words."""
    out = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in ctx.vocab.meeting_triggers["travel_verb"] or ctx.in_quote(tok.idx):
            continue
        status = status_of(tok, ctx)
        place = destination(tok, ctx)
        who = visitors(tok, ctx) if place is not None else []
        if tok.lemma_.lower() == "welcome":
            # "I welcomed X to Canberra": the guest travels
            who = [k for o in tok.children if o.dep_ == "dobj" for k in refers_to(o, ctx.index)] if place is not None else []
        if status is not None and place is not None and who and not tour(tok, ctx):
            out.append(Visit(who, place, status, None, sent, True))
    for tok in sent:
        # "The Minister is presently in Sri Lanka for the summit": where the person is as the
        # story is told (the present tense of "be", a place after "in")
        if tok.lemma_.lower() == "be" and tok.tag_ in ("VBZ", "VBP") and tok.dep_ in ("ROOT", "conj") and not ctx.in_quote(tok.idx):
            where = _present_in(tok, ctx)
            subjects = [k for c in tok.children if c.dep_ == "nsubj" for k in refers_to(c, ctx.index) or _title_named_before(c, ctx)] if where is not None else []
            who = [k for k in subjects if k in ctx.index.actors and ctx.index.actors[k].kind == "Person"]
            if where is not None and who:
                out.append(Visit(who, where, "held", None, sent, True))
    for tok in sent:
        # "Lula is on a trip to Argentina": where the person travels as the story is told
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in _TRIP_NOUNS and tok.dep_ == "pobj" and tok.head.lower_ == "on" and not ctx.in_quote(tok.idx):
            verb = tok.head.head
            if verb.lemma_.lower() == "be" and verb.tag_ in ("VBZ", "VBP"):
                where = destination(tok, ctx)
                subjects = [k for c in verb.children if c.dep_ == "nsubj" for k in refers_to(c, ctx.index)] if where is not None else []
                who = [k for k in subjects if k in ctx.index.actors and ctx.index.actors[k].kind == "Person"]
                if where is not None and who and not tour(tok, ctx):
                    out.append(Visit(who, where, "held", None, sent, True))
    for tok in sent:
        # "X is (became) the first foreign minister to visit China since 2015": X visits China now
        if first_to_visit_since(tok) and tok.dep_ in ("acl", "relcl") and tok.head.dep_ in ("attr", "oprd") and not ctx.in_quote(tok.idx):
            copula = tok.head.head
            place = destination(tok, ctx)
            who = [k for k in subject_of(copula, ctx.index) if k in ctx.index.actors and ctx.index.actors[k].kind == "Person"]
            if place is not None and who and not any(c.dep_ == "aux" and c.lower_ in ("will", "would") for c in copula.children):
                out.append(Visit(who, place, "held", None, sent, True))
    return out


def _title_named_before(tok: Token, ctx: ArticleContext) -> list[str]:
    """"the Minister" after "Foreign Affairs Minister X ...": the person last named before with
    a title of that word."""
    from etl.extract.references import title_words

    if tok.tag_ not in ("NN", "NNP") or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return []
    before = [t for t in ctx.index.titles if t.person and t.span.end <= tok.i and tok.lower_ in title_words(t.title)]
    return [max(before, key=lambda t: t.span.start).person] if before else []


def _present_in(verb: Token, ctx: ArticleContext) -> Place | None:
    """The place of "is in <place>" on a present "be" (not "is in talks", "is in charge")."""
    for p in verb.children:
        if p.dep_ == "prep" and p.lower_ == "in":
            for obj in (o for o in p.children if o.dep_ == "pobj"):
                ent = next((e for e in place_spans(verb.sent, ctx) if e.start <= obj.i < e.end and e.label_ in ("GPE", "LOC")), None)
                if ent is not None:
                    return ctx.place_for(ent)
    return None


def destination(trig: Token, ctx: ArticleContext) -> Place | None:
    """Where a visit goes: "a visit to Kyiv", "visited Kyiv", "will visit Moscow"."""
    objects = [c for c in trig.children if c.dep_ == "dobj"] if trig.pos_ == "VERB" else []
    objects += [o for p in trig.children if p.dep_ == "prep" and (p.lower_ == "to" or p.lower_ == "in" and trig.lemma_.lower() == "arrive") for o in p.children if o.dep_ == "pobj"]
    if trig.pos_ == "NOUN" and trig.dep_ == "pobj" and trig.head.lower_ == "on" and trig.head.head.lemma_.lower() in _BEING_THERE:
        # "X is in Beijing on a three-day visit": the place the visitor is in
        verb = trig.head.head
        objects += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children if o.dep_ == "pobj"]
    if trig.pos_ == "NOUN" and not objects:
        objects = _to_past_a_capacity(trig, ctx)
    for obj in objects:
        ent = next((e for e in place_spans(trig.sent, ctx) if e.start <= obj.i < e.end), None)
        if ent is not None and not ctx.in_quote(ent.start_char):
            place = ctx.place_for(ent)
            if place is not None:
                return place
    return None


_BEING_THERE = {"be", "arrive", "stay", "remain"}
_TRIP_NOUNS = {"trip", "journey"}
_CAPACITY = {"capacity", "role", "quality"}


def _to_past_a_capacity(trig: Token, ctx: ArticleContext) -> list[Token]:
    """"his first visit in the capacity of (the) President to India": the parser hangs "to
    India" on "capacity"; the destination of the visit all the same. Only past a phrase of the
    visitor's capacity ("in the/his capacity of/as", "in his role as"), never past a post
    ("the ambassador to India" is a post, not a trip)."""
    out = []
    for p in trig.children:
        if p.dep_ != "prep" or p.lower_ not in ("in", "as"):
            continue
        for noun in (o for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in _CAPACITY):
            out += [o for q in noun.children if q.dep_ == "prep" and q.lower_ == "to" for o in q.children if o.dep_ == "pobj"]
    return out


def tour(trig: Token, ctx: ArticleContext) -> bool:
    """A trip to several places ("with visits to Lithuania, Estonia and Norway", "will travel to
    Rome and Paris"): its destination is a list, so no one of them is where a meeting is held."""
    objects = [c for c in trig.children if c.dep_ == "dobj"] if trig.pos_ == "VERB" else []
    objects += [o for p in trig.children if p.dep_ == "prep" and p.lower_ in ("to", "in") for o in p.children if o.dep_ == "pobj"]
    spans = place_spans(trig.sent, ctx)

    def listed(tok: Token) -> list[Token]:
        # the places joined to the first ("A, B and C"; "A, B, C" parsed as appositions)
        out = []
        for c in tok.children:
            if c.dep_ in ("conj", "appos"):
                out += [c, *listed(c)]
        return out

    for obj in objects:
        if any(any(e.start <= c.i < e.end for e in spans) for c in listed(obj)):
            return True
    return False


def first_to_visit_since(trig: Token) -> bool:
    """"the first Swedish foreign minister to visit China since 2015": the visit told is the
    current one; "since" dates the one before it."""
    return trig.pos_ == "VERB" and trig.lemma_.lower() == "visit" and any(c.lower_ == "first" for c in trig.head.children)


def first_visit_since(trig: Token) -> bool:
    """"It is the first visit of X's prime minister since 2018": the visit told is the current
    one, and "since" dates only an earlier visit, with no talks told."""
    return (trig.pos_ == "NOUN" and trig.lemma_.lower() == "visit" and any(c.dep_ == "amod" and c.lower_ == "first" for c in trig.children)
            and any(t.lower_ == "since" for t in trig.sent))


def visitors(trig: Token, ctx: ArticleContext) -> list[str]:
    """Who travels: "her visit" (the owner), "a visit by X", "X visited", "X, who was on a visit"; a country
    for a bare title of the publishing government ("the Chancellor should visit Beijing")."""
    owners = [c for c in trig.children if c.dep_ == "poss"]
    owners += [o for p in trig.children if p.dep_ == "prep" and p.lower_ == "by" and trig.pos_ == "NOUN" for o in p.children if o.dep_ == "pobj"]
    keys = [k for o in owners for k in _owner(o, ctx)]
    keys = keys or subject_of(trig, ctx.index) or unnamed_sides(trig, ctx)
    return [k for k in keys if k in ctx.index.actors and ctx.index.actors[k].kind in ("Person", "Country")]


def _owner(tok: Token, ctx: ArticleContext) -> list[str]:
    """Who a visit's possessor names ("welcomed him on his state visit": the one welcomed)."""
    bound = bound_possessive(tok, ctx.index)
    return [bound] if bound else refers_to(tok, ctx.index)


def visit_only(parts: list[str], place: Place, who: list[str], ctx: ArticleContext, trig: Token | None = None) -> bool:
    """The people of a held visit are the visitors and the places visited ("is visiting Cape
    Verde, Ivory Coast and Angola"): no talks are stated."""
    others = [p for p in parts if p not in who]
    visited = visited_countries(trig, ctx) if trig is not None else set()
    return bool(who) and all(p in (place.key, place.country) or p in visited for p in others)


def visited_countries(trig: Token, ctx: ArticleContext) -> set[str]:
    """The countries a visit word's destination list names ("visited A, B and C")."""
    objects = [c for c in trig.children if c.dep_ == "dobj"] if trig.pos_ == "VERB" else []
    objects += [o for p in trig.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]
    out: set[str] = set()
    for obj in objects:
        for t in obj.subtree:
            m = ctx.index.mention_at(t.i)
            if m is not None and m.kind == "Country":
                out.add(m.key)
    return out


def place_meetings(drafts: list[MeetingDraft], visits: list[Visit], ctx: ArticleContext, lead_start: int | None) -> None:
    """A main meeting without a stated place is where its visitor's trip goes when the visit is
    told in the meeting's own sentence ("will visit Moscow next week and is expected to meet X",
    which also dates it), before any other. A visit the headline or the lead tells ("... as foreign minister visits
    Kyiv") places the visitor's first main meeting only, the article's event; a visit told
    elsewhere places nothing ("She also met Y later in the day", "Park later paid a courtesy
    call on ...")."""
    announced = [d for d in drafts if d.status == "planned" and d.primary and d.same_as is None]
    firsts: dict[str, MeetingDraft] = {}
    for d in sorted((d for d in drafts if d.same_as is None and d.primary), key=lambda d: d.sentence.start):
        for p in d.participants:
            firsts.setdefault(p, d)
    for d in drafts:
        if not (d.primary or d.status == "planned") or d.same_as is not None:
            continue
        trips = [v for v in visits if v.current and v.status == d.status and set(v.visitors) & set(d.participants)]
        if d.status == "planned" and any(a.place is not None and a.place.key in {v.place.key for v in trips} for a in announced):
            d.primary = True  # another meeting of the announced trip
        # the trip the meeting's own sentence tells ("X, who is on a visit to A, also met Y")
        # before the one the headline or the lead tells
        told = [v for v in trips if v.sentence.start == d.sentence.start] or [
            v for v in trips if _leading(v, ctx, lead_start) and any(firsts.get(p) is d for p in v.visitors)]
        if len({v.place.key for v in told}) != 1:
            continue
        if d.place is None and not _placed_elsewhere(d, drafts):
            d.place = told[0].place
        if d.date is None:
            d.date = next((v.date for v in told if v.sentence.start == d.sentence.start and v.date), None)


def place_by_trip_elsewhere(drafts: list[MeetingDraft], visits: list[Visit], index=None) -> None:
    """A trip to one place told in another sentence ("X met Y on Tuesday. X is on a three-day
    visit to Seoul.") places the visitor's first main meeting, when nothing else (its own
    words, the lead, the dateline) placed it and all the visitor's current trips of that status
    go to that one place."""
    firsts: dict[str, MeetingDraft] = {}
    for d in sorted((d for d in drafts if d.same_as is None and d.primary), key=lambda d: d.sentence.start):
        for p in d.participants:
            firsts.setdefault(p, d)
    for d in drafts:
        if not d.primary or d.same_as is not None or d.place is not None or d.mode != "in-person" or _placed_elsewhere(d, drafts):
            continue
        trips = [v for v in visits if v.current and v.status == d.status and set(v.visitors) & set(d.participants)]
        told = [v for v in trips if any(firsts.get(p) is d for p in v.visitors)]
        if told and len({v.place.key for v in trips}) == 1:
            d.place = told[0].place
        elif trips and len({v.place.key for v in trips}) == 1 and _host_of(d, trips[0], index) and any(_just_after(v.sentence, d.sentence) for v in trips):
            # "X is on a trip to Argentina. Yesterday X met the country's president, Y": the
            # visitor met a host of the one country the trip the sentence before tells goes to, there
            d.place = trips[0].place


def _just_after(trip: Span, meeting: Span) -> bool:
    """The meeting's sentence is the one right after the trip's, in the same paragraph."""
    return meeting.start == trip.end and "\n" not in trip.text


def _host_of(d: MeetingDraft, trip: Visit, index) -> bool:
    """Every participant besides the visitors stands for the country the trip goes to."""
    country = trip.place.country or trip.place.key
    hosts = [p for p in d.participants if p not in trip.visitors]
    return bool(hosts) and all(represented([p], index) == {country} for p in hosts) and not represented(trip.visitors, index) & {country}


def _leading(visit: Visit, ctx: ArticleContext, lead_start: int | None) -> bool:
    """Told by the headline or the lead sentence."""
    return ctx.in_headline(visit.sentence.start_char) or visit.sentence.start_char == lead_start


def _placed_elsewhere(d: MeetingDraft, drafts: list[MeetingDraft]) -> bool:
    """Another report of the same meeting (same people and status) states its place."""
    return any(o is not d and o.place is not None and o.status == d.status and set(o.participants) == set(d.participants) for o in drafts)


def host_posts(drafts: list[MeetingDraft], visits: list[Visit], ctx: ArticleContext) -> None:
    """The host met on a visit to a country holds the post the text names for that country
    ("visit Beijing to discuss ... with her counterpart, Vice Premier X": China's), when the text
    gives the post no country and the visitors are of another country."""
    index = ctx.index
    destinations = {v.place.key for v in visits}
    for d in drafts:
        place = d.place
        if place is None or place.key not in destinations:
            # a site of the visit ("at Perdana Putra here" on a visit to Malaysia): the one place
            # the visitors' current trips go
            trips = {v.place.key: v.place for v in visits if v.current and v.status == d.status and set(v.visitors) & set(d.participants)}
            place = next(iter(trips.values())) if len(trips) == 1 and place is not None else place
        if place is None or place.country is None or place.key not in destinations or place.country not in index.actors:
            continue
        known = represented(d.participants, index) | {p for p in d.participants if index.actors[p].kind != "Person"}
        if place.country in known or not known:
            continue
        for p in d.participants:
            actor = index.actors[p]
            if actor.kind == "Person" and actor.country is None and actor.roles and all(r.of is None for r in actor.roles):
                actor.roles = [RoleFact(r.title, place.country, r.evidence) for r in actor.roles]
                actor.country = place.country


def place_within_stay(drafts: list[MeetingDraft], visits: list[Visit], ctx: ArticleContext) -> None:
    """A stay told from arrival to departure ("X arrived in Paris on Friday, 3 June ... X left
    Paris late on Friday afternoon"): the visitor's main in-person meetings told between the
    two sentences are held there, and, when the arrival gives one day and the departure no
    other, on that day. Any other trip of the visitor told in between breaks the stay."""
    for arrival in visits:
        if not arrival.current or arrival.status != "held":
            continue
        leaving = _departure(arrival, ctx)
        if leaving is None:
            continue
        begin, end = arrival.sentence.start, leaving.start
        if any(v is not arrival and set(v.visitors) & set(arrival.visitors) and begin <= v.sentence.start < end
               and v.place.key != arrival.place.key for v in visits):
            continue
        days = {m.value for m in ctx.dates_in(arrival.sentence.start_char, arrival.sentence.end_char) if m.value and len(m.value) == 10}
        later = {m.value for m in ctx.dates_in(leaving.start_char, leaving.end_char) if m.value}
        day = next(iter(days)) if len(days) == 1 and later <= days else None
        for d in drafts:
            if (d.same_as is not None or not d.primary or d.status != "held" or d.mode != "in-person"
                    or not begin <= d.sentence.start < end or not set(arrival.visitors) & set(d.participants)):
                continue
            if d.place is None:
                d.place = arrival.place
            if d.date is None and day is not None:
                d.date = day


def _departure(arrival: Visit, ctx: ArticleContext) -> Span | None:
    """The later sentence in which a visitor leaves the place of arrival ("X left Paris to
    return to New York"): "leave" with that place as its object and the visitor as subject."""
    for sent in ctx.sentences():
        if sent.start <= arrival.sentence.start:
            continue
        for tok in sent:
            if tok.pos_ != "VERB" or tok.lemma_.lower() != "leave" or ctx.in_quote(tok.idx):
                continue
            if not set(subject_of(tok, ctx.index) + titled_subject(tok, ctx.index)) & set(arrival.visitors):
                continue
            for obj in (c for c in tok.children if c.dep_ == "dobj"):
                ent = next((e for e in place_spans(sent, ctx) if e.start <= obj.i < e.end), None)
                place = ctx.place_for(ent) if ent is not None else None
                if place is not None and place.key == arrival.place.key:
                    return sent
    return None
