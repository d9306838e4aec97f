"""The researcher's cookbook: the ``queries/*.rq`` files, each with its question on top.

The files name instances by IRIs relative to the dataset's base (``<id/issue/taiwan-strait>``,
``STR(<id/>)``), so they work under any base: ``diplokg query`` resolves them against the
configured base, and the cookbook shown on the query page declares it with a ``BASE`` line
(the endpoint itself resolves relative IRIs against its own URL, as the protocol says).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from diplokg.iris import DEFAULT_BASE
from diplokg.rebase import normal_base
from diplokg.resources import QUERIES_DIR

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Recipe:
    """One cookbook query: file stem, the question it answers, the SPARQL text."""

    name: str
    question: str
    sparql: str


def question_of(text: str) -> str:
    """The question a query answers: its first comment line.

    >>> question_of("# Who met whom?\\nSELECT * {}")
    'Who met whom?'
    """
    first = text.lstrip().splitlines()[0] if text.strip() else ""
    return first.lstrip("#").strip() if first.startswith("#") else ""


def with_base(text: str, base: str) -> str:
    """The query with ``BASE <base>`` declared after its leading comment lines.

    >>> with_base("# Q?\\nSELECT * { <id/x> ?p ?o }", "http://h/")
    '# Q?\\nBASE <http://h/>\\nSELECT * { <id/x> ?p ?o }'
    """
    lines = text.splitlines(keepends=True)
    i = 0
    while i < len(lines) and lines[i].lstrip().startswith("#"):
        i += 1
    return "".join(lines[:i]) + f"BASE <{normal_base(base)}>\n" + "".join(lines[i:])


def load_cookbook(directory: Path = QUERIES_DIR, base: str = DEFAULT_BASE) -> list[Recipe]:
    """Every ``.rq`` file of ``directory``, in file-name order, with ``BASE <base>`` declared."""
    recipes = []
    for path in sorted(directory.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        recipes.append(Recipe(path.stem, question_of(text) or path.stem, with_base(text, base)))
    return recipes
