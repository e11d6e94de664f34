"""People and their posts (extract/people.py), read without the gazetteer's people: a name is
found from how releases write it, an honorific, a given name and a surname, right before a post."""

from __future__ import annotations

from pathlib import Path

from adgmin_kg.extract import extract_release
from adgmin_kg.gazetteer import load_gazetteer
from adgmin_kg.read import read_release

RELEASES = Path(__file__).resolve().parents[1] / "data" / "releases"


def _holders(release_id: str) -> set[tuple[str | None, str]]:
    facts = extract_release(read_release(RELEASES / f"{release_id}.txt"), load_gazetteer().without("person"))
    return {(p.person.label, p.post.key) for p in facts.people}


def test_a_space_after_the_honorific_is_no_end_of_the_name() -> None:
    """thaigov-64737 ``นาย ชัยวุฒิ ธนาคมานุสรณ์ รัฐมนตรีว่าการ...``, ``ศาสตราจารย์พิเศษ วิศิษฏ์
    วิศิษฏ์สรอรรถ ปลัดกระทรวง...``."""
    holders = _holders("thaigov-64737")
    assert ("ชัยวุฒิ ธนาคมานุสรณ์", "minister-of-des") in holders
    assert ("วิศิษฏ์ วิศิษฏ์สรอรรถ", "permanent-secretary-des") in holders


def test_a_rare_name_the_tokenizer_cuts_into_syllables_is_still_one_name() -> None:
    """thaigov-38528 ``นายพุทธิพงษ์ ปุณณกันต์ รัฐมนตรีว่าการกระทรวงดิจิทัล...``."""
    assert ("พุทธิพงษ์ ปุณณกันต์", "minister-of-des") in _holders("thaigov-38528")
