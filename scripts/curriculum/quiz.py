"""Multiple-choice questions: what a ``/// quiz`` block holds, read from Markdown and validated.

A little over 300 lines because the block's reader and its Q1xx rules are kept together: a
rule is declared beside the one check that reports it, and every check reads the same parsed block.

Authors write one block per question, under a session's ``## Knowledge check``::

    /// quiz | Which layer keeps the raw, unchanged copy of each record?
        objective: components
        section: storage-zones

    - [x] The landing (raw) zone.

        Right: it keeps every record as it arrived, so any later step can be re-run.

    - [ ] The curated zone.

        Not this one: the curated zone holds cleaned, joined data built for use.
    ///

``- [x]`` marks a right option, ``- [ ]`` a wrong one; the paragraphs indented under an
option are its explanation. ``multiple: true`` makes it a choose-all-that-apply question.
``section:`` is the id of the heading on the page that teaches what the question checks,
so a learner who misses it is sent there.

This module is pure, like :mod:`curriculum.model`: it turns page lines into
:class:`Quiz` values and returns :class:`~curriculum.rules.Problem` records for
the checker and the build; :mod:`curriculum.quizblock` renders the same blocks.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import facilitation, scanner
from .model import KNOWLEDGE_CHECK_HEADING
from .rules import Problem, Rule

if TYPE_CHECKING:  # pragma: no cover
    from .catalog import Catalog

QUIZ_BLOCK = "quiz"
MIN_OPTIONS = 2
#: Options a quiz block takes (``session`` is written by the end-of-day check, not by authors).
QUIZ_OPTIONS = ("objective", "section", "multiple")

OPTION_ITEM = re.compile(r"^[-*+]\s+\[(?P<mark>[ xX])\]\s*(?P<text>.*)$")
STRAY_ITEM = re.compile(r"^[-*+]\s+\S")

SHAPE = Rule(
    "Q101",
    "quiz-shape",
    "a quiz has no question, an unknown option, or 'multiple' that is not true/false",
    "see CONTRIBUTING.md, 'Writing a question'",
    "the block would render without a question, or silently ignore an option the author meant",
)
OPTIONS = Rule(
    "Q102",
    "quiz-options",
    "a quiz has fewer than two options, or a list item that is not an option",
    "write each option as '- [ ] text', the right one(s) as '- [x] text'",
    "a question with one option tests nothing, and a plain list item would not be offered as an option",
)
CORRECT = Rule(
    "Q103",
    "quiz-correct",
    "a quiz has the wrong number of options marked right",
    "one '- [x]' for a single answer; with 'multiple: true', two or more and at least one wrong",
    "a question with no right answer, or with two for a single choice, marks every learner wrong",
)
EXPLANATION = Rule(
    "Q104",
    "quiz-explanation",
    "an option has no explanation",
    "after a blank line, indent a paragraph under the option: why it is right or what is wrong with it",
    "the learner gets the explanation the moment they choose; a wrong choice must teach something",
)
OBJECTIVE = Rule(
    "Q105",
    "quiz-objective",
    "a quiz names no objective, an unknown one, or stands outside a session",
    "add 'objective: <id>' naming an objective of the page",
    "the score and the end-of-day check report by objective",
)
SECTION = Rule(
    "Q106",
    "quiz-section",
    "a quiz names no section, or one that is no heading id of the page",
    "add 'section: <heading id>' (the heading's permalink without '#')",
    "a learner who misses the question is sent to the section that teaches it",
)
PLACEMENT = Rule(
    "Q107",
    "quiz-placement",
    "a quiz stands before the knowledge check",
    f"move it under '## {KNOWLEDGE_CHECK_HEADING}'",
    "questions come after the teaching they check",
)
RULES = (SHAPE, OPTIONS, CORRECT, EXPLANATION, OBJECTIVE, SECTION, PLACEMENT)


@dataclass(frozen=True)
class Choice:
    """One option of a question: its text, whether it is right, and why."""

    text: str
    correct: bool
    explanation: str
    line: int


@dataclass(frozen=True)
class Quiz:
    """One ``/// quiz`` block as written, with the file line of each part."""

    stem: str
    line: int
    options: dict[str, str]
    choices: tuple[Choice, ...]
    #: The block's lines from its opening to its closing ``///``, as written.
    source: tuple[str, ...]
    stray_lines: tuple[int, ...] = ()

    @property
    def objective(self) -> str:
        return self.options.get("objective", "")

    @property
    def section(self) -> str:
        return self.options.get("section", "")

    @property
    def multiple(self) -> bool:
        return self.options.get("multiple", "").lower() == "true"

    @property
    def quiz_id(self) -> str:
        return question_id(self.stem)


def question_id(stem: str) -> str:
    """A stable id from the stem: stored answers follow the question, not its position."""
    return "quiz-" + hashlib.sha1(" ".join(stem.split()).encode("utf-8"), usedforsecurity=False).hexdigest()[:10]


@dataclass
class PageQuizzes:
    """The quizzes of a page and where the knowledge check starts."""

    quizzes: list[Quiz] = field(default_factory=list)
    knowledge_check_line: int | None = None
    #: Heading ids of the page, as the toc extension makes them.
    anchors: set[str] = field(default_factory=set)


def scan(lines: list[str], first_line: int = 1) -> PageQuizzes:
    """Every quiz block of a page body (from the one line scanner), plus the page's heading ids."""
    found = PageQuizzes()
    scanned = scanner.scan(lines, first_line)
    used: set[str] = set()
    for heading in scanned.headings:
        if heading.level >= 2:
            found.anchors.add(facilitation.heading_anchor(heading.text, used))
            if heading.level == 2 and facilitation.heading_text(heading.text) == KNOWLEDGE_CHECK_HEADING:
                found.knowledge_check_line = heading.line
    for block in scanned.blocks:
        if block.name == QUIZ_BLOCK:
            end = (block.end if block.end is not None else first_line + len(lines) - 1) - first_line
            source = lines[block.line - first_line : end + 1]
            body_start = block.line + 1 + len(block.option_lines)
            body_end = block.end if block.end is not None else first_line + len(lines)
            body = lines[body_start - first_line : body_end - first_line]
            found.quizzes.append(_read_quiz(block.title, block.line, dict(block.options), body, body_start, source))
    return found


def _read_quiz(stem: str, line: int, options: dict[str, str], body: list[str], body_start: int, source: list[str]) -> Quiz:
    """The options of a quiz: each ``- [x]``/``- [ ]`` item, its text and the paragraphs indented under it."""
    choices: list[Choice] = []
    stray: list[int] = []
    current: tuple[int, bool, list[str], list[str]] | None = None  # line, correct, text lines, explanation lines
    in_text = False
    for offset, raw in enumerate(body):
        number = body_start + offset
        item = OPTION_ITEM.match(raw)
        if item:
            if current:
                choices.append(_choice(current))
            current = (number, item.group("mark") != " ", [item.group("text")], [])
            in_text = True
            continue
        if current is None:
            if STRAY_ITEM.match(raw):
                stray.append(number)
            continue  # text before the options belongs to the stem
        if not raw.strip():
            in_text = False
            current[3].append("")
        elif in_text:
            current[2].append(raw.strip())  # the option's text goes on (Markdown joins the lines)
        elif raw.startswith(" "):
            current[3].append(raw.strip())
        elif STRAY_ITEM.match(raw):
            stray.append(number)
    if current:
        choices.append(_choice(current))
    return Quiz(stem.strip(), line, options, tuple(choices), tuple(source), tuple(stray))


def _choice(current: tuple[int, bool, list[str], list[str]]) -> Choice:
    line, correct, text, explanation = current
    return Choice(" ".join(text).strip(), correct, "\n".join(explanation).strip(), line)


def problems(page: PageQuizzes, objective_ids: frozenset[str] | None) -> list[Problem]:
    """Every problem with a page's quizzes; ``objective_ids`` is None on a page that is not a session."""
    found: list[Problem] = []
    for quiz in page.quizzes:
        found.extend(_quiz_problems(quiz, page, objective_ids))
    return found


def _quiz_problems(quiz: Quiz, page: PageQuizzes, objective_ids: frozenset[str] | None) -> list[Problem]:
    found: list[Problem] = []

    def add(line: int, rule: Rule, message: str, hint: str | None = None) -> None:
        found.append(rule.problem(line, message, hint))

    if not quiz.stem:
        add(quiz.line, SHAPE, "quiz has no question", "write the question after the bar: '/// quiz | Which ...?'")
    for key in quiz.options:
        if key not in QUIZ_OPTIONS:
            add(quiz.line, SHAPE, f"quiz has an unknown option '{key}'", f"a quiz takes: {', '.join(QUIZ_OPTIONS)}")
    if quiz.options.get("multiple", "false").lower() not in ("true", "false"):
        add(
            quiz.line,
            SHAPE,
            f"'multiple' must be true or false, not {quiz.options['multiple']!r}",
            "write 'multiple: true' or leave it out",
        )
    for stray in quiz.stray_lines:
        add(stray, OPTIONS, "list item in a quiz that is not an option", "start each option with '- [x] ' (right) or '- [ ] ' (wrong)")
    if len(quiz.choices) < MIN_OPTIONS:
        add(
            quiz.line,
            OPTIONS,
            f"quiz has {len(quiz.choices)} option(s); at least {MIN_OPTIONS} are needed",
            "add options as '- [ ] text' lines, the right one(s) as '- [x] text'",
        )
    right = sum(choice.correct for choice in quiz.choices)
    if quiz.choices and not quiz.multiple and right != 1:
        add(
            quiz.line,
            CORRECT,
            f"a single-answer quiz needs exactly one option marked right, and this one has {right}",
            "mark the one right option '- [x]', or add 'multiple: true' for a choose-all-that-apply question",
        )
    if quiz.choices and quiz.multiple and not 2 <= right < len(quiz.choices):
        add(
            quiz.line,
            CORRECT,
            f"a 'multiple: true' quiz needs at least two options marked right and one wrong, and this one has {right} of {len(quiz.choices)}",
            "mark each right option '- [x]'; with one right option, drop 'multiple: true'",
        )
    for choice in quiz.choices:
        if not choice.explanation:
            add(
                choice.line,
                EXPLANATION,
                "option has no explanation",
                "after a blank line, indent a paragraph under the option saying why it is right or what is wrong with it",
            )
    if objective_ids is None:
        add(quiz.line, OBJECTIVE, "a quiz stands on a page that is not a session", "put quizzes in a session page's knowledge check")
        return found
    if not quiz.objective:
        add(quiz.line, OBJECTIVE, "quiz does not name the objective it checks", "add '    objective: <id>' under the block's first line")
    elif quiz.objective not in objective_ids:
        add(
            quiz.line,
            OBJECTIVE,
            f"quiz names objective '{quiz.objective}', which the page does not have",
            f"use one of: {', '.join(sorted(objective_ids))}",
        )
    if not quiz.section:
        add(
            quiz.line,
            SECTION,
            "quiz does not name the section that teaches its answer",
            "add '    section: <heading id>' (the heading's permalink without '#')",
        )
    elif quiz.section not in page.anchors:
        add(
            quiz.line,
            SECTION,
            f"quiz names section '{quiz.section}', which is no heading id of this page",
            "copy the id from the heading's permalink (lowercase words joined by '-')",
        )
    if page.knowledge_check_line is None or quiz.line < page.knowledge_check_line:
        add(quiz.line, PLACEMENT, "quiz stands before the knowledge check", f"move it under '## {KNOWLEDGE_CHECK_HEADING}'")
    return found


def objectives_without_quiz(page: PageQuizzes, objective_ids: frozenset[str]) -> list[str]:
    """Objectives no quiz of the page checks (every objective should have one)."""
    checked = {quiz.objective for quiz in page.quizzes}
    return sorted(objective_ids - checked)


def site_problems(catalog: Catalog) -> list[tuple[str, Problem]]:
    """Every quiz problem of the site, as (docs path, problem), for the build and the checker."""
    found: list[tuple[str, Problem]] = []
    for rel, page in catalog.pages.items():
        scanned = scan(page.body_lines, page.body_first_line)
        if not scanned.quizzes:
            continue
        meta = catalog.sessions.get(rel)
        if meta is None and page.kind == "session":
            continue  # its front matter is already reported; objectives are unknown
        found.extend((rel, problem) for problem in problems(scanned, meta.objective_ids if meta else None))
    return found
