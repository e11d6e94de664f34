"""adgmin-kg: an RDF knowledge graph of ASEAN digital cooperation.

The public API (the README's "From Python" section shows each in use):

- :func:`run_query` runs a stored query (``queries/<name>.rq``) with its parameters, each an
  IRI or a label in English or Thai;
- :func:`run_sparql` runs a SPARQL text of your own with variables bound to values;
- both return a :class:`QueryResult`: ``rows`` (lexical forms), ``terms`` (:class:`Term`),
  ``to_dataframe()`` (typed pandas columns), ``to_json()``;
- :func:`list_queries` lists the stored queries; :data:`PREFIXES` are the model's prefixes,
  usable in any SPARQL text without a ``PREFIX`` line;
- :class:`QueryError` is what a bad query, parameter or graph raises (its message says what to do).
"""

from __future__ import annotations

from typing import Any

__all__ = ["PREFIXES", "QueryError", "QueryResult", "Term", "__version__", "list_queries", "run_query", "run_sparql"]
__version__ = "0.1.0"

_LAZY = {  # imported on first use, so that ``adgmin-kg --help`` does not load rdflib and pyoxigraph
    "run_query": "adgmin_kg.query",
    "run_sparql": "adgmin_kg.query",
    "list_queries": "adgmin_kg.query",
    "QueryResult": "adgmin_kg.query",
    "Term": "adgmin_kg.query",
    "QueryError": "adgmin_kg.errors",
    "PREFIXES": "adgmin_kg.prefixes",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'adgmin_kg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
