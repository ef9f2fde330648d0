"""Navigation (N1xx): every page is in the nav, every nav entry exists."""

from __future__ import annotations

from collections.abc import Iterable

import pathspec

from ..findings import Finding
from ..site import Site
from .base import Rule

#: The heading of this family in CONTRIBUTING.md's "Checker rules".
TITLE = "Navigation"

RULES = (
    Rule(
        "N101",
        "page-not-in-nav",
        "a page exists in docs/ but the nav of mkdocs.yml does not list it",
        "add it to 'nav:' in mkdocs.yml, or delete the page",
        "a page outside the nav can only be found by search",
    ),
    Rule(
        "N102",
        "nav-entry-missing",
        "the nav lists a file that does not exist",
        "fix the path in 'nav:' (paths are relative to docs/)",
        "a nav entry to a missing file is a dead menu item",
    ),
)
NOT_IN_NAV, MISSING = RULES


def check(site: Site) -> Iterable[Finding]:
    if site.nav is None:  # no nav: MkDocs lists every page itself
        return
    listed = {entry.path for entry in site.nav}
    for entry in site.nav:
        if entry.path not in site.pages:
            yield MISSING.at(site.config_display, entry.line, 1, f"nav entry '{entry.path}' names a file that does not exist")
    allowed = site.config.get("not_in_nav")
    spec = pathspec.GitIgnoreSpec.from_lines(allowed.splitlines()) if isinstance(allowed, str) else None
    for rel in site.pages:
        if rel not in listed and not (spec and spec.match_file(rel)):
            yield NOT_IN_NAV.at(
                site.display(rel), 1, 1, f"page '{rel}' is not in the nav", f"add '{rel}' under 'nav:' in {site.config_display}"
            )
