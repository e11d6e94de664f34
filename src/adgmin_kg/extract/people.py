"""People, their posts, the release's spokesperson, and proposals a country put forward."""

from __future__ import annotations

import hashlib
import re

from adgmin_kg.extract.context import TextContext
from adgmin_kg.extract.names import is_word_boundary, starts_longer_word
from adgmin_kg.extract.talks import home_country
from adgmin_kg.facts import PersonFact, ProposalFact, Quoted, Ref, Span, SpokespersonFact
from adgmin_kg.gazetteer import Mention
from adgmin_kg.thaitext import fold

_THAI_LETTER = re.compile(r"[ก-๙]")
_GLOSS_MAX = 20  # ``: WG – AS)``: what may stand between a body's name and ``ซึ่งเป็นข้อเสนอของ``
_THAI_NAME = re.compile(r"[ \t\u00a0]?([ก-๙]+)[ \t\u00a0]+([ก-๙]+)")  # a given name and a surname, on one line (``นาย ชัยวุฒิ ...``: a space may follow the honorific)


def _honorific_at(ctx: TextContext, end: int) -> int:
    """Start of an honorific ending at ``end`` (or ``end`` itself)."""
    for h in ctx.rules.honorifics:
        if ctx.text[max(0, end - len(h)) : end] == h:
            return end - len(h)
    return end


def people(ctx: TextContext) -> list[PersonFact]:
    """A person named (gazetteer, or honorific + name + surname) right before a post."""
    out = []
    taken = [(m.start, m.end) for m in ctx.mentions if m.kind == "person"]
    for post in [m for m in ctx.mentions if m.kind == "post"]:
        before = ctx.text[max(ctx.body_start, post.start - 60) : post.start]
        person = next((m for m in ctx.mentions if m.kind == "person" and 0 <= post.start - m.end <= 2), None)
        if quoted := _quoted_person_after(ctx, post):
            person, closing = quoted
            out.append(PersonFact(ctx.ref(person), ctx.ref(post), ctx.quote(Span(post.start, closing))))
            continue
        if person:
            start = _honorific_at(ctx, person.start)
            out.append(PersonFact(ctx.ref(person), ctx.ref(post), ctx.quote(Span(start, post.end))))
            continue
        if latin := _latin_named(ctx, post, before, taken):
            out.append(latin)
            continue
        for h in ctx.rules.honorifics:
            i = before.rfind(h)
            if i == -1:
                continue
            m = _THAI_NAME.match(before, i + len(h))
            if m and m.end() == len(before.rstrip()) and before[m.end() :].strip() == "":
                start = post.start - len(before) + i
                name_span = Span(post.start - len(before) + m.start(1), post.start - len(before) + m.end())
                if any(s <= start < e for s, e in taken):
                    break
                # ``นาย`` of ``นายกรัฐมนตรี`` is no honorific: it must stand as a word of its own
                if not is_word_boundary(ctx.text, start) or starts_longer_word(ctx.text, start, start + len(h)):
                    continue
                if not ctx.whole_name(name_span, "person"):
                    break
                name = f"{m.group(1)} {m.group(2)}"
                key = "person-" + hashlib.sha1(fold(name).encode()).hexdigest()[:10]
                out.append(PersonFact(Ref("person", key, label=name), ctx.ref(post), ctx.quote(Span(start, post.end))))
                break
    return out


def _quoted_person_after(ctx: TextContext, post: Mention) -> tuple[Mention, int] | None:
    """``รองนายกฯ “ประเสริฐ” หารือ...``: a headline's post, then the name of a known person in
    quotation marks; the person, and where the closing mark ends."""
    opening = ctx.skip_space(post.end)
    marks = ctx.rules.cue("name_quotes")
    if not any(ctx.text.startswith(m[0], opening) for m in marks):
        return None
    person = next((m for m in ctx.mentions if m.kind == "person" and m.start == opening + 1), None)
    if person is None or not any(ctx.text.startswith(m[0], opening) and ctx.text.startswith(m[1], person.end) for m in marks):
        return None
    return person, person.end + 1


_LATIN_NAME = re.compile(r"[ \t\u00a0]+([A-Z][a-z]+(?:[ \t\u00a0]+[A-Z][a-z]+){1,2})[ \t\u00a0]*$")


def _latin_named(ctx: TextContext, post: Mention, before: str, taken: list[tuple[int, int]]) -> PersonFact | None:
    """``ฝ่ายอินโดนีเซีย คือ Ms. Mira Tayyiba เลขาธิการ กระทรวง...``: in a Thai release, a foreign
    person written in Latin script after an English honorific, right before the post: a given
    name and a surname (or three names), each capitalised. The name is labelled in English."""
    if _home_post(ctx, post):
        return None  # ``Mr. Heng Swee Keat รองนายกรัฐมนตรี``: the bare post reads as the home country's
    for h in ctx.rules.cue("latin_honorifics"):
        i = before.rfind(h)
        if i == -1 or (i > 0 and not before[i - 1].isspace()):
            continue
        m = _LATIN_NAME.match(before, i + len(h))
        if m is None:
            continue
        start = post.start - len(before) + i
        if any(s <= start < e for s, e in taken):
            return None
        name = " ".join(m.group(1).split())
        key = "person-" + hashlib.sha1(fold(name).encode()).hexdigest()[:10]
        return PersonFact(Ref("person", key, label=name, label_lang="en"), ctx.ref(post), ctx.quote(Span(start, post.end)))
    return None


def _home_post(ctx: TextContext, post: Mention) -> bool:
    """Whether the post is one of the release's own country (its organisation's country)."""
    entry = ctx.gazetteer.get("post", post.id)
    org = ctx.gazetteer.get("org", str(entry.get("organisation"))) if entry and entry.get("organisation") else None
    home = home_country(ctx)
    return bool(org and home and org.get("country") == home.key)


def holders(ctx: TextContext, facts: list[PersonFact]) -> tuple[dict[int, tuple[Ref, int]], dict[int, Ref]]:
    """Where people are named: (start of the post they are named with -> (person, start of
    the name), start of the name -> person)."""
    by_post, by_name = {}, {}
    for fact in facts:
        if fact.post is None:
            continue
        post = next((m for m in ctx.mentions if m.kind == "post" and fact.quote.start <= m.start < fact.quote.end), None)
        if post:
            by_post[post.start] = (fact.person, fact.quote.start)
        by_name[fact.quote.start] = fact.person
    for m in ctx.mentions:
        if m.kind == "person":
            by_name.setdefault(m.start, ctx.ref(m))
    return by_post, by_name


def spokespeople(ctx: TextContext, facts: list[PersonFact]) -> list[SpokespersonFact]:
    """The spokesperson whose words the release reports: named with a spokesperson's post, then
    ``เปิดเผย``. A minister or official who discloses (``เปิดเผยว่า``) his own work is its subject,
    not its spokesperson."""
    for fact in facts:
        if not _speaks_for_others(ctx, fact.post):
            continue
        after = ctx.text[fact.quote.end : fact.quote.end + 15]
        if any(after.lstrip().startswith(v) for v in ctx.rules.cue("spokesperson_verbs")):
            return [SpokespersonFact(fact.person, fact.quote)]
    return []


def _speaks_for_others(ctx: TextContext, post: Ref | None) -> bool:
    entry = ctx.gazetteer.get("post", post.key) if post else None
    return bool(entry and entry.get("spokesperson"))


def proposals(ctx: TextContext) -> list[ProposalFact]:
    """``ผลักดันข้อเสนอการจัดตั้งคณะทำงาน...``: a working group a country proposed to set up."""
    out: list[ProposalFact] = []
    for line in ctx.body_lines():
        for cue in ctx.find_cues("proposal_verbs", line):
            pos = cue.end
            body: Mention | None = None
            for org in ctx.mentions_in(Span(pos, min(line.end, pos + 80)), "org"):
                if _proposable(ctx, org):
                    body = org
                    break
            if body is None:
                continue
            found = _proposer(ctx, line, cue.start)
            if found is None:
                continue
            proposer, named_at = found
            meeting = ctx.meeting_before(cue.start, line) or ctx.main_meeting()
            if meeting is None:
                continue
            activities = _activities(ctx, Span(body.end, line.end))
            key = f"{meeting.ref.key}-{proposer.key}-{body.id}"
            out.append(ProposalFact(Ref("proposal", key), proposer, meeting.ref, ctx.ref(body), ctx.quote(named_at, cue, Span(body.start, body.end)), activities))
    keys = {p.proposal for p in out}
    return out + [p for p in _proposed_by(ctx) if p.proposal not in keys]


def _proposable(ctx: TextContext, org: Mention) -> bool:
    entry = ctx.gazetteer.get("org", org.id)
    return bool(entry and entry.get("type") == "working-group")


def _proposed_by(ctx: TextContext) -> list[ProposalFact]:
    """``คณะทำงาน... (The ASEAN Working Group on Anti – Online Scam: WG – AS) ซึ่งเป็นข้อเสนอของ
    ประเทศไทย``: a working group named right before the cue (its bracketed English name and short
    form between them at most) was the proposal of the country named right after it, reported
    at the line's meeting. Whatever else stands before the cue (a document about the group) is
    not read as the group."""
    out: list[ProposalFact] = []
    for line in ctx.body_lines():
        for cue in ctx.find_cues("proposed_by", line):
            country = ctx.mention_at(cue.end, "country")
            before = [m for m in ctx.mentions_in(Span(line.start, cue.start)) if m.kind != "topic"]
            body = before[-1] if before else None
            if country is None or body is None or body.kind != "org" or not _proposable(ctx, body):
                continue
            if _THAI_LETTER.search(ctx.text[body.end : cue.start]) or cue.start - body.end > _GLOSS_MAX:
                continue
            meeting = ctx.meeting_before(cue.start, line) or ctx.main_meeting()
            if meeting is None:
                continue
            key = f"{meeting.ref.key}-{country.id}-{body.id}"
            out.append(ProposalFact(Ref("proposal", key), ctx.ref(country), meeting.ref, ctx.ref(body), ctx.quote(Span(body.start, body.end), Span(country.start, country.end))))
    return out


def _proposer(ctx: TextContext, line: Span, offset: int) -> tuple[Ref, Span] | None:
    """The country that proposes, and where the text names it (a country or its delegation)."""
    countries = ctx.mentions_in(Span(line.start, offset), "country")
    if countries:
        return ctx.ref(countries[-1]), Span(countries[-1].start, countries[-1].end)
    delegation = ctx.find_cues("delegation", Span(line.start, offset))
    home = home_country(ctx)
    if delegation and home:
        return home, delegation[-1]
    return None


def _activities(ctx: TextContext, span: Span) -> tuple[Quoted[str], ...]:
    examples = ctx.find_cues("examples", span)
    if not examples:
        return ()
    parts = ctx.sub_items(Span(examples[0].end, span.end))
    out = []
    for _, part in parts:
        text = ctx.text[part.start : part.end]
        text = text.rstrip()
        text = ctx.without_trailing_conjunction(text)
        quote = ctx.quote(Span(part.start, part.start + len(text)))
        out.append(Quoted(ctx.text[quote.start : quote.end], quote))
    return tuple(out)
