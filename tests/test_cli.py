"""The command line as a user meets it: exit codes, one-line errors, no damaged exports."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "releases" / "thaigov-66419.txt"


def run(*args: str, home: Path | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ}
    if home:
        env["ADGMIN_KG_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "adgmin_kg.cli", *args], env=env, cwd=cwd or ROOT, capture_output=True, text=True)


@pytest.fixture()
def seed_home(tmp_path: Path) -> Path:
    """A project copy whose corpus is the seed alone (fast, and isolated from build/)."""
    home = tmp_path / "home"
    shutil.copytree(ROOT / "ontology", home / "ontology")
    shutil.copytree(ROOT / "queries", home / "queries")
    for part in ("gazetteers", "rules", "reference", "scope"):
        shutil.copytree(ROOT / "data" / part, home / "data" / part)
    (home / "data" / "releases").mkdir()
    for path in SEED.parent.glob("thaigov-66419.*"):
        shutil.copy(path, home / "data" / "releases")
    return home


def test_build_writes_all_exports(seed_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = run("build", "--out", str(out), "--quiet", home=seed_home)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir() if p.name != ".cache") == ["kg.jsonld", "kg.nt", "kg.trig", "kg.ttl", "store", "store.json"]
    assert "SHACL conforms" in done.stdout


def test_invalid_graph_is_reported_and_not_exported(seed_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "kg.ttl").write_text("previous export\n", encoding="utf-8")
    # without the attendance-role concepts, roles the rules assign are not SKOS concepts
    (seed_home / "data" / "gazetteers" / "attendance-roles.yaml").unlink()
    done = run("build", "--out", str(out), "--quiet", home=seed_home)
    assert done.returncode == 1
    assert "does not conform" in done.stderr
    assert "shapes#Attendance-role" in done.stderr and "focus: https://w3id.org/adgmin-kg/id/attendance/" in done.stderr
    assert "Traceback" not in done.stderr
    assert (out / "kg.ttl").read_text(encoding="utf-8") == "previous export\n"
    assert sorted(p.name for p in out.iterdir() if p.name != ".cache") == ["kg.ttl"]


def test_bad_release_is_one_line_and_exit_1(seed_home: Path, tmp_path: Path) -> None:
    (seed_home / "data" / "releases" / "broken.txt").write_bytes(b"\xff\xfe not utf-8")
    (seed_home / "data" / "releases" / "broken.meta.json").write_text("{}", encoding="utf-8")
    done = run("build", "--out", str(tmp_path / "out"), "--quiet", home=seed_home)
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0
    assert "broken.txt:1: not UTF-8" in done.stderr
    assert not list((tmp_path / "out").glob("kg.*")) and not (tmp_path / "out" / "store").exists()  # at most the cache of good releases


def test_skip_bad_builds_the_rest(seed_home: Path, tmp_path: Path) -> None:
    (seed_home / "data" / "releases" / "broken.txt").write_bytes(b"")
    (seed_home / "data" / "releases" / "broken.meta.json").write_text("{}", encoding="utf-8")
    done = run("build", "--out", str(tmp_path / "out"), "--quiet", "--skip-bad", home=seed_home)
    assert done.returncode == 0, done.stderr
    assert "skipped:" in done.stderr and "broken.txt: release is empty" in done.stderr
    assert (tmp_path / "out" / "kg.ttl").exists()


def test_validate_exit_codes(seed_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("build", "--out", str(out), "--quiet", home=seed_home).returncode == 0
    assert run("validate", str(out / "kg.trig"), home=seed_home).returncode == 0
    broken = tmp_path / "broken.ttl"
    broken.write_text(
        "@prefix adg: <https://w3id.org/adgmin-kg/ontology#> .\n"
        "<https://w3id.org/adgmin-kg/id/meeting/x> a adg:Meeting ; adg:ordinal 0 .\n",
        encoding="utf-8",
    )
    failed = run("validate", str(broken), home=seed_home)
    assert failed.returncode == 1 and "id/meeting/x" in failed.stdout
    missing = run("validate", str(tmp_path / "nope.ttl"), home=seed_home)
    assert missing.returncode == 2 and "file not found" in missing.stderr


def test_export_one_format_to_a_file(seed_home: Path, tmp_path: Path) -> None:
    target = tmp_path / "kg.nt"
    done = run("export", "--format", "nt", "--out", str(target), home=seed_home)
    assert done.returncode == 0, done.stderr
    assert target.read_text(encoding="utf-8").startswith("<https://w3id.org/adgmin-kg/")


def test_every_command_has_help() -> None:
    for command in ("build", "validate", "export", "stats"):
        done = run(command, "--help")
        assert done.returncode == 0 and "usage: adgmin-kg" in done.stdout


def test_rebuild_takes_unchanged_releases_from_the_cache(seed_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run("build", "--out", str(out), home=seed_home)
    assert first.returncode == 0 and "(1 extracted, 0 unchanged)" in first.stdout
    exports = {p.name: p.read_bytes() for p in out.glob("kg.*")}
    second = run("build", "--out", str(out), home=seed_home)
    assert "(0 extracted, 1 unchanged)" in second.stdout and "thaigov-66419.txt" not in second.stderr
    assert {p.name: p.read_bytes() for p in out.glob("kg.*")} == exports
    # a change to the release's curation misses the cache
    (seed_home / "data" / "curation").mkdir()
    (seed_home / "data" / "curation" / "thaigov-66419.yaml").write_text("release: thaigov-66419\nfacts: []\n", encoding="utf-8")
    third = run("build", "--out", str(out), home=seed_home)
    assert third.returncode == 0 and "(1 extracted, 0 unchanged)" in third.stdout


def test_build_persists_a_store_that_queries_use(seed_home: Path, tmp_path: Path) -> None:
    from adgmin_kg.store import open_store

    out = tmp_path / "out"
    assert run("build", "--out", str(out), "--quiet", home=seed_home).returncode == 0
    store = open_store(out / "kg.trig")
    assert store is not None and len(store) > 0
    done = run("query", "funded-projects", "--graph", str(out), "--format", "csv", home=seed_home)
    assert done.returncode == 0 and "57900" in done.stdout
    # a kg.trig changed after the store was made is read again, not answered from the stale store
    (out / "kg.trig").write_text((out / "kg.trig").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert open_store(out / "kg.trig") is None
