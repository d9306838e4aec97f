"""Names, kinds and links of IRIs, for result tables and views: one query per batch."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from rdflib import URIRef

from diplokg.iris import DKG
from diplokg.store import Store
from server.explore.bounded import link
from server.pages.query import PREFIXES

log = logging.getLogger(__name__)

# The most IRIs one request may ask about (a result page of 1,000 rows of a few columns).
MAX_IRIS = 5000
# Naming properties, best first (as on the entity pages).
_NAMING = ("rdfs:label", "skos:prefLabel", "dcterms:title", "dkg:title", "dkg:quote", "dkg:exact",
           "dcterms:identifier")
_EXPAND = {"rdfs": "http://www.w3.org/2000/01/rdf-schema#", "skos": "http://www.w3.org/2004/02/skos/core#",
           "dcterms": "http://purl.org/dc/terms/", "dkg": DKG}
_RANK = {_EXPAND[p.split(":")[0]] + p.split(":")[1]: rank for rank, p in enumerate(_NAMING)}
_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
# Kinds by class, most specific first.
KINDS = (("Person", "person"), ("Country", "country"), ("Organization", "organization"),
         ("Meeting", "meeting"), ("Statement", "statement"), ("Issue", "issue"), ("Article", "article"),
         ("Place", "place"), ("Role", "role"), ("Evidence", "evidence"), ("Actor", "actor"))
_KIND = {DKG + cls: rank for rank, (cls, _) in enumerate(KINDS)}
_QUERY = """SELECT ?s ?p ?o WHERE {{
  VALUES ?s {{ {iris} }}
  ?s ?p ?o FILTER(?p IN ({props}, rdf:type, dkg:country))
}} LIMIT {limit}"""
ACTOR_KINDS = ("person", "country", "organization", "actor")


def _short(iri: URIRef) -> str:
    """An IRI without a name: its path on this server (``id/meeting/m1``), else the IRI."""
    href = link(iri)
    return "id/" + href.rsplit("/id/", 1)[-1] if href != str(iri) else str(iri)


def describe(store: Store, iris: Iterable[URIRef]) -> dict[str, dict[str, Any]]:
    """For each IRI the store knows: its display name, its kind and its link (and, for a
    person, a country it belongs to). IRIs it does not know are left out."""
    unique = sorted({URIRef(i) for i in iris})[:MAX_IRIS]
    if not unique:
        return {}
    query = PREFIXES + _QUERY.format(iris=" ".join(i.n3() for i in unique), props=", ".join(_NAMING),
                                     limit=len(unique) * 40)
    best: dict[str, tuple[int, str]] = {}
    kinds: dict[str, int] = {}
    countries: dict[str, str] = {}
    for s, p, o in store.query(query).rows():
        subject, prop = str(s), str(p)
        if prop == _TYPE:
            rank = _KIND.get(str(o))
            if rank is not None and rank < kinds.get(subject, len(KINDS)):
                kinds[subject] = rank
        elif prop == DKG + "country":
            local = isinstance(o, URIRef) and link(o) != str(o)
            if local and (subject not in countries or str(o) < countries[subject]):
                countries[subject] = str(o)
        else:
            candidate = (_RANK[prop], str(o))
            if subject not in best or candidate < best[subject]:
                best[subject] = candidate
    out: dict[str, dict[str, Any]] = {}
    for iri in unique:
        key = str(iri)
        if key not in best and key not in kinds:
            continue
        text = best[key][1] if key in best else _short(iri)
        item: dict[str, Any] = {"label": text if len(text) <= 120 else text[:117].rstrip() + "…",
                                "kind": KINDS[kinds[key]][1] if key in kinds else "other", "href": link(iri)}
        if key in countries and item["kind"] == "person":
            item["country"] = countries[key]
        out[key] = item
    return out
