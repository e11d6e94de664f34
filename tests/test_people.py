"""People and proposals (extract/people.py): a name is found from how releases write it (an
honorific, a given name and a surname, right before a post), read here without the gazetteer's
people; who proposed what, from how releases say it."""

from __future__ import annotations

from pathlib import Path

from adgmin_kg.extract import extract_release
from adgmin_kg.gazetteer import load_gazetteer
from adgmin_kg.read import read_release

ROOT = Path(__file__).resolve().parents[1]
RELEASES = ROOT / "data" / "releases"


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


def test_a_working_group_said_to_be_a_country_s_proposal() -> None:
    """thaigov-78287: ``การจัดตั้งคณะทำงานอาเซียนด้าน... (The ASEAN Working Group on Anti – Online Scam:
    WG – AS) ซึ่งเป็นข้อเสนอของประเทศไทย``: Thailand's proposal of the working group, reported at
    the release's meeting (ADGMIN 4)."""
    release = read_release(RELEASES / "thaigov-78287.txt")
    found = {(p.proposer.key, p.body.key, p.meeting.key if p.meeting else None) for p in extract_release(release).proposals}
    assert ("thailand", "wg-as", "adgmin-4") in found


def test_a_document_said_to_be_a_proposal_is_not_read_as_its_body() -> None:
    """thaigov-78190 2.11: ``ร่างเอกสารกรอบการดำเนินงานของคณะทำงาน... (Operational Framework of the
    Working Group on Anti - Online Scam (WG - AS)) ซึ่งเป็นข้อเสนอของประเทศไทย``: what stands before
    the cue is the framework document, not the working group: no proposal of the group from it."""
    release = read_release(RELEASES / "thaigov-78190.txt")
    assert not [p for p in extract_release(release).proposals if p.body.key == "wg-as"]


def _spokespeople(release_id: str) -> set[str | None]:
    facts = extract_release(read_release(RELEASES / f"{release_id}.txt"), load_gazetteer().without("person"))
    return {s.person.label for s in facts.spokespeople}


def test_a_minister_who_discloses_his_own_work_is_no_spokesperson() -> None:
    """thaigov-80674 ``นายประเสริฐ จันทรรวงทอง รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม
    เปิดเผยว่า...``, thaigov-51026 ``นายชัยวุฒิ ธนาคมานุสรณ์ รัฐมนตรีว่าการ... เปิดเผยถึง``: the
    minister is what the release is about, not the one who speaks for the government."""
    assert _spokespeople("thaigov-80674") == set()
    assert _spokespeople("thaigov-51026") == set()


def test_a_deputy_spokesperson_who_discloses_is_the_spokesperson() -> None:
    """thaigov-64394 ``น.ส.ทิพานัน ศิริชนะ รองโฆษกประจำสำนักนายกรัฐมนตรี เปิดเผยว่า``."""
    assert _spokespeople("thaigov-64394") == {"ทิพานัน ศิริชนะ"}


def test_a_headline_post_then_a_known_name_in_quotes() -> None:
    """thaigov-95030 title ``รองนายกฯ “ประเสริฐ” หารือรมว.เทคโนโลยีและการสื่อสาร สปป.ลาว``: the Deputy
    Prime Minister (``รองนายกฯ``, not the Prime Minister's ``นายกฯ`` inside it) is Prasert."""
    release = read_release(RELEASES / "thaigov-95030.txt")
    found = {(p.person.key, p.post.key if p.post else None, release.text[p.quote.start : p.quote.end]) for p in extract_release(release).people}
    assert found == {("prasert-jantararuangtong", "deputy-prime-minister-thailand", "รองนายกฯ “ประเสริฐ”")}


def test_a_foreign_name_in_latin_script_after_an_english_honorific_holds_the_post_after_it() -> None:
    """thaigov-78190 ``ฝ่ายอินโดนีเซีย คือ Ms. Mira Tayyiba เลขาธิการ กระทรวงการสื่อสารและสารสนเทศ``:
    a Thai release names the Indonesian official in Latin script; the name is labelled in English."""
    facts = extract_release(read_release(RELEASES / "thaigov-78190.txt"), load_gazetteer().without("person"))
    mira = [p for p in facts.people if p.person.label == "Mira Tayyiba"]
    assert mira and mira[0].person.label_lang == "en" and mira[0].post is not None


def test_a_foreign_name_in_latin_script_holds_no_post_of_the_home_country() -> None:
    """Wide thaigov-35770 ``Mr. Heng Swee Keat รองนายกรัฐมนตรี``: the bare post reads as Thailand's
    deputy prime minister; a name in Latin script is a foreigner's, so nothing is said of him."""
    facts = extract_release(read_release(ROOT / "tests" / "fixtures" / "wide" / "thaigov-35770.txt"))
    assert not [p for p in facts.people if p.person.label and "Heng" in p.person.label]
