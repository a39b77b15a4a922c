"""Kommuner and regioner from ``samgraf/refdata``: resolve an organisation name to its SCB code."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files


@dataclass(frozen=True)
class PublicOrganisation:
    """A kommun or region/landsting of the reference data."""

    code: str
    name: str
    kind: str  # "kommun" or "region"
    former_names: tuple[str, ...] = ()
    since: int | None = None  # year the region got its current name


def _rows(name: str) -> list[dict]:
    text = files("samgraf").joinpath(f"refdata/{name}").read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@lru_cache(maxsize=1)
def public_organisations() -> dict[str, PublicOrganisation]:
    """Every kommun (4-digit code) and region (2-digit code), by code."""
    found = {}
    for row in _rows("municipalities.csv"):
        found[row["municipality_code"]] = PublicOrganisation(row["municipality_code"], row["municipality_name"], "kommun")
    for row in _rows("regions.csv"):
        former = tuple(n.strip() for n in row["former_names"].split(";") if n.strip())
        found[row["county_code"]] = PublicOrganisation(
            row["county_code"], row["region_name"], "region", former, int(row["region_since"])
        )
    return found


@lru_cache(maxsize=1)
def _by_name() -> dict[str, list[PublicOrganisation]]:
    """Every official name, current or former, to the organisations that bore it."""
    index: dict[str, list[PublicOrganisation]] = {}
    for org in public_organisations().values():
        for name in (org.name, *org.former_names):
            index.setdefault(name, []).append(org)
    return index


def resolve_scb_code(name: str | None, code: str | None = None, date: str | None = None) -> str | None:
    """The SCB code of an organisation: the given code if known, else by exact official name.

    A region's current name counts only from the year it was adopted (``Region Västerbotten``
    in 2011 was the regional association, not the county council); a former landsting name
    only before it.
    """
    if code:
        return code if code in public_organisations() else None
    year = int(date[:4]) if date else None
    for org in _by_name().get(name or "", ()):
        if org.kind == "kommun" or year is None or org.since is None:
            return org.code
        if (name == org.name) == (year >= org.since):
            return org.code
    return None
