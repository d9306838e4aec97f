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

_SPACE = frozenset({"ws", "comment"})
# Tokens after which "<" may be the less-than operator rather than the start of an IRI.
_OPERANDS = frozenset({"var", "string", "lang", "iri", "pname"})
_OPERAND_CHARS = frozenset(")0123456789")
# Inside such an ambiguous <...>, what would hide a SERVICE clause if the engine read the
# "<" as less-than: the keyword, then a comment start that swallows the closing ">".
_HIDDEN_SERVICE = re.compile(r"SERVICE.*#", re.IGNORECASE)

Token = tuple[str, str]


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


def tokens(text: str) -> list[Token]:
    """The (kind, text) tokens of a decoded SPARQL text, whitespace and comments included.

    >>> tokens('?s a "x"')
    [('var', '?s'), ('ws', ' '), ('word', 'a'), ('ws', ' '), ('string', '"x"')]
    """
    return [(m.lastgroup or "other", m.group()) for m in _TOKEN.finditer(text)]


def keywords(text: str) -> list[str]:
    """The bare words of a (decoded) SPARQL text, upper-cased, in order.

    >>> keywords('SELECT ?service WHERE { ?s ex:service "SERVICE" }')
    ['SELECT', 'WHERE']
    """
    return [t.upper() for kind, t in tokens(text) if kind == "word"]


def _after_operand(significant: list[Token], i: int) -> bool:
    """True if the token before ``significant[i]`` could be the left operand of "<"."""
    kind, text = significant[i - 1]
    if kind == "pname":
        return not (i >= 2 and significant[i - 2][0] == "word" and significant[i - 2][1].upper() == "PREFIX")
    if kind in _OPERANDS:
        return True
    if kind == "word":
        return text.lower() in ("true", "false")
    return kind == "other" and text in _OPERAND_CHARS


def _ambiguous_iri(significant: list[Token]) -> bool:
    """True if some <...> that may be read as less-than could hide a SERVICE clause."""
    for i, (kind, text) in enumerate(significant):
        if kind == "iri" and i > 0 and _after_operand(significant, i):
            content = text[1:-1]
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
    """Why the text is refused, or None.

    The engine needs no space between a keyword and what precedes or follows it
    (``+1SERVICE``, ``trueSERVICE``, ``SERVICESILENT`` all parse), so any bare word that
    contains SERVICE counts; the language has no other bare word that does.
    """
    decoded = decode_escapes(text)
    significant = [t for t in tokens(decoded) if t[0] not in _SPACE]
    words = [t.upper() for kind, t in significant if kind == "word"]
    if any("SERVICE" in w for w in words):
        return "SERVICE is not allowed: this endpoint does not query other endpoints"
    updates = [w for w in words if w in UPDATE_KEYWORDS]
    if updates:
        return f"updates are not allowed: this endpoint is read-only (found {updates[0]})"
    if "service" in decoded.lower() and _ambiguous_iri(significant):
        return (
            "SERVICE is not allowed, and this query has an IRI that could hide one: "
            "put spaces around comparison operators and write ' and # in IRIs as %27 and %23"
        )
    return None


_refusal_cached = functools.lru_cache(maxsize=1024)(_refusal)
