"""Headings (H1xx) of the built page: one H1, no skipped level, none empty,
no duplicate text under the same parent."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..findings import Finding
from ..site import Site
from .base import Rule

#: The heading of this family in CONTRIBUTING.md's "Checker rules".
TITLE = "Headings"

RULES = (
    Rule(
        "H101",
        "h1-count",
        "a built page has no H1 or more than one",
        "a page has one '# Title' (session pages: none, the title comes from front matter)",
        "the H1 names the page for screen readers and search; none or two confuse both",
    ),
    Rule(
        "H102",
        "heading-skip",
        "a heading skips a level (e.g. H2 then H4)",
        "use the next level down: '###' under '##'",
        "screen-reader users navigate by heading level; a skipped level looks like a missing section",
    ),
    Rule(
        "H103",
        "heading-empty",
        "a heading has no text",
        "write the heading's text or delete the line",
        "an empty heading is an empty stop in the page outline",
    ),
    Rule(
        "H104",
        "heading-duplicate",
        "two headings under the same parent have the same text",
        "make each heading say what its section adds",
        "two identical headings give two identical anchors and outline entries",
    ),
)
H1_COUNT, SKIP, EMPTY, DUPLICATE = RULES


MARKUP = re.compile(r"[*_`~]|\[|\]\([^)]*\)|\]|\{[^}]*\}\s*$")
QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2013": "-", "\u2014": "-"})


def _plain(text: str) -> str:
    """Heading text without Markdown markup or typographic quotes, for matching source to HTML."""
    return " ".join(MARKUP.sub("", text.translate(QUOTES)).split()).casefold()


def _where(site: Site, rel: str, text: str, nth: int) -> tuple[int, int]:
    """The source line of the nth heading with this text, else the text in a heading line, else the page's generated line."""
    doc = site.docs[rel]
    plain = _plain(text)
    for number, _, source_text in doc.headings:
        if _plain(source_text) == plain:
            nth -= 1
            if nth < 0:
                return number, 1
    found = doc.find(text, heading_only=True) if text else None
    return found or site.generated_line(rel)


def check(site: Site) -> Iterable[Finding]:
    for rel, page in site.built.items():
        if not page.found_article:
            continue
        doc = site.docs[rel]
        path = site.display(rel)
        seen_text: dict[str, int] = {}

        h1s = [h for h in page.headings if h.level == 1]
        if len(h1s) != 1:
            source_h1 = [number for number, level, _ in doc.headings if level == 1]
            line = source_h1[-1] if len(h1s) > 1 and source_h1 else site.title_line(rel)
            yield H1_COUNT.at(path, line, 1, f"the built page has {len(h1s)} H1 headings; it needs exactly one")
        previous = 0
        parents: list[tuple[int, dict[str, int]]] = [(0, {})]  # (level, texts seen among its children)
        for heading in page.headings:
            key = heading.text.casefold()
            while parents and parents[-1][0] >= heading.level:
                parents.pop()
            siblings = parents[-1][1] if parents else {}
            problems: list[tuple[Rule, str, str | None]] = []
            if not heading.text:
                problems.append((EMPTY, f"empty H{heading.level} heading", None))
            if previous and heading.level > previous + 1:
                problems.append(
                    (
                        SKIP,
                        f"H{heading.level} '{heading.text}' follows an H{previous}: level {previous + 1} is skipped",
                        f"make it {'#' * (previous + 1)} or add the missing level above it",
                    )
                )
            if key and key in siblings:
                problems.append((DUPLICATE, f"H{heading.level} '{heading.text}' repeats a heading under the same parent", None))
            previous = heading.level
            siblings[key] = 1
            parents.append((heading.level, {}))
            occurrence = seen_text.get(heading.text, 0)
            seen_text[heading.text] = occurrence + 1
            if problems:
                line, col = _where(site, rel, heading.text, occurrence)
                for rule, message, hint in problems:
                    yield rule.at(path, line, col, message, hint)
