"""Practice: multiple-choice questions (Q1xx) and the lab's data and answer key (Q2xx).

The rules are :mod:`curriculum.quiz`'s and :mod:`curriculum.labpage`'s own,
the same code the build hook runs, so a quiz or a lab file the build refuses
is reported here at its line, with every other problem of the run.
"""

from __future__ import annotations

from collections.abc import Iterable

from curriculum import labpage, quiz

from ..findings import Finding
from ..site import Site
from .base import Rule

RULES = (
    Rule(
        "Q101", "quiz-shape", "a quiz has no question, an unknown option, or 'multiple' that is not true/false", "see 'Writing a question'"
    ),
    Rule(
        "Q102", "quiz-options", "a quiz has fewer than two options, or a list item that is not an option", "write options as '- [ ] text'"
    ),
    Rule(
        "Q103",
        "quiz-correct",
        "a quiz has the wrong number of options marked right",
        "one '- [x]' for a single answer; with 'multiple: true', two or more and at least one wrong",
    ),
    Rule(
        "Q104", "quiz-explanation", "an option has no explanation", "indent a paragraph under the option: why it is right or what is wrong"
    ),
    Rule("Q105", "quiz-objective", "a quiz names no objective, an unknown one, or stands outside a session", "add 'objective: <id>'"),
    Rule("Q106", "quiz-section", "a quiz names no section, or one that is no heading id of the page", "add 'section: <heading id>'"),
    Rule("Q107", "quiz-placement", "a quiz stands before the knowledge check", "move it under '## Knowledge check'"),
    Rule("Q201", "lab-file-missing", "a lab data file is missing", "restore the file beside the lab page"),
    Rule("Q202", "lab-file-unreadable", "a lab data file or the answer key does not parse", "fix the file at the line named"),
    Rule(
        "Q203",
        "lab-answer-mismatch",
        "the reference solution disagrees with the stated answers (answer-key.json) or the data",
        "fix the data or the answer; after a deliberate change run 'python -m curriculum.lab DIR --write'",
    ),
)
BY_CODE = {rule.code: rule for rule in RULES}


def check(site: Site) -> Iterable[Finding]:
    if site.catalog is None:
        return
    for rel, problem in quiz.site_problems(site.catalog) + labpage.site_problems(site.catalog):
        rule = BY_CODE.get(problem.code) or Rule(problem.code, "practice", problem.message, problem.hint)
        yield rule.at(site.display(rel), problem.line, 1, problem.message, problem.hint, problem.severity)
