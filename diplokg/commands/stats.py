"""``diplokg stats``: articles, triples, instances per class, how person names were resolved,
and how many meetings several articles report.

``triples`` counts every triple of every named graph: the article graphs (asserted and
inferred, what ``ingest`` reports as stored) plus the ontology graph (the ontology and the
issue scheme with their OWL RL closure); the two parts follow on their own lines.
"""

from __future__ import annotations

import argparse

from rdflib import URIRef

from diplokg.config import Config
from diplokg.iris import Iris
from diplokg.store import open_store
from diplokg.store.base import Store

DKG = "https://w3id.org/diplokg/ontology#"
# How the ETL identified the person of each article's names (dkg:NameUse, dkg:identifiedBy).
IDENTIFICATIONS = (
    ("ByName", "named in full"),
    ("ByGazetteer", "identified by the officials table"),
    ("ByOtherArticle", "resolved to a person another article names"),
    ("Unidentified", "unidentified (a family name only)"),
)
_NAME_USES = """PREFIX dkg: <https://w3id.org/diplokg/ontology#>
SELECT ?how (COUNT(?use) AS ?uses) (SUM(COALESCE(?k, 0)) AS ?mentions) WHERE {
  ?use a dkg:NameUse ; dkg:identifiedBy ?how .
  OPTIONAL { ?use dkg:occurrences ?k }
} GROUP BY ?how"""  # no BIND after the OPTIONAL: Virtuoso 7.2 joins it with every row


def name_resolution(store: Store) -> dict[str, tuple[int, int]]:
    """Per identification (ByName, ...): (name uses, mentions) over the store."""
    out = {}
    for how, uses, mentions in store.query(_NAME_USES).rows():
        out[str(how).removeprefix(DKG)] = (int(uses), int(mentions))  # type: ignore[arg-type]
    return out

# Meetings by how many articles report them (dkg:reportedIn): one report, or several.
_REPORTS = """PREFIX dkg: <https://w3id.org/diplokg/ontology#>
SELECT ?n (COUNT(?m) AS ?meetings) WHERE {
  { SELECT ?m (COUNT(DISTINCT ?a) AS ?n) WHERE { ?m a dkg:Meeting ; dkg:reportedIn ?a } GROUP BY ?m }
} GROUP BY ?n"""


def meeting_reports(store: Store) -> dict[int, int]:
    """Number of reporting articles -> number of meetings."""
    return {int(n): int(m) for n, m in store.query(_REPORTS).rows()}  # type: ignore[arg-type]


_GRAPH_SIZE = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def run(args: argparse.Namespace, config: Config) -> int:
    """Print the store's counts, one class per line (most instances first), then how the
    persons of articles' names were identified (name uses per article and person; mentions)."""
    iris = Iris(config.base)
    with open_store(config, writable=False) as store:
        stats = store.stats()
        rows = store.query_bound(_GRAPH_SIZE, {"g": URIRef(iris.ontology_graph)}).rows()
        ontology = next((int(row[1]) for row in rows), 0)  # none before the first publication
        names = name_resolution(store)
        reported = meeting_reports(store)
    print(f"articles\t{stats.articles}")
    print(f"triples\t{stats.triples}")
    print(f"triples in article graphs\t{stats.triples - ontology}")
    print(f"triples in the ontology graph\t{ontology}")
    for cls, count in stats.classes.items():
        print(f"{cls}\t{count}")
    uses = sum(u for u, _ in names.values())
    mentions = sum(m for _, m in names.values())
    print(f"person mentions\t{mentions} in {uses} name uses (one per person and article)")
    for key, what in IDENTIFICATIONS:
        u, m = names.get(key, (0, 0))
        print(f"  {what}\t{m} mentions in {u} name uses")
    several = sum(m for n, m in reported.items() if n > 1)
    print(f"meetings reported by several articles\t{several} of {sum(reported.values())} "
          f"({sum(n * m for n, m in reported.items() if n > 1)} reports)")
    return 0
