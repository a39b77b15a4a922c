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
# Substrings (lower case) without which the pattern above at the same position cannot match.
_AGREEMENT_NEEDLES = (
    ("-avtal",),
    ("hemsjukvårdsavtal", "hemsjukvårdsöverenskommelse", "samverkansavtal", "samverkansöverenskommelse"),
    ("avtal", "överenskommelse"),
)
BODY_PATTERN = re.compile(
    r"\b(?:[A-ZÅÄÖ][\wåäö\-]*(?:gruppen|rådet|arenan|nämnden|styrelsen|träffen|nätverket)|"
    r"[A-ZÅÄÖ]{1,4}-[A-ZÅÄÖ]{2,5}|"
    # names of joined word-starts with inner capitals: "SamReKo", "SocSam"
    r"[A-ZÅÄÖ][a-zåäö]{1,4}(?:[A-ZÅÄÖ][a-zåäö]{1,4}){1,2})\b"
)
KNOWN_ORGANISATIONS = (
    "SKL", "SKR", "Inera", "Inera AB", "Socialstyrelsen", "Socialdepartementet", "Regeringskansliet", "Polisen", "polisen",
    "Försäkringskassan", "Arbetsförmedlingen", "Mittuniversitetet", "Umeå universitet", "Karolinska Institutet",
    "Karolinska institutet", "Datainspektionen", "IVO", "Cambio", "CeHis", "Kommunal", "Vårdförbundet", "BUP",
    "Folkhälsomyndigheten", "E-hälsomyndigheten", "Regionförbundet", "Göteborgs universitet",
)




def _whole_words(names: tuple[str, ...]) -> dict[str, re.Pattern]:
    return {n: re.compile(rf"(?<![\wåäö]){re.escape(n)}(?![\wåäö])") for n in names}


_KNOWN_AGREEMENT = _whole_words(KNOWN_AGREEMENTS)
_KNOWN_ORGANISATION = _whole_words(KNOWN_ORGANISATIONS)
_ACRONYM = re.compile(r"\b[A-ZÅÄÖ]{2,6}\b")
_COMMON_CAPS = {"PPT", "GAP", "IT", "OK", "EU", "HP", "AC", "VD", "SOU", "IFO", "ÖK", "PDF"}


def _dedupe(values: list[str]) -> list[str]:
    seen, out = set(), []
    for v in values:
        key = v.casefold()
        if key not in seen:
            seen.add(key)
            out.append(v)
    return out


def _known_in(text: str, patterns: dict[str, re.Pattern]) -> list[str]:
    """Listed names that occur in ``text`` as whole words (a substring test first: it is cheap)."""
    return [name for name, pattern in patterns.items() if name in text and pattern.search(text)]


def find_mentions(text: str, own_acronym: str | None = None, person_names: list[str] = ()) -> dict[str, list[str]]:
    bodies, agreements, organisations = [], [], []
    agreements += _known_in(text, _KNOWN_AGREEMENT)
    lowered = text.lower()
    for pattern, needles in zip(AGREEMENT_PATTERNS, _AGREEMENT_NEEDLES):
        if any(n in lowered for n in needles):
            agreements += [m.group(0).strip() for m in pattern.finditer(text)]
    for m in BODY_PATTERN.finditer(text):
        word = m.group(0)
        if word in _KNOWN_ORGANISATION:  # Socialstyrelsen is an authority, not a body of theirs
            continue
        if word.casefold() in ("arbetsgruppen", "gruppen", "styrgruppen"):
            bodies.append(word)
        elif word != own_acronym:
            bodies.append(word)
    organisations += _known_in(text, _KNOWN_ORGANISATION)
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
