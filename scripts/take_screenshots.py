"""Take the README's and the facilitator guide's screenshots of the site.

Builds the site into a temporary folder, serves it on 127.0.0.1, and saves
two 1280x720 PNGs with the system Chromium:

- docs/assets/images/presentation-mode.png: a session slide with a diagram,
  the counter, the timer and the facilitator-notes panel;
- docs/assets/images/facilitator-mode.png: a session page in facilitator
  mode, scrolled to its first facilitator note.

Run it again after a session page changes a lot:
``.venv/bin/python scripts/take_screenshots.py``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from sitebuild import build_and_serve  # noqa: E402

IMAGES = ROOT / "docs" / "assets" / "images"
SESSION = "day-2/pipelines/"
CHROMIUM = "/usr/bin/chromium"


def main() -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        result, server = build_and_serve(ROOT / "mkdocs.yml", Path(tmp) / "site")
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
                page = browser.new_page(viewport={"width": 1280, "height": 720})
                page.goto(f"{server.origin}/{SESSION}?facilitator=1")
                page.wait_for_selector(".mermaid")
                page.wait_for_timeout(800)
                page.locator(".md-content .cur-facilitator").first.scroll_into_view_if_needed()
                page.evaluate("window.scrollBy(0, -160)")
                page.wait_for_timeout(600)
                page.screenshot(path=str(IMAGES / "facilitator-mode.png"))
                page.keyboard.press("p")
                slide = page.evaluate(
                    """() => { const h2 = [...document.querySelectorAll('.md-content__inner > h2')];
                         const i = h2.findIndex(h => { let e = h.nextElementSibling;
                           while (e && e.tagName !== 'H2') { if (e.matches('.mermaid')) return true; e = e.nextElementSibling; }
                           return false; });
                         return i < 0 ? 1 : i + 1; }"""
                )
                for _ in range(slide):
                    page.keyboard.press("ArrowRight")
                page.wait_for_timeout(300)
                page.screenshot(path=str(IMAGES / "presentation-mode.png"))
                browser.close()
        finally:
            server.close()
    for name in ("presentation-mode.png", "facilitator-mode.png"):
        print(f"{IMAGES / name}: {(IMAGES / name).stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
