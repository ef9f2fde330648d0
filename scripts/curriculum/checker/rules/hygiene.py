"""Hygiene (P101): no placeholder text in published pages.

Every Markdown file under docs/ (includes too: they are appended to pages)
is searched outside code blocks and inline code for TODO, TBD, FIXME, XXX
(capitals, as whole words), and "lorem ipsum", "coming soon" (any case).
"""

from __future__ import annotations

import re
from typing import Iterable

from ..findings import Finding
from ..site import Site
from .base import Rule

RULES = (
    Rule("P101", "placeholder", "placeholder text (TODO, TBD, FIXME, XXX, lorem ipsum, coming soon) in a published page", "write the real content, or delete the line"),
)
(PLACEHOLDER,) = RULES

PATTERN = re.compile(r"\b(TODO|TBD|FIXME|XXX)\b|(?i:\b(lorem ipsum|coming soon)\b)")


def check(site: Site) -> Iterable[Finding]:
    for rel, doc in site.docs.items():
        text = "\n".join(doc.prose)
        if not PATTERN.search(text):
            continue
        for number, line in enumerate(doc.prose, start=1):
            for match in PATTERN.finditer(line):
                yield PLACEHOLDER.at(site.display(rel), number, match.start() + 1, f"placeholder text '{match.group(0)}'")
        source = site.source(rel)
        # Front matter is published too (title, summary, objectives).
        for number in range(1, source.body_first_line if source else 1):
            for match in PATTERN.finditer(doc.lines[number - 1]):
                yield PLACEHOLDER.at(site.display(rel), number, match.start() + 1, f"placeholder text '{match.group(0)}'")
