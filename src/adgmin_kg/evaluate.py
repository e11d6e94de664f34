"""Precision, recall and F1 of extraction against the gold files, per release and kind of fact.

A gold fact is found when the graph holds its triple with a statement whose quote overlaps the
gold quote (see ``gold.find_fact``). A triple the builder extracted is correct when some gold fact
of the same release names it. Only extraction is measured: curated statements are left out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF
from rdflib.term import Node

from adgmin_kg.gold import GraphIndex, candidates, find_fact, load_gold
from adgmin_kg.vocab import ADG, EXTRACTION, SCHEMA, release_graph

SCORED = ("meetings", "dates", "attendees", "documents", "funding", "talks", "topics")
REPORTED = ("release", "people", "proposals")
MEETING_CLASSES = {ADG[c] for c in ("MinisterialMeeting", "SeniorOfficialsMeeting", "BilateralMeeting", "CabinetMeeting", "CommitteeMeeting")}
FUNDING = {SCHEMA.funder, ADG.recipient, ADG.amount, ADG.currency, ADG.fiscalYear, ADG.phase}
MEETING_PROPS = {ADG.ordinal, SCHEMA.superEvent, DCTERMS.isPartOf, DCTERMS.relation, ADG.theme, ADG.hostCountry, SCHEMA.location}

Triple = tuple[Node, Node, Node]


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    extracted: int = 0
    correct: int = 0

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.found += other.found
        self.extracted += other.extracted
        self.correct += other.correct

    @property
    def precision(self) -> float:
        return self.correct / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"gold": self.gold, "found": self.found, "extracted": self.extracted, "correct": self.correct,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class EvalReport:
    releases: dict[str, dict[str, Score]] = field(default_factory=dict)
    misses: dict[str, list[str]] = field(default_factory=dict)
    wrong: dict[str, list[str]] = field(default_factory=dict)
    #: the language of each release scored (``th``, ``en``); a release not listed counts as Thai
    languages: dict[str, str] = field(default_factory=dict)

    def language_of(self, release: str) -> str:
        return self.languages.get(release, "th")

    def language_list(self) -> list[str]:
        """The languages scored, Thai first."""
        return sorted({self.language_of(r) for r in self.releases}, key=lambda lang: (lang != "th", lang))

    def by_kind(self, language: str | None = None) -> dict[str, Score]:
        """Scores per kind over all releases, or over the releases of one language."""
        total: dict[str, Score] = {k: Score() for k in SCORED + REPORTED}
        for release, scores in self.releases.items():
            if language is not None and self.language_of(release) != language:
                continue
            for kind, score in scores.items():
                total[kind].add(score)
        return total

    def micro(self, language: str | None = None) -> Score:
        out = Score()
        for kind, score in self.by_kind(language).items():
            if kind in SCORED:
                out.add(score)
        return out

    def as_dict(self) -> dict[str, object]:
        return {
            "micro": self.micro().as_dict(),
            "by_kind": {k: s.as_dict() for k, s in self.by_kind().items()},
            "by_language": {
                lang: {"micro": self.micro(lang).as_dict(), "by_kind": {k: s.as_dict() for k, s in self.by_kind(lang).items()}}
                for lang in self.language_list()
            },
            "by_release": {r: {k: s.as_dict() for k, s in scores.items()} for r, scores in sorted(self.releases.items())},
        }

    def table(self) -> str:
        """Per kind, then per release; with more than one language, a table per language first."""
        languages = self.language_list()
        rows: list[tuple[str, ...]] = []
        if len(languages) > 1:
            for lang in languages:
                rows += self._kind_rows(lang, f"kind [{lang}]")
                rows.append(("",) * 8)
        rows += self._kind_rows(None, "kind" if len(languages) < 2 else "kind [all]")
        rows.append(("", "", "", "", "", "", "", ""))
        rows.append(("release", "gold", "found", "extracted", "correct", "P", "R", "F1"))
        for release, scores in sorted(self.releases.items()):
            s = Score()
            for kind in SCORED:
                s.add(scores[kind])
            label = release if len(languages) < 2 else f"{release} [{self.language_of(release)}]"
            rows.append((label, str(s.gold), str(s.found), str(s.extracted), str(s.correct), f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}"))
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        return "\n".join("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))).rstrip() for row in rows)

    def _kind_rows(self, language: str | None, header: str) -> list[tuple[str, ...]]:
        rows: list[tuple[str, ...]] = [(header, "gold", "found", "extracted", "correct", "P", "R", "F1")]
        for kind, s in self.by_kind(language).items():
            label = kind if kind in SCORED else f"({kind})"
            rows.append((label, str(s.gold), str(s.found), str(s.extracted), str(s.correct), f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}"))
        m = self.micro(language)
        label = "micro (scored)" if language is None else f"micro [{language}]"
        rows.append((label, str(m.gold), str(m.found), str(m.extracted), str(m.correct), f"{m.precision:.3f}", f"{m.recall:.3f}", f"{m.f1:.3f}"))
        return rows


def _home_countries(ds: Dataset) -> set[Node]:
    """The countries releases speak for: the countries of their publishers."""
    return {c for pub in ds.objects(None, DCTERMS.publisher) for c in ds.objects(pub, ADG.country)}


def extracted_atoms(ds: Dataset, release_id: str) -> dict[str, set[Triple]]:
    """What the builder extracted from one release, as triples in the shape gold facts take."""
    g = ds.graph(release_graph(release_id))
    extracted = {
        (g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object))
        for st in g.subjects(RDF.type, ADG.Statement)
        if (st, PROV.wasGeneratedBy, EXTRACTION) in g
    }
    home = _home_countries(ds)
    atoms: dict[str, set[Triple]] = {k: set() for k in SCORED + REPORTED}
    for s, p, o in extracted:
        kind = _kind_of(ds, s, p, o, home)
        if kind:
            atoms[kind].add((s, p, o))
    return atoms


def _kind_of(ds: Dataset, s: Node, p: Node, o: Node, home: set[Node]) -> str | None:
    if p == RDF.type:
        return "meetings" if o in MEETING_CLASSES else None
    if p in MEETING_PROPS or (p == ADG.expectedTime and isinstance(o, Literal) and o.language == "th"):
        return "meetings"
    if p in (SCHEMA.startDate, SCHEMA.endDate):
        return "dates"
    if p == ADG.memberStatesAttending:
        return "attendees"
    if p == ADG.attendee:
        meeting = ds.value(s, ADG.attendedMeeting)
        return None if (meeting, RDF.type, ADG.BilateralMeeting) in ds else "attendees"
    if p in (ADG.decisionOn, ADG.documentKind):
        return "documents"
    if p in FUNDING:  # facts about a funded project (an earlier phase it continues is not one)
        return "funding" if (s, RDF.type, ADG.FundedProject) in ds else None
    if p == ADG.participant and (s, RDF.type, ADG.BilateralMeeting) in ds:
        return None if o in home else "talks"
    if p == ADG.supporter:
        return "talks"
    if p == DCTERMS.subject:
        return "topics"
    if p == DCTERMS.issued:
        return "release"
    if p in (ADG.spokesperson, ORG.holds):
        return "people"
    if p in (ADG.proposedBody, ADG.proposedActivity):
        return "proposals"
    return None


def evaluate(ds: Dataset, gold_paths: Iterable[Path], texts: dict[str, str], languages: dict[str, str] | None = None) -> EvalReport:
    """Score the dataset against each gold file whose release it holds; ``languages`` (release id
    to language) lets the report give figures per language."""
    report = EvalReport(languages=dict(languages or {}))
    for path in sorted(gold_paths):
        gold = load_gold(path, texts.get(path.stem))
        text = texts[gold.release]
        index = GraphIndex(ds, gold.release, text)
        atoms = extracted_atoms(ds, gold.release)
        scores = {k: Score() for k in SCORED + REPORTED}
        named: dict[str, set[Triple]] = {k: set() for k in scores}
        misses = []
        for fact in gold.facts:
            score = scores[fact.kind]
            score.gold += 1
            named[fact.kind].update(candidates(index, fact))
            if find_fact(index, fact) is not None:
                score.found += 1
            else:
                misses.append(fact.describe())
        all_named = set().union(*named.values())
        wrong = []
        for kind, triples in atoms.items():
            scores[kind].extracted = len(triples)
            scores[kind].correct = len(triples & all_named)
            wrong += [f"{kind}: {_show(ds, t)}" for t in sorted(triples - all_named, key=lambda t: tuple(x.n3() for x in t))]
        report.releases[gold.release] = scores
        report.misses[gold.release] = misses
        report.wrong[gold.release] = wrong
    return report


def _show(ds: Dataset, triple: Triple) -> str:
    def name(node: Node) -> str:
        if isinstance(node, URIRef):
            return str(node).rsplit("/", 1)[-1].rsplit("#", 1)[-1]
        return str(node)

    return " ".join(name(n) for n in triple)


def gold_files(folder: Path, exclude: Sequence[str] = ()) -> list[Path]:
    return [p for p in sorted(folder.glob("*.yaml")) if p.stem not in exclude]


def report_json(report: EvalReport) -> str:
    return json.dumps(report.as_dict(), indent=2, sort_keys=True)


__all__ = ["EvalReport", "Score", "evaluate", "extracted_atoms", "gold_files", "report_json"]
