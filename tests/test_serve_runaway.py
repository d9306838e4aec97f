"""Runaway queries under `diplokg serve`: 503 at the deadline or memory cap, others still served."""

from __future__ import annotations

import http.client
import json
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sparql_support import GRAPHS, Server, build_store, filler_graph

pytestmark = pytest.mark.slow

TIMEOUT = 2.0
MARGIN = 1.0
CARTESIAN_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
CARTESIAN_SORTED = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY ?c ?f ?i ?l"
SIMPLE = "ASK { <https://w3id.org/diplokg/id/meeting/m1> ?p ?o }"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("runaway") / "store"
    build_store(path, {**GRAPHS, **filler_graph(2000)})
    return path


@pytest.fixture(scope="module")
def server(store_path: Path) -> Iterator[Server]:
    with Server(store_path, store_path.parent / "server.log", workers=2, query_timeout=TIMEOUT) as running:
        yield running


def ask(server: Server, query: str, timeout: float = 30) -> tuple[int, dict, float]:
    """GET a query: status, JSON body, seconds taken."""
    started = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=timeout)
    conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": query}))
    response = conn.getresponse()
    body = json.loads(response.read())
    conn.close()
    return response.status, body, time.monotonic() - started


def test_runaway_query_is_503_within_the_limit_while_others_are_served(server: Server) -> None:
    outcome: dict[str, tuple[int, dict, float]] = {}
    runaway = threading.Thread(target=lambda: outcome.update(runaway=ask(server, CARTESIAN_COUNT)))
    runaway.start()
    time.sleep(0.3)
    simple_answers = []
    while runaway.is_alive():
        simple_answers.append(ask(server, SIMPLE))
        time.sleep(0.2)
    runaway.join()
    status, body, seconds = outcome["runaway"]
    assert status == 503
    assert body == {"error": "the query ran longer than the limit of 2 s and was stopped", "status": 503}
    assert TIMEOUT <= seconds < TIMEOUT + MARGIN
    assert len(simple_answers) >= 3
    assert all(s == 200 and b["boolean"] is True and t < 1.0 for s, b, t in simple_answers)
    after = [ask(server, SIMPLE) for _ in range(6)]
    assert all(s == 200 for s, _, _ in after)
    log = server.log_path.read_text()
    assert "killed to stop a request: the query ran longer than the limit of 2 s" in log


def test_runaway_answer_is_an_html_page_for_browsers(server: Server) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": CARTESIAN_COUNT}),
                 headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    response = conn.getresponse()
    body = response.read().decode()
    conn.close()
    assert response.status == 503
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert "<p>the query ran longer than the limit of 2 s and was stopped</p>" in body


def test_memory_hungry_query_is_stopped_at_the_cap(store_path: Path) -> None:
    with Server(store_path, store_path.parent / "memory.log", workers=1, query_timeout=30, query_memory_mb=400) as small:
        status, body, seconds = ask(small, CARTESIAN_SORTED)
        assert status == 503
        assert body["error"].startswith("the query used more memory than the limit of 400 MB and was stopped after ")
        assert seconds < 30
        deadline = time.monotonic() + 20
        while True:
            try:
                status, body, _ = ask(small, SIMPLE, timeout=5)
                break
            except (ConnectionError, TimeoutError):
                assert time.monotonic() < deadline, "no fresh worker"
                time.sleep(0.2)
        assert (status, body["boolean"]) == (200, True)


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--workers", "0"], "diplokg serve: error: --workers must be at least 1, not 0\n"),
     (["--port", "70000"], "diplokg serve: error: --port must be between 1 and 65535, not 70000\n")],
)
def test_serve_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    done = subprocess.run([sys.executable, "-m", "diplokg.cli", "--store", str(tmp_path), "serve", *args],
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 2
    assert done.stderr == message
