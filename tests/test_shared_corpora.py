"""Opt-in: the wide corpus and the newsroom sample of ``../shared`` (not in the repository).

Run with ``ADGMIN_KG_SHARED=../shared make test`` (or ``.venv/bin/python -m pytest
tests/test_shared_corpora.py`` with the variable set): 811 real releases a user would feed in,
and 1,500 random releases of the whole newsroom. Skipped when the variable is not set.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import RDF, RDFS

from adgmin_kg.vocab import ADG, SCHEMA

SHARED = Path(os.environ["ADGMIN_KG_SHARED"]) if os.environ.get("ADGMIN_KG_SHARED") else None
pytestmark = pytest.mark.skipif(SHARED is None, reason="set ADGMIN_KG_SHARED to the shared folder (wide/, newsroom/) to run")
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wide_build(tmp_path_factory) -> Iterator[tuple[object, Path]]:
    from adgmin_kg.pipeline import run_build

    out = tmp_path_factory.mktemp("wide")
    summary = run_build([ROOT / "data" / "releases", SHARED / "wide"], out, skip_bad=True, formats=("nt",))  # type: ignore[operator]
    yield summary, out


def test_the_wide_corpus_builds_with_skip_bad(wide_build) -> None:
    summary, out = wide_build
    names = {p.name for p in (ROOT / "data" / "releases").glob("*.txt")} | {p.name for p in (SHARED / "wide").glob("*.txt")}  # type: ignore[operator]
    assert len(summary.release_ids) == len(names) - len(summary.quarantined)
    assert not summary.quarantined, [q[0] for q in summary.quarantined]
    assert (out / "kg.nt").stat().st_size > 0


def test_the_corpus_and_the_wide_corpus_conform_as_a_whole(wide_build) -> None:
    """The truthy export (one preferred value per one-value property) conforms, not only each
    release graph alone: before reconciliation, 9 violations (meetings with two start dates)."""
    from adgmin_kg.validate import validate

    _, out = wide_build
    report = validate(Graph().parse(out / "kg.nt", format="nt"))
    assert report.conforms, report.format()


def test_every_talk_has_two_sides_and_a_meeting_or_day(wide_build) -> None:
    _, out = wide_build
    graph = Graph().parse(out / "kg.nt", format="nt")
    talks = set(graph.subjects(RDF.type, ADG.BilateralMeeting))
    assert talks
    for talk in talks:
        assert len(set(graph.objects(talk, ADG.participant))) == 2, talk
        assert (talk, SCHEMA.superEvent, None) in graph or (talk, SCHEMA.startDate, None) in graph, talk


def test_every_minted_name_is_a_whole_name(wide_build) -> None:
    from adgmin_kg.extract.names import name_problem
    from adgmin_kg.facts import Span
    from adgmin_kg.rules import load_rules

    _, out = wide_build
    graph = Graph().parse(out / "kg.nt", format="nt")
    rules = load_rules()
    checked = 0
    minted = {"document": "/id/document/doc-", "project": "/id/project/project-", "person": "/id/person/person-"}
    for kind, prefix in minted.items():
        for node in {s for s in graph.subjects(RDFS.label, None) if prefix in str(s)}:
            for label in graph.objects(node, RDFS.label):
                text = str(label)
                assert name_problem(text, Span(0, len(text)), kind, rules) is None, (node, text)
                checked += 1
    assert checked


def test_random_newsroom_releases_give_no_facts_unless_about_asean_digital_cooperation() -> None:
    from adgmin_kg.extract import extract_release
    from adgmin_kg.read import read_release

    giving = []
    paths = sorted((SHARED / "newsroom").glob("*.txt"))  # type: ignore[operator]
    for path in paths:
        release = read_release(path)
        facts = extract_release(release)
        if facts.meetings or facts.people or facts.documents or facts.talks or facts.topics:
            giving.append(release)
    assert len(giving) <= 0.01 * len(paths)
    assert all("อาเซียน" in r.text or "ASEAN" in r.text for r in giving)
