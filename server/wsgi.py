"""The production server: the event-loop front and its worker processes, from diplokg settings.

``serve(config)`` binds the listening socket, then (with ``sandbox`` on) forbids this
process every new socket but Unix socket pairs, forks ``workers`` query workers (each
forbidden every new socket), and runs the front until SIGTERM or SIGINT. See
``server.front`` (connections, limits, fair queues), ``server.pool`` (workers, caps) and
``server.worker`` (the WSGI app in a worker); docs/security.md explains the design.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import signal
import socket
import sys
from typing import Any

from flask import Flask

from diplokg.config import Config
from diplokg.errors import UsageError
from server import create_app
from server.front import run_front
from server.pool import Pool

log = logging.getLogger(__name__)


def worker_app(config: Config) -> Flask:
    """The app of one worker process, its store opened before the first request."""
    app = create_app(config)
    app.config["DIPLOKG_SERVER_WORKER"] = True
    app.config["DIPLOKG_WARM"] = _warm
    return app


def _warm(app: Flask) -> None:
    from server.pages.common import store
    from server.runner import runner

    runner(app).store.query("ASK { ?s ?p ?o }").boolean()
    store(app).query("ASK { ?s ?p ?o }").boolean()


def _listen(config: Config) -> socket.socket:
    """The listening socket; a port in use, or an address not of this machine, is one line."""
    try:
        return socket.create_server((config.host, config.port), backlog=1024, reuse_port=False)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise UsageError(f"port {config.port} on {config.host} is in use; stop the other server or choose "
                             "another port with --port") from None
        raise UsageError(f"cannot listen on {config.host}:{config.port}: {exc.strerror or exc}") from None


def _sandbox_front(config: Config) -> None:
    if not config.sandbox:
        log.warning("sandbox is off: query workers may open network connections (SERVICE is refused by the guard only)")
        return
    from server.sandbox import SandboxUnavailable, forbid_sockets, forbid_sockets_but_store

    try:
        if config.store_is_remote:  # the workers must reach the store's port: the front's layer allows it
            from server.worker import store_port

            forbid_sockets_but_store(store_port(config), unix=True)
        else:
            forbid_sockets(allow=[socket.AF_UNIX])
    except SandboxUnavailable as exc:
        raise UsageError(f"{exc}; set sandbox = false to serve without the network sandbox") from None


def _loop() -> asyncio.AbstractEventLoop:
    try:
        import uvloop
    except ImportError:  # pragma: no cover - uvloop is a dependency; asyncio's loop also works
        return asyncio.new_event_loop()
    return uvloop.new_event_loop()


class _BatchedLines(logging.StreamHandler):  # type: ignore[type-arg]
    """A stream handler that leaves flushing to the front's tick (one write per tick, not per
    request)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.stream.write(self.format(record) + "\n")
        except Exception:  # noqa: BLE001 - logging must never stop the server
            self.handleError(record)


def _access_log() -> None:
    """One plain line per request on stdout: client, method, path, status, milliseconds."""
    access = logging.getLogger("diplokg.access")
    if not access.handlers:
        handler = _BatchedLines(sys.stdout)
        handler.setFormatter(logging.Formatter("%(message)s"))
        access.addHandler(handler)
        access.propagate = False
        access.setLevel(logging.INFO)


def serve(config: Config) -> None:
    """Run the HTTP service until it is stopped (SIGINT/SIGTERM)."""
    _access_log()
    listener = _listen(config)
    _sandbox_front(config)
    host, port = listener.getsockname()[:2]
    log.info("serving %s on http://%s:%d/ with %d workers", config.store, host, port, config.workers)
    loop = _loop()
    asyncio.set_event_loop(loop)
    stop: asyncio.Future[Any] = loop.create_future()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, lambda: stop.done() or stop.set_result(None))
    pool = Pool(config, worker_app, on_idle=lambda worker: None)
    try:
        loop.run_until_complete(run_front(config, listener, pool, stop))
    finally:
        loop.close()
        listener.close()
        sys.stdout.flush()
