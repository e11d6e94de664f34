"""Audit: a random sample of extracted facts to judge by hand, and the precision of a judged file.

``sample`` builds each release's graph exactly as the build does (read, extract, RDF, SHACL)
and draws statements at random from the releases the graph would admit. Every statement is a
candidate except ``rdf:type`` and the release node's own metadata (its title and date line):
names and titles of minted things are facts and are sampled. ``score`` reads a judged file
and gives precision (correct / judged) with a 95 % Wilson interval, overall and per kind.
"""

from __future__ import annotations

import csv
import io
import math
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS
from rdflib.term import Node

from adgmin_kg.atomic import write_atomic
from adgmin_kg.errors import DataError, ReleaseError
from adgmin_kg.vocab import ADG, EXPORT_PREFIXES, entity

COLUMNS = ("statement", "release", "subject", "subject_label", "predicate", "object", "object_label", "quote", "passage", "verdict", "note")
VERDICTS = ("correct", "wrong", "out-of-scope")
_RELEASE_METADATA = (DCTERMS.title, DCTERMS.issued)


@dataclass(frozen=True)
class SampledFact:
    """One extracted statement, ready for a reviewer: what it says and the words it stands on."""

    statement: str
    release: str
    subject: str
    subject_label: str
    predicate: str
    object: str
    object_label: str
    quote: str
    passage: str
    verdict: str = ""
    note: str = ""

    def row(self) -> list[str]:
        return [getattr(self, name) for name in COLUMNS]


def _namespaces() -> Graph:
    graph = Graph(bind_namespaces="none")
    for prefix, iri in EXPORT_PREFIXES.items():
        graph.bind(prefix, iri)
    return graph


_NAMES = _namespaces().namespace_manager


def short(node: Node) -> str:
    """A node as a reviewer reads it: a prefixed name (``meeting:<id>``), a typed literal
    (``"<lexical form>"^^xsd:date``), a language string (``"..."@th``)."""
    if isinstance(node, URIRef):
        return node.n3(_NAMES).strip("<>") if "/statement/" not in node else str(node)
    return node.n3(_NAMES)


def label_of(node: Node, *graphs: Graph) -> str:
    """The node's English label, else Thai, else any label: from the first graph that has one."""
    if not isinstance(node, URIRef):
        return ""
    for graph in graphs:
        labels = [o for o in graph.objects(node, RDFS.label) if isinstance(o, Literal)]
        labels += [o for o in graph.objects(node, SKOS.prefLabel) if isinstance(o, Literal)]
        for lang in ("en", "th", None):
            found = sorted(str(o) for o in labels if o.language == lang)
            if found:
                return found[0]
    return ""


def passage_around(text: str, start: int, end: int) -> str:
    """The lines of ``text`` that hold ``text[start:end]`` (a release's paragraphs are its lines)."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return text[first : last if last != -1 else len(text)].strip()


def release_facts(release_id: str, text: str, graph: Graph, reference: Graph) -> list[SampledFact]:
    """The candidate statements of one release's graph, in statement-IRI order."""
    node = entity("release", release_id)
    out = []
    for statement in sorted(graph.subjects(RDF.type, ADG.Statement)):
        s, p, o = (graph.value(statement, term) for term in (RDF.subject, RDF.predicate, RDF.object))
        if s is None or p is None or o is None or p == RDF.type or (s == node and p in _RELEASE_METADATA):
            continue
        start, end = int(graph.value(statement, ADG.quoteStart)), int(graph.value(statement, ADG.quoteEnd))  # type: ignore[arg-type]
        out.append(
            SampledFact(
                statement=str(statement),
                release=release_id,
                subject=short(s),
                subject_label=label_of(s, graph, reference),
                predicate=short(p),
                object=short(o),
                object_label=label_of(o, graph, reference),
                quote=text[start:end],
                passage=passage_around(text, start, end),
            )
        )
    return out


@dataclass
class SampleRun:
    """What ``sample`` drew, and from what."""

    facts: list[SampledFact]
    pool: int  # candidate statements in the admitted releases
    releases: int  # releases admitted (read, on topic, conforming)
    quarantined: list[str] = field(default_factory=list)  # releases whose graph fails the shapes
    unreadable: list[ReleaseError] = field(default_factory=list)


def sample(folders: Sequence[Path], n: int, seed: int, progress: Callable[[str], None] | None = None) -> SampleRun:
    """``n`` random extracted facts of the releases in ``folders``, built as the build builds them."""
    from adgmin_kg.pipeline import discover_releases, reference_graph, stage_releases

    paths = discover_releases(folders)
    reference = reference_graph()
    pool: list[SampledFact] = []
    run = SampleRun([], 0, 0)
    for number, (path, outcome) in enumerate(stage_releases(paths), start=1):
        if progress:
            progress(f"[{number}/{len(paths)}] {path.name}")
        release_id = path.name.removesuffix(".txt")
        if isinstance(outcome, ReleaseError):
            run.unreadable.append(outcome)
        elif not outcome.report.conforms:
            run.quarantined.append(release_id)
        elif outcome.entry.on_topic:
            graph = Graph().parse(data=outcome.ntriples, format="nt")
            pool += release_facts(release_id, path.read_text(encoding="utf-8"), graph, reference)
            run.releases += 1
    run.facts = draw(pool, n, seed)
    run.pool = len(pool)
    return run


def draw(facts: Sequence[SampledFact], n: int, seed: int) -> list[SampledFact]:
    """``n`` facts at random (all when there are fewer), in release and statement order."""
    pool = sorted(facts, key=lambda f: (f.release, f.statement))
    chosen = random.Random(seed).sample(pool, min(n, len(pool)))
    return sorted(chosen, key=lambda f: (f.release, f.statement))


def write_sample(facts: Iterable[SampledFact], path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for fact in facts:
        writer.writerow(fact.row())
    write_atomic(path, buffer.getvalue())


# ---------------------------------------------------------------- scoring


@dataclass(frozen=True)
class Precision:
    correct: int
    judged: int

    @property
    def value(self) -> float:
        return self.correct / self.judged if self.judged else 0.0

    def interval(self) -> tuple[float, float]:
        return wilson(self.correct, self.judged)


@dataclass
class AuditScore:
    overall: Precision
    by_kind: dict[str, Precision] = field(default_factory=dict)
    verdicts: dict[str, int] = field(default_factory=dict)

    def table(self) -> str:
        low, high = self.overall.interval()
        counts = ", ".join(f"{v} {self.verdicts.get(v, 0)}" for v in VERDICTS)
        lines = [
            f"precision {self.overall.value:.3f} ({self.overall.correct}/{self.overall.judged}), 95% Wilson interval [{low:.3f}, {high:.3f}]; {counts}",
            "",
            f"{'kind':<14} {'correct':>7} {'judged':>6} {'precision':>9}  95% interval",
        ]
        for kind, p in sorted(self.by_kind.items()):
            lo, hi = p.interval()
            lines.append(f"{kind:<14} {p.correct:>7} {p.judged:>6} {p.value:>9.3f}  [{lo:.3f}, {hi:.3f}]")
        return "\n".join(lines)


def wilson(correct: int, n: int, z: float = 1.959964) -> tuple[float, float]:
    """The Wilson score interval of a proportion (95 % by default)."""
    if n == 0:
        return 0.0, 1.0
    p = correct / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def kind_of(subject: str, predicate: str) -> str:
    """The kind of fact a row is, for the per-kind table: topics by their predicate, the rest by
    the kind of thing they describe (``meeting:``, ``decision:``, ``project:``...)."""
    if predicate == "dcterms:subject":
        return "topic"
    return subject.partition(":")[0] if ":" in subject and not subject.startswith("http") else "other"


def read_review(path: Path) -> list[SampledFact]:
    """A judged sample; every row needs a verdict out of ``VERDICTS``."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise DataError(path, f"cannot read the review: {err.strerror}") from None
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None or tuple(header) != COLUMNS:
        raise DataError(path, f"line 1: the columns must be {', '.join(COLUMNS)}")
    facts = []
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(COLUMNS):
            raise DataError(path, f"line {number}: {len(row)} cells, expected {len(COLUMNS)}")
        fact = SampledFact(*row)
        if fact.verdict.strip() not in VERDICTS:
            raise DataError(path, f"line {number}: verdict {fact.verdict!r} is not one of {', '.join(VERDICTS)}")
        facts.append(fact)
    if not facts:
        raise DataError(path, "no judged rows")
    return facts


def score(facts: Sequence[SampledFact]) -> AuditScore:
    verdicts: dict[str, int] = {}
    kinds: dict[str, list[int]] = {}
    for fact in facts:
        verdict = fact.verdict.strip()
        verdicts[verdict] = verdicts.get(verdict, 0) + 1
        tally = kinds.setdefault(kind_of(fact.subject, fact.predicate), [0, 0])
        tally[0] += verdict == "correct"
        tally[1] += 1
    correct = verdicts.get("correct", 0)
    return AuditScore(Precision(correct, len(facts)), {k: Precision(c, n) for k, (c, n) in kinds.items()}, verdicts)
