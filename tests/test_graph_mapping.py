"""Record -> RDF mapping: golden graphs per layout, IRIs, organisations, spans, absences."""
import json
import os
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from samgraf.graph import iris
from samgraf.graph.api import PREFIXES
from samgraf.graph.mapping import map_protocol, record_sha256
from samgraf.graph.organisations import resolve_scb_code
from samgraf.loaders.model import validate_record

GOLDEN = Path(__file__).resolve().parent / "golden"
FIXED_TIME = "2025-01-01T12:00:00+00:00"
LAYOUTS = sorted(p.stem for p in (GOLDEN / "records").glob("*.json"))
SG = "https://w3id.org/samgraf/ontology#"


def _record(layout: str):
    return validate_record(json.loads((GOLDEN / "records" / f"{layout}.json").read_text(encoding="utf-8")))


def _trig(mapped) -> bytes:
    return ox.serialize(mapped.quads, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)


def _graph(mapped) -> Graph:
    dataset = Dataset()
    dataset.parse(data=_trig(mapped), format="trig")
    return dataset.graph(URIRef(mapped.graph))


def assert_isomorphic(expected: Graph, actual: Graph) -> None:
    if not isomorphic(expected, actual):
        _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
        lines = ["graphs differ", "only in expected:"] + sorted(f"  {t}" for t in only_expected.triples((None, None, None)))
        lines += ["only in actual:"] + sorted(f"  {t}" for t in only_actual.triples((None, None, None)))
        pytest.fail("\n".join(lines))


@pytest.mark.parametrize("layout", LAYOUTS)
def test_record_maps_to_golden_graph(layout):
    mapped = map_protocol(_record(layout), base=iris.DEFAULT_BASE, generated_at=FIXED_TIME)
    golden = GOLDEN / f"{layout}.trig"
    if os.environ.get("SAMGRAF_UPDATE_GOLDEN"):
        golden.write_bytes(_trig(mapped))
    expected = Dataset()
    expected.parse(golden, format="trig")
    assert_isomorphic(expected.graph(URIRef(mapped.graph)), _graph(mapped))


def test_mapping_is_deterministic_with_a_fixed_time(monkeypatch):
    monkeypatch.setenv("SAMGRAF_FIXED_TIME", FIXED_TIME)
    first, second = map_protocol(_record("list_layout")), map_protocol(_record("list_layout"))
    assert first.quads == second.quads
    assert first.record_sha256 == record_sha256(_record("list_layout"))


def test_iris_are_readable_and_follow_the_base(monkeypatch):
    monkeypatch.delenv("SAMGRAF_BASE", raising=False)
    assert iris.slug("Påhittade vård- och omsorgsgruppen") == "pahittade-vard-och-omsorgsgruppen"
    assert iris.person_iri("Dag Öhrn-Test") == "https://data.samgraf.se/person/dag-ohrn-test"
    assert iris.graph_iri("dir/000_abc.pdf") == "https://data.samgraf.se/graph/000_abc"
    assert iris.organisation_iri("Växjö kommun", "0780") == "https://data.samgraf.se/organisation/scb/0780"
    monkeypatch.setenv("SAMGRAF_BASE", "http://example.org/kg")
    assert iris.body_iri("LGE") == "http://example.org/kg/body/lge"
    assert iris.body_iri("LGE", base="https://x.test/") == "https://x.test/body/lge"
    mapped = map_protocol(_record("party_layout"), generated_at=FIXED_TIME)
    assert mapped.graph == "http://example.org/kg/graph/party_layout"
    assert all(q.subject.value.startswith("http://example.org/kg/") for q in mapped.quads)


def test_meeting_iri_uses_county_body_and_date():
    mapped = map_protocol(_record("list_layout"), generated_at=FIXED_TIME)
    graph = _graph(mapped)
    meeting = URIRef("https://data.samgraf.se/meeting/23/pahittade-vard-och-omsorgsgruppen/2013-03-15")
    assert (meeting, URIRef("http://data.vlaanderen.be/ns/besluit#behandelt"), URIRef(f"{meeting}/item/2")) in graph


def test_same_named_bodies_of_two_counties_or_of_unknown_county_hold_two_meetings_on_one_day():
    record = _record("list_layout")
    elsewhere = record.model_copy(update={"source": "elsewhere.txt", "county_code": "24"})
    meetings = [map_protocol(r, generated_at=FIXED_TIME).fact_triples() for r in (record, elsewhere)]
    held = [{s for s, p, o, _ in facts if p.endswith("isGehoudenDoor")} for facts in meetings]
    assert held[0] == {"https://data.samgraf.se/meeting/23/pahittade-vard-och-omsorgsgruppen/2013-03-15"}
    assert held[1] == {"https://data.samgraf.se/meeting/24/pahittade-vard-och-omsorgsgruppen/2013-03-15"}
    countyless = _record("party_layout")  # a party list: no organisation tells the county
    unknown = (countyless, countyless.model_copy(update={"source": "elsewhere.txt"}))
    held = [{s for s, p, o, _ in map_protocol(r, generated_at=FIXED_TIME).fact_triples() if p.endswith("isGehoudenDoor")}
            for r in unknown]
    assert held == [{"https://data.samgraf.se/meeting/pahittade-vard-och-omsorgsgruppen/2021-05-07/party_layout"},
                    {"https://data.samgraf.se/meeting/pahittade-vard-och-omsorgsgruppen/2021-05-07/elsewhere"}]


@pytest.mark.parametrize(
    "name, code, date, expected",
    [
        ("Jämtlands läns landsting", None, "2012-11-30", "23"),
        ("Region Jämtland Härjedalen", None, "2021-10-08", "23"),
        ("Region Västerbotten", None, "2011-06-14", None),  # then the regional association
        ("Region Västerbotten", None, "2020-01-01", "24"),
        ("Östersunds kommun", None, None, "2380"),
        ("Umeå", "2480", None, "2480"),
        ("Testförbundet", None, None, None),
    ],
)
def test_organisations_resolve_to_scb_codes_by_official_name_and_date(name, code, date, expected):
    assert resolve_scb_code(name, code, date) == expected


def test_spans_become_fragments_of_the_source_with_their_quote():
    graph = _graph(map_protocol(_record("list_layout"), generated_at=FIXED_TIME))
    decision = URIRef("https://data.samgraf.se/meeting/23/pahittade-vard-och-omsorgsgruppen/2013-03-15/item/2/decision/1")
    span = graph.value(decision, URIRef(SG + "textSpan"))
    assert str(span) == "https://data.samgraf.se/source/list_layout#char=900,951"
    assert str(graph.value(span, URIRef(SG + "quote"))) == "Gruppen rekommenderar huvudmännen att anta avtalet."
    assert set(graph.predicate_objects(span)) == {(URIRef(SG + "quote"), graph.value(span, URIRef(SG + "quote")))}


def test_spans_under_a_hash_base_iri_stay_valid_iris():
    mapped = map_protocol(_record("list_layout"), base="https://example.test/ns#", generated_at=FIXED_TIME)
    spans = {q.object.value for q in mapped.quads if q.predicate.value == SG + "textSpan"}
    assert "https://example.test/ns#source/list_layout/char=900,951" in spans
    assert all(span.count("#") == 1 for span in spans)


def _all_spans(record):
    facts = [*record.participants, *record.absentees, *record.items,
             *(decision for item in record.items for decision in item.decisions)]
    return [fact.span for fact in facts if fact.span is not None]


def test_a_span_takes_two_quads():
    record = _record("list_layout")
    spans = {(s.start, s.end) for s in _all_spans(record)}
    quads = map_protocol(record, generated_at=FIXED_TIME).nquads.decode().splitlines()
    span_quads = [q for q in quads if "#char=" in q]
    assert spans and len(span_quads) == len(spans) + sum(1 for _ in _all_spans(record))


def test_absentees_become_absence_facts():
    graph = _graph(map_protocol(_record("table_layout"), generated_at=FIXED_TIME))
    meeting = "https://data.samgraf.se/meeting/07/exempelradet-for-social-valfard/2020-02-14"
    absence = URIRef(f"{meeting}/absence/gun-uppdiktad")
    assert graph.value(absence, URIRef(SG + "absentFrom")) == URIRef(meeting)
    assert graph.value(absence, URIRef(SG + "absentPerson")) == URIRef("https://data.samgraf.se/person/gun-uppdiktad")
    assert graph.value(absence, URIRef(SG + "representedOrganisation")) == URIRef("https://data.samgraf.se/organisation/scb/0780")
    assert graph.value(absence, URIRef(SG + "replacedBy")) == URIRef("https://data.samgraf.se/person/eva-latsas")
