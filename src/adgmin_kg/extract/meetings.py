"""Meetings: which meetings a release names, and what it says about each."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from adgmin_kg.extract.context import MeetingMention, TextContext
from adgmin_kg.facts import (
    AttendanceFact,
    DecisionFact,
    DocumentFact,
    MeetingDatesFact,
    MeetingFact,
    MeetingPropertyFact,
    RelationFact,
    Ref,
    Span,
)
from adgmin_kg.gazetteer import Mention
from adgmin_kg.thaitext import DateExpr, ascii_digits, find_dates, number_word, to_ce_year

_EN_ORDINAL_BEFORE = re.compile(r"(?<![0-9])([0-9]+)(?:st|nd|rd|th)\s*$")  # a whole number, never its tail
_NUMBER = re.compile(r"[0-9]+|[ก-๙]+")
_PAREN = re.compile(r"\s*\([^()\n]{0,160}\)")
_NEAR_DATE = 40  # a cabinet meeting's date follows its name within this many characters
_NEAR_MEETING = 260  # a date or count belongs to a meeting named this close before it
_NEAR_PLACE = 420  # a place phrase, to the meetings its sentence names before it
_COORDINATED_REACH = 12  # ``X และ|การประชุม Y``: Y named this close after the ``และ``
_HELD_ON_REACH = 100  # an unnumbered meeting's day follows its name this close


def meeting_key(series: str, ordinal: int) -> str:
    return f"{series}-{ordinal}"


def _series_class(ctx: TextContext, series: str) -> str:
    entry = ctx.gazetteer.get("series", series)
    return str(entry.get("class", "Meeting")) if entry else "Meeting"


def _ordinal_after(ctx: TextContext, offset: int) -> tuple[int, int] | None:
    """``ครั้งที่ 3`` (or ``ครั้งแรก``) right after a series name, maybe after ``(ADGMIN)``."""
    pos = offset
    for _ in range(2):  # a parenthesised short name or English name may stand between
        m = _PAREN.match(ctx.text, pos)
        if m:
            pos = m.end()
        stripped = ctx.skip_space(pos)
        if ctx.text[stripped : stripped + 1] in (")", "ฯ"):
            pos = stripped + 1
    cue = ctx.cue_at(pos, "ordinal")
    if cue:
        m = _NUMBER.match(ascii_digits(ctx.text), ctx.skip_space(cue.end))
        if m and (n := number_word(m.group(0), ctx.rules)):
            return n, m.end()
    elif wrapped := _ordinal_on_next_line(ctx, pos):
        return wrapped
    first = ctx.cue_at(pos, "first_ordinal")
    if first:
        return 1, first.end
    return None


def _ordinal_on_next_line(ctx: TextContext, pos: int) -> tuple[int, int] | None:
    """A name wrapped before its number: the next line is nothing but ``ครั้งที่ 2``. The layout
    makes the two lines one passage (``passages._join_ordinal_lines``)."""
    eol = ctx.skip_space(pos)
    if ctx.text[eol : eol + 1] != "\n":
        return None
    cue = ctx.cue_at(eol + 1, "ordinal")
    if not cue:
        return None
    m = _NUMBER.match(ascii_digits(ctx.text), ctx.skip_space(cue.end))
    if not m or ctx.text[ctx.skip_space(m.end()) : ctx.skip_space(m.end()) + 1] not in ("\n", ""):
        return None
    n = number_word(m.group(0), ctx.rules)
    return (n, m.end()) if n else None


def _ordinal_before(ctx: TextContext, start: int) -> tuple[int, int] | None:
    # searched in place (not in a slice), so the look-behind sees the digit before the window
    m = _EN_ORDINAL_BEFORE.search(ctx.text, max(0, start - 12), start)
    return (int(m.group(1)), m.start()) if m else None


def _with_partners_series(ctx: TextContext, series: str) -> str | None:
    for entry in ctx.gazetteer.of_kind("series"):
        if entry.get("with_partners_of") == series:
            return entry.id
    return None


def find_meetings(ctx: TextContext) -> list[MeetingMention]:
    """Resolve series names + ordinals (and cabinet names + dates) to meeting mentions."""
    found: list[MeetingMention] = []
    unnumbered: list[MeetingMention] = []
    dates = find_dates(ctx.text, ctx.rules)
    for mention in ctx.mentions:
        if mention.kind != "series":
            continue
        series = mention.id
        cls = _series_class(ctx, series)
        if cls == "CabinetMeeting":
            for d in dates:
                if mention.end <= d.start <= mention.end + _NEAR_DATE and d.last is None:
                    day = _reported_cabinet_day(ctx, mention, d)
                    key = f"{series}-{day.isoformat()}"
                    span = Span(mention.start, d.end)
                    found.append(MeetingMention(Ref("meeting", key), span, series, cls, date=day))
                    break
            else:
                found.append(MeetingMention(Ref("meeting", series), Span(mention.start, mention.end), series, cls))
            continue
        after = _ordinal_after(ctx, mention.end)
        before = None if after else _ordinal_before(ctx, mention.start)
        if not after and not before:
            if dated := _held_on(ctx, mention, dates) or _held_during(ctx, mention, dates):
                unnumbered.append(dated)
            continue
        ordinal = after[0] if after else before[0]  # type: ignore[index]
        if ordinal > ctx.rules.max_ordinal:
            written = ctx.text[mention.start : after[1] if after else mention.end]  # type: ignore[index]
            ctx.notices.append(f"{ctx.release.id}: ordinal {ordinal} of {series} is implausible (over {ctx.rules.max_ordinal}): {written!r} not read as a meeting")
            continue
        start = mention.start if after else before[1]  # type: ignore[index]
        end = after[1] if after else mention.end
        partners = ctx.cue_at(end, "with_partners")
        if partners and (dp := _with_partners_series(ctx, series)):
            series, cls, end = dp, _series_class(ctx, dp), partners.end
        found.append(MeetingMention(Ref("meeting", meeting_key(series, ordinal)), Span(start, end), series, cls, ordinal=ordinal))
    numbered = {m.series for m in found if m.ordinal}
    found += [m for m in unnumbered if m.series not in numbered]  # else it repeats the numbered one
    found += _sessions_with_partners(ctx, found)
    found += _related_sessions(ctx, found)
    found += _dated_resolutions(ctx, dates)
    found = _mark_targets(ctx, found)
    # a name inside a parenthesis repeats the meeting it follows: keep the outer mention
    found.sort(key=lambda m: (m.span.start, -m.span.end))
    kept: list[MeetingMention] = []
    for m in found:
        if kept and m.span.start < kept[-1].span.end:
            continue
        kept.append(m)
    return [m for m in kept if not _is_generic_cabinet(m)]


_REPORTED_WITHIN = dt.timedelta(days=31)  # a summary reports a cabinet meeting held this shortly before it


def _reported_cabinet_day(ctx: TextContext, mention: Mention, d: DateExpr) -> dt.date:
    """The day of the cabinet meeting a release's title names (the meeting a summary reports).
    A summary is issued within days of its meeting; a title whose year puts the meeting far from
    the issue date while its day and month fall just before it has the year wrong (``The cabinet
    met on January 30, 2023``, issued 1 February 2024): the day is read in the issue's year, with
    a notice. Any other date is read as written."""
    issued = ctx.release.issued
    if mention.end > ctx.release.title_span[1] or dt.timedelta(0) <= issued - d.first <= _REPORTED_WITHIN:
        return d.first
    for year in (issued.year, issued.year - 1):
        try:
            day = d.first.replace(year=year)
        except ValueError:
            continue
        if dt.timedelta(0) <= issued - day <= _REPORTED_WITHIN:
            ctx.notices.append(f"{ctx.release.id}: the title dates the cabinet meeting {d.first.isoformat()}, issued {issued.isoformat()}: read as {day.isoformat()} (the year written is a slip)")
            return day
    return d.first


def _held_on(ctx: TextContext, mention: Mention, dates: list) -> MeetingMention | None:  # type: ignore[type-arg]
    """``การประชุม the AEC Council – ADGMIN Interface Meeting ผ่านระบบการประชุมทางไกล ซึ่งมีกำหนดการจะ
    จัดขึ้นในวันจันทร์ที่ 18 ตุลาคม 2564``: a series named without a number, then the day it is held,
    names one meeting, known by that day. The day follows in the same clause, after a cue that
    says it is the meeting's (``จัดขึ้น``, ``เมื่อวันที่``), with no other meeting named between.
    (Not kept where the section numbers a meeting of the series: the name repeats that one.)"""
    line = ctx.line_of(mention.start)
    for d in dates:
        if d.start < mention.end or d.start - mention.end > _HELD_ON_REACH or d.start > line.end:
            continue
        between = Span(mention.end, d.start)
        if not ctx.find_cues("held_on", between) or any(m.kind == "series" and m.start >= mention.end and m.end <= d.start for m in ctx.mentions):
            return None
        return _meeting_of_day(ctx, mention, d.first)
    return None


def _meeting_of_day(ctx: TextContext, mention: Mention, day: dt.date) -> MeetingMention:
    """The meeting of a series named without a number, held on ``day``: the series' edition of
    that year when its reference data says it is held once a year (``first_held``, ``frequency``),
    with no number stated; else the meeting known by its day."""
    span, cls = Span(mention.start, mention.end), _series_class(ctx, mention.id)
    edition = series_edition(ctx, mention.id, day)
    if edition is not None:
        return MeetingMention(Ref("meeting", meeting_key(mention.id, edition)), span, mention.id, cls, ordinal=edition, ordinal_stated=False)
    return MeetingMention(Ref("meeting", f"{mention.id}-{day.isoformat()}"), span, mention.id, cls)


def series_edition(ctx: TextContext, series: str, day: dt.date) -> int | None:
    """The number of a yearly series' meeting held in ``day``'s year (the first held in
    ``first_held`` is number 1); None for a series not known to meet once a year."""
    entry = ctx.gazetteer.get("series", series)
    if entry is None or entry.get("frequency") != "annual" or not entry.get("first_held"):
        return None
    edition = day.year - int(str(entry.get("first_held"))) + 1
    return edition if edition >= 1 else None


_OPENING_DAY_REACH = 600  # a sentence opening with its day names the meeting it happened during this far on


def _held_during(ctx: TextContext, mention: Mention, dates: list) -> MeetingMention | None:  # type: ignore[type-arg]
    """``วันที่ 2 กุมภาพันธ์ 2567 นาย... ได้ร่วมลงนาม... ในช่วงระหว่างการประชุมรัฐมนตรีอาเซียนด้านดิจิทัล
    และสาธารณรัฐประชาชนจีน ณ ...``: a series named without a number right after ``ระหว่างการประชุม``,
    in a sentence that opens with one day, names the meeting that was being held that day."""
    if _cue_before(ctx, mention.start, "held_during") is None:
        return None
    d = opening_day(ctx, mention.start, dates)
    return _meeting_of_day(ctx, mention, d.first) if d else None


def opening_day(ctx: TextContext, offset: int, dates: list) -> DateExpr | None:  # type: ignore[type-arg]
    """The one day the sentence holding ``offset`` opens with (``วันที่ 2 กุมภาพันธ์ 2567 ...``,
    ``ทั้งนี้ในวันที่ 28 ...``): at its line's start, after a day word and a tying word at most,
    with no other date and no other series named up to ``offset``; not after the release."""
    line = ctx.line_of(offset)
    first = next((d for d in dates if line.start <= d.start < offset), None)
    if first is None or first.last is not None or first.first > ctx.release.issued or offset - first.end > _OPENING_DAY_REACH:
        return None
    opening = ctx.text[line.start : first.start].strip()
    for word in ctx.rules.cue("continuing"):
        opening = opening.removeprefix(word).strip()
    if opening and opening not in ctx.rules.cue("today"):
        return None
    if any(first.end <= d.start < offset for d in dates) or any(m.kind == "series" and first.end <= m.start and m.end <= offset for m in ctx.mentions):
        return None
    return first


def _dated_resolutions(ctx: TextContext, dates: list) -> list[MeetingMention]:  # type: ignore[type-arg]
    """``คณะรัฐมนตรีมีมติ (21 กรกฎาคม 2563)``: an earlier resolution cited with its date names the
    cabinet meeting of that day (the body of a dated series, then ``มีมติ`` and the date in brackets)."""
    out = []
    for entry in ctx.gazetteer.of_kind("series"):
        if entry.get("class") != "CabinetMeeting" or not entry.get("body"):
            continue
        for body in (m for m in ctx.mentions if m.kind == "org" and m.id == entry.get("body")):
            cue = ctx.cue_at(body.end, "cabinet_resolution")
            opening = ctx.skip_space(cue.end) if cue else -1
            if cue is None or ctx.text[opening : opening + 1] != "(":
                continue
            day = next((d for d in dates if d.start == ctx.skip_space(opening + 1) and d.last is None), None)
            if day and ctx.text[ctx.skip_space(day.end) : ctx.skip_space(day.end) + 1] == ")":
                span = Span(body.start, ctx.skip_space(day.end) + 1)
                out.append(MeetingMention(Ref("meeting", f"{entry.id}-{day.first.isoformat()}"), span, entry.id, "CabinetMeeting", date=day.first))
    return out


def _mark_targets(ctx: TextContext, found: list[MeetingMention]) -> list[MeetingMention]:
    """``เพื่อเตรียมการก่อน|การประชุม X``, ``ภายใน|การประชุม X``: X is prepared for, or a deadline;
    so are the names that repeat it right after (``X ครั้งที่ 5 (The 5th AMCC)``)."""
    out: list[MeetingMention] = []
    for m in sorted(found, key=lambda m: m.span.start):
        before = ctx.text[max(0, m.span.start - 40) : m.span.start].rstrip()
        target = before.endswith(ctx.rules.cue("target_meeting")) or _invited_to(ctx, m)
        if out and out[-1].ref == m.ref and m.span.start - out[-1].span.end <= 12:
            target = target or out[-1].target
        out.append(replace(m, target=target))
    return out


_INVITED_REACH = 60  # ``กล่าวเรียนเชิญ รมว.ดีอีเอส เข้าร่วมการประชุม X``: the invitation stands this close before X


def _invited_to(ctx: TextContext, m: MeetingMention) -> bool:
    """A meeting someone is invited to (``รมว.ไอซีทีของสิงคโปร์ กล่าวเรียนเชิญ รมว.ดีอีเอส เข้าร่วม
    การประชุม The 5th AMCC``) is still to come: like one prepared for, it is where nothing said
    in the line took place (no attendance, no topics)."""
    line = ctx.line_of(m.span.start)
    window = Span(max(line.start, m.span.start - _INVITED_REACH), m.span.start)
    return bool(ctx.find_cues("invited", window))


def _sessions_with_partners(ctx: TextContext, found: list[MeetingMention]) -> list[MeetingMention]:
    """``รัฐมนตรีอาเซียนดิจิทัลได้มีการหารือร่วมกับคู่เจรจา``: the ministers' session with the
    dialogue partners, numbered as the ministers' meeting named last before it."""
    out = []
    for body in (m for m in ctx.mentions if m.kind == "org"):
        series = next((e for e in ctx.gazetteer.of_kind("series") if e.get("body") == body.id), None)
        dp = _with_partners_series(ctx, series.id) if series else None
        cue = next(iter(ctx.find_cues("with_partners_session", Span(body.end, min(len(ctx.text), body.end + 45)))), None)
        if not (series and dp and cue):
            continue
        before = [m for m in found if m.series == series.id and m.span.end <= body.start and m.ordinal]
        if before:
            n = before[-1].ordinal
            out.append(MeetingMention(Ref("meeting", meeting_key(dp, n)), Span(body.start, cue.end), dp, _series_class(ctx, dp), ordinal=n, ordinal_stated=False))
    return out


def _related_sessions(ctx: TextContext, found: list[MeetingMention]) -> list[MeetingMention]:
    """``ผลการประชุม ADGMIN ครั้งที่ 1 และการประชุมที่เกี่ยวข้อง ... 2. การประชุมระหว่างอาเซียนและคู่เจรจา``:
    a section about a ministers' meeting "and the related meetings" that reports, under a
    heading of its own, the session with the dialogue partners, numbered by that meeting (the
    text gives the session no number of its own)."""
    out = []
    for line in ctx.body_lines():
        for cue in ctx.find_cues("partners_session", line):
            if ctx.text[line.start : cue.start].strip(" 0123456789๐๑๒๓๔๕๖๗๘๙.)(\u00a0"):
                continue  # named as a heading (an item's first words), not inside a sentence
            host = _announcing_related(ctx, found, cue.start)
            dp = _with_partners_series(ctx, host.series) if host else None
            if host and dp:
                out.append(MeetingMention(Ref("meeting", meeting_key(dp, host.ordinal)), cue, dp, _series_class(ctx, dp), ordinal=host.ordinal, ordinal_stated=False))  # type: ignore[arg-type]
    return out


def _announcing_related(ctx: TextContext, found: list[MeetingMention], before: int) -> MeetingMention | None:
    """The numbered meeting named last before ``before`` with ``และการประชุมที่เกี่ยวข้อง`` after
    it (maybe after its English name in brackets)."""
    best = None
    for m in found:
        if m.span.end > before or not m.ordinal or not m.ordinal_stated or m.meeting_class == "CabinetMeeting":
            continue
        pos = m.span.end
        if bracket := _PAREN.match(ctx.text, pos):
            pos = bracket.end()
        if ctx.cue_at(pos, "related_meetings"):
            best = m
    return best


def _is_generic_cabinet(m: MeetingMention) -> bool:
    """``ครม.`` without a date: the release's dated cabinet meeting, found by the rules that need it."""
    return m.meeting_class == "CabinetMeeting" and m.date is None


def meeting_facts(ctx: TextContext) -> list[MeetingFact]:
    return [MeetingFact(m.ref, m.meeting_class, m.series, m.ordinal, m.date, ctx.quote(m.span), ordinal_stated=m.ordinal_stated) for m in ctx.meetings]


# ---------------------------------------------------------------- meeting properties


def _owner(ctx: TextContext, offset: int, window: int = _NEAR_MEETING) -> MeetingMention | None:
    line = ctx.line_of(offset)
    m = ctx.meeting_before(offset, line)
    if m and offset - m.span.end <= window and m.meeting_class != "CabinetMeeting":
        return m
    return None


def meeting_dates(ctx: TextContext) -> list[MeetingDatesFact]:
    """The dates of each meeting. A date written after the meeting's name dates the meeting being
    held: one day is its start and end (``X เมื่อวันที่ 5 ...``, ``X (วันที่ 27 ...)``). A date
    opening a sentence in which someone attended it (``วันนี้ (1 ก.พ.67) ... เข้าร่วม X``) is a day
    of the meeting, its start only. The days of ``X และการประชุมที่เกี่ยวข้อง`` are the whole set's:
    X's only when the release gives X no days of its own. Of the dates of one kind, the first wins,
    unless a later range starts on its day (``เมื่อวันที่ 9 ...`` early on, ``ระหว่างวันที่ 9-10 ...``
    later: the range)."""
    candidates: dict[Ref, list[tuple[int, MeetingDatesFact]]] = {}
    cabinet_spans = [m.span for m in ctx.meetings if m.meeting_class == "CabinetMeeting"]
    dates = find_dates(ctx.text, ctx.rules)
    for d in dates:
        if d.start < ctx.body_start or any(s.start <= d.start < s.end for s in cabinet_spans):
            continue
        fact, rank = _day_of_a_session(ctx, d) or _dates_after_name(ctx, d) or _dates_of_attendance(ctx, d) or _day_done_during(ctx, d, dates) or (None, 0)
        if fact is not None:
            candidates.setdefault(fact.meeting, []).append((rank, fact))
    chosen: dict[Ref, MeetingDatesFact] = {}
    for ref, found in candidates.items():
        best = min(rank for rank, _ in found)
        chosen[ref] = _first_range_else_first([f for rank, f in found if rank == best])
    for m in ctx.meetings:
        if m.date and m.ref not in chosen:
            chosen[m.ref] = MeetingDatesFact(m.ref, m.date, None, ctx.quote(m.span), rule="cabinet-date")
    return list(chosen.values())


_OWN, _SHARED, _DURING = 0, 1, 2  # a meeting's own days, the days it shares with its related meetings, a day something was done during it


def _dates_after_name(ctx: TextContext, d: DateExpr) -> tuple[MeetingDatesFact, int] | None:
    """A date written after a meeting's name, in its sentence: the days the meeting was held."""
    owner = _owner(ctx, d.start)
    if owner is None:
        return None
    between = Span(owner.span.end, d.start)
    if ctx.find_cues("shared_dates", between):
        return None  # ``X และงาน Y ที่จัดขึ้นระหว่างวันที่ ...``: the days of both, not X's own
    rank = _SHARED if ctx.find_cues("related_meetings", between) else _OWN
    reported = ctx.text[max(ctx.line_of(d.start).start, d.start - 14) : d.start]
    one_day = d.last if d.last is not None or any(cue in reported for cue in ctx.rules.cue("reporting_day")) else d.first
    quote = ctx.quote(owner.span, Span(d.start, d.end))
    return MeetingDatesFact(owner.ref, d.first, one_day, quote), rank


_SESSION_AFTER_DAY = 20  # ``ในวันที่ 28 มกราคม 2565 รัฐมนตรีอาเซียนดิจิทัลได้มีการหารือร่วมกับคู่เจรจา``: the session named this close after its day


def _day_of_a_session(ctx: TextContext, d: DateExpr) -> tuple[MeetingDatesFact, int] | None:
    """``ทั้งนี้ในวันที่ 28 มกราคม 2565 รัฐมนตรีอาเซียนดิจิทัลได้มีการหารือร่วมกับคู่เจรจาของอาเซียน``:
    a session named by what was done in it (the ministers met the dialogue partners), right after
    a day that opens its sentence, was held that day: its start and end. Not the day of the
    meeting named before the day (the day starts a sentence of its own)."""
    before = ctx.text[max(ctx.line_of(d.start).start, d.start - 14) : d.start]
    if d.last is not None or not any(cue in before for cue in ctx.rules.cue("today")):
        return None
    line = ctx.line_of(d.start)
    session = next((m for m in ctx.meetings_in(Span(d.end, line.end), venues_only=True) if m.span.start - d.end <= _SESSION_AFTER_DAY), None)
    if session is None or not ctx.find_cues("with_partners_session", session.span):
        return None
    return MeetingDatesFact(session.ref, d.first, d.first, ctx.quote(Span(d.start, d.end), session.span), rule="session-day"), _OWN


def _dates_of_attendance(ctx: TextContext, d: DateExpr) -> tuple[MeetingDatesFact, int] | None:
    """``วันนี้ (1 ก.พ.67) ... เข้าร่วมการประชุม X``: a day of X, not all of it."""
    owner = _meeting_of_today(ctx, d.start)
    if owner is None:
        return None
    return MeetingDatesFact(owner.ref, d.first, d.last, ctx.quote(owner.span, Span(d.start, d.end))), _OWN


def _day_done_during(ctx: TextContext, d: DateExpr, dates: list[DateExpr]) -> tuple[MeetingDatesFact, int] | None:
    """``วันที่ 2 กุมภาพันธ์ 2567 นาย... ได้ร่วมลงนาม... ในช่วงระหว่างการประชุม X``: the day a sentence
    opens with is a day X was being held (its start only: the text does not say it lasted that
    one day); taken when the release gives X no days of its own."""
    line = ctx.line_of(d.start)
    for m in ctx.meetings_in(Span(d.end, line.end), venues_only=True):
        if m.meeting_class != "CabinetMeeting" and _cue_before(ctx, m.span.start, "held_during") and opening_day(ctx, m.span.start, dates) == d:
            return MeetingDatesFact(m.ref, d.first, None, ctx.quote(Span(d.start, d.end), m.span), rule="meeting-day-during"), _DURING
    return None


def _first_range_else_first(facts: list[MeetingDatesFact]) -> MeetingDatesFact:
    """The first of ``facts``, unless a later range starts on its day (the range says more)."""
    first = facts[0]
    if first.end is None or first.end == first.start:
        later = next((f for f in facts[1:] if f.end is not None and f.end != f.start and f.start == first.start), None)
        if later:
            return later
    return first


def _meeting_of_today(ctx: TextContext, offset: int) -> MeetingMention | None:
    """``วันนี้ (1 ก.พ.67) ... เข้าร่วมการประชุม X``: a dated 'today' belongs to the meeting named next."""
    before = ctx.text[max(ctx.line_of(offset).start, offset - 14) : offset]
    if not any(cue in before for cue in ctx.rules.cue("today")):
        return None
    line = ctx.line_of(offset)
    for m in ctx.meetings_in(line, venues_only=True):
        if offset < m.span.start <= offset + 300 and m.meeting_class != "CabinetMeeting":
            # the day is the meeting's when the sentence says someone took part in it that day
            between = Span(offset, m.span.end)  # the cue may run into the name (``เป็นประธานการประชุม``)
            return m if ctx.find_cues("attendance", between) and not ctx.find_cues("bilateral", between) else None
    return None


def meeting_places(ctx: TextContext) -> list[MeetingPropertyFact]:
    """``ณ <place> <country>``: the place, and the country named with it."""
    out, seen = [], set()
    for line in ctx.body_lines():
        for cue in ctx.find_cues("place", line):
            if cue.start > 0 and not ctx.text[cue.start - 1].isspace() and ctx.text[cue.start - 1] not in "(":
                continue  # ``ณ`` / ``ที่`` inside a word
            place = ctx.mention_at(cue.end, "place", "country", slack=1)  # ``ณ.เกาะ...`` too
            if place is None:
                continue
            for owner in _meetings_placed(ctx, line, cue):
                if owner.ref in seen:
                    continue
                seen.add(owner.ref)
                if place.kind == "place":
                    out.append(MeetingPropertyFact(owner.ref, "location", ctx.ref(place), ctx.quote(cue, Span(place.start, place.end))))
                    country = ctx.mention_at(place.end, "country")
                    if country:
                        out.append(MeetingPropertyFact(owner.ref, "host", ctx.ref(country), ctx.quote(cue, Span(country.start, country.end)), rule="meeting-place-country"))
                else:  # ``ณ ประเทศสิงคโปร์``: the country is the place, and the host
                    quote = ctx.quote(cue, Span(place.start, place.end))
                    out.append(MeetingPropertyFact(owner.ref, "location", ctx.ref(place), quote, rule="meeting-place-country"))
                    out.append(MeetingPropertyFact(owner.ref, "host", ctx.ref(place), quote, rule="meeting-place-country"))
    return out


def _meetings_placed(ctx: TextContext, line: Span, cue: Span) -> list[MeetingMention]:
    """The meetings a place phrase belongs to: every meeting the sentence names before it
    (``ADGSOM ครั้งที่ 3 และ ADGMIN ครั้งที่ 3 ... ณ เกาะโบราเคย์``)."""
    window = Span(max(line.start, cue.start - _NEAR_PLACE), cue.start)
    return [m for m in ctx.meetings_in(window) if m.meeting_class != "CabinetMeeting"]


def meeting_hosts(ctx: TextContext) -> list[MeetingPropertyFact]:
    """``สิงคโปร์จะเป็นเจ้าภาพ``: a country named as host of a meeting in the same line; a
    ministry named as host (``กระทรวง...แห่งสาธารณรัฐสิงคโปร์ (...) จะเป็นเจ้าภาพ``) names its country."""
    out = []
    for line in ctx.body_lines():
        for cue, body, owner in _hosts_named(ctx, line):
            if body.kind == "country":
                country: Ref | None = ctx.ref(body)
                quote = ctx.quote(owner.span, cue) if owner.span.end <= cue.end else ctx.quote(country_span(body), owner.span)
            else:
                country, quote = _country_of(ctx, body), ctx.quote(country_span(body), cue)
            if country is not None:
                out.append(MeetingPropertyFact(owner.ref, "host", country, quote, rule="meeting-host"))
    return out


def _hosts_named(ctx: TextContext, line: Span) -> list[tuple[Span, Mention, MeetingMention]]:
    """(cue, host, meeting) for each host cue in ``line`` right after a country or an
    organisation (a parenthesised English name may stand between), and the meeting it hosts:
    the one named before the host, else the first named after the cue."""
    found = []
    for cue in ctx.find_cues("host", line):
        body = next((c for c in reversed(ctx.mentions_in(Span(line.start, cue.start), "country", "org")) if _adjacent(ctx, c.end, cue.start)), None)
        if body is None:
            continue
        owner = ctx.meeting_before(body.start, line) or next((m for m in ctx.meetings_in(line) if m.span.start >= cue.end), None)
        if owner is not None:
            found.append((cue, body, owner))
    for cue in ctx.find_cues("host_by", line):
        named = _host_named_after(ctx, cue)
        owner = ctx.meeting_before(cue.start, line)
        if named is not None and owner is not None:
            found.append((cue, named, owner))
    return found


def _host_named_after(ctx: TextContext, cue: Span) -> Mention | None:
    """``hosted by Singapore’s Ministry for Communications and Information``: the host named
    right after the cue; a country's ministry after a possessive is the ministry."""
    first = ctx.mention_at(cue.end, "country", "org")
    if first is None or first.kind != "country":
        return first
    for mark in ctx.rules.cue("possessive"):
        if ctx.text.startswith(mark, first.end):
            org = ctx.mention_at(first.end + len(mark), "org")
            if org is not None:
                return org
    return first


def _adjacent(ctx: TextContext, end: int, start: int) -> bool:
    """Whether next to nothing (``ได้``), or a parenthesis, stands between ``end`` and ``start``."""
    between = _PAREN.sub("", ctx.text[end:start])
    return len(between.strip()) <= 3 and start - end <= 160


def _country_of(ctx: TextContext, org: Mention) -> Ref | None:
    entry = ctx.gazetteer.get("org", org.id)
    return Ref("country", str(entry.get("country"))) if entry and entry.get("country") else None


def country_span(m: Mention) -> Span:
    return Span(m.start, m.end)


_SCHEDULED_WITHIN = 160  # a time is a meeting's expected time when a schedule cue stands this close before it
_NAMED_AFTER = 80  # ``จะมีการหารือ ... ระหว่างเดือนมีนาคม ... ในการประชุม X``: X named this close after the time


def _month_time(ctx: TextContext) -> re.Pattern[str]:
    """``ปลายเดือนมกราคม 2565`` (late January 2022), ``เดือนมีนาคมนี้`` (this March),
    ``เดือนพฤศจิกายน 2564``, ``เดือนมีนาคม``."""
    months = "|".join(re.escape(m) for m in sorted(ctx.rules.months, key=len, reverse=True))
    return re.compile(rf"(?P<part>ต้น|กลาง|ปลาย)?\s*เดือน\s*(?P<month>{months})(?:\s*(?:พ\.ศ\.\s*)?(?P<year>[0-9]{{4}})|\s*(?P<this>นี้))?")


def expected_times(ctx: TextContext) -> list[MeetingPropertyFact]:
    """A meeting announced as coming: ``มีกำหนดการจะจัดขึ้นในช่วงต้นปี 2567``, ``มีกำหนดจะจัด
    การประชุม X ในเดือนมีนาคมนี้``: a time after a schedule cue, given to the meetings it schedules.
    A month without a year is the next one from the release's day. One time per meeting: the first."""
    out: list[MeetingPropertyFact] = []
    for line in ctx.body_lines():
        chunk = ascii_digits(ctx.text[line.start : line.end])
        times = [(m, _month_in_english(ctx, m)) for m in _month_time(ctx).finditer(chunk)]
        if part_of_year := _part_of_year(ctx):
            times += [(m, (f"{ctx.rules.part_of_year[m['part']]} {to_ce_year(int(m['year']), ctx.rules)}", to_ce_year(int(m["year"]), ctx.rules))) for m in part_of_year.finditer(chunk)]
        for m, (english, year) in sorted(times, key=lambda t: t[0].start()):
            core = Span(line.start + m.start(m.re.groupindex["part"]) if m["part"] else line.start + m.start(), line.start + m.end())
            core = Span(ctx.skip_space(core.start), core.end)
            cue = next(iter(reversed(ctx.find_cues("scheduled", Span(max(line.start, core.start - _SCHEDULED_WITHIN), core.start)))), None)
            if cue is None:
                continue
            written = ctx.text[core.start : core.end]
            for owner in _scheduled(ctx, line, cue, core):
                if any(f.meeting == owner.ref for f in out):
                    continue  # ``ปลายปี 2564 หรือช่วงเดือนมกราคม 2565``: the first time given
                out.append(MeetingPropertyFact(owner.ref, "expected-time", written, ctx.quote(core), value_en=english, year=year, rule="expected-time"))
    return out


def _part_of_year(ctx: TextContext) -> re.Pattern[str] | None:
    """``ต้นปี พ.ศ. 2567``: a part of a year (``part_of_year``), the words that link it to the
    year (cue ``part_of_year_link``), the year; None for a language that gives no link."""
    links = ctx.rules.cue("part_of_year_link")
    if not links or not ctx.rules.part_of_year:
        return None
    loose = "|".join(r"\s*".join(re.escape(w) for w in link.split()) for link in links)
    parts = "|".join(re.escape(p) for p in sorted(ctx.rules.part_of_year, key=len, reverse=True))
    return re.compile(r"(?P<part>" + parts + r")\s*(?:" + loose + r")\s*(?P<year>[0-9]{4})")


def _month_in_english(ctx: TextContext, m: re.Match[str]) -> tuple[str, int]:
    month = ctx.rules.months[m["month"]]
    if m["year"]:
        year = to_ce_year(int(m["year"]), ctx.rules)
    else:  # ``เดือนมีนาคมนี้``: this March, or next year's when this year's is past
        issued = ctx.release.issued
        year = issued.year if month >= issued.month else issued.year + 1
    name = dt.date(2000, month, 1).strftime("%B")
    return (f"{ctx.rules.part_of_year[m['part']]} {name} {year}" if m["part"] else f"{name} {year}"), year


def _scheduled(ctx: TextContext, line: Span, cue: Span, time: Span) -> list[MeetingMention]:
    """The meetings a schedule cue and the time after it are about: the one it names before the
    time (``มีกำหนดจะจัดการประชุม X ในเดือน...``), else one named right after the time (``จะมีการ
    หารือ ... ระหว่างเดือนมีนาคม ... ในการประชุม X``), else the meetings named before the cue, joined
    by ``และ`` (``X และ Y ... กำหนดจะจัดขึ้นใน...``)."""
    between = [m for m in ctx.meetings_in(Span(cue.start, time.start)) if m.meeting_class != "CabinetMeeting"]
    if between:
        return [between[-1]]
    after = [m for m in ctx.meetings_in(Span(time.end, line.end)) if m.span.start <= time.end + _NAMED_AFTER and m.meeting_class != "CabinetMeeting"]
    if after:
        return [after[0]]
    before = ctx.meeting_before(cue.start, line)
    return _coordinated(ctx, before) if before and before.meeting_class != "CabinetMeeting" else []


def _coordinated(ctx: TextContext, last: MeetingMention) -> list[MeetingMention]:
    """``X ครั้งที่ 2 และ Y ครั้งที่ 2``: ``last`` and the meetings joined to it by ``และ``."""
    chain = [last]
    for m in reversed([m for m in ctx.meetings if m.span.end <= last.span.start]):
        joint = ctx.text[m.span.end : chain[-1].span.start].strip()
        if joint not in (*ctx.rules.cue("conjunction"), ",") or m.meeting_class == "CabinetMeeting":
            break
        chain.append(m)
    return chain[::-1]


def member_counts(ctx: TextContext) -> list[MeetingPropertyFact]:
    """``โดยมีผู้แทน...ของประเทศสมาชิกอาเซียน 10 ประเทศ ... เข้าร่วม``: how many member states
    attended. The count must be said of attendance (an attendance or delegation cue next to it):
    ``เวทีการหารือ...ของประเทศสมาชิกอาเซียนทั้ง 10 ประเทศ`` says what the forum is for."""
    out: list[MeetingPropertyFact] = []
    chunk = ascii_digits(ctx.text)
    for pattern in ctx.rules.cue("member_states_count"):
        before, _, after = pattern.partition("{n}")
        regex = re.compile(r"\s*".join(map(re.escape, before.split())) + r"\s*(?P<n>[0-9]{1,2})\s*" + r"\s*".join(map(re.escape, after.split())))
        for line in ctx.body_lines():
            for m in regex.finditer(chunk, line.start, line.end):
                count = Span(m.start(), m.end())
                owner = _attended_meeting(ctx, count.start, line) if _said_of_attendance(ctx, count, line) else None
                if owner and not any(f.meeting == owner.ref for f in out):
                    out.append(MeetingPropertyFact(owner.ref, "member-states", int(m["n"]), ctx.quote(count), rule="member-states-count"))
    return out


_ATTENDANCE_BEFORE, _ATTENDANCE_AFTER = 100, 60  # how far from a count its attendance cue may stand


def _said_of_attendance(ctx: TextContext, span: Span, line: Span) -> bool:
    near = Span(max(line.start, span.start - _ATTENDANCE_BEFORE), min(line.end, span.end + _ATTENDANCE_AFTER))
    return bool(ctx.find_cues("attendance", near) or ctx.find_cues("delegation", near))


def _attended_meeting(ctx: TextContext, offset: int, line: Span) -> MeetingMention | None:
    """The meeting a list or count of participants at ``offset`` is about: the last one named
    before it in its line, else the release's main meeting when the line speaks of 'this meeting'
    (``สำหรับการประชุมครั้งนี้มีรัฐมนตรี...เข้าร่วม``)."""
    owner = ctx.meeting_before(offset, line, venues_only=True)
    if owner is None and ctx.find_cues("this_meeting", Span(line.start, offset)):
        owner = ctx.main_meeting()
    return owner if owner and owner.meeting_class != "CabinetMeeting" else None


_QUOTED = re.compile(r"\s*(?:หรือ\s*)?(?:“([^”\n]+)”|\"([^\"\n]+)\"|\(\s*([A-Za-z][^()\n]+?)\s*\))")
_LABEL_PAREN = re.compile(r"\s*\(\s*[A-Za-z]+\s*\)")


def themes(ctx: TextContext) -> list[MeetingPropertyFact]:
    """``ภายใต้หัวข้อหลัก (Theme) “...” (English ...)``: the theme as written, and its English form.
    Unquoted, it runs to a clause word or to the next sentence's subject (a post or a person
    after a space: ``ภายใต้หัวข้อ<theme> รัฐมนตรีว่าการ...ได้เน้นย้ำ``)."""
    out = []
    for line in ctx.body_lines():
        for cue in ctx.find_cues("theme", line):
            owner = ctx.meeting_before(cue.start, line) or ctx.main_meeting()
            pos = cue.end
            if m := _LABEL_PAREN.match(ctx.text, pos):  # "(Theme)"
                pos = m.end()
            if filler := ctx.cue_at(pos, "theme_filler"):  # ``หลักของการประชุม [ADGMIN ครั้งที่ 2]``
                pos = filler.end
                named = next((m for m in ctx.meetings if cue.end <= m.span.start <= ctx.skip_space(pos) < m.span.end), None)
                owner, pos = (named, named.span.end) if named else (owner, pos)
            if owner is None:
                continue
            first = _QUOTED.match(ctx.text, pos)
            if first and first.end() <= line.end:
                values = [first]
                second = _QUOTED.match(ctx.text, first.end())
                if second and second.end() <= line.end:
                    values.append(second)
                for m in values:
                    group = next(i for i in (1, 2, 3) if m.group(i))
                    value_span = Span(m.start(group), m.end(group))
                    value = ctx.text[value_span.start : value_span.end].strip()
                    lang = "en" if value.isascii() else "th"
                    out.append(MeetingPropertyFact(owner.ref, "theme", value, ctx.quote(cue, Span(m.start(), m.end())), value_en=lang, rule="theme"))
                continue
            start = ctx.skip_space(pos)
            rest = ctx.text[start : line.end]
            stops = [i for i in (rest.find(w) for w in ctx.rules.cue("theme_end")) if i > 0]
            stops += [m.start - start for m in ctx.mentions_in(Span(start, line.end), "post", "person") if m.start > start and ctx.text[m.start - 1].isspace()]
            value_span = Span(start, start + (min(stops) if stops else len(rest)))
            for part in _with_english_gloss(ctx.text, value_span):
                value = ctx.text[part.start : part.end].strip()
                if value:
                    out.append(MeetingPropertyFact(owner.ref, "theme", value, ctx.quote(cue, part), value_en="en" if value.isascii() else "th", rule="theme"))
    return out


_GLOSS = re.compile(r"\s*\(\s*(?=[A-Za-z])")


def _with_english_gloss(text: str, span: Span) -> list[Span]:
    """``การปรับเปลี่ยน... – 19 (Digital Transformation: ...)``: the theme, and its English form
    in brackets (closed or not), as two spans."""
    m = _GLOSS.search(text, span.start, span.end)
    if m is None or m.start() == span.start:
        return [span]
    english_end = span.end - 1 if text[span.end - 1 : span.end] == ")" else span.end
    return [Span(span.start, m.start()), Span(m.end(), english_end)]


# ---------------------------------------------------------------- attendance


def attendance(ctx: TextContext, holders: dict[int, tuple[Ref, int]], people: dict[int, Ref]) -> list[AttendanceFact]:
    """Participants named with a role cue (``ประเทศคู่เจรจา (จีน ญี่ปุ่น ...)``), a post, a
    delegation, as chair, or as the ministry that hosts."""
    out: list[AttendanceFact] = []
    for line in ctx.body_lines():
        out.extend(_role_lists(ctx, line))
    for line in ctx.body_lines():
        if _attends_a_talk(ctx, line):
            continue  # ``เข้าร่วมการประชุมหารือทวิภาคี``: the talk rule takes it
        found = _post_attendance(ctx, line, holders) + _delegation_attendance(ctx, line) + _presenters(ctx, line) + _chairs(ctx, line) + _host_bodies(ctx, line) + _secretariats(ctx, line)
        out.extend(found + _accompanying(ctx, line, found, people, holders) + _signers(ctx, line, holders))
    out.extend(_title_attendance(ctx, holders))
    out.extend(_partners_in_name(ctx))
    return _unique(_holder_for_post(ctx, out, holders))


def _title_attendance(ctx: TextContext, holders: dict[int, tuple[Ref, int]]) -> list[AttendanceFact]:
    """``รมว.ดีอีเอส ร่วมเวทีรัฐมนตรีอาเซียน ...``: a post the release's title says attended, at the
    meeting the title names, or else at the release's main meeting when that meeting is of the
    post's level (a minister at a ministers' meeting): the title tells of what the body reports."""
    title = Span(*ctx.release.title_span)
    main = ctx.main_meeting()
    out = []
    for fact in _post_attendance(ctx, title, holders):
        named = any(m.ref == fact.meeting for m in ctx.meetings_in(title))
        if named or (main is not None and fact.meeting == main.ref and _same_level(ctx, fact.participant, main)):
            out.append(AttendanceFact(fact.meeting, fact.participant, fact.role, fact.quote, rule="attendance-title"))
    return out


def _same_level(ctx: TextContext, post: Ref, meeting: MeetingMention) -> bool:
    held = ctx.gazetteer.get("post", post.key) if post.kind == "post" else None
    series = ctx.gazetteer.get("series", meeting.series) if meeting.series else None
    return bool(held and series and held.get("level") and held.get("level") == series.get("level"))


def partners_of_adopted(ctx: TextContext, decisions: list[DecisionFact], docs: list[DocumentFact], known: list[AttendanceFact]) -> list[AttendanceFact]:
    """``ได้มีการหารือร่วมกับคู่เจรจาของอาเซียน เพื่อรับรองแผนงานความร่วมมือด้านดิจิทัลระหว่างอาเซียน
    กับจีนและอินเดีย``: the other parties of an instrument between the partners' organisation and
    them, taken by a session with the dialogue partners, are the partners that met there, unless
    the release names the session's partners itself (thaigov-53535: the session with China and
    India endorsed the ASEAN-Japan work plan; Japan was not there)."""
    named = {a.meeting for a in known if a.role == "dialogue-partner"}
    out = []
    for d in decisions:
        if d.decided_by in named or d.decision == "pending":
            continue
        entry = ctx.gazetteer.get("series", next((m.series for m in ctx.meetings if m.ref == d.decided_by), ""))
        org = entry.get("partners_of_org") if entry else None
        if not org:
            continue
        for doc in (doc for doc in docs if doc.document == d.target):
            title = ctx.text[doc.quote.start : doc.quote.end]
            intro = next((i for w in ctx.rules.cue("parties_intro") if (i := title.find(w)) != -1), -1)
            named = ctx.gazetteer.only("country", "org").find(title[intro:]) if intro != -1 else []
            if not named or (named[0].kind, named[0].id) != ("org", org):
                continue  # not an instrument between the organisation and others
            for c in named[1:]:
                country = ctx.gazetteer.get("country", c.id) if c.kind == "country" else None
                if country and not country.get("asean_member"):
                    end = doc.quote.start + intro + c.end
                    out.append(AttendanceFact(d.decided_by, Ref("country", c.id), "dialogue-partner", ctx.quote(Span(doc.quote.start, end)), rule="attendance-partner-of-instrument"))
    return out


def _partners_in_name(ctx: TextContext) -> list[AttendanceFact]:
    """``การประชุมรัฐมนตรีอาเซียนด้านดิจิทัลและสาธารณรัฐประชาชนจีน``: a country named inside the
    name of a session with the dialogue partners is the partner that met there."""
    out = []
    for m in ctx.meetings:
        entry = ctx.gazetteer.get("series", m.series)
        if not (entry and entry.get("with_partners_of")):
            continue
        for c in ctx.gazetteer.only("country").find(ctx.text[m.span.start : m.span.end]):
            country = ctx.gazetteer.get("country", c.id)
            if country and not country.get("asean_member"):
                out.append(AttendanceFact(m.ref, Ref("country", c.id), "dialogue-partner", ctx.quote(m.span), rule="attendance-partner-in-name"))
    return out


def _signers(ctx: TextContext, line: Span, holders: dict[int, tuple[Ref, int]]) -> list[AttendanceFact]:
    """``นาย... รัฐมนตรีว่าการกระทรวง... ได้ร่วมลงนาม<document> ... ในช่วงระหว่างการประชุม X``: who
    signed during a meeting took part in it, in the role of the post (named right before the
    signing word, no one else between)."""
    out = []
    for post in ctx.mentions_in(line, "post"):
        role = _post_role(ctx, post.id)
        sign = next(iter(ctx.find_cues("signer", Span(post.end, min(line.end, post.end + _SAID_WITHIN)))), None)
        if role is None or sign is None or ctx.mentions_in(Span(post.end, sign.start), "post", "person"):
            continue
        owner = next((m for m in ctx.meetings_in(Span(sign.end, line.end), venues_only=True) if m.meeting_class != "CabinetMeeting" and _cue_before(ctx, m.span.start, "held_during")), None)
        if owner is None or ctx.mentions_in(Span(sign.end, owner.span.start), "post", "person"):
            continue
        who, named_at = holders.get(post.start, (ctx.ref(post), post.start))
        out.append(AttendanceFact(owner.ref, who, role, ctx.quote(Span(min(named_at, post.start), sign.end)), rule="attendance-signer"))
    return out


def _role_lists(ctx: TextContext, line: Span) -> list[AttendanceFact]:
    """Countries and organisations listed after a role cue, in a sentence about attending
    (``โดยมี...ประเทศคู่เจรจา [สาธารณรัฐประชาชนจีน (จีน) และ...] ...เข้าร่วมประชุมฯ``), or in the
    name of the session they held (``ครั้งที่ 2 กับคู่เจรจา (จีนและอินเดีย)``)."""
    out = []
    attending = bool(ctx.find_cues("attendance", line))
    for role, cue in _role_cues(ctx, line):
        named_in = next((m for m in ctx.meetings_in(line) if m.span.start <= cue.start and cue.end <= m.span.end), None)
        owner = named_in or (_attended_meeting(ctx, cue.start, line) if attending else None)
        if owner is None or owner.meeting_class == "CabinetMeeting":
            continue
        for member in _listed_after(ctx, cue.end, line):
            out.append(AttendanceFact(owner.ref, ctx.ref(member), role, ctx.quote(cue, Span(member.start, member.end))))
    return out


def _role_cues(ctx: TextContext, line: Span) -> list[tuple[str, Span]]:
    """(role, cue) for each role cue in ``line``, longest first: ``ประเทศคู่เจรจาของอาเซียน``,
    not also the ``คู่เจรจา`` inside it."""
    found: list[tuple[str, Span]] = []
    forms = sorted(((f, role.id) for role in ctx.gazetteer.of_kind("role") for f in role.forms() if f), key=lambda x: -len(x[0]))
    for form, role in forms:
        for cue in _occurrences(ctx, form, line):
            if not any(s.start <= cue.start and cue.end <= s.end for _, s in found):
                found.append((role, cue))
    return sorted(found, key=lambda x: x[1].start)


def _chairs(ctx: TextContext, line: Span) -> list[AttendanceFact]:
    """``โดยมีมาเลเซีย ทำหน้าที่ประธานการประชุมฯ``: the member state that chaired attended. A
    country in brackets only glosses the post before it (``รัฐมนตรี...เมียนมา (มียนมา) เป็นประธาน``)."""
    out = []
    for cue in ctx.find_cues("chair", line):
        country = next((c for c in reversed(ctx.mentions_in(Span(line.start, cue.start), "country")) if cue.start - c.end <= 3), None)
        if country is None or ctx.text[country.end : cue.start].strip() or ctx.text[max(line.start, country.start - 1) : country.start] == "(":
            continue
        entry = ctx.gazetteer.get("country", country.id)
        owner = _attended(ctx, line, cue) or _attended_meeting(ctx, cue.start, line)
        if owner and entry and entry.get("asean_member"):
            out.append(AttendanceFact(owner.ref, ctx.ref(country), "member-state", ctx.quote(Span(country.start, cue.end)), rule="attendance-chair"))
    return out


_WITH_WITHIN = 60  # a secretariat named this close after ``ร่วมด้วย``, with no one else between


def _secretariats(ctx: TextContext, line: Span) -> list[AttendanceFact]:
    """``โดยมีผู้แทนจากประเทศสมาชิกอาเซียน... ร่วมด้วยสำนักเลขาธิการอาเซียน``: a secretariat
    (an organisation of that type) named among those present in a sentence about attending."""
    if not (ctx.find_cues("attendance", line) or ctx.find_cues("delegation", line)):
        return []
    out = []
    for body in ctx.mentions_in(line, "org"):
        entry = ctx.gazetteer.get("org", body.id)
        if entry is None or entry.get("type") != "secretariat":
            continue
        cue = next(iter(reversed(ctx.find_cues("present_with", Span(max(line.start, body.start - _WITH_WITHIN), body.start)))), None)
        if cue is None:
            continue
        roles = [span for _, span in _role_cues(ctx, line)]
        others = [m for m in ctx.mentions_in(Span(cue.end, body.start), "org", "person", "post") if not any(r.start <= m.start and m.end <= r.end for r in roles)]
        if others:
            continue  # someone else is named between (``ผู้แทนจากประเทศสมาชิกอาเซียน`` is a role, not someone)
        owner = _attended_meeting(ctx, cue.start, line)
        if owner:
            out.append(AttendanceFact(owner.ref, ctx.ref(body), "secretariat", ctx.quote(Span(cue.start, body.end)), rule="attendance-secretariat"))
    return out


def _host_bodies(ctx: TextContext, line: Span) -> list[AttendanceFact]:
    """``กระทรวงการสื่อสารและสารสนเทศแห่งสาธารณรัฐสิงคโปร์ (...) จะเป็นเจ้าภาพจัดการประชุม X``:
    the ministry that hosts takes part, as host (a host country is a property of the meeting)."""
    out = []
    for cue, body, owner in _hosts_named(ctx, line):
        if body.kind == "org":
            out.append(AttendanceFact(owner.ref, ctx.ref(body), "host", ctx.quote(Span(body.start, body.end), cue), rule="attendance-host"))
    return out


def _attends_a_talk(ctx: TextContext, line: Span) -> bool:
    return any(ctx.find_cues("bilateral", Span(cue.end, min(line.end, cue.end + 40))) for cue in ctx.find_cues("attendance", line))


def _attended(ctx: TextContext, line: Span, cue: Span) -> MeetingMention | None:
    """``เข้าร่วมการประชุม ADGSOM ครั้งที่ 3``: the meeting named right after an attendance cue."""
    return next((m for m in ctx.meetings_in(line, venues_only=True) if cue.start <= m.span.start <= cue.end + 12 and m.meeting_class != "CabinetMeeting"), None)


def _holder_for_post(ctx: TextContext, facts: list[AttendanceFact], holders: dict[int, tuple[Ref, int]]) -> list[AttendanceFact]:
    """A post and its named holder at the same meeting are one attendee: keep the person."""
    posts_held = {(f.meeting, post.key) for f in facts for start, (person, _) in holders.items() if f.participant == person
                  for post in [ctx.ref(m) for m in ctx.mentions if m.start == start]}
    return [f for f in facts if (f.meeting, f.participant.key) not in posts_held or f.participant.kind != "post"]


def _post_attendance(ctx: TextContext, line: Span, holders: dict[int, tuple[Ref, int]]) -> list[AttendanceFact]:
    """A post holder who attended: ``เลขาธิการอาเซียนเข้าร่วมประชุม``, or who spoke
    ``ในระหว่างการประชุม ADGSOM ครั้งที่ 3``. When the text names the holder right before
    the post (``holders``: post start -> person), the person is the attendee."""
    out = []
    for post in ctx.mentions_in(line, "post"):
        role = _post_role(ctx, post.id)
        if not role:
            continue
        during = ctx.cue_at(post.end, "during")
        if during:
            owner = next((m for m in ctx.meetings if during.start < m.span.start <= during.end + 2), None)
            quote = ctx.quote(Span(post.start, owner.span.end)) if owner else None
        elif cues := _own_attendance_cues(ctx, post, line, holders) or ctx.find_cues("attendance", Span(line.start, post.start)):
            owner = _attended(ctx, line, cues[0]) or ctx.meeting_before(post.start, line, venues_only=True) or ctx.main_meeting()
            said = cues[0].end if post.end <= cues[0].start <= post.end + _SAID_WITHIN else post.end
            quote = ctx.quote(Span(post.start, said))  # the post, and the words saying it attended
        else:
            continue
        if owner and quote and owner.meeting_class != "CabinetMeeting":
            who, named_at = holders.get(post.start, (ctx.ref(post), post.start))
            if named_at < post.start:
                quote = ctx.quote(Span(named_at, quote.end))
            out.append(AttendanceFact(owner.ref, who, role, quote, rule="attendance-post"))
            if (country := _country_having(ctx, post)) and role == "member-state":
                out.append(AttendanceFact(owner.ref, ctx.ref(country), role, ctx.quote(Span(country.start, quote.end)), rule="attendance-post-country"))
    return out


def _country_having(ctx: TextContext, post: Mention) -> Mention | None:
    """``ประเทศไทยมีรัฐมนตรีว่าการ...เข้าร่วมการประชุมฯ``: the member state whose post attended."""
    for cue in ctx.rules.cue("country_has"):
        start = post.start - len(cue)
        if start > 0 and ctx.text[start : post.start] == cue:
            country = next((c for c in ctx.mentions if c.kind == "country" and c.end == start), None)
            entry = ctx.gazetteer.get("country", country.id) if country else None
            return country if entry and entry.get("asean_member") else None
    return None


_SAID_WITHIN = 200  # an attendance cue this close after a post is quoted with it


def _own_attendance_cues(ctx: TextContext, post: Mention, line: Span, holders: dict[int, tuple[Ref, int]]) -> list[Span]:
    """The attendance cues after ``post`` that say its holder attended: those before any other
    participant is named (``นายชัยวุฒิ รัฐมนตรี... เปิดเผยถึงการประชุม X โดยมีนางสาวอัจฉรินทร์
    ปลัดกระทรวง... ร่วมประชุม``: the Permanent Secretary attended), unless the other one is named
    as coming with the holder (``... พร้อมด้วย <person> <post> เข้าร่วมการประชุม``)."""
    named = sorted({named_at for _, named_at in holders.values()} | {m.start for m in ctx.mentions_in(line, "post", "person")})
    cues = ctx.find_cues("attendance", Span(post.end, line.end))
    other = next((start for start in named if start >= post.end), None)
    if other is None or ctx.find_cues("accompanied_by", Span(post.end, other + 1)):
        return cues
    return [c for c in cues if c.start < other]


def _post_role(ctx: TextContext, post_id: str) -> str | None:
    """The role a post's holder attends in: the post's own, or member state for a post that
    leads delegations (it has a level) in an ASEAN member's government."""
    entry = ctx.gazetteer.get("post", post_id)
    if entry is None:
        return None
    if entry.get("attendance_role"):
        return str(entry.get("attendance_role"))
    if not entry.get("level"):
        return None
    org = ctx.gazetteer.get("org", str(entry.get("organisation")))
    country = ctx.gazetteer.get("country", str(org.get("country"))) if org and org.get("country") else None
    return "member-state" if country and country.get("asean_member") else None


def _accompanying(ctx: TextContext, line: Span, out: list[AttendanceFact], people: dict[int, Ref], holders: dict[int, tuple[Ref, int]]) -> list[AttendanceFact]:
    """``พร้อมด้วย <person>``: someone who came with an attendee, in the same role; and those
    joined to them (``พร้อมด้วย <person> <post> และ <person> <post> เข้าร่วมประชุมด้วย``)."""
    found = []
    for cue in ctx.find_cues("accompanied_by", line):
        first = next((a for a in out if line.start <= a.quote.start < cue.start), None)
        named = next(((start, ref) for start, ref in sorted(people.items()) if cue.end <= start <= cue.end + 30), None)
        if not (first and named):
            continue
        found.append(AttendanceFact(first.meeting, named[1], first.role, ctx.quote(cue, Span(cue.end, cue.end + 1)), rule="attendance-accompanying"))
        for joined, quote in _joined_people(ctx, named[0], line, people, holders):
            found.append(AttendanceFact(first.meeting, joined, first.role, quote, rule="attendance-accompanying"))
    return found


def _joined_people(ctx: TextContext, start: int, line: Span, people: dict[int, Ref], holders: dict[int, tuple[Ref, int]]) -> list[tuple[Ref, Span]]:
    """The people joined by the conjunction to the person named (with a post) at ``start``:
    each right after the post of the one before (``<person> <post> และ <person> <post>``), so
    the list is one of people only."""
    out: list[tuple[Ref, Span]] = []
    post_after = {named_at: post for post, (_, named_at) in holders.items()}
    while (post_start := post_after.get(start)) is not None:
        post = next((m for m in ctx.mentions_in(line, "post") if m.start == post_start), None)
        conjunction = ctx.cue_at(post.end, "conjunction") if post else None
        nxt = _name_after(ctx, conjunction.end, post_after) if conjunction else None
        if nxt is None or nxt not in people:
            break
        name_end = post_after[nxt]
        out.append((people[nxt], ctx.quote(conjunction, Span(nxt, name_end))))  # type: ignore[arg-type]
        start = nxt
    return out


def _name_after(ctx: TextContext, offset: int, names: dict[int, int]) -> int | None:
    """Where a name in ``names`` starts right at ``offset``: white space and an honorific
    (``นาย ``) at most before it."""
    pos = ctx.skip_space(offset)
    for honorific in ctx.rules.honorifics:
        if ctx.text.startswith(honorific, pos) and ctx.skip_space(pos + len(honorific)) in names:
            return ctx.skip_space(pos + len(honorific))
    return pos if pos in names else None


def _delegation_attendance(ctx: TextContext, line: Span) -> list[AttendanceFact]:
    """``คณะผู้แทนไทย`` / ``ผู้แทนประเทศไทย``: the country whose delegation was at the meeting."""
    out = []
    for cue in ctx.find_cues("delegation", line):
        country = ctx.mention_at(cue.end, "country")
        if country is None:
            continue
        attended = ctx.find_cues("attendance", Span(country.end, line.end))
        owner = (attended and _attended(ctx, line, attended[0])) or ctx.meeting_before(cue.start, line, venues_only=True) or ctx.main_meeting()
        entry = ctx.gazetteer.get("country", country.id)
        if owner and entry and owner.meeting_class != "CabinetMeeting":
            role = "member-state" if entry.get("asean_member") else "guest"
            out.append(AttendanceFact(owner.ref, ctx.ref(country), role, ctx.quote(cue, Span(country.start, country.end)), rule="attendance-delegation"))
    return out


def _presenters(ctx: TextContext, line: Span) -> list[AttendanceFact]:
    """``ที่ประชุมยังได้รับทราบ... โดยประเทศไทยได้นำเสนอ...``: a member state that presented something
    to the meeting its line names (or calls 'the meeting') attended it."""
    out = []
    for cue in ctx.find_cues("presented", line):
        country = next((m for m in ctx.mentions_in(Span(line.start, cue.start), "country") if not ctx.text[m.end : cue.start].strip()), None)
        entry = ctx.gazetteer.get("country", country.id) if country else None
        owner = _attended_meeting(ctx, cue.start, line) if entry and entry.get("asean_member") else None
        if owner:
            out.append(AttendanceFact(owner.ref, ctx.ref(country), "member-state", ctx.quote(Span(country.start, cue.end)), rule="attendance-presenter"))  # type: ignore[union-attr]
    return out


def _occurrences(ctx: TextContext, form: str, span: Span) -> list[Span]:
    chunk = ctx.text[span.start : span.end]
    out, start = [], 0
    while (i := chunk.find(form, start)) != -1:
        out.append(Span(span.start + i, span.start + i + len(form)))
        start = i + len(form)
    return out


def _listed_after(ctx: TextContext, offset: int, line: Span) -> list[Mention]:
    """Countries/organisations in brackets (``(...)``, ``[...]``) or a ``คือ``/``ได้แก่`` list
    right after a cue."""
    pos = ctx.skip_space(offset)
    if ctx.text[pos : pos + 1] in _CLOSING:
        close = _closing(ctx.text, pos, line.end)
        return ctx.mentions_in(Span(pos, close), "country", "org") if close != -1 else []
    intro = ctx.cue_at(pos, "list_intro")
    if intro:
        end = min([i for i in (ctx.text.find(" ซึ่ง", intro.end, line.end), ctx.text.find(" โดย", intro.end, line.end)) if i != -1] or [line.end])
        return ctx.mentions_in(Span(intro.end, end), "country", "org")
    return []


_CLOSING = {"(": ")", "[": "]"}


def _closing(text: str, pos: int, end: int) -> int:
    """The offset of the bracket closing the one at ``pos`` (brackets nest: ``[จีน (จีน) ...]``), or -1."""
    depth, opening, closing = 0, text[pos], _CLOSING[text[pos]]
    for i in range(pos, end):
        if text[i] == opening:
            depth += 1
        elif text[i] == closing:
            depth -= 1
            if depth == 0:
                return i
    return -1


def _unique(facts: list[AttendanceFact]) -> list[AttendanceFact]:
    """One attendance per meeting and participant, in the role first found; each further
    statement of it in that role, elsewhere in the text, adds its quote."""
    kept: dict[tuple[Ref, Ref], list[AttendanceFact]] = {}
    out = []
    for f in facts:
        same = kept.setdefault((f.meeting, f.participant), [])
        if same and (same[0].role != f.role or any(k.quote.start < f.quote.end and f.quote.start < k.quote.end for k in same)):
            continue
        same.append(f)
        out.append(f)
    return out


# ---------------------------------------------------------------- relations


def relations(ctx: TextContext) -> list[RelationFact]:
    """Meetings held during another (``ในระหว่างการประชุม ADGSOM ครั้งที่ 3``) are part of the
    release's main meeting when it announces "and related meetings"; a with-partners meeting
    is related to the meeting it accompanies."""
    out: list[RelationFact] = []
    main = ctx.main_meeting()
    if main is None:
        return out
    has_related = bool(ctx.find_cues("related_meetings", Span(ctx.body_start, len(ctx.text))))
    for m in ctx.meetings:
        if m.ref == main.ref or m.meeting_class == "CabinetMeeting":
            continue
        entry = ctx.gazetteer.get("series", m.series)
        if entry and entry.get("with_partners_of") == main.series and m.ordinal == main.ordinal:
            out.append(RelationFact(m.ref, "related", main.ref, ctx.quote(m.span), rule="with-partners-meeting"))
            continue
        during = _cue_before(ctx, m.span.start, "during")
        if during and has_related and m.meeting_class == "SeniorOfficialsMeeting" and m.ordinal == main.ordinal and not _coordinated_with(ctx, m, main):
            out.append(RelationFact(m.ref, "part-of", main.ref, ctx.quote(during, m.span), rule="held-during"))
    return _unique_relations(out)


def _coordinated_with(ctx: TextContext, m: MeetingMention, other: MeetingMention) -> bool:
    """``ระหว่างการประชุม ADGSOM ครั้งที่ 3 (...) และการประชุม ADGMIN ครั้งที่ 3``: the two are named
    side by side as the occasion, neither held during the other."""
    pos = m.span.end
    if bracket := _PAREN.match(ctx.text, pos):
        pos = bracket.end()
    pos = ctx.skip_space(pos)
    if not ctx.text.startswith(ctx.rules.cue("conjunction"), pos):
        return False
    return any(n.ref == other.ref and pos < n.span.start <= pos + _COORDINATED_REACH for n in ctx.meetings)


def _cue_before(ctx: TextContext, offset: int, name: str) -> Span | None:
    """A cue ending right before ``offset``, or overlapping the start of the name there."""
    for phrase in ctx.rules.cue(name):
        window = ctx.text[max(offset - len(phrase) - 2, 0) : offset + len(phrase)]
        i = window.find(phrase)
        if i != -1:
            start = max(offset - len(phrase) - 2, 0) + i
            if start < offset and not ctx.text[start + len(phrase) : offset].strip():
                return Span(start, start + len(phrase))
    return None


def _unique_relations(facts: list[RelationFact]) -> list[RelationFact]:
    seen, out = set(), []
    for f in facts:
        if (f.subject, f.relation, f.other) not in seen:
            seen.add((f.subject, f.relation, f.other))
            out.append(f)
    return out
