"""The query library on the four gold records, against both stores.

Expected rows are computed from the gold records at run time (no real names in this file).
"""
import json
from collections import defaultdict
from pathlib import Path

import pytest
from test_graph_store import open_test_store, oxigraph_server, virtuoso_server  # noqa: F401  (session fixtures: real servers)

from samgraf.graph import EmbeddedStore, SparqlHttpStore, load_records, query_names, run_query, to_python
from samgraf.graph.api import query_description
from samgraf.graph.iris import slug
from samgraf.graph.mapping import BODY_ROLES
from samgraf.graph.organisations import resolve_scb_code
from samgraf.loaders.model import validate_record

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"
pytestmark = pytest.mark.skipif(not GOLD.is_dir(), reason="../shared/gold is not there")
RELATIONS = {"assignment": ("assigns_task_to", True), "recommendation": ("recommends_to", True), "noted": ("reports_to", False)}


@pytest.fixture(scope="module")
def records():
    return [validate_record(json.loads(p.read_text(encoding="utf-8"))) for p in sorted(GOLD.glob("*.json"))]


@pytest.fixture(scope="module", params=["embedded", "http", "virtuoso"])
def store(request, records, tmp_path_factory):
    """A store of each kind holding the four gold records."""
    instance = open_test_store(request.param, request, tmp_path_factory.mktemp("queries") / "store")
    report = load_records(instance, [(r.source, r) for r in records], generated_at="2025-01-01T00:00:00+00:00")
    assert not report.failed
    yield instance
    instance.close()


def rows(store, name, **params):
    result = run_query(store, name=name, params=params)
    return [{k: to_python(v) for k, v in r.items()} for r in result.records()]


def test_every_library_query_says_what_it_answers_and_its_parameters():
    assert set(query_names()) >= {
        "members_at_date", "decisions_in_period", "decisions_about_agreement", "tasks_given",
        "people_in_several_bodies", "attendance_matrix", "presenters", "body_relations",
    }
    for name in query_names():
        assert "Parameters:" in query_description(name), name


def _acronym_record(records):
    return next(r for r in records if r.body.acronym)


def test_members_at_date_gives_the_last_meeting_before_the_date(store, records):
    record = _acronym_record(records)
    found = rows(store, "members_at_date", body=record.body.acronym.lower(), date=record.date)
    expected = {(p.name, role, p.organisation, p.party) for p in record.participants for role in p.roles if role in BODY_ROLES}
    assert {(r["name"], r["role"], r["organisation"], r["party"]) for r in found} == expected
    assert {str(r["meeting_date"]) for r in found} == {record.date}
    chair = next(p for p in record.participants if "chair" in p.roles)
    chair_row = next(r for r in found if r["name"] == chair.name and r["role"] == "chair")
    assert chair_row["scb_code"] == resolve_scb_code(chair.organisation, None, record.date)
    assert rows(store, "members_at_date", body=record.body.acronym, date="1999-01-01") == []


def test_decisions_in_period(store, records):
    record = _acronym_record(records)
    year = record.date[:4]
    found = rows(store, "decisions_in_period", body=record.body.acronym, **{"from": f"{year}-01-01", "to": f"{year}-12-31"})
    expected = [(i.number, d.type, d.text) for i in record.items for d in i.decisions]
    assert sorted((r["item_number"], r["type"], r["wording"]) for r in found) == sorted(expected)
    same_body = [r for r in records if slug(r.body.name) == slug(record.body.name)]
    everything = rows(store, "decisions_in_period", body=record.body.name, **{"from": "1900-01-01", "to": "2100-01-01"})
    assert len(everything) == sum(len(i.decisions) for r in same_body for i in r.items)


def test_decisions_about_agreement_finds_decisions_by_mention(store, records):
    checked = 0
    for record in records:
        item = next((i for i in record.items if i.decisions and i.mentions.agreements), None)
        if item is None:
            continue
        needle = item.mentions.agreements[0]
        expected = {
            (r.date, i.number, d.text)
            for r in records for i in r.items for d in i.decisions
            if any(needle.lower() in a.lower() for a in i.mentions.agreements)
        }
        found = rows(store, "decisions_about_agreement", agreement=needle.upper())
        assert {(str(r["date"]), r["item_number"], r["wording"]) for r in found} == expected
        checked += 1
    assert checked >= 2


def test_tasks_given_lists_every_assignment(store, records):
    found = rows(store, "tasks_given")
    expected = {(r.date, i.number, d.text) for r in records for i in r.items for d in i.decisions if d.type == "assignment"}
    assert {(str(r["date"]), r["item_number"], r["wording"]) for r in found} == expected
    mentioned = {n for r in records for i in r.items for n in i.mentions.bodies + i.mentions.organisations}
    assert {r["assignee"] for r in found if r["assignee"]} <= mentioned


def _people_in_several_bodies(records):
    meetings, bodies = defaultdict(set), defaultdict(set)
    for r in records:
        for name in [p.name for p in r.participants] + [n for i in r.items for n in i.presenters]:
            meetings[slug(name)].add((slug(r.body.name), r.date))
            bodies[slug(name)].add(slug(r.body.name))
    return {key: (len(meetings[key]), len(bodies[key])) for key in meetings if len(meetings[key]) > 1 or len(bodies[key]) > 1}


def test_people_in_several_bodies_or_meetings(store, records):
    found = rows(store, "people_in_several_bodies")
    assert {r["person"].rsplit("/", 1)[1]: (r["meetings"], r["bodies"]) for r in found} == _people_in_several_bodies(records)


def test_people_in_several_bodies_in_a_period_counts_only_its_meetings(store, records):
    dates = sorted(r.date for r in records)
    seen = []
    for start, end in [(dates[0], dates[-1]), (dates[0], dates[1]), (dates[1], dates[-1]), (dates[-1], dates[-1])]:
        found = rows(store, "people_in_several_bodies", **{"from": start, "to": end})
        expected = _people_in_several_bodies([r for r in records if start <= r.date <= end])
        assert {r["person"].rsplit("/", 1)[1]: (r["meetings"], r["bodies"]) for r in found} == expected, (start, end)
        seen.append(len(expected))
    assert seen[0] > 0 and 0 in seen


def test_attendance_matrix(store, records):
    expected = defaultdict(set)
    for r in records:
        for p in r.participants:
            if p.organisation:
                expected[(p.organisation, r.date, "present")].add(p.name)
        for a in r.absentees:
            if a.organisation:
                expected[(a.organisation, r.date, "absent")].add(a.name)
    found = rows(store, "attendance_matrix")
    assert {(r["organisation"], str(r["date"]), r["status"]): set(r["persons"].split(" | ")) for r in found} == dict(expected)


def test_presenters_with_their_organisation(store, records):
    expected = set()
    for r in records:
        organisation = {p.name: p.organisation for p in r.participants}
        expected |= {(n, r.date, i.number, organisation.get(n)) for i in r.items for n in i.presenters}
    found = rows(store, "presenters")
    assert {(r["name"], str(r["date"]), r["item_number"], r["organisation"]) for r in found} == expected


def _body_relations(records):
    expected = defaultdict(set)
    for r in records:
        for i in r.items:
            for n, d in enumerate(i.decisions):
                if d.type not in RELATIONS:
                    continue
                relation, outgoing = RELATIONS[d.type]
                for other in i.mentions.bodies:
                    if slug(other) == slug(r.body.name):
                        continue
                    body, other = slug(r.body.name), slug(other)
                    key = (body, relation, other) if outgoing else (other, relation, body)
                    expected[key].add((r.source, i.number, n))
    return {k: len(v) for k, v in expected.items()}


def _relations(found):
    tail = lambda iri: iri.rsplit("/", 1)[1]  # noqa: E731
    return {(tail(r["from_iri"]), r["relation"], tail(r["to_iri"])): r["decisions"] for r in found}


def test_body_relations_follow_decision_types(store, records):
    found = rows(store, "body_relations")
    assert _relations(found) == _body_relations(records)
    assert all(r["from_body"] and r["to_body"] for r in found)


def _in_scope(records, record):
    """The records of ``record``'s body in ``record``'s year."""
    return [r for r in records if slug(r.body.name) == slug(record.body.name) and r.date[:4] == record.date[:4]]


def _scope(record):
    year = record.date[:4]
    return {"body": record.body.acronym.lower(), "from": f"{year}-01-01", "to": f"{year}-12-31"}


def test_body_relations_of_one_body_in_a_year(store, records):
    record = _acronym_record(records)
    assert _relations(rows(store, "body_relations", **_scope(record))) == _body_relations(_in_scope(records, record))
    assert rows(store, "body_relations", **{"from": "1900-01-01", "to": "1900-12-31"}) == []


def _comparable(found):
    return sorted(repr({k: frozenset(v.split(" | ")) if k == "persons" else v for k, v in r.items()}) for r in found)


@pytest.mark.parametrize("name", ["attendance_matrix", "presenters", "tasks_given"])
def test_a_report_of_one_body_in_a_year_is_the_whole_report_cut_to_them(store, records, name):
    record = _acronym_record(records)
    names = {r.body.name for r in _in_scope(records, record)}
    everything = rows(store, name)
    expected = [r for r in everything if r["body_name"] in names and str(r["date"])[:4] == record.date[:4]]
    assert _comparable(rows(store, name, **_scope(record))) == _comparable(expected)
    assert len(expected) < len(everything)
    assert rows(store, name, body="no such body") == []
    assert _comparable(rows(store, name, **{"from": "1900-01-01"})) == _comparable(everything)
