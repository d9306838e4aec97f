"""A query worker: one process, one request at a time, the Flask app called through WSGI.

The front (``server.front``) reads each request whole, then hands it to an idle worker over
a Unix socket pair; the worker answers in frames. Nothing else reaches a worker: it has no
listening socket, no client connection, and (under the sandbox) cannot create a socket at
all, so whatever a query makes the engine try, it cannot dial out. A worker that runs past
the deadline or the memory cap is killed by the front, which answers the client itself.

Frames, front → worker: a 4-byte big-endian length, then ``marshal`` of the request tuple
(method, path, query string, headers, body, client address, client port, HTTP version).
Worker → front: a 1-byte kind and a 4-byte length, then the payload: ``R`` (ready, empty),
``H`` (head: the status code in ASCII, a space, then ``Name: value\\r\\n`` header lines),
``B`` (a piece of the body), ``E`` (end of the response), ``A`` (the response was cut).
"""

from __future__ import annotations

import io
import logging
import marshal
import os
import resource
import signal
import socket
import struct
import sys
import urllib.parse
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import unquote_to_bytes

from diplokg.config import Config

log = logging.getLogger(__name__)

LENGTH = struct.Struct(">I")
FRAME = struct.Struct(">cI")
READY, HEAD, BODY, END, ABORT = b"R", b"H", b"B", b"E", b"A"
# The hard address-space cap is this multiple of query_memory_mb (virtual memory counts
# reserved but unused pages: thread stacks, allocator arenas, the engine's mappings).
ADDRESS_SPACE_FACTOR = 4
# Body pieces are gathered up to this size before a frame is sent.
_GATHER = 64 * 1024

Request = tuple[str, str, str, tuple[tuple[str, str], ...], bytes, str, int, str]


def frame(kind: bytes, payload: bytes = b"") -> bytes:
    """One worker → front frame."""
    return FRAME.pack(kind, len(payload)) + payload


def environ_for(request: Request, config: Config) -> dict[str, Any]:
    """The WSGI environ of a request read by the front."""
    method, path, query, headers, body, client, client_port, version = request
    environ: dict[str, Any] = {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": unquote_to_bytes(path).decode("latin-1"),
        "QUERY_STRING": query,
        "SERVER_NAME": config.host,
        "SERVER_PORT": str(config.port),
        "SERVER_PROTOCOL": version,
        "REMOTE_ADDR": client,
        "REMOTE_PORT": str(client_port),
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    if body:
        environ["CONTENT_LENGTH"] = str(len(body))
    for name, value in headers:
        key = name.upper().replace("-", "_")
        if key == "CONTENT_TYPE":
            environ["CONTENT_TYPE"] = value
        elif key == "CONTENT_LENGTH":
            continue  # the front has read the whole body: its length is the truth
        else:
            key = "HTTP_" + key
            environ[key] = f"{environ[key]},{value}" if key in environ else value
    return environ


class _Reply:
    """What the app said through start_response."""

    __slots__ = ("head",)

    def __init__(self) -> None:
        self.head: bytes | None = None

    def start_response(self, status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[[bytes], None]:
        code = status.split(" ", 1)[0]
        lines = "".join(f"{name}: {value}\r\n" for name, value in headers)
        self.head = (code + " " + lines).encode("latin-1")
        return self._write_refused

    @staticmethod
    def _write_refused(data: bytes) -> None:
        raise RuntimeError("the write() callable of WSGI is not supported")


def answer(app: Callable[..., Iterable[bytes]], request: Request, config: Config, send: Callable[[bytes], None]) -> None:
    """Run one request through the WSGI app and send its frames.

    An app that fails after its head was sent makes the worker send ``A`` (abort): the front
    then closes the client's connection, so a cut body is never taken for a whole one.
    """
    reply = _Reply()
    head_sent = False
    result: Iterable[bytes] = ()
    try:
        result = app(environ_for(request, config), reply.start_response)
        pending: list[bytes] = []
        size = 0
        for chunk in result:
            if not chunk:
                continue
            pending.append(chunk)
            size += len(chunk)
            if size >= _GATHER:
                out = b"" if head_sent else frame(HEAD, reply.head or b"500 ")
                send(out + frame(BODY, b"".join(pending)))
                head_sent = True
                pending, size = [], 0
        out = b"" if head_sent else frame(HEAD, reply.head or b"500 ")
        if pending:
            out += frame(BODY, b"".join(pending))
        send(out + frame(END))
    except (BrokenPipeError, ConnectionResetError):
        raise
    except Exception:
        log.exception("%s %s failed", request[0], request[1])
        if head_sent:
            send(frame(ABORT))
        else:
            body = b'{"error": "internal error: the server could not answer this request", "status": 500}\n'
            head = f"500 Content-Type: application/json\r\nContent-Length: {len(body)}\r\n".encode("ascii")
            send(frame(HEAD, head) + frame(BODY, body) + frame(END))
    finally:
        close = getattr(result, "close", None)
        if close is not None:
            close()


def _close_inherited(keep: int) -> int:
    """Close every descriptor but 0-2 and ``keep``, which becomes descriptor 3."""
    if keep != 3:
        os.dup2(keep, 3)
        os.close(keep)
    os.closerange(4, resource.getrlimit(resource.RLIMIT_NOFILE)[0])
    return 3


def _cap_memory(config: Config) -> None:
    cap = config.query_memory_mb * 1024 * 1024 * ADDRESS_SPACE_FACTOR
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard == resource.RLIM_INFINITY or hard > cap:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap if hard == resource.RLIM_INFINITY else hard))


def store_port(config: Config) -> int:
    """The TCP port of a remote store's query endpoint (the one a worker may reach)."""
    parts = urllib.parse.urlsplit(config.store_query_url or config.store)
    return parts.port or (443 if parts.scheme == "https" else 80)


def run_worker(fd: int, config: Config, make_app: Callable[[Config], Any]) -> None:
    """The worker's life (in a child just forked by the front): sandbox, app, then requests."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the front stops the workers
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.set_wakeup_fd(-1)
    fd = _close_inherited(fd)
    if config.sandbox:
        from server.sandbox import forbid_sockets, forbid_sockets_but_store

        if config.store_is_remote:  # TCP to the store's port only (Landlock), no other socket
            forbid_sockets_but_store(store_port(config))
        else:
            forbid_sockets()
    _cap_memory(config)
    app = make_app(config)
    warm = app.config.get("DIPLOKG_WARM")
    if warm is not None:
        warm(app)
    sock = socket.socket(fileno=fd)
    sock.setblocking(True)
    rfile = sock.makefile("rb", buffering=256 * 1024)
    send = sock.sendall
    send(frame(READY))
    while True:
        head = rfile.read(4)
        if len(head) < 4:
            return  # the front has gone
        (length,) = LENGTH.unpack(head)
        request = marshal.loads(rfile.read(length))
        try:
            answer(app, request, config, send)
        except (BrokenPipeError, ConnectionResetError):
            return
