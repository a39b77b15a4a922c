"""The samgraf ontology, its concept schemes and SHACL shapes, shipped as Turtle files."""
from __future__ import annotations

from importlib.resources import files

ONTOLOGY_FILES = ("samgraf.ttl", "concepts.ttl")
SHAPES_FILE = "shapes.ttl"


def turtle_text(name: str) -> str:
    """The text of one shipped Turtle file of this package."""
    return files("samgraf.ontology").joinpath(name).read_text(encoding="utf-8")


def ontology_graph():
    """The ontology and its concept schemes as one rdflib Graph."""
    import rdflib

    graph = rdflib.Graph()
    for name in ONTOLOGY_FILES:
        graph.parse(data=turtle_text(name), format="turtle")
    return graph


def shapes_graph():
    """The SHACL shapes as an rdflib Graph."""
    import rdflib

    return rdflib.Graph().parse(data=turtle_text(SHAPES_FILE), format="turtle")
