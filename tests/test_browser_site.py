"""Every page of the real site in the system Chromium.

The ``page`` fixture routes every request: anything leaving the served origin
is aborted, recorded and fails the test, and so does any console error. One
test walks all pages (the site and the browser are session-wide), checking on
each that it loaded, that its diagrams arrived as SVG in the HTML, and that no
page downloads or runs the 3.5 MB Mermaid library (the build renders the
diagrams: DECISIONS.md, decision 1).
"""

from __future__ import annotations

import json

import pytest

from sitebuild import draw_all_diagrams

pytestmark = pytest.mark.browser

ALL_RENDERED = """() => [...document.querySelectorAll('.mermaid')]
  .every(h => h.shadowRoot && h.shadowRoot.querySelector('svg'))"""
SYNTAX_ERRORS = """() => [...document.querySelectorAll('.mermaid')]
  .filter(h => !h.shadowRoot || /Syntax error/.test(h.shadowRoot.textContent)).length"""


def has_diagram(site, path: str) -> bool:
    html = (site.root / path.lstrip("/") / "index.html") if path.endswith("/") else site.root / path.lstrip("/")
    return 'class="mermaid"' in html.read_text(encoding="utf-8")


def test_every_page_loads_cleanly_with_its_diagrams_and_no_mermaid(site, page) -> None:
    paths = site.html_pages()
    with_diagrams = [p for p in paths if has_diagram(site, p)]
    assert with_diagrams and len(with_diagrams) < len(paths), "need pages with and without diagrams to test both"
    for path in paths:
        seen = len(page.traffic.requested)
        errors = len(page.traffic.console_errors)
        response = page.goto(site.url(path), wait_until="load")
        assert response is not None and response.ok, f"{path}: HTTP {response.status if response else 'none'}"
        page.wait_for_load_state("networkidle")
        requests = page.traffic.requested[seen:]
        mermaid_requests = [url for url in requests if "mermaid" in url]
        assert not mermaid_requests, f"{path} downloaded Mermaid: {mermaid_requests}"
        assert page.evaluate("typeof window.mermaid") == "undefined", path
        if path in with_diagrams:
            draw_all_diagrams(page)
            assert page.evaluate(ALL_RENDERED), f"{path}: a diagram is not in the page as SVG"
            assert page.evaluate(SYNTAX_ERRORS) == 0, f"{path}: a diagram did not render"
            assert "Syntax error" not in page.inner_text("body"), f"{path}: Mermaid reported a syntax error"
        assert page.traffic.console_errors[errors:] == [], f"{path}: console errors"
        assert not page.traffic.offsite, f"{path}: requests left the origin: {page.traffic.offsite}"


def test_search_finds_a_session_from_the_sites_own_index(site, page) -> None:
    page.goto(site.url("/"), wait_until="load")
    page.keyboard.press("/")  # Material's search shortcut
    box = page.locator("input.md-search__input")
    result = page.locator(".md-search-result__item a").first
    for _ in range(3):  # the search worker may still be indexing on a busy machine: type again
        box.fill("")
        box.press_sequentially("lifecycle")
        try:
            result.wait_for(timeout=15_000)
            break
        except Exception:
            continue
    assert result.is_visible(), "search showed no result for 'lifecycle'"
    assert "/day-2/" in (result.get_attribute("href") or "")
    assert any(url.startswith(site.origin) and "search_index.json" in url for url in page.traffic.requested)


#: Every layout shift on the page so far, as the Layout Instability API reports it (what
#: Lighthouse's cumulative layout shift adds up, before its session windows).
LAYOUT_SHIFTS = """() => new Promise(done => {
  const shifts = [];
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) shifts.push({value: entry.value, nodes: entry.sources.map(s => s.node && s.node.nodeName)});
    }
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => done(shifts), 500);
})"""


@pytest.mark.parametrize("viewport", [{"width": 412, "height": 823}, {"width": 1350, "height": 940}], ids=["phone", "desktop"])
def test_no_page_moves_under_the_reader_while_it_loads(site, page_factory, viewport) -> None:
    """Cumulative layout shift stays far below Lighthouse's 0.1 "good" line on every page.

    Content that renders after the first paint and pushes the rest down (a block sized by a
    placeholder, a late-inserted control) is what the reader sees jump; Lighthouse weighs it
    a quarter of the performance score.
    """
    page = page_factory(site.origin, viewport=viewport)
    moved = {}
    for path in site.html_pages():
        page.goto(site.url(path), wait_until="load")
        shifts = page.evaluate(LAYOUT_SHIFTS)
        total = sum(shift["value"] for shift in shifts)
        if total >= 0.02:
            moved[path] = (round(total, 3), shifts)
    assert not moved, f"pages that shift while loading (budget 0.02): {moved}"


#: The elements that hold the article: a change that restyles one of them whole restyles the page.
PAGE_FRAME = (
    "HTML",
    "BODY",
    "DIV class='md-container",
    "MAIN class='md-main",
    "DIV class='md-main__inner",
    "DIV class='md-content'",
    "ARTICLE",
)
INVALIDATIONS = ["devtools.timeline", "disabled-by-default-devtools.timeline", "disabled-by-default-devtools.timeline.invalidationTracking"]


def _whole_page_restyles(trace: dict, url: str) -> list[str]:
    """What, once the page is parsed (Material's bundle has started), made Chromium restyle it whole."""
    events = trace["traceEvents"]
    threads = {
        (e["pid"], e["tid"])
        for e in events
        if e.get("name") == "ParseHTML" and str((e.get("args", {}).get("beginData") or {}).get("url", "")).startswith(url)
    }
    own = sorted((e for e in events if (e.get("pid"), e.get("tid")) in threads), key=lambda e: e.get("ts", 0))
    started = next(
        (
            e["ts"]
            for e in own
            if e.get("name") == "EvaluateScript" and "/bundle." in str(((e.get("args") or {}).get("data") or {}).get("url", ""))
        ),
        None,
    )
    assert started is not None, f"{url}: Material's bundle never ran"
    found = []
    for event in own:
        data = (event.get("args") or {}).get("data") or {}
        if event["ts"] < started:
            continue
        node = str(data.get("nodeName", ""))
        if (
            event["name"] == "StyleInvalidatorInvalidationTracking"
            and "subtree" in str(data.get("reason", ""))
            and node.startswith(PAGE_FRAME)
        ):
            found.append(f"{node}: {data.get('reason')} ({', '.join(s.get('selector', '') for s in (data.get('selectors') or [])[:1])})")
        elif event["name"] == "StyleRecalcInvalidationTracking" and data.get("reason") == "PlatformColorChange":
            found.append(f"{node}: a color-scheme change restyles every element")
    return found


@pytest.mark.parametrize("path", ["/day-2/whole-day/", "/day-2/lifecycle/"])
def test_start_up_scripts_do_not_restyle_the_whole_page(site, browser, context_factory, tmp_path, path: str) -> None:
    """Once a page is parsed, nothing the start-up scripts do restyles all of it.

    Each such change (a class on <html>, a stylesheet at the end of the body, the palette
    re-applied, an element added to the article) costs the whole page's style again: on the
    whole-day page that was eight times over, most of the blocking time Lighthouse counted on a
    phone (DECISIONS.md, "Reach"). Chromium's invalidation tracking says which change did it.
    """
    context, _ = context_factory(site.origin, viewport={"width": 412, "height": 823}, is_mobile=True, has_touch=True)
    page = context.new_page()
    out = tmp_path / "trace.json"
    browser.start_tracing(page=page, path=str(out), categories=INVALIDATIONS)
    page.goto(site.url(path), wait_until="load")
    page.wait_for_timeout(500)
    browser.stop_tracing()
    restyles = _whole_page_restyles(json.loads(out.read_text(encoding="utf-8")), site.url(path))
    assert not restyles, f"{path}: the whole page restyled after it was parsed:\n" + "\n".join(restyles)
