"""Reading a Markdown page: front matter with the line of every key, and the body.

MkDocs parses front matter too, but it forgets where each key stood. The
checker must point at the line to fix and the build must name it in its
error, so both read pages through :func:`read_page`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .model.schema import PAGE_KINDS
from .rules import Problem, Rule

FRONT_MATTER_FENCE = "---"


def first_line_holding(text: str, needle: str, at_start: bool = False) -> int | None:
    """The number of ``text``'s first line holding ``needle`` (at its start if ``at_start``), or None.

    For files read as text where a key's place is all an error needs, such as mkdocs.yml.
    """
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(needle) if at_start else needle in line:
            return number
    return None


NOT_UTF8 = Rule(
    "F101",
    "not-utf8",
    "a page is not UTF-8",
    "re-save the file as UTF-8",
    "MkDocs reads pages as UTF-8; any other encoding stops the build or garbles the text",
)
UNCLOSED = Rule(
    "F102",
    "front-matter-unclosed",
    "front matter opened with '---' is never closed",
    "add a line '---' after the last key",
    "an unclosed block makes the whole page front matter, or none of it",
)
NOT_YAML = Rule(
    "F103",
    "front-matter-yaml",
    "front matter is not valid YAML, or not a mapping",
    "check indentation; quote values containing ':' or '#'",
    "MkDocs drops front matter it cannot read, so the page loses its title and kind",
)
RULES = (NOT_UTF8, UNCLOSED, NOT_YAML)


@dataclass
class PageSource:
    """One Markdown file as the model sees it."""

    path: Path
    rel: str  # path relative to docs_dir, with forward slashes
    text: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    body_lines: list[str] = field(default_factory=list)
    body_first_line: int = 1
    problems: list[Problem] = field(default_factory=list)

    @property
    def unreadable(self) -> bool:
        """True when the file is not UTF-8, so nothing of it could be read."""
        return any(p.rule is NOT_UTF8 for p in self.problems)

    @property
    def kind(self) -> str:
        """The ``kind:`` of the page (``page`` when absent or unknown)."""
        kind = self.meta.get("kind", "page")
        return kind if kind in PAGE_KINDS else "page"


def read_page(path: Path, docs_dir: Path) -> PageSource:
    """Read one page; decoding and YAML errors become problems, not exceptions."""
    page = PageSource(path=path, rel=path.relative_to(docs_dir).as_posix())
    try:
        page.text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        page.problems.append(NOT_UTF8.problem(line, f"file is not UTF-8 ({error.reason} at byte {error.start})"))
        return page
    meta, key_lines, body_start, problems = split_front_matter(page.text)
    page.meta, page.key_lines, page.problems = meta, key_lines, problems
    lines = page.text.splitlines()
    page.body_lines = lines[body_start - 1 :]
    page.body_first_line = body_start
    return page


def split_front_matter(text: str) -> tuple[dict[str, Any], dict[str, int], int, list[Problem]]:
    """Return (meta, key_lines, first body line, problems) for a page's text."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        return {}, {}, 1, []
    end = next((index for index, line in enumerate(lines[1:], start=1) if line.strip() in (FRONT_MATTER_FENCE, "...")), None)
    if end is None:
        return {}, {}, 1, [UNCLOSED.problem(1, "front matter opened with '---' is never closed")]
    source = "\n".join(lines[1:end])
    try:
        node = yaml.compose(source, Loader=yaml.SafeLoader)
        meta = yaml.safe_load(source) if node is not None else {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = (mark.line + 2) if mark is not None else 1
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        return (
            {},
            {},
            end + 2,
            [
                NOT_YAML.problem(
                    line, f"front matter is not valid YAML: {reason}", "check indentation and quote values that contain ':' or '#'"
                )
            ],
        )
    if not isinstance(meta, dict):
        return (
            {},
            {},
            end + 2,
            [NOT_YAML.problem(2, "front matter must be a mapping of 'key: value' lines", "see CONTRIBUTING.md, 'Front matter'")],
        )
    return meta, _key_lines(node, offset=2), end + 2, []


def _key_lines(node: yaml.Node | None, offset: int, prefix: str = "") -> dict[str, int]:
    """Map 'key', 'a.b' and 'list[1]' paths to their 1-based file lines."""
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            name = f"{prefix}{key_node.value}"
            lines[name] = key_node.start_mark.line + offset
            lines.update(_key_lines(value_node, offset, name + "."))
    elif isinstance(node, yaml.SequenceNode):
        base = prefix.rstrip(".")
        for index, item in enumerate(node.value, start=1):
            name = f"{base}[{index}]"
            lines[name] = item.start_mark.line + offset
            lines.update(_key_lines(item, offset, name + "."))
    return lines
