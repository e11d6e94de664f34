"""Meetings held as sessions (extract/meetings.py): a session with the dialogue partners takes
the number of the meeting it belongs to, without the text stating one."""

from __future__ import annotations

from pathlib import Path

from adgmin_kg.extract import extract_release
from adgmin_kg.read import read_release

ROOT = Path(__file__).resolve().parents[1]
RELEASES = ROOT / "data" / "releases"


def _meetings(name: str) -> dict[str, tuple[int | None, bool]]:
    facts = extract_release(read_release(RELEASES / name))
    return {m.meeting.key: (m.ordinal, m.ordinal_stated) for m in facts.meetings}


def test_a_session_headed_under_a_meeting_and_its_related_meetings_takes_its_number() -> None:
    """thaigov-42297: ``ผลการประชุมรัฐมนตรีอาเซียนด้านดิจิทัล ครั้งที่ 1 และการประชุมที่เกี่ยวข้อง`` then
    the item ``2. การประชุมระหว่างอาเซียนและคู่เจรจา [...]``: the session of ADGMIN 1 with the
    dialogue partners, related to ADGMIN 1; its number is ADGMIN 1's, not stated by the text."""
    facts = extract_release(read_release(RELEASES / "thaigov-42297.txt"))
    session = [m for m in facts.meetings if m.meeting.key == "adgmin-dp-1"]
    assert session and all(not m.ordinal_stated for m in session)
    assert facts.release_id and any(r.subject.key == "adgmin-dp-1" and r.relation == "related" and r.other.key == "adgmin-1" for r in facts.relations)


def test_a_session_numbered_by_the_text_keeps_its_stated_number() -> None:
    """thaigov-53535: ``การประชุมรัฐมนตรีอาเซียนด้านดิจิทัล ครั้งที่ 2 กับคู่เจรจา``; thaigov-51026:
    ``รัฐมนตรีอาเซียนดิจิทัลได้มีการหารือร่วมกับคู่เจรจาของอาเซียน`` after ADGMIN 2, no number of its own."""
    assert _meetings("thaigov-53535.txt")["adgmin-dp-2"] == (2, True)
    assert _meetings("thaigov-51026.txt")["adgmin-dp-2"] == (2, False)


def test_a_session_phrase_inside_a_sentence_is_no_heading() -> None:
    """thaigov-42297 2.2 names ``แผนงานความร่วมมือ...ระหว่างอาเซียนและคู่เจรจา``, a document's title,
    not the session; only the item heading mints it (one mention)."""
    facts = extract_release(read_release(RELEASES / "thaigov-42297.txt"))
    assert len([m for m in facts.meetings if m.meeting.key == "adgmin-dp-1"]) == 1


def test_a_series_named_without_a_number_then_its_day_is_one_meeting() -> None:
    """thaigov-47196: ``ในระหว่างการประชุม the AEC Council – ADGMIN Interface Meeting ผ่านระบบการประชุม
    ทางไกล ซึ่งมีกำหนดการจะจัดขึ้นในวันจันทร์ที่ 18 ตุลาคม 2564``: one meeting, known by its day, with
    no number; the statement's subjects below are its topics."""
    facts = extract_release(read_release(RELEASES / "thaigov-47196.txt"))
    meeting = next(m for m in facts.meetings if m.meeting.key == "aecc-adgmin-interface-2021-10-18")
    assert meeting.ordinal is None and meeting.meeting_class == "MinisterialMeeting"
    assert {"cybersecurity", "digital-economy"} <= {t.topic for t in facts.topics if t.subject == meeting.meeting}


def test_a_bare_series_name_after_its_numbered_meeting_repeats_it() -> None:
    """thaigov-51026: ``การประชุมฯรัฐมนตรีอาเซียนด้านดิจิทัล ครั้งที่ 2 (The 2nd ASEAN Digital Ministers
    Meeting หรือ ADGMIN) ซึ่งจัดขึ้นระหว่างวันที่27-28 มกราคม 2565``: the bracketed ``ADGMIN`` is ADGMIN 2,
    not another meeting known by its days."""
    assert not [k for k in _meetings("thaigov-51026.txt") if k.startswith("adgmin-2022")]


def test_a_meeting_named_beside_the_main_one_is_not_held_during_it() -> None:
    """thaigov-64394 ``ในการประชุม ADGSOM ครั้งที่ 3 และการประชุม ADGMIN ครั้งที่ 3 และการประชุมที่เกี่ยวข้อง``:
    the two are the occasion side by side, ADGSOM 3 is not part of ADGMIN 3; thaigov-66419 ``ในระหว่าง
    การประชุม ADGSOM ครั้งที่ 3`` alone, in a release on ADGMIN 3 and related meetings, is."""
    def part_of(name: str) -> set[tuple[str, str]]:
        facts = extract_release(read_release(RELEASES / name))
        return {(r.subject.key, r.other.key) for r in facts.relations if r.relation == "part-of"}

    assert ("adgsom-3", "adgmin-3") not in part_of("thaigov-64394.txt")
    assert ("adgsom-3", "adgmin-3") in part_of("thaigov-66419.txt")


def test_an_earlier_resolution_cited_with_its_date_names_that_cabinet_meeting() -> None:
    """thaigov-53535: ``[คณะรัฐมนตรี ได้มีมติ (18 มกราคม 2565) เห็นชอบร่างเอกสารผลลัพธ์...``: the cabinet
    meeting of 18 January 2022."""
    assert "th-cabinet-2022-01-18" in _meetings("thaigov-53535.txt")
