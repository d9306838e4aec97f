"""Lists on entity pages: meetings, statements and evidence, a page at a time, fetched in batches.

A hub (a country, an issue) has thousands of meetings and statements: each list shows one
page of ``page_items`` (newest first; ``?page=N`` on the entity's address), its total
comes from one aggregate query, and every query is bounded by the page size, so a page
costs the same however large the store grows (measured in BENCHMARKS.md).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from rdflib import Literal, URIRef

from diplokg.store.base import Store
from server.pages.query import Row, date_key, grouped, select
from server.pages.text import snippet, span_id

log = logging.getLogger(__name__)

DEFAULT_PAGE_ITEMS = 50
# Pages are sorted on strings bound once per row: the engine's ORDER BY on the terms
# themselves (a typed date, then an IRI) costs 4x as much (1.9 s vs 0.47 s for 11k meetings
# of a hub at 1M triples). Lexical order of ISO dates is their order; undated sort last.
_SORT_KEYS = "BIND(STR(?date) AS ?key) BIND(STR(?{v}) AS ?tie)"


@dataclass
class Listing:
    """One page of a list (oldest first within the page), how many there are in all, and
    which page this is."""

    items: list[Row] = field(default_factory=list)
    total: int = 0
    page: int = 1
    size: int = DEFAULT_PAGE_ITEMS

    @property
    def capped(self) -> bool:
        """Whether the page shows fewer items than there are."""
        return self.total > len(self.items)

    @property
    def pages(self) -> int:
        """How many pages the list has (at least 1)."""
        return max(1, -(-self.total // self.size))

    @property
    def first(self) -> int:
        """The 1-based position of the page's first item in the whole list."""
        return (self.page - 1) * self.size + 1


def page_window() -> tuple[int, int]:
    """The (page, page size) of the current request: ``?page=N`` as checked by the route."""
    try:
        from flask import current_app, g

        return int(getattr(g, "page", 1)), int(current_app.config["DIPLOKG"].page_items)
    except (RuntimeError, KeyError):  # outside a request (scripts, tests of views)
        return 1, DEFAULT_PAGE_ITEMS


def evidence_for(store: Store, facts: list[URIRef]) -> dict[URIRef, list[Row]]:
    """The evidence spans of each fact, each with its sentence cut around the span."""
    if not facts:
        return {}
    rows = select(store, """
        SELECT DISTINCT ?fact ?ev ?article ?start ?end ?issued WHERE {
          VALUES ?fact { $facts }
          ?fact dkg:evidence ?ev . ?ev dkg:article ?article ; dkg:start ?start ; dkg:end ?end .
          OPTIONAL { ?article dcterms:issued ?issued }
        } ORDER BY ?article ?start""", facts=sorted(set(facts)))
    articles = sorted({r["article"] for r in rows})
    texts = {r["a"]: str(r["text"]) for r in select(store, """
        SELECT ?a (SAMPLE(?t) AS ?text) WHERE { VALUES ?a { $articles } ?a dkg:text ?t } GROUP BY ?a""",
        articles=articles)} if articles else {}
    out: dict[URIRef, list[Row]] = {}
    for r in rows:
        start, end = int(r["start"]), int(r["end"])
        text = texts.get(r["article"])
        r["snippet"] = snippet(text, start, end) if text else None
        r["fragment"] = span_id(start, end)
        out.setdefault(r["fact"], []).append(r)
    return out


def _page_of(store: Store, var: str, where: str, page: int, size: int, **terms: object) -> list[URIRef]:
    """One page of the distinct ?{var} matching ``where``, newest first (by ?{var} dkg:date).

    (Projecting ?date, unused, makes pyoxigraph 0.5.13 evaluate this 2-3x faster.)"""
    rows = select(store, f"""
        SELECT ?{var} ?date WHERE {{ {{ SELECT DISTINCT ?{var} WHERE {{ {where} }} }}
                               OPTIONAL {{ ?{var} dkg:date ?date }} {_SORT_KEYS.format(v=var)} }}
        ORDER BY DESC(?key) ?tie LIMIT {size} OFFSET {(page - 1) * size}""", **terms)
    return list(dict.fromkeys(r[var] for r in rows))


def meetings(store: Store, where: str, this: URIRef, base: str, via: str | None = None) -> Listing:
    """Meetings matching ``where`` (a pattern binding ?m), one page of them, newest first, with
    their date, status, mode, place, other participants and topics. ``via``, a pattern of ?m
    and ?via, names for each meeting on the page who links it to ``this`` (a country's people).

    The page is cut from distinct meetings; its details (and ``via``) are asked for the
    page's meetings only, by VALUES: joined to the whole list, the OPTIONALs cost 10x more."""
    page, size = page_window()
    terms = {"this": this, "base": Literal(base)}
    total = select(store, f"SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE {{ {where} }}", **terms)
    chosen = _page_of(store, "m", where, page, size, **terms)
    rows = select(store, """
        SELECT DISTINCT ?m ?date ?status ?mode ?place ?other ?topic WHERE {
          VALUES ?m { $chosen }
          OPTIONAL { ?m dkg:date ?date }
          OPTIONAL { ?m dkg:status ?status } OPTIONAL { ?m dkg:mode ?mode }
          OPTIONAL { ?m dkg:location ?place } OPTIONAL { ?m dkg:topic ?topic }
          OPTIONAL { ?m dkg:participant ?other FILTER(?other != $this && STRSTARTS(STR(?other), $base)) }
        }""", chosen=chosen, **terms) if chosen else []
    items = grouped(rows, "m", many=("other", "topic"))
    for item in items:
        item["via"] = []
    if via is not None and items:
        by_meeting = {item["m"]: item for item in items}
        for row in select(store, f"SELECT DISTINCT ?m ?via WHERE {{ VALUES ?m {{ $meetings }} {via} }} ORDER BY ?via",
                          meetings=sorted(by_meeting), **terms):
            by_meeting[row["m"]]["via"].append(row["via"])
    items.sort(key=lambda m: (date_key(m.get("date")), str(m["m"])))
    return Listing(items, int(total[0]["n"]) if total else len(items), page, size)


def statements(store: Store, where: str, this: URIRef) -> Listing:
    """Statements matching ``where`` (a pattern binding ?st), one page of them, newest first,
    with their words, speakers, issues, meeting, date and evidence."""
    page, size = page_window()
    total = select(store, f"SELECT (COUNT(DISTINCT ?st) AS ?n) WHERE {{ {where} }}", this=this)
    chosen = _page_of(store, "st", where, page, size, this=this)
    rows = select(store, """
        SELECT DISTINCT ?st ?speaker ?quote ?qtype ?about ?meeting ?date WHERE {
          VALUES ?st { $chosen }
          ?st dkg:quote ?quote .
          OPTIONAL { ?st dkg:date ?date }
          OPTIONAL { ?st dkg:speaker ?speaker } OPTIONAL { ?st dkg:quoteType ?qtype }
          OPTIONAL { ?st dkg:about ?about } OPTIONAL { ?st dkg:madeAt ?meeting }
        }""", chosen=chosen) if chosen else []
    items = grouped(rows, "st", many=("about", "speaker"))
    found = evidence_for(store, [s["st"] for s in items])
    for item in items:
        item["evidence"] = found.get(item["st"], [])
    items.sort(key=lambda s: (date_key(s.get("date")), str(s["st"])))
    return Listing(items, int(total[0]["n"]) if total else len(items), page, size)
