"""Licences of articles: short names → IRIs, and whether a licence lets us republish a text.

The table is ``etl/data/licenses.csv`` (``name,iri,redistributable,label``); a researcher
adds a licence by adding a row. An article's ``license`` is an IRI or one of the names;
whether its full text is published (pages, dumps, the endpoint) is decided at ingest by
:func:`publishes_text` under the ``publish_text`` setting.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "licenses.csv"
PUBLISH_TEXT = ("licensed", "all", "none")
_IRI = re.compile(r"https?://[^\s<>\"{}|\\^`]+")


@dataclass(frozen=True)
class License:
    name: str
    iri: str
    redistributable: bool
    label: str


@functools.lru_cache(maxsize=1)
def licenses() -> tuple[License, ...]:
    """The rows of the licence table."""
    with DATA.open(encoding="utf-8", newline="") as fh:
        return tuple(License(r["name"].lower(), r["iri"], r["redistributable"] == "yes", r["label"])
                     for r in csv.DictReader(fh))


def _by_iri() -> dict[str, License]:
    out: dict[str, License] = {}
    for lic in licenses():
        out.setdefault(_norm(lic.iri), lic)
    return out


def _norm(iri: str) -> str:
    """Creative Commons IRIs are written with and without https and the final slash."""
    return re.sub(r"^https?://", "", iri).rstrip("/").lower()


def license_iri(value: str) -> str | None:
    """The IRI of a licence given as an IRI or a short name; None for an unknown name.

    >>> license_iri("CC-BY-4.0")
    'https://creativecommons.org/licenses/by/4.0/'
    >>> license_iri("https://example.org/terms")
    'https://example.org/terms'
    """
    text = value.strip()
    if _IRI.fullmatch(text):
        known = _by_iri().get(_norm(text))
        return known.iri if known else text
    for lic in licenses():
        if lic.name == text.lower():
            return lic.iri
    return None


def known_names() -> list[str]:
    """The short names of the table, for messages."""
    return [lic.name for lic in licenses()]


def redistributable(iri: str | None) -> bool:
    """Whether a licence IRI is one of the table's licences that allow republishing a text."""
    if not iri:
        return False
    known = _by_iri().get(_norm(iri))
    return bool(known and known.redistributable)


def publishes_text(iri: str | None, setting: str) -> bool:
    """Whether an article's full text is published under the ``publish_text`` setting:
    ``licensed`` only under a redistributable licence, ``all`` always, ``none`` never."""
    if setting == "all":
        return True
    if setting == "none":
        return False
    return redistributable(iri)
