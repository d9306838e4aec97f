"""One error hierarchy for diplokg, rendered at the edges (CLI line, HTTP JSON)."""

from __future__ import annotations


class DiplokgError(Exception):
    """Base class of every error diplokg reports to a user.

    ``status`` is the HTTP status the error maps to; ``exit_code`` the CLI exit code.
    """

    status: int = 500
    exit_code: int = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class BadInput(DiplokgError):
    """Input that cannot be read or understood (a file, a record, a parameter)."""

    status = 400
    exit_code = 2


class UsageError(BadInput):
    """A command used the wrong way (missing argument, unknown option value)."""

    exit_code = 2


class NotFound(DiplokgError):
    """Something asked for does not exist."""

    status = 404


class ShapeViolation(DiplokgError):
    """An RDF graph does not conform to the SHACL shapes."""

    status = 422


class QuerySyntaxError(DiplokgError):
    """A SPARQL query that does not parse; the message carries the parser's position."""

    status = 400


class QueryRefused(DiplokgError):
    """A query the service will not run (update, SERVICE, ...)."""

    status = 403


class QueryTooLarge(DiplokgError):
    """A query text over the configured size."""

    status = 413


class QueryTimeout(DiplokgError):
    """A query stopped at the configured time limit."""

    status = 503


class NotAcceptable(DiplokgError):
    """No representation matches what the client accepts."""

    status = 406


class StoreError(DiplokgError):
    """The store cannot be opened or written."""

    status = 503


class StoreMissing(StoreError):
    """A store that readers were pointed at does not exist (only ``ingest`` creates one)."""

    exit_code = 2

    def __init__(self, location: str) -> None:
        super().__init__(f"no store at {location}; run `diplokg ingest` first")
