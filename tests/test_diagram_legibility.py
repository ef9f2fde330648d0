"""Diagrams are legible for every reader: contrast in both palettes, and the same label metrics
whatever fonts the reader's system has.

Both checks run on the fixture page with one diagram of each type a
maintainer is likely to use (``tests/fixtures/diagrams/docs/types.md``) and
on every diagram page of the real site. Contrast is measured inside the
drawn SVG, each text and line against what is actually painted behind it
(WCAG: 4.5:1 for text, 3:1 for lines and arrowheads). The font check opens
the pages in a second Chromium whose fontconfig answers every family with
DejaVu Sans, a wider face than the build machine's Liberation Sans: every
label must measure exactly as wide as in the ordinary browser, and none may
overflow or be clipped by its box.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from curriculum.browser import CHROMIUM_ARGS, chromium_path
from curriculum.diagrams import FONT_FAMILY
from sitebuild import StaticServer, build_and_serve, copy_fixture, draw_all_diagrams

pytestmark = pytest.mark.browser

HERE = Path(__file__).resolve().parent
CONTRAST = (HERE / "diagram_contrast.js").read_text(encoding="utf-8")
LABELS = (HERE / "diagram_labels.js").read_text(encoding="utf-8")
FIXTURE_PAGES = ("/types/", "/labels/")
FONTS_LOADED = """() => Promise.all([400, 700].map(w => document.fonts.load(`${w} 16px '${FAMILY}'`)))
  .then(() => document.fonts.ready).then(() => [...document.fonts].filter(f => f.family.includes('Cur Diagram')).map(f => f.status))"""

#: The system's own configuration (so hinting and antialiasing stay as they are), then every family,
#: generic or named, becomes DejaVu Sans (web fonts are not fontconfig's to answer).
FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <cachedir>{cache}</cachedir>
  <match target="pattern"><edit name="family" mode="assign" binding="strong"><string>DejaVu Sans</string></edit></match>
</fontconfig>
"""


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StaticServer]:
    tmp = tmp_path_factory.mktemp("diagram-types")
    _, server = build_and_serve(copy_fixture("diagrams", tmp / "source"), tmp / "site")
    yield server
    server.close()


def diagram_pages(site) -> list[str]:
    pages = [path for path in site.html_pages() if 'class="mermaid"' in (site.root / path.lstrip("/") / "index.html").read_text("utf-8")]
    assert pages, "the real site has no diagram page: this test would prove nothing"
    return pages


def open_page(browser, origin: str, path: str, **options: object):  # noqa: ANN201
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, **options)
    page = context.new_page()
    page.goto(origin + path)
    draw_all_diagrams(page)
    # A label is drawn in a fallback face until the diagram font arrives (font-display: swap): wait for it.
    if path != "/":
        assert page.evaluate(FONTS_LOADED.replace("${FAMILY}", FONT_FAMILY)) == ["loaded", "loaded"], (
            f"{path}: the diagram font did not load"
        )
    return context, page


def below_threshold(browser, origin: str, path: str, scheme: str) -> tuple[int, list[str]]:
    context, page = open_page(browser, origin, path, color_scheme=scheme)
    try:
        measured = page.evaluate(CONTRAST)
    finally:
        context.close()
    failing = [
        f"{path} diagram {m['diagram'] + 1} ({m['type']}) {m['what']} {m['label']!r}: {m['ratio']:.2f}:1, {m['fg']} on {m['bg']}"
        for m in measured
        if m["ratio"] < (4.5 if m["what"] == "text" else 3.0)
    ]
    return len(measured), failing


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_diagram_type_is_readable_in_both_palettes(fixture_site, browser, scheme: str) -> None:
    for path in FIXTURE_PAGES:
        count, failing = below_threshold(browser, fixture_site.origin, path, scheme)
        assert count > (150 if path == "/types/" else 10), f"too little measured on {path}: {count}"
        assert not failing, "\n".join(failing)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_real_sites_diagrams_are_readable_in_both_palettes(site, browser, scheme: str) -> None:
    for path in diagram_pages(site):
        count, failing = below_threshold(browser, site.origin, path, scheme)
        assert count, path
        assert not failing, "\n".join(failing)


@pytest.fixture(scope="module")
def other_fonts_browser(browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    folder = tmp_path_factory.mktemp("fontconfig")
    config = folder / "fonts.conf"
    config.write_text(FONTCONFIG.format(cache=folder / "cache"), encoding="utf-8")
    other = browser.browser_type.launch(
        executable_path=chromium_path(), args=CHROMIUM_ARGS, env={**os.environ, "FONTCONFIG_FILE": str(config)}
    )
    yield other
    other.close()


SYSTEM_TEXT_WIDTH = """() => { const c = document.createElement('canvas').getContext('2d'); c.font = '16px sans-serif';
  return c.measureText('Customer interaction and insight').width; }"""


def labels(browser, origin: str, path: str) -> list[dict]:
    context, page = open_page(browser, origin, path)
    try:
        return page.evaluate(LABELS)
    finally:
        context.close()


def assert_same_metrics_and_no_overflow(browser, other, origin: str, path: str) -> None:
    ordinary = labels(browser, origin, path)
    swapped = labels(other, origin, path)
    assert ordinary and len(ordinary) == len(swapped), (path, len(ordinary), len(swapped))
    changed = [(a["label"], a["width"], b["width"]) for a, b in zip(ordinary, swapped) if abs(a["width"] - b["width"]) > 0.5]
    assert not changed, f"{path}: labels measure differently with other system fonts: {changed}"
    overflowing = [f"{b['label']!r} by {b['over']:.1f}px" for b in swapped if b["over"] > 1.0]
    assert not overflowing, f"{path}: labels overflow their boxes with other system fonts: {overflowing}"


def test_the_swap_really_changes_the_system_fonts(fixture_site, browser, other_fonts_browser) -> None:
    widths = []
    for each in (browser, other_fonts_browser):
        context, page = open_page(each, fixture_site.origin, "/")
        widths.append(page.evaluate(SYSTEM_TEXT_WIDTH))
        context.close()
    assert widths[1] > widths[0] + 10, f"DejaVu Sans should be wider than the default sans-serif: {widths}"


def test_fixture_labels_measure_the_same_with_other_system_fonts(fixture_site, browser, other_fonts_browser) -> None:
    for path in FIXTURE_PAGES:
        assert_same_metrics_and_no_overflow(browser, other_fonts_browser, fixture_site.origin, path)


def test_the_real_sites_labels_measure_the_same_with_other_system_fonts(site, browser, other_fonts_browser) -> None:
    for path in diagram_pages(site):
        assert_same_metrics_and_no_overflow(browser, other_fonts_browser, site.origin, path)


def test_any_diagram_opens_full_size_in_a_dialog(fixture_site, page_factory) -> None:
    page = page_factory(fixture_site.origin, viewport={"width": 800, "height": 900})
    page.goto(fixture_site.origin + "/types/")
    gantt = page.locator(".mermaid").nth(5)  # drawn 1280 px wide: shown scaled down in the column
    shown = gantt.evaluate("h => h.shadowRoot.querySelector('svg').getBoundingClientRect().width")
    natural = gantt.evaluate("h => h.shadowRoot.querySelector('svg').viewBox.baseVal.width")
    assert shown < natural * 0.8, (shown, natural)
    buttons = page.get_by_role("button", name="Open full size")
    assert buttons.count() == page.locator(".mermaid").count() == 9
    buttons.nth(5).click()
    dialog = page.locator("dialog.cur-diagram-dialog[open]")
    dialog.wait_for()
    full = dialog.evaluate("d => d.querySelector('.mermaid').shadowRoot.querySelector('svg').getBoundingClientRect().width")
    assert abs(full - natural) <= 1, (full, natural)
    assert dialog.get_attribute("aria-label") == "A gantt chart"
    page.keyboard.press("Escape")
    # the dialog's close event is queued as a task: wait for it rather than read at once
    expect(page.locator("dialog.cur-diagram-dialog")).to_have_count(0)
    gantt.click()  # the diagram itself opens it too
    dialog.wait_for()
    dialog.get_by_role("button", name="Close").click()
    expect(page.locator("dialog.cur-diagram-dialog")).to_have_count(0)


def test_the_font_and_the_full_size_script_load_on_diagram_pages_only(fixture_site, page_factory) -> None:
    page = page_factory(fixture_site.origin)
    page.goto(fixture_site.origin + "/")  # no diagram
    assert not [url for url in page.traffic.requested if "inter-latin" in url or "diagrams." in url], page.traffic.requested
    page.goto(fixture_site.origin + "/types/")
    page.evaluate("document.fonts.ready.then(() => true)")
    wanted = [url for url in page.traffic.requested if "inter-latin" in url or "diagrams." in url]
    assert any(url.endswith("inter-latin-400-normal.woff2") for url in wanted), wanted
    assert any(url.endswith("/assets/stylesheets/diagrams.css") for url in wanted) and any(url.endswith("/diagrams.js") for url in wanted)
    # The stylesheet in the head: one met at the end of the body restyles the whole page once it loads.
    assert page.evaluate("() => !!document.head.querySelector('link[href$=\"diagrams.css\"]')")
    # The script after Material's bundle, whose document$ it uses, and deferred: it runs after it.
    scripts = page.evaluate("() => [...document.querySelectorAll('script[src]')].map(s => [s.src.split('/').pop(), s.defer])")
    names = [name for name, _ in scripts]
    bundle = next(i for i, name in enumerate(names) if name.startswith("bundle."))
    assert names.index("diagrams.js") > bundle and dict(scripts)["diagrams.js"], scripts


def test_the_full_size_button_is_built_in_and_hidden_without_javascript(fixture_site, page_factory) -> None:
    page = page_factory(fixture_site.origin, java_script_enabled=False)
    page.goto(fixture_site.origin + "/types/")
    buttons = page.locator(".cur-diagram-open")
    assert buttons.count() == page.locator(".mermaid").count() == 9  # written by the build, after each diagram
    assert page.evaluate(
        "() => [...document.querySelectorAll('.cur-diagram-open')].every(b => b.previousElementSibling.matches('.mermaid'))"
    )
    assert not any(buttons.nth(i).is_visible() for i in range(buttons.count())), "a button that does nothing without JavaScript"


def test_every_drawn_diagram_has_a_title_and_description(fixture_site, page_factory) -> None:
    page = page_factory(fixture_site.origin)
    page.goto(fixture_site.origin + "/types/")
    named = page.evaluate("""() => [...document.querySelectorAll('.mermaid')].map(h => {
      const svg = h.shadowRoot.querySelector('svg');
      const ref = (attr) => { const id = svg.getAttribute(attr); return id ? (h.shadowRoot.getElementById(id) || {}).textContent : null; };
      return [svg.getAttribute('aria-roledescription'), ref('aria-labelledby'), ref('aria-describedby')];
    })""")
    assert len(named) == 9
    for kind, title, description in named:
        assert title and description, (kind, title, description)
    assert ["mindmap", "A mindmap", "Customer data splits into sources, uses and rules."] in named
