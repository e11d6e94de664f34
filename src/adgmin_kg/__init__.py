"""adgmin-kg: an RDF knowledge graph of ASEAN digital cooperation."""

from __future__ import annotations

from typing import Any

__all__ = ["__version__", "run_query"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # imported on first use, so that ``adgmin-kg --help`` does not load rdflib and pyoxigraph
    if name == "run_query":
        from adgmin_kg.query import run_query

        return run_query
    raise AttributeError(f"module 'adgmin_kg' has no attribute {name!r}")
