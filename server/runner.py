"""Query execution under the row cap, for the SPARQL endpoint.

The engine can neither cancel a query nor bound its memory, so a runaway query is stopped
by ending the process that runs it: under ``diplokg serve`` each worker process runs one
request at a time, and the front kills a worker whose answer has not begun within
``query_timeout`` or whose resident memory passes ``query_memory_mb``, answers the client
503 itself and forks a fresh worker (``server.pool``). Nothing else runs in that process,
so nobody else's request is lost. Outside the server (tests, scripts) queries run to
completion.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask

from diplokg.config import Config
from diplokg.errors import QueryRefused
from diplokg.store import Store, open_store
from server.negotiate import Format, Kind

log = logging.getLogger(__name__)

_EXTENSION = "diplokg.sparql.runner"
_OPEN_LOCK = threading.Lock()


@dataclass(frozen=True)
class Answer:
    """A serialized query result."""

    body: bytes
    format: Format
    truncated: bool


class QueryRunner:
    """Runs checked read-only queries on a store under the row cap."""

    def __init__(self, store: Store, config: Config) -> None:
        self.store = store
        self.max_rows = config.max_rows
        self.refuse_over_cap = config.row_cap == "refuse"

    def run(
        self,
        text: str,
        choose: Callable[[Kind], Format],
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
        base_iri: str | None = None,
    ) -> Answer:
        """Evaluate and serialize a query in the format ``choose`` picks for its kind;
        relative IRIs resolve against ``base_iri`` (the endpoint's URL).

        Raises QuerySyntaxError, NotAcceptable or QueryRefused (row cap refused).
        """
        try:
            result = self.store.query(text, default_graphs=default_graphs, named_graphs=named_graphs,
                                      base_iri=base_iri)
            fmt = choose("graph" if result.form == "graph" else "results")
            body, truncated = result.serialize(fmt.media_type, limit=self.max_rows)
        except PermissionError as exc:  # the sandbox refused the engine a socket (SERVICE)
            log.warning("the kernel refused a query a network connection: %s", exc)
            raise QueryRefused(f"the query tried to open a network connection, which this service's "
                               f"sandbox refuses ({exc})") from None
        if truncated and self.refuse_over_cap:
            raise QueryRefused(
                f"the result has more than {self.max_rows} rows or triples, the most this endpoint "
                "returns: add a LIMIT"
            )
        return Answer(body, fmt, truncated)


def runner(app: Flask) -> QueryRunner:
    """The app's query runner, opening the store read-only on first use in this process."""
    found = app.extensions.get(_EXTENSION)
    if found is None:
        with _OPEN_LOCK:
            found = app.extensions.get(_EXTENSION)
            if found is None:
                config: Config = app.config["DIPLOKG"]
                found = QueryRunner(open_store(config, writable=False), config)
                app.extensions[_EXTENSION] = found
    return found
