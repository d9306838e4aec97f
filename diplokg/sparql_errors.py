"""SPARQL a researcher can read: syntax errors that say what is wrong and where, and warnings
for ``dkg:`` terms the ontology does not declare.

The engine reports the position where its parser gave up and every character class it
would have accepted there ("expected one of Prefix not found, ['%'], ['-' | '0' ..= '9' ...").
:func:`explain` finds the usual mistakes itself, at their real position (line and column of
the mistake, 1-based): an undeclared prefix, a string left open, a relative IRI without a
base; otherwise it keeps the engine's position and the words it expected, without the
character classes. :func:`warnings_for` names ``dkg:`` terms that are not in the ontology,
with the nearest declared term, since such a query silently finds nothing.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterator

from diplokg.iris import DKG, PREFIXES
from diplokg.sparql_guard import tokens

# Prefixes people reach for that the service does not predeclare, and where they point.
KNOWN_NAMESPACES = {
    "wdt": "http://www.wikidata.org/prop/direct/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "geo": "http://www.opengis.net/ont/geosparql#",
    "void": "http://rdfs.org/ns/void#",
    "sh": "http://www.w3.org/ns/shacl#",
}
_ENGINE_POSITION = re.compile(r"^error at (\d+):(\d+): ?(.*)$", re.DOTALL)
_ITEM = re.compile(r'"[^"]*"|\[(?:[^\]\\]|\\.)*\]|[^,\s][^,]*')
_DECLARATION = re.compile(r"PREFIX\s+([^\s:]*):\s*<([^>]*)>", re.IGNORECASE)


def _positions(text: str) -> Iterator[tuple[str, str, int, int]]:
    """(kind, token, line, column) of every token, 1-based, on the raw text."""
    line, column = 1, 1
    for kind, token in tokens(text):
        yield kind, token, line, column
        breaks = token.count("\n")
        if breaks:
            line += breaks
            column = len(token) - token.rfind("\n")
        else:
            column += len(token)


def declared_prefixes(text: str) -> dict[str, str]:
    """The prefixes a query may use: the predeclared ones, then its own declarations."""
    found = dict(PREFIXES)
    found.update({name: iri for name, iri in _DECLARATION.findall(text)})
    return found


def _undeclared_prefix(text: str) -> str | None:
    declared = declared_prefixes(text)
    previous = ""
    for kind, token, line, column in _positions(text):
        if kind in ("ws", "comment"):
            continue
        if kind == "pname" and previous.upper() != "PREFIX":
            prefix = token.split(":", 1)[0]
            if prefix not in declared:
                hint = KNOWN_NAMESPACES.get(prefix)
                declare = f"PREFIX {prefix}: <{hint}>" if hint else f"PREFIX {prefix}: <namespace IRI>"
                return (f"error at {line}:{column}: undeclared prefix {prefix}: (declare it with {declare}; "
                        f"predeclared: {', '.join(sorted(PREFIXES))})")
        previous = token
    return None


def _open_string(text: str) -> str | None:
    for kind, token, line, column in _positions(text):
        if kind == "other" and token in ("'", '"'):
            return f"error at {line}:{column}: unterminated string: the {token} opened here is not closed on its line"
    return None


def _relative_iri(text: str) -> str | None:
    if re.search(r"\bBASE\s*<", text, re.IGNORECASE):
        return None
    for kind, token, line, column in _positions(text):
        if kind == "iri" and not re.match(r"<[A-Za-z][A-Za-z0-9+.-]*:", token):
            return (f"error at {line}:{column}: relative IRI {token} and no base to resolve it against: "
                    "write the full IRI or declare BASE <...>")
    return None


def _engine_words(message: str) -> str:
    """The engine's 'expected one of ...' without its character classes."""
    if not message.startswith("expected"):
        return message.splitlines()[0] if message else "syntax error"
    body = message[len("expected one of "):] if message.startswith("expected one of ") else message[len("expected "):]
    items = _ITEM.findall(" ".join(body.split()))
    words = [i.strip() for i in items
             if i.strip() and not i.startswith("[") and i.strip() not in ("Prefix not found", "IRI parsing failed")]
    return ("expected " + (words[0] if len(words) == 1 else "one of " + ", ".join(words))) if words else "syntax error"


def _near(text: str, line: int, column: int) -> str:
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return " (at the end of the query)"
    rest = lines[line - 1][column - 1:].strip()
    if rest:
        return f" (near {rest[:30]!r})"
    before = lines[line - 1][:column - 1].strip()
    return f" (after {before[-30:]!r})" if before else ""


def explain(text: str, engine_message: str, *, has_base: bool = False) -> str:
    """A one-line syntax error ``error at LINE:COLUMN: what is wrong`` for a query.

    ``has_base``: whether the query was run with a base IRI (then relative IRIs are fine).
    """
    checks = (_open_string, _undeclared_prefix) if has_base else (_open_string, _undeclared_prefix, _relative_iri)
    for check in checks:
        found = check(text)
        if found:
            return found
    match = _ENGINE_POSITION.match(engine_message)
    if not match:
        return " ".join(engine_message.split()) or "syntax error"
    line, column = int(match.group(1)), int(match.group(2))
    return f"error at {line}:{column}: {_engine_words(match.group(3))}{_near(text, line, column)}"


@functools.lru_cache(maxsize=1)
def ontology_terms() -> frozenset[str]:
    """The local names the ontology declares in the dkg: namespace."""
    from rdflib import Graph, URIRef

    from diplokg.resources import ONTOLOGY_FILE

    graph = Graph().parse(ONTOLOGY_FILE, format="turtle")
    return frozenset(str(s)[len(DKG):] for s in graph.subjects()
                     if isinstance(s, URIRef) and str(s).startswith(DKG) and len(str(s)) > len(DKG))


def warnings_for(text: str) -> list[str]:
    """One warning per ``dkg:`` term of the query that the ontology does not declare."""
    return list(_warnings_cached(text)) if len(text) <= 4096 else _warnings(text)


@functools.lru_cache(maxsize=1024)
def _warnings_cached(text: str) -> tuple[str, ...]:
    return tuple(_warnings(text))


# What may follow ``prefix:`` in a prefixed name, taken generously: a run up to a character
# that cannot stand unescaped in one (an escape keeps its backslash, so it never looks known).
_LOCAL_RUN = r"([^\s<>(){}\[\];,\"'#|^!=*/+?&`]*)"


def _might_warn(text: str, dkg_prefixes: set[str], terms: frozenset[str]) -> bool:
    """Whether the text holds anything that may be an undeclared ``dkg:`` term.

    A cheap scan of the raw text (the endpoint runs this on every query): every prefixed
    name or IRI the tokenizer could find in the ontology's namespace is matched here too,
    with at least as long a local name, so ``False`` means :func:`_warnings` finds nothing.
    """
    for prefix in dkg_prefixes:
        for match in re.finditer(re.escape(prefix) + ":" + _LOCAL_RUN, text):
            local = match.group(1).rstrip(".")
            if local and local not in terms:
                return True
    for match in re.finditer("<" + re.escape(DKG) + "([^>]*)>", text):
        if match.group(1) and match.group(1) not in terms:
            return True
    return False


def _warnings(text: str) -> list[str]:
    dkg_prefixes = {name for name, iri in declared_prefixes(text).items() if iri == DKG}
    terms = ontology_terms()
    if not _might_warn(text, dkg_prefixes, terms):
        return []
    out: list[str] = []
    for kind, token, line, column in _positions(text):
        local = None
        if kind == "pname":
            prefix, _, rest = token.partition(":")
            if prefix in dkg_prefixes and rest:
                local, shown = rest, token
        elif kind == "iri" and token[1:-1].startswith(DKG) and len(token) > len(DKG) + 2:
            local, shown = token[1 + len(DKG):-1], token
        if local is None or local in terms:
            continue
        nearest = difflib.get_close_matches(local, sorted(terms), n=1, cutoff=0.6)
        hint = f"; did you mean dkg:{nearest[0]}?" if nearest else ""
        message = f"{shown} (line {line}) is not a term of the diplokg ontology, so it matches nothing{hint}"
        if message not in out:
            out.append(message)
    return out
