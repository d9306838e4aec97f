"""The HTTP front of ``diplokg serve``: an event loop that owns every client connection.

The front reads each request whole (line, headers and body) before any worker sees it, so
a slow or stalled client costs a few kilobytes of memory and a timer, never a worker.
It keeps connections alive between requests, enforces the request-line, header and body
limits and the timeouts of each phase, and hands complete requests to the worker pool
(``server.pool``) fairly: each client (IP address) has its own queue, at most
``client_queries`` of its requests run at once, and idle workers take the clients' queues
in turn. A worker past the deadline or the memory cap is killed and its client answered
503 by the front; nobody else notices.

Every answer the front gives itself has the service's one error shape
(``server.errors.error_body``) and the security headers of ``server.headers``.
HTTP parsing is llhttp's (Node's parser) through ``httptools``; the loop is ``uvloop``.
"""

from __future__ import annotations

import asyncio
import collections
import email.utils
import logging
import socket
import time
from typing import Any, NoReturn

import httptools

from diplokg.config import Config
from server.errors import error_body
from server.headers import EVERY_RESPONSE
from server.pool import Pool, Worker

log = logging.getLogger(__name__)
access = logging.getLogger("diplokg.access")

TICK = 0.05
_PIPELINED = 8  # requests of one connection read ahead of its answers
_REASONS = {
    100: "Continue", 200: "OK", 204: "No Content", 206: "Partial Content", 301: "Moved Permanently",
    302: "Found", 303: "See Other", 304: "Not Modified", 307: "Temporary Redirect",
    308: "Permanent Redirect", 400: "Bad Request", 403: "Forbidden", 404: "Not Found",
    405: "Method Not Allowed", 406: "Not Acceptable", 408: "Request Timeout", 411: "Length Required",
    413: "Content Too Large", 414: "URI Too Long", 415: "Unsupported Media Type", 417: "Expectation Failed",
    422: "Unprocessable Content", 429: "Too Many Requests", 431: "Request Header Fields Too Large",
    500: "Internal Server Error", 501: "Not Implemented", 503: "Service Unavailable",
    505: "HTTP Version Not Supported",
}
_FRONT_HEADERS = "".join(f"{name}: {value}\r\n" for name, value in EVERY_RESPONSE)
_NO_BODY = (204, 304)


class _Refuse(Exception):
    """Raised inside the parser's callbacks: answer ``status`` and close the connection."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class Client:
    """One client address: its connections, its running requests, its waiting ones."""

    __slots__ = ("address", "connections", "running", "waiting")

    def __init__(self, address: str) -> None:
        self.address = address
        self.connections = 0
        self.running = 0
        self.waiting: collections.deque[Exchange] = collections.deque()


class Exchange:
    """One request of a connection and its answer, from the front's side."""

    __slots__ = ("conn", "request", "method", "path", "accept", "queued", "started", "status",
                 "chunked", "keep_alive", "done", "worker", "sent", "pending_head", "killed")

    def __init__(self, conn: "Connection", request: tuple, keep_alive: bool, accept: str | None) -> None:
        self.conn = conn
        self.request = request
        self.method = request[0]
        self.path = request[1]
        self.accept = accept
        self.keep_alive = keep_alive
        self.queued = time.monotonic()
        self.started = 0.0
        self.status = 0
        self.chunked = False
        self.done = False
        self.worker: Worker | None = None
        self.sent = 0
        self.pending_head = b""  # written with the first piece of the body: one packet for small answers
        self.killed = False  # its worker was killed at a cap

    # --- what the worker reports (server.pool.Exchange) ---------------------------------

    def head(self, payload: bytes) -> None:
        conn = self.conn
        space = payload.index(b" ")
        status = int(payload[:space])
        headers = payload[space + 1:]
        self.status = status
        if conn.closed:
            return
        lower = headers.lower()
        has_length = lower.startswith(b"content-length:") or b"\r\ncontent-length:" in lower
        out = [conn.front.status_line(status), headers, conn.front.date_header]
        if not has_length and status not in _NO_BODY and self.method != "HEAD":
            if conn.http11:
                self.chunked = True
                out.append(b"Transfer-Encoding: chunked\r\n")
            else:
                self.keep_alive = False
        if not self.keep_alive:
            out.append(b"Connection: close\r\n")
        out.append(b"\r\n")
        self.pending_head = b"".join(out)

    def body(self, payload: bytes) -> None:
        conn = self.conn
        if conn.closed or self.method == "HEAD":
            return
        self.sent += len(payload)
        if self.chunked:
            payload = b"%x\r\n%b\r\n" % (len(payload), payload)
        if self.pending_head:
            payload = self.pending_head + payload
            self.pending_head = b""
        conn.write(payload)

    def end(self) -> None:
        if not self.conn.closed:
            tail = b"0\r\n\r\n" if self.chunked and self.method != "HEAD" else b""
            if self.pending_head or tail:
                self.conn.write(self.pending_head + tail)
                self.pending_head = b""
        self._finish()

    def failed(self, status: int, message: str) -> None:
        """The worker could not answer (killed at a cap, or crashed)."""
        if self.status:  # a head was sent: the answer can only be cut
            self.keep_alive = False
            self.status = -self.status
            self._finish()
            return
        self.conn.front.refuse_exchange(self, status, message)

    def _finish(self) -> None:
        if self.done:
            return
        self.done = True
        front = self.conn.front
        front.finished(self)
        self.conn.answered(self)


_FRONT_HEADERS_BYTES = _FRONT_HEADERS.encode("latin-1")


class Connection(asyncio.Protocol):
    """One client connection: parses requests, queues them, writes the answers in order."""

    def __init__(self, front: "Front") -> None:
        self.front = front
        self.config = front.config
        self.transport: asyncio.Transport | None = None
        self.client: Client | None = None
        self.client_port = 0
        self.parser = httptools.HttpRequestParser(self)
        self.closed = False
        self.http11 = True
        self.queue: collections.deque[Exchange] = collections.deque()
        self.current: Exchange | None = None
        # The phase's deadline, checked by the front's tick (no timer object per phase).
        self.deadline = 0.0
        self.phase = ""
        self._reading = True
        self._writing_paused = False
        self._refusal: _Refuse | None = None  # raised in a parser callback (httptools wraps it)
        self._reset_request()

    def _reset_request(self) -> None:
        self.url = bytearray()
        self.headers: list[tuple[str, str]] = []
        self.head_bytes = 0
        self.in_head = False
        self.body = bytearray()
        self.expect_continue = False

    # --- connection -----------------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        peer = transport.get_extra_info("peername") or ("?", 0)
        address = peer[0]
        self.client_port = peer[1] if len(peer) > 1 else 0
        client = self.front.client(address)
        self.client = client
        self.front.connections.add(self)
        client.connections += 1
        if client.connections > self.config.client_connections:
            self.send_error(503, f"too many connections from {address} (the limit is "
                                 f"{self.config.client_connections}): close some and try again", close=True)
            return
        self._arm(self.config.header_timeout, "idle")

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self._disarm()
        front = self.front
        front.connections.discard(self)
        for exchange in self.queue:
            front.forget(exchange)
        self.queue.clear()
        if self.client is not None:
            self.client.connections -= 1
            front.release_client(self.client)
        current = self.current
        if current is not None and current.worker is not None:
            current.worker.resume()  # its answer is read and dropped

    def data_received(self, data: bytes) -> None:
        if self.closed:
            return
        try:
            self.parser.feed_data(data)
            if self.in_head:  # still in a request's line and headers: bound what httptools buffers
                self.head_bytes += len(data)
                if self.head_bytes > self.config.max_request_line + self.config.max_header_bytes:
                    self._head_too_large()
        except _Refuse as refusal:
            self.send_error(refusal.status, refusal.message, close=True)
        except httptools.HttpParserUpgrade:
            self.send_error(400, "protocol upgrades are not supported", close=True)
        except httptools.HttpParserError as exc:
            refusal = self._refusal
            if refusal is not None:
                self.send_error(refusal.status, refusal.message, close=True)
            else:
                self.send_error(400, f"malformed HTTP request: {_parser_reason(exc)}", close=True)

    def _refuse(self, status: int, message: str) -> NoReturn:
        """Stop parsing: answer ``status`` and close (called from the parser's callbacks too)."""
        self._refusal = _Refuse(status, message)
        raise self._refusal

    def _head_too_large(self) -> None:
        if len(self.url) > self.config.max_request_line or not self.headers:
            self._refuse(414, f"the request line is longer than {self.config.max_request_line} bytes: "
                              "send long queries in a POST body")
        self._refuse(431, f"the request headers are larger than {self.config.max_header_bytes} bytes")

    def eof_received(self) -> bool:
        # A client that half-closes after its request still gets the answer.
        return bool(self.queue or self.current)

    def pause_writing(self) -> None:
        self._writing_paused = True
        if self.current is not None and self.current.worker is not None:
            self.current.worker.pause()

    def resume_writing(self) -> None:
        self._writing_paused = False
        if self.current is not None and self.current.worker is not None:
            self.current.worker.resume()

    # --- timers ---------------------------------------------------------------------------

    def _arm(self, seconds: float, phase: str) -> None:
        self.deadline = time.monotonic() + seconds
        self.phase = phase

    def _disarm(self) -> None:
        self.phase = ""

    def _expired(self, phase: str) -> None:
        self.phase = ""
        if self.closed:
            return
        if phase == "idle":
            self.close()
        elif phase == "head":
            self.send_error(408, f"the request's line and headers did not arrive within "
                                 f"{self.config.header_timeout:g} s", close=True)
        elif phase == "body":
            self.send_error(408, f"the request's body did not arrive within {self.config.body_timeout:g} s", close=True)

    # --- httptools callbacks --------------------------------------------------------------

    def on_message_begin(self) -> None:
        self._reset_request()
        self.in_head = True
        self._arm(self.config.header_timeout, "head")

    def on_url(self, url: bytes) -> None:
        self.url += url
        if len(self.url) > self.config.max_request_line:
            self._refuse(414, f"the request line is longer than {self.config.max_request_line} bytes: "
                               "send long queries in a POST body")

    def on_header(self, name: bytes, value: bytes) -> None:
        headers = self.headers
        if len(headers) >= 100:
            self._refuse(431, "the request has more than 100 header fields")
        try:
            headers.append((name.decode("latin-1"), value.decode("latin-1")))
        except UnicodeDecodeError:  # latin-1 decodes every byte; kept for clarity
            self._refuse(400, "a header is not Latin-1 text")

    def on_headers_complete(self) -> None:
        self.in_head = False
        if len(self.url) > self.config.max_request_line:
            self._head_too_large()
        if sum(len(n) + len(v) + 4 for n, v in self.headers) > self.config.max_header_bytes:
            self._refuse(431, f"the request headers are larger than {self.config.max_header_bytes} bytes")
        parser = self.parser
        self.http11 = parser.get_http_version() == "1.1"
        limit = self.front.max_body
        for name, value in self.headers:
            lower = name.lower()
            if lower == "content-length":
                try:
                    length = int(value)
                except ValueError:
                    self._refuse(400, "Content-Length is not a number")
                if length > limit:
                    self._refuse(413, f"the request body is {length} bytes, over the limit of {limit} bytes")
            elif lower == "expect":
                if value.lower() != "100-continue":
                    self._refuse(417, f"Expect: {value} is not supported")
                self.expect_continue = True
        if self.expect_continue and self.transport is not None:
            self.transport.write(b"HTTP/1.1 100 Continue\r\n\r\n")
        self._arm(self.config.body_timeout, "body")

    def on_body(self, body: bytes) -> None:
        self.body += body
        if len(self.body) > self.front.max_body:
            self._refuse(413, f"the request body is over the limit of {self.front.max_body} bytes")

    def on_message_complete(self) -> None:
        parser = self.parser
        method = parser.get_method().decode("ascii", "replace")
        try:
            parsed = httptools.parse_url(bytes(self.url))
        except httptools.HttpParserInvalidURLError:
            self._refuse(400, "the request target is not a valid URL")
        path = (parsed.path or b"/").decode("latin-1")
        query = (parsed.query or b"").decode("latin-1")
        accept = None
        for name, value in self.headers:
            if name.lower() == "accept":
                accept = value
        keep_alive = parser.should_keep_alive()
        request = (method, path, query, tuple(self.headers), bytes(self.body), self.client.address if self.client else "",
                   self.client_port, "HTTP/1.1" if self.http11 else "HTTP/1.0")
        exchange = Exchange(self, request, keep_alive, accept)
        self._reset_request()
        self.queue.append(exchange)
        if len(self.queue) >= _PIPELINED and self.transport is not None and self._reading:
            self.transport.pause_reading()
            self._reading = False
        self._disarm()
        self._next()

    # --- answers --------------------------------------------------------------------------

    def _next(self) -> None:
        """Start the next queued request of this connection, in order."""
        if self.current is not None or not self.queue or self.closed:
            return
        exchange = self.queue.popleft()
        self.current = exchange
        self.front.submit(exchange)

    def answered(self, exchange: Exchange) -> None:
        """The current request has its whole answer."""
        if self.current is exchange:
            self.current = None
        if self.closed:
            return
        if not exchange.keep_alive:
            self.close()
            return
        if not self._reading and self.transport is not None:
            self.transport.resume_reading()
            self._reading = True
        if self.queue:
            self._next()
        elif not self.in_head:
            self._arm(self.config.keepalive_timeout, "idle")

    def write(self, data: bytes) -> None:
        if self.transport is not None and not self.closed:
            self.transport.write(data)

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        self._disarm()
        if self.transport is not None:
            self.transport.close()

    def send_error(self, status: int, message: str, close: bool, accept: str | None = None) -> None:
        """Answer an error the front found itself (in the service's error shape)."""
        if self.closed or self.transport is None:
            return
        if accept is None:
            for name, value in self.headers or ():
                if name.lower() == "accept":
                    accept = value
        body, content_type = error_body(status, message, accept)
        head = (f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
                + ("Connection: close\r\n" if close else "")).encode("latin-1")
        self.transport.write(self.front.status_line(status) + head + _FRONT_HEADERS_BYTES
                             + self.front.date_header + b"\r\n" + body)
        access.info('%s "%s %s" %d 0ms', self.client.address if self.client else "-", "-",
                    bytes(self.url[:200]).decode("latin-1"), status)
        if close:
            self.close()


def _parser_reason(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0][:200]


class Front:
    """The listening socket, the clients, the scheduler and the worker pool."""

    def __init__(self, config: Config, pool: Pool) -> None:
        self.config = config
        self.pool = pool
        self.loop: asyncio.AbstractEventLoop = asyncio.get_event_loop()
        self.clients: dict[str, Client] = {}
        self.connections: set[Connection] = set()
        self.turns: collections.OrderedDict[str, Client] = collections.OrderedDict()
        self.idle: list[Worker] = []
        # Clients whose request was killed at a cap, each charged one running slot until a
        # fresh worker is ready: a client cannot take the capacity its runaway query cost.
        self.charged: collections.deque[Client] = collections.deque()
        # Room for a form-encoded query of max_query_bytes (percent-encoding triples a byte).
        self.max_body = 3 * config.max_query_bytes + 64 * 1024
        self._status_lines: dict[int, bytes] = {}
        self.date_header = b""
        self._tick_date()

    # --- clients --------------------------------------------------------------------------

    def client(self, address: str) -> Client:
        found = self.clients.get(address)
        if found is None:
            found = self.clients[address] = Client(address)
        return found

    def release_client(self, client: Client) -> None:
        if client.connections <= 0 and client.running <= 0 and not client.waiting:
            self.clients.pop(client.address, None)
            self.turns.pop(client.address, None)

    # --- scheduling -----------------------------------------------------------------------

    def submit(self, exchange: Exchange) -> None:
        """Queue a complete request for a worker, in its client's queue."""
        client = exchange.conn.client
        assert client is not None
        if len(client.waiting) >= self.config.client_queue:
            self.refuse_exchange(exchange, 429, f"too many requests from {client.address} are waiting "
                                                f"(the limit is {self.config.client_queue}): wait for answers first")
            return
        client.waiting.append(exchange)
        if client.address not in self.turns:
            self.turns[client.address] = client
        self.dispatch()

    def dispatch(self) -> None:
        """Give idle workers to waiting requests, one client after another.

        A client with nothing running goes first; a client that has a request running may
        take another worker (up to ``client_queries``) but, while other clients are
        connected, never the last idle one, which is kept for a client with nothing running
        (a worker being replaced after a kill would otherwise leave it waiting).
        """
        limit = self.config.client_queries
        turns = self.turns
        while self.idle and turns:
            chosen = None
            for client in turns.values():
                if client.running == 0 and client.waiting:
                    chosen = client
                    break
            if chosen is None and (len(self.idle) > 1 or len(self.clients) == 1):
                for client in turns.values():
                    if client.running < limit and client.waiting:
                        chosen = client
                        break
            if chosen is None:
                return
            exchange = chosen.waiting.popleft()
            turns.move_to_end(chosen.address)
            if not chosen.waiting:
                del turns[chosen.address]
            if exchange.conn.closed:
                continue
            worker = self.idle.pop()
            chosen.running += 1
            exchange.worker = worker
            exchange.started = time.monotonic()
            worker.run(exchange.request, exchange)

    def worker_idle(self, worker: Worker) -> None:
        self.idle.append(worker)
        self.dispatch()

    def worker_ready(self, worker: Worker) -> None:
        """A fresh worker: the oldest charge is lifted."""
        if self.charged:
            client = self.charged.popleft()
            client.running -= 1
            self.release_client(client)

    def finished(self, exchange: Exchange) -> None:
        """An exchange is over: free its client's slot and log it."""
        client = exchange.conn.client
        if exchange.worker is not None and client is not None:
            if exchange.killed:  # the slot stays taken until a fresh worker replaces the killed one
                self.charged.append(client)
            else:
                client.running -= 1
            exchange.worker = None
        ms = (time.monotonic() - exchange.queued) * 1000
        access.info('%s "%s %s" %d %dms', client.address if client else "-", exchange.method, exchange.path,
                    abs(exchange.status), ms)
        if client is not None:
            self.release_client(client)

    def forget(self, exchange: Exchange) -> None:
        """A queued request whose connection has closed."""
        client = exchange.conn.client
        if client is not None and exchange in client.waiting:
            client.waiting.remove(exchange)

    def refuse_exchange(self, exchange: Exchange, status: int, message: str) -> None:
        """Answer a queued or running request with an error of the front."""
        client = exchange.conn.client
        if client is not None and exchange in client.waiting:
            client.waiting.remove(exchange)
        exchange.status = status
        conn = exchange.conn
        close = status >= 500 and status != 503 or not exchange.keep_alive
        conn.send_error(status, message, close=close, accept=exchange.accept)
        exchange.keep_alive = exchange.keep_alive and not close
        exchange._finish()

    # --- the clock ------------------------------------------------------------------------

    def status_line(self, status: int) -> bytes:
        line = self._status_lines.get(status)
        if line is None:
            line = self._status_lines[status] = f"HTTP/1.1 {status} {_REASONS.get(status, 'Unknown')}\r\n".encode("ascii")
        return line

    def _tick_date(self) -> None:
        self.date_header = ("Date: " + email.utils.formatdate(usegmt=True) + "\r\n").encode("ascii")

    def tick(self) -> None:
        """Every TICK: caps on running workers, waits in queues, the Date header."""
        now = time.monotonic()
        self.pool.watch(now)
        wait = self.config.query_timeout
        for client in list(self.turns.values()):
            while client.waiting and now - client.waiting[0].queued > wait:
                self.refuse_exchange(client.waiting[0], 503, f"the service is busy: no worker was free within "
                                                            f"{wait:g} s; try again later")
            if not client.waiting:
                self.turns.pop(client.address, None)
        for conn in [c for c in self.connections if c.phase and c.deadline <= now]:
            conn._expired(conn.phase)
        self._tick_date()
        for handler in access.handlers:  # access lines are written in batches, once a tick
            handler.flush()
        self.loop.call_later(TICK, self.tick)


def run_front(config: Config, listener: Any, pool: Pool, stop: asyncio.Future) -> Any:
    """The coroutine that serves ``listener`` until ``stop`` is set."""

    async def main() -> None:
        front = Front(config, pool)
        pool.on_idle = front.worker_idle
        pool.on_ready = front.worker_ready
        pool.start(front.loop)
        server = await front.loop.create_server(lambda: Connection(front), sock=listener, backlog=1024)
        front.loop.call_later(TICK, front.tick)
        try:
            await stop
        finally:
            server.close()
            pool.close()

    return main()
