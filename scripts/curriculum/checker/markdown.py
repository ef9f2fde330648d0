"""A light scan of a Markdown page for the checker: which lines are prose.

Code fences (found with the model's own ``FENCE`` pattern), inline code and
one-line HTML comments are blanked out with spaces, so a rule that searches
the prose never matches an example, and every column still matches the file.
The scan also lists the fences (Mermaid diagrams among them) and headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from curriculum.model import FENCE, HEADING
from curriculum.source import PageSource

INLINE_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
HTML_COMMENT = re.compile(r"<!--.*?-->")


@dataclass
class Fence:
    line: int  # file line of the opening fence
    info: str
    indent: int
    content: list[str] = field(default_factory=list)
    closed: bool = True

    @property
    def language(self) -> str:
        info = self.info.strip().lstrip("{").strip()
        return info.split()[0].lstrip(".").lower() if info else ""


@dataclass
class MarkdownDoc:
    """One page's lines, prose-only copy, fences and headings (1-based file lines)."""

    rel: str
    lines: list[str]  # every line of the file
    prose: list[str]  # same length; front matter, code and comments blanked
    fences: list[Fence]
    headings: list[tuple[int, int, str]]  # (line, level, text)

    def unclosed_fence(self) -> Fence | None:
        return next((f for f in self.fences if not f.closed), None)

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
    prose = list(lines)
    first = page.body_first_line
    for index in range(min(first - 1, len(lines))):
        prose[index] = blank(lines[index])
    fences: list[Fence] = []
    headings: list[tuple[int, int, str]] = []
    current: Fence | None = None
    marker = ""
    for index in range(first - 1, len(lines)):
        raw = lines[index]
        number = index + 1
        if current is not None:
            stripped = raw.strip()
            if stripped.startswith(marker) and set(stripped) == {marker[0]}:
                current = None
            else:
                indent = current.indent
                current.content.append(raw[indent:] if raw[:indent].strip() == "" else raw.lstrip())
            prose[index] = blank(raw)
            continue
        match = FENCE.match(raw)
        if match:
            marker = match.group("fence")
            current = Fence(number, match.group("info"), len(match.group("indent")))
            fences.append(current)
            prose[index] = blank(raw)
            continue
        text = raw
        if "`" in text:
            text = INLINE_CODE.sub(lambda m: blank(m.group(0)), text)
        if "<!--" in text:
            text = HTML_COMMENT.sub(lambda m: blank(m.group(0)), text)
        prose[index] = text
        if text.startswith("#"):
            heading = HEADING.match(text)
            if heading:
                headings.append((number, len(heading.group("hashes")), (heading.group("text") or "").strip()))
    if current is not None:
        current.closed = False
    return MarkdownDoc(page.rel, lines, prose, fences, headings)
