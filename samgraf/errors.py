"""One exception tree for samgraf, with a branch per pipeline stage."""
from __future__ import annotations


class SamgrafError(Exception):
    """Base of every error samgraf raises on purpose."""

    def __init__(self, message: str, *, source: str | None = None):
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)
        self.message = message


class ReadError(SamgrafError):
    """A file could not be turned into text (missing, unsupported, scanned PDF, corrupt)."""


class ExtractionError(SamgrafError):
    """Text was read but no protocol record could be built from it."""


class RecordValidationError(SamgrafError):
    """A protocol record does not satisfy the model or the JSON schema."""


class MappingError(SamgrafError):
    """A protocol record could not be mapped to RDF."""


class StoreError(SamgrafError):
    """The triple store could not be opened, read or written."""


class QueryError(SamgrafError):
    """A SPARQL query is unknown, malformed or failed."""
