"""``adgmin-kg analyze``: the top actors and topics, figures and Gephi files of the networks."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    a = sub.add_parser(
        "analyze",
        help="print the top actors and topics; draw the networks; write GraphML/GEXF for Gephi",
        description=(
            "Build the cooperation network and the actor-topic graph from the built graph, print the "
            "top actors and topics, and write cooperation.{png,svg,graphml,gexf}, "
            "actor-topic.{png,svg,graphml,gexf}, topics.{graphml,gexf} and kg.{graphml,gexf} into --out."
        ),
    )
    a.add_argument("--out", type=Path, default=None, metavar="DIR", help="where the files go (default: build/analysis/)")
    a.add_argument("--graph", type=Path, default=None, metavar="PATH",
                   help="a build folder or an RDF file (.trig .ttl .nt .nq .jsonld .rdf); default: build/")
    a.add_argument("--top", type=int, default=10, metavar="N", help="how many actors and topics to print (default: 10)")
    a.add_argument("--no-figures", action="store_true", help="print and write the Gephi files only")
    a.set_defaults(handler=cmd_analyze)


def _width(text: str) -> int:
    """Display width in a terminal: Thai vowel and tone marks take no column, wide CJK two."""
    import unicodedata

    return sum(
        0 if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf")
        else 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
        for c in text
    )


def _table(rows: list[dict[str, object]], columns: list[tuple[str, str]]) -> str:
    def cell(value: object) -> str:
        return f"{value:.3f}" if isinstance(value, float) and not value.is_integer() else (
            str(int(value)) if isinstance(value, float) else str(value))

    body = [[cell(r.get(key, "")) for key, _ in columns] for r in rows]
    heads = [head for _, head in columns]
    widths = [max([_width(h)] + [_width(b[i]) for b in body]) for i, h in enumerate(heads)]
    numeric = [all(b[i].replace(".", "", 1).isdigit() for b in body) and bool(body) for i in range(len(heads))]

    def line(cells: list[str]) -> str:
        out = []
        for c, w, num in zip(cells, widths, numeric):
            pad = " " * (w - _width(c))
            out.append(pad + c if num else c + pad)
        return "  ".join(out).rstrip()

    return "\n".join([line(heads), "  ".join("-" * w for w in widths), *map(line, body)]) + "\n"


def cmd_analyze(args: argparse.Namespace) -> int:
    from adgmin_kg import analysis
    from adgmin_kg.paths import default_build_dir

    if args.top < 1:
        raise analysis.AnalysisError("--top must be at least 1")
    out: Path = args.out or default_build_dir() / "analysis"
    dataset = analysis.load_graph(args.graph)
    coop = analysis.cooperation_network(dataset)
    bipartite = analysis.actor_topic_graph(dataset)
    topics = analysis.topic_projection(bipartite)

    actors = analysis.measures(coop, top=args.top)
    for i, row in enumerate(actors, 1):
        row["rank"] = i
    sys.stdout.write(f"Top {len(actors)} actors of the cooperation network "
                     f"({coop.number_of_nodes()} actors, {coop.number_of_edges()} links)\n")
    sys.stdout.write(_table(actors, [("rank", "#"), ("label", "actor"), ("label_th", "Thai"),
                                     ("degree", "partners"), ("weighted_degree", "weight"),
                                     ("betweenness", "betweenness"), ("pagerank", "pagerank"),
                                     ("community", "community")]))
    top_topics = analysis.topic_rows(bipartite, top=args.top)
    for i, row in enumerate(top_topics, 1):
        row["rank"] = i
    sys.stdout.write(f"\nTop {len(top_topics)} topics by the actors who discussed them\n")
    sys.stdout.write(_table(top_topics, [("rank", "#"), ("label", "topic"), ("label_th", "Thai"),
                                         ("actors", "actors"), ("contexts", "meetings/talks")]))

    written = []
    written += analysis.write_gephi(coop, out, "cooperation")
    written += analysis.write_gephi(bipartite, out, "actor-topic")
    written += analysis.write_gephi(topics, out, "topics")
    written += analysis.write_gephi(analysis.to_networkx(dataset), out, "kg")
    if not args.no_figures:
        from adgmin_kg import figures

        written += figures.save(figures.draw_cooperation(coop), out, "cooperation")
        written += figures.save(figures.draw_actor_topic(bipartite), out, "actor-topic")
    sys.stdout.write("\nwrote " + " ".join(str(p) for p in sorted(written)) + "\n")
    return 0
