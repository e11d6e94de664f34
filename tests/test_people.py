"""People and proposals (extract/people.py): who proposed what, read from how releases say it."""

from __future__ import annotations

from pathlib import Path

from adgmin_kg.extract import extract_release
from adgmin_kg.read import read_release

ROOT = Path(__file__).resolve().parents[1]
RELEASES = ROOT / "data" / "releases"


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
