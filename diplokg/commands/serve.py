"""``diplokg serve``: the HTTP service (an event-loop front and sandboxed worker processes)."""

from __future__ import annotations

import argparse

from diplokg.config import Config
from diplokg.errors import UsageError
from diplokg.store import open_store


def run(args: argparse.Namespace, config: Config) -> int:
    """Serve the store over HTTP until interrupted."""
    if config.workers < 1:
        raise UsageError(f"--workers must be at least 1, not {config.workers}")
    if not 0 < config.port < 65536:
        raise UsageError(f"--port must be between 1 and 65535, not {config.port}")
    if config.client_queries < 1:
        raise UsageError(f"client_queries must be at least 1, not {config.client_queries}")
    with open_store(config, writable=False):  # a missing store is one line and exit 2, not an empty service
        pass
    from server.wsgi import serve

    serve(config)
    return 0
