"""Documents read without the gazetteer's known documents (``eval --open-world``): what the
structure of a release alone gives (extract/documents.py)."""

from __future__ import annotations

from pathlib import Path

from adgmin_kg.extract import extract_release
from adgmin_kg.gazetteer import load_gazetteer
from adgmin_kg.read import read_release

ROOT = Path(__file__).resolve().parents[1]
RELEASES = ROOT / "data" / "releases"


def _open_world(release_id: str) -> dict[str, set[str | None]]:
    """Titles read without the gazetteer's documents and people, with their kinds."""
    gazetteer = load_gazetteer().without("document", "person")
    facts = extract_release(read_release(RELEASES / f"{release_id}.txt"), gazetteer)
    out: dict[str, set[str | None]] = {}
    for d in facts.documents:
        out.setdefault(d.title, set()).add(d.kind)
    return out


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
