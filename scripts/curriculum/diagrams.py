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

Labels are measured and drawn in one vendored font (:data:`FONT_FILES`,
declared for readers by ``assets/stylesheets/diagrams.css``), so a label
is as wide in every reader's browser as it was at build time, whatever
fonts their system has. A gantt chart's "today" line is removed: it would
show the build's date for ever.

Rendering is cached by a hash of everything that shapes the SVG (this
module's version and render script, Mermaid's and the font's SHA-256, the
theme CSS, Material's stylesheets, the source with its local images
inlined), so an ordinary build starts no browser. A rejected diagram's
message is cached the same way. A diagram Mermaid rejects stays a code
block and is reported as ``file:line: M101 ...``, the checker's own code.
"""

from __future__ import annotations

import base64
import hashlib
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
RENDERER_VERSION = "2"

#: The vendored library, relative to the docs folder (scripts/vendor_assets.py).
MERMAID_SCRIPT = Path("assets") / "vendor" / "mermaid" / "mermaid.min.js"

#: The diagram font's family name and its vendored files (weight -> path relative to the docs folder).
#: The name is the site's own, so a reader's installed "Inter" can never stand in for it.
FONT_FAMILY = "Cur Diagram Inter"
FONT_FILES = {
    400: Path("assets") / "vendor" / "inter" / "inter-latin-400-normal.woff2",
    700: Path("assets") / "vendor" / "inter" / "inter-latin-700-normal.woff2",
}
#: The page-level stylesheet that declares the font for readers (diagram pages link it).
DIAGRAM_STYLESHEET = Path("assets") / "stylesheets" / "diagrams.css"

#: Added to Material's theme CSS (a file beside this module): the vendored font, and the colours the
#: palettes need for every diagram type (Material themes a few), measured for contrast.
EXTRA_THEME_CSS = (Path(__file__).with_name("diagram-theme.css")).read_text(encoding="utf-8")

#: The gantt "today" line, drawn at the build's date: removed (it would never move).
TODAY_MARKER = re.compile(r'<g class="today">.*?</g>', re.DOTALL)

#: Material's Mermaid set-up (components/content/mermaid/index.ts), plus the
#: security level, which Material leaves at Mermaid's default, ``strict``.
RENDER_ALL = r"""
async ({ diagrams, themeCSS, fontFamily, fonts }) => {
  for (const { weight, data } of fonts) {
    const face = new FontFace(fontFamily, `url(data:font/woff2;base64,${data})`, { weight: String(weight) });
    document.fonts.add(await face.load());
  }
  const family = `'${fontFamily}', sans-serif`;
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    themeCSS,
    fontFamily: family,
    // Local images arrive inlined as data: URIs (curriculum.diagram_sources), longer than Mermaid's 50 000 default.
    maxTextSize: 5000000,
    themeVariables: { fontFamily: family },
    sequence: { actorFontSize: '16px', messageFontSize: '16px', noteFontSize: '16px' },
  });
  const securityLevel = mermaid.mermaidAPI.getConfig().securityLevel;
  // A node an author filled (classDef, style) keeps that fill in both palettes, so its label gets the
  // colour, black or white, that reads best on it, unless the author chose one.
  const probe = document.body.appendChild(document.createElement('i'));
  const rgb = (colour) => { probe.style.color = ''; probe.style.color = colour; return getComputedStyle(probe).color.match(/[\d.]+/g).map(Number); };
  const luminance = ([r, g, b]) => [r, g, b].map(c => (c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  const readableLabels = (svg) => {
    const holder = document.createElement('div');
    holder.innerHTML = svg;
    for (const node of holder.querySelectorAll('g.node')) {
      const shape = [...node.querySelectorAll('rect, polygon, circle, ellipse, path')].find(s => /fill\s*:/.test(s.getAttribute('style') || ''));
      if (!shape || node.querySelector('[style*="color:"]')) continue;
      const fill = (shape.getAttribute('style').match(/fill\s*:\s*([^;!]+)/) || [])[1];
      if (!fill || fill.trim() === 'none') continue;
      const text = luminance(rgb(fill.trim())) > 0.179 ? '#000' : '#fff';
      node.querySelectorAll('.nodeLabel, .nodeLabel p').forEach(label => label.style.setProperty('color', text, 'important'));
      node.querySelectorAll('text, tspan').forEach(label => label.style.setProperty('fill', text, 'important'));
    }
    return holder.innerHTML;
  };
  const results = [];
  for (const { id, source } of diagrams) {
    try {
      const { svg } = await mermaid.render(id, source);
      results.push({ svg: readableLabels(svg) });
    } catch (error) {
      for (const stray of [document.getElementById(id), document.getElementById('d' + id)]) stray && stray.remove();
      results.push({ error: String((error && (error.str || error.message)) || error) });
    }
  }
  return { securityLevel, results };
}
"""


#: The drawn width Mermaid gives the SVG (``viewBox="x y width height"``).
VIEWBOX = re.compile(r'<svg\b[^>]*?\bviewBox="[-\d.e]+ [-\d.e]+ (?P<width>[\d.e]+) ')


def natural_width(svg: str) -> float | None:
    """The width a diagram is drawn at, in CSS pixels, before the page scales it down."""
    match = VIEWBOX.search(svg)
    return float(match.group("width")) if match else None


@dataclass(frozen=True)
class Rendered:
    """A diagram's SVG; or Mermaid's message rejecting it; or, in a preview, why it could not be drawn."""

    svg: str | None
    error: str | None = None
    unavailable: str | None = None


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


class DiagramRenderer:
    """Renders Mermaid sources to SVG, from the cache or in one lazily started browser."""

    def __init__(self, mermaid_script: Path, cache_dir: Path | None = None, *, preview: bool = False) -> None:
        self.script = mermaid_script
        self.docs_dir = mermaid_script.parents[len(MERMAID_SCRIPT.parts) - 1]
        self.cache_dir = cache_dir or default_cache_dir()
        #: In a preview a missing browser is not fatal: uncached diagrams come back ``unavailable``.
        self.preview = preview
        self.unavailable: str | None = None  # why the browser could not start, once it could not (preview)
        self._page: BrowserPage | None = None
        self.rendered = 0  # diagrams rendered by the browser (cache misses) in this build
        self._salt: str | None = None
        self._fonts: list[dict[str, object]] | None = None
        self.cache_error: str | None = None  # why renders could not be kept, if they could not

    def fonts(self) -> list[dict[str, object]]:
        """The vendored font files, base64, for the render page (raises Unavailable when one is missing)."""
        if self._fonts is None:
            fonts = []
            for weight, rel in FONT_FILES.items():
                path = self.docs_dir / rel
                if not path.is_file():
                    raise Unavailable(f"the vendored diagram font is missing at {path}: run 'python scripts/vendor_assets.py'")
                fonts.append({"weight": weight, "data": base64.b64encode(path.read_bytes()).decode("ascii")})
            self._fonts = fonts
        return self._fonts

    def key(self, source: str) -> str:
        """The cache key: a hash of everything that can change the drawing of ``source``."""
        if self._salt is None:
            if not self.script.is_file():
                raise Unavailable(f"the vendored Mermaid is missing at {self.script}: run 'python scripts/vendor_assets.py'")
            theme_css, stylesheets = material_assets()
            mermaid_sha = hashlib.sha256(self.script.read_bytes()).hexdigest()
            font_sha = hashlib.sha256("".join(str(font["data"]) for font in self.fonts()).encode("ascii")).hexdigest()
            # Material's stylesheet names carry their content hash.
            sheets = ",".join(sheet.name for sheet in stylesheets)
            parts = (RENDERER_VERSION, RENDER_ALL, EXTRA_THEME_CSS, mermaid_sha, font_sha, theme_css, sheets)
            self._salt = "\0".join(parts) + "\0"
        return hashlib.sha256((self._salt + source).encode("utf-8")).hexdigest()

    def cached(self, source: str) -> Rendered | None:
        """The cached result for ``source`` (an SVG or a rejection), or None."""
        key = self.key(source)
        for suffix, make in ((".svg", Rendered), (".error", lambda text: Rendered(None, text))):
            try:
                return make((self.cache_dir / f"{key}{suffix}").read_text(encoding="utf-8"))
            except OSError:
                continue
        return None

    def render(self, sources: list[str]) -> list[Rendered]:
        """One result per source, in order; misses are rendered in one browser call."""
        keys = [self.key(source) for source in sources]
        results: dict[str, Rendered] = {}
        missing: dict[str, str] = {}
        for key, source in zip(keys, sources):
            if (hit := self.cached(source)) is not None:
                results[key] = hit
            else:
                missing[key] = source
        if missing:
            for key, result in zip(missing, self._render_missing(missing)):
                results[key] = result
                if result.svg is not None:
                    self._store(key, ".svg", result.svg)
                elif result.error is not None:
                    self._store(key, ".error", result.error)  # so a later build need not start a browser to reject it again
        return [results[key] for key in keys]

    def _render_missing(self, missing: dict[str, str]) -> list[Rendered]:
        if self.preview:
            try:
                if self.unavailable is None:
                    return self._render_in_browser(missing)
            except Unavailable as error:
                self.unavailable = str(error)
            return [Rendered(None, unavailable=self.unavailable) for _ in missing]
        return self._render_in_browser(missing)

    def _render_in_browser(self, missing: dict[str, str]) -> list[Rendered]:
        theme_css, _ = material_assets()
        page = self._browser()
        # Ids are the hash: stable, so an entry's SVG never depends on render order.
        diagrams = [{"id": f"mermaid-{key[:16]}", "source": source} for key, source in missing.items()]
        arg = {"diagrams": diagrams, "themeCSS": theme_css, "fontFamily": FONT_FAMILY, "fonts": self.fonts()}
        answer = page.evaluate(RENDER_ALL, arg)
        if answer["securityLevel"] != "strict":
            raise Unavailable(f"Mermaid's security level is {answer['securityLevel']!r}, not 'strict': refusing to render")
        self.rendered += sum(1 for r in answer["results"] if "svg" in r)
        return [Rendered(TODAY_MARKER.sub("", r["svg"]) if "svg" in r else None, r.get("error")) for r in answer["results"]]

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

    def _store(self, key: str, suffix: str, text: str) -> None:
        """Keep a result; a cache that cannot be written only costs the next build a browser."""
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.cache_dir, suffix=".tmp", delete=False) as out:
                out.write(text)
            os.replace(out.name, self.cache_dir / f"{key}{suffix}")  # atomic: parallel builds never read half a file
        except OSError as error:
            self.cache_error = f"{self.cache_dir}: {error.strerror or error}"

    def close(self) -> None:
        if self._page is not None:
            self._page.close()
            self._page = None


def error_line(fence_line: int, message: str, length: int) -> int:
    """The file line a Mermaid error names, else the fence's.

    Mermaid counts from the line after the fence; "got EOF" names the line
    after the last, so the line is kept within the ``length`` lines of the diagram.
    """
    match = re.search(r"on line (\d+)", message)
    return fence_line + min(max(int(match.group(1)), 1), max(length, 1)) if match else fence_line
