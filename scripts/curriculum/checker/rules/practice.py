"""Practice: multiple-choice questions (Q1xx) and the lab's data and answer key (Q2xx).

The rules are declared beside their checks in :mod:`curriculum.quiz` and
:mod:`curriculum.lab`, and run through the same functions the build hook calls,
so a quiz or a lab file the build refuses is reported here at its line, with
every other problem of the run.
"""

from __future__ import annotations

from collections.abc import Iterable

from curriculum import lab, labpage, quiz

from ..findings import Finding
from ..site import Site

#: The heading of this family in CONTRIBUTING.md's "Checker rules".
TITLE = "Practice: multiple-choice questions and the lab"

RULES = quiz.RULES + lab.RULES


def check(site: Site) -> Iterable[Finding]:
    if site.catalog is None:
        return
    for rel, problem in quiz.site_problems(site.catalog) + labpage.site_problems(site.catalog):
        yield problem.rule.at(site.display(rel), problem.line, 1, problem.message, problem.hint, problem.severity)
