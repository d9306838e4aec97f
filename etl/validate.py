"""SHACL validation of RDF graphs against shapes/diplokg.shacl.ttl (no inference).

Two engines, one report: pyshacl (the default and the reference of the tests) and rudof
(``pyrudof``, the optional extra ``diplokg[rudof]``, :mod:`etl.validate_rudof`), chosen by
the ``shacl_engine`` setting. Both get the same shapes and the same data-plus-context graph,
and both reports are read by :func:`_violations`.

The shapes are parsed once per :class:`Validator`. Article graphs only point at issues and
rely on the ontology's class hierarchy, so each graph is validated together with a small
context taken from the ontology: its ``rdfs:subClassOf`` axioms (``sh:class dkg:Actor``
accepts a ``dkg:Person``) and the definitions of the issues the graph refers to
(``sh:class dkg:Issue`` accepts defined issues, and their labels are checked).
"""

from __future__ import annotations

import functools
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from pyshacl import Validator as ShaclValidator
from pyshacl.graph_abstraction import DataGraph
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.term import XSDToPython, Node

from diplokg.errors import UsageError
from diplokg.iris import DEFAULT_BASE, PREFIXES
from diplokg.rebase import normal_base, rebase_graph, rebase_shapes
from diplokg.resources import ISSUES_FILE, ONTOLOGY_FILE, SHAPES_FILE

log = logging.getLogger(__name__)

SH = Namespace("http://www.w3.org/ns/shacl#")
DKG = Namespace("https://w3id.org/diplokg/ontology#")

ENGINES = ("pyshacl", "rudof")  # the engines a Validator runs
SETTINGS = ("auto", *ENGINES)  # the values of the shacl_engine setting; auto: rudof where installed
_PREFIXES = {iri: f"{name}:" for name, iri in PREFIXES.items()}  # namespace → "prefix:" for reports


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result: the focus node, the property path, the shape's message, the severity."""

    focus: str
    path: str | None
    message: str
    severity: str
    value: str | None = None

    def line(self) -> str:
        """One readable line: ``focus  path  message``, with the offending value when known."""
        where = self.focus if self.path is None else f"{self.focus}  {self.path}"
        text = f"{where}  {self.message}"
        if self.value is not None and self.value != self.focus:
            text += f" (value: {self.value})"
        if self.severity != "Violation":
            text = f"[{self.severity}] {text}"
        return text


@dataclass(frozen=True)
class Report:
    """The outcome of validating one graph."""

    conforms: bool
    violations: list[Violation]
    engine: str = field(default="pyshacl", compare=False)  # the engine that ran (rudof leaves some graphs to pyshacl)

    def text(self) -> str:
        """The report as lines: 'conforms', or one line per violation, sorted."""
        if self.conforms:
            return "conforms"
        return "\n".join(v.line() for v in self.violations)


class Validator:
    """Validates graphs against the diplokg shapes; parse once, validate many graphs."""

    def __init__(
        self,
        shapes_file: Path = SHAPES_FILE,
        ontology_files: Iterable[Path] = (ONTOLOGY_FILE, ISSUES_FILE),
        base: str = DEFAULT_BASE,
        engine: str = "pyshacl",
        fallback: bool = True,
    ) -> None:
        """``engine``: 'pyshacl' or 'rudof'. ``fallback`` (rudof only): leave the graphs of
        :func:`needs_reference` to pyshacl; off only to measure rudof alone (bench/shacl.py)."""
        if engine not in ENGINES:
            raise UsageError(f"setting shacl_engine must be one of {', '.join(ENGINES)}, not {engine!r}")
        self.engine = engine
        # The files are written with the default base; patterns, messages and issue IRIs
        # are moved onto the dataset's base here, at load time.
        self._shapes = rebase_shapes(Graph().parse(shapes_file, format="turtle"), base)
        ontology = Graph()
        for path in ontology_files:
            ontology.parse(path, format="turtle")
        ontology = rebase_graph(ontology, base)
        self._class_axioms = list(ontology.triples((None, RDFS.subClassOf, None)))
        self._issues: dict[Node, list[tuple[Node, Node, Node]]] = defaultdict(list)
        for issue in ontology.subjects(RDF.type, DKG.Issue):
            self._issues[issue] = [t for t in ontology.triples((issue, None, None)) if not isinstance(t[2], BNode)]
        self._engine: ShaclValidator | None = None
        self._rudof = None
        self._fallback = fallback
        self.by_reference = 0  # graphs the rudof engine left to pyshacl (see needs_reference)
        if engine == "rudof":
            from etl.validate_rudof import RudofEngine, nt_lines

            self._rudof = RudofEngine(self._shapes, base=self._class_axioms)
            self._issues_nt = {issue: nt_lines(triples) for issue, triples in self._issues.items()}

    def _referenced_issues(self, data: Graph) -> set[Node]:
        """The issues the data points at without defining them (their definitions are added)."""
        referenced = {o for o in data.objects() if o in self._issues}
        return referenced - set(data.subjects(RDF.type, DKG.Issue))

    def _context(self, data: Graph) -> Graph:
        """A copy of the data plus the class axioms and the definitions of issues it only refers to."""
        graph = Graph()
        for triple in data:
            graph.add(triple)
        for triple in self._class_axioms:
            graph.add(triple)
        for issue in self._referenced_issues(data):
            for triple in self._issues[issue]:
                graph.add(triple)
        return graph

    def _context_nt(self, data: Graph) -> str | None:
        """The context of :meth:`_context` but for the class axioms (rudof holds them as its base),
        as N-Triples text; None for a graph to leave to pyshacl (:func:`needs_reference`)."""
        from etl.validate_rudof import nt_row

        rows = []
        for triple in data:  # one pass: the rows, and whether rudof can be trusted with them
            if self._fallback and _needs_reference(triple):
                return None
            rows.append(nt_row(triple))
        rows += [self._issues_nt[issue] for issue in sorted(self._referenced_issues(data))]
        return "".join(rows)

    def _run_pyshacl(self, data: Graph) -> tuple[bool, Graph]:
        target = self._context(data)
        engine = ShaclValidator(DataGraph.from_rdflib(target), shacl_graph=self._shapes, options={"inplace": True})
        # pyshacl harvests the shapes lazily into its ShapesGraph and caches them there; reusing
        # the first engine's ShapesGraph spares re-reading the shapes for every article.
        if self._engine is None:
            self._engine = engine
        else:
            engine.shacl_graph = self._engine.shacl_graph
        conforms, report_graph, _ = engine.run()
        return bool(conforms), report_graph

    def validate(self, data: Graph) -> Report:
        """Validate one graph; the graph itself is not modified."""
        text = self._context_nt(data) if self._rudof is not None else None
        if text is not None:
            conforms, report_graph = self._rudof.run(text)
        else:
            self.by_reference += self._rudof is not None
            conforms, report_graph = self._run_pyshacl(data)
        extra = list(evidence_text_violations(data))
        found = sorted([*_violations(report_graph), *extra], key=_sort_key)
        return Report(conforms=bool(conforms) and not extra, violations=found,
                      engine="rudof" if text is not None else "pyshacl")


def needs_reference(data: Graph) -> bool:
    """Whether a graph holds what rudof 0.3.35 reports otherwise than pyshacl, so that the rudof
    engine leaves it to pyshacl, the reference: a blank node (rudof's report graph relabels it,
    so focus and value would name another node) or an ill-typed literal (rudof lets
    ``"2020-13-45"^^xsd:date`` pass ``sh:datatype``, where SHACL and pyshacl do not; with
    ``"abc"^^xsd:integer`` as an end it adds a ``sh:lessThan`` result; ``"yes"^^xsd:boolean``,
    which rdflib reads as false, pyshacl accepts and rudof does not). Ingest's graphs hold
    neither; ``bench/shacl.py`` counts the graphs left to pyshacl."""
    return any(_needs_reference(triple) for triple in data)


def _needs_reference(triple: tuple[Node, Node, Node]) -> bool:
    s, _, o = triple
    return isinstance(s, BNode) or isinstance(o, BNode) or (isinstance(o, Literal) and _ill_typed(o))


def _ill_typed(literal: Literal) -> bool:
    """rdflib's verdict, as pyshacl reads it: flagged ill-typed, or of a datatype rdflib converts
    (xsd:date, xsd:integer, ...) with no value (its lexical form did not convert), or a boolean
    spelled otherwise than true, false, 1, 0."""
    if literal.ill_typed is True:
        return True
    if literal.datatype == XSD.boolean:  # rdflib reads any other spelling ("yes") as false
        return str(literal) not in ("true", "false", "1", "0")
    return literal.datatype is not None and XSDToPython.get(literal.datatype) is not None and literal.value is None


EXACT_MISMATCH = "Evidence dkg:exact is not the article's text between dkg:start and dkg:end"
IRI_MISMATCH = "Evidence IRI #char={start},{end} does not match its dkg:start and dkg:end"


def _sort_key(v: Violation) -> tuple[str, str, str, str, str]:
    """Order violations by focus, path, message (a missing path sorts first, never None < str)."""
    return (v.focus, v.path or "", v.message, v.severity, v.value or "")


def evidence_text_violations(data: Graph) -> Iterable[Violation]:
    """Evidence whose dkg:exact differs from the article text at its offsets, or whose IRI does."""
    for evidence in set(data.subjects(RDF.type, DKG.Evidence)):
        start, end = _integer(data.value(evidence, DKG.start)), _integer(data.value(evidence, DKG.end))
        if start is None or end is None or not 0 <= start < end:
            continue  # the shapes report missing or bad offsets
        if isinstance(evidence, URIRef) and "#char=" in evidence:
            if not evidence.endswith(f"#char={start},{end}"):
                yield Violation(_show(evidence), None, IRI_MISMATCH, "Violation")
        exact = data.value(evidence, DKG.exact)
        article = data.value(evidence, DKG.article)
        text = data.value(article, DKG.text) if article is not None else None
        if isinstance(exact, Literal) and isinstance(text, Literal) and str(text)[start:end] != str(exact):
            yield Violation(_show(evidence), "dkg:exact", EXACT_MISMATCH, "Violation", _show(exact))


def _integer(node: Node | None) -> int | None:
    if isinstance(node, Literal) and isinstance(node.toPython(), int) and not isinstance(node.toPython(), bool):
        return int(node.toPython())
    return None


def _violations(report: Graph) -> Iterable[Violation]:
    for result in report.objects(None, SH.result):
        severity = report.value(result, SH.resultSeverity)
        yield Violation(
            focus=_show(report.value(result, SH.focusNode)),
            path=_show_path(report.value(result, SH.resultPath)),
            message=str(report.value(result, SH.resultMessage) or "constraint not met"),
            severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            value=_show(report.value(result, SH.value)) if report.value(result, SH.value) is not None else None,
        )


def _show(node: Node | None) -> str:
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        return node.n3()
    if isinstance(node, BNode):
        return f"_:{node}"
    return str(node)


def _show_path(node: Node | None) -> str | None:
    if node is None:
        return None
    if isinstance(node, URIRef):
        for namespace, prefix in _PREFIXES.items():
            if node.startswith(namespace):
                return prefix + node[len(namespace):]
        return f"<{node}>"
    return "(path expression)"


# the process's engine for validate_graph: pyshacl (the reference) until a command applies
# the shacl_engine setting (auto by default: rudof where installed)
_engine_in_use = ["pyshacl"]


def resolve_engine(engine: str) -> str:
    """The engine a ``shacl_engine`` setting names: ``auto`` is rudof where pyrudof is
    installed, else pyshacl."""
    if engine == "auto":
        from etl.validate_rudof import available

        return "rudof" if available() else "pyshacl"
    return engine


def use_engine(engine: str) -> None:
    """Make ``engine`` the one :func:`validate_graph` uses in this process (the ``shacl_engine``
    setting, applied by the commands before they open a store; ``auto`` is resolved here).
    Unknown, or rudof without pyrudof installed: a one-line UsageError now rather than at the
    first article."""
    if engine not in SETTINGS:
        raise UsageError(f"setting shacl_engine must be one of {', '.join(SETTINGS)}, not {engine!r}")
    engine = resolve_engine(engine)
    if engine == "rudof":
        from etl.validate_rudof import MISSING, available

        if not available():
            raise UsageError(MISSING)
    _engine_in_use[0] = engine


def engine_in_use() -> str:
    """The engine :func:`validate_graph` uses when none is named."""
    return _engine_in_use[0]


@functools.lru_cache(maxsize=4)
def default_validator(base: str = DEFAULT_BASE, engine: str = "pyshacl") -> Validator:
    """The validator of the shipped shapes and ontology for a base IRI and engine, built on first use."""
    return Validator(base=normal_base(base), engine=engine)


def validate_graph(data: rdflib.Graph, base: str = DEFAULT_BASE, engine: str | None = None) -> Report:
    """Validate a graph against the shipped shapes moved onto ``base`` (parsed once per process),
    with ``engine`` or else the process's engine (:func:`use_engine`; pyshacl by default)."""
    return default_validator(normal_base(base), engine or engine_in_use()).validate(data)
