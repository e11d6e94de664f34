"""Requests per second of the embedded server for a simple stored query, under concurrent clients.

    python benchmarks/serve_load.py [--graph build] [--clients 1 4 16] [--requests 400] [--seconds 20]

Starts ``adgmin-kg serve`` (``python -m adgmin_kg.cli serve``) on 127.0.0.1 with a free
port as a separate process, then for each number of clients sends requests over keep-alive
connections on loopback until --requests have been answered or --seconds have passed, whichever
comes first; then stops the server. Two requests are timed: the stored query
``documents-by-decision`` for ADGMIN 3 through ``/api/query/`` (label bound by the server), and
its SPARQL text through ``/sparql`` (no binding there, so it lists the documents of every meeting). Prints requests per second and the median and 95th-percentile latency.
Not a test: nothing is asserted, every loop is bounded.
"""

from __future__ import annotations

import argparse
import http.client
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

from adgmin_kg.query import get_query
from adgmin_kg.serve import wait_until_up


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def load(port: int, path: str, clients: int, total: int, seconds: float) -> tuple[float, list[float], int, int]:
    latencies: list[float] = []
    failures = 0
    lock = threading.Lock()
    remaining = [total]
    deadline = time.monotonic() + seconds

    def client() -> None:
        nonlocal failures
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < deadline:
            with lock:
                if remaining[0] <= 0:
                    break
                remaining[0] -= 1
            start = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Accept": "application/sparql-results+json"})
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            with lock:
                if ok:
                    latencies.append(time.perf_counter() - start)
                else:
                    failures += 1
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 60)
    elapsed = time.perf_counter() - start
    return elapsed, latencies, failures, len(latencies)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", default="build", help="build folder or RDF file (default: build)")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--requests", type=int, default=400, help="per run, at most (default: 400)")
    parser.add_argument("--seconds", type=float, default=20.0, help="per run, at most (default: 20)")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "adgmin_kg.cli", "serve", "--graph", args.graph, "--port", str(port),
         "--workers", str(args.workers), "--quiet"],
        stdin=subprocess.DEVNULL,
    )
    try:
        if not wait_until_up(f"http://127.0.0.1:{port}/health", 120):
            sys.exit("the server did not come up")
        text = get_query("documents-by-decision").text
        paths = {
            "stored /api/query/documents-by-decision": "/api/query/documents-by-decision?meeting=ADGMIN%203",
            "its text, meeting unbound, /sparql": "/sparql?" + urllib.parse.urlencode({"query": text}),
        }
        print(f"{'request':<36}{'clients':>8}{'answered':>10}{'failed':>8}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}")
        for label, path in paths.items():
            load(port, path, 2, 20, 10)  # warm-up
            for clients in args.clients:
                elapsed, lat, failed, done = load(port, path, clients, args.requests, args.seconds)
                lat.sort()
                p50 = statistics.median(lat) * 1000 if lat else float("nan")
                p95 = lat[int(0.95 * (len(lat) - 1))] * 1000 if lat else float("nan")
                print(f"{label:<36}{clients:>8}{done:>10}{failed:>8}{done / elapsed:>9.1f}{p50:>9.1f}{p95:>9.1f}",
                      flush=True)
    finally:
        server.terminate()
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
