"""Gazetteer matching on the project's own gazetteers (data/gazetteers)."""

from __future__ import annotations

import pytest

from adgmin_kg.gazetteer import Gazetteer, load_gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def found(gazetteer: Gazetteer, text: str, kinds: list[str] | None = None) -> list[tuple[str, str, str]]:
    return [(m.kind, m.id, text[m.start : m.end]) for m in gazetteer.find(text, kinds)]


def test_longest_name_wins(gazetteer: Gazetteer) -> None:
    # "สหภาพโทรคมนาคม" is itself an alias of the ITU; the full name is taken once, not its prefix
    text = "ผู้แทนสหภาพโทรคมนาคมระหว่างประเทศเข้าร่วม"
    assert found(gazetteer, text) == [("org", "itu", "สหภาพโทรคมนาคมระหว่างประเทศ")]


def test_white_space_inside_a_name_is_ignored_and_spans_point_into_the_text(gazetteer: Gazetteer) -> None:
    text = "กับ สหภาพ โทรคมนาคม ระหว่างประเทศ"
    assert found(gazetteer, text) == [("org", "itu", "สหภาพ โทรคมนาคม ระหว่างประเทศ")]


def test_latin_names_ignore_case_but_not_word_boundaries(gazetteer: Gazetteer) -> None:
    assert found(gazetteer, "the itu and the ITU.") == [("org", "itu", "itu"), ("org", "itu", "ITU")]
    assert found(gazetteer, "ITUX or XITU") == []


def test_left_to_right_and_filtered_by_kind(gazetteer: Gazetteer) -> None:
    text = "ประเทศไทยและ ITU"
    assert found(gazetteer, text) == [("country", "thailand", "ประเทศไทย"), ("org", "itu", "ITU")]
    assert found(gazetteer, text, ["country"]) == [("country", "thailand", "ประเทศไทย")]


def test_a_name_inside_a_longer_name_of_another_kind_is_not_found(gazetteer: Gazetteer) -> None:
    document = "บันทึกความเข้าใจระหว่างอาเซียนและสหภาพโทรคมนาคมระหว่างประเทศว่าด้วยสาขาความร่วมมือด้านดิจิทัล"
    assert [kind for kind, _, _ in found(gazetteer, document)] == ["document"]
    assert found(gazetteer, document, ["org"]) == []
    # asking for organisations only (a sub-gazetteer) finds the names nested in the title
    assert [i for _, i, _ in found(gazetteer.only("org"), document)] == ["asean", "itu"]
