"""Well-known prefixes (rdf, rdfs, owl, xsd, skos, dcterms, dkg, schema, sem, foaf, org, prov,
wd) may be used in queries without declaring them; a query's own PREFIX still wins."""

from __future__ import annotations

from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from diplokg.config import load_config
from diplokg.store import open_store

G = "https://w3id.org/diplokg/graph/article/a1"
P = URIRef("https://w3id.org/diplokg/id/actor/daisuke-morita")


def test_undeclared_well_known_prefixes_and_own_prefix_wins(tmp_path: Path) -> None:
    config = load_config({"store": str(tmp_path / "store")}, environ={})
    with open_store(config, writable=True) as store:
        store.replace_graph(G, [(P, RDFS.label, Literal("Daisuke Morita"))])
        rows = list(store.query("SELECT ?l WHERE { ?p rdfs:label ?l }").rows())
        assert rows == [(Literal("Daisuke Morita"),)]
        own = "PREFIX rdfs: <http://example.org/other#> SELECT ?l WHERE { ?p rdfs:label ?l }"
        assert list(store.query(own).rows()) == []


def test_wikidata_prefix_is_predeclared(tmp_path: Path) -> None:
    config = load_config({"store": str(tmp_path / "store")}, environ={})
    with open_store(config, writable=True) as store:
        store.replace_graph(G, [(P, URIRef("http://www.w3.org/2002/07/owl#sameAs"), URIRef("http://www.wikidata.org/entity/Q42"))])
        rows = list(store.query("SELECT ?p WHERE { ?p owl:sameAs wd:Q42 }").rows())
        assert rows == [(P,)]
