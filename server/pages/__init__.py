"""Entity pages and the query page.

- :mod:`server.pages.routes` — the blueprint: ``/id/{kind}/{key}`` (HTML or RDF by content
  negotiation) and ``/``.
- :mod:`server.pages.views` — what each kind of page shows (person, meeting, country, ...).
- :mod:`server.pages.lists` — the bounded, paginated lists on busy pages.
- :mod:`server.pages.query` — the SPARQL the pages run, and their result rows.
- :mod:`server.pages.text` — article text with evidence spans highlighted.
- :mod:`server.pages.common` — the request's store, base IRI, links and error responses.
"""

from server.pages.routes import bp

__all__ = ["bp"]
