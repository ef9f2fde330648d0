"""Diagrams in a built page: each Mermaid fence becomes its SVG, or stays its source and says why.

:func:`replace_fences` is the build's step (``on_page_content``): it checks
what each diagram would load (:mod:`curriculum.diagram_sources`), draws the
local images into it, renders it (:class:`curriculum.diagrams.DiagramRenderer`,
cached) and swaps the fence for a host holding the SVG in a declarative
shadow root. A diagram that cannot be drawn stays a code block, outside
Material's reach (no ``mermaid`` class, or Material's bundle would fetch
Mermaid from a CDN to retry it). :func:`locate` finds a diagram's fence in
the Markdown, by the checker's own scan, so the build and the checker name
the same line.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from curriculum.diagram_sources import Reference, first_image_line, inline_images, references
from curriculum.diagrams import Rendered, error_line
from curriculum.mermaid_fence import add_accessibility, lift_accessibility

#: What the superfences fence (``curriculum.mermaid_fence``) writes: ``<pre class="mermaid">``,
#: with any id or extra classes the author gave the fence (``{.mermaid .wide #flow}``).
FENCE_HTML = re.compile(
    r'<pre(?P<attrs>(?=[^>]*\bclass="(?:[^"]*\s)?mermaid(?:\s[^"]*)?")[^>]*)><code>(?P<source>.*?)</code></pre>', re.DOTALL
)
MERMAID_CLASS = re.compile(r'(\bclass="(?:[^"]*\s)?)mermaid((?:\s[^"]*)?")')


#: Under each drawn diagram: opens it full size (diagrams.js; hidden without JavaScript by
#: diagrams.css). Written here rather than added by the script, because adding it to a loaded
#: article restyles the rest of the page (curriculum.script_boxes says why).
OPEN_BUTTON = '<button type="button" class="cur-diagram-open">Open full size</button>'


def host_html(svg: str, attrs: str = ' class="mermaid"') -> str:
    """The diagram as the page holds it: a host (the fence's id and classes) with a declarative shadow root."""
    return f'<div{attrs}><template shadowrootmode="open">{svg}</template></div>'


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


#: Mermaid's message when an image node's picture cannot be loaded or decoded (not a syntax problem).
IMAGE_LOAD_ERROR = re.compile(r"image cannot be decoded|EncodingError|image.*(?:load|decode)", re.IGNORECASE)
SVG_ID = re.compile(r'<svg\b[^>]*?\bid="([^"]+)"')
#: Reference kinds that keep a diagram from being rendered: its browser would have to fetch them.
BLOCKING = {"external-image", "missing-image"}


class Renderer(Protocol):
    def render(self, sources: list[str]) -> list[Rendered]: ...


@dataclass
class DiagramPage:
    """A page's HTML with its diagrams swapped in, and what went wrong with any of them (by source)."""

    html: str
    drawn: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # Mermaid rejected it: (source, message)
    references: list[tuple[str, Reference]] = field(default_factory=list)  # images and icons it cannot have offline
    unavailable: str | None = None  # a preview could not draw some diagrams: why


#: Renders the marked box a preview shows for a diagram it could not draw: (attrs, escaped source, reason) -> HTML.
SourceBox = Callable[[str, str, str], str]
#: Renders the box a diagram is drawn into later, and keeps its SVG for the site: (svg, attrs) -> HTML.
Later = Callable[[str, str], str]


def code_block(attrs: str, escaped_source: str) -> str:
    attrs = MERMAID_CLASS.sub(r"\1cur-diagram-error\2", attrs)
    return f"<pre{attrs}><code>{escaped_source}</code></pre>"


def replace_fences(
    page_html: str,
    renderer: Renderer,
    docs_dir: Path | None = None,
    page_rel: str = "",
    source_box: SourceBox | None = None,
    later: Later | None = None,
) -> DiagramPage:
    """Swap every diagram fence in a page's HTML for its rendered SVG.

    ``docs_dir`` and ``page_rel`` (the page's Markdown path) locate local
    images; without them images are neither checked nor inlined.
    ``source_box`` is given in a preview only; ``later`` on a page whose
    diagrams are drawn when the reader reaches them (curriculum.diagram_on_demand).
    """
    matches = list(FENCE_HTML.finditer(page_html))
    page = DiagramPage(page_html)
    if not matches:
        return page
    sources = [html.unescape(match.group("source")) for match in matches]
    renderable: dict[int, str] = {}
    lifted: dict[int, dict[str, str]] = {}
    for index, source in enumerate(sources):
        found = references(source, docs_dir, page_rel) if docs_dir is not None else []
        page.references += [(source, reference) for reference in found]
        if not any(reference.kind in BLOCKING for reference in found):
            drawn, lifted[index] = lift_accessibility(source)
            renderable[index] = inline_images(drawn, docs_dir, page_rel) if docs_dir is not None else drawn
    results = dict(zip(renderable, renderer.render(list(renderable.values()))))
    pieces: list[str] = []
    last = 0
    for index, (match, source) in enumerate(zip(matches, sources)):
        pieces.append(page_html[last : match.start()])
        attrs, escaped = match.group("attrs"), match.group("source")
        result = results.get(index)
        if result is not None and result.svg is not None:
            svg_id = SVG_ID.search(result.svg)
            svg = add_accessibility(result.svg, lifted[index], svg_id.group(1) if svg_id else f"d{index}")
            pieces.append(later(svg, attrs) if later is not None else host_html(svg, attrs))
            pieces.append(OPEN_BUTTON)
            page.drawn += 1
        elif result is not None and result.unavailable is not None and source_box is not None:
            pieces.append(source_box(MERMAID_CLASS.sub(r"\1cur-diagram-source\2", attrs), escaped, result.unavailable))
            page.unavailable = result.unavailable
        else:
            pieces.append(code_block(attrs, escaped))
            if result is not None and result.error and IMAGE_LOAD_ERROR.search(result.error):
                page.references.append((source, Reference(first_image_line(source), "unloadable-image", " ".join(result.error.split()))))
            elif result is not None:
                page.failures.append((source, result.error or result.unavailable or "unknown error"))
        last = match.end()
    pieces.append(page_html[last:])
    page.html = "".join(pieces)
    return page


def report_lines(page: DiagramPage, pages: list[tuple[str, str]]) -> list[str]:
    """One ``path:line: CODE message (fix)`` line per problem, as the checker words them.

    ``pages`` is (display path, Markdown text), the rendered page first (see :func:`locate`).
    """
    from curriculum.diagram_sources import describe

    lines = []
    for source, message in page.failures:
        where, fence_line = locate(source, pages) or (pages[0][0], 1)
        line = error_line(fence_line, message, len(source.strip("\n").splitlines()))
        lines.append(
            f"{where}:{line}: M101 Mermaid cannot parse this diagram: {' '.join(message.split())} "
            "(fix the diagram; 'python scripts/check_site.py' lists every problem)"
        )
    for source, reference in page.references:
        where, line = locate(source, pages) or (pages[0][0], 1)
        code = "M105" if reference.kind == "icon" else "M104"
        message, fix = describe(reference)
        lines.append(f"{where}:{line + reference.line}: {code} {message} ({fix})")
    return lines
