"""Attendance: who was present, in which role, for whom, and who was absent.

Reads labelled lists in the protocol head (``Beslutande``, ``Ledamöter``, ``Ersättare``,
``Övriga deltagare``, ``Frånvarande`` …) in any of their layouts: tab tables, one entry per
line, names run together in one cell (aligned with a cell of organisations), names with party
letters; and the signature block (``Ordförande``, ``Sekreterare``, ``Justerare``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from samgraf.loaders.names import (
    PARTY,
    ROLE_PATTERN,
    is_first_name,
    is_name_token,
    looks_like_person,
    looks_like_surname,
    same_person_name,
    split_names,
    strip_party,
    surname_key,
)
from samgraf.loaders.text import Line

# Section labels of attendance lists, in the order they are tried (longest first).
LIST_LABELS: list[tuple[re.Pattern, str]] = [
    (re.compile(r"^(?:ej|inte)\s+tjänstgörande\s+ersättare", re.I), "substitute"),
    (re.compile(r"^(?:tjänstgörande|närvarande)\s+ersättare", re.I), "substitute"),
    (re.compile(r"^ersättare", re.I), "substitute"),
    (re.compile(r"^(?:övriga|andra)\s+(?:deltagare|närvarande|deltagande)", re.I), "other"),
    (re.compile(r"^(?:närvarande\s+)?(?:tjänstepersoner|tjänstemän|tjänsteperson)", re.I), "other"),
    (re.compile(r"^(?:adjungerade?|inbjudna|gäster|övriga|föredragande tjänstepersoner)", re.I), "other"),
    (re.compile(r"^(?:frånvarande|inte\s+närvarande|ej\s+närvarande|anmält\s+förhinder|förhinder)(?:\s+ledamöter)?", re.I), "absent"),
    (re.compile(r"^(?:beslutande|närvarande)\s+(?:ledamöter|ledamot)", re.I), "member"),
    (re.compile(r"^(?:beslutande|ledamöter|närvarande|deltagare|deltagande|mötesdeltagare|närvarolista)", re.I), "member"),
]
SIGNATURE_LABELS: list[tuple[re.Pattern, str]] = [
    (re.compile(r"^(?:utses\s+att\s+justera|utsedd(?:a)?\s+att\s+justera|justerare|justerande|justeras\s+av)\b", re.I), "adjuster"),
    (re.compile(r"^(?:1:[ae]\s+|2:[ae]\s+|förste\s+|andre\s+)?vice\s+ordförande\b", re.I), "vice_chair"),
    (re.compile(r"^ordförande\b", re.I), "chair"),
    (re.compile(r"^(?:sekreterare|vid\s+protokollet|protokollförare|sekr\.)", re.I), "secretary"),
]
# Any of the labels above: one quick test before trying them in turn.
_ANY_LABEL = re.compile("|".join(p.pattern for p, _ in LIST_LABELS + SIGNATURE_LABELS), re.I)
_LIST_LABEL_END = re.compile(r"^\s*(?:\(.*?\))?\s*[:\t]|^\s*$|^\s+[A-ZÅÄÖ]")
_LIST_LABEL_TAIL = re.compile(r"^\s*(?:\([^)]*\))?\s*:?")
_SIGNATURE_LABEL_END = re.compile(r"^\s*[:\t]|^\s*$|^\s+[A-ZÅÄÖ]|^\s+e\.\s?u\.?$|^\s+i tjänsten$")
_SIGNATURE_COLON = re.compile(r"^\s*:?")
_SIGNATURE_ON_BEHALF = re.compile(r"^(?:e\.\s?u\.?|e\s?u\b|i tjänsten\b)")
# Labels that end an attendance list without starting another.
OTHER_LABELS = re.compile(
    r"^(?:justerat av|justeringens|underskrifter|paragrafer|protokollet omfattar|anslag|bevis|organ|"
    r"sammanträdesdatum|mötesdatum|datum|förvaringsplats|plats|tid|lokal|innehåll|ärendelista|"
    r"dagordning|föredragningslista|bilagor|signerat|utdrag|justerat den|justering|sammanträdet|"
    r"innehållsförteckning|protokoll)\b",
    re.I,
)
ITEM_RESTRICTION = re.compile(
    r"(?:§§?\s*(\d{1,3}(?:\s*[-–]\s*\d{1,3})?(?:\s*(?:,|och|&)\s*\d{1,3}(?:\s*[-–]\s*\d{1,3})?)*)"
    r"|\(\s*(?:punkt(?:erna)?|p\.|ärende(?:na)?)\s*(\d{1,3}(?:\s*[-–]\s*\d{1,3})?(?:\s*(?:,|och|&)\s*\d{1,3})*)\s*\)"
    r"|\b(?:punkt(?:erna)?|ärende(?:na)?)\s+(\d{1,3}(?:\s*[-–]\s*\d{1,3})?(?:\s*(?:,|och|&)\s*\d{1,3})*))",
    re.I,
)
REPLACES = re.compile(r"^(?P<sub>.+?)\s+(?:för|ersätter|i stället för|istället för|ers\.? för)\s+(?P<abs>.+)$", re.I)


@dataclass
class Entry:
    name: str
    roles: list[str]
    organisation: str | None = None
    party: str | None = None
    items: list[str] | None = None
    start: int = 0
    end: int = 0
    replaced: str | None = None


@dataclass
class Attendance:
    present: list[Entry] = field(default_factory=list)
    absent: list[Entry] = field(default_factory=list)


def expand_items(spec: str) -> list[str]:
    out: list[str] = []
    for part in re.split(r"\s*(?:,|och|&)\s*", spec.strip()):
        m = re.match(r"^(\d+)\s*[-–]\s*(\d+)$", part)
        if m:
            a, b = int(m.group(1)), int(m.group(2))
            if a <= b <= a + 60:
                out.extend(str(i) for i in range(a, b + 1))
        elif part.isdigit():
            out.append(str(int(part)))
    return out


def take_items(text: str) -> tuple[str, list[str] | None]:
    """Remove item restrictions (``§ 49``, ``§§ 50-53``, ``(punkt 7)``) and return them."""
    items: list[str] = []
    for m in ITEM_RESTRICTION.finditer(text):
        items.extend(expand_items(next(g for g in m.groups() if g)))
    if not items:
        return text, None
    return ITEM_RESTRICTION.sub(" ", text), items


def match_label(text: str) -> tuple[str, str, str] | None:
    """If ``text`` starts with an attendance label: (kind, role, rest)."""
    t = text.strip()
    if _ANY_LABEL.match(t):
        for pattern, role in LIST_LABELS:
            m = pattern.match(t)
            if m:
                rest = t[m.end():]
                # the label must end there: colon, tab, end, or the rest starts a name
                if rest and not _LIST_LABEL_END.match(rest):
                    continue
                return "list", role, _LIST_LABEL_TAIL.sub("", rest).strip()
        for pattern, role in SIGNATURE_LABELS:
            m = pattern.match(t)
            if m:
                rest = t[m.end():]
                if rest and not _SIGNATURE_LABEL_END.match(rest):
                    continue
                rest = _SIGNATURE_COLON.sub("", rest).strip()
                rest = _SIGNATURE_ON_BEHALF.sub("", rest).strip()
                return "signature", role, rest
    m = OTHER_LABELS.match(t)
    if m:
        return "other", "", t[m.end():].strip(" :\t")
    return None


def _role_of(word: str) -> str | None:
    w = word.casefold().strip(" ,.:()")
    if "vice" in w:
        return "vice_chair"
    if w.startswith("ordf"):
        return "chair"
    if w.startswith("sekreterare"):
        return "secretary"
    if w.startswith(("justerare", "justerande")):
        return "adjuster"
    if "ersättare" in w:
        return "substitute"
    return None


_BRACKETED_ORGANISATION = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<org>[^()]*[a-zåäö][^()]*\s[^()]*|[A-ZÅÄÖ][\wåäö\-]{4,})\)$")
_ROLE = ROLE_PATTERN.pattern  # "ordförande", "1:e vice ordförande", "sekreterare e.u.", "tjänstgörande ersättare" …
_ORGANISATION_THEN_ROLE = re.compile(rf"^(?P<org>[^,]+),\s*(?P<role>{_ROLE})$", re.I)  # "Region Skåne, ordförande"
_LIST_BULLET = re.compile(r"^[-–•*▪]\s+")
_BRACKETED_ROLE = re.compile(rf"\s*\(\s*({_ROLE})\s*\)\s*", re.I)  # "Anna Berg (Ordförande)"
_TRAILING_ROLE = re.compile(rf"\s+({_ROLE})$", re.I)  # "Eva Berg tjänstgörande ersättare"


_TITLE_WORD = re.compile(
    r"(?:chef|sekreterare|handläggare|samordnare|strateg|direktör|konsulent|utvecklare|ansvarig|ledare|"
    r"controller|ekonom|jurist|utredare|planerare|administratör|assistent|rådgivare|specialist|läkare|"
    r"sjuksköterska|kurator|psykolog|ombudsman|representant|tjänsteperson|tjänsteman|projektledare)$", re.I)
_ORGANISATION_WORD = re.compile(r"kommun|region|landsting|förbund|län\b|förvaltning|bolag|\bAB\b", re.I)


def looks_like_job_title(text: str) -> bool:
    """``socialchef``, ``nämndsekreterare``, ``Verksamhetsutvecklare``: a person's title, not an organisation."""
    t = text.strip(" ,.")
    if not t:
        return False
    words = t.split()
    if len(words) <= 5 and _TITLE_WORD.search(words[-1]) and not _ORGANISATION_WORD.search(" ".join(words[:-1])):
        return True  # "förbundschef", "Hälso- och sjukvårdsdirektör"
    return t[0].islower() and not _ORGANISATION_WORD.search(t)


_NAME_SEPARATOR = re.compile(r"(,|\boch\b|;|\s[–—-]\s)")


def parse_people(text: str, base_role: str) -> list[list[Entry]]:
    """Entries named in one run of text, in groups (names joined by ``och`` share a row)."""
    text, items = take_items(text)
    groups: list[list[Entry]] = []
    # Party letters split runs of names: "Tom Berg (C) (Ordförande) Lena Ek (S)".
    if len(PARTY.findall(text)) >= 2 and "," not in text:
        for m in re.finditer(r"([^()]+?)\s*\(([A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,3})\)((?:\s*\([^)]*\))*)", text):
            name = " ".join(m.group(1).split())
            extra = m.group(3)
            roles = [base_role]
            for r in re.findall(r"\(([^)]*)\)", extra):
                role = _role_of(r)
                if role:
                    roles.insert(0, role)
            for sub in split_names(name) if len(name.split()) > 3 else [name]:
                groups.append([Entry(sub, roles if sub == name or sub == split_names(name)[-1] else [base_role],
                                     party=m.group(2), items=items)])
        return groups
    # A role in brackets inside a run of names ends a name: "Anna Berg (Ordförande) Per Lund".
    text = _BRACKETED_ROLE.sub(lambda m: f", {m.group(1)}, ", text)
    chunks = _NAME_SEPARATOR.split(text)
    join_next = False
    last_chunk_single = False
    pending_group_start = None
    for chunk in chunks:
        if chunk.strip() in (",", ";", "–", "—", "-"):
            continue
        if chunk.strip() == "och":
            join_next = True
            continue
        piece = chunk.strip()
        if not piece:
            continue
        piece, party = strip_party(piece)
        bracketed_org = None
        m = _BRACKETED_ORGANISATION.match(piece)
        if m and not _role_of(m.group("org")):  # "Anna Berg (Ale kommun)"
            piece, bracketed_org = m.group("name").strip(), m.group("org").strip()
        roles_here = []
        while True:
            m = ROLE_PATTERN.match(piece)
            if not m:
                break
            role = _role_of(m.group(0))
            if role:
                roles_here.append(role)
            piece = piece[m.end():].strip(" ,.:")
        if roles_here and groups:
            prev = groups[-1][-1]
            for role in roles_here:
                if role not in prev.roles:
                    prev.roles.insert(0, role)
        # trailing role words: "Anna Berg ordförande"
        trailing = []
        m = _TRAILING_ROLE.search(piece)
        if m:
            trailing.append(_role_of(m.group(1)))
            piece = piece[: m.start()]
            if party is None:  # "Eva Berg (KD) tjänstgörande ersättare"
                piece, party = strip_party(piece)
        if party and groups and not piece:
            groups[-1][-1].party = party
        if not piece:
            continue
        tokens = piece.split()
        # A run of names may start with a given name the lexicon lacks; other given names in it tell.
        if all(is_name_token(t) for t in tokens) and len(tokens) >= 2 and (
                is_first_name(tokens[0]) or len(tokens) >= 4 and not looks_like_surname(tokens[0])
                and sum(map(is_first_name, tokens[2:])) >= 1):
            names = split_names(piece) if len(tokens) > 3 or any(is_first_name(t) for t in tokens[2:]) else [piece]
        elif looks_like_person(piece, known_first=False) and len(tokens) <= 3:
            names = [piece]
        else:
            names = []
            if groups and not roles_here:
                # Not a name: an organisation or a description of the previous person.
                prev = groups[-1][-1]
                if prev.organisation is None and not looks_like_job_title(piece):
                    prev.organisation = piece
            continue
        new_entries = [Entry(n, [base_role], party=party if i == len(names) - 1 else None, items=items)
                       for i, n in enumerate(names)]
        if bracketed_org and new_entries:
            new_entries[-1].organisation = bracketed_org
        if trailing and new_entries:
            last = new_entries[-1]
            if trailing[0] == "substitute":  # a serving substitute sits instead of a member
                last.roles = [r for r in last.roles if r != "member"]
            if trailing[0] not in last.roles:
                last.roles.insert(0, trailing[0])
        if join_next and groups:
            groups[-1].append(new_entries[0])
            if pending_group_start is not None and last_chunk_single:
                pass
            rest = new_entries[1:]
        else:
            rest = new_entries
        for e in rest:
            groups.append([e])
        join_next = False
        last_chunk_single = len(names) == 1
    _merge_comma_groups(groups, text)
    return groups


def _merge_comma_groups(groups: list[list[Entry]], text: str) -> None:
    """In ``A, B och C`` the three share one row: merge groups back over single-name commas."""
    i = len(groups) - 1
    while i > 0:
        g = groups[i]
        if len(g) > 1:
            first_name = g[0].name
            j = i - 1
            while j >= 0 and len(groups[j]) == 1:
                prev = groups[j][0].name
                if _written_with_comma(text, prev, first_name):
                    g.insert(0, groups[j][0])
                    groups.pop(j)
                    i -= 1
                    first_name = prev
                    j -= 1
                else:
                    break
        i -= 1


def _written_with_comma(text: str, before: str, after: str) -> bool:
    r"""``re.search(re.escape(before) + r"\s*,\s*" + re.escape(after), text)``, by string methods:
    no regex compiled for each pair of names. Where ``after`` starts with no whitespace, the
    whitespace after the comma is all taken (giving some back lets no such ``after`` start);
    else, and where either is empty, the regex."""
    if not before or not after or after[0].isspace():
        return re.search(re.escape(before) + r"\s*,\s*" + re.escape(after), text) is not None
    n = len(text)
    i = text.find(before)
    while i >= 0:
        j = i + len(before)
        while j < n and text[j].isspace():  # what \s matches
            j += 1
        if j < n and text[j] == ",":
            j += 1
            while j < n and text[j].isspace():
                j += 1
            if text.startswith(after, j):
                return True
        i = text.find(before, i + 1)
    return False


ORG_HEAD = re.compile(r"^(?:Landstinget|Regionförbundet|Regionen|Region|Kommunförbundet|Samordningsförbundet)$")


def split_organisations(text: str, known_kommun) -> list[str]:
    """Split a run of organisation names (``Umeå kommun Landstinget SKL``) into names."""
    tokens = text.split()
    orgs: list[list[str]] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        starts = (
            not orgs
            or ORG_HEAD.match(tok)
            or (nxt.lower() in ("kommun", "stad", "kommuns") and known_kommun(tok))
            or re.match(r"^[A-ZÅÄÖ]{2,}$", tok)
            or re.match(r"^[A-ZÅÄÖ][a-zåäö]*[A-ZÅÄÖ]", tok)
            or tok[0].isupper() and orgs and orgs[-1][-1].lower() in ("kommun", "stad", "landsting", "landstinget")
            or tok[0].isupper() and orgs and re.match(r"^[A-ZÅÄÖ]{2,}$", orgs[-1][-1])
            or tok[0].isupper() and orgs and ORG_HEAD.match(orgs[-1][0]) and orgs[-1][0] in ("Landstinget", "Regionförbundet", "Regionen") and len(orgs[-1]) == 1
        )
        if starts and orgs and orgs[-1][-1].lower() in ("i", "och", "för"):
            starts = False
        if starts:
            orgs.append([tok])
        else:
            orgs[-1].append(tok)
        i += 1
    return [" ".join(o) for o in orgs]


def dedupe(entries: list[Entry]) -> list[Entry]:
    """One entry per person (spelling variants merged), roles merged, first spelling kept."""
    out: list[Entry] = []
    by_surname: dict[str, list[Entry]] = {}  # two spellings of one name share its surname key
    for e in entries:
        kept = by_surname.setdefault(surname_key(e.name), [])
        same = next((o for o in kept if same_person_name(o.name, e.name)), None)
        if same is None:
            out.append(e)
            kept.append(e)
            continue
        for r in e.roles:
            if r not in same.roles:
                same.roles.append(r)
        same.organisation = same.organisation or e.organisation
        same.party = same.party or e.party
        if e.items and not same.items:
            same.items = e.items
    return out


def parse_attendance(lines: list[Line], known_kommun) -> Attendance:
    """Read attendance lists and the signature block from the protocol head."""
    att = Attendance()
    role: str | None = None
    last_list_role: str | None = None
    signature_slots: list[tuple[int, str, int, int]] = []  # (line, role, column, columns) awaiting a name
    entries: list[Entry] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.blank:
            i += 1
            continue
        cells = [_LIST_BULLET.sub("", c.strip()) for c in ln.text.split("\t")]  # "- Anna Berg, Umeå kommun"
        consumed = False
        content_cells: list[str] = []
        skip: set[int] = set()
        for c_idx, cell in enumerate(cells):
            if not cell or c_idx in skip:
                continue
            lab = match_label(cell)
            if lab and c_idx > 0 and lab[0] == "signature" and not lab[2] and role and content_cells:
                lab = None  # "Anna Berg<TAB>Växjö kommun<TAB>ordförande": the row's role column
            if lab and not (c_idx > 0 and lab[0] == "other"):
                kind, lrole, rest = lab
                if kind == "list":
                    role = lrole
                    last_list_role = lrole
                    content_cells = [rest] if rest else []
                elif kind == "signature":
                    role = None
                    nxt = next((k for k in range(c_idx + 1, len(cells)) if cells[k]), None)
                    if not rest and nxt is not None and not match_label(cells[nxt]):
                        rest = cells[nxt]  # "Utses att justera<TAB>Name": the name in the next cell
                        skip.add(nxt)
                    if rest:
                        _add_signature(entries, rest, lrole, ln)
                    else:
                        filled = [k for k, c in enumerate(cells) if c]
                        signature_slots.append((i, lrole, filled.index(c_idx), len(filled)))
                    content_cells = []
                else:
                    role = None
                    content_cells = []
                consumed = True
            else:
                content_cells.append(cell)
        if role and content_cells:
            _read_row(entries, att, content_cells, role, ln, known_kommun)
        elif not consumed and not role and last_list_role and last_list_role != "absent":
            # A list continued after a page break: lines holding only a person's name.
            block = _name_block(lines, i)
            if len(block) >= 2:
                for j in block:
                    name, party = strip_party(lines[j].stripped)
                    entries.append(Entry(name, [last_list_role], party=party, start=lines[j].start, end=lines[j].end))
                i = block[-1] + 1
                continue
        i += 1
    _fill_signature_slots(entries, lines, signature_slots)
    present, absent = [], []
    for e in entries:
        (absent if "absent" in e.roles else present).append(e)
    att.present = dedupe(present)
    att.absent.extend(dedupe(absent))
    return att


def _name_block(lines: list[Line], i: int) -> list[int]:
    block = []
    j = i
    while j < len(lines):
        t = lines[j].stripped
        if not t:
            j += 1
            continue
        name, _ = strip_party(t)
        if "\t" in t or not looks_like_person(name):
            break
        block.append(j)
        j += 1
    return block


def _read_row(entries: list[Entry], att: Attendance, cells: list[str], role: str, ln: Line, known_kommun) -> None:
    # An organisation cell is a cell with no person name in it.
    name_cells, org_cells = [], []
    row_items: list[str] = []
    for raw_cell in cells:
        cell, cell_items = take_items(raw_cell)
        cell = cell.strip(" ,")
        if cell_items:
            row_items.extend(cell_items)
        if not cell:
            continue
        stripped_np, _ = strip_party(cell)
        first = stripped_np.split()[0] if stripped_np.split() else ""
        if name_cells and (not is_first_name(first.rstrip(",")) or known_kommun(stripped_np) or _org_like(stripped_np)) and not _has_inline_label(cell):
            org_cells.append(cell)
        elif not name_cells and not (is_first_name(first.rstrip(",")) or looks_like_person(" ".join(stripped_np.replace(",", " ").split()[:2]), known_first=False)):
            org_cells.append(cell)
        else:
            name_cells.append(cell)
    if not name_cells:
        return
    segments: list[tuple[str, str]] = []
    for cell in name_cells:
        segments.extend(_split_inline_labels(cell, role))
    groups: list[tuple[list[Entry], str]] = []
    for seg_role, seg_text in segments:
        if seg_role == "absent" or seg_role == role == "absent":
            pass
        replaced = REPLACES.match(seg_text)
        if replaced and seg_role != "absent" and looks_like_person(strip_party(take_items(replaced.group("abs"))[0])[0].split(",")[0].strip(), known_first=False):
            sub_groups = parse_people(replaced.group("sub"), "substitute" if seg_role == "member" else seg_role)
            abs_groups = parse_people(replaced.group("abs"), "absent")
            for g in abs_groups:
                for e in g:
                    e.roles = ["absent"]
                    e.replaced = sub_groups[0][0].name if sub_groups else None
                groups.append((g, "absent"))
            for g in sub_groups:
                groups.append((g, seg_role))
            continue
        for g in parse_people(seg_text, seg_role):
            groups.append((g, seg_role))
    row_roles: list[str] = []
    for k, cell in enumerate(org_cells):  # "Region Skåne, ordförande"
        m = _ORGANISATION_THEN_ROLE.match(cell)
        if m and _role_of(m.group("role")):
            org_cells[k] = m.group("org")
            row_roles.append(_role_of(m.group("role")))
        elif ROLE_PATTERN.fullmatch(cell.strip(" .:")) and _role_of(cell):  # a role column
            org_cells[k] = ""
            row_roles.append(_role_of(cell))
    org_cells = [c for c in org_cells if c]
    org_cells = [c for c in org_cells if not looks_like_job_title(c)]  # a "Funktion" column
    org_text = " ".join(org_cells)
    present_groups = [g for g, _ in groups]
    if row_roles and len(present_groups) == 1:
        for e in present_groups[0]:
            for r in row_roles:
                if r not in e.roles:
                    e.roles.insert(0, r)
    if org_cells:
        orgs = split_organisations(org_text, known_kommun) if len(present_groups) > 1 else [org_text]
        if len(orgs) != len(present_groups) and len(orgs) > 1 and len(org_cells) == 1:
            # fall back to one organisation per person when that count fits
            flat = [e for g in present_groups for e in g]
            if len(orgs) == len(flat):
                present_groups = [[e] for e in flat]
        for g, org in zip(present_groups, orgs):
            for e in g:
                if e.organisation is None:
                    e.organisation = org
        # "X för Y": the substitute sits for the same organisation as the one replaced.
        substitutes = {e.name: e for g in present_groups for e in g if "absent" not in e.roles}
        for g in present_groups:
            for e in g:
                sub = substitutes.get(e.replaced or "")
                if sub is not None and sub.organisation is None:
                    sub.organisation = e.organisation
    for g in present_groups:
        for e in g:
            e.start, e.end = ln.start, ln.end
            if row_items and not e.items:
                e.items = row_items
            if "absent" in e.roles:
                entries.append(e)
                continue
            if role == "absent" and e.roles == ["absent"]:
                pass
            entries.append(e)


_ORGANISATION_LIKE = re.compile(r"\b(?:kommun|stad|landsting(?:et)?|region(?:en)?|förbund(?:et)?|län)\b|^Region\b", re.I)
_INLINE_LABEL = re.compile(r"\b(?:Övriga|Ersättare|Frånvarande|Tjänstepersoner|Adjungerade)\s*:")
_INLINE_LABEL_SPLIT = re.compile(
    r"\b(Övriga(?:\s+(?:deltagare|närvarande))?|(?:Tjänstgörande\s+)?Ersättare|Frånvarande|Inte närvarande|Tjänstepersoner|Adjungerade)\s*:")


def _org_like(text: str) -> bool:
    return bool(_ORGANISATION_LIKE.search(text))


def _has_inline_label(cell: str) -> bool:
    return bool(_INLINE_LABEL.search(cell))


def _split_inline_labels(cell: str, role: str) -> list[tuple[str, str]]:
    if ":" not in cell:  # every label ends in a colon
        return [(role, cell)] if cell.strip() else []
    parts = _INLINE_LABEL_SPLIT.split(cell)
    out = [(role, parts[0])]
    for k in range(1, len(parts), 2):
        lab = match_label(parts[k])
        out.append((lab[1] if lab and lab[0] == "list" else role, parts[k + 1]))
    return [(r, t) for r, t in out if t.strip()]


def _add_signature(entries: list[Entry], text: str, role: str, ln: Line) -> None:
    text = re.sub(r"^(?:ordförande|justerande|justerare|sekreterare)\s+", "", text, flags=re.I)
    name, party = strip_party(take_items(text)[0])
    name = re.split(r"\s*[,\t]\s*|\s+\d", name)[0].strip()
    if looks_like_person(name, known_first=False):
        entries.append(Entry(name, [role], party=party, start=ln.start, end=ln.end))


def _fill_signature_slots(entries: list[Entry], lines: list[Line], slots: list[tuple[int, str, int, int]]) -> None:
    """A role label alone on a line names the person on the line before or after it; labels
    side by side (``ordförande<TAB>justerare``) name the persons in the same columns."""
    if not slots:
        return

    def cell_text(j: int, col: int, cols: int) -> str | None:
        if cols == 1:
            return None if "\t" in lines[j].text else lines[j].stripped
        filled = [c.strip() for c in lines[j].text.split("\t") if c.strip()]
        return filled[col] if len(filled) == cols else None

    def neighbour(i: int, step: int, col: int, cols: int) -> tuple[int, bool, str] | None:
        j, gap = i + step, False
        while 0 <= j < len(lines) and lines[j].blank:
            gap = True
            j += step
        if 0 <= j < len(lines):
            text = cell_text(j, col, cols)
            name, _ = strip_party(text or "")
            if text and looks_like_person(name, known_first=False) and not match_label(name):
                return j, gap, text
        return None

    choices = []
    for i, role, col, cols in slots:
        before, after = neighbour(i, -1, col, cols), neighbour(i, +1, col, cols)
        choices.append((i, role, before, after))
    # Orientation: where only one side holds a name, or the name sits on the adjacent line.
    votes = 0
    for _, _, b, a in choices:
        if b and (not a or (not b[1] and a[1])):
            votes -= 1
        elif a and (not b or (not a[1] and b[1])):
            votes += 1
    for i, role, b, a in choices:
        if b and a:
            pick = b if (not b[1] and a[1]) or (b[1] == a[1] and votes < 0) else a
            if not a[1] and b[1]:
                pick = a
        else:
            pick = b or a
        if pick:
            ln = lines[pick[0]]
            name, party = strip_party(pick[2])
            entries.append(Entry(name, [role], party=party, start=ln.start, end=ln.end))
