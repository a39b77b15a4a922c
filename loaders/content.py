"""What an item says: its decisions (with type), presenters, attachments and mentions."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from samgraf.loaders.names import is_first_name, is_name_token, same_person_name, strip_party, surname_key
from samgraf.loaders.text import (
    SECTION_WORDS, CaseInsensitive, Line, grouped_alternation, initials, paragraphs, single_spaced, word_alternation,
)

DECISION_HEADING = re.compile(
    r"^(?:(?:[\wåäöÅÄÖ\-]+\s+){0,8}[\wåäöÅÄÖ\-]+s\s+beslut|beslut(?:et)?\b|beslutade?s?\b|beslut\s+i\s+\S+|"
    # "Styrelsen beslutar" / "Nämnden beslutar att" on a line of its own, the decisions below
    r"(?:[\wåäöÅÄÖ\-]+\s+){1,8}(?:beslutar|beslöt|beslutade)(?:\s+att)?(?=\s*:?\s*$))\s*:?\s*(?P<rest>.*)$",
    re.I,
)
# Every DECISION_HEADING, DECISION_INTRO and BARE_INTRO holds one of these: a quick test first.
_DECISION_WORD = re.compile(r"besl(?:ut|öt)", re.I)


def decision_heading(text: str) -> re.Match | None:
    """``DECISION_HEADING.match(text)``."""
    return DECISION_HEADING.match(text) if _DECISION_WORD.search(text) else None


OTHER_SECTION = re.compile(
    r"^(?:(?:[\wåäö\-]+s\s+)?förslag(?:\s+till\s+beslut)?|yrkanden?|sammanfattning|bakgrund|ärendet|"
    r"ärendebeskrivning|beskrivning av ärendet|beslutsunderlag|underlag|handlingar|expedier(?:as|ing)(?:\s+till)?|kopia till|delges|"
    r"beslutet\s+(?:skickas|expedieras)\s+till|skickas till|reservation(?:er)?|protokollsanteckning(?:ar)?|"
    r"propositionsordning|jäv|paragrafen är justerad|information|diskussion|överläggning|yttrande|"
    r"bilag(?:a|or|orna)|noteringar|ajournering|omröstning|särskilt yttrande)\s*:?$",
    re.I,
)
# Lines that close a decision section without starting another (the protocol's adjustment lines).
SECTION_END = re.compile(r"^(?:justerat|justeras|justeringens|justerandes|vid protokollet)\b", re.I)
_INLINE_ATTACHMENT_LABELS = ("bilag(?:a|or|orna)", "beslutsunderlag")
_ATTACHMENT_SECTION_LABELS = ("beslutsunderlag", "underlag", "handlingar", "bilag(?:a|or|orna)")
INLINE_ATTACHMENT = re.compile(rf"^(?:{'|'.join(_INLINE_ATTACHMENT_LABELS)})\s*:\s*(?P<rest>\S.{{0,200}})$", re.I)
ATTACHMENT_SECTION = re.compile(rf"^(?:{'|'.join(_ATTACHMENT_SECTION_LABELS)})\s*:?$", re.I)
ATT_CLAUSE = re.compile(r"^(?P<text>att\s+\S.*?)(?:\s*[,;]\s*(?:samt|och)?)?$")  # "att godkänna planen,"
NUMBERED_POINT = re.compile(r"^(?P<num>\d{1,2})\s*[.)]\s+(?P<text>.+)$")
BULLET = re.compile(r"^[-–•*]\s*(?P<text>.+)$")
QUOTED = re.compile(r"[”“\"«][^”“\"«»]{10,}?[”“\"»]")
# A sentence ends at . ! or ? followed by space and a capital or digit, but not after a
# common abbreviation (t.ex., bl.a., ca., kl., nr.).
_ABBREVIATIONS = ("bl.a", "t.ex", "m.fl", "ev", "ca", "kl", "nr", "resp", "jfr", "p.g.a", "s.k")
_ABBREVIATION_END = re.compile(r"(?:\b(?:" + "|".join(map(re.escape, _ABBREVIATIONS)) + r"))\.$", re.I)
_LONGEST_ABBREVIATION = len("p.g.a.")
# The letters abbreviations end in (lower case): a quick test of the letter before a full stop.
_ABBREVIATION_LAST_LETTERS = frozenset(a[-1] for a in _ABBREVIATIONS)
# (?<=[.!?])\s+(?=[A-ZÅÄÖ0-9]), written to start with \s so that the regex engine skips ahead to spaces
SENTENCE_END = re.compile(r"\s(?<=[.!?]\s)\s*(?=[A-ZÅÄÖ0-9])")

PRESENTER_VERBS = (
    r"föredrar|föredrog|informerar|informerade|redovisar|redovisade|återredovisar|återrapporterar|"
    r"redogör|redogjorde|går igenom|gick igenom|presenterar|presenterade|berättar|berättade|inleder|inledde|"
    r"rapporterar|rapporterade|lägesrapporterar|kompletterar|kompletterade|visar|visade|beskriver|beskrev|"
    r"hänvisar|föredras av|drar ärendet|drog ärendet"
)
_PRESENTER = re.compile(rf"^(?P<subj>.{{2,170}}?)\s+(?P<verb>{PRESENTER_VERBS})\b", re.I)
# Cheap test on lower-cased text before _PRESENTER: the verbs' first words as plain strings.
_PRESENTER_NEEDLE = re.compile(word_alternation({v.split()[0] for v in PRESENTER_VERBS.split("|")}))

DECISION_VERB = CaseInsensitive(
    r"\b(?:godkänn(?:er|es|s|des|de)|godkände|beslut(?:ar|ade|as|ades)|beslöt|fastställ(?:er|es|s|des|de)|"
    r"antar|antas|antogs|antog|valdes|väljs|utsågs|utses|utser|utsåg|tillstyrk(?:er|tes|s)|avslog|avslås|"
    r"bifall(?:er|s)|biföll|tillsätt(?:er|s)|tillsattes|noterades|noteras|antecknades|antecknas|"
    r"lades till handlingarna|läggs till handlingarna|kompletterades|bordla(?:des|gs)|bordläggs|"
    r"återremitter(?:as|ades)|rekommender(?:ar|ade|as)|ställ(?:er|de)\s+sig\s+bakom|återkommer\s+med|beslut\s+(?:togs|fattades)|enade?s\s+om|kom\s+överens|överenskoms|(?:tas|togs)\s+till\s+protokollet|uppdrar|uppdrogs|ger\b.{1,80}\bi uppdrag|"
    r"gav\b.{1,80}\bi uppdrag|får\b.{0,60}\bi uppdrag)",
)
OTHER_BODY_SUBJECT = re.compile(
    r"\b(?:\w+gruppen|\w*rådet|\w*nämnden|\w*styrelsen|regeringen|riksdagen|fullmäktige|kommunerna|"
    r"landstinget|regionen|kommunen|\w+förbundet|\w+arenan|socialstyrelsen|skl|departementet)\b",
    re.I,
)
MODAL = CaseInsensitive(r"\b(?:ska|skall|skulle|kommer att|bör|borde|kan|kunde|måste|planeras|föreslås)\b")
PRONOUN_BEFORE = CaseInsensitive(r"\b(?:man|som|de|vi|han|hon|det|den|ni)\s+$")

RECOMMEND = CaseInsensitive(r"\brekommend|\bföreslår\s+(?:huvudmännen|kommunerna|landstinget|regionen|regionerna|parterna)|\btill huvudmännen\b")
STRONG_ASSIGN = CaseInsensitive(
    r"\bi uppdrag\b|\buppdrar?\b|\buppdras\b|\buppdrogs\b|\bges\s+(?:behörighet|mandat|rätt)\b|\bfår\s+(?:mandat|behörighet)\b|\bfortsatt uppdrag\b",
)
NOTED = CaseInsensitive(
    r"till handlingarna|\bnoter(?:as|ades|ats|ar|ade)\b|\bnoteras\b|\btagit del av\b|\btar del av\b|\bantecknas\b|\bantecknades\b|"
    r"informationen\s+(?:noteras|tas emot|godtas)|\bredovisningen\s+noteras|\bt(?:as|ogs)\s+till\s+protokollet",
)
APPROVE = CaseInsensitive(
    r"\b(?:godkänn|godkände|fastställ|beslut(?:ar|ade|as|ades)\b|beslöt|antar\b|antas\b|antogs|antog\b|väljs|valdes|"
    r"utses|utsågs|tillsätts|tillsattes|bifall|avslå|avslog|tillstyrk)",
)
WEAK_ASSIGN = CaseInsensitive(
    r"\b(?:kontaktar|tar kontakt|återkommer|kollar upp|kollas upp|skickas|distribueras|sammankallar|bjuder in|"
    r"utreder|tar fram|ansvarar för att|följer upp|undersöker|ser över|bereder|återrapporterar)\b",
)


_PROPOSAL_START = re.compile(r"^(?:förslag|yrkande)", re.I)
_PARENTHESES = re.compile(r"\([^)]*\)")
_NAME_TOKENS = re.compile(r"[\wÅÄÖåäöéÉü\-]+|[,;:]")  # punctuation ends a name
_ENDS_WITH_COMMA = re.compile(r",\s*$")
_WORD = re.compile(r"\w+")
_FORMAL_SUBJECT = re.compile(r"det\s+", re.I)
_FICK = re.compile(r"\bfick\b", re.I)
_CONDITION_START = re.compile(r"^(?:om|när|innan|efter att|eftersom|då|för att|förslag)", re.I)


@dataclass
class DecisionUnit:
    text: str
    type: str
    start: int
    end: int


def classify(text: str, inherited: str | None = None) -> str:
    """Decision type from wording: recommendation, assignment, noted or decision."""
    if inherited == "recommendation":
        return "recommendation"
    lowered = text.lower()
    if RECOMMEND.search(text, lowered):
        return "recommendation"
    if STRONG_ASSIGN.search(text, lowered):
        return "assignment"
    if NOTED.search(text, lowered) and not APPROVE.search(text, lowered):
        return "noted"
    if APPROVE.search(text, lowered):
        return "decision"
    if WEAK_ASSIGN.search(text, lowered):
        return "assignment"
    return inherited or "decision"


def _has_quote(text: str) -> bool:
    # five substring tests: much faster than a regex character class over a paragraph
    return '"' in text or "”" in text or "“" in text or "«" in text or "»" in text




def _ends_in_abbreviation(text: str) -> bool:
    return (text[-2:-1].lower() in _ABBREVIATION_LAST_LETTERS and text.endswith(".")
            and bool(_ABBREVIATION_END.search(text, max(0, len(text) - _LONGEST_ABBREVIATION))))


@lru_cache(maxsize=1024)
def split_sentences(text: str) -> tuple[str, ...]:
    """The sentences of a paragraph (memoised: the presenters and the decisions of an item
    both read its paragraphs)."""
    sentences: list[str] = []
    for part in SENTENCE_END.split(text):
        part = part.strip()
        if not part:
            continue
        if sentences and _ends_in_abbreviation(sentences[-1]):
            sentences[-1] = f"{sentences[-1]} {part}"
        else:
            sentences.append(part)
    return tuple(sentences)


def units_from_lines(lines: list[Line]) -> list[DecisionUnit]:
    """Decision units of a decision section: numbered points, paragraphs, lists joined to their lead."""
    units: list[tuple[str, int, int, str | None]] = []  # text, start, end, inherited type
    inherited: str | None = None
    intro_pending: tuple[str, int, int] | None = None
    for para in paragraphs(lines):
        for ln in para:
            t = ln.stripped.replace("\t", " ")
            bullet = BULLET.match(t)
            point = NUMBERED_POINT.match(t) or ATT_CLAUSE.match(bullet.group("text") if bullet else t)
            if point:
                bullet = None
            if point:
                if intro_pending:
                    inherited = "recommendation" if RECOMMEND.search(intro_pending[0]) else classify(intro_pending[0]) if APPROVE.search(intro_pending[0]) is None else None
                    intro_pending = None
                units.append((point.group("text"), ln.start, ln.end, inherited))
            elif bullet and units:
                text, s, _, inh = units[-1]
                units[-1] = (f"{text} - {bullet.group('text')}", s, ln.end, inh)
            elif bullet and intro_pending:
                units.append((f"{intro_pending[0]} {bullet.group('text')}", intro_pending[1], ln.end, None))
                intro_pending = None
            elif units and ln is not para[0] and not t.endswith(":"):
                text, s, _, inh = units[-1]
                units[-1] = (f"{text} {t}", s, ln.end, inh)
            elif t.endswith(":"):
                if intro_pending:
                    units.append((intro_pending[0], intro_pending[1], intro_pending[2], None))
                intro_pending = (t, ln.start, ln.end)
            else:
                if intro_pending:
                    units.append((f"{intro_pending[0]} {t}", intro_pending[1], ln.end, None))
                    intro_pending = None
                else:
                    units.append((t, ln.start, ln.end, None))
        if para and not NUMBERED_POINT.match(para[-1].stripped) and not BULLET.match(para[-1].stripped):
            # a plain paragraph ends any inherited list context
            if not para[0].stripped.endswith(":"):
                inherited = inherited if any(NUMBERED_POINT.match(x.stripped) for x in para) else None
    if intro_pending and not units:
        units.append((intro_pending[0], intro_pending[1], intro_pending[2], None))
    out = []
    for text, s, e, inh in units:
        text = single_spaced(text)
        if text:
            out.append(DecisionUnit(text, classify(text, inh), s, e))
    return out


def decision_sections(body: list[Line]) -> list[list[Line]]:
    """Lines of each decision section (``Beslut``, ``<organ>s beslut``) of an item body."""
    sections: list[list[Line]] = []
    current: list[Line] | None = None
    for ln in body:
        t = ln.stripped
        m = decision_heading(t) if t and len(t) < 140 and "\t" not in ln.text else None
        if m and not _PROPOSAL_START.match(t) and (not m.group("rest") or t.lower().startswith("beslut:")):
            current = []
            sections.append(current)
            rest = m.group("rest").strip()
            if rest:
                current.append(Line(rest, ln.start, ln.end, ln.page))
            continue
        if current is not None and t and (OTHER_SECTION.match(t) or SECTION_END.match(t)):
            current = None
            continue
        if current is not None:
            current.append(ln)
    for section in sections:
        _drop_trailing_group_heading(section)
    return [s for s in sections if any(not x.blank for x in s)]


def _drop_trailing_group_heading(section: list[Line]) -> None:
    """A short unpunctuated line ending the last item of a group (``Informationsärenden``) heads
    the next group of items; it is not part of the decision before it."""
    content = [k for k, ln in enumerate(section) if not ln.blank]
    if len(content) < 2:
        return
    last = section[content[-1]].stripped
    before = section[content[-2]]
    if (content[-1] - content[-2] > 1 and len(last.split()) <= 3 and last[:1].isupper()
            and not re.search(r"[.!?:;,)]$", last) and not re.search(r"\d", last)
            and re.search(r"[.!?]$", before.stripped)):
        del section[content[-1]:]


DECISION_INTRO = re.compile(
    r"^(?P<intro>(?:[^.:]{0,160}\s)?(?:beslutar|beslöt|beslutade)\s+(?:enligt\s+)?följande\s*:)\s*(?P<rest>.*)$", re.I)


BARE_INTRO = re.compile(r"^(?:[\wåäöÅÄÖ\-]+\s+){1,8}(?:beslutar|beslöt|beslutade)(?:\s+att)?\s*:?$", re.I)


def without_intros(units: list[DecisionUnit]) -> list[DecisionUnit]:
    """``Rådet beslutar följande:`` introduces decisions; it is not one itself."""
    out: list[DecisionUnit] = []
    for k, unit in enumerate(units):
        if not _DECISION_WORD.search(unit.text):
            out.append(unit)  # neither pattern below can match
            continue
        m = DECISION_INTRO.match(unit.text)
        if not m and BARE_INTRO.match(unit.text) and k + 1 < len(units):
            continue  # "Styrelsen beslutar" above its att-clauses
        if not m:
            out.append(unit)
        elif m.group("rest"):
            rest = m.group("rest")
            out.append(DecisionUnit(rest, classify(rest), unit.start, unit.end))
        elif k + 1 == len(units):
            out.append(unit)  # nothing follows: keep what the protocol says
    return out


_SENTENCE_STOPS = (".", "!", "?")


def _is_section_heading(text: str) -> bool:
    if len(text) > 140 or text.endswith(_SENTENCE_STOPS):
        return False  # a sentence, not a heading
    return _is_short_section_heading(text)


@lru_cache(maxsize=4096)
def _is_short_section_heading(text: str) -> bool:
    """:func:`_is_section_heading` of a text of at most 140 characters not ending a sentence
    (memoised: headings repeat; the long lines, which never are headings, are not hashed and kept)."""
    if OTHER_SECTION.match(text):
        return True
    m = decision_heading(text) if len(text) < 140 else None
    return bool(m and not m.group("rest"))


def text_paragraphs(body: list[Line]) -> list[list[Line]]:
    """Paragraphs of running text: a section heading (``Beskrivning av ärendet``) standing
    right above its text is not part of the first sentence."""
    out: list[list[Line]] = []
    current: list[Line] = []
    for ln in body:
        t = ln.stripped
        if not t or _is_section_heading(t):  # a blank line or a heading ends the paragraph
            if current:
                out.append(current)
                current = []
        else:
            current.append(ln)
    if current:
        out.append(current)
    return out


PROPOSAL_HEADING = re.compile(
    r"^(?:[\wåäö\-]+s\s+)?(?:förslag(?:\s+till\s+beslut)?|beslutsförslag|yrkanden?)\s*:?$", re.I)


def _without_proposals(body: list[Line]) -> list[Line]:
    """The body without its proposal sections (``Arbetsutskottets förslag till beslut`` and
    what stands under it up to the next heading): a proposal is not a decision."""
    out: list[Line] = []
    in_proposal = False
    for ln in body:
        t = ln.stripped
        if t and PROPOSAL_HEADING.match(t):
            in_proposal = True
            continue
        if in_proposal and t and _is_section_heading(t):
            in_proposal = False
        if not in_proposal:
            out.append(ln)
    return out


def plain_decisions(body: list[Line], body_names: list[str]) -> list[DecisionUnit]:
    """Sentences in running text that record this body's own decision."""
    units: list[DecisionUnit] = []
    own = [n.casefold() for n in body_names if n]
    paras = text_paragraphs(_without_proposals(body))
    k = 0
    while k < len(paras):
        para = paras[k]
        joined = " ".join([ln.text for ln in para])
        # The test below finds no decision word where this one, before spacing and quotes
        # are cleaned, finds none: most paragraphs are done here.
        if not _DECISION_NEEDLE.search(joined.lower()):
            k += 1
            continue
        text = single_spaced(joined)
        if QUOTED.fullmatch(text) or text.startswith(("”", '"', "“")):
            k += 1
            continue
        # Spacing cleaned changes no word (the decision words hold no space): only quotes
        # removed can take the word found above away.
        if _has_quote(text):
            text = QUOTED.sub(" ", text)
            if not _DECISION_NEEDLE.search(text.lower()):
                k += 1  # no sentence of it holds a decision word
                continue
        for sentence in split_sentences(text):
            if _records_decision(sentence, own):
                if sentence.endswith(":") and k + 1 < len(paras):
                    nxt = paras[k + 1]
                    items = [BULLET.match(x.stripped) for x in nxt]
                    if all(items):
                        sentence = sentence + " " + " ".join(m.group("text") for m in items)
                        units.append(DecisionUnit(single_spaced(sentence), classify(sentence), para[0].start, nxt[-1].end))
                        k += 1
                        break
                    if DECISION_INTRO.match(sentence):
                        # "Rådet beslutar följande:" and the decisions, one paragraph each, to the end
                        for rest in paras[k + 1:]:
                            units.extend(units_from_lines(rest))
                        k = len(paras)
                        break
                units.append(DecisionUnit(sentence, classify(sentence), para[0].start, para[-1].end))
        k += 1
    return units


# Every DECISION_VERB match contains one of these (lower case); a cheap test first.
_DECISION_NEEDLE = re.compile(grouped_alternation(
    "godkän|beslut|beslöt|fastställ|anta|antog|vald|välj|utsåg|utses|utser|tillstyrk|avsl|bifall|biföll|tillsät|"
    "tillsatt|noter|anteckn|handlingarna|komplett|bordl|återremitt|rekommend|bakom|återkommer|uppdr|"
    "togs|fattades|enade|enas|överens|protokollet".split("|")
))


def _records_decision(sentence: str, own_names: list[str]) -> bool:
    lowered = sentence.lower()
    if not _DECISION_NEEDLE.search(lowered):
        return False
    m = DECISION_VERB.search(sentence, lowered)
    if not m or len(sentence) > 400:
        return False
    before = sentence[: m.start()]
    verb_word = _WORD.match(sentence, m.start())
    if _FORMAL_SUBJECT.fullmatch(before) and verb_word and verb_word.group(0).lower().endswith("s"):
        before = ""  # "Det beslutades att …": a passive with a formal subject
    if PRONOUN_BEFORE.search(before) or MODAL.search(before) or _FICK.search(sentence, 0, m.end()):
        return False
    if _CONDITION_START.match(sentence):
        return False
    for subject in OTHER_BODY_SUBJECT.finditer(before):
        word = subject.group(0).casefold()
        if not any(word == n or (len(word) > 6 and word in n) for n in own_names):
            return False
    return True


# -- presenters ---------------------------------------------------------------------------

@dataclass
class PersonIndex:
    """Participants' names, for resolving first-name references and spelling variants."""

    names: list[str]

    def __post_init__(self) -> None:
        self._by_surname: dict[str, list[str]] = {}
        for known in self.names:
            self._by_surname.setdefault(surname_key(known), []).append(known)
        self._first_names = {known.split()[0].casefold() for known in self.names}
        self._given_name_verdicts: dict[str, bool] = {}
        self._not_given_names: set[str] = set()  # words found not to pass _may_be_given_name

    def has_first_name(self, word: str) -> bool:
        """Whether a participant's first name is ``word`` (case ignored)."""
        return word.casefold() in self._first_names

    def is_given_name(self, word: str) -> bool:
        """Whether ``word`` is a given name of the lexicon or a participant's first name
        (memoised: the words that open sentences repeat)."""
        verdict = self._given_name_verdicts.get(word)
        if verdict is None:
            verdict = self._given_name_verdicts[word] = is_first_name(word) or self.has_first_name(word)
        return verdict

    def any_may_be_given_name(self, words) -> bool:
        """Whether :func:`_may_be_given_name` holds for any of ``words``; the words it fails for are
        remembered, and only the others are tried (the words that open sentences repeat)."""
        ruled_out = self._not_given_names
        for word in set(words).difference(ruled_out):
            if _may_be_given_name(word, self):
                return True
            ruled_out.add(word)
        return False

    def matches(self, name: str) -> bool:
        """Whether a participant's name is a spelling of ``name``."""
        return any(same_person_name(name, known) for known in self._by_surname.get(surname_key(name), ()))

    def canonical(self, name: str) -> str:
        for known in self._by_surname.get(surname_key(name), ()):
            if same_person_name(known, name):
                return known
        return name

    def by_first_name(self, first: str, recent: list[str]) -> str | None:
        for name in reversed(recent):
            if name.split()[0].casefold() == first.casefold():
                return name
        hits = [n for n in self.names if n.split()[0].casefold() == first.casefold()]
        return hits[0] if len(hits) == 1 else None


def names_in(text: str, index: PersonIndex, recent: list[str], allow_new: bool = True) -> list[str]:
    """Person names in a short text: full names, known participants, first-name references."""
    text = _PARENTHESES.sub(" ", text)
    tokens = _NAME_TOKENS.findall(text)
    found: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not is_name_token(tok):
            i += 1
            continue
        # longest known participant name starting here
        matched = None
        for length in (4, 3, 2):
            cand = " ".join(tokens[i : i + length])
            if len(tokens[i : i + length]) == length and index.matches(cand):
                matched = (index.canonical(cand), length)
                break
        if matched is None and is_first_name(tok):
            rest = []
            j = i + 1
            while j < len(tokens) and len(rest) < 2 and is_name_token(tokens[j]) and not (is_first_name(tokens[j]) and rest):
                rest.append(tokens[j])
                j += 1
            if rest and allow_new:
                matched = (" ".join([tok] + rest), 1 + len(rest))
            else:
                full = index.by_first_name(tok, recent)
                if full:
                    matched = (full, 1)
        if matched:
            found.append(matched[0])
            i += matched[1]
        else:
            i += 1
    return found


def _may_be_given_name(word: str, index: PersonIndex) -> bool:
    """Whether ``word``, opening a sentence, may be a presenter's given name, as
    :func:`presenters_in_text` requires. A word holding ``(`` or ``,`` is not ruled out: the
    subject's words are read with parentheses removed, up to its first comma."""
    return index.is_given_name(word) or "(" in word or "," in word


def _may_open_with_given_name(sentence: str, index: PersonIndex) -> bool:
    """Whether a sentence of cleaned text (words parted by single spaces) may start with the
    presenter's given name: a cheap test before the presenter pattern."""
    space = sentence.find(" ")
    if space < 0:
        return False  # no space before a verb
    return _may_be_given_name(sentence[:space], index)


# Where a word follows ., ! or ? and a space (the word found by the look-ahead: a word ending in
# a full stop is itself followed by the next one); one pattern for each of the three characters,
# as a pattern starting with one plain character is searched for many times faster than one
# starting with a class of characters ([.!?]).
_AFTER_FULL_STOP = re.compile(r"\.\s+(?=(\S+))")
_AFTER_EXCLAMATION_MARK = re.compile(r"!\s+(?=(\S+))")
_AFTER_QUESTION_MARK = re.compile(r"\?\s+(?=(\S+))")
_FIRST_WORD = re.compile(r"\s*(\S+)")


def _words_after_sentence_ends(paragraph: str) -> list[str]:
    r"""The words of ``re.findall(r"[.!?]\s+(?=(\S+))", paragraph)``, perhaps in another order: as
    the whitespace a match takes is never a character a match starts with, each of the three
    patterns finds the words after its character that the one pattern finds."""
    words = _AFTER_FULL_STOP.findall(paragraph)
    if "!" in paragraph:
        words += _AFTER_EXCLAMATION_MARK.findall(paragraph)
    if "?" in paragraph:
        words += _AFTER_QUESTION_MARK.findall(paragraph)
    return words


def _may_hold_sentence_opening_with_given_name(paragraph: str, index: PersonIndex) -> bool:
    """Whether a paragraph with no quotes may hold a sentence that starts with a presenter's given
    name: its sentences start at its first word or at a word after ., ! or ? and a space."""
    first = _FIRST_WORD.match(paragraph)
    if first is None:
        return False
    return index.any_may_be_given_name((first.group(1),)) or index.any_may_be_given_name(_words_after_sentence_ends(paragraph))


def presenters_in_text(body: list[Line], index: PersonIndex, recent: list[str]) -> list[str]:
    out: list[str] = []
    for para in text_paragraphs(body):
        joined = " ".join([ln.text for ln in para])
        # Not where it quotes: a quote removed below can leave a full stop before a new sentence.
        if not _has_quote(joined) and not _may_hold_sentence_opening_with_given_name(joined, index):
            continue
        # A verb stands in the cleaned text only where it stands in the text as joined (spacing
        # does not change where words start; a quote removed leaves a space where a quote
        # character stood): most paragraphs are done here.
        if not _PRESENTER_NEEDLE.search(joined.lower()):
            continue
        text = single_spaced(joined)
        if _has_quote(text):
            text = QUOTED.sub(" ", text)
            if not _PRESENTER_NEEDLE.search(text.lower()):
                continue
        sentences = split_sentences(text)
        for sentence in sentences:
            if not _may_open_with_given_name(sentence, index):
                continue
            # (a paragraph of one short sentence has passed the test above)
            if (len(sentences) > 1 or len(sentence) > 200) and not _PRESENTER_NEEDLE.search(sentence[:200].lower()):
                continue
            m = _PRESENTER.match(sentence)
            if not m:
                continue
            subj = m.group("subj")
            subj_plain = _PARENTHESES.sub(" ", subj)
            first_part = subj_plain.split(",")[0]
            words = first_part.split()
            if not words or not all(is_name_token(w) or w == "och" for w in words):
                continue
            if not is_first_name(words[0]) and not index.has_first_name(words[0]):
                continue
            # after an apposition, the verb must follow a closing comma
            if "," in subj_plain and not _ENDS_WITH_COMMA.search(subj_plain.strip() + ("," if subj_plain.rstrip().endswith(",") else "")):
                tail = subj_plain.rsplit(",", 1)[1].strip()
                if tail and not all(is_name_token(w) or w == "och" for w in tail.split()):
                    continue
            for name in names_in(subj, index, recent + out):
                if name not in out:
                    out.append(name)
                    recent.append(name)
    return out


# -- attachments and mentions -------------------------------------------------------------

FILE_NAME = re.compile(r"(.+?\.(?:pdf|docx?|xlsx?|pptx?))(?:\s+|$)", re.I)
# Every FILE_NAME holds one of these: a quick test first (FILE_NAME's lazy .+? is tried from
# every place of the text, each time to its end where no file name follows).
_FILE_EXTENSION = CaseInsensitive(r"\.(?:pdf|docx?|xlsx?|pptx?)")


_ATTACHMENT_HEADING_FIRST = initials(_INLINE_ATTACHMENT_LABELS + _ATTACHMENT_SECTION_LABELS)


def attachments_in(body: list[Line]) -> list[str]:
    """Documents an item names as its basis: under ``Beslutsunderlag`` / ``Bilagor``."""
    out: list[str] = []
    collecting = False
    for ln in body:
        t = ln.stripped
        if not t:
            continue
        if t[0] in _ATTACHMENT_HEADING_FIRST:
            if ATTACHMENT_SECTION.match(t):
                collecting = True
                continue
            inline = INLINE_ATTACHMENT.match(t)
            if inline:  # "Bilaga: Projektplan 2024"
                out.extend(split_attachment_text(inline.group("rest")))
                collecting = False
                continue
        if collecting:
            if OTHER_SECTION.match(t) or SECTION_WORDS.match(t) or decision_heading(t) and len(t) < 60:
                collecting = False
                continue
            m = BULLET.match(t) or NUMBERED_POINT.match(t)
            if m:
                out.append(m.group("text").strip())
            elif len(t) < 160 and not t.endswith((".", ":")):
                out.append(t)
            else:
                collecting = False
    return out


def split_attachment_text(text: str) -> list[str]:
    """``Plan 2012.pdf Uppföljning.docx`` or ``1. Plan 2011 ... 2. Aktivitetsplan.`` into titles."""
    text = text.strip()
    parts = re.split(r"(?:^|\s)\d{1,2}\.\s+", text)
    parts = [p for p in parts if p.strip()]
    if len(parts) <= 1:
        files = FILE_NAME.findall(text) if _FILE_EXTENSION.search(text) else []
        parts = files if len(files) > 1 else [text]
    out = []
    for p in parts:
        p = re.sub(r"\s*(?:\.{2,}|…)\s*$", "", p.strip())
        p = re.sub(r"[-–]\s*tidigare\s+utskickad\s*$", "", p).strip()
        p = p.rstrip(" .") if not re.search(r"\.(?:pdf|docx?|xlsx?|pptx?)$", p, re.I) else p
        if p:
            out.append(p)
    return out
