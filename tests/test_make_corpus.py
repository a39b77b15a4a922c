"""benchmarks/make_corpus.py: reproducible synthetic protocols with gold records."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from samgraf.loaders.model import schema_errors

ROOT = Path(__file__).resolve().parents[1]
N = 40


def _generate(out: Path, seed: str = "42", n: int = N, gold: bool = True, jobs: int = 1) -> Path:
    cmd = [sys.executable, "benchmarks/make_corpus.py", "--protocols", str(n), "--seed", seed,
           "--out", str(out), "--jobs", str(jobs)]
    if gold:
        cmd.append("--gold")
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, timeout=120)
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return _generate(tmp_path_factory.mktemp("corpus"))


def _files(d: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(d.iterdir())}


def _records(d: Path):
    for p in sorted(d.glob("*.json")):
        yield p, json.loads(p.read_text(encoding="utf-8"))


def _layout(text: str) -> str:
    if "Innehållsförteckning" in text:
        return "A"
    if "Närvarande ledamöter:" in text:
        return "B"
    if "ÄRENDELISTA" in text:
        return "C"
    if "Nr\tÄrende/Föredragande\tNoteringar\tBeslut/Konsensus" in text:
        return "D"
    return "?"


def test_requested_count_and_names(corpus):
    txt = sorted(corpus.glob("*.txt"))
    assert len(txt) == N
    assert len(list(corpus.glob("*.json"))) == N
    for p in txt:
        assert re.fullmatch(r"\d{2}_[a-z0-9-]+_\d{4}-\d{2}-\d{2}_\d+\.txt", p.name), p.name
        assert p.with_suffix(".json").exists()


def test_deterministic(corpus, tmp_path):
    again = _generate(tmp_path / "again")
    assert _files(again) == _files(corpus)


def test_jobs_do_not_change_bytes(tmp_path):
    one = _generate(tmp_path / "one", seed="7", n=120, gold=False, jobs=1)
    two = _generate(tmp_path / "two", seed="7", n=120, gold=False, jobs=2)
    assert _files(one) == _files(two)


def test_other_seed_differs(corpus, tmp_path):
    other = _generate(tmp_path / "other", seed="43", gold=False)
    assert {n: b for n, b in _files(corpus).items() if n.endswith(".txt")} != _files(other)


def test_each_layout_produced(corpus):
    layouts = {_layout(p.read_text(encoding="utf-8")) for p in corpus.glob("*.txt")}
    assert layouts == {"A", "B", "C", "D"}


def test_sizes_like_the_samples(corpus):
    sizes = [p.stat().st_size for p in corpus.glob("*.txt")]
    assert min(sizes) > 5_000 and max(sizes) < 60_000
    assert sum(10_000 <= s <= 40_000 for s in sizes) >= 0.7 * len(sizes)


def test_gold_records_validate(corpus):
    for p, rec in _records(corpus):
        assert schema_errors(rec) == [], p.name
        assert rec["source"] == p.with_suffix(".txt").name
        assert 5 <= len(rec["items"]) <= 21


def test_gold_is_what_the_text_says(corpus):
    """Names, titles, decisions, attachments and mentions of the record occur in the text."""
    for p, rec in _records(corpus):
        text = re.sub(r"\s+", " ", p.with_suffix(".txt").read_text(encoding="utf-8"))
        for part in rec["participants"]:
            assert part["name"] in text, (p.name, part["name"])
        for it in rec["items"]:
            assert it["title"] in text
            for d in it["decisions"]:
                assert re.sub(r"\s+", " ", d["text"]) in text, (p.name, d["text"])
            for x in it["presenters"] + it["attachments"] + sum(it["mentions"].values(), []):
                assert x in text, (p.name, x)


def test_all_decision_types_and_restrictions(corpus):
    types, restricted = set(), 0
    for _, rec in _records(corpus):
        types |= {d["type"] for it in rec["items"] for d in it["decisions"]}
        restricted += sum(1 for part in rec["participants"] if part["items"])
    assert types == {"decision", "recommendation", "assignment", "noted"}
    assert restricted > 0


def test_namesakes_across_counties(corpus):
    counties = defaultdict(set)
    for p, rec in _records(corpus):
        for part in rec["participants"]:
            counties[part["name"]].add(p.name[:2])
    assert any(len(c) > 1 for c in counties.values())
