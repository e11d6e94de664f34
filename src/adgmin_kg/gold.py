"""Gold annotations (``data/gold/<id>.yaml``) and the check that a graph holds their facts.

Gold is keyed by labels and quotes, never IRIs; see ``data/gold/README.md``.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, RDF, RDFS, SKOS
from rdflib.term import Node

from adgmin_kg.errors import DataError
from adgmin_kg.vocab import ADG, SCHEMA, entity, release_graph
from adgmin_kg.yamlfile import YAMLError, parse_yaml

LABELS = (RDFS.label, SKOS.prefLabel, SKOS.altLabel, DCTERMS.title)
KINDS = ("release", "people", "meetings", "dates", "attendees", "documents", "funding", "talks", "topics", "proposals")


@dataclass(frozen=True)
class GoldFact:
    kind: str
    subject: str
    property: str
    value: Any
    quote: str
    qualifiers: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    occurrence: int = 1

    def describe(self) -> str:
        extra = "".join(f" [{k}={v}]" for k, v in sorted(self.qualifiers.items()))
        return f"{self.kind}: {self.subject} --{self.property}--> {self.value}{extra}"


@dataclass(frozen=True)
class Gold:
    release: str
    facts: tuple[GoldFact, ...]
    path: Path


def load_gold(path: Path, text: str | None = None) -> Gold:
    try:
        raw = parse_yaml(path.read_text(encoding="utf-8"))
    except (OSError, YAMLError) as err:
        raise DataError(path, f"cannot read gold file: {err}") from err
    if not isinstance(raw, dict) or "release" not in raw or not isinstance(raw.get("facts"), list):
        raise DataError(path, "a gold file has 'release' and a list of 'facts'")
    facts = []
    for number, item in enumerate(raw["facts"], start=1):
        missing = [k for k in ("kind", "subject", "property", "value", "quote") if k not in item]
        if missing:
            raise DataError(path, f"fact {number} lacks {', '.join(missing)}")
        if item["kind"] not in KINDS:
            raise DataError(path, f"fact {number}: unknown kind {item['kind']!r}")
        if text is not None and str(item["quote"]) not in text:
            raise DataError(path, f"fact {number}: quote does not occur in the release: {item['quote']!r}")
        quals = {k: v for k, v in item.items() if k not in ("kind", "subject", "property", "value", "quote", "occurrence")}
        facts.append(GoldFact(item["kind"], str(item["subject"]), str(item["property"]), item["value"], str(item["quote"]), quals, int(item.get("occurrence", 1))))
    return Gold(str(raw["release"]), tuple(facts), path)


def norm(text: object) -> str:
    """Matching key of a label: NFC, case-folded, without white space (Thai spacing varies)."""
    return "".join(unicodedata.normalize("NFC", str(text)).casefold().split())


class GraphIndex:
    """Label lookups and statement spans over one dataset, for one release."""

    def __init__(self, dataset: Dataset, release_id: str, text: str) -> None:
        self.ds = dataset
        self.text = text
        self.release = entity("release", release_id)
        self.by_label: dict[str, set[Node]] = defaultdict(set)
        for pred in LABELS:
            for s, o in dataset.subject_objects(pred):
                self.by_label[norm(o)].add(s)
        self.spans: dict[tuple[Node, Node, Node], list[tuple[int, int]]] = defaultdict(list)
        g = dataset.graph(release_graph(release_id))
        for st in g.subjects(RDF.type, ADG.Statement):
            key = (g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object))
            start, end = g.value(st, ADG.quoteStart), g.value(st, ADG.quoteEnd)
            self.spans[key].append((int(start), int(end)))  # type: ignore[arg-type]

    def nodes(self, label: str) -> set[Node]:
        found = set(self.by_label.get(norm(label), set()))
        if label.startswith("thaigov-"):
            found.add(entity("release", label))
        return found

    def matches(self, node: Node, value: Any) -> bool:
        """A node matches a gold value by label, by concept id, or a literal by equal value."""
        if isinstance(node, Literal):
            py = node.toPython()
            if isinstance(value, (int, float)) or isinstance(py, (int, Decimal)):
                try:
                    return Decimal(str(py)) == Decimal(str(value))
                except (InvalidOperation, ValueError):
                    return False
            return norm(py) == norm(value)
        if isinstance(node, URIRef):
            if str(node).rsplit("/", 1)[-1] == str(value) or str(node).rsplit("#", 1)[-1] == str(value):
                return True
            return node in self.nodes(str(value))
        return False

    def proven(self, triple: tuple[Node, Node, Node], quote: str, occurrence: int) -> bool:
        start = -1
        for _ in range(occurrence):
            start = self.text.find(quote, start + 1)
        if start == -1:
            return False
        end = start + len(quote)
        return any(s < end and start < e for s, e in self.spans.get(triple, []))


# property -> (predicate on the subject) for the simple cases
SIMPLE: dict[str, URIRef | tuple[URIRef, ...]] = {
    "issued": DCTERMS.issued,
    "spokesperson": ADG.spokesperson,
    "post": ORG.holds,
    "ordinal": ADG.ordinal,
    "part-of": (SCHEMA.superEvent, DCTERMS.isPartOf),
    "related": DCTERMS.relation,
    "theme": ADG.theme,
    "expected-time": ADG.expectedTime,
    "host": ADG.hostCountry,
    "start": SCHEMA.startDate,
    "end": SCHEMA.endDate,
    "location": SCHEMA.location,
    "member-states": ADG.memberStatesAttending,
    "kind": ADG.documentKind,
    "funder": SCHEMA.funder,
    "recipient": ADG.recipient,
    "amount": ADG.amount,
    "currency": ADG.currency,
    "year": ADG.fiscalYear,
    "phase": ADG.phase,
    "topic": DCTERMS.subject,
}


def candidates(index: GraphIndex, fact: GoldFact) -> list[tuple[Node, Node, Node]]:
    """The triples of the graph that would carry a gold fact, whatever their quotes."""
    ds = index.ds
    subjects = index.nodes(fact.subject)
    found: list[tuple[Node, Node, Node]] = []
    prop = fact.property
    if prop == "type":
        found = [(s, RDF.type, ADG[str(fact.value)]) for s in subjects if (s, RDF.type, ADG[str(fact.value)]) in ds]
    elif prop in SIMPLE:
        preds = SIMPLE[prop] if isinstance(SIMPLE[prop], tuple) else (SIMPLE[prop],)
        found = [(s, p, o) for p in preds for s in subjects for o in ds.objects(s, p) if index.matches(o, fact.value)]
    elif prop == "attendee":
        for a in ds.subjects(RDF.type, ADG.Attendance):
            if ds.value(a, ADG.attendedMeeting) in subjects and index.matches(ds.value(a, ADG.attendee), fact.value):
                role = fact.qualifiers.get("role")
                if role is None or index.matches(ds.value(a, ADG.role), role):
                    found.append((a, ADG.attendee, ds.value(a, ADG.attendee)))
    elif prop == "decision":
        for d in ds.subjects(RDF.type, ADG.Decision):
            if ds.value(d, ADG.decidedBy) in subjects and index.matches(ds.value(d, ADG.decisionOn), fact.value):
                kind = fact.qualifiers.get("decision")
                if kind is None or index.matches(ds.value(d, ADG.decisionKind), kind):
                    found.append((d, ADG.decisionOn, ds.value(d, ADG.decisionOn)))
    elif prop == "talk":
        for t in ds.subjects(RDF.type, ADG.BilateralMeeting):
            if ds.value(t, SCHEMA.superEvent) in subjects or _held_on_day(ds, t, fact.subject):
                for p in ds.objects(t, ADG.participant):
                    level = fact.qualifiers.get("level")
                    if index.matches(p, fact.value) and (level is None or index.matches(ds.value(t, ADG.level), level)):
                        found.append((t, ADG.participant, p))
    elif prop == "support":
        for sup in ds.subjects(RDF.type, ADG.Support):
            if ds.value(sup, ADG.atMeeting) in subjects and index.matches(ds.value(sup, ADG.supporter), fact.value):
                found.append((sup, ADG.supporter, ds.value(sup, ADG.supporter)))
    elif prop == "proposal":
        for p in ds.subjects(RDF.type, ADG.Proposal):
            if ds.value(p, ADG.proposedBy) not in subjects:
                continue
            meeting = fact.qualifiers.get("meeting")
            if meeting and not index.matches(ds.value(p, ADG.proposedAt), meeting):
                continue
            for pred in (ADG.proposedBody, ADG.proposedActivity):
                found += [(p, pred, o) for o in ds.objects(p, pred) if index.matches(o, fact.value)]
    return found


def _held_on_day(ds: Dataset, talk: Node, subject: str) -> bool:
    """A talk outside a meeting is named by its day (``2024-05-30``): it has that start date and
    no meeting it was held during."""
    if ds.value(talk, SCHEMA.superEvent) is not None:
        return False
    start = ds.value(talk, SCHEMA.startDate)
    return start is not None and str(start) == subject


def find_fact(index: GraphIndex, fact: GoldFact) -> tuple[Node, Node, Node] | None:
    """The triple that carries a gold fact, with a statement overlapping its quote, if any."""
    for triple in candidates(index, fact):
        if index.proven(triple, fact.quote, fact.occurrence):
            return triple
    return None


def check_gold(dataset: Dataset, gold: Gold, text: str) -> list[tuple[GoldFact, bool]]:
    index = GraphIndex(dataset, gold.release, text)
    return [(fact, find_fact(index, fact) is not None) for fact in gold.facts]
