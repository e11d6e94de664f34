"""Meetings and their properties (extract/meetings.py): sessions and their numbers, dates, places,
hosts, expected times, attendees."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from adgmin_kg.extract import extract_release
from adgmin_kg.facts import Ref, ReleaseFacts
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


# ---------------------------------------------------------------- attendees


def _attendees(path: Path) -> dict[str, set[tuple[str, str]]]:
    out: dict[str, set[tuple[str, str]]] = {}
    for a in _facts(path).attendance:
        out.setdefault(a.meeting.key, set()).add((a.participant.key, a.role))
    return out


def _counts(path: Path) -> dict[str, int]:
    return {p.meeting.key: int(p.value) for p in _facts(path).meeting_properties if p.prop == "member-states"}  # type: ignore[arg-type]


def test_a_count_of_member_states_is_of_the_meeting_they_attended() -> None:
    """thaigov-35821 ``สำหรับการประชุมครั้ง นี้มีรัฐมนตรี/ผู้แทนระดับสูง...จากอาเซียน 10 ประเทศ ...
    เข้าร่วม`` (this meeting: AMCC 5); thaigov-53535, where the meeting's name stands a long
    bracketed aside before ``...ของประเทศสมาชิกอาเซียน 10 ประเทศ``; thaigov-95636 ``โดยมีผู้แทนจาก
    ประเทศสมาชิกอาเซียนจำนวน 10 ประเทศ``."""
    assert _counts(RELEASES / "thaigov-35821.txt") == {"amcc-5": 10}
    assert _counts(RELEASES / "thaigov-53535.txt") == {"adgmin-2": 10}
    assert _counts(RELEASES / "thaigov-95636.txt") == {"wg-as-5": 10}


def test_a_count_that_says_what_a_forum_is_for_is_no_attendance() -> None:
    """thaigov-80674: WG-AS 1 is ``เวทีการหารือด้านอาชญากรรมออนไลน์ของประเทศสมาชิกอาเซียนทั้ง 10
    ประเทศ``: who the forum is for, not who attended."""
    assert _counts(RELEASES / "thaigov-80674.txt") == {}


def test_partners_listed_for_this_meeting_and_in_square_brackets_attended() -> None:
    """thaigov-35821 ``รวมทั้งประเทศคู่เจรจาของอาเซียน ได้แก่ ออสเตรเลีย แคนาดา ...`` in a sentence
    about ``การประชุมครั้ง นี้`` (down to ``สหภาพยุโรป องค์การสหประชาชาติ (UNGGE, UN OEWG)``: the UN is one of
    them); thaigov-53535 ``ประเทศคู่เจรจา [สาธารณรัฐประชาชนจีน (จีน) และ
    สาธารณรัฐอินเดีย (อินเดีย)]`` (nested brackets), each once however many of its cue's forms match."""
    amcc = {who for who, role in _attendees(RELEASES / "thaigov-35821.txt")["amcc-5"] if role == "dialogue-partner"}
    assert amcc == {"australia", "canada", "india", "japan", "new-zealand", "united-states", "republic-of-korea", "european-union", "united-nations"}
    partners = [a for a in _facts(RELEASES / "thaigov-35821.txt").attendance if a.participant.key == "australia"]
    assert len(partners) == 1
    assert {("china", "dialogue-partner"), ("india", "dialogue-partner")} <= _attendees(RELEASES / "thaigov-53535.txt")["adgmin-2"]


def test_partners_named_in_the_session_s_own_name_attended_it() -> None:
    """thaigov-53535: the heading ``การประชุมรัฐมนตรีอาเซียนด้านดิจิทัล ครั้งที่ 2 กับคู่เจรจา (จีน
    และอินเดีย)`` names the session's partners."""
    assert _attendees(RELEASES / "thaigov-53535.txt")["adgmin-dp-2"] == {("china", "dialogue-partner"), ("india", "dialogue-partner")}


def test_the_member_state_that_chaired_attended() -> None:
    """thaigov-38528 ``โดยมีมาเลเซีย ทำหน้าที่ประธานการประชุมฯ``; thaigov-35821 ``รัฐมนตรี...ของ
    สาธารณรัฐสิงคโปร์ ทำหน้าที่เป็นประธานการประชุม``. A country in brackets after a post only
    glosses it: thaigov-53535 ``รัฐมนตรี...เมียนมา (มียนมา) เป็นประธานการประชุมฯ`` is the minister,
    and the Myanmar Prime Minister who ``ได้กล่าวปาฐกถาพิเศษ`` attended too."""
    assert ("malaysia", "member-state") in _attendees(RELEASES / "thaigov-38528.txt")["adgmin-1"]
    assert ("singapore", "member-state") in _attendees(RELEASES / "thaigov-35821.txt")["amcc-5"]
    adgmin = _attendees(RELEASES / "thaigov-53535.txt")["adgmin-2"]
    assert {("minister-of-transport-and-communications-myanmar", "member-state"), ("prime-minister-myanmar", "member-state")} <= adgmin
    assert not any(who == "myanmar" for who, _ in adgmin)


def test_a_post_attended_when_its_attendance_cue_comes_before_anyone_else_is_named() -> None:
    """thaigov-51026 ``นายชัยวุฒิ ... รัฐมนตรี... เปิดเผยถึง การประชุม ... ADGMIN ... โดยมีนางสาว
    อัจฉรินทร์ ... ปลัดกระทรวง... ร่วมประชุม``: the Permanent Secretary attended; the minister only
    spoke of it. thaigov-78295 ``นายประเสริฐ ... พร้อมด้วย...วิศิษฏ์ ... เข้าร่วม``: both attended."""
    adgmin = _attendees(RELEASES / "thaigov-51026.txt")["adgmin-2"]
    assert ("ajarin-pattanapanchai", "member-state") in adgmin
    assert not any(who == "chaiwut-thanakamanusorn" for who, _ in adgmin)
    assert {"prasert-jantararuangtong", "wisit-wisitsora-at"} <= {who for who, _ in _attendees(RELEASES / "thaigov-78295.txt")["adgmin-4"]}


def test_people_joined_by_and_after_an_accompanying_one_attended_with_him() -> None:
    """thaigov-64737 ``นาย ชัยวุฒิ ... เข้าร่วมประชุม... พร้อมด้วย ศาสตราจารย์พิเศษ วิศิษฏ์ วิศิษฏ์สรอรรถ
    ปลัดกระทรวง... และ นาย ตุลย์ ไตรโสรัส เอกอัครราชทูตณ.กรุงมะนิลา เข้าร่วมประชุมด้วย``: both who
    came with the minister attended, in his role."""
    adgmin = _attendees(RELEASES / "thaigov-64737.txt")["adgmin-3"]
    assert {("wisit-wisitsora-at", "member-state"), ("tull-traisorat", "member-state")} <= adgmin


def test_a_member_state_that_presented_to_the_meeting_attended_it() -> None:
    """thaigov-95636 ``นอกจากนี้ ที่ประชุมยังได้รับทราบ... โดยประเทศไทยได้นำเสนอการดำเนินการของศูนย์...``:
    Thailand presented to WG-AS 5, so attended it as a member state."""
    assert ("thailand", "member-state") in _attendees(RELEASES / "thaigov-95636.txt")["wg-as-5"]


def test_a_post_the_title_says_attended_was_at_the_main_meeting_of_its_level() -> None:
    """thaigov-51026, title ``รมว.ดีอีเอส ร่วมเวทีรัฐมนตรีอาเซียน ปลื้มไทยคว้า 4 รางวัล...``; the body
    reports ADGMIN 2 (ministerial): the minister's post attended it, quoted in the title."""
    path = RELEASES / "thaigov-51026.txt"
    text = read_release(path).text
    minister = [a for a in _facts(path).attendance if a.meeting.key == "adgmin-2" and a.participant.key == "minister-of-des"]
    assert [(a.role, text[a.quote.start : a.quote.end]) for a in minister] == [("member-state", "รมว.ดีอีเอส ร่วมเวที")]


def test_an_attending_post_is_quoted_with_the_words_saying_it_attended() -> None:
    """thaigov-80674: ``นายประเสริฐ จันทรรวงทอง รัฐมนตรี... เปิดเผยว่า ... ได้เข้าร่วมและทำหน้าที่
    รองประธานการประชุม ADGMIN ครั้งที่ 4``; the quote runs from the name to ``เข้าร่วม``."""
    path = RELEASES / "thaigov-80674.txt"
    text = read_release(path).text
    quotes = [text[a.quote.start : a.quote.end] for a in _facts(path).attendance if a.participant.key == "prasert-jantararuangtong"]
    assert quotes and all(q.startswith("นายประเสริฐ") and q.endswith("เข้าร่วม") for q in quotes)


def test_an_attendee_stated_twice_keeps_both_quotes() -> None:
    """thaigov-35821: the Thai delegation is named in the lead (``หน้าที่หัวหน้าคณะผู้แทนไทย``) and
    again in the body (``ได้ทำหน้าที่หัวหน้าคณะผู้แทนไทย``): one attendance, two statements."""
    thailand = [a for a in _facts(RELEASES / "thaigov-35821.txt").attendance if a.meeting.key == "amcc-5" and a.participant.key == "thailand"]
    assert len(thailand) == 2


def test_a_ministry_named_as_host_is_an_attendee_and_names_the_host_country() -> None:
    """thaigov-78190 ``กระทรวงการสื่อสารและสารสนเทศแห่งสาธารณรัฐสิงคโปร์ ( Ministry for
    Communications and Information) จะเป็นเจ้าภาพจัดการประชุมรัฐมนตรีอาเซียนด้านดิจิทัล ครั้งที่ 4``."""
    facts = _facts(RELEASES / "thaigov-78190.txt")
    assert ("singapore-mci", "host") in _attendees(RELEASES / "thaigov-78190.txt")["adgmin-4"]
    assert any(p.prop == "host" and p.rule == "meeting-host" and p.meeting.key == "adgmin-4" and p.value == Ref("country", "singapore") for p in facts.meeting_properties)


# ---------------------------------------------------------------- expected times, themes


def _props(path: Path, prop: str) -> set[tuple[str, str]]:
    return {(p.meeting.key, str(p.value)) for p in _facts(path).meeting_properties if p.prop == prop}


def test_a_month_scheduled_is_the_expected_time_of_the_meeting_it_schedules() -> None:
    """thaigov-80674 ``ซึ่งมีกำหนดจะจัดการประชุมคณะทำงาน WG – AS ครั้งที่ 1 ในเดือนมีนาคมนี้``
    (this March, the year the release's); thaigov-80156 ``และจะมีการหารือกันอีกครั้ง ระหว่าง
    เดือนมีนาคม ร่วมกับคณะทำงานฝ่ายกัมพูชา ในการประชุม<retreat> ครั้งที่ 1``: the meeting named
    after the time, not ADGMIN 4 named before it."""
    wg = [p for p in _facts(RELEASES / "thaigov-80674.txt").meeting_properties if p.prop == "expected-time"]
    assert [(p.meeting.key, p.value, p.value_en, p.year) for p in wg] == [("wg-as-1", "เดือนมีนาคมนี้", "March 2024", 2024)]
    assert _props(RELEASES / "thaigov-80156.txt", "expected-time") == {("adgsom-atrc-leaders-retreat-1", "เดือนมีนาคม")}


def test_meetings_joined_by_and_share_their_expected_time() -> None:
    """thaigov-50657 ``การประชุม ADGSOM ... ครั้งที่ 2 และการประชุม ADGMIN ... ครั้งที่ 2 และการประชุม
    ที่เกี่ยวข้อง กำหนดจะจัดขึ้นในช่วงปลายเดือนมกราคม 2565``."""
    assert _props(RELEASES / "thaigov-50657.txt", "expected-time") == {("adgsom-2", "ปลายเดือนมกราคม 2565"), ("adgmin-2", "ปลายเดือนมกราคม 2565")}


def test_a_theme_after_words_naming_the_meeting_it_is_of() -> None:
    """thaigov-42297 ``ภายใต้แนวคิดหลักของการประชุม “อาเซียน :ประชาคม...”``; thaigov-50968
    ``ภายใต้หัวข้อหลักของการประชุม ADGMIN ครั้งที่ ๒ “Digital Transformation: ...”``."""
    assert ("adgmin-1", "อาเซียน :ประชาคมที่เชื่อมโยงกันด้วยดิจิทัล") in _props(RELEASES / "thaigov-42297.txt", "theme")
    assert ("adgmin-2", "Digital Transformation: The Engine for ASEAN Economic Recovery from COVID-19") in _props(RELEASES / "thaigov-50968.txt", "theme")


def test_an_unquoted_theme_ends_where_the_next_sentence_s_subject_begins() -> None:
    """thaigov-53535 ``ภายใต้หัวข้อการปรับเปลี่ยนไปสู่ดิจิทัล:...โควิด-19 รัฐมนตรีว่าการกระทรวง
    ดิจิทัลเพื่อเศรษฐกิจและสังคมได้เน้นย้ำ...``; thaigov-50968 gives its English form in an
    unclosed bracket: ``...โควิด – 19 (Digital Transformation: ... COVID – 19 โดย...``."""
    assert _props(RELEASES / "thaigov-53535.txt", "theme") == {("adgmin-2", "การปรับเปลี่ยนไปสู่ดิจิทัล:พลังขับเคลื่อนในการฟื้นฟูเศรษฐกิจของภูมิภาคอาเซียนจากโรคโควิด-19")}
    english = {v.replace("\xa0", " ") for _, v in _props(RELEASES / "thaigov-50968.txt", "theme")}
    assert "Digital Transformation: The Engine for ASEAN Economic Recovery from COVID – 19" in english


def test_the_secretariat_present_with_the_members_attended_as_secretariat() -> None:
    """thaigov-95636 ``โดยมีผู้แทนจากประเทศสมาชิกอาเซียนจำนวน 10 ประเทศ ร่วมด้วยสำนักเลขาธิการ
    อาเซียน``."""
    assert ("asean-secretariat", "secretariat") in _attendees(RELEASES / "thaigov-95636.txt")["wg-as-5"]


def test_the_member_state_whose_post_attended() -> None:
    """thaigov-53535 ``(ประเทศไทยมีรัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคมเข้าร่วม
    การประชุมฯ)``: the minister and Thailand."""
    assert {("thailand", "member-state"), ("minister-of-des", "member-state")} <= _attendees(RELEASES / "thaigov-53535.txt")["adgmin-2"]


# ---------------------------------------------------------------- sessions and meetings named


def _meetings(name: str) -> dict[str, tuple[int | None, bool]]:
    facts = _facts(RELEASES / name)
    return {m.meeting.key: (m.ordinal, m.ordinal_stated) for m in facts.meetings}


def test_a_session_headed_under_a_meeting_and_its_related_meetings_takes_its_number() -> None:
    """thaigov-42297: ``ผลการประชุมรัฐมนตรีอาเซียนด้านดิจิทัล ครั้งที่ 1 และการประชุมที่เกี่ยวข้อง`` then
    the item ``2. การประชุมระหว่างอาเซียนและคู่เจรจา [...]``: the session of ADGMIN 1 with the
    dialogue partners, related to ADGMIN 1; its number is ADGMIN 1's, not stated by the text."""
    facts = _facts(RELEASES / "thaigov-42297.txt")
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
    facts = _facts(RELEASES / "thaigov-42297.txt")
    assert len([m for m in facts.meetings if m.meeting.key == "adgmin-dp-1"]) == 1


def test_a_series_named_without_a_number_then_its_day_is_one_meeting() -> None:
    """thaigov-47196: ``ในระหว่างการประชุม the AEC Council – ADGMIN Interface Meeting ผ่านระบบการประชุม
    ทางไกล ซึ่งมีกำหนดการจะจัดขึ้นในวันจันทร์ที่ 18 ตุลาคม 2564``: one meeting, known by its day, with
    no number; the statement's subjects below are its topics."""
    facts = _facts(RELEASES / "thaigov-47196.txt")
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


# ---------------------------------------------------------------- English releases


def test_the_year_slip_in_an_english_synopsis_title_is_read_in_the_issue_year() -> None:
    """thaigov-78262, issued 1 February 2024: ``The cabinet met on January 30, 2023`` names the
    cabinet meeting of 30 January 2024 (the one the Thai summary thaigov-78190 reports), with a
    notice; the quote keeps the words as written."""
    facts = _facts(RELEASES / "thaigov-78262.txt")
    cabinet = {m.meeting.key for m in facts.meetings if m.meeting_class == "CabinetMeeting"}
    assert cabinet == {"th-cabinet-2024-01-30"}
    assert any("slip" in n and "2023-01-30" in n for n in facts.notices)


def test_an_english_meeting_hosted_by_a_countrys_ministry() -> None:
    """thaigov-78262: ``The 4th ASEAN Digital Ministers’ Meeting (The 4th ADGMIN) and related
    meetings will be hosted by Singapore’s Ministry for Communications and Information during
    January 30 and February 2, 2024 under the theme: Building an Inclusive and Trusted Digital
    Ecosystem.``: host Singapore, the ministry as host, the dates, the whole theme."""
    facts = _facts(RELEASES / "thaigov-78262.txt")
    adgmin = Ref("meeting", "adgmin-4")
    props = {(p.prop, p.value) for p in facts.meeting_properties if p.meeting == adgmin}
    assert ("host", Ref("country", "singapore")) in props
    assert ("theme", "Building an Inclusive and Trusted Digital Ecosystem") in props
    assert any(a.meeting == adgmin and a.participant.key == "singapore-mci" and a.role == "host" for a in facts.attendance)
    assert {(d.start, d.end) for d in facts.dates if d.meeting == adgmin} == {(dt.date(2024, 1, 30), dt.date(2024, 2, 2))}


def test_a_meeting_someone_is_invited_to_is_where_nothing_happened() -> None:
    """wide thaigov-35541, a Thai-Singapore talk to prepare the 5th AMCC: ``รมว.ไอซีที ของสิงคโปร์
    กล่าวเรียนเชิญ รมว.ดีอีเอส เข้าร่วมการประชุม The 5th AMCC ... ที่จะมีขึ้น``: an invitation, so the
    minister did not (yet) attend it, and what the talk discussed is not the AMCC's."""
    facts = _facts(WIDE / "thaigov-35541.txt")
    amcc = Ref("meeting", "amcc-5")
    assert not [a for a in facts.attendance if a.meeting == amcc]
    assert not [t for t in facts.topics if t.subject == amcc]
    assert any(m.meeting == amcc for m in facts.meetings)


def test_a_yearly_series_named_without_a_number_on_a_day_is_that_year_s_edition() -> None:
    """thaigov-78348: ``วันที่ 2 กุมภาพันธ์ 2567 นายประเสริฐ ... ได้ร่วมลงนาม... ในช่วงระหว่างการประชุม
    รัฐมนตรีอาเซียนด้านดิจิทัลและสาธารณรัฐประชาชนจีน ณ สาธารณรัฐสิงคโปร์``: the ministers' session with
    a partner, of a series first held in 2021 and once a year, is its 4th (no number is stated, so
    none is given); the day opening the sentence is a day it was held (start only); the partner in
    its name met there; the minister who signed during it took part for his country."""
    facts = _facts(RELEASES / "thaigov-78348.txt")
    meeting = next(m for m in facts.meetings if m.meeting.key == "adgmin-dp-4")
    assert meeting.ordinal == 4 and not meeting.ordinal_stated
    assert _dates(RELEASES / "thaigov-78348.txt")["adgmin-dp-4"] == (dt.date(2024, 2, 2), None)
    attendees = {(a.participant.key, a.role) for a in facts.attendance if a.meeting.key == "adgmin-dp-4"}
    assert attendees == {("china", "dialogue-partner"), ("prasert-jantararuangtong", "member-state")}
    assert {(p.prop, p.value.key) for p in facts.meeting_properties if p.meeting.key == "adgmin-dp-4"} == {("location", "singapore"), ("host", "singapore")}  # type: ignore[union-attr]


def test_a_series_without_yearly_data_named_on_a_day_keeps_the_day_as_its_name() -> None:
    """thaigov-47196: the AEC Council-ADGMIN Interface has no edition data: known by its day."""
    assert "aecc-adgmin-interface-2021-10-18" in _meetings("thaigov-47196.txt")


def test_a_session_named_by_what_was_done_right_after_its_day_was_held_that_day() -> None:
    """thaigov-51026: ``การประชุมฯรัฐมนตรีอาเซียนด้านดิจิทัล ครั้งที่ 2 ... ซึ่งจัดขึ้นระหว่างวันที่27-28
    มกราคม 2565 ... ทั้งนี้ในวันที่ 28 มกราคม 2565 รัฐมนตรีอาเซียนดิจิทัลได้มีการหารือร่วมกับคู่เจรจา
    ของอาเซียน``: the session with the partners was held on the 28th (start and end); ADGMIN 2 keeps
    its own two days."""
    dates = _dates(RELEASES / "thaigov-51026.txt")
    assert dates["adgmin-dp-2"] == (dt.date(2022, 1, 28), dt.date(2022, 1, 28))
    assert dates["adgmin-2"] == (dt.date(2022, 1, 27), dt.date(2022, 1, 28))


def test_the_partners_of_an_instrument_a_session_with_partners_took_met_there() -> None:
    """thaigov-51026: the session with the dialogue partners adopted ``แผนงานความร่วมมือด้านดิจิทัล
    ระหว่างอาเซียนกับจีนและอินเดีย ประจำปี 2565``: China and India, the instrument's other parties,
    were the partners at the session."""
    facts = _facts(RELEASES / "thaigov-51026.txt")
    partners = {a.participant.key for a in facts.attendance if a.meeting.key == "adgmin-dp-2" and a.role == "dialogue-partner"}
    assert partners == {"china", "india"}


def test_a_meeting_name_wrapped_before_its_ordinal_is_that_numbered_meeting() -> None:
    """thaigov-53535: ``5. รับทราบผลการประชุมคณะกรรมการประสานงานอาเซียนด้านความมั่นคงปลอดภัยไซเบอร์``
    with ``ครั้งที่ 2`` alone on the next line: ACCC 2, whose results ADGMIN 2 noted, and the
    norms its committee adopted (the line after) are its topic, not ADGMIN 2's."""
    facts = _facts(RELEASES / "thaigov-53535.txt")
    assert any(m.meeting.key == "accc-2" and m.ordinal == 2 for m in facts.meetings)
    assert any(d.decided_by.key == "adgmin-2" and d.target.key == "accc-2" and d.decision == "noted" for d in facts.decisions)
    norms = {t.subject.key for t in facts.topics if t.topic == "cyber-norms"}
    assert "accc-2" in norms and "adgmin-2" not in norms
