"""CORS headers on every response, so query pages on other origins can call the endpoint."""

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


def _add_headers(response: Response) -> Response:
    # No route sets these headers, so they are appended without a lookup each.
    response.headers.extend(HEADERS)
    if request.method == "OPTIONS":
        response.headers.extend(PREFLIGHT_HEADERS)
    return response


def install(app: Flask) -> None:
    """Add the CORS headers to every response of ``app`` (and the preflight ones to OPTIONS)."""
    app.after_request(_add_headers)
