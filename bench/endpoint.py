"""Benchmark of the SPARQL endpoint against `oxigraph serve` and a minimal Flask app.

``python -m bench.endpoint [--triples 1000000] [--workdir DIR] [--seconds 3] [--runs 3]``

1. Data: article graphs shaped like diplokg's (meetings, participants with posts, statements,
   evidence, articles; ~84 triples per article, people and places shared across articles),
   generated directly as N-Quads and loaded through the store's own ``load`` (the writer
   publishes a read-only snapshot). Extraction is not involved: at ~0.3 s per article it
   would take hours for 1M triples.
2. Servers, all running, taking turns run by run, same snapshot, same worker count: (a) ``oxigraph serve-read-only``,
   (b) ``bench/minimal_app.py`` under gunicorn sync workers, (c) ``diplokg serve``. All
   query the default graph, which the store keeps as the set union of the article graphs.
3. Load: ``wrk`` on loopback, GET with the query in the URL and Accept SPARQL JSON, for a
   cheap lookup, a 3-way join and an aggregation at concurrency 1 and 8, with keep-alive
   (wrk reuses connections where the server allows) and with ``Connection: close`` (a new
   connection per request); each cell is the median of ``--runs`` runs of ``--seconds``
   seconds. Answers are compared before timing.
Everything started here is stopped here.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from diplokg.config import load_config
from diplokg.store import open_store
from diplokg.store.layout import Layout

BASE = "https://w3id.org/diplokg/"
DKG = "https://w3id.org/diplokg/ontology#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
ALT = "<http://www.w3.org/2004/02/skos/core#altLabel>"
DCT = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"
COUNTRIES = ("japan", "united-states", "south-korea", "australia", "india", "france", "germany",
             "britain", "indonesia", "philippines", "vietnam", "canada", "italy", "brazil")
PEOPLE = 2000
ISSUES = 50
VENV_BIN = Path(sys.executable).parent

QUERIES = {
    "cheap lookup": f"SELECT ?date WHERE {{ <{BASE}id/meeting/m17> <{DKG}date> ?date }}",
    "3-way join": (
        f"PREFIX dkg: <{DKG}> SELECT ?m ?date WHERE {{ ?m dkg:location <{BASE}id/place/city-japan> . "
        f"?m dkg:date ?date . ?m dkg:topic <{BASE}id/issue/issue-3> }}"
    ),
    "aggregation": (
        f"PREFIX dkg: <{DKG}> SELECT ?place (COUNT(?m) AS ?n) WHERE {{ ?m dkg:location ?place }} "
        "GROUP BY ?place ORDER BY DESC(?n) ?place"
    ),
}


def _iri(kind: str, key: str) -> str:
    return f"<{BASE}id/{kind}/{key}>"


def _lit(text: str, datatype: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"' + (f"^^<{XSD}{datatype}>" if datatype else "")


def article_quads(index: int, rng: random.Random) -> Iterator[str]:
    """The N-Quads lines of one synthetic article graph."""
    graph = f"<{BASE}graph/article/synth-{index}>"
    art, meeting = _iri("article", f"synth-{index}"), _iri("meeting", f"m{index}")
    c1, c2 = rng.sample(COUNTRIES, 2)
    place = _iri("place", f"city-{c1}")
    people = rng.sample(range(PEOPLE), 2)
    day = f"20{19 + index % 6:02d}-{1 + index % 12:02d}-{1 + index % 28:02d}"
    triples = [
        (art, RDF_TYPE, f"<{DKG}Article>"), (art, f"<{DCT}identifier>", _lit(f"synth-{index}")),
        (art, f"<{DCT}title>", _lit(f"Talks number {index}")), (art, f"<{DCT}issued>", _lit(day, "date")),
        (meeting, RDF_TYPE, f"<{DKG}Meeting>"), (meeting, RDF_TYPE, "<https://schema.org/Event>"),
        (meeting, RDF_TYPE, "<http://semanticweb.cs.vu.nl/2009/11/sem/Event>"),
        (meeting, f"<{DKG}date>", _lit(day, "date")), (meeting, f"<{DKG}location>", place),
        (meeting, f"<{DKG}mode>", f"<{DKG}InPerson>"), (meeting, f"<{DKG}status>", f"<{DKG}Held>"),
        (meeting, f"<{DKG}reportedIn>", art),
        (place, RDF_TYPE, f"<{DKG}Place>"), (place, LABEL, _lit(f"Capital of {c1}")),
        (place, f"<{DKG}country>", _iri("actor", c1)),
    ]
    for country in (c1, c2):  # countries are typed and named, as ingest makes them (group pages)
        triples += [(_iri("actor", country), RDF_TYPE, f"<{DKG}Country>"),
                    (_iri("actor", country), LABEL, _lit(country.replace("-", " ").title()))]
    for issue in rng.sample(range(ISSUES), 2):
        triples += [(meeting, f"<{DKG}topic>", _iri("issue", f"issue-{issue}")),
                    (_iri("issue", f"issue-{issue}"), RDF_TYPE, f"<{DKG}Issue>"),
                    (_iri("issue", f"issue-{issue}"), "<http://www.w3.org/2004/02/skos/core#prefLabel>",
                     _lit(f"Issue {issue}"))]
    for n, person in enumerate(people):
        p, role = _iri("actor", f"person-{person}"), _iri("role", f"person-{person}-minister")
        country = _iri("actor", (c1, c2)[n])
        triples += [
            (meeting, f"<{DKG}participant>", p), (p, RDF_TYPE, f"<{DKG}Person>"), (p, RDF_TYPE, f"<{DKG}Actor>"),
            (p, LABEL, _lit(f"Person {person}")), (p, ALT, _lit(f"P. {person}")),
            (p, f"<{DKG}country>", country), (p, f"<{DKG}holds>", role), (role, RDF_TYPE, f"<{DKG}Role>"),
            (role, f"<{DKG}title>", _lit("Foreign Minister")), (role, f"<{DKG}roleOf>", country),
            (role, f"<{DKG}reportedIn>", art),
        ]
        statement = _iri("statement", f"s{index}-{n}")
        triples += [
            (statement, RDF_TYPE, f"<{DKG}Statement>"), (statement, f"<{DKG}speaker>", p),
            (statement, f"<{DKG}quote>", _lit(f"We agreed to deepen cooperation, round {index}")),
            (statement, f"<{DKG}quoteType>", f"<{DKG}Direct>"), (statement, f"<{DKG}madeAt>", meeting),
            (statement, f"<{DKG}about>", _iri("issue", f"issue-{rng.randrange(ISSUES)}")),
            (statement, f"<{DKG}reportedIn>", art),
        ]
    for n, subject in enumerate((meeting, _iri("statement", f"s{index}-0"), _iri("statement", f"s{index}-1"))):
        evidence = f"<{BASE}id/evidence/e{index}-{n}>"
        start = 100 * n
        triples += [
            (subject, f"<{DKG}evidence>", evidence), (evidence, RDF_TYPE, f"<{DKG}Evidence>"),
            (evidence, f"<{DKG}article>", art), (evidence, f"<{DKG}start>", _lit(str(start), "integer")),
            (evidence, f"<{DKG}end>", _lit(str(start + 40), "integer")),
            (evidence, f"<{DKG}exact>", _lit(f"In a meeting in the capital of {c1}")),
        ]
    for s, p, o in triples:
        yield f"{s} {p} {o} {graph} .\n"


def build(root: Path, triples: int, chunk: int = 100_000) -> int:
    """Write a store of about ``triples`` quads at ``root`` through the store's API; the count."""
    config = load_config({"store": str(root)}, environ={})
    rng = random.Random(7)
    written, index, lines = 0, 0, []
    with open_store(config, writable=True) as store:
        while written < triples:
            for line in article_quads(index, rng):
                lines.append(line)
            index += 1
            if len(lines) >= chunk or written + len(lines) >= triples:
                store.load("".join(lines).encode("utf-8"), "nquads")
                written += len(lines)
                lines = []
    return written


def built(workdir: Path, triples: int) -> int:
    """The store ``workdir/store`` of about ``triples`` quads, built unless it already is; its count."""
    root, marker = workdir / "store", workdir / "triples.txt"
    if marker.exists() and marker.read_text().split()[0] == str(triples):
        return int(marker.read_text().split()[1])
    shutil.rmtree(root, ignore_errors=True)
    started = time.monotonic()
    count = build(root, triples)
    marker.write_text(f"{triples} {count}\n")
    print(f"built {count} quads in {time.monotonic() - started:.1f} s", file=sys.stderr)
    return count


@dataclass
class Target:
    """A server under test: how to start it and where its endpoint is."""

    name: str
    command: list[str]
    endpoint: str
    env: dict[str, str]


def start(target: Target, log: Path) -> subprocess.Popen:
    """Start a server in its own process group and wait until it answers the cheap lookup."""
    with open(log, "wb") as out:
        process = subprocess.Popen(target.command, env={**os.environ, **target.env}, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{target.name} exited: {log.read_text()[-2000:]}")
        try:
            fetch(target, QUERIES["cheap lookup"])
            return process
        except OSError:
            time.sleep(0.2)
    stop(process)
    raise RuntimeError(f"{target.name} did not start")


def stop(process: subprocess.Popen) -> None:
    """Stop a server started by :func:`start` (its process group)."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def url(target: Target, query: str) -> str:
    return target.endpoint + "?" + urllib.parse.urlencode({"query": query})


def fetch(target: Target, query: str) -> list[dict]:
    """The bindings of one query, to compare the servers' answers."""
    req = urllib.request.Request(url(target, query), headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=60) as response:
        return json.loads(response.read())["results"]["bindings"]


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s)", text)
    if not match:
        raise ValueError(f"unexpected wrk latency {text!r}")
    return float(match.group(1)) * _UNITS[match.group(2)]


def wrk(target: Target, query: str, connections: int, seconds: float, keepalive: bool = True) -> dict[str, float]:
    """One wrk run: requests/s, p50 and p99 in ms, and the count of non-2xx answers.

    With ``keepalive`` off every request asks ``Connection: close`` (a new TCP connection
    per request); with it on, wrk reuses its connections where the server allows it.
    """
    threads = min(connections, 2)
    close = [] if keepalive else ["-H", "Connection: close"]
    done = subprocess.run(
        ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{max(1, round(seconds))}s", "--latency", "--timeout", "30s",
         "-H", "Accept: application/sparql-results+json", *close, url(target, query)],
        capture_output=True, text=True, check=True, timeout=seconds + 60,
    )
    out = done.stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = _ms(re.search(r"\s50%\s+(\S+)", out).group(1))
    p99 = _ms(re.search(r"\s99%\s+(\S+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {"rps": rps, "p50": p50, "p99": p99, "non2xx": int(bad.group(1)) if bad else 0,
            "socket_errors": errors.group(1) if errors else ""}


_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> dict[str, float]:
    """CPU time (user + system) of a server process and of each of its children, by pid."""
    out: dict[str, float] = {}

    def one(p: int) -> float:
        with open(f"/proc/{p}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICKS

    try:
        out["front"] = one(pid)
        with open(f"/proc/{pid}/task/{pid}/children", "rb") as fh:
            children = [int(c) for c in fh.read().split()]
    except OSError:
        return out
    for child in children:
        try:
            out[f"worker {child}"] = one(child)
        except OSError:
            pass
    return out


def cpu_split(process: subprocess.Popen, target: Target, seconds: float) -> dict[str, float]:
    """Microseconds of CPU per request in diplokg's front and in its workers, for the cheap
    lookup at c=8 with keep-alive (where the remaining time goes per request)."""
    before = cpu_seconds(process.pid)
    result = wrk(target, QUERIES["cheap lookup"], 8, seconds)
    after = cpu_seconds(process.pid)
    requests = result["rps"] * max(1, round(seconds))
    front = after.get("front", 0) - before.get("front", 0)
    workers = sum(v - before.get(k, 0) for k, v in after.items() if k != "front")
    return {"requests": requests, "front_us": front / requests * 1e6, "workers_us": workers / requests * 1e6,
            "rps": result["rps"]}


def _summary(samples: list[dict[str, float]]) -> dict[str, float]:
    return {
        "rps": statistics.median(s["rps"] for s in samples),
        "p50": statistics.median(s["p50"] for s in samples),
        "p99": statistics.median(s["p99"] for s in samples),
        "non2xx": sum(s["non2xx"] for s in samples),
        "socket_errors": "; ".join(s["socket_errors"] for s in samples if s["socket_errors"]),
    }


MODES = ("keep-alive", "close")


def measure(chosen: list[Target], seconds: float, runs: int, modes: tuple[str, ...] = MODES,
            queries: tuple[str, ...] = tuple(QUERIES)) -> dict:
    """Median of ``runs`` wrk runs per server, query, connection mode and concurrency.

    The servers take turns run by run, so that a change in the machine's load (it is
    shared) falls on all of them alike. Result: ``[server][query][mode][c]``.
    """
    results: dict = {t.name: {} for t in chosen}
    for name in queries:
        query = QUERIES[name]
        for target in chosen:
            wrk(target, query, 8, 1.0)
        for mode in modes:
            for connections in (1, 8):
                samples: dict[str, list[dict[str, float]]] = {t.name: [] for t in chosen}
                for _ in range(runs):
                    for target in chosen:
                        samples[target.name].append(wrk(target, query, connections, seconds, mode == "keep-alive"))
                for target in chosen:
                    summary = _summary(samples[target.name])
                    results[target.name].setdefault(name, {}).setdefault(mode, {})[connections] = summary
                    print(f"{target.name:16} {name:13} {mode:10} c={connections}: {summary}", file=sys.stderr)
    return results


def targets(root: Path, snapshot: Path, workers: int, ports: list[int]) -> list[Target]:
    """The three servers, on the given ports."""
    return [
        Target("oxigraph serve", [str(VENV_BIN / "oxigraph"), "serve-read-only", "--location", str(snapshot),
                                  "--bind", f"127.0.0.1:{ports[0]}"],
               f"http://127.0.0.1:{ports[0]}/query", {}),
        Target("minimal Flask", [str(VENV_BIN / "gunicorn"), "-w", str(workers), "-k", "sync", "-b", f"127.0.0.1:{ports[1]}",
                                 "--no-control-socket", "bench.minimal_app:app"],
               f"http://127.0.0.1:{ports[1]}/sparql", {"MINIMAL_STORE": str(snapshot)}),
        # diplokg's defaults: one worker more than the others, which one client cannot take
        # (client_queries = workers), so wrk's single client gets as many as the others.
        Target("diplokg serve", [sys.executable, "-m", "diplokg.cli", "--store", str(root), "serve",
                                 "--port", str(ports[2]), "--workers", str(workers + 1)],
               f"http://127.0.0.1:{ports[2]}/sparql",
               {"DIPLOKG_LOG_LEVEL": "INFO", "DIPLOKG_CLIENT_QUERIES": str(workers)}),
    ]


def table(all_results: dict[str, dict], names: list[str], modes: tuple[str, ...] = MODES,
          queries: tuple[str, ...] = tuple(QUERIES)) -> str:
    """A Markdown table of the results."""
    lines = ["| query | connections | c | " + " | ".join(f"{n} req/s (p50 / p99 ms)" for n in names)
             + " | diplokg ÷ oxigraph | diplokg ÷ minimal |",
             "|---|---|---|" + "---|" * (len(names) + 2)]
    for query in queries:
        for mode in modes:
            for c in (1, 8):
                cells = []
                for n in names:
                    r = all_results[n][query][mode][c]
                    flag = f" ⚠ {r['non2xx']} non-2xx" if r["non2xx"] else ""
                    cells.append(f"{r['rps']:,.0f} ({r['p50']:.2f} / {r['p99']:.2f}){flag}")
                ours = all_results["diplokg serve"][query][mode][c]["rps"]
                ratio_ox = ours / all_results["oxigraph serve"][query][mode][c]["rps"]
                ratio_min = ours / all_results["minimal Flask"][query][mode][c]["rps"]
                lines.append(f"| {query} | {mode} | {c} | " + " | ".join(cells) + f" | {ratio_ox:.2f} | {ratio_min:.2f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Build (or reuse) the data, run the three servers in turn, print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--workdir", type=Path, help="keep the store here and reuse it (default: a temporary directory)")
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--only", action="append", help="run only these servers (by name)")
    parser.add_argument("--mode", action="append", choices=MODES, help="connection modes to measure (default: both)")
    parser.add_argument("--query", action="append", choices=list(QUERIES), help="queries to measure (default: all)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        print("bench.endpoint: error: wrk is not installed (apt-get install wrk)", file=sys.stderr)
        return 2
    temporary = args.workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="diplokg-bench-")) if temporary else args.workdir
    root = workdir / "store"
    try:
        count = built(workdir, args.triples)
        snapshot = Layout(root).current_snapshot()
        assert snapshot is not None
        ports = [_free_port() for _ in range(3)]
        chosen = [t for t in targets(root, snapshot, args.workers, ports) if not args.only or t.name in args.only]
        processes = []
        try:
            for target in chosen:
                processes.append(start(target, workdir / f"{target.name.replace(' ', '-')}.log"))
            answers = {t.name: {q: len(fetch(t, text)) for q, text in QUERIES.items()} for t in chosen}
            modes = tuple(args.mode or MODES)
            queries = tuple(args.query or QUERIES)
            results = measure(chosen, args.seconds, args.runs, modes, queries)
            split = None
            for target, process in zip(chosen, processes):
                if target.name == "diplokg serve":
                    split = cpu_split(process, target, args.seconds)
                    print(f"diplokg CPU per cheap lookup (c=8, keep-alive): front {split['front_us']:.0f} µs, "
                          f"workers {split['workers_us']:.0f} µs", file=sys.stderr)
        finally:
            for process in processes:
                stop(process)
        print(f"quads: {count}; rows per query: {answers}", file=sys.stderr)
        if len({json.dumps(a, sort_keys=True) for a in answers.values()}) > 1:
            print("bench.endpoint: warning: the servers' answers differ in size", file=sys.stderr)
        if args.json:
            args.json.write_text(json.dumps({"quads": count, "answers": answers, "results": results,
                                             "diplokg_cpu_per_request": split}, indent=1))
        if len(results) == 3:
            print(table(results, [t.name for t in chosen], modes, queries))
        if split:
            print(f"\ndiplokg CPU per cheap lookup (c=8, keep-alive): front {split['front_us']:.0f} µs, "
                  f"workers {split['workers_us']:.0f} µs ({split['rps']:,.0f} req/s)")
    finally:
        if temporary:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
