"""Posts named by a title and its portfolio, which the titles table cannot list one by one:
"Minister for Climate Change", "Secretary for Strategic Affairs", "Permanent Secretary for
Foreign Affairs", "Minister for trade Manoa Kamikamica", "Minister of Foreign Affairs and International
Cooperation", "Secretary to the Cabinet"; and an envoy's post with the country
it is accredited to, "High Commissioner to New Zealand", "Ambassador to Argentina".

``portfolio_titles(doc, hits, gaz)`` widens such title hits over their portfolio (the table
entry of the longer wording is added once, its label the title and portfolio as the text
writes them) and over "to <country>" after an envoy's title; the country an envoy is sent to
is not the country of the post (that is the one before it: "the U.S. Ambassador to Argentina").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from etl.extract.gazetteer import Gazetteer, Hit
from etl.read import headline_span
from etl.vocab import TitleEntry

# Title words a portfolio follows ("Minister for ...", "Secretary of ..."), by their last word.
_PORTFOLIO_HEADS = {"minister", "secretary", "commissioner", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "counsellor"}
_JOINS = {"and", "&", "of", "the"}
_APOSTROPHE_S = {"'s", "\u2019s"}
_MAX_WORDS = 10
_BODIES = {"department", "ministry", "bureau", "office", "agency", "commission", "council"}
_LOWER_MAX = 2  # a lower-case portfolio ("Minister for trade X") is one or two words before a name


_FOREIGN = re.compile(r"\bforeign\b(?: and [a-z]+)? affairs\b")


def _portfolio_kind(words: str, kind: str) -> str:
    """A portfolio of foreign affairs, alone or joined to another ("Foreign and European
    Affairs", "Foreign Affairs and Trade"), is a foreign minister's; of defence, a defence one's."""
    if _FOREIGN.search(words):
        return "foreign"
    return "defense" if ("defence" in words or "defense" in words) else kind


def portfolio_titles(doc: Doc, hits: list[Hit], gaz: Gazetteer) -> list[Hit]:
    """The title hits widened over their portfolio or their "to <country>" (module docstring)."""
    place_at = {i: h for h in hits if h.kind in ("country", "demonym", "capital", "org") for i in range(h.span.start, h.span.end)}
    surnames = _surnames_after_titles(doc, hits)
    out: list[Hit] = []
    changed = False
    for h in hits:
        if h.kind != "title":
            out.append(h)
            continue
        entry = gaz.titles[h.ref]
        wider = (_accredited(doc, h, entry, place_at) or _portfolio(doc, h, entry, place_at, gaz, hits, surnames)
                 or _portfolio_before(doc, h, entry, place_at, gaz) or _portfolio_joined(doc, h, entry, place_at, gaz, hits)
                 or _secretary_to(doc, h, entry, place_at, gaz, hits))
        if wider is None:
            out.append(h)
            continue
        changed = True
        out.append(wider)
    if not changed:
        return hits
    return sorted(out, key=lambda h: (h.span.start, -len(h.span)))


def _accredited(doc: Doc, h: Hit, entry: TitleEntry, place_at: dict[int, Hit]) -> Hit | None:
    """"High Commissioner to New Zealand", "Ambassador to the Philippines": an envoy's title
    and the country it is accredited to, one title (the label stays the table's)."""
    i = h.span.end
    if entry.kind != "envoy" or i + 1 >= len(doc) or doc[i].lower_ != "to":
        return None
    j = i + 1 + (doc[i + 1].lower_ == "the")
    place = place_at.get(j)
    org = next((e for e in doc.ents if e.label_ == "ORG" and e.start in (i + 1, j) and e.start <= j < e.end), None)
    if place is None and org is not None and doc[j].text[:1].isupper():
        # "Ambassador to CARICOM": an organization the gazetteer does not list
        return Hit("title", h.ref, doc[h.span.start:org.end])
    if place is None or place.kind not in ("country", "capital", "org") or place.span.start not in (i + 1, j):  # ("the United States" is one hit)
        return None
    return Hit("title", h.ref, doc[h.span.start:place.span.end])


_BEFORE_HEADS = {"minister", "secretary", "cabinet secretary", "cs"}  # ("Foreign Affairs Cabinet Secretary X", "Foreign Affairs CS X", as Kenya styles its ministers)


def _portfolio_before(doc: Doc, h: Hit, entry: TitleEntry, place_at: dict[int, Hit], gaz: Gazetteer) -> Hit | None:
    """"Foreign Affairs and International Cooperation Minister, X", "Trade and Industry Minister
    X": the capitalized words of a portfolio set before a bare "Minister" (joined by "and",
    "&"), one title; not a country or demonym ("Kenyan Trade Minister" keeps its country), not a
    name, not the headline line (its Title Case words are no portfolio). A title the table
    lists with its one-word portfolio ("Industry Minister") widens the same way over the
    portfolios joined before it ("Trade and Industry Minister"), not over another title
    ("the President and Industry Minister")."""
    words = entry.phrase.split()
    own = 0  # the portfolio words of the table's own title
    if entry.phrase not in _BEFORE_HEADS:
        if len(words) != 2 or words[1] not in _BEFORE_HEADS or h.span.start < 2 or doc[h.span.start - 1].lower_ not in ("and", "&"):
            return None
        own = 1
    j = h.span.start
    capitalized = own
    while j > 0:
        tok = doc[j - 1]
        if "\n" in tok.whitespace_ or tok.is_space or (j - 1) in place_at or tok.ent_type_ in ("PERSON", "DATE", "GPE", "NORP"):
            break
        if own and tok.lower_ in gaz.titles:
            break
        if tok.is_alpha and tok.text[:1].isupper() and not tok.is_upper and tok.pos_ in ("NOUN", "PROPN"):
            capitalized += 1
        elif tok.lower_ in ("and", "&") and capitalized:
            pass
        else:
            break
        j -= 1
    while j < h.span.start and doc[j].lower_ in ("and", "&"):
        j += 1
    if capitalized < 2 or j >= h.span.start:
        return None
    head = headline_span(doc.text)
    if head is not None and doc[j].idx < head[1]:
        return None  # the headline
    span = doc[j:h.span.end]
    phrase = span.text.lower()
    if phrase not in gaz.titles:
        words = phrase
        kind = _portfolio_kind(words, entry.kind)
        gaz.titles[phrase] = TitleEntry(phrase, kind, span.text, None)
    return Hit("title", phrase, span)


def _surnames_after_titles(doc: Doc, hits: list[Hit]) -> set[str]:
    """The words the text writes alone right after a title, as a person's family name
    ("Deputy Prime Minister Lee's meetings", "Minister Vale said")."""
    out = set()
    for h in hits:
        i = h.span.end
        if h.kind != "title" or i >= len(doc):
            continue
        tok = doc[i]
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if tok.is_alpha and tok.text[:1].isupper() and not tok.is_upper and (nxt is None or not (nxt.is_alpha and nxt.text[:1].isupper())):
            out.add(tok.text)
    return out


def _portfolio(doc: Doc, h: Hit, entry: TitleEntry, place_at: dict[int, Hit], gaz: Gazetteer, hits: list[Hit],
               surnames: frozenset[str] | set[str] = frozenset()) -> Hit | None:
    """"Minister for Climate Change": the title and the capitalized words of its portfolio
    after "for" or "of" (joined by "and", "&", "of", "the", a possessive); one or two lower-case
    words only right before a capitalized name ("Minister for trade Manoa Kamikamica"). The
    portfolio ends before a word the text writes alone after a title elsewhere, a family name
    the model did not tag ("Minister for National Security Lee Wen Hao" with "Minister Lee")."""
    i = h.span.end
    of_state = entry.phrase.endswith("secretary of state")
    links = ("for",) if of_state else ("for", "of")  # "Secretary of State for X"
    if (entry.phrase.split()[-1] not in _PORTFOLIO_HEADS and not of_state) or i + 1 >= len(doc) or doc[i].lower_ not in links:
        return None
    first = doc[i + 1]
    owner_iso2 = None
    owner = next((x for x in hits if x.kind == "country" and x.span.start == i + 1), None) or place_at.get(i + 1)
    if owner is not None and owner.kind in ("country", "capital", "org") and owner.span.start == i + 1:
        after = doc[owner.span.end] if owner.span.end < len(doc) else None
        if owner.kind == "country" and after is not None and after.text[:1].isupper() and after.lower_ in _BODIES:
            # "Assistant Secretary for U.S. Department of State's Bureau of ...": the country's own office
            owner_iso2 = gaz.countries[owner.ref].iso2 if owner.ref in gaz.countries else None
        else:
            return None  # "Minister of Japan", "Spokesman for the Foreign Ministry": the post's owner, not a portfolio
    if first.lower_ == "the" and (i + 2) in place_at:
        return None
    j = i + 1
    capitalized = 0
    while j < len(doc) and j - i <= _MAX_WORDS:
        tok = doc[j]
        if "\n" in doc[j - 1].whitespace_ or tok.is_space or (tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B") or (j > i + 1 and tok.text in surnames):
            break  # (the holder's name right after the portfolio: "Secretary for Strategic Affairs Mara Koli")
        if tok.is_alpha and tok.text[:1].isupper() and tok.pos_ != "VERB":
            capitalized += 1
        elif tok.lower_ in _JOINS or tok.text in _APOSTROPHE_S or (tok.text.endswith(".") and tok.text[:1].isupper() and len(tok.text) <= 5):
            pass  # "Bureau of ...", "Department of State's", "U.S."
        elif tok.text == "," and capitalized and _serial_list_goes_on(doc, j):
            pass  # "Cabinet Secretary for Investment, Trade, and Industry"
        else:
            break
        j += 1
    while j > i + 1 and (doc[j - 1].lower_ in _JOINS or doc[j - 1].text in _APOSTROPHE_S):
        j -= 1
    if capitalized == 0:
        # lower-case portfolio words, then the holder's name
        j = i + 1
        while j < len(doc) and j - i <= _LOWER_MAX and doc[j].is_alpha and doc[j].is_lower and doc[j].pos_ in ("NOUN", "ADJ"):
            j += 1
        if j == i + 1 or j >= len(doc) or not (doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper()):
            return None
    if j <= i + 1:
        return None
    span = doc[h.span.start:j]
    portfolio = doc[i:j].text
    phrase = span.text.lower()
    if phrase not in gaz.titles:
        label = f"{entry.label} {portfolio}"
        words = portfolio.lower()
        kind = _portfolio_kind(words, entry.kind)
        # "Deputy Assistant Secretary of State for South Asian Affairs" stays the one country's
        # post the table says; a bare "Secretary of State for X" is a British-style cabinet post
        kept = entry.country_iso2 if of_state and entry.phrase != "secretary of state" else None
        gaz.titles[phrase] = TitleEntry(phrase, kind, label, owner_iso2 or kept)
    return Hit("title", phrase, span)


def _serial_list_goes_on(doc: Doc, comma: int) -> bool:
    """A comma inside a list of portfolios: single capitalized words and commas after it, up to
    "and" or "&" and one more capitalized word ("Investment, Trade, and Industry")."""
    k = comma + 1
    while k < len(doc) and k - comma <= 8:
        tok = doc[k]
        if tok.lower_ in ("and", "&"):
            return doc[k - 1].text in (",",) or doc[k - 1].is_alpha and k + 1 < len(doc) and doc[k + 1].is_alpha and doc[k + 1].text[:1].isupper()
        if not (tok.text == "," and doc[k - 1].is_alpha or tok.is_alpha and tok.text[:1].isupper() and doc[k - 1].text == ","
                and tok.ent_type_ != "PERSON"):
            return False
        k += 1
    return False


def _portfolio_joined(doc: Doc, h: Hit, entry: TitleEntry, place_at: dict[int, Hit], gaz: Gazetteer, hits: list[Hit]) -> Hit | None:
    """"Minister of Foreign Affairs and International Cooperation, X": a title the table lists
    with its portfolio ("minister of foreign affairs"), then "and" and the capitalized words of
    a second portfolio of the same post; not a place, a name or the next title ("Minister of
    Foreign Affairs and Prime Minister X" is two posts)."""
    words = entry.phrase.split()
    if not any(w in _PORTFOLIO_HEADS and n + 1 < len(words) and words[n + 1] in ("of", "for") for n, w in enumerate(words)):
        return None
    i = h.span.end
    if i + 1 >= len(doc) or doc[i].lower_ not in ("and", "&") or "\n" in doc[i - 1].whitespace_:
        return None
    starts = {x.span.start for x in hits if x.kind == "title"}
    j = i + 1
    while j < len(doc) and j - i <= _MAX_WORDS:
        tok = doc[j]
        if j in place_at or j in starts or tok.ent_type_ == "PERSON" or "\n" in doc[j - 1].whitespace_:
            break
        if not (tok.is_alpha and tok.text[:1].isupper() and not tok.is_upper and tok.pos_ in ("NOUN", "PROPN", "ADJ")):
            break
        j += 1
    if j == i + 1 or j >= len(doc) or not (doc[j].text == "," or doc[j].ent_type_ == "PERSON" and doc[j].ent_iob_ == "B"):
        return None  # a second portfolio ends at the holder's name or the comma before it
    span = doc[h.span.start:j]
    phrase = span.text.lower()
    if phrase not in gaz.titles:
        gaz.titles[phrase] = TitleEntry(phrase, entry.kind, span.text, entry.country_iso2)
    return Hit("title", phrase, span)


_TO_HEADS = {"secretary", "adviser", "advisor", "staff"}  # ("Chief of Staff to the President")
_HEAD_KINDS = {"head_of_state", "head_of_government"}


def _secretary_to(doc: Doc, h: Hit, entry: TitleEntry, place_at: dict[int, Hit], gaz: Gazetteer, hits: list[Hit]) -> Hit | None:
    """"the Secretary to the Government of the Federation, X", "Secretary to the Cabinet, X": a
    secretary's or adviser's title and the body it serves, in capitalized words up to the
    comma before the holder's name, one title; not a place or another title after "to"
    ("adviser to Prime Minister X" is the adviser of that person's country)."""
    i = h.span.end
    if entry.phrase.split()[-1] not in _TO_HEADS or i + 2 >= len(doc) or doc[i].lower_ != "to" or doc[i + 1].lower_ != "the":
        return None
    starts = {x.span.start: x for x in hits if x.kind == "title"}
    j = i + 2
    capitalized = 0
    while j < len(doc) and j - i <= _MAX_WORDS and doc[j].text != ",":
        tok = doc[j]
        served = starts.get(j)
        if (served is not None and j == i + 2 and gaz.titles[served.ref].kind in _HEAD_KINDS and served.span.end < len(doc)
                and doc[served.span.end].text == ","):
            # "the Chief of Staff to the President, X": the head of the government it serves, unnamed
            j = served.span.end
            capitalized += 1
            break
        if j in place_at or j in starts or tok.ent_type_ == "PERSON" or "\n" in doc[j - 1].whitespace_:
            return None
        if tok.is_alpha and tok.text[:1].isupper() and tok.pos_ in ("NOUN", "PROPN"):
            capitalized += 1
        elif tok.lower_ not in ("of", "the", "and"):
            return None
        j += 1
    if not capitalized or j + 1 >= len(doc) or doc[j].text != "," or not doc[j + 1].text[:1].isupper() or doc[j - 1].lower_ in _JOINS:
        return None
    span = doc[h.span.start:j]
    phrase = span.text.lower()
    if phrase not in gaz.titles:
        gaz.titles[phrase] = TitleEntry(phrase, entry.kind, span.text, entry.country_iso2)
    return Hit("title", phrase, span)
