"""Readers: text, HTML, DOCX and PDF files to text in the reader convention."""
from __future__ import annotations

import io
import re
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from docx import Document as WordDocument
from docx.oxml.ns import qn
from fpdf import FPDF

from samgraf.errors import ReadError
from samgraf.loaders.docx import docx_text
from samgraf.loaders.html import html_text
from samgraf.loaders.pdf import pdf_text
from samgraf.loaders.readers import read_bytes, read_document
from samgraf.loaders.testing import text_to_docx, text_to_pdf, unicode_font_path

SHARED_PROTOCOLS = Path(__file__).resolve().parents[1].parent / "shared" / "protocols"

INVENTED_PROTOCOL = (
    "Protokoll från Samverkansrådet Norrdal\n"
    "\n"
    "Tid och plats: Tisdag den 5 mars 2024, kl. 09.00–12.00\n"
    "Kommunhuset, Sammanträdesrum Granen\n"
    "\n"
    "Beslutande\tGreta Lindqvist, ordförande\tÖstby kommun\n"
    "\tOskar Sjöholm\tVästby kommun\n"
    "\tÅsa Ekström, sekreterare\tRegion Norrdal\n"
    "\n"
    "§ 1 Mötet öppnas\n"
    "\n"
    "Ordföranden hälsar välkommen. Rådet går igenom dagordningen och konstaterar att kallelse "
    "har skickats ut i rätt tid till samtliga ledamöter och ersättare i länets kommuner.\n"
    "\n"
    "Beslut\n"
    "Rådet fastställer dagordningen.\n"
)


def _normalised_lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def _rows(text: str) -> list[list[str]]:
    return [[" ".join(cell.split()) for cell in line.split("\t")] for line in text.split("\n") if "\t" in line]


# -- plain text --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Mötet i Ålstad, kostnad 5 €".encode("utf-8"), "utf-8"),
        ("\ufeffMötet i Ålstad, kostnad 5 €".encode("utf-8"), "utf-8-sig"),
        ("Mötet i Ålstad, kostnad 5 €".encode("cp1252"), "cp1252"),
    ],
)
def test_txt_decoding(data, encoding):
    document = read_bytes(data, "protokoll.txt")
    assert document.text == "Mötet i Ålstad, kostnad 5 €"
    assert document.encoding == encoding
    assert document.format == "txt"


def test_txt_latin1_when_not_windows_1252():
    data = "Läsår för Önnestad".encode("latin-1") + b"\x81"  # 0x81 is undefined in cp1252
    document = read_bytes(data, "protokoll.txt")
    assert document.encoding == "latin-1"
    assert document.text.startswith("Läsår för Önnestad")


# -- HTML --------------------------------------------------------------------------------

HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Dold titel</title><style>p { color: red }</style></head>
<body>
<h1>Protokoll &ndash; Samverkansr&aring;det</h1>
<p>Datum: 2024-03-05<br>Plats:   Storgatan&nbsp;1,
   Östby</p>
<script>var hidden = "<p>ska inte synas</p>";</script>
<table>
  <tr><th>Namn</th><th>Organisation</th></tr>
  <tr><td><p>Greta <b>Lindqvist</b></p><p>ordförande</p></td><td>Östby&nbsp;kommun</td></tr>
  <tr><td></td><td>Västby &amp; Norrby</td></tr>
</table>
<ul><li>Första punkten</li><li>Andra <i>punkten</i><ul><li>Underpunkt</li></ul></li></ul>
<div>Justeras &#167; 3 sam&shy;verkan</div>
</body></html>
"""


def test_html_text():
    assert html_text(HTML_PAGE) == (
        "Protokoll – Samverkansrådet\n"
        "\n"
        "Datum: 2024-03-05\n"
        "Plats: Storgatan 1, Östby\n"
        "\n"
        "Namn\tOrganisation\n"
        "Greta Lindqvist ordförande\tÖstby kommun\n"
        "\tVästby & Norrby\n"
        "\n"
        "- Första punkten\n"
        "- Andra punkten\n"
        "- Underpunkt\n"
        "\n"
        "Justeras § 3 samverkan\n"
    )


def test_html_through_read_bytes_decodes_windows_1252():
    document = read_bytes("<p>Beslut om bidrag på 10 €</p>".encode("cp1252"), "sida.htm")
    assert document.format == "html"
    assert document.text == "Beslut om bidrag på 10 €\n"


def test_html_unclosed_head_does_not_hide_body():
    assert html_text("<html><head><title>T</title><body><p>Synlig text</p>") == "Synlig text\n"


# -- DOCX --------------------------------------------------------------------------------


def test_docx_round_trip_keeps_paragraphs_and_table_order():
    document = read_bytes(text_to_docx(INVENTED_PROTOCOL), "protokoll.docx")
    assert document.format == "docx"
    assert document.text == INVENTED_PROTOCOL


def test_docx_reader_on_a_hand_built_document():
    word = WordDocument()
    word.sections[0].header.paragraphs[0].text = "Sidhuvud som ska bort"
    word.sections[0].footer.paragraphs[0].text = "Sidfot som ska bort"
    word.add_paragraph("Närvarande")
    table = word.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Ledamöter"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "Östby kommun"
    table.cell(1, 1).text = "Greta Lindqvist"
    table.cell(1, 2).text = "ordförande"
    table.cell(2, 1).text = "Oskar\nSjöholm"
    table.cell(2, 2).text = "ledamot"
    paragraph = word.add_paragraph("Beslut\tenhälligt")
    paragraph.add_run().add_break()
    paragraph.add_run("Rådet   noterar informationen.")
    word.add_paragraph("   ")
    buffer = io.BytesIO()
    word.save(buffer)

    assert docx_text(buffer.getvalue()) == (
        "Närvarande\n"
        "\n"
        "Ledamöter\n"
        "Östby kommun\tGreta Lindqvist\tordförande\n"
        "\tOskar Sjöholm\tledamot\n"
        "\n"
        "Beslut\tenhälligt\n"
        "Rådet noterar informationen.\n"
    )


def test_docx_automatic_numbering_is_written_out():
    word = WordDocument()
    numbering = word.part.numbering_part.element
    list_number_id = word.styles["List Number"].element.pPr.numPr.numId.val
    num = numbering.num_having_numId(list_number_id)
    abstract_id = num.abstractNumId.val
    level = numbering.xpath(f'./w:abstractNum[@w:abstractNumId="{abstract_id}"]/w:lvl[@w:ilvl="0"]')[0]
    level.find(qn("w:lvlText")).set(qn("w:val"), "§ %1")
    level.find(qn("w:start")).set(qn("w:val"), "44")
    word.add_paragraph("Mötet öppnas", style="List Number")
    word.add_paragraph("Ordföranden hälsar välkommen.")
    word.add_paragraph("Val av justerare", style="List Number")
    word.add_paragraph("Rapport från länet", style="List Bullet")
    buffer = io.BytesIO()
    word.save(buffer)
    assert docx_text(buffer.getvalue()) == (
        "§ 44 Mötet öppnas\n\nOrdföranden hälsar välkommen.\n\n§ 45 Val av justerare\n\n- Rapport från länet\n"
    )


def test_docx_corrupt_bytes_name_the_file():
    with pytest.raises(ReadError, match=r"^x\.docx: corrupt DOCX file") as caught:
        read_bytes(b"PK\x03\x04 this is not a zip archive", "x.docx")
    assert caught.value.source == "x.docx"


def test_docx_legacy_doc_is_refused_with_advice():
    with pytest.raises(ReadError, match="legacy Word .doc"):
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "gammal.docx")


# -- PDF ---------------------------------------------------------------------------------


def _pdf_with_font() -> FPDF:
    pdf = FPDF(format="A4", unit="pt")
    pdf.add_font("DejaVu", "", str(unicode_font_path()))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    return pdf


def test_pdf_round_trip_text_and_table():
    document = read_bytes(text_to_pdf(INVENTED_PROTOCOL), "protokoll.pdf")
    assert document.format == "pdf"
    assert document.text == INVENTED_PROTOCOL


def test_pdf_pages_are_separated_by_form_feed_lines():
    text = "Sida ett, första stycket.\n\n\f\n\nSida två, andra stycket.\n"
    assert pdf_text(text_to_pdf(text)) == text


def test_pdf_tab_stops_become_tabs_and_superscripts_stay_visible():
    pdf = _pdf_with_font()
    pdf.text(60, 100, "Beslutande")
    pdf.text(220, 100, "Greta Lindqvist")
    pdf.text(60, 130, "Enligt kommunerna")
    pdf.set_font_size(6)
    pdf.text(60 + 2 + _width(pdf, "Enligt kommunerna", 11), 125, "2")
    pdf.set_font_size(11)
    pdf.text(60 + 8 + _width(pdf, "Enligt kommunerna", 11), 130, "gäller avtalet.")
    assert pdf_text(bytes(pdf.output())) == "Beslutande\tGreta Lindqvist\n\nEnligt kommunerna² gäller avtalet.\n"


def _width(pdf: FPDF, text: str, size: float) -> float:
    current = pdf.font_size_pt
    pdf.set_font_size(size)
    width = pdf.get_string_width(text)
    pdf.set_font_size(current)
    return width


def test_scanned_pdf_without_text_layer_needs_ocr():
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 120, 80, style="F")
    with pytest.raises(ReadError, match=r"^skannad\.pdf: scanned PDF without a text layer.*needs OCR"):
        read_bytes(bytes(pdf.output()), "skannad.pdf")


def test_encrypted_pdf_is_reported_as_encrypted():
    pdf = _pdf_with_font()
    pdf.text(60, 100, "Hemligt protokoll")
    pdf.set_encryption(owner_password="ägare", user_password="läsare")
    with pytest.raises(ReadError, match=r"^x\.pdf: the PDF is encrypted"):
        read_bytes(bytes(pdf.output()), "x.pdf")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.4\nnonsense without objects", "corrupt or truncated PDF"),
        (b"Not a PDF at all", "not a PDF file"),
    ],
)
def test_corrupt_pdf_names_the_file(data, reason):
    with pytest.raises(ReadError, match=rf"^x\.pdf: {reason}") as caught:
        read_bytes(data, "x.pdf")
    assert caught.value.source == "x.pdf"


def test_truncated_pdf_is_corrupt():
    data = text_to_pdf(INVENTED_PROTOCOL)
    with pytest.raises(ReadError, match="corrupt or truncated PDF"):
        read_bytes(data[: len(data) // 2], "x.pdf")


# -- files -------------------------------------------------------------------------------


def test_read_document_reads_a_file(tmp_path):
    path = tmp_path / "protokoll.docx"
    path.write_bytes(text_to_docx(INVENTED_PROTOCOL))
    document = read_document(path)
    assert document.text == INVENTED_PROTOCOL
    assert document.path == path and document.source == "protokoll.docx"


def test_unsupported_suffix(tmp_path):
    path = tmp_path / "protokoll.odt"
    path.write_bytes(b"whatever")
    with pytest.raises(ReadError, match=r"unsupported file type \.odt"):
        read_document(path)


def test_missing_file(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        read_document(tmp_path / "saknas.pdf")


@pytest.mark.parametrize(("name", "reason"), [("tom.txt", "contains no text"), ("tom.pdf", "not a PDF file")])
def test_empty_file(tmp_path, name, reason):
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(ReadError, match=reason):
        read_document(path)


# -- round trips over the real protocols -------------------------------------------------


def _shared_protocols() -> list[Path]:
    return sorted(SHARED_PROTOCOLS.glob("*.txt")) if SHARED_PROTOCOLS.is_dir() else []


shared_protocol = pytest.mark.parametrize(
    "path",
    _shared_protocols() or [pytest.param(None, marks=pytest.mark.skip(reason=f"{SHARED_PROTOCOLS} is missing"))],
    ids=lambda path: path.name if path else "missing",
)


@shared_protocol
def test_shared_protocol_docx_round_trip(path):
    original = path.read_text(encoding="utf-8")
    assert _normalised_lines(docx_text(text_to_docx(original))) == _normalised_lines(original)


@shared_protocol
def test_shared_protocol_pdf_round_trip(path):
    original = path.read_text(encoding="utf-8")
    text = pdf_text(text_to_pdf(original))
    rows_back = {tuple(row) for row in _rows(text)}
    assert [row for row in _rows(original) if tuple(row) not in rows_back] == []
    words, words_back = original.split(), text.split()
    matcher = SequenceMatcher(None, words, words_back, autojunk=False)
    in_order = sum(block.size for block in matcher.get_matching_blocks())
    assert in_order >= 0.98 * len(words)
    assert not re.search(r"\n\n\n", text)
