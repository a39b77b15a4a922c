"""Person names: recognising them, splitting run-together name cells, matching spellings."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib.resources import files

from rapidfuzz.distance import Levenshtein

from samgraf.loaders.text import single_spaced

_UP = "A-ZÅÄÖÉÈÜÆØ"
_LO = "a-zåäöéèüæøáíóúçñ"
NAME_TOKEN = re.compile(rf"^[{_UP}][{_LO}]+(?:-[{_UP}]?[{_LO}]+)*$")
_SURNAME_ENDINGS = (
    "sson", "son", "berg", "ström", "gren", "qvist", "kvist", "lund", "holm", "dahl", "dal", "man",
    "ander", "ius", "ell", "ér", "én", "ling", "borg", "stedt", "stad", "sten", "hage", "bäck",
    "fors", "lind", "mark", "näs", "vall", "wall", "blad", "blom", "rot", "skog", "strand", "löf",
)
# Words that look like names (capitalised) but never are part of one.
NOT_NAME_WORDS = frozenset(
    """
    Ordförande Ordföranden Vice Sekreterare Justerare Justerande Ledamot Ledamöter Ersättare Övriga Deltagare
    Närvarande Frånvarande Beslutande Region Regionen Landstinget Landsting Kommun Kommunen Kommunerna Och
    Samt Tid Plats Datum Protokoll Mötet Utses Justering Justeringens Paragrafer Sammanträde Sammanträdet
    Den Det De Vi Alla Han Hon Ärende Ärendet Beslut Bilaga Bilagor Förslag Information Sida Se Enligt För
    Till Från Med Om Under Efter Inför Vid Genom Via Punkt Dnr Nr Kl Klockan Sociala Inte Ej Tjänstgörande
    Förvaltningen Avdelningen Enheten Verksamhetschef Socialchef Förvaltningschef Direktör Chef Handläggare
    Utvecklingsledare Projektledare Processledare Samordnare Utredare Controller Strateg Konsult Gäst Gäster
    Adjungerad Adjungerade Inbjuden Inbjudna Tjänstepersoner Tjänstemän Personal Representant Representanter
    Sammanfattning Yrkande Noteringar Konsensus Föredragande Arbetsgruppen Chefsgruppen Styrgruppen Presidiet
    Teams Zoom Skype Digitalt Digital Inga Ingen
    """.split()
)
PARTY = re.compile(r"\(\s*([A-ZÅÄÖ]{1,4}|[A-ZÅÄÖ][a-zåäö]{0,3}|MP|KD|SD|FI|VV|SJV)\s*\)")
ROLE_WORDS = {
    "ordförande": "chair",
    "ordf": "chair",
    "vice ordförande": "vice_chair",
    "1:e vice ordförande": "vice_chair",
    "1:a vice ordförande": "vice_chair",
    "2:e vice ordförande": "vice_chair",
    "2:a vice ordförande": "vice_chair",
    "förste vice ordförande": "vice_chair",
    "andre vice ordförande": "vice_chair",
    "sekreterare": "secretary",
    "justerare": "adjuster",
    "justerande": "adjuster",
    "ersättare": "substitute",
    "tjänstgörande ersättare": "substitute",
}
ROLE_PATTERN = re.compile(
    r"(?:\b(?:1:[ae]|2:[ae]|förste|andre)\s+)?\b(?:vice\s+)?ordförande\b|\bsekreterare(?:\s+e\.?\s?u\.?)?|\bjusterare\b|"
    r"\bjusterande\b|\b(?:tjänstgörande\s+)?ersättare\b|\bordf\b\.?",
    re.I,
)


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    text = files("samgraf.loaders").joinpath("lexicon/first_names.txt").read_text(encoding="utf-8")
    names = set()
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        for word in line.split():
            names.add(word.casefold())
            for part in word.split("-"):
                names.add(part.casefold())
    return frozenset(names)


@lru_cache(maxsize=65536)
def is_first_name(token: str) -> bool:
    t = token.casefold()
    if t in first_names():
        return True
    parts = t.split("-")
    return len(parts) > 1 and all(p in first_names() for p in parts)


def looks_like_surname(token: str) -> bool:
    t = token.casefold()
    return t.endswith(_SURNAME_ENDINGS) and not is_first_name(token)


@lru_cache(maxsize=1)
def county_words() -> frozenset[str]:
    """Counties as written in running text (``Jämtland``, ``Västerbottens``), from the reference data."""
    from samgraf.refdata import regions

    words = set()
    for region in regions():
        for word in region.county_short.casefold().split():  # "Västra Götaland" word by word
            words |= {word, word + "s"}
    return frozenset(words)


@lru_cache(maxsize=65536)
def is_name_token(token: str) -> bool:
    return bool(NAME_TOKEN.match(token)) and token not in NOT_NAME_WORDS and token.casefold() not in county_words()


def looks_like_person(text: str, known_first: bool = True) -> bool:
    """Is ``text`` a full person name (2-4 name words, the first a given name)?"""
    tokens = text.split()
    if not 2 <= len(tokens) <= 4 or not all(is_name_token(t) for t in tokens):
        return False
    if is_first_name(tokens[-1]) and not looks_like_surname(tokens[-1]) and len(tokens) == 2 and not is_first_name(tokens[0]):
        return False
    return is_first_name(tokens[0]) or not known_first


def split_names(text: str) -> list[str]:
    """Split a run of names with no separators (``Anna Berg Per Lund``) into full names.

    Dynamic programming over tokens: each name is 1-2 given names then 1-2 surnames; a given
    name from the lexicon starts a name, surname-like words do not.
    """
    return list(_split_names(text))


@lru_cache(maxsize=4096)
def _split_names(text: str) -> tuple[str, ...]:
    """:func:`split_names`, memoised (a body's member list stands in each of its protocols)."""
    tokens = text.split()
    n = len(tokens)
    if n == 0:
        return ()
    INF = float("inf")
    features = [(is_name_token(t), is_first_name(t), looks_like_surname(t)) for t in tokens]
    best: list[tuple[float, list[str]]] = [(INF, [])] * (n + 1)
    best[0] = (0.0, [])
    for i in range(n):
        cost_i, names_i = best[i]
        if cost_i == INF:
            continue
        for length in (2, 3, 4):
            j = i + length
            if j > n:
                break
            words = tokens[i:j]
            cost = _name_cost(features[i:j])
            if cost == INF:
                continue
            total = cost_i + cost
            if total < best[j][0]:
                best[j] = (total, names_i + [" ".join(words)])
    if best[n][0] == INF:
        return (text.strip(),)
    return tuple(best[n][1])


def _name_cost(words: list[tuple[bool, bool, bool]]) -> float:
    """Cost of reading words as one name; each word given as (name token, given name, surname-like)."""
    if not all(name_token for name_token, _, _ in words):
        return float("inf")
    (_, first_given, first_surname), rest = words[0], words[1:]
    cost = 0.0 if first_given else 3.0
    if first_surname:
        cost += 4.0
    for k, (_, given, surname) in enumerate(rest):
        if given and not surname:
            # A second given name is fine right after the first; elsewhere it likely starts a new name.
            cost += 0.6 if k == 0 and len(words) > 2 else 2.5
        elif surname:
            cost -= 0.2
        elif k > 0 and rest[k - 1][2]:
            cost += 2.0  # "Berg Staffan …": after a surname, a word that is none likely starts a new name
    cost += {2: 0.0, 3: 0.4, 4: 1.5}[len(words)]
    return cost


_NAME_PUNCTUATION = re.compile(r"[-‐‑–—.]")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-insensitive key for a name (``Britt Inger`` = ``Britt-Inger``)."""
    t = unicodedata.normalize("NFKD", text.casefold())
    t = "".join(c for c in t if not unicodedata.combining(c))
    return " ".join(_NAME_PUNCTUATION.sub(" ", t).split())


@lru_cache(maxsize=65536)
def surname_key(name: str) -> str:
    """The folded last word of a name: two spellings of one name share it (memoised: the
    participants' names are looked up for each name-like word of each item)."""
    parts = fold(name).split()
    return parts[-1] if parts else ""


@lru_cache(maxsize=65536)
def same_person_name(a: str, b: str) -> bool:
    """Do two spellings denote the same name? (exact fold, or a small edit within the given name)."""
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    ta, tb = fa.split(), fb.split()
    if not ta or not tb or ta[-1] != tb[-1]:
        return False
    ga, gb = " ".join(ta[:-1]), " ".join(tb[:-1])
    if ga.replace(" ", "") == gb.replace(" ", ""):
        return True
    return len(ga) >= 4 and Levenshtein.distance(ga, gb) <= 1 or (
        len(ga) >= 6 and Levenshtein.distance(ga, gb) <= 2 and ga[0] == gb[0]
    )


def strip_party(text: str) -> tuple[str, str | None]:
    """``Tom Berg (C)`` -> (``Tom Berg``, ``C``)."""
    if "(" not in text:  # every party is written in parentheses
        return single_spaced(text), None
    party = None
    for m in PARTY.finditer(text):
        cand = m.group(1)
        if cand.casefold() in ("punkt", "ordf"):
            continue
        party = party or cand
    text = PARTY.sub(" ", text)
    return " ".join(text.split()), party
