"""Agenda items: where each item starts, its number and title, in three families of layout.

- section headings: ``§ 44 Title``, ``§44`` alone on a line with the title below, ``Ärende 4``;
- numbered headings: ``1. Title`` forming the protocol's longest consecutive sequence;
- table rows: ``Nr | Ärende | Noteringar | Beslut`` with one row (or more) per item.

A table of contents (dot leaders, page numbers, ``- §27 …`` lists, runs of headings with no
text between them) is not the body; where both exist, body headings are aligned to it by
title and take its numbers. A number lost from the text is restored from the sequence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

from samgraf.loaders.text import Line, html_paragraphs, initials

SECTION_HEADING = re.compile(
    r"^(?P<lead>(?:[\d⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}\s+)?)(?P<dash>[-•–]\s*)?§\s*(?P<num>\d{1,3})(?![\d-])\s*[.:]?\s*(?P<title>.*)$"
)
NUMBER_FIRST_HEADING = re.compile(r"^(?P<num>\d{1,3})\s?§(?!\s*\d)\s*[.:]?\s*(?P<title>.*)$")  # "12 § Budget"
_HEADING_WORDS = ("ärende", "punkt", "paragraf")
WORD_HEADING = re.compile(rf"^(?:{'|'.join(_HEADING_WORDS)})\s+(?P<num>\d{{1,3}})\s*[.:)\-–]?\s*(?P<title>.*)$", re.I)
_WORD_HEADING_FIRST = initials(_HEADING_WORDS)
NUMBERED_HEADING = re.compile(r"^(?P<num>\d{1,3})\s*[.)]\s+(?P<title>[A-ZÅÄÖÉ\"”«].{0,140})$")
TOC_TAIL = re.compile(r"(?:\.{3,}|…+|\s\.\s\.)\s*\t?\s*\d{0,3}\s*$|\t\s*\d{1,3}\s*$")
CASE_NUMBER = re.compile(r"^(?:dnr|diarienr|diarienummer|ärendenr|ärendenummer)\b\.?:?\s*\S", re.I)
TOC_HEADINGS = re.compile(r"^(?:innehållsförteckning|innehåll|ärendelista|ärendeförteckning|dagordning|föredragningslista|ärenden)\s*:?$", re.I)
_DOT_LEADER_REST = re.compile(r"\.{2,}.*$")
_SPACE_RUN = re.compile(r"\s+")
_LOWER_TITLE_OK = re.compile(r"^[a-zåäö]{1,3}\d")  # "§ 5 a1 …"
_NOT_A_TITLE = re.compile(r"^(?:och|samt|,|-|–|\d)")
_DOTS = re.compile(r"\.{4,}")
_PRESENTER_COLUMN = re.compile(r"föredragande|ansvarig|presentatör")
_NUMBER_CELL = re.compile(r"\s*§?\s*\d{1,3}\s*\.?\s*")
_NOT_DIGIT = re.compile(r"\D")
_BILAGA_START = re.compile(r"^bilag", re.I)
HEADER_ROW_WORDS = re.compile(r"\b(?:nr|ärende|punkt|§|beslut|noteringar|föredragande|paragraf)\b", re.I)


@dataclass
class RawItem:
    number: str
    title: str
    heading: Line
    body: list[Line] = field(default_factory=list)
    restored: bool = False
    # table layout: paragraphs per column role ("title", "notes", "decision")
    columns: dict[str, list[str]] = field(default_factory=dict)
    column_lines: dict[str, list[Line]] = field(default_factory=dict)


@dataclass
class Layout:
    kind: str  # "section", "numbered", "table" or "none"
    items: list[RawItem]
    head_end: int  # index of the first line that is not the protocol head
    tail_start: int | None = None  # first line after the last item (table layouts)
    toc: list[tuple[str, str]] = field(default_factory=list)


def _may_have_toc_tail(text: str) -> bool:
    """Whether TOC_TAIL may match: every match holds a full stop, an ellipsis or a tab."""
    return "." in text or "…" in text or "\t" in text


def clean_title(title: str) -> str:
    t = TOC_TAIL.sub("", title) if _may_have_toc_tail(title) else title
    t = _DOT_LEADER_REST.sub("", t)
    t = _SPACE_RUN.sub(" ", t.replace("\t", " ")).strip()
    t = t.rstrip(" .,:;")
    return t.strip()


def _section_candidates(lines: list[Line]) -> list[dict]:
    out = []
    for i, ln in enumerate(lines):
        t = ln.stripped
        if not t or t.startswith("§§"):
            continue
        if "§" in t:
            m = SECTION_HEADING.match(t) or WORD_HEADING.match(t) or NUMBER_FIRST_HEADING.match(t)
        elif t[0] in _WORD_HEADING_FIRST:  # the others need a §
            m = WORD_HEADING.match(t)
        else:
            continue
        if not m:
            continue
        title = m.group("title") or ""
        if title and title[0].islower() and not _LOWER_TITLE_OK.match(title):
            continue  # "§ 5 i lagen" inside running text
        if _NOT_A_TITLE.match(title):
            continue
        toc = bool(m.groupdict().get("dash")) or "\t" in ln.text and bool(TOC_TAIL.search(ln.text)) or bool(_DOTS.search(t))
        out.append({"i": i, "num": m.group("num"), "title": title, "toc": toc})
    return out


def _mark_toc_runs(cands: list[dict], lines: list[Line]) -> None:
    """Headings standing one after another with nothing but blank lines between: a contents list."""
    run: list[dict] = []

    def close():
        if len(run) >= 3:
            for c in run:
                c["toc"] = True

    for c in cands:
        # A heading continues the run unless it is written differently (a contents entry with
        # dot leaders or a page number before a plain heading) or its number starts over.
        if (run and _only_blank_between(lines, run[-1]["i"], c["i"]) and run[-1]["title"] and c["title"]
                and run[-1]["toc"] == c["toc"] and int(c["num"]) > int(run[-1]["num"])):
            run.append(c)
        else:
            close()
            run[:] = [c]
    close()


def _only_blank_between(lines: list[Line], a: int, b: int) -> bool:
    return all(lines[k].blank for k in range(a + 1, b))


def _title_after(lines: list[Line], i: int, limit: int) -> tuple[str, int]:
    """Title on the next non-blank line after a bare ``§ N`` heading."""
    j = i + 1
    while j < limit and lines[j].blank:
        j += 1
    if j < limit and len(lines[j].stripped) <= 200:
        return lines[j].stripped, j
    return "", i


def title_similarities(body_titles: list[str], toc_titles: list[str]) -> list[list[float]]:
    """``fuzz.token_set_ratio(b, t) / 100`` of each body title and contents title, as rows of
    floats: rapidfuzz's matrix (in float64, the scorer's own result) is one call, not one per pair."""
    if not body_titles or not toc_titles:
        return [[] for _ in body_titles]
    scores = process.cdist(body_titles, toc_titles, scorer=fuzz.token_set_ratio, dtype=np.float64)
    return (scores / 100).tolist()


def _align(body: list[dict], toc: list[dict]) -> dict[int, int]:
    """Monotone alignment of body headings to contents entries by title similarity."""
    n, m = len(body), len(toc)
    body_titles = [c["title"].lower() for c in body]
    toc_titles = [c["title"].lower() for c in toc]
    sims = title_similarities(body_titles, toc_titles)
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    back = [[0] * (m + 1) for _ in range(n + 1)]
    toc_nums = [c["num"] for c in toc]
    for a in range(1, n + 1):
        above, row, moves, row_sims, num = score[a - 1], score[a], back[a], sims[a - 1], body[a - 1]["num"]
        for b in range(1, m + 1):
            sim = row_sims[b - 1]
            num_bonus = 0.3 if num == toc_nums[b - 1] else 0.0
            diag = above[b - 1] + (sim + num_bonus if sim >= 0.45 or num_bonus else -1)
            # the best of (diag, 0), (up, 1), (left, 2) as max() of the tuples: a tie goes to the later move
            best, move = diag, 0
            if above[b] >= best:
                best, move = above[b], 1
            if row[b - 1] >= best:
                best, move = row[b - 1], 2
            row[b], moves[b] = best, move
    pairs: dict[int, int] = {}
    a, b = n, m
    while a > 0 and b > 0:
        move = back[a][b]
        if move == 0:
            sim = sims[a - 1][b - 1]
            if sim >= 0.45 or body[a - 1]["num"] == toc[b - 1]["num"]:
                pairs[a - 1] = b - 1
            a, b = a - 1, b - 1
        elif move == 1:
            a -= 1
        else:
            b -= 1
    return pairs


def _section_layout(lines: list[Line], cands: list[dict]) -> Layout | None:
    _mark_toc_runs(cands, lines)
    body = [c for c in cands if not c["toc"]]
    toc = [c for c in cands if c["toc"]]
    if len(body) < 2 and not (len(body) == 1 and not toc):
        return None
    for c in body:
        if not c["title"] or CASE_NUMBER.match(c["title"]):
            # "§ 46   Dnr SN 2023/88" with the title on a line of its own below
            title, title_line = _title_after(lines, c["i"], len(lines))
            if title and not CASE_NUMBER.match(title):
                c["title"], c["title_line"] = title, title_line
    for c in toc:
        c["title"] = clean_title(c["title"])
    if toc:
        pairs = _align(body, toc)
        for bi, ti in pairs.items():
            body[bi]["num"] = toc[ti]["num"]
    _restore_sequence(body)
    items: list[RawItem] = []
    for k, c in enumerate(body):
        start = c.get("title_line", c["i"]) + 1
        end = body[k + 1]["i"] if k + 1 < len(body) else len(lines)
        items.append(RawItem(str(int(c["num"])), clean_title(c["title"]), lines[c["i"]], lines[start:end],
                             restored=c.get("restored", False)))
    if toc:
        # Items listed in the contents but without a heading in the body keep their place.
        have = {it.number for it in items}
        for c in toc:
            num = str(int(c["num"]))
            if num not in have and items and int(items[0].number) <= int(num) <= int(items[-1].number):
                pos = next((k for k, it in enumerate(items) if int(it.number) > int(num)), len(items))
                items.insert(pos, RawItem(num, c["title"], lines[c["i"]], [], restored=True))
                have.add(num)
    head_end = min(c["i"] for c in body)
    return Layout("section", items, head_end, toc=[(str(int(c["num"])), c["title"]) for c in toc])


def _restore_sequence(body: list[dict]) -> None:
    """A number that breaks the sequence (repeated or lower) follows its predecessor."""
    prev = None
    for c in body:
        n = int(c["num"])
        if prev is not None and n <= prev and n != prev + 1:
            c["num"], c["restored"] = str(prev + 1), True
            n = prev + 1
        prev = n


def _numbered_layout(lines: list[Line]) -> Layout | None:
    cands = []
    for i, ln in enumerate(lines):
        t = ln.stripped
        if "\t" in ln.text:
            continue
        m = NUMBERED_HEADING.match(t)
        if not m:
            continue
        title = m.group("title")
        if title.endswith((":", ",")) or len(title.split()) > 18:
            continue
        cands.append({"i": i, "num": int(m.group("num")), "title": title})
    if len(cands) < 2:
        return None
    # Longest chain of consecutive numbers (one lost number allowed) in document order.
    best_len = [1] * len(cands)
    prev_idx = [-1] * len(cands)
    for b in range(len(cands)):
        for a in range(b):
            step = cands[b]["num"] - cands[a]["num"]
            if step in (1, 2) and best_len[a] + 1 > best_len[b]:
                best_len[b], prev_idx[b] = best_len[a] + 1, a
    end = max(range(len(cands)), key=lambda k: (best_len[k], -cands[k]["i"]))
    if best_len[end] < 2 or best_len[end] == 2 and not _two_headings(cands[prev_idx[end]], cands[end]):
        return None
    chain = []
    k = end
    while k != -1:
        chain.append(cands[k])
        k = prev_idx[k]
    chain.reverse()
    items = []
    for k, c in enumerate(chain):
        stop = chain[k + 1]["i"] if k + 1 < len(chain) else len(lines)
        items.append(RawItem(str(c["num"]), clean_title(c["title"]), lines[c["i"]], lines[c["i"] + 1 : stop]))
    return Layout("numbered", items, chain[0]["i"])


def _two_headings(first: dict, second: dict) -> bool:
    """Two numbered lines are the agenda only if they read as headings: 1 and 2, short, no full stop."""
    return first["num"] == 1 and second["num"] == 2 and all(
        len(c["title"].split()) <= 10 and not c["title"].rstrip().endswith((".", ":", ";")) for c in (first, second))


def _table_layout(lines: list[Line]) -> Layout | None:
    header_idx, columns = None, {}
    for i, ln in enumerate(lines):
        if ln.cells is None:
            continue
        cells = [c.strip().lower() for c in ln.cells]
        # (the number column's heading first: a cheaper test, and most rows have none)
        if any(c in ("nr", "§", "punkt", "nr.", "paragraf") for c in cells) and len([c for c in cells if c and HEADER_ROW_WORDS.search(c)]) >= 2:
            header_idx = i
            for k, c in enumerate(cells):
                if c in ("nr", "§", "punkt", "nr.", "paragraf") and "number" not in columns:
                    columns["number"] = k
                elif "beslut" in c or "konsensus" in c:
                    columns["decision"] = k
                elif ("ärende" in c or "rubrik" in c) and "title" not in columns:
                    columns["title"] = k
                elif "föredragande" in c and "title" not in columns:
                    columns["title"] = k
                elif _PRESENTER_COLUMN.fullmatch(c):
                    columns["presenter"] = k
                elif c:
                    columns.setdefault("notes", k)
            break
    rows = [(i, ln) for i, ln in enumerate(lines) if ln.cells and (header_idx is None or i > header_idx)]
    numbered = [(i, ln) for i, ln in rows if _NUMBER_CELL.fullmatch(ln.cells[columns.get("number", 0)] if len(ln.cells) > columns.get("number", 0) else "")]
    if len(numbered) < 2:
        return None
    columns.setdefault("number", 0)
    columns.setdefault("title", columns["number"] + 1)
    first_row = numbered[0][0]
    numbers = [int(_NOT_DIGIT.sub("", ln.cells[columns["number"]])) for _, ln in numbered]
    items: list[RawItem] = []
    current: RawItem | None = None
    last_row = first_row
    for i, ln in rows:
        if i < first_row:
            continue
        # rows end where the table ends: a line without cells that is not blank
        cells = ln.cells
        num_cell = cells[columns["number"]].strip() if len(cells) > columns["number"] else ""
        digits = _NOT_DIGIT.sub("", num_cell)
        title_cell = cells[columns["title"]] if len(cells) > columns["title"] else ""
        title_paras = html_paragraphs(title_cell)
        if digits:
            current = RawItem(str(int(digits)), "", ln)
            items.append(current)
        elif current is not None and title_paras and not _BILAGA_START.match(title_paras[0]):
            nxt = next((n for n in numbers if n > int(current.number)), None)
            if nxt is not None and nxt > int(current.number) + 1:
                current = RawItem(str(int(current.number) + 1), "", ln, restored=True)
                items.append(current)
        if current is None:
            continue
        last_row = i
        for role, col in columns.items():
            if role == "number" or col >= len(cells):
                continue
            paras = title_paras if col == columns["title"] else html_paragraphs(cells[col])
            if paras:
                current.columns.setdefault(role, []).extend(paras)
                current.column_lines.setdefault(role, []).append(ln)
        current.body.append(ln)
    tail = last_row + 1
    return Layout("table", items, header_idx if header_idx is not None else first_row, tail_start=tail)


def find_items(lines: list[Line]) -> Layout:
    """Find the agenda items of a protocol."""
    cands = _section_candidates(lines)
    section = _section_layout(lines, cands) if cands else None
    table = _table_layout(lines)
    if section and (not table or len(section.items) >= len(table.items)):
        return section
    if table:
        return table
    numbered = _numbered_layout(lines)
    if numbered:
        return numbered
    return Layout("none", [], len(lines))
