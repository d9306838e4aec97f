"""Refuse SPARQL texts the service must never run: SERVICE clauses, updates, oversize texts.

The check is lexical and runs before the engine sees the text (pyoxigraph dials any
endpoint named in ``SERVICE`` and has no switch to stop it). Order of work:

1. decode ``\\uXXXX`` / ``\\UXXXXXXXX`` escapes, as SPARQL does before parsing;
2. split the text into tokens, dropping comments, string literals and IRIs;
3. look for ``SERVICE`` and the update keywords as bare words (keywords are the only bare
   words of the language besides built-in function names, ``a``, ``true`` and ``false``).

Variables (``?service``), prefixed names (``ex:service``), language tags and the insides of
strings and IRIs are not keywords. Where the lexer cannot be sure how the engine reads a
``<...>`` token (``<`` is also the less-than operator), the text is refused rather than
guessed at, but only when the word "service" occurs in it at all.
"""

from __future__ import annotations

import functools
import re

from diplokg.errors import QueryRefused, QueryTooLarge

UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"})

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")

# PN_CHARS of the grammar, approximated by \w plus the few non-word characters it allows.
_PN = r"[\w\-\u00B7\u0300-\u036F\u203F\u2040]"
_PLX = r"(?:%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%])"
_LOCAL_CHAR = rf"(?:{_PN}|:|{_PLX})"
_PNAME = (
    r"(?:[^\W\d_](?:(?:" + _PN + r"|\.)*" + _PN + r")?)?:"
    r"(?:" + _LOCAL_CHAR + r"(?:(?:" + _LOCAL_CHAR + r"|\.)*" + _LOCAL_CHAR + r")?)?"
)
_IRIREF = r"<([^<>\"{}|^`\\\x00-\x20]*)>"

_TOKEN = re.compile(
    "|".join(
        (
            r"(?P<ws>[ \t\r\n]+)",
            r"(?P<comment>#[^\r\n]*)",
            r"(?P<string>'''(?:(?:'|'')?(?:[^'\\]|\\[tbnrf\\\"']))*'''"
            r'|"""(?:(?:"|"")?(?:[^"\\]|\\[tbnrf\\"\']))*"""'
            r"|'(?:[^'\\\n\r]|\\[tbnrf\\\"'])*'"
            r'|"(?:[^"\\\n\r]|\\[tbnrf\\"\'])*")',
            rf"(?P<iri>{_IRIREF})",
            r"(?P<var>[?$][\w\u00B7\u0300-\u036F\u203F\u2040]+)",
            r"(?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)",
            r"(?P<bnode>_:" + _PN + r"(?:(?:" + _PN + r"|\.)*" + _PN + r")?)",
            rf"(?P<pname>{_PNAME})",
            r"(?P<word>[A-Za-z][A-Za-z0-9_]*)",
            r"(?P<escape>\\.)",
            r"(?P<other>.)",
        )
    ),
    re.DOTALL,
)

# Inside an IRI-looking token, what would hide a SERVICE clause if the engine read the
# "<" as less-than: the keyword followed (after an optional variable) by a comment.
_HIDDEN_SERVICE = re.compile(r"(?<!\w)SERVICE(?:[?$]\w+)?#", re.IGNORECASE)


def decode_escapes(text: str) -> str:
    """Decode SPARQL's \\uXXXX and \\UXXXXXXXX escapes, repeatedly, until none is left.

    >>> decode_escapes(r"\\u0053ERVICE")
    'SERVICE'
    """
    def one(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF else match.group(0)

    while True:
        decoded = _ESCAPE.sub(one, text)
        if decoded == text:
            return decoded
        text = decoded


def keywords(text: str) -> list[str]:
    """The bare words of a (decoded) SPARQL text, upper-cased, in order.

    >>> keywords('SELECT ?service WHERE { ?s ex:service "SERVICE" }')
    ['SELECT', 'WHERE']
    """
    return [m.group("word").upper() for m in _TOKEN.finditer(text) if m.lastgroup == "word"]


def _ambiguous_iri(text: str) -> bool:
    """True if some <...> token could hide a SERVICE clause when read as code."""
    for match in _TOKEN.finditer(text):
        if match.lastgroup == "iri":
            content = match.group("iri")[1:-1]
            if "'" in content or _HIDDEN_SERVICE.search(content):
                return True
    return False


def check_query(text: str, max_bytes: int | None = None) -> None:
    """Raise QueryTooLarge, or QueryRefused for SERVICE or an update; return None if safe.

    >>> check_query("SELECT * WHERE { ?s ?p ?o }")
    >>> check_query("select * { service <http://x/> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    diplokg.errors.QueryRefused: SERVICE is not allowed: this endpoint does not query other endpoints
    """
    if max_bytes is not None:
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            raise QueryTooLarge(f"query text is {size} bytes, over the limit of {max_bytes} bytes")
    refusal = _refusal_cached(text) if len(text) <= _CACHED_LENGTH else _refusal(text)
    if refusal is not None:
        raise QueryRefused(refusal)


# Verdicts on short texts are remembered: a service sees the same queries again and again.
_CACHED_LENGTH = 4096


def _refusal(text: str) -> str | None:
    """Why the text is refused, or None."""
    decoded = decode_escapes(text)
    words = keywords(decoded)
    if "SERVICE" in words:
        return "SERVICE is not allowed: this endpoint does not query other endpoints"
    updates = [w for w in words if w in UPDATE_KEYWORDS]
    if updates:
        return f"updates are not allowed: this endpoint is read-only (found {updates[0]})"
    if re.search("service", decoded, re.IGNORECASE) and _ambiguous_iri(decoded):
        return (
            "SERVICE is not allowed, and this query has an IRI that could hide one: "
            "put spaces around comparison operators and write ' and # in IRIs as %27 and %23"
        )
    return None


_refusal_cached = functools.lru_cache(maxsize=1024)(_refusal)
