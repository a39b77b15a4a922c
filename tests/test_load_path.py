"""The fast load path gives what the plain one gave: N-Quads of the mapping, the store's
knowledge of persons and bodies taken from the mapped graphs instead of read back."""
import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from samgraf.graph import iris
from samgraf.graph.identity import GraphFacts, StoreKnowledge, graph_facts, quad_triples, resolve
from samgraf.graph.mapping import MappedProtocol, map_protocol
from samgraf.graph.store import EmbeddedStore
from samgraf.loaders.model import validate_record

GOLDEN = Path(__file__).resolve().parent / "golden"
FIXED_TIME = "2025-01-01T12:00:00+00:00"
SG = "https://w3id.org/samgraf/ontology#"


def _records():
    return [validate_record(json.loads(p.read_text(encoding="utf-8"))) for p in sorted((GOLDEN / "records").glob("*.json"))]


def _mapped():
    records = _records()
    resolution = resolve(records, base=iris.DEFAULT_BASE)
    return [map_protocol(r, base=iris.DEFAULT_BASE, generated_at=FIXED_TIME, resolution=resolution) for r in records]


def test_nquads_and_quads_agree():
    for mapped in _mapped():
        quads = mapped.quads
        assert len(quads) == len(set(quads)) == mapped.nquads.count(b"\n")
        again = MappedProtocol(mapped.graph, quads, mapped.record_sha256, mapped.source)
        assert set(ox.parse(again.nquads, format=ox.RdfFormat.N_QUADS)) == set(quads)
        content, digest = mapped.write_parts()
        hashes = list(ox.parse(digest, format=ox.RdfFormat.N_QUADS))
        assert [q.predicate.value for q in hashes] == [SG + "recordSha256"]
        assert hashes[0].object.value == mapped.record_sha256
        rest = list(ox.parse(content, format=ox.RdfFormat.N_QUADS))
        assert set(rest) | set(hashes) == set(quads) and len(rest) == len(quads) - 1
        assert again.write_parts()[1] == digest and set(ox.parse(again.write_parts()[0], format=ox.RdfFormat.N_QUADS)) == set(rest)


def test_knowledge_from_mapped_graphs_is_what_the_store_gives():
    mapped = _mapped()
    store = EmbeddedStore(None)
    assert store.load_mapped_batch(mapped) == ["loaded"] * len(mapped)
    read = StoreKnowledge(store, iris.DEFAULT_BASE)
    fetched = read._fetch({m.graph for m in mapped})
    for m in mapped:
        from_mapping = graph_facts(m.graph, m.fact_triples(), iris.DEFAULT_BASE)
        assert from_mapping == graph_facts(m.graph, quad_triples(m.graph, m.quads), iris.DEFAULT_BASE)
        assert from_mapping == fetched[m.graph]
    kept = StoreKnowledge(store, iris.DEFAULT_BASE, read=False)
    kept.add_mapped(mapped)
    assert kept.snapshot() == read.snapshot()
    assert kept.snapshot({mapped[0].graph}) == read.snapshot({mapped[0].graph})


def _record_files(folder, records):
    folder.mkdir()
    paths = []
    for i, record in enumerate(records):
        path = folder / f"{i}.json"
        path.write_text(record.model_dump_json(), encoding="utf-8")
        paths.append(path)
    return paths


def _load_in_two_runs(location, records, *, drop_cache=False):
    from samgraf.graph.api import load_paths
    from samgraf.graph.store import KNOWLEDGE_CACHE

    paths = _record_files(location / "records", records)
    store = EmbeddedStore(location / "store")
    load_paths(store, paths[:2], generated_at=FIXED_TIME)
    cache = location / "store" / KNOWLEDGE_CACHE
    assert cache.is_file()
    if drop_cache:
        cache.unlink()
    load_paths(store, paths[2:], generated_at=FIXED_TIME)
    return store


def test_a_load_resolves_the_same_with_the_knowledge_cache_as_without(tmp_path):
    records = _records()
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with_cache = _load_in_two_runs(tmp_path / "a", records)
    without = _load_in_two_runs(tmp_path / "b", records, drop_cache=True)
    assert sorted(with_cache.dump_nquads().splitlines()) == sorted(without.dump_nquads().splitlines())
    knowledge = StoreKnowledge(with_cache, iris.DEFAULT_BASE)
    assert knowledge.from_cache == len(records)
    assert knowledge.snapshot() == StoreKnowledge(without, iris.DEFAULT_BASE).snapshot()


def test_the_knowledge_cache_is_not_trusted_for_a_graph_written_since(tmp_path):
    from samgraf.graph.api import load_paths

    records = _records()
    (tmp_path / "a").mkdir()
    store = _load_in_two_runs(tmp_path / "a", records[:3])
    graph = iris.graph_iri(records[0].source, iris.DEFAULT_BASE)
    store.replace_graph(graph, [])  # emptied behind samgraf's back: the cache still has its facts
    knowledge = StoreKnowledge(store, iris.DEFAULT_BASE)
    assert knowledge.from_cache == 2
    assert graph not in store.named_graphs() and not knowledge.facts.get(graph, GraphFacts()).names
    fresh = StoreKnowledge(store, iris.DEFAULT_BASE, read=False)
    fresh._read(None)
    assert knowledge.snapshot() == fresh.snapshot()
    (tmp_path / "a" / "store" / "samgraf-knowledge.json").write_text("{not json", encoding="utf-8")
    assert StoreKnowledge(store, iris.DEFAULT_BASE).snapshot() == fresh.snapshot()
    assert load_paths(store, [tmp_path / "a" / "records" / "0.json"], generated_at=FIXED_TIME).loaded


@pytest.mark.parametrize("jobs", [1, 2])  # 2: the records and their hashes come from worker processes
def test_batches_written_while_the_next_is_mapped_give_what_one_by_one_gives(tmp_path, jobs):
    from samgraf.graph.api import load_paths, load_records

    records = _records()
    paths = _record_files(tmp_path / "records", records)
    pipelined = EmbeddedStore(None)
    report = load_paths(pipelined, paths, generated_at=FIXED_TIME, batch_size=1, jobs=jobs)
    assert report.loaded == [str(p) for p in paths] and not report.failed
    sequential = EmbeddedStore(None)
    knowledge = StoreKnowledge(sequential, iris.DEFAULT_BASE)
    for path, record in zip(paths, records):
        load_records(sequential, [(str(path), record)], generated_at=FIXED_TIME, knowledge=knowledge)
    assert sorted(pipelined.dump_nquads().splitlines()) == sorted(sequential.dump_nquads().splitlines())


class _FailingStore(EmbeddedStore):
    """An embedded store that cannot write one graph."""

    def __init__(self, location, failing: str):
        super().__init__(location)
        self.failing = failing

    def write_graphs(self, new, replaced):
        from samgraf.errors import StoreError

        if any(m.graph == self.failing for m in [*new, *replaced]):
            raise StoreError(f"cannot write {len(new)} graphs: disk full")
        super().write_graphs(new, replaced)

    def replace_graph(self, graph, quads):
        from samgraf.errors import StoreError

        if graph == self.failing:
            raise StoreError(f"cannot write graph {graph}: disk full")
        super().replace_graph(graph, quads)


def test_a_graph_that_cannot_be_written_fails_alone_and_is_not_known_afterwards(tmp_path):
    from samgraf.graph.api import load_paths

    records = _records()
    paths = _record_files(tmp_path / "records", records)
    failing = iris.graph_iri(records[1].source, iris.DEFAULT_BASE)
    store = _FailingStore(tmp_path / "store", failing)
    report = load_paths(store, paths, generated_at=FIXED_TIME, batch_size=2)
    assert report.failed == [(str(paths[1]), f"cannot write graph {failing}: disk full")]
    assert report.loaded == [str(p) for i, p in enumerate(paths) if i != 1]
    assert failing not in store.named_graphs()
    cache = json.loads((tmp_path / "store" / "samgraf-knowledge.json").read_text(encoding="utf-8"))
    assert failing not in cache["graphs"] and len(cache["graphs"]) == len(records) - 1
    known = StoreKnowledge(store, iris.DEFAULT_BASE)
    assert failing not in known.facts and known.from_cache == len(records) - 1
    fresh = StoreKnowledge(store, iris.DEFAULT_BASE, read=False)
    fresh._read(None)
    assert known.snapshot() == fresh.snapshot()
