"""``adgmin-kg``: parse arguments, call the pipeline, turn errors into one line and an exit code."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from adgmin_kg.cli import analysis, audit, evaluate, graph, query, scope, serve
from adgmin_kg.errors import AdgminKgError


def parser() -> argparse.ArgumentParser:
    from adgmin_kg import __version__

    p = argparse.ArgumentParser(prog="adgmin-kg", description="Build and query the knowledge graph of ASEAN digital cooperation.")
    p.add_argument("--version", action="version", version=f"adgmin-kg {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for commands in (graph, query, evaluate, audit, scope, analysis, serve):
        commands.register(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except AdgminKgError as err:
        message = str(err)
        first, _, rest = message.partition("\n")
        print(f"adgmin-kg: error: {first}", file=sys.stderr)
        if rest:
            print(rest, file=sys.stderr)
        return int(getattr(err, "exit_code", 1))
    except KeyboardInterrupt:
        print("adgmin-kg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
