"""Documents and the decisions meetings took on them."""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
from dataclasses import dataclass, replace
from functools import cache

from adgmin_kg.extract.bodies import body_ref
from adgmin_kg.extract.context import MeetingMention, TextContext, words_after_space
from adgmin_kg.extract.names import is_word_boundary, name_problem, word_count
from adgmin_kg.extract.scope import load_vocabulary
from adgmin_kg.facts import DecisionFact, DocumentFact, Quoted, Ref, Span
from adgmin_kg.gazetteer import Entry
from adgmin_kg.thaitext import ascii_digits, find_dates, fold, written_language


@cache
def _sentence_break_of(openers: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(word) for word in openers)
    return re.compile(r"\s{2,}" + (r"|(?<=\S)\s(?=" + alternatives + ")" if openers else ""))


def _sentence_break(ctx: TextContext) -> re.Pattern[str]:
    """Two spaces or more, or one before a word opening a new sentence (cue ``sentence_openers``)."""
    return _sentence_break_of(ctx.rules.cue("sentence_openers"))


@cache
def _sub_mark_of(conjunctions: str) -> re.Pattern[str]:
    return re.compile(r"\s+(?:(?:" + conjunctions + r")\s*)?[0-9๐-๙]{1,2}\s*\.(?=\S)")


def _sub_mark(ctx: TextContext) -> re.Pattern[str]:
    """The number of a sub-item (`` 2.``, `` และ 3.``) after a title: the title ends there."""
    return _sub_mark_of(ctx.conjunctions())


def _lang_key(ctx: TextContext, key: str) -> str:
    """A gazetteer key in the release's language: ``verbs`` -> ``verbs_th`` or ``verbs_en``."""
    return f"{key}_{ctx.rules.language}"


def _verbs(ctx: TextContext) -> list[tuple[str, Entry]]:
    """(verb, decision kind) pairs, longest verb first."""
    pairs = [(verb, entry) for entry in ctx.gazetteer.of_kind("decision-kind") for verb in entry.get(_lang_key(ctx, "verbs")) or []]
    return sorted(pairs, key=lambda p: (-len(p[0]), p[1].id))


def _cabinet_kind(ctx: TextContext, verb: str) -> str | None:
    for entry in ctx.gazetteer.of_kind("decision-kind"):
        if any(v in verb for v in entry.get(_lang_key(ctx, "cabinet_verbs")) or []):
            return entry.id
    return None


def _heads(ctx: TextContext) -> list[tuple[str, str]]:
    pairs = [(head, e.id) for e in ctx.gazetteer.of_kind("document-kind") for head in e.get(_lang_key(ctx, "heads")) or []]
    return sorted(pairs, key=lambda p: -len(p[0]))


_LATIN_WORD = re.compile(r"[A-Za-z0-9]")


def _verb_positions(ctx: TextContext, chunk: str, verb: str) -> list[int]:
    """Where ``verb`` stands in ``chunk``: anywhere in Thai (no spaces between words); as a whole
    word, any case, in a Latin-script language (``Approved draft...`` opens an item)."""
    if not ctx.rules.latin:
        out, start = [], 0
        while (i := chunk.find(verb, start)) != -1:
            out.append(i)
            start = i + len(verb)
        return out
    pattern = re.compile(r"(?<![A-Za-z0-9-])" + re.escape(verb) + r"(?![A-Za-z0-9-])", re.IGNORECASE)
    return [m.start() for m in pattern.finditer(chunk)]


_HEAD_PHRASE_END = re.compile(r"\s(?:(?:of|on|between|for|to|in|with|under|and)(?:\s|$)|\()")
_PART_OF = re.compile(r"^Part\s+[0-9]+\s+of\s+")


def _english_kind_of(ctx: TextContext, title: str) -> str | None:
    """The kind of an English title: the one whose ``tails_en`` end its head phrase (the words
    before its first ``of``/``on``/``between``...; ``Part 2 of`` skipped), a generic noun
    (``Document``) at its end set aside; else the one whose ``heads_en`` open the title."""
    title = _PART_OF.sub("", title)
    m = _HEAD_PHRASE_END.search(title)
    head = title[: m.start()] if m else title
    kinds = list(ctx.gazetteer.of_kind("document-kind"))
    for entry in kinds:
        for generic in entry.get("generic_en") or []:
            if head.endswith(" " + generic):
                head = head[: -len(generic) - 1]
    tails = sorted(((t, e.id) for e in kinds for t in e.get("tails_en") or []), key=lambda p: -len(p[0]))
    for tail, kind in tails:
        if head == tail or head.endswith(" " + tail):
            return kind
    for head_noun, kind in _heads(ctx):
        if title.startswith(head_noun):
            return kind
    return None


def document_ref(ctx: TextContext, title: str) -> tuple[Ref, str | None]:
    """A known document (gazetteer) when one of its names covers the title, else a new one.
    In an English release a known document keeps the title as written (its English title, with
    a statement and quote of its own); in a Thai one the gazetteer's names stand."""
    key = fold(title)
    for m in ctx.gazetteer.find(title, kinds=("document",)):
        if len(fold(title[m.start : m.end])) >= 0.85 * len(key):
            entry = ctx.gazetteer.get("document", m.id)
            label = title if ctx.rules.latin and written_language(title) == "en" else None
            return Ref("document", m.id, label=label, label_lang="en"), (entry.get("kind") if entry else None)
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
    return Ref("document", f"doc-{digest}", label=title, label_lang=written_language(title)), None


def _kind_of(ctx: TextContext, title: str) -> str | None:
    """The kind a title's head noun says; after the generic ``เอกสาร`` ("document"), the head
    noun that follows it (``เอกสารกรอบการดำเนินงาน...`` is a framework), else the kind the
    gazetteer gives the generic noun (``เอกสารต้นแบบทางการเงิน...`` is some other document)."""
    if ctx.rules.latin:
        return _english_kind_of(ctx, title)
    for head, kind in _heads(ctx):
        if title.startswith(head):
            return kind
    for entry in ctx.gazetteer.of_kind("document-kind"):
        for generic in entry.get("generic_th") or []:
            if title.startswith(generic) and len(title) > len(generic):
                return _kind_of(ctx, title[len(generic) :]) or entry.id
    return None


_LATIN_PAREN = re.compile(r"\s\(\s*[A-Za-z]")
_SHORT_FORM = re.compile(r"\s*\([^()]*ฯ\s*\)")  # ``(ร่างรายงานการศึกษา...ฯ)``: the short form the release uses next
_FOOTNOTE_MARK = re.compile(r"(?<=[^\s*])\*+(?=\s|$)")
_COUNTED_TAIL = re.compile(r"\s+[0-9๐-๙]+\s*[ก-๙]+$")


def _title_at(ctx: TextContext, start: int, limit: int, any_draft: bool = False) -> Span | None:
    """A document title starting at ``start`` (after the draft prefix), ending at a clause word.

    An English name in parentheses after a Thai title ends it (``ร่างปฏิญญาสิงคโปร์ (Singapore
    Declaration)``). With ``any_draft``, a draft need not start with a known document head.
    """
    pos = ctx.skip_space(start)
    drafted = _drafted(ctx, pos)
    if drafted:
        pos += len(ctx.rules.draft_prefix)
    known = any(ctx.text.startswith(h, pos) for h, _ in _heads(ctx)) or ctx.mention_at(pos, "document")
    if not known and not (any_draft and drafted):
        return None
    end = min(limit, pos + ctx.rules.names.max_length["document"])
    chunk = ctx.text[pos:end]
    cut = len(chunk)
    if m := _sub_mark(ctx).search(chunk):
        cut = m.start()
    if not ctx.rules.latin and (m := _LATIN_PAREN.search(chunk, _after_kind_acronym(ctx, chunk))) and m.start() < cut:
        cut = m.start()  # the English name after a Thai title
    if (m := _SHORT_FORM.search(chunk)) and m.start() < cut:
        cut = m.start()
    if (m := _FOOTNOTE_MARK.search(chunk)) and m.start() < cut:
        cut = m.start()  # ``...ที่ยั่งยืน* นอกจากนี้``: a footnote mark ends the title
    if (i := chunk.find("]")) != -1 and i < cut:
        cut = i  # the end of a bracketed aside (``[คณะรัฐมนตรีมีมติ (...) เห็นชอบร่าง...]``)
    for head, _ in _heads(ctx):  # ``ร่างแถลงการณ์...และร่างปฏิญญา...``: the next draft begins
        i = min((j for a in ctx.rules.cue("conjunction") if (j := chunk.find(a + ctx.rules.draft_prefix + head)) > 0), default=-1)
        if 0 < i < cut:
            cut = i
        # ``ขอบเขตการดำเนินงานของ ASEAN Cyber - CC และแผนการดำเนินงาน``: after a space, the
        # conjunction and a head begin another document
        i = min((j + 1 for a in ctx.rules.cue("conjunction") if (j := chunk.find(" " + a + head)) > 0), default=-1)
        if 0 < i < cut:
            cut = i
    if (i := _second_instrument(ctx, chunk)) is not None and i < cut:
        cut = i
    names = [(m.start - pos, m.end - pos) for m in ctx.mentions if pos <= m.start < end]
    if (i := _english_name_of_title(ctx, chunk, cut)) is not None:
        names.append((0, i))
    if (i := _footnoted_word(chunk)) is not None:
        names.append((0, i))
    for found in words_after_space(ctx.rules.cue("title_end")).finditer(chunk):
        i = found.start()
        # a clause word inside a name the gazetteer knows, or inside the Thai title an English
        # name translates, is part of the name
        if 0 < i < cut and not any(a < i < b for a, b in names):
            cut = i
            break
    verbs = tuple(verb for verb, _ in _verbs(ctx))  # ``...ด้านเศรษฐกิจดิจิทัล แบบเวียน``: how it is decided
    if (m := words_after_space(verbs + tuple(a + verb for a in ctx.rules.cue("conjunction") for verb in verbs)).search(chunk)) and 0 < m.start() < cut:
        cut = m.start()
    title = _without_tail(ctx, chunk[:cut].rstrip(" ,." if ctx.rules.latin else " ,"))
    if any(title == head for head, _ in _heads(ctx)):
        return None  # ``ลงนามบันทึกความเข้าใจ``: a kind of document, no title
    title = ctx.without_trailing_conjunction(title)
    if chunk[cut:].lstrip().startswith(ctx.rules.cue("list_intro")):
        title = _COUNTED_TAIL.sub("", title)  # "... ในอาเซียน 6 เสาหลัก ได้แก่ ...": a count, not the title
    return Span(pos, pos + len(title)) if title else None


def _second_instrument(ctx: TextContext, chunk: str) -> int | None:
    """``MOU ระหว่างรัฐมนตรีอาเซียนด้านดิจิทัลกับจีน และระหว่างกระทรวงดีอีกับกระทรวง...``: a title
    that has named its parties ends where ``และระหว่าง`` names the parties of another instrument."""
    for intro in ctx.rules.cue("parties_intro"):
        first = chunk.find(intro)
        if first == -1:
            continue
        for conj in ctx.rules.cue("conjunction"):
            i = chunk.find(conj + intro, first + len(intro))
            j = chunk.find(conj + " " + intro, first + len(intro))
            found = [k for k in (i, j) if k > 0]
            if found:
                return min(found)
    return None


def _without_tail(ctx: TextContext, title: str) -> str:
    """A title without what follows its name at its end: white space of any kind (a no-break
    space before the English name, ``...ที่เกี่ยวข้อง\xa0 (The 3rd ...)``); in Thai, the years it
    runs for (``...ด้านเศรษฐกิจดิจิทัล ปี ค.ศ. 2021 – 2025``: a range, where a single year,
    ``แผนแม่บท... ค.ศ. 2025``, is part of the name) and a count of its parts (``...บนโลกไซเบอร์
    11 ข้อ``, "11 norms")."""
    title = title.rstrip()
    if ctx.rules.latin:
        return title
    eras = "|".join(re.escape(p) for p in sorted(ctx.rules.cue("title_period"), key=len, reverse=True))
    period = re.compile(r"\s+(?:" + eras + r")\s*[0-9๐-๙]{4}\s*[-–]\s*[0-9๐-๙]{4}$")
    units = "|".join(re.escape(u) for u in ctx.rules.cue("title_count_unit"))
    count = re.compile(r"\s+[0-9๐-๙]{1,3}\s*(?:" + units + r")$")
    for pattern in (period, count):
        if (m := pattern.search(title)) and m.start() > 0:
            title = title[: m.start()].rstrip(" ,")
    return title


def _drafted(ctx: TextContext, pos: int) -> bool:
    """Whether the draft prefix stands at ``pos`` (any case in a Latin-script language:
    ``Approved draft Memorandum...``)."""
    prefix = ctx.rules.draft_prefix
    if ctx.rules.latin:
        return ctx.text[pos : pos + len(prefix)].lower() == prefix.lower()
    return ctx.text.startswith(prefix, pos)


_KIND_ACRONYM = re.compile(r"\s*\(\s*([A-Za-z]{2,6})\s*\)\s*(?=[\u0e00-\u0e7f])")


def _after_kind_acronym(ctx: TextContext, chunk: str) -> int:
    """``บันทึกความเข้าใจ (MOU) ระหว่าง...``: the English short form of the kind right after the
    head, with the Thai title going on after it, is part of the title, not its English name.
    Returns where to look for the English name."""
    for head, kind in _heads(ctx):
        if chunk.startswith(head) and (m := _KIND_ACRONYM.match(chunk, len(head))):
            entry = ctx.gazetteer.get("document-kind", kind)
            if entry and m.group(1).casefold() in {t.casefold() for t in entry.get("tails_en") or []}:
                return m.end()
    return 0


def _english_name_of_title(ctx: TextContext, chunk: str, cut: int) -> int | None:
    """``ร่างเอกสารแนวคิดข้อเสนอโครงการศูนย์ความร่วมมืออาเซียน – ญี่ปุ่น เพื่อพัฒนาบุคลากร...
    (Project Proposal Concept - Project for Enhancing ...)``: where the English name of the
    kind the title's head says follows in brackets, within one clause (no sentence break, bracket
    or decision verb between), the whole Thai text before it is the title, clause words and all.
    Returns the bracket's offset in ``chunk``."""
    m = _LATIN_PAREN.search(chunk, _after_kind_acronym(ctx, chunk))
    if m is None or m.start() != cut:
        return None
    between = chunk[_after_kind_acronym(ctx, chunk) : cut]
    verbs = tuple(verb for verb, _ in _verbs(ctx))
    if _sentence_break(ctx).search(between) or any(c in between for c in "()[]") or words_after_space(verbs).search(between):
        return None
    english = _ENGLISH_NAME.match(chunk, cut)
    return cut if english and _names_its_kind(ctx, english.group(0), _kind_of(ctx, chunk[:cut])) else None


def _listed_titles(ctx: TextContext, pos: int, line: Span) -> list[Span]:
    """Documents listed as examples: numbered (``รับทราบผลงาน... เช่น 1.รายงาน... และ 2.แนวทาง...``,
    ``เช่น (1) ... (2) ...``) or not, one after the other, each opening with a document head
    (``เช่น แนวทาง... แผนแม่บท... และข้อริเริ่ม...``)."""
    examples = ctx.find_cues("examples", Span(pos, min(line.end, pos + 100)))
    if not examples:
        return []
    brk = _sentence_break(ctx).search(ctx.text, ctx.skip_space(examples[0].end), line.end)
    rest = Span(examples[0].end, brk.start() if brk else line.end)
    numbered = [part for _, part in ctx.sub_items(rest)]
    if numbered:
        return [span for part in numbered if (span := _title_at(ctx, part.start, part.end))]
    if _PARENTHESISED_NUMBER.match(ctx.text, ctx.skip_space(rest.start)):
        return _parenthesised_titles(ctx, rest)
    return [span for part in _parts_by_head(ctx, rest) if (span := _title_at(ctx, part.start, part.end))]


def _parts_by_head(ctx: TextContext, span: Span) -> list[Span]:
    """An unnumbered list of documents cut where a document head opens a word, after white space
    or ``และ``: the first part must open with one."""
    heads = tuple(h for h, _ in _heads(ctx))
    opening = re.compile(r"(?:^|(?<=\s))(?:" + ctx.conjunctions() + r")?(?=(?:" + re.escape(ctx.rules.draft_prefix) + ")?(?:" + "|".join(re.escape(h) for h in heads) + "))")
    starts = [m.end() for m in opening.finditer(ctx.text, ctx.skip_space(span.start), span.end)]
    if not starts or starts[0] != ctx.skip_space(span.start):
        return []
    return [Span(a, b) for a, b in zip(starts, starts[1:] + [span.end])]


@dataclass(frozen=True)
class Decider:
    """Who took a decision, as its sentence says: a meeting or a body, and the day if given."""

    ref: Ref
    date: Quoted[dt.date] | None = None
    also: tuple[Ref, ...] = ()  # bodies named with it (``ADGSOM และ ATRC ซึ่งได้มีการรับรอง...``)


_ABBREVIATED = re.compile(r"(\S{4,}?)ฯ")


def _clause(ctx: TextContext, line: Span, offset: int) -> Span:
    """The sentence a verb stands in, up to the verb: from the line's start, or from the last
    break (a run of spaces) before it."""
    start = line.start
    for m in _sentence_break(ctx).finditer(ctx.text, line.start, offset):
        start = m.end()
    return Span(start, offset)


def _named_body(ctx: TextContext, clause: Span) -> tuple[int, Ref] | None:
    """The body the clause names last: a gazetteer name (a series without ordinal means its
    body), or a short form with ``ฯ`` of a body named earlier in the section
    (``คณะกรรมการประสานงานฯ``)."""
    best: tuple[int, Ref] | None = None
    for m in ctx.mentions_in(clause, "org", "series"):
        best = (m.end, body_ref(ctx, m))
    for m in _ABBREVIATED.finditer(ctx.text, clause.start, clause.end):
        head = m.group(1)
        if not head.startswith(ctx.rules.cue("body_heads")):
            continue
        earlier = [e for e in ctx.mentions if e.kind in ("org", "series") and e.end <= m.start()
                   and fold(ctx.text[e.start : e.end]).removeprefix(fold("การประชุม")).startswith(fold(head))]
        if earlier and (best is None or m.end() > best[0]):
            best = (m.end(), body_ref(ctx, earlier[-1]))
    return best


_ASIDE = re.compile(r"\([^()]*\)?|[():]")


def _coordinated_body(ctx: TextContext, clause: Span, end: int) -> Ref | None:
    """The body named just before the one ending at ``end``, joined to it by ``และ`` (its
    bracketed English name aside): ``การประชุม ADGSOM (...) และสภา... (ATRC)`` names two bodies."""
    named = [m for m in sorted(ctx.mentions_in(clause, "org", "series"), key=lambda m: m.end) if m.end <= end]
    if not named:
        return None
    ref = body_ref(ctx, named[-1])
    first = len(named) - 1  # the name and its repeats in brackets (``สภา... (ASEAN ... Council: ATRC)``)
    while first > 0 and body_ref(ctx, named[first - 1]) == ref:
        first -= 1
    if first == 0:
        return None
    before, last = named[first - 1], named[first]
    between = _ASIDE.sub(" ", ctx.text[before.end : last.start]).split()
    return body_ref(ctx, before) if len(between) == 1 and between[0] in ctx.rules.cue("conjunction") else None


def _is_cabinet_decision(ctx: TextContext, offset: int) -> bool:
    line = ctx.line_of(offset)
    before = ctx.text[max(line.start, offset - 30) : offset]
    return any(cue in before for cue in ctx.rules.cue("cabinet_resolution")) and (
        ctx.cabinet_meeting() is not None or ctx.release.meta.kind == "cabinet-summary"
    )


def _cabinet_bodies(ctx: TextContext) -> set[Ref]:
    return {Ref("org", str(e.get("body"))) for e in ctx.gazetteer.of_kind("series") if e.get("class") == "CabinetMeeting" and e.get("body")}


def _names_the_cabinet(ctx: TextContext, at: Span, line: Span) -> bool:
    """``คณะรัฐมนตรีมีมติเห็นชอบ...``: the body the sentence names as deciding is the cabinet
    (the body of a cabinet meeting series), so the decision is a cabinet resolution."""
    body = _named_body(ctx, _clause(ctx, line, at.start))
    return body is not None and body[1] in _cabinet_bodies(ctx) and (
        ctx.cabinet_meeting() is not None or ctx.release.meta.kind == "cabinet-summary"
    )


def _cabinet_decider(ctx: TextContext, at: Span) -> Decider | None:
    """The cabinet meeting of a resolution: the one its sentence names with a date (an earlier
    resolution cited, ``คณะรัฐมนตรีมีมติ (21 กรกฎาคม 2563) เห็นชอบ...``), else the meeting the
    release reports."""
    clause = _clause(ctx, ctx.line_of(at.start), at.start)
    named = [m for m in ctx.meetings_in(clause) if m.meeting_class == "CabinetMeeting" and m.date]
    cabinet = named[-1] if named else ctx.cabinet_meeting()
    return Decider(cabinet.ref) if cabinet else None


def _decider(ctx: TextContext, at: Span, line: Span, target: Ref | None, titles: list[Span] = ()) -> Decider | None:
    """The meeting or body that took the decision at ``at``: the one its sentence names
    nearest before the verb (a meeting, "the meeting", a body); when the sentence names none, the
    meeting whose heading the line stands under, else the section's meeting (a list of outcomes
    under a meeting); None when the sentence names a
    deciding body the gazetteer does not know. A name inside a title already read (``2.เห็นชอบ
    กรอบ...ในอาเซียน 3.เห็นชอบ...``) is part of that title, not who decides."""
    clause = _clause(ctx, line, at.start)
    dates = [d for d in find_dates(ctx.text[clause.start : clause.end], ctx.rules) if d.last is None]
    date = Quoted(dates[-1].first, Span(clause.start + dates[-1].start, clause.start + dates[-1].end)) if len(dates) == 1 else None
    candidates: list[tuple[int, Ref]] = []
    for m in ctx.meetings_in(clause, venues_only=True):
        if m.ref != target and m.meeting_class != "CabinetMeeting":
            candidates.append((m.span.end, m.ref))
    main = ctx.main_meeting()
    heading = ctx.heading_meeting(line)
    for cue in ctx.find_cues("this_meeting", clause):
        # "the meeting": the one its line named last, else the session whose heading the line
        # stands under (``2.2 ที่ประชุมได้รับรอง...`` under ``2. การประชุมระหว่างอาเซียนและคู่เจรจา``),
        # else the one the section is about
        meant = ctx.meeting_before(cue.start, line) or heading or main
        if meant is not None and meant.ref != target and meant.meeting_class != "CabinetMeeting":
            candidates.append((cue.end, meant.ref))
    if body := _named_body(ctx, clause):
        candidates.append(body)
    candidates = [c for c in candidates if not any(t.start < c[0] <= t.end for t in titles)]
    if candidates:
        chosen = max(candidates, key=lambda c: c[0])
        also = _coordinated_body(ctx, clause, chosen[0]) if body and chosen == body else None
        return Decider(chosen[1], date, (also,) if also and also != chosen[1] else ())
    if any(not ctx.mentions_in(head) and not any(m.start <= head.start < m.end for m in ctx.mentions) for head in ctx.find_cues("body_heads", clause)):
        return None  # a deciding body the gazetteer does not know (``คณะกรรมการ ป.ป.ช. มีมติ``)
    # a line under a session's own heading is of that session
    main = heading if heading is not None and heading.ref != target else main
    return Decider(main.ref, date) if main is not None and main.ref != target else None


_GLOSS_AFTER = re.compile(r"\s*\([^()\n]*\)")


def _taken_during(ctx: TextContext, title: Span, line: Span) -> MeetingMention | None:
    """``ได้ร่วมลงนามบันทึกความเข้าใจ...ดิจิทัล (Memorandum of ...) ในช่วงระหว่างการประชุม X``: the
    meeting named right after a decision's object (past its bracketed English name) as the occasion
    it was taken during is who took it (the sentence names no other taker after the object)."""
    pos = title.end
    while gloss := _GLOSS_AFTER.match(ctx.text, pos):
        pos = gloss.end()
    cue = ctx.cue_at(pos, "held_during")
    if cue is None:
        return None
    return next((m for m in ctx.meetings_in(line, venues_only=True) if cue.start <= m.span.start <= cue.end and m.meeting_class != "CabinetMeeting"), None)


def decisions(ctx: TextContext) -> tuple[list[DocumentFact], list[DecisionFact]]:
    """The documents decided on, and the decisions: each document once per place it is named
    (its kind is quoted wherever its title is)."""
    docs: dict[tuple[Ref, Span], DocumentFact] = {}
    out: list[DecisionFact] = []
    taken: list[Span] = []

    def decide(decider: Decider, at: Span, title_span: Span, decision: str, rule: str = "decision") -> None:
        title = ctx.text[title_span.start : title_span.end]
        ref, known_kind = document_ref(ctx, title)
        if ref.label and (full := _short_form_of(ctx, title, list(docs.values()))):
            ref, title, known_kind = full.document, full.title, full.kind
        elif ref.label and not _whole_title(ctx, title_span):
            return
        near = 0 <= title_span.start - at.end < 80 and ctx.line_of(at.start) == ctx.line_of(title_span.start)
        taken.append(Span(at.start, title_span.end) if near else title_span)
        kind = known_kind or _kind_of(ctx, title) or (_generic_kind(ctx) if rule == "decision-on-counted-documents" else None)
        docs.setdefault((ref, title_span), DocumentFact(ref, title, kind, ctx.quote(title_span)))
        quote = ctx.quote(at, title_span) if near else ctx.quote(title_span)
        out.extend(DecisionFact(by, ref, decision, quote, date=decider.date, rule=rule) for by in (decider.ref, *decider.also))

    lines = ctx.body_lines()
    for number, line in enumerate(lines):
        chunk = ctx.text[line.start : line.end]
        for verb, kind in _verbs(ctx):
            for i in _verb_positions(ctx, chunk, verb):
                at = Span(line.start + i, line.start + i + len(verb))
                held_for = _purpose_of_a_session(ctx, at)
                if any(t.start <= at.start < t.end for t in taken) or (_is_future(ctx, at) and held_for is None):
                    continue
                pos = at.end
                for _ in range(2):
                    conn = ctx.cue_at(pos, "decision_object_connectors")
                    if conn:
                        pos = conn.end
                listed_at = pos
                pos = _after_submission(ctx, pos, line)
                cabinet = _is_cabinet_decision(ctx, at.start) or _names_the_cabinet(ctx, at, line) or _cabinet_resolution_point(ctx, line, lines[:number])
                authorised = _authorised(ctx, at, line)
                if authorised:
                    cabinet, decision = True, "approved"
                else:
                    decision = (_cabinet_kind(ctx, verb) or kind.id) if cabinet else kind.id
                results = ctx.cue_at(pos, "meeting_results")
                if results:
                    # the meeting's own name may begin inside the cue (``ผล|การประชุม...``)
                    target = _results_of(ctx, results)
                    if target is None:
                        continue
                    decider = _cabinet_decider(ctx, at) if cabinet else _decider(ctx, at, line, target.ref)
                    if decider is None or decider.ref == target.ref:
                        continue
                    taken.append(Span(at.start, target.span.end))
                    out.append(DecisionFact(decider.ref, target.ref, decision, ctx.quote(at, target.span), date=decider.date, rule="decision-on-meeting"))
                    continue
                decider = _cabinet_decider(ctx, at) if cabinet else (Decider(held_for.ref) if held_for else _decider(ctx, at, line, None, taken))
                if decider is None:
                    continue
                if not cabinet and (listed_results := _results_listed_below(ctx, pos, line, lines[number + 1 :], decider.ref)):
                    out.extend(DecisionFact(decider.ref, target.ref, decision, quote, date=decider.date, rule="decision-on-listed-meetings") for target, quote in listed_results)
                    continue
                counted = _counted_titles(ctx, pos, line, lines[number + 1 :])
                for listed in counted:
                    decide(decider, at, listed, decision, "decision-on-counted-documents")
                title_span = None if counted else _title_at(ctx, pos, line.end)
                if title_span:
                    if occasion := _taken_during(ctx, title_span, line):
                        decider = Decider(occasion.ref, decider.date)
                    decide(decider, authorised or at, title_span, decision, "decision-authorised" if authorised else "decision")
                    continue
                for listed in _listed_titles(ctx, pos, line):
                    decide(decider, at, listed, decision)
                if cabinet and not counted and ctx.cue_at(listed_at, "generic_documents"):
                    for listed in _drafts_listed_below(ctx, lines[number + 1 :]):
                        decide(decider, at, listed, decision, "decision-on-listed-drafts")
        out.extend(_pending(ctx, line, docs))
        out.extend(_pending_listed_below(ctx, line, lines[number + 1 :], docs))
    for at, decision, listed in _drafts_of_resolution_elsewhere(ctx):
        if decider := _cabinet_decider(ctx, at):
            decide(decider, at, listed, decision, "decision-on-drafts-counted-elsewhere")
    for doc in _named_known_documents(ctx, list(docs.values())) + _named_with_english_name(ctx, list(docs.values())):
        docs.setdefault((doc.document, doc.quote), doc)
    for doc in _listed_outcomes(ctx, list(docs.values())):
        docs.setdefault((doc.document, doc.quote), doc)
    for doc in _named_with_year(ctx, list(docs.values())):
        docs.setdefault((doc.document, doc.quote), doc)
    for doc in _named_in_english(ctx, list(docs.values())):
        docs.setdefault((doc.document, doc.quote), doc)
    for doc in _named_again(ctx, list(docs.values())):
        docs.setdefault((doc.document, doc.quote), doc)
    return _one_spelling(list(docs.values()), list(dict.fromkeys(out)))


_ENGLISH_NAME = re.compile(r"\s*\(\s*[A-Za-z][^()\u0e00-\u0e7f]{12,}")


_MISSPELT_AT_MOST = 3  # letters in which two spellings of one title may differ
_MISSPELT_MIN_LENGTH = 30  # shorter titles differing in a letter may well be two documents


def _one_spelling(found: list[DocumentFact], decided: list[DecisionFact]) -> tuple[list[DocumentFact], list[DecisionFact]]:
    """``...เอเชียตะวันออกเฉียงใต้ (อาเขียน) และ...ด้านดิจิทัล`` beside ``...(อาเซียน)...`` in one
    release: minted titles of one kind that differ in a few Thai letters only are one document
    misspelt, known by the spelling that falls into fewer words (a misspelt word falls apart). A title of no
    known kind may be a misspelling of one of some kind (``ร่างแกลงการณ์ผู้นำว่าด้าย...`` beside
    ``ร่างแถลงการณ์ผู้นำว่าด้วย...``: the misspelt head is why no kind is known). A digit or a Latin letter of
    difference (``ปี 2565``, ``ปี 2566``) makes two documents."""
    minted = sorted({d.title: d for d in found if d.document.label}.values(), key=lambda d: (d.kind is None, word_count(d.title), d.quote.start))
    chosen: dict[Ref, DocumentFact] = {}
    for i, doc in enumerate(minted):
        for better in minted[:i]:
            if (better.kind == doc.kind or doc.kind is None) and better.document not in chosen and _misspelt(better.title, doc.title):
                chosen[doc.document] = better
                break
    if not chosen:
        return found, decided
    docs = [replace(d, document=chosen[d.document].document, title=chosen[d.document].title) if d.document in chosen else d for d in found]
    out = [replace(d, target=chosen[d.target].document) if d.target in chosen else d for d in decided]
    return list(dict.fromkeys(docs)), list(dict.fromkeys(out))


def _misspelt(a: str, b: str) -> bool:
    if a == b or min(len(a), len(b)) < _MISSPELT_MIN_LENGTH:
        return False
    changed = ""
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            changed += a[i1:i2] + b[j1:j2]
    return len(changed) <= 2 * _MISSPELT_AT_MOST and all("\u0e01" <= c <= "\u0e4e" and not c.isdigit() for c in changed)


def _named_with_english_name(ctx: TextContext, named: list[DocumentFact]) -> list[DocumentFact]:
    """``ร่างแถลงการณ์ผู้นำว่าด้วย... (Leaders’ Statement on ...)``: a title opening with a
    document head at the start of a word group (after white space, a list number or ``และ``, or
    right after the words for becoming a party to it: ``การเข้าเป็นภาคีอนุสัญญา...``),
    followed by its English name in parentheses, names a document even when nothing is decided on
    it; when the title itself names a digital matter (a blue economy framework listed beside
    the DEFA is no document of this graph)."""
    digital = load_vocabulary().digital
    out = []
    heads = "|".join(re.escape(h) for h, _ in _heads(ctx))
    party_to = "".join(f"|(?<={re.escape(w)})" for w in ctx.rules.cue("party_to"))
    opening = re.compile(r"(?:^|(?<=\s)|(?<=\))" + party_to + r")(?:" + ctx.conjunctions() + r")?(?=(?:" + re.escape(ctx.rules.draft_prefix) + ")?(?:" + heads + "))")
    for line in ctx.body_lines():
        for m in opening.finditer(ctx.text, line.start, line.end):
            span = _title_at(ctx, m.end(), line.end)
            english = _ENGLISH_NAME.match(ctx.text, span.end, line.end) if span else None
            if span is None or english is None or any(d.quote.start <= span.start < d.quote.end for d in named + out):
                continue
            title = ctx.text[span.start : span.end]
            ref, known_kind = document_ref(ctx, title)
            kind = known_kind or _kind_of(ctx, title)
            if ref.label and not (digital.found_in(title) and _names_its_kind(ctx, english.group(0), kind) and ctx.whole_name(span, "document")):
                continue
            out.append(DocumentFact(ref, title, kind, ctx.quote(span), rule="document-named"))
    return out


def _generic_kind(ctx: TextContext) -> str | None:
    """The kind of a document no head names: the one the gazetteer gives the generic noun
    (``เอกสาร``, ``Document``). A title counted among documents (``The cabinet approved 12 draft
    outcome documents``, ``ร่างเอกสารทั้ง 7 ฉบับ``) with no head of its own is of that kind."""
    return next((e.id for e in ctx.gazetteer.of_kind("document-kind") if e.get(_lang_key(ctx, "generic"))), None)


def _footnoted_word(chunk: str) -> int | None:
    """``...และข้อริเริ่มอาเซียนในการอำนวยความสะดวกเพื่อให้เกิดระบบนิเวศโอทีทีที่ยั่งยืน* นอกจากนี้``:
    a title written as one word group (no white space) that a footnote mark closes runs to the
    mark, clause words and all. Returns the mark's offset in ``chunk``."""
    m = _FOOTNOTE_MARK.search(chunk)
    return m.start() if m and not any(c.isspace() for c in chunk[: m.start()]) else None


def _whole_title(ctx: TextContext, span: Span) -> bool:
    """A whole name for a minted document: ``ctx.whole_name``, but a clause word inside a Thai
    title its English name translates right after it (``ร่างข้อริเริ่มอาเซียนในการอำนวยความสะดวก
    เพื่อให้เกิดระบบนิเวศโอทีทีที่ยั่งยืน (ASEAN Initiative for Facilitating ...)``, the English name
    saying the kind the head does), or in one written as a single word group a footnote mark
    closes, is part of the title, as ``_title_at`` reads it."""
    problem = name_problem(ctx.text, span, "document", ctx.rules)
    if problem and problem.startswith("holds the clause word") and not ctx.rules.latin:
        english = _ENGLISH_NAME.match(ctx.text, span.end)
        title = ctx.text[span.start : span.end]
        translated = english and _names_its_kind(ctx, english.group(0), _kind_of(ctx, title)) and not _sentence_break(ctx).search(title)
        if translated or _footnoted_word(ctx.text[span.start : span.end + 2]) == len(title):
            return is_word_boundary(ctx.text, span.start) and is_word_boundary(ctx.text, span.end)
    return ctx.whole_name(span, "document")


_BRACKETED_ASIDE = re.compile(r"\s*\([^()]*\)\s*")


def _listed_outcomes(ctx: TextContext, found: list[DocumentFact]) -> list[DocumentFact]:
    """Documents listed one per bracketed number after a list's opening word (``ผลการดำเนินงาน
    สำคัญ ปี 2564 ได้แก่ (1) ยุทธศาสตร์... ปี ค.ศ. 2021 – 2025 (2) โครงการ ... (3) เอกสารแนวคิด...
    (ASEAN ...)``): an item opening with a document head is a document when its title is the
    whole item, but for the years it runs for or one bracketed aside after it. An item that runs
    on past its title is no clean title and gives nothing; items of other things (projects) are
    passed over."""
    if ctx.rules.latin:
        return []
    heads = tuple(h for h, _ in _heads(ctx))
    out: list[DocumentFact] = []
    for line in ctx.body_lines():
        for intro in ctx.find_cues("list_intro", line):
            if not _PARENTHESISED_NUMBER.match(ctx.text, ctx.skip_space(intro.end)):
                continue
            # white space before the next bracketed number is no sentence break
            brk = next((b for b in _sentence_break(ctx).finditer(ctx.text, ctx.skip_space(intro.end), line.end) if not _PARENTHESISED_NUMBER.match(ctx.text, b.end())), None)
            rest = Span(intro.end, brk.start() if brk else line.end)
            numbers = list(_PARENTHESISED_NUMBER.finditer(ctx.text, rest.start, rest.end))
            for i, number in enumerate(numbers):
                end = numbers[i + 1].start() if i + 1 < len(numbers) else rest.end
                item = ctx.text[number.end() : end]
                if not item.startswith(heads) or ctx.without_trailing_conjunction(item.rstrip()) != item.rstrip():
                    continue
                span = _title_at(ctx, number.end(), end)
                if span is None or any(d.quote.start <= span.start < d.quote.end for d in found + out):
                    continue
                after = ctx.text[span.end : end]
                if after.strip() and _without_tail(ctx, ctx.text[span.start : end]) != ctx.text[span.start : span.end] and not _BRACKETED_ASIDE.fullmatch(after):
                    continue
                title = ctx.text[span.start : span.end]
                ref, known_kind = document_ref(ctx, title)
                if ref.label and not ctx.whole_name(span, "document"):
                    continue
                out.append(DocumentFact(ref, title, known_kind or _kind_of(ctx, title), ctx.quote(span), rule="document-named"))
    return out


def _named_with_year(ctx: TextContext, found: list[DocumentFact]) -> list[DocumentFact]:
    """A document named in passing by its head, its subject and its year (``ดำเนินการตาม
    แผนแม่บทอาเซียนด้านดิจิทัล ค.ศ. 2025``, ``...ที่สอดคล้องกับยุทธศาสตร์ความร่วมมือด้าน
    ความมั่นคงปลอดภัยไซเบอร์ของอาเซียน ค.ศ. 2021 - 2025``): the head opens a word group (after
    white space or a linking word), the head and subject are that one word group, an era and a
    year close it, and the title names a digital matter. Any other words after a head are no
    title: nothing less than this shape is taken."""
    if ctx.rules.latin:
        return []
    digital = load_vocabulary().digital
    heads = "|".join(re.escape(h) for h, _ in _heads(ctx))
    after = "|".join(re.escape(w) for w in ctx.rules.cue("document_named_after"))
    eras = "|".join(re.escape(e) for e in ctx.rules.cue("title_year_era"))
    shape = re.compile(
        r"(?:^|(?<=\s)|(?<=" + after.replace("|", ")|(?<=") + r"))"
        r"((?:" + heads + r")[^\s()]+\s*(?:" + eras + r")\s*[0-9๐-๙]{4}(?:\s*[-–]\s*[0-9๐-๙]{4})?)(?![0-9๐-๙\u0e01-\u0e4e])"
    )
    out: list[DocumentFact] = []
    for line in ctx.body_lines():
        for m in shape.finditer(ctx.text, line.start, line.end):
            title = _without_tail(ctx, m.group(1))
            span = Span(m.start(1), m.start(1) + len(title))
            if any(d.quote.start <= span.start < d.quote.end or span.start <= d.quote.start < span.end for d in found + out):
                continue
            if not digital.found_in(title):
                continue
            ref, known_kind = document_ref(ctx, title)
            if ref.label and not ctx.whole_name(span, "document"):
                continue
            out.append(DocumentFact(ref, title, known_kind or _kind_of(ctx, title), ctx.quote(span), rule="document-named"))
    return out


def _names_its_kind(ctx: TextContext, english: str, kind: str | None) -> bool:
    """Whether an English name says the kind the Thai head does (``ร่างรายงานการศึกษา... (Study
    on ...)``), not some other name in brackets (a ministry's, the agreement a plan is for)."""
    entry = ctx.gazetteer.get("document-kind", kind) if kind else None
    tails = entry.get("tails_en") or [] if entry else []
    return any(re.search(r"\b" + re.escape(t) + r"\b", english, re.IGNORECASE) for t in tails)


_LATIN_RUN = re.compile(r"(?<![A-Za-z0-9(])[A-Z][A-Za-z0-9.’'&/-]*(?: [A-Za-z0-9.’'&/-]+)+")


def _named_in_english(ctx: TextContext, found: list[DocumentFact]) -> list[DocumentFact]:
    """``...ข้อเสนอแนวคิดโครงการ The 2025 U.S.-ASEAN Combating Online Scams Concept Note ของ...``:
    an English name in Thai text that ends with the English head of a document kind (``tails_en``)
    after at least two other words names a document; not one in brackets, the English name of
    the Thai title before it."""
    tails = sorted(((t, e.id) for e in ctx.gazetteer.of_kind("document-kind") for t in e.get("tails_en") or []), key=lambda x: -len(x[0]))
    out = []
    for line in ctx.body_lines():
        for m in _LATIN_RUN.finditer(ctx.text, line.start, line.end):
            name = m.group(0).rstrip(".")
            tail = next(((t, k) for t, k in tails if name.endswith(" " + t)), None)
            cased = name
            if tail is None or len(name[: -len(tail[0])].split()) < 2:
                tail = _head_phrase_kind(ctx, name, tails, line)
                if tail is None:
                    continue
                # the words after the head phrase may be a lower-case phrase (``for the use of``)
                cased = name[: _HEAD_PHRASE_END.search(name).start()] + " " + name.split()[-1]  # type: ignore[union-attr]
            span = Span(m.start(), m.start() + len(name))
            before = ctx.text[line.start : span.start]
            if before.count("(") > before.count(")") or any(d.quote.start <= span.start < d.quote.end for d in found + out):
                continue
            ref, known_kind = _acronym_after(ctx, span) or document_ref(ctx, name)
            if ref.label and not (_is_title_case(ctx, cased) and ctx.whole_name(span, "document")):
                continue
            out.append(DocumentFact(ref, name, known_kind or tail[1], span, rule="document-named"))
    return out


def _head_phrase_kind(ctx: TextContext, name: str, tails: list[tuple[str, str]], line: Span) -> tuple[str, str] | None:
    """``ASEAN Guideline for 5G Ecosystem Development``: an English name whose head phrase (the
    words before its first ``for``/``of``/``on``...) ends with the English head of a document
    kind after another word names a document of that kind. Not on a line that gives money: a
    funded ``โครงการ ASEAN Strategic Guidance for ... (ได้รับงบประมาณ ... ดอลลาร์สหรัฐ)`` is a
    project (funding.py)."""
    m = _HEAD_PHRASE_END.search(name)
    if m is None:
        return None
    head = name[: m.start()]
    tail = next(((t, k) for t, k in tails if head.endswith(" " + t)), None)
    if tail is None or not head[: -len(tail[0])].split():
        return None
    chunk = ctx.text[line.start : line.end]
    return None if any(form in chunk for form in ctx.rules.currencies) else tail


def _acronym_after(ctx: TextContext, span: Span) -> tuple[Ref, str | None] | None:
    """``Digital Economy Framework Agreement (DEFA)``: the known document whose short form follows
    in brackets."""
    opening = ctx.skip_space(span.end)
    if ctx.text[opening : opening + 1] != "(":
        return None
    m = ctx.mention_at(opening + 1, "document")
    if m is None:
        return None
    entry = ctx.gazetteer.get("document", m.id)
    return Ref("document", m.id), (entry.get("kind") if entry else None)


def _is_title_case(ctx: TextContext, name: str) -> bool:
    """An English name as names are written: every word capitalised but the small ones
    (``MOU Digital Economy partnership Agreement`` is a phrase, not a name)."""
    small = set(ctx.rules.cue("english_small_words"))
    return all(w[0].isupper() or w[0].isdigit() or w in small for w in name.split())


def _named_again(ctx: TextContext, found: list[DocumentFact]) -> list[DocumentFact]:
    """A title read once names the same document wherever the section writes it again."""
    out = []
    titles = {doc.title: doc for doc in found if doc.document.label}
    for line in ctx.body_lines():
        for title, doc in titles.items():
            start = line.start
            while (i := ctx.text.find(title, start, line.end)) != -1:
                start = i + len(title)
                if not any(d.quote.start <= i < d.quote.end for d in found + out):
                    out.append(DocumentFact(doc.document, title, doc.kind, Span(i, i + len(title)), rule="document-named"))
    return out


def _named_known_documents(ctx: TextContext, decided: list[DocumentFact]) -> list[DocumentFact]:
    """Documents the gazetteer knows, named in passing (``สอดคล้องกับแผนแม่บทอาเซียนด้านดิจิทัล
    ค.ศ. 2025``): the document and its kind, quoted where named; not a name inside the title of
    another document named there."""
    out = []
    for m in ctx.mentions:
        if m.kind != "document" or m.start < ctx.body_start:
            continue
        if any(d.quote.start <= m.start and m.end <= d.quote.end and d.quote != Span(m.start, m.end) for d in decided):
            continue
        entry = ctx.gazetteer.get("document", m.id)
        title = ctx.text[m.start : m.end]
        out.append(DocumentFact(Ref("document", m.id), title, entry.get("kind") if entry else None, Span(m.start, m.end), rule="document-named"))
    return out


_LIST_NUMBER = re.compile(r"^\s*[0-9๐-๙]{1,2}(?:\.[0-9๐-๙]{1,2})*\s*[.)]?\s*")
_NUMBER_OPENING = re.compile(r"\s*([0-9๐-๙]{1,2}(?:\.[0-9๐-๙]{1,2})*)\s*[.)]\s*")


def _opening_number(ctx: TextContext, line: Span) -> tuple[str, int] | None:
    """The number a line opens with (``1.``, ``2)``, ``1.1``) and where its text starts."""
    m = _NUMBER_OPENING.match(ctx.text, line.start, line.end)
    return (ascii_digits(m.group(1)), m.end()) if m else None


def _drafts_listed_below(ctx: TextContext, lines: list[Span]) -> list[Span]:
    """The drafts a cabinet resolution approves, listed as numbered items under it.

    The list runs until the agenda item ends (``[...]`` in an excerpt, or the next agenda
    number ``NN. เรื่อง``) or a paragraph opens on another subject (a bracketed aside, ``ที่ประชุม...``);
    an item is a draft when it starts with the draft prefix or a document head, possibly after
    ``... คือ``.
    """
    found = []
    for line in lines[:40]:
        text = ctx.text[line.start : line.end]
        if text.strip() in ctx.rules.cue("agenda_end") or re.match(r"^\s*[0-9]{1,3}\.\s*เรื่อง", text):
            break
        if text.lstrip().startswith(("[", *ctx.rules.cue("this_meeting"))):
            break
        m = _LIST_NUMBER.match(text)
        if not m or not m.group(0).strip():
            continue
        pos = line.start + m.end()
        intro = ctx.find_cues("list_intro", Span(pos, line.end))
        for start in [pos] + [i.end for i in intro[:1]]:
            if ctx.text.startswith(ctx.rules.draft_prefix, ctx.skip_space(start)):
                span = _title_at(ctx, start, line.end, any_draft=True)
                if span:
                    found.append(span)
                    break
    return found


_COUNT_REACH = 12  # ``ร่างเอกสาร|ทั้ง 14 ฉบับ``: the count follows the generic noun this close
_ITEM_NUMBER = re.compile(r"\s*([0-9๐-๙]{1,2}(?:\.[0-9๐-๙]{1,2})*)\s*[.)]?\s+")  # ``2.1 ร่าง...``, ``1. เห็นชอบ...``


def _drafts_of_resolution_elsewhere(ctx: TextContext) -> list[tuple[Span, str, Span]]:
    """(verb, decision, title) for the drafts a cabinet resolution of the section approves when
    the resolution stands outside the passages in scope: ``1. เห็นชอบต่อร่างเอกสารทั้ง 14 ฉบับ``
    (a point of ``คณะรัฐมนตรีมีมติเห็นชอบ... ดังนี้``) counts drafts that the item lists further
    down as numbered sub-items (``2.1 ร่าง...`` to ``2.14 ร่าง...``), of which only some are about
    ASEAN digital cooperation. The resolution covers every listed draft: the decision is given to
    those whose item is in scope, quoted by their title there. All or nothing: one run of
    numbered items, each opening with a draft, exactly as many as the resolution counts."""
    if ctx.section is None or ctx.passages is None:
        return []
    lines = [s for s in ctx.lines if ctx.section.start <= s.start and s.end <= ctx.section.end and s.start >= ctx.body_start and ctx.text[s.start : s.end].strip()]
    out: list[tuple[Span, str, Span]] = []
    for number, line in enumerate(lines):
        if _in_passages(ctx, line) or not _resolves_for_cabinet(ctx, line, lines[:number]):
            continue
        for at, decision, count in _counted_approvals(ctx, line):
            titles = _draft_run(ctx, lines, count)
            out += [(at, decision, title) for title in titles if _in_passages(ctx, title)]
    return out


def _in_passages(ctx: TextContext, span: Span) -> bool:
    return any(p.start <= span.start and span.end <= p.end for p in ctx.passages or ())


def _resolves_for_cabinet(ctx: TextContext, line: Span, before: list[Span]) -> bool:
    """Whether ``line`` is a cabinet resolution (``คณะรัฐมนตรีมีมติ...``) or a numbered point of
    one (the last unnumbered line before it is a resolution ending in ``ดังนี้``). Names are found
    afresh: the line is outside the passages whose names the context holds."""
    numbered = _opening_number(ctx, line) is not None
    intro = line
    if numbered:
        intro = next((b for b in reversed(before) if _opening_number(ctx, b) is None), None)  # type: ignore[assignment]
        if intro is None or not ctx.text[intro.start : intro.end].rstrip().endswith(ctx.rules.cue("list_follows")):
            return False
    resolution = ctx.find_cues("cabinet_resolution", intro)
    if not resolution:
        return False
    named = ctx.gazetteer.find(ctx.text[intro.start : resolution[0].start], kinds=("org",))
    return any(Ref("org", m.id) in _cabinet_bodies(ctx) for m in named)


def _counted_approvals(ctx: TextContext, line: Span) -> list[tuple[Span, str, int]]:
    """(verb, decision, count) for each cabinet verb of ``line`` whose object is drafts counted
    and not named (``เห็นชอบต่อร่างเอกสารทั้ง 14 ฉบับ``)."""
    units = "|".join(re.escape(u) for u in ctx.rules.cue("document_count_unit"))
    counted = re.compile(r"[^0-9๐-๙\s]{0,%d}\s*([0-9๐-๙]+)\s*(?:%s)" % (_COUNT_REACH, units))
    out = []
    chunk = ctx.text[line.start : line.end]
    for verb, _ in _verbs(ctx):
        decision = _cabinet_kind(ctx, verb)
        for i in _verb_positions(ctx, chunk, verb) if decision else []:
            at = Span(line.start + i, line.start + i + len(verb))
            if _is_future(ctx, at) or not _opens_resolution(ctx, line, at) or any(a.start <= at.start < a.end for a, _, _ in out):
                continue
            pos = at.end
            for _ in range(2):
                if conn := ctx.cue_at(pos, "decision_object_connectors"):
                    pos = conn.end
            generic = ctx.cue_at(pos, "generic_documents")
            if generic is None or not ctx.text.startswith(ctx.rules.draft_prefix, generic.start):
                continue
            if m := counted.match(ctx.text, generic.end, line.end):
                out.append((at, decision, int(ascii_digits(m.group(1)))))  # type: ignore[arg-type]
    return out


def _opens_resolution(ctx: TextContext, line: Span, at: Span) -> bool:
    """Whether the verb at ``at`` is the resolution's own: it opens a numbered point (``1. เห็นชอบ``)
    or follows the resolution cue (``มีมติเห็นชอบ``), not what someone is authorised to do
    (``2. ให้รัฐมนตรี... ให้ความเห็นชอบร่างเอกสาร 11 ฉบับ``)."""
    head = ctx.text[line.start : at.start]
    number = _ITEM_NUMBER.match(head)
    if not (head[number.end() :] if number else head).strip():
        return True
    return head.rstrip().endswith(ctx.rules.cue("cabinet_resolution"))


def _draft_run(ctx: TextContext, lines: list[Span], count: int) -> list[Span]:
    """The titles of the one run of numbered items (``2.1`` ... ``2.N``, or ``1.`` ... ``N.``)
    that lists ``count`` drafts, every item opening with the draft prefix; none unless exactly
    one run of that length does."""
    runs: list[list[Span]] = []
    current: list[Span] = []
    expected: tuple[str, int] | None = None
    for line in lines:
        m = _ITEM_NUMBER.match(ctx.text, line.start, line.end)
        if m is None:
            continue
        opening = (ascii_digits(m.group(1)), m.end())
        parent, _, last = opening[0].rpartition(".")
        if expected and (parent, int(last)) == expected and current:
            pass
        else:
            if current:
                runs.append(current)
            current = []
            if last != "1":
                expected = None
                continue
        title = _title_at(ctx, opening[1], line.end, any_draft=True) if ctx.text.startswith(ctx.rules.draft_prefix, ctx.skip_space(opening[1])) else None
        if title is None:
            current, expected = [], None
            continue
        current.append(title)
        expected = (parent, int(last) + 1)
    if current:
        runs.append(current)
    matching = [r for r in runs if len(r) == count]
    return matching[0] if len(matching) == 1 else []


_NAME_IN_PARENTHESES = re.compile(r"[^()\s][^()]{0,60}?\(\s*(?:[Tt]he\s+)?")


def _results_of(ctx: TextContext, results: Span) -> MeetingMention | None:
    """The meeting whose results a decision takes: named right after ``ผลการประชุม`` (its name may
    begin inside the cue), or, when the Thai name is not one the gazetteer knows, by the English
    name in the parentheses after it (``ผลการประชุมรัฐมนตรีอาเซียนครั้งที่ 2 (The 2nd ASEAN
    Digital Ministers Meeting: ADGMIN)``)."""
    named = next((m for m in ctx.meetings if results.start < m.span.start <= results.end + 2), None)
    if named is not None:
        return named
    m = _NAME_IN_PARENTHESES.match(ctx.text, ctx.skip_space(results.end))
    if m is None:
        return None
    return next((x for x in ctx.meetings if m.end() <= x.span.start <= m.end() + 4), None)


def _after_submission(ctx: TextContext, pos: int, line: Span) -> int:
    """``รับทราบตามที่กระทรวง... (ดศ.) เสนอผลการประชุม...``: the decision's object comes after
    the clause naming who submitted it; ``pos`` when there is no such clause."""
    intro = ctx.cue_at(pos, "submitted_by")
    if intro is None:
        return pos
    window = Span(intro.end, min(line.end, intro.end + 120))
    verbs = ctx.find_cues("submitted_verb", window)
    return verbs[0].end if verbs else pos


_PARENTHESISED_NUMBER = re.compile(r"\(\s*[0-9๐-๙]{1,2}\s*\)\s*")


def _counted_titles(ctx: TextContext, pos: int, line: Span, below: list[Span]) -> list[Span]:
    """Documents counted, then listed: ``เห็นชอบต่อร่างเอกสารทั้ง 7 ฉบับ (1) ร่าง... (2) ร่าง...``;
    ``...รวม 5 ฉบับ*`` with the titles in the footnote; ``ได้เห็นชอบเอกสาร... จำนวน 7 ฉบับ
    ดังนี้`` with the titles on the numbered lines below. All or nothing: the list must hold as
    many titles as the sentence counts."""
    if ctx.rules.latin:
        return _counted_english_titles(ctx, pos, line, below)
    if not ctx.cue_at(pos, "generic_documents"):
        return []
    units = "|".join(re.escape(u) for u in ctx.rules.cue("document_count_unit"))
    m = re.compile(r"([0-9๐-๙]+)\s*(?:" + units + r")\s*(\**)").search(ctx.text, pos, min(line.end, pos + 250))
    if m is None:
        return []
    count, mark = int(ascii_digits(m.group(1))), m.group(2)
    if mark:
        titles = _footnote_titles(ctx, line, mark)
    elif _PARENTHESISED_NUMBER.match(ctx.text, ctx.skip_space(m.end())):
        titles = _parenthesised_titles(ctx, Span(m.end(), line.end))
    elif ctx.cue_at(m.end(), "list_follows"):
        titles = _numbered_line_titles(ctx, below, count)
    else:
        return []
    return titles if len(titles) == count else []


def _counted_english_titles(ctx: TextContext, pos: int, line: Span, below: list[Span]) -> list[Span]:
    """``The cabinet approved 12 draft outcome documents for ...`` then, further down the item,
    a paragraph ending in ``are:`` and the titles one per line, some after a label (``To be
    signed: <title>``, ``To be adopted:``). All or nothing: as many titles as counted."""
    units = "|".join(re.escape(u) for u in ctx.rules.cue("document_count_unit"))
    m = re.compile(r"([0-9]+)\s+(?:" + units + r")(?![A-Za-z])").match(ctx.text, ctx.skip_space(pos), line.end)
    if m is None:
        return []
    count = int(m.group(1))
    intro = next((i for i, b in enumerate(below) if ctx.text[b.start : b.end].rstrip().endswith(ctx.rules.cue("list_follows"))), None)
    if intro is None:
        return []
    labels = ctx.rules.cue("list_label_words")
    titles: list[Span] = []
    for item in below[intro + 1 :]:
        text = ctx.text[item.start : item.end]
        if text.startswith(ctx.rules.cue("agenda_heading")):
            break
        start = item.start
        label = next((lb for lb in labels if text.startswith(lb)), None)
        if label is not None:
            rest = text[len(label) :]
            if not rest.lstrip().startswith(":"):
                break
            if not rest.lstrip()[1:].strip():
                continue  # ``To be adopted:`` heads the titles below it
            start = item.start + len(label) + rest.index(":") + 1
        start = ctx.skip_space(start)
        if _drafted(ctx, start):
            start += len(ctx.rules.draft_prefix)
        titles.append(ctx.quote(Span(start, item.end)))
    return titles if len(titles) == count else []


def _parenthesised_titles(ctx: TextContext, span: Span) -> list[Span]:
    """``(1) ร่าง... (2) ร่าง...``: one title per numbered part; None for a part that holds none."""
    numbers = list(_PARENTHESISED_NUMBER.finditer(ctx.text, span.start, span.end))
    titles = []
    for i, number in enumerate(numbers):
        end = numbers[i + 1].start() if i + 1 < len(numbers) else span.end
        title = _title_at(ctx, number.end(), end, any_draft=True)
        if title is None:
            return []
        titles.append(title)
    return titles


def _footnote_titles(ctx: TextContext, line: Span, mark: str) -> list[Span]:
    """The titles a footnote lists (``* 5 ฉบับ ได้แก่ (1) ร่าง... (2) ร่าง...``): the first line
    after ``line`` that starts with the same mark."""
    for note in ctx.body_lines():
        text = ctx.text[note.start : note.end].lstrip()
        if note.start > line.start and text.startswith(mark) and not text.startswith(mark + "*"):
            return _parenthesised_titles(ctx, note)
    return []


def _numbered_line_titles(ctx: TextContext, below: list[Span], count: int) -> list[Span]:
    """The titles that open the numbered lines below (``1. ร่างบันทึกความเข้าใจฯ มีวัตถุประสงค์...``),
    numbered 1 to ``count`` in order."""
    titles = []
    for line in below[:count]:
        opening = _opening_number(ctx, line)
        if opening is None or opening[0] != str(len(titles) + 1):
            return []
        title = _title_at(ctx, opening[1], line.end, any_draft=True)
        if title is None:
            return []
        titles.append(title)
    return titles


def _cabinet_resolution_point(ctx: TextContext, line: Span, before: list[Span]) -> bool:
    """``คณะรัฐมนตรีมีมติเห็นชอบ...ตามที่ ดศ. เสนอ ดังนี้`` then ``1. เห็นชอบต่อ...``: a numbered
    point of a cabinet resolution is the cabinet's decision. So is a point with no subject of its
    own (``The cabinet approved the following proposals of X:`` then ``Approved draft ...``)."""
    if not _is_point(ctx, line):
        return False
    for intro in reversed(before):
        if _is_point(ctx, intro):
            continue
        resolution = ctx.find_cues("cabinet_resolution", intro)
        named = _named_body(ctx, Span(intro.start, resolution[0].start)) if resolution else None
        # in English the cue is itself the subject (``The cabinet approved ...``)
        by_cabinet = named[1] in _cabinet_bodies(ctx) if named else bool(resolution) and ctx.rules.latin and _is_cabinet_decision(ctx, resolution[0].end + 1)
        return by_cabinet and _introduces_points(ctx, intro, resolution[0].end)
    return False


def _is_point(ctx: TextContext, line: Span) -> bool:
    """A numbered line, or one that opens with a decision verb (a point with no subject)."""
    return _opening_number(ctx, line) is not None or any(0 in _verb_positions(ctx, ctx.text[line.start : line.end], verb) for verb, _ in _verbs(ctx))


def _introduces_points(ctx: TextContext, intro: Span, after: int) -> bool:
    """Whether a resolution line announces points below: it ends with ``ดังนี้`` / ``as follows``,
    or its object is ``the following ...`` and it ends with a colon."""
    text = ctx.text[intro.start : intro.end].rstrip()
    return text.endswith(ctx.rules.cue("list_follows")) or (text.endswith(":") and bool(ctx.find_cues("points_follow", Span(after, intro.end))))


def _short_form_of(ctx: TextContext, title: str, known: list[DocumentFact]) -> DocumentFact | None:
    """``บันทึกความเข้าใจฯ``: a short form (ending in ``ฯ``) of a document named before in the
    section, the one whose title shares the longest start with it (at least a document head's
    length), when only one does."""
    if not title.endswith("ฯ") or "ฯ" in title[:-1]:
        return None
    short = fold(title[:-1])
    shared: dict[Ref, tuple[int, DocumentFact]] = {}
    for doc in known:
        full = fold(doc.title)
        n = next((i for i, (a, b) in enumerate(zip(short, full)) if a != b), min(len(short), len(full)))
        if doc.document not in shared or n > shared[doc.document][0]:
            shared[doc.document] = (n, doc)
    ranked = sorted(shared.values(), key=lambda x: -x[0])
    heads = [fold(h) for h, _ in _heads(ctx)]
    if not ranked or not any(short.startswith(h) and ranked[0][0] >= len(h) for h in heads):
        return None
    if len(ranked) > 1 and ranked[1][0] == ranked[0][0]:
        return None
    return ranked[0][1]


def _is_future(ctx: TextContext, at: Span) -> bool:
    """A decision still to come is no decision: ``ที่จะมีการร่วมลงนาม``, or one told in a clause
    about what will happen (``ผู้นำอาเซียนจะพิจารณาเอกสาร...ที่ AEC Council ให้ความเห็นชอบ``)."""
    before = ctx.text[max(0, at.start - 14) : at.start].replace(" ", "")
    if any(before.endswith(cue.replace(" ", "")) for cue in ctx.rules.cue("future_decision")):
        return True
    clause = _clause(ctx, ctx.line_of(at.start), at.start)
    return bool(ctx.find_cues("future_clause", Span(max(clause.start, at.start - 100), at.start)))


_PURPOSE_REACH = 30  # ``ได้มีการหารือร่วมกับคู่เจรจาของอาเซียน เพื่อรับรอง...``: the session's name ends this close before its purpose


def _purpose_of_a_session(ctx: TextContext, at: Span) -> MeetingMention | None:
    """``รัฐมนตรีอาเซียนดิจิทัลได้มีการหารือร่วมกับคู่เจรจาของอาเซียน เพื่อรับรองแผนงาน...``: what a
    session held (named by what was done in it) met to do is what it did, not a decision to come:
    the session took it."""
    before = ctx.text[max(0, at.start - 14) : at.start].replace(" ", "")
    if not before.endswith(ctx.rules.cue("body_purpose")):
        return None
    line = ctx.line_of(at.start)
    session = ctx.meeting_before(at.start, Span(max(line.start, at.start - _PURPOSE_REACH - 200), at.start), venues_only=True)
    if session is None or at.start - session.span.end > _PURPOSE_REACH or not ctx.find_cues("with_partners_session", session.span):
        return None
    if ctx.find_cues("future_clause", Span(line.start, at.start)) or ctx.find_cues("future", Span(line.start, at.start)):
        return None
    return session


def _authorised(ctx: TextContext, at: Span, line: Span) -> Span | None:
    """``อนุมัติให้ [someone] ลงนามใน...``: the cabinet approves what it authorises."""
    for cue in ctx.find_cues("authorise", Span(max(line.start, at.start - 400), at.start)):
        if _is_cabinet_decision(ctx, cue.start + 3) or ctx.release.meta.kind == "cabinet-summary":
            return cue
    return None


def _pending(ctx: TextContext, line: Span, docs: dict[tuple[Ref, Span], DocumentFact]) -> list[DecisionFact]:
    """``ร่างบันทึกความเข้าใจ...ยังไม่มีการพิจารณาการลงนาม... เนื่องจาก ...``: not signed, and why."""
    out = []
    for cue in ctx.find_cues("pending", line):
        heads = [
            ctx.text.rfind(ctx.rules.draft_prefix + head, line.start, cue.start) for head, _ in _heads(ctx)
        ] + [ctx.text.rfind(head, line.start, cue.start) for head, _ in _heads(ctx)]
        start = max(heads, default=-1)
        if start == -1:
            continue
        title_span = _title_at(ctx, start, cue.start)
        if title_span is None:
            continue
        title = ctx.text[title_span.start : title_span.end].strip()
        title_span = Span(title_span.start, title_span.start + len(title))
        ref, known_kind = document_ref(ctx, title)
        if ref.label and not ctx.whole_name(title_span, "document"):
            continue
        decider = _decider(ctx, Span(start, start), line, None)
        if decider is None:
            continue
        docs.setdefault((ref, title_span), DocumentFact(ref, title, known_kind or _kind_of(ctx, title), ctx.quote(title_span)))
        reason = None
        because = ctx.find_cues("reason", Span(cue.end, line.end))
        if because:
            end = _sub_mark(ctx).search(ctx.text, because[0].end, line.end)
            stop = end.start() if end else line.end
            reason_span = ctx.quote(Span(because[0].start, stop))
            reason = Quoted(ctx.text[reason_span.start : reason_span.end], reason_span)
        out.append(DecisionFact(decider.ref, ref, "pending", ctx.quote(title_span, cue), reason=reason, rule="decision-pending"))
    return out


_TOP_NUMBER = re.compile(r"^\s*([0-9]{1,2})\s*\.\s*(?![0-9])")
_BRACKETED = re.compile(r"\(([^()]*)\)")


def _pending_listed_below(ctx: TextContext, line: Span, below: list[Span], docs: dict[tuple[Ref, Span], DocumentFact]) -> list[DecisionFact]:
    """``9. เอกสารที่ยังไม่มีการลงนาม/เห็นชอบ`` over ``9.1 แผนงาน...และข้อเสนอโครงการ... (เนื่องจาก
    ญี่ปุ่นไม่เข้าร่วมการประชุมฯ) (แต่ที่ประชุมฯ มีมติเห็นชอบแล้ว)``, ``9.2 ...``: a numbered heading that
    says documents are not yet signed, over sub-items ``9.k`` that each open with titles; each
    title is pending, with the bracketed reason of its line; a bracketed decision on the line
    (``มีมติเห็นชอบแล้ว``) is taken on its titles too. The heading names no title of its own."""
    content = ascii_digits(ctx.text[line.start : line.end])
    top = _TOP_NUMBER.match(content)
    if top is None or not ctx.find_cues("pending", line) or any(ctx.text.startswith(h, line.start + top.end()) for h, _ in _heads(ctx)):
        return []
    out = []
    for item in below:
        m = re.match(r"^\s*" + top.group(1) + r"\s*\.\s*[0-9]{1,2}\s*[.)]?\s*", ascii_digits(ctx.text[item.start : item.end]))
        if m is None:
            break
        opening = item.start + m.end()
        bracket = _BRACKETED.search(ctx.text, opening, item.end)
        names_end = bracket.start() if bracket else item.end
        titles = [span for part in _parts_after_conjunction(ctx, Span(opening, names_end)) if (span := _title_at(ctx, part.start, part.end))]
        decider = _decider(ctx, Span(opening, opening), item, None) if titles else None
        if decider is None:
            continue
        reason = _bracketed_reason(ctx, Span(names_end, item.end))
        later = _bracketed_decision(ctx, Span(names_end, item.end))
        for span in titles:
            title = ctx.text[span.start : span.end].strip()
            span = Span(span.start, span.start + len(title))
            ref, known_kind = document_ref(ctx, title)
            if ref.label and not ctx.whole_name(span, "document"):
                continue
            docs.setdefault((ref, span), DocumentFact(ref, title, known_kind or _kind_of(ctx, title), ctx.quote(span)))
            quote = ctx.quote(span, reason.quote) if reason else ctx.quote(span)
            out.append(DecisionFact(decider.ref, ref, "pending", quote, reason=reason, rule="decision-pending-listed"))
            if later:
                out.append(DecisionFact(decider.ref, ref, later[0], later[1], rule="decision-pending-listed"))
    return out


def _parts_after_conjunction(ctx: TextContext, span: Span) -> list[Span]:
    """Titles joined by ``และ`` written without a space (``...กับญี่ปุ่นและข้อเสนอโครงการ...``):
    cut where the conjunction stands right before a document head."""
    heads = tuple(h for h, _ in _heads(ctx))
    joined = re.compile("(?:" + "|".join(re.escape(c) for c in ctx.rules.cue("conjunction")) + ")(?=(?:" + "|".join(re.escape(h) for h in heads) + "))")
    cuts = list(joined.finditer(ctx.text, span.start, span.end))
    starts = [ctx.skip_space(span.start)] + [m.end() for m in cuts]
    ends = [m.start() for m in cuts] + [span.end]
    return [Span(a, b) for a, b in zip(starts, ends)]


def _bracketed_reason(ctx: TextContext, span: Span) -> Quoted[str] | None:
    """``(เนื่องจาก X)``: the reason X."""
    for m in _BRACKETED.finditer(ctx.text, span.start, span.end):
        cue = ctx.cue_at(m.start(1), "reason")
        if cue:
            start = ctx.skip_space(cue.end)
            return Quoted(ctx.text[start : m.end(1)].strip(), Span(start, m.end(1)))
    return None


def _bracketed_decision(ctx: TextContext, span: Span) -> tuple[str, Span] | None:
    """``(แต่ที่ประชุมฯ มีมติเห็นชอบแล้ว)``: a decision the meeting did take, in brackets after
    the titles: its kind and the bracket's words."""
    for m in _BRACKETED.finditer(ctx.text, span.start, span.end):
        inside = m.group(1)
        if not ctx.find_cues("this_meeting", Span(m.start(1), m.end(1))):
            continue
        for verb, kind in _verbs(ctx):
            if verb in inside:
                return kind.id, Span(m.start(), m.end())
    return None


_PARENTHESISED_ITEM = re.compile(r"\s*\(\s*[0-9๐-๙]{1,2}\s*\)\s*")


def _results_listed_below(ctx: TextContext, pos: int, line: Span, below: list[Span], decider: Ref) -> list[tuple[MeetingMention, Span]]:
    """``1.2 ที่ประชุมได้รับทราบเรื่องต่าง ๆ ที่สำคัญ ดังนี้`` over ``(1) ผลการดำเนินงาน...``, ``(2) ผลการประชุม
    คณะกรรมการ... ครั้งที่ 1 ...``: a decision with nothing after its verb but "as follows" is taken on
    the lists's items; an item that opens with a meeting's results is a decision on that meeting.
    The list is the run of ``(n)`` lines right below."""
    rest = Span(pos, line.end)
    follows = ctx.find_cues("list_follows", rest)
    if not follows or ctx.text[follows[-1].end : line.end].strip() or _title_at(ctx, pos, line.end):
        return []
    out = []
    for item in below:
        m = _PARENTHESISED_ITEM.match(ctx.text, item.start, item.end)
        if m is None:
            break
        results = ctx.cue_at(m.end(), "meeting_results")
        target = _results_of(ctx, results) if results else None
        if target is not None and target.ref != decider and target.meeting_class != "CabinetMeeting":
            out.append((target, ctx.quote(Span(m.start(), target.span.end))))
    return out
