"""``diplokg validate [FILE...]``: SHACL report for RDF files (or, without files, the store).

Exit 0 when everything conforms, 1 on violations, 2 when a file cannot be read or parsed.
"""

from __future__ import annotations

import argparse
import logging
import sys

from diplokg.config import Config
from diplokg.rdfio import read_graph
from etl.validate import Report, use_engine, validate_graph

log = logging.getLogger(__name__)


def run(args: argparse.Namespace, config: Config) -> int:
    """Validate the files named in ``args.files`` (all parsed before any is validated)."""
    use_engine(config.shacl_engine)
    if not args.files:
        return _validate_store(config)
    graphs = [(path, read_graph(path)) for path in args.files]
    failed = 0
    for path, graph in graphs:
        report = validate_graph(graph, config.base)
        if report.conforms:
            print(f"{path}: conforms ({len(graph)} triples)")
            continue
        failed += 1
        _print_violations(str(path), report)
    sys.stdout.flush()
    return 1 if failed else 0


def _print_violations(name: str, report: Report, detail: str = "") -> None:
    """``name: N violations`` then one indented line per violation."""
    count = len(report.violations)
    print(f"{name}: {count} violation{'s' if count != 1 else ''}{detail}")
    for violation in report.violations:
        print(f"  {violation.line()}")


def _validate_store(config: Config) -> int:
    """Validate every article graph of the store (the newest published snapshot)."""
    from diplokg.iris import Iris
    from diplokg.store import open_store
    from etl.ingest.check import validate_store

    checked = failed = 0
    with open_store(config, writable=False) as store:
        for graph, size, report in validate_store(store, Iris(config.base)):
            checked += 1
            if report.conforms:
                continue
            failed += 1
            _print_violations(graph, report, f" ({size} triples)")
    if failed:
        print(f"store: {failed} of {checked} article graphs violate the shapes")
    else:
        print(f"store: {checked} article graph{'s' if checked != 1 else ''} conform")
    sys.stdout.flush()
    return 1 if failed else 0
