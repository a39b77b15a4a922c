"""The view graph from records, its filters, and the HTML page (without a browser)."""
from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date

import pytest

from samgraf.graph.viewgraph import NoMatchError, ViewFilters, view_graph_from_records
from samgraf.graph.views import prepare_view, render_view, script_json
from test_views_support import HOSTILE_NAMES, gold_records, hostile_records, invented_records, small_records


def kinds(graph):
    return Counter(kind for _, kind in graph.nodes(data="kind"))


def edges_of(graph, kind):
    return {(u, v) for u, v, k in graph.edges(data="kind") if k == kind}


def test_records_give_typed_nodes_and_evidence_edges():
    graph = view_graph_from_records(small_records())
    assert kinds(graph) == Counter(person=5, organisation=4, body=2, meeting=2, item=4, decision=4, agreement=1)
    assert ("person:Bo Testberg", "body:Samverkansgrupp Alfa") in edges_of(graph, "member_of")
    assert ("person:Bo Testberg", "body:Beredningsgrupp Beta") in edges_of(graph, "member_of")
    assert ("person:Cilla Fiktiv", "body:Samverkansgrupp Alfa") not in edges_of(graph, "member_of")
    assert ("person:Dan Saknad", "meeting:alpha-2020.txt") in edges_of(graph, "absent_from")
    assert ("person:Bo Testberg", "item:alpha-2020.txt#2") in edges_of(graph, "presented")
    assert ("decision:alpha-2020.txt#2#2", "person:Bo Testberg") in edges_of(graph, "assigned_to")
    decided = [d for u, v, d in graph.edges(data=True) if d["kind"] == "decided"]
    assert {d["protocol"] for d in decided} == {"alpha-2020.txt", "beta-2021.txt"}
    assert all(d["quote"] and d["date"] for d in decided)
    details = graph.nodes["decision:alpha-2020.txt#2#1"]["details"]
    assert details["wording"] == "Gruppen godkänner avtalet Provavtal."
    assert details["protocol"] == "alpha-2020.txt" and details["date"] == "2020-03-01"


def test_body_and_period_filters_select_protocols():
    by_acronym = view_graph_from_records(small_records(), ViewFilters(body="sga"))
    assert kinds(by_acronym)["meeting"] == 1
    in_2021 = view_graph_from_records(small_records(), ViewFilters(date_from=date(2021, 1, 1)))
    assert set(n for n, k in in_2021.nodes(data="kind") if k == "meeting") == {"meeting:beta-2021.txt"}
    with pytest.raises(NoMatchError):
        view_graph_from_records(small_records(), ViewFilters(body="gamma"))


def test_agreement_filter_keeps_its_decisions_meetings_and_bodies():
    graph = view_graph_from_records(small_records(), ViewFilters(agreement="provavtal"))
    assert kinds(graph)["body"] == 2
    wordings = {d["details"].get("wording") for _, d in graph.nodes(data=True) if d["kind"] == "decision"}
    assert "Beredningen noterar informationen om Provavtal." in wordings
    assert "Nästa möte hålls i juni." not in wordings


def test_person_and_organisation_filters_are_neighbourhoods():
    graph = view_graph_from_records(small_records(), ViewFilters(person="Eva"))
    assert "meeting:beta-2021.txt" in graph and "meeting:alpha-2020.txt" not in graph
    org = view_graph_from_records(small_records(), ViewFilters(organisation="exempelby"))
    assert {"person:Ada Provsson", "person:Cilla Fiktiv"} <= set(org)
    assert "person:Eva Exempel" not in org
    with pytest.raises(NoMatchError):
        view_graph_from_records(small_records(), ViewFilters(person="Nobody"))


def page_data(html: str) -> dict:
    match = re.search(r'<script id="samgraf-data" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_page_is_self_contained_and_carries_all_nodes():
    graph = view_graph_from_records(small_records())
    html = render_view(graph, "Test view")
    data = page_data(html)
    assert len(data["nodes"]) == graph.number_of_nodes()
    assert all(isinstance(n["x"], float) for n in data["nodes"])
    assert data["options"]["physics"]["enabled"] is False
    assert "vis.Network" in html and "sourceMappingURL" not in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<link" not in html


def test_hostile_text_never_becomes_markup():
    html = render_view(view_graph_from_records(hostile_records()), "Hostile <b>title</b>")
    data_part = html.split('<script id="samgraf-data"', 1)[1].split("</script>", 1)[0]
    assert "<" not in data_part.split(">", 1)[1]
    for name in HOSTILE_NAMES:
        assert name not in html
    assert "Hostile &lt;b&gt;title&lt;/b&gt;" in html
    labels = {n["label"] for n in page_data(html)["nodes"]}
    assert set(HOSTILE_NAMES) <= labels


def test_script_json_escapes_everything_that_ends_a_script():
    text = script_json({"a": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


def test_big_graphs_are_aggregated_and_say_so():
    graph = view_graph_from_records(invented_records(1200))
    prepared = prepare_view(graph, max_nodes=600)
    assert prepared.graph.number_of_nodes() <= 600
    assert kinds(prepared.graph)["person"] == 0
    assert prepared.notices and "Aggregated" in prepared.notices[0]
    html = render_view(graph, max_nodes=600)
    assert "Aggregated view" in html


def test_timeline_events_follow_an_agreement_in_date_order():
    from samgraf.graph.timeline import timeline_events

    events = timeline_events(view_graph_from_records(small_records()), agreement="provavtal")
    assert events["date"].tolist() == ["2020-03-01", "2020-03-01", "2021-05-10"]
    assert events["event"].tolist() == ["decision", "assignment", "noted"]
    assert set(events["protocol"]) == {"alpha-2020.txt", "beta-2021.txt"}
    beta = timeline_events(view_graph_from_records(small_records()), body="beta")
    assert set(beta["body"]) == {"Beredningsgrupp Beta"} and len(beta) == 2
