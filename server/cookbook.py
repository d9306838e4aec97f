"""The researcher's cookbook: the ``queries/*.rq`` files, each with its question on top."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

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


def load_cookbook(directory: Path = QUERIES_DIR) -> list[Recipe]:
    """Every ``.rq`` file of ``directory``, in file-name order."""
    recipes = []
    for path in sorted(directory.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        recipes.append(Recipe(path.stem, question_of(text) or path.stem, text))
    return recipes
