"""Unit tests of the loader extractors on small invented protocol snippets.

Every person, body and place here is invented (only real municipality/county names are
used, since resolving them to official names is what is tested).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from samgraf.loaders import parse_text, schema_errors
from samgraf.loaders.attendance import expand_items, take_items
from samgraf.loaders.meeting import infer_year
from samgraf.loaders.names import split_names, strip_party
from samgraf.loaders.text import Line, clean_inline, html_paragraphs, initials, normalise
from samgraf.refdata import resolve_organisation


def parse(text: str) -> dict:
    record = parse_text(text).model_dump(mode="json")
    assert schema_errors(record) == []
    return record


def people(record: dict) -> dict[str, dict]:
    return {p["name"]: p for p in record["participants"]}


def item(record: dict, number: str) -> dict:
    return next(it for it in record["items"] if it["number"] == number)


def decisions(record: dict, number: str) -> list[tuple[str, str]]:
    return [(d["text"], d["type"]) for d in item(record, number)["decisions"]]


ITEMS_TAIL = "\n§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n\n§ 2 Övriga frågor\nInga övriga frågor.\n"


def head(date_line: str = "Datum: 2024-03-05", attendance: str | None = None) -> str:
    attendance = attendance if attendance is not None else (
        "Beslutande\tGreta Lindqvist, ordförande\tUmeå kommun\n\tOskar Sjöholm\tVännäs kommun\n"
    )
    return f"Protokoll från Samverkansrådet Norrdal\n\n{date_line}\n\n{attendance}\n"


# -- normaliser ------------------------------------------------------------------------------

PAGES = [
    "§ 1 Öppnande\nMötet öppnades.\n\nBeslut\nMötet förklaras öppnat.",
    "§ 2 Budget\nText om budgeten.\n\nBeslut\nBudgeten godkänns.",
    "§ 3 Plan\nText om planen.\n\nBeslut\nPlanen antas.",
]


def paged(page_template: str) -> str:
    return "\f\n".join(page_template.format(n=i + 1, body=b) for i, b in enumerate(PAGES))


def kept(text: str) -> list[str]:
    return [ln.text for ln in normalise(text).lines if not ln.blank]


def test_repeated_header_block_and_stamps_removed_sections_kept():
    text = paged(
        "Samverkansrådet Norrdal\nProtokoll 2024-03-05\n\n{body}\n\nJusterandes sign\n\nUtdragsbestyrkande\n"
    )
    lines = kept(text)
    assert lines == [
        "§ 1 Öppnande", "Mötet öppnades.", "Beslut", "Mötet förklaras öppnat.",
        "§ 2 Budget", "Text om budgeten.", "Beslut", "Budgeten godkänns.",
        "§ 3 Plan", "Text om planen.", "Beslut", "Planen antas.",
    ]
    assert {"justerandes sign", "utdragsbestyrkande", "samverkansrådet norrdal", "protokoll 2024-03-05"} <= set(
        normalise(text).furniture
    )


def test_repeated_footer_block_removed():
    text = paged("{body}\n\nNorrdals kommunförbund\nBesöksadress Storgatan 1\n")
    assert "Besöksadress Storgatan 1" not in kept(text)
    assert "Norrdals kommunförbund" not in kept(text)
    assert kept(text).count("Beslut") == 3


def test_page_numbers_sida_n_av_m_removed():
    # Every page number is written once ("Sida 1 av 3", "Sida 2 av 3", ...): still furniture.
    text = paged("Sida {n} av 3\n\n{body}\n")
    assert not [t for t in kept(text) if t.startswith("Sida")]


def test_single_stamp_removed_even_once():
    assert kept("Beslut\nMötet öppnas.\n\nJusterandes sign\n\nUtdragsbestyrkande\n") == ["Beslut", "Mötet öppnas."]


def test_html_in_cells_becomes_paragraphs():
    cell = "<p>Första stycket</p><p>Andra <b>stycket</b></p><ul><li>Punkt ett</li><li>Punkt två</li></ul>"
    assert html_paragraphs(cell) == ["Första stycket", "Andra stycket", "- Punkt ett", "- Punkt två"]
    assert html_paragraphs("Enkel text") == ["Enkel text"]
    assert html_paragraphs("Rad ett<br>Rad två &amp; tre") == ["Rad ett", "Rad två & tre"]
    line = normalise("1\t<p>Första</p><p>Andra</p>\tBeslut\n").lines[0]
    assert line.text == "1\tFörsta Andra\tBeslut"
    assert line.cells == ["1", "<p>Första</p><p>Andra</p>", "Beslut"]


def test_superscripts_soft_hyphens_and_spaces():
    assert clean_inline("Budget¹ gäller") == "Budget 1 gäller"
    assert clean_inline("yta m²") == "yta m 2"
    assert clean_inline("sam\u00adverkans\u00adavtal") == "samverkansavtal"
    assert clean_inline("a\xa0 b\u2009c") == "a b c"


def test_lines_keep_source_offsets():
    text = "Rubrik\n\n  Sam\u00adverkan <b>nu</b>  \nSlut"
    norm = normalise(text)
    for ln in norm.lines:
        assert 0 <= ln.start <= ln.end <= len(text)
        assert "\n" not in text[ln.start : ln.end]
    line = next(ln for ln in norm.lines if "verkan" in ln.text)
    assert line.text == "Samverkan nu"
    assert text[line.start : line.end] == "  Sam\u00adverkan <b>nu</b>  "


# -- meeting ---------------------------------------------------------------------------------

def test_meeting_date_time_place_body_acronym():
    r = parse(
        "Protokoll från Samverkansrådet Norrdal (SRN)\n\n"
        "Datum: 2024-03-05\nTid: kl. 13.00 – 16.00\nPlats: Kommunhuset, Sammanträdesrum Granen\n\n"
        "Beslutande\tGreta Lindqvist, ordförande\tUmeå kommun\n" + ITEMS_TAIL
    )
    assert r["body"] == {"name": "Samverkansrådet Norrdal", "acronym": "SRN"}
    assert (r["date"], r["start"], r["end"]) == ("2024-03-05", "13:00", "16:00")
    assert r["place"] == "Kommunhuset, Sammanträdesrum Granen"
    assert r["warnings"] == []


@pytest.mark.parametrize("name, used, acronym", [
    ("Länsgruppen för social omsorg", "Protokollsutdrag LGSO 2024-02-01 bifogas.", "LGSO"),
    ("Länssamordningsgrupp", "LSG noterar informationen. Nästa LSG-möte i maj.", "LSG"),
    # an organisation's acronym whose letters happen to occur in the name is not the body's
    ("Samverkansrådet för hälsa", "SKR har publicerat en rapport. SKR bjuder in.", None),
])
def test_acronym_used_in_the_text_for_the_body(name, used, acronym):
    r = parse(f"Protokoll {name}\n\nDatum: 2024-03-05\n\nBeslutande\tGreta Lindqvist\tUmeå kommun\n\n"
              f"§ 1 Information\n{used}\n\n§ 2 Övrigt\nInga frågor.\n")
    assert r["body"] == {"name": name, "acronym": acronym}


@pytest.mark.parametrize("line, expected", [
    ("Datum: den 5 mars 2024", ("2024-03-05", None, None)),
    ("Tisdagen den 5 mars 2024, kl. 13–15", ("2024-03-05", "13:00", "15:00")),
    ("Datum och tid: 2024-03-05 kl 09.00-12.00", ("2024-03-05", "09:00", "12:00")),
    ("Tid: 5/3 2024 13:00–15:30", ("2024-03-05", "13:00", "15:30")),
    ("Datum: 2024-03-05, kl 13.30 – 16", ("2024-03-05", "13:30", "16:00")),
])
def test_meeting_date_and_time_phrasings(line, expected):
    r = parse(f"Protokoll Samverkansgruppen Norrdal\n\n{line}\n\nBeslutande\tGreta Lindqvist\tUmeå kommun\n" + ITEMS_TAIL)
    assert (r["date"], r["start"], r["end"]) == expected


@pytest.mark.parametrize("heading, body", [
    ("Protokoll fört vid sammanträde med Länsstyrgruppen för välfärd", {"name": "Länsstyrgruppen för välfärd", "acronym": None}),
    ("PROTOKOLL SOCIALNÄMNDEN", {"name": "Socialnämnden", "acronym": None}),
    ("Anteckningar från möte i Chefsnätverket för äldreomsorg", {"name": "Chefsnätverket för äldreomsorg", "acronym": None}),
    ("Protokoll från möte med Regionala samverkansgruppen (RSG) 2023-04-05",
     {"name": "Regionala samverkansgruppen", "acronym": "RSG"}),
    ("Socialchefsnätverket i Kalmar län – minnesanteckningar", {"name": "Socialchefsnätverket i Kalmar län", "acronym": None}),
])
def test_body_name_from_heading_phrasings(heading, body):
    r = parse(f"{heading}\n\nDatum: 2024-03-05\n\nBeslutande\tGreta Lindqvist\tUmeå kommun\n" + ITEMS_TAIL)
    assert r["body"] == body


def test_tid_och_plats_with_place_on_next_line():
    r = parse(
        "Samverkansrådet Norrdal\n\n"
        "Tid och plats för sammanträdet Tisdag den 5 mars 2024, kl. 13.00 – 16.00\n"
        "Folkets hus, Lilla salen\n\n"
        "Beslutande\tGreta Lindqvist, ordförande\tUmeå kommun\n" + ITEMS_TAIL
    )
    assert (r["date"], r["start"], r["end"], r["place"]) == ("2024-03-05", "13:00", "16:00", "Folkets hus, Lilla salen")
    assert r["body"]["name"] == "Samverkansrådet Norrdal"


def test_date_without_year_takes_year_from_adjustment_date():
    r = parse(
        "Protokoll från Samverkansrådet Norrdal\n\nSammanträdesdatum: 5 mars, kl. 9.30-12.00\n"
        "Plats: Folkets hus\nJusterat den: 2023-03-20\n\n"
        "Beslutande\tGreta Lindqvist, ordförande\tUmeå kommun\n" + ITEMS_TAIL
    )
    assert (r["date"], r["start"], r["end"], r["place"]) == ("2023-03-05", "09:30", "12:00", "Folkets hus")


def test_infer_year_for_january_adjustment_after_december_meeting():
    lines = [Line("Justerat den: 2024-01-08", 0, 24)]
    assert infer_year(12, 14, lines) == 2023
    assert infer_year(3, 5, lines) == 2024
    assert infer_year(3, 5, []) is None


def test_missing_date_and_body_are_warned():
    r = parse("Några rader utan rubrik.\n\nInget datum här.\n")
    assert r["date"] is None
    assert r["body"]["name"] == "(unknown body)"
    assert "no meeting date found" in r["warnings"]
    assert "no body name found" in r["warnings"]
    assert "no agenda items found: the layout was not recognised" in r["warnings"]


# -- attendance ------------------------------------------------------------------------------

def test_tab_table_roles_kommun_names_and_item_restrictions():
    r = parse(head(attendance=(
        "Beslutande\tGreta Lindqvist, ordförande\tAskersund\n"
        "\tOskar Sjöholm\tLaxå kommun\n"
        "\tMaja Holmberg § 2\tHallsberg\n"
        "\tViktor Ekdahl §§ 2-3\tLandstinget\n"
        "Övriga deltagare\tIda Fransson (punkt 3)\tRegionförbundet\n"
    )) + ITEMS_TAIL)
    p = people(r)
    assert list(p) == ["Greta Lindqvist", "Oskar Sjöholm", "Maja Holmberg", "Viktor Ekdahl", "Ida Fransson"]
    assert p["Greta Lindqvist"]["roles"] == ["chair", "member"]
    assert (p["Greta Lindqvist"]["organisation"], p["Greta Lindqvist"]["organisation_code"]) == ("Askersunds kommun", "1882")
    assert p["Maja Holmberg"]["organisation"] == "Hallsbergs kommun"
    assert p["Maja Holmberg"]["items"] == ["2"]
    assert p["Viktor Ekdahl"]["items"] == ["2", "3"]
    assert p["Viktor Ekdahl"]["organisation"] == "Region Örebro län"  # 2024, county of the kommuner
    assert p["Ida Fransson"] == {**p["Ida Fransson"], "organisation": "Regionförbundet", "organisation_code": None,
                                 "roles": ["other"], "items": ["3"]}
    assert p["Oskar Sjöholm"]["items"] is None
    assert r["county_code"] == "18"


def test_item_restriction_helpers():
    assert take_items("Anna Lund §§ 50-53")[1] == ["50", "51", "52", "53"]
    assert take_items("Anna Lund (punkt 7)")[1] == ["7"]
    assert take_items("Anna Lund, § 49")[1] == ["49"]
    assert take_items("Anna Lund")[1] is None
    assert expand_items("3, 5 och 7-8") == ["3", "5", "7", "8"]


def test_party_letters_and_roles_in_a_run_of_names():
    r = parse(head(attendance=(
        "Beslutande ledamöter\tTora Vinterdal (C) (Ordförande) Sixten Bergkvist (S) Alma Ekholm (M) (Vice ordförande)\n"
    )) + ITEMS_TAIL)
    got = [(p["name"], p["party"], p["roles"]) for p in r["participants"]]
    assert got == [
        ("Tora Vinterdal", "C", ["chair", "member"]),
        ("Sixten Bergkvist", "S", ["member"]),
        ("Alma Ekholm", "M", ["vice_chair", "member"]),
    ]


def test_a_word_after_a_surname_starts_a_new_name():
    assert split_names("Patrik Tallqvist Zorro Sjölund Anna Berg Lund") == [
        "Patrik Tallqvist", "Zorro Sjölund", "Anna Berg Lund"]


def test_strip_party_and_split_names():
    assert strip_party("Tora Vinterdal (C)") == ("Tora Vinterdal", "C")
    assert strip_party("Tora Vinterdal") == ("Tora Vinterdal", None)
    assert split_names("Agnes Lundkvist Bertil Sandström Cecilia Nordahl") == [
        "Agnes Lundkvist", "Bertil Sandström", "Cecilia Nordahl"]


def test_run_together_names_without_organisations():
    r = parse(head(attendance="Övriga närvarande\tAgnes Lundkvist Bertil Sandström Cecilia Nordahl\n") + ITEMS_TAIL)
    assert [(p["name"], p["roles"], p["organisation"]) for p in r["participants"]] == [
        ("Agnes Lundkvist", ["other"], None), ("Bertil Sandström", ["other"], None), ("Cecilia Nordahl", ["other"], None)]


def test_run_together_names_starting_with_a_given_name_not_in_the_lexicon():
    r = parse(head(attendance="Övriga närvarande\tZorana Lundkvist Bertil Sandström Cecilia Nordahl\n") + ITEMS_TAIL)
    assert [p["name"] for p in r["participants"]] == ["Zorana Lundkvist", "Bertil Sandström", "Cecilia Nordahl"]


def test_role_in_brackets_inside_a_run_of_names():
    r = parse(head(attendance=(
        "Beslutande\tAgnes Lundkvist Bertil Sandström (Ordförande) Cecilia Nordahl (1:e vice ordförande) Dan Ek\n"
    )) + ITEMS_TAIL)
    assert [(p["name"], p["roles"]) for p in r["participants"]] == [
        ("Agnes Lundkvist", ["member"]), ("Bertil Sandström", ["chair", "member"]),
        ("Cecilia Nordahl", ["vice_chair", "member"]), ("Dan Ek", ["member"])]


def test_a_column_of_job_titles_is_not_the_organisation():
    r = parse(head(attendance=(
        "Deltagare\nNamn\tOrganisation\tFunktion\nAgnes Lundkvist\tUmeå kommun\tSocialchef\n"
        "Bertil Sandström\tRegion Västerbotten\tHälso- och sjukvårdsdirektör, ordförande\n"
    )) + ITEMS_TAIL)
    assert [(p["name"], p["roles"], p["organisation"]) for p in r["participants"]] == [
        ("Agnes Lundkvist", ["member"], "Umeå kommun"), ("Bertil Sandström", ["chair", "member"], "Region Västerbotten")]


def test_a_role_column_in_the_attendance_table():
    r = parse(head(attendance=(
        "Närvarande\n\nNamn\tOrganisation\tRoll\nAgnes Lundkvist\tUmeå kommun\tordförande\n"
        "Bertil Sandström\tRegion Västerbotten\t\nCecilia Nordahl\tVännäs kommun\tsekreterare\n"
    )) + ITEMS_TAIL)
    assert [(p["name"], p["roles"], p["organisation"]) for p in r["participants"]] == [
        ("Agnes Lundkvist", ["chair", "member"], "Umeå kommun"),
        ("Bertil Sandström", ["member"], "Region Västerbotten"),
        ("Cecilia Nordahl", ["secretary", "member"], "Vännäs kommun")]


@pytest.mark.parametrize("attendance", [
    "Närvarande:\nAgnes Lundkvist – Umeå kommun\nBertil Sandström – Region Västerbotten (ordf.)\n",
    "Närvarande: Agnes Lundkvist, Umeå kommun; Bertil Sandström, Region Västerbotten, ordf.\n",
    "Deltagare\n- Agnes Lundkvist, Umeå kommun\n- Bertil Sandström, Region Västerbotten (ordförande)\n",
])
def test_one_person_per_line_or_semicolon_with_organisation(attendance):
    r = parse(head(attendance=attendance) + ITEMS_TAIL)
    assert [(p["name"], p["roles"], p["organisation"]) for p in r["participants"]] == [
        ("Agnes Lundkvist", ["member"], "Umeå kommun"), ("Bertil Sandström", ["chair", "member"], "Region Västerbotten")]


def test_run_together_name_cell_with_organisation_cell_2011_vasterbotten():
    r = parse(head("Datum: 2011-04-12", attendance=(
        "Närvarande\tAgnes Lundkvist Bertil Sandström Cecilia Nordahl\tSkellefteå kommun Landstinget Region Västerbotten\n"
    )) + ITEMS_TAIL)
    got = [(p["name"], p["organisation"], p["organisation_code"]) for p in r["participants"]]
    assert got == [
        ("Agnes Lundkvist", "Skellefteå kommun", "2482"),
        ("Bertil Sandström", "Västerbottens läns landsting", "24"),
        # in 2011 "Region Västerbotten" was the regional association, not the county council
        ("Cecilia Nordahl", "Region Västerbotten", None),
    ]
    assert r["county_code"] == "24"


@pytest.mark.parametrize("block", [
    "Ordförande\n\nAgnes Lundkvist\n\nSekreterare\n\nDavid Holmgren\n\nJusterare\n\nBertil Sandström\n",
    "Agnes Lundkvist\nOrdförande\n\nDavid Holmgren\nSekreterare\n\nBertil Sandström\nJusterare\n",
], ids=["label-before-name", "name-before-label"])
def test_signature_block(block):
    r = parse(head(attendance="Beslutande\tAgnes Lundkvist\tUmeå kommun\n\tBertil Sandström\tVännäs kommun\n\n" + block)
              + ITEMS_TAIL)
    p = people(r)
    assert p["Agnes Lundkvist"]["roles"] == ["chair", "member"]
    assert p["Bertil Sandström"]["roles"] == ["adjuster", "member"]
    assert p["David Holmgren"]["roles"] == ["secretary"]
    assert p["David Holmgren"]["organisation"] is None
    assert len(r["participants"]) == 3


def test_signature_label_with_name_in_next_cell():
    r = parse(head(attendance=(
        "Beslutande\tAgnes Lundkvist\tUmeå kommun\n\tBertil Sandström\tVännäs kommun\n\n"
        "Utses att justera\tBertil Sandström\n"
        "Sekreterare\tDavid Holmgren\n"
    )) + ITEMS_TAIL)
    p = people(r)
    assert p["Bertil Sandström"]["roles"] == ["adjuster", "member"]
    assert p["David Holmgren"]["roles"] == ["secretary"]


def test_absent_and_replaced_members_are_not_participants():
    r = parse(head(attendance=(
        "Beslutande\tAgnes Lundkvist, ordförande\tUmeå kommun\n"
        "\tBertil Sandström för Cecilia Nordahl\tVännäs kommun\n"
        "Frånvarande\tEmil Granqvist\tNordmalings kommun\n"
    )) + ITEMS_TAIL)
    assert list(people(r)) == ["Agnes Lundkvist", "Bertil Sandström"]
    assert people(r)["Bertil Sandström"]["roles"] == ["substitute"]
    absent = {a["name"]: a for a in r["absentees"]}
    assert list(absent) == ["Cecilia Nordahl", "Emil Granqvist"]
    assert absent["Cecilia Nordahl"]["replaced_by"] == "Bertil Sandström"
    assert absent["Emil Granqvist"]["replaced_by"] is None
    assert absent["Emil Granqvist"]["organisation"] == "Nordmalings kommun"


def test_substitute_for_someone_keeps_the_row_organisation():
    r = parse(head(attendance=(
        "Beslutande\tAgnes Lundkvist, ordförande\tUmeå kommun\n"
        "\tBertil Sandström för Cecilia Nordahl\tVännäs kommun\n"
    )) + ITEMS_TAIL)
    assert people(r)["Bertil Sandström"]["organisation"] == "Vännäs kommun"
    assert r["absentees"][0]["organisation"] == "Vännäs kommun"


def test_participant_spans_quote_their_row():
    text = head() + ITEMS_TAIL
    r = parse(text)
    for p in r["participants"]:
        assert p["name"] in p["span"]["quote"]
        assert text[p["span"]["start"] : p["span"]["end"]] == p["span"]["quote"]


# -- organisations ---------------------------------------------------------------------------

def test_resolve_organisation():
    assert resolve_organisation("Askersund").name == "Askersunds kommun"
    assert resolve_organisation("Landstinget", year=2011, county_code="24").name == "Västerbottens läns landsting"
    assert resolve_organisation("Region Västerbotten", year=2011) is None
    assert resolve_organisation("Regionförbundet") is None
    assert resolve_organisation("Landstinget") is None  # no county known


def test_landstinget_resolved_from_the_kommuner_county_and_year():
    r = parse(head("Datum: 2011-04-12", attendance=(
        "Beslutande\tAgnes Lundkvist, ordförande\tUmeå\n\tBertil Sandström\tLycksele\n"
        "\tCecilia Nordahl\tLandstinget\n\tEmil Granqvist\tRegion Västerbotten\n"
    )) + ITEMS_TAIL)
    orgs = [p["organisation"] for p in r["participants"]]
    assert orgs == ["Umeå kommun", "Lycksele kommun", "Västerbottens läns landsting", "Region Västerbotten"]


# -- items -----------------------------------------------------------------------------------

def test_section_headings_with_title_on_same_line():
    text = head() + "§ 4 Mötets öppnande\nText.\n\n§ 5 Budget 2025\nText.\n\n§ 6 Övrigt\nText.\n"
    r = parse(text)
    assert [(it["number"], it["title"]) for it in r["items"]] == [("4", "Mötets öppnande"), ("5", "Budget 2025"), ("6", "Övrigt")]
    for it in r["items"]:
        assert it["span"]["quote"].startswith("§ " + it["number"])


def test_bare_section_number_with_title_below_and_contents_numbers_win():
    toc = ("Innehållsförteckning\n\n§ 10\tMötets öppnande.....\t2\n§ 11\tBudget.....\t2\n"
           "§ 12\tRapport från nätverket.....\t3\n\n")
    body = ("§10\nMötets öppnande\nOrdföranden öppnade mötet.\n\n§ 10\nBudget\nText om budget.\n\n"
            "§13\nRapport från nätverket\nAgnes informerar om nätverket.\n")
    text = head(attendance="Beslutande\tAgnes Lundkvist, ordförande\tUmeå kommun\n") + toc + body
    r = parse(text)
    assert [(it["number"], it["title"]) for it in r["items"]] == [
        ("10", "Mötets öppnande"), ("11", "Budget"), ("12", "Rapport från nätverket")]
    # the items are the body sections, not the contents lines
    assert all("....." not in it["span"]["quote"] for it in r["items"])
    assert item(r, "12")["span"]["quote"].startswith("§13\nRapport")
    assert item(r, "12")["presenters"] == ["Agnes Lundkvist"]


def test_first_section_right_after_the_contents_is_an_item():
    toc = ("Innehållsförteckning\n\n§ 4\tMötets öppnande.....\t2\n§ 5\tBudget.....\t2\n"
           "§ 6\tÖvrigt.....\t3\n\n")
    body = "§ 4 Mötets öppnande\nOrdföranden öppnade mötet.\n\n§ 5 Budget\nText.\n\n§ 6 Övrigt\nText.\n"
    r = parse(head(attendance="Beslutande\tAgnes Lundkvist, ordförande\tUmeå kommun\n") + toc + body)
    assert [it["number"] for it in r["items"]] == ["4", "5", "6"]
    assert item(r, "4")["span"]["quote"].startswith("§ 4 Mötets öppnande\nOrdföranden")


@pytest.mark.parametrize("style", ["§ {n}", "§{n}", "{n} §", "Punkt {n}", "Ärende {n}", "{n}."])
def test_item_heading_styles(style):
    titles = ["Mötets öppnande", "Budget för 2025", "Rapport från arbetsgruppen"]
    body = "".join(f"{style.format(n=n)} {t}\nAgnes informerar. Gruppen godkände rapporten.\n\n" for n, t in enumerate(titles, 3))
    r = parse(head(attendance="Beslutande\tAgnes Lundkvist, ordförande\tUmeå kommun\n") + body)
    assert [(it["number"], it["title"], len(it["decisions"])) for it in r["items"]] == [
        ("3", titles[0], 1), ("4", titles[1], 1), ("5", titles[2], 1)]


def test_table_with_a_presenter_column_of_its_own():
    r = parse(head(attendance="Närvarande\tAgnes Lundkvist\tUmeå kommun\n\tBertil Sandström\tVännäs kommun\n") + (
        "§\tÄrende\tFöredragande\tBeslut\n1\tFöregående protokoll\tAgnes Lundkvist\tProtokollet läggs till handlingarna.\n"
        "2\tHemsjukvårdsavtalet\tBertil Sandström\tGruppen rekommenderar kommunerna att teckna avtalet.\n"
    ))
    assert [(it["number"], it["title"], it["presenters"]) for it in r["items"]] == [
        ("1", "Föregående protokoll", ["Agnes Lundkvist"]), ("2", "Hemsjukvårdsavtalet", ["Bertil Sandström"])]
    assert decisions(r, "2") == [("Gruppen rekommenderar kommunerna att teckna avtalet.", "recommendation")]


def test_numbered_sequence_layout():
    r = parse(head() + "1. Mötets öppnande\nOrdföranden öppnade mötet.\n\n2. Val av justerare\n"
              "Oskar Sjöholm utsågs till justerare.\n\n3. Rapporter\nText.\n\n4. Nästa möte\nI maj.\n")
    assert [(it["number"], it["title"]) for it in r["items"]] == [
        ("1", "Mötets öppnande"), ("2", "Val av justerare"), ("3", "Rapporter"), ("4", "Nästa möte")]
    assert decisions(r, "2") == [("Oskar Sjöholm utsågs till justerare.", "decision")]


def test_table_layout_with_lost_number_restored():
    text = head(attendance="Beslutande\tBertil Sandström\tUmeå kommun\n\tCecilia Nordahl\tVännäs kommun\n") + (
        "Nr\tÄrende\tNoteringar\tBeslut\n"
        "1\tMötets öppnande\tOrdföranden öppnade mötet.\tMötet öppnades.\n"
        "2\tBudget\tBertil Sandström föredrar.\tBudgeten godkänns.\n"
        "\tUppföljning\tCecilia Nordahl redovisar.\tInformationen noteras.\n"
        "4\tÖvrigt\tInga frågor.\t\n"
    )
    r = parse(text)
    assert [(it["number"], it["title"]) for it in r["items"]] == [
        ("1", "Mötets öppnande"), ("2", "Budget"), ("3", "Uppföljning"), ("4", "Övrigt")]
    assert item(r, "2")["presenters"] == ["Bertil Sandström"]
    assert item(r, "3")["presenters"] == ["Cecilia Nordahl"]
    assert decisions(r, "2") == [("Budgeten godkänns.", "decision")]
    assert decisions(r, "3") == [("Informationen noteras.", "noted")]
    assert decisions(r, "4") == []


# -- decisions -------------------------------------------------------------------------------

DEC_HEAD = ("Protokoll från Samverkansgruppen Älvdal (SGÄ)\n\nDatum: 2024-04-12\n\n"
            "Beslutande\tAgnes Lundkvist, ordförande\tUmeå kommun\n\tBertil Sandström\tVännäs kommun\n"
            "\tCecilia Nordahl\tRegion Västerbotten\n\n")


def test_body_decision_section_numbered_points_inherit_recommendation():
    r = parse(DEC_HEAD + (
        "§ 1 Gemensam riktlinje\nBertil föredrar ärendet.\n\n"
        "Förslag till beslut\nRiktlinjen godkänns.\n\n"
        "Samverkansgruppen Älvdals beslut\nSamverkansgruppen rekommenderar huvudmännen att:\n"
        "1. anta riktlinjen för hemsjukvård\n2. införa riktlinjen från den 1 juni\n\n"
        "§ 2 Övrigt\nInga frågor.\n"
    ))
    # "Förslag till beslut" is not a decision; one decision per numbered point
    assert decisions(r, "1") == [
        ("anta riktlinjen för hemsjukvård", "recommendation"),
        ("införa riktlinjen från den 1 juni", "recommendation"),
    ]
    assert item(r, "1")["presenters"] == ["Bertil Sandström"]


def test_a_group_heading_after_the_last_decision_is_not_a_decision():
    r = parse(DEC_HEAD + (
        "§ 1 Protokoll\n\nBeslut\n\nProtokollet läggs till handlingarna.\n\nInformationsärenden\n\n"
        "§ 2 Budget\n\nBeslut\n\nGodkänd\n"
    ))
    assert decisions(r, "1") == [("Protokollet läggs till handlingarna.", "noted")]
    # a short decision standing alone is kept
    assert [text for text, _ in decisions(r, "2")] == ["Godkänd"]


def test_attachments_under_a_heading_or_inline():
    r = parse(DEC_HEAD + (
        "§ 1 Plan\nText.\n\nBilaga: Projektplan 2024\n\nGruppen godkände planen.\n\n"
        "§ 2 Rutin\nText.\n\nBilaga\nRutin för samordnad planering\n\nBeslut\nRutinen godkänns.\n"
    ))
    assert item(r, "1")["attachments"] == ["Projektplan 2024"]
    assert item(r, "2")["attachments"] == ["Rutin för samordnad planering"]


def test_presenter_followed_by_organisation_in_commas():
    r = parse(DEC_HEAD + "§ 1 Översyn\nIngrid Holm, Regionförbundet, redogör för översynen.\n\n§ 2 Övrigt\nInga frågor.\n")
    assert item(r, "1")["presenters"] == ["Ingrid Holm"]


def test_decision_types_under_beslut():
    r = parse(DEC_HEAD + (
        "§ 1 Uppföljning\nCecilia Nordahl informerar om uppföljningen.\n\n"
        "Beslut\nCecilia Nordahl får i uppdrag att ta fram en plan.\n\n"
        "Informationen läggs till handlingarna.\n\nGruppen godkänner uppföljningen.\n\n"
        "Samverkansgruppen rekommenderar kommunerna att anta planen.\n\n"
        "Bakgrund\nDetta är ingen decision.\n\n"
        "§ 2 Övrigt\nInga frågor.\n"
    ))
    assert decisions(r, "1") == [
        ("Cecilia Nordahl får i uppdrag att ta fram en plan.", "assignment"),
        ("Informationen läggs till handlingarna.", "noted"),
        ("Gruppen godkänner uppföljningen.", "decision"),
        ("Samverkansgruppen rekommenderar kommunerna att anta planen.", "recommendation"),
    ]
    assert item(r, "1")["presenters"] == ["Cecilia Nordahl"]


def test_plain_sentences_own_decision_recorded_other_body_not():
    r = parse(DEC_HEAD + (
        "§ 1 Lägesrapport\nHolger Fjällström informerar om läget. Chefsgruppen beslutade i mars att avveckla "
        "projektet. Ledamöterna godkände revideringen.\n\n"
        "§ 2 Nästa möte\nNästa möte hålls i maj. Vi ska besluta om budgeten då.\n"
    ))
    assert decisions(r, "1") == [("Ledamöterna godkände revideringen.", "decision")]
    assert decisions(r, "2") == []
    # a presenter who is not in the attendance list is still a presenter, not a participant
    assert item(r, "1")["presenters"] == ["Holger Fjällström"]
    assert "Holger Fjällström" not in people(r)


def test_decisions_introduced_by_beslutar_foljande():
    r = parse(DEC_HEAD + (
        "§ 1 Rutin\nBertil föredrar ärendet.\n\nSamverkansgruppen Älvdal beslutar följande:\n\n"
        "Rutinen fastställs enligt förslaget.\n\nRutinen gäller från och med årsskiftet.\n\n"
        "§ 2 Budget\nSamverkansgruppen beslutar följande: Budgeten fastställs.\n"
    ))
    assert decisions(r, "1") == [("Rutinen fastställs enligt förslaget.", "decision"),
                                 ("Rutinen gäller från och med årsskiftet.", "decision")]
    assert decisions(r, "2") == [("Budgeten fastställs.", "decision")]


def test_tasks_given_now_recorded_tasks_given_earlier_not():
    r = parse(DEC_HEAD + (
        "§ 1 Handlingsplan\nKansliet får i uppdrag att ta fram en handlingsplan. "
        "Cecilia Nordahl återkommer med en redovisning av planen.\n\n"
        "§ 2 Verksamhetsplan\nBertil Sandström fick vid förra sammanträdet i uppdrag att ta fram en plan.\n"
    ))
    assert [t for _, t in decisions(r, "1")] == ["assignment", "assignment"]
    assert decisions(r, "2") == []


@pytest.mark.parametrize("sentence, expected", [
    ("Det beslutades att godkänna planen.", "decision"),
    ("Det noterades att rapporten inkommit.", "noted"),
    ("Beslut togs om att godkänna planen.", "decision"),
    ("Gruppen enades om att godkänna planen.", "decision"),
    ("Informationen tas till protokollet.", "noted"),
    ("Man beslutade att vänta.", None),
    ("Gruppen ska besluta om planen i maj.", None),
])
def test_plain_decision_phrasings(sentence, expected):
    r = parse(DEC_HEAD + f"§ 1 Plan\n{sentence}\n\n§ 2 Övrigt\nInga frågor.\n")
    assert decisions(r, "1") == ([(sentence, expected)] if expected else [])


@pytest.mark.parametrize("section, expected", [
    ("Arbetsutskottets förslag till beslut\nPlanen godkänns.", []),
    ("Förslag till beslut\nPlanen godkänns.\n\nBakgrund\nText.\n\nGruppen godkände planen.",
     [("Gruppen godkände planen.", "decision")]),
    ("Beslutades:\nAtt godkänna planen.", [("Att godkänna planen.", "decision")]),
    ("Beslut\nSamverkansgruppen beslutar\n- att godkänna planen\n- att ge kansliet i uppdrag att återrapportera",
     [("att godkänna planen", "decision"), ("att ge kansliet i uppdrag att återrapportera", "assignment")]),
])
def test_proposals_headings_and_att_bullets(section, expected):
    r = parse(DEC_HEAD + f"§ 1 Plan\n{section}\n\n§ 2 Övrigt\nInga frågor.\n")
    assert decisions(r, "1") == expected


def test_decision_section_ends_at_adjustment_line():
    r = parse(DEC_HEAD + "§ 1 Öppnande\nText.\n\n§ 2 Rapporter\nText.\n\nBeslut\nInformationen noteras.\n\n"
              "Justerat den: 2024-04-20\n")
    assert decisions(r, "2") == [("Informationen noteras.", "noted")]


def test_decision_spans_point_into_the_source():
    text = DEC_HEAD + "§ 1 Budget\nText.\n\nBeslut\nBudgeten godkänns.\n\n§ 2 Övrigt\nInga frågor.\n"
    r = parse(text)
    (d,) = item(r, "1")["decisions"]
    assert d["span"]["quote"] == "Budgeten godkänns."
    assert text[d["span"]["start"] : d["span"]["end"]] == d["span"]["quote"]


# -- presenters ------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("Bertil föredrar ärendet.", ["Bertil Sandström"]),
    ("Cecilia informerar om läget.", ["Cecilia Nordahl"]),
    ("Agnes Lundkvist redovisar resultatet.", ["Agnes Lundkvist"]),
    ("Bertil Sandström och Cecilia Nordahl går igenom planen.", ["Bertil Sandström", "Cecilia Nordahl"]),
    ("Agnes vill informera om kommande konferens.", []),
    ("I skrivelsen står ”Cecilia Nordahl redovisar resultatet för länet” vilket diskuterades.", []),
    ("Gruppen diskuterar läget.", []),
])
def test_presenters(sentence, expected):
    r = parse(DEC_HEAD + f"§ 1 Ärendet\n{sentence}\n\n§ 2 Övrigt\nInga frågor.\n")
    assert item(r, "1")["presenters"] == expected


# -- a municipal committee's protocol (nämnd): a layout none of the shared samples has --------

def test_committee_protocol_with_case_numbers_titles_and_serving_substitute():
    text = (Path(__file__).parent / "fixtures" / "namnd_socialnamnden.txt").read_text(encoding="utf-8")
    r = parse(text)
    assert (r["body"], r["date"], r["start"], r["end"]) == (
        {"name": "Socialnämnden", "acronym": None}, "2023-09-19", "13:00", "16:30")
    assert [(p["name"], p["roles"], p["party"], p["organisation"]) for p in r["participants"]] == [
        ("Anna-Karin Wester", ["chair", "member"], "S", None),
        ("Johan Ström", ["vice_chair", "adjuster", "member"], "M", None),
        ("Lisa Ek", ["member"], "C", None),
        ("Mats Holm", ["member"], "S", None),
        ("Gunilla Berg", ["substitute"], "KD", None),
        # job titles are not organisations
        ("Karin Sjö", ["other"], None, None),
        ("Olle Dahl", ["other"], None, None),
    ]
    assert [(a["name"], a["replaced_by"]) for a in r["absentees"]] == [("Per Nyberg", "Gunilla Berg")]
    # "§ 46  Dnr SN 2023/88" is a case number; the title is the line below
    assert [(it["number"], it["title"]) for it in r["items"]] == [
        ("45", "Godkännande av dagordning"),
        ("46", "Överenskommelse om samverkan kring personer med psykisk funktionsnedsättning"),
        ("47", "Delegationsbeslut"), ("48", "Meddelanden")]
    assert decisions(r, "46") == [("Socialnämnden godkänner överenskommelsen.", "decision"),
                                  ("Socialchefen får i uppdrag att återrapportera i mars 2024.", "assignment")]
    # Beslutsunderlag ends where "Expedieras till" begins
    assert item(r, "46")["attachments"] == ["Tjänsteskrivelse 2023-08-30", "Överenskommelse psykisk funktionsnedsättning"]
    assert item(r, "46")["presenters"] == ["Karin Sjö"]


def test_association_board_protocol_with_att_clauses():
    text = (Path(__file__).parent / "fixtures" / "samordningsforbund_styrelse.txt").read_text(encoding="utf-8")
    r = parse(text)
    assert r["body"]["name"] == "Styrelsen för Samordningsförbundet Västra Bergslagen"
    assert (r["date"], r["start"], r["end"], r["place"]) == ("2024-03-14", "09:00", "11:45", "Förbundets kansli, Ludvika")
    got = {p["name"]: (p["roles"], p["organisation"], p["organisation_code"]) for p in r["participants"]}
    assert got["Håkan Ling"] == (["vice_chair", "member"], "Region Dalarna", "20")
    assert got["Sten Malm"] == (["substitute"], "Ludvika kommun", "2085")
    assert got["Arvid Nord"] == (["member"], "Försäkringskassan", None)
    assert got["Maja Fors"] == (["other"], None, None)  # "förbundschef" is her title
    assert [a["name"] for a in r["absentees"]] == ["Eva Lund"] and "Eva Lund" not in got
    # "Styrelsen beslutar" on its own line, then one decision per att-clause
    assert decisions(r, "4") == [
        ("att godkänna verksamhetsplanen för 2025", "decision"),
        ("att överlämna budgeten till medlemmarna för samråd", "decision"),
        ("att uppdra åt förbundschefen att ta fram en kommunikationsplan.", "assignment"),
    ]
    assert item(r, "4")["presenters"] == ["Maja Fors"]
    assert decisions(r, "5") == [("Informationen noteras.", "noted")]


def test_attendance_paragraph_with_organisations_in_brackets():
    text = (Path(__file__).parent / "fixtures" / "kommunforbund_beredning.txt").read_text(encoding="utf-8")
    r = parse(text)
    assert [(p["name"], p["roles"], p["organisation"], p["organisation_code"]) for p in r["participants"]][:5] == [
        ("Anna Berg", ["member"], "Ale kommun", "1440"),
        ("Per Lund", ["member"], "Lerums kommun", "1441"),
        ("Eva Holm", ["member"], "Partille kommun", "1402"),
        ("Lars Ek", ["member"], "Västra Götalandsregionen", "14"),
        ("Karin Ahl", ["member"], "Göteborgs kommun", "1480"),
    ]
    # "Anmält förhinder" lists absentees, who are not participants
    assert [(a["name"], a["organisation_code"]) for a in r["absentees"]] == [("Olof Strand", "1481"), ("Siv Nygård", "1489")]
    assert r["county_code"] == "14"
    assert decisions(r, "2") == [("Beredningen beslutade att godkänna uppföljningen.", "decision")]
    assert item(r, "2")["presenters"] == ["Hanna Ros"]


def test_columns_laid_out_with_spaces_as_in_text_exported_from_pdf():
    text = (Path(__file__).parent / "fixtures" / "pdf_text_columns.txt").read_text(encoding="utf-8")
    r = parse(text)
    assert r["body"] == {"name": "Politisk samverkansberedning Skåne", "acronym": "PSB"}
    assert [(p["name"], p["roles"], p["organisation"], p["party"]) for p in r["participants"]] == [
        ("Anna Andersson", ["chair", "member"], "Region Skåne", None),
        ("Bo Bengtsson", ["adjuster", "member"], "Malmö kommun", None),  # adjuster: signature columns
        ("Cilla Carlsson", ["member"], "Lunds kommun", None),
        ("Dan Dahl", ["member"], "Region Skåne", "M"),
        ("Eva Ek", ["substitute"], "Ystads kommun", None),
        ("Filip Frisk", ["secretary", "other"], "Region Skåne", None),
    ]
    assert decisions(r, "2") == [
        ("Beredningen rekommenderar kommunerna och regionen att anta överenskommelsen.", "recommendation")]


def test_signatures_side_by_side_with_their_roles():
    text = (Path(__file__).parent / "fixtures" / "samordningsforbund_styrelse.txt").read_text(encoding="utf-8")
    roles = {p["name"]: p["roles"] for p in parse(text)["participants"]}
    assert (roles["Ulla Persson"], roles["Tove Granlund"], roles["Leo Ring"]) == (
        ["chair", "member"], ["adjuster", "member"], ["secretary", "other"])


def test_minutes_with_one_person_per_line_and_two_numbered_items():
    text = (Path(__file__).parent / "fixtures" / "minnesanteckningar_lansgrupp.txt").read_text(encoding="utf-8")
    r = parse(text)
    assert r["body"] == {"name": "Länsgruppen för äldrefrågor i Västerbotten", "acronym": None}
    assert [(p["name"], p["roles"], p["organisation_code"]) for p in r["participants"]] == [
        ("Anna Berg", ["member"], "2480"), ("Per Lund", ["chair", "member"], "24"),
        ("Lisa Holm", ["member"], "2482"), ("Olof Nygren", ["substitute"], "2404"),
        ("Mona Lilja", ["secretary", "member"], None)]
    assert sorted(a["name"] for a in r["absentees"]) == ["Kari Sund", "Tor Ek"]
    assert [(it["number"], it["title"]) for it in r["items"]] == [("1", "Föregående minnesanteckningar"), ("2", "Trygg hemgång")]
    assert decisions(r, "2") == [("Gruppen beslutade att följa upp frågan i december.", "decision")]


def test_committee_protocol_with_substitute_lists_and_headed_sections():
    text = (Path(__file__).parent / "fixtures" / "namnd_vard_och_omsorg.txt").read_text(encoding="utf-8")
    r = parse(text)
    assert r["body"] == {"name": "Vård- och omsorgsnämnden", "acronym": "VON"}
    assert [(p["name"], p["roles"], p["party"]) for p in r["participants"]] == [
        ("Anna Ek", ["chair", "member"], "S"), ("Bo Ström", ["vice_chair", "adjuster", "member"], "M"),
        ("Cilla Berg", ["member"], "L"), ("Carl Berg", ["substitute"], "C"), ("Eva Lind", ["substitute"], "S"),
        ("Fia Sjö", ["other"], None), ("Gun Dal", ["secretary", "other"], None)]
    assert [(a["name"], a["replaced_by"]) for a in r["absentees"]] == [("Dan Holm", "Carl Berg")]
    # the presenter's sentence stands right under its section heading
    assert item(r, "80")["presenters"] == ["Fia Sjö"]
    assert decisions(r, "80") == [("Nämnden antar planen för intern kontroll 2023.", "decision")]


def test_initials_are_every_character_a_case_insensitive_regex_can_start_with():
    every_character = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    for letter in "abcdefghijklmnopqrstuvwxyzåäöéü":
        matched = set(re.findall(re.escape(letter), every_character, re.IGNORECASE))
        assert initials([letter + "xyz"]) == matched, letter
        assert initials([letter.upper() + "xyz"]) == matched, letter


def test_furniture_keys_of_a_whole_text_are_each_lines_key():
    from samgraf.loaders.text import _furniture_keys, _physical_lines, furniture_key

    every_character = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    # what the whole-text lower-casing rests on: whitespace stays as it is and nothing turns into it
    for c in every_character:
        if c.isspace():
            assert c.lower() == c and ("Α" + c + "Σ").lower() == "α" + c + "σ" and ("ΑΣ" + c + "Β").lower() == "ας" + c + "β"
        else:
            assert c.lower() and not any(x.isspace() for x in c.lower()), hex(ord(c))
    import random

    rng = random.Random(7)
    pieces = ["ΑΣ", "Σ", "σ", "ς", "İ", "ı", "ſ", "K", "Å", "Abc", "x", "\u00ad", "'", ".", " ", "  ", "\t", "\f", "\n",
              "\xa0", "\u2003", "\u2028", "\x1c", "\x85", "\r", "\v"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert _furniture_keys(text) == [furniture_key(raw) for raw, _, _, _ in _physical_lines(text)], repr(text)


def test_stamp_patterns_start_only_with_the_characters_tested_first():
    from samgraf.loaders.text import _ANY_STAMP, _STAMP_FIRST

    for c in (chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF):
        assert bool(re.match(r"\s", c)) == c.isspace() and bool(re.match(r"\d", c)) == c.isdecimal(), hex(ord(c))
        may = c in _STAMP_FIRST or c.isdecimal() or c.isspace()
        assert may or not bool(re.match(r"[josup|\-–—=_\t:]", c, re.I)), hex(ord(c))
        if not may and ord(c) < 0x3000:
            assert not any(_ANY_STAMP.match(c + rest) for rest in ("", "1", " 1", "ida 1", "age 2 av 3", "ign", "-"))


def test_bodies_and_acronyms_in_one_pass_are_what_each_pattern_finds():
    import random

    from samgraf.loaders.mentions import _ACRONYM, BODY_PATTERN, _bodies_and_acronyms

    rng = random.Random(11)
    pieces = ["A", "SKL", "Å", "Ö", "R", "a", "ä", "ö", "é", "x", "-", "_", "1", " ", "\n", ".", ",", "gruppen", "rådet",
              "nämnden", "Gruppen", "styrelsen", "SamReKo", "Soc", "Sam", "EU", "ÅÄÖ", "-ABC", "Σ", "ß"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert _bodies_and_acronyms(text) == (
            [m.group(0) for m in BODY_PATTERN.finditer(text)], [m.group(0) for m in _ACRONYM.finditer(text)]), repr(text)


def test_words_after_sentence_ends_are_those_of_the_one_pattern():
    import random

    from samgraf.loaders.content import _words_after_sentence_ends

    _AFTER_SENTENCE_END = re.compile(r"[.!?]\s+(?=(\S+))")  # the one pattern the three replace

    rng = random.Random(5)
    pieces = [".", "!", "?", "..", "?!", " ", "  ", "\t", "\n", "\xa0", "\u2003", "Anna", "per", "x.", "(Eva", "Bo,", "3.5", "”"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        assert sorted(_words_after_sentence_ends(text)) == sorted(_AFTER_SENTENCE_END.findall(text)), repr(text)


def test_cleaning_characters_are_the_cleaning_pattern_s_class():
    from samgraf.loaders.text import _CLEANING_CHARACTERS, _NEEDS_CLEANING

    # the class as clean_inline() has always tested it
    written = re.compile(r"[<&\u00ad\u200b\ufeff\xa0*⁰¹²³⁴⁵⁶⁷⁸⁹\u2000-\u200a]")
    assert len(set(_CLEANING_CHARACTERS)) == len(_CLEANING_CHARACTERS)
    for c in (chr(c) for c in range(0x110000)):
        assert bool(_NEEDS_CLEANING.match(c)) == (c in _CLEANING_CHARACTERS), hex(ord(c))
        assert bool(written.match(c)) == (c in _CLEANING_CHARACTERS), hex(ord(c))


def test_title_similarity_matrix_is_the_scorer_of_each_pair():
    import random

    from rapidfuzz import fuzz

    from samgraf.loaders.items import title_similarities

    rng = random.Random(13)
    words = ["", " ", "budget", "Budget", "2024", "och", "plan", "planen", "å", "ÄR", "§", "-", "–", "x.", "\t", "Σ", "ß",
             "uppföljning", "av", "rapport", "rapporten", "ΑΣ", "\u00ad"]
    for _ in range(400):
        titles = [[" ".join(rng.choice(words) for _ in range(rng.randint(0, 6))) for _ in range(rng.randint(0, 5))]
                  for _ in range(2)]
        assert title_similarities(*titles) == [[fuzz.token_set_ratio(b, t) / 100 for t in titles[1]] for b in titles[0]]


def test_body_pattern_is_the_one_written_plainly():
    import random

    from samgraf.loaders.mentions import _BODY_OR_ACRONYM, _WORD_START, BODY_PATTERN

    plain_rest = (r"(?:[\wåäö\-]*(?:gruppen|rådet|arenan|nämnden|styrelsen|träffen|nätverket)|"
                  r"[A-ZÅÄÖ]{0,3}-[A-ZÅÄÖ]{2,5}|[a-zåäö]{1,4}(?:[A-ZÅÄÖ][a-zåäö]{1,4}){1,2})\b")
    plain = re.compile(rf"[A-ZÅÄÖ]{_WORD_START}{plain_rest}")
    plain_one_pass = re.compile(
        rf"[A-ZÅÄÖ]{_WORD_START}(?:(?=({plain_rest}))(?:(?=([A-ZÅÄÖ]{{1,5}}\b))|)|(?=([A-ZÅÄÖ]{{1,5}}\b)))")
    rng = random.Random(17)
    pieces = ["A", "S", "Å", "Ö", "Arbets", "gruppen", "grupp", "en", "rådet", "råd", "arenan", "nämnden", "styrelsen",
              "träffen", "nätverket", "Gruppen", "RÅDET", "-", "--", "_", "1", " ", ".", "a", "ä", "é", "ß", "Σ", "x",
              "SamReKo", "Soc", "Sam", "ab", "abcde", "EU", "-ABC", "LSG-", "\n", "\u0301"]
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert [m.span() for m in BODY_PATTERN.finditer(text)] == [m.span() for m in plain.finditer(text)], repr(text)
        assert [m.regs for m in _BODY_OR_ACRONYM.finditer(text)] == [m.regs for m in plain_one_pass.finditer(text)], repr(text)


def test_case_insensitive_patterns_with_word_starts_after_the_first_letter_are_the_written_ones():
    import random

    from samgraf.loaders import content, meeting
    from samgraf.loaders.text import CaseInsensitive, letter_first

    assert letter_first(r"\bab|x\bc\b|\b(?:d)|\bs?|\\bq") == r"a(?<!\w.)b|xc(?<!\w.)\b|\b(?:d)|\bs?|\\bq"
    rng = random.Random(19)
    for module in (content, meeting):
        for name, ci in vars(module).items():
            if not isinstance(ci, CaseInsensitive):
                continue
            written = re.compile(ci.pattern.pattern)
            words = re.findall(r"[a-zåäö]+", re.sub(r"\\.", " ", written.pattern))  # (not the b of \b)
            pieces = words + [w[:k] for w in words for k in (1, 2)] + [" ", "  ", ".", ",", "-", "_", "1", "x", "é", "\n", "\t"]
            for _ in range(4000):
                text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
                found, expected = ci._lower.search(text), written.search(text)
                assert (found and found.span()) == (expected and expected.span()), (name, text)


def test_compound_agreements_found_from_the_lower_cased_text_are_the_pattern_s():
    import random

    from samgraf.loaders.mentions import _AGREEMENT_COMPOUND_END, _compound_agreements, _compounds_ending

    rng = random.Random(23)
    pieces = ["hemsjukvårds", "HEMSJUKVÅRDS", "Hemsjukvårds", "samverkans", "SamVerkans", "avtal", "AVTAL", "avtalet",
              "överenskommelse", "Överenskommelsen", "n", "et", "hem", "sam", "verkans", "ſ", "İ", "ı", "K", "Å", "Σ",
              "hemſjukvårds", "ſamverkans", "hemsjuKvårds", "hemsjukvÅrds",
              "x", "1", "_", "-", " ", ".", "é", "ß"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        assert _compound_agreements(text, text.lower()) == _compounds_ending(_AGREEMENT_COMPOUND_END, text), repr(text)


def test_every_decision_intro_holds_the_decision_word_tested_first():
    import random

    from samgraf.loaders.content import _DECISION_WORD, BARE_INTRO, DECISION_INTRO

    rng = random.Random(29)
    pieces = ["Rådet", "styrelsen", " ", "  ", "beslutar", "BESLÖT", "Beslutade", "beſlutar", "enligt", "följande", ":", "att",
              ".", "x", "-", "1", "\n", "besl", "ut"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        if DECISION_INTRO.match(text) or BARE_INTRO.match(text):
            assert _DECISION_WORD.search(text), repr(text)


def test_sentence_openings_tried_once_per_word_find_what_trying_each_word_finds():
    import random

    from samgraf.loaders.content import (
        PersonIndex, _FIRST_WORD, _may_be_given_name, _may_hold_sentence_opening_with_given_name,
        _words_after_sentence_ends,
    )

    def each_word_tried(paragraph: str, index: PersonIndex) -> bool:  # as written before
        first = _FIRST_WORD.match(paragraph)
        if first is None:
            return False
        return any(_may_be_given_name(w, index) for w in [first.group(1)] + _words_after_sentence_ends(paragraph))

    rng = random.Random(31)
    pieces = ["Anna", "Bertil", "Zelda", "Berg", "Det", "det", "Arbetet", "(Eva", "Bo,", "Ulf-Erik", "ANNA", ".", "!", "?",
              " ", "  ", "\n", "\t", "x.", "3.5", "”"]
    for _ in range(200):
        index, fresh = PersonIndex(["Zelda Holm", "Per Lund"]), PersonIndex(["Zelda Holm", "Per Lund"])
        for _ in range(100):  # one index for many paragraphs, as for an item's paragraphs
            paragraph = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
            assert _may_hold_sentence_opening_with_given_name(paragraph, index) == each_word_tried(paragraph, fresh), repr(paragraph)


def test_toc_tails_hold_a_full_stop_an_ellipsis_or_a_tab():
    import random

    from samgraf.loaders.items import TOC_TAIL, _may_have_toc_tail

    rng = random.Random(37)
    pieces = [".", "..", "...", "…", "\t", " ", "  ", "\n", "\xa0", "1", "12", "123", "Budget", "x", "-", ":"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        if TOC_TAIL.search(text):
            assert _may_have_toc_tail(text), repr(text)


def test_date_patterns_with_look_behinds_after_the_first_digit_are_the_ones_written_plainly():
    import random

    from samgraf.loaders.meeting import _MONTH_RE, ISO_DATE, SLASH_DATE, SWEDISH_DATE

    plain = {
        ISO_DATE: re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)"),
        SWEDISH_DATE: re.compile(
            rf"(?<!\d)(\d{{1,2}})\s*(?:e|:e|:a)?\s+({_MONTH_RE})\.?(?:\s+((?:19|20)\d{{2}}))?(?!\w)", re.I),
        SLASH_DATE: re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:\s+|\s*-\s*)((?:19|20)\d{2})(?![\d/])"),
    }
    rng = random.Random(41)
    pieces = ["1", "2", "0", "9", "12", "19", "20", "2024", "-", "/", " ", "\n", ":e", "e", "maj", "Mars", "jan.", "x",
              "١", "²", "_", "é"]
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        for pattern, written in plain.items():
            assert [m.regs for m in pattern.finditer(text)] == [m.regs for m in written.finditer(text)], repr(text)


def test_every_file_name_holds_the_extension_tested_first():
    import random

    from samgraf.loaders.content import _FILE_EXTENSION, FILE_NAME

    rng = random.Random(43)
    pieces = ["Plan", " ", "\n", ".", ".pdf", ".PDF", ".docx", ".Doc", ".xlsx", ".xlſx", ".pptx", "x", "2012", "ſ", "İ", "K",
              "pdf", "doc"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        if FILE_NAME.search(text):
            assert _FILE_EXTENSION.search(text), repr(text)


def test_names_written_with_a_comma_between_as_the_regex_finds():
    import random

    from samgraf.loaders.attendance import _written_with_comma

    rng = random.Random(47)
    pieces = ["Anna", "Berg", "Bo", "A", "a", ",", " ", "  ", "\t", "\n", "\xa0", "\u2003", ".", "(", "-", "_", "ß", "İ"]
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        before = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 3)))
        after = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 3)))
        expected = re.search(re.escape(before) + r"\s*,\s*" + re.escape(after), text) is not None
        assert _written_with_comma(text, before, after) == expected, (text, before, after)


def test_first_name_position_is_where_the_regex_finds_it():
    import random

    from samgraf.loaders.extract import _first_name_position

    rng = random.Random(53)
    pieces = ["Anna", "Berg", "Bo", "A", "a", "-", " ", "\t", ",", "(", "_", "1", "²", "é", "ß", "İ", "."]
    for _ in range(30000):
        title = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        name = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 5)))
        if not name.split():
            continue
        first = name.split()[0].split("-")[0]
        m = re.search(rf"\b{re.escape(first)}", title)
        assert _first_name_position(title, name) == (m.start() if m else -1), (title, name)


def test_dates_with_a_year_hold_its_first_two_digits():
    import random

    from samgraf.loaders.meeting import find_dates

    rng = random.Random(59)
    pieces = ["1", "2", "0", "9", "12", "19", "20", "2024", "1987", "-", "/", " ", "\n", ":e", "e", "maj", "Mars", "x"]
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        if any(y is not None for _, y, _, _ in find_dates(text)):
            assert "19" in text or "20" in text, repr(text)


def test_text_hash_known_from_reading_is_the_texts_hash():
    import hashlib
    import random

    from samgraf.loaders.readers import read_bytes

    rng = random.Random(61)
    pieces = ["Protokoll", " ", "\n", "\r\n", "\r", "å", "a\u030a", "é", "e\u0301", "\ufeff", "\t", "\f", "x", "€", "\x85"]
    known = 0
    for _ in range(3000):
        text = "x" + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        encoding = rng.choice(["utf-8", "utf-8-sig", "cp1252", "utf-16"])
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            continue
        doc = read_bytes(data, "p.txt")
        if doc.text_sha256 is not None:
            known += 1
            assert doc.text_sha256 == hashlib.sha256(doc.text.encode("utf-8")).hexdigest() == doc.sha256, repr(text)
    assert known > 100


def test_parsed_record_hashes_and_provenance_as_before():
    import hashlib

    from samgraf.loaders import parse_text

    for text in ("Protokoll\r\nStyrelsen 2024-01-02\n", "Protokoll\nStyrelsen 2024-01-02\n", "Prote\u0301koll\n"):
        record = parse_text(text)
        doc_text = __import__("unicodedata").normalize("NFC", text.replace("\r\n", "\n"))
        assert record.text_sha256 == hashlib.sha256(doc_text.encode("utf-8")).hexdigest()
        assert record.source_sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()
        assert record.source_format == "txt"


def test_times_are_found_only_where_a_digit_stands():
    import random

    from samgraf.loaders.meeting import _DIGIT, TIME_RANGE, TIME_START

    rng = random.Random(73)
    pieces = ["kl", "Kl.", "klockan", " ", "1", "09", "13", ".", ":", "30", "-", "–", "till", "x", "²", "١", "tid"]
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        if TIME_RANGE.search(text) or TIME_START.search(text):
            assert _DIGIT.search(text), repr(text)
