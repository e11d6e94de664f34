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
