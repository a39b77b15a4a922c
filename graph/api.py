"""The Python API for notebooks and scripts: open a store, load records, query, export.

>>> from samgraf.graph import open_store, query_df
>>> store = open_store()                      # ./samgraf-store or $SAMGRAF_STORE or a URL
>>> query_df(store, name="members_at_date", params={"body": "SVOM", "date": "2012-11-30"})
"""
from __future__ import annotations

import datetime as dt
import json
import re
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import pyoxigraph as ox

from samgraf.errors import QueryError, SamgrafError, StoreError
from samgraf.graph.mapping import MappedProtocol, map_protocol
from samgraf.graph.store import QueryResult, Store, Term, open_store
from samgraf.loaders.model import Protocol, validate_record

XSD = "http://www.w3.org/2001/XMLSchema#"
PROTOCOL_SUFFIXES = (".txt", ".pdf", ".docx", ".html", ".htm")
RECORD_SUFFIX = ".json"
EXPORT_FORMATS = ("ttl", "trig", "nq", "jsonld")
PREFIXES = {
    "sg": "https://w3id.org/samgraf/ontology#", "besluit": "http://data.vlaanderen.be/ns/besluit#",
    "eli": "http://data.europa.eu/eli/ontology#", "cv": "http://data.europa.eu/m8g/",
    "person": "http://www.w3.org/ns/person#", "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#", "foaf": "http://xmlns.com/foaf/0.1/",
    "dcterms": "http://purl.org/dc/terms/", "skos": "http://www.w3.org/2004/02/skos/core#",
    "time": "http://www.w3.org/2006/time#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": XSD, "role": "https://w3id.org/samgraf/concept/role/",
    "dtype": "https://w3id.org/samgraf/concept/decision-type/",
}

__all__ = [
    "open_store", "load_paths", "load_records", "LoadReport", "run_query", "query_df", "query_names",
    "query_text", "to_term", "parse_param", "to_python", "export", "stats", "validate", "identity_decisions",
]


# -- reading records ---------------------------------------------------------------------
def _parse_file(path: Path) -> Protocol:
    from samgraf import loaders

    parse_file: Callable | None = getattr(loaders, "parse_file", None)
    if parse_file is None:
        raise SamgrafError("protocol files need samgraf.loaders.parse_file, which is not available yet", source=str(path))
    return parse_file(path)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the protocol and record files inside folders named (sorted)."""
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in (*PROTOCOL_SUFFIXES, RECORD_SUFFIX))
        else:
            found.append(path)
    return found


def read_records(path: Path) -> Iterator[tuple[str, Protocol | Exception]]:
    """(label, record or the error) for every record of a file: a protocol or a JSON record file."""
    if path.suffix.lower() != RECORD_SUFFIX:
        try:
            yield str(path), _parse_file(path)
        except Exception as exc:  # one bad file must not stop the batch
            yield str(path), exc
        return
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        yield str(path), SamgrafError(f"cannot read JSON records: {exc}", source=str(path))
        return
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records):
        label = str(path) if isinstance(data, dict) else f"{path}[{index}]"
        try:
            yield label, validate_record(record)
        except Exception as exc:
            yield label, exc


# -- loading -----------------------------------------------------------------------------
@dataclass
class LoadReport:
    """What a load did, by outcome: label lists, and (label, message) for failures."""

    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    compacted: bool = False
    compact_error: str | None = None  # the graphs are stored; only compacting them failed

    def summary(self) -> str:
        return (f"loaded {len(self.loaded)}, unchanged {len(self.unchanged)}, "
                f"replaced {len(self.replaced)}, failed {len(self.failed)}"
                + (", store compacted" if self.compacted else ""))


def failure_message(exc: BaseException) -> str:
    """What went wrong, without the file name the report already gives."""
    return exc.message if isinstance(exc, SamgrafError) and exc.message else str(exc)


def load_records(store: Store, records: Iterable[tuple[str, Protocol | Exception]], *,
                 base: str | None = None, generated_at: dt.datetime | str | None = None,
                 report: LoadReport | None = None, identities: str | Path | None = None,
                 curation=None, knowledge=None) -> LoadReport:
    """Map and store each record in its own named graph; a failure leaves the store as it was.

    The records are resolved together, with what the store already knows, into canonical
    persons, bodies and organisations (:mod:`samgraf.graph.identity`); ``identities`` is an
    analyst's identities YAML file (confirm/split) the resolution respects. ``knowledge`` (a
    :class:`~samgraf.graph.identity.StoreKnowledge`) is what the store knows, kept by a caller
    that loads in batches; it is brought up to date with the graphs written here.
    """
    from samgraf.graph.identity import Curation

    report = report or LoadReport()
    curation = curation or Curation.load(identities)
    mapped = _map_batch(store, records, base=base, generated_at=generated_at, report=report,
                        curation=curation, knowledge=knowledge)
    written = _write_batch(store, mapped)
    _record_outcomes(report, written)
    if knowledge is not None:
        knowledge.add_mapped([w.mapped for w in written if w.outcome in ("loaded", "replaced")])
    return report


def _map_batch(store: Store, records: Iterable[tuple[str, Protocol | Exception]], *, base, generated_at,
               report: LoadReport, curation, knowledge,
               digests: dict[str, str] | None = None) -> list[tuple[str, MappedProtocol]]:
    """Resolve the records together and map each: (label, mapped graph); failures go to the report.
    ``digests``: label -> the record's content hash, where already worked out."""
    from samgraf.graph.identity import resolve

    good: list[tuple[str, Protocol]] = []
    for label, record in records:
        if isinstance(record, Exception):
            report.failed.append((label, failure_message(record)))
        else:
            good.append((label, record))
    if not good:
        return []
    try:
        resolution = resolve([r for _, r in good], base=base, store=store, curation=curation, knowledge=knowledge)
    except SamgrafError as exc:
        report.failed += [(label, f"identity resolution: {exc}") for label, _ in good]
        return []
    mapped = []
    for label, record in good:
        try:
            mapped.append((label, map_protocol(record, base=base, generated_at=generated_at, resolution=resolution,
                                               record_digest=digests.get(label) if digests else None)))
        except SamgrafError as exc:
            report.failed.append((label, failure_message(exc)))
    return mapped


@dataclass
class _Written:
    """One graph's write: its outcome (``loaded``, ``replaced``, ``unchanged``), or None and why."""

    label: str
    mapped: MappedProtocol
    outcome: str | None
    error: str = ""


def _write_batch(store: Store, mapped: list[tuple[str, MappedProtocol]]) -> list[_Written]:
    """Store mapped graphs together; when that fails, one by one, so only the failing ones fail."""
    try:
        outcomes = store.load_mapped_batch([m for _, m in mapped])
        return [_Written(label, m, outcome) for (label, m), outcome in zip(mapped, outcomes)]
    except SamgrafError:
        written = []
        for label, graph in mapped:
            try:
                written.append(_Written(label, graph, store.load_mapped(graph)))
            except SamgrafError as exc:
                written.append(_Written(label, graph, None, failure_message(exc)))
        return written


def _record_outcomes(report: LoadReport, written: list[_Written]) -> None:
    for w in written:
        if w.outcome is None:
            report.failed.append((w.label, w.error))
        else:
            getattr(report, w.outcome).append(w.label)


DEFAULT_BATCH = 500  # records mapped, resolved and written together
COMPACT_MIN_GRAPHS = 1000  # a load that writes this many graphs, a tenth of the store or more, compacts it


def should_compact(written: int, graphs_in_store: int) -> bool:
    """Whether a load that wrote ``written`` graphs is large enough to compact the store after:
    a fresh store's queries run up to twice as fast compacted (10k: 26 s to compact), while
    compacting a large store for a few changed graphs would cost more than it gains."""
    return written >= COMPACT_MIN_GRAPHS and written * 10 >= graphs_in_store


def load_paths(store: Store, paths: Iterable[str | Path], *, base: str | None = None,
               generated_at: dt.datetime | str | None = None,
               progress: Callable[[Path], None] | None = None,
               identities: str | Path | None = None, jobs: int | None = 1,
               batch_size: int = DEFAULT_BATCH, incremental: bool = True,
               compact: bool | None = None) -> LoadReport:
    """Load protocol files, JSON record files and folders of them.

    Files are parsed by ``jobs`` processes (1: in this process; None: all cores) and the
    records resolved, mapped and written in batches of ``batch_size``, each batch resolved
    with what the store knows by then (the earlier batches included), so memory stays flat.
    With ``incremental``, a protocol file whose content (SHA-256) the store already holds,
    mapped by this samgraf version, is not parsed again and counts as ``unchanged``.
    ``compact``: compact the store after the load (None: when :func:`should_compact`).
    """
    from samgraf.graph import iris
    from samgraf.graph.identity import Curation, StoreKnowledge
    from samgraf.graph.pipeline import UNCHANGED, default_jobs, read_files

    report = LoadReport()
    files = expand_paths(paths)
    base_iri = iris.resolve_base(base)
    digests: dict[str, str] = {}
    if incremental and any(p.suffix.lower() in PROTOCOL_SUFFIXES for p in files):
        from samgraf import __version__

        digests = {graph: digest for graph, (digest, version) in store.source_digests().items() if version == __version__}

    def known(path: Path) -> str | None:
        if path.suffix.lower() not in PROTOCOL_SUFFIXES:
            return None
        return digests.get(iris.graph_iri(path.name, base_iri))

    curation = Curation.load(identities)
    knowledge = None
    batch: list[tuple[str, Protocol | Exception]] = []
    record_digests: dict[str, str] = {}  # label -> record hash, from the parsing workers
    # A batch is written by a second thread while the next one is parsed, resolved and mapped:
    # Oxigraph's bulk loader (or the server) works without Python's lock. What is known of a
    # batch is taken in as soon as it is mapped, so the next one is resolved against it.
    writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="samgraf-write")
    writing: Future | None = None

    def finish_write() -> None:
        nonlocal writing
        if writing is None:
            return
        written, writing = writing.result(), None
        _record_outcomes(report, written)
        failed = {w.mapped.graph for w in written if w.outcome is None}
        if failed and knowledge is not None:
            knowledge.add_graphs(failed)  # what the store holds of them, not what was mapped

    def flush() -> None:
        nonlocal knowledge, batch, writing
        if any(not isinstance(r, Exception) for _, r in batch) and knowledge is None:
            finish_write()
            knowledge = StoreKnowledge(store, base_iri)
        mapped = _map_batch(store, batch, base=base, generated_at=generated_at, report=report,
                            curation=curation, knowledge=knowledge, digests=record_digests)
        batch = []
        record_digests.clear()
        if knowledge is not None:
            knowledge.add_mapped([m for _, m in mapped])
        finish_write()
        writing = writer.submit(_write_batch, store, mapped)

    count = 0
    try:
        for path, result in read_files(((p, known(p)) for p in files), jobs=jobs or default_jobs(), ahead=batch_size):
            if result == UNCHANGED:
                report.unchanged.append(str(path))
            else:
                for label, record, digest in result:
                    batch.append((label, record))
                    if digest:
                        record_digests[label] = digest
                count += len(result)
            if progress:
                progress(path)
            if count >= batch_size:
                flush()
                count = 0
        if batch:
            flush()
        finish_write()
    finally:
        writer.shutdown(wait=True)
    if knowledge is not None:
        knowledge.save_cache()
    written = len(report.loaded) + len(report.replaced)
    if compact or (compact is None and written >= COMPACT_MIN_GRAPHS  # the store's graphs counted only then
                   and should_compact(written, len(store.named_graphs()))):
        try:
            report.compacted = store.compact()
        except StoreError as exc:
            report.compact_error = failure_message(exc)
    return report


def identity_decisions(store: Store, status: str | None = None) -> list[dict[str, Any]]:
    """The identity decisions the store holds (merges, near-misses, curated, bodies), sorted."""
    query = """
PREFIX sg: <https://w3id.org/samgraf/ontology#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
SELECT ?decision ?status ?kind ?of ?other ?evidence
       (GROUP_CONCAT(DISTINCT ?name; separator=" | ") AS ?names)
       (GROUP_CONCAT(DISTINCT ?source; separator=" ") AS ?sources)
WHERE {
  ?decision a sg:IdentityDecision ; sg:identityStatus ?status ; sg:identityKind ?kind ; sg:evidence ?evidence ;
            sg:matchedName ?name .
  OPTIONAL { ?decision sg:identityOf ?of }
  OPTIONAL { ?decision sg:comparedWith ?other }
  OPTIONAL { ?decision sg:identitySource ?source }
}
GROUP BY ?decision ?status ?kind ?of ?other ?evidence
"""
    rows = [{k: to_python(v) for k, v in r.items()} for r in store.query(query).records()]
    order = {"merged": 0, "confirmed": 1, "body": 2, "near-miss": 3, "split": 4}
    rows = [r for r in rows if status is None or r["status"] == status]
    return sorted(rows, key=lambda r: (order.get(r["status"], 9), r["kind"], r["names"], r["decision"]))


# -- queries -----------------------------------------------------------------------------
def query_names() -> list[str]:
    """The names of the queries in the library (graph/queries/*.rq)."""
    folder = files("samgraf.graph").joinpath("queries")
    return sorted(p.name[:-3] for p in folder.iterdir() if p.name.endswith(".rq"))


def query_text(name: str) -> str:
    """The text of a library query."""
    if not re.fullmatch(r"[A-Za-z0-9_]+", name) or name not in query_names():
        raise QueryError(f"no query named {name!r}; known: {', '.join(query_names())}")
    return files("samgraf.graph").joinpath(f"queries/{name}.rq").read_text(encoding="utf-8")


def query_description(name: str) -> str:
    """The leading comment of a library query: the question it answers and its parameters."""
    lines = []
    for line in query_text(name).splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("# ").rstrip())
    return " ".join(lines)


def to_term(value: Any) -> Term:
    """A Python value as an RDF term: str -> xsd:string, date -> xsd:date, int, float, bool."""
    if isinstance(value, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return value
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=ox.NamedNode(XSD + "double"))
    if isinstance(value, dt.datetime):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(XSD + "dateTime"))
    if isinstance(value, dt.date):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(XSD + "date"))
    if type(value).__name__ == "URIRef":  # rdflib
        return ox.NamedNode(str(value))
    if isinstance(value, str):
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return ox.Literal(value, datatype=ox.NamedNode(XSD + "date"))
        return ox.Literal(value)
    raise QueryError(f"cannot bind a {type(value).__name__} as a query parameter")


def parse_param(text: str) -> tuple[str, Term]:
    """``name=value`` from the command line: ``<iri>``, ``YYYY-MM-DD`` (xsd:date), an integer, else a string."""
    name, sep, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise QueryError(f"a parameter is name=value, got {text!r}")
    if value.startswith("<") and value.endswith(">"):
        try:
            return name, ox.NamedNode(value[1:-1])
        except ValueError as exc:
            raise QueryError(f"parameter {name}: {exc}") from exc
    if re.fullmatch(r"-?\d+", value):
        return name, to_term(int(value))
    return name, to_term(value)


def run_query(store: Store, query: str | None = None, *, name: str | None = None,
              params: dict[str, Any] | None = None) -> QueryResult:
    """Run a literal query or a named library query, binding ``params`` as parameters."""
    if (query is None) == (name is None):
        raise QueryError("give either a query text or a query name")
    text = query_text(name) if name is not None else with_prefixes(query)
    return store.query(text, {k: to_term(v) for k, v in (params or {}).items()})


_DECLARED_PREFIX = re.compile(r"^\s*PREFIX\s+([\w-]*):", re.I | re.M)


def with_prefixes(query: str) -> str:
    """The query with samgraf's usual prefixes (``sg:``, ``besluit:``, ``org:`` …) declared
    where it uses them without declaring them itself."""
    declared = set(_DECLARED_PREFIX.findall(query))
    missing = [p for p in PREFIXES if p not in declared and re.search(rf"(?<![\w:/#-]){re.escape(p)}:", query)]
    return "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in missing) + query


_NUMERIC = {"integer": int, "int": int, "long": int, "short": int, "nonNegativeInteger": int,
            "positiveInteger": int, "decimal": Decimal, "double": float, "float": float}


def to_python(term: Term | None) -> Any:
    """A result term as a Python value: IRIs as str, typed literals converted, None for unbound."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        kind = term.datatype.value[len(XSD):] if term.datatype.value.startswith(XSD) else ""
        try:
            if kind in _NUMERIC:
                return _NUMERIC[kind](term.value)
            if kind == "boolean":
                return term.value in ("true", "1")
            if kind == "date":
                return dt.date.fromisoformat(term.value)
            if kind == "dateTime":
                return dt.datetime.fromisoformat(term.value)
        except ValueError:
            return term.value
        return term.value
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value


def query_df(store: Store, query: str | None = None, *, name: str | None = None,
             params: dict[str, Any] | None = None):
    """The query's solutions as a pandas DataFrame: one column per variable, Python values."""
    import pandas as pd

    result = run_query(store, query, name=name, params=params)
    if result.kind == "ask":
        return pd.DataFrame({"result": [result.boolean]})
    if result.kind == "construct":
        rows = [(to_python(t.subject), to_python(t.predicate), to_python(t.object)) for t in result.triples]
        return pd.DataFrame(rows, columns=["subject", "predicate", "object"])
    return pd.DataFrame([[to_python(t) for t in row] for row in result.rows], columns=result.variables)


# -- export, stats, validation -----------------------------------------------------------
def export(store: Store, fmt: str = "trig") -> bytes:
    """The store's data as ``ttl`` (all graphs merged), ``trig``, ``nq`` or ``jsonld``."""
    if fmt not in EXPORT_FORMATS:
        raise SamgrafError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    nquads = store.dump_nquads()
    if fmt == "nq":
        return nquads
    quads = list(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))
    if fmt == "ttl":
        triples = list(dict.fromkeys(q.triple for q in quads))
        return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    if fmt == "jsonld":
        return ox.serialize(quads, format=ox.RdfFormat.JSON_LD)
    return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)


_STATS_QUERY = """
PREFIX besluit: <http://data.vlaanderen.be/ns/besluit#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX person: <http://www.w3.org/ns/person#>
SELECT
  (COUNT(DISTINCT ?meeting) AS ?meetings) (COUNT(DISTINCT ?body) AS ?bodies)
  (COUNT(DISTINCT ?person) AS ?persons) (COUNT(DISTINCT ?organisation) AS ?organisations)
  (COUNT(DISTINCT ?decision) AS ?decisions)
WHERE {
  { ?meeting a besluit:Zitting } UNION { ?body a org:OrganizationalCollaboration }
  UNION { ?person a person:Person } UNION { ?organisation a org:Organization . FILTER NOT EXISTS { ?organisation a org:OrganizationalCollaboration } }
  UNION { ?decision a besluit:Besluit }
}
"""


def stats(store: Store) -> dict[str, int]:
    """Counts: quads, named graphs, meetings, bodies, persons, organisations, decisions."""
    counts = store.query("SELECT (COUNT(*) AS ?quads) (COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g { ?s ?p ?o } }")
    result = {k: to_python(v) for k, v in counts.records()[0].items()}
    result.update({k: to_python(v) for k, v in store.query(_STATS_QUERY).records()[0].items()})
    return result


def validate(store: Store):
    """SHACL-validate the store's data (see :mod:`samgraf.graph.validation`)."""
    from samgraf.graph.validation import validate_store

    return validate_store(store)
