"""Named things an item refers to: other bodies, agreements and joint services, organisations."""
from __future__ import annotations

import re

from samgraf.loaders.names import first_names
from samgraf.loaders.text import WORD_START as _WORD_START, CaseInsensitive, grouped_alternation

KNOWN_AGREEMENTS = (
    "Meddix", "NPÖ", "Nationell patientöversikt", "LOSUS", "Vård- och omsorgscollege", "VO-College", "Cosmic LINK",
    "Apodos", "Prator", "SIP", "Senior Alert", "SVEDEM", "Palliativa registret", "BPSD-registret", "Hjärnkoll",
    "Bättre liv för sjuka äldre", "God och nära vård", "Nära vård", "Kunskap till praktik", "PSYNK", "Mina vårdkontakter",
    "Ledningskraft", "Barnahus", "PRIO", "Familjerådgivningen",
)
DASH_AGREEMENT = re.compile(r"\b[\wåäöÅÄÖ/\-]+[-]avtal(?:et|en)?\b")  # "LOSUS-avtalet"
# Compounds ending in one of these: "Hemsjukvårdsavtalet", "samverkansöverenskommelsen".
_COMPOUND_FIRST_PARTS = ("hemsjukvårds", "samverkans")
_COMPOUND_LAST_PARTS = ("avtal", "överenskommelse")
_AGREEMENT_COMPOUND = CaseInsensitive(rf"(?:{'|'.join(_COMPOUND_FIRST_PARTS)})(?:avtal(?:et)?|överenskommelse(?:n)?)\b")
_AGREEMENT_COMPOUND_END = _AGREEMENT_COMPOUND.pattern
_AGREEMENT_COMPOUND_NEEDLES = tuple(first + last for first in _COMPOUND_FIRST_PARTS for last in _COMPOUND_LAST_PARTS)
AGREEMENT_ABOUT = re.compile(  # "avtal om läkarmedverkan"
    rf"(?:A{_WORD_START}vtal(?:et)?|a{_WORD_START}vtal(?:et)?|Ö{_WORD_START}verenskommelse(?:n)?|ö{_WORD_START}verenskommelse(?:n)?)"
    r"\s+om\s+[\wåäö\- ]{3,60}?(?=[.,;:]|\s(?:och|som|med|för|är|har|ska|mellan)\b|$)"
)
_BODY_WORD_ENDS = ("gruppen", "rådet", "arenan", "nämnden", "styrelsen", "träffen", "nätverket")
# What follows a body name's first letter (a capital starting a word). The first alternative is
# [\wåäö\-]*(?:gruppen|rådet|…)\b written to try only the places where \b can follow a word
# end (the end of the word or of a part before a hyphen), last first: each part is taken whole
# (possessive) and look-behinds test how it ends, instead of backtracking one character at a
# time. The runs of lower-case letters are possessive too: giving one back never lets a capital
# or \b follow. (A test checks this pattern against the one written plainly.)
_BODY_REST = (
    r"(?:(?:\w*+-)*\w*+(?:" + "|".join(f"(?<={end})" for end in _BODY_WORD_ENDS) + ")|"
    r"[A-ZÅÄÖ]{0,3}-[A-ZÅÄÖ]{2,5}|"
    # names of joined word-starts with inner capitals: "SamReKo", "SocSam"
    r"[a-zåäö]{1,4}+(?:[A-ZÅÄÖ][a-zåäö]{1,4}+){1,2})\b"
)
BODY_PATTERN = re.compile(rf"[A-ZÅÄÖ]{_WORD_START}{_BODY_REST}")
KNOWN_ORGANISATIONS = (
    "SKL", "SKR", "Inera", "Inera AB", "Socialstyrelsen", "Socialdepartementet", "Regeringskansliet", "Polisen", "polisen",
    "Försäkringskassan", "Arbetsförmedlingen", "Mittuniversitetet", "Umeå universitet", "Karolinska Institutet",
    "Karolinska institutet", "Datainspektionen", "IVO", "Cambio", "CeHis", "Kommunal", "Vårdförbundet", "BUP",
    "Folkhälsomyndigheten", "E-hälsomyndigheten", "Regionförbundet", "Göteborgs universitet",
)




class _KnownNames:
    """Listed names, found in a text as whole words."""

    def __init__(self, names: tuple[str, ...]) -> None:
        # (?<![\wåäö])name(?![\wåäö]), the look-behind written after the name: the regex engine
        # then searches for the name as a plain string.
        self.patterns = {n: re.compile(rf"{re.escape(n)}(?<![\wåäö].{{{len(n)}}})(?![\wåäö])", re.S) for n in names}
        # All names as plain strings: where names start, the longest one found there; the others
        # starting there are its prefixes.
        self.any_name = re.compile(grouped_alternation(set(names), longest_first=True))
        self.prefixes = {n: {p for p in names if n.startswith(p)} for n in names}

    def present_in(self, text: str) -> set[str]:
        """The names that occur in ``text``, as words or not."""
        present: set[str] = set()
        m = self.any_name.search(text)
        while m:
            present |= self.prefixes[m.group(0)]
            m = self.any_name.search(text, m.start() + 1)
        return present

    def found(self, names: tuple[str, ...], present: set[str], text: str) -> list[str]:
        """``names`` (in their order, once each) that occur in ``text`` as whole words."""
        if not present:
            return []
        return [name for name in dict.fromkeys(names) if name in present and self.patterns[name].search(text)]


_KNOWN_NAMES = _KnownNames(KNOWN_AGREEMENTS + KNOWN_ORGANISATIONS)
_KNOWN_ORGANISATION_SET = frozenset(KNOWN_ORGANISATIONS)
# AGREEMENT_ABOUT matches start one character before one of these.
_ABOUT_ANCHOR = re.compile("vtal|verenskommelse")
_ACRONYM_REST = r"[A-ZÅÄÖ]{1,5}\b"
_ACRONYM = re.compile(rf"[A-ZÅÄÖ]{_WORD_START}{_ACRONYM_REST}")
# Both patterns start with a capital starting a word: one pass over the text finds, at each such
# capital, what either would match there (in look-aheads, so that the next capital is tried too).
_BODY_OR_ACRONYM = re.compile(
    rf"[A-ZÅÄÖ]{_WORD_START}(?:(?=({_BODY_REST}))(?:(?=({_ACRONYM_REST}))|)|(?=({_ACRONYM_REST})))"
)
_COMMON_CAPS = {"PPT", "GAP", "IT", "OK", "EU", "HP", "AC", "VD", "SOU", "IFO", "ÖK", "PDF"}


def _dedupe(values: list[str]) -> list[str]:
    seen, out = set(), []
    for v in values:
        key = v.casefold()
        if key not in seen:
            seen.add(key)
            out.append(v)
    return out


def _whole_word_ending(text: str, start: int, end: int) -> str:
    """The whole word of ``text`` that ends at ``end`` and holds ``text[start:end]``."""
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):  # what \w matches
        start -= 1
    return text[start:end]


def _compounds_ending(pattern: re.Pattern, text: str) -> list[str]:
    """Whole words of ``text`` that end in a match of ``pattern`` (a pattern that ends a word)."""
    return [_whole_word_ending(text, *m.span()) for m in pattern.finditer(text)]


def _compound_agreements(text: str, lowered: str) -> list[str]:
    """``_compounds_ending(_AGREEMENT_COMPOUND_END, text)``, the matches found in the lower-cased
    text where that is exact (:meth:`CaseInsensitive.spans`)."""
    return [_whole_word_ending(text, start, end) for start, end in _AGREEMENT_COMPOUND.spans(text, lowered)]


def _agreements_about(text: str) -> list[str]:
    """The matches of AGREEMENT_ABOUT in ``text``, tried only where an agreement word stands."""
    out, end = [], 0
    for anchor in _ABOUT_ANCHOR.finditer(text):
        start = anchor.start() - 1
        if start < end:
            continue
        m = AGREEMENT_ABOUT.match(text, start)
        if m:
            out.append(m.group(0).strip())
            end = m.end()
    return out


def _bodies_and_acronyms(text: str) -> tuple[list[str], list[str]]:
    """``[m.group(0) for m in BODY_PATTERN.finditer(text)]`` and the same for ``_ACRONYM``, in one
    pass: the pass finds every place where either pattern matches (a look-ahead finds there what
    the pattern's own match there would), and, as finditer does, a match of a pattern is kept
    only where it starts at or after the end of the last one kept."""
    bodies: list[str] = []
    acronyms: list[str] = []
    body_end = acronym_end = 0
    for m in _BODY_OR_ACRONYM.finditer(text):
        start = m.start()
        acronym_group = 3
        if m.group(1) is not None:
            acronym_group = 2
            if start >= body_end:
                body_end = m.end(1)
                bodies.append(text[start:body_end])
        if m.group(acronym_group) is not None and start >= acronym_end:
            acronym_end = m.end(acronym_group)
            acronyms.append(text[start:acronym_end])
    return bodies, acronyms


def find_mentions(text: str, own_acronym: str | None = None, person_names: list[str] = ()) -> dict[str, list[str]]:
    bodies, agreements, organisations = [], [], []
    known_names = _KNOWN_NAMES.present_in(text)
    agreements += _KNOWN_NAMES.found(KNOWN_AGREEMENTS, known_names, text)
    lowered = text.lower()
    if "avtal" in lowered or "överenskommelse" in lowered:  # every agreement pattern holds one of these
        if "-avtal" in lowered:
            agreements += [m.group(0).strip() for m in DASH_AGREEMENT.finditer(text)]
        if any(n in lowered for n in _AGREEMENT_COMPOUND_NEEDLES):
            agreements += _compound_agreements(text, lowered)
        agreements += _agreements_about(text)
    body_words, acronym_words = _bodies_and_acronyms(text)
    for word in body_words:
        if word in _KNOWN_ORGANISATION_SET:  # Socialstyrelsen is an authority, not a body of theirs
            continue
        if word.casefold() in ("arbetsgruppen", "gruppen", "styrgruppen"):
            bodies.append(word)
        elif word != own_acronym:
            bodies.append(word)
    organisations += _KNOWN_NAMES.found(KNOWN_ORGANISATIONS, known_names, text)
    known = {a.casefold() for a in agreements + bodies + organisations}
    names = " ".join(person_names)
    given_names = first_names()
    for word in acronym_words:
        if word in _COMMON_CAPS or word == own_acronym:
            continue
        folded = word.casefold()
        if folded in known or folded in given_names or word in names:
            continue
        organisations.append(word)
        known.add(folded)
    return {"bodies": _dedupe(bodies), "agreements": _dedupe(agreements), "organisations": _dedupe(organisations)}
