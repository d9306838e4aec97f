"""``diplokg ingest PATH...``: read, extract, validate, reason and store articles."""

from __future__ import annotations

import argparse
import itertools
import os
import stat
import sys
import time
from typing import TextIO

from diplokg.config import Config
from diplokg.iris import Iris
from diplokg.store import open_store

PLAIN_EVERY = 100


def estimate_articles(paths: list[str]) -> int:
    """A quick count of articles for the progress bar (.txt files, non-blank .jsonl lines)."""
    total = 0
    for name in paths:
        files = [name] if not os.path.isdir(name) else [
            os.path.join(d, f) for d, _, fs in os.walk(name) for f in fs if not f.startswith(".")]
        for path in files:
            if path.lower().endswith(".txt"):
                total += 1
            elif path.lower().endswith(".jsonl"):
                total += _records(path)
    return total


def _records(path: str) -> int:
    """Non-blank lines of a regular file (1 for anything else: a FIFO is never opened)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return 1
        with open(path, "rb") as fh:
            return sum(1 for line in fh if line.strip())
    except OSError:
        return 1


class Progress:
    """A bar redrawn in place on a terminal; a plain line every few articles in a pipe."""

    def __init__(self, total: int, stream: TextIO, bar: bool) -> None:
        self.total = max(total, 1)
        self.stream = stream
        self.bar = bar
        self.started = time.monotonic()
        self._last_draw = 0.0
        self._rejected_shown = 0

    def __call__(self, summary) -> None:
        done = summary.accepted + len(summary.rejected)
        rate = done / max(time.monotonic() - self.started, 1e-9)
        if self.bar:
            now = time.monotonic()
            if now - self._last_draw < 0.1 and done < self.total:
                return
            self._last_draw = now
            width = 30
            filled = min(width, width * done // self.total)
            self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{self.total} "
                              f"{len(summary.rejected)} rejected {rate:.1f}/s ")
            self.stream.flush()
            return
        for rejection in summary.rejected[self._rejected_shown:]:
            self.stream.write(f"rejected {rejection}\n")
        self._rejected_shown = len(summary.rejected)
        if done % PLAIN_EVERY == 0:
            self.stream.write(f"{done} articles, {summary.accepted} accepted, {len(summary.rejected)} rejected, "
                              f"{rate:.1f}/s\n")
            self.stream.flush()

    def finish(self) -> None:
        """End the bar's line."""
        if self.bar:
            self.stream.write("\n")
            self.stream.flush()


def run(args: argparse.Namespace, config: Config) -> int:
    """Ingest the given paths; 0 all accepted, 1 some rejected (usage errors raise, exit 2)."""
    from etl.ingest.run import run_ingest
    from etl.read import read_paths
    from etl.validate import use_engine

    use_engine(config.shacl_engine)  # before anything is read or opened
    items = read_paths(args.paths, max_bytes=config.max_article_bytes)
    first = next(items, None)  # bad paths and empty directories fail here, before the store opens
    stream = itertools.chain([] if first is None else [first], items)
    bar = sys.stderr.isatty() and not args.no_progress
    progress = Progress(estimate_articles(args.paths), sys.stderr, bar)
    with open_store(config, writable=True) as store:
        summary = run_ingest(stream, store, Iris(config.base), jobs=args.jobs or config.jobs, on_article=progress,
                             publish_text=config.publish_text, cluster=config.cluster or None)
    progress.finish()
    if bar:
        for rejection in summary.rejected:
            print(f"rejected {rejection}", file=sys.stderr)
    print(summary.line())
    return 1 if summary.rejected else 0
