"""Commands that put the graph online: ``serve`` (a read-only SPARQL endpoint with pages) and
``publish`` (load it into a triple store over the SPARQL 1.1 Graph Store Protocol).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    s = sub.add_parser(
        "serve",
        help="serve the graph: a read-only SPARQL endpoint at /sparql and a page per entity",
        description="Serve the built graph over HTTP: SPARQL 1.1 Protocol at /sparql, linked-data "
        "pages at /id/..., the stored queries on the home page. Read-only; Ctrl-C stops it.",
    )
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    s.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0 picks a free one)")
    s.add_argument("--graph", type=Path, metavar="PATH", help="a build folder or RDF file; default: build/")
    s.add_argument("--time-limit", type=float, default=10.0, metavar="SECONDS",
                   help="stop a query after this many seconds with 503 (default: 10)")
    s.add_argument("--workers", type=int, default=2, help="query worker processes (default: 2)")
    s.add_argument("--max-result-mb", type=float, default=16.0, metavar="MB",
                   help="largest result sent, in MiB (default: 16)")
    s.add_argument("--max-query-kb", type=float, default=64.0, metavar="KB",
                   help="largest query text accepted, in KiB (default: 64)")
    s.add_argument("--quiet", action="store_true", help="do not log each request")
    s.set_defaults(handler=cmd_serve)

    p = sub.add_parser(
        "publish",
        help="load the built graph into a triple store (SPARQL 1.1 Graph Store Protocol) and check it",
        description="Load the built graph into the store whose Graph Store Protocol endpoint is --gsp, "
        "one named graph per release (or everything into --graph), then count the triples over its "
        "SPARQL endpoint --sparql. For Oxigraph's server: --gsp http://HOST:7878/store "
        "--sparql http://HOST:7878/query.",
    )
    p.add_argument("--gsp", required=True, metavar="URL", help="the store's Graph Store Protocol endpoint")
    p.add_argument("--sparql", required=True, metavar="URL", help="the store's SPARQL query endpoint")
    p.add_argument("--graph", dest="union_graph", metavar="IRI",
                   help="load the union of all graphs into this one named graph instead")
    p.add_argument("--replace", action="store_true",
                   help="replace the graphs (HTTP PUT) instead of adding to them (POST), and drop graphs "
                   "of adgmin-kg the build no longer has")
    p.add_argument("--from", dest="source", type=Path, metavar="PATH",
                   help="a build folder or .trig file (default: build/)")
    p.add_argument("--timeout", type=float, default=120.0, metavar="SECONDS", help="per HTTP request (default: 120)")
    p.set_defaults(handler=cmd_publish)


def cmd_serve(args: argparse.Namespace) -> int:
    import logging

    from adgmin_kg.serve import Limits, make_server, serve_forever

    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO, format="%(message)s")
    limits = Limits(
        time_limit=args.time_limit,
        workers=max(1, args.workers),
        max_result_bytes=int(args.max_result_mb * 1024 * 1024),
        max_query_bytes=int(args.max_query_kb * 1024),
    )
    server = make_server(args.graph, args.host, args.port, limits)

    def announce(srv) -> None:  # type: ignore[no-untyped-def]
        host, port = srv.server_address[:2]
        print(f"serving {srv.graph} ({len(srv.store)} quads) at http://{host}:{port}/ "
              f"(SPARQL: http://{host}:{port}/sparql); Ctrl-C stops", file=sys.stderr, flush=True)

    serve_forever(server, announce)
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    from adgmin_kg.publish import publish

    report = publish(args.gsp, args.sparql, source=args.source, graph=args.union_graph,
                     replace=args.replace, timeout=args.timeout)
    for line in report.lines():
        print(line)
    return 0
