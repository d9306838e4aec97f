"""Cross-article identity: a person named only in part resolves to the one stored person.

Keys are already stable across articles: a person's key is the slug of the canonical name
(the same full name is one IRI everywhere), places and issues likewise. What the text
alone cannot settle is a person this article names only by a surname ("Biegun"). If the
store holds exactly one *other* person whose ``rdfs:label`` or ``skos:altLabel`` is that
name, this article's person becomes that person (key, canonical label; the partial name
kept as an alias). No match, or several, keeps the article's own key.
The name is bound as a query variable, never pasted into the query text.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from rdflib import Literal, URIRef

from diplokg.iris import Iris
from diplokg.store.base import Store
from etl.model import Actor, ArticleFacts

log = logging.getLogger(__name__)

_PERSONS_NAMED = """
PREFIX dkg: <https://w3id.org/diplokg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?name ?person ?label ?graph WHERE {
  GRAPH ?graph {
    ?person a dkg:Person .
    { ?person rdfs:label ?name } UNION { ?person skos:altLabel ?name }
  }
  ?person rdfs:label ?label .
}
"""


def is_partial_name(name: str) -> bool:
    """A name of one word (a surname alone), which may stand for a fuller stored name.

    >>> is_partial_name("Biegun"), is_partial_name("Stephen Biegun")
    (True, False)
    """
    return len(name.split()) == 1


def _candidates(store: Store, name: str, own_graph: str) -> dict[str, str]:
    """Stored persons (IRI → label) with this label or alias, outside this article's graph."""
    found: dict[str, str] = {}
    result = store.query_bound(_PERSONS_NAMED, {"name": Literal(name)})
    for _, person, label, graph in result.rows():
        if isinstance(person, URIRef) and str(graph) != own_graph:
            found.setdefault(str(person), str(label))
    return found


def resolve(facts: ArticleFacts, store: Store, iris: Iris) -> ArticleFacts:
    """The facts with partially named persons mapped onto stored persons where unambiguous."""
    own_graph = iris.article_graph(facts.article.id)
    actor_prefix = iris.instance("actor", "")
    renamed: dict[str, str] = {}
    actors: dict[str, Actor] = {a.key: a for a in facts.actors}
    for actor in facts.actors:
        if actor.kind != "Person" or not is_partial_name(actor.name):
            continue
        own_iri = iris.instance("actor", actor.key)
        others = {iri: label for iri, label in _candidates(store, actor.name, own_graph).items()
                  if iri != own_iri and iri.startswith(actor_prefix)}
        if len(others) != 1:
            if others:
                log.debug("%s: %r is ambiguous (%d stored persons)", facts.article.id, actor.name, len(others))
            continue
        [(iri, label)] = others.items()
        key = iri[len(actor_prefix):]
        renamed[actor.key] = key
        aliases = list(dict.fromkeys([*actor.aliases, actor.name]))
        merged = actors.pop(actor.key)
        if key in actors:  # the article also names the full person: merge into it
            target = actors[key]
            target.aliases = list(dict.fromkeys([*target.aliases, *aliases]))
            target.roles = [*target.roles, *merged.roles]
        else:
            actors[key] = replace(merged, key=key, name=label, aliases=[a for a in aliases if a != label])
        log.debug("%s: %r resolved to %s", facts.article.id, actor.name, iri)
    if not renamed:
        return facts
    return _rekeyed(facts, list(actors.values()), renamed)


def _rekeyed(facts: ArticleFacts, actors: list[Actor], renamed: dict[str, str]) -> ArticleFacts:
    def key(k: str | None) -> str | None:
        return None if k is None else renamed.get(k, k)

    meetings = [replace(m, participants=list(dict.fromkeys(key(p) for p in m.participants)))
                for m in facts.meetings]
    statements = [replace(s, speaker=key(s.speaker)) for s in facts.statements]
    return replace(facts, actors=actors, meetings=meetings, statements=statements)
