"""The rendered pages in a real headless Chromium: offline, no errors, every node drawn, text stays text."""
from __future__ import annotations

import shutil
import time

import pytest
from selenium.webdriver.common.action_chains import ActionChains

from samgraf.graph.timeline import render_timeline, timeline_events
from samgraf.graph.viewgraph import ViewFilters, view_graph_from_records
from samgraf.graph.views import render_view
from test_views_support import (
    HOSTILE_NAMES, console_errors, gold_records, headless_chromium, hostile_records, invented_records,
    requested_urls,
)

pytestmark = pytest.mark.skipif(not (shutil.which("chromium") and shutil.which("chromedriver")),
                                reason="chromium and chromium-driver are not installed (make setup installs them)")

VIEW_STATE = "var v = window.samgrafView; return v ? [v.nodes.length, v.network.body.nodeIndices.length, v.drawn] : null;"


@pytest.fixture(scope="module")
def browser():
    with headless_chromium() as driver:
        yield driver


def open_page(browser, path, wait_for_view=True, timeout=60.0):
    """Load ``path``; return (seconds until drawn, URLs requested, console errors)."""
    requested_urls(browser)
    browser.get_log("browser")
    started = time.perf_counter()
    browser.get(path.as_uri())
    while wait_for_view and time.perf_counter() - started < timeout:
        state = browser.execute_script(VIEW_STATE)
        if state and state[2]:
            break
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    return seconds, requested_urls(browser), console_errors(browser)


def test_gold_view_renders_offline_with_every_node(browser, tmp_path):
    graph = view_graph_from_records(gold_records())
    page = tmp_path / "gold.html"
    page.write_text(render_view(graph, "Four protocols"), encoding="utf-8")
    _, urls, errors = open_page(browser, page)
    assert urls == [page.as_uri()]
    assert errors == []
    total, drawn, ready = browser.execute_script(VIEW_STATE)
    assert total == drawn == graph.number_of_nodes() and ready
    assert browser.execute_script("return window.__dialogs") == []
    shot = tmp_path / "gold.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000


def test_search_and_type_filter_work_in_the_page(browser, tmp_path):
    page = tmp_path / "small.html"
    page.write_text(render_view(view_graph_from_records(gold_records(), ViewFilters(body="LSG"))), encoding="utf-8")
    open_page(browser, page)
    hits = browser.execute_script("return window.samgrafView.search('apodos').length")
    assert hits >= 1
    assert "match" in browser.find_element("id", "search-count").text
    box = browser.find_element("css selector", "#legend input[value=person]")
    box.click()
    hidden = browser.execute_script(
        "return window.samgrafView.nodes.get({filter: function (n) { return n.hidden; }}).length")
    persons = browser.execute_script(
        "return window.samgrafView.data.nodes.filter(function (n) { return n.kind === 'person'; }).length")
    assert hidden == persons > 0


def test_hostile_names_show_as_text_and_never_run(browser, tmp_path):
    page = tmp_path / "hostile.html"
    graph = view_graph_from_records(hostile_records())
    page.write_text(render_view(graph, "Hostile"), encoding="utf-8")
    _, urls, errors = open_page(browser, page)
    assert urls == [page.as_uri()]
    assert errors == []
    assert browser.execute_script("return window.__dialogs") == []
    assert browser.execute_script("return document.querySelectorAll('img, iframe, svg, b, i').length") == 0
    browser.execute_script("window.samgrafView.search('onerror')")
    results = browser.find_element("id", "search-results").text
    assert HOSTILE_NAMES[0] in results
    node_id = browser.execute_script(
        "var name = arguments[0];"
        "return window.samgrafView.data.nodes.filter(function (n) { return n.label === name; })[0].id;",
        HOSTILE_NAMES[1])
    browser.execute_script("window.samgrafView.network.emit('click', {nodes: [arguments[0]], edges: []})", node_id)
    assert HOSTILE_NAMES[1] in browser.find_element("id", "details").text
    position = browser.execute_script(
        "var net = window.samgrafView.network; return net.canvasToDOM(net.getPositions([arguments[0]])[arguments[0]]);",
        node_id)
    canvas = browser.find_element("css selector", "#network canvas")
    ActionChains(browser).move_to_element_with_offset(
        canvas, int(position["x"] - canvas.size["width"] / 2), int(position["y"] - canvas.size["height"] / 2)).perform()
    tooltip = None
    for _ in range(40):
        tooltip = browser.execute_script(
            "var t = document.querySelector('div.vis-tooltip');"
            "return t && t.style.visibility === 'visible' ? t.textContent : null;")
        if tooltip:
            break
        time.sleep(0.05)
    assert tooltip and HOSTILE_NAMES[1] in tooltip
    assert browser.execute_script("return window.__dialogs") == []


def test_timeline_page_is_offline_and_escaped(browser, tmp_path):
    page = tmp_path / "timeline.html"
    graph = view_graph_from_records(hostile_records())
    page.write_text(render_timeline(timeline_events(graph), "Timeline"), encoding="utf-8")
    _, urls, errors = open_page(browser, page, wait_for_view=False)
    assert urls == [page.as_uri()] and errors == []
    assert "<iframe src=javascript:alert(4)></iframe>" in browser.find_element("tag name", "body").text
    assert browser.execute_script("return window.__dialogs") == []


def test_five_thousand_node_view_opens(browser, tmp_path):
    graph = view_graph_from_records(invented_records(5000))
    started = time.perf_counter()
    html = render_view(graph, "5k")
    render_seconds = time.perf_counter() - started
    page = tmp_path / "big.html"
    page.write_text(html, encoding="utf-8")
    open_seconds, urls, errors = open_page(browser, page, timeout=120)
    total, drawn, ready = browser.execute_script(VIEW_STATE)
    print(f"\n[benchmark] {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges: "
          f"render {render_seconds:.2f} s, HTML {len(html.encode()) / 1e6:.2f} MB, browser open {open_seconds:.2f} s")
    assert ready and total == drawn == graph.number_of_nodes()
    assert urls == [page.as_uri()] and errors == []
