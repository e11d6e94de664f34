"""adgmin_kg.analysis, adgmin_kg.figures and ``adgmin-kg analyze``.

Known answers come from the hand-made graph tests/fixtures/analysis/small.trig (its header
says what is in it); every expected number below is worked out by hand in a comment.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import warnings
from pathlib import Path

import networkx as nx
import pytest

from adgmin_kg import analysis
from adgmin_kg.analysis import AnalysisError, Evidence

SMALL = Path(__file__).parent / "fixtures" / "analysis" / "small.trig"
ID = "https://w3id.org/adgmin-kg/id/"
TH, JP, CN, MY = (ID + f"country/{c}" for c in ("thailand", "japan", "china", "malaysia"))
ITU, FUND, WG = ID + "org/itu", ID + "org/asean-ict-fund", ID + "org/wg-anti-scam"
CYBER, G5, SCAMS, CAPACITY = (ID + f"topic/{t}" for t in ("cybersecurity", "5g", "online-scams", "capacity-building"))
ADGMIN1 = ID + "meeting/adgmin-1"
MASTERPLAN = ID + "document/masterplan"

# a "Glyph ... missing from font(s)" UserWarning fails every test of this module
pytestmark = pytest.mark.filterwarnings("error:Glyph:UserWarning")


@pytest.fixture(scope="module")
def small():
    return analysis.load_graph(SMALL)


@pytest.fixture(scope="module")
def coop(small):
    return analysis.cooperation_network(small)


@pytest.fixture(scope="module")
def bipartite(small):
    return analysis.actor_topic_graph(small)


# --------------------------------------------------------------------------- loading


def test_load_graph_reads_a_build_folder_or_a_file(tmp_path):
    (tmp_path / "kg.trig").write_text(SMALL.read_text(encoding="utf-8"), encoding="utf-8")
    assert len(analysis.load_graph(tmp_path)) == len(analysis.load_graph(SMALL)) > 100


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing", None, "no such graph file or build folder"),
        ("graph.csv", "a,b\n", "unknown RDF file type"),
        ("broken.ttl", "this is not turtle .", "cannot read the graph"),
    ],
)
def test_load_graph_errors_are_one_line(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(AnalysisError, match=message) as caught:
        analysis.load_graph(path)
    assert "\n" not in str(caught.value)
    assert caught.value.exit_code == 2


# --------------------------------------------------------------------------- whole graph


def test_whole_graph_has_readable_nodes_and_no_provenance(small):
    g = analysis.to_networkx(small)
    assert isinstance(g, nx.MultiDiGraph)
    assert g.nodes[TH] == {"iri": TH, "label": "Thailand", "label_en": "Thailand", "label_th": "ไทย",
                           "label_short": "Thailand", "type": "Country"}
    assert g.nodes[ITU]["label_short"] == "ITU"  # its label is longer than 24 characters
    assert g.nodes[ADGMIN1]["type"] == "MinisterialMeeting"  # the most specific of its classes
    assert g.nodes[CYBER]["type"] == "Topic"
    assert not any("statement/" in n for n in g)
    # the triple is in two release graphs: one edge that lists both
    edges = g.get_edge_data(ADGMIN1, TH)
    assert list(edges) == ["adg:participant"]
    assert edges["adg:participant"]["graphs"] == [
        "https://w3id.org/adgmin-kg/graph/release/test-1", "https://w3id.org/adgmin-kg/graph/release/test-2"]
    assert not any(key == "rdf:type" for _, _, key in g.edges(keys=True))


def test_whole_graph_keeps_provenance_on_request(small):
    g = analysis.to_networkx(small, provenance=True)
    statement = ID + "statement/test-1/000000000001"
    assert g.nodes[statement]["type"] == "Statement"
    assert g.has_edge(statement, ADGMIN1, key="rdf:subject")


# --------------------------------------------------------------------------- cooperation network


def test_cooperation_edges_carry_their_evidence(coop):
    # Thailand-Japan: ADGMIN 1 (Japan through its attendance node), their talk, and the
    # Masterplan that ADGMIN 1 adopted: 3. Thailand-ITU: ADGMIN 1, the Masterplan, the support: 3.
    # Japan-ITU: ADGMIN 1 and the Masterplan: 2. One talk each with China and Malaysia, the
    # Fund's project for Thailand: 1 each. The minister (a post) and the working group (in
    # nothing shared) are not nodes. The cabinet's decision on the Masterplan has no participants.
    expected = {
        frozenset((TH, JP)): (3, {"meeting": 1, "talk": 1, "document": 1}),
        frozenset((TH, ITU)): (3, {"meeting": 1, "document": 1, "support": 1}),
        frozenset((JP, ITU)): (2, {"meeting": 1, "document": 1}),
        frozenset((TH, CN)): (1, {"talk": 1}),
        frozenset((TH, MY)): (1, {"talk": 1}),
        frozenset((TH, FUND)): (1, {"project": 1}),
    }
    assert set(coop.nodes) == {TH, JP, CN, MY, ITU, FUND}
    assert {frozenset(e) for e in coop.edges} == set(expected)
    for a, b, data in coop.edges(data=True):
        weight, counts = expected[frozenset((a, b))]
        assert data["weight"] == weight
        assert {k: v for k, v in data.items() if k in analysis.EVIDENCE_KINDS and v} == counts
        assert len(data["evidence"]) == weight
    assert coop.edges[TH, JP]["evidence"] == [
        Evidence("meeting", ADGMIN1, "1st ASEAN Digital Ministers' Meeting"),
        Evidence("talk", ID + "meeting/adgmin-1-talk-japan-thailand", "Bilateral talk Thailand–Japan during ADGMIN 1"),
        Evidence("document", MASTERPLAN, "ASEAN Digital Masterplan 2025"),
    ]


def test_cooperation_weights_per_kind(small):
    network = analysis.cooperation_network(small, weights={"document": 0, "meeting": 0.5})
    assert network.edges[TH, JP]["weight"] == 1.5  # 0.5 meeting + 1 talk + 0 document
    assert network.edges[TH, ITU]["weight"] == 1.5  # 0.5 meeting + 0 document + 1 support


def test_measures_known_answers(coop):
    rows = {r["node"]: r for r in analysis.measures(coop)}
    # degree = neighbours; weighted degree = sum of the edge weights above
    assert {n: r["degree"] for n, r in rows.items()} == {TH: 5, JP: 2, ITU: 2, CN: 1, MY: 1, FUND: 1}
    assert {n: r["weighted_degree"] for n, r in rows.items()} == {TH: 9, JP: 5, ITU: 5, CN: 1, MY: 1, FUND: 1}
    # Betweenness: Thailand is on the only shortest path of the pairs among China, Malaysia,
    # Fund (3 pairs) and of each of them with Japan or ITU (3 x 2 = 6 pairs); Japan-ITU is a
    # direct edge. 9 pairs of (n-1)(n-2)/2 = 5*4/2 = 10: normalised 0.9; everyone else 0.
    assert rows[TH]["betweenness"] == pytest.approx(0.9)
    assert all(rows[n]["betweenness"] == 0 for n in (JP, ITU, CN, MY, FUND))
    # PageRank, alpha 0.85, N = 6, teleport (1 - 0.85)/6 = 0.025. By symmetry t (Thailand),
    # j (Japan = ITU), l (China = Malaysia = Fund). A walker leaves Thailand (weighted degree 9)
    # for Japan or ITU with 3/9 each, for a leaf with 1/9; Japan (5) for Thailand with 3/5 and ITU
    # with 2/5; a leaf always for Thailand:
    #   l = 0.025 + 0.85 t/9
    #   j = 0.025 + 0.85 (3t/9 + 2j/5)   =>  j = (0.025 + 17t/60) / 0.66
    #   t + 2j + 3l = 1                   =>  t (1 + 85/99 + 17/60) = 1 - 5/66 - 3/40
    #   t = (1121/1320) / (4241/1980) = 3363/8482 = 0.396487
    #   j = (0.025 + 17/60 * 0.396487) / 0.66 = 0.208088,  l = 0.025 + 0.85 * 0.396487 / 9 = 0.062446
    #   check: 0.396487 + 2 * 0.208088 + 3 * 0.062446 = 1.000001
    assert rows[TH]["pagerank"] == pytest.approx(3363 / 8482, abs=1e-5)
    assert rows[JP]["pagerank"] == rows[ITU]["pagerank"] == pytest.approx(0.208088, abs=1e-5)
    for leaf in (CN, MY, FUND):
        assert rows[leaf]["pagerank"] == pytest.approx(0.062446, abs=1e-5)
    # rows come sorted by weighted degree, then PageRank, then label
    ordered = analysis.measures(coop)
    assert [r["label"] for r in ordered[:3]] == ["Thailand", "International Telecommunication Union", "Japan"]
    assert [r["label"] for r in analysis.measures(coop, top=2)] == ["Thailand", "International Telecommunication Union"]
    assert set(ordered[0]) == {"node", "label", "label_th", "type", "degree", "weighted_degree",
                               "betweenness", "pagerank", "community"}


def test_pagerank_of_a_star():
    # Star with centre c and 3 leaves, alpha 0.85, N = 4:
    #   leaf = 0.15/4 + 0.85 c/3 ;  c = 0.15/4 + 0.85 * 3 leaf
    #   leaf = 0.0375 + 0.28333 (0.0375 + 2.55 leaf)  =>  0.2775 leaf = 0.048125
    #   leaf = 0.173423,  c = 1 - 3 * 0.173423 = 0.479730
    ranks = analysis.pagerank(nx.star_graph(3))
    assert ranks[0] == pytest.approx(0.479730, abs=1e-5)
    assert all(ranks[i] == pytest.approx(0.173423, abs=1e-5) for i in (1, 2, 3))


def test_pagerank_spreads_dangling_nodes_uniformly():
    # a -> b, b dangling, alpha 0.85: a = 0.075 + 0.85 b/2 ; b = 0.075 + 0.85 (a + b/2), a + b = 1
    #   a = 0.075 + 0.425 (1 - a)  =>  1.425 a = 0.5  =>  a = 0.350877, b = 0.649123
    ranks = analysis.pagerank(nx.DiGraph([("a", "b")]))
    assert ranks["a"] == pytest.approx(0.350877, abs=1e-5)
    assert ranks["b"] == pytest.approx(0.649123, abs=1e-5)


def test_pagerank_agrees_with_networkx(coop):
    pytest.importorskip("scipy")  # networkx.pagerank needs SciPy; ours does not
    ours = analysis.pagerank(coop)
    theirs = nx.pagerank(coop, weight="weight", tol=1e-10)  # as precise as ours, so they can be compared to 1e-6
    assert ours == pytest.approx(theirs, abs=1e-6)


def test_communities_of_two_triangles_joined_by_a_bridge():
    # modularity is highest with each triangle a community
    g = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("c", "d"), ("d", "e"), ("e", "f"), ("d", "f")])
    nx.set_node_attributes(g, {n: n.upper() for n in g}, "label")
    rows = analysis.community_rows(g)
    assert [(r["community"], r["size"], r["members"]) for r in rows] == [(1, 3, ["A", "B", "C"]), (2, 3, ["D", "E", "F"])]
    by_node = {r["node"]: r["community"] for r in analysis.measures(g)}
    assert by_node == {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2, "f": 2}


# --------------------------------------------------------------------------- actors and topics


def test_actor_topic_graph(bipartite):
    # ADGMIN 1 (cybersecurity, 5G) links Thailand, Japan and ITU to both; the talks add
    # Thailand+Japan-cybersecurity, Thailand+China-5G, Thailand+Malaysia-scams; the support
    # links ITU (supporter) and Thailand to capacity building; the working group has its own topic.
    actors = {n: bipartite.degree(n) for n, d in bipartite.nodes(data=True) if d["bipartite"] == 0}
    topics = {n: bipartite.degree(n) for n, d in bipartite.nodes(data=True) if d["bipartite"] == 1}
    assert actors == {TH: 4, JP: 2, ITU: 3, CN: 1, MY: 1, WG: 1}
    assert topics == {CYBER: 3, G5: 4, SCAMS: 3, CAPACITY: 2}
    assert bipartite.edges[TH, CYBER]["weight"] == 2  # ADGMIN 1 and the talk with Japan
    assert bipartite.edges[TH, G5]["weight"] == 2
    assert bipartite.edges[JP, G5]["weight"] == 1
    assert [e.kind for e in bipartite.edges[WG, SCAMS]["evidence"]] == ["body"]
    assert [e.kind for e in bipartite.edges[ITU, CAPACITY]["evidence"]] == ["support"]
    assert nx.is_bipartite(bipartite)


def test_topic_projection_counts_shared_actors(bipartite):
    projection = analysis.topic_projection(bipartite)
    weights = {frozenset((a, b)): d["weight"] for a, b, d in projection.edges(data=True)}
    # cyber {TH JP ITU}, 5G {TH JP ITU CN}, scams {TH MY WG}, capacity {TH ITU}
    assert weights == {
        frozenset((CYBER, G5)): 3, frozenset((CYBER, SCAMS)): 1, frozenset((CYBER, CAPACITY)): 2,
        frozenset((G5, SCAMS)): 1, frozenset((G5, CAPACITY)): 2, frozenset((SCAMS, CAPACITY)): 1,
    }
    assert projection.edges[CYBER, CAPACITY]["actors"] == sorted([TH, ITU])


def test_topic_rows(bipartite):
    rows = analysis.topic_rows(bipartite)
    assert [(r["label"], r["actors"], r["links"], r["contexts"]) for r in rows] == [
        ("5G", 4, 5, 2),              # ADGMIN 1 (TH JP ITU) + the China talk (TH CN): 3 + 2 links
        ("Cybersecurity", 3, 5, 2),   # ADGMIN 1 (TH JP ITU) + the Japan talk (TH JP): 3 + 2 links
        ("Online scams", 3, 3, 2),    # the Malaysia talk (TH MY) + the working group
        ("Capacity building", 2, 2, 1),
    ]
    assert rows[1]["label_th"] == "ความมั่นคงปลอดภัยไซเบอร์"


# --------------------------------------------------------------------------- timeline


def test_timeline(small):
    t = analysis.timeline(small)
    talk = ID + "meeting/adgmin-1-talk-japan-thailand"
    assert t.nodes[talk]["date"] == "2021-01-22" and t.nodes[talk]["date_inferred"] is True
    assert t.edges[talk, ADGMIN1]["relation"] == "part_of"
    assert t.edges[ADGMIN1, MASTERPLAN]["decision_kind"] == "adopted"
    rows = analysis.timeline_rows(t)
    # undated talks take the date of the meeting they were part of; the cabinet's decision has
    # no date of its own and takes its meeting's
    assert [(r["date"], r["event"], r["decision_kind"]) for r in rows] == [
        ("2021-01-22", "meeting", ""), ("2021-01-22", "decision", "adopted"),
        ("2021-01-22", "meeting", ""), ("2021-01-22", "meeting", ""), ("2021-01-22", "meeting", ""),
        ("2021-03-01", "meeting", ""), ("2021-03-01", "decision", "acknowledged"),
    ]
    assert rows[-1]["document_label"] == "ASEAN Digital Masterplan 2025"


# --------------------------------------------------------------------------- Gephi


def test_gephi_files_keep_thai_labels_and_evidence(coop, tmp_path):
    graphml, gexf = analysis.write_gephi(coop, tmp_path, "cooperation")
    assert graphml.name == "cooperation.graphml" and gexf.name == "cooperation.gexf"
    back = nx.read_graphml(graphml)
    assert back.nodes[JP]["label_th"] == "ญี่ปุ่น"
    assert back.edges[TH, JP]["weight"] == 3
    assert back.edges[TH, JP]["evidence"].startswith("meeting: 1st ASEAN Digital Ministers' Meeting <")
    assert nx.read_gexf(gexf).number_of_edges() == 6
    assert not list(tmp_path.glob(".*"))  # no temporary files left


# --------------------------------------------------------------------------- figures


def _ink_top(text: str) -> int:
    """The highest row with ink when ``text`` is drawn at 60 pt (smaller = higher)."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from adgmin_kg import figures

    figures.use_thai_font()
    fig = Figure(figsize=(3, 2), dpi=100)
    canvas = FigureCanvasAgg(fig)
    fig.text(0.1, 0.3, text, fontsize=60)
    canvas.draw()
    red = np.asarray(canvas.buffer_rgba())[:, :, 0]
    return int(np.where((red < 128).any(axis=1))[0].min())


def test_thai_font_comes_with_the_package():
    from matplotlib import font_manager

    from adgmin_kg import figures

    families = figures.use_thai_font()
    assert families[0] == "Noto Sans Thai"
    path = figures.font_path()
    assert path.is_file() and "fontpkg_noto_sans_thai" in str(path)
    found = font_manager.findfont(font_manager.FontProperties(family="Noto Sans Thai"), fallback_to_default=False)
    assert Path(found) == path


def test_thai_tone_marks_stack_above_vowels():
    # With shaping, the tone mark of ที่ sits on top of the vowel ี (ink reaches higher than ที),
    # and in ท่ (no vowel above) it sits lower, where the vowel would be.
    assert _ink_top("ที่") < _ink_top("ที") - 8
    assert _ink_top("ท่") > _ink_top("ที่") + 5


def test_missing_glyphs_fail_the_tests():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from adgmin_kg import figures

    figures.use_thai_font()
    fig = Figure()
    canvas = FigureCanvasAgg(fig)
    fig.text(0.5, 0.5, "\u6f22")  # a Chinese character: in neither font
    with pytest.raises(UserWarning, match="Glyph"):
        canvas.draw()


def test_cooperation_figure_on_the_small_graph(coop, tmp_path):
    from adgmin_kg import figures

    fig = figures.draw_cooperation(coop)
    assert fig.dropped_labels == []
    assert figures.label_overlaps(fig) == []
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert "Japan\nญี่ปุ่น" in labels
    assert "ITU\nสหภาพโทรคมนาคม\nระหว่างประเทศ" in labels  # Thai wrapped between words
    png, svg = figures.save(fig, tmp_path, "cooperation")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "<svg" in svg.read_text(encoding="utf-8")[:500]


def test_actor_topic_figure_on_the_small_graph(bipartite):
    from adgmin_kg import figures

    fig = figures.draw_actor_topic(bipartite)
    assert figures.label_overlaps(fig) == []
    rows = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert any(r.startswith("Cybersecurity  ความมั่นคงปลอดภัยไซเบอร์") for r in rows)
    columns = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert len(columns) == min(20, sum(1 for _, d in bipartite.nodes(data=True) if d.get("bipartite") == 0))
    # a cell for each link drawn, numbered with its weight
    cells = [t.get_text() for t in fig.axes[0].texts]
    shown = {(a, t) for a in (n for n, d in bipartite.nodes(data=True) if d.get("bipartite") == 0)
             for t in bipartite[a]}
    assert len(cells) == len(shown) and all(c.replace(".", "").isdigit() for c in cells)


def _legend_texts(fig) -> list[str]:
    return [t.get_text() for legend in fig.legends for t in legend.get_texts()]


def test_every_figure_has_a_legend(coop, bipartite):
    from adgmin_kg import figures

    cooperation = _legend_texts(figures.draw_cooperation(coop))
    assert "country" in cooperation and "… and held a bilateral talk" in cooperation
    matrix = _legend_texts(figures.draw_actor_topic(bipartite))
    assert "country" in matrix and "9 or more" in matrix


def test_one_colour_per_meaning():
    """No line or cell of a figure takes a colour that a kind of actor has."""
    from matplotlib.colors import to_hex

    from adgmin_kg import figures

    kinds = {to_hex(c) for c in figures.TYPE_COLOURS.values()}
    assert figures.TALK_COLOUR not in kinds and figures.LINK_COLOUR not in kinds
    fig = figures.draw_actor_topic(analysis.actor_topic_graph(SMALL))
    image = fig.axes[0].images[0]
    shades = {to_hex(image.cmap(k)) for k in range(image.cmap.N)}
    assert not shades & kinds


def test_a_host_is_in_the_cooperation_network():
    """A release may name the host of a meeting without listing it among those present."""
    from rdflib import Graph, Literal, Namespace, RDF, RDFS

    adg, idn = Namespace("https://w3id.org/adgmin-kg/ontology#"), Namespace("https://w3id.org/adgmin-kg/id/")
    graph = Graph()
    for country in ("japan", "thailand", "philippines"):
        graph.add((idn[f"country/{country}"], RDF.type, adg.Country))
        graph.add((idn[f"country/{country}"], RDFS.label, Literal(country.title(), lang="en")))
    meeting = idn["meeting/adgmin-3"]
    graph.add((meeting, RDF.type, adg.Meeting))
    graph.add((meeting, adg.participant, idn["country/japan"]))
    graph.add((meeting, adg.participant, idn["country/thailand"]))
    graph.add((meeting, adg.hostCountry, idn["country/philippines"]))
    network = analysis.cooperation_network(graph)
    host = str(idn["country/philippines"])
    assert host in network and set(network[host]) == {str(idn["country/japan"]), str(idn["country/thailand"])}


def test_wrap_label_keeps_thai_marks_with_their_letters():
    from adgmin_kg import figures

    wrapped = figures.wrap_label("หน่วยงานกำกับดูแลกิจการโทรคมนาคมแห่งราชอาณาจักรกัมพูชา", 16, max_lines=2)
    assert len(wrapped.split("\n")) == 2
    for line in wrapped.split("\n"):
        assert not line[0] in "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c"
    assert figures.wrap_label("Japan", 16) == "Japan"


@pytest.fixture(scope="module")
def corpus():
    return analysis.load_graph()  # build/, built when missing or stale


def test_figures_of_the_corpus_are_legible(corpus):
    from adgmin_kg import figures

    network = analysis.cooperation_network(corpus)
    fig = figures.draw_cooperation(network)
    assert figures.label_overlaps(fig) == []
    top = [r["node"] for r in analysis.measures(network, top=10)]
    assert not set(fig.dropped_labels) & set(top)  # the ten strongest actors are all labelled
    assert "Thailand\nไทย" in {t.get_text() for t in fig.axes[0].texts}
    topic_fig = figures.draw_actor_topic(analysis.actor_topic_graph(corpus))
    assert figures.label_overlaps(topic_fig) == []
    hosts = {str(o) for o in corpus.objects(None, analysis.ADG.hostCountry)}
    hosting = {str(o) for m, o in corpus.subject_objects(analysis.ADG.hostCountry)
               if any(True for _ in corpus.objects(m, analysis.ADG.participant))}
    assert hosting and hosting <= set(network), hosts - set(network)  # the hosts of meetings people attended


# --------------------------------------------------------------------------- command line


def _run(argv: list[str]) -> int:
    from adgmin_kg.cli import analysis as cli_analysis

    parser = argparse.ArgumentParser(prog="adgmin-kg")
    cli_analysis.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.handler(args)


def test_analyze_prints_top_actors_and_writes_files(tmp_path, capsys):
    assert _run(["analyze", "--graph", str(SMALL), "--out", str(tmp_path), "--top", "3"]) == 0
    out = capsys.readouterr().out
    assert "Top 3 actors" in out and "Top 3 topics" in out
    lines = out.splitlines()
    assert lines[3].split()[:2] == ["1", "Thailand"]  # title, header, rule, first row
    names = {p.name for p in tmp_path.iterdir()}
    stems = ("cooperation", "actor-topic", "topics", "kg")
    assert names == {f"{s}.{e}" for s in stems for e in ("graphml", "gexf")} | {
        f"{s}.{e}" for s in stems[:2] for e in ("png", "svg")}
    assert "Thailand" in (tmp_path / "cooperation.graphml").read_text(encoding="utf-8")


def test_analyze_rejects_a_bad_top():
    with pytest.raises(AnalysisError, match="--top"):
        _run(["analyze", "--graph", str(SMALL), "--top", "0"])


def test_analyze_is_registered_with_the_cli():
    from adgmin_kg import cli

    if "analyze" not in cli.parser()._subparsers._group_actions[0].choices:  # type: ignore[union-attr]
        pytest.skip("adgmin_kg/cli/__init__.py does not register adgmin_kg.cli.analysis yet")
    try:
        cli.parser().parse_args(["analyze", "--help"])
    except SystemExit as done:
        assert done.code == 0
        return
    pytest.fail("analyze --help did not exit")  # pragma: no cover


def test_cli_module_imports_no_heavy_library():
    code = ("import sys, adgmin_kg.cli.analysis; "
            "print(sorted(m for m in ('matplotlib', 'networkx', 'rdflib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_no_glyph_warning_is_silenced():
    # the module's filter turns the warning into an error; make sure it is active here
    with pytest.raises(UserWarning):
        warnings.warn("Glyph 1 (X) missing from font(s) test.", UserWarning)
