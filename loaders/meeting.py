"""Meeting facts from the protocol head: body name and acronym, date, start, end, place."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from samgraf.loaders.text import WORD_START, CaseInsensitive, Line, Text, furniture_key

MONTHS = {
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
    "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "okt": 10, "nov": 11, "dec": 12,
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
# The dates' "no digit before" look-behinds stand after their first characters, not before them:
# a pattern that starts with a digit lets the regex engine skip ahead to digits instead of trying
# every place of the text (a test checks the patterns against the ones written plainly).
ISO_DATE = re.compile(r"((?:19|20)(?<!\d..)\d{2})-(\d{2})-(\d{2})(?!\d)")
SWEDISH_DATE = re.compile(rf"(\d(?<!\d.)\d?)\s*(?:e|:e|:a)?\s+({_MONTH_RE})\.?(?:\s+((?:19|20)\d{{2}}))?(?!\w)", re.I)
TIME_RANGE = re.compile(
    r"(?:kl(?:ockan)?\.?\s*)?(?<![\d-])([01]?\d|2[0-3])(?:[.:](\d{2}))?\s*(?:[-–—]|till)\s*([01]?\d|2[0-3])(?:[.:](\d{2}))?(?![\d-])"
)
SLASH_DATE = re.compile(r"(\d(?<![\d/].)\d?)/(\d{1,2})(?:\s+|\s*-\s*)((?:19|20)\d{2})(?![\d/])")
TIME_START = re.compile(r"\bkl(?:ockan)?\.?\s*([01]?\d|2[0-3])[.:](\d{2})\b", re.I)
DATE_LABEL = re.compile(
    r"\b(?:sammanträdesdatum|mötesdatum|datum|tid och plats|plats och tid|tid|sammanträde|möte|protokoll)\b", re.I
)
PLACE_LABEL = re.compile(r"^(?:plats(?:\s+och\s+tid)?|lokal|mötesplats|sammanträdesplats|tid och plats(?: för sammanträdet)?)\s*[:\t ]\s*", re.I)
ADJUST_LABEL = re.compile(r"justera|justerat|justering|anslag|utdrag|uppsättande|nedtagande", re.I)
ACRONYM_IN_PARENS = re.compile(r"\(([A-ZÅÄÖ][A-ZÅÄÖa-zåäö\-]{1,11})\)")
_DIGIT = re.compile(r"\d")
BODY_WORDS = CaseInsensitive(
    r"(grupp(?:en)?|råd(?:et)?|nämnd(?:en)?|styrelse(?:n)?|utskott(?:et)?|förbund(?:et)?|beredning(?:en)?|"
    r"fullmäktige|kommitté(?:n)?|presidi(?:um|et)|ledningsgrupp(?:en)?|samverkansgrupp(?:en)?|forum|"
    r"arena(?:n)?|delegation(?:en)?|konferens(?:en)?|nätverk(?:et)?)\b"
)


_TID = re.compile(r"\btid\b", re.I)
_INLINE_PLACE = re.compile(r"\b(?:lokal|plats)\s*:\s*(.+)$", re.I)
_PLACE_END = re.compile(r"\s+\b(?:tid|datum|närvarande|deltagare)\s*:", re.I)
_NOT_A_PLACE = re.compile(r"\t|:|beslutande|närvarande|ledamöter", re.I)
_WEEKDAY = re.compile(r"\b(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?\b(?:\s+den)?", re.I)
_KL = re.compile(r"\bkl(?:ockan)?\.?\b", re.I)
_SPACE_RUN = re.compile(r"\s+")
_BODY_LABEL = re.compile(r"^(?:organ|nämnd|instans|styrelse)$", re.I)
_PROTOCOL_OF = re.compile(
    r"\b(?:protokoll(?:et)?|(?:minnes|mötes)?anteckningar(?:na)?)\s+(?:från\s+|för\s+|fört vid\s+|vid\s+)?(.+)$", re.I)
_MEETING_WITH = re.compile(
    r"^(?:(?:ordinarie|extra|digitalt|gemensamt)\s+)?(?:sammanträde|möte|mötet)\s+(?:med|i|för)\s+", re.I)
_PROTOCOL_SUFFIX = re.compile(r"\s+[-–—:]\s+(?:protokoll|(?:minnes|mötes)?anteckningar)\b.*$", re.I)
_NAME_END = re.compile(r"\s+(?:\d{1,2}\s+(?:%s)|(?:19|20)\d{2}|tid\s*:|datum|kl\.?\s)" % _MONTH_RE, re.I)
_NOT_A_NAME = re.compile(r"^(?:\S+\s+)?(?:beslut|sammanträde|möte)", re.I)
_DECISION_OR_PROTOCOL = re.compile(r"\b(beslut|protokoll)\b", re.I)
_CAPITALS = "ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ"


@lru_cache(maxsize=64)
def _all_caps_words_starting(letter: str) -> re.Pattern | None:
    r"""All-capitals words of 2-6 letters (``\b[A-ZÅÄÖ]{2,6}\b``) whose first letter case-folds
    to ``letter``: a pattern starting with one plain character, which the regex engine searches
    for quickly."""
    firsts = "".join(c for c in _CAPITALS if c.casefold() == letter)
    if not firsts:
        return None
    return re.compile(rf"[{firsts}]{WORD_START}[{_CAPITALS}]{{1,5}}\b")


@dataclass
class MeetingFacts:
    body_name: str | None = None
    acronym: str | None = None
    date: str | None = None
    start: str | None = None
    end: str | None = None
    place: str | None = None
    date_line: int | None = None


def _fmt_time(h: str, m: str | None) -> str:
    return f"{int(h):02d}:{int(m or 0):02d}"


def find_dates(text: str) -> list[tuple[int, int | None, int, int]]:
    """All dates in ``text`` as (position, year or None, month, day)."""
    out = []
    if not _DIGIT.search(text):
        return out
    for m in ISO_DATE.finditer(text):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            out.append((m.start(), y, mo, d))
    if "/" in text:
        for m in SLASH_DATE.finditer(text):  # "5/3 2024": day/month year
            d, mo = int(m.group(1)), int(m.group(2))
            if 1 <= mo <= 12 and 1 <= d <= 31:
                out.append((m.start(), int(m.group(3)), mo, d))
    for m in SWEDISH_DATE.finditer(text):
        d, mo = int(m.group(1)), MONTHS[m.group(2).lower().rstrip(".")]
        if 1 <= d <= 31:
            out.append((m.start(), int(m.group(3)) if m.group(3) else None, mo, d))
    return sorted(out)


def _iso(y: int, mo: int, d: int) -> str:
    return f"{y:04d}-{mo:02d}-{d:02d}"


def infer_year(month: int, day: int, lines: list[Line]) -> int | None:
    """Year for a date written without one, from the other full dates of the protocol."""
    years = []
    for ln in lines:
        # a date with its year holds the year's first two digits, "19" or "20" (all three patterns)
        if "20" not in ln.text and "19" not in ln.text:
            continue
        for _, y, mo, d in find_dates(ln.text):
            if y is not None:
                # an adjustment date after the meeting in January may belong to the next year
                years.append(y - 1 if mo < month and month - mo > 6 else y)
    return Counter(years).most_common(1)[0][0] if years else None


def extract_meeting(text: Text, head: list[Line]) -> MeetingFacts:
    facts = MeetingFacts()
    _date_and_time(facts, head, text.lines)
    _place(facts, head)
    _body(facts, text, head)
    return facts


def _date_and_time(facts: MeetingFacts, head: list[Line], all_lines: list[Line]) -> None:
    scored: list[tuple[int, int, str]] = []  # (score, line index, iso)
    partial: list[tuple[int, int, int, int]] = []
    for i, ln in enumerate(head):
        t = ln.text
        dates = find_dates(t)
        if not dates:
            continue
        label = DATE_LABEL.search(t)
        adjust = ADJUST_LABEL.search(t)
        prev = head[i - 1].text if i else ""
        prev_label = bool(DATE_LABEL.search(prev)) and not ADJUST_LABEL.search(prev)
        for pos, y, mo, d in dates:
            score = 10 - min(i, 60) // 6
            if label and label.start() < pos:
                score += 8
            if prev_label:
                score += 6
            if TIME_RANGE.search(t) or TIME_START.search(t):
                score += 4
            if adjust or ADJUST_LABEL.search(prev):
                score -= 12
            if y is None:
                partial.append((score, i, mo, d))
            else:
                scored.append((score, i, _iso(y, mo, d)))
    # A date that also heads every page is the meeting date.
    counts = Counter(iso for _, _, iso in scored)
    scored = [(s + (5 if counts[iso] > 1 else 0), i, iso) for s, i, iso in scored]
    best = max(scored, default=None)
    best_partial = max(partial, default=None)
    if best_partial and (best is None or best_partial[0] > best[0] + 2):
        year = infer_year(best_partial[2], best_partial[3], all_lines)
        if year:
            facts.date = _iso(year, best_partial[2], best_partial[3])
            facts.date_line = best_partial[1]
    if facts.date is None and best:
        facts.date, facts.date_line = best[2], best[1]
    _times(facts, head)


def _times(facts: MeetingFacts, head: list[Line]) -> None:
    order = list(range(len(head)))
    if facts.date_line is not None:
        order.sort(key=lambda i: abs(i - facts.date_line))
    for i in order:
        t = head[i].text
        if _DIGIT.search(t) is None:
            continue  # TIME_RANGE and TIME_START find nothing without a digit
        if ADJUST_LABEL.search(t) and not _TID.search(t):
            continue
        for m in TIME_RANGE.finditer(t):
            before = t[max(0, m.start() - 12) : m.start()].lower()
            if "kl" not in m.group(0).lower() and "kl" not in before and not re.search(r"tid", t, re.I):
                continue
            if m.group(2) is None and m.group(4) is None and "kl" not in m.group(0).lower():
                continue
            facts.start, facts.end = _fmt_time(m.group(1), m.group(2)), _fmt_time(m.group(3), m.group(4))
            return
        m = TIME_START.search(t)
        if m:
            facts.start = _fmt_time(m.group(1), m.group(2))
            return


def _clean_place(text: str) -> str | None:
    t = TIME_RANGE.sub(" ", text)
    t = TIME_START.sub(" ", t)
    t = SWEDISH_DATE.sub(" ", t)
    t = ISO_DATE.sub(" ", t)
    t = _WEEKDAY.sub(" ", t)
    t = _KL.sub(" ", t)
    t = _SPACE_RUN.sub(" ", t.replace("\t", " ")).strip(" ,;:-–")
    return t or None


def _place(facts: MeetingFacts, head: list[Line]) -> None:
    for i, ln in enumerate(head):
        t = ln.stripped
        inline = _INLINE_PLACE.search(t) if ":" in t else None
        m = PLACE_LABEL.match(t)
        if not m and not inline:
            continue
        rest = inline.group(1) if inline and not m else t[m.end():]
        if inline and not m:
            rest = _PLACE_END.split(rest)[0]
        label = t[: m.end()].lower() if m else ""
        place = _clean_place(rest)
        if "tid" in label and "plats" in label:
            # "Tid och plats ... <date>, kl. 13-16" then the place on the following line.
            nxt = next((h.stripped for h in head[i + 1 : i + 3] if h.stripped), "")
            if nxt and not _NOT_A_PLACE.search(nxt) and (not place or _has_date_or_time(rest)):
                place = _clean_place(nxt) if not place or _has_date_or_time(rest) and not _clean_place(rest) else place
                if _has_date_or_time(rest):
                    place = _clean_place(nxt)
        if place:
            facts.place = place
            return


def _has_date_or_time(text: str) -> bool:
    return bool(find_dates(text) or TIME_RANGE.search(text) or TIME_START.search(text))


def _body(facts: MeetingFacts, text: Text, head: list[Line]) -> None:
    candidates: list[tuple[int, str, str | None]] = []
    furniture = set(text.furniture)
    for i, ln in enumerate(head[:80]):
        t = ln.stripped
        if not t or len(t) > 200:
            continue
        cells = [c.strip() for c in t.split("\t") if c.strip()]
        for c_idx, cell in enumerate(cells):
            label_match = _BODY_LABEL.match(cell)
            if label_match and c_idx + 1 < len(cells):
                candidates.append((40, cells[c_idx + 1], None))
                continue
            if not BODY_WORDS.search(cell):
                continue  # the name part below is a part of the cell, cut at spaces or punctuation
            m = _PROTOCOL_OF.search(cell)
            name_part = m.group(1) if m else cell
            # "… fört vid sammanträde med X", "… från möte i X"; "X – minnesanteckningar"
            name_part = _MEETING_WITH.sub("", name_part)
            name_part = _PROTOCOL_SUFFIX.sub("", name_part)
            name_part = _NAME_END.split(name_part)[0]
            name_part = name_part.strip(" ,:-–")
            if not BODY_WORDS.search(name_part) or len(name_part.split()) > 14:
                continue
            acr = ACRONYM_IN_PARENS.search(name_part)
            acronym = acr.group(1) if acr and acr.group(1).upper() == acr.group(1) else None
            name = ACRONYM_IN_PARENS.sub("", name_part).strip(" ,:-–")
            if _NOT_A_NAME.match(name):
                continue
            # A name broken over two lines continues on the next one in lower case.
            nxt = head[i + 1].stripped if i + 1 < len(head) else ""
            if len(cells) == 1 and nxt and nxt[0].islower() and len(nxt.split()) <= 6 and "\t" not in nxt:
                name = f"{name} {nxt}"
            score = 20 - i // 4
            if acronym:
                score += 10
            if m:
                score += 6
            if furniture_key(t) in furniture:
                score += 4
            if _DECISION_OR_PROTOCOL.search(name) and not m:
                score -= 10
            candidates.append((score, name, acronym))
    if not candidates:
        return
    score, name, acronym = max(candidates, key=lambda c: c[0])
    name = name[0].upper() + name[1:]
    if name.isupper() and len(name) > 6 and " " not in name:
        name = name.capitalize()  # "SOCIALNÄMNDEN" in a heading set in capitals
    facts.body_name = name
    facts.acronym = acronym or _used_acronym(name, text)


def _used_acronym(name: str, text: Text) -> str | None:
    """An all-capitals word used for the body: its letters in order in the name, mostly initials
    of its words or of the parts of its compounds (``LSG``: Läns-samordnings-grupp)."""
    low = name.casefold()
    # only words with the name's first letter can be its acronym
    pattern = _all_caps_words_starting(low[0])
    if pattern is None:
        return None
    counts = Counter(pattern.findall(text.source_text))
    initial = {i for i, ch in enumerate(low) if ch.isalpha() and (
        i == 0 or not low[i - 1].isalnum()
        # after a Swedish linking s in a compound: "läns|samordnings|grupp"
        or i >= 3 and low[i - 1] == "s" and low[i - 2].isalpha() and low[i - 3].isalpha())}
    for token, c in counts.most_common():
        tk = token.casefold()
        if len(tk) > len(name.split()) + 3 or c == 1 and len(tk) < 3:
            continue
        pos, initials, ok = 0, 0, True
        for ch in tk:
            at = next((i for i in sorted(initial) if i >= pos and low[i] == ch), None)
            if at is None:
                at = low.find(ch, pos)
                if at < 0:
                    ok = False
                    break
            else:
                initials += 1
            pos = at + 1
        # every letter an initial, unless the word is used often and is long enough to be sure
        if ok and initials >= (len(tk) if c < 3 or len(tk) <= 3 else len(tk) - 1):
            return token
    return None
