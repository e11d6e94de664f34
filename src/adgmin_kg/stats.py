"""Counts that tell what a built graph holds, and whether every fact has its provenance.

They are SPARQL counts over the persisted Oxigraph store (named graph per release, their union
as default graph), so they cost the same whether the graph came from 3 releases or 10 000.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from adgmin_kg.vocab import ADG, REFERENCE_GRAPH

_PREFIXES = f"PREFIX adg: <{ADG}>\nPREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
_SHORT = (
    ("adg:", str(ADG)),
    ("schema:", "https://schema.org/"),
    ("org:", "http://www.w3.org/ns/org#"),
    ("skos:", "http://www.w3.org/2004/02/skos/core#"),
    ("prov:", "http://www.w3.org/ns/prov#"),
)
# A fact is a triple a release graph asserts about something other than a statement or the
# release itself (those describe the source, they are not read from it).
_FACTS = f"""SELECT DISTINCT ?s ?p ?o WHERE {{
  GRAPH ?g {{ ?s ?p ?o }}
  FILTER (?g != <{REFERENCE_GRAPH}>)
  FILTER NOT EXISTS {{ ?s a adg:Statement }}
  FILTER NOT EXISTS {{ ?s a adg:Release }}
}}"""


@dataclass(frozen=True)
class GraphStats:
    triples: int
    statements: int
    facts: int
    facts_with_provenance: int
    classes: dict[str, int] = field(default_factory=dict)

    @property
    def provenance_ratio(self) -> float:
        return self.facts_with_provenance / self.facts if self.facts else 1.0

    def as_dict(self) -> dict[str, object]:
        return {
            "triples": self.triples,
            "statements": self.statements,
            "facts": self.facts,
            "facts_with_provenance": self.facts_with_provenance,
            "classes": dict(sorted(self.classes.items())),
        }


def _short(iri: str) -> str:
    for prefix, ns in _SHORT:
        if iri.startswith(ns):
            return prefix + iri[len(ns) :]
    return iri


def _count(store: Any, where: str) -> int:
    rows = list(store.query(_PREFIXES + f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"))
    return int(rows[0]["n"].value)


def size(store: Any) -> tuple[int, int]:
    """Distinct triples (the union) and statements: the two counts a build reports."""
    return _count(store, "?s ?p ?o"), _count(store, "?st a adg:Statement")


def graph_stats(store: Any) -> GraphStats:
    """Every count, on a store holding the union as its default graph (see ``adgmin_kg.store``)."""
    triples, statements = size(store)
    facts = _count(store, f"{{ {_FACTS} }}")
    described = _count(store, f"{{ {_FACTS} }} FILTER EXISTS {{ ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }}")
    classes = {
        _short(row["c"].value): int(row["n"].value)
        for row in store.query("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c FILTER isIRI(?c) } GROUP BY ?c")
    }
    return GraphStats(triples, statements, facts, described, classes)
