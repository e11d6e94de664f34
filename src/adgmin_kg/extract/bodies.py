"""Bodies and projects: what works under whose framework, and what a name says it is about."""

from __future__ import annotations

import hashlib
import re

from adgmin_kg.extract.context import TextContext
from adgmin_kg.extract.scope import load_vocabulary
from adgmin_kg.facts import ProjectFact, Ref, RelationFact, Span, TopicFact
from adgmin_kg.gazetteer import Mention
from adgmin_kg.thaitext import fold


def body_ref(ctx: TextContext, mention: Mention) -> Ref:
    """A series named without an ordinal (``กรอบการประชุม ADGSOM``) means the body that meets."""
    if mention.kind == "series":
        entry = ctx.gazetteer.get("series", mention.id)
        if entry and entry.get("body"):
            return Ref("org", str(entry.get("body")))
    return ctx.ref(mention)


def _named_before(ctx: TextContext, line: Span, offset: int) -> tuple[Ref, Span] | None:
    """The meeting, body or project named last before ``offset`` in the line."""
    best: tuple[Ref, Span] | None = None
    for m in ctx.meetings_in(Span(line.start, offset)):
        best = (m.ref, m.span)
    for m in ctx.mentions_in(Span(line.start, offset), "series", "org"):
        if best is None or m.start >= best[1].end:
            best = (body_ref(ctx, m), Span(m.start, m.end))
    return best


def frameworks(ctx: TextContext) -> tuple[list[RelationFact], list[tuple[Ref, Span]]]:
    """``X ซึ่งอยู่ภายใต้กรอบการประชุม Y``: X is part of Y; ``X ในส่วนของกรอบ Y``: related.

    Also returns the bodies so named, with the span of their name.
    """
    out, named = [], []
    for line in ctx.body_lines():
        for cue_name, relation in (("under_framework", "part-of"), ("within_framework", "related")):
            for cue in ctx.find_cues(cue_name, line):
                other = ctx.mention_at(cue.end, "series", "org", slack=0)
                if other is None and ctx.text[cue.end - len("การประชุม") : cue.end] == "การประชุม":
                    # the body's own name may begin with the cue's last word
                    other = next((m for m in ctx.mentions_in(Span(cue.start, line.end), "series", "org") if m.start < cue.end <= m.end), None)
                if other is None:
                    continue
                subject = _named_before(ctx, line, cue.start)
                target = body_ref(ctx, other)
                if target.kind == "org":
                    named.append((target, Span(other.start, other.end)))
                if subject and subject[0] != target and cue.start - subject[1].end <= 4:
                    out.append(RelationFact(subject[0], relation, target, ctx.quote(subject[1], Span(other.start, other.end)), rule="framework"))
    return out, named


_QUOTED_NAME = re.compile(r"\s*[“\"]([^”\"\n]{4,200})[”\"]")
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9,:'’&/\-–. ]*[A-Za-z0-9]")
_ARTICLE = re.compile(r"the\s+(?=[A-Z])")
_PAREN = re.compile(r"\s*\(([^()\n]*)\)?")
_ACRONYM = re.compile(r"[A-Z][A-Za-z0-9\-]{0,9}")
_LIST_NUMBER = re.compile(r"\s\(?[0-9๐-๙]{1,2}\)")


def _project_name(ctx: TextContext, start: int, line: Span) -> Span | None:
    """The name after ``โครงการ``: a quoted name, an English name, or Thai words up to the
    first clause word."""
    if m := _QUOTED_NAME.match(ctx.text, start, line.end):
        return Span(m.start(1), m.end(1))
    if m := _LATIN_NAME.match(ctx.text, start, line.end):
        end = m.end()
        if cut := _LIST_NUMBER.search(ctx.text, start, end):
            end = cut.start()
        if article := _ARTICLE.match(ctx.text, start, end):  # ``โครงการ the Development of ...``
            start = article.end()
        return ctx.quote(Span(start, end))
    end = ctx.clause_start(start, line.end, (*ctx.rules.cue("project_name_end"), *ctx.rules.names.clause_words))
    for m in _PAREN.finditer(ctx.text, start, end):
        if not _ACRONYM.fullmatch(m.group(1)):  # ``(AI)`` is part of the name, ``(ระยะที่ 2)`` ends it
            end = m.start()
            break
    comma = ctx.text.find(",", start, end)
    return ctx.quote(Span(start, comma if comma != -1 else end))


def _names_a_document(ctx: TextContext, title: str) -> bool:
    """``โครงการ The 2025 U.S.-ASEAN Combating Online Scams Concept Note``: an English name that
    ends with a kind of document (``tails_en`` of the document kinds) names a document."""
    tails = [t for e in ctx.gazetteer.of_kind("document-kind") for t in e.get("tails_en") or []]
    return title.isascii() and any(title.lower().endswith(" " + t.lower()) or title.lower() == t.lower() for t in tails)


def projects(ctx: TextContext, taken: list[Span]) -> tuple[list[ProjectFact], list[RelationFact]]:
    """``โครงการ X``: a project named without money, when it is ASEAN's: the sentence places it
    under an ASEAN body's framework (it is then part of it), or its whole name says ASEAN and
    its passage names an ASEAN digital body (``ASEAN Digital Hub``, a Thai cable project, named
    in a passage about something else, is not ASEAN's)."""
    found, relations = [], []
    for line in ctx.body_lines():
        for cue in ctx.find_cues("project", line):
            start = ctx.skip_space(cue.end)
            if any(s.start <= start < s.end for s in taken) or ctx.text.startswith(ctx.rules.cue("project_not_a_name"), start):
                continue
            if any(m.start <= cue.start < m.end for m in ctx.mentions):
                continue  # ``ข้อเสนอโครงการ...``: the cue is part of a name the gazetteer knows
            title_span = _project_name(ctx, start, line)
            if title_span is None or title_span.end - title_span.start < 6:
                continue
            known = ctx.mention_at(start, "org", "document", "series")
            if known and known.end >= title_span.end:
                continue  # the whole name is a body or document the gazetteer knows
            title = ctx.text[title_span.start : title_span.end]
            body = _framework_body(ctx, line, cue.start)
            says_asean = load_vocabulary().asean.found_in(title) and ctx.is_anchored(line)
            if not (says_asean or body) or _names_a_document(ctx, title) or not ctx.whole_name(title_span, "project"):
                continue
            ref = Ref("project", "project-" + hashlib.sha1(fold(title).encode()).hexdigest()[:10], label=title)
            found.append(ProjectFact(ref, title, title_span))
            if body:
                relations.append(RelationFact(ref, "part-of", body[0], ctx.quote(body[1], title_span), rule="project-of-body"))
    return found, relations


def _framework_body(ctx: TextContext, line: Span, offset: int) -> tuple[Ref, Span] | None:
    """The body whose activities a project is: named after a framework cue earlier in the line."""
    best = None
    for name in ("within_framework", "under_framework"):
        for cue in ctx.find_cues(name, Span(line.start, offset)):
            m = ctx.mention_at(cue.end, "series", "org") or next(
                (m for m in ctx.mentions_in(Span(cue.start, offset), "series", "org") if m.start < cue.end <= m.end), None
            )
            if m and (best is None or cue.start < best[1].start):
                best = (body_ref(ctx, m), Span(m.start, m.end))
    return best


def name_topics(ctx: TextContext, named: list[tuple[Ref, Span]]) -> list[TopicFact]:
    """Topics a body's or project's own name states (``...ด้านความมั่นคงปลอดภัยบนเครือข่าย``); not
    one too general for a name to state (``generic_in_titles``: ``Study on ICT Startup ...``)."""
    out = []
    for ref, span in named:
        chunk = ctx.text[span.start : span.end]
        for t in ctx.gazetteer.only("topic").find(chunk):
            entry = ctx.gazetteer.get("topic", t.id)
            if entry and entry.get("generic_in_titles"):
                continue
            out.append(TopicFact(ref, t.id, ctx.quote(Span(span.start + t.start, span.start + t.end)), rule="topic-in-name"))
    return out
