"""Meeting words ("met", "talks", "phone call", "visit") and what they say of the meeting:
its mode (in person, phone, video) and status (held, planned, or neither)."""

from __future__ import annotations

from spacy.tokens import Token

from etl.extract.context import ArticleContext

_FUTURE_AUX = {"will", "shall", "'ll", "’ll"}


_HYPOTHETICAL = {"could", "would", "might", "may", "possible", "possibility", "potential", "unless", "if"}


_RELATION_OF = {"exchange"}  # lemmas
# Meeting nouns that report a meeting only as what someone holds ("held consultations with X").
_HELD_ONLY = {"dialogue", "consultation", "consultations", "negotiation", "negotiations"}
_CALL_OK_HEADS = {"during", "in", "on", "by", "over", "after", "before"}


def is_trigger(tok: Token, ctx: ArticleContext) -> bool:
    """A word that reports a meeting: "met", "talks", "summit", "phone call", "visit"."""
    triggers = ctx.vocab.meeting_triggers
    lemma = tok.lemma_.lower()
    if ctx.in_quote(tok.idx) and not held_as_described(tok):
        return False
    if tok.pos_ in ("NOUN", "PROPN") and (lemma in triggers["event_noun"] or tok.lower_ in triggers["event_noun"]):
        if tok.tag_ in ("NNS", "NNPS") and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in triggers["generic_quantity"]:
            return False  # "after a series of bilateral meetings": meetings without parties
        if lemma == "call":
            return any(c.lower_ == "courtesy" for c in tok.children) or is_phone_call(tok, ctx)
        if lemma == "visit":
            return not _practice_of_visits(tok)
        if lemma in ("conversation", "conference"):
            if any(c.lemma_.lower() in triggers["phone_cue"] | triggers["video_cue"] for c in tok.children):
                return True
            # "X had a conversation with the Ambassador of Japan, Y": talks held with a person
            return lemma == "conversation" and _held_with_a_person(tok, ctx)
        if lemma in triggers["with_only"] or tok.lower_ in triggers["with_only"]:
            # "had separate discussions with his counterparts": held with someone; not
            # "discussions on trade", "after discussions"
            return (tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("have", "hold", "conduct")
                    and any(c.dep_ == "prep" and c.lower_ == "with" for c in (*tok.children, *tok.head.children))
                    or _between_people(tok, ctx))
        if lemma in _HELD_ONLY or tok.lower_ in _HELD_ONLY:
            # "hold a high-level dialogue", "hold the next round of their defense dialogue",
            # "held consultations with X"; not "the dialogue mechanism", "consultations on a deal"
            held = tok.head.head if tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in ("round", "session") else tok
            verbs = ("hold", "convene", "launch", "resume", "host", "conduct") if lemma == "dialogue" else ("hold", "conduct", "host")
            return held.dep_ == "dobj" and held.head.lemma_.lower() in verbs
        return True
    if (tok.pos_ == "NOUN" and lemma in triggers.get("working_meal", ()) and any(c.dep_ == "amod" and c.lower_ == "working" for c in tok.children)
            and any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)):
        return True  # "a working breakfast with X": talks over a meal (not "a lunch hosted by X")
    if tok.pos_ == "NOUN" and lemma == "exchange" and _exchange_with_someone(tok, ctx):
        return True  # "an exchange with members of the Committee", "an exchange of views with X"
    if tok.pos_ == "VERB" and lemma == "call" and calls_on_someone(tok, ctx):
        return True  # "X called on Prime Minister Y at The Lodge": a courtesy call
    if tok.pos_ == "VERB" and lemma == "call" and not any(c.dep_ == "prep" and c.lower_ in ("for", "on") for c in tok.children):
        # "X called the Prime Minister earlier today"; a headline's "PM call with X" parsed as a verb
        return _speaks_with_someone(tok, ctx) or _calls_someone(tok, ctx)
    if tok.pos_ == "VERB" and lemma == "shake" and any(c.dep_ == "dobj" and c.lower_ == "hands" for c in tok.children):
        return True
    if tok.pos_ == "VERB" and lemma == "engage" and _engages_someone(tok, ctx):
        return True  # "X engaged his counterpart Y on bilateral issues"
    if tok.pos_ == "VERB" and lemma == "receive":
        return _receives_someone(tok, ctx) and not _on_arrival(tok, ctx)
    if tok.pos_ == "VERB" and lemma in ("welcome", "host") and _hosts_someone_at(tok, ctx):
        return not _on_arrival(tok, ctx)
    if tok.pos_ == "VERB" and lemma == "host" and _hosts_someone_in_a_city(tok, ctx):
        return True
    if tok.pos_ == "VERB" and lemma in ("welcome", "host") and _receives_a_led_group(tok, ctx):
        return not _on_arrival(tok, ctx)  # "welcomed a delegation led by X"
    if tok.pos_ == "VERB" and lemma in triggers["with_person_verb"]:
        return _with_a_person(tok, ctx)
    if tok.pos_ == "VERB" and lemma in triggers["event_verb"]:
        if tok.dep_ in ("acl", "relcl") and _infinitive(tok) and not _headline_future(tok, ctx):
            return False
        if lemma == "visit" and tok.tag_ == "VBG" and _visiting_person(tok, ctx):
            return False  # "met with visiting Foreign Minister X": a guest's description, not a second meeting
        if lemma == "host" and not any(c.lemma_.lower() in ("talk", "meeting", "summit", "talks") for c in tok.children):
            return False
        if lemma in triggers["call_verb"]:
            return _speaks_with_someone(tok, ctx)
        if _meets_the_press(tok, ctx):
            return False
        return True
    return False


_DESCRIBE = {"describe", "call", "term", "characterize", "characterise", "label"}


def held_as_described(tok: Token) -> bool:
    """"X held what the ministry described as "a positive meeting" with Y": the quoted words
    name the meeting the story's own verb says was held (the quote only describes it)."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "as" or tok.pos_ != "NOUN":
        return False
    verb = tok.head.head
    if verb.lemma_.lower() not in _DESCRIBE or not any(c.dep_ == "dobj" and c.lower_ == "what" for c in verb.children):
        return False
    return verb.dep_ in ("ccomp", "dobj") and verb.head.lemma_.lower() in ("hold", "have")


def _engages_someone(tok: Token, ctx: ArticleContext) -> bool:
    """"X engaged his counterpart, Y, on bilateral issues": a person engages a person (as its
    direct object, with what they took up after "on"), in a past or present report, not
    "engaging senior officials in discussions" as a plan."""
    from etl.extract.references import refers_to

    if tok.tag_ not in ("VBD", "VBZ", "VBP") or tok.dep_ in ("xcomp", "amod", "acl", "relcl") or _infinitive(tok):
        return False
    if not any(c.dep_ == "prep" and c.lower_ in ("on", "over") for c in tok.children):
        return False

    def person(t: Token) -> bool:
        return any(k in ctx.index.actors and ctx.index.actors[k].kind == "Person" for k in refers_to(t, ctx.index))

    return any(c.dep_ == "nsubj" and person(c) for c in tok.children) and any(c.dep_ == "dobj" and person(c) for c in tok.children)
_VIEWS = {"view", "views", "opinion", "opinions", "idea", "ideas"}


def _held_with_a_person(tok: Token, ctx: ArticleContext) -> bool:
    """"had a conversation with Y", "held a conversation with Y": a meeting noun that someone has
    or holds, "with" (on it or on the verb) a person of the article."""
    from etl.extract.references import countries_of, refers_to, role_phrase

    # "In a conversation with the Estonian Ambassador, X highlighted ...": the setting of what
    # the main clause's subject said, a conversation held
    setting = tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during") and tok.head.head.pos_ == "VERB" and tok.head.i < tok.head.head.i
    if not setting and (tok.dep_ != "dobj" or tok.head.lemma_.lower() not in ("have", "hold", "conduct")):
        return False
    objects = [o for h in (tok, tok.head) for p in h.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.dep_ == "pobj"]
    if any(role_phrase(o) is not None and countries_of(o, ctx.index) for o in objects):
        return True  # "had a brief conversation with the leaders of Japan and the US": people by their posts
    return any(k in ctx.index.actors and ctx.index.actors[k].kind == "Person" for o in objects for k in refers_to(o, ctx.index))


def _exchange_with_someone(tok: Token, ctx: ArticleContext) -> bool:
    """"an exchange with members of the Foreign Policy Committee", "a frank exchange of views
    with Y": talks, when the exchange is with people or a body, and of nothing but views (not
    "an exchange of prisoners with Y", "trade exchange with Y")."""
    from etl.extract.references import refers_to

    if any(c.dep_ == "prep" and c.lower_ == "of" and not any(o.lower_ in _VIEWS for o in c.children) for c in tok.children):
        return False
    if any(c.dep_ in ("compound", "amod") and c.lower_ not in ("frank", "intense", "brief", "open", "direct", "lively", "detailed", "candid", "fruitful") for c in tok.children):
        return False
    holder = tok.head if tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("have", "hold", "conduct") else tok
    views = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.lower_ in _VIEWS]
    objects = [o for h in {tok, holder, *views} for p in h.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.dep_ == "pobj"]
    for o in objects:
        # (people or a body: "an exchange with Russia" may be of prisoners)
        if o.lemma_.lower() in ("member", "representative") or any(
                k in ctx.index.actors and ctx.index.actors[k].kind == "Person" for k in refers_to(o, ctx.index)):
            return True
        if any(e.label_ in ("ORG", "PERSON") and e.start <= o.i < e.end for e in tok.sent.ents) and ctx.index.mention_at(o.i) is None:
            return True
    return False


def _meets_the_press(tok: Token, ctx: ArticleContext) -> bool:
    """"X met with members of the media", "met reporters on Wednesday": a press event, not
    talks (every one met is the press)."""
    press = ctx.vocab.meeting_triggers["press_word"]
    met = [c for c in tok.children if c.dep_ == "dobj"]
    met += [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.dep_ == "pobj"]
    if not met:
        return False

    def is_press(o: Token) -> bool:
        if o.lemma_.lower() in press or o.lower_ in press:
            return True
        # "members of the media", "representatives of the press"
        return any(p.dep_ == "prep" and p.lower_ == "of" and any(g.dep_ == "pobj" and (g.lemma_.lower() in press or g.lower_ in press) for g in p.children)
                   for p in o.children) and ctx.index.mention_at(o.i) is None

    return all(is_press(o) for o in met) and not any(c.dep_ == "conj" for o in met for c in o.children)


_PRACTICE = {"mutual", "reciprocal", "regular", "periodic", "frequent", "annual", "shuttle"}


def _practice_of_visits(tok: Token) -> bool:
    """Visits as a practice, not a meeting: "mutual visits to each other's countries", "regular
    visits", "exchanges of visits" (plural, with no visit of anyone in particular)."""
    if tok.tag_ not in ("NNS", "NNPS"):
        return False
    if any(c.dep_ == "amod" and c.lower_ in _PRACTICE for c in tok.children):
        return True
    if tok.head.lower_ == "of" and tok.head.head.lemma_.lower() == "exchange":
        return True
    return any(t.lower_ in ("other", "another") and t.i > 0 and tok.doc[t.i - 1].lower_ in ("each", "one") for t in tok.subtree)


_CREDENTIALS = {"credentials", "credence", "letters", "letter"}


def _visiting_person(tok: Token, ctx: ArticleContext) -> bool:
    """"visiting" right before the person it describes ("visiting Ruritanian Foreign Minister X")."""
    from etl.extract.references import refers_to

    if tok.dep_ == "amod":
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    return nxt is not None and any(o.left_edge.i == nxt.i and any(ctx.index.actors[k].kind == "Person" for k in refers_to(o, ctx.index)) for o in objs)


def _receives_a_led_group(tok: Token, ctx: ArticleContext) -> bool:
    """"X welcomed a delegation from A led by Y": a group received, whose leader is named."""
    from etl.extract.references import led_by

    return any(c.dep_ == "dobj" and led_by(c, ctx.index) for c in tok.children)


def visiting_guests(verb: Token) -> list[Token]:
    """The guest of "received [here] [today] visiting Foreign Minister X" parsed with X the
    object of "visiting": "visiting" as the verb's complement, or, where the verb has no
    object of its own, tacked onto a noun of its phrases ("received at the Palace visiting X")."""
    heads = [c for c in verb.children if c.dep_ == "xcomp" and c.lower_ == "visiting"]
    if not any(c.dep_ == "dobj" for c in verb.children):
        heads += [a for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
                  for a in o.children if a.dep_ == "acl" and a.lower_ == "visiting" and a.tag_ == "VBG"]
    return [g for h in heads for g in h.children if g.dep_ == "dobj"] + displaced_objects(verb)


_HOSTING_LEMMAS = {"receive", "welcome", "host"}


def displaced_objects(verb: Token) -> list[Token]:
    """The guest of "received yesterday at the Palace, in Madrid, the High Representative, X"
    when the parser, with the object put after the verb's phrases, hangs it on the last of
    them as an apposition: of a receiving verb with no object of its own, the appositions
    after a noun of its phrases (a caller keeps only the persons among them)."""
    if verb.lemma_.lower() not in _HOSTING_LEMMAS or any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return []
    out = []
    for p in verb.children:
        if p.dep_ != "prep" or p.i < verb.i:
            continue
        for o in p.children:
            if o.dep_ == "pobj":
                out.extend(a for a in o.children if a.dep_ == "appos" and a.i > o.i)
    return out


def _receives_someone(tok: Token, ctx: ArticleContext) -> bool:
    """"Premier X received the visiting Foreign Minister Y", "received the credentials of
    Ambassador Y" (an audience): a person received, not a thing ("received a letter", "received
    a phone call from Y", where the call is the meeting word)."""
    from etl.extract.references import refers_to

    def person(t: Token) -> bool:
        return any(ctx.index.actors[k].kind == "Person" for k in refers_to(t, ctx.index))

    objs = [c for c in tok.children if c.dep_ == "dobj"]
    objs += visiting_guests(tok)
    hosts = [o for a in tok.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    if any(person(h) for h in hosts):
        # "X was received by President Y": the guest is the passive's subject
        objs += [c for c in tok.children if c.dep_ == "nsubjpass"]
    for obj in objs:
        if person(obj):
            return True
        if obj.lower_ in _CREDENTIALS:
            owners = [o for p in obj.subtree if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
            if any(person(o) or person(o.head.head) for o in owners):
                return True
    return False


def _on_arrival(tok: Token, ctx: ArticleContext) -> bool:
    """"X received Y at the forecourt of the Villa", "welcomed Y at the airport", "received Y on
    arrival": a guest greeted where the trip ends, a protocol welcome, not talks."""
    words = ctx.vocab.meeting_triggers["arrival_place"]
    heads = [tok, *(c for c in tok.children if c.dep_ == "dobj")]  # "received Y at the airport" parsed either way
    for prep in (p for h in heads for p in h.children):
        if prep.dep_ == "prep" and prep.lower_ in ("at", "on", "upon"):
            if any(o.dep_ == "pobj" and o.lemma_.lower() in words for o in prep.children):
                return True
    return False


def _honorific(tok: Token) -> bool:
    """A style of address the parser split from the name it opens ("called today H.E., Mr.
    X", with "H.E." read as what X is called): no naming."""
    from etl.extract.names import honorifics

    return tok.dep_ == "oprd" and tok.text.lower().rstrip(".") in honorifics()


def _purpose(tok: Token) -> bool:
    """"called X to congratulate him", "called X to discuss the crisis": an infinitive with
    its own object tells why the caller called, not what X was summoned to do ("called X to
    resign")."""
    return tok.dep_ == "xcomp" and tok.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and any(
        c.dep_ == "dobj" for c in tok.children)


def _calls_someone(tok: Token, ctx: ArticleContext) -> bool:
    """"called X" with X a person or a title, and nothing making it a naming ("called him a
    liar") or a summons ("called X to resign"); an honorific split from the name or a
    purpose with its own object ("to congratulate him") is neither."""
    from etl.extract.references import refers_to

    if any(c.dep_ in ("oprd", "xcomp", "ccomp", "attr") and not _honorific(c) and not _purpose(c) for c in tok.children) or tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod"):
        return False
    # the name after a split honorific may hang on it ("H.E., Mr. X" with X its conjunct)
    objects = [c for c in tok.children if c.dep_ == "dobj"] + [n for c in tok.children if _honorific(c) for n in c.children if n.dep_ in ("conj", "appos")]
    for obj in objects:
        if (refers_to(obj, ctx.index) or any(t.span.start <= obj.i < t.span.end for t in ctx.index.titles)):
            return any(ctx.index.actors[k].kind == "Person" for k in refers_to(obj, ctx.index)) or obj.pos_ == "PROPN"
    return False


def _hosts_someone_at(tok: Token, ctx: ArticleContext) -> bool:
    """"welcomed Prime Minister X at the Prime Minister's Office", "hosted X at the White
    House": a person received at a named place is met there (not "welcomed the decision",
    nor "welcomed X to Canberra", which tells the guest's trip)."""
    from etl.extract.references import refers_to

    venues = ctx.vocab.meeting_triggers["venue_word"]

    def named_place(p: Token) -> bool:
        # "at the Prime Minister's Office"; "to Government House", "to the Kremlin": a building, where
        # the host receives (a city or a country after "to" is the guest's trip)
        return any(o.dep_ == "pobj" and o.text[:1].isupper() and (p.lower_ == "at" or o.lemma_.lower() in venues) for o in p.children)

    # the place's phrase on the verb, or on its object ("hosted senator X at State House Nairobi")
    preps = [*tok.children, *(p for o in tok.children if o.dep_ == "dobj" for p in o.children if p.lower_ == "at")]
    if not any(p.dep_ == "prep" and p.lower_ in ("at", "to") and named_place(p) for p in preps):
        return False
    # ("welcomed today at the Chancellery, in Vienna, the Foreign Minister of X, Y": the guest put last)
    guests = [o for o in tok.children if o.dep_ == "dobj"] + displaced_objects(tok)
    return any(any(ctx.index.actors[k].kind == "Person" for k in refers_to(o, ctx.index)) for o in guests)


def _hosts_someone_in_a_city(tok: Token, ctx: ArticleContext) -> bool:
    """"President X hosted Prime Minister Y in the Iraqi capital, Baghdad": a person hosts a
    person in a city (or a country) named after "in": received there, a meeting ("hosted the
    summit in Baghdad" hosts an event, "hosted a dinner for Y" a meal: no person as object)."""
    from etl.extract.meetings.attributes import place_spans
    from etl.extract.references import refers_to

    def person(t: Token) -> bool:
        return any(k in ctx.index.actors and ctx.index.actors[k].kind == "Person" for k in refers_to(t, ctx.index))

    if tok.tag_ not in ("VBD", "VBZ", "VBP") or not any(c.dep_ == "nsubj" and person(c) for c in tok.children):
        return False
    if not any(c.dep_ == "dobj" and person(c) for c in tok.children):
        return False
    spans = [e for e in place_spans(tok.sent, ctx) if e.label_ in ("GPE", "LOC")]
    # the place's phrase on the verb or on its object ("hosted Y in Baghdad" parsed either way)
    heads = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
    for p in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "in"):
        for o in (o for o in p.children if o.dep_ == "pobj"):
            if any(e.start <= t.i < e.end for t in o.subtree for e in spans):
                return True
    return False


def calls_on_someone(tok: Token, ctx: ArticleContext) -> bool:
    """"called on Prime Minister X (at The Lodge)": a courtesy call on a person, not an appeal
    ("called on X to end the blockade", "called on China to respect the ruling")."""
    from etl.extract.references import refers_to

    if tok.lemma_.lower() != "call" or any(c.dep_ in ("xcomp", "ccomp", "advcl", "oprd") for c in tok.children):
        return False
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "on" and prep.i == tok.i + 1:
            for obj in prep.children:
                if obj.dep_ != "pobj" or any(c.dep_ in ("acl", "relcl") or c.lower_ == "to" for c in obj.subtree if c.i != obj.i):
                    continue
                if any(ctx.index.actors[k].kind == "Person" for k in refers_to(obj, ctx.index)):
                    return True
    return False


def _between_people(tok: Token, ctx: ArticleContext) -> bool:
    """"The discussions between Minister A and his Latvian counterpart": talks of two people
    or more, each side a person (not "discussions between the two countries on trade")."""
    from etl.extract.references import refers_to

    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "between":
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                keys = refers_to(obj, ctx.index)
                if len(keys) >= 2 and all(ctx.index.actors[k].kind == "Person" for k in keys if k in ctx.index.actors):
                    return True
    return False


def _with_a_person(tok: Token, ctx: ArticleContext) -> bool:
    """"X discussed trade with President Y", "exchanged views with Minister Y": a person's
    talks with another person, told by what they did together. Not a purpose or a plan
    ("visit Z to discuss trade with Y", where the visit is the meeting word), nor talks with
    no one named ("discussed the matter with reporters")."""
    from etl.extract.references import refers_to

    if _infinitive(tok) or tok.dep_ in ("xcomp", "amod") or tok.tag_ == "VBG":
        return False

    def person(t: Token) -> bool:
        return any(k in ctx.index.actors and ctx.index.actors[k].kind == "Person" for k in refers_to(t, ctx.index))

    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if not subjects and tok.dep_ == "conj":
        subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
    if not any(person(c) or c.lower_ in ("he", "she") for c in subjects) and not agentless_passive(tok):
        return False
    if _joint_subject(tok, subjects, ctx):
        return True
    # the "with" may hang on the object ("discussed the ties between the two countries with Y")
    # or on the means ("discussed over the phone regional issues with Y", parsed as one phrase)
    preps = [*tok.children, *(t for o in tok.children if o.dep_ == "dobj" for t in o.subtree), *mode_phrase_preps(tok)]
    return any(p.dep_ == "prep" and p.lower_ == "with" and any(o.dep_ == "pobj" and person(o) for o in p.children)
               for p in preps)


_OFTEN = {"often", "repeatedly", "regularly", "frequently", "routinely", "sometimes", "occasionally"}
_VIEWS = {"view", "views", "opinion", "opinions", "idea", "ideas", "notes"}


def joint_talk(tok: Token, ctx: ArticleContext) -> bool:
    """The trigger is a talking verb whose subject names the people who talked together ("A
    and B exchanged views"), with no "with" of its own."""
    if tok.pos_ != "VERB":
        return False
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if not subjects and tok.dep_ == "conj":
        subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
    return _joint_subject(tok, subjects, ctx)


def _joint_subject(tok: Token, subjects: list[Token], ctx: ArticleContext) -> bool:
    """"A and B discussed trade", "President A and President B exchanged views on ...": the
    subject names two people or more of two countries or more, who did it together (a meeting
    of them). "Exchange" only of views ("exchanged accusations" is no talks)."""
    from etl.extract.meetings.participants import represented
    from etl.extract.references import refers_to

    lemma = tok.lemma_.lower()
    if lemma == "exchange" and not any(c.dep_ == "dobj" and c.lower_ in _VIEWS for c in tok.children):
        return False
    if lemma not in ("discuss", "exchange") or tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children):
        return False
    if any(t.lower_ == "with" for t in tok.subtree if t.i > tok.i):
        return False  # "discussed preparations for talks with Y": the with-rule's, not two people together
    if any(t.lower_ in _OFTEN or t.lower_ == "times" and t.head.i == tok.i for t in tok.subtree):
        return False  # "A and B have discussed it several times": earlier talks, no one meeting
    people = list(dict.fromkeys(k for c in subjects for k in refers_to(c, ctx.index)
                                if k in ctx.index.actors and ctx.index.actors[k].kind == "Person"))
    sides = [represented([k], ctx.index) for k in people]
    return len(people) >= 2 and all(sides) and len(set().union(*sides)) >= 2 and not any(a == b for i, a in enumerate(sides) for b in sides[i + 1:])


def agentless_passive(tok: Token) -> bool:
    """"Prospects for cooperation were discussed with Director-General Y": a passive with no
    "by", whose doer the story leaves to its principal."""
    return (tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children)
            and any(c.dep_ == "nsubjpass" for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children))


MODE_PREPS = ("by", "over", "on", "via", "through")


def mode_phrase_preps(tok: Token) -> list[Token]:
    """The "with" a call's means carries: "spoke via video link with X", "talked by phone with
    Y", where the parser hangs the other side on the means, not on the verb."""
    return [w for p in tok.children if p.dep_ == "prep" and p.lower_ in MODE_PREPS
            for o in p.children if o.dep_ == "pobj" for w in o.children if w.dep_ == "prep" and w.lower_ == "with"]


def _speaks_with_someone(tok: Token, ctx: ArticleContext) -> bool:
    """"spoke with X", "talked to X", "spoke by phone", "A and B talked on the phone": a
    conversation with a person or a country, not a speech ("spoke to reporters", "spoke at the
    conference")."""
    from etl.extract.references import refers_to

    for prep in [*tok.children, *mode_phrase_preps(tok)]:
        if prep.dep_ != "prep" and not (prep.dep_ == "agent" and prep.lower_ == "by"):
            continue  # ("spoke by telephone" with "by" parsed as a passive's agent)
        if prep.lower_ in ("by", "over", "on") and prep.head.i == tok.i and any(c.lemma_.lower() in ctx.vocab.meeting_triggers["phone_cue"] | ctx.vocab.meeting_triggers["video_cue"] for c in prep.subtree):
            return True
        if prep.lower_ in ("with", "to"):
            for obj in prep.children:
                # a person, or a proper name or a title the mentions do not cover ("spoke
                # with Prime Minister Mohammed Shia' al-Sudani")
                if obj.dep_ == "pobj" and (refers_to(obj, ctx.index) or obj.pos_ == "PROPN" and obj.text[:1].isupper()):
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
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("join", "end", "conclude", "begin", "open", "hold"):
        return True  # "invited X to join the call", "held a call"
    if tok.head.lower_ in _CALL_OK_HEADS or any(c.dep_ in ("nummod", "amod", "compound") and "minute" in c.text for c in tok.subtree):
        return True
    return False


def mode_of(tokens: list[Token], ctx: ArticleContext, trigger: Token | None = None, placed: bool = False) -> str:
    """"video" or "phone" when the words say so; a conversation verb ("X spoke with Y", the
    readout style of a call) is a call unless a place or an in-person cue ("on the sidelines",
    "during his visit") says otherwise; else "in-person"."""
    cues = ctx.vocab.meeting_triggers
    if trigger is not None:
        # "X speaks to Y after hour-long video call with Z": the meeting noun under a preposition
        # is another meeting, and its mode words are its own
        nested = {u.i for t in tokens if t.i != trigger.i and t.pos_ == "NOUN" and t.dep_ == "pobj" and t.head.head.i == trigger.i
                  and is_trigger(t, ctx) for u in t.head.subtree}
        # "to meet Y and follow up on ... a phone call between A and B": a verb coordinated with
        # the meeting verb that names another meeting has that meeting's mode words
        nested |= {u.i for c in trigger.children if trigger.pos_ == "VERB" and c.dep_ == "conj" and c.pos_ == "VERB"
                   and any(t.i != trigger.i and t.pos_ == "NOUN" and is_trigger(t, ctx) for t in c.subtree) for u in c.subtree}
        tokens = [t for t in tokens if t.i not in nested]
    lemmas = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
    if lemmas & cues["video_cue"]:
        return "video"
    if lemmas & (cues["phone_cue"] - {"call"}) or any(t.lemma_.lower() == "call" and (is_phone_call(t, ctx) or t.pos_ == "VERB" and is_trigger(t, ctx) and not calls_on_someone(t, ctx)) for t in tokens):
        return "phone"
    if trigger is not None and trigger.pos_ == "VERB" and trigger.lemma_.lower() in cues["call_verb"] and not placed:
        sentence = {t.lemma_.lower() for t in trigger.sent}
        if not sentence & cues["in_person_cue"] and not _in_person(trigger.sent):
            return "phone"
    return "in-person"


def _in_person(sent) -> bool:
    return any(t.lower_ == "person" and t.i > sent.start and t.doc[t.i - 1].lower_ == "in" for t in sent)


def status_of(tok: Token, ctx: ArticleContext) -> str | None:
    """"planned" for future or expected meetings, "held" for reported ones, None when the
    meeting is hypothetical or negated ("not willing to arrange another summit")."""
    chain = [tok, *tok.ancestors]
    cues = ctx.vocab.meeting_triggers
    if any(c.dep_ in ("det", "neg") and c.lower_ == "no" for c in tok.children):
        return None  # "No telephone conversation ... is planned"
    if tok.pos_ == "NOUN" and any(c.dep_ == "amod" and (c.lower_ in cues["stalled_cue"] or c.lemma_.lower() in cues["stalled_cue"]) for c in tok.children):
        return None  # "to jump-start stalled talks with X": a negotiation process, no one meeting
    if tok.pos_ == "NOUN" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _RELATION_OF:
        return None  # "a high-level exchange of visits": the practice of a relationship, no one meeting
    if _pending(tok, ctx):
        return None  # "no consensus on a date to start talks with X", "an offer to host a summit"
    reported = _reported_future(chain, ctx)  # token index of that "would", or -1
    for t in chain[:4]:
        if any(c.dep_ == "neg" for c in t.children):
            return None
        if t.lemma_.lower() in cues["not_held_cue"] or _wish(t, cues["wish_cue"]):
            # "an attempt at talks was suspended", "looked forward to meeting in person"
            return None
        if t.lower_ in _HYPOTHETICAL or any(c.lower_ in _HYPOTHETICAL and c.dep_ in ("aux", "amod", "mark") and c.i != reported for c in t.children):
            return None
        if t.lemma_.lower() in _BACK_TO and (_infinitive(t) or t.dep_ == "conj" and _infinitive(t.head)):
            return None  # "to persuade X to stop the tests and return to disarmament talks": a demand
        if t.lemma_.lower() == "continue" and t.i != tok.i and _infinitive(t) and t.head.lemma_.lower() not in ctx.vocab.planned_cues:
            return None  # "preparations to continue talks with X": a process going on ("agreed to continue talks" plans one)
        if t.lemma_.lower() == "invite" and t.i != tok.i and not any(c.lemma_.lower() == "join" for c in chain[:chain.index(t)]):
            return None  # "thanked X for inviting Y to make a state visit": a visit only offered (not "invited Y to join the call")
    crossed = False  # left the trigger's own clause ("pledge to finish a deal as ministers meet")
    for k, t in enumerate(chain[:5]):
        if any(c.dep_ in ("aux", "auxpass") and (c.lower_ in _FUTURE_AUX or c.i == reported) for c in t.children):
            return "planned"
        if t.pos_ in ("VERB", "AUX") and not crossed and _headline_future(t, ctx):
            return "planned"
        crossed = crossed or t.dep_ in ("advcl", "ccomp", "conj", "parataxis")
        if t.lemma_.lower() in ctx.vocab.planned_cues and t.i != tok.i and (_via_xcomp(tok, t) or (k == 1 and tok.dep_ == "dobj")):
            return "planned"  # "agreed to hold a summit", "PM sets virtual summit with X"
        if any(c.lower_ in ("upcoming", "planned", "next", "proposed") for c in t.children if c.dep_ in ("amod", "advmod")):
            return "planned"
        if k == 2 and tok.dep_ == "pobj" and tok.head.lower_ == "for" and _lined_up(t):
            return "planned"  # "the leaders lined up for a meeting with X", "slated for talks"
        if t.i == tok.i and any(c.dep_ in ("acl", "relcl") and _infinitive(c) and _scheduled(c) for c in t.children):
            return "planned"  # "the trilateral meeting to be held in Tokyo later this month"
        if not crossed and _is_to(t):
            return "planned"  # "X is to meet Y on Friday", "the two leaders are to hold talks"
        if not crossed and _is_to(t, past=True):
            return None  # "X was to meet Y on Friday (but ...)": a plan of the past, held or not unsaid
        if t.dep_ == "ROOT":
            break
    alongside = _alongside_of(tok)
    if alongside is not None and alongside.i != tok.i and (alongside.lemma_.lower() in ctx.vocab.planned_cues or status_of(alongside, ctx) == "planned"):
        # "is scheduled to hold talks with A, apart from holding a meeting with B on Wednesday":
        # a meeting told beside a planned act is planned too
        return "planned"
    return "held"


_BESIDE = {("apart", "from"), ("aside", "from"), ("in", "addition"), ("besides", None)}


def _alongside_of(tok: Token) -> Token | None:
    """The verb a meeting (or the gerund holding it) is told beside: "apart from", "aside from",
    "besides", "in addition to" + a gerund, hung on that verb."""
    gerund = tok.head if tok.dep_ == "dobj" and tok.head.tag_ == "VBG" else tok if tok.tag_ == "VBG" else None
    if gerund is None or gerund.dep_ != "pcomp":
        return None
    prep = gerund.head
    outer = prep.head
    pair = (outer.lower_, prep.lower_) if outer.dep_ in ("advmod", "prep") else (prep.lower_, None)
    if pair not in _BESIDE and not (prep.lower_ == "to" and outer.lower_ == "addition"):
        return None
    verb = outer.head if outer.dep_ in ("advmod", "prep", "pobj") else prep.head
    if outer.lower_ == "addition":
        verb = outer.head.head  # "in addition to": addition ← in ← verb
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _lined_up(verb: Token) -> bool:
    """"lined up", "slated", "pencilled in": put on a schedule."""
    lemma = verb.lemma_.lower()
    return (lemma == "line" and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)
            or verb.lower_ in ("slated", "penciled", "pencilled"))


def _pending(tok: Token, ctx: ArticleContext) -> bool:
    """The meeting is the infinitive of a noun that puts it off or only proposes it ("a date to
    start talks", "the decision to hold a summit", "an offer to meet"): what is dated, decided
    or offered is not a meeting held, and whether it is planned the noun's own clause says."""
    pending = ctx.vocab.meeting_triggers.get("pending_noun", frozenset())
    if (tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lemma_.lower() in pending
            and not any(c.dep_ in ("det", "poss", "nummod", "amod", "compound") for c in tok.children)):
        return True  # "discussed preparations for talks with X", "a call for talks": no one meeting yet ("for the summit" is one)
    verb = tok if tok.pos_ == "VERB" else tok.head if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" else None
    if verb is None or verb.dep_ != "acl" or not _infinitive(verb):
        return False
    noun = verb.head
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in pending


def _is_to(verb: Token, past: bool = False) -> bool:
    """"is to meet", "are to hold talks", "talks are to take place": "be" with an infinitive
    complement, a meeting arranged (with ``past``: "was to meet", a plan of the past); not "the
    aim is to ..."."""
    if verb.pos_ != "VERB" or verb.dep_ != "xcomp" or not _infinitive(verb):
        return False
    be = verb.head
    if be.lemma_.lower() != "be" or be.tag_ not in (("VBD",) if past else ("VBZ", "VBP")):
        return False
    return not any(c.dep_ == "nsubj" and c.lemma_.lower() in ("aim", "goal", "purpose", "plan", "idea", "task", "objective") for c in be.children)


_BACK_TO = {"return", "resume", "rejoin"}


def _infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _scheduled(verb: Token) -> bool:
    """"to be held", "to take place", "to open": the meeting's own future, not a purpose ("a
    meeting to discuss trade")."""
    return any(c.dep_ == "auxpass" for c in verb.children) or verb.lemma_.lower() in ("take", "happen", "occur", "open", "begin", "start", "convene")


def _headline_future(tok: Token, ctx: ArticleContext) -> bool:
    """Headlinese: "X to visit Moscow" (an infinitive on the headline's subject) is a future act."""
    return ctx.in_headline(tok.idx) and _infinitive(tok) and tok.dep_ in ("acl", "relcl", "ROOT", "xcomp") and not any(
        t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBZ", "VBP") for t in tok.ancestors
    )


def _wish(tok: Token, wish_cues: frozenset[str]) -> bool:
    """"hoped to meet", "looked forward to meeting": a wish, neither held nor planned."""
    lemma = tok.lemma_.lower()
    if lemma == "look":
        return any(c.lower_ == "forward" for c in tok.children)
    if lemma in wish_cues:
        return True
    # (the model may lemmatize "hopes" as "hop"): the cue's own inflected forms
    return tok.pos_ in ("VERB", "NOUN") and any(tok.lower_ in (c + "s", c + "d", c + "ed", c + "ing", c[:-1] + "ing") for c in wish_cues)


def _reported_future(chain: list[Token], ctx: ArticleContext) -> int:
    """The "would" of reported speech ("a spokesman said the two sides would meet on December
    11"): the future seen from the past, not a hypothesis. Returns that auxiliary's index, or -1."""
    for t in chain[:3]:
        aux = next((c for c in t.children if c.dep_ == "aux" and c.lower_ == "would"), None)
        if aux is None:
            continue
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in ctx.vocab.speech_verbs | ctx.vocab.reporting_verbs:
            if not any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.subtree):
                return aux.i
        return -1
    return -1


def _via_xcomp(tok: Token, ancestor: Token) -> bool:
    """The trigger hangs under an infinitive of the ancestor: "agreed to hold a summit",
    "is expected to meet", "plans to visit", "is scheduled to pay a courtesy call", "agreed that
    the Chancellor should visit Beijing"."""
    t = tok
    while t.i != ancestor.i and t.head.i != t.i:
        if t.dep_ == "xcomp" or (t.dep_ in ("ccomp", "advcl") and any(c.lower_ in ("will", "would", "should", "shall") for c in t.children)):
            return True
        t = t.head
    return False
