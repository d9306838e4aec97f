"""Who met whom: actors as nodes, meetings as weighted edges, under the network's filters.

Nodes are a meeting's participants (named people, and countries or organizations where the
reports name no person, as the graph records them); an edge joins two participants of the
same meeting, weighted by the meetings they share. Only the most-met actors are kept.
"""

from __future__ import annotations

import logging
from collections import Counter
from itertools import combinations
from typing import Any

from rdflib import Literal, URIRef

from diplokg.store import Store
from server.explore.bounded import Filters, date_pattern, link
from server.explore.labels import describe
from server.pages.lists import evidence_for
from server.pages.query import PREFIXES, select

log = logging.getLogger(__name__)

# The most meetings read for one view; past it the view says it is capped.
MAX_READ = 100_000
MAX_MEETINGS = 200


def _where(found: Filters, actors: str) -> str:
    """The pattern of the meetings a view counts (binding ?m), with the filters applied.

    The meetings of a country are found from the country (a sub-select); a FILTER EXISTS per
    meeting instead took 42 s on the 1M-triple bench store, the sub-select 0.2 s.
    """
    parts = ["?m a dkg:Meeting ."]
    if found.issue is not None:
        parts.append(f"?m dkg:topic {found.issue.n3()} .")
    parts.append(date_pattern("m", found))
    if found.country is not None:
        c = found.country.n3()
        parts.insert(0, f"""{{ SELECT DISTINCT ?m WHERE {{
          {{ ?m dkg:participant {c} }}
          UNION {{ ?x dkg:country {c} . ?m dkg:participant ?x FILTER(STRSTARTS(STR(?x), {actors})) }}
          UNION {{ ?x dkg:holds/dkg:roleOf {c} . ?m dkg:participant ?x FILTER(STRSTARTS(STR(?x), {actors})) }}
        }} }}""")
    return "\n".join(parts)


def network(store: Store, base: str, found: Filters, limit: int) -> dict[str, Any]:
    """The network of the meetings that pass ``found``: the ``limit`` most-met actors and the
    edges among them, with labels, kinds and links.

    One query reads each meeting's participants, as one string per meeting (a row per
    participant cost 1.5 times as much on the bench store, most of it converting terms);
    counting is done here (GROUP BY queries of actors and of pairs cost twice as much).
    """
    actors = Literal(base + "id/actor/").n3()
    result = store.query(PREFIXES + f"""
        SELECT (GROUP_CONCAT(STR(?a); separator=" ") AS ?people) WHERE {{
          {_where(found, actors)} ?m dkg:participant ?a FILTER(STRSTARTS(STR(?a), {actors}))
        }} GROUP BY ?m LIMIT {MAX_READ + 1}""")
    by_meeting = [set(str(people).split()) for (people,) in result.rows()]
    capped = len(by_meeting) > MAX_READ
    by_meeting = by_meeting[:MAX_READ]
    counts: Counter[str] = Counter(a for people in by_meeting for a in people)
    kept = {a: n for a, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]}
    pairs: Counter[tuple[str, str]] = Counter()
    for people in by_meeting:
        pairs.update(combinations(sorted(a for a in people if a in kept), 2))
    edges = [{"from": a, "to": b, "meetings": n}
             for (a, b), n in sorted(pairs.items(), key=lambda item: (-item[1], item[0]))]
    about = describe(store, [URIRef(a) for a in kept])
    groups = describe(store, [URIRef(a["country"]) for a in about.values() if a.get("country")])
    nodes = []
    for iri, meetings in kept.items():
        info = about.get(iri, {"label": iri, "kind": "actor", "href": link(iri)})
        country = info.get("country")
        nodes.append({"id": iri, "meetings": meetings, **info,
                      "group": groups[country]["label"] if country in groups else info["kind"]})
    return {"nodes": nodes, "edges": edges, "actors": len(counts), "meetings": len(by_meeting),
            "capped": capped, "limit": limit}


def meetings_between(store: Store, base: str, a: URIRef, b: URIRef, found: Filters) -> dict[str, Any]:
    """The meetings two actors both took part in (under the filters), oldest first, each with
    its date, place, mode and the evidence of every report."""
    actors = Literal(base + "id/actor/").n3()
    rows = select(store, f"""
        SELECT ?m (SAMPLE(?d) AS ?date) (SAMPLE(?l) AS ?label) (SAMPLE(?p) AS ?place) (SAMPLE(?md) AS ?mode)
        WHERE {{
          {_where(found, actors)} ?m dkg:participant {a.n3()}, {b.n3()} .
          OPTIONAL {{ ?m dkg:date ?d }} OPTIONAL {{ ?m rdfs:label ?l }}
          OPTIONAL {{ ?m dkg:location ?p }} OPTIONAL {{ ?m dkg:mode ?md }}
        }} GROUP BY ?m ORDER BY ?date ?m LIMIT {MAX_MEETINGS + 1}""")
    capped = len(rows) > MAX_MEETINGS
    rows = rows[:MAX_MEETINGS]
    evidence = evidence_for(store, [r["m"] for r in rows])
    names = describe(store, [a, b] + [r[k] for r in rows for k in ("place", "mode") if k in r])
    out = []
    for r in rows:
        out.append({
            "id": str(r["m"]), "href": link(r["m"]),
            "label": str(r.get("label") or r["m"]),
            "date": str(r["date"]) if "date" in r else None,
            "place": names.get(str(r["place"]), {}).get("label") if "place" in r else None,
            "mode": names.get(str(r["mode"]), {}).get("label") if "mode" in r else None,
            "evidence": [_evidence(e) for e in evidence.get(r["m"], [])],
        })
    return {"a": names.get(str(a)), "b": names.get(str(b)), "meetings": out, "capped": capped}


def _evidence(row: dict[str, Any]) -> dict[str, Any]:
    snippet = row.get("snippet")
    return {
        "href": f"{link(row['article'])}#{row['fragment']}",
        "issued": str(row["issued"]) if "issued" in row else None,
        "before": snippet.before if snippet else "", "exact": snippet.exact if snippet else "",
        "after": snippet.after if snippet else "",
    }
