"""The view graph: a networkx MultiDiGraph of who decides what, for rendering and analysis.

Nodes carry ``kind`` (one of :data:`NODE_KINDS`), ``label`` and ``details`` (a dict of
strings: decision wording, quote, protocol file, date ...). Every edge is one piece of
evidence from one protocol: ``kind`` (one of :data:`EDGE_KINDS`), ``label``, ``quote``,
``protocol`` and ``date``; the same relation seen in two protocols gives two edges.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable

import networkx as nx
import pyoxigraph as ox

from samgraf.loaders.model import Protocol

NODE_KINDS = ("body", "meeting", "item", "decision", "agreement", "organisation", "person")
EDGE_KINDS = (
    "member_of", "represents", "presented", "decided", "concerns", "assigned_to",
    "attended", "absent_from", "held", "on_agenda",
)
EDGE_LABELS = {
    "member_of": "member of", "represents": "represents", "presented": "presented",
    "decided": "decided", "concerns": "concerns", "assigned_to": "assigned to",
    "attended": "attended", "absent_from": "absent from", "held": "held", "on_agenda": "on agenda",
}
MEMBER_ROLES = {"chair": "chair of", "vice_chair": "vice chair of", "member": "member of", "substitute": "substitute in"}
FOCUS_RADIUS = 2


class NoMatchError(LookupError):
    """A filter named something that is not in the graph."""


@dataclass(frozen=True)
class ViewFilters:
    """What to show: a body, a period, and the neighbourhood of an organisation, person or agreement.

    Text filters match case-insensitively on a substring of the name (or the body's acronym).
    """

    body: str | None = None
    organisation: str | None = None
    person: str | None = None
    agreement: str | None = None
    date_from: date | None = None
    date_to: date | None = None

    def describe(self) -> str:
        parts = [f"{name} ~ {value!r}" for name, value in (
            ("body", self.body), ("organisation", self.organisation),
            ("person", self.person), ("agreement", self.agreement)) if value]
        if self.date_from or self.date_to:
            parts.append(f"period {self.date_from or '…'} – {self.date_to or '…'}")
        return ", ".join(parts) or "no filters"

    def in_period(self, when: str | None) -> bool:
        """True when the ISO date ``when`` lies in the period (an undated meeting only without one)."""
        if not (self.date_from or self.date_to):
            return True
        return bool(when) and (not self.date_from or when >= self.date_from.isoformat()) \
            and (not self.date_to or when <= self.date_to.isoformat())


def node_id(kind: str, key: str) -> str:
    """The id of a node of ``kind`` named by ``key`` (names are used as they are written)."""
    return f"{kind}:{key}"


def _contains(needle: str | None, *texts: str | None) -> bool:
    if not needle:
        return True
    folded = needle.casefold()
    return any(text and folded in text.casefold() for text in texts)


def record_in_period(record: Protocol, filters: ViewFilters) -> bool:
    """True when the record's date lies in the filters' period (undated records only without one)."""
    return filters.in_period(record.date)


class ViewGraphBuilder:
    """Adds nodes and evidence edges to a MultiDiGraph; shared by the record and store readers."""

    def __init__(self) -> None:
        self.graph = nx.MultiDiGraph()

    def node(self, kind: str, key: str, label: str | None = None, **details: str | None) -> str:
        nid = node_id(kind, key)
        clean = {k: v for k, v in details.items() if v not in (None, "")}
        if nid in self.graph:
            self.graph.nodes[nid]["details"].update(clean)
        else:
            self.graph.add_node(nid, kind=kind, label=label or key, details=clean)
        return nid

    def edge(self, source: str, target: str, kind: str, *, protocol: str | None, date: str | None,
             quote: str | None = None, label: str | None = None) -> None:
        self.graph.add_edge(source, target, key=f"{kind}|{protocol}|{self.graph.number_of_edges(source, target)}",
                            kind=kind, label=label or EDGE_LABELS[kind], quote=quote or "",
                            protocol=protocol or "", date=date or "")


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _meeting_label(record: Protocol) -> str:
    return f"{_short(record.body.acronym or record.body.name, 30)} {record.date or '(undated)'}"


def add_record(builder: ViewGraphBuilder, record: Protocol) -> None:
    """Add one protocol record's nodes and evidence edges to ``builder``."""
    src, when = record.source, record.date
    ev = {"protocol": src, "date": when}
    body = builder.node("body", record.body.name, _short(record.body.acronym or record.body.name),
                        name=record.body.name, acronym=record.body.acronym)
    meeting = builder.node("meeting", src, _meeting_label(record), body=record.body.name, date=when,
                           time=f"{record.start or ''}–{record.end or ''}" if record.start else None,
                           place=record.place, protocol=src)
    builder.edge(body, meeting, "held", quote=f"{record.body.name}, {when or 'undated'}", **ev)

    people: dict[str, str] = {}
    for participant in record.participants:
        quote = participant.span.quote if participant.span else participant.name
        person = builder.node("person", participant.name, party=participant.party)
        people[participant.name] = person
        roles = ", ".join(participant.roles)
        builder.edge(person, meeting, "attended", quote=quote, label=f"attended ({roles})", **ev)
        member_roles = [MEMBER_ROLES[r] for r in participant.roles if r in MEMBER_ROLES]
        if member_roles:
            builder.edge(person, body, "member_of", quote=quote, label=member_roles[0], **ev)
        if participant.organisation:
            org = builder.node("organisation", participant.organisation, code=participant.organisation_code)
            builder.edge(person, org, "represents", quote=quote, **ev)
    for absentee in record.absentees:
        quote = absentee.span.quote if absentee.span else absentee.name
        person = builder.node("person", absentee.name)
        people.setdefault(absentee.name, person)
        label = f"absent from (replaced by {absentee.replaced_by})" if absentee.replaced_by else None
        builder.edge(person, meeting, "absent_from", quote=quote, label=label, **ev)
        if absentee.organisation:
            org = builder.node("organisation", absentee.organisation, code=absentee.organisation_code)
            builder.edge(person, org, "represents", quote=quote, **ev)

    for item in record.items:
        item_quote = item.span.quote if item.span else f"§ {item.number} {item.title}"
        item_node = builder.node("item", f"{src}#{item.number}", f"§{item.number} {_short(item.title)}",
                                 title=item.title, number=item.number, protocol=src, date=when,
                                 body=record.body.name)
        builder.edge(meeting, item_node, "on_agenda", quote=item_quote, **ev)
        for presenter in item.presenters:
            person = people.get(presenter) or builder.node("person", presenter)
            builder.edge(person, item_node, "presented", quote=item_quote, **ev)
        agreements = [builder.node("agreement", name) for name in item.mentions.agreements]
        for agreement in agreements:
            builder.edge(item_node, agreement, "concerns", quote=item_quote, **ev)
        for name in item.mentions.bodies:
            builder.edge(item_node, builder.node("body", name, name=name), "concerns", quote=item_quote, **ev)
        for name in item.mentions.organisations:
            builder.edge(item_node, builder.node("organisation", name), "concerns", quote=item_quote, **ev)
        for index, decision in enumerate(item.decisions, start=1):
            quote = decision.span.quote if decision.span else decision.text
            dec = builder.node("decision", f"{src}#{item.number}#{index}", _short(decision.text, 60), wording=decision.text,
                               quote=decision.span.quote if decision.span else None, type=decision.type, item=f"§{item.number} {item.title}",
                               body=record.body.name, protocol=src, date=when)
            builder.edge(meeting, dec, "decided", quote=quote, label=f"decided ({decision.type})", **ev)
            builder.edge(dec, item_node, "concerns", quote=quote, **ev)
            for agreement in agreements:
                builder.edge(dec, agreement, "concerns", quote=quote, **ev)
            if decision.type == "assignment":
                for name, person in people.items():
                    if _contains(name, decision.text):
                        builder.edge(dec, person, "assigned_to", quote=quote, **ev)


def focus_subgraph(graph: nx.MultiDiGraph, kind: str, needle: str, radius: int = FOCUS_RADIUS) -> nx.MultiDiGraph:
    """The neighbourhood (``radius`` steps, any direction) of the ``kind`` nodes whose name matches.

    The bodies that held the meetings kept are kept too, so every decision shows who took it.
    """
    focus = [n for n, d in graph.nodes(data=True)
             if d["kind"] == kind and _contains(needle, d["label"], d["details"].get("name"))]
    if not focus:
        raise NoMatchError(f"no {kind} matches {needle!r}")
    undirected = graph.to_undirected(as_view=True)
    keep: set[str] = set()
    for start in focus:
        keep.update(nx.single_source_shortest_path_length(undirected, start, cutoff=radius))
    for meeting in [n for n in keep if graph.nodes[n]["kind"] == "meeting"]:
        keep.update(u for u, _, k in graph.in_edges(meeting, data="kind") if k == "held")
    return graph.subgraph(keep).copy()


def apply_focus_filters(graph: nx.MultiDiGraph, filters: ViewFilters) -> nx.MultiDiGraph:
    """Narrow ``graph`` to the neighbourhoods named by the organisation, person and agreement filters."""
    for kind, needle in (("organisation", filters.organisation), ("person", filters.person),
                         ("agreement", filters.agreement)):
        if needle:
            graph = focus_subgraph(graph, kind, needle)
    return graph


def view_graph_from_records(records: Iterable[Protocol], filters: ViewFilters | None = None) -> nx.MultiDiGraph:
    """The view graph of ``records`` after ``filters`` (body and period select protocols)."""
    filters = filters or ViewFilters()
    builder = ViewGraphBuilder()
    for record in records:
        if _contains(filters.body, record.body.name, record.body.acronym) and record_in_period(record, filters):
            add_record(builder, record)
    if filters.body and builder.graph.number_of_nodes() == 0:
        raise NoMatchError(f"no protocol of a body matching {filters.body!r} in the period")
    return apply_focus_filters(builder.graph, filters)


# ---------------------------------------------------------------- from the store

VIEW_QUERIES = ("view_meetings", "view_participations", "view_absences", "view_items", "view_decisions",
                "view_mentions")


def _local_name(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _select(store, name: str, graphs: Iterable[str] | None = None) -> list[dict]:
    """The rows of a view query: over the whole store, or evaluated graph by graph (its
    ``?g`` bound to each protocol graph in turn) when ``graphs`` are given."""
    from samgraf.graph.api import run_query, to_python

    results = ([run_query(store, name=name)] if graphs is None
               else [run_query(store, name=name, params={"g": ox.NamedNode(g)}) for g in graphs])
    rows = []
    for result in results:
        for row in result.records():
            values = {key: to_python(value) for key, value in row.items()}
            rows.append({k: (v.isoformat() if isinstance(v, date) else v) for k, v in values.items()})
    return sorted(rows, key=lambda r: tuple(str(v) for v in r.values()))


# (run_query declares the usual prefixes of a literal query)
# the distinct bodies first, then each one's labels (one scan per body, not a lookup per graph)
_BODY_LABELS = """SELECT DISTINCT ?body ?label WHERE {
  { SELECT DISTINCT ?body WHERE { GRAPH ?t { ?body a org:OrganizationalCollaboration } } }
  GRAPH ?g { ?body skos:prefLabel|skos:altLabel ?label } }"""


def scope_graphs(store, filters: ViewFilters) -> list[str]:
    """The protocol graphs that may hold a meeting in the filters' body and period: the bodies
    with a label containing the body filter (matched here as :func:`_contains` matches), then
    their meetings in the period, each body looked up by its IRI."""
    from samgraf.graph.api import run_query

    dated = " ; dcterms:date ?date" if filters.date_from or filters.date_to else ""
    period = " && ".join(condition for condition, bound in (("?date >= ?from", filters.date_from),
                                                             ("?date <= ?to", filters.date_to)) if bound)
    query = f"""SELECT DISTINCT ?graph WHERE {{
  GRAPH ?graph {{ ?meeting a besluit:Zitting ; besluit:isGehoudenDoor ?body{dated} }}
  {f"FILTER({period})" if period else ""}
}}"""
    params = {k: v for k, v in (("from", filters.date_from), ("to", filters.date_to)) if v}
    if filters.body:
        bodies = sorted({row["body"].value for row in run_query(store, _BODY_LABELS).records()
                         if _contains(filters.body, row["label"].value)})
        runs = [{**params, "body": ox.NamedNode(body)} for body in bodies]
    else:
        runs = [params]
    return sorted({row["graph"].value for bound in runs for row in run_query(store, query, params=bound).records()})


def _in_scope(row: dict, filters: ViewFilters) -> bool:
    """True when a ``view_meetings`` row passes the body and period filters."""
    return _contains(filters.body, row["body_name"], row["acronym"]) and filters.in_period(row["date"])


def view_graph_from_store(store, filters: ViewFilters | None = None) -> nx.MultiDiGraph:
    """The view graph of what the store holds, read with the ``view_*`` SPARQL queries.

    Nodes are identified by their IRIs (the store's identity of persons, organisations,
    bodies); body and period filters select meetings, the others narrow as for records.
    """
    filters = filters or ViewFilters()
    # A body or period selects protocol graphs: the view queries then read only those, one
    # graph at a time (the store's graph index keeps that fast however large the store is).
    graphs = scope_graphs(store, filters) if filters.body or filters.date_from or filters.date_to else None
    rows = {name: _select(store, name, graphs) for name in VIEW_QUERIES}
    rows["view_meetings"] = [row for row in rows["view_meetings"] if _in_scope(row, filters)]
    builder = ViewGraphBuilder()
    meetings: dict[str, dict] = {}
    for row in rows["view_meetings"]:
        if row["meeting"] in meetings:
            continue
        when = row["date"]
        short = _short(row["acronym"] or row["body_name"], 30)
        body = builder.node("body", row["body"], _short(row["acronym"] or row["body_name"]),
                            name=row["body_name"], acronym=row["acronym"], iri=row["body"])
        meeting = builder.node("meeting", row["meeting"], f"{short} {when or '(undated)'}", body=row["body_name"],
                               date=when, place=row["place"], protocol=row["file"], iri=row["meeting"])
        meetings[row["meeting"]] = {"node": meeting, "body": body, "ev": {"protocol": row["file"], "date": when},
                                    "name": row["body_name"], "people": {}}
        builder.edge(body, meeting, "held", quote=f"{row['body_name']}, {when or 'undated'}", **meetings[row["meeting"]]["ev"])
    if filters.body and not meetings:
        raise NoMatchError(f"no protocol of a body matching {filters.body!r} in the period")

    participations: dict[tuple, dict] = {}
    for row in rows["view_participations"]:
        if row["meeting"] in meetings:
            entry = participations.setdefault((row["meeting"], row["person"]), {**row, "roles": set()})
            entry["roles"].add(_local_name(row["role"]))
    for (meeting_iri, person_iri), row in participations.items():
        m = meetings[meeting_iri]
        person = builder.node("person", person_iri, row["name"], party=row["party"], iri=person_iri)
        m["people"][row["name"]] = person
        quote = row["quote"] or row["name"]
        roles = [r for r in ("chair", "vice_chair", "secretary", "adjuster", "member", "substitute", "other")
                 if r in row["roles"]]
        builder.edge(person, m["node"], "attended", quote=quote, label=f"attended ({', '.join(roles)})", **m["ev"])
        member_roles = [MEMBER_ROLES[r] for r in roles if r in MEMBER_ROLES]
        if member_roles:
            builder.edge(person, m["body"], "member_of", quote=quote, label=member_roles[0], **m["ev"])
        if row["organisation"]:
            org = builder.node("organisation", row["organisation"],
                               row["organisation_label"] or row["organisation_name"], iri=row["organisation"])
            builder.edge(person, org, "represents", quote=quote, **m["ev"])
    for row in rows["view_absences"]:
        if row["meeting"] not in meetings:
            continue
        m = meetings[row["meeting"]]
        person = builder.node("person", row["person"], row["name"], iri=row["person"])
        m["people"].setdefault(row["name"], person)
        label = f"absent from (replaced by {row['replaced_by']})" if row["replaced_by"] else None
        builder.edge(person, m["node"], "absent_from", quote=row["quote"] or row["name"], label=label, **m["ev"])
        if row["organisation"]:
            org = builder.node("organisation", row["organisation"],
                               row["organisation_label"] or row["organisation_name"], iri=row["organisation"])
            builder.edge(person, org, "represents", quote=row["quote"] or row["name"], **m["ev"])

    items: dict[str, dict] = {}
    for row in rows["view_items"]:
        if row["meeting"] not in meetings:
            continue
        m = meetings[row["meeting"]]
        quote = row["quote"] or f"§ {row['number']} {row['title']}"
        if row["item"] not in items:
            node = builder.node("item", row["item"], f"§{row['number']} {_short(row['title'])}", title=row["title"],
                                number=row["number"], protocol=m["ev"]["protocol"], date=m["ev"]["date"],
                                body=m["name"], iri=row["item"])
            items[row["item"]] = {"node": node, "meeting": m, "quote": quote, "agreements": []}
            builder.edge(m["node"], node, "on_agenda", quote=quote, **m["ev"])
        if row["presenter"]:
            person = builder.node("person", row["presenter"], row["presenter_name"], iri=row["presenter"])
            builder.edge(person, items[row["item"]]["node"], "presented", quote=quote, **m["ev"])
    for row in rows["view_mentions"]:
        if row["item"] in items:
            it = items[row["item"]]
            target = builder.node(row["kind"], row["target"], row["label"] or _local_name(row["target"]),
                                  iri=row["target"])
            if row["kind"] == "agreement":
                it["agreements"].append(target)
            builder.edge(it["node"], target, "concerns", quote=it["quote"], **it["meeting"]["ev"])
    for row in rows["view_decisions"]:
        if row["item"] not in items:
            continue
        it = items[row["item"]]
        m = it["meeting"]
        kind = _local_name(row["type"])
        quote = row["quote"] or row["text"]
        details = builder.graph.nodes[it["node"]]["details"]
        dec = builder.node("decision", row["decision"], _short(row["text"], 60), wording=row["text"],
                           quote=row["quote"], type=kind,
                           item=f"§{details['number']} {details['title']}", body=m["name"],
                           protocol=m["ev"]["protocol"], date=m["ev"]["date"], iri=row["decision"])
        builder.edge(m["node"], dec, "decided", quote=quote, label=f"decided ({kind})", **m["ev"])
        builder.edge(dec, it["node"], "concerns", quote=quote, **m["ev"])
        for agreement in it["agreements"]:
            builder.edge(dec, agreement, "concerns", quote=quote, **m["ev"])
        if kind == "assignment":
            for name, person in m["people"].items():
                if _contains(name, row["text"]):
                    builder.edge(dec, person, "assigned_to", quote=quote, **m["ev"])
    return apply_focus_filters(builder.graph, filters)
