"""Bilateral talks (extract/talks.py): two distinct sides, held at a meeting or on a day."""

from __future__ import annotations

from pathlib import Path

from adgmin_kg.extract import extract_release, meetings, talks
from adgmin_kg.extract.context import TextContext
from adgmin_kg.gazetteer import load_gazetteer
from adgmin_kg.rules import rules_for
from adgmin_kg.facts import Span
from adgmin_kg.read import read_release

ROOT = Path(__file__).resolve().parents[1]
WIDE = ROOT / "tests" / "fixtures" / "wide"
RELEASES = ROOT / "data" / "releases"


def _context(path: Path) -> TextContext:
    """A release read whole, scope aside, with its meetings found (what the talk rules see)."""
    release = read_release(path)
    ctx = TextContext.of(release, rules_for(release.meta.language), load_gazetteer())
    ctx.meetings = meetings.find_meetings(ctx)
    return ctx


def _talks(path: Path) -> dict[str, set[str]]:
    facts = extract_release(read_release(path))
    return {t.talk.key: {p.key for p in t.parties} for t in facts.talks}


def test_a_talk_outside_a_meeting_is_keyed_by_its_day_and_both_sides() -> None:
    """wide thaigov-83744: on 30 May 2024 the Permanent Secretary of the digital ministry (ดีอี)
    talked with Singapore's: once keyed ``talk-mdes-thailand`` (the ministry as the other side)."""
    talks = _talks(WIDE / "thaigov-83744.txt")
    assert talks == {"talk-2024-05-30-singapore-thailand": {"singapore", "thailand"}}


def test_a_meeting_prepared_for_is_not_where_the_talk_was() -> None:
    """wide thaigov-35541: ``วันนี้ (29 ก.ย. 63) ได้มีการประชุมหารือทวิภาคีกับ... สิงคโปร์ ...
    เพื่อเตรียมการก่อนการประชุม AMCC ครั้งที่ 5 ... และงาน The 5th Singapore International Cyber
    Week (SICW) ที่กำหนดจัดขึ้นระหว่างวันที่ 5 - 9 ตุลาคม 2563``: the talk was on 29 September, not
    at AMCC 5; nor was AMCC 5 on 29 September, and 5-9 October are the days of AMCC and SICW together."""
    facts = extract_release(read_release(WIDE / "thaigov-35541.txt"))
    assert {t.talk.key for t in facts.talks} == {"talk-2020-09-29-singapore-thailand"}
    assert not [d for d in facts.dates if d.meeting.key == "amcc-5"]


def test_a_country_named_as_the_place_is_no_side() -> None:
    """thaigov-78190: a talk with Indonesia's delegation during ADGSOM 3 ``ณ เกาะโบราเคย์
    สาธารณรัฐฟิลิปปินส์``: the Philippines is where, not with whom; the Indonesian ministry is Indonesia."""
    talks = _talks(RELEASES / "thaigov-78190.txt")
    assert talks == {"adgsom-3-talk-indonesia-thailand": {"indonesia", "thailand"}}


def test_a_talk_still_to_come_is_not_minted() -> None:
    """thaigov-80674: the Permanent Secretary ``จะเดินทางไปกรุงพนมเปญ ... เพื่อหารือทวิภาคี ... ในวันที่
    18 มีนาคม 2567``, once a talk "during ADGMIN 4": no talk on 18 March, none with the regulator."""
    talks = _talks(RELEASES / "thaigov-80674.txt")
    assert not any("2024-03-18" in key for key in talks) and "adgmin-4-talk-cambodia-thailand" in talks


def test_a_paragraph_tied_to_the_one_before_reports_talks_at_its_meeting() -> None:
    """thaigov-80674: ``... ได้เข้าร่วมและทำหน้าที่รองประธานการประชุมรัฐมนตรีอาเซียนด้านดิจิทัล ครั้งที่ 4``,
    then ``ทั้งนี้ ได้มีการหารือทวิภาคีกับผู้นำอาเซียน ... โดยในส่วนของกัมพูชา ได้หารือ...``: a talk with
    Cambodia at ADGMIN 4, ministerial, on the digital and green economy; ASEAN is no side."""
    facts = extract_release(read_release(RELEASES / "thaigov-80674.txt"))
    talk = next(t for t in facts.talks if t.talk.key == "adgmin-4-talk-cambodia-thailand")
    assert talk.context and talk.context.key == "adgmin-4" and talk.level == "ministerial"
    assert {"digital-economy", "green-economy"} <= {t.value for t in talk.topics}


def test_a_talk_about_a_known_document_is_on_what_its_title_names() -> None:
    """thaigov-80674 ``ได้หารือและติดตามการดำเนินการภายใต้บันทึกความเข้าใจระหว่าง... และกระทรวงการไปรษณีย์และ
    โทรคมนาคมแห่งราชอาณาจักรกัมพูชาว่าด้วยความร่วมมือด้านการปราบปรามแก๊ง Call Center และ Hybrid Scam``:
    the talk was on online scams; the telecoms in the Cambodian ministry's name is no topic."""
    facts = extract_release(read_release(RELEASES / "thaigov-80674.txt"))
    talk = next(t for t in facts.talks if t.talk.key == "adgmin-4-talk-cambodia-thailand")
    assert "online-scams" in {t.value for t in talk.topics}
    assert "telecommunications" not in {t.value for t in talk.topics}


def test_talks_at_a_meeting_keep_their_meeting() -> None:
    talks = _talks(RELEASES / "thaigov-66419.txt")
    assert talks["adgmin-3-talk-japan-thailand"] == {"japan", "thailand"}
    assert all(len(sides) == 2 and "thailand" in sides for sides in talks.values())
    assert not any("asean" in key for key in talks)


def test_a_thai_agency_is_the_thai_side_never_the_other() -> None:
    """wide thaigov-97866: the digital minister ``ร่วมหารือทวิภาคีกับ`` UNESCO's Assistant
    Director-General, ``โดยมี ... ผู้อำนวยการสำนักงานพัฒนาธุรกรรมทางอิเล็กทรอนิกส์`` (ETDA, a Thai
    agency) present: once ``talk-etda-thailand``. Read whole, scope aside, it gives no such talk."""
    ctx = _context(WIDE / "thaigov-97866.txt")
    assert any(m.kind == "org" and m.id == "etda" for m in ctx.mentions)
    found = talks.talks(ctx)
    assert not any(p.key == "etda" for t in found for p in t.parties)


def test_asean_as_a_whole_is_no_side_of_a_bilateral_talk() -> None:
    """wide thaigov-66812: the finance minister ``ร่วมการประชุม รมว.คลังอาเซียนอย่างไม่เป็นทางการ ...
    รวมถึงการเข้าร่วมหารือทวิภาคีหน่วยงานต่างๆ``: once ``talk-asean-thailand``. Read whole, scope
    aside (the release is about finance), ASEAN is no side of any talk."""
    ctx = _context(WIDE / "thaigov-66812.txt")
    asean = [m for m in ctx.mentions if m.kind == "org" and m.id == "asean"]
    assert asean and all(talks.side(ctx, m, talks.home_country(ctx)) is None for m in asean)  # type: ignore[arg-type]
    assert not any(p.key == "asean" for t in talks.talks(ctx) for p in t.parties)
    assert not extract_release(ctx.release).talks


def test_each_partner_row_of_a_session_s_cooperation_table_is_that_partner_s_support() -> None:
    """thaigov-42297 2.1 ``กิจกรรมความร่วมมือในปี 2563 ได้แก่`` then a table, partner by partner
    (ITU's cell wraps onto a second line), under the session with the dialogue partners: one
    support per partner at the session, with its row's topics; none for Thailand."""
    facts = extract_release(read_release(RELEASES / "thaigov-42297.txt"))
    rows = {s.supporter.key: s for s in facts.supports if s.rule == "partner-row"}
    assert set(rows) == {"china", "japan", "republic-of-korea", "united-states", "india", "itu"}
    assert all(s.meeting and s.meeting.key == "adgmin-dp-1" for s in rows.values())
    assert {t.value for t in rows["itu"].topics} == {"ict", "smart-cities", "5g", "international-mobile-roaming"}
    assert {t.value for t in rows["india"].topics} == {"capacity-building", "telecommunications"}
    assert not any(t.subject.key == "adgmin-dp-1" and t.topic == "disaster-management" for t in facts.topics)


def test_a_talk_s_meeting_is_quoted_where_its_clause_names_it() -> None:
    """thaigov-78190: ``...หารือทวิภาคีกับหัวหน้าคณะผู้แทนสาธารณรัฐอินโดนีเซีย...ระหว่างการประชุมเจ้าหน้าที่
    อาวุโสอาเซียนด้านดิจิทัล ครั้งที่ 3``: the talk is part of ADGSOM 3 by the words that say so."""
    release = read_release(RELEASES / "thaigov-78190.txt")
    talk = next(t for t in extract_release(release).talks if t.talk.key == "adgsom-3-talk-indonesia-thailand")
    assert talk.context_quote and "ระหว่างการประชุมเจ้าหน้าที่อาวุโสอาเซียนด้านดิจิทัล ครั้งที่ 3" in release.text[talk.context_quote.start : talk.context_quote.end]


def test_a_partner_row_is_quoted_with_what_the_partner_did() -> None:
    """thaigov-42297 2.1, a table: ``สาธารณรัฐประชาชนจีน`` then the next cell ``ความร่วมมือด้าน
    เศรษฐกิจดิจิทัลอาเซียน – จีน``; ITU's name wraps over two lines before ``การสนับสนุนการพัฒนาด้าน
    ไอซีที ...``. A row's support is quoted at the partner's name and again at the first line of
    what it did (each quote in its own cell), once per partner though the table's header repeats
    the list's cue."""
    release = read_release(RELEASES / "thaigov-42297.txt")
    rows = [s for s in extract_release(release).supports if s.rule == "partner-row"]
    names = {s.supporter.key: release.text[s.quote.start : s.quote.end] for s in rows}
    deeds = {s.supporter.key: release.text[s.deed_quote.start : s.deed_quote.end] for s in rows if s.deed_quote}
    assert len(rows) == len(deeds) == 6
    assert names["china"] == "สาธารณรัฐประชาชนจีน" and deeds["china"] == "ความร่วมมือด้านเศรษฐกิจดิจิทัลอาเซียน – จีน"
    assert names["itu"] == "สหภาพโทรคมนาคม" and deeds["itu"].startswith("การสนับสนุนการพัฒนาด้านไอซีที ได้แก่")
    assert deeds["japan"] == "· การแลกเปลี่ยนนโยบายด้านไอซีที"


def test_a_numbered_partner_row_is_quoted_to_its_line_end() -> None:
    """thaigov-53535 ``7. กิจกรรมความร่วมมือในปี 2564`` then ``7.2 อินเดีย ส่งเสริมโครงสร้างพื้นฐาน...``:
    what India did is the rest of its sub-item's line, not past it."""
    release = read_release(RELEASES / "thaigov-53535.txt")
    india = next(s for s in extract_release(release).supports if s.supporter.key == "india")
    assert india.deed_quote
    deed = release.text[india.deed_quote.start : india.deed_quote.end]
    assert deed.startswith("ส่งเสริมโครงสร้างพื้นฐานด้านดิจิทัล") and deed.endswith("นโยบายและกฎระเบียบ")


def test_a_talk_on_the_day_that_follows_its_other_side() -> None:
    """thaigov-95030: ``กระทรวงดีอี เคยได้หารือกับทาง สปป.ลาวเอาไว้เมื่อวันที่ 15 มกราคม 2568 ที่ผ่านมา``:
    no word bilateral, but one other side right after the cue and the day it happened right after
    that: a talk with Lao PDR on 15 January 2025, no level (only the ministry is named)."""
    release = read_release(RELEASES / "thaigov-95030.txt")
    talks = {t.talk.key: t for t in extract_release(release).talks}
    talk = talks["talk-2025-01-15-laos-thailand"]
    assert talk.context is None and talk.level is None
    assert release.text[talk.quote.start : talk.quote.end] == "เคยได้หารือกับทาง สปป.ลาว"


def test_a_dated_talk_s_topics_are_those_of_its_clause() -> None:
    """thaigov-95030: ``...เมื่อวันที่ 15 มกราคม 2568 ที่ผ่านมาและได้ลงนามบันทึกความร่วมมือ (MOU) ด้านการไปรษณีย์
    โทรคมนาคมและเทคโนโลยีสารสนเทศและการสื่อสาร และเทคโนโลยีดิจิทัล ซึ่งเป็นก้าวสำคัญ...``: what was signed at
    the talk gives its topics; the comment after ``ซึ่ง`` does not. The talk starts and ends that day."""
    from adgmin_kg.pipeline import build
    from adgmin_kg.vocab import SCHEMA, release_graph
    from rdflib import URIRef

    path = RELEASES / "thaigov-95030.txt"
    talk = next(t for t in extract_release(read_release(path)).talks if t.talk.key == "talk-2025-01-15-laos-thailand")
    assert {t.value for t in talk.topics} == {"telecommunications", "ict"}
    g = build([path]).dataset.graph(release_graph("thaigov-95030"))
    node = URIRef("https://w3id.org/adgmin-kg/id/meeting/talk-2025-01-15-laos-thailand")
    assert {str(d) for d in g.objects(node, SCHEMA.startDate)} == {str(d) for d in g.objects(node, SCHEMA.endDate)} == {"2025-01-15"}


def test_a_thai_agency_talked_with_is_no_other_side() -> None:
    """wide thaigov-88699: ``เมื่อวันที่ 27 กันยายน 2567 ที่ผ่านมา สมอ. ได้หารือกับสำนักงานพัฒนาธุรกรรม
    ทางอิเล็กทรอนิกส์ (ETDA)``: two Thai agencies; read whole, scope aside, no talk."""
    ctx = _context(WIDE / "thaigov-88699.txt")
    assert ctx.find_cues("talk_with", Span(0, len(ctx.text)))
    assert not talks.talks(ctx)


def test_who_took_part_in_a_talk_for_each_side() -> None:
    """thaigov-78190 1.1: ``ปลัดกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคมในฐานะหัวหน้าคณะผู้แทนไทยได้เข้าร่วมการประชุม
    หารือทวิภาคีกับหัวหน้าคณะผู้แทนสาธารณรัฐอินโดนีเซียจากกระทรวงการสื่อสารและสารสนเทศแห่งสาธารณรัฐอินโดนีเซีย``:
    the Thai Permanent Secretary opens the clause, the Indonesian ministry is named in it; the
    Philippines, named as the place, sends no one."""
    talk = next(t for t in extract_release(read_release(RELEASES / "thaigov-78190.txt")).talks if t.talk.key == "adgsom-3-talk-indonesia-thailand")
    assert [a.value.key for a in talk.actors] == ["permanent-secretary-des", "indonesia-kominfo"]


def test_a_dated_talk_s_home_ministry_took_part() -> None:
    """thaigov-95030: ``โดยกระทรวงดีอี เคยได้หารือกับทาง สปป.ลาว...``: the Thai ministry took part."""
    talk = next(t for t in extract_release(read_release(RELEASES / "thaigov-95030.txt")).talks if t.talk.key == "talk-2025-01-15-laos-thailand")
    assert [a.value.key for a in talk.actors] == ["mdes"]


def test_a_person_before_the_post_is_who_took_part() -> None:
    """wide thaigov-83744: ``ศาสตราจารย์พิเศษ วิศิษฏ์ วิศิษฏ์สรอรรถ ปลัดกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม (ดีอี)
    หารือทวิภาคี...``: the person holding the post is named, not only the post or the ministry."""
    talk = next(t for t in extract_release(read_release(WIDE / "thaigov-83744.txt")).talks)
    assert [a.value.key for a in talk.actors] == ["wisit-wisitsora-at"]


def test_a_call_on_the_other_side_s_minister_is_a_talk() -> None:
    """wide thaigov-54817: ``เมื่อวันที่ 20 พฤษภาคม 2565 นาย ชัยวุฒิ ธนาคมานุสรณ์ รัฐมนตรีว่าการกระทรวงดิจิทัล
    เพื่อเศรษฐกิจเเละสังคม เดินทางเข้าพบ นายเหวียน แหม่ง หุ่ง รัฐมนตรีว่าการกระทรวงเทคโนโลยีสารสนเทศ (ICT)
    เวียดนาม``: a ministerial talk with Viet Nam that day, the Thai minister taking part."""
    talks = {t.talk.key: t for t in extract_release(read_release(WIDE / "thaigov-54817.txt")).talks}
    talk = talks["talk-2022-05-20-thailand-viet-nam"]
    assert talk.level == "ministerial" and [a.value.key for a in talk.actors] == ["chaiwut-thanakamanusorn"]


def test_a_call_on_the_home_side_is_no_talk_of_it() -> None:
    """wide thaigov-78077: ``นายเจค ซัลลิแวน ที่ปรึกษาด้านความมั่นคงแห่งชาติสหรัฐอเมริกา ... เข้าพบหารือกับ นายปานปรีย์
    ... รองนายกรัฐมนตรี``: the one called on is Thai; read whole, scope aside, no talk is read from it."""
    ctx = _context(WIDE / "thaigov-78077.txt")
    assert ctx.find_cues("call_on", Span(0, len(ctx.text)))
    assert not talks.talks(ctx)


def test_a_memorandum_signed_on_the_day_of_a_talk_was_signed_at_the_talk() -> None:
    """thaigov-95030 ``กระทรวงดีอี เคยได้หารือกับทาง สปป.ลาวเอาไว้เมื่อวันที่ 15 มกราคม 2568 ที่ผ่านมาและได้
    ลงนามบันทึกความร่วมมือ (MOU) ด้านการไปรษณีย์...``: a memorandum of cooperation (kind mou), signed at
    the talk with Lao PDR that day, not by the ministry alone."""
    facts = extract_release(read_release(RELEASES / "thaigov-95030.txt"))
    signed = [(d.decided_by.key, d.decision) for d in facts.decisions]
    assert signed == [("talk-2025-01-15-laos-thailand", "signed")]
    assert {d.kind for d in facts.documents} == {"mou"}


def test_a_ministry_signing_with_a_foreign_ministry_is_a_talk_on_the_report_s_day() -> None:
    """thaigov-78348: ``นอกจากนี้ ศาสตราจารย์พิเศษวิศิษฏ์ ... ปลัดกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม
    ได้ลงนามบันทึกความเข้าใจร่วมระหว่างกระทรวงดิจิทัล...แห่งราชอาณาจักรไทย และกระทรวงการสื่อสารและสารสนเทศ
    แห่งอินโดนีเซีย ... โดยมีนายประเสริฐ รัฐมนตรีดีอี เข้าร่วมเป็นสักขีพยาน สำหรับความร่วมมือสำคัญ
    ประกอบด้วย ...``: a talk with Indonesia on the day the report opens with, at the signatory's level;
    the signatory, the witness and the Indonesian ministry took part; the MoU is its decision and the
    areas listed are its topics, none of them the ADGMIN session's reported above it."""
    facts = extract_release(read_release(RELEASES / "thaigov-78348.txt"))
    talk = next(t for t in facts.talks if t.rule == "signing")
    assert talk.talk.key == "talk-2024-02-02-indonesia-thailand" and talk.level == "senior-officials"
    assert {a.value.key for a in talk.actors} == {"wisit-wisitsora-at", "prasert-jantararuangtong", "indonesia-kominfo"}
    assert {t.value for t in talk.topics} >= {"digital-platforms", "online-scams", "human-resource-development", "digital-economy"}
    assert {d.decided_by.key for d in facts.decisions if d.target.key == "thailand-indonesia-mou-ict-digitalization"} == {talk.talk.key}
    assert not [t for t in facts.topics if t.subject.key == "adgmin-dp-4" and t.quote.start > talk.quote.start]
    assert not [a for a in facts.attendance if a.meeting.key == "adgmin-dp-4" and a.quote.start > talk.quote.start]


def test_a_signing_with_no_day_in_its_passage_is_no_talk() -> None:
    """wide thaigov-57695: ``กระทรวงดิจิทัลฯ ร่วมลงนามในบันทึกความร่วมมือ (MOC) ระหว่างกระทรวงดิจิทัล...
    แห่งราชอาณาจักรไทย และกระทรวงกิจการภายในและการสื่อสารแห่งประเทศญี่ปุ่น``: the sides are clear but
    the text gives the signing no day, so no talk is minted (read without the scope filter: the
    release names no ASEAN body)."""
    ctx = _context(WIDE / "thaigov-57695.txt")
    assert ctx.find_cues("signed_past", Span(ctx.body_start, len(ctx.text)))  # the signing is there
    assert talks.signings(ctx) == []


def test_a_headline_talk_is_held_at_the_english_named_event_its_lead_line_names() -> None:
    """thaigov-95030: ``รองนายกฯ “ประเสริฐ” หารือรมว.เทคโนโลยีและการสื่อสาร สปป.ลาว ...`` (headline),
    ``... ชี้เวทีประชุม High Level Digital Transformation Forum  “Lao Digital Week 2025”...`` (lead line)."""
    release = read_release(RELEASES / "thaigov-95030.txt")
    facts = extract_release(release)
    talk = next(t for t in facts.talks if t.rule == "event-talk")
    assert talk.talk.key == "event-high-level-digital-transformation-forum-talk-laos-thailand"
    assert talk.context is not None and talk.context.label == "High Level Digital Transformation Forum"
    assert talk.level == "ministerial"
    assert {a.value.key for a in talk.actors} == {"prasert-jantararuangtong", "minister-of-technology-and-communications-laos"}
    # the lead line's, not the Digital Transformation of the forum's name; then the points summing
    # up "this talk" (``...ครั้งนี้ สามารถสรุปความสำคัญได้ 6 ประเด็นดังนี้``), not the aims of the
    # project a point names (SMEs), nor the words of an agency's name (``สำนักงานเศรษฐกิจดิจิทัล``)
    assert list(dict.fromkeys(t.value for t in talk.topics)) == ["digital-cooperation", "digital-skills", "cybercrime", "online-scams"]
    assert {(r.subject.key, r.other.key) for r in facts.relations if r.rule == "event-within"} == {("event-high-level-digital-transformation-forum", "event-lao-digital-week-2025")}
    assert {m.meeting.label for m in facts.meetings if not m.series} == {"High Level Digital Transformation Forum", "Lao Digital Week 2025"}
    # ``ร่วมมือกันต่อยอดในเรื่องที่รัฐบาลไทย โดยกระทรวงดีอี เคยได้หารือกับทาง สปป.ลาวเอาไว้เมื่อวันที่ 15 มกราคม 2568``
    assert {(r.subject.key, r.other.key) for r in facts.relations if r.rule == "talk-builds-on"} == {("talk-2025-01-15-laos-thailand", talk.talk.key)}


def test_an_event_named_in_quotes_under_a_larger_one() -> None:
    """thaigov-95034 (wide): ``ในการประชุม “High Level Digital Transformation Forum” ภายใต้งาน “Lao
    Digital Week 2025”``; ``และงาน SICW`` (thaigov-35541) has no clean event name."""
    from adgmin_kg.extract.events import events_in

    ctx = _context(WIDE / "thaigov-95034.txt")
    line = next(s for s in ctx.lines if "ร่วมหารือกับ" in ctx.text[s.start : s.end])
    found = events_in(ctx, line)
    assert [(e.ref.label, e.within.ref.label if e.within else None) for e in found] == [("High Level Digital Transformation Forum", "Lao Digital Week 2025")]
    ctx = _context(WIDE / "thaigov-35541.txt")
    assert all(not events_in(ctx, s) for s in ctx.lines)
