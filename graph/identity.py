"""Identity across protocols: which person occurrences are one person, and why.

:func:`resolve` runs over every record being loaded plus what the store already knows
(persons with their names, bodies, organisations and counties) and gives each person
occurrence a canonical IRI. Conservative and explainable:

- within one protocol, one normalised name is one person; a first-name-only presenter is the
  one participant of that protocol with that first name (if there is exactly one);
- across protocols, two occurrences are merged when their normalised names are equal
  (``Britt-Inger`` = ``Britt Inger``) and they share a body, an organisation or a county, or
  when the names are spelling variants (same surname, given names within a small edit
  distance: ``Jessika``/``Jessica``, ``Clas``/``Claes``) and they share a body;
- two different names met in the same protocol are never one person; namesakes without
  shared context stay apart and are reported as near-misses;
- an analyst's file (``identities.yaml``: ``confirm:`` and ``split:``) overrides both ways.

Every merge, near-miss and curated decision is an :class:`IdentityDecision` that the mapping
writes into the graph (``sg:IdentityDecision``) and ``samgraf identities`` reads back.
Deterministic: records are taken in (date, source) order and every choice is sorted.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from rapidfuzz.distance import Levenshtein

from samgraf import refdata
from samgraf.errors import SamgrafError
from samgraf.graph import iris
from samgraf.graph.bodies import BodyRegistry, Rename, detect_renames
from samgraf.graph.organisations import ResolvedOrganisation, normalise_name, resolve_written_organisation
from samgraf.loaders.model import Protocol

DEFAULT_IDENTITIES_FILE = "identities.yaml"
MAX_GIVEN_NAME_DISTANCE = 2  # edits between the given names of a spelling variant


# -- the curated file ----------------------------------------------------------------------
@dataclass(frozen=True)
class CuratedRule:
    names: tuple[str, ...]
    sources: tuple[str, ...] = ()
    note: str = ""

    def keys(self) -> set[str]:
        return {normalise_name(n) for n in self.names}

    def covers(self, group: "Occurrence") -> bool:
        if group.key not in self.keys():
            return False
        return not self.sources or bool(group.sources & {iris.source_stem(s) for s in self.sources})


@dataclass(frozen=True)
class Curation:
    """An analyst's decisions: ``confirm`` merges, ``split`` keeps apart."""

    confirm: tuple[CuratedRule, ...] = ()
    split: tuple[CuratedRule, ...] = ()
    origin: str = ""

    @classmethod
    def load(cls, path: str | Path | None) -> "Curation":
        """Read an identities YAML file; ``None`` or a missing default file is no curation."""
        if path is None:
            return cls()
        import yaml

        path = Path(path)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise SamgrafError(f"cannot read identities file {path}: {exc}") from exc
        if not isinstance(data, dict) or set(data) - {"confirm", "split"}:
            raise SamgrafError(f"identities file {path}: expected the keys confirm: and split:")

        def rules(entries) -> tuple[CuratedRule, ...]:
            out = []
            for entry in entries or []:
                if isinstance(entry, list):
                    entry = {"names": entry}
                if not isinstance(entry, dict):
                    raise SamgrafError(f"identities file {path}: each rule is a mapping with names: (and sources:, note:)")
                names = entry.get("names") or ([entry["name"]] if entry.get("name") else [])
                if not names:
                    raise SamgrafError(f"identities file {path}: a rule without names: {entry}")
                out.append(CuratedRule(tuple(map(str, names)), tuple(map(str, entry.get("sources") or ())), str(entry.get("note") or "")))
            return tuple(out)

        return cls(rules(data.get("confirm")), rules(data.get("split")), str(path))

    def fingerprint(self) -> str:
        return json.dumps([[r.names, r.sources] for r in self.confirm] + [["split"]] + [[r.names, r.sources] for r in self.split],
                          ensure_ascii=False)


# -- occurrences and decisions -------------------------------------------------------------
@dataclass
class Occurrence:
    """One person in one protocol (all the spellings of one normalised name), or one person the store knows."""

    key: str  # normalised name
    names: list[str]
    order: tuple  # (date, source) of first meeting: sorts occurrences
    sources: set[str] = field(default_factory=set)  # source stems
    bodies: set[str] = field(default_factory=set)
    organisations: set[str] = field(default_factory=set)
    counties: set[str] = field(default_factory=set)
    record: str | None = None  # source of the protocol it is from (None: from the store)
    iri: str | None = None  # fixed IRI of a person the store knows
    labels: dict[str, str] = field(default_factory=dict)  # body/organisation IRI -> label, for evidence

    @property
    def name(self) -> str:
        return self.names[0]

    @property
    def surname(self) -> str:
        return self.key.rsplit(" ", 1)[-1]

    @property
    def given(self) -> str:
        return self.key.rsplit(" ", 1)[0] if " " in self.key else ""


@dataclass(frozen=True)
class IdentityDecision:
    """One identity decision: ``merged``, ``near-miss``, ``confirmed``, ``split`` (persons) or ``body``."""

    status: str
    kind: str  # "person" or "body"
    iri: str
    names: tuple[str, ...]
    evidence: str
    sources: tuple[str, ...] = ()
    other: str | None = None

    def node(self, base: str) -> str:
        text = json.dumps([self.status, self.kind, self.iri, self.other, sorted(self.names), self.evidence], ensure_ascii=False)
        return iris.identity_iri(self.kind, hashlib.sha1(text.encode("utf-8")).hexdigest()[:16], base)


@dataclass
class RecordContext:
    """What the resolution decided for one record."""

    source: str
    county: str | None
    county_evidence: str
    body: str
    persons: dict[str, str] = field(default_factory=dict)  # name as written -> IRI
    full_names: dict[str, str] = field(default_factory=dict)  # first-name-only presenter -> full name
    mentioned_bodies: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # name -> (IRI, parent)
    renames: list[Rename] = field(default_factory=list)
    base: str = iris.DEFAULT_BASE


class Resolution:
    """The canonical IRIs of every person, body and organisation of a batch of records."""

    def __init__(self, base: str):
        self.base = base
        self.contexts: dict[str, RecordContext] = {}
        self.decisions: list[IdentityDecision] = []
        self.curation = Curation()
        self._nodes: dict[IdentityDecision, str] = {}

    def decision_node(self, decision: IdentityDecision) -> str:
        """The decision's node IRI, worked out once (a decision is cited by the graphs of
        several records, and by each record's content hash as well as its graph)."""
        node = self._nodes.get(decision)
        if node is None:
            node = self._nodes[decision] = decision.node(self.base)
        return node

    def context(self, protocol: Protocol) -> RecordContext:
        try:
            return self.contexts[protocol.source]
        except KeyError:
            raise SamgrafError("the record was not part of the identity resolution", source=protocol.source) from None

    def person(self, protocol: Protocol, name: str) -> str:
        ctx = self.context(protocol)
        return ctx.persons.get(name) or ctx.persons[ctx.full_names.get(name, name)]

    def organisation(self, protocol: Protocol, name: str | None, code: str | None = None) -> ResolvedOrganisation | None:
        ctx = self.context(protocol)
        return resolve_written_organisation(name, code, protocol.date, ctx.county)

    def decisions_for(self, protocol: Protocol) -> list[IdentityDecision]:
        stem = iris.source_stem(protocol.source)
        ctx = self.context(protocol)
        mine = set(ctx.persons.values()) | {ctx.body} | {iri for iri, _ in ctx.mentioned_bodies.values()}
        by_source, by_body = self._decision_index()
        wanted = set(by_source.get(stem, ())) | {i for iri in mine for i in by_body.get(iri, ())}
        return [self.decisions[i] for i in sorted(wanted)]

    def _decision_index(self) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        """Decisions by source stem and body decisions by IRI (rebuilt when decisions were added)."""
        if getattr(self, "_indexed", None) != len(self.decisions):
            by_source: dict[str, list[int]] = {}
            by_body: dict[str, list[int]] = {}
            for index, decision in enumerate(self.decisions):
                for source in decision.sources:
                    by_source.setdefault(source, []).append(index)
                if decision.kind == "body":
                    by_body.setdefault(decision.iri, []).append(index)
            self._index, self._indexed = (by_source, by_body), len(self.decisions)
        return self._index

    def fingerprint(self, protocol: Protocol) -> str:
        """What of the resolution the record's graph depends on (part of its content hash)."""
        ctx = self.context(protocol)
        data = {
            "persons": sorted(ctx.persons.items()), "body": ctx.body, "county": ctx.county,
            "bodies": sorted((k, v[0]) for k, v in ctx.mentioned_bodies.items()),
            "decisions": sorted(self.decision_node(d) for d in self.decisions_for(protocol)),
        }
        return json.dumps(data, ensure_ascii=False, sort_keys=True)


# -- county of a record --------------------------------------------------------------------
def record_county(protocol: Protocol) -> tuple[str | None, str]:
    """The record's county code and why: given, from its kommuner, or from its county council/region."""
    if protocol.county_code:
        return protocol.county_code, "given by the record"
    year = int(protocol.date[:4]) if protocol.date else None
    written = [p.organisation for p in protocol.participants] + [a.organisation for a in protocol.absentees]
    codes = [p.organisation_code for p in protocol.participants] + [a.organisation_code for a in protocol.absentees]
    counts: dict[str, int] = {}
    for name, code in zip(written, codes):
        match = None
        if code:
            municipality = refdata.municipality_by_code(code)
            county = municipality.county_code if municipality else (code if refdata.region_by_code(code) else None)
        else:
            match = refdata.resolve_organisation(name or "", year=year)
            county = match.county_code if match and match.code else None
        if county:
            counts[county] = counts.get(county, 0) + 1
    if counts:
        best = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        return best, "from the kommuner and county council of the attendance list"
    mentioned = [n for i in protocol.items for n in i.mentions.organisations]
    county = refdata.county_of_municipalities(mentioned)
    if county:
        return county, "from the kommuner the items mention"
    return None, "unknown"


# -- the store's knowledge -----------------------------------------------------------------
_STORE_PERSONS = """
PREFIX sg: <https://w3id.org/samgraf/ontology#>
PREFIX besluit: <http://data.vlaanderen.be/ns/besluit#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX person: <http://www.w3.org/ns/person#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?g ?person ?name ?body ?org ?county ?date ?file WHERE {
  GRAPH ?g {
    ?person a person:Person ; foaf:name ?name .
    ?meeting a besluit:Zitting ; besluit:isGehoudenDoor ?body .
    OPTIONAL { ?meeting dcterms:date ?date }
    OPTIONAL { ?meeting sg:countyCode ?county }
    OPTIONAL { ?g prov:wasDerivedFrom/sg:fileName ?file }
    OPTIONAL { { ?x prov:agent ?person } UNION { ?x sg:absentPerson ?person } ?x sg:representedOrganisation ?org }
  }
}
"""
_STORE_BODIES = """
PREFIX sg: <https://w3id.org/samgraf/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT DISTINCT ?g ?body ?label ?alt ?county ?parent WHERE {
  GRAPH ?g {
    ?body a org:Organization .
    OPTIONAL { ?body sg:countyCode ?county }
    FILTER NOT EXISTS { ?body org:subOrganizationOf ?parent }
    { ?body skos:prefLabel ?label } UNION { ?body rdfs:label ?label } UNION { ?body skos:altLabel ?alt }
  }
}
"""


_PREFIXES = """
PREFIX sg: <https://w3id.org/samgraf/ontology#>
PREFIX besluit: <http://data.vlaanderen.be/ns/besluit#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX person: <http://www.w3.org/ns/person#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX org: <http://www.w3.org/ns/org#>
"""
_STORE_NAMES = _PREFIXES + "SELECT ?g ?person ?name WHERE { VALUES_BLOCK GRAPH ?g { ?person foaf:name ?name ; a person:Person } }"
_STORE_MEETINGS = _PREFIXES + """SELECT ?g ?body ?date ?county ?file WHERE { VALUES_BLOCK
  GRAPH ?g { ?meeting a besluit:Zitting ; besluit:isGehoudenDoor ?body .
    OPTIONAL { ?meeting dcterms:date ?date } OPTIONAL { ?meeting sg:countyCode ?county }
    OPTIONAL { ?g prov:wasDerivedFrom/sg:fileName ?file } } }"""
_STORE_ORGANISATIONS = _PREFIXES + """SELECT ?g ?person ?org WHERE { VALUES_BLOCK
  GRAPH ?g { { ?x prov:agent ?person } UNION { ?x sg:absentPerson ?person } ?x sg:representedOrganisation ?org } }"""
_STORE_BODY_PARTS = _PREFIXES + """SELECT ?g ?body ?kind ?value WHERE { VALUES_BLOCK
  GRAPH ?g { { ?body a org:Organization BIND("type" AS ?kind) BIND("" AS ?value) }
    UNION { ?body skos:prefLabel ?value BIND("label" AS ?kind) } UNION { ?body rdfs:label ?value BIND("label" AS ?kind) }
    UNION { ?body skos:altLabel ?value BIND("alt" AS ?kind) } UNION { ?body sg:countyCode ?value BIND("county" AS ?kind) }
    UNION { ?body org:subOrganizationOf ?value BIND("parent" AS ?kind) } }
  FILTER (STRSTARTS(STR(?body), "BASE")) }"""


_RECORD_DIGESTS = _PREFIXES + "SELECT ?g ?digest WHERE { VALUES_BLOCK GRAPH ?g { ?g sg:recordSha256 ?digest } }"


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _read_cache(path: Path, base: str) -> dict[str, tuple[str, "GraphFacts"]]:
    """Graph -> (record hash, facts) from a knowledge cache file; empty when the file is
    missing, unreadable or written by another samgraf version or for another base IRI."""
    from samgraf import __version__

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != __version__ or data.get("base") != base:
            return {}
        return {g: (digest, GraphFacts(*([tuple(row) for row in rows] for rows in parts)))
                for g, (digest, parts) in data["graphs"].items()}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def _value(term) -> str | None:
    return None if term is None else term.value


def store_knowledge(store, base: str, skip_graphs: set[str]) -> tuple[list[Occurrence], list[tuple[str, str, list[str], list[str]]]]:
    """Persons (one occurrence per person IRI) and bodies the store holds outside ``skip_graphs``."""
    return StoreKnowledge(store, base).snapshot(skip_graphs)


def _none_first(value) -> tuple:
    return (value is not None, value or "")


def _row_key(row: tuple) -> tuple:
    return tuple((v is not None, v or "") for v in row)


@dataclass
class GraphFacts:
    """What one graph says of persons and bodies: the rows of the four queries of
    :class:`StoreKnowledge` (meetings, organisations, names, body parts) for that graph."""

    meetings: list[tuple] = field(default_factory=list)  # (body, date, county, file)
    organisations: list[tuple] = field(default_factory=list)  # (person, organisation)
    names: list[tuple] = field(default_factory=list)  # (person, name)
    body_parts: list[tuple] = field(default_factory=list)  # (body, kind, value)

    def sort(self) -> None:
        for rows in (self.meetings, self.organisations, self.names, self.body_parts):
            rows.sort(key=_row_key)


_NS_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_NS_ZITTING = "http://data.vlaanderen.be/ns/besluit#Zitting"
_NS_HELD_BY = "http://data.vlaanderen.be/ns/besluit#isGehoudenDoor"
_NS_DATE = "http://purl.org/dc/terms/date"
_NS_COUNTY = "https://w3id.org/samgraf/ontology#countyCode"
_NS_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
_NS_FILE = "https://w3id.org/samgraf/ontology#fileName"
_NS_AGENT = "http://www.w3.org/ns/prov#agent"
_NS_ABSENT = "https://w3id.org/samgraf/ontology#absentPerson"
_NS_REPRESENTED = "https://w3id.org/samgraf/ontology#representedOrganisation"
_NS_NAME = "http://xmlns.com/foaf/0.1/name"
_NS_PERSON = "http://www.w3.org/ns/person#Person"
_NS_ORGANIZATION = "http://www.w3.org/ns/org#Organization"
_BODY_KINDS = {
    "http://www.w3.org/2004/02/skos/core#prefLabel": "label", "http://www.w3.org/2000/01/rdf-schema#label": "label",
    "http://www.w3.org/2004/02/skos/core#altLabel": "alt", _NS_COUNTY: "county",
    "http://www.w3.org/ns/org#subOrganizationOf": "parent",
}


FACT_PREDICATES = frozenset({_NS_RDF_TYPE, _NS_HELD_BY, _NS_DATE, _NS_COUNTY, _NS_DERIVED, _NS_FILE, _NS_AGENT,
                             _NS_ABSENT, _NS_REPRESENTED, _NS_NAME, *_BODY_KINDS})  # what graph_facts looks at


def quad_triples(graph: str, quads) -> list[tuple[str, str, str, bool]]:
    """(subject, predicate, object value, object is not a literal) of the quads in ``graph``
    with an IRI subject and a predicate :func:`graph_facts` looks at."""
    import pyoxigraph as ox

    triples = []
    for quad in quads:
        name = quad.graph_name
        if not isinstance(name, ox.NamedNode) or name.value != graph or not isinstance(quad.subject, ox.NamedNode):
            continue
        predicate = quad.predicate.value
        if predicate in FACT_PREDICATES:
            triples.append((quad.subject.value, predicate, quad.object.value, not isinstance(quad.object, ox.Literal)))
    return triples


def graph_facts(graph: str, triples, base: str) -> GraphFacts:
    """The facts of one graph from its triples (:func:`quad_triples`): the rows the queries of
    :class:`StoreKnowledge` give for it (``_STORE_MEETINGS``, ``_STORE_ORGANISATIONS``,
    ``_STORE_NAMES``, ``_STORE_BODY_PARTS``), sorted."""
    objects: dict[tuple[str, str], list[tuple[str, bool]]] = {}  # (subject, predicate) -> (value, is a resource)
    by_predicate: dict[str, list[tuple[str, str, bool]]] = {}
    for subject, predicate, value, resource in triples:
        objects.setdefault((subject, predicate), []).append((value, resource))
        by_predicate.setdefault(predicate, []).append((subject, value, resource))

    def values(subject: str, predicate: str) -> list[str]:
        return [value for value, _ in objects.get((subject, predicate), ())]

    def typed(subject: str, cls: str) -> bool:
        return (cls, True) in objects.get((subject, _NS_RDF_TYPE), ())

    facts = GraphFacts()
    files = [f for source, resource in objects.get((graph, _NS_DERIVED), ()) if resource
             for f in values(source, _NS_FILE)] or [None]
    for meeting, held_by, _ in by_predicate.get(_NS_HELD_BY, ()):
        if typed(meeting, _NS_ZITTING):
            for date in values(meeting, _NS_DATE) or [None]:
                for county in values(meeting, _NS_COUNTY) or [None]:
                    facts.meetings += [(held_by, date, county, file) for file in files]
    for x, org, _ in by_predicate.get(_NS_REPRESENTED, ()):
        for person in values(x, _NS_AGENT) + values(x, _NS_ABSENT):
            facts.organisations.append((person, org))
    for person, name, _ in by_predicate.get(_NS_NAME, ()):
        if typed(person, _NS_PERSON):
            facts.names.append((person, name))
    prefix = f"{base}body/"
    for subject, cls, resource in by_predicate.get(_NS_RDF_TYPE, ()):
        if resource and cls == _NS_ORGANIZATION and subject.startswith(prefix):
            facts.body_parts.append((subject, "type", ""))
    for predicate, kind in _BODY_KINDS.items():
        facts.body_parts += [(subject, kind, value) for subject, value, _ in by_predicate.get(predicate, ())
                             if subject.startswith(prefix)]
    facts.sort()
    return facts


def _graph_values(graphs) -> str:
    return "VALUES ?g { " + " ".join(f"<{g}>" for g in sorted(graphs)) + " }"


class StoreKnowledge:
    """What the store knows of persons and bodies, read once and kept up to date graph by graph.

    A load in batches reads the store's persons and bodies once (:meth:`snapshot` gives what
    :func:`store_knowledge` would) and, after writing a batch, reads only the graphs it wrote
    (:meth:`add_graphs`), so resolving a batch costs no more as the store grows.
    """

    def __init__(self, store, base: str, *, read: bool = True):
        self.store = store
        self.base = base
        self.person_rows: dict[str, dict[str, list[tuple]]] = {}  # person IRI -> graph -> rows
        self.body_rows: dict[str, dict[str, list[tuple]]] = {}  # body IRI -> graph -> rows
        self.graph_persons: dict[str, set[str]] = {}
        self.graph_bodies: dict[str, set[str]] = {}
        self.persons: dict[str, Occurrence] = {}
        self.bodies: dict[str, tuple[str | None, list[str], list[str]]] = {}
        self.facts: dict[str, GraphFacts] = {}  # graph -> its facts, as taken in
        self.digests: dict[str, str] = {}  # graph -> the record hash its facts belong to
        self.from_cache = 0  # graphs whose facts came from the cache file on the last full read
        self._strings: dict[str, str] = {}  # one object per distinct value: IRIs, names and dates repeat in every graph
        if read and store is not None:
            self._read_all()

    def add_graphs(self, graphs) -> None:
        """Read (again) what the store holds in ``graphs``, replacing what was known of them."""
        graphs = set(graphs)
        if graphs and self.store is not None:
            self._forget(graphs)
            self._read(graphs)

    def _forget(self, graphs: set[str]) -> None:
        for g in graphs:
            self.facts.pop(g, None)
            self.digests.pop(g, None)
        persons = set().union(*(self.graph_persons.pop(g, set()) for g in graphs))
        bodies = set().union(*(self.graph_bodies.pop(g, set()) for g in graphs))
        for iri in persons:
            for g in graphs:
                self.person_rows[iri].pop(g, None)
        for iri in bodies:
            for g in graphs:
                self.body_rows[iri].pop(g, None)
        for iri in persons:
            self._rebuild_person(iri)
        for iri in bodies:
            self._rebuild_body(iri)

    def add_mapped(self, mapped) -> None:
        """Take in graphs just written (:class:`~samgraf.graph.mapping.MappedProtocol`) from
        their quads, as :meth:`add_graphs` would read them back from the store."""
        facts = {m.graph: graph_facts(m.graph, m.fact_triples(), self.base) for m in mapped}
        if facts:
            self._forget(set(facts))
            self._ingest(facts)
            self.digests.update({m.graph: m.record_sha256 for m in mapped})

    def _read(self, graphs: set[str] | None) -> None:
        facts = self._fetch(graphs)
        self._ingest(facts)
        self.digests.update(self._record_digests(graphs))

    def _record_digests(self, graphs: set[str] | None = None) -> dict[str, str]:
        query = _RECORD_DIGESTS.replace("VALUES_BLOCK", _graph_values(graphs) if graphs is not None else "")
        return {row[0].value: row[1].value for row in self.store.query(query).rows}

    def _read_all(self) -> None:
        """Read what the whole store knows; with a cache file (an embedded store keeps one in
        its folder) only the graphs whose record hash the cache does not hold are queried."""
        path = getattr(self.store, "knowledge_cache_path", None)
        cached = _read_cache(path, self.base) if path is not None else {}
        if not cached:
            self._read(None)
            return
        digests = self._record_digests()
        graphs = set(self.store.named_graphs())
        facts = {g: cached[g][1] for g in graphs if g in cached and digests.get(g) == cached[g][0]}
        missing = graphs - set(facts)
        if len(missing) > max(100, len(graphs) // 4):  # many changed: one pass over the store is cheaper
            fetched = self._fetch(None)
            facts.update({g: fetched.get(g, GraphFacts()) for g in missing})
        else:
            for chunk in _chunks(sorted(missing), 500):
                facts.update(self._fetch(set(chunk)))
        self._ingest(facts)
        self.digests = {g: digests[g] for g in facts if g in digests}
        self.from_cache = len(graphs) - len(missing)

    def save_cache(self) -> bool:
        """Write what is known, graph by graph with each graph's record hash, to the store's
        cache file (when the store keeps one); False when it does not."""
        path = getattr(self.store, "knowledge_cache_path", None)
        if path is None:
            return False
        from samgraf import __version__

        partial = path.with_name(path.name + ".partial")
        try:
            # written graph by graph (the same text as one json.dumps of the whole): at 100k
            # graphs the file is ~450 MB, which need not be held in memory as well
            with partial.open("w", encoding="utf-8") as out:
                out.write(f'{{"version": {json.dumps(__version__)}, "base": {json.dumps(self.base, ensure_ascii=False)}, "graphs": {{')
                separator = ""
                for g in sorted(self.facts):
                    if g in self.digests:
                        found = self.facts[g]
                        entry = [self.digests[g], [found.meetings, found.organisations, found.names, found.body_parts]]
                        out.write(f"{separator}{json.dumps(g, ensure_ascii=False)}: {json.dumps(entry, ensure_ascii=False)}")
                        separator = ", "
                out.write("}}")
            partial.replace(path)  # atomic: a reader sees the old file or the new one
        except OSError:  # only an accelerator: the next load reads the store instead
            return False
        return True

    def _fetch(self, graphs: set[str] | None) -> dict[str, "GraphFacts"]:
        """Facts per graph: of every graph in ``graphs``, or of the graphs of the store that have some."""
        # four simple queries joined here: much faster on a large store than one query with
        # OPTIONALs and UNIONs (the rows are those of _STORE_PERSONS and _STORE_BODIES)
        values = _graph_values(graphs) if graphs is not None else ""
        facts: dict[str, GraphFacts] = {}

        def select(query: str) -> list[tuple]:
            return [tuple(_value(t) for t in row) for row in self.store.query(query.replace("VALUES_BLOCK", values)).rows]

        def of(g: str) -> GraphFacts:
            found = facts.get(g)
            if found is None:
                found = facts[g] = GraphFacts()
            return found

        for g, body, date, county, file in select(_STORE_MEETINGS):
            of(g).meetings.append((body, date, county, file))
        for g, iri, org in select(_STORE_ORGANISATIONS):
            of(g).organisations.append((iri, org))
        for g, iri, name in select(_STORE_NAMES):
            of(g).names.append((iri, name))
        for g, iri, kind, value in select(_STORE_BODY_PARTS.replace("BASE", f"{self.base}body/")):
            of(g).body_parts.append((iri, kind, value))
        for found in facts.values():
            found.sort()
        for g in graphs or ():  # a graph asked for and holding no such facts: known to be empty
            of(g)
        return facts

    def _ingest(self, facts: dict[str, "GraphFacts"]) -> None:
        """Take in the facts of graphs (graphs in IRI order, each graph's rows sorted, so what
        is known does not depend on the order a store returns rows in)."""
        touched_persons, touched_bodies = set(), set()
        shared = self._strings.setdefault
        for found in facts.values():
            for rows in (found.meetings, found.organisations, found.names, found.body_parts):
                rows[:] = [tuple(v if v is None else shared(v, v) for v in row) for row in rows]
        self.facts.update(facts)
        for g in sorted(facts):
            found = facts[g]
            organisations: dict[str, set[str]] = {}
            for iri, org in found.organisations:
                organisations.setdefault(iri, set()).add(org)
            if found.meetings:
                for iri, name in found.names:
                    rows = self.person_rows.setdefault(iri, {}).setdefault(g, [])
                    for body, date, county, file in found.meetings:
                        for org in sorted(organisations.get(iri) or [None], key=_none_first):
                            rows.append((name, body, org, county, date, file))
                    self.graph_persons.setdefault(g, set()).add(iri)
                    touched_persons.add(iri)
            parts: dict[str, dict[str, list[str]]] = {}
            for iri, kind, value in found.body_parts:
                parts.setdefault(iri, {}).setdefault(kind, []).append(value)
            for iri, kinds in parts.items():
                if "parent" in kinds or "type" not in kinds:
                    continue
                rows = self.body_rows.setdefault(iri, {}).setdefault(g, [])
                for county in kinds.get("county") or [None]:
                    rows += [(county, label, None) for label in kinds.get("label", [])]
                    rows += [(county, None, alt) for alt in kinds.get("alt", [])]
                if rows:
                    self.graph_bodies.setdefault(g, set()).add(iri)
                    touched_bodies.add(iri)
        for iri in touched_persons:
            self._rebuild_person(iri)
        for iri in touched_bodies:
            self._rebuild_body(iri)

    def _person(self, iri: str, skip: set[str] = frozenset()) -> Occurrence | None:
        occ = None
        for g, rows in sorted(self.person_rows.get(iri, {}).items()):
            if g in skip:
                continue
            for name, body, org, county, date, file in rows:
                order = (date or "", file or g)
                if occ is None:
                    occ = Occurrence(normalise_name(name), [name], order, iri=iri)
                if name not in occ.names:
                    occ.names.append(name)
                occ.order = min(occ.order, order)
                occ.sources.add(iris.source_stem(file or g.rsplit("/", 1)[1]))
                occ.bodies.add(body)
                if org is not None:
                    occ.organisations.add(org)
                if county is not None:
                    occ.counties.add(county)
        return occ

    def _body(self, iri: str, skip: set[str] = frozenset()):
        found = None
        for g, rows in sorted(self.body_rows.get(iri, {}).items()):
            if g in skip:
                continue
            for county, label, alt in rows:
                if found is None:
                    found = (county, [], [])
                for target, value in ((found[1], label), (found[2], alt)):
                    if value is not None and value not in target:
                        target.append(value)
        return found

    def _rebuild_person(self, iri: str) -> None:
        occ = self._person(iri)
        if occ is None:
            self.persons.pop(iri, None)
            self.person_rows.pop(iri, None)
        else:
            self.persons[iri] = occ

    def _rebuild_body(self, iri: str) -> None:
        body = self._body(iri)
        if body is None:
            self.bodies.pop(iri, None)
            self.body_rows.pop(iri, None)
        else:
            self.bodies[iri] = body

    def snapshot(self, skip_graphs: set[str] = frozenset()) -> tuple[list[Occurrence], list[tuple[str, str, list[str], list[str]]]]:
        """Persons sorted by first meeting and bodies sorted by IRI, leaving out ``skip_graphs``."""
        persons, body_rows = self.known(skip_graphs)
        return sorted(persons.values(), key=lambda o: (o.order, o.iri)), body_rows

    def known(self, skip_graphs: set[str] = frozenset()) -> tuple[dict[str, Occurrence], list[tuple[str, str, list[str], list[str]]]]:
        """Persons by IRI and bodies sorted by IRI, leaving out ``skip_graphs``."""
        skip = {g for g in skip_graphs if g in self.graph_persons or g in self.graph_bodies}
        persons, bodies = dict(self.persons), dict(self.bodies)
        for iri in set().union(*(self.graph_persons.get(g, set()) for g in skip)):
            occ = self._person(iri, skip)
            if occ is None:
                persons.pop(iri, None)
            else:
                persons[iri] = occ
        for iri in set().union(*(self.graph_bodies.get(g, set()) for g in skip)):
            body = self._body(iri, skip)
            if body is None:
                bodies.pop(iri, None)
            else:
                bodies[iri] = body
        body_rows = [(iri, county, sorted(labels), sorted(alts)) for iri, (county, labels, alts) in sorted(bodies.items())]
        return persons, body_rows


# -- resolution ----------------------------------------------------------------------------
class _UnionFind:
    def __init__(self, items: list[Occurrence]):
        self.parent = list(range(len(items)))
        self.members = {i: {i} for i in range(len(items))}
        self.records = {i: ({o.record} if o.record else set()) for i, o in enumerate(items)}  # protocols of a group
        self.known = {i: int(o.iri is not None) for i, o in enumerate(items)}  # store persons in a group

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a == b:
            return
        keep, drop = min(a, b), max(a, b)
        self.parent[drop] = keep
        self.members[keep] |= self.members.pop(drop)
        self.records[keep] |= self.records.pop(drop)
        self.known[keep] += self.known.pop(drop)


def _first_name_only(name: str) -> bool:
    return len(normalise_name(name).split()) == 1


def _person_occurrences(protocol: Protocol, ctx: RecordContext, date_order: tuple) -> list[Occurrence]:
    """One occurrence per normalised name in the record (first-name-only presenters resolved)."""
    stem = iris.source_stem(protocol.source)
    full = [p.name for p in protocol.participants] + [a.name for a in protocol.absentees]
    full += [a.replaced_by for a in protocol.absentees if a.replaced_by]
    presenters = [n for item in protocol.items for n in item.presenters]
    for name in presenters:
        if _first_name_only(name):
            first = normalise_name(name)
            candidates = sorted({n for n in full if not _first_name_only(n) and normalise_name(n).split()[0] == first})
            if len(candidates) == 1:
                ctx.full_names[name] = candidates[0]
    groups: dict[str, Occurrence] = {}
    organisations: dict[str, set[tuple[str, str]]] = {}
    for who in list(protocol.participants) + list(protocol.absentees):
        resolved = resolve_written_organisation(who.organisation, who.organisation_code, protocol.date, ctx.county)
        if resolved:
            organisations.setdefault(who.name, set()).add((iris.organisation_iri("", None, ctx.base, resolved.key), resolved.label))
    for name in full + presenters:
        name = ctx.full_names.get(name, name)
        key = normalise_name(name)
        occ = groups.get(key)
        if occ is None:
            occ = groups[key] = Occurrence(key, [name], date_order, {stem}, record=protocol.source)
            occ.bodies.add(ctx.body)
            occ.labels[ctx.body] = protocol.body.acronym or protocol.body.name
            if ctx.county:
                occ.counties.add(ctx.county)
        elif name not in occ.names:
            occ.names.append(name)
        for iri, label in organisations.get(name, ()):
            occ.organisations.add(iri)
            occ.labels[iri] = label
    return list(groups.values())


def _shared(a: Occurrence, b: Occurrence) -> tuple[str, str] | None:
    """The strongest shared context: ('body'|'organisation'|'county', label)."""
    for kind, left, right in (("body", a.bodies, b.bodies), ("organisation", a.organisations, b.organisations),
                              ("county", a.counties, b.counties)):
        common = left & right
        if common:
            first = min(common)
            for labels in (b.labels, a.labels):  # as {**a.labels, **b.labels} would give it
                if first in labels:
                    return kind, labels[first]
            return kind, first.rsplit("/", 1)[-1]
    return None


def resolve(records: list[Protocol], *, base: str | None = None, store=None, curation: Curation | None = None,
            knowledge: StoreKnowledge | None = None) -> Resolution:
    """Resolve the persons, bodies and organisations of ``records`` (with what ``store`` knows).

    ``knowledge`` is what the store knows, read before (a load in batches keeps one up to date
    instead of reading the whole store for every batch); by default it is read from ``store``.
    """
    base = iris.resolve_base(base)
    resolution = Resolution(base)
    curation = curation or Curation()
    resolution.curation = curation
    ordered = sorted(records, key=lambda r: (r.date or "9999", r.source))
    graphs = {iris.graph_iri(r.source, base) for r in ordered}
    if knowledge is None and store is not None:
        knowledge = StoreKnowledge(store, base)
    known_persons, known_bodies = knowledge.known(graphs) if knowledge is not None else ({}, [])

    registry = BodyRegistry(base)
    for iri, county, labels, alts in known_bodies:
        registry.add_known(iri, county, labels, alts)
    occurrences: list[Occurrence] = []
    for protocol in ordered:
        county, why = record_county(protocol)
        body, body_county = registry.protocol_body(protocol.body.name, protocol.body.acronym, county)
        if county is None and body_county:
            county, why = body_county, "from its body, known from other protocols"
        ctx = RecordContext(protocol.source, county, why, body, base=base)
        resolution.contexts[protocol.source] = ctx
        ctx.renames = detect_renames(protocol, registry, county, body)
        for item in protocol.items:
            for name in item.mentions.bodies:
                if name not in ctx.mentioned_bodies:
                    ctx.mentioned_bodies[name] = registry.mentioned_body(name, county, body)
        occurrences += _person_occurrences(protocol, ctx, (protocol.date or "9999", protocol.source))
    for decision in registry.decisions:
        stems = tuple(sorted(iris.source_stem(p.source) for p in ordered
                             if decision.iri in {resolution.contexts[p.source].body}
                             | {i for i, _ in resolution.contexts[p.source].mentioned_bodies.values()}))
        resolution.decisions.append(IdentityDecision("body", "body", decision.iri, decision.names, decision.evidence, stems))

    # Only the store's persons a new occurrence could be paired with (same surname and given-
    # name initial) take part; the others could change nothing but cost time in every batch.
    blocks = {_block(o) for o in occurrences}
    comparable = sorted((o for o in known_persons.values() if _block(o) in blocks), key=lambda o: (o.order, o.iri))
    _resolve_persons(resolution, comparable + occurrences, curation, taken=known_persons.keys())
    return resolution


def _block(occ: Occurrence) -> tuple[str, str]:
    """What two occurrences must share to be compared: surname and given-name initial."""
    return occ.surname, occ.given[:1]


def _resolve_persons(resolution: Resolution, occurrences: list[Occurrence], curation: Curation,
                     taken: Iterable[str] = ()) -> None:
    """Pair, merge and name the persons of ``occurrences``; ``taken``: IRIs the store's persons
    hold (a new person's IRI is none of them)."""
    base = resolution.base
    occurrences.sort(key=lambda o: (o.iri is None, o.order, o.key))  # store persons first: they keep their IRIs
    uf = _UnionFind(occurrences)
    decisions: list[tuple] = []

    def split_forbids(a: Occurrence, b: Occurrence) -> CuratedRule | None:
        for rule in curation.split:
            keys = rule.keys()
            if a.key in keys and b.key in keys and (a.key != b.key or (rule.sources and rule.covers(a) and rule.covers(b)
                                                                      and a.sources != b.sources)):
                return rule
        return None

    def can_join(i: int, j: int) -> bool:
        left, right = uf.find(i), uf.find(j)
        if uf.records[left] & uf.records[right]:
            return False  # two different names of one protocol are two people
        if uf.known[left] + uf.known[right] > 1:
            return False  # the store's persons stay as they are
        if not curation.split:
            return True
        return not any(split_forbids(occurrences[a], occurrences[b]) for a in uf.members[left] for b in uf.members[right])

    def cited(occ: Occurrence) -> set[str]:
        # a person the store knows is cited by the protocol it was first met in, not by every one
        return occ.sources if occ.iri is None else {iris.source_stem(occ.order[1].rsplit("/", 1)[-1])}

    def sources(*occs: Occurrence) -> tuple[str, ...]:
        return tuple(sorted(set().union(*(cited(o) for o in occs))))

    # candidate pairs, blocked by surname and given-name initial (both must agree for a pair),
    # at least one of them from the records (the store's persons are not compared again); a
    # pair of different names is compared by the edit distance of its given names, and not at
    # all when they have none
    blocks: dict[tuple[str, str], tuple[list[int], list[int]]] = {}
    for index, occ in enumerate(occurrences):
        block = blocks.setdefault(_block(occ), ([], []))
        block[occ.record is None].append(index)
    keys = [o.key for o in occurrences]
    records = [o.record for o in occurrences]
    pairs = []
    for (_, initial), (new_ones, known) in blocks.items():
        # within a block, by normalised name: the given names' distance is worked out once for
        # two names, not for every two occurrences of them
        by_key: dict[str, tuple[list[int], list[int]]] = {}
        for i in new_ones:
            by_key.setdefault(keys[i], ([], []))[0].append(i)
        for j in known:
            by_key.setdefault(keys[j], ([], []))[1].append(j)
        named = list(by_key.items())
        for x, (key, (new_a, known_a)) in enumerate(named):
            for y, i in enumerate(new_a):
                for j in new_a[y + 1:] + known_a:
                    if records[i] != records[j]:
                        pairs.append((0, i, j) if i < j else (0, j, i))
            if not initial:
                continue
            given = occurrences[(new_a or known_a)[0]].given
            for _, (new_b, known_b) in named[x + 1:]:
                if not new_a and not new_b:
                    continue  # the store's persons are not compared again
                distance = Levenshtein.distance(given, occurrences[(new_b or known_b)[0]].given,
                                                score_cutoff=MAX_GIVEN_NAME_DISTANCE)
                if distance > MAX_GIVEN_NAME_DISTANCE:
                    continue
                for i, others in [(i, new_b + known_b) for i in new_a] + [(j, new_b) for j in known_a]:
                    for j in others:
                        if records[i] != records[j]:
                            pairs.append((distance, i, j) if i < j else (distance, j, i))
    pairs.sort()
    # decisions as (status, names, evidence, i, j, paired): their cited sources are worked out
    # at the end, for the ones kept (a pair of persons kept apart is reported once)
    find = uf.find
    for distance, i, j in pairs:
        if find(i) == find(j):
            continue  # already one person through another pair
        a, b = occurrences[i], occurrences[j]
        names = tuple(dict.fromkeys(a.names + b.names))
        confirmed = next((r for r in curation.confirm if r.covers(a) and r.covers(b)), None)
        forbidden = split_forbids(a, b)
        shared = _shared(a, b)
        if forbidden:
            decisions.append(("split", names, f"kept apart by {curation.origin}: {forbidden.note or 'split'}", i, j, False))
            continue
        if confirmed and can_join(i, j):
            uf.union(i, j)
            decisions.append(("confirmed", names, f"confirmed by {curation.origin}: {confirmed.note or 'confirm'}", i, j, False))
            continue
        if distance == 0 and shared:
            reason = f"same normalised name '{a.key}' and shared {shared[0]} {shared[1]}"
        elif distance > 0 and shared and shared[0] == "body":
            reason = f"spelling variant '{a.name}' / '{b.name}' (given names {distance} edit{'s' if distance > 1 else ''} apart) in the same body {shared[1]}"
        else:
            what = "same name" if distance == 0 else f"spelling variant ({distance} edits)"
            context = f"shared {shared[0]} {shared[1]} only" if shared else "no shared body, organisation or county"
            decisions.append(("near-miss", names, f"{what}, {context}: kept apart", i, j, True))
            continue
        if can_join(i, j):
            uf.union(i, j)
            decisions.append(("merged", names, reason, i, j, True))
        else:
            decisions.append(("near-miss", names,
                              f"{reason}, but they meet in one protocol or are separate known persons: kept apart", i, j, True))

    # canonical IRIs
    taken = set(taken) | {o.iri for o in occurrences if o.iri}
    canonical: dict[int, str] = {}
    for root in sorted({uf.find(i) for i in range(len(occurrences))}, key=lambda r: min(uf.members[r])):
        members = sorted(uf.members[root])
        fixed = next((occurrences[k].iri for k in members if occurrences[k].iri), None)
        if fixed is None:
            first = occurrences[members[0]]
            candidate, n = iris.person_iri(first.name, base), 1
            while candidate in taken:
                n += 1
                candidate = f"{iris.person_iri(first.name, base)}-{n}"
            fixed = candidate
            taken.add(fixed)
        canonical[root] = fixed
    for index, occ in enumerate(occurrences):
        if occ.record is None:
            continue
        ctx = resolution.contexts[occ.record]
        for name in occ.names:
            ctx.persons[name] = canonical[uf.find(index)]
    apart: set[frozenset[str]] = set()
    for status, names, evidence, i, j, paired in decisions:
        iri = other = None
        if paired:
            iri = canonical[uf.find(i)]
            other = canonical[uf.find(j)]
            if other == iri:
                other = None
            elif status == "near-miss":
                if frozenset((iri, other)) in apart:
                    continue  # two persons kept apart are reported once, by the first pair compared
                apart.add(frozenset((iri, other)))
        cited_sources = sources(occurrences[i], occurrences[j])
        if not paired and cited_sources:
            key = normalise_name(names[0])
            iri = next((canonical[uf.find(k)] for k, o in enumerate(occurrences) if o.key == key), "")
        resolution.decisions.append(IdentityDecision(status, "person", iri or "", names, evidence, cited_sources, other))
