#!/usr/bin/env python3
"""samgraf benchmark: parse, load, query library, rdflib baseline and render, as Markdown tables.

    python benchmarks/run.py [--sizes 1000,10000] [--with-100k] [--seed S] [--workdir DIR] [--jobs N]

For each corpus size (synthetic protocols from ``make_corpus.py``, generated once per size
and seed under the work dir and reused) it measures, each phase in a fresh child process so
that its peak memory (maximum resident set size) is its own:

1. parse on one core (``read_document`` + ``parse_document`` per file) and on all cores (a
   ``multiprocessing`` pool of ``--jobs`` processes); the all-cores pass writes the records
   (JSON lines) that the next phases load;
2. load: ``samgraf.graph.api.load_records`` into a fresh embedded store (identity
   resolution, mapping, Oxigraph's bulk loader) in batches of ``--load-batch``, as
   ``samgraf load`` writes them, then compaction; triples/s, size of the store folder, peak
   memory. Reading the records back from JSON is timed apart and not counted;
3. the query library on that store: median latency of ``--repeat`` runs per query,
   parameters bound to values found in the store (the body with the most meetings, ...);
4. baseline: the same quads (dumped from a store loaded with the first ``--baseline-max``
   protocols) written graph by graph into a fresh embedded store and into rdflib's
   in-memory ``Dataset``, and loaded whole as N-Quads into each; the query library run on
   the embedded store as ``samgraf load`` leaves it (bulk-loaded, compacted), on Oxigraph in
   memory and on rdflib; ratios rdflib / oxigraph;
5. render (once, whatever the sizes): view graphs of 1k, 5k and 20k nodes built from gold
   records of a render corpus, ``render_view`` time and HTML size.

Tables go to stdout (and ``--markdown FILE``); progress to stderr; raw figures to
``<workdir>/results-<time>.json``.
"""
from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import math
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_WORKDIR = HERE / ".work"
RENDER_SIZES = (1000, 5000, 20000)
TARGET_PARSE_PER_CORE = 200.0
TARGET_100K_SECONDS = 15 * 60
TARGET_PEAK_GB = 4.0
TARGET_QUERY_SECONDS = 1.0
TARGET_RATIO = 5.0
DEFAULT_BATCH = 500  # records per load_records call, as samgraf load batches them (samgraf.graph.api.DEFAULT_BATCH)
MAX_RSS_GB = 10.0  # default cap on a phase's resident memory (the machine is shared)
SLOW_QUERY = 10.0  # seconds: a query slower than this on its first run is not repeated


def log(message: str) -> None:
    print(f"[{dt.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def maxrss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: kB


def rss_mb() -> float:
    """This process's resident memory now."""
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024 ** 2


def folder_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


# =============================================================================== child phases
# Each phase runs as ``run.py --phase NAME --spec SPEC.json --result RESULT.json`` and writes a dict.

def _corpus_files(spec: dict) -> list[Path]:
    files = sorted(Path(spec["corpus"]).glob("*.txt"))
    return files[: spec["limit"]] if spec.get("limit") else files


def phase_parse_one(spec: dict) -> dict:
    """Read and parse every file in this process."""
    from samgraf.loaders import parse_document, read_document

    files = _corpus_files(spec)
    try:  # warm the caches (lexicons, reference data, compiled patterns) outside the clock
        parse_document(read_document(files[0]))
    except Exception:
        pass
    failed, size = 0, 0
    start = time.perf_counter()
    for path in files:
        try:
            doc = read_document(path)
            size += path.stat().st_size
            parse_document(doc)
        except Exception:
            failed += 1
    seconds = time.perf_counter() - start
    return {"protocols": len(files), "bytes": size, "seconds": seconds, "failed": failed,
            "processes": 1, "peak_mb": maxrss_mb()}


def _parse_worker(path: str) -> tuple[str, int, str | None, str | None]:
    from samgraf.loaders import parse_document, read_document

    size = os.path.getsize(path)
    try:
        return path, size, parse_document(read_document(path)).model_dump_json(), None
    except Exception as exc:
        return path, size, None, f"{type(exc).__name__}: {exc}"


def phase_parse_all(spec: dict) -> dict:
    """Parse every file with a pool of ``jobs`` processes; write the records as JSON lines."""
    import multiprocessing as mp

    from samgraf.loaders import parse_document, read_document

    files = [str(p) for p in _corpus_files(spec)]
    try:  # warm the caches before forking, so that every worker starts warm
        parse_document(read_document(files[0]))
    except Exception:
        pass
    jobs = spec["jobs"]
    failed, size, errors = 0, 0, Counter()
    out = Path(spec["records"])
    tmp = out.with_suffix(".part")
    start = time.perf_counter()
    with mp.get_context("fork").Pool(jobs) as pool, tmp.open("w", encoding="utf-8") as fh:
        chunk = max(1, min(16, len(files) // (jobs * 8) or 1))
        for path, nbytes, record, error in pool.imap_unordered(_parse_worker, files, chunksize=chunk):
            size += nbytes
            if record is None:
                failed += 1
                errors[error.split(":")[0]] += 1
            else:
                fh.write(record + "\n")
    seconds = time.perf_counter() - start
    tmp.replace(out)
    main_mb, worker_mb = maxrss_mb(), maxrss_mb(resource.RUSAGE_CHILDREN)
    return {"protocols": len(files), "bytes": size, "seconds": seconds, "failed": failed,
            "errors": dict(errors), "processes": jobs, "main_peak_mb": main_mb, "worker_peak_mb": worker_mb,
            "peak_mb": main_mb + jobs * worker_mb}


class _TimedRecords:
    """Records read lazily from JSON lines, timing the reading so it can be left out."""

    def __init__(self, path: Path, limit: int | None = None):
        self.path, self.limit, self.seconds, self.count = path, limit, 0.0, 0

    def __iter__(self):
        from samgraf.loaders.model import Protocol

        with self.path.open(encoding="utf-8") as fh:
            while True:
                if self.limit and self.count >= self.limit:
                    return
                start = time.perf_counter()
                line = fh.readline()
                if not line:
                    self.seconds += time.perf_counter() - start
                    return
                record = Protocol.model_validate_json(line)
                self.seconds += time.perf_counter() - start
                self.count += 1
                yield record.source, record


def _count_quads(store) -> tuple[int, int]:
    """Quads and named graphs of an embedded store (pyoxigraph scans; SPARQL COUNT is far slower)."""
    return len(store._store), sum(1 for _ in store._store.named_graphs())


def phase_load(spec: dict) -> dict:
    """load_records into a fresh embedded store: the project's load path."""
    from samgraf.graph import iris
    from samgraf.graph.api import load_records
    from samgraf.graph.identity import StoreKnowledge
    from samgraf.graph.store import EmbeddedStore

    location = Path(spec["store"])
    shutil.rmtree(location, ignore_errors=True)
    location.mkdir(parents=True)
    records = _TimedRecords(Path(spec["records"]))
    store = EmbeddedStore(location)
    batch = spec.get("batch") or 0
    start = time.perf_counter()
    if batch:  # successive load_records calls, each resolved against what the store holds by then
        report, stream = None, iter(records)
        knowledge = StoreKnowledge(store, iris.resolve_base(None))  # kept up to date, as samgraf load keeps it
        while chunk := list(itertools.islice(stream, batch)):
            report = load_records(store, chunk, report=report, knowledge=knowledge)
            if records.count % (10 * batch) < batch:
                log(f"  loaded {records.count:,} records, {time.perf_counter() - start:,.0f} s, RSS {rss_mb():,.0f} MB")
    else:
        report = load_records(store, records)
    total = time.perf_counter() - start
    start = time.perf_counter()
    store.compact()  # as samgraf load does after a large load; the queries then read the compacted store
    compact_seconds = time.perf_counter() - start
    store.close()
    seconds = total - records.seconds
    store = EmbeddedStore(location)
    quads, graphs = _count_quads(store)
    store.close()
    return {"batch": batch, "records": records.count, "loaded": len(report.loaded) + len(report.replaced) + len(report.unchanged),
            "failed": len(report.failed), "failures": [f"{l}: {m}"[:300] for l, m in report.failed[:5]],
            "seconds": seconds, "compact_seconds": compact_seconds, "reading_seconds": records.seconds,
            "quads": quads, "graphs": graphs,
            "store_bytes": folder_bytes(location), "peak_mb": maxrss_mb()}


# ------------------------------------------------------------------------------- queries

def discover_params(store) -> dict[str, dict]:
    """Parameters for the library queries, taken from the store so that they match something."""
    from samgraf.graph.api import run_query, to_python

    def first(sparql):
        rows = run_query(store, sparql).records()
        return {k: to_python(v) for k, v in rows[0].items()} if rows else {}

    prefixes = """PREFIX besluit: <http://data.vlaanderen.be/ns/besluit#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX sg: <https://w3id.org/samgraf/ontology#>
"""
    # counted inside each protocol graph, labels looked up once: a body's or agreement's
    # labels repeat in every graph, so joining them across the union graph grows as N²
    body = first(prefixes + """SELECT ?b (COUNT(?m) AS ?n) WHERE { GRAPH ?g { ?m besluit:isGehoudenDoor ?b } }
  GROUP BY ?b ORDER BY DESC(?n) ?b LIMIT 1""")
    label = "none"
    dates = []
    if body.get("b"):
        names = first(prefixes + f"""SELECT ?label WHERE {{ GRAPH ?g {{ <{body['b']}> skos:altLabel|skos:prefLabel ?label }} }}
  ORDER BY ?label LIMIT 1""")
        label = names.get("label") or label
        dates = [to_python(r[0]) for r in run_query(store, prefixes + f"""SELECT DISTINCT ?d WHERE {{
  GRAPH ?g {{ ?m besluit:isGehoudenDoor <{body['b']}> ; dcterms:date ?d }} }} ORDER BY ?d""").rows]
    date = dates[len(dates) // 2] if dates else dt.date(2015, 1, 1)
    agreement = first(prefixes + """SELECT ?a (COUNT(?d) AS ?n) WHERE { GRAPH ?g { ?d sg:concernsAgreement ?a } }
  GROUP BY ?a ORDER BY DESC(?n) ?a LIMIT 1""")
    if agreement.get("a"):
        agreement = first(prefixes + f"""SELECT ?label WHERE {{ GRAPH ?g {{ <{agreement['a']}> skos:prefLabel ?label }} }}
  ORDER BY ?label LIMIT 1""")
    year = {"from": f"{str(date)[:4]}-01-01", "to": f"{str(date)[:4]}-12-31"}
    graph = first(prefixes + f"""SELECT ?g WHERE {{ GRAPH ?g {{ ?m besluit:isGehoudenDoor <{body.get('b')}> ;
  dcterms:date "{date}"^^<http://www.w3.org/2001/XMLSchema#date> }} }} ORDER BY ?g LIMIT 1""") if body.get("b") else {}
    params = {
        "members_at_date": {"body": label, "date": str(date)},
        "decisions_in_period": {"body": label, **year},
        "decisions_about_agreement": {"agreement": agreement.get("label") or "LOSUS"},
        "people_in_several_bodies": year,
    }
    # the reports an analyst asks of one body's year, and the view queries as views run
    # them: one graph each
    for name in BODY_REPORTS:
        params[name] = {"body": label, **year}
    for name in view_queries():
        if graph.get("g"):
            params[name] = {"g": f"<{graph['g']}>"}
    return params


WHOLE_CORPUS = ", whole corpus"
BODY_REPORTS = ("attendance_matrix", "body_relations", "presenters", "tasks_given")  # optional body and period


def view_queries() -> list[str]:
    from samgraf.graph.api import query_names

    return [name for name in query_names() if name.startswith("view_")]


def optional_scope() -> set[str]:
    """The queries whose parameters are all optional: timed as asked and over the whole corpus."""
    return {*BODY_REPORTS, "people_in_several_bodies", *view_queries()}


def _median_runs(run, repeat: int, slow: float = math.inf) -> dict:
    times, rows = [], None
    for i in range(repeat):
        start = time.perf_counter()
        rows = run()
        times.append(time.perf_counter() - start)
        if times[-1] > slow:  # a slow query is not repeated
            break
    return {"median": statistics.median(times), "runs": len(times), "first": times[0], "rows": rows}


def in_fork(fn, deadline: float) -> dict:
    """``fn()`` (a dict) in a forked process, given up after ``deadline`` seconds.

    pyoxigraph evaluates a query in Rust, where no signal interrupts it, so a slow query is
    stopped by ending its process. Fork only while this process holds no on-disk store open.
    """
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)

    def target():
        try:
            send.send(("ok", fn()))
        except BaseException as exc:  # noqa: BLE001 - reported, not raised
            send.send(("error", f"{type(exc).__name__}: {exc}"[:300]))

    process = ctx.Process(target=target, daemon=True)
    process.start()
    if not receive.poll(deadline):
        process.kill()
        process.join()
        return {"timeout": deadline}
    status, value = receive.recv()
    process.join()
    return value if status == "ok" else {"error": value}


def _oxigraph_runs(open_store, text: str, repeat: int, timeout: float) -> dict:
    """Median of ``repeat`` runs of ``text`` on the store ``open_store()`` gives, in a forked process."""
    def work():
        store = open_store()
        try:
            return _median_runs(lambda: len(store.query(text).rows), repeat, slow=min(SLOW_QUERY, timeout / repeat))
        finally:
            store.close()

    return in_fork(work, timeout + SLOW_QUERY)


def _library_text(name: str, params: dict) -> str:
    from samgraf.graph.api import parse_param, query_text, to_term
    from samgraf.graph.store import inject_values

    # parameters are kept as the command line writes them (``<iri>``, dates, strings)
    return inject_values(query_text(name), {k: parse_param(f"{k}={v}")[1] if isinstance(v, str) else to_term(v)
                                            for k, v in params.items()})


def phase_queries(spec: dict) -> dict:
    """The query library on the store loaded by phase_load: median of ``repeat`` runs each."""
    from samgraf.graph.api import query_names
    from samgraf.graph.store import EmbeddedStore

    store = EmbeddedStore(spec["store"])
    params = discover_params(store)
    store.close()
    del store
    timeout = spec.get("timeout", 60.0)
    results = {}
    runs, whole = [], optional_scope()
    for name in query_names():
        bound = params.get(name, {})
        runs.append((name, name, bound))
        if name in whole:
            runs.append((name + WHOLE_CORPUS, name, {}))
    for key, name, bound in runs:
        results[key] = _oxigraph_runs(lambda: EmbeddedStore(spec["store"]), _library_text(name, bound),
                                      spec["repeat"] if key == name else 1, timeout)
        results[key]["params"] = bound
        log(f"  {key}: " + str(results[key].get("median", results[key].get("error", results[key].get("timeout")))))
    scoped = _scoped_view_runs(spec, params["decisions_in_period"], timeout)
    log(f"  view of one body's year: {scoped}")
    return {"params": params, "queries": results, "scoped_view": scoped,
            "peak_mb": max(maxrss_mb(), maxrss_mb(resource.RUSAGE_CHILDREN))}


def _scoped_view_runs(spec: dict, period: dict, timeout: float) -> dict:
    """What ``samgraf render --body B --from F --to T`` reads: the view graph of one body's
    year from the store (the view queries evaluated graph by graph), median of runs."""
    from samgraf.graph.store import EmbeddedStore
    from samgraf.graph.viewgraph import ViewFilters, view_graph_from_store

    filters = ViewFilters(body=period["body"], date_from=dt.date.fromisoformat(period["from"]),
                          date_to=dt.date.fromisoformat(period["to"]))

    def work():
        store = EmbeddedStore(spec["store"])
        try:
            nodes = []
            runs = _median_runs(lambda: nodes.append(view_graph_from_store(store, filters).number_of_nodes()),
                                spec["repeat"], slow=min(SLOW_QUERY, timeout / spec["repeat"]))
            return {**runs, "rows": None, "nodes": nodes[-1], "filters": period}
        finally:
            store.close()

    return in_fork(work, timeout + SLOW_QUERY)


# ------------------------------------------------------------------------------- baseline

class _Timeout(Exception):
    pass


def _on_alarm(signum, frame):
    raise _Timeout()


def _rdflib_terms():
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    cache: dict = {}

    def term(t):
        found = cache.get(t)
        if found is None:
            if isinstance(t, ox.NamedNode):
                found = URIRef(t.value)
            elif isinstance(t, ox.BlankNode):
                found = BNode(t.value)
            elif t.language:
                found = Literal(t.value, lang=t.language)
            else:
                found = Literal(t.value, datatype=URIRef(t.datatype.value))
            cache[t] = found
        return found

    return term


def phase_baseline(spec: dict) -> dict:
    """The same quads and queries on the embedded store (disk), pyoxigraph in memory and rdflib's Dataset."""
    import pyoxigraph as ox
    import rdflib

    from samgraf.graph.api import load_records, query_names
    from samgraf.graph.store import EmbeddedStore, without_lateral

    timeout = spec["timeout"]
    records = _TimedRecords(Path(spec["records"]), spec.get("limit"))
    memory = EmbeddedStore(None)
    load_records(memory, records)
    nquads = memory.dump_nquads()
    quads = list(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))
    del memory
    by_graph: dict[str, list] = defaultdict(list)
    for quad in quads:
        by_graph[quad.graph_name.value].append(quad)
    log(f"  baseline: {records.count} protocols, {len(quads):,} quads in {len(by_graph):,} graphs")
    result: dict = {"protocols": records.count, "quads": len(quads), "graphs": len(by_graph), "load": {}, "queries": {},
                    "bulk": {}}

    # the same N-Quads bytes loaded whole: the embedded store's bulk load on disk, in parts
    # side by side on every core and in one part (as `samgraf load` writes new graphs, its
    # cores busy parsing); Oxigraph in memory; rdflib parsing into a Dataset
    bulk_location = Path(spec["store"] + "-bulk")
    for key, threads in (("oxigraph_disk", os.cpu_count() or 1), ("oxigraph_disk_1_thread", 1)):
        shutil.rmtree(bulk_location, ignore_errors=True)
        start = time.perf_counter()
        bulk = EmbeddedStore(bulk_location)
        parts = bulk.load_nquads(nquads, threads=threads)
        bulk._store.flush()
        result["bulk"][key] = time.perf_counter() - start
        result["bulk"].setdefault("parts", parts)
        if key == "oxigraph_disk_1_thread":  # as samgraf load writes and leaves a store: queried below
            start = time.perf_counter()
            bulk.compact()
            result["bulk"]["oxigraph_compact"] = time.perf_counter() - start
        bulk.close()
        del bulk
    start = time.perf_counter()
    ox.Store().load(nquads, format=ox.RdfFormat.N_QUADS)
    result["bulk"]["oxigraph_memory"] = time.perf_counter() - start
    start = time.perf_counter()
    rdflib.Dataset(default_union=True).parse(data=nquads, format="nquads")
    result["bulk"]["rdflib"] = time.perf_counter() - start
    result["bulk"]["megabytes"] = len(nquads) / 1e6
    nquads_file = Path(spec["store"] + ".nq")  # for the in-memory queries, in a process of their own
    nquads_file.write_bytes(nquads)
    del nquads
    log(f"  baseline: N-Quads loaded whole: {result['bulk']}")

    # oxigraph: the project's write (one transaction per named graph), on disk and in memory
    location = Path(spec["store"])
    shutil.rmtree(location, ignore_errors=True)
    location.mkdir(parents=True)
    stores = {"disk": EmbeddedStore(location), "memory": EmbeddedStore(None)}
    for kind, store in stores.items():
        start = time.perf_counter()
        for graph, graph_quads in by_graph.items():
            store.replace_graph(graph, graph_quads)
        store._store.flush()
        result["load"][f"oxigraph_{kind}"] = time.perf_counter() - start
    log(f"  baseline: oxigraph written: {result['load']}")
    stores["disk"].close()
    shutil.rmtree(location, ignore_errors=True)
    del stores
    # the queries read the store on disk as `samgraf load` leaves it (bulk-loaded, then
    # compacted), and an in-memory store of the same N-Quads, each in a process of its own as
    # the query phase runs them (in this one, which holds the corpus in memory, the same
    # queries ran up to ~3x slower)
    queried = EmbeddedStore(bulk_location)
    params = discover_params(queried)
    queried.close()
    libraries = {kind: run_phase("library", {source: str(path), "params": params, "repeat": spec["repeat"],
                                             "timeout": timeout}, location.parent, spec.get("max_rss_gb", MAX_RSS_GB))
                 for kind, source, path in (("oxigraph_disk", "store", bulk_location),
                                            ("oxigraph_memory", "nquads", nquads_file))}
    for name in query_names():
        bound = params.get(name, {})
        entry = result["queries"][name] = {"params": bound}
        for kind, library in libraries.items():
            entry[kind] = library.get(name) or {"error": library.get("error", "not run")}
    shutil.rmtree(bulk_location, ignore_errors=True)
    nquads_file.unlink(missing_ok=True)

    # rdflib: terms converted beforehand (not timed), then added graph by graph
    term = _rdflib_terms()
    converted = {rdflib.URIRef(g): [(term(q.subject), term(q.predicate), term(q.object)) for q in qs]
                 for g, qs in by_graph.items()}
    del quads, by_graph
    dataset = rdflib.Dataset(default_union=True)
    before = rss_mb()
    start = time.perf_counter()
    for graph, triples in converted.items():
        g = dataset.graph(graph)
        g.addN((s, p, o, g) for s, p, o in triples)
    result["load"]["rdflib"] = time.perf_counter() - start
    result["rdflib_mb"] = rss_mb() - before
    del converted
    log(f"  baseline: rdflib written in {result['load']['rdflib']:.1f} s")

    signal.signal(signal.SIGALRM, _on_alarm)  # rdflib is Python: an alarm interrupts it
    for name in query_names():
        entry = result["queries"][name]
        text = without_lateral(_library_text(name, entry["params"]))  # rdflib has no LATERAL: the same join

        def run_rdflib():
            signal.setitimer(signal.ITIMER_REAL, timeout)
            try:
                return len(list(dataset.query(text)))
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)

        try:
            entry["rdflib"] = _median_runs(run_rdflib, spec["repeat"], slow=2.0)  # rdflib: fewer runs when slow
        except _Timeout:
            entry["rdflib"] = {"timeout": timeout}
        except Exception as exc:
            entry["rdflib"] = {"error": f"{type(exc).__name__}: {exc}"[:300]}
        log(f"  baseline {name}: " + ", ".join(
            f"{k} {v.get('median', v.get('error', v.get('timeout')))}" for k, v in entry.items() if k != "params"))
    result["store_bytes"] = folder_bytes(location)
    result["peak_mb"] = max(maxrss_mb(), maxrss_mb(resource.RUSAGE_CHILDREN))
    return result


# ------------------------------------------------------------------------------- render

def phase_render(spec: dict) -> dict:
    """View graphs of about N nodes from gold records, rendered with render_view."""
    from samgraf.graph.viewgraph import view_graph_from_records
    from samgraf.graph.views import DEFAULT_MAX_NODES, render_view
    from samgraf.loaders.model import Protocol

    records = [Protocol.model_validate_json(p.read_text(encoding="utf-8"))
               for p in sorted(Path(spec["corpus"]).glob("*.json"))]
    rows = []
    for target in spec["sizes"]:
        low, high = 1, len(records)  # the fewest protocols whose view graph has at least ``target`` nodes
        while low < high:
            middle = (low + high) // 2
            if view_graph_from_records(records[:middle]).number_of_nodes() >= target:
                high = middle
            else:
                low = middle + 1
        count = low
        start = time.perf_counter()
        graph = view_graph_from_records(records[:count])
        build = time.perf_counter() - start
        for max_nodes in sorted({DEFAULT_MAX_NODES, max(DEFAULT_MAX_NODES, graph.number_of_nodes())}):
            start = time.perf_counter()
            html = render_view(graph, f"benchmark {target}", max_nodes=max_nodes)
            seconds = time.perf_counter() - start
            data = html.split('id="samgraf-data" type="application/json">', 1)[1].split("</script>", 1)[0]
            drawn = len(json.loads(data)["nodes"])
            rows.append({"target": target, "protocols": count, "nodes": graph.number_of_nodes(),
                         "edges": graph.number_of_edges(), "max_nodes": max_nodes, "drawn": drawn,
                         "build_seconds": build, "render_seconds": seconds, "html_bytes": len(html.encode("utf-8"))})
            log(f"  render {target}: {rows[-1]}")
    return {"rows": rows, "peak_mb": maxrss_mb()}


def start_watchdog(limit_mb: float, result_file: str) -> None:
    """Abort this child process when its resident memory passes ``limit_mb`` (saying so in its result)."""
    import threading

    started = time.perf_counter()

    def watch():
        while True:
            try:
                rss = rss_mb()
            except (OSError, ValueError, IndexError):
                return
            if rss > limit_mb:
                Path(result_file).write_text(json.dumps({
                    "error": f"aborted after {time.perf_counter() - started:,.0f} s: RSS {rss:,.0f} MB "
                             f"passed the {limit_mb:,.0f} MB cap (--max-rss-gb)", "peak_mb": rss}), encoding="utf-8")
                os._exit(0)
            time.sleep(0.5)

    threading.Thread(target=watch, daemon=True).start()


def phase_library(spec: dict) -> dict:
    """The query library with the given parameters on the store at ``spec["store"]``, or on an
    in-memory store of the N-Quads file ``spec["nquads"]``: median of ``repeat`` runs each (the
    baseline's Oxigraph queries, away from the baseline's data)."""
    import pyoxigraph as ox

    from samgraf.graph.api import query_names
    from samgraf.graph.store import EmbeddedStore

    if "nquads" in spec:
        memory = EmbeddedStore(None)
        memory._store.load(path=spec["nquads"], format=ox.RdfFormat.N_QUADS)

        def open_store():
            return memory
    else:
        def open_store():
            return EmbeddedStore(spec["store"])
    return {name: _oxigraph_runs(open_store, _library_text(name, spec["params"].get(name, {})), spec["repeat"], spec["timeout"])
            for name in query_names()}


PHASES = {"parse_one": phase_parse_one, "parse_all": phase_parse_all, "load": phase_load,
          "queries": phase_queries, "baseline": phase_baseline, "render": phase_render, "library": phase_library}


def run_phase(name: str, spec: dict, workdir: Path, max_rss_gb: float = MAX_RSS_GB) -> dict:
    """Run one phase in a fresh Python process; its result dict (``error`` when it failed)."""
    spec_file = workdir / f"spec-{name}.json"
    result_file = workdir / f"result-{name}.json"
    spec_file.write_text(json.dumps({**spec, "max_rss_gb": max_rss_gb}), encoding="utf-8")
    result_file.unlink(missing_ok=True)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--phase", name,
                           "--spec", str(spec_file), "--result", str(result_file)], cwd=ROOT)
    wall = time.perf_counter() - start
    if not result_file.exists():
        log(f"phase {name} failed (exit {proc.returncode})")
        return {"error": f"exit status {proc.returncode}", "wall": wall}
    result = json.loads(result_file.read_text(encoding="utf-8"))
    if "error" in result:
        log(f"phase {name}: {result['error']}")
    result["wall"] = wall
    return result


# =============================================================================== the driver

def ensure_corpus(workdir: Path, size: int, seed: str, jobs: int, gold: bool = False, prefix: str = "corpus") -> Path:
    """The corpus of ``size`` protocols for ``seed``, generated once and reused."""
    folder = workdir / f"{prefix}-{size}-s{seed}{'-gold' if gold else ''}"
    if (folder / ".complete").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    log(f"generating {size:,} protocols (seed {seed}) in {folder}")
    cmd = [sys.executable, str(HERE / "make_corpus.py"), "--protocols", str(size), "--seed", seed,
           "--out", str(folder), "--jobs", str(jobs)] + (["--gold"] if gold else [])
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    (folder / ".complete").write_text(dt.datetime.now().isoformat(), encoding="utf-8")
    return folder


def machine() -> dict:
    import pyoxigraph
    import rdflib

    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        memory = int(next(l for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")).split()[1]) / 1024 ** 2
    except (OSError, StopIteration):
        memory = float("nan")
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "loaders", "graph", "samgraf"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        commit += " (+ uncommitted changes)" if dirty else ""
    except OSError:
        commit = "?"
    return {"date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"), "cores": os.cpu_count(), "cpu": cpu,
            "memory_gb": round(memory, 1), "python": platform.python_version(), "pyoxigraph": pyoxigraph.__version__,
            "rdflib": rdflib.__version__, "platform": platform.platform(), "commit": commit,
            "load_average": " ".join(f"{x:.1f}" for x in os.getloadavg())}


# ------------------------------------------------------------------------------- tables

def table(headers: list[str], rows: list[list], align: str | None = None) -> str:
    align = align or "l" + "r" * (len(headers) - 1)
    rule = ["---:" if a == "r" else "---" for a in align]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def num(value, digits: int = 0) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:,.{digits}f}"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f}" if seconds >= 0.01 else f"{seconds * 1000:.1f}"


def query_label(key: str) -> str:
    """`name`, or `name`, whole corpus."""
    name, whole, _ = key.partition(WHOLE_CORPUS)
    return f"`{name}`" + (WHOLE_CORPUS if whole else "")


def query_cell(entry: dict | None, repeat: int = 1) -> str:
    if not entry:
        return "–"
    if "error" in entry:
        return f"error ({entry['error'][:60]})"
    if "timeout" in entry:
        return f"> {entry['timeout']:g} s (timeout)"
    runs = f", {entry['runs']} run" + ("s" if entry["runs"] > 1 else "") if entry["runs"] < repeat else ""
    return f"{ms(entry['median'])} ({entry['rows']:,} rows{runs})"


def ratio(slow: float | None, fast: float | None) -> str:
    if not slow or not fast:
        return "–"
    value = slow / fast
    return f"{value:,.1f}×" if value >= 0.95 else f"{value:.2f}×"


def report(results: dict) -> str:
    m = results["machine"]
    sizes = [s for s in results["sizes"]]
    out = [f"## samgraf benchmark, {m['date']}", "",
           f"Machine: {m['cores']} cores ({m['cpu']}), {m['memory_gb']} GB RAM, {m['platform']}; "
           f"Python {m['python']}, pyoxigraph {m['pyoxigraph']}, rdflib {m['rdflib']}; samgraf at {m['commit']}; "
           f"load average at start {m['load_average']}; seed {results['seed']}, {results['jobs']} parse processes.", ""]

    if sizes:  # (only the render phase ran otherwise)
        out += ["### Parse", ""]
        rows = []
        for size in sizes:
            r = results["by_size"][str(size)]
            for key, mode in (("parse_one", "one core"), ("parse_all", f"all cores ({results['jobs']} processes)")):
                p = r.get(key, {})
                if "error" in p or not p:
                    rows.append([f"{size:,}", mode, p.get("error", "not run")] + ["–"] * 7)
                    continue
                per_s = p["protocols"] / p["seconds"]
                rows.append([f"{size:,}", mode, f"{p['protocols']:,}", num(p["bytes"] / 1e6, 1), num(p["seconds"], 1),
                             num(per_s, 1), num(per_s / p["processes"], 1), num(p["bytes"] / 1e6 / p["seconds"], 2),
                             num(p["peak_mb"]), f"{p['failed']:,}"])
        out += [table(["corpus", "mode", "parsed", "MB", "seconds", "protocols/s", "per core", "MB/s", "peak RSS MB", "failed"],
                      rows, "llrrrrrrrr"), "",
                "Peak RSS on all cores is the main process plus each worker's peak (an upper bound of the total).", ""]

        out += ["### Load into the embedded store (`load_records`)", ""]
        rows = []
        for size in sizes:
            p = results["by_size"][str(size)].get("load", {})
            if "error" in p or not p:
                rows.append([f"{size:,}", p.get("error", "not run")] + ["–"] * 8)
                continue
            rows.append([f"{size:,}", f"{p['loaded']:,}", f"{p['failed']:,}", f"{p['quads']:,}", num(p["seconds"], 1),
                         num(p["quads"] / p["seconds"]), num(p["loaded"] / p["seconds"], 1),
                         num(p["compact_seconds"], 1) if "compact_seconds" in p else "–", num(p["store_bytes"] / 1e6),
                         num(p["peak_mb"])])
        out += [table(["corpus", "records loaded", "failed", "quads", "seconds", "triples/s", "protocols/s",
                       "compact s", "store on disk MB", "peak RSS MB"], rows), "",
                "Records come from the all-cores parse (JSON lines); reading them back is not counted. "
                "The store is then compacted, as `samgraf load` does after a large load (not counted in "
                "seconds); the queries below read the compacted store."
            + "".join(f" At {s:,} they were loaded in batches of {results['by_size'][str(s)]['load']['batch']:,} "
                      "(one `load_records` call each)." for s in sizes
                      if results["by_size"][str(s)].get("load", {}).get("batch")), ""]

        out += ["### End to end (parse on all cores, then load)", ""]
        rows = []
        for size in sizes:
            r = results["by_size"][str(size)]
            pa, lo = r.get("parse_all", {}), r.get("load", {})
            if "seconds" not in pa or "seconds" not in lo:
                continue
            total = pa["seconds"] + lo["seconds"]
            rows.append([f"{size:,}", num(pa["seconds"], 1), num(lo["seconds"], 1), num(total / 60, 1),
                         num(max(pa["peak_mb"], lo["peak_mb"]) / 1024, 2)])
        out += [table(["corpus", "parse s", "load s", "total min", "peak RSS GB"], rows), ""]

        out += [f"### Query library on the embedded store (median of {results['repeat']} runs, ms, rows)", ""]
        names = sorted({n for s in sizes for n in results["by_size"][str(s)].get("queries", {}).get("queries", {})})
        rows = []
        for name in names:
            cells = [query_cell(results["by_size"][str(s)].get("queries", {}).get("queries", {}).get(name), results["repeat"])
                 if "error" not in results["by_size"][str(s)].get("load", {}) else "– (load failed)" for s in sizes]
            rows.append([query_label(name)] + cells)
        out += [table(["query"] + [f"{s:,} protocols" for s in sizes], rows), ""]
        params = [f"{s:,}: " + "; ".join(f"{q}({', '.join(f'{k}={v}' for k, v in b.items())})"
                                         for q, b in results["by_size"][str(s)].get("queries", {}).get("params", {}).items())
                  for s in sizes if results["by_size"][str(s)].get("queries", {}).get("params")]
        if params:
            out += ["Parameters (found in each store): " + " — ".join(params), ""]
        cells = []
        for size in sizes:
            v = results["by_size"][str(size)].get("queries", {}).get("scoped_view")
            if v:
                cells.append(f"{size:,}: " + (f"{ms(v['median'])} ms ({v['nodes']:,} nodes)" if "median" in v
                                              else query_cell(v)))
        if cells:
            out += ["The view graph of the same body's year read from the store (what `samgraf render --body "
                    "--from --to` reads; the view queries evaluated protocol graph by protocol graph): "
                    + "; ".join(cells) + ".", ""]

    for size in sizes:
        b = results["by_size"][str(size)].get("baseline", {})
        if not b:
            continue
        out += [f"### Baseline at {size:,}: the same quads on rdflib's in-memory Dataset", ""]
        if "error" in b:
            out += [f"Baseline failed: {b['error']}", ""]
            continue
        out += [f"{b['protocols']:,} protocols ({b['quads']:,} quads, {b['graphs']:,} named graphs)"
                + (f", the first {b['protocols']:,} of the corpus (`--baseline-max`)" if b["protocols"] < size else "")
                + f"; rdflib held them in about {num(b.get('rdflib_mb'))} MB more RSS. Ratios are rdflib time / "
                  "oxigraph time (> 1 means oxigraph is faster). The queries read the store on disk as `samgraf load` "
                  "leaves it (the N-Quads bulk-loaded in one part, then compacted"
                + (f": {num(b['bulk']['oxigraph_compact'], 1)} s" if b.get("bulk", {}).get("oxigraph_compact") is not None else "")
                + ") and Oxigraph's in-memory store of the same N-Quads, each in a process of its own.", ""]
        load = b["load"]
        rows = [["write, graph by graph (s)", num(load["oxigraph_disk"], 2), num(load["oxigraph_memory"], 2),
                 num(load["rdflib"], 2), ratio(load["rdflib"], load["oxigraph_disk"]),
                 ratio(load["rdflib"], load["oxigraph_memory"])]]
        bulk = b.get("bulk")
        if bulk:
            parts = f"{bulk['parts']} parts side by side" if bulk.get("parts", 1) > 1 else "one part"
            rows.append([f"load the N-Quads whole ({num(bulk['megabytes'])} MB, {parts}; s)", num(bulk["oxigraph_disk"], 2),
                         num(bulk["oxigraph_memory"], 2), num(bulk["rdflib"], 2),
                         ratio(bulk["rdflib"], bulk["oxigraph_disk"]), ratio(bulk["rdflib"], bulk["oxigraph_memory"])])
            if bulk.get("parts", 1) > 1:
                rows.append([f"load the N-Quads whole ({num(bulk['megabytes'])} MB, one part; s)",
                             num(bulk["oxigraph_disk_1_thread"], 2), "–", num(bulk["rdflib"], 2),
                             ratio(bulk["rdflib"], bulk["oxigraph_disk_1_thread"]), "–"])
        for name, entry in b["queries"].items():
            disk, memory, rdf = entry.get("oxigraph_disk", {}), entry.get("oxigraph_memory", {}), entry.get("rdflib", {})
            slow = rdf.get("median") or (rdf.get("timeout") if "timeout" in rdf else None)
            prefix = ">" if "timeout" in rdf else ""
            rows.append([f"`{name}` (ms)", query_cell(disk, results["repeat"]), query_cell(memory, results["repeat"]),
                         query_cell(rdf, results["repeat"]),
                         (prefix + ratio(slow, disk.get("median"))) if slow and disk.get("median") else "–",
                         (prefix + ratio(slow, memory.get("median"))) if slow and memory.get("median") else "–"])
        out += [table(["measure", "oxigraph (disk, EmbeddedStore)", "oxigraph (memory)", "rdflib Dataset",
                       "ratio vs disk", "ratio vs memory"], rows), ""]

    r = results.get("render")
    if r:
        out += ["### Render (`render_view`, gold records of a render corpus)", ""]
        if "error" in r:
            out += [f"Render failed: {r['error']}", ""]
        else:
            rows = [[f"{x['nodes']:,}", f"{x['edges']:,}", f"{x['protocols']:,}", f"{x['max_nodes']:,}", f"{x['drawn']:,}",
                     num(x["build_seconds"], 2), num(x["render_seconds"], 2), num(x["html_bytes"] / 1e6, 1)]
                    for x in r["rows"]]
            out += [table(["view graph nodes", "edges", "protocols", "max_nodes", "nodes drawn", "build s", "render s",
                           "HTML MB"], rows), "",
                    f"Peak RSS of the render process: {num(r['peak_mb'])} MB. With the default `max_nodes` "
                    "(6,000) bigger graphs are aggregated before drawing; the second row of a size draws every node.", ""]

    rows = targets(results)
    if rows:
        out += ["### Targets", "", table(["target", "measured", "met"], rows, "llc"), ""]
    return "\n".join(out)


def targets(results: dict) -> list[list[str]]:
    rows = []
    by = results["by_size"]
    sizes = results["sizes"]

    def mark(ok):
        return "–" if ok is None else ("yes" if ok else "**no**")

    parse = [(s, by[str(s)]["parse_one"]) for s in sizes if "seconds" in by[str(s)].get("parse_one", {})]
    if parse:
        s, p = parse[-1]
        rate = p["protocols"] / p["seconds"]
        rows.append([f"parse ≥ {TARGET_PARSE_PER_CORE:.0f} protocols/s per core", f"{rate:,.1f}/s on one core ({s:,})",
                     mark(rate >= TARGET_PARSE_PER_CORE)])
    for s in sizes:
        pa, lo = by[str(s)].get("parse_all", {}), by[str(s)].get("load", {})
        if s >= 100_000 and "seconds" in pa and "seconds" in lo:
            total = pa["seconds"] + lo["seconds"]
            peak = max(pa["peak_mb"], lo["peak_mb"]) / 1024
            rows.append([f"{s:,} parsed + loaded < 15 min", f"{total / 60:,.1f} min", mark(total < TARGET_100K_SECONDS)])
            rows.append([f"{s:,}: peak memory < {TARGET_PEAK_GB:.0f} GB", f"{peak:,.2f} GB", mark(peak < TARGET_PEAK_GB)])
    for s in sizes:
        queries = by[str(s)].get("queries", {}).get("queries", {})
        if s >= 10_000 and queries and "error" not in by[str(s)].get("load", {}):
            for label, chosen in (("as asked (one body's year, one agreement, one graph for view_*)",
                                   {k: v for k, v in queries.items() if not k.endswith(WHOLE_CORPUS)}),
                                  ("over the whole corpus (no body or period)",
                                   {k: v for k, v in queries.items() if k.endswith(WHOLE_CORPUS)})):
                if not chosen:
                    continue
                worst = max(chosen.items(), key=lambda kv: kv[1].get("median", math.inf))
                value = worst[1].get("median", math.inf)
                rows.append([f"each library query < 1 s at {s:,}, {label}", f"slowest {query_label(worst[0])} "
                             + (f"{value:,.2f} s" if value < math.inf else
                                f"> {worst[1]['timeout']:g} s (timeout)" if "timeout" in worst[1] else "failed"),
                             mark(value < TARGET_QUERY_SECONDS) if s == 10_000 else "– (figures)"])
    for s in sizes:
        b = by[str(s)].get("baseline", {})
        if "load" not in b:
            continue
        load = b["load"]["rdflib"] / b["load"]["oxigraph_disk"]
        rows.append([f"embedded store ≥ {TARGET_RATIO:.0f}× rdflib on load, graph by graph ({b['protocols']:,} protocols)",
                     f"{load:,.1f}×", mark(load >= TARGET_RATIO)])
        if b.get("bulk"):
            disk = b["bulk"]["rdflib"] / b["bulk"]["oxigraph_disk"]
            memory = b["bulk"]["rdflib"] / b["bulk"]["oxigraph_memory"]
            one = (f", {b['bulk']['rdflib'] / b['bulk']['oxigraph_disk_1_thread']:,.1f}× on disk in one part"
                   if b["bulk"].get("parts", 1) > 1 else "")
            rows.append([f"embedded store ≥ {TARGET_RATIO:.0f}× rdflib on load, N-Quads whole ({b['protocols']:,})",
                         f"{disk:,.1f}× on disk, {memory:,.1f}× in memory{one}", mark(disk >= TARGET_RATIO)])
        ratios = []
        for name, entry in b["queries"].items():
            rdf, disk = entry.get("rdflib", {}), entry.get("oxigraph_disk", {})
            slow = rdf.get("median") or rdf.get("timeout")
            if slow and disk.get("median"):
                ratios.append((slow / disk["median"], name))
        if ratios:
            worst, geo = min(ratios), math.exp(statistics.mean(math.log(r) for r, _ in ratios))
            rows.append([f"embedded store ≥ {TARGET_RATIO:.0f}× rdflib on the query library ({b['protocols']:,})",
                         f"geometric mean {geo:,.1f}× over {len(ratios)} queries, lowest {worst[0]:,.2f}× (`{worst[1]}`)",
                         mark(worst[0] >= TARGET_RATIO)])
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000", help="corpus sizes, comma-separated (default 1000,10000)")
    ap.add_argument("--with-100k", action="store_true", help="also 100,000 protocols (takes long)")
    ap.add_argument("--seed", default="1", help="corpus seed (default 1)")
    ap.add_argument("--workdir", default=str(DEFAULT_WORKDIR), help="corpora, records, stores, results")
    ap.add_argument("--jobs", type=int, default=0, help="processes for the all-cores parse and corpus generation (0 = all cores)")
    ap.add_argument("--repeat", type=int, default=5, help="runs per query (the median is reported)")
    ap.add_argument("--one-core-max", type=int, default=0,
                    help="parse at most this many protocols in the one-core pass (0 = the whole corpus)")
    ap.add_argument("--load-batch", type=int, default=DEFAULT_BATCH,
                    help=f"load the records in batches of this many, as samgraf load does (successive load_records "
                         f"calls; default {DEFAULT_BATCH}; 0 = all at once, which needs ~1 GB per 1,000 protocols)")
    ap.add_argument("--baseline-max", type=int, default=2000,
                    help="protocols in the rdflib baseline (rdflib needs ~1 GB per million quads; default 2000)")
    ap.add_argument("--query-timeout", type=float, default=60.0, help="seconds before a query (first run) is given up (default 60)")
    ap.add_argument("--render-sizes", default=",".join(map(str, RENDER_SIZES)), help="view graph sizes (nodes)")
    ap.add_argument("--max-rss-gb", type=float, default=MAX_RSS_GB,
                    help=f"abort a phase whose resident memory passes this (default {MAX_RSS_GB:g} GB)")
    ap.add_argument("--skip", default="", help="phases to skip, comma-separated: parse_one, baseline, render, ...")
    ap.add_argument("--markdown", help="also write the tables to this file")
    ap.add_argument("--report", metavar="RESULTS_JSON", help="only print the tables of an earlier run's raw figures")
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    ap.add_argument("--spec", help=argparse.SUPPRESS)
    ap.add_argument("--result", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.phase:  # child process
        spec = json.loads(Path(args.spec).read_text(encoding="utf-8"))
        start_watchdog(spec.get("max_rss_gb", MAX_RSS_GB) * 1024, args.result)
        result = PHASES[args.phase](spec)
        Path(args.result).write_text(json.dumps(result, default=str), encoding="utf-8")
        return 0

    if args.report:
        print(report(json.loads(Path(args.report).read_text(encoding="utf-8"))))
        return 0
    jobs = args.jobs or os.cpu_count() or 1
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.with_100k and 100_000 not in sizes:
        sizes.append(100_000)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    workdir = Path(args.workdir).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    results_file = workdir / f"results-{stamp}.json"
    results = {"machine": machine(), "seed": args.seed, "jobs": jobs, "repeat": args.repeat, "sizes": sizes,
               "by_size": {}, "render": None}

    def save():
        results_file.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")

    for size in sizes:
        corpus = ensure_corpus(workdir, size, args.seed, jobs)
        records = workdir / f"records-{size}-s{args.seed}.jsonl"
        store = workdir / f"store-{size}-s{args.seed}"
        r = results["by_size"].setdefault(str(size), {})
        plan = [
            ("parse_one", {"corpus": str(corpus), "limit": args.one_core_max or None}),
            ("parse_all", {"corpus": str(corpus), "jobs": jobs, "records": str(records)}),
            ("load", {"records": str(records), "store": str(store), "batch": args.load_batch}),
            ("queries", {"store": str(store), "repeat": args.repeat, "timeout": args.query_timeout}),
            ("baseline", {"records": str(records), "store": str(workdir / f"baseline-store-{size}-s{args.seed}"),
                          "limit": args.baseline_max or None, "repeat": args.repeat, "timeout": args.query_timeout}),
        ]
        for name, spec in plan:
            if name in skip:
                continue
            if name in ("load", "queries", "baseline") and not records.exists():
                r[name] = {"error": "no records (the all-cores parse did not run)"}
                continue
            if name == "queries" and "error" in r.get("load", {}):
                r[name] = {"error": "not run: the load failed"}
                continue
            log(f"{size:,} protocols: {name}")
            r[name] = run_phase(name, spec, workdir, args.max_rss_gb)
            save()
        shutil.rmtree(workdir / f"baseline-store-{size}-s{args.seed}", ignore_errors=True)

    if "render" not in skip:
        render_sizes = [int(s) for s in args.render_sizes.split(",") if s.strip()]
        corpus = ensure_corpus(workdir, max(50, math.ceil(max(render_sizes) / 25)), args.seed, jobs, gold=True,
                               prefix="render")
        log("render")
        results["render"] = run_phase("render", {"corpus": str(corpus), "sizes": render_sizes}, workdir, args.max_rss_gb)
        save()

    text = report(results)
    print(text)
    if args.markdown:
        Path(args.markdown).write_text(text + "\n", encoding="utf-8")
    log(f"raw figures in {results_file}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
