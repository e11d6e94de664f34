"""Funded projects: a fund, a recipient, a project title and an amount named in one item."""

from __future__ import annotations

import hashlib
import re

from adgmin_kg.extract.context import TextContext
from adgmin_kg.facts import FundingFact, Quoted, Ref, Span
from adgmin_kg.thaitext import ascii_digits, find_amounts, fold, number_word, to_ce_year

_YEAR = re.compile(r"\s*(?:พ\.ศ\.\s*)?([0-9]{4})")
_WORD = re.compile(r"\s*([0-9]{1,2}|[ก-๙]+?)(?=\s|$|[^ก-๙])")
_SLUG = re.compile(r"[^a-z0-9]+")


def project_ref(title: str) -> Ref:
    slug = _SLUG.sub("-", title.lower()).strip("-")
    if slug and title.isascii():
        return Ref("project", slug[:60].rstrip("-"), label=title, label_lang="en")
    return Ref("project", "project-" + hashlib.sha1(fold(title).encode()).hexdigest()[:10], label=title)


def _is_fund(ctx: TextContext, org_id: str) -> bool:
    entry = ctx.gazetteer.get("org", org_id)
    return bool(entry and entry.get("type") == "fund")


def _title_before(ctx: TextContext, line: Span, amount_start: int) -> Span | None:
    """The project title: after the last ``โครงการ`` that starts one, before the amount."""
    best = None
    for cue in ctx.find_cues("project", Span(line.start, amount_start)):
        rest = ctx.text[cue.end : amount_start]
        stripped = rest.strip()
        if not stripped or stripped.startswith(ctx.rules.cue("project_not_a_name")):
            continue
        best = cue
    if best is None:
        return None
    start = ctx.skip_space(best.end)
    end = amount_start
    tail = ctx.text[start:end]
    for stop in (" จำนวน", " มูลค่า", " วงเงิน", " งบประมาณ"):
        i = tail.rfind(stop)
        if i > 0:
            tail = tail[:i]
    paren = tail.find(" (")
    if paren > 0:  # ``X (ได้รับงบประมาณสนับสนุน ...)``: the amount's own clause
        tail = tail[:paren]
    tail = tail.rstrip(" ,:(")
    return Span(start, start + len(tail)) if tail else None


def funding(ctx: TextContext) -> list[FundingFact]:
    out = []
    for line in ctx.body_lines():
        funds = [m for m in ctx.mentions_in(line, "org") if _is_fund(ctx, m.id)]
        approvals = ctx.find_cues("funding_approval", line)
        if not funds and not approvals:
            continue
        for amount in find_amounts(ctx.text[line.start : line.end], ctx.rules):
            a_span = Span(line.start + amount.start, line.start + amount.end)
            title_span = _title_before(ctx, line, a_span.start)
            if title_span is None:
                continue
            if not ctx.whole_name(title_span, "project"):
                continue
            title = ctx.text[title_span.start : title_span.end]
            ref = project_ref(title)
            fund = next((f for f in reversed(funds) if f.end <= a_span.start), None)
            if fund is None:
                continue  # money whose fund the item does not name: no funded project (the shapes want its funder)
            recipient = _recipient_named(ctx, line, a_span.start)
            for cue in approvals:
                who = next((c for c in reversed(ctx.mentions_in(Span(line.start, cue.start), "country", "org")) if cue.start - c.end <= 2), None)
                if who:
                    recipient = Quoted(ctx.ref(who), ctx.quote(Span(who.start, who.end), cue))
            out.append(
                FundingFact(
                    project=ref,
                    title=Quoted(title, ctx.quote(title_span)),
                    funder=Quoted(ctx.ref(fund), ctx.quote(Span(fund.start, fund.end))),
                    recipient=recipient,
                    amount=Quoted(amount.value, ctx.quote(a_span)),
                    currency=Quoted(amount.currency, ctx.quote(a_span)),
                    fiscal_year=_fiscal_year(ctx, line),
                    phase=_phase(ctx, Span(a_span.end, line.end)),
                    purpose=_purpose(ctx, Span(a_span.end, line.end)),
                    previous_phase_year=_previous_phase_year(ctx, Span(a_span.end, line.end)),
                )
            )
    return out


def _recipient_named(ctx: TextContext, line: Span, before: int) -> Quoted[Ref] | None:
    """``โครงการ...ในส่วนของประเทศไทย``: the country the projects are for."""
    for cue in ctx.find_cues("recipient_intro", Span(line.start, before)):
        who = ctx.mention_at(cue.end, "country", "org", slack=8)
        if who:
            return Quoted(ctx.ref(who), ctx.quote(cue, Span(who.start, who.end)))
    return None


def _fiscal_year(ctx: TextContext, line: Span) -> Quoted[int] | None:
    for cue in ctx.find_cues("fiscal_year", line):
        m = _YEAR.match(ascii_digits(ctx.text), cue.end)
        if m:
            return Quoted(to_ce_year(int(m.group(1)), ctx.rules), ctx.quote(cue, Span(m.start(1), m.end(1))))
    return None


def _phase(ctx: TextContext, span: Span) -> Quoted[int] | None:
    for cue in ctx.find_cues("phase", span):
        m = _WORD.match(ascii_digits(ctx.text), cue.end)
        if m and (n := number_word(m.group(1), ctx.rules)):
            return Quoted(n, ctx.quote(cue, Span(m.start(1), m.end(1))))
    return None


def _previous_phase_year(ctx: TextContext, span: Span) -> Quoted[int] | None:
    for cue in ctx.find_cues("first_phase", span):
        year_cue = ctx.cue_at(cue.end, "in_year")
        if year_cue:
            m = _YEAR.match(ascii_digits(ctx.text), year_cue.end)
            if m:
                return Quoted(to_ce_year(int(m.group(1)), ctx.rules), ctx.quote(cue, Span(m.start(1), m.end(1))))
    return None


def _purpose(ctx: TextContext, span: Span) -> Quoted[str] | None:
    for cue in ctx.find_cues("purpose", span):
        value = ctx.quote(Span(cue.end, span.end))
        if value.end > value.start:
            return Quoted(ctx.text[value.start : value.end], value)
    return None
