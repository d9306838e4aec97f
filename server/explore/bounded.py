"""What the workbench's JSON routes share: the store, request parameters, IRIs as links."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from flask import current_app, request
from rdflib import Literal, URIRef

from diplokg.errors import BadInput
from diplokg.store import Store
from server.pages import common
from server.runner import runner

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_LOCAL = re.compile(r"/?id/(actor|meeting|statement|issue|article|place|role)/[A-Za-z0-9._~-]{1,200}")
# Characters SPARQL forbids inside an IRIREF; such strings are no IRIs of ours.
_NOT_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


@contextmanager
def served_store() -> Iterator[Store]:
    """The store that the workbench's queries read.

    No deadline of its own: under ``diplokg serve`` every request runs in a pool worker that
    the front stops, answering 503, past ``query_timeout`` or ``query_memory_mb`` (see
    :mod:`server.pool`), the workbench's routes as much as the endpoint.
    """
    yield runner(current_app).store


@dataclass(frozen=True)
class Filters:
    """The network's and the meeting lists' filters: a date range, an issue, a country."""

    start: str | None = None
    end: str | None = None
    issue: URIRef | None = None
    country: URIRef | None = None

    def query_args(self) -> dict[str, str]:
        """The filters as URL parameters (local paths for IRIs)."""
        args = {"from": self.start, "to": self.end,
                "issue": common.local_href(str(self.issue)) if self.issue else None,
                "country": common.local_href(str(self.country)) if self.country else None}
        return {k: v for k, v in args.items() if v}


def date_param(name: str) -> str | None:
    """A date bound of the request: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; None when absent."""
    value = request.args.get(name, "").strip()
    if not value:
        return None
    if not _DATE.fullmatch(value):
        raise BadInput(f"{name} must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not {value[:40]!r}")
    return value


def entity_param(name: str, kind: str | None = None) -> URIRef | None:
    """An instance named by the request: its IRI, or its local path (``/id/actor/japan``)."""
    value = request.args.get(name, "").strip()
    if not value:
        return None
    iri = entity_iri(value)
    if iri is None or (kind and f"/id/{kind}/" not in str(iri)):
        raise BadInput(f"{name} must name an instance ({'/id/' + kind + '/...' if kind else '/id/KIND/KEY'}), "
                       f"not {value[:80]!r}")
    return iri


def entity_iri(value: str) -> URIRef | None:
    """The instance IRI of a local path or of an IRI under the base; None for anything else."""
    base = common.base()
    path = value[len(base):] if value.startswith(base) else value
    if request.script_root and path.startswith(request.script_root + "/"):
        path = path[len(request.script_root):]
    if not _LOCAL.fullmatch(path):
        return None
    return URIRef(base + path.lstrip("/"))


def filters() -> Filters:
    """The request's filters; a range whose end comes before its start is refused."""
    found = Filters(date_param("from"), date_param("to"), entity_param("issue", "issue"),
                    entity_param("country", "actor"))
    if found.start and found.end and found.end < found.start[:len(found.end)]:
        raise BadInput(f"the date range ends ({found.end}) before it starts ({found.start})")
    return found


def int_param(name: str, default: int, low: int, high: int) -> int:
    """An integer parameter between ``low`` and ``high``."""
    value = request.args.get(name, "").strip()
    if not value:
        return default
    if not value.isdigit() or not low <= int(value) <= high:
        raise BadInput(f"{name} must be a whole number from {low} to {high}, not {value[:20]!r}")
    return int(value)


def is_iri(text: object) -> bool:
    """Whether a client-sent string can be an absolute IRI in a query."""
    return isinstance(text, str) and 0 < len(text) <= 2000 and ":" in text and not _NOT_IRI.search(text)


def date_pattern(var: str, found: Filters) -> str:
    """SPARQL keeping the facts whose date (of any precision) overlaps the filters' range.

    A date is compared as text: ``"2020"`` starts no later than any day of 2020 and
    ``"2020~"`` ends no earlier (``~`` sorts after digits and ``-``), so a fact known only to
    the month or the year is kept when that month or year overlaps the range, and a fact with
    no date is left out of any range.
    """
    if not (found.start or found.end):
        return ""
    conditions = []
    if found.end:
        conditions.append(f"STR(?{var}_date) <= {Literal(found.end + '~').n3()}")
    if found.start:
        conditions.append(f"CONCAT(STR(?{var}_date), '~') >= {Literal(found.start).n3()}")
    return f"?{var} dkg:date ?{var}_date . FILTER({' && '.join(conditions)})"


def link(iri: URIRef | str) -> str:
    """The link of an IRI: a path on this server for instances, else the IRI."""
    return common.local_href(str(iri))
