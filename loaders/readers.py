"""Readers: protocol files (txt, pdf, docx, html) to document text.

Every reader returns a :class:`Document` whose ``text`` follows one convention, so that the
extractors need not know the file format:

- paragraphs are separated by a blank line;
- a table row is one line, its cells joined by TAB (an empty cell stays an empty string
  between tabs);
- a page break is a form feed ``\\f`` on a line of its own (PDF), so page headers and
  footers can be recognised;
- text is NFC-normalised Unicode.
"""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from samgraf.errors import ReadError

SUPPORTED_SUFFIXES = (".txt", ".pdf", ".docx", ".html", ".htm")


@dataclass(frozen=True)
class Document:
    """The text of one protocol file and where it came from."""

    source: str
    text: str
    format: str
    sha256: str
    encoding: str | None = None
    path: Path | None = None
    # SHA-256 of ``text`` encoded as UTF-8 where reading knows it without hashing again (the
    # file's bytes are that encoding: ``sha256``), else None.
    text_sha256: str | None = None


def read_document(path: str | Path) -> Document:
    """Read a protocol file of any supported format; raise :class:`ReadError` naming the file."""
    path = Path(path)
    if not path.exists():
        raise ReadError("no such file", source=str(path))
    if path.is_dir():
        raise ReadError("is a folder, not a protocol file", source=str(path))
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReadError(
            f"unsupported file type {suffix or '(none)'}; expected one of {', '.join(SUPPORTED_SUFFIXES)}",
            source=str(path),
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot read file: {exc.strerror or exc}", source=str(path)) from exc
    return read_bytes(data, path.name, path=path)


def read_bytes(data: bytes, name: str, *, path: Path | None = None) -> Document:
    """Read a protocol from bytes; ``name`` (a file name) decides the format."""
    suffix = Path(name).suffix.lower()
    digest = hashlib.sha256(data).hexdigest()
    encoding = None
    try:
        if suffix == ".txt":
            text, encoding = decode_text(data)
            fmt = "txt"
        elif suffix == ".pdf":
            from samgraf.loaders.pdf import pdf_text

            text, fmt = pdf_text(data), "pdf"
        elif suffix == ".docx":
            from samgraf.loaders.docx import docx_text

            text, fmt = docx_text(data), "docx"
        elif suffix in (".html", ".htm"):
            from samgraf.loaders.html import html_text

            raw, encoding = decode_text(data)
            text, fmt = html_text(raw), "html"
        else:
            raise ReadError(f"unsupported file type {suffix or '(none)'}", source=name)
    except ReadError as exc:
        if exc.source is None:
            raise ReadError(exc.message, source=name) from exc
        raise
    except Exception as exc:  # a library choking on a corrupt file
        raise ReadError(f"cannot read {suffix[1:]} file: {type(exc).__name__}: {exc}", source=name) from exc
    decoded = text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise ReadError("the file contains no text", source=name)
    # Strict UTF-8 decoding (no BOM) is undone exactly by encoding: where neither line ends nor
    # normalisation changed the text, the file's bytes are the text's UTF-8 and their hash its hash.
    text_sha256 = digest if fmt == "txt" and encoding == "utf-8" and text == decoded else None
    return Document(source=name, text=text, format=fmt, sha256=digest, encoding=encoding, path=path,
                    text_sha256=text_sha256)


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), else Windows-1252, else Latin-1."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise ReadError("looks like a binary file, not text")
    try:
        # cp1252 leaves 0x81, 0x8d, 0x8f, 0x90, 0x9d undefined; those mean Latin-1.
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"
