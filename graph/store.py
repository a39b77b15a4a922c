"""Where the graph lives: one :class:`Store` interface, two implementations.

- :class:`EmbeddedStore`: a persistent pyoxigraph store in a folder (the default).
- :class:`SparqlHttpStore`: any SPARQL 1.1 server with query, update and graph store
  protocol endpoints (URL layout of Oxigraph: ``/query``, ``/update``, ``/store``).

Queries see the union of the named graphs as their default graph (Oxigraph's
``union-default-graph``; configure the same on other servers). Every protocol graph is
replaced in one transaction.
"""
from __future__ import annotations

import os
import re
import urllib.error
import urllib.parse
import urllib.request
from abc import ABC, abstractmethod
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from samgraf import __version__
from samgraf.errors import QueryError, StoreError
from samgraf.graph.mapping import MappedProtocol

STORE_ENV = "SAMGRAF_STORE"
DEFAULT_LOCATION = "samgraf-store"
KNOWLEDGE_CACHE = "samgraf-knowledge.json"  # in an embedded store's folder, beside Oxigraph's files
Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


@dataclass
class QueryResult:
    """What a query returned: solutions (``variables``, ``rows``), a boolean, or triples."""

    kind: str  # "select", "ask" or "construct"
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)

    def records(self) -> list[dict[str, Term | None]]:
        return [dict(zip(self.variables, row)) for row in self.rows]


PARALLEL_LOAD_BYTES = 8_000_000  # below this, one bulk load: threads would cost more than they save


def _split_lines(data: bytes, parts: int) -> list[bytes]:
    """``data`` cut into at most ``parts`` pieces of about equal size, each ending at a line end."""
    pieces, start, size = [], 0, len(data) // max(parts, 1)
    while start < len(data):
        end = data.find(b"\n", start + size) + 1 if len(pieces) < parts - 1 else 0
        end = end or len(data)
        pieces.append(data[start:end])
        start = end
    return pieces or [data]


def _collect(result) -> QueryResult:
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        return QueryResult("select", names, [tuple(s) for s in result])  # values in variable order, None unbound
    return QueryResult("construct", triples=list(result))


def query_form(sparql: str) -> str:
    """``select``, ``ask`` or ``construct`` (also DESCRIBE); rejects updates and syntax errors."""
    try:
        return _collect(ox.Store().query(sparql)).kind
    except SyntaxError as exc:
        try:
            ox.Store().update(sparql)
        except SyntaxError:
            raise QueryError(f"not a valid SPARQL query: {exc}") from None
        raise QueryError("update queries are not allowed here: the store is read-only for queries") from None


_IS_CURRENT = """
PREFIX sg: <https://w3id.org/samgraf/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
ASK { GRAPH ?g { ?g sg:recordSha256 ?digest ; prov:wasGeneratedBy/prov:wasAssociatedWith/dcterms:hasVersion ?version } }
"""


_CURRENT_MANY_TEMPLATE = """
PREFIX sg: <https://w3id.org/samgraf/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?g WHERE { VALUES_BLOCK
  GRAPH ?g { ?g sg:recordSha256 ?digest ; prov:wasGeneratedBy/prov:wasAssociatedWith/dcterms:hasVersion ?version }
  FILTER (STR(?version) = "{version}")
}
"""
_CURRENT_MANY = _CURRENT_MANY_TEMPLATE.replace("{version}", __version__)
_EXISTING_MANY = "SELECT ?g WHERE { VALUES_BLOCK FILTER EXISTS { GRAPH ?g { ?s ?p ?o } } }"
_SOURCE_DIGESTS = """
PREFIX sg: <https://w3id.org/samgraf/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?g ?digest ?version WHERE {
  GRAPH ?g { ?g a sg:ProtocolGraph ; sg:recordSha256 ?record ; prov:wasDerivedFrom ?source ;
                prov:wasGeneratedBy/prov:wasAssociatedWith/dcterms:hasVersion ?version .
             ?source sg:sourceSha256 ?digest }
}
"""




class Store(ABC):
    """A quad store holding one named graph per protocol."""

    location: str

    @abstractmethod
    def query(self, sparql: str, params: dict[str, Term] | None = None) -> QueryResult:
        """Run a read-only query; ``params`` bind variables (see :func:`inject_values`)."""

    @abstractmethod
    def replace_graph(self, graph: str, quads: list[ox.Quad]) -> None:
        """Make ``graph`` hold exactly ``quads``, in one transaction."""

    @abstractmethod
    def dump_nquads(self) -> bytes:
        """Every quad of the store as N-Quads."""

    @abstractmethod
    def clear(self) -> None:
        """Remove everything."""

    def compact(self) -> bool:
        """Rewrite the store's files for reading, after a large load; False where the store
        cannot be asked to (a server compacts its own storage)."""
        return False

    def close(self) -> None:
        """Release the store."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def is_current(self, mapped: MappedProtocol) -> bool:
        """Whether the store already holds this record mapped by this samgraf version."""
        result = self.query(_IS_CURRENT, {
            "g": ox.NamedNode(mapped.graph), "digest": ox.Literal(mapped.record_sha256), "version": ox.Literal(__version__),
        })
        return bool(result.boolean)

    def has_graph(self, graph: str) -> bool:
        return bool(self.query("ASK { GRAPH ?g { ?s ?p ?o } }", {"g": ox.NamedNode(graph)}).boolean)

    def load_mapped(self, mapped: MappedProtocol) -> str:
        """Store one protocol graph: ``loaded`` (new), ``replaced`` or ``unchanged``."""
        if self.is_current(mapped):
            return "unchanged"
        existed = self.has_graph(mapped.graph)
        self.replace_graph(mapped.graph, mapped.quads)
        return "replaced" if existed else "loaded"

    def load_mapped_batch(self, batch: list[MappedProtocol]) -> list[str]:
        """Store several protocol graphs: the outcome of each, as :meth:`load_mapped` gives it.

        Two queries find which graphs are current and which exist; the rest is written by
        :meth:`write_graphs` (a server: in a few requests, not one per graph).
        """
        if not batch:
            return []
        seen: set[str] = set()
        for index, mapped in enumerate(batch):  # a graph given twice: the first is stored before the second is looked at
            if mapped.graph in seen:
                return self.load_mapped_batch(batch[:index]) + self.load_mapped_batch(batch[index:])
            seen.add(mapped.graph)
        current = self._graphs_where(_CURRENT_MANY, [(ox.NamedNode(m.graph), ox.Literal(m.record_sha256)) for m in batch],
                                     ("g", "digest"))
        existing = self._graphs_where(_EXISTING_MANY, [(ox.NamedNode(m.graph),) for m in batch if m.graph not in current], ("g",))
        outcomes, new, replaced = [], [], []
        for mapped in batch:
            if mapped.graph in current:
                outcomes.append("unchanged")
            elif mapped.graph in existing:
                outcomes.append("replaced")
                replaced.append(mapped)
            else:
                outcomes.append("loaded")
                new.append(mapped)
        self.write_graphs(new, replaced)
        return outcomes

    def _graphs_where(self, template: str, rows: list[tuple], names: tuple[str, ...]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(rows), 500):
            values = " ".join("(" + " ".join(str(t) for t in row) + ")" for row in rows[start:start + 500])
            block = f"VALUES ({' '.join('?' + n for n in names)}) {{ {values} }}"
            found |= {row[0].value for row in self.query(template.replace("VALUES_BLOCK", block)).rows}
        return found

    def write_graphs(self, new: list[MappedProtocol], replaced: list[MappedProtocol]) -> None:
        """Write graphs the store does not hold (``new``) and replace others, each graph whole."""
        for mapped in [*new, *replaced]:
            self.replace_graph(mapped.graph, mapped.quads)

    def source_digests(self) -> dict[str, tuple[str, str]]:
        """Graph IRI -> (SHA-256 of its source file, samgraf version that mapped it), in one query."""
        return {row[0].value: (row[1].value, row[2].value) for row in self.query(_SOURCE_DIGESTS).rows}

    def named_graphs(self) -> list[str]:
        result = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
        return [row[0].value for row in result.rows]


class EmbeddedStore(Store):
    """A persistent pyoxigraph store in a folder (or in memory with ``path=None``)."""

    def __init__(self, path: str | os.PathLike | None):
        self.location = str(path) if path is not None else ":memory:"
        try:
            self._store = ox.Store(str(path)) if path is not None else ox.Store()
        except OSError as exc:
            raise StoreError(f"cannot open the store at {self.location}: {exc}") from exc

    @property
    def knowledge_cache_path(self) -> Path | None:
        """Where identity resolution keeps what this store knows of persons and bodies, graph
        by graph with each graph's record hash (checked against the store on every read)."""
        return None if self.location == ":memory:" else Path(self.location) / KNOWLEDGE_CACHE

    def query(self, sparql: str, params: dict[str, Term] | None = None) -> QueryResult:
        query_form(sparql)
        text = inject_values(sparql, params or {})
        try:
            return _collect(self._store.query(text, use_default_graph_as_union=True))
        except (SyntaxError, OSError, ValueError) as exc:
            raise QueryError(str(exc)) from exc

    def replace_graph(self, graph: str, quads: list[ox.Quad]) -> None:
        name = ox.NamedNode(graph)
        try:
            if not self._store.contains_named_graph(name):
                self._store.extend(quads)  # one transaction
                return
            triples = "\n".join(f"{str(q.subject)} {str(q.predicate)} {str(q.object)} ." for q in quads)
            self._store.update(f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{triples}\n}} }}")
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"cannot write graph {graph}: {exc}") from exc

    def write_graphs(self, new: list[MappedProtocol], replaced: list[MappedProtocol]) -> None:
        """New graphs by Oxigraph's bulk loader, their content hashes last, in one transaction:
        a graph cut short by a failure has no hash, so the next load replaces it."""
        parts = [mapped.write_parts() for mapped in new]
        try:
            if parts:  # N-Quads bytes: no Python object per quad
                # one part: during a load the cores are busy parsing and mapping, and the 100k
                # load peaked 230 MB higher with parts side by side, no faster
                self.load_nquads(b"".join(content for content, _ in parts), threads=1)
                self._store.load(b"".join(digest for _, digest in parts), format=ox.RdfFormat.N_QUADS)
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"cannot write {len(new)} graphs: {exc}") from exc
        for mapped in replaced:
            self.replace_graph(mapped.graph, mapped.quads)

    def load_nquads(self, data: bytes, threads: int | None = None) -> int:
        """Add N-Quads (one quad per line, IRIs already checked, as the mapping writes them)
        with Oxigraph's bulk loader, not in one transaction: large inputs are cut at line ends
        into ``threads`` parts (default: the cores) loaded side by side, since one bulk load
        parses on one core. Returns the number of parts."""
        threads = threads or os.cpu_count() or 1
        parts = _split_lines(data, threads if len(data) >= PARALLEL_LOAD_BYTES else 1)
        try:
            if len(parts) == 1:
                self._store.bulk_load(data, format=ox.RdfFormat.N_QUADS, lenient=True)
            else:
                with ThreadPoolExecutor(len(parts)) as pool:  # pyoxigraph releases the GIL while it loads
                    for done in [pool.submit(self._store.bulk_load, part, format=ox.RdfFormat.N_QUADS, lenient=True)
                                 for part in parts]:
                        done.result()
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"cannot load N-Quads into {self.location}: {exc}") from exc
        return len(parts)

    def named_graphs(self) -> list[str]:
        # Oxigraph's graph index, not a scan of every quad as the SPARQL form would be; a graph
        # created empty is left out as the SPARQL form leaves it out
        return sorted(g.value for g in self._store.named_graphs()
                      if next(iter(self._store.quads_for_pattern(None, None, None, g)), None) is not None)

    def dump_nquads(self) -> bytes:
        return self._store.dump(format=ox.RdfFormat.N_QUADS)

    def clear(self) -> None:
        self._store.clear()

    def compact(self) -> bool:
        # Each bulk load adds its own sorted files over the whole key range; until RocksDB has
        # merged them a lookup reads many files (queries at 10k after a fresh load: 2x slower)
        try:
            self._store.optimize()
        except OSError as exc:
            raise StoreError(f"cannot compact the store at {self.location}: {exc}") from exc
        return True

    def close(self) -> None:
        self._store.flush()
        del self._store


_TOKEN = re.compile(r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'\'\'(?:[^'\\]|\\.|'(?!''))*'\'\'|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<var>[?$][A-Za-z0-9_\u00b7-\uffff]+)
  | (?P<word>[A-Za-z][A-Za-z0-9_]*)
  | (?P<other>.)
""", re.X | re.S)


def _bound_by_query(tokens: list[tuple[str, str, int]]) -> set[str]:
    """Variables the query projects (SELECT list), binds (``AS ?x``, VALUES) or uses in
    solution modifiers (GROUP BY, ORDER BY, HAVING): a value cannot stand in their place."""
    bound: set[str] = set()
    mode = None
    previous = ""
    for kind, text, _ in tokens:
        word = text.upper() if kind == "word" else None
        if word in ("SELECT", "VALUES", "GROUP", "ORDER", "HAVING"):
            mode = word
        elif mode == "SELECT" and (word == "WHERE" or text == "{"):
            mode = None
        elif mode == "VALUES" and text == "}":
            mode = None
        elif mode in ("GROUP", "ORDER", "HAVING") and (text in ("{", "}") or word in ("LIMIT", "OFFSET", "VALUES")):
            mode = None
        if kind == "var" and (mode is not None or previous == "AS"):
            bound.add(text[1:])
        if kind != "comment":
            previous = word or text
    return bound


def inject_values(sparql: str, params: dict[str, Term]) -> str:
    """The query with ``params`` bound: each parameter variable replaced by its value.

    As Jena's ParameterizedSparqlString does, wherever the variable occurs (subqueries and
    FILTER (NOT) EXISTS included), so a store plans the query as if the value were written
    in it (a VALUES block can change a plan from one second to twenty). A variable the query
    itself projects, binds or sorts by is bound by a VALUES block at the start of the
    outermost group instead. ``BOUND(?x)`` of a substituted variable becomes ``true``, so a
    query can leave a parameter optional (``!BOUND(?from) || ?date >= ?from``). Values are
    serialised by pyoxigraph, never pasted as raw text.
    """
    if not params:
        return sparql
    tokens = [(m.lastgroup, m.group(), m.start()) for m in _TOKEN.finditer(sparql)]
    bound = _bound_by_query(tokens)
    substituted = {k: str(v) for k, v in params.items() if k not in bound}
    kept = {k: v for k, v in params.items() if k in bound}
    block = ""
    if kept:
        names = " ".join(f"?{k}" for k in kept)
        block = f" VALUES ({names}) {{ ({' '.join(str(v) for v in kept.values())}) }} "
    pieces, last = [], 0
    for index, (kind, text, position) in enumerate(tokens):
        if kind == "word" and text.upper() == "BOUND":
            call = [t for t in tokens[index + 1:index + 8] if not t[1].isspace()][:3]
            if [t[1] for t in call[::2]] == ["(", ")"] and call[1][0] == "var" and call[1][1][1:] in substituted:
                pieces.append(sparql[last:position] + "true")
                last = call[2][2] + 1
                continue
        if position < last:
            continue
        if kind == "var" and text[1:] in substituted:
            pieces += [sparql[last:position], substituted[text[1:]]]
            last = position + len(text)
        elif block and text == "{":  # the outermost group opens first
            pieces += [sparql[last:position + 1], block]
            last, block = position + 1, ""
    if block:
        raise QueryError("cannot bind parameters: the query has no group pattern")
    return "".join(pieces) + sparql[last:]


def without_lateral(sparql: str) -> str:
    """The query with each ``LATERAL`` keyword (SPARQL 1.2 draft, SEP-0006) removed, for
    servers that do not know it (Virtuoso 7). ``A LATERAL { B }`` becomes the join ``A { B }``:
    the same solutions whenever B uses A's variables only in its own triple patterns, which
    is how the query library uses it (to make Oxigraph look B up per solution of A)."""
    pieces, last = [], 0
    for match in _TOKEN.finditer(sparql):
        if match.lastgroup == "word" and match.group().upper() == "LATERAL":
            pieces.append(sparql[last:match.start()])
            last = match.end()
    return "".join(pieces) + sparql[last:]


VIRTUOSO_SYSTEM_GRAPHS = (
    "http://www.openlinksw.com/schemas/virtrdf#", "http://www.w3.org/ns/ldp#", "http://localuriqaserver/sparql",
    "http://www.w3.org/2002/07/owl#", "http://www.openlinksw.com/schemas/RDF_Mapper_Ontology/1.0/",
)
BATCH_BYTES = 4_000_000  # request body size of one bulk write


class SparqlHttpStore(Store):
    """A SPARQL 1.1 server: query, update and graph store protocol over HTTP (urllib only).

    Two URL layouts:

    - Oxigraph (``oxigraph serve``): ``http://host:7878`` with ``/query``, ``/update`` and
      ``/store``; the new graphs of a batch are posted as N-Quads to ``/store`` (a few
      requests per batch), a replaced graph is PUT whole.
    - Virtuoso: ``http://host:8890/sparql`` (or ``/sparql-auth`` with ``user:password@``
      in the URL, digest authentication): query and update at that endpoint, batches written
      as SPARQL updates of a few MB (``DROP SILENT GRAPH`` + ``INSERT DATA`` per graph);
      Virtuoso's own system graphs are left out of every query (``input:*-graph-exclude``),
      and ``LATERAL`` is sent as a plain join (:func:`without_lateral`).
    """

    def __init__(self, url: str, timeout: float = 60.0, *, dialect: str | None = None):
        parts = urllib.parse.urlsplit(url)
        user, password = parts.username, parts.password
        netloc = parts.hostname + (f":{parts.port}" if parts.port else "") if parts.hostname else parts.netloc
        self.location = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, "")).rstrip("/")
        self.dialect = dialect or ("virtuoso" if parts.path.rstrip("/").endswith(("/sparql", "/sparql-auth")) else "oxigraph")
        self.timeout = timeout
        if self.dialect == "virtuoso":
            self.query_url = self.update_url = self.location
            self.store_url = None
        else:
            self.query_url = self.location + "/query?union-default-graph"
            self.update_url = self.location + "/update"
            self.store_url = self.location + "/store"
        handlers = []
        if user is not None:
            manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            manager.add_password(None, self.location, urllib.parse.unquote(user), urllib.parse.unquote(password or ""))
            handlers = [urllib.request.HTTPDigestAuthHandler(manager), urllib.request.HTTPBasicAuthHandler(manager)]
        self._opener = urllib.request.build_opener(*handlers)

    def _request(self, url: str, *, data: bytes | None = None, method: str = "GET", headers: dict | None = None) -> bytes:
        request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip()
            error = QueryError if "query" in url or (data is not None and data.startswith(b"query=")) else StoreError
            raise error(f"{self.location} answered {exc.code}: {detail[:500]}") from exc
        except (urllib.error.URLError, OSError) as exc:
            raise StoreError(f"cannot reach the SPARQL server at {self.location}: {exc}") from exc

    @staticmethod
    def _virtuoso_defines() -> str:
        return "".join(f"DEFINE input:default-graph-exclude <{g}> DEFINE input:named-graph-exclude <{g}> "
                       for g in VIRTUOSO_SYSTEM_GRAPHS)

    def _post_query(self, text: str, accept: str) -> bytes:
        if self.dialect == "virtuoso":
            text = self._virtuoso_defines() + "\n" + without_lateral(text)
            data = urllib.parse.urlencode({"query": text}).encode("ascii")
            return self._request(self.query_url, data=data, method="POST", headers={
                "Content-Type": "application/x-www-form-urlencoded", "Accept": accept})
        return self._request(self.query_url, data=text.encode("utf-8"), method="POST", headers={
            "Content-Type": "application/sparql-query; charset=utf-8", "Accept": accept})

    def update(self, text: str) -> None:
        """Run a SPARQL update (samgraf's own writes; queries stay read-only)."""
        if self.dialect == "virtuoso":
            data = urllib.parse.urlencode({"update": text}).encode("ascii")
            self._request(self.update_url, data=data, method="POST", headers={"Content-Type": "application/x-www-form-urlencoded"})
        else:
            self._request(self.update_url, data=text.encode("utf-8"), method="POST",
                          headers={"Content-Type": "application/sparql-update; charset=utf-8"})

    def query(self, sparql: str, params: dict[str, Term] | None = None) -> QueryResult:
        form = query_form(sparql)
        text = inject_values(sparql, params or {})
        accept = "application/n-triples" if form == "construct" else "application/sparql-results+json"
        body = self._post_query(text, accept)
        if form == "construct":
            return QueryResult("construct", triples=[q.triple for q in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)])
        return _collect(ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON))

    @staticmethod
    def _insert_data(graph: str, quads: list[ox.Quad]) -> str:
        triples = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
        return f"INSERT DATA {{ GRAPH {ox.NamedNode(graph)} {{\n{triples}\n}} }}"

    def _updates(self, batch: list[MappedProtocol]) -> None:
        """Replace graphs by SPARQL updates of at most about BATCH_BYTES each."""
        parts: list[str] = []
        size = 0
        for mapped in batch:
            text = f"DROP SILENT GRAPH {ox.NamedNode(mapped.graph)} ;\n" + self._insert_data(mapped.graph, mapped.quads)
            if parts and size + len(text) > BATCH_BYTES:
                self.update(" ;\n".join(parts))
                parts, size = [], 0
            parts.append(text)
            size += len(text)
        if parts:
            self.update(" ;\n".join(parts))

    def replace_graph(self, graph: str, quads: list[ox.Quad]) -> None:
        if self.dialect == "virtuoso":
            self.update(f"DROP SILENT GRAPH {ox.NamedNode(graph)} ;\n" + self._insert_data(graph, quads))
            return
        triples = ox.serialize((q.triple for q in quads), format=ox.RdfFormat.N_TRIPLES)
        url = f"{self.store_url}?{urllib.parse.urlencode({'graph': graph})}"
        self._request(url, data=triples, method="PUT", headers={"Content-Type": "application/n-triples"})

    def write_graphs(self, new: list[MappedProtocol], replaced: list[MappedProtocol]) -> None:
        if self.dialect == "virtuoso":
            self._updates(new + replaced)
            return
        chunk: list[ox.Quad] = []
        for mapped in new:  # graph store protocol: N-Quads POSTed to the dataset are added to it
            chunk += mapped.quads
            if len(chunk) > 20_000:
                self._post_nquads(chunk)
                chunk = []
        if chunk:
            self._post_nquads(chunk)
        for mapped in replaced:
            self.replace_graph(mapped.graph, mapped.quads)

    def _post_nquads(self, quads: list[ox.Quad]) -> None:
        data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
        self._request(self.store_url, data=data, method="POST", headers={"Content-Type": "application/n-quads"})

    def dump_nquads(self) -> bytes:
        if self.dialect == "virtuoso":
            rows = self.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }").rows
            return ox.serialize([ox.Quad(s, p, o, g) for g, s, p, o in rows], format=ox.RdfFormat.N_QUADS)
        return self._request(self.store_url, headers={"Accept": "application/n-quads"})

    def clear(self) -> None:
        if self.dialect == "virtuoso":
            graphs = self.named_graphs()
            for start in range(0, len(graphs), 200):
                self.update(" ;\n".join(f"DROP SILENT GRAPH {ox.NamedNode(g)}" for g in graphs[start:start + 200]))
            return
        self._request(self.update_url, data=b"CLEAR ALL", method="POST", headers={"Content-Type": "application/sparql-update"})


def default_location() -> str:
    """Env ``SAMGRAF_STORE``, else ``./samgraf-store``."""
    return os.environ.get(STORE_ENV) or DEFAULT_LOCATION


def open_store(location: str | os.PathLike | None = None) -> Store:
    """An http(s) URL opens a :class:`SparqlHttpStore`, anything else an :class:`EmbeddedStore` folder."""
    location = str(location) if location is not None else default_location()
    if location.startswith(("http://", "https://")):
        return SparqlHttpStore(location)
    Path(location).mkdir(parents=True, exist_ok=True)
    return EmbeddedStore(location)
