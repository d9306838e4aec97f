"""CORS headers on every response, so query pages on other origins can call the endpoint."""

from __future__ import annotations

from flask import Flask, Response

HEADERS = (
    ("Access-Control-Allow-Origin", "*"),
    ("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
    ("Access-Control-Allow-Headers", "Accept, Content-Type"),
    ("Access-Control-Expose-Headers", "X-Diplokg-Truncated, Warning, Content-Type"),
    ("Access-Control-Max-Age", "86400"),
)


def _add_headers(response: Response) -> Response:
    # No route sets these headers, so they are appended without a lookup each.
    response.headers.extend(HEADERS)
    return response


def install(app: Flask) -> None:
    """Add the CORS headers to every response of ``app`` (preflight OPTIONS included)."""
    app.after_request(_add_headers)
