"""DOCX reader: body paragraphs and tables in document order, in the reader convention.

The body XML is walked directly (python-docx opens the package) so tables stay where they
stand. A paragraph keeps its line breaks and tabs; a table row is one line of TAB-joined
cells, a cell spanning columns or continuing a vertical merge counted once. Section headers
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
    body = _open_body(data)
    blocks: list[str] = []
    _collect_blocks(body, blocks)
    return "\n\n".join(blocks) + "\n" if blocks else ""


def _open_body(data: bytes):
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
    return document.element.body


def _collect_blocks(container, blocks: list[str]) -> None:
    for child in container:
        tag = child.tag
        if tag == W + "p":
            text, boxes = _paragraph_text(child)
            if text.strip():
                blocks.append(text)
            for box in boxes:
                _collect_blocks(box, blocks)
        elif tag == W + "tbl":
            rows = _table_rows(child)
            if rows:
                blocks.append("\n".join(rows))
        elif tag in BLOCK_CONTAINERS:
            _collect_blocks(child, blocks)


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


def _table_rows(table) -> list[str]:
    rows = []
    for row in _children(table, W + "tr"):
        cells = [_cell_text(cell) for cell in _children(row, W + "tc")]
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


def _cell_text(cell) -> str:
    merge = cell.find(f"{W}tcPr/{W}vMerge")
    if merge is not None and merge.get(W + "val", "continue") == "continue":
        return ""  # the cell above holds the merged text
    blocks: list[str] = []
    _collect_blocks(cell, blocks)
    return " ".join(" ".join(blocks).split())
