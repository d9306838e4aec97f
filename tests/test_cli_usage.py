"""The command line as a user meets it: option order, bad numbers, stdin, help, missing stores,
busy ports, empty and duplicate articles (issue 12), through the real console entry point."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from diplokg.resources import ROOT, SEEDS_DIR
from tests.sparql_support import M1, build_store

ASK_M1 = f"ASK {{ <{M1}> ?p ?o }}"


def diplokg(*args: str, stdin: str | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOKG_")}
    return subprocess.run([sys.executable, "-m", "diplokg.cli", *args], capture_output=True, text=True,
                          env=env, input=stdin, timeout=timeout, cwd=ROOT)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("usage") / "store"
    build_store(path)
    return path


@pytest.mark.parametrize("order", ["before", "after"])
def test_global_options_before_or_after_the_subcommand(store, order):
    args = ["--store", str(store), "query", ASK_M1] if order == "before" else ["query", ASK_M1, "--store", str(store)]
    done = diplokg(*args)
    assert (done.returncode, done.stdout, done.stderr) == (0, "true\n", "")


def test_base_after_the_subcommand_is_used(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text((SEEDS_DIR / "000_adeb1c27dd2069d5.txt").read_text(encoding="utf-8"),
                                           encoding="utf-8")
    done = diplokg("ingest", str(tmp_path / "in"), "--store", str(tmp_path / "s"), "--base", "https://example.org/kg/")
    assert done.returncode == 0, done.stderr
    done = diplokg("query", "SELECT ?a WHERE { ?a a dkg:Article }", "--format", "csv", "--store", str(tmp_path / "s"))
    assert done.stdout.splitlines() == ["a", "https://example.org/kg/id/article/a"]


@pytest.mark.parametrize("value", ["0", "-3", "two"])
def test_jobs_must_be_a_whole_number_of_at_least_one(tmp_path, value):
    done = diplokg("--store", str(tmp_path / "s"), "ingest", "--jobs", value, str(SEEDS_DIR))
    assert done.returncode == 2
    [line] = done.stderr.splitlines()
    assert line.startswith("diplokg ingest: error: argument --jobs: ")
    assert not (tmp_path / "s").exists()


def test_jobs_zero_from_the_environment_is_refused(tmp_path):
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("DIPLOKG_")}, "DIPLOKG_JOBS": "0"}
    done = subprocess.run([sys.executable, "-m", "diplokg.cli", "--store", str(tmp_path / "s"), "ingest",
                           str(SEEDS_DIR)], capture_output=True, text=True, env=env, timeout=300)
    assert (done.returncode, done.stderr) == (2, "diplokg ingest: error: setting jobs must be at least 1, not 0\n")


def test_query_dash_reads_standard_input(store):
    done = diplokg("--store", str(store), "query", "-", stdin=ASK_M1)
    assert (done.returncode, done.stdout) == (0, "true\n")
    empty = diplokg("--store", str(store), "query", "-", stdin="  \n")
    assert (empty.returncode, empty.stderr) == (2, "diplokg query: error: no query on standard input\n")


@pytest.mark.parametrize(("command", "words"), [
    ("export", ["--format FORMAT", "trig, nquads, turtle, ntriples, jsonld", "extension"]),
    ("query", ["--format FORMAT", "table, json, csv, tsv", "standard input"]),
    ("serve", ["--host ADDRESS", "--port PORT", "--workers N", "default 5000", "default 127.0.0.1"]),
    ("ingest", ["--jobs N", "at least 1", "--store DIR", "--base IRI"]),
])
def test_help_explains_the_options(command, words):
    done = diplokg(command, "--help")
    text = " ".join(done.stdout.split())
    assert done.returncode == 0
    for word in words:
        assert word in text, word


@pytest.mark.parametrize("command", [["query", "ASK { ?s ?p ?o }"], ["stats"], ["export"], ["validate"],
                                     ["serve", "--port", "9"]])
def test_a_missing_store_is_one_line_and_exit_2(tmp_path, command):
    typo = tmp_path / "typo"
    done = diplokg("--store", str(typo), *command)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"diplokg {command[0]}: error: no store at {typo}; run `diplokg ingest` first\n"
    assert not typo.exists()


def test_a_port_in_use_is_one_line_and_exit_2(store):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = diplokg("--store", str(store), "serve", "--port", str(port), timeout=60)
    assert done.returncode == 2
    assert done.stderr == (f"diplokg serve: error: port {port} on 127.0.0.1 is in use; stop the other server "
                           "or choose another port with --port\n")


def test_empty_articles_and_duplicate_ids_are_named(tmp_path):
    text = (SEEDS_DIR / "000_adeb1c27dd2069d5.txt").read_text(encoding="utf-8")
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a" / "blank.txt").write_text("\n  \n", encoding="utf-8")
    (tmp_path / "b" / "more.jsonl").write_text('{"id": "same", "text": "Again."}\n{"id": "z", "text": ""}\n',
                                              encoding="utf-8")
    done = diplokg("--store", str(tmp_path / "s"), "ingest", "--no-progress", str(tmp_path / "a"), str(tmp_path / "b"))
    assert done.returncode == 1
    rejected = sorted(line for line in done.stderr.splitlines() if line.startswith("rejected "))
    assert rejected == sorted([
        f"rejected {tmp_path}/a/blank.txt: empty article: the text is blank",
        f"rejected {tmp_path}/b/same.txt: duplicate article id 'same' (first read from {tmp_path}/a/same.txt)",
        f"rejected {tmp_path}/b/more.jsonl:1: duplicate article id 'same' (first read from {tmp_path}/a/same.txt)",
        f"rejected {tmp_path}/b/more.jsonl:2: empty article: the text is blank",
    ])
    assert done.stdout.startswith("5 articles read, 1 accepted, 4 rejected, ")


def test_ingest_and_stats_say_what_their_triple_counts_count(tmp_path):
    done = diplokg("--store", str(tmp_path / "s"), "ingest", str(SEEDS_DIR))
    assert done.returncode == 0, done.stderr
    stored = int(done.stdout.split(" triples stored in their article graphs (asserted and inferred")[0].rsplit(" ", 1)[1])
    stats = dict(line.split("\t") for line in diplokg("--store", str(tmp_path / "s"), "stats").stdout.splitlines())
    assert int(stats["triples in article graphs"]) == stored
    assert int(stats["triples"]) == stored + int(stats["triples in the ontology graph"])


def test_an_article_without_sidecar_is_titled_by_its_headline(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.txt").write_text(
        "Japan, U.S. agree to deepen cooperation on North Korea\n\n"
        + (SEEDS_DIR / "000_adeb1c27dd2069d5.txt").read_text(encoding="utf-8"), encoding="utf-8")
    assert diplokg("--store", str(tmp_path / "s"), "ingest", str(tmp_path / "in")).returncode == 0
    done = diplokg("--store", str(tmp_path / "s"), "query", "--format", "csv",
                   "SELECT ?t WHERE { ?a a dkg:Article ; dcterms:title ?t }")
    assert done.stdout.splitlines() == ["t", '"Japan, U.S. agree to deepen cooperation on North Korea"']  # CSV quotes a comma
