"""VoID description cost: computed per request (as before) vs once per published snapshot.

Builds a store of about N triples with ``bench.endpoint.build`` (the endpoint benchmark's
store builder: synthetic article graphs through the store's API), then measures in one run:

- ``compute``: ``void_graph`` on the store (what every request paid before the cache);
- ``first``:   ``GET /.well-known/void`` on a fresh app (compute + serialize);
- ``cached``:  the same request again (the cached graph, serialized).

Medians of ``--runs`` runs, and the ratio compute / cached. Run on a quiet machine::

    python -m bench.void --triples 1000000 --runs 5
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from bench.endpoint import build
from diplokg.config import load_config
from diplokg.store import open_store
from server import create_app
from server.dumps.void import void_graph


def _timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def measure(root: Path, runs: int) -> dict[str, float]:
    config = load_config({"store": str(root)}, environ={})
    compute, first, cached = [], [], []
    with open_store(config, writable=False) as store:
        for _ in range(runs):
            compute.append(_timed(lambda: void_graph(store, config.base, "http://127.0.0.1/")))
    for _ in range(runs):
        client = create_app(config).test_client()
        first.append(_timed(lambda: client.get("/.well-known/void")))
        cached.append(_timed(lambda: client.get("/.well-known/void")))
    result = {name: statistics.median(values) for name, values in
              (("compute_s", compute), ("first_request_s", first), ("cached_request_s", cached))}
    result["ratio_compute_to_cached"] = result["compute_s"] / result["cached_request_s"]
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--store", type=Path, help="reuse (or build once into) this store directory")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="void-bench-") as tmp:
        root = args.store or Path(tmp) / "store"
        if not (root / "CURRENT").exists():
            started = time.perf_counter()
            written = build(root, args.triples)
            print(f"built {written} quads in {time.perf_counter() - started:.1f} s", flush=True)
        print(json.dumps({"triples": args.triples, "runs": args.runs, **measure(root, args.runs)}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
