"""Which meeting, session or partner a topic belongs to (extract/topics.py, extract/talks.py)."""

from __future__ import annotations

from pathlib import Path

from adgmin_kg.extract import extract_release
from adgmin_kg.read import read_release

ROOT = Path(__file__).resolve().parents[1]
RELEASES = ROOT / "data" / "releases"
EXCERPTS = ROOT / "tests" / "fixtures" / "excerpts"


def _topics(name: str, folder: Path = RELEASES) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for t in extract_release(read_release(folder / name)).topics:
        out.setdefault(t.subject.key, set()).add(t.topic)
    return out


def test_items_under_a_session_heading_are_the_session_s() -> None:
    """thaigov-42297: 2.2 (the work plan's issues) and 2.3 (Thailand's statement) stand under
    ``2. การประชุมระหว่างอาเซียนและคู่เจรจา``: topics of the session, not of ADGMIN 1."""
    topics = _topics("thaigov-42297.txt")
    assert {"digital-cooperation", "emerging-technologies", "cybersecurity", "ict"} <= topics["adgmin-dp-1"]
    assert "emerging-technologies" not in topics["adgmin-1"]


def test_a_heading_line_that_is_only_a_meeting_s_name_heads_the_lines_below() -> None:
    """thaigov-53535: the table heading ``การประชุมรัฐมนตรีอาเซียนด้านดิจิทัล ครั้งที่ 2 กับคู่เจรจา
    (จีนและอินเดีย) (วันที่ 28 มกราคม 2565)`` heads items 7-9: item 8's 5G is the session's topic."""
    topics = _topics("thaigov-53535.txt")
    assert {"5g", "digital-economy"} <= topics["adgmin-dp-2"]
    assert "emerging-technologies" not in topics.get("adgmin-2", set())


def test_a_ministry_s_own_view_is_no_meeting_s_topic() -> None:
    """thaigov-42297 item 3: ``ดศ. พิจารณาแล้วเห็นว่า ... การคุ้มครองผู้บริโภค`` is the ministry's
    domestic follow-up, not what ADGMIN 1 discussed."""
    topics = _topics("thaigov-42297.txt")
    assert not {"consumer-protection", "broadband"} & topics["adgmin-1"]


def test_a_document_no_asean_meeting_takes_gives_its_subjects_to_the_cabinet_meeting() -> None:
    """thaigov-36885: the cabinet approves the ASEAN-China digital economy initiative, to be
    endorsed by circulation; no ASEAN meeting is named, so its areas are the cabinet meeting's topics."""
    topics = _topics("thaigov-36885.txt")
    assert {"smart-cities", "digital-infrastructure"} <= topics["th-cabinet-2020-11-17"]


def test_the_cabinet_meeting_takes_no_topic_when_an_asean_meeting_is_named() -> None:
    """thaigov-64402: the cabinet approves drafts for ADGMIN 3; their subjects are ADGMIN 3's."""
    topics = _topics("thaigov-64402.txt")
    assert "th-cabinet-2023-01-31" not in topics and topics["adgmin-3"]


def test_a_topic_belongs_to_the_meeting_named_last_before_it() -> None:
    """thaigov-80156: ``... ในการประชุมรัฐมนตรีอาเซียนด้านดิจิทัล ครั้งที่ 4 ... และจะมีการหารือกันอีกครั้ง
    ... ในการประชุมผู้นำเจ้าหน้าที่อาวุโส...ครั้งที่ 1 ณ ประเทศกัมพูชา ซึ่งเป็นการสานต่อความร่วมมือด้านดิจิทัล
    ... แก๊ง Call Center และ Hybrid Scam``: the retreat's topics, not ADGMIN 4's."""
    topics = _topics("thaigov-80156.txt")
    assert {"digital-cooperation", "online-scams"} <= topics["adgsom-atrc-leaders-retreat-1"]
    assert "digital-cooperation" not in topics["adgmin-4"]


def test_a_funded_project_s_title_states_its_topics() -> None:
    """thaigov-42297: ``โครงการ ASEAN Strategic Guidance for Artificial Intelligence and Digital
    Workforce (ได้รับงบประมาณสนับสนุน ...)``: the funded project's own topics, not ADGMIN 1's."""
    topics = _topics("thaigov-42297.txt")
    assert {"artificial-intelligence", "human-resource-development"} <= topics["asean-strategic-guidance-for-artificial-intelligence-and-dig"]


def test_a_cabinet_item_approving_drafts_for_a_meeting_gives_the_cabinet_no_topic() -> None:
    """thaigov-71337 item 13: the cabinet approves 14 drafts for AEM 55, the AEC Council and the
    ASEAN Summit (named in the heading and the resolution's points): the DEFA and e-commerce
    subjects are those meetings', not the cabinet's. Wide 45605 item 27: drafts for AEM 53, named
    only in the item's heading (a passage out of scope)."""
    assert not [k for k in _topics("thaigov-71337.txt") if k.startswith("th-cabinet")]
    assert not [k for k in _topics("thaigov-45605.txt", EXCERPTS) if k.startswith("th-cabinet")]


def test_a_cabinet_item_noting_a_meeting_s_results_gives_the_cabinet_no_topic() -> None:
    """Wide 65277 item 36 (``สรุปผลการประชุมสุดยอดอาเซียน ครั้งที่ 40 และ 41``): what the summits
    discussed is theirs; the cabinet only took note of the results."""
    assert not [k for k in _topics("thaigov-65277.txt", EXCERPTS) if k.startswith("th-cabinet")]


def test_a_memorandum_the_cabinet_approves_gives_its_areas_to_the_cabinet_meeting() -> None:
    """Wide 57547 item 17: the cabinet approves signing an ICT cooperation memorandum with Japan;
    the item names no meeting (``การประชุมทางวิชาการ`` among the activities is no meeting that
    takes it), so its listed areas are the cabinet meeting's topics."""
    assert "human-resource-development" in _topics("thaigov-57547.txt", EXCERPTS)["th-cabinet-2022-08-02"]


def test_a_decided_document_s_title_states_the_meeting_s_topics() -> None:
    """thaigov-50657 item 22.3: the cabinet approves ``ร่างแผนปฏิบัติการว่าด้วยการดำเนินงานหุ้นส่วน
    ความร่วมมือระหว่างอาเซียน-จีน ด้านเศรษฐกิจดิจิทัล`` for ADGMIN 2; thaigov-42297 1.2(1): ADGMIN 1
    notes the ADGSOM/ATRC adoption of ``ข้อริเริ่ม...ระบบนิเวศโอทีทีที่ยั่งยืน``: the titles' subjects
    are the meetings' topics."""
    assert "digital-economy" in _topics("thaigov-50657.txt")["adgmin-2"]
    assert {"ott-services", "data-governance"} <= _topics("thaigov-42297.txt")["adgmin-1"]


def test_a_party_s_name_inside_a_decided_title_is_no_topic() -> None:
    """thaigov-64394: ``ร่างบันทึกความเข้าใจระหว่าง...อาเซียน และสหภาพโทรคมนาคมระหว่างประเทศ (ไอทียู)``:
    โทรคมนาคม is part of the ITU's name, not a subject of the memorandum."""
    assert "telecommunications" not in _topics("thaigov-64394.txt").get("adgmin-3", set())


WIDE = ROOT / "tests" / "fixtures" / "wide"


def test_a_purpose_built_body_s_purpose_clause_gives_it_topics() -> None:
    """thaigov-78287: ``คณะทำงานอาเซียนด้าน... (The ASEAN Working Group on Anti – Online Scam: WG – AS)
    ซึ่งเป็นข้อเสนอของประเทศไทย เพื่อร่วมกันยกระดับความร่วมมือด้านการป้องกันและรับมือกับปัญหาการหลอกลวง
    ผ่านสื่อออนไลน์ของอาเซียน``: online scams is the working group's topic, and still ADGMIN 4's;
    thaigov-78190: ``ASEAN Regional CERT ซึ่งมีวัตถุประสงค์เพื่อรับมือกับภัยคุกคามทางไซเบอร์``;
    wide 100336: ``ASEAN Working Group on Anti-Online Scams (WG-AS) เพื่อเป็นกลไก...การหลอกลวงออนไลน์``."""
    topics = _topics("thaigov-78287.txt")
    assert "online-scams" in topics["wg-as"] and "online-scams" in topics["adgmin-4"]
    assert "cybersecurity" in _topics("thaigov-78190.txt")["asean-regional-cert"]
    assert "online-scams" in _topics("thaigov-100336.txt", WIDE)["wg-as"]


def test_an_asean_cyber_centre_s_purpose_clause_gives_it_topics() -> None:
    """thaigov-35821 ``...กับศูนย์ ASEAN - Singapore Cybersecurity Centre of Excellence (ASCCE) เพื่อรองรับ
    ความต้องการพัฒนาศักยภาพบุคลากรในภูมิภาค``; wide 46681 ``ศูนย์พัฒนาบุคลากรไซเบอร์ของสิงคโปร์ (ASEAN -
    Singapore Cybersecurity Centre of Excellence: ASCCE) เพื่อรองรับความต้องการในการพัฒนาศักยภาพและทักษะด้าน
    ความมั่นคงปลอดภัยทางไซเบอร์...``: the centre is for capacity building (and cybersecurity)."""
    assert "capacity-building" in _topics("thaigov-35821.txt")["ascce"]
    assert {"capacity-building", "cybersecurity"} <= _topics("thaigov-46681.txt", WIDE)["ascce"]


def test_a_body_s_purpose_clause_ends_at_the_next_list_item() -> None:
    """Wide 97039: ``การจัดตั้ง ASEAN Working Group on Anti-Online Scams (WG-AS) เพื่อประสานการรับมือ
    ในระดับภูมิภาค การดำเนินงานของศูนย์ต่อต้านการหลอกลวงออนไลน์ ...``: the scams word is in the next
    item (another centre's name), not the working group's purpose."""
    assert "wg-as" not in _topics("thaigov-97039.txt", WIDE)


def test_awards_are_no_meeting_s_topic() -> None:
    """thaigov-51026: ``...เข้าร่วมพิธีการมอบรางวัลสำหรับผู้ชนะเลิศการประกวด ASEAN ICT Awards 2021`` and
    the award categories (``รางวัล Gold หมวด ... ผลิตภัณฑ์และบริการด้าน ICT``): not what ADGMIN 2 discussed."""
    assert "ict" not in _topics("thaigov-51026.txt").get("adgmin-2", set())


def test_general_thai_wordings_of_topics() -> None:
    """thaigov-35821: ``การแพร่ระบาดของโควิด`` (the bare disease name) and ``การพัฒนาทรัพยากรบุคคล``
    (the usual Thai for human resource development) are AMCC 5's topics."""
    assert {"covid-19-response", "human-resource-development"} <= _topics("thaigov-35821.txt")["amcc-5"]


def test_a_budget_ceiling_the_cabinet_approves_is_no_document() -> None:
    """Wide 36446 item 4: ``คณะรัฐมนตรีมีมติอนุมัติกรอบวงเงินงบประมาณตามแผนการดำเนินงานระยะ 5 ปี``
    approves money, not a document: the item's subjects would not be the cabinet meeting's;
    thaigov-36885's ``มีมติเห็นชอบต่อร่างข้อริเริ่ม...`` approves a document."""
    from adgmin_kg.extract.context import TextContext
    from adgmin_kg.extract.topics import _cabinet_approves_a_document
    from adgmin_kg.facts import Span
    from adgmin_kg.gazetteer import load_gazetteer
    from adgmin_kg.rules import load_rules

    def approves(path: Path) -> bool:
        release = read_release(path)
        ctx = TextContext.of(release, load_rules(), load_gazetteer())
        return _cabinet_approves_a_document(ctx, Span(ctx.body_start, len(release.text)))

    assert not approves(EXCERPTS / "thaigov-36446.txt")
    assert approves(RELEASES / "thaigov-36885.txt")


def test_a_title_naming_ict_states_no_topic() -> None:
    """thaigov-53535 ``9.1 แผนงานความร่วมมือด้านไอซีทีระหว่างอาเซียนกับญี่ปุ่น...`` (endorsed) and
    thaigov-78262 ``Assessing the Relationship between ICT Infrastructure ...`` (approved): ICT
    in a decided title is too general to be the meeting's topic; ICT said of what a meeting
    discussed still is (thaigov-42297 2.3 ``ความร่วมมือด้านไอซีทีในภูมิภาคอาเซียน``)."""
    assert "ict" not in _topics("thaigov-53535.txt").get("adgmin-dp-2", set())
    assert "ict" not in _topics("thaigov-78262.txt").get("adgmin-4", set())
    assert "ict" in _topics("thaigov-42297.txt")["adgmin-dp-1"]


def test_a_project_name_naming_ict_states_no_topic() -> None:
    """thaigov-42297: the funded ``โครงการ Study on ICT Startup Problems and Developing Policy for
    Their Growth``: ICT in the name is too general to be the project's topic."""
    facts = extract_release(read_release(RELEASES / "thaigov-42297.txt"))
    study = next(f.project for f in facts.funding if f.title.value.startswith("Study on ICT Startup"))
    assert not any(t.subject == study and t.topic == "ict" for t in facts.topics)


def test_outputs_listed_in_a_noted_report_are_the_noting_meeting_s_topics() -> None:
    """thaigov-53535 item 3 ``รับทราบรายงานการประชุมเจ้าหน้าที่อาวุโสอาเซียนด้านดิจิทัล ครั้งที่ 2``, then
    ``ผลการดำเนินงานสำคัญ ปี 2564 ได้แก่ (1) ยุทธศาสตร์ความร่วมมืออาเซียนด้านความมั่นคงปลอดภัยไซเบอร์ ...
    (2) โครงการ ASEAN Guideline for 5G Ecosystem Development ... (5) โครงการ ASEAN Policy Guideline for
    the use of Blockchain Technology for Digital Government``: what the listed outputs are about is
    what ADGMIN 2, which noted the report, took up (not ADGSOM 2's topics); thaigov-42297 1.2(1)
    ``ADGSOM และ ATRC มีผลการดำเนินงานที่สำคัญ เช่น ... โครงการการจัดทำข้อเสนอแนะด้านนโยบายเพื่อพัฒนา
    ระบบนิเวศ 5G ในอาเซียน``: 5G is ADGMIN 1's topic."""
    topics = _topics("thaigov-53535.txt")
    assert {"5g", "artificial-intelligence", "human-resource-development", "blockchain", "digital-government"} <= topics["adgmin-2"]
    assert not topics.get("adgsom-2")
    assert "5g" in _topics("thaigov-42297.txt")["adgmin-1"]


def test_a_title_naming_digital_cooperation_states_no_topic() -> None:
    """thaigov-53535 item 8 ``รับรองแผนงานความร่วมมือด้านดิจิทัลระหว่างอาเซียนกับจีนและอินเดีย ปี 2565`` and
    9.2 ``บันทึกความเข้าใจ...ว่าด้วยสาขาความร่วมมือด้านดิจิทัล``; thaigov-51026 ``เพื่อรับรองแผนงานความร่วมมือ
    ด้านดิจิทัลระหว่างอาเซียนกับจีนและอินเดีย``: a digital cooperation plan's or MoU's title says nothing
    of what the session taking it was about; said of what a meeting pursued it still is a topic
    (thaigov-78190 ``การยกระดับความร่วมมือด้านดิจิทัลระหว่างอาเซียนกับคู่เจรจา``)."""
    assert "digital-cooperation" not in _topics("thaigov-53535.txt").get("adgmin-dp-2", set())
    assert "digital-cooperation" not in _topics("thaigov-51026.txt").get("adgmin-dp-2", set())
    assert "digital-cooperation" in _topics("thaigov-78190.txt")["adgmin-4"]


def test_a_purpose_clause_after_two_joined_bodies_is_of_both() -> None:
    """thaigov-35821 ``ศูนย์ ASEAN - Japan Cybersecurity Capacity Building Centre (AJCCBC) กับศูนย์ ASEAN -
    Singapore Cybersecurity Centre of Excellence (ASCCE) เพื่อรองรับความต้องการพัฒนาศักยภาพบุคลากร
    ในภูมิภาค``: both centres are for capacity building."""
    topics = _topics("thaigov-35821.txt")
    assert "capacity-building" in topics["ajccbc"] and "capacity-building" in topics["ascce"]


def test_a_bilateral_mou_s_subjects_are_not_the_topics_of_a_meeting_its_background_cites() -> None:
    """thaigov-78190 item 24: the Thailand-Indonesia MoU on ``...การเปลี่ยนแปลงสู่ดิจิทัล`` was
    first discussed at ADGSOM 3 / ADGMIN 3 (background 1.1) and is to be signed during ADGSOM 4
    (``...ในประเด็นความร่วมมือด้านดิจิทัล ... ในระหว่างการประชุม ADGSOM ครั้งที่ 4``); the item is about
    neither meeting, so the MoU's subjects are not their topics. thaigov-78262, its English twin (an item opening ``Title:``), likewise."""
    thai = _topics("thaigov-78190.txt")
    assert "digital-transformation" not in thai.get("adgmin-3", set())
    assert "digital-cooperation" not in thai.get("adgsom-4", set())
    assert "digital-transformation" not in _topics("thaigov-78262.txt").get("adgsom-4", set())


def test_the_purpose_of_a_body_s_own_document_is_the_body_s() -> None:
    """thaigov-78190 2.11: ``ร่างเอกสารกรอบการดำเนินงานของคณะทำงานอาเซียนด้านการป้องกันปัญหาการหลอกลวง
    ผ่านสื่อออนไลน์ (Operational Framework of ...) ซึ่งเป็นข้อเสนอของประเทศไทย โดยมีวัตถุประสงค์เพื่อเป็นเวที
    ...ในการเสริมสร้างศักยภาพ``: the body's name ends the title, so the purpose is the working group's."""
    assert "capacity-building" in _topics("thaigov-78190.txt").get("wg-as", set())


def test_a_body_referred_back_to_with_its_head_and_dangklao_has_the_purpose_that_follows() -> None:
    """thaigov-80674: ``...การประชุม ASEAN Working Group on Anti-Online Scam ครั้งที่ 1 ... จัดตั้งการประชุม
    คณะทำงานดังกล่าวเพื่อเป็นเวทีการหารือด้านอาชญากรรมออนไลน์``: the said working group is WG-AS."""
    assert "cybercrime" in _topics("thaigov-80674.txt").get("wg-as", set())
