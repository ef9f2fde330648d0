"""Checks of the fact markers against the fact file (K102-K105).

Kept apart from :mod:`curriculum.facts` (the file, the markers and their
substitution) so each module has one job; :func:`curriculum.facts_build.read`
runs these for the build and the checker alike.
"""

from __future__ import annotations

from .facts import MARKER, FactFile, Use
from .rules import WARNING, Problem, Rule

#: What a Mermaid label can carry (longer values wrap badly or break the layout).
DIAGRAM_MAX_CHARS = 40
#: Characters Mermaid reads as syntax: anywhere in a diagram, and outside a quoted label.
DIAGRAM_SYNTAX_ANYWHERE = '";#'
DIAGRAM_SYNTAX_UNQUOTED = "()[]{}<>|"

UNKNOWN = Rule(
    "K102",
    "fact-unknown",
    "a page inserts a fact the fact file does not have (fails the build)",
    "fix the key in '<!-- cur:fact group.name -->', or add the fact to docs/data/running-example.yml",
    "an unknown key would print nothing where a figure belongs",
)
UNUSED = Rule(
    "K103",
    "fact-unused",
    "a fact of the fact file is used on no page",
    "insert it where a page states it, or delete it from the file",
    "a fact nobody inserts is usually typed by hand somewhere, where it will drift",
    WARNING,
)
DIAGRAM = Rule(
    "K104",
    "fact-diagram-label",
    "a fact inserted in a Mermaid diagram has a value the diagram cannot carry: too long, or Mermaid syntax (fails the build)",
    "leave the figure out of the label and say it in the text, or quote the label",
    "the value would break the diagram or overflow its box",
)
IN_FRONT_MATTER = Rule(
    "K105",
    "fact-in-front-matter",
    "a fact marker stands in a page's front matter, which is not Markdown (fails the build)",
    "write the value in the front matter, or move the sentence into the page's body",
    "the title, summary and metadata are shown as written, so the marker would print as a comment",
)
RULES = (UNKNOWN, UNUSED, DIAGRAM, IN_FRONT_MATTER)


def diagram_problem(value: str, place: str) -> str | None:
    """Why a diagram cannot carry this value where the marker stands, or None."""
    if "\n" in value:
        return "it has more than one line"
    if place == "diagram-acc":
        return None
    if len(value) > DIAGRAM_MAX_CHARS:
        return f"it is {len(value)} characters long (a label carries {DIAGRAM_MAX_CHARS} at most)"
    bad = [c for c in value if c in DIAGRAM_SYNTAX_ANYWHERE or (place == "diagram" and c in DIAGRAM_SYNTAX_UNQUOTED)]
    if bad:
        where = "" if place == "diagram-quoted" else " in an unquoted label"
        return f"it contains '{bad[0]}', which Mermaid reads as syntax{where}"
    return None


def use_problems(uses: list[Use], fact_file: FactFile, fact_file_display: str) -> list[tuple[Use, Problem]]:
    """Unknown keys (K102) and values a diagram cannot carry (K104), each with its marker."""
    problems: list[tuple[Use, Problem]] = []
    for use in uses:
        fact = fact_file.facts.get(use.key)
        if fact is None:
            if not use.key:
                message, hint = "fact marker names no fact", "write '<!-- cur:fact group.name -->'"
            elif not fact_file.exists:
                message, hint = f"unknown fact '{use.key}': there is no fact file", f"create {fact_file_display} with the fact"
            else:
                message = f"unknown fact '{use.key}'"
                close = fact_file.suggest(use.key)
                hint = f"did you mean '{close}'? Or add it to {fact_file_display}" if close else f"add it to {fact_file_display}"
            problems.append((use, UNKNOWN.problem(use.line, message, hint)))
            continue
        if use.place.startswith("diagram"):
            reason = diagram_problem(fact.value, use.place)
            if reason:
                problem = DIAGRAM.problem(
                    use.line,
                    f"fact '{use.key}' ('{fact.value}') cannot go in this diagram: {reason}",
                    "leave the figure out of the label and say it in the text, or quote the label",
                )
                problems.append((use, problem))
    return problems


def front_matter_problems(lines: list[str], body_first_line: int) -> list[tuple[int, Problem]]:
    """A marker in the front matter (the lines before the body), with its column."""
    found = []
    for index, raw in enumerate(lines[: max(body_first_line - 1, 0)]):
        for match in MARKER.finditer(raw):
            problem = IN_FRONT_MATTER.problem(index + 1, f"fact marker '{match.group('key')}' in front matter is not replaced")
            found.append((match.start() + 1, problem))
    return found


def unused_problems(fact_file: FactFile, used: set[str]) -> list[Problem]:
    """A warning (K103) for each fact no page uses, at its line in the fact file."""
    return [UNUSED.problem(fact.line, f"fact '{key}' is used on no page") for key, fact in fact_file.facts.items() if key not in used]
