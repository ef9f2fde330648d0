"""The running example's facts (K1xx) and the sessions' run sheets (R1xx).

The rules are declared beside their checks (:mod:`curriculum.facts`,
:mod:`curriculum.runsheet`) and run through :func:`curriculum.facts_build.read`,
the same reading the build hook fails on; this module maps the problems to
findings, with the marker's column where there is one, and asks for the one
check only the checker makes: a fact no page uses (a warning).
"""

from __future__ import annotations

from collections.abc import Iterable

from curriculum import fact_checks, facts, facts_build, runsheet

from ..findings import Finding
from ..site import Site

#: The heading of this family in CONTRIBUTING.md's "Checker rules".
TITLE = "The running example's facts and the run sheet"

RULES = facts.RULES + fact_checks.RULES + runsheet.RULES


def check(site: Site) -> Iterable[Finding]:
    if site.catalog is None:
        return
    teaching = facts_build.read(site.docs_dir, site.catalog, site.sources, unused=True)
    for rel, problems in teaching.problems.items():
        for problem in problems:
            col = teaching.columns.get((rel, problem), 1)
            yield problem.rule.at(site.display(rel), problem.line, col, problem.message, problem.hint, problem.severity)
