"""SERVICE is refused and never dials out: a listener on 127.0.0.1 records every connection."""

from __future__ import annotations

import http.client
import json
import socket
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from diplokg.config import load_config
from diplokg.store import open_store
from tests.sparql_support import Server, build_store
from tests.test_guard import SERVICE_QUERIES

pytestmark = pytest.mark.slow


class Listener:
    """A TCP listener on 127.0.0.1 that accepts, records and closes every connection."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self.sock.close()


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    found = Listener()
    yield found
    found.close()


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("service") / "store"
    build_store(path)
    return path


@pytest.fixture(scope="module")
def server(store_path: Path) -> Iterator[Server]:
    with Server(store_path, store_path.parent / "server.log", workers=2) as running:
        yield running


def aimed(query: str, port: int) -> str:
    return query.replace("127.0.0.1:9/", f"127.0.0.1:{port}/")


def test_listener_sees_the_engine_dial_out(store_path: Path, listener: Listener) -> None:
    """Control: without the guard the engine does connect, so the listener can tell."""
    before = listener.connections
    with open_store(load_config({"store": str(store_path)}, environ={}), writable=False) as store:
        try:
            list(store.query(aimed(SERVICE_QUERIES["plain"], listener.port)).rows())
        except Exception:  # the listener hangs up: whatever the engine makes of that
            pass
    assert listener.connections > before


@pytest.mark.parametrize("how", ["get", "form", "direct"])
@pytest.mark.parametrize("name", list(SERVICE_QUERIES))
def test_service_refused_without_connection(server: Server, listener: Listener, name: str, how: str) -> None:
    before = listener.connections
    query = aimed(SERVICE_QUERIES[name], listener.port)
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    if how == "get":
        conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": query}))
    elif how == "form":
        conn.request("POST", "/sparql", body=urllib.parse.urlencode({"query": query}),
                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    else:
        conn.request("POST", "/sparql", body=query.encode(), headers={"Content-Type": "application/sparql-query"})
    response = conn.getresponse()
    body = json.loads(response.read())
    conn.close()
    assert response.status == 403
    assert body["error"].startswith("SERVICE is not allowed")
    assert listener.connections == before


def test_load_update_refused_without_connection(server: Server, listener: Listener) -> None:
    before = listener.connections
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    conn.request("POST", "/sparql", body=f"LOAD <http://127.0.0.1:{listener.port}/data.ttl>".encode(),
                 headers={"Content-Type": "application/sparql-update"})
    response = conn.getresponse()
    response.read()
    conn.close()
    assert response.status == 403
    assert listener.connections == before
