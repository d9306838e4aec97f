"""Gaps in the posts the titles leave: who holds a title named without a person ("the
secretary", "India's foreign minister"), and the country of a post named without one (the
officials table, a post "to" someone, the dateline, the publishing government)."""

from __future__ import annotations

from spacy.tokens import Doc

from diplokg.iris import slug
from etl.extract.gazetteer import Gazetteer
from etl.extract.mentions import ActorIndex, ActorMention, TitleMention, add_gazetteer_actor, dateline_country
from etl.extract.names import honorifics
from etl.extract.quotes import Quote, inside
from etl.extract.roles import add_role
from etl.model import Actor, RoleFact
from etl.read import headline_span


def resolve_title_only(index: ActorIndex, gaz: Gazetteer, home: str | None = None) -> None:
    """A title with no name ("the U.S. special representative for North Korea", "the
    secretary") refers to the person of the article holding that post: named with it in the
    article, else listed with it in the officials table, else the first person whose title
    contains it. Never someone named in the same sentence ("President X held a call with the
    President of Y"). A bare title beside a named holder of the same title in one sentence
    ("The Prime Minister spoke to Canadian Prime Minister X") is someone the article does not
    name when no one else can be meant, and that title stays unresolved in the whole article.
    In an article written from a country (``home``), a title of another country ("the Saudi
    Minister of Foreign Affairs") is not someone the text names by the bare title ("Foreign
    Minister X"): those are the home country's own."""
    open_titles = [t for t in index.titles if t.person is None]
    beside = {id(t): _named_beside(index, t) for t in open_titles}
    unnamed: set[str] = set()
    for t in sorted(open_titles, key=lambda t: not beside[id(t)]):
        if t.title in unnamed:
            continue
        if _unrecognized_name_after(t.span, index):
            continue  # "Minister for Foreign Affairs of Mongolia Batbayar Ganzorig": a name the model missed
        if _indefinite(t.span):
            continue  # "a State Department spokesman said": someone the article does not identify
        person, variant = _holder(index, gaz, t, beside[id(t)], home)
        if person is None:
            if beside[id(t)]:
                unnamed.add(t.title)
            continue
        t.person = person
        index.mentions.append(ActorMention(t.span, person, "Person", "title"))
        if not variant:
            add_role(index, person, t)


def _indefinite(span) -> bool:
    """A title after "a" or "an" ("a ministry spokesman", "an aide to the President")."""
    doc = span.doc
    return span[0].lower_ in ("a", "an") or (span.start > 0 and doc[span.start - 1].lower_ in ("a", "an"))


def _holder(index: ActorIndex, gaz: Gazetteer, t: TitleMention, beside: set[str], home: str | None = None) -> tuple[str | None, bool]:
    """The holder of a title named without a person, and whether the title is only another
    wording of a post already recorded (then it adds no role). ``beside``: holders of the same
    title named in its sentence, whom a bare title does not mean."""
    here = {m.key for m in index.mentions_in(t.span.sent.start, t.span.sent.end) if m.kind == "Person"}
    if t.of is not None:
        # "Rajan was appointed as India's Defence Minister in May": the one named in the sentence
        # who already holds that very post of that country, not another holder of the title
        own = {o.person for o in index.titles if o.person in here and o.title == t.title and o.of == t.of and o is not t}
        if len(own) == 1:
            return own.pop(), True
    # a country's post has one holder: one who holds it of no country is not that country's
    # when someone else is named holding it of that country
    taken = {o.person for o in index.titles if o.person and t.of is not None and o.title == t.title and o.of == t.of}
    # one who holds the post of another country elsewhere ("FM X of Nepal" ... "Foreign Minister
    # X") is not "the Bhutanese Foreign Minister" where the text names the post's country
    elsewhere = {o.person for o in index.titles if o.person and t.of is not None and o.kind == t.kind and o.of is not None
                 and o.of != t.of and index.actors.get(o.of) is not None and index.actors[o.of].kind == "Country"}
    holders = [o for o in index.titles if o.person and o.person not in here and o.title == t.title and (t.of is None or o.of in (None, t.of))
               and not (o.of is None and taken - {o.person}) and o.person not in elsewhere
               and not (o.of is None and t.of is not None and home is not None and t.of != home)]
    exact = {o.person for o in holders if t.of is not None and o.of == t.of}
    if len(exact) == 1:
        # "Lula receives President of Colombia": the one holder of that very post the text names
        person = exact.pop()
        return person, any(r.title == t.title and r.of == t.of for r in index.actors[person].roles)
    if t.of is not None and t.kind != "other" and not any(o.of == t.of for o in holders):
        # "the US top diplomat" beside Foreign Minister X (no country) and Secretary of State Y
        # (of the United States): the post of that kind of that country, Y's, not X's
        kin = {o.person for o in index.titles if o.person and o.person not in here and o.kind == t.kind and o.of == t.of}
        if len(kin) == 1:
            return kin.pop(), True
    named = [o.person for o in holders]
    if len(set(named)) == 1:
        return named[0], False
    unqualified = _the_unqualified(index, holders) if named and t.of is None else None
    if unqualified is not None:
        return unqualified, False
    if not named and t.of is not None:
        # "India's foreign minister" for the External Affairs Minister of India named with it:
        # the same post in other words, so no further role
        variants = {o.person for o in index.titles if o.person and o.kind == t.kind and o.of == t.of}
        if len(variants) == 1:
            return variants.pop(), True
    label = t.title.lower()
    for off in gaz.vocab.officials:
        if off.position_label.lower() != label:
            continue
        if t.of is not None and gaz.vocab.country_by_iso2.get(off.iso2) is not None and gaz.vocab.country_by_iso2[off.iso2].key != t.of:
            continue
        key = slug(off.name)
        if key in index.actors and key not in beside:
            return key, False
    if t.span[0].lower_ == "the" and len(t.span) <= 3 and t.of is None:
        # "the Secretary": the first person named with that title in a longer one (not
        # "the Prime Minister" for a Foreign Minister).
        word = t.title.lower()
        longer = sorted((o for o in index.titles if o.person and o.person not in beside and word in o.title.lower()), key=lambda o: o.span.start)
        if longer:
            return longer[0].person, False
    same = _SAME_POST.get(t.title.lower())
    if same is not None and t.span[0].lower_ == "the" and t.of is None:
        # "According to the premier" for Prime Minister X: one post in two words
        people = {o.person for o in index.titles if o.person and o.person not in here | beside and o.title.lower() == same}
        if len(people) == 1:
            return people.pop(), True
    return None, False


# Bare titles that are another word for one post ("the premier" is the prime minister).
_SAME_POST = {"premier": "prime minister"}


def _named_beside(index: ActorIndex, t: TitleMention) -> set[str]:
    """The named holders of a bare title's title in its own sentence."""
    if t.span[0].lower_ != "the":
        return set()
    sent = t.span.sent
    return {o.person for o in index.titles if o.person and o.title == t.title and sent.start <= o.span.start < sent.end}


def _the_unqualified(index: ActorIndex, holders: list[TitleMention]) -> str | None:
    """"Prime Minister Rishi Sunak spoke to Japanese Prime Minister Fumio Kishida ... the Prime
    Minister said": of several holders of a title, the bare title is the one the text names
    without a country word (the others are told apart by theirs)."""
    def qualified(o: TitleMention) -> bool:
        return any(h.kind in ("country", "demonym") and o.span.start <= h.span.start < o.span.end for h in index.hits)

    people = {o.person for o in holders if not any(qualified(p) for p in holders if p.person == o.person)}
    return people.pop() if len(people) == 1 else None


_HONORIFIC_WORDS = {"the", "hon", "honourable", "honorable", "his", "her", "excellency", "mr", "ms", "mrs", "dr", "h.e", "senator"}


def _unrecognized_name_after(span, index: ActorIndex) -> bool:
    """Two capitalized proper nouns right after a title that no mention covers: the holder's
    own name, which the model did not find."""
    doc = span.doc
    i = span.end
    while i < len(doc) and (doc[i].text == "," or doc[i].lower_.rstrip(".") in _HONORIFIC_WORDS):
        i += 1  # ", the Hon Daniel McKenna", ", His Excellency X"
    known = {j for h in index.hits if h.kind in ("country", "demonym", "capital", "title", "org") for j in range(h.span.start, h.span.end)}
    # not a country word or another title ("Latvian PM, Danish Ambassador Discuss ...")
    return i + 1 < len(doc) and all(doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and index.mention_at(j) is None
                                    and doc[j].is_alpha and j not in known for j in (i, i + 1))


def dateline_posts(doc: Doc, index: ActorIndex, gaz: Gazetteer, home: str | None = None) -> None:
    """A post named with no country, held by someone the article places nowhere else, is of
    the dateline's country ("SEOUL (Yonhap) -- ... Foreign Minister Kim Min-jae"), unless the
    article is written from another country (``home``): then the dateline is where its own
    officials went ("Apia, Samoa – Prime Minister X" in a Nordland paper is Nordland's)."""
    country = dateline_country(index.text, gaz)
    if country is None or (home is not None and home != country):
        return
    for actor in list(index.actors.values()):
        if actor.kind != "Person" or any(r.of for r in actor.roles) or actor.country:
            continue
        if any(t.unplaced for t in index.titles if t.person == actor.key):
            continue
        if _rank_taken(actor.key, country, index):
            continue  # "TOKYO -- President Kim and Japanese Prime Minister Okada": Kim is the visitor
        if _met_elsewhere(actor.key, country, index) or _arrives(actor.key, index, country) or _arrives_as_he(actor.key, index, country):
            continue
        if actor.roles:
            _give_country(index, gaz, actor, country)


_THIRD_PERSON = {"he", "she"}


def _arrives_as_he(person: str, index: ActorIndex, country: str) -> bool:
    """"Foreign Minister X met his counterparts in Phnom Penh ... He also met Y after arriving in
    the Cambodian capital": a sentence opening with "he" or "she" right after one that names the
    person and no one else has them arrive in the country (also in a phrase on the verb, "after
    arriving in"): the person is a visitor there, not its official."""
    doc = index.doc
    sents = [s for s in doc.sents if not all(t.is_space or t.is_punct for t in s)]
    for prev, sent in zip(sents, sents[1:]):
        first = next((t for t in sent if not t.is_space), None)
        if first is None or first.lower_ not in _THIRD_PERSON or first.dep_ != "nsubj":
            continue
        named = {m.key for m in index.mentions_in(prev.start, prev.end) if m.kind == "Person"}
        if named != {person}:
            continue
        verb = first.head
        for v in verb.subtree:
            if v.pos_ != "VERB" or v.lemma_.lower() not in _ARRIVAL_VERBS:
                continue
            k = v
            while k.i != verb.i and k.dep_ in ("pcomp", "prep", "advcl", "xcomp", "conj") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in k.children):
                k = k.head
            if k.i != verb.i:
                continue
            if any(h.ref == country and v.i < h.span.start <= v.right_edge.i and _placed_in(doc, h) for h in index.hits):
                return True
    return False


def _met_elsewhere(person: str, country: str, index: ActorIndex) -> bool:
    """Every mention of the person comes after another country or its capital in its sentence
    ("will travel on to Moldova, where she will meet President X", "is due to travel to Tehran
    for talks with President Y"): the text puts them there, the dateline only says where the
    story was filed."""
    doc = index.doc
    places = [h for h in index.hits if h.kind in ("country", "capital") and h.ref != country]
    own = [m for m in index.mentions if m.key == person]
    if not own:
        return False
    for m in own:
        sent = doc[m.span.start].sent
        if not any(sent.start <= h.span.start and h.span.end <= m.span.start for h in places):
            return False
    return True


_ARRIVAL_VERBS = {"arrive", "travel", "fly", "come", "visit"}


def _arrives(person: str, index: ActorIndex, country: str, stated: bool = False) -> bool:
    """The person is (one of) the subject of an arrival or a visit to ``country`` ("Foreign
    Ministers A, B and C arrived in Minsk", "X visited Seoul"; with ``stated`` False, also one
    that names no place, "arrived here"): a visitor, not an official of that country."""
    for m in index.mentions:
        if m.key != person or m.kind != "Person":
            continue
        tok = m.span.root
        for a in (tok, *tok.ancestors):
            if a.dep_ == "poss":
                break  # "X's meeting with Y comes after Z's visit to Israel": X only owns the subject
            if a.dep_ in ("nsubj", "nsubjpass") and a.head.lemma_.lower() in _ARRIVAL_VERBS and a.head.pos_ == "VERB":
                verb = a.head
                subj = {t.i for t in a.subtree}
                doc = verb.doc
                # where to: "arrived in Minsk", "travel to Iran", "visited Seoul" (not "the South Africa-Iran Commission")
                places = {h.ref for h in index.hits if h.kind in ("country", "capital") and verb.i < h.span.start
                          and h.span.end <= verb.right_edge.i + 1 and h.span.start not in subj
                          and (doc[h.span.start - 1].lower_ in ("in", "to", "at") or h.span.start == verb.i + 1)}
                if country in places or (not places and not stated):
                    return True
                break
            if a.pos_ in ("VERB", "AUX"):
                break
    return False


_HEADS = {"head_of_state", "head_of_government"}


_DEPUTY_WORDS = {"deputy", "vice", "vice-", "first", "second", "acting"}


def _rank_taken(person: str, country: str, index: ActorIndex) -> bool:
    """Someone else already holds a post of that rank for that country (heads count as one rank;
    a deputy's post is a rank of its own: a country has a prime minister and a deputy). A former
    holder's post is no rank taken, by them or from them ("the sitting Prime Minister" and
    "former Prime Ministers A and B")."""
    own = {_rank(t) for t in index.titles if t.person == person and t.kind != "other" and not _former_title(t)}  # a country has many "other" officials
    return any(t.person and t.person != person and t.of == country and _rank(t) in own and not _former_title(t) for t in index.titles)


def _former_title(t: TitleMention) -> bool:
    """The title is a past one: "former Prime Ministers A, B", "the late President X"."""
    doc = t.span.doc
    before = [w.lower_ for w in doc[max(0, t.span.start - 2):t.span.start]] + [w.lower_ for w in t.span[:2]]
    return any(w in ("former", "late", "ex", "then") for w in before)


def _rank(t: TitleMention) -> str:
    """A post's rank: heads of state and government are one, a deputy's post is its own; the
    "President of the Republic" names the state's own head, apart from its head of government
    ("the President of the Republic X swore in the Prime Minister, Y")."""
    if t.title.lower() == "president of the republic":
        return "head of the republic"
    base = "head" if t.kind in _HEADS else t.kind
    deputy = t.title.lower().split()[0] in _DEPUTY_WORDS or t.title.lower().startswith("vice-")
    return "deputy " + base if deputy else base


def title_to_person(doc: Doc, index: ActorIndex) -> None:
    """"national security adviser to Prime Minister Shinzo Abe": the post is of the country
    of the person it serves."""
    for t in index.titles:
        if t.of is not None or t.person is None:
            continue
        i = t.span.end
        named = index.mention_at(i - 1)
        if named is not None and named.key == t.person:
            continue  # "greetings of Crown Prince X to President Y": the name ends the title, "to" is the sentence's
        if i < len(doc) and doc[i].lower_ == "to":
            for j in range(i + 1, min(i + 6, len(doc))):
                m = index.mention_at(j)
                if m is not None and m.kind == "Person":
                    country = index.actors[m.key].country
                    if country is not None:
                        t.of = country
                        actor = index.actors[t.person]
                        actor.roles = [RoleFact(r.title, country, r.evidence) if r.title == t.title and r.of is None else r for r in actor.roles]
                        actor.country = actor.country or country
                    break


def apply_gazetteer_people(index: ActorIndex, gaz: Gazetteer) -> None:
    """Fill gaps from the officials table: a verified Wikidata ID, and the country of a
    post the text names without one. The text wins: nothing it says is overwritten."""
    by_name = gaz.officials_by_name()
    for actor in list(index.actors.values()):
        if actor.kind != "Person":
            continue
        rows = by_name.get(actor.key, [])
        if not rows:
            continue
        qids = {r.wikidata for r in rows if r.wikidata}
        if len(qids) == 1:
            actor.wikidata = qids.pop()
        countries = {r.iso2 for r in rows}
        if len(countries) == 1:
            country = gaz.vocab.country_by_iso2.get(countries.pop())
            if country is not None:
                if actor.country is None:
                    actor.country = country.key
                    add_gazetteer_actor(index, gaz, country.key, "Country")
                for i, role in enumerate(actor.roles):
                    if role.of is None:
                        actor.roles[i] = RoleFact(role.title, country.key, role.evidence)
                        add_gazetteer_actor(index, gaz, country.key, "Country")
        for t in index.titles:
            if t.person == actor.key and t.of is None and actor.country is not None:
                t.of = actor.country


def publisher_posts(index: ActorIndex, gaz: Gazetteer, country: str | None, body_start: int = 0, quotes: list[Quote] = (),
                    government: bool = True) -> None:
    """A government's release names its own official first ("Prime Minister Justin Trudeau met
    ..."): the posts the text gives that person without a country are of the publishing
    government's country (:func:`etl.extract.context.publisher_country`). The first person
    named in the body counts, not the headline's (which may name the visitor); so does a
    spokesperson whose department the text does not name.

    A newspaper's story filed from another country (``government`` False, a dateline abroad:
    "Kigali, Rwanda — President X held ..." in a Kampala paper) names the hosts as barely as its
    own officials: there the first person is the home country's only when the text has them
    travel there ("Prime Minister X, who is on a working visit to Washington"), and no one else
    is placed by the home country alone."""
    if country is None:
        return
    dateline = dateline_country(index.text, gaz)
    abroad = not government and dateline is not None and dateline != country
    principal = next((m.key for m in index.mentions if m.kind == "Person" and m.span.start_char >= body_start), None)
    if abroad and principal is not None and not (_arrives(principal, index, dateline) or _on_a_visit(principal, index, dateline)):
        principal = None
    speakers = {t.person for t in index.titles if t.person and t.kind == "spokesperson"}
    for key in dict.fromkeys([principal, *sorted(speakers), *([] if abroad else _own_by_the_title(index, country))]):
        actor = index.actors.get(key) if key else None
        if actor is None or actor.country is not None or not actor.roles or any(r.of for r in actor.roles):
            continue
        if _arrives(key, index, country, stated=True) or _from_abroad(index, key, country):
            continue  # "Foreign Ministers A, B and C arrived in Minsk": visitors to the publisher's country
        _give_country(index, gaz, actor, country)
    if not abroad:
        _home_officials(index, gaz, country, quotes)
    company_posts(index.doc, index, gaz)


_TRIP_NOUNS = {"visit", "trip", "tour"}


def _on_a_visit(person: str, index: ActorIndex, country: str) -> bool:
    """The person is said to be on a visit to ``country`` or its capital, or on one that names no
    place: "X, who is on a working visit to Washington", "X, on a state visit to Kenya, ..."."""
    doc = index.doc
    spans = [m.span for m in index.mentions if m.key == person and m.kind == "Person"]
    for tok in doc:
        if tok.lemma_.lower() not in _TRIP_NOUNS or tok.pos_ != "NOUN":
            continue
        # the trip's traveller: the subject of the clause it is in, or the person a relative
        # clause ("who is on a visit") or a phrase set off after the name hangs on
        holder = None
        for a in tok.ancestors:
            if a.pos_ in ("VERB", "AUX"):
                subj = next((c for c in a.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None and subj.lower_ in ("who", "he", "she") and a.dep_ == "relcl":
                    holder = a.head
                else:
                    holder = subj
                break
        if holder is None or not any(s.start <= holder.i < s.end for s in spans):
            continue
        places = {h.ref for h in index.hits if h.kind in ("country", "capital") and tok.i < h.span.start and h.span.end <= tok.right_edge.i + 1}
        if not places or country in places:
            return True
    return False


_ABROAD_KINDS = {"envoy"}  # ambassadors and envoys a home text names are as often another country's


def _home_officials(index: ActorIndex, gaz: Gazetteer, country: str, quotes: list[Quote] = ()) -> None:
    """An article written from a country it names ("Uganda's growth", "Estonian presidency")
    gives its own officials by the bare title ("Prime Minister X", "the Minister of Finance,
    Y"); another country's are named with their country ("US Vice President Z"). So each
    further person whose posts name no country, in the order the text names them, is of that
    country, unless someone already holds a post of that rank for it (a country has one head
    of state or government, one foreign minister: "President A met President B" gives B
    nothing once A is placed), the person is introduced as someone's counterpart, the post is
    an envoy's, or the person is named only inside a quotation (a speaker's words, not the
    outlet's: a visiting minister "thanks Deputy Minister Y" of his hosts)."""
    if not any(h.ref == country and h.kind in ("country", "demonym", "capital") for h in index.hits):
        return
    order = list(dict.fromkeys(m.key for m in index.mentions if m.kind == "Person"))
    for key in order:
        actor = index.actors.get(key)
        if actor is None or actor.country is not None or not actor.roles or any(r.of for r in actor.roles):
            continue
        titles = [t for t in index.titles if t.person == key]
        if not titles or any(t.unplaced for t in titles) or all(t.kind in _ABROAD_KINDS for t in titles):
            continue
        if all(inside(quotes, m.span.start_char) for m in index.mentions if m.key == key):
            continue
        if (_rank_taken(key, country, index) or _a_counterpart(index, key, titles) or _met_abroad(index, key, country)
                or _arrives(key, index, country, stated=True) or _from_abroad(index, key, country)):
            continue
        _give_country(index, gaz, actor, country)


def _from_abroad(index: ActorIndex, key: str, country: str) -> bool:
    """"A group from the French National Assembly ... is headed by X, and comprised vice chair
    Y": a person first named after "from" and another country, in one sentence, is of the
    party from abroad, not the publisher's own official."""
    first = next((m for m in index.mentions if m.key == key and m.kind == "Person"), None)
    if first is None:
        return False
    doc = index.doc
    sent = doc[first.span.start].sent
    for tok in doc[sent.start:first.span.start]:
        if tok.lower_ != "from":
            continue
        for h in index.hits:
            if (h.kind in ("country", "demonym") and h.ref != country and tok.i < h.span.start <= tok.i + 3
                    and h.span.end <= first.span.start):
                return True
    return False


def _met_abroad(index: ActorIndex, key: str, country: str) -> bool:
    """Every mention of the person is in a sentence that puts its event in another country
    ("in Helsinki", "in the Finnish capital"), after someone else it names first ("X met with
    Prime Minister Y in the Finnish capital"): the host abroad, not the home country's official."""
    doc = index.doc
    own = [m for m in index.mentions if m.key == key and m.kind == "Person"]
    if not own:
        return False
    for m in own:
        sent = doc[m.span.start].sent
        first = min((o.span.start for o in index.mentions_in(sent.start, sent.end) if o.kind == "Person"), default=m.span.start)
        if first >= m.span.start or not _met_by_the_subject(m.span.root) or not any(_placed_in(doc, h) for h in index.hits if h.ref != country and sent.start <= h.span.start < sent.end):
            return False
    return True


_MEET_VERBS = {"meet", "receive", "host", "hold", "visit", "call", "greet", "welcome"}


def _met_by_the_subject(tok) -> bool:
    """The name is what a meeting verb's subject met ("X met with his counterpart Y and Prime
    Minister Z", "X received Y"): up through lists and prepositions to that verb."""
    while tok.dep_ in ("conj", "appos", "pobj", "prep", "dobj", "compound") and tok.head is not tok:
        tok = tok.head
        if tok.pos_ == "VERB":
            return tok.lemma_.lower() in _MEET_VERBS
    return False


def _placed_in(doc: Doc, h) -> bool:
    """"in Finland", "in Helsinki", "in the Finnish capital": a place an event is told in."""
    s = h.span.start
    if h.kind in ("country", "capital"):
        return s > 0 and doc[s - 1].lower_ in ("in", "at")
    return (h.kind == "demonym" and s > 1 and h.span.end < len(doc) and doc[h.span.end].lower_ == "capital"
            and doc[s - 1].lower_ == "the" and doc[s - 2].lower_ in ("in", "at"))


def _a_counterpart(index: ActorIndex, key: str, titles: list[TitleMention]) -> bool:
    """Someone introduced as another's counterpart ("her counterpart, Vice Premier Y"): of
    another country than the one whose official the counterpart is."""
    doc = index.doc
    starts = [t.span.start for t in titles] + [m.span.start for m in index.mentions if m.key == key]
    return any(doc[j].lemma_.lower() == "counterpart" for i in starts for j in range(max(doc[i].sent.start, i - 3), i))


def _own_by_the_title(index: ActorIndex, country: str) -> list[str]:
    """People a government's release names by "the" and a bare title ("Also participating was
    the Minister of Foreign Affairs, X"): its own officials, whom it need not place; another
    country's are named with their country ("the U.S. Ambassador", "the Ambassador of X").
    Not where someone else already holds a post of that rank for that country."""
    out = []
    for t in index.titles:
        if t.person is None or t.of is not None or t.unplaced or t.span[0].lower_ != "the":
            continue
        if any(h.kind in ("country", "demonym", "capital") and t.span.start <= h.span.start < t.span.end for h in index.hits):
            continue
        if not _rank_taken(t.person, country, index):
            out.append(t.person)
    return out


_PAIR_GAP = {"-", "\u2013", "/", "and", "the", "&"}


def paired_posts(doc: Doc, index: ActorIndex, gaz: Gazetteer) -> None:
    """A post named with no country, held by someone named in a sentence with a holder of a
    post of the same rank for another country ("Foreign Minister X and his Turkish counterpart
    Y": a country has one foreign minister), is of the one country the article pairs with that
    country ("Pakistan-Turkey trade relations", "between Pakistan and Turkey"): the two sides
    of the relationship the article reports. Nothing when the pairs or the people beside name
    more than one such country; posts placed here place no one else."""
    pairs = _country_pairs(index)
    if not pairs:
        return
    placed = {a.key: a.country for a in index.actors.values() if a.kind == "Person" and a.country}
    for actor in list(index.actors.values()):
        if actor.kind != "Person" or not actor.roles or any(r.of for r in actor.roles) or actor.country:
            continue
        if any(t.unplaced for t in index.titles if t.person == actor.key):
            continue
        beside = _countries_beside(index, actor.key, placed)
        if not beside:
            continue
        found = {b if a in beside else a for a, b in pairs if a in beside or b in beside}
        found -= beside
        if len(found) != 1:
            continue
        _give_country(index, gaz, actor, found.pop())


def _country_pairs(index: ActorIndex) -> set[tuple[str, str]]:
    """Two countries named together as the sides of one relationship: "X-Y", "X and Y",
    "X and the Y" (names, not demonyms), and a headline's "X, Y agree ..."."""
    doc = index.doc
    head = headline_span(index.text)
    places = sorted((h for h in index.hits if h.kind == "country"), key=lambda h: h.span.start)
    out: set[tuple[str, str]] = set()
    for a, b in zip(places, places[1:]):
        if a.ref == b.ref or b.span.start - a.span.end > 2 or b.span.start < a.span.end:
            continue
        gap = [t.lower_ for t in doc[a.span.end:b.span.start]]
        if gap == [","] and head is not None and b.span.end_char <= head[1] and (a.span.start == 0 or doc[a.span.start - 1].is_space):
            if b.span.end < len(doc) and doc[b.span.end].lower_ not in (",", "and", "&"):
                out.add((a.ref, b.ref))  # the headline's two sides: "S. Korea, Australia agree to ..."
            continue
        if gap and all(w in _PAIR_GAP for w in gap) and ("and" in gap or gap[0] in ("-", "\u2013", "/")):
            if b.span.end < len(doc) and doc[b.span.end].lower_ == "and":
                continue  # "X, Y and Z": a list, not a pair
            if _listed_before(doc, places, a):
                continue  # "the United Kingdom, France and Turkey": the list's last two, no pair
            out.add((a.ref, b.ref))
    return out


def _listed_before(doc: Doc, places: list, a) -> bool:
    """A country set off by a comma right after another ("X, Y and Z"): a list's item."""
    s = a.span.start
    return s >= 2 and doc[s - 1].text == "," and any(p.span.end == s - 1 and p.ref != a.ref for p in places)


def _countries_beside(index: ActorIndex, person: str, placed: dict[str, str]) -> set[str]:
    """The countries of the other people named in a sentence with the person who hold a post
    of the same rank (heads of state and government count as one rank)."""
    def ranks(key: str) -> set[str]:
        # a deputy's post is a rank of its own ("premier A" beside "deputy premier B")
        return {_rank(t) for t in index.titles if t.person == key and t.kind != "other"}
    own = ranks(person)
    doc = index.doc
    out: set[str] = set()
    for m in index.mentions:
        if m.key != person or m.kind != "Person":
            continue
        sent = doc[m.span.start].sent
        for o in index.mentions_in(sent.start, sent.end):
            if o.kind == "Person" and o.key != person and o.key in placed and own & ranks(o.key) and not _coordinated(m, o):
                out.add(placed[o.key])
    return out


def _coordinated(a: ActorMention, b: ActorMention) -> bool:
    """Two people in one list set off by commas ("also met President A, Prime Minister B and
    ..."): the same side of a visit, not counterparts."""
    head = _list_head(a.span.root)
    if head != _list_head(b.span.root) or not (a.span.root.dep_ in _LISTED or b.span.root.dep_ in _LISTED):
        return False
    first, last = sorted((a, b), key=lambda m: m.span.start)
    between = a.span.doc[first.span.end:last.span.start]
    if "appos" not in (a.span.root.dep_, b.span.root.dep_) and not any(t.text == "," for t in between):
        return False  # "between A and B", "A and B met": two names joined by "and" may be the two sides
    # "Foreign Minister A and his Kenyan counterpart B": two sides, though joined by "and"
    return not any(t.lemma_.lower() == "counterpart" for t in between)


def _list_head(tok):
    """The first item of the list (conjuncts, appositions) a token is in."""
    while tok.dep_ in _LISTED and tok.head is not tok:
        tok = tok.head
    return tok


_LISTED = {"conj", "appos"}  # (the parser takes ", Prime Minister B" in a list of names for an apposition)


_DELEGATION_VERBS = {"consist", "include", "comprise", "compose"}
_SEND_VERBS = {"send", "dispatch", "represent"}
_GROUP_NOUNS = {"delegation", "team", "official", "officials", "group"}
_ACCOMPANY = {"accompany"}
_JOIN_OCCASIONS = {"meeting", "talk", "call", "visit", "conversation", "videoconference", "discussion", "lunch", "dinner"}


def company_posts(doc: Doc, index: ActorIndex, gaz: Gazetteer) -> None:
    """Posts named with no country, of people the text puts in someone's company: the members
    of a country's delegation ("The U.S. delegation consisted of ..., political advisor X; and
    advisor Y"), a person accompanying or joining another in a meeting ("He was accompanied
    by X", "Minister X joined President Y in his meeting with Z") take that country, or the
    other's; so does the leader of a country's delegation ("the Chinese delegation led by
    Vice President X")."""
    for tok in doc:
        lemma = tok.lemma_.lower()
        if lemma in _SEND_VERBS and tok.pos_ == "VERB":
            # "Peru sent the Prime Minister, X": the official a country sends (or is represented
            # by) is that country's
            subj = next((c for c in tok.children if c.dep_ in (("nsubjpass",) if lemma == "represent" else ("nsubj",))), None)
            m = index.mention_at(subj.i) if subj is not None else None
            if m is not None and m.kind == "Country" and subj.left_edge.i == m.span.start and subj.right_edge.i < m.span.end:
                if lemma == "represent":
                    heads = [o for c in tok.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
                else:
                    heads = [c for c in tok.children if c.dep_ == "dobj"]
                # the object and its apposition, not what hangs on it ("sent condolences to X")
                _place(index, gaz, _people_in(index, [t for o in heads for t in _core(o)]), m.key)
        elif lemma in _DELEGATION_VERBS:
            groups = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() == "delegation"]
            if tok.dep_ == "relcl" and tok.head.lemma_.lower() in _GROUP_NOUNS and any(
                    c.dep_ == "nsubj" and c.lower_ in ("that", "which", "who") for c in tok.children):
                # "a team of Kenya government officials that included Cabinet Secretary X"
                groups.append(tok.head)
            for subj in groups:
                places = [h for h in index.hits if h.kind in ("country", "demonym") and subj.left_edge.i <= h.span.start and h.span.end <= subj.i]
                if len({h.ref for h in places}) == 1:
                    members = _people_in(index, [t for t in tok.subtree if t.i > tok.i])
                    if subj.i == tok.head.i and tok.dep_ == "relcl":  # (the relative clause's objects, not the meeting it goes on to)
                        members = _people_in(index, [t for c in tok.children if c.dep_ == "dobj" for t in _core(c)])
                    _place(index, gaz, members, places[0].ref)
        elif lemma == "lead" and tok.tag_ == "VBN" and tok.dep_ == "acl" and tok.head.lemma_.lower() == "delegation":
            # "the Chinese delegation led by Vice President X": the leader is of the delegation's country
            group = tok.head
            # ("a delegation from China led by X": the country after the noun, before "led")
            of = [t.i for c in group.children if c.dep_ == "prep" and c.lower_ in ("from", "of") and c.i < tok.i for t in c.subtree]
            places = {h.ref for h in index.hits if h.kind in ("country", "demonym")
                      and (group.left_edge.i <= h.span.start and h.span.end <= group.i or h.span.start in of)}
            # the leader named after "by" (not a further delegation coordinated with him)
            leaders = [o for c in tok.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
            if len(places) == 1:
                _place(index, gaz, _people_in(index, leaders), places.pop())
        elif lemma in _ACCOMPANY or (lemma == "join" and _joins_an_occasion(tok)):
            subj = [t for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]
            if len(subj) == 1 and subj[0].lower_ in ("he", "she") and subj[0].i == tok.sent.start:
                subj = _previous_subject(tok.sent)  # "The prime minister met X. He was accompanied by Y"
            obj = [t for c in tok.children if c.dep_ == "dobj" for t in c.subtree]
            obj += [t for c in tok.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj" for t in o.subtree]
            if not obj and any(c.dep_ == "nsubjpass" for c in tok.children):
                obj = _after_by(tok)  # "X is accompanied to the meeting by A; B; and C" (the parser's "by" on "meeting")
            sides = [_people_in(index, subj), _people_in(index, obj)]
            for own, other in (sides, sides[::-1]):
                countries = {index.actors[p].country for p in other if index.actors[p].country}
                if other and len(countries) == 1:
                    _place(index, gaz, own, countries.pop())


def _core(tok) -> list:
    """A noun phrase's own words and its appositions and conjuncts ("the Prime Minister, X"),
    without its prepositional phrases or clauses."""
    out = [tok]
    for c in tok.children:
        if c.dep_ in ("appos", "compound", "det", "amod", "punct", "conj", "cc", "flat", "nmod", "poss"):
            out.extend(_core(c))
    return out


def _previous_subject(sent) -> list:
    """The subject of the sentence before (its root's), which a "He" or "She" opening this
    sentence continues; its tokens, or none."""
    doc = sent.doc
    if sent.start == 0:
        return []
    before = doc[sent.start - 1].sent
    subj = next((c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return list(subj.subtree) if subj is not None else []


def _after_by(verb) -> list:
    """The tokens after the first "by" following a passive verb in its sentence, to the next verb."""
    sent = verb.sent
    by = next((t for t in sent if t.i > verb.i and t.lower_ == "by" and t.i - verb.i <= 6), None)
    if by is None:
        return []
    out = []
    for t in sent[by.i + 1 - sent.start:]:
        if t.pos_ in ("VERB", "AUX"):
            break
        out.append(t)
    return out


def _joins_an_occasion(verb) -> bool:
    """"joined President Y in his meeting with Z": the join is into a meeting, not a body."""
    return any(c.dep_ == "prep" and c.lower_ in ("in", "at", "for") and any(o.lemma_.lower() in _JOIN_OCCASIONS for o in c.children)
               for c in verb.children)


def _people_in(index: ActorIndex, tokens) -> list[str]:
    keys = []
    for t in tokens:
        m = index.mention_at(t.i)
        if m is not None and m.kind == "Person" and m.key not in keys:
            keys.append(m.key)
    return keys


def _place(index: ActorIndex, gaz: Gazetteer, people: list[str], country: str) -> None:
    """Give people whose posts name no country, and who have none, that country."""
    for key in people:
        actor = index.actors.get(key)
        if actor is None or actor.country or not actor.roles or any(r.of for r in actor.roles):
            continue
        if any(t.unplaced for t in index.titles if t.person == key):
            continue
        _give_country(index, gaz, actor, country)


def _give_country(index: ActorIndex, gaz: Gazetteer, actor: Actor, country: str) -> None:
    """A person's posts, the person and their title mentions without a country are of ``country``."""
    add_gazetteer_actor(index, gaz, country, "Country")
    actor.roles = [RoleFact(r.title, country, r.evidence) for r in actor.roles]
    actor.country = country
    for t in index.titles:
        if t.person == actor.key and t.of is None:
            t.of = country


def styled_posts(doc: Doc, index: ActorIndex, gaz: Gazetteer) -> None:
    """"His Highness the Amir Sheikh A and His Highness the Crown Prince Sheikh B": people
    listed one after another under the same style of address (etl/data/honorifics.txt) are of
    one court; a post that names no country is of the country of the one before it."""
    for t in list(index.titles):
        actor = index.actors.get(t.person) if t.person else None
        if actor is None or actor.kind != "Person" or actor.country or any(r.of for r in actor.roles) or t.unplaced:
            continue
        style, k = _style_before(doc, t.span.start)
        if style is None or k < 2 or doc[k - 1].lower_ not in ("and", ","):
            continue
        before = index.mention_at(k - 2)
        if before is None or before.kind != "Person" or before.span.end != k - 1 or before.key == actor.key:
            continue
        own = [u for u in index.titles if u.person == before.key and u.span.end == before.span.end]
        if not own or _style_before(doc, own[-1].span.start)[0] != style:
            continue
        other = index.actors[before.key]
        countries = {r.of for r in other.roles if r.of in index.actors and index.actors[r.of].kind == "Country"}
        if other.country:
            countries.add(other.country)
        if len(countries) == 1:
            _give_country(index, gaz, actor, countries.pop())


def _style_before(doc: Doc, start: int) -> tuple[str | None, int]:
    """The style of address ("his highness") just before a title (past "the"), and its start."""
    k = start
    if k > 0 and doc[k - 1].lower_ == "the":
        k -= 1
    for h in sorted(honorifics(), key=lambda h: -len(h.split())):
        n = len(h.split())
        if n < 2 or k < n:
            continue  # "Mr", "Dr": one word is no style of a court
        if " ".join(w.lower_.rstrip(".") for w in doc[k - n:k]) == h:
            return h, k - n
    return None, start
