"""``adgmin-kg audit`` (draw a random sample of extracted facts to judge, score a judged file) and
``adgmin-kg explain`` (what a release gave, passage by passage): the tools for checking what the
builder reads."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    register_explain(sub)
    a = sub.add_parser("audit", help="review extracted facts by hand: draw a sample, score a judged sample")
    commands = a.add_subparsers(dest="audit_command", required=True, metavar="ACTION")
    s = commands.add_parser("sample", help="write N random extracted facts of some releases to a CSV for review")
    s.add_argument("--releases", type=Path, action="append", required=True, metavar="DIR", help="a folder of releases (repeatable)")
    s.add_argument("--n", type=int, required=True, metavar="N", help="how many facts")
    s.add_argument("--seed", type=int, required=True, metavar="S", help="the random seed (a new one for a fresh sample)")
    s.add_argument("--out", type=Path, required=True, metavar="FILE", help="the CSV to write")
    s.add_argument("--quiet", action="store_true", help="no progress lines")
    s.set_defaults(handler=cmd_sample)
    c = commands.add_parser("score", help="precision of a judged sample (verdict: correct, wrong or out-of-scope), with a 95%% Wilson interval")
    c.add_argument("file", type=Path, metavar="FILE")
    c.set_defaults(handler=cmd_score)


def cmd_sample(args: argparse.Namespace) -> int:
    from adgmin_kg.audit import sample, write_sample
    from adgmin_kg.errors import AdgminKgError

    if args.n < 1:
        raise AdgminKgError(f"--n must be at least 1, not {args.n}")
    run = sample(args.releases, args.n, args.seed, progress=None if args.quiet else (lambda msg: print(msg, file=sys.stderr)))
    write_sample(run.facts, args.out)
    for err in run.unreadable:
        print(f"skipped: {err}", file=sys.stderr)
    for release_id in run.quarantined:
        print(f"quarantined: {release_id} (its graph fails the shapes; not sampled)", file=sys.stderr)
    print(f"wrote {len(run.facts)} of {run.pool} extracted facts of {run.releases} release(s) to {args.out} (seed {args.seed})")
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    from adgmin_kg.audit import read_review, score

    print(score(read_review(args.file)).table())
    return 0


def register_explain(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    e = sub.add_parser("explain", help="a release's passages, each with its verdict (in or out of scope, and why) and the facts it gave")
    e.add_argument("release", metavar="RELEASE", help="a release id (looked up in data/releases and --releases) or a path to <id>.txt")
    e.add_argument("--releases", type=Path, action="append", default=[], metavar="DIR", help="another folder to look the id up in")
    e.add_argument("--all", action="store_true", help="also list the passages that name no ASEAN and digital matter")
    e.set_defaults(handler=cmd_explain)


def cmd_explain(args: argparse.Namespace) -> int:
    from adgmin_kg.explain import explain, find_release
    from adgmin_kg.paths import releases_dir

    print(explain(find_release(args.release, [releases_dir(), *args.releases])).format(everything=args.all))
    return 0
