"""Deterministic exports: the same graph always gives the same bytes, written atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import json

from rdflib import Dataset, Graph, Literal
from rdflib.namespace import RDF
from rdflib.term import Node

from adgmin_kg.errors import AdgminKgError
from adgmin_kg.vocab import PREFIXES, REFERENCE_GRAPH

FORMATS: dict[str, str] = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "trig": "trig", "xml": "xml"}
DEFAULT_FORMATS = ("ttl", "nt", "jsonld", "trig")


def _key(triple: tuple[Node, Node, Node]) -> tuple[str, str, str]:
    return (triple[0].n3(), triple[1].n3(), triple[2].n3())


def _sorted_graph(triples: list[tuple[Node, Node, Node]], identifier: Node | None = None) -> Graph:
    g = Graph(identifier=identifier)
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for t in sorted(set(triples), key=_key):
        g.add(t)
    return g


def union_graph(dataset: Dataset) -> Graph:
    """All graphs of the dataset as one graph, triples inserted in sorted order."""
    return _sorted_graph([(s, p, o) for s, p, o, _ in dataset.quads((None, None, None, None))])


def _named_graphs(dataset: Dataset) -> list[Graph]:
    graphs = [g for g in dataset.graphs() if len(g) and g.identifier != dataset.default_context.identifier]
    graphs.sort(key=lambda g: (g.identifier != REFERENCE_GRAPH, str(g.identifier)))
    return graphs


def _turtle_body(graph: Graph) -> str:
    """Turtle of a graph without its prefix lines (the caller writes them once)."""
    lines = graph.serialize(format="turtle").splitlines()
    return "\n".join(line for line in lines if not line.startswith("@prefix")).strip()


def _prefix_block() -> str:
    return "".join(f"@prefix {prefix}: <{ns}> .\n" for prefix, ns in sorted(PREFIXES.items()))


def _trig(dataset: Dataset) -> str:
    """TriG written graph by graph from sorted Turtle: rdflib's own TriG order varies."""
    parts = [_prefix_block()]
    for g in _named_graphs(dataset):
        body = _turtle_body(_sorted_graph(list(g)))
        indented = "\n".join(("    " + line) if line else "" for line in body.splitlines())
        parts.append(f"\n<{g.identifier}> {{\n{indented}\n}}\n")
    return "".join(parts)


def _curie(iri: str) -> str:
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1]))):
        if iri.startswith(str(ns)) and iri[len(str(ns)) :].replace("-", "").replace("_", "").replace("/", "").isalnum():
            return f"{prefix}:{iri[len(str(ns)):]}"
    return iri


def _jsonld(dataset: Dataset) -> str:
    """Flattened JSON-LD with a prefix context, nodes and values sorted."""
    nodes: dict[str, dict[str, list[dict[str, str]]]] = {}
    for s, p, o in union_graph(dataset):
        node = nodes.setdefault(str(s), {})
        key = "@type" if p == RDF.type else _curie(str(p))
        if isinstance(o, Literal):
            value = {"@value": str(o)}
            if o.language:
                value["@language"] = o.language
            elif o.datatype:
                value["@type"] = _curie(str(o.datatype))
        else:
            value = {"@id": _curie(str(o))}
        node.setdefault(key, []).append(value)
    graph = []
    for subject in sorted(nodes):
        entry: dict[str, object] = {"@id": _curie(subject)}
        for key, values in sorted(nodes[subject].items()):
            ordered = sorted(values, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
            entry[key] = [v["@id"] for v in ordered] if key == "@type" else ordered
        graph.append(entry)
    context = {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}
    return json.dumps({"@context": context, "@graph": graph}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _xml(dataset: Dataset) -> str:
    """RDF/XML, one rdf:Description per subject, all sorted (rdflib's own order varies)."""
    from xml.sax.saxutils import escape, quoteattr

    by_ns = sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1])))

    def qname(iri: str) -> str:
        for prefix, ns in by_ns:
            if iri.startswith(str(ns)) and iri[len(str(ns)) :].replace("-", "").replace("_", "").isalnum():
                return f"{prefix}:{iri[len(str(ns)):]}"
        raise AdgminKgError(f"cannot write predicate {iri} as RDF/XML: no namespace prefix for it")

    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<rdf:RDF"]
    lines += [f'   xmlns:{prefix}="{ns}"' for prefix, ns in sorted(PREFIXES.items())]
    lines[-1] += ">"
    current = None
    for s, p, o in sorted(union_graph(dataset), key=_key):
        if s != current:
            if current is not None:
                lines.append("  </rdf:Description>")
            lines.append(f"  <rdf:Description rdf:about={quoteattr(str(s))}>")
            current = s
        name = qname(str(p))
        if isinstance(o, Literal):
            attrs = f' xml:lang="{o.language}"' if o.language else (f" rdf:datatype={quoteattr(str(o.datatype))}" if o.datatype else "")
            lines.append(f"    <{name}{attrs}>{escape(str(o))}</{name}>")
        else:
            lines.append(f"    <{name} rdf:resource={quoteattr(str(o))}/>")
    if current is not None:
        lines.append("  </rdf:Description>")
    lines.append("</rdf:RDF>")
    return "\n".join(lines) + "\n"


def dumps(dataset: Dataset, fmt: str) -> str:
    """Serialise in one of ``FORMATS``; byte-identical for the same dataset."""
    if fmt not in FORMATS:
        raise AdgminKgError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "nt":
        lines = {f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o, _ in dataset.quads((None, None, None, None))}
        return "".join(sorted(lines))
    if fmt == "trig":
        return _trig(dataset)
    if fmt == "jsonld":
        return _jsonld(dataset)
    if fmt == "xml":
        return _xml(dataset)
    return union_graph(dataset).serialize(format=FORMATS[fmt])


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path``, then rename: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def dump(dataset: Dataset, path: Path, fmt: str | None = None) -> None:
    fmt = fmt or path.suffix.lstrip(".")
    write_atomic(path, dumps(dataset, fmt))


def export_all(dataset: Dataset, out_dir: Path, formats: tuple[str, ...] = DEFAULT_FORMATS) -> list[Path]:
    """Serialise every format first, then write them all: an error leaves old exports whole."""
    texts = {fmt: dumps(dataset, fmt) for fmt in formats}
    paths = []
    for fmt, text in texts.items():
        path = out_dir / f"kg.{fmt}"
        write_atomic(path, text)
        paths.append(path)
    return paths
