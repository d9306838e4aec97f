"""The HTTP service: SPARQL endpoint, entity pages, query page, dumps."""

from __future__ import annotations

from typing import Any

from flask import Flask

from diplokg.config import Config, load_config


def create_app(config: Config | dict[str, Any] | None = None) -> Flask:
    """Build the Flask app for a store. ``config`` is a Config, a dict of overrides, or None."""
    if not isinstance(config, Config):
        config = load_config(config)
    app = Flask(__name__)
    app.config["DIPLOKG"] = config

    from server import dumps, pages, sparql

    app.register_blueprint(sparql.bp)
    app.register_blueprint(pages.bp)
    app.register_blueprint(dumps.bp)
    return app
