"""Deterministic exports: the same graph always gives the same bytes, written atomically.

Triples are sorted before they are written, and Oxigraph's serialisers write them in the order
given, so output is stable across runs and Python hash seeds (and fast: rdflib's Turtle writer
takes seconds where Oxigraph takes milliseconds).
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from adgmin_kg.atomic import write_atomic
from adgmin_kg.errors import AdgminKgError
from adgmin_kg.vocab import EXPORT_PREFIXES, PREFIXES, REFERENCE_GRAPH

FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
    "xml": ox.RdfFormat.RDF_XML,
}
DEFAULT_FORMATS = ("ttl", "nt", "jsonld", "trig")
Triple = tuple[Node, Node, Node]


def _key(triple: Triple) -> tuple[str, str, str]:
    return (triple[0].n3(), triple[1].n3(), triple[2].n3())


def _term(node: Node) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        if node.datatype:
            return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
        return ox.Literal(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    raise AdgminKgError(f"cannot export term {node!r}")


def union_triples(dataset: Dataset) -> list[Triple]:
    """All triples of all graphs, each once, sorted."""
    return sorted({(s, p, o) for s, p, o, _ in dataset.quads((None, None, None, None))}, key=_key)


def union_graph(dataset: Dataset) -> Graph:
    """All graphs of the dataset as one rdflib graph."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for t in union_triples(dataset):
        g.add(t)
    return g


def _named_graphs(dataset: Dataset) -> list[URIRef]:
    names = {g.identifier for g in dataset.graphs() if len(g) and isinstance(g.identifier, URIRef) and g.identifier != dataset.default_graph.identifier}
    return sorted(names, key=lambda n: (n != REFERENCE_GRAPH, str(n)))


def _prefixes() -> dict[str, str]:
    return dict(sorted(EXPORT_PREFIXES.items()))


def _jsonld(triples: list[Triple]) -> str:
    """Flattened JSON-LD with the project's prefixes as context; nodes and values sorted."""
    by_ns = sorted(EXPORT_PREFIXES.items(), key=lambda kv: -len(kv[1]))

    def curie(iri: str) -> str:
        for prefix, ns in by_ns:
            local = iri[len(ns) :]
            if iri.startswith(ns) and local.replace("-", "").replace("_", "").isalnum():
                return f"{prefix}:{local}"
        return iri

    nodes: dict[str, dict[str, list[dict[str, str]]]] = {}
    for s, p, o in triples:
        node = nodes.setdefault(str(s), {})
        key = "@type" if p == RDF.type else curie(str(p))
        if isinstance(o, Literal):
            value = {"@value": str(o)}
            if o.language:
                value["@language"] = o.language
            elif o.datatype:
                value["@type"] = curie(str(o.datatype))
        else:
            value = {"@id": curie(str(o))}
        node.setdefault(key, []).append(value)
    graph = []
    for subject in sorted(nodes):
        entry: dict[str, object] = {"@id": curie(subject)}
        for key, values in sorted(nodes[subject].items()):
            ordered = sorted(values, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
            entry[key] = [v["@id"] for v in ordered] if key == "@type" else ordered
        graph.append(entry)
    return json.dumps({"@context": _prefixes(), "@graph": graph}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def dumps(dataset: Dataset, fmt: str) -> str:
    """Serialise in one of ``FORMATS``; byte-identical for the same dataset."""
    if fmt not in FORMATS:
        raise AdgminKgError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "trig":
        quads = []
        for name in _named_graphs(dataset):
            graph = ox.NamedNode(str(name))
            quads += [ox.Quad(_term(s), _term(p), _term(o), graph) for s, p, o in sorted(dataset.graph(name), key=_key)]
        return ox.serialize(quads, format=FORMATS[fmt], prefixes=_prefixes()).decode("utf-8")
    triples = union_triples(dataset)
    if fmt == "jsonld":
        return _jsonld(triples)
    prefixes = None if fmt == "nt" else _prefixes()
    data = [ox.Triple(_term(s), _term(p), _term(o)) for s, p, o in triples]
    return ox.serialize(data, format=FORMATS[fmt], prefixes=prefixes).decode("utf-8")


def export_all(dataset: Dataset, out_dir: Path, formats: tuple[str, ...] = DEFAULT_FORMATS) -> list[Path]:
    """Serialise every format first, then write them all: an error leaves old exports whole."""
    texts = {fmt: dumps(dataset, fmt) for fmt in formats}
    paths = []
    for fmt, text in texts.items():
        path = out_dir / f"kg.{fmt}"
        write_atomic(path, text)
        paths.append(path)
    return paths
