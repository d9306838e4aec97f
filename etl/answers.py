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
# Meeting identity's answers are kept in a pool of their own: the answers of a day (the
# graphs reporting a date, or published on it: few, one per day of the corpus, each holding
# every graph of its day) and the reports of each graph those name. Every article asks them
# for the days near its own, so once evicted by the other answers (one per person or graph,
# many more) they came back, article after article: the day answers whole (BENCHMARKS.md,
# "Where the client's memory goes"), then, in a 100k run, the reports of the days' graphs
# (one query per graph, from about 5 to 33 queries an article). Their pool's bounds are
# their own, sized for a few hundred thousand articles' graphs.
DAY_KINDS = frozenset({"dated", "undated", "reports"})
MAX_DAY_KEPT = 524_288
MAX_DAY_ROWS = 1_048_576


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
    the least recently used dropped beyond ``max_kept`` answers or ``max_rows`` rows (the
    answers of :data:`DAY_KINDS` beyond ``max_day_kept`` answers or ``max_day_rows`` rows
    of their own)."""

    def __init__(self, max_kept: int = MAX_KEPT, max_rows: int = MAX_ROWS,
                 max_day_rows: int = MAX_DAY_ROWS, max_day_kept: int = MAX_DAY_KEPT) -> None:
        # two pools, each least recently used first: the day answers, and all the others
        self._pools: dict[bool, OrderedDict[tuple[str, str], tuple[Any, int]]] = {False: OrderedDict(), True: OrderedDict()}
        self._pool_rows = {False: 0, True: 0}
        self._by_key: dict[str, set[tuple[str, str]]] = {}
        self.max_kept = max_kept
        self.max_rows = max_rows
        self.max_day_rows = max_day_rows
        self.max_day_kept = max_day_kept
        self.asked = 0
        self.reused = 0
        self.refreshed = 0  # graphs' parts asked again after their graph was written
        self.asked_by_kind: dict[str, int] = {}  # whole answers asked of the store, by kind
        self._stale: dict[tuple[str, str], set[str]] = {}

    @property
    def rows(self) -> int:
        """Rows kept in all (an answer weighs one plus its rows)."""
        return self._pool_rows[False] + self._pool_rows[True]

    def _pool(self, entry: tuple[str, str]) -> OrderedDict[tuple[str, str], tuple[Any, int]]:
        return self._pools[entry[0] in DAY_KINDS]

    def __len__(self) -> int:
        return len(self._pools[False]) + len(self._pools[True])

    def get(self, kind: str, key: str, ask: Callable[[], Any]) -> Any:
        """The kept answer, else ``ask()`` kept under ``key`` (a term's string: an IRI, a
        literal's lexical form)."""
        entry = (kind, key)
        pool = self._pool(entry)
        if entry in pool:
            pool.move_to_end(entry)
            self.reused += 1
            return pool[entry][0]
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
        pool = self._pool(entry)
        kept = pool.get(entry)
        if kept is None:
            self._asked(kind)
            value = _Parts((g, part) for g, part in ask().items() if part)
            self._keep(entry, value)
            return value
        pool.move_to_end(entry)
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
            self._pool_rows[entry[0] in DAY_KINDS] += weight - kept[1]
            pool[entry] = (value, weight)
            self._trim()
        return value

    def _keep(self, entry: tuple[str, str], value: Any) -> None:
        weight = _weight(value)
        self._pool(entry)[entry] = (value, weight)
        self._pool_rows[entry[0] in DAY_KINDS] += weight
        self._by_key.setdefault(entry[1], set()).add(entry)
        self._trim()

    def _trim(self) -> None:
        for day, max_kept, max_rows in ((False, self.max_kept, self.max_rows),
                                        (True, self.max_day_kept, self.max_day_rows)):
            pool = self._pools[day]
            while len(pool) > max_kept or (self._pool_rows[day] > max_rows and len(pool) > 1):
                old, (_, old_weight) = pool.popitem(last=False)
                self._pool_rows[day] -= old_weight
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
                pool = self._pool(entry)
                kept = pool.get(entry)
                if kept is not None and isinstance(kept[0], _Parts) and entry[1] != graph:
                    self._stale.setdefault(entry, set()).add(graph)
                    continue
                entries.discard(entry)
                if kept is not None:
                    del pool[entry]
                    self._pool_rows[entry[0] in DAY_KINDS] -= kept[1]
                self._stale.pop(entry, None)
            if not entries:
                del self._by_key[term]
