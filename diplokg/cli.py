"""The ``diplokg`` command: argument parsing and error rendering.

Each sub-command lives in ``diplokg.commands.<name>`` with a ``run(args, config) -> int``.
User errors (``DiplokgError``) print one line on stderr; the exit code comes from the error.
Global options (``--store``, ``--base``, ``-v``) are accepted before or after the sub-command.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from typing import NoReturn

from diplokg import __version__
from diplokg.config import SETTINGS, load_config
from diplokg.errors import DiplokgError

log = logging.getLogger("diplokg")

COMMANDS = ("ingest", "export", "validate", "query", "stats", "serve")
EXPORT_FORMATS = ("trig", "nquads", "turtle", "ntriples", "jsonld")
QUERY_FORMATS = ("table", "json", "csv", "tsv")


def positive_int(text: str) -> int:
    """An argparse type: an integer of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


class Parser(argparse.ArgumentParser):
    """argparse, with a usage error as one line on stderr (``diplokg CMD: error: ...``), exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


def _global_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """The options every sub-command takes too. Below the top level they default to
    SUPPRESS, so a value given before the sub-command is not reset by its parser."""
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--store", metavar="DIR|URL", default=default,
                        help="store directory, or the http(s) URL of a SPARQL 1.1 server (env DIPLOKG_STORE, default ./data/store)")
    parser.add_argument("--base", metavar="IRI", default=default,
                        help="base IRI of instances and graphs (env DIPLOKG_BASE, default https://w3id.org/diplokg/)")
    parser.add_argument("-v", "--verbose", action="store_true", default=False if top else argparse.SUPPRESS,
                        help="log debug messages")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; global options are accepted before or after the sub-command."""
    parser = Parser(prog="diplokg", description="A knowledge graph of diplomatic meetings built from news.")
    parser.add_argument("--version", action="version", version=f"diplokg {__version__}")
    _global_options(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    def command(name: str, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        _global_options(p, top=False)
        return p

    p = command("ingest", "extract articles, validate, reason and store them")
    p.add_argument("paths", nargs="+", metavar="PATH", help=".txt/.jsonl files or directories")
    p.add_argument("--jobs", type=positive_int, metavar="N",
                   help="parallel extraction processes, at least 1 (env DIPLOKG_JOBS, default 1)")
    p.add_argument("--cluster", metavar="ADDRESS",
                   help="extract on a Dask cluster: a scheduler address (tcp://host:8786) or local:N for N local "
                        "workers (env DIPLOKG_CLUSTER; needs pip install 'diplokg[cluster]')")
    p.add_argument("--no-progress", action="store_true", help="plain progress lines even on a terminal")

    p = command("export", "write the store as RDF")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="output file (default: standard output); its extension (.trig .nq .ttl .nt .jsonld) "
                        "gives the format when --format is not given")
    p.add_argument("--format", choices=EXPORT_FORMATS, metavar="FORMAT",
                   help="one of " + ", ".join(EXPORT_FORMATS) + " (default: from the -o extension, else trig); "
                        "trig, nquads and jsonld keep the named graphs, turtle and ntriples write their union")

    p = command("validate", "SHACL report for RDF files, or for the store")
    p.add_argument("files", nargs="*", metavar="FILE", help="RDF files (.ttl .trig .nt .nq .jsonld .rdf); none: the store")

    p = command("query", "run a SPARQL query against the store")
    p.add_argument("query", metavar="QUERY|@FILE.rq|-", help="the query text, @ and a file name, or - for standard input")
    p.add_argument("--format", default="table", choices=QUERY_FORMATS, metavar="FORMAT",
                   help="one of " + ", ".join(QUERY_FORMATS) + " (default table); graphs (CONSTRUCT, DESCRIBE) are "
                        "Turtle for table, JSON-LD for json, subject/predicate/object rows for csv and tsv")

    command("stats", "articles, triples and instances per class")

    p = command("serve", "run the HTTP service (event-loop front, sandboxed worker processes)")
    p.add_argument("--host", metavar="ADDRESS", help="address to listen on (env DIPLOKG_HOST, default 127.0.0.1)")
    p.add_argument("--port", type=int, metavar="PORT", help="port to listen on, 1 to 65535 (env DIPLOKG_PORT, default 5000)")
    p.add_argument("--workers", type=int, metavar="N",
                   help="HTTP worker processes, at least 1 (env DIPLOKG_WORKERS, default 3)")
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
