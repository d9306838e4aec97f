"""The SPARQL 1.1 service description of the endpoint, as an rdflib graph."""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from server.negotiate import formats

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS_NS = Namespace("http://www.w3.org/ns/formats/")

# W3C format IRIs (http://www.w3.org/ns/formats/) of the media types the endpoint writes.
_W3C_FORMAT = {
    "application/sparql-results+json": "SPARQL_Results_JSON",
    "application/sparql-results+xml": "SPARQL_Results_XML",
    "text/csv": "SPARQL_Results_CSV",
    "text/tab-separated-values": "SPARQL_Results_TSV",
    "text/turtle": "Turtle",
    "application/n-triples": "N-Triples",
    "application/ld+json": "JSON-LD",
    "application/rdf+xml": "RDF_XML",
    "application/n-quads": "N-Quads",
    "application/trig": "TriG",
}


def service_description(endpoint: str) -> Graph:
    """The service description of the endpoint at URL ``endpoint``."""
    graph = Graph()
    graph.bind("sd", SD)
    graph.bind("formats", FORMATS_NS)
    service = URIRef(endpoint + "#service")
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, URIRef(endpoint)))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    for fmt in (*formats("results"), *formats("graph")):
        graph.add((service, SD.resultFormat, FORMATS_NS[_W3C_FORMAT[fmt.media_type]]))
    dataset = BNode()
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    default_graph = BNode()
    graph.add((dataset, SD.defaultGraph, default_graph))
    graph.add((default_graph, RDF.type, SD.Graph))
    graph.add((service, URIRef("http://www.w3.org/2000/01/rdf-schema#comment"),
               Literal("Read-only SPARQL 1.1 query endpoint of diplokg; the default graph is the union of all graphs.")))
    return graph


def serialize(graph: Graph, rdflib_format: str) -> bytes:
    """A graph in an rdflib format; N-Quads of a lone default graph are its N-Triples lines."""
    return graph.serialize(format="nt" if rdflib_format == "nquads" else rdflib_format, encoding="utf-8")
