"""Moving the shipped RDF (ontology, issue scheme, shapes, cookbook) onto the configured base.

The files in ``ontology/`` and ``shapes/`` are written with the default base
``https://w3id.org/diplokg/``: issues are ``https://w3id.org/diplokg/id/issue/{key}``, the
shapes' IRI patterns start with ``^https://w3id\\.org/diplokg/id/``. A dataset minted under
another base (``--base``, ``DIPLOKG_BASE``) loads them through these functions, which
rewrite every IRI under the default base, and the patterns and messages that spell it, onto
the configured base. The ontology's own terms (``https://w3id.org/diplokg/ontology#...``,
the ontology document and its versions) and the shapes' namespace stay where they are: they
are the vocabulary, not the data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from diplokg.iris import DEFAULT_BASE

# IRIs under the default base that name the vocabulary, not instances: never moved.
_FIXED = (DEFAULT_BASE + "ontology", DEFAULT_BASE + "shapes")
_PATTERN_BASE = re.escape(DEFAULT_BASE)  # the default base as sh:pattern spells it: https://w3id\.org/diplokg/


def normal_base(base: str) -> str:
    """The base with its final slash."""
    return base if base.endswith("/") else base + "/"


def is_default(base: str) -> bool:
    """Whether ``base`` is the default base (nothing to rewrite)."""
    return normal_base(base) == DEFAULT_BASE


def rebase_iri(iri: str, base: str) -> str:
    """An IRI under the default base moved onto ``base`` (vocabulary IRIs stay).

    >>> rebase_iri("https://w3id.org/diplokg/id/issue/china", "http://127.0.0.1:5001/")
    'http://127.0.0.1:5001/id/issue/china'
    >>> rebase_iri("https://w3id.org/diplokg/ontology#Issue", "http://127.0.0.1:5001/")
    'https://w3id.org/diplokg/ontology#Issue'
    """
    if iri.startswith(DEFAULT_BASE) and not iri.startswith(_FIXED):
        return normal_base(base) + iri[len(DEFAULT_BASE):]
    return iri


def rebase_term(term: Node, base: str) -> Node:
    """An rdflib term with its IRI moved onto ``base``; other terms unchanged."""
    if isinstance(term, URIRef):
        moved = rebase_iri(str(term), base)
        return term if moved == str(term) else URIRef(moved)
    return term


def rebase_triples(triples: Iterable[tuple[Node, Node, Node]], base: str) -> Iterable[tuple[Node, Node, Node]]:
    """The triples with every IRI under the default base moved onto ``base``."""
    if is_default(base):
        yield from triples
        return
    for s, p, o in triples:
        yield rebase_term(s, base), rebase_term(p, base), rebase_term(o, base)


def rebase_graph(graph: Graph, base: str) -> Graph:
    """A graph moved onto ``base`` (the same graph when ``base`` is the default)."""
    if is_default(base):
        return graph
    moved = Graph()
    for prefix, namespace in graph.namespaces():
        moved.bind(prefix, URIRef(rebase_iri(str(namespace), base)), override=True, replace=True)
    for triple in rebase_triples(graph, base):
        moved.add(triple)
    return moved


def rebase_text(text: str, base: str) -> str:
    """A message or a regular expression that names the default base, rewritten for ``base``.

    Regular expressions spell the base with an escaped dot (``https://w3id\\.org/diplokg/``);
    both spellings are rewritten, the escaped one with the new base escaped.

    >>> rebase_text("^https://w3id\\\\.org/diplokg/id/actor/[^/#?]+$", "http://a.b:1/kg/")
    '^http://a\\\\.b:1/kg/id/actor/[^/#?]+$'
    >>> rebase_text("must be https://w3id.org/diplokg/id/actor/{key}", "http://a.b:1/kg/")
    'must be http://a.b:1/kg/id/actor/{key}'
    """
    if is_default(base):
        return text
    base = normal_base(base)
    text = text.replace(_PATTERN_BASE, re.escape(base))
    fixed = {f: f"\x00{i}\x00" for i, f in enumerate(_FIXED)}
    for iri, mark in fixed.items():
        text = text.replace(iri, mark)
    text = text.replace(DEFAULT_BASE, base)
    for iri, mark in fixed.items():
        text = text.replace(mark, iri)
    return text


def rebase_shapes(shapes: Graph, base: str) -> Graph:
    """Shapes moved onto ``base``: IRIs, and the literals (patterns, messages) that spell the base."""
    if is_default(base):
        return shapes
    moved = Graph()
    for prefix, namespace in shapes.namespaces():
        moved.bind(prefix, namespace, override=True, replace=True)
    for s, p, o in rebase_triples(shapes, base):
        if isinstance(o, Literal) and isinstance(o.value, str):
            text = rebase_text(str(o), base)
            if text != str(o):
                o = Literal(text, lang=o.language, datatype=o.datatype)
        moved.add((s, p, o))
    return moved


def asserted_ontology(base: str) -> Graph:
    """The ontology and the issue scheme as their files state them (no reasoning), on ``base``:
    what the dumps publish as the ontology graph. Blank nodes get canonical labels, so that
    two dumps of the same store are the same bytes."""
    from rdflib.compare import to_canonical_graph

    from diplokg.resources import ISSUES_FILE, ONTOLOGY_FILE

    graph = Graph()
    for path in (ONTOLOGY_FILE, ISSUES_FILE):
        graph.parse(path, format="turtle")
    canonical = Graph()
    for prefix, namespace in graph.namespaces():
        canonical.bind(prefix, namespace, override=True, replace=True)
    for triple in to_canonical_graph(rebase_graph(graph, base)):
        canonical.add(triple)
    return canonical
