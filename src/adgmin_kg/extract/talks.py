"""Bilateral talks: with whom, at which level, on which topics, during which meeting."""

from __future__ import annotations

from adgmin_kg.extract.context import MeetingMention, TextContext
from adgmin_kg.facts import Quoted, Ref, Span, SupportFact, TalkFact
from adgmin_kg.gazetteer import Mention


def home_country(ctx: TextContext) -> Ref | None:
    """The side the release speaks for: the country of its publisher (Thailand here)."""
    entry = ctx.gazetteer.publisher(ctx.release.meta.publisher)
    country = entry.get("country") if entry else None
    return Ref("country", str(country)) if country else None


def talk_key(context: Ref | None, parties: tuple[Ref, Ref]) -> str:
    a, b = sorted(p.key for p in parties)
    prefix = f"{context.key}-talk" if context else "talk"
    return f"{prefix}-{a}-{b}"


def _partner_list(ctx: TextContext, region: Span, home: Ref | None) -> list[Mention]:
    """Countries in the ``คือ``/``ได้แก่`` list of a clause (or all countries named in it)."""
    intros = ctx.find_cues("list_intro", region)
    mentions = ctx.mentions_in(region, "country", "org")
    if intros:
        listed = [m for m in mentions if m.start >= intros[0].end and m.start - intros[0].end < 120]
        if listed:
            mentions = listed
    return [m for m in mentions if not (home and m.kind == "country" and m.id == home.key)]


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


def talks(ctx: TextContext) -> list[TalkFact]:
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
            partners = _partner_list(ctx, region, home)
            if not partners:
                continue
            context = next(iter(ctx.meetings_in(region)), None) or ctx.main_meeting()
            level = _level(ctx, region, context)
            topics = tuple(Quoted(t.id, ctx.quote(Span(t.start, t.end))) for t in ctx.mentions_in(Span(cue.end, end), "topic"))
            for partner in partners:
                parties = (home, ctx.ref(partner))
                ref = Ref("meeting", talk_key(context.ref if context else None, parties))
                out.append(TalkFact(ref, context.ref if context else None, parties, level, ctx.quote(cue, Span(partner.start, partner.end)), topics))
    return out


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
