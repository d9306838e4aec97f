"""Soak a real ``diplokg serve``: clients on the cookbook and the entity pages for a while.

``python -m bench.soak --store DIR [--clients 8] [--seconds 120]``

Starts ``diplokg serve`` on a free port of 127.0.0.1, then ``--clients`` threads, each on
its own keep-alive connection, run the cookbook's queries (``queries/*.rq``) and fetch
entity pages (a sample of instances of every kind) in turn until the time is up. Reports
requests, errors (anything but 200), latency percentiles, and the resident memory of the
front and of its workers at the start and at the end (flat memory: nothing leaks).
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")
_SAMPLE = "SELECT DISTINCT ?x WHERE {{ ?x a ?c FILTER(STRSTARTS(STR(?x), STR(<{base}id/>))) }} LIMIT 400"


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * _PAGE_BYTES / 2**20
    except OSError:
        return 0.0


def _tree_rss(pid: int) -> dict[str, float]:
    out = {"front": _rss_mb(pid)}
    try:
        with open(f"/proc/{pid}/task/{pid}/children", "rb") as fh:
            children = [int(c) for c in fh.read().split()]
    except OSError:
        children = []
    out["workers"] = sum(_rss_mb(c) for c in children)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True, type=Path)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--base", default="https://w3id.org/diplokg/")
    args = parser.parse_args(argv)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "DIPLOKG_STORE": str(args.store), "DIPLOKG_CLIENT_QUERIES": str(args.clients)}
    server = subprocess.Popen([sys.executable, "-m", "diplokg.cli", "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/healthz")
                conn.getresponse().read()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("diplokg serve did not start") from None
                time.sleep(0.2)
        conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": _SAMPLE.format(base=args.base)}),
                     headers={"Accept": "text/csv"})
        iris = conn.getresponse().read().decode().splitlines()[1:]
        conn.close()
        pages = ["/" + iri[len(args.base):] for iri in iris if iri.startswith(args.base)]
        queries = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "queries").glob("*.rq"))]
        paths = [("GET", "/sparql?" + urllib.parse.urlencode({"query": q}), "application/sparql-results+json")
                 for q in queries] + [("GET", p, "text/html") for p in pages]
        start_rss = _tree_rss(server.pid)
        latencies: list[float] = []
        errors: list[str] = []
        stop = time.monotonic() + args.seconds

        def client(seed: int) -> None:
            rng = random.Random(seed)
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            while time.monotonic() < stop:
                method, path, accept = rng.choice(paths)
                started = time.monotonic()
                try:
                    conn.request(method, path, headers={"Accept": accept})
                    response = conn.getresponse()
                    response.read()
                    if response.status != 200:
                        errors.append(f"{response.status} {path[:80]}")
                except OSError as exc:
                    errors.append(f"{exc!r} {path[:80]}")
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                latencies.append(time.monotonic() - started)
            conn.close()

        threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        end_rss = _tree_rss(server.pid)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    print(f"{len(latencies)} requests from {args.clients} clients in {args.seconds:g} s "
          f"({len(queries)} cookbook queries, {len(pages)} entity pages), {len(errors)} errors")
    print(f"latency p50 {cuts[49] * 1000:.0f} ms, p99 {cuts[98] * 1000:.0f} ms")
    print(f"RSS front {start_rss['front']:.0f} -> {end_rss['front']:.0f} MB, "
          f"workers {start_rss['workers']:.0f} -> {end_rss['workers']:.0f} MB")
    for error in errors[:10]:
        print("  ", error)
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
