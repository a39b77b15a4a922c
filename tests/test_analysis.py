"""Projections, centrality, communities, attendance and exports of the view graph."""
from __future__ import annotations

import networkx as nx
import pandas as pd
from click.testing import CliRunner

from samgraf.cli import cli
from samgraf.graph import analysis
from samgraf.graph.viewgraph import view_graph_from_records
from test_views_support import gold_records, record, small_records


def view():
    return view_graph_from_records(small_records())


def test_person_body_projection_counts_meetings():
    graph = analysis.person_body_graph(view())
    assert graph.edges["person:Bo Testberg", "body:Samverkansgrupp Alfa"]["weight"] == 1
    assert set(graph["person:Bo Testberg"]) == {"body:Samverkansgrupp Alfa", "body:Beredningsgrupp Beta"}
    assert "person:Dan Saknad" not in graph  # absent, so not attending


def test_the_bridging_person_ranks_first():
    frame = analysis.centrality(analysis.person_body_graph(view()), kind="person")
    assert frame.iloc[0]["label"] == "Bo Testberg" and frame.iloc[0]["bodies"] == 2
    assert frame.iloc[0]["betweenness"] > 0 and (frame.iloc[1:]["betweenness"] == 0).all()


def test_communities_separate_unconnected_bodies():
    records = small_records() + [record("gamma.txt", "Grupp Gamma", "2022-02-02",
                                        [("Gun Ensam", "Ensamby kommun", ("member",))], [])]
    frame = analysis.communities(analysis.organisation_body_graph(view_graph_from_records(records)))
    community = dict(zip(frame["node"], frame["community"]))
    assert community["body:Grupp Gamma"] == community["organisation:Ensamby kommun"]
    assert community["body:Grupp Gamma"] != community["body:Samverkansgrupp Alfa"]
    greedy = analysis.communities(analysis.organisation_body_graph(view_graph_from_records(records)), method="greedy")
    assert greedy["community"].nunique() >= 2


def test_attendance_matrix_shows_present_and_absent():
    matrix = analysis.attendance_matrix(view())
    assert matrix.loc["Region Påhittad", "SGA 2020-03-01"] == "present: Bo Testberg; absent: Dan Saknad"
    assert matrix.loc["Testköpings kommun", "SGA 2020-03-01"] == ""
    counts = analysis.attendance_counts(view())
    assert counts.loc["Exempelby kommun", "SGA 2020-03-01"] == 2


def test_gold_attendance_covers_every_participant():
    records = gold_records()
    table = analysis.attendance_table(view_graph_from_records(records))
    assert (table["status"] == "present").sum() == sum(len(r.participants) for r in records)


def test_exports_round_trip(tmp_path):
    graph = view()
    path = tmp_path / "g.graphml"
    path.write_text(analysis.graphml_text(graph), encoding="utf-8")
    back = nx.read_graphml(path)
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.nodes["decision:alpha-2020.txt#2#1"]["detail_wording"] == "Gruppen godkänner avtalet Provavtal."
    assert "<gexf" in analysis.gexf_text(analysis.person_body_graph(graph))
    assert len(analysis.edge_table(graph)) == graph.number_of_edges()


def test_analyse_commands(tmp_path):
    records = tmp_path / "r.json"
    records.write_text("[" + ",".join(r.model_dump_json() for r in small_records()) + "]", encoding="utf-8")
    runner = CliRunner()
    shown = runner.invoke(cli, ["analyse", "centrality", "--from-records", str(records), "--kind", "person", "--top", "1"])
    assert shown.exit_code == 0 and "Bo Testberg" in shown.output and "Eva Exempel" not in shown.output
    out = tmp_path / "attendance.csv"
    assert runner.invoke(cli, ["analyse", "attendance", "--from-records", str(records), "-o", str(out)]).exit_code == 0
    assert pd.read_csv(out, index_col=0).shape == (3, 2)
    gexf = tmp_path / "g.gexf"
    assert runner.invoke(cli, ["analyse", "export", "--from-records", str(records), "-o", str(gexf)]).exit_code == 0
    assert nx.read_gexf(gexf).number_of_nodes() == view().number_of_nodes()
    bad = runner.invoke(cli, ["analyse", "export", "--from-records", str(records), "-o", str(tmp_path / "g.xyz")])
    assert bad.exit_code == 1 and "format" in bad.output
