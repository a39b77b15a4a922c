"""Decisions over time for an agreement or a body: a table and a self-contained HTML timeline."""
from __future__ import annotations

from importlib.resources import files

import networkx as nx
import pandas as pd
from jinja2 import Environment, select_autoescape

TIMELINE_COLUMNS = ["date", "body", "meeting", "protocol", "item", "event", "text", "quote", "presenters", "agreements"]


def _matches(needle: str | None, text: str) -> bool:
    return not needle or needle.casefold() in text.casefold()


def timeline_events(graph: nx.MultiDiGraph, agreement: str | None = None, body: str | None = None) -> pd.DataFrame:
    """One row per decision (or per agenda item without one), oldest first.

    ``agreement``/``body`` keep the items that concern a matching agreement / were handled by
    a matching body (case-insensitive substrings).
    """
    rows = []
    for item, data in graph.nodes(data=True):
        if data["kind"] != "item":
            continue
        out = [(v, d) for _, v, d in graph.out_edges(item, data=True)]
        incoming = [(u, d) for u, _, d in graph.in_edges(item, data=True)]
        agreements = sorted({graph.nodes[v]["label"] for v, d in out
                             if d["kind"] == "concerns" and graph.nodes[v]["kind"] == "agreement"})
        if agreement and not any(_matches(agreement, a) for a in agreements):
            continue
        details = data["details"]
        meetings = [u for u, d in incoming if d["kind"] == "on_agenda"]
        bodies = [u for m in meetings for u, _, k in graph.in_edges(m, data="kind") if k == "held"]
        body_name = graph.nodes[bodies[0]]["details"].get("name", graph.nodes[bodies[0]]["label"]) if bodies \
            else details.get("body", "")
        if body and not _matches(body, body_name + " " + (graph.nodes[bodies[0]]["label"] if bodies else "")):
            continue
        presenters = "; ".join(sorted({graph.nodes[u]["label"] for u, d in incoming if d["kind"] == "presented"}))
        base = {"date": details.get("date", ""), "body": body_name,
                "meeting": graph.nodes[meetings[0]]["label"] if meetings else "",
                "protocol": details.get("protocol", ""), "item": f"§{details.get('number', '')} {details.get('title', '')}",
                "presenters": presenters, "agreements": "; ".join(agreements)}
        decisions = [u for u, d in incoming if d["kind"] == "concerns" and graph.nodes[u]["kind"] == "decision"]
        for dec in sorted(decisions):
            dd = graph.nodes[dec]["details"]
            quote = next((d["quote"] for u, v, d in graph.edges(dec, data=True) if v == item), dd.get("wording", ""))
            rows.append({**base, "event": dd.get("type", "decision"), "text": dd.get("wording", ""), "quote": quote})
        if not decisions:
            rows.append({**base, "event": "on agenda", "text": details.get("title", ""), "quote": ""})
    frame = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
    return frame.sort_values(["date", "protocol", "item"], kind="stable").reset_index(drop=True)


def render_timeline(events: pd.DataFrame, title: str = "samgraf timeline", subtitle: str = "") -> str:
    """The events as a self-contained HTML page (a string): meetings by date, their items and decisions."""
    meetings = []
    for (when, protocol), group in events.groupby(["date", "protocol"], sort=True):
        first = group.iloc[0]
        items = []
        for item_name, rows in group.groupby("item", sort=False):
            items.append({"item": item_name, "presenters": rows.iloc[0]["presenters"],
                          "agreements": rows.iloc[0]["agreements"], "events": rows.to_dict("records")})
        meetings.append({"date": when or "undated", "body": first["body"], "meeting": first["meeting"],
                         "protocol": protocol, "items": items})
    counts = events["event"].value_counts().to_dict() if len(events) else {}
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    template = env.from_string(files("samgraf.graph").joinpath("templates/timeline.html").read_text(encoding="utf-8"))
    return template.render(title=title, subtitle=subtitle, meetings=meetings, counts=counts, total=len(events))
