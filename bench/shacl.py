"""SHACL engines: rudof (``pyrudof``) against pyshacl, same graphs, same run.

``python -m bench.shacl [--articles 100] [--repeat 5] [--json FILE]``

The graphs are the ones ingest validates: the seeds and synthetic articles (:mod:`bench.synth`)
are extracted, then added to a fresh embedded store by :class:`etl.ingest.run.Ingestor`,
whose validate step is wrapped to keep a copy of every graph it is given (mapped, before
reasoning; articles derived again are there too). Then each graph is validated with both
engines through :class:`etl.validate.Validator`: ms per graph, medians of ``--repeat`` runs,
the engines alternating which goes first, and every graph whose reports differ (verdict,
focus, path, message, severity, value); also the time of bare ``nlp.pipe`` on the same
articles, the yardstick of the ingest. The same comparison runs on the broken and accepted
graphs of the shape tests (:func:`fixture_graphs`) and a few hostile graphs of this module.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rdflib import Graph

log = logging.getLogger("bench.shacl")

PREFIXES = """
PREFIX dkg: <https://w3id.org/diplokg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
ID = "https://w3id.org/diplokg/id/"
ARTICLE = f"<{ID}article/000_adeb1c27dd2069d5>"
MEETING = f"<{ID}meeting/8f7a675ae103da19>"

# graphs no shape test has: terms whose spelling or reading an engine could get wrong
HOSTILE = [
    ("ill-typed-date", f"DELETE WHERE {{ {ARTICLE} dcterms:issued ?d }} ; "
                       f"INSERT DATA {{ {ARTICLE} dcterms:issued \"2020-13-45\"^^xsd:date }}"),
    ("ill-typed-integer-offset", f"DELETE WHERE {{ <{ID}article/000_adeb1c27dd2069d5#char=262,296> dkg:end ?e }} ; "
                                 f"INSERT DATA {{ <{ID}article/000_adeb1c27dd2069d5#char=262,296> dkg:end \"abc\"^^xsd:integer }}"),
    ("blank-node-person", "INSERT DATA { _:someone a dkg:Person ; rdfs:label \"Mira Halloway\" }"),
    ("blank-node-participant", f"INSERT DATA {{ {MEETING} dkg:participant _:someone . _:someone a dkg:Person }}"),
    ("multiline-non-ascii-title", f"DELETE WHERE {{ {ARTICLE} dcterms:title ?t }} ; "
                                  f"INSERT DATA {{ {ARTICLE} dcterms:title \"Ministers\\n\\\"meet\\\" in Kyōto \\\\ 東京\\t✓\" }}"),
    ("two-multiline-titles", f"INSERT DATA {{ {ARTICLE} dcterms:title \"line one\\r\\nline two\" }}"),
    ("language-tagged-alt-label", f"INSERT DATA {{ <{ID}actor/japan> skos:altLabel \"Nippon\"@ja-Latn }}"),
    ("empty-alt-label", f"INSERT DATA {{ <{ID}actor/japan> skos:altLabel \"\" }}"),
    ("meeting-topic-defined-in-the-graph", f"INSERT DATA {{ {MEETING} dkg:topic <{ID}issue/world-peace> . "
                                           f"<{ID}issue/world-peace> a dkg:Issue ; rdfs:label \"World peace\" }}"),
    ("gyear-not-a-year", f"DELETE WHERE {{ {MEETING} dkg:date ?d }} ; INSERT DATA {{ {MEETING} dkg:date \"20x0\"^^xsd:gYear }}"),
    ("boolean-spelled-yes", f"INSERT DATA {{ {MEETING} dkg:primary \"yes\"^^xsd:boolean }}"),
    ("date-as-integer", f"DELETE WHERE {{ {MEETING} dkg:date ?d }} ; INSERT DATA {{ {MEETING} dkg:date 2020 }}"),
]


def fixture_graphs() -> list[tuple[str, Graph]]:
    """The graphs of the shape tests (valid, broken, accepted; the issue scheme; the OWL RL
    closure of the example), the CLI's and ingest's broken graphs, and :data:`HOSTILE`."""
    import owlrl
    from rdflib import OWL

    from diplokg.iris import Iris
    from diplokg.resources import ISSUES_FILE, ONTOLOGY_FILE
    from etl.to_rdf import facts_to_graph
    from tests import test_ingest, test_shapes, test_validate_cli

    graphs: list[tuple[str, Graph]] = [("valid", Graph().parse(test_shapes.VALID))]
    graphs += [(f"broken:{name}", test_shapes.edited(update)) for name, update, _ in test_shapes.BROKEN]
    graphs += [(f"accepted:{name}", test_shapes.edited(update)) for name, update in test_shapes.ACCEPTED]
    scheme = Graph().parse(ISSUES_FILE)
    graphs.append(("issue-scheme", scheme))
    unlabelled = Graph().parse(ISSUES_FILE)
    unlabelled.update(test_shapes.PREFIXES + "DELETE WHERE { issue:abductions rdfs:label ?l }")
    graphs.append(("issue-scheme-without-a-label", unlabelled))
    closure = Graph()
    for path in (ONTOLOGY_FILE, ISSUES_FILE, test_shapes.VALID):
        closure.parse(path)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(closure)
    wikidata = "http://www.wikidata.org/entity/"
    ours = Graph()
    for s, p, o in closure:
        if str(s).startswith(test_shapes.ID) and (p == OWL.sameAs or not str(o).startswith(wikidata)):
            ours.add((s, p, o))
    graphs.append(("owl-rl-closure-of-valid", ours))
    graphs.append(("cli:broken", test_validate_cli.broken_graph()))
    graphs.append(("ingest:bad-facts", facts_to_graph(test_ingest._bad_facts("bad"), Iris())))
    for name, update in HOSTILE:
        graph = Graph().parse(test_shapes.VALID)
        graph.update(PREFIXES + update)
        graphs.append((f"hostile:{name}", graph))
    graphs.append(("empty", Graph()))
    return graphs


def nlp_ms(extractor, count: int, repeat: int) -> tuple[float, float]:
    """(wall, CPU) ms per article of bare ``nlp.pipe`` on the same articles (the yardstick of issue 13)."""
    from bench.etl import corpus
    from etl.read import body_end

    texts = [a.text[: body_end(a.text)] for a in corpus(count)]
    runs = []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        list(extractor.nlp.pipe(texts, batch_size=8))
        runs.append((1000 * (time.perf_counter() - start) / len(texts), 1000 * (time.process_time() - cpu) / len(texts)))
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def corpus_graphs(count: int, extractor=None) -> list[tuple[str, Graph]]:
    """(name, graph) of every graph ingest validates for the seeds + synthetic articles."""
    from bench.etl import corpus
    from diplokg.config import load_config
    from diplokg.iris import Iris
    from diplokg.store import open_store
    from etl.ingest.run import Ingestor
    from etl.pipeline import Extractor
    from etl.validate import Validator

    extractor = extractor or Extractor()
    reference = Validator()
    seen: list[tuple[str, Graph]] = []

    def keep(graph: Graph):
        copy = Graph()
        for triple in graph:
            copy.add(triple)
        seen.append((_article_of(copy), copy))
        return reference.validate(graph)

    with tempfile.TemporaryDirectory(prefix="diplokg-bench-shacl-") as tmp:
        config = load_config({"store": str(Path(tmp) / "store")}, environ={})
        with open_store(config, writable=True) as store:
            ingestor = Ingestor(store, Iris(), validate=keep)
            for article in corpus(count):
                ingestor.add(extractor.extract(article))
            rejected = [str(r) for r in ingestor.summary.rejected]
    if rejected:
        log.info("ingest (pyshacl) rejected %d: %s", len(rejected), "; ".join(rejected[:3]))
    named, counts = [], {}
    for name, graph in seen:
        counts[name] = counts.get(name, 0) + 1
        named.append((name if counts[name] == 1 else f"{name} (derived again, #{counts[name]})", graph))
    return named


def _article_of(graph: Graph) -> str:
    from rdflib.namespace import DCTERMS

    ids = sorted(str(o) for o in graph.objects(None, DCTERMS.identifier))
    return ids[0] if ids else "(no article)"


def differences(name: str, ours, theirs) -> list[str]:
    """How two reports of one graph differ (empty when they are equal)."""
    if ours == theirs:
        return []
    out = [f"{name}: verdict pyshacl={ours.conforms} rudof={theirs.conforms}"] if ours.conforms != theirs.conforms else []
    p = {(v.focus, v.path, v.message, v.severity, v.value) for v in ours.violations}
    r = {(v.focus, v.path, v.message, v.severity, v.value) for v in theirs.violations}
    out += [f"{name}: only pyshacl: {v}" for v in sorted(p - r, key=str)]
    out += [f"{name}: only rudof: {v}" for v in sorted(r - p, key=str)]
    if not out:  # same set, other multiplicity or order
        out.append(f"{name}: same results, other multiplicity or order")
    return out


def compare(graphs: list[tuple[str, Graph]], pyshacl, rudof) -> dict:
    """Validate each graph with both engines; verdict counts and every difference."""
    diffs: list[str] = []
    violating = 0
    for name, graph in graphs:
        ours, theirs = pyshacl.validate(graph), rudof.validate(graph)
        violating += not ours.conforms
        diffs += differences(name, ours, theirs)
    return {"graphs": len(graphs), "violating_pyshacl": violating, "differences": diffs}


def _timed_ms(validate: Callable[[Graph], object], graphs: list[Graph]) -> tuple[float, float]:
    """(wall, CPU) ms per graph; CPU is the process's, rudof's worker threads included."""
    start, cpu = time.perf_counter(), time.process_time()
    for graph in graphs:
        validate(graph)
    return (1000 * (time.perf_counter() - start) / len(graphs), 1000 * (time.process_time() - cpu) / len(graphs))


def timing(graphs: list[Graph], pyshacl, rudof, repeat: int) -> dict:
    """ms per graph of each engine, wall and CPU, medians of ``repeat`` runs (alternating which
    goes first). CPU time is the figure least bent by the other processes of a shared machine."""
    runs: dict[str, list[tuple[float, float]]] = {"pyshacl": [], "rudof": []}
    engines = {"pyshacl": pyshacl.validate, "rudof": rudof.validate}
    for i in range(repeat):
        for name in (("pyshacl", "rudof") if i % 2 == 0 else ("rudof", "pyshacl")):
            runs[name].append(_timed_ms(engines[name], graphs))
    medians = {name: statistics.median(w for w, _ in times) for name, times in runs.items()}
    cpu = {name: statistics.median(c for _, c in times) for name, times in runs.items()}
    return {"runs_wall_cpu_ms": runs, "median_ms": medians, "median_cpu_ms": cpu,
            "ratio_rudof_over_pyshacl": medians["rudof"] / medians["pyshacl"],
            "cpu_ratio_rudof_over_pyshacl": cpu["rudof"] / cpu["pyshacl"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100, help="seeds + synthetic articles in all")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("etl").setLevel(logging.WARNING)
    import pyrudof

    from etl.validate import Validator, needs_reference

    t = time.perf_counter()
    pyshacl, rudof = Validator(engine="pyshacl"), Validator(engine="rudof")
    setup_s = time.perf_counter() - t
    alone = Validator(engine="rudof", fallback=False)  # no graph left to pyshacl
    from etl.pipeline import Extractor

    extractor = Extractor()
    corpus = corpus_graphs(args.articles, extractor)
    fixtures = fixture_graphs()
    for _, graph in corpus[:2]:  # warm both engines (pyshacl harvests the shapes on first use)
        pyshacl.validate(graph), rudof.validate(graph)
    load = os.getloadavg()
    timed = timing([g for _, g in corpus], pyshacl, rudof, args.repeat)
    by_rudof = [g for _, g in fixtures if not needs_reference(g)]
    timed_fixtures = timing(by_rudof, pyshacl, rudof, args.repeat)
    nlp, nlp_cpu = nlp_ms(extractor, args.articles, args.repeat)
    load_after = os.getloadavg()
    report = {
        "articles": args.articles,
        "corpus_graphs": len(corpus),
        "triples_per_graph": statistics.median(len(g) for _, g in corpus),
        "repeat": args.repeat,
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "load_average_before_after": [round(x, 2) for x in (*load, *load_after)],
        "versions": {"pyrudof": pyrudof.__version__ if hasattr(pyrudof, "__version__") else "?",
                     "pyshacl": __import__("pyshacl").__version__},
        "validators_setup_s": round(setup_s, 3),
        "timing": timed,
        "timing_fixtures_rudof_runs": {"graphs": len(by_rudof), **timed_fixtures},
        "nlp_pipe_ms_per_article": {"wall": nlp, "cpu": nlp_cpu},
        "shacl_over_nlp": {k: v / nlp for k, v in timed["median_ms"].items()},
        "shacl_over_nlp_cpu": {k: v / nlp_cpu for k, v in timed["median_cpu_ms"].items()},
        "corpus_left_to_pyshacl": sum(needs_reference(g) for _, g in corpus),
        "corpus_comparison": compare(corpus, pyshacl, rudof),
        "fixture_comparison": compare(fixtures, pyshacl, rudof),
        "fixtures_left_to_pyshacl": [name for name, g in fixtures if needs_reference(g)],
        "fixture_comparison_rudof_alone": compare(fixtures, pyshacl, alone),
    }
    m, c = timed["median_ms"], timed["median_cpu_ms"]
    log.info("%d graphs (median %d triples), medians of %d runs, load %s", len(corpus),
             report["triples_per_graph"], args.repeat, report["load_average_before_after"])
    log.info("| | ms/graph (wall) | ms/graph (CPU) |\n|---|---|---|\n| pyshacl %s | %.2f | %.2f |\n"
             "| pyrudof %s | %.2f | %.2f |\n| ratio rudof/pyshacl | %.3f | %.3f |",
             report["versions"]["pyshacl"], m["pyshacl"], c["pyshacl"], report["versions"]["pyrudof"],
             m["rudof"], c["rudof"], timed["ratio_rudof_over_pyshacl"], timed["cpu_ratio_rudof_over_pyshacl"])
    f, fc = timed_fixtures["median_ms"], timed_fixtures["median_cpu_ms"]
    log.info("fixtures rudof runs (%d graphs, most violating): pyshacl %.2f / %.2f ms, rudof %.2f / %.2f ms "
             "(wall / CPU), ratio %.3f / %.3f", len(by_rudof), f["pyshacl"], fc["pyshacl"], f["rudof"], fc["rudof"],
             timed_fixtures["ratio_rudof_over_pyshacl"], timed_fixtures["cpu_ratio_rudof_over_pyshacl"])
    log.info("bare nlp.pipe: %.2f / %.2f ms/article (wall / CPU); SHACL/NLP: pyshacl %.2f / %.2f, rudof %.2f / %.2f",
             nlp, nlp_cpu, m["pyshacl"] / nlp, c["pyshacl"] / nlp_cpu, m["rudof"] / nlp, c["rudof"] / nlp_cpu)
    log.info("left to pyshacl by the rudof engine: %d corpus graphs; fixtures %s",
             report["corpus_left_to_pyshacl"], report["fixtures_left_to_pyshacl"])
    for part in ("corpus_comparison", "fixture_comparison", "fixture_comparison_rudof_alone"):
        c = report[part]
        log.info("%s: %d graphs, %d violating (pyshacl), %d differences", part, c["graphs"],
                 c["violating_pyshacl"], len(c["differences"]))
        for line in c["differences"]:
            log.info("  %s", line)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    differing = report["corpus_comparison"]["differences"] + report["fixture_comparison"]["differences"]  # rudof alone: known
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main())
