"""Counts that tell what a graph holds, and whether every fact has its provenance."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rdflib import Dataset, URIRef
from rdflib.namespace import RDF

from adgmin_kg.vocab import ADG, ID, REFERENCE_GRAPH


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


def _short(iri: URIRef) -> str:
    for prefix, ns in (("adg:", str(ADG)), ("schema:", "https://schema.org/"), ("org:", "http://www.w3.org/ns/org#"), ("skos:", "http://www.w3.org/2004/02/skos/core#"), ("prov:", "http://www.w3.org/ns/prov#")):
        if str(iri).startswith(ns):
            return prefix + str(iri)[len(ns) :]
    return str(iri)


def graph_stats(dataset: Dataset) -> GraphStats:
    triples = {(s, p, o) for s, p, o, _ in dataset.quads((None, None, None, None))}
    statements = set(dataset.subjects(RDF.type, ADG.Statement))
    reified = {(s, p, o) for st in statements for s in dataset.objects(st, RDF.subject) for p in dataset.objects(st, RDF.predicate) for o in dataset.objects(st, RDF.object)}
    facts = set()
    for s, p, o, g in dataset.quads((None, None, None, None)):
        gid = g.identifier if hasattr(g, "identifier") else g
        if gid == REFERENCE_GRAPH or str(s).startswith(str(ID["statement/"])):
            continue
        if (s, RDF.type, ADG.Release) in dataset:
            continue
        facts.add((s, p, o))
    classes = Counter(_short(o) for s, o in {(s, o) for s, _, o in dataset.triples((None, RDF.type, None))} if isinstance(o, URIRef))
    return GraphStats(len(triples), len(statements), len(facts), len(facts & reified), dict(classes))
