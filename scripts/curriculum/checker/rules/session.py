"""Session structure (S1xx metadata, S2xx parts) and reading problems (F1xx).

The rules are the curriculum model's own (:mod:`curriculum.model`), run
through the same catalog the build hook loads (:mod:`curriculum.catalog`);
this module only maps the model's problems to findings and adds the
unclosed-fence check (F104) for every page.
"""

from __future__ import annotations

from typing import Iterable

from curriculum import model

from ..findings import WARNING, Finding
from ..site import Site
from .base import Rule

RULES = (
    Rule("F101", "not-utf8", "a page is not UTF-8", "re-save the file as UTF-8"),
    Rule("F102", "front-matter-unclosed", "front matter opened with '---' is never closed", "add a line '---' after the last key"),
    Rule(
        "F103",
        "front-matter-yaml",
        "front matter is not valid YAML, or not a mapping",
        "check indentation; quote values containing ':' or '#'",
    ),
    Rule(
        "F104",
        "fence-unclosed",
        "a code fence is never closed, so the rest of the page renders as code",
        "close it with the same fence (e.g. ```) on a line of its own",
    ),
    Rule("S101", "session-key-missing", "a required session front-matter key is missing", "add it; see 'Session pages'"),
    Rule("S102", "session-key-unknown", "an unknown session front-matter key (often a typo)", "rename or delete the key"),
    Rule(
        "S103",
        "session-key-type",
        "title, summary, owner or prerequisites has the wrong type or is empty",
        "write non-empty text (a list of paths for prerequisites)",
    ),
    Rule("S104", "session-duration", "duration is not a positive whole number of minutes", "write e.g. 'duration: 90'"),
    Rule("S105", "session-date", "last_reviewed is not a YYYY-MM-DD date", "write e.g. 'last_reviewed: 2026-11-27'"),
    Rule(
        "S106",
        "objective-shape",
        "an objective is not an {id, text} item or has no text",
        "write '- id: trace-record' and 'text: Trace ...'",
    ),
    Rule(
        "S107", "objective-id", "an objective id is not a short slug, or is used twice", "2-32 characters a-z, 0-9, '-'; unique on the page"
    ),
    Rule(
        "S108",
        "objective-verb",
        "an objective starts with a verb that cannot be measured (understand, know, learn about, ...)",
        "start with an observable verb: explain, trace, identify, compare",
    ),
    Rule("S109", "objective-count", "a session has fewer than 3 or more than 5 objectives", "merge or split objectives"),
    Rule(
        "S110",
        "review-overdue",
        "last_reviewed is older than the review interval (180 days) (warning)",
        "check the page is still true, then update 'last_reviewed'",
        WARNING,
    ),
    Rule("S201", "session-h1", "a session page has its own H1", "delete it: the title comes from front matter"),
    Rule("S202", "no-teaching", "a session page has no teaching H2 sections", "add H2 sections for the session's content"),
    Rule("S203", "no-activity", "a session page has no '/// activity' block", "add one with 'minutes:' and 'output:'"),
    Rule("S204", "activity-options", "an activity lacks 'minutes:' or 'output:'", "add the option under the block's first line"),
    Rule("S205", "no-knowledge-check", "no '## Knowledge check' section", "add it after the activities"),
    Rule("S206", "few-questions", "fewer than 3 knowledge-check questions", "add '/// question' blocks with 'objective:'"),
    Rule(
        "S207",
        "question-objective",
        "a question names no objective, or one the page does not have",
        "add 'objective: <id>' naming a real id",
    ),
    Rule("S208", "objective-unchecked", "an objective is checked by no question", "add a question with 'objective: <id>'"),
    Rule("S209", "question-placement", "a question stands before the knowledge check", "move it under '## Knowledge check'"),
    Rule("S210", "no-takeaways", "no '## Key takeaways' section", "end the page with 3 to 6 bullets"),
    Rule("S211", "takeaway-count", "fewer than 3 or more than 6 takeaway bullets", "keep the points a reader must remember"),
    Rule("S212", "session-order", "the parts are out of order", "order: teaching sections, activity, knowledge check, key takeaways"),
    Rule("S213", "no-facilitator-note", "a session page has no '/// facilitator' block", "add timing cues, questions and misconceptions"),
    Rule(
        "S214",
        "block-options",
        "a block's option lines are not valid YAML, so the block renders as raw text",
        "quote a value containing ': ' or '#'",
    ),
)
BY_CODE = {rule.code: rule for rule in RULES}
FAMILY_PREFIXES = ("S", "F")


def map_problems(site: Site, prefixes: tuple[str, ...], by_code: dict[str, Rule]) -> Iterable[Finding]:
    """The catalog's problems whose code starts with one of ``prefixes``."""
    assert site.catalog is not None
    for rel, problems in site.catalog.problems.items():
        for problem in problems:
            if not problem.code.startswith(prefixes):
                continue
            rule = by_code.get(problem.code) or Rule(problem.code, "model", problem.message, problem.hint)
            yield rule.at(site.display(rel), problem.line, 1, problem.message, problem.hint, problem.severity)


def check(site: Site) -> Iterable[Finding]:
    if site.catalog is None:
        return
    yield from map_problems(site, FAMILY_PREFIXES, BY_CODE)
    # Session bodies: the model's own scanner and structure rules.
    for rel, meta in site.catalog.sessions.items():
        page = site.catalog.pages[rel]
        body = model.scan_session_body(page.body_lines, page.body_first_line)
        for problem in model.session_structure_problems(meta, body):
            rule = BY_CODE.get(problem.code) or Rule(problem.code, "model", problem.message, problem.hint)
            yield rule.at(site.display(rel), problem.line, 1, problem.message, problem.hint, problem.severity)
    # Excluded files (includes/) are read outside the catalog.
    for rel, page in site.sources.items():
        if rel not in site.catalog.pages:
            for problem in page.problems:
                yield BY_CODE[problem.code].at(site.display(rel), problem.line, 1, problem.message, problem.hint)
    for rel, doc in site.docs.items():
        fence = doc.unclosed_fence()
        if fence is not None:
            yield BY_CODE["F104"].at(
                site.display(rel),
                fence.line,
                fence.indent + 1,
                f"code fence opened here is never closed ({fence.info.strip() or 'no language'})",
            )
