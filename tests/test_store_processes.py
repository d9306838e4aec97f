"""Across processes: readers keep answering while a writer ingests; a killed writer loses no article."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.synth import write_jsonl
from diplokg.config import load_config
from diplokg.iris import Iris
from diplokg.store import open_store

pytestmark = pytest.mark.slow

IRIS = Iris()
READER = r"""
import sys, time
from diplokg.config import load_config
from diplokg.store import open_store
config = load_config({"store": sys.argv[1]}, environ={})
query = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://w3id.org/diplokg/ontology#Article> }"
with open_store(config, writable=False) as store:
    while True:
        [(n,)] = list(store.query(query).rows())
        print(f"{time.time():.3f} {int(n)}", flush=True)
        if int(n) >= int(sys.argv[2]):
            break
        time.sleep(0.05)
"""


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("DIPLOKG_")}


def _ingest(store: Path, path: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "diplokg.cli", "--store", str(store), "ingest", "--no-progress",
                             str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())


def test_reader_answers_during_ingest_and_sees_new_articles_without_restart(tmp_path):
    store = tmp_path / "store"
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    write_jsonl(str(first), 3, seed=1)
    write_jsonl(str(second), 20, seed=2)
    done = subprocess.run([sys.executable, "-m", "diplokg.cli", "--store", str(store), "ingest", str(first)],
                          capture_output=True, text=True, env=_env(), timeout=300)
    assert done.returncode == 0, done.stderr
    reader = subprocess.Popen([sys.executable, "-c", READER, str(store), "23"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=_env())
    time.sleep(3)
    started = time.time()
    writer = _ingest(store, second)
    out, err = writer.communicate(timeout=600)
    finished = time.time()
    assert writer.returncode == 0, err
    assert out.startswith("20 articles read, 20 accepted")
    answers, reader_err = reader.communicate(timeout=60)
    assert reader.returncode == 0, reader_err
    seen = [(float(t), int(n)) for t, n in (line.split() for line in answers.splitlines())]
    during = [n for t, n in seen if started < t < finished]
    assert len(during) > 10 and set(during) <= {3, 23}
    assert seen[0][1] == 3 and seen[-1][1] == 23
    assert [n for _, n in seen] == sorted(n for _, n in seen)


def test_sigkill_during_ingest_leaves_every_article_complete_or_absent(tmp_path):
    from etl.ingest.run import run_ingest
    from etl.pipeline import Extractor
    from etl.read import read_paths

    articles = tmp_path / "a.jsonl"
    write_jsonl(str(articles), 300, seed=3)
    store = tmp_path / "killed"
    writer = _ingest(store, articles)
    for line in writer.stderr:
        if line.startswith("100 articles"):
            break
    time.sleep(0.3)
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    writer.stdout.close()
    writer.stderr.close()
    assert writer.returncode == -signal.SIGKILL

    config = load_config({"store": str(store)}, environ={})
    with open_store(config, writable=True):
        pass  # the next writer publishes what the killed one had not
    with open_store(config, writable=False) as killed:
        stored = {g: set(killed.graph_triples(g)) for g in killed.graphs()}
    ids = [g for g in stored if g != IRIS.ontology_graph]
    assert 100 <= len(ids) < 300

    reference = load_config({"store": str(tmp_path / "reference")}, environ={})
    lines = articles.read_text(encoding="utf-8").splitlines(keepends=True)
    prefix = tmp_path / "prefix.jsonl"
    prefix.write_text("".join(lines[: len(ids) + 1]), encoding="utf-8")
    with open_store(reference, writable=True) as ref:
        run_ingest(read_paths([str(prefix)]), ref, IRIS, extractor=Extractor())
        expected = {g: set(ref.graph_triples(g)) for g in ref.graphs()}
    first_ids = sorted(expected)
    assert set(ids) <= set(first_ids)
    for graph in ids:
        assert stored[graph] == expected[graph], graph

    done = subprocess.run([sys.executable, "-m", "diplokg.cli", "--store", str(store), "validate"],
                          capture_output=True, text=True, env=_env(), timeout=600)
    assert (done.returncode, done.stdout) == (0, f"store: {len(ids)} article graphs conform\n")
