"""Security headers on every response: pages load nothing but this origin's own files.

``Content-Security-Policy`` allows scripts, styles, images, fonts and fetches from this
origin only: no inline ``<script>`` or ``style=""``, no ``eval``, no plugins, no framing
by other sites (``frame-ancestors 'none'``), forms that post only here. A page or script
added to ``server/`` must follow it: put code in ``server/static/*.js`` and styles in
``server/static/*.css``; data for a script goes in a ``<script type="application/json">``
block (data, never run) read with ``JSON.parse``. ``X-Content-Type-Options: nosniff``
makes browsers believe our Content-Type, so a text answer is never run as a script.
"""

from __future__ import annotations

from flask import Flask, Response

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

SECURITY_HEADERS = (
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
)


def _add_headers(response: Response) -> Response:
    response.headers.extend(SECURITY_HEADERS)
    return response


def install(app: Flask) -> None:
    """Add the security headers to every response of ``app``."""
    app.after_request(_add_headers)
