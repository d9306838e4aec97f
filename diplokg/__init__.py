"""diplokg: a knowledge graph of diplomatic meetings built from news."""

__version__ = "0.1.0"
