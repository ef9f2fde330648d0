"""Parse Mermaid diagrams with the very Mermaid the build renders them with, in Chromium.

One browser launch for all diagrams: the vendored ``mermaid.min.js`` is
loaded once into an ``about:blank`` page and ``mermaid.parse`` runs on every
diagram inside a single ``evaluate`` (:class:`curriculum.browser.BrowserPage`).
When Playwright or Chromium is missing, :class:`Unavailable` carries one line
saying what to install.
"""

from __future__ import annotations

from pathlib import Path

from curriculum.browser import BrowserPage, Unavailable

__all__ = ["MermaidParser", "Unavailable", "parse_once"]

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


class MermaidParser:
    """A Chromium page with Mermaid loaded, reusable for many batches, from any thread."""

    def __init__(self, script: Path) -> None:
        if not script.is_file():
            raise Unavailable(f"the vendored Mermaid is missing at {script}: run 'python scripts/vendor_assets.py'")
        self._page = BrowserPage(lambda page: page.add_script_tag(path=str(script)), name="mermaid-parser")

    def parse(self, sources: list[str]) -> list[str | None]:
        """Mermaid's error message for each source, or None when it parses."""
        if not sources:
            return []
        return list(self._page.evaluate(PARSE_ALL, sources))

    def close(self) -> None:
        self._page.close()


def parse_once(script: Path, sources: list[str]) -> list[str | None]:
    """Start a browser, parse every source, stop it (raises Unavailable)."""
    parser = MermaidParser(script)
    try:
        return parser.parse(sources)
    finally:
        parser.close()
