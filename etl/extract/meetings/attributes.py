"""A meeting's date and place, read from the clause of its trigger, and whether it is an
earlier meeting mentioned in passing."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span, Token

from etl.extract.context import ArticleContext
from etl.extract.meetings.participants import clause_of
from etl.extract.meetings.triggers import is_trigger
from diplokg.iris import slug
from etl.model import Place

_PAST_MARKERS = {"last", "previous", "previously", "since", "ago", "prior", "followed"}


def clause_chars(trigger: Token, ctx: ArticleContext) -> set[int]:
    """Character offsets where the trigger's clause has tokens, without the other clauses
    coordinated with it ("discussed the planned summit, and agreed that they will meet in
    Beijing next year"), plus a few tokens after the trigger's phrase. A participle opening
    the sentence stays ("On October 8, commencing at 4:30 p.m., X held talks ...")."""
    head = clause_of(trigger)
    tokens = {t.i for t in head.subtree}
    for c in head.children:
        if c.pos_ in ("VERB", "AUX") and c.dep_ in ("conj", "ccomp", "advcl", "parataxis") and trigger not in c.subtree:
            if c.dep_ == "advcl" and _opening_participle(c, head, ctx):
                continue
            if same_talks_conjunct(c, ctx):
                continue  # "met and held discussions at State House": the same talks
            tokens -= {t.i for t in c.subtree}
    for t in head.subtree:
        # clauses hanging off a noun ("the State Department, where the two discussed Gaza") or a
        # preposition ("on her first visit since taking office in January")
        if (t.dep_ in ("relcl", "acl", "pcomp") and t.pos_ in ("VERB", "AUX") and trigger not in t.subtree and not _describes(t, trigger)
                and t.lower_ != "visiting" and not _setting_held(t)):
            tokens -= {u.i for u in t.subtree} - _setting_phrase(t)
        # a clause nested deeper ("the first summit since Kim took office in January")
        elif t.dep_ == "advcl" and t.head.i != head.i and t.pos_ in ("VERB", "AUX") and trigger not in t.subtree:
            tokens -= {u.i for u in t.subtree}
    doc = trigger.doc
    removed = {t.i for t in head.subtree} - tokens
    edge = max((t.i for t in trigger.subtree if t.i not in removed), default=trigger.i)
    tokens |= {i for i in range(edge, min(edge + 7, trigger.sent.end)) if i not in removed}
    return {doc[i].idx for i in tokens}


_SETTING_NOUNS = {"part", "sideline", "sidelines", "margin", "margins", "fringe", "fringes"}


def _setting_held(verb: Token) -> bool:
    """"held meetings with A and B during the Summit of the Council of Europe, held in
    Reykjavik": a participle of holding on the event the meeting was during or at tells where
    that event, and so the meeting, took place."""
    event = verb.head
    return (verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_.lower() in ("hold", "host")
            and event.dep_ == "pobj" and event.head.lower_ in ("during", "at", "on"))


def _setting_phrase(verb: Token) -> set[int]:
    """The setting a purpose clause after the meeting word carries for the meeting, as the
    parser hangs it there ("held talks to deepen cooperation as part of the week of the
    Assembly in New York", "on the sidelines of the summit in Rio"): those tokens stay."""
    if verb.dep_ != "acl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return set()
    return {u.i for p in verb.children if p.dep_ == "prep" and p.lower_ in ("as", "on", "at")
            for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in _SETTING_NOUNS for u in p.subtree}


_HOLDING = {"hold", "have", "conduct"}


def same_talks_conjunct(verb: Token, ctx: ArticleContext) -> bool:
    """A verb coordinated with a meeting verb, without a subject of its own, that holds talks
    ("met and held discussions at X", "met and had talks in Y"): the same meeting told again."""
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in _HOLDING:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    words = ctx.vocab.meeting_triggers["event_noun"] | ctx.vocab.meeting_triggers["with_only"]
    return any(c.dep_ == "dobj" and (c.lemma_.lower() in words or c.lower_ in words) for c in verb.children)


def _opening_participle(clause: Token, head: Token, ctx: ArticleContext) -> bool:
    """An adverbial participle before the main verb, without a subject or a meeting of its own."""
    return (
        clause.i < head.i
        and clause.tag_ in ("VBG", "VBN")
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
        and not any(is_trigger(t, ctx) for t in clause.subtree)
    )


def _inside_earlier_meeting(char: int, trigger: Token, ctx: ArticleContext) -> bool:
    """A date inside another meeting word's phrase that marks an earlier meeting ("met ... for
    the first talks since April 2012"): that meeting's date, not this one's."""
    for t in trigger.sent:
        if t.i == trigger.i or trigger in t.subtree or not t.left_edge.idx <= char < t.right_edge.idx + len(t.right_edge.text):
            continue  # (not the phrase the trigger itself is in: "after a summit meeting in Tokyo")
        if t in trigger.subtree and is_trigger(t, ctx) and past_marked(t, ctx) and not (t.dep_ == "pobj" and t.head.lower_ == "during"):
            return True  # (not "received Y during a previous visit in May 2019": the visit's time is the meeting's)
        if _ordered_meeting(t, trigger, ctx):
            return True  # "held talks ahead of a regional summit on Friday": the summit's Friday
    return False


_ORDER_PREPS = {"before", "after", "following"}
_ORDER_HEADS = {"ahead", "prior"}


def _ordered_meeting(t: Token, trigger: Token, ctx: ArticleContext) -> bool:
    """Another meeting word the trigger's clause orders itself by ("ahead of the summit",
    "before the talks", "prior to the meeting"): a date in its phrase is its own."""
    if t.pos_ not in ("NOUN", "PROPN") or t.dep_ != "pobj" or t.lemma_.lower() not in ctx.vocab.meeting_triggers["event_noun"]:
        return False
    prep = t.head
    ordered = prep.lower_ in _ORDER_PREPS or (prep.lower_ in ("of", "to") and prep.head.lower_ in _ORDER_HEADS)
    return ordered and clause_of(t) == clause_of(trigger)


def _in_parentheses(char: int, sent: Span, ctx: ArticleContext) -> bool:
    before = ctx.text[sent.start_char:char]
    return before.count("(") > before.count(")")


def date_of(sent: Span, trigger: Token, ctx: ArticleContext, future: bool, previous: str | None) -> str | None:
    """The date nearest the trigger in its sentence; "later in the day" is the day of the
    meeting reported just before."""
    clause = clause_of(trigger)
    if clause.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "when" for c in clause.children):
        # "since November, when they held talks in Lima": the time the clause describes
        head = clause.head
        told = [m for m in ctx.dates_in(sent.start_char, sent.end_char, future) if m.start <= head.idx < m.end]
        if told:
            return told[0].value
    starts = clause_chars(trigger, ctx)
    mentions = [m for m in ctx.dates_in(sent.start_char, sent.end_char, future)
                if (m.value is not None or "day" in m.text or m.text.lower().endswith(PARTS_OF_DAY)) and m.start in starts]
    mentions = [m for m in mentions if not _inside_earlier_meeting(m.start, trigger, ctx)]
    # "Ankara, 18 August 2022 (Agency): X, on a visit to Y, met Z": the dateline's date is the
    # day the story was filed, no date of the clause the parser hung it on
    mentions = [m for m in mentions if not _in_lead_dateline(m, sent, ctx)]
    # "On September 22, at 3:10 p.m. (local time; 4:10 a.m. on September 23, Japan time)": the
    # date in parentheses is a conversion, not another date
    plain = [m for m in mentions if not _in_parentheses(m.start, sent, ctx)]
    mentions = plain or mentions
    if not mentions and not future and _clock_only(trigger, ctx):
        return _day_told_before(sent, ctx, back=_CLOCK_BACK)  # "kicked off meetings at 1:30 p.m.": the day the story is telling
    if not mentions and not future and _travelled_to_meet(clause, ctx):
        # "On Wednesday, the minister headed to Paris to meet her counterpart": the day of the trip
        return date_of(sent, clause.head, ctx, future, previous)
    if not mentions and not future:
        return _where_clause_date(sent, clause, ctx)
    if not mentions:
        return None
    best = min(mentions, key=lambda m: abs(m.start - trigger.idx))
    if same_day(best.text):
        if previous is None and best.text.lower().endswith(PARTS_OF_DAY):
            return _day_told_before(sent, ctx)
        return previous
    # "took place, earlier this week, on Monday, September 30": the finer of two dates that agree
    finer = [m.value for m in mentions if best.value and m.value and m.value.startswith(best.value)]
    return max(finer, key=len, default=best.value)


def _travelled_to_meet(clause: Token, ctx: ArticleContext) -> bool:
    """A purpose infinitive of a verb of travel ("headed to Paris to meet Y", "flew to Rome to
    hold talks"): the meeting is where and when the trip went."""
    return (clause.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
            and clause.head.pos_ == "VERB" and clause.head.lemma_.lower() in ctx.vocab.meeting_triggers["travel_verb"]
            and clause.head.lemma_.lower() != "welcome" and clause.head.tag_ in ("VBD", "VBZ", "VBP"))


def _where_clause_date(sent: Span, clause: Token, ctx: ArticleContext) -> str | None:
    """"X spoke on Thursday from the Palace, where he met Y": a "where" clause of a place of
    a dated clause tells what happened there then; the day of that clause's verb."""
    if clause.dep_ != "relcl" or clause.tag_ not in ("VBD", "VBN") or not any(c.dep_ == "advmod" and c.lower_ == "where" for c in clause.children):
        return None
    verb = next((a for a in clause.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    inner = {t.idx for t in clause.subtree}
    own = clause_chars(verb, ctx)
    told = [m for m in ctx.dates_in(sent.start_char, sent.end_char) if m.value and m.start in own and m.start not in inner]
    return told[0].value if len({m.value for m in told}) == 1 else None


def _in_lead_dateline(mention, sent: Span, ctx: ArticleContext) -> bool:
    """A date in the wire dateline that opens the story's lead sentence."""
    from etl.extract.meetings.passes import in_dateline, lead_sentence

    lead = lead_sentence(ctx)
    return lead is not None and lead.start == sent.start and in_dateline(mention, lead)


def same_day(text: str) -> bool:
    """"later in the day", "on the same day", "that day": the day of the meeting reported before."""
    return text.lower().endswith(("in the day", "same day", "that day", *PARTS_OF_DAY))


PARTS_OF_DAY = ("in the morning", "in the afternoon", "in the evening", "that morning", "that afternoon", "that evening")


def _day_told_before(sent: Span, ctx: ArticleContext, back: int = 1) -> str | None:
    """The one day the sentence before names ("Lavrov was in Oslo on Tuesday."), for a part of
    the day that opens the next ("In the morning he met ..."); with ``back``, the nearest of
    that many sentences before that names any date, when it names one day."""
    before = [s for s in ctx.sentences() if s.end <= sent.start][-back:]
    for prev in reversed(before):
        told = [m for m in ctx.dates_in(prev.start_char, prev.end_char) if m.value]
        if not told:
            continue
        values = {m.value for m in told}
        return values.pop() if len(values) == 1 and len(next(iter(values))) == 10 else None
    return None


_CLOCK = re.compile(r"\b(?:at\s+)?(?:around\s+)?\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)(?!\w)", re.IGNORECASE)
_CLOCK_BACK = 3  # sentences back where a meeting timed by the clock alone finds its day


def _clock_only(trigger: Token, ctx: ArticleContext) -> bool:
    """The trigger's clause times the meeting by the clock and names no day ("The president
    kicked off back-to-back meetings at 1:30 p.m. with X")."""
    clause = clause_of(trigger)
    text = trigger.doc[clause.left_edge.i:clause.right_edge.i + 1].text
    return bool(_CLOCK.search(text))


_NEXT_IN_TURN = re.compile(r"^\W*(?:thereafter|afterwards|after that|subsequently)\b", re.IGNORECASE)


_JUST_BEFORE = re.compile(r"^\W*(?:this|that|it)\s+(?:was|came|happened)\s+(?:shortly|just|soon|moments|minutes)\s+(?:after|before)\b", re.IGNORECASE)


def says_same_day(sent: Span, trigger: Token, ctx: ArticleContext) -> bool:
    """The trigger's clause dates it "on the same day" (or "later in the day"), or the sentence
    opens with the next in turn ("Thereafter, X met Y", after a meeting of that day), or ties
    the meeting just told to it ("This was shortly after X met Y")."""
    if (_NEXT_IN_TURN.search(sent.text) or _JUST_BEFORE.search(sent.text)) and not ctx.in_headline(sent.start_char):
        return True
    starts = clause_chars(trigger, ctx)
    return any(same_day(m.text) for m in ctx.dates_in(sent.start_char, sent.end_char) if m.start in starts)


def place_spans(sent: Span, ctx: ArticleContext) -> list[Span]:
    """Places named in a sentence: the model's GPE, LOC and FAC entities and the buildings it
    files as organizations (a venue word of meeting_triggers.csv ends them), and the capitals
    and countries of the gazetteer it missed ("a visit to Kyiv")."""
    venues = ctx.vocab.meeting_triggers["venue_word"]
    # buildings the model files as organizations ("the White House", "the Kremlin")
    ents = [e for e in sent.ents if e.label_ in ("GPE", "LOC", "FAC") or e.label_ == "ORG" and e[-1].lower_ in venues]
    taken = {i for e in ents for i in range(e.start, e.end)}
    for h in ctx.index.hits:
        if h.kind in ("capital", "country") and sent.start <= h.span.start and h.span.end <= sent.end and not taken.intersection(range(h.span.start, h.span.end)):
            ents.append(h.span)
            taken.update(range(h.span.start, h.span.end))
    countries = {i for e in ents for i in range(e.start, e.end)}
    for tok in sent:
        # "at the Prime Minister's Office", "at the Ministry of Foreign Affairs": a named building
        if tok.dep_ == "pobj" and tok.text[:1].isupper() and tok.lower_ in venues and tok.i not in taken and tok.head.lower_ in ("in", "at", "to"):
            start = next((t.i for t in tok.subtree if t.dep_ != "det"), tok.i)
            end = tok.right_edge.i + 1 if all(t.text[:1].isupper() or t.dep_ in ("prep", "case", "cc") or t.is_punct for t in tok.doc[tok.i + 1:tok.right_edge.i + 1]) else tok.i + 1
            if not taken.intersection(range(start, end)):
                ents.append(sent.doc[start:end])
                taken.update(range(start, end))
                continue
        # "in Rio de Janeiro, Brazil": a proper name the model missed, placed by its country
        if tok.dep_ == "pobj" and tok.pos_ == "PROPN" and tok.i not in taken and tok.head.lower_ in ("in", "at"):
            if any(c.dep_ == "appos" and c.i in countries for c in tok.children):
                start = min((c.i for c in tok.children if c.dep_ == "compound"), default=tok.i)
                if all(t.pos_ == "PROPN" for t in sent.doc[start:tok.i + 1]):
                    ents.append(sent.doc[start:tok.i + 1])
    for tok in sent:
        # "in Ulaanbaatar", "at Sheetal Niwas", "at State House-Entebbe", "in the city of
        # Cholpon-Ata": a proper name after "in"/"at" that the model missed or filed as an
        # organization, and that names no actor the article knows
        if tok.dep_ == "pobj" and tok.pos_ == "PROPN" and tok.i not in taken and _after_place_preposition(tok):
            name = _unknown_name(tok, sent, ctx)
            if name is None:
                continue
            inside = [e for e in ents if name.start <= e.start and e.end <= name.end]
            if taken.intersection(range(name.start, name.end)) - {i for e in inside for i in range(e.start, e.end)}:
                continue
            # "in Mar-a-Lago" with a part of it a place of the model: the whole name
            ents = [e for e in ents if not any(e is i for i in inside)] + [name]
            taken.update(range(name.start, name.end))
    return sorted(ents, key=lambda e: e.start)


def _after_place_preposition(tok: Token) -> bool:
    """The object of "in"/"at", or of "of" after a place noun there ("in the city of X")."""
    prep = tok.head
    if prep.lower_ == "of" and prep.head.dep_ == "pobj" and prep.head.pos_ == "NOUN" and prep.head.head.lower_ in ("in", "at"):
        return True
    return prep.lower_ in ("in", "at")


_WELCOMING = {"welcome", "receive", "host", "greet", "invite"}


def _welcomed_to_building(prep: Token, ent: Span, trigger: Token, ctx: ArticleContext) -> bool:
    """"welcomed X to Government House", "received Y to the Palace": a guest brought to a
    named building of the host's is met there. A city or a country after "to" tells the
    guest's trip, not the place (that is the visit's destination)."""
    venues = ctx.vocab.meeting_triggers["venue_word"]
    if ent[-1].lower_ not in venues or _gazetteer_place(ent, ctx):
        return False
    verb = prep.head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in _WELCOMING and (verb.i == trigger.i or trigger.head.i == verb.i)


_TRIP_NOUNS = {"visit", "trip", "tour", "stay"}


def _during_trip_to(prep: Token) -> bool:
    """"During the trip to Tbilisi X met Y", "on his visit to Oslo", "X hosted Y for his visit
    to Z": the "to" of a trip the meeting's clause says it took place during, or a host
    received the guest for, names where it was."""
    trip = prep.head
    if trip.pos_ != "NOUN" or trip.lemma_.lower() not in _TRIP_NOUNS or trip.dep_ != "pobj":
        return False
    if trip.head.lower_ in ("during", "on"):
        return True
    # "X hosted Y for his first visit to the Pentagon": the host meets the guest where the guest comes
    verb = trip.head.head
    return trip.head.lower_ == "for" and verb.pos_ == "VERB" and verb.lemma_.lower() in _WELCOMING


_NAME_LABELS = {"", "ORG", "FAC", "GPE", "LOC"}  # entity labels a place name may carry when the model misreads it


def _name_start(tok: Token, sent: Span) -> int:
    """Where the proper name ending at ``tok`` starts: its proper nouns compounded into it and
    the parts a hyphen joins ("Mar-a-Lago", "State House-Entebbe", "Sheetal Niwas")."""
    doc, start = tok.doc, tok.i
    while start > sent.start:
        prev = doc[start - 1]
        if prev.tag_ == "HYPH" and not prev.whitespace_ and start - 2 >= sent.start:
            part = doc[start - 2]
            if part.is_alpha and not part.whitespace_:
                start -= 2
                continue
            break
        if prev.pos_ == "PROPN" and prev.dep_ in ("compound", "flat") and start <= prev.head.i <= tok.i:
            start -= 1
            continue
        break
    return start


def _unknown_name(tok: Token, sent: Span, ctx: ArticleContext) -> Span | None:
    """The proper name ending at ``tok`` when it is no actor, date or known place of the
    article and the model gives it no other kind of entity (a person, a nationality): an
    unknown place. Not a name under "the" (the model's own FAC and ORG buildings cover those)
    nor an acronym."""
    if any(c.dep_ in ("amod", "poss", "det") for c in tok.children):
        return None
    name = sent.doc[_name_start(tok, sent):tok.i + 1]
    words = [t for t in name if t.tag_ != "HYPH"]
    if len(name.text) < 4 or not name.text[:1].isupper() or any(t.text.isupper() and len(t.text) > 1 for t in words):
        return None
    if any(t.ent_type_ not in _NAME_LABELS for t in name) or any(e.start < name.start < e.end or e.start < name.end < e.end for e in sent.ents):
        return None  # a person, a date, a nationality; or an entity running past the name
    if any(ctx.index.mention_at(t.i) is not None for t in name) or any(h.span.start < name.end and name.start < h.span.end for h in ctx.index.hits):
        return None
    last = name[-1].lower_
    if last in ctx.vocab.meeting_triggers["event_noun"] or last in _WEEKDAYS or last in _MONTHS:
        return None
    return name


_PLACE_NOUNS = {"area", "region", "city", "capital", "province", "district", "suburb", "outskirts", "border", "coast", "island", "port", "airport"}


def _city_after_site(best: Place, found: list[tuple[Span, bool, Place]], sent: Span) -> Place:
    """"received Y at the Palacio de Viana, in Madrid": a site and, right after it past a comma,
    "in" its city, both places of the meeting: the city."""
    site = next((e for e, city, p in found if p is best and not city), None)
    if site is None:
        return best
    doc = sent.doc
    for ent, city, place in found:
        if city and ent.start >= site.end + 2 and doc[site.end].text == "," and doc[site.end + 1].lower_ == "in" and (
                ent.start == site.end + 2 or ent.start == site.end + 3 and doc[site.end + 2].lower_ == "the"):
            return place
    return best


_DISCUSSING = {"discuss", "address", "review", "examine", "consider", "raise", "exchange"}


def _topic_place(prep: Token, trigger: Token, ent: Span, ctx: ArticleContext) -> bool:
    """The place's "in" qualifies what was discussed, not where: "a meeting on the crisis in
    Gaza"; "the situation in the Mediterranean was also discussed", "they reviewed the security
    situation in the Sahel" (a country or region in a common noun that is the subject of a
    passive or the object of a verb of discussing; "discussed relations in Vienna" keeps the city)."""
    noun = prep.head
    if prep.lower_ != "in" or noun.pos_ != "NOUN" or noun.i == trigger.i:
        return False
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        noun = noun.head  # "the situation in A and also the situation in B"
    if (noun.dep_ == "pobj" and noun.head.lower_ in ("on", "about", "regarding") and noun.head.head.i == trigger.i
            and trigger.pos_ in ("NOUN", "PROPN") and noun.ent_type_ not in ("DATE", "TIME")):
        return True  # "a high-level meeting on the crisis in Gaza" (not "a meeting on Monday evening in Vienna")
    # (the parser may coordinate the second topic with the verb itself)
    if noun.dep_ not in ("nsubjpass", "dobj", "conj"):
        return False
    if not (noun.head.pos_ == "VERB" and noun.head.lemma_.lower() in _DISCUSSING):
        return False
    country = ctx.index.mention_at(ent.start)
    return ent.label_ == "LOC" or country is not None and country.kind == "Country"


def _qualifies_a_thing(ent: Span, ctx: ArticleContext) -> bool:
    """A place name compounded into a common noun that is no venue nor place word ("the
    Benelux-Baltic format", "the Normandy format"), after "the"."""
    head = ent.root
    while head.dep_ in ("compound", "nmod") and head.head.i > head.i:
        head = head.head  # past the other names of the compound ("Benelux-Baltic")
    if head.i < ent.end or head.pos_ != "NOUN" or not head.is_lower:
        return False
    if ent.start == 0 or ent.doc[ent.start - 1].lower_ != "the":
        return False
    return head.lower_ not in ctx.vocab.meeting_triggers["venue_word"] and head.lemma_.lower() not in _PLACE_NOUNS


def place_of(sent: Span, trigger: Token, ctx: ArticleContext, quoted: bool = False) -> Place | None:
    """The place after "in"/"at" that the meeting's clause names ("in Tokyo", "in Rio de
    Janeiro"); a city is preferred to a building. ``quoted``: the trigger is in a quote that
    reports the meeting (a readout quoted), whose places count."""
    best: tuple[int, Place] | None = None
    found: list[tuple[Span, bool, Place]] = []
    allowed = {trigger.i, *(a.i for a in trigger.ancestors)}
    allowed |= {c.i for a in (trigger, *trigger.ancestors) for c in a.children if same_talks_conjunct(c, ctx)}
    allowed |= {c.i for c in trigger.children if _describes(c, trigger)}
    spans = place_spans(sent, ctx)
    # "cooperation in the Benelux-Baltic format", "in the Normandy format": a place name that
    # only qualifies a common noun names a grouping, not where anyone met
    spans = [e for e in spans if not _qualifies_a_thing(e, ctx)]

    def before(start: int) -> Token | None:
        prep = sent.doc[start - 1] if start > 0 else None
        if prep is not None and prep.lower_ == "the" and start > 1:
            prep = sent.doc[start - 2]
        return prep

    for ent in spans:
        if ent.start <= trigger.i < ent.end:
            continue  # "the resumption of Cyprus Talks" read as one building: the meeting's own name
        prep = before(ent.start)
        if prep is not None and prep.text == ",":
            # "at the Presidential Palace, Riga": the city after the building is the meeting's
            venues = ctx.vocab.meeting_triggers["venue_word"]
            venue = next((e for e in spans if e.end == prep.i and (e.label_ == "FAC" or any(t.lower_ in venues for t in e))), None)
            country = ctx.index.mention_at(ent.start)
            if venue is not None and ent.label_ == "GPE" and not (country is not None and country.kind == "Country"):
                prep = before(venue.start)
            elif venue is None and _city(ent, ctx):
                # "at his office at Cantonments, Accra": the city after the phrase of a site
                prep = _site_phrase_before(prep) or prep
        elif prep is not None and _city(ent, ctx):
            # "at State House Nairobi": a building's name, then its city with no comma
            venues = ctx.vocab.meeting_triggers["venue_word"]
            venue = next((e for e in spans if e.end == ent.start and e is not ent and e[-1].lower_ in venues), None)
            if venue is not None:
                prep = before(venue.start)
            elif prep.lower_ in venues and prep.text[:1].isupper():
                # (the model's one organization "State House Nairobi"): the words of the name before
                start = prep.i
                while start > sent.start and sent.doc[start - 1].text[:1].isupper() and sent.doc[start - 1].pos_ == "PROPN":
                    start -= 1
                prep = before(start)
        if (ent[0].lower_ == "the" or ent.start > 0 and sent.doc[ent.start - 1].lower_ == "the") and any(h.kind == "title" and h.span.start == ent.end for h in ctx.index.hits):
            continue  # "in the capacity of the Sri Lanka President": the country of a post, no venue
        if prep is not None and prep.lower_ == "of" and prep.head.dep_ == "pobj" and prep.head.pos_ == "NOUN" and prep.head.head.lower_ in ("in", "at"):
            prep = prep.head.head  # "at the border village of Panmunjom", "in the city of Hue"
        if prep is not None and prep.lower_ == "to" and not _welcomed_to_building(prep, ent, trigger, ctx) and not _during_trip_to(prep):
            continue
        if prep is None or prep.lower_ not in ("in", "at", "to"):
            continue
        if ctx.in_quote(ent.start_char) and not quoted:
            continue
        if prep.lower_ == "in" and ent.label_ not in ("GPE", "LOC", "FAC") and any(h.kind == "title" and h.span.end == prep.i for h in ctx.index.hits):
            continue  # "Minister of State in the Ministry of Foreign Affairs": the post's body, no venue
        if _topic_place(prep, trigger, ent, ctx):
            continue  # "During the meeting, the situation in the Mediterranean was discussed": a topic
        part_of = _as_part_of(prep, allowed | {c.i for c in trigger.children if _purpose(c)})
        if ent.start_char not in clause_chars(trigger, ctx) and not part_of:
            continue
        if _inside_earlier_meeting(ent.start_char, trigger, ctx):
            continue  # "happy to meet again after the meeting in Nagoya": that meeting's place
        if prep.lower_ == "at" and ent.label_ == "GPE" and ctx.index.mention_at(ent.start) is not None:
            continue
        near = part_of or _reaches(prep, allowed, ctx) or trigger.left_edge.i <= prep.i <= trigger.right_edge.i
        if not near and not ctx.in_caption(sent.start_char):
            continue
        # a city (or country) before a building: "at the Defense Ministry in Tokyo" is in Tokyo
        city = ent.label_ in ("GPE", "LOC") or _gazetteer_place(ent, ctx)
        distance = abs(ent.start - trigger.i) + (0 if city else 5)
        place = ctx.place_for(ent)
        if place is not None:
            found.append((ent, bool(city), place))
        if place is not None and (best is None or distance < best[0]):
            best = (distance, place)
    if best is not None:
        best = (best[0], _city_after_site(best[1], found, sent))
    if best is None and _met_here(trigger):
        return dateline_place(ctx)
    if best is None:
        # "after Vienna talks", "the Brussels summit": a city naming the meeting
        for ent in place_spans(sent, ctx):
            if ent.end == trigger.i or ent.end == trigger.i - 1 and sent.doc[ent.end].text in ("'s", "’s"):
                if ent.root.dep_ in ("compound", "nmod", "poss") and not any(h.kind == "country" and h.span.start == ent.start for h in ctx.index.hits):
                    return ctx.place_for(ent)
        clause = clause_of(trigger)
        if clause.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in clause.children):
            # "travel on to Moldova, where she will meet ...": the place the clause describes
            ent = next((e for e in place_spans(sent, ctx) if e.start <= clause.head.i < e.end), None)
            if ent is None and clause.head.dep_ == "pobj" and clause.head.ent_type_ in ("DATE", "TIME"):
                # "X was in Lisbon on Monday, where he held talks": the clause hangs on the day
                # of being there; the place of that same verb, just before the day
                verb = clause.head.head.head
                ent = next((e for e in place_spans(sent, ctx) if e.end <= clause.head.i and e.root.dep_ == "pobj"
                            and e.root.head.lower_ in ("in", "at") and e.root.head.head.i == verb.i), None)
            if ent is not None:
                return ctx.place_for(ent)
        if clause.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            # "made a stop in Seoul to speak with officials": the purpose clause's host clause
            return place_of(sent, clause.head, ctx)
    return best[1] if best else None


_DATELINE_CITY = re.compile(r"(?:^|\s)([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2}),?\s*(?:[A-Z][a-z]{2,4}\.? \d{1,2}\s*)?(?:\([^)\n]{1,40}\)\s*)?(?:--|—|–)")


# a dateline with the city in title case, then the agency ("Jakarta, MINA –", "Tokyo, Oct. 2 (Jiji Press)--")
_DATELINE_TITLE = re.compile(r"(?m)^([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}),\s*(?:[A-Z]{2,10}|(?:[A-Z][a-z]{2,4}\.?\s+\d{1,2}\s*)?\([^)\n]{1,40}\))\s*(?:--|—|–)")


# the agency first, then the city ("IO, Jakarta –")
_DATELINE_AGENCY_FIRST = re.compile(r"(?m)^[A-Z]{2,10},\s*([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})\s*(?:--|—|–)")


# a line opening with the city (upper or title case), maybe its country, then the day and month
# in either order, maybe the year and the agency, then a separator ("MANILA 09 January 2024 —",
# "TASHKENT, Uzbekistan, November 9.", "Ankara, 18 August 2022 (AGENCY):", "BELGRADE, March 3 (Agency) -")
_DATELINE_DATED = re.compile(
    r"(?m)^([A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,2})(?:,\s*[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})?,?\s+"
    r"(?:\d{1,2}\s+(?P<m1>[A-Z][a-z]{2,8})\.?|(?P<m2>[A-Z][a-z]{2,8})\.?\s+\d{1,2})(?:,?\s+\d{4})?"
    r"\s*(?:\([^)\n]{1,40}\)\s*)?(?:--|—|–|-|:|\.)(?=\s)")


def _dated_dateline(text: str) -> re.Match[str] | None:
    """The first line of ``text`` opening with a dated dateline whose month word is a month."""
    for m in _DATELINE_DATED.finditer(text):
        if (m.group("m1") or m.group("m2")).lower() in _MONTHS and m.group(1).split()[0].lower() not in _WEEKDAYS:
            return m
    return None


_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "on", "by", "since", "until", "from", "the"}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


# a line of the body opening with the city and a colon ("Abu Dhabi: Sheikh X received ...",
# "KUWAIT: Foreign Minister ..."); only a capital the gazetteer knows makes it a place
_DATELINE_COLON = re.compile(r"(?m)^([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,2}):[ \t]+(?=[A-Z])")


def _colon_dateline(text: str) -> re.Match[str] | None:
    """The first colon dateline below the first line (a headline "China: X meets Y" is none)."""
    return next((m for m in _DATELINE_COLON.finditer(text) if "\n" in text[:m.start()]), None)


def dateline_match(text: str) -> re.Match[str] | None:
    """A wire dateline in ``text``: "BEIJING, May 3 (Xinhua) --", "Jakarta, MINA –", "IO, Jakarta –",
    "MANILA 09 January 2024 —", "TASHKENT, Uzbekistan, November 9.", "Abu Dhabi: "."""
    found = [m for m in (_DATELINE_CITY.search(text), _DATELINE_TITLE.search(text), _DATELINE_AGENCY_FIRST.search(text), _dated_dateline(text),
                         _colon_dateline(text)) if m is not None]
    return min(found, key=lambda m: m.start(1)) if found else None


def _met_here(trigger: Token) -> bool:
    """"Wen met here Sunday with ...": "here" on the meeting's own verb."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    return any(c.lower_ == "here" and c.dep_ == "advmod" for t in {trigger, verb} for c in t.children)


def dateline_place(ctx: ArticleContext) -> Place | None:
    """The city of the dateline ("BEIJING, May 3 (Xinhua) --", "Updated: ... BEIJING --"),
    when the gazetteer knows it as a capital: the place "here" means."""
    match = dateline_match(ctx.text[:600])
    if match is None:
        return None
    city = match.group(1).title()
    country = next((c for c in ctx.vocab.countries if city in c.capitals), None)
    if country is None:
        return None
    key = slug(city)
    if key not in ctx.places:
        ctx.places[key] = Place(key=key, name=city, country=country.key)
    return ctx.places[key]


def _city(ent: Span, ctx: ArticleContext) -> bool:
    """A city the model or the gazetteer knows (not a country)."""
    known = ctx.index.mention_at(ent.start)
    if known is not None and known.kind == "Country" or any(h.kind == "country" and h.span.start == ent.start for h in ctx.index.hits):
        return False
    return ent.label_ == "GPE" or any(h.kind == "capital" and h.span.start == ent.start and h.span.end == ent.end for h in ctx.index.hits)


def _site_phrase_before(comma: Token) -> Token | None:
    """The "at"/"in" whose object's phrase ends right before ``comma`` ("at his office at
    Cantonments, "): the outermost one, nearest the verb."""
    if comma.i == 0:
        return None
    last = comma.doc[comma.i - 1]
    found = None
    for t in (last, *last.ancestors):
        if t.dep_ == "pobj" and t.head.lower_ in ("at", "in") and t.right_edge.i == last.i and t.pos_ in ("NOUN", "PROPN"):
            found = t.head
        elif t.dep_ not in ("pobj", "prep", "compound", "appos"):
            break
    return found


def is_building(place: Place, ctx: ArticleContext) -> bool:
    """A site rather than a city or country ("Chancellery", "Prime Minister's Office")."""
    words = place.name.lower().replace("’", "'").split()
    return bool(words) and words[-1] in ctx.vocab.meeting_triggers["venue_word"]


def _gazetteer_place(span: Span, ctx: ArticleContext) -> bool:
    return any(h.kind in ("capital", "country") and h.span.start == span.start and h.span.end == span.end for h in ctx.index.hits)


def _reaches(tok: Token, allowed: set[int], ctx: ArticleContext) -> bool:
    """The place's preposition hangs (within a few steps) under the trigger or its verbs; "on
    the sidelines of the summit in Rio" counts the sidelines phrase as one step, a chain of "of"
    phrases naming one setting ("the week of the session of the Assembly in New York") as none,
    and so does "as part of" the event it names ("as part of the High-Level week of the 79th
    session of the UN General Assembly in New York")."""
    if _as_part_of(tok, allowed):
        return True
    if tok.lower_ == "in" and tok.head.dep_ == "pobj" and tok.head.head.lower_ == "at" and tok.head.head.i != tok.i:
        tok = tok.head.head  # "at the Ministry of Defence in Kuala Lumpur": the city of the building, one step
    t, steps = tok, 4
    while steps > 0:
        if t.head.i in allowed:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
        if t.lower_ == "of" or t.dep_ == "pobj" and t.head.lower_ == "of":
            continue
        if t.lemma_.lower() not in ctx.vocab.meeting_triggers["in_person_cue"]:
            steps -= 1
    return False


def _purpose(verb: Token) -> bool:
    """An infinitive of purpose on the meeting word ("talks to deepen cooperation as part of ...")."""
    return verb.dep_ in ("acl", "advcl") and verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _as_part_of(tok: Token, allowed: set[int]) -> bool:
    """The preposition ends a chain of "of" phrases under "as part of" on the trigger's clause."""
    t = tok.head
    while t.dep_ == "pobj" and t.head.lower_ == "of":
        t = t.head.head
        if t.lower_ == "part" and t.dep_ == "pobj" and t.head.lower_ == "as":
            return t.head.head.i in allowed
    return False


def past_marked(trigger: Token, ctx: ArticleContext) -> bool:
    """Mentioned in passing as an earlier meeting: "last held talks", "since X hosted a
    summit", "followed a call between ...". Only the trigger's own phrase counts: not a clause
    coordinated with it ("met X and visited a plant damaged last week"), not another meeting
    word inside it, and not "prior to", which orders the meetings of one visit."""
    tokens = _own_phrase(trigger, ctx)
    heads = [trigger, trigger.head] if trigger.dep_ in ("dobj", "pobj", "conj", "xcomp") else [trigger]
    for head in heads:
        tokens += [head, *(c for c in head.children if c.dep_ in ("advmod", "npadvmod", "mark", "amod"))]
    words = {t.lower_ for t in tokens if not (t.lower_ == "prior" and any(c.lower_ == "to" for c in t.children)) and not just_ago(t)}
    return bool(words & _PAST_MARKERS)


_JUST_NOW = {"while", "moment", "moments", "minute", "minutes", "hour", "hours"}


def just_ago(tok: Token) -> bool:
    """"a short while ago", "moments ago", "hours ago": just before the story was written, on its
    day, not an earlier meeting."""
    return tok.lower_ == "ago" and any(c.lower_ in _JUST_NOW for c in tok.subtree if c.i != tok.i)


_OTHER_CLAUSE = {"conj", "cc", "relcl", "acl", "advcl", "ccomp", "parataxis"}


def _describes(clause: Token, trigger: Token) -> bool:
    """A participle on the meeting word itself: "the Meeting held last month", "talks held in
    Tokyo"; or its relative clause of who held it ("the talks she held with Y in Vienna")."""
    if clause.dep_ == "relcl" and clause.head.i == trigger.i and clause.lemma_.lower() in ("have", "hold", "conduct"):
        return any(c.dep_ == "nsubj" and c.lower_ not in ("which", "that") for c in clause.children)
    return clause.dep_ == "acl" and clause.head.i == trigger.i and clause.tag_ in ("VBN", "VBD")


def _own_phrase(trigger: Token, ctx: ArticleContext) -> list[Token]:
    out, stack = [trigger], list(trigger.children)
    while stack:
        t = stack.pop()
        if t.dep_ in _OTHER_CLAUSE and t.pos_ in ("VERB", "AUX", "CCONJ") and not _describes(t, trigger) or is_trigger(t, ctx):
            continue
        out.append(t)
        stack.extend(t.children)
    return out


_RECENT_DAYS = 7  # a meeting dated within a week before the anchor is news, not background


def older_than_anchor(date: str | None, ctx: ArticleContext) -> bool:
    """A meeting dated before the article's time: a day more than a week before the anchor, a
    month before the anchor's month, a year before its year."""
    if date is None or ctx.anchor is None:
        return False
    anchor = ctx.anchor.isoformat()
    if len(date) == 10:
        return (ctx.anchor - dt.date.fromisoformat(date)).days > _RECENT_DAYS
    return date[:7] < anchor[:7] and not anchor.startswith(date)
