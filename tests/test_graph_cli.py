"""The graph commands of the CLI: exact output lines and exit codes."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_graph_store import oxigraph_server  # noqa: F401  (session fixture: a real Oxigraph server)

from samgraf.cli import cli
from samgraf.graph.mapping import BODY_ROLES
from samgraf.loaders.model import validate_record

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"
GOLDEN_RECORDS = Path(__file__).resolve().parent / "golden" / "records"
needs_gold = pytest.mark.skipif(not GOLD.is_dir(), reason="../shared/gold is not there")


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.setenv("SAMGRAF_STORE", str(tmp_path / "store"))
    monkeypatch.setenv("SAMGRAF_FIXED_TIME", "2025-01-01T00:00:00+00:00")
    monkeypatch.delenv("SAMGRAF_BASE", raising=False)
    runner = CliRunner()
    return lambda *args: runner.invoke(cli, list(args), catch_exceptions=False)


def test_load_reports_loaded_then_unchanged(run):
    first = run("load", "-q", str(GOLDEN_RECORDS))
    assert (first.exit_code, first.stdout) == (0, "loaded 4, unchanged 0, replaced 0, failed 0\n")
    second = run("load", "--quiet", str(GOLDEN_RECORDS))
    assert (second.exit_code, second.stdout) == (0, "loaded 0, unchanged 4, replaced 0, failed 0\n")


def test_load_compacts_the_store_when_asked_and_says_so(run):
    first = run("load", "-q", "--compact", str(GOLDEN_RECORDS))
    assert (first.exit_code, first.stdout) == (0, "loaded 4, unchanged 0, replaced 0, failed 0, store compacted\n")
    second = run("load", "-q", "--no-compact", str(GOLDEN_RECORDS))
    assert (second.exit_code, second.stdout) == (0, "loaded 0, unchanged 4, replaced 0, failed 0\n")
    count = run("query", "--format", "csv", "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert count.stdout == "n\n4\n"


def test_a_store_that_cannot_be_compacted_keeps_the_load_and_warns(run, monkeypatch):
    from samgraf.errors import StoreError
    from samgraf.graph.store import EmbeddedStore

    def fail(store):
        raise StoreError(f"cannot compact the store at {store.location}: disk full")

    monkeypatch.setattr(EmbeddedStore, "compact", fail)
    result = run("load", "-q", "--compact", str(GOLDEN_RECORDS))
    assert (result.exit_code, result.stdout) == (0, "loaded 4, unchanged 0, replaced 0, failed 0\n")
    assert result.stderr.startswith("warning: the graphs are stored, but cannot compact the store at ")
    assert result.stderr.endswith(": disk full\n")
    count = run("query", "--format", "csv", "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert count.stdout == "n\n4\n"


def test_load_replaces_a_new_version_and_reports_failures(run, tmp_path):
    record = json.loads((GOLDEN_RECORDS / "party_layout.json").read_text(encoding="utf-8"))
    assert run("load", "-q", str(GOLDEN_RECORDS / "party_layout.json")).exit_code == 0
    record["place"] = "Annan plats"
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(record), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    result = run("load", "-q", str(changed), str(broken), str(tmp_path / "missing.json"))
    assert result.exit_code == 1
    assert result.stdout == "loaded 0, unchanged 0, replaced 1, failed 2\n"
    errors = result.stderr.splitlines()
    assert errors[0].startswith(f"failed: {broken}: cannot read JSON records:")
    assert errors[1] == f"failed: {tmp_path / 'missing.json'}: no such file"
    place = run("query", "--format", "csv", "SELECT ?p WHERE { ?m <http://data.vlaanderen.be/ns/besluit#opLocatie> ?p }")
    assert place.stdout == "p\nAnnan plats\n"


def test_query_with_parameters_in_three_formats(run):
    run("load", "-q", str(GOLDEN_RECORDS))
    args = ["query", "--name", "members_at_date", "--param", "body=pvog", "--param", "date=2013-12-31"]
    csv_out = run(*args, "--format", "csv")
    assert csv_out.exit_code == 0
    lines = csv_out.stdout.splitlines()
    assert lines[0] == "name,role,organisation,scb_code,party,meeting_date,person"
    assert lines[1] == "Ada Exempelsson,chair,Jämtlands läns landsting,23,,2013-03-15,https://data.samgraf.se/person/ada-exempelsson"
    assert len(lines) == 4  # chair, member, member (the secretary is no member)
    rows = json.loads(run(*args, "--format", "json").stdout)
    assert rows[0]["role"] == "chair" and rows[0]["scb_code"] == "23"
    table = run(*args).stdout.splitlines()
    assert table[0].split() == ["name", "role", "organisation", "scb_code", "party", "meeting_date", "person"]
    assert table[-1] == "(3 rows)"


def test_query_from_file_and_errors(run, tmp_path):
    run("load", "-q", str(GOLDEN_RECORDS))
    query = tmp_path / "count.rq"
    query.write_text("SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a <http://data.vlaanderen.be/ns/besluit#Zitting> }")
    assert run("query", "-f", str(query), "--format", "csv").stdout == "n\n4\n"
    update = run("query", "DELETE WHERE { ?s ?p ?o }")
    assert (update.exit_code, update.stderr) == (1, "Error: update queries are not allowed here: the store is read-only for queries\n")
    unknown = run("query", "--name", "nope")
    assert unknown.exit_code == 1 and unknown.stderr.startswith("Error: no query named 'nope'")
    bad_param = run("query", "--name", "tasks_given", "--param", "oops")
    assert (bad_param.exit_code, bad_param.stderr) == (1, "Error: a parameter is name=value, got 'oops'\n")


def test_query_without_a_store_is_a_clear_error(run):
    result = run("query", "ASK {}")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no store at ")


def test_validate_stats_export(run, tmp_path):
    assert run("validate").exit_code == 2  # no store yet: could not run
    run("load", "-q", str(GOLDEN_RECORDS))
    validated = run("validate")
    assert (validated.exit_code, validated.stdout) == (0, "conforms: 4 graphs\n")
    stats = run("stats")
    records = [validate_record(json.loads(p.read_text(encoding="utf-8"))) for p in sorted(GOLDEN_RECORDS.glob("*.json"))]
    decisions = sum(len(i.decisions) for r in records for i in r.items)
    assert stats.stdout.splitlines()[1:4] == ["graphs: 4", "meetings: 4", "bodies: 3"]
    assert stats.stdout.splitlines()[-1] == f"decisions: {decisions}"
    out = tmp_path / "all.trig"
    exported = run("export", "--format", "trig", "-o", str(out))
    assert (exported.exit_code, exported.stderr) == (0, f"wrote {out}\n")
    assert "<https://data.samgraf.se/graph/list_layout> {" in out.read_text(encoding="utf-8")
    nquads = run("export", "--format", "nq").stdout_bytes
    assert len(nquads.splitlines()) == int(stats.stdout.splitlines()[0].split(": ")[1])


@needs_gold
def test_load_gold_records_and_ask_for_the_chair(run):
    assert run("load", "-q", str(GOLD)).stdout == "loaded 4, unchanged 0, replaced 0, failed 0\n"
    record = next(r for r in (validate_record(json.loads(p.read_text(encoding="utf-8"))) for p in sorted(GOLD.glob("*.json"))) if r.body.acronym)
    result = run("query", "--name", "members_at_date", "--param", f"body={record.body.acronym}", "--param", f"date={record.date}", "--format", "json")
    rows = json.loads(result.stdout)
    chair = next(p for p in record.participants if "chair" in p.roles)
    assert {"name": chair.name, "role": "chair", "organisation": chair.organisation} in [
        {k: r[k] for k in ("name", "role", "organisation")} for r in rows
    ]
    assert len(rows) == sum(1 for p in record.participants for role in p.roles if role in BODY_ROLES)


def test_ontology_doc(run, tmp_path):
    out = tmp_path / "ontology.html"
    assert run("ontology-doc", "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert run("ontology-doc").stdout.startswith("# samgraf ontology")


def test_load_and_query_a_sparql_server(run, oxigraph_server):  # noqa: F811
    run("query", "--store", oxigraph_server, "ASK {}")  # reachable
    from samgraf.graph import SparqlHttpStore

    SparqlHttpStore(oxigraph_server).clear()
    loaded = run("load", "-q", "--store", oxigraph_server, str(GOLDEN_RECORDS))
    assert (loaded.exit_code, loaded.stdout) == (0, "loaded 4, unchanged 0, replaced 0, failed 0\n")
    again = run("load", "-q", "--store", oxigraph_server, str(GOLDEN_RECORDS))
    assert again.stdout == "loaded 0, unchanged 4, replaced 0, failed 0\n"
    stats = run("stats", "--store", oxigraph_server).stdout.splitlines()
    assert stats[1:3] == ["graphs: 4", "meetings: 4"]
    assert run("validate", "--store", oxigraph_server).stdout == "conforms: 4 graphs\n"


def test_protocol_files_go_through_the_loaders_parse_file(run, tmp_path, monkeypatch):
    from samgraf import loaders

    record = validate_record(json.loads((GOLDEN_RECORDS / "notes_layout.json").read_text(encoding="utf-8")))
    monkeypatch.setattr(loaders, "parse_file", lambda path: record.model_copy(update={"source": Path(path).name}), raising=False)
    protocol = tmp_path / "protokoll.txt"
    protocol.write_text("invented protocol text", encoding="utf-8")
    result = run("load", "-q", str(tmp_path))
    assert (result.exit_code, result.stdout) == (0, "loaded 1, unchanged 0, replaced 0, failed 0\n")
    graphs = run("query", "--format", "csv", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").stdout
    assert graphs == "g\nhttps://data.samgraf.se/graph/protokoll\n"


PROTOCOLS = Path(__file__).resolve().parents[1].parent / "shared" / "protocols"
needs_protocols = pytest.mark.skipif(not PROTOCOLS.is_dir(), reason="../shared/protocols is not there")


@needs_protocols
def test_load_in_parallel_then_incrementally(run, tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(PROTOCOLS.glob("*.txt")):
        (corpus / path.name).write_bytes(path.read_bytes())
    first = run("load", "-q", "--jobs", "2", "--batch-size", "3", str(corpus))
    assert (first.exit_code, first.stdout) == (0, "loaded 4, unchanged 0, replaced 0, failed 0\n")

    # unchanged files are not parsed at all: a parser that fails would show up as failures
    from samgraf import loaders

    real_parse = loaders.parse_file
    monkeypatch.setattr(loaders, "parse_file", lambda path: (_ for _ in ()).throw(AssertionError(f"parsed {path}")))
    second = run("load", "-q", "--jobs", "1", str(corpus))
    assert (second.exit_code, second.stdout) == (0, "loaded 0, unchanged 4, replaced 0, failed 0\n")

    changed = sorted(corpus.glob("*.txt"))[1]
    changed.write_bytes(changed.read_bytes() + "\nEn rad till.\n".encode("utf-8"))
    parsed = []
    monkeypatch.setattr(loaders, "parse_file", lambda path: parsed.append(Path(path).name) or real_parse(path))
    third = run("load", "-q", "--jobs", "1", str(corpus))
    assert (third.exit_code, third.stdout) == (0, "loaded 0, unchanged 3, replaced 1, failed 0\n")
    assert parsed == [changed.name]

    full = run("load", "-q", "--jobs", "1", "--full", str(corpus))
    assert (full.exit_code, full.stdout) == (0, "loaded 0, unchanged 4, replaced 0, failed 0\n")
    assert len(parsed) == 5


@needs_protocols
def test_one_process_and_two_give_the_same_graph(run, tmp_path, monkeypatch):
    run("load", "-q", "--jobs", "2", "--batch-size", "2", str(PROTOCOLS))
    parallel = run("export", "--format", "nq").stdout_bytes
    monkeypatch.setenv("SAMGRAF_STORE", str(tmp_path / "other"))
    run("load", "-q", "--jobs", "1", "--batch-size", "2", str(PROTOCOLS))
    assert sorted(run("export", "--format", "nq").stdout_bytes.splitlines()) == sorted(parallel.splitlines())
