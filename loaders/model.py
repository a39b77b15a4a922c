"""The protocol record: the contract between loaders and graph.

It is the record of ``protocol.schema.json`` plus provenance: every participant, item and
decision carries the span of document text it was read from. Offsets count characters in
the text the reader produced for the file (``Protocol.text_sha256`` identifies that text).
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from samgraf.errors import RecordValidationError

Role = Literal["chair", "vice_chair", "secretary", "adjuster", "member", "substitute", "other"]
DecisionType = Literal["decision", "recommendation", "assignment", "noted"]
ROLE_ORDER: tuple[str, ...] = ("chair", "vice_chair", "secretary", "adjuster", "member", "substitute", "other")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Span(_Strict):
    """Half-open character range ``[start, end)`` in the document text, and its exact quote."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    quote: str

    @field_validator("end")
    @classmethod
    def _ordered(cls, end: int, info):
        start = info.data.get("start")
        if start is not None and end < start:
            raise ValueError("span end before start")
        return end


class Body(_Strict):
    name: str
    acronym: str | None = None


class Participant(_Strict):
    name: str
    organisation: str | None = None
    organisation_code: str | None = Field(
        default=None, description="SCB code of a kommun (4 digits) or region/landsting (2 digits)."
    )
    party: str | None = None
    roles: list[Role] = Field(min_length=1)
    items: list[str] | None = None
    span: Span | None = None


class Absentee(_Strict):
    """A person recorded as not present (``Frånvarande``, ``Inte närvarande``, ``X för Y``)."""

    name: str
    organisation: str | None = None
    organisation_code: str | None = None
    replaced_by: str | None = None
    span: Span | None = None


class Decision(_Strict):
    text: str
    type: DecisionType
    span: Span | None = None


class Mentions(_Strict):
    bodies: list[str] = Field(default_factory=list)
    agreements: list[str] = Field(default_factory=list)
    organisations: list[str] = Field(default_factory=list)


class Item(_Strict):
    number: str
    title: str
    presenters: list[str] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    attachments: list[str] = Field(default_factory=list)
    mentions: Mentions = Field(default_factory=Mentions)
    span: Span | None = None


class Protocol(_Strict):
    """One protocol record: what a loader extracts from one meeting protocol."""

    source: str
    body: Body
    date: str | None = Field(default=None, pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
    start: str | None = Field(default=None, pattern=r"^[0-9]{2}:[0-9]{2}$")
    end: str | None = Field(default=None, pattern=r"^[0-9]{2}:[0-9]{2}$")
    place: str | None = None
    county_code: str | None = Field(default=None, description="SCB county code the protocol belongs to, when evident.")
    participants: list[Participant] = Field(default_factory=list)
    absentees: list[Absentee] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    source_format: str | None = None
    source_sha256: str | None = None
    text_sha256: str | None = None

    def to_json_dict(self) -> dict:
        return self.model_dump(mode="json")


@lru_cache(maxsize=1)
def record_schema() -> dict:
    """The JSON schema of the record (shipped copy of ``protocol.schema.json``)."""
    return json.loads(files("samgraf").joinpath("schema/protocol.schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _schema_validator():
    from jsonschema import Draft202012Validator

    return Draft202012Validator(record_schema())


def schema_errors(record: dict) -> list[str]:
    """Every way ``record`` breaks the JSON schema, each with its path."""
    errors = []
    for err in sorted(_schema_validator().iter_errors(record), key=lambda e: list(e.path)):
        path = "/".join(str(p) for p in err.path) or "(record)"
        errors.append(f"{path}: {err.message}")
    return errors


def validate_record(record: dict) -> Protocol:
    """Check a record dict against the schema and the model; raise with every problem listed."""
    problems = schema_errors(record)
    if problems:
        raise RecordValidationError("; ".join(problems), source=record.get("source"))
    try:
        return Protocol.model_validate(record)
    except Exception as exc:  # pydantic.ValidationError
        raise RecordValidationError(str(exc), source=record.get("source")) from exc
