"""The store: an interface (``base``) and its implementations (``oxigraph`` embedded)."""

from diplokg.store.base import QueryResult, Store, StoreStats

__all__ = ["QueryResult", "Store", "StoreStats"]
