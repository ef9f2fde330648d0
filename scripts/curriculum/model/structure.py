"""The rules over the parts of a session page's body (S201-S214), each beside its check."""

from __future__ import annotations

import itertools

from ..rules import Problem, Rule
from .body import SessionBody
from .schema import (
    KNOWLEDGE_CHECK_HEADING,
    MAX_TAKEAWAYS,
    MIN_QUESTIONS,
    MIN_TAKEAWAYS,
    TAKEAWAYS_HEADING,
    as_int,
    positive_int,
)
from .sessions import SessionMeta

H1 = Rule(
    "S201",
    "session-h1",
    "a session page has its own H1",
    "delete it: the title comes from front matter",
    "the theme renders the title; a second H1 breaks the page outline screen readers navigate by",
)
NO_TEACHING = Rule(
    "S202",
    "no-teaching",
    "a session page has no teaching H2 sections",
    "add H2 sections for the session's content",
    "the sections are what the session teaches and what the facilitator guide links to",
)
NO_ACTIVITY = Rule(
    "S203",
    "no-activity",
    "a session page has no '/// activity' block",
    "add one with 'minutes:' and 'output:'",
    "every session has the group practise what it teaches",
)
ACTIVITY_OPTIONS = Rule(
    "S204",
    "activity-options",
    "an activity lacks 'minutes:' or 'output:'",
    "add the option under the block's first line",
    "the facilitator plans the room's time from the minutes, and the output says what done looks like",
)
NO_CHECK = Rule(
    "S205",
    "no-knowledge-check",
    f"no '## {KNOWLEDGE_CHECK_HEADING}' section",
    "add it after the activities",
    "readers check what they learnt before moving on",
)
FEW_QUESTIONS = Rule(
    "S206",
    "few-questions",
    f"fewer than {MIN_QUESTIONS} knowledge-check questions",
    "add '/// question' blocks with 'objective:'",
    "one or two questions cannot cover a session's objectives",
)
QUESTION_OBJECTIVE = Rule(
    "S207",
    "question-objective",
    "a question names no objective, or one the page does not have",
    "add 'objective: <id>' naming a real id",
    "each question must say which objective it checks, so unchecked objectives show",
)
OBJECTIVE_UNCHECKED = Rule(
    "S208",
    "objective-unchecked",
    "an objective is checked by no question",
    "add a question with 'objective: <id>'",
    "an objective nobody checks is a promise the page does not keep",
)
QUESTION_PLACEMENT = Rule(
    "S209",
    "question-placement",
    "a question stands before the knowledge check",
    f"move it under '## {KNOWLEDGE_CHECK_HEADING}'",
    "questions belong together, after the teaching they check",
)
NO_TAKEAWAYS = Rule(
    "S210",
    "no-takeaways",
    f"no '## {TAKEAWAYS_HEADING}' section",
    f"end the page with {MIN_TAKEAWAYS} to {MAX_TAKEAWAYS} bullets",
    "the takeaways are what a reader rereads the next day",
)
TAKEAWAY_COUNT = Rule(
    "S211",
    "takeaway-count",
    f"fewer than {MIN_TAKEAWAYS} or more than {MAX_TAKEAWAYS} takeaway bullets",
    "keep the points a reader must remember",
    "fewer says too little; more is no longer a summary",
)
ORDER = Rule(
    "S212",
    "session-order",
    "the parts are out of order",
    "order: teaching sections, activity, knowledge check, key takeaways",
    "every session reads the same way, so readers and facilitators know where they are",
)
NO_FACILITATOR = Rule(
    "S213",
    "no-facilitator-note",
    "a session page has no '/// facilitator' block",
    "add timing cues, questions and misconceptions",
    "a facilitator running the session needs its timing and the mistakes to expect",
)
BLOCK_OPTIONS = Rule(
    "S214",
    "block-options",
    "a block's option lines are not valid YAML, so the block renders as raw '///' text",
    "quote a value containing ': ' or '#'",
    "pymdownx.blocks reads the options as YAML and leaves a block it cannot read as plain text",
)
RULES = (
    H1,
    NO_TEACHING,
    NO_ACTIVITY,
    ACTIVITY_OPTIONS,
    NO_CHECK,
    FEW_QUESTIONS,
    QUESTION_OBJECTIVE,
    OBJECTIVE_UNCHECKED,
    QUESTION_PLACEMENT,
    NO_TAKEAWAYS,
    TAKEAWAY_COUNT,
    ORDER,
    NO_FACILITATOR,
    BLOCK_OPTIONS,
)


def session_structure_problems(meta: SessionMeta, body: SessionBody) -> list[Problem]:
    """Every rule about the order and completeness of a session's parts."""
    problems: list[Problem] = []
    for line, reason in body.bad_block_options:
        problems.append(
            BLOCK_OPTIONS.problem(
                line,
                f"block options are not valid YAML ({reason}), so the block would show as raw '///' text",
                "quote a value that contains ': ' or '#', e.g. output: \"a list: one per hub\"",
            )
        )
    if body.h1_lines:
        problems.append(
            H1.problem(
                body.h1_lines[0],
                "a session page has no H1 of its own",
                "delete this line: the title comes from front matter and is rendered with the objectives",
            )
        )
    if not body.teaching_h2:
        problems.append(NO_TEACHING.problem(1, "no teaching sections", "add H2 sections that cover the brief's bullets for this session"))
    if not body.activities:
        problems.append(NO_ACTIVITY.problem(1, "no activity", "add a '/// activity | Title' block with 'minutes:' and 'output:'"))
    for line, options in body.activities:
        if positive_int(as_int(options.get("minutes"))) is None:
            problems.append(
                ACTIVITY_OPTIONS.problem(
                    line,
                    "activity has no 'minutes:' option (a positive whole number)",
                    "add '    minutes: 20' under the block's first line",
                )
            )
        if not options.get("output"):
            problems.append(
                ACTIVITY_OPTIONS.problem(line, "activity does not say what the group produces", "add '    output: a one-page map of ...'")
            )
    if body.knowledge_check_line is None:
        problems.append(
            NO_CHECK.problem(1, f"no '## {KNOWLEDGE_CHECK_HEADING}' section", "add it after the activities, with '/// question' blocks")
        )
    if len(body.questions) < MIN_QUESTIONS:
        problems.append(
            FEW_QUESTIONS.problem(
                body.knowledge_check_line or 1,
                f"{len(body.questions)} knowledge-check questions; at least {MIN_QUESTIONS} are needed",
                "add '/// question | ...' blocks with 'objective:'",
            )
        )
    problems.extend(_question_problems(meta, body))
    if body.takeaways_line is None:
        problems.append(
            NO_TAKEAWAYS.problem(
                1, f"no '## {TAKEAWAYS_HEADING}' section", f"end the page with it: {MIN_TAKEAWAYS} to {MAX_TAKEAWAYS} bullets"
            )
        )
    elif not MIN_TAKEAWAYS <= body.takeaway_bullets <= MAX_TAKEAWAYS:
        problems.append(
            TAKEAWAY_COUNT.problem(
                body.takeaways_line, f"{body.takeaway_bullets} takeaways; write {MIN_TAKEAWAYS} to {MAX_TAKEAWAYS} bullets"
            )
        )
    problems.extend(_order_problems(body))
    if not body.facilitator_notes:
        problems.append(
            NO_FACILITATOR.problem(
                1, "no facilitator notes", "add a '/// facilitator' block with timing cues, questions and misconceptions"
            )
        )
    return problems


def _question_problems(meta: SessionMeta, body: SessionBody) -> list[Problem]:
    """Each question names one of the page's objectives, and each objective is checked."""
    problems: list[Problem] = []
    checked: set[str] = set()
    for line, options in body.questions:
        oid = options.get("objective", "")
        if not oid:
            problems.append(
                QUESTION_OBJECTIVE.problem(
                    line, "question does not name the objective it checks", "add '    objective: <id>' under the block's first line"
                )
            )
        elif oid not in meta.objective_ids:
            problems.append(
                QUESTION_OBJECTIVE.problem(
                    line,
                    f"question names objective '{oid}', which the page does not have",
                    f"use one of: {', '.join(sorted(meta.objective_ids))}",
                )
            )
        else:
            checked.add(oid)
        if body.knowledge_check_line and line < body.knowledge_check_line:
            problems.append(QUESTION_PLACEMENT.problem(line, "question stands before the knowledge check"))
    for objective in meta.objectives:
        if objective.id not in checked:
            problems.append(
                OBJECTIVE_UNCHECKED.problem(
                    1, f"objective '{objective.id}' is not checked by any question", f"add a question with 'objective: {objective.id}'"
                )
            )
    return problems


def _order_problems(body: SessionBody) -> list[Problem]:
    """Teaching sections, then activity, then knowledge check, then takeaways."""
    marks: list[tuple[str, int]] = []
    if body.teaching_h2:
        marks.append(("teaching sections", body.teaching_h2[0][0]))
    if body.activities:
        marks.append(("the first activity", body.activities[0][0]))
    if body.knowledge_check_line:
        marks.append((f"'{KNOWLEDGE_CHECK_HEADING}'", body.knowledge_check_line))
    if body.takeaways_line:
        marks.append((f"'{TAKEAWAYS_HEADING}'", body.takeaways_line))
    for (before, before_line), (after, after_line) in itertools.pairwise(marks):
        if after_line < before_line:
            return [ORDER.problem(after_line, f"{after} comes before {before}")]
    return []
