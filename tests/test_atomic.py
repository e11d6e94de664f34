"""Atomic writes: the old file stays whole when writing fails, and no temporary file is left."""

from __future__ import annotations

from pathlib import Path

import pytest

from adgmin_kg.atomic import atomic_path, write_atomic


def test_write_atomic_leaves_the_old_file_whole_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "kg.ttl"
    target.write_text("old", encoding="utf-8")

    with pytest.raises(TypeError):
        write_atomic(target, 42)  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["kg.ttl"]


def test_a_failing_writer_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "figure.svg"
    with pytest.raises(RuntimeError), atomic_path(target, suffix=".svg") as temp:
        assert temp.suffix == ".svg" and temp.parent == tmp_path
        temp.write_text("partial", encoding="utf-8")
        raise RuntimeError("writer failed")
    assert list(tmp_path.iterdir()) == []


def test_success_replaces_the_target(tmp_path: Path) -> None:
    target = tmp_path / "kg.ttl"
    target.write_text("old", encoding="utf-8")
    write_atomic(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["kg.ttl"]
