"""Slides (V1xx), only with ``--slides``: every session slide measured in Chromium.

The measuring itself lives in :mod:`curriculum.slides` (also runnable alone as
``python -m curriculum.slides``); this family turns its results into the
checker's findings. It is opt-in because it lays out every slide of every
session at two screen sizes in a browser, which takes about a minute.
"""

from __future__ import annotations

from collections.abc import Iterable

from ... import slides
from ..findings import Finding
from ..site import Site
from .base import Rule

#: The heading of this family in CONTRIBUTING.md's "Checker rules".
TITLE = "Slides (only with `--slides`)"
RULES: tuple[Rule, ...] = tuple(slides.RULES)
BY_CODE = {rule.code: rule for rule in RULES}


def check(site: Site) -> Iterable[Finding]:
    if not site.slides or site.site_dir is None:
        return
    for problem in slides.check_site(site.site_dir, site.docs_dir):
        rel = problem.path.split("/", 1)[1] if "/" in problem.path else problem.path
        yield BY_CODE[problem.code].at(site.display(rel), problem.line, 1, problem.message)
