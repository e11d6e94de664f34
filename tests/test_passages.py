"""Releases cut into sections and passages (extract/passages.py), on real releases."""

from __future__ import annotations

from pathlib import Path

from adgmin_kg.extract.passages import layout
from adgmin_kg.read import read_release

ROOT = Path(__file__).resolve().parents[1]
EXCERPTS = ROOT / "tests" / "fixtures" / "excerpts"
RELEASES = ROOT / "data" / "releases"


def _text(release, span) -> str:  # type: ignore[no-untyped-def]
    return release.text[span.start : span.end]


def test_a_full_cabinet_summary_has_its_contents_then_one_section_per_agenda_item() -> None:
    release = read_release(EXCERPTS / "thaigov-74324.txt")
    cut = layout(release)
    assert [s.number for s in cut.sections] == [None, 1, 2]
    assert cut.sections[0].front_matter
    contents = [p for p in cut.passages if p.kind == "contents"]
    assert any(_text(release, p.span).startswith("2.") and "เรื่อง" in _text(release, p.span) for p in contents)  # listed, not an item
    headings = [_text(release, s.heading) for s in cut.sections[1:]]
    assert headings[0].startswith("1. เรื่อง ขอขยายระยะเวลา") and headings[1].startswith("2. เรื่อง ร่างกฎกระทรวง")
    # the numbered outcomes inside item 1 are items of its section, not agenda items
    inner = [p for p in cut.passages if _text(release, p.span).startswith("2. ให้กระทรวง")]
    assert inner and inner[0].kind == "item" and inner[0].section == cut.sections[1].index


def test_a_bare_number_continuing_the_agenda_starts_the_next_item() -> None:
    """``20. เรื่อง ...`` then, after a list ``1)`` to ``7)`` of its own, ``21. ขออนุมัติ...``:
    the ERIA budget is item 21, not part of the ADGMIN 3 drafts of item 20."""
    release = read_release(RELEASES / "thaigov-64402.txt")
    cut = layout(release)
    assert [s.number for s in cut.sections] == [20, 21]
    assert "ERIA" not in "".join(_text(release, p.span) for p in cut.in_section(cut.sections[0]))


def test_a_news_release_is_one_section_about_its_title() -> None:
    release = read_release(RELEASES / "thaigov-66419.txt")
    cut = layout(release)
    assert len(cut.sections) == 1 and cut.sections[0].heading is not None
    assert _text(release, cut.sections[0].heading) == release.title
    meta = [p for p in cut.passages if p.kind == "metadata"]
    assert any(_text(release, p.span) == "พิมพ์" for p in meta)  # the page's print link is no passage of the body
    assert all(p.span.start >= release.issued_span[1] for p in cut.passages if p.kind != "metadata")


def test_passages_are_lines_without_the_space_around_them() -> None:
    release = read_release(EXCERPTS / "thaigov-64660.txt")
    for p in layout(release).passages:
        text = _text(release, p.span)
        assert text == text.strip() and "\n" not in text


def test_an_english_synopsis_is_cut_at_its_title_lines() -> None:
    """thaigov-78262, an English cabinet synopsis (filed as news): each ``Title: ...`` line opens
    an agenda item of its own, so the ADGMIN 4 item is one section, the EU-ASEAN one another."""
    release = read_release(RELEASES / "thaigov-78262.txt")
    cut = layout(release)
    headings = [_text(release, s.heading) for s in cut.sections if s.heading and s.number]
    assert len(headings) == 6 and all(h.startswith("Title: ") for h in headings)
    adgmin = next(s for s in cut.sections if s.heading and "ADGMIN" in _text(release, s.heading))
    lines = [_text(release, p.span) for p in cut.in_section(adgmin)]
    assert "Singapore Declaration" in lines and not any(line.startswith("Title: Draft Memorandum") for line in lines)


def test_a_line_that_is_only_an_ordinal_ends_the_name_on_the_line_before() -> None:
    """thaigov-53535: ``5. รับทราบผลการประชุมคณะกรรมการประสานงาน...ไซเบอร์`` then a line
    ``ครั้งที่ 2``: one passage, so the committee meeting is read with its number."""
    release = read_release(RELEASES / "thaigov-53535.txt")
    cut = layout(release)
    item = next(p for p in cut.passages if _text(release, p.span).startswith("5. รับทราบผลการประชุม"))
    assert _text(release, item.span).endswith("ไซเบอร์\nครั้งที่ 2")
    assert not any(_text(release, p.span) == "ครั้งที่ 2" for p in cut.passages)
