"""The researcher's workbench beyond the query page: the network and timeline views and the
JSON routes behind them and behind the query page (labels, vocabulary for completion).

Every JSON route runs bounded SPARQL (a LIMIT on every query) through the app's store, under
the query deadline that the front and its worker pool hold every request to (:mod:`server.pool`).
"""

from server.explore.routes import bp

__all__ = ["bp"]
