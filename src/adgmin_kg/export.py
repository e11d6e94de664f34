"""Deterministic exports: the same graph always gives the same bytes, written atomically.

Every graph is first *staged* as canonical N-Triples, one line per triple, sorted by code point
(Oxigraph writes the lines, so escaping is canonical). Everything else streams from there, so an
export never holds more than one release graph in memory:

- ``kg.nt`` is the k-way merge of the staged files, each triple once;
- ``kg.ttl``, ``kg.xml`` and ``kg.jsonld`` are written from ``kg.nt`` in its order;
- ``kg.trig`` is the staged graphs one after another, reference data first.

The output is stable across runs and Python hash seeds; Oxigraph's writers do the work (rdflib's
Turtle writer takes seconds where Oxigraph takes milliseconds).
"""

from __future__ import annotations

import heapq
import io
import json
import multiprocessing
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from functools import lru_cache
from itertools import groupby
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from adgmin_kg.atomic import atomic_path
from adgmin_kg.errors import AdgminKgError
from adgmin_kg.vocab import EXPORT_PREFIXES, PREFIXES, REFERENCE_GRAPH, XSD_STRING

FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
    "xml": ox.RdfFormat.RDF_XML,
}
DEFAULT_FORMATS = ("ttl", "nt", "jsonld", "trig")
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_MERGE_FAN_IN = 200  # files merged at once; keeps far below any open-files limit

StagedGraph = tuple[str, Path]
"""A named graph's IRI and the file holding its sorted canonical N-Triples."""


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


def canonical_ntriples(triples: Iterable[tuple[Node, Node, Node]]) -> str:
    """Canonical N-Triples, one line per distinct triple, sorted: the staging form of a graph."""
    return canonical_triples(ox.Triple(_term(s), _term(p), _term(o)) for s, p, o in triples)


def canonical_triples(triples: Iterable[ox.Triple]) -> str:
    """:func:`canonical_ntriples` of Oxigraph triples."""
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    return "".join(sorted(set(data.decode("utf-8").splitlines(keepends=True))))


def union_graph(dataset: Dataset) -> Graph:
    """All graphs of the dataset as one rdflib graph."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def _prefixes() -> dict[str, str]:
    return dict(sorted(EXPORT_PREFIXES.items()))


# ---------------------------------------------------------------- the union, merged


def _merge(paths: Sequence[Path], out: IO[str], leave_out: Collection[str] = frozenset(), merges: Any = None) -> list[str]:
    """Merge sorted line files into ``out``, dropping repeated lines and those in ``leave_out``.

    With ``merges`` (reconcile.Merges), a line naming a merged node is rewritten and returned,
    not written: it no longer sorts where it was."""
    moved: list[str] = []
    with ExitStack() as stack:
        files = [stack.enter_context(open(p, encoding="utf-8", newline="\n")) for p in paths]
        previous = None
        for line in heapq.merge(*files):
            if line != previous:
                previous = line
                if merges is not None and merges.touches(line):
                    rewritten = merges.rewrite(line)
                    if rewritten != line:
                        moved.append(rewritten)
                        continue
                if line not in leave_out:
                    out.write(line)
    return moved


def merge_union(paths: Sequence[Path], target: Path, leave_out: Collection[str] = frozenset(), merges: Any = None) -> None:
    """The sorted union of sorted N-Triples files, in rounds of at most ``_MERGE_FAN_IN`` files,
    without the lines in ``leave_out`` (the claims reconciliation did not prefer), with the
    nodes an editor merged (``merges``) replaced by the nodes kept."""
    with tempfile.TemporaryDirectory(prefix=".merge-", dir=target.parent) as scratch:
        level = list(paths)
        round_ = 0
        while len(level) > _MERGE_FAN_IN:
            merged = []
            for start in range(0, len(level), _MERGE_FAN_IN):
                part = Path(scratch) / f"{round_}-{start}.nt"
                with open(part, "w", encoding="utf-8", newline="\n") as out:
                    _merge(level[start : start + _MERGE_FAN_IN], out)
                merged.append(part)
            level, round_ = merged, round_ + 1
        if merges is None:
            with open(target, "w", encoding="utf-8", newline="\n") as out:
                _merge(level, out, leave_out)
            return
        main = Path(scratch) / "main.nt"
        with open(main, "w", encoding="utf-8", newline="\n") as out:
            moved = _merge(level, out, leave_out, merges)
        extra = Path(scratch) / "moved.nt"
        extra.write_text("".join(sorted(set(moved) - set(leave_out))), encoding="utf-8", newline="\n")
        with open(target, "w", encoding="utf-8", newline="\n") as out:
            _merge([main, extra], out)


# ---------------------------------------------------------------- writers


def _triples(nt: Path) -> Iterator[ox.Triple]:
    for quad in ox.parse(path=str(nt), format=ox.RdfFormat.N_TRIPLES):
        yield quad.triple


def _write_trig(graphs: Sequence[StagedGraph], out: IO[bytes]) -> None:
    def quads() -> Iterator[ox.Quad]:
        for name, path in graphs:
            graph = ox.NamedNode(name)
            for t in _triples(path):
                yield ox.Quad(t.subject, t.predicate, t.object, graph)

    ox.serialize(quads(), out, ox.RdfFormat.TRIG, prefixes=_prefixes())


def _curie_maker() -> Callable[[str], str]:
    """``prefix:local`` for IRIs under the export prefixes (when the local part is a plain name)."""
    by_ns = sorted(EXPORT_PREFIXES.items(), key=lambda kv: -len(kv[1]))

    @lru_cache(maxsize=None)
    def curie(iri: str) -> str:
        for prefix, ns in by_ns:
            local = iri[len(ns) :]
            if iri.startswith(ns) and local.replace("-", "").replace("_", "").isalnum():
                return f"{prefix}:{local}"
        return iri

    return curie


def _jsonld_value(o: ox.NamedNode | ox.BlankNode | ox.Literal, curie: Callable[[str], str]) -> dict[str, str]:
    if isinstance(o, ox.Literal):
        if o.language:
            return {"@language": o.language, "@value": o.value}
        if o.datatype.value != XSD_STRING:
            return {"@type": curie(o.datatype.value), "@value": o.value}
        return {"@value": o.value}
    return {"@id": curie(o.value) if isinstance(o, ox.NamedNode) else f"_:{o.value}"}


def _jsonld_node(subject: str, triples: Iterable[ox.Triple], curie: Callable[[str], str]) -> dict[str, object]:
    values: dict[str, list[dict[str, str]]] = {}
    for t in triples:
        p = t.predicate.value
        values.setdefault("@type" if p == _RDF_TYPE else curie(p), []).append(_jsonld_value(t.object, curie))
    entry: dict[str, object] = {"@id": subject}
    for key, vals in sorted(values.items()):
        ordered = sorted(vals, key=lambda v: sorted(v.items()))
        entry[key] = [v["@id"] for v in ordered] if key == "@type" else ordered
    return entry


def _write_jsonld(union: Path, out: IO[bytes]) -> None:
    """Flattened JSON-LD with the project's prefixes as context: one node object per subject and
    per line, in the order of ``kg.nt``; written node by node."""
    curie = _curie_maker()
    text = io.TextIOWrapper(out, encoding="utf-8", newline="\n", write_through=True)
    context = json.dumps(_prefixes(), ensure_ascii=False, indent=1, sort_keys=True).replace("\n", "\n ")
    text.write('{\n "@context": ' + context + ',\n "@graph": [')
    first = True
    for subject, group in groupby(_triples(union), key=lambda t: t.subject):
        name = curie(subject.value) if isinstance(subject, ox.NamedNode) else f"_:{subject.value}"
        node = json.dumps(_jsonld_node(name, group, curie), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        text.write(("\n  " if first else ",\n  ") + node)
        first = False
    text.write("\n ]\n}\n")
    text.detach()


def _write(fmt: str, graphs: Sequence[StagedGraph], union: Path, out: IO[bytes]) -> None:
    if fmt == "trig":
        _write_trig(graphs, out)
    elif fmt == "jsonld":
        _write_jsonld(union, out)
    elif fmt == "nt":
        with open(union, "rb") as source:
            shutil.copyfileobj(source, out)
    else:
        ox.serialize(_triples(union), out, FORMATS[fmt], prefixes=_prefixes())


def _write_file(fmt: str, graphs: Sequence[StagedGraph], union: Path, target: Path) -> None:
    with open(target, "wb") as out:
        _write(fmt, graphs, union, out)


@contextmanager
def _fork_pool(jobs: int) -> Iterator[ProcessPoolExecutor | None]:
    """Processes for ``jobs`` writers where fork is available and there is a core to spare."""
    cores = os.cpu_count() or 1
    if jobs == 0 or cores < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield None
        return
    pool = ProcessPoolExecutor(max_workers=min(jobs, cores), mp_context=multiprocessing.get_context("fork"))
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _check_formats(formats: Iterable[str]) -> None:
    for fmt in formats:
        if fmt not in FORMATS:
            raise AdgminKgError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


def export_staged(
    graphs: Sequence[StagedGraph],
    out_dir: Path,
    formats: Sequence[str] = DEFAULT_FORMATS,
    *,
    alongside: Callable[[Path, Path], None] | None = None,
    leave_out: Collection[str] = frozenset(),
    merges: Any = None,
) -> list[Path]:
    """Write ``kg.<fmt>`` for each format from staged graphs (reference first, then by IRI).

    Each file is written beside its target and renamed onto it, so readers never see half a file;
    all formats are written before any is renamed, so an error leaves the old exports whole.

    :param leave_out: N-Triples lines left out of the union (``kg.nt``, ``kg.ttl``, ``kg.jsonld``,
        ``kg.xml``): the truthy view; ``kg.trig`` keeps every graph whole.
    :param merges: nodes an editor merged (reconcile.Merges), replaced in the truthy view too.
    :param alongside: called with the finished (not yet renamed) ``kg.trig`` and ``kg.nt``
        while the other formats are being written (such as loading them into a store); the
        exports are renamed only if it succeeds too.
    """
    _check_formats(formats)
    out_dir.mkdir(parents=True, exist_ok=True)
    ordered = sorted(graphs, key=lambda g: (g[0] != str(REFERENCE_GRAPH), g[0]))
    with ExitStack() as stack:
        if "nt" in formats:
            union = stack.enter_context(atomic_path(out_dir / "kg.nt"))
        else:
            union = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix=".union-", dir=out_dir))) / "kg.nt"
        merge_union([path for _, path in ordered], union, leave_out, merges)
        temps = {fmt: stack.enter_context(atomic_path(out_dir / f"kg.{fmt}")) for fmt in formats if fmt != "nt"}
        # Formats other than TriG are written by forked processes (before any thread is started)
        # while this process writes kg.trig and runs ``alongside``.
        others = [fmt for fmt in temps if fmt != "trig"]
        writers = stack.enter_context(_fork_pool(len(others)))
        pending = [writers.submit(_write_file, fmt, ordered, union, temps[fmt]) for fmt in others] if writers else []
        if not writers:
            for fmt in others:
                _write_file(fmt, ordered, union, temps[fmt])
        if "trig" in temps:
            _write_file("trig", ordered, union, temps["trig"])
            if alongside:
                alongside(temps["trig"], union)
        for job in pending:
            job.result()  # re-raises a writer's error: then nothing is renamed
    return [out_dir / f"kg.{fmt}" for fmt in formats]


def stage_dataset(dataset: Dataset, folder: Path) -> list[StagedGraph]:
    """Each non-empty named graph of an in-memory dataset staged as a file in ``folder``."""
    graphs = []
    names = {g.identifier for g in dataset.graphs() if isinstance(g.identifier, URIRef) and g.identifier != dataset.default_graph.identifier}
    for n, name in enumerate(sorted(names)):
        text = canonical_ntriples(dataset.graph(name))
        if text:
            path = folder / f"{n}.nt"
            path.write_text(text, encoding="utf-8", newline="\n")
            graphs.append((str(name), path))
    return graphs


def dumps(dataset: Dataset, fmt: str, *, reconciled: bool = False) -> str:
    """Serialise an in-memory dataset in one of ``FORMATS``; byte-identical for the same data.

    With ``reconciled``, the release graphs are reconciled first (``graph/reconciled`` is added,
    and every format but TriG is the truthy view), as ``adgmin-kg build`` writes them; without,
    the dataset is written as it is."""
    _check_formats([fmt])
    with tempfile.TemporaryDirectory(prefix="adgmin-kg-export-") as scratch:
        folder = Path(scratch)
        graphs = stage_dataset(dataset, folder)
        leave_out: set[str] = set()
        merges = None
        if reconciled:
            from adgmin_kg.reconcile import reconcile_staged

            from adgmin_kg.reconcile import RECONCILED_GRAPH

            graphs = [g for g in graphs if g[0] != str(RECONCILED_GRAPH)]  # made again
            staged = reconcile_staged(graphs, folder)
            graphs.append(staged.graph)
            leave_out, merges = set(staged.left_out), staged.merges
        graphs = sorted(graphs, key=lambda g: (g[0] != str(REFERENCE_GRAPH), g[0]))
        union = folder / "union.nt"
        merge_union([path for _, path in graphs], union, leave_out, merges)
        out = io.BytesIO()
        _write(fmt, graphs, union, out)
        return out.getvalue().decode("utf-8")


__all__ = ["DEFAULT_FORMATS", "FORMATS", "StagedGraph", "canonical_ntriples", "canonical_triples", "dumps", "export_staged", "stage_dataset", "union_graph"]
