"""Paths of the files diplokg ships: ontology, shapes, vocabularies, seeds."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = ROOT / "ontology"
ONTOLOGY_FILE = ONTOLOGY_DIR / "diplokg.ttl"
ISSUES_FILE = ONTOLOGY_DIR / "issues.ttl"
SHAPES_FILE = ROOT / "shapes" / "diplokg.shacl.ttl"
SEEDS_DIR = ROOT / "seeds"
QUERIES_DIR = ROOT / "queries"
