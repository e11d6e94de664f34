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


def test_a_document_history_reads_across_releases(corpus_build, tmp_path) -> None:
    """The Boracay declaration: the cabinet approves the draft (31 Jan 2023), ADGMIN 3 adopts it
    (9-10 Feb), the cabinet acknowledges the meeting's results (21 Mar); each from its release."""
    from adgmin_kg.query import run_query

    path = tmp_path / "kg.trig"
    corpus_build.dataset.serialize(path, format="trig")
    rows = run_query("document-history", graph=path, document="ปฏิญญาดิจิทัลโบราเคย์").rows
    steps = [(r["step"], r.get("date"), r["release"].rsplit("/", 1)[-1]) for r in rows]
    assert ("approved", "2023-01-31", "thaigov-64394") in steps
    assert ("adopted", "2023-02-10", "thaigov-66419") in steps
    assert ("acknowledged (meeting results)", "2023-03-21", "thaigov-66419") in steps
    assert [s[1] for s in steps] == sorted(s[1] for s in steps)
    assert all(r["actor_label"] != "ASEAN Digital Senior Officials" for r in rows)


def test_tangential_releases_add_no_documents_or_money(corpus_build) -> None:
    """Releases that mention ADGMIN in passing (a senate answer, a planned visit) yield the
    meetings they name and nothing about documents, decisions or funding."""
    by_id = {f.release_id: f for f in corpus_build.facts}
    for release_id in ("thaigov-80156", "thaigov-80014", "thaigov-80674"):
        facts = by_id[release_id]
        assert not facts.documents and not facts.decisions and not facts.funding, release_id
        assert facts.meetings, release_id


def test_a_violation_in_one_release_stops_the_parallel_validation(corpus_build) -> None:
    """With many releases the shapes run in worker processes; a bad release is still named."""
    import pytest
    from rdflib import Literal

    from adgmin_kg.build import new_dataset
    from adgmin_kg.errors import GraphInvalidError
    from adgmin_kg.pipeline import BuildResult
    from adgmin_kg.vocab import ADG, entity, release_graph

    dataset = new_dataset()
    for quad in corpus_build.dataset.quads((None, None, None, None)):
        dataset.add(quad)
    dataset.graph(release_graph("thaigov-64394")).add((entity("meeting", "adgmin-3"), ADG.ordinal, Literal(0)))
    broken = BuildResult(dataset, releases=corpus_build.releases)
    with pytest.raises(GraphInvalidError, match="release thaigov-64394"):
        validate_build(broken)
