"""IRI minting: stable, readable, deterministic IRIs under one configurable base.

Every IRI samgraf writes is made here. Persons and organisations are minted by one function
each (:func:`person_iri`, :func:`organisation_iri`) so identity resolution can replace them.
"""
from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache
from pathlib import PurePath

DEFAULT_BASE = "https://data.samgraf.se/"
BASE_ENV = "SAMGRAF_BASE"


def resolve_base(base: str | None = None) -> str:
    """The base IRI: the argument, else env ``SAMGRAF_BASE``, else the default; ends with '/'."""
    value = base or os.environ.get(BASE_ENV) or DEFAULT_BASE
    return value if value.endswith(("/", "#")) else value + "/"


def slug(text: str, keep: str = "") -> str:
    """Lowercase ASCII slug: accents folded (å->a, ö->o), other runs of characters -> '-'."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    pattern = "[^a-z0-9" + re.escape(keep) + "]+"
    return re.sub(pattern, "-", folded).strip("-") or "x"


@lru_cache(maxsize=65536)  # the same few file names, once per fact about them
def source_stem(source: str) -> str:
    """The stem of a source file name as used in IRIs (underscores kept)."""
    return slug(PurePath(source).stem, keep="_")


def graph_iri(source: str, base: str | None = None) -> str:
    return f"{resolve_base(base)}graph/{source_stem(source)}"


def source_iri(source: str, base: str | None = None) -> str:
    return f"{resolve_base(base)}source/{source_stem(source)}"


def span_iri(source: str, start: int, end: int, base: str | None = None) -> str:
    """``<source>#char=<start>,<end>``: the source document's text from ``start`` to ``end``,
    as an RFC 5147 fragment (half-open character offsets into the text the reader produced).
    Under a base IRI ending in '#' the source IRI is a fragment already, and an IRI holds one:
    ``<source>/char=<start>,<end>`` then."""
    document = source_iri(source, base)
    return f"{document}{'/' if '#' in document else '#'}char={start},{end}"


def body_iri(name: str, base: str | None = None, county: str | None = None) -> str:
    """``<base>body/<county>/<slug>`` when the county is known (bodies are identified within it), else ``<base>body/<slug>``."""
    scope = f"{county}/" if county else ""
    return f"{resolve_base(base)}body/{scope}{slug(name)}"


def meeting_iri(body: str, date: str | None, source: str, base: str | None = None) -> str:
    """``<base>meeting/<county>/<body-slug>/<date>``: the body IRI's own path (so bodies of one
    name in two counties never share a meeting), then the date, or the source stem without one.

    A body whose county is unknown (``<base>body/<slug>``) may stand for bodies of one name in
    several counties: its meetings also carry the source stem, so two protocols are never
    taken for one meeting on a name and a date alone.
    """
    root = f"{resolve_base(base)}body/"
    path = body[len(root):] if body.startswith(root) else slug(body)
    meeting = f"{resolve_base(base)}meeting/{path}"
    if not date:
        return f"{meeting}/{source_stem(source)}"
    county_known = "/" in path  # <county>/<slug>
    return f"{meeting}/{date}" if county_known else f"{meeting}/{date}/{source_stem(source)}"


def item_iri(meeting: str, number: str) -> str:
    return f"{meeting}/item/{slug(number, keep='.')}"


def person_iri(name: str, base: str | None = None) -> str:
    """The IRI minted for a new person first met as ``name``.

    Which occurrences are one person is decided by :mod:`samgraf.graph.identity`; the
    mapping asks its resolution (``Resolution.person``), which mints with this function.
    """
    return f"{resolve_base(base)}person/{slug(name)}"


def organisation_iri(name: str, scb_code: str | None, base: str | None = None, key: str | None = None) -> str:
    """``<base>organisation/scb/<code>`` for kommuner and regioner, else ``<base>organisation/<slug>``.

    ``key`` (from :func:`samgraf.graph.organisations.resolve_written_organisation`) overrides:
    ``scb/23/landsting`` for the county council before the region, ``<county>/<slug>`` for
    other organisations, merged by normalised name within their county.
    """
    if key:
        return f"{resolve_base(base)}organisation/{key}"
    if scb_code:
        return f"{resolve_base(base)}organisation/scb/{scb_code}"
    return f"{resolve_base(base)}organisation/{slug(name)}"


def identity_iri(kind: str, digest: str, base: str | None = None) -> str:
    return f"{resolve_base(base)}identity/{kind}/{digest}"


def agreement_iri(name: str, base: str | None = None) -> str:
    return f"{resolve_base(base)}agreement/{slug(name)}"


def day_iri(date: str, base: str | None = None) -> str:
    return f"{resolve_base(base)}day/{date}"


def instant_iri(date: str, base: str | None = None) -> str:
    return f"{resolve_base(base)}instant/{date}"


def software_iri(version: str, base: str | None = None) -> str:
    return f"{resolve_base(base)}software/samgraf/{version}"
