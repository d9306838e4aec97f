"""The HTTP service: SPARQL endpoint, entity pages, query page, dumps."""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, jsonify

from diplokg.config import Config, load_config
from server import cors, errors, headers

# Room for a form-encoded query of max_query_bytes (percent-encoding triples a byte at worst).
_FORM_OVERHEAD = 3
_BODY_SLACK = 64 * 1024


def create_app(config: Config | dict[str, Any] | None = None) -> Flask:
    """Build the Flask app for a store. ``config`` is a Config, a dict of overrides, or None."""
    if not isinstance(config, Config):
        config = load_config(config)
    app = Flask(__name__)
    app.config["DIPLOKG"] = config
    app.config["MAX_CONTENT_LENGTH"] = _FORM_OVERHEAD * config.max_query_bytes + _BODY_SLACK

    from server import documents, dumps, explore, pages, sparql

    app.register_blueprint(pages.bp)
    app.register_blueprint(dumps.bp)
    app.register_blueprint(documents.bp)
    app.register_blueprint(explore.bp)
    app.add_url_rule("/healthz", "healthz", _healthz)
    errors.register(app)
    cors.install(app)
    sparql.install(app)  # /sparql answered at the WSGI level, before Flask
    headers.install(app)  # outermost: every response, Flask's and the endpoint's
    return app


def _healthz() -> Response:
    """Liveness: the process answers."""
    return jsonify(status="ok")
