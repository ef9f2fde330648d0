"""The schedule of a day page (D1xx): the model's own rules, mapped to findings."""

from __future__ import annotations

from collections.abc import Iterable

from curriculum import model

from ..findings import Finding
from ..site import Site
from .session import map_problems

#: The heading of this family in CONTRIBUTING.md's "Checker rules".
TITLE = "Schedule (the day page)"

RULES = model.schedule.RULES + model.agenda.RULES


def check(site: Site) -> Iterable[Finding]:
    if site.catalog is None:
        return
    yield from map_problems(site, ("D",))
