"""The loaders on the shared real protocols: gold scores, schema, spans, and PDF/DOCX versions.

Skipped when the shared folder (protocols, gold records, scorer) is not there.
"""
from __future__ import annotations

import copy
import importlib.util
from pathlib import Path

import pytest

from samgraf.loaders import parse_file, schema_errors
from samgraf.loaders.testing import text_to_docx, text_to_pdf

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PROTOCOLS = SHARED / "protocols"
GOLD = SHARED / "gold"
SCORER = SHARED / "tools" / "score_extraction.py"

pytestmark = pytest.mark.skipif(
    not (PROTOCOLS.is_dir() and GOLD.is_dir() and SCORER.is_file()),
    reason=f"shared protocols, gold records and scorer not found under {SHARED}",
)
TXT_PATHS = sorted(PROTOCOLS.glob("*.txt")) if PROTOCOLS.is_dir() else []
IDS = [p.stem for p in TXT_PATHS]


@pytest.fixture(scope="module")
def scorer():
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gold() -> dict[str, dict]:
    import json

    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))}


@pytest.fixture(scope="module")
def txt_records() -> dict[str, dict]:
    return {p.stem: parse_file(p).model_dump(mode="json") for p in TXT_PATHS}


def doc_score(scorer, gold_record: dict, record: dict) -> float:
    scores = scorer.Scores()
    scores.score(gold_record, record)
    return scorer.overall(scores.table())


def test_every_protocol_has_gold(gold):
    assert TXT_PATHS, "no protocols in the shared folder"
    assert set(IDS) <= set(gold)


@pytest.mark.parametrize("path", TXT_PATHS, ids=IDS)
def test_document_score_at_least_090(scorer, gold, txt_records, path):
    assert doc_score(scorer, gold[path.stem], txt_records[path.stem]) >= 0.90


def test_overall_score_at_least_095(scorer, gold, txt_records):
    total = scorer.Scores()
    for stem, record in txt_records.items():
        total.score(gold[stem], record)
    assert scorer.overall(total.table()) >= 0.95


def test_scorer_cli_agrees(tmp_path, txt_records):
    import json
    import subprocess
    import sys

    pred = tmp_path / "pred.json"
    pred.write_text(json.dumps(list(txt_records.values()), ensure_ascii=False), encoding="utf-8")
    out = subprocess.run([sys.executable, str(SCORER), "--gold", str(GOLD), "--pred", str(pred), "--json", "--min", "0.95"],
                         capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["overall"] >= 0.95
    assert all(d["found"] and d["overall"] >= 0.90 for d in result["documents"].values())


@pytest.mark.parametrize("path", TXT_PATHS, ids=IDS)
def test_record_is_schema_valid_and_spans_quote_source(txt_records, path):
    record = txt_records[path.stem]
    assert schema_errors(record) == []
    assert record["source"] == path.name
    assert record["source_format"] == "txt"
    source = path.read_text(encoding="utf-8")
    spans = list(_spans(record))
    assert spans, "a real protocol has spans"
    for span in spans:
        assert 0 <= span["start"] <= span["end"] <= len(source)
        assert source[span["start"] : span["end"]] == span["quote"]
    for p in record["participants"]:
        assert p["span"] is not None and p["name"].split()[-1] in p["span"]["quote"]
    for it in record["items"]:
        assert it["span"] is not None


def _spans(obj):
    if isinstance(obj, dict):
        if isinstance(obj.get("span"), dict):
            yield obj["span"]
        for v in obj.values():
            yield from _spans(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _spans(v)


def _without_provenance(record: dict) -> dict:
    record = copy.deepcopy(record)
    for key in ("source", "source_format", "source_sha256", "text_sha256"):
        record.pop(key, None)

    def drop(o):
        if isinstance(o, dict):
            o.pop("span", None)
            for v in o.values():
                drop(v)
        elif isinstance(o, list):
            for v in o:
                drop(v)

    drop(record)
    return record


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> dict[tuple[str, str], dict]:
    folder = tmp_path_factory.mktemp("formats")
    out = {}
    for path in TXT_PATHS:
        text = path.read_text(encoding="utf-8")
        for fmt, make in (("docx", text_to_docx), ("pdf", text_to_pdf)):
            target = folder / f"{path.stem}.{fmt}"
            target.write_bytes(make(text))
            out[(path.stem, fmt)] = parse_file(target).model_dump(mode="json")
    return out


@pytest.mark.parametrize("path", TXT_PATHS, ids=IDS)
def test_docx_gives_the_same_record_as_text(converted, txt_records, path):
    record = converted[(path.stem, "docx")]
    assert record["source"] == f"{path.stem}.docx"
    assert record["source_format"] == "docx"
    assert schema_errors(record) == []
    assert _without_provenance(record) == _without_provenance(txt_records[path.stem])


@pytest.mark.parametrize("path", TXT_PATHS, ids=IDS)
def test_pdf_gives_the_same_record_apart_from_decisions(converted, txt_records, scorer, gold, path):
    """PDF text can break a paragraph at a page break, which may split one decision in two
    (000: a § 51 recommendation). Everything else is identical; the score stays within 0.02."""
    record = converted[(path.stem, "pdf")]
    assert record["source_format"] == "pdf"
    assert schema_errors(record) == []
    pdf, txt = _without_provenance(record), _without_provenance(txt_records[path.stem])
    for it in pdf["items"] + txt["items"]:
        it.pop("decisions")
    assert pdf == txt
    pdf_numbers = [it["number"] for it in record["items"] if it["decisions"]]
    txt_numbers = [it["number"] for it in txt_records[path.stem]["items"] if it["decisions"]]
    assert pdf_numbers == txt_numbers
    assert abs(doc_score(scorer, gold[path.stem], record) - doc_score(scorer, gold[path.stem], txt_records[path.stem])) <= 0.02


def test_pdf_records_mostly_identical(converted, txt_records):
    same = [stem for stem in IDS
            if _without_provenance(converted[(stem, "pdf")]) == _without_provenance(txt_records[stem])]
    assert len(same) >= len(IDS) - 1
