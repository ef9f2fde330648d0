"""Mermaid diagrams rendered to SVG at build time (DECISIONS.md, decision 1).

Readers' browsers get finished SVG and no Mermaid: evaluating and running
the 3.5 MB library cost 1.4 to 8 s of main-thread time on a mid-range phone,
which no performance budget survives. The build does what Material's bundle
did in the browser, the same way:

* the vendored ``mermaid.min.js`` renders each diagram in headless Chromium
  with Material's own initialisation (its ``themeCSS``, read from Material's
  bundle so it follows a Material upgrade, and the 16 px sequence fonts),
  ``securityLevel: 'strict'``, in a page carrying Material's stylesheets so
  labels are measured in the fonts the reader's page uses;
* each SVG goes into a ``<div class="mermaid">`` host as a declarative shadow
  root, as Material puts it in a shadow root: page styles stay out, and the
  SVG's colours are Material's ``--md-mermaid-*`` variables, so diagrams
  follow the light and dark palettes live, with JavaScript off too.

Rendering is cached by a hash of everything that shapes the SVG (this
module's version, Mermaid's SHA-256, the theme CSS, the source), so an
ordinary build starts no browser. A diagram Mermaid rejects stays a code
block and is reported as ``file:line: M101 ...``, the checker's own code.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from curriculum.browser import BrowserPage, Unavailable

#: Bump when the output format changes, so old cache entries are not reused.
RENDERER_VERSION = "1"

#: The vendored library, relative to the docs folder (scripts/vendor_assets.py).
MERMAID_SCRIPT = Path("assets") / "vendor" / "mermaid" / "mermaid.min.js"

#: What the superfences fence (``curriculum.mermaid_fence``) writes: ``<pre class="mermaid">``,
#: with any id or extra classes the author gave the fence (``{.mermaid .wide #flow}``).
FENCE_HTML = re.compile(
    r'<pre(?P<attrs>(?=[^>]*\bclass="(?:[^"]*\s)?mermaid(?:\s[^"]*)?")[^>]*)><code>(?P<source>.*?)</code></pre>', re.DOTALL
)
MERMAID_CLASS = re.compile(r'(\bclass="(?:[^"]*\s)?)mermaid((?:\s[^"]*)?")')

#: Added to Material's theme CSS: a label measured at build time may be a
#: few pixels wider in a reader's fonts; let it overflow its box rather than
#: be clipped by the foreignObject.
EXTRA_THEME_CSS = "foreignObject{overflow:visible}"

#: Material's Mermaid set-up (components/content/mermaid/index.ts), plus the
#: security level, which Material leaves at Mermaid's default, ``strict``.
RENDER_ALL = """
async ({ diagrams, themeCSS }) => {
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    themeCSS,
    sequence: { actorFontSize: '16px', messageFontSize: '16px', noteFontSize: '16px' },
  });
  const securityLevel = mermaid.mermaidAPI.getConfig().securityLevel;
  const results = [];
  for (const { id, source } of diagrams) {
    try {
      const { svg } = await mermaid.render(id, source);
      results.push({ svg });
    } catch (error) {
      for (const stray of [document.getElementById(id), document.getElementById('d' + id)]) stray && stray.remove();
      results.push({ error: String((error && (error.str || error.message)) || error) });
    }
  }
  return { securityLevel, results };
}
"""


@dataclass(frozen=True)
class Rendered:
    svg: str | None
    error: str | None = None


def default_cache_dir() -> Path:
    """Shared by every build on the machine: entries are named by content, never stale."""
    if configured := os.environ.get("CURRICULUM_DIAGRAM_CACHE"):
        return Path(configured)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "onboarding-curriculum" / "diagrams"


@lru_cache(maxsize=1)
def material_assets() -> tuple[str, tuple[Path, ...]]:
    """Material's Mermaid theme CSS (from its bundle's source map) and its stylesheets."""
    import material

    assets = Path(material.__file__).parent / "templates" / "assets"
    maps = sorted((assets / "javascripts").glob("bundle.*.min.js.map"))
    if not maps:
        raise Unavailable(f"Material's bundle source map is missing under {assets}: reinstall mkdocs-material")
    bundle = json.loads(maps[0].read_text(encoding="utf-8"))
    for name, content in zip(bundle["sources"], bundle["sourcesContent"]):
        if name.endswith("components/content/mermaid/index.css"):
            theme_css = content.split("*/", 1)[-1].strip() if content.lstrip().startswith("/*") else content.strip()
            break
    else:
        raise Unavailable(f"{maps[0].name} has no Mermaid theme CSS: this Material version is not supported")
    stylesheets = tuple(sorted((assets / "stylesheets").glob("*.min.css")))
    return theme_css + EXTRA_THEME_CSS, stylesheets


def host_html(svg: str, attrs: str = ' class="mermaid"') -> str:
    """The diagram as the page holds it: a host (the fence's id and classes) with a declarative shadow root."""
    return f'<div{attrs}><template shadowrootmode="open">{svg}</template></div>'


class DiagramRenderer:
    """Renders Mermaid sources to SVG, from the cache or in one lazily started browser."""

    def __init__(self, mermaid_script: Path, cache_dir: Path | None = None) -> None:
        self.script = mermaid_script
        self.cache_dir = cache_dir or default_cache_dir()
        self._page: BrowserPage | None = None
        self.rendered = 0  # diagrams rendered by the browser (cache misses) in this build
        self._salt: str | None = None
        self.cache_error: str | None = None  # why renders could not be kept, if they could not

    def _key(self, source: str) -> str:
        if self._salt is None:
            if not self.script.is_file():
                raise Unavailable(f"the vendored Mermaid is missing at {self.script}: run 'python scripts/vendor_assets.py'")
            theme_css, stylesheets = material_assets()
            mermaid_sha = hashlib.sha256(self.script.read_bytes()).hexdigest()
            # Material's stylesheet names carry their content hash: labels are measured in them.
            sheets = ",".join(sheet.name for sheet in stylesheets)
            self._salt = f"{RENDERER_VERSION}\0{mermaid_sha}\0{theme_css}\0{sheets}\0"
        return hashlib.sha256((self._salt + source).encode("utf-8")).hexdigest()

    def render(self, sources: list[str]) -> list[Rendered]:
        """One result per source, in order; misses are rendered in one browser call."""
        keys = [self._key(source) for source in sources]
        results: dict[str, Rendered] = {}
        missing: dict[str, str] = {}
        for key, source in zip(keys, sources):
            cached = self.cache_dir / f"{key}.svg"
            if cached.is_file():
                results[key] = Rendered(cached.read_text(encoding="utf-8"))
            else:
                missing[key] = source
        if missing:
            for key, result in zip(missing, self._render_in_browser(missing)):
                results[key] = result
                if result.svg is not None:
                    self._store(key, result.svg)
        return [results[key] for key in keys]

    def _render_in_browser(self, missing: dict[str, str]) -> list[Rendered]:
        theme_css, _ = material_assets()
        page = self._browser()
        # Ids are the hash: stable, so an entry's SVG never depends on render order.
        diagrams = [{"id": f"mermaid-{key[:16]}", "source": source} for key, source in missing.items()]
        answer = page.evaluate(RENDER_ALL, {"diagrams": diagrams, "themeCSS": theme_css})
        if answer["securityLevel"] != "strict":
            raise Unavailable(f"Mermaid's security level is {answer['securityLevel']!r}, not 'strict': refusing to render")
        self.rendered += sum(1 for r in answer["results"] if "svg" in r)
        return [Rendered(r.get("svg"), r.get("error")) for r in answer["results"]]

    def _browser(self) -> BrowserPage:
        if self._page is None:
            _, stylesheets = material_assets()
            script = self.script

            def setup(page: Any) -> None:
                # A page shaped like the site's: Material's styles, its body attributes.
                page.set_content(
                    '<!doctype html><html lang="en"><head><meta charset="utf-8"></head>'
                    '<body dir="ltr" data-md-color-scheme="default"><div class="md-typeset"></div></body></html>'
                )
                for stylesheet in stylesheets:
                    page.add_style_tag(path=str(stylesheet))
                page.add_script_tag(path=str(script))

            self._page = BrowserPage(setup, name="diagram-renderer")
        return self._page

    def _store(self, key: str, svg: str) -> None:
        """Keep a render; a cache that cannot be written only costs the next build a browser."""
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.cache_dir, suffix=".tmp", delete=False) as out:
                out.write(svg)
            os.replace(out.name, self.cache_dir / f"{key}.svg")  # atomic: parallel builds never read half a file
        except OSError as error:
            self.cache_error = f"{self.cache_dir}: {error.strerror or error}"

    def close(self) -> None:
        if self._page is not None:
            self._page.close()
            self._page = None


def locate(source: str, pages: list[tuple[str, str]]) -> tuple[str, int] | None:
    """(page, line of the opening fence) of the first Markdown diagram whose source is ``source``.

    ``pages`` is (display path, Markdown text), the rendered page first: a
    diagram on the whole-day page is found in the session it came from.
    Fences are found by :mod:`curriculum.scanner`, as the checker finds
    them, so the build and the checker name the same line.
    """
    from curriculum.mermaid_fence import protect_labels
    from curriculum.scanner import scan

    for path, text in pages:
        for fence in scan(text.splitlines()).fences:
            if fence.language == "mermaid" and fence.closed and protect_labels("\n".join(fence.content)).strip() == source.strip():
                return path, fence.line
    return None


def error_line(fence_line: int, message: str, length: int) -> int:
    """The file line a Mermaid error names, else the fence's.

    Mermaid counts from the line after the fence; "got EOF" names the line
    after the last, so the line is kept within the ``length`` lines of the diagram.
    """
    match = re.search(r"on line (\d+)", message)
    return fence_line + min(max(int(match.group(1)), 1), max(length, 1)) if match else fence_line


def replace_fences(page_html: str, renderer: DiagramRenderer) -> tuple[str, list[tuple[str, str]]]:
    """Swap every diagram fence in a page's HTML for its rendered SVG.

    Returns the new HTML and, for each diagram Mermaid rejected, its source
    and Mermaid's message (that diagram stays a code block).
    """
    matches = list(FENCE_HTML.finditer(page_html))
    if not matches:
        return page_html, []
    sources = [html.unescape(match.group("source")) for match in matches]
    results = renderer.render(sources)
    failures: list[tuple[str, str]] = []
    pieces: list[str] = []
    last = 0
    for match, source, result in zip(matches, sources, results):
        pieces.append(page_html[last : match.start()])
        attrs = match.group("attrs")
        if result.svg is not None:
            pieces.append(host_html(result.svg, attrs))
        else:
            # Not class="mermaid": Material's bundle would fetch Mermaid from a CDN to retry it.
            attrs = MERMAID_CLASS.sub(r"\1cur-diagram-error\2", attrs)
            pieces.append(f"<pre{attrs}><code>{match.group('source')}</code></pre>")
            failures.append((source, result.error or "unknown error"))
        last = match.end()
    pieces.append(page_html[last:])
    return "".join(pieces), failures
