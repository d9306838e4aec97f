"""Queries for a remote store, checked and prepared on this side before they are sent.

``check`` parses a query with rdflib's SPARQL parser: a text that does not parse is a
``QuerySyntaxError`` (and is never sent), a SERVICE anywhere in its parse tree is refused
(the server would federate it), and the graphs its GRAPH patterns read are noted (Virtuoso
needs them named). ``bind`` binds variables by a VALUES block of engine-rendered terms;
``with_prologue`` gives the query the prologue a server takes.
"""

from __future__ import annotations

import functools
import re
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.term import Node

from diplokg.errors import QueryRefused, QuerySyntaxError
from diplokg.iris import PREFIXES
from diplokg.store.terms import to_ox

_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def nt(term: Node) -> str:
    """An rdflib term in N-Triples, rendered by the engine (escaped, never pasted)."""
    return str(to_ox(term))


def _walk_service(node: Any) -> bool:
    """Whether a parse tree holds a SERVICE pattern anywhere."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            if item.name == "ServiceGraphPattern":
                return True
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, ParseResults)):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
    return False


_FORMS = {"SelectQuery": "select", "AskQuery": "ask", "ConstructQuery": "graph", "DescribeQuery": "graph"}


@dataclass(frozen=True)
class Checked:
    """What the store needs to know of a parsed query."""

    form: str  # 'select', 'ask' or 'graph'
    graphs: tuple[str, ...]  # the IRIs of its GRAPH <iri> patterns
    graph_variable: bool  # whether it has a GRAPH ?g pattern
    dataset: bool  # whether it names its own dataset (FROM, FROM NAMED)


@functools.lru_cache(maxsize=256)
def check(text: str, base_iri: str | None = None) -> Checked:
    """Parse a query with rdflib's SPARQL parser (with diplokg's prefixes declared).

    Raises QuerySyntaxError when it does not parse (an update does not), QueryRefused
    when it holds SERVICE anywhere.
    """
    from pyparsing import ParseException, ParseResults
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery
    from rdflib.plugins.sparql.parserutils import CompValue

    try:
        parsed = parseQuery(text)
    except ParseException as exc:
        raise QuerySyntaxError(f"the query does not parse: line {exc.lineno}, column {exc.col}: "
                               f"{exc.msg}") from None
    except Exception as exc:  # rdflib's parser raises what it meets
        raise QuerySyntaxError(f"the query does not parse: {type(exc).__name__}: {exc}") from None
    if _walk_service(parsed):
        raise QueryRefused("SERVICE is refused: this service does not query other endpoints")
    try:
        algebra = translateQuery(parsed, base=base_iri, initNs=PREFIXES).algebra
    except Exception as exc:
        raise QuerySyntaxError(f"the query does not parse: {exc}") from None
    graphs: set[str] = set()
    variable = False
    stack: list = [algebra]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            if item.name == "Graph":
                if isinstance(item.term, URIRef):
                    graphs.add(str(item.term))
                else:
                    variable = True
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, ParseResults)):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
    return Checked(_FORMS.get(parsed[1].name, "select"), tuple(sorted(graphs)), variable,
                   "datasetClause" in parsed[1])


def bind(text: str, bindings: Mapping[str, Node]) -> str:
    """The query with a VALUES block binding variables at the start of its WHERE group.

    The values are engine-rendered N-Triples terms, so nothing of them is read as syntax.
    """
    if not bindings:
        return text
    found = _WHERE.search(text) or re.search(r"\{", text)
    if found is None:
        raise QuerySyntaxError("a bound query needs a WHERE group")
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(nt(term) for term in bindings.values())
    block = f" VALUES ({names}) {{ ({values}) }} "
    return text[: found.end()] + block + text[found.end():]


_PROLOGUE_ITEM = re.compile(r"(?:\s|#[^\n]*)*(?:(BASE)\s*<([^<>\"{}|^`\\\x00-\x20]*)>"
                            r"|(PREFIX)\s*([^\s:<>]*):\s*<([^<>\"{}|^`\\\x00-\x20]*)>)", re.IGNORECASE)


def with_prologue(text: str, base_iri: str | None) -> str:
    """The query with one prologue a server takes: one BASE (the query's own, resolved
    against ``base_iri``), its own PREFIXes and diplokg's for the prefixes it does not
    declare (the embedded store predeclares them). Virtuoso refuses a BASE after a PREFIX,
    so declarations are not simply put in front."""
    base, prefixes, end = base_iri, {}, 0
    while True:
        found = _PROLOGUE_ITEM.match(text, end)
        if found is None:
            break
        if found.group(1):
            base = urllib.parse.urljoin(base, found.group(2)) if base else found.group(2)
        else:
            prefixes[found.group(4)] = found.group(5)
        end = found.end()
    lines = [f"BASE <{ox.NamedNode(base).value}>"] if base else []
    lines += [f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items() if p not in prefixes]
    lines += [f"PREFIX {p}: <{iri}>" for p, iri in prefixes.items()]
    return "\n".join(lines) + "\n" + text[end:]
