"""Extraction stages: Article (+ spaCy Doc) → the plain dataclasses of ``etl.model``."""
