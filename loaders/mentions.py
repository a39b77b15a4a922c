"""Named things an item refers to: other bodies, agreements and joint services, organisations."""
from __future__ import annotations

import re

from samgraf.loaders.names import first_names

KNOWN_AGREEMENTS = (
    "Meddix", "NPÖ", "Nationell patientöversikt", "LOSUS", "Vård- och omsorgscollege", "VO-College", "Cosmic LINK",
    "Apodos", "Prator", "SIP", "Senior Alert", "SVEDEM", "Palliativa registret", "BPSD-registret", "Hjärnkoll",
    "Bättre liv för sjuka äldre", "God och nära vård", "Nära vård", "Kunskap till praktik", "PSYNK", "Mina vårdkontakter",
    "Ledningskraft", "Barnahus", "PRIO", "Familjerådgivningen",
)
AGREEMENT_PATTERNS = (
    re.compile(r"\b[\wåäöÅÄÖ/\-]+[-]avtal(?:et|en)?\b"),
    re.compile(r"\b[\wåäöÅÄÖ]*(?:hemsjukvårds|samverkans)(?:avtal(?:et)?|överenskommelse(?:n)?)\b", re.I),
    re.compile(r"\b(?:[Aa]vtal(?:et)?|[Öö]verenskommelse(?:n)?)\s+om\s+[\wåäö\- ]{3,60}?(?=[.,;:]|\s(?:och|som|med|för|är|har|ska|mellan)\b|$)"),
)
BODY_PATTERN = re.compile(
    r"\b(?:[A-ZÅÄÖ][\wåäö\-]*(?:gruppen|rådet|arenan|nämnden|styrelsen|träffen|nätverket)|"
    r"[A-ZÅÄÖ]{1,4}-[A-ZÅÄÖ]{2,5}|SamReKo|SocSam|SOCSAM)\b"
)
KNOWN_ORGANISATIONS = (
    "SKL", "SKR", "Inera", "Inera AB", "Socialstyrelsen", "Socialdepartementet", "Regeringskansliet", "Polisen", "polisen",
    "Försäkringskassan", "Arbetsförmedlingen", "Mittuniversitetet", "Umeå universitet", "Karolinska Institutet",
    "Karolinska institutet", "Datainspektionen", "IVO", "Cambio", "CeHis", "Kommunal", "Vårdförbundet", "BUP",
    "Folkhälsomyndigheten", "E-hälsomyndigheten", "Regionförbundet", "Göteborgs universitet",
)
_ACRONYM = re.compile(r"\b[A-ZÅÄÖ]{2,6}\b")
_COMMON_CAPS = {"SVOM", "LSG", "PPT", "GAP", "IT", "OK", "EU", "HP", "AC", "VD", "SOU", "IFO", "ÖK", "PDF"}


def _dedupe(values: list[str]) -> list[str]:
    seen, out = set(), []
    for v in values:
        key = v.casefold()
        if key not in seen:
            seen.add(key)
            out.append(v)
    return out


def find_mentions(text: str, own_acronym: str | None = None, person_names: list[str] = ()) -> dict[str, list[str]]:
    bodies, agreements, organisations = [], [], []
    for name in KNOWN_AGREEMENTS:
        if re.search(rf"(?<![\wåäö]){re.escape(name)}(?![\wåäö])", text):
            agreements.append(name)
    for pattern in AGREEMENT_PATTERNS:
        for m in pattern.finditer(text):
            agreements.append(m.group(0).strip())
    for m in BODY_PATTERN.finditer(text):
        word = m.group(0)
        if word.casefold() in ("arbetsgruppen", "gruppen", "styrgruppen"):
            bodies.append(word)
        elif word != own_acronym:
            bodies.append(word)
    for name in KNOWN_ORGANISATIONS:
        if re.search(rf"(?<![\wåäö]){re.escape(name)}(?![\wåäö])", text):
            organisations.append(name)
    known = {a.casefold() for a in agreements + bodies + organisations}
    names = " ".join(person_names)
    for m in _ACRONYM.finditer(text):
        word = m.group(0)
        if word in _COMMON_CAPS or word == own_acronym or word.casefold() in known or word.casefold() in first_names():
            continue
        if word in names:
            continue
        organisations.append(word)
        known.add(word.casefold())
    return {"bodies": _dedupe(bodies), "agreements": _dedupe(agreements), "organisations": _dedupe(organisations)}
