"""``adgmin-kg audit``: draw a random sample of extracted facts to judge, and score a judged file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
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
