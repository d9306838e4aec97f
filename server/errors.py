"""One error shape on every route: JSON ``{"error": ..., "status": ...}``, or HTML for browsers."""

from __future__ import annotations

import logging

from flask import Flask, Response, json, request
from markupsafe import escape
from werkzeug.exceptions import HTTPException, MethodNotAllowed
from werkzeug.http import HTTP_STATUS_CODES

from diplokg.errors import BadInput, DiplokgError
from server.negotiate import best_match, by_media_type

log = logging.getLogger(__name__)

_JSON = by_media_type("application/json", "results")
_HTML = by_media_type("text/html", "page")

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{status} {reason}</title></head>
<body><h1>{status} {reason}</h1><p>{message}</p><p><a href="/">diplokg</a></p></body></html>
"""


class UnsupportedMediaType(BadInput):
    """A request body in a media type the route does not take."""

    status = 415


def wants_html(accept: str | None) -> bool:
    """True when an Accept header prefers an HTML page to JSON (a browser)."""
    assert _JSON is not None and _HTML is not None
    return bool(accept) and best_match(accept, (_JSON, _HTML)) is _HTML


def error_body(status: int, message: str, accept: str | None) -> tuple[bytes, str]:
    """The error shape for ``status`` with a one-line ``message``: body and content type."""
    if wants_html(accept):
        reason = HTTP_STATUS_CODES.get(status, "Error")
        page = _PAGE.format(status=status, reason=escape(reason), message=escape(message))
        return page.encode("utf-8"), "text/html; charset=utf-8"
    return (json.dumps({"error": message, "status": status}) + "\n").encode("utf-8"), "application/json"


def error_response(status: int, message: str) -> Response:
    """The error response of the current request."""
    body, content_type = error_body(status, message, request.headers.get("Accept"))
    return Response(body, status=status, content_type=content_type)


def _diplokg(exc: DiplokgError) -> Response:
    log.info("%s %s: %d %s", request.method, request.path, exc.status, exc.message)
    return error_response(exc.status, exc.message)


def _http(exc: HTTPException) -> Response:
    status = exc.code or 500
    message = exc.description or exc.name
    response = error_response(status, str(message))
    if isinstance(exc, MethodNotAllowed) and exc.valid_methods:
        response.headers["Allow"] = ", ".join(exc.valid_methods)
    return response


def _unexpected(exc: Exception) -> Response:
    log.exception("%s %s failed", request.method, request.path)
    return error_response(500, "internal error: the server could not answer this request")


def register(app: Flask) -> None:
    """Install the error handlers on an app."""
    app.register_error_handler(DiplokgError, _diplokg)
    app.register_error_handler(HTTPException, _http)
    app.register_error_handler(Exception, _unexpected)
