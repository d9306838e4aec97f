"""The store: an interface (``base``) and its implementations (``oxigraph`` embedded, ``remote``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplokg.store.base import QueryResult, Store, StoreStats

if TYPE_CHECKING:
    from diplokg.config import Config

__all__ = ["QueryResult", "Store", "StoreStats", "open_store"]


def open_store(config: "Config", *, writable: bool) -> Store:
    """Open the configured store: the single writer (locked) or a reader of the newest snapshot;
    a SPARQL server when the store setting is an http(s) URL (``diplokg.store.remote``)."""
    from diplokg.iris import Iris

    if config.store_is_remote:
        from diplokg.store.remote import open_remote

        return open_remote(config, Iris(config.base), writable=writable)
    from diplokg.store.oxigraph import open_oxigraph

    return open_oxigraph(config.store_path, Iris(config.base), writable=writable)
