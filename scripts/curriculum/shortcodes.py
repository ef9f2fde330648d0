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

from . import endofday, facilitation, glossary, labpage
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
    #: A docs path (or, with doc=False, a site path) as a URL relative to this page.
    link: Callable[[str, bool], str] | None = None
    #: A session's rendered header (summary, facts, objectives), by docs path.
    session_header: Callable[[str], str] | None = None
    #: True in the offline (file://) build.
    offline: bool = False

    def render(self, template: str, **values: object) -> str:
        return self.env.get_template(f"partials/curriculum/{template}").render(**values)

    def url_for(self, target: str, doc: bool = True) -> str:
        if self.link is None:
            return target
        return self.link(target, doc)

    def derive(self, page_rel: str, args: str) -> "Context":
        """The same context for markers of another page included in this one."""
        return Context(page_rel, self.catalog, self.env, self.docs_dir, args, self.link, self.session_header, self.offline)


class UnknownMarker(ValueError):
    """Raised for a ``cur:`` name that has no renderer."""


def render_glossary(ctx: Context) -> str:
    terms = glossary.sorted_terms(glossary.read_terms(ctx.docs_dir / glossary.ABBREVIATIONS_FILE))
    return ctx.render("glossary.html", terms=terms)


#: name -> renderer; each returns HTML that replaces the marker line.
RENDERERS: dict[str, Callable[[Context], str]] = {
    "glossary": render_glossary,
    "agenda": facilitation.render_agenda,
    "progress": facilitation.render_progress,
    "facilitator-notes": facilitation.render_facilitator_notes,
    "whole-day": facilitation.render_whole_day,
    "offline-link": facilitation.render_offline_link,
    "end-of-day-check": endofday.render_end_of_day_check,
    "lab-task": labpage.render_task,
    "lab-solution": labpage.render_solution,
}


def expand(markdown: str, make_context: Callable[[str], Context], skip: set[str] | frozenset[str] = frozenset()) -> str:
    """Replace every marker; raise UnknownMarker with its line for a bad name.

    Markers named in ``skip`` are removed (used when one page includes another).
    """

    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        if name in skip:
            return ""
        renderer = RENDERERS.get(name)
        if renderer is None:
            line = markdown.count("\n", 0, match.start()) + 1
            raise UnknownMarker(f"line {line}: unknown marker 'cur:{name}' (known: {', '.join(sorted(RENDERERS))})")
        return "\n" + renderer(make_context(match.group("args").strip())).strip() + "\n"

    return MARKER.sub(replace, markdown)
