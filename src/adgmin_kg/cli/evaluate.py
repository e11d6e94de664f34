"""``adgmin-kg eval``: how well extraction does against the gold files."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    e = sub.add_parser("eval", help="precision, recall and F1 of extraction against data/gold, per release and kind of fact")
    e.add_argument("--gold", type=Path, default=None, metavar="DIR", help="gold folder (default: data/gold)")
    e.add_argument("--json", action="store_true", help="print JSON instead of a table")
    e.add_argument("--details", action="store_true", help="also list missed gold facts and extracted facts no gold names")
    e.add_argument("--open-world", action="store_true", help="read without the gazetteer's known documents and people: how the rules do on what they were not shown")
    e.set_defaults(handler=cmd_eval)


def cmd_eval(args: argparse.Namespace) -> int:
    from adgmin_kg.errors import AdgminKgError
    from adgmin_kg.evaluate import evaluate, gold_files, report_json
    from adgmin_kg.paths import data_dir, releases_dir
    from adgmin_kg.pipeline import build

    folder = args.gold or data_dir() / "gold"
    golds = gold_files(folder)
    if not golds:
        raise AdgminKgError(f"{folder}: no gold files (<release-id>.yaml)")
    paths = [releases_dir() / f"{g.stem}.txt" for g in golds]
    result = build(paths, open_world=args.open_world)
    texts = {r.id: r.text for r in result.releases}
    languages = {r.id: r.meta.language for r in result.releases}
    report = evaluate(result.dataset, golds, texts, languages)
    if args.json:
        print(report_json(report))
    else:
        print(report.table())
    if args.details:
        for release in sorted(report.misses):
            for line in report.misses[release]:
                print(f"{release}  missed  {line}")
            for line in report.wrong[release]:
                print(f"{release}  extra   {line}")
    return 0
