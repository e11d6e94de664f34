"""Per-query latency on the seed graph (thaigov-66419 alone), both engines, in process.

    python benchmarks/query_latency.py [--runs 7] [--graph PATH]

Builds the seed graph with pipeline.build_dataset (or takes --graph), loads it once per engine,
then times each stored query N times after one warm-up run (label look-ups are cached per
loaded graph, so the times are those of the query itself plus binding). Prints the median.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from adgmin_kg.paths import releases_dir
from adgmin_kg.query import list_queries, open_graph, run_query

PARAMS = {q.name: q.example for q in list_queries()}  # from each query's "# Example:" line
ENGINES = ("oxigraph", "rdflib")


def seed_graph(folder: Path) -> Path:
    from adgmin_kg import pipeline

    path = folder / "kg.trig"
    pipeline.build_dataset([releases_dir() / "thaigov-66419.txt"]).serialize(path, format="trig")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--graph", type=Path, help="a graph to time instead of the seed graph")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        graph = args.graph or seed_graph(Path(tmp))
        for engine in ENGINES:
            start = time.perf_counter()
            open_graph(graph, engine)  # type: ignore[arg-type]
            print(f"load {engine}: {(time.perf_counter() - start) * 1000:.0f} ms")
        print(f"{'query':<24}{'rows':>6}" + "".join(f"{e + ' ms':>14}" for e in ENGINES))
        for query in list_queries():
            params = PARAMS.get(query.name, {})
            medians, rows = [], 0
            for engine in ENGINES:
                rows = len(run_query(query.name, graph=graph, engine=engine, **params))  # warm-up
                times = []
                for _ in range(args.runs):
                    start = time.perf_counter()
                    run_query(query.name, graph=graph, engine=engine, **params)
                    times.append((time.perf_counter() - start) * 1000)
                medians.append(statistics.median(times))
            print(f"{query.name:<24}{rows:>6}" + "".join(f"{m:>14.1f}" for m in medians))


if __name__ == "__main__":
    main()
