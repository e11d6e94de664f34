"""The persisted store: a rebuild that changed a few releases patches a copy of the installed
store, and the patched store holds exactly what a store loaded afresh from the exports holds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph
import pytest

from adgmin_kg.pipeline import run_build
from adgmin_kg.store import MARKER, load_store, open_store

ROOT = Path(__file__).resolve().parents[1]
# Eight small releases: one changed or dropped is a patch (at most a quarter of the graphs).
RELEASES = ["thaigov-38232", "thaigov-38528", "thaigov-50657", "thaigov-51026",
            "thaigov-64394", "thaigov-64737", "thaigov-78287", "thaigov-80156"]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "releases"
    folder.mkdir()
    for release in RELEASES:
        for path in (ROOT / "data" / "releases").glob(f"{release}.*"):
            shutil.copy(path, folder)
    return folder


def _quads(store) -> set[str]:  # type: ignore[no-untyped-def]
    return {str(q) for q in store}


def _fresh_load(out: Path, scratch: Path) -> set[str]:
    load_store(out / "kg.trig", out / "kg.nt", scratch)
    return _quads(pyoxigraph.Store.read_only(str(scratch)))


def test_a_patched_store_equals_a_fresh_one(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    run_build([corpus], out)
    manifest = json.loads((out / MARKER).read_text(encoding="utf-8"))
    assert len(manifest["graphs"]) == len(RELEASES) + 2  # and the reference and reconciled graphs
    assert Path(manifest["left_out"]).exists()
    before = _quads(open_store(out / "kg.trig"))
    six_february = '<https://w3id.org/adgmin-kg/id/meeting/adgmin-3> <https://schema.org/startDate> "2023-02-06"^^<http://www.w3.org/2001/XMLSchema#date>'
    assert six_february not in before  # announced before the event (64394): not preferred

    # one release changed (its quotes move by one character), one dropped: thaigov-64737, the
    # one that reported ADGMIN 3 on 9 February after it, so 6 February is preferred now
    changed = corpus / "thaigov-38232.txt"
    changed.write_text(" " + changed.read_text(encoding="utf-8"), encoding="utf-8")
    for path in corpus.glob("thaigov-64737.*"):
        path.unlink()
    from adgmin_kg import pipeline

    def not_loaded(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the store was loaded afresh, not patched")

    monkeypatch.setattr(pipeline, "load_store", not_loaded)
    run_build([corpus], out)

    patched = _quads(open_store(out / "kg.trig"))
    assert patched == _fresh_load(out, tmp_path / "fresh")
    assert patched != before
    dropped = "<https://w3id.org/adgmin-kg/graph/release/thaigov-64737>"
    assert not any(q.endswith(dropped) for q in patched)
    assert six_february in patched  # back in the default graph (the truthy view)


def test_a_failing_store_leaves_the_old_exports_and_store(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    run_build([corpus], out)
    exports = {p.name: p.read_bytes() for p in out.glob("kg.*")}
    store_before = _quads(open_store(out / "kg.trig"))

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError("disk full")

    from adgmin_kg import pipeline

    monkeypatch.setattr(pipeline, "update_store", broken)
    monkeypatch.setattr(pipeline, "load_store", broken)
    changed = corpus / "thaigov-38232.txt"
    changed.write_text(" " + changed.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(OSError, match="disk full"):
        run_build([corpus], out)
    assert {p.name: p.read_bytes() for p in out.glob("kg.*")} == exports
    assert _quads(open_store(out / "kg.trig")) == store_before
    assert not list(out.glob(".store-*")) and not list(out.glob(".kg.*"))
