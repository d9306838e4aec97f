"""``diplokg validate FILE...`` through the installed console script: output and exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from diplokg.errors import BadInput
from diplokg.rdfio import read_graph

VALID = Path(__file__).parent / "data" / "valid.ttl"
DIPLOKG = Path(sys.executable).parent / "diplokg"
MEETING = "<https://w3id.org/diplokg/id/meeting/8f7a675ae103da19>"
MODE = "A meeting must have exactly one dkg:mode: dkg:InPerson, dkg:Phone or dkg:Video"
ARTICLE_GRAPH = URIRef("https://w3id.org/diplokg/graph/article/000_adeb1c27dd2069d5")


def diplokg(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(DIPLOKG), "validate", *map(str, args)], capture_output=True, text=True, timeout=120, check=False
    )


def broken_graph() -> Graph:
    graph = Graph().parse(VALID)
    graph.update(
        "DELETE WHERE { <https://w3id.org/diplokg/id/meeting/8f7a675ae103da19> "
        "<https://w3id.org/diplokg/ontology#mode> ?m }"
    )
    return graph


def test_valid_file_exits_0() -> None:
    result = diplokg(VALID)
    assert (result.returncode, result.stdout, result.stderr) == (0, f"{VALID}: conforms (98 triples)\n", "")


@pytest.mark.parametrize("suffix,fmt", [(".nt", "nt"), (".nq", "nquads"), (".trig", "trig"),
                                        (".jsonld", "json-ld"), (".json", "json-ld"), (".rdf", "xml")])
def test_every_rdf_syntax_is_read(tmp_path: Path, suffix: str, fmt: str) -> None:
    graph = Graph().parse(VALID)
    path = tmp_path / f"valid{suffix}"
    if fmt in ("nquads", "trig"):  # the triples in a named graph, written by hand
        lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
        if fmt == "nquads":
            text = "".join(f"{line[:-1].rstrip()} <{ARTICLE_GRAPH}> .\n" for line in lines if line)
        else:
            text = f"<{ARTICLE_GRAPH}> {{\n" + "\n".join(lines) + "\n}\n"
        path.write_text(text, encoding="utf-8")
    else:
        graph.serialize(path, format=fmt, encoding="utf-8")
    result = diplokg(path)
    assert (result.returncode, result.stdout, result.stderr) == (0, f"{path}: conforms (98 triples)\n", "")


def test_violations_exit_1_with_focus_path_message(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken_graph().serialize(broken, format="turtle")
    result = diplokg(VALID, broken)
    assert result.returncode == 1
    assert result.stdout == (
        f"{VALID}: conforms (98 triples)\n"
        f"{broken}: 1 violation\n"
        f"  {MEETING}  dkg:mode  {MODE}\n"
    )
    assert result.stderr == ""


BAD_FILES = [
    ("bad.ttl", "@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:a ex:b .\n",
     "bad.ttl:3: bad Turtle syntax (objectList expected)"),
    ("bad.trig", "@prefix ex: <http://e/> .\nex:g {\n ex:a ex:b ex:c .\n ex:a ex:b \"x .\n}\n",
     "bad.trig:4: bad TriG syntax (newline found in string literal)"),
    ("bad.nt", "<http://e/a> <http://e/b> <http://e/c> .\n\n# comment\n<http://e/a> <http://e/b> .\n",
     "bad.nt:4: bad N-Triples syntax (Invalid line: .)"),
    ("bad.nq", "<http://e/a> <http://e/b> <http://e/c> <http://e/g> .\n<http://e/a> <http://e/b> .\n",
     "bad.nq:2: bad N-Quads syntax (Invalid line (Unrecognised object type))"),
    ("bad.jsonld", '{"@id": "http://e/a",\n "http://e/b": \n}', "bad.jsonld:3: bad JSON (Expecting value)"),
    ("bad.rdf", '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
     '<rdf:Description rdf:about="http://e/a">\n</rdf:RDF>\n', "bad.rdf:4: bad RDF/XML syntax (mismatched tag)"),
    ("remote.jsonld", '{"@context": "http://127.0.0.1:9/context.jsonld", "@id": "http://e/a"}',
     "remote.jsonld:1: JSON-LD remote context 'http://127.0.0.1:9/context.jsonld' is not fetched; inline the context"),
    ("notes.txt", "hello", "notes.txt: unknown RDF file extension '.txt'; use one of "
     ".json .jsonld .nq .nt .owl .rdf .trig .ttl .xml"),
]


@pytest.mark.parametrize("name,content,message", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_unparseable_file_exits_2_with_one_line(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = diplokg(VALID, path)
    assert result.returncode == 2
    assert result.stdout == ""  # every file is parsed before any is validated
    assert result.stderr == f"diplokg validate: error: {tmp_path}/{message}\n"


@pytest.mark.parametrize("name,content,message", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_read_graph_raises_the_same_line_in_process(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BadInput) as info:
        read_graph(path)
    assert str(info.value) == f"{tmp_path}/{message}"


def test_read_graph_joins_named_graphs_in_process(tmp_path: Path) -> None:
    path = tmp_path / "two.trig"
    path.write_text("<http://e/g1> { <http://e/a> <http://e/b> 1 . }\n<http://e/g2> { <http://e/a> <http://e/b> 2 . }\n"
                    "<http://e/a> <http://e/c> <http://e/d> .\n", encoding="utf-8")
    graph = read_graph(path)
    assert sorted(str(o) for o in graph.objects()) == ["1", "2", "http://e/d"]


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = diplokg(tmp_path / "none.ttl")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"diplokg validate: error: {tmp_path}/none.ttl: cannot read: No such file or directory\n"


def test_without_files_an_empty_store_conforms(tmp_path: Path) -> None:
    from diplokg.config import load_config
    from diplokg.store import open_store

    with open_store(load_config({"store": str(tmp_path / "store")}, environ={}), writable=True):
        pass
    result = subprocess.run([str(DIPLOKG), "--store", str(tmp_path / "store"), "validate"],
                            capture_output=True, text=True, timeout=120, check=False)
    assert (result.returncode, result.stdout, result.stderr) == (0, "store: 0 article graphs conform\n", "")


def test_rdf_xml_external_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read me", encoding="utf-8")
    path = tmp_path / "xxe.rdf"
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY s SYSTEM "{secret.as_uri()}"> ]>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://e/">\n'
        '<rdf:Description rdf:about="http://e/a"><ex:b>[&s;]</ex:b></rdf:Description>\n</rdf:RDF>\n',
        encoding="utf-8",
    )
    assert [str(o) for o in read_graph(path).objects()] == ["[]"]
