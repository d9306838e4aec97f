"""Who says it: the actor a verb of saying, an "according to" phrase or a subject phrase
stands for. A person by name, pronoun or title; else an organization or country inside the
phrase ("a Japanese Foreign Ministry official" → the ministry, "U.S. officials" → the United
States); "the ministry", "it" → the last organization named before."""

from __future__ import annotations

from spacy.tokens import Token

from diplokg.iris import slug
from etl.extract.context import ArticleContext
from etl.extract.mentions import add_gazetteer_actor, organization_from_entity
from etl.extract.references import countries_of, possessor, refers_to
from etl.vocab import OrgEntry

# Nouns of unnamed people who speak for their organization or country.
_SPOKESPEOPLE = ("official", "source", "diplomat", "spokesperson", "spokesman", "spokeswoman", "government", "side")
_BODIES = ("department", "ministry", "office", "agency", "commission", "council", "committee", "embassy", "secretariat")
_SUBJECTS = ("nsubj", "nsubjpass")
PRONOUN_WORDS = {"it", "they", "we", "this", "that", "which", "who", "one", "some", "others"}
_PRONOUN_WINDOW = 8  # sentences back to the person a pronoun stands for


def subjects(verb: Token) -> list[Token]:
    """The subject heads of a verb."""
    return [c for c in verb.children if c.dep_ in _SUBJECTS]


def speaker_of_verb(verb: Token, ctx: ArticleContext) -> str | None:
    """The actor a verb of saying attributes words to: its subject (through the verbs it is
    attached to), the object of "quote" ("the ministry quoted X as saying" → X), or for a
    participle ("..., adding ...", "Reiterating ..., X said") the subject of the verb it goes with."""
    if verb.lemma_.lower() == "quote":
        for c in verb.children:
            if c.dep_ == "dobj":
                keys = refers_to(c, ctx.index)
                if keys:
                    return keys[0]
    if verb.tag_ == "VBG" and not subjects(verb):
        doer = _reported_doing(verb, ctx)
        if doer is not None:
            return doer
        asserted = [a for a in verb.ancestors if a.pos_ in ("VERB", "AUX") and subjects(a) and not hypothetical(a)]
        for anc in asserted:
            if anc.lemma_.lower() in ctx.vocab.speech_verbs or anc.lemma_.lower() in ctx.vocab.reporting_verbs:
                return _first_actor(subjects(anc), ctx)
        if asserted and verb.dep_ == "pcomp":
            # "he offered no hint ... beyond saying ...": the subject of the clause it is in
            return _first_actor(subjects(asserted[0]), ctx)
    if verb.i > 0 and not any(s.pos_ in ("PRON", "PROPN") for s in subjects(verb)):
        prev = verb.doc[verb.i - 1]
        if prev.dep_ == "appos" and prev.lemma_.lower() in _SPOKESPEOPLE and prev.head.i < prev.i:
            # "... with Minister X, a State Department spokesman said": the parser hung the
            # speaker on X as an apposition (and took a noun before it for the subject)
            return actor_of_phrase(prev, ctx)
    v = verb
    for _ in range(3):
        if subjects(v):
            return _first_actor(subjects(v), ctx) or _only_person_before(verb, subjects(v), ctx)
        if v.dep_ == "xcomp" and v.head.lemma_ == "be":
            break  # "the setting was to underline that ...": a purpose or a plan, no one's words
        if v.dep_ in ("acl", "advcl", "xcomp", "conj", "relcl") and v.head.i != v.i:
            v = v.head.head if v.dep_ == "acl" and v.head.pos_ == "NOUN" else v.head
            continue
        break
    return None


_REPORT_NOUNS = {"report", "news", "word", "footage", "video", "image"}


def _reported_doing(verb: Token, ctx: ArticleContext) -> str | None:
    """"... after reports of X, the sister of Y, dismissing the plan as "..."": a participle
    right after a person the reports are of (the name and its apposition, then a comma) is
    that person's act, whichever clause the parser hung it on."""
    if verb.tag_ != "VBG" or subjects(verb) or verb.i < 2 or verb.doc[verb.i - 1].text != ",":
        return None
    t = verb.doc[verb.i - 2]
    while t.dep_ in ("pobj", "prep", "appos", "compound", "amod", "nmod", "poss") and t.head.i != t.i:
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in _REPORT_NOUNS:
            m = ctx.index.mention_at(t.i)
            return m.key if m is not None and m.kind == "Person" else None
        t = t.head
    return None


def hypothetical(verb: Token) -> bool:
    """A verb in a "whether"/"if" clause ("no hint as to whether China would respond"): no
    one says anything by it."""
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in verb.children)


def _only_person_before(verb: Token, heads: list[Token], ctx: ArticleContext) -> str | None:
    """A subject that names no one, parsed from a word of the phrase before the verb ("PM X in
    a post on social media platform Y said" with "Y" taken for the subject): the one person
    named between the sentence's start and the verb, when the subject is a proper noun or a
    noun the person's phrase ends in, and no one else is named there."""
    if any(h.lower_ in PRONOUN_WORDS or h.pos_ not in ("PROPN", "NOUN") for h in heads):
        return None
    mentions = ctx.index.mentions_in(verb.sent.start, verb.i)
    if any(m.kind != "Person" for m in mentions if m.span.start <= heads[0].i):
        return None
    people = {m.key for m in mentions if m.kind == "Person"}
    return people.pop() if len(people) == 1 else None


def _named_elsewhere(tok: Token, ctx: ArticleContext) -> str | None:
    """A proper noun the model tagged as no entity here that the text names a person by
    elsewhere ("Vale stressed ..." after "Minister Ana Vale said ..."): that person, when the
    word ends the names of one person only."""
    if tok.pos_ != "PROPN" or ctx.index.mention_at(tok.i) is not None:
        return None
    if tok.ent_type_:
        return _hyphenated_surname(tok, ctx)
    keys = {m.key for m in ctx.index.mentions if m.kind == "Person" and m.span[-1].text == tok.text}
    return next(iter(keys)) if len(keys) == 1 else None


def _hyphenated_surname(tok: Token, ctx: ArticleContext) -> str | None:
    """"Karimi-Nejad told state television" with the surname tagged as some other entity
    (an organization, a work): the one person whose name ends in that hyphenated surname."""
    words = tok.doc[tok.left_edge.i:tok.i + 1]
    if tok.ent_type_ == "PERSON" or len(words) < 3 or not any(t.text in ("-", "\u2010", "\u2011") for t in words):
        return None
    if any(t.dep_ not in ("compound", "punct") for t in words[:-1]):
        return None
    surname = words.text.replace(" ", "")
    keys = {m.key for m in ctx.index.mentions if m.kind == "Person" and m.span.text.endswith(" " + surname)}
    return next(iter(keys)) if len(keys) == 1 else None


def _first_actor(heads: list[Token], ctx: ArticleContext) -> str | None:
    """The actor of the first subject that names one (a dateline word the parser took for a
    second subject names none)."""
    if len(heads) > 1:
        # "Arriving at X to meet Y's minister, Minister Z said": of two subjects the parser
        # found, the one that is itself a name or a pronoun speaks, not a phrase that only
        # names someone inside it (the participle clause taken for a subject)
        heads = [h for h in heads if h.lower_ in ("he", "she") or refers_to(h, ctx.index)] or heads
        if len(heads) == 2 and heads[0].right_edge.i + 1 == heads[1].left_edge.i and heads[0].i < heads[1].i:
            # "Cheong Wa Dae spokesman Kim Eui-kyeom said" split by the parser into two
            # subjects with nothing between them: one phrase, whose head is its last word
            # (the body only names the spokesman's employer)
            heads = [heads[1]]
    for head in heads:
        actor = actor_of_phrase(head, ctx)
        if actor is not None:
            return actor
    return None


def actor_of_phrase(tok: Token, ctx: ArticleContext) -> str | None:
    """A subject phrase's actor: a person (name, pronoun, title), else an organization or
    country inside it ("a Japanese Foreign Ministry official", "the department"). News media
    are not actors: what an agency reports is no one's statement."""
    actor = _actor_of_phrase(tok, ctx)
    if actor is not None and ctx.gazetteer.orgs.get(actor) is not None and ctx.gazetteer.orgs[actor].kind == "media":
        return None
    return actor


def _actor_of_phrase(tok: Token, ctx: ArticleContext) -> str | None:
    index = ctx.index
    if tok.lower_ in ("he", "she") or (tok.lower_ in ("his", "her") and tok.dep_ == "poss"):
        return _pronoun_speaker(tok, ctx)
    if tok.pos_ == "PROPN" and index.mention_at(tok.i) is None and any(c.dep_ == "poss" for c in tok.children):
        named = _unknown_org(tok, ctx)  # "the South's Joint Chiefs of Staff": the body, not its country
        if named is not None:
            return named
    if _press_office(tok) and index.mention_at(tok.i) is None:
        # "the press service of the Foreign Ministry", "according to the press service": the
        # organization it speaks for, named in the phrase or just before
        orgs = [m.key for m in (index.mention_at(t.i) for t in tok.subtree) if m is not None and m.kind == "Organization"]
        if orgs:
            return orgs[0]
        # "Mr X's press unit", "his press team": the office speaks for the person it serves
        owner = [k for c in tok.children if c.dep_ == "poss" for k in possessor(c, index) if index.actors[k].kind == "Person"]
        if owner:
            return owner[0]
        if tok.pos_ == "PROPN":
            named = _unknown_org(tok, ctx)  # "the Presidential Press Unit": a body of its own name
            if named is not None:
                return named
        return _last_org_like(tok, ctx, any_org=True, within=_NEAR_SENTENCES)
    if tok.lemma_.lower() in _SPOKESPEOPLE and index.mention_at(tok.i) is None:
        # "a Japanese Foreign Ministry official", "U.S. officials": their organization or
        # country; "Diplomats said" names no one; "Spokesman for the Foreign Ministry X
        # said" (the title's holder named after it) names X.
        holder = _holder_of_title_at(tok, ctx)
        if holder is not None:
            return holder
        countries = countries_of(tok, index)
        named = _the_official_named_before(tok, countries, ctx)
        if named is not None:
            return named
        orgs = [m.key for m in (index.mention_at(t.i) for t in tok.subtree) if m is not None and m.kind == "Organization"]
        named = [t for c in tok.children if c.dep_ == "appos" for t in c.subtree]  # "her spokesperson, X"
        people = [m.key for m in (index.mention_at(t.i) for t in named) if m is not None and m.kind == "Person"]
        if not people and not orgs:
            body = _body_spoken_for(tok, ctx)
            if body is not None:
                return body
        return (people or orgs or countries or [None])[0]
    if tok.lower_ == "which" and tok.dep_ in _SUBJECTS and tok.head.dep_ == "relcl":
        return _document_before(tok.head, ctx)
    keys = refers_to(tok, index)
    if keys:
        return keys[0]
    same = _named_elsewhere(tok, ctx)
    if same is not None:
        return same
    if tok.lower_ == "it":
        if tok.dep_ == "nsubjpass" or any(c.dep_ in ("ccomp", "xcomp") for c in tok.head.children if c.i > tok.head.i) and tok.head.tag_ == "VBN":
            return None  # "It is noted that ...", "it was reported that ...": no one in particular
        return _last_org_like(tok, ctx, any_org=True)
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
    if tok.lower_ == "presidency" and not orgs:
        return _presidency_of_president(tok, ctx)
    if tok.lemma_.lower() in _BODIES and tok.lower_ != tok.text.upper():
        return (_office_of_country(tok, ctx) or _office_of_head(tok, ctx) or _last_org_like(tok, ctx)
                or _publishers_ministry(tok, ctx) or _foreign_ministers_ministry(tok, ctx))
    unknown = _unknown_org(tok, ctx)
    if unknown is not None:
        return unknown
    countries = [m.key for m in mentions if m is not None and m.kind == "Country"]
    if countries:
        return countries[0]
    if tok.lemma_.lower() in DOCUMENTS | {"report"} and any(c.lower_ == "same" for c in tok.children):
        return _same_source(tok, ctx)
    if tok.lemma_.lower() in DOCUMENTS:
        return author_of_document(tok, ctx)
    return None


def _same_source(tok: Token, ctx: ArticleContext) -> str | None:
    """"according to the same report": the source the text named last before for that word,
    the author of a report (noun) or the subject of "reported" (verb), a few sentences back
    at most and outside quotation marks; an organization or country (a person's press office
    read as the person is left alone: the report is the office's, not the person's words)."""
    sents = ctx.sentences()
    here = next((n for n, s in enumerate(sents) if s.start <= tok.i < s.end), 0)
    floor = sents[max(0, here - _EARLIER_DOCUMENT_SENTENCES)].start
    for t in reversed(tok.doc[floor:tok.i]):
        if t.lemma_.lower() != tok.lemma_.lower() or ctx.in_quote(t.idx):
            continue
        if t.pos_ in ("VERB", "AUX") and not hypothetical(t):
            actor = _first_actor(subjects(t), ctx)
        elif t.pos_ == "NOUN" and not any(c.lower_ == "same" for c in t.children):
            actor = _named_author(t, ctx)
        else:
            continue
        if actor is not None:
            return actor if ctx.index.actors[actor].kind != "Person" else None
    return None


# Nouns of written words that speak for their author: "his tweet read", "the press release said".
DOCUMENTS = {"statement", "release", "tweet", "post", "readout", "communique", "communiqué", "letter", "message"}
_ISSUED = {"statement", "release", "readout", "communique", "communiqué"}


def _document_before(clause: Token, ctx: ArticleContext) -> str | None:
    """"The ministry published a message about the talks, which says that ...": "which" as the
    subject of a verb of saying stands for a document, the nearest one among the nouns the
    relative clause hangs on (the parser may hang it on the last noun before it); the
    document's author speaks. Not a person: people are "who"."""
    noun = clause.head
    for n in (noun, *noun.ancestors):
        if n.pos_ == "NOUN" and n.lemma_.lower() in DOCUMENTS:
            return author_of_document(n, ctx)
        if n.pos_ in ("VERB", "AUX"):
            break
    return None


_ISSUING_VERBS = {"issue", "release", "publish", "post", "send", "circulate", "distribute"}


def author_of_document(tok: Token, ctx: ArticleContext) -> str | None:
    """The author of a document named as a speaker: its possessor ("his tweet read" → the
    person "his" stands for), the actor after "from"/"by"/"of" ("the release from X"), the
    subject of the verb that issued it ("the ministry published a message, which says"), else
    for a release or statement the organization named last before it, which issued it ("a
    press release from the Foreign Office ... the press release said")."""
    named = _named_author(tok, ctx)
    if named is not None:
        return named
    if tok.lemma_.lower() in _ISSUED | {"message"} and any(c.lower_ == "the" for c in tok.children):
        # "A statement issued by the White House indicated ... “...,” the statement reads":
        # the same document named with its author before
        earlier = _earlier_document(tok, ctx)
        if earlier is not None:
            return earlier
    if tok.lemma_.lower() in _ISSUED and any(c.lower_ == "the" for c in tok.children):
        return _last_org_like(tok, ctx, any_org=True)
    if tok.lemma_.lower() == "message" and any(c.lower_ == "the" for c in tok.children):
        # "This was reported by the ministry's press service. "...," the message reads."
        return _last_org_like(tok, ctx, any_org=True, within=_NEAR_SENTENCES)
    return None


_EARLIER_DOCUMENT_SENTENCES = 6  # sentences back to the document "the statement" names again


def _earlier_document(tok: Token, ctx: ArticleContext) -> str | None:
    """The author of the last document of the same noun named before ``tok`` with its author
    ("a statement issued by X", "X's statement"), outside quotation marks and a few sentences
    back at most."""
    sents = ctx.sentences()
    here = next((n for n, s in enumerate(sents) if s.start <= tok.i < s.end), 0)
    floor = sents[max(0, here - _EARLIER_DOCUMENT_SENTENCES)].start
    for t in reversed(tok.doc[floor:tok.i]):
        if t.pos_ == "NOUN" and t.lemma_.lower() == tok.lemma_.lower() and not ctx.in_quote(t.idx):
            author = _named_author(t, ctx)
            if author is not None:
                return author
    return None


def _named_author(tok: Token, ctx: ArticleContext) -> str | None:
    """A document's author as its own phrase names it: possessor, "from"/"by"/"of", the agent
    of its issuing, the subject of the verb that issued it."""
    for c in tok.children:
        if c.dep_ == "poss":
            return actor_of_phrase(c, ctx)
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")]
    # "the communique released by the Presidential Press Unit": the agent of its issuing
    preps += [a for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN" for a in c.children if a.dep_ == "agent"]
    for prep in preps:
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            actor = actor_of_phrase(obj, ctx)
            if actor is not None:
                return actor
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _ISSUING_VERBS and not hypothetical(tok.head):
        actor = _first_actor(subjects(tok.head), ctx)
        if actor is not None:
            return actor
    return None


_PRESS_OFFICES = {"service", "office", "secretariat", "department", "centre", "center", "unit", "team"}
_NEAR_SENTENCES = 3  # sentences back to the organization an unnamed press office or message is of


def _press_office(tok: Token) -> bool:
    """"the press service", "the press office": a body that speaks for an organization."""
    return tok.lemma_.lower() in _PRESS_OFFICES and any(c.dep_ == "compound" and c.lower_ == "press" for c in tok.children)


# Nouns of a country's office a spokesperson speaks for, which the organizations table lacks.
_OFFICES = {"presidency", "government", "ministry", "embassy", "cabinet", "chancellery", "palace", "office", "department"}


def _the_official_named_before(tok: Token, countries: list[str], ctx: ArticleContext) -> str | None:
    """"Lula met X ... “...“, said the Brazilian official": a definite singular "the <demonym>
    official" (nothing else in its phrase) goes back, as "he" would, to the person last named
    as a subject, unless the text gives that person another country than the one the demonym
    names, or gives that person none and someone else that country; "a Japanese official",
    "officials" and "the official" stay their country's or no one's."""
    if tok.lemma_.lower() != "official" or tok.tag_ != "NN" or len(countries) != 1:
        return None
    words = [t for t in tok.subtree if t.i != tok.i]
    if not any(t.lower_ == "the" and t.dep_ == "det" for t in words) or len(words) != 2:
        return None
    person = _pronoun_speaker(tok, ctx)
    if person is None or ctx.index.actors[person].kind != "Person":
        return None
    actor = ctx.index.actors[person]
    theirs = {actor.country, *(r.of for r in actor.roles)} - {None}
    if theirs and countries[0] not in theirs:
        return None  # a person of another country: the official is someone else
    if not theirs and any(countries[0] in {a.country, *(r.of for r in a.roles)} for k, a in ctx.index.actors.items()
                          if a.kind == "Person" and k != person):
        return None  # someone else is of that country: the demonym may point at them
    return person


def _body_spoken_for(tok: Token, ctx: ArticleContext) -> str | None:
    """"a spokesperson for the German presidency": the office named after "for"/"of" with its
    country's demonym or name before it, an organization of that country (added to the
    table once), not the country."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "of")):
        for obj in (o for o in prep.children if o.dep_ == "pobj" and o.lemma_.lower() in _OFFICES):
            org = _office_of_country(obj, ctx)
            if org is not None:
                return org
    for body in (c for c in tok.children if c.dep_ == "compound" and c.lemma_.lower() in _OFFICES and c.lower_ != c.text.upper()):
        # "the embassy spokesperson told ...": the embassy, of its country if the phrase
        # gives one, else the one named last before ("a query to the U.S. Embassy in X")
        org = _office_of_country(body, ctx)
        if org is None and not countries_of(tok, ctx.index):  # "the Indian embassy spokesperson": India's
            org = _last_org_like(body, ctx) or _earlier_office(body, ctx)
        if org is not None:
            return org
    return None


def _earlier_office(body: Token, ctx: ArticleContext) -> str | None:
    """The last office of the same noun named with its country before ``body`` ("the U.S.
    Embassy in X" before "the embassy"), outside quotation marks."""
    for t in reversed(body.doc[:body.i]):
        if t.lemma_.lower() == body.lemma_.lower() and not ctx.in_quote(t.idx):
            org = _office_of_country(t, ctx)
            if org is not None:
                return org
    return None


def _office_of_country(obj: Token, ctx: ArticleContext) -> str | None:
    """An office noun with one country's demonym or name before it in its phrase ("the Indian
    embassy", "the U.S. Embassy", "the German presidency"): that country's organization (added
    to the table once)."""
    if obj.lemma_.lower() not in _OFFICES and obj.lemma_.lower() not in _BODIES:
        return None
    hits = [h for h in ctx.index.hits if h.kind in ("demonym", "country") and obj.left_edge.i <= h.span.start and h.span.end <= obj.i]
    if len({h.ref for h in hits}) != 1 or hits[0].ref not in ctx.gazetteer.countries:
        return None  # "U.S." is both a country's name and its demonym: one country
    country = ctx.gazetteer.countries[hits[0].ref]
    words = ctx.doc[hits[0].span.end:obj.i + 1].text
    org = ctx.gazetteer.org_for_country(words, country, hits[0].span.text)
    add_gazetteer_actor(ctx.index, ctx.gazetteer, org.key, "Organization")
    return org.key


_HEADS_OF_GOVERNMENT = {"president", "minister", "chancellor", "premier"}


def _office_of_head(tok: Token, ctx: ArticleContext) -> str | None:
    """"the Office of the Rwanda President", "the Office of the President of Kenya", "the
    Office of the Prime Minister of X": the head of state's or government's office of the one
    country named in the phrase, as CONVENTIONS.md names national bodies ("Office of the
    President of South Korea"; added to the table once)."""
    if tok.lemma_.lower() != "office" or not tok.text[:1].isupper():
        return None
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        for head in (o for o in prep.children if o.dep_ == "pobj" and o.lower_ in _HEADS_OF_GOVERNMENT and o.text[:1].isupper()):
            words = head.doc[head.left_edge.i:head.right_edge.i + 1]
            hits = [h for h in ctx.index.hits if h.kind in ("demonym", "country") and words.start <= h.span.start and h.span.end <= words.end]
            if len({h.ref for h in hits}) != 1 or hits[0].ref not in ctx.gazetteer.countries:
                return None
            country = ctx.gazetteer.countries[hits[0].ref]
            title = " ".join(t.text for t in head.lefts if t.dep_ == "compound" and t.i not in {i for h in hits for i in range(h.span.start, h.span.end)})
            title = f"{title} {head.text}".strip()
            return _national_body(ctx, f"Office of the {title} of {country.name}", country.iso2)
    return None


def _national_body(ctx: ArticleContext, name: str, iso2: str) -> str:
    """The article's actor for a country's government body the text names by its role
    ("Office of the Prime Minister of X"), added to the article's gazetteer if new."""
    key = slug(name)
    if key not in ctx.gazetteer.orgs:
        ctx.gazetteer.orgs[key] = OrgEntry(key, name, iso2, None, (), "government_body")
    add_gazetteer_actor(ctx.index, ctx.gazetteer, key, "Organization")
    return key


def _presidency_of_president(tok: Token, ctx: ArticleContext) -> str | None:
    """"the Presidency said in a statement" (capitalized, no "of" phrase) in a story whose
    presidents the text names are all one country's: that country's presidency, "Presidency
    of <Country>" (CONVENTIONS 2.1 names national bodies so), the office of the president the
    story is about. Not where presidents of two countries are named: whose it is, the text
    does not say."""
    if not tok.text[:1].isupper() or any(c.dep_ == "prep" for c in tok.children) or not any(c.lower_ == "the" for c in tok.children):
        return None
    countries = {r.of for a in ctx.index.actors.values() if a.kind == "Person" for r in a.roles
                 if r.of and r.title.lower().split()[-1:] == ["president"] and "vice" not in r.title.lower()}
    if len(countries) != 1:
        return None
    key = countries.pop()
    if key not in ctx.gazetteer.countries:
        return None
    country = ctx.gazetteer.countries[key]
    return _national_body(ctx, f"Presidency of {country.name}", country.iso2)


_FOREIGN_MINISTER_TITLES = ("foreign minister", "minister of foreign affairs", "minister for foreign affairs", "foreign affairs minister")


def _foreign_ministers_ministry(tok: Token, ctx: ArticleContext) -> str | None:
    """A bare "the Ministry" (capitalized, no "of" phrase, no ministry named before) in a
    story whose ministers are all one country's and one of them its foreign minister: that
    country's Ministry of Foreign Affairs, the ministry of the minister the story is about."""
    if tok.lemma_.lower() != "ministry" or not tok.text[:1].isupper() or any(c.dep_ == "prep" for c in tok.children):
        return None
    if not any(c.lower_ == "the" for c in tok.children):
        return None
    roles = [r for a in ctx.index.actors.values() if a.kind == "Person" for r in a.roles if r.of]
    countries = {r.of for r in roles if any(t in r.title.lower() for t in _FOREIGN_MINISTER_TITLES)}
    ministers = {r.of for r in roles if "minister" in r.title.lower() and "prime" not in r.title.lower()}
    if len(countries) != 1 or ministers - countries:
        return None  # ministers of another country too: whose ministry it is, the text does not say
    key = countries.pop()
    if key not in ctx.gazetteer.countries:
        return None
    org = ctx.gazetteer.national_body("Foreign Affairs", ctx.gazetteer.countries[key])
    add_gazetteer_actor(ctx.index, ctx.gazetteer, org.key, "Organization")
    return org.key


def _publishers_ministry(tok: Token, ctx: ArticleContext) -> str | None:
    """"the Ministry of Foreign Affairs wrote" with no country in the phrase nor a ministry
    named before, in a story whose source names one country (a national news agency, a
    government's site): that country's ministry, as the publisher's bare titles are its own
    officials'."""
    country_key = ctx.publisher_country
    if country_key is None or country_key not in ctx.gazetteer.countries or tok.lemma_.lower() != "ministry" or not tok.text[:1].isupper():
        return None
    body = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    if len(body) != 1 or not all(t.text[:1].isupper() or t.lower_ in ("and", "of", "for") for t in body[0].subtree):
        return None
    words = ctx.doc[body[0].left_edge.i:body[0].right_edge.i + 1]
    if any(h.kind in ("country", "demonym", "capital") and words.start <= h.span.start < words.end for h in ctx.index.hits):
        return None
    org = ctx.gazetteer.national_body(words.text, ctx.gazetteer.countries[country_key])
    add_gazetteer_actor(ctx.index, ctx.gazetteer, org.key, "Organization")
    return org.key


def _subject_head(tok: Token) -> Token:
    """The word a name stands in apposition to ("The President of X, A"), else the name."""
    return tok.head if tok.dep_ == "appos" else tok


def _pronoun_speaker(tok: Token, ctx: ArticleContext) -> str | None:
    """"..., he tweeted": the person a pronoun stands for, sentence by sentence back from it.
    In its own sentence only a person that is a subject (one named between two parts of a
    quote is not who speaks); before it, the subject of each sentence: a named person is the
    antecedent, a pronoun sends the search further back, a post holder the article never
    names ("The Prime Minister raised ... He reiterated ...") is one, so no named speaker;
    failing a subject, the last person the sentence names outside quotation marks."""
    sents = ctx.sentences()
    here = next((n for n, s in enumerate(sents) if s.start <= tok.i < s.end), None)
    if here is None:
        return None
    ahead = _cataphor(tok, ctx)
    if ahead is not None:
        return ahead
    for n in range(here, max(-1, here - _PRONOUN_WINDOW), -1):
        sent = sents[n]
        named = [m for m in ctx.index.mentions_in(sent.start, sent.end)
                 if m.kind == "Person" and m.span.start < tok.i and not ctx.in_quote(m.span.start_char)]
        # a subject, or the name in apposition to one ("The President of X, A, received B")
        subj = [m for m in named if _subject_head(m.span.root).dep_ in _SUBJECTS]
        heads = [c for v in (sent.root, *sent.root.conjuncts) for c in v.children if c.dep_ in _SUBJECTS]
        if subj:
            # before the pronoun's sentence, the main clause's subject ("Wang said he was eager
            # to hear what Hale had to say. But he ...": Wang, not Hale)
            main = [m for m in subj if _subject_head(m.span.root) in heads] if n != here else []
            if n != here and not main and _same_pronoun(heads, tok):
                continue  # "He added that X pledged ... He said, ...": the same "he" as before, not X
            return (main or subj)[-1].key
        if n == here:
            continue
        elsewhere = next((k for h in heads if (k := _named_elsewhere(h, ctx)) is not None), None)
        if elsewhere is not None:
            return elsewhere  # "Karimi-Nejad was more guarded. He said ...": a surname the index missed
        if any(h.lower_ in ("he", "she") for h in heads) or any(t.lower_ in ("he", "she") and t.dep_ in _SUBJECTS for t in sent):
            continue  # "GhanaWeb checks indicate that he has met with X": he, not X, goes back further
        holder = next((k for h in heads if ctx.index.mention_at(h.i) is None and (k := _holder_of_title_at(h, ctx))), None)
        if holder is not None:
            return holder  # "... the spokesman said. He added ...": the post's holder
        if any(_unnamed_holder(h, ctx) for h in heads):
            return None
        if named:
            return named[-1].key
    return None


_FRONTED_MARKS = {"while", "when", "as", "after", "before", "although", "though", "since", "once", "whilst"}


def _cataphor(tok: Token, ctx: ArticleContext) -> str | None:
    """"While he said that ..., Peters was quick to ...": the subject pronoun of a clause
    that opens its sentence before the main clause stands for the main clause's subject when
    that is one named person."""
    if tok.lower_ not in ("he", "she") or tok.dep_ not in _SUBJECTS:
        return None
    clause = tok.head
    if clause.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in _FRONTED_MARKS for c in clause.children):
        return None
    main = clause.head
    if clause.i > main.i or ctx.in_quote(tok.idx):
        return None
    heads = [h for h in subjects(main) if h.i > clause.right_edge.i]
    if len(heads) != 1:
        return None
    keys = refers_to(heads[0], ctx.index)
    if len(keys) == 1 and ctx.index.actors[keys[0]].kind == "Person":
        return keys[0]
    return None


_PRONOUN_FORMS = {"he": "he", "his": "he", "him": "he", "she": "she", "her": "she"}


def _same_pronoun(heads: list[Token], tok: Token) -> bool:
    """A main-clause subject that is the same pronoun as ``tok`` ("he" for "he" or "his"): the
    people named only in its reported clause are not who the later pronoun stands for."""
    form = _PRONOUN_FORMS.get(tok.lower_)
    return form is not None and any(_PRONOUN_FORMS.get(h.lower_) == form and h.pos_ == "PRON" for h in heads)


def _unnamed_holder(tok: Token, ctx: ArticleContext) -> bool:
    """A subject that is a post title no named person of the article is given ("The Prime
    Minister" of a release that never names them)."""
    return ctx.index.mention_at(tok.i) is None and any(
        t.person is None and t.span.start <= tok.i < t.span.end and _implied_spokesperson(t, ctx) is None
        for t in ctx.index.titles)


def organization_attribution(tokens: list[Token], verbs: list[Token], ctx: ArticleContext) -> str | None:
    """An organization or country the sentence attributes its words to: "according to the
    ministry", or the subject of a verb of saying after them ("..., the ministry said"). Not
    an unnamed official who tells what a named person said ("X told Y ..., according to a
    Japanese official"), nor a body that quotes a person ("the department quoted X as saying")."""
    if any(v.lemma_.lower() == "quote" for v in verbs):
        return None
    sources = [according_to(tokens, ctx, named_only=True)]
    sources += [speaker_of_verb(v, ctx) for v in verbs if not any(unnamed(s, ctx) for s in subjects(v))]
    for actor in sources:
        if actor is not None and ctx.index.actors[actor].kind != "Person":
            return actor
    return None


def _holder_of_title_at(tok: Token, ctx: ArticleContext) -> str | None:
    """The named holder of the post title a token is part of ("Spokesman for the Foreign
    Ministry Ahmed Hafez"), or the one a definite spokesperson's title implies (see
    ``_implied_spokesperson``)."""
    for t in ctx.index.titles:
        if t.span.start <= tok.i < t.span.end:
            if t.person:
                return t.person
            implied = _implied_spokesperson(t, ctx)
            if implied is not None:
                return implied
    return None


def _implied_spokesperson(title, ctx: ArticleContext) -> str | None:
    """"the spokesman for the foreign ministry said ..." then "Speaking at a briefing, Ana
    Vale said ...": a definite spokesperson's title the text links to no one is the one person
    the article names who holds no post of their own and speaks (the subject of a verb of
    saying), as a story names its spokesperson once and goes on with "the spokesman". Not an
    indefinite one ("a ministry spokesman"), nor where two or more people without a post
    could be meant."""
    if title.person is not None or title.kind != "spokesperson" or title.span[0].lower_ != "the":
        return None
    posted = {t.person for t in ctx.index.titles if t.person}
    people = [k for k, a in ctx.index.actors.items() if a.kind == "Person" and k not in posted and not a.roles]
    if len(people) != 1:
        return None
    verbs = ctx.vocab.speech_verbs
    speaks = any(m.key == people[0] and m.span.root.dep_ in _SUBJECTS and m.span.root.head.lemma_.lower() in verbs
                 and not ctx.in_quote(m.span.start_char) for m in ctx.index.mentions)
    return people[0] if speaks else None


def unnamed(tok: Token, ctx: ArticleContext) -> bool:
    """A subject that names no one: an official, a spokesman, diplomats, sources ("a Foreign
    Ministry official", "U.S. officials"), unless a name stands beside it ("her spokesperson,
    Liam Fortescue") or the post's holder is named with it ("Spokesman for the Foreign
    Ministry Ahmed Hafez")."""
    if tok.lemma_.lower() not in _SPOKESPEOPLE or tok.lemma_.lower() in ("government", "side") or ctx.index.mention_at(tok.i) is not None:
        return False
    if _holder_of_title_at(tok, ctx) is not None:
        return False
    named = [t for c in tok.children if c.dep_ == "appos" for t in c.subtree]
    return not any((m := ctx.index.mention_at(t.i)) is not None and m.kind == "Person" for t in named)


def according_to(tokens: list[Token], ctx: ArticleContext, named_only: bool = False) -> str | None:
    """The actor of an "according to X" or "as reported by X" phrase among the tokens
    (outside quotes); with ``named_only``, not an unnamed official's organization or country."""
    for t in tokens:
        if t.lower_ == "according" and not ctx.in_quote(t.idx):
            for prep in t.children:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        return None if named_only and unnamed(obj, ctx) else actor_of_phrase(obj, ctx)
        if t.lower_ in _AS_REPORTED and t.tag_ == "VBN" and not ctx.in_quote(t.idx) and any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children):
            # "As reported by the Ministry in a press release, ...": the same as "according to"
            for agent in (c for c in t.children if c.dep_ == "agent"):
                for obj in (o for o in agent.children if o.dep_ == "pobj"):
                    return None if named_only and unnamed(obj, ctx) else actor_of_phrase(obj, ctx)
    return None


_AS_REPORTED = {"reported", "stated", "announced", "noted"}


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


def _last_org_like(tok: Token, ctx: ArticleContext, any_org: bool = False, within: int | None = None) -> str | None:
    """"the department" / "the ministry" / "it": the last organization (of that kind) named
    before (``within`` that many sentences back, if given)."""
    word = tok.lemma_.lower()
    floor = -1
    if within is not None:
        sents = ctx.sentences()
        here = next((n for n, s in enumerate(sents) if s.start <= tok.i < s.end), 0)
        floor = sents[max(0, here - within)].start
    for m in reversed(ctx.index.mentions):
        if m.span.start >= tok.i or m.span.start < floor or m.kind != "Organization" or ctx.in_quote(m.span.start_char):
            continue
        actor = ctx.index.actors[m.key]
        if any_org or word in actor.name.lower() or any(word in a.lower() for a in actor.aliases):
            return m.key
    return None
