"""Posts: title prefixes ("Japanese Foreign Minister X"), appositions ("X, Japan's new prime
minister"), predicates ("X became ..."), counterparts, then the gaps :mod:`etl.extract.holders`
fills (title-only mentions, the officials table, the dateline). ``find_posts`` runs them in order."""

from __future__ import annotations

from spacy.tokens import Doc

from diplokg.iris import slug
from etl.extract.gazetteer import Gazetteer, Hit
from etl.extract.holders import apply_gazetteer_people, company_posts, dateline_posts, paired_posts, resolve_title_only, styled_posts, title_to_person
from etl.extract.names import honorifics
from etl.extract.person_spans import body_entity, past_acronym
from etl.extract.mentions import ActorIndex, ActorMention, TitleMention, add_gazetteer_actor, organization_from_entity
from etl.extract.roles import add_role
from etl.model import RoleFact
from etl.read import headline_span


def find_posts(doc: Doc, index: ActorIndex, title_hits: list[Hit], gaz: Gazetteer, gaz_at: dict[int, Hit],
               home: str | None = None) -> None:
    """Every post of the article's people, added to their ``Actor.roles`` and ``index.titles``;
    ``home``: the country the article is written from, if known."""
    _find_titles(doc, index, title_hits, gaz, gaz_at)
    _counterpart_roles(doc, index, gaz)
    _plural_titles(doc, index, gaz, gaz_at)
    _members_of_a_parliament_from(doc, index)
    apply_gazetteer_people(index, gaz)
    title_to_person(doc, index)
    resolve_title_only(index, gaz, home)
    # what the text says of a person before the dateline's place, which is only where the
    # story was filed; then again with the people the dateline placed
    for _ in range(2):
        paired_posts(doc, index, gaz)
        company_posts(doc, index, gaz)
        styled_posts(doc, index, gaz)
        if not _:
            dateline_posts(doc, index, gaz, home)


def _lower_case_apposition(doc: Doc, index: ActorIndex, start: int, h: Hit) -> bool:
    """A lower-case title set off by commas right after a person's name ("Bishnu Shrestha,
    ambassador of Nepal to China, Lok Thapa, ..."): an apposition to that name, not a prefix
    of the name after it."""
    if not doc[h.span.start].is_lower or start < 2 or doc[start - 1].text != ",":
        return False
    before = index.mention_at(start - 2)
    return before is not None and before.kind == "Person" and before.span.end == start - 1


_ONLY_WITH_PORTFOLIO = {"cs"}  # abbreviations a post only with the portfolio written before them

_GROUP_WORDS = {"group", "delegation", "team"}
_PARLIAMENT_WORDS = {"assembly", "parliament", "congress", "senate", "diet", "duma", "knesset", "chamber", "house",
                     "legislative", "legislature", "majlis", "sejm", "bundestag", "storting", "riksdag", "folketing", "cortes"}
_MEMBER_TITLES = {"mp", "member of parliament", "chair", "vice chair", "chairman", "chairwoman", "chairperson", "deputy chair"}


def _members_of_a_parliament_from(doc: Doc, index: ActorIndex) -> None:
    """"A group from the French National Assembly ... is headed by X, chair of the friendship
    group, and comprised vice chair Y and MPs Z and W": the members' and chairs' posts the
    sentence gives with no country or body are of the parliament the group came from (the
    model's ORG entity after "from", a body named as a legislature)."""
    for ent in doc.ents:
        if ent.label_ != "ORG" or ent.start < 2 or not any(t.lower_ in _PARLIAMENT_WORDS for t in ent):
            continue
        k = ent.start - 1
        if doc[k].lower_ != "from" or not any(doc[j].lemma_.lower() in _GROUP_WORDS for j in range(max(0, k - 2), k)):
            continue
        sent = ent.sent
        body = None
        for t in index.titles:
            if (t.person is None or t.of is not None or t.title.lower() not in _MEMBER_TITLES
                    or not (ent.end <= t.span.start and t.span.end <= sent.end)):
                continue
            actor = index.actors.get(t.person)
            if actor is None or actor.kind != "Person" or any(r.of for r in actor.roles):
                continue
            body = body or organization_from_entity(index, ent)
            t.of = body
            actor.roles = [RoleFact(r.title, body, r.evidence) if r.of is None and r.title == t.title else r for r in actor.roles]


_APPOSITION_GAP = {"the", "a", "an", "new", "former", "then", "acting", "incoming", "outgoing", "current", "top", "chief", "'s", "’s", "-"}


_TITLE_ADJECTIVES = {"new", "former", "acting", "incoming", "outgoing", "current", "then", "newly", "appointed", "interim"}


# Titles that are also a style of address before a name: a post only with the country they
# are held in ("U.S. Senator X", "an Australian senator"), a style otherwise ("Senator the Hon X").
_STYLES_UNLESS_QUALIFIED = {"senator"}


_BECOME = {"become", "remain", "name", "appoint", "elect", "serve", "succeed"}


def _country_modifier(doc: Doc, end: int, gaz_at: dict[int, Hit], index: ActorIndex) -> tuple[str | None, int]:
    """The country or organization named just before token ``end`` (demonym, "Japan's",
    "U.S.", "the North's"); returns (actor key, start token) or (None, end)."""
    i = end
    while i > 0 and doc[i - 1].lower_ in _TITLE_ADJECTIVES:
        i -= 1
    possessive = i > 0 and doc[i - 1].text in ("'s", "’s")
    if possessive:
        i -= 1
    if i <= 0 or "\n" in doc[i - 1].text_with_ws or doc[i - 1].is_space:
        return None, end  # the line before (a headline ending "... visits Canberra") qualifies no title
    hit = gaz_at.get(i - 1)
    if hit is not None and hit.span.end == i and hit.kind in ("demonym", "country", "org", "capital"):
        start = hit.span.start
        if hit.kind == "capital" and not possessive and start > 0 and doc[start - 1].lower_ in _PLACE_PREPOSITIONS:
            return None, end  # "during the trip to Tbilisi FM X": where the trip went, not the post's country
        if start > 0 and doc[start - 1].lower_ == "the":
            start -= 1
        return hit.ref, start
    if possessive:
        owner = _owner_country(index, i)
        if owner is not None:
            return owner
        if i >= 2 and doc[i - 1].lower_ == "country" and doc[i - 2].lower_ == "the":
            told = _the_country(doc, index, i - 2)
            if told is not None:
                return told, i - 2
    placed = _past_capitalized_modifiers(doc, i, gaz_at, index)
    if placed is not None:
        return placed
    prev = doc[i - 1]
    if prev.lower_ == "whose":
        # "Spain's embassy in Georgia, with whose Foreign Minister, X, ...": the country the
        # relative clause hangs on, named right before it
        k = i - 2
        while k >= 0 and i - 2 - k < 2 and (doc[k].lower_ in ("with", "to", "for", "of", "by") or doc[k].text == ","):
            k -= 1
        hit = gaz_at.get(k)
        if k < i - 2 and hit is not None and hit.kind == "country" and hit.span.end == k + 1:
            return hit.ref, i - 1
    if prev.lower_ == "its" and prev.tag_ == "PRP$":
        # "cooperation with the International Labour Organization ... with its Director-General
        # X": the body or country the sentence named last before "its"
        sent = prev.sent
        before = [m for m in index.mentions if m.kind in ("Organization", "Country") and sent.start <= m.span.start and m.span.end <= i - 1]
        if before:
            return max(before, key=lambda m: m.span.end).key, i - 1
    if prev.lower_ in ("ministry", "department", "office") and (i < 2 or not doc[i - 2].text[:1].isupper()):
        # "ministry spokeswoman X": the ministry named last.
        for m in reversed(index.mentions):
            if m.span.start < i - 1 and m.kind == "Organization" and prev.lower_ in index.actors[m.key].name.lower():
                return m.key, i - 1
    if prev.ent_type_ == "ORG" and prev.ent_iob_ in ("B", "I"):
        ent = next((e for e in doc.ents if e.start <= i - 1 < e.end), None)
        titled = ent is not None and any(k in gaz_at and gaz_at[k].kind == "title" for k in range(ent.start, ent.end))
        if ent is not None and ent.end == i and len(ent) >= 2 and ent.text[:1].isupper() and not titled:
            return organization_from_entity(index, ent), ent.start
    if prev.text in ("North", "South") and i >= 2 and doc[i - 2].lower_ == "the":
        key = "north-korea" if prev.text == "North" else "south-korea"
        if key in index.actors:
            return key, i - 2
    return None, end


_PLACE_PREPOSITIONS = {"to", "in", "at", "from", "into"}
_MODIFIER_POS = {"PROPN", "ADJ", "NOUN"}
_MISSIONS = {"embassy", "consulate", "mission", "delegation"}


def _the_country(doc: Doc, index: ActorIndex, start: int) -> str | None:
    """The country "the country's" refers to ("Lula is on a trip to Argentina. Yesterday he met
    the country's president, X"): the one country named by its name in that sentence before
    it, else in the sentence before; none when two are named there."""
    sent = doc[start].sent
    windows = [(sent.start, start)]
    if sent.start > 0:
        before = doc[sent.start - 1].sent
        windows.append((before.start, before.end))
    for a, b in windows:
        named = {h.ref for h in index.hits if h.kind == "country" and a <= h.span.start and h.span.end <= b}
        if len(named) == 1:
            return named.pop()
        if named:
            return None
    return None


def _owner_country(index: ActorIndex, end: int) -> tuple[str, int] | None:
    """"the Russian president's aide X", "Putin's diplomatic adviser X": the post of the
    person (or title) just before the possessive gives the aide's country."""
    for t in reversed(index.titles):
        if t.span.end == end and t.of is not None and t.of in index.actors and index.actors[t.of].kind == "Country":
            return t.of, t.span.start
    m = index.mention_at(end - 1)
    if m is None or m.kind != "Person" or m.span.end != end:
        return None
    actor = index.actors.get(m.key)
    countries = [r.of for r in actor.roles if r.of in index.actors and index.actors[r.of].kind == "Country"] if actor else []
    if actor is not None and actor.country:
        countries.append(actor.country)
    return (countries[0], m.span.start) if countries else None


def _past_capitalized_modifiers(doc: Doc, i: int, gaz_at: dict[int, Hit], index: ActorIndex) -> tuple[str, int] | None:
    """"Italian Senate President X", "Russian Presidential Press Secretary X": a country or
    demonym, then one or two capitalized words of the post's own name the titles table does
    not list, then the title."""
    k = i
    while k > 0 and i - k < 2:
        tok = doc[k - 1]
        if not (tok.is_alpha and tok.text[:1].isupper() and tok.pos_ in _MODIFIER_POS and k - 1 not in gaz_at and index.mention_at(k - 1) is None):
            break
        k -= 1
        hit = gaz_at.get(k - 1) if k > 0 else None
        if hit is not None and hit.span.end == k and hit.kind in ("demonym", "country"):
            return hit.ref, hit.span.start
    return None


_COUNTERPART_TITLE = {"foreign": "Foreign Minister", "defense": "Defense Minister"}
_COUNTERPART_OWN = {"head_of_state", "head_of_government"}  # the counterpart holds the owner's post


def _counterpart_roles(doc: Doc, index: ActorIndex, gaz: Gazetteer) -> None:
    """"his Japanese and South Korean counterparts, Yoko Kamikawa and Cho Tae Yul": each named
    counterpart holds the owner's kind of post for the country in the same position (a head
    of state's or government's counterpart the owner's own post: "Prime Minister X held a
    summit with his Ruritanian counterpart Y")."""
    for tok in doc:
        if tok.lemma_.lower() != "counterpart":
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None:
            key = _bare_owner(index, tok)
        else:
            m = index.mention_at(owner.i)
            key = m.key if m is not None and m.kind == "Person" else (_pronoun_owner(index, tok, owner) if owner.lower_ in ("his", "her") else None)
        own = [t for t in index.titles if t.person == key]
        if not own or (own[0].kind not in _COUNTERPART_TITLE and own[0].kind not in _COUNTERPART_OWN):
            continue
        # one country per span: "U.S." is both a country's alias and its demonym ("his U.S. counterpart")
        countries = list({h.span.start: h.ref for h in index.hits
                          if h.kind in ("demonym", "country") and tok.left_edge.i <= h.span.start and h.span.end <= tok.i}.values())
        first = tok.i + 1
        if not countries:
            countries, first = _counterpart_from(doc, index, tok)  # "his counterpart from Colombia, Y"
        names = _listed_people(doc, index, first)
        if not countries and len(names) == 1:
            countries = _visited_by(doc, index, tok, key, own[0])
        if not names or len(names) != len(countries):
            continue
        if any(t.person == names[0].key and t.of is not None for t in index.titles) and len(names) == 1:
            continue
        for person, country in zip(names, countries):
            kind = own[0].kind
            span = doc[tok.left_edge.i:person.span.end]
            if country not in index.actors:
                add_gazetteer_actor(index, gaz, country, "Country")
            # the post the text gives the counterpart without a country ("Defence Minister Y" before) takes it
            theirs = next((t.title for t in index.titles if t.person == person.key and t.kind == kind and t.of is None), None)
            tm = TitleMention(span, theirs or _COUNTERPART_TITLE.get(kind, own[0].title), kind, country, person.key)
            index.titles.append(tm)
            add_role(index, person.key, tm)


def _counterpart_from(doc: Doc, index: ActorIndex, counterpart) -> tuple[list[str], int]:
    """The one country right after "counterpart from" ("his counterpart from Colombia, Y"), and
    the token after it (where the names start); else no country and the token after "counterpart"."""
    i = counterpart.i + 1
    if i + 1 >= len(doc) or doc[i].lower_ != "from":
        return [], counterpart.i + 1
    i += 1 + (doc[i + 1].lower_ == "the")
    hit = next((h for h in index.hits if h.kind == "country" and h.span.start == i), None)
    return ([hit.ref], hit.span.end) if hit is not None else ([], counterpart.i + 1)


def _visited_by(doc: Doc, index: ActorIndex, counterpart, owner: str | None, post: TitleMention) -> list[str]:
    """"X, who started his visit to Malaysia yesterday, held a meeting with his counterpart Y":
    the counterpart of someone on a visit to a country, told in the same sentence, is that
    country's (the owner's post of another country)."""
    if owner is None or post.of is None or post.of not in index.actors or index.actors[post.of].kind != "Country":
        return []
    sent = counterpart.sent
    found = set()
    for t in sent:
        if t.lemma_.lower() != "visit" or t.pos_ != "NOUN" or not any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in t.children):
            continue
        # ("started his visit to Malaysia": the parser may hang "to" on the verb)
        heads = [t, t.head] if t.dep_ == "dobj" else [t]
        for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "to"):
            for obj in (o for o in prep.children if o.dep_ == "pobj"):
                m = index.mention_at(obj.i)
                if m is not None and m.kind == "Country" and m.key != post.of:
                    found.add(m.key)
    return list(found) if len(found) == 1 else []


def _bare_owner(index: ActorIndex, counterpart) -> str | None:
    """Whose counterpart, in a lede's "Minister X met with Ruritanian counterpart Y" (no "his",
    no article): the person the sentence names last before it. Not "a counterpart", "the
    counterparts of", nor a counterpart with no one named before it in its sentence."""
    if any(c.dep_ == "det" for c in counterpart.children):
        return None
    sent = counterpart.sent
    before = [m for m in index.mentions if m.kind == "Person" and sent.start <= m.span.start and m.span.end <= counterpart.left_edge.i]
    return max(before, key=lambda m: m.span.start).key if before else None


def _pronoun_owner(index: ActorIndex, counterpart, owner) -> str | None:
    """Whose "his counterpart": the person it is coordinated with ("talks between A and his
    Ukrainian counterpart, B"), else the person named last before it."""
    if counterpart.dep_ == "conj":
        m = index.mention_at(counterpart.head.i)
        if m is not None and m.kind == "Person":
            return m.key
    return index.last_person_before(owner.i)


def _plural_titles(doc: Doc, index: ActorIndex, gaz: Gazetteer, gaz_at: dict[int, Hit]) -> None:
    """"the Russian and US Presidents, A and B", "the Japanese and Chinese foreign ministers,
    A and B": one post a title in the plural names for each country listed before it, held by
    the person in the same position of the list of names after it."""
    for tok in doc:
        if tok.i + 2 >= len(doc) or not (tok.tag_ in ("NNS", "NNPS") or (tok.tag_ == "NNP" and tok.text[:1].isupper() and tok.lower_.endswith("s"))
                                         or (len(tok.text) > 2 and tok.text.endswith("s") and tok.text[:-1].isupper())):
            continue  # ("Ministers", "Cabinet Secretaries": capitalised plurals the tagger files as NNP; "MPs")
        entry, start = None, tok.i
        for n in (3, 2, 1):  # the longest title ending in this word ("foreign ministers")
            first = tok.i - n + 1
            if first < 0 or (first in gaz_at and gaz_at[first].kind in ("demonym", "country")):
                continue  # "US Presidents": the country is one of the list, not part of the title
            before = " ".join([w.lower_ for w in doc[first:tok.i]] + [""])
            # the singular: the lemma, or the word less its "s" (a proper noun's lemma is itself)
            singulars = (tok.lemma_.lower(), tok.lower_[:-1], tok.lower_[:-3] + "y" if tok.lower_.endswith("ies") else "")
            entry = next((gaz.titles[before + s] for s in singulars if s and before + s in gaz.titles), None)
            if entry is not None:
                start = first
                break
        if entry is None:
            continue
        if _plural_title_of_pairs(doc, index, gaz, gaz_at, tok, start, entry):
            continue
        countries: list[str] = []
        i = start
        while i > 0:
            prev = doc[i - 1]
            hit = gaz_at.get(i - 1)
            if hit is not None and hit.kind in ("demonym", "country") and hit.span.end == i:
                countries.insert(0, hit.ref)
                i = hit.span.start
            elif prev.lower_ in ("and", ",") and countries:
                i -= 1
            else:
                break
        if len(countries) < 2:
            _plural_title_of_one_side(doc, index, gaz, gaz_at, tok, i, entry, countries)
            continue
        if len(set(countries)) != len(countries):
            continue
        j = tok.i + 1
        if doc[j].text == ",":
            j += 1
        names = _listed_people(doc, index, j)
        if len(names) != len(countries):
            continue
        for person, country in zip(names, countries):
            if any(r.of == country for r in index.actors[person.key].roles):
                continue
            if country not in index.actors:
                add_gazetteer_actor(index, gaz, country, "Country")
            tm = TitleMention(doc[i:person.span.end], entry.label, entry.kind, country, person.key)
            index.titles.append(tm)
            add_role(index, person.key, tm)


def _plural_title_of_one_side(doc: Doc, index: ActorIndex, gaz: Gazetteer, gaz_at: dict[int, Hit], tok, start: int, entry,
                              countries: list[str]) -> None:
    """"Cabinet Secretaries A and B", "Kenyan Cabinet Secretaries A and B", "Ministers A of X
    and B of Y": a title in the plural right before a list of two or more names is each one's
    post (of the country after the name, else of the one country named before the title)."""
    names, theirs = _listed_people_of(doc, index, gaz_at, tok.i + 1)
    if len(names) < 2 or not doc[tok.i].text[:1].isupper():
        return
    for person, own in zip(names, theirs):
        country = own or (countries[0] if countries else None)
        if any(r.title == entry.label and (r.of is not None or country is None) for r in index.actors[person.key].roles):
            continue  # (a title met before without its country, "Minister B", takes the one given here)
        if country is not None and country not in index.actors:
            add_gazetteer_actor(index, gaz, country, "Country")
        tm = TitleMention(doc[start:person.span.end], entry.label, entry.kind, country, person.key)
        index.titles.append(tm)
        add_role(index, person.key, tm)


def _listed_people_of(doc: Doc, index: ActorIndex, gaz_at: dict[int, Hit], i: int) -> tuple[list[ActorMention], list[str | None]]:
    """People named in a list starting at token i, each with the country after the name if
    any (" A of X, B of Y and C of Z")."""
    names: list[ActorMention] = []
    theirs: list[str | None] = []
    while i < len(doc):
        if doc[i].text in (",", "and"):
            i += 1
            continue
        m = index.mention_at(past_honorifics(doc, i))
        if m is None or m.kind != "Person" or m.span.start < i:
            break
        names.append(m)
        i = m.span.end
        own = _country_after_name(doc, i, gaz_at)
        theirs.append(own)
        if own is not None:
            i += 1
            while i < len(doc) and i in gaz_at and gaz_at[i].ref == own or (i < len(doc) and doc[i].lower_ == "the"):
                i += 1
    return names, theirs


def past_honorifics(doc: Doc, i: int) -> int:
    """Token i moved past honorifics and ranks before a name that no mention covers ("Mr.",
    "His Highness Sheikh", "Major General"; ``etl/data/honorifics.txt``)."""
    moved = True
    while moved and i < len(doc):
        moved = False
        for h in honorifics():
            n = len(h.split())
            words = [t.lower_.rstrip(".") for t in doc[i:i + n]]
            if len(words) == n and " ".join(words) == h and doc[i].text[:1].isupper():
                i, moved = i + n, True
                break
    return i


def _plural_title_of_pairs(doc: Doc, index: ActorIndex, gaz: Gazetteer, gaz_at: dict[int, Hit], tok, start: int, entry) -> bool:
    """"the Foreign Ministers of Kazakhstan A, Tajikistan B and Uzbekistan C": each name after
    its country holds the post in the singular for that country (two pairs or more)."""
    pairs: list[tuple[str, ActorMention]] = []
    j = tok.i + 1
    if j >= len(doc) or doc[j].lower_ != "of":
        return False
    j += 1
    while j < len(doc):
        hit = gaz_at.get(j)
        if hit is None or hit.kind != "country" or hit.span.start != j:
            break
        m = index.mention_at(hit.span.end)
        if m is None or m.kind != "Person" or m.span.start != hit.span.end:
            break
        pairs.append((hit.ref, m))
        j = m.span.end
        while j < len(doc) and doc[j].text in (",", "and"):
            j += 1
    if len(pairs) < 2:
        return False
    for country, person in pairs:
        if country not in index.actors:
            add_gazetteer_actor(index, gaz, country, "Country")
        tm = TitleMention(doc[start:person.span.end], entry.label, entry.kind, country, person.key)
        index.titles.append(tm)
        add_role(index, person.key, tm)
    return True


def _listed_people(doc: Doc, index: ActorIndex, i: int) -> list[ActorMention]:
    """People named in a list starting at token i (", A and B", " A", "Sheikh A")."""
    names: list[ActorMention] = []
    while i < len(doc):
        if doc[i].text in (",", "and"):
            i += 1
            continue
        i = past_honorifics(doc, i)
        m = index.mention_at(i)
        titled = next((t for t in index.titles if t.span.start == i and t.person and t.span.end > i + 1), None)
        if titled is not None and (m is None or m.kind != "Person"):
            # ", President B": the title's holder named in it
            m = next((n for n in index.mentions_in(titled.span.start, titled.span.end) if n.key == titled.person and n.kind == "Person"), None)
            if m is not None and m.span.end == titled.span.end:
                names.append(m)
                i = m.span.end
                continue
        if m is None or m.kind != "Person" or m.span.start != i:
            break
        names.append(m)
        i = m.span.end
    return names


def _next_post_of_a_list(doc: Doc, i: int, by_hit_end: dict[int, TitleMention]) -> bool:
    """"Deputy Prime Minister & Coordinating Minister for X": a word after "&" or "and" right
    after another title opens the next post of the same person's list, not an unknown place."""
    return i >= 1 and doc[i - 1].lower_ in ("&", "and") and (i - 1) in by_hit_end


def _a_regions_post(doc: Doc, start: int, gaz_at: dict[int, Hit]) -> bool:
    """"Northern Ireland Secretary of State", "Ontario Premier": a title right after a place
    the tagger finds and the table does not list as a country is that region's post, not the
    post the table gives its one country for."""
    if start == 0:
        return False
    tok = doc[start - 1]
    return tok.ent_type_ in ("GPE", "LOC") and tok.text[:1].isupper() and (start - 1) not in gaz_at


def _find_titles(doc: Doc, index: ActorIndex, title_hits: list[Hit], gaz: Gazetteer, gaz_at: dict[int, Hit]) -> None:
    """Posts from title prefixes ("Japanese Foreign Minister X"), appositions
    ("X, Japan's new prime minister") and predicates ("X became Japan's prime minister")."""
    by_hit_end: dict[int, TitleMention] = {}
    by_hit_start: dict[int, TitleMention] = {}
    pending: list[tuple] = []
    pending_the: list[tuple] = []
    for h in title_hits:
        entry = gaz.titles[h.ref]
        if entry.phrase == "minister" and h.span.start + 1 < len(doc) and not doc[h.span.start + 1].text[:1].isupper():
            continue
        if entry.phrase in _UNIT_HEADS and not _heads_a_unit(doc, h):
            continue
        if entry.phrase in _ONLY_WITH_PORTFOLIO:
            continue  # "the office of the Prime CS X": a bare "CS" is no post; "Foreign Affairs CS X" is
        of, mod_start = _country_modifier(doc, h.span.start, gaz_at, index)
        inner = next((x for x in index.hits if x.kind in ("demonym", "country") and x.span.start == h.span.start and x.span.end < h.span.end), None)
        if of is None and inner is not None:
            of = inner.ref  # a title that begins with its country ("Chinese Premier", as positions.csv lists it)
        if of is None and entry.phrase in _STYLES_UNLESS_QUALIFIED:
            continue  # "Senator the Hon X", "Foreign Minister Senator X": a style; "US Senator X": a post
        if of is not None and of not in index.actors:
            kind = "Organization" if of in gaz.orgs else "Country"
            add_gazetteer_actor(index, gaz, of, kind)
        # "... of Japan" / "... for North Korea" after the title
        after = h.span.end
        if of is None and after + 1 < len(doc) and (doc[after].lower_ == "of" or doc[after].lower_ == "for" and entry.kind == "spokesperson"):
            # ("Spokesman for the Foreign Ministry X": the body a spokesperson speaks for)
            hit = gaz_at.get(after + 1) or (gaz_at.get(after + 2) if doc[after + 1].lower_ == "the" else None)
            if hit is not None and hit.kind == "country" and _modifies_a_noun(doc, hit.span.end):
                hit = None  # "chair of the Taiwan friendship group": the country only qualifies a body
            if hit is not None and hit.kind in ("country", "org"):
                of = hit.ref
                add_gazetteer_actor(index, gaz, of, "Country" if hit.kind == "country" else "Organization")
                after = hit.span.end
                if entry.kind == "envoy" and after + 1 < len(doc) and doc[after].lower_ == "to":
                    # "the Ambassador of X to Y Ann Lee": past the country the envoy is sent to
                    sent_to = gaz_at.get(after + 1) or (gaz_at.get(after + 2) if doc[after + 1].lower_ == "the" else None)
                    if sent_to is not None and sent_to.kind in ("country", "org"):
                        after = sent_to.span.end
        if of is None and after + 1 < len(doc) and doc[after].lower_ == "of":
            # "the Executive Director of the International Energy Agency X", "the director general
            # of the Food and Agriculture Organization of the United Nations (FAO), X": a body the
            # gazetteer lacks, the model's ORG entity ending in a body's head word, then the holder
            # (an apposition's body may be a unit of one named later: _body_after_title)
            body = body_entity(doc, after + 1)
            if body is not None:
                k = past_acronym(doc, body.end)
                named = index.mention_at(past_honorifics(doc, k + (k < len(doc) and doc[k].text == ",")))
                if named is not None and named.kind == "Person":
                    of = organization_from_entity(index, body)
                    after = k
        if of is None and after + 2 < len(doc) and doc[after].text == ",":
            # "the Minister of Information, Ghana, Hon. X", "The Spokesperson, Ministry of Foreign
            # Affairs, X": the country or body set off by commas between the title and its holder
            k = after + 1 + (doc[after + 1].lower_ == "the")
            hit = gaz_at.get(k)
            if hit is None or hit.kind not in ("country", "org") or hit.span.start not in (after + 1, k):
                body = body_entity(doc, after + 1)
                hit = None if body is None or any(i in gaz_at for i in range(body.start, body.end)) else Hit("org", "", body)
            if hit is not None and hit.span.end + 1 < len(doc) and doc[hit.span.end].text == ",":
                named = index.mention_at(past_honorifics(doc, hit.span.end + 1))
                if named is not None and named.kind == "Person" and named.span.start == past_honorifics(doc, hit.span.end + 1):
                    if hit.ref:
                        of = hit.ref
                        add_gazetteer_actor(index, gaz, of, "Country" if hit.kind == "country" else "Organization")
                    else:
                        of = organization_from_entity(index, hit.span)
                    after = hit.span.end
        if of is None and after + 3 < len(doc) and doc[after].lower_ == "at" and doc[after + 1].lower_ == "the":
            # "the Minister Counsellor for Trade at the Embassy of Jamaica, X": a post at a
            # country's mission abroad, then its holder, is that country's
            k = after + 2
            if doc[k].lower_ in _MISSIONS and doc[k].text[:1].isupper() and doc[k + 1].lower_ == "of":
                hit = gaz_at.get(k + 2) or (gaz_at.get(k + 3) if doc[k + 2].lower_ == "the" else None)
                if hit is not None and hit.kind == "country" and hit.span.end + 1 < len(doc) and doc[hit.span.end].text == ",":
                    start_name = past_honorifics(doc, hit.span.end + 1)
                    named = index.mention_at(start_name)
                    if named is not None and named.kind == "Person" and named.span.start == start_name:
                        of = hit.ref
                        add_gazetteer_actor(index, gaz, of, "Country")
                        after = hit.span.end
        if of is None and entry.country_iso2 and not _a_regions_post(doc, mod_start, gaz_at):
            # A title only one country (or organization) uses ("Secretary of State", "Commission
            # President"), as titles.csv says.
            country = gaz.vocab.country_by_iso2.get(entry.country_iso2)
            if country is not None:
                of = country.key
                add_gazetteer_actor(index, gaz, of, "Country")
            elif slug(entry.country_iso2) in gaz.orgs:
                of = slug(entry.country_iso2)
                add_gazetteer_actor(index, gaz, of, "Organization")
        if of is None and mod_start > 0 and doc[mod_start - 1].text == "/" and mod_start - 1 in by_hit_end:
            of = by_hit_end[mod_start - 1].of  # "High Representative/Vice-President": both of the Union
        if of is None and mod_start > 1 and doc[mod_start - 1].lower_ == "and" and not entry.country_iso2:
            # "Australian Foreign Minister X and Defence Minister Y", "the Ruritanian Minister
            # of Trade, X, and Sports Minister Y": the same country
            k = mod_start - 3 if doc[mod_start - 2].text == "," and mod_start > 2 else mod_start - 2
            before = index.mention_at(k)
            placed = [t for t in index.titles if before is not None and t.person == before.key and t.of is not None and t.span.end == before.span.end]
            if placed and index.actors.get(placed[-1].of) is not None and index.actors[placed[-1].of].kind == "Country":
                of = placed[-1].of
        start = mod_start
        if start > 0 and doc[start - 1].lower_ in ("the", "a", "an") and mod_start == h.span.start:
            start -= 1
        person = unit = None
        # Prefix: TITLE [,] PERSON
        j = after
        if j < len(doc) and doc[j].text == ",":
            j += 1
        j = _past_joined_titles(doc, j, title_hits, and_too=doc[mod_start].lower_ not in ("the", "a", "an") and (mod_start == 0 or doc[mod_start - 1].lower_ not in ("the", "a", "an", "/")))
        j = past_honorifics(doc, j)  # "the President, Major General X", "Minister, Mr. X"
        if index.mention_at(j) is None and j + 1 < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and j not in gaz_at:
            # "Secretary of State Antony J. Blinken" with the name found from "J." on
            nxt = index.mention_at(j + 1)
            if nxt is not None and nxt.kind == "Person" and nxt.span.start == j + 1:
                j += 1
        m = index.mention_at(j)
        if m is not None and (after < len(doc) and doc[after].text == "," and (_subject_after_a_fronted_phrase(doc, start, m)
                                                                              or _post_to_the_title(doc, start))
                              or j > after and _subject_after_fronted_phrase(doc, m, h)):
            m = None
        if m is not None and after < len(doc) and doc[after].text == "," and _lower_case_apposition(doc, index, start, h):
            m = None  # "X, ambassador of Nepal to China, Y, joint secretary ...": the post is X's, set off after the name
        apposed = False
        if m is not None and m.kind == "Person" and m.span.start == j:
            person = m.key
            phrase = doc[start:m.span.end]
            if of is None:
                of = _country_after_name(doc, m.span.end, gaz_at)
                if of is not None:
                    add_gazetteer_actor(index, gaz, of, "Country")
            if of is None and not entry.country_iso2:
                of = _listed_country(doc, index, mod_start, m)
        else:
            phrase = doc[start:after]
            # "the Permanent Secretary-Ministry of Defence, Ms. X" (a list of posts and names):
            # the holder named after the post's own body, before anyone the title follows
            unit = _named_after_its_unit(doc, index, h) if of is None or _dash_joined(doc, h) else None
            person = None if unit is not None or _indefinite_speaker(doc, start, after, gaz) else _apposed_person(doc, index, start, h)
            apposed = person is not None
            if unit is not None:
                person = unit
        body_end = _unit_end(doc, index, h) if entry.kind == "other" and (unit is not None or person is None) else None
        bare = doc[start].lower_ not in ("the", "a", "an")
        if person is None and bare and _joined_ahead(doc, body_end or after) is not None:
            # "Director of X in the Ministry of Y, and Guyana's Ambassador to Z, Mr. A": the
            # holder of the next title, found once that title is read
            pending.append((doc[start:body_end or after], of, _joined_ahead(doc, body_end or after)))
            continue
        if person is None and not bare:
            k = _and_title_ahead(doc, after, title_hits)
            if k is not None:
                # "the High Representative for Foreign and Security Policy of the EU and Vice
                # President of the Commission, X": two posts of one holder named after a comma
                pending_the.append((h, entry, of, start, k))
        if entry.phrase in _UNIT_HEADS and person is None:
            continue  # "the head of the department said": no post without its holder
        if of is None and apposed:
            # an apposition "X, director-general for political affairs at the Polish foreign
            # ministry", "X, Director-General of the ... Bureau, Ministry of Foreign Affairs of Japan"
            of = _body_after_title(doc, after, gaz_at, index)
        if of is None and person is not None and mod_start > 0 and doc[mod_start - 1].lower_ in ("and", "&"):
            # "Lao Party General Secretary and Prime Minister X": the country of the first of
            # two posts joined before one name is the second's too (not a party or a body's)
            first = by_hit_end.get(mod_start - 1)
            if (first is not None and first.person == person and first.of is not None and first.of in index.actors
                    and index.actors[first.of].kind == "Country"):
                of = first.of
        label = entry.label if unit is None or body_end is None else _unit_label(doc, h, body_end)
        tm = TitleMention(phrase, label, entry.kind if unit is None else "other", of, person)
        before = doc[mod_start - 1] if mod_start > 0 else None
        tm.unplaced = (of is None and before is not None and before.text[:1].isupper() and before.pos_ in ("PROPN", "ADJ") and before.i not in index._by_token
                       and not _next_post_of_a_list(doc, before.i, by_hit_end))
        # the head of a body the text names, of no known country (not a unit of a ministry)
        tm.unplaced = tm.unplaced or unit is not None and not _in_government(doc, h.span.end, body_end)
        index.titles.append(tm)
        by_hit_end[h.span.end] = tm
        by_hit_start[h.span.start] = tm
        if person is not None:
            add_role(index, person, tm)
    _share_the_country_after(doc, index, by_hit_end, by_hit_start)
    for h, entry, of, start, k in pending_the:
        nxt = next((t for t in index.titles if t.person and t.span.start == k), None)
        if nxt is None or index.actors[nxt.person].kind != "Person" or any(t.person for t in index.titles if t.span.start == start and t is not nxt):
            continue
        sent = doc[k].sent
        named = next((m for m in index.mentions_in(k, sent.end) if m.key == nxt.person and m.kind == "Person"), None)
        # the holder set off by a comma after the second post, and no other name joined to it
        if (named is None or named.span.start < 1 or doc[named.span.start - 1].text != ","
                or (named.span.end < len(doc) and doc[named.span.end].lower_ == "and")):
            continue
        tm = TitleMention(doc[start:named.span.end], entry.label, entry.kind, of, nxt.person)
        index.titles.append(tm)
        add_role(index, nxt.person, tm)
        if of is not None and nxt.of is None:
            # one person's two posts, of one country or body
            nxt.of = of
            actor = index.actors[nxt.person]
            actor.roles = [RoleFact(r.title, of, r.evidence) if r.of is None and r.title == nxt.title else r for r in actor.roles]
    for phrase, of, k in pending:
        nxt = next((t for t in index.titles if t.person and t.span.start in (k, k + 1)), None)
        if nxt is None or index.actors[nxt.person].kind != "Person":
            continue
        if of is None and nxt.of in index.actors and index.actors[nxt.of].kind == "Country":
            of = nxt.of  # one person's two posts, of one country
        label = phrase.text[4:] if phrase.text.lower().startswith("the ") else phrase.text
        tm = TitleMention(phrase, label, "other", of, nxt.person)
        tm.unplaced = of is None and not _in_government(doc, phrase.start, phrase.end)
        index.titles.append(tm)
        add_role(index, nxt.person, tm)


def _share_the_country_after(doc: Doc, index: ActorIndex, by_hit_end: dict[int, TitleMention],
                             by_hit_start: dict[int, TitleMention]) -> None:
    """"Foreign Minister and State Councilor of the People's Republic of China Wang Yi",
    "Deputy Prime Minister and Minister of Foreign Affairs of Thailand, X": two posts joined by
    "and" before one holder; the country the second names is the first's too (a country only:
    "Minister of Finance and Governor of the Central Bank" keeps the bank to the second)."""
    for end, first in by_hit_end.items():
        if first.of is not None or end + 1 >= len(doc) or doc[end].lower_ not in ("and", "&"):
            continue
        second = by_hit_start.get(end + 1)
        if second is None or second.person is None:
            continue
        if first.person is None and first.span[0].lower_ not in ("the", "a", "an") and first.span.start > 0 and doc[first.span.start - 1].lower_ not in ("the", "a", "an"):
            # "as guest of Deputy Prime Minister and Minister of Foreign Affairs, X": one holder
            # of both (not "the President and Prime Minister X", which may be two people)
            first.person = second.person
            add_role(index, second.person, first)
        if first.person != second.person or second.of is None:
            continue
        owner = index.actors.get(second.of)
        if owner is None or owner.kind != "Country":
            continue
        first.of = second.of
        actor = index.actors[first.person]
        actor.roles = [RoleFact(r.title, second.of, r.evidence) if r.of is None and r.title == first.title else r for r in actor.roles]


_GOVERNMENT_BODIES = {"ministry", "department", "government", "cabinet", "presidency", "secretariat"}


def _in_government(doc: Doc, start: int, end: int | None) -> bool:
    """The body named in a unit title's "of"/"in" phrase is a government's ("in the Ministry
    of Foreign Affairs"): its head is an official of the country, as other posts are."""
    return end is not None and any(t.lower_ in _GOVERNMENT_BODIES for t in doc[start:end])


def _unit_end(doc: Doc, index: ActorIndex, h: Hit) -> int | None:
    """The end of a unit title's "of"/"in" phrase ("Director of the Americas in the Ministry
    of Foreign Affairs"): capitalized words and "of", "in", "the", "and" up to a comma."""
    k = h.span.end
    if k >= len(doc) or doc[k].lower_ not in ("of", "in") and not _dash_joined(doc, h):
        return None
    k += 1
    while k < len(doc) and k - h.span.end <= _BODY_SCAN and doc[k].text != ",":
        tok = doc[k]
        if not (tok.is_alpha and tok.text[:1].isupper() or tok.lower_ in ("of", "in", "the", "and", "for", "&")):
            return None
        if index.mention_at(k) is not None and index.mention_at(k).kind == "Person":
            return None
        k += 1
    return k if k < len(doc) and doc[k].text == "," and doc[k - 1].text[:1].isupper() else None


def _unit_label(doc: Doc, h: Hit, end: int) -> str:
    return doc[h.span.start:end].text


def _and_title_ahead(doc: Doc, end: int, title_hits: list[Hit]) -> int | None:
    """"... of the EU and Vice President ...": past the capitalized words of a title's own
    portfolio and body, the token a further title starts at after "and"."""
    starts = {x.span.start for x in title_hits}
    k = end
    while k + 1 < len(doc) and k - end <= _BODY_SCAN:
        tok = doc[k]
        if tok.lower_ in ("and", "&") and k + 1 in starts:
            return k + 1
        if not (tok.is_alpha and tok.text[:1].isupper() or tok.lower_ in ("of", "the", "for", "and", "&")):
            return None
        k += 1
    return None


def _joined_ahead(doc: Doc, end: int) -> int | None:
    """", and <title>" right after a title's phrase: the token the next title starts at."""
    if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "and":
        return end + 2
    return None


# Titles that name a post only as the head of a unit: "head of the Asia Department",
# "director of the Office of ...". They need "of" (or "for", "at") and a holder.
_UNIT_HEADS = {"head", "deputy head", "director", "deputy director"}
_BODY_SCAN = 16  # tokens after an apposed title searched for its organization or country


def _heads_a_unit(doc: Doc, h: Hit) -> bool:
    """"head of the Foreign Ministry's Asia Department", "Director of the Policy Bureau": the
    unit word follows; not "head of state", "head to", "director" of a company."""
    i = h.span.end
    if i >= len(doc) or doc[i].lower_ not in ("of", "for", "at", "in") or h.span.root.pos_ not in ("NOUN", "PROPN"):
        return False
    j = i + 1 + (i + 1 < len(doc) and doc[i + 1].lower_ == "the")
    return j < len(doc) and doc[j].text[:1].isupper() and doc[j].lower_ not in ("state", "government")


def _body_after_title(doc: Doc, after: int, gaz_at: dict[int, Hit], index: ActorIndex) -> str | None:
    """The organization or country named later in an apposed title's phrase ("director-general
    for political affairs at the Polish foreign ministry", "Director-General of the Asian Affairs
    Bureau, Ministry of Foreign Affairs of Japan"): the first one before a verb, a person or the
    sentence's end."""
    sent_end = doc[after - 1].sent.end if after > 0 else len(doc)
    for i in range(after, min(sent_end, after + _BODY_SCAN)):
        tok = doc[i]
        if tok.pos_ in ("VERB", "AUX") or tok.text in (";", "(", ")") or "\n" in tok.text:
            return None
        m = index.mention_at(i)
        if m is not None and m.kind == "Person":
            return None
        hit = gaz_at.get(i)
        if hit is not None and hit.kind == "country" and _modifies_a_noun(doc, hit.span.end):
            return None  # "X, chair of the Taiwan friendship group": a body about the country, not its
        if hit is not None and hit.kind in ("org", "country", "demonym"):
            return hit.ref
    return None


def _named_after_its_unit(doc: Doc, index: ActorIndex, h: Hit) -> str | None:
    """"the president of the state electricity corporation, Zhang Wei": a title whose "of"
    phrase names what it heads, then the holder in apposition after a comma (the name ends
    the phrase)."""
    k = h.span.end
    if k >= len(doc) or doc[k].lower_ not in ("of", "in") and not _dash_joined(doc, h):
        return None
    k += 1
    while k < len(doc) and k - h.span.end <= _BODY_SCAN and doc[k].text != ",":
        # "Director of the Local Content Secretariat in the Ministry of Natural Resources, X"
        inner = doc[k].pos_ == "ADP" and doc[k].lower_ in ("of", "in", "at", "for")
        if doc[k].pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "CCONJ") and not inner or index.mention_at(k) is not None and index.mention_at(k).kind == "Person":
            return None
        k += 1
    m = index.mention_at(past_honorifics(doc, k + 1)) if k + 1 < len(doc) and doc[k].text == "," else None
    if m is None or m.kind != "Person" or m.span.start != past_honorifics(doc, k + 1):
        return None
    end = m.span.end
    return m.key if end >= len(doc) or doc[end].is_punct or doc[end].lower_ == "and" else None


def _dash_joined(doc: Doc, h: Hit) -> bool:
    """A title joined by a dash to the capitalized body it serves in ("Permanent
    Secretary-Ministry of Defence")."""
    k = h.span.end
    return k + 1 < len(doc) and doc[k].text in ("-", "\u2013") and doc[k + 1].text[:1].isupper() and doc[k + 1].is_alpha


def _listed_country(doc: Doc, index: ActorIndex, mod_start: int, m: ActorMention) -> str | None:
    """"Greek President A, Premier B and ...": a title with no country of its own, in a list
    of titled people joined to the one before it (the parser's conjunct), shares the country
    of that person's title."""
    if mod_start < 2 or doc[mod_start - 1].text != ",":
        return None
    before = index.mention_at(mod_start - 2)
    if before is None or before.kind != "Person" or before.span.end != mod_start - 1:
        return None
    name = m.span.root
    if name.dep_ != "conj" or not before.span.start <= name.head.i < before.span.end:
        return None
    placed = [t for t in index.titles if t.person == before.key and t.of is not None and t.span.end == before.span.end]
    if placed and index.actors.get(placed[-1].of) is not None and index.actors[placed[-1].of].kind == "Country":
        return placed[-1].of
    return None


def _country_after_name(doc: Doc, end: int, gaz_at: dict[int, Hit]) -> str | None:
    """"President Yoon Suk Yeol of the Republic of Korea": the country after the name (past one
    more capitalized part of the name the model left out)."""
    i = end
    if i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper() and i not in gaz_at:
        i += 1
    if i + 1 < len(doc) and doc[i].lower_ == "of":
        hit = gaz_at.get(i + 1) or (gaz_at.get(i + 2) if doc[i + 1].lower_ == "the" else None)
        if hit is not None and hit.kind == "country":
            return hit.ref
    return None


def _past_joined_titles(doc: Doc, j: int, title_hits: list[Hit], and_too: bool) -> int:
    """Past further titles joined to this one before the name: "Deputy Prime Minister and
    Minister of Foreign Affairs Winston Peters", "High Representative/Vice-President X". After
    "the", "and" joins two people ("The High Representative and Foreign Minister Wang")."""
    starts = {h.span.start: h for h in title_hits}
    joins = ("/", "and", "&") if and_too else ("/",)
    while j + 1 < len(doc) and doc[j].text in joins and j + 1 in starts:
        end = starts[j + 1].span.end
        if end + 1 < len(doc) and doc[end].lower_ == "of":
            return j  # the next title has its own "of ..." and its own holder
        j = end
    return j


def _modifies_a_noun(doc: Doc, end: int) -> bool:
    """A country's name followed by a common noun or a possessive ("the Taiwan friendship
    group", "Japan's parliament") names what the noun is about, not the post's country."""
    if end >= len(doc):
        return False
    nxt = doc[end]
    return (nxt.text in ("'s", "’s") or nxt.is_alpha and nxt.is_lower and nxt.pos_ in ("NOUN", "ADJ")
            and nxt.lower_ not in _OWN_BODIES)


# a country's name before these is the body's country ("the Kenya government", "the China foreign ministry")
_OWN_BODIES = {"government", "ministry", "foreign", "embassy", "mission", "delegation", "cabinet", "parliament",
               "army", "navy", "military", "high", "state", "national", "federal", "central", "defence", "defense"}


def _indefinite_speaker(doc: Doc, start: int, after: int, gaz: Gazetteer) -> bool:
    """"..., Foreign Minister X, a State Department spokesman said": a title after "a" or "an"
    right before a verb of saying is who speaks (the parser's apposition), not X's post."""
    article = start < len(doc) and doc[start].lower_ in ("a", "an") or start > 0 and doc[start - 1].lower_ in ("a", "an")
    return article and after < len(doc) and doc[after].pos_ == "VERB" and doc[after].lemma_.lower() in gaz.vocab.speech_verbs


def _closes_a_fronted_clause(name, h: Hit) -> bool:
    """"After he meets with X, the Secretary of State will ...": the name ends an adverbial
    clause set before the main one, whose subject the title is; no apposition."""
    title = h.span.root
    for a in name.ancestors:
        if a.dep_ == "advcl" and a.i < h.span.start and title not in a.subtree:
            return True
    # "Following a breakfast with the Special Coordinator, X, the Secretary-General met ...":
    # the name ends a fronted prepositional phrase; the title is the clause's own subject
    return name.dep_ == "pobj" and title.dep_ in ("nsubj", "nsubjpass") and name.head.i < name.i < title.i


def _post_to_the_title(doc: Doc, start: int) -> bool:
    """"the Chief of Staff to the President, X", "an adviser to the Minister, Y": the title is the
    one a post serves (a noun right before "to"), so the name set off after it holds that post,
    not the title ("spoke to the President, X" is an apposition: a verb before "to")."""
    if start < 2 or doc[start].lower_ != "the" or doc[start - 1].lower_ != "to":
        return False
    return doc[start - 2].pos_ in ("NOUN", "PROPN")


def _subject_after_a_fronted_phrase(doc: Doc, start: int, m: ActorMention) -> bool:
    """"In a conversation with the Estonian Ambassador, X highlighted ...": a "the" title that
    ends a prepositional phrase opening the sentence (no comma before it), then a name its
    finite verb follows at once: the name is the main clause's subject, not the title's holder."""
    if start >= len(doc) or doc[start].lower_ != "the" or m.span.end >= len(doc):
        return False
    sent = doc[start].sent
    first = doc[sent.start]
    if sent.start >= start or not (first.pos_ == "ADP" or first.lower_ in ("following", "during")):
        return False
    if any(t.text in (",", ";", ":") for t in doc[sent.start:start]):
        return False
    return doc[m.span.end].tag_ in ("VBD", "VBZ", "VBP", "MD")


def _subject_after_fronted_phrase(doc: Doc, m: ActorMention, h: Hit) -> bool:
    """"In a conversation with the Estonian Ambassador, X highlighted ...": the name after the
    comma is the subject of the main verb, and the title ends a prepositional phrase set before
    it on that verb; no apposition."""
    name = m.span.root
    if doc[m.span.start - 1].text != ",":
        return False
    if name.dep_ in ("nsubj", "nsubjpass"):
        verb = name.head
    elif m.span.end < len(doc) and doc[m.span.end].tag_ in ("VBD", "VBZ", "VBP") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in doc[m.span.end].children):
        verb = doc[m.span.end]  # (the parser hung the subject on the title as its apposition)
    else:
        return False
    title = h.span.root
    return any(c.dep_ == "prep" and c.i < m.span.start and title in c.subtree for c in verb.children)


def _ends_a_fronted_phrase(doc: Doc, m: ActorMention, h: Hit) -> bool:
    """"Following a breakfast with the Special Coordinator, X, the Secretary-General met ...":
    a name set off by commas on both sides, then a title its clause's finite verb follows with
    no comma: the title is the main clause's subject, not the name's apposition (whatever the
    parser made of it)."""
    start, end = m.span.start, h.span.end
    if start < 2 or doc[start - 1].text != "," or end >= len(doc):
        return False
    verb = doc[end]
    return verb.tag_ in ("VBD", "VBZ", "VBP", "MD") and not doc[start].is_sent_start


def _apposed_person(doc: Doc, index: ActorIndex, start: int, h: Hit) -> str | None:
    """The person a title is in apposition to or predicated of: "X, Japan's new prime
    minister", "X, national security adviser to ...", "X became Japan's prime minister"."""
    head = headline_span(index.text)
    if head is not None and doc[start].idx < head[1]:
        return None  # the headline: "X, U.S. State Secretary Agree On ..." lists two subjects
    nxt = doc[h.span.end] if h.span.end < len(doc) else None
    if nxt is not None and nxt.text in ("'s", "’s"):
        return None  # "X, PM's Principal Secretary Y": the title owns the next post, it is not X's
    if (nxt is not None and nxt.pos_ == "PROPN" and nxt.is_alpha and nxt.text[:1].isupper() and not nxt.is_sent_start
            and not any(o.span.start <= nxt.i < o.span.end for o in index.hits) and index.mention_at(nxt.i) is None):
        return None  # "President X, First Lady Y receive ...": the title introduces a name of its own
    i = start - 1
    # "X, Crown Prince and Prime Minister": past the titles joined to this one before it
    joined = True
    while joined and i > 0 and doc[i].lower_ in ("and", "&"):
        joined = False
        for o in index.hits:
            if o.kind == "title" and o.span.end == i and o.span.start > 0:
                i, joined = o.span.start - 1, True
                break
    if i < start - 1 and doc[i].text != ",":
        i = start - 1  # only a list of titles set off by a comma after the name
    steps = 0
    # (past "the", "new", a country and a party: "X, a Republican U.S. House of Representatives member")
    while i >= 0 and steps < 4 and (doc[i].lower_ in _APPOSITION_GAP or index.mention_at(i) is not None and index.mention_at(i).kind != "Person"
                                    or doc[i].ent_type_ == "NORP" and doc[i].text[:1].isupper() and i not in index._by_token):
        m = index.mention_at(i)
        i = (m.span.start - 1) if m is not None and m.kind != "Person" else i - 1
        steps += 1
    if i >= 0 and doc[i].text == ",":
        m = index.mention_at(i - 1)
        if m is not None and m.kind == "Person" and not _closes_a_fronted_clause(doc[i - 1], h) and not _ends_a_fronted_phrase(doc, m, h):
            return m.key
    k = start - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k >= 0 and any("\n" in doc[j].text_with_ws for j in range(k, start)):
        # a byline: the name ends one line, the post fills the next ("Senator the Hon X" / "Minister for ...")
        m = index.mention_at(k)
        if m is not None and m.kind == "Person" and m.span.end == k + 1:
            return m.key
    v = i - 1 if i >= 1 and doc[i].lower_ in ("also", "now", "currently") else i
    if v >= 1 and doc[v].lemma_ == "be" and doc[v].tag_ == "VBZ" and h.span.root.dep_ == "attr" and h.span.root.head.i == v:
        # "X is the Permanent Representative of Uganda to the United Nations", "X, who is also
        # the Foreign Minister, ...": a present post predicated of the subject named right
        # before the verb (not "X is the President's aide")
        end = v - 2 if v >= 3 and doc[v - 1].lower_ == "who" and doc[v - 2].text == "," else v
        m = index.mention_at(end - 1)
        nxt = doc[h.span.end] if h.span.end < len(doc) else None
        subj = next((c for c in doc[v].children if c.dep_ == "nsubj"), None)
        if (m is not None and m.kind == "Person" and m.span.end == end and subj is not None
                and (m.span.start <= subj.i < m.span.end or subj.i == v - 1 and subj.lower_ == "who")
                and (nxt is None or nxt.text not in ("'s", "’s")) and not any(c.dep_ == "neg" for c in doc[v].children)):
            return m.key
    if i >= 0 and doc[i].lemma_ in _BECOME:
        k = i - 1
        while k >= 0 and doc[k].pos_ in ("AUX", "ADV", "PART"):
            k -= 1
        m = index.mention_at(k)
        if m is not None and m.kind == "Person":
            return m.key
    return None
