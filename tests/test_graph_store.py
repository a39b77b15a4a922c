"""The store suite, run against the embedded store and a real Oxigraph server."""
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from samgraf.errors import QueryError, StoreError
from samgraf.graph import EmbeddedStore, SparqlHttpStore, export, load_paths, load_records, run_query, stats, validate
from samgraf.graph import store as store_module
from samgraf.graph.store import _split_lines, inject_values, without_lateral
from samgraf.loaders.model import validate_record

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD = SHARED / "gold"
FIXED_TIME = "2025-01-01T12:00:00+00:00"
needs_gold = pytest.mark.skipif(not GOLD.is_dir(), reason="../shared/gold is not there")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """A real Oxigraph SPARQL server on 127.0.0.1 and a free port; stopped after the session."""
    exe = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(exe).exists():
        pytest.skip("the oxigraph server (PyPI package oxigraph) is not installed")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [exe, "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"oxigraph server did not start (exit code {process.poll()})")
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


VIRTUOSO_INI = """
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
DirsAllowed = ., {dir}
CheckpointInterval = 60

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
MaxClientConnections = 8
ServerThreads = 8

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 300
"""


def _wait_for(url: str, process: subprocess.Popen, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"{what} did not start within {seconds:.0f} s (exit code {process.poll()})")
            time.sleep(0.2)


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory):
    """A real Virtuoso 7 (Debian's virtuoso-opensource-7-bin, installed by make setup) on
    127.0.0.1 and free ports, in a fresh database; SPARQL update granted to the endpoint's
    user; stopped after the session. Missing Virtuoso fails the tests: it is part of setup."""
    exe, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if exe is None or isql is None:
        pytest.fail("Virtuoso is not installed (virtuoso-t, isql-vt): run make setup (apt-get install virtuoso-opensource-7-bin)")
    folder = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = _free_port(), _free_port()
    (folder / "virtuoso.ini").write_text(VIRTUOSO_INI.format(dir=folder, sql_port=sql_port, http_port=http_port))
    process = subprocess.Popen([exe, "-f", "-c", str(folder / "virtuoso.ini")], cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{http_port}/sparql"
    try:
        _wait_for(f"{url}?query=ASK%7B%7D", process, 120, "Virtuoso")
        grant = subprocess.run([isql, str(sql_port), "dba", "dba", 'exec=GRANT SPARQL_UPDATE TO "SPARQL";'],
                               capture_output=True, text=True, timeout=60)
        assert grant.returncode == 0 and "Error" not in grant.stdout, grant.stdout + grant.stderr
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def open_test_store(kind: str, request, folder: Path):
    """An empty store: ``embedded`` in ``folder``, ``http`` on the Oxigraph server, ``virtuoso``."""
    if kind == "embedded":
        return EmbeddedStore(folder)
    instance = SparqlHttpStore(request.getfixturevalue("oxigraph_server" if kind == "http" else "virtuoso_server"))
    instance.clear()
    return instance


@pytest.fixture(params=["embedded", "http", "virtuoso"])
def store(request, tmp_path):
    """An empty store of each kind."""
    instance = open_test_store(request.param, request, tmp_path / "store")
    yield instance
    instance.close()


def _gold_records():
    return [(p.name, validate_record(json.loads(p.read_text(encoding="utf-8")))) for p in sorted(GOLD.glob("*.json"))]


def _dataset(nquads: bytes) -> Dataset:
    dataset = Dataset()
    dataset.parse(data=nquads, format="nquads")
    return dataset


def assert_same_dataset(expected: Dataset, actual: Dataset) -> None:
    names = lambda d: sorted(str(g.identifier) for g in d.graphs() if len(g))  # noqa: E731
    assert names(expected) == names(actual)
    for name in names(expected):
        left, right = expected.graph(name), actual.graph(name)
        if not isomorphic(left, right):
            _, only_left, only_right = graph_diff(to_isomorphic(left), to_isomorphic(right))
            pytest.fail(f"graph {name} differs:\nonly before:\n{only_left.serialize(format='nt')}\nonly after:\n{only_right.serialize(format='nt')}")


@needs_gold
def test_loading_twice_changes_nothing(store):
    first = load_records(store, _gold_records(), generated_at=FIXED_TIME)
    assert (len(first.loaded), len(first.unchanged), first.failed) == (4, 0, [])
    before = store.dump_nquads()
    second = load_records(store, _gold_records(), generated_at="2030-01-01T00:00:00+00:00")
    assert (len(second.loaded), len(second.unchanged), len(second.replaced)) == (0, 4, 0)
    assert sorted(store.dump_nquads().splitlines()) == sorted(before.splitlines())


@needs_gold
def test_a_new_version_replaces_its_graph(store):
    records = _gold_records()
    load_records(store, records, generated_at=FIXED_TIME)
    label, record = records[1]
    changed = record.model_copy(deep=True)
    changed.items[0].title = "En ändrad rubrik"
    report = load_records(store, [(label, changed)], generated_at=FIXED_TIME)
    assert report.replaced == [label]
    titles = run_query(store, "PREFIX dcterms: <http://purl.org/dc/terms/> SELECT ?t WHERE { ?i dcterms:identifier ?n ; dcterms:title ?t }",
                       params={"n": record.items[0].number})
    found = {row[0].value for row in titles.rows}
    assert "En ändrad rubrik" in found and record.items[0].title not in found
    assert stats(store)["graphs"] == 4


@needs_gold
def test_a_failed_record_leaves_the_store_as_it_was(store):
    load_records(store, _gold_records()[:1], generated_at=FIXED_TIME)
    before = store.dump_nquads()
    report = load_records(store, [("broken.json", ValueError("broken record"))])
    assert report.failed == [("broken.json", "broken record")]
    assert store.dump_nquads() == before


@needs_gold
def test_gold_records_conform_to_the_shapes(store):
    load_records(store, _gold_records(), generated_at=FIXED_TIME)
    result = validate(store)
    assert result.conforms, result.report
    assert result.graphs == 4


def test_shapes_find_a_decision_without_wording(store):
    graph = ox.NamedNode("https://data.samgraf.se/graph/broken")
    decision = ox.NamedNode("https://data.samgraf.se/meeting/x/2020-01-01/item/1/decision/1")
    store.replace_graph(graph.value, [ox.Quad(decision, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                                              ox.NamedNode("http://data.vlaanderen.be/ns/besluit#Besluit"), graph)])
    result = validate(store)
    assert not result.conforms
    assert "prov:value" in result.report and "decision/1" in result.report


def test_shapes_find_a_span_without_offsets_or_quote(store):
    graph = ox.NamedNode("https://data.samgraf.se/graph/broken")
    item = ox.NamedNode("https://data.samgraf.se/meeting/x/2020-01-01/item/1")
    text_span = ox.NamedNode("https://w3id.org/samgraf/ontology#textSpan")
    quote = ox.NamedNode("https://w3id.org/samgraf/ontology#quote")
    no_offsets = ox.NamedNode("https://data.samgraf.se/source/x#line=3")
    no_quote = ox.NamedNode("https://data.samgraf.se/source/x#char=10,20")
    store.replace_graph(graph.value, [ox.Quad(item, text_span, no_offsets, graph),
                                      ox.Quad(no_offsets, quote, ox.Literal("a quote"), graph),
                                      ox.Quad(item, text_span, no_quote, graph)])
    result = validate(store)
    assert not result.conforms
    assert "#line=3" in result.report and "char=10,20" in result.report and "sg:quote" in result.report


@needs_gold
def test_trig_export_loads_back_isomorphic(store, tmp_path):
    load_records(store, _gold_records(), generated_at=FIXED_TIME)
    trig = export(store, "trig")
    copy = EmbeddedStore(tmp_path / "copy")
    copy._store.load(trig, format=ox.RdfFormat.TRIG)
    assert_same_dataset(_dataset(store.dump_nquads()), _dataset(copy.dump_nquads()))
    copy.close()


@needs_gold
def test_other_export_formats(store):
    load_records(store, _gold_records()[:1], generated_at=FIXED_TIME)
    turtle = export(store, "ttl")
    assert b"@prefix sg: <https://w3id.org/samgraf/ontology#>" in turtle
    assert json.loads(export(store, "jsonld"))
    assert export(store, "nq") == store.dump_nquads()


def test_parameters_are_bound_as_terms_not_text(store):
    hostile = '"} DROP ALL ; SELECT * WHERE { ?s ?p "x'
    result = run_query(store, "SELECT ?s WHERE { ?s ?p ?name }", params={"name": hostile})
    assert result.rows == []


def test_update_queries_are_rejected(store):
    with pytest.raises(QueryError, match="update queries are not allowed"):
        run_query(store, "INSERT DATA { <http://a.test/s> <http://a.test/p> <http://a.test/o> }")


@needs_gold
def test_stats_count_what_the_gold_records_hold(store):
    load_records(store, _gold_records(), generated_at=FIXED_TIME)
    counts = stats(store)
    assert counts["graphs"] == 4 and counts["meetings"] == 4
    assert counts["bodies"] == 3  # the two SVOM spellings are one body
    assert counts["decisions"] == sum(len(i.decisions) for _, r in _gold_records() for i in r.items)


@needs_gold
def test_load_paths_reads_json_record_files_and_folders(store, tmp_path):
    records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))]
    (tmp_path / "all.json").write_text(json.dumps(records[:2]), encoding="utf-8")
    report = load_paths(store, [tmp_path / "all.json", GOLD], generated_at=FIXED_TIME)
    assert report.summary() == "loaded 4, unchanged 2, replaced 0, failed 0"


def test_unreachable_server_is_a_store_error():
    with pytest.raises(StoreError, match="cannot reach"):
        SparqlHttpStore(f"http://127.0.0.1:{_free_port()}", timeout=2).dump_nquads()


def test_records_with_spans_and_absentees_conform_after_a_round_trip(store):
    records = Path(__file__).resolve().parent / "golden" / "records"
    report = load_paths(store, [records], generated_at=FIXED_TIME)
    assert report.summary() == "loaded 4, unchanged 0, replaced 0, failed 0"
    result = validate(store)
    assert result.conforms, result.report


def test_parameters_are_substituted_everywhere_except_where_the_query_binds_them():
    name = ox.Literal('a "quoted" ?name')
    text = inject_values('SELECT ?s WHERE { { SELECT ?s WHERE { ?s <http://a.test/p> ?name } } '
                         'FILTER(?name != "?name") } # ?name', {"name": name})
    assert text == ('SELECT ?s WHERE { { SELECT ?s WHERE { ?s <http://a.test/p> "a \\"quoted\\" ?name" } } '
                    'FILTER("a \\"quoted\\" ?name" != "?name") } # ?name')
    grouped = inject_values("SELECT ?o (COUNT(*) AS ?n) WHERE { ?s ?p ?o ; <http://a.test/q> ?x } GROUP BY ?o",
                            {"o": ox.Literal("v"), "x": ox.NamedNode("http://a.test/x")})
    assert grouped == ('SELECT ?o (COUNT(*) AS ?n) WHERE { VALUES (?o) { ("v") }  ?s ?p ?o ; '
                       '<http://a.test/q> <http://a.test/x> } GROUP BY ?o')


def test_a_substituted_parameter_is_bound_and_an_optional_one_left_out_is_not(store):
    text = inject_values("SELECT * WHERE { ?s ?p ?o FILTER(!BOUND( ?from ) || ?o >= ?from) FILTER(bound(?to)) "
                         "FILTER(BOUND(?o)) }", {"from": ox.Literal("b")})
    assert text == ('SELECT * WHERE { ?s ?p ?o FILTER(!true || ?o >= "b") FILTER(bound(?to)) '
                    'FILTER(BOUND(?o)) }')
    graph = ox.NamedNode("https://data.samgraf.se/graph/t")
    store.replace_graph(graph.value, [ox.Quad(ox.NamedNode("http://a.test/s"), ox.NamedNode("http://a.test/p"),
                                              ox.Literal(value), graph) for value in "abc"])
    sparql = "SELECT ?o WHERE { GRAPH ?g { ?s <http://a.test/p> ?o } FILTER(!BOUND(?from) || ?o >= ?from) } ORDER BY ?o"
    assert [row[0].value for row in run_query(store, sparql, params={"from": "b"}).rows] == ["b", "c"]
    assert [row[0].value for row in run_query(store, sparql).rows] == ["a", "b", "c"]


def test_lateral_is_sent_as_a_join_to_servers_without_it():
    text = 'SELECT * { ?a ?b "LATERAL" . <http://a.test/LATERAL> ?p ?o # LATERAL\n Lateral { ?x ?y ?z } }'
    assert without_lateral(text) == 'SELECT * { ?a ?b "LATERAL" . <http://a.test/LATERAL> ?p ?o # LATERAL\n  { ?x ?y ?z } }'


def test_a_parameter_inside_a_subquery_is_bound(store):
    store.replace_graph("https://data.samgraf.se/graph/t", [ox.Quad(
        ox.NamedNode("http://a.test/s"), ox.NamedNode("http://a.test/p"), ox.Literal("x"),
        ox.NamedNode("https://data.samgraf.se/graph/t"))])
    sparql = "SELECT ?s WHERE { { SELECT DISTINCT ?s WHERE { ?s <http://a.test/p> ?value } } }"
    assert [row[0].value for row in run_query(store, sparql, params={"value": "x"}).rows] == ["http://a.test/s"]
    assert run_query(store, sparql, params={"value": "y"}).rows == []


def test_split_lines_cuts_only_at_line_ends():
    data = b"".join(b"<s> <p> \"%d\" <g> .\n" % i for i in range(37))
    for parts in (1, 2, 3, 7, 100):
        pieces = _split_lines(data, parts)
        assert b"".join(pieces) == data
        assert 1 <= len(pieces) <= parts
        assert all(piece.endswith(b"\n") for piece in pieces)
    assert _split_lines(b"", 4) == [b""]


@needs_gold
def test_a_load_in_parallel_parts_holds_what_one_load_holds(tmp_path, monkeypatch):
    one = EmbeddedStore(None)
    load_records(one, _gold_records(), generated_at=FIXED_TIME)
    nquads = one.dump_nquads()
    monkeypatch.setattr(store_module, "PARALLEL_LOAD_BYTES", 0)
    parallel = EmbeddedStore(tmp_path / "parallel")
    assert parallel.load_nquads(nquads, threads=3) == 3
    assert_same_dataset(_dataset(nquads), _dataset(parallel.dump_nquads()))


def test_bad_n_quads_are_a_store_error_naming_the_store(tmp_path):
    store = EmbeddedStore(tmp_path / "s")
    with pytest.raises(StoreError, match="cannot load N-Quads into .*/s"):
        store.load_nquads(b"<a> <b> .\n")


@needs_gold
def test_compacting_a_store_keeps_what_it_holds(store):
    load_records(store, _gold_records(), generated_at=FIXED_TIME)
    before = store.dump_nquads()
    # the embedded store compacts its files; a server is left to compact its own storage
    assert store.compact() is isinstance(store, EmbeddedStore)
    assert_same_dataset(_dataset(before), _dataset(store.dump_nquads()))


def test_a_load_compacts_the_store_when_it_wrote_a_large_share_of_it():
    from samgraf.graph.api import COMPACT_MIN_GRAPHS, should_compact

    assert should_compact(COMPACT_MIN_GRAPHS, COMPACT_MIN_GRAPHS)  # a fresh store
    assert should_compact(COMPACT_MIN_GRAPHS, 10 * COMPACT_MIN_GRAPHS)
    assert not should_compact(COMPACT_MIN_GRAPHS, 10 * COMPACT_MIN_GRAPHS + 1)  # a large store, a few changed
    assert not should_compact(COMPACT_MIN_GRAPHS - 1, COMPACT_MIN_GRAPHS - 1)  # a small load
