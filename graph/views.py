"""Render a view graph as one self-contained, offline HTML page (vis-network from pyvis 0.3.2).

pyvis's own page links Bootstrap from a CDN even with ``cdn_resources="in_line"`` and adds
nodes one call at a time, so the page is built from our template instead: the vis-network
JavaScript and CSS that pyvis bundles are inlined, node positions are computed here and
drawn fixed (physics off), and every protocol text reaches the page as JSON data that the
script puts into the DOM as text nodes, never as HTML.
"""
from __future__ import annotations

import json
import math
import random
from collections import defaultdict
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import networkx as nx
import pyvis
from jinja2 import Environment, select_autoescape
from markupsafe import Markup

VIS_DIR = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
DEFAULT_MAX_NODES = 6000
BETWEENNESS_LIMIT = 1500
SPRING_LIMIT = 400
BACKBONE_SIZE = 250
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
MAX_EVIDENCE = 25

KIND_STYLES = {
    "body": {"name": "Body", "color": "#d62728", "border": "#8b1a1a", "shape": "diamond", "glyph": "\u25c6"},
    "meeting": {"name": "Meeting", "color": "#ff7f0e", "border": "#a65208", "shape": "square", "glyph": "\u25a0"},
    "item": {"name": "Agenda item", "color": "#9aa0a6", "border": "#5f6368", "shape": "hexagon", "glyph": "\u2b22"},
    "decision": {"name": "Decision", "color": "#9467bd", "border": "#5b3a80", "shape": "star", "glyph": "\u2605"},
    "agreement": {"name": "Agreement", "color": "#8c564b", "border": "#553129", "shape": "triangleDown", "glyph": "\u25bc"},
    "organisation": {"name": "Organisation", "color": "#2ca02c", "border": "#1a661a", "shape": "triangle", "glyph": "\u25b2"},
    "person": {"name": "Person", "color": "#1f77b4", "border": "#124a70", "shape": "dot", "glyph": "\u25cf"},
}


@dataclass
class PreparedView:
    """A view graph ready to draw: the (possibly aggregated) graph and what was done to it."""

    graph: nx.MultiDiGraph
    notices: list[str]


# ---------------------------------------------------------------- aggregation

def merge_nodes(graph: nx.MultiDiGraph, mapping: dict, what: str) -> nx.MultiDiGraph:
    """A copy of ``graph`` where each node in ``mapping`` is replaced by its target node.

    Edges are re-pointed (self loops dropped); targets record how many nodes they stand for.
    """
    merged = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        if node not in mapping:
            merged.add_node(node, **{**data, "details": dict(data["details"])})
    stands_for: dict = defaultdict(int)
    for node, target in mapping.items():
        stands_for[target] += 1
        if target not in merged:
            merged.add_node(target, kind="organisation", label=target.split(":", 1)[1], details={})
    for target, count in stands_for.items():
        merged.nodes[target]["details"][f"stands for {what}"] = str(count)
    for u, v, data in graph.edges(data=True):
        u2, v2 = mapping.get(u, u), mapping.get(v, v)
        if u2 != v2:
            merged.add_edge(u2, v2, **data)
    return merged


def aggregate_persons(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Persons replaced by the organisation they represent (``(no organisation)`` when none)."""
    mapping = {}
    for node, kind in graph.nodes(data="kind"):
        if kind == "person":
            orgs = sorted(v for _, v, k in graph.out_edges(node, data="kind") if k == "represents")
            mapping[node] = orgs[0] if orgs else "organisation:(no organisation)"
    return merge_nodes(graph, mapping, "persons")


def aggregate_items(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Agenda items and decisions replaced by the meeting that handled them."""
    mapping = {}
    for node, kind in graph.nodes(data="kind"):
        if kind == "item":
            meetings = [u for u, _, k in graph.in_edges(node, data="kind") if k == "on_agenda"]
            if meetings:
                mapping[node] = meetings[0]
    for node, kind in graph.nodes(data="kind"):
        if kind == "decision":
            meetings = [u for u, _, k in graph.in_edges(node, data="kind") if k == "decided"]
            if meetings:
                mapping[node] = meetings[0]
    return merge_nodes(graph, mapping, "items and decisions")


def prepare_view(graph: nx.MultiDiGraph, max_nodes: int = DEFAULT_MAX_NODES) -> PreparedView:
    """Aggregate ``graph`` step by step until it has at most ``max_nodes`` nodes, saying what was done."""
    original = graph.number_of_nodes()
    done: list[str] = []
    steps = (
        (aggregate_persons, "persons are shown as the organisations they represent"),
        (aggregate_items, "agenda items and decisions as the meetings that handled them"),
    )
    for step, what in steps:
        if graph.number_of_nodes() <= max_nodes:
            break
        graph = step(graph)
        done.append(what)
    notices = [f"Aggregated view: the full graph has {original:,} nodes, more than the {max_nodes:,} that can be "
               f"drawn usefully, so {' and '.join(done)} ({graph.number_of_nodes():,} nodes drawn). "
               "Narrow it with filters (body, organisation, person, agreement, period) to see every node."] if done else []
    return PreparedView(graph, notices)


# ---------------------------------------------------------------- layout

def _simple_undirected(graph: nx.Graph) -> nx.Graph:
    simple = nx.Graph()
    simple.add_nodes_from(graph)
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    return simple


def spring_positions(graph: nx.Graph, scale: float, seed: int) -> dict:
    """networkx Fruchterman-Reingold (the dense numpy variant: for small graphs)."""
    simple = _simple_undirected(graph)
    if simple.number_of_nodes() == 0:
        return {}
    pos = nx.spring_layout(simple, seed=seed, iterations=100, scale=scale, weight="weight",
                           k=2.0 / math.sqrt(simple.number_of_nodes()))
    return {n: (float(x), float(y)) for n, (x, y) in pos.items()}


def backbone_positions(graph: nx.Graph, scale: float, seed: int) -> dict:
    """Linear-time layout for big graphs: the best-connected nodes by spring layout, the rest around them.

    The backbone (highest degree) is laid out on the graph of hubs weighted by shared
    neighbours; then, breadth first, each other node goes on a sunflower spiral around the
    node it was reached from. Components without a hub start on an outer ring.
    """
    simple = _simple_undirected(graph)
    rng = random.Random(seed)
    degree = dict(simple.degree())
    hubs = sorted(simple, key=lambda n: (-degree[n], str(n)))[:BACKBONE_SIZE]
    hub_set = set(hubs)
    hub_graph = nx.Graph()
    hub_graph.add_nodes_from(hubs)
    hub_graph.add_edges_from(((u, v) for u, v in simple.edges(hubs) if v in hub_set), weight=3)
    for node in simple:
        if node not in hub_set:
            near = [n for n in simple[node] if n in hub_set][:8]
            for i, a in enumerate(near):
                for b in near[i + 1:]:
                    weight = hub_graph.edges[a, b]["weight"] + 1 if hub_graph.has_edge(a, b) else 1
                    hub_graph.add_edge(a, b, weight=weight)
    pos = spring_positions(hub_graph, scale, seed)

    order = list(hubs)
    seen = set(hubs)
    for component in nx.connected_components(simple):
        if not component & hub_set:
            start = min(component, key=lambda n: (-degree[n], str(n)))
            angle = rng.uniform(0, 2 * math.pi)
            pos[start] = (1.3 * scale * math.cos(angle), 1.3 * scale * math.sin(angle))
            order.append(start)
            seen.add(start)
    children: dict = defaultdict(list)
    index = 0
    while index < len(order):
        node = order[index]
        index += 1
        for neighbour in simple[node]:
            if neighbour not in seen:
                seen.add(neighbour)
                children[node].append(neighbour)
                order.append(neighbour)
    spacing = 40.0
    for node in order:
        kids = children.get(node)
        if not kids:
            continue
        cx, cy = pos[node]
        radius = spacing * math.sqrt(len(kids)) * 1.1
        turn = rng.uniform(0, 2 * math.pi)
        for i, kid in enumerate(kids):
            r = spacing + radius * math.sqrt((i + 0.5) / len(kids))
            a = turn + i * GOLDEN_ANGLE
            pos[kid] = (cx + r * math.cos(a), cy + r * math.sin(a))
    return pos


def layout_positions(graph: nx.Graph, seed: int = 7) -> dict:
    """Positions (x, y) in screen units for every node: spring layout when small, backbone when big."""
    n = graph.number_of_nodes()
    if n <= SPRING_LIMIT:
        return spring_positions(graph, 50.0 * math.sqrt(max(n, 4)), seed)
    return backbone_positions(graph, 60.0 * math.sqrt(BACKBONE_SIZE) * 3, seed)


def importance(graph: nx.Graph) -> tuple[dict, str]:
    """Node importance for sizing: betweenness (sampled above 300 nodes) up to a limit, else degree."""
    simple = _simple_undirected(graph)
    n = simple.number_of_nodes()
    if 0 < n <= BETWEENNESS_LIMIT:
        k = None if n <= 300 else 300
        scores = nx.betweenness_centrality(simple, k=k, seed=11)
        return {node: 1.0 + 100.0 * math.sqrt(s) for node, s in scores.items()}, "betweenness (who bridges bodies)"
    return {node: math.sqrt(1.0 + d) for node, d in simple.degree()}, "degree (number of relations)"


# ---------------------------------------------------------------- page

def _detail_rows(details: dict) -> list[list[str]]:
    return [[key.replace("_", " ").capitalize(), str(value)] for key, value in details.items()]


def collapse_edges(graph: nx.MultiDiGraph) -> list[dict]:
    """One drawn edge per (source, target, kind), carrying every piece of evidence behind it."""
    grouped: dict = {}
    for u, v, data in graph.edges(data=True):
        key = (u, v, data["kind"])
        entry = grouped.setdefault(key, {"label": data["label"], "evidence": [], "seen": set()})
        evidence = (data.get("protocol", ""), data.get("date", ""), data.get("quote", ""))
        if evidence not in entry["seen"] and len(entry["evidence"]) < MAX_EVIDENCE:
            entry["seen"].add(evidence)
            entry["evidence"].append(list(evidence))
    return [{"source": u, "target": v, "kind": kind, "label": e["label"], "evidence": e["evidence"]}
            for (u, v, kind), e in grouped.items()]


def script_json(value) -> str:
    """JSON that is safe inside a ``<script>`` element (no ``<``, ``>``, ``&`` or line separators)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def _vis_assets() -> tuple[str, str]:
    js = (VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")
    js = js.replace("//# sourceMappingURL=vis-network.min.js.map", "")
    css = (VIS_DIR / "vis-network.css").read_text(encoding="utf-8")
    return js, css


def vis_options(node_count: int) -> dict:
    """vis-network options: physics off, fixed positions, lighter drawing for big graphs."""
    big = node_count > 1000
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": not big, "tooltipDelay": 120, "hideEdgesOnDrag": big,
                        "hideEdgesOnZoom": big, "multiselect": True},
        "nodes": {"font": {"size": 14, "face": "system-ui, Arial"}, "borderWidth": 1,
                  "scaling": {"min": 9, "max": 45, "label": {"enabled": True, "min": 10, "max": 36,
                                                              "drawThreshold": 9}}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.45}}, "smooth": False,
                  "color": {"color": "#9a9a9a", "highlight": "#333", "hover": "#333"}, "width": 1,
                  "font": {"size": 10, "align": "middle", "color": "#555", "strokeWidth": 2},
                  "scaling": {"label": {"drawThreshold": 8}}},
    }


def render_view(graph: nx.MultiDiGraph, title: str = "samgraf view", *, subtitle: str = "",
                max_nodes: int = DEFAULT_MAX_NODES, seed: int = 7) -> str:
    """The view of ``graph`` as a self-contained HTML page (a string; nothing is written)."""
    prepared = prepare_view(graph, max_nodes)
    drawn = prepared.graph
    ids = {node: i for i, node in enumerate(drawn.nodes())}
    positions = layout_positions(drawn, seed)
    scores, importance_name = importance(drawn)
    for body, meeting, kind in drawn.edges(data="kind"):  # a deciding body is never drawn smaller than its meetings
        if kind == "held":
            scores[body] = max(scores.get(body, 1.0), scores.get(meeting, 1.0))
    nodes = []
    for node, data in drawn.nodes(data=True):
        x, y = positions.get(node, (0.0, 0.0))
        rows = _detail_rows(data["details"])
        nodes.append({"id": ids[node], "kind": data["kind"], "label": data["label"],
                      "x": round(x, 1), "y": round(y, 1), "value": round(scores.get(node, 1.0), 3),
                      "details": rows,
                      "search": " ".join([data["label"]] + [r[1] for r in rows]).lower()})
    edges = [{"id": i, "from": ids[e["source"]], "to": ids[e["target"]], "kind": e["kind"],
              "label": e["label"], "evidence": e["evidence"]}
             for i, e in enumerate(collapse_edges(drawn))]
    kinds = {k: v for k, v in KIND_STYLES.items()}
    data = {"nodes": nodes, "edges": edges, "kinds": kinds, "options": vis_options(len(nodes))}
    js, css = _vis_assets()
    summary = f"{len(nodes):,} nodes, {len(edges):,} relations"
    if subtitle:
        summary = f"{subtitle} · {summary}"
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    template = env.from_string(files("samgraf.graph").joinpath("templates/view.html").read_text(encoding="utf-8"))
    return template.render(title=title, summary=summary, notices=prepared.notices, importance=importance_name,
                           data_json=Markup(script_json(data)), vis_js=Markup(js), vis_css=Markup(css))
