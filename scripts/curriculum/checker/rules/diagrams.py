"""Diagrams (M1xx): every Mermaid block parses with the site's own Mermaid,
has an accessible title and description, loads nothing from another host,
uses no icon the site cannot draw offline, and is legible at the width of
the content column.

Parsing happens before the rules run (the CLI overlaps it with the build);
this module collects the diagrams and turns the results into findings. The
width check reads the build's diagram cache (the build has just drawn every
diagram), and is skipped for a diagram the cache does not hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from curriculum import facts
from curriculum.browser import Unavailable
from curriculum.diagram_sources import describe, inline_images, references
from curriculum.diagrams import MERMAID_SCRIPT, DiagramRenderer, error_line, natural_width
from curriculum.mermaid_fence import lift_accessibility, protect_labels

from ..findings import WARNING, Finding
from ..site import Site
from .base import Rule

#: The heading of this family in CONTRIBUTING.md's "Checker rules".
TITLE = "Diagrams"

RULES = (
    Rule(
        "M100",
        "diagrams-unchecked",
        "the diagrams could not be parsed because the browser is unavailable",
        "install what the message names, then rerun",
        "an unparsed diagram may be broken on the published page",
    ),
    Rule(
        "M101",
        "diagram-syntax",
        "a Mermaid diagram does not parse with the vendored Mermaid (the message is Mermaid's own)",
        "fix the diagram at the line named; try it in a local 'mkdocs serve'",
        "a diagram Mermaid cannot parse shows as raw code to readers",
    ),
    Rule(
        "M102",
        "diagram-acc-title",
        "a diagram has no 'accTitle:' line",
        "add 'accTitle: <short title>' after the diagram type line",
        "the title is the diagram's accessible name for screen readers",
    ),
    Rule(
        "M103",
        "diagram-acc-descr",
        "a diagram has no 'accDescr:' line or block",
        "add 'accDescr: <one sentence saying what the diagram shows>'",
        "the description is what a screen-reader user gets instead of the picture",
    ),
    Rule(
        "M104",
        "diagram-image",
        "a diagram image is on another host, or is not a file under docs/ (the reader's browser would leave the site)",
        "save the image under docs/assets/images/ and use a path relative to the page",
        "an image from another host breaks the site's promise to work offline and tells that host who reads the page",
    ),
    Rule(
        "M105",
        "diagram-icon",
        "a diagram uses an icon from an icon pack (fa:, logos:, ...): the site ships none, so it would draw nothing or '?'",
        "remove it, or draw it as an image node with a local SVG (CONTRIBUTING, 'Diagrams')",
        "an icon the build cannot draw silently disappears from the diagram readers see",
    ),
    Rule(
        "M106",
        "diagram-too-wide",
        "a diagram is so wide that the content column shows it below 60% of its size (labels too small to read)",
        "split it into two diagrams, or turn it ('flowchart TB' instead of 'LR'); readers can still open it full size",
        "scaled below 60% the labels fall under about 10 px, too small to read on a laptop",
        WARNING,
    ),
)
UNAVAILABLE, SYNTAX, NO_TITLE, NO_DESCR, IMAGE, ICON, TOO_WIDE = RULES

ACC_TITLE = re.compile(r"^\s*accTitle\s*:\s*\S")
ACC_DESCR = re.compile(r"^\s*accDescr\s*(:\s*\S|\{)")

#: The article column's width in CSS pixels on a 1280 px wide laptop screen with both sidebars
#: (Material's default layout, measured on the built site), and the smallest scale still legible.
CONTENT_WIDTH = 688
MIN_SCALE = 0.6


@dataclass(frozen=True)
class Diagram:
    rel: str
    line: int  # the opening fence
    col: int
    source: str  # what the browser receives (labels protected, a mindmap's accessibility lines as comments)
    raw: list[str]


def collect(site: Site) -> list[Diagram]:
    diagrams = []
    # Parsed as the build renders them: with the running example's facts inserted.
    values = facts.load_facts(site.docs_dir / facts.FACTS_FILE).facts
    for rel in site.pages:
        for fence in site.docs[rel].fences:
            if fence.language == "mermaid" and fence.closed:
                source, _ = lift_accessibility(protect_labels(facts.substitute_text("\n".join(fence.content), values)))
                diagrams.append(Diagram(rel, fence.line, fence.indent + 1, source, fence.content))
    return diagrams


def mermaid_script(site: Site) -> Path:
    """The vendored Mermaid the build renders the diagrams with."""
    return site.docs_dir / MERMAID_SCRIPT


def loads(site: Site, diagram: Diagram, path: str) -> Iterable[Finding]:
    """Images on another host or missing, and icons: one finding each, at its own line."""
    for reference in references(diagram.source, site.docs_dir, diagram.rel):
        rule = ICON if reference.kind == "icon" else IMAGE
        message, fix = describe(reference)
        yield rule.at(path, diagram.line + reference.line, diagram.col, message, fix)


def width(site: Site, diagram: Diagram, renderer: DiagramRenderer, path: str) -> Iterable[Finding]:
    """A warning when the column would show the drawn diagram below MIN_SCALE of its size."""
    try:
        cached = renderer.cached(inline_images(diagram.source, site.docs_dir, diagram.rel))
    except (Unavailable, OSError):
        return
    drawn = natural_width(cached.svg) if cached and cached.svg else None
    if drawn and CONTENT_WIDTH / drawn < MIN_SCALE:
        yield TOO_WIDE.at(
            path,
            diagram.line,
            diagram.col,
            f"diagram is {drawn:.0f} px wide: the {CONTENT_WIDTH} px content column shows it at {100 * CONTENT_WIDTH / drawn:.0f}% of its size",
        )


def check(site: Site) -> Iterable[Finding]:
    diagrams = collect(site)
    site.counts["diagrams"] = len(diagrams)
    if diagrams and site.diagram_unavailable:
        first = diagrams[0]
        yield UNAVAILABLE.at(
            site.display(first.rel), first.line, first.col, f"{len(diagrams)} diagrams not parsed: {site.diagram_unavailable}"
        )
    renderer = DiagramRenderer(mermaid_script(site))  # reads the cache only: starts no browser
    for diagram in diagrams:
        path = site.display(diagram.rel)
        error = site.diagram_results.get((diagram.rel, diagram.line))
        if error:
            line = error_line(diagram.line, error, len(diagram.raw))
            where = f" (the diagram's fence opens on line {diagram.line})" if line != diagram.line else ""
            yield SYNTAX.at(path, line, diagram.col, f"Mermaid cannot parse this diagram: {' '.join(error.split())}{where}")
        if not any(ACC_TITLE.match(line) for line in diagram.raw):
            yield NO_TITLE.at(path, diagram.line, diagram.col, "diagram has no 'accTitle:'")
        if not any(ACC_DESCR.match(line) for line in diagram.raw):
            yield NO_DESCR.at(path, diagram.line, diagram.col, "diagram has no 'accDescr:'")
        yield from loads(site, diagram, path)
        if not error:
            yield from width(site, diagram, renderer, path)
