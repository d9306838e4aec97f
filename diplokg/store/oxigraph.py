"""The embedded store: pyoxigraph's RocksDB store behind the ``Store`` interface.

Queries see the union of the named graphs as their default graph. pyoxigraph 0.5's own
union (``use_default_graph_as_union``, or several ``default_graph``s) is a bag: a triple
held by two article graphs (``actor a dkg:Person``) matches twice and COUNTs double
(oxigraph issue #1919). So the store keeps the union *materialised* in its default graph,
as a set: every write of a named graph updates it in the same transaction (a triple leaves
the union only when no other named graph still holds it). Exports and ``graphs()`` show
only the named graphs; the default graph is this derived index.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from diplokg.errors import BadInput, QuerySyntaxError, StoreError, StoreMissing, UsageError
from diplokg.iris import PREFIXES, Iris
from diplokg.sparql_errors import explain
from diplokg.store.base import DATASET_FORMATS, QueryResult, Store, StoreStats, Triple
from diplokg.store.layout import Layout, Lease, WriterLock, take_lease
from diplokg.store.results import OxQueryResult
from diplokg.store.terms import to_ox, to_rdflib

log = logging.getLogger(__name__)

_EXPORT_FORMATS = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
_QUAD_FORMATS = ("trig", "nquads", "jsonld")
_PREFIXED_FORMATS = ("trig", "turtle")
EXPORT_PREFIXES = {**PREFIXES, "wd": "http://www.wikidata.org/entity/"}
# Remove graph <G>: first its triples from the union (default graph) unless another named
# graph holds them too, then the graph itself.
_REMOVE_FROM_UNION = (
    "DELETE { ?s ?p ?o } WHERE { GRAPH <G> { ?s ?p ?o } "
    "FILTER NOT EXISTS { GRAPH ?other { ?s ?p ?o } FILTER(?other != <G>) } } ;\n"
    "DROP SILENT GRAPH <G>"
)
UNION_FORMAT = "default graph = set union of the named graphs"
_REBUILD_UNION = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
_COUNT_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
_COUNT_CLASSES = (
    "SELECT ?ontology ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?c } FILTER(?g != ?ontology) } "
    "GROUP BY ?ontology ?c ORDER BY DESC(?n) ?c"
)


def _lines(triples: Iterable[tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, object]]) -> str:
    return "".join(f"{s} {p} {o} .\n" for s, p, o in triples)


def _held_elsewhere(db: ox.Store, triple: tuple, graphs: Iterable[ox.NamedNode]) -> bool:
    """Whether a named graph other than ``graphs`` holds the triple."""
    excluded = set(graphs)
    for quad in db.quads_for_pattern(*triple, None):
        if not isinstance(quad.graph_name, ox.DefaultGraph) and quad.graph_name not in excluded:
            return True
    return False


def _named_quads(db: ox.Store, replaced: dict[ox.NamedNode, list[tuple]]) -> Iterator[ox.Quad]:
    """The quads of the named graphs, with the replaced graphs' given content instead."""
    for quad in db.quads_for_pattern(None, None, None, None):
        if not isinstance(quad.graph_name, ox.DefaultGraph) and quad.graph_name not in replaced:
            yield quad
    for graph, triples in replaced.items():
        for s, p, o in triples:
            yield ox.Quad(s, p, o, graph)


def _union_triples(db: ox.Store, replaced: dict[ox.NamedNode, list[tuple]]) -> Iterator[ox.Triple]:
    """The union of the named graphs with the replaced graphs' given content instead.

    A triple of a replaced graph leaves the union unless another named graph holds it.
    """
    stored = {(q.subject, q.predicate, q.object) for g in replaced for q in db.quads_for_pattern(None, None, None, g)}
    given = {t for triples in replaced.values() for t in triples}
    for quad in db.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        triple = (quad.subject, quad.predicate, quad.object)
        if triple in stored and triple not in given and not _held_elsewhere(db, triple, replaced.keys()):
            continue
        yield ox.Triple(*triple)
    for triple in given:
        if ox.Quad(*triple, ox.DefaultGraph()) not in db:
            yield ox.Triple(*triple)


def _has_blank(triples: Iterable[tuple]) -> bool:
    return any(isinstance(t, ox.BlankNode) for triple in triples for t in triple)


def _open_engine(path: Path, *, read_only: bool) -> ox.Store:
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as exc:
        raise StoreError(f"cannot open the store at {path}: {exc}") from None


class OxigraphStore(Store):
    """A pyoxigraph store; read-write on ``primary`` for the one writer, or any engine store.

    A writer publishes snapshots for readers with :meth:`publish` (also done on close
    when anything changed).
    """

    def __init__(self, engine: ox.Store, iris: Iris, *, layout: Layout | None = None,
                 lock: WriterLock | None = None) -> None:
        self._engine = engine
        self.iris = iris
        self._layout = layout
        self._lock = lock
        self._dirty = layout is not None and layout.unpublished.exists()

    def _changed(self) -> None:
        """Note, before writing, that primary will differ from the published snapshot."""
        if not self._dirty and self._layout is not None:
            self._layout.unpublished.touch()
        self._dirty = True

    # The engine store to use now; readers of snapshots override this to reopen.
    def _db(self) -> ox.Store:
        if self._engine is None:
            raise StoreError("the store is closed")
        return self._engine

    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> None:
        """Replace the whole content of a named graph in one SPARQL update (one transaction).

        See :meth:`replace_graphs`, of which this is the one-graph case.
        """
        self.replace_graphs({graph: triples})

    def replace_graphs(self, graphs: Mapping[str, Iterable[Triple] | None]) -> None:
        """Replace (or, for ``None``, remove) several named graphs in one SPARQL update.

        The same update keeps the default graph equal to the set union of the named graphs
        (see the module docstring). The writer holds the store's lock, so what it reads
        before the update cannot change under it: unchanged graphs are not rewritten, and
        only the triples leaving these graphs and held by no other graph (nor by the new
        content of these graphs) leave the union. Terms are written by the engine's own
        N-Triples rendering of term objects, so no text is pasted into the update.
        """
        db = self._db()
        changes: dict[ox.NamedNode, tuple[set, set]] = {}
        for graph, triples in graphs.items():
            g = ox.NamedNode(graph)
            new = set() if triples is None else {(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples}
            old = {(q.subject, q.predicate, q.object) for q in db.quads_for_pattern(None, None, None, g)}
            if new == old and not _has_blank(new) and (triples is not None or not db.contains_named_graph(g)):
                continue
            changes[g] = (old, new)
        if not changes:
            return
        if not any(old for old, _ in changes.values()) and not any(_has_blank(new) for _, new in changes.values()):
            # only new graphs (most writes of an ingest): their quads and the union's added in
            # one transaction by the engine's own insert, without an update text to parse
            quads = [ox.Quad(s, p, o, g) for g, (_, new) in changes.items() for s, p, o in new]
            union = ox.DefaultGraph()
            quads += [ox.Quad(s, p, o, union) for s, p, o in set().union(*(new for _, new in changes.values()))]
            self._changed()
            try:
                db.extend(quads)
            except OSError as exc:
                names = ", ".join(sorted(g.value for g in changes))
                raise StoreError(f"cannot write graph {names}: {_reason(exc)}") from None
            return
        parts: list[str] = []
        kept = set().union(*(new for _, new in changes.values()))
        removed = set().union(*(old - new for old, new in changes.values())) - kept
        if _has_blank(removed):
            parts += [_REMOVE_FROM_UNION.replace("<G>", str(g)) for g in changes]
        else:
            gone = [t for t in removed if not _held_elsewhere(db, t, changes.keys())]
            if gone:
                parts.append(f"DELETE DATA {{ {_lines(gone)} }}")
            parts += [f"DROP SILENT GRAPH {g}" for g in changes]
        inserts = [f"GRAPH {g} {{\n{_lines(new)}\n}}" for g, (_, new) in changes.items() if new]
        if inserts:
            union_new = set().union(*(new - old for old, new in changes.values())) if not _has_blank(removed) else kept
            parts.append("INSERT DATA {\n" + "\n".join(inserts) + "\n" + _lines(union_new) + "\n}")
        self._changed()
        try:
            db.update(" ;\n".join(parts))
        except OSError as exc:
            names = ", ".join(sorted(g.value for g in changes))
            raise StoreError(f"cannot write graph {names}: {_reason(exc)}") from None

    def remove_graph(self, graph: str) -> None:
        """Remove a named graph and its triples (and from the union, those no other graph has)."""
        db = self._db()
        self._changed()
        db.update(_REMOVE_FROM_UNION.replace("<G>", str(ox.NamedNode(graph))))

    def graphs(self) -> list[str]:
        """The IRIs of the named graphs, sorted."""
        return sorted(g.value for g in self._db().named_graphs() if isinstance(g, ox.NamedNode))

    def has_graph(self, graph: str) -> bool:
        """Whether the named graph exists."""
        return self._db().contains_named_graph(ox.NamedNode(graph))

    def graph_triples(self, graph: str) -> Iterator[Triple]:
        """The triples of one named graph, as rdflib terms."""
        for q in self._db().quads_for_pattern(None, None, None, ox.NamedNode(graph)):
            yield (to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object))  # type: ignore[misc]

    def query(self, sparql: str, *, default_graphs: list[str] | None = None,
              named_graphs: list[str] | None = None, base_iri: str | None = None) -> QueryResult:
        """Run a read-only query; the default graph is the union unless ``default_graphs``;
        relative IRIs resolve against ``base_iri``."""
        db = self._db()
        kwargs: dict = {}
        if base_iri is not None:
            kwargs["base_iri"] = base_iri
        if default_graphs is not None:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        # Otherwise the store's default graph (the materialised union), or the query's FROM.
        if named_graphs is not None:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        try:
            raw = db.query(sparql, prefixes=PREFIXES, **kwargs)
        except (SyntaxError, ValueError) as exc:
            raise QuerySyntaxError(explain(sparql, str(exc), has_base=base_iri is not None)) from None
        return OxQueryResult(raw, keep=db)

    def query_bound(self, sparql: str, bindings: dict[str, object]) -> QueryResult:
        """Run a query with variables bound to rdflib terms (never pasted into the text).

        The engine substitutes only variables of the SELECT projection: project them.
        """
        subs = {ox.Variable(name): to_ox(term) for name, term in bindings.items()}  # type: ignore[arg-type]
        db = self._db()
        try:
            raw = db.query(sparql, substitutions=subs)
        except SyntaxError as exc:
            raise QuerySyntaxError(str(exc)) from None
        return OxQueryResult(raw, keep=db)

    def export(self, out: BinaryIO, fmt: str, *, replace: Mapping[str, Iterable[Triple]] | None = None) -> None:
        """Stream the store, serialized by the engine (see :meth:`Store.export`)."""
        if fmt not in DATASET_FORMATS:
            raise UsageError(f"unknown export format {fmt!r} (one of {', '.join(DATASET_FORMATS)})")
        db = self._db()
        # given content in a stable order, so that two exports of one store are the same bytes
        replaced = {ox.NamedNode(g): sorted(((to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples), key=str)
                    for g, triples in (replace or {}).items()}
        kwargs = {"format": _EXPORT_FORMATS[fmt]}
        if fmt in _PREFIXED_FORMATS:
            kwargs["prefixes"] = EXPORT_PREFIXES
        if fmt in _QUAD_FORMATS:
            ox.serialize(_named_quads(db, replaced), out, **kwargs)
        elif not replaced:
            db.dump(out, from_graph=ox.DefaultGraph(), **kwargs)
        else:
            ox.serialize(_union_triples(db, replaced), out, **kwargs)

    def load(self, source: BinaryIO | bytes, fmt: str, graph: str | None = None) -> None:
        """Add RDF in one of DATASET_FORMATS (triple formats go into ``graph``), in one transaction."""
        if fmt not in DATASET_FORMATS:
            raise UsageError(f"unknown RDF format {fmt!r} (one of {', '.join(DATASET_FORMATS)})")
        kwargs: dict = {"format": _EXPORT_FORMATS[fmt]}
        if fmt not in _QUAD_FORMATS:
            if graph is None:
                raise UsageError(f"{fmt} has no named graphs: say which graph to load it into")
            kwargs["to_graph"] = ox.NamedNode(graph)
        db = self._db()
        self._changed()
        staging = ox.Store()
        try:
            staging.load(source, **kwargs)
        except SyntaxError as exc:
            raise BadInput(f"cannot parse {fmt}: {exc}") from None
        quads = [q for q in staging if not isinstance(q.graph_name, ox.DefaultGraph)]
        db.extend(quads + [ox.Quad(q.subject, q.predicate, q.object) for q in quads])

    def stats(self) -> StoreStats:
        """Articles (article graphs), triples (quads in named graphs) and instances per class."""
        db = self._db()
        prefix = self.iris.article_graph_prefix
        articles = sum(1 for g in db.named_graphs() if isinstance(g, ox.NamedNode) and g.value.startswith(prefix))
        triples = int(next(iter(db.query(_COUNT_TRIPLES)))["n"].value)
        classes = {}
        subs = {ox.Variable("ontology"): ox.NamedNode(self.iris.ontology_graph)}
        for row in db.query(_COUNT_CLASSES, substitutions=subs):
            if isinstance(row["c"], ox.NamedNode):
                classes[row["c"].value] = int(row["n"].value)
        return StoreStats(articles=articles, triples=triples, classes=classes)

    def publish(self) -> Path | None:
        """Publish the primary as a new read-only snapshot and point CURRENT at it."""
        if self._layout is None or self._lock is None:
            raise StoreError("only the writer of a store directory can publish snapshots")
        db = self._db()
        target = self._layout.next_generation()
        partial = target.with_name(target.name + ".partial")
        try:
            db.flush()
            db.backup(str(partial))
            os.rename(partial, target)
            self._layout.create_lease(target)
            self._layout.point_to(target)
        except OSError as exc:
            shutil.rmtree(partial, ignore_errors=True)
            raise StoreError(f"cannot publish a snapshot of {self._layout.root}: {_reason(exc)}") from None
        self._layout.unpublished.unlink(missing_ok=True)
        self._dirty = False
        removed = self._layout.prune()
        log.debug("published %s (removed %d old snapshots)", target.name, len(removed))
        return target

    def close(self) -> None:
        """Publish pending changes (writer), then release the database and the lock."""
        if self._engine is None:
            return
        try:
            if self._dirty and self._lock is not None:
                self.publish()
        finally:
            self._engine = None
            if self._lock is not None:
                self._lock.release()
                self._lock = None


def _reason(exc: OSError) -> str:
    """One line for an OS error; a full disk says so plainly."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if getattr(exc, "errno", None) == errno.ENOSPC or "No space left" in text:
        return f"the disk is full ({text})"
    return text


# how long a reader keeps the snapshot it read before switching to a newer one
RETIRED_LEASE_SECONDS = 60.0


class SnapshotStore(OxigraphStore):
    """A reader of the newest published snapshot; reopens when CURRENT changes.

    Before the first publication it answers from an empty in-memory store. It holds a lease
    on the snapshot it reads, and for a minute after switching on the one before (queries
    begun before the switch may still read it), so the writer deletes neither meanwhile.
    """

    def __init__(self, layout: Layout, iris: Iris) -> None:
        self._guard = threading.Lock()
        self._stamp: tuple[int, int] | None = None
        self._opened = False
        self._version: str | None = None
        self._lease: Lease | None = None
        self._retired: list[tuple[float, Lease]] = []  # (release after, lease)
        super().__init__(ox.Store(), iris)
        self._snapshot_layout = layout
        self._closed = False
        self._refresh()

    def _refresh(self) -> None:
        layout = self._snapshot_layout
        if self._retired and self._retired[0][0] <= time.monotonic():
            self._release_retired()
        stamp = layout.pointer_stamp()
        if stamp == self._stamp and self._opened:
            return
        with self._guard:
            stamp = layout.pointer_stamp()
            if stamp == self._stamp and self._opened:
                return
            snapshot, lease = take_lease(layout)
            try:
                self._engine = ox.Store() if snapshot is None else _open_engine(snapshot, read_only=True)
            except BaseException:
                if lease is not None:
                    lease.release()
                raise
            if self._lease is not None:
                self._retired.append((time.monotonic() + RETIRED_LEASE_SECONDS, self._lease))
            self._lease = lease
            self._version = None if snapshot is None else f"{layout.root.resolve()}:{snapshot.name}"
            self._stamp = stamp
            self._opened = True
            log.debug("reading snapshot %s", snapshot)

    def _db(self) -> ox.Store:
        if self._closed:
            raise StoreError("the store is closed")
        self._refresh()
        return self._engine

    def version(self) -> str | None:
        """The published snapshot being read (None before the first publication)."""
        self._db()
        return self._version

    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> None:
        """Refused: snapshots are read-only."""
        raise StoreError("the store is open read-only")

    def remove_graph(self, graph: str) -> None:
        """Refused: snapshots are read-only."""
        raise StoreError("the store is open read-only")

    def replace_graphs(self, graphs: Mapping[str, Iterable[Triple] | None]) -> None:
        """Refused: snapshots are read-only."""
        raise StoreError("the store is open read-only")

    def load(self, source: BinaryIO | bytes, fmt: str, graph: str | None = None) -> None:
        """Refused: snapshots are read-only."""
        raise StoreError("the store is open read-only")

    def close(self) -> None:
        """Release the snapshot (and the leases)."""
        self._closed = True
        self._engine = None
        with self._guard:
            for _, lease in self._retired:
                lease.release()
            self._retired = []
            if self._lease is not None:
                self._lease.release()
                self._lease = None

    def _release_retired(self) -> None:
        with self._guard:
            now = time.monotonic()
            while self._retired and self._retired[0][0] <= now:
                self._retired.pop(0)[1].release()


def open_oxigraph(root: str | os.PathLike[str], iris: Iris, *, writable: bool) -> OxigraphStore:
    """Open the store directory: the writer takes the lock and the primary; readers a snapshot.

    Only a writer creates a store: readers of a directory that holds none get StoreMissing.
    """
    layout = Layout(root)
    if not writable:
        if not layout.exists():
            raise StoreMissing(str(root))
        return SnapshotStore(layout, iris)
    lock = WriterLock(layout)
    try:
        engine = _open_engine(layout.primary, read_only=False)
        store = OxigraphStore(engine, iris, layout=layout, lock=lock)
        if not layout.format_file.exists():
            store._changed()
            engine.update(_REBUILD_UNION)  # a store written before the union was materialised
            layout.format_file.write_text(UNION_FORMAT + "\n", encoding="ascii")
    except BaseException:
        lock.release()
        raise
    return store
