"""Namespaces and IRI minting: the one place that knows the contract's IRI patterns."""

from __future__ import annotations

import hashlib
import re
import unicodedata

DEFAULT_BASE = "https://w3id.org/diplokg/"
DKG = "https://w3id.org/diplokg/ontology#"
# Prefixes every query may use without declaring them (a query's own PREFIX wins).
PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "dkg": DKG,
    "schema": "http://schema.org/",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "wd": "http://www.wikidata.org/entity/",
}
KINDS = ("actor", "meeting", "statement", "issue", "article", "place", "role")

_NON_KEY = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """A stable, readable key from a name.

    >>> slug("Toshimitsu Motegi")
    'toshimitsu-motegi'
    >>> slug("Tarō Kōno")
    'taro-kono'
    >>> slug("U.N. Security Council")
    'u-n-security-council'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    key = _NON_KEY.sub("-", ascii_text.lower()).strip("-")
    if key:
        return key
    return "x" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def digest(*parts: str, length: int = 16) -> str:
    """A stable short hash of the parts, for keys of events that have no name.

    >>> digest("a", "b") == digest("a", "b") != digest("ab")
    True
    """
    h = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return h[:length]


def article_key(article_id: str) -> str:
    """The key of an article id: ids are kept when they are already IRI-safe."""
    if re.fullmatch(r"[A-Za-z0-9._~-]+", article_id):
        return article_id
    return slug(article_id) + "-" + digest(article_id, length=8)


class Iris:
    """IRI minting for one base IRI (``{base}id/{kind}/{key}``, ``{base}graph/...``)."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        if not base.endswith("/"):
            base += "/"
        self.base = base

    def instance(self, kind: str, key: str) -> str:
        """The IRI of an instance of one of the contract's kinds."""
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}")
        return f"{self.base}id/{kind}/{key}"

    def article(self, article_id: str) -> str:
        """The IRI of an article."""
        return self.instance("article", article_key(article_id))

    def evidence(self, article_id: str, start: int, end: int) -> str:
        """The IRI of a span of an article (an RFC 5147 character fragment)."""
        return f"{self.article(article_id)}#char={start},{end}"

    def name_use(self, article_id: str, actor_key: str) -> str:
        """The IRI of how one article names one actor (a fragment of the article IRI)."""
        return f"{self.article(article_id)}#name={actor_key}"

    def meeting_report(self, article_id: str, meeting_key: str) -> str:
        """The IRI of one article's report of a meeting (a fragment of the article IRI)."""
        return f"{self.article(article_id)}#meeting={meeting_key}"

    def article_graph(self, article_id: str) -> str:
        """The named graph holding one article's facts."""
        return f"{self.base}graph/article/{article_key(article_id)}"

    @property
    def ontology_graph(self) -> str:
        """The named graph holding the ontology and the issue scheme."""
        return f"{self.base}graph/ontology"

    @property
    def article_graph_prefix(self) -> str:
        return f"{self.base}graph/article/"

    def article_id_of_graph(self, graph: str) -> str | None:
        """The article key of an article graph IRI, or None."""
        prefix = self.article_graph_prefix
        return graph[len(prefix):] if graph.startswith(prefix) else None
