"""``diplokg serve`` on a remote store (a real ``oxigraph serve``) keeps its safety properties.

The query workers may open TCP connections to the store's port only (Landlock) and no other
socket (seccomp); SERVICE is refused before a query is sent (the store's own server would
federate it); the endpoint stays read-only, row-capped and size-limited.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import socket
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from diplokg.resources import SEEDS_DIR
from server.sandbox import SandboxUnavailable, forbid_sockets_but_store
from bench import triplestores
from tests.sparql_support import Server

pytestmark = pytest.mark.slow
DIPLOKG = str(Path(sys.executable).with_name("diplokg"))


def _env(extra: dict[str, str]) -> dict[str, str]:
    return {**{k: v for k, v in os.environ.items() if not k.startswith("DIPLOKG_")}, **extra}


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    """An Oxigraph server holding the seeds, ingested through diplokg."""
    why = triplestores.available("oxigraph")
    if why:
        pytest.fail(f"cannot run the server: {why}")
    srv = triplestores.make("oxigraph", tmp_path_factory.mktemp("oxigraph"))
    srv.start()
    try:
        done = subprocess.run([DIPLOKG, "ingest", str(SEEDS_DIR), "--no-progress"], env=_env(srv.env),
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="module")
def served(oxigraph, tmp_path_factory):
    """``diplokg serve`` (sandboxed workers, the lexical guard off) on the Oxigraph server."""
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with Server(oxigraph.store, log, workers=1, max_rows=5, service_guard="false", max_query_bytes=2000) as srv:
        yield srv


def _get(served, query: str) -> tuple[int, str]:
    url = served.url + "/sparql?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_the_endpoint_answers_from_the_remote_store_through_the_sandbox(served):
    status, body = _get(served, "SELECT (COUNT(*) AS ?n) WHERE { ?m a dkg:Meeting }")
    assert status == 200, body
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) > 0


def test_service_is_refused_even_with_the_lexical_guard_off(served, oxigraph):
    target = f"http://127.0.0.1:{oxigraph.port}/query"  # a SERVICE the store server itself could run
    status, body = _get(served, f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}")
    assert status == 403, body
    assert "SERVICE" in body


def test_updates_are_refused(served):
    status, _ = _get(served, "INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert status in (400, 403)


def test_the_row_cap_and_the_size_limit_hold(served):
    status, body = _get(served, "SELECT ?s WHERE { ?s ?p ?o }")
    assert status == 200
    assert len(json.loads(body)["results"]["bindings"]) == 5
    status, _ = _get(served, "SELECT * WHERE { ?s ?p ?o } # " + "x" * 3000)
    assert status == 413


def _probe(allowed: int, other: int, out) -> None:
    try:
        forbid_sockets_but_store(allowed)
    except SandboxUnavailable as exc:
        out.send(("unavailable", str(exc)))
        return
    results = []
    for port in (allowed, other):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=5).close()
            results.append("connected")
        except PermissionError:
            results.append("refused")
    try:
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM).close()
        results.append("udp")
    except PermissionError:
        results.append("no udp")
    out.send(tuple(results))


def test_a_sandboxed_worker_reaches_the_store_port_and_no_other():
    listeners = [socket.create_server(("127.0.0.1", 0)) for _ in range(2)]
    try:
        allowed, other = (s.getsockname()[1] for s in listeners)
        parent, child = multiprocessing.get_context("fork").Pipe()
        proc = multiprocessing.get_context("fork").Process(target=_probe, args=(allowed, other, child))
        proc.start()
        proc.join(30)
        result = parent.recv()
    finally:
        for s in listeners:
            s.close()
    if result[0] == "unavailable":
        pytest.fail(f"the kernel cannot sandbox a remote store's workers: {result[1]}")
    assert result == ("connected", "refused", "no udp")


def _page(served, path: str, accept: str) -> tuple[int, bytes]:
    request = urllib.request.Request(served.url + path, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.mark.parametrize("path, accept, expect", [
    ("/id/actor/toshimitsu-motegi", "text/html", b"Motegi"),
    ("/.well-known/void", "text/turtle", b"void:triples"),
    ("/export.nq", "application/n-quads", b"/graph/article/"),
])
def test_pages_dumps_and_void_come_from_the_remote_store(served, path, accept, expect):
    status, body = _page(served, path, accept)
    assert status == 200, body[:500]
    assert expect in body
