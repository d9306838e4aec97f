"""Query results of pyoxigraph behind the engine-neutral ``QueryResult`` interface."""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator
from typing import Any

import pyoxigraph as ox
from rdflib.term import Node

from diplokg.errors import NotAcceptable
from diplokg.store.base import GRAPH_MEDIA_TYPES, RESULT_MEDIA_TYPES, QueryResult, Triple
from diplokg.store.terms import to_rdflib


def _results_format(media_type: str) -> ox.QueryResultsFormat:
    if media_type not in RESULT_MEDIA_TYPES:
        raise NotAcceptable(f"query results cannot be written as {media_type}")
    return ox.QueryResultsFormat.from_media_type(media_type)


def _graph_format(media_type: str) -> ox.RdfFormat:
    if media_type not in GRAPH_MEDIA_TYPES:
        raise NotAcceptable(f"a graph cannot be written as {media_type}")
    return ox.RdfFormat.from_media_type(media_type)


class OxQueryResult(QueryResult):
    """One pyoxigraph result (solutions, boolean or triples); single pass."""

    def __init__(self, raw: Any, keep: Any = None) -> None:
        self._raw = raw
        self._keep = keep  # the engine store, kept alive while the result is read
        if isinstance(raw, ox.QuerySolutions):
            self.form = "select"
            self.variables = [v.value for v in raw.variables]
        elif isinstance(raw, ox.QueryBoolean):
            self.form = "ask"
            self.variables = []
        else:
            self.form = "graph"
            self.variables = ["subject", "predicate", "object"]

    def boolean(self) -> bool:
        """The answer of an ASK query."""
        if self.form != "ask":
            raise TypeError(f"a {self.form} result has no boolean")
        return bool(self._raw)

    def rows(self) -> Iterator[tuple[Node | None, ...]]:
        """SELECT solutions as tuples of rdflib terms (None for unbound)."""
        if self.form != "select":
            raise TypeError(f"a {self.form} result has no rows")
        names = self.variables
        for solution in self._raw:
            yield tuple(to_rdflib(solution[name]) for name in names)

    def triples(self) -> Iterator[Triple]:
        """CONSTRUCT/DESCRIBE triples as rdflib terms."""
        if self.form != "graph":
            raise TypeError(f"a {self.form} result has no triples")
        for t in self._raw:
            yield (to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object))  # type: ignore[misc]

    def serialize(self, media_type: str, limit: int | None = None) -> tuple[bytes, bool]:
        """Serialize natively; returns the bytes and whether ``limit`` cut the result."""
        if self.form == "ask":
            return self._raw.serialize(format=_results_format(media_type)), False
        if self.form == "graph":
            fmt = _graph_format(media_type)
            triples = self._raw if limit is None else itertools.islice(self._raw, limit + 1)
            kept = list(triples)
            truncated = limit is not None and len(kept) > limit
            if truncated:
                kept = kept[:limit]
            return ox.serialize(kept, format=fmt), truncated
        fmt = _results_format(media_type)
        if limit is None:
            return self._raw.serialize(format=fmt), False
        return _serialize_solutions(self._raw, self.variables, fmt, limit)

    def write(self, out: io.RawIOBase | Any, media_type: str) -> None:
        """Stream the whole result into a binary file, natively."""
        if self.form == "graph":
            self._raw.serialize(out, format=_graph_format(media_type))
        else:
            self._raw.serialize(out, format=_results_format(media_type))


class _Full(Exception):
    """Raised into the engine's serializer to stop it once enough lines are written."""


class _LineCap(io.RawIOBase):
    """A binary sink that keeps what is written and stops the writer past ``lines`` lines."""

    def __init__(self, lines: int) -> None:
        super().__init__()
        self.lines = lines
        self.seen = 0
        self.parts: list[bytes] = []

    def writable(self) -> bool:
        """Always: this is a sink."""
        return True

    def write(self, data: Any) -> int:
        """Keep a chunk; raise _Full once more than ``lines`` lines have come."""
        chunk = bytes(data)
        self.parts.append(chunk)
        self.seen += chunk.count(b"\n")
        if self.seen > self.lines:
            raise _Full
        return len(chunk)


def _serialize_solutions(
    solutions: ox.QuerySolutions, names: list[str], fmt: ox.QueryResultsFormat, limit: int
) -> tuple[bytes, bool]:
    """The first ``limit`` solutions, serialized by the engine.

    The engine writes SPARQL TSV (one line per solution, after the header line) into a sink
    that stops it after ``limit`` solutions; the kept lines are parsed back by the engine
    and serialized in ``fmt``. No solution passes through Python objects.
    """
    sink = _LineCap(limit + 1)
    try:
        solutions.serialize(sink, format=ox.QueryResultsFormat.TSV)
        truncated = False
    except _Full:
        truncated = True
    tsv = b"".join(sink.parts)
    if truncated:
        tsv = b"\n".join(tsv.split(b"\n", limit + 1)[: limit + 1]) + b"\n"
    if fmt == ox.QueryResultsFormat.TSV and not truncated:
        return tsv, False
    parsed = ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV)
    return parsed.serialize(format=fmt), truncated
