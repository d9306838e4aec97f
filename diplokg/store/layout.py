"""The store directory: one writer's primary database, published read-only snapshots.

Layout of ``{store}``::

    primary/            the RocksDB database, opened read-write by one writer at a time
    writer.lock         flock'ed by that writer
    snapshots/<gen>/    checkpoints of primary (hard links), opened read-only by readers
    CURRENT             the name of the newest published snapshot (replaced atomically)
    FORMAT              how primary is organised (its default graph is the union index)
    UNPUBLISHED         present while primary holds changes not yet published (a writer
                        killed before publishing leaves it; the next writer publishes)

    snapshots/<gen>.readers   the snapshot's lease: each reader holds a shared flock on it
                        while it may read the snapshot

pyoxigraph documents opening a database read-only while another process writes it as
undefined behaviour, so readers never open ``primary``: they open the snapshot named by
``CURRENT`` and reopen when that file changes (one ``os.stat`` per use).

A snapshot is a checkpoint: hard links to primary's tables, which become the snapshot's own
copies once primary compacts them away. So superseded snapshots are deleted as soon as no
reader holds them: the writer takes the lease's exclusive lock without waiting (the kernel
says whether a reader holds it), unlinks the lease, then deletes the snapshot. A reader that
locked a lease checks that its file is still the one at the lease's path; else the snapshot
is being deleted and it reads ``CURRENT`` again. The current snapshot is kept anyway.
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import time
from pathlib import Path

from diplokg.errors import StoreError

log = logging.getLogger(__name__)

KEEP_SNAPSHOTS = 1  # besides those readers hold: the current one
# snapshots published without a lease (by a version before leases) are kept this long
GRACE_SECONDS = 600.0


class Layout:
    """Paths and pointer-file operations of one store directory."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)
        self.primary = self.root / "primary"
        self.snapshots = self.root / "snapshots"
        self.current = self.root / "CURRENT"
        self.lock_file = self.root / "writer.lock"
        self.unpublished = self.root / "UNPUBLISHED"
        self.format_file = self.root / "FORMAT"

    def exists(self) -> bool:
        """Whether this directory holds a store (a writer has created its primary database)."""
        return self.primary.is_dir() or self.current.exists()

    def current_snapshot(self) -> Path | None:
        """The snapshot named by CURRENT, or None before the first publication."""
        try:
            name = self.current.read_text(encoding="ascii").strip()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StoreError(f"cannot read {self.current}: {exc.strerror}") from None
        path = self.snapshots / name
        if not name or not path.is_dir():
            raise StoreError(f"store {self.root} is damaged: CURRENT names a missing snapshot {name!r}")
        return path

    def pointer_stamp(self) -> tuple[int, int] | None:
        """A cheap identity of the pointer file (inode, mtime), None when absent."""
        try:
            st = os.stat(self.current)
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_mtime_ns)

    def next_generation(self) -> Path:
        """A fresh snapshot directory path (not created)."""
        self.snapshots.mkdir(parents=True, exist_ok=True)
        numbers = [int(p.name) for p in self.snapshots.iterdir() if p.name.isdigit()]
        return self.snapshots / f"{max(numbers, default=0) + 1:012d}"

    def point_to(self, snapshot: Path) -> None:
        """Make ``snapshot`` current: write a temporary file, fsync, rename over CURRENT."""
        tmp = self.root / f"CURRENT.{os.getpid()}.tmp"
        with open(tmp, "w", encoding="ascii") as fh:
            fh.write(snapshot.name + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.current)

    def lease_file(self, snapshot: Path) -> Path:
        """The file whose flock leases ``snapshot`` to its readers."""
        return snapshot.with_name(snapshot.name + ".readers")

    def create_lease(self, snapshot: Path) -> None:
        """Give a new snapshot its lease file (the writer, before pointing CURRENT at it)."""
        self.lease_file(snapshot).touch()

    def prune(self, now: float | None = None) -> list[Path]:
        """Delete old snapshots: all but the current one that no reader holds (a snapshot
        without a lease file: once superseded for the grace period)."""
        if not self.snapshots.is_dir():
            return []
        now = time.time() if now is None else now
        gens = sorted((p for p in self.snapshots.iterdir() if p.name.isdigit()), key=lambda p: p.name)
        current = self.current_snapshot()
        removed = []
        for older, newer in zip(gens[:-KEEP_SNAPSHOTS], gens[1:]):
            if older == current:
                continue
            lease = self.lease_file(older)
            if lease.exists():
                if not _delete_unless_leased(older, lease):
                    continue
            elif now - newer.stat().st_mtime < GRACE_SECONDS:
                continue
            else:
                shutil.rmtree(older, ignore_errors=True)
            removed.append(older)
        for stray in self.snapshots.glob("*.partial"):
            shutil.rmtree(stray, ignore_errors=True)
        return removed


def _delete_unless_leased(snapshot: Path, lease: Path) -> bool:
    """Delete ``snapshot`` if no reader holds its lease; whether it was deleted."""
    try:
        fh = open(lease, "rb")
    except FileNotFoundError:
        return False
    with fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # a reader holds it
        # unlinked first: a reader that locks this file after us sees it is no longer the lease
        lease.unlink(missing_ok=True)
        shutil.rmtree(snapshot, ignore_errors=True)
    return True


class Lease:
    """A reader's hold on one snapshot: a shared flock on its lease file, until released
    (or until the lease is garbage-collected: the descriptor closes with it)."""

    def __init__(self, fd: int) -> None:
        self._fd: int | None = fd

    def release(self) -> None:
        """Let the writer delete the snapshot (when superseded)."""
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)  # closing the last descriptor releases the flock

    def __del__(self) -> None:
        try:
            self.release()
        except Exception:  # interpreter shutdown: the descriptor closes with the process
            pass


def take_lease(layout: Layout) -> tuple[Path | None, Lease | None]:
    """The current snapshot and a lease on it (None for a snapshot published without one).

    Retries when the writer deleted the snapshot between reading CURRENT and the lock."""
    for _ in range(100):
        snapshot = layout.current_snapshot()
        if snapshot is None:
            return None, None
        lease = layout.lease_file(snapshot)
        try:
            fd = os.open(lease, os.O_RDONLY | os.O_CLOEXEC)
        except FileNotFoundError:
            if snapshot.is_dir() and layout.current_snapshot() == snapshot:
                return snapshot, None  # published before leases: kept for the grace period
            continue
        held = Lease(fd)
        fcntl.flock(fd, fcntl.LOCK_SH)
        try:
            still = os.stat(lease).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            still = False
        if still and snapshot.is_dir():
            return snapshot, held
        held.release()
    raise StoreError(f"store {layout.root}: cannot hold a snapshot while it is being replaced; try again")


class WriterLock:
    """An exclusive, non-blocking flock on ``writer.lock`` (released on close or exit)."""

    def __init__(self, layout: Layout) -> None:
        layout.root.mkdir(parents=True, exist_ok=True)
        self._fh = open(layout.lock_file, "a+", encoding="ascii")
        try:
            fcntl.flock(self._fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._fh.seek(0)
            holder = self._fh.read().strip() or "another process"
            self._fh.close()
            raise StoreError(
                f"store {layout.root} is being written by {holder}; wait for it to finish"
            ) from None
        self._fh.seek(0)
        self._fh.truncate()
        self._fh.write(f"pid {os.getpid()}\n")
        self._fh.flush()

    def release(self) -> None:
        """Release the lock."""
        if not self._fh.closed:
            fcntl.flock(self._fh.fileno(), fcntl.LOCK_UN)
            self._fh.close()
