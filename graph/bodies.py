"""Bodies across protocols: one node per collaboration body, network or group.

A body is identified within its county: the protocol's own body by normalised name, or by
the same acronym and a near-identical name (``Sociala vård- och omsorgsgruppen (SVOM)`` and
``Sociala vård och omsorgsgruppen``); a mentioned body by name or acronym, any case
(``SOCSAM`` = ``SocSam``). Generic groups (``arbetsgruppen``, ``en mindre arbetsgrupp``,
``styrgruppen``) are sub-groups of the body whose protocol names them. Renames decided in a
protocol (``Nytt namn för X fastställs till Y``, ``X byter namn till Y``) make Y another name
of X's node, with a dated rename event.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from samgraf.graph import iris
from samgraf.graph.organisations import normalise_name

NAME_SIMILARITY = 90  # rapidfuzz ratio of normalised names for bodies sharing an acronym
GENERIC_GROUP = re.compile(
    r"^(?:(?:en|den|ny|nya|mindre|större|gemensam|gemensamma|partssammansatt|partssammansatta|tillfällig|särskild)\s+)*"
    r"(?:arbets|styr|lednings|referens|projekt|bered|samordnings|expert)?grupp(?:en|er|erna)?(?:\s+inom\s+.+)?$"
)
RENAME_PATTERNS = (
    re.compile(r"[Nn]ytt namn (?:för|på) (?P<old>.+?) (?:fastställs|bestäms|blir) (?:till )?(?P<new>.+)"),
    re.compile(r"(?P<old>[\wÅÄÖåäö-]+(?: [\wÅÄÖåäö-]+){0,5}?) (?:byter|får byta) namn till (?P<new>.+)"),
    re.compile(r"(?P<old>[\wÅÄÖåäö-]+(?: [\wÅÄÖåäö-]+){0,5}?) (?:får|ges) (?:det )?nytt namn:? (?P<new>.+)"),
)
_ACRONYM_IN_NAME = re.compile(r"^(?P<name>.+?)\s*\((?P<acronym>[A-ZÅÄÖ][\wÅÄÖåäö-]{1,12})\)$")


@dataclass
class BodyEntry:
    iri: str
    county: str | None
    label: str
    names: set[str] = field(default_factory=set)  # normalised
    acronyms: set[str] = field(default_factory=set)  # normalised
    parent: str | None = None
    from_store: bool = False
    written: set[str] = field(default_factory=set)  # names as protocols write them


@dataclass(frozen=True)
class Rename:
    body: str
    old: str
    new: str
    date: str | None
    item: str
    decision: int  # 1-based index within the item


@dataclass(frozen=True)
class BodyDecision:
    iri: str
    names: tuple[str, ...]
    evidence: str


def split_acronym(name: str, acronym: str | None = None) -> tuple[str, str | None]:
    """``Sociala vård- och omsorgsgruppen (SVOM)`` -> (``Sociala vård- och omsorgsgruppen``, ``SVOM``)."""
    match = _ACRONYM_IN_NAME.match(name.strip())
    if match:
        return match.group("name").strip(), acronym or match.group("acronym")
    return name.strip(), acronym


def is_generic_group(name: str) -> bool:
    return bool(GENERIC_GROUP.match(normalise_name(name)))


class BodyRegistry:
    """Every body met so far (from the store and the records being loaded), by county."""

    def __init__(self, base: str):
        self.base = base
        self.entries: list[BodyEntry] = []
        self.decisions: list[BodyDecision] = []

    def add_known(self, iri: str, county: str | None, labels: list[str], acronyms: list[str]) -> None:
        entry = next((e for e in self.entries if e.iri == iri), None)
        if entry is None:
            entry = BodyEntry(iri, county, labels[0] if labels else iri.rsplit("/", 1)[1], from_store=True)
            self.entries.append(entry)
        entry.names |= {normalise_name(n) for n in labels}
        entry.written |= set(labels)
        entry.acronyms |= {normalise_name(a) for a in acronyms}

    def _new_iri(self, name: str, county: str | None, parent: str | None = None) -> str:
        if parent:
            return f"{parent}/{iris.slug(name)}"
        return iris.body_iri(name, self.base, county=county)

    def _in_county(self, county: str | None):
        return [e for e in self.entries if e.county == county and e.parent is None]

    def protocol_body(self, name: str, acronym: str | None, county: str | None) -> tuple[str, str | None]:
        """(node, county) of the body whose protocol this is.

        Matched within the county; a record whose county is unknown takes the one body of that
        name anywhere (and its county), and a body first met without a county is matched by a
        record that knows it (when it is the only candidate).
        """
        name, acronym = split_acronym(name, acronym)
        key, short = normalise_name(name), normalise_name(acronym) if acronym else None

        def evidence_for(entry: BodyEntry) -> str | None:
            if key in entry.names:
                return "same normalised name"
            if short and short in entry.acronyms and any(fuzz.ratio(key, n) >= NAME_SIMILARITY for n in entry.names):
                return f"same acronym {acronym} and a near-identical name"
            return None

        candidates = [(e, evidence_for(e)) for e in self._in_county(county)]
        candidates = [(e, why) for e, why in candidates if why]
        if not candidates:
            pool = [e for e in self.entries if e.parent is None and (county is None or e.county is None)]
            others = [(e, evidence_for(e)) for e in pool]
            others = [(e, why) for e, why in others if why]
            if len(others) == 1:
                entry, why = others[0]
                candidates = [(entry, f"{why}; county {county or entry.county or 'unknown'} taken from the only such body")]
                if entry.county is None:
                    entry.county = county
        if candidates:
            entry, evidence = candidates[0]
            if name not in entry.written:
                self.decisions.append(BodyDecision(entry.iri, (sorted(entry.written)[0], name),
                                                   f"{evidence}, county {entry.county or 'unknown'}"))
                entry.written.add(name)
            entry.names.add(key)
            if short:
                entry.acronyms.add(short)
            return entry.iri, entry.county
        entry = BodyEntry(self._new_iri(name, county), county, name, {key}, {short} if short else set(), written={name})
        self.entries.append(entry)
        return entry.iri, county

    def mentioned_body(self, name: str, county: str | None, parent: str) -> tuple[str, str | None]:
        """(node, parent or None) of a body an item names."""
        if is_generic_group(name):
            key = normalise_name(name)
            entry = next((e for e in self.entries if e.parent == parent and key in e.names), None)
            if entry is None:
                entry = BodyEntry(self._new_iri(name, county, parent), county, name, {key}, parent=parent)
                self.entries.append(entry)
            return entry.iri, parent
        plain, acronym = split_acronym(name)
        keys = {normalise_name(plain)} | ({normalise_name(acronym)} if acronym else set())
        for entry in self._in_county(county):
            if keys & (entry.names | entry.acronyms):
                return entry.iri, None
        short = {normalise_name(acronym)} if acronym else set()
        if not acronym and re.fullmatch(r"[A-ZÅÄÖ][A-ZÅÄÖa-zåäö-]{1,9}", plain) and sum(c.isupper() for c in plain) >= 2:
            short = {normalise_name(plain)}
        entry = BodyEntry(self._new_iri(plain, county), county, plain, {normalise_name(plain)}, short)
        self.entries.append(entry)
        return entry.iri, None

    def add_name(self, iri: str, name: str) -> None:
        for entry in self.entries:
            if entry.iri == iri:
                entry.names.add(normalise_name(name))


def _clean_new_name(text: str) -> str:
    text = re.split(r"\s+[-–—]\s+|[,.;:(]", text.strip(), maxsplit=1)[0]
    return text.strip(" \"'”“")


def detect_renames(record, registry: BodyRegistry, county: str | None, parent: str) -> list[Rename]:
    """Renames the record's decisions decide; the new name becomes a name of the old body's node."""
    found = []
    for item in record.items:
        mentioned = {normalise_name(m): m for m in item.mentions.bodies}
        for index, decision in enumerate(item.decisions, start=1):
            if "namn" not in decision.text:  # every rename pattern says "namn"
                continue
            for pattern in RENAME_PATTERNS:
                match = pattern.search(decision.text)
                if not match:
                    continue
                old = match.group("old").strip(" \"'")
                old = re.sub(r"^(?:att|som|där)\s+", "", old)
                new = _clean_new_name(match.group("new"))
                # prefer the spelling the item's mentions use for the new name
                for key, written in mentioned.items():
                    if normalise_name(new).startswith(key) and key != normalise_name(old):
                        new = written
                        break
                if not old or not new or normalise_name(old) == normalise_name(new):
                    continue
                body, _ = registry.mentioned_body(old, county, parent)
                registry.add_name(body, new)
                registry.decisions.append(BodyDecision(body, (old, new), f"renamed by decision: {decision.text[:120]}"))
                found.append(Rename(body, old, new, record.date, item.number, index))
                break
    return found
