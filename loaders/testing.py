"""Test documents: PDF and DOCX files made from text in the reader convention.

``text_to_pdf`` and ``text_to_docx`` take text as the readers produce it (blank-line separated
paragraphs, lines of a paragraph kept as lines, consecutive TAB-separated lines forming a
table, a line holding only ``\\f`` as a page break) and build a document whose reader output
gives that text back as closely as the format allows.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

UNICODE_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
)


@dataclass
class Block:
    """A paragraph (``lines``), a table (``rows`` of cells) or a page break."""

    kind: str  # "paragraph", "table" or "page_break"
    lines: list[str] | None = None
    rows: list[list[str]] | None = None


def text_blocks(text: str) -> list[Block]:
    """Split reader-convention text into paragraphs, tables and page breaks."""
    blocks: list[Block] = []
    lines: list[str] = []
    rows: list[list[str]] = []

    def flush_lines() -> None:
        if lines:
            blocks.append(Block("paragraph", lines=list(lines)))
            lines.clear()

    def flush_rows() -> None:
        if rows:
            blocks.append(Block("table", rows=[list(r) for r in rows]))
            rows.clear()

    for line in text.replace("\r\n", "\n").split("\n"):
        if line.strip("\f") == "" and "\f" in line:
            flush_lines()
            flush_rows()
            blocks.append(Block("page_break"))
        elif not line.strip():
            flush_lines()
            flush_rows()
        elif "\t" in line:
            flush_lines()
            rows.append(line.split("\t"))
        else:
            flush_rows()
            lines.append(line)
    flush_lines()
    flush_rows()
    return blocks


def unicode_font_path() -> Path:
    """A TrueType font covering Swedish letters (DejaVu Sans, Debian package fonts-dejavu-core)."""
    for candidate in UNICODE_FONT_CANDIDATES:
        if Path(candidate).is_file():
            return Path(candidate)
    raise FileNotFoundError("DejaVuSans.ttf not found; install the Debian package fonts-dejavu-core")


def text_to_docx(text: str) -> bytes:
    """A DOCX file with the paragraphs and tables of ``text`` (TAB rows become real tables)."""
    from docx import Document
    from docx.enum.text import WD_BREAK

    document = Document()
    previous_kind = None
    for block in text_blocks(text):
        if block.kind == "page_break":
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif block.kind == "paragraph":
            paragraph = document.add_paragraph()
            for index, line in enumerate(block.lines):
                run = paragraph.add_run(line)
                if index < len(block.lines) - 1:
                    run.add_break()
        else:
            if previous_kind == "table":
                document.add_paragraph()  # keeps Word from fusing adjacent tables
            _add_docx_table(document, block.rows)
        previous_kind = block.kind
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _add_docx_table(document, rows: list[list[str]]) -> None:
    column_count = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=column_count)
    table.style = "Table Grid"
    for row, values in zip(table.rows, rows):
        cells = row.cells
        if len(values) < column_count:  # one cell spans the missing columns
            cells[len(values) - 1].merge(cells[column_count - 1])
        for cell, value in zip(cells, values):
            cell.text = value


def text_to_pdf(text: str) -> bytes:
    """An A4 PDF with the paragraphs and tables of ``text`` (TAB rows become ruled tables)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="pt")
    pdf.set_margins(50, 50, 50)
    pdf.set_auto_page_break(True, margin=50)
    pdf.add_font("DejaVu", "", str(unicode_font_path()))
    pdf.set_font("DejaVu", size=10)
    pdf.add_page()
    line_height = 14
    paragraph_gap = 10
    for block in text_blocks(text):
        if block.kind == "page_break":
            pdf.add_page()
        elif block.kind == "paragraph":
            for line in block.lines:
                pdf.multi_cell(0, line_height, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(paragraph_gap)
        else:
            _add_pdf_table(pdf, block.rows)
            pdf.ln(paragraph_gap)
    return bytes(pdf.output())


def _add_pdf_table(pdf, rows: list[list[str]]) -> None:
    column_count = max(len(row) for row in rows)
    pdf.set_font_size(9)
    # Each column is as wide as its longest word; the rest goes by the amount of text.
    padding = 2
    minimum = [12.0] * column_count
    weights = [1.0] * column_count
    for row in rows:
        for index, value in enumerate(row):
            longest = max((pdf.get_string_width(word) for word in value.split()), default=0.0)
            if index < len(row) - 1 or len(row) == column_count:
                minimum[index] = max(minimum[index], longest + 2 * padding + 2)
            weights[index] = max(weights[index], min(len(value), 400) ** 0.5)
    spare = max(pdf.epw - sum(minimum), 0.0)
    widths = [low + spare * weight / sum(weights) for low, weight in zip(minimum, weights)]
    with pdf.table(
        col_widths=widths,
        first_row_as_headings=False,
        line_height=11,
        text_align="LEFT",
        padding=padding,
    ) as table:
        for values in rows:
            row = table.row()
            for index, value in enumerate(values):
                span = column_count - index if index == len(values) - 1 else 1
                row.cell(value, colspan=span)
    pdf.set_font_size(10)
