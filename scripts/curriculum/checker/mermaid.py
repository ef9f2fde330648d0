"""Parse Mermaid diagrams with the very Mermaid the site ships, in Chromium.

One browser launch for all diagrams: the vendored ``mermaid.min.js`` is
loaded once into an ``about:blank`` page and ``mermaid.parse`` runs on every
diagram inside a single ``evaluate``. When Playwright or Chromium is missing,
:class:`Unavailable` carries one line saying what to install.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]

PARSE_ALL = """
async (sources) => {
  mermaid.initialize({ startOnLoad: false });
  const results = [];
  for (const source of sources) {
    try {
      await mermaid.parse(source);
      results.push(null);
    } catch (error) {
      results.push(String((error && (error.str || error.message)) || error));
    }
  }
  return results;
}
"""


class Unavailable(Exception):
    """The browser cannot be started: the message says what to install."""


class MermaidParser:
    """A Chromium page with Mermaid loaded; reuse it for many batches (same thread)."""

    def __init__(self, script: Path, chromium: str | None = None) -> None:
        chromium = chromium or os.environ.get("CHROMIUM", DEFAULT_CHROMIUM)
        try:
            from playwright.sync_api import Error, sync_playwright
        except ImportError:
            raise Unavailable("the 'playwright' Python package is missing: run 'pip install -r requirements.lock' (scripts/test.sh does)") from None
        if not Path(chromium).exists():
            raise Unavailable(f"Chromium is missing at {chromium}: run 'sudo apt-get install chromium' (or set CHROMIUM=/path/to/chromium)")
        if not script.is_file():
            raise Unavailable(f"the vendored Mermaid is missing at {script}: run 'python scripts/vendor_assets.py'")
        self._playwright = sync_playwright().start()
        try:
            self._browser = self._playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            self._page = self._browser.new_page()
            self._page.goto("about:blank")
            self._page.add_script_tag(path=str(script))
        except Error as error:
            self.close()
            raise Unavailable(f"Chromium at {chromium} did not start: {str(error).splitlines()[0]}") from None

    def parse(self, sources: list[str]) -> list[str | None]:
        """Mermaid's error message for each source, or None when it parses."""
        if not sources:
            return []
        return list(self._page.evaluate(PARSE_ALL, sources))

    def close(self) -> None:
        browser = getattr(self, "_browser", None)
        try:
            if browser is not None:
                browser.close()
        finally:
            self._playwright.stop()


def parse_once(script: Path, sources: list[str]) -> list[str | None]:
    """Start a browser, parse every source, stop it (raises Unavailable)."""
    parser = MermaidParser(script)
    try:
        return parser.parse(sources)
    finally:
        parser.close()
