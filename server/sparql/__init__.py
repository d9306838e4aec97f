"""The SPARQL 1.1 Protocol endpoint at ``/sparql`` (query side, read-only).

- :mod:`server.sparql.endpoint` — the WSGI app mounted before Flask: parameters, checks,
  content negotiation, errors.
- :mod:`server.sparql.description` — the SPARQL 1.1 service description.
"""

from server.sparql.endpoint import install

__all__ = ["install"]
