"""CLI commands of the loaders: ``samgraf parse`` and ``samgraf lint``."""
from __future__ import annotations

import json
import sys

import click

from samgraf.loaders import iter_protocol_paths, parse_paths
from samgraf.loaders.model import schema_errors


@click.command("parse")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True,
              help="json: one array of records; jsonl: one record per line.")
@click.option("--spans/--no-spans", default=True, show_default=True, help="Include text spans (provenance).")
def parse_command(paths, fmt, spans):
    """Parse protocol files (or folders of them) and print their records.

    A file that cannot be read is named on stderr with the reason; the others are still
    printed. Exit status: 0 all parsed, 1 some failed, 2 usage error.
    """
    if not list(iter_protocol_paths(paths)):
        raise click.ClickException("no protocol files found in " + ", ".join(paths))
    failed = 0
    records = []
    for result in parse_paths(paths):
        if result.error is not None:
            failed += 1
            click.echo(f"error: {result.error}", err=True)
            continue
        record = result.protocol.model_dump(mode="json")
        if not spans:
            _drop_spans(record)
        for warning in record.get("warnings", []):
            click.echo(f"warning: {record['source']}: {warning}", err=True)
        if fmt == "jsonl":
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            records.append(record)
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    if failed:
        click.echo(f"{failed} of {failed + len(records) if fmt == 'json' else 'the'} files failed", err=True)
        sys.exit(1)


@click.command("lint")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
def lint_command(paths):
    """Parse protocols and report every problem (read errors, warnings, schema errors) with its file.

    Exit status: 0 no problems, 1 problems found.
    """
    problems = 0
    for result in parse_paths(paths):
        if result.error is not None:
            click.echo(f"{result.path}: error: {result.error.message}")
            problems += 1
            continue
        record = result.protocol.model_dump(mode="json")
        for warning in record.get("warnings", []):
            click.echo(f"{result.path}: warning: {warning}")
            problems += 1
        for err in schema_errors(record):
            click.echo(f"{result.path}: schema: {err}")
            problems += 1
    click.echo(f"{problems} problem(s)")
    if problems:
        sys.exit(1)


def _drop_spans(obj):
    if isinstance(obj, dict):
        obj.pop("span", None)
        for v in obj.values():
            _drop_spans(v)
    elif isinstance(obj, list):
        for v in obj:
            _drop_spans(v)
