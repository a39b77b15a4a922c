"""CLI commands of the graph: load, query, export, validate, stats, ontology-doc."""
from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import click

from samgraf.errors import SamgrafError

DEFAULT_IDENTITIES = "identities.yaml"
STORE_HELP = "Store folder or SPARQL server URL [default: $SAMGRAF_STORE or ./samgraf-store]."


def _open(location: str | None, *, create: bool):
    from samgraf.graph.store import default_location, open_store

    target = location or default_location()
    if not create and not target.startswith(("http://", "https://")) and not Path(target).is_dir():
        raise click.ClickException(f"no store at {target}: load protocols first (samgraf load PATH)")
    try:
        return open_store(target)
    except SamgrafError as exc:
        raise click.ClickException(str(exc)) from None


@click.command("load")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--store", "location", default=None, help=STORE_HELP)
@click.option("--base", default=None, help="Base IRI [default: $SAMGRAF_BASE or https://data.samgraf.se/].")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("--identities", "identities", default=None, type=click.Path(dir_okay=False, path_type=Path),
              help=f"Analyst's identity decisions (YAML: confirm:, split:) [default: ./{DEFAULT_IDENTITIES} if present].")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default="0: all cores",
              help="Processes parsing files; 1 parses in this process.")
@click.option("--batch-size", type=click.IntRange(min=1), default=500, show_default=True,
              help="Records resolved, mapped and written together.")
@click.option("--full", is_flag=True, help="Parse every file again, even those whose content the store already holds.")
@click.option("--compact/--no-compact", default=None,
              help="Compact the store after loading, so that queries read fewer files [default: when the "
                   "load wrote 1,000 graphs or more, a tenth of the store or more].")
def load_command(paths, location, base, quiet, identities, jobs, batch_size, full, compact):
    """Load protocol files, JSON record files or folders of them into the store.

    Files are parsed in parallel and loaded in batches; each batch is resolved, with what the
    store already holds, into one node per person, body and organisation (see samgraf
    identities). A protocol file whose content the store already holds (same SHA-256, same
    samgraf version) is not parsed again: it counts as unchanged; a changed file replaces its graph."""
    from samgraf.graph.api import expand_paths, load_paths

    if identities is None and Path(DEFAULT_IDENTITIES).is_file():
        identities = Path(DEFAULT_IDENTITIES)
    elif identities is not None and not identities.is_file():
        raise click.ClickException(f"no identities file {identities}")
    files = expand_paths(paths)
    with _open(location, create=True) as store:
        try:
            options = dict(base=base, identities=identities, jobs=jobs or None, batch_size=batch_size, incremental=not full,
                           compact=compact)
            if quiet or not files:
                report = load_paths(store, files, **options)
            else:
                with click.progressbar(length=len(files), label="reading", file=sys.stderr) as bar:
                    report = load_paths(store, files, progress=lambda _: bar.update(1), **options)
        except SamgrafError as exc:
            raise click.ClickException(str(exc)) from None
    for label, message in report.failed:
        click.echo(f"failed: {label}: {message}", err=True)
    if report.compact_error:
        click.echo(f"warning: the graphs are stored, but {report.compact_error}", err=True)
    click.echo(report.summary())
    if report.failed:
        sys.exit(1)


def _cell(value) -> str:
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _table(columns: list[str], rows: list[list[str]]) -> str:
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in rows]
    return "\n".join(lines)


@click.command("query")
@click.argument("query", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Read the query from a .rq file.")
@click.option("--name", help="Run a query of the library (see --list).")
@click.option("--list", "list_queries", is_flag=True, help="List the library queries and what they answer.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind ?NAME: <iri>, YYYY-MM-DD (date), integer, else string.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--store", "location", default=None, help=STORE_HELP)
def query_command(query, query_file, name, list_queries, params, fmt, location):
    """Run a read-only SPARQL query: text, -f FILE or --name NAME, with --param bindings."""
    from samgraf.graph.api import parse_param, query_description, query_names, run_query, to_python

    try:
        if list_queries:
            for known in query_names():
                click.echo(f"{known}: {query_description(known)}")
            return
        given = [x for x in (query, query_file, name) if x is not None]
        if len(given) != 1:
            raise click.UsageError("give exactly one of QUERY, -f FILE or --name NAME")
        text = query_file.read_text(encoding="utf-8") if query_file else query
        bound = dict(parse_param(p) for p in params)
        with _open(location, create=False) as store:
            result = run_query(store, text, name=name, params=bound) if name is None else run_query(store, name=name, params=bound)
    except SamgrafError as exc:
        raise click.ClickException(str(exc)) from None
    if result.kind == "ask":
        click.echo(json.dumps({"boolean": result.boolean}) if fmt == "json" else str(result.boolean).lower())
        return
    if result.kind == "construct":
        click.echo("".join(f"{t} .\n" for t in result.triples), nl=False)
        return
    values = [[to_python(t) for t in row] for row in result.rows]
    if fmt == "json":
        click.echo(json.dumps([dict(zip(result.variables, map(_json_value, row))) for row in values], ensure_ascii=False, indent=2))
    elif fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(result.variables)
        writer.writerows([[_cell(v) for v in row] for row in values])
        click.echo(out.getvalue(), nl=False)
    else:
        click.echo(_table(result.variables, [[_cell(v) for v in row] for row in values]))
        click.echo(f"({len(values)} rows)")


def _json_value(value):
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return _cell(value)


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["ttl", "trig", "nq", "jsonld"]), default="trig", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file instead of stdout.")
@click.option("--store", "location", default=None, help=STORE_HELP)
def export_command(fmt, output, location):
    """Export the store: ttl (graphs merged), trig, nq or jsonld."""
    from samgraf.graph.api import export

    try:
        with _open(location, create=False) as store:
            data = export(store, fmt)
    except SamgrafError as exc:
        raise click.ClickException(str(exc)) from None
    if output is None:
        click.get_binary_stream("stdout").write(data)
        return
    try:
        output.write_bytes(data)
    except OSError as exc:
        raise click.ClickException(f"cannot write {output}: {exc}") from None
    click.echo(f"wrote {output}", err=True)


@click.command("validate")
@click.option("--store", "location", default=None, help=STORE_HELP)
def validate_command(location):
    """SHACL-validate the store: exit 0 conforms, 1 violations (report printed), 2 could not run."""
    from samgraf.graph.api import validate

    try:
        with _open(location, create=False) as store:
            result = validate(store)
    except (click.ClickException, SamgrafError, Exception) as exc:  # any failure means "could not run"
        message = exc.format_message() if isinstance(exc, click.ClickException) else str(exc)
        click.echo(f"Error: could not validate: {message}", err=True)
        sys.exit(2)
    if result.conforms:
        click.echo(f"conforms: {result.graphs} graphs")
        return
    click.echo(result.report)
    sys.exit(1)


@click.command("stats")
@click.option("--store", "location", default=None, help=STORE_HELP)
def stats_command(location):
    """Counts of triples, graphs, meetings, bodies, persons, organisations, decisions."""
    from samgraf.graph.api import stats

    try:
        with _open(location, create=False) as store:
            counts = stats(store)
    except SamgrafError as exc:
        raise click.ClickException(str(exc)) from None
    labels = {"quads": "triples"}
    for key, value in counts.items():
        click.echo(f"{labels.get(key, key)}: {value}")


@click.command("ontology-doc")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file instead of stdout.")
@click.option("--format", "fmt", type=click.Choice(["html", "markdown"]), default=None, help="Default: from the file suffix, else markdown.")
def ontology_doc_command(output, fmt):
    """The ontology's documentation page, generated from the Turtle."""
    from samgraf.ontology.doc import ontology_html, ontology_markdown

    fmt = fmt or ("html" if output is not None and output.suffix.lower() in (".html", ".htm") else "markdown")
    text = ontology_html() if fmt == "html" else ontology_markdown()
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise click.ClickException(f"cannot write {output}: {exc}") from None
    click.echo(f"wrote {output}", err=True)


@click.command("identities")
@click.option("--store", "location", default=None, help=STORE_HELP)
@click.option("--status", type=click.Choice(["merged", "near-miss", "confirmed", "split", "body"]), default=None,
              help="Only decisions of this status.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def identities_command(location, status, fmt):
    """List identity decisions: merged persons, near-misses kept apart, curated, bodies; with evidence.

    To overrule, write identities.yaml (confirm: / split: lists of {names: [...], sources: [...], note: ...})
    and load again with --identities."""
    from samgraf.graph.api import identity_decisions

    try:
        with _open(location, create=False) as store:
            rows = identity_decisions(store, status)
    except SamgrafError as exc:
        raise click.ClickException(str(exc)) from None
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        target = row["of"] or ""
        if row["other"]:
            target += f" ~ {row['other']}"
        click.echo(f"{row['status']:<9} {row['kind']:<6} {row['names']}")
        click.echo(f"          -> {target}")
        click.echo(f"          evidence: {row['evidence']}")
        if row["sources"]:
            click.echo(f"          protocols: {row['sources']}")
    click.echo(f"({len(rows)} decisions)")


COMMANDS = (load_command, query_command, export_command, validate_command, stats_command, ontology_doc_command, identities_command)
