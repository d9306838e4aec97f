"""Extraction in worker processes for ``ingest --jobs N``.

Workers are *spawned* (not forked: the parent holds an open RocksDB store and its
threads) and each loads the spaCy pipeline once. The parent feeds articles through a
bounded window of pending tasks, so results come back in input order, memory stays flat,
and the reader runs in the parent's own thread.
"""

from __future__ import annotations

import logging
import multiprocessing
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from etl.model import Article, ArticleFacts

log = logging.getLogger(__name__)

WINDOW_PER_JOB = 4

_EXTRACTOR = None


@dataclass(frozen=True)
class Extracted:
    """The outcome of extracting one article: facts, or the one-line reason it failed."""

    article: Article
    facts: ArticleFacts | None
    error: str | None
    nlp_s: float = 0.0
    extract_s: float = 0.0


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


def _init_worker() -> None:
    global _EXTRACTOR
    from etl.pipeline import Extractor

    _EXTRACTOR = Extractor()


def _work(article: Article) -> Extracted:
    return extract_one(_EXTRACTOR, article)


def extract_parallel(articles: Iterable[Article], jobs: int) -> Iterator[Extracted]:
    """Extract articles in ``jobs`` spawned processes; results in input order."""
    context = multiprocessing.get_context("spawn")
    window: deque = deque()
    with context.Pool(jobs, initializer=_init_worker) as pool:
        for article in articles:
            window.append(pool.apply_async(_work, (article,)))
            if len(window) >= jobs * WINDOW_PER_JOB:
                yield window.popleft().get()
        while window:
            yield window.popleft().get()
