"""Commands that make the graph: build, validate, export, stats."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from adgmin_kg.errors import AdgminKgError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    b = sub.add_parser("build", help="build the graph from the releases, validate it, export it")
    b.add_argument("--releases", type=Path, action="append", default=[], metavar="DIR", help="an extra folder of releases (added to data/releases)")
    b.add_argument("--out", type=Path, default=None, metavar="DIR", help="where the exports go (default: build/)")
    b.add_argument("--skip-bad", action="store_true", help="build the good releases and list the bad ones, instead of stopping")
    b.add_argument("--quiet", action="store_true", help="no progress lines")
    b.add_argument("--no-cache", action="store_true", help="re-extract and re-validate every release (ignore <out>/.cache)")
    b.set_defaults(handler=cmd_build)

    v = sub.add_parser("validate", help="check a graph against the SHACL shapes (exit 0 conforms, 1 does not, 2 error)")
    v.add_argument("file", nargs="?", type=Path, help="an RDF file (.ttl .nt .trig .jsonld); default: build the releases and check them")
    v.add_argument("--max-results", type=int, default=20)
    v.set_defaults(handler=cmd_validate)

    e = sub.add_parser("export", help="build and write one export format")
    e.add_argument("--format", choices=["ttl", "nt", "jsonld", "trig", "xml"], default="ttl")
    e.add_argument("--out", type=Path, default=None, metavar="FILE", help="file to write (default: standard output)")
    e.add_argument("--releases", type=Path, action="append", default=[], metavar="DIR")
    e.set_defaults(handler=cmd_export)

    s = sub.add_parser("stats", help="count triples, entities per class, facts with provenance")
    s.add_argument("--releases", type=Path, action="append", default=[], metavar="DIR")
    s.add_argument("--json", action="store_true", help="print JSON instead of a table")
    s.set_defaults(handler=cmd_stats)


def _folders(extra: list[Path]) -> list[Path]:
    from adgmin_kg.paths import releases_dir

    return [releases_dir(), *extra]


def _progress(quiet: bool):  # type: ignore[no-untyped-def]
    return None if quiet else (lambda msg: print(msg, file=sys.stderr))


def cmd_build(args: argparse.Namespace) -> int:
    import time

    from adgmin_kg.paths import default_build_dir
    from adgmin_kg.pipeline import run_build
    from adgmin_kg.stats import size
    from adgmin_kg.store import open_store

    started = time.perf_counter()
    out = args.out or default_build_dir()
    result = run_build(_folders(args.releases), out, skip_bad=args.skip_bad, progress=_progress(args.quiet), use_cache=not args.no_cache)
    for notice in result.notices:
        print(f"notice: {notice}", file=sys.stderr)
    for err in result.skipped:
        print(f"skipped: {err}", file=sys.stderr)
    for release_id, report in result.quarantined:
        print(f"quarantined: {release_id}: its graph does not conform to the SHACL shapes (left out of the exports)\n{report.format(5)}", file=sys.stderr)
    triples, statements = size(open_store(out / "kg.trig"))
    left_out = f", {len(result.quarantined)} quarantined" if result.quarantined else ""
    print(f"built {len(result.release_ids)} release(s){left_out}: {triples} triples, {statements} statements, SHACL conforms"
          f" ({result.extracted} extracted, {len(result.release_ids) - result.extracted} unchanged);"
          f" wrote {out}/kg.{{ttl,nt,jsonld,trig}} in {time.perf_counter() - started:.1f} s")
    return 1 if result.skipped and not args.skip_bad else 0


def cmd_validate(args: argparse.Namespace) -> int:
    from adgmin_kg.validate import validate

    try:
        if args.file:
            report = validate(_load(args.file))
            print(report.format(args.max_results))
            return 0 if report.conforms else 1
        from adgmin_kg.pipeline import build, discover_releases, validate_build
        from adgmin_kg.paths import releases_dir

        result = build(discover_releases([releases_dir()]))
        for release_id, report in validate_build(result):
            print(f"{release_id}: {'conforms' if report.conforms else 'does not conform'} ({len(report.warnings())} warning(s))")
        return 0
    except AdgminKgError as err:
        from adgmin_kg.errors import GraphInvalidError

        if isinstance(err, GraphInvalidError):
            print(str(err), file=sys.stderr)
            return 1
        print(f"adgmin-kg: error: {err}", file=sys.stderr)
        return 2


def _load(path: Path):  # type: ignore[no-untyped-def]
    from rdflib import Dataset
    from rdflib.util import guess_format

    if not path.exists():
        raise AdgminKgError(f"{path}: file not found")
    fmt = guess_format(str(path)) or "turtle"
    ds = Dataset(default_union=True)
    try:
        ds.parse(path, format=fmt)
    except Exception as err:  # rdflib raises many kinds; all mean "cannot parse"
        raise AdgminKgError(f"{path}: cannot parse as {fmt}: {str(err).splitlines()[0] if str(err) else type(err).__name__}") from None
    return ds


def cmd_export(args: argparse.Namespace) -> int:
    from adgmin_kg.atomic import write_atomic
    from adgmin_kg.export import dumps
    from adgmin_kg.pipeline import build, discover_releases, validate_build

    result = build(discover_releases(_folders(args.releases)))
    validate_build(result)
    text = dumps(result.dataset, args.format, reconciled=True)
    if args.out:
        write_atomic(args.out, text)
    else:
        sys.stdout.write(text)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    import json

    from adgmin_kg.paths import default_build_dir
    from adgmin_kg.pipeline import ensure_built, run_build
    from adgmin_kg.stats import graph_stats
    from adgmin_kg.store import open_store

    if args.releases:  # a corpus of its own: built beside the default build
        out = default_build_dir() / "stats"
        run_build(_folders(args.releases), out)
    else:
        out = ensure_built()
    stats = graph_stats(open_store(out / "kg.trig"))
    if args.json:
        print(json.dumps(stats.as_dict(), indent=2, sort_keys=True))
        return 0
    print(f"releases              {stats.classes.get('adg:Release', 0)}")
    print(f"triples               {stats.triples}")
    print(f"statements            {stats.statements}")
    print(f"facts with provenance {stats.facts_with_provenance}/{stats.facts} ({stats.provenance_ratio:.1%})")
    print("entities per class:")
    for cls, n in sorted(stats.classes.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {n:6d}  {cls}")
    return 0

