"""Fixtures of the page, dump, cookbook and browser tests: a real store on disk, the app, a server."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph
from werkzeug.serving import make_server

from diplokg.config import Config, load_config
from diplokg.iris import Iris
from diplokg.resources import ISSUES_FILE, ONTOLOGY_FILE, ROOT, SEEDS_DIR
from diplokg.store import open_store
from server import create_app

DATA = Path(__file__).parent / "data"
VALID = DATA / "valid.ttl"
ARTICLE_ID = "000_adeb1c27dd2069d5"


def _triples(*paths: Path) -> set:
    graph = Graph()
    for path in paths:
        graph.parse(path, format="turtle")
    return set(graph)


def build_store(directory: Path, base: str = "https://w3id.org/diplokg/") -> Config:
    """A store on disk holding the ontology graph and the hand-written article of valid.ttl."""
    config = load_config({"store": str(directory), "base": base}, environ={})
    iris = Iris(base)
    with open_store(config, writable=True) as store:
        store.replace_graph(iris.ontology_graph, _triples(ONTOLOGY_FILE, ISSUES_FILE))
        store.replace_graph(iris.article_graph(ARTICLE_ID), _triples(VALID))
    return config


@pytest.fixture(scope="module")
def pages_config(tmp_path_factory) -> Config:
    """Settings of an app over a store built from tests/data/valid.ttl."""
    return build_store(tmp_path_factory.mktemp("pages") / "store")


@pytest.fixture(scope="session")
def seed_config(tmp_path_factory) -> Config:
    """Settings of a store made by ``diplokg ingest seeds/``: the real pipeline on the seeds
    (once per test run; tests only read it). The seeds carry no licence: their texts are
    kept (``publish_text=all``) so that pages can show evidence in its text."""
    directory = tmp_path_factory.mktemp("seeds") / "store"
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOKG_")}
    done = subprocess.run(
        [sys.executable, "-m", "diplokg.cli", "--store", str(directory), "ingest", str(SEEDS_DIR), "--no-progress"],
        cwd=ROOT, capture_output=True, text=True, timeout=600, env={**env, "DIPLOKG_PUBLISH_TEXT": "all"})
    assert done.returncode == 0, done.stderr
    return load_config({"store": str(directory)}, environ={})


@pytest.fixture(scope="module")
def pages_app(pages_config):
    """The Flask app over that store."""
    app = create_app(pages_config)
    app.config["TESTING"] = True
    return app


@pytest.fixture
def client(pages_app):
    """Flask's test client of that app."""
    return pages_app.test_client()


class LiveServer:
    """A real HTTP server on 127.0.0.1 running an app in a thread."""

    def __init__(self, app) -> None:
        self._server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> "LiveServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._thread.join(timeout=5)


@pytest.fixture(scope="module")
def live_server(pages_app) -> Iterator[LiveServer]:
    """The app served on a free port of 127.0.0.1."""
    with LiveServer(pages_app) as server:
        yield server


class ServedStore:
    """``diplokg serve`` (the event-loop front and its workers) on a free port of 127.0.0.1, for one store; stopped on exit."""

    def __init__(self, config: Config, log_path: Path, workers: int = 2, env: dict[str, str] | None = None,
                 module: str = "diplokg.cli") -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        self.config = config
        self._command = [sys.executable, "-m", module, "--store", config.store, "--base", config.base,
                         "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]
        self._process: subprocess.Popen | None = None
        self._log_path = log_path
        self._env = {**os.environ, **(env or {})}

    def __enter__(self) -> "ServedStore":
        # The server logs a line per request: to a file, as a pipe nobody reads would fill and block it.
        with open(self._log_path, "wb") as log_file:
            self._process = subprocess.Popen(self._command, cwd=ROOT, env=self._env,
                                             stdout=subprocess.DEVNULL, stderr=log_file)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"diplokg serve exited: {self._log_path.read_text(errors='replace')}")
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=1) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.1)
        self.__exit__()
        raise RuntimeError("diplokg serve did not answer /healthz within 30 s")

    def __exit__(self, *exc) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.send_signal(signal.SIGTERM)
            try:
                self._process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()


@pytest.fixture(scope="module")
def served_example(pages_config, tmp_path_factory) -> Iterator[ServedStore]:
    """``diplokg serve`` over the store of valid.ttl."""
    with ServedStore(pages_config, tmp_path_factory.mktemp("serve") / "server.log") as server:
        yield server


@pytest.fixture(scope="module")
def served_seeds(seed_config, tmp_path_factory) -> Iterator[ServedStore]:
    """``diplokg serve`` over the store of the ingested seeds."""
    with ServedStore(seed_config, tmp_path_factory.mktemp("serve") / "server.log") as server:
        yield server
