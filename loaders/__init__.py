"""Loaders: protocol files to checked protocol records.

files (txt, pdf, docx, html) -> :mod:`readers` -> :mod:`text` (normalised lines with source
offsets) -> extractors (:mod:`meeting`, :mod:`attendance`, :mod:`items`, :mod:`content`) ->
:class:`~samgraf.loaders.model.Protocol`.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from samgraf.errors import ExtractionError, ReadError, SamgrafError
from samgraf.loaders.model import Protocol, schema_errors, validate_record
from samgraf.loaders.readers import SUPPORTED_SUFFIXES, Document, read_bytes, read_document

__all__ = [
    "ParseResult", "Protocol", "iter_protocol_paths", "parse_document", "parse_file", "parse_paths", "parse_text",
    "read_document", "schema_errors", "validate_record",
]


def parse_document(doc: Document) -> Protocol:
    """Extract the record of a read document; raise :class:`ExtractionError` naming it on failure."""
    from samgraf.loaders.extract import extract_text

    try:
        return extract_text(doc.text, doc.source, text_sha256=doc.text_sha256,
                            source_format=doc.format, source_sha256=doc.sha256)
    except SamgrafError:
        raise
    except Exception as exc:  # an extractor bug must not take down a batch
        raise ExtractionError(f"extraction failed: {type(exc).__name__}: {exc}", source=doc.source) from exc


def parse_file(path: str | Path) -> Protocol:
    """Read and extract one protocol file."""
    return parse_document(read_document(path))


def parse_text(text: str, source: str = "protocol.txt") -> Protocol:
    """Extract a record from protocol text (as a ``.txt`` file would give it)."""
    return parse_document(read_bytes(text.encode("utf-8"), source))


def iter_protocol_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Each protocol file named, folders expanded (sorted, supported types only)."""
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES and not child.name.startswith("."):
                    yield child
        else:
            yield p


@dataclass
class ParseResult:
    path: Path
    protocol: Protocol | None = None
    error: SamgrafError | None = None


def parse_paths(paths: Iterable[str | Path]) -> Iterator[ParseResult]:
    """Parse every protocol under ``paths``; a failing file yields its error, the batch goes on."""
    for path in iter_protocol_paths(paths):
        try:
            yield ParseResult(path, protocol=parse_file(path))
        except (ReadError, ExtractionError) as exc:
            yield ParseResult(path, error=exc)
