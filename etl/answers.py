"""What the store answered identity's queries, kept across the steps of one ingest.

Identity resolution (``etl.resolve``) and meeting identity (``etl.events``) ask the store the
same questions article after article: the records of a person, the people of a family name,
the reports of a date. Each answer depends only on the article graphs that hold its key (a
person's or a name use's IRI, a family name, a date, a graph's IRI) as a subject or an object:
the queries bind the key inside ``GRAPH ?g`` (or in the union of the graphs). So an answer is
kept until a graph holding its key, before or after the write, is written; the ingest tells
:meth:`Answers.written` what it writes, in the same step. The ingest is the store's one writer
while it runs (the embedded store's lock).

Some answers grow with the store: the records of a person every article names, the graphs
reporting a date, the uses of a family name. Asked again in full after each write that
touches them, they made every article cost the number of articles before it. Those are kept
**by graph** (:meth:`Answers.parts`): the answer is the union of one part per article graph
(its query's pattern sits inside ``GRAPH ?g``, so a graph's rows depend on that graph alone),
and a write marks only the written graph's part stale; the next lookup asks the store for
that one graph's part.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any

MAX_KEPT = 32_768
# rows kept in all (an answer weighs one plus its rows): a date's answer holds every graph
# reporting that date, so a count of answers alone let the kept answers grow with the store
MAX_ROWS = 131_072


def _weight(value: Any) -> int:
    """One plus the rows of an answer (a collection, or a tuple of collections; for an
    answer kept by graph, its parts' rows)."""
    if isinstance(value, _Parts):
        return 1 + sum(len(part) for part in value.values())
    if isinstance(value, tuple) and all(isinstance(v, (set, frozenset, list, tuple, dict)) for v in value):
        return 1 + sum(len(v) for v in value)
    if isinstance(value, (set, frozenset, list, tuple, dict)):
        return 1 + len(value)
    return 1


class _Parts(dict):
    """An answer kept by graph: graph IRI -> that graph's part (a non-empty collection)."""


class Answers:
    """Store answers under (kind, key), dropped when a written graph mentions their key, and
    the least recently used dropped beyond ``max_kept`` answers or ``max_rows`` rows."""

    def __init__(self, max_kept: int = MAX_KEPT, max_rows: int = MAX_ROWS) -> None:
        self._kept: OrderedDict[tuple[str, str], tuple[Any, int]] = OrderedDict()
        self._by_key: dict[str, set[tuple[str, str]]] = {}
        self.max_kept = max_kept
        self.max_rows = max_rows
        self.rows = 0
        self.asked = 0
        self.reused = 0
        self.refreshed = 0  # graphs' parts asked again after their graph was written
        self.asked_by_kind: dict[str, int] = {}  # whole answers asked of the store, by kind
        self._stale: dict[tuple[str, str], set[str]] = {}

    def __len__(self) -> int:
        return len(self._kept)

    def get(self, kind: str, key: str, ask: Callable[[], Any]) -> Any:
        """The kept answer, else ``ask()`` kept under ``key`` (a term's string: an IRI, a
        literal's lexical form)."""
        entry = (kind, key)
        if entry in self._kept:
            self._kept.move_to_end(entry)
            self.reused += 1
            return self._kept[entry][0]
        self._asked(kind)
        value = ask()
        self._keep(entry, value)
        return value

    def _asked(self, kind: str) -> None:
        self.asked += 1
        self.asked_by_kind[kind] = self.asked_by_kind.get(kind, 0) + 1

    def parts(self, kind: str, key: str, ask: Callable[[], dict[str, Any]],
              ask_graph: Callable[[str], Any]) -> dict[str, Any]:
        """An answer kept by graph (graph IRI -> its part): ``ask()`` gives every graph's
        part, ``ask_graph(g)`` one graph's (empty where the graph no longer holds the key).
        A write of a graph that mentions the key makes only that graph's part be asked again.
        Do not change the returned mapping."""
        entry = (kind, key)
        kept = self._kept.get(entry)
        if kept is None:
            self._asked(kind)
            value = _Parts((g, part) for g, part in ask().items() if part)
            self._keep(entry, value)
            return value
        self._kept.move_to_end(entry)
        self.reused += 1
        value = kept[0]
        stale = self._stale.pop(entry, None)
        if stale:
            for g in sorted(stale):
                self.refreshed += 1
                part = ask_graph(g)
                if part:
                    value[g] = part
                else:
                    value.pop(g, None)
            weight = _weight(value)
            self.rows += weight - kept[1]
            self._kept[entry] = (value, weight)
            self._trim()
        return value

    def _keep(self, entry: tuple[str, str], value: Any) -> None:
        weight = _weight(value)
        self._kept[entry] = (value, weight)
        self.rows += weight
        self._by_key.setdefault(entry[1], set()).add(entry)
        self._trim()

    def _trim(self) -> None:
        while len(self._kept) > self.max_kept or (self.rows > self.max_rows and len(self._kept) > 1):
            old, (_, old_weight) = self._kept.popitem(last=False)
            self.rows -= old_weight
            self._stale.pop(old, None)
            self._forget(old)

    def _forget(self, entry: tuple[str, str]) -> None:
        entries = self._by_key.get(entry[1])
        if entries is not None:
            entries.discard(entry)
            if not entries:
                del self._by_key[entry[1]]

    def written(self, graph: str, triples: Iterable[tuple]) -> None:
        """A graph is written (call it with its content before and after): the answers
        whose key is the graph or a subject or object of these triples are dropped, or for
        an answer kept by graph, that graph's part is marked to be asked again."""
        terms = {graph}
        for s, _, o in triples:
            terms.add(str(s))
            terms.add(str(o))
        for term in terms & self._by_key.keys():
            entries = self._by_key[term]
            for entry in list(entries):
                kept = self._kept.get(entry)
                if kept is not None and isinstance(kept[0], _Parts) and entry[1] != graph:
                    self._stale.setdefault(entry, set()).add(graph)
                    continue
                entries.discard(entry)
                if kept is not None:
                    del self._kept[entry]
                    self.rows -= kept[1]
                self._stale.pop(entry, None)
            if not entries:
                del self._by_key[term]
