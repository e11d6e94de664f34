"""The SPARQL endpoint and pages of ``adgmin-kg serve``, against a running server on loopback.

One server (seed graph, a 2 s time limit and small caps so the hostile cases are quick) serves
the whole module. ``HOSTILE`` are requests the endpoint must refuse or cut off; after each one
the server must still answer a plain query, and a listener on loopback must never have been
contacted (nothing is fetched).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from adgmin_kg.paths import releases_dir
from adgmin_kg.query import Term, get_query, list_queries, run_query
from adgmin_kg.serve import Limits, RefusedError, check_query, negotiate

SEED = "thaigov-66419"
PARAMS = {q.name: q.example for q in list_queries()}  # from each query's "# Example:" line


def sample_params(name: str) -> dict[str, str]:
    """The parameters a stored query is tried with; skip a new query nobody gave values for."""
    query = get_query(name)
    params = PARAMS.get(name, {})
    missing = [p.name for p in query.parameters if p.required and p.name not in params]
    if missing:
        pytest.skip(f"no sample value for the required parameter(s) {missing} of {name}; add them to PARAMS")
    return params
TIME_LIMIT = 2.0
LIMITS = Limits(time_limit=TIME_LIMIT, max_query_bytes=32768, max_result_bytes=200_000, workers=2,
                queue_wait=8.0, max_connections=12, socket_timeout=2.0)
PLAIN = "SELECT (COUNT(*) AS ?n) WHERE { ?s a ?type }"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def seed_trig(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from adgmin_kg import pipeline

    path = tmp_path_factory.mktemp("serve") / "kg.trig"
    pipeline.build_dataset([releases_dir() / f"{SEED}.txt"]).serialize(path, format="trig")
    return path


class Listener:
    """A TCP listener on loopback that counts connections (a fetch would show up here)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.hits = 0
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.hits += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self.thread.join(2)
        self.sock.close()


@dataclass
class Running:
    server: object
    host: str
    port: int

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"


@pytest.fixture(scope="module")
def running(seed_trig: Path, serving) -> Iterator[Running]:
    with serving(seed_trig, LIMITS) as server:
        yield Running(server, *server.server_address[:2])


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    found = Listener()
    yield found
    found.close()


def request(running: Running, method: str, path: str, body: bytes | None = None,
            headers: dict[str, str] | None = None, timeout: float = 30) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection(running.host, running.port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def get_sparql(running: Running, query: str, accept: str = "application/sparql-results+json", **extra: str):
    qs = urllib.parse.urlencode({"query": query, **extra})
    return request(running, "GET", f"/sparql?{qs}", headers={"Accept": accept})


def still_serving(running: Running) -> None:
    status, _, body = get_sparql(running, PLAIN)
    assert status == 200, body
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) > 100


# --------------------------------------------------------------------------- protocol


def test_get_query_returns_sparql_json(running: Running) -> None:
    status, headers, body = get_sparql(running, PLAIN)
    assert status == 200
    assert headers["content-type"].startswith("application/sparql-results+json")
    assert json.loads(body)["head"]["vars"] == ["n"]


@pytest.mark.parametrize("accept, media, marker", [
    ("application/sparql-results+xml", "application/sparql-results+xml", b"<sparql"),
    ("text/csv", "text/csv", b"n\r\n"),
    ("text/tab-separated-values", "text/tab-separated-values", b"?n\n"),
    ("application/json", "application/json", b'"vars"'),
    ("*/*", "application/sparql-results+json", b'"vars"'),
])
def test_select_formats_by_accept(running: Running, accept: str, media: str, marker: bytes) -> None:
    status, headers, body = get_sparql(running, PLAIN, accept)
    assert status == 200
    assert headers["content-type"].split(";")[0] == media
    assert marker in body


def test_post_form_and_post_body(running: Running) -> None:
    form = urllib.parse.urlencode({"query": PLAIN}).encode()
    a = request(running, "POST", "/sparql", form, {"Content-Type": "application/x-www-form-urlencoded"})
    b = request(running, "POST", "/sparql", PLAIN.encode(), {"Content-Type": "application/sparql-query"})
    assert a[0] == b[0] == 200
    assert json.loads(a[2]) == json.loads(b[2])


def test_ask(running: Running) -> None:
    status, _, body = get_sparql(running, "ASK { ?s a ?t }")
    assert status == 200 and json.loads(body)["boolean"] is True


@pytest.mark.parametrize("accept, rdflib_format", [("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                                                   ("application/n-triples", "nt")])
def test_construct_and_describe_as_rdf(running: Running, accept: str, rdflib_format: str) -> None:
    from rdflib import Graph, URIRef

    meeting = "https://w3id.org/adgmin-kg/id/meeting/adgmin-3"
    for query in (f"CONSTRUCT {{ <{meeting}> ?p ?o }} WHERE {{ <{meeting}> ?p ?o }}", f"DESCRIBE <{meeting}>"):
        status, headers, body = get_sparql(running, query, accept)
        assert status == 200, body
        assert headers["content-type"].split(";")[0] == accept
        graph = Graph().parse(data=body.decode("utf-8"), format=rdflib_format)
        assert (URIRef(meeting), None, None) in graph


def test_standard_client_sparqlwrapper(running: Running) -> None:
    from SPARQLWrapper import JSON, POST, SPARQLWrapper

    client = SPARQLWrapper(f"{running.base}/sparql")
    client.setQuery(get_query("meeting-details").text)
    client.setReturnFormat(JSON)
    rows = client.queryAndConvert()["results"]["bindings"]
    assert rows and all("meeting" in r for r in rows)
    client.setMethod(POST)
    assert client.queryAndConvert()["results"]["bindings"] == rows


def test_dataset_from_a_graph_of_the_store(running: Running) -> None:
    graph = f"https://w3id.org/adgmin-kg/graph/release/{SEED}"
    status, _, body = get_sparql(running, f"SELECT (COUNT(*) AS ?n) FROM <{graph}> WHERE {{ ?s ?p ?o }}")
    assert status == 200, body
    status, _, by_param = get_sparql(running, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", **{"default-graph-uri": graph})
    assert status == 200 and json.loads(body) == json.loads(by_param)


# --------------------------------------------------------------------------- stored queries


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_stored_query_over_http_equals_embedded(running: Running, seed_trig: Path, name: str) -> None:
    params = sample_params(name)
    expected = run_query(name, graph=seed_trig, **params)
    status, _, body = request(running, "GET", f"/api/query/{name}?{urllib.parse.urlencode(params)}")
    assert status == 200, body
    got = sparql_json_rows(json.loads(body))
    assert sorted(got) == sorted(tuple(sorted(r.items())) for r in expected.rows)


def sparql_json_rows(result: dict) -> list[tuple]:
    rows = []
    for binding in result["results"]["bindings"]:
        row = {}
        for key, value in binding.items():
            kind = "uri" if value["type"] == "uri" else value["type"]
            term = Term(kind if kind in ("uri", "bnode") else "literal", value["value"],
                        value.get("datatype"), value.get("xml:lang"))
            row[key] = term.lexical
        rows.append(tuple(sorted(row.items())))
    return rows


def test_stored_query_html_and_unknown(running: Running) -> None:
    status, headers, body = request(running, "GET", "/query/meeting-details")
    assert status == 200 and b"<table" in body and b"Digital Ministers" in body
    assert request(running, "GET", "/api/query/no-such-query")[0] == 404


# --------------------------------------------------------------------------- linked data pages


def test_entity_page_html(running: Running) -> None:
    status, headers, body = request(running, "GET", "/id/meeting/adgmin-3", headers={"Accept": "text/html"})
    assert status == 200
    assert headers["content-type"].startswith("text/html")
    page = body.decode("utf-8")
    assert "ASEAN Digital Ministers" in page  # English label
    assert "การประชุมรัฐมนตรีอาเซียนด้านดิจิทัล" in page  # Thai label
    assert f'href="/id/release/{SEED}"' in page  # the release a fact came from
    assert "<q lang=\"th\">" in page  # and its quote
    assert 'href="/id/place/boracay"' in page or 'href="/id/country/philippines"' in page  # facts as links
    assert "default-src 'none'" in headers["content-security-policy"]


def test_entity_pages_load_nothing_from_elsewhere(running: Running) -> None:
    import re

    for path in ("/", "/id/meeting/adgmin-3", "/query/meeting-details"):
        page = request(running, "GET", path)[2].decode("utf-8")
        assert not re.search(r'<(script|link|img|iframe)[^>]+(src|href)="(https?:)?//', page), path
        assert "/static/style.css" in page and "/static/app.js" in page
    css = request(running, "GET", "/static/style.css")[2].decode()
    assert 'url("/static/NotoSansThai.ttf")' in css and "http" not in css.split("*/", 1)[1]
    status, headers, font = request(running, "GET", "/static/NotoSansThai.ttf")
    assert status == 200 and headers["content-type"] == "font/ttf" and font[:4] == b"\x00\x01\x00\x00"


@pytest.mark.parametrize("accept, rdflib_format", [("text/turtle", "turtle"), ("application/ld+json", "json-ld")])
def test_entity_by_content_negotiation(running: Running, accept: str, rdflib_format: str) -> None:
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import RDF, RDFS

    iri = URIRef("https://w3id.org/adgmin-kg/id/meeting/adgmin-3")
    status, headers, body = request(running, "GET", "/id/meeting/adgmin-3", headers={"Accept": accept})
    assert status == 200 and headers["content-type"].split(";")[0] == accept
    assert "accept" in headers.get("vary", "").lower()
    graph = Graph().parse(data=body.decode("utf-8"), format=rdflib_format)
    labels = set(graph.objects(iri, RDFS.label))
    assert any(isinstance(x, Literal) and x.language == "th" for x in labels)
    assert any(isinstance(x, Literal) and x.language == "en" for x in labels)
    assert set(graph.subjects(RDF.subject, iri))  # the provenance statements come along


def test_resource_lookup_and_missing(running: Running) -> None:
    iri = "https://w3id.org/adgmin-kg/id/country/thailand"
    a = request(running, "GET", "/resource?" + urllib.parse.urlencode({"iri": iri}))
    b = request(running, "GET", "/id/country/thailand")
    assert a[0] == b[0] == 200 and a[2] == b[2]
    assert request(running, "GET", "/id/country/atlantis")[0] == 404
    assert request(running, "GET", "/id/meeting/adgmin-3?format=ttl")[1]["content-type"].startswith("text/turtle")


def test_home_page_lists_stored_queries(running: Running) -> None:
    page = request(running, "GET", "/")[2].decode("utf-8")
    for query in list_queries():
        assert f'data-name="{query.name}"' in page
        assert query.question.replace("'", "&#x27;") in page


# --------------------------------------------------------------------------- checks without a server


@pytest.mark.parametrize("text", [q.text for q in list_queries()])
def test_stored_queries_pass_the_check(text: str) -> None:
    assert not check_query(text, set()).has_dataset


@pytest.mark.parametrize("text, status", [
    ("SELECT ?service ?from WHERE { ?service <http://x/SERVICE> 'SERVICE' } # SERVICE", None),
    ("select * where { sErViCe <http://x/> { ?s ?p ?o } }", 403),
    ("SELECT * WHERE { ?s ex:a\\# <x> . } SERVICE <http://e/> { } }", 403),
    ("SELECT * WHERE { ?o.SERVICE <http://e/> { } }", 403),
    ("SELECT * WHERE { \\u0053ERVICE <http://e/> { ?s ?p ?o } }", 403),
    ('SELECT * WHERE { ?s ?p "open }', 400),
    ("SELECT * WHERE " + "{" * 500 + "}" * 500, 400),
    ("WITH <http://g/> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", 403),
])
def test_check_query(text: str, status: int | None) -> None:
    if status is None:
        check_query(text, set())
    else:
        with pytest.raises(RefusedError) as caught:
            check_query(text, set())
        assert caught.value.status == status


def test_negotiate() -> None:
    offers = ["application/sparql-results+json", "text/csv"]
    assert negotiate("text/csv, */*;q=0.1", offers) == "text/csv"
    assert negotiate("text/*;q=0.5, application/*;q=0.4", offers) == "text/csv"
    assert negotiate("", offers) == offers[0]
    assert negotiate("text/csv;q=0", offers) is None


def test_cli_registers_serve_and_publish() -> None:
    from adgmin_kg.cli import serve as cli_serve

    parser = argparse.ArgumentParser()
    cli_serve.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["serve"])
    assert (args.host, args.port, args.time_limit) == ("127.0.0.1", 8000, 10.0)
    args = parser.parse_args(["publish", "--gsp", "http://127.0.0.1:7878/store", "--sparql",
                              "http://127.0.0.1:7878/query", "--replace"])
    assert args.replace and args.union_graph is None
    assert Limits().time_limit == 10.0


# --------------------------------------------------------------------------- hostile requests

@dataclass(frozen=True)
class Hostile:
    name: str
    method: str
    path: str  # {L} is replaced by the listener's base URL
    body: str | bytes | None = None
    headers: tuple[tuple[str, str], ...] = ()
    status: tuple[int, ...] = (403,)
    message: str = ""


def _q(text: str, **extra: str) -> str:
    return "/sparql?" + urllib.parse.urlencode({"query": text, **extra})


FORM = (("Content-Type", "application/x-www-form-urlencoded"),)
BODY = (("Content-Type", "application/sparql-query"),)

HOSTILE = [
    Hostile("update-param-insert", "POST", "/sparql", "update=INSERT%20DATA%20%7B%3Chttp%3A%2F%2Fa%3E%20%3Chttp%3A%2F%2Fb%3E%20%3Chttp%3A%2F%2Fc%3E%7D", FORM, message="read-only"),
    Hostile("sparql-update-body", "POST", "/sparql", "DELETE WHERE { ?s ?p ?o }", (("Content-Type", "application/sparql-update"),), message="read-only"),
    Hostile("insert-data-as-query", "GET", _q("INSERT DATA { <http://a> <http://b> <http://c> }"), message="INSERT"),
    Hostile("delete-where-as-query", "POST", "/sparql", "DELETE WHERE { ?s ?p ?o }", BODY, message="DELETE"),
    Hostile("drop-all", "GET", _q("DROP ALL"), message="DROP"),
    Hostile("clear-default", "GET", _q("CLEAR DEFAULT"), message="CLEAR"),
    Hostile("create-graph", "GET", _q("CREATE GRAPH <http://g/>"), message="CREATE"),
    Hostile("with-delete-insert", "GET", _q("WITH <http://g/> DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }")),
    Hostile("copy-move-add", "GET", _q("COPY DEFAULT TO <http://g/> ; MOVE <http://g/> TO DEFAULT ; ADD <http://g/> TO DEFAULT")),
    Hostile("load-from-network", "GET", _q("LOAD <{L}/data.ttl>"), message="LOAD"),
    Hostile("service-to-network", "GET", _q("SELECT * WHERE { SERVICE <{L}/sparql> { ?s ?p ?o } }"), message="SERVICE"),
    Hostile("service-silent-variable", "GET", _q("SELECT * WHERE { VALUES ?e { <{L}/sparql> } SERVICE SILENT ?e { ?s ?p ?o } }")),
    Hostile("service-lowercase-comment", "GET", _q("select * where { service#hidden\n<{L}/sparql> { ?s ?p ?o } }")),
    Hostile("service-unicode-escape", "GET", _q("SELECT * WHERE { \\u0053ERVICE <{L}/sparql> { ?s ?p ?o } }")),
    Hostile("service-after-escaped-hash", "GET", _q("PREFIX ex: <http://e/> SELECT * WHERE { ?s ex:a\\# <http://x> . SERVICE <{L}/s> { ?s ?p ?o } }")),
    Hostile("from-network", "GET", _q("SELECT * FROM <{L}/data.ttl> WHERE { ?s ?p ?o }"), message="FROM"),
    Hostile("from-named-network", "GET", _q("SELECT * FROM NAMED <{L}/g> WHERE { GRAPH ?g { ?s ?p ?o } }")),
    Hostile("from-prefixed-name", "GET", _q("PREFIX ev: <{L}/> SELECT * FROM ev:data WHERE { ?s ?p ?o }")),
    Hostile("default-graph-uri-param", "GET", _q("SELECT * WHERE { ?s ?p ?o }", **{"default-graph-uri": "{L}/g"})),
    Hostile("named-graph-uri-param", "GET", _q("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", **{"named-graph-uri": "{L}/g"})),
    Hostile("runaway-cross-product", "GET", _q(RUNAWAY), status=(503,), message="time limit"),
    Hostile("result-over-cap", "GET", _q("SELECT * WHERE { ?s ?p ?o }"), status=(413,), message="cap"),
    Hostile("query-text-over-cap-post", "POST", "/sparql", "SELECT * WHERE { ?s ?p ?o } #" + "x" * 20000, BODY, status=(413,)),
    Hostile("query-text-over-cap-get", "GET", _q("SELECT * WHERE { ?s ?p ?o } #" + "x" * 33000), status=(413,)),
    Hostile("malformed-query", "GET", _q("SELECT * WHERE { ?s ?p }"), status=(400,), message="syntax error"),
    Hostile("not-sparql", "GET", _q("hello world"), status=(400,), message="syntax error"),
    Hostile("empty-query", "GET", _q("   "), status=(400,), message="no query"),
    Hostile("two-queries", "GET", "/sparql?query=ASK%7B%7D&query=ASK%7B%7D", status=(400,)),
    Hostile("deep-nesting", "GET", _q("SELECT * WHERE " + "{" * 3000 + "}" * 3000), status=(400,)),
    Hostile("deep-expression", "POST", "/sparql", "SELECT * WHERE { FILTER(" + "(" * 2000 + "1" + ")" * 2000 + ") }", BODY, status=(400,)),
    Hostile("non-utf8-body", "POST", "/sparql", b"SELECT * WHERE { ?s ?p \xff\xfe }", BODY, status=(400,)),
    Hostile("nul-in-query", "GET", _q("SELECT * WHERE { ?s ?p ?o }\x00"), status=(400,)),
    Hostile("unsupported-content-type", "POST", "/sparql", "SELECT * {}", (("Content-Type", "text/plain"),), status=(415,)),
    Hostile("chunked-body", "POST", "/sparql", None, (("Content-Type", "application/sparql-query"), ("Transfer-Encoding", "chunked")), status=(411,)),
    Hostile("put-graph", "PUT", "/sparql", "<a> <b> <c> .", (("Content-Type", "text/turtle"),), status=(405,)),
    Hostile("delete-method", "DELETE", "/sparql?graph=x", status=(405,)),
    Hostile("accept-nothing-we-make", "GET", _q(PLAIN), headers=(("Accept", "image/png"),), status=(406,)),
    Hostile("path-traversal-static", "GET", "/static/..%2F..%2Fserve.py", status=(404,)),
    Hostile("label-injection", "GET", "/api/query/meeting-details?" + urllib.parse.urlencode({"meeting": '"} } DROP ALL #'}), status=(400,), message="no node"),
    Hostile("missing-required-parameter", "GET", "/api/query/meeting-attendees", status=(400,), message="needs the parameter meeting"),
    Hostile("resource-javascript-iri", "GET", "/resource?iri=javascript:alert(1)", status=(404,)),
]


def _materialise(case: Hostile, base: str) -> tuple[str, bytes | None]:
    path = case.path.replace(urllib.parse.quote("{L}", safe=""), urllib.parse.quote(base, safe="")).replace("{L}", base)
    body = case.body.replace("{L}", base).encode("utf-8") if isinstance(case.body, str) else case.body
    return path, body


def test_there_are_at_least_twenty_hostile_cases() -> None:
    assert len(HOSTILE) >= 20 and len({c.name for c in HOSTILE}) == len(HOSTILE)


@pytest.mark.parametrize("case", HOSTILE, ids=[c.name for c in HOSTILE])
def test_hostile_request_is_refused_and_server_stays_up(running: Running, listener: Listener, case: Hostile) -> None:
    path, body = _materialise(case, f"http://127.0.0.1:{listener.port}")
    start = time.monotonic()
    status, headers, answer = request(running, case.method, path, body, dict(case.headers))
    took = time.monotonic() - start
    assert status in case.status, (status, answer)
    assert case.message.lower() in answer.decode("utf-8", "replace").lower(), answer
    if answer.startswith(b"SPARQL syntax error at line "):  # one line, then the query line and a caret
        assert answer.count(b"\n") == 3 and answer.rstrip().endswith(b"^"), answer
    else:
        assert answer.count(b"\n") <= 1  # one line a person can read
    assert took < TIME_LIMIT + 5
    still_serving(running)
    assert listener.hits == 0  # nothing was fetched


def test_runaway_query_is_killed_not_left_running(running: Running) -> None:
    server = running.server
    before = set(server.pool.pids())  # type: ignore[attr-defined]
    start = time.monotonic()
    status, _, body = get_sparql(running, RUNAWAY)
    assert status == 503 and b"time limit of 2 s" in body
    assert TIME_LIMIT - 0.1 <= time.monotonic() - start < TIME_LIMIT + 3
    gone = before - set(server.pool.pids())  # type: ignore[attr-defined]
    assert len(gone) == 1
    pid = gone.pop()
    assert not os.path.exists(f"/proc/{pid}") or "zombie" in Path(f"/proc/{pid}/status").read_text().lower()
    deadline = time.monotonic() + 20
    while len(server.pool.pids()) < LIMITS.workers and time.monotonic() < deadline:  # type: ignore[attr-defined]
        time.sleep(0.1)
    assert len(server.pool.pids()) == LIMITS.workers  # type: ignore[attr-defined]
    still_serving(running)


def test_slow_client_does_not_block_others(running: Running) -> None:
    slow = socket.create_connection((running.host, running.port))
    try:
        slow.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 100\r\n\r\nSELECT")
        still_serving(running)
        slow.settimeout(LIMITS.socket_timeout + 5)
        start = time.monotonic()
        try:
            data = slow.recv(1000)
        except (TimeoutError, ConnectionResetError):
            data = b""
        assert time.monotonic() - start < LIMITS.socket_timeout + 4
        assert data == b"" or b" 400 " in data.split(b"\r\n")[0]  # cut off: closed, or told it ended early
    finally:
        slow.close()
    still_serving(running)


def test_too_many_connections_get_503(running: Running) -> None:
    idle = [socket.create_connection((running.host, running.port)) for _ in range(LIMITS.max_connections)]
    try:
        time.sleep(0.3)
        status, _, body = request(running, "GET", "/health")
        assert status == 503 and b"too many connections" in body
    finally:
        for sock in idle:
            sock.close()
    deadline = time.monotonic() + LIMITS.socket_timeout + 5
    while time.monotonic() < deadline:
        try:
            still_serving(running)
            break
        except (AssertionError, OSError):
            time.sleep(0.2)
    still_serving(running)


def test_health_reports_limits_and_workers(running: Running) -> None:
    status, _, body = request(running, "GET", "/health")
    health = json.loads(body)
    assert status == 200 and health["limits"]["time_limit_s"] == TIME_LIMIT
    assert len(health["workers"]) == LIMITS.workers


def test_health_counts_distinct_triples_as_stats_does(running: Running, seed_trig: Path) -> None:
    from adgmin_kg.stats import size
    from adgmin_kg.store import load_union_store

    health = json.loads(request(running, "GET", "/health")[2])
    triples, _ = size(load_union_store(seed_trig))
    assert health["triples"] == triples
    assert health["quads"] > triples  # the named graphs and their union: each triple at least twice


# --------------------------------------------------------------------------- readable answers


def test_model_prefixes_need_no_prefix_line(running: Running) -> None:
    status, _, body = get_sparql(running, "SELECT ?label WHERE { meeting:adgmin-3 rdfs:label ?label }", "text/csv")
    assert status == 200 and "ASEAN Digital Ministers" in body.decode("utf-8")
    # FROM may name a graph by the model's prefix; a graph not in the store is still refused
    status, _, body = get_sparql(running, "SELECT (COUNT(*) AS ?n) FROM graph:reference WHERE { ?s ?p ?o }")
    assert status == 200
    assert get_sparql(running, "SELECT * FROM graph:nowhere WHERE { ?s ?p ?o }")[0] == 403


def test_syntax_error_names_line_and_column_with_a_caret(running: Running) -> None:
    status, _, body = get_sparql(running, "SELECT ?s WHERE {\n  ?s nope:thing ?o }")
    assert status == 400
    first, shown, caret = body.decode("utf-8").rstrip("\n").split("\n")
    assert first == "SPARQL syntax error at line 2, column 6: the prefix nope: is not declared (add PREFIX nope: <...>)"
    assert shown == "    ?s nope:thing ?o }" and caret.index("^") == shown.index("nope:")


def test_sparql_tsv_is_the_clis_tsv(running: Running, seed_trig: Path) -> None:
    from adgmin_kg.query import format_result, run_sparql

    text = "SELECT ?m ?label ?start ?ordinal WHERE { ?m schema:startDate ?start ; rdfs:label ?label OPTIONAL { ?m adg:ordinal ?ordinal } }"
    status, _, body = get_sparql(running, text, "text/tab-separated-values")
    assert status == 200
    served = body.decode("utf-8").splitlines()
    ours = format_result(run_sparql(text, graph=seed_trig), "tsv").splitlines()
    assert served[0] == ours[0] == "?m\t?label\t?start\t?ordinal"
    assert sorted(served[1:]) == sorted(ours[1:]) and len(ours) > 3


def test_query_page_keeps_its_form(running: Running) -> None:
    page = request(running, "GET", "/query/meeting-details?meeting=ADGMIN+3")[2].decode("utf-8")
    assert '<form class=again action="/query/meeting-details" method=get>' in page
    assert 'name="meeting" value="ADGMIN 3"' in page
    assert "<td class=nowrap><span>2023-02-09</span></td>" in page
    assert ">meeting:adgmin-3</a></td>" in page  # a prefixed name that pastes back into SPARQL
    assert '<td class=nowrap><a href="/id/meeting/adgmin-3">' in page  # and does not wrap at its hyphen
    assert '<td class=nowrap><a href="/id/release/thaigov-66419">thaigov-66419</a></td>' in page  # the row's source
    again = request(running, "GET", "/query/meeting-details?meeting=meeting:adgmin-3")[2].decode("utf-8")
    assert again.count("<tr>") == page.count("<tr>")  # a prefixed name is a parameter too


def test_editor_is_yasgui_served_here(running: Running) -> None:
    import hashlib
    import re

    status, headers, body = request(running, "GET", "/editor")
    page = body.decode("utf-8")
    assert status == 200 and '<script src="/static/yasgui.min.js">' in page and "/static/editor.js" in page
    assert not re.search(r'<(script|link|img|iframe)[^>]+(src|href)="(https?:)?//', page)
    csp = headers["content-security-policy"]
    assert "script-src 'self';" in csp and "connect-src 'self'" in csp and "http" not in csp
    prefixes = json.loads(re.search(r'<script type="application/json" id="prefixes">(.*?)</script>', page)[1])
    assert prefixes["meeting"] == "https://w3id.org/adgmin-kg/id/meeting/"
    licence = request(running, "GET", "/static/yasgui.LICENSE")[2].decode("utf-8")
    assert "@zazuko/yasgui 4.6.2" in licence and "MIT License" in licence
    for name in ("yasgui.min.js", "yasgui.min.css"):
        status, headers, data = request(running, "GET", f"/static/{name}")
        assert status == 200 and f"{hashlib.sha256(data).hexdigest()}  {name}" in licence
    editor = request(running, "GET", "/static/editor.js")[2].decode("utf-8")
    assert 'autocompleters = local' in editor and "prefixCcApi: undefined" in editor
    status, headers, _ = request(running, "GET", "/sparql", headers={"Accept": "text/html"})
    assert status == 303 and headers["location"] == "/editor"


def test_entity_page_shows_the_preferred_value_and_folds_the_others(tmp_path: Path) -> None:
    """64394 and 64402 announce ADGMIN 3 for 6 February (with related meetings), 66419 reports
    9 February after it: the page shows 9 February, "2 sources disagree", 6 February folded."""
    from types import SimpleNamespace

    from adgmin_kg import pipeline
    from adgmin_kg.serve_pages import entity_page, entity_view
    from adgmin_kg.store import load_union_store

    path = tmp_path / "kg.trig"
    releases = [releases_dir() / f"{r}.txt" for r in ("thaigov-64394", "thaigov-64402", SEED)]
    pipeline.build_dataset(releases).serialize(path, format="trig")
    store = load_union_store(path)
    view = entity_view(store, "https://w3id.org/adgmin-kg/id/meeting/adgmin-3")
    starts = [f for f in view.facts if f.predicate == "https://schema.org/startDate"]
    assert [f.object.value for f in starts] == ["2023-02-09"]
    assert [o.object.value for o in starts[0].others] == ["2023-02-06"]
    assert {s.release.rsplit("/", 1)[-1] for s in starts[0].others[0].sources} == {"thaigov-64394", "thaigov-64402"}
    page = entity_page(SimpleNamespace(store=store), view)
    assert "<details class=disagree><summary>2 sources disagree</summary>" in page
    assert page.count("<details class=disagree") == 2  # the start date, and the place (the Philippines, 64402)


def test_entity_page_leads_with_what_the_thing_is(tmp_path: Path) -> None:
    """Type once, then dates, place, host; the decisions with their documents' titles; topics
    last; every fact's sources folded under their count; linked nodes by their labels."""
    import re
    from types import SimpleNamespace

    from adgmin_kg import pipeline
    from adgmin_kg.serve_pages import entity_page, entity_view
    from adgmin_kg.store import load_union_store

    path = tmp_path / "kg.trig"
    pipeline.build_dataset([releases_dir() / f"{SEED}.txt"]).serialize(path, format="trig")
    store = load_union_store(path)
    page = entity_page(SimpleNamespace(store=store), entity_view(store, "https://w3id.org/adgmin-kg/id/meeting/adgmin-3"))
    table = page.split("<table class=facts>", 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr[^>]*><td>(.*?)</td>", table)
    named = [re.sub(r"<[^>]+>", "", r) for r in rows if r]
    assert named.count("is a") == 1 and named[0] == "is a"
    order = [named.index(n) for n in ("is a", "start date", "place", "host country",
                                      "decisions taken", "participant", "topic")]
    assert order == sorted(order), named  # properties by their labels (ontology/reused-terms.ttl for reused ones)
    assert not [n for n in named if ":" in n], named  # no property left as a prefixed name
    type_row = re.search(r"<tr[^>]*><td><a[^>]*>is a</a></td><td>(.*?)</td>", table)[1]
    assert "ministerial meeting" in type_row and "adg:" not in type_row  # the most specific type, by its label
    assert re.search(r"<details class=sources><summary>\d+ sources?</summary>", table)
    assert "<ul class=sources>" not in table.replace("<details class=sources><summary>", "<x>").split("<x>")[0]
    assert re.search(r"adopted.*?: <a href=\"/id/document/boracay-digital-declaration\">Boracay Digital Declaration", table)
    summary = page.split("<p class=summary>", 1)[1].split("</p>", 1)[0]
    assert "2023-02-09 – 2023-02-10" in summary and "Boracay" in summary and "Philippines" in summary
    referred = page.split("<ul class=incoming>", 1)[1].split("</ul>", 1)[0]
    assert 'decision/th-cabinet-2023-03-21-acknowledged-adgmin-3">acknowledged: 3rd ASEAN' in referred
    assert ">decision:" not in referred and ">https://" not in referred  # labels, not names or IRIs
