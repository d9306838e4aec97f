"""The researcher's workbench beyond the query page: the network and timeline views and the
JSON routes behind them and behind the query page (labels, vocabulary for completion).

Every JSON route runs bounded SPARQL (a LIMIT on every query) through the app's store, under
the endpoint's query deadline (:mod:`server.explore.bounded`).
"""

from server.explore.routes import bp

__all__ = ["bp"]
