"""Posts: title prefixes ("Japanese Foreign Minister X"), appositions ("X, Japan's new prime
minister"), predicates ("X became ..."), counterparts, title-only mentions ("the secretary"),
and the gaps the officials table or the dateline fill. ``find_posts`` runs them in order."""

from __future__ import annotations

from spacy.tokens import Doc

from diplokg.iris import slug
from etl.extract.gazetteer import Gazetteer, Hit
from etl.extract.mentions import ActorIndex, ActorMention, TitleMention, add_gazetteer_actor, dateline_country, organization_from_entity
from etl.model import RoleFact
from etl.model import Span as TextSpan


def find_posts(doc: Doc, index: ActorIndex, title_hits: list[Hit], gaz: Gazetteer, gaz_at: dict[int, Hit]) -> None:
    """Every post of the article's people, added to their ``Actor.roles`` and ``index.titles``."""
    _find_titles(doc, index, title_hits, gaz, gaz_at)
    _counterpart_roles(doc, index, gaz)
    _apply_gazetteer_people(index, gaz)
    _title_to_person(doc, index)
    _resolve_title_only(index, gaz)
    _dateline_posts(doc, index, gaz)


_APPOSITION_GAP = {"the", "a", "an", "new", "former", "then", "acting", "incoming", "outgoing", "current", "top", "chief", "'s", "’s", "-"}


_TITLE_ADJECTIVES = {"new", "former", "acting", "incoming", "outgoing", "current", "then", "newly", "appointed", "interim"}


_BECOME = {"become", "remain", "name", "appoint", "elect", "serve", "succeed"}


def _country_modifier(doc: Doc, end: int, gaz_at: dict[int, Hit], index: ActorIndex) -> tuple[str | None, int]:
    """The country or organization named just before token ``end`` (demonym, "Japan's",
    "U.S.", "the North's"); returns (actor key, start token) or (None, end)."""
    i = end
    while i > 0 and doc[i - 1].lower_ in _TITLE_ADJECTIVES:
        i -= 1
    if i > 0 and doc[i - 1].text in ("'s", "’s"):
        i -= 1
    if i <= 0:
        return None, end
    hit = gaz_at.get(i - 1)
    if hit is not None and hit.span.end == i and hit.kind in ("demonym", "country", "org", "capital"):
        start = hit.span.start
        if start > 0 and doc[start - 1].lower_ == "the":
            start -= 1
        return hit.ref, start
    prev = doc[i - 1]
    if prev.lower_ in ("ministry", "department", "office") and (i < 2 or not doc[i - 2].text[:1].isupper()):
        # "ministry spokeswoman X": the ministry named last.
        for m in reversed(index.mentions):
            if m.span.start < i - 1 and m.kind == "Organization" and prev.lower_ in index.actors[m.key].name.lower():
                return m.key, i - 1
    if prev.ent_type_ == "ORG" and prev.ent_iob_ in ("B", "I"):
        ent = next((e for e in doc.ents if e.start <= i - 1 < e.end), None)
        if ent is not None and ent.end == i and len(ent) >= 2 and ent.text[:1].isupper():
            return organization_from_entity(index, ent), ent.start
    if prev.text in ("North", "South") and i >= 2 and doc[i - 2].lower_ == "the":
        key = "north-korea" if prev.text == "North" else "south-korea"
        if key in index.actors:
            return key, i - 2
    return None, end


_COUNTERPART_TITLE = {"foreign": "Foreign Minister", "defense": "Defense Minister"}


def _counterpart_roles(doc: Doc, index: ActorIndex, gaz: Gazetteer) -> None:
    """"his Japanese and South Korean counterparts, Yoko Kamikawa and Cho Tae Yul": each named
    counterpart holds the owner's kind of post for the country in the same position."""
    for tok in doc:
        if tok.lemma_.lower() != "counterpart":
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None:
            continue
        m = index.mention_at(owner.i)
        key = m.key if m is not None and m.kind == "Person" else (index.last_person_before(owner.i) if owner.lower_ in ("his", "her") else None)
        own = [t for t in index.titles if t.person == key]
        if not own or own[0].kind not in _COUNTERPART_TITLE:
            continue
        countries = [h.ref for h in index.hits if h.kind in ("demonym", "country") and tok.left_edge.i <= h.span.start and h.span.end <= tok.i]
        names = _listed_people(doc, index, tok.i + 1)
        if not names or len(names) != len(countries):
            continue
        if any(t.person == names[0].key and t.of is not None for t in index.titles) and len(names) == 1:
            continue
        for person, country in zip(names, countries):
            kind = own[0].kind
            span = doc[tok.left_edge.i:person.span.end]
            if country not in index.actors:
                add_gazetteer_actor(index, gaz, country, "Country")
            tm = TitleMention(span, _COUNTERPART_TITLE[kind], kind, country, person.key)
            index.titles.append(tm)
            _add_role(index, person.key, tm)


def _listed_people(doc: Doc, index: ActorIndex, i: int) -> list[ActorMention]:
    """People named in a list starting at token i (", A and B", " A")."""
    names: list[ActorMention] = []
    while i < len(doc):
        if doc[i].text in (",", "and"):
            i += 1
            continue
        m = index.mention_at(i)
        if m is None or m.kind != "Person" or m.span.start != i:
            break
        names.append(m)
        i = m.span.end
    return names


def _resolve_title_only(index: ActorIndex, gaz: Gazetteer) -> None:
    """A title with no name ("the U.S. special representative for North Korea", "the
    secretary") refers to the person of the article holding that post: named with it in the
    article, else listed with it in the officials table, else the last person whose title
    contains the word. A bare title beside a named holder of the same title in one sentence
    ("The Prime Minister spoke to Canadian Prime Minister X", "The Secretary and Secretary X")
    is not that holder; when no one else can be meant, it is someone the article does not
    name, and the title stays unresolved in the whole article."""
    beside = {id(t): _named_beside(index, t) for t in index.titles if t.person is None}
    unnamed: set[str] = set()
    for t in sorted((t for t in index.titles if t.person is None), key=lambda t: not beside[id(t)]):
        if t.title in unnamed:
            continue
        person = _holder(index, gaz, t, beside[id(t)])
        if person is None:
            if beside[id(t)]:
                unnamed.add(t.title)
            continue
        t.person = person
        index.mentions.append(ActorMention(t.span, person, "Person", "title"))
        _add_role(index, person, t)


def _holder(index: ActorIndex, gaz: Gazetteer, t: TitleMention, exclude: set[str]) -> str | None:
    holders = [o for o in index.titles if o.person and o.person not in exclude and o.title == t.title and (t.of is None or o.of in (None, t.of))]
    named = [o.person for o in holders]
    person = named[0] if len(set(named)) == 1 else _the_unqualified(index, holders) if t.of is None else None
    if person is None:
        label = t.title.lower()
        for off in gaz.vocab.officials:
            if off.position_label.lower() != label:
                continue
            if t.of is not None and gaz.vocab.country_by_iso2.get(off.iso2) is not None and gaz.vocab.country_by_iso2[off.iso2].key != t.of:
                continue
            key = slug(off.name)
            if key in index.actors and key not in exclude:
                person = key
                break
    if person is None and t.span[0].lower_ == "the" and len(t.span) <= 3:
        # "the Secretary": the first person named with that title in a longer one (not
        # "the Prime Minister" for a Foreign Minister).
        word = t.title.lower()
        named = sorted((o for o in index.titles if o.person and o.person not in exclude and word in o.title.lower()), key=lambda o: o.span.start)
        person = named[0].person if named else None
    return person


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


def _find_titles(doc: Doc, index: ActorIndex, title_hits: list[Hit], gaz: Gazetteer, gaz_at: dict[int, Hit]) -> None:
    """Posts from title prefixes ("Japanese Foreign Minister X"), appositions
    ("X, Japan's new prime minister") and predicates ("X became Japan's prime minister")."""
    for h in title_hits:
        entry = gaz.titles[h.ref]
        if entry.phrase == "minister" and h.span.start + 1 < len(doc) and not doc[h.span.start + 1].text[:1].isupper():
            continue
        of, mod_start = _country_modifier(doc, h.span.start, gaz_at, index)
        if of is not None and of not in index.actors:
            kind = "Organization" if of in gaz.orgs else "Country"
            add_gazetteer_actor(index, gaz, of, kind)
        # "... of Japan" / "... for North Korea" after the title
        after = h.span.end
        if of is None and after + 1 < len(doc) and doc[after].lower_ == "of":
            hit = gaz_at.get(after + 1) or (gaz_at.get(after + 2) if doc[after + 1].lower_ == "the" else None)
            if hit is not None and hit.kind in ("country", "org"):
                of = hit.ref
                add_gazetteer_actor(index, gaz, of, "Country" if hit.kind == "country" else "Organization")
                after = hit.span.end
        if of is None and entry.country_iso2:
            # A title only one country uses ("Secretary of State"), as titles.csv says.
            country = gaz.vocab.country_by_iso2.get(entry.country_iso2)
            if country is not None:
                of = country.key
                add_gazetteer_actor(index, gaz, of, "Country")
        start = mod_start
        if start > 0 and doc[start - 1].lower_ in ("the", "a", "an") and mod_start == h.span.start:
            start -= 1
        person = None
        # Prefix: TITLE [,] PERSON
        j = after
        if j < len(doc) and doc[j].text == ",":
            j += 1
        m = index.mention_at(j)
        if m is not None and m.kind == "Person" and m.span.start == j:
            person = m.key
            phrase = doc[start:m.span.end]
        else:
            phrase = doc[start:after]
            person = _apposed_person(doc, index, start, h)
        tm = TitleMention(phrase, entry.label, entry.kind, of, person)
        before = doc[mod_start - 1] if mod_start > 0 else None
        tm.unplaced = of is None and before is not None and before.text[:1].isupper() and before.pos_ in ("PROPN", "ADJ") and before.i not in index._by_token
        index.titles.append(tm)
        if person is not None:
            _add_role(index, person, tm)


def _apposed_person(doc: Doc, index: ActorIndex, start: int, h: Hit) -> str | None:
    """The person a title is in apposition to or predicated of: "X, Japan's new prime
    minister", "X, national security adviser to ...", "X became Japan's prime minister"."""
    i = start - 1
    steps = 0
    while i >= 0 and steps < 4 and (doc[i].lower_ in _APPOSITION_GAP or index.mention_at(i) is not None and index.mention_at(i).kind != "Person"):
        m = index.mention_at(i)
        i = (m.span.start - 1) if m is not None and m.kind != "Person" else i - 1
        steps += 1
    if i >= 0 and doc[i].text == ",":
        m = index.mention_at(i - 1)
        if m is not None and m.kind == "Person":
            return m.key
    if i >= 0 and doc[i].lemma_ in _BECOME:
        k = i - 1
        while k >= 0 and doc[k].pos_ in ("AUX", "ADV", "PART"):
            k -= 1
        m = index.mention_at(k)
        if m is not None and m.kind == "Person":
            return m.key
    return None


def _add_role(index: ActorIndex, person: str, tm: TitleMention) -> None:
    actor = index.actors[person]
    words = tm.title.lower().split()
    for role in actor.roles:
        other = role.title.lower().split()
        if len(other) > len(words) and (other[-len(words):] == words or other[:len(words)] == words):
            return
    actor.roles = [r for r in actor.roles if not _subsumed(r.title, tm.title)]
    span = tm.span
    evidence = TextSpan(span.start_char, span.end_char, span.text)
    for i, role in enumerate(actor.roles):
        if role.title == tm.title and (role.of == tm.of or role.of is None or tm.of is None):
            if role.of is None and tm.of is not None:
                actor.roles[i] = RoleFact(tm.title, tm.of, evidence)
            return
    actor.roles.append(RoleFact(tm.title, tm.of, evidence))
    if actor.country is None and tm.of is not None and index.actors.get(tm.of) is not None and index.actors[tm.of].kind == "Country":
        actor.country = tm.of


def _dateline_posts(doc: Doc, index: ActorIndex, gaz: Gazetteer) -> None:
    """A post named with no country, held by someone the article places nowhere else, is of
    the dateline's country ("SEOUL (Yonhap) -- ... Foreign Minister Kim Min-jae")."""
    country = dateline_country(doc, gaz)
    if country is None:
        return
    for actor in list(index.actors.values()):
        if actor.kind != "Person" or any(r.of for r in actor.roles) or actor.country:
            continue
        if any(t.unplaced for t in index.titles if t.person == actor.key):
            continue
        if actor.roles:
            add_gazetteer_actor(index, gaz, country, "Country")
            actor.roles = [RoleFact(r.title, country, r.evidence) for r in actor.roles]
            actor.country = country
            for t in index.titles:
                if t.person == actor.key and t.of is None:
                    t.of = country


def _title_to_person(doc: Doc, index: ActorIndex) -> None:
    """"national security adviser to Prime Minister Shinzo Abe": the post is of the country
    of the person it serves."""
    for t in index.titles:
        if t.of is not None or t.person is None:
            continue
        i = t.span.end
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


def _subsumed(general: str, specific: str) -> bool:
    """"Secretary" is subsumed by "Secretary of State", "Minister" by "Foreign Minister"."""
    g, s = general.lower().split(), specific.lower().split()
    return len(s) > len(g) and (s[-len(g):] == g or s[:len(g)] == g)


def _apply_gazetteer_people(index: ActorIndex, gaz: Gazetteer) -> None:
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
