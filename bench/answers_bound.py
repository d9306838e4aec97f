"""Identity's queries with the kept answers' bound lowered: does a small ingest ask what an unbounded one asks?

Ingests N synthetic articles (``bench.synth``, seed 0) into a fresh embedded store with the
other answers' bound on kept answers set to K (``etl.answers.Answers``'s ``max_kept``), so that
a few thousand articles reach the regime a 100k ingest reaches at its default bound, and prints
identity's counters (whole answers asked, by kind) as JSON. Run it at the default and at a low K:
equal counts (and equal sorted N-Quads of ``WORKDIR/store``) mean the bound evicts nothing that
comes back. ``python -m bench.answers_bound N --max-kept K --workdir DIR [--jobs J]``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from bench.synth import write_jsonl
from diplokg.config import load_config
from diplokg.iris import Iris
from diplokg.store import open_store


def measure(articles: int, max_kept: int, jobs: int, workdir: Path) -> dict:
    from etl import answers
    from etl.ingest.run import run_ingest
    from etl.read import read_paths

    defaults = list(answers.Answers.__init__.__defaults__ or ())
    defaults[0] = max_kept  # max_kept, the first keyword
    answers.Answers.__init__.__defaults__ = tuple(defaults)
    path = workdir / f"synth-{articles}-0.jsonl"
    write_jsonl(str(path), articles)
    store_dir = workdir / "store"
    shutil.rmtree(store_dir, ignore_errors=True)
    with open_store(load_config({"store": str(store_dir)}, environ={}), writable=True) as store:
        summary = run_ingest(read_paths([str(path)]), store, Iris(), jobs=jobs)
    return {"articles": articles, "max_kept": max_kept, "jobs": jobs, "seconds": round(summary.seconds, 1),
            "identity": summary.identity_queries}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=int)
    parser.add_argument("--max-kept", type=int, required=True)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--workdir", type=Path, required=True)
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    json.dump(measure(args.articles, args.max_kept, args.jobs, args.workdir), sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
