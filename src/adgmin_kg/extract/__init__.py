"""Extract facts from one release: gazetteer names and rules kept as data, nothing typed in."""

from __future__ import annotations

from adgmin_kg.extract import bodies, documents, funding, meetings, people, talks, topics
from adgmin_kg.extract.context import TextContext
from adgmin_kg.facts import RelationFact, ReleaseFacts
from adgmin_kg.gazetteer import Gazetteer, load_gazetteer
from adgmin_kg.read import Release
from adgmin_kg.rules import RuleBook, load_rules

__all__ = ["extract_release", "is_on_topic"]


def cabinet_series(gazetteer: Gazetteer) -> list[str]:
    return [e.id for e in gazetteer.of_kind("series") if e.get("class") == "CabinetMeeting"]


ASEAN_BODY_TYPES = frozenset({"intergovernmental", "secretariat", "fund"})


def is_on_topic(ctx: TextContext) -> bool:
    """A release about ASEAN digital cooperation names an ASEAN meeting series or body."""
    for m in ctx.mentions:
        if m.kind == "series":
            return True
        entry = ctx.gazetteer.get("org", m.id) if m.kind == "org" else None
        if entry is not None and entry.get("type") in ASEAN_BODY_TYPES:
            return True
    return False


def extract_release(release: Release, gazetteer: Gazetteer | None = None, rules: RuleBook | None = None) -> ReleaseFacts:
    """All facts of one release. Off-topic and English releases yield no facts, with a notice."""
    gazetteer = gazetteer or load_gazetteer()
    rules = rules or load_rules()
    ctx = TextContext.of(release, rules, gazetteer)
    if release.meta.language != "th":
        return ReleaseFacts(release.id, on_topic=True, notices=(f"{release.id}: language {release.meta.language!r}: only Thai releases are extracted for now; the release node is kept",))
    if not is_on_topic(ctx):
        return ReleaseFacts(release.id, on_topic=False, notices=(f"{release.id}: names no ASEAN digital meeting or body; the release node is kept, with no facts",))
    ctx.meetings = meetings.find_meetings(ctx)
    docs, decisions = documents.decisions(ctx)
    projects = funding.funding(ctx)
    person_facts = people.people(ctx)
    talk_facts = talks.talks(ctx)
    taken = [d.quote for d in docs] + [p.title.quote for p in projects]
    framework_relations, named_bodies = bodies.frameworks(ctx)
    plain_projects, project_relations = bodies.projects(ctx, taken)
    named = named_bodies + [(p.project, p.quote) for p in plain_projects]
    name_topics = bodies.name_topics(ctx, named)
    taken += [span for _, span in named]
    noted_results = [
        RelationFact(d.target, "related", d.meeting, d.quote, rule="results-noted-by")
        for d in decisions
        if d.target.kind == "meeting" and not d.meeting.key.startswith(tuple(cabinet_series(gazetteer)))
    ]
    props = meetings.meeting_places(ctx) + meetings.meeting_hosts(ctx) + meetings.expected_times(ctx) + meetings.member_counts(ctx) + meetings.themes(ctx)
    return ReleaseFacts(
        release_id=release.id,
        on_topic=True,
        meetings=tuple(meetings.meeting_facts(ctx)),
        dates=tuple(meetings.meeting_dates(ctx)),
        meeting_properties=tuple(props),
        relations=tuple(meetings.relations(ctx) + noted_results + framework_relations + project_relations),
        projects=tuple(plain_projects),
        attendance=tuple(meetings.attendance(ctx, *people.holders(ctx, person_facts))),
        topics=tuple(topics.topics(ctx, taken) + name_topics),
        documents=tuple(docs),
        decisions=tuple(decisions),
        funding=tuple(projects),
        talks=tuple(talk_facts),
        supports=tuple(talks.supports(ctx)),
        people=tuple(person_facts),
        spokespeople=tuple(people.spokespeople(ctx, person_facts)),
        proposals=tuple(people.proposals(ctx)),
    )
