"""Benchmark of the workbench's views in a real browser, on the 1M-triple bench store.

``python -m bench.workbench [--triples 1000000] [--workdir DIR] [--runs 5]``

1. Data: the synthetic store of ``bench.endpoint`` (article graphs shaped like diplokg's),
   built once into ``--workdir`` and reused.
2. ``diplokg serve`` (the event-loop front, 2 worker processes) on a free port of 127.0.0.1; Debian's
   Chromium driven by Playwright, one fresh page per run.
3. Measured, each the median of ``--runs`` runs after one warm-up:
   - the network view of the busiest country (the country whose people took part in the
     most meetings): from navigation to the graph drawn and laid out (``data-ready``);
     its peer is the network's JSON route alone (the server's share of it);
   - a 1,000-row SELECT with labels in YASGUI (page size 1,000): from Ctrl+Enter to the
     table drawn with every IRI's label; its peer is the same query at the endpoint alone.
Everything started here is stopped here. Prints a Markdown table (and ``--json`` writes it).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from bench.endpoint import built, stop

CHROMIUM = os.environ.get("DIPLOKG_CHROMIUM") or shutil.which("chromium") or "chromium"  # on PATH
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
DKG = "https://w3id.org/diplokg/ontology#"
BUSIEST = f"""PREFIX dkg: <{DKG}>
SELECT ?c (COUNT(DISTINCT ?m) AS ?n) WHERE {{ ?m a dkg:Meeting ; dkg:participant ?p . ?p dkg:country ?c }}
GROUP BY ?c ORDER BY DESC(?n) LIMIT 1"""
ROWS_1000 = f"""PREFIX dkg: <{DKG}>
SELECT ?meeting ?person ?place ?date WHERE {{
  ?meeting a dkg:Meeting ; dkg:participant ?person ; dkg:location ?place ; dkg:date ?date
}} LIMIT 1000"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(root: Path, port: int, log: Path) -> subprocess.Popen:
    """``diplokg serve`` on the store; returns once it answers /healthz."""
    with open(log, "wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "diplokg.cli", "--store", str(root), "serve", "--port",
                                    str(port), "--workers", "2"], stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"diplokg serve exited: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                return process
        except OSError:
            time.sleep(0.2)
    stop(process)
    raise RuntimeError("diplokg serve did not start")


def timed_get(url: str, data: bytes | None = None, accept: str = "application/json") -> tuple[float, bytes]:
    started = time.perf_counter()
    request = urllib.request.Request(url, data=data, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=120) as response:
        body = response.read()
    return time.perf_counter() - started, body


def measure(url: str, runs: int) -> dict[str, object]:
    from playwright.sync_api import sync_playwright

    _, body = timed_get(f"{url}/sparql?" + urllib.parse.urlencode({"query": BUSIEST}),
                        accept="application/sparql-results+json")
    [row] = json.loads(body)["results"]["bindings"]
    country, meetings = row["c"]["value"], int(row["n"]["value"])
    path = "/id/" + country.split("/id/", 1)[1]
    samples: dict[str, list[float]] = {"network view": [], "network JSON": [], "1,000 rows with labels": [],
                                       "1,000 rows at the endpoint": [], "network: data in the page": [],
                                       "network: drawn": []}
    shown: dict[str, object] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        for run in range(runs + 1):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            started = time.perf_counter()
            page.goto(f"{url}/explore/network?country={urllib.parse.quote(path)}")
            page.locator("#network[data-ready=true]").wait_for(timeout=120_000)
            network_s = time.perf_counter() - started
            marks = page.evaluate("() => Object.fromEntries(performance.getEntriesByType('mark')"
                                  ".map(m => [m.name, m.startTime / 1000]))")
            samples["network: data in the page"].append(marks["network-data"])
            samples["network: drawn"].append(marks["network-drawn"])
            shown["network"] = page.locator("#network-status").inner_text()
            json_s, _ = timed_get(f"{url}/explore/network.json?country={urllib.parse.quote(path)}&limit=150")

            page.goto(f"{url}/")
            page.evaluate("q => { window.diplokgYasgui.getTab().setQuery(q); }", ROWS_1000)
            page.locator(".yasqe .CodeMirror").click()
            page.keyboard.press("Control+Enter")
            page.locator("table.dkg-results[data-labels=done]").wait_for(timeout=120_000)
            page.get_by_label("Rows per page").select_option("1000")  # kept in local storage for the next run
            page.locator("table.dkg-results[data-labels=done]").wait_for(timeout=120_000)
            page.evaluate("() => { document.querySelector('table.dkg-results').dataset.stale = 'yes'; }")
            page.locator(".yasqe .CodeMirror").click()
            started = time.perf_counter()
            page.keyboard.press("Control+Enter")
            page.wait_for_function("() => { const t = document.querySelector('table.dkg-results');"
                                   " return t && !t.dataset.stale && t.dataset.labels === 'done'"
                                   " && t.tBodies[0].rows.length === 1000; }", timeout=120_000)
            table_s = time.perf_counter() - started
            labelled = page.locator("table.dkg-results tbody td.iri a").first.inner_text()
            shown["table"] = f"{page.locator('.table-count').inner_text()}; first IRI shown as {labelled!r}"
            endpoint_s, _ = timed_get(f"{url}/sparql", data=urllib.parse.urlencode({"query": ROWS_1000}).encode(),
                                      accept="application/sparql-results+json")
            context.close()
            if run == 0:
                for values in samples.values():
                    del values[:]
                continue  # warm-up: caches, the workers' first store open
            samples["network view"].append(network_s)  # (the marks are since navigation start)
            samples["network JSON"].append(json_s)
            samples["1,000 rows with labels"].append(table_s)
            samples["1,000 rows at the endpoint"].append(endpoint_s)
        browser.close()
    medians = {k: statistics.median(v) for k, v in samples.items()}
    return {"country": country, "country_meetings": meetings, "shown": shown, "medians_s": medians,
            "samples_s": samples, "runs": runs}


def table(result: dict) -> str:
    m = result["medians_s"]
    return "\n".join([
        "| measure | median (s) | peer | peer median (s) | ratio |",
        "|---|---|---|---|---|",
        f"| network view of {result['country'].rsplit('/', 1)[1]} ({result['country_meetings']} meetings) | "
        f"{m['network view']:.2f} | its JSON route alone | {m['network JSON']:.2f} | "
        f"{m['network view'] / m['network JSON']:.1f} |",
        f"| … of which: its data in the page / graph laid out and drawn (since navigation) | "
        f"{m['network: data in the page']:.2f} / {m['network: drawn']:.2f} | | | |",
        f"| 1,000-row result with labels | {m['1,000 rows with labels']:.2f} | the query at the endpoint alone | "
        f"{m['1,000 rows at the endpoint']:.2f} | {m['1,000 rows with labels'] / m['1,000 rows at the endpoint']:.1f} |",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--workdir", type=Path, help="keep the store here and reuse it (default: a temporary directory)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    if shutil.which(CHROMIUM) is None:
        print(f"bench.workbench: error: {CHROMIUM} is missing (apt-get install chromium)", file=sys.stderr)
        return 2
    temporary = args.workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="diplokg-bench-")) if temporary else args.workdir
    workdir.mkdir(parents=True, exist_ok=True)
    root = workdir / "store"
    try:
        count = built(workdir, args.triples)
        port = free_port()
        process = serve(root, port, workdir / "serve.log")
        try:
            result = measure(f"http://127.0.0.1:{port}", args.runs)
        finally:
            stop(process)
        result["quads"] = count
        print(f"{count} quads; {result['shown']['network']}; {result['shown']['table']}")
        print(table(result))
        if args.json:
            args.json.write_text(json.dumps(result, indent=2) + "\n")
        return 0
    finally:
        if temporary:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
