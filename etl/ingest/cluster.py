"""Extraction, validation and reasoning on a Dask distributed cluster for ``ingest --cluster ADDRESS``.

The client (the ``diplokg ingest`` process) reads the articles and hands them to the
cluster's workers through a bounded window of pending tasks. Each worker runs the task of
``--jobs`` workers (:class:`etl.ingest.parallel.Worker`: extract, then derive the article as
if identity resolution changes nothing: RDF, SHACL, OWL RL) and returns an
:class:`etl.ingest.parallel.Extracted` per article. It builds its spaCy pipeline, validator
and reasoner once per process, from the client's settings (base IRI, ``publish_text``, ``shacl_engine``, the
ontology closure of the client's store), sent to every worker once (``scatter``). Results
come back in input order; identity resolution and the store writes run in the client, which
uses a worker's triples only where they are, by an equality check, the ones it would derive
itself (``etl.ingest.run.Ingestor.add``): the store is the same whichever worker ran first.

A worker that dies takes its running tasks with it; the scheduler gives them to another
worker (up to its ``allowed-failures``). An article whose task still fails is reported as
rejected with the reason, never dropped silently. ``local:N`` starts a local cluster of
N single-threaded worker processes for the run.

Needs the optional dependency group ``cluster`` (``pip install 'diplokg[cluster]'``).
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack

from diplokg.errors import UsageError
from etl.ingest.parallel import Extracted, WorkerSettings, worker_for
from etl.model import Article

log = logging.getLogger(__name__)

WINDOW_PER_WORKER = 4
TASK_RETRIES = 2  # for exceptions inside a task; a dead worker's tasks are rescheduled by the scheduler
SCATTER_ATTEMPTS = 4  # sending the settings again when a worker leaves while they are sent


def _work(article: Article, settings: WorkerSettings) -> Extracted:
    """A task: extract and derive one article with this worker process's worker (built once)."""
    return worker_for(settings)(article)


def _client(address: str, stack: ExitStack):
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--cluster needs Dask: pip install 'diplokg[cluster]'") from None
    if not log.isEnabledFor(logging.DEBUG):  # Dask's own INFO lines (set up on its import) would drown the progress
        for name in ("distributed", "dask"):
            logging.getLogger(name).setLevel(logging.WARNING)
    if address.startswith("local:"):
        try:
            workers = int(address.split(":", 1)[1])
        except ValueError:
            workers = 0
        if workers < 1:
            raise UsageError(f"--cluster {address}: local:N needs a number of workers of at least 1")
        cluster = stack.enter_context(LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                   dashboard_address=None))
        client = stack.enter_context(Client(cluster))
        if not log.isEnabledFor(logging.DEBUG):
            # runs first on leaving, when every result is in: a worker of our own cluster that
            # is slow to exit on a loaded machine is killed, with a warning that means nothing here
            stack.callback(logging.getLogger("distributed.nanny").setLevel, logging.ERROR)
        return client
    try:
        return stack.enter_context(Client(address))  # gives up after distributed.comm.timeouts.connect
    except (OSError, TimeoutError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {address}: {exc}") from None


def _result(article: Article, future) -> Extracted:
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - KilledWorker and friends: report, never drop
        log.warning("article %s failed on the cluster: %s", article.origin or article.id, exc)
        return Extracted(article, None, f"extraction failed on the cluster: {type(exc).__name__}: {exc}")


def _scatter(client, settings, address: str):
    """The settings sent once to every worker; a worker leaving while they are sent (the
    scheduler's replication then fails) means sending them again to the workers left."""
    for attempt in range(SCATTER_ATTEMPTS):
        try:
            return client.scatter(settings, broadcast=True, hash=False)
        except Exception as exc:  # noqa: BLE001 - KeyError, CommClosedError ... from a departed worker
            log.warning("sending the settings to the workers of %s failed (%s); again", address, exc)
            time.sleep(1.0 + attempt)
    raise UsageError(f"cannot send the ingest settings to the workers of the Dask cluster {address}")


def extract_cluster(articles: Iterable[Article], address: str, settings: WorkerSettings) -> Iterator[Extracted]:
    """Extract and derive articles on the Dask cluster at ``address`` (or ``local:N``);
    results in input order."""
    with ExitStack() as stack:
        client = _client(address, stack)
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        log.info("extracting on the Dask cluster %s (%d workers)", address, workers)
        # once to every worker (a worker that joins later fetches it from another)
        shared = _scatter(client, settings, address)
        window: deque = deque()
        for article in articles:
            window.append((article, client.submit(_work, article, shared, pure=False, retries=TASK_RETRIES)))
            if len(window) >= workers * WINDOW_PER_WORKER:
                yield _result(*window.popleft())
        while window:
            yield _result(*window.popleft())
