"""What the store answered identity's queries, kept across the steps of one ingest.

Identity resolution (``etl.resolve``) and meeting identity (``etl.events``) ask the store the
same questions article after article: the records of a person, the people of a family name,
the reports of a date. Each answer depends only on the article graphs that hold its key (a
person's or a name use's IRI, a family name, a date, a graph's IRI) as a subject or an object:
the queries bind the key inside ``GRAPH ?g`` (or in the union of the graphs). So an answer is
kept until a graph holding its key, before or after the write, is written; the ingest tells
:meth:`Answers.written` what it writes, in the same step. The ingest is the store's one writer
while it runs (the embedded store's lock).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any

MAX_KEPT = 50_000


class Answers:
    """Store answers under (kind, key), dropped when a written graph mentions their key."""

    def __init__(self, max_kept: int = MAX_KEPT) -> None:
        self._kept: OrderedDict[tuple[str, str], Any] = OrderedDict()
        self._by_key: dict[str, set[tuple[str, str]]] = {}
        self.max_kept = max_kept
        self.asked = 0
        self.reused = 0

    def get(self, kind: str, key: str, ask: Callable[[], Any]) -> Any:
        """The kept answer, else ``ask()`` kept under ``key`` (a term's string: an IRI, a
        literal's lexical form)."""
        entry = (kind, key)
        if entry in self._kept:
            self._kept.move_to_end(entry)
            self.reused += 1
            return self._kept[entry]
        self.asked += 1
        value = ask()
        self._kept[entry] = value
        self._by_key.setdefault(key, set()).add(entry)
        while len(self._kept) > self.max_kept:
            old, _ = self._kept.popitem(last=False)
            self._forget(old)
        return value

    def _forget(self, entry: tuple[str, str]) -> None:
        entries = self._by_key.get(entry[1])
        if entries is not None:
            entries.discard(entry)
            if not entries:
                del self._by_key[entry[1]]

    def written(self, graph: str, triples: Iterable[tuple]) -> None:
        """A graph is written (call it with its content before and after): the answers
        whose key is the graph or a subject or object of these triples are dropped."""
        terms = {graph}
        for s, _, o in triples:
            terms.add(str(s))
            terms.add(str(o))
        for term in terms & self._by_key.keys():
            for entry in self._by_key.pop(term):
                self._kept.pop(entry, None)
