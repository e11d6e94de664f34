"""Meeting properties (extract/meetings.py): dates, places, hosts, expected times, attendees."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from adgmin_kg.extract import extract_release
from adgmin_kg.facts import ReleaseFacts
from adgmin_kg.read import read_release

ROOT = Path(__file__).resolve().parents[1]
WIDE = ROOT / "tests" / "fixtures" / "wide"
RELEASES = ROOT / "data" / "releases"


@cache
def _facts(path: Path) -> ReleaseFacts:
    return extract_release(read_release(path))


def _dates(path: Path) -> dict[str, tuple[dt.date, dt.date | None]]:
    return {d.meeting.key: (d.start, d.end) for d in _facts(path).dates}


# ---------------------------------------------------------------- dates


def test_one_day_written_after_the_meeting_s_name_is_its_start_and_end() -> None:
    """thaigov-80156: ``ในการประชุม ADGMIN ครั้งที่ 4 (...) เมื่อวันที่ 1 กุมภาพันธ์ 2567 ณ ...``
    dates the meeting being held; thaigov-42297: ``ACCC ... ครั้งที่ 1 เมื่อวันที่ 5 พฤศจิกายน 2563``."""
    assert _dates(RELEASES / "thaigov-80156.txt")["adgmin-4"] == (dt.date(2024, 2, 1), dt.date(2024, 2, 1))
    assert _dates(RELEASES / "thaigov-42297.txt")["accc-1"] == (dt.date(2020, 11, 5), dt.date(2020, 11, 5))


def test_a_day_someone_attended_is_the_meeting_s_start_only() -> None:
    """thaigov-38528: ``เมื่อวันที่ 21 มกราคม 2564 นายพุทธิพงษ์ ... เข้าร่วมการประชุม ADGMIN 1``:
    a day of the meeting, not said to be all of it."""
    assert _dates(RELEASES / "thaigov-38528.txt")["adgmin-1"] == (dt.date(2021, 1, 21), None)


def test_yesterday_and_a_bare_opening_day_date_the_meeting_attended() -> None:
    """thaigov-35821: ``วานนี้ (7 ตุลาคม 2563) ได้ทำหน้าที่หัวหน้าคณะผู้แทนไทย เข้าร่วมการประชุม
    ... ครั้งที่ 5``; thaigov-95636: ``วันที่ 22 เมษายน 2568 ... เป็นประธานการประชุม ... WG-AS
    ครั้งที่ 5`` (the attendance cue runs into the meeting's name)."""
    assert _dates(RELEASES / "thaigov-35821.txt")["amcc-5"] == (dt.date(2020, 10, 7), None)
    assert _dates(RELEASES / "thaigov-95636.txt")["wg-as-5"] == (dt.date(2025, 4, 22), None)


def test_the_days_of_a_meeting_and_related_meetings_yield_to_its_own() -> None:
    """thaigov-53535: ``ADGMIN ... และการประชุมอื่นที่เกี่ยวข้อง ... ระหว่างวันที่ 27 – 28 มกราคม
    2565`` spans the set; the results table heads ADGMIN 2 with its own day ``(วันที่ 27 มกราคม
    2565)`` and the session with the partners with the next."""
    dates = _dates(RELEASES / "thaigov-53535.txt")
    assert dates["adgmin-2"] == (dt.date(2022, 1, 27), dt.date(2022, 1, 27))
    assert dates["adgmin-dp-2"] == (dt.date(2022, 1, 28), dt.date(2022, 1, 28))


def test_the_days_of_a_meeting_and_related_meetings_are_its_own_when_no_other_is_given() -> None:
    """thaigov-42297: ``การประชุมรัฐมนตรีอาเซียนด้านดิจิทัล ครั้งที่ 1 และการประชุมที่เกี่ยวข้อง ...
    ระหว่างวันที่ 18 – 22 มกราคม 2564``: the only days given."""
    assert _dates(RELEASES / "thaigov-42297.txt")["adgmin-1"] == (dt.date(2021, 1, 18), dt.date(2021, 1, 22))
