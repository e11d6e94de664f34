"""Curation: editors' corrections cite the release verbatim and are told apart from extraction."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD

from adgmin_kg.build import new_dataset
from adgmin_kg.curation import apply_curation, load_curation
from adgmin_kg.errors import DataError
from adgmin_kg.evaluate import extracted_atoms
from adgmin_kg.pipeline import build
from adgmin_kg.read import read_release
from adgmin_kg.vocab import ADG, CURATION, SCHEMA, entity, release_graph

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "releases" / "thaigov-66419.txt"
ADGMIN3 = entity("meeting", "adgmin-3")


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "thaigov-66419.yaml"
    path.write_text("release: thaigov-66419\nfacts:\n" + body, encoding="utf-8")
    return path


def test_corpus_curation_corrects_a_typo_in_a_figure() -> None:
    result = build([ROOT / "data" / "releases" / "thaigov-42297.txt"])
    amounts = {str(o) for o in result.dataset.objects(None, ADG.amount)}
    assert "25500.0" in amounts and "255500.0" not in amounts
    curated = [st for st in result.dataset.subjects(PROV.wasGeneratedBy, CURATION)]
    assert len(curated) == 1


def test_add_retract_and_correct(tmp_path: Path, seed_build) -> None:
    release = read_release(SEED)
    ds = new_dataset()
    for quad in seed_build.dataset.quads((None, None, None, release_graph(release.id))):
        ds.add(quad)
    path = _write(
        tmp_path,
        '  - {action: add, subject: "id:meeting/adgmin-3", predicate: "schema:eventAttendanceMode",'
        ' object: "<https://schema.org/OfflineEventAttendanceMode>", quote: "ณ เกาะโบราไคย์", note: "held in person"}\n'
        '  - {action: retract, subject: "id:meeting/adgmin-3", predicate: "adg:memberStatesAttending",'
        ' object: "9", note: "test retraction"}\n'
        '  - {action: correct, subject: "id:meeting/adgmin-3", predicate: "schema:endDate",'
        ' object: \'"2023-02-10"^^xsd:date\', new_object: \'"2023-02-11"^^xsd:date\', quote: "9-10 กุมภาพันธ์ 2566", note: "test"}\n',
    )
    apply_curation(ds, release, load_curation(path, release), path)
    g = ds.graph(release_graph(release.id))
    assert (ADGMIN3, SCHEMA.eventAttendanceMode, URIRef("https://schema.org/OfflineEventAttendanceMode")) in g
    assert not list(g.triples((ADGMIN3, ADG.memberStatesAttending, None)))
    assert not list(g.subjects(RDF.predicate, ADG.memberStatesAttending))
    assert list(g.objects(ADGMIN3, SCHEMA.endDate)) == [Literal("2023-02-11", datatype=XSD.date)]
    curated = set(g.subjects(PROV.wasGeneratedBy, CURATION))
    assert len(curated) == 2
    # eval measures extraction alone: curated statements are not counted
    atoms = extracted_atoms(ds, release.id)
    assert (ADGMIN3, SCHEMA.endDate, Literal("2023-02-11", datatype=XSD.date)) not in atoms["dates"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('  - {action: add, subject: "id:meeting/adgmin-3", predicate: "adg:theme", object: \'"x"@th\', quote: "not in the text", note: n}\n', "does not occur verbatim"),
        ('  - {action: retract, subject: "id:meeting/adgmin-3", predicate: "adg:ordinal", object: "7", note: n}\n', "nothing to retract"),
        ('  - {action: add, subject: "id:meeting/adgmin-3", predicate: "adg:theme", object: \'"x"@th\', note: n}\n', "lacks quote"),
        ('  - {action: move, subject: s, predicate: p, object: o, note: n}\n', "'action' must be one of"),
    ],
)
def test_bad_curation_names_file_and_fact(tmp_path: Path, seed_build, body: str, message: str) -> None:
    release = read_release(SEED)
    path = _write(tmp_path, body)
    with pytest.raises(DataError) as info:
        apply_curation(seed_build.dataset.__class__(default_union=True), release, load_curation(path, release), path)
    assert message in str(info.value) and "thaigov-66419.yaml" in str(info.value) and "fact 1" in str(info.value)
