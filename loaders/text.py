"""Normalised document text: lines that remember where they came from.

The normaliser removes page furniture (headers, footers, letterheads repeated on every page),
turns HTML fragments inside table cells into plain paragraphs, drops soft hyphens and keeps
superscript digits apart from the words. Every :class:`Line` keeps the character range of the
source text it was read from, so each extracted fact can point back to its text.
"""
from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby

SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
# Written after a word's first character, this asserts that the character starts a word, as a
# ``\b`` before it would; a pattern that starts with plain characters lets the regex engine skip
# ahead to them instead of trying every position of the text.
WORD_START = r"(?<!\w.)"


def grouped_alternation(words, longest_first: bool = False) -> str:
    """A regex matching any of ``words``, grouped by their first letter
    (``b(?:erättar|eskriver)|f(?:öredrar)…``): the regex engine tries fewer branches at each place.
    The grouping changes which of two matching words is found, unless ``longest_first``: then
    where several start, the longest is found."""
    ordered = sorted(words, key=lambda w: (w[0], -len(w), w)) if longest_first else sorted(words)
    groups = groupby(ordered, key=lambda w: w[0])
    return "|".join(re.escape(first) + "(?:" + "|".join(re.escape(w[1:]) for w in ws) + ")" for first, ws in groups)


# Letters that re.IGNORECASE matches to a letter of Swedish words (a-z, å, ä, ö, é, ü) though
# they are not that letter's str.lower() or str.upper(): dotted and dotless i, long s, the
# kelvin and ångström signs (a test checks this table against the re module over all of Unicode).
_IGNORECASE_EXTRA = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a", "å": "\u212b"}


def initials(alternatives) -> frozenset[str]:
    """The characters a case-insensitive regex's alternatives can start with: a cheap test of a
    line's first character before a case-insensitive regex anchored at the start of the line."""
    firsts = {a[0].lower() for a in alternatives}
    return frozenset(c for f in firsts for c in (f, f.upper(), *_IGNORECASE_EXTRA.get(f, "")))


def word_alternation(words) -> str:
    """:func:`grouped_alternation` of ``words`` at the start of a word."""
    return r"\b(?:" + grouped_alternation(words) + ")"


def _has_lower_case_exception(text: str) -> bool:
    """Whether ``text`` holds a letter that re.IGNORECASE matches to ``i`` or ``s`` but str.lower()
    does not turn into them (the only such letters of Unicode for a-z, å, ä, ö, é and ü)."""
    # three substring tests: free on text of Latin-1 letters only, faster than a regex otherwise
    return "İ" in text or "ı" in text or "ſ" in text


# A \b before a letter that is not repeated (no ?, *, + or { follows it).
_BOUNDARY_BEFORE_LETTER = re.compile(r"(?<!\\)\\b([a-zåäöéü])(?![?*+{])")


def letter_first(pattern: str) -> str:
    """``pattern`` with each ``\\b`` before a letter written after that letter (WORD_START): the
    same regex, but where every alternative then starts with a letter, the regex engine skips
    ahead to those letters instead of trying every place of the text."""
    return _BOUNDARY_BEFORE_LETTER.sub(lambda m: m.group(1) + WORD_START, pattern)


class CaseInsensitive:
    """A case-insensitive regex written in lower case, for ``search``: the same regex without
    re.I, several times faster, is tried first on the lower-cased text. Where it finds nothing, the
    case-insensitive regex finds nothing either, unless one of three letters stands in the text."""

    def __init__(self, pattern: str) -> None:
        if pattern != pattern.lower():
            raise ValueError(f"not written in lower case: {pattern!r}")
        self.pattern = re.compile(pattern, re.I)
        self._lower = re.compile(letter_first(pattern))

    def search(self, text: str, lowered: str | None = None) -> re.Match | None:
        """``self.pattern.search(text)``; ``lowered`` is ``text.lower()`` where the caller has it."""
        if self._lower.search(text.lower() if lowered is None else lowered) is None and not _has_lower_case_exception(text):
            return None
        return self.pattern.search(text)

    def spans(self, text: str, lowered: str | None = None) -> list[tuple[int, int]]:
        """``[m.span() for m in self.pattern.finditer(text)]``, found by the regex without re.I in
        the lower-cased text where that keeps every character's place and none of the three
        letters stands in the text (then both find the same); else by the case-insensitive regex."""
        lowered = text.lower() if lowered is None else lowered
        if len(lowered) == len(text) and not _has_lower_case_exception(text):
            return [m.span() for m in self._lower.finditer(lowered)]
        return [m.span() for m in self.pattern.finditer(text)]


_SUPER_RUN = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_TAG = re.compile(r"<[^<>]{0,200}>")
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|ul|ol|tr|h[1-6]|table|tbody|thead)\b[^<>]{0,200}>", re.I)
_HAS_HTML = re.compile(r"</?(?:p|i|b|em|strong|ul|ol|li|br|span|div|u|sup|sub|a)\b[^<>]{0,200}>", re.I)
_MD_RULE = re.compile(r"^[\s|\-–—=_\t:]+$")
_PAGE_NO = re.compile(r"^(?:sida|page|s\.)?\s*\d{1,3}(?:\s*(?:\(|av|/|of)\s*\d{1,3}\)?)?$", re.I)
_PAGE_OF = re.compile(r"^(?:(?:sida|page)\s*\d{1,3}(?:\s*(?:\(|av|/|of)\s*\d{1,3}\)?)?|\d{1,3}\s*(?:\(|av|/|of)\s*\d{1,3}\)?)$", re.I)
_ISO_DATE_LINE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Lines that are page furniture wherever they stand (signature boxes, adjustment stamps).
FURNITURE_LINE = re.compile(
    r"^(?:justerandes?\s+sign(?:atur)?|justerares?\s+sign(?:atur)?|ordf(?:örandes)?\s+sign|sekr\.?\s+sign"
    r"|utdragsbestyrkande|utdrag\s+bestyrks|paragrafen\s+är\s+justerad|signerat\s+med\s+.+|sign\.?"
    r"|justerat\s+och\s+signerat)$",
    re.I,
)
# Short headings that repeat on purpose: never furniture.
SECTION_WORDS = re.compile(
    r"^(?:beslut|beslutsunderlag|sammanfattning|förslag till beslut|yrkanden?|bakgrund|ärendet|"
    r"ärendebeskrivning|propositionsordning|reservation(?:er)?|protokollsanteckning|expedieras|"
    r"beslutet skickas till|bilag(?:a|or|orna)|noteringar|information|diskussion|övriga frågor|informationsärenden|"
    r"beslutsärenden)\s*:?$",
    re.I,
)


@dataclass(init=False, slots=True)
class Line:
    """One logical line of normalised text and the source range ``[start, end)`` it came from.
    (Slotted: a line is made for each line of each text, and read many times.)"""

    text: str
    start: int
    end: int
    page: int = 0
    cells: list[str] | None = field(default=None, repr=False)
    stripped: str = field(init=False, repr=False, compare=False)

    def __init__(self, text: str, start: int, end: int, page: int = 0, cells: list[str] | None = None) -> None:
        # the dataclass's own __init__ written out (a line is made for each line of each text)
        self.text = text
        self.start = start
        self.end = end
        self.page = page
        self.cells = cells
        # The text without surrounding whitespace, read many times by the extractors: worked
        # out once (a line's text is never reassigned).
        self.stripped: str = text.strip()

    @property
    def blank(self) -> bool:
        return not self.stripped


@dataclass
class Text:
    """The normalised document: its lines, the source text, and what was removed."""

    source_text: str
    lines: list[Line]
    furniture: list[str] = field(default_factory=list)

    def quote(self, start: int, end: int) -> str:
        return self.source_text[start:end]


_WIDE_SPACE = re.compile(r"[\u2000-\u200a]")


def _collapse_spaces(text: str) -> str:
    """``text`` with each run of spaces (plain, or typographic: U+2000-U+200A) as one plain space,
    and none at either end; by string methods, several times faster than a regex substitution on
    a cell of HTML, where removed tags leave many runs."""
    if _WIDE_SPACE.search(text):
        text = _WIDE_SPACE.sub(" ", text)
    return " ".join(filter(None, text.split(" ")))


# The characters cleaning changes: HTML, soft hyphens and invisible spaces, bold marks,
# superscripts, typographic spaces. In a whole text a substring test for each of them (a
# character beyond the text's widest one is ruled out at once) is faster than the class's search.
_CLEANING_CHARACTERS = tuple("<&\u00ad\u200b\ufeff\xa0*⁰¹²³⁴⁵⁶⁷⁸⁹" + "".join(map(chr, range(0x2000, 0x200B))))
_NEEDS_CLEANING = re.compile("[" + re.escape("".join(_CLEANING_CHARACTERS)) + "]")


def clean_inline(text: str) -> str:
    """Clean one line: HTML tags and entities, soft hyphens, superscripts spaced, whitespace."""
    if "  " not in text and not _NEEDS_CLEANING.search(text):
        return text.strip()
    if "<" in text and _HAS_HTML.search(text):
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    text = text.replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "").replace("\xa0", " ")
    text = text.replace("**", "")
    if _SUPER_RUN.search(text):
        text = _SUPER_RUN.sub(lambda m: " " + m.group(0).translate(SUPERSCRIPTS) + " ", text)
    return _collapse_spaces(text).strip()


_LIST_ITEM_TAG = re.compile(r"<li\b[^<>]*>", re.I)
_BULLET_CHAR = re.compile(r"\s*•\s*")


def html_paragraphs(cell: str) -> list[str]:
    """Split a table cell that may hold HTML into clean paragraphs (``<p>``, ``<li>``, ``<br>``)."""
    if "<" not in cell:
        t = clean_inline(cell)
        return [t] if t else []
    cell = _LIST_ITEM_TAG.sub("\n- ", cell)
    parts = _BLOCK_TAG.split(cell)
    out = []
    for part in parts:
        for sub in part.split("\n"):
            if "•" in sub:
                sub = _BULLET_CHAR.sub("\n- ", sub)
            for piece in sub.split("\n"):
                t = clean_inline(piece)
                if t and t != "-":
                    out.append(t)
    return out


def _physical_lines(text: str) -> list[tuple[str, int, int, int]]:
    """(text, start, end, page) of each physical line; a form feed marks a page break."""
    lines = []
    pos = 0
    page = 0
    for raw in text.split("\n"):
        end = pos + len(raw)
        if "\f" in raw:
            page += raw.count("\f")
            raw_clean = raw.replace("\f", "")
        else:
            raw_clean = raw
        lines.append((raw_clean, pos, end, page))
        pos = end + 1
    return lines


def split_lines(text: str) -> list[Line]:
    """Physical lines with source offsets; a form feed marks a page break."""
    return [Line(*line) for line in _physical_lines(text)]


def single_spaced(text: str) -> str:
    """``" ".join(text.split())``: whitespace runs as one space, none at either end."""
    # Every space character but the plain space is unprintable: a printable text with no double
    # space and none at either end is spaced so already (most lines), no split and join needed.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def furniture_key(text: str) -> str:
    """The key under which a line counts as repeated page furniture (spacing and case ignored)."""
    return single_spaced(text).lower()


def _furniture_keys(text: str) -> list[str]:
    """``furniture_key`` of each physical line's text (form feeds removed), the whole text
    lower-cased at once. Exact: no character lowers to or from a line feed, a form feed or other
    whitespace, and whitespace is neither cased nor case-ignorable, so lower-casing sees the same
    context (the final sigma) in a line as in the text and before spacing as after it."""
    lowered = (text.replace("\f", "") if "\f" in text else text).lower()
    return [single_spaced(low) for low in lowered.split("\n")]


_ENDS_BESLUT = re.compile(r"\bbeslut\s*:?$", re.I)
_NUMBERED_LINE = re.compile(r"^§?\s*\d{1,3}\s*[.)]?\s+\w")
_SENTENCE_STOP = re.compile(r"[.!?]$")
_NOT_A_STOP = re.compile(r"\d[.]$|\b[A-ZÅÄÖ]\.$")
_STAMP_ROW = re.compile(r"^(?:justerandes sign\s*){1,3}(?:utdragsbestyrkande)?$")


# Any of the stamp and page number patterns: one quick test for each line first.
_ANY_STAMP = re.compile("|".join(f"(?:{p.pattern})" for p in (FURNITURE_LINE, _MD_RULE, _PAGE_NO, _STAMP_ROW, _PAGE_OF)), re.I)
# What those patterns can start with: the first letters of their words (case ignored), the
# characters of a rule line, whitespace (\s: str.isspace) or a digit (\d: str.isdecimal).
_STAMP_FIRST = initials("josup") | frozenset("|-–—=_\t:")


@lru_cache(maxsize=4096)
def _is_candidate(text: str) -> bool:
    """Could this line be page furniture if it repeats? (short, not a sentence, not a heading)."""
    t = text.strip()
    if not t or len(t) > 160 or SECTION_WORDS.match(t) or _ENDS_BESLUT.search(t):
        return False
    if t.startswith(("§", "-", "•")) or _NUMBERED_LINE.match(t) and not _ISO_DATE_LINE.match(t):
        return False
    if _SENTENCE_STOP.search(t) and not _NOT_A_STOP.search(t):
        return False
    return True


def find_furniture(lines: list[Line], line_keys: list[str] | None = None) -> set[str]:
    """Keys of lines that are page furniture: stamps, page numbers, and blocks repeated per page."""
    texts = [ln.text for ln in lines]
    if line_keys is None:
        line_keys = [furniture_key(t) for t in texts]
    return _find_furniture(texts, line_keys)


def _find_furniture(texts: list[str], line_keys: list[str]) -> set[str]:
    # A line is blank exactly when its key is empty.
    nonblank = [t for k, t in zip(line_keys, texts) if k]
    keys = [k for k in line_keys if k]
    counts = Counter(keys)
    furniture: set[str] = set()
    stamp_like = [k for k in counts  # (keys are not empty)
                  if (k[0] in _STAMP_FIRST or k[0].isdecimal() or k[0].isspace()) and _ANY_STAMP.match(k.replace("\t", " "))]
    for key in stamp_like:
        plain = key.replace("\t", " ")
        if FURNITURE_LINE.match(plain) or _MD_RULE.match(plain) or _PAGE_NO.match(plain) and counts[key] >= 2:
            furniture.add(key)
        elif _STAMP_ROW.match(plain):
            furniture.add(key)
    # Page numbers written once per page ("Sida 1 av 3", "Sida 2 av 3"): each key differs.
    numbered_pages = [k for k in stamp_like if _PAGE_OF.match(k.replace("\t", " "))]
    if len(numbered_pages) >= 2:
        furniture.update(numbered_pages)
    # Blocks: runs of 1-4 consecutive short lines that repeat at least three times.
    min_repeats = 3
    candidates = [i for i, (k, t) in enumerate(zip(keys, nonblank)) if counts[k] >= min_repeats and _is_candidate(t)]
    # run[i]: how many candidates stand in a row from line i on
    run = [0] * (len(keys) + 1)
    for i in reversed(candidates):
        run[i] = run[i + 1] + 1
    for n in (4, 3, 2, 1):
        grams = Counter()
        for i in candidates:
            if run[i] < n:
                continue
            gram = tuple(keys[i : i + n])
            if any(k in furniture for k in gram):
                continue
            grams[gram] += 1
        for gram, c in grams.items():
            if c < min_repeats:
                continue
            if n == 1:
                k = gram[0]
                # A single repeated line is furniture only if it looks like a header/footer item.
                if not (_ISO_DATE_LINE.match(k) or _letterhead_like(k) or c >= 4 and len(k.split()) <= 6):
                    continue
            furniture.update(gram)
    return furniture


_LETTERHEAD = re.compile(r"(postadress|besöksadress|telefon|telefax|org\.?\s?nr|e-post|internet|www\.|@|plusgiro|bankgiro)")


def _letterhead_like(key: str) -> bool:
    return bool(_LETTERHEAD.search(key))


_COLUMN_GAP = re.compile(r"\S {3,}\S")


def _spaced_columns(line: str) -> str:
    """Columns laid out with spaces (text exported from a PDF) become tab-separated cells; an
    indented row keeps an empty first cell, as a continuation row of a tab table has."""
    indented = len(line) - len(line.lstrip(" ")) >= 3
    cells = re.split(r" {3,}", line.strip())
    return ("\t" if indented else "") + "\t".join(cells)


def normalise(text: str) -> Text:
    """Normalise document text into :class:`Text`; see the module docstring."""
    physical = _physical_lines(text)
    texts = [raw for raw, _, _, _ in physical]
    keys = _furniture_keys(text)
    furniture = _find_furniture(texts, keys)
    # Where the text holds no character that cleaning changes, clean_inline() of a line or cell
    # without a double space is its text stripped (as clean_inline's own first test finds).
    plain_text = not any(c in text for c in _CLEANING_CHARACTERS)
    lines: list[Line] = []
    for (raw, start, end, page), key in zip(physical, keys):
        if key in furniture:  # never a blank line: those have the empty key
            continue
        if not key and "\t" not in raw:  # a blank line
            lines.append(Line("", start, end, page))
            continue
        if "   " in raw and "\t" not in raw and _COLUMN_GAP.search(raw.strip()):
            raw = _spaced_columns(raw)
        if "\t" in raw:
            cells = [c for c in raw.split("\t")]
            clean_cells = [c.strip() if plain_text and "  " not in c else clean_inline(c) for c in cells]
            out = Line("\t".join(clean_cells).strip("\t ") if any(clean_cells) else "", start, end, page)
            out.cells = cells
            if _MD_RULE.match(out.text or "-") and out.text:
                continue
            lines.append(out)
        else:
            lines.append(Line(raw.strip() if plain_text and "  " not in raw else clean_inline(raw), start, end, page))
    return Text(source_text=text, lines=lines, furniture=sorted(furniture))


def paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Group lines into paragraphs separated by blank lines."""
    out: list[list[Line]] = []
    cur: list[Line] = []
    for ln in lines:
        if not ln.stripped:  # blank
            if cur:
                out.append(cur)
                cur = []
        else:
            cur.append(ln)
    if cur:
        out.append(cur)
    return out


def join_text(lines: list[Line]) -> str:
    """The lines' text as one single-spaced text (blank lines add only spacing: left out)."""
    return single_spaced(" ".join([ln.text for ln in lines if ln.text]))
