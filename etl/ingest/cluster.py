"""Extraction, validation and reasoning on a Dask distributed cluster for ``ingest --cluster ADDRESS``.

The client (the ``diplokg ingest`` process) reads the articles and hands them to the
cluster's workers through a bounded window of pending tasks. Each worker runs the task of
``--jobs`` workers (:class:`etl.ingest.parallel.Worker`: extract, then derive the article as
if identity resolution changes nothing: RDF, SHACL, OWL RL) and returns an
:class:`etl.ingest.parallel.Extracted` per article. It builds its spaCy pipeline, validator
and reasoner once per process, from the client's settings (base IRI, ``publish_text``, ``shacl_engine``, the
ontology closure of the client's store), which the scheduler installs on every worker, one
that joins later included, as a worker plugin: a worker never needs another worker's data,
so workers need to reach the scheduler and the client, not each other. Results
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
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack

from diplokg.errors import UsageError
from etl.ingest.parallel import Extracted, WorkerSettings, worker_for
from etl.model import Article

try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # without the cluster extra: _client says what to install before a plugin is made
    WorkerPlugin = object  # type: ignore[misc,assignment]

log = logging.getLogger(__name__)

WINDOW_PER_WORKER = 4
TASK_RETRIES = 2  # for exceptions inside a task; a dead worker's tasks are rescheduled by the scheduler


class _Settings(WorkerPlugin):
    """The ingest's settings as a Dask worker plugin: the scheduler keeps it and sends it to
    every worker, those that join later included (no worker fetches it from another)."""

    def __init__(self, settings: WorkerSettings) -> None:
        self.settings = settings
        self.name = plugin_name(settings.token)  # the pipeline is built by a worker's first task


def plugin_name(token: str) -> str:
    return f"diplokg-ingest-{token[:16]}"


def _work(article: Article, token: str) -> Extracted:
    """A task: extract and derive one article with this worker process's worker (built once)."""
    from distributed import get_worker

    return worker_for(get_worker().plugins[plugin_name(token)].settings)(article)


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


def _install(client, settings: WorkerSettings, address: str, stack: ExitStack) -> None:
    """The settings on every worker of the cluster (and on any that joins), until the ingest ends."""
    plugin = _Settings(settings)
    try:
        client.register_plugin(plugin, name=plugin.name)
    except Exception as exc:  # noqa: BLE001 - a worker failing its set-up, a closed comm
        raise UsageError(f"cannot send the ingest settings to the workers of the Dask cluster {address}: {exc}") from None
    stack.callback(_uninstall, client, plugin.name)


def _uninstall(client, name: str) -> None:
    try:
        client.unregister_worker_plugin(name)
    except Exception as exc:  # noqa: BLE001 - the cluster going away at the end costs nothing here
        log.debug("could not remove the ingest settings from the cluster: %s", exc)


def extract_cluster(articles: Iterable[Article], address: str, settings: WorkerSettings) -> Iterator[Extracted]:
    """Extract and derive articles on the Dask cluster at ``address`` (or ``local:N``);
    results in input order."""
    with ExitStack() as stack:
        client = _client(address, stack)
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        log.info("extracting on the Dask cluster %s (%d workers)", address, workers)
        _install(client, settings, address, stack)
        window: deque = deque()
        for article in articles:
            window.append((article, client.submit(_work, article, settings.token, pure=False, retries=TASK_RETRIES)))
            if len(window) >= workers * WINDOW_PER_WORKER:
                yield _result(*window.popleft())
        while window:
            yield _result(*window.popleft())
