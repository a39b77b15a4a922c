"""Kommuner and regioner from ``samgraf/refdata``: resolve an organisation name to its SCB code."""
from __future__ import annotations

import csv
import re
import unicodedata
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


# -- every organisation a protocol names ---------------------------------------------------
# Abbreviations of county councils that the reference data does not list (county code).
COUNCIL_ABBREVIATIONS = {"vll": "24", "jll": "23", "lvn": "22", "nll": "25"}

# National organisations: one node wherever they are named (not scoped to a county).
# Curated: the name samgraf gives them and the spellings protocols use.
NATIONAL_ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "Sveriges Kommuner och Regioner": ("SKR", "SKL", "Sveriges Kommuner och Landsting"),
    "Inera AB": ("Inera",),
    "Socialstyrelsen": ("SoS",),
    "Socialdepartementet": (),
    "Regeringen": (),
    "Regeringskansliet": (),
    "Polisen": ("Polismyndigheten",),
    "Datainspektionen": ("Integritetsskyddsmyndigheten", "IMY"),
    "Arbetsförmedlingen": (),
    "Karolinska Institutet": ("KI",),
    "Mittuniversitetet": (),
    "Umeå universitet": (),
    "Göteborgs universitet": (),
    "Kommunal": (),
    "Vårdförbundet": (),
    "CeHis": (),
    "NSPH": (),
}


@lru_cache(maxsize=1 << 16)  # the same names, once per protocol that writes them
def normalise_name(text: str) -> str:
    """Case, dashes, punctuation and spacing folded: the key names are compared by."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = re.sub(r"[\u2010-\u2015\-_/]", " ", folded)
    folded = re.sub(r"[^\w ]", " ", folded)
    return " ".join(folded.split())


@lru_cache(maxsize=1)
def _national_index() -> dict[str, str]:
    index = {}
    for name, aliases in NATIONAL_ORGANISATIONS.items():
        for form in (name, *aliases):
            index[normalise_name(form)] = name
    return index


@dataclass(frozen=True)
class ResolvedOrganisation:
    """What a written organisation name stands for, and how samgraf identifies it.

    ``kind``: ``kommun``, ``region``, ``landsting`` (the county council before it became a
    region: its own node, succeeded by the region), ``national`` or ``other`` (merged by
    normalised name within the county).
    """

    key: str  # path under <base>organisation/
    label: str
    kind: str
    scb_code: str | None = None
    county_code: str | None = None
    written: str = ""
    evidence: str = ""


def resolve_written_organisation(text: str | None, code: str | None = None, date: str | None = None,
                                 county_code: str | None = None) -> ResolvedOrganisation | None:
    """Resolve any organisation a protocol names (participant, absentee or mention)."""
    from samgraf import refdata
    from samgraf.graph.iris import slug

    if not (text and text.strip()) and not code:
        return None
    written = (text or "").strip()
    year = int(date[:4]) if date else None
    if code and code in public_organisations():
        known = public_organisations()[code]
        if known.kind == "kommun":
            return ResolvedOrganisation(f"scb/{code}", known.name, "kommun", code, code[:2], written, f"SCB code {code} given")
        text = written or known.name
    key = normalise_name(written)
    if key in COUNCIL_ABBREVIATIONS:
        region = refdata.region_by_code(COUNCIL_ABBREVIATIONS[key])
        text = region.name_at(year)
    match = refdata.resolve_organisation(text or "", year=year, county_code=county_code)
    if match is not None and match.code:
        if match.kind == "kommun":
            return ResolvedOrganisation(f"scb/{match.code}", match.name, "kommun", match.code, match.county_code, written,
                                        f"'{written}' is {match.name} (SCB {match.code})")
        region = refdata.region_by_code(match.code)
        landsting = match.kind == "landsting" or (
            region is not None and year is not None and year < region.since)
        if landsting and region is not None and region.former_names:
            return ResolvedOrganisation(f"scb/{match.code}/landsting", region.former_names[0], "landsting", match.code,
                                        match.code, written,
                                        f"'{written}' in {year} is the county council {region.former_names[0]} (SCB {match.code})")
        name = region.name if region else match.name
        return ResolvedOrganisation(f"scb/{match.code}", name, "region", match.code, match.code, written,
                                    f"'{written}' is {name} (SCB {match.code})")
    national = _national_index().get(key)
    if national:
        return ResolvedOrganisation(slug(national), national, "national", None, None, written,
                                    f"'{written}' is the national organisation {national}")
    scope = f"{county_code}/" if county_code else ""
    return ResolvedOrganisation(f"{scope}{slug(key)}", written, "other", None, county_code, written,
                                f"'{written}' merged by normalised name" + (f" within county {county_code}" if county_code else ""))
