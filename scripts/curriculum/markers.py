"""Markers authors put in Markdown, and their expansion at build time.

A marker is an HTML comment on a line of its own, ``<!-- cur:NAME args -->``
(found by :mod:`curriculum.scanner`, never inside code), so an unbuilt page
on GitHub still reads cleanly. Each name maps to one renderer; an unknown
name fails the build (a typo must not silently render nothing).

This module knows no renderer: the registry (:data:`curriculum.shortcodes.RENDERERS`)
travels in the :class:`Context`, so renderers that expand another page's
markers (the whole-day page) use the same registry without importing it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from jinja2 import Environment

from . import scanner
from .catalog import Catalog

Renderer = Callable[["Context"], str]


class UnknownMarker(ValueError):
    """A ``cur:`` name that has no renderer, or arguments a renderer refuses."""


@dataclass(frozen=True)
class Context:
    """What a renderer may read: the page, the site's catalog and templates."""

    page_rel: str
    catalog: Catalog
    env: Environment
    docs_dir: Path
    renderers: Mapping[str, Renderer] = field(default_factory=dict)
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

    def derive(self, page_rel: str, args: str) -> Context:
        """The same context for markers of another page included in this one."""
        return replace(self, page_rel=page_rel, args=args)

    def expand(self, markdown: str, skip: frozenset[str] | set[str] = frozenset()) -> str:
        """Expand the markers of ``markdown``, this context's page's Markdown."""
        return expand(markdown, lambda args: self.derive(self.page_rel, args), skip)


def expand(markdown: str, make_context: Callable[[str], Context], skip: set[str] | frozenset[str] = frozenset()) -> str:
    """Replace every marker outside code; raise UnknownMarker with its line for a bad name.

    ``make_context`` gets the marker's arguments. Markers named in ``skip``
    are removed (used when one page includes another).
    """
    lines = markdown.split("\n")
    found = scanner.scan(lines).markers
    if not found:
        return markdown
    renderers = make_context("").renderers
    for marker in found:
        if marker.name in skip:
            lines[marker.line - 1] = ""
            continue
        renderer = renderers.get(marker.name)
        if renderer is None:
            raise UnknownMarker(f"line {marker.line}: unknown marker 'cur:{marker.name}' (known: {', '.join(sorted(renderers))})")
        lines[marker.line - 1] = "\n" + renderer(make_context(marker.args)).strip() + "\n"
    return "\n".join(lines)
