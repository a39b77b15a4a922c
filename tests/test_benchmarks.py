"""benchmarks/run.py at a tiny size: every section is printed with numbers (no timing assertions)."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from samgraf.graph.api import query_names

ROOT = Path(__file__).resolve().parents[1]
NUMBER = r"\d[\d,]*(?:\.\d+)?"


def rows_after(text: str, heading: str) -> list[list[str]]:
    """The body rows of the first Markdown table after ``heading``, as lists of cells."""
    lines = text.split(heading, 1)[1].splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("|"))
    table = []
    for line in lines[first + 2:]:
        if not line.startswith("|"):
            break
        table.append([cell.strip() for cell in line.strip("|").split("|")])
    return table


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("bench")
    markdown = workdir / "tables.md"
    proc = subprocess.run(
        [sys.executable, "benchmarks/run.py", "--sizes", "8", "--seed", "t", "--workdir", str(workdir), "--repeat", "1",
         "--render-sizes", "150", "--query-timeout", "20", "--load-batch", "3", "--markdown", str(markdown)],
        cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert markdown.read_text(encoding="utf-8").strip() == proc.stdout.strip()
    return proc.stdout, workdir


def test_every_section_has_its_table(output):
    text, _ = output
    for heading in ("## samgraf benchmark", "### Parse", "### Load into the embedded store", "### End to end",
                    "### Query library on the embedded store", "### Baseline at 8", "### Render", "### Targets"):
        assert heading in text, heading
    assert "| corpus | mode | parsed | MB | seconds | protocols/s | per core | MB/s | peak RSS MB | failed |" in text
    assert "| corpus | records loaded | failed | quads | seconds | triples/s | protocols/s | compact s | store on disk MB | peak RSS MB |" in text
    assert re.search(r"Python 3\.\d+.*pyoxigraph \d.*rdflib \d", text)


def test_numbers_are_present(output):
    text, workdir = output
    parse = rows_after(text, "### Parse")
    assert [r[1] for r in parse][0] == "one core" and parse[1][1].startswith("all cores")
    for row in parse:
        assert row[2] == "8" and re.fullmatch(NUMBER, row[5]) and re.fullmatch(NUMBER, row[7]) and re.fullmatch(NUMBER, row[8])
    load = rows_after(text, "### Load into the embedded store")
    assert len(load) == 1 and int(load[0][3].replace(",", "")) > 0 and re.fullmatch(NUMBER, load[0][5])
    assert re.fullmatch(NUMBER, load[0][7])
    queries = {r[0].strip("`"): r[1] for r in rows_after(text, "### Query library on the embedded store")}
    asked = {name for name in queries if not name.endswith("`, whole corpus")}
    assert asked == set(query_names())
    whole = {name.split("`")[0] for name in set(queries) - asked}
    assert whole and whole < set(query_names()) and "members_at_date" not in whole
    assert all(re.match(NUMBER + r" \(" + NUMBER + " rows", cell) for cell in queries.values()), queries
    assert re.search(r"The view graph of the same body's year read from the store .*: 8: " + NUMBER + r" ms \("
                     + NUMBER + r" nodes\)", text)
    baseline = rows_after(text, "### Baseline at 8")
    assert baseline[0][0].startswith("write") and all(re.fullmatch(NUMBER, c) for c in baseline[0][1:4])
    assert re.fullmatch(NUMBER + "×", baseline[0][4])
    assert re.fullmatch(r"load the N-Quads whole \(" + NUMBER + r" MB, one part; s\)", baseline[1][0])  # small: one part
    assert all(re.fullmatch(NUMBER, c) for c in baseline[1][1:4])
    assert re.fullmatch(NUMBER + "×", baseline[1][4]) and re.fullmatch(NUMBER + "×", baseline[1][5])
    assert {r[0].split("`")[1] for r in baseline[2:]} == set(query_names())
    render = rows_after(text, "### Render")
    assert render and int(render[0][0].replace(",", "")) >= 150 and re.fullmatch(NUMBER, render[0][7])
    raw = json.loads(max(workdir.glob("results-*.json")).read_text(encoding="utf-8"))
    load = raw["by_size"]["8"]["load"]
    assert load["quads"] > 0 and load["compact_seconds"] > 0
    assert load["batch"] == 3 and load["loaded"] == 8 and load["graphs"] == 8 and load["failed"] == 0
    assert raw["by_size"]["8"]["baseline"]["bulk"]["oxigraph_compact"] > 0  # queried as samgraf load leaves a store
    disk = {name: entry["oxigraph_disk"] for name, entry in raw["by_size"]["8"]["baseline"]["queries"].items()}
    assert set(disk) == set(query_names()) and all(d["median"] > 0 for d in disk.values()), disk  # its own process
    memory = {name: entry["oxigraph_memory"] for name, entry in raw["by_size"]["8"]["baseline"]["queries"].items()}
    assert set(memory) == set(query_names()) and all(m["median"] > 0 for m in memory.values()), memory
    assert not list(workdir.glob("*.nq"))  # the in-memory queries' N-Quads file is removed
    assert "The queries read the store on disk as `samgraf load` leaves it" in text


def test_load_phase_batches_as_samgraf_load_does():
    import importlib.util

    from samgraf.graph.api import DEFAULT_BATCH

    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
    run = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(run)
    assert run.DEFAULT_BATCH == DEFAULT_BATCH
