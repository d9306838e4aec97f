"""``diplokg ingest --cluster``: extraction, validation and reasoning on a real Dask cluster,
the same store as serially.

A 2-worker local cluster (``local:2``) into the embedded store and into an ``oxigraph
serve`` store, and a scheduler started here whose only worker is killed mid-run and
another worker joins.
The corpus holds gold pairs of articles that report one meeting (some naming a person by
family name only), so the client both stores workers' triples as they are and derives
articles again itself.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib.compare import isomorphic

from bench.synth import write_jsonl
from diplokg.resources import SEEDS_DIR
from bench import triplestores
from tests.test_ingest import PAIRED, paired_articles

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent
SYNTHETIC = 16
ARTICLES = SYNTHETIC + 4 + len(PAIRED)


def _env(extra: dict[str, str]) -> dict[str, str]:
    return {**{k: v for k, v in os.environ.items() if not k.startswith("DIPLOKG_")}, **extra}


def _ingest(corpus: list[str], env: dict[str, str], *options: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "diplokg"), "ingest", *corpus, "--no-progress", *options], env=_env(env),
                          capture_output=True, text=True, timeout=600)


def _export(env: dict[str, str], out: Path) -> dict[str, object]:
    done = subprocess.run([str(BIN / "diplokg"), "export", "-o", str(out)], env=_env(env),
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return triplestores.export_graphs(out)


def _same(a: dict, b: dict) -> list[str]:
    """The graphs in which two exports differ (none when the stores are the same)."""
    return sorted(set(a) ^ set(b)) + [g for g in a if g in b and not isomorphic(a[g], b[g])]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[str]:
    root = tmp_path_factory.mktemp("corpus")
    path = root / "synthetic.jsonl"
    write_jsonl(str(path), SYNTHETIC, seed=7)
    return [str(SEEDS_DIR), str(path), str(paired_articles(root / "paired"))]


@pytest.fixture(scope="module")
def serial(corpus, tmp_path_factory):
    """The reference: a serial ingest (--jobs 1) into an embedded store; its summary and export."""
    root = tmp_path_factory.mktemp("serial")
    env = {"DIPLOKG_STORE": str(root / "store")}
    done = _ingest(corpus, env, "--jobs", "1")
    assert done.returncode == 0, done.stderr
    return done, _export(env, root / "export.nq")


def _counts(done: subprocess.CompletedProcess) -> str:
    return done.stdout.strip().splitlines()[-1].rsplit(",", 1)[0]  # the summary without its seconds


def _derivations(done: subprocess.CompletedProcess) -> tuple[int, int]:
    """(used as the workers derived them, derived again in the client), from the -v log."""
    found = re.findall(r"worker derivations: (\d+) used as derived, (\d+) derived again in the client", done.stderr)
    assert len(found) == 1, done.stderr[-2000:]
    return int(found[0][0]), int(found[0][1])


def test_a_local_cluster_ingest_is_the_serial_store(corpus, serial, tmp_path):
    env = {"DIPLOKG_STORE": str(tmp_path / "store")}
    done = _ingest(corpus, env, "--cluster", "local:2")
    assert done.returncode == 0, done.stderr
    assert _counts(done) == _counts(serial[0])
    assert f"{ARTICLES} articles read, {ARTICLES} accepted, 0 rejected" in done.stdout
    assert "distributed." not in done.stderr  # Dask's own INFO lines stay out of the progress
    assert _same(_export(env, tmp_path / "export.nq"), serial[1]) == []


def test_a_local_cluster_ingest_into_an_oxigraph_server_is_the_serial_store(corpus, serial, tmp_path):
    why = triplestores.available("oxigraph")
    if why:
        pytest.fail(f"cannot run the server: {why}")
    srv = triplestores.make("oxigraph", tmp_path)
    srv.start()
    try:
        done = _ingest(corpus, srv.env, "--cluster", "local:2", "-v")
        assert done.returncode == 0, done.stderr
        assert _counts(done) == _counts(serial[0])
        used, redone = _derivations(done)  # both paths were taken
        assert used > 0 and redone > 0 and used + redone == ARTICLES
        # the Dask workers validated with the setting's engine (auto: rudof, installed here)
        assert f"{ARTICLES} by rudof in the workers" in done.stderr
        assert _same(_export(srv.env, tmp_path / "export.nq"), serial[1]) == []
    finally:
        srv.stop()


def _held_tasks(address: str, deadline: float) -> tuple[str, int]:
    """The one worker of the scheduler at ``address`` and how many tasks it holds, as soon as it holds one."""
    from distributed import Client

    with Client(address, timeout=30) as client:
        while time.monotonic() < deadline:
            held = {worker: len(keys) for worker, keys in client.processing().items() if keys}
            if held:
                return next(iter(held.items()))
            time.sleep(0.05)
    raise AssertionError("no worker was given a task")


def test_a_worker_killed_mid_run_loses_no_article(corpus, serial, tmp_path):
    """The only worker is killed as soon as it holds tasks (before it can have built its
    pipeline); a worker that joins afterwards is given them and the store is the serial one."""
    dask = shutil.which("dask", path=str(BIN))
    assert dask, "the dask command (distributed) is missing"
    port = triplestores.free_port()
    address = f"tcp://127.0.0.1:{port}"
    procs: list[subprocess.Popen] = []
    ingest = None
    logs = open(tmp_path / "dask.log", "wb")

    def worker() -> subprocess.Popen:
        procs.append(subprocess.Popen([dask, "worker", address, "--nthreads", "1", "--no-nanny",
                                       "--no-dashboard", "--host", "127.0.0.1"],
                                      stdout=logs, stderr=subprocess.STDOUT))
        return procs[-1]

    try:
        procs.append(subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                       "--no-dashboard"], stdout=logs, stderr=subprocess.STDOUT))
        victim = worker()
        env = {"DIPLOKG_STORE": str(tmp_path / "store")}
        ingest = subprocess.Popen([str(BIN / "diplokg"), "ingest", *corpus, "--no-progress", "--cluster", address],
                                  env=_env(env), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        _, held = _held_tasks(address, time.monotonic() + 300)
        victim.kill()
        victim.wait(30)
        assert held >= 1 and ingest.poll() is None  # killed holding work, with the run still waiting on it
        worker()
        out, err = ingest.communicate(timeout=600)
        assert ingest.returncode == 0, err
        assert f"{ARTICLES} articles read, {ARTICLES} accepted, 0 rejected" in out
        assert _same(_export(env, tmp_path / "export.nq"), serial[1]) == []
    finally:
        for proc in [*([ingest] if ingest else []), *reversed(procs)]:
            if proc.poll() is None:
                proc.kill()
                proc.wait(30)
        for pipe in (ingest.stdout, ingest.stderr) if ingest else ():
            pipe.close()
        logs.close()


def test_a_cluster_that_cannot_be_reached_is_one_line_and_exit_2(corpus, tmp_path):
    address = f"tcp://127.0.0.1:{triplestores.free_port()}"
    env = {"DIPLOKG_STORE": str(tmp_path / "store"), "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "3s"}
    done = _ingest(corpus[:1], env, "--cluster", address)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines()[-1].startswith(f"diplokg ingest: error: cannot reach the Dask scheduler at {address}")
