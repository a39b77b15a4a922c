"""Invented protocol records for the view tests (no real names), and a headless Chromium."""
from __future__ import annotations

import json
import random
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from samgraf.loaders.model import Protocol

GOLD_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "gold"
HOSTILE_NAMES = ("<img src=x onerror=alert(1)>", "<script>alert(1)</script>")


def gold_records() -> list[Protocol]:
    """The hand-made records of four real protocols (read at run time, never copied)."""
    return [Protocol.model_validate(json.loads(p.read_text(encoding="utf-8")))
            for p in sorted(GOLD_DIR.glob("*.json"))]


def record(source, body, date, participants, items, absentees=(), acronym=None) -> Protocol:
    """A protocol record from plain tuples: participants (name, organisation, roles)."""
    return Protocol.model_validate({
        "source": source, "body": {"name": body, "acronym": acronym}, "date": date,
        "participants": [{"name": n, "organisation": o, "roles": list(r)} for n, o, r in participants],
        "absentees": [{"name": n, "organisation": o} for n, o in absentees],
        "items": items,
    })


def item(number, title, decisions=(), presenters=(), agreements=(), bodies=(), organisations=()):
    return {"number": number, "title": title, "presenters": list(presenters),
            "decisions": [{"text": t, "type": k} for t, k in decisions],
            "mentions": {"agreements": list(agreements), "bodies": list(bodies), "organisations": list(organisations)}}


def small_records() -> list[Protocol]:
    """Two invented meetings of two bodies sharing a bridging person."""
    return [
        record("alpha-2020.txt", "Samverkansgrupp Alfa", "2020-03-01", [
            ("Ada Provsson", "Exempelby kommun", ("chair", "member")),
            ("Bo Testberg", "Region Påhittad", ("member",)),
            ("Cilla Fiktiv", "Exempelby kommun", ("secretary",)),
        ], [
            item("1", "Mötet öppnas"),
            item("2", "Läkemedelsavtal", [("Gruppen godkänner avtalet Provavtal.", "decision"),
                                          ("Bo Testberg får i uppdrag att följa upp Provavtal.", "assignment")],
                 presenters=["Bo Testberg"], agreements=["Provavtal"]),
        ], absentees=[("Dan Saknad", "Region Påhittad")], acronym="SGA"),
        record("beta-2021.txt", "Beredningsgrupp Beta", "2021-05-10", [
            ("Bo Testberg", "Region Påhittad", ("member",)),
            ("Eva Exempel", "Testköpings kommun", ("chair", "member")),
        ], [
            item("5", "Provavtal, uppföljning", [("Beredningen noterar informationen om Provavtal.", "noted")],
                 presenters=["Eva Exempel"], agreements=["Provavtal"]),
            item("6", "Övrigt", [("Nästa möte hålls i juni.", "decision")], organisations=["Länsstyrelsen Påhitt"]),
        ]),
    ]


def hostile_records() -> list[Protocol]:
    """Records whose texts are HTML and script: they must show as text, never run."""
    return [record("hostile.txt", "Grupp <b>fet</b>", "2022-01-01", [
        (HOSTILE_NAMES[0], "Org <svg onload=alert(3)>", ("chair", "member")),
        (HOSTILE_NAMES[1], "Exempelby kommun", ("member",)),
    ], [item("1", "</script><script>alert(2)</script>",
             [("Beslut: <iframe src=javascript:alert(4)></iframe> & \u2028 klart", "decision")],
             presenters=[HOSTILE_NAMES[0]], agreements=["Avtal \"<i>x</i>\""])])]


def invented_records(target_nodes: int, seed: int = 3) -> list[Protocol]:
    """Invented records whose view graph has about ``target_nodes`` nodes."""
    rng = random.Random(seed)
    unit = max(1, target_nodes // 23)  # nodes ≈ 23.7 units
    bodies = [f"Testråd {i}" for i in range(max(2, unit // 5))]
    orgs = [f"Testkommun {i}" for i in range(max(2, unit))]
    persons = [(f"Person {i} Testsson", rng.choice(orgs)) for i in range(8 * unit)]
    agreements = [f"Avtal {i}" for i in range(max(2, unit))]
    meetings = max(2, unit)
    records = []
    for m in range(meetings):
        body = bodies[m % len(bodies)]
        present = rng.sample(persons, min(len(persons), 12))
        items = []
        for i in range(7):
            number = str(i + 1)
            items.append(item(number, f"Ärende {m}-{number}",
                              [(f"Beslut {m}-{number} om {rng.choice(agreements)}.", "decision")],
                              presenters=[present[i % len(present)][0]],
                              agreements=rng.sample(agreements, 1)))
        records.append(record(f"invented-{m:05d}.txt", body, f"{2010 + m % 12}-{1 + m % 12:02d}-{1 + m % 28:02d}",
                              [(n, o, ("member",)) for n, o in present], items,
                              absentees=[rng.choice(persons)]))
    return records


CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--host-resolver-rules=MAP * ~NOTFOUND",
    "--proxy-server=http://127.0.0.1:9", "--window-size=1400,900",
)


@contextmanager
def headless_chromium():
    """A selenium Chrome driver on Debian's chromium, network blocked, logging requests and console."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="samgraf-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"),
                              options=options)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": (
            "window.__dialogs = [];"
            "['alert','confirm','prompt'].forEach(function (f) {"
            " window[f] = function (m) { window.__dialogs.push(f + ':' + m); }; });")})
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def requested_urls(driver) -> list[str]:
    """Every URL the page asked for since the last call (from the performance log)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def console_errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
