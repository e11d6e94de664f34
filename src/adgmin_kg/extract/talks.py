"""Bilateral talks: with whom, at which level, on which topics, during which meeting."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from adgmin_kg.extract.context import MeetingMention, TextContext
from adgmin_kg.facts import DecisionFact, Quoted, Ref, Span, SupportFact, TalkFact
from adgmin_kg.gazetteer import Mention
from adgmin_kg.thaitext import ascii_digits, find_dates

_ROW_MARK = re.compile(r"^\s*(?:[0-9]{1,3}(?:\s*\.\s*[0-9]{1,3})+\s*\.?|\(\s*[0-9]{1,3}\s*\))\s*")  # ``7.1 ``, ``(1) ``
_ITEM_MARK = re.compile(r"^\s*(?:[0-9]{1,3}(?:\s*\.\s*[0-9]{1,3})*\s*[.)]|\(\s*[0-9]{1,3}\s*\))")
_CELL_MAX = 40  # a table cell naming a partner holds little else
_ACTOR_REACH = 50  # ``...ในฐานะหัวหน้าคณะผู้แทนไทยได้เข้าร่วมการประชุม``: what may stand between a talk's home actor and its cue
_CALLED_REACH = 100  # ``เข้าพบ นาย... รัฐมนตรีว่าการกระทรวง... เวียดนาม``: the side called on is named this close after the cue
_DAY_REACH = 20  # ``สปป.ลาวเอาไว้เมื่อวันที่``: a talk's day follows its other side this close
_ATTENDED_REACH = 40  # ``ได้เข้าร่วมและทำหน้าที่รองประธาน|การประชุม X``: the meeting taken part in follows its cue this close


def home_country(ctx: TextContext) -> Ref | None:
    """The side the release speaks for: the country of its publisher (Thailand here)."""
    entry = ctx.gazetteer.publisher(ctx.release.meta.publisher)
    country = entry.get("country") if entry else None
    return Ref("country", str(country)) if country else None


def _partners_of(ctx: TextContext, series: str | None) -> Ref | None:
    """The organisation whose dialogue partners meet in a series (``partners_of_org``)."""
    entry = ctx.gazetteer.get("series", series) if series else None
    org = entry.get("partners_of_org") if entry else None
    return Ref("org", str(org)) if org else None


def talk_key(context: Ref | None, day: dt.date | None, parties: tuple[Ref, Ref]) -> str:
    """A talk is identified by where it happened (a meeting) or, outside a meeting, when, and
    by its two sides: ``adgmin-3-talk-japan-thailand``, ``talk-2024-05-30-singapore-thailand``."""
    a, b = sorted(p.key for p in parties)
    prefix = f"{context.key}-talk" if context else f"talk-{day.isoformat()}"  # type: ignore[union-attr]
    return f"{prefix}-{a}-{b}"


def side(ctx: TextContext, mention: Mention, home: Ref) -> Ref | None:
    """The side a country or organisation named in a talk stands for: a country for itself, a
    ministry or agency for its country; None for the home side, for ASEAN and its own bodies
    (ASEAN as a whole is no party to a bilateral talk) and for what is no party at all."""
    if mention.kind == "country":
        return None if mention.id == home.key else ctx.ref(mention)
    entry = ctx.gazetteer.get("org", mention.id)
    if entry is None or mention.id == "asean" or entry.get("part_of") == "asean" or entry.get("type") == "secretariat":
        return None
    if entry.get("country"):
        country = str(entry.get("country"))
        return None if country == home.key else Ref("country", country)
    if entry.get("type") in ("intergovernmental", "business", "other"):
        return ctx.ref(mention)
    return None


def _is_place(ctx: TextContext, mention: Mention) -> bool:
    """``ณ เกาะโบราเคย์ สาธารณรัฐฟิลิปปินส์``: a country named as where something happened."""
    before = ctx.text[max(0, mention.start - 60) : mention.start]
    for cue in ctx.rules.cue("place"):
        at = before.rfind(cue + " ")
        if at == -1:
            at = before.rfind(cue + "\u00a0")
        if at == -1:
            continue
        between = Span(mention.start - len(before) + at + len(cue), mention.start)
        rest = ctx.text[between.start : between.end]
        for place in ctx.mentions_in(between, "place", "country"):
            rest = rest.replace(ctx.text[place.start : place.end], "")
        if not rest.strip():
            return True
    return False


def _partners(ctx: TextContext, region: Span, home: Ref) -> list[tuple[Ref, Mention]]:
    """The other sides named in a talk's clause: the ``คือ``/``ได้แก่`` list when there is one,
    else every country or organisation there (not those named as the place), one per side."""
    intros = ctx.find_cues("list_intro", region)
    mentions = [m for m in ctx.mentions_in(region, "country", "org") if not _is_place(ctx, m)]
    if intros:
        listed = [m for m in mentions if m.start >= intros[0].end and m.start - intros[0].end < 120]
        if listed:
            mentions = listed
    out: dict[Ref, Mention] = {}
    for m in mentions:
        other = side(ctx, m, home)
        if other is not None:
            out.setdefault(other, m)
    return list(out.items())


def _level(ctx: TextContext, region: Span, context: MeetingMention | None) -> str | None:
    for post in ctx.mentions_in(region, "post"):
        entry = ctx.gazetteer.get("post", post.id)
        if entry and entry.get("level"):
            return str(entry.get("level"))
    if context:
        entry = ctx.gazetteer.get("series", context.series)
        if entry and entry.get("level"):
            return str(entry.get("level"))
    return None


def _where(ctx: TextContext, line: Span, region: Span) -> MeetingMention | None:
    """The meeting a talk was held at: named in its clause, or the section's meeting when the
    clause says "this meeting" (``ในการประชุมครั้งนี้``)."""
    named = [m for m in ctx.meetings_in(region, venues_only=True) if m.meeting_class != "CabinetMeeting"]
    if named:
        return named[0]
    if ctx.find_cues("this_meeting", Span(line.start, region.end)):
        return ctx.main_meeting()
    return _attended_just_before(ctx, line)


def _attended_just_before(ctx: TextContext, line: Span) -> MeetingMention | None:
    """``ทั้งนี้ ได้มีการหารือทวิภาคีกับ...``: a paragraph that opens by tying itself to the one
    before, when that one reports taking part in a meeting (``ได้เข้าร่วม...การประชุม X``),
    reports talks held there. A line naming a meeting, an occasion (``ในห้วงการประชุม...``) or a
    day of its own is not read so."""
    if not ctx.cue_at(line.start, "continuing") or ctx.meetings_in(line) or ctx.find_cues("own_occasion", line) or find_dates(ctx.text[line.start : line.end], ctx.rules):
        return None
    lines = ctx.body_lines()
    at = next((i for i, s in enumerate(lines) if s.start == line.start), 0)
    if at == 0:
        return None
    before = lines[at - 1]
    for cue in ctx.find_cues("attendance", before):
        after = [m for m in ctx.meetings_in(Span(cue.end, before.end), venues_only=True) if m.meeting_class != "CabinetMeeting"]
        if after and after[0].span.start - cue.end <= _ATTENDED_REACH:
            return after[0]
    return None


def _when(ctx: TextContext, line: Span, cue: Span) -> Quoted[dt.date] | None:
    """The day of a talk outside a meeting: the single date its passage gives before the talk
    (``เมื่อวันที่ 30 พฤษภาคม 2567 ... หารือทวิภาคี``), if it is not after the release."""
    before = [d for d in find_dates(ctx.text[line.start : cue.start], ctx.rules) if d.last is None]
    if len(before) != 1:
        return None
    d = before[0]
    if d.first > ctx.release.issued:
        return None
    return Quoted(d.first, Span(line.start + d.start, line.start + d.end))


def _planned(ctx: TextContext, line: Span, cue: Span) -> bool:
    """``จะเดินทางไป... เพื่อหารือทวิภาคี``: a talk still to come is no talk yet."""
    clause = ctx.text[max(line.start, cue.start - 120) : cue.start]
    return any(word in clause for word in ctx.rules.cue("future"))


def talks(ctx: TextContext) -> list[TalkFact]:
    """Bilateral talks of the home side (the publisher's country) with each other side named,
    at the meeting or on the day the passage gives; a talk with neither is not minted."""
    out: list[TalkFact] = []
    home = home_country(ctx)
    if home is None:
        return out
    for line in ctx.body_lines():
        cues = ctx.find_cues("bilateral", line)
        for i, cue in enumerate(cues):
            start = cues[i - 1].end if i else line.start
            end = cues[i + 1].start if i + 1 < len(cues) else line.end
            for stop in ctx.find_cues("talk_clause_end", Span(cue.end, end)):
                end = stop.start
                break
            region = Span(start, end)
            # the clause before the cue of a later talk belongs to the earlier one
            if i:
                for stop in ctx.find_cues("talk_clause_end", Span(start, cue.start)):
                    region = Span(stop.end, end)
            if _planned(ctx, line, cue):
                continue
            partners = _partners(ctx, region, home)
            if not partners:
                continue
            context = _where(ctx, line, region)
            day = None if context else _when(ctx, line, cue)
            if context is None and day is None:
                continue
            level = _level(ctx, region, context)
            topics = _topics_in(ctx, Span(cue.end, end))
            for partner, named in partners:
                parties = (home, partner)
                ref = Ref("meeting", talk_key(context.ref if context else None, day.value if day else None, parties))
                named_there = context is not None and region.start <= context.span.start and context.span.end <= region.end
                where = ctx.quote(Span(named.start, named.end), context.span) if named_there else None  # type: ignore[union-attr]
                actors = _actors(ctx, line, cue, region, home, partner)
                out.append(TalkFact(ref, context.ref if context else None, parties, level, ctx.quote(cue, Span(named.start, named.end)), topics, day=day, context_quote=where, actors=actors))
    out += [t for t in _dated_talks(ctx, home) + _calls(ctx, home) if t.talk not in {o.talk for o in out}]
    return out


def _topics_in(ctx: TextContext, span: Span) -> tuple[Quoted[str], ...]:
    """The topics a talk's clause names, also inside the title of a known document it talks
    about (``ได้หารือและติดตามการดำเนินการภายใต้บันทึกความเข้าใจ...ว่าด้วยความร่วมมือด้านการปราบปราม
    แก๊ง Call Center และ Hybrid Scam``): what the document is on is what the talk was on."""
    found = [(t.start, t.id, Span(t.start, t.end)) for t in ctx.mentions_in(span, "topic")]
    for doc in ctx.mentions_in(span, "document"):
        for t in ctx.gazetteer.only("topic", "org", "country").find(ctx.text[doc.start : doc.end]):
            if t.kind == "topic":  # not a word of a ministry's name (``กระทรวงการไปรษณีย์และโทรคมนาคม``)
                found.append((doc.start + t.start, t.id, Span(doc.start + t.start, doc.start + t.end)))
    return tuple(Quoted(key, ctx.quote(where)) for _, key, where in sorted(found, key=lambda f: f[0]))


def signed_at_talks(ctx: TextContext, decisions: list[DecisionFact], talk_facts: list[TalkFact]) -> list[DecisionFact]:
    """``กระทรวงดีอี เคยได้หารือกับทาง สปป.ลาวเอาไว้เมื่อวันที่ 15 มกราคม 2568 ที่ผ่านมาและได้ลงนามบันทึก
    ความร่วมมือ...``: a document signed on the day of a talk outside a meeting, in the line that
    reports the talk and after it, was signed at the talk (by its two sides), not by the one side
    the sentence opens with."""
    out = []
    for d in decisions:
        talk = None
        if d.decision == "signed" and d.date is not None:
            line = ctx.line_of(d.quote.start)
            talk = next((t for t in talk_facts if t.day and t.day.value == d.date.value and ctx.line_of(t.quote.start) == line and t.quote.end <= d.quote.start), None)
        out.append(replace(d, decided_by=talk.talk, rule="signed-at-talk") if talk else d)
    return out


def _calls(ctx: TextContext, home: Ref) -> list[TalkFact]:
    """``เมื่อวันที่ 20 พฤษภาคม 2565 นาย... รัฐมนตรีว่าการกระทรวงดิจิทัลฯ เดินทางเข้าพบ นาย... รัฐมนตรีว่าการ
    กระทรวงเทคโนโลยีสารสนเทศ (ICT) เวียดนาม``: a call on the other side is a talk with it, on the day
    the line gives before the cue. The side called on is the first one named after the cue, within
    ``_CALLED_REACH``; a call on the home side's own (``เข้าพบนายกรัฐมนตรี``) is none."""
    out: list[TalkFact] = []
    for line in ctx.body_lines():
        for cue in ctx.find_cues("call_on", line):
            called = next(iter(ctx.mentions_in(Span(cue.end, min(line.end, cue.end + _CALLED_REACH)), "country", "org", "post")), None)
            if called is None or called.kind == "post" or _is_place(ctx, called) or _planned(ctx, line, cue):
                continue
            partner = side(ctx, called, home)
            day = _when(ctx, line, cue)
            if partner is None or day is None:
                continue
            parties = (home, partner)
            ref = Ref("meeting", talk_key(None, day.value, parties))
            level = _level(ctx, Span(line.start, called.end), None)
            actors = _actors(ctx, line, cue, Span(cue.end, called.end), home, partner)
            out.append(TalkFact(ref, None, parties, level, ctx.quote(cue, Span(called.start, called.end)), day=day, rule="call-on", actors=actors))
    return out


def _dated_talks(ctx: TextContext, home: Ref) -> list[TalkFact]:
    """``กระทรวงดีอี เคยได้หารือกับทาง สปป.ลาวเอาไว้เมื่อวันที่ 15 มกราคม 2568``: a talk with one
    other side named right after the cue, on the single day that follows it. Without the word
    bilateral, only this tight shape is read: the side first, its day next."""
    out: list[TalkFact] = []
    for line in ctx.body_lines():
        for cue in ctx.find_cues("talk_with", line):
            at = cue.end
            if (word := ctx.cue_at(at, "talk_side")) is not None:
                at = word.end
            named = ctx.mention_at(at, "country", "org")
            partner = side(ctx, named, home) if named else None
            if named is None or partner is None or _planned(ctx, line, cue):
                continue
            day = _day_after(ctx, Span(named.end, min(line.end, named.end + _DAY_REACH)))
            if day is None:
                continue
            parties = (home, partner)
            ref = Ref("meeting", talk_key(None, day.value, parties))
            end = next(iter(ctx.find_cues("dated_talk_end", Span(day.quote.end, line.end))), Span(line.end, line.end)).start
            topics = _topics_in(ctx, Span(cue.end, end))
            actors = _actors(ctx, line, cue, Span(cue.end, day.quote.start), home, partner)
            out.append(TalkFact(ref, None, parties, None, ctx.quote(cue, Span(named.start, named.end)), topics, day=day, rule="dated-talk", actors=actors))
    return out


def _country_of(ctx: TextContext, mention: Mention) -> str | None:
    """The country a ministry, an agency or a post belongs to (a post through its organisation)."""
    kind, key = mention.kind, mention.id
    if kind == "post":
        post = ctx.gazetteer.get("post", key)
        kind, key = "org", str(post.get("organisation")) if post and post.get("organisation") else ""
    entry = ctx.gazetteer.get("org", key) if kind == "org" and key else None
    if entry is None:
        return None
    if entry.get("country"):
        return str(entry.get("country"))
    parent = ctx.gazetteer.get("org", str(entry.get("part_of"))) if entry.get("part_of") else None
    return str(parent.get("country")) if parent and parent.get("country") else None


def _actors(ctx: TextContext, line: Span, cue: Span, region: Span, home: Ref, partner: Ref) -> tuple[Quoted[Ref], ...]:
    """Who took part in a talk: for the home side, the post, person or ministry its clause opens
    with, right before the cue (``ปลัดกระทรวง... ในฐานะหัวหน้าคณะผู้แทนไทยได้เข้าร่วมการประชุมหารือ
    ทวิภาคี``, ``โดยกระทรวงดีอี เคยได้หารือกับ``); for the other side, a ministry or post of its
    country named in the clause (``...จากกระทรวงการสื่อสารและสารสนเทศแห่งสาธารณรัฐอินโดนีเซีย``)."""
    opener = _home_actor(ctx, line, cue, home)
    out: dict[Ref, Quoted[Ref]] = {opener.value: opener} if opener else {}
    for m in ctx.mentions_in(region, "org", "post"):
        if _country_of(ctx, m) == partner.key and not _is_place(ctx, m):
            out.setdefault(ctx.ref(m), Quoted(ctx.ref(m), ctx.quote(Span(m.start, m.end))))
    return tuple(out.values())


def _home_actor(ctx: TextContext, line: Span, cue: Span, home: Ref) -> Quoted[Ref] | None:
    """The home side's post, person or ministry standing right before a talk's cue: nothing but
    the home country's own name between them, at most ``_ACTOR_REACH`` characters."""
    before = [m for m in ctx.mentions_in(Span(line.start, cue.start)) if m.kind in ("country", "org", "post", "person", "place")]
    posts = [m for m in before if m.kind == "post" and _country_of(ctx, m) == home.key]
    orgs = [m for m in before if m.kind == "org" and _country_of(ctx, m) == home.key]
    actor = posts[-1] if posts else (orgs[-1] if orgs else None)
    if actor is None or cue.start - actor.end > _ACTOR_REACH:
        return None
    between = [m for m in before if m.start >= actor.end and not (m.kind == "country" and m.id == home.key) and _country_of(ctx, m) != home.key]
    if between:
        return None
    person = next((m for m in reversed(before) if m.kind == "person" and m.end <= actor.start and not ctx.text[m.end : actor.start].strip()), None)
    who = person or actor
    return Quoted(ctx.ref(who), ctx.quote(Span(who.start, who.end)))


def _day_after(ctx: TextContext, span: Span) -> Quoted[dt.date] | None:
    """The single past day a ``เมื่อวันที่`` in ``span`` gives, not after the release."""
    for cue in ctx.find_cues("past_day", span):
        start = ctx.skip_space(cue.end)
        dates = find_dates(ctx.text[start : start + 40], ctx.rules)
        if dates and dates[0].start == 0 and dates[0].last is None and dates[0].first <= ctx.release.issued:
            d = dates[0]
            return Quoted(d.first, Span(start + d.start, start + d.end))
    return None


def supports(ctx: TextContext) -> list[SupportFact]:
    """``ได้รับการสนับสนุนจาก<organisation> ... ในการ<topics>``, during the line's meeting."""
    out: list[SupportFact] = []
    home = home_country(ctx)
    if home is None:
        return out
    for line in ctx.body_lines():
        for cue in ctx.find_cues("support", line):
            supporter = ctx.mention_at(cue.end, "country", "org")
            if supporter is None or (supporter.kind == "country" and supporter.id == home.key):
                continue
            end = line.end
            for stop in ctx.find_cues("talk_clause_end", Span(supporter.end, line.end)):
                end = stop.start
                break
            clause = Span(supporter.end, end)
            # "ในการประชุมครั้งนี้ ... และได้รับการสนับสนุนจาก": coordinated with "this meeting"
            this_meeting = ctx.find_cues("this_meeting", Span(line.start, cue.start))
            meeting = (ctx.main_meeting() if this_meeting else ctx.meeting_before(cue.start, line)) or ctx.main_meeting()
            topics = tuple(
                Quoted(t.id, ctx.quote(Span(clause.start + t.start, clause.start + t.end)))
                for t in ctx.gazetteer.only("topic").find(ctx.text[clause.start : clause.end])
            )
            key = f"{meeting.ref.key + '-' if meeting else ''}{supporter.id}-{home.key}"
            out.append(SupportFact(Ref("support", key), ctx.ref(supporter), home, meeting.ref if meeting else None, ctx.quote(cue, Span(supporter.start, supporter.end)), topics))
    return out


def partner_rows(ctx: TextContext) -> tuple[list[SupportFact], list[Span]]:
    """``2.1 กิจกรรมความร่วมมือในปี 2563 ได้แก่`` then, row by row, a dialogue partner and what it
    carried out with ASEAN (a table: the partner's cell, then its activities; or numbered
    sub-items ``7.1 จีน จัดทำ...``), under the heading of a session with the dialogue partners:
    each row is that partner's support, reported at the session, on the row's topics. Also
    the rows' spans: their topics are the partners', not the session's."""
    out: list[SupportFact] = []
    spans: list[Span] = []
    home = home_country(ctx)
    if home is None:
        return out, spans
    lines = ctx.body_lines()
    for i, line in enumerate(lines):
        session = ctx.heading_meeting(line)
        if session is None or not _with_partners(ctx, session) or not ctx.find_cues("cooperation_activities", line):
            continue
        supported = _partners_of(ctx, session.series)
        if supported is None:
            continue
        for partner, named, row in _rows(ctx, lines[i + 1 :], home):
            topics = tuple(
                Quoted(t.id, ctx.quote(Span(t.start, t.end)))
                for t in ctx.mentions_in(row, "topic")
                if t.start >= named.end
            )
            key = f"{session.ref.key}-{partner.key}-{supported.key}"
            if any(s.support.key == key for s in out):
                continue  # the table's own header row (``คู่เจรจา | กิจกรรมความร่วมมือ``) heads the same rows again
            name = Span(named.start, min(named.end, ctx.line_of(named.start).end))  # a quote stays in its line (a table's cell)
            out.append(SupportFact(Ref("support", key), partner, supported, session.ref, ctx.quote(name), topics, rule="partner-row", deed_quote=_deed_quote(ctx, named, row)))
            spans.append(row)
    return out, spans


def _deed_quote(ctx: TextContext, named: Mention, row: Span) -> Span | None:
    """What a partner row says the partner did, as a second quote of its support: the first
    line after the partner's name (the next cell of a table, or the rest of a numbered
    sub-item's line). The name alone does not say the partner did anything."""
    rest = ctx.text[named.end : row.end]
    first = named.end + len(rest) - len(rest.lstrip())
    if first >= row.end:
        return None
    return ctx.quote(Span(first, ctx.line_of(first).end))


def _with_partners(ctx: TextContext, meeting: MeetingMention) -> bool:
    entry = ctx.gazetteer.get("series", meeting.series)
    return bool(entry and entry.get("with_partners_of"))


def _rows(ctx: TextContext, lines: list[Span], home: Ref) -> list[tuple[Ref, Mention, Span]]:
    """The rows after a list's heading: each starts at a line that opens with a partner's name
    (a cell holding only the name, or a numbered sub-item) and runs to the next row; the list
    ends at a numbered item that names no partner first."""
    rows: list[tuple[Ref, Mention, Span]] = []
    for line in lines:
        opening = _opening_partner(ctx, line, home)
        if opening:
            rows.append((opening[0], opening[1], line))
        elif _ITEM_MARK.match(ascii_digits(ctx.text[line.start : line.end])):
            break
        elif rows:
            partner, named, row = rows[-1]
            rows[-1] = (partner, named, Span(row.start, line.end))
    return rows


def _opening_partner(ctx: TextContext, line: Span, home: Ref) -> tuple[Ref, Mention] | None:
    """The other side a row opens with: a country or organisation named first in a numbered
    sub-item, or a cell that is (the start of) its name."""
    content = ascii_digits(ctx.text[line.start : line.end])
    mark = _ROW_MARK.match(content)
    start = line.start + (mark.end() if mark else 0)
    named = ctx.mention_at(start, "country", "org") or _name_across_lines(ctx, start)
    if named is None or (not mark and line.end - start > _CELL_MAX) or (not mark and named.end < line.end and ctx.text[named.end : line.end].strip()):
        return None
    other = side(ctx, named, home)
    return (other, named) if other else None


def _name_across_lines(ctx: TextContext, start: int) -> Mention | None:
    """A partner's name a table cell wraps onto the next line (``สหภาพโทรคมนาคม`` /
    ``ระหว่างประเทศ``): the section's names stop at line ends, so it is looked up here."""
    chunk = ctx.text[start : start + _CELL_MAX]
    first = next(iter(ctx.gazetteer.only("country", "org").find(chunk)), None)
    if first is None or chunk[: first.start].strip():
        return None
    return Mention(first.kind, first.id, start + first.start, start + first.end)


# ---------------------------------------------------------------- signings


_SIGNED_REACH = 320  # the parties of a signed instrument are named this close after the signing word
_WITNESS_REACH = 12  # ``<person> <post> เข้าร่วมเป็นสักขีพยาน``: the witness cue follows the post this close
_GLOSS = re.compile(r"\s*\(([^()\n]*)\)")


def signings(ctx: TextContext) -> list[TalkFact]:
    """``นอกจากนี้ ศาสตราจารย์พิเศษวิศิษฏ์ ... ปลัดกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม ได้ลงนามบันทึก
    ความเข้าใจร่วมระหว่างกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคมแห่งราชอาณาจักรไทย และกระทรวงการสื่อสาร
    และสารสนเทศแห่งอินโดนีเซีย ว่าด้วย... (Memorandum ...) โดยมีนายประเสริฐ รัฐมนตรีดีอี เข้าร่วมเป็น
    สักขีพยาน สำหรับความร่วมมือสำคัญ ประกอบด้วย ...``: a home official (or ministry) who signed an
    instrument between a home body and one body of another side, during no meeting, held a
    bilateral talk with that side on the day the passage gives. Its level is the signatory's, its
    actors the signatory, a witness named with ``เข้าร่วมเป็นสักขีพยาน`` and the other side's body;
    its topics those the line lists after the instrument's name. Not read: a signing still to come
    or authorised (``อนุมัติให้...ลงนาม``), a draft, an instrument of ASEAN as a whole."""
    out: list[TalkFact] = []
    home = home_country(ctx)
    if home is None:
        return out
    for line in ctx.body_lines():
        for cue in ctx.find_cues("signed_past", line):
            talk = _signing(ctx, line, cue, home)
            if talk is not None and talk.talk not in {t.talk for t in out}:
                out.append(talk)
    return out


def _signing(ctx: TextContext, line: Span, cue: Span, home: Ref) -> TalkFact | None:
    before = Span(line.start, cue.start)
    if _planned(ctx, line, cue) or ctx.find_cues("authorise", before) or ctx.find_cues("cabinet_resolution", before):
        return None
    signer = _home_actor(ctx, line, cue, home)
    instrument = _instrument_at(ctx, cue.end, line)
    if signer is None or instrument is None:
        return None
    named = _named_within(ctx, instrument)
    if not any(_stands_for(ctx, m, home) for m in named):
        return None  # the home side is no party (``...ระหว่างอาเซียนและจีน``)
    others = {side(ctx, m, home): m for m in named if side(ctx, m, home) is not None}
    if len(others) != 1:
        return None
    (partner, party), = others.items()
    end = _past_glosses(ctx, instrument.end, line)
    if ctx.cue_at(end, "held_during"):
        return None  # signed during a meeting: the meeting took it
    day = _when(ctx, line, cue) or _day_of_report(ctx, line)
    if day is None:
        return None
    parties = (home, partner)
    actors = [signer, *_witnesses(ctx, Span(end, line.end))]
    if party.kind == "org":
        actors.append(Quoted(Ref("org", party.id), ctx.quote(Span(party.start, party.end))))
    topics = tuple(Quoted(t.id, ctx.quote(Span(t.start, t.end))) for t in ctx.mentions_in(Span(end, line.end), "topic"))
    level = _signer_level(ctx, signer.value)
    ref = Ref("meeting", talk_key(None, day.value, parties))
    quote = ctx.quote(cue, Span(party.start, party.end))
    return TalkFact(ref, None, parties, level, quote, topics, day=day, rule="signing", actors=tuple(dict.fromkeys(actors)))


def _instrument_at(ctx: TextContext, offset: int, line: Span) -> Span | None:
    """The instrument named right after a signing word (``บันทึกความเข้าใจร่วมระหว่าง...``), up to
    its bracketed English name or ``_SIGNED_REACH``; None for a draft or no instrument."""
    pos = ctx.skip_space(offset)
    if (conn := ctx.cue_at(pos, "decision_object_connectors")) is not None:
        pos = ctx.skip_space(conn.end)
    if ctx.text.startswith(ctx.rules.draft_prefix, pos) or ctx.cue_at(pos, "signed_instrument") is None:
        return None
    end = min(line.end, pos + _SIGNED_REACH)
    for gloss in _GLOSS.finditer(ctx.text, pos, end):
        if gloss.group(1).strip()[:1].isascii() and len(gloss.group(1)) > 12:
            end = gloss.start()  # the English name after the Thai one
            break
    return Span(pos, end)


def _named_within(ctx: TextContext, span: Span) -> list[Mention]:
    """The countries and organisations named in ``span``, inside a known document's name too."""
    chunk = ctx.text[span.start : span.end]
    return [Mention(m.kind, m.id, span.start + m.start, span.start + m.end) for m in ctx.gazetteer.only("country", "org").find(chunk)]


def _stands_for(ctx: TextContext, mention: Mention, home: Ref) -> bool:
    """Whether a named country or body is the home side (a home ministry stands for it)."""
    return (mention.kind == "country" and mention.id == home.key) or (mention.kind == "org" and _country_of(ctx, mention) == home.key)


def _past_glosses(ctx: TextContext, offset: int, line: Span) -> int:
    pos = offset
    while (gloss := _GLOSS.match(ctx.text, pos)) and gloss.end() <= line.end:
        pos = gloss.end()
    return pos


def _witnesses(ctx: TextContext, span: Span) -> list[Quoted[Ref]]:
    """``โดยมีนายประเสริฐ รัฐมนตรีดีอี เข้าร่วมเป็นสักขีพยาน``: a person or post named right before a
    witness cue; the person when named with the post."""
    out = []
    for cue in ctx.find_cues("witness", span):
        post = next((m for m in reversed(ctx.mentions_in(Span(span.start, cue.start), "post", "person")) if cue.start - m.end <= _WITNESS_REACH), None)
        if post is None:
            continue
        person = post if post.kind == "person" else next((m for m in reversed(ctx.mentions_in(Span(span.start, post.start), "person")) if not ctx.text[m.end : post.start].strip()), None)
        who = person or post
        out.append(Quoted(ctx.ref(who), ctx.quote(Span(who.start, cue.end))))
    return out


def _signer_level(ctx: TextContext, who: Ref) -> str | None:
    """The level of a signatory's post (a person's: the post named with them in the text)."""
    entry = ctx.gazetteer.get("post", who.key) if who.kind == "post" else None
    if entry is None and who.kind == "person":
        posts = [m for m in ctx.mentions if m.kind == "post"]
        people = [m for m in ctx.mentions if m.kind == "person" and m.id == who.key]
        held = next((p for m in people for p in posts if 0 <= p.start - m.end <= 2), None)
        entry = ctx.gazetteer.get("post", held.id) if held else None
    return str(entry.get("level")) if entry and entry.get("level") else None


def _day_of_report(ctx: TextContext, line: Span) -> Quoted[dt.date] | None:
    """``นอกจากนี้ ...`` with no date of its own: a paragraph that adds to the report before it is of
    that report's day, the one day the paragraph before (past its numbered items) opens with."""
    if not ctx.cue_at(line.start, "same_report") or find_dates(ctx.text[line.start : line.end], ctx.rules):
        return None
    lines = ctx.body_lines()
    at = next((i for i, s in enumerate(lines) if s.start == line.start), 0)
    for earlier in reversed(lines[:at]):
        content = ascii_digits(ctx.text[earlier.start : earlier.end])
        if _ITEM_MARK.match(content):
            continue
        dates = find_dates(ctx.text[earlier.start : earlier.end], ctx.rules)
        if not dates or dates[0].last is not None or dates[0].first > ctx.release.issued:
            return None
        opening = ctx.text[earlier.start : earlier.start + dates[0].start].strip()
        if opening and opening not in ctx.rules.cue("today"):
            return None
        return Quoted(dates[0].first, Span(earlier.start + dates[0].start, earlier.start + dates[0].end))
    return None
