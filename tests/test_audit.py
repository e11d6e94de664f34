"""Audit (audit.py): random samples of extracted facts, and the precision of a judged one."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from adgmin_kg.audit import COLUMNS, read_review, sample, score, wilson, write_sample
from adgmin_kg.errors import DataError

ROOT = Path(__file__).resolve().parents[1]
WIDE = ROOT / "tests" / "fixtures" / "wide"
BASELINE = ROOT / "data" / "audits" / "baseline-wide-seed12001.csv"


def test_a_sample_is_drawn_again_the_same_from_the_same_seed(tmp_path: Path) -> None:
    first = sample([WIDE], 12, seed=3)
    again = sample([WIDE], 12, seed=3)
    other = sample([WIDE], 12, seed=4)
    assert [f.statement for f in first.facts] == [f.statement for f in again.facts]
    assert len(first.facts) == 12 and first.pool > 12
    assert [f.statement for f in first.facts] != [f.statement for f in other.facts]
    path = tmp_path / "sample.csv"
    write_sample(first.facts, path)
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == COLUMNS and len(rows) == 13


def test_a_sample_holds_extracted_facts_each_with_its_words() -> None:
    run = sample([WIDE], 1000, seed=1)
    assert run.facts and len(run.facts) == run.pool
    for fact in run.facts:
        assert fact.predicate != "rdf:type"
        assert not (fact.subject.startswith("release:") and fact.predicate in ("dcterms:title", "dcterms:issued"))
        assert fact.quote and fact.quote in fact.passage


def test_wilson_interval() -> None:
    low, high = wilson(1, 100)
    assert round(low, 3) == 0.002 and round(high, 3) == 0.054
    low, high = wilson(143, 150)
    assert 0.90 < low < 0.91 and high < 1


def test_score_of_the_committed_baseline() -> None:
    result = score(read_review(BASELINE))
    assert (result.overall.correct, result.overall.judged) == (1, 100)
    assert result.by_kind["project"].judged == 65


def test_a_row_without_a_verdict_is_named(tmp_path: Path) -> None:
    rows = BASELINE.read_text(encoding="utf-8").splitlines()
    header, first = rows[0], next(csv.reader([rows[1]]))
    first[COLUMNS.index("verdict")] = "maybe"
    path = tmp_path / "review.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(header + "\n")
        csv.writer(handle).writerow(first)
    with pytest.raises(DataError, match="line 2: verdict 'maybe'"):
        read_review(path)
