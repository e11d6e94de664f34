"""Talks held at an event named in English that belongs to no meeting series.

Releases name such events after a Thai event noun (``เวทีประชุม High Level Digital Transformation
Forum``, ``ในการประชุม “High Level Digital Transformation Forum” ภายใต้งาน “Lao Digital Week
2025”``). Most of them are out of scope, so an event is minted only as the place of a bilateral
talk of the home side with an ASEAN member the same line reports (or, for the release's headline,
the lead line under it), and only when its name is clean: capitalised English words ending in an
event word (``Forum``, ``Week`` ...), a year allowed after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from adgmin_kg.extract.context import TextContext
from adgmin_kg.extract.passages import lead as headline_lead
from adgmin_kg.extract.talks import _is_place, _topics_in, home_country, side, talk_key
from adgmin_kg.facts import MeetingFact, Quoted, Ref, RelationFact, Span, TalkFact
from adgmin_kg.gazetteer import Mention
from adgmin_kg.thaitext import ascii_digits

_PARTNER_REACH = 100  # the other side of a talk is named this close after the cue
_ACTOR_REACH = 30  # the home side's post or person stands this close before the cue
_BUILDS_ON_REACH = 60  # ``ต่อยอดในเรื่องที่รัฐบาลไทย โดยกระทรวงดีอี |เคยได้หารือกับ``: the earlier talk's cue follows this close
_OPEN, _CLOSE = "“\"", "”\""
_ITEM = re.compile(r"^\s*[0-9]{1,2}\s*\.(?![0-9])")  # a numbered point (``2.การส่งเสริมด้าน Start up ...``)


@dataclass(frozen=True)
class Event:
    """An event named in English: its name as written and where the name stands."""

    ref: Ref
    name: Span
    within: Event | None = None  # the larger event it is said to be part of


@cache
def _name_pattern(heads: tuple[str, ...], small: tuple[str, ...]) -> re.Pattern[str]:
    """Capitalised words (small words between them), the last an event word, a year after it."""
    word = r"[A-Z][A-Za-z0-9&'’-]*"
    gap = r"(?:\s+(?:%s))*" % "|".join(re.escape(w) for w in small) if small else ""
    head = "|".join(re.escape(h) for h in heads)
    return re.compile(rf"{word}(?:{gap}\s+{word})*?\s+(?:{head})(?:\s+(?:19|20)[0-9]{{2}})?(?![A-Za-z0-9])")


def _slug(name: str) -> str:
    return "event-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _name_at(ctx: TextContext, offset: int, end: int) -> Span | None:
    """A clean English event name starting at ``offset`` (an opening quote allowed before it)."""
    heads = ctx.rules.cues.get("event_heads", ())
    if not heads:
        return None
    pos = ctx.skip_space(offset)
    if pos < end and ctx.text[pos] in _OPEN:
        pos += 1
    m = _name_pattern(tuple(heads), tuple(ctx.rules.cues.get("english_small_words", ()))).match(ctx.text, pos, end)
    return Span(m.start(), m.end()) if m else None


def _event(ctx: TextContext, name: Span) -> Ref:
    written = " ".join(ctx.text[name.start : name.end].split())
    return Ref("meeting", _slug(written), label=written, label_lang="en")


def events_in(ctx: TextContext, span: Span) -> list[Event]:
    """Events named in English after a Thai event noun in ``span``, each with the larger event
    written right after it (quoted, or after ``ภายใต้งาน``), if any."""
    out: list[Event] = []
    for cue in ctx.find_cues("event_venue", span):
        if out and cue.start < (out[-1].within or out[-1]).name.end:
            continue  # inside the last event's own name, or its larger event's
        name = _name_at(ctx, cue.end, span.end)
        if name is None or ctx.gazetteer.only("series").find(ctx.text[name.start : name.end]):
            continue  # no clean name, or a meeting of a known series (read as such elsewhere)
        after = name.end + (1 if name.end < span.end and ctx.text[name.end] in _CLOSE else 0)
        within_cue = ctx.cue_at(after, "event_within")
        brand = _name_at(ctx, within_cue.end if within_cue else after, span.end)
        if brand is not None and not within_cue and ctx.text[ctx.skip_space(after)] not in _OPEN:
            brand = None  # a larger event is quoted or introduced, not merely run on
        within = Event(_event(ctx, brand), brand) if brand else None
        out.append(Event(_event(ctx, name), name, within))
    return out


def _partner(ctx: TextContext, cue: Span, end: int, home: Ref) -> tuple[Ref, Mention] | None:
    """The other side named first after the cue (a country, or its ministry or minister), when
    it is an ASEAN member."""
    for m in ctx.mentions_in(Span(cue.end, min(end, cue.end + _PARTNER_REACH)), "country", "org", "post"):
        if _is_place(ctx, m):
            continue
        country = _country(ctx, m, home)
        entry = ctx.gazetteer.get("country", country.key) if country else None
        if entry is not None and entry.get("asean_member"):
            return country, m  # type: ignore[return-value]
        if m.kind in ("country", "org"):
            return None  # another side first: not read
    return None


def _country(ctx: TextContext, m: Mention, home: Ref) -> Ref | None:
    if m.kind != "post":
        return side(ctx, m, home)
    post = ctx.gazetteer.get("post", m.id)
    org = ctx.gazetteer.get("org", str(post.get("organisation"))) if post and post.get("organisation") else None
    country = org.get("country") if org else None
    return Ref("country", str(country)) if country and country != home.key else None


def _home_actor(ctx: TextContext, line: Span, cue: Span, home: Ref) -> Quoted[Ref] | None:
    """``รองนายกฯ “ประเสริฐ” หารือ``: the home post right before the cue, or the person its
    holder is named as right after it (the name in quotes)."""
    before = [m for m in ctx.mentions_in(Span(max(line.start, cue.start - _ACTOR_REACH), cue.start), "post", "person")]
    if not before:
        return None
    last = before[-1]
    if last.kind == "post" and _country(ctx, last, Ref("country", "")) != home:
        return None
    rest = ctx.text[last.end : cue.start].strip(" \u00a0" + _OPEN + _CLOSE)
    if rest:
        return None
    return Quoted(ctx.ref(last), ctx.quote(Span(last.start, last.end)))


def _level(ctx: TextContext, mentions: list[Mention]) -> str | None:
    for m in mentions:
        entry = ctx.gazetteer.get("post", m.id) if m.kind == "post" else None
        if entry and entry.get("level"):
            return str(entry.get("level"))
    return None


def event_talks(ctx: TextContext) -> tuple[list[TalkFact], list[MeetingFact], list[RelationFact]]:
    """Talks of the home side with an ASEAN member at an English-named event: in a body line that
    names the event after the talk's other side, or in the headline when its lead line names the
    event. The event (and the larger one it is part of) is minted with the talk, for it."""
    home = home_country(ctx)
    if home is None or not ctx.rules.cues.get("event_heads"):
        return [], [], []
    places: list[tuple[Span, Span]] = []  # (where the talk is told, where its event is named)
    lead = headline_lead(ctx.release) if ctx.release.meta.kind == "news" else None
    if lead is not None:
        places.append((Span(*ctx.release.title_span), lead))
    places += [(line, line) for line in ctx.body_lines()]
    talks: list[TalkFact] = []
    meetings: dict[Ref, MeetingFact] = {}
    relations: dict[tuple[Ref, Ref], RelationFact] = {}
    for told, named in places:
        for cue in ctx.find_cues("event_talk", told)[:1]:
            found = _partner(ctx, cue, told.end, home)
            if found is None:
                continue
            partner, mention = found
            events = [e for e in events_in(ctx, named) if e.name.start >= (mention.end if told == named else named.start)]
            if not events:
                continue
            event = events[0]
            actor = _home_actor(ctx, told, cue, home)
            actors = ([actor] if actor else []) + ([Quoted(ctx.ref(mention), ctx.quote(Span(mention.start, mention.end)))] if mention.kind != "country" else [])
            quote = ctx.quote(cue, Span(mention.start, mention.end))
            found_topics = _lead_topics(ctx, named) + _point_topics(ctx) if told != named else _topics_in(ctx, Span(cue.end, told.end))
            topics = tuple(t for t in found_topics if not _inside(t.quote, event))
            ref = Ref("meeting", talk_key(event.ref, None, (home, partner)))
            level = _level(ctx, [m for m in [mention] if m.kind == "post"] + ctx.mentions_in(Span(told.start, cue.start), "post"))
            talks.append(TalkFact(ref, event.ref, (home, partner), level, quote, topics, rule="event-talk", context_quote=ctx.quote(event.name), actors=tuple(actors)))
            for e in (event, event.within):
                if e is not None:
                    meetings.setdefault(e.ref, MeetingFact(e.ref, "", "", None, None, ctx.quote(e.name), rule="event-name"))
            if event.within is not None:
                relations.setdefault((event.ref, event.within.ref), RelationFact(event.ref, "part-of", event.within.ref, ctx.quote(event.name, event.within.name), rule="event-within"))
    return talks, list(meetings.values()), list(relations.values())


def builds_on(ctx: TextContext, event_talks: list[TalkFact], earlier: list[TalkFact]) -> list[RelationFact]:
    """``...เห็นตรงกันที่จะร่วมมือกันต่อยอดในเรื่องที่รัฐบาลไทย โดยกระทรวงดีอี เคยได้หารือกับทาง สปป.ลาว
    เอาไว้เมื่อวันที่ 15 มกราคม 2568``: a talk on a past day, told in a clause that says the headline's
    talk builds on it (the cue at most ``_BUILDS_ON_REACH`` before it in its line), is related to
    that talk (the earlier one is the subject), when both are with the same side."""
    out: list[RelationFact] = []
    for talk in event_talks:
        for old in earlier:
            if old.day is None or old.context is not None or old.parties[1] != talk.parties[1]:
                continue
            line = ctx.line_of(old.quote.start)
            cue = next(iter(ctx.find_cues("builds_on", Span(line.start, old.quote.start))[-1:]), None)
            if cue is None or old.quote.start - cue.end > _BUILDS_ON_REACH:
                continue
            out.append(RelationFact(old.talk, "related", talk.talk, ctx.quote(cue, old.quote), rule="talk-builds-on"))
    return out


def _point_topics(ctx: TextContext) -> tuple[Quoted[str], ...]:
    """``ทำให้ในการหารือร่วมครั้งนี้ สามารถสรุปความสำคัญได้ 6 ประเด็นดังนี้`` then ``1.... 2....``: the
    numbered points under a line that sums up "this talk" are what the headline's talk was about.
    A point's topics are those before any project it names (what follows ``โครงการ`` is the
    project's: its title and aims)."""
    lines = ctx.body_lines()
    intro = next((i for i, s in enumerate(lines) if ctx.find_cues("this_talk", s) and ctx.text[s.start : s.end].rstrip().endswith(ctx.rules.cue("list_follows"))), None)
    if intro is None:
        return ()
    out: list[Quoted[str]] = []
    for line in lines[intro + 1 :]:
        if not _ITEM.match(ascii_digits(ctx.text[line.start : line.end])):
            break
        end = next(iter(ctx.find_cues("project", line)), Span(line.end, line.end)).start
        named = [t for t in ctx.mentions_in(Span(line.start, end), "topic") if not _in_agency_name(ctx, t)]
        out += [Quoted(t.id, ctx.quote(Span(t.start, t.end))) for t in named]
    return tuple(out)


def _in_agency_name(ctx: TextContext, topic: Mention) -> bool:
    """``สำนักงานเศรษฐกิจดิจิทัล``: a topic's words run on from a body's head word (``สำนักงาน``,
    ``กระทรวง`` ...) are part of an agency's name, no topic."""
    before = ctx.text[max(0, topic.start - 20) : topic.start]
    return before.endswith(ctx.rules.cue("body_heads"))


def _lead_topics(ctx: TextContext, lead: Span) -> tuple[Quoted[str], ...]:
    """Topics the lead line names (it is the release's metadata: its names are not among the
    passages' mentions)."""
    found = ctx.gazetteer.only("topic").find(ctx.text[lead.start : lead.end])
    return tuple(Quoted(m.id, ctx.quote(Span(lead.start + m.start, lead.start + m.end))) for m in found)


def _inside(quote: Span, event: Event) -> bool:
    spans = [event.name] + ([event.within.name] if event.within else [])
    return any(s.start <= quote.start and quote.end <= s.end for s in spans)
