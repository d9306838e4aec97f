"""Who takes part in a meeting: the trigger's own arguments, else the people of its sentence,
else the countries."""

from __future__ import annotations

from spacy.tokens import Span, Token

from etl.extract.context import ArticleContext
from etl.vocab import load_vocabulary
from etl.extract.meetings.triggers import displaced_objects, held_as_described, is_trigger, mode_phrase_preps, visiting_guests
from etl.extract.mentions import ActorIndex
from etl.extract.mentions import TitleMention, add_gazetteer_actor
from etl.extract.references import possessor, after_closed_list, coordinated, countries_of, refers_to, resolve_role_noun, role_phrase, title_words

EXPLICIT_PREPS = ("between", "with", "among")


_LIGHT_VERBS = {"hold", "have", "conduct", "attend", "host", "pay", "make", "join", "chair", "co-chair"}


def own_participants(tok: Token, index: ActorIndex, holders: bool) -> list[str]:
    """Participants named by the trigger's own arguments: "a summit between A and B",
    "talks with A", "A met B", "A and B held talks", "A's visit to B", "a courtesy call on A"."""
    found: list[str] = []
    # "X met the leaders of A and B": whoever meets them is not one of them
    hosts = set(subject_of(tok, index, holders))
    preps = EXPLICIT_PREPS + (("on",) if tok.lemma_.lower() == "call" else ())
    if tok.pos_ == "VERB":
        preps += ("to",) if tok.lemma_.lower() in ("speak", "talk") else ()
    means = mode_phrase_preps(tok) if tok.pos_ == "VERB" and tok.lemma_.lower() in ("speak", "talk", "confer", "meet") else []
    means += _light_verb_with(tok)
    for prep in [*tok.children, *means]:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    found.extend(refers_to(obj, index, hosts, holders=holders) or _displaced_name(obj, index) or _name_closing_title(obj, index))
                elif obj.dep_ == "pcomp" and obj.lower_ == "visiting":
                    # "met with visiting Foreign Minister X", parsed with X the object of "visiting"
                    for guest in (c for c in obj.children if c.dep_ == "dobj"):
                        found.extend(refers_to(guest, index, holders=holders))
    for stray in stray_conjuncts(tok):
        found.extend(refers_to(stray, index, hosts, holders=holders))
    if tok.lemma_.lower() == "call" and tok.pos_ == "NOUN":
        # "made a phone call today to President X": the callee, on the call or on its light verb
        verbs = [tok, tok.head] if tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("make", "place") else [tok]
        found.extend(k for v in verbs for p in v.children if p.dep_ == "prep" and p.lower_ == "to"
                     for o in p.children if o.dep_ == "pobj" for k in refers_to(o, index, hosts, holders=holders))
    if tok.lemma_.lower() == "visit":
        found.extend(_met_on_the_visit(tok, index, holders))
    if tok.pos_ == "VERB" and tok.lemma_.lower() in load_vocabulary().meeting_triggers.get("with_person_verb", ()):
        # "X discussed trade with Y": the object is the topic; the other side hangs on "with",
        # on the verb or on its object ("discussed the ties between the two countries with Y")
        inner = [p for o in tok.children if o.dep_ == "dobj" for p in o.subtree if p.dep_ == "prep" and p.lower_ == "with"]
        inner += mode_phrase_preps(tok)  # "discussed over the phone regional issues with Y"
        found.extend(k for p in inner for o in p.children if o.dep_ == "pobj" for k in refers_to(o, index, hosts, holders=holders))
        return list(dict.fromkeys(subject_of(tok, index, holders) + found))
    if tok.pos_ == "VERB":
        for obj in tok.children:
            if obj.dep_ == "dobj":
                found.extend(refers_to(obj, index, hosts, holders=holders))
        displaced = {g.i for g in displaced_objects(tok)}
        for guest in visiting_guests(tok):
            # "received visiting Foreign Minister X", parsed with X the object of "visiting"
            keys = refers_to(guest, index, holders=holders)
            if guest.i in displaced:
                # "received at the Palace, in Madrid, the High Representative, X": the persons only
                keys = [k for k in keys if k in index.actors and index.actors[k].kind == "Person"]
            found.extend(keys)
        return list(dict.fromkeys(subject_of(tok, index, holders) + found))
    held_in = _held_in_clause(tok, index, hosts, holders)
    if held_in:
        # "an official meeting he had with Y", "the talks that X held with Y": the clause's own people
        return list(dict.fromkeys(held_in + found))
    with_copula = _copular_with(tok)
    for prep in with_copula:
        found.extend(k for obj in prep.children if obj.dep_ == "pobj" for k in refers_to(obj, index, hosts, holders=holders))
    for owner in owners(tok):
        # "His first meeting was with Y": whoever "his" is met Y
        found.extend(possessor(owner, index) if with_copula else refers_to(owner, index, holders=holders))
    members = _of_the_people(tok, index, holders)
    if members:
        # "to hold the meeting of the Normandy Four foreign ministers": theirs, not the agreeing subject's
        found = members + found
    elif found and any(p.lower_ in ("with", "on") for p in tok.children) or tok.head.lemma_.lower() in _LIGHT_VERBS and tok.dep_ == "dobj":
        found = subject_of(tok, index, holders) + found
    elif _taken_part_in(tok):
        # "A, B, C and D arrived in Minsk to participate in the talks": those taking part
        found = subject_of(tok, index, holders) + found
    return list(dict.fromkeys(found))


_HELD_IN_VERBS = {"have", "hold", "conduct"}


def _light_verb_with(tok: Token) -> list[Token]:
    """"held a meeting on Monday with Y": the "with" the parser hung on the verb that holds
    the meeting noun, past a phrase of time or place (when the noun has no "with" of its own
    and the verb no other meeting word)."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ in ("NNS", "NNPS") or tok.dep_ != "dobj" or tok.head.lemma_.lower() not in _HELD_IN_VERBS:
        return []  # (plural meetings with a list of "with"s are one each: their own rules)
    if any(c.dep_ == "prep" and c.lower_ in EXPLICIT_PREPS for c in tok.children):
        return []
    withs = [p for p in tok.head.children if p.dep_ == "prep" and p.lower_ == "with" and p.i > tok.i]
    if len(withs) != 1 or any(c.dep_ == "conj" for c in withs[0].children):
        return []
    return withs


def _held_in_clause(tok: Token, index: ActorIndex, hosts: set[str], holders: bool) -> list[str]:
    """A meeting noun whose relative clause tells who held it and with whom ("after an official
    meeting he had with Minister Y", "the talks which X held with Y on Monday"): the clause's
    subject and its "with"/"between" objects; [] unless the clause names someone met."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return []
    for rel in (c for c in tok.children if c.dep_ == "relcl" and c.lemma_.lower() in _HELD_IN_VERBS):
        met = [k for p in rel.children if p.dep_ == "prep" and p.lower_ in EXPLICIT_PREPS
               for o in p.children if o.dep_ == "pobj" for k in refers_to(o, index, hosts, holders=holders)]
        if not met:
            continue
        subject = [k for c in rel.children if c.dep_ == "nsubj" and c.lower_ not in ("which", "that") for k in refers_to(c, index, holders=holders)]
        return list(dict.fromkeys((subject or subject_of(tok, index, holders)) + met))
    return []


def _of_the_people(tok: Token, index: ActorIndex, holders: bool) -> list[str]:
    """"the meeting of the foreign ministers", "a meeting of the Normandy Four foreign
    ministers": the persons a plural role noun after "of" stands for (two or more)."""
    if tok.pos_ != "NOUN":
        return []
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (o for o in prep.children if o.dep_ == "pobj" and o.tag_ in ("NNS", "NNPS") and index.mention_at(o.i) is None and role_phrase(o) is not None):
            people = [k for k in refers_to(obj, index, holders=holders) if k in index.actors and index.actors[k].kind == "Person"]
            if len(people) >= 2:
                return people
    return []


def _taken_part_in(tok: Token) -> bool:
    """"participate in the talks", "took part in the meeting": the meeting noun is what its subject takes part in."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "in" or prep.head.pos_ != "VERB":
        return False
    verb = prep.head
    lemma = verb.lemma_.lower()
    return lemma == "participate" or lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children)


def _copular_with(tok: Token) -> list[Token]:
    """The "with" of a meeting noun that is the subject of "be": "His first meeting in Oslo was
    with the Prime Minister, Y", "The talks were with Y"."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "nsubj" or tok.head.lemma_.lower() != "be":
        return []
    return [p for p in tok.head.children if p.dep_ == "prep" and p.lower_ in ("with", "between") and p.i > tok.i]


def _met_on_the_visit(visit: Token, index: ActorIndex, holders: bool) -> list[str]:
    """The people a visit's purpose names: "visit Beijing to discuss cooperation with her
    counterpart, Vice Premier X", "visit Seoul for talks with Y"."""
    out: list[str] = []
    for c in visit.children:
        purpose = c.dep_ in ("advcl", "xcomp", "acl") and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        talks = c.dep_ == "prep" and c.lower_ == "for"
        if not (purpose or talks):
            continue
        heads = [c] if purpose else [o for o in c.children if o.dep_ == "pobj"]
        for head in heads:
            # "to discuss X with Y": the preposition may hang on the verb or on its object
            attached = [head, *(o for o in head.children if o.dep_ == "dobj")]
            for prep in (p for h in attached for p in h.children):
                if prep.dep_ == "prep" and prep.lower_ in EXPLICIT_PREPS:
                    out.extend(k for o in prep.children if o.dep_ == "pobj" for k in refers_to(o, index, holders=holders))
            if purpose:
                out.extend(k for o in head.children if o.dep_ == "dobj" and head.lemma_.lower() == "meet" for k in refers_to(o, index, holders=holders))
    return out


def stray_conjuncts(tok: Token) -> list[Token]:
    """Nouns the parser coordinated with the verb of a trigger's "with" list ("held separate
    talks with A, and B on Monday", B parsed as a conjunct of "held"): a noun cannot be
    coordinated with a verb, so it continues the list of whom the talks are with."""
    withs = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"]
    if not withs:
        return []
    # "held meetings with A; B; C": the parser hangs the items after a semicolon on the meeting
    # noun as appositions; a proper name in apposition after its "with" list continues it
    listed = [c for c in tok.children if tok.pos_ == "NOUN" and c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > withs[0].i
              and tok.doc[c.left_edge.i - 1].text == ";"]
    verb = tok if tok.pos_ == "VERB" else tok.head if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" else None
    if verb is None:
        return listed
    # (or as further objects of the light verb: "held meetings with A; B; and C")
    listed += [c for c in verb.children if verb is not tok and c.dep_ == "dobj" and c.pos_ == "PROPN" and c.i > withs[0].i
               and any(t.text == ";" for t in tok.doc[max(c.left_edge.i - 2, 0):c.left_edge.i])]
    return listed + [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN") and c.i > tok.i
                     and not any(g.dep_ in ("nsubj", "nsubjpass", "aux") for g in c.children)]


def objects_of(tok: Token, index: ActorIndex, holders: bool) -> list[str]:
    """The actors a trigger names as its own objects ("telephoned X", "talks with X", "the
    meeting of the foreign ministers")."""
    out: list[str] = list(_of_the_people(tok, index, holders))
    for c in tok.children:
        if c.dep_ == "dobj":
            out.extend(refers_to(c, index, holders=holders))
        elif c.dep_ == "prep" and c.lower_ in EXPLICIT_PREPS:
            for obj in c.children:
                if obj.dep_ == "pobj":
                    out.extend(refers_to(obj, index, holders=holders))
    return out


def with_objects(tok: Token, index: ActorIndex, hosts: set[str] | None = None) -> list[str]:
    """Whom the trigger's subject meets: "with" objects, and a meeting verb's direct objects
    ("met separately with A and B", "met the leaders of A and B"), never its ``hosts``."""
    hosts = hosts or set()
    out: list[str] = []
    withs = [p for p in [*tok.children, *topic_withs(tok)] if p.dep_ == "prep" and p.lower_ == "with"]
    if not withs and tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _LIGHT_VERBS:
        # "held two bilateral meetings: with A, and with B": the list hangs on the light verb
        withs = [p for p in tok.head.children if p.dep_ == "prep" and p.lower_ == "with" and p.i > tok.i]
    withs += [c for p in withs for c in p.children if c.dep_ == "conj" and c.lower_ == "with"]
    for prep in withs:
        if prep.dep_ in ("prep", "conj") and prep.lower_ == "with":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    out.extend(refers_to(obj, index, hosts))
    out.extend(k for c in stray_conjuncts(tok) for k in refers_to(c, index, hosts))
    if tok.pos_ == "VERB":
        out.extend(k for c in tok.children if c.dep_ == "dobj" for k in refers_to(c, index, hosts))
    return [k for k in dict.fromkeys(out) if k not in hosts]


def topic_withs(tok: Token) -> list[Token]:
    """The "with" of a talking verb that the parser hangs on its topic ("discussed on bilateral
    issues with A, B and C", "discussed trade with A"), when the verb has none of its own."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in load_vocabulary().meeting_triggers.get("with_person_verb", ()):
        return []
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
        return []
    topics = [c for c in tok.children if c.dep_ == "dobj"]
    topics += [o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "about") for o in c.children if o.dep_ == "pobj"]
    return [p for o in topics for p in o.children if p.dep_ == "prep" and p.lower_ == "with"]


def listed_counterparts(tok: Token, index: ActorIndex) -> bool:
    """The trigger meets holders of one post in several countries, named by the countries
    ("met the leaders of A and B", "talks with the heads of government of A, B and C",
    "meetings with counterparts, including those of A, B and C"): each holder is a side of
    their own, unless the sentence says they met together."""
    if not (tok.pos_ == "VERB" or tok.tag_ == "NNS" and tok.lemma_.lower() in ("meeting", "talk", "talks")) or any(t.lower_ in _TOGETHER for t in tok.sent):
        return False  # "a summit with the leaders of A and B" is one meeting
    objects = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.dep_ == "pobj"]
    objects += [c for c in tok.children if c.dep_ == "dobj"] if tok.pos_ == "VERB" else []
    # "held talks with the leaders of A, B and C" on a summit's sidelines (three or more; two
    # are as often met together, and talks with several leaders away from a summit as often one)
    least = 3 if tok.pos_ != "VERB" and tok.lemma_.lower() != "meeting" else 2
    if tok.pos_ != "VERB" and tok.lemma_.lower() != "meeting" and not _at_a_summits_sidelines(tok):
        return False
    return any(o.tag_ in ("NNS", "NNPS") and role_phrase(o) in _LEADERS and (len(_listed_countries(o, index)) >= least or _of_various_countries(o, tok, index))
               for o in objects)


_SIDELINES = {"sideline", "sidelines", "margin", "margins", "fringe", "fringes"}


def _at_a_summits_sidelines(tok: Token) -> bool:
    """The sentence, or the story's lead (its first two sentences), sets the talks on the
    sidelines of a gathering."""
    doc = tok.doc
    lead = list(doc.sents)[:3]  # (the headline, then the lead)
    return any(t.lower_ in _SIDELINES for s in [tok.sent, *lead] for t in s)


_VARIOUS = {"various", "several", "many", "other", "numerous", "different", "a number of"}


def _of_various_countries(role: Token, tok: Token, index: ActorIndex) -> bool:
    """"conferred with leaders of various African countries": the role noun stands for the
    article's holders of that post in three countries or more, none of the subject's own."""
    of = [o for p in role.children if p.dep_ == "prep" and p.lower_ in ("of", "from") for o in p.children if o.dep_ == "pobj"]
    if not any(o.lemma_.lower() == "country" and o.tag_ == "NNS" and any(c.lower_ in _VARIOUS for c in o.children) for o in of):
        return False
    hosts = subject_of(tok, index)
    people = [k for k in refers_to(role, index, set(hosts)) if k in index.actors and index.actors[k].kind == "Person"]
    sides = [represented([k], index) for k in people]
    home = represented(hosts, index)
    return len(people) >= 3 and all(len(s) == 1 and not s & home for s in sides) and len(set().union(*sides)) == len(people)


def listed_people(tok: Token, index: ActorIndex) -> bool:
    """The trigger meets a list of people named one by one: three or more ("met with A, B and
    C", "held meetings with the foreign ministers of Spain A, Latvia B and Poland C"), or two
    each with a "with" of their own ("talks with A, and with B"): one meeting with each. Not
    when the sentence or the headline says they met together ("trilateral", "jointly"), when
    the list holds a compatriot of the subject (the host's own minister sits in: one meeting),
    or when a single meeting noun has the list ("a meeting with A, B and C")."""
    if any(t.lower_ in _TOGETHER for t in tok.sent) or _all_counted(tok.sent):
        return False
    if tok.pos_ == "VERB" and tok.lemma_.lower() in _HOSTING:
        return False  # "X received A, B and C", "hosted A, B and C": a reception or a dinner of its own rules
    withs = topic_withs(tok) or [p for p in tok.children if p.dep_ == "prep" and p.lower_ == "with"]
    withs += [c for p in withs for c in p.children if c.dep_ == "conj" and c.lower_ == "with"]
    if not (tok.pos_ == "VERB" or tok.tag_ in ("NNS", "NNPS") or len(withs) >= 2):
        return False
    objects = [o for p in withs for o in p.children if o.dep_ == "pobj"] + stray_conjuncts(tok)
    objects += [c for c in tok.children if c.dep_ == "dobj"] if tok.pos_ == "VERB" else []
    named = list(dict.fromkeys(m.key for o in objects for t in o.subtree for m in [index.mention_at(t.i)] if m is not None and m.kind == "Person"))
    hosts = subject_of(tok, index)
    if not named:
        # "held talks with his foreign counterparts": the article's holders of that post, of
        # two countries or more other than the host's
        home = represented(hosts, index)
        for o in objects:
            if o.lower_ == "counterparts" and index.mention_at(o.i) is None:
                people = [k for k in refers_to(o, index) if k in index.actors and index.actors[k].kind == "Person" and k not in hosts]
                foreign = {c for k in people for c in represented([k], index) if c not in home}
                if len(people) >= 3 and len(foreign) >= 2:
                    return True  # (two counterparts are as often met together, as a trilateral)
    named = [p for p in named if p not in hosts]
    if len(named) < (2 if len(withs) >= 2 else 3):
        return False
    return not any(compatriot(p, hosts, index) for p in named)


_HOSTING = {"receive", "welcome", "host", "invite", "gather", "bring", "greet"}


def _all_counted(sent: Span) -> bool:
    """"issues of concern to all three countries", "all four ministers": the sides as one group."""
    return any(t.lower_ == "all" and t.i + 1 < sent.end and sent.doc[t.i + 1].like_num for t in sent)


# posts one holds alone for a country, met one by one on a summit's sidelines (foreign
# ministers of two countries are as often met together, as a trilateral)
_LEADERS = {"leader", "counterpart", "colleague", "president", "prime minister", "head of state", "head of government"}
_TOGETHER = {"together", "jointly", "joint", "trilateral", "trilaterally", "quadrilateral", "multilateral", "collectively", "group"}


def _listed_countries(tok: Token, index: ActorIndex) -> list[str]:
    """The countries an "of" or "from" list after a role noun names ("the leaders of A and B",
    "counterparts, including those of A, B and C"), not its demonyms ("her Korean and Japanese
    counterparts")."""
    out: list[str] = []
    for t in tok.subtree:
        m = index.mention_at(t.i)
        if m is not None and m.kind == "Country" and m.key not in out and any(a.lower_ in ("of", "from") and a.i > tok.i for a in t.ancestors):
            out.append(m.key)
    return out


def owners(tok: Token) -> list[Token]:
    """The possessors of a meeting noun ("Kim's visit", "the leaders' video conference"), not a
    format's own words ("a Foreign Ministers' Meeting", "the G7 Leaders' Summit")."""
    return [c for c in tok.children if c.dep_ == "poss" and not _format_word(c)]


def _format_word(tok: Token) -> bool:
    """A capitalized plural role noun, part of a meeting's name ("Foreign Ministers'", "Leaders'")."""
    return tok.tag_ in ("NNS", "NNPS") and tok.text[:1].isupper() and role_phrase(tok) is not None


_POSSESSIVE_PRONOUNS = {"his", "her", "their", "its", "our", "my", "your"}


def subject_of(tok: Token, index: ActorIndex, holders: bool = True) -> list[str]:
    """The actors doing what the trigger reports: the subject of its verb, found by climbing
    through infinitives, participles and prepositions ("after making a stop to speak with").
    A meeting noun's own possessor comes first ("the President's June 29 meeting with X",
    not the subject of the sentence that mentions it); a headline's "X to visit Y" is X's."""
    if tok.pos_ in ("NOUN", "PROPN"):
        owner = next((c for c in owners(tok) if c.lower_ not in _POSSESSIVE_PRONOUNS), None)
        if owner is not None:
            return refers_to(owner, index, holders=holders)
    for verb in [tok, *tok.ancestors][:7]:
        if verb.pos_ in ("VERB", "AUX"):
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                # the parser sometimes gives a coordinated subject two nsubj heads
                keys = [k for subj in subjects for k in ([appositive_holder(subj, index)] if appositive_holder(subj, index) else refers_to(subj, index, holders=holders))]
                return list(dict.fromkeys(keys))
            if verb.dep_ in ("acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
                keys = refers_to(verb.head, index, holders=holders)
                if keys:
                    return keys
        if verb.dep_ in ("ccomp", "ROOT") and verb.i != tok.i:
            break
    if tok.pos_ == "VERB" and tok.tag_ in ("VBZ", "VBD", "VBP"):
        # a finite verb the parser left without a subject ("..., Kim, right, shakes hands with")
        key = _name_just_before(tok, index)
        if key is not None:
            return [key]
    if tok.pos_ in ("NOUN", "PROPN") and tok.head.dep_ == "prep" and tok.head.head.pos_ == "VERB" and tok.head.head.dep_ == "ROOT":
        # "Following a working breakfast with Y, the Secretary-General met Z", the subject lost
        # to the phrase before: the one the main verb's subject-less title names
        root = tok.head.head
        if root.tag_ in ("VBZ", "VBD", "VBP") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
            i = root.i - 1
            title = next((t for t in index.titles if t.span.end == i + 1 and _trailing_definite(t, index)), None)
            holder = appositive_holder(root.doc[title.span.start - 2], index) if title is not None else None
            if holder is not None:
                return [holder]
    verb = tok.head
    for c in verb.children:
        if c.dep_ == "poss":
            return refers_to(c, index)
    if tok.pos_ in ("NOUN", "PROPN"):
        possessors = [c for c in tok.children if c.dep_ == "poss"]
        if possessors:
            return refers_to(possessors[0], index)
    return []


_POSITION_WORDS = {"left", "right", "center", "centre", "front", "back", "second", "third", "from", "top", "bottom", "l", "r", "c"}


def _name_just_before(verb: Token, index: ActorIndex) -> str | None:
    """The person named right before a verb, past commas, parentheses, photo position words and
    the verb's own adverbs ("During the trip to Oslo Minister X also met Y", where the parser
    takes X for the object of the opening phrase)."""
    i = verb.i - 1
    while i >= verb.sent.start and (verb.doc[i].is_punct or verb.doc[i].lower_ in _POSITION_WORDS
                                    or verb.doc[i].dep_ == "advmod" and verb.doc[i].head.i == verb.i and verb.doc[i].pos_ == "ADV"):
        i -= 1
    m = index.mention_at(i) if i >= verb.sent.start else None
    if m is None and i >= verb.sent.start:
        # "..., Y, the Secretary-General met Z" (Y parsed into the phrase before): the title's holder
        title = next((t for t in index.titles if t.span.start <= i < t.span.end and t.span.end == i + 1 and _trailing_definite(t, index)), None)
        holder = appositive_holder(verb.doc[title.span.start - 2], index) if title is not None else None
        return holder
    return m.key if m is not None and m.kind == "Person" else None


def _excluded(tok_i: int, sent: Span, index: ActorIndex, ctx: ArticleContext) -> bool:
    """A person mentioned in the sentence who is not taking part: inside quotes, the source
    of an attribution ("according to X", "X said"), a possessor ("Kim's sister"), or inside
    an apposition describing someone else ("adviser to Prime Minister Abe"; a name the parser
    hangs on another as its apposition is the next of a list)."""
    tok = sent.doc[tok_i]
    if ctx.in_quote(tok.idx):
        return True
    for anc in tok.ancestors:
        if anc.lower_ == "according":
            return True
        if anc.dep_ == "appos":
            head = index.mention_at(anc.head.i)
            own = index.mention_at(anc.i)
            # "A, B, C and D gathered": a name parsed as the apposition of a name is a list, not
            # a description of A (that is a title or a noun: "adviser to Prime Minister Abe")
            if head is not None and head.kind == "Person" and not (own is not None and own.kind == "Person" and own.span.root.i == anc.i):
                return True
        if anc.dep_ == "poss":
            return True
    if tok.dep_ == "poss" and not is_trigger(tok.head, ctx):
        return True
    if _sender_or_addressee(tok, ctx):
        return True
    if after_closed_list(tok):
        return True  # "a meeting with A and B of Japan, C and the ministers discussed": C is not in it
    if _other_clause(tok, sent, ctx):
        return True
    if tok.dep_ in ("nsubj",) and tok.head.lemma_.lower() in ctx.vocab.speech_verbs and not any(is_trigger(t, ctx) for t in tok.head.subtree if t.i != tok.i and t.dep_ != "ccomp" and t.head == tok.head):
        return any(c.dep_ == "ccomp" for c in tok.head.children) and tok.head.i > _first_trigger(sent, ctx)
    return False


def _sender_or_addressee(tok: Token, ctx: ArticleContext) -> bool:
    """"X conveyed the greetings of A and B to C", "handed over a message from A to C": the
    people a message is from or for are not at the meeting (A and C are not its participants)."""
    words = ctx.vocab.meeting_triggers["message_noun"]
    head = tok
    while head.dep_ in ("conj", "appos", "compound") and head.head.i != head.i:
        head = head.head  # "of His Highness the Amir Sheikh A and ..."
    if head.dep_ != "pobj" or head.head.lower_ not in ("of", "from", "to"):
        return False
    prep = head.head
    if prep.head.lemma_.lower() in words or prep.head.lower_ in words:
        return True  # "the greetings of A", "a letter from A"
    return prep.lower_ == "to" and prep.head.pos_ == "VERB" and any(
        c.dep_ == "dobj" and (c.lemma_.lower() in words or c.lower_ in words) for c in prep.head.children)


def clause_of(tok: Token) -> Token:
    if held_as_described(tok):
        return tok.head.head.head  # "held what X described as "a meeting"": the holding verb's clause
    for t in [tok, *tok.ancestors]:
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound"):
            return t
    return tok.sent.root


def _other_clause(tok: Token, sent: Span, ctx: ArticleContext) -> bool:
    """The person is in a subordinate clause ("after X became prime minister") that holds
    no meeting word, while the sentence's meeting word is elsewhere."""
    clause = clause_of(tok)
    if clause.dep_ not in ("advcl", "relcl", "acl", "ccomp", "pcomp"):
        return False
    if clause.lower_ == "visiting" and clause.tag_ == "VBG":
        return False  # "stressed to visiting Secretary X": a description of X, not a clause of its own
    if any(is_trigger(t, ctx) for t in clause.subtree):
        return False
    return any(is_trigger(t, ctx) for t in sent)


def _first_trigger(sent: Span, ctx: ArticleContext) -> int:
    for t in sent:
        if is_trigger(t, ctx):
            return t.i
    return sent.end


def sentence_participants(sent: Span, index: ActorIndex, ctx: ArticleContext, holders: bool = True) -> list[str]:
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
        elif tok.lower_ == "i" and tok.dep_ in ("nsubj", "nsubjpass") and not ctx.in_quote(tok.idx):
            found.extend(refers_to(tok, index))  # a speaker's turn or a minister's own release
        elif tok.tag_ in ("NNS", "NNPS") and not ctx.in_quote(tok.idx):
            group = [k for k in resolve_role_noun(tok, index, set(found), holders) if index.actors[k].kind == "Person" or not holders]
            if _counted(tok) and len(set(found) | set(group)) > _counted(tok):
                continue  # "the two leaders" beside a third leader of the article: which two is not said here
            found.extend(group)
    found = list(dict.fromkeys(found))
    if not found:
        found = _country_participants(sent, index, ctx)
    return found


_COUNTS = {"two": 2, "both": 2, "three": 3}


def _counted(tok: Token) -> int:
    """The number a group noun gives itself ("the two leaders", "both ministers"), else 0."""
    return next((_COUNTS[c.lower_] for c in tok.children if c.lower_ in _COUNTS), 0)


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


def represented(parts: list[str], index: ActorIndex) -> set[str]:
    """The countries and organizations whose people take part (by country or post)."""
    out: set[str] = set()
    for p in parts:
        actor = index.actors.get(p)
        if actor is not None and actor.kind == "Person":
            out.update(k for k in [actor.country, *(r.of for r in actor.roles)] if k)
    return out


def compatriot(person: str, parts: list[str], index: ActorIndex) -> bool:
    """The person holds posts of the one country the people of ``parts`` stand for ("the
    Foreign Minister said the President's visits abroad ..."): the same side, no counterpart."""
    if person not in index.actors or index.actors[person].kind != "Person":
        return False
    mine, theirs = represented([person], index), represented(parts, index)
    return bool(mine) and len(theirs) == 1 and mine == theirs


def unplaced_people(parts: list[str], index: ActorIndex) -> int:
    """How many of the persons among ``parts`` have no country or post of one known."""
    return sum(1 for p in parts if p in index.actors and index.actors[p].kind == "Person" and not represented([p], index))


def without_redundant_countries(parts: list[str], index: ActorIndex, hosts: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """A country or organization is not a separate participant when one of its people takes part:
    by the person's country or post, or, for a guest (not one of the ``hosts`` meeting them), by
    the post a plural gave them in the same sentence ("held talks with Somalia and South Sudan
    Presidents" beside "President X", the one president of no country named)."""
    sides = represented(parts, index)
    sentence = {t.of for t in index.titles if t.person in parts and t.person not in hosts and t.of}
    return [p for p in parts if not (index.actors[p].kind in ("Country", "Organization") and (p in sides or p in sentence))]


def as_countries(parts: list[str], index: ActorIndex) -> list[str]:
    """The sides of a meeting as countries: each person's country (a person without one stays)."""
    return list(dict.fromkeys(index.actors[p].country or p if index.actors[p].kind == "Person" else p for p in parts))


def unnamed_sides(trig: Token, ctx: ArticleContext) -> list[str]:
    """Sides the text names by a bare title it never ties to a person ("The Prime Minister met
    X", "the President's meeting with X"): the title's country, else the country whose
    government publishes the article. A title resolved to someone the meeting has on the
    other side cannot be that person (the President does not meet himself)."""
    index = ctx.index
    sides = [c for c in trig.children if c.dep_ == "poss"]
    for verb in [trig, *trig.ancestors][:5]:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] if verb.pos_ in ("VERB", "AUX") else []
        if subjects:
            sides += subjects
            break
    objects = [o for p in trig.children if p.dep_ == "prep" and p.lower_ in EXPLICIT_PREPS for o in p.children if o.dep_ == "pobj"]
    objects += [c for c in trig.children if c.dep_ == "dobj"] if trig.pos_ == "VERB" else []
    other_side = {k for o in objects for k in refers_to(o, index)}
    out: list[str] = []
    for side in sides:
        for t in coordinated(side):
            title = _bare_title(t, index, other_side)
            holder = _sole_holder(title, index) if title is not None and title.person is None else None
            if holder is not None and _own_holder(holder, title, trig, ctx) and holder not in other_side:
                # "United Nations Secretary-General X arrived ... the Secretary-General met Y": X
                if holder not in out:
                    out.append(holder)
                continue
            country = (title.of or ctx.publisher_country) if title is not None else None
            if country is not None and country not in out:
                add_gazetteer_actor(index, ctx.gazetteer, country, "Country")
                out.append(country)
            elif title is not None and country is None and ctx.publisher_organization is not None:
                # "The Secretary-General met today with X" in the organization's own readout
                body = ctx.publisher_organization
                if body not in out:
                    add_gazetteer_actor(index, ctx.gazetteer, body, "Organization")
                    out.append(body)
    out += [c for c in unnamed_holders(trig, index) if c not in out]
    for obj in objects:
        # "met New Zealand's Minister of Foreign Affairs, the Hon X" with X unrecognized: the title's country
        for t in coordinated(obj):
            title = _bare_title(t, index, set())
            if title is not None and title.person is None and title.of is not None and title.of not in out and not refers_to(t, index):
                out.append(title.of)
    return out


def unnamed_holders(trig: Token, index: ActorIndex) -> list[str]:
    """The countries of "conversations between X and the Foreign Ministers of Turkey and
    Iran", "talks with the foreign ministers of A and B": a plural title the trigger meets,
    whose "of" list names two countries or more and which the text ties to no one named; each
    country is a side (its minister unnamed)."""
    objects = [o for p in trig.children if p.dep_ == "prep" and p.lower_ in EXPLICIT_PREPS for o in p.children if o.dep_ == "pobj"]
    objects += [c for c in trig.children if c.dep_ == "dobj"] if trig.pos_ == "VERB" else []
    out: list[str] = []
    for obj in objects:
        for t in coordinated(obj):
            if not t.lower_.endswith("s") or index.mention_at(t.i) is not None or role_phrase(t) is None:
                continue
            if any(index.actors[k].kind == "Person" for k in refers_to(t, index) if k in index.actors):
                continue
            countries = _listed_countries(t, index)
            if len(countries) >= 2:
                out += [c for c in countries if c not in out]
    return out


def _own_holder(holder: str, title: TitleMention, trig: Token, ctx: ArticleContext) -> bool:
    """The earlier holder of a bare title is whom it names when the publisher's own official
    would be no other ("the Secretary-General" in the United Nations' release, after "United
    Nations Secretary-General X"), and not named in the meeting's sentence ("The Prime
    Minister spoke to Canadian Prime Minister Y": another prime minister)."""
    own = ctx.publisher_country or ctx.publisher_organization
    held = {t.of for t in ctx.index.titles if t.person == holder and t.title == title.title}
    if own is not None and own not in held:
        return False
    sent = trig.sent
    return not any(m.key == holder for m in ctx.index.mentions_in(sent.start, sent.end))


def _sole_holder(title: TitleMention, index: ActorIndex) -> str | None:
    """The one person the text has given this bare title before, with that title's country or
    organization where it names one ("the Secretary-General" after "United Nations
    Secretary-General X"); None when several hold it ("President A met President B")."""
    holders = {t.person for t in index.titles if t.person is not None and t.title == title.title
               and t.span.start < title.span.start and (title.of is None or t.of == title.of)
               and t.person in index.actors and index.actors[t.person].kind == "Person" and not _trailing_definite(t, index)}
    return holders.pop() if len(holders) == 1 else None


def titled_subject(verb: Token, index: ActorIndex) -> list[str]:
    """The people a verb's subject names by a bare title its one earlier holder has ("The
    Secretary-General left Paris" after "Secretary-General X")."""
    out: list[str] = []
    for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        for t in coordinated(subj):
            title = _bare_title(t, index, set())
            holder = _sole_holder(title, index) if title is not None and title.person is None else None
            if holder is not None and holder not in out:
                out.append(holder)
    return out


def _trailing_definite(title: TitleMention, index: ActorIndex) -> bool:
    """A definite title right after a name and a comma ("..., X, the Secretary-General met Y"):
    the parser's apposition, which after an introduced holder of that title is that holder."""
    doc = title.span.doc
    start = title.span.start
    if doc[start].lower_ != "the" or start < 2 or doc[start - 1].text != ",":
        return False
    m = index.mention_at(start - 2)
    return m is not None and m.key == title.person


def _name_closing_title(obj: Token, index: ActorIndex) -> list[str]:
    """"a working meeting with the Executive Director of the International Energy Agency Y":
    the name that closes a title's phrase after the body of the post, with no comma or verb
    between, parsed inside that body's phrase."""
    if not any(h.kind == "title" and h.span.start <= obj.i < h.span.end for h in index.hits):
        return []
    doc = obj.doc
    # (the name ends the phrase: its end is the sentence's or a comma's; what follows may hang on it)
    m = next((m for m in index.mentions if m.kind == "Person" and obj.i < m.span.start and obj in m.span.root.ancestors
              and (m.span.end >= len(doc) or doc[m.span.end].text in (",", ".", ";") or doc[m.span.end].is_space)), None)
    if m is None or any(t.text in (",", ";", "(") or t.pos_ in ("VERB", "AUX") for t in doc[obj.i + 1:m.span.start]):
        return []
    if any(o.kind == "Person" and obj.i < o.span.start < m.span.start for o in index.mentions):
        return []
    return [m.key]


def _displaced_name(obj: Token, index: ActorIndex) -> list[str]:
    """"Following a working breakfast with the Special Coordinator, Y, the Secretary-General
    met Z": the name the parser made the subject (its trailing title being another's, see
    :func:`appositive_holder`) closes the title phrase before it."""
    doc = obj.doc
    after = obj.right_edge.i + 1
    # the name parsed inside the phrase ("..., Y" as a conjunct, its title hung on it)
    closing = next((m for m in index.mentions if obj.i < m.span.start <= obj.right_edge.i and doc[m.span.start - 1].text == ","
                    and m.kind == "Person" and appositive_holder(doc[m.span.end - 1], index) is not None), None)
    if closing is not None:
        m = closing
    elif after + 1 < len(doc) and doc[after].text == ",":
        m = index.mention_at(after + 1)
        if m is None or m.span.start != after + 1:
            return []
    else:
        return []
    if m.kind != "Person":
        return []
    return [m.key] if appositive_holder(doc[m.span.end - 1], index) is not None else []


def appositive_holder(tok: Token, index: ActorIndex) -> str | None:
    """The person a subject's trailing definite title names when the text introduced someone
    else with that title ("Following a breakfast with the envoy, Y, the Secretary-General met
    Z" after "Secretary-General X"): X, not Y, does what the verb says."""
    for t in index.titles:
        if t.person is not None and t.span.start > tok.i and t.span.start - 2 == tok.i and _trailing_definite(t, index):
            holder = _sole_holder(TitleMention(t.span, t.title, t.kind, t.of), index)
            if holder is not None and holder != t.person:
                return holder
    return None


def _bare_title(tok: Token, index: ActorIndex, other_side: set[str]) -> TitleMention | None:
    for t in index.titles:
        if t.span.start <= tok.i < t.span.end and tok.lower_ in title_words(t.title) and not _names_someone(t, index):
            if t.person is None or (t.person in other_side and index.mention_at(tok.i) is not None and index.mention_at(tok.i).via == "title"):
                return t
    return None


def _names_someone(title: TitleMention, index: ActorIndex) -> bool:
    """A title next to a name the mentions do not cover ("Minister Joly", "Minister of Foreign
    Affairs Batbayar Ganzorig", "The Honourable Mélanie Joly, Minister of Foreign Affairs"): not a
    bare title."""
    doc = title.span.doc
    def unknown(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper() and index.mention_at(i) is None and doc[i].ent_type_ not in ("DATE", "TIME", "GPE", "NORP")
    after, before = title.span.end, title.span.start - 1
    if unknown(after):
        return True  # "Minister Joly", "Minister of Foreign Affairs Batbayar Ganzorig"
    return before >= 1 and doc[before].text == "," and unknown(before - 1)


def names_unknown_people(trig: Token, ctx: ArticleContext) -> bool:
    """The trigger's clause names someone by a title beside a name no mention covers."""
    clause = clause_of(trig)
    return any(clause.left_edge.i <= t.span.start <= clause.right_edge.i and _names_someone(t, ctx.index) for t in ctx.index.titles)
