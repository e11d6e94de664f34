"""``adgmin-kg scope``: train the passage classifier from the labelled passages, and measure it."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    s = sub.add_parser("scope", help="the passage classifier: train it from data/scope/passages.csv, or measure it")
    commands = s.add_subparsers(dest="scope_command", required=True, metavar="ACTION")
    t = commands.add_parser("train", help="cross-validate, then train on every labelled passage and write data/scope/model.json")
    t.add_argument("--c", type=float, default=0.3, help="inverse regularisation strength (default 0.3)")
    t.add_argument("--threshold", type=float, default=0.5, help="probability from which a passage is in scope (default 0.5)")
    t.set_defaults(handler=cmd_train)
    e = commands.add_parser("evaluate", help="precision and recall of the in-scope decision (rules and model) on releases held out")
    e.add_argument("--c", type=float, default=0.3)
    e.add_argument("--threshold", type=float, default=0.5)
    e.set_defaults(handler=cmd_evaluate)


def _report(args: argparse.Namespace) -> None:
    from adgmin_kg.extract.scope_model import cross_validate, model_rows, read_labels

    rows = read_labels()
    decided = [r for r in rows if r.candidate.names_digital_body]
    by_rule = sum(r.label == "in" for r in decided)
    print(f"{len(rows)} labelled candidate passages; {len(decided)} name an ASEAN digital body (in scope by rule: {by_rule} labelled in, {len(decided) - by_rule} out)")
    model = cross_validate(model_rows(rows), args.c, args.threshold)
    print(f"model, 5-fold cross-validation by release, on the other {model.tp + model.fp + model.fn + model.tn}: {model.line()}")
    tp, fp, fn = model.tp + by_rule, model.fp + len(decided) - by_rule, model.fn
    print(f"rules and model together: precision {tp / max(1, tp + fp):.3f}, recall {tp / max(1, tp + fn):.3f}")


def cmd_evaluate(args: argparse.Namespace) -> int:
    _report(args)
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    from adgmin_kg.extract.scope_model import labels_path, model_path, model_rows, read_labels, train, write_model

    _report(args)
    model = train(model_rows(read_labels()), args.c, args.threshold, labels_path())
    write_model(model)
    print(f"wrote {model_path()} ({len(model['weights'])} weights)")
    return 0
