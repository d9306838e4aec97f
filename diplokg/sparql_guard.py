"""Refuse SPARQL texts the service must never run, before the engine parses them.

Refused: oversize texts (413), texts nested deeper than the engine's parser can take (400),
SERVICE and updates (403). The check is lexical and cheap (one regular-expression pass):

1. decode ``\\uXXXX`` / ``\\UXXXXXXXX`` escapes, as SPARQL does before parsing;
2. split the text into tokens, dropping comments, string literals and IRIs;
3. refuse the word ``service`` (any case) anywhere in what is left: as the keyword, glued to
   other words (``SERVICESILENT:x``), or inside a name (``?service``, ``ex:service``,
   ``_:service``). The rule is conservative on purpose: a guard that tries to tell the
   keyword from a name is one parser guessing another parser's grammar, and was bypassed.
   A name that contains the word is refused with a message saying how to rename it;
4. refuse the update keywords as bare words;
5. measure nesting (brackets, runs of unary operators) and the length of operator chains,
   which the engine's parser and evaluator follow by recursion (pyoxigraph 0.5.13 dies of a
   stack overflow at about 2,200 nested ``{``, 4,700 ``(``, 9,400 ``!`` or 12,800 ``||``).

Where the lexer cannot be sure how the engine reads a ``<...>`` token (``<`` is also the
less-than operator), the inside is scanned as code too, and the text is refused when the
word "service" occurs in it at all.

The guard is not what keeps queries from reaching other endpoints: under ``diplokg serve``
the processes that run queries cannot create a socket (``server.sandbox``). The guard gives
a clear 403 before the engine runs.
"""

from __future__ import annotations

import functools
import re

from diplokg.errors import BadInput, QueryRefused, QueryTooLarge

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


def _ambiguous_iris(significant: list[Token]) -> list[int]:
    """Positions of the <...> tokens that the engine may read as a less-than comparison."""
    return [i for i, (kind, _) in enumerate(significant) if kind == "iri" and i > 0 and _after_operand(significant, i)]


# Tokens named by the service rule: everything the engine may read as a keyword or a name.
_NAMED = frozenset({"word", "pname", "var", "bnode", "escape", "other"})
_OPEN, _CLOSE = frozenset("({["), frozenset(")}]")
_OPERATOR_CHARS = frozenset("!=<>+-*/|^&")
# Operators in one bracket level the engine's recursion takes with a wide margin (it crashed
# at about 9,400 chained "!" and 12,800 chained "||"; see the module docstring).
MAX_CHAIN = 2000
DEFAULT_MAX_DEPTH = 128


class QueryTooDeep(BadInput):
    """A query nested deeper (or with longer operator chains) than the service parses."""


def check_query(text: str, max_bytes: int | None = None, max_depth: int = DEFAULT_MAX_DEPTH,
                service: bool = True) -> None:
    """Raise QueryTooLarge (413), QueryTooDeep (400), or QueryRefused (403) for SERVICE or an
    update; return None if the text may be given to the engine. ``service=False`` skips the
    SERVICE rule (for a service whose kernel sandbox is to be seen refusing on its own).

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
    verdict = (_verdict_cached(text, max_depth, service) if len(text) <= _CACHED_LENGTH
               else _verdict(text, max_depth, service))
    if verdict is not None:
        status, message = verdict
        raise (QueryTooDeep if status == 400 else QueryRefused)(message)


# Verdicts on short texts are remembered: a service sees the same queries again and again.
_CACHED_LENGTH = 4096

_SERVICE_KEYWORD = "SERVICE is not allowed: this endpoint does not query other endpoints"


def _verdict(text: str, max_depth: int, service: bool = True) -> tuple[int, str] | None:
    """Why the text is refused, as (status, message), or None."""
    decoded = decode_escapes(text)
    significant = [t for t in tokens(decoded) if t[0] not in _SPACE]
    return ((_service(decoded, significant) if service else None) or _update(significant)
            or _shape(significant, max_depth))


def _service(decoded: str, significant: list[Token]) -> tuple[int, str] | None:
    if "service" not in decoded.lower():
        return None
    for kind, text in significant:
        if kind in _NAMED and "service" in text.lower():
            if kind == "word":
                return 403, _SERVICE_KEYWORD
            return 403, (
                f"SERVICE is not allowed, and this endpoint refuses the word 'service' everywhere outside "
                f"strings and IRIs: rename {text} (for example {_renamed(kind, text)}), or write the IRI in full as <...>"
            )
    for i in _ambiguous_iris(significant):
        content = significant[i][1][1:-1]
        if "'" in content or _HIDDEN_SERVICE.search(content):
            return 403, (
                "SERVICE is not allowed, and this query has an IRI that could hide one: "
                "put spaces around comparison operators and write ' and # in IRIs as %27 and %23"
            )
    return None


def _renamed(kind: str, text: str) -> str:
    """A suggestion: the name with 'service' shortened to 'svc'."""
    return re.sub("service", "svc", text, flags=re.IGNORECASE)


def _update(significant: list[Token]) -> tuple[int, str] | None:
    for kind, text in significant:
        if kind == "word" and text.upper() in UPDATE_KEYWORDS:
            return 403, f"updates are not allowed: this endpoint is read-only (found {text.upper()})"
    return None


def _shape(significant: list[Token], max_depth: int) -> tuple[int, str] | None:
    """Nesting and operator chains past what the engine parses without overflowing its stack.

    Nesting counts brackets plus the run of operator characters in front of an operand
    (``!!!?x``); a chain counts the operators in one bracket level. The inside of a ``<...>`` the engine may read
    as less-than is scanned as code too.
    """
    ambiguous = set(_ambiguous_iris(significant))
    depth, run, deepest = 0, 0, 0
    chains = [0]
    for i, (kind, text) in enumerate(significant):
        parts: list[Token] = [(kind, text)]
        if i in ambiguous:
            parts = [("other", "<")] + [t for t in tokens(text[1:-1]) if t[0] not in _SPACE] + [("other", ">")]
        for part_kind, part in parts:
            if part_kind == "other" and part in _OPEN:
                depth += 1
                chains.append(0)
            elif part_kind == "other" and part in _CLOSE:
                if depth > 0:
                    depth -= 1
                    chains.pop()
                run = 0
            elif part_kind == "other" and part in _OPERATOR_CHARS:
                if run == 0:  # "||" or "!=" is one operator of the chain
                    chains[-1] += 1
                run += 1
                if chains[-1] > MAX_CHAIN:
                    return 400, (f"the query has more than {MAX_CHAIN} operators in one group, more than this "
                                 "endpoint parses: split the expression, or use IN (...) or VALUES for long lists")
            else:
                run = 0
            deepest = max(deepest, depth + run)
            if deepest > max_depth:
                return 400, (f"the query is nested more than {max_depth} levels deep (brackets and operators), "
                             "more than this endpoint parses: flatten it")
    return None


_verdict_cached = functools.lru_cache(maxsize=1024)(_verdict)
