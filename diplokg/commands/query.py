"""``diplokg query QUERY|@FILE.rq``: run a read-only SPARQL query against the store."""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterable, Sequence

from rdflib import Literal, URIRef
from rdflib.term import Node

from diplokg.config import Config
from diplokg.errors import BadInput
from diplokg.iris import Iris
from diplokg.sparql_errors import warnings_for
from diplokg.sparql_guard import check_query
from diplokg.store import open_store

RESULT_TYPES = {"json": "application/sparql-results+json", "csv": "text/csv", "tsv": "text/tab-separated-values"}


def read_query(arg: str) -> str:
    """The query text: the argument itself, the file named after ``@``, or standard input for ``-``."""
    if arg == "-":
        try:
            text = sys.stdin.buffer.read().decode("utf-8")
        except UnicodeDecodeError:
            raise BadInput("the query on standard input is not UTF-8") from None
        if not text.strip():
            raise BadInput("no query on standard input")
        return text
    if not arg.startswith("@"):
        return arg
    path = arg[1:]
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    except OSError as exc:
        raise BadInput(f"cannot read query file {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise BadInput(f"query file {path} is not UTF-8") from None


def cell(term: Node | None) -> str:
    """A term as a table cell: IRIs in angle brackets, literals by their text, unbound empty."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        return str(term)
    return f"_:{term}"


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A plain text table with a header line and a rule."""
    rows = [list(r) for r in rows]
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.replace("\n", " ").ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def run(args: argparse.Namespace, config: Config) -> int:
    """Check, run and print a query; a syntax error or a refused query exits 1.

    Relative IRIs (``<id/actor/...>``, as the cookbook writes them) resolve against the base.
    """
    text = read_query(args.query)
    check_query(text, config.max_query_bytes, max_depth=config.max_query_depth)
    for warning in warnings_for(text):
        print(f"diplokg query: warning: {warning}", file=sys.stderr)
    out = sys.stdout
    with open_store(config, writable=False) as store:
        result = store.query(text, base_iri=Iris(config.base).base)
        if result.form == "ask":
            if args.format == "table":
                print("true" if result.boolean() else "false")
            else:
                body, _ = result.serialize(RESULT_TYPES[args.format])
                out.buffer.write(body + b"\n")
        elif result.form == "select":
            if args.format == "table":
                print(table(result.variables, ([cell(t) for t in row] for row in result.rows())))
            else:
                result.write(out.buffer, RESULT_TYPES[args.format])
        elif args.format == "json":
            result.write(out.buffer, "application/ld+json")
        elif args.format == "table":
            result.write(out.buffer, "text/turtle")
        else:
            writer = csv.writer(out, delimiter="," if args.format == "csv" else "\t", lineterminator="\n")
            writer.writerow(["subject", "predicate", "object"])
            writer.writerows([cell(t) for t in triple] for triple in result.triples())
    out.flush()
    return 0
