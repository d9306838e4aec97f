"""Scale-out benchmark: ingest throughput per store and per way of extracting, same corpus, same run.

``python -m bench.scale --articles 200 [--repeat 3] [--only embedded,oxigraph,virtuoso,...] [--json OUT]``

Each configuration ingests the same synthetic corpus (``bench/synth.py``) into a fresh store
with ``diplokg ingest`` (a new process, so model loading is included, as for a user):

- ``embedded`` / ``oxigraph`` / ``virtuoso``: the store (``--jobs 1``): the embedded
  Oxigraph store, an ``oxigraph serve`` started here, Virtuoso 7 started here in a
  temporary database (``bench/triplestores.py`` starts both);
- ``jobs1`` / ``jobs2``: embedded store, ``--jobs 1`` and ``--jobs 2``;
- ``dask1`` / ``dask2``: embedded store, ``--cluster local:1`` and ``local:2``.

Then, on the Oxigraph server's store, query throughput of a cookbook query through
``diplokg serve`` against the store's own endpoint (``--queries N`` requests each).
Prints medians of the repeats and ratios against ``embedded`` (stores) and ``jobs1``
(extraction), measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from bench.synth import write_jsonl
from bench import triplestores

BIN = Path(sys.executable).parent
CONFIGS = ("embedded", "oxigraph", "virtuoso", "jobs1", "jobs2", "dask1", "dask2")
QUERY = "SELECT ?m (COUNT(?p) AS ?n) WHERE { ?m a dkg:Meeting ; dkg:participant ?p } GROUP BY ?m ORDER BY DESC(?n) LIMIT 20"


def _env(extra: dict[str, str]) -> dict[str, str]:
    return {**{k: v for k, v in os.environ.items() if not k.startswith("DIPLOKG_")}, **extra}


def _ingest(corpus: Path, env: dict[str, str], options: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run([str(BIN / "diplokg"), "ingest", str(corpus), "--no-progress", *options],
                          env=_env(env), capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"ingest failed ({options}): {done.stderr[-1000:]}")
    return seconds


def run_config(name: str, corpus: Path, work: Path) -> float:
    """Seconds of one ingest of ``corpus`` in configuration ``name`` into a fresh store."""
    store = {"DIPLOKG_STORE": str(work / "store")}
    if name in ("oxigraph", "virtuoso"):
        why = triplestores.available(name)
        if why:
            raise SystemExit(f"{name}: {why}")
        server = triplestores.make(name, work)
        server.start()
        try:
            return _ingest(corpus, server.env, ["--jobs", "1"])
        finally:
            server.stop()
    options = {"embedded": ["--jobs", "1"], "jobs1": ["--jobs", "1"], "jobs2": ["--jobs", "2"],
               "dask1": ["--cluster", "local:1"], "dask2": ["--cluster", "local:2"]}[name]
    return _ingest(corpus, store, options)


def _fetch(url: str) -> None:
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        response.read()


def query_throughput(corpus: Path, work: Path, count: int) -> dict[str, float]:
    """Queries/s of one cookbook-like query: the Oxigraph server's endpoint vs diplokg serve on it."""
    from tests.sparql_support import Server

    server = triplestores.make("oxigraph", work)
    server.start()
    try:
        _ingest(corpus, server.env, [])
        prefixes = "PREFIX dkg: <https://w3id.org/diplokg/ontology#>\n"
        direct = f"{server.store}/query?" + urllib.parse.urlencode({"query": prefixes + QUERY})
        rates = {}
        start = time.perf_counter()
        for _ in range(count):
            _fetch(direct)
        rates["store endpoint"] = count / (time.perf_counter() - start)
        with Server(server.store, work / "serve.log", workers=2) as serve:
            url = f"{serve.url}/sparql?" + urllib.parse.urlencode({"query": QUERY})
            _fetch(url)
            start = time.perf_counter()
            for _ in range(count):
                _fetch(url)
            rates["diplokg serve"] = count / (time.perf_counter() - start)
        return rates
    finally:
        server.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--only", default=",".join(CONFIGS), help="comma-separated configurations")
    parser.add_argument("--queries", type=int, default=50, help="requests per query-throughput measure (0: skip)")
    parser.add_argument("--json", metavar="OUT")
    args = parser.parse_args(argv)
    names = [n for n in args.only.split(",") if n]
    unknown = set(names) - set(CONFIGS)
    if unknown:
        parser.error(f"unknown configurations {sorted(unknown)} (of {', '.join(CONFIGS)})")
    root = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    try:
        corpus = root / "corpus.jsonl"
        write_jsonl(str(corpus), args.articles, seed=1)
        seconds: dict[str, list[float]] = {n: [] for n in names}
        for r in range(args.repeat):
            for name in names:  # interleaved, so that the machine's load spreads over all
                work = root / f"{name}-{r}"
                work.mkdir()
                seconds[name].append(run_config(name, corpus, work))
                shutil.rmtree(work, ignore_errors=True)
                print(f"{name} run {r + 1}: {seconds[name][-1]:.1f} s", file=sys.stderr)
        results = {n: {"median_s": statistics.median(s), "articles_per_s": args.articles / statistics.median(s),
                       "runs_s": s} for n, s in seconds.items()}
        for name, res in results.items():
            peer = "embedded" if name in ("oxigraph", "virtuoso") else "jobs1"
            ratio = ""
            if peer in results and name not in (peer, "embedded"):
                ratio = f"  ({res['median_s'] / results[peer]['median_s']:.2f}x the time of {peer})"
            print(f"{name:10s} {res['median_s']:7.1f} s  {res['articles_per_s']:6.2f} articles/s{ratio}")
        if args.queries > 0:
            work = root / "queries"
            work.mkdir()
            rates = query_throughput(corpus, work, args.queries)
            results["queries_per_s"] = rates
            for name, rate in rates.items():
                print(f"{name:16s} {rate:7.1f} queries/s")
        if args.json:
            Path(args.json).write_text(json.dumps({"articles": args.articles, "results": results}, indent=2))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
