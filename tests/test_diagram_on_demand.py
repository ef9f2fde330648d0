"""The whole-day page draws each diagram when the reader reaches it (scripts/curriculum/diagram_on_demand.py).

The page holds a box of each diagram's size; the diagram's SVG is a file of
its own, the same SVG its session page holds. Drawn near the screen, fetched
ahead when the browser is idle, all drawn before printing, and described in
words without JavaScript. Nothing moves when a diagram is drawn.
"""

from __future__ import annotations

import re

import pytest

from axerun import axe_results
from curriculum.diagram_on_demand import DIAGRAM_DIR, holds_the_whole_day, placeholder, svg_path

WHOLE_DAY = "/day-2/whole-day/"
SVG = (
    '<svg id="m1" width="100%" xmlns="http://www.w3.org/2000/svg" style="max-width: 400px;" viewBox="0 0 400 100">'
    '<title id="t">Orders &amp; "refunds"</title><desc id="d">Orders flow to refunds.</desc><g></g></svg>'
)
TEMPLATE = re.compile(r'<template shadowrootmode="open">(.*?)</template>', re.DOTALL)
HEIGHTS = "() => [...document.querySelectorAll('.md-typeset .mermaid')].map(h => h.getBoundingClientRect().height)"
DRAWN = "() => [...document.querySelectorAll('.md-typeset .mermaid')].map(h => !!(h.shadowRoot && h.shadowRoot.querySelector('svg')))"


def _same_ids(svg: str) -> str:
    """The SVG with its element ids made alike (each render names them afresh)."""
    return re.sub(r"mermaid-[0-9a-f]+", "mermaid-ID", svg)


def test_the_box_is_the_diagrams_size_and_is_named_by_its_title_and_description() -> None:
    box = placeholder(SVG, ' class="mermaid" id="flow"', "../../assets/diagrams/x.svg")
    assert box.startswith('<div class="mermaid" id="flow" data-cur-diagram="../../assets/diagrams/x.svg" role="img"')
    assert 'aria-label="Orders &amp; &quot;refunds&quot;. Orders flow to refunds."' in box
    assert "max-width: 400.0000px; aspect-ratio: 400.0000 / 100.0000" in box
    assert ">Diagram: Orders &amp; &quot;refunds&quot;. Orders flow to refunds.</span>" in box


def test_a_diagrams_file_is_named_by_its_content() -> None:
    assert svg_path(SVG).startswith(DIAGRAM_DIR + "/") and svg_path(SVG).endswith(".svg")
    assert svg_path(SVG) == svg_path(SVG) != svg_path(SVG.replace("400", "401"))


def test_only_a_page_with_the_whole_day_marker_draws_on_demand() -> None:
    assert holds_the_whole_day("# Day\n\nIntro.\n\n<!-- cur:whole-day -->\n")
    assert not holds_the_whole_day("# Session\n\n<!-- cur:agenda -->\n")
    assert not holds_the_whole_day("# Guide\n\n```markdown\n<!-- cur:whole-day -->\n```\n"), "an example in code is not a marker"


def test_the_page_holds_no_svg_and_each_file_is_a_session_pages_diagram(site) -> None:
    html = (site.root / "day-2" / "whole-day" / "index.html").read_text(encoding="utf-8")
    assert "shadowrootmode" not in html
    files = re.findall(r'data-cur-diagram="\.\./\.\./([^"]+)"', html)
    assert files and len(files) == html.count('class="mermaid"')
    session_svgs: set[str] = set()
    for page in site.root.glob("day-2/**/index.html"):  # the day page and the sessions
        if page.parent.name != "whole-day":
            session_svgs.update(_same_ids(svg) for svg in TEMPLATE.findall(page.read_text(encoding="utf-8")))
    for path in files:
        assert _same_ids((site.root / path).read_text(encoding="utf-8")) in session_svgs, f"{path} is not a session page's diagram"


@pytest.mark.parametrize("width", [412, 1280])
def test_a_diagram_is_drawn_when_the_reader_reaches_it_and_nothing_moves(site, page_factory, width: int) -> None:
    page = page_factory(site.origin, viewport={"width": width, "height": 900})
    page.goto(site.url(WHOLE_DAY), wait_until="load")
    drawn = page.evaluate(DRAWN)
    assert not drawn[-1], "the last diagram, far down the page, is drawn before the reader comes near it"
    before = page.evaluate(HEIGHTS)
    page.locator(".md-typeset .mermaid").last.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => { const h = [...document.querySelectorAll('.md-typeset .mermaid')].pop(); return !!(h.shadowRoot && h.shadowRoot.querySelector('svg')); }"
    )
    page.evaluate("() => window.curDiagrams.drawAll()")
    after = page.evaluate(HEIGHTS)
    assert all(abs(a - b) < 0.5 for a, b in zip(before, after)), list(zip(before, after))
    assert all(page.evaluate(DRAWN))


def test_printing_draws_every_diagram_at_once(site, page_factory) -> None:
    page = page_factory(site.origin)
    page.goto(site.url(WHOLE_DAY), wait_until="load")
    count = page.locator(".md-typeset .mermaid").count()
    # Fetched ahead once the browser is idle...
    page.wait_for_function(
        f"() => performance.getEntriesByType('resource').filter(e => e.name.includes('/{DIAGRAM_DIR}/')).length >= {count}"
    )
    page.wait_for_timeout(100)
    # ...so the print event, which cannot wait, draws them all before it returns.
    assert page.evaluate(f"() => {{ window.dispatchEvent(new Event('beforeprint')); return {DRAWN[6:]}; }}") == [True] * count


def test_open_full_size_draws_a_diagram_not_yet_reached(site, page_factory) -> None:
    page = page_factory(site.origin, viewport={"width": 412, "height": 900})
    page.goto(site.url(WHOLE_DAY), wait_until="load")
    page.locator(".md-typeset .mermaid").last.evaluate("h => h.nextElementSibling.click()")
    dialog = page.locator("dialog.cur-diagram-dialog[open]")
    dialog.wait_for()
    assert dialog.evaluate("d => !!d.querySelector('.mermaid').shadowRoot.querySelector('svg')")


def test_without_javascript_the_box_says_what_the_diagram_shows(site, page_factory) -> None:
    page = page_factory(site.origin, java_script_enabled=False)
    page.goto(site.url(WHOLE_DAY))
    first = page.locator(".md-typeset .mermaid .cur-diagram-later").first
    assert first.is_visible() and first.inner_text().startswith("Diagram: ")


def test_a_box_not_yet_drawn_is_an_image_named_for_assistive_technology(site, page_factory) -> None:
    page = page_factory(site.origin, viewport={"width": 412, "height": 900})
    page.goto(site.url(WHOLE_DAY), wait_until="load")
    last = page.locator(".md-typeset .mermaid").last
    assert last.get_attribute("role") == "img" and last.get_attribute("aria-label")
    assert axe_results(page, {"include": [[".md-typeset .mermaid"]]}).response["violations"] == []
