"""Property: any non-blank text, protocol-like or not, gives a schema-valid record and never raises."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samgraf.errors import ReadError
from samgraf.loaders import parse_text, schema_errors
from samgraf.loaders.readers import read_bytes

FRAGMENTS = [
    "§ 1", "§ 12 Budget", "§§ 3-5", "§7\n", "1. Öppnande", "2) Val", "Beslut", "Beslut:", "Förslag till beslut",
    "Samverkansrådet Norrdals beslut", "Beslutande", "Beslutande\tGreta Lindqvist, ordförande\tUmeå kommun",
    "\tOskar Sjöholm § 4\tLandstinget", "Övriga deltagare", "Frånvarande\tIda Fransson", "Ersättare",
    "Bertil Sandström för Cecilia Nordahl", "Ordförande", "Sekreterare", "Justerare", "Utses att justera",
    "Justerandes sign", "Utdragsbestyrkande", "Tid och plats", "Plats: Folkets hus", "kl. 13.00 – 16.00",
    "Datum: 2024-03-05", "5 mars", "Justerat den: 2023-13-45", "Tora Vinterdal (C) (Ordförande) Sixten Bergkvist (S)",
    "Agnes föredrar ärendet.", "Ledamöterna godkände revideringen.", "Chefsgruppen beslutade",
    "rekommenderar huvudmännen att:", "Nr\tÄrende\tBeslut", "3\tBudget\tGodkänns.", "\t\t", "<p>stycke</p>",
    "<li>punkt", "</b>", "&amp;", "¹²³", "sam\u00adverkan", "\f", "\f\n", "Sida 1 av 3", "Innehållsförteckning",
    "§ 4\tÖppnande.....\t2", "(punkt 7)", "”citat med Agnes Lundkvist redovisar”", "Bilaga 1 (§ 2): Plan",
    "Beslutsunderlag", "- Plan.pdf", "Landstinget", "Region Västerbotten", "Askersund", "(SRN)", "\r\n", "  ",
]

protocol_like = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=40
).flatmap(lambda parts: st.sampled_from(["\n", "\n\n", "\t", " ", ""]).map(lambda sep: sep.join(parts)))

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(text: str) -> None:
    try:  # what the reader makes of it (a byte-order mark alone is no text either)
        source = read_bytes(text.encode("utf-8"), "prop.txt").text
    except ReadError:
        source = ""
    if not source.strip():
        # blank text is the one input refused, and refused with its reason
        with pytest.raises(ReadError, match="the file contains no text"):
            parse_text(text, "prop.txt")
        return
    record = parse_text(text, "prop.txt").model_dump(mode="json")
    assert schema_errors(record) == []
    assert record["source"] == "prop.txt"
    for obj in _with_spans(record):
        span = obj["span"]
        # spans index the reader's text (CRLF and NFC normalised)
        assert 0 <= span["start"] <= span["end"] <= len(source)
        assert source[span["start"] : span["end"]] == span["quote"]


def _with_spans(obj):
    if isinstance(obj, dict):
        if isinstance(obj.get("span"), dict):
            yield obj
        for v in obj.values():
            yield from _with_spans(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _with_spans(v)


@SETTINGS
@given(st.text(max_size=400))
def test_arbitrary_text_never_raises(text):
    _check(text)


@SETTINGS
@given(protocol_like)
def test_protocol_like_text_never_raises(text):
    _check(text)
