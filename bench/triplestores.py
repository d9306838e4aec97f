"""Real triplestore servers for the remote-store tests: ``oxigraph serve`` and Virtuoso.

Each server runs on free 127.0.0.1 ports in its own temporary directory, is started by a
fixture and stopped (killed by its process id) when the fixture ends. ``stop``/``start``
restart one server on the same data, for the server-failure tests.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt")
OXIGRAPH = str(Path(sys.executable).with_name("oxigraph"))
DBA = ("dba", "dba")  # the password of a fresh Virtuoso database


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_http(url: str, proc: subprocess.Popen, seconds: float, log: Path | None = None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            text = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
            raise RuntimeError(f"{proc.args[0]} exited with {proc.returncode}: {text}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


class Server:
    """One triplestore server process; ``store`` is what ``--store`` is given."""

    name = "server"

    def __init__(self, root: Path) -> None:
        self.root = root
        self.proc: subprocess.Popen | None = None

    @property
    def env(self) -> dict[str, str]:
        """The DIPLOKG_* variables that point diplokg at this server (write access)."""
        raise NotImplementedError

    def start(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        """Stop the server (SIGKILL of its process: what a crash looks like to diplokg)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(30)
        self.proc = None


class OxigraphServer(Server):
    name = "oxigraph"

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.port = free_port()
        self.store = f"http://127.0.0.1:{self.port}"

    @property
    def env(self) -> dict[str, str]:
        return {"DIPLOKG_STORE": self.store}

    def start(self) -> None:
        log = self.root / "oxigraph.log"
        with open(log, "ab") as out:
            self.proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(self.root / "db"),
                                          "--bind", f"127.0.0.1:{self.port}"], stdout=out, stderr=subprocess.STDOUT)
        _wait_http(self.store + "/query?query=ASK%7B%7D", self.proc, 30, log)


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
LiteMode = 0
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 10
CheckpointInterval = 60
O_DIRECT = 0
CaseMode = 2
MaxStaticCursorRows = 5000
AllowOSCalls = 0
DirsAllowed = ., {db}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
MaxQueryMem = 256M
ThreadsPerQuery = 2
AsyncQueueMaxThreads = 4

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections = 10
DavRoot = DAV
EnabledDavVSP = 0
HTTPProxyEnabled = 0
ServerThreads = 10
MaxKeepAlives = 10
KeepAliveTimeout = 10
HTTPThreadSize = 280000
Charset = UTF-8
EnabledGzipContent = 0

[Client]
SQL_PREFETCH_ROWS = 100
SQL_PREFETCH_BYTES = 16000
SQL_QUERY_TIMEOUT = 0
SQL_TXN_TIMEOUT = 0

[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime = 120
MaxSortedTopRows = 10000000
"""


class VirtuosoServer(Server):
    """Virtuoso Open Source 7 (``virtuoso-t`` in the foreground) in a fresh database.

    diplokg writes through ``/sparql-auth`` as dba (HTTP digest) and the same account
    reads; ``reader_env`` is the anonymous ``/sparql`` account for ``diplokg serve``.
    """

    name = "virtuoso"

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.http_port = free_port()
        self.sql_port = free_port()
        self.db = root / "virtuoso"
        self.db.mkdir(parents=True, exist_ok=True)
        (self.db / "virtuoso.ini").write_text(
            VIRTUOSO_INI.format(db=self.db, sql_port=self.sql_port, http_port=self.http_port))
        self.url = f"http://127.0.0.1:{self.http_port}"
        self.store = self.url + "/sparql-auth"

    @property
    def env(self) -> dict[str, str]:
        return {"DIPLOKG_STORE": self.store, "DIPLOKG_STORE_USER": DBA[0], "DIPLOKG_STORE_PASSWORD": DBA[1]}

    @property
    def reader_env(self) -> dict[str, str]:
        """The anonymous SPARQL account (read-only once ``revoke_federation`` ran)."""
        return {"DIPLOKG_STORE": self.url + "/sparql"}

    def start(self) -> None:
        log = self.db / "virtuoso.stdout"
        with open(log, "ab") as out:
            self.proc = subprocess.Popen([VIRTUOSO, "+foreground", "+configfile", str(self.db / "virtuoso.ini")],
                                         cwd=self.db, stdout=out, stderr=subprocess.STDOUT)
        _wait_http(self.url + "/sparql?query=ASK%7B%7D", self.proc, 90, self.db / "virtuoso.log")

    def isql(self, *statements: str) -> str:
        """Run SQL statements as dba through isql; their output."""
        script = "".join(s.rstrip().rstrip(";") + ";\n" for s in statements)
        done = subprocess.run([ISQL, f"127.0.0.1:{self.sql_port}", DBA[0], DBA[1]], input=script,
                              capture_output=True, text=True, timeout=120)
        if done.returncode != 0 or "*** Error" in done.stdout:
            raise RuntimeError(f"isql failed: {done.stdout[-2000:]} {done.stderr[-2000:]}")
        return done.stdout

    def revoke_federation(self) -> None:
        """Defence in depth for the anonymous account: no SERVICE, no update."""
        self.isql("REVOKE \"SPARQL_SELECT_FED\" FROM \"SPARQL\"",
                  "REVOKE \"SPARQL_UPDATE\" FROM \"SPARQL\"")

    def stop(self) -> None:
        super().stop()
        (self.db / "virtuoso.lck").unlink(missing_ok=True)


def available(kind: str) -> str | None:
    """Why a server cannot run here, or None when it can."""
    if kind == "virtuoso":
        if VIRTUOSO is None or ISQL is None:
            return "virtuoso-t/isql-vt not installed (Debian package virtuoso-opensource)"
        return None
    if not os.access(OXIGRAPH, os.X_OK):
        return f"{OXIGRAPH} missing (PyPI package oxigraph, in the test extra)"
    return None


def make(kind: str, root: Path) -> Server:
    return {"oxigraph": OxigraphServer, "virtuoso": VirtuosoServer}[kind](root)


def export_graphs(path: Path) -> dict:
    """The named graphs of an N-Quads export, as rdflib graphs by graph IRI."""
    import pyoxigraph as ox
    from rdflib import Graph

    from diplokg.store.terms import to_rdflib

    graphs: dict = {}
    with open(path, "rb") as fh:
        for quad in ox.parse(fh, format=ox.RdfFormat.N_QUADS):
            g = graphs.setdefault(quad.graph_name.value, Graph())
            g.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return graphs
