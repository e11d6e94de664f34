"""What every extraction rule needs: the text, its lines and items, names found in it."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import cache

from adgmin_kg.extract.names import name_problem
from adgmin_kg.facts import Ref, Span
from adgmin_kg.gazetteer import Gazetteer, Mention
from adgmin_kg.read import Release
from adgmin_kg.rules import RuleBook
from adgmin_kg.thaitext import Compact, ascii_digits, compact, fold

@cache
def words_after_space(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``words`` right after white space (a no-break space too)."""
    return re.compile(r"\s(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")")


_SUB_ITEM = re.compile(r"(?:(?<=\s)|(?<=^))([0-9]{1,2})\s*\.(?=\s*[^\s0-9])")
_TOP_ITEM = re.compile(r"^\s*([0-9]{1,3})\s*\.(?!\s*[0-9])\s*")  # ``2. ...``, not ``2.1 ...``
_HEADING_NOISE = re.compile(r"\([^()\n]*\)|\[[^\[\]\n]*\]|[\s0-9.:\-–]")
_HEADING_REACH = 40  # a numbered item is headed by a meeting named this close to its start


def _joined_lines(lines: list[Span], passages: list[Span]) -> list[Span]:
    """The text's lines, where a passage runs over several (a name wrapped before its ordinal)
    made one line, so a line never cuts a passage."""
    starts = [s.start for s in lines]
    out = list(lines)
    for p in sorted(passages, key=lambda p: -p.start):
        first, last = bisect_right(starts, p.start) - 1, bisect_right(starts, max(p.end - 1, p.start)) - 1
        if 0 <= first < last:
            out[first : last + 1] = [Span(out[first].start, out[last].end)]
    return out


@dataclass(frozen=True)
class MeetingMention:
    """A meeting named in the text, resolved to the meeting it means."""

    ref: Ref
    span: Span
    series: str
    meeting_class: str
    ordinal: int | None = None
    date: dt.date | None = None  # the day of a meeting named by its date (a cabinet meeting)
    target: bool = False  # named as what is prepared for or a deadline (``เพื่อเตรียมการก่อน X``), not where things happen
    ordinal_stated: bool = True  # False: the number is the meeting's it belongs to, the text gives it none


@dataclass
class TextContext:
    release: Release
    rules: RuleBook
    gazetteer: Gazetteer
    text: str
    packed: Compact
    mentions: list[Mention]
    lines: list[Span]
    body_start: int
    meetings: list[MeetingMention] = field(default_factory=list)
    passages: tuple[Span, ...] | None = None  # the passages facts may come from (None: the whole body)
    anchored: tuple[Span, ...] = ()  # of those, the ones naming an ASEAN digital body (or under a heading that does)
    section: Span | None = None  # the whole section (agenda item) the passages stand in, passages out of scope too
    notices: list[str] = field(default_factory=list)
    refused: list[tuple[Span, str]] = field(default_factory=list)  # names not minted, and why
    _body: tuple[Span, ...] | None = field(default=None, repr=False)
    _headed: dict[int, MeetingMention] | None = field(default=None, repr=False)

    @classmethod
    def of(cls, release: Release, rules: RuleBook, gazetteer: Gazetteer) -> TextContext:
        text = release.text
        packed = compact(text)
        lines, offset = [], 0
        for line in text.split("\n"):
            lines.append(Span(offset, offset + len(line)))
            offset += len(line) + 1
        body_start = max(release.issued_span[1], release.title_span[1])
        mentions = [m for m in gazetteer.find(text, packed=packed) if m.start >= body_start or m.end <= release.title_span[1]]
        return cls(release, rules, gazetteer, text, packed, mentions, lines, body_start)

    def within(self, passages: list[Span], anchored: list[Span] | None = None, section: Span | None = None) -> TextContext:
        """The same text, read only in ``passages`` (one section's passages in scope): its lines,
        and the names found there or in the release title (the release's own metadata).
        ``anchored``: those of the passages that name an ASEAN digital body (or whose heading does);
        ``section``: the section they stand in, for rules that must know what the whole item says."""
        title_end = self.release.title_span[1]
        mentions = [m for m in self.mentions if m.end <= title_end or any(p.start <= m.start and m.end <= p.end for p in passages)]
        return replace(self, mentions=mentions, lines=_joined_lines(self.lines, passages), meetings=[], passages=tuple(passages), anchored=tuple(anchored or ()), section=section, notices=self.notices, refused=self.refused, _body=None, _headed=None)

    def is_anchored(self, span: Span) -> bool:
        """Whether ``span`` lies in a passage that names an ASEAN digital body (or whose heading
        does): in scope by rule, not by the model's judgement."""
        return any(p.start <= span.start and span.end <= p.end for p in self.anchored) if self.passages is not None else True

    # ------------------------------------------------------------ segments

    def line_of(self, offset: int) -> Span:
        starts = [s.start for s in self.lines]
        return self.lines[max(bisect_right(starts, offset) - 1, 0)]

    def body_lines(self) -> list[Span]:
        """The body's non-empty lines that facts may come from."""
        if self._body is None:
            lines = [s for s in self.lines if s.start >= self.body_start and self.text[s.start : s.end].strip()]
            if self.passages is not None:
                lines = [s for s in lines if any(s.start <= p.start and p.end <= s.end for p in self.passages)]
            self._body = tuple(lines)
        return list(self._body)

    def heading_meeting(self, line: Span) -> MeetingMention | None:
        """The meeting whose heading a body line stands under: a line that is only a meeting's
        name (``การประชุม ... ครั้งที่ 2 กับคู่เจรจา (จีนและอินเดีย) (วันที่ 28 ...)``) heads every
        line up to the next such line; a numbered item that opens with a meeting's name
        (``2. การประชุมระหว่างอาเซียนและคู่เจรจา [...] ดังนี้``) heads its own sub-items and lines,
        up to the next numbered item of its rank. Needs ``meetings``."""
        if self._headed is None:
            self._headed = self._headings()
        return self._headed.get(line.start)

    def _headings(self) -> dict[int, MeetingMention]:
        out: dict[int, MeetingMention] = {}
        page: MeetingMention | None = None  # under a name-only heading line
        item: MeetingMention | None = None  # under a numbered item that opens with a name
        for line in self.body_lines():
            named = [m for m in self.meetings_in(line, venues_only=True) if m.meeting_class != "CabinetMeeting"]
            content = ascii_digits(self.text[line.start : line.end])
            top = _TOP_ITEM.match(content)
            if named and self._names_only(line, named):
                page, item = named[0], None
            elif top:
                opening = line.start + top.end()
                item = next((m for m in named if m.span.start - opening <= _HEADING_REACH), None)
            if item or page:
                out[line.start] = item or page  # type: ignore[assignment]
        return out

    def _names_only(self, line: Span, named: list[MeetingMention]) -> bool:
        """Whether a line holds nothing but meeting names, brackets, numbers and dates."""
        rest = self.text[line.start : line.end]
        for m in sorted(named, key=lambda m: -m.span.start):
            rest = rest[: m.span.start - line.start] + rest[m.span.end - line.start :]
        return not _HEADING_NOISE.sub("", rest)

    def sub_items(self, span: Span) -> list[tuple[int, Span]]:
        """Inline numbered parts of a span (``1.รับรอง... 2.เห็นชอบ...``): (number, span)."""
        chunk = ascii_digits(self.text[span.start : span.end])
        marks = [m for m in _SUB_ITEM.finditer(chunk)]
        parts = []
        for i, m in enumerate(marks):
            end = marks[i + 1].start() if i + 1 < len(marks) else len(chunk)
            parts.append((int(m.group(1)), Span(span.start + m.end(), span.start + end)))
        # keep only runs that count up from 1, which rules out stray numbers
        kept, expected = [], 1
        for number, part in parts:
            if number == expected:
                kept.append((number, part))
                expected += 1
        return kept

    # ------------------------------------------------------------ names

    def mentions_in(self, span: Span, *kinds: str) -> list[Mention]:
        return [m for m in self.mentions if m.start >= span.start and m.end <= span.end and (not kinds or m.kind in kinds)]

    def mention_at(self, offset: int, *kinds: str, slack: int = 0) -> Mention | None:
        """A mention starting at ``offset`` (white space allowed before it, up to ``slack`` other chars)."""
        pos = self.skip_space(offset)
        for m in self.mentions:
            if pos <= m.start <= pos + slack and (not kinds or m.kind in kinds):
                return m
            if m.start > pos + slack:
                break
        return None

    def meetings_in(self, span: Span, venues_only: bool = False) -> list[MeetingMention]:
        """The meetings named in ``span``; with ``venues_only``, not those named as a target
        (a meeting prepared for is not where a talk or a discussion took place)."""
        return [m for m in self.meetings if m.span.start >= span.start and m.span.end <= span.end and not (venues_only and m.target)]

    def meeting_before(self, offset: int, within: Span, exclude: Ref | None = None, venues_only: bool = False) -> MeetingMention | None:
        best = None
        for m in self.meetings:
            if within.start <= m.span.start and m.span.end <= offset and m.ref != exclude and not (venues_only and m.target):
                best = m
        return best

    def main_meeting(self) -> MeetingMention | None:
        """What 'this meeting' refers to: the first ministerial meeting of the body, else the
        first meeting that is not the cabinet's (meetings named as a target do not count)."""
        body = [m for m in self.meetings if m.meeting_class != "CabinetMeeting" and m.span.start >= self.body_start and not m.target]
        ministerial = [m for m in body if m.meeting_class == "MinisterialMeeting"]
        return (ministerial or body or [None])[0]

    def cabinet_meeting(self) -> MeetingMention | None:
        return next((m for m in self.meetings if m.meeting_class == "CabinetMeeting" and m.date), None)

    # ------------------------------------------------------------ cues

    def skip_space(self, offset: int) -> int:
        while offset < len(self.text) and self.text[offset] != "\n" and (self.text[offset].isspace() or self.text[offset] == "\u200b"):
            offset += 1
        return offset

    def cue_at(self, offset: int, name: str) -> Span | None:
        """The cue phrase starting at ``offset`` (after white space), longest first."""
        pos = self.skip_space(offset)
        for phrase in self.rules.cue(name):
            end = self.match_loose(pos, phrase)
            if end is not None:
                return Span(pos, end)
        return None

    def match_loose(self, pos: int, phrase: str) -> int | None:
        """End offset if ``phrase`` stands at ``pos``, white space in the text ignored."""
        target = fold(phrase)
        i, j = pos, 0
        while j < len(target) and i < len(self.text):
            ch = self.text[i]
            if ch.isspace():
                if j == 0:
                    return None
                i += 1
                continue
            if fold(ch) != target[j]:
                return None
            i, j = i + 1, j + 1
        return i if j == len(target) else None

    def conjunctions(self) -> str:
        """The words joining two names of one kind (cue ``conjunction``), as a regular-expression
        alternative."""
        return "|".join(re.escape(word) for word in self.rules.cue("conjunction"))

    def without_trailing_conjunction(self, text: str) -> str:
        """A list item without the joining word it ends with (``..., X และ``): no part of its name."""
        for word in self.rules.cue("conjunction"):
            if text.endswith(" " + word):
                return text[: -len(word) - 1]
        return text

    def find_cues(self, name: str, span: Span) -> list[Span]:
        """Every occurrence of a cue's phrases in a span, left to right, no overlaps."""
        out: list[Span] = []
        chunk = self.text[span.start : span.end]
        for phrase in self.rules.cue(name):
            start = 0
            while (i := chunk.find(phrase, start)) != -1:
                hit = Span(span.start + i, span.start + i + len(phrase))
                if not any(h.start < hit.end and hit.start < h.end for h in out):
                    out.append(hit)
                start = i + 1
        return sorted(out)

    def quote(self, *spans: Span) -> Span:
        """The smallest span covering all, trimmed of white space: the quote for a fact."""
        whole = spans[0].cover(*spans[1:]) if len(spans) > 1 else spans[0]
        start, end = whole.start, whole.end
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return Span(start, end)

    def clause_start(self, start: int, end: int, words: tuple[str, ...]) -> int:
        """Where the first of ``words`` begins after white space (any: releases use no-break
        spaces too) in ``text[start:end]``; ``end`` when none does."""
        m = words_after_space(words).search(self.text, start, end)
        return m.start() if m else end

    def whole_name(self, span: Span, kind: str) -> bool:
        """Whether ``span`` is a whole name a ``kind`` node may be minted with (else it is
        recorded in ``refused`` with the reason)."""
        problem = name_problem(self.text, span, kind, self.rules)
        if problem:
            self.refused.append((span, f"{kind} name {problem}"))
        return problem is None

    def ref(self, mention: Mention) -> Ref:
        return Ref(mention.kind, mention.id)
