"""benchmarks/synth.py: synthetic releases the reader accepts and the builder builds."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from adgmin_kg.read import read_release
from adgmin_kg.vocab import SCHEMA

ROOT = Path(__file__).resolve().parents[1]
COUNT = 5


def _load_synth():
    name = "adgmin_kg_benchmarks_synth"  # benchmarks/ is not a package
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "synth.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


synth = _load_synth()


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth")
    return synth.generate(COUNT, out, seed=7)


@pytest.fixture(scope="module")
def built(generated):
    from adgmin_kg.pipeline import build

    return build(generated)


def _expected(path: Path) -> dict:
    return json.loads(path.with_name(path.name.removesuffix(".txt") + ".expected.json").read_text(encoding="utf-8"))


def test_files_and_ids(generated):
    assert [p.name for p in generated] == [f"synth-{n:06d}.txt" for n in range(1, COUNT + 1)]
    for path in generated:
        meta = json.loads(path.with_name(path.name.removesuffix(".txt") + ".meta.json").read_text(encoding="utf-8"))
        assert meta["publisher"] == "Royal Thai Government, Government House news (thaigov.go.th)"
        assert meta["language"] == "th" and meta["scope"] == "full" and meta["kind"] in ("news", "cabinet-summary")
        assert _expected(path)["id"] == meta["id"]


def test_reader_accepts_every_release(generated):
    for path in generated:
        release = read_release(path)
        assert release.text.startswith("รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-")
        assert release.title and "พิมพ์" in release.text.split("\n")[:8]
        assert release.issued == dt.date.fromisoformat(_expected(path)["issued"])


def test_builds_without_error(built):
    assert len(built.releases) == COUNT and not built.skipped


def test_deterministic_for_a_seed(generated, tmp_path):
    again = synth.generate(COUNT, tmp_path, seed=7)
    for first, second in zip(generated, again, strict=True):
        for suffix in (".txt", ".meta.json", ".expected.json"):
            a = first.with_name(first.name.removesuffix(".txt") + suffix)
            b = second.with_name(second.name.removesuffix(".txt") + suffix)
            assert a.read_bytes() == b.read_bytes(), a.name
    other = synth.generate(1, tmp_path / "other-seed", seed=8)
    assert other[0].read_bytes() != generated[0].read_bytes()


def test_builder_extracts_meeting_and_start_date(generated, built):
    ds = built.dataset
    for path in generated[:3]:
        facts = _expected(path)
        main = facts["meetings"][0]
        meeting = URIRef(f"https://w3id.org/adgmin-kg/id/meeting/{main['series']}-{main['ordinal']}")
        assert (meeting, None, None) in ds, f"{path.name}: {meeting} not built"
        assert (meeting, SCHEMA.startDate, Literal(dt.date.fromisoformat(main["start"]), datatype=XSD.date)) in ds, path.name


def test_refuses_data_folder(capsys):
    with pytest.raises(SystemExit):
        synth.main(["--count", "1", "--out", str(ROOT / "data" / "releases")])
