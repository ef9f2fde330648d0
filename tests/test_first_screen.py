"""The first paint waits for the article's first paragraph (scripts/curriculum/first_screen.py)."""

from __future__ import annotations

import pytest

from curriculum.first_screen import LINK, MARKER, mark_first_screen

PAGE = (
    "<html><head><title>t</title></head><body><nav>contents</nav>"
    '<article class="md-content__inner md-typeset"><h1 id="t">Title</h1>'
    "<p>First paragraph.</p><p>Second.</p></article></body></html>"
)


def test_the_marker_ends_the_first_paragraph_and_the_head_links_to_it() -> None:
    html = mark_first_screen(PAGE)
    assert f"<p>First paragraph.{MARKER}</p><p>Second.</p>" in html
    assert html.index(LINK) < html.index("</head>")
    assert mark_first_screen(html) == html, "marking twice changes nothing"


@pytest.mark.parametrize(
    "page",
    [
        PAGE.replace('class="md-content__inner md-typeset"', 'class="other"'),
        PAGE.replace("</h1>", "</h2>").replace("<h1", "<h2"),
        PAGE.replace("<p>First paragraph.</p><p>Second.</p>", "<ul><li>only a list</li></ul>"),
    ],
    ids=["no article", "no title", "no paragraph"],
)
def test_a_page_without_a_first_paragraph_is_left_alone(page: str) -> None:
    assert mark_first_screen(page) == page


#: When the marker was parsed, recorded from the first moment of the document's life.
MARKER_TIME = """
new MutationObserver((records, observer) => {
  if (document.getElementById('cur-first-screen')) { window.curMarkerAt = performance.now(); observer.disconnect(); }
}).observe(document, {childList: true, subtree: true});
"""


#: The first contentful paint's time, waiting up to 10 s for it if the page has not painted yet.
FIRST_PAINT = """() => new Promise(done => {
  setTimeout(() => done(null), 10000);
  new PerformanceObserver((list, observer) => {
    const entry = list.getEntries().find(e => e.name === 'first-contentful-paint');
    if (entry) { observer.disconnect(); done(entry.startTime); }
  }).observe({type: 'paint', buffered: true});
})"""


@pytest.mark.browser
def test_every_built_page_paints_first_after_its_first_paragraph_is_parsed(site, page) -> None:
    page.add_init_script(MARKER_TIME)
    marked = 0
    for path in site.html_pages():
        built = site.root / path.lstrip("/") / "index.html" if path.endswith("/") else site.root / path.lstrip("/")
        html = built.read_text(encoding="utf-8")
        if MARKER not in html:
            continue
        marked += 1
        assert html.count(LINK) == 1, path
        page.goto(site.url(path), wait_until="load")
        paint = page.evaluate(FIRST_PAINT)
        parsed = page.evaluate("window.curMarkerAt")
        assert paint is not None, f"{path}: no first contentful paint within 10 s"
        assert parsed is not None and paint >= parsed, f"{path}: first paint at {paint} ms, first paragraph parsed at {parsed} ms"
    assert marked >= 8, "most pages have a title and a paragraph to mark"
