"""Figures of the analysis views, with Thai labels in Noto Sans Thai.

The font comes with the ``fontpkg-noto-sans-thai`` package (no system font is needed);
:func:`use_thai_font` registers it with matplotlib and makes it the first font of every text,
with DejaVu Sans (matplotlib's own) as the fallback for any glyph it lacks. matplotlib 3.11
shapes text with libraqm, so Thai vowels and tone marks stack as they should.

Figures are made with :class:`matplotlib.figure.Figure` and an Agg canvas, never with pyplot,
so nothing here touches a global figure manager or needs a display; in a notebook a returned
figure shows itself. Labels are placed one by one, most important node first, at the first
spot around the node that overlaps no other label and no other node; a label that finds no
free spot is left out (and listed in ``figure.dropped_labels``), never drawn over another.

>>> from adgmin_kg import analysis, figures
>>> fig = figures.draw_cooperation(analysis.cooperation_network())   # doctest: +SKIP
>>> figures.save(fig, "build/analysis", "cooperation")                # doctest: +SKIP
[PosixPath('build/analysis/cooperation.png'), PosixPath('build/analysis/cooperation.svg')]
"""

from __future__ import annotations

import math
import textwrap
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import matplotlib
import networkx as nx
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from adgmin_kg.analysis import AnalysisError
from adgmin_kg.atomic import atomic_path

__all__ = [
    "FONT_FAMILY",
    "TYPE_COLOURS",
    "draw_actor_topic",
    "draw_cooperation",
    "font_path",
    "label_overlaps",
    "save",
    "use_thai_font",
    "wrap_label",
]

FONT_FAMILY = "Noto Sans Thai"
FALLBACK_FAMILY = "DejaVu Sans"

#: Node colours by type (the ``type`` attribute of :func:`adgmin_kg.analysis.node_labels`). One
#: colour, one meaning, in every figure: no line or cell takes a colour a kind of node has.
TYPE_COLOURS = {
    "Country": "#2b6cb0",
    "IntergovernmentalOrganisation": "#dd6b20",
    "Fund": "#2f855a",
    "Ministry": "#805ad5",
    "WorkingGroup": "#805ad5",
    "Organization": "#805ad5",
    "Topic": "#4a5568",
}
_TYPE_NAMES = {
    "Country": "country",
    "IntergovernmentalOrganisation": "intergovernmental organisation",
    "Fund": "fund",
    "Ministry": "ministry, regulator or other organisation",
}
_OTHER_COLOUR = "#805ad5"
#: Lines of the cooperation network: grey for meetings and documents shared, magenta when the
#: two also held a bilateral talk (no node colour is magenta).
LINK_COLOUR = "#718096"
TALK_COLOUR = "#d53f8c"


# --------------------------------------------------------------------------- fonts


def font_path() -> Path:
    """The Noto Sans Thai font file installed with ``fontpkg-noto-sans-thai``.

    :raises AnalysisError: when the package is not installed.
    """
    try:
        import fontpkg

        return Path(fontpkg.path(FONT_FAMILY))
    except ImportError:
        pass
    except Exception as error:  # fontpkg's own errors: family not installed, no such weight
        raise AnalysisError(f"cannot find the font {FONT_FAMILY}: {error} (pip install fontpkg-noto-sans-thai)") from None
    raise AnalysisError(f"the font {FONT_FAMILY} is not installed: pip install fontpkg-noto-sans-thai")


@cache
def _register() -> str:
    font_manager.fontManager.addfont(str(font_path()))
    return FONT_FAMILY


def use_thai_font() -> list[str]:
    """Register Noto Sans Thai with matplotlib and make it the font of all text (labels, titles,
    tick labels, legends), with DejaVu Sans as the fallback. Returns the family list.

    Idempotent; it changes ``matplotlib.rcParams`` (``font.family``, ``svg.fonttype``), as a
    notebook would, so figures drawn with pyplot afterwards use the font too.
    """
    _register()
    families = [FONT_FAMILY, FALLBACK_FAMILY]
    matplotlib.rcParams["font.family"] = families
    matplotlib.rcParams["svg.fonttype"] = "path"  # glyphs as outlines: the SVG needs no font
    return families


# --------------------------------------------------------------------------- labels


def _graphemes(text: str) -> list[str]:
    """Characters with their combining marks (Thai vowels above and below, tone marks)."""
    clusters: list[str] = []
    for char in text:
        if clusters and (unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me")):
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters


def _thai_words(text: str) -> list[str]:
    try:
        from pythainlp.tokenize import word_tokenize
    except ImportError:  # optional: without it, long Thai labels are cut at a character
        return _graphemes(text)
    return [w for w in word_tokenize(text, engine="newmm", keep_whitespace=True) if w]


def wrap_label(text: str, width: int = 22, max_lines: int = 2) -> str:
    """Wrap a label to lines of about ``width`` characters, at spaces or, in Thai (which has
    no spaces between words), at word boundaries (PyThaiNLP when installed, else between
    characters, never between a letter and its vowel or tone mark). Text beyond ``max_lines``
    ends with an ellipsis.

    >>> wrap_label("International Telecommunication Union", 20)
    'International\\nTelecommunication Union'
    """
    text = " ".join(text.split())
    if _length(text) <= width:
        return text
    if any("\u0e00" <= c <= "\u0e7f" for c in text):
        pieces: list[str] = []
        for i, chunk in enumerate(text.split(" ")):
            if i:
                pieces.append(" ")
            pieces.extend(_thai_words(chunk) if _length(chunk) > width else [chunk])
        lines, line = [], ""
        for piece in pieces:
            if line and _length(line + piece) > width:
                lines.append(line.strip())
                line = piece.lstrip()
            else:
                line += piece
        if line.strip():
            lines.append(line.strip())
    else:
        lines = textwrap.wrap(text, width) or [text]
    if len(lines) > max_lines:
        last = _graphemes(lines[max_lines - 1])
        lines = lines[: max_lines - 1] + ["".join(last[: max(1, width - 1)]).rstrip() + "…"]
    return "\n".join(lines)


def _length(text: str) -> int:
    return len(_graphemes(text))


def label_overlaps(figure: Figure, *, pad: float = 0.0) -> list[tuple[str, str]]:
    """Pairs of visible texts of the figure whose boxes overlap (in display pixels).

    Tick labels, titles, legend texts and node labels are all checked; a test asserts none.
    """
    canvas = figure.canvas if isinstance(figure.canvas, FigureCanvasAgg) else FigureCanvasAgg(figure)
    renderer = canvas.get_renderer()
    figure.draw_without_rendering()
    texts = [t for t in figure.findobj(Text) if t.get_visible() and t.get_text().strip()]
    boxes = [(t.get_text(), t.get_window_extent(renderer).expanded(1 + pad, 1 + pad)) for t in texts]
    found = []
    for i, (a, box_a) in enumerate(boxes):
        for b, box_b in boxes[i + 1:]:
            if box_a.overlaps(box_b):
                found.append((a, b))
    return found


# --------------------------------------------------------------------------- figure helpers


def _new_figure(width: float, height: float) -> tuple[Figure, Any]:
    use_thai_font()
    figure = Figure(figsize=(width, height), dpi=100, layout=None)
    FigureCanvasAgg(figure)
    return figure, figure.canvas.get_renderer()


def _colour(node_type: str) -> str:
    return TYPE_COLOURS.get(node_type, _OTHER_COLOUR)


def _node_label(data: dict[str, Any], width: int) -> str:
    english = data.get("label_short") or data.get("label", "")
    thai = data.get("label_th", "")
    lines = [wrap_label(english, width)]
    if thai and thai != english:
        lines.append(wrap_label(thai, width))
    return "\n".join(lines)


_DIRECTIONS = (  # (dx, dy, ha, va): right, left, above, below, then the diagonals
    (1, 0, "left", "center"), (-1, 0, "right", "center"), (0, 1, "center", "bottom"),
    (0, -1, "center", "top"), (0.75, 0.75, "left", "bottom"), (-0.75, 0.75, "right", "bottom"),
    (0.75, -0.75, "left", "top"), (-0.75, -0.75, "right", "top"),
    (0.4, 0.9, "left", "bottom"), (-0.4, 0.9, "right", "bottom"),
    (0.4, -0.9, "left", "top"), (-0.4, -0.9, "right", "top"),
)


def _place_labels(
    ax: Any,
    renderer: Any,
    items: Sequence[tuple[str, tuple[float, float], float, str]],
    node_boxes: dict[str, Bbox],
    *,
    fontsize: float,
) -> list[str]:
    """Put each ``(node, xy, marker radius in points, text)`` label beside its node, most
    important first, where it overlaps no placed label, no other node and stays in the axes;
    in a cluster too dense for that, over other nodes (on its white box), still clear of every
    other label. Returns the nodes whose label found no place."""
    placed: list[Bbox] = []
    area = ax.get_window_extent(renderer)
    dropped = []
    for node, xy, radius, text in items:
        others = [b for n, b in node_boxes.items() if n != node]
        box = _place_label(ax, renderer, node, xy, radius, text, fontsize, placed, others, area)
        box = box or _place_label(ax, renderer, node, xy, radius, text, fontsize, placed, [], area)
        if box is None:
            dropped.append(node)
        else:
            placed.append(box)
    return dropped


def _place_label(ax: Any, renderer: Any, node: str, xy: tuple[float, float], radius: float, text: str,
                 fontsize: float, labels: list[Bbox], nodes: list[Bbox], area: Bbox) -> Bbox | None:
    """The first spot, nearest first, where the label is inside ``area`` and clear of ``labels``
    and ``nodes``; the label is left drawn there. None when there is no such spot."""
    for distance in (radius + 3, radius + 12, radius + 26, radius + 45, radius + 70, radius + 100):
        for dx, dy, ha, va in _DIRECTIONS:
            label = ax.annotate(
                text, xy=xy, xytext=(dx * distance, dy * distance), textcoords="offset points",
                ha=ha, va=va, fontsize=fontsize, color="#1a202c", zorder=5,
                linespacing=1.05,
                bbox={"boxstyle": "round,pad=0.12", "fc": "white", "ec": "none", "alpha": 0.8},
                arrowprops=None if distance <= radius + 3 else
                {"arrowstyle": "-", "color": "#a0aec0", "lw": 0.6, "shrinkA": 0, "shrinkB": radius},
            )
            box = label.get_window_extent(renderer)
            clash = (
                box.x0 < area.x0 or box.x1 > area.x1 or box.y0 < area.y0 or box.y1 > area.y1
                or any(box.overlaps(other) for other in labels)
                or any(box.overlaps(b) for b in nodes)
            )
            if not clash:
                return box
            label.remove()
    return None


def save(figure: Figure, out_dir: Path | str, stem: str, formats: Iterable[str] = ("png", "svg"),
         *, dpi: int = 150) -> list[Path]:
    """Write ``<stem>.png`` and ``<stem>.svg`` (or the given formats) into ``out_dir``,
    each to a temporary file first. Returns the paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for fmt in formats:
        path = out / f"{stem}.{fmt}"
        with atomic_path(path, suffix=f".{fmt}") as temp:
            figure.savefig(temp, format=fmt, dpi=dpi, facecolor="white",
                           metadata={"Software": None} if fmt == "png" else {"Date": None})
        paths.append(path)
    return paths


# --------------------------------------------------------------------------- cooperation network


def draw_cooperation(
    network: nx.Graph,
    *,
    top: int = 30,
    seed: int = 7,
    title: str = "Who cooperates with whom in ASEAN digital cooperation",
    width: float = 13.0,
    height: float = 9.5,
) -> Figure:
    """Draw :func:`adgmin_kg.analysis.cooperation_network`: node area by weighted degree,
    colour by type, edge width by weight; the ``top`` actors by weighted degree are labelled
    in English and Thai. The layout is a seeded spring layout (the same figure every time).

    The figure's ``dropped_labels`` lists the labelled-to-be nodes that found no free spot.
    """
    from adgmin_kg.analysis import measures

    figure, renderer = _new_figure(width, height)
    ax = figure.add_axes((0.01, 0.075, 0.98, 0.83))
    ax.set_axis_off()
    figure.suptitle(title, fontsize=15, x=0.02, ha="left", y=0.975)
    figure.text(0.02, 0.925, "node area: weighted degree; line width: meetings attended together, bilateral "
                "talks, documents decided together, projects, support", fontsize=9, color="#4a5568")
    if network.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no cooperation found", ha="center", va="center", transform=ax.transAxes)
        figure.dropped_labels = []  # type: ignore[attr-defined]
        return figure
    rows = measures(network)
    strength = {r["node"]: r["weighted_degree"] for r in rows}
    biggest = max(strength.values()) or 1.0
    n = network.number_of_nodes()
    pos = nx.spring_layout(network, weight=None, seed=seed, k=3.5 / math.sqrt(n), iterations=300)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    ax.set_xlim(min(xs) - 0.17 * span_x, max(xs) + 0.17 * span_x)
    ax.set_ylim(min(ys) - 0.1 * span_y, max(ys) + 0.1 * span_y)

    weights = [d["weight"] for _, _, d in network.edges(data=True)]
    heaviest = max(weights) if weights else 1.0
    for a, b, data in sorted(network.edges(data=True), key=lambda e: e[2]["weight"]):
        share = data["weight"] / heaviest
        talk = data.get("talk", 0) > 0
        ax.plot([pos[a][0], pos[b][0]], [pos[a][1], pos[b][1]], color=TALK_COLOUR if talk else LINK_COLOUR,
                lw=0.6 + 5.5 * share, alpha=0.35 + 0.35 * share, zorder=1, solid_capstyle="round")

    sizes = {node: 100 + 1500 * strength[node] / biggest for node in network}
    order = [r["node"] for r in rows]
    ax.scatter([pos[v][0] for v in order], [pos[v][1] for v in order], s=[sizes[v] for v in order],
               c=[_colour(network.nodes[v].get("type", "")) for v in order], edgecolors="white",
               linewidths=1.5, zorder=3)
    figure.draw_without_rendering()
    scale = figure.dpi / 72.0
    node_boxes = {}
    for node in network:
        x, y = ax.transData.transform(pos[node])
        r = math.sqrt(sizes[node]) / 2 * scale
        node_boxes[node] = Bbox.from_extents(x - r, y - r, x + r, y + r)
    items = [(node, tuple(pos[node]), math.sqrt(sizes[node]) / 2, _node_label(network.nodes[node], 20))
             for node in order[:top]]
    figure.dropped_labels = _place_labels(ax, renderer, items, node_boxes, fontsize=10)  # type: ignore[attr-defined]

    types = sorted({network.nodes[v].get("type", "") for v in network},
                   key=lambda t: list(_TYPE_NAMES).index(t) if t in _TYPE_NAMES else 99)
    handles = []
    seen = set()
    for node_type in types:
        name = _TYPE_NAMES.get(node_type, _TYPE_NAMES["Ministry"])
        if name in seen:
            continue
        seen.add(name)
        handles.append(Line2D([], [], marker="o", ls="", ms=9, mfc=_colour(node_type), mec="white", label=name))
    handles += [
        Line2D([], [], color=LINK_COLOUR, lw=3, label="met together, decided documents together"),
        Line2D([], [], color=TALK_COLOUR, lw=3, label="… and held a bilateral talk"),
    ]
    figure.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.01, 0.0), ncol=3, fontsize=9,
                  frameon=False, columnspacing=1.5)
    return figure


# --------------------------------------------------------------------------- actor-topic map


def draw_actor_topic(
    bipartite: nx.Graph,
    *,
    top_actors: int = 20,
    top_topics: int = 32,
    title: str = "Which actors discussed which topics",
) -> Figure:
    """Draw :func:`adgmin_kg.analysis.actor_topic_graph` as a sorted matrix: a row per topic
    (most actors first), a column per actor (most topics first), a cell where an actor
    discussed a topic, darker and numbered by the meetings, talks and supports it rests on.
    Labels sit on their own row or column, so none can overlap; a marker under each actor
    gives its kind (the colours of :data:`TYPE_COLOURS`), and the figure carries a legend for
    both. Only the top actors and topics are drawn.
    """
    from matplotlib.colors import BoundaryNorm, ListedColormap
    from matplotlib.patches import Patch

    from adgmin_kg.analysis import topic_rows

    actors_all = [n for n, d in bipartite.nodes(data=True) if d.get("bipartite") == 0]
    actors = sorted(actors_all, key=lambda n: (-bipartite.degree(n), -bipartite.degree(n, weight="weight"),
                                               bipartite.nodes[n]["label"]))[:top_actors]
    topics = [r["node"] for r in topic_rows(bipartite, top=top_topics)]
    topics_all = sum(1 for d in bipartite.nodes.values() if d.get("bipartite") == 1)
    n_rows, n_cols = max(len(topics), 1), max(len(actors), 1)
    cell = 0.3  # inches
    left, right, top_in, bottom = 4.6, 0.4, 2.9, 1.7
    width, height = left + right + cell * n_cols, top_in + bottom + cell * n_rows
    figure, _ = _new_figure(max(width, 9.0), height)
    width = max(width, 9.0)
    ax = figure.add_axes((left / width, bottom / height, cell * n_cols / width, cell * n_rows / height))
    figure.suptitle(title, fontsize=15, x=0.02, ha="left", y=1 - 0.22 / height, va="top")
    figure.text(0.02, 1 - 0.62 / height,
                f"{len(actors)} of {len(actors_all)} actors (most topics first), {len(topics)} of {topics_all} "
                "topics (most actors first); a cell: the actor discussed the topic", fontsize=9,
                color="#4a5568", va="top")
    weights = [[0.0] * n_cols for _ in range(n_rows)]
    for i, topic in enumerate(topics):
        for j, actor in enumerate(actors):
            if bipartite.has_edge(actor, topic):
                weights[i][j] = float(bipartite.edges[actor, topic].get("weight", 1))
    heaviest = max((w for row in weights for w in row), default=1.0) or 1.0
    bounds = [0.5, 1.5, 2.5, 4.5, 8.5, max(heaviest, 8.5) + 0.5]
    # greys, as the links of the cooperation network: no kind of actor is grey
    shades = ListedColormap(["#e2e8f0", "#cbd5e0", "#a0aec0", "#718096", "#2d3748"])
    shades.set_under("white")
    norm = BoundaryNorm(bounds, shades.N)
    ax.imshow(weights, cmap=shades, norm=norm, aspect="auto", interpolation="nearest")
    for i in range(n_rows):
        for j in range(n_cols):
            if weights[i][j]:
                dark = weights[i][j] > 4.5
                ax.text(j, i, f"{weights[i][j]:g}", ha="center", va="center", fontsize=7,
                        color="white" if dark else "#1a202c")
    ax.set_xticks([x - 0.5 for x in range(n_cols + 1)], minor=True)
    ax.set_yticks([y - 0.5 for y in range(n_rows + 1)], minor=True)
    ax.grid(which="minor", color="#e2e8f0", lw=0.6)
    ax.tick_params(which="both", length=0)
    ax.set_xticks(range(len(actors)))
    ax.set_xticklabels([f"{wrap_label(bipartite.nodes[a].get('label_short') or bipartite.nodes[a]['label'], 26, 1)} "
                        f"({bipartite.degree(a)})" for a in actors],
                       rotation=90, ha="center", va="bottom", fontsize=9)
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(topics)))
    ax.set_yticklabels([f"{bipartite.nodes[t]['label']}" + (f"  {bipartite.nodes[t]['label_th']}"
                        if bipartite.nodes[t].get("label_th") else "") + f"  ({bipartite.degree(t)})"
                        for t in topics], fontsize=9)
    for spine in ax.spines.values():
        spine.set_color("#cbd5e0")
    # the kind of each actor: a marker in its colour under its column
    ax.scatter(range(len(actors)), [n_rows - 0.5 + 0.45] * len(actors), marker="s", s=40, clip_on=False,
               c=[_colour(bipartite.nodes[a].get("type", "")) for a in actors], zorder=4)
    ax.set_ylim(n_rows - 0.5, -0.5)
    kinds = []
    for actor in actors:
        name = _TYPE_NAMES.get(bipartite.nodes[actor].get("type", ""), _TYPE_NAMES["Ministry"])
        if name not in [k for k, _ in kinds]:
            kinds.append((name, _colour(bipartite.nodes[actor].get("type", ""))))
    handles = [Line2D([], [], marker="s", ls="", ms=8, mfc=colour, mec=colour, label=name) for name, colour in kinds]
    figure.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.01, 0.6 / height), ncol=len(handles),
                          fontsize=8.5, frameon=False, columnspacing=1.2, title="kind of actor (the square under its column)",
                          title_fontsize=8.5, alignment="left")
    counts = ["1", "2", "3-4", "5-8", "9 or more"]
    figure.legend(handles=[Patch(fc=shades(k), ec="#cbd5e0", lw=0.5, label=counts[k]) for k in range(shades.N)],
                  loc="lower left", bbox_to_anchor=(0.01, 0.0), ncol=shades.N, fontsize=8.5, frameon=False,
                  columnspacing=1.2, title="a cell: meetings, talks and supports in which the actor discussed the topic",
                  title_fontsize=8.5, alignment="left")
    _fit_left_margin(figure, ax, cell * n_cols, right)
    figure.dropped_labels = []  # type: ignore[attr-defined]
    return figure


def _fit_left_margin(figure: Figure, ax: Any, grid_width: float, right: float) -> None:
    """Widen the figure so the row labels left of ``ax`` fit, keeping the grid's size in inches."""
    renderer = figure.canvas.get_renderer()
    figure.draw_without_rendering()
    labels = [t.get_window_extent(renderer).width for t in ax.get_yticklabels() if t.get_text()]
    needed = (max(labels, default=0) / figure.dpi) + 0.35
    width = max(needed + grid_width + right, figure.get_figwidth())
    left = width - right - grid_width
    height = figure.get_figheight()
    figure.set_size_inches(width, height)
    box = ax.get_position()
    ax.set_position((left / width, box.y0, grid_width / width, box.height))
