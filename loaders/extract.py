"""From normalised text to a protocol record."""
from __future__ import annotations

import hashlib
import re

from samgraf.loaders.attendance import Entry, parse_attendance
from samgraf.loaders.content import (
    PersonIndex,
    attachments_in,
    decision_sections,
    names_in,
    plain_decisions,
    presenters_in_text,
    split_attachment_text,
    split_sentences,
    units_from_lines,
    without_intros,
    DecisionUnit,
    classify,
)
from samgraf.loaders.items import Layout, RawItem, find_items
from samgraf.loaders.meeting import extract_meeting
from samgraf.loaders.mentions import find_mentions
from samgraf.loaders.names import looks_like_person, strip_party
from samgraf.loaders.model import ROLE_ORDER, Protocol
from samgraf.loaders.text import Line, Text, join_text, normalise
from samgraf.refdata import _key, _municipality_index, county_of_municipalities, resolve_organisation

BILAGA_LIST = re.compile(r"^bilaga\s+(\d+)\s*\(\s*§+\s*(\d+)[^)]*\)\s*:?\s*(.+)$", re.I)


def _known_kommun(text: str) -> bool:
    return _key(text) in _municipality_index()


# The parts of the record are built as plain dicts and validated once, as the whole Protocol:
# one pydantic validation per document instead of one per span, decision and item.


def _span(text: Text, start: int, end: int) -> dict:
    return {"start": start, "end": end, "quote": text.quote(start, end)}


def extract(text: Text, source: str, *, text_sha256: str | None = None, source_format: str | None = None,
            source_sha256: str | None = None) -> Protocol:
    """Build the protocol record of one normalised document. ``text_sha256``, where given, is the
    SHA-256 of ``text.source_text`` encoded as UTF-8 (known from reading); the record's
    ``source_format`` and ``source_sha256`` are validated with the rest of it."""
    warnings: list[str] = []
    layout = find_items(text.lines)
    head = text.lines[: layout.head_end]
    meeting = extract_meeting(text, head or text.lines[:80])
    if layout.kind == "table":
        att_lines = text.lines[: layout.head_end] + text.lines[layout.tail_start or len(text.lines):]
    else:
        att_lines = head
    attendance = parse_attendance(att_lines, _known_kommun)
    if layout.kind != "table" and layout.items:
        _signature_in_tail(attendance, layout, text)
    year = int(meeting.date[:4]) if meeting.date else None
    county = _county(attendance.present, text)
    participants = [_participant(e, text, year, county) for e in attendance.present]
    absentees = [_absentee(e, text, year, county) for e in attendance.absent]
    index = PersonIndex([p["name"] for p in participants])
    bilagor = _bilaga_list(head)
    if layout.kind == "table":
        sections: list = [None] * len(layout.items)  # a table row's decisions are read from its column
        uses_sections = any(decision_sections(it.body) for it in layout.items)
    else:
        sections = [decision_sections(it.body) for it in layout.items]
        uses_sections = any(sections)
    own_names = [n.casefold() for n in (meeting.body_name, meeting.acronym) if n] + ["gruppen", "rådet", "nämnden", "styrelsen"]
    items = []
    recent: list[str] = []
    for raw, item_sections in zip(layout.items, sections):
        items.append(_item(raw, item_sections, layout, text, index, recent, bilagor, uses_sections, own_names, meeting.acronym))
    if not layout.items:
        warnings.append("no agenda items found: the layout was not recognised")
    if not participants:
        warnings.append("no participants found")
    if meeting.date is None:
        warnings.append("no meeting date found")
    if meeting.body_name is None:
        warnings.append("no body name found")
    return Protocol(
        source=source,
        body=dict(name=meeting.body_name or "(unknown body)", acronym=meeting.acronym),
        date=meeting.date,
        start=meeting.start,
        end=meeting.end,
        place=meeting.place,
        county_code=county,
        participants=participants,
        absentees=absentees,
        items=items,
        warnings=warnings,
        source_format=source_format,
        source_sha256=source_sha256,
        text_sha256=text_sha256 or hashlib.sha256(text.source_text.encode("utf-8")).hexdigest(),
    )


def _signature_in_tail(attendance, layout: Layout, text: Text) -> None:
    """Signature labels standing alone after the last item (``Ordförande`` / a name)."""
    last = layout.items[-1]
    if not last.body:
        return
    tail_lines = last.body
    from samgraf.loaders.attendance import SIGNATURE_LABELS, _fill_signature_slots, dedupe

    def label_role(t: str) -> str | None:
        if any(p.fullmatch(t) or re.fullmatch(p.pattern + r"\s*(?:e\.\s?u\.?)?:?", t, re.I) for p, _ in SIGNATURE_LABELS):
            return next(r for p, r in SIGNATURE_LABELS if p.match(t))
        return None

    slots = []
    signatures: list[Entry] = []
    for i, ln in enumerate(tail_lines):
        cells = [c.strip() for c in ln.text.split("\t") if c.strip()]
        roles = [label_role(c) for c in cells]
        if cells and all(roles):  # "Ordförande", or "ordförande<TAB>justerare" side by side
            slots += [(i, role, col, len(cells)) for col, role in enumerate(roles)]
            continue
        signed = [re.fullmatch(r"(?P<name>[^,]+),\s*(?P<role>[^,]+)", c) for c in cells]
        if cells and all(signed) and all(label_role(m.group("role")) for m in signed):
            for m in signed:  # "Ulla Berg, ordförande<TAB>Tove Ek, justerare"
                name, party = strip_party(m.group("name").strip())
                if looks_like_person(name, known_first=False):
                    signatures.append(Entry(name, [label_role(m.group("role"))], party=party, start=ln.start, end=ln.end))
    if not slots and not signatures:
        return
    extra: list[Entry] = signatures
    _fill_signature_slots(extra, tail_lines, slots)
    attendance.present = dedupe(attendance.present + extra)


def _county(entries: list[Entry], text: Text) -> str | None:
    names = [e.organisation for e in entries if e.organisation]
    code = county_of_municipalities(names)
    if code:
        return code
    for name in names:
        match = resolve_organisation(name)
        if match and match.county_code:
            return match.county_code
    return None


def _roles(roles: list[str]) -> list[str]:
    out = sorted({r for r in roles if r in ROLE_ORDER}, key=ROLE_ORDER.index)
    return out or ["other"]


def _organisation(written: str | None, year: int | None, county: str | None) -> tuple[str | None, str | None]:
    if not written:
        return None, None
    written = written.strip(" ,.;")
    match = resolve_organisation(written, year=year, county_code=county)
    if match:
        return match.name, match.code
    return written, None


def _participant(e: Entry, text: Text, year: int | None, county: str | None) -> dict:
    """A :class:`Participant` as a dict."""
    org, code = _organisation(e.organisation, year, county)
    span = _span(text, e.start, e.end) if e.end > e.start else None
    return dict(name=e.name, organisation=org, organisation_code=code, party=e.party,
                roles=_roles(e.roles), items=e.items, span=span)


def _absentee(e: Entry, text: Text, year: int | None, county: str | None) -> dict:
    """An :class:`Absentee` as a dict."""
    org, code = _organisation(e.organisation, year, county)
    span = _span(text, e.start, e.end) if e.end > e.start else None
    return dict(name=e.name, organisation=org, organisation_code=code, replaced_by=e.replaced, span=span)


def _bilaga_list(head: list[Line]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for ln in head:
        m = BILAGA_LIST.match(ln.stripped)
        if m:
            out.setdefault(str(int(m.group(2))), []).append(m.group(3).strip())
    return out


def _item(raw: RawItem, sections: list[list[Line]] | None, layout: Layout, text: Text, index: PersonIndex,
          recent: list[str], bilagor, uses_sections: bool, own_names: list[str], acronym: str | None) -> dict:
    """An :class:`Item` as a dict."""
    presenters: list[str] = []
    attachments: list[str] = []
    title = raw.title
    units: list[DecisionUnit] = []
    if layout.kind == "table":
        title, presenters, attachments = _table_title(raw.columns.get("title", []), index, recent)
        decision_paras = raw.columns.get("decision", [])
        dl = raw.column_lines.get("decision", [])
        joined = _join_continued(decision_paras)
        for para in joined:
            for sentence in split_sentences(para):
                s, e = (dl[0].start, dl[-1].end) if dl else (raw.heading.start, raw.heading.end)
                units.append(DecisionUnit(sentence, classify(sentence), s, e))
        for para in raw.columns.get("presenter", []):  # a Föredragande column of its own
            for name in names_in(para, index, recent):
                if name not in presenters:
                    presenters.append(name)
        notes = raw.columns.get("notes", [])
        note_lines = [Line(p, raw.heading.start, raw.heading.end) for para in notes for p in (para, "")]
        for name in presenters_in_text(note_lines, index, recent):
            if name not in presenters:
                presenters.append(name)
        body_text = " ".join(raw.columns.get("title", []) + notes + decision_paras)
    else:
        for section in sections:
            units.extend(units_from_lines(section))
        if not sections and not uses_sections:
            units = plain_decisions(raw.body, own_names)
        presenters = presenters_in_text(raw.body, index, recent)
        attachments = attachments_in(raw.body)
        body_text = join_text(raw.body)
    units = without_intros(units)
    attachments = bilagor.get(raw.number, []) + [a for a in attachments if a not in bilagor.get(raw.number, [])]
    start = raw.heading.start
    end = (raw.body[-1].end if raw.body else raw.heading.end)
    mentions = find_mentions(f"{title}. {body_text}", acronym, index.names + presenters)
    return dict(
        number=raw.number,
        title=title or f"Punkt {raw.number}",
        presenters=presenters,
        decisions=[dict(text=u.text, type=u.type, span=_span(text, u.start, u.end)) for u in units],
        attachments=attachments,
        mentions=mentions,
        span=_span(text, start, max(end, start)),
    )


def _join_continued(paras: list[str]) -> list[str]:
    """Table cells split across rows: a paragraph ending mid-sentence continues in the next one."""
    out: list[str] = []
    for p in paras:
        if out and not re.search(r"[.!?:]$", out[-1]) and p[:1].islower():
            out[-1] = f"{out[-1]} {p}"
        else:
            out.append(p)
    return out


def _table_title(paras: list[str], index: PersonIndex, recent: list[str]) -> tuple[str, list[str], list[str]]:
    """Title, presenters and attachments from an ``Ärende/Föredragande`` cell."""
    presenters: list[str] = []
    attachments: list[str] = []
    title_parts: list[str] = []
    in_attachments = False
    for k, para in enumerate(paras):
        m = re.match(r"^(.*?)\b(Bilagor|Bilaga)\s*:?\s*(.*)$", para)
        if m:
            before, after = m.group(1).strip(), m.group(3).strip()
            if before:
                title_parts.append(before) if not title_parts else _maybe_presenters(before, presenters, index, recent, title_parts)
            if after:
                attachments.extend(split_attachment_text(after))
            else:
                in_attachments = True
            continue
        if in_attachments:
            attachments.extend(split_attachment_text(para))
            continue
        if k == 0:
            title_parts.append(para)
        else:
            _maybe_presenters(para, presenters, index, recent, title_parts)
    title = title_parts[0] if title_parts else ""
    # Names of participants inside the title text: the title is what stands before them.
    found = [n for n in names_in(title, index, recent, allow_new=False) if n in index.names or n in recent]
    if found:
        cut = _first_name_position(title, found[0])
        if cut > 0:
            presenters = [n for n in found if n not in presenters] + presenters
            title = title[:cut].strip(" ,-–")
    title = re.sub(r"\s+", " ", title).strip(" .")
    for name in presenters:
        recent.append(name)
    return title, presenters, attachments


def _first_name_position(title: str, name: str) -> int:
    r"""Where ``re.search(rf"\b{re.escape(first)}", title)`` finds the name's first word ``first``
    (its part before a hyphen), by string methods: no regex compiled for each name. \b stands
    before a word character (what \w matches: alphanumeric or _) where none stands before it,
    and before any other character where one does."""
    first = name.split()[0].split("-")[0]
    if not first:
        m = re.search(rf"\b{re.escape(first)}", title)
        return m.start() if m else -1
    starts_word = first[0].isalnum() or first[0] == "_"
    i = title.find(first)
    while i >= 0:
        after_word = i > 0 and (title[i - 1].isalnum() or title[i - 1] == "_")
        if after_word != starts_word:
            return i
        i = title.find(first, i + 1)
    return -1


def _maybe_presenters(para: str, presenters: list[str], index: PersonIndex, recent: list[str], title_parts: list[str]) -> None:
    names = names_in(para, index, recent)
    words = re.sub(r"\([^)]*\)", " ", para).replace(",", " ").split()
    namey = sum(1 for w in words if w[:1].isupper())
    if names and namey >= len(words) - 2:
        for n in names:
            if n not in presenters:
                presenters.append(n)


def extract_text(source_text: str, source: str, *, text_sha256: str | None = None, source_format: str | None = None,
                 source_sha256: str | None = None) -> Protocol:
    return extract(normalise(source_text), source, text_sha256=text_sha256, source_format=source_format,
                   source_sha256=source_sha256)
