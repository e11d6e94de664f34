"""The Oxigraph store persisted beside the exports (``<build>/store``): a query process opens it
instead of parsing Turtle again.

It holds every named graph of ``kg.trig`` and, once more, their union as the default graph
(Oxigraph answers queries on its default graph far faster than on the union of named graphs).
``store.json`` records which ``kg.trig`` it was made from (a store that does not match is not
used) and which staged file each named graph came from, so that a rebuild that changed a few
release graphs updates a copy of the store instead of loading everything again.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from adgmin_kg.atomic import write_atomic

#: reconcile.RECONCILED_GRAPH, spelt out: this module stays free of rdflib (a query process
#: that opens the store need not import it)
RECONCILED_GRAPH = "https://w3id.org/adgmin-kg/graph/reconciled"

#: SPARQL Update that makes a default graph loaded with the union of a ``kg.trig`` the truthy
#: view (as ``kg.nt``): it removes the claims of one-value properties whose statements
#: ``graph/reconciled`` does not rank preferred.
#: Then the nodes an editor merged (a curated owl:sameAs, ``action: merge``) are replaced by the
#: nodes kept, but in the merge statements themselves (one step: a chain of merges is followed
#: by the build's exports, not by this update).
TRUTHY_UPDATE = f"""PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX adg: <https://w3id.org/adgmin-kg/ontology#>
DELETE {{ ?s ?p ?o }} WHERE {{
  GRAPH <{RECONCILED_GRAPH}> {{
    <https://w3id.org/adgmin-kg/id/activity/reconciliation> adg:oneValueProperty ?p .
    ?statement adg:rank ?rank . FILTER(?rank != adg:PreferredRank)
  }}
  GRAPH ?release {{ ?statement rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }}
}} ;
DELETE {{ ?drop ?p ?o }} INSERT {{ ?keep ?p ?o }} WHERE {{
  GRAPH ?g {{ ?merge rdf:predicate owl:sameAs ; rdf:subject ?drop ; rdf:object ?keep ;
                     prov:wasGeneratedBy <https://w3id.org/adgmin-kg/id/activity/curation> }}
  ?drop ?p ?o . FILTER(?p != owl:sameAs || ?o != ?keep)
}} ;
DELETE {{ ?s ?p ?drop }} INSERT {{ ?s ?p ?keep }} WHERE {{
  GRAPH ?g {{ ?merge rdf:predicate owl:sameAs ; rdf:subject ?drop ; rdf:object ?keep ;
                     prov:wasGeneratedBy <https://w3id.org/adgmin-kg/id/activity/curation> }}
  ?s ?p ?drop .
  FILTER NOT EXISTS {{ GRAPH ?g2 {{ ?s rdf:predicate owl:sameAs ;
                                    prov:wasGeneratedBy <https://w3id.org/adgmin-kg/id/activity/curation> }} }}
}}"""

STORE_DIR = "store"
MARKER = "store.json"


_REBUILD_SHARE = 0.25  # above this share of changed graphs, loading everything is faster


def _stamp(trig: Path) -> dict[str, int]:
    stat = trig.stat()
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def _manifest(build_dir: Path) -> dict[str, Any]:
    try:
        data = json.loads((build_dir / MARKER).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def load_union_store(source: Path, fmt: Any = None) -> Any:
    """An in-memory Store with the file's named graphs and their union as default graph; when
    the file holds ``graph/reconciled``, the default graph is the truthy view (the claims of
    one-value properties that are not preferred are left out, as in ``kg.nt``)."""
    import pyoxigraph as ox

    fmt = fmt or ox.RdfFormat.from_extension(source.suffix.lstrip("."))
    quads = list(ox.parse(path=str(source), format=fmt))
    store = ox.Store()
    default = ox.DefaultGraph()
    store.bulk_extend(quads)
    store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, default) for q in quads)
    store.update(TRUTHY_UPDATE)
    return store


def load_store(trig: Path, union: Path, directory: Path) -> None:
    """Make a store at ``directory`` (it must not exist) from a TriG file (the named graphs) and
    an N-Triples file (their union, the default graph), with Oxigraph's bulk loader: it streams
    from the files and releases the GIL."""
    import pyoxigraph as ox

    store = ox.Store(str(directory))
    store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
    store.bulk_load(path=str(union), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    store.flush()


def fresh_store_dir(build_dir: Path) -> Path:
    """Where a new store is made before :func:`install_store` puts it in place."""
    fresh = build_dir / f".{STORE_DIR}-{os.getpid()}"
    shutil.rmtree(fresh, ignore_errors=True)
    return fresh


def graph_changes(build_dir: Path, graphs: dict[str, Path]) -> list[tuple[str, Path | None, Path | None]] | None:
    """(graph IRI, old staged file, new staged file) for each named graph that differs from the
    installed store's, or None when the store should be loaded afresh (no usable store, an old
    file gone, or too many changes)."""
    manifest = _manifest(build_dir)
    previous = manifest.get("graphs")
    if not isinstance(previous, dict) or not (build_dir / STORE_DIR).is_dir():
        return None
    left_out = manifest.get("left_out")
    if not isinstance(left_out, str) or not Path(left_out).exists() or manifest.get("merged"):
        return None  # a store made before reconciliation, its left-out lines gone, or nodes merged
    changes = []
    for iri in sorted(set(previous) | set(graphs)):
        old = Path(previous[iri]) if iri in previous else None
        new = graphs.get(iri)
        if old != new:
            if old is not None and not old.exists():
                return None
            changes.append((iri, old, new))
    # graph/reconciled changes with any release: it does not count towards a reload
    counted = [c for c in changes if c[0] != RECONCILED_GRAPH]
    return changes if len(counted) <= _REBUILD_SHARE * max(len(graphs), 1) else None


def _lines(path: Path | None) -> set[str]:
    return set(path.read_text(encoding="utf-8").splitlines(keepends=True)) if path else set()


def update_store(build_dir: Path, changes: list[tuple[str, Path | None, Path | None]], directory: Path, left_out: Path | None = None) -> None:
    """Make at ``directory`` a copy of the installed store (a RocksDB checkpoint: hard links)
    with the changed named graphs replaced and the default graph patched to match: the union
    of the named graphs without the lines in ``left_out`` (the truthy view, see reconcile.py)."""
    import pyoxigraph as ox

    ox.Store.read_only(str(build_dir / STORE_DIR)).backup(str(directory))
    store = ox.Store(str(directory))
    nt, default = ox.RdfFormat.N_TRIPLES, ox.DefaultGraph()
    old_left_out = _lines(Path(p)) if isinstance(p := _manifest(build_dir).get("left_out"), str) else set()
    new_left_out = _lines(left_out)

    def stated(quad: ox.Quad) -> bool:
        return any(q.graph_name != default for q in store.quads_for_pattern(quad.subject, quad.predicate, quad.object))

    for iri, old_path, new_path in changes:
        graph = ox.NamedNode(iri)
        old, new = _lines(old_path), _lines(new_path)
        store.remove_graph(graph)
        if new_path:
            store.load(path=str(new_path), format=nt, to_graph=graph)
        for quad in ox.parse("".join(sorted(new - old - new_left_out)), format=nt):
            store.add(ox.Quad(quad.subject, quad.predicate, quad.object, default))
        for quad in ox.parse("".join(sorted(old - new)), format=nt):
            if not stated(quad):  # no other graph states it: out of the union too
                store.remove(ox.Quad(quad.subject, quad.predicate, quad.object, default))
    for quad in ox.parse("".join(sorted(new_left_out - old_left_out)), format=nt):
        store.remove(ox.Quad(quad.subject, quad.predicate, quad.object, default))
    for quad in ox.parse("".join(sorted(old_left_out - new_left_out)), format=nt):
        if stated(quad):  # preferred now
            store.add(ox.Quad(quad.subject, quad.predicate, quad.object, default))
    store.flush()


def install_store(build_dir: Path, fresh: Path, graphs: dict[str, Path] | None = None, left_out: Path | None = None, merged: bool = False) -> Path:
    """Put a store made from ``<build>/kg.trig`` in place of the old one and record which
    ``kg.trig`` (and which staged file per graph) it was made from; the old store stays whole
    until then."""
    target = build_dir / STORE_DIR
    old = build_dir / f".{STORE_DIR}-old-{os.getpid()}"
    if target.exists():
        os.replace(target, old)
    os.replace(fresh, target)
    shutil.rmtree(old, ignore_errors=True)
    manifest: dict[str, Any] = {"trig": _stamp(build_dir / "kg.trig")}
    if graphs:
        manifest["graphs"] = {iri: str(path) for iri, path in sorted(graphs.items())}
    if left_out is not None:
        manifest["left_out"] = str(left_out)
    if merged:
        manifest["merged"] = True  # nodes merged in the default graph: the next build loads afresh
    write_atomic(build_dir / MARKER, json.dumps(manifest, indent=1))
    return target


def open_store(trig: Path) -> Any | None:
    """The persisted store made from this ``kg.trig``, read-only; None when there is none."""
    import pyoxigraph as ox

    try:
        if _manifest(trig.parent).get("trig") != _stamp(trig):
            return None
        return ox.Store.read_only(str(trig.parent / STORE_DIR))
    except (OSError, ValueError):
        return None
