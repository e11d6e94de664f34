"""The whole job in order: read releases -> extract facts -> build RDF -> validate -> export."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph

from adgmin_kg.build import Builder, build_reference, new_dataset
from adgmin_kg.cache import BuildCache, CacheEntry, release_key
from adgmin_kg.curation import apply_curation, curation_path, load_curation
from adgmin_kg.errors import AdgminKgError, GraphInvalidError, ReleaseError
from adgmin_kg.export import DEFAULT_FORMATS, export_all
from adgmin_kg.store import write_store
from adgmin_kg.extract import extract_release
from adgmin_kg.facts import ReleaseFacts
from adgmin_kg.gazetteer import load_gazetteer
from adgmin_kg.paths import data_dir, default_build_dir, ontology_dir, releases_dir
from adgmin_kg.read import Release, meta_path_for, read_release
from adgmin_kg.rules import load_rules
from adgmin_kg.vocab import REFERENCE_GRAPH, release_graph

Progress = Callable[[str], None]
_PARALLEL_FROM = 8  # releases to validate before starting worker processes pays


@dataclass
class BuildResult:
    dataset: Dataset
    releases: list[Release] = field(default_factory=list)
    facts: list[ReleaseFacts] = field(default_factory=list)
    skipped: list[ReleaseError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    cache_keys: dict[str, str] = field(default_factory=dict)
    validated: set[str] = field(default_factory=set)  # releases the cache says already conform


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


def build(
    paths: Sequence[Path],
    *,
    skip_bad: bool = False,
    progress: Progress | None = None,
    cache: BuildCache | None = None,
) -> BuildResult:
    """Read, extract and build releases into one Dataset (not validated, not written).

    A bad release raises ReleaseError, unless ``skip_bad``: then it is listed in ``skipped``.
    An off-genre release (no ASEAN digital meeting or body named) is bad input too; with
    ``skip_bad`` it is kept as a release node with no facts. With a ``cache``, a release whose
    inputs did not change is taken from it (and is then absent from ``facts``).
    """
    gazetteer, rules = load_gazetteer(), load_rules()
    curation_dir = data_dir() / "curation"
    result = BuildResult(new_dataset())
    build_reference(result.dataset, gazetteer)
    builder = Builder(result.dataset, gazetteer, rules)
    for number, path in enumerate(paths, start=1):
        try:
            release = read_release(path, rules)
        except ReleaseError as err:
            if not skip_bad:
                raise
            result.skipped.append(err)
            continue
        curated = curation_path(curation_dir, release.id)
        key = release_key(path, meta_path_for(path), curated) if cache else None
        entry = cache.load(key) if cache and key else None
        if progress:
            progress(f"[{number}/{len(paths)}] {path.name}{' (cached)' if entry else ''}")
        if entry is not None:
            result.dataset.graph(release_graph(release.id)).parse(data=entry.ntriples, format="nt")
            on_topic, notices = entry.on_topic, entry.notices
        else:
            facts = extract_release(release, gazetteer, rules)
            builder.add_release(release, facts)
            if curated.exists():
                apply_curation(result.dataset, release, load_curation(curated, release), curated)
            result.facts.append(facts)
            on_topic, notices = facts.on_topic, facts.notices
            if cache and key:
                graph = result.dataset.graph(release_graph(release.id))
                nt = "".join(sorted(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in graph))
                cache.store(key, CacheEntry(nt, tuple(notices), on_topic, False))
        if key:
            result.cache_keys[release.id] = key
            if entry is not None and entry.validated:
                result.validated.add(release.id)
        if not on_topic:
            err = ReleaseError(path, "off-genre: names no ASEAN digital meeting or body (not an ASEAN digital cooperation release)")
            if not skip_bad:
                raise err
            result.skipped.append(err)
        result.notices.extend(notices)
        result.releases.append(release)
    return result


def build_dataset(release_paths: Sequence[Path]) -> Dataset:
    """Read, extract and build the releases into one Dataset (not validated, not written)."""
    return build(release_paths).dataset


def validation_graph(result: BuildResult, release_id: str) -> Graph:
    """A release graph together with the reference graph: what one release must satisfy."""
    g = Graph()
    for t in result.dataset.graph(release_graph(release_id)):
        g.add(t)
    for t in result.dataset.graph(REFERENCE_GRAPH):
        g.add(t)
    return g


def _validate_ntriples(ntriples: str):  # type: ignore[no-untyped-def]
    """Worker: validate one release graph (with the reference graph) given as N-Triples."""
    from adgmin_kg.validate import validate

    return validate(Graph().parse(data=ntriples, format="nt"))


def validate_build(result: BuildResult, progress: Progress | None = None, cache: BuildCache | None = None):  # type: ignore[no-untyped-def]
    """Validate release by release (each with the reference graph); raise GraphInvalidError
    naming the first failing release. Releases the cache already validated are skipped.

    With many releases to check, the work is spread over the machine's cores.
    """
    todo = [r.id for r in result.releases if r.id not in result.validated]
    graphs = (validation_graph(result, release_id) for release_id in todo)
    workers = min(os.cpu_count() or 1, 4)
    if len(todo) >= _PARALLEL_FROM and workers > 1:
        from concurrent.futures import ProcessPoolExecutor

        payloads = [g.serialize(format="nt") for g in graphs]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            outcomes = pool.map(_validate_ntriples, payloads)
            reports = _check(zip(todo, outcomes), result, progress, cache)
    else:
        from adgmin_kg.validate import validate

        reports = _check(((release_id, validate(g)) for release_id, g in zip(todo, graphs)), result, progress, cache)
    return reports


def _check(outcomes, result: BuildResult, progress: Progress | None, cache: BuildCache | None):  # type: ignore[no-untyped-def]
    reports = []
    for release_id, report in outcomes:
        if progress:
            progress(f"validated {release_id}")
        reports.append((release_id, report))
        if not report.conforms:
            raise GraphInvalidError(report, f"release {release_id}: the graph does not conform to the SHACL shapes\n{report.format()}")
        if cache and release_id in result.cache_keys:
            cache.mark_validated(result.cache_keys[release_id])
    return reports


def run_build(
    release_folders: Sequence[Path] | None = None,
    out_dir: Path | None = None,
    *,
    skip_bad: bool = False,
    formats: tuple[str, ...] = DEFAULT_FORMATS,
    progress: Progress | None = None,
    use_cache: bool = True,
) -> BuildResult:
    """Build, validate and export; nothing is written unless the graph conforms.

    Unchanged releases come from the cache in ``<out_dir>/.cache`` (``use_cache=False``: none).
    """
    folders = list(release_folders or [releases_dir()])
    out_dir = out_dir or default_build_dir()
    cache = BuildCache(out_dir / ".cache") if use_cache else None
    result = build(discover_releases(folders), skip_bad=skip_bad, progress=progress, cache=cache)
    validate_build(result, progress, cache)
    export_all(result.dataset, out_dir, formats)
    if "trig" in formats:
        write_store(out_dir)
    return result


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


__all__ = ["AdgminKgError", "BuildResult", "build", "build_dataset", "discover_releases", "ensure_built", "meta_path_for", "run_build"]
