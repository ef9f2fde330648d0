"""Take the README's screenshot of the site: a Day 2 session page with its diagram.

Builds the site into a temporary folder, serves it on 127.0.0.1 (the same way
the tests do) and saves ``docs/assets/images/site-session.png``, 1280x720, with
the system Chromium, light palette, scrolled to the section of the page's first diagram.

    .venv/bin/python scripts/take_readme_screenshot.py [day-2/pipelines/]

scripts/take_screenshots.py makes the facilitator and presentation shots.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from sitebuild import build_and_serve  # noqa: E402

OUTPUT = ROOT / "docs" / "assets" / "images" / "site-session.png"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    path = argv[0] if argv else "day-2/pipelines/"
    with tempfile.TemporaryDirectory() as tmp:
        _, server = build_and_serve(ROOT / "mkdocs.yml", Path(tmp) / "site")
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
                page = browser.new_page(viewport={"width": 1280, "height": 720}, color_scheme="light")
                page.goto(f"{server.origin}/{path.lstrip('/')}")
                diagram = page.locator(".mermaid").first
                diagram.wait_for()
                page.wait_for_timeout(1000)  # Material renders the SVG after the library has loaded
                # Bring the heading of the diagram's section to the top, under the header.
                page.evaluate(
                    """() => { let e = document.querySelector('.mermaid');
                         while (e && !/^H[23]$/.test(e.tagName)) e = e.previousElementSibling || e.parentElement;
                         window.scrollTo(0, (e || document.querySelector('.mermaid')).getBoundingClientRect().top + window.scrollY - 64); }"""
                )
                page.wait_for_timeout(300)
                page.screenshot(path=str(OUTPUT))
                browser.close()
        finally:
            server.close()
    print(f"{OUTPUT.relative_to(ROOT)}: {OUTPUT.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
