"""``diplokg ingest --cluster`` with workers on other hosts of a network: the same store as serially.

Each Dask worker runs in a network namespace of its own (``ip netns``, iproute2): a host with
its own interfaces and loopback, joined to this one by a link of its own (a veth pair, as a
cable). A worker reaches the scheduler only at this host's address on its link, never through
loopback; the scheduler and the client reach it only at its own address; and the two workers
cannot reach each other, so neither may depend on data the other holds. The articles and
the settings go to the workers over those links (nothing on a shared disk is read by a worker
but the installed program), and the store is written by the client alone. Needs root (to make
the namespaces) and ``ip``; tests/run.sh installs iproute2.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time

import pytest

from bench import triplestores
from tests.test_cluster import ARTICLES, BIN, _counts, _export, _ingest, _same, corpus, serial  # noqa: F401

pytestmark = pytest.mark.slow
SUBNET = "10.213"
# In a Dask worker process: whether an ingest task ran there (a task builds the process's
# pipeline on first use). A lambda, so that it is sent by value: a worker cannot import tests/.
BUILT_A_WORKER = lambda: __import__("etl.ingest.parallel", fromlist=["_WORKER"])._WORKER is not None  # noqa: E731


def _ip(*args: str) -> None:
    subprocess.run(["ip", *args], check=True, capture_output=True, text=True, timeout=30)


@pytest.fixture(scope="module")
def hosts():
    """Two network hosts, each on a link of its own to this one (a veth pair, its cable):
    [(namespace, its address, this host's address on its link)]. Nothing routes between the
    two links, so the two hosts cannot reach each other."""
    if shutil.which("ip") is None:
        pytest.fail("ip (iproute2) is missing: run tests/run.sh")
    if os.geteuid() != 0:
        pytest.fail("making network namespaces needs root (CI runs as root)")
    tag = os.getpid() % 10000
    made: list[tuple[str, str, str]] = []
    try:
        for k in (1, 2):
            ns, here, there = f"dkg-w{k}-{tag}", f"dkh{k}x{tag}", f"dkw{k}x{tag}"
            gateway, address = f"{SUBNET}.{k}.1", f"{SUBNET}.{k}.2"
            _ip("netns", "add", ns)
            made.append((ns, address, gateway))
            _ip("link", "add", here, "type", "veth", "peer", "name", there)
            _ip("link", "set", there, "netns", ns)
            _ip("addr", "add", f"{gateway}/24", "dev", here)
            _ip("link", "set", here, "up")
            _ip("-n", ns, "addr", "add", f"{address}/24", "dev", there)
            _ip("-n", ns, "link", "set", there, "up")
            _ip("-n", ns, "link", "set", "lo", "up")
        yield made
    finally:
        for ns, _, _ in made:  # deleting a namespace deletes its end of the pair, and so the pair
            subprocess.run(["ip", "netns", "del", ns], capture_output=True, timeout=30)


def _reachable(ns: str, host: str, port: int) -> bool:
    """Whether a TCP connection from inside the namespace to host:port succeeds."""
    probe = ("import socket,sys\ns=socket.socket();s.settimeout(3)\n"
             "try:\n s.connect((sys.argv[1],int(sys.argv[2])));print('yes')\nexcept OSError:\n print('no')")
    done = subprocess.run(["ip", "netns", "exec", ns, str(BIN / "python"), "-c", probe, host, str(port)],
                          capture_output=True, text=True, timeout=60)
    return done.stdout.strip() == "yes"


def test_workers_on_two_other_hosts_give_the_serial_store(hosts, corpus, serial, tmp_path):
    from distributed import Client

    dask = shutil.which("dask", path=str(BIN))
    assert dask, "the dask command (distributed) is missing"
    port = triplestores.free_port()
    procs: list[subprocess.Popen] = []
    logs = open(tmp_path / "dask.log", "wb")
    try:
        procs.append(subprocess.Popen([dask, "scheduler", "--host", "0.0.0.0", "--port", str(port),
                                       "--no-dashboard"], stdout=logs, stderr=subprocess.STDOUT))
        if not _wait_port(port):
            pytest.fail(f"the Dask scheduler did not listen on port {port}")
        for ns, address, gateway in hosts:
            # a host of its own: the scheduler's loopback is not its loopback
            assert not _reachable(ns, "127.0.0.1", port)
            assert _reachable(ns, gateway, port)
            procs.append(subprocess.Popen(
                ["ip", "netns", "exec", ns, dask, "worker", f"tcp://{gateway}:{port}", "--host", address,
                 "--nthreads", "1", "--no-nanny", "--no-dashboard"],
                stdout=logs, stderr=subprocess.STDOUT, cwd=tmp_path))
        with Client(f"tcp://127.0.0.1:{port}", timeout=60) as watcher:
            watcher.wait_for_workers(2, timeout=120)
            workers = sorted(watcher.scheduler_info()["workers"])
            assert [w.rsplit(":", 1)[0] for w in workers] == [f"tcp://{a}" for _, a, _ in hosts]
            # the workers cannot reach each other: each gets the settings from the scheduler
            second = workers[1].removeprefix("tcp://").rsplit(":", 1)
            assert not _reachable(hosts[0][0], second[0], int(second[1]))

            env = {"DIPLOKG_STORE": str(tmp_path / "store")}
            done = _ingest(corpus, env, "--cluster", f"tcp://127.0.0.1:{port}")
            assert done.returncode == 0, done.stderr
            assert _counts(done) == _counts(serial[0])
            assert f"{ARTICLES} articles read, {ARTICLES} accepted, 0 rejected" in done.stdout
            # both hosts extracted articles: each built its pipeline, which a task does on first use
            built = watcher.run(BUILT_A_WORKER)
            assert sorted(built) == workers and all(built.values()), built
        assert _same(_export(env, tmp_path / "export.nq"), serial[1]) == []
    finally:
        for proc in reversed(procs):
            if proc.poll() is None:
                proc.kill()
                proc.wait(30)
        logs.close()


def _wait_port(port: int, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=2).close()
            return True
        except OSError:
            time.sleep(0.3)
    return False
