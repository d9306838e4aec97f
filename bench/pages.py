"""Time the entity pages of a store: the largest hubs of every kind, first and last page.

``python -m bench.pages --store DIR [--per-kind 3] [--repeat 3] [--json OUT]``

For every class with a page of its own (person, country, organization, meeting, statement,
issue, article, place, role), the instances with the most incoming triples are the hardest
pages; each is rendered as HTML by the app in this process (no HTTP), ``--repeat`` times,
and the median is reported, for page 1 and for the last page of its longest list.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

from diplokg.config import load_config
from diplokg.store import open_store
from server import create_app

DKG = "https://w3id.org/diplokg/ontology#"
CLASSES = ("Person", "Country", "Organization", "Meeting", "Statement", "Issue", "Article", "Place", "Role")
_HUBS = """
SELECT ?x (COUNT(*) AS ?n) WHERE {{ ?x a <{cls}> . ?s ?p ?x }} GROUP BY ?x ORDER BY DESC(?n) LIMIT {k}
"""
_LAST_PAGE = re.compile(r"page 1 of (\d+)\.")


def _time(client, path: str, repeat: int) -> tuple[float, int, str]:
    times, status, html = [], 0, ""
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(path, headers={"Accept": "text/html"})
        times.append(time.perf_counter() - started)
        status, html = response.status_code, response.get_data(as_text=True)
    return statistics.median(times), status, html


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True, type=Path)
    parser.add_argument("--per-kind", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    config = load_config({"store": str(args.store)}, environ={})
    base = config.base if config.base.endswith("/") else config.base + "/"
    rows = []
    with open_store(config, writable=False) as store:
        hubs = {cls: [(str(r[0]), int(r[1])) for r in store.query(_HUBS.format(cls=DKG + cls, k=args.per_kind)).rows()]
                for cls in CLASSES}
    client = create_app(config).test_client()
    for cls, found in hubs.items():
        for iri, incoming in found:
            if not iri.startswith(base + "id/"):
                continue
            path = "/" + iri[len(base):]
            seconds, status, html = _time(client, path, args.repeat)
            rows.append({"class": cls, "path": path, "incoming": incoming, "page": 1, "ms": seconds * 1000,
                         "status": status, "kb": len(html) / 1024})
            last = _LAST_PAGE.search(html)
            if last and int(last.group(1)) > 1:
                page = int(last.group(1))
                seconds, status, html = _time(client, f"{path}?page={page}", args.repeat)
                rows.append({"class": cls, "path": path, "incoming": incoming, "page": page, "ms": seconds * 1000,
                             "status": status, "kb": len(html) / 1024})
            print(f"{cls:12} {path:50} {rows[-1]['ms']:8.0f} ms", file=sys.stderr)
    print("| class | page | incoming triples | page no. | ms (median) | status | KB |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['class']} | `{r['path']}` | {r['incoming']:,} | {r['page']} | {r['ms']:,.0f} | {r['status']} | {r['kb']:.0f} |")
    worst = max(rows, key=lambda r: r["ms"]) if rows else None
    if worst:
        print(f"\nslowest: {worst['path']} page {worst['page']}: {worst['ms']:,.0f} ms")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
