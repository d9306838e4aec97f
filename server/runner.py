"""Query execution with a deadline and a memory cap, for the SPARQL endpoint.

The engine cannot cancel a query, so each query (evaluation and serialization) runs in a
helper thread while the request thread waits up to ``query_timeout``. A query past its
deadline, or one that makes the worker's resident memory pass ``query_memory_mb``, is
answered 503. Under the HTTP server (``exit_on_runaway``) the worker then exits right
after that response is sent, taking the runaway native query with it; gunicorn's arbiter
starts a fresh worker. In other processes (tests, scripts) the query is abandoned instead.
"""

from __future__ import annotations

import logging
import os
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Flask, g

from diplokg.config import Config
from diplokg.errors import QueryRefused, QueryTimeout
from diplokg.store import Store, open_store
from server.negotiate import Format, Kind

log = logging.getLogger(__name__)

_EXTENSION = "diplokg.sparql.runner"
_OPEN_LOCK = threading.Lock()
_POLL_SECONDS = 0.05
_PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")


@dataclass(frozen=True)
class Answer:
    """A serialized query result."""

    body: bytes
    format: Format
    truncated: bool


def resident_bytes() -> int:
    """The resident memory of this process, from /proc/self/statm."""
    with open("/proc/self/statm", "rb") as fh:
        return int(fh.read().split()[1]) * _PAGE_BYTES


class QueryRunner:
    """Runs read-only queries on a store, each under a deadline and the row and memory caps."""

    def __init__(self, store: Store, config: Config, *, exit_on_runaway: bool = False) -> None:
        self.store = store
        self.timeout = config.query_timeout
        self.max_rows = config.max_rows
        self.refuse_over_cap = config.row_cap == "refuse"
        self.memory_cap = config.query_memory_mb * 1024 * 1024
        self.exit_on_runaway = exit_on_runaway

    def run(
        self,
        text: str,
        choose: Callable[[Kind], Format],
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
    ) -> Answer:
        """Evaluate and serialize a checked query in the format ``choose`` picks for its kind.

        Raises QuerySyntaxError, NotAcceptable, QueryRefused (row cap) or QueryTimeout.
        """
        box: dict[str, Any] = {}
        done = threading.Event()

        def work() -> None:
            try:
                box["answer"] = self._evaluate(text, choose, default_graphs, named_graphs)
            except BaseException as exc:  # handed to the request thread
                # The engine's result objects must be dropped on the thread that made them.
                traceback.clear_frames(exc.__traceback__)
                box["error"] = exc
            finally:
                done.set()

        threading.Thread(target=work, name="sparql-query", daemon=True).start()
        started = time.monotonic()
        deadline = started + self.timeout
        while not done.wait(max(0.0, min(_POLL_SECONDS, deadline - time.monotonic()))):
            now = time.monotonic()
            if now >= deadline:
                self._runaway()
                raise QueryTimeout(f"the query ran longer than the limit of {self.timeout:g} s and was stopped")
            if self.exit_on_runaway and resident_bytes() > self.memory_cap:
                self._runaway()
                raise QueryTimeout(
                    f"the query used more memory than the limit of {self.memory_cap // (1024 * 1024)} MB "
                    f"and was stopped after {now - started:.1f} s"
                )
        if "error" in box:
            raise box["error"]
        return box["answer"]

    def _evaluate(
        self,
        text: str,
        choose: Callable[[Kind], Format],
        default_graphs: list[str] | None,
        named_graphs: list[str] | None,
    ) -> Answer:
        result = self.store.query(text, default_graphs=default_graphs, named_graphs=named_graphs)
        fmt = choose("graph" if result.form == "graph" else "results")
        body, truncated = result.serialize(fmt.media_type, limit=self.max_rows)
        if truncated and self.refuse_over_cap:
            raise QueryRefused(
                f"the result has more than {self.max_rows} rows or triples, the most this endpoint "
                "returns: add a LIMIT"
            )
        return Answer(body, fmt, truncated)

    def _runaway(self) -> None:
        """Arrange for the worker to exit once the 503 is sent (under the HTTP server only)."""
        if self.exit_on_runaway:
            g.diplokg_exit_after_response = True


def exit_worker() -> None:
    """End this worker process at once (the runaway query's thread cannot be stopped otherwise)."""
    log.warning("worker %d exits to stop a runaway query; the server starts a fresh one", os.getpid())
    for handler in logging.getLogger().handlers:
        handler.flush()
    os._exit(0)


def runner(app: Flask) -> QueryRunner:
    """The app's query runner, opening the store read-only on first use in this process."""
    found = app.extensions.get(_EXTENSION)
    if found is None:
        with _OPEN_LOCK:
            found = app.extensions.get(_EXTENSION)
            if found is None:
                config: Config = app.config["DIPLOKG"]
                store = open_store(config, writable=False)
                found = QueryRunner(store, config, exit_on_runaway=bool(app.config.get("DIPLOKG_SERVER_WORKER")))
                app.extensions[_EXTENSION] = found
    return found
