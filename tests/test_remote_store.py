"""The remote store against real servers started here: ``oxigraph serve`` and Virtuoso 7.

For each server: the seeds and 200 synthetic articles are ingested while the server is
killed part-way (the ingest stops with one line naming the server), the server is started
again on the same database and the ingest re-run; then ``diplokg export`` must be the
embedded store's export (isomorphic graph by graph) and every cookbook query must give the
embedded store's rows.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import BNode, Literal
from rdflib.compare import isomorphic

from bench.synth import write_jsonl
from diplokg.config import load_config
from diplokg.errors import QueryRefused, QuerySyntaxError, StoreError, UsageError
from diplokg.iris import Iris
from diplokg.resources import SEEDS_DIR
from diplokg.store import open_store
from diplokg.store.remote import RemoteStore, endpoints
from server.cookbook import load_cookbook
from bench import triplestores

pytestmark = pytest.mark.slow
DIPLOKG = str(Path(sys.executable).with_name("diplokg"))
SYNTHETIC = 200  # the issue asks for the seeds and 200 synthetic articles on each server
PASSWORD_CANARY = "not-in-any-message-7f3a"


def _env(extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOKG_")}
    return {**env, **extra}


def _run(args: list[str], env: dict[str, str], timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([DIPLOKG, *args], env=_env(env), capture_output=True, text=True, timeout=timeout)


def _dataset(path: Path) -> dict[str, object]:
    return triplestores.export_graphs(path)


def _cell(value) -> str:
    """A result term as a comparable string: blank nodes as one placeholder, and the parts of
    a GROUP_CONCAT in sorted order (the order of its values is the engine's, SPARQL 1.1 §18.5.1.7)."""
    if value is None:
        return ""
    if isinstance(value, BNode):
        return "_:b"
    if isinstance(value, Literal) and ", " in value and value.datatype is None and not value.language:
        return ", ".join(sorted(str(value).split(", ")))
    return value.n3()


def _rows(store, sparql: str) -> list[tuple]:
    """A query's rows as sorted tuples of comparable strings."""
    return sorted(tuple(_cell(v) for v in row) for row in store.query(sparql).rows())


# Cookbook queries Virtuoso 7.2.5 answers differently from the SPARQL 1.1 semantics the
# embedded store follows (found by this test on the seeds and the synthetic articles; the queries are right):
VIRTUOSO_DEVIATIONS = {
    "02-meetings-of-a-person": "a FILTER inside OPTIONAL that names a variable bound outside it "
                               "(?other != ?person) never holds: the counterparts come back empty",
    "08-statements-by-organizations": "GROUP_CONCAT over no values is unbound, not the empty string",
    "10-issues-most-discussed": "refused: ORDER BY over aggregate aliases (?meetings + ?statements)",
    "14-quotes-timeline": "SELECT DISTINCT keeps equal rows whose OPTIONAL cells are unbound (two undated "
                          "statements of one quote by one speaker: the row twice)",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[str]:
    """The seeds and the synthetic articles (bench/synth.py)."""
    path = tmp_path_factory.mktemp("corpus") / "synthetic.jsonl"
    write_jsonl(str(path), SYNTHETIC, seed=13)
    return [str(SEEDS_DIR), str(path)]


@pytest.fixture(scope="module")
def embedded(corpus, tmp_path_factory):
    """The reference: the corpus ingested into an embedded store; (env, export path)."""
    root = tmp_path_factory.mktemp("embedded")
    env = {"DIPLOKG_STORE": str(root / "store")}
    done = _run(["ingest", *corpus, "--no-progress"], env)
    assert done.returncode == 0, done.stderr[-2000:]
    out = root / "export.nq"
    assert _run(["export", "-o", str(out)], env).returncode == 0
    return env, out


@pytest.fixture(scope="module", params=["oxigraph", "virtuoso"])
def server(request, tmp_path_factory):
    """A fresh server of each kind, stopped at the end (a failure saying why where it cannot run)."""
    why = triplestores.available(request.param)
    if why:
        pytest.fail(f"cannot run the server: {why}")
    srv = triplestores.make(request.param, tmp_path_factory.mktemp(request.param))
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


def _article_graphs(env: dict[str, str]) -> int:
    config = load_config(environ=env)
    store = RemoteStore(endpoints(config.store), Iris(config.base), writable=False, environ=env, retries=0)
    try:
        return sum(1 for g in store.graphs() if g.startswith(store.iris.article_graph_prefix))
    except StoreError:
        return 0
    finally:
        store.close()


@pytest.fixture(scope="module")
def ingested(server, corpus):
    """The corpus ingested into the server, which is killed after 30 articles and restarted
    before the ingest is run again: (first run, second run)."""
    env = {**server.env, "DIPLOKG_STORE_RETRIES": "1", "DIPLOKG_STORE_TIMEOUT": "10",
           "DIPLOKG_STORE_TOKEN": "", "DIPLOKG_LOG_LEVEL": "INFO"}
    proc = subprocess.Popen([DIPLOKG, "ingest", *corpus, "--no-progress"], env=_env(env),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    while _article_graphs(env) < 30 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.5)
    server.stop()
    out, err = proc.communicate(timeout=120)
    first = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    server.start()
    second = _run(["ingest", *corpus, "--no-progress"], env)
    return env, first, second


def test_an_ingest_stopped_by_the_server_failing_says_so_in_one_line(ingested, server):
    env, first, _ = ingested
    assert first.returncode == 1, first.stderr[-2000:]
    last = first.stderr.strip().splitlines()[-1]
    host = server.store.split("/")[2]
    assert last.startswith(f"diplokg ingest: error: the store server http://{host} is not answering"), last
    assert "Traceback" not in first.stderr
    assert "Authorization" not in first.stderr and "sparql-auth" not in last  # the server, not its paths


def test_the_ingest_run_again_completes_the_store(ingested, embedded, tmp_path):
    env, _, second = ingested
    assert second.returncode == 0, second.stderr[-2000:]
    assert f"{SYNTHETIC + 4} articles read, {SYNTHETIC + 4} accepted, 0 rejected" in second.stdout
    out = tmp_path / "remote.nq"
    done = _run(["export", "-o", str(out)], env)
    assert done.returncode == 0, done.stderr
    remote, local = _dataset(out), _dataset(embedded[1])
    assert sorted(remote) == sorted(local)  # no staging graph, no half-written article
    different = [g for g in local if not isomorphic(remote[g], local[g])]
    assert different == []


def test_every_cookbook_query_gives_the_embedded_stores_rows(ingested, embedded, server, monkeypatch):
    env, _, second = ingested
    assert second.returncode == 0
    for name in ("DIPLOKG_STORE_USER", "DIPLOKG_STORE_PASSWORD"):  # credentials: from the environment only
        if name in env:
            monkeypatch.setenv(name, env[name])
    recipes = load_cookbook()
    assert len(recipes) >= 16
    reader = {k: v for k, v in env.items() if k not in ("DIPLOKG_STORE_TIMEOUT", "DIPLOKG_STORE_RETRIES")}
    with open_store(load_config(environ=reader), writable=False) as remote, \
            open_store(load_config(environ=embedded[0]), writable=False) as local:
        for recipe in recipes:
            expected = _rows(local, recipe.sparql)
            if server.name == "virtuoso" and recipe.name in VIRTUOSO_DEVIATIONS:
                try:  # it runs (or is refused in one line), and still deviates
                    assert _rows(remote, recipe.sparql) != expected, f"{recipe.name}: Virtuoso now agrees"
                except QuerySyntaxError as refused:
                    assert str(refused).startswith("the store server rejected the query: Virtuoso")
                continue
            assert _rows(remote, recipe.sparql) == expected, recipe.name
            assert expected, f"{recipe.name} has no rows on the embedded store: nothing compared"


def test_stats_count_what_the_embedded_store_counts(ingested, embedded):
    env, _, _ = ingested
    remote, local = _run(["stats"], env), _run(["stats"], embedded[0])
    assert remote.returncode == 0, remote.stderr
    assert remote.stdout == local.stdout


@pytest.mark.parametrize("server", ["virtuoso"], indirect=True)
def test_virtuosos_anonymous_account_can_read_but_neither_federate_nor_write(ingested, server):
    """Defence in depth under diplokg's own SERVICE refusal: the account ``diplokg serve``
    reads through has SPARQL_SELECT_FED and SPARQL_UPDATE revoked."""
    import requests

    server.revoke_federation()
    endpoint = server.reader_env["DIPLOKG_STORE"]
    target = f"{server.url}/sparql"  # a SERVICE the server could run: itself
    sent = {"query": f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }} LIMIT 1"}
    answer = requests.post(endpoint, data=sent, headers={"Accept": "application/sparql-results+json"}, timeout=60)
    assert answer.status_code >= 400, answer.text[:500]
    assert "SECURITY: Must have select privileges on view DB.DBA.SPARQL_SINV" in answer.text, answer.text[:500]
    write = requests.post(endpoint, data={"update": "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }"},
                          timeout=60)
    assert write.status_code >= 400
    with open_store(load_config(environ=server.reader_env), writable=False) as store:
        assert store.stats().articles == SYNTHETIC + 4
        with pytest.raises(QueryRefused):
            store.query(sent["query"])


# --- without a server: what never leaves diplokg -------------------------------------------

def _nowhere() -> RemoteStore:
    """A store pointed at a port nobody listens on: any request would fail as StoreError."""
    url = f"http://127.0.0.1:{triplestores.free_port()}"
    return RemoteStore(endpoints(url), Iris(), writable=False, kind="standard", retries=0,
                       environ={"DIPLOKG_STORE_USER": "u", "DIPLOKG_STORE_PASSWORD": PASSWORD_CANARY})


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE SILENT <http://example.org/> { ?s ?p ?x } } }",
    "ASK { { SELECT ?s WHERE { SERVICE <http://example.org/> { ?s ?p ?o } } } }",
])
def test_service_is_refused_before_anything_is_sent(query):
    with pytest.raises(QueryRefused):
        _nowhere().query(query)


@pytest.mark.parametrize("query", ["SELECT * WHERE { ?s ?p }", "INSERT DATA { <a:b> <a:b> <a:b> }",
                                   "SELECT * WHERE { ?s undeclared:p ?o }"])
def test_a_query_that_does_not_parse_is_not_sent(query):
    with pytest.raises(QuerySyntaxError):
        _nowhere().query(query)


def test_a_query_that_parses_is_sent_and_a_server_that_is_down_is_named_without_credentials():
    store = _nowhere()
    with pytest.raises(StoreError) as caught:
        store.query("SELECT ?s WHERE { ?s a dkg:Meeting }")
    message = str(caught.value)
    assert message.startswith(f"the store server {store.points.server} is not answering (cannot connect")
    assert PASSWORD_CANARY not in message


def test_the_cli_reports_a_server_that_is_down_in_one_line():
    url = f"http://127.0.0.1:{triplestores.free_port()}"
    done = _run(["stats"], {"DIPLOKG_STORE": url, "DIPLOKG_STORE_RETRIES": "1",
                            "DIPLOKG_STORE_USER": "u", "DIPLOKG_STORE_PASSWORD": PASSWORD_CANARY})
    assert done.returncode == 1
    *retries, last = done.stderr.strip().splitlines()
    assert last == f"diplokg stats: error: the store server {url} is not answering (cannot connect, 2 attempts)"
    assert retries == [f"WARNING diplokg.store.remote: store server {url}: cannot connect; retrying in 0.5 s"]
    assert PASSWORD_CANARY not in done.stderr


def test_credentials_in_the_store_url_are_refused_without_repeating_them():
    with pytest.raises(UsageError) as caught:
        endpoints(f"http://user:{PASSWORD_CANARY}@127.0.0.1:7878")
    assert PASSWORD_CANARY not in str(caught.value)


def test_endpoints_follow_the_server_layout_and_the_settings():
    ox = endpoints("http://h:7878")
    assert (ox.query, ox.update, ox.graph) == ("http://h:7878/query", "http://h:7878/update", "http://h:7878/store")
    v = endpoints("http://h:8890/sparql", graph="http://h:8890/sparql-graph-crud-auth")
    assert (v.query, v.update, v.graph) == ("http://h:8890/sparql", "http://h:8890/sparql", "http://h:8890/sparql-graph-crud-auth")
    assert endpoints("http://h/x", query="http://q/query").query == "http://q/query"
