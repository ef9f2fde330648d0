"""The running example's facts (K1xx) and the sessions' run sheets (R1xx).

The rules are :mod:`curriculum.facts_build`'s, the same reading the build
hook fails on; this module maps its problems to findings and adds the one
check only the checker makes: a fact no page uses (a warning).
"""

from __future__ import annotations

from collections.abc import Iterable

from curriculum import facts_build

from ..findings import WARNING, Finding
from ..site import Site
from .base import Rule

RULES = (
    Rule(
        "K101",
        "fact-file",
        "the fact file (docs/data/running-example.yml) is not valid YAML or a fact is malformed",
        "fix the file at the line named: 'group:' then 'name: value', or 'name:' with 'value:' and 'about:'",
    ),
    Rule(
        "K102",
        "fact-unknown",
        "a page inserts a fact the fact file does not have (fails the build)",
        "fix the key in '<!-- cur:fact group.name -->', or add the fact to docs/data/running-example.yml",
    ),
    Rule(
        "K103",
        "fact-unused",
        "a fact of the fact file is used on no page",
        "insert it where a page states it, or delete it from the file",
        WARNING,
    ),
    Rule(
        "K104",
        "fact-diagram-label",
        "a fact inserted in a Mermaid diagram has a value the diagram cannot carry (too long, or Mermaid syntax)",
        "leave the figure out of the label and say it in the text, or quote the label",
    ),
    Rule("R101", "run-sheet-missing", "a session has no run sheet", "add 'run_sheet:' to its front matter: the minutes of each part"),
    Rule(
        "R102",
        "run-sheet-shape",
        "a run-sheet entry is not '- section: <H2 text>' or '- activity: <title>' with whole 'minutes:'",
        "write '- section: <H2 text>' with 'minutes: 10', or '- activity: <its title>'",
    ),
    Rule(
        "R103",
        "run-sheet-part",
        "a run-sheet entry names a part the page does not have, lists it twice or out of order, or an activity or the knowledge check is missing",
        "list the page's parts in page order; every activity and the knowledge check are listed",
    ),
    Rule(
        "R104",
        "run-sheet-total",
        "a session's run sheet does not add up to its duration (fails the build)",
        "change a part's minutes, or 'duration'",
    ),
)
BY_CODE = {rule.code: rule for rule in RULES}


def check(site: Site) -> Iterable[Finding]:
    if site.catalog is None:
        return
    teaching = facts_build.read(site.docs_dir, site.catalog, site.sources, unused=True)
    for rel, problems in teaching.problems.items():
        for problem in problems:
            rule = BY_CODE[problem.code]
            col = teaching.columns.get((rel, problem), 1)
            yield rule.at(site.display(rel), problem.line, col, problem.message, problem.hint, problem.severity)
