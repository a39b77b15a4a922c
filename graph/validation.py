"""SHACL validation of the store's data with pySHACL: each protocol graph on its own."""
from __future__ import annotations

from dataclasses import dataclass

from samgraf.graph.store import Store
from samgraf.ontology import shapes_graph


@dataclass(frozen=True)
class ValidationResult:
    conforms: bool
    report: str
    graphs: int


def validate_nquads(nquads: bytes) -> ValidationResult:
    """Validate every named graph of an N-Quads document against the samgraf shapes."""
    import pyshacl
    from rdflib import Dataset

    dataset = Dataset()
    dataset.parse(data=nquads, format="nquads")
    shapes = shapes_graph()
    reports, conforms, count = [], True, 0
    for graph in dataset.graphs():
        if len(graph) == 0:
            continue
        count += 1
        ok, _, text = pyshacl.validate(graph, shacl_graph=shapes, inference="none", advanced=True)
        if not ok:
            conforms = False
            reports.append(f"Graph <{graph.identifier}>:\n{text}")
    return ValidationResult(conforms, "\n".join(reports) if reports else "Conforms: True\n", count)


def validate_store(store: Store) -> ValidationResult:
    """Validate everything in ``store``."""
    return validate_nquads(store.dump_nquads())
