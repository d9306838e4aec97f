"""Issue 11, row by row: what a hostile client or a hostile input folder tries, against a real
``diplokg serve`` on 127.0.0.1 (and a real ``diplokg ingest``).

Clients that must be told apart (an attacker and a normal client) connect from different
loopback addresses (127.0.0.2, 127.0.0.3: all of 127.0.0.0/8 is this machine).
"""

from __future__ import annotations

import http.client
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from diplokg.config import load_config
from diplokg.errors import BadInput, DiplokgError, QueryRefused, QueryTooLarge
from diplokg.sparql_guard import check_query
from diplokg.store import open_store
from tests.sparql_support import GRAPHS, Server, build_store, filler_graph
from tests.test_sparql_service import Listener, aimed, mutations

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 3.0
SIMPLE = "ASK { <https://w3id.org/diplokg/id/meeting/m1> ?p ?o }"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
GLUED = {
    "SERVICESILENT:x": "PREFIX : <http://127.0.0.1:9/x?> SELECT * WHERE { SERVICESILENT:x{ ?s ?p ?o } }",
    "SERVICE:x": "PREFIX : <http://127.0.0.1:9/x?> SELECT * WHERE { SERVICE:x{ ?s ?p ?o } }",
    "SERVICEep:x": "PREFIX ep: <http://127.0.0.1:9/x?> SELECT * WHERE { SERVICEep:x{ ?s ?p ?o } }",
    "plain": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
}
ATTACKER, NORMAL = "127.0.0.2", "127.0.0.3"


# --- helpers ---------------------------------------------------------------------------------

def get(server: Server, path: str, source: str = "127.0.0.1", method: str = "GET", body: bytes | None = None,
        headers: dict[str, str] | None = None, timeout: float = 30) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=timeout, source_address=(source, 0))
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        data = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, data
    finally:
        conn.close()


def sparql(query: str) -> str:
    return "/sparql?" + urllib.parse.urlencode({"query": query})


def raw(server: Server, data: bytes, timeout: float = 30, source: str = "127.0.0.1") -> tuple[int, dict[str, str], bytes]:
    """Send raw bytes (in a thread, the server may answer before reading them all); read one answer."""
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=timeout, source_address=(source, 0))

    def send() -> None:
        try:
            sock.sendall(data)
        except OSError:
            pass  # the server answered and closed before reading everything

    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    received = b""
    try:
        while b"\r\n\r\n" not in received:
            chunk = sock.recv(65536)
            if not chunk:
                break
            received += chunk
        head, _, body = received.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
        length = int(headers.get("content-length", "0"))
        while len(body) < length:
            chunk = sock.recv(65536)
            if not chunk:
                break
            body += chunk
        return status, headers, body
    finally:
        sock.close()


def assert_error_shape(status: int, headers: dict[str, str], body: bytes, expected: int) -> dict:
    assert status == expected, body
    assert headers["content-type"] == "application/json"
    doc = json.loads(body)
    assert set(doc) == {"error", "status"} and doc["status"] == expected and doc["error"]
    assert_security_headers(headers)
    return doc


def assert_security_headers(headers: dict[str, str]) -> None:
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
    assert "'unsafe-inline'" not in csp
    assert headers["x-content-type-options"] == "nosniff"


# --- fixtures --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "store"
    build_store(path, {**GRAPHS, **filler_graph(2000)})
    return path


@pytest.fixture(scope="module")
def server(store_path: Path) -> Iterator[Server]:
    with Server(store_path, store_path.parent / "server.log", query_timeout=TIMEOUT, header_timeout=4,
                body_timeout=4) as running:
        yield running


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    found = Listener()
    yield found
    found.close()


# --- SERVICE ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["SERVICESILENT:x", "SERVICE:x", "SERVICEep:x"])
def test_service_glued_to_a_prefixed_name_is_refused_and_never_dials(server: Server, listener: Listener, name: str) -> None:
    before = listener.connections
    status, headers, body = get(server, sparql(aimed(GLUED[name], listener.port)))
    doc = assert_error_shape(status, headers, body, 403)
    assert doc["error"].startswith("SERVICE is not allowed")
    assert "rename" in doc["error"] or doc["error"] == "SERVICE is not allowed: this endpoint does not query other endpoints"
    time.sleep(0.2)
    assert listener.connections == before


@pytest.fixture(scope="module")
def unguarded(store_path: Path) -> Iterator[Server]:
    """A server with the lexical SERVICE guard turned off: only the kernel stands in the way."""
    with Server(store_path, store_path.parent / "unguarded.log", service_guard="false") as running:
        yield running


@pytest.mark.parametrize("name", list(GLUED))
def test_with_the_guard_off_the_kernel_refuses_the_engine_its_connection(
        unguarded: Server, store_path: Path, listener: Listener, name: str) -> None:
    query = aimed(GLUED[name], listener.port)
    # Control: the same query, run by the engine outside the sandbox, does dial the listener.
    before = listener.connections
    with open_store(load_config({"store": str(store_path)}, environ={}), writable=False) as store:
        try:
            list(store.query(query).rows())
        except (DiplokgError, OSError, RuntimeError):
            pass
    assert listener.connections > before, "control: the engine should dial without the sandbox"
    before = listener.connections
    status, headers, body = get(unguarded, sparql(query))
    if "SILENT" in name:  # SERVICE SILENT: the failed call is an empty solution, by the standard
        assert status == 200
        assert json.loads(body)["results"]["bindings"] == [{}]
    else:
        doc = assert_error_shape(status, headers, body, 403)
        assert doc["error"].startswith("the query tried to open a network connection, which this service's sandbox refuses")
        assert "Permission denied" in doc["error"]
        assert "the kernel refused a query a network connection" in unguarded.log_path.read_text()
    time.sleep(0.3)
    assert listener.connections == before


def test_a_mutation_fuzzer_finds_no_query_that_reaches_the_network(server: Server, listener: Listener) -> None:
    """1,200 mutations of dialling queries (spaces removed, fragments glued in, keyword case)."""
    before = listener.connections
    statuses: dict[int, int] = {}
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    for query in mutations(listener.port, 1200, seed=23):
        conn.request("GET", sparql(query))
        response = conn.getresponse()
        response.read()
        statuses[response.status] = statuses.get(response.status, 0) + 1
    conn.close()
    time.sleep(0.3)
    assert listener.connections == before
    assert 500 not in statuses, statuses
    assert statuses.get(403, 0) > 900, statuses


# --- slow and greedy clients -----------------------------------------------------------------

def test_slowloris_slow_bodies_and_runaway_queries_do_not_starve_a_normal_client(server: Server) -> None:
    stop = threading.Event()
    slow: list[socket.socket] = []
    for _ in range(64):  # 64 connections sending their headers one byte a second
        sock = socket.create_connection(("127.0.0.1", server.port), source_address=(ATTACKER, 0))
        sock.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n")
        slow.append(sock)
    body_sock = socket.create_connection(("127.0.0.1", server.port), source_address=(ATTACKER, 0))
    body_sock.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                      b"Content-Length: 1000\r\n\r\nASK")
    runaway_answers: list[int] = []

    def trickle() -> None:
        while not stop.wait(1.0):
            for sock in [*slow, body_sock]:
                try:
                    sock.send(b"X")
                except OSError:
                    pass

    def runaway() -> None:
        while not stop.is_set():
            try:
                status, _, _ = get(server, sparql(RUNAWAY), source=ATTACKER, timeout=30)
                runaway_answers.append(status)
            except OSError:
                runaway_answers.append(0)

    threads = [threading.Thread(target=trickle, daemon=True)] + [threading.Thread(target=runaway, daemon=True) for _ in range(2)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)
    latencies, failures = [], []
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10, source_address=(NORMAL, 0))
    deadline = time.monotonic() + 8
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            conn.request("GET", sparql(SIMPLE))
            response = conn.getresponse()
            data = response.read()
            if response.status != 200 or json.loads(data)["boolean"] is not True:
                failures.append(response.status)
        except OSError as exc:
            failures.append(repr(exc))
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10, source_address=(NORMAL, 0))
        latencies.append(time.monotonic() - started)
        time.sleep(0.05)
    conn.close()
    stop.set()
    for thread in threads:
        thread.join(timeout=30)
    # The slow connections were answered 408 at the header timeout (4 s), in our error shape.
    answered = 0
    for sock in [*slow, body_sock]:
        sock.settimeout(5)
        try:
            data = sock.recv(65536)
        except OSError:
            data = b""
        if data.startswith(b"HTTP/1.1 408 "):
            answered += 1
            assert b'"status": 408' in data
        sock.close()
    assert failures == []
    assert len(latencies) >= 30
    p99 = statistics.quantiles(latencies, n=100)[98]
    assert p99 < 1.0, f"p99 {p99:.3f} s over {len(latencies)} requests: {sorted(latencies)[-5:]}"
    assert runaway_answers.count(503) >= 2, runaway_answers
    assert answered == 65


def test_one_client_has_at_most_client_queries_running(server: Server) -> None:
    """Two runaway queries hold the attacker's two slots; a third of its requests waits its turn."""
    results: dict[str, float] = {}

    def run(name: str, query: str) -> None:
        started = time.monotonic()
        get(server, sparql(query), source=ATTACKER)
        results[name] = time.monotonic() - started

    threads = [threading.Thread(target=run, args=(f"runaway{i}", RUNAWAY)) for i in range(2)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)
    third = threading.Thread(target=run, args=("third", SIMPLE))
    third.start()
    status, _, _ = get(server, sparql(SIMPLE), source=NORMAL)
    assert status == 200
    for thread in [*threads, third]:
        thread.join(timeout=30)
    assert results["third"] >= TIMEOUT - 0.6  # it waited for a slot of its own client


# --- parser limits ---------------------------------------------------------------------------

@pytest.mark.parametrize("how", ["get", "post"])
def test_nesting_3000_deep_is_400_and_no_worker_dies(server: Server, how: str) -> None:
    query = "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000
    if how == "get":
        status, headers, body = get(server, sparql(query))
    else:
        status, headers, body = get(server, "/sparql", method="POST", body=query.encode(),
                                    headers={"Content-Type": "application/sparql-query"})
    doc = assert_error_shape(status, headers, body, 400)
    assert doc["error"] == ("the query is nested more than 128 levels deep (brackets and operators), "
                            "more than this endpoint parses: flatten it")
    assert get(server, sparql(SIMPLE))[0] == 200
    assert "ended unexpectedly" not in server.log_path.read_text()


_ENGINE = """
import sys, pyoxigraph as ox
store = ox.Store()
for i, line in enumerate(sys.stdin):
    print(i, flush=True)
    try:
        list(store.query(line.encode().decode("unicode_escape")))
    except Exception:
        pass
print("done", flush=True)
"""

_SHAPES = (
    lambda n: "{" * n + " ?s ?p ?o " + "}" * n,
    lambda n: "{ ?s ?p ?o FILTER(" + "(" * n + "?o" + ")" * n + ") }",
    lambda n: "{ ?s ?p ?o FILTER(" + "!" * n + "?o) }",
    lambda n: "{ ?s ?p ?o " + "OPTIONAL { ?s ?p ?o " * n + "}" * n + " }",
    lambda n: "{ ?s ?p ?o FILTER(" + " || ".join(["?o"] * n) + ") }",
    lambda n: "{ ?s ?p ?o FILTER(?o" + " + 1" * n + ") }",
    lambda n: "{ ?s " + "(" * n + "<http://x/p>" + ")" * n + " ?o }",
    lambda n: "{ SELECT * WHERE " * n + "{ ?s ?p ?o }" + " }" * n,
    lambda n: "{ ?s ?p ?a FILTER(?a<" + "(" * n + "1" + ")" * n + ">2) }",
)


def _run_engine(queries: list[str]) -> list[int]:
    """Indexes of the queries that crash the engine, each run in a fresh engine process."""
    crashed, start = [], 0
    while start < len(queries):
        lines = "".join(q.encode("unicode_escape").decode() + "\n" for q in queries[start:])
        done = subprocess.run([sys.executable, "-c", _ENGINE], input=lines, capture_output=True, text=True, timeout=600)
        seen = done.stdout.split()
        if done.returncode == 0 and seen and seen[-1] == "done":
            return crashed
        last = int(seen[-1]) if seen and seen[-1].isdigit() else 0
        crashed.append(start + last)
        start += last + 1
    return crashed


def test_fuzz_the_depth_scan_against_the_engine() -> None:
    """Random deep and long queries: none the scan lets through crashes the engine (run in a
    subprocess, so that a crash is observed, not suffered); control: refused ones do crash it."""
    rng = random.Random(17)
    passed, refused = [], []
    for _ in range(240):
        shape = rng.choice(_SHAPES)
        n = int(10 ** rng.uniform(1, 4.3))
        query = "SELECT * WHERE " + shape(n)
        if rng.random() < 0.3:  # glue in noise
            where = rng.randrange(len(query))
            query = query[:where] + rng.choice(("#c\n", " ", "'x'", '"y"', "<http://x/>", "1")) + query[where:]
        try:
            check_query(query, max_bytes=100_000)
            passed.append(query)
        except (BadInput, QueryTooLarge):
            refused.append(query)
        except QueryRefused:
            pass
    assert passed and refused
    assert _run_engine(passed) == []
    deep = [q for q in refused if 9000 < len(q) <= 100_000][:12]
    assert _run_engine(deep), "control: some refused queries should crash the engine"


# --- request line, headers, malformed requests -----------------------------------------------

def test_a_20_mb_request_line_is_414(server: Server) -> None:
    line = b"GET /sparql?query=" + b"A" * (20 * 1024 * 1024) + b" HTTP/1.1\r\nHost: x\r\n\r\n"
    status, headers, body = raw(server, line)
    doc = assert_error_shape(status, headers, body, 414)
    assert doc["error"] == "the request line is longer than 65536 bytes: send long queries in a POST body"
    assert get(server, sparql(SIMPLE))[0] == 200


def test_huge_headers_are_431(server: Server) -> None:
    request = b"GET /healthz HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-Filler-%d: %s\r\n" % (i, b"v" * 1000) for i in range(60)) + b"\r\n"
    status, headers, body = raw(server, request)
    assert_error_shape(status, headers, body, 431)
    many = b"GET /healthz HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-%d: v\r\n" % i for i in range(150)) + b"\r\n"
    status, headers, body = raw(server, many)
    assert_error_shape(status, headers, body, 431)


MALFORMED = {
    "blank default graph": (b"GET /sparql?query=ASK%7B%7D&default-graph-uri=%20x HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    "bracketed named graph": (b"GET /sparql?query=ASK%7B%7D&named-graph-uri=%3Cx%3E HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    "relative default graph": (b"GET /sparql?query=ASK%7B%7D&default-graph-uri=x HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    "chunk size not hex": (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                           b"Transfer-Encoding: chunked\r\n\r\nzz\r\nASK {}\r\n0\r\n\r\n", 400),
    "chunk size too short": (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                             b"Transfer-Encoding: chunked\r\n\r\n2\r\nASK {}\r\n0\r\n\r\n", 400),
    "query not UTF-8": (b"GET /sparql?query=ASK%7B%FF%7D HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    "form not UTF-8": (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                       b"Content-Length: 12\r\n\r\nquery=ASK\xff{}", 400),
    "bad Content-Length": (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                           b"Content-Length: ten\r\n\r\nASK {}", 400),
    "not HTTP": (b"HELLO THERE\r\n\r\n", 400),
    "header without colon": (b"GET /healthz HTTP/1.1\r\nHost x\r\n\r\n", 400),
    "page not a number": (b"GET /id/actor/motegi?page=abc HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n\r\n", 400),
    "page zero": (b"GET /id/actor/motegi?page=0 HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n\r\n", 400),
    "two queries": (b"GET /sparql?query=ASK%7B%7D&query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    "unknown format": (b"GET /sparql?query=ASK%7B%7D&format=pdf HTTP/1.1\r\nHost: x\r\n\r\n", 406),
    "body too large": (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                       b"Content-Length: 99999999\r\n\r\n", 413),
    "syntax error": (b"GET /sparql?query=SELEC HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    "HTTP/2 preface": (b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 400),
}


@pytest.mark.parametrize("name", list(MALFORMED))
def test_malformed_requests_are_4xx_in_the_error_shape(server: Server, name: str) -> None:
    request, expected = MALFORMED[name]
    status, headers, body = raw(server, request)
    assert_error_shape(status, headers, body, expected)


def test_head_is_answered_like_get(server: Server) -> None:
    for path in (sparql(SIMPLE), "/sparql", "/healthz", "/", "/id/actor/motegi", "/export.nq"):
        got = get(server, path)
        head = get(server, path, method="HEAD")
        assert head[0] == got[0] == 200, path
        assert head[2] == b"", path
        assert head[1]["content-type"] == got[1]["content-type"], path
        if "content-length" in got[1]:
            assert head[1]["content-length"] == got[1]["content-length"], path


def _routes() -> list[str]:
    """A request path for every route of the app (and the endpoint mounted before it)."""
    from server import create_app

    samples = {"kind": "actor", "key": "motegi", "filename": "diplokg.css", "suffix": "nq"}
    paths = ["/sparql", sparql(SIMPLE)]
    for rule in create_app({"store": "unused"}).url_map.iter_rules():
        if "GET" not in rule.methods:
            continue
        path = rule.rule
        for name in rule.arguments:
            value = samples.get(name, "x")  # a route added later: any value; a 404 has the headers too
            path = path.replace(f"<{name}>", value).replace(f"<path:{name}>", value)
        path = re.sub(r"<[^>]+>", "x", path)
        paths.append(path)
    return sorted(set(paths))


@pytest.mark.parametrize("path", _routes())
def test_every_route_sends_the_security_headers(server: Server, path: str) -> None:
    status, headers, _ = get(server, path, headers={"Accept": "text/html"})
    assert status < 500
    assert_security_headers(headers)


def test_errors_of_the_front_send_the_security_headers_too(server: Server) -> None:
    status, headers, body = raw(server, b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: x\r\n\r\n")
    assert_error_shape(status, headers, body, 400)


# --- what held, and must keep holding ---------------------------------------------------------

def test_what_held_still_holds(server: Server) -> None:
    status, headers, body = get(server, sparql(RUNAWAY))
    doc = assert_error_shape(status, headers, body, 503)
    assert doc["error"] == "the query ran longer than the limit of 3 s and was stopped"
    status, headers, body = get(server, "/sparql", method="POST", body=b"#" * 100_001,
                                headers={"Content-Type": "application/sparql-query"})
    assert_error_shape(status, headers, body, 413)
    status, headers, body = get(server, "/sparql", method="POST", body=b"DROP ALL",
                                headers={"Content-Type": "application/sparql-update"})
    assert_error_shape(status, headers, body, 403)
    status, headers, body = get(server, "/id/actor/..%2F..%2Fetc%2Fpasswd")
    assert status == 404


# --- entity pages ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hub_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The endpoint benchmark's synthetic graph (about 1,700 articles): a country, an issue and
    a city with more meetings than one page shows."""
    from bench.endpoint import build

    root = tmp_path_factory.mktemp("hubs")
    build(root / "store", 120_000)
    with Server(root / "store", root / "server.log") as running:
        yield running


@pytest.mark.parametrize("path", ["/id/actor/japan", "/id/issue/issue-3", "/id/place/city-japan"])
def test_hub_pages_are_paginated(hub_server: Server, path: str) -> None:
    status, headers, body = get(hub_server, path, headers={"Accept": "text/html"})
    assert status == 200
    html = body.decode()
    found = re.search(r"Showing 1–50 of (\d+), page 1 of (\d+)\.", html)
    assert found, html[:2000]
    total, pages = int(found.group(1)), int(found.group(2))
    assert total > 50 and pages == -(-total // 50)
    assert html.count('<td class="date">') <= 50 * 2  # meetings, and at most as many more in other lists
    status, _, body = get(hub_server, f"{path}?page={pages}", headers={"Accept": "text/html"})
    assert status == 200
    assert f"of {total}, page {pages} of {pages}." in body.decode()


# --- ingest input ----------------------------------------------------------------------------

def _ingest(store: Path, *paths: Path, timeout: float = 600, **settings: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOKG_")}
    env.update({"DIPLOKG_" + k.upper(): v for k, v in settings.items()})
    return subprocess.run([sys.executable, "-m", "diplokg.cli", "--store", str(store), "ingest", "--no-progress",
                           *map(str, paths)], capture_output=True, text=True, timeout=timeout, env=env)


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess, Path]:
    root = tmp_path_factory.mktemp("input")
    folder = root / "news"
    folder.mkdir()
    seed = (ROOT / "seeds" / "000_adeb1c27dd2069d5.txt").read_text(encoding="utf-8")
    (folder / "good.txt").write_text(seed, encoding="utf-8")
    (folder / "good.json").write_text(json.dumps({"title": "Good", "url": "javascript:alert(1)"}), encoding="utf-8")
    os.mkfifo(folder / "fifo.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "inside.txt").symlink_to(folder / "good.txt")
    (folder / "big.txt").write_text("Tokyo talks. " * 150_000, encoding="utf-8")  # 1.95M characters
    (folder / "a\u202eb.txt").write_text(seed, encoding="utf-8")
    (folder / "x\u200by.txt").write_text(seed, encoding="utf-8")
    (folder / "more.jsonl").write_text(json.dumps({"id": "a\u2066b", "text": seed}) + "\n", encoding="utf-8")
    started = time.monotonic()
    done = _ingest(root / "store", folder)
    done.seconds = time.monotonic() - started  # type: ignore[attr-defined]
    return folder, done, root / "store"


def test_hostile_input_folder_is_rejected_line_by_line(hostile_folder) -> None:
    folder, done, _ = hostile_folder
    assert done.returncode == 1, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.startswith("rejected ")]
    by_file = {line.split(": ", 1)[0].removeprefix("rejected "): line.split(": ", 1)[1] for line in lines}
    assert by_file[str(folder / "fifo.txt")] == "not a regular file (a FIFO): not read"
    assert by_file[str(folder / "zero.txt")].startswith("a symbolic link to /dev/zero, outside ")
    assert by_file[str(folder / "passwd.txt")].startswith("a symbolic link to /etc/passwd, outside ")
    assert by_file[str(folder / "big.txt")] == "the article is over the limit of 200000 bytes (max_article_bytes)"
    assert by_file[str(folder / "a\u202eb.txt")].startswith(
        "article id contains control characters (U+202E RIGHT-TO-LEFT OVERRIDE)")
    assert by_file[str(folder / "x\u200by.txt")].startswith("article id contains control characters (U+200B ZERO WIDTH SPACE)")
    assert by_file[f"{folder / 'more.jsonl'}:1"].startswith("article id contains control characters (U+2066 LEFT-TO-RIGHT ISOLATE)")
    assert len(lines) == 7, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout.startswith("8 articles read, 1 accepted, 7 rejected"), done.stdout


def test_an_article_url_that_is_not_http_is_not_a_link(hostile_folder, tmp_path: Path) -> None:
    _, _, store = hostile_folder
    with Server(store, tmp_path / "server.log") as running:
        status, headers, body = get(running, "/id/article/good", headers={"Accept": "text/html"})
    assert status == 200
    html = body.decode()
    assert '<span class="url">javascript:alert(1)</span>' in html
    assert 'href="javascript:' not in html.lower()
    assert_security_headers(headers)


def _private_mount_namespace() -> list[str]:
    """The command prefix that runs a shell where mounting a tmpfs touches nothing outside:
    a user and mount namespace (any user, where the kernel allows them), else a mount namespace
    (root). util-linux's ``unshare`` is part of every Debian system (tests/run.sh checks it)."""
    tried = []
    for prefix in (["unshare", "--user", "--map-root-user", "--mount"], ["unshare", "--mount"]):
        if shutil.which(prefix[0]) is None:
            pytest.fail("unshare (util-linux) is missing: run tests/run.sh")
        probe = subprocess.run([*prefix, "true"], capture_output=True, text=True)
        if probe.returncode == 0:
            return prefix
        tried.append(f"{' '.join(prefix)}: {probe.stderr.strip()}")
    pytest.fail("no private mount namespace for the full-disk test (" + "; ".join(tried) + ")")


def test_a_full_disk_during_ingest_is_one_line(tmp_path: Path) -> None:
    """Ingest into a store on a 12 MB tmpfs (in a mount namespace of its own): a first article
    fits, then a batch fills the disk; one error line, and the first article survives."""
    namespace = _private_mount_namespace()
    seed = (ROOT / "seeds" / "000_adeb1c27dd2069d5.txt").read_text(encoding="utf-8")
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps({"id": "first", "text": seed}) + "\n", encoding="utf-8")
    articles = tmp_path / "many.jsonl"
    with articles.open("w", encoding="utf-8") as out:
        for i in range(400):
            out.write(json.dumps({"id": f"copy-{i}", "text": seed.replace("Motegi", f"Motegi{i}")}) + "\n")
    disk = tmp_path / "disk"
    disk.mkdir()
    cli = f'"{sys.executable}" -m diplokg.cli --store "{disk}/store"'
    script = (f'mount -t tmpfs -o size=12m tmpfs "{disk}" && {cli} ingest --no-progress "{first}" >/dev/null 2>&1 && '
              f'{{ {cli} ingest --no-progress "{articles}"; echo "exit=$?" >&2; {cli} stats >&2; }}')
    done = subprocess.run([*namespace, "sh", "-c", script],
                          capture_output=True, text=True, timeout=900, cwd=ROOT)
    errors = [line for line in done.stderr.splitlines() if "error" in line.lower() or "warning" in line.lower()]
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    assert len(errors) == 1, done.stderr[-3000:]
    assert re.fullmatch(r"diplokg ingest: error: cannot (write graph|publish a snapshot of) .*the disk is full.*", errors[0])
    assert "exit=1" in done.stderr
    assert re.search(r"^articles\t[1-9]", done.stderr, re.MULTILINE), done.stderr[-2000:]


# --- a remote store's own server -------------------------------------------------------------

def _oxigraph_answer(port: int, query: str) -> bytes:
    url = f"http://127.0.0.1:{port}/query?" + urllib.parse.urlencode({"query": query})
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", url[len(f"http://127.0.0.1:{port}"):])
    data = conn.getresponse().read()
    conn.close()
    return data


@pytest.mark.parametrize("sandboxed", [False, True])
def test_oxigraph_server_under_the_sandbox_cannot_dial(store_path: Path, listener: Listener, tmp_path: Path,
                                                        sandboxed: bool) -> None:
    """``python -m server.sandbox oxigraph serve ...``: it still answers queries, but SERVICE
    cannot reach a listener (control: without the sandbox it does)."""
    from diplokg.store.layout import Layout
    from tests.sparql_support import free_port

    oxigraph = Path(sys.executable).parent / "oxigraph"
    port = free_port()
    command = [str(oxigraph), "serve-read-only", "--location", str(Layout(store_path).current_snapshot()),
               "--bind", f"127.0.0.1:{port}"]
    if sandboxed:
        command = [sys.executable, "-m", "server.sandbox", "--", *command]
    log = open(tmp_path / "oxigraph.log", "wb")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                assert b'"boolean":true' in _oxigraph_answer(port, "ASK { ?s ?p ?o }")
                break
            except OSError:
                assert time.monotonic() < deadline and process.poll() is None, (tmp_path / "oxigraph.log").read_text()
                time.sleep(0.2)
        before = listener.connections
        answer = _oxigraph_answer(port, aimed(GLUED["plain"], listener.port))
        time.sleep(0.3)
        if sandboxed:
            assert listener.connections == before
            assert b"Permission denied" in answer
        else:
            assert listener.connections > before
    finally:
        process.terminate()
        process.wait(timeout=15)
        log.close()
