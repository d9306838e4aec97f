"""``diplokg export``: the store as TriG, N-Quads, Turtle, N-Triples or JSON-LD, streamed."""

from __future__ import annotations

import argparse
import os
import sys

from diplokg.config import Config
from diplokg.errors import BadInput
from diplokg.store import open_store


def run(args: argparse.Namespace, config: Config) -> int:
    """Write the store to ``-o FILE`` (replaced only when complete) or standard output."""
    with open_store(config, writable=False) as store:
        if not args.output or args.output == "-":
            store.export(sys.stdout.buffer, args.format)
            sys.stdout.buffer.flush()
            return 0
        tmp = f"{args.output}.{os.getpid()}.part"
        try:
            with open(tmp, "wb") as out:
                store.export(out, args.format)
            os.replace(tmp, args.output)
        except OSError as exc:
            raise BadInput(f"cannot write {args.output}: {exc.strerror}") from None
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    return 0
