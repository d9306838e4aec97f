"""``diplokg stats``: articles, triples and instances per class."""

from __future__ import annotations

import argparse

from diplokg.config import Config
from diplokg.store import open_store


def run(args: argparse.Namespace, config: Config) -> int:
    """Print the store's counts, one class per line (most instances first)."""
    with open_store(config, writable=False) as store:
        stats = store.stats()
    print(f"articles\t{stats.articles}")
    print(f"triples\t{stats.triples}")
    for cls, count in stats.classes.items():
        print(f"{cls}\t{count}")
    return 0
