"""HTML reader: visible text of an HTML page in the reader convention (standard library only).

Block elements end a paragraph, ``br`` ends a line, list items become ``- `` lines, table
rows become TAB-joined cells (inside a cell every break is a space; a nested table's rows are
run into its cell). ``script``, ``style`` and ``head`` are dropped; entities are unescaped
and runs of white space become one space.
"""
from __future__ import annotations

from html.parser import HTMLParser

PARAGRAPH_TAGS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "dl", "blockquote",
    "pre", "section", "article", "header", "footer", "main", "nav", "aside", "address",
    "figure", "figcaption", "form", "fieldset", "hr", "body", "center", "caption",
}
LINE_TAGS = {"br", "li", "dt", "dd", "tr"}
CELL_TAGS = {"td", "th"}
DROPPED_TAGS = {"script", "style", "head", "title", "noscript", "template", "svg", "object", "iframe"}
VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"}


def html_text(html: str) -> str:
    """The visible text of ``html``."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return parser.result()


class _Table:
    def __init__(self) -> None:
        self.rows: list[list[str]] = []
        self.cells: list[str] | None = None  # the open row
        self.cell: list[str] | None = None  # the open cell's text pieces

    def close_cell(self) -> None:
        if self.cell is not None:
            if self.cells is None:
                self.cells = []
            self.cells.append(" ".join("".join(self.cell).split()))
            self.cell = None

    def close_row(self) -> None:
        self.close_cell()
        if self.cells is not None and any(self.cells):
            self.rows.append(self.cells)
        self.cells = None


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = []  # paragraphs, each a list of lines
        self.lines: list[str] = []  # lines of the open paragraph
        self.pieces: list[str] = []  # text of the open line
        self.tables: list[_Table] = []
        self.dropped: list[str] = []  # open dropped elements (their content is skipped)
        self.list_depth = 0

    # -- events -------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs) -> None:
        if self.dropped:
            if tag == "body" and self.dropped == ["head"]:
                self.dropped.clear()  # an unclosed <head>
            elif tag == self.dropped[-1] and tag not in VOID_TAGS:
                self.dropped.append(tag)
            return
        if tag in DROPPED_TAGS:
            self.dropped.append(tag)
            return
        table = self.tables[-1] if self.tables else None
        if tag == "table":
            if table is None:
                self.end_paragraph()
            else:
                self.text_in_cell(" ")
            self.tables.append(_Table())
        elif table is not None and tag in CELL_TAGS:
            table.close_cell()
            if table.cells is None:
                table.cells = []
            table.cell = []
        elif table is not None and tag == "tr":
            table.close_row()
            table.cells = []
        elif table is not None:
            if tag in LINE_TAGS or tag in PARAGRAPH_TAGS:
                self.text_in_cell(" ")
        elif tag in ("ul", "ol"):
            self.end_list_level()
            self.list_depth += 1
        elif tag == "li":
            self.end_line()
            self.pieces.append("- ")
        elif tag in LINE_TAGS:
            self.end_line()
        elif tag in PARAGRAPH_TAGS:
            self.end_paragraph()

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.dropped:
            if tag == self.dropped[-1]:
                self.dropped.pop()
            return
        table = self.tables[-1] if self.tables else None
        if tag == "table" and table is not None:
            table.close_row()
            self.tables.pop()
            rows = ["\t".join(cells) for cells in table.rows]
            if self.tables:
                self.text_in_cell(" " + " ".join(" ".join(row.split("\t")) for row in rows) + " ")
            elif rows:
                self.end_paragraph()
                self.blocks.append(rows)
        elif table is not None:
            if tag in CELL_TAGS:
                table.close_cell()
            elif tag == "tr":
                table.close_row()
            elif tag in LINE_TAGS or tag in PARAGRAPH_TAGS:
                self.text_in_cell(" ")
        elif tag in ("ul", "ol") and self.list_depth:
            self.list_depth -= 1
            self.end_list_level()
        elif tag in LINE_TAGS:
            self.end_line()
        elif tag in PARAGRAPH_TAGS:
            self.end_paragraph()

    def handle_data(self, data: str) -> None:
        if self.dropped:
            return
        data = data.replace("\xad", "").replace("\u200b", "")  # soft hyphen, zero-width space
        if self.tables:
            self.text_in_cell(data)
        else:
            self.pieces.append(data)

    # -- building text ------------------------------------------------------------------
    def text_in_cell(self, text: str) -> None:
        table = self.tables[-1]
        if table.cell is None:
            if not text.strip():
                return
            if table.cells is None:
                table.cells = []
            table.cell = []  # text straight inside <table> or <tr>: give it a cell
        table.cell.append(text)

    def end_line(self) -> None:
        line = " ".join("".join(self.pieces).split())
        self.pieces = []
        if line and line != "-":
            self.lines.append(line)

    def end_list_level(self) -> None:
        """A nested list only breaks the line; an outer list is its own paragraph."""
        if self.list_depth:
            self.end_line()
        else:
            self.end_paragraph()

    def end_paragraph(self) -> None:
        self.end_line()
        if self.lines:
            self.blocks.append(self.lines)
            self.lines = []

    def result(self) -> str:
        while self.tables:
            self.handle_endtag("table")
        self.end_paragraph()
        return "\n\n".join("\n".join(lines) for lines in self.blocks) + ("\n" if self.blocks else "")
