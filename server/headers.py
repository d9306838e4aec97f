"""Headers on every response, added at the WSGI level: security and CORS.

``Content-Security-Policy`` allows scripts, styles, images, fonts and fetches from this
origin only: no inline ``<script>`` or ``style=""``, no ``eval``, no plugins, no framing
by other sites (``frame-ancestors 'none'``), forms that post only here. A page or script
added to ``server/`` must follow it: put code in ``server/static/*.js`` and styles in
``server/static/*.css``; data for a script goes in a ``<script type="application/json">``
block (data, never run) read with ``JSON.parse``. ``X-Content-Type-Options: nosniff``
makes browsers believe our Content-Type, so a text answer is never run as a script.

The headers are appended by a WSGI middleware around the whole app (Flask routes and the
``/sparql`` endpoint alike): a constant list, so a response pays nothing per header.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from server.cors import HEADERS as CORS_HEADERS

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

SECURITY_HEADERS = (
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
)

EVERY_RESPONSE = (*SECURITY_HEADERS, *CORS_HEADERS)


class AddHeaders:
    """WSGI middleware appending EVERY_RESPONSE to every response's headers."""

    def __init__(self, app: Callable[..., Iterable[bytes]]) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        def start(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            headers.extend(EVERY_RESPONSE)
            return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)

        return self.app(environ, start)


def install(app: Any) -> None:
    """Wrap a Flask app's WSGI callable so that every response carries the headers."""
    app.wsgi_app = AddHeaders(app.wsgi_app)
