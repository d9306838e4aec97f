"""The front's worker processes: forked from the front, one request each at a time, killed at a cap.

A worker is forked from the front before or while the event loop runs (the front has no
threads, and the child closes every descriptor it inherits but its own socket pair, so it
never holds a client's connection). The front watches each busy worker: past
``query_timeout`` without the head of its answer, or past ``query_memory_mb`` of resident
memory, the worker is killed (SIGKILL) and the front answers 503 for it; a fresh worker
is forked at once. Other requests, in other workers or waiting in the front, are untouched.
A request running longer than SLOW_AFTER is lowered to niceness SLOW_NICENESS, so that
short requests on the same cores go first; afterwards its worker is raised back (or,
where the front may not raise a priority, replaced).
"""

from __future__ import annotations

import asyncio
import logging
import marshal
import os
import signal
import socket
import time
from collections.abc import Callable
from typing import Any, Protocol

from diplokg.config import Config
from server.worker import ABORT, BODY, END, FRAME, HEAD, LENGTH, READY, Request, run_worker

log = logging.getLogger(__name__)

_PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")
# A request running longer than this runs on at this niceness until it ends (or is stopped).
SLOW_AFTER = 0.5
SLOW_NICENESS = 10


class Exchange(Protocol):
    """What a worker reports to about the request it runs (a client connection's request)."""

    def head(self, payload: bytes) -> None: ...
    def body(self, payload: bytes) -> None: ...
    def end(self) -> None: ...
    def failed(self, status: int, message: str) -> None: ...


class Worker(asyncio.Protocol):
    """One worker process as the front sees it: its pid, its socket, the request it runs."""

    def __init__(self, pool: "Pool", pid: int) -> None:
        self.pool = pool
        self.pid = pid
        self.transport: asyncio.Transport | None = None
        self.ready = False
        self.dead = False
        self.exchange: Exchange | None = None
        self.started = 0.0
        self.answering = False  # the head has come: the deadline no longer applies
        self.niced = False  # running a long request at a lower CPU priority
        self._buffer = bytearray()

    # --- asyncio.Protocol ---------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        buffer = self._buffer
        buffer += data
        offset = 0
        size = len(buffer)
        while size - offset >= 5:
            kind, length = FRAME.unpack_from(buffer, offset)
            if size - offset - 5 < length:
                break
            payload = bytes(buffer[offset + 5:offset + 5 + length])
            offset += 5 + length
            self._frame(kind, payload)
            if self.dead:
                return
        del buffer[:offset]

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.dead:
            self.pool.lost(self, "the worker answering this request ended unexpectedly")

    def pause_writing(self) -> None:  # requests are small; nothing to do
        pass

    def resume_writing(self) -> None:
        pass

    # --- frames -------------------------------------------------------------------------

    def _frame(self, kind: bytes, payload: bytes) -> None:
        exchange = self.exchange
        if kind == READY:
            self.ready = True
            self.pool.ready(self)
            return
        if exchange is None:
            self.pool.lost(self, "a worker sent an answer nobody asked for")
            return
        if kind == HEAD:
            self.answering = True
            exchange.head(payload)
        elif kind == BODY:
            exchange.body(payload)
        elif kind == END:
            self.exchange = None
            self.answering = False
            exchange.end()
            self.pool.done(self)
        elif kind == ABORT:
            self.exchange = None
            exchange.failed(500, "the answer was cut by an internal error")
            self.pool.done(self)
        else:
            self.pool.lost(self, "a worker sent a frame of an unknown kind")

    # --- the front's side ---------------------------------------------------------------

    def run(self, request: Request, exchange: Exchange) -> None:
        """Give the worker one request."""
        self.exchange = exchange
        self.started = time.monotonic()
        self.answering = False
        data = marshal.dumps(request)
        assert self.transport is not None
        self.transport.write(LENGTH.pack(len(data)) + data)

    def pause(self) -> None:
        """Stop reading its answer (the client reads slower than the worker writes)."""
        if self.transport is not None and not self.dead:
            self.transport.pause_reading()

    def resume(self) -> None:
        if self.transport is not None and not self.dead:
            self.transport.resume_reading()

    def resident_bytes(self) -> int:
        """Its resident memory, from /proc (0 once it has gone)."""
        try:
            with open(f"/proc/{self.pid}/statm", "rb") as fh:
                return int(fh.read().split()[1]) * _PAGE_BYTES
        except (OSError, IndexError, ValueError):
            return 0

    def kill(self) -> None:
        """End the process now; its socket is closed."""
        self.dead = True
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        if self.transport is not None:
            self.transport.abort()


class Pool:
    """The workers: started, watched, killed and replaced by the front's event loop."""

    def __init__(self, config: Config, make_app: Callable[[Config], Any], on_idle: Callable[[Worker], None]) -> None:
        self.config = config
        self.make_app = make_app
        self.on_idle = on_idle
        self.workers: list[Worker] = []
        self.memory_cap = config.query_memory_mb * 1024 * 1024
        self.closing = False
        self.loop: asyncio.AbstractEventLoop | None = None
        self.on_ready: Callable[[Worker], None] | None = None

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        """Fork the configured number of workers."""
        self.loop = loop
        for _ in range(self.config.workers):
            self.spawn()

    def spawn(self) -> None:
        """Fork one worker and connect its socket to the loop."""
        assert self.loop is not None
        ours, theirs = socket.socketpair()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            code = 0
            try:
                ours.close()
                run_worker(theirs.detach(), self.config, self.make_app)
            except BaseException:  # noqa: BLE001 - report and leave, whatever it was
                log.exception("worker %d failed", os.getpid())
                code = 1
            finally:
                os._exit(code)
        theirs.close()
        worker = Worker(self, pid)
        self.workers.append(worker)
        ours.setblocking(False)
        self.loop.create_task(self.loop.connect_accepted_socket(lambda: worker, ours))

    def idle(self, worker: Worker) -> None:
        if not worker.dead and not self.closing:
            self.on_idle(worker)

    def ready(self, worker: Worker) -> None:
        """A new worker has opened the store."""
        if self.on_ready is not None:
            self.on_ready(worker)
        self.idle(worker)

    def done(self, worker: Worker) -> None:
        """A worker has finished its request: back to full priority (or replaced), then idle."""
        if worker.niced:
            try:
                os.setpriority(os.PRIO_PROCESS, worker.pid, 0)
                worker.niced = False
            except OSError:  # an unprivileged process cannot raise a priority back: replace it
                worker.kill()
                self._replace(worker)
                return
        self.idle(worker)

    def lost(self, worker: Worker, message: str) -> None:
        """A worker has gone (crashed, or killed): fail its request, start another."""
        exchange = worker.exchange
        worker.exchange = None
        if not worker.dead:
            worker.kill()
            log.warning("worker %d ended unexpectedly", worker.pid)
        if exchange is not None:
            exchange.failed(500, message)
        self._replace(worker)

    def stop(self, worker: Worker, status: int, message: str) -> None:
        """Kill a worker at a cap; its client is answered ``status`` with ``message``."""
        exchange = worker.exchange
        worker.exchange = None
        worker.kill()
        log.warning("worker %d killed to stop a request: %s", worker.pid, message)
        if exchange is not None:
            exchange.killed = True  # its client is charged for the worker until one replaces it
            exchange.failed(status, message)
        self._replace(worker)

    def _replace(self, worker: Worker) -> None:
        if worker in self.workers:
            self.workers.remove(worker)
            if not self.closing:
                self.spawn()

    def watch(self, now: float) -> None:
        """Stop busy workers past the deadline or the memory cap; reap ended ones (every tick)."""
        self._reap()
        timeout = self.config.query_timeout
        for worker in list(self.workers):
            if worker.exchange is None or worker.answering or worker.dead:
                continue
            elapsed = now - worker.started
            if elapsed >= SLOW_AFTER and not worker.niced:
                # A long request yields the CPU to short ones (the cores are shared with them).
                try:
                    os.setpriority(os.PRIO_PROCESS, worker.pid, SLOW_NICENESS)
                    worker.niced = True
                except OSError:
                    pass
            if elapsed >= timeout:
                self.stop(worker, 503, f"the query ran longer than the limit of {timeout:g} s and was stopped")
            elif worker.resident_bytes() > self.memory_cap:
                self.stop(worker, 503, f"the query used more memory than the limit of "
                                       f"{self.memory_cap // (1024 * 1024)} MB and was stopped after {elapsed:.1f} s")

    def _reap(self) -> None:
        while True:
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return

    def close(self) -> None:
        """Kill every worker (the front is stopping)."""
        self.closing = True
        for worker in self.workers:
            worker.kill()
        deadline = time.monotonic() + 5
        for worker in self.workers:
            while time.monotonic() < deadline:
                try:
                    pid, _ = os.waitpid(worker.pid, os.WNOHANG)
                except ChildProcessError:
                    break
                if pid:
                    break
                time.sleep(0.01)
        self.workers.clear()
