"""`samgraf parse` and `samgraf lint`: output, error lines on stderr, exit codes."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from samgraf.cli import cli
from samgraf.loaders import schema_errors
from samgraf.loaders.testing import text_to_docx

GOOD = (
    "Protokoll från Samverkansrådet Norrdal (SRN)\n\n"
    "Datum: 2024-03-05\nTid: kl. 13.00 – 16.00\nPlats: Kommunhuset\n\n"
    "Beslutande\tGreta Lindqvist, ordförande\tUmeå kommun\n\tOskar Sjöholm\tVännäs kommun\n\n"
    "§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n\n"
    "§ 2 Budget\nOskar föredrar budgeten.\n\nBeslut\nBudgeten godkänns.\n"
)
NO_DATE = GOOD.replace("Datum: 2024-03-05\n", "")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b_good.docx").write_bytes(text_to_docx(GOOD))
    (tmp_path / "c_empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "d_corrupt.pdf").write_bytes(b"this is no pdf")
    (tmp_path / "notes.csv").write_text("ignored", encoding="utf-8")
    return tmp_path


def test_parse_good_file_json(runner, tmp_path):
    path = tmp_path / "norrdal.txt"
    path.write_text(GOOD, encoding="utf-8")
    result = runner.invoke(cli, ["parse", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    records = json.loads(result.stdout)
    assert isinstance(records, list) and len(records) == 1
    record = records[0]
    assert schema_errors(record) == []
    assert record["source"] == "norrdal.txt"
    assert record["body"] == {"name": "Samverkansrådet Norrdal", "acronym": "SRN"}
    assert (record["date"], record["start"], record["end"]) == ("2024-03-05", "13:00", "16:00")
    assert [it["number"] for it in record["items"]] == ["1", "2"]
    assert record["items"][1]["presenters"] == ["Oskar Sjöholm"]
    assert record["items"][1]["decisions"][0]["span"]["quote"] == "Budgeten godkänns."


def test_parse_jsonl_no_spans(runner, tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD.replace("2024-03-05", "2024-04-09"), encoding="utf-8")
    result = runner.invoke(cli, ["parse", "--format", "jsonl", "--no-spans", str(tmp_path)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    assert [r["source"] for r in records] == ["a.txt", "b.txt"]
    assert [r["date"] for r in records] == ["2024-03-05", "2024-04-09"]
    assert '"span"' not in result.stdout
    assert all(schema_errors(r) == [] for r in records)


def test_parse_folder_with_broken_files(runner, folder):
    result = runner.invoke(cli, ["parse", str(folder)])
    assert result.exit_code == 1
    records = json.loads(result.stdout)
    assert [r["source"] for r in records] == ["a_good.txt", "b_good.docx"]
    assert [r["source_format"] for r in records] == ["txt", "docx"]
    assert result.stderr.splitlines() == [
        # parse names a file by its name (the record's "source"); lint by its path
        "error: c_empty.txt: the file contains no text",
        "error: d_corrupt.pdf: not a PDF file (no %PDF header)",
        "2 of 4 files failed",
    ]


def test_parse_folder_with_broken_files_jsonl(runner, folder):
    result = runner.invoke(cli, ["parse", "--format", "jsonl", str(folder)])
    assert result.exit_code == 1
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == ["a_good.txt", "b_good.docx"]
    assert result.stderr.splitlines()[-1] == "2 of the files failed"


def test_parse_missing_path(runner, tmp_path):
    missing = tmp_path / "saknas.txt"
    result = runner.invoke(cli, ["parse", str(missing)])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []
    assert result.stderr.splitlines() == [f"error: {missing}: no such file", "1 of 1 files failed"]


def test_parse_folder_without_protocols(runner, tmp_path):
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(GOOD, encoding="utf-8")
    result = runner.invoke(cli, ["parse", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"Error: no protocol files found in {tmp_path}\n"


def test_parse_without_paths_is_a_usage_error(runner):
    result = runner.invoke(cli, ["parse"])
    assert result.exit_code == 2
    assert "Missing argument 'PATHS...'" in result.stderr


def test_parse_bad_format_is_a_usage_error(runner, tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = runner.invoke(cli, ["parse", "--format", "xml", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stdout == ""


def test_parse_prints_record_warnings(runner, tmp_path):
    path = tmp_path / "utan_datum.txt"
    path.write_text(NO_DATE, encoding="utf-8")
    result = runner.invoke(cli, ["parse", str(path)])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == ["warning: utan_datum.txt: no meeting date found"]
    assert json.loads(result.stdout)[0]["date"] is None


def test_lint_clean_file(runner, tmp_path):
    path = tmp_path / "norrdal.txt"
    path.write_text(GOOD, encoding="utf-8")
    result = runner.invoke(cli, ["lint", str(path)])
    assert result.exit_code == 0
    assert result.stdout == "0 problem(s)\n"


def test_lint_reports_every_problem_with_its_file(runner, folder):
    (folder / "e_no_date.txt").write_text(NO_DATE, encoding="utf-8")
    result = runner.invoke(cli, ["lint", str(folder)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{folder / 'c_empty.txt'}: error: the file contains no text",
        f"{folder / 'd_corrupt.pdf'}: error: not a PDF file (no %PDF header)",
        f"{folder / 'e_no_date.txt'}: warning: no meeting date found",
        "3 problem(s)",
    ]
