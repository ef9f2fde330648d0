"""A light scan of a Markdown page for the checker: which lines are prose.

Code fences (found by :mod:`curriculum.scanner`), inline code and
one-line HTML comments are blanked out with spaces, so a rule that searches
the prose never matches an example, and every column still matches the file.
The scan also lists the fences (Mermaid diagrams among them) and headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from curriculum import scanner
from curriculum.source import PageSource

INLINE_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
HTML_COMMENT = re.compile(r"<!--.*?-->")


@dataclass
class MarkdownDoc:
    """One page's lines, prose-only copy, fences and headings (1-based file lines)."""

    rel: str
    lines: list[str]  # every line of the file
    prose: list[str]  # same length; front matter, code and comments blanked
    scan: scanner.Scan  # fences, blocks, headings and markers of the body
    headings: list[tuple[int, int, str]]  # (line, level, text)

    @property
    def fences(self) -> list[scanner.Fence]:
        return self.scan.fences

    def unclosed_fence(self) -> scanner.Fence | None:
        return self.scan.unclosed_fence()

    def find(self, needle: str, nth: int = 0, heading_only: bool = False) -> tuple[int, int] | None:
        """(line, col) of the nth occurrence of ``needle`` in the prose, or None."""
        if not needle:
            return None
        count = 0
        for number, text in enumerate(self.prose, start=1):
            if heading_only and not text.lstrip().startswith("#"):
                continue
            start = text.find(needle)
            while start != -1:
                if count == nth:
                    return number, start + 1
                count += 1
                start = text.find(needle, start + 1)
        return None

    def locate(self, needles: list[str], nth: int = 0, default: tuple[int, int] = (1, 1)) -> tuple[int, int]:
        """The first needle found (its nth occurrence, else its first), else ``default``."""
        for needle in needles:
            found = self.find(needle, nth) or self.find(needle)
            if found:
                return found
        return default


def blank(text: str) -> str:
    return " " * len(text)


def scan(page: PageSource) -> MarkdownDoc:
    lines = page.text.splitlines()
    first = page.body_first_line
    found = scanner.scan(lines[first - 1 :], first)
    prose = [blank(line) for line in lines[: first - 1]]
    for raw, in_code in zip(found.lines, found.in_fence):
        text = raw
        if in_code:
            text = blank(raw)
        else:
            if "`" in text:
                text = INLINE_CODE.sub(lambda m: blank(m.group(0)), text)
            if "<!--" in text:
                text = HTML_COMMENT.sub(lambda m: blank(m.group(0)), text)
        prose.append(text)
    headings = [(h.line, h.level, h.text) for h in found.headings]
    return MarkdownDoc(page.rel, lines, prose, found, headings)
