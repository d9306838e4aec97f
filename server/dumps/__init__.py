"""Dumps of the whole store and the dataset's VoID description.

- :mod:`server.dumps.routes` — the blueprint: ``/export.{ttl,trig,nq}`` and ``/.well-known/void``.
- :mod:`server.dumps.stream` — an export streamed in bounded chunks from a thread.
- :mod:`server.dumps.void` — the VoID graph (counts, linksets), cached per store snapshot.
"""

from server.dumps.routes import bp

__all__ = ["bp"]
