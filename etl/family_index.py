"""The stored articles' identity records of each family name, kept by profile for one ingest.

Identity resolution (``etl.resolve``) asks, article after article, for every stored record of
a family name: each article that names a person gives one. Asked of the store again after
each write that touches the name (the writes of a name every article carries), that answer
made an article cost the number of articles before it. Here a family's records are asked of
the store once per ingest (:meth:`FamilyIndex.records`, on the family's first use) and then
kept up to date by the ingest's own writes (:meth:`FamilyIndex.written`, with the written
graph's records as the store gives them after the write), the ingest being the store's one
writer while it runs.

Records that agree on everything identity decides on (the ``profile``: person, name, how
identified, posts, country, the date's year) are kept as one, with the set of graphs that give it, so a
lookup costs the number of distinct profiles, not of articles; the graph sets stay exact, so
"another article than this one gives it" is decided as with one record per article.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

Record = Any  # etl.resolve.Record: graph, family, profile, graphs (duck-typed: no import cycle)


class FamilyIndex:
    """family name -> profile -> (the record, with ``graphs`` the live graphs giving it: a tuple
    while they are few, then a set)."""

    def __init__(self) -> None:
        self._families: dict[str, dict[tuple, Record]] = {}
        self._entries: dict[str, tuple[Record, ...]] = {}  # graph -> the kept records it gives
        self._posts: dict[frozenset, frozenset] = {}  # one shared object per distinct set of posts
        self.loaded = 0  # families asked of the store
        self.profiles = 0  # records kept (one per family and profile)
        self.memberships = 0  # (record, graph) pairs kept: what grows with the articles

    def __contains__(self, family: str) -> bool:
        return family in self._families

    def names(self) -> list[str]:
        """The family names asked of the store so far."""
        return sorted(self._families)

    def records(self, family: str, load: Callable[[], Iterable[Record]]) -> Iterable[Record]:
        """The stored records of a family name, one per profile (``graphs`` set; do not
        change them); ``load()`` gives one record per stored article the first time."""
        kept = self._families.get(family)
        if kept is None:
            kept = self._families[family] = {}
            self.loaded += 1
            for r in load():
                self._add(family, r)
        return kept.values()

    def _add(self, family: str, r: Record) -> None:
        profiles = self._families[family]
        kept = profiles.get(r.profile)
        if kept is None:
            posts = frozenset(r.posts)
            kept = _compact(r, self._posts.setdefault(posts, posts))
            profiles[kept.profile] = kept
            self.profiles += 1
        if r.graph not in kept.graphs:
            kept.graphs = _with(kept.graphs, sys.intern(r.graph))
            self.memberships += 1
        self._entries[r.graph] = self._entries.get(r.graph, ()) + (kept,)

    def written(self, graph: str, now: Iterable[Record]) -> None:
        """A graph is written: its records are now ``now`` (one per person, as the store
        gives them after the write; none when the graph is gone)."""
        for kept in self._entries.pop(graph, ()):
            profiles = self._families[kept.family]
            if graph in kept.graphs:
                kept.graphs = _without(kept.graphs, graph)
                self.memberships -= 1
            if not kept.graphs:
                del profiles[kept.profile]
                self.profiles -= 1
        for r in now:
            if r.family in self._families:
                self._add(r.family, r)


def _intern(value: str | None) -> str | None:
    return None if value is None else sys.intern(value)


# A profile given by few graphs keeps them in a tuple (an empty set alone is four times a
# one-graph tuple, and most profiles of a large ingest are given by one or two articles);
# past this many, in a set, so adding and removing one stays constant time.
_TUPLE_MAX = 8


def _with(graphs: tuple[str, ...] | set[str], graph: str) -> tuple[str, ...] | set[str]:
    if isinstance(graphs, set):
        graphs.add(graph)
        return graphs
    return graphs + (graph,) if len(graphs) < _TUPLE_MAX else {*graphs, graph}


def _without(graphs: tuple[str, ...] | set[str], graph: str) -> tuple[str, ...] | set[str]:
    if isinstance(graphs, set):
        graphs.discard(graph)
        return graphs
    return tuple(g for g in graphs if g != graph)


def _compact(r: Record, posts: frozenset) -> Record:
    """The record kept for a profile, its strings shared with every other record that names
    the same person, name, post, country or date (most of what an index of 100k articles holds
    is the same few thousand strings), its posts the object shared by every profile with
    those posts."""
    return replace(r, person=sys.intern(r.person), family=sys.intern(r.family), normal=sys.intern(r.normal),
                   how=sys.intern(r.how), country=_intern(r.country), date=_intern(r.year),
                   posts=posts, graphs=())
