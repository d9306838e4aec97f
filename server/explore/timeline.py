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
from server.pages_query import select

log = logging.getLogger(__name__)

# The most meetings and the most statements one timeline shows.
MAX_ITEMS = 1000


def _actor_of(subject: URIRef, var: str, actors: str) -> str:
    """A pattern binding ?{var} to ``subject`` or to a person of it (a country or organization)."""
    s = subject.n3()
    return f"""{{ BIND({s} AS ?{var}) }}
      UNION {{ ?{var} a dkg:Person ; dkg:country {s} FILTER(STRSTARTS(STR(?{var}), {actors})) }}
      UNION {{ ?{var} a dkg:Person ; dkg:holds/dkg:roleOf {s} FILTER(STRSTARTS(STR(?{var}), {actors})) }}"""


def patterns(base: str, *, person: URIRef | None = None, group: URIRef | None = None,
             issue: URIRef | None = None, iris: list[URIRef] | None = None) -> tuple[str, str]:
    """The patterns binding the meetings (?m) and the statements (?st) of one timeline."""
    actors = Literal(base + "id/actor/").n3()
    if person is not None:
        return f"?m dkg:participant {person.n3()} .", f"?st dkg:speaker {person.n3()} ."
    if group is not None:
        return (f"{_actor_of(group, 'who', actors)} ?m dkg:participant ?who .",
                f"{_actor_of(group, 'who', actors)} ?st dkg:speaker ?who .")
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
    """The items of one timeline: dated ones in time order, undated ones apart."""
    meetings = select(store, f"""
        SELECT ?m (MIN(STR(?d)) AS ?date) (SAMPLE(?l) AS ?label) WHERE {{
          {meetings_where} ?m a dkg:Meeting .
          OPTIONAL {{ ?m dkg:date ?d }} OPTIONAL {{ ?m rdfs:label ?l }}
        }} GROUP BY ?m ORDER BY ?date ?m LIMIT {MAX_ITEMS + 1}""")
    statements = select(store, f"""
        SELECT ?st (MIN(STR(?d)) AS ?date) (SAMPLE(?q) AS ?quote) (SAMPLE(?sp) AS ?speaker) WHERE {{
          {statements_where} ?st a dkg:Statement ; dkg:quote ?q .
          OPTIONAL {{ ?st dkg:date ?d }} OPTIONAL {{ ?st dkg:speaker ?sp }}
        }} GROUP BY ?st ORDER BY ?date ?st LIMIT {MAX_ITEMS + 1}""")
    capped = len(meetings) > MAX_ITEMS or len(statements) > MAX_ITEMS
    meetings, statements = meetings[:MAX_ITEMS], statements[:MAX_ITEMS]
    speakers = describe(store, [r["speaker"] for r in statements if "speaker" in r])
    items = []
    for r in meetings:
        items.append(_item(r["m"], "meeting", str(r.get("label") or r["m"]), r.get("date")))
    for r in statements:
        who = speakers.get(str(r.get("speaker")), {}).get("label")
        quote = str(r["quote"])
        words = quote if len(quote) <= 140 else quote[:137].rstrip() + "…"
        items.append(_item(r["st"], "statement", f"{who}: “{words}”" if who else f"“{words}”", r.get("date")))
    dated = sorted((i for i in items if i["start"]), key=lambda i: (i["start"], i["kind"], i["id"]))
    undated = sorted((i for i in items if not i["start"]), key=lambda i: (i["kind"], i["label"]))
    return {"items": dated, "undated": undated, "capped": capped, "max_items": MAX_ITEMS}


def _item(iri: URIRef, kind: str, label: str, date: Any) -> dict[str, Any]:
    found = span(str(date)) if date is not None else None
    precision, start, end = found if found else (None, None, None)
    return {"id": str(iri), "href": link(iri), "kind": kind, "label": label,
            "date": str(date) if found else None, "precision": precision, "start": start, "end": end}
