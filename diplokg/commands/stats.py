"""``diplokg stats``: articles, triples and instances per class.

``triples`` counts every triple of every named graph: the article graphs (asserted and
inferred, what ``ingest`` reports as stored) plus the ontology graph (the ontology and the
issue scheme with their OWL RL closure); the two parts follow on their own lines.
"""

from __future__ import annotations

import argparse

from rdflib import URIRef

from diplokg.config import Config
from diplokg.iris import Iris
from diplokg.store import open_store

_GRAPH_SIZE = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def run(args: argparse.Namespace, config: Config) -> int:
    """Print the store's counts, one class per line (most instances first)."""
    iris = Iris(config.base)
    with open_store(config, writable=False) as store:
        stats = store.stats()
        rows = store.query_bound(_GRAPH_SIZE, {"g": URIRef(iris.ontology_graph)}).rows()
        ontology = int(next(rows)[1])
    print(f"articles\t{stats.articles}")
    print(f"triples\t{stats.triples}")
    print(f"triples in article graphs\t{stats.triples - ontology}")
    print(f"triples in the ontology graph\t{ontology}")
    for cls, count in stats.classes.items():
        print(f"{cls}\t{count}")
    return 0
