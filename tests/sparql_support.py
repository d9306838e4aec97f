"""What the SPARQL endpoint tests share: a small hand-built store and a real server on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterable
from pathlib import Path

from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from diplokg.config import Config, load_config
from diplokg.store import open_store

BASE = "https://w3id.org/diplokg/"
DKG = Namespace("https://w3id.org/diplokg/ontology#")
G1 = BASE + "graph/article/a1"
G2 = BASE + "graph/article/a2"
ONTOLOGY = BASE + "graph/ontology"
M1, M2 = URIRef(BASE + "id/meeting/m1"), URIRef(BASE + "id/meeting/m2")
MOTEGI, BIEGUN, WANG = (URIRef(BASE + f"id/actor/{k}") for k in ("motegi", "biegun", "wang-yi"))

GRAPHS = {
    G1: [
        (M1, RDF.type, DKG.Meeting),
        (M1, DKG.participant, MOTEGI),
        (M1, DKG.participant, BIEGUN),
        (M1, DKG.date, Literal("2020-07-10", datatype=XSD.date)),
        (MOTEGI, RDFS.label, Literal("Toshimitsu Motegi")),
        (BIEGUN, RDFS.label, Literal("Stephen Biegun")),
    ],
    G2: [
        (M2, RDF.type, DKG.Meeting),
        (M2, DKG.participant, MOTEGI),
        (M2, DKG.participant, WANG),
        (MOTEGI, RDFS.label, Literal("Toshimitsu Motegi")),
        (WANG, RDFS.label, Literal("Wang Yi", lang="en")),
    ],
    ONTOLOGY: [
        (DKG.Meeting, RDF.type, OWL.Class),
        (DKG.Meeting, RDFS.label, Literal("Meeting", lang="en")),
    ],
}


def build_store(path: Path, graphs: dict[str, Iterable] | None = None) -> Config:
    """Write the graphs into a new store at ``path`` through the store's API; its config."""
    config = load_config({"store": str(path)}, environ={})
    with open_store(config, writable=True) as store:
        for graph, triples in (graphs or GRAPHS).items():
            store.replace_graph(graph, list(triples))
    return config


def filler_graph(count: int) -> dict[str, list]:
    """One graph of ``count`` label triples, to make cartesian products slow."""
    return {BASE + "graph/article/filler": [
        (URIRef(BASE + f"id/actor/filler-{i}"), RDFS.label, Literal(f"Filler {i}")) for i in range(count)
    ]}


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """``diplokg serve`` in a child process on a free port of 127.0.0.1; stops on exit."""

    def __init__(self, store: Path, log_path: Path, **settings: object) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOKG_")}
        env.update({"DIPLOKG_" + k.upper(): str(v) for k, v in settings.items()})
        env["DIPLOKG_STORE"] = str(store)
        self.log_path = log_path
        self._log = open(log_path, "wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "diplokg.cli", "serve", "--port", str(self.port)],
            env=env, stdout=self._log, stderr=subprocess.STDOUT,
        )

    def wait_ready(self, seconds: float = 20.0) -> None:
        """Wait until /healthz answers."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.log_path.read_text()}")
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=1) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.1)
        raise RuntimeError(f"server not ready after {seconds} s: {self.log_path.read_text()}")

    def stop(self) -> None:
        """Stop the server and its workers."""
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._log.close()

    def __enter__(self) -> "Server":
        try:
            self.wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
