"""rudof (pyrudof) gives the reports pyshacl gives: every shape-test graph and the seeds.

pyshacl stays the reference (tests/test_shapes.py runs on it alone); here each graph goes
through both engines and the reports must be equal: verdict, (focus, path) pairs, and
message, severity and value of every violation. The graphs the rudof engine leaves to pyshacl
(blank nodes, ill-typed literals: ``etl.validate.needs_reference``) are named, so that the
comparison is of two engines and not of pyshacl with itself.
"""

from __future__ import annotations

import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from rdflib import Graph

from bench.shacl import HOSTILE, corpus_graphs, fixture_graphs
from diplokg.config import load_config
from diplokg.errors import UsageError
from diplokg.resources import SEEDS_DIR
from etl.validate import Validator, engine_in_use, needs_reference, use_engine, validate_graph
from etl.validate_rudof import MISSING

DIPLOKG = Path(sys.executable).parent / "diplokg"
VALID = Path(__file__).parent / "data" / "valid.ttl"
# the hostile graphs rudof 0.3.35 reports otherwise than pyshacl, which the engine leaves to it
LEFT_TO_PYSHACL = {"hostile:ill-typed-date", "hostile:ill-typed-integer-offset", "hostile:blank-node-person",
                   "hostile:blank-node-participant", "hostile:boolean-spelled-yes"}


def _graphs() -> list[tuple[str, Graph]]:
    with warnings.catch_warnings():  # rdflib warns while parsing the "yes"^^xsd:boolean of HOSTILE
        warnings.simplefilter("ignore")
        return fixture_graphs()


FIXTURES = _graphs()


@pytest.fixture(scope="module")
def engines() -> tuple[Validator, Validator]:
    return Validator(engine="pyshacl"), Validator(engine="rudof")


@pytest.fixture(scope="module")
def extractor():
    from etl.pipeline import Extractor

    return Extractor()


@pytest.fixture(scope="module")
def seed_graphs(extractor) -> list[tuple[str, Graph]]:
    graphs = corpus_graphs(len(list(SEEDS_DIR.glob("*.txt"))), extractor)
    assert len(graphs) >= 4
    return graphs


def assert_same(name: str, graph: Graph, engines: tuple[Validator, Validator]) -> None:
    pyshacl, rudof = engines
    before = rudof.by_reference
    ours, theirs = pyshacl.validate(graph), rudof.validate(graph)
    assert (rudof.by_reference > before) == (name in LEFT_TO_PYSHACL)  # rudof itself ran, or is known not to
    assert ours.conforms == theirs.conforms, name
    assert {(v.focus, v.path) for v in theirs.violations} == {(v.focus, v.path) for v in ours.violations}
    assert theirs.violations == ours.violations  # messages, severities, values, multiplicity, order


@pytest.mark.parametrize("name,graph", FIXTURES, ids=[n for n, _ in FIXTURES])
def test_both_engines_report_the_same(name: str, graph: Graph, engines) -> None:
    assert_same(name, graph, engines)


def test_the_fixtures_cover_every_shape_test_and_break_most_rules() -> None:
    from tests.test_shapes import ACCEPTED, BROKEN

    names = {n for n, _ in FIXTURES}
    assert {f"broken:{b[0]}" for b in BROKEN} | {f"accepted:{a[0]}" for a in ACCEPTED} <= names
    assert {f"hostile:{h[0]}" for h in HOSTILE} <= names
    assert LEFT_TO_PYSHACL <= names
    assert {n for n, g in FIXTURES if needs_reference(g)} == LEFT_TO_PYSHACL


def test_both_engines_report_the_same_on_the_seeds(seed_graphs, engines) -> None:
    for name, graph in seed_graphs:
        assert not needs_reference(graph), name
        assert_same(name, graph, engines)
        assert engines[1].validate(graph).conforms, name


def test_rudof_alone_differs_where_the_engine_leaves_graphs_to_pyshacl(engines) -> None:
    """Without the fallback rudof 0.3.35 reports these graphs otherwise; when it stops doing
    so, this test says that the fallback can go."""
    pyshacl = engines[0]
    alone = Validator(engine="rudof", fallback=False)
    by_name = dict(FIXTURES)
    assert all(pyshacl.validate(by_name[n]) != alone.validate(by_name[n]) for n in LEFT_TO_PYSHACL)
    assert alone.by_reference == 0


def test_the_setting_selects_the_engine_of_validate_graph() -> None:
    assert load_config(environ={}).shacl_engine == "auto"
    assert load_config(environ={"DIPLOKG_SHACL_ENGINE": "rudof"}).shacl_engine == "rudof"
    with pytest.raises(UsageError, match="shacl_engine must be 'auto', 'pyshacl' or 'rudof'"):
        load_config(environ={"DIPLOKG_SHACL_ENGINE": "jena"})
    with pytest.raises(UsageError, match="shacl_engine"):
        use_engine("jena")
    broken = Graph().parse(VALID)
    broken.update("DELETE WHERE { <https://w3id.org/diplokg/id/meeting/8f7a675ae103da19> "
                  "<https://w3id.org/diplokg/ontology#mode> ?m }")
    try:
        use_engine("rudof")
        rudof = validate_graph(broken)
    finally:
        use_engine("pyshacl")
    assert rudof == validate_graph(broken, engine="pyshacl") == validate_graph(broken)
    assert not rudof.conforms
    assert (rudof.engine, validate_graph(broken).engine) == ("rudof", "pyshacl")
    try:
        use_engine("auto")  # rudof where installed (the test extras install it)
        assert engine_in_use() == "rudof"
        assert validate_graph(broken).engine == "rudof"
    finally:
        use_engine("pyshacl")


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([str(DIPLOKG), *args], capture_output=True, text=True, timeout=300, check=False,
                          env={**os.environ, **env})


def test_validate_command_prints_the_same_with_either_engine(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    graph = Graph().parse(VALID)
    graph.update("DELETE WHERE { <https://w3id.org/diplokg/id/meeting/8f7a675ae103da19> "
                 "<https://w3id.org/diplokg/ontology#status> ?s }")
    graph.serialize(broken, format="turtle")
    outputs = [_cli("validate", str(VALID), str(broken), env={"DIPLOKG_SHACL_ENGINE": engine})
               for engine in ("pyshacl", "rudof")]
    assert [(o.returncode, o.stderr) for o in outputs] == [(1, ""), (1, "")]
    assert outputs[0].stdout == outputs[1].stdout
    assert "dkg:status  A meeting must have exactly one dkg:status: dkg:Held or dkg:Planned" in outputs[1].stdout


def test_rudof_selected_but_not_installed_is_one_line_and_exit_2(tmp_path: Path) -> None:
    """A pyrudof that cannot be imported (a package of that name raising ImportError, first on
    the path) stands for a machine without the extra."""
    blocked = tmp_path / "blocked" / "pyrudof"
    blocked.mkdir(parents=True)
    (blocked / "__init__.py").write_text("raise ImportError('pyrudof is not here')\n", encoding="utf-8")
    env = {"DIPLOKG_SHACL_ENGINE": "rudof", "PYTHONPATH": str(blocked.parent),
           "DIPLOKG_STORE": str(tmp_path / "store")}
    checked = _cli("validate", str(VALID), env=env)
    assert (checked.returncode, checked.stdout, checked.stderr) == (2, "", f"diplokg validate: error: {MISSING}\n")
    seed = sorted(SEEDS_DIR.glob("*.txt"))[0]
    ingested = _cli("ingest", str(seed), env=env)
    assert (ingested.returncode, ingested.stdout, ingested.stderr) == (2, "", f"diplokg ingest: error: {MISSING}\n")
    assert not (tmp_path / "store").exists()
