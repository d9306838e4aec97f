"""The Store interface: the few operations ingest, export and the server need.

Nothing outside ``diplokg.store`` may import pyoxigraph: results cross this boundary as
:class:`QueryResult` objects whose rows are rdflib terms, or as bytes already serialized
by the engine (the fast path of the SPARQL endpoint).
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, BinaryIO, Literal

from rdflib.term import Node

from diplokg.errors import DiplokgError

log = logging.getLogger(__name__)

Triple = tuple[Node, Node, Node]
QueryForm = Literal["select", "ask", "graph"]

# Media types the engine serializes natively, by result kind.
RESULT_MEDIA_TYPES = (
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
)
GRAPH_MEDIA_TYPES = (
    "text/turtle",
    "application/n-triples",
    "application/rdf+xml",
    "application/n-quads",
    "application/trig",
    "application/ld+json",
)
DATASET_FORMATS = ("trig", "nquads", "turtle", "ntriples", "jsonld")


class QueryResult(ABC):
    """The result of a SPARQL query; single pass, like the engine's own iterators."""

    form: QueryForm
    variables: list[str]

    @abstractmethod
    def boolean(self) -> bool:
        """The answer of an ASK query."""

    @abstractmethod
    def rows(self) -> Iterator[tuple[Node | None, ...]]:
        """SELECT solutions as tuples of rdflib terms (None for unbound), in ``variables`` order."""

    @abstractmethod
    def triples(self) -> Iterator[Triple]:
        """CONSTRUCT/DESCRIBE triples as rdflib terms."""

    @abstractmethod
    def serialize(self, media_type: str, limit: int | None = None) -> tuple[bytes, bool]:
        """Serialize natively into one of RESULT_MEDIA_TYPES or GRAPH_MEDIA_TYPES.

        Returns the bytes and whether the result was truncated at ``limit`` rows/triples.
        """


@dataclass(frozen=True)
class StoreStats:
    articles: int
    triples: int
    classes: dict[str, int]


class Store(ABC):
    """A quad store holding one named graph per article plus the ontology graph."""

    @abstractmethod
    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> None:
        """Replace the whole content of a named graph in one transaction."""

    @abstractmethod
    def remove_graph(self, graph: str) -> None:
        """Remove a named graph and its triples."""

    @abstractmethod
    def replace_graphs(self, graphs: Mapping[str, Iterable[Triple] | None]) -> None:
        """Replace several named graphs in one transaction; ``None`` removes that graph.

        Either every graph has its new content afterwards or none changed (an article
        graph and the graphs that depend on it are written together).
        """

    @abstractmethod
    def graphs(self) -> list[str]:
        """The IRIs of the named graphs."""

    @abstractmethod
    def graph_triples(self, graph: str) -> Iterator[Triple]:
        """The triples of one named graph, as rdflib terms."""

    @abstractmethod
    def query(
        self,
        sparql: str,
        *,
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
        base_iri: str | None = None,
    ) -> QueryResult:
        """Run a read-only SPARQL query. The default graph is the union of all graphs
        unless ``default_graphs`` names the graphs to merge. Relative IRIs in the query
        are resolved against ``base_iri`` (the query's own ``BASE`` wins); without one
        they are a syntax error.

        Raises ``QuerySyntaxError`` for a query that does not parse. Callers must have
        checked the query with ``diplokg.sparql_guard`` (no SERVICE, no update).
        """

    def query_bound(self, sparql: str, bindings: dict[str, Node]) -> QueryResult:
        """Run a read-only query over the union with variables bound to terms.

        The values never enter the query text. Bound variables must appear in the SELECT
        projection. Optional: implementations that cannot bind raise NotImplementedError.
        """
        raise NotImplementedError(f"{type(self).__name__} cannot bind query variables")

    @abstractmethod
    def export(self, out: BinaryIO, fmt: str, *, replace: Mapping[str, Iterable[Triple]] | None = None) -> None:
        """Stream the store into ``out`` in one of DATASET_FORMATS: trig, nquads and jsonld
        keep the named graphs, turtle and ntriples write their union. Prefixed formats
        declare ``diplokg.iris.PREFIXES``.

        ``replace`` gives the content to write for some named graphs instead of what the
        store holds (the dumps write the asserted ontology, not its stored OWL RL closure);
        the union formats then hold the union of the graphs as written.
        """

    @abstractmethod
    def stats(self) -> StoreStats:
        """Articles, triples and instances per class."""

    def version(self) -> str | None:
        """An identity of the content read now (a published snapshot), or None when the
        content may change under the reader. Readers cache derived data (VoID) per version."""
        return None

    def close(self) -> None:
        """Release the store."""

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, kind: Any, error: Any, trace: Any) -> None:
        if error is None:
            self.close()
            return
        try:  # an error is on its way out: closing must not hide it behind a second one
            self.close()
        except DiplokgError as second:
            log.debug("while closing the store after an error: %s", second)
