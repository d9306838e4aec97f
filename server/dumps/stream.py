"""Stream a store export to an HTTP client: the store writes in a thread, the response reads chunks."""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Iterable, Iterator, Mapping

from diplokg.store import Store
from diplokg.store.base import Triple

log = logging.getLogger(__name__)

CHUNK = 64 * 1024
_DONE = object()


class DumpAborted(Exception):
    """The export failed after the response started: the connection is closed, the body cut."""


class _Cancelled(Exception):
    """The client went away; the writer thread stops."""


class _ChunkWriter:
    """A file-like ``write`` that batches bytes into chunks on a bounded queue."""

    def __init__(self, chunks: queue.Queue, cancelled: threading.Event) -> None:
        self._chunks = chunks
        self._cancelled = cancelled
        self._buffer = bytearray()

    def write(self, data: bytes) -> int:
        """Buffer ``data``; hand a chunk over whenever CHUNK bytes are collected."""
        self._buffer += data
        if len(self._buffer) >= CHUNK:
            self.flush()
        return len(data)

    def flush(self) -> None:
        """Hand over what is buffered, waiting while the reader is behind."""
        if self._buffer:
            self._put(bytes(self._buffer))
            self._buffer.clear()

    def _put(self, item: object) -> None:
        while True:
            if self._cancelled.is_set():
                raise _Cancelled()
            try:
                self._chunks.put(item, timeout=0.2)
                return
            except queue.Full:
                continue

    def finish(self, outcome: object) -> None:
        """Flush, then tell the reader the export is over (``_DONE`` or the exception)."""
        if outcome is _DONE:
            self.flush()
        self._put(outcome)


def stream_export(store: Store, fmt: str,
                  replace: Mapping[str, Iterable[Triple]] | None = None) -> Iterator[bytes]:
    """Chunks of ``store.export(fmt)``, produced by a thread; memory stays bounded.

    The worker pool's deadline ends when the head of the answer is sent, so a long dump is
    never cut off for its length (server/pool.py).
    """
    chunks: queue.Queue = queue.Queue(maxsize=8)
    cancelled = threading.Event()
    writer = _ChunkWriter(chunks, cancelled)

    def produce() -> None:
        try:
            store.export(writer, fmt, replace=replace)  # type: ignore[arg-type]
            writer.finish(_DONE)
        except _Cancelled:
            log.info("export (%s) stopped: the client went away", fmt)
        except Exception as exc:  # noqa: BLE001 - reported to the reader and logged
            log.exception("export (%s) failed mid-stream", fmt)
            try:
                writer.finish(exc)
            except _Cancelled:
                pass

    thread = threading.Thread(target=produce, name=f"export-{fmt}", daemon=True)
    thread.start()
    try:
        while True:
            item = chunks.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise DumpAborted(f"export failed: {item}")
            yield item
    finally:
        cancelled.set()
        thread.join(timeout=5)
