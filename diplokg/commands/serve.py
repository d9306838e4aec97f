"""``diplokg serve``: the HTTP service on gunicorn (sync worker processes)."""

from __future__ import annotations

import argparse
import errno
import socket

from diplokg.config import Config
from diplokg.errors import UsageError
from diplokg.store import open_store


def check_port_free(host: str, port: int) -> None:
    """Raise UsageError when ``host:port`` cannot be listened on (in use, or not an address here)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise UsageError(f"port {port} on {host} is in use; stop the other server or choose "
                                 "another port with --port") from None
            raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror}") from None


def run(args: argparse.Namespace, config: Config) -> int:
    """Serve the store over HTTP until interrupted."""
    if config.workers < 1:
        raise UsageError(f"--workers must be at least 1, not {config.workers}")
    if not 0 < config.port < 65536:
        raise UsageError(f"--port must be between 1 and 65535, not {config.port}")
    with open_store(config, writable=False):  # a missing store is one line and exit 2, not an empty service
        pass
    check_port_free(config.host, config.port)
    from server.wsgi import serve

    serve(config)
    return 0
