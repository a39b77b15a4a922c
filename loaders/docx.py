"""DOCX reader: body paragraphs and tables in document order, in the reader convention.

The body XML is walked directly (python-docx opens the package) so tables stay where they
stand. A paragraph keeps its line breaks and tabs and starts with its list number or bullet
(Word numbering, e.g. ``§ 4 `` or ``- ``); a table row is one line of TAB-joined cells, a cell spanning columns or continuing a vertical merge counted once. Section headers
and footers, footnotes and deleted text (tracked changes) are left out; text boxes follow the
paragraph that anchors them.
"""
from __future__ import annotations

import io
import re
import zipfile

from samgraf.errors import ReadError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Containers whose block children (paragraphs, tables) belong to the body flow.
BLOCK_CONTAINERS = {W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo"}
SKIPPED_IN_PARAGRAPH = {W + "delText", W + "instrText", W + "del", W + "moveFrom", W + "pPr", W + "rPr", MC_FALLBACK}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SPACES = re.compile(r"[ \u00a0]+")


def docx_text(data: bytes) -> str:
    """The body text of a DOCX file; raise :class:`ReadError` for anything else."""
    document = _open_document(data)
    blocks: list[str] = []
    _collect_blocks(document.element.body, blocks, _ListNumbers(document))
    return "\n\n".join(blocks) + "\n" if blocks else ""


def _open_document(data: bytes):
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    if data.startswith(OLE_MAGIC):
        raise ReadError("a legacy Word .doc (or encrypted Office) file, not DOCX; save it as .docx")
    if not data.startswith(b"PK"):
        raise ReadError("not a DOCX file (not a ZIP package)")
    try:
        document = Document(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise ReadError(f"corrupt DOCX file (broken ZIP package: {exc})") from exc
    except PackageNotFoundError as exc:
        raise ReadError(f"not a DOCX package ({exc})") from exc
    except KeyError as exc:
        raise ReadError(f"corrupt DOCX file (missing part {exc})") from exc
    except ValueError as exc:  # python-docx: wrong main content type, e.g. .xlsx or .dotx
        raise ReadError(f"not a Word document ({exc})") from exc
    return document


def _collect_blocks(container, blocks: list[str], numbers: "_ListNumbers") -> None:
    for child in container:
        tag = child.tag
        if tag == W + "p":
            text, boxes = _paragraph_text(child)
            if text.strip():
                blocks.append(numbers.label(child) + text)
            for box in boxes:
                _collect_blocks(box, blocks, numbers)
        elif tag == W + "tbl":
            rows = _table_rows(child, numbers)
            if rows:
                blocks.append("\n".join(rows))
        elif tag in BLOCK_CONTAINERS:
            _collect_blocks(child, blocks, numbers)


def _paragraph_text(paragraph) -> tuple[str, list]:
    """The paragraph's text with line breaks and tabs, and the text boxes anchored in it."""
    parts: list[str] = []
    boxes: list = []
    _inline_text(paragraph, parts, boxes)
    lines = [SPACES.sub(" ", line).strip(" ") for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line.strip()), boxes


def _inline_text(element, parts: list[str], boxes: list) -> None:
    for child in element:
        tag = child.tag
        if tag == W + "t":
            parts.append(child.text or "")
        elif tag in (W + "tab", W + "ptab"):
            parts.append("\t")
        elif tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
        elif tag == W + "txbxContent":
            boxes.append(child)
        elif tag in SKIPPED_IN_PARAGRAPH or not isinstance(tag, str):
            continue
        else:
            _inline_text(child, parts, boxes)


def _table_rows(table, numbers: "_ListNumbers") -> list[str]:
    rows = []
    for row in _children(table, W + "tr"):
        cells = [_cell_text(cell, numbers) for cell in _children(row, W + "tc")]
        if any(cells):
            rows.append("\t".join(cells))
    return rows


def _children(element, tag: str):
    """Direct children with ``tag``, looking through content controls and custom XML."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in BLOCK_CONTAINERS:
            yield from _children(child, tag)


def _cell_text(cell, numbers: "_ListNumbers") -> str:
    merge = cell.find(f"{W}tcPr/{W}vMerge")
    if merge is not None and merge.get(W + "val", "continue") == "continue":
        return ""  # the cell above holds the merged text
    blocks: list[str] = []
    _collect_blocks(cell, blocks, numbers)
    return " ".join(" ".join(blocks).split())


class _ListNumbers:
    """Word's automatic paragraph numbering, counted in document order."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId -> ilvl -> (start, format, text)
        self.counters: dict[str, dict[int, int]] = {}
        self.style_numbering: dict[str, tuple[str, int]] = {}
        try:
            numbering = document.part.numbering_part.element
            styles = document.styles.element
        except Exception:  # no numbering part: no numbers
            return
        abstract = {a.get(W + "abstractNumId"): a for a in numbering.findall(W + "abstractNum")}
        for num in numbering.findall(W + "num"):
            definition = abstract.get(_val(num.find(W + "abstractNumId")))
            if definition is None:
                continue
            levels = {int(lvl.get(W + "ilvl", "0")): _level(lvl) for lvl in definition.findall(W + "lvl")}
            for override in num.findall(W + "lvlOverride"):
                start = _val(override.find(W + "startOverride"))
                level = int(override.get(W + "ilvl", "0"))
                if start is not None and level in levels:
                    levels[level] = (int(start),) + levels[level][1:]
            self.levels[num.get(W + "numId")] = levels
        for style in styles.findall(W + "style"):
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                num_id = _val(num_pr.find(W + "numId"))
                if num_id:
                    self.style_numbering[style.get(W + "styleId")] = (num_id, int(_val(num_pr.find(W + "ilvl")) or 0))

    def label(self, paragraph) -> str:
        """The number or bullet Word shows before ``paragraph`` (with a space), or ``""``."""
        num_id, level = self._numbering(paragraph)
        levels = self.levels.get(num_id or "")
        if not levels or level not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[level] = counters.get(level, levels[level][0] - 1) + 1
        for deeper in [lvl for lvl in counters if lvl > level]:
            del counters[deeper]
        start, number_format, text = levels[level]
        if number_format == "bullet":
            return "- "
        if number_format == "none":
            return ""

        def number(match: re.Match) -> str:
            shown = int(match.group(1)) - 1
            value = counters.get(shown, levels.get(shown, (1,))[0])
            return _format_number(value, levels.get(shown, (1, "decimal", ""))[1])

        label = re.sub(r"%([1-9])", number, text).strip()
        return label + " " if label else ""

    def _numbering(self, paragraph) -> tuple[str | None, int]:
        properties = paragraph.find(W + "pPr")
        if properties is None:
            return None, 0
        num_pr = properties.find(W + "numPr")
        if num_pr is not None:
            return _val(num_pr.find(W + "numId")), int(_val(num_pr.find(W + "ilvl")) or 0)
        style = _val(properties.find(W + "pStyle"))
        return self.style_numbering.get(style or "", (None, 0))


def _val(element) -> str | None:
    return None if element is None else element.get(W + "val")


def _level(lvl) -> tuple[int, str, str]:
    return (
        int(_val(lvl.find(W + "start")) or 1),
        _val(lvl.find(W + "numFmt")) or "decimal",
        _val(lvl.find(W + "lvlText")) or "",
    )


def _format_number(value: int, number_format: str) -> str:
    if number_format in ("lowerLetter", "upperLetter") and value >= 1:
        letters = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letters if number_format == "lowerLetter" else letters.upper()
    if number_format in ("lowerRoman", "upperRoman") and value >= 1:
        roman = _roman(value)
        return roman.lower() if number_format == "lowerRoman" else roman
    return str(value)


def _roman(value: int) -> str:
    numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = []
    for amount, numeral in numerals:
        count, value = divmod(value, amount)
        out.append(numeral * count)
    return "".join(out)
