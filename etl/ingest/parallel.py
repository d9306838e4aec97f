"""Extraction and derivation in worker processes for ``ingest --jobs N``; the task a worker runs.

A worker parses and extracts one article and derives it *as if identity resolution changes
nothing* (``etl.ingest.run.Deriver.alone``: RDF with each meeting standing alone, SHACL, the
licence's text withholding, OWL RL). The client resolves identity in input order and stores
the worker's triples where resolution and meeting identity leave the article as the worker
assumed, else derives it itself (``etl.ingest.run.Ingestor.add``). The same task runs on a
Dask cluster's workers (``etl.ingest.cluster``).

Each worker process builds its spaCy pipeline, SHACL validator and OWL RL reasoner once,
from :class:`WorkerSettings`: the client's base IRI, ``publish_text`` and ``shacl_engine`` settings and the
ontology closure the client reads from its store (so the reasoner is the client's).

Workers are *spawned* (not forked: the parent holds an open RocksDB store and its
threads). The parent feeds articles through a bounded window of pending tasks, so results
come back in input order, memory stays flat, and the reader runs in the parent's own thread.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import pickle
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from etl.model import Article, ArticleFacts

if TYPE_CHECKING:
    from rdflib import Graph

    from etl.ingest.run import Derived, Deriver

log = logging.getLogger(__name__)

WINDOW_PER_JOB = 4


@dataclass(frozen=True)
class Extracted:
    """The outcome of one article's task: facts (and, from a worker, their derivation), or
    the one-line reason extraction failed; the seconds of each stage the task ran."""

    article: Article
    facts: ArticleFacts | None
    error: str | None
    nlp_s: float = 0.0
    extract_s: float = 0.0
    derived: Derived | None = None

    @property
    def seconds(self) -> dict[str, float]:
        """Stage -> the seconds this task spent in it."""
        out = {"nlp": self.nlp_s, "extract": self.extract_s}
        if self.derived is not None:
            out.update(self.derived.seconds)
        return out


@dataclass(frozen=True)
class WorkerSettings:
    """What a worker needs to derive articles as the client would: the base IRI, the
    ``publish_text`` and ``shacl_engine`` settings and the ontology closure (the client's,
    as in its store)."""

    base: str
    publish_text: str
    shacl_engine: str
    closure: tuple = field(repr=False)
    token: str = ""  # identifies the settings in a worker's cache (set by :func:`worker_settings`)


def worker_settings(base: str, publish_text: str, closure: Iterable[tuple],
                    shacl_engine: str | None = None) -> WorkerSettings:
    """Settings with their token (a digest of them all); the SHACL engine is by default the
    one this process validates with (``etl.validate.use_engine``)."""
    from etl.validate import engine_in_use

    engine = shacl_engine or engine_in_use()
    triples = tuple(sorted(closure, key=lambda t: tuple(x.n3() for x in t)))
    h = hashlib.sha256(pickle.dumps((base, publish_text, engine, triples)))
    return WorkerSettings(base, publish_text, engine, triples, h.hexdigest())


class Worker:
    """One process's extractor and deriver, built once."""

    def __init__(self, settings: WorkerSettings) -> None:
        from diplokg.iris import Iris
        from etl.ingest.run import Deriver
        from etl.pipeline import Extractor
        from etl.reason import Reasoner
        from etl.validate import Report, validate_graph

        def validate(graph: Graph) -> Report:  # the client's engine, whatever this process's default
            return validate_graph(graph, settings.base, settings.shacl_engine)

        self.token = settings.token
        self.extractor = Extractor()
        self.deriver: Deriver = Deriver(Iris(settings.base), Reasoner(settings.closure, base=settings.base),
                                        validate, publish_text=settings.publish_text)

    def __call__(self, article: Article) -> Extracted:
        """The task: extract, then derive as if identity resolution changes nothing."""
        return derive_one(self.deriver, extract_one(self.extractor, article))


def extract_one(extractor: object, article: Article) -> Extracted:
    """Parse and extract one article, timing both; an extractor exception becomes an error line."""
    from etl.read import body_end

    t = time.perf_counter()
    try:
        doc = extractor.nlp(article.text[: body_end(article.text)])  # type: ignore[attr-defined]
        t_nlp = time.perf_counter()
        facts = extractor.facts(article, doc)  # type: ignore[attr-defined]
    except Exception as exc:  # an extractor bug must not stop the other articles
        log.debug("extraction of %s failed", article.origin, exc_info=True)
        return Extracted(article, None, f"extraction failed: {type(exc).__name__}: {exc}",
                         time.perf_counter() - t)
    return Extracted(article, facts, None, t_nlp - t, time.perf_counter() - t_nlp)


def derive_one(deriver: Deriver, extracted: Extracted) -> Extracted:
    """An extraction with the worker's derivation of its facts (none if extraction failed)."""
    if extracted.facts is None:
        return extracted
    return replace(extracted, derived=deriver.alone(extracted.facts))


_WORKER: Worker | None = None


def worker_for(settings: WorkerSettings) -> Worker:
    """This process's worker for these settings (built on first use, then kept)."""
    global _WORKER
    if _WORKER is None or _WORKER.token != settings.token:
        _WORKER = Worker(settings)
    return _WORKER


def _init_worker(settings: WorkerSettings) -> None:
    worker_for(settings)


def _work(article: Article) -> Extracted:
    assert _WORKER is not None
    return _WORKER(article)


def extract_parallel(articles: Iterable[Article], jobs: int, settings: WorkerSettings) -> Iterator[Extracted]:
    """Extract and derive articles in ``jobs`` spawned processes; results in input order."""
    context = multiprocessing.get_context("spawn")
    window: deque = deque()
    with context.Pool(jobs, initializer=_init_worker, initargs=(settings,)) as pool:
        for article in articles:
            window.append(pool.apply_async(_work, (article,)))
            if len(window) >= jobs * WINDOW_PER_JOB:
                yield window.popleft().get()
        while window:
            yield window.popleft().get()
