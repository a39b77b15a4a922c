"""The view graph read from the store with the view_*.rq queries, and the view commands."""
from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date

import pytest
from click.testing import CliRunner

from samgraf.cli import cli
from samgraf.graph import EmbeddedStore, load_records
from samgraf.graph import viewgraph
from samgraf.graph.viewgraph import NoMatchError, ViewFilters, view_graph_from_records, view_graph_from_store
from test_views_support import gold_records, small_records


def store_of(records):
    store = EmbeddedStore(None)
    report = load_records(store, [(r.source, r) for r in records])
    assert not report.failed
    return store


def summary(graph):
    nodes = Counter(kind for _, kind in graph.nodes(data="kind"))
    edges = Counter((graph.nodes[u]["label"], kind, graph.nodes[v]["label"]) for u, v, kind in graph.edges(data="kind"))
    return nodes, edges


def test_store_view_equals_record_view_for_invented_records():
    records = small_records()
    assert summary(view_graph_from_store(store_of(records))) == summary(view_graph_from_records(records))


def test_store_view_keeps_quotes_protocols_and_decision_wording():
    graph = view_graph_from_store(store_of(small_records()))
    decided = [d for _, _, d in graph.edges(data=True) if d["kind"] == "decided"]
    assert {(d["protocol"], d["date"]) for d in decided} == {("alpha-2020.txt", "2020-03-01"), ("beta-2021.txt", "2021-05-10")}
    wordings = {d["details"]["wording"] for _, d in graph.nodes(data=True) if d["kind"] == "decision"}
    assert "Bo Testberg får i uppdrag att följa upp Provavtal." in wordings
    assert any(k == "assigned_to" for _, _, k in graph.edges(data="kind"))


def test_store_filters_match_record_filters():
    store, records = store_of(small_records()), small_records()
    for filters in (ViewFilters(body="beta"), ViewFilters(agreement="provavtal"), ViewFilters(person="eva")):
        assert summary(view_graph_from_store(store, filters)) == summary(view_graph_from_records(records, filters))
    with pytest.raises(NoMatchError):
        view_graph_from_store(store, ViewFilters(agreement="Inget sådant"))


def test_scoped_store_view_reads_only_the_protocols_in_scope(monkeypatch):
    """A body or period filter reads the selected protocol graphs one by one, and gives the
    same view as reading the whole store and dropping the meetings out of scope."""
    records = gold_records()
    store = store_of(records)
    dates = sorted(r.date for r in records if r.date)
    in_scope = sum(1 for r in records if r.date and r.date >= dates[1])
    scope = ViewFilters(date_from=date.fromisoformat(dates[1]), date_to=date.fromisoformat(dates[-1]))
    asked: list[str] = []
    original = store.query
    store.query = lambda text, params=None: asked.append(str((params or {}).get("g"))) or original(text, params)
    scoped = view_graph_from_store(store, scope)
    assert asked.count("None") == 1  # only the query finding the graphs in scope reads the whole store
    assert len(set(asked) - {"None"}) == in_scope < len(records)
    latest = max((r for r in records if r.date), key=lambda r: r.date)
    body = latest.body.acronym or latest.body.name
    by_body = ViewFilters(body=body.lower(), date_from=scope.date_from)
    scoped_by_body = view_graph_from_store(store, by_body)

    select = viewgraph._select
    monkeypatch.setattr(viewgraph, "_select", lambda store, name, graphs=None: select(store, name))
    whole = view_graph_from_store(store, scope)
    assert Counter(kind for _, kind in whole.nodes(data="kind"))["meeting"] == in_scope
    assert summary(scoped) == summary(whole)
    assert sorted(scoped.edges(data="quote")) == sorted(whole.edges(data="quote"))
    whole_by_body = view_graph_from_store(store, by_body)
    assert Counter(kind for _, kind in whole_by_body.nodes(data="kind"))["meeting"] >= 1
    assert summary(scoped_by_body) == summary(whole_by_body)


def test_gold_store_view_has_every_meeting_and_decision():
    records = gold_records()
    graph = view_graph_from_store(store_of(records))
    kinds = Counter(kind for _, kind in graph.nodes(data="kind"))
    assert kinds["meeting"] == len(records)
    assert kinds["decision"] == sum(len(i.decisions) for r in records for i in r.items)


@pytest.fixture
def records_file(tmp_path):
    path = tmp_path / "records.json"
    path.write_text(json.dumps([r.to_json_dict() for r in small_records()]), encoding="utf-8")
    return path


def test_render_command_writes_a_page_from_records(tmp_path, records_file):
    out = tmp_path / "views" / "view.html"  # the folder is made
    result = CliRunner().invoke(cli, ["render", "--from-records", str(records_file), "--body", "alfa", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Samverkansgrupp Alfa" in out.read_text(encoding="utf-8")
    assert "Beredningsgrupp Beta" not in out.read_text(encoding="utf-8")


def test_render_command_reads_the_store(tmp_path, records_file):
    runner = CliRunner()
    store = tmp_path / "store"
    assert runner.invoke(cli, ["load", "--store", str(store), "-q", str(records_file)]).exit_code == 0
    out = tmp_path / "view.html"
    result = runner.invoke(cli, ["render", "--store", str(store), "--agreement", "provavtal", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert re.search(r"Beredningen noterar informationen om Provavtal", out.read_text(encoding="utf-8"))


def test_commands_report_user_errors(tmp_path, records_file):
    runner = CliRunner()
    missing = runner.invoke(cli, ["render", "--store", str(tmp_path / "none"), "-o", str(tmp_path / "v.html")])
    assert missing.exit_code == 1 and "no store at" in missing.output
    nobody = runner.invoke(cli, ["render", "--from-records", str(records_file), "--person", "Nobody"])
    assert nobody.exit_code == 1 and "no person matches 'Nobody'" in nobody.output
    timeline = runner.invoke(cli, ["timeline", "--from-records", str(records_file)])
    assert timeline.exit_code == 2


def test_timeline_command_lists_the_agreement_history(tmp_path, records_file):
    out = tmp_path / "t.html"
    result = CliRunner().invoke(cli, ["timeline", "--from-records", str(records_file), "--agreement", "Provavtal",
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.index("2020-03-01") < page.index("2021-05-10")
    assert "Nästa möte hålls i juni." not in page


def test_decision_quotes_come_from_the_span_in_both_readers():
    from samgraf.loaders.model import Span

    records = small_records()
    records[0].items[1].decisions[0].span = Span(start=10, end=27, quote="godkänner avtalet")
    for graph in (view_graph_from_records(records), view_graph_from_store(store_of(records))):
        quotes = {d["details"].get("quote") for _, d in graph.nodes(data=True) if d["kind"] == "decision"}
        assert "godkänner avtalet" in quotes
        decided = {d["quote"] for _, _, d in graph.edges(data=True) if d["kind"] == "decided"}
        assert "godkänner avtalet" in decided
