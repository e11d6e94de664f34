"""The whole job in order: read releases -> extract facts -> build RDF -> validate -> export."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node

from adgmin_kg.atomic import write_atomic
from adgmin_kg.build import Builder, build_reference, new_dataset
from adgmin_kg.cache import BuildCache, CacheEntry, inputs_digest, release_key
from adgmin_kg.curation import apply_curation, curation_path, load_curation
from adgmin_kg.errors import AdgminKgError, GraphInvalidError, ReleaseError
from adgmin_kg.export import DEFAULT_FORMATS, canonical_ntriples, export_staged
from adgmin_kg.extract import extract_release
from adgmin_kg.facts import ReleaseFacts
from adgmin_kg.gazetteer import Gazetteer, load_gazetteer
from adgmin_kg.paths import data_dir, default_build_dir, ontology_dir, releases_dir
from adgmin_kg.read import Release, meta_path_for, read_release
from adgmin_kg.reconcile import Staged, reconcile_dataset, reconcile_staged
from adgmin_kg.rules import RuleBook, load_rules
from adgmin_kg.store import fresh_store_dir, graph_changes, install_store, load_store, update_store
from adgmin_kg.vocab import REFERENCE_GRAPH, release_graph

if TYPE_CHECKING:
    from adgmin_kg.validate import ValidationReport

Progress = Callable[[str], None]
_PARALLEL_FROM = 8  # releases to validate before starting worker processes pays
_MAX_WORKERS = 4


@dataclass
class BuildResult:
    """An in-memory build (see :func:`build`): for the API, evaluation and small corpora."""

    dataset: Dataset
    releases: list[Release] = field(default_factory=list)
    facts: list[ReleaseFacts] = field(default_factory=list)
    skipped: list[ReleaseError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


@dataclass
class BuildSummary:
    """What :func:`run_build` did: it keeps no graph in memory, the graph is in ``out_dir``."""

    out_dir: Path
    release_ids: list[str] = field(default_factory=list)
    skipped: list[ReleaseError] = field(default_factory=list)
    quarantined: list[tuple[str, ValidationReport]] = field(default_factory=list)  # left out: the graph fails the shapes
    notices: list[str] = field(default_factory=list)
    extracted: int = 0  # releases extracted and validated in this run (the rest came from the cache)


def discover_releases(folders: Sequence[Path]) -> list[Path]:
    """Every ``<id>.txt`` in the folders, sorted by id; a metadata file without text is an error."""
    found: dict[str, Path] = {}
    for folder in folders:
        if not folder.is_dir():
            raise ReleaseError(folder, "releases folder not found")
        for meta in sorted(folder.glob("*.meta.json")):
            text = meta.with_name(meta.name.removesuffix(".meta.json") + ".txt")
            if not text.exists():
                raise ReleaseError(meta, f"metadata without its release text {text.name}")
        for path in sorted(folder.glob("*.txt")):
            found.setdefault(path.name, path)
    return [found[name] for name in sorted(found)]


@dataclass(frozen=True)
class _Inputs:
    """Gazetteers, rules and the reference graph: loaded once per process."""

    gazetteer: Gazetteer
    rules: RuleBook
    curation_dir: Path
    reference: Graph
    reference_by_subject: dict[Node, list[tuple[Node, Node, Node]]]


OPEN_SETS = ("document", "person")  # gazetteer kinds that only name known members of an open set


@cache
def _inputs(open_world: bool = False) -> _Inputs:
    """The inputs; with ``open_world``, a gazetteer without the open sets' known members, so that
    documents and people are found from how releases write them alone."""
    gazetteer = load_gazetteer()
    if open_world:
        gazetteer = gazetteer.without(*OPEN_SETS)
    dataset = new_dataset()
    build_reference(dataset, gazetteer)
    reference = dataset.graph(REFERENCE_GRAPH)
    by_subject: dict[Node, list[tuple[Node, Node, Node]]] = {}
    for triple in reference:
        by_subject.setdefault(triple[0], []).append(triple)
    return _Inputs(gazetteer, load_rules(), data_dir() / "curation", reference, by_subject)


def _with_reference(graph: Graph) -> Graph:
    """Add to a release graph the reference data it reaches: what is said of the things it
    names, and of the things those name, and so on.

    That is all the shapes look at from a release's nodes (types, schemes, labels of what it
    points to), so the release validates as it would with the whole reference graph, without
    validating the whole reference graph again for each release (it is checked once, see
    ``_check_reference``).
    """
    index = _inputs().reference_by_subject
    todo = {node for s, _, o in graph for node in (s, o) if isinstance(node, URIRef)}
    seen: set[Node] = set()
    while todo:
        node = todo.pop()
        seen.add(node)
        for triple in index.get(node, ()):
            graph.add(triple)
            if isinstance(triple[2], URIRef) and triple[2] not in seen:
                todo.add(triple[2])
    return graph


def _check_reference() -> None:
    """The reference graph alone must conform: a gazetteer error is named as such."""
    from adgmin_kg.validate import validate

    reference = Graph()
    for triple in _inputs().reference:
        reference.add(triple)
    _check("reference data (data/gazetteers)", validate(reference, consume=True))


def _read(path: Path, inputs: _Inputs) -> Release:
    """Read a release and check the metadata the graph needs from the gazetteer: its publisher."""
    release = read_release(path, inputs.rules)
    if inputs.gazetteer.publisher(release.meta.publisher) is None:
        raise ReleaseError(
            meta_path_for(path),
            f"metadata publisher {release.meta.publisher!r} is not a known publisher"
            " (add it as label_en or alt_en of an organisation in data/gazetteers/organisations.yaml)",
        )
    return release


def _add_release(dataset: Dataset, release: Release, inputs: _Inputs) -> ReleaseFacts:
    """Extract a release's facts and write them (and its curation) into its named graph."""
    facts = extract_release(release, inputs.gazetteer, inputs.rules)
    Builder(dataset, inputs.gazetteer, inputs.rules).add_release(release, facts)
    curated = curation_path(inputs.curation_dir, release.id)
    if curated.exists():
        apply_curation(dataset, release, load_curation(curated, release), curated)
    return facts


def _off_genre(path: Path) -> ReleaseError:
    return ReleaseError(path, "not about ASEAN digital cooperation: no passage of it is (kept as a release node, with no facts)")


def build(paths: Sequence[Path], *, skip_bad: bool = False, progress: Progress | None = None, open_world: bool = False) -> BuildResult:
    """Read, extract and build releases into one in-memory Dataset (not validated, not written).

    A bad release raises ReleaseError, unless ``skip_bad``: then it is listed in ``skipped``.
    A release with no passage about ASEAN digital cooperation is bad input too; with
    ``skip_bad`` it is kept as a release node with no facts. ``open_world``: read without the
    gazetteer's known documents and people (see ``OPEN_SETS``), for measuring how the rules do on
    things they were not shown.
    """
    inputs = _inputs(open_world)
    result = BuildResult(new_dataset())
    reference = result.dataset.graph(REFERENCE_GRAPH)
    for triple in inputs.reference:
        reference.add(triple)
    for number, path in enumerate(paths, start=1):
        if progress:
            progress(f"[{number}/{len(paths)}] {path.name}")
        try:
            release = _read(path, inputs)
        except ReleaseError as err:
            if not skip_bad:
                raise
            result.skipped.append(err)
            continue
        facts = _add_release(result.dataset, release, inputs)
        result.facts.append(facts)
        if not facts.on_topic:
            if not skip_bad:
                raise _off_genre(path)
            result.skipped.append(_off_genre(path))
        result.notices.extend(facts.notices)
        result.releases.append(release)
    return result


def build_dataset(release_paths: Sequence[Path]) -> Dataset:
    """Read, extract and build the releases into one Dataset (not validated, not written),
    reconciled (with ``graph/reconciled``) as ``adgmin-kg build`` makes it."""
    dataset = build(release_paths).dataset
    reconcile_dataset(dataset)
    return dataset


def _validate_release(graph: Graph) -> ValidationReport:
    """Validate a release graph (it is consumed) with the reference data it reaches."""
    from adgmin_kg.validate import validate

    return validate(_with_reference(graph), consume=True)


def _validate_staged(ntriples: str) -> ValidationReport:
    """Worker: validate a release graph given as N-Triples."""
    return _validate_release(Graph().parse(data=ntriples, format="nt"))


def _workers(jobs: int) -> int:
    """Processes worth starting for ``jobs`` tasks: every core (at most 4) when there are many."""
    cores = min(os.cpu_count() or 1, _MAX_WORKERS)
    return cores if jobs >= _PARALLEL_FROM and cores > 1 else 0


def _run(function: Callable[[Any], Any], jobs: list[Any]) -> Iterator[Any]:
    """``function`` over ``jobs``, results in order; in worker processes when there are many.

    Stopping early (an error while the results are read) cancels the tasks not yet started.
    Closing always waits for the pool's workers and its manager thread: a reader that stops at
    the last result (``zip`` with a list as long as ``jobs``) closes the generator before it
    runs out, and a pool left shutting down by itself races the interpreter's exit, which wakes
    every pool's manager thread through a pipe that thread may be closing (``OSError: [Errno 9]
    Bad file descriptor`` printed at exit, Python 3.11).
    """
    workers = _workers(len(jobs))
    if not workers:
        yield from map(function, jobs)
        return
    pool = ProcessPoolExecutor(max_workers=workers)
    try:
        yield from pool.map(function, jobs, chunksize=max(1, min(16, len(jobs) // (8 * workers))))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def validate_build(result: BuildResult, progress: Progress | None = None) -> list[tuple[str, ValidationReport]]:
    """Validate release by release (each with the reference graph); raise GraphInvalidError
    naming the first failing release. With many releases the work is spread over the cores."""
    _check_reference()
    ids = [r.id for r in result.releases]
    payloads = [canonical_ntriples(result.dataset.graph(release_graph(i))) for i in ids]
    reports = []
    with closing(_run(_validate_staged, payloads)) as outcomes:
        for release_id, report in zip(ids, outcomes):
            if progress:
                progress(f"validated {release_id}")
            _check(release_id, report)
            reports.append((release_id, report))
    return reports


def _check(release_id: str, report: ValidationReport) -> None:
    if not report.conforms:
        raise GraphInvalidError(report, f"release {release_id}: the graph does not conform to the SHACL shapes\n{report.format()}")


def _staged_reference(cache: BuildCache) -> Path:
    """The reference graph staged in the cache, made again only when its inputs changed."""
    path = cache.folder / f"reference-{inputs_digest()}.nt"
    if not path.exists():
        _check_reference()
        write_atomic(path, canonical_ntriples(_inputs().reference))
    return path


@dataclass(frozen=True)
class StagedRelease:
    """One release read, extracted, built and validated: its graph as sorted N-Triples."""

    ntriples: str
    entry: CacheEntry
    report: ValidationReport


def _stage_release(path: str) -> StagedRelease | ReleaseError:
    """Worker: read, extract, build and validate one release; its graph as sorted N-Triples.
    A release that cannot be read comes back as its error (the caller decides: stop or skip)."""
    inputs = _inputs()
    try:
        release = _read(Path(path), inputs)
    except ReleaseError as err:
        return err
    dataset = new_dataset()
    facts = _add_release(dataset, release, inputs)
    graph = dataset.graph(release_graph(release.id))
    ntriples = canonical_ntriples(graph)
    return StagedRelease(ntriples, CacheEntry(tuple(facts.notices), facts.on_topic), _validate_release(graph))


def stage_releases(paths: Sequence[Path]) -> Iterator[tuple[Path, StagedRelease | ReleaseError]]:
    """Each release staged (on every core when there are many), in the order given; a release
    that cannot be read comes as its error."""
    with closing(_run(_stage_release, [str(path) for path in paths])) as outcomes:
        yield from zip(paths, outcomes)


def reference_graph() -> Graph:
    """The reference data (gazetteers and concept schemes), as every release graph sees it."""
    return _inputs().reference


def run_build(
    release_folders: Sequence[Path] | None = None,
    out_dir: Path | None = None,
    *,
    skip_bad: bool = False,
    formats: tuple[str, ...] = DEFAULT_FORMATS,
    progress: Progress | None = None,
    use_cache: bool = True,
) -> BuildSummary:
    """Build, validate and export, one release at a time; no export or store is written unless
    every release graph conforms (releases that did are kept in the cache). With ``skip_bad``,
    a release that cannot be read is listed in ``skipped`` and one whose graph fails the shapes
    in ``quarantined``, and both are left out; the rest is built.

    Each release's graph is staged in ``<out_dir>/.cache`` (keyed by everything it depends
    on) and the exports are merged from those files, so memory stays flat however many
    releases there are. A release whose entry is there is neither re-extracted nor re-validated
    (``use_cache=False``: every release is). Releases are extracted and validated in worker
    processes when there are many.
    """
    folders = list(release_folders or [releases_dir()])
    out_dir = out_dir or default_build_dir()
    cache = BuildCache(out_dir / ".cache")
    curation_dir = data_dir() / "curation"
    summary = BuildSummary(out_dir)
    graphs = [(str(REFERENCE_GRAPH), _staged_reference(cache))]
    # A cached entry stands for a release read, built and validated from these very bytes, so
    # only the releases without one are read at all.
    staged: list[tuple[Path, str, str, CacheEntry | None]] = []  # path, release id, key, entry
    for path in discover_releases(folders):
        release_id = path.name.removesuffix(".txt")
        key = release_key(path, meta_path_for(path), curation_path(curation_dir, release_id))
        staged.append((path, release_id, key, cache.load(key) if use_cache else None))
    todo = [(path, release_id, key) for path, release_id, key, entry in staged if entry is None]
    fresh: dict[str, CacheEntry] = {}
    with closing(stage_releases([path for path, _, _ in todo])) as outcomes:
        for number, ((_, release_id, key), (path, outcome)) in enumerate(zip(todo, outcomes), start=1):
            if progress:
                progress(f"[{number}/{len(todo)}] {path.name}")
            if isinstance(outcome, ReleaseError):
                if not skip_bad:
                    raise outcome
                summary.skipped.append(outcome)
                continue
            if skip_bad and not outcome.report.conforms:
                summary.quarantined.append((release_id, outcome.report))
                continue
            _check(release_id, outcome.report)
            cache.store(key, outcome.ntriples, outcome.entry)
            fresh[release_id] = outcome.entry
    if progress and len(todo) < len(staged):
        progress(f"{len(staged) - len(todo)} release(s) unchanged, taken from {cache.folder}")
    for path, release_id, key, entry in staged:
        entry = entry or fresh.get(release_id)
        if entry is None:  # unreadable or quarantined
            continue
        if not entry.on_topic:
            if not skip_bad:
                raise _off_genre(path)
            summary.skipped.append(_off_genre(path))
        summary.notices.extend(entry.notices)
        summary.release_ids.append(release_id)
        graphs.append((str(release_graph(release_id)), cache.graph_path(key)))
    summary.extracted = len(fresh)
    if progress:
        progress("reconciling what the releases claim")
    reconciled = reconcile_staged(graphs, cache.folder)
    graphs.append(reconciled.graph)
    if "trig" in formats and "nt" in formats:
        _export_with_store(graphs, out_dir, formats, reconciled)
    else:
        export_staged(graphs, out_dir, formats, leave_out=reconciled.left_out, merges=reconciled.merges)
    cache.prune({path for _, path in graphs} | {reconciled.left_out_path})
    return summary


def _export_with_store(graphs: list[tuple[str, Path]], out_dir: Path, formats: tuple[str, ...], reconciled: Staged) -> None:
    """Exports, and the store made alongside them: patched from the installed one when only a
    few graphs changed, else loaded from the new exports. The store's default graph is the
    truthy view (``kg.nt``): the lines reconciliation leaves out are left out of it too."""
    fresh = fresh_store_dir(out_dir)
    by_iri = dict(graphs)
    # merged nodes are rewritten all through the default graph: then the store is loaded afresh
    changes = None if reconciled.merges else graph_changes(out_dir, by_iri)

    def make_store(trig: Path, union: Path) -> None:
        if changes is None:
            load_store(trig, union, fresh)
        else:
            update_store(out_dir, changes, fresh, reconciled.left_out_path)

    try:
        export_staged(graphs, out_dir, formats, alongside=make_store, leave_out=reconciled.left_out, merges=reconciled.merges)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    install_store(out_dir, fresh, by_iri, reconciled.left_out_path, merged=bool(reconciled.merges))


def _newest_input(folders: Sequence[Path]) -> float:
    newest = 0.0
    for folder in (*folders, ontology_dir(), data_dir()):
        for path in folder.rglob("*"):
            if path.is_file():
                newest = max(newest, path.stat().st_mtime)
    return newest


def ensure_built(build_dir: Path | None = None) -> Path:
    """Build the default corpus into ``build_dir`` when it is missing or older than ``data/``.

    Returns the build folder (it holds ``kg.trig`` and the other exports).
    """
    build_dir = build_dir or default_build_dir()
    trig = build_dir / "kg.trig"
    if not trig.exists() or trig.stat().st_mtime < _newest_input([releases_dir()]):
        run_build(out_dir=build_dir, progress=lambda msg: print(msg, file=sys.stderr))
    return build_dir


__all__ = ["AdgminKgError", "BuildResult", "BuildSummary", "build", "build_dataset", "discover_releases", "ensure_built", "meta_path_for", "run_build"]
