"""``diplokg serve`` whose every response carries the site's strict Content-Security-Policy.

The browser tests of the workbench run the real server through this module, so that YASGUI,
vis-network and vis-timeline are checked under the policy the serving tier enforces (a
response that already has a policy keeps its own).
``python -m tests.serve_with_csp --store DIR serve --port N`` takes diplokg's own arguments.
"""

from __future__ import annotations

import sys

from flask import Flask, Response

import server.wsgi
from diplokg.cli import main

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

_create_app = server.wsgi.create_app


def create_app_with_csp(config) -> Flask:
    """The diplokg app, with the policy added to every response that lacks one."""
    app = _create_app(config)

    @app.after_request
    def _policy(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", CSP)
        return response

    return app


server.wsgi.create_app = create_app_with_csp

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
