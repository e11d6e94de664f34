"""Facts extracted from one release: plain dataclasses, every value with its source span.

A ``Quoted`` value carries the span of the words it was read from and the span of the quote
that proves it (the clause around subject and value). Facts name things by ``Ref``: a
gazetteer entry (``kind``, ``id``) or a thing first named in this text (``label`` set).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int

    def cover(self, *others: Span) -> Span:
        return Span(min(self.start, *(o.start for o in others)), max(self.end, *(o.end for o in others)))


@dataclass(frozen=True)
class Quoted(Generic[T]):
    """A value and the quote (span of the release text) it was read from."""

    value: T
    quote: Span


@dataclass(frozen=True, order=True)
class Ref:
    """A thing the facts talk about.

    ``kind`` is the IRI segment (country, org, person, post, place, series, document, topic,
    meeting, project, proposal); ``key`` the IRI slug; ``label`` the name as written when the
    thing is not in a gazetteer (``None`` for gazetteer entries).
    """

    kind: str
    key: str
    label: str | None = field(default=None, compare=False)
    label_lang: str = field(default="th", compare=False)


@dataclass(frozen=True)
class MeetingFact:
    """A meeting named in the text (``การประชุม ADGMIN ครั้งที่ 3``)."""

    meeting: Ref
    meeting_class: str
    series: str
    ordinal: int | None
    date: dt.date | None  # the day of a one-day meeting named by its date (a cabinet meeting)
    quote: Span
    rule: str = "meeting-mention"
    ordinal_stated: bool = True  # False: the ordinal names the node (a session takes its meeting's number) but the text states none


@dataclass(frozen=True)
class MeetingDatesFact:
    meeting: Ref
    start: dt.date
    end: dt.date | None
    quote: Span
    rule: str = "meeting-dates"


@dataclass(frozen=True)
class MeetingPropertyFact:
    """One more property of a meeting: location, host, theme, expected time, member count."""

    meeting: Ref
    prop: str  # location | host | theme | expected-time | member-states
    value: Ref | str | int
    quote: Span
    value_en: str | None = None  # English rendering, for expected-time
    year: int | None = None  # for expected-time
    rule: str = "meeting-property"


@dataclass(frozen=True)
class RelationFact:
    """``part-of`` or ``related`` between meetings, bodies and projects."""

    subject: Ref
    relation: str  # part-of | related
    other: Ref
    quote: Span
    rule: str = "relation"


@dataclass(frozen=True)
class AttendanceFact:
    meeting: Ref
    participant: Ref
    role: str  # an attendance-roles id
    quote: Span
    rule: str = "attendance"


@dataclass(frozen=True)
class TopicFact:
    subject: Ref  # a meeting (or talk)
    topic: str  # a topics id
    quote: Span
    rule: str = "topic"


@dataclass(frozen=True)
class DocumentFact:
    """A document named in the text; ``title`` as written, without the draft prefix."""

    document: Ref
    title: str
    kind: str | None
    quote: Span
    rule: str = "document"


@dataclass(frozen=True)
class DecisionFact:
    decided_by: Ref  # the meeting or body (an organisation) its sentence says took it
    target: Ref  # a document, or a meeting whose results were acknowledged/noted
    decision: str  # a decision-kinds id
    quote: Span
    reason: Quoted[str] | None = None
    date: Quoted[dt.date] | None = None  # the day the sentence gives, if any
    rule: str = "decision"


@dataclass(frozen=True)
class FundingFact:
    project: Ref
    title: Quoted[str]
    funder: Quoted[Ref] | None
    recipient: Quoted[Ref] | None
    amount: Quoted[Decimal] | None
    currency: Quoted[str] | None
    fiscal_year: Quoted[int] | None
    phase: Quoted[int] | None
    purpose: Quoted[str] | None = None
    previous_phase_year: Quoted[int] | None = None
    rule: str = "funding"


@dataclass(frozen=True)
class ProjectFact:
    """A project named in the text without funding (``โครงการศูนย์ความร่วมมือ...``)."""

    project: Ref
    title: str
    quote: Span
    rule: str = "project"


@dataclass(frozen=True)
class TalkFact:
    """A bilateral talk: the release's side with one other side, at a meeting or on a day."""

    talk: Ref
    context: Ref | None  # the meeting it was held during
    parties: tuple[Ref, Ref]
    level: str | None  # a levels id
    quote: Span
    topics: tuple[Quoted[str], ...] = ()
    day: Quoted[dt.date] | None = None  # the day of a talk held outside a meeting
    rule: str = "bilateral-talk"
    context_quote: Span | None = None  # where the clause names the meeting it was held at (else ``quote``)
    actors: tuple[Quoted[Ref], ...] = ()  # who took part for either side: a person, a post, a ministry


@dataclass(frozen=True)
class SupportFact:
    """``ได้รับการสนับสนุนจาก X ในการ ...``: support the release's side received, and for what."""

    support: Ref
    supporter: Ref
    recipient: Ref
    meeting: Ref | None
    quote: Span
    topics: tuple[Quoted[str], ...] = ()
    rule: str = "support"
    deed_quote: Span | None = None  # a partner row: the first line of what the partner did (its own cell)


@dataclass(frozen=True)
class PersonFact:
    person: Ref
    post: Ref | None
    quote: Span
    rule: str = "person-post"


@dataclass(frozen=True)
class SpokespersonFact:
    person: Ref
    quote: Span
    rule: str = "spokesperson"


@dataclass(frozen=True)
class ProposalFact:
    proposal: Ref
    proposer: Ref
    meeting: Ref | None
    body: Ref
    quote: Span
    activities: tuple[Quoted[str], ...] = ()
    rule: str = "proposal"


@dataclass(frozen=True)
class ReleaseFacts:
    """Everything extracted from one release, in text order within each list."""

    release_id: str
    on_topic: bool
    meetings: tuple[MeetingFact, ...] = ()
    dates: tuple[MeetingDatesFact, ...] = ()
    meeting_properties: tuple[MeetingPropertyFact, ...] = ()
    relations: tuple[RelationFact, ...] = ()
    projects: tuple[ProjectFact, ...] = ()
    attendance: tuple[AttendanceFact, ...] = ()
    topics: tuple[TopicFact, ...] = ()
    documents: tuple[DocumentFact, ...] = ()
    decisions: tuple[DecisionFact, ...] = ()
    funding: tuple[FundingFact, ...] = ()
    talks: tuple[TalkFact, ...] = ()
    supports: tuple[SupportFact, ...] = ()
    people: tuple[PersonFact, ...] = ()
    spokespeople: tuple[SpokespersonFact, ...] = ()
    proposals: tuple[ProposalFact, ...] = ()
    notices: tuple[str, ...] = ()
    refused: tuple[tuple[Span, str], ...] = ()  # names read but not minted, and why
