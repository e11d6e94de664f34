"""Load the built graph into a triple store over the SPARQL 1.1 Graph Store HTTP Protocol.

Any store that speaks the protocol will do (Oxigraph's server: ``/store`` and ``/query``;
Fuseki: ``/DATASET/data`` and ``/DATASET/sparql``; GraphDB: ``/repositories/REPO/rdf-graphs/service``
and ``/repositories/REPO``). Each named graph of ``kg.trig`` is sent as N-Triples to
``GSP?graph=IRI`` (``POST`` adds, ``PUT`` replaces), or their union to one graph. Then one
query over the store's SPARQL endpoint counts the triples of every graph, and the counts
must equal those of the build.

>>> report = publish("http://127.0.0.1:7878/store", "http://127.0.0.1:7878/query")  # doctest: +SKIP
>>> report.lines()[-1]                                                            # doctest: +SKIP
'verified: 30 graph(s), 34956 triples, counts match'
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from adgmin_kg.errors import AdgminKgError

__all__ = ["PublishError", "PublishReport", "count_graphs", "graph_triples", "publish"]

GRAPH_NAMESPACE = "https://w3id.org/adgmin-kg/graph/"
#: Counts the triples of every named graph; the graphs are never named in the text.
COUNT_QUERY = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


class PublishError(AdgminKgError):
    """The store refused the data, could not be reached, or holds other counts than the build."""


@dataclass
class PublishReport:
    """What was sent where, and what the store counted."""

    gsp: str
    sparql: str
    sent: dict[str, int] = field(default_factory=dict)  # graph IRI -> triples sent
    counted: dict[str, int] = field(default_factory=dict)  # graph IRI -> triples the store holds
    dropped: list[str] = field(default_factory=list)
    method: str = "POST"

    @property
    def triples(self) -> int:
        return sum(self.sent.values())

    def lines(self) -> list[str]:
        verb = "replaced" if self.method == "PUT" else "added to"
        out = [f"{verb} {len(self.sent)} graph(s) at {self.gsp}: {self.triples} triples"]
        if self.dropped:
            out.append(f"dropped {len(self.dropped)} graph(s) the build no longer has")
        held = sum(self.counted.values())
        match = "counts match" if self.method == "PUT" else "each graph holds at least what was sent"
        out.append(f"verified: {len(self.counted)} graph(s), {held} triples, {match}")
        return out


def graph_triples(source: Path | str | None = None) -> dict[str, bytes]:
    """The build's named graphs as canonical N-Triples, keyed by graph IRI (sorted lines).

    :param source: a build folder or a ``.trig`` / ``.nq`` file (default: ``build/``).
    """
    import pyoxigraph as ox

    from adgmin_kg.query import graph_file

    path = graph_file(source)
    try:
        fmt = ox.RdfFormat.from_extension(path.suffix.lstrip("."))
        quads = list(ox.parse(path=str(path), format=fmt))
    except (SyntaxError, ValueError, OSError) as error:
        raise PublishError(f"{path}: cannot read the graph: {' '.join(str(error).split())}") from None
    graphs: dict[str, set[str]] = {}
    for quad in quads:
        name = "" if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
        graphs.setdefault(name, set()).add(f"{quad.subject} {quad.predicate} {quad.object} .\n")
    return {name: "".join(sorted(lines)).encode("utf-8") for name, lines in sorted(graphs.items())}


def _request(method: str, url: str, body: bytes | None, headers: dict[str, str], timeout: float) -> bytes:
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (the user's store)
            return response.read()
    except urllib.error.HTTPError as error:
        detail = " ".join(error.read(300).decode("utf-8", "replace").split())
        raise PublishError(f"{method} {url}: HTTP {error.code} {error.reason}" + (f": {detail}" if detail else "")) from None
    except urllib.error.URLError as error:
        raise PublishError(f"{method} {url}: cannot reach the store ({error.reason})") from None
    except (TimeoutError, OSError) as error:
        raise PublishError(f"{method} {url}: {error}") from None


def _graph_url(gsp: str, graph: str) -> str:
    sep = "&" if urllib.parse.urlsplit(gsp).query else "?"
    if not graph:
        return f"{gsp}{sep}default"
    return f"{gsp}{sep}{urllib.parse.urlencode({'graph': graph})}"


def count_graphs(sparql: str, timeout: float = 120.0) -> dict[str, int]:
    """Triples per named graph, as the store at ``sparql`` counts them (SPARQL JSON results)."""
    body = urllib.parse.urlencode({"query": COUNT_QUERY}).encode("ascii")
    raw = _request("POST", sparql, body, {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/sparql-results+json",
    }, timeout)
    try:
        bindings = json.loads(raw)["results"]["bindings"]
        return {b["g"]["value"]: int(b["n"]["value"]) for b in bindings if b.get("g", {}).get("type") == "uri"}
    except (ValueError, KeyError, TypeError) as error:
        raise PublishError(f"{sparql}: the store's answer is not SPARQL JSON results ({error})") from None


def publish(
    gsp: str,
    sparql: str,
    *,
    source: Path | str | None = None,
    graph: str | None = None,
    replace: bool = False,
    timeout: float = 120.0,
) -> PublishReport:
    """Send the build's graphs to the store at ``gsp`` and check the counts at ``sparql``.

    :param gsp: the store's Graph Store Protocol endpoint (``http://host:7878/store``).
    :param sparql: the store's SPARQL query endpoint (``http://host:7878/query``).
    :param source: a build folder or ``.trig`` file (default: ``build/``).
    :param graph: load the union of every graph into this one named graph instead.
    :param replace: PUT (replace each graph) instead of POST (add to it); with per-release
        graphs, also DELETE the store's graphs under ``https://w3id.org/adgmin-kg/graph/``
        that the build no longer has.
    :raises PublishError: when the store cannot be reached, refuses a request, or counts
        other numbers of triples than were sent.
    """
    for name, url in (("--gsp", gsp), ("--sparql", sparql)):
        if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
            raise PublishError(f'{name} "{url}" is not an http(s) URL')
    if graph is not None and not urllib.parse.urlsplit(graph).scheme:
        raise PublishError(f'--graph "{graph}" is not an absolute IRI')
    graphs = graph_triples(source)
    if graph is not None:
        union = sorted({line for data in graphs.values() for line in data.decode("utf-8").splitlines(keepends=True)})
        graphs = {graph: "".join(union).encode("utf-8")}
    method = "PUT" if replace else "POST"
    report = PublishReport(gsp, sparql, method=method)
    for name, data in graphs.items():
        _request(method, _graph_url(gsp, name), data, {"Content-Type": "application/n-triples"}, timeout)
        report.sent[name or "(default graph)"] = data.count(b"\n")
    counted = count_graphs(sparql, timeout)
    if replace and graph is None:
        for stale in sorted(set(counted) - set(graphs)):
            if stale.startswith(GRAPH_NAMESPACE):
                _request("DELETE", _graph_url(gsp, stale), None, {}, timeout)
                report.dropped.append(stale)
    wrong = []
    for name, sent in report.sent.items():
        if name == "(default graph)":
            continue  # counted below only when the store keeps a default graph of its own
        have = counted.get(name, 0)
        report.counted[name] = have
        if have != sent if replace else have < sent:
            wrong.append(f"<{name}> has {have} triples, {sent} were sent")
    if wrong:
        more = f" (and {len(wrong) - 1} more)" if len(wrong) > 1 else ""
        raise PublishError(f"the store's counts differ from the build: {wrong[0]}{more}")
    return report
