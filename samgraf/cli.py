"""The samgraf command line: a thin layer over the library.

Exit codes (all commands): 0 success; 1 a user error or some inputs failed (each named on
stderr); 2 usage error (click). ``validate`` follows pySHACL: 0 conforms, 1 violations,
2 could not run.
"""
from __future__ import annotations

import click

from samgraf import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="samgraf")
def cli():
    """samgraf: protocols of Swedish collaboration bodies as a knowledge graph."""


def _register() -> None:
    from samgraf.loaders.commands import lint_command, parse_command

    cli.add_command(parse_command)
    cli.add_command(lint_command)

    from samgraf.graph.commands import COMMANDS as graph_commands

    for command in graph_commands:
        cli.add_command(command)

    from samgraf.graph.view_commands import COMMANDS as view_commands

    for command in view_commands:
        cli.add_command(command)


_register()


def main() -> None:
    cli(prog_name="samgraf")
