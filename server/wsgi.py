"""The production server: gunicorn with sync worker processes, configured from diplokg settings.

Each worker is one process with its own read-only view of the store. A query past its
deadline makes its worker answer 503 and exit (see ``server.runner``); gunicorn's own
``timeout``, a little above the query deadline, is the backstop for a worker that stops
answering, and a worker's address space is capped so that no query can take the machine.
"""

from __future__ import annotations

import logging
import math
import resource
from typing import Any

from flask import Flask
from gunicorn import glogging
from gunicorn.app.base import BaseApplication

from diplokg.config import Config
from server import create_app

log = logging.getLogger(__name__)

# gunicorn kills a silent worker this many seconds after the query deadline.
TIMEOUT_MARGIN = 5
# The hard address-space cap is this multiple of query_memory_mb (virtual memory counts
# reserved but unused pages: thread stacks, allocator arenas, the engine's mappings).
ADDRESS_SPACE_FACTOR = 4


def gunicorn_settings(config: Config) -> dict[str, Any]:
    """gunicorn settings for a diplokg config."""
    return {
        "bind": f"{config.host}:{config.port}",
        "workers": config.workers,
        "worker_class": "sync",
        "timeout": math.ceil(config.query_timeout) + TIMEOUT_MARGIN,
        "graceful_timeout": 5,
        "keepalive": 2,
        "limit_request_line": 0,
        "accesslog": "-",
        "logger_class": RequestLog,
        "errorlog": "-",
        "loglevel": config.log_level.lower(),
        "post_fork": _post_fork,
        "proc_name": "diplokg",
        "control_socket_disable": True,
    }


# The gunicorn worker of this process, for heartbeat() (set after the fork; None elsewhere).
_WORKER: Any = None


def heartbeat() -> None:
    """Tell gunicorn this worker is alive while it streams a long response (a dump).

    A sync worker is otherwise silent for the whole response and killed at ``timeout``.
    """
    if _WORKER is not None:
        _WORKER.notify()


class RequestLog(glogging.Logger):  # type: ignore[misc]
    """gunicorn's logger with a lean access line: client, method, path, status, milliseconds.

    gunicorn's own access line formats a timestamp and gathers every header and environ
    variable for each request, which costs as much as a cheap query.
    """

    def access(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> None:
        """Log one line for a finished request."""
        if not self.access_log_enabled:
            return
        status = resp.status
        if isinstance(status, str):
            status = status.split(None, 1)[0]
        self.access_log.info('%s "%s %s" %s %dms', environ.get("REMOTE_ADDR", "-"), environ.get("REQUEST_METHOD"),
                             environ.get("PATH_INFO"), status, request_time.total_seconds() * 1000)


def _post_fork(server: Any, worker: Any) -> None:
    """In each new worker: cap its address space so a runaway query fails instead of swapping."""
    global _WORKER
    _WORKER = worker
    config: Config = server.app.diplokg_config
    cap = config.query_memory_mb * 1024 * 1024 * ADDRESS_SPACE_FACTOR
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard == resource.RLIM_INFINITY or hard > cap:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap if hard == resource.RLIM_INFINITY else hard))


class DiplokgServer(BaseApplication):  # type: ignore[misc]
    """gunicorn running the diplokg app; each worker builds its own app after the fork."""

    def __init__(self, config: Config) -> None:
        self.diplokg_config = config
        super().__init__()

    def load_config(self) -> None:
        for key, value in gunicorn_settings(self.diplokg_config).items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        app = create_app(self.diplokg_config)
        app.config["DIPLOKG_SERVER_WORKER"] = True
        app.config["DIPLOKG_HEARTBEAT"] = heartbeat
        return app


def serve(config: Config) -> None:
    """Run the HTTP service until it is stopped (SIGINT/SIGTERM)."""
    log.info("serving %s on http://%s:%d/ with %d workers", config.store, config.host, config.port, config.workers)
    DiplokgServer(config).run()
