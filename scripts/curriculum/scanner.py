"""The one line scanner of a page's Markdown: fences, ``///`` blocks, headings, markers.

Every reader of page Markdown (the model's body rules, the marker expansion
and facilitator features of the build, the diagram renderer's locate step
and the checker) goes through :func:`scan`, so where a code fence ends, what
opens a block and what counts as a heading is decided in one place.

The scan is line-based, like the parts of Python-Markdown it mirrors:

* a fence opens with three or more backticks or tildes (any indent) and
  closes on a line holding only at least as many of the same character;
  nothing inside a fence is a heading, a block or a marker;
* a block opens with ``/// name`` (optionally ``| title``), followed by its
  option lines (``    key: value``, four spaces, as pymdownx.blocks reads
  them as YAML) and closes with a line of as many slashes as it opened with;
* a heading is an ATX heading (``#`` to ``######``);
* a marker is an HTML comment ``<!-- cur:name args -->`` on a line of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

import yaml

FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
HEADING = re.compile(r"^(?P<hashes>#{1,6})(?:\s+(?P<text>.*?))?\s*#*\s*$")
BLOCK_OPEN = re.compile(r"^(?P<slashes>/{3,})\s*(?P<name>[a-z][\w-]*)\s*(?:\|\s*(?P<title>.*?))?\s*$")
BLOCK_CLOSE = re.compile(r"^(?P<slashes>/{3,})\s*$")
OPTION = re.compile(r"^\s{4}(?P<key>[a-z_]+)\s*:\s*(?P<value>.*?)\s*$")
#: A block marker; ``cur:fact`` is the inline fact marker (curriculum.facts), replaced later.
MARKER = re.compile(r"^<!--\s*cur:(?!fact\b)(?P<name>[a-z-]+)(?P<args>[^>]*?)\s*-->\s*$")


@dataclass
class Fence:
    """A fenced code block; ``line`` is the file line of its opening fence."""

    line: int
    info: str
    indent: int
    content: list[str] = field(default_factory=list)
    closed: bool = True

    @property
    def language(self) -> str:
        """The first word of the info string: ``mermaid`` for ```` ```mermaid ```` and ``{.mermaid #id}``."""
        info = self.info.strip().lstrip("{").strip()
        return info.split()[0].lstrip(".").lower() if info else ""


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str  # the raw text after the hashes, attribute list included


@dataclass
class Block:
    """A ``/// name | title`` block with its option lines."""

    line: int
    name: str
    title: str
    slashes: int
    options: dict[str, str] = field(default_factory=dict)
    option_lines: list[str] = field(default_factory=list)
    end: int | None = None  # file line of the closing '///', None when never closed

    @cached_property
    def options_error(self) -> str | None:
        """Why pymdownx.blocks would refuse the option lines (it reads them as YAML), or None."""
        if not self.option_lines:
            return None
        try:
            parsed = yaml.safe_load("\n".join(line[4:] for line in self.option_lines))
        except yaml.YAMLError as error:
            return str(getattr(error, "problem", None) or error).splitlines()[0]
        if not isinstance(parsed, dict):
            return "options must be 'key: value' lines"
        return None

    def contains(self, line: int) -> bool:
        """True for a line inside the block (its opening and closing lines included)."""
        return self.line <= line and (self.end is None or line <= self.end)


@dataclass(frozen=True)
class Marker:
    line: int
    name: str
    args: str


@dataclass
class Scan:
    """What :func:`scan` found; every line number is a 1-based file line."""

    lines: list[str]
    first_line: int
    in_fence: list[bool]  # per line of ``lines``: fence lines and fenced code
    syntax: list[bool]  # per line: a block's opening, option or closing line
    fences: list[Fence] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)

    def unclosed_fence(self) -> Fence | None:
        return next((f for f in self.fences if not f.closed), None)

    @cached_property
    def heading_at(self) -> dict[int, Heading]:
        return {h.line: h for h in self.headings}

    def text_lines(self) -> Iterator[tuple[int, str]]:
        """(file line, text) of every line that is neither code nor block syntax."""
        for index, raw in enumerate(self.lines):
            if not self.in_fence[index] and not self.syntax[index]:
                yield self.first_line + index, raw


def scan(lines: list[str], first_line: int = 1) -> Scan:
    """Scan ``lines``; ``first_line`` is the file line of ``lines[0]``."""
    result = Scan(lines, first_line, [False] * len(lines), [False] * len(lines))
    fence: Fence | None = None
    marker = ""
    open_blocks: list[Block] = []
    index = 0
    while index < len(lines):
        raw = lines[index]
        number = first_line + index
        if fence is not None:
            result.in_fence[index] = True
            stripped = raw.strip()
            if stripped.startswith(marker) and set(stripped) == {marker[0]}:
                fence = None
            else:
                indent = fence.indent
                fence.content.append(raw[indent:] if raw[:indent].strip() == "" else raw.lstrip())
            index += 1
            continue
        if match := FENCE.match(raw):
            marker = match.group("fence")
            fence = Fence(number, match.group("info"), len(match.group("indent")))
            result.fences.append(fence)
            result.in_fence[index] = True
        elif match := HEADING.match(raw):
            result.headings.append(Heading(number, len(match.group("hashes")), (match.group("text") or "").strip()))
        elif match := BLOCK_OPEN.match(raw):
            block = Block(number, match.group("name"), (match.group("title") or "").strip(), len(match.group("slashes")))
            result.syntax[index] = True
            while index + 1 < len(lines) and (option := OPTION.match(lines[index + 1])):
                index += 1
                block.option_lines.append(lines[index])
                block.options[option.group("key")] = option.group("value").strip().strip("\"'")
                result.syntax[index] = True
            result.blocks.append(block)
            open_blocks.append(block)
        elif match := BLOCK_CLOSE.match(raw):
            slashes = len(match.group("slashes"))
            for depth in range(len(open_blocks) - 1, -1, -1):
                if open_blocks[depth].slashes == slashes:
                    open_blocks[depth].end = number
                    del open_blocks[depth:]
                    result.syntax[index] = True
                    break
        elif match := MARKER.match(raw):
            result.markers.append(Marker(number, match.group("name"), match.group("args").strip()))
        index += 1
    if fence is not None:
        fence.closed = False
    return result
