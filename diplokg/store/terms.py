"""Conversion of RDF terms between rdflib (the project's currency) and pyoxigraph."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal


def to_ox(term: Node) -> OxTerm:
    """The pyoxigraph term of an rdflib term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def to_rdflib(term: OxTerm | None) -> Node | None:
    """The rdflib term of a pyoxigraph term (plain literals for xsd:string)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype in (XSD_STRING, RDF_LANGSTRING):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"unsupported term: {term!r}")


def ox_quad(s: Node, p: Node, o: Node, graph: str) -> ox.Quad:
    """A pyoxigraph quad in the named graph ``graph`` from rdflib terms."""
    return ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.NamedNode(graph))


def serialize_triples(triples, media_type: str, graph: str | None = None,
                      prefixes: dict[str, str] | None = None) -> bytes:
    """rdflib triples serialized by the engine in an RDF media type; quad formats (N-Quads,
    TriG) put them in the named graph ``graph`` when given (else the default graph)."""
    fmt = ox.RdfFormat.from_media_type(media_type)
    if fmt is None:
        raise ValueError(f"not an RDF media type: {media_type}")
    if fmt.supports_datasets and graph is not None:
        name = ox.NamedNode(graph)
        items = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), name) for s, p, o in triples]
    else:
        items = [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples]
    kwargs = {"prefixes": prefixes} if prefixes and fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG,
                                                             ox.RdfFormat.RDF_XML) else {}
    return ox.serialize(items, format=fmt, **kwargs)
