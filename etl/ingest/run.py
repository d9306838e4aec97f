"""The ingest pipeline: article by article, extract → resolve → RDF → SHACL → OWL RL → store.

An article that fails to read, to extract or to validate is not stored; the run goes on
with the others and the summary names each one with its reason. Each accepted article
replaces its graph in one transaction, so a killed run leaves every article graph either
complete or absent. The writer publishes a snapshot for readers every few hundred
articles or seconds, and at the end.

Identity across articles (``etl.resolve`` for persons, then ``etl.events`` for meetings over
the resolved persons) is a function of the set of stored articles, not of their order: when
a new article changes who an earlier article's persons are (a family name it now resolves,
a spelling that changes a label) or which meeting an earlier report is one with, the
earlier article is derived again from its facts (kept for the run, else read back from its
stored graph, ``etl.to_rdf.facts_of_graph``) and written in the same transaction as the new
one.

The store's answers to identity's queries are kept across articles (``etl.answers``) until
a write touches their key, and the mapping to RDF done for meeting identity is the article's
graph too when its meetings stand as the article alone makes them.

With worker processes (``--jobs``) or a Dask cluster (``--cluster``), a worker also derives
each article *as if identity resolution changes nothing*: it maps the extracted facts with
each meeting standing alone, validates, withholds an unlicensed text and reasons
(:meth:`Deriver.alone`). The client still resolves in input order; when resolution returns
the very facts the worker derived from and the article's meetings are the ones the worker
assumed (no other report joins them), it stores the worker's triples (or rejects with the
worker's reason), which are then by construction the ones it would derive itself; otherwise
it derives the article itself. ``Summary.worker_used`` and ``Summary.worker_redone`` count
the two cases.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from diplokg.errors import DiplokgError, StoreError
from diplokg.iris import Iris
from diplokg.store.base import Store
from etl.answers import Answers
from etl.licenses import publishes_text
from etl.model import Article, ArticleFacts
from etl.reason import Reasoner, ontology_closure, ontology_hash
from etl.events import Canon, EventView, Report, canonical
from etl.family_index import FamilyIndex
from etl.resolve import View, dependents, records, resolve
from etl.to_rdf import REPORT_TRIPLES, facts_of_graph, facts_to_graph, reports_of_graph, withhold_text

if TYPE_CHECKING:
    from etl.validate import Report as ShapesReport

log = logging.getLogger(__name__)

PUBLISH_EVERY_ARTICLES = 500
PUBLISH_EVERY_SECONDS = 30.0
FIRST_VIOLATIONS = 3
KEPT_FACTS = 512  # articles whose extracted facts a run keeps (else read back from the store)
STAGES = ("read", "nlp", "extract", "resolve", "rdf", "shacl", "owl", "store")
DERIVE_STAGES = ("rdf", "shacl", "owl")

_ONTOLOGY_DIGEST = """
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?graph ?digest WHERE { GRAPH ?graph { ?graph dcterms:identifier ?digest } }
"""


@dataclass(frozen=True)
class Rejection:
    """An article not stored: where it came from and why (one line)."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass
class Summary:
    """What an ingest run did."""

    read: int = 0
    accepted: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    triples: int = 0
    rederived: int = 0
    worker_used: int = 0  # articles stored (or rejected) as a worker derived them
    worker_redone: int = 0  # articles a worker derived that the client derived again (identity changed them)
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    # graphs validated by each SHACL engine, in the client and in the workers (as they report)
    shacl_engines: dict[str, int] = field(default_factory=dict)
    worker_shacl_engines: dict[str, int] = field(default_factory=dict)
    # identity's store queries: asked of the store, answered from those kept (etl.answers),
    # graphs' parts of kept answers asked again after a write, and what is kept now
    # (answers, rows)
    identity_queries: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        """The one-line summary printed at the end."""
        return (f"{self.read} articles read, {self.accepted} accepted, {len(self.rejected)} rejected, "
                f"{self.triples} triples stored in their article graphs (asserted and inferred; "
                f"`diplokg stats` also counts the ontology graph), {self.seconds:.1f} s")

    def stages_line(self) -> str:
        """Seconds per stage (workers' seconds summed) and how the workers' derivations were used."""
        stages = ", ".join(f"{k} {v:.2f}" for k, v in self.stage_seconds.items())
        engines = ", ".join(f"{n} by {e}" for e, n in sorted(self.shacl_engines.items())) or "none"
        workers = ", ".join(f"{n} by {e}" for e, n in sorted(self.worker_shacl_engines.items())) or "none"
        q = self.identity_queries
        return (f"stage seconds: {stages}; worker derivations: {self.worker_used} used as derived, "
                f"{self.worker_redone} derived again in the client; graphs validated: {engines} in the client, "
                f"{workers} in the workers; identity queries: {q.get('asked', 0)} asked of the store, "
                f"{q.get('reused', 0)} answered from {q.get('kept', 0)} kept ({q.get('rows', 0)} rows), "
                f"{q.get('refreshed', 0)} written graphs' parts asked again, "
                f"{q.get('families', 0)} family names' records asked once")


@dataclass(frozen=True)
class Derived:
    """One article as a worker derived it, assuming identity resolution changes nothing: the
    meeting reports of its facts, each meeting's canon standing alone, and the triples to
    store (or the one-line reason it is rejected)."""

    reports: tuple[Report, ...]
    canons: dict[str, Canon]
    outcome: frozenset | str
    seconds: dict[str, float]  # rdf, shacl, owl
    shacl_engine: str | None = None  # the SHACL engine that validated it in the worker (None: not validated)


def _same_canons(a: dict[str, Canon], b: dict[str, Canon]) -> bool:
    """Equal in every field (``Canon.place_name`` is left out of Canon's own equality)."""
    return a.keys() == b.keys() and all(a[k] == b[k] and a[k].place_name == b[k].place_name for k in a)


class Deriver:
    """Map (with the meetings as their clusters settle them), validate, withhold an unlicensed
    text and reason: the triples of one article to store, or why it is rejected. The client
    and the workers derive with the same code, base IRI, settings and ontology closure."""

    def __init__(self, iris: Iris, reasoner: Reasoner, validate: Callable[[Graph], ShapesReport] | None = None,
                 to_graph: Callable[..., Graph] | None = None, publish_text: str = "licensed") -> None:
        if validate is None:
            from etl.validate import validate_graph

            def validate(graph: Graph) -> ShapesReport:
                return validate_graph(graph, iris.base)
        self.iris = iris
        self.reasoner = reasoner
        self.validate = validate
        self.to_graph = to_graph or facts_to_graph
        self.publish_text = publish_text
        self.last_engine: str | None = None  # the SHACL engine of the last validation

    def triples(self, facts: ArticleFacts, canons: dict[str, Canon] | None, stages: dict[str, float],
                mapped: tuple[Graph, list[Report]] | None = None) -> set | str:
        """The triples to store, or the rejection line; adds its seconds to ``stages``. The
        reasoner's :class:`etl.reason.Inconsistent` (a DiplokgError) propagates.

        ``mapped`` is ``facts_to_graph(facts)`` (no canons) and its reports, mapped already for
        meeting identity: used as the graph when ``canons`` make every meeting what the
        article alone makes it (:func:`_alone_canons`), for which the mapping is the same."""
        t = time.perf_counter()
        if mapped is not None and self.to_graph is facts_to_graph and _alone_canons(canons, mapped[1]):
            graph = mapped[0]
        else:
            graph = self.to_graph(facts, self.iris, canons) if canons else self.to_graph(facts, self.iris)
        t = _timed(stages, "rdf", t)
        self.last_engine = None
        report = self.validate(graph)
        self.last_engine = getattr(report, "engine", None)
        t = _timed(stages, "shacl", t)
        if not report.conforms:
            first = [v.line() for v in report.violations[:FIRST_VIOLATIONS]]
            more = len(report.violations) - len(first)
            return "violates the shapes: " + "; ".join(first) + (f" (and {more} more)" if more > 0 else "")
        if not publishes_text(facts.article.license, self.publish_text):
            withhold_text(graph, facts.article, self.iris)
        triples = self.reasoner.infer(graph)
        _timed(stages, "owl", t)
        return triples

    def alone(self, facts: ArticleFacts) -> Derived | None:
        """The article derived as if identity resolution changes nothing (its persons as
        extracted, each meeting alone); None if that fails unexpectedly (the client then
        derives it itself, and fails as a serial ingest would)."""
        seconds = dict.fromkeys(DERIVE_STAGES, 0.0)
        t = time.perf_counter()
        self.last_engine = None
        try:
            graph = facts_to_graph(facts, self.iris)
            reports = tuple(reports_of_graph(graph, self.iris))
            canons = {r.key: canonical([r]) for r in reports}
            _timed(seconds, "rdf", t)
            try:
                outcome: frozenset | str = self.triples(facts, canons, seconds, (graph, list(reports)))
            except DiplokgError as exc:  # Ingestor.add rejects with the same line
                outcome = str(exc)
            if not isinstance(outcome, str):
                outcome = frozenset(outcome)
        except Exception:  # noqa: BLE001 - the client derives the article itself
            log.debug("deriving %s on a worker failed", facts.article.origin or facts.article.id, exc_info=True)
            return None
        return Derived(reports, canons, outcome, seconds, self.last_engine)


def _alone_canons(canons: dict[str, Canon] | None, reports: list[Report]) -> bool:
    """Whether ``canons`` make each meeting of these reports (of a graph mapped without
    canons) what the graph makes it: the same key, label, date, mode and place (the place is
    one of the article's own, so its label is the article's), and no other meeting."""
    if not canons:
        return True
    own = {r.key: r.canon for r in reports}
    return canons.keys() <= own.keys() and all(canons[k] == own[k] for k in canons)


def _timed(stages: dict[str, float], stage: str, start: float) -> float:
    now = time.perf_counter()
    stages[stage] += now - start
    return now


def ensure_ontology(store: Store, iris: Iris) -> Reasoner:
    """Load the ontology closure into the ontology graph if missing or changed; its reasoner.

    The graph carries the SHA-256 of the ontology files (``<graph> dcterms:identifier``), so
    owlrl's closure of the ontology is computed once per ontology version, not per run.
    """
    digest = Literal("sha256:" + ontology_hash(base=iris.base))
    graph = URIRef(iris.ontology_graph)
    stored = {row[1] for row in store.query_bound(_ONTOLOGY_DIGEST, {"graph": graph}).rows()}
    marker = (graph, DCTERMS.identifier, digest)
    if stored == {digest}:
        closure = {t for t in store.graph_triples(iris.ontology_graph) if t != marker}
        log.debug("ontology graph is current (%d triples)", len(closure))
        return Reasoner(closure, base=iris.base)
    log.info("loading the ontology closure into %s", iris.ontology_graph)
    closure = ontology_closure(base=iris.base)
    store.replace_graph(iris.ontology_graph, [*closure, marker])
    return Reasoner(closure, base=iris.base)


class Ingestor:
    """Stores extracted articles into one store, one transaction per article."""

    def __init__(self, store: Store, iris: Iris, reasoner: Reasoner | None = None,
                 validate: Callable[[Graph], ShapesReport] | None = None,
                 to_graph: Callable[[ArticleFacts, Iris], Graph] | None = None,
                 publish_text: str = "licensed") -> None:
        self.store = store
        self.iris = iris
        self.reasoner = reasoner or ensure_ontology(store, iris)
        self.deriver = Deriver(iris, self.reasoner, validate, to_graph, publish_text)
        self.publish_text = publish_text
        # a worker's derivation stands for the client's only when both derive the same way
        self.takes_derived = validate is None and to_graph is None
        self.summary = Summary()
        self._last_publish = time.monotonic()
        self._since_publish = 0
        self._kept: OrderedDict[str, ArticleFacts] = OrderedDict()
        # the store's answers to identity's queries, kept across articles until a write
        # touches them (etl.answers); this ingest is the store's one writer
        self.answers = Answers()
        # the stored records of each family name, asked once and kept by this run's writes
        # (etl.family_index)
        self.families = FamilyIndex()

    def timed(self, stage: str, start: float) -> float:
        """Add the time since ``start`` to a stage; returns now."""
        return _timed(self.summary.stage_seconds, stage, start)

    def reject(self, origin: str, reason: str) -> None:
        """Count an article that is not stored."""
        self.summary.rejected.append(Rejection(origin, reason))
        log.debug("rejected %s: %s", origin, reason)

    def add(self, facts: ArticleFacts, derived: Derived | None = None) -> bool:
        """Resolve, map, validate, reason and store one article (and the stored articles whose
        persons it changes, in the same transaction); False when it is rejected.

        ``derived`` is a worker's derivation of these facts (:meth:`Deriver.alone`): used as
        it is when resolution returns these very facts and the article's meetings stand alone."""
        if derived is not None and derived.shacl_engine is not None:
            counts = self.summary.worker_shacl_engines
            counts[derived.shacl_engine] = counts.get(derived.shacl_engine, 0) + 1
        if not self.takes_derived:
            derived = None
        origin = facts.article.origin or facts.article.id
        t = time.perf_counter()
        try:
            graph = self.iris.article_graph(facts.article.id)
            view = View(self.store, self.iris, self.answers, self.families)
            old = view.graph_records(graph)
            new = records(facts, self.iris)
            view.add(graph, new)
            resolved = resolve(facts, view, self.iris, old)
            # resolve returns its argument itself, untouched, when no person changes
            unchanged = derived is not None and resolved is facts
            again = dependents(view, graph, old, new)
            t = self.timed("resolve", t)
            # persons first: the article and the stored articles whose persons it changes
            todo: dict[str, ArticleFacts] = {graph: resolved}
            for other in sorted(again):
                facts_again = self._resolved_again(other, view)
                if facts_again is not None:
                    todo[other] = facts_again
            # then meetings, over resolved persons: the stored articles whose meetings change
            events = EventView(self.store, self.iris, self._stored_reports, self.answers)
            changed = []
            mapped: dict[str, tuple[Graph, list[Report]]] = {}
            for g, f in todo.items():
                changed += events.graph_reports(g)
                if unchanged and g == graph:  # the worker's reports of these same facts
                    events.add(g, list(derived.reports))
                else:  # mapped once: the article's graph too where its meetings stand alone
                    t = self.timed("resolve", t)
                    m = facts_to_graph(f, self.iris)
                    mapped[g] = (m, reports_of_graph(m, self.iris))
                    t = self.timed("rdf", t)
                    events.add(g, mapped[g][1])
                changed += events.pending[g]
            for other in sorted(events.affected(changed) - set(todo)):
                facts_again = self._resolved_again(other, view)
                if facts_again is not None:
                    todo[other] = facts_again
            canons = events.canons(graph)
            t = self.timed("resolve", t)
            if unchanged and _same_canons(canons, derived.canons):
                triples = derived.outcome if isinstance(derived.outcome, str) else set(derived.outcome)
                self.summary.worker_used += 1
            else:
                if derived is not None:
                    self.summary.worker_redone += 1
                triples = self._triples(resolved, canons, mapped.get(graph))
            if isinstance(triples, str):
                self.reject(origin, triples)
                return False
            writes: dict[str, set] = {graph: triples}
            for other in sorted(set(todo) - {graph}):
                rewritten = self._triples(todo[other], events.canons(other), mapped.get(other))
                if isinstance(rewritten, str):
                    log.warning("%s derived again no longer validates (kept as it was): %s", other, rewritten)
                    continue
                log.debug("derived %s again", other)
                writes[other] = rewritten
            t = time.perf_counter()
            # what the written graphs held (the embedded store says cheaply which exist)
            exists = getattr(self.store, "has_graph", None)
            before = {g: list(self.store.graph_triples(g)) for g in writes if exists is None or exists(g)}
            self.store.replace_graphs(writes)
            for g, new in writes.items():
                self.answers.written(g, itertools.chain(before.get(g, ()), new))
            t = self.timed("store", t)
            for g in writes:  # the written graphs' records as the store now gives them
                self.families.written(g, View(self.store, self.iris, self.answers).stored_records(g))
            self.timed("resolve", t)
        except StoreError:
            raise  # the store itself failed: stop, do not reject article after article
        except DiplokgError as exc:
            self.reject(origin, str(exc))
            return False
        self._keep(graph, facts)
        a = self.answers
        self.summary.identity_queries = {"asked": a.asked, "reused": a.reused, "refreshed": a.refreshed,
                                         "kept": len(a), "rows": a.rows, "families": self.families.loaded,
                                         "profiles": self.families.profiles,
                                         "memberships": self.families.memberships,
                                         **{f"asked_{k}": n for k, n in sorted(a.asked_by_kind.items())}}
        self.summary.accepted += 1
        self.summary.rederived += len(writes) - 1
        self.summary.triples += len(triples)
        self._since_publish += 1
        self._maybe_publish()
        return True

    def _triples(self, facts: ArticleFacts, canons: dict[str, Canon] | None = None,
                 mapped: tuple[Graph, list[Report]] | None = None) -> set | str:
        """Map, validate, withhold an unlicensed text and reason (:meth:`Deriver.triples`)."""
        try:
            return self.deriver.triples(facts, canons, self.summary.stage_seconds, mapped)
        finally:
            engine = self.deriver.last_engine
            if engine is not None:
                self.summary.shacl_engines[engine] = self.summary.shacl_engines.get(engine, 0) + 1

    def _keep(self, graph: str, facts: ArticleFacts) -> None:
        self._kept[graph] = facts
        self._kept.move_to_end(graph)
        while len(self._kept) > KEPT_FACTS:
            self._kept.popitem(last=False)

    def _resolved_again(self, graph: str, view: View) -> ArticleFacts | None:
        """A stored article's facts (kept for the run, else read back from its graph), its
        persons resolved under the identity the new article brings."""
        facts = self._kept.get(graph) or facts_of_graph(list(self.store.graph_triples(graph)), self.iris)
        if facts is None:
            log.warning("cannot derive %s again: it holds no article", graph)
            return None
        old = view.graph_records(graph)
        view.add(graph, records(facts, self.iris))
        return resolve(facts, view, self.iris, old)

    def _stored_reports(self, graph: str) -> list[Report]:
        """The stored reports of one graph, read from the triples they need only."""
        rows = self.store.query_bound(REPORT_TRIPLES, {"g": URIRef(graph)}).rows()
        return reports_of_graph([(s, p, o) for _, s, p, o in rows], self.iris)

    def _maybe_publish(self) -> None:
        publish = getattr(self.store, "publish", None)
        if publish is None:
            return
        if (self._since_publish >= PUBLISH_EVERY_ARTICLES
                or time.monotonic() - self._last_publish >= PUBLISH_EVERY_SECONDS):
            t = time.perf_counter()
            publish()
            self.timed("store", t)
            self._since_publish = 0
            self._last_publish = time.monotonic()


def split_failures(items: Iterable[object], ingestor: Ingestor, on_read: Callable[[], None]) -> Iterator[Article]:
    """The articles of a reader stream; read failures are recorded as rejections."""
    t = time.perf_counter()
    for item in items:
        ingestor.timed("read", t)
        ingestor.summary.read += 1
        if isinstance(item, Article):
            yield item
        else:
            ingestor.reject(getattr(item, "origin", "?"), getattr(item, "message", str(item)))
            on_read()
        t = time.perf_counter()


def _extracted(extractor: object, articles: Iterable[Article]) -> Iterator[object]:
    """Parse in batches (``Extractor.parse_batches``), extract article by article; a
    failure is the failing article's (as ``etl.ingest.parallel.extract_one``)."""
    from etl.ingest.parallel import Extracted

    for article, doc, error, nlp_s in extractor.parse_batches(articles):  # type: ignore[attr-defined]
        t = time.perf_counter()
        try:
            if error is not None:
                raise error
            facts = extractor.facts(article, doc)  # type: ignore[attr-defined]
        except Exception as exc:  # an extractor bug must not stop the other articles
            log.debug("extraction of %s failed", article.origin, exc_info=True)
            yield Extracted(article, None, f"extraction failed: {type(exc).__name__}: {exc}", nlp_s)
            continue
        yield Extracted(article, facts, None, nlp_s, time.perf_counter() - t)


def run_ingest(items: Iterable[object], store: Store, iris: Iris, *, jobs: int = 1,
               on_article: Callable[[Summary], None] | None = None,
               extractor: object | None = None, publish_text: str = "licensed",
               cluster: str | None = None) -> Summary:
    """Ingest a reader's stream (Article or ReadFailure items) into a writable store.

    With ``jobs`` > 1, parsing, extraction and the derivation of each article as if identity
    resolution changes nothing (RDF, SHACL, OWL RL) run in that many worker processes; with
    ``cluster`` (a Dask scheduler address or ``local:N``), on that cluster's workers
    (``etl.ingest.cluster``). The stage times then add the workers' summed times to the
    client's own (a derivation the client redoes counts twice: both were spent).
    ``publish_text`` (the setting) decides which articles keep their full text in the store.
    """
    from etl.ingest.parallel import extract_parallel, worker_settings
    from etl.pipeline import Extractor

    started = time.perf_counter()
    ingestor = Ingestor(store, iris, publish_text=publish_text)
    notify = (lambda: on_article(ingestor.summary)) if on_article else (lambda: None)
    articles = split_failures(items, ingestor, notify)
    if cluster or jobs > 1:
        settings = worker_settings(iris.base, publish_text, ingestor.reasoner.closure)
    if cluster:
        from etl.ingest.cluster import extract_cluster

        results = extract_cluster(articles, cluster, settings)
    elif jobs > 1:
        results = extract_parallel(articles, jobs, settings)
    else:
        results = _extracted(extractor or Extractor(), articles)
    stages = ingestor.summary.stage_seconds
    for result in results:
        for stage, seconds in result.seconds.items():
            stages[stage] += seconds
        if result.facts is None:
            ingestor.reject(result.article.origin or result.article.id, result.error)
        else:
            ingestor.add(result.facts, result.derived)
        notify()
    ingestor.summary.seconds = time.perf_counter() - started
    log.debug("%s", ingestor.summary.stages_line())
    return ingestor.summary
