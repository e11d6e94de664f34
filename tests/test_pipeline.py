"""The whole corpus: every release builds, and each release graph conforms to the shapes."""

from __future__ import annotations

from adgmin_kg.pipeline import validate_build


def test_every_release_of_the_corpus_builds_and_conforms(corpus_build) -> None:
    assert len(corpus_build.releases) == 29 and not corpus_build.skipped
    reports = validate_build(corpus_build)
    assert all(report.conforms for _, report in reports)


def test_the_english_release_keeps_its_node_with_a_notice(corpus_build) -> None:
    facts = next(f for f in corpus_build.facts if f.release_id == "thaigov-78262")
    assert not facts.meetings and any("language 'en'" in n for n in facts.notices)
