"""A release cut into sections and passages: the units a fact may come from.

A release is one section, except a cabinet summary, where every agenda item (``20. เรื่อง ...``)
is a section of its own and the text before the first item (table of contents, category
headings) is the summary's front matter. Each non-empty line of a section is a passage: its
heading, paragraphs, numbered items, table cells and footnotes. The release's own metadata
lines (title, date line, print link, source line) are passages of kind ``metadata``.

Spans are code-point offsets into the release text, as everywhere else; a passage's span is
its line without the white space around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from adgmin_kg.facts import Span
from adgmin_kg.read import Release
from adgmin_kg.rules import rules_for
from adgmin_kg.thaitext import ascii_digits

_AGENDA_HEADING = re.compile(r"^\s*([0-9]{1,3})\s*\.\s*เรื่อง")
_AGENDA_NUMBER = re.compile(r"^\s*([0-9]{1,3})\s*\.\s*(?![0-9])")
_ITEM = re.compile(r"^\s*(?:[0-9]{1,3}(?:\s*\.\s*[0-9]{1,3})*\s*[.)]|\(\s*[0-9]{1,3}\s*\)|\(?[ก-ฮ][.)](?=\s)|[-–•·*])\s*")
_RULE_LINE = re.compile(r"^\s*(?:[_]{5,}|[*]{5,}|[-=]{5,})\s*$")
_SOURCE_LINE = re.compile(r"^\s*(?:ที่มา\s*:|https?://|www\.)")
_FOOTNOTE_MARK = re.compile(r"^\s*(?:[0-9]{1,2}|\*+)\s*\S")
_LEAD_MIN = 10  # a header line this much longer than the title it repeats continues it
_CELL_MAX = 60  # a line this short, without a sentence in it, is a table cell or a label


@dataclass(frozen=True)
class Passage:
    """One line of a release: where it is, what kind of line it is, which section holds it."""

    span: Span
    kind: str  # metadata, contents, heading, paragraph, item, cell or footnote
    section: int


@dataclass(frozen=True)
class Section:
    """A unit of context: the whole release, a cabinet agenda item, or a summary's front matter.

    ``heading`` is the agenda item's heading line, or the release title for a single-section
    release; ``number`` is the agenda number.
    """

    index: int
    span: Span
    heading: Span | None
    number: int | None = None
    front_matter: bool = False


@dataclass(frozen=True)
class Layout:
    sections: tuple[Section, ...]
    passages: tuple[Passage, ...]

    def in_section(self, section: Section) -> list[Passage]:
        return [p for p in self.passages if p.section == section.index]


def _lines(text: str) -> list[Span]:
    """Each line's span without the white space around it; empty lines left out."""
    out, offset = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append(Span(offset + lead, offset + lead + len(stripped)))
        offset += len(line) + 1
    return out


def _join_ordinal_lines(text: str, lines: list[Span], ordinal_cues: tuple[str, ...]) -> list[Span]:
    """A line that is nothing but an ordinal (``ครั้งที่ 2``) ends the name on the line before
    it: a table cell or heading wrapped before its number. The two lines make one passage, so
    the name is read with its ordinal. A line before that ends in a number (a figure in a table
    column) is not continued."""
    if not ordinal_cues:
        return lines
    alone = re.compile(r"(?:%s)\s*[0-9๐-๙]{1,4}" % "|".join(re.escape(c) for c in ordinal_cues))
    out: list[Span] = []
    for line in lines:
        previous = text[out[-1].start : out[-1].end] if out else ""
        if previous and not ascii_digits(previous[-1]).isdigit() and alone.fullmatch(text[line.start : line.end]):
            out[-1] = Span(out[-1].start, line.end)
        else:
            out.append(line)
    return out


def _metadata_end(release: Release, lines: list[Span]) -> int:
    """Index of the first body line: past the title, the date line and the header lines under it
    (slash date, print link, the title repeated)."""
    text = release.text
    end = 0
    for i, line in enumerate(lines[:12]):
        if line.end <= release.issued_span[1] or line.start < release.title_span[1]:
            end = i + 1
            continue
        content = text[line.start : line.end]
        if i == end and (re.fullmatch(r"[0-9/๐-๙]+", ascii_digits(content)) or len(content) <= 8 or release.title.startswith(content) or content.startswith(release.title[:40])):
            end = i + 1
    return end


def lead(release: Release) -> Span | None:
    """The headline's continuation: a header line that repeats the title and goes on
    (``<title> ชี้เวทีประชุม High Level Digital Transformation Forum ...``), the part after the
    title. Like the title it is the release's own metadata (no passage), told nowhere else."""
    text, title = release.text, release.title.strip()
    lines = _lines(text)
    for line in lines[: _metadata_end(release, lines)]:
        content = text[line.start : line.end]
        if line.start >= release.title_span[1] and content.startswith(title) and len(content) > len(title) + _LEAD_MIN:
            start = line.start + len(title)
            while start < line.end and text[start].isspace():
                start += 1
            return Span(start, line.end)
    return None


def _agenda_starts(text: str, lines: list[Span], first: int, kind: str) -> dict[int, int]:
    """Line index -> agenda number, for every line that looks like an agenda item heading of a
    cabinet summary (``NN. เรื่อง ...``); ``_body_headings`` keeps the real ones."""
    if kind != "cabinet-summary":
        return {}
    starts: dict[int, int] = {}
    for i in range(first, len(lines)):
        if m := _AGENDA_HEADING.match(ascii_digits(text[lines[i].start : lines[i].end])):
            starts[i] = int(m.group(1))
    return starts


def _cued_agenda_starts(text: str, lines: list[Span], first: int, cues: tuple[str, ...]) -> dict[int, int]:
    """Line index -> agenda number for a summary whose items open with a cue rather than a
    number (English synopses: ``Title: ...``); the items are numbered in order. Read whatever
    the release's kind says: English synopses are filed as news."""
    starts: dict[int, int] = {}
    for i in range(first, len(lines)):
        if text[lines[i].start : lines[i].end].startswith(cues):
            starts[i] = len(starts) + 1
    return starts


def _compact_title(content: str) -> str:
    """A heading's title for comparison: without its number, ``เรื่อง`` and white space."""
    title = _AGENDA_NUMBER.sub("", content, count=1).strip().removeprefix("เรื่อง")
    return "".join(title.split())[:20]


def _body_headings(text: str, lines: list[Span], starts: dict[int, int], after: int, contents: dict[int, str]) -> dict[int, int]:
    """The agenda headings of the body, in order: the numbers count up (an item may quote
    ``1. เรื่อง`` of another document: that is not a heading), by at most a few at a time (an
    item the summary left out). A bare ``NN. ...`` continuing the count starts an item too when
    the table of contents gives that item this title, or, without contents, when it follows
    item 5 or later (``20. เรื่อง`` then ``21. ขออนุมัติ...``) and the line before is not the
    item before it in a list of its own."""
    kept: dict[int, int] = {}
    last = 0
    for i in range(after + 1, len(lines)):
        content = ascii_digits(text[lines[i].start : lines[i].end])
        number = starts.get(i)
        if number is not None and (last < number <= last + 3 or not kept):
            kept[i] = last = number
        elif number is None and (m := _AGENDA_NUMBER.match(content)) and int(m.group(1)) == last + 1:
            if contents:
                listed = contents.get(last + 1)
                if listed and _compact_title(content) == listed:
                    kept[i] = last = last + 1
            elif last >= 5 and not ((p := _AGENDA_NUMBER.match(ascii_digits(text[lines[i - 1].start : lines[i - 1].end]))) and int(p.group(1)) == last):
                kept[i] = last = last + 1
    return kept


def _contents_end(text: str, lines: list[Span], starts: dict[int, int]) -> int | None:
    """Where a full summary's table of contents ends: a summary lists every agenda heading
    first, then repeats them over the items; the contents end at the separator line before
    the first repeated heading (or right before it)."""
    seen: set[int] = set()
    for i, number in sorted(starts.items()):
        if number in seen:
            rules = [j for j in range(i) if _RULE_LINE.match(text[lines[j].start : lines[j].end])]
            return rules[-1] if rules else i - 1
        seen.add(number)
    return None


def _kind(text: str, line: Span, in_footnotes: bool) -> str:
    content = text[line.start : line.end]
    if in_footnotes and (_FOOTNOTE_MARK.match(ascii_digits(content)) or content.startswith("หมายเหตุ")):
        return "footnote"
    if content.startswith("หมายเหตุ"):
        return "footnote"
    if _ITEM.match(ascii_digits(content)):
        return "item"
    if len(content) <= _CELL_MAX and content.count(" ") <= 3:
        return "cell"
    return "paragraph"


def layout(release: Release) -> Layout:
    """Sections and passages of a release."""
    text = release.text
    rules = rules_for(release.meta.language)
    lines = _join_ordinal_lines(text, _lines(text), rules.cues.get("ordinal", ()))
    body = _metadata_end(release, lines)
    cues = rules.cues.get("agenda_heading", ())
    if cues:
        starts, contents_end = _cued_agenda_starts(text, lines, body, cues), None
    else:
        starts = _agenda_starts(text, lines, body, release.meta.kind)
        contents_end = _contents_end(text, lines, starts) if starts else None
    if starts and not cues:
        contents = {} if contents_end is None else {n: _compact_title(ascii_digits(text[lines[i].start : lines[i].end])) for i, n in starts.items() if i <= contents_end}
        starts = _body_headings(text, lines, starts, body - 1 if contents_end is None else contents_end, contents)
    passages: list[Passage] = []
    sections: list[Section] = []
    title = Span(*release.title_span)
    if not starts:
        sections.append(Section(0, Span(lines[body].start if body < len(lines) else len(text), len(text)), title))
    else:
        first = min(starts)
        if first > body:
            sections.append(Section(0, Span(lines[body].start, lines[first].start), None, front_matter=True))
        ordered = sorted(starts)
        for k, i in enumerate(ordered):
            end = lines[ordered[k + 1]].start if k + 1 < len(ordered) else len(text)
            sections.append(Section(len(sections), Span(lines[i].start, end), lines[i], number=starts[i]))
    section_at = 0
    in_footnotes = False
    for i, line in enumerate(lines):
        if i < body or _SOURCE_LINE.match(text[line.start : line.end]):
            passages.append(Passage(line, "metadata", -1))
            continue
        while section_at + 1 < len(sections) and line.start >= sections[section_at + 1].span.start:
            section_at += 1
            in_footnotes = False
        section = sections[section_at]
        content = text[line.start : line.end]
        if _RULE_LINE.match(content):
            in_footnotes = content.lstrip().startswith("_")
            passages.append(Passage(line, "metadata", section.index))
            continue
        if section.front_matter:
            kind = "contents"
        elif section.heading == line:
            kind = "heading"
        else:
            kind = _kind(text, line, in_footnotes)
        passages.append(Passage(line, kind, section.index))
    return Layout(tuple(sections), tuple(passages))
