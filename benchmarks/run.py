"""Benchmark suite: build times, scaling on synthetic corpora, query latency. Not part of the tests.

    .venv/bin/python benchmarks/run.py --quick          # about 4-5 minutes on 2 cores
    .venv/bin/python benchmarks/run.py [--max-n 1000]   # full mode: synthetic N up to --max-n

Prints a table per section and writes everything to benchmarks/out/results-<timestamp>.json.
Each measured command runs in its own wrapper process (``python -c``) that reports
``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` of that one command, so peak memory is per
command. Nothing under data/ is modified: every build that needs a changed corpus works on a
copy in a temporary project home (``ADGMIN_KG_HOME``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
BIN = Path(sys.executable).parent
CLI = str(BIN / "adgmin-kg") if (BIN / "adgmin-kg").exists() else shutil.which("adgmin-kg") or "adgmin-kg"
SEED_ID = "thaigov-66419"
BUILT = re.compile(r"built (\d+) release\(s\): (\d+) triples")

# Runs argv (after "--") and prints one JSON line with wall seconds and the child's peak RSS (KiB).
WRAPPER = r"""
import json, resource, subprocess, sys, time
argv = sys.argv[1:]
start = time.perf_counter()
done = subprocess.run(argv, capture_output=True, text=True)
wall = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"rc": done.returncode, "wall_s": wall, "maxrss_kib": peak,
                  "stdout": done.stdout[-4000:], "stderr": done.stderr[-4000:]}))
"""


def measure(argv: list[str], home: Path | None = None) -> dict[str, Any]:
    """Run one command in its own wrapper process; wall time, peak memory, output tails."""
    env = dict(os.environ)
    env.pop("ADGMIN_KG_HOME", None)
    if home is not None:
        env["ADGMIN_KG_HOME"] = str(home)
    done = subprocess.run([sys.executable, "-c", WRAPPER, *argv], env=env, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"wrapper failed for {argv}: {done.stderr}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if result["rc"] != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {result['rc']}: {result['stderr'].strip()[-800:]}")
    match = BUILT.search(result["stdout"])
    if match:
        result["releases"], result["triples"] = int(match[1]), int(match[2])
    return result


def make_home(folder: Path, releases: str) -> Path:
    """A project copy: ontology, queries, gazetteers, rules, reference (and curation), with
    ``releases`` = "seed" (thaigov-66419 only), "all" (a copy of data/releases) or "none"."""
    home = folder
    shutil.copytree(ROOT / "ontology", home / "ontology")
    shutil.copytree(ROOT / "queries", home / "queries")
    for part in ("gazetteers", "rules", "reference", "curation"):
        if (ROOT / "data" / part).exists():
            shutil.copytree(ROOT / "data" / part, home / "data" / part)
    target = home / "data" / "releases"
    if releases == "all":
        shutil.copytree(ROOT / "data" / "releases", target)
    else:
        target.mkdir(parents=True)
        if releases == "seed":
            for path in (ROOT / "data" / "releases").glob(f"{SEED_ID}.*"):
                shutil.copy(path, target)
    return home


def mib(kib: int) -> float:
    return kib / 1024  # Linux reports ru_maxrss in KiB


def table(title: str, header: list[str], rows: list[list[Any]]) -> None:
    cells = [[str(c) for c in header]] + [[f"{c:.3f}" if isinstance(c, float) and abs(c) < 10 else
                                           f"{c:.1f}" if isinstance(c, float) else str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    print(f"\n== {title}")
    for n, r in enumerate(cells):
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
        if n == 0:
            print("  ".join("-" * w for w in widths))
    sys.stdout.flush()


# --------------------------------------------------------------------------- 1. builds


def bench_builds(tmp: Path) -> tuple[dict[str, Any], Path]:
    build = [CLI, "build", "--quiet"]
    res: dict[str, Any] = {}

    seed_home = make_home(tmp / "seed-home", "seed")
    res["seed_cold"] = measure([*build, "--no-cache", "--out", str(tmp / "seed-out")], home=seed_home)

    corpus_out = tmp / "corpus-out"
    res["corpus_cold"] = measure([*build, "--no-cache", "--out", str(corpus_out)])

    # Incremental: a copy of the whole corpus in its own home (data/ is never touched). A first
    # build with the cache fills <out>/.cache (a --no-cache build writes no cache), then one
    # release's copy gets a trailing space and the build is rerun with the same --out.
    copy_home = make_home(tmp / "copy-home", "all")
    copy_out = tmp / "copy-out"
    res["corpus_copy_fill_cache"] = measure([*build, "--out", str(copy_out)], home=copy_home)
    victim = sorted((copy_home / "data" / "releases").glob("*.txt"))[0]
    with victim.open("a", encoding="utf-8") as handle:
        handle.write(" ")
    res["corpus_incremental_1_changed"] = measure([*build, "--out", str(copy_out)], home=copy_home)
    res["corpus_incremental_1_changed"]["changed"] = victim.name

    rows = [[name, r["wall_s"], mib(r["maxrss_kib"]), r.get("releases", ""), r.get("triples", "")] for name, r in res.items()]
    table("builds (adgmin-kg build --quiet)", ["build", "wall s", "peak MiB", "releases", "triples"], rows)
    for r in res.values():
        r.pop("stdout", None), r.pop("stderr", None)
    return res, corpus_out


# --------------------------------------------------------------------------- 2. synthetic scaling


def bench_synthetic(tmp: Path, sizes: list[int]) -> list[dict[str, Any]]:
    home = make_home(tmp / "synth-home", "none")  # data/releases empty: only synthetic releases
    rows: list[dict[str, Any]] = []
    for n in sizes:
        corpus = tmp / f"synth-{n}"
        gen = measure([sys.executable, str(ROOT / "benchmarks" / "synth.py"), "--count", str(n), "--out", str(corpus), "--seed", "1"])
        built = measure([CLI, "build", "--quiet", "--no-cache", "--releases", str(corpus), "--out", str(tmp / f"synth-out-{n}")], home=home)
        row = {"n": n, "generate_s": gen["wall_s"], "build_s": built["wall_s"], "peak_mib": mib(built["maxrss_kib"]),
               "releases": built.get("releases"), "triples": built.get("triples")}
        row["triples_per_s"] = (row["triples"] or 0) / row["build_s"]
        row["s_per_release"] = row["build_s"] / n
        if rows:
            prev = rows[-1]
            row["growth"] = {k: row[k] / prev[k] for k in ("n", "build_s", "peak_mib", "triples") if prev[k]}
        rows.append(row)
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.rmtree(tmp / f"synth-out-{n}", ignore_errors=True)
    table("synthetic scaling (synth.py --seed 1, then build --no-cache, data/releases empty)",
          ["N", "gen s", "build s", "s/release", "peak MiB", "triples", "triples/s", "x time", "x triples"],
          [[r["n"], r["generate_s"], r["build_s"], r["s_per_release"], r["peak_mib"], r["triples"], r["triples_per_s"],
            r.get("growth", {}).get("build_s", ""), r.get("growth", {}).get("triples", "")] for r in rows])
    return rows


# --------------------------------------------------------------------------- 3. queries


def timed(fn: Any, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def bench_queries(build_dir: Path, runs: int, rdflib_runs: int, cli_runs: int) -> list[dict[str, Any]]:
    import pyoxigraph as ox

    from adgmin_kg.query import bind_parameters, list_queries, open_graph, run_query, to_oxigraph
    from adgmin_kg.store import load_union_store, open_store

    trig = build_dir / "kg.trig"
    raw_store = open_store(trig) or load_union_store(trig)
    backend = open_graph(trig)

    results = []
    for query in list_queries():
        params = dict(query.example)
        subs = {ox.Variable(k): to_oxigraph(v) for k, v in bind_parameters(backend, query, params).items()}
        rows = len(run_query(query.name, graph=trig, engine="oxigraph", **params))  # warm-up (load, labels)
        wrapped = timed(lambda: run_query(query.name, graph=trig, engine="oxigraph", **params), runs)
        list(raw_store.query(query.text, substitutions=subs))  # warm-up
        raw = timed(lambda: list(raw_store.query(query.text, substitutions=subs)), runs)
        run_query(query.name, graph=trig, engine="rdflib", **params)  # warm-up (parses the graph once)
        rdf = timed(lambda: run_query(query.name, graph=trig, engine="rdflib", **params), rdflib_runs)
        argv = [CLI, "query", query.name, "--graph", str(build_dir), "--format", "csv"]
        argv += [a for k, v in params.items() for a in ("--param", f"{k}={v}")]
        cli = [measure(argv) for _ in range(cli_runs)]
        results.append({
            "query": query.name, "params": params, "rows": rows,
            "oxigraph_median_ms": statistics.median(wrapped), "oxigraph_p95_ms": p95(wrapped),
            "raw_median_ms": statistics.median(raw), "raw_p95_ms": p95(raw),
            "overhead_ratio": statistics.median(wrapped) / max(statistics.median(raw), 1e-6),
            "rdflib_median_ms": statistics.median(rdf),
            "cli_median_ms": statistics.median(c["wall_s"] for c in cli) * 1000,
            "cli_peak_mib": max(mib(c["maxrss_kib"]) for c in cli),
        })
    table(f"queries on the corpus build (in process: oxigraph {runs} runs, rdflib {rdflib_runs}; cold CLI {cli_runs} runs), ms",
          ["query", "rows", "ox med", "ox p95", "raw med", "raw p95", "overhead x", "rdflib med", "cli med", "cli MiB"],
          [[r["query"], r["rows"], r["oxigraph_median_ms"], r["oxigraph_p95_ms"], r["raw_median_ms"], r["raw_p95_ms"],
            r["overhead_ratio"], r["rdflib_median_ms"], r["cli_median_ms"], r["cli_peak_mib"]] for r in results])
    return results


# --------------------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="synthetic N in (10, 100); under 5 minutes on 2 cores")
    parser.add_argument("--max-n", type=int, default=1000,
                        help="full mode: largest synthetic N (default 1000; 10,000 takes hours at ~1 s per release)")
    parser.add_argument("--skip", action="append", default=[], choices=["builds", "synthetic", "queries"])
    args = parser.parse_args()

    sizes = [10, 100] if args.quick else [n for n in (10, 100, 1000, 10000) if n <= args.max_n]
    started = time.perf_counter()
    machine = {"cpu_count": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
               "machine": platform.machine()}
    print(f"machine: {machine['cpu_count']} CPUs, {machine['platform']}, Python {machine['python']}")
    print(f"mode: {'quick' if args.quick else 'full'}, synthetic N = {sizes}")
    report: dict[str, Any] = {"started": datetime.now().isoformat(timespec="seconds"), "mode": "quick" if args.quick else "full",
                              "machine": machine, "cli": CLI}
    with tempfile.TemporaryDirectory(prefix="adgmin-bench-") as name:
        tmp = Path(name)
        corpus_out = None
        if "builds" not in args.skip:
            report["builds"], corpus_out = bench_builds(tmp)
        if "synthetic" not in args.skip:
            report["synthetic"] = bench_synthetic(tmp, sizes)
        if "queries" not in args.skip:
            if corpus_out is None:
                corpus_out = tmp / "corpus-out"
                measure([CLI, "build", "--quiet", "--out", str(corpus_out)])
            report["queries"] = bench_queries(corpus_out, runs=20, rdflib_runs=3, cli_runs=3)
    report["total_s"] = time.perf_counter() - started
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"results-{datetime.now().strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\ntotal {report['total_s']:.0f} s; wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
