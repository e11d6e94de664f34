"""The whole corpus: every release builds, and each release graph conforms to the shapes."""

from __future__ import annotations

from pathlib import Path

from adgmin_kg.pipeline import validate_build

ROOT = Path(__file__).resolve().parents[1]


def test_every_release_of_the_corpus_builds_and_conforms(corpus_build) -> None:
    releases = sorted((ROOT / "data" / "releases").glob("*.txt"))
    assert len(corpus_build.releases) == len(releases) >= 33 and not corpus_build.skipped
    reports = validate_build(corpus_build)
    assert all(report.conforms for _, report in reports)


def test_a_thai_and_an_english_release_give_one_meeting_and_one_node_per_document(corpus_build) -> None:
    """ADGMIN 4's outcome documents, approved by the cabinet on 30 January 2024: reported in Thai
    (thaigov-78190) and in English (thaigov-78262). One meeting node, one cabinet meeting node,
    one node per document (the gazetteer's known documents), the English release adding the
    English titles as written, each with its own statement and quote; both give the cabinet's
    approval of the Thailand-Indonesia MoU of the next item too."""
    from rdflib import Literal
    from rdflib.namespace import DCTERMS, RDF

    from adgmin_kg.vocab import ADG, entity, release_graph

    ds = corpus_build.dataset
    thai, english = ds.graph(release_graph("thaigov-78190")), ds.graph(release_graph("thaigov-78262"))

    def subjects(g, node):  # type: ignore[no-untyped-def]
        return {g.value(st, RDF.predicate) for st in g.subjects(RDF.subject, node)} | {g.value(st, RDF.predicate) for st in g.subjects(RDF.object, node)}

    for node in (entity("meeting", "adgmin-4"), entity("meeting", "th-cabinet-2024-01-30")):
        assert subjects(thai, node) and subjects(english, node), node
    declaration = entity("document", "singapore-declaration")
    assert subjects(thai, declaration) and subjects(english, declaration)
    titles = {st for st in english.subjects(RDF.subject, declaration) if english.value(st, RDF.predicate) == DCTERMS.title}
    assert [english.value(st, RDF.object) for st in titles] == [Literal("Singapore Declaration", lang="en")]
    assert all(english.value(st, ADG.quoteStart) is not None for st in titles)
    approved = {english.value(st, RDF.object) for st in english.subjects(RDF.predicate, ADG.decisionOn)}
    thai_approved = {thai.value(st, RDF.object) for st in thai.subjects(RDF.predicate, ADG.decisionOn)}
    # the 12 outcome documents, and the Thailand-Indonesia MoU of the next item (to be signed at ADGSOM 4)
    assert len(approved) == 13 and approved <= thai_approved


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
    meetings they name and no decision or funding; the documents they name are known ones, named
    in passing (thaigov-80014: the WG-AS operational framework and the Thai-Cambodian MoU)."""
    by_id = {f.release_id: f for f in corpus_build.facts}
    for release_id in ("thaigov-80156", "thaigov-80014", "thaigov-80674"):
        facts = by_id[release_id]
        assert not facts.decisions and not facts.funding, release_id
        assert all(d.rule == "document-named" and d.document.label is None for d in facts.documents), release_id
        assert facts.meetings, release_id
    assert {d.document.key for d in by_id["thaigov-80014"].documents} == {"wg-as-operational-framework", "thailand-cambodia-mou-call-center-scams"}


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


def test_validation_leaves_no_pool_shutting_down_behind(corpus_build, monkeypatch) -> None:
    """The results are read with ``zip`` over the release ids, which stops at the last result
    before the generator runs out: the pool must still be shut down whole (workers and manager
    thread gone) before ``validate_build`` returns, or the interpreter's exit races that thread
    and prints ``OSError: [Errno 9] Bad file descriptor``."""
    import threading
    from concurrent.futures.process import _ExecutorManagerThread

    monkeypatch.setattr("adgmin_kg.pipeline.os.cpu_count", lambda: 2)  # workers even on one core
    validate_build(corpus_build)
    assert not [t for t in threading.enumerate() if isinstance(t, _ExecutorManagerThread)]


def _corpus(tmp_path, *paths):  # type: ignore[no-untyped-def]
    import shutil

    folder = tmp_path / "releases"
    folder.mkdir()
    for path in paths:
        shutil.copy(path, folder)
        shutil.copy(path.with_name(path.name.removesuffix(".txt") + ".meta.json"), folder)
    return folder


def test_skip_bad_quarantines_a_release_whose_graph_fails_the_shapes(tmp_path, monkeypatch) -> None:
    """A release graph that fails the shapes (here the seed, given ordinal 0 as a release once
    gave a funded project without funder) is left out with its violations; the rest builds."""
    from pathlib import Path

    import pytest
    from rdflib import Literal

    from adgmin_kg import pipeline
    from adgmin_kg.errors import GraphInvalidError
    from adgmin_kg.vocab import ADG, entity

    root = Path(__file__).resolve().parents[1]
    seed = root / "data" / "releases" / "thaigov-66419.txt"
    other = root / "tests" / "fixtures" / "wide" / "thaigov-83744.txt"
    folder = _corpus(tmp_path, seed, other)
    real = pipeline._validate_release

    def breaking(graph):  # type: ignore[no-untyped-def]
        if (entity("meeting", "adgmin-3"), None, None) in graph:
            graph.add((entity("meeting", "adgmin-3"), ADG.ordinal, Literal(0)))
        return real(graph)

    monkeypatch.setattr(pipeline, "_validate_release", breaking)
    with pytest.raises(GraphInvalidError, match="release thaigov-66419"):
        pipeline.run_build([folder], tmp_path / "stopped", formats=("nt",))
    summary = pipeline.run_build([folder], tmp_path / "out", skip_bad=True, formats=("nt",))
    assert [q[0] for q in summary.quarantined] == ["thaigov-66419"]
    assert not summary.quarantined[0][1].conforms
    assert summary.release_ids == ["thaigov-83744"]
    exported = (tmp_path / "out" / "kg.nt").read_text(encoding="utf-8")
    assert "thaigov-83744" in exported and "release/thaigov-66419" not in exported


def test_metadata_is_checked_as_metadata(tmp_path) -> None:
    """An unknown language or publisher is a message about the metadata field, before any node."""
    import json
    from pathlib import Path

    import pytest

    from adgmin_kg.errors import ReleaseError
    from adgmin_kg.pipeline import build

    root = Path(__file__).resolve().parents[1]
    folder = _corpus(tmp_path, root / "tests" / "fixtures" / "wide" / "thaigov-83744.txt")
    meta_path = folder / "thaigov-83744.meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta_path.write_text(json.dumps({**meta, "language": "fr"}), encoding="utf-8")
    with pytest.raises(ReleaseError, match="metadata language 'fr' is not one of th, en"):
        build([folder / "thaigov-83744.txt"])
    meta_path.write_text(json.dumps({**meta, "publisher": "Someone Else"}), encoding="utf-8")
    with pytest.raises(ReleaseError, match="metadata publisher 'Someone Else' is not a known publisher") as err:
        build([folder / "thaigov-83744.txt"])
    assert err.value.path.name == "thaigov-83744.meta.json"


def test_an_implausible_ordinal_is_refused_with_a_notice(tmp_path) -> None:
    """``ครั้งที่ 99999999999999999999`` once minted "ADGMIN 99999999999999999999"."""
    from pathlib import Path

    from adgmin_kg.extract import extract_release
    from adgmin_kg.read import read_release

    root = Path(__file__).resolve().parents[1]
    folder = _corpus(tmp_path, root / "data" / "releases" / "thaigov-66419.txt")
    path = folder / "thaigov-66419.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("ครั้งที่ 3", "ครั้งที่ 99999999999999999999"), encoding="utf-8")
    facts = extract_release(read_release(path))
    assert not any("99999" in m.meeting.key for m in facts.meetings)
    assert any("ordinal 99999999999999999999 of adgmin is implausible" in n for n in facts.notices)
