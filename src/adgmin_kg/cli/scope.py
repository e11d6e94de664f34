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


def _report(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """Print how the rules and the model do on the labelled passages; the model's examples."""
    from adgmin_kg.extract.scope import examples
    from adgmin_kg.extract.scope_model import cross_validate, read_labels

    rows = read_labels()
    by_rule, by_model = examples(rows)
    right = sum(e.label == "in" for e in by_rule)
    print(f"{len(rows)} labelled passages, {len(by_rule) + len(by_model)} candidates under the current rules;"
          f" {len(by_rule)} name an ASEAN digital body (in by rule: {right} labelled in, {len(by_rule) - right} out)")
    model = cross_validate(by_model, args.c, args.threshold)
    print(f"model, 5-fold cross-validation by release, on the other {len(by_model)}: {model.line()}")
    tp, fp, fn = model.tp + right, model.fp + len(by_rule) - right, model.fn
    print(f"rules and model together: precision {tp / max(1, tp + fp):.3f}, recall {tp / max(1, tp + fn):.3f}")
    return by_model


def cmd_evaluate(args: argparse.Namespace) -> int:
    _report(args)
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    from adgmin_kg.extract.scope_model import labels_path, model_path, train, write_model

    model = train(_report(args), args.c, args.threshold, labels_path())
    write_model(model)
    print(f"wrote {model_path()} ({len(model['weights'])} weights)")
    return 0
