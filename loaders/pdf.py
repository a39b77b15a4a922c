"""PDF reader: the text layer of a PDF in the reader convention (see ``readers``).

Words come from pdfplumber. Ruled tables that pdfplumber detects stay where they stand on the
page, one TAB-joined line per row. Other words are grouped into lines; a line that a word
processor wrapped (its next line's first word would not have fitted) is joined to the next,
so a paragraph reads as one line as in text exports; lines further apart than usual start a
new paragraph. Pages are separated by a ``\\f`` line.
"""
from __future__ import annotations

import io
import re

from samgraf.errors import ReadError

SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
LIST_MARKER = re.compile(r"^(?:[•●▪■◦○\-–—*]|\d{1,2}[.)]|[a-z][.)]|§)(?:\s|$)")
TAB_GAP_EM = 1.5  # a horizontal gap this many font sizes wide inside a line is a tab stop
PAGE_BREAK = "\n\n\f\n\n"


def pdf_text(data: bytes) -> str:
    """The text of a PDF; raise :class:`ReadError` for scanned, encrypted or corrupt files."""
    import pdfplumber

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ReadError("not a PDF file (no %PDF header)")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:
        raise ReadError(_open_failure(exc)) from exc
    with pdf:
        try:
            pages = list(pdf.pages)
        except Exception as exc:
            raise ReadError(_open_failure(exc)) from exc
        if not pages:
            raise ReadError("the PDF has no pages")
        page_lines = [_page_items(page) for page in pages]
    if not any(page_lines):
        raise ReadError(
            f"scanned PDF without a text layer ({len(pages)} page(s), no text): it needs OCR first"
        )
    typical_gap = _typical_line_gap(page_lines)
    return PAGE_BREAK.join(_page_text(items, typical_gap) for items in page_lines).strip("\n") + "\n"


def _open_failure(exc: Exception) -> str:
    cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc  # pdfplumber wraps
    name = type(cause).__name__
    if "Password" in name or "Encrypt" in name or "password" in str(cause).lower():
        return "the PDF is encrypted (password protected); save an unprotected copy"
    if name in ("PDFSyntaxError", "PSEOF", "PSSyntaxError", "PdfminerException", "PDFNoValidXRef"):
        return f"corrupt or truncated PDF ({name}: {cause})"
    return f"cannot open the PDF ({name}: {cause})"


class _Line:
    """One line of words (or one table row) with its position on the page."""

    __slots__ = ("text", "top", "bottom", "x0", "x1", "size", "first_word_width", "is_row", "has_tab", "page_width")

    def __init__(self, text, top, bottom, x0, x1, size, first_word_width, is_row=False, has_tab=False):
        self.text, self.top, self.bottom = text, top, bottom
        self.x0, self.x1, self.size = x0, x1, size
        self.first_word_width, self.is_row, self.has_tab = first_word_width, is_row, has_tab
        self.page_width = 0.0


def _page_items(page) -> list:
    """Lines and table rows of one page, top to bottom; each item also knows the page width."""
    tables = _find_tables(page)
    boxes = [table.bbox for table in tables]
    words = page.extract_words(extra_attrs=["size"], keep_blank_chars=False, use_text_flow=False)
    if boxes:
        words = [w for w in words if not _inside(w, boxes)]
    items = _group_lines(words)
    for table in tables:
        items.extend(_table_rows(table))
    items.sort(key=lambda item: (item.top, item.x0))
    for item in items:
        item.page_width = float(page.width)
    return items


def _find_tables(page) -> list:
    # Ruled tables need drawn edges; a page without lines or rectangles has none.
    if not (page.objects.get("line") or page.objects.get("rect") or page.objects.get("curve")):
        return []
    return [table for table in page.find_tables() if len(table.rows) >= 1 and table.cells]


def _inside(word: dict, boxes: list) -> bool:
    cx = (word["x0"] + word["x1"]) / 2
    cy = (word["top"] + word["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _table_rows(table) -> list[_Line]:
    rows = []
    for row, cells in zip(table.rows, table.extract()):
        values = [" ".join(cell.split()) for cell in cells if cell is not None]  # None: spanned
        if not any(values):
            continue
        x0, top, x1, bottom = row.bbox
        rows.append(_Line("\t".join(values), top, bottom, x0, x1, 0.0, 0.0, is_row=True))
    return rows


def _group_lines(words: list[dict]) -> list[_Line]:
    """Cluster words into lines: a word joins the line it overlaps by half its height."""
    words = sorted(words, key=lambda w: (w["top"], w["x0"]))
    clusters: list[list[dict]] = []
    span_top = span_bottom = 0.0
    for word in words:
        height = max(word["bottom"] - word["top"], 0.1)
        overlap = min(word["bottom"], span_bottom) - max(word["top"], span_top)
        if clusters and overlap >= 0.5 * min(height, span_bottom - span_top):
            clusters[-1].append(word)
            if height > span_bottom - span_top:  # the line's span is that of its largest word
                span_top, span_bottom = word["top"], word["bottom"]
        else:
            clusters.append([word])
            span_top, span_bottom = word["top"], word["bottom"]
    return [_line_from_words(cluster) for cluster in clusters]


def _line_from_words(words: list[dict]) -> _Line:
    words.sort(key=lambda w: w["x0"])
    size = max(w["size"] for w in words)
    baseline = max(w["bottom"] for w in words if w["size"] >= size * 0.85)
    parts: list[str] = []
    has_tab = False
    previous = None
    for word in words:
        text = word["text"]
        superscript = word["size"] <= size * 0.8 and word["bottom"] < baseline - 0.15 * size
        if previous is None:
            parts.append(text.translate(SUPERSCRIPT_DIGITS) if superscript and text.isdigit() else text)
        else:
            gap = word["x0"] - previous["x1"]
            if superscript and text.isdigit() and gap < 0.3 * size:
                parts.append(text.translate(SUPERSCRIPT_DIGITS))  # a footnote mark, kept visible
            elif gap < 0.1 * size and not superscript:
                parts.append(text)  # split only by a tiny change of font size: one word
            elif gap >= TAB_GAP_EM * size:
                parts.append("\t" + text)
                has_tab = True
            else:
                parts.append(" " + text)
        previous = word
    top = min(w["top"] for w in words)
    bottom = max(w["bottom"] for w in words)
    first = words[0]
    return _Line(
        "".join(parts), top, bottom, first["x0"], words[-1]["x1"], size,
        first["x1"] - first["x0"], has_tab=has_tab,
    )


def _typical_line_gap(pages: list[list]) -> float:
    """The usual white space between two lines of one paragraph, in font sizes."""
    gaps = []
    for items in pages:
        for above, below in zip(items, items[1:]):
            if above.is_row or below.is_row or abs(above.size - below.size) > 0.15 * above.size:
                continue
            gap = (below.top - above.bottom) / above.size
            if gap >= 0:
                gaps.append(gap)
    if not gaps:
        return 0.4
    gaps.sort()
    return min(gaps[len(gaps) // 5], 0.6)


def _page_text(items: list, typical_gap: float) -> str:
    if not items:
        return ""
    text_lines = [item for item in items if not item.is_row]
    left = min((item.x0 for item in text_lines), default=0.0)
    page_width = items[0].page_width
    right_edge = max([page_width - left] + [item.x1 for item in text_lines])
    blocks: list[list[str]] = [[items[0].text]]
    for above, below in zip(items, items[1:]):
        if above.is_row and below.is_row:
            blocks[-1].append(below.text)
        elif above.is_row or below.is_row or _paragraph_break(above, below, typical_gap):
            blocks.append([below.text])
        elif _wrapped(above, below, right_edge):
            blocks[-1][-1] += " " + below.text
        else:
            blocks[-1].append(below.text)
    return "\n\n".join("\n".join(block) for block in blocks)


def _paragraph_break(above: _Line, below: _Line, typical_gap: float) -> bool:
    size = max(above.size, below.size)
    if abs(above.size - below.size) > 0.15 * size:
        return True
    return (below.top - above.bottom) / size > typical_gap + 0.35


def _wrapped(above: _Line, below: _Line, right_edge: float) -> bool:
    """Whether ``below`` continues ``above`` only because ``above`` was full."""
    if above.has_tab or below.has_tab or LIST_MARKER.match(below.text):
        return False
    space = 0.3 * above.size
    return above.x1 + space + below.first_word_width > right_edge - space

