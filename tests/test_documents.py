"""Documents and decisions (extract/documents.py): the deciding body is the one the sentence names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from adgmin_kg.extract import documents, extract_release, meetings
from adgmin_kg.extract.context import TextContext
from adgmin_kg.gazetteer import load_gazetteer
from adgmin_kg.read import read_release
from adgmin_kg.rules import load_rules

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
