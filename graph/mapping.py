"""Protocol record -> RDF quads, one named graph per protocol.

The graph ``<base>graph/<source-stem>`` holds everything stated from one protocol and a
description of itself: ``sg:ProtocolGraph`` derived from the source document, generated at
the extraction time by an activity associated with the samgraf version, with the SHA-256 of
the record it was mapped from (``sg:recordSha256``), which makes reloading an unchanged
record a no-op. Only IRIs, no blank nodes, so the graph is deterministic.
"""
from __future__ import annotations

import hashlib
import json
import os
from datetime import datetime, timezone

from pyoxigraph import NamedNode, Quad, RdfFormat, parse, serialize
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, TIME, XSD

from samgraf import __version__
from samgraf.errors import MappingError
from samgraf import refdata
from samgraf.graph import iris
from samgraf.graph.agreements import concepts_in_text, detect_agreements, match_agreement
from samgraf.graph.identity import FACT_PREDICATES, Resolution, quad_triples, resolve
from samgraf.graph.organisations import resolve_written_organisation
from samgraf.loaders.model import Protocol, Span
from samgraf.ontology.vocab import BESLUIT, CV, DECISION_TYPE, ELI, PERSON, ROLE, SG


class _Terms:
    """A vocabulary namespace whose terms are plain strings, each looked up once (an rdflib
    namespace's attribute lookup costs microseconds, and the mapping makes millions)."""

    def __init__(self, namespace):
        self._namespace = namespace
        self._items: dict[str, str] = {}

    def __getattr__(self, name: str) -> str:
        if name.startswith("__"):
            raise AttributeError(name)
        value = str(getattr(self._namespace, name))
        setattr(self, name, value)
        return value

    def __getitem__(self, name: str) -> str:
        try:
            return self._items[name]
        except KeyError:
            value = self._items[name] = str(self._namespace[name])
            return value


BESLUIT, CV, DECISION_TYPE, ELI, PERSON, ROLE, SG = map(_Terms, (BESLUIT, CV, DECISION_TYPE, ELI, PERSON, ROLE, SG))
DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, TIME, XSD = map(_Terms, (DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, TIME, XSD))

FIXED_TIME_ENV = "SAMGRAF_FIXED_TIME"
BODY_ROLES = ("chair", "vice_chair", "member", "substitute")  # roles that make a membership of the body


class MappedProtocol:
    """The quads of one protocol's named graph.

    Built by the mapping as N-Quads (``nquads``, what the stores write); ``quads`` are the
    same as pyoxigraph quads, parsed when first asked for. Built from ``quads`` (as before),
    the N-Quads are serialised when first asked for.
    """

    __slots__ = ("graph", "record_sha256", "source", "_quads", "_nquads", "_digest", "_facts")

    def __init__(self, graph: str, quads: list[Quad] | None = None, record_sha256: str = "", source: str = "", *,
                 nquads: bytes | None = None, digest_nquads: bytes | None = None,
                 fact_triples: list[tuple[str, str, str, bool]] | None = None):
        if quads is None and nquads is None:
            raise TypeError("MappedProtocol needs quads or nquads")
        self.graph = graph
        self.record_sha256 = record_sha256
        self.source = source
        self._quads = quads
        self._nquads = nquads
        self._digest = digest_nquads  # the graph's sg:recordSha256 quad as N-Quads (a line of nquads)
        self._facts = fact_triples

    def fact_triples(self) -> list[tuple[str, str, str, bool]]:
        """The triples the store's knowledge of persons and bodies is read from
        (:func:`samgraf.graph.identity.quad_triples`), kept by the mapping as it went."""
        if self._facts is None:
            self._facts = quad_triples(self.graph, self.quads)
        return self._facts

    @property
    def quads(self) -> list[Quad]:
        if self._quads is None:
            self._quads = list(parse(self._nquads, format=RdfFormat.N_QUADS))
        return self._quads

    @property
    def nquads(self) -> bytes:
        """The graph's quads as N-Quads (UTF-8)."""
        if self._nquads is None:
            self._nquads = _serialize(self._quads)
        return self._nquads

    def write_parts(self) -> tuple[bytes, bytes]:
        """(N-Quads of every quad but the record's content hash, N-Quads of that hash): a
        store writes the hash last, so that a graph cut short is never taken as current."""
        if self._digest is None:
            hashes = [q for q in self.quads if q.predicate.value == SG.recordSha256]
            return _serialize([q for q in self.quads if q.predicate.value != SG.recordSha256]), _serialize(hashes)
        return self.nquads.replace(self._digest, b"", 1), self._digest

    def __eq__(self, other) -> bool:
        if not isinstance(other, MappedProtocol):
            return NotImplemented
        return ((self.graph, self.record_sha256, self.source, self.quads)
                == (other.graph, other.record_sha256, other.source, other.quads))

    __hash__ = None

    def __repr__(self) -> str:
        return (f"MappedProtocol(graph={self.graph!r}, quads=<{len(self.quads)} quads>, "
                f"record_sha256={self.record_sha256!r}, source={self.source!r})")


def _serialize(quads: list[Quad]) -> bytes:
    return serialize(quads, format=RdfFormat.N_QUADS) if quads else b""


def _ref(iri) -> str:
    """``<iri>``, the N-Quads form of an IRI pyoxigraph accepts (else its ValueError, as when
    the mapping built pyoxigraph terms)."""
    iri = str(iri)
    NamedNode(iri)
    return f"<{iri}>"


def _literal(value: str) -> str:
    """A string literal's N-Quads form: quotes, backslashes and line breaks escaped."""
    if "\\" in value or '"' in value or "\n" in value or "\r" in value:
        value = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{value}"'


def record_sha256(protocol: Protocol) -> str:
    """SHA-256 of the record's canonical JSON: the content hash that decides 'unchanged'."""
    text = json.dumps(protocol.to_json_dict(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def extraction_time(generated_at: datetime | str | None = None) -> str:
    """The xsd:dateTime lexical form of the extraction time: argument, env SAMGRAF_FIXED_TIME, or now."""
    value = generated_at or os.environ.get(FIXED_TIME_ENV)
    if value is None:
        value = datetime.now(timezone.utc).replace(microsecond=0)
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError as exc:
            raise MappingError(f"extraction time {value!r} is not an ISO date-time") from exc
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.isoformat()


class _GraphBuilder:
    """The quads of one graph as N-Quads lines, in order, each once (as pyoxigraph quads
    before: every IRI is checked by pyoxigraph, once per graph)."""

    def __init__(self, graph: str):
        self.graph = graph
        self.refs: dict[str, str] = {}
        self.suffix = f" {self.ref(graph)} .\n"
        self.lines: dict[str, None] = {}  # ordered set of "s p o" (the graph name is the suffix)
        self.facts: list[tuple[str, str, str, bool]] = []  # see MappedProtocol.fact_triples

    def ref(self, iri) -> str:
        try:
            return self.refs[iri]
        except KeyError:
            ref = self.refs[iri] = _ref(iri)
            return ref

    def add(self, subject: str, predicate: str, obj) -> None:
        if obj is None:
            return
        refs = self.refs
        s = refs.get(subject) or self.ref(subject)
        p = refs.get(predicate) or self.ref(predicate)
        o = refs.get(obj) or self.ref(obj)
        line = f"{s} {p} {o}"
        if line not in self.lines:
            self.lines[line] = None
            if predicate in FACT_PREDICATES:
                self.facts.append((str(subject), str(predicate), str(obj), True))

    def text(self, subject: str, predicate: str, value: str | None) -> None:
        if value is not None:
            refs = self.refs
            s = refs.get(subject) or self.ref(subject)
            p = refs.get(predicate) or self.ref(predicate)
            line = f"{s} {p} {_literal(value)}"
            if line not in self.lines:
                self.lines[line] = None
                if predicate in FACT_PREDICATES:
                    self.facts.append((str(subject), str(predicate), value, False))

    def typed(self, subject: str, predicate: str, value: str | None, datatype: str) -> None:
        if value is not None:
            refs = self.refs
            s = refs.get(subject) or self.ref(subject)
            p = refs.get(predicate) or self.ref(predicate)
            d = refs.get(datatype) or self.ref(datatype)
            line = f"{s} {p} {_literal(value)}^^{d}"
            if line not in self.lines:
                self.lines[line] = None
                if predicate in FACT_PREDICATES:
                    self.facts.append((str(subject), str(predicate), value, False))

    def line(self, subject: str, predicate: str, value: str) -> bytes:
        """The N-Quads line of a string literal's quad, as :meth:`text` adds it."""
        return f"{self.ref(subject)} {self.ref(predicate)} {_literal(value)}{self.suffix}".encode("utf-8")

    def nquads(self) -> bytes:
        suffix = self.suffix
        return "".join([line + suffix for line in self.lines]).encode("utf-8")


def map_protocol(protocol: Protocol, *, base: str | None = None, generated_at: datetime | str | None = None,
                 resolution: Resolution | None = None, record_digest: str | None = None) -> MappedProtocol:
    """The quads of one protocol record, in its own named graph.

    ``resolution`` (from :func:`samgraf.graph.identity.resolve` over the records loaded
    together and the store) gives the canonical persons, bodies and organisations; without
    one the record is resolved on its own. With one, the graph's content hash also covers the
    identity decisions the graph depends on, so a changed resolution reloads the graph.
    ``record_digest``: the record's :func:`record_sha256`, when the caller has it already.
    """
    try:
        base = iris.resolve_base(base)
        own = resolution is None
        if own:
            resolution = resolve([protocol], base=base)
        return _Mapper(protocol, base, extraction_time(generated_at), resolution, own).run(record_digest)
    except MappingError:
        raise
    except Exception as exc:  # a record the model allows but the mapping does not expect
        raise MappingError(f"{type(exc).__name__}: {exc}", source=protocol.source) from exc


class _Mapper:
    def __init__(self, protocol: Protocol, base: str, time: str, resolution: Resolution, own_resolution: bool = True):
        self.p = protocol
        self.base = base
        self.time = time
        self.resolution = resolution
        self.own_resolution = own_resolution
        self.ctx = resolution.context(protocol)
        self.graph = iris.graph_iri(protocol.source, base)
        self.g = _GraphBuilder(self.graph)
        self.source = iris.source_iri(protocol.source, base)
        self.body = self.ctx.body
        self.meeting = iris.meeting_iri(self.body, protocol.date, protocol.source, base)
        self.decision_nodes: dict[tuple[str, int], str] = {}

    def run(self, record_digest: str | None = None) -> MappedProtocol:
        digest = record_digest or record_sha256(self.p)
        if not self.own_resolution:
            digest = hashlib.sha256(f"{digest}\n{self.resolution.fingerprint(self.p)}".encode("utf-8")).hexdigest()
        self._provenance(digest)
        self._meeting()
        items = {item.number: iris.item_iri(self.meeting, item.number) for item in self.p.items}
        for participant in self.p.participants:
            self._participant(participant, items)
        for absentee in self.p.absentees:
            self._absentee(absentee)
        for item in self.p.items:
            self._item(item, items[item.number])
        self._renames(items)
        self._identity_decisions()
        return MappedProtocol(self.graph, None, digest, self.p.source, nquads=self.g.nquads(),
                              digest_nquads=self.g.line(self.graph, SG.recordSha256, digest), fact_triples=self.g.facts)

    # -- provenance -------------------------------------------------------------------
    def _provenance(self, digest: str) -> None:
        g, p = self.g, self.p
        activity = f"{self.graph}/activity"
        software = iris.software_iri(__version__, self.base)
        g.add(self.graph, RDF.type, SG.ProtocolGraph)
        g.add(self.graph, PROV.wasDerivedFrom, self.source)
        g.typed(self.graph, PROV.generatedAtTime, self.time, XSD.dateTime)
        g.add(self.graph, PROV.wasGeneratedBy, activity)
        g.text(self.graph, SG.recordSha256, digest)
        g.add(activity, RDF.type, PROV.Activity)
        g.add(activity, PROV.used, self.source)
        g.add(activity, PROV.wasAssociatedWith, software)
        g.typed(activity, PROV.endedAtTime, self.time, XSD.dateTime)
        g.add(software, RDF.type, PROV.SoftwareAgent)
        g.text(software, RDFS.label, f"samgraf {__version__}")
        g.text(software, DCTERMS.hasVersion, __version__)
        g.add(self.source, RDF.type, SG.SourceDocument)
        g.text(self.source, SG.fileName, p.source)
        g.text(self.source, SG.sourceSha256, p.source_sha256)
        g.text(self.source, SG.textSha256, p.text_sha256)
        g.text(self.source, DCTERMS.format, p.source_format)
        for warning in p.warnings:
            g.text(self.source, SG.extractionWarning, warning)

    def _span(self, subject: str, span: Span | None) -> None:
        """The text a statement was read from: an RFC 5147 fragment IRI of the source document
        (its offsets in the IRI) with the quoted text; two quads, where the Web Annotation
        selectors took ten (a third of a protocol's quads)."""
        if span is None:
            return
        node = iris.span_iri(self.p.source, span.start, span.end, self.base)
        self.g.add(subject, SG.textSpan, node)
        self.g.text(node, SG.quote, span.quote)

    # -- meeting and body -------------------------------------------------------------
    def _meeting(self) -> None:
        g, p, m = self.g, self.p, self.meeting
        g.add(self.body, RDF.type, ORG.OrganizationalCollaboration)
        g.add(self.body, RDF.type, ORG.Organization)
        g.text(self.body, SKOS.prefLabel, p.body.name)
        g.text(self.body, SKOS.altLabel, p.body.acronym)
        g.text(self.body, SG.countyCode, self.ctx.county)
        g.add(m, RDF.type, BESLUIT.Zitting)
        g.text(m, SG.countyCode, self.ctx.county)
        g.add(m, BESLUIT.isGehoudenDoor, self.body)
        g.add(m, PROV.wasDerivedFrom, self.source)
        g.text(m, BESLUIT.opLocatie, p.place)
        if p.date:
            g.typed(m, DCTERMS.date, p.date, XSD.date)
            for time, predicate in ((p.start, PROV.startedAtTime), (p.end, PROV.endedAtTime)):
                if time:
                    g.typed(m, predicate, f"{p.date}T{time}:00", XSD.dateTime)
            day, instant = iris.day_iri(p.date, self.base), iris.instant_iri(p.date, self.base)
            g.add(day, RDF.type, TIME.Interval)
            g.add(day, TIME.hasBeginning, instant)
            g.add(instant, RDF.type, TIME.Instant)
            g.typed(instant, TIME.inXSDDate, p.date, XSD.date)

    # -- people and organisations -----------------------------------------------------
    def _person(self, name: str) -> str:
        """The person's canonical node (from the identity resolution); the name as this protocol writes it."""
        node = self.resolution.person(self.p, name)
        self.g.add(node, RDF.type, PERSON.Person)
        self.g.add(node, RDF.type, FOAF.Person)
        self.g.text(node, FOAF.name, self.ctx.full_names.get(name, name))
        return node

    def _public(self, node: str, name: str, code: str) -> None:
        g = self.g
        g.add(node, RDF.type, ORG.Organization)
        g.add(node, RDF.type, CV.PublicOrganisation)
        g.text(node, SG.scbCode, code)
        g.text(node, SKOS.prefLabel, name)

    def _organisation(self, name: str | None, code: str | None = None) -> str | None:
        """The organisation resource: kommuner, county councils and regions with their SCB code,
        the county council succeeded by the region (a dated org:ChangeEvent), national
        organisations once, any other merged by normalised name within the county."""
        resolved = resolve_written_organisation(name, code, self.p.date, self.ctx.county)
        if resolved is None:
            return None
        g = self.g
        node = iris.organisation_iri(resolved.label, resolved.scb_code, self.base, resolved.key)
        if resolved.kind == "kommun":
            self._public(node, resolved.label, resolved.scb_code)
            return node
        if resolved.kind in ("region", "landsting"):
            region = refdata.region_by_code(resolved.scb_code)
            region_node = iris.organisation_iri("", resolved.scb_code, self.base, f"scb/{resolved.scb_code}")
            self._public(region_node, region.name, region.county_code)
            if region.former_names:
                council = iris.organisation_iri("", resolved.scb_code, self.base, f"scb/{resolved.scb_code}/landsting")
                self._public(council, region.former_names[0], region.county_code)
                for former in region.former_names[1:]:
                    g.text(council, SKOS.altLabel, former)
                change = f"{region_node}/change/{region.since}"
                g.add(change, RDF.type, ORG.ChangeEvent)
                g.add(change, ORG.originalOrganization, council)
                g.add(change, ORG.resultingOrganization, region_node)
                g.add(council, ORG.changedBy, change)
                g.add(region_node, ORG.resultedFrom, change)
                g.typed(change, DCTERMS.date, str(region.since), XSD.gYear)
                g.text(change, DCTERMS.description, f"{region.former_names[0]} became {region.name} in {region.since}")
            return node
        g.add(node, RDF.type, ORG.Organization)
        if resolved.kind == "national":
            from samgraf.graph.organisations import NATIONAL_ORGANISATIONS

            g.text(node, SKOS.prefLabel, resolved.label)
            for alias in NATIONAL_ORGANISATIONS.get(resolved.label, ()):
                g.text(node, SKOS.altLabel, alias)
        else:
            g.text(node, SKOS.prefLabel, resolved.label)
            g.text(node, SG.countyCode, resolved.county_code)
        return node

    def _participant(self, participant, items: dict[str, str]) -> None:
        g = self.g
        person = self._person(participant.name)
        key = iris.slug(participant.name)
        node = f"{self.meeting}/participant/{key}"
        organisation = self._organisation(participant.organisation, participant.organisation_code)
        g.add(self.meeting, PROV.qualifiedAssociation, node)
        g.add(self.meeting, PROV.wasAssociatedWith, person)
        g.add(node, RDF.type, SG.Participation)
        g.add(node, RDF.type, PROV.Association)
        g.add(node, PROV.agent, person)
        for role in participant.roles:
            g.add(node, PROV.hadRole, ROLE[role])
        g.add(node, SG.representedOrganisation, organisation)
        g.text(node, SG.organisationName, participant.organisation)
        g.text(node, SG.party, participant.party)
        for number in participant.items or ():
            g.add(node, SG.restrictedToItem, items.get(number) or iris.item_iri(self.meeting, number))
        self._span(node, participant.span)
        if organisation:
            g.add(self.body, ORG.hasMember, organisation)
        body_roles = [r for r in participant.roles if r in BODY_ROLES]
        if organisation and body_roles:
            g.add(self.body, SG.principal, organisation)
        if body_roles and self.p.date:
            membership = f"{self.meeting}/membership/{key}"
            g.add(membership, RDF.type, ORG.Membership)
            g.add(membership, ORG.member, person)
            g.add(membership, ORG.organization, self.body)
            for role in body_roles:
                g.add(membership, ORG.role, ROLE[role])
            g.add(membership, ORG.memberDuring, iris.day_iri(self.p.date, self.base))
            g.add(membership, PROV.wasDerivedFrom, node)

    def _absentee(self, absentee) -> None:
        g = self.g
        person = self._person(absentee.name)
        node = f"{self.meeting}/absence/{iris.slug(absentee.name)}"
        g.add(node, RDF.type, SG.Absence)
        g.add(node, SG.absentPerson, person)
        g.add(node, SG.absentFrom, self.meeting)
        g.add(node, SG.representedOrganisation, self._organisation(absentee.organisation, absentee.organisation_code))
        g.text(node, SG.organisationName, absentee.organisation)
        if absentee.replaced_by:
            g.add(node, SG.replacedBy, self._person(absentee.replaced_by))
        self._span(node, absentee.span)

    # -- items and decisions ----------------------------------------------------------
    def _item(self, item, node: str) -> None:
        g = self.g
        handling = f"{node}/handling"
        g.add(self.meeting, BESLUIT.behandelt, node)
        g.add(node, RDF.type, BESLUIT.Agendapunt)
        g.text(node, DCTERMS.identifier, item.number)
        g.text(node, DCTERMS.title, item.title)
        self._span(node, item.span)
        g.add(handling, RDF.type, BESLUIT.BehandelingVanAgendapunt)
        g.add(handling, DCTERMS.subject, node)
        for name in item.presenters:
            g.add(handling, SG.presentedBy, self._person(name))
        for index, decision in enumerate(item.decisions, start=1):
            self.decision_nodes[(item.number, index)] = f"{node}/decision/{index}"
            self._decision(decision, f"{node}/decision/{index}", handling)
        for index, title in enumerate(item.attachments, start=1):
            attachment = f"{node}/attachment/{index}"
            g.add(node, SG.hasAttachment, attachment)
            g.add(attachment, RDF.type, SG.Attachment)
            g.text(attachment, DCTERMS.title, title)
        for name in item.mentions.bodies:
            body, parent = self.ctx.mentioned_bodies[name]
            g.add(node, SG.mentionsBody, body)
            g.add(body, RDF.type, ORG.Organization)
            g.text(body, RDFS.label, name)
            if parent:
                g.add(body, ORG.subOrganizationOf, parent)
            else:
                g.text(body, SG.countyCode, self.ctx.county)
        concerned: list[str] = []
        for name in item.mentions.agreements:
            agreement = self._agreement(name)
            g.add(node, SG.mentionsAgreement, agreement)
            concerned.append(agreement)
        concerned += [self._agreement(c.pref_label, c) for c in concepts_in_text(item.title)]
        concerned += [self._agreement(name) for name in detect_agreements(item.title)]
        concerned = list(dict.fromkeys(concerned))
        for agreement in concerned:
            g.add(node, SG.concernsAgreement, agreement)
        for index, decision in enumerate(item.decisions, start=1):
            decision_node = self.decision_nodes[(item.number, index)]
            found = [self._agreement(c.pref_label, c) for c in concepts_in_text(decision.text)]
            found += [self._agreement(name) for name in detect_agreements(decision.text)]
            for agreement in dict.fromkeys(concerned + found):
                g.add(decision_node, SG.concernsAgreement, agreement)
        for name in item.mentions.organisations:
            organisation = self._organisation(name)
            g.add(node, SG.mentionsOrganisation, organisation)
            g.text(organisation, RDFS.label, name)

    def _agreement(self, name: str, concept=None) -> str:
        """An agreement node: a vocabulary concept's (by any alias) or, if unknown, the written name's."""
        concept = concept or match_agreement(name)
        g = self.g
        node = iris.agreement_iri(concept.key if concept else name, self.base)
        g.add(node, RDF.type, SG.Agreement)
        g.add(node, RDF.type, ELI.LegalResource)
        g.text(node, RDFS.label, name)
        if concept:
            g.add(node, SG.agreementConcept, concept.iri)
            g.text(node, SKOS.prefLabel, concept.pref_label)
            for alias in concept.alt_labels:
                g.text(node, SKOS.altLabel, alias)
        else:
            g.text(node, SKOS.prefLabel, name)
        return node

    def _renames(self, items: dict[str, str]) -> None:
        """Renames decided in this protocol: a dated org:ChangeEvent of the body, from its decision."""
        g = self.g
        for rename in self.ctx.renames:
            event = f"{rename.body}/rename/{rename.date or iris.source_stem(self.p.source)}"
            g.add(event, RDF.type, ORG.ChangeEvent)
            g.add(event, ORG.originalOrganization, rename.body)
            g.add(event, ORG.resultingOrganization, rename.body)
            g.add(rename.body, ORG.changedBy, event)
            g.add(rename.body, RDF.type, ORG.Organization)
            g.text(rename.body, RDFS.label, rename.new)
            g.text(rename.body, SKOS.altLabel, rename.old)
            g.text(rename.body, SKOS.altLabel, rename.new)
            g.text(event, SG.formerName, rename.old)
            g.text(event, SG.newName, rename.new)
            g.typed(event, DCTERMS.date, rename.date, XSD.date)
            g.text(event, DCTERMS.description, f"{rename.old} was renamed {rename.new}")
            decision = self.decision_nodes.get((rename.item, rename.decision))
            g.add(event, PROV.wasDerivedFrom, decision)

    def _identity_decisions(self) -> None:
        """The identity decisions this graph's persons and bodies rest on (read by samgraf identities)."""
        g = self.g
        for decision in self.resolution.decisions_for(self.p):
            node = self.resolution.decision_node(decision)
            g.add(node, RDF.type, SG.IdentityDecision)
            g.text(node, SG.identityStatus, decision.status)
            g.text(node, SG.identityKind, decision.kind)
            if decision.iri:
                g.add(node, SG.identityOf, decision.iri)
            if decision.other:
                g.add(node, SG.comparedWith, decision.other)
            for name in decision.names:
                g.text(node, SG.matchedName, name)
            for source in decision.sources:
                g.text(node, SG.identitySource, source)
            g.text(node, SG.evidence, decision.evidence)

    def _decision(self, decision, node: str, handling: str) -> None:
        g = self.g
        g.add(handling, PROV.generated, node)
        g.add(node, RDF.type, BESLUIT.Besluit)
        g.add(node, RDF.type, ELI.LegalResource)
        g.add(node, SG.decisionType, DECISION_TYPE[decision.type])
        g.text(node, PROV.value, decision.text)
        g.add(node, ELI.passed_by, self.body)
        g.typed(node, ELI.date_document, self.p.date, XSD.date)
        self._span(node, decision.span)
