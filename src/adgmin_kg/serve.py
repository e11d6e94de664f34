"""A read-only SPARQL 1.1 Protocol endpoint with linked-data pages, on the embedded Oxigraph store.

``adgmin-kg serve`` starts one process that answers HTTP (standard library ``http.server``)
and a small pool of query workers, each a separate process holding its own in-memory
pyoxigraph store loaded from ``build/kg.trig``. Every SPARQL text a client sends is checked
here first (:func:`check_query`: no update form, no ``SERVICE``, no ``FROM`` of a graph the
store does not hold) and then parsed and run by a worker; a worker that runs past the time
limit is killed (its CPU time ends with it) and replaced, and the client gets 503. Results
are serialised by pyoxigraph into a writer that stops at the result-size cap.

The pages (home page, entity pages, results tables) are in :mod:`adgmin_kg.serve_pages`.

>>> check_query("SELECT * WHERE { ?s ?p ?o }", set()).has_dataset
False
>>> check_query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", set())
Traceback (most recent call last):
...
adgmin_kg.serve.RefusedError: SERVICE is refused: this endpoint fetches nothing from the network
"""

from __future__ import annotations

import ctypes
import json
import logging
import multiprocessing
import os
import queue
import re
import signal
import socket
import threading
import time
import urllib.parse
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from adgmin_kg.errors import AdgminKgError
from adgmin_kg.prefixes import SPARQL_PREFIXES

__all__ = [
    "Limits",
    "QueryCheck",
    "QueryPool",
    "RefusedError",
    "ServeError",
    "SparqlServer",
    "check_query",
    "make_server",
    "negotiate",
]

log = logging.getLogger("adgmin_kg.serve")

ID_NAMESPACE = "https://w3id.org/adgmin-kg/id/"


class ServeError(AdgminKgError):
    """The server cannot start (no graph, port in use, workers that do not come up)."""


class RefusedError(AdgminKgError):
    """A request the endpoint refuses; ``status`` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 400) -> None:
        self.status = status
        super().__init__(message)


@dataclass(frozen=True)
class Limits:
    """What one request may cost. The defaults are those of ``adgmin-kg serve``."""

    time_limit: float = 10.0  #: seconds a query may run before its worker is killed (503)
    max_query_bytes: int = 64 * 1024  #: size of the SPARQL text (and of a request body) (413)
    max_result_bytes: int = 16 * 1024 * 1024  #: size of a serialised result (413)
    workers: int = 2  #: query worker processes
    queue_wait: float = 10.0  #: seconds a request waits for a free worker before 503
    max_connections: int = 64  #: connections served at once; more get 503 at once
    socket_timeout: float = 15.0  #: seconds a client may take to send its request
    isolate_network: bool = True  #: put workers in a network namespace of their own (Linux)


# --------------------------------------------------------------------------- checking queries

#: Brackets nested deeper than this are refused (a parser's recursion would overflow its stack).
MAX_NESTING = 200
_UPDATE_KEYWORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH", "USING"}
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# The terminals of the SPARQL 1.1 grammar that can hide a keyword (comments, IRIs, strings)
# and those that contain letters (variables, prefixed names, blank nodes, language tags). The
# letter classes are ASCII subsets of the grammar's, so a token here is never longer than the
# parser's; where it is shorter, the rest is read as words, which can only refuse more. A
# backslash outside a string or a prefixed name is refused, so it cannot start a false comment.
# An IRI token cannot hide a keyword the parser would act on: "{", "<" and spaces end it.
_PLX = r"(?:%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?\#@%])"
_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
              |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<var>[?$][A-Za-z0-9_]+)
  | (?P<bnode>_:[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?)
  | (?P<pname>(?:[A-Za-z](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?)?:
               (?:(?:[A-Za-z0-9_:]|PLX)(?:(?:[A-Za-z0-9_.:-]|PLX)*(?:[A-Za-z0-9_:-]|PLX))?)?)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<quote>["'])
  | (?P<backslash>\\)
  | (?P<other>.)
    """.replace("PLX", _PLX),
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class QueryCheck:
    """What :func:`check_query` found: the dataset the query names with FROM / FROM NAMED."""

    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    @property
    def has_dataset(self) -> bool:
        return bool(self.default_graphs or self.named_graphs)


def _tokens(text: str) -> list[tuple[str, str]]:
    out = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind == "quote":
            raise RefusedError("SPARQL syntax error: a string is not closed")
        if kind == "backslash":
            raise RefusedError("SPARQL syntax error: a backslash outside a string or a prefixed name")
        if kind not in ("ws", "comment"):
            out.append((kind, match.group()))
    return out


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def check_query(text: str, known_graphs: Iterable[str]) -> QueryCheck:
    """Refuse what a read-only endpoint that fetches nothing must not run.

    The text is split into the terminals of the SPARQL grammar (comments, IRIs, strings and
    words; ``\\u`` escapes are read both as written and decoded, and either reading is
    checked), so a keyword is found wherever a parser would see one and nowhere else. The
    checks fail closed: an update keyword, ``SERVICE`` or a ``FROM`` of a graph outside
    ``known_graphs`` is refused even where the parser would then reject the query anyway.
    Syntax is left to the worker's parser.

    :param text: the SPARQL query text.
    :param known_graphs: the IRIs of the store's named graphs, the only ones FROM may name.
    :raises RefusedError: 403 for an update form, SERVICE or an outside FROM; 400 when the
        text is not text a parser could read.
    """
    known = set(known_graphs)
    variants = [text] if _unescape(text) == text else [_unescape(text), text]
    found = QueryCheck()
    for variant in variants:
        found = _check_tokens(_tokens(variant), known)
    return found


def _check_tokens(tokens: Sequence[tuple[str, str]], known: set[str]) -> QueryCheck:
    prefixes: dict[str, str] = dict(SPARQL_PREFIXES)  # the model's prefixes need no PREFIX line
    base = ""
    default: list[str] = []
    named: list[str] = []
    depth = 0
    for i, (kind, value) in enumerate(tokens):
        if kind == "other":
            depth += (value in "{([") - (value in "})]")
            if depth > MAX_NESTING:
                raise RefusedError(f"the query nests brackets deeper than {MAX_NESTING} levels")
            continue
        if kind != "word":
            continue
        word = value.upper()
        if word in _UPDATE_KEYWORDS:
            raise RefusedError(f"SPARQL Update ({word}) is refused: this endpoint is read-only", 403)
        if word == "SERVICE":
            raise RefusedError("SERVICE is refused: this endpoint fetches nothing from the network", 403)
        if word == "PREFIX" and i + 2 < len(tokens) and tokens[i + 1][0] == "pname" and tokens[i + 2][0] == "iri":
            prefixes[tokens[i + 1][1].rstrip(":")] = _resolve(tokens[i + 2][1][1:-1], base)
        elif word == "BASE" and i + 1 < len(tokens) and tokens[i + 1][0] == "iri":
            base = _resolve(tokens[i + 1][1][1:-1], base)
        elif word == "FROM":
            j = i + 1
            is_named = j < len(tokens) and tokens[j][0] == "word" and tokens[j][1].upper() == "NAMED"
            j += is_named
            iri = _graph_iri(tokens[j] if j < len(tokens) else ("other", ""), prefixes, base)
            if iri not in known:
                shown = iri or "(nothing)"
                raise RefusedError(
                    f"FROM {'NAMED ' if is_named else ''}<{shown}> is refused: it names no graph of "
                    "this store, and this endpoint fetches nothing from the network",
                    403,
                )
            (named if is_named else default).append(iri)
    return QueryCheck(tuple(default), tuple(named))


def _resolve(iri: str, base: str) -> str:
    return urllib.parse.urljoin(base, iri) if base else iri


def _graph_iri(token: tuple[str, str], prefixes: Mapping[str, str], base: str) -> str:
    kind, value = token
    if kind == "iri":
        return _resolve(value[1:-1], base)
    if kind == "pname":
        prefix, _, local = value.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
    return ""


def check_graph_parameters(default: Sequence[str], named: Sequence[str], known: Iterable[str]) -> None:
    """The protocol's ``default-graph-uri`` / ``named-graph-uri`` obey the FROM rule.

    :raises RefusedError: 403 naming the first graph the store does not hold.
    """
    known = set(known)
    for iri in [*default, *named]:
        if iri not in known:
            raise RefusedError(
                f"graph <{iri}> is refused: it names no graph of this store, and this endpoint "
                "fetches nothing from the network",
                403,
            )


# --------------------------------------------------------------------------- content negotiation

RESULT_TYPES = {  # media type -> pyoxigraph QueryResultsFormat attribute
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "application/xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
}
GRAPH_TYPES = {  # media type -> pyoxigraph RdfFormat attribute
    "text/turtle": "TURTLE",
    "application/ld+json": "JSON_LD",
    "application/n-triples": "N_TRIPLES",
    "application/rdf+xml": "RDF_XML",
}
#: ``format=`` shortcuts a browser link can use instead of an Accept header
FORMAT_NAMES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "ttl": "text/turtle",
    "turtle": "text/turtle",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
    "rdfxml": "application/rdf+xml",
    "html": "text/html",
}


def negotiate(accept: str | None, offers: Sequence[str]) -> str | None:
    """The offer the Accept header prefers (first offer on a tie), or None if none is acceptable.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+json", ["text/csv", "application/sparql-results+json"])
    'application/sparql-results+json'
    >>> negotiate("image/png", ["text/turtle"]) is None
    True
    """
    if not accept or not accept.strip():
        return offers[0] if offers else None
    ranges: list[tuple[str, str, float]] = []
    for part in accept.split(","):
        media, *params = [p.strip() for p in part.split(";")]
        if "/" not in media:
            continue
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        main, _, sub = media.lower().partition("/")
        ranges.append((main, sub, q))
    best, best_q = None, 0.0
    for offer in offers:
        main, _, sub = offer.partition("/")
        q, rank = 0.0, -1
        for r_main, r_sub, r_q in ranges:
            if r_main == main and r_sub == sub:
                this = 2
            elif r_main == main and r_sub == "*":
                this = 1
            elif r_main == "*" and r_sub == "*":
                this = 0
            else:
                continue
            if this > rank:
                q, rank = r_q, this
        if q > best_q:
            best, best_q = offer, q
    return best


# --------------------------------------------------------------------------- query workers


class _TooLarge(Exception):
    pass


class _CappedWriter:
    """A binary writer that raises once more than ``cap`` bytes were written."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.parts: list[bytes] = []
        self.size = 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.cap:
            raise _TooLarge()
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def getvalue(self) -> bytes:
        return b"".join(self.parts)


def _isolate_network() -> bool:
    """Move this process into a network namespace of its own (no interface but a down lo).

    Works as root, or where unprivileged user namespaces are allowed; elsewhere returns False
    and the text checks are the only guard.
    """
    if not hasattr(os, "fork") or not os.path.exists("/proc/self/ns/net"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        clone_newnet, clone_newuser = 0x40000000, 0x10000000
        if libc.unshare(clone_newnet) == 0:
            return True
        return libc.unshare(clone_newuser | clone_newnet) == 0
    except (OSError, AttributeError):
        return False


def _term(ox: Any, spec: Sequence[str | None]) -> Any:
    kind, value, datatype, lang = spec
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if lang:
        return ox.Literal(value, language=lang)
    return ox.Literal(value, datatype=ox.NamedNode(datatype or "http://www.w3.org/2001/XMLSchema#string"))


def _run_job(ox: Any, store: Any, job: Mapping[str, Any]) -> tuple[Any, ...]:
    subs = {ox.Variable(name): _term(ox, spec) for name, spec in job.get("substitutions", {}).items()}
    default = [ox.NamedNode(g) for g in job.get("default_graphs", ())]
    named = [ox.NamedNode(g) for g in job.get("named_graphs", ())]
    kwargs: dict[str, Any] = {"substitutions": subs, "prefixes": SPARQL_PREFIXES}
    if default or named:
        kwargs["default_graph"] = default or [ox.DefaultGraph()]
        if named:
            kwargs["named_graphs"] = named
    try:
        answer = store.query(job["query"], **kwargs)
    except SyntaxError as error:
        from adgmin_kg.query import syntax_error_message

        return ("error", 400, syntax_error_message(job["query"], str(error)))
    except (RuntimeError, ValueError, OSError) as error:
        return ("error", 400, "SPARQL query error: " + " ".join(str(error).split()))
    if isinstance(answer, ox.QueryTriples):
        media = negotiate(job.get("accept"), list(GRAPH_TYPES))
        fmt = getattr(ox.RdfFormat, GRAPH_TYPES[media]) if media else None
    else:
        media = negotiate(job.get("accept"), list(RESULT_TYPES))
        fmt = getattr(ox.QueryResultsFormat, RESULT_TYPES[media]) if media else None
    if media is None:
        kinds = GRAPH_TYPES if isinstance(answer, ox.QueryTriples) else RESULT_TYPES
        return ("error", 406, "no acceptable result format; this query gives " + ", ".join(kinds))
    writer = _CappedWriter(int(job["max_result_bytes"]))
    try:
        answer.serialize(writer, fmt)
    except _TooLarge:
        cap = int(job["max_result_bytes"])
        return ("error", 413, f"the result is larger than the cap of {cap} bytes; narrow the query or add LIMIT")
    except (RuntimeError, ValueError, OSError, SyntaxError) as error:
        return ("error", 400, "SPARQL evaluation error: " + " ".join(str(error).split()))
    return ("ok", media, writer.getvalue())


def worker_main(conn: Any, graph: str, isolate: bool) -> None:
    """A query worker: load the graph, say ready, then answer jobs until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    isolated = _isolate_network() if isolate else False
    import pyoxigraph as ox

    from adgmin_kg.store import load_union_store, open_store

    try:
        store = open_store(Path(graph)) or load_union_store(Path(graph))
    except (SyntaxError, ValueError, OSError) as error:
        conn.send(("failed", " ".join(str(error).split())))
        return
    conn.send(("ready", isolated))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(_run_job(ox, store, job))
        except (BrokenPipeError, OSError):
            return


@dataclass
class _Worker:
    process: Any
    conn: Any
    isolated: bool = False
    jobs: int = 0


@dataclass
class PoolStats:
    started: int = 0
    killed: int = 0
    crashed: int = 0
    timeouts: int = 0
    pids: list[int] = field(default_factory=list)


class QueryPool:
    """Worker processes that run queries under a time limit.

    :param graph: the RDF file each worker loads (``kg.trig``).
    :param limits: the time limit and pool size.
    """

    def __init__(self, graph: Path, limits: Limits) -> None:
        self.graph = Path(graph)
        self.limits = limits
        self.stats = PoolStats()
        self.isolated = False
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._live: set[Any] = set()
        self._closed = False

    def start(self) -> None:
        """Start the workers and wait until each has loaded the graph.

        :raises ServeError: if a worker cannot load the graph or does not come up in 60 s.
        """
        workers = [self._spawn() for _ in range(max(1, self.limits.workers))]
        self.isolated = all(w.isolated for w in workers)
        for worker in workers:
            self._idle.put(worker)

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(
            target=worker_main, args=(child, str(self.graph), self.limits.isolate_network), daemon=True
        )
        process.start()
        child.close()
        with self._lock:
            self._live.add(process)
            self.stats.started += 1
        if not parent.poll(60):
            self._kill(process)
            raise ServeError("a query worker did not come up within 60 s")
        try:
            message = parent.recv()
        except EOFError:
            self._kill(process)
            raise ServeError("a query worker died while loading the graph") from None
        if message[0] != "ready":
            self._kill(process)
            raise ServeError(f"{self.graph}: a query worker cannot load the graph: {message[1]}")
        return _Worker(process, parent, bool(message[1]))

    def _kill(self, process: Any) -> None:
        if process.is_alive():
            process.kill()
        process.join(5)
        with self._lock:
            self._live.discard(process)

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker and start another in the background."""
        self._kill(worker.process)
        try:
            worker.conn.close()
        except OSError:
            pass

        def respawn() -> None:
            if self._closed:
                return
            try:
                fresh = self._spawn()
            except ServeError as error:
                log.error("cannot replace a query worker: %s", error)
                return
            if self._closed:
                self._kill(fresh.process)
            else:
                self._idle.put(fresh)

        threading.Thread(target=respawn, name="adgmin-kg-respawn", daemon=True).start()

    def run(self, job: Mapping[str, Any]) -> tuple[str, Any, Any]:
        """Run one job: ``("ok", media type, body)`` or ``("error", status, message)``."""
        try:
            worker = self._idle.get(timeout=self.limits.queue_wait)
        except queue.Empty:
            return ("error", 503, "the server is busy: every query worker is taken; try again shortly")
        try:
            worker.conn.send(dict(job))
            if worker.conn.poll(self.limits.time_limit):
                result = worker.conn.recv()
                worker.jobs += 1
                self._idle.put(worker)
                return result
        except (EOFError, OSError):
            self.stats.crashed += 1
            self._replace(worker)
            return ("error", 400, "the query could not be evaluated (its worker stopped); it was not run")
        self.stats.timeouts += 1
        self.stats.killed += 1
        self._replace(worker)
        limit = f"{self.limits.time_limit:g}"
        return ("error", 503, f"the query ran longer than the time limit of {limit} s and was stopped")

    def pids(self) -> list[int]:
        with self._lock:
            return [p.pid for p in self._live if p.pid is not None]

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                break
            try:
                worker.conn.close()
            except OSError:
                pass
        with self._lock:
            live = list(self._live)
        for process in live:
            self._kill(process)


# --------------------------------------------------------------------------- HTTP


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server: a bounded number of connection threads, a pool, the parent's store."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], graph: Path, limits: Limits) -> None:
        from adgmin_kg.query import open_graph

        self.limits = limits
        self.graph = Path(graph)
        self.backend = open_graph(self.graph, "oxigraph")
        self.store = self.backend.store  # type: ignore[attr-defined]
        self.known_graphs = frozenset(g.value for g in self.store.named_graphs())
        self.distinct_triples = _distinct_triples(self.store)
        self.pool = QueryPool(self.graph, limits)
        self._slots = threading.BoundedSemaphore(limits.max_connections)
        self.requests_served = 0
        self.font_requests = 0
        super().__init__(address, RequestHandler)

    def start_workers(self) -> None:
        self.pool.start()

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self._slots.acquire(blocking=False):
            try:
                request.sendall(
                    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
                    b"Connection: close\r\nContent-Length: 37\r\n\r\ntoo many connections; try again soon\n"
                )
            except OSError:
                pass
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except Exception:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)  # type: ignore[misc]
        finally:
            self._slots.release()

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


def _distinct_triples(store: Any) -> int:
    """The graph's distinct triples, as ``adgmin-kg stats`` counts them (the store's default
    graph is the union of the named graphs; ``len(store)`` counts their quads as well)."""
    from adgmin_kg.stats import size

    return size(store)[0]


class RequestHandler(BaseHTTPRequestHandler):
    """Routes: ``/``, ``/sparql``, ``/id/...``, ``/resource``, ``/query/NAME``, ``/api/query/NAME``,
    ``/static/...``, ``/health``."""

    server: SparqlServer
    protocol_version = "HTTP/1.1"
    server_version = "adgmin-kg"
    sys_version = ""

    def setup(self) -> None:
        self.timeout = self.server.limits.socket_timeout
        super().setup()
        try:  # headers and body leave at once: no 40 ms Nagle/delayed-ACK stall on keep-alive
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            pass

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base class's name)
        log.info("%s %s", self.address_string(), format % args)

    # -- plumbing

    def send_body(self, status: int, body: bytes, content_type: str, extra: Mapping[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self._headers_buffer.append(b"\r\n")  # end_headers() without its flush
        if self.command != "HEAD":
            self._headers_buffer.append(body)
        self.flush_headers()  # one write: status line, headers and body
        self.server.requests_served += 1

    def send_error_text(self, status: int, message: str) -> None:
        """A plain-text error; a syntax error keeps its lines (the query line and the caret)."""
        lines = message.split("\n")
        if len(lines) == 3 and lines[0].startswith("SPARQL syntax error at line "):
            text = "\n".join(line.rstrip() for line in lines)
        else:
            text = " ".join(message.split())
        body = (text + "\n").encode("utf-8")
        extra = {"Allow": "GET, HEAD, POST"} if status == 405 else {}
        if status in (413, 411, 408):
            extra["Connection"] = "close"
            self.close_connection = True
        self.send_body(status, body, "text/plain; charset=utf-8", extra)

    def _split(self) -> tuple[str, dict[str, list[str]]]:
        url = urllib.parse.urlsplit(self.path)
        try:
            params = urllib.parse.parse_qs(url.query, keep_blank_values=True, errors="strict")
        except UnicodeDecodeError:
            raise RefusedError("the query string is not UTF-8") from None
        return urllib.parse.unquote(url.path), params

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            raise RefusedError("chunked request bodies are not accepted; send Content-Length", 411)
        length_text = self.headers.get("Content-Length")
        if length_text is None:
            raise RefusedError("a POST needs a Content-Length", 411)
        try:
            length = int(length_text)
        except ValueError:
            raise RefusedError("Content-Length is not a number") from None
        if length < 0:
            raise RefusedError("Content-Length is negative")
        cap = self.server.limits.max_query_bytes
        if length > cap:
            raise RefusedError(f"the request body has {length} bytes, more than the cap of {cap}", 413)
        body = self.rfile.read(length)
        if len(body) < length:
            raise RefusedError("the request body ended early", 400)
        return body

    # -- methods

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._dispatch(post=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._dispatch(post=False)

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch(post=True)

    def _refuse_method(self) -> None:
        self.send_error_text(405, f"{self.command} is not allowed: this endpoint is read-only (GET, HEAD, POST)")

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_TRACE = do_CONNECT = _refuse_method

    def _dispatch(self, post: bool) -> None:
        from adgmin_kg import serve_pages as pages

        try:
            path, params = self._split()
            if path == "/sparql":
                self._sparql(params, post)
            elif post:
                self.send_error_text(405, f"POST is only for /sparql, not {path}")
            elif path == "/":
                self._html(pages.home_page(self.server))
            elif path == "/editor":
                self._html(pages.editor_page(self.server), csp=pages.EDITOR_CSP)
            elif path.startswith("/id/") or path == "/resource":
                iri = ID_NAMESPACE + path[len("/id/"):] if path.startswith("/id/") else _one(params, "iri")
                self._entity(iri, params)
            elif path.startswith("/query/"):
                self._stored(path[len("/query/"):], params, html=True)
            elif path.startswith("/api/query/"):
                self._stored(path[len("/api/query/"):], params, html=False)
            elif path.startswith("/static/"):
                self._static(path[len("/static/"):])
            elif path == "/health":
                self._health()
            else:
                self.send_error_text(404, f"nothing at {path}")
        except RefusedError as error:
            self.send_error_text(error.status, str(error))
        except AdgminKgError as error:
            status = 404 if type(error).__name__ == "UnknownQueryError" else 400
            self.send_error_text(status, str(error))
        except (ConnectionError, TimeoutError):
            self.close_connection = True

    def _html(self, page: str, status: int = 200, csp: str | None = None) -> None:
        from adgmin_kg.serve_pages import CSP

        self.send_body(status, page.encode("utf-8"), "text/html; charset=utf-8",
                       {"Content-Security-Policy": csp or CSP, "Vary": "Accept"})

    # -- SPARQL protocol

    def _sparql(self, params: dict[str, list[str]], post: bool) -> None:
        if post:
            ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
            body = self._read_body()
            if ctype == "application/sparql-update":
                raise RefusedError("SPARQL Update is refused: this endpoint is read-only", 403)
            if ctype == "application/sparql-query":
                try:
                    text = body.decode("utf-8")
                except UnicodeDecodeError:
                    raise RefusedError("the query is not UTF-8") from None
                if "query" in params:
                    raise RefusedError("give the query once: in the body or in the URL, not both")
                params = {**params, "query": [text]}
            elif ctype == "application/x-www-form-urlencoded":
                try:
                    form = urllib.parse.parse_qs(body.decode("ascii"), keep_blank_values=True, errors="strict")
                except (UnicodeDecodeError, ValueError):
                    raise RefusedError("the form is not UTF-8") from None
                for key, values in form.items():
                    params.setdefault(key, []).extend(values)
            else:
                raise RefusedError(
                    f'unsupported Content-Type "{ctype}": use application/sparql-query or '
                    "application/x-www-form-urlencoded", 415)
        if "update" in params:
            raise RefusedError("SPARQL Update is refused: this endpoint is read-only", 403)
        queries = params.get("query", [])
        if not queries or not queries[0].strip():
            if "text/html" in self.headers.get("Accept", "") and not post:
                self.send_body(303, b"", "text/plain", {"Location": "/editor"})
                return
            raise RefusedError("no query: give the SPARQL text as the query parameter or the body")
        if len(queries) > 1:
            raise RefusedError("give exactly one query parameter")
        text = queries[0]
        cap = self.server.limits.max_query_bytes
        if len(text.encode("utf-8")) > cap:
            raise RefusedError(f"the query text is larger than the cap of {cap} bytes", 413)
        if "\x00" in text:
            raise RefusedError("the query text contains a NUL character")
        default = params.get("default-graph-uri", [])
        named = params.get("named-graph-uri", [])
        check_graph_parameters(default, named, self.server.known_graphs)
        found = check_query(text, self.server.known_graphs)
        if found.has_dataset and (default or named):
            default, named = list(default), list(named)  # the protocol's dataset wins (SPARQL 1.1 Protocol 2.1.4)
        elif found.has_dataset:
            default, named = list(found.default_graphs), list(found.named_graphs)
        accept = self._accept(params)
        job = {"query": text, "accept": accept, "default_graphs": default, "named_graphs": named,
               "max_result_bytes": self.server.limits.max_result_bytes}
        self._answer(self.server.pool.run(job))

    def _accept(self, params: Mapping[str, list[str]]) -> str:
        fmt = _one(params, "format", required=False)
        if fmt:
            if fmt in FORMAT_NAMES:
                return FORMAT_NAMES[fmt]
            if "/" in fmt:
                return fmt
            raise RefusedError(f'unknown format "{fmt}" (use {", ".join(FORMAT_NAMES)})')
        return self.headers.get("Accept", "") or "*/*"

    def _answer(self, result: tuple[str, Any, Any]) -> None:
        if result[0] == "ok":
            media, body = result[1], result[2]
            charset = "" if media.endswith("json") else "; charset=utf-8"
            self.send_body(200, body, media + charset, {"Vary": "Accept"})
        else:
            self.send_error_text(int(result[1]), str(result[2]))

    # -- stored queries

    def _stored(self, name: str, params: dict[str, list[str]], html: bool) -> None:
        from adgmin_kg import serve_pages as pages
        from adgmin_kg.query import bind_parameters, get_query

        query = get_query(name)
        given = {k: v[0] for k, v in params.items() if k != "format" and v and v[0].strip()}
        bindings = bind_parameters(self.server.backend, query, given)
        subs = {k: (t.kind, t.value, t.datatype, t.lang) for k, t in bindings.items()}
        accept = "application/sparql-results+json" if html else self._accept(params)
        job = {"query": query.text, "accept": accept, "substitutions": subs,
               "max_result_bytes": self.server.limits.max_result_bytes}
        result = self.server.pool.run(job)
        if not html:
            self._answer(result)
        elif result[0] == "ok":
            self._html(pages.results_page(self.server, query, given, json.loads(result[2])))
        else:
            self.send_error_text(int(result[1]), str(result[2]))

    # -- linked data

    def _entity(self, iri: str, params: Mapping[str, list[str]]) -> None:
        from adgmin_kg import serve_pages as pages

        if not iri or not re.fullmatch(r'[A-Za-z][\w+.-]*:[^\s<>"{}|\\^`]*', iri):
            raise RefusedError("give an IRI: /resource?iri=https://...")
        view = pages.entity_view(self.server.store, iri)
        if view is None:
            self.send_error_text(404, f"<{iri}> is not in the graph")
            return
        fmt = _one(params, "format", required=False)
        accept = FORMAT_NAMES.get(fmt, fmt) if fmt else self.headers.get("Accept", "") or "text/html"
        offers = ["text/html", "application/xhtml+xml", *GRAPH_TYPES]
        media = negotiate(accept, offers)
        if media is None:
            self.send_error_text(406, "no acceptable format; pages come as " + ", ".join(offers))
        elif media in ("text/html", "application/xhtml+xml"):
            self._html(pages.entity_page(self.server, view))
        else:
            body = pages.entity_rdf(self.server.store, view, GRAPH_TYPES[media])
            charset = "" if media.endswith("json") else "; charset=utf-8"
            self.send_body(200, body, media + charset, {"Vary": "Accept"})

    # -- the rest

    def _static(self, name: str) -> None:
        from adgmin_kg import serve_pages as pages

        found = pages.static_file(name)
        if found is None:
            self.send_error_text(404, f"no static file {name}")
            return
        body, media = found
        if name.endswith(".ttf"):
            self.server.font_requests += 1
        self.send_body(200, body, media, {"Cache-Control": "public, max-age=86400"})

    def _health(self) -> None:
        pool = self.server.pool
        body = {
            "status": "ok",
            "triples": self.server.distinct_triples,
            "quads": len(self.server.store),
            "graphs": len(self.server.known_graphs),
            "workers": pool.pids(),
            "workers_network_isolated": pool.isolated,
            "workers_started": pool.stats.started,
            "queries_stopped_at_time_limit": pool.stats.timeouts,
            "limits": {
                "time_limit_s": self.server.limits.time_limit,
                "max_query_bytes": self.server.limits.max_query_bytes,
                "max_result_bytes": self.server.limits.max_result_bytes,
            },
        }
        self.send_body(200, json.dumps(body).encode(), "application/json")


def _one(params: Mapping[str, list[str]], name: str, required: bool = True) -> str:
    values = params.get(name, [])
    if len(values) > 1:
        raise RefusedError(f"give {name} once")
    if not values:
        if required:
            raise RefusedError(f"the parameter {name} is missing")
        return ""
    return values[0]


def make_server(graph: Path | str | None = None, host: str = "127.0.0.1", port: int = 8000,
                limits: Limits | None = None) -> SparqlServer:
    """Bind the server and start its query workers; call ``serve_forever()`` on it.

    :param graph: a build folder or RDF file (default: ``build/``, rebuilt when stale).
    :param host: the address to listen on (default: loopback only).
    :param port: the port; 0 picks a free one (``server.server_address`` tells which).
    :param limits: time and size limits; default :class:`Limits`.
    :raises ServeError: if the port cannot be bound or the workers cannot load the graph.
    """
    from adgmin_kg.query import graph_file

    path = graph_file(graph).resolve()
    try:
        server = SparqlServer((host, port), path, limits or Limits())
    except OSError as error:
        raise ServeError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    try:
        server.start_workers()
    except BaseException:
        server.server_close()
        raise
    return server


def serve_forever(server: SparqlServer, announce: Any = None) -> None:
    """Serve until interrupted (Ctrl-C or SIGTERM), then stop the workers."""
    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop) if threading.current_thread() is threading.main_thread() else None
    try:
        if announce:
            announce(server)
        server.serve_forever(poll_interval=0.25)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def wait_until_up(url: str, deadline_s: float = 30.0) -> bool:
    """Poll ``url`` until it answers 200, for at most ``deadline_s`` seconds."""
    import urllib.request

    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (loopback URL of ours)
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.1)
    return False
