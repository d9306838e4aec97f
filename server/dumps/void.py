"""The VoID description of the dataset: size, classes, properties, vocabularies, dumps and
endpoint (at the host that serves them), Wikidata linksets, licences per source.

Counting takes seconds on a large store, so the description is computed once per published
snapshot (``Store.version()``) and host, and kept in the app until the snapshot changes.
"""

from __future__ import annotations

import logging
import threading

from flask import Flask
from rdflib import OWL, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, SKOS, XSD

from diplokg.iris import DKG, PREFIXES
from diplokg.store import Store
from server.pages.query import select

log = logging.getLogger(__name__)

VOID = Namespace("http://rdfs.org/ns/void#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
WIKIDATA = URIRef("http://www.wikidata.org/")
WIKIDATA_SPACE = "http://www.wikidata.org/entity/"

# The facts (who met whom, who said what, with short evidence spans) are offered under
# CC BY 4.0; an article's own text keeps its own licence (dcterms:license of the article,
# listed per source below), and is published only where that licence allows it.
LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")
# Classes of the built-in vocabularies (rdfs:Datatype, owl:AllDifferent, owl:Thing, ...)
# describe the schema or are the reasoner's bookkeeping, not the data: no partition.
_SCHEMA_SPACES = ("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://www.w3.org/2000/01/rdf-schema#",
                  "http://www.w3.org/2002/07/owl#", "http://www.w3.org/2001/XMLSchema#")

_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
_ENTITIES = """
SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {
  ?s ?p ?o FILTER(isIRI(?s) && STRSTARTS(STR(?s), $space) && !CONTAINS(STR(?s), "#"))
}"""
_CLASSES = """
SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c FILTER(isIRI(?c) && STRSTARTS(STR(?s), $space)) }
GROUP BY ?c ORDER BY ?c"""
_PROPERTIES = """
SELECT ?p (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?p ORDER BY ?p"""
_LINKS = """
SELECT ?p (COUNT(*) AS ?n) WHERE {
  ?s ?p ?o VALUES ?p { owl:sameAs skos:exactMatch }
  FILTER(STRSTARTS(STR(?s), $space) && STRSTARTS(STR(?o), $wikidata))
} GROUP BY ?p ORDER BY ?p"""
_SOURCES = """
SELECT ?source ?license (COUNT(DISTINCT ?a) AS ?n) WHERE {
  ?a a dkg:Article FILTER(STRSTARTS(STR(?a), $space))
  OPTIONAL { ?a dcterms:source ?source } OPTIONAL { ?a dcterms:license ?license }
} GROUP BY ?source ?license ORDER BY ?source ?license"""

DUMP_SUFFIXES = ("ttl", "trig", "nq", "nt", "jsonld")
DUMP_FEATURES = ("Turtle", "TriG", "N-Quads", "N-Triples", "JSON-LD")
_CACHE = "diplokg.void"
_CACHE_LOCK = threading.Lock()


def _count(store: Store, query: str, **terms: Literal) -> int:
    rows = select(store, query, **terms)
    return int(rows[0]["n"]) if rows else 0


def _integer(n: int) -> Literal:
    return Literal(n, datatype=XSD.integer)


def _vocabulary(iri: URIRef) -> str | None:
    """The namespace of a term among the well-known prefixes, or None."""
    text = str(iri)
    for namespace in PREFIXES.values():
        if text.startswith(namespace) and len(text) > len(namespace):
            return namespace
    return None


def void_graph(store: Store, base: str, host: str) -> Graph:
    """The VoID description of the store's dataset: instance IRIs under ``base``, the
    endpoint, the dumps and this document at ``host`` (the URL the service answers at).

    ``void:triples`` counts the quads of all named graphs (what ``/export.nq`` holds).
    """
    g = Graph()
    for prefix in ("void", "dcterms", "foaf", "dkg", "owl", "skos"):
        g.bind(prefix, {"void": VOID, "dcterms": DCTERMS, "foaf": FOAF, "dkg": DKG, "owl": OWL, "skos": SKOS}[prefix])
    space = Literal(base + "id/")
    doc = URIRef(host + ".well-known/void")
    dataset = URIRef(base + "dataset")
    g.add((doc, RDF.type, VOID.DatasetDescription))
    g.add((doc, DCTERMS.title, Literal("VoID description of diplokg")))
    g.add((doc, FOAF.primaryTopic, dataset))

    g.add((dataset, RDF.type, VOID.Dataset))
    g.add((dataset, DCTERMS.title, Literal("diplokg: diplomatic meetings in the news")))
    g.add((dataset, DCTERMS.description, Literal(
        "Meetings, statements, posts and issues extracted from news articles, each fact with the "
        "article and character span that report it. The facts are offered under CC BY 4.0; each "
        "article keeps its own licence (see the subsets per source), and its full text is published "
        "only where that licence allows it.")))
    g.add((dataset, DCTERMS.license, LICENSE))
    g.add((dataset, VOID.sparqlEndpoint, URIRef(host + "sparql")))
    g.add((dataset, VOID.uriSpace, space))
    g.add((dataset, VOID.rootResource, URIRef(host + "ontology")))
    for suffix in DUMP_SUFFIXES:
        g.add((dataset, VOID.dataDump, URIRef(f"{host}export.{suffix}")))
    for feature in DUMP_FEATURES:
        g.add((dataset, VOID.feature, FORMATS[feature]))

    g.add((dataset, VOID.triples, _integer(_count(store, _TRIPLES))))
    g.add((dataset, VOID.entities, _integer(_count(store, _ENTITIES, space=space))))
    # Articles are the named graphs under graph/article/ (the store lists them without a scan:
    # a COUNT(DISTINCT ?g) query took 6.7 s on 1M triples).
    articles = sum(1 for graph in store.graphs() if graph.startswith(base + "graph/article/"))
    g.add((dataset, VOID.documents, _integer(articles)))

    vocabularies: set[str] = set()
    classes = [row for row in select(store, _CLASSES, space=space) if not str(row["c"]).startswith(_SCHEMA_SPACES)]
    g.add((dataset, VOID.classes, _integer(len(classes))))
    for row in classes:
        part = BNode()
        g.add((dataset, VOID.classPartition, part))
        g.add((part, VOID["class"], row["c"]))
        g.add((part, VOID.entities, _integer(int(row["n"]))))
        vocabularies.add(_vocabulary(row["c"]) or "")

    properties = select(store, _PROPERTIES)
    g.add((dataset, VOID.properties, _integer(len(properties))))
    for row in properties:
        part = BNode()
        g.add((dataset, VOID.propertyPartition, part))
        g.add((part, VOID.property, row["p"]))
        g.add((part, VOID.triples, _integer(int(row["n"]))))
        vocabularies.add(_vocabulary(row["p"]) or "")
    for namespace in sorted(v for v in vocabularies if v):
        g.add((dataset, VOID.vocabulary, URIRef(namespace)))

    _linksets(g, store, dataset, space)
    _sources(g, store, dataset, space)
    return g


def _linksets(g: Graph, store: Store, dataset: URIRef, space: Literal) -> None:
    """One void:Linkset per link property into Wikidata (owl:sameAs of actors, skos:exactMatch of issues)."""
    rows = select(store, _LINKS, space=space, wikidata=Literal(WIKIDATA_SPACE))
    if not rows:
        return
    g.add((WIKIDATA, RDF.type, VOID.Dataset))
    g.add((WIKIDATA, DCTERMS.title, Literal("Wikidata")))
    g.add((WIKIDATA, VOID.uriSpace, Literal(WIKIDATA_SPACE)))
    g.add((WIKIDATA, VOID.sparqlEndpoint, URIRef("https://query.wikidata.org/sparql")))
    for row in rows:
        linkset = BNode()
        g.add((dataset, VOID.subset, linkset))
        g.add((linkset, RDF.type, VOID.Linkset))
        g.add((linkset, VOID.linkPredicate, row["p"]))
        g.add((linkset, VOID.subjectsTarget, dataset))
        g.add((linkset, VOID.objectsTarget, WIKIDATA))
        g.add((linkset, VOID.triples, _integer(int(row["n"]))))


def _sources(g: Graph, store: Store, dataset: URIRef, space: Literal) -> None:
    """One subset per source (outlet) of articles: how many articles, under which licences."""
    subsets: dict[object, BNode] = {}
    counts: dict[object, int] = {}
    for row in select(store, _SOURCES, space=space):
        source = row.get("source")
        subset = subsets.get(source)
        if subset is None:
            subset = subsets[source] = BNode()
            g.add((dataset, VOID.subset, subset))
            g.add((subset, RDF.type, VOID.Dataset))
            if source is not None:
                g.add((subset, DCTERMS.source, source))
                g.add((subset, DCTERMS.title, Literal(f"Articles of {source}")))
            else:
                g.add((subset, DCTERMS.title, Literal("Articles without a named source")))
        counts[source] = counts.get(source, 0) + int(row["n"])
        if "license" in row:
            g.add((subset, DCTERMS.license, row["license"]))
        else:
            g.add((subset, DCTERMS.rights, Literal(
                f"{int(row['n'])} article(s) without a licence: their full text is not republished")))
    for source, subset in subsets.items():
        g.add((subset, VOID.documents, _integer(counts[source])))


def cached_void(app: Flask, store: Store, base: str, host: str) -> Graph:
    """The VoID graph of the store's current snapshot for ``host``, computed once per snapshot."""
    version = store.version()
    if version is None:
        return void_graph(store, base, host)
    key = (version, base, host)
    cache = app.extensions.setdefault(_CACHE, {})
    found = cache.get(key)
    if found is None:
        with _CACHE_LOCK:
            found = cache.get(key)
            if found is None:
                found = void_graph(store, base, host)
                for old in [k for k in cache if k[0] != version]:
                    del cache[old]
                cache[key] = found
    return found
