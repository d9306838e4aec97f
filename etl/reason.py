"""OWL 2 RL materialisation of one article against a precomputed ontology closure.

owlrl's closure of the ontology alone (``closure_owlrl(O)``) is computed once and kept
(in the store's ontology graph). From it :class:`Reasoner` compiles the instance-level
rules of OWL 2 RL that the ontology uses (cax-sco, prp-spo1, prp-dom, prp-rng,
prp-inv1/2, prp-symp, prp-trp, prp-fp, prp-ifp, eq-sym, eq-trans, eq-rep-s/p/o, the
dt-type/disjointness axioms of the datatypes in use) and applies them to an article
graph in time proportional to the article. The result is exactly::

    closure_owlrl(O + A - L) - closure_owlrl(O)  +  L

after the same filters applied to every stored graph: no triple with a literal subject
(Oxigraph cannot store them), no reflexive ``x owl:sameAs x`` and no axiom about an XML
Schema datatype. ``L`` are the article's *links*: ``owl:sameAs`` triples with an end outside
our own namespaces (the instance base and the ontology), such as a person's Wikidata IRI.
They are stored as asserted but take no part in the equality rules, so nothing is copied
onto the external IRI: a person is one ``dkg:Person`` in every count and ``GROUP BY``, and
the export validates against the shapes. Equality among our own IRIs (prp-fp, prp-ifp,
asserted links between our actors) is still materialised. Where the article
uses vocabulary the compiled rules do not cover (schema triples, datatype typing,
ontology axioms such as restrictions), the article falls back to owlrl itself.
An inconsistency (two owl:sameAs individuals declared different, an instance of
disjoint classes) raises :class:`Inconsistent` where owlrl would add error messages.
"""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import owlrl
from owlrl.AxiomaticTriples import OWLRL_Datatypes_Disjointness
from owlrl.XsdDatatypes import OWL_Datatype_Subsumptions, OWL_RL_Datatypes
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from diplokg import resources
from diplokg.errors import ShapeViolation
from diplokg.iris import DEFAULT_BASE, DKG
from diplokg.rebase import is_default, normal_base, rebase_graph

log = logging.getLogger(__name__)

Triple = tuple[Node, Node, Node]

_RDF_NS, _RDFS_NS, _OWL_NS = str(RDF), str(RDFS), str(OWL)
_XSD_NS = "http://www.w3.org/2001/XMLSchema#"
_HARMLESS_TYPES = {OWL.Thing, OWL.NamedIndividual}
_ANNOTATIONS = {RDFS.label, RDFS.comment, RDFS.seeAlso, RDFS.isDefinedBy, OWL.sameAs}
# Ontology axioms whose rules are not compiled: their presence sends every article to owlrl.
_UNCOMPILED = {
    OWL.someValuesFrom, OWL.allValuesFrom, OWL.hasValue, OWL.intersectionOf, OWL.unionOf,
    OWL.oneOf, OWL.complementOf, OWL.maxCardinality, OWL.maxQualifiedCardinality,
    OWL.propertyChainAxiom, OWL.hasKey, OWL.propertyDisjointWith, OWL.sourceIndividual,
}
_UNCOMPILED_TYPES = {OWL.AsymmetricProperty, OWL.IrreflexiveProperty, OWL.AllDisjointClasses,
                     OWL.AllDisjointProperties, OWL.NegativePropertyAssertion}


class Inconsistent(ShapeViolation):
    """An article that makes the ontology inconsistent (OWL 2 RL's false rules)."""


def ontology_files() -> list[Path]:
    """The files of the ontology graph: the ontology and the issue scheme."""
    return [resources.ONTOLOGY_FILE, resources.ISSUES_FILE]


def ontology_hash(files: Iterable[Path] | None = None, base: str = DEFAULT_BASE) -> str:
    """A SHA-256 over the ontology files' bytes and the base they are loaded onto (the key
    of the cached closure; the default base adds nothing, so stored digests stay valid)."""
    h = hashlib.sha256()
    for path in ontology_files() if files is None else files:
        h.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    if not is_default(base):
        h.update(b"base\0" + normal_base(base).encode("utf-8"))
    return h.hexdigest()


def load_ontology(files: Iterable[Path] | None = None, base: str = DEFAULT_BASE) -> Graph:
    """The asserted ontology and issue scheme, parsed into one rdflib graph, moved onto ``base``."""
    graph = Graph()
    for path in ontology_files() if files is None else files:
        graph.parse(path, format="turtle")
    return rebase_graph(graph, base)


def owlrl_closure(graph: Graph) -> Graph:
    """owlrl's OWL 2 RL closure of ``graph`` (owlrl's defaults), in place, returned."""
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    return graph


def storable(triples: Iterable[Triple]) -> set[Triple]:
    """The documented filters: drop literal-subject triples, reflexive owl:sameAs, and the
    axioms owlrl states about XML Schema datatypes (``xsd:boolean a rdfs:Datatype``): they
    describe the built-in vocabulary, not the data, and would be copied into every graph."""
    return {
        (s, p, o) for s, p, o in triples
        if not isinstance(s, Literal) and not (p == OWL.sameAs and s == o) and not str(s).startswith(_XSD_NS)
    }


CLOSURE_FILE = Path(__file__).resolve().parent / "data" / "ontology-closure.nt"
_CLOSURE_HEADER = "# the storable OWL 2 RL closure of the ontology files with sha256:"


def ontology_closure(files: Iterable[Path] | None = None, base: str = DEFAULT_BASE, *,
                     cached: bool = True) -> set[Triple]:
    """The storable closure of the ontology alone (computed with owlrl: seconds).

    For the shipped ontology on the default base it is read from :data:`CLOSURE_FILE`
    (written by ``python -m etl.reason``) when that file says it is the closure of the
    ontology files as they are now (their SHA-256, :func:`ontology_hash`); otherwise, or
    with ``cached=False``, computed. The file keeps the blank-node labels of a computation,
    so a store loaded from either holds the same quads."""
    if cached and files is None and is_default(base):
        found = _read_closure(ontology_hash())
        if found is not None:
            return found
    return storable(owlrl_closure(load_ontology(files, base)))


def _read_closure(digest: str, path: Path = CLOSURE_FILE) -> set[Triple] | None:
    """The closure in ``path`` if it is the one of ``digest``; None otherwise."""
    import pyoxigraph as ox

    from diplokg.store.terms import to_rdflib

    try:
        with path.open("rb") as fh:
            header = fh.readline().decode("utf-8").strip()
            if header != _CLOSURE_HEADER + digest:
                log.debug("%s is not the closure of the current ontology files; computing it", path)
                return None
            return {(to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object))  # type: ignore[misc]
                    for q in ox.parse(fh, format=ox.RdfFormat.N_TRIPLES)}
    except FileNotFoundError:
        return None


def write_closure(path: Path = CLOSURE_FILE) -> int:
    """Compute the closure of the shipped ontology and write it to ``path``; its size."""
    from rdflib.plugins.serializers.nt import _nt_row

    closure = ontology_closure(cached=False)
    rows = sorted(_nt_row(t) for t in closure)
    path.write_text(_CLOSURE_HEADER + ontology_hash() + "\n" + "".join(rows), encoding="utf-8")
    return len(rows)


def _copy(graph: Graph) -> Graph:
    copy = Graph()
    for t in graph:
        copy.add(t)
    return copy


def _is_schema_triple(s: Node, p: Node, o: Node) -> bool:
    """Whether an article triple needs rules beyond the compiled instance rules."""
    if p == RDF.type:
        if o in _HARMLESS_TYPES:
            return False
        return isinstance(o, URIRef) and str(o).startswith((_RDF_NS, _RDFS_NS, _OWL_NS, _XSD_NS))
    if p in _ANNOTATIONS:
        return False
    return isinstance(p, URIRef) and str(p).startswith((_RDF_NS, _RDFS_NS, _OWL_NS))


def _datatypes_of(literals: Iterable[Literal]) -> set[URIRef]:
    used: set[URIRef] = set()
    for lit in literals:
        if lit.datatype in OWL_RL_Datatypes:
            used.add(lit.datatype)
            used.update(OWL_Datatype_Subsumptions.get(lit.datatype, ()))
    return used


class Reasoner:
    """Instance rules compiled from an ontology closure; :meth:`infer` per article.

    ``own`` are the IRI prefixes of our own resources (by default the instance ``base`` and
    the ontology namespace); an owl:sameAs with an end outside them is a link, kept out of
    reasoning."""

    def __init__(self, closure: Iterable[Triple], files: Iterable[Path] | None = None,
                 base: str = DEFAULT_BASE, own: Iterable[str] | None = None) -> None:
        self.closure: set[Triple] = set(closure)
        self._files = None if files is None else list(files)
        self._base = base
        self.own = tuple(own) if own is not None else (base, DKG)
        self._asserted: Graph | None = None
        self._asserted_closure: set[Triple] = set()
        self.sup_class: dict[Node, set[Node]] = defaultdict(set)
        self.sup_prop: dict[Node, set[Node]] = defaultdict(set)
        self.domain: dict[Node, set[Node]] = defaultdict(set)
        self.range: dict[Node, set[Node]] = defaultdict(set)
        self.inverse: dict[Node, set[Node]] = defaultdict(set)
        self.symmetric: set[Node] = set()
        self.transitive: set[Node] = set()
        self.functional: set[Node] = set()
        self.inverse_functional: set[Node] = set()
        self.disjoint: dict[Node, set[Node]] = defaultdict(set)
        self.different: dict[Node, set[Node]] = defaultdict(set)
        self.compiled = True
        self._by_s: dict[Node, set[Triple]] = defaultdict(set)
        self._by_o: dict[Node, set[Triple]] = defaultdict(set)
        self._by_p: dict[Node, set[Triple]] = defaultdict(set)
        self._same: dict[Node, set[Node]] = defaultdict(set)
        self._compile()
        self._same = dict(self._same)

    def _compile(self) -> None:
        lists: dict[Node, tuple[Node, Node]] = {}
        all_different: list[Node] = []
        used_literals = []
        for t in self.closure:
            s, p, o = t
            self._by_s[s].add(t)
            self._by_o[o].add(t)
            self._by_p[p].add(t)
            if isinstance(o, Literal):
                used_literals.append(o)
            if p == RDFS.subClassOf:
                self.sup_class[s].add(o)
            elif p == RDFS.subPropertyOf:
                self.sup_prop[s].add(o)
            elif p == RDFS.domain:
                self.domain[s].add(o)
            elif p == RDFS.range:
                self.range[s].add(o)
            elif p == OWL.inverseOf:
                self.inverse[s].add(o)
                self.inverse[o].add(s)
            elif p == OWL.disjointWith:
                self.disjoint[s].add(o)
                self.disjoint[o].add(s)
            elif p == OWL.sameAs:
                if s != o:
                    self._same[s].add(o)
            elif p == OWL.differentFrom:
                self.different[s].add(o)
                self.different[o].add(s)
            elif p in (RDF.first, RDF.rest):
                first, rest = lists.get(s, (None, None))
                lists[s] = (o, rest) if p == RDF.first else (first, o)
            elif p in _UNCOMPILED:
                self.compiled = False
            elif p == RDF.type:
                if o == OWL.SymmetricProperty:
                    self.symmetric.add(s)
                elif o == OWL.TransitiveProperty:
                    self.transitive.add(s)
                elif o == OWL.FunctionalProperty:
                    self.functional.add(s)
                elif o == OWL.InverseFunctionalProperty:
                    self.inverse_functional.add(s)
                elif o == OWL.AllDifferent:
                    all_different.append(s)
                elif o in _UNCOMPILED_TYPES:
                    self.compiled = False
        for node in all_different:
            for p in (OWL.members, OWL.distinctMembers):
                for _, _, head in self._by_s_p(node, p):
                    members = self._list(lists, head)
                    for a in members:
                        self.different[a].update(m for m in members if m != a)
        self.used_datatypes = _datatypes_of(used_literals)
        if not self.compiled:
            log.warning("the ontology uses OWL axioms the compiled rules do not cover; reasoning with owlrl")

    def _by_s_p(self, s: Node, p: Node) -> list[Triple]:
        return [t for t in self._by_s.get(s, ()) if t[1] == p]

    @staticmethod
    def _list(lists: dict[Node, tuple[Node, Node]], head: Node) -> list[Node]:
        items, seen = [], set()
        while head != RDF.nil and head in lists and head not in seen:
            seen.add(head)
            first, head = lists[head]
            items.append(first)
        return items

    def links(self, triples: Iterable[Triple]) -> set[Triple]:
        """The owl:sameAs triples with an end outside our own namespaces."""
        return {t for t in triples if t[1] == OWL.sameAs and t[0] != t[2] and not (self._is_own(t[0]) and self._is_own(t[2]))}

    def _is_own(self, node: Node) -> bool:
        return isinstance(node, URIRef) and str(node).startswith(self.own)

    def infer(self, article: Graph | Iterable[Triple]) -> set[Triple]:
        """The triples to store for an article: its closure with the ontology, minus the
        ontology's, plus its links (kept out of the equality rules)."""
        asserted = set(article)
        links = self.links(asserted)
        asserted -= links
        if not self.compiled or any(_is_schema_triple(*t) for t in asserted):
            return self._owlrl(asserted) | links
        return (storable(self._chain(asserted)) - self.closure) | links

    def infer_with_owlrl(self, asserted: Iterable[Triple]) -> set[Triple]:
        """The same result by running owlrl on the ontology plus the article (slow; the reference)."""
        triples = set(asserted)
        links = self.links(triples)
        return self._owlrl(triples - links) | links

    def _owlrl(self, asserted: Iterable[Triple]) -> set[Triple]:
        if self._asserted is None:
            self._asserted = load_ontology(self._files, self._base)
            # the same blank nodes as the asserted ontology used below
            self._asserted_closure = storable(owlrl_closure(_copy(self._asserted)))
        graph = _copy(self._asserted)
        for t in asserted:
            graph.add(t)
        return storable(owlrl_closure(graph)) - self._asserted_closure

    def _chain(self, asserted: set[Triple]) -> set[Triple]:
        """Forward chaining of the compiled rules; the ontology closure is read, never copied."""
        new: set[Triple] = set()
        by_s: dict[Node, set[Triple]] = defaultdict(set)
        by_o: dict[Node, set[Triple]] = defaultdict(set)
        agenda = list(asserted)

        def known(t: Triple) -> bool:
            return t in new or t in self.closure

        def facts_with_s(node: Node) -> Iterable[Triple]:
            yield from by_s.get(node, ())
            yield from self._by_s.get(node, ())

        def facts_with_o(node: Node) -> Iterable[Triple]:
            yield from by_o.get(node, ())
            yield from self._by_o.get(node, ())

        same_new: dict[Node, set[Node]] = defaultdict(set)

        def partners(node: Node) -> Iterable[Node]:
            """owl:sameAs partners of a node (other than itself) known so far."""
            found = self._same.get(node)
            more = same_new.get(node)
            if found is None and more is None:
                return ()
            return [x for x in (found or set()) | (more or set()) if x != node]

        def facts_with_p(p: Node) -> Iterable[Triple]:
            yield from (t for t in new if t[1] == p)
            yield from self._by_p.get(p, ())

        while agenda:
            t = agenda.pop()
            if t in new:
                continue
            new.add(t)
            s, p, o = t
            by_s[s].add(t)
            by_o[o].add(t)
            out: list[Triple] = []
            if p == RDF.type:
                out.extend((s, RDF.type, c) for c in self.sup_class.get(o, ()))
            for q in self.sup_prop.get(p, ()):
                out.append((s, q, o))
            for c in self.domain.get(p, ()):
                out.append((s, RDF.type, c))
            for c in self.range.get(p, ()):
                out.append((o, RDF.type, c))
            for q in self.inverse.get(p, ()):
                out.append((o, q, s))
            if p in self.symmetric:
                out.append((o, p, s))
            if p in self.transitive:
                out.extend((s, p, z) for _, q, z in list(facts_with_s(o)) if q == p)
                out.extend((w, p, o) for w, q, _ in list(facts_with_o(s)) if q == p)
            if p in self.functional:
                out.extend((o, OWL.sameAs, z) for _, q, z in list(facts_with_s(s)) if q == p and z != o)
            if p in self.inverse_functional:
                out.extend((s, OWL.sameAs, w) for w, q, _ in list(facts_with_o(o)) if q == p and w != s)
            if p == OWL.sameAs and s != o:
                same_new[s].add(o)
                if o in self.different.get(s, ()):
                    raise Inconsistent(f"{s} owl:sameAs {o}, but the ontology says they are different")
                out.append((o, OWL.sameAs, s))
                out.extend((s, OWL.sameAs, z) for z in partners(o))
                out.extend((x2, q, o) for x2, q, _ in list(facts_with_o(s)))
                out.extend((o, q, z) for _, q, z in list(facts_with_s(s)))
                out.extend((a, o, b) for a, _, b in list(facts_with_p(s)))
            # eq-rep-s/p/o for a new triple whose terms already have owl:sameAs partners
            for s2 in partners(s):
                out.append((s2, p, o))
            for p2 in partners(p):
                out.append((s, p2, o))
            for o2 in partners(o):
                out.append((s, p, o2))
            agenda.extend(x for x in out if not known(x))
        self._check_disjoint(new)
        new.update(self._datatype_axioms(asserted))
        return new

    def _check_disjoint(self, new: set[Triple]) -> None:
        if not self.disjoint:
            return
        types: dict[Node, set[Node]] = defaultdict(set)
        for s, p, o in new:
            if p == RDF.type:
                types[s].add(o)
        for s, cs in types.items():
            for c in cs:
                clash = self.disjoint.get(c, set()) & (cs | {o for _, q, o in self._by_s.get(s, ()) if q == RDF.type})
                if clash and not isinstance(s, Literal):
                    raise Inconsistent(f"{s} is a {c} and a {min(clash)}, which the ontology says are disjoint")

    def _datatype_axioms(self, asserted: set[Triple]) -> set[Triple]:
        """dt-type2 and the disjointness of the datatypes in use (owlrl's one-time rules)."""
        literals = [o for _, _, o in asserted if isinstance(o, Literal)]
        used = self.used_datatypes | _datatypes_of(literals)
        out: set[Triple] = set()
        for lit in literals:
            if lit.datatype in OWL_RL_Datatypes:
                out.add((lit, RDF.type, lit.datatype))
        for left, pred, right in OWLRL_Datatypes_Disjointness:
            if left in used and right in used:
                out.add((left, pred, right))
        return out


if __name__ == "__main__":  # python -m etl.reason: write the cached closure after editing the ontology
    print(f"{write_closure()} triples written to {CLOSURE_FILE}")
