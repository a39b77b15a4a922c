"""Reference data: kommuner, län and regioner with SCB codes, former names, and name resolution.

``resolve_organisation`` turns what a protocol writes (``Askersund``, ``Landstinget``,
``Jämtlands läns landsting``) into the organisation's official name at the meeting date and its
SCB code. A name alone is not identity: ``Region Västerbotten`` before the county council became
a region (2019) is the regional association, not the county council, so it is left as written.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    short: str
    county_code: str


@dataclass(frozen=True)
class Region:
    county_code: str
    name: str
    county_name: str
    since: int
    former_names: tuple[str, ...]
    county_short: str

    def name_at(self, year: int | None) -> str:
        """Official name of the county council / region in ``year`` (today's name if unknown)."""
        if year is None or year >= self.since or not self.former_names:
            return self.name
        return self.former_names[0]


@dataclass(frozen=True)
class OrganisationMatch:
    name: str
    code: str | None
    kind: str  # "kommun", "region", "landsting" or "other"
    county_code: str | None


def _rows(name: str) -> list[dict]:
    text = files("samgraf").joinpath(f"refdata/{name}").read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@lru_cache(maxsize=1)
def municipalities() -> tuple[Municipality, ...]:
    return tuple(
        Municipality(r["municipality_code"], r["municipality_name"], r["municipality_name_short"], r["county_code"])
        for r in _rows("municipalities.csv")
    )


@lru_cache(maxsize=1)
def regions() -> tuple[Region, ...]:
    counties = {r["county_code"]: r for r in _rows("counties.csv")}
    out = []
    for r in _rows("regions.csv"):
        former = tuple(n.strip() for n in r["former_names"].split(";") if n.strip())
        out.append(
            Region(r["county_code"], r["region_name"], r["county_name"], int(r["region_since"]), former,
                   counties[r["county_code"]]["county_name_short"])
        )
    return tuple(out)


_NOT_KEY_CHAR = re.compile(r"[^\wåäöé ]")


def _key(text: str) -> str:
    return " ".join(_NOT_KEY_CHAR.sub(" ", text.casefold()).split())


def _genitive(word: str) -> str:
    return word if word.endswith(("s", "x", "z")) else word + "s"


@lru_cache(maxsize=1)
def _municipality_index() -> dict[str, Municipality]:
    index: dict[str, Municipality] = {}
    for m in municipalities():
        short = m.short
        for form in (m.name, short, _genitive(short), f"{short} kommun", f"{_genitive(short)} kommun",
                     f"{short} stad", f"{_genitive(short)} stad", f"{short}s kommun", f"{short}s stad"):
            index.setdefault(_key(form), m)
    return index


@lru_cache(maxsize=1)
def _region_words() -> dict[str, Region]:
    """County words (``jämtland``, ``jämtlands``, ``örebro län``) to their region."""
    words: dict[str, Region] = {}
    for r in regions():
        base = _key(r.county_short)
        for form in (base, base + "s", _key(r.county_name), _key(r.name), _key(r.name).removeprefix("region ")):
            if form:
                words.setdefault(form, r)
    return words


def region_by_code(county_code: str) -> Region | None:
    return next((r for r in regions() if r.county_code == county_code), None)


def municipality_by_code(code: str) -> Municipality | None:
    return next((m for m in municipalities() if m.code == code), None)


@lru_cache(maxsize=4096)
def _find_county(text_key: str) -> Region | None:
    best = None
    for form, region in _region_words().items():
        if re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text_key):
            if best is None or len(form) > best[0]:
                best = (len(form), region)
    return best[1] if best else None


def resolve_organisation(text: str, *, year: int | None = None, county_code: str | None = None) -> OrganisationMatch | None:
    """Resolve a written organisation name to a kommun or county council/region, or None."""
    if not text or not text.strip():
        return None
    key = _key(text)
    if not key:
        return None
    m = _municipality_index().get(key)
    if m is not None and not key.startswith("region "):
        return OrganisationMatch(m.name, m.code, "kommun", m.county_code)
    if "landsting" in key or key.startswith("region") or "regionen" in key or key.endswith(" län") or key == "vll":
        region = _find_county(key)
        generic = key in ("landstinget", "landsting", "regionen", "region", "länslandstinget")
        if region is None and generic and county_code:
            region = region_by_code(county_code)
        if region is None:
            return None
        is_region_name = "landsting" not in key
        if is_region_name and year is not None and year < region.since:
            # "Region X" before X became a region names some other body (e.g. a regional association).
            if key == _key(region.name) or key.startswith("region "):
                return None
            if generic:
                return None
        kind = "region" if year is None or year >= region.since else "landsting"
        return OrganisationMatch(region.name_at(year), region.county_code, kind, region.county_code)
    return None


def county_of_municipalities(names: list[str]) -> str | None:
    """The county most of the given kommun names belong to."""
    from collections import Counter

    counts = Counter()
    for name in names:
        m = _municipality_index().get(_key(name))
        if m:
            counts[m.county_code] += 1
    return counts.most_common(1)[0][0] if counts else None
