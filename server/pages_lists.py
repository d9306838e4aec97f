"""Lists on entity pages: meetings, statements and evidence, capped for hubs, fetched in batches."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from rdflib import Literal, URIRef

from diplokg.store.base import Store
from server.pages_query import Row, date_key, grouped, select
from server.pages_text import snippet, span_id

log = logging.getLogger(__name__)

# The most meetings or statements one page lists (the newest); the cookbook queries give all.
MAX_ITEMS = 200


@dataclass
class Listing:
    """Some rows of a list, oldest first, and how many there are in all."""

    items: list[Row] = field(default_factory=list)
    total: int = 0

    @property
    def capped(self) -> bool:
        """Whether the page shows fewer items than there are."""
        return self.total > len(self.items)


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


def meetings(store: Store, where: str, this: URIRef, base: str) -> Listing:
    """Meetings matching ``where`` (a pattern binding ?m, and ?via where it names one), newest
    MAX_ITEMS, with their date, status, mode, place, other participants and topics."""
    terms = {"this": this, "base": Literal(base)}
    total = select(store, f"SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE {{ {where} }}", **terms)
    rows = select(store, f"""
        SELECT DISTINCT ?m ?date ?via ?status ?mode ?place ?other ?topic WHERE {{
          {{ SELECT DISTINCT ?m ?date ?via WHERE {{ {where} OPTIONAL {{ ?m dkg:date ?date }} }}
             ORDER BY DESC(?date) ?m LIMIT {MAX_ITEMS} }}
          OPTIONAL {{ ?m dkg:status ?status }} OPTIONAL {{ ?m dkg:mode ?mode }}
          OPTIONAL {{ ?m dkg:location ?place }} OPTIONAL {{ ?m dkg:topic ?topic }}
          OPTIONAL {{ ?m dkg:participant ?other FILTER(?other != $this && STRSTARTS(STR(?other), $base)) }}
        }}""", **terms)
    items = grouped(rows, "m", many=("other", "topic", "via"))
    items.sort(key=lambda m: (date_key(m.get("date")), str(m["m"])))
    return Listing(items, int(total[0]["n"]) if total else len(items))


def statements(store: Store, where: str, this: URIRef) -> Listing:
    """Statements matching ``where`` (a pattern binding ?st), newest MAX_ITEMS, with their words,
    speakers, issues, meeting, date and evidence."""
    total = select(store, f"SELECT (COUNT(DISTINCT ?st) AS ?n) WHERE {{ {where} }}", this=this)
    rows = select(store, f"""
        SELECT DISTINCT ?st ?speaker ?quote ?qtype ?about ?meeting ?date WHERE {{
          {{ SELECT DISTINCT ?st ?date WHERE {{ {where} OPTIONAL {{ ?st dkg:date ?date }} }}
             ORDER BY DESC(?date) ?st LIMIT {MAX_ITEMS} }}
          ?st dkg:quote ?quote .
          OPTIONAL {{ ?st dkg:speaker ?speaker }} OPTIONAL {{ ?st dkg:quoteType ?qtype }}
          OPTIONAL {{ ?st dkg:about ?about }} OPTIONAL {{ ?st dkg:madeAt ?meeting }}
        }}""", this=this)
    items = grouped(rows, "st", many=("about", "speaker"))
    found = evidence_for(store, [s["st"] for s in items])
    for item in items:
        item["evidence"] = found.get(item["st"], [])
    items.sort(key=lambda s: (date_key(s.get("date")), str(s["st"])))
    return Listing(items, int(total[0]["n"]) if total else len(items))
