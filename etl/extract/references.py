"""Who a noun phrase refers to: names, pronouns, and descriptions such as "his Japanese and
South Korean counterparts", "the top diplomats of Japan, the United States and South Korea",
"the two countries' leaders" — resolved to the people of the article holding those posts, or
to the countries when no person is named."""

from __future__ import annotations

import re

from spacy.tokens import Token

from etl.extract.mentions import PRONOUNS, ActorIndex
from etl.vocab import load_vocabulary

# Plural role nouns and the post kinds they stand for are in etl/data/role_nouns.csv.
_HEAD_KINDS = ("head_of_state", "head_of_government")


def role_phrase(tok: Token) -> str | None:
    """The role noun a token heads ("ministers" → "minister", "foreign ministers" → "foreign minister")."""
    role_nouns = load_vocabulary().role_nouns
    lemma = tok.lemma_.lower()
    if lemma == "head":
        # "the heads of government of A and B", "heads of state"
        of = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
        phrase = f"head of {of[0].lemma_.lower()}" if of else ""
        return phrase if phrase in role_nouns else None
    if lemma not in role_nouns and tok.lower_.rstrip("s") not in role_nouns:
        return None
    if lemma == "colleague" and not any(c.dep_ == "amod" or c.dep_ == "prep" and c.lower_ == "from" for c in tok.children):
        return None  # "his cabinet colleagues": the owner's own side; "his colleagues from A and B": counterparts
    lemma = lemma if lemma in role_nouns else tok.lower_.rstrip("s")
    mods = [c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")]
    for mod in mods:
        if f"{mod} {lemma}" in role_nouns:
            return f"{mod} {lemma}"
    return lemma


def _kinds_for(phrase: str, tok: Token, index: ActorIndex) -> tuple[str, ...]:
    kinds = load_vocabulary().role_nouns[phrase]
    if kinds:
        return kinds
    # "his counterparts": the kind of the post held by the owner of "his"/"her".
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is not None:
        key = None
        m = index.mention_at(owner.i)
        if m is not None and m.kind == "Person":
            key = m.key
        elif owner.lower_ in ("his", "her"):
            key = index.last_person_before(owner.i)
        if key is not None:
            own = [t.kind for t in index.titles if t.person == key]
            if own:
                return (own[0],) if own[0] not in _HEAD_KINDS else _HEAD_KINDS
    return ("foreign", "defense", "head_of_state", "head_of_government", "other", "envoy", "foreign_deputy")


def countries_of(tok: Token, index: ActorIndex) -> list[str]:
    """Countries qualifying a role noun: demonyms ("Japanese and South Korean"), "of A, B and C",
    "the two countries'" (the countries of the sentence or the article's two main ones)."""
    found: list[str] = []
    for c in tok.subtree:
        if c.i == tok.i:
            continue
        m = index.mention_at(c.i)
        if m is not None and m.kind == "Country" and m.key not in found:
            found.append(m.key)
    for hit in index.hits:
        if hit.kind == "demonym" and tok.left_edge.i <= hit.span.start and hit.span.end <= tok.i and hit.ref not in found:
            found.append(hit.ref)
    # A list of countries just before the phrase ("Japan, India foreign ministers"), or of
    # demonyms the parser hung elsewhere ("Turkish, German, French, British diplomats")
    i = tok.left_edge.i - 1
    doc = tok.doc
    demonym_ends = {h.span.end: h for h in index.hits if h.kind == "demonym"}
    while i >= 0:
        if doc[i].text in (",", "and"):
            i -= 1
            continue
        m = index.mention_at(i)
        if m is not None and m.kind == "Country":
            key, start = m.key, m.span.start
        elif i + 1 in demonym_ends and found and found[0] in {h.ref for h in demonym_ends.values()}:
            key, start = demonym_ends[i + 1].ref, demonym_ends[i + 1].span.start
        else:
            break
        if key not in found:
            found.insert(0, key)
        i = start - 1
    return found


def _unnamed_group(tok: Token, phrase: str, index: ActorIndex) -> bool:
    """"CARICOM leaders", "the Pacific ministers": a role noun qualified by a proper name that
    is neither a country nor part of the title, a group of its own, not the people of the
    article who hold such posts."""
    for c in tok.children:
        if c.dep_ != "compound" or c.pos_ != "PROPN" or c.i > tok.i or c.lower_ in phrase.split():
            continue
        if index.mention_at(c.i) is None and not any(h.span.start <= c.i < h.span.end for h in index.hits):
            return True
    return False


def resolve_role_noun(tok: Token, index: ActorIndex, exclude: set[str], holders: bool = True) -> list[str]:
    """People (or countries) that a plural role noun refers to; [] if not a role noun.

    With ``holders=False`` (a meeting long before the article) only the countries are
    returned: who held a post back then is not what the article says now."""
    phrase = role_phrase(tok)
    if phrase is None or tok.tag_ not in ("NNS", "NNPS"):
        return []
    countries = countries_of(tok, index)
    if phrase == "official" or (countries and not holders):
        return countries
    if phrase == "colleague" and not countries:
        return []  # "his European colleagues": which ones is not said
    if not countries and phrase == "counterpart":
        # "met his Asean counterparts": the members of a body, unnamed, are that body's side
        # (not "European Union leaders", who may be the body's own people named after)
        bodies = [m.key for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i
                  for m in [index.mention_at(c.i)] if m is not None and m.kind == "Organization" and m.key not in exclude]
        if bodies:
            return list(dict.fromkeys(bodies))
    if not countries and _unnamed_group(tok, phrase, index):
        return []
    kinds = _kinds_for(phrase, tok, index)
    people: list[str] = []
    if countries:
        # (a title qualified by a word the vocabularies lack, "Cook Islands Prime Minister",
        # is of a country not known here: never one of those listed)
        unplaced = [t for t in index.titles if t.person and t.kind in kinds and t.of is None and not t.unplaced and t.person not in exclude]
        unplaced = [t for t in unplaced if not any(o.person == t.person and o.of is not None for o in index.titles)]
        for country in countries:
            holders = [t.person for t in index.titles if t.person and t.kind in kinds and t.of == country and t.person not in exclude]
            if holders:
                if holders[0] not in people:
                    people.append(holders[0])
            elif len({t.person for t in unplaced}) == 1:
                # The one person with such a post and no country named must hold it here.
                title = unplaced[0]
                title.of = country
                people.append(title.person)
                unplaced = []
            else:
                people.append(country)
        return people
    two = any(c.lower_ in ("two", "both") for c in tok.subtree)
    holders = []
    for t in index.titles:
        if t.person and t.kind in kinds and t.person not in exclude and t.person not in holders:
            holders.append(t.person)
    if two and len(holders) > 2:
        return []
    return holders


_NP_DEPS = {"conj", "cc", "compound", "nmod", "amod", "det", "punct", "appos", "flat", "preconj", "nummod", "quantmod"}


_ALONG = {"together", "along"}


def after_closed_list(t: Token) -> bool:
    """A conjunct after a list already closed by "and" ("with A and B, C and D discussed"):
    the parser's mistake, C begins the next phrase. The list is closed where the conjunct's
    head is itself the last of a list ("A and B, C": B's "and" before it) or the head's own
    list has its "and" before the comma."""
    if t.dep_ != "conj" or t.i == 0 or t.doc[t.i - 1].text != "," and t.doc[t.left_edge.i - 1].text != ",":
        return False
    head = t.head
    if head.left_edge.i > 0 and t.doc[head.left_edge.i - 1].lower_ == "and":
        return True
    if head.dep_ != "conj":
        return False
    first = head.head
    return any(c.dep_ == "cc" and first.i < c.i < head.i for c in first.children)


def coordinated(tok: Token) -> list[Token]:
    """The heads of a coordinated noun phrase, including members the parser attached as
    modifiers ("Motegi and Defense Minister Taro Kono" parsed with Motegi as nmod) and those
    joined by "together with" / "along with" ("A and B, together with C, held ...")."""
    out = [tok]
    stack = list(tok.children)
    while stack:
        t = stack.pop()
        if t.dep_ == "prep" and t.lower_ == "with" and any(c.lower_ in _ALONG for c in t.children):
            objects = [c for c in t.children if c.dep_ == "pobj"]
            out.extend(objects)
            stack.extend(c for o in objects for c in o.children)
            continue
        if t.dep_ not in _NP_DEPS or after_closed_list(t):
            continue
        if t.dep_ in ("conj", "nmod", "appos") or (t.dep_ == "compound" and t.pos_ == "PROPN"):
            out.append(t)
        stack.extend(t.children)
    return sorted(out, key=lambda t: t.i)


_TITLE_WORDS = re.compile(r"[\s\-\u2010\u2011]+")


def title_words(title: str) -> list[str]:
    """A title's words as the tokenizer splits them: "Secretary-General" is "secretary", "general"."""
    return _TITLE_WORDS.split(title.lower())


def _title_holder(tok: Token, index: ActorIndex) -> str | None:
    """The person a title phrase names, when ``tok`` is that title's head word."""
    for t in index.titles:
        if t.person is not None and t.span.start <= tok.i < t.span.end and tok.lower_ in title_words(t.title):
            return t.person
    return None


_STATE_FORMS = {"republic", "kingdom", "emirate", "emirates", "federation", "commonwealth", "principality", "sultanate", "state"}


def _title_phrase_name(tok: Token, index: ActorIndex) -> str | None:
    """The person named at the end of a capitalized title phrase with no comma in it, where the
    parser hangs the name inside the phrase's "of": "Chair of the House Ways and Means
    Committee Congressman Ada Brenn" is Ada Brenn."""
    edge = tok.right_edge.i
    for m in index.mentions:
        if m.kind != "Person" or m.span.end - 1 != edge or m.span.start <= tok.i + 1:
            continue
        between = tok.doc[tok.i + 1:m.span.start]
        if (any(t.lower_ == "of" for t in between) and tok.text[:1].isupper()
                and all(t.pos_ in ("PROPN", "DET", "ADP", "CCONJ") and (t.pos_ != "PROPN" or t.text[:1].isupper()) for t in between)):
            return m.key
    return None


def _named_after_the_posts_country(tok: Token, index: ActorIndex) -> str | None:
    """"the president of Guyana, Ada Brenn": the one person named right after the comma that
    follows the country of a role noun's "of"."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        for country in (o for o in prep.children if o.dep_ == "pobj"):
            m = index.mention_at(country.i)
            if m is None or m.kind != "Country" or m.span.end >= len(tok.doc) or tok.doc[m.span.end].text != ",":
                continue
            person = index.mention_at(m.span.end + 1)
            if (person is not None and person.kind == "Person" and person.span.start == m.span.end + 1
                    and person.span.root.dep_ in ("appos", "conj") and person.span.root.head.i == country.i):
                return person.key
    return None


def _closing_appositive(tok: Token, index: ActorIndex) -> str | None:
    """The person named after a comma at the end of a descriptive noun phrase, where the parser
    hangs the name on the phrase's last noun: "the bank's special envoy for the Northern
    Isles, Ada Brenn" is Ada Brenn."""
    edge = tok.right_edge.i
    for m in index.mentions:
        if m.kind != "Person" or m.span.end - 1 != edge or m.span.start <= tok.i:
            continue
        head = m.span.root
        if head.dep_ == "appos" and tok.doc[m.span.start - 1].text == ",":
            return m.key
    return None


_FIRST_PERSON = {"i", "my", "me", "myself"}
_LABEL_WINDOW = 8  # tokens from a paragraph's start to the colon of its speaker label


def turn_speaker(tok: Token, index: ActorIndex) -> str | None:
    """In a transcript, the speaker of the turn a token is in: the person of the last
    speaker label ("PRIME MINISTER ANTHONY ALBANESE: Well, thank you ...") before it."""
    doc = tok.doc
    for i in range(tok.i - 1, -1, -1):
        if doc[i].text != ":":
            continue
        start = i
        while start > 0 and "\n" not in doc[start - 1].text_with_ws and i - start < _LABEL_WINDOW:
            start -= 1
        if i - start >= _LABEL_WINDOW or not (start == 0 or "\n" in doc[start - 1].text_with_ws):
            continue
        label = doc[start:i]
        people = [m for m in index.mentions_in(start, i) if m.kind == "Person"]
        if people and label.text.isupper():
            return people[-1].key
    return None


_BYLINE_SENTENCES = 6  # sentences from the top where a release's byline may stand


def byline_person(doc, index: ActorIndex) -> str | None:
    """The person of a release's byline, the "I" of a minister's own release: a short line
    without a verb near the top that names a person ("Senator the Hon Rebecca Thornton")."""
    for k, sent in enumerate(doc.sents):
        if k >= _BYLINE_SENTENCES:
            break
        if len(sent) > 8 or any(t.pos_ in ("VERB", "AUX") for t in sent):
            continue
        people = [m for m in index.mentions_in(sent.start, sent.end) if m.kind == "Person"]
        if len(people) == 1:
            return people[0].key
    return None


def bound_possessive(tok: Token, index: ActorIndex) -> str | None:
    """Who "his"/"her" stands for when an object pronoun before it in its clause binds it
    ("Xi welcomed him on his state visit": his = him, not Xi); None otherwise."""
    if tok.lower_ not in ("his", "her"):
        return None
    obj_form = "him" if tok.lower_ == "his" else "her"
    done_by = _object_of_for_doing(tok, index)
    if done_by is not None:
        return done_by
    for t in reversed(tok.doc[tok.sent.start:tok.i]):
        if t.lower_ == obj_form and t.dep_ in ("dobj", "dative") and tok in t.head.subtree:
            return object_pronoun_referent(t, index)
    return None


def _object_of_for_doing(tok: Token, index: ActorIndex) -> str | None:
    """"A hailed President X for making his first visit": the one the verb praises or thanks
    for doing something does it, so "his" is X, the named object, not the subject A."""
    for anc in tok.ancestors:
        if anc.dep_ == "pcomp" and anc.tag_ == "VBG" and anc.head.lower_ == "for" and anc.head.dep_ == "prep":
            verb = anc.head.head
            objects = {m.key for c in verb.children if c.dep_ == "dobj" for t in c.subtree
                       if (m := index.mention_at(t.i)) is not None and m.kind == "Person"}
            return objects.pop() if len(objects) == 1 else None
    return None


def object_pronoun_referent(tok: Token, index: ActorIndex) -> str | None:
    """The person an object pronoun stands for ("Xi welcomed him"): named before it, and not
    the subject of its own verb (who would be "himself")."""
    verb = tok.head
    subjects = {m.key for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree
                if (m := index.mention_at(t.i)) is not None and m.kind == "Person"}
    sents = list(tok.doc.sents)
    here = next((k for k, s in enumerate(sents) if s.start <= tok.i < s.end), 0)
    floor = sents[max(0, here - 2)].start
    before = [m for m in index.mentions if m.kind == "Person" and floor <= m.span.start < tok.i and m.key not in subjects]
    return before[-1].key if before else None


def led_by(tok: Token, index: ActorIndex, elsewhere: bool = False) -> list[str]:
    """The people of a group noun ("a delegation from A led by Y, which included Z") its
    leader and its named members: "led/headed by Y", "which included Z". ``elsewhere``: a
    group noun with no people of its own takes those the article gives the group elsewhere
    ("met with a U.S. delegation ... The U.S. delegation, including A and B, was accompanied
    by C"; see :func:`group_members`)."""
    from etl.vocab import load_vocabulary

    if tok.lemma_.lower() not in load_vocabulary().meeting_triggers.get("led_group", ()):
        return []
    if elsewhere:
        own = led_by(tok, index)
        return own or group_members(tok, index)
    leaders: list[str] = []
    # ("a delegation of the Portuguese Parliament led by Y": the parser may hang "led by" on
    # the body the group is of or from)
    bodies = [o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("of", "from") for o in p.children if o.dep_ == "pobj"]
    for c in [*tok.children, *(c for b in bodies for c in b.children)]:
        if c.dep_ == "acl" and c.lemma_.lower() in ("lead", "head"):
            leaders += [k for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj" for k in refers_to(o, index)]
    members = [k for c in tok.children if c.dep_ in ("relcl", "acl") and c.lemma_.lower() == "include"
               for o in c.children if o.dep_ == "dobj" for k in refers_to(o, index)]
    if not leaders:
        # "The delegation, which included Z, also visited Y": the group led by someone named before
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return []
        before = next((t for t in reversed(tok.doc[:tok.i]) if t.lemma_.lower() == tok.lemma_.lower() and t.pos_ == "NOUN"
                       and any(c.dep_ == "acl" and c.lemma_.lower() in ("lead", "head") for c in t.children)), None)
        return led_by(before, index) if before is not None else []
    people = [k for k in leaders + members if index.actors[k].kind == "Person"]
    return list(dict.fromkeys(people))


_MEMBERSHIP_VERBS = {"include", "comprise", "consist"}


def _members_here(tok: Token, index: ActorIndex) -> list[str]:
    """The persons one mention of a group noun names as its members: "the delegation,
    including A and B", "a delegation comprising A", "The delegation consisted of A; B; and
    C", "The delegation included A", "The delegation was accompanied by C", "led by Y"."""
    objs: list[Token] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("including", "comprising"):
            objs += [o for o in c.children if o.dep_ == "pobj"]
        elif c.dep_ in ("acl", "relcl") and c.lemma_.lower() in _MEMBERSHIP_VERBS | {"lead", "head"}:
            objs += [o for o in c.children if o.dep_ == "dobj"]
            objs += [o for a in c.children if a.dep_ in ("agent", "prep") and a.lower_ in ("by", "of") for o in a.children if o.dep_ == "pobj"]
    verb = tok.head
    if tok.dep_ == "nsubj" and verb.lemma_.lower() in _MEMBERSHIP_VERBS:
        objs += [o for o in verb.children if o.dep_ == "dobj"]
        # "consisted of A; B; and C": the parser coordinates the names after a semicolon with the verb
        objs += [o for o in verb.children if o.dep_ in ("conj", "npadvmod", "appos") and o.pos_ == "PROPN" and o.i > verb.i]
        objs += [o for a in verb.children if a.dep_ == "prep" and a.lower_ == "of" for o in a.children if o.dep_ == "pobj"]
    if tok.dep_ == "nsubjpass" and verb.lemma_.lower() == "accompany":
        objs += [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    people = [m.key for o in objs for t in o.subtree if (m := index.mention_at(t.i)) is not None and m.kind == "Person"]
    return list(dict.fromkeys(people))


def _group_qualifier(tok: Token) -> str:
    """The words that tell one group from another ("U.S." of "the U.S. delegation")."""
    return " ".join(c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.text[:1].isupper())


def group_members(tok: Token, index: ActorIndex) -> list[str]:
    """The persons the article names as members of the group a noun names ("a U.S.
    delegation"), at any mention of a group of that noun (and of the same qualifier, when
    both have one); [] when the article gives none or the mentions give different
    qualifiers."""
    word, mark = tok.lemma_.lower(), _group_qualifier(tok)
    out: list[str] = []
    for t in tok.doc:
        if t.pos_ != "NOUN" or t.lemma_.lower() != word or t.tag_ != tok.tag_:
            continue
        other = _group_qualifier(t)
        if mark and other and other != mark:
            continue
        out += _members_here(t, index)
    return list(dict.fromkeys(out))


def possessor(tok: Token, index: ActorIndex) -> list[str]:
    """Who a possessive names: "his"/"her" the person named last before it, else its noun phrase."""
    if tok.lower_ in ("his", "her"):
        key = index.last_person_before(tok.i)
        return [key] if key else []
    return refers_to(tok, index)


def _the_countrys_minister(t: Token, index: ActorIndex, exclude: set[str]) -> list[str]:
    """"the Chinese minister" after "China's Foreign Minister Y": the bare word for a
    minister, with a country or none, is the one minister (of that country) the text named before."""
    if t.lower_ != "minister" or t.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
        return []
    countries = countries_of(t, index)
    if len(countries) > 1:
        return []
    # ("the minister" with no country: the one minister the text named before)
    people = {o.person for o in index.titles if o.person and (not countries or o.of == countries[0]) and o.span.start < t.i
              and "minister" in o.span.text.lower() and o.person not in exclude}
    return list(people) if len(people) == 1 else []


def refers_to(tok: Token, index: ActorIndex, exclude: set[str] | None = None, holders: bool = True) -> list[str]:
    """Actor keys a token (the head of a noun phrase) refers to, with its conjuncts."""
    exclude = exclude or set()
    out: list[str] = []
    if tok.lower_ in ("who", "that") and tok.head.dep_ == "relcl":
        return refers_to(tok.head.head, index, exclude, holders)
    for t in coordinated(tok):
        m = index.mention_at(t.i)
        if m is None and t.lower_ in _STATE_FORMS and t.text[:1].isupper() and t.head.lower_ != "of" and t.dep_ != "compound":
            # "the Republic of Togo", "the Kingdom of Saudi Arabia": the country by its official name
            country = next((k.key for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                            for o in p.children if o.dep_ == "pobj" for k in [index.mention_at(o.i)] if k is not None and k.kind == "Country"), None)
            if country is not None:
                if country not in out:
                    out.append(country)
                continue
        if m is None and t.pos_ == "PROPN":
            # the head of a title phrase naming its holder ("the President of Korea, Moon Jae-in")
            named = _title_holder(t, index) or _title_phrase_name(t, index)
            if named is not None and named not in out:
                out.append(named)
                continue
        if m is not None:
            if m.key in out:
                continue
            if m.kind != "Person" and t.i != tok.i and t.dep_ != "conj":
                continue
            out.append(m.key)
            continue
        if m is None and t.pos_ == "NOUN":
            leaders = led_by(t, index, elsewhere=True)
            if leaders:
                out.extend(k for k in leaders if k not in exclude and k not in out)
                continue
        if t.lower_ in PRONOUNS:
            key = index.last_person_before(t.i)
            if key:
                out.append(key)
            continue
        if t.lower_ in _FIRST_PERSON:
            key = turn_speaker(t, index) or byline_person(t.doc, index)
            if key:
                out.append(key)
            continue
        # "his counterparts": whoever "his" is holds none of the posts the noun names
        owners = {k for c in t.children if c.dep_ == "poss" for k in possessor(c, index)}
        resolved = resolve_role_noun(t, index, exclude | owners, holders)
        if not resolved and owners and holders and any(a.dep_ == "prep" and a.lower_ == "between" for a in t.ancestors):
            resolved = _singular_counterpart(t, index, exclude | owners)
        if not resolved and t.pos_ == "NOUN":
            resolved = _the_countrys_minister(t, index, exclude)
        if not resolved and t.pos_ == "NOUN":
            named = _closing_appositive(t, index)
            resolved = [named] if named is not None and named not in exclude else []
        elif resolved and t.pos_ == "NOUN" and all(k in index.actors and index.actors[k].kind == "Country" for k in resolved):
            # "the presidents of Argentina, Alberto Fernández" (the name parsed as a conjunct of
            # the country): the person named after the post's country, not the country
            named = _named_after_the_posts_country(t, index)
            resolved = [named] if named is not None and named not in exclude else resolved
        out.extend(resolved)
    out.extend(k for k in _after_semicolons(tok, out, index) if k not in exclude)
    return list(dict.fromkeys(out))


def _singular_counterpart(tok: Token, index: ActorIndex, exclude: set[str]) -> list[str]:
    """"talks between Minister A and his Latvian counterpart": the one person the article gives
    the owner's kind of post for that country (named earlier, not here); nothing when it names
    none or several. Only as a side of "between" (elsewhere, "held consultations with his
    counterpart" mostly tells again a meeting already reported)."""
    if tok.lemma_.lower() != "counterpart" or tok.tag_ != "NN":
        return []
    countries = countries_of(tok, index)
    if len(countries) != 1:
        return []
    kinds = _kinds_for("counterpart", tok, index)
    found = {t.person for t in index.titles if t.person and t.kind in kinds and t.of == countries[0] and t.person not in exclude}
    return list(found) if len(found) == 1 else []


def _after_semicolons(tok: Token, found: list[str], index: ActorIndex) -> list[str]:
    """"talks with Prime Minister of A, Dr. X; and Minister of State ... of B, Prince Y": a list
    of titled people whose members are set off by semicolons, which the parser does not keep in
    one phrase; the people named in each verbless member after the first are listed with it."""
    doc = tok.doc
    sent = tok.sent
    end = tok.right_edge.i + 1
    for m in index.mentions:
        if m.key in found and m.kind == "Person" and tok.i < m.span.start <= end + 6 and m.span.end <= sent.end:
            end = max(end, m.span.end)  # the holder's name after its title ("Prime Minister of A, Dr. X")
    out: list[str] = []
    while end < sent.end and doc[end].text == ";":
        stop = next((i for i in range(end + 1, sent.end) if doc[i].text == ";"), sent.end)
        member = doc[end + 1:stop]
        if not found or any(t.pos_ in ("VERB", "AUX") for t in member):
            break
        people = [m.key for m in index.mentions_in(end + 1, stop) if m.kind == "Person"]
        if len(set(people)) != 1:
            break
        out.append(people[0])
        end = stop
    return out
