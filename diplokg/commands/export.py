"""``diplokg export``: the store as TriG, N-Quads, Turtle, N-Triples or JSON-LD, streamed.

The ontology graph is written as the ontology files state it (the store keeps its OWL RL
closure for the reasoner and for queries). The format comes from ``--format``, else from
the extension of ``-o FILE``, else TriG; a format that contradicts the extension is refused.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from diplokg.config import Config
from diplokg.errors import BadInput, UsageError
from diplokg.iris import Iris
from diplokg.rebase import asserted_ontology
from diplokg.store import open_store

DEFAULT_FORMAT = "trig"
# The extensions a dump may have, and the format each one means.
EXTENSIONS = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "ntriples", ".jsonld": "jsonld",
              ".json": "jsonld"}
NAMES = {"trig": "TriG", "nquads": "N-Quads", "turtle": "Turtle", "ntriples": "N-Triples", "jsonld": "JSON-LD"}


def output_format(requested: str | None, output: str | None) -> str:
    """The format to write: ``--format``, else the output file's extension, else TriG.

    >>> output_format(None, "dump.nq"), output_format("turtle", "dump.ttl"), output_format(None, None)
    ('nquads', 'turtle', 'trig')
    """
    suffix = Path(output).suffix.lower() if output and output != "-" else ""
    implied = EXTENSIONS.get(suffix)
    if requested is None:
        if suffix and implied is None:
            raise UsageError(f"cannot tell the format from {output}: give --format, or name the file "
                             + " ".join(f"*{e}" for e in EXTENSIONS))
        return implied or DEFAULT_FORMAT
    if implied is not None and implied != requested:
        wanted = next(e for e, f in EXTENSIONS.items() if f == requested)
        raise UsageError(f"{output} is a {NAMES[implied]} file name but --format is {requested}; "
                         f"use --format {implied} or name the file {Path(output).with_suffix(wanted).name}")
    return requested


def run(args: argparse.Namespace, config: Config) -> int:
    """Write the store to ``-o FILE`` (replaced only when complete) or standard output."""
    fmt = output_format(args.format, args.output)
    with open_store(config, writable=False) as store:
        iris = Iris(config.base)
        replace = {iris.ontology_graph: asserted_ontology(iris.base)} if iris.ontology_graph in store.graphs() else {}
        if not args.output or args.output == "-":
            store.export(sys.stdout.buffer, fmt, replace=replace)
            sys.stdout.buffer.flush()
            return 0
        if args.format is None:
            print(f"diplokg export: writing {NAMES[fmt]} (from the {Path(args.output).suffix} extension) "
                  f"to {args.output}", file=sys.stderr)
        tmp = f"{args.output}.{os.getpid()}.part"
        try:
            with open(tmp, "wb") as out:
                store.export(out, fmt, replace=replace)
            os.replace(tmp, args.output)
        except OSError as exc:
            raise BadInput(f"cannot write {args.output}: {exc.strerror}") from None
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    return 0
