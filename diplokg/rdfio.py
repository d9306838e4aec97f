"""Read RDF files of any common syntax, chosen by file extension, with one-line errors.

A file that does not parse raises :class:`diplokg.errors.BadInput` whose message is one
line naming the file and the line number (``path:line: reason``). JSON-LD that refers to
remote contexts is refused rather than fetched: reading a file never touches the network.
"""

from __future__ import annotations

import json
import logging
import warnings
import xml.sax
from pathlib import Path
from typing import Any

import rdflib
from rdflib.exceptions import ParserError
from rdflib.plugins.parsers.notation3 import BadSyntax

from diplokg.errors import BadInput

log = logging.getLogger(__name__)

FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".trig": "trig",
    ".nt": "nt",
    ".nq": "nquads",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".xml": "xml",
    ".owl": "xml",
}

_NAMES = {
    "turtle": "Turtle",
    "trig": "TriG",
    "nt": "N-Triples",
    "nquads": "N-Quads",
    "json-ld": "JSON-LD",
    "xml": "RDF/XML",
}


def format_of(path: str | Path) -> str:
    """The rdflib format name of a file, from its extension.

    >>> format_of("a/b.TTL")
    'turtle'
    """
    suffix = Path(path).suffix.lower()
    try:
        return FORMATS[suffix]
    except KeyError:
        known = " ".join(sorted(FORMATS))
        raise BadInput(f"{path}: unknown RDF file extension {suffix or '(none)'!r}; use one of {known}") from None


def read_dataset(path: str | Path) -> rdflib.Dataset:
    """Parse one RDF file into a Dataset (triple formats land in the default graph)."""
    fmt = format_of(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line = Path(path).read_bytes()[: exc.start].count(b"\n") + 1
        raise BadInput(f"{path}:{line}: not UTF-8 text") from None
    except OSError as exc:
        raise BadInput(f"{path}: cannot read: {exc.strerror or exc}") from None
    if fmt == "json-ld":
        _check_json_ld(path, text)
    dataset = rdflib.Dataset()
    try:
        with warnings.catch_warnings():
            # rdflib 7.6's own TriG/N-Quads parsers call its deprecated Dataset API
            warnings.simplefilter("ignore", DeprecationWarning)
            dataset.parse(data=text, format=fmt, publicID=Path(path).resolve().as_uri())
    except BadSyntax as exc:
        raise BadInput(f"{path}:{exc.lines + 1}: bad {_NAMES[fmt]} syntax ({exc._why})") from None
    except ParserError as exc:
        line = _first_bad_line(text, fmt)
        reason = str(exc).splitlines()[0].rstrip(":")
        raise BadInput(f"{path}:{line}: bad {_NAMES[fmt]} syntax ({reason})") from None
    except xml.sax.SAXParseException as exc:
        raise BadInput(f"{path}:{exc.getLineNumber()}: bad {_NAMES[fmt]} syntax ({exc.getMessage()})") from None
    except Exception as exc:  # rdflib's parsers raise many kinds of errors on bad input
        log.debug("parse error in %s", path, exc_info=True)
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise BadInput(f"{path}:1: cannot parse {_NAMES[fmt]} ({reason})") from None
    return dataset


def read_graph(path: str | Path) -> rdflib.Graph:
    """Parse one RDF file into a Graph holding the union of all its graphs."""
    dataset = read_dataset(path)
    graph = rdflib.Graph()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        for prefix, namespace in dataset.namespaces():
            graph.bind(prefix, namespace, override=False)
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            graph.add((s, p, o))
    return graph


def _first_bad_line(text: str, fmt: str) -> int:
    """The number of the first line of an N-Triples/N-Quads text that does not parse alone."""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                rdflib.Dataset().parse(data=line + "\n", format=fmt)
        except Exception:
            return number
    return len(text.splitlines()) or 1


def _check_json_ld(path: str | Path, text: str) -> None:
    """Refuse JSON that does not parse, and JSON-LD that names remote contexts."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadInput(f"{path}:{exc.lineno}: bad JSON ({exc.msg})") from None
    remote = _remote_context(document)
    if remote is not None:
        raise BadInput(f"{path}:1: JSON-LD remote context {remote!r} is not fetched; inline the context")


def _remote_context(node: Any) -> str | None:
    """The first context reference (a string) anywhere in a JSON-LD document, or None."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("@context", "@import"):
                found = _context_reference(value)
                if found is not None:
                    return found
            found = _remote_context(value)
            if found is not None:
                return found
    elif isinstance(node, list):
        for item in node:
            found = _remote_context(item)
            if found is not None:
                return found
    return None


def _context_reference(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        for item in value:
            found = _context_reference(item)
            if found is not None:
                return found
    if isinstance(value, dict):
        return _remote_context(value)
    return None
