"""Graph analysis: networkx views of the RDF graph and the usual measures as tidy rows.

Four views, each a plain networkx graph whose nodes are IRIs (strings) with readable
attributes (``label``, ``label_en``, ``label_th``, ``type``):

- :func:`to_networkx`: the whole graph as a ``MultiDiGraph`` (one edge per triple between two
  resources, keyed by the predicate's prefixed name), provenance statements left out by default;
- :func:`cooperation_network`: countries and organisations, linked by what they share
  (meetings attended together, bilateral talks, documents decided at meetings both attended,
  funded projects, support), with the evidence kept on each edge;
- :func:`actor_topic_graph`: actors and the topics of the meetings, talks and support they took
  part in (bipartite), and :func:`topic_projection`, topics linked by the actors they share;
- :func:`timeline`: meetings and the decisions they took on documents, with dates.

The measures (:func:`measures`, :func:`community_rows`, :func:`topic_rows`,
:func:`timeline_rows`) return ``list[dict]``, one dictionary per node or event, ready for
``pandas.DataFrame(rows)`` when pandas is installed (it is not required).

>>> from adgmin_kg.analysis import load_graph, cooperation_network, measures
>>> coop = cooperation_network(load_graph())                    # doctest: +SKIP
>>> measures(coop)[0]["label"]                                    # doctest: +SKIP
'Thailand'

networkx and rdflib are imported here, never by the CLI module at start-up; matplotlib is only
imported by :mod:`adgmin_kg.figures`.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

import networkx as nx
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, RDF, RDFS, SKOS

from adgmin_kg.atomic import atomic_path
from adgmin_kg.errors import AdgminKgError
from adgmin_kg.vocab import ADG, ID, PREFIXES, SCHEMA

__all__ = [
    "AnalysisError",
    "EVIDENCE_KINDS",
    "Evidence",
    "actor_topic_graph",
    "community_rows",
    "cooperation_network",
    "edge_rows",
    "load_graph",
    "measures",
    "node_labels",
    "pagerank",
    "timeline",
    "timeline_rows",
    "to_networkx",
    "topic_projection",
    "topic_rows",
    "write_gephi",
]

#: What two actors can share, in the order evidence is listed on an edge.
EVIDENCE_KINDS = ("meeting", "talk", "document", "project", "support")

TOPIC_SCHEME = ID["scheme/topics"]
SHORT_LABEL_LENGTH = 20

#: Classes from the most specific to the most general: a node's ``type`` is the first it has.
_TYPE_ORDER = (
    ADG.BilateralMeeting, ADG.MinisterialMeeting, ADG.SeniorOfficialsMeeting, ADG.CabinetMeeting,
    ADG.CommitteeMeeting, ADG.Meeting, ADG.MeetingSeries,
    ADG.Fund, ADG.Ministry, ADG.WorkingGroup, ADG.IntergovernmentalOrganisation, ORG.Organization,
    ADG.Country, SCHEMA.Person, ORG.Post, ADG.Place,
    ADG.Document, ADG.Decision, ADG.FundedProject, ADG.Support, ADG.Proposal, ADG.Attendance,
    ADG.Release, ADG.Statement,
)
_ACTOR_CLASSES = (ADG.Country, ORG.Organization)


class AnalysisError(AdgminKgError):
    """The graph to analyse cannot be found or read (CLI exit code 2)."""

    exit_code = 2


class Evidence(NamedTuple):
    """One reason for an edge: what kind of thing is shared, its IRI and its label."""

    kind: str
    node: str
    label: str


# --------------------------------------------------------------------------- loading


_FORMATS = {".trig": "trig", ".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".jsonld": "json-ld", ".rdf": "xml"}


def load_graph(path: Path | str | None = None) -> Dataset:
    """Read a built graph into an rdflib ``Dataset`` whose default graph is the union.

    :param path: a build folder (its ``kg.trig`` is read) or an RDF file (``.trig .ttl .nt
        .nq .jsonld .rdf``); default: ``build/``, built first when missing or stale.
    :raises AnalysisError: when the path does not exist, has an unknown suffix or does not parse.

    >>> ds = load_graph("build")                        # doctest: +SKIP
    >>> len(ds) > 0                                     # doctest: +SKIP
    True
    """
    if path is None:
        from adgmin_kg.paths import default_build_dir
        from adgmin_kg.pipeline import ensure_built

        file = Path(ensure_built(default_build_dir())) / "kg.trig"
    else:
        file = Path(path)
        if file.is_dir():
            file = file / "kg.trig"
    if not file.is_file():
        raise AnalysisError(f"{file}: no such graph file or build folder (run `adgmin-kg build`)")
    fmt = _FORMATS.get(file.suffix)
    if fmt is None:
        raise AnalysisError(f"{file}: unknown RDF file type (known: {' '.join(_FORMATS)})")
    dataset = Dataset(default_union=True)
    try:
        dataset.parse(str(file), format=fmt)
    except Exception as error:  # rdflib's parsers raise many unrelated types
        raise AnalysisError(f"{file}: cannot read the graph: {' '.join(str(error).split())}") from None
    return dataset


def _as_graph(source: Graph | Path | str | None) -> Graph:
    return source if isinstance(source, Graph) else load_graph(source)


# --------------------------------------------------------------------------- labels and types


def _curie(iri: str) -> str:
    best = ""
    for prefix, namespace in PREFIXES.items():
        ns = str(namespace)
        if iri.startswith(ns) and len(ns) > len(best):
            best, name = ns, f"{prefix}:{iri[len(ns):]}"
    return name if best else iri


def _local(iri: str) -> str:
    return iri.rstrip("/#").replace("#", "/").rsplit("/", 1)[-1]


def _node_type(graph: Graph, node: URIRef | BNode) -> str:
    types = set(graph.objects(node, RDF.type))
    for cls in _TYPE_ORDER:
        if cls in types:
            return _local(str(cls))
    if (node, SKOS.inScheme, TOPIC_SCHEME) in graph:
        return "Topic"
    if SKOS.Concept in types:
        return "Concept"
    return _local(str(min(types))) if types else ""


def node_labels(graph: Graph, node: URIRef | BNode | str) -> dict[str, str]:
    """The readable attributes of a node: ``label`` (English, else Thai, else the IRI's last
    segment), ``label_en``, ``label_th`` (empty when missing), ``label_short`` (for a label
    longer than 20 characters, its shortest English ``skos:altLabel`` of at most 12, such as
    ``ITU``; else the label) and ``type`` (the local name of its most specific class, ``Topic``
    for a concept of the topics scheme).

    Labels come from ``rdfs:label``, then ``skos:prefLabel``; several labels in one language
    give the smallest, so the result does not depend on parsing order.
    """
    node = URIRef(node) if isinstance(node, str) and not isinstance(node, (URIRef, BNode)) else node
    found: dict[str, list[str]] = defaultdict(list)
    for prop in (RDFS.label, SKOS.prefLabel):
        for value in graph.objects(node, prop):
            if isinstance(value, Literal):
                lang = (value.language or "").lower().split("-")[0]
                found[lang].append(" ".join(str(value).split()))
        if found:
            break
    en = min(found["en"]) if found.get("en") else ""
    th = min(found["th"]) if found.get("th") else ""
    other = min(found[""]) if found.get("") else ""
    label = en or th or other or _local(str(node))
    short = label
    if len(label) > SHORT_LABEL_LENGTH:
        alternatives = [
            " ".join(str(v).split()) for v in graph.objects(node, SKOS.altLabel)
            if isinstance(v, Literal) and (v.language or "").lower().startswith("en")
        ]
        short = min((a for a in alternatives if len(a) <= 12), key=lambda a: (len(a), a), default=label)
    return {
        "label": label,
        "label_en": en,
        "label_th": th,
        "label_short": short,
        "type": _node_type(graph, node),
    }


def _attrs(graph: Graph, node: URIRef, cache: dict[URIRef, dict[str, str]]) -> dict[str, str]:
    if node not in cache:
        cache[node] = {"iri": str(node), **node_labels(graph, node)}
    return cache[node]


# --------------------------------------------------------------------------- the whole graph


def to_networkx(source: Graph | Path | str | None = None, *, provenance: bool = False) -> nx.MultiDiGraph:
    """The graph as a ``MultiDiGraph``: every resource a node, every triple between two
    resources an edge ``s -> o`` keyed by the predicate's prefixed name (``adg:participant``).

    Node attributes: ``iri``, ``label``, ``label_en``, ``label_th``, ``type``. Edge attributes:
    ``predicate`` (full IRI) and ``graphs`` (the named graphs asserting it, sorted). ``rdf:type``
    is kept as the ``type`` attribute rather than as edges, literals as labels only.

    :param provenance: keep the ``adg:Statement`` nodes and releases' statement edges (default:
        leave them out; they triple the size of the graph and say nothing new about the domain).
    """
    graph = _as_graph(source)
    statements = set() if provenance else set(graph.subjects(RDF.type, ADG.Statement))
    edges: dict[tuple[Any, Any, Any], set[str]] = defaultdict(set)
    quads: Iterable[tuple[Any, Any, Any, Any]]
    if isinstance(graph, Dataset):
        quads = ((s, p, o, g) for s, p, o, g in graph.quads((None, None, None, None)))
    else:
        quads = ((s, p, o, None) for s, p, o in graph)
    for s, p, o, g in quads:
        if p == RDF.type or isinstance(o, Literal) or s in statements or o in statements:
            continue
        name = g.identifier if isinstance(g, Graph) else g
        edges[(s, p, o)].update([str(name)] if name is not None else [])
    result = nx.MultiDiGraph(name="adgmin-kg")
    cache: dict[URIRef, dict[str, str]] = {}
    nodes = {n for s, p, o in edges for n in (s, o)}
    nodes |= {s for s in graph.subjects(RDF.type, None) if s not in statements}
    for node in sorted(nodes, key=str):
        result.add_node(str(node), **_attrs(graph, node, cache))
    for (s, p, o), graphs in sorted(edges.items(), key=lambda item: tuple(map(str, item[0]))):
        result.add_edge(str(s), str(o), key=_curie(str(p)), predicate=str(p), graphs=sorted(graphs))
    return result


# --------------------------------------------------------------------------- cooperation network


def _actors(graph: Graph) -> set[URIRef]:
    return {a for cls in _ACTOR_CLASSES for a in graph.subjects(RDF.type, cls) if isinstance(a, URIRef)}


def _participants(graph: Graph, context: URIRef, actors: set[URIRef]) -> set[URIRef]:
    """Countries and organisations that took part in a meeting, talk or support: its
    ``adg:participant`` values, the attendees of its ``adg:Attendance`` nodes and its host
    (``adg:hostCountry``: a release may name the host without listing it among those present)."""
    found = set(graph.objects(context, ADG.participant)) | set(graph.objects(context, ADG.hostCountry))
    for attendance in graph.subjects(ADG.attendedMeeting, context):
        found.update(graph.objects(attendance, ADG.attendee))
    return found & actors


def cooperation_network(
    source: Graph | Path | str | None = None,
    *,
    weights: Mapping[str, float] | None = None,
) -> nx.Graph:
    """Countries and organisations, linked by what they share.

    Two actors (``adg:Country`` or ``org:Organization``) are linked once for each

    - ``meeting``: a multilateral meeting both took part in (``adg:participant``, an
      ``adg:Attendance`` node, or ``adg:hostCountry``: the host takes part in what it hosts);
    - ``talk``: a bilateral talk (``adg:BilateralMeeting``) between them;
    - ``document``: a document on which a meeting both took part in took a decision
      (``adg:decidedBy`` / ``adg:decisionOn``), once per document;
    - ``project``: a funded project, between its ``schema:funder`` and ``adg:recipient``;
    - ``support``: an ``adg:Support``, between its ``adg:supporter`` and its other participants.

    Only actors with at least one link are nodes. Edge attributes: ``weight`` (sum of the
    weights of the evidence kinds, 1 each by default), ``count`` per kind (``meeting``,
    ``talk``...), and ``evidence``: a sorted list of :class:`Evidence` ``(kind, node IRI, label)``.
    Node attributes as in :func:`node_labels`, plus ``iri``.

    :param weights: a weight per evidence kind, e.g. ``{"meeting": 0.5}`` to count meetings
        attended together half as much as a talk; kinds not given weigh 1.
    """
    graph = _as_graph(source)
    kind_weight = {kind: 1.0 for kind in EVIDENCE_KINDS}
    kind_weight.update(weights or {})
    actors = _actors(graph)
    cache: dict[URIRef, dict[str, str]] = {}
    shared: dict[tuple[URIRef, URIRef], set[Evidence]] = defaultdict(set)

    def link(a: URIRef, b: URIRef, kind: str, node: URIRef) -> None:
        if a != b:
            pair = (a, b) if str(a) < str(b) else (b, a)
            shared[pair].add(Evidence(kind, str(node), _attrs(graph, node, cache)["label"]))

    meetings = set(graph.subjects(RDF.type, ADG.Meeting))
    taking_part = {m: _participants(graph, m, actors) for m in meetings}
    for meeting, present in taking_part.items():
        kind = "talk" if (meeting, RDF.type, ADG.BilateralMeeting) in graph else "meeting"
        for a, b in itertools.combinations(sorted(present), 2):
            link(a, b, kind, meeting)
    for decision in graph.subjects(RDF.type, ADG.Decision):
        for meeting in graph.objects(decision, ADG.decidedBy):
            for document in graph.objects(decision, ADG.decisionOn):
                if (document, RDF.type, ADG.Document) not in graph:
                    continue  # a cabinet acknowledging a meeting's results: not a document
                for a, b in itertools.combinations(sorted(taking_part.get(meeting, ())), 2):
                    link(a, b, "document", document)
    for project in graph.subjects(RDF.type, ADG.FundedProject):
        for funder in set(graph.objects(project, SCHEMA.funder)) & actors:
            for recipient in set(graph.objects(project, ADG.recipient)) & actors:
                link(funder, recipient, "project", project)
    for support in graph.subjects(RDF.type, ADG.Support):
        for supporter in set(graph.objects(support, ADG.supporter)) & actors:
            for other in _participants(graph, support, actors):
                link(supporter, other, "support", support)

    network = nx.Graph(name="cooperation")
    for a, b in sorted(shared, key=lambda pair: (str(pair[0]), str(pair[1]))):
        for node in (a, b):
            if node not in network:
                network.add_node(str(node), **_attrs(graph, node, cache))
        evidence = sorted(shared[(a, b)], key=lambda e: (EVIDENCE_KINDS.index(e.kind), e.node))
        counts = {kind: sum(e.kind == kind for e in evidence) for kind in EVIDENCE_KINDS}
        weight = sum(kind_weight[e.kind] for e in evidence)
        network.add_edge(str(a), str(b), weight=weight, evidence=evidence, **counts)
    return network


# --------------------------------------------------------------------------- actors and topics


def actor_topic_graph(source: Graph | Path | str | None = None) -> nx.Graph:
    """Actors and topics (bipartite): an actor is linked to a topic for each meeting, talk or
    support it took part in whose ``dcterms:subject`` is the topic, and for each body
    (an organisation) that itself has the topic as ``dcterms:subject``.

    Node attribute ``bipartite``: ``0`` for actors, ``1`` for topics (networkx's convention),
    and ``kind``: ``"actor"`` or ``"topic"``. Edge attributes: ``weight`` (how many meetings,
    talks, supports or bodies link them) and ``evidence`` (sorted :class:`Evidence` items of
    kind ``meeting``, ``talk``, ``support`` or ``body``).
    """
    graph = _as_graph(source)
    actors = _actors(graph)
    cache: dict[URIRef, dict[str, str]] = {}
    links: dict[tuple[URIRef, URIRef], set[Evidence]] = defaultdict(set)
    for context, topic in graph.subject_objects(DCTERMS.subject):
        if not isinstance(topic, URIRef):
            continue
        types = set(graph.objects(context, RDF.type))
        if ADG.Meeting in types or ADG.Support in types:
            kind = "talk" if ADG.BilateralMeeting in types else "support" if ADG.Support in types else "meeting"
            found = _participants(graph, context, actors)
            if ADG.Support in types:
                found |= set(graph.objects(context, ADG.supporter)) & actors
        elif context in actors:
            kind, found = "body", {context}
        else:
            continue
        label = _attrs(graph, context, cache)["label"]
        for actor in found:
            links[(actor, topic)].add(Evidence(kind, str(context), label))

    bipartite = nx.Graph(name="actor-topic")
    for (actor, topic), evidence in sorted(links.items(), key=lambda item: (str(item[0][0]), str(item[0][1]))):
        if str(actor) not in bipartite:
            bipartite.add_node(str(actor), bipartite=0, kind="actor", **_attrs(graph, actor, cache))
        if str(topic) not in bipartite:
            bipartite.add_node(str(topic), bipartite=1, kind="topic", **_attrs(graph, topic, cache))
        items = sorted(evidence, key=lambda e: (e.kind, e.node))
        bipartite.add_edge(str(actor), str(topic), weight=len(items), evidence=items)
    return bipartite


def topic_projection(bipartite: nx.Graph) -> nx.Graph:
    """Topics linked by the actors they share, from :func:`actor_topic_graph`.

    Edge attributes: ``weight`` (number of actors linked to both topics) and ``actors`` (their
    IRIs, sorted). Topic nodes keep their attributes; topics sharing no actor stay unlinked.
    """
    topics = sorted(n for n, d in bipartite.nodes(data=True) if d.get("bipartite") == 1)
    projection = nx.Graph(name="topic co-occurrence")
    projection.add_nodes_from((t, dict(bipartite.nodes[t])) for t in topics)
    for a, b in itertools.combinations(topics, 2):
        common = sorted(set(bipartite[a]) & set(bipartite[b]))
        if common:
            projection.add_edge(a, b, weight=len(common), actors=common)
    return projection


# --------------------------------------------------------------------------- timeline


def _date(graph: Graph, node: URIRef, prop: URIRef) -> str | None:
    values = sorted(str(v) for v in graph.objects(node, prop) if isinstance(v, Literal))
    return values[0] if values else None


def timeline(source: Graph | Path | str | None = None) -> nx.DiGraph:
    """Meetings and the decisions they took on documents, as a ``DiGraph``.

    Meeting nodes (``kind="meeting"``) carry ``start`` and ``end`` (ISO dates or ``None``),
    ``date`` (``start``, else the date of the meeting it was part of) and ``date_inferred``.
    Document nodes have ``kind="document"``. Edges:

    - meeting -> document, ``relation="decision"``: ``decision`` (IRI), ``decision_kind``
      (label, e.g. ``adopted``), ``date`` (the decision's ``dcterms:date``, else the meeting's);
    - meeting -> meeting, ``relation="decision"`` too when a meeting decided on another one's
      results (a cabinet acknowledging them);
    - meeting -> meeting, ``relation="part_of"`` for ``schema:superEvent``.

    :func:`timeline_rows` lists it in date order.
    """
    graph = _as_graph(source)
    cache: dict[URIRef, dict[str, str]] = {}
    result = nx.DiGraph(name="timeline")
    meetings = sorted(set(graph.subjects(RDF.type, ADG.Meeting)), key=str)
    for meeting in meetings:
        start = _date(graph, meeting, SCHEMA.startDate)
        end = _date(graph, meeting, SCHEMA.endDate)
        result.add_node(str(meeting), kind="meeting", start=start, end=end, date=start,
                        date_inferred=False, **_attrs(graph, meeting, cache))
    for meeting in meetings:
        for parent in sorted(graph.objects(meeting, SCHEMA.superEvent), key=str):
            if str(parent) in result:
                result.add_edge(str(meeting), str(parent), relation="part_of")
                data = result.nodes[str(meeting)]
                if data["date"] is None and result.nodes[str(parent)]["start"]:
                    data["date"], data["date_inferred"] = result.nodes[str(parent)]["start"], True
    for decision in sorted(set(graph.subjects(RDF.type, ADG.Decision)), key=str):
        kind = next(iter(sorted(graph.objects(decision, ADG.decisionKind), key=str)), None)
        kind_label = _attrs(graph, kind, cache)["label"] if kind is not None else ""
        for meeting in graph.objects(decision, ADG.decidedBy):
            if str(meeting) not in result:
                continue
            for target in graph.objects(decision, ADG.decisionOn):
                if str(target) not in result:
                    result.add_node(str(target), kind="document", **_attrs(graph, target, cache))
                date = _date(graph, decision, DCTERMS.date) or result.nodes[str(meeting)]["date"]
                result.add_edge(str(meeting), str(target), relation="decision", decision=str(decision),
                                decision_kind=kind_label, date=date)
    return result


def timeline_rows(timeline_graph: nx.DiGraph) -> list[dict[str, Any]]:
    """One row per dated meeting and per decision, in date order (undated ones last).

    Columns: ``date``, ``event`` (``meeting`` or ``decision``), ``meeting``, ``meeting_label``,
    ``type``, ``decision_kind``, ``document``, ``document_label`` (empty for meetings),
    ``date_inferred``.
    """
    rows: list[dict[str, Any]] = []
    for node, data in timeline_graph.nodes(data=True):
        if data.get("kind") != "meeting":
            continue
        rows.append({"date": data["date"], "event": "meeting", "meeting": node, "meeting_label": data["label"],
                     "type": data["type"], "decision_kind": "", "document": "", "document_label": "",
                     "date_inferred": data["date_inferred"]})
        for _, target, edge in timeline_graph.out_edges(node, data=True):
            if edge["relation"] != "decision":
                continue
            rows.append({"date": edge["date"], "event": "decision", "meeting": node,
                         "meeting_label": data["label"], "type": data["type"],
                         "decision_kind": edge["decision_kind"], "document": target,
                         "document_label": timeline_graph.nodes[target]["label"],
                         "date_inferred": data["date_inferred"] and edge["date"] == data["date"]})
    rows.sort(key=lambda r: (r["date"] is None, r["date"] or "", r["meeting_label"], r["event"] != "meeting",
                             r["document_label"]))
    return rows


# --------------------------------------------------------------------------- measures


def pagerank(graph: nx.Graph, *, alpha: float = 0.85, weight: str | None = "weight",
             tol: float = 1.0e-10, max_iter: int = 1000) -> dict[str, float]:
    """PageRank by power iteration, as networkx defines it (uniform teleport, dangling nodes'
    rank spread uniformly), without needing SciPy (which ``networkx.pagerank`` requires).

    An undirected graph is walked both ways; with ``weight`` a walker leaves a node along an edge
    with probability proportional to the edge's weight.
    """
    nodes = list(graph)
    n = len(nodes)
    if n == 0:
        return {}
    directed = graph.to_directed() if not graph.is_directed() else graph
    out: dict[str, dict[str, float]] = {u: defaultdict(float) for u in nodes}
    for u, v, data in directed.edges(data=True):
        out[u][v] += float(data.get(weight, 1.0)) if weight else 1.0
    totals = {u: sum(out[u].values()) for u in nodes}
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        dangling = sum(rank[u] for u in nodes if totals[u] == 0)
        new = dict.fromkeys(nodes, (1.0 - alpha) / n + alpha * dangling / n)
        for u in nodes:
            if totals[u]:
                share = alpha * rank[u] / totals[u]
                for v, w in out[u].items():
                    new[v] += share * w
        if sum(abs(new[u] - rank[u]) for u in nodes) < n * tol:
            return new
        rank = new
    raise nx.PowerIterationFailedConvergence(max_iter)


def _communities(graph: nx.Graph, weight: str | None) -> dict[str, int]:
    """Greedy modularity communities (deterministic), numbered 1.. from the largest."""
    if graph.number_of_edges() == 0:
        groups = [{n} for n in graph]
    else:
        groups = nx.community.greedy_modularity_communities(graph, weight=weight)
    ordered = sorted(groups, key=lambda g: (-len(g), min(graph.nodes[n].get("label", n) for n in g)))
    return {node: number for number, group in enumerate(ordered, 1) for node in group}


def measures(graph: nx.Graph, *, weight: str = "weight", top: int | None = None) -> list[dict[str, Any]]:
    """One row per node: ``node``, ``label``, ``label_th``, ``type``, ``degree``,
    ``weighted_degree``, ``betweenness``, ``pagerank``, ``community``.

    ``degree`` counts neighbours; ``weighted_degree`` sums edge weights; ``betweenness`` is
    networkx's normalised betweenness on hop counts (weights are strengths, not distances);
    ``pagerank`` is :func:`pagerank` with the weights; ``community`` numbers greedy-modularity
    communities from the largest (1). Rows are sorted by weighted degree, PageRank, label.

    :param top: keep only the first ``top`` rows.
    """
    undirected = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    if undirected.is_multigraph():
        undirected = nx.Graph(undirected)
    between = nx.betweenness_centrality(undirected, normalized=True)
    ranks = pagerank(undirected, weight=weight)
    community = _communities(undirected, weight)
    rows = []
    for node, data in undirected.nodes(data=True):
        rows.append({
            "node": node,
            "label": data.get("label", node),
            "label_th": data.get("label_th", ""),
            "type": data.get("type", ""),
            "degree": undirected.degree(node),
            "weighted_degree": undirected.degree(node, weight=weight),
            "betweenness": between[node],
            "pagerank": ranks[node],
            "community": community[node],
        })
    rows.sort(key=lambda r: (-r["weighted_degree"], -r["pagerank"], r["label"], r["node"]))
    return rows[:top] if top is not None else rows


def community_rows(graph: nx.Graph, *, weight: str = "weight") -> list[dict[str, Any]]:
    """One row per community: ``community`` (1 = largest), ``size``, ``members`` (labels,
    sorted) and ``nodes`` (IRIs, in the same order)."""
    number = _communities(graph, weight)
    groups: dict[int, list[str]] = defaultdict(list)
    for node, index in number.items():
        groups[index].append(node)
    rows = []
    for index in sorted(groups):
        members = sorted(groups[index], key=lambda n: (graph.nodes[n].get("label", n), n))
        rows.append({"community": index, "size": len(members),
                     "members": [graph.nodes[n].get("label", n) for n in members], "nodes": members})
    return rows


def topic_rows(bipartite: nx.Graph, *, top: int | None = None) -> list[dict[str, Any]]:
    """One row per topic of :func:`actor_topic_graph`: ``node``, ``label``, ``label_th``,
    ``actors`` (how many actors), ``links`` (sum of edge weights: actor-context pairs) and
    ``contexts`` (distinct meetings, talks, supports, bodies), sorted by actors, links, label."""
    rows = []
    for node, data in bipartite.nodes(data=True):
        if data.get("bipartite") != 1:
            continue
        contexts = {e.node for _, _, edge in bipartite.edges(node, data=True) for e in edge["evidence"]}
        rows.append({"node": node, "label": data["label"], "label_th": data.get("label_th", ""),
                     "actors": bipartite.degree(node), "links": bipartite.degree(node, weight="weight"),
                     "contexts": len(contexts)})
    rows.sort(key=lambda r: (-r["actors"], -r["links"], r["label"], r["node"]))
    return rows[:top] if top is not None else rows


def edge_rows(graph: nx.Graph) -> list[dict[str, Any]]:
    """One row per edge of :func:`cooperation_network`: ``source``, ``target`` (labels),
    ``weight``, the counts per evidence kind, and ``evidence`` as ``"kind: label; ..."``;
    sorted by weight, then labels."""
    rows = []
    for a, b, data in graph.edges(data=True):
        la, lb = sorted((graph.nodes[a]["label"], graph.nodes[b]["label"]))
        row = {"source": la, "target": lb, "weight": data["weight"]}
        row.update({kind: data[kind] for kind in EVIDENCE_KINDS if kind in data})
        row["evidence"] = "; ".join(f"{e.kind}: {e.label}" for e in data.get("evidence", []))
        rows.append(row)
    rows.sort(key=lambda r: (-r["weight"], r["source"], r["target"]))
    return rows


# --------------------------------------------------------------------------- Gephi


def _flat(value: Any) -> str | int | float | bool | None:
    if value is None:
        return None
    if isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Evidence):
        return f"{value.kind}: {value.label} <{value.node}>"
    if isinstance(value, (list, tuple, set)):
        return "; ".join(str(_flat(v)) for v in value)
    return str(value)


def _flattened(graph: nx.Graph) -> nx.Graph:
    """A copy whose attributes are all strings or numbers (GraphML and GEXF take no lists)."""
    copy = graph.__class__()
    copy.graph.update({k: v for k, v in ((k, _flat(v)) for k, v in graph.graph.items()) if v is not None})
    for node, data in graph.nodes(data=True):
        copy.add_node(node, **{k: v for k, v in ((k, _flat(v)) for k, v in data.items()) if v is not None})
    edges = graph.edges(keys=True, data=True) if graph.is_multigraph() else ((a, b, None, d) for a, b, d in graph.edges(data=True))
    for a, b, key, data in edges:
        attrs = {k: v for k, v in ((k, _flat(v)) for k, v in data.items()) if v is not None}
        if key is None:
            copy.add_edge(a, b, **attrs)
        else:
            copy.add_edge(a, b, key=key, **attrs)
    return copy


def write_gephi(graph: nx.Graph, out_dir: Path | str, stem: str) -> list[Path]:
    """Write ``<stem>.graphml`` and ``<stem>.gexf`` for Gephi; lists and evidence become
    ``"; "``-joined strings. Returns the two paths."""
    flat = _flattened(graph)
    out = Path(out_dir)
    paths = [out / f"{stem}.graphml", out / f"{stem}.gexf"]
    with atomic_path(paths[0]) as temp:
        nx.write_graphml(flat, temp, encoding="utf-8")
    with atomic_path(paths[1]) as temp:
        nx.write_gexf(flat, temp, encoding="utf-8")
    return paths
