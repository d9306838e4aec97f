"""The ``diplokg`` command: argument parsing and error rendering.

Each sub-command lives in ``diplokg.commands.<name>`` with a ``run(args, config) -> int``.
User errors (``DiplokgError``) print one line on stderr; the exit code comes from the error.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from diplokg import __version__
from diplokg.config import SETTINGS, load_config
from diplokg.errors import DiplokgError

log = logging.getLogger("diplokg")

COMMANDS = ("ingest", "export", "validate", "query", "stats", "serve")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; global options come from the settings table."""
    parser = argparse.ArgumentParser(prog="diplokg", description="A knowledge graph of diplomatic meetings built from news.")
    parser.add_argument("--version", action="version", version=f"diplokg {__version__}")
    parser.add_argument("--store", metavar="DIR", help="store directory (env DIPLOKG_STORE, default ./data/store)")
    parser.add_argument("--base", metavar="IRI", help="base IRI of instances (env DIPLOKG_BASE)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("ingest", help="extract articles, validate, reason and store them")
    p.add_argument("paths", nargs="+", metavar="PATH", help=".txt/.jsonl files or directories")
    p.add_argument("--jobs", type=int, help="parallel extraction processes")
    p.add_argument("--no-progress", action="store_true", help="plain progress lines even on a terminal")

    p = sub.add_parser("export", help="write the store as RDF")
    p.add_argument("-o", "--output", metavar="FILE", help="output file (default: standard output)")
    p.add_argument("--format", default="trig", choices=["trig", "nquads", "turtle", "ntriples", "jsonld"])

    p = sub.add_parser("validate", help="SHACL report for RDF files, or for the store")
    p.add_argument("files", nargs="*", metavar="FILE")

    p = sub.add_parser("query", help="run a SPARQL query against the store")
    p.add_argument("query", metavar="QUERY|@FILE.rq")
    p.add_argument("--format", default="table", choices=["table", "json", "csv", "tsv"])

    sub.add_parser("stats", help="articles, triples and instances per class")

    p = sub.add_parser("serve", help="run the HTTP service (event-loop front, sandboxed worker processes)")
    p.add_argument("--host")
    p.add_argument("--port", type=int)
    p.add_argument("--workers", type=int)
    return parser


def _overrides(args: argparse.Namespace) -> dict:
    names = {s.name for s in SETTINGS}
    return {k: v for k, v in vars(args).items() if k in names and v is not None}


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help(sys.stderr)
        return 2
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        config = load_config(_overrides(args))
        logging.getLogger().setLevel(logging.DEBUG if args.verbose else config.log_level.upper())
        module = importlib.import_module(f"diplokg.commands.{args.command}")
        return int(module.run(args, config))
    except DiplokgError as exc:
        print(f"diplokg {args.command}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"diplokg {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
