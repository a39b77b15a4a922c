#!/usr/bin/env python3
"""Generate a reproducible corpus of synthetic Swedish collaboration-body protocols.

    python benchmarks/make_corpus.py --protocols N --seed S --out DIR [--gold] [--jobs J]

Each protocol i is generated from ``random.Random(f"{seed}:{i}")`` plus per-seed county
worlds (people, bodies), so the same N and seed give byte-identical files whatever --jobs is.
Four layouts imitate the four sample protocols in /work/shared/protocols:

  A  "§ N Title" sections, tab attendance table with § restrictions, table of contents,
     bilagor, "<body>s beslut", page footers "Justerandes sign ... Utdragsbestyrkande".
  B  letterhead, "N. Title" items, "name TAB kommun-short (punkt 7)" attendance, plain
     sentence decisions, a date heading without a year, letterhead footer on every page.
  C  one "§N" per page: Sammanfattning / Förslag till beslut / Yrkande / Beslut,
     run-together names with party letters, attendance continued after a page break.
  D  a table (Nr, Ärende/Föredragande, Noteringar, Beslut/Konsensus) with HTML in cells,
     run-together name and organisation cells, one item number lost.

With --gold a ``.json`` protocol record (protocol.schema.json) is written next to each
``.txt``: exactly what the generator put in. Standard library only.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import sys
from functools import lru_cache
from pathlib import Path

import corpus_vocab as V

ROOT = Path(__file__).resolve().parents[1]
REFDATA = ROOT / "samgraf" / "refdata"
ROLE_ORDER = ("chair", "vice_chair", "secretary", "adjuster", "member", "substitute", "other")
LAYOUTS = ("A", "B", "C", "D")
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


# --------------------------------------------------------------------------- reference data

@lru_cache(maxsize=1)
def refdata():
    def rows(name):
        with open(REFDATA / name, encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    counties = rows("counties.csv")
    munis = {}
    for r in rows("municipalities.csv"):
        munis.setdefault(r["county_code"], []).append((r["municipality_name"], r["municipality_name_short"]))
    regions = {r["county_code"]: r for r in rows("regions.csv")}
    return counties, munis, regions


def region_org(cc: str, year: int) -> str:
    """Official name of the county council / region at ``year``."""
    reg = refdata()[2][cc]
    if year >= int(reg["region_since"]):
        return reg["region_name"]
    return reg["former_names"].split(";")[0]


def is_region(cc: str, year: int) -> bool:
    return year >= int(refdata()[2][cc]["region_since"])


def regionforbund(cc: str, year: int) -> str | None:
    """The regional association's name as written, or None once the region took over."""
    if is_region(cc, year) or cc in ("12", "14", "09"):
        return None
    if cc == "24":
        return "Region Västerbotten"  # the association's name before 2019 (a trap)
    return "Regionförbundet"


def skl(year: int) -> str:
    return V.SKL_BEFORE_2020 if year < 2020 else V.SKR_FROM_2020


# --------------------------------------------------------------------------- people

class Person:
    __slots__ = ("name", "party", "org", "title")

    def __init__(self, name, party, org, title):
        self.name, self.party, self.org, self.title = name, party, org, title


def make_name(rng: random.Random) -> str:
    names = V.FIRST_NAMES_F if rng.random() < 0.55 else V.FIRST_NAMES_M
    first = rng.choice(names)
    if rng.random() < 0.04:
        second = rng.choice(names)
        if second != first and "-" not in second and "-" not in first:
            first = f"{first} {second}"
    last = rng.choice(V.SURNAMES)
    if rng.random() < 0.05:
        last2 = rng.choice(V.SURNAMES)
        if last2 != last and " " not in last2 and "-" not in last2:
            last = f"{last}-{last2}" if rng.random() < 0.5 else f"{last} {last2}"
    return f"{first} {last}"


@lru_cache(maxsize=64)
def namesake(seed: str, k: int) -> str:
    return make_name(random.Random(f"{seed}:namesake:{k}"))


def county_index(cc: str) -> int:
    return [c["county_code"] for c in refdata()[0]].index(cc)


@lru_cache(maxsize=1 << 16)
def slot_person(seed: str, cc: str, kind: int, slot: str, period: int, political: bool) -> Person:
    """The person holding ``slot`` of body ``kind`` in ``cc`` during ``period`` (0-3).

    A slot changes holder at a period boundary with probability 0.35, so people recur over
    the years. Org is a key: ('k', i) kommun i, ('r',) region, ('f',) regionförbund,
    ('u',) FoU, ('s',) SKL/SKR.
    """
    chg = random.Random(f"{seed}:{cc}:{kind}:{slot}:chg")
    gen = sum(1 for _ in range(period) if chg.random() < 0.35)
    rng = random.Random(f"{seed}:{cc}:{kind}:{slot}:{gen}")
    # Namesakes on purpose: the first two region slots carry names shared with the
    # neighbouring counties (county k shares namesake k with county k+1).
    ci = county_index(cc)
    if slot == "r0":
        name = namesake(seed, ci)
    elif slot == "r1":
        name = namesake(seed, (ci - 1) % 21)
    else:
        name = make_name(rng)
    party = rng.randrange(len(V.PARTIES)) if political and slot[0] in "kr" else None
    org = {"k": ("k", int(slot[1:]) if slot[0] == "k" else 0), "r": ("r",), "f": ("f",),
           "u": ("u",), "s": ("s",), "g": ("r",)}[slot[0]]
    title = rng.choice(V.OFFICIAL_TITLES)
    return Person(name, party, org, title)


# --------------------------------------------------------------------------- helpers

def fmt_date(d: dt.date) -> str:
    return d.isoformat()


def long_date(d: dt.date, weekday=True, year=True) -> str:
    s = f"{d.day} {V.MONTHS[d.month - 1]}"
    if year:
        s += f" {d.year}"
    if weekday:
        s = f"{V.WEEKDAYS[d.weekday()]} den {s}"
    return s


def genitive(name: str) -> str:
    return name if name.endswith("s") else name + "s"


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def item_range(nums):
    return f"§ {nums[0]}" if len(nums) == 1 else f"§§ {nums[0]}-{nums[-1]}"


_STEPS = tuple(k for k in range(1, len(V.FILLER)) if __import__("math").gcd(k, len(V.FILLER)) == 1)


@lru_cache(maxsize=None)
def topic_word(title: str) -> str:
    """The topic as running text names it: lower-case initial unless it is a proper name."""
    word = title.split(" - ")[0]
    if not any(word.startswith(a) for a in V.AGREEMENTS):
        word = word[0].lower() + word[1:]
    return word


def in_era(name: str, year: int) -> bool:
    lo, hi = V.AGREEMENT_YEARS.get(name, (0, 9999))
    return lo <= year <= hi


@lru_cache(maxsize=None)
def topics_for(year: int):
    """Topics whose agreements all existed in ``year``."""
    return tuple(t for t in V.TOPICS if all(in_era(a, year) for a in t[1]))


@lru_cache(maxsize=None)
def agreements_for(year: int):
    return tuple(a for a in V.AGREEMENTS if in_era(a, year))


class Item:
    __slots__ = ("number", "title", "kind", "presenters", "decisions", "attachments", "bodies",
                 "agreements", "orgs", "paras", "proposal", "yrkande", "reported", "guests")

    def __init__(self, number, title, kind):
        self.number, self.title, self.kind = number, title, kind
        self.presenters, self.decisions, self.attachments = [], [], []
        self.bodies, self.agreements, self.orgs = [], [], []
        self.paras = []          # list of str (paragraphs) or list-of-str (bullets)
        self.proposal = None     # C: Förslag till beslut lines (text) when differing
        self.yrkande = None
        self.reported = None
        self.guests = []

    def mention(self, lst, name):
        if name not in lst:
            lst.append(name)

    def record(self):
        return {"number": str(self.number), "title": self.title, "presenters": list(self.presenters),
                "decisions": [{"text": t, "type": ty} for t, ty, _ in self.decisions],
                "attachments": list(self.attachments),
                "mentions": {"bodies": list(self.bodies), "agreements": list(self.agreements),
                             "organisations": list(self.orgs)}}


# --------------------------------------------------------------------------- meeting model

class Meeting:
    """Everything one protocol states, before layout."""

    def __init__(self, seed: str, i: int):
        self.seed, self.i = seed, i
        rng = self.rng = random.Random(f"{seed}:{i}")
        counties, munis, _ = refdata()
        off = random.Random(f"{seed}:offset").randrange(84)
        ci = (i + off) % 21
        self.layout = LAYOUTS[(i + off) % 4]
        self.cc = counties[ci]["county_code"]
        self.county_short = counties[ci]["county_name_short"]
        self.kind = (LAYOUTS.index(self.layout) - ci) % 4
        bname, acr = random.Random(f"{seed}:body:{self.cc}:{self.kind}").choice(V.BODY_KINDS[self.kind])
        self.body_name, self.acronym = bname, acr
        self.political = self.kind in V.POLITICAL_KINDS
        # date: a weekday, no meetings in July
        year = rng.randint(2010, 2025)
        month = rng.choice((1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12))
        d = dt.date(year, month, rng.randint(1, 28))
        while d.weekday() > 4:
            d += dt.timedelta(days=1)
        self.date, self.year = d, year
        self.period = min(3, (year - 2010) // 4)
        self.munis = munis[self.cc] if self.cc != "09" else []
        self.region = region_org(self.cc, year)
        h = rng.choice((8, 9, 9, 10, 13, 13))
        self.start = f"{h:02d}:{rng.choice(('00', '00', '30', '15'))}"
        eh = h + rng.randint(2, 4)
        self.end = f"{eh:02d}:{rng.choice(('00', '00', '30', '45', '50'))}"
        self.place = self._place()
        self.people()
        self.items = []
        self.plan_items()

    # ---- attendance
    def org_name(self, key, style="full"):
        """Organisation text for a person's org key; style full|short|table."""
        if key[0] == "k":
            full, short = self.munis[key[1] % len(self.munis)]
            return short if style == "short" else full
        if key[0] == "r":
            if style == "table":
                return "Landstinget" if not is_region(self.cc, self.year) else self.region
            return self.region
        if key[0] == "f":
            return regionforbund(self.cc, self.year) or self.region
        if key[0] == "u":
            return f"FoU {self.county_short}"
        return skl(self.year)

    def canonical_org(self, key):
        if key[0] == "k":
            return self.munis[key[1] % len(self.munis)][0]
        if key[0] == "r":
            return self.region
        return self.org_name(key)

    def people(self):
        rng, seed, cc, kind, per = self.rng, self.seed, self.cc, self.kind, self.period
        nm = len(self.munis)
        slots = []
        if nm:
            ks = list(range(nm))
            if nm > 12:
                ks = sorted(random.Random(f"{seed}:{cc}:{kind}:ks").sample(ks, 12))
            slots += [f"k{k}" for k in ks]
        slots += ["r0", "r1", "r2"] + (["r3"] if rng.random() < 0.5 else [])
        members = [slot_person(seed, cc, kind, s, per, self.political) for s in slots]
        # a few absent members
        for _ in range(rng.randint(0, 3)):  # absent kommun members (region ones always come)
            nk = sum(1 for p in members if p.org[0] == "k")
            if len(members) > 6 and nk > 1:
                members.pop(rng.randrange(nk))
        osl = ["g0", "g1"] + (["f0"] if regionforbund(cc, self.year) else []) + ["u0"]
        others = [slot_person(seed, cc, kind, s, per, False) for s in osl]
        if rng.random() < 0.3:
            others.append(slot_person(seed, cc, kind, "s0", per, False))
        # guests: present for some items only
        nguest = rng.randint(0, 5)
        guests = [slot_person(seed, cc, kind, f"g{2 + rng.randrange(30)}", per, False) for _ in range(nguest)]
        seen, uniq = set(), []
        for p in members + others + guests:
            if p.name not in seen:
                seen.add(p.name)
                uniq.append(p)
        self.members = [p for p in uniq if p in members]
        self.others = [p for p in uniq if p in others]
        self.guests = [p for p in uniq if p in guests]
        region_members = [p for p in self.members if p.org == ("r",)]
        self.chair = rng.choice(self.members[-3:] if rng.random() < 0.5 else self.members)
        self.vice = None
        if self.layout == "C" and rng.random() < 0.7:
            self.vice = rng.choice([p for p in self.members if p is not self.chair])
        self.adjuster = rng.choice([p for p in self.members if p is not self.chair])
        self.secretary = self.others[0]
        self.guest_items = {}
        self.region_members = region_members
        # an outside presenter only named in the running text (not a participant)
        self.outsider = slot_person(seed, cc, kind, f"g{40 + rng.randrange(20)}", per, False)
        if self.outsider.name in seen:
            self.outsider = None

    def _place(self):
        rng = self.rng
        seat = V.COUNTY_SEATS[self.cc]
        if self.year >= 2020 and rng.random() < 0.45:
            return rng.choice(V.DIGITAL_PLACES)
        r = rng.random()
        if r < 0.45:
            b = rng.choice(V.BUILDINGS_REGION if is_region(self.cc, self.year) else V.BUILDINGS_LANDSTING)
            return f"{b}, {rng.choice(V.ROOMS)}"
        if r < 0.75:
            return f"{rng.choice(V.ROOMS).replace('Rum ', '').replace('Konferensrum ', '')}, {rng.choice(V.STREETS)} {rng.randint(1, 40)}, {seat}"
        return f"{rng.choice(V.BUILDINGS_OTHER)}, {seat}"

    # ---- items
    def plan_items(self):
        rng = self.rng
        n = rng.randint(5, 20)
        first = 1 if self.layout == "B" else rng.randint(1, 70)
        formal_open = V.OPENING_ITEMS[: (2 if n < 8 else rng.choice((3, 4)))]
        if self.layout == "D":  # the table layout has no formal opening items but minutes
            formal_open = (V.OPENING_ITEMS[3],) if rng.random() < 0.7 else ()
        closing = [V.CLOSING_ITEMS[0]]
        if n >= 9 and rng.random() < 0.5:
            closing.append(V.CLOSING_ITEMS[1])
        if self.layout in "ABC" and rng.random() < 0.8:
            closing.append(V.CLOSING_ITEMS[2])
        ntop = max(1, n - len(formal_open) - len(closing))
        pool = topics_for(self.year)
        topics = rng.sample(pool, min(ntop, len(pool)))
        specs = [(rng.choice(t), k, None) for t, k in formal_open]
        specs += [(t[0], "topic", t) for t in topics]
        if ntop >= 6 and rng.random() < 0.4:
            specs.insert(len(formal_open) + 1, (rng.choice(V.ROUND_ITEMS), "round", None))
        specs += [(rng.choice(t), k, None) for t, k in closing]
        target = rng.randint(9_000, 36_000)
        self.budget = max(250, target // max(1, sum(1 for s in specs if s[1] == "topic")) - 600)
        for j, (title, kind, topic) in enumerate(specs):
            it = Item(first + j, title, kind)
            self.items.append(it)
        # guests attend consecutive topical items (restrictions) and present them
        topical = [it for it in self.items if it.kind == "topic"]
        for g in self.guests:
            if not topical:
                break
            k = rng.randrange(len(topical))
            span = 1 if self.layout == "B" else rng.choice((1, 1, 2, 3))
            nums = [it.number for it in topical[k:k + span]]
            nums = list(range(nums[0], nums[-1] + 1))
            self.guest_items[g.name] = [str(x) for x in nums]
            topical[k].guests.append(g)
        for it, (title, kind, topic) in zip(self.items, specs):
            if kind == "topic":
                self.fill_topic(it, topic)
            else:
                self.fill_formal(it)

    def person_ref(self, p: Person) -> str:
        """A later reference in running text: first name only, or a spelling variant."""
        first = p.name.split(" ")[0]
        r = self.rng.random()
        if r < 0.35 and first.count("-") == 0:
            return first
        if r < 0.5 and "-" in first:
            return p.name.replace("-", " ", 1)
        return p.name

    def filler(self, it: Item, budget: int, topic_word: str):
        rnd = self.rng.random  # int(rnd() * n) is several times faster than randrange
        nf, ns, filler, paras = len(V.FILLER), len(_STEPS), V.FILLER, it.paras
        total = 0
        while total < budget:
            # k distinct sentences: a random start and a step coprime with the list length
            i0, step = int(rnd() * nf), _STEPS[int(rnd() * ns)]
            sents = [filler[(i0 + j * step) % nf] for j in range(3 + int(rnd() * 6))]
            if rnd() < 0.4:
                sents.insert(int(rnd() * len(sents)),
                             V.FILLER_TOPIC[int(rnd() * len(V.FILLER_TOPIC))].format(x=topic_word))
            plen = sum(map(len, sents)) + len(sents)
            if rnd() < 0.12:
                paras.append(" ".join(sents[:2]))
                paras.append(self.rng.sample(V.BULLETS, 2 + int(rnd() * 4)))
            else:
                paras.append(" ".join(sents))
            total += plen

    def dec_text(self, ty, obj, plain=False):
        rng = self.rng
        B, A = self.body_name, self.acronym or self.body_name
        P = rng.choice(V.PRINCIPALS[:3]).format(R=self.region)
        X = rng.choice(V.ASSIGNEES)
        N = rng.choice(self.members + self.others).name
        if plain:
            pool = {"decision": V.PLAIN_DECIDE, "recommendation": V.PLAIN_RECOMMEND,
                    "assignment": V.PLAIN_ASSIGN, "noted": V.PLAIN_NOTED}[ty]
        else:
            pool = {"decision": V.DECISION_DECIDE, "recommendation": V.DECISION_RECOMMEND,
                    "assignment": V.DECISION_ASSIGN, "noted": V.DECISION_NOTED}[ty]
        tpl = rng.choice(pool)
        if plain:
            noun = "Rådet" if "råd" in B else "Nätverket" if "nätverk" in B else "Gruppen"
            tpl = tpl.replace("Rådet", noun)
        text = tpl.format(B=B, A=A, T=obj, T_cap=cap(obj), P=P, X=X, N=N)
        body_mentioned = X if ("{X}" in tpl and X in V.ASSIGNEE_BODIES) else None
        return cap(text), body_mentioned

    def fill_topic(self, it: Item, topic):
        rng = self.rng
        title, agrs, bodies, orgs = topic
        word = topic_word(title)
        presenters = list(it.guests)
        pool = self.members + self.others
        if not presenters or rng.random() < 0.3:
            if self.outsider and rng.random() < 0.1 and self.layout in "AB":
                presenters.append(self.outsider)
            elif rng.random() < 0.85:
                presenters.append(rng.choice(pool))
        seen = set()
        presenters = [p for p in presenters if not (p.name in seen or seen.add(p.name))]
        it.presenters = [p.name for p in presenters]
        it.guests = presenters  # persons the text introduces
        # entities named in the text
        ents = []
        for a in agrs:
            if a in title or rng.random() < 0.55:
                ents.append(("a", a))
        for b in bodies:
            if rng.random() < 0.5:
                ents.append(("b", b))
        for o in orgs:
            if rng.random() < 0.5:
                ents.append(("o", o))
        if rng.random() < 0.2:
            ents.append(("o", skl(self.year)))
        if rng.random() < 0.2:
            ents.append(("a", rng.choice(agreements_for(self.year))))
        for kind, e in ents:
            tpls = {"a": V.AGREEMENT_SENTENCES, "b": V.BODY_SENTENCES, "o": V.ORG_SENTENCES}[kind]
            if e[0].islower():
                tpls = [x for x in tpls if not x.startswith("{e}")]
            it.paras.append(cap(rng.choice(tpls).format(e=e)))
            it.mention({"a": it.agreements, "b": it.bodies, "o": it.orgs}[kind], e)
        rng.shuffle(it.paras)
        self.filler(it, rng.randint(self.budget // 2, self.budget * 3 // 2), word)
        if bodies and rng.random() < 0.25:
            b = bodies[0]
            it.reported = cap(rng.choice(V.REPORTED_DECISIONS).format(O=b))
            it.mention(it.bodies, b)
        # attachments
        if rng.random() < 0.4:
            for _ in range(rng.randint(1, 2)):
                t = rng.choice(V.ATTACHMENT_TITLES).format(
                    t=word, y=self.year, d=fmt_date(self.date - dt.timedelta(days=rng.randint(5, 40))),
                    a=self.acronym or self.body_name)
                if t not in it.attachments:
                    it.attachments.append(t)
        # decisions
        r = rng.random()
        obj = rng.choice(V.TOPIC_OBJECTS)
        plain = self.layout == "B"
        if r < 0.35:
            nd = 0
        elif r < 0.8:
            nd = 1
        else:
            nd = rng.randint(2, 4)
        if nd == 0 and self.layout == "C":
            nd = 1
            types = ["noted"]
        else:
            types = [rng.choice(("decision", "decision", "recommendation", "assignment", "noted"))
                     for _ in range(nd)]
            if nd > 1:
                types = [t if t != "noted" else "decision" for t in types]
        self.numbered = False
        if nd > 1 and len(set(types)) == 1 and types[0] in ("decision", "recommendation") and rng.random() < 0.6:
            # lead sentence + numbered points; each point is one decision
            ty = types[0]
            lead = (f"{self.body_name} rekommenderar huvudmännen att:" if ty == "recommendation"
                    else f"{self.body_name} beslutar följande:")
            pts = rng.sample(V.TOPIC_OBJECTS, nd)
            verbs = ("fastställs enligt förslaget", "gäller från och med årsskiftet",
                     "revideras enligt bilagt förslag", "följs upp vid nästa sammanträde")
            for k, o in enumerate(pts):
                it.decisions.append((f"{cap(o)} {verbs[k % len(verbs)]}.", ty, lead if k == 0 else None))
        else:
            for k, ty in enumerate(types):
                o = obj if k == 0 else rng.choice(V.TOPIC_OBJECTS)
                text, bm = self.dec_text(ty, o, plain)
                if bm:
                    it.mention(it.bodies, bm)
                it.decisions.append((text, ty, None))
        if self.layout == "C" and it.decisions and it.decisions[0][1] != "noted":
            if rng.random() < 0.25:
                it.yrkande = (self.c_name(rng.choice(self.members)), "yrkar att en uppföljning ska ske vid nästa sammanträde.")
                it.decisions.append(("Uppföljning sker vid nästa sammanträde.", "decision", None))

    def fill_formal(self, it: Item):
        rng, B, A = self.rng, self.body_name, self.acronym or self.body_name
        adj = self.adjuster.name
        lay = self.layout
        k = it.kind
        if k == "open":
            it.paras.append(f"{self.chair.name} hälsar välkommen till dagens sammanträde." if lay != "B"
                            else "Ordförande hälsade de närvarande välkomna till dagens möte.")
        elif k == "adjuster":
            if lay == "B":
                t = f"{adj} utsågs till justerare."
            elif lay == "C":
                t = f"{self.c_name(self.adjuster)} väljs till justerare."
            else:
                t = f"{B} utser {adj} som justerare."
            it.decisions.append((t, "decision", None))
        elif k == "agenda":
            it.paras.append("En preliminär dagordning har skickats ut inför sammanträdet.")
            if lay == "B":
                t = rng.choice(("Dagordningen godkändes.", "Dagordningen godkändes utan ändringar."))
            else:
                t = rng.choice((f"{B} fastställer dagordningen enligt förslag.",
                                "Preliminär dagordning fastställs som slutlig dagordning."))
            it.decisions.append((t, "decision", None))
        elif k == "minutes":
            if rng.random() < 0.5:
                t = ("Protokollet från föregående möte godkändes och lades till handlingarna." if lay == "B"
                     else "Föregående protokoll godkänns.")
                ty = "decision"
            else:
                t = "Föregående protokoll läggs till handlingarna."
                ty = "noted"
            it.paras.append("Ordföranden tar upp föregående protokoll. Inga synpunkter framförs.")
            it.decisions.append((t, ty, None))
        elif k == "round":
            it.paras.append("Alla berättade om aktuellt läge i sina respektive kommuner samt i regionen.")
        elif k == "other":
            if rng.random() < 0.5:
                it.paras.append("Inga övriga frågor anmäls.")
            else:
                a = rng.choice(agreements_for(self.year))
                tpls = [x for x in V.AGREEMENT_SENTENCES if a[0].isupper() or not x.startswith("{e}")]
                it.paras.append(cap(rng.choice(tpls).format(e=a)))
                it.mention(it.agreements, a)
        elif k == "dates":
            ds = sorted(rng.sample(range(1, 12), 4))
            dates = ", ".join(f"{rng.randint(1, 28)} {V.MONTHS[m - 1]}" for m in ds[:3])
            dates += f" och {rng.randint(1, 28)} {V.MONTHS[ds[3] - 1]}"
            t = f"Mötestider för {A} {self.year + 1} fastställs till {dates}."
            it.decisions.append((t, "decision", None))
        elif k == "close":
            it.paras.append(f"Ordföranden tackar deltagarna och avslutar mötet kl. {self.end}.")

    def c_name(self, p: Person) -> str:
        if self.political and p.party is not None:
            return f"{p.name} ({V.PARTIES[p.party][0 if self.year < 2015 else 1]})"
        return p.name

    # ---- gold
    def participants(self, order):
        """order: list of (person, role, items-or-None); merged by name, roles sorted."""
        out, idx = [], {}
        for p, role, items, org, party in order:
            if p.name in idx:
                rec = out[idx[p.name]]
                if role not in rec["roles"]:
                    rec["roles"].append(role)
                continue
            idx[p.name] = len(out)
            out.append({"name": p.name, "organisation": org, "party": party, "roles": [role], "items": items})
        for rec in out:
            rec["roles"].sort(key=ROLE_ORDER.index)
        return out

    def record(self, source, participants):
        return {"source": source, "body": {"name": self.body_name, "acronym": self.acronym},
                "date": fmt_date(self.date), "start": self.start, "end": self.end, "place": self.place,
                "participants": participants, "items": [it.record() for it in self.items]}


# --------------------------------------------------------------------------- layouts

def mention_text(m: Meeting, it: Item, past=False):
    """Intro sentences naming the presenters, then paragraphs; returns list of blocks."""
    rng = m.rng
    blocks = []
    for p in it.guests:
        verb = rng.choice(V.PRESENT_VERBS_PAST if past else V.PRESENT_VERBS)
        if m.layout == "B":
            blocks.append(f"{p.name}, {p.title} på {m.org_name(p.org)}, {verb} ärendet.")
            continue
        org = f", {m.org_name(p.org)}," if rng.random() < 0.5 else ""
        obj = " punkten." if verb.startswith(("föredr", "går", "gick")) else f" {it.title.lower()}."
        if verb.endswith("om"):
            obj = f" {it.title.lower()}."
        blocks.append(f"{p.name}{org} {verb}{obj}")
    for para in it.paras:
        blocks.append(para)
    if it.guests and rng.random() < 0.5:
        p = it.guests[0]
        blocks.append(f"{m.person_ref(p)} {rng.choice(V.PRESENT_VERBS)} även det fortsatta arbetet.")
    if it.reported:
        blocks.append(it.reported)
    return blocks


def para_str(b):
    if isinstance(b, list):
        return "\n".join(f"- {x}" for x in b)
    return b


class Pager:
    """Accumulates text and inserts a page footer/header every ``size`` characters."""

    def __init__(self, rng, footer, size=(2800, 3800), split=True):
        self.rng, self.footer, self.size, self.split = rng, footer, size, split
        self.parts, self.count = [], 0
        self.limit = rng.randint(*size)

    def add(self, text, splittable=False):
        text += "\n\n"
        if self.count + len(text) > self.limit:
            if splittable and self.split and len(text) > 200:
                cut = self.limit - self.count
                cut = text.rfind(" ", 60, max(61, min(cut, len(text) - 60)))
                if cut > 0:
                    self.parts.append(text[:cut] + "\n\n")
                    self.parts.append(self.footer)
                    self.parts.append(text[cut + 1:])
                    self.count = len(text) - cut
                    self.limit = self.rng.randint(*self.size)
                    return
            self.parts.append(self.footer)
            self.count = 0
            self.limit = self.rng.randint(*self.size)
        self.parts.append(text)
        self.count += len(text)

    def text(self):
        return "".join(self.parts)


def decision_blocks(it: Item):
    """Blocks for the decisions: a lead with numbered points, numbered sentences, or one."""
    if not it.decisions:
        return []
    if it.decisions[0][2]:  # lead sentence + points
        pts = "\n".join(f"{k}. {t}" for k, (t, _, _) in enumerate(it.decisions, 1))
        return [it.decisions[0][2], pts]
    if len(it.decisions) == 1:
        return [it.decisions[0][0]]
    return ["\n".join(f"{k}. {t}" for k, (t, _, _) in enumerate(it.decisions, 1))]


def render_A(m: Meeting, name: str):
    rng, d = m.rng, m.date
    date = fmt_date(d)
    footer_dash = rng.choice(("---\t------------------\t--------------------\t--", "---\t---\t--------------------\t--"))
    footer = f"Justerandes sign \tJusterandes sign\tUtdragsbestyrkande\t\n{footer_dash}\n\n{date}\n\n"
    nums = [it.number for it in m.items]
    out = [f"\n\n{date}\n\n{m.body_name}" + (f" ({m.acronym})" if m.acronym else "") + "\n\n"]
    t = f"kl. {m.start.replace(':', '.')} – {m.end.replace(':', '.')}"
    out.append(f"Tid och plats för Sammanträdet {long_date(d)}, {t}\n{m.place}\n\n")
    order = []
    lines = []
    for k, p in enumerate(m.members):
        extra = ", ordförande" if p is m.chair else ""
        org = m.org_name(p.org)
        lines.append(("Beslutande\t" if k == 0 else "\t") + f"{p.name}{extra}\t{org}")
        roles = ["member"] + (["chair"] if p is m.chair else []) + (["adjuster"] if p is m.adjuster else [])
        for r in roles:
            order.append((p, r, None, m.canonical_org(p.org), None))
    lines[-1] = lines[-1].lstrip("\t") + "\t"
    out.append("\n".join(lines) + "\n\n")
    lines = []
    oth = m.others + m.guests
    for k, p in enumerate(oth):
        items = m.guest_items.get(p.name)
        restr = ""
        if items:
            restr = ("," if rng.random() < 0.3 else "") + " " + item_range(items)
        lines.append(("Övriga deltagare\t" if k == 0 else "\t") + f"{p.name}{restr}\t{m.org_name(p.org)}")
        order.append((p, "other", items, m.canonical_org(p.org), None))
        if p is m.secretary:
            order.append((p, "secretary", items, m.canonical_org(p.org), None))
    lines[-1] = lines[-1].lstrip("\t") + "\t"
    out.append("\n".join(lines) + "\n\n")
    adjd = d + dt.timedelta(days=rng.randint(7, 25))
    out.append(f"Utses att justera {m.adjuster.name}\n\nJusteringens plats {m.place.split(',')[0]} {fmt_date(adjd)}\n\n \nOch tid\n\n")
    out.append(f"Sekreterare\n\n \n\n{m.secretary.name}\n\nParagrafer {nums[0]}-{nums[-1]}\n\n")
    out.append(f"Ordförande\n\n\n{m.chair.name}\n\nJusterande\n\n\n{m.adjuster.name}\n\n{date}\n\n")
    out.append("Innehållsförteckning\n\n")
    page = 3
    toc = []
    for k, it in enumerate(m.items):
        toc.append(f"§ {it.number}\t{it.title}.....\t{page}")
        if it.kind == "topic":
            page += rng.choice((0, 1, 1, 2))
    out.append("\n".join(toc) + "\n\n")
    # bilagor
    bil = []
    for it in m.items:
        for a in it.attachments:
            bil.append((len(bil) + 1, it.number, a))
    bil_no = {}
    if bil:
        out.append("Bilagor\n\n")
        for n, num, a in bil:
            out.append(f"Bilaga {n} (§ {num}): {a}\n\n")
            bil_no[(num, a)] = n
    out.append(f"{date}\n\n")
    head = "".join(out)
    pager = Pager(rng, footer)
    gen = f"{genitive(m.body_name)} beslut"
    shift_from = None
    if len(m.items) > 6 and rng.random() < 0.25:
        shift_from = rng.randrange(len(m.items) // 2, len(m.items))
    for k, it in enumerate(m.items):
        if shift_from is not None and k >= shift_from:
            pre = str(it.number) if rng.random() < 0.5 else str(it.number).translate(SUPERSCRIPT)
            pager.add(f"{pre} § {it.number - 1} {it.title}")
        else:
            pager.add(f"§ {it.number} {it.title}")
        blocks = mention_text(m, it)
        for a in it.attachments:
            blocks.insert(min(len(blocks), 1 + rng.randrange(2)),
                          f"Underlaget finns i handlingarna (se bilaga {bil_no[(it.number, a)]}: {a}).")
        for b in blocks:
            pager.add(para_str(b), splittable=isinstance(b, str))
        db = decision_blocks(it)
        if db:
            pager.add((" \n" if rng.random() < 0.3 else "") + gen)
            for b in db:
                pager.add(b)
    body = pager.text().rstrip("\n") + "\n\n" + footer.split("\n\n")[0] + "\n"
    return head + body, m.participants(order)


def letterhead(m: Meeting):
    rng = random.Random(f"{m.seed}:lh:{m.cc}:{is_region(m.cc, m.year)}")
    seat = V.COUNTY_SEATS[m.cc]
    host = m.region
    slug = host.lower().replace(" ", "").replace("ä", "a").replace("å", "a").replace("ö", "o")
    box = rng.randint(100, 9999)
    pc = f"{rng.randint(100, 999)} {rng.randint(10, 99)}"
    tel = f"0{rng.randint(10, 99)}-{rng.randint(100, 999)} {rng.randint(10, 99)} 00"
    return ("POSTADRESS\tBESÖKSADRESS\tTELEFON\tTELEFAX\tORG.NR\tPLUSGIRO\n"
            f"{host} Box {box} {pc} {seat}\t{rng.choice(V.STREETS)} {rng.randint(1, 30)} {seat}\t{tel}\t"
            f"{tel[:-2]}08\t2321000-{rng.randint(1000, 9999)}\t{rng.randint(10000, 99999)}-{rng.randint(1, 9)}\n"
            f"E-POST info@{slug}.se\t\tINTERNET www.{slug}.se\t\t\t\n\n")



def render_B(m: Meeting, name: str):
    rng, d = m.rng, m.date
    footer = letterhead(m)
    bn = m.body_name
    words = bn.split(" ")
    half = max(1, len(words) // 2 + 1)
    out = [f"\n\n{' '.join(words[:half])}\n{' '.join(words[half:])}\n\n" if len(words) > 3 else f"\n\n{bn}\n\n"]
    out.append("Tjänsteställe\nFörvaltningen regional\nutveckling\n\n")
    sf, sl = m.secretary.name.split(" ", 1)
    out.append(f"Sekreterare\n{sf}\n{sl}\n\n")
    out.append(f"Protokoll {bn[0].lower() + bn[1:]}\n\n")
    # the heading has no year; the year comes from the adjustment date (same year)
    out.append(f"Tid: {long_date(d, year=False)} kl {m.start.replace(':', '.')}-{m.end.replace(':', '.')}\n\n")
    out.append(f"Plats: {m.place}\n\n")
    adj = min(d + dt.timedelta(days=rng.randint(10, 35)), dt.date(d.year, 12, 31))
    out.append(f"Vid protokollet\n\n{m.secretary.name}\nSekreterare\n\nJusterat den: {fmt_date(adj)}\n\n")
    out.append(f"{m.chair.name}\nOrdförande\n\n{m.adjuster.name}\nJusterare\n\n")
    order = []
    subs = []
    if len(m.members) > 8 and rng.random() < 0.3:
        subs = [m.members[-1]] if m.members[-1] not in (m.chair, m.adjuster) else []
    mem = [p for p in m.members if p not in subs]
    out.append("Närvarande ledamöter:\n\n" + "\n".join(f"{p.name}\t{m.org_name(p.org, 'short')}" for p in mem) + "\n\n")
    for p in mem:
        for r in ["member"] + (["chair"] if p is m.chair else []) + (["adjuster"] if p is m.adjuster else []):
            order.append((p, r, None, m.canonical_org(p.org), None))
    out.append("Närvarande ersättare:\n\n" + ("\n".join(f"{p.name}\t{m.org_name(p.org, 'short')}" for p in subs) or "-") + "\n\n")
    for p in subs:
        order.append((p, "substitute", None, m.canonical_org(p.org), None))
    lines = []
    for p in m.others + m.guests:
        items = m.guest_items.get(p.name)
        restr = f" (punkt {items[0]})" if items else ""
        lines.append(f"{p.name}\t{m.org_name(p.org, 'short')}{restr}")
        order.append((p, "other", items, m.canonical_org(p.org), None))
        if p is m.secretary:
            order.append((p, "secretary", items, m.canonical_org(p.org), None))
    out.append("Övriga närvarande:\n\n" + "\n".join(lines) + "\n\n")
    head = "".join(out)
    pager = Pager(rng, footer, size=(2600, 3400), split=False)
    for it in m.items:
        pager.add(f"{it.number}. {it.title}")
        for b in mention_text(m, it, past=True):
            pager.add(para_str(b))
        if it.attachments:
            pager.add(("Bilaga: " if len(it.attachments) == 1 else "Bilagor:\n") +
                      "\n".join(it.attachments))
        for t, _, lead in it.decisions:
            if lead:
                pager.add(lead)
            pager.add(t)
    return head + pager.text() + footer, m.participants(order)


def render_C(m: Meeting, name: str):
    rng, d = m.rng, m.date
    date = fmt_date(d)
    bn = m.body_name
    page_head = f"{bn}\n\nMötesdatum\n\n{date}\n\n"
    order = []

    def tag(p):
        s = m.c_name(p)
        if p is m.chair:
            s += " (Ordförande)"
        elif p is m.vice:
            s += rng.choice((" (Vice ordförande)", " (1:a vice ordförande)"))
        return s
    out = ["\n"]
    out.append(f"Plats och tid\t{m.place} kl. {m.start}-{m.end}\n")
    out.append("Beslutande ledamöter\t" + " ".join(tag(p) for p in m.members) + "\n")
    for p in m.members:
        party = V.PARTIES[p.party][0 if m.year < 2015 else 1] if (m.political and p.party is not None) else None
        for r in ["member"] + (["chair"] if p is m.chair else []) + (["vice_chair"] if p is m.vice else []) \
                + (["adjuster"] if p is m.adjuster else []):
            order.append((p, r, None, None, party))
    oth = [p for p in m.others + m.guests if p is not m.secretary]
    cut = len(oth) if len(oth) < 4 or rng.random() < 0.4 else rng.randrange(2, len(oth))
    out.append("Övriga närvarande\t" + " ".join(p.name for p in oth[:cut]) + "\n")
    for p in oth:
        order.append((p, "other", None, None, None))
    out.append(f"Justerat av\tOrdförande {m.c_name(m.chair)}\n\tJusterande {m.c_name(m.adjuster)}\n"
               f"\tSekreterare {m.secretary.name}\n\n")
    order.append((m.secretary, "secretary", None, None, None))
    out.append(f"ANSLAG/BEVIS\tJusterings har tillkännagivits på {genitive(m.region)} anslagstavla\t\n"
               f"Organ\t{bn}\t\nSammanträdesdatum\t{date}\t\n"
               "Datum för anslags uppsättande\tDatum för anslags nedtagande\t\n"
               "Förvaringsplats för protokollet\tSamordningskansliet\t\n\nSigneringsportal\n\nUtdragsbestyrkande\n\n")
    out.append(page_head)
    if cut < len(oth):
        out.append("\n".join(p.name for p in oth[cut:]) + "\n\n")
    adj = d + dt.timedelta(days=rng.randint(7, 25))
    nums = [it.number for it in m.items]
    out.append(f"Utses att justera\n\n{m.c_name(m.adjuster)}\n\nJusteringens plats och tid\n\n"
               f"Digital justering , {fmt_date(adj)} 00:00\n\nProtokollet omfattar\n\n§§{nums[0]}-{nums[-1]}\n\n")
    out.append(page_head + "ÄRENDELISTA\n\n" + "\n".join(f"- §{it.number} {it.title}" for it in m.items) + "\n\n")
    info_done = beslut_done = False
    for it in m.items:
        out.append(page_head)
        if it.kind == "topic":
            if it.decisions and it.decisions[0][1] == "noted" and not info_done:
                out.append("Informationsärenden\n\n")
                info_done = True
            elif it.decisions and it.decisions[0][1] != "noted" and not beslut_done and info_done:
                out.append("Beslutsärenden\n\n")
                beslut_done = True
        out.append(f"§{it.number}\n\n{it.title}\n\n")
        blocks = mention_text(m, it)
        if it.guests:
            names = [p.name for p in it.guests]
            verb = rng.choice(("föredrar punkten.", "föredrar punkten med stöd av en PPT.", "föredrar ärendet."))
            blocks[: len(it.guests)] = [f"{' och '.join(names)} {verb}"]
        if blocks:
            out.append("Sammanfattning\n\n")
            chars = 0
            for b in blocks:
                s = para_str(b) + "\n\n"
                chars += len(s)
                if chars > 3200:
                    out.append("Justerandes sign\n\nUtdragsbestyrkande\n\n" + page_head)
                    chars = len(s)
                out.append(s)
        real = [x for x in it.decisions]
        if it.yrkande:
            real = it.decisions[:-1]
        if real and real[0][1] != "noted" and it.kind in ("topic", "agenda", "adjuster") \
                and rng.random() < 0.75:
            prop = [(t.replace(" väljs ", " föreslås "), ty, ld) for t, ty, ld in real]
            out.append("Förslag till beslut\n\n")
            for b in decision_blocks_list(prop):
                out.append(b + "\n\n")
        if it.yrkande:
            out.append(f"Yrkande\n\n{it.yrkande[0]} {it.yrkande[1]}\n\n")
        if it.decisions:
            out.append("Beslut\n\n")
            for b in decision_blocks_list(it.decisions):
                out.append(b + "\n\n")
        if it.attachments:
            out.append("Beslutsunderlag\n\n" + "\n".join(f"- {a}" for a in it.attachments) + "\n\n")
        out.append("Paragrafen är justerad\n\n")
    return "".join(out).rstrip("\n") + "\n", m.participants(order)


def decision_blocks_list(decs):
    class _I:
        decisions = decs
    return decision_blocks(_I)


def render_D(m: Meeting, name: str):
    rng, d = m.rng, m.date
    nums = [it.number for it in m.items]
    head = (f" \n\n\n\t{m.year} Ärende {nums[0]} - {nums[-1]}\tProtokoll {m.body_name}"
            + (f" ({m.acronym})" if m.acronym else "")
            + f" {long_date(d, weekday=False)} Tid: kl {m.start.replace(':', '.')} - {m.end.replace(':', '.')}"
            f" Lokal: {m.place}\t\n")
    order, names, orgs = [], [], []
    for p in m.members:
        s = p.name
        if p is m.chair:
            s += ", Ordförande"
        names.append(s)
        orgs.append(m.org_name(p.org, "table"))
        for r in ["member"] + (["chair"] if p is m.chair else []):
            order.append((p, r, None, m.canonical_org(p.org), None))
    sec = m.secretary
    names.append(f"{sec.name}, sekreterare")
    orgs.append(m.org_name(sec.org, "table"))
    order.append((sec, "member", None, m.canonical_org(sec.org), None))
    order.append((sec, "secretary", None, m.canonical_org(sec.org), None))
    oth = [p for p in m.others + m.guests if p is not sec]
    k = 0
    first_other = True
    while k < len(oth):
        grp = [oth[k]]
        while k + len(grp) < len(oth) and oth[k + len(grp)].org == oth[k].org and len(grp) < 3 and rng.random() < 0.5:
            grp.append(oth[k + len(grp)])
        if len(grp) == 1:
            s = grp[0].name
        else:
            s = ", ".join(p.name for p in grp[:-1]) + " och " + grp[-1].name
        names.append(("Övriga: " if first_other else "") + s)
        first_other = False
        orgs.append(m.org_name(grp[0].org, "table"))
        for p in grp:
            order.append((p, "other", None, m.canonical_org(p.org), None))
        k += len(grp)
    head += "\tDeltagare:\t" + " ".join(names) + "\t" + " ".join(orgs) + "\n"
    head += "Nr\tÄrende/Föredragande\tNoteringar\tBeslut/Konsensus\n"
    rows = []
    lost = rng.randrange(1, len(m.items)) if len(m.items) > 2 and rng.random() < 0.6 else None
    for j, it in enumerate(m.items):
        html = rng.random() < 0.7
        pres = []
        for p in it.guests:
            nm = p.name
            if rng.random() < 0.25 and "-" in nm.split(" ")[0]:
                nm = nm.replace("-", " ", 1)
            pres.append(nm)
        att = ""
        if it.attachments:
            att = ("<i>Bilaga</i> " if len(it.attachments) == 1 else "<i>Bilagor:</i> ") + \
                  " ".join(f"<i>{a}</i>" for a in it.attachments)
        paras = [para_str(b).replace("\n- ", " • ").lstrip("- ") for b in mention_text(m, it, past=True)[len(it.guests):]]
        decs = []
        for t, _, lead in it.decisions:
            if lead:
                decs.append(lead)
            decs.append(t)
        if html:
            c2 = " ".join(f"<p>{x}</p>" for x in [it.title] + pres + ([att] if att else []))
            ps = [f"<p>{x}</p>" for x in paras]
            c4 = " ".join(f"<p>{x}</p>" for x in decs)
        else:
            c2 = " ".join([it.title] + pres + ([att] if att else []))
            ps = paras
            c4 = " ".join(decs)
        num = "" if j == lost else str(it.number)
        # long notes continue after a page break in a row without number
        if len(ps) > 2 and sum(len(x) for x in ps) > 1200:
            half = len(ps) // 2
            if rng.random() < 0.5:
                rows.append(f"{num}\t{c2}\t{' '.join(ps[:half])}\t\n\n\n\n\t\t{' '.join(ps[half:])}\t{c4}")
            else:
                rows.append(f"{num}\t{c2}\t{' '.join(ps[:half])}\t{c4}\n\n\n\n\t\t{' '.join(ps[half:])}\t")
        else:
            rows.append(f"{num}\t{c2}\t{' '.join(ps)}\t{c4}")
    tail = f"\n\n{m.chair.name}\n\nOrdförande\n\n{sec.name}\n{rng.choice(('Sekreterare', 'Sekreterare e.u.'))}\n"
    return head + "\n".join(rows) + tail, m.participants(order)


RENDER = {"A": render_A, "B": render_B, "C": render_C, "D": render_D}


def slugify(s: str) -> str:
    s = s.lower()
    for a, b in (("å", "a"), ("ä", "a"), ("ö", "o"), ("é", "e")):
        s = s.replace(a, b)
    out = []
    for ch in s:
        out.append(ch if ch.isalnum() else "-")
    return "-".join(x for x in "".join(out).split("-") if x)[:40]


def generate(seed: str, i: int):
    """(file stem, text, record) of protocol ``i``."""
    m = Meeting(seed, i)
    slug = slugify(m.acronym or m.body_name)
    stem = f"{m.cc}_{slug}_{fmt_date(m.date)}_{i}"
    text, parts = RENDER[m.layout](m, stem)
    rec = m.record(stem + ".txt", parts)
    if m.acronym and m.acronym not in text:  # the protocol neither gives nor uses it
        rec["body"]["acronym"] = None
    return stem, text, rec, m.layout


def write_range(args):
    seed, start, stop, out, gold = args
    out = Path(out)
    for i in range(start, stop):
        stem, text, rec, _ = generate(seed, i)
        with open(out / f"{stem}.txt", "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        if gold:
            with open(out / f"{stem}.json", "w", encoding="utf-8", newline="\n") as fh:
                # one line: the C encoder is 5x faster than an indented dump
                fh.write(json.dumps(rec, ensure_ascii=False))
                fh.write("\n")
    return stop - start


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--protocols", "-n", type=int, required=True, help="number of protocols")
    ap.add_argument("--seed", default="0", help="seed (any string); same seed and N give the same bytes")
    ap.add_argument("--out", required=True, help="output directory (created)")
    ap.add_argument("--gold", action="store_true", help="also write the protocol record as .json")
    ap.add_argument("--jobs", "-j", type=int, default=1, help="worker processes (0 = all cores)")
    a = ap.parse_args(argv)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    jobs = a.jobs or os.cpu_count() or 1
    n = a.protocols
    if jobs <= 1 or n < 200:
        write_range((a.seed, 0, n, str(out), a.gold))
    else:
        import multiprocessing as mp
        chunk = max(20, min(500, n // (jobs * 8)))
        tasks = [(a.seed, s, min(n, s + chunk), str(out), a.gold) for s in range(0, n, chunk)]
        with mp.Pool(jobs) as pool:
            for _ in pool.imap_unordered(write_range, tasks):
                pass
    print(f"wrote {n} protocols to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
