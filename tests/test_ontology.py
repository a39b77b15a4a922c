"""The ontology files parse, and the generated vocab.py and README.md match them."""
from pathlib import Path

from rdflib import OWL, RDF, RDFS, URIRef

from samgraf.ontology import ontology_graph, shapes_graph
from samgraf.ontology.doc import ontology_html, ontology_markdown
from samgraf.ontology.generate import vocab_source
from samgraf.ontology.vocab import DECISION_TYPE, ROLE, SG

ONTOLOGY_DIR = Path(__file__).resolve().parents[1] / "ontology"
SG_NS = "https://w3id.org/samgraf/ontology#"


def test_committed_vocab_is_generated_from_the_turtle():
    assert (ONTOLOGY_DIR / "vocab.py").read_text(encoding="utf-8") == vocab_source()


def test_committed_documentation_is_generated_from_the_turtle():
    assert (ONTOLOGY_DIR / "README.md").read_text(encoding="utf-8") == ontology_markdown()


def test_every_own_term_is_declared_and_labelled():
    graph = ontology_graph()
    own = {s for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(SG_NS)}
    assert SG.Participation in own and SG.decisionType in own
    for term in own:
        assert (term, RDF.type, None) in graph, term
        assert (term, RDFS.label, None) in graph, term


def test_concept_schemes_cover_the_record_values():
    from typing import get_args

    from samgraf.loaders.model import DecisionType, Role

    graph = ontology_graph()
    for role in get_args(Role):
        assert (ROLE[role], RDF.type, URIRef("http://www.w3.org/2004/02/skos/core#Concept")) in graph
    for kind in get_args(DecisionType):
        assert (DECISION_TYPE[kind], RDF.type, URIRef("http://www.w3.org/2004/02/skos/core#Concept")) in graph


def test_shapes_parse_and_target_samgraf_classes():
    shapes = shapes_graph()
    targets = set(shapes.objects(None, URIRef("http://www.w3.org/ns/shacl#targetClass")))
    assert SG.Participation in targets and SG.ProtocolGraph in targets


def test_html_documentation_lists_the_classes():
    page = ontology_html()
    assert page.startswith("<!DOCTYPE html>")
    assert "sg:Participation" in page and "besluit:Zitting" in page
    assert (URIRef("https://w3id.org/samgraf/ontology"), RDF.type, OWL.Ontology) in ontology_graph()
