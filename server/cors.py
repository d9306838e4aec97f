"""CORS headers, so query pages on other origins can call the endpoint.

The headers every response carries are added with the security headers (``server.headers``);
the preflight headers only on answers to OPTIONS requests.
"""

from __future__ import annotations

from flask import Flask, Response, request

# On every response: who may read it, and which of our own headers a script may see.
HEADERS = (
    ("Access-Control-Allow-Origin", "*"),
    ("Access-Control-Expose-Headers", "X-Diplokg-Truncated, Warning"),
)
# Only on answers to a preflight (OPTIONS) request.
PREFLIGHT_HEADERS = (
    ("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
    ("Access-Control-Allow-Headers", "Accept, Content-Type"),
    ("Access-Control-Max-Age", "86400"),
)


def _add_preflight(response: Response) -> Response:
    if request.method == "OPTIONS":
        response.headers.extend(PREFLIGHT_HEADERS)
    return response


def install(app: Flask) -> None:
    """Add the preflight headers to the OPTIONS answers of ``app``'s Flask routes."""
    app.after_request(_add_preflight)
