"""The floor of Python HTTP handling: a minimal Flask app that runs a query on pyoxigraph → JSON.

Benchmark baseline only (bench/endpoint.py); no checks, no limits. ``MINIMAL_STORE`` names
a store directory opened read-only; queries see its default graph (the store keeps it
as the union of the article graphs).
"""

import os

import pyoxigraph as ox
from flask import Flask, Response, request

store = ox.Store.read_only(os.environ["MINIMAL_STORE"])
app = Flask(__name__)


@app.get("/sparql")
def sparql() -> Response:
    """Run the query and answer SPARQL JSON."""
    result = store.query(request.args["query"])
    return Response(result.serialize(format=ox.QueryResultsFormat.JSON), content_type="application/sparql-results+json")
