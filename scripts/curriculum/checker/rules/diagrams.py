"""Diagrams (M1xx): every Mermaid block parses with the site's own Mermaid and
has an accessible title and description.

Parsing happens before the rules run (the CLI overlaps it with the build);
this module collects the diagrams and turns the results into findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from curriculum import facts
from curriculum.diagrams import MERMAID_SCRIPT, error_line
from curriculum.mermaid_fence import protect_labels

from ..findings import Finding
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
)
UNAVAILABLE, SYNTAX, NO_TITLE, NO_DESCR = RULES

ACC_TITLE = re.compile(r"^\s*accTitle\s*:\s*\S")
ACC_DESCR = re.compile(r"^\s*accDescr\s*(:\s*\S|\{)")


@dataclass(frozen=True)
class Diagram:
    rel: str
    line: int  # the opening fence
    col: int
    source: str  # what the browser receives (labels protected)
    raw: list[str]


def collect(site: Site) -> list[Diagram]:
    diagrams = []
    # Parsed as the build renders them: with the running example's facts inserted.
    values = facts.load_facts(site.docs_dir / facts.FACTS_FILE).facts
    for rel in site.pages:
        for fence in site.docs[rel].fences:
            if fence.language == "mermaid" and fence.closed:
                diagrams.append(
                    Diagram(
                        rel,
                        fence.line,
                        fence.indent + 1,
                        protect_labels(facts.substitute_text("\n".join(fence.content), values)),
                        fence.content,
                    )
                )
    return diagrams


def mermaid_script(site: Site) -> Path:
    """The vendored Mermaid the build renders the diagrams with."""
    return site.docs_dir / MERMAID_SCRIPT


def check(site: Site) -> Iterable[Finding]:
    diagrams = collect(site)
    site.counts["diagrams"] = len(diagrams)
    if diagrams and site.diagram_unavailable:
        first = diagrams[0]
        yield UNAVAILABLE.at(
            site.display(first.rel), first.line, first.col, f"{len(diagrams)} diagrams not parsed: {site.diagram_unavailable}"
        )
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
