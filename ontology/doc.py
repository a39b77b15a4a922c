"""A readable documentation page of the ontology, generated from the Turtle (Markdown or HTML)."""
from __future__ import annotations

import html

from rdflib import OWL, RDF, RDFS, SKOS, BNode, Literal, URIRef
from rdflib.namespace import DCTERMS

from samgraf.ontology import ontology_graph

SG = "https://w3id.org/samgraf/ontology#"


def _short(graph, term) -> str:
    if isinstance(term, BNode):
        members = list(graph.items(graph.value(term, OWL.unionOf))) if graph.value(term, OWL.unionOf) else []
        return " or ".join(_short(graph, m) for m in members) if members else "(anonymous)"
    try:
        return graph.namespace_manager.normalizeUri(term)
    except Exception:  # an IRI without a known prefix
        return f"<{term}>"


def _text(graph, subject, predicate) -> str:
    values = [v for v in graph.objects(subject, predicate) if isinstance(v, Literal)]
    english = [v for v in values if v.language in (None, "en")]
    return str((english or values)[0]) if values else ""


def _labels(graph, subject, predicate=RDFS.label) -> str:
    return ", ".join(sorted(f"{v}" + (f" ({v.language})" if v.language else "") for v in graph.objects(subject, predicate)))


def _sections(graph):
    """(title, rows) for every section; rows are (term, fields) with fields a list of (name, text)."""
    sections = []
    for title, rdf_type, own in (
        ("samgraf classes", OWL.Class, True),
        ("samgraf properties", None, True),
        ("Reused classes", OWL.Class, False),
        ("Reused properties", None, False),
    ):
        if rdf_type is None:
            subjects = set(graph.subjects(RDF.type, OWL.ObjectProperty)) | set(graph.subjects(RDF.type, OWL.DatatypeProperty))
        else:
            subjects = set(graph.subjects(RDF.type, rdf_type))
        rows = []
        for term in sorted((s for s in subjects if isinstance(s, URIRef) and str(s).startswith(SG) == own), key=str):
            fields = [
                ("label", _labels(graph, term)),
                ("description", _text(graph, term, RDFS.comment) or _text(graph, term, SKOS.scopeNote)),
                ("subclass of", ", ".join(_short(graph, o) for o in graph.objects(term, RDFS.subClassOf))),
                ("subproperty of", ", ".join(_short(graph, o) for o in graph.objects(term, RDFS.subPropertyOf))),
                ("domain", ", ".join(_short(graph, o) for o in graph.objects(term, RDFS.domain))),
                ("range", ", ".join(_short(graph, o) for o in graph.objects(term, RDFS.range))),
                ("defined by", ", ".join(str(o) for o in graph.objects(term, RDFS.isDefinedBy))),
            ]
            rows.append((_short(graph, term), [(k, v) for k, v in fields if v]))
        sections.append((title, rows))
    for scheme in sorted(graph.subjects(RDF.type, SKOS.ConceptScheme), key=str):
        rows = []
        for concept in sorted(graph.subjects(SKOS.inScheme, scheme), key=str):
            fields = [
                ("notation", _text(graph, concept, SKOS.notation)),
                ("label", _labels(graph, concept, SKOS.prefLabel)),
                ("definition", _text(graph, concept, SKOS.definition)),
            ]
            rows.append((f"<{concept}>", [(k, v) for k, v in fields if v]))
        sections.append((f"Concept scheme: {_text(graph, scheme, SKOS.prefLabel)} <{scheme}>", rows))
    return sections


def _graph():
    graph = ontology_graph()
    graph.bind("sg", SG)
    for prefix, ns in (
        ("besluit", "http://data.vlaanderen.be/ns/besluit#"), ("eli", "http://data.europa.eu/eli/ontology#"),
        ("cv", "http://data.europa.eu/m8g/"), ("person", "http://www.w3.org/ns/person#"),
        ("org", "http://www.w3.org/ns/org#"),
    ):
        graph.bind(prefix, ns, override=True)
    return graph


_INTRO = (
    "Generated from `samgraf.ttl` and `concepts.ttl` by `python -m samgraf.ontology.generate` "
    "(or `samgraf ontology-doc`); do not edit.\n\n"
    "Data layout: each protocol is one named graph `<base>graph/<source-stem>` holding the meeting, "
    "its body, items, handlings, decisions, participations, memberships, absences, mentioned "
    "resources and text spans, and a description of the graph itself (`sg:ProtocolGraph`: "
    "`prov:wasDerivedFrom` the source document, `prov:generatedAtTime`, `prov:wasGeneratedBy` a "
    "`prov:Activity` associated with the samgraf version, `sg:recordSha256`). Shared resources "
    "(bodies, persons, organisations) are restated in every graph that uses them; query with "
    "the union of the named graphs as default graph and `SELECT DISTINCT`."
)


def ontology_markdown() -> str:
    """The ontology documentation as Markdown."""
    graph = _graph()
    title = _text(graph, URIRef("https://w3id.org/samgraf/ontology"), DCTERMS.title)
    description = _text(graph, URIRef("https://w3id.org/samgraf/ontology"), DCTERMS.description)
    lines = [f"# {title}", "", description, "", _INTRO, "", f"Namespace: `{SG}` (prefix `sg:`).", ""]
    for section, rows in _sections(graph):
        lines += [f"## {section}", ""]
        for term, fields in rows:
            lines.append(f"### `{term}`")
            lines.append("")
            lines += [f"- {name}: {value}" for name, value in fields]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def ontology_html() -> str:
    """The ontology documentation as a standalone HTML page."""
    graph = _graph()
    e = html.escape
    title = _text(graph, URIRef("https://w3id.org/samgraf/ontology"), DCTERMS.title)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="en"><head><meta charset="utf-8"><title>{e(title)}</title>',
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}dt{font-weight:bold}"
        "code{background:#f4f4f4}</style></head><body>",
        f"<h1>{e(title)}</h1>",
        f"<p>{e(_text(graph, URIRef('https://w3id.org/samgraf/ontology'), DCTERMS.description))}</p>",
        f"<p>{e(_INTRO)}</p>",
    ]
    for section, rows in _sections(graph):
        parts.append(f"<h2>{e(section)}</h2>")
        for term, fields in rows:
            parts.append(f"<h3 id=\"{e(term)}\"><code>{e(term)}</code></h3><dl>")
            parts += [f"<dt>{e(name)}</dt><dd>{e(value)}</dd>" for name, value in fields]
            parts.append("</dl>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
