"""Benchmark suite: build times, scaling on synthetic corpora, query latency, and the targets of
issue 5 checked against them. Not part of the tests.

    .venv/bin/python benchmarks/run.py --quick          # under 5 minutes on 2 cores
    .venv/bin/python benchmarks/run.py                  # full: synthetic N up to 10,000, under 60 min

Prints a table per section and the targets, and writes benchmarks/out/results-<timestamp>.json
and .md (the tables, ready for the README). Each measured command runs in its own wrapper
process (``python -c``) that samples the memory of the command's whole process tree (the build
uses worker processes), so peak memory is that of the one command, workers included. Nothing
under data/ is modified: every build that needs another corpus works in a temporary project home
(``ADGMIN_KG_HOME``).
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

# Runs argv and prints one JSON line: wall seconds, the largest single process's peak RSS (KiB)
# and the peak of the whole process tree's RSS, sampled every 50 ms from /proc (Linux).
WRAPPER = r"""
import json, os, resource, subprocess, sys, tempfile, time

def tree_rss_kib(root):
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as handle:
                    fields = handle.read().rsplit(b")", 1)[1].split()
                children.setdefault(int(fields[1]), []).append(int(entry))
            except OSError:
                pass
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            with open(f"/proc/{pid}/statm") as handle:
                total += int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
        except OSError:
            pass
    return total

argv = sys.argv[1:]
with tempfile.TemporaryFile("w+") as out_file, tempfile.TemporaryFile("w+") as err_file:
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=out_file, stderr=err_file, text=True)  # files: no pipe to fill
    peak_tree = 0
    while child.poll() is None:
        peak_tree = max(peak_tree, tree_rss_kib(child.pid))
        time.sleep(0.05)
    wall = time.perf_counter() - start
    out_file.seek(0), err_file.seek(0)
    out, err = out_file.read(), err_file.read()
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"rc": child.returncode, "wall_s": wall, "maxrss_kib": peak, "tree_peak_kib": max(peak_tree, peak),
                  "stdout": out[-4000:], "stderr": err[-4000:]}))
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
        raise RuntimeError(f"{' '.join(argv)} exited {result['rc']}: {result['stderr'].strip()[:800]}")
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


def _row(r: dict[str, Any]) -> dict[str, Any]:
    """The figures of a measured command, without its output."""
    return {k: v for k, v in r.items() if k not in ("stdout", "stderr")}


def bench_builds(tmp: Path) -> tuple[dict[str, Any], Path]:
    build = [CLI, "build", "--quiet"]
    res: dict[str, Any] = {}

    seed_home = make_home(tmp / "seed-home", "seed")
    res["seed_cold"] = measure([*build, "--no-cache", "--out", str(tmp / "seed-out")], home=seed_home)

    corpus_out = tmp / "corpus-out"
    res["corpus_cold"] = measure([*build, "--no-cache", "--out", str(corpus_out)])

    # Incremental: a copy of the whole corpus in its own home (data/ is never touched). A first
    # build fills <out>/.cache, then one release's copy gets a trailing space and the build is
    # rerun with the same --out: one release is extracted and validated again, all exports and
    # the store are rewritten.
    copy_home = make_home(tmp / "copy-home", "all")
    copy_out = tmp / "copy-out"
    res["corpus_copy_fill_cache"] = measure([*build, "--out", str(copy_out)], home=copy_home)
    res["corpus_unchanged"] = measure([*build, "--out", str(copy_out)], home=copy_home)
    victim = sorted((copy_home / "data" / "releases").glob("*.txt"))[0]
    runs = []
    for _ in range(3):  # median of three: one run is at the mercy of the disk's write-back
        with victim.open("a", encoding="utf-8") as handle:
            handle.write(" ")
        runs.append(measure([*build, "--out", str(copy_out)], home=copy_home))
    res["corpus_incremental_1_changed"] = sorted(runs, key=lambda r: r["wall_s"])[1]
    res["corpus_incremental_1_changed"].update(changed=victim.name, runs_s=[r["wall_s"] for r in runs])

    rows = [[name, r["wall_s"], mib(r["tree_peak_kib"]), r.get("releases", ""), r.get("triples", "")] for name, r in res.items()]
    table("builds (adgmin-kg build --quiet)", ["build", "wall s", "peak MiB", "releases", "triples"], rows)
    return {k: _row(v) for k, v in res.items()}, corpus_out


# --------------------------------------------------------------------------- 2. synthetic scaling


def bench_synthetic(tmp: Path, sizes: list[int], keep: set[int]) -> tuple[list[dict[str, Any]], dict[int, Path]]:
    """Build N synthetic releases together with the real corpus (so the stored queries' example
    labels resolve) for each N; the builds of the sizes in ``keep`` are kept for the queries."""
    home = make_home(tmp / "synth-home", "all")
    rows: list[dict[str, Any]] = []
    kept: dict[int, Path] = {}
    for n in sizes:
        corpus, out = tmp / f"synth-{n}", tmp / f"synth-out-{n}"
        gen = measure([sys.executable, str(ROOT / "benchmarks" / "synth.py"), "--count", str(n), "--out", str(corpus), "--seed", "1"])
        try:
            built = measure([CLI, "build", "--quiet", "--no-cache", "--releases", str(corpus), "--out", str(out)], home=home)
        except RuntimeError as err:  # recorded, and the suite goes on with the other sections
            print(f"N={n}: build failed: {err}", file=sys.stderr)
            rows.append({"n": n, "error": str(err)})
            shutil.rmtree(corpus, ignore_errors=True)
            break
        row = {"n": n, "generate_s": gen["wall_s"], "build_s": built["wall_s"], "peak_mib": mib(built["tree_peak_kib"]),
               "largest_process_mib": mib(built["maxrss_kib"]), "releases": built.get("releases"), "triples": built.get("triples")}
        row["triples_per_s"] = (row["triples"] or 0) / row["build_s"]
        row["s_per_release"] = row["build_s"] / (row["releases"] or n)
        if rows and "error" not in rows[-1]:
            prev = rows[-1]
            row["growth"] = {k: row[k] / prev[k] for k in ("n", "build_s", "peak_mib", "triples") if prev[k]}
        rows.append(row)
        shutil.rmtree(corpus, ignore_errors=True)
        if n in keep:
            kept[n] = out
        else:
            shutil.rmtree(out, ignore_errors=True)
    table("synthetic scaling (synth.py --seed 1, built with the 29 real releases, --no-cache)",
          ["N", "releases", "gen s", "build s", "s/release", "peak MiB", "triples", "triples/s", "x time", "x triples"],
          [[r["n"], r["releases"], r["generate_s"], r["build_s"], r["s_per_release"], r["peak_mib"], r["triples"],
            r["triples_per_s"], r.get("growth", {}).get("build_s", ""), r.get("growth", {}).get("triples", "")] for r in rows if "error" not in r])
    return rows, kept


# --------------------------------------------------------------------------- 3. queries


def timed(fns: list[Any], max_runs: int, budget_s: float) -> list[list[float]]:
    """Milliseconds per call of each function, called in turn (so that the machine's noise falls
    on all alike): one round, then more while the rounds so far took less than ``budget_s``, up to
    ``max_runs``. A query that takes longer than the budget is timed once (on 10,000 releases
    the whole-graph queries take seconds; three rounds of them would not fit the hour)."""
    times: list[list[float]] = [[] for _ in fns]
    spent = 0.0
    while not times[0] or (len(times[0]) < max_runs and spent < budget_s):
        for fn, out in zip(fns, times):
            start = time.perf_counter()
            fn()
            elapsed = time.perf_counter() - start
            out.append(elapsed * 1000)
            spent += elapsed
    return times


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def bench_queries(label: str, build_dir: Path, *, synthetic_n: int | None, rdflib: bool, cli_runs: int) -> dict[str, Any]:
    """Every stored query on one build: our runner warm, raw pyoxigraph on the same text and
    bindings, rdflib (optional) and a cold CLI call."""
    import pyoxigraph as ox

    from adgmin_kg.query import IN_MEMORY_MAX_BYTES, bind_parameters, list_queries, open_graph, run_query, to_oxigraph

    trig = build_dir / "kg.trig"
    section: dict[str, Any] = {"graph": label, "synthetic_n": synthetic_n, "queries": []}
    if rdflib:
        started = time.perf_counter()
        open_graph(trig, "rdflib")
        section["rdflib_load_s"] = time.perf_counter() - started
    for query in list_queries():
        params = dict(query.example)
        rows = len(run_query(query.name, graph=trig, **params))  # warm-up: labels resolved
        if (build_dir / "kg.nt").stat().st_size <= IN_MEMORY_MAX_BYTES:
            run_query(query.name, graph=trig, **params)  # a second query: a long-lived process copies a small build into memory
        backend = open_graph(trig)
        raw_store = backend.store  # the very store the runner now uses
        subs = {ox.Variable(k): to_oxigraph(v) for k, v in bind_parameters(backend, query, params).items()}
        # run_query runs the query; its rows become Python values when first read (".terms")
        wrapped, read, raw = timed([lambda: run_query(query.name, graph=trig, **params),
                                    lambda: run_query(query.name, graph=trig, **params).terms,
                                    lambda: list(raw_store.query(query.text, substitutions=subs))], 30, 9.0)
        entry: dict[str, Any] = {
            "query": query.name, "params": params, "rows": rows, "runs": len(wrapped),
            "oxigraph_median_ms": statistics.median(wrapped), "oxigraph_p95_ms": p95(wrapped),
            "raw_median_ms": statistics.median(raw), "raw_p95_ms": p95(raw),
            "rows_read_median_ms": statistics.median(read),
        }
        entry["overhead_ratio"] = entry["oxigraph_median_ms"] / max(entry["raw_median_ms"], 1e-6)
        entry["overhead_ms"] = entry["oxigraph_median_ms"] - entry["raw_median_ms"]
        if rdflib:
            (rdf,) = timed([lambda: run_query(query.name, graph=trig, engine="rdflib", **params)], 3, 10.0)
            entry["rdflib_median_ms"] = statistics.median(rdf)
            entry["rdflib_runs"] = len(rdf)
            entry["speedup_vs_rdflib"] = entry["rdflib_median_ms"] / max(entry["oxigraph_median_ms"], 1e-6)
        argv = [CLI, "query", query.name, "--graph", str(build_dir), "--format", "csv"]
        argv += [a for k, v in params.items() for a in ("--param", f"{k}={v}")]
        cli = [measure(argv) for _ in range(cli_runs)]
        entry["cli_median_ms"] = statistics.median(c["wall_s"] for c in cli) * 1000
        entry["cli_peak_mib"] = max(mib(c["tree_peak_kib"]) for c in cli)
        section["queries"].append(entry)
    results = section["queries"]
    header = ["query", "rows", "runs", "ox med", "ox p95", "+rows read", "raw med", "raw p95", "overhead x", "+ms"]
    rows_out = [[r["query"], r["rows"], r["runs"], r["oxigraph_median_ms"], r["oxigraph_p95_ms"], r["rows_read_median_ms"], r["raw_median_ms"],
                 r["raw_p95_ms"], r["overhead_ratio"], r["overhead_ms"]] for r in results]
    if rdflib:
        header += ["rdflib med", "x faster"]
        for row, r in zip(rows_out, results):
            row += [r["rdflib_median_ms"], r["speedup_vs_rdflib"]]
    header += ["cli med", "cli MiB"]
    for row, r in zip(rows_out, results):
        row += [r["cli_median_ms"], r["cli_peak_mib"]]
    table(f"queries on {label}, ms (warm in process; cold CLI {cli_runs} runs)", header, rows_out)
    return section


# --------------------------------------------------------------------------- 4. targets


def check_targets(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The targets of issue 5, each with what was measured and whether it holds."""
    targets: list[dict[str, Any]] = []

    def add(name: str, measured: Any, goal: str, met: bool) -> None:
        targets.append({"target": name, "measured": measured, "goal": goal, "met": met})

    sections = report.get("queries", [])
    queries = {s["graph"]: s["queries"] for s in sections}
    corpus = queries.get("corpus", [])
    if corpus:
        worst_cli = max(corpus, key=lambda r: r["cli_median_ms"])
        add("cold CLI query, real corpus", f"{worst_cli['cli_median_ms'] / 1000:.2f} s (slowest: {worst_cli['query']})", "< 0.5 s",
            worst_cli["cli_median_ms"] < 500)
        slow = [r["query"] for r in corpus if r["oxigraph_median_ms"] >= 20]
        add("warm stored query p50, real corpus", f"max {max(r['oxigraph_median_ms'] for r in corpus):.1f} ms" + (f" ({', '.join(slow)})" if slow else ""),
            "< 20 ms each", not slow)
    for label, results in queries.items():
        over = [r["query"] for r in results if r["oxigraph_median_ms"] > max(1.2 * r["raw_median_ms"], r["raw_median_ms"] + 2)]
        add(f"runner overhead vs raw pyoxigraph, {label}",
            f"max x{max(r['overhead_ratio'] for r in results):.2f}, max +{max(r['overhead_ms'] for r in results):.1f} ms" + (f" ({', '.join(over)})" if over else ""),
            "<= 1.2x or + 2 ms", not over)
    for label in [s["graph"] for s in sections if (s["synthetic_n"] or 0) >= 10000]:
        slow = [f"{r['query']} {r['oxigraph_median_ms']:.0f}" for r in queries[label] if r["oxigraph_median_ms"] >= 100]
        add(f"warm stored query p50, {label}", f"max {max(r['oxigraph_median_ms'] for r in queries[label]):.0f} ms" + (f" ({'; '.join(slow)} ms)" if slow else ""),
            "< 100 ms each", not slow)
    for label in [s["graph"] for s in sections if s["synthetic_n"] == 1000]:
        results = queries[label]
        if any("speedup_vs_rdflib" in r for r in results):
            slow = [f"{r['query']} x{r['speedup_vs_rdflib']:.0f}" for r in results if r["speedup_vs_rdflib"] < 50]
            add(f"oxigraph vs rdflib, {label}", f"min x{min(r['speedup_vs_rdflib'] for r in results):.0f}" + (f" ({'; '.join(slow)})" if slow else ""),
                ">= 50x", not slow)
    synthetic = {r["n"]: r for r in report.get("synthetic", []) if "error" not in r}
    for r in report.get("synthetic", []):
        if "error" in r:
            add(f"synthetic build, N = {r['n']}", r["error"].splitlines()[0][-200:], "builds", False)
    if 1000 in synthetic and 10000 in synthetic:
        growth = synthetic[10000]["build_s"] / synthetic[1000]["build_s"]
        add("build growth 1,000 -> 10,000 releases", f"x{growth:.2f}", "<= 11x", growth <= 11)
    if 10000 in synthetic:
        peak = synthetic[10000]["peak_mib"]
        add("peak memory, 10,000 releases", f"{peak:.0f} MiB", "< 4 GB", peak < 4096)
    builds = report.get("builds", {})
    if "corpus_incremental_1_changed" in builds:
        wall = builds["corpus_incremental_1_changed"]["wall_s"]
        add("rebuild after one change, real corpus", f"{wall:.2f} s", "< 2 s", wall < 2)
    return targets


# --------------------------------------------------------------------------- main


def _growth(row: dict[str, Any], key: str) -> str:
    """The ratio to the size before, blank for the first size."""
    ratio = row.get("growth", {}).get(key)
    return f"{ratio:.2f}" if ratio else ""


BUILD_LABELS = {
    "seed_cold": "seed, cold",
    "corpus_cold": "corpus (29 releases), cold",
    "corpus_copy_fill_cache": "corpus copy, cold, filling its cache",
    "corpus_unchanged": "corpus copy, nothing changed",
    "corpus_incremental_1_changed": "corpus copy, one release changed (median of 3)",
}


def markdown(report: dict[str, Any]) -> str:
    """The headline tables, for the README."""
    m = report["machine"]
    lines = [f"Machine: {m['cpu_count']} CPUs, {m['memory_gib']:.0f} GiB, {m['platform']}, Python {m['python']}; "
             f"mode {report['mode']}, {report['total_s'] / 60:.1f} min in all ({report['started']}).", ""]
    if "builds" in report:
        lines += ["| build | wall s | peak MiB |", "|---|---:|---:|"]
        lines += [f"| {BUILD_LABELS.get(k, k)} | {v['wall_s']:.2f} | {mib(v['tree_peak_kib']):.0f} |" for k, v in report["builds"].items()]
        lines.append("")
    if "synthetic" in report:
        lines += ["| synthetic N (+29 real) | build s | s/release | peak MiB (process tree) | triples | triples/s | x time | x triples |",
                  "|---:|---:|---:|---:|---:|---:|---:|---:|"]
        lines += [f"| {r['n']} | {r['build_s']:.1f} | {r['s_per_release']:.3f} | {r['peak_mib']:.0f} | {r['triples']:,} | {r['triples_per_s']:,.0f} | "
                  f"{_growth(r, 'build_s')} | {_growth(r, 'triples')} |" for r in report["synthetic"] if "error" not in r]
        lines.append("")
    for section in report.get("queries", []):
        rdf = any("rdflib_median_ms" in r for r in section["queries"])
        lines += [f"Stored queries on {section['graph']} (ms; medians, warm in process unless cold CLI):", "",
                  "| query | rows | runs | ours | p95 | ours, rows read | raw pyoxigraph | " + ("rdflib | x faster | " if rdf else "") + "cold CLI |",
                  "|---|---:|---:|---:|---:|---:|---:|" + ("---:|---:|" if rdf else "") + "---:|"]
        for r in section["queries"]:
            extra = f"{r['rdflib_median_ms']:.0f} | {r['speedup_vs_rdflib']:.0f} | " if rdf else ""
            lines.append(f"| {r['query']} | {r['rows']} | {r['runs']} | {r['oxigraph_median_ms']:.1f} | {r['oxigraph_p95_ms']:.1f} | {r['rows_read_median_ms']:.1f} | "
                         f"{r['raw_median_ms']:.1f} | {extra}{r['cli_median_ms']:.0f} |")
        lines.append("")
    lines += ["| target | measured | goal | met |", "|---|---|---|---|"]
    lines += [f"| {t['target']} | {t['measured']} | {t['goal']} | {'yes' if t['met'] else 'no'} |" for t in report.get("targets", [])]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="synthetic N in (10, 100); under 5 minutes on 2 cores")
    parser.add_argument("--max-n", type=int, default=10000, help="full mode: largest synthetic N (default 10,000)")
    parser.add_argument("--skip", action="append", default=[], choices=["builds", "synthetic", "queries"])
    args = parser.parse_args()

    sizes = [10, 100] if args.quick else [n for n in (10, 100, 1000, 10000) if n <= args.max_n]
    query_sizes = {100} if args.quick else {n for n in sizes if n >= 1000}
    started = time.perf_counter()
    machine = {"cpu_count": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
               "machine": platform.machine(), "memory_gib": os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30}
    print(f"machine: {machine['cpu_count']} CPUs, {machine['memory_gib']:.0f} GiB, {machine['platform']}, Python {machine['python']}")
    print(f"mode: {'quick' if args.quick else 'full'}, synthetic N = {sizes}")
    report: dict[str, Any] = {"started": datetime.now().isoformat(timespec="seconds"), "mode": "quick" if args.quick else "full",
                              "machine": machine, "cli": CLI}
    with tempfile.TemporaryDirectory(prefix="adgmin-bench-") as name:
        tmp = Path(name)
        corpus_out = None
        kept: dict[int, Path] = {}
        if "builds" not in args.skip:
            report["builds"], corpus_out = bench_builds(tmp)
        if "synthetic" not in args.skip:
            report["synthetic"], kept = bench_synthetic(tmp, sizes, query_sizes if "queries" not in args.skip else set())
        if "queries" not in args.skip:
            if corpus_out is None:
                corpus_out = tmp / "corpus-out"
                measure([CLI, "build", "--quiet", "--out", str(corpus_out)])
            report["queries"] = [bench_queries("corpus", corpus_out, synthetic_n=None, rdflib=True, cli_runs=3)]
            for n, out in sorted(kept.items()):
                # rdflib side by side up to 1,000 releases; beyond that it takes hours
                report["queries"].append(bench_queries(f"synthetic {n} + corpus", out, synthetic_n=n, rdflib=n <= 1000, cli_runs=2 if n <= 1000 else 1))
                shutil.rmtree(out, ignore_errors=True)
    report["total_s"] = time.perf_counter() - started
    report["targets"] = check_targets(report)
    table("targets (issue 5)", ["target", "measured", "goal", "met"],
          [[t["target"], t["measured"], t["goal"], "yes" if t["met"] else "NO"] for t in report["targets"]])
    OUT.mkdir(parents=True, exist_ok=True)
    stem = OUT / f"results-{datetime.now().strftime('%Y%m%d-%H%M%S')}"
    stem.with_suffix(".json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    stem.with_suffix(".md").write_text(markdown(report), encoding="utf-8")
    print(f"\ntotal {report['total_s']:.0f} s; wrote {stem.relative_to(ROOT)}.json and .md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
