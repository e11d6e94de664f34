"""Build RDF from extracted facts: one named graph per release, one for reference data.

Every triple read from a release is asserted in the release's graph and described by an
``adg:Statement`` (subject, predicate, object, release, quote and offsets), so that rdflib and
Oxigraph alike can answer "where does this come from?".
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from decimal import Decimal

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from adgmin_kg.facts import Quoted, Ref, ReleaseFacts, Span
from adgmin_kg.gazetteer import Entry, Gazetteer
from adgmin_kg.read import Release
from adgmin_kg.rules import RuleBook
from adgmin_kg.thaitext import written_language
from adgmin_kg.vocab import (
    ADG,
    BUILDER,
    CURATION,
    DATA,
    EXTRACTION,
    REFERENCE_GRAPH,
    SCHEMA,
    SCHEMES,
    WIKIDATA,
    entity,
    release_graph,
    scheme,
)

MEETING_CLASSES = {
    "MinisterialMeeting",
    "SeniorOfficialsMeeting",
    "BilateralMeeting",
    "CabinetMeeting",
    "CommitteeMeeting",
}
ORG_CLASSES = {
    "fund": ADG.Fund,
    "ministry": ADG.Ministry,
    "working-group": ADG.WorkingGroup,
    "intergovernmental": ADG.IntergovernmentalOrganisation,
    "secretariat": ADG.IntergovernmentalOrganisation,
}
FUNCTIONAL = {SCHEMA.startDate, SCHEMA.endDate, SCHEMA.location, ADG.hostCountry, ADG.memberStatesAttending, ADG.ordinal}


def decimal_literal(value: Decimal) -> Literal:
    """The canonical xsd:decimal form (``12500.0``), which Turtle also writes: exports round-trip."""
    text = format(value.normalize(), "f") if value != value.to_integral_value() else f"{int(value)}.0"
    return Literal(text, datatype=XSD.decimal)


def ordinal_en(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def thai_date(day: dt.date, rules: RuleBook) -> str:
    names = {}
    for name, number in rules.months.items():
        if number not in names or len(name) > len(names[number]):
            names[number] = name
    return f"{day.day} {names[day.month]} {day.year + 543}"


class ReleaseGraphWriter:
    """Adds facts of one release to its named graph, each with its statement."""

    def __init__(self, dataset: Dataset, release: Release, activity: URIRef = EXTRACTION) -> None:
        self.release = release
        self.activity = activity
        self.node = entity("release", release.id)
        self.graph: Graph = dataset.graph(release_graph(release.id))
        self._functional: dict[tuple[Node, Node], Node] = {}

    def fact(self, s: Node, p: URIRef, o: Node, quote: Span, rule: str, *, key: str = "") -> URIRef | None:
        """Assert ``s p o`` and its statement; return the statement (None when skipped).

        ``key`` tells apart a second statement of the same triple and quote (an editor's pin
        beside the extracted statement it confirms)."""
        if p in FUNCTIONAL:
            # one value per release: the first stated wins, and repeats of it add their quotes
            if self._functional.setdefault((s, p), o) != o:
                return None
        text = self.release.text[quote.start : quote.end]
        if not text:
            raise ValueError(f"{self.release.id}: empty quote for {s} {p} {o}")
        g = self.graph
        g.add((s, p, o))
        digest = hashlib.sha1(f"{s.n3()} {p.n3()} {o.n3()} {quote.start} {quote.end}{key}".encode()).hexdigest()[:12]
        st = entity("statement", f"{self.release.id}/{digest}")
        g.add((st, RDF.type, ADG.Statement))
        g.add((st, RDF.subject, s))
        g.add((st, RDF.predicate, p))
        g.add((st, RDF.object, o))
        g.add((st, PROV.wasDerivedFrom, self.node))
        g.add((st, PROV.wasGeneratedBy, self.activity))
        g.add((st, ADG.rule, Literal(rule)))
        g.add((st, ADG.quote, Literal(text)))
        g.add((st, ADG.quoteStart, Literal(quote.start, datatype=XSD.nonNegativeInteger)))
        g.add((st, ADG.quoteEnd, Literal(quote.end, datatype=XSD.nonNegativeInteger)))
        return st

    def types(self, s: Node, classes: Iterable[URIRef], quote: Span, rule: str) -> None:
        for cls in classes:
            self.fact(s, RDF.type, cls, quote, rule)


def iri(ref: Ref) -> URIRef:
    return entity(ref.kind, ref.key)


def _lit_th(value: str) -> Literal:
    return Literal(value, lang="th")


class Builder:
    """Turns ``ReleaseFacts`` into triples; needs the gazetteer only for labels and classes."""

    def __init__(self, dataset: Dataset, gazetteer: Gazetteer, rules: RuleBook) -> None:
        self.ds = dataset
        self.gaz = gazetteer
        self.rules = rules

    # ------------------------------------------------------------ release

    def add_release(self, release: Release, facts: ReleaseFacts) -> None:
        w = ReleaseGraphWriter(self.ds, release)
        g, r, meta = w.graph, w.node, release.meta
        g.add((r, RDF.type, ADG.Release))
        g.add((r, DCTERMS.identifier, Literal(release.id)))
        g.add((r, SCHEMA.url, URIRef(meta.url)))
        g.add((r, DCTERMS.publisher, self._publisher(meta.publisher)))
        g.add((r, DCTERMS.language, Literal(meta.language)))
        g.add((r, ADG.releaseKind, Literal(meta.kind)))
        g.add((r, ADG.scope, Literal(meta.scope)))
        g.add((r, ADG.sha256, Literal(release.sha256)))
        w.fact(r, DCTERMS.title, Literal(release.title, lang=release.meta.language), Span(*release.title_span), "release-title")
        w.fact(r, DCTERMS.issued, Literal(release.issued, datatype=XSD.date), Span(*release.issued_span), "release-date")
        self._meetings(w, facts)
        self._people(w, facts)
        self._documents(w, facts)
        self._funding(w, facts)
        self._talks(w, facts)
        self._supports(w, facts)
        self._proposals(w, facts)

    def _publisher(self, name: str) -> URIRef:
        entry = self.gaz.publisher(name)
        if entry is None:  # the pipeline refuses such metadata before building
            raise ValueError(f"publisher {name!r} is not in the gazetteer")
        return entity("org", entry.id)

    def _label_new(self, w: ReleaseGraphWriter, ref: Ref, quote: Span, rule: str) -> None:
        """A thing first named in this text gets its name as written as its label."""
        if ref.label:
            w.fact(iri(ref), RDFS.label, Literal(ref.label, lang=ref.label_lang), quote, rule)

    # ------------------------------------------------------------ meetings

    def meeting_labels(self, series: Entry, ordinal: int | None, date: dt.date | None) -> dict[str, str]:
        values = {"n": ordinal or "", "ordinal_en": ordinal_en(ordinal) if ordinal else "", "date": date.isoformat() if date else "", "date_th": thai_date(date, self.rules) if date else ""}
        out = {}
        for key in ("label_en_template", "label_th_template", "short_template"):
            template = series.get(key)
            if template:
                out[key] = " ".join(str(template).format(**values).split())  # no number: no gap where it would be
        return out

    def _meetings(self, w: ReleaseGraphWriter, facts: ReleaseFacts) -> None:
        for m in facts.meetings:
            node = iri(m.meeting)
            classes = [ADG.Meeting] + ([ADG[m.meeting_class]] if m.meeting_class in MEETING_CLASSES else [])
            w.types(node, classes, m.quote, m.rule)
            if not m.series:  # an event of no series, named as written
                self._label_new(w, m.meeting, m.quote, m.rule)
                continue
            w.fact(node, ADG.inSeries, entity("series", m.series), m.quote, m.rule)
            if m.ordinal is not None and m.ordinal_stated:
                w.fact(node, ADG.ordinal, Literal(m.ordinal), m.quote, m.rule)
            series = self.gaz.get("series", m.series)
            if series:
                labels = self.meeting_labels(series, m.ordinal, m.date)
                if "label_en_template" in labels:
                    w.fact(node, RDFS.label, Literal(labels["label_en_template"], lang="en"), m.quote, m.rule)
                if "label_th_template" in labels:
                    w.fact(node, RDFS.label, _lit_th(labels["label_th_template"]), m.quote, m.rule)
                if "short_template" in labels:
                    w.fact(node, SKOS.altLabel, Literal(labels["short_template"]), m.quote, m.rule)
        for d in facts.dates:
            node = iri(d.meeting)
            w.fact(node, SCHEMA.startDate, Literal(d.start, datatype=XSD.date), d.quote, d.rule)
            if d.end is not None:
                w.fact(node, SCHEMA.endDate, Literal(d.end, datatype=XSD.date), d.quote, d.rule)
        for p in facts.meeting_properties:
            node = iri(p.meeting)
            if p.prop == "location" and isinstance(p.value, Ref):
                w.fact(node, SCHEMA.location, iri(p.value), p.quote, p.rule)
            elif p.prop == "host" and isinstance(p.value, Ref):
                w.fact(node, ADG.hostCountry, iri(p.value), p.quote, p.rule)
            elif p.prop == "member-states":
                w.fact(node, ADG.memberStatesAttending, Literal(int(p.value)), p.quote, p.rule)  # type: ignore[arg-type]
            elif p.prop == "theme":  # value_en holds the language the theme is written in
                w.fact(node, ADG.theme, Literal(str(p.value), lang=p.value_en or "th"), p.quote, p.rule)
            elif p.prop == "expected-time":
                w.fact(node, ADG.expectedTime, _lit_th(str(p.value)), p.quote, p.rule)
                if p.value_en:
                    w.fact(node, ADG.expectedTime, Literal(p.value_en, lang="en"), p.quote, p.rule)
                if p.year:
                    w.fact(node, ADG.expectedYear, Literal(p.year), p.quote, p.rule)
        for rel in facts.relations:
            both_meetings = rel.subject.kind == rel.other.kind == "meeting"
            pred = DCTERMS.relation if rel.relation == "related" else (SCHEMA.superEvent if both_meetings else DCTERMS.isPartOf)
            w.fact(iri(rel.subject), pred, iri(rel.other), rel.quote, rel.rule)
        for p in facts.projects:
            node = iri(p.project)
            w.fact(node, RDF.type, SCHEMA.Project, p.quote, p.rule)
            w.fact(node, RDFS.label, _lit_th(p.title), p.quote, p.rule)
            w.fact(node, DCTERMS.title, _lit_th(p.title), p.quote, p.rule)
        for a in facts.attendance:
            self._attendance(w, a.meeting, a.participant, a.role, a.quote, a.rule)
        for t in facts.topics:
            w.fact(iri(t.subject), DCTERMS.subject, entity("topic", t.topic), t.quote, t.rule)

    def _attendance(self, w: ReleaseGraphWriter, meeting: Ref, who: Ref, role: str, quote: Span, rule: str, side: bool = True) -> None:
        """``side``: whether ``who`` is also a participant of the meeting (not a talk's actor, who
        takes part for a side: a talk's participants are its two sides)."""
        m, p = iri(meeting), iri(who)
        node = entity("attendance", f"{meeting.key}-{who.key}")
        if side:
            w.fact(m, ADG.participant, p, quote, rule)
        w.fact(node, RDF.type, ADG.Attendance, quote, rule)
        w.fact(node, ADG.attendedMeeting, m, quote, rule)
        w.fact(node, ADG.attendee, p, quote, rule)
        w.fact(node, ADG.role, entity("role", role), quote, rule)

    # ------------------------------------------------------------ people

    def _people(self, w: ReleaseGraphWriter, facts: ReleaseFacts) -> None:
        for f in facts.people:
            node = iri(f.person)
            w.fact(node, RDF.type, SCHEMA.Person, f.quote, f.rule)
            self._label_new(w, f.person, f.quote, f.rule)
            if f.post:
                w.fact(node, ORG.holds, iri(f.post), f.quote, f.rule)
        for s in facts.spokespeople:
            w.fact(w.node, ADG.spokesperson, iri(s.person), s.quote, s.rule)

    # ------------------------------------------------------------ documents

    def _documents(self, w: ReleaseGraphWriter, facts: ReleaseFacts) -> None:
        meeting_dates = {d.meeting: d for d in facts.dates}
        for doc in facts.documents:
            node = iri(doc.document)
            w.fact(node, RDF.type, ADG.Document, doc.quote, doc.rule)
            if doc.document.label:
                title = Literal(doc.title, lang=written_language(doc.title))
                w.fact(node, RDFS.label, title, doc.quote, doc.rule)
                w.fact(node, DCTERMS.title, title, doc.quote, doc.rule)
            if doc.kind:
                w.fact(node, ADG.documentKind, entity("document-kind", doc.kind), doc.quote, doc.rule)
        for d in facts.decisions:
            node = entity("decision", f"{d.decided_by.key}-{d.decision}-{d.target.key}")
            w.fact(node, RDF.type, ADG.Decision, d.quote, d.rule)
            w.fact(node, ADG.decidedBy, iri(d.decided_by), d.quote, d.rule)
            w.fact(node, ADG.decisionOn, iri(d.target), d.quote, d.rule)
            w.fact(node, ADG.decisionKind, entity("decision-kind", d.decision), d.quote, d.rule)
            dates = meeting_dates.get(d.decided_by)
            if d.date:
                w.fact(node, DCTERMS.date, Literal(d.date.value, datatype=XSD.date), d.date.quote, "decision-date")
            elif dates and (dates.end is None or dates.end == dates.start):
                w.fact(node, DCTERMS.date, Literal(dates.start, datatype=XSD.date), dates.quote, "decision-date")
            if d.reason:
                w.fact(node, ADG.reason, _lit_th(d.reason.value), d.reason.quote, d.rule)

    # ------------------------------------------------------------ funding

    def _funding(self, w: ReleaseGraphWriter, facts: ReleaseFacts) -> None:
        for f in facts.funding:
            node, rule = iri(f.project), f.rule
            w.types(node, [ADG.FundedProject, SCHEMA.Project], f.title.quote, rule)
            w.fact(node, RDFS.label, Literal(f.title.value, lang=f.project.label_lang), f.title.quote, rule)
            w.fact(node, DCTERMS.title, Literal(f.title.value, lang=f.project.label_lang), f.title.quote, rule)
            self._quoted(w, node, SCHEMA.funder, f.funder, rule, iri)
            self._quoted(w, node, ADG.recipient, f.recipient, rule, iri)
            self._quoted(w, node, ADG.amount, f.amount, rule, decimal_literal)
            self._quoted(w, node, ADG.currency, f.currency, rule, Literal)
            self._quoted(w, node, ADG.fiscalYear, f.fiscal_year, rule, Literal)
            self._quoted(w, node, ADG.phase, f.phase, rule, Literal)
            self._quoted(w, node, SCHEMA.description, f.purpose, rule, _lit_th)
            if f.previous_phase_year:
                prev = entity("project", f"{f.project.key}-previous-phase")
                q = f.previous_phase_year.quote
                w.fact(node, ADG.continues, prev, q, rule)
                w.fact(prev, RDF.type, SCHEMA.Project, q, rule)
                w.fact(prev, RDFS.label, Literal(f"{f.title.value} (previous phase)", lang=f.project.label_lang), q, rule)
                w.fact(prev, ADG.fiscalYear, Literal(f.previous_phase_year.value), q, rule)
                if f.phase and f.phase.value > 1:
                    w.fact(prev, ADG.phase, Literal(f.phase.value - 1), q, rule)

    @staticmethod
    def _quoted(w: ReleaseGraphWriter, s: URIRef, p: URIRef, q: Quoted | None, rule: str, convert) -> None:  # type: ignore[no-untyped-def]
        if q is not None:
            w.fact(s, p, convert(q.value), q.quote, rule)

    # ------------------------------------------------------------ talks and proposals

    def _label_of(self, ref: Ref, lang: str) -> str:
        entry = self.gaz.get(ref.kind, ref.key)
        if entry:
            return (entry.label_en if lang == "en" else entry.label_th) or entry.label
        return ref.label or ref.key

    def _names_en(self, ref: Ref) -> list[str]:
        """A party's English name and its English aliases (``ITU``): a talk or a support is
        named ``<meeting> / <party>`` by any of them."""
        entry = self.gaz.get(ref.kind, ref.key)
        names = [self._label_of(ref, "en")] + (list(entry.alt_en) if entry else [])
        return list(dict.fromkeys(names))

    def _short_label(self, w: ReleaseGraphWriter, facts: ReleaseFacts, meeting: Ref) -> str:
        for m in facts.meetings:
            if m.meeting == meeting and not m.series and meeting.label:
                return meeting.label
            if m.meeting == meeting and (series := self.gaz.get("series", m.series)):
                return self.meeting_labels(series, m.ordinal, m.date).get("short_template", meeting.key)
        return meeting.key

    def _talks(self, w: ReleaseGraphWriter, facts: ReleaseFacts) -> None:
        for t in facts.talks:
            node, rule = iri(t.talk), t.rule
            w.types(node, [ADG.Meeting, ADG.BilateralMeeting], t.quote, rule)
            home, partner = t.parties
            names_en = f"{self._label_of(home, 'en')}–{self._label_of(partner, 'en')}"
            names_th = f"{self._label_of(home, 'th')}–{self._label_of(partner, 'th')}"
            context = self._short_label(w, facts, t.context) if t.context else None
            when = f" during {context}" if context else (f" on {t.day.value.isoformat()}" if t.day else "")
            label_en = f"Bilateral talk {names_en}{when}"
            w.fact(node, RDFS.label, Literal(label_en, lang="en"), t.quote, rule)
            w.fact(node, RDFS.label, _lit_th(f"การหารือทวิภาคี {names_th}"), t.quote, rule)
            if context:
                for name in self._names_en(partner):
                    w.fact(node, SKOS.altLabel, Literal(f"{context} / {name}"), t.quote, rule)
                w.fact(node, SCHEMA.superEvent, iri(t.context), t.context_quote or t.quote, rule)  # type: ignore[arg-type]
            if t.day:
                w.fact(node, SCHEMA.startDate, Literal(t.day.value, datatype=XSD.date), t.day.quote, rule)
                w.fact(node, SCHEMA.endDate, Literal(t.day.value, datatype=XSD.date), t.day.quote, rule)  # a talk on a day is held within it
                if not context:
                    for name in self._names_en(partner):
                        w.fact(node, SKOS.altLabel, Literal(f"{t.day.value.isoformat()} / {name}"), t.quote, rule)
            if t.level:
                w.fact(node, ADG.level, entity("level", t.level), t.quote, rule)
            for party in t.parties:
                self._attendance(w, t.talk, party, "party", t.quote, rule)
            for actor in t.actors:
                self._attendance(w, t.talk, actor.value, "party", actor.quote, rule, side=False)
            _topics(w, node, t.topics, rule)

    def _supports(self, w: ReleaseGraphWriter, facts: ReleaseFacts) -> None:
        for s in facts.supports:
            node, rule = iri(s.support), s.rule
            w.fact(node, RDF.type, ADG.Support, s.quote, rule)
            context = self._short_label(w, facts, s.meeting) if s.meeting else None
            label = f"Support from {self._label_of(s.supporter, 'en')} to {self._label_of(s.recipient, 'en')}"
            w.fact(node, RDFS.label, Literal(label + (f" at {context}" if context else ""), lang="en"), s.quote, rule)
            w.fact(node, ADG.supporter, iri(s.supporter), s.quote, rule)
            if s.deed_quote:
                w.fact(node, ADG.supporter, iri(s.supporter), s.deed_quote, rule)
            w.fact(node, ADG.participant, iri(s.supporter), s.quote, rule)
            w.fact(node, ADG.participant, iri(s.recipient), s.quote, rule)
            if s.meeting:
                w.fact(node, ADG.atMeeting, iri(s.meeting), s.quote, rule)
                for name in self._names_en(s.supporter):
                    w.fact(node, SKOS.altLabel, Literal(f"{context} / {name}"), s.quote, rule)
            _topics(w, node, s.topics, rule)

    def _proposals(self, w: ReleaseGraphWriter, facts: ReleaseFacts) -> None:
        for p in facts.proposals:
            node, rule = iri(p.proposal), p.rule
            w.fact(node, RDF.type, ADG.Proposal, p.quote, rule)
            w.fact(node, RDFS.label, Literal(f"{self._label_of(p.proposer, 'en')} proposal: {self._label_of(p.body, 'en')}", lang="en"), p.quote, rule)
            w.fact(node, ADG.proposedBy, iri(p.proposer), p.quote, rule)
            w.fact(node, ADG.proposedBody, iri(p.body), p.quote, rule)
            if p.meeting:
                w.fact(node, ADG.proposedAt, iri(p.meeting), p.quote, rule)
            for activity in p.activities:
                w.fact(node, ADG.proposedActivity, _lit_th(activity.value), activity.quote, rule)


def _topics(w: ReleaseGraphWriter, node: URIRef, topics: Iterable[Quoted[str]], rule: str) -> None:
    for topic in topics:
        w.fact(node, DCTERMS.subject, entity("topic", topic.value), topic.quote, rule)


# ---------------------------------------------------------------- reference graph

ENTITY_CLASSES: dict[str, list[URIRef]] = {
    "country": [ADG.Country],
    "org": [ORG.Organization],
    "series": [ADG.MeetingSeries],
    "place": [ADG.Place],
    "post": [ORG.Post],
    "person": [SCHEMA.Person],
    "document": [ADG.Document],
}


def build_reference(dataset: Dataset, gazetteer: Gazetteer) -> None:
    """Gazetteer entries and concept schemes, each attributed to its gazetteer file."""
    g = dataset.graph(REFERENCE_GRAPH)
    for path in gazetteer.files:
        g.add((REFERENCE_GRAPH, PROV.wasDerivedFrom, DATA[f"gazetteers/{path.name}"]))
    g.add((EXTRACTION, RDF.type, PROV.Activity))
    g.add((EXTRACTION, RDFS.label, Literal("extraction of facts from release text by rules and gazetteers", lang="en")))
    g.add((EXTRACTION, PROV.wasAssociatedWith, BUILDER))
    g.add((CURATION, RDF.type, PROV.Activity))
    g.add((CURATION, RDFS.label, Literal("curation of facts by an editor, citing the release", lang="en")))
    g.add((BUILDER, RDF.type, PROV.SoftwareAgent))
    g.add((BUILDER, RDFS.label, Literal("adgmin-kg builder", lang="en")))
    for kind, name in SCHEMES.items():
        s = scheme(kind)
        g.add((s, RDF.type, SKOS.ConceptScheme))
        g.add((s, RDFS.label, Literal(name.replace("-", " "), lang="en")))
        g.add((s, SKOS.prefLabel, Literal(name.replace("-", " "), lang="en")))
    for (kind, _), entry in sorted(gazetteer.entries.items()):
        _add_entry(g, gazetteer, entry)


def _add_entry(g: Graph, gazetteer: Gazetteer, e: Entry) -> None:
    node = entity(e.kind, e.id)
    g.add((node, DCTERMS.source, DATA[f"gazetteers/{e.source.name}"]))
    concept = e.kind in SCHEMES
    for lang, label in (("en", e.label_en), ("th", e.label_th)):
        if label:
            g.add((node, RDFS.label, Literal(label, lang=lang)))
            if concept:
                g.add((node, SKOS.prefLabel, Literal(label, lang=lang)))
            if e.kind == "document":
                g.add((node, DCTERMS.title, Literal(label, lang=lang)))
    for alt in e.alt_en:
        g.add((node, SKOS.altLabel, Literal(alt, lang="en")))
    for alt in e.alt_th:
        g.add((node, SKOS.altLabel, Literal(alt, lang="th")))
    if e.get("short"):
        g.add((node, SKOS.altLabel, Literal(str(e.get("short")))))
    if e.definition:
        g.add((node, SKOS.definition, Literal(e.definition, lang="en")))
    if concept:
        g.add((node, RDF.type, SKOS.Concept))
        g.add((node, SKOS.inScheme, scheme(e.kind)))
        if e.get("broader"):
            g.add((node, SKOS.broader, entity(e.kind, str(e.get("broader")))))
        return
    for cls in ENTITY_CLASSES.get(e.kind, []):
        g.add((node, RDF.type, cls))
    if e.kind == "country":
        g.add((node, ADG.iso3166Alpha2, Literal(str(e.get("iso2")))))
        g.add((node, ADG.aseanMember, Literal(bool(e.get("asean_member")))))
    if e.kind == "org":
        extra = ORG_CLASSES.get(str(e.get("type")))
        if extra is not None:
            g.add((node, RDF.type, extra))
        if e.get("country"):
            g.add((node, ADG.country, entity("country", str(e.get("country")))))
        if e.get("part_of"):
            g.add((node, ORG.subOrganizationOf, entity("org", str(e.get("part_of")))))
    if e.kind == "series" and e.get("body"):
        g.add((node, SCHEMA.organizer, entity("org", str(e.get("body")))))
    if e.kind == "place" and e.get("country"):
        g.add((node, SCHEMA.containedInPlace, entity("country", str(e.get("country")))))
    if e.kind == "post" and e.get("organisation"):
        g.add((node, ORG.postIn, entity("org", str(e.get("organisation")))))
    if e.kind == "document" and e.get("kind"):
        g.add((node, ADG.documentKind, entity("document-kind", str(e.get("kind")))))
    qid = gazetteer.wikidata_id(e)
    if qid:
        g.add((node, OWL.sameAs, WIKIDATA[qid]))


def new_dataset() -> Dataset:
    from adgmin_kg.vocab import PREFIXES

    ds = Dataset(default_union=True)
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    return ds

