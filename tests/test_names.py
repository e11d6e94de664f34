"""Whole names or nothing (extract/names.py): fragments the builder once minted, on their own
passages, are refused; whole names are kept."""

from __future__ import annotations

import pytest

from adgmin_kg.extract.names import is_word_boundary, name_problem, starts_longer_word
from adgmin_kg.facts import Span
from adgmin_kg.rules import load_rules

# (passage as released, the fragment once minted from it, kind, why it is no name)
FRAGMENTS = [
    ("เห็นควรมอบหมายให้กรมการข้าวเป็นหน่วยงานรับผิดชอบโครงการฯ และดำเนินการตามข้อ 3.1 – 3.3", "ฯ และดำเนินการตามข้อ 3.1 – 3.3", "project", "starts with 'ฯ'"),
    ("(2) สนับสนุนโครงการส่งเสริมองค์ความรู้ท้องถิ่นหรือกิจกรรมแก่ชุมชน ในการดำเนินโครงการหรือกิจกรรม เพื่อการบริหารจัดการ", "หรือกิจกรรม", "project", "starts with 'หรือ'"),
    ("จัดทำโครงการ “ส่งสุขวิถีใหม่ สืบสานวิถีไทย ปลอดภัยสร้างสรรค์” จำนวน 4 กิจกรรม ดังนี้", "“ส่งสุขวิถีใหม่ สืบสานวิถีไทย ปลอดภัยสร้างสรรค์” จำนวน 4 กิจกรรม ดังนี้", "project", "ends with 'ดังนี้'"),
    ("(1) โครงการส่งเสริมการปลูกชาจีนในเขตปฏิรูปที่ดินจังหวัดเชียงราย (โครงการส่งเสริมการปลูกชาจีนฯ)", "ส่งเสริมการปลูกชาจีนฯ)", "project", "a ) without its ("),
    ("2) ที่ประชุมได้ร่วมกันรับรองแถลงการณ์ร่วมฯ รวมทั้งให้ความเห็นชอบในหลักการต่อเอกสาร", "แถลงการณ์ร่วมฯ รวมทั้งให้ความเห็นชอบในหลักการต่อเอกสาร", "document", "holds ฯ"),
    ("1.1 ร่างปฏิญญาร่วมจาการ์ตาของการประชุมรัฐมนตรีกลาโหมอาเซียน ว่าด้วยสันติภาพ ความเจริญรุ่งเรือง และความมั่นคงของภูมิภาค มีสาระสำคัญเป็นการแสดงเจตนารมณ์",
     "ปฏิญญาร่วมจาการ์ตาของการประชุมรัฐมนตรีกลาโหมอาเซียน ว่าด้วยสันติภาพ ความเจริญรุ่งเรือง และความมั่นคงของภูมิภาค มีสาระสำคัญเป็นการแสดงเจตนารมณ์", "document", "holds the clause word"),
    ("ยกเว้น อ.ก.พ. สำนักนายกรัฐมนตรี ให้รองนายกรัฐมนตรี (นายพิชัย  ชุณหวชิร) เป็นประธาน", "กรัฐมนตรี ให้", "person", "ends with 'ให้'"),
    ("นายเอกสิทธิ์ คุณานันทกุล เลขานุการรัฐมนตรี ว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจเเละสังคม", "านันทกุล เลขานุการ", "person", "starts with 'า'"),
]

WHOLE = [
    ("คณะรัฐมนตรีมีมติเห็นชอบร่างปฏิญญาว่าด้วยการสร้างอนาคตที่ยั่งยืน ครอบคลุม และยืดหยุ่นในการส่งเสริมผู้ประกอบการสตรีในอาเซียน เพื่อกระทรวง",
     "ปฏิญญาว่าด้วยการสร้างอนาคตที่ยั่งยืน ครอบคลุม และยืดหยุ่นในการส่งเสริมผู้ประกอบการสตรีในอาเซียน", "document"),
    ("โดยมีโครงการ Developing a Framework for Promoting the Growth of Digital Startups in ASEAN ที่ได้รับ",
     "Developing a Framework for Promoting the Growth of Digital Startups in ASEAN", "project"),
    ("นายณัฐพล ณัฐสมบูรณ์ รองปลัดกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม", "ณัฐพล ณัฐสมบูรณ์", "person"),
    # thaigov-38528: the tokenizer cuts the rare name into more syllables than a name has words
    ("เมื่อวันที่ 21 มกราคม 2564 นายพุทธิพงษ์ ปุณณกันต์ รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม", "พุทธิพงษ์ ปุณณกันต์", "person"),
]


@pytest.mark.parametrize(("passage", "fragment", "kind", "why"), FRAGMENTS)
def test_fragments_once_minted_are_no_names(passage: str, fragment: str, kind: str, why: str) -> None:
    start = passage.index(fragment)
    problem = name_problem(passage, Span(start, start + len(fragment)), kind, load_rules())
    assert problem is not None and why in problem, problem


@pytest.mark.parametrize(("passage", "name", "kind"), WHOLE)
def test_whole_names_are_names(passage: str, name: str, kind: str) -> None:
    start = passage.index(name)
    assert name_problem(passage, Span(start, start + len(name)), kind, load_rules()) is None


def test_word_boundaries_follow_the_dictionary_not_maximal_matching() -> None:
    text = "(3) โครงการพัฒนาและฟื้นฟูคลองเปรมประชากร"
    assert is_word_boundary(text, text.index("พัฒนา"))  # newmm alone cuts โครง|การพัฒนา
    assert not is_word_boundary("นายกรัฐมนตรี ให้รองนายกรัฐมนตรี", 3)


def test_an_honorific_is_no_honorific_inside_a_longer_word() -> None:
    assert starts_longer_word("นายกรัฐมนตรี", 0, 3)
    assert not starts_longer_word("นายณัฐพล ณัฐสมบูรณ์", 0, 3)
