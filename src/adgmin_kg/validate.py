"""Validate a built graph against the SHACL shapes in ``ontology/``.

The data are validated as one graph: for a :class:`rdflib.Dataset`, the union of all its named
graphs (and its default graph), because facts in a release graph refer to labels, types and
concept schemes that live in ``graph/reference``. The ontology is passed to pySHACL as
``ont_graph`` with inference ``"none"``: the builder materialises ``adg:`` superclasses itself,
and the ontology only lends its ``rdfs:subClassOf`` links to ``sh:class``/``sh:targetClass``.

``validate`` never raises on a non-conforming graph; the caller decides (see
``adgmin_kg.errors.GraphInvalidError``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
import pyshacl
from rdflib import BNode, ConjunctiveGraph, Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from adgmin_kg.errors import AdgminKgError
from adgmin_kg.paths import ontology_dir
from adgmin_kg.vocab import XSD_STRING

ONTOLOGY_FILE = "adgmin-kg.ttl"
SHAPES_FILES = ("shapes.ttl", "shapes-warnings.ttl")

_SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


@dataclass(frozen=True)
class ValidationResult:
    """One ``sh:ValidationResult``; terms are rendered as text (IRIs in full, literals in N3)."""

    severity: str
    focus_node: str
    result_path: str
    value: str
    message: str
    source_shape: str

    def sort_key(self) -> tuple[int, str, str, str, str, str]:
        return (
            _SEVERITY_ORDER.get(self.severity, 9),
            self.source_shape,
            self.focus_node,
            self.result_path,
            self.value,
            self.message,
        )


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of :func:`validate`: ``conforms`` is False only when there is a Violation."""

    conforms: bool
    results: tuple[ValidationResult, ...]

    def violations(self) -> tuple[ValidationResult, ...]:
        return tuple(r for r in self.results if r.severity == "Violation")

    def warnings(self) -> tuple[ValidationResult, ...]:
        return tuple(r for r in self.results if r.severity == "Warning")

    def format(self, max_results: int = 20) -> str:
        """A readable report: a summary line, then one block per result (at most ``max_results``)."""
        n_violations, n_warnings = len(self.violations()), len(self.warnings())
        head = "conforms" if self.conforms else "does not conform"
        lines = [f"SHACL: {head} ({n_violations} violation(s), {n_warnings} warning(s))"]
        for result in self.results[:max_results]:
            lines += [
                "",
                f"{result.severity}: {result.message}",
                f"  shape: {result.source_shape}",
                f"  focus: {result.focus_node}",
                f"  path:  {result.result_path or '-'}",
                f"  value: {result.value or '-'}",
            ]
        if len(self.results) > max_results:
            lines += ["", f"... and {len(self.results) - max_results} more result(s)"]
        return "\n".join(lines)


def _rdflib_term(term: ox.NamedNode | ox.BlankNode | ox.Literal, path: Path) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(f"{path.stem}-{term.value}")
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == XSD_STRING:  # rdflib keeps simple literals without a datatype
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _read_turtle(*paths: Path) -> Graph:
    """Turtle parsed by Oxigraph (ten times faster than rdflib's parser: it matters for a
    one-release rebuild), as an rdflib graph for pySHACL."""
    graph = Graph()
    for path in paths:
        try:
            triples = [q.triple for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
        except SyntaxError as err:
            raise AdgminKgError(f"{path}: not valid Turtle: {err}") from None
        for t in triples:
            graph.add((_rdflib_term(t.subject, path), _rdflib_term(t.predicate, path), _rdflib_term(t.object, path)))
    return graph


@lru_cache(maxsize=4)
def load_ontology(directory: Path | None = None) -> Graph:
    """The ontology graph, parsed once per directory. Treat it as read-only: it is shared."""
    return _read_turtle((directory or ontology_dir()) / ONTOLOGY_FILE)


_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


def _targets_on_property_shapes(shapes: Graph) -> Graph:
    """Give each ``sh:property`` shape the targets of its node shape, and drop the link.

    pySHACL evaluates a shape reached through ``sh:property`` once per focus node (building its
    constraints again each time), but a targeted shape once for all its focus nodes: with about
    ten property shapes per class and hundreds of statements per release, that is 3-4 times the
    validation time. The two forms mean the same (SHACL 2.1: a property shape may have targets),
    and results still name the property shape. Node shapes used through ``sh:node`` or
    ``sh:qualifiedValueShape`` are left as written.
    """
    used_as_value = set(shapes.objects(None, SH.node)) | set(shapes.objects(None, SH.qualifiedValueShape))
    for node in sorted(set(shapes.subjects(SH.property, None))):
        targets = [(p, o) for p in _TARGETS for o in shapes.objects(node, p)]
        if not targets or node in used_as_value:
            continue
        for prop in list(shapes.objects(node, SH.property)):
            for p, o in targets:
                shapes.add((prop, p, o))
            shapes.remove((node, SH.property, prop))
    return shapes


@lru_cache(maxsize=4)
def load_shapes(directory: Path | None = None) -> Graph:
    """The violation and warning shapes in one graph, parsed once per directory (read-only),
    with targets moved onto property shapes for speed (see ``_targets_on_property_shapes``)."""
    base = directory or ontology_dir()
    return _targets_on_property_shapes(_read_turtle(*(base / name for name in SHAPES_FILES)))


def _union(data: Graph | Dataset) -> Graph:
    """One plain Graph with every triple of ``data`` (all named graphs of a Dataset)."""
    if not isinstance(data, ConjunctiveGraph):  # Dataset is a ConjunctiveGraph
        return data
    graph = Graph()
    for prefix, namespace in data.namespaces():
        graph.bind(prefix, namespace, override=False)
    for s, p, o, _ in data.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def _term(node: Node | None) -> str:
    if node is None:
        return ""
    if isinstance(node, Literal):
        return node.n3()
    if isinstance(node, BNode):
        return f"_:{node}"
    return str(node)


def _path(results: Graph, node: Node | None) -> str:
    """Render a SHACL property path: IRIs in full, ``^p`` for inverse, ``a/b`` for sequences."""
    if node is None:
        return ""
    if isinstance(node, URIRef):
        return str(node)
    inverse = results.value(node, SH.inversePath)
    if inverse is not None:
        return "^" + _path(results, inverse)
    if results.value(node, RDF.first) is not None:
        return "/".join(_path(results, step) for step in Collection(results, node))
    for keyword, mark in ((SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+"), (SH.zeroOrOnePath, "?")):
        inner = results.value(node, keyword)
        if inner is not None:
            return f"({_path(results, inner)}){mark}"
    alternatives = results.value(node, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(_path(results, a) for a in Collection(results, alternatives)) + ")"
    return _term(node)


def _results(results: Graph) -> tuple[ValidationResult, ...]:
    """Top-level results only: nested ``sh:detail`` results (from ``sh:node``) are left out."""
    parsed = []
    top_level = (r for report in results.subjects(RDF.type, SH.ValidationReport)
                 for r in results.objects(report, SH.result))
    for node in top_level:
        severity = results.value(node, SH.resultSeverity)
        messages = sorted(str(m) for m in results.objects(node, SH.resultMessage))
        parsed.append(
            ValidationResult(
                severity=_SEVERITIES.get(severity, _term(severity)),  # type: ignore[arg-type]
                focus_node=_term(results.value(node, SH.focusNode)),
                result_path=_path(results, results.value(node, SH.resultPath)),
                value=_term(results.value(node, SH.value)),
                message=" ".join(messages),
                source_shape=_term(results.value(node, SH.sourceShape)),
            )
        )
    return tuple(sorted(parsed, key=ValidationResult.sort_key))


def validate(data: Graph | Dataset, *, shapes_dir: Path | None = None, consume: bool = False) -> ValidationReport:
    """Validate ``data`` against the shapes; never raises on non-conformance.

    :param data: a built graph, or a Dataset whose named graphs are validated together.
    :param shapes_dir: a folder holding ``adgmin-kg.ttl``, ``shapes.ttl`` and
        ``shapes-warnings.ttl``; defaults to the project's ``ontology/``.
    :param consume: the caller will not use ``data`` again, so the ontology may be mixed into it
        instead of into a copy (saves copying the graph).
    :returns: a report whose ``conforms`` ignores warnings.
    """
    _, results_graph, _ = pyshacl.validate(
        _union(data),
        shacl_graph=load_shapes(shapes_dir),
        ont_graph=load_ontology(shapes_dir),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
        advanced=False,
        inplace=consume,
    )
    results = _results(results_graph)  # type: ignore[arg-type]
    conforms = not any(r.severity == "Violation" for r in results)
    return ValidationReport(conforms=conforms, results=results)
