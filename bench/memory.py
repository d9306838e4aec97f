"""Where an ingest client's Python memory goes: live allocations by source file at the end.

Ingests N synthetic articles (``bench.synth``, seed 0) into a fresh embedded store with
``tracemalloc`` on, and at the last article (the ingest's state alive) prints identity's
counters and the files whose allocations are alive, largest first. Run it at two sizes: the difference per article of each line is
what grows with the store. ``python -m bench.memory N [--jobs J] [--workdir DIR] [--top K]``.
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import sys
import tempfile
import tracemalloc
from pathlib import Path

from bench.synth import write_jsonl
from diplokg.config import load_config
from diplokg.iris import Iris
from diplokg.store import open_store


def measure(articles: int, jobs: int, workdir: Path, top: int) -> dict:
    from etl.ingest.run import run_ingest
    from etl.pipeline import Extractor
    from etl.read import read_paths

    path = workdir / f"synth-{articles}-0.jsonl"
    write_jsonl(str(path), articles)
    store_dir = workdir / "store"
    shutil.rmtree(store_dir, ignore_errors=True)
    config = load_config({"store": str(store_dir)}, environ={})
    extractor = Extractor()  # the model's own memory is loaded before tracing starts
    taken: list = []
    done = [0]

    def at_last_article(summary) -> None:  # type: ignore[no-untyped-def]
        # inside the ingest, its identity state still alive (after ``run_ingest`` returns it
        # is freed, and a snapshot then shows only what outlives an ingest)
        done[0] += 1
        if done[0] == articles:
            gc.collect()
            taken.append(tracemalloc.take_snapshot())

    tracemalloc.start(1)
    with open_store(config, writable=True) as store:
        summary = run_ingest(read_paths([str(path)]), store, Iris(), jobs=jobs, extractor=extractor,
                             on_article=at_last_article)
    tracemalloc.stop()
    if not taken:
        raise SystemExit(f"bench.memory: the ingest handled {done[0]} of {articles} articles")
    snapshot = taken[0]
    files = [{"file": s.traceback[0].filename.rsplit("site-packages/", 1)[-1], "mb": round(s.size / 1e6, 2),
              "blocks": s.count} for s in snapshot.statistics("filename")[:top]]
    return {"articles": articles, "jobs": jobs, "identity": summary.identity_queries, "live_by_file": files}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=int)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="diplokg-memory-"))
    workdir.mkdir(parents=True, exist_ok=True)
    report = measure(args.articles, args.jobs, workdir, args.top)
    json.dump(report, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
