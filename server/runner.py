"""Query execution under the row cap, a deadline and a memory cap, for the SPARQL endpoint.

The engine can neither cancel a query nor bound its memory, so a runaway query is stopped
by ending the process that runs it. Under ``diplokg serve`` each gunicorn worker runs its
queries in the request thread and keeps one watchdog thread: when the running query passes
``query_timeout``, or the worker's resident memory passes ``query_memory_mb``, the watchdog
answers the client 503 (the usual JSON error shape) on the request's socket and ends the
worker; gunicorn's arbiter starts a fresh one. Nothing is handed between threads per
request (a hand-off costs two context switches, measured at 0.2-0.4 ms on a busy 2-core
machine, as much as a cheap lookup).

Outside the server (tests, scripts) there is no watchdog: queries run to completion.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from flask import Flask

from diplokg.config import Config
from diplokg.errors import QueryRefused
from diplokg.store import Store, open_store
from server.errors import error_body
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


@dataclass
class _Running:
    """The query a worker is running: when it started and where its client waits."""

    started: float
    client: socket.socket | None
    method: str
    path: str
    accept: str | None
    stopped: bool = field(default=False)


class Watchdog:
    """Per worker process: stops the worker when its running query passes a cap."""

    def __init__(self, timeout: float, memory_cap_bytes: int) -> None:
        self.timeout = timeout
        self.memory_cap = memory_cap_bytes
        self._lock = threading.Lock()
        self._running: _Running | None = None
        self._thread: threading.Thread | None = None

    @contextmanager
    def watching(self, environ: dict[str, Any]) -> Iterator[None]:
        """Watch the query run inside this block, for the request described by ``environ``."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="query-watchdog", daemon=True)
            self._thread.start()
        running = _Running(time.monotonic(), environ.get("gunicorn.socket"), environ.get("REQUEST_METHOD", ""),
                           environ.get("PATH_INFO", ""), environ.get("HTTP_ACCEPT"))
        with self._lock:
            self._running = running
        try:
            yield
        finally:
            with self._lock:
                self._running = None
                stopped = running.stopped
            if stopped:  # the watchdog has answered and is ending the process
                threading.Event().wait()

    def _loop(self) -> None:
        while True:
            time.sleep(_POLL_SECONDS)
            with self._lock:
                running = self._running
                if running is None:
                    continue
                elapsed = time.monotonic() - running.started
                if elapsed >= self.timeout:
                    message = f"the query ran longer than the limit of {self.timeout:g} s and was stopped"
                elif resident_bytes() > self.memory_cap:
                    message = (f"the query used more memory than the limit of {self.memory_cap // (1024 * 1024)} MB "
                               f"and was stopped after {elapsed:.1f} s")
                else:
                    continue
                running.stopped = True
            self._stop(running, message, elapsed)

    def _stop(self, running: _Running, message: str, elapsed: float) -> None:
        """Answer 503 on the client's socket, then end this worker process."""
        log.warning("%s %s 503 %dms: %s", running.method, running.path, elapsed * 1000, message)
        if running.client is not None:
            try:
                running.client.settimeout(2.0)
                running.client.sendall(_raw_503(message, running.accept))
            except OSError as exc:
                log.warning("could not send the 503: %s", exc)
        log.warning("worker %d exits to stop a runaway query; the server starts a fresh one", os.getpid())
        for handler in logging.getLogger().handlers:
            handler.flush()
        os._exit(0)


def _raw_503(message: str, accept: str | None) -> bytes:
    """A complete HTTP 503 response in the service's error shape."""
    body, content_type = error_body(503, message, accept)
    head = (
        "HTTP/1.1 503 Service Unavailable\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n"
        "Access-Control-Allow-Origin: *\r\n\r\n"
    )
    return head.encode("ascii") + body


class QueryRunner:
    """Runs checked read-only queries on a store under the row cap (and a watchdog, if any)."""

    def __init__(self, store: Store, config: Config, watchdog: Watchdog | None = None) -> None:
        self.store = store
        self.max_rows = config.max_rows
        self.refuse_over_cap = config.row_cap == "refuse"
        self.watchdog = watchdog

    def run(
        self,
        text: str,
        choose: Callable[[Kind], Format],
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
        environ: dict[str, Any] | None = None,
        base_iri: str | None = None,
    ) -> Answer:
        """Evaluate and serialize a query in the format ``choose`` picks for its kind;
        relative IRIs resolve against ``base_iri`` (the endpoint's URL).

        Raises QuerySyntaxError, NotAcceptable or QueryRefused (row cap refused).
        """
        if self.watchdog is None:
            return self._evaluate(text, choose, default_graphs, named_graphs, base_iri)
        with self.watchdog.watching(environ or {}):
            return self._evaluate(text, choose, default_graphs, named_graphs, base_iri)

    def _evaluate(
        self,
        text: str,
        choose: Callable[[Kind], Format],
        default_graphs: list[str] | None,
        named_graphs: list[str] | None,
        base_iri: str | None = None,
    ) -> Answer:
        result = self.store.query(text, default_graphs=default_graphs, named_graphs=named_graphs, base_iri=base_iri)
        fmt = choose("graph" if result.form == "graph" else "results")
        body, truncated = result.serialize(fmt.media_type, limit=self.max_rows)
        if truncated and self.refuse_over_cap:
            raise QueryRefused(
                f"the result has more than {self.max_rows} rows or triples, the most this endpoint "
                "returns: add a LIMIT"
            )
        return Answer(body, fmt, truncated)


def runner(app: Flask) -> QueryRunner:
    """The app's query runner, opening the store read-only on first use in this process."""
    found = app.extensions.get(_EXTENSION)
    if found is None:
        with _OPEN_LOCK:
            found = app.extensions.get(_EXTENSION)
            if found is None:
                config: Config = app.config["DIPLOKG"]
                watchdog = None
                if app.config.get("DIPLOKG_SERVER_WORKER"):
                    watchdog = Watchdog(config.query_timeout, config.query_memory_mb * 1024 * 1024)
                found = QueryRunner(open_store(config, writable=False), config, watchdog)
                app.extensions[_EXTENSION] = found
    return found
