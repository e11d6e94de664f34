"""The whole job in order: read releases -> extract facts -> build RDF -> validate -> export."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph

from adgmin_kg.build import Builder, build_reference, new_dataset
from adgmin_kg.curation import apply_curation, curation_path, load_curation
from adgmin_kg.errors import AdgminKgError, GraphInvalidError, ReleaseError
from adgmin_kg.export import DEFAULT_FORMATS, export_all
from adgmin_kg.extract import extract_release
from adgmin_kg.facts import ReleaseFacts
from adgmin_kg.gazetteer import load_gazetteer
from adgmin_kg.paths import data_dir, default_build_dir, ontology_dir, releases_dir
from adgmin_kg.read import Release, meta_path_for, read_release
from adgmin_kg.rules import load_rules
from adgmin_kg.vocab import REFERENCE_GRAPH, release_graph

Progress = Callable[[str], None]


@dataclass
class BuildResult:
    dataset: Dataset
    releases: list[Release] = field(default_factory=list)
    facts: list[ReleaseFacts] = field(default_factory=list)
    skipped: list[ReleaseError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


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


def build(paths: Sequence[Path], *, skip_bad: bool = False, progress: Progress | None = None) -> BuildResult:
    """Read, extract and build releases into one Dataset (not validated, not written).

    A bad release raises ReleaseError, unless ``skip_bad``: then it is listed in ``skipped``.
    An off-genre release (no ASEAN digital meeting or body named) is bad input too; with
    ``skip_bad`` it is kept as a release node with no facts.
    """
    gazetteer, rules = load_gazetteer(), load_rules()
    curation_dir = data_dir() / "curation"
    result = BuildResult(new_dataset())
    build_reference(result.dataset, gazetteer)
    builder = Builder(result.dataset, gazetteer, rules)
    for number, path in enumerate(paths, start=1):
        if progress:
            progress(f"[{number}/{len(paths)}] {path.name}")
        try:
            release = read_release(path, rules)
        except ReleaseError as err:
            if not skip_bad:
                raise
            result.skipped.append(err)
            continue
        facts = extract_release(release, gazetteer, rules)
        if not facts.on_topic:
            err = ReleaseError(path, "off-genre: names no ASEAN digital meeting or body (not an ASEAN digital cooperation release)")
            if not skip_bad:
                raise err
            result.skipped.append(err)
        result.notices.extend(facts.notices)
        builder.add_release(release, facts)
        curated = curation_path(curation_dir, release.id)
        if curated.exists():
            apply_curation(result.dataset, release, load_curation(curated, release), curated)
        result.releases.append(release)
        result.facts.append(facts)
    return result


def build_dataset(release_paths: Sequence[Path]) -> Dataset:
    """Read, extract and build the releases into one Dataset (not validated, not written)."""
    return build(release_paths).dataset


def validation_graphs(result: BuildResult) -> list[tuple[str, Graph]]:
    """Each release graph together with the reference graph: what one release must satisfy."""
    reference = result.dataset.graph(REFERENCE_GRAPH)
    out = []
    for release in result.releases:
        g = Graph()
        for t in result.dataset.graph(release_graph(release.id)):
            g.add(t)
        for t in reference:
            g.add(t)
        out.append((release.id, g))
    return out


def validate_build(result: BuildResult, progress: Progress | None = None):  # type: ignore[no-untyped-def]
    """Validate release by release; raise GraphInvalidError naming the first failing release."""
    from adgmin_kg.validate import validate

    reports = []
    for release_id, graph in validation_graphs(result):
        if progress:
            progress(f"validating {release_id}")
        report = validate(graph)
        reports.append((release_id, report))
        if not report.conforms:
            raise GraphInvalidError(report, f"release {release_id}: the graph does not conform to the SHACL shapes\n{report.format()}")
    return reports


def run_build(
    release_folders: Sequence[Path] | None = None,
    out_dir: Path | None = None,
    *,
    skip_bad: bool = False,
    formats: tuple[str, ...] = DEFAULT_FORMATS,
    progress: Progress | None = None,
) -> BuildResult:
    """Build, validate and export; nothing is written unless the graph conforms."""
    folders = list(release_folders or [releases_dir()])
    out_dir = out_dir or default_build_dir()
    result = build(discover_releases(folders), skip_bad=skip_bad, progress=progress)
    validate_build(result, progress)
    export_all(result.dataset, out_dir, formats)
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
