"""Who met whom: actors as nodes, meetings as weighted edges, under the network's filters.

Nodes are a meeting's participants (named people, and countries or organizations where the
reports name no person, as the graph records them); an edge joins two participants of the
same meeting, weighted by the meetings they share. Only the most-met actors are kept.
"""

from __future__ import annotations

import logging
from typing import Any

from rdflib import Literal, URIRef

from diplokg.store import Store
from server.explore.bounded import Filters, date_pattern, link
from server.explore.labels import describe
from server.pages_lists import evidence_for
from server.pages_query import select

log = logging.getLogger(__name__)

# The most actor pairs and actors read from the store for one view; the view keeps the
# ``limit`` most-met actors of those.
MAX_PAIRS = 50_000
MAX_ACTORS = 20_000
MAX_MEETINGS = 200


def _where(found: Filters, actors: str) -> str:
    """The pattern of the meetings a view counts (binding ?m), with the filters applied."""
    parts = ["?m a dkg:Meeting ."]
    if found.issue is not None:
        parts.append(f"?m dkg:topic {found.issue.n3()} .")
    if found.country is not None:
        c = found.country.n3()
        parts.append(f"""FILTER EXISTS {{
          {{ ?m dkg:participant {c} }}
          UNION {{ ?m dkg:participant ?x . ?x dkg:country {c} FILTER(STRSTARTS(STR(?x), {actors})) }}
          UNION {{ ?m dkg:participant ?x . ?x dkg:holds/dkg:roleOf {c} FILTER(STRSTARTS(STR(?x), {actors})) }}
        }}""")
    parts.append(date_pattern("m", found))
    return "\n".join(parts)


def network(store: Store, base: str, found: Filters, limit: int) -> dict[str, Any]:
    """The network of the meetings that pass ``found``: the ``limit`` most-met actors and the
    edges among them, with labels, kinds and links."""
    actors = Literal(base + "id/actor/").n3()
    where = _where(found, actors)
    counts = select(store, f"""
        SELECT ?a (COUNT(DISTINCT ?m) AS ?n) WHERE {{
          {where} ?m dkg:participant ?a FILTER(STRSTARTS(STR(?a), {actors}))
        }} GROUP BY ?a ORDER BY DESC(?n) ?a LIMIT {MAX_ACTORS}""")
    kept = {r["a"]: int(r["n"]) for r in counts[:limit]}
    edges: list[dict[str, Any]] = []
    pairs_capped = False
    if kept:
        pairs = select(store, f"""
            SELECT ?a ?b (COUNT(DISTINCT ?m) AS ?n) WHERE {{
              VALUES ?a {{ {' '.join(a.n3() for a in kept)} }}
              {where} ?m dkg:participant ?a, ?b .
              FILTER(STR(?a) < STR(?b) && STRSTARTS(STR(?b), {actors}))
            }} GROUP BY ?a ?b LIMIT {MAX_PAIRS}""")
        pairs_capped = len(pairs) >= MAX_PAIRS
        edges = [{"from": str(r["a"]), "to": str(r["b"]), "meetings": int(r["n"])}
                 for r in pairs if r["b"] in kept]
        edges.sort(key=lambda e: (-e["meetings"], e["from"], e["to"]))
    about = describe(store, list(kept))
    groups = describe(store, [URIRef(a["country"]) for a in about.values() if a.get("country")])
    nodes = []
    for iri, meetings in kept.items():
        info = about.get(str(iri), {"label": str(iri), "kind": "actor", "href": link(iri)})
        country = info.get("country")
        nodes.append({"id": str(iri), "meetings": meetings, **info,
                      "group": groups[country]["label"] if country in groups else info["kind"]})
    return {
        "nodes": nodes, "edges": edges,
        "actors": len(counts), "actors_capped": len(counts) >= MAX_ACTORS, "pairs_capped": pairs_capped,
        "limit": limit,
    }


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
