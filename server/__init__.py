"""The HTTP service: SPARQL endpoint, entity pages, query page, dumps."""
