"""Commands that ask the graph: ``query`` (a stored query or a file) and ``queries`` (list them)."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from adgmin_kg.query import FORMATS, ParameterError, format_result, list_queries, run_query


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    q = sub.add_parser(
        "query",
        help="run a stored query (see `adgmin-kg queries`) or your own .rq file",
        description="Run a stored query by NAME, or the SPARQL query in --file, on the built graph.",
    )
    q.add_argument("name", nargs="?", metavar="NAME", help="a stored query name")
    q.add_argument("--file", type=Path, metavar="FILE.rq", help="a query file of your own instead of NAME")
    q.add_argument(
        "--param", action="append", default=[], metavar="KEY=VALUE",
        help="a parameter: an IRI, or a label in English or Thai (repeatable)",
    )
    q.add_argument(
        "--format", choices=FORMATS, default="table",
        help="output format (default: table; tsv is SPARQL 1.1 TSV, as the server's; json types numbers)",
    )
    q.add_argument("--full-iri", action="store_true", help="table: full IRIs instead of prefixed names")
    q.add_argument(
        "--width", type=int, default=None, metavar="N",
        help="table: cut cells so lines fit N columns; 0: no limit (default: the terminal's width, "
             "or $COLUMNS; no limit when writing to a file or pipe)",
    )
    q.add_argument(
        "--graph", type=Path, metavar="PATH",
        help="a build folder or an RDF file (.ttl .nt .trig .jsonld .nq .rdf); default: build/",
    )
    q.add_argument("--engine", choices=("oxigraph", "rdflib"), default="oxigraph")
    q.set_defaults(handler=cmd_query)

    ls = sub.add_parser("queries", help="list the stored queries and their questions")
    ls.set_defaults(handler=cmd_queries)


def parse_params(pairs: list[str]) -> dict[str, str]:
    """``["topic=cybersecurity"]`` -> ``{"topic": "cybersecurity"}``."""
    params: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ParameterError(f'--param "{pair}" is not KEY=VALUE')
        params[key.strip()] = value
    return params


def cmd_query(args: argparse.Namespace) -> int:
    if (args.name is None) == (args.file is None):
        raise ParameterError("give either a stored query NAME or --file FILE.rq")
    params = parse_params(args.param)
    if args.name is not None:
        result = run_query(args.name, graph=args.graph, engine=args.engine, **params)
    else:
        result = run_query(file=args.file, graph=args.graph, engine=args.engine, **params)
    sys.stdout.write(format_result(result, args.format, full_iri=args.full_iri, width=table_width(args.width)))
    return 0


def table_width(asked: int | None) -> int | None:
    """The width a table must fit: as asked (0: none), else the terminal's, else ``$COLUMNS``."""
    if asked is not None:
        if asked < 0:
            raise ParameterError(f"--width {asked}: give a number of columns, or 0 for no limit")
        return asked or None
    if sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else None


def cmd_queries(args: argparse.Namespace) -> int:
    queries = list_queries()
    width = max((len(q.name) for q in queries), default=0)
    for q in queries:
        params = " ".join(
            f"[{p.name}=...]" if not p.required else f"{p.name}=..." for p in q.parameters
        )
        sys.stdout.write(f"{q.name:<{width}}  {q.question}" + (f"  ({params})" if params else "") + "\n")
    return 0
