"""Literal queries may use samgraf's usual prefixes without declaring them."""
from pathlib import Path

from click.testing import CliRunner

from samgraf.cli import cli
from samgraf.graph.api import PREFIXES, with_prefixes

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_only_used_and_undeclared_prefixes_are_added():
    query = "PREFIX org: <urn:mine#>\nSELECT ?m WHERE { ?m a besluit:Zitting ; org:x ?y ; <http://a/sg:b> ?z }"
    added = with_prefixes(query)
    assert added == f"PREFIX besluit: <{PREFIXES['besluit']}>\n" + query


def test_a_query_without_prefixes_is_unchanged():
    query = "SELECT * WHERE { ?s <http://www.w3.org/ns/prov#value> ?o }"
    assert with_prefixes(query) == query


def test_cli_query_with_undeclared_prefixes(tmp_path):
    runner = CliRunner()
    store = str(tmp_path / "store")
    assert runner.invoke(cli, ["load", "-q", "--store", store, str(EXAMPLES)]).exit_code == 0
    result = runner.invoke(cli, ["query", "--store", store, "--format", "csv",
                                 "SELECT (COUNT(?m) AS ?meetings) WHERE { ?m a besluit:Zitting }"])
    assert (result.exit_code, result.stdout) == (0, "meetings\n3\n")
