"""Identity across protocols: one node per person, organisation, body and agreement.

The gold records are read at run time from ../shared/gold; expected names are computed from
them, never written here. Invented records (made-up names) test the rules on their own.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner
from rapidfuzz.distance import Levenshtein

from samgraf import refdata
from samgraf.cli import cli
from samgraf.graph import EmbeddedStore, load_records
from samgraf.graph.api import identity_decisions, run_query, to_python
from samgraf.graph.identity import Curation, resolve
from samgraf.graph.organisations import normalise_name, resolve_written_organisation
from samgraf.loaders.model import Protocol, validate_record

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"
needs_gold = pytest.mark.skipif(not GOLD.is_dir(), reason="../shared/gold is not there")
FIXED_TIME = "2025-01-01T12:00:00+00:00"
PREFIXES = """
PREFIX sg: <https://w3id.org/samgraf/ontology#>
PREFIX besluit: <http://data.vlaanderen.be/ns/besluit#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX person: <http://www.w3.org/ns/person#>
"""


def select(store, text, **params):
    return [{k: to_python(v) for k, v in r.items()} for r in run_query(store, PREFIXES + text, params=params).records()]


def gold_records() -> list[Protocol]:
    return [validate_record(json.loads(p.read_text(encoding="utf-8"))) for p in sorted(GOLD.glob("*.json"))]


def persons_by_name(store) -> dict[str, set[str]]:
    """Name as written -> the person IRIs that carry it."""
    found = defaultdict(set)
    for row in select(store, "SELECT DISTINCT ?p ?name WHERE { GRAPH ?g { ?p a person:Person ; foaf:name ?name } }"):
        found[row["name"]].add(row["p"])
    return found


@pytest.fixture(scope="module")
def gold():
    return gold_records()


@pytest.fixture(scope="module")
def gold_store(gold, tmp_path_factory):
    store = EmbeddedStore(tmp_path_factory.mktemp("identity") / "store")
    report = load_records(store, [(r.source, r) for r in gold], generated_at=FIXED_TIME)
    assert not report.failed
    yield store
    store.close()


def _svom(gold):
    """The two records of the body that met in two different years under two spellings."""
    with_acronym = defaultdict(list)
    for r in gold:
        if r.body.acronym:
            with_acronym[r.body.acronym].append(r)
    pair = next(v for v in with_acronym.values() if len(v) == 2)
    return sorted(pair, key=lambda r: r.date)


def _names(record: Protocol) -> list[str]:
    return [p.name for p in record.participants] + [n for i in record.items for n in i.presenters]


# -- persons -------------------------------------------------------------------------------
@needs_gold
def test_same_name_in_the_same_body_is_one_person_across_years(gold, gold_store):
    early, late = _svom(gold)
    same = {normalise_name(n) for n in _names(early)} & {normalise_name(n) for n in _names(late)}
    assert len(same) >= 3  # the politician, the regional coordinator, the kommun official
    by_name = persons_by_name(gold_store)
    for key in same:
        written = {n for n in _names(early) + _names(late) if normalise_name(n) == key}
        iris = set().union(*(by_name[n] for n in written))
        assert len(iris) == 1, (key, iris)


@needs_gold
def test_spelling_variant_in_the_same_body_is_one_person(gold, gold_store):
    early, late = _svom(gold)
    variants = [(a, b) for a in {p.name for p in early.participants} for b in {p.name for p in late.participants}
                if a != b and a.split()[-1] == b.split()[-1]
                and Levenshtein.distance(normalise_name(a), normalise_name(b)) == 1]
    assert variants, "the gold records hold a first-name spelling variant"
    by_name = persons_by_name(gold_store)
    for a, b in variants:
        assert by_name[a] == by_name[b] and len(by_name[a]) == 1
    merged = [d for d in identity_decisions(gold_store, "merged") if any(a in d["names"] and b in d["names"] for a, b in variants)]
    assert merged and "spelling variant" in merged[0]["evidence"] and "same body" in merged[0]["evidence"]


@needs_gold
def test_no_two_different_people_are_merged(gold, gold_store):
    names_of = defaultdict(set)
    for name, iris in persons_by_name(gold_store).items():
        for iri in iris:
            names_of[iri].add(name)
    for iri, names in names_of.items():
        keys = {normalise_name(n) for n in names}
        if len(keys) > 1:  # only a spelling variant of one given name
            assert len(keys) == 2 and len({k.split()[-1] for k in keys}) == 1, (iri, names)
            a, b = sorted(keys)
            assert Levenshtein.distance(a, b) <= 2
    # the common surnames: every distinct given name is a distinct person
    surnames = defaultdict(set)
    for r in gold:
        for n in _names(r):
            surnames[normalise_name(n).split()[-1]].add(normalise_name(n))
    by_key = defaultdict(set)
    for name, iris in persons_by_name(gold_store).items():
        by_key[normalise_name(name)] |= iris
    for surname in ("andersson", "nilsson", "karlsson", "persson"):
        keys = sorted(surnames[surname])
        assert len(keys) >= 2
        iris = [frozenset(by_key[k]) for k in keys]
        assert len(set(iris)) == len(keys), surname


@needs_gold
def test_each_merge_is_listed_with_its_evidence(gold_store, tmp_path):
    merged = identity_decisions(gold_store, "merged")
    assert len(merged) >= 4
    for row in merged:
        assert row["of"].startswith("https://data.samgraf.se/person/")
        assert "shared body" in row["evidence"] or "same body" in row["evidence"]
        assert len(row["sources"].split()) == 2


# -- organisations -------------------------------------------------------------------------
@needs_gold
def test_county_council_and_region_are_linked_by_a_dated_succession(gold, gold_store):
    region = refdata.region_by_code("23")
    rows = select(gold_store, """
        SELECT DISTINCT ?event ?date ?council ?council_name ?region ?region_name WHERE {
          ?event a org:ChangeEvent ; org:originalOrganization ?council ; org:resultingOrganization ?region ; dcterms:date ?date .
          ?council skos:prefLabel ?council_name ; sg:scbCode "23" ; org:changedBy ?event .
          ?region skos:prefLabel ?region_name ; sg:scbCode "23" ; org:resultedFrom ?event .
          FILTER(?council != ?region)
        }""")
    assert [(r["council_name"], r["region_name"], str(r["date"])) for r in rows] == [
        (region.former_names[0], region.name, str(region.since))]
    assert region.name == "Region Jämtland Härjedalen" and region.since == 2015


@needs_gold
def test_every_kommun_and_county_council_in_the_attendance_lists_has_its_scb_code(gold, gold_store):
    rows = select(gold_store, """
        SELECT DISTINCT ?written ?code WHERE { GRAPH ?g {
          ?x sg:organisationName ?written . OPTIONAL { ?x sg:representedOrganisation/sg:scbCode ?code } } }""")
    codes = defaultdict(set)
    for r in rows:
        codes[r["written"]].add(r["code"])
    public = 0
    for r in gold:
        year = int(r.date[:4])
        for p in r.participants:
            if not p.organisation:
                continue
            match = refdata.resolve_organisation(p.organisation, year=year)
            if "kommun" in p.organisation or "landsting" in p.organisation or p.organisation.startswith("Region ") and match:
                public += 1
                assert match is not None and codes[p.organisation] == {match.code}, p.organisation
    assert public > 40
    # "Region Västerbotten" in 2011 was the regional association, not the county council
    assert codes.get("Region Västerbotten", {None}) == {None}


def test_written_forms_resolve_to_one_organisation():
    landsting = resolve_written_organisation("Landstinget", None, "2011-06-14", "24")
    assert (landsting.key, landsting.kind, landsting.scb_code) == ("scb/24/landsting", "landsting", "24")
    assert resolve_written_organisation("VLL", None, "2011-06-14", "24").key == "scb/24/landsting"
    assert resolve_written_organisation("Västerbottens läns landsting", None, "2011-06-14").key == "scb/24/landsting"
    assert resolve_written_organisation("Region Västerbotten", None, "2020-02-01").key == "scb/24"
    assert resolve_written_organisation("Region Västerbotten", None, "2011-06-14", "24").kind == "other"
    assert resolve_written_organisation("Regionen", None, "2020-02-01", "07").key == "scb/07"
    assert resolve_written_organisation("Umeå", None, None).key == resolve_written_organisation("Umeå kommun", None, None).key == "scb/2480"
    assert resolve_written_organisation("Strömsunds", None, "2012-01-01").scb_code == "2313"
    assert resolve_written_organisation(None, "2480").key == "scb/2480"
    # other organisations: by normalised name within the county; national ones once
    assert resolve_written_organisation("Påhittat förbund", None, None, "23").key == resolve_written_organisation("PÅHITTAT  FÖRBUND", None, None, "23").key
    assert resolve_written_organisation("Påhittat förbund", None, None, "23").key != resolve_written_organisation("Påhittat förbund", None, None, "24").key
    assert resolve_written_organisation("SKL", None, None, "23").key == resolve_written_organisation("Sveriges Kommuner och Landsting", None, None, "18").key


# -- bodies --------------------------------------------------------------------------------
@needs_gold
def test_the_body_is_one_node_across_spellings_and_years(gold, gold_store):
    early, late = _svom(gold)
    assert early.body.name != late.body.name
    rows = select(gold_store, "SELECT DISTINCT ?date ?body WHERE { ?m a besluit:Zitting ; besluit:isGehoudenDoor ?body ; dcterms:date ?date }")
    body_at = {str(r["date"]): r["body"] for r in rows}
    assert body_at[early.date] == body_at[late.date]
    assert len(set(body_at.values())) == 3


@needs_gold
def test_a_rename_decided_in_a_protocol_is_a_dated_event_of_one_body(gold, gold_store):
    early, late = _svom(gold)
    rows = select(gold_store, """
        SELECT DISTINCT ?body ?old ?new ?date ?decision ?wording WHERE {
          ?event a org:ChangeEvent ; sg:formerName ?old ; sg:newName ?new ; dcterms:date ?date ;
                 org:originalOrganization ?body ; org:resultingOrganization ?body ; prov:wasDerivedFrom ?decision .
          ?decision prov:value ?wording }""")
    assert len(rows) == 1
    rename = rows[0]
    assert str(rename["date"]) == late.date and rename["old"] in rename["wording"] and rename["new"] in rename["wording"]
    mentions = select(gold_store, """
        SELECT DISTINCT ?label ?body WHERE { GRAPH ?g { ?item sg:mentionsBody ?body . ?body rdfs:label ?label } }""")
    nodes = defaultdict(set)
    for r in mentions:
        nodes[r["label"]].add(r["body"])
    assert nodes[rename["old"]] == nodes[rename["new"]] == {rename["body"]}
    old_mentioned_in = {r.date for r in gold for i in r.items if rename["old"] in i.mentions.bodies}
    assert early.date in old_mentioned_in  # the old name of 2012 is the same node as the new of 2021


@needs_gold
def test_mentioned_bodies_are_one_node_any_case_within_the_county(gold_store):
    mentions = select(gold_store, "SELECT DISTINCT ?label ?body WHERE { GRAPH ?g { ?item sg:mentionsBody ?body . ?body rdfs:label ?label } }")
    by_key = defaultdict(set)
    for r in mentions:
        by_key[normalise_name(r["label"])].add(r["body"])
    spelled = {k: v for k, v in by_key.items() if len({r["label"] for r in mentions if normalise_name(r["label"]) == k}) > 1}
    assert spelled, "a body mentioned in two spellings"
    for key, nodes in spelled.items():
        if not key.startswith("arbetsgrupp"):
            assert len(nodes) == 1, key
    subgroups = select(gold_store, "SELECT DISTINCT ?group ?parent WHERE { ?group org:subOrganizationOf ?parent . ?parent a org:OrganizationalCollaboration }")
    assert subgroups


# -- agreements ----------------------------------------------------------------------------
@needs_gold
@pytest.mark.parametrize("needle, aliases", [
    ("Meddix", ("meddix",)),
    ("LOSUS", ("losus",)),
    ("Vård- och omsorgscollege", ("vård- och omsorgscollege", "vård- och omsorgscollege", "voc", "vo-c")),
    ("VOC", ("vård- och omsorgscollege", "voc", "vo-c")),
    ("losus-avtalet", ("losus",)),
])
def test_decisions_about_an_agreement_are_found_by_any_alias(gold, gold_store, needle, aliases):
    expected = {(r.date, i.number, d.text) for r in gold for i in r.items for d in i.decisions
                if any(a in (i.title + " " + " ".join(i.mentions.agreements)).lower() for a in aliases)}
    assert expected
    result = run_query(gold_store, name="decisions_about_agreement", params={"agreement": needle})
    found = {(str(to_python(r["date"])), to_python(r["item_number"]), to_python(r["wording"])) for r in result.records()}
    assert found == expected


# -- invented records: the rules on their own -----------------------------------------------
def invented(source, body, date, participants, items=(), acronym=None, county=None) -> Protocol:
    return Protocol.model_validate({
        "source": source, "body": {"name": body, "acronym": acronym}, "date": date, "county_code": county,
        "participants": [{"name": n, "organisation": o, "roles": list(r)} for n, o, r in participants],
        "items": [{"number": str(k), "title": t, "presenters": list(p)} for k, (t, p) in enumerate(items, start=1)],
    })


def namesakes_in_two_regions() -> list[Protocol]:
    return [
        invented("norr-2019.txt", "Exempelgruppen Norr", "2019-03-01", [
            ("Agnes Påhittsson", "Umeå kommun", ("chair", "member")), ("Bertil Provare", "Skellefteå kommun", ("member",))]),
        invented("syd-2020.txt", "Exempelgruppen Syd", "2020-04-02", [
            ("Agnes Påhittsson", "Växjö kommun", ("member",)), ("Bertil Provare", "Ljungby kommun", ("chair", "member"))]),
    ]


def test_namesakes_in_two_regions_stay_two_people(tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    assert not load_records(store, [(r.source, r) for r in namesakes_in_two_regions()]).failed
    by_name = persons_by_name(store)
    assert len(by_name["Agnes Påhittsson"]) == 2 and len(by_name["Bertil Provare"]) == 2
    misses = identity_decisions(store, "near-miss")
    assert {m["names"] for m in misses} == {"Agnes Påhittsson", "Bertil Provare"}
    assert all("no shared body, organisation or county" in m["evidence"] and m["other"] for m in misses)
    assert identity_decisions(store, "merged") == []


def test_loading_one_at_a_time_uses_what_the_store_knows(tmp_path):
    first = invented("a-2018.txt", "Testrådet", "2018-01-10", [("Clas-Göran Exempel", "Kalmar kommun", ("member",))], acronym="TR")
    second = invented("b-2019.txt", "Testrådet", "2019-01-10", [("Claes-Göran Exempel", None, ("member",))], acronym="TR")
    namesake = invented("c-2019.txt", "Annat råd", "2019-02-10", [("Clas-Göran Exempel", "Kiruna kommun", ("member",))])
    store = EmbeddedStore(tmp_path / "store")
    load_records(store, [("a", first)])
    load_records(store, [("b", second)])
    load_records(store, [("c", namesake)])
    by_name = persons_by_name(store)
    assert by_name["Clas-Göran Exempel"] >= by_name["Claes-Göran Exempel"]
    assert len(by_name["Claes-Göran Exempel"]) == 1 and len(by_name["Clas-Göran Exempel"]) == 2
    assert sorted(by_name["Clas-Göran Exempel"])[1].endswith("/person/clas-goran-exempel-2")
    # loading the last one again changes nothing (the store knows nothing new for it)
    assert load_records(store, [("c", namesake)]).unchanged == ["c"]


def test_two_spellings_in_one_protocol_are_two_people_and_first_names_resolve():
    record = invented("x-2020.txt", "Testrådet", "2020-01-01", [
        ("Britt-Inger Testdotter", "Kalmar kommun", ("member",)), ("Britt Inger Testdotter", None, ("other",)),
        ("Anna Provsson", "Kalmar kommun", ("member",)), ("Anne Provsson", "Kalmar kommun", ("member",)),
        ("Kim Exempel", None, ("other",))],
        items=[("Rapport", ["Kim"])])
    resolution = resolve([record])
    ctx = resolution.context(record)
    assert ctx.persons["Britt-Inger Testdotter"] == ctx.persons["Britt Inger Testdotter"]  # one normalised name
    assert ctx.persons["Anna Provsson"] != ctx.persons["Anne Provsson"]
    assert resolution.person(record, "Kim") == ctx.persons["Kim Exempel"]


def test_curated_file_confirms_and_splits(tmp_path):
    records = [
        invented("p-2015.txt", "Provgruppen", "2015-05-05", [("Cristine Testberg", "Kalmar kommun", ("member",))], acronym="PG"),
        invented("q-2016.txt", "Provgruppen", "2016-05-05", [("Christine Testberg", "Kalmar kommun", ("member",))], acronym="PG"),
        invented("r-2016.txt", "Annan grupp", "2016-06-06", [("Dora Låtsas", "Borgholms kommun", ("member",))]),
        invented("s-2017.txt", "Tredje gruppen", "2017-06-06", [("Dora Låtsas", "Sorsele kommun", ("member",))]),
    ]
    plain = resolve(records)
    assert plain.person(records[0], "Cristine Testberg") == plain.person(records[1], "Christine Testberg")
    assert plain.person(records[2], "Dora Låtsas") != plain.person(records[3], "Dora Låtsas")
    file = tmp_path / "identities.yaml"
    file.write_text("split:\n  - names: [Cristine Testberg, Christine Testberg]\n    note: two people, checked\n"
                    "confirm:\n  - names: [Dora Låtsas]\n    note: moved north\n", encoding="utf-8")
    curated = resolve(records, curation=Curation.load(file))
    assert curated.person(records[0], "Cristine Testberg") != curated.person(records[1], "Christine Testberg")
    assert curated.person(records[2], "Dora Låtsas") == curated.person(records[3], "Dora Låtsas")
    assert {d.status for d in curated.decisions if d.kind == "person"} == {"split", "confirmed"}
    # the CLI: load --identities, then samgraf identities shows the decisions with evidence
    folder = tmp_path / "records"
    folder.mkdir()
    for r in records:
        (folder / (r.source.replace(".txt", ".json"))).write_text(json.dumps(r.to_json_dict()), encoding="utf-8")
    runner = CliRunner()
    store = str(tmp_path / "store")
    assert runner.invoke(cli, ["load", "-q", "--store", store, "--identities", str(file), str(folder)]).exit_code == 0
    shown = runner.invoke(cli, ["identities", "--store", store])
    assert shown.exit_code == 0
    assert "confirmed" in shown.stdout and "moved north" in shown.stdout and "split" in shown.stdout
    assert runner.invoke(cli, ["load", "-q", "--store", store, "--identities", str(tmp_path / "none.yaml"), str(folder)]).exit_code != 0


@needs_gold
def test_identities_command_on_the_gold_records(tmp_path):
    runner = CliRunner()
    store = str(tmp_path / "store")
    assert runner.invoke(cli, ["load", "-q", "--store", store, str(GOLD)]).exit_code == 0
    shown = runner.invoke(cli, ["identities", "--store", store, "--format", "json"])
    rows = json.loads(shown.stdout)
    assert {r["status"] for r in rows} >= {"merged", "body"}
    assert all(r["evidence"] for r in rows)
