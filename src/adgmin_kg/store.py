"""The Oxigraph store persisted beside the exports (``<build>/store``): a query process opens it
instead of parsing Turtle again.

It holds every named graph of ``kg.trig`` and, once more, their union as the default graph
(Oxigraph answers queries on its default graph far faster than on the union of named graphs).
``store.json`` records which ``kg.trig`` it was made from; a store that does not match is not used.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from adgmin_kg.atomic import write_atomic

STORE_DIR = "store"
MARKER = "store.json"


def _stamp(trig: Path) -> dict[str, int]:
    stat = trig.stat()
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def load_union_store(source: Path, fmt: Any = None) -> Any:
    """An in-memory Store with the file's named graphs and their union as default graph."""
    import pyoxigraph as ox

    fmt = fmt or ox.RdfFormat.from_extension(source.suffix.lstrip("."))
    quads = list(ox.parse(path=str(source), format=fmt))
    store = ox.Store()
    default = ox.DefaultGraph()
    store.bulk_extend(quads)
    store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, default) for q in quads)
    return store


def write_store(build_dir: Path) -> Path:
    """Make ``<build>/store`` from ``<build>/kg.trig`` (named graphs) and ``<build>/kg.nt``
    (their union, as default graph) with Oxigraph's bulk loader, which streams from the files;
    the old store stays whole until the new one is complete."""
    import pyoxigraph as ox

    trig, union = build_dir / "kg.trig", build_dir / "kg.nt"
    target = build_dir / STORE_DIR
    fresh = build_dir / f".{STORE_DIR}-{os.getpid()}"
    shutil.rmtree(fresh, ignore_errors=True)
    store = ox.Store(str(fresh))
    store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
    store.bulk_load(path=str(union), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    store.flush()
    del store
    old = build_dir / f".{STORE_DIR}-old-{os.getpid()}"
    if target.exists():
        os.replace(target, old)
    os.replace(fresh, target)
    shutil.rmtree(old, ignore_errors=True)
    write_atomic(build_dir / MARKER, json.dumps(_stamp(trig)))
    return target


def open_store(trig: Path) -> Any | None:
    """The persisted store made from this ``kg.trig``, read-only; None when there is none."""
    import pyoxigraph as ox

    marker = trig.parent / MARKER
    try:
        if json.loads(marker.read_text(encoding="utf-8")) != _stamp(trig):
            return None
        return ox.Store.read_only(str(trig.parent / STORE_DIR))
    except (OSError, ValueError):
        return None
