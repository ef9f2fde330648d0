"""Markers authors put in Markdown, expanded at build time.

A marker is an HTML comment on a line of its own, ``<!-- cur:NAME -->``, so
an unbuilt page on GitHub still reads cleanly. Each name maps to one small
renderer in :data:`RENDERERS`; an unknown name fails the build (a typo must
not silently render nothing). The HTML comes from Jinja partials in
``overrides/partials/curriculum/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from jinja2 import Environment

from . import glossary
from .catalog import Catalog

MARKER = re.compile(r"^<!--\s*cur:(?P<name>[a-z-]+)(?P<args>[^>]*?)\s*-->\s*$", re.MULTILINE)


@dataclass
class Context:
    """What a renderer may read: the page, the site's catalog and templates."""

    page_rel: str
    catalog: Catalog
    env: Environment
    docs_dir: Path
    args: str = ""

    def render(self, template: str, **values: object) -> str:
        return self.env.get_template(f"partials/curriculum/{template}").render(**values)


class UnknownMarker(ValueError):
    """Raised for a ``cur:`` name that has no renderer."""


def render_glossary(ctx: Context) -> str:
    terms = glossary.sorted_terms(glossary.read_terms(ctx.docs_dir / glossary.ABBREVIATIONS_FILE))
    return ctx.render("glossary.html", terms=terms)


#: name -> renderer; each returns HTML that replaces the marker line.
RENDERERS: dict[str, Callable[[Context], str]] = {
    "glossary": render_glossary,
}


def expand(markdown: str, make_context: Callable[[str], Context]) -> str:
    """Replace every marker; raise UnknownMarker with its line for a bad name."""

    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        renderer = RENDERERS.get(name)
        if renderer is None:
            line = markdown.count("\n", 0, match.start()) + 1
            raise UnknownMarker(f"line {line}: unknown marker 'cur:{name}' (known: {', '.join(sorted(RENDERERS))})")
        return "\n" + renderer(make_context(match.group("args").strip())).strip() + "\n"

    return MARKER.sub(replace, markdown)
