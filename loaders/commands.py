"""CLI commands of the loaders: ``samgraf parse``."""
from __future__ import annotations

import click


@click.command("parse")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True)
def parse_command(paths, fmt):
    """Parse protocol files (or folders of them) and print their records."""
    raise click.ClickException("not implemented yet")
