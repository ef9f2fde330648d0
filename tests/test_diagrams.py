"""Diagrams render in every case the site promises.

The build renders every diagram to SVG (``curriculum.diagrams``); these tests
check what a reader's browser gets. The edge cases live on a small test-only
site, ``tests/fixtures/diagrams/``, that inherits the real ``mkdocs.yml``
(fence, hooks, palettes), so the real pages stay clean. It is built once for this module and served on
127.0.0.1 with ``site_url`` equal to the served origin. Every page used here
also fails the test on a console error or a request off the origin
(``page_factory`` in conftest.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from sitebuild import ROOT, StaticServer, build_and_serve, copy_fixture

pytestmark = pytest.mark.browser

#: True once every diagram host on the page holds a rendered SVG.
ALL_RENDERED = """() => {
  const hosts = [...document.querySelectorAll('.mermaid')];
  return hosts.length > 0 && hosts.every(h => h.shadowRoot && h.shadowRoot.querySelector('svg'));
}"""

#: One record per diagram: its SVG (if any), text, visibility and size.
DIAGRAMS = """() => [...document.querySelectorAll('.mermaid')].map(host => {
  const svg = host.shadowRoot ? host.shadowRoot.querySelector('svg') : null;
  const box = svg ? svg.getBoundingClientRect() : null;
  return {
    tag: host.tagName,
    svg: !!svg,
    text: svg ? svg.textContent : host.textContent,
    labels: svg ? [...svg.querySelectorAll('.nodeLabel, .edgeLabel, .messageText, text')]
                    .map(e => e.textContent.trim()).filter(Boolean) : [],
    visible: svg ? svg.checkVisibility() : false,
    width: box ? box.width : 0,
  };
})"""


@pytest.fixture(scope="module")
def diagram_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StaticServer]:
    tmp = tmp_path_factory.mktemp("diagrams")
    config = copy_fixture("diagrams", tmp / "source")
    _, server = build_and_serve(config, tmp / "site")
    yield server
    server.close()


def open_rendered(page_factory, origin: str, path: str, **context_options: object) -> Any:
    page = page_factory(origin, **context_options)
    page.goto(f"{origin}{path}")
    page.wait_for_function(ALL_RENDERED, timeout=20_000)
    return page


def assert_rendered(page) -> list[dict]:
    diagrams = page.evaluate(DIAGRAMS)
    assert diagrams, f"no diagrams on {page.url}"
    for number, diagram in enumerate(diagrams, 1):
        assert diagram["svg"], f"diagram {number} on {page.url} was not rendered: {diagram['text'][:80]!r}"
        assert "Syntax error" not in diagram["text"], f"diagram {number} on {page.url} is a syntax error"
    assert "Syntax error" not in page.inner_text("body"), f"Mermaid added a syntax-error graphic to {page.url}"
    return diagrams


def test_every_diagram_renders_on_first_load(diagram_site, page_factory) -> None:
    for path in ("/labels/", "/hidden/"):
        page = open_rendered(page_factory, diagram_site.origin, path)
        assert len(assert_rendered(page)) == {"/labels/": 3, "/hidden/": 2}[path]


def test_diagrams_arrive_as_svg_without_mermaid_after_moving_from_a_page_without_them(diagram_site, page_factory) -> None:
    page = page_factory(diagram_site.origin)
    page.goto(diagram_site.origin + "/")
    page.get_by_role("link", name="page with labels").click()
    page.wait_for_url("**/labels/")
    page.wait_for_load_state("domcontentloaded")
    # In the HTML itself: no script had to run, none was fetched.
    assert page.evaluate(ALL_RENDERED)
    assert_rendered(page)
    assert page.evaluate("typeof window.mermaid") == "undefined"
    assert not [url for url in page.traffic.requested if "mermaid" in url], page.traffic.requested


def test_diagrams_show_with_javascript_off(diagram_site, page_factory) -> None:
    page = page_factory(diagram_site.origin, java_script_enabled=False)
    page.goto(diagram_site.origin + "/labels/")
    diagrams = assert_rendered(page)
    assert all(d["visible"] and d["width"] > 50 for d in diagrams), diagrams


def test_diagram_in_a_collapsed_details_block(diagram_site, page_factory) -> None:
    page = open_rendered(page_factory, diagram_site.origin, "/hidden/")
    details = page.locator("details", has=page.locator(".mermaid"))
    assert details.get_attribute("open") is None, "the note must start collapsed for this test to mean anything"
    first = assert_rendered(page)[0]
    assert first["labels"] == ["Collapsed start", "Collapsed end"]
    assert not first["visible"]

    details.locator("summary").click()
    page.wait_for_function("() => document.querySelector('details .mermaid').shadowRoot.querySelector('svg').checkVisibility()")
    opened = page.evaluate(DIAGRAMS)[0]
    assert opened["visible"] and opened["width"] > 50, opened


def test_diagram_in_an_inactive_content_tab(diagram_site, page_factory) -> None:
    page = open_rendered(page_factory, diagram_site.origin, "/hidden/")
    second = assert_rendered(page)[1]
    assert second["labels"] == ["Tab start", "Tab end"]
    assert not second["visible"], "the diagram's tab must start inactive for this test to mean anything"

    page.get_by_text("Second tab", exact=True).click()
    page.wait_for_function("() => document.querySelectorAll('.mermaid')[1].shadowRoot.querySelector('svg').checkVisibility()")
    shown = page.evaluate(DIAGRAMS)[1]
    assert shown["visible"] and shown["width"] > 50, shown


def test_labels_show_quotes_ampersands_and_angle_brackets_as_written(diagram_site, page_factory) -> None:
    page = open_rendered(page_factory, diagram_site.origin, "/labels/")
    flowchart, sequence, state = (set(d["labels"]) for d in assert_rendered(page))
    assert {'List<T> & "more"', "a < b > c", "x & y", "Tom & Jerry"} <= flowchart, flowchart
    assert "GET /items?a=1&b=2 <json>" in sequence, sequence
    assert "Queue<Order> & more" in state, state


def test_mermaid_security_level_is_strict_in_the_rendered_diagram(diagram_site, page_factory) -> None:
    # Under 'loose' the javascript: link survives as the node's href (measured
    # with this Mermaid); 'strict' drops it.
    page = open_rendered(page_factory, diagram_site.origin, "/strict/")
    hostile = page.evaluate("""() => {
      const root = document.querySelector('.mermaid').shadowRoot;
      return {
        links: [...root.querySelectorAll('a')].map(a => a.getAttribute('href') || a.getAttribute('xlink:href') || ''),
        handlers: [...root.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name)).filter(n => n.startsWith('on')),
        label: root.querySelector('.nodeLabel').textContent.trim(),
        images: root.querySelectorAll('.nodeLabel img').length,
      };
    }""")
    assert not [href for href in hostile["links"] if "javascript" in href.lower()], hostile
    assert hostile["handlers"] == [], hostile
    # The quoted label is text, shown as written (curriculum.mermaid_fence), not an element.
    assert hostile["label"] == "<img src=x onerror=alert(1)> Untrusted label" and hostile["images"] == 0, hostile


def test_the_renderer_refuses_any_level_but_strict(tmp_path) -> None:
    """The level Mermaid reports after initialising is checked, not the one asked for."""
    from curriculum.browser import Unavailable
    from curriculum.diagrams import MERMAID_SCRIPT, DiagramRenderer

    class LooseMermaid:  # a browser page whose Mermaid ended up 'loose'
        def evaluate(self, script: str, arg: object) -> dict:
            return {"securityLevel": "loose", "results": [{"svg": "<svg></svg>"}]}

        def close(self) -> None:
            pass

    renderer = DiagramRenderer(ROOT / "docs" / MERMAID_SCRIPT, tmp_path)
    renderer._page = LooseMermaid()  # type: ignore[assignment]
    with pytest.raises(Unavailable, match="not 'strict'"):
        renderer.render(["flowchart LR\n  A --> B"])
    assert not list(tmp_path.iterdir()), "nothing may be cached from a non-strict render"


# --------------------------------------------------------------------------
# Dark mode: the node text must be readable on the node's fill
# --------------------------------------------------------------------------

#: Colours of each flowchart node: page background, node fill, label text.
NODE_COLOURS = """() => {
  const host = document.querySelector('.mermaid');
  let bg = 'rgb(255, 255, 255)';
  for (let e = host; e; e = e.parentElement) {
    const c = getComputedStyle(e).backgroundColor;
    if (c && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') { bg = c; break; }
  }
  return [...host.shadowRoot.querySelectorAll('.node')].map(node => ({
    scheme: document.body.getAttribute('data-md-color-scheme'),
    background: bg,
    fill: getComputedStyle(node.querySelector('rect, polygon, path, circle')).fill,
    text: getComputedStyle(node.querySelector('.nodeLabel')).color,
    label: node.textContent.trim(),
  }));
}"""


def parse_colour(value: str) -> tuple[float, float, float, float]:
    match = re.fullmatch(r"rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)", value.strip())
    assert match, f"unexpected colour {value!r}"
    r, g, b, a = match.groups()
    return float(r), float(g), float(b), float(a) if a is not None else 1.0


def over(top: str | tuple, below: tuple[float, float, float]) -> tuple[float, float, float]:
    """Composite a possibly translucent colour over an opaque one."""
    r, g, b, a = parse_colour(top) if isinstance(top, str) else top
    red, green, blue = (a * c + (1 - a) * d for c, d in zip((r, g, b), below))
    return red, green, blue


def luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_helper_tells_readable_from_unreadable() -> None:
    white, black = (255.0, 255.0, 255.0), (0.0, 0.0, 0.0)
    assert round(contrast(white, black), 1) == 21.0
    assert contrast(over("rgba(213, 216, 226, 0.2)", (30.0, 33.0, 41.0)), (30.0, 33.0, 41.0)) < 4.5


@pytest.mark.parametrize(("color_scheme", "palette"), [("light", "default"), ("dark", "slate")])
def test_diagram_text_is_readable_in_both_palettes(diagram_site, page_factory, color_scheme: str, palette: str) -> None:
    page = open_rendered(page_factory, diagram_site.origin, "/labels/", color_scheme=color_scheme)
    nodes = page.evaluate(NODE_COLOURS)
    assert nodes
    for node in nodes:
        assert node["scheme"] == palette
        background = over(node["background"], (255.0, 255.0, 255.0) if palette == "default" else (0.0, 0.0, 0.0))
        fill = over(node["fill"], background)
        text = over(node["text"], fill)
        ratio = contrast(text, fill)
        assert ratio >= 4.5, f"{palette}: label {node['label']!r} has contrast {ratio:.2f}:1 on its fill ({node})"
