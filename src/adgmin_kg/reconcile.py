"""Reconciliation: one preferred value per one-value property, every claim kept with its rank.

Releases disagree: one announces "ADGMIN 3 and related meetings, 6-10 February", another, written
after the event, gives the ministers' own days, 9-10 February. Each release's named graph keeps
its own claims (it conforms alone). This stage runs after every release is staged, on every
build, and writes the named graph ``graph/reconciled``:

- every statement gets a rank, as Wikidata's (``adg:PreferredRank``, ``adg:NormalRank``,
  ``adg:DeprecatedRank``); statements of a one-value property whose releases disagree also get
  the reason (``adg:rankReason``, a concept of ``id/scheme/rank-reasons``): the criterion of the
  evidence order that decided;
- the graph is ``prov:wasGeneratedBy id:activity/reconciliation``, which ``prov:used`` the rules
  file and names the one-value properties (``adg:oneValueProperty``).

The **truthy view** (``kg.ttl``, ``kg.nt``, ``kg.jsonld``, the store's default graph) is the
union of all graphs without the triples of one-value properties whose statements are not
preferred (:func:`left_out`); ``kg.trig`` keeps every release's claims.

Which properties have one value, how they group, and the evidence order are data:
``data/rules/reconcile.yaml``. A release's values for one group about one subject are one
*claim*; claims are sorted by the criteria in order, and the first claim not vetoed gives the
preferred values, completed (a missing end date) by the next claims consistent with it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import groupby
from pathlib import Path

from typing import TYPE_CHECKING

import pyoxigraph as ox

from adgmin_kg.errors import DataError
from adgmin_kg.paths import data_dir
from adgmin_kg.store import TRUTHY_UPDATE
from adgmin_kg.vocab import ADG, BASE, BUILDER, CURATION, DATA, EXTRACTION, GRAPH, PREFIXES
from adgmin_kg.yamlfile import YAMLError, parse_yaml

if TYPE_CHECKING:
    from rdflib import Dataset

RECONCILED_GRAPH = GRAPH["reconciled"]
RECONCILIATION = f"{BASE}id/activity/reconciliation"
RANK_SCHEME = f"{BASE}id/scheme/rank-reasons"
RANKS = ("preferred", "normal", "deprecated")

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_PROV = "http://www.w3.org/ns/prov#"
_XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
_XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
_ISSUED = "http://purl.org/dc/terms/issued"
_CONTAINED_IN = "https://schema.org/containedInPlace"
_START = "https://schema.org/startDate"
_EXPECTED_TIME = str(ADG.expectedTime)
_EXPECTED_YEAR = str(ADG.expectedYear)
_STATEMENT = str(ADG.Statement)
_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
_MONTHS_EN = tuple(dt.date(2000, m, 1).strftime("%B").casefold() for m in range(1, 13))  # as the builder writes them (extract/meetings.py)

#: the criteria the code knows; the rules file orders them
CRITERIA = ("curated", "agrees-with-dates", "after-event", "own-dates", "most-specific-place",
            "latest-announcement", "more-sources", "first-release")
#: the rank a claim gets when it loses by this criterion (others: normal): an editor's value,
#: or the meeting's own dates, show the value wrong rather than merely less good
DEPRECATING = frozenset({"curated", "agrees-with-dates"})


# ---------------------------------------------------------------- rules


@dataclass(frozen=True)
class Group:
    """One-value properties reconciled together (one claim per release and subject)."""

    id: str
    predicates: tuple[str, ...]
    veto: str | None = None  # a criterion a claim must pass to be preferred at all


@dataclass(frozen=True)
class Criterion:
    id: str
    label: str
    definition: str


@dataclass(frozen=True)
class Rules:
    path: Path
    groups: tuple[Group, ...]
    order: tuple[Criterion, ...]

    @property
    def predicates(self) -> dict[str, Group]:
        return {p: g for g in self.groups for p in g.predicates}


def rules_path() -> Path:
    return data_dir() / "rules" / "reconcile.yaml"


def _iri(path: Path, text: object, where: str) -> str:
    prefix, sep, local = str(text).partition(":")
    if not sep or prefix not in PREFIXES:
        raise DataError(path, f"{where}: {text!r} is not a term with a known prefix (adg:, schema:, dcterms: ...)")
    return str(PREFIXES[prefix]) + local


def load_rules(path: Path | None = None) -> Rules:
    """Parse the rules file; a malformed one raises DataError naming the file and the entry."""
    path = path or rules_path()
    try:
        raw = parse_yaml(path.read_text(encoding="utf-8"))
    except (OSError, YAMLError) as err:
        raise DataError(path, f"cannot read the reconciliation rules: {' '.join(str(err).split())}") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("groups"), list) or not isinstance(raw.get("order"), list):
        raise DataError(path, "the reconciliation rules have a list of 'groups' and a list of 'order' criteria")
    order = []
    for number, item in enumerate(raw["order"], start=1):
        if not isinstance(item, dict) or item.get("id") not in CRITERIA or not item.get("label"):
            raise DataError(path, f"order entry {number}: needs an 'id' (one of {', '.join(CRITERIA)}) and a 'label'")
        order.append(Criterion(str(item["id"]), str(item["label"]), " ".join(str(item.get("definition", "")).split())))
    known = {c.id for c in order}
    if len(known) != len(order):
        raise DataError(path, "a criterion is listed twice in 'order'")
    groups, seen = [], set()
    for number, item in enumerate(raw["groups"], start=1):
        where = f"group {number}"
        if not isinstance(item, dict) or not item.get("id") or not isinstance(item.get("predicates"), list) or not item["predicates"]:
            raise DataError(path, f"{where}: needs an 'id' and a non-empty list of 'predicates'")
        predicates = tuple(_iri(path, p, where) for p in item["predicates"])
        if seen & set(predicates):
            raise DataError(path, f"{where}: a predicate is in two groups")
        seen |= set(predicates)
        veto = item.get("veto")
        if veto is not None and veto not in known:
            raise DataError(path, f"{where}: veto {veto!r} is not a criterion of 'order'")
        groups.append(Group(str(item["id"]), predicates, veto))
    return Rules(path, tuple(groups), tuple(order))


@cache
def default_rules() -> Rules:
    return load_rules()


# ---------------------------------------------------------------- what the releases claim

Term = ox.NamedNode | ox.Literal | ox.BlankNode


@dataclass(frozen=True)
class Claimed:
    """A statement of a one-value property, as staged."""

    statement: ox.NamedNode
    subject: Term
    predicate: ox.NamedNode
    value: Term
    release: ox.NamedNode
    curated: bool


@dataclass
class Evidence:
    """What reconciliation reads from the staged graphs."""

    claims: list[Claimed] = field(default_factory=list)
    statements: list[ox.NamedNode] = field(default_factory=list)  # every statement, for its rank
    issued: dict[str, dt.date] = field(default_factory=dict)  # release IRI -> its date
    contained_in: dict[str, set[str]] = field(default_factory=dict)  # place IRI -> places holding it
    merges: list[tuple[str, str, str]] = field(default_factory=list)  # (node merged away, node kept, statement)


def _date(term: Term) -> dt.date | None:
    if isinstance(term, ox.Literal) and term.datatype.value == _XSD_DATE:
        try:
            return dt.date.fromisoformat(term.value)
        except ValueError:
            return None
    return None


def read_evidence(graphs: Iterable[tuple[str, Path]], rules: Rules) -> Evidence:
    """Statements, release dates and place containment from staged graphs (sorted N-Triples:
    the triples of one statement are contiguous, so each file is read once, in one pass)."""
    wanted = rules.predicates
    evidence = Evidence()
    for name, path in graphs:
        if name == str(RECONCILED_GRAPH):
            continue
        triples = (q.triple for q in ox.parse(path=str(path), format=ox.RdfFormat.N_TRIPLES))
        for subject, group in groupby(triples, key=lambda t: t.subject):
            fields: dict[str, Term] = {}
            is_statement = False
            for t in group:
                p = t.predicate.value
                if p == _RDF + "type" and t.object.value == _STATEMENT:
                    is_statement = True
                elif p == _ISSUED and (day := _date(t.object)):
                    evidence.issued[subject.value] = day
                elif p == _CONTAINED_IN:
                    evidence.contained_in.setdefault(subject.value, set()).add(t.object.value)
                fields.setdefault(p, t.object)
            if not is_statement or not isinstance(subject, ox.NamedNode):
                continue
            evidence.statements.append(subject)
            predicate = fields.get(_RDF + "predicate")
            curated = fields.get(_PROV + "wasGeneratedBy") == ox.NamedNode(str(CURATION))
            if curated and isinstance(predicate, ox.NamedNode) and predicate.value == _SAME_AS:
                drop, keep = fields.get(_RDF + "subject"), fields.get(_RDF + "object")
                if isinstance(drop, ox.NamedNode) and isinstance(keep, ox.NamedNode):
                    evidence.merges.append((drop.value, keep.value, subject.value))
            if isinstance(predicate, ox.NamedNode) and predicate.value in wanted:
                evidence.claims.append(
                    Claimed(
                        statement=subject,
                        subject=fields[_RDF + "subject"],
                        predicate=predicate,
                        value=fields[_RDF + "object"],
                        release=fields[_PROV + "wasDerivedFrom"],  # type: ignore[arg-type]
                        curated=curated,
                    )
                )
    return evidence


# ---------------------------------------------------------------- claims and criteria


def _slot(c: Claimed) -> tuple[str, str]:
    """Values compete within a slot: the predicate, and the language of a tagged literal (an
    expected time is written in Thai and in English, one claim)."""
    lang = c.value.language if isinstance(c.value, ox.Literal) else None
    return (c.predicate.value, lang or "")


@dataclass
class Claim:
    """One release's values for one group about one subject."""

    release: str
    statements: list[Claimed]
    issued: dt.date | None
    slots: dict[tuple[str, str], frozenset[Term]] = field(default_factory=dict)

    @property
    def curated(self) -> bool:
        return any(s.curated for s in self.statements)

    def dates(self) -> list[dt.date]:
        return sorted(d for values in self.slots.values() for v in values if (d := _date(v)))

    def consistent(self, slots: dict[tuple[str, str], frozenset[Term]]) -> bool:
        return all(slots.get(k, v) == v for k, v in self.slots.items())


def _claims(statements: list[Claimed], issued: dict[str, dt.date]) -> list[Claim]:
    by_release: dict[str, list[Claimed]] = defaultdict(list)
    for s in statements:
        by_release[s.release.value].append(s)
    claims = []
    for release, items in sorted(by_release.items()):
        slots: dict[tuple[str, str], set[Term]] = defaultdict(set)
        for s in items:
            slots[_slot(s)].add(s.value)
        claims.append(Claim(release, items, issued.get(release), {k: frozenset(v) for k, v in slots.items()}))
    return claims


@dataclass(frozen=True)
class Context:
    """What the criteria may look at besides the claims themselves."""

    claims: Sequence[Claim]
    preferred_start: dt.date | None  # the subject's preferred start date, once the dates are reconciled
    contained_in: dict[str, set[str]]


def _holders(place: str, contained_in: dict[str, set[str]]) -> set[str]:
    """Every place that holds ``place``, transitively."""
    out: set[str] = set()
    todo = [place]
    while todo:
        for holder in contained_in.get(todo.pop(), ()):
            if holder not in out:
                out.add(holder)
                todo.append(holder)
    return out


def _event_day(claim: Claim, ctx: Context) -> dt.date | None:
    """The day the claim is about: its own first date (dates, a decision's date), else the
    subject's preferred start."""
    own = claim.dates()
    return own[0] if own else ctx.preferred_start


def _after(claim: Claim, ctx: Context) -> bool:
    day = _event_day(claim, ctx)
    return bool(day and claim.issued and claim.issued >= day)


def _range(claim: Claim) -> tuple[dt.date, dt.date] | None:
    start = [d for v in claim.slots.get((_START, ""), ()) if (d := _date(v))]
    end = [d for (p, _), values in claim.slots.items() if p != _START for v in values if (d := _date(v))]
    return (min(start), max(end)) if start and end else None


def _inside(claim: Claim, outer: tuple[dt.date, dt.date]) -> bool:
    """The claim's dates lie inside ``outer`` and are narrower: a range within it, or a single
    start day within it other than its first (a start alone may be the first of many days)."""
    mine = _range(claim)
    if mine is not None:
        return mine != outer and outer[0] <= mine[0] and mine[1] <= outer[1]
    starts = [d for v in claim.slots.get((_START, ""), ()) if (d := _date(v))]
    return bool(starts) and outer[0] < min(starts) <= outer[1]


def _agrees_with_dates(claim: Claim, ctx: Context) -> bool:
    """An announced time agrees with the preferred start when it names that year (and month)."""
    day = ctx.preferred_start
    if day is None:
        return True
    for (p, lang), values in claim.slots.items():
        for v in values:
            if p == _EXPECTED_YEAR and isinstance(v, ox.Literal) and v.value.strip().lstrip("-").isdigit() and int(v.value) != day.year:
                return False
            if p == _EXPECTED_TIME and lang == "en" and isinstance(v, ox.Literal):
                words = v.value.casefold().split()
                months = [i + 1 for i, name in enumerate(_MONTHS_EN) if name in words]
                years = [int(w) for w in words if w.isdigit() and len(w) == 4]
                if (months and day.month not in months) or (years and day.year not in years):
                    return False
    return True


def _key(criterion: str, claim: Claim, ctx: Context) -> tuple[object, ...]:
    """The claim's standing on one criterion: lower sorts first (is better)."""
    if criterion == "curated":
        return (0 if claim.curated else 1,)
    if criterion == "agrees-with-dates":
        return (0 if _agrees_with_dates(claim, ctx) else 1,)
    if criterion == "after-event":
        return (0 if _after(claim, ctx) else 1,)
    if criterion == "own-dates":
        mine = _range(claim)
        wider = mine is not None and any(_inside(c, mine) for c in ctx.claims if c is not claim)
        return (1 if wider else 0,)
    if criterion == "most-specific-place":
        values = {v.value for vs in claim.slots.values() for v in vs if isinstance(v, ox.NamedNode)}
        others = {v.value for c in ctx.claims if c is not claim for vs in c.slots.values() for v in vs if isinstance(v, ox.NamedNode)}
        holds_another = any(value in _holders(o, ctx.contained_in) for o in others for value in values)
        return (1 if holds_another else 0,)
    if criterion == "latest-announcement":
        if _after(claim, ctx) or claim.issued is None:
            return (0, 0)
        return (1, -claim.issued.toordinal())
    if criterion == "more-sources":
        return (-sum(1 for c in ctx.claims if c.consistent(claim.slots)),)
    if criterion == "first-release":
        return (claim.release,)
    raise ValueError(criterion)


# ---------------------------------------------------------------- deciding


@dataclass(frozen=True)
class Ranked:
    rank: str  # preferred | normal | deprecated
    reason: str | None  # a criterion id, when the releases disagree


@dataclass
class Decision:
    """The ranks of one group's statements about one subject, and the values preferred."""

    ranks: dict[str, Ranked]  # statement IRI -> rank
    preferred: dict[tuple[str, str], frozenset[Term]]


def decide(statements: list[Claimed], group: Group, rules: Rules, issued: dict[str, dt.date],
           contained_in: dict[str, set[str]], preferred_start: dt.date | None) -> Decision:
    """Rank one group's statements about one subject by the evidence order."""
    claims = _claims(statements, issued)
    ctx = Context(claims, preferred_start, contained_in)
    order = [c.id for c in rules.order]
    keys = {id(c): tuple(_key(k, c, ctx) for k in order) for c in claims}

    def first_difference(better: Claim, worse: Claim) -> str:
        for criterion, a, b in zip(order, keys[id(better)], keys[id(worse)]):
            if a != b:
                return criterion
        return order[-1]

    def vetoed(claim: Claim) -> bool:
        """A veto is a yes/no criterion: key (0,) passes."""
        return group.veto is not None and _key(group.veto, claim, ctx) != (0,)

    ranked = sorted(claims, key=lambda c: keys[id(c)])
    chosen: dict[tuple[str, str], frozenset[Term]] = {}
    supplier: dict[tuple[str, str], Claim] = {}
    for claim in ranked:
        if vetoed(claim) or not claim.consistent(chosen):
            continue
        for slot, values in claim.slots.items():
            if slot not in chosen:
                chosen[slot], supplier[slot] = values, claim
    slot_values: dict[tuple[str, str], set[frozenset[Term]]] = defaultdict(set)
    for claim in claims:
        for slot, values in claim.slots.items():
            slot_values[slot].add(values)
    disputed = {slot for slot, values in slot_values.items() if len(values) > 1}
    disagree = bool(disputed) or any(vetoed(c) for c in claims)
    ranks: dict[str, Ranked] = {}
    for claim in claims:
        for s in claim.statements:
            slot = _slot(s)
            if s.value in chosen.get(slot, ()):
                reason = None
                if slot in disputed:
                    rivals = [c for c in ranked if slot in c.slots and s.value not in c.slots[slot]]
                    if rivals:
                        reason = group.veto if vetoed(rivals[0]) else first_difference(supplier[slot], rivals[0])
                ranks[s.statement.value] = Ranked("preferred", reason)
                continue
            if vetoed(claim):
                criterion = group.veto or order[-1]
            else:
                winner = supplier.get(slot) or next((c for c in ranked if not vetoed(c)), None)
                criterion = first_difference(winner, claim) if winner is not None else order[-1]
            rank = "deprecated" if criterion in DEPRECATING else "normal"
            ranks[s.statement.value] = Ranked(rank, criterion if disagree else None)
    return Decision(ranks, chosen)


@dataclass
class Reconciliation:
    """The outcome: every statement's rank, and the triples the truthy view leaves out."""

    ranks: dict[str, Ranked]
    left_out: set[str]  # canonical N-Triples lines ("<s> <p> <o> .\n"), as merged
    statements: list[ox.NamedNode]
    merged_into: dict[str, str] = field(default_factory=dict)  # node merged away -> node kept
    merge_statements: set[str] = field(default_factory=set)  # the curated owl:sameAs statements


def merged_into(merges: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """Node merged away -> the node it ends in (chains followed; in a cycle, the IRI that sorts
    first is kept, so the outcome does not depend on the order of the curation files)."""
    direct: dict[str, str] = {}
    for drop, keep, _ in sorted(merges):
        direct.setdefault(drop, keep)
    out: dict[str, str] = {}
    for start in sorted(direct):
        seen = [start]
        node = direct[start]
        while node in direct and node not in seen:
            seen.append(node)
            node = direct[node]
        if node in seen:  # a cycle: all of it ends in its first IRI
            node = min(seen)
        if node != start:
            out[start] = node
    return out


def _merged(term: Term, into: dict[str, str]) -> Term:
    return ox.NamedNode(into[term.value]) if isinstance(term, ox.NamedNode) and term.value in into else term


def reconcile(evidence: Evidence, rules: Rules) -> Reconciliation:
    """Rank every claim of every one-value group, groups in the rules' order. Nodes an editor
    merged are one subject here: their claims compete."""
    by_key: dict[tuple[str, str], list[Claimed]] = defaultdict(list)
    group_of = rules.predicates
    into = merged_into(evidence.merges)
    for c in evidence.claims:
        if into:
            c = Claimed(c.statement, _merged(c.subject, into), c.predicate, _merged(c.value, into), c.release, c.curated)
        by_key[(group_of[c.predicate.value].id, str(c.subject))].append(c)
    ranks: dict[str, Ranked] = {}
    starts: dict[str, dt.date] = {}
    left_out: set[str] = set()
    for group in rules.groups:
        for (gid, subject), statements in sorted(by_key.items()):
            if gid != group.id:
                continue
            decision = decide(statements, group, rules, evidence.issued, evidence.contained_in, starts.get(subject))
            ranks.update(decision.ranks)
            if group.id == rules.groups[0].id:
                chosen = [d for v in decision.preferred.get((_START, ""), ()) if (d := _date(v))]
                if chosen:
                    starts[subject] = min(chosen)
            for s in statements:
                if ranks[s.statement.value].rank != "preferred":
                    left_out.add(_line(s.subject, s.predicate, s.value))
    return Reconciliation(ranks, left_out, evidence.statements, into, {m[2] for m in evidence.merges})


def _line(s: Term, p: ox.NamedNode, o: Term) -> str:
    return ox.serialize([ox.Triple(s, p, o)], format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


# ---------------------------------------------------------------- the reconciled graph


def _rank_node(rank: str) -> ox.NamedNode:
    return ox.NamedNode(str(ADG[f"{rank.capitalize()}Rank"]))


def reason_node(criterion: str) -> ox.NamedNode:
    return ox.NamedNode(f"{BASE}id/rank-reason/{criterion}")


def reconciled_triples(result: Reconciliation, rules: Rules) -> Iterator[ox.Triple]:
    """The triples of ``graph/reconciled``."""
    N, L = ox.NamedNode, ox.Literal
    rdf_type = N(_RDF + "type")
    activity, graph = N(RECONCILIATION), N(str(RECONCILED_GRAPH))
    yield ox.Triple(graph, N(_PROV + "wasGeneratedBy"), activity)
    yield ox.Triple(activity, rdf_type, N(_PROV + "Activity"))
    yield ox.Triple(activity, N(_RDFS + "label"), L("reconciliation of the releases' claims: one preferred value per one-value property", language="en"))
    yield ox.Triple(activity, N(_PROV + "used"), N(str(DATA["rules/reconcile.yaml"])))
    yield ox.Triple(activity, N(_PROV + "wasAssociatedWith"), N(str(BUILDER)))
    for informer in (EXTRACTION, CURATION):
        yield ox.Triple(activity, N(_PROV + "wasInformedBy"), N(str(informer)))
    scheme = N(RANK_SCHEME)
    yield ox.Triple(scheme, rdf_type, N(_SKOS + "ConceptScheme"))
    for p in (_RDFS + "label", _SKOS + "prefLabel"):
        yield ox.Triple(scheme, N(p), L("rank reasons", language="en"))
    for criterion in rules.order:
        node = reason_node(criterion.id)
        yield ox.Triple(node, rdf_type, N(_SKOS + "Concept"))
        yield ox.Triple(node, N(_SKOS + "inScheme"), scheme)
        yield ox.Triple(node, N(_SKOS + "notation"), L(criterion.id))
        for p in (_RDFS + "label", _SKOS + "prefLabel"):
            yield ox.Triple(node, N(p), L(criterion.label, language="en"))
        if criterion.definition:
            yield ox.Triple(node, N(_SKOS + "definition"), L(criterion.definition, language="en"))
    for group in rules.groups:
        for p in group.predicates:  # said of the activity: no claim about other vocabularies' terms
            yield ox.Triple(activity, N(str(ADG.oneValueProperty)), N(p))
    rank_p, reason_p = N(str(ADG.rank)), N(str(ADG.rankReason))
    for statement in result.statements:
        ranked = result.ranks.get(statement.value, Ranked("normal", None))
        yield ox.Triple(statement, rank_p, _rank_node(ranked.rank))
        if ranked.reason:
            yield ox.Triple(statement, reason_p, reason_node(ranked.reason))


@dataclass(frozen=True)
class Merges:
    """Nodes an editor merged (``action: merge`` in data/curation): in the truthy view every
    triple names the kept node instead of the one merged away, but for the curated
    ``owl:sameAs`` statements themselves, which keep saying which node was merged into which."""

    into: dict[str, str]
    statements: frozenset[str]

    def rewrite(self, line: str) -> str:
        """The N-Triples line with merged nodes replaced (subject and object positions)."""
        subject, rest = line.split(" ", 1)
        if subject[1:-1] in self.statements:
            return line
        predicate, obj = rest.split(" ", 1)
        if predicate == f"<{_SAME_AS}>" and subject[1:-1] in self.into and obj.startswith(f"<{self.into[subject[1:-1]]}>"):
            return line  # the merge itself
        if subject.startswith("<") and subject[1:-1] in self.into:
            subject = f"<{self.into[subject[1:-1]]}>"
        body = obj[: -len(" .\n")] if obj.endswith(" .\n") else None
        if body and body.startswith("<") and body.endswith(">") and body[1:-1] in self.into:
            obj = f"<{self.into[body[1:-1]]}> .\n"
        return f"{subject} {predicate} {obj}"

    def touches(self, line: str) -> bool:
        return any(f"<{node}>" in line for node in self.into) if len(self.into) < 8 else bool(self._pattern().search(line))

    def _pattern(self):  # type: ignore[no-untyped-def]
        import re

        return re.compile("|".join(re.escape(f"<{n}>") for n in sorted(self.into)))


@dataclass(frozen=True)
class Staged:
    """``graph/reconciled`` staged, and the lines the truthy view leaves out (also staged, so
    that the next build can patch the store's default graph)."""

    graph: tuple[str, Path]
    left_out: frozenset[str]
    left_out_path: Path
    merges: Merges | None = None  # the truthy view's merged nodes (None: no editor merged any)


def _stage(folder: Path, stem: str, text: str) -> Path:
    """A file named by its digest: an unchanged result keeps its file (and the store its graph)."""
    from adgmin_kg.atomic import write_atomic

    path = folder / f"{stem}-{hashlib.sha256(text.encode()).hexdigest()[:24]}.nt"
    if not path.exists():
        write_atomic(path, text)
    return path


def reconcile_staged(graphs: Sequence[tuple[str, Path]], folder: Path, rules: Rules | None = None) -> Staged:
    """Reconcile staged graphs into ``graph/reconciled``, staged in ``folder``."""
    from adgmin_kg.export import canonical_triples

    rules = rules or default_rules()
    result = reconcile(read_evidence(graphs, rules), rules)
    graph = _stage(folder, "reconciled", canonical_triples(reconciled_triples(result, rules)))
    left_out = _stage(folder, "left-out", "".join(sorted(result.left_out)))
    merges = Merges(result.merged_into, frozenset(result.merge_statements)) if result.merged_into else None
    return Staged((str(RECONCILED_GRAPH), graph), frozenset(result.left_out), left_out, merges)


def reconcile_dataset(dataset: Dataset, rules: Rules | None = None) -> frozenset[str]:
    """Reconcile an in-memory dataset: (re)write its ``graph/reconciled``; return the lines the
    truthy view leaves out."""
    import tempfile

    from rdflib import Graph

    from adgmin_kg.export import stage_dataset

    dataset.remove_graph(dataset.graph(RECONCILED_GRAPH))
    with tempfile.TemporaryDirectory(prefix="adgmin-kg-reconcile-") as scratch:
        staged = reconcile_staged(stage_dataset(dataset, Path(scratch)), Path(scratch), rules)
        reconciled = Graph().parse(staged.graph[1], format="nt")
    target = dataset.graph(RECONCILED_GRAPH)
    for triple in reconciled:
        target.add(triple)
    return staged.left_out


__all__ = ["RECONCILED_GRAPH", "TRUTHY_UPDATE", "Rules", "load_rules", "reconcile", "reconcile_dataset", "reconcile_staged", "read_evidence"]
