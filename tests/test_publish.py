"""Publishing into a real triple store: Oxigraph's server (the ``oxigraph`` package) on loopback.

The test starts ``oxigraph serve`` on 127.0.0.1 with a free port and a fresh folder, publishes the
seed graph over the Graph Store Protocol, runs every stored query over HTTP with a SPARQL client
(SPARQLWrapper) and compares the rows with the embedded run, then stops the server.

A remote store has no parameter binding of its own, so a query's parameters are resolved to
their nodes by the embedded runner and sent as a ``VALUES`` block at the start of the WHERE
group, each term written by pyoxigraph's serialiser (only IRIs and literals of the graph, never
the text a user typed).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from adgmin_kg.paths import releases_dir
from adgmin_kg.publish import PublishError, count_graphs, graph_triples, publish
from adgmin_kg.query import Term, bind_parameters, get_query, list_queries, open_graph, run_query
from adgmin_kg.serve import Limits, make_server

SEED = "thaigov-66419"
PARAMS = {q.name: q.example for q in list_queries()}  # from each query's "# Example:" line
#: queries about what several releases say (disagreements): no rows on one release; their rows
#: are checked on several in test_queries_expected.py
SEVERAL_RELEASES = {"conflicts"}


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(found).is_file():
        pytest.fail("the oxigraph server is not installed: pip install oxigraph (a declared test dependency)")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def seed_trig(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from adgmin_kg import pipeline

    path = tmp_path_factory.mktemp("publish") / "kg.trig"
    pipeline.build_dataset([releases_dir() / f"{SEED}.txt"]).serialize(path, format="trig")
    return path


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a fresh Oxigraph server on loopback; stopped after the module."""
    folder = tmp_path_factory.mktemp("oxigraph-store")
    port = free_port()
    log = (folder.parent / "oxigraph.log").open("wb")
    process = subprocess.Popen(
        [oxigraph_binary(), "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}",
         "--union-default-graph"],
        stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"oxigraph serve did not come up on {base}; see {log.name}")
            time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
        log.close()


@pytest.fixture(scope="module")
def published(oxigraph: str, seed_trig: Path):
    return publish(f"{oxigraph}/store", f"{oxigraph}/query", source=seed_trig, replace=True)


def test_publish_one_graph_per_release_and_verify(published, seed_trig: Path) -> None:
    expected = {name: data.count(b"\n") for name, data in graph_triples(seed_trig).items()}
    assert published.sent == expected
    assert published.counted == expected
    assert f"https://w3id.org/adgmin-kg/graph/release/{SEED}" in published.sent
    assert "https://w3id.org/adgmin-kg/graph/reference" in published.sent
    assert published.lines()[-1].endswith("counts match")


def test_publish_again_is_idempotent(published, oxigraph: str, seed_trig: Path) -> None:
    again = publish(f"{oxigraph}/store", f"{oxigraph}/query", source=seed_trig, replace=True)
    assert again.counted == published.counted
    added = publish(f"{oxigraph}/store", f"{oxigraph}/query", source=seed_trig)  # POST: a set, no duplicates
    assert added.counted == published.counted


def with_values(text: str, bindings: dict[str, Term]) -> str:
    """The query with a VALUES block for the resolved parameters opening its WHERE group.

    Inside the group the block joins before the group's FILTERs, as a substitution would; the
    group's brace is found with the endpoint's SPARQL tokenizer (not in a comment, IRI or string).
    """
    from adgmin_kg.serve import _TOKEN

    block = values_block(bindings)
    if not block:
        return text
    brace = next(m for m in _TOKEN.finditer(text) if m.lastgroup == "other" and m.group() == "{")
    return text[: brace.end()] + block + text[brace.end():]


def values_block(bindings: dict[str, Term]) -> str:
    """A VALUES block for resolved parameters, each term written by pyoxigraph."""
    import pyoxigraph as ox

    if not bindings:
        return ""
    names = sorted(bindings)
    terms = []
    for name in names:
        term = bindings[name]
        if term.kind == "uri":
            terms.append(str(ox.NamedNode(term.value)))
        elif term.lang:
            terms.append(str(ox.Literal(term.value, language=term.lang)))
        else:
            terms.append(str(ox.Literal(term.value, datatype=ox.NamedNode(term.datatype))))
    return "\nVALUES (" + " ".join("?" + n for n in names) + ") { (" + " ".join(terms) + ") }\n"


def remote_rows(endpoint: str, text: str) -> list[tuple]:
    from SPARQLWrapper import JSON, POST, SPARQLWrapper

    client = SPARQLWrapper(endpoint)
    client.setMethod(POST)  # a stored query with its prefixes and sources is too long for a GET's 8 kB of headers
    client.setQuery(text)
    client.setReturnFormat(JSON)
    result = client.queryAndConvert()
    rows = []
    for binding in result["results"]["bindings"]:
        row = {}
        for key, value in binding.items():
            kind = value["type"] if value["type"] in ("uri", "bnode") else "literal"
            row[key] = Term(kind, value["value"], value.get("datatype"), value.get("xml:lang")).lexical
        rows.append(tuple(sorted(row.items())))
    return sorted(rows)


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_stored_query_on_oxigraph_server_equals_embedded(published, oxigraph: str, seed_trig: Path, name: str) -> None:
    query = get_query(name)
    params = PARAMS.get(name, {})
    missing = [p.name for p in query.parameters if p.required and p.name not in params]
    if missing:
        pytest.skip(f"no sample value for the required parameter(s) {missing} of {name}; add them to PARAMS")
    embedded = run_query(name, graph=seed_trig, **params)
    bindings = bind_parameters(open_graph(seed_trig, "oxigraph"), query, params)
    remote = remote_rows(f"{oxigraph}/query", with_values(query.text, bindings))
    assert remote == sorted(tuple(sorted(r.items())) for r in embedded.rows)
    if name not in SEVERAL_RELEASES:
        assert remote, f"{name} gives no rows on the seed graph, so the comparison proves little"


def test_publish_union_into_one_graph(oxigraph: str, seed_trig: Path) -> None:
    iri = "https://example.org/adgmin-kg/all"
    report = publish(f"{oxigraph}/store", f"{oxigraph}/query", source=seed_trig, graph=iri, replace=True)
    distinct = {line for data in graph_triples(seed_trig).values() for line in data.splitlines()}
    assert report.sent == {iri: len(distinct)}
    assert count_graphs(f"{oxigraph}/query")[iri] == len(distinct)
    # clean up so the per-release comparison above is not disturbed by a second copy
    request = urllib.request.Request(f"{oxigraph}/store?graph={urllib.parse.quote(iri, safe='')}", method="DELETE")
    urllib.request.urlopen(request, timeout=10).close()


def test_publish_errors_are_one_line(seed_trig: Path) -> None:
    port = free_port()
    with pytest.raises(PublishError, match="cannot reach the store"):
        publish(f"http://127.0.0.1:{port}/store", f"http://127.0.0.1:{port}/query", source=seed_trig, timeout=5)
    with pytest.raises(PublishError, match="not an http"):
        publish("file:///etc/passwd", "http://127.0.0.1:1/query", source=seed_trig)
    server = make_server(seed_trig, "127.0.0.1", 0, Limits(workers=1))  # read-only: refuses a PUT
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        with pytest.raises(PublishError, match="HTTP 405"):
            publish(f"{base}/sparql", f"{base}/sparql", source=seed_trig, replace=True, timeout=10)
    finally:
        server.shutdown()
        server.server_close()


def test_publish_cli(oxigraph: str, seed_trig: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "adgmin_kg.cli", "publish", "--gsp", f"{oxigraph}/store",
         "--sparql", f"{oxigraph}/query", "--from", str(seed_trig), "--replace"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "counts match" in result.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "adgmin_kg.cli", "publish", "--gsp", f"http://127.0.0.1:{free_port()}/store",
         "--sparql", f"{oxigraph}/query", "--from", str(seed_trig)],
        capture_output=True, text=True, timeout=120,
    )
    assert bad.returncode == 1 and bad.stderr.startswith("adgmin-kg: error: ") and bad.stderr.count("\n") == 1
