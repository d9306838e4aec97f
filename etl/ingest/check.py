"""Validation of a stored dataset: every article graph against the shapes.

A stored article graph holds the asserted triples and what OWL 2 RL inferred from them.
The shapes describe our own resources, so the triples inferred onto the Wikidata IRIs an
actor is ``owl:sameAs`` (eq-rep copies: ``wd:Q… rdfs:label …``, a statement with the
Wikidata IRI as a second ``dkg:speaker``) are set aside before validating: the triples
kept are those whose subject lies in the dataset's base namespace and whose object is
not such an alias (the ``owl:sameAs`` links themselves are kept).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from rdflib import Graph
from rdflib.namespace import OWL
from rdflib.term import Node

from diplokg.iris import Iris
from diplokg.store.base import Store
from etl.validate import Report, validate_graph

log = logging.getLogger(__name__)


def validation_view(triples: Iterable[tuple[Node, Node, Node]], base: str) -> Graph:
    """The part of a stored article graph the shapes apply to (see the module docstring)."""
    triples = list(triples)
    aliases = {o for s, p, o in triples
               if p == OWL.sameAs and str(s).startswith(base) and not str(o).startswith(base)}
    graph = Graph()
    for s, p, o in triples:
        if str(s).startswith(base) and (p == OWL.sameAs or o not in aliases):
            graph.add((s, p, o))
    return graph


def validate_store(store: Store, iris: Iris) -> Iterator[tuple[str, int, Report]]:
    """(graph IRI, stored triples, report) for every article graph, in IRI order."""
    prefix = iris.article_graph_prefix
    for graph in store.graphs():
        if not graph.startswith(prefix):
            continue
        triples = list(store.graph_triples(graph))
        yield graph, len(triples), validate_graph(validation_view(triples, iris.base), iris.base)
