"""Ingest: articles into the store, each complete or absent.

- :mod:`etl.ingest.run` — the pipeline, article by article: extract → resolve → RDF → SHACL
  → OWL RL → store, with the run's summary.
- :mod:`etl.ingest.parallel` — extraction in spawned worker processes (``--jobs N``).
- :mod:`etl.ingest.cluster` — extraction on a Dask cluster (``--cluster ADDRESS``).
- :mod:`etl.ingest.check` — SHACL validation of what a store holds (``diplokg validate``).
"""
