"""Network analysis of the view graph: projections, bridging people, communities, attendance.

Every function takes a view graph (:mod:`samgraf.graph.viewgraph`) and returns a networkx
graph, a pandas DataFrame or text; nothing is written.
"""
from __future__ import annotations

from collections import defaultdict

import networkx as nx
import pandas as pd

PROJECTIONS = ("view", "person-body", "organisation-body")


def _meeting_body(view: nx.MultiDiGraph) -> dict[str, str]:
    return {v: u for u, v, k in view.edges(data="kind") if k == "held"}


def _add(graph: nx.Graph, view: nx.MultiDiGraph, node: str) -> None:
    if node not in graph:
        graph.add_node(node, kind=view.nodes[node]["kind"], label=view.nodes[node]["label"])


def person_body_graph(view: nx.MultiDiGraph) -> nx.Graph:
    """Bipartite persons-bodies: an edge when a person attended a meeting of the body (``weight`` = meetings)."""
    body_of = _meeting_body(view)
    graph = nx.Graph()
    for person, meeting, kind in view.edges(data="kind"):
        if kind == "attended" and meeting in body_of:
            body = body_of[meeting]
            _add(graph, view, person)
            _add(graph, view, body)
            weight = graph.edges[person, body]["weight"] + 1 if graph.has_edge(person, body) else 1
            graph.add_edge(person, body, weight=weight)
    return graph


def organisation_body_graph(view: nx.MultiDiGraph) -> nx.Graph:
    """Bipartite organisations-bodies: ``weight`` = attendances by the organisation's representatives."""
    body_of = _meeting_body(view)
    orgs = defaultdict(set)
    for person, org, kind in view.edges(data="kind"):
        if kind == "represents":
            orgs[person].add(org)
    graph = nx.Graph()
    for person, meeting, kind in view.edges(data="kind"):
        if kind == "attended" and meeting in body_of:
            for org in orgs[person]:
                body = body_of[meeting]
                _add(graph, view, org)
                _add(graph, view, body)
                weight = graph.edges[org, body]["weight"] + 1 if graph.has_edge(org, body) else 1
                graph.add_edge(org, body, weight=weight)
    return graph


def projection(view: nx.MultiDiGraph, name: str) -> nx.Graph:
    """The graph named ``name``: ``view`` itself, ``person-body`` or ``organisation-body``."""
    if name == "view":
        return view
    if name == "person-body":
        return person_body_graph(view)
    if name == "organisation-body":
        return organisation_body_graph(view)
    raise ValueError(f"unknown projection {name!r}; use one of {', '.join(PROJECTIONS)}")


def centrality(graph: nx.Graph, kind: str | None = None) -> pd.DataFrame:
    """Betweenness, degree and number of body neighbours per node, most bridging first.

    On a person-body or organisation-body graph, high betweenness means the node links
    bodies that would otherwise have little in common. ``kind`` keeps only nodes of that kind.
    """
    simple = nx.Graph(graph) if graph.is_multigraph() or graph.is_directed() else graph
    simple = nx.Graph(simple.to_undirected()) if simple.is_directed() else simple
    between = nx.betweenness_centrality(simple)
    rows = []
    for node, data in graph.nodes(data=True):
        if kind and data.get("kind") != kind:
            continue
        bodies = sum(1 for n in simple[node] if graph.nodes[n].get("kind") == "body")
        rows.append({"node": node, "label": data.get("label", node), "kind": data.get("kind"),
                     "betweenness": between.get(node, 0.0), "degree": simple.degree(node), "bodies": bodies})
    frame = pd.DataFrame(rows, columns=["label", "kind", "betweenness", "degree", "bodies", "node"])
    return frame.sort_values(["betweenness", "degree", "label"], ascending=[False, False, True]).reset_index(drop=True)


def communities(graph: nx.Graph, method: str = "louvain", seed: int = 1) -> pd.DataFrame:
    """Community of every node (``louvain`` or ``greedy`` modularity), largest community first (0)."""
    simple = nx.Graph(graph.to_undirected()) if graph.is_directed() else nx.Graph(graph)
    if simple.number_of_edges() == 0:
        groups = [{n} for n in simple]
    elif method == "louvain":
        groups = nx.community.louvain_communities(simple, weight="weight", seed=seed)
    elif method == "greedy":
        groups = nx.community.greedy_modularity_communities(simple, weight="weight")
    else:
        raise ValueError(f"unknown community method {method!r}; use louvain or greedy")
    groups = sorted(groups, key=lambda g: (-len(g), min(map(str, g))))
    rows = [{"node": node, "label": graph.nodes[node].get("label", node), "kind": graph.nodes[node].get("kind"),
             "community": index, "community_size": len(group)}
            for index, group in enumerate(groups) for node in sorted(group, key=str)]
    return pd.DataFrame(rows, columns=["label", "kind", "community", "community_size", "node"])


def attendance_table(view: nx.MultiDiGraph) -> pd.DataFrame:
    """One row per person and meeting: organisation, meeting, body, date, person, status (present/absent)."""
    body_of = _meeting_body(view)
    orgs = defaultdict(list)
    for person, org, kind in view.edges(data="kind"):
        if kind == "represents":
            orgs[person].append(view.nodes[org]["label"])
    rows = []
    for person, meeting, data in view.edges(data=True):
        if data["kind"] in ("attended", "absent_from"):
            meeting_data = view.nodes[meeting]
            body = body_of.get(meeting)
            rows.append({"organisation": (sorted(set(orgs[person])) or ["(no organisation)"])[0],
                         "meeting": meeting_data["label"], "body": view.nodes[body]["label"] if body else "",
                         "date": meeting_data["details"].get("date", ""), "protocol": data["protocol"],
                         "person": view.nodes[person]["label"],
                         "status": "present" if data["kind"] == "attended" else "absent"})
    frame = pd.DataFrame(rows, columns=["organisation", "meeting", "body", "date", "protocol", "person", "status"])
    return frame.drop_duplicates().sort_values(["organisation", "date", "meeting", "status", "person"]).reset_index(drop=True)


def attendance_matrix(view: nx.MultiDiGraph) -> pd.DataFrame:
    """Organisation x meeting: who was present (``present: A, B``) and absent (``absent: C``); '' when nobody."""
    table = attendance_table(view)
    meetings = table.sort_values(["date", "meeting"])["meeting"].drop_duplicates().tolist()
    cells: dict = defaultdict(lambda: defaultdict(list))
    for row in table.itertuples():
        cells[(row.organisation, row.meeting)][row.status].append(row.person)
    organisations = sorted(table["organisation"].unique())
    data = {meeting: ["; ".join(f"{status}: {', '.join(names)}" for status, names in sorted(
        cells[(org, meeting)].items(), key=lambda kv: kv[0] != "present")) for org in organisations]
        for meeting in meetings}
    frame = pd.DataFrame(data, index=pd.Index(organisations, name="organisation"), columns=meetings)
    return frame


def attendance_counts(view: nx.MultiDiGraph) -> pd.DataFrame:
    """Organisation x meeting: number of representatives present (0 when none)."""
    table = attendance_table(view)
    present = table[table["status"] == "present"]
    return pd.crosstab(present["organisation"], present["meeting"]).reindex(
        columns=table.sort_values(["date", "meeting"])["meeting"].drop_duplicates().tolist(), fill_value=0)


def exportable(graph: nx.Graph) -> nx.Graph:
    """A copy with scalar attributes only (``details`` flattened to ``detail_*``): what GraphML/GEXF can hold."""
    flat = graph.__class__()
    for node, data in graph.nodes(data=True):
        attrs = {k: str(v) for k, v in data.items() if k != "details" and v is not None}
        attrs.update({f"detail_{k}": str(v) for k, v in data.get("details", {}).items()})
        flat.add_node(node, **attrs)
    if graph.is_multigraph():
        for u, v, key, data in graph.edges(keys=True, data=True):
            flat.add_edge(u, v, key=str(key), **{k: v2 for k, v2 in data.items() if v2 is not None})
    else:
        flat.add_edges_from(graph.edges(data=True))
    return flat


def graphml_text(graph: nx.Graph) -> str:
    """The graph as GraphML text."""
    return "\n".join(nx.generate_graphml(exportable(graph))) + "\n"


def gexf_text(graph: nx.Graph) -> str:
    """The graph as GEXF text (Gephi)."""
    return "\n".join(nx.generate_gexf(exportable(graph))) + "\n"


def edge_table(graph: nx.Graph) -> pd.DataFrame:
    """Every edge with its attributes (the CSV export of a graph)."""
    rows = [{"source": u, "target": v, **{k: val for k, val in d.items()}} for u, v, d in graph.edges(data=True)]
    return pd.DataFrame(rows)
