"""Topics a meeting discussed: topic names in a passage that reports a discussion."""

from __future__ import annotations

from adgmin_kg.extract.context import MeetingMention, TextContext
from adgmin_kg.extract.scope import load_vocabulary
from adgmin_kg.facts import DecisionFact, DocumentFact, Ref, Span, TopicFact
from adgmin_kg.gazetteer import Gazetteer, Mention


def topics(ctx: TextContext, taken: list[Span], docs: list[DocumentFact] = (), decisions: list[DecisionFact] = ()) -> list[TopicFact]:  # type: ignore[assignment]
    """Topic names in the text, for the meeting the passage is about.

    The passage's meeting is the release's main meeting when the line names it, else the first
    meeting the line names, else the meeting whose heading the line stands under
    (``ctx.heading_meeting``: the items under ``2. การประชุมระหว่างอาเซียนและคู่เจรจา`` are the
    session's), else, for a draft, the meeting named last before the line (a list of drafts
    under "documents for ADGMIN 4" is about ADGMIN 4), else the main meeting (or the cabinet
    meeting, when the section names no other). Lines that report bilateral
    talks are left to the talk rule, lines giving a ministry's own view (``ดศ. พิจารณาแล้วเห็นว่า``)
    report no meeting's discussion, nor do awards (``พิธีมอบรางวัล ... ASEAN ICT Awards``, from the
    word on); names inside titles (``taken``) are not the meeting's topics,
    except inside the titles of documents a decision (``decisions``) is on: an outcome document's
    title states what the meeting that takes it is about (``แผนปฏิบัติการ...อาเซียน-จีน ด้านเศรษฐกิจ
    ดิจิทัล``), while a document only cited is no topic.
    """
    out: list[TopicFact] = []
    seen = set()
    decided = {d.target for d in decisions}
    titles = {d.quote for d in docs if d.document in decided}
    decided_titles = [s for s in taken if s in titles]
    taken = [s for s in taken if s not in titles]
    bilateral = _on_a_bilateral_instrument(ctx)
    main = (None if bilateral else ctx.main_meeting()) or _cabinet_alone(ctx)
    talks = {m.ref for m in ctx.meetings if m.meeting_class == "BilateralMeeting"}
    for line in ctx.body_lines():
        if ctx.find_cues("bilateral", line) or _is_headline(ctx, line) or ctx.find_cues("own_view", line):
            continue
        line_owner = _owner(ctx, line, main)
        purposes = _body_purposes(ctx, line)
        awards = ctx.find_cues("award", line)
        listed = _outputs_listed_from(ctx, line)
        outputs = [s for s in taken if listed is not None and listed <= s.start < line.end]
        for t in ctx.mentions_in(line, "topic") + _in_body_names(ctx, line) + _in_decided_titles(ctx, line, decided, listed):
            in_output = any(s.start <= t.start < s.end for s in outputs)
            if (any(s.start <= t.start < s.end for s in taken) and not in_output) or (awards and t.start >= awards[0].start):
                continue
            if _too_generic_for_a_title(ctx, t) and any(s.start <= t.start < s.end for s in decided_titles + outputs + [Span(d.start, d.end) for d in ctx.mentions_in(line, "document")]):
                continue
            bodies = [ref for clause, ref in purposes if clause.start <= t.start < clause.end]
            owner = _meeting_before(ctx, line, t.start) or line_owner
            if listed is not None and t.start >= listed:
                owner = _noting_meeting(ctx, owner, decisions)
            for owner in [owner, *bodies]:
                if owner is None or (owner, t.id, t.start) in seen or (bilateral and owner not in talks and owner != getattr(main, "ref", None)):
                    continue
                seen.add((owner, t.id, t.start))
                out.append(TopicFact(owner, t.id, ctx.quote(Span(t.start, t.end))))
    return out


_PURPOSE_BODY_TYPES = ("working-group", "other")  # bodies set up for a purpose (a working group, a centre, a team)


def _purpose_built(ctx: TextContext, org: Mention) -> bool:
    """Whether an organisation is an ASEAN digital body set up for a purpose (a working group, a
    centre, a response team)."""
    entry = ctx.gazetteer.get("org", org.id)
    return entry is not None and entry.get("sphere") == "digital" and entry.get("type") in _PURPOSE_BODY_TYPES


def _body_purposes(ctx: TextContext, line: Span) -> list[tuple[Span, Ref]]:
    """Purpose clauses of ASEAN digital bodies (``คณะทำงานอาเซียนด้าน... (The ASEAN Working Group on
    Anti – Online Scam: WG – AS) ซึ่งเป็นข้อเสนอของประเทศไทย เพื่อร่วมกันยกระดับความร่วมมือ...``;
    ``ASEAN Regional CERT ซึ่งมีวัตถุประสงค์เพื่อรับมือกับภัยคุกคามทางไซเบอร์``): the topics in one
    are the body's (as well as the meeting's that discussed it). The clause runs to the next white
    space (the next item or sentence) or ``ซึ่ง``/``โดย``/``ทั้งนี้``."""
    out = []
    for cue in ctx.find_cues("body_purpose", line):
        body = _body_ending_at(ctx, line, cue.start)
        if body is None:
            continue
        ends = ctx.find_cues("body_purpose_end", Span(cue.end, line.end))
        end = min(ends[0].start if ends else line.end, _next_space(ctx.text, cue.end, line.end))
        for each in [body, *_joined_before(ctx, line, body)]:
            out.append((Span(cue.end, end), ctx.ref(each)))
    return out


def _joined_before(ctx: TextContext, line: Span, body: Mention) -> list[Mention]:
    """Purpose-built bodies joined to ``body`` before it (``ศูนย์ ... (AJCCBC) กับศูนย์ ... (ASCCE)
    เพื่อรองรับความต้องการพัฒนาศักยภาพบุคลากรในภูมิภาค``): the purpose clause after the last is
    theirs too."""
    out = []
    while True:
        pos = _skip_back(ctx, line, body.start, "body_heads")
        joined = _skip_back(ctx, line, pos, "body_joiner")
        if joined == pos or (body := _body_ending_at(ctx, line, joined)) is None:  # type: ignore[assignment]
            return out
        out.append(body)


def _skip_back(ctx: TextContext, line: Span, pos: int, cue: str) -> int:
    """``pos`` moved back past white space and one of the cue's words ending there, if any."""
    while pos > line.start and ctx.text[pos - 1].isspace():
        pos -= 1
    word = next((w for w in ctx.rules.cue(cue) if ctx.text.endswith(w, line.start, pos)), None)
    return pos - len(word) if word else pos


def _next_space(text: str, start: int, end: int) -> int:
    """The first white space in ``text[start:end]`` (Thai separates list items and sentences
    with it), else ``end``."""
    return next((i for i in range(start, end) if text[i].isspace()), end)


def _body_ending_at(ctx: TextContext, line: Span, offset: int) -> Mention | None:
    """The purpose-built ASEAN digital body whose name ends right before ``offset``, past its
    bracketed glosses, a proposer country and the words that may stand between."""
    gap = ctx.rules.cue("body_purpose_gap")
    countries = ctx.mentions_in(line, "country")
    pos, moved = offset, True
    while moved:
        moved = False
        while pos > line.start and ctx.text[pos - 1].isspace():
            pos -= 1
        word = next((w for w in gap if ctx.text.endswith(w, line.start, pos)), None)
        country = next((c for c in countries if c.end == pos), None)
        if word:
            pos, moved = pos - len(word), True
        elif country:
            pos, moved = country.start, True
        elif pos > line.start and ctx.text[pos - 1] == ")":
            opened = _opening_bracket(ctx.text, line.start, pos - 1)
            if opened is not None:
                pos, moved = opened, True
    return (
        next((org for org in ctx.mentions_in(line, "org") if org.end == pos and _purpose_built(ctx, org)), None)
        or _body_ending_title(ctx, line, pos)
        or _body_referred_back(ctx, line, pos)
    )


def _body_referred_back(ctx: TextContext, line: Span, pos: int) -> Mention | None:
    """``...จะเข้าร่วมการประชุม ASEAN Working Group on Anti-Online Scam ครั้งที่ 1 ... จัดตั้งการประชุม
    คณะทำงานดังกล่าวเพื่อเป็นเวทีการหารือด้าน...``: a body head with ``ดังกล่าว`` (``body_anaphor``)
    ending at ``pos`` is the last purpose-built body named before it in the line whose name has
    that head."""
    anaphor = next((w for w in ctx.rules.cue("body_anaphor") if ctx.text.endswith(w, line.start, pos)), None)
    if anaphor is None:
        return None
    before = pos - len(anaphor)
    head = next((h for h in ctx.rules.cue("body_heads") if ctx.text.endswith(h, line.start, before)), None)
    if head is None:
        return None
    named = [
        org for org in ctx.gazetteer.only("org").find(ctx.text[line.start : before - len(head)])
        if _purpose_built(ctx, org) and _has_head(ctx, org.id, head)
    ]
    return Mention("org", named[-1].id, line.start + named[-1].start, line.start + named[-1].end) if named else None


def _has_head(ctx: TextContext, org_id: str, head: str) -> bool:
    entry = ctx.gazetteer.get("org", org_id)
    return entry is not None and any(n.startswith(head) or f" {head}" in f" {n}" for n in entry.forms())


def _body_ending_title(ctx: TextContext, line: Span, pos: int) -> Mention | None:
    """The purpose-built body whose name ends the title of a document ending at ``pos``: a
    body's own document (``ร่างเอกสารกรอบการดำเนินงานของคณะทำงานอาเซียนด้านการป้องกันปัญหาการหลอกลวง
    ผ่านสื่อออนไลน์ (Operational Framework of the Working Group ...) ซึ่งเป็นข้อเสนอของประเทศไทย โดยมี
    วัตถุประสงค์เพื่อเป็นเวที...``) states what the body is for."""
    for doc in ctx.mentions_in(line, "document"):
        if doc.end != pos:
            continue
        title = ctx.text[doc.start : doc.end]
        for org in ctx.gazetteer.only("org").find(title):
            found = Mention(org.kind, org.id, doc.start + org.start, doc.start + org.end)
            if found.end == pos and _purpose_built(ctx, found):
                return found
    return None


def _opening_bracket(text: str, start: int, close: int) -> int | None:
    """Where the bracket closed at ``close`` opens (brackets may nest), not before ``start``."""
    depth = 0
    for i in range(close, start - 1, -1):
        depth += {")": 1, "(": -1}.get(text[i], 0)
        if depth == 0:
            return i
    return None


def _on_a_bilateral_instrument(ctx: TextContext) -> bool:
    """A cabinet summary's item on an instrument between two sides other than ASEAN (``24. เรื่อง
    ร่างบันทึกความเข้าใจระหว่างกระทรวง...ไทยและกระทรวง...อินโดนีเซีย``): the ADGMIN 3 where it was first
    discussed, the ADGSOM 4 where it is to be signed, are not what the item is about, so the
    MoU's subjects (``ในประเด็นความร่วมมือด้านดิจิทัล``) are no such meeting's topics: only a
    bilateral talk's, or the cabinet's when the item names no meeting (``_cabinet_alone``)."""
    if ctx.section is None:
        return False
    agenda_item = ctx.text.startswith(tuple(ctx.rules.cues.get("agenda_heading", ())), ctx.section.start)  # an English synopsis's item
    if ctx.release.meta.kind != "cabinet-summary" and not agenda_item:
        return False
    end = ctx.text.find("\n", ctx.section.start, ctx.section.end)
    title = ctx.text[ctx.section.start : end if end != -1 else ctx.section.end]
    words = load_vocabulary()
    return words.instrument.found_in(title) and not words.asean.found_in(title)


def _cabinet_alone(ctx: TextContext) -> MeetingMention | None:
    """A cabinet summary's item in which the cabinet itself approves a document and which names
    no meeting at all (the document is to be signed, or endorsed by circulation): the document's
    subjects were considered by the cabinet meeting alone, so they are its topics. An item that
    reports a meeting's results, or approves drafts a meeting is to take (named anywhere in the
    item, in a passage out of scope too), gives the cabinet none: they are that meeting's."""
    if any(m.meeting_class != "CabinetMeeting" for m in ctx.meetings) or ctx.section is None:
        return None
    if not _cabinet_approves_a_document(ctx, ctx.section) or _names_a_meeting(ctx, ctx.section):
        return None
    return ctx.cabinet_meeting()


def _cabinet_approves_a_document(ctx: TextContext, section: Span) -> bool:
    """Whether the item's resolution (``คณะรัฐมนตรีมีมติเห็นชอบต่อร่าง...``) approves a document:
    an approval verb, then soon a draft or a document's head noun (not a budget ceiling,
    ``อนุมัติกรอบวงเงินงบประมาณ``) before ``ตามที่ <agency> เสนอ``."""
    verbs = _approval_verbs(ctx)
    heads = (ctx.rules.draft_prefix, *(h for e in ctx.gazetteer.of_kind("document-kind") for h in e.get("heads_th") or []))
    for cue in ctx.find_cues("cabinet_resolves", section):
        line = ctx.line_of(cue.start)
        clause = Span(cue.end, min(line.end, section.end))
        ends = ctx.find_cues("resolution_end", clause)
        text = ctx.text[clause.start : ends[0].start if ends else clause.end]
        for verb in verbs:
            at = text.find(verb)
            if at == -1:
                continue
            near = text[at + len(verb) : at + len(verb) + _OBJECT_REACH]
            budget = [w for w in ctx.rules.cue("not_a_document") if w in near]
            if any(h in near for h in heads) and not budget:
                return True
    return False


_OBJECT_REACH = 25  # a resolution's object starts this close after its verb (``อนุมัติให้มีการลงนามในร่าง...``)


def _approval_verbs(ctx: TextContext) -> list[str]:
    entry = ctx.gazetteer.get("decision-kind", "approved")
    return list(entry.get("cabinet_verbs_th") or []) if entry else []


def _names_a_meeting(ctx: TextContext, section: Span) -> bool:
    """Whether the item names a meeting other than the cabinet's own (or a conference as a kind
    of cooperation activity)."""
    exempt = ctx.find_cues("not_a_meeting", section)
    return any(not any(e.start <= w.start < e.end for e in exempt) for w in ctx.find_cues("meeting_word", section))


def _meeting_before(ctx: TextContext, line: Span, offset: int) -> Ref | None:
    """In a long passage, a topic belongs to the meeting named last before it (``... ADGMIN 2
    ... the ministers met the dialogue partners ... on 5G``; ``... ADGMIN 4 ... and again in
    March at the ADGSOM-ATRC Leaders' Retreat 1, carrying on ... online scams``)."""
    before = [m for m in ctx.meetings_in(Span(line.start, offset), venues_only=True) if m.meeting_class != "CabinetMeeting"]
    return before[-1].ref if before else None


def _owner(ctx: TextContext, line: Span, main: MeetingMention | None) -> Ref | None:
    named = [m for m in ctx.meetings_in(line, venues_only=True) if m.meeting_class != "CabinetMeeting"]
    if named:
        if main and any(m.ref == main.ref for m in named):
            return main.ref
        this = ctx.find_cues("this_meeting", Span(line.start, named[0].span.start))
        if this and main:  # ``ในการประชุมครั้งนี้ ... ต่อยอดจากการประชุม AMCC ครั้งที่ 4``: this one, not the one cited
            return main.ref
        return named[0].ref
    if heading := ctx.heading_meeting(line):
        return heading.ref
    if _describes_a_draft(ctx, line):
        before = [m for m in ctx.meetings if m.span.end <= line.start and m.meeting_class != "CabinetMeeting" and m.span.start >= ctx.body_start]
        if before:
            return before[-1].ref
    return main.ref if main else None


def _describes_a_draft(ctx: TextContext, line: Span) -> bool:
    """A numbered item that starts with a draft (``2.1 ร่างปฏิญญา...``): part of a list of
    documents for the meeting named above it."""
    text = ctx.text[line.start : line.end].lstrip(" 0123456789๐๑๒๓๔๕๖๗๘๙.)")
    return text.startswith(ctx.rules.draft_prefix)


def _is_headline(ctx: TextContext, line: Span) -> bool:
    """The title repeated in the page header: a summary, not the report itself."""
    head = ctx.release.title[:40]
    return bool(head) and ctx.text[line.start : line.end].strip().startswith(head)


def _in_body_names(ctx: TextContext, line: Span) -> list[Mention]:
    """Topics inside the names of bodies discussed (``คณะทำงานด้านการต่อต้านการหลอกลวงออนไลน์``)."""
    found = []
    for org in ctx.mentions_in(line, "org"):
        entry = ctx.gazetteer.get("org", org.id)
        if entry is None or entry.get("type") != "working-group":
            continue
        for t in ctx.gazetteer.only("topic").find(ctx.text[org.start : org.end]):
            found.append(Mention(t.kind, t.id, org.start + t.start, org.start + t.end))
    return found


def _too_generic_for_a_title(ctx: TextContext, topic: Mention) -> bool:
    """A field so general that a title naming it (``แผนงานความร่วมมือด้านไอซีที...``, ``...ICT
    Infrastructure...``) says nothing of what the meeting taking the document was about
    (``generic_in_titles`` in the topics gazetteer)."""
    entry = ctx.gazetteer.get("topic", topic.id)
    return bool(entry and entry.get("generic_in_titles"))


def _in_decided_titles(ctx: TextContext, line: Span, decided: set[Ref], listed: int | None = None) -> list[Mention]:
    """Topics inside the known names of documents a decision is on (``แผนปฏิบัติการว่าด้วยการ
    ดำเนินงานหุ้นส่วนความร่วมมือระหว่างอาเซียน-จีน ด้านเศรษฐกิจดิจิทัล``), or listed as key outputs
    from ``listed`` on (``_outputs_listed_from``)."""
    found = []
    for doc in ctx.mentions_in(line, "document"):
        if ctx.ref(doc) not in decided and (listed is None or doc.start < listed):
            continue
        for t in _names_in_title(ctx).find(ctx.text[doc.start : doc.end], kinds=("topic",)):
            found.append(Mention(t.kind, t.id, doc.start + t.start, doc.start + t.end))
    return found


def _outputs_listed_from(ctx: TextContext, line: Span) -> int | None:
    """Where a line starts listing key outputs (``ผลการดำเนินงานสำคัญ ปี 2564 ได้แก่ (1) ยุทธศาสตร์...
    (2) โครงการ ASEAN Guideline for 5G ...``): what the documents and projects listed there are
    about is what the work reported was about, so the names in their titles are topics (of the
    meeting the report went to, ``_noting_meeting``), unlike a document only cited."""
    cues = ctx.find_cues("key_outputs", line)
    return cues[0].end if cues else None


def _noting_meeting(ctx: TextContext, owner: Ref | None, decisions: list[DecisionFact]) -> Ref | None:
    """The meeting that took note of ``owner``'s report or results (``3. รับทราบรายงานการประชุม
    เจ้าหน้าที่อาวุโสอาเซียนด้านดิจิทัล ครั้งที่ 2``, its outputs listed under it): the outputs are
    what that meeting took up; else ``owner``. A cabinet acknowledging a meeting is not meant."""
    cabinet = tuple(e.id for e in ctx.gazetteer.of_kind("series") if e.get("class") == "CabinetMeeting")
    for d in decisions:
        if owner is not None and (d.target.kind, d.target.key) == (owner.kind, owner.key) and d.decision == "noted" and d.decided_by.kind == "meeting" and not d.decided_by.key.startswith(cabinet):
            return d.decided_by
    return owner


def _names_in_title(ctx: TextContext) -> Gazetteer:
    """The names a document's title is read for: every kind but documents, so a topic word inside
    a party's or a meeting's name (``สหภาพโทรคมนาคมระหว่างประเทศ``) is that name, not a topic."""
    return ctx.gazetteer.only(*(k for k in _TITLE_KINDS))


_TITLE_KINDS = ("topic", "org", "country", "place", "series", "post", "person")
