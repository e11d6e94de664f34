"""Extract facts from one release: gazetteer names and rules kept as data, nothing typed in.

A release is cut into sections and passages (``passages``); each passage is judged in or out
of scope (``scope``); the rules read each section's passages in scope and nothing else, so a
fact and its quote always come from a passage about ASEAN digital cooperation, and the context
a rule looks back on (the meeting a passage is about) is that of its own section.
"""

from __future__ import annotations

from dataclasses import replace

from adgmin_kg.extract import bodies, documents, events, funding, meetings, people, talks, topics
from adgmin_kg.extract.context import TextContext
from adgmin_kg.extract.passages import Layout, layout
from adgmin_kg.extract.scope import Verdict, in_scope_by_section, judge, load_vocabulary, may_concern_asean, section_headings
from adgmin_kg.facts import RelationFact, Ref, ReleaseFacts, Span, TalkFact
from adgmin_kg.gazetteer import Gazetteer, load_gazetteer
from adgmin_kg.read import Release
from adgmin_kg.rules import RuleBook, rules_for

__all__ = ["extract_release", "read_passages"]


def cabinet_series(gazetteer: Gazetteer) -> list[str]:
    return [e.id for e in gazetteer.of_kind("series") if e.get("class") == "CabinetMeeting"]


def read_passages(release: Release, gazetteer: Gazetteer | None = None, rules: RuleBook | None = None) -> tuple[TextContext, Layout, list[Verdict]] | None:
    """The release's context, sections and passages, each passage judged; None when the release
    names neither ASEAN nor an ASEAN digital body (found without reading further)."""
    gazetteer = gazetteer or load_gazetteer()
    rules = rules_for(release.meta.language, rules)
    vocabulary = load_vocabulary()
    if not may_concern_asean(release.text, vocabulary, gazetteer):
        return None
    ctx = TextContext.of(release, rules, gazetteer)
    cut = layout(release)
    verdicts = judge(release.text, cut, section_headings(cut, Span(*release.title_span)), release.meta.kind, vocabulary, gazetteer)
    return ctx, cut, verdicts


def extract_release(release: Release, gazetteer: Gazetteer | None = None, rules: RuleBook | None = None) -> ReleaseFacts:
    """All facts of one release, read with the rules of its language (``rules`` when it is of
    that language). A release with no passage about ASEAN digital cooperation yields no facts,
    with a notice."""
    gazetteer = gazetteer or load_gazetteer()
    rules = rules_for(release.meta.language, rules)
    read = read_passages(release, gazetteer, rules)
    sections = in_scope_by_section(read[2], read[1].sections) if read else {}
    if not sections:
        return ReleaseFacts(release.id, on_topic=False, notices=(f"{release.id}: no passage about ASEAN digital cooperation; the release node is kept, with no facts",))
    ctx = read[0]  # type: ignore[index]
    spans = {s.index: s.span for s in read[1].sections}  # type: ignore[index]
    parts = [
        _section_facts(ctx.within([v.passage.span for v in verdicts], anchored=[v.passage.span for v in verdicts if v.anchored], section=spans[index]))
        for index, verdicts in sections.items()
    ]
    return _merge(release.id, parts, ctx.notices, ctx.refused)


def _section_facts(ctx: TextContext) -> ReleaseFacts:
    """The facts of one section, read from its passages in scope."""
    gazetteer = ctx.gazetteer
    ctx.meetings = meetings.find_meetings(ctx)
    docs, decisions = documents.decisions(ctx)
    projects = funding.funding(ctx)
    person_facts = people.people(ctx)
    talk_facts = talks.talks(ctx)
    decisions = talks.signed_at_talks(ctx, decisions, talk_facts)
    signed = [t for t in talks.signings(ctx) if t.talk not in {o.talk for o in talk_facts}]
    talk_facts += signed
    event_talks, event_meetings, event_relations = events.event_talks(ctx)
    event_relations += events.builds_on(ctx, event_talks, talk_facts)
    talk_facts += [t for t in event_talks if t.talk not in {o.talk for o in talk_facts}]
    rows, row_spans = talks.partner_rows(ctx)
    taken = [d.quote for d in docs] + [p.title.quote for p in projects] + row_spans
    framework_relations, named_bodies = bodies.frameworks(ctx)
    plain_projects, project_relations = bodies.projects(ctx, taken)
    named = named_bodies + [(p.project, p.quote) for p in plain_projects] + [(f.project, f.title.quote) for f in projects]
    name_topics = bodies.name_topics(ctx, named)
    taken += [span for _, span in named]
    noted_results = [
        RelationFact(d.target, "related", d.decided_by, d.quote, rule="results-noted-by")
        for d in decisions
        if d.target.kind == "meeting" and d.decided_by.kind == "meeting" and not d.decided_by.key.startswith(tuple(cabinet_series(gazetteer)))
    ]
    attended = meetings.attendance(ctx, *people.holders(ctx, person_facts))
    props = meetings.meeting_places(ctx) + meetings.meeting_hosts(ctx) + meetings.expected_times(ctx) + meetings.member_counts(ctx) + meetings.themes(ctx)
    facts = ReleaseFacts(
        release_id=ctx.release.id,
        on_topic=True,
        meetings=tuple(meetings.meeting_facts(ctx) + event_meetings),
        dates=tuple(meetings.meeting_dates(ctx)),
        meeting_properties=tuple(props),
        relations=tuple(meetings.relations(ctx) + noted_results + framework_relations + project_relations + event_relations),
        projects=tuple(plain_projects),
        attendance=tuple(attended + meetings.partners_of_adopted(ctx, decisions, docs, attended)),
        topics=tuple(topics.topics(ctx, taken, docs, decisions) + name_topics),
        documents=tuple(docs),
        decisions=tuple(decisions),
        funding=tuple(projects),
        talks=tuple(talk_facts),
        supports=tuple(talks.supports(ctx) + rows),
        people=tuple(person_facts),
        spokespeople=tuple(people.spokespeople(ctx, person_facts)),
        proposals=tuple(people.proposals(ctx)),
    )
    return _without_idle_title_meetings(ctx, _signings_own_their_lines(ctx, facts, signed))


def _signings_own_their_lines(ctx: TextContext, facts: ReleaseFacts, signed: list[TalkFact]) -> ReleaseFacts:
    """A line reporting a signing with another side (a talk of its own, ``talks.signings``) is
    about that talk, not the section's meeting: the instrument signed there is the talk's
    decision, and the line's topics and attendees are the talk's (it carries them)."""
    if not signed:
        return facts
    lines = {ctx.line_of(t.quote.start): t.talk for t in signed}

    def talk_of(quote: Span) -> Ref | None:
        return lines.get(ctx.line_of(quote.start))

    decisions = tuple(replace(d, decided_by=talk) if d.decision == "signed" and (talk := talk_of(d.quote)) else d for d in facts.decisions)
    return replace(
        facts,
        decisions=decisions,
        topics=tuple(t for t in facts.topics if talk_of(t.quote) is None),
        attendance=tuple(a for a in facts.attendance if talk_of(a.quote) is None),
    )


def _without_idle_title_meetings(ctx: TextContext, facts: ReleaseFacts) -> ReleaseFacts:
    """A meeting named only in the release title (the cabinet meeting a summary reports) is
    kept when a fact of the section refers to it, not for its own sake."""
    title_end = ctx.release.title_span[1]
    idle = {m.meeting for m in facts.meetings if m.quote.end <= title_end} - {m.meeting for m in facts.meetings if m.quote.start >= ctx.body_start}
    if not idle:
        return facts
    used = {d.decided_by for d in facts.decisions} | {d.target for d in facts.decisions} | {t.context for t in facts.talks}
    used |= {r.subject for r in facts.relations} | {r.other for r in facts.relations} | {a.meeting for a in facts.attendance}
    used |= {t.subject for t in facts.topics} | {p.meeting for p in facts.meeting_properties} | {s.meeting for s in facts.supports}
    used |= {p.meeting for p in facts.proposals}
    idle -= used
    return replace(
        facts,
        meetings=tuple(m for m in facts.meetings if m.meeting not in idle),
        dates=tuple(d for d in facts.dates if d.meeting not in idle),
    )


def _merge(release_id: str, parts: list[ReleaseFacts], notices: list[str], refused: list[tuple[Span, str]]) -> ReleaseFacts:
    """One release's facts from its sections', in section order."""
    fields = [f for f in ReleaseFacts.__dataclass_fields__ if f not in ("release_id", "on_topic", "notices", "refused")]
    merged = {name: tuple(fact for part in parts for fact in getattr(part, name)) for name in fields}
    return ReleaseFacts(release_id=release_id, on_topic=True, notices=tuple(dict.fromkeys(notices)), refused=tuple(refused), **merged)
