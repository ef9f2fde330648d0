"""Accessibility of every built page.

* axe (``axe-playwright-python``, which bundles axe-core) reports zero
  violations of any impact on every page, in the light and dark palettes, at
  1280 and 390 px wide, with facilitator mode off and on (see
  AXE_COMBINATIONS). One browser; one test per combination, looping over the
  pages.
* Keyboard: the skip link lands on the article, and every header and page
  control (palette, search, navigation drawer, facilitator mode, present,
  mark session complete) is reached by Tab, operated by Enter or Space and
  shows a focus ring. Every Tab stop on the way is on screen and ringed.
* Diagrams: each rendered SVG reaches the accessibility tree with its
  ``accTitle`` as its name and its ``accDescr`` as its description.

The palette follows the system preference (first palette in mkdocs.yml), so
the context's ``color_scheme`` selects it; each test checks the scheme the
page really shows (``data-md-color-scheme``).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from axerun import axe_results
from sitebuild import draw_all_diagrams

pytestmark = pytest.mark.browser

SCHEMES = {"light": "default", "dark": "slate"}
WIDTHS = (1280, 390)

#: True once every diagram host on the page holds a rendered SVG (the
#: contexts open Material's shadow roots, see conftest.OPEN_SHADOW_ROOTS).
DIAGRAMS_RENDERED = """() => [...document.querySelectorAll('.mermaid')]
  .every(h => h.shadowRoot && h.shadowRoot.querySelector('svg'))"""

#: Controls built by the facilitator and learner features, by
#: accessible name. Each one that a page has must pass the keyboard test.
FEATURE_CONTROLS = ("Facilitator mode", "Present", "Mark session complete")


def _console(page, errors: list[str]) -> None:
    def console(msg: Any) -> None:
        if msg.type == "error":
            errors.append(msg.text)

    page.on("console", console)
    page.on("pageerror", lambda error: errors.append(str(error)))


#: Transitions off, so a state is read when it is reached (the theme fades
#: the skip link and permalinks in), not half-way through a fade.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def _open(page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    draw_all_diagrams(page)
    page.wait_for_function(DIAGRAMS_RENDERED, timeout=20_000)
    page.add_style_tag(content=NO_TRANSITIONS)


def _until(page, condition: str, failure: str, arg: object = None) -> None:
    """Wait (up to 5 s) for a JavaScript condition, failing with ``failure``.

    The controls answer a key on the theme's next tick; a fixed sleep reads
    too early on a busy machine.
    """
    try:
        page.wait_for_function(condition, arg=arg, timeout=5_000)
    except Exception:
        pytest.fail(failure)


def _facilitator_url(url: str, on: bool) -> str:
    return f"{url}?facilitator={'1' if on else '0'}"


# --------------------------------------------------------------------------
# axe
# --------------------------------------------------------------------------


#: Learner view in both palettes at both widths; facilitator mode (which only
#: adds visible notes and the pressed toggle) once per palette, at different
#: widths, so each palette and each width is seen with the notes showing.
AXE_COMBINATIONS = [
    *[(scheme, width, False) for scheme in SCHEMES for width in WIDTHS],
    ("light", 1280, True),
    ("dark", 390, True),
]


@pytest.mark.parametrize(
    ("scheme", "width", "facilitator"),
    AXE_COMBINATIONS,
    ids=[f"{s}-{w}px-{'facilitator' if f else 'learner'}" for s, w, f in AXE_COMBINATIONS],
)
def test_axe_finds_no_violations(site, context_factory, scheme: str, width: int, facilitator: bool) -> None:
    context, _ = context_factory(site.origin, color_scheme=scheme, viewport={"width": width, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    _console(page, errors)
    found: list[str] = []
    for path in site.html_pages():
        _open(page, _facilitator_url(site.url(path), facilitator))
        shown = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert shown == SCHEMES[scheme], f"{path}: asked for the {scheme} palette, page shows {shown!r}"
        mode = page.evaluate("document.documentElement.hasAttribute('data-cur-facilitator')")
        assert mode == facilitator, f"{path}: facilitator mode is {'on' if mode else 'off'}, expected {facilitator}"
        for violation in axe_results(page).response["violations"]:
            for node in violation["nodes"]:
                summary = " ".join(node.get("failureSummary", "").split())
                found.append(f"{path}: {violation['id']} ({violation['impact']}) at {node['target']}: {summary}")
    assert not found, f"{len(found)} axe violation(s):\n" + "\n".join(found)
    assert not errors, f"console errors: {errors}"


# --------------------------------------------------------------------------
# Keyboard
# --------------------------------------------------------------------------

#: Describes the focused element: the element that shows the focus (a
#: palette radio is drawn by the label after it), its name, and whether it
#: is on screen. Keeps a reference so its unfocused style can be read later.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  // A palette radio is drawn by the label after it; a content tab's radio by its label.
  let shown = el.matches('input.md-option') ? el.nextElementSibling : el;
  if (el.matches('.tabbed-set > input') && el.id) shown = document.querySelector(`label[for="${el.id}"]`) || el;
  window.__stops = window.__stops || [];
  window.__stops.push(shown);
  const r = shown.getBoundingClientRect();
  const s = getComputedStyle(shown);
  const name = (el.getAttribute('aria-label') || el.getAttribute('title') || el.textContent || '').trim().replace(/\\s+/g, ' ');
  return {
    index: window.__stops.length - 1,
    name: name.slice(0, 60),
    tag: el.tagName.toLowerCase(),
    cls: el.className && el.className.baseVal === undefined ? el.className : '',
    visible: shown.checkVisibility({visibilityProperty: true, opacityProperty: true}) && r.width > 0 && r.height > 0
      && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight,
    ring: [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.outlineOffset].join('|'),
  };
}"""

#: The unfocused style of a recorded Tab stop.
UNFOCUSED_RING = """(i) => { document.activeElement.blur(); const s = getComputedStyle(window.__stops[i]);
  return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.outlineOffset].join('|'); }"""


def _has_ring(focused: str, unfocused: str) -> bool:
    style, width, _, shadow, _ = focused.split("|")
    drawn = (style not in ("none", "") and width not in ("0px", "")) or shadow not in ("none", "")
    return drawn and focused != unfocused


def _tab_stops(page, limit: int = 250) -> list[dict]:
    """Tab from the top of the page until focus returns to the start."""
    stops: list[dict] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        page.wait_for_timeout(30)
        stop = page.evaluate(FOCUSED)
        if stop is None or (stops and stop["name"] == stops[0]["name"] and stop["tag"] == stops[0]["tag"]):
            break
        stops.append(stop)
    for stop in stops:
        stop["unfocused"] = page.evaluate(UNFOCUSED_RING, stop["index"])
    return stops


def _session_page(site) -> str:
    for path in site.html_pages():
        html = (site.root / path.lstrip("/") / "index.html").read_text(encoding="utf-8")
        if 'class="mermaid"' in html and "cur-question" in html:
            return path
    pytest.fail("no session page with a diagram and knowledge check in the built site")


def test_skip_link_lands_on_the_article(site, context_factory) -> None:
    context, _ = context_factory(site.origin, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems = []
    for path in site.html_pages():
        _open(page, site.url(path))
        page.keyboard.press("Tab")
        first = page.evaluate("() => [document.activeElement.className, document.activeElement.textContent.trim()]")
        if "md-skip" not in first[0]:
            problems.append(f"{path}: the first Tab stop is {first}, not the skip link")
            continue
        if not page.evaluate("getComputedStyle(document.activeElement).opacity === '1'"):
            problems.append(f"{path}: the skip link is not visible when focused")
        href = page.evaluate("document.activeElement.getAttribute('href')")
        page.keyboard.press("Enter")
        _until(page, "(href) => location.hash === href", f"{path}: Enter on the skip link did not move to {href}", href)
        page.keyboard.press("Tab")
        inside = page.evaluate(
            """(href) => {
          const target = href && href.startsWith('#') ? document.getElementById(href.slice(1)) : null;
          const article = document.querySelector('article.md-content__inner');
          return !!target && article.contains(target) && article.contains(document.activeElement)
            && !!(target.compareDocumentPosition(article.querySelector('h1')) & Node.DOCUMENT_POSITION_FOLLOWING);
        }""",
            href,
        )
        if not inside:
            problems.append(f"{path}: after the skip link, focus is not in the article before its title")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def test_every_tab_stop_is_on_screen_with_a_focus_ring(site, context_factory, width: int) -> None:
    context, _ = context_factory(site.origin, viewport={"width": width, "height": 900})
    page = context.new_page()
    problems = []
    for path in site.html_pages():
        _open(page, _facilitator_url(site.url(path), True))
        for stop in _tab_stops(page):
            where = f"{path} Tab stop {stop['index'] + 1} <{stop['tag']} class={stop['cls']!r}> {stop['name']!r}"
            if not stop["visible"]:
                problems.append(f"{where}: focused but not on screen")
            elif not _has_ring(stop["ring"], stop["unfocused"]):
                problems.append(f"{where}: no visible focus ring ({stop['ring']})")
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


@pytest.mark.parametrize("width", WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def test_controls_are_reached_and_operated_by_keyboard(site, context_factory, width: int) -> None:
    context, _ = context_factory(site.origin, viewport={"width": width, "height": 900})
    page = context.new_page()
    path = _session_page(site)
    _open(page, _facilitator_url(site.url(path), False))

    def reach(pattern: str) -> None:
        """Focus the control named ``pattern`` by pressing Tab from the top.

        The Tab order is read again each time: a control operated earlier (facilitator mode
        shows notes with links of their own) changes what comes before the next one.
        """
        _open(page, site.url(path))
        current = [stop["name"] for stop in _tab_stops(page)]
        index = next((i for i, name in enumerate(current) if re.fullmatch(pattern, name)), None)
        assert index is not None, f"{path} at {width}px: no Tab stop named {pattern!r}; stops: {current}"
        _open(page, site.url(path))
        for _ in range(index + 1):
            page.keyboard.press("Tab")
        name = page.evaluate(FOCUSED)["name"]
        assert re.fullmatch(pattern, name), f"Tab stop {index + 1} is {name!r}, expected {pattern!r}"

    # Palette: Enter on the toggle switches to the next palette.
    reach(r"Switch to .*")
    palette = "document.body.getAttribute('data-md-color-scheme') + ' ' + document.body.getAttribute('data-md-color-media')"
    before = page.evaluate(palette)
    page.keyboard.press("Enter")
    _until(page, f"(before) => ({palette}) !== before", f"Enter on the palette toggle did nothing ({before})", before)

    # Search: reached by Tab (the box, or on a narrow screen the button that
    # opens it), typing searches, the arrow keys walk the results (the
    # theme's design: Tab leaves search) and Enter opens one.
    reach(r"Search")
    if width < 960:
        page.keyboard.press("Enter")
    _until(
        page,
        "document.activeElement.matches('.md-search__input') && document.getElementById('__search').checked",
        "search box not focused, or the search dialog did not open",
    )
    page.keyboard.type("pipeline")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.keyboard.press("ArrowDown")
    result = page.evaluate("document.activeElement.closest('.md-search-result__link') ? document.activeElement.href : ''")
    assert result, "ArrowDown does not reach the search results"
    stop = page.evaluate(FOCUSED)
    assert stop["visible"], "the focused search result is not on screen"
    page.keyboard.press("Enter")
    page.wait_for_url(result.split("#")[0] + "*", timeout=10_000)

    # Navigation drawer (narrow screens only): opens, focus moves in, Escape closes.
    if width < 1220:
        reach(r"Navigation")
        page.keyboard.press("Enter")
        _until(page, "document.getElementById('__drawer').checked", "Enter did not open the navigation drawer")
        _until(page, "!!document.activeElement.closest('.md-sidebar--primary')", "focus did not move into the drawer")
        page.keyboard.press("Escape")
        _until(page, "!document.getElementById('__drawer').checked", "Escape did not close the drawer")

    # The facilitator and learner controls, by accessible name, where the page has them.
    covered = []
    for name in FEATURE_CONTROLS:
        if not page.get_by_role("button", name=name).count() and not page.get_by_role("checkbox", name=name).count():
            continue
        reach(re.escape(name) + r".*")
        state = "(el => el.getAttribute('aria-pressed') || String(el.checked) || el.getAttribute('aria-expanded'))"
        before = page.evaluate(f"{state}(document.activeElement)")
        page.keyboard.press("Enter")
        if name == "Present":
            _until(page, "document.documentElement.hasAttribute('data-cur-present')", "Enter on Present did not start the presentation")
            page.keyboard.press("Escape")
            _until(page, "!document.documentElement.hasAttribute('data-cur-present')", "Escape did not end the presentation")
        else:
            _until(
                page,
                f"(before) => {state}(document.activeElement) !== before",
                f"{name}: Enter did not change its state (still {before})",
                before,
            )
        covered.append(name)
    print(
        f"keyboard controls covered at {width}px on {path}: palette, search, "
        + ("navigation drawer, " if width < 1220 else "")
        + ", ".join(covered)
    )


# --------------------------------------------------------------------------
# Diagrams in the accessibility tree
# --------------------------------------------------------------------------


def test_diagrams_expose_title_and_description(site, context_factory) -> None:
    """Each SVG's accTitle is its accessible name and its accDescr its description."""
    context, _ = context_factory(site.origin, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems, seen = [], 0
    for path in site.html_pages():
        html = (site.root / path.lstrip("/") / "index.html").read_text(encoding="utf-8")
        if 'class="mermaid"' not in html:
            continue
        _open(page, site.url(path))
        # The source each diagram was written with, from the rendered SVGs.
        expected = page.evaluate("""() => [...document.querySelectorAll('.mermaid')].map(h => {
          const svg = h.shadowRoot.querySelector('svg');
          const title = svg.querySelector(':scope > title'), desc = svg.querySelector(':scope > desc');
          return [title ? title.textContent.trim() : '', desc ? desc.textContent.trim() : ''];
        })""")
        cdp = context.new_cdp_session(page)
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
        cdp.detach()
        graphics = [
            (n.get("name", {}).get("value", "").strip(), n.get("description", {}).get("value", "").strip())
            for n in nodes
            if not n.get("ignored")
            and n.get("role", {}).get("value") in ("graphics-document", "img", "document")
            and any(p["name"] == "roledescription" for p in n.get("properties", []))
        ]
        for i, (title, desc) in enumerate(expected, 1):
            seen += 1
            if not title or not desc:
                problems.append(f"{path} diagram {i}: the SVG has no accTitle/accDescr (title {title!r}, desc {desc!r})")
            elif (title, desc) not in graphics:
                problems.append(f"{path} diagram {i}: {title!r} is not in the accessibility tree with its description; tree has {graphics}")
    assert seen, "no diagrams found on any page"
    assert not problems, "\n".join(problems)
