"""Take the site's screenshots for the README and the facilitator guide.

Builds the site into a temporary folder, serves it on 127.0.0.1 (the same way
the tests do) and saves three 1280x720 PNGs with the system Chromium:

- docs/assets/images/site-session.png: a session page, light palette, scrolled
  to the section of its first diagram;
- docs/assets/images/facilitator-mode.png: the same page in facilitator mode,
  scrolled to its first facilitator note;
- docs/assets/images/presentation-mode.png: a slide with a diagram, the
  counter, the timer and the facilitator-notes panel.

Run it again after a session page changes a lot:
``.venv/bin/python scripts/take_screenshots.py [day-2/pipelines/]``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from curriculum.browser import CHROMIUM_ARGS, chromium_path
from sitebuild import build_and_serve

IMAGES = ROOT / "docs" / "assets" / "images"
NAMES = ("site-session.png", "facilitator-mode.png", "presentation-mode.png")

SCROLL_TO_FIRST_DIAGRAM_SECTION = """() => {
  let e = document.querySelector('.mermaid');
  while (e && !/^H[23]$/.test(e.tagName)) e = e.previousElementSibling || e.parentElement;
  window.scrollTo(0, (e || document.querySelector('.mermaid')).getBoundingClientRect().top + window.scrollY - 64);
}"""
FIRST_SLIDE_WITH_DIAGRAM = """() => {
  const h2 = [...document.querySelectorAll('.md-content__inner > h2')];
  const i = h2.findIndex(h => { let e = h.nextElementSibling;
    while (e && e.tagName !== 'H2') { if (e.matches('.mermaid')) return true; e = e.nextElementSibling; }
    return false; });
  return i < 0 ? 1 : i + 1;
}"""


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    session = (argv[0] if argv else "day-2/pipelines/").lstrip("/")
    with tempfile.TemporaryDirectory() as tmp:
        _, server = build_and_serve(ROOT / "mkdocs.yml", Path(tmp) / "site")
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)

                page = browser.new_page(viewport={"width": 1280, "height": 720}, color_scheme="light")
                page.goto(f"{server.origin}/{session}")
                page.locator(".mermaid").first.wait_for()
                page.wait_for_timeout(1000)  # Material renders the SVG after the library has loaded
                page.evaluate(SCROLL_TO_FIRST_DIAGRAM_SECTION)
                page.wait_for_timeout(300)
                page.screenshot(path=str(IMAGES / "site-session.png"))
                page.close()

                page = browser.new_page(viewport={"width": 1280, "height": 720}, color_scheme="light")
                page.goto(f"{server.origin}/{session}?facilitator=1")
                page.wait_for_selector(".mermaid")
                page.wait_for_timeout(800)
                page.locator(".md-content .cur-facilitator").first.scroll_into_view_if_needed()
                page.evaluate("window.scrollBy(0, -160)")
                page.wait_for_timeout(600)  # let the header's title transition finish
                page.screenshot(path=str(IMAGES / "facilitator-mode.png"))

                page.keyboard.press("p")
                for _ in range(page.evaluate(FIRST_SLIDE_WITH_DIAGRAM)):
                    page.keyboard.press("ArrowRight")
                page.wait_for_timeout(300)
                page.screenshot(path=str(IMAGES / "presentation-mode.png"))
                browser.close()
        finally:
            server.close()
    for name in NAMES:
        print(f"{(IMAGES / name).relative_to(ROOT)}: {(IMAGES / name).stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
