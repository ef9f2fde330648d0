"""Hygiene (P101): no placeholder text in published pages.

Every Markdown file under docs/ (includes too: they are appended to pages)
is searched outside code blocks and inline code for TODO, TBD, FIXME, XXX
(capitals, as whole words), and "lorem ipsum", "coming soon" (any case).
The theme overrides (``custom_dir``) and the site's own scripts and
stylesheets under docs/ are searched whole; vendored files are not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..findings import Finding
from ..site import Site
from .base import Rule

#: The heading of this family in CONTRIBUTING.md's "Checker rules".
TITLE = "Placeholder text"

RULES = (
    Rule(
        "P101",
        "placeholder",
        "placeholder text (TODO, TBD, FIXME, XXX, lorem ipsum, coming soon) in a page (outside code), the theme overrides or the site's own scripts and stylesheets (vendored files are not searched)",
        "write the real content, or delete the line",
        "a placeholder tells the reader the page is unfinished",
    ),
)
(PLACEHOLDER,) = RULES

PATTERN = re.compile(r"\b(TODO|TBD|FIXME|XXX)\b|(?i:\b(lorem ipsum|coming soon)\b)")


ASSET_SUFFIXES = (".html", ".js", ".css", ".svg", ".txt", ".json", ".yml", ".yaml")


def _asset_files(site: Site) -> list[Path]:
    files = [p for p in site.docs_dir.rglob("*") if p.suffix in ASSET_SUFFIXES and "vendor" not in p.relative_to(site.docs_dir).parts]
    theme = site.config.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    if isinstance(custom, str) and (site.root / custom).is_dir():
        files += [p for p in (site.root / custom).rglob("*") if p.is_file() and p.suffix in (*ASSET_SUFFIXES, ".md")]
    return sorted(files)


def _placeholders(shown: str, lines: list[str]) -> Iterable[Finding]:
    if not PATTERN.search("\n".join(lines)):
        return
    for number, line in enumerate(lines, start=1):
        for match in PATTERN.finditer(line):
            yield PLACEHOLDER.at(shown, number, match.start() + 1, f"placeholder text '{match.group(0)}'")


def check(site: Site) -> Iterable[Finding]:
    for path in _asset_files(site):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        shown = path.relative_to(site.root).as_posix() if path.is_relative_to(site.root) else path.as_posix()
        yield from _placeholders(shown, text.splitlines())
    for rel, doc in site.docs.items():
        yield from _placeholders(site.display(rel), doc.prose)
        source = site.source(rel)
        # Front matter is published too (title, summary, objectives); the prose copy blanks it.
        yield from _placeholders(site.display(rel), doc.lines[: source.body_first_line - 1] if source else [])
