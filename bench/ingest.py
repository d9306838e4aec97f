"""Ingest benchmark: synthetic articles through the whole pipeline into the embedded store.

``python -m bench.ingest --articles 1000 [--repeat 3] [--workdir DIR] [--json OUT]``

Reports articles/s, seconds per stage (NLP, extraction, resolve, RDF, SHACL, OWL RL, store),
the cost of publishing a snapshot and of a reader reopening it, the store's size on disk,
the peak RSS of the ingest (measured before the comparisons below allocate), the compiled
OWL RL rules against owlrl on ontology + article, and the store write and query stages
against rdflib's in-memory Dataset on the same triples, in the same run.

``python -m bench.ingest --ratio --articles 300 [--repeat 3]`` instead measures the whole
``diplokg ingest`` against bare ``nlp.pipe`` on the same texts, in the same run: for each
repeat, alternating, a process that reads the same files and only runs the extractor's own
spaCy pipeline (``etl.nlp.load_nlp``) with ``nlp.pipe`` over the article bodies, and the
``diplokg ingest`` command into a fresh store, at ``--jobs 1`` (``n_process=1``) and
``--jobs 2`` (``n_process=2``). Both are timed as whole processes (start-up and model load
included, wall clock) and from inside (the ingest's own seconds, the ``nlp.pipe`` loop
alone); medians over the repeats and their ratio (ingest / nlp.pipe).
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Dataset, URIRef

from bench.synth import write_jsonl
from diplokg.config import load_config
from diplokg.iris import Iris
from diplokg.resources import SEEDS_DIR
from diplokg.store import open_store

log = logging.getLogger(__name__)

IRIS = Iris()
PROGRESS_EVERY = 500
QUERIES = {
    "3-way join (meetings, participants, names)": """
        PREFIX dkg: <https://w3id.org/diplokg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?m ?name WHERE { ?m a dkg:Meeting ; dkg:participant ?p . ?p rdfs:label ?name }""",
    "text filter on labels": """
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?s ?l WHERE { ?s rdfs:label ?l FILTER(CONTAINS(?l, "Tanabe")) }""",
    "count per class": """
        SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c""",
    "lookup one person": """
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?p ?o WHERE { <https://w3id.org/diplokg/id/actor/aiko-tanabe> ?p ?o }""",
}


def _du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def _du_unique(path: Path) -> int:
    """Bytes on disk under ``path``, each file (inode) counted once."""
    seen: dict[int, int] = {}
    for f in path.rglob("*"):
        if f.is_file():
            st = f.stat()
            seen[st.st_ino] = st.st_size
    return sum(seen.values())


def _current_rss_mb(pid: int | str = "self") -> float:
    with open(f"/proc/{pid}/statm", encoding="ascii") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _children_rss_mb() -> list[float]:
    """RSS of this process's children (the ``--jobs`` workers), from /proc."""
    pids: list[str] = []
    for task in Path("/proc/self/task").iterdir():
        pids += (task / "children").read_text(encoding="ascii").split()
    sizes = []
    for pid in pids:
        try:
            sizes.append(round(_current_rss_mb(pid), 1))
        except OSError:  # ended meanwhile
            pass
    return sizes


def _memory_probe(store_dir: Path, *, full: bool) -> dict:
    """What grows: the process (RSS), Python's heap (allocated blocks; objects tracked by the
    collector, counted only when ``full``), the workers, and the store on disk (when ``full``)."""
    probe: dict = {"rss_mb": round(_current_rss_mb(), 1), "py_blocks": sys.getallocatedblocks(),
                   "workers_rss_mb": _children_rss_mb()}
    if full:
        probe["py_objects"] = len(gc.get_objects())
        primary = _du(store_dir / "primary")
        probe["primary_mb"] = round(primary / 1e6)
        # snapshots are hard links: count each file once, the part primary no longer holds
        probe["snapshots_extra_mb"] = round((_du_unique(store_dir) - primary) / 1e6)
    return probe


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ingest_run(articles: Path, store_dir: Path, jobs: int, progress_every: int = PROGRESS_EVERY) -> dict:
    """One full ingest into a fresh store; stage seconds, rate, publish and reopen costs."""
    from etl.ingest.run import run_ingest
    from etl.pipeline import Extractor
    from etl.read import read_paths

    config = load_config({"store": str(store_dir)}, environ={})
    extractor = Extractor()
    started = time.perf_counter()
    rss_every: list[tuple[int, float, float]] = []

    memory: list[dict] = []

    def checkpoint(summary) -> None:
        done = summary.accepted + len(summary.rejected)
        if done % progress_every == 0:
            rss_every.append((done, round(time.perf_counter() - started, 1), round(_current_rss_mb(), 1)))
            probe = {"articles": done, "s": rss_every[-1][1],
                     **_memory_probe(store_dir, full=done % (10 * progress_every) == 0),
                     "identity_answers": dict(summary.identity_queries)}
            memory.append(probe)
            print(f"# {done} articles, {rss_every[-1][1]} s, RSS {rss_every[-1][2]} MB; {json.dumps(probe)}",
                  file=sys.stderr, flush=True)

    with open_store(config, writable=True) as store:
        summary = run_ingest(read_paths([str(articles)]), store, IRIS, jobs=jobs, extractor=extractor,
                             on_article=checkpoint)
        t = time.perf_counter()
        store.publish()
        publish = time.perf_counter() - t
    t = time.perf_counter()
    with open_store(config, writable=False) as reader:
        reader.stats()
        reopen_and_count = time.perf_counter() - t
    return {
        "articles": summary.read, "accepted": summary.accepted, "rejected": len(summary.rejected),
        "triples": summary.triples, "seconds": summary.seconds,
        "articles_per_s": summary.read / summary.seconds,
        "stages": summary.stage_seconds, "publish_s": publish, "reader_open_and_stats_s": reopen_and_count,
        "store_mb": _du(store_dir / "primary") / 1e6, "peak_rss_mb": _peak_rss_mb(),
        "rss_mb_by_articles": rss_every, "memory": memory,
    }


def article_graphs(store_dir: Path) -> list[tuple[str, list]]:
    """The stored article graphs (IRI, triples), the data of the comparison."""
    config = load_config({"store": str(store_dir)}, environ={})
    with open_store(config, writable=False) as store:
        return [(g, list(store.graph_triples(g))) for g in store.graphs() if g != IRIS.ontology_graph]


def compare_stores(graphs: list[tuple[str, list]], workdir: Path) -> dict:
    """Write every article graph, then run the queries: Oxigraph on disk vs rdflib in memory."""
    config = load_config({"store": str(workdir / "compare")}, environ={})
    shutil.rmtree(workdir / "compare", ignore_errors=True)
    result: dict = {"write_s": {}, "queries_ms": {}}
    with open_store(config, writable=True) as store:
        t = time.perf_counter()
        for graph, triples in graphs:
            store.replace_graph(graph, triples)
        result["write_s"]["oxigraph"] = time.perf_counter() - t
        ds = Dataset(default_union=True)
        t = time.perf_counter()
        for graph, triples in graphs:
            g = ds.graph(URIRef(graph))
            g.remove((None, None, None))
            for triple in triples:
                g.add(triple)
        result["write_s"]["rdflib"] = time.perf_counter() - t
        for name, query in QUERIES.items():
            ox_times, rl_times, sizes = [], [], set()
            for _ in range(3):
                t = time.perf_counter()
                n_ox = sum(1 for _ in store.query(query).rows())
                ox_times.append(time.perf_counter() - t)
                t = time.perf_counter()
                n_rl = len(list(ds.query(query)))
                rl_times.append(time.perf_counter() - t)
                sizes.add((n_ox, n_rl))
            result["queries_ms"][name] = {"oxigraph": 1000 * statistics.median(ox_times),
                                          "rdflib": 1000 * statistics.median(rl_times), "rows": sorted(sizes)}
    return result


def compare_reasoning(articles: Path, sample: int) -> dict:
    """ms/article: the compiled rules vs owlrl on ontology + article, on the first articles."""
    from etl.pipeline import Extractor
    from etl.read import read_paths
    from etl.reason import Reasoner, ontology_closure
    from etl.to_rdf import facts_to_graph

    extractor = Extractor()
    graphs = []
    for item in read_paths([str(articles)]):
        graphs.append(facts_to_graph(extractor.extract(item), IRIS))
        if len(graphs) >= sample:
            break
    t = time.perf_counter()
    reasoner = Reasoner(ontology_closure())
    closure_s = time.perf_counter() - t
    t = time.perf_counter()
    compiled = [reasoner.infer(g) for g in graphs]
    compiled_ms = 1000 * (time.perf_counter() - t) / len(graphs)
    t = time.perf_counter()
    reference = [reasoner.infer_with_owlrl(set(g)) for g in graphs]
    owlrl_ms = 1000 * (time.perf_counter() - t) / len(graphs)
    return {"sample": len(graphs), "ontology_closure_s": closure_s, "compiled_ms": compiled_ms,
            "owlrl_ms": owlrl_ms, "identical": compiled == reference}


def bare_nlp(paths: list[str], processes: int) -> dict:
    """Only the extractor's spaCy pipeline over the article bodies the reader gives."""
    from etl.model import Article
    from etl.nlp import load_nlp
    from etl.read import body_end, read_paths

    nlp = load_nlp()
    texts = [a.text[: body_end(a.text)] for a in read_paths(paths) if isinstance(a, Article)]
    t = time.perf_counter()
    docs = sum(1 for _ in nlp.pipe(texts, n_process=processes))
    return {"docs": docs, "pipe_s": time.perf_counter() - t}


def _timed_process(cmd: list[str], env: dict) -> tuple[float, str]:
    t = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    return wall, done.stdout


def ratio_runs(paths: list[str], workdir: Path, repeat: int, jobs_list: tuple[int, ...] = (1, 2)) -> dict:
    """Alternate bare nlp.pipe and the whole ``diplokg ingest`` on the same files."""
    diplokg = str(Path(sys.executable).with_name("diplokg"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOKG_")}
    raw: dict[int, dict[str, list[float]]] = {j: {"nlp_wall": [], "ingest_wall": [], "nlp_pipe": [], "ingest_own": []}
                                              for j in jobs_list}
    for i in range(repeat):
        for jobs in jobs_list:
            wall, out = _timed_process([sys.executable, "-m", "bench.ingest", "--bare-nlp", str(jobs), *paths], env)
            inner = json.loads(out.strip().splitlines()[-1])
            raw[jobs]["nlp_wall"].append(wall)
            raw[jobs]["nlp_pipe"].append(inner["pipe_s"])
            store_dir = workdir / f"ratio-store-{jobs}"
            shutil.rmtree(store_dir, ignore_errors=True)
            wall, out = _timed_process([diplokg, "ingest", "--store", str(store_dir), "--jobs", str(jobs),
                                        "--no-progress", *paths], env)
            line = out.strip().splitlines()[-1]
            raw[jobs]["ingest_wall"].append(wall)
            raw[jobs]["ingest_own"].append(float(line.rsplit(",", 1)[1].split()[0]))
            print(f"# repeat {i + 1} jobs {jobs}: nlp.pipe {raw[jobs]['nlp_wall'][-1]:.1f} s "
                  f"({inner['pipe_s']:.1f} s in the loop), ingest {wall:.1f} s ({raw[jobs]['ingest_own'][-1]:.1f} s "
                  f"its own); {line}; load {os.getloadavg()[0]:.2f}", file=sys.stderr, flush=True)
    result = {}
    for jobs, r in raw.items():
        med = {k: statistics.median(v) for k, v in r.items()}
        result[jobs] = {"runs": r, "median_s": med,
                        "ratio_wall": med["ingest_wall"] / med["nlp_wall"],
                        "ratio_inside": med["ingest_own"] / med["nlp_pipe"],
                        # each repeat's own ratio (its two runs a minute apart), the median of them:
                        # steadier on a shared machine than the ratio of the two medians
                        "ratio_wall_paired": statistics.median(i / n for i, n in zip(r["ingest_wall"], r["nlp_wall"])),
                        "ratio_inside_paired": statistics.median(i / n for i, n in zip(r["ingest_own"], r["nlp_pipe"]))}
    return result


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a JSON report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1, help="full ingest runs (medians reported)")
    parser.add_argument("--progress-every", type=int, default=PROGRESS_EVERY, metavar="N",
                        help="RSS and Python heap every N articles on stderr; the store on disk every 10 N")
    parser.add_argument("--reasoning-sample", type=int, default=20)
    parser.add_argument("--no-compare", action="store_true", help="skip the rdflib and owlrl comparisons")
    parser.add_argument("--compare-only", action="store_true",
                        help="only the comparisons, on the article graphs of WORKDIR/store-0 from an earlier run")
    parser.add_argument("--workdir", help="where the articles and stores go (default: a temporary directory)")
    parser.add_argument("--json", help="also write the report to this file")
    parser.add_argument("--ratio", action="store_true",
                        help="only the whole `diplokg ingest` against bare nlp.pipe, at --jobs 1 and 2")
    parser.add_argument("--bare-nlp", type=int, metavar="N", help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.bare_nlp:
        print(json.dumps(bare_nlp(args.paths, args.bare_nlp)))
        return 0
    logging.basicConfig(level=logging.WARNING)
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="diplokg-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    articles = workdir / f"synth-{args.articles}-{args.seed}.jsonl"
    if not articles.exists():
        write_jsonl(str(articles), args.articles, args.seed)
    if args.ratio:
        load = os.getloadavg()
        result = ratio_runs([str(SEEDS_DIR), str(articles)], workdir, args.repeat)
        report = {"articles": args.articles, "plus_seeds": True, "repeat": args.repeat, "cpus": os.cpu_count(),
                  "load_before": load, "load_after": os.getloadavg(), "jobs": result}
        print(json.dumps(report, indent=1))
        for jobs, r in result.items():
            m = r["median_s"]
            print(f"# jobs {jobs}: nlp.pipe {m['nlp_wall']:.1f} s ({m['nlp_pipe']:.1f} s in the loop), "
                  f"ingest {m['ingest_wall']:.1f} s ({m['ingest_own']:.1f} s its own): "
                  f"ratio {r['ratio_wall']:.2f} (processes), {r['ratio_inside']:.2f} (inside); median of the "
                  f"repeats' ratios {r['ratio_wall_paired']:.2f}, {r['ratio_inside_paired']:.2f}", file=sys.stderr)
        if args.json:
            Path(args.json).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
        return 0
    runs = []
    for i in range(0 if args.compare_only else args.repeat):
        store_dir = workdir / f"store-{i}"
        shutil.rmtree(store_dir, ignore_errors=True)
        runs.append(ingest_run(articles, store_dir, args.jobs, args.progress_every))
        print(json.dumps(runs[-1]), flush=True)
    report: dict = {"articles": args.articles, "jobs": args.jobs, "cpus": os.cpu_count(), "runs": runs}
    if runs:
        report["median_articles_per_s"] = statistics.median(r["articles_per_s"] for r in runs)
        report["median_stages"] = {k: statistics.median(r["stages"][k] for r in runs) for k in runs[0]["stages"]}
    if not args.no_compare:
        report["store_comparison"] = compare_stores(article_graphs(workdir / "store-0"), workdir)
        report["reasoning"] = compare_reasoning(articles, args.reasoning_sample)
    text = json.dumps(report, indent=1)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
