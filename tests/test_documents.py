"""Documents and decisions (extract/documents.py): the deciding body is the one the sentence names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from adgmin_kg.extract import documents, extract_release, meetings
from adgmin_kg.extract.context import TextContext
from adgmin_kg.gazetteer import load_gazetteer
from adgmin_kg.read import read_release
from adgmin_kg.rules import load_rules, rules_for

ROOT = Path(__file__).resolve().parents[1]
RELEASES = ROOT / "data" / "releases"
EXCERPTS = ROOT / "tests" / "fixtures" / "excerpts"


def test_a_body_named_by_its_short_form_took_the_decision_not_the_meeting_reported() -> None:
    """thaigov-53535, ADGMIN 2 results: ``เมื่อวันที่ 30 พฤศจิกายน 2564 คณะกรรมการประสานงานฯ
    ได้รับรองแผนปฏิบัติการ...`` (the ASEAN Cyber-CC, named in full a line above), once "adopted by ADGMIN 2"."""
    facts = extract_release(read_release(RELEASES / "thaigov-53535.txt"))
    plan = [d for d in facts.decisions if d.target.key == "asean-cyber-norms-regional-action-plan"]
    assert [(d.decided_by.kind, d.decided_by.key, d.decision) for d in plan] == [("org", "asean-cybersecurity-coordinating-committee", "adopted")]
    assert plan[0].date is not None and plan[0].date.value == dt.date(2021, 11, 30)
    assert not any(d.decided_by.key == "adgmin-2" and d.target.key == "asean-cyber-norms-regional-action-plan" for d in facts.decisions)


def test_a_convention_one_becomes_a_party_to_is_named_with_its_kind() -> None:
    """thaigov-95636 ``การเข้าเป็นภาคีอนุสัญญาสหประชาชาติว่าด้วยการต่อต้านอาชญากรรมไซเบอร์ (United Nations
    Convention against Cybercrime)``: the title opens right after ``ภาคี``; a convention is an agreement."""
    facts = extract_release(read_release(RELEASES / "thaigov-95636.txt"))
    assert ("อนุสัญญาสหประชาชาติว่าด้วยการต่อต้านอาชญากรรมไซเบอร์", "agreement") in {(d.title, d.kind) for d in facts.documents}


def test_a_signing_pushed_for_is_no_signing() -> None:
    """wide thaigov-39770 ``...และความประสงค์ผลักดันการลงนามบันทึกความร่วมมือด้านกิจการไปรษณีย์ระหว่าง...``:
    the memorandum is still to be signed (and the AJCCBC named earlier in the sentence signed nothing)."""
    facts = extract_release(read_release(ROOT / "tests" / "fixtures" / "wide" / "thaigov-39770.txt"))
    assert not [d for d in facts.decisions if d.decision == "signed"]


def _whole(path: Path) -> TextContext:
    """A release read whole, whatever its scope: the rule alone."""
    ctx = TextContext.of(read_release(path), load_rules(), load_gazetteer())
    ctx.meetings = meetings.find_meetings(ctx)
    return ctx


def test_an_earlier_cabinet_resolution_cited_with_its_date_is_that_meeting_s() -> None:
    """wide thaigov-35730 (6 Oct 2020): ``[คณะรัฐมนตรีมีมติ (21 กรกฎาคม 2563) เห็นชอบร่างแถลงการณ์...]``
    was once a decision of the 6 October cabinet."""
    _, decided = documents.decisions(_whole(EXCERPTS / "thaigov-35730.txt"))
    approved = [d for d in decided if d.decision == "approved"]
    assert approved and {d.decided_by.key for d in approved} == {"th-cabinet-2020-07-21"}


def test_a_cabinet_summary_item_on_other_matters_gives_nothing() -> None:
    """wide thaigov-64660, item 14: money for repairing irrigation works after floods. Once a
    funded "project" and a cabinet decision; not about ASEAN digital cooperation."""
    facts = extract_release(read_release(EXCERPTS / "thaigov-64660.txt"))
    assert not facts.on_topic and not facts.projects and not facts.funding and not facts.decisions and not facts.meetings


def _decisions(release_id: str) -> list[tuple[str, str, str]]:
    facts = extract_release(read_release(RELEASES / f"{release_id}.txt"))
    return sorted({(d.decided_by.key, d.decision, d.target.key) for d in facts.decisions})


def test_a_decision_the_sentence_gives_the_cabinet_is_the_cabinet_meeting_s() -> None:
    """thaigov-36885: ``คณะรัฐมนตรีมีมติเห็นชอบต่อร่างข้อริเริ่ม...``: the verb holds ``มีมติ`` and
    the sentence names the cabinet; once "endorsed by the Cabinet of Thailand" (a body, not the
    meeting of 17 November 2020, and the ASEAN sense of เห็นชอบ)."""
    assert _decisions("thaigov-36885") == [("th-cabinet-2020-11-17", "approved", "asean-china-digital-economy-partnership-initiative")]


def test_results_submitted_by_a_ministry_are_what_the_cabinet_acknowledges() -> None:
    """``คณะรัฐมนตรีรับทราบตามที่กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม (ดศ.) เสนอผลการประชุมรัฐมนตรี
    อาเซียนด้านดิจิทัล ครั้งที่ 1`` (42297) and ``...เสนอผลการประชุมรัฐมนตรีอาเซียนครั้งที่ 2 (The 2rd
    ASEAN Digital Ministers Meeting...)`` (53535, a Thai name the gazetteer does not know, then the
    English one): the object comes after who submitted it."""
    assert ("th-cabinet-2021-06-01", "acknowledged", "adgmin-1") in _decisions("thaigov-42297")
    assert ("th-cabinet-2022-04-12", "acknowledged", "adgmin-2") in _decisions("thaigov-53535")


def test_documents_counted_with_a_footnote_mark_are_those_the_footnote_lists() -> None:
    """thaigov-53535: ``[คณะรัฐมนตรี ได้มีมติ (18 มกราคม 2565) เห็นชอบร่างเอกสารผลลัพธ์...รวม 5 ฉบับ*``,
    the footnote ``* 5 ฉบับ ได้แก่ (1) ร่าง... (5) ร่าง...``: five approvals by the cabinet of 18 January."""
    earlier = [d for d in _decisions("thaigov-53535") if d[0] == "th-cabinet-2022-01-18"]
    assert len(earlier) == 5 and {d[1] for d in earlier} == {"approved"}
    assert ("th-cabinet-2022-01-18", "approved", "nay-pyi-taw-declaration") in earlier


def test_points_of_a_cabinet_resolution_and_documents_counted_then_listed() -> None:
    """thaigov-64402: ``คณะรัฐมนตรีมีมติเห็นชอบและอนุมัติตามที่ ... (ดศ.) เสนอ ดังนี้`` then ``1. เห็นชอบ
    ต่อร่างเอกสารทั้ง 7 ฉบับ (1) ร่าง... (7) ร่าง...``: the cabinet approves seven (not ADGMIN 3,
    the meeting the titles name); then the Leaders' Retreat ``ได้เห็นชอบเอกสาร... จำนวน 7 ฉบับ
    ดังนี้`` lists them by short forms (``1. ร่างบันทึกความเข้าใจฯ``), each the document named in
    full before."""
    decided = _decisions("thaigov-64402")
    cabinet = {d[2] for d in decided if d[0] == "th-cabinet-2023-01-31" and d[1] == "approved"}
    retreat = {d[2] for d in decided if d[0] == "adgsom-atrc-leaders-retreat-2" and d[1] == "endorsed"}
    assert len(cabinet) == 7 and retreat == cabinet
    assert not [d for d in decided if d[0] == "adgmin-3"]


def test_a_known_document_named_in_passing_keeps_its_kind_where_named() -> None:
    """thaigov-64394: the ASEAN Digital Masterplan 2025 is only referred to (``ตามแผนแม่บทอาเซียน
    ด้านดิจิทัล ค.ศ. 2025``): the document and its kind, quoted there, and no decision on it."""
    release = read_release(RELEASES / "thaigov-64394.txt")
    facts = extract_release(release)
    named = [d for d in facts.documents if d.document.key == "asean-digital-masterplan-2025"]
    assert named and all(d.kind == "masterplan" and release.text[d.quote.start : d.quote.end] == "แผนแม่บทอาเซียนด้านดิจิทัล ค.ศ. 2025" for d in named)
    assert not [d for d in facts.decisions if d.target.key == "asean-digital-masterplan-2025"]


def test_documents_listed_unnumbered_each_open_with_a_document_head() -> None:
    """thaigov-42297: ``...ซึ่งได้มีการรับรองเอกสารผลลัพธ์ที่สำคัญ เช่น แนวทาง... แผนแม่บท... และ
    ข้อริเริ่ม...ที่ยั่งยืน* นอกจากนี้ ADGSOM และ ATRC มีผลการดำเนินงานที่สำคัญ เช่น รายงาน...``: three
    documents adopted, the list ends at the footnote mark and the next sentence (the report is
    work done, not adopted)."""
    facts = extract_release(read_release(RELEASES / "thaigov-42297.txt"))
    adopted = {d.target.key for d in facts.decisions if d.decision == "adopted" and d.decided_by.key == "atrc"}
    assert "asean-digital-masterplan-2025" in adopted and len(adopted) == 3
    # ``ภายใต้การประชุม ADGSOM (...) และสภา... (... ATRC) ซึ่งได้มีการรับรอง``: both bodies adopted them
    both = {d.target.key for d in facts.decisions if d.decision == "adopted" and d.decided_by.key == "adgsom"}
    assert both == adopted
    assert not any(d.target.label and d.target.label.startswith("รายงานการประเมินผล") for d in facts.decisions)


def test_a_decision_told_in_a_clause_about_what_will_happen_is_not_taken() -> None:
    """thaigov-71337 (15 August 2023): ``ผู้นำอาเซียนจะพิจารณาเอกสารผลลัพธ์ด้านเศรษฐกิจที่ AEC Council
    ให้ความเห็นชอบ...`` at a summit of 4-7 September: no endorsement by the AEC Council yet."""
    assert not [d for d in _decisions("thaigov-71337") if d[0] == "aec-council"]


def test_a_title_followed_by_its_english_name_names_a_document() -> None:
    """thaigov-71337: ``2.3 ร่างรายงานการศึกษากรอบความตกลงเศรษฐกิจดิจิทัลอาเซียน (Study on the ASEAN
    Digital Economy Framework Agreement (DEFA))``, a document the gazetteer does not list, named
    whole with its kind; not ``ร่างกรอบความร่วมมือด้านเศรษฐกิจภาคทะเลของอาเซียน (ASEAN Blue Economy
    Framework)`` (no digital matter) nor a Thai head before a ministry's English name (wide 74087)."""
    release = read_release(RELEASES / "thaigov-71337.txt")
    named = {release.text[d.quote.start : d.quote.end]: d.kind for d in extract_release(release).documents if d.document.label}
    assert named["รายงานการศึกษากรอบความตกลงเศรษฐกิจดิจิทัลอาเซียน"] == "report"
    assert named["กรอบสำหรับการเจรจากรอบความตกลงเศรษฐกิจดิจิทัลอาเซียน"] == "framework"
    assert not [t for t in named if "ภาคทะเล" in t]
    wide = extract_release(read_release(ROOT / "tests" / "fixtures" / "wide" / "thaigov-74087.txt"))
    assert not [d for d in wide.documents if d.document.label]


def test_a_long_title_is_read_whole() -> None:
    """thaigov-78190 item 2.9: a 250-character title with a colon (``...ของอาเซียน: การระบุทางเลือก
    ด้านนโยบายเพื่อปรับปรุงการดึงดูดด้านการลงทุน``) is approved whole, not refused as cut."""
    facts = extract_release(read_release(RELEASES / "thaigov-78190.txt"))
    titles = [d.title for d in facts.documents]
    assert any(t.startswith("เอกสารการประเมินความเกี่ยวข้อง") and t.endswith("เพื่อปรับปรุงการดึงดูดด้านการลงทุน") for t in titles)


def test_the_report_of_a_meeting_is_the_meeting_noted() -> None:
    """thaigov-53535: ``3. รับทราบรายงานการประชุมเจ้าหน้าที่อาวุโสอาเซียนด้านดิจิทัล ครั้งที่ 2``:
    ADGMIN 2 noted ADGSOM 2 (once a new "report" document)."""
    assert ("adgmin-2", "noted", "adgsom-2") in _decisions("thaigov-53535")


def _open_world(release_id: str) -> dict[str, set[str | None]]:
    """Titles read without the gazetteer's documents: what structure alone finds, with kinds."""
    gazetteer = load_gazetteer().without("document", "person")
    facts = extract_release(read_release(RELEASES / f"{release_id}.txt"), gazetteer)
    out: dict[str, set[str | None]] = {}
    for d in facts.documents:
        out.setdefault(d.title, set()).add(d.kind)
    return out


def test_a_title_ends_before_how_it_is_decided_and_before_a_cross_reference() -> None:
    """thaigov-36885 ``...ด้านเศรษฐกิจดิจิทัล แบบเวียน (Ad-referendum)`` and thaigov-50657
    ``...ว่าด้วยสาขาความร่วมมือด้านดิจิทัล ตามข้อ 1``: neither tail belongs to the title."""
    assert not [t for t in _open_world("thaigov-36885") if t.endswith("แบบเวียน")]
    assert not [t for t in _open_world("thaigov-50657") if "ตามข้อ" in t]


def test_the_generic_document_noun_takes_the_kind_of_the_head_after_it() -> None:
    """thaigov-78190: ``ร่างเอกสารกรอบการดำเนินงานอาเซียนด้านโลจิสติกส์...`` is a framework."""
    kinds = _open_world("thaigov-78190")
    assert kinds["เอกสารกรอบการดำเนินงานอาเซียนด้านโลจิสติกส์ของห่วงโซ่อุปทานเศรษฐกิจดิจิทัลสำหรับพื้นที่ชนบท"] == {"framework"}


def test_an_english_name_ending_with_a_kind_names_a_document() -> None:
    """An English name in Thai prose whose last words are a kind's English head: ``ข้อเสนอแนวคิด
    โครงการ The 2025 U.S.-ASEAN Combating Online Scams Concept Note`` (95636), ``ASEAN CII
    Protection Framework`` (35821); the title is English (``@en``), the kind from its tail."""
    for release_id, title, kind in (
        ("thaigov-95636", "The 2025 U.S.-ASEAN Combating Online Scams Concept Note", "concept-paper"),
        ("thaigov-35821", "ASEAN CII Protection Framework", "framework"),
    ):
        facts = extract_release(read_release(RELEASES / f"{release_id}.txt"))
        named = [d for d in facts.documents if d.title == title]
        assert named and {d.kind for d in named} == {kind}, release_id
        assert named[0].document.label_lang == "en"


def test_an_english_name_is_a_known_document_by_its_acronym_and_a_phrase_is_no_name() -> None:
    """Wide 96772: ``Digital Economy Framework Agreement (DEFA)`` is the known DEFA, by the short
    form after it; wide 55432: ``การลงนามMOU Digital Economy partnership Agreement (DEPA)`` is a
    phrase with a word in lower case, no document's name."""
    wide = ROOT / "tests" / "fixtures" / "wide"
    defa = extract_release(read_release(wide / "thaigov-96772.txt"))
    assert [d for d in defa.documents if d.title.startswith("Digital Economy Framework Agreement")]
    assert all(not d.document.label for d in defa.documents if d.title.startswith("Digital Economy"))
    depa = extract_release(read_release(wide / "thaigov-55432.txt"))
    assert not [d for d in depa.documents if "partnership" in d.title]


def test_a_title_translated_in_brackets_runs_to_its_english_name() -> None:
    """thaigov-50657 item 4: ``ร่างเอกสารแนวคิดข้อเสนอโครงการศูนย์ความร่วมมืออาเซียน – ญี่ปุ่น
    เพื่อพัฒนาบุคลากร...ที่น่าเชื่อถือ (Project Proposal Concept - ...)``: the clause word เพื่อ is
    inside the title the English name translates."""
    titles = _open_world("thaigov-50657")
    assert "เอกสารแนวคิดข้อเสนอโครงการศูนย์ความร่วมมืออาเซียน – ญี่ปุ่น เพื่อพัฒนาบุคลากรด้านความมั่นคงปลอดภัยไซเบอร์และบริการดิจิทัลที่น่าเชื่อถือ" in titles
    assert "เอกสารแนวคิดข้อเสนอโครงการศูนย์ความร่วมมืออาเซียน – ญี่ปุ่น" not in titles


def test_two_spellings_of_one_title_are_one_document() -> None:
    """thaigov-50657 writes the ASEAN-ITU MoU once with typos (``(อาเขียน)``, ``ความร่ามมือ``) and
    once right: one document, under the right spelling; two titles differing in a year stay two."""
    gazetteer = load_gazetteer().without("document", "person")
    facts = extract_release(read_release(RELEASES / "thaigov-50657.txt"), gazetteer)
    mous = {(d.document, d.title) for d in facts.documents if d.kind == "mou"}
    assert len(mous) == 1
    assert "อาเขียน" not in next(iter(mous))[1]
    assert documents._misspelt("แผนงานความร่วมมือด้านดิจิทัลระหว่างอาเซียนกับจีนและอินเดีย ปี 2565", "แผนงานความร่วมมือด้านดิจิทัลระหว่างอาเซียนกับจีนและอินเดีย ปี 2566") is False


def test_a_name_inside_a_title_already_read_does_not_decide() -> None:
    """thaigov-66419: ``ADGMIN ครั้งที่ 3 ได้มีการรับรอง... ได้แก่ ... 2.เห็นชอบกรอบ...ในอาเซียน
    3.เห็นชอบร่างข้อเสนอแนะ...``: อาเซียน ends item 2's title; ADGMIN 3 decides item 3 (read
    without the gazetteer's documents, which would otherwise cover the name)."""
    gazetteer = load_gazetteer().without("document", "person")
    facts = extract_release(read_release(RELEASES / "thaigov-66419.txt"), gazetteer)
    deciders = {d.decided_by.key for d in facts.decisions if d.target.kind == "document"}
    assert "adgmin-3" in deciders
    assert not deciders & {"asean", "european-union"}


def test_the_kind_s_short_form_after_the_head_is_part_of_the_title_and_a_head_alone_is_none() -> None:
    """thaigov-78348 ``ได้ร่วมลงนามบันทึกความเข้าใจ (MOU) ระหว่างสมาคมประชาชาติ...``: ``(MOU)`` is
    the kind's short form, not the English name that would end the title; once cut there, the
    bare head ``บันทึกความเข้าใจ`` was taken for a title."""
    titles = _open_world("thaigov-78348")
    assert "บันทึกความเข้าใจ" not in titles
    assert [t for t in titles if t.startswith("บันทึกความเข้าใจ (MOU) ระหว่างสมาคมประชาชาติแห่งเอเชียตะวันออกเฉียงใต้และสาธารณรัฐประชาชนจีน")]


def test_a_line_under_a_session_s_heading_is_decided_by_that_session() -> None:
    """thaigov-53535: under the heading ``การประชุมรัฐมนตรีอาเซียนด้านดิจิทัล ครั้งที่ 2 กับคู่เจรจา
    (จีนและอินเดีย) (วันที่ 28 มกราคม 2565)``, ``รับรองแผนงานความร่วมมือด้านดิจิทัลระหว่างอาเซียน
    กับจีนและอินเดีย ปี 2565`` is the session's decision, not ADGMIN 2's; ``รับทราบรายงานการประชุม
    ADGSOM 2`` opening its own item stays ADGMIN 2's."""
    decided = _decisions("thaigov-53535")
    plan = [d[2] for d in decided if d[0] == "adgmin-dp-2" and d[1] == "adopted"]
    assert plan
    assert not [d for d in decided if d[0] == "adgmin-2" and d[2] in plan]
    assert ("adgmin-2", "noted", "adgsom-2") in decided


def test_a_document_named_by_the_generic_noun_alone_is_of_the_generic_kind() -> None:
    """thaigov-78190 ``ร่างเอกสารต้นแบบทางการเงินสำหรับการจัดตั้งศูนย์ประสานงาน...``: no head of a
    kind after ``เอกสาร``; the kind the gazetteer gives the generic noun (other)."""
    kinds = _open_world("thaigov-78190")
    assert kinds["เอกสารต้นแบบทางการเงินสำหรับการจัดตั้งศูนย์ประสานงานการรักษาความมั่นคงปลอดภัยระบบคอมพิวเตอร์ของอาเซียน"] == {"other"}


# ---------------------------------------------------------------- English releases


def test_an_english_synopsis_counts_the_drafts_then_lists_them_one_a_line() -> None:
    """thaigov-78262: ``The cabinet approved 12 draft outcome documents for the 4th ASEAN Digital
    Ministers Meeting (ADGMIN).`` then ``... Outcome documents to be signed and adopted at the
    meetings are:`` and the titles one a line (``To be signed: <title>``, ``To be adopted:``,
    ``Draft ASEAN Framework Document ...``): twelve cabinet approvals, all or nothing."""
    facts = extract_release(read_release(RELEASES / "thaigov-78262.txt"))
    approved = [d for d in facts.decisions if d.decided_by.key == "th-cabinet-2024-01-30" and d.rule == "decision-on-counted-documents"]
    assert len(approved) == 12 and {d.decision for d in approved} == {"approved"}
    keys = {d.target.key for d in approved}
    assert {"singapore-declaration", "adgmin-4-joint-media-statement", "asean-china-mou-communications-digital-technology"} <= keys


def test_the_kind_of_an_english_title_is_its_head_phrases() -> None:
    """English titles as thaigov-78262 writes them, read without the gazetteer's documents: the
    kind is said by the end of the words before the first ``of``/``on``/``between``."""
    rules = rules_for("en")
    release = read_release(RELEASES / "thaigov-78262.txt")
    ctx = TextContext.of(release, rules, load_gazetteer().without("document"))
    assert documents._kind_of(ctx, "Operational Framework of the Working Group on Anti - Online Scam (WG - AS)") == "framework"
    assert documents._kind_of(ctx, "ASEAN Framework Document on Digital Economy Supply Chain Logistics for Rural Areas") == "framework"
    assert documents._kind_of(ctx, "Memorandum of Understanding (MOU) between Ministry of Digital Economy and Society") == "mou"
    assert documents._kind_of(ctx, "Singapore Declaration") == "declaration"
    assert documents._kind_of(ctx, "The 4th ADGMIN Joint Media Statement") == "joint-statement"
    assert documents._kind_of(ctx, "Part 2 of ASEAN Guide on Artificial Intelligence (AI) Governance and Ethics") == "guidelines"
    assert documents._kind_of(ctx, "Establishment of the Standard to Exchange Data") is None


def test_a_resolution_on_counted_drafts_outside_the_scope_approves_the_listed_drafts_in_scope() -> None:
    """thaigov-71337 item 13: ``คณะรัฐมนตรีมีมติเห็นชอบ... ดังนี้ 1. เห็นชอบต่อร่างเอกสารทั้ง 14 ฉบับ``
    (a resolution on economic outcome documents, out of scope) and further down ``2.1 ร่าง...`` to
    ``2.14 ร่าง...``: the approval reaches the four listed drafts about ASEAN digital cooperation
    (2.3, 2.4, 2.5, 2.8), not the others (carbon neutrality, blue economy, AITIGA...), nor what
    ministers are authorised to endorse (``2. ให้รัฐมนตรี... ให้ความเห็นชอบร่างเอกสาร 11 ฉบับ``). The
    misspelt 2.5 (``ร่างแกลงการณ์ผู้นำว่าด้าย...``) is the statement spelt right in 1.3."""
    release = read_release(RELEASES / "thaigov-71337.txt")
    facts = extract_release(release)
    approved = {d.target: d for d in facts.decisions if d.decided_by.key == "th-cabinet-2023-08-15"}
    assert {d.decision for d in approved.values()} == {"approved"}
    titles = sorted(t.label for t in approved)
    assert titles == sorted([
        "รายงานการศึกษากรอบความตกลงเศรษฐกิจดิจิทัลอาเซียน",
        "กรอบสำหรับการเจรจากรอบความตกลงเศรษฐกิจดิจิทัลอาเซียน",
        "แถลงการณ์ผู้นำว่าด้วยการจัดทำกรอบความตกลงเศรษฐกิจดิจิทัลอาเซียน",
        "ข้อริเริ่มอาเซียน-จีนในการเสริมสร้างความร่ามมือด้านพานิชย์อิเล็กทรอนิกส์",
    ])
    assert {release.text[d.quote.start : d.quote.start + 4] for d in approved.values()} <= {"รายง", "กรอบ", "แกลง", "ข้อร"}
    kinds = {d.title: d.kind for d in facts.documents if d.document.label}
    assert kinds["ข้อริเริ่มอาเซียน-จีนในการเสริมสร้างความร่ามมือด้านพานิชย์อิเล็กทรอนิกส์"] == "initiative"


def test_a_document_signed_during_a_meeting_is_decided_by_that_meeting() -> None:
    """thaigov-78348: ``นายประเสริฐ ... รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม (ดีอี) ได้ร่วม
    ลงนามบันทึกความเข้าใจ (MOU) ระหว่าง...จีน ว่าด้วย... (Memorandum ...) ในช่วงระหว่างการประชุมรัฐมนตรี
    อาเซียนด้านดิจิทัลและสาธารณรัฐประชาชนจีน``: the meeting named after the object as the occasion
    signed it, not the ministry the signatory's post names."""
    facts = extract_release(read_release(RELEASES / "thaigov-78348.txt"))
    signed = {(d.decided_by.key, d.decision) for d in facts.decisions if d.target.key == "asean-china-mou-communications-digital-technology"}
    assert signed == {("adgmin-dp-4", "signed")}


def test_a_title_ends_where_and_between_names_another_instrument_s_parties() -> None:
    """thaigov-78684 (lead line): ``ร่วมลงนาม MOU ระหว่างรัฐมนตรีอาเซียนด้านดิจิทัลกับจีน และระหว่าง
    กระทรวงดีอีกับกระทรวงการสื่อสารและสารสนเทศแห่งอินโดนีเชีย``: two MoUs, not one title running on."""
    facts = extract_release(read_release(RELEASES / "thaigov-78684.txt"))
    assert facts.documents
    assert not [d for d in facts.documents if "และระหว่าง" in d.title]


def test_what_a_session_held_met_to_adopt_it_adopted() -> None:
    """thaigov-51026: ``ทั้งนี้ในวันที่ 28 มกราคม 2565 รัฐมนตรีอาเซียนดิจิทัลได้มีการหารือร่วมกับคู่เจรจา
    ของอาเซียน เพื่อรับรองแผนงานความร่วมมือด้านดิจิทัลระหว่างอาเซียนกับจีนและอินเดีย ประจำปี 2565``:
    the session adopted the work plan (the purpose of a session held is no decision to come), and
    it, not ASEAN named in between, took it. A purpose still to come stays none (thaigov-71337)."""
    facts = extract_release(read_release(RELEASES / "thaigov-51026.txt"))
    adopted = {(d.decided_by.key, d.decision) for d in facts.decisions if d.target.label and d.target.label.startswith("แผนงานความร่วมมือด้านดิจิทัลระหว่างอาเซียนกับจีนและอินเดีย")}
    assert adopted == {("adgmin-dp-2", "adopted")}
    later = extract_release(read_release(RELEASES / "thaigov-71337.txt"))
    assert not [d for d in later.decisions if d.decided_by.key == "aec-council"]


def test_an_english_name_whose_head_phrase_ends_with_a_kind_names_a_document() -> None:
    """thaigov-53535, outputs in a report: ``(2) โครงการ ASEAN Guideline for 5G Ecosystem
    Development ... (5) โครงการ ASEAN Policy Guideline for the use of Blockchain Technology for
    Digital Government``: guidelines, not projects. thaigov-42297 funds ``โครงการ ASEAN Strategic
    Guidance for ... (ได้รับงบประมาณสนับสนุน ... ดอลลาร์สหรัฐ)``: there it stays a project."""
    facts = extract_release(read_release(RELEASES / "thaigov-53535.txt"))
    kinds = {d.title: d.kind for d in facts.documents}
    assert kinds["ASEAN Guideline for 5G Ecosystem Development"] == "guidelines"
    assert kinds["ASEAN Strategic Guidance for Artificial Intelligence and Digital Workforce"] == "guidelines"
    assert kinds["ASEAN Policy Guideline for the use of Blockchain Technology for Digital Government"] == "guidelines"
    assert not facts.projects
    funded = extract_release(read_release(RELEASES / "thaigov-42297.txt"))
    assert not any(d.title.startswith("ASEAN Strategic Guidance") for d in funded.documents)
    assert any(f.title.value.startswith("ASEAN Strategic Guidance") for f in funded.funding)


def test_titles_listed_under_a_heading_saying_they_are_not_yet_signed_are_pending() -> None:
    """thaigov-53535: ``9. เอกสารที่ยังไม่มีการลงนาม/เห็นชอบ`` over ``9.1 แผนงาน...กับญี่ปุ่นและข้อเสนอ
    โครงการ... (เนื่องจากญี่ปุ่นไม่เข้าร่วมการประชุมฯ) (แต่ที่ประชุมฯ มีมติเห็นชอบแล้ว)`` and ``9.2
    บันทึกความเข้าใจ... (เนื่องจาก...)``: each title pending with its line's reason, the two of 9.1
    endorsed too, by the session whose heading they stand under."""
    facts = extract_release(read_release(RELEASES / "thaigov-53535.txt"))
    pending = {d.target.label or d.target.key: d for d in facts.decisions if d.decision == "pending" and d.decided_by.key == "adgmin-dp-2"}
    assert set(pending) == {"แผนงานความร่วมมือด้านไอซีทีระหว่างอาเซียนกับญี่ปุ่น", "ajccbc-project-proposal", "asean-itu-mou-digital-cooperation"}
    assert pending["ajccbc-project-proposal"].reason.value == "ญี่ปุ่นไม่เข้าร่วมการประชุมฯ"  # type: ignore[union-attr]
    endorsed = {d.target.label or d.target.key for d in facts.decisions if d.decision == "endorsed" and d.decided_by.key == "adgmin-dp-2"}
    assert endorsed == {"แผนงานความร่วมมือด้านไอซีทีระหว่างอาเซียนกับญี่ปุ่น", "ajccbc-project-proposal"}


def test_the_meeting_in_a_line_under_a_session_s_heading_is_that_session() -> None:
    """thaigov-42297: ``2.2 ที่ประชุมได้รับรองแผนงานความร่วมมือ...ระหว่างอาเซียนและคู่เจรจา ปี 2564``
    under ``2. การประชุมระหว่างอาเซียนและคู่เจรจา [...]``: adopted by the session with the
    dialogue partners, not by ADGMIN 1 the release reports."""
    facts = extract_release(read_release(RELEASES / "thaigov-42297.txt"))
    plan = [d for d in facts.decisions if d.target.label and d.target.label.startswith("แผนงานความร่วมมือในด้านเทคโนโลยีสารสนเทศ")]
    assert {(d.decided_by.key, d.decision) for d in plan} == {("adgmin-dp-1", "adopted")}


def test_a_decision_as_follows_is_on_the_meeting_results_listed_below() -> None:
    """thaigov-42297: ``1.2 ที่ประชุมได้รับทราบเรื่องต่าง ๆ ที่สำคัญ ดังนี้`` over ``(2) ผลการประชุม
    คณะกรรมการประสานงาน... ครั้งที่ 1``: ADGMIN 1 noted ACCC 1's results."""
    facts = extract_release(read_release(RELEASES / "thaigov-42297.txt"))
    assert any(d.decided_by.key == "adgmin-1" and d.target.key == "accc-1" and d.decision == "noted" for d in facts.decisions)


def test_a_conjunction_after_a_space_then_a_head_begins_another_title() -> None:
    """thaigov-42297: ``การรับรองขอบเขตการดำเนินงานของ ASEAN Cyber - CC และแผนการดำเนินงาน รวมทั้ง...``:
    the terms of reference end before ``และแผน...`` (a head noun alone, no title of its own), so
    ACCC 1 adopted the known terms of reference."""
    facts = extract_release(read_release(RELEASES / "thaigov-42297.txt"))
    adopted = {d.target.key for d in facts.decisions if d.decided_by.key == "accc-1" and d.decision == "adopted"}
    assert adopted == {"asean-cyber-cc-terms-of-reference"}


def test_a_cabinet_item_on_a_bilateral_mou_to_be_signed_at_adgsom_gives_the_cabinet_s_approval() -> None:
    """thaigov-78190 item 24 / thaigov-78262 (its English twin): the heading and the resolution on
    a Thailand-Indonesia MoU name no ASEAN, but the item's background says it is to be signed
    during ADGSOM 4, so the item is in scope and the cabinet (not ADGSOM 4) approves it; in
    English the points follow ``The cabinet approved the following proposals of ...:`` as
    lines opening with ``Approved``."""
    approval = ("th-cabinet-2024-01-30", "approved", "thailand-indonesia-mou-ict-digitalization")
    assert approval in _decisions("thaigov-78190")
    english = _decisions("thaigov-78262")
    assert approval in english
    assert not [d for d in english if d[2] == approval[2] and d[0] != approval[0]]


# Read without the gazetteer's known documents (``eval --open-world``): what structure alone gives.


def test_the_years_a_title_runs_for_and_a_count_of_its_parts_are_not_its_name() -> None:
    """thaigov-53535: ``...ด้านเศรษฐกิจดิจิทัล ปี ค.ศ. 2021 – 2025`` (the period, as the English
    title puts it in brackets) and ``...ความรับผิดชอบบนโลกไซเบอร์ 11 ข้อ`` ("11 norms");
    thaigov-50657 writes ``ปี ค.ศ 2021 – 2025`` (no dot). A single year (``ค.ศ. 2025``) stays."""
    titles = _open_world("thaigov-53535")
    assert titles["แผนปฏิบัติการว่าด้วยการดำเนินงานหุ้นส่วนความร่วมมือระหว่างอาเซียน-จีน ด้านเศรษฐกิจดิจิทัล"] == {"work-plan"}
    assert titles["แผนปฏิบัติการระดับภูมิภาคในการปฏิบัติตามบรรทัดฐานของรัฐ เรื่อง ความรับผิดชอบบนโลกไซเบอร์"] == {"work-plan"}
    assert not [t for t in titles if t.endswith(("2025", "ข้อ"))]
    assert "แผนปฏิบัติการว่าด้วยการดำเนินงานหุ้นส่วนความร่วมมือระหว่างอาเซียน - จีน ด้านเศรษฐกิจดิจิทัล" in _open_world("thaigov-50657")


def test_a_no_break_space_before_the_english_name_is_not_part_of_the_title() -> None:
    """thaigov-64402 ``(7) ร่างแถลงข่าวร่วมสำหรับ...และการประชุมที่เกี่ยวข้อง\\xa0 (The 3rd ...)``:
    the title once kept the no-break space, was refused as a name, and the counted list of
    seven fell short."""
    titles = _open_world("thaigov-64402")
    assert titles["แถลงข่าวร่วมสำหรับการประชุมรัฐมนตรีอาเซียนด้านดิจิทัล ครั้งที่ 3 และการประชุมที่เกี่ยวข้อง"] == {"joint-statement"}


def test_a_document_named_in_passing_by_head_subject_and_year() -> None:
    """thaigov-47196 ``4. ดำเนินการตามแผนแม่บทอาเซียนด้านดิจิทัล ค.ศ. 2025 (ADM 2025)``, thaigov-64402
    ``...ที่สอดคล้องกับยุทธศาสตร์ความร่วมมือด้านความมั่นคงปลอดภัยไซเบอร์ของอาเซียน ค.ศ. 2021 - 2025``
    (the period is not the name), thaigov-42297 ``เช่น รายงานการประเมินผลการดำเนินงานตามแผนแม่บท...
    ค.ศ. 2020``: head, subject in one word group, era and year. The masterplan inside the
    report's title is not named again on its own; ``แผนงานประชาคมเศรษฐกิจอาเซียน ค.ศ. 2025``
    (64402, the AEC Blueprint) names no digital matter."""
    assert _open_world("thaigov-47196")["แผนแม่บทอาเซียนด้านดิจิทัล ค.ศ. 2025"] == {"masterplan"}
    strategy = _open_world("thaigov-64402")
    assert strategy["ยุทธศาสตร์ความร่วมมือด้านความมั่นคงปลอดภัยไซเบอร์ของอาเซียน"] == {"strategy"}
    assert not [t for t in strategy if t.startswith("แผนงานประชาคมเศรษฐกิจอาเซียน")]
    report = _open_world("thaigov-42297")
    assert report["รายงานการประเมินผลการดำเนินงานตามแผนแม่บทเทคโนโลยีสารสนเทศและการสื่อสารของอาเซียน ค.ศ. 2020"] == {"report"}
    assert "แผนแม่บทเทคโนโลยีสารสนเทศและการสื่อสารของอาเซียน ค.ศ. 2020" not in report


def test_a_clause_word_inside_a_title_its_english_name_translates_is_part_of_it() -> None:
    """thaigov-38232 ``4. ร่างข้อริเริ่มอาเซียนในการอำนวยความสะดวกเพื่อให้เกิดระบบนิเวศโอทีทีที่ยั่งยืน
    (ASEAN Initiative for Facilitating Sustainable OTT Ecosystem)``: the title runs to its English
    name, which says the kind the head does; เพื่อให้ inside it once refused the whole title, and
    the cabinet's approval with it."""
    gazetteer = load_gazetteer().without("document", "person")
    facts = extract_release(read_release(RELEASES / "thaigov-38232.txt"), gazetteer)
    title = "ข้อริเริ่มอาเซียนในการอำนวยความสะดวกเพื่อให้เกิดระบบนิเวศโอทีทีที่ยั่งยืน"
    initiative = [d for d in facts.documents if d.title == title]
    assert initiative and {d.kind for d in initiative} == {"initiative"}
    assert [d.decision for d in facts.decisions if d.target == initiative[0].document] == ["approved"]


def test_a_title_counted_among_documents_with_no_head_of_its_own_is_of_the_generic_kind() -> None:
    """thaigov-78262 ``The cabinet approved 12 draft outcome documents ...`` then ``Financial Model
    of the ASEAN Regional Computer Emergency Response Team (CERT)``: no kind word in the title;
    counted among documents, it is some other document (as ``ร่างเอกสารต้นแบบทางการเงิน...``)."""
    gazetteer = load_gazetteer().without("document", "person")
    facts = extract_release(read_release(RELEASES / "thaigov-78262.txt"), gazetteer)
    kinds = {d.title: d.kind for d in facts.documents}
    assert kinds["Financial Model of the ASEAN Regional Computer Emergency Response Team (CERT)"] == "other"
    assert kinds["Establishment of the Standard to Exchange Data and Information Related to Disaster in the ASEAN Region"] == "other"
    assert kinds["Singapore Declaration"] == "declaration"


def test_documents_listed_one_per_bracketed_number_after_a_list_opening() -> None:
    """thaigov-53535 ``ผลการดำเนินงานสำคัญ ปี 2564 ได้แก่ (1) ยุทธศาสตร์ความร่วมมืออาเซียนด้าน
    ความมั่นคงปลอดภัยไซเบอร์ ปี ค.ศ. 2021 – 2025 \\xa0(2) โครงการ ASEAN Guideline ... (3) เอกสาร
    แนวคิดการดำเนินงานของศูนย์ทดสอบ... (ASEAN Regional Computer Emergency Response Team) (4) โครงการ
    ...``: the items opening with a document head are documents (the white space before ``(2)``
    no sentence break); the projects are passed over."""
    titles = _open_world("thaigov-53535")
    assert titles["ยุทธศาสตร์ความร่วมมืออาเซียนด้านความมั่นคงปลอดภัยไซเบอร์"] == {"strategy"}
    assert titles["เอกสารแนวคิดการดำเนินงานของศูนย์ทดสอบผลิตภัณฑ์ไฟฟ้าและอิเล็กทรอนิกส์"] == {"concept-paper"}
    assert not [t for t in titles if t.startswith("โครงการ")]


def test_a_title_written_as_one_word_group_runs_to_the_footnote_mark_closing_it() -> None:
    """thaigov-42297 ``ซึ่งได้มีการรับรองเอกสารผลลัพธ์ที่สำคัญ เช่น ... และข้อริเริ่มอาเซียนในการ
    อำนวยความสะดวกเพื่อให้เกิดระบบนิเวศโอทีทีที่ยั่งยืน* นอกจากนี้``: the title once ended at เพื่อ;
    with the whole title, ADGSOM and the ATRC adopted it."""
    gazetteer = load_gazetteer().without("document", "person")
    facts = extract_release(read_release(RELEASES / "thaigov-42297.txt"), gazetteer)
    title = "ข้อริเริ่มอาเซียนในการอำนวยความสะดวกเพื่อให้เกิดระบบนิเวศโอทีทีที่ยั่งยืน"
    initiative = [d for d in facts.documents if d.title == title]
    assert initiative and {d.kind for d in initiative} == {"initiative"}
    assert not [d for d in facts.documents if d.title == "ข้อริเริ่มอาเซียนในการอำนวยความสะดวก"]
    assert {d.decision for d in facts.decisions if d.target == initiative[0].document} == {"adopted"}
