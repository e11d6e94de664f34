"""Topics a meeting discussed: topic names in a passage that reports a discussion."""

from __future__ import annotations

from adgmin_kg.extract.context import TextContext
from adgmin_kg.facts import Span, TopicFact
from adgmin_kg.gazetteer import Mention


def topics(ctx: TextContext, taken: list[Span]) -> list[TopicFact]:
    """Topic names in lines with a discussion cue, for the line's meeting.

    Lines that report bilateral talks are left to the talk rule, and names inside document
    or project titles (``taken``) are not topics of the meeting.
    """
    out: list[TopicFact] = []
    seen = set()
    for line in ctx.body_lines():
        if not ctx.find_cues("discussion", line) or ctx.find_cues("bilateral", line):
            continue
        meetings = [m for m in ctx.meetings_in(line) if m.meeting_class != "CabinetMeeting"]
        owner = meetings[0] if meetings else ctx.main_meeting()
        if owner is None:
            continue
        for t in ctx.mentions_in(line, "topic") + _in_body_names(ctx, line):
            if any(s.start <= t.start < s.end for s in taken) or (owner.ref, t.id, t.start) in seen:
                continue
            seen.add((owner.ref, t.id, t.start))
            out.append(TopicFact(owner.ref, t.id, ctx.quote(Span(t.start, t.end))))
    return out


def _in_body_names(ctx: TextContext, line: Span) -> list[Mention]:
    """Topics inside the names of bodies discussed (``คณะทำงานด้านการต่อต้านการหลอกลวงออนไลน์``)."""
    found = []
    for org in ctx.mentions_in(line, "org"):
        for t in ctx.gazetteer.only("topic").find(ctx.text[org.start : org.end]):
            found.append(Mention(t.kind, t.id, org.start + t.start, org.start + t.end))
    return found
