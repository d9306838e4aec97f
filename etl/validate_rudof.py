"""The rudof SHACL engine (``pyrudof``, Rust) behind :class:`etl.validate.Validator`.

Selected with the ``shacl_engine`` setting (``rudof``); pyshacl stays the reference. The
Validator hands this engine the same shapes and the same data-plus-context graph it hands
pyshacl, and reads the report graph the same way, so a report differs only where the
engines do. ``bench/shacl.py`` and ``tests/test_shacl_engines.py`` compare the two.

Two things are done here so that rudof's report is the one SHACL specifies:

- **Messages.** rudof 0.3.35 gives the shape's ``sh:message`` for most constraints but its own
  text for ``sh:or`` ("OR not satisfied"), ``sh:not`` ("Shape: ... NOT constraint not
  satisfied ...") and ``sh:lessThan`` ("LessThan constraint violated: ..."). SHACL 1.0
  ("Declaring messages for a shape") says the results of a shape with ``sh:message`` carry
  those messages as ``sh:resultMessage``, as pyshacl does, so each result's message is set
  here from its ``sh:sourceShape``. For that the shapes'
  blank nodes are given IRIs (skolemized) before rudof reads them: a blank source shape in
  rudof's report could not be found in our graph.
- **Fresh data, fast.** In 0.3.35 ``read_data`` merges into the loaded data unless given
  ``merge=False``, and replacing the data (``merge=False``, or ``reset_data`` first) costs
  ~100 ms, more than pyshacl's whole validation. So the session holds a fixed base (the
  ontology's class axioms, the part of the context every graph shares) and each graph is
  read into a staging frame over it, validated, and rolled back (reading ~1.5 ms for 150
  triples).

Data is read with ``ReaderMode.Strict``: a graph rudof cannot read whole is an error, never
a graph validated with triples left out.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.plugins.serializers.nt import _nt_row
from rdflib.term import Node

from diplokg.errors import BadInput, UsageError

try:
    import pyrudof
except ImportError:  # the optional extra is not installed
    pyrudof = None

SH = Namespace("http://www.w3.org/ns/shacl#")
SKOLEM = "urn:diplokg:shape:"  # IRIs given to the shapes' blank nodes (never data IRIs)
MISSING = ("shacl_engine is 'rudof' but pyrudof is not installed: "
           "pip install 'diplokg[rudof]' (or set shacl_engine to 'pyshacl')")

Triple = tuple[Node, Node, Node]


def available() -> bool:
    """Whether pyrudof can be imported here."""
    return pyrudof is not None


def nt_lines(triples: Iterable[Triple]) -> str:
    """Triples as N-Triples text (rdflib's own writer: escapes, datatypes, language tags)."""
    return "".join(_nt_row(t) for t in triples)


nt_row = _nt_row  # one triple as an N-Triples line


class RudofEngine:
    """One rudof session holding the shapes; validates one data graph at a time."""

    def __init__(self, shapes: Graph, base: Iterable[Triple] = ()) -> None:
        """``shapes``: the shapes graph; ``base``: triples in the data of every validation."""
        if pyrudof is None:
            raise UsageError(MISSING)
        names: dict[BNode, URIRef] = {}

        def named(node: Node) -> Node:
            if isinstance(node, BNode):
                return names.setdefault(node, URIRef(f"{SKOLEM}{len(names)}"))
            return node

        skolem = [(named(s), p, named(o)) for s, p, o in shapes]
        self._messages: dict[str, list[Literal]] = {}
        for s, p, o in skolem:
            if p == SH.message and isinstance(o, Literal):
                self._messages.setdefault(str(s), []).append(o)
        self._session = pyrudof.Rudof(pyrudof.RudofConfig())
        self._session.read_shacl(nt_lines(skolem), pyrudof.ShaclFormat.NTriples,
                                 reader_mode=pyrudof.ReaderMode.Strict)
        # staging needs loaded data; a triple no shape targets when the base is empty
        base_nt = nt_lines(base) or f"<{SKOLEM}base> <{SKOLEM}base> <{SKOLEM}base> .\n"
        self._session.read_data(base_nt, pyrudof.RDFFormat.NTriples, reader_mode=pyrudof.ReaderMode.Strict)

    def run(self, ntriples: str) -> tuple[bool, Graph]:
        """Validate N-Triples text with the base; (conforms, the report graph with the shapes'
        messages). The base is left as it was."""
        session = self._session
        session.begin_staging()
        try:
            try:
                if ntriples:  # rudof refuses empty input; an empty graph is validated as the base
                    session.read_data(ntriples, pyrudof.RDFFormat.NTriples,
                                      reader_mode=pyrudof.ReaderMode.Strict, merge=True)
            except pyrudof.RudofError as exc:
                raise BadInput(f"rudof cannot read the graph to validate: {exc}") from None
            report = session.validate_shacl()
            text = None if report.conforms else session.serialize_shacl_validation_results(
                pyrudof.ResultShaclValidationFormat.NTriples)
        finally:
            session.rollback_staging()
        graph = Graph()
        if text is None:
            return True, graph
        graph.parse(data=text, format="nt")
        for result in list(graph.objects(None, SH.result)):
            messages = self._messages.get(str(graph.value(result, SH.sourceShape)))
            if messages:
                graph.remove((result, SH.resultMessage, None))
                for message in messages:
                    graph.add((result, SH.resultMessage, message))
        return False, graph

