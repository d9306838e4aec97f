"""What the query editor completes: the predeclared prefixes and the ontology's terms."""

from __future__ import annotations

from typing import Any

from rdflib import URIRef

from diplokg.iris import PREFIXES as PREDECLARED
from diplokg.store import Store
from server.pages.routes import NAMESPACES
from server.pages.query import select

# The most terms the editor is offered.
MAX_TERMS = 2000

PREFIXES: dict[str, str] = {**NAMESPACES, **PREDECLARED}


def vocabulary(store: Store, ontology_graph: str) -> dict[str, Any]:
    """The classes and properties of the ontology graph (declared, aligned with, or used in
    it), as full IRIs and as prefixed names."""
    rows = select(store, f"""
        SELECT DISTINCT ?t ?role WHERE {{
          GRAPH $g {{
            {{ ?t a ?c VALUES ?c {{ owl:Class rdfs:Class }} BIND("class" AS ?role) }}
            UNION {{ ?x rdfs:subClassOf|owl:equivalentClass ?t BIND("class" AS ?role) }}
            UNION {{ ?t a ?c VALUES ?c {{ owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty rdf:Property }}
                     BIND("property" AS ?role) }}
            UNION {{ ?x rdfs:subPropertyOf|owl:equivalentProperty|owl:inverseOf ?t BIND("property" AS ?role) }}
            UNION {{ ?x ?t ?y BIND("property" AS ?role) }}
          }}
          FILTER(isIRI(?t))
        }} LIMIT {MAX_TERMS}""", g=URIRef(ontology_graph))
    found: dict[str, set[str]] = {"class": set(), "property": set()}
    for r in rows:
        found[str(r["role"])].add(str(r["t"]))
    return {"prefixes": PREFIXES,
            "classes": _names(found["class"]), "properties": _names(found["property"])}


def _names(iris: set[str]) -> list[str]:
    """Each IRI, and its prefixed name where a prefix covers it."""
    out = set()
    for iri in iris:
        out.add(iri)
        for prefix, ns in PREFIXES.items():
            if iri.startswith(ns) and len(iri) > len(ns) and all(c.isalnum() or c in "_-." for c in iri[len(ns):]):
                out.add(f"{prefix}:{iri[len(ns):]}")
    return sorted(out)
