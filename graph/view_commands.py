"""CLI commands of the views: ``samgraf render``, ``samgraf timeline`` and ``samgraf analyse ...``.

Input is the store (``--store``, default ``$SAMGRAF_STORE`` or ``./samgraf-store``) or, with
``--from-records``, JSON record files or folders of them.
"""
from __future__ import annotations

import functools
from pathlib import Path

import click

from samgraf.errors import SamgrafError

STORE_HELP = "Store folder or SPARQL server URL [default: $SAMGRAF_STORE or ./samgraf-store]."
DATE = click.DateTime(formats=["%Y-%m-%d"])


def input_options(command):
    """The input and filter options shared by every view command."""
    options = [
        click.option("--store", "location", default=None, help=STORE_HELP),
        click.option("--from-records", "record_paths", multiple=True, type=click.Path(exists=True, path_type=Path),
                     help="Read JSON protocol records (files or folders) instead of the store. Repeatable."),
        click.option("--body", default=None, help="Only protocols of bodies whose name or acronym contains this."),
        click.option("--organisation", default=None, help="Only the neighbourhood of matching organisations."),
        click.option("--person", default=None, help="Only the neighbourhood of matching persons."),
        click.option("--agreement", default=None, help="Only the neighbourhood of matching agreements."),
        click.option("--from", "date_from", type=DATE, default=None, help="First meeting date (YYYY-MM-DD)."),
        click.option("--to", "date_to", type=DATE, default=None, help="Last meeting date (YYYY-MM-DD)."),
    ]
    return functools.reduce(lambda cmd, option: option(cmd), reversed(options), command)


def _records(paths: tuple[Path, ...]):
    from samgraf.graph.api import read_records

    records, problems = [], []
    for path in paths:
        files = sorted(path.rglob("*.json")) if path.is_dir() else [path]
        if path.is_file() and path.suffix.lower() != ".json":
            raise click.ClickException(f"{path}: --from-records reads JSON records (.json); load protocols with samgraf load")
        for file in files:
            for label, record in read_records(file):
                (problems.append(f"{label}: {record}") if isinstance(record, Exception) else records.append(record))
    if problems:
        raise click.ClickException("cannot read records:\n  " + "\n  ".join(problems))
    if not records:
        raise click.ClickException("no JSON records found in " + ", ".join(map(str, paths)))
    return records


def load_view(location, record_paths, body, organisation, person, agreement, date_from, date_to):
    """The filtered view graph from records or the store; user errors as ClickException."""
    from samgraf.graph.store import default_location, open_store
    from samgraf.graph.viewgraph import NoMatchError, ViewFilters, view_graph_from_records, view_graph_from_store

    filters = ViewFilters(body=body, organisation=organisation, person=person, agreement=agreement,
                          date_from=date_from.date() if date_from else None, date_to=date_to.date() if date_to else None)
    try:
        if record_paths:
            return view_graph_from_records(_records(record_paths), filters), filters
        target = location or default_location()
        if not target.startswith(("http://", "https://")) and not Path(target).is_dir():
            raise click.ClickException(f"no store at {target}: load protocols first (samgraf load PATH) "
                                       "or read records with --from-records FILE.json")
        with open_store(target) as store:
            return view_graph_from_store(store, filters), filters
    except NoMatchError as exc:
        raise click.ClickException(exc.args[0]) from None
    except SamgrafError as exc:
        raise click.ClickException(str(exc)) from None


def _write(output: Path, text: str, what: str) -> None:
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise click.ClickException(f"cannot write {output}: {exc.strerror}") from None
    click.echo(f"wrote {what} to {output}", err=True)


@click.command("render")
@input_options
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("view.html"),
              show_default=True, help="The HTML file to write.")
@click.option("--title", default=None, help="Page title [default: from the filters].")
@click.option("--max-nodes", type=click.IntRange(min=10), default=None,
              help="Aggregate (persons into organisations, items into meetings) above this many nodes [default: 6000].")
def render_command(output, title, max_nodes, **inputs):
    """Write an interactive network of who decides what as one self-contained, offline HTML file."""
    from samgraf.graph.views import DEFAULT_MAX_NODES, render_view

    graph, filters = load_view(**inputs)
    if graph.number_of_nodes() == 0:
        raise click.ClickException("nothing to show: the input holds no protocol (for these filters)")
    html = render_view(graph, title or "samgraf: who decides what", subtitle=filters.describe(),
                       max_nodes=max_nodes or DEFAULT_MAX_NODES)
    _write(output, html, f"a view of {graph.number_of_nodes()} nodes")


@click.command("timeline")
@input_options
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("timeline.html"),
              show_default=True, help="The HTML file to write.")
def timeline_command(output, **inputs):
    """Write the decisions over time for an agreement or a body as a self-contained HTML file."""
    from samgraf.graph.timeline import render_timeline, timeline_events

    if not (inputs["agreement"] or inputs["body"]):
        raise click.UsageError("name an --agreement or a --body")
    graph, filters = load_view(**inputs)
    events = timeline_events(graph, agreement=inputs["agreement"], body=inputs["body"])
    subject = inputs["agreement"] or inputs["body"]
    _write(output, render_timeline(events, f"What happened to {subject}", filters.describe()),
           f"a timeline of {len(events)} events")


def _emit(frame, output: Path | None, what: str) -> None:
    if output:
        _write(output, frame.to_csv(index=frame.index.name is not None), what)
    else:
        import pandas as pd

        with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200,
                               "display.max_colwidth", 60):
            click.echo(frame.to_string())


PROJECTION = click.Choice(["view", "person-body", "organisation-body"])


@click.group("analyse")
def analyse_group():
    """Network analysis: bridging people, communities, attendance, exports."""


@analyse_group.command("centrality")
@input_options
@click.option("--projection", type=PROJECTION, default="person-body", show_default=True)
@click.option("--kind", default=None, help="Only nodes of this kind (person, organisation, body ...).")
@click.option("--top", type=click.IntRange(min=1), default=None, help="Only the first N rows.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write CSV here.")
def centrality_command(projection, kind, top, output, **inputs):
    """Who bridges bodies: betweenness and degree per node, most bridging first."""
    from samgraf.graph import analysis

    frame = analysis.centrality(analysis.projection(load_view(**inputs)[0], projection), kind=kind)
    _emit(frame.head(top) if top else frame, output, "centrality")


@analyse_group.command("communities")
@input_options
@click.option("--projection", type=PROJECTION, default="organisation-body", show_default=True)
@click.option("--method", type=click.Choice(["louvain", "greedy"]), default="louvain", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write CSV here.")
def communities_command(projection, method, output, **inputs):
    """Communities (modularity) of the chosen projection."""
    from samgraf.graph import analysis

    frame = analysis.communities(analysis.projection(load_view(**inputs)[0], projection), method=method)
    _emit(frame, output, "communities")


@analyse_group.command("attendance")
@input_options
@click.option("--counts", is_flag=True, help="Number of representatives present instead of names.")
@click.option("--long", "long_format", is_flag=True, help="One row per person and meeting instead of a matrix.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write CSV here.")
def attendance_command(counts, long_format, output, **inputs):
    """The attendance matrix: organisation x meeting, present by whom, absent."""
    from samgraf.graph import analysis

    view = load_view(**inputs)[0]
    if long_format:
        frame = analysis.attendance_table(view)
    else:
        frame = analysis.attendance_counts(view) if counts else analysis.attendance_matrix(view)
    _emit(frame, output, "attendance")


@analyse_group.command("export")
@input_options
@click.option("--projection", type=PROJECTION, default="view", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "csv"]), default=None,
              help="Default: from the output file's suffix.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
def export_command(projection, fmt, output, **inputs):
    """Export a graph to GraphML, GEXF (Gephi) or CSV (one row per edge)."""
    from samgraf.graph import analysis

    fmt = fmt or output.suffix.lstrip(".").lower()
    if fmt not in ("graphml", "gexf", "csv"):
        raise click.ClickException(f"cannot tell the format from {output.name}: use --format graphml, gexf or csv")
    graph = analysis.projection(load_view(**inputs)[0], projection)
    text = {"graphml": analysis.graphml_text, "gexf": analysis.gexf_text,
            "csv": lambda g: analysis.edge_table(g).to_csv(index=False)}[fmt](graph)
    _write(output, text, f"{projection} graph ({graph.number_of_nodes()} nodes) as {fmt}")


COMMANDS = (render_command, timeline_command, analyse_group)
