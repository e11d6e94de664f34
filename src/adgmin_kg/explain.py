"""Why a release gave what it gave: its passages, each with its verdict, and the facts each gave.

``explain`` reads a release as the build does and lays out, section by section, every passage
judged in scope (and, on request, every other), with the reason, the statements whose quote
lies in it, and the names that were not minted because they were no whole names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF

from adgmin_kg.audit import short
from adgmin_kg.errors import ReleaseError
from adgmin_kg.extract.scope import Verdict
from adgmin_kg.facts import Span
from adgmin_kg.vocab import ADG


@dataclass
class PassageReport:
    verdict: Verdict
    text: str
    statements: list[str] = field(default_factory=list)  # "subject predicate object"
    refused: list[str] = field(default_factory=list)


@dataclass
class Explanation:
    release_id: str
    title: str
    issued: str
    kind: str
    language: str
    sections: list[tuple[str, list[PassageReport]]]  # section heading, its passages
    notices: list[str]
    passages: int
    in_scope: int

    def format(self, everything: bool = False, width: int = 160) -> str:
        lines = [f"{self.release_id}  {self.title}", f"{self.kind}, {self.language}, issued {self.issued}; {self.passages} passages, {self.in_scope} in scope"]
        lines += [f"notice: {n}" for n in self.notices]
        for heading, reports in self.sections:
            shown = [r for r in reports if everything or r.verdict.in_scope or r.statements or "model" in r.verdict.reason]
            if not shown:
                continue
            lines += ["", f"== {heading[:width]}"]
            hidden = len(reports) - len(shown)
            for r in shown:
                span = r.verdict.passage.span
                mark = "IN " if r.verdict.in_scope else "out"
                lines.append(f"[{mark}] {r.verdict.passage.kind} {span.start}-{span.end}: {r.verdict.reason}")
                lines.append(f"      {r.text[:width]}{'…' if len(r.text) > width else ''}")
                lines += [f"      -> {s}" for s in r.statements]
                lines += [f"      refused: {s}" for s in r.refused]
            if hidden:
                lines.append(f"({hidden} more passage(s) out of scope: names no ASEAN and digital matter; --all shows them)")
        return "\n".join(lines)


def explain(path: Path) -> Explanation:
    """Read, judge and extract one release (``<id>.txt`` beside its ``<id>.meta.json``)."""
    from adgmin_kg.build import Builder, new_dataset
    from adgmin_kg.extract import extract_release, read_passages
    from adgmin_kg.gazetteer import load_gazetteer
    from adgmin_kg.read import read_release
    from adgmin_kg.rules import load_rules
    from adgmin_kg.vocab import release_graph

    gazetteer, rules = load_gazetteer(), load_rules()
    release = read_release(path, rules)
    facts = extract_release(release, gazetteer, rules)
    dataset = new_dataset()
    Builder(dataset, gazetteer, rules).add_release(release, facts)
    graph: Graph = dataset.graph(release_graph(release.id))
    read = read_passages(release, gazetteer, rules)
    sections: list[tuple[str, list[PassageReport]]] = []
    reports: list[PassageReport] = []
    in_scope = 0
    if read is not None:
        _, layout, verdicts = read
        by_section: dict[int, list[PassageReport]] = {}
        for v in verdicts:
            if v.passage.kind == "metadata":
                continue
            report = PassageReport(v, release.text[v.passage.span.start : v.passage.span.end])
            by_section.setdefault(v.passage.section, []).append(report)
            reports.append(report)
            in_scope += v.in_scope
        for section in layout.sections:
            heading = release.text[section.heading.start : section.heading.end] if section.heading else ("front matter" if section.front_matter else "")
            sections.append((heading, by_section.get(section.index, [])))
        _place_statements(graph, reports)
        _place_refusals(release.text, facts.refused, reports)
    return Explanation(release.id, release.title, release.issued.isoformat(), release.meta.kind, release.meta.language, sections, list(facts.notices), len(reports), in_scope)


def _place_statements(graph: Graph, reports: list[PassageReport]) -> None:
    """Each statement (but types) under the passage its quote lies in, in text order, once."""
    found: list[tuple[int, str]] = []
    for statement in graph.subjects(RDF.type, ADG.Statement):
        s, p, o = (graph.value(statement, term) for term in (RDF.subject, RDF.predicate, RDF.object))
        if p != RDF.type:
            found.append((int(graph.value(statement, ADG.quoteStart)), f"{short(s)} {short(p)} {short(o)}"))  # type: ignore[arg-type]
    for start, line in sorted(set(found)):
        for r in reports:
            if r.verdict.passage.span.start <= start < r.verdict.passage.span.end:
                if line not in r.statements:
                    r.statements.append(line)
                break


def _place_refusals(text: str, refused: tuple[tuple[Span, str], ...], reports: list[PassageReport]) -> None:
    """Names not minted, and why."""
    for span, why in refused:
        for r in reports:
            if r.verdict.passage.span.start <= span.start < r.verdict.passage.span.end:
                r.refused.append(f"{text[span.start:span.end][:80]!r}: {why}")
                break


def find_release(name: str, folders: list[Path]) -> Path:
    """A release given as a path, or as an id looked up in ``folders``."""
    path = Path(name)
    if path.suffix == ".txt" and path.exists():
        return path
    for folder in folders:
        candidate = folder / f"{name}.txt"
        if candidate.exists():
            return candidate
    raise ReleaseError(path, f"no release {name!r} (give a path to <id>.txt, or an id in {', '.join(str(f) for f in folders)})")
