"""Meetings and statements in time, for a person, a country or organization, an issue, or the
meetings and statements of a query result. Facts with no date are listed apart: a date known
to the month or the year is a span of that month or year, never a guessed day."""

from __future__ import annotations

import calendar
import logging
from typing import Any

from rdflib import Literal, URIRef

from diplokg.store import Store
from server.explore.bounded import link
from server.explore.labels import describe
from server.pages.query import select

log = logging.getLogger(__name__)

# The most meetings and the most statements one timeline shows (the latest ones).
MAX_ITEMS = 500


def _of_group(group: URIRef, var: str, prop: str, actors: str) -> str:
    """A sub-select of the facts (?{var}) whose ``prop`` is a country or organization or one of
    its people, starting from the group (a UNION per fact took over 10 s on the 1M store)."""
    g = group.n3()
    return f"""{{ SELECT DISTINCT ?{var} WHERE {{
      {{ ?{var} {prop} {g} }}
      UNION {{ ?who dkg:country {g} . ?{var} {prop} ?who FILTER(STRSTARTS(STR(?who), {actors})) }}
      UNION {{ ?who dkg:holds/dkg:roleOf {g} . ?{var} {prop} ?who FILTER(STRSTARTS(STR(?who), {actors})) }}
    }} }}"""


def patterns(base: str, *, person: URIRef | None = None, group: URIRef | None = None,
             issue: URIRef | None = None, iris: list[URIRef] | None = None) -> tuple[str, str]:
    """The patterns binding the meetings (?m) and the statements (?st) of one timeline."""
    actors = Literal(base + "id/actor/").n3()
    if person is not None:
        return f"?m dkg:participant {person.n3()} .", f"?st dkg:speaker {person.n3()} ."
    if group is not None:
        return (_of_group(group, "m", "dkg:participant", actors), _of_group(group, "st", "dkg:speaker", actors))
    if issue is not None:
        return f"?m dkg:topic {issue.n3()} .", f"?st dkg:about {issue.n3()} ."
    values = " ".join(i.n3() for i in iris or [])
    return f"VALUES ?m {{ {values} }}", f"VALUES ?st {{ {values} }}"


def span(date: str) -> tuple[str, str, str] | None:
    """The precision of a date and the days it covers (end exclusive); None if unreadable.

    >>> span("2020-07-10")
    ('day', '2020-07-10', '2020-07-11')
    >>> span("2020-02")
    ('month', '2020-02-01', '2020-03-01')
    >>> span("2020")
    ('year', '2020-01-01', '2021-01-01')
    """
    parts = date.split("-")
    try:
        if len(parts) == 3:
            year, month, day = (int(p) for p in parts)
            last = calendar.monthrange(year, month)[1]
            if day < last:
                return "day", date, f"{year:04d}-{month:02d}-{day + 1:02d}"
            return "day", date, f"{year + (month == 12):04d}-{month % 12 + 1:02d}-01"
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            if not 1 <= month <= 12:
                return None
            return "month", f"{date}-01", f"{year + (month == 12):04d}-{month % 12 + 1:02d}-01"
        if len(parts) == 1:
            year = int(parts[0])
            return "year", f"{year:04d}-01-01", f"{year + 1:04d}-01-01"
    except ValueError:
        return None
    return None


def timeline(store: Store, base: str, meetings_where: str, statements_where: str) -> dict[str, Any]:
    """The items of one timeline, at most MAX_ITEMS of each kind, the latest dated ones first:
    dated ones in time order, undated ones apart.

    The facts are chosen first (by date only); their names, words and speakers are read for
    the chosen ones alone (a GROUP BY with every name over a country's 25,000 statements took
    6.5 s on the 1M store).
    """
    meetings = _latest(store, meetings_where, "m", "dkg:Meeting")
    statements = _latest(store, statements_where, "st", "dkg:Statement")
    capped = len(meetings) > MAX_ITEMS or len(statements) > MAX_ITEMS
    meetings, statements = meetings[:MAX_ITEMS], statements[:MAX_ITEMS]  # the dated ones first
    names = describe(store, [iri for iri, _ in meetings])
    words = {}
    if statements:
        words = {r["st"]: r for r in select(store, """
            SELECT ?st (SAMPLE(?q) AS ?quote) (SAMPLE(?sp) AS ?speaker) WHERE {
              VALUES ?st { $facts } ?st dkg:quote ?q OPTIONAL { ?st dkg:speaker ?sp }
            } GROUP BY ?st""", facts=[iri for iri, _ in statements])}
    speakers = describe(store, [r["speaker"] for r in words.values() if "speaker" in r])
    items = [_item(iri, "meeting", names.get(str(iri), {}).get("label", str(iri)), date) for iri, date in meetings]
    for iri, date in statements:
        said = words.get(iri, {})
        who = speakers.get(str(said.get("speaker")), {}).get("label")
        quote = str(said.get("quote", ""))
        text = quote if len(quote) <= 140 else quote[:137].rstrip() + "…"
        items.append(_item(iri, "statement", f"{who}: “{text}”" if who else f"“{text}”", date))
    dated = sorted((i for i in items if i["start"]), key=lambda i: (i["start"], i["kind"], i["id"]))
    undated = sorted((i for i in items if not i["start"]), key=lambda i: (i["kind"], i["label"]))
    return {"items": dated, "undated": undated, "capped": capped, "max_items": MAX_ITEMS}


def _latest(store: Store, where: str, var: str, cls: str) -> list[tuple[URIRef, Any]]:
    """The facts of ``where`` with their earliest date, the newest MAX_ITEMS + 1 dated ones
    and up to MAX_ITEMS + 1 undated ones.

    Dated and undated facts are two queries: one ORDER BY over an OPTIONAL date took 3 s for
    a country's 25,000 statements on the 1M store, the two together 0.3 s.
    """
    dated = select(store, f"""
        SELECT ?{var} (MIN(STR(?d)) AS ?date) WHERE {{ {where} ?{var} a {cls} ; dkg:date ?d }}
        GROUP BY ?{var} ORDER BY DESC(?date) ?{var} LIMIT {MAX_ITEMS + 1}""")
    undated = select(store, f"""
        SELECT ?{var} WHERE {{ {where} ?{var} a {cls} FILTER NOT EXISTS {{ ?{var} dkg:date ?d }} }}
        LIMIT {MAX_ITEMS + 1}""")
    return [(r[var], r["date"]) for r in dated] + [(r[var], None) for r in undated]


def _item(iri: URIRef, kind: str, label: str, date: Any) -> dict[str, Any]:
    found = span(str(date)) if date is not None else None
    precision, start, end = found if found else (None, None, None)
    return {"id": str(iri), "href": link(iri), "kind": kind, "label": label,
            "date": str(date) if found else None, "precision": precision, "start": start, "end": end}
