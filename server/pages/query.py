"""SPARQL helpers for the entity pages: bound queries, row dicts, grouping, labels."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable
from string import Template
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from diplokg.store.base import Store

log = logging.getLogger(__name__)

PREFIXES = """\
PREFIX dkg: <https://w3id.org/diplokg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""

Row = dict[str, Any]


def bind(query: str, **terms: Node | list[Node]) -> str:
    """Fill ``$name`` placeholders with rdflib terms serialized by ``.n3()`` (a list of terms
    becomes a space-separated list, for VALUES).

    Only rdflib IRIs and literals are accepted, so a user value is always escaped as an IRI or
    a literal and can never change the query's structure.

    >>> bind("VALUES ?x { $x }", x=Literal('a"b'))
    'VALUES ?x { "a\\\\"b" }'
    >>> bind("VALUES ?x { $x }", x=[URIRef("http://a/"), URIRef("http://b/")])
    'VALUES ?x { <http://a/> <http://b/> }'
    """
    text = {}
    for name, value in terms.items():
        items = value if isinstance(value, list) else [value]
        for term in items:
            if not isinstance(term, (URIRef, Literal)):
                raise TypeError(f"{name} must be rdflib URIRefs or Literals")
        text[name] = " ".join(term.n3() for term in items)
    return Template(query).substitute(text)


def select(store: Store, query: str, **terms: Node | list[Node]) -> list[Row]:
    """Run a SELECT with bound terms; rows as dicts of rdflib terms (unbound → missing)."""
    result = store.query(PREFIXES + bind(query, **terms))
    names = list(result.variables)
    return [{n: v for n, v in zip(names, row) if v is not None} for row in result.rows()]


def ask(store: Store, query: str, **terms: Node) -> bool:
    """Run an ASK with bound terms."""
    return store.query(PREFIXES + bind(query, **terms)).boolean()


def construct(store: Store, query: str, **terms: Node) -> Graph:
    """Run a CONSTRUCT with bound terms into an rdflib Graph."""
    graph = Graph()
    for triple in store.query(PREFIXES + bind(query, **terms)).triples():
        graph.add(triple)
    return graph


def grouped(rows: Iterable[Row], key: str, many: tuple[str, ...] = ()) -> list[Row]:
    """Merge rows that share ``key``; columns in ``many`` become ordered lists of distinct values.

    >>> grouped([{"m": 1, "t": "a"}, {"m": 1, "t": "b"}, {"m": 2}], "m", many=("t",))
    [{'m': 1, 't': ['a', 'b']}, {'m': 2, 't': []}]
    """
    out: dict[Any, Row] = {}
    for row in rows:
        item = out.get(row[key])
        if item is None:
            item = {k: v for k, v in row.items() if k not in many}
            item.update({k: [] for k in many})
            out[row[key]] = item
        for k in many:
            if k in row and row[k] not in item[k]:
                item[k].append(row[k])
    return list(out.values())


def date_key(value: Node | None) -> tuple[int, str]:
    """Sort key for xsd:date / gYearMonth / gYear values: lexical order, undated last."""
    return (1, "") if value is None else (0, str(value))


def iris_in(value: Any) -> Iterable[URIRef]:
    """Every URIRef inside nested dicts, lists and dataclasses."""
    if isinstance(value, URIRef):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from iris_in(getattr(value, f.name))
    elif isinstance(value, dict):
        for v in value.values():
            yield from iris_in(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from iris_in(v)


# Naming properties in order of preference. Measured on 1M triples for 63 IRIs: VALUES on
# the subject with the property in a FILTER 81 ms; VALUES on both 1.6 s; a UNION per property 1 s.
_NAMING = ("rdfs:label", "skos:prefLabel", "dcterms:title", "dkg:title", "dkg:quote", "dkg:exact",
           "dcterms:identifier")
_EXPANDED = {
    "rdfs:": "http://www.w3.org/2000/01/rdf-schema#", "skos:": "http://www.w3.org/2004/02/skos/core#",
    "dcterms:": "http://purl.org/dc/terms/", "dkg:": "https://w3id.org/diplokg/ontology#",
}
_RANK = {URIRef(_EXPANDED[p.split(":")[0] + ":"] + p.split(":")[1]): rank for rank, p in enumerate(_NAMING)}
_LABELS = ("SELECT DISTINCT ?s ?p ?name WHERE { VALUES ?s { $iris } ?s ?p ?name FILTER(?p IN ("
           + ", ".join(_NAMING) + ")) }")


def labels(store: Store, iris: Iterable[URIRef]) -> dict[URIRef, str]:
    """The display name of each IRI that has one: a label, else a title, a statement's words,
    a span's text or an article's identifier, in that order."""
    unique = sorted(set(iris))
    found: dict[URIRef, str] = {}
    for i in range(0, len(unique), 200):
        chunk = unique[i:i + 200]
        values = " ".join(iri.n3() for iri in chunk)
        result = store.query(PREFIXES + _LABELS.replace("$iris", values))
        best: dict[URIRef, tuple[int, str]] = {}
        for s, prop, name in result.rows():
            candidate = (_RANK[prop], str(name))
            if s not in best or candidate < best[s]:
                best[s] = candidate
        for s, (_, text) in best.items():
            found[s] = text if len(text) <= 90 else text[:87].rstrip() + "…"
    return found
