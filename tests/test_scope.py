"""Which passages facts may come from (extract/scope.py, extract/scope_model.py)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from adgmin_kg.extract import extract_release, read_passages
from adgmin_kg.extract.scope import candidate, examples, load_vocabulary
from adgmin_kg.extract.scope_model import labels_path, load_model, model_path, read_labels
from adgmin_kg.gazetteer import load_gazetteer
from adgmin_kg.read import read_release
from adgmin_kg.thaitext import terms

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


def test_latin_terms_are_whole_words_thai_terms_ignore_spaces() -> None:
    found = terms(["ANSAC", "ATRC", "รัฐมนตรีอาเซียนด้านดิจิทัล"])
    assert not found.found_in("ผู้ใช้งานผ่าน Smart Transaction ที่เรียนรู้")  # newsroom thaigov-35339
    assert found.found_in("การประชุม ATRC ครั้งที่ 26")
    assert not found.found_in("ATRCs")
    assert found.found_in("การประชุมรัฐมนตรีอาเซียน            ด้านดิจิทัล ครั้งที่ 1")  # thaigov-38232


@pytest.mark.parametrize("path", sorted((FIXTURES / "newsroom").glob("*.txt")), ids=lambda p: p.stem)
def test_newsroom_releases_about_other_things_give_nothing(path: Path) -> None:
    """Random releases of the newsroom that name ASEAN (defence ministers, a royal audience, a
    bank's app whose 'Transaction' once read as ANSAC): no passage in scope, no facts."""
    release = read_release(path)
    read = read_passages(release)
    assert read is None or not any(v.in_scope for v in read[2])
    facts = extract_release(release)
    assert not facts.on_topic and not facts.meetings and not facts.people and not facts.documents


def test_a_passage_naming_an_asean_digital_body_is_in_scope_by_rule() -> None:
    release = read_release(ROOT / "data" / "releases" / "thaigov-66419.txt")
    _, _, verdicts = read_passages(release)  # type: ignore[misc]
    named = [v for v in verdicts if "names an ASEAN digital body" in v.reason]
    assert named and all(v.in_scope for v in named)


def test_a_ranking_in_asean_is_a_candidate_the_model_keeps_out() -> None:
    """wide thaigov-99011: Thailand 2nd in ASEAN for digital government, in a domestic training."""
    passage = ("นายอรรษิษฐ์ กล่าวว่า ประเทศไทยได้รับการจัดอันดับการเป็นรัฐบาลดิจิทัลอยู่ลำดับที่ 52 จาก 193 ประเทศทั่วโลก "
               "และเป็นลำดับที่ 2 ของอาเซียนรองจากประเทศสิงคโปร์")
    heading = "ปลัด มท. เทรนนิ่งบุคลากรด้านดิจิทัล ย้ำ \"คนเป็นสิ่งสำคัญที่สุด\" พร้อมฝากต้องพัฒนา"
    found = candidate(passage, heading, "paragraph", "news", load_vocabulary(), load_gazetteer())
    assert found is not None and not found.names_digital_body
    assert not load_model().in_scope(found)


def test_defa_under_the_economic_ministers_is_a_candidate_the_model_takes() -> None:
    """wide thaigov-71337, item 2.4 of the AEM documents: the DEFA negotiating framework."""
    passage = ("2.4  ร่างกรอบสำหรับการเจรจากรอบความตกลงเศรษฐกิจดิจิทัลอาเซียน (Framework for Negotiating the ASEAN Digital "
               "Economy Framework Agreement)  เป็นเอกสารที่ กำหนดวัตถุประสงค์หลักการ และประเด็นที่อาจพิจารณานำมาบรรจุไว้ในกรอบความตกลงเศรษฐกิจดิจิทัลของอาเซียน")
    heading = "13.  เรื่อง การร่วมรับรองและให้ความเห็นชอบเอกสารผลลัพธ์ด้านเศรษฐกิจสำหรับการประชุมรัฐมนตรีเศรษฐกิจอาเซียน (AEM)"
    found = candidate(passage, heading, "item", "cabinet-summary", load_vocabulary(), load_gazetteer())
    assert found is not None and load_model().in_scope(found)


def test_the_model_is_the_one_trained_on_the_committed_labels() -> None:
    """Labels changed without training again would leave a model that says something else."""
    model = json.loads(model_path().read_text(encoding="utf-8"))
    assert model["trained_on_sha256"] == hashlib.sha256(labels_path().read_bytes()).hexdigest()


def test_training_again_gives_the_same_weights() -> None:
    pytest.importorskip("sklearn")
    from adgmin_kg.extract.scope_model import train

    committed = json.loads(model_path().read_text(encoding="utf-8"))
    _, by_model = examples(read_labels())
    again = train(by_model, committed["c"], committed["threshold"], labels_path())
    assert again["weights"] == committed["weights"] and again["bias"] == committed["bias"]


def test_terms_read_from_a_generator_keep_their_latin_forms() -> None:
    """The gazetteer passes its forms as a generator: the Latin names of ASEAN digital bodies
    (``ADGMIN``, ``ADGSOM``) must anchor too, as in an English synopsis's heading
    ``Title: Outcome documents for the 4th ASEAN Digital Ministers Meeting (ADGMIN)`` (thaigov-78262)."""
    found = terms(f for f in ["รัฐมนตรีอาเซียนด้านดิจิทัล", "ADGMIN"])
    assert found.found_in("Title: Outcome documents for the 4th ASEAN Digital Ministers Meeting (ADGMIN)")
    assert load_gazetteer().digital_bodies().found_in("during the 4th ADGSOM held in Singapore")


def test_an_english_item_under_an_adgmin_heading_is_in_scope_the_other_items_not() -> None:
    """thaigov-78262: every line of the ADGMIN 4 item (its list of titles too) is in scope by its
    heading; the budget items, the trade indices and the EU-ASEAN foreign ministers' joint
    statement (cyber security one area of many) are not."""
    release = read_release(ROOT / "data" / "releases" / "thaigov-78262.txt")
    _, cut, verdicts = read_passages(release)  # type: ignore[misc]
    text = release.text
    def verdict(line: str) -> bool:
        return next(v for v in verdicts if text[v.passage.span.start : v.passage.span.end] == line).in_scope
    assert verdict("Singapore Declaration") and verdict("The 4th ADGMIN Joint Media Statement")
    assert not any(v.in_scope for v in verdicts if "EU-ASEAN Ministerial Meeting" in text[v.passage.span.start : v.passage.span.end])
    assert not any(v.in_scope for v in verdicts if "Baht" in text[v.passage.span.start : v.passage.span.end])


@pytest.mark.parametrize("name", ["thaigov-90881", "thaigov-42917"])
def test_english_wide_releases_give_nothing(name: str) -> None:
    """The English releases of the wide corpus: an English synopsis approving ASEAN transport
    ministers' documents (port digitalisation: another sector) and a bank's news naming ASEAN."""
    facts = extract_release(read_release(FIXTURES / "wide" / f"{name}.txt"))
    assert not facts.on_topic and not facts.meetings and not facts.documents and not facts.decisions
