"""A session's run sheet: the minutes of each part, declared in front matter.

Authors list the parts in page order under ``run_sheet:``::

    duration: 90
    run_sheet:
      - section: What a data pipeline is       # an H2's text, as written
        minutes: 10
      - section: The architecture at a glance
        minutes: 25
      - activity: Trace one order              # an activity's title; its minutes come from the block
      - section: Knowledge check
        minutes: 10

A part runs from its own start to the next part's start, so an H2 that is
not listed belongs to the part before it (the takeaways usually go with the
knowledge check). Every activity and the knowledge check must be listed, and
the minutes must add up to ``duration``. The facilitator guide's timings, the
session's generated timing note and the presenter view's pace all come from
the parsed :class:`RunSheet`.

Pure: text and metadata in, values and :class:`~curriculum.model.Problem` out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from . import model, scanner
from .facilitation import heading_anchor, heading_text
from .rules import Problem, Rule

KEY = "run_sheet"
KINDS = ("section", "activity")

MISSING = Rule(
    "R101",
    "run-sheet-missing",
    "a session has no run sheet",
    "add 'run_sheet:' to its front matter: the minutes of each part, in page order",
    "the timing note, the guide's timings and the presenter view's pace come from it",
)
SHAPE = Rule(
    "R102",
    "run-sheet-shape",
    "a run-sheet entry is not '- section: <H2 text>' or '- activity: <title>' with whole 'minutes:' (fails the build)",
    "write '- section: <H2 text>' with 'minutes: 10', or '- activity: <its title>'",
    "a plan the build cannot read cannot be checked or shown",
)
PART = Rule(
    "R103",
    "run-sheet-part",
    "a run-sheet entry names a part the page does not have, lists it twice or out of order, "
    "or an activity or the knowledge check is missing (fails the build)",
    "list the page's parts in page order; every activity and the knowledge check are listed",
    "a plan that does not match the page misleads the facilitator keeping time by it",
)
TOTAL = Rule(
    "R104",
    "run-sheet-total",
    "a session's run sheet does not add up to its duration (fails the build)",
    "change a part's minutes, or 'duration' (the agenda follows it)",
    "the agenda's clock times follow the duration, and the room follows the run sheet",
)
RULES = (MISSING, SHAPE, PART, TOTAL)


@dataclass(frozen=True)
class Part:
    kind: str  # "section", "activity" or "check" (the knowledge check)
    title: str
    anchor: str | None  # id of the H2 the part starts at (an activity: the H2 it sits under)
    minutes: int
    covers: tuple[str, ...] = ()  # further H2 sections that belong to this part
    line: int = 1  # the entry's line in the front matter

    def as_json(self) -> dict[str, Any]:
        return {"title": self.title, "anchor": self.anchor, "minutes": self.minutes, "kind": self.kind}


@dataclass(frozen=True)
class RunSheet:
    duration: int
    parts: tuple[Part, ...]

    def as_json(self) -> dict[str, Any]:
        return {"duration": self.duration, "parts": [part.as_json() for part in self.parts]}

    def offsets(self) -> list[tuple[int, int]]:
        """(start, end) minutes of each part from the session's start."""
        spans, clock = [], 0
        for part in self.parts:
            spans.append((clock, clock + part.minutes))
            clock += part.minutes
        return spans


@dataclass
class _Landmark:
    """A place a part can start at: an H2 or an activity block (body order)."""

    kind: str
    title: str
    anchor: str | None
    line: int
    minutes: int | None = None  # an activity's own 'minutes:'
    listed: bool = False
    covered_by: list[str] = field(default_factory=list)


def landmarks(lines: list[str], first_line: int = 1) -> list[_Landmark]:
    """H2 sections and activities of a session body, in order, with their anchors."""
    found = scanner.scan(lines, first_line)
    used: set[str] = set()
    anchors = {heading.line: heading_anchor(heading.text, used) for heading in found.headings}
    marks: list[_Landmark] = []
    for heading in found.headings:
        if heading.level == 2:
            title = heading_text(heading.text)
            kind = "check" if title == model.KNOWLEDGE_CHECK_HEADING else "section"
            marks.append(_Landmark(kind, title, anchors[heading.line], heading.line))
    for block in found.blocks:
        if block.name == model.ACTIVITY_BLOCK:
            above = [line for line in anchors if line < block.line and any(h.line == line and h.level == 2 for h in found.headings)]
            minutes = block.options.get("minutes", "")
            marks.append(
                _Landmark(
                    "activity", block.title, anchors[above[-1]] if above else None, block.line, int(minutes) if minutes.isdigit() else None
                )
            )
    return sorted(marks, key=lambda mark: mark.line)


def parse_run_sheet(
    meta: dict[str, Any], key_lines: dict[str, int], body_lines: list[str], body_first_line: int = 1
) -> tuple[RunSheet | None, list[Problem]]:
    """Validate a session's ``run_sheet`` against its page; None when absent or wrong."""
    line = key_lines.get(KEY, 1)
    raw = meta.get(KEY)
    if KEY not in meta:
        return None, [MISSING.problem(1, "the session has no run sheet")]
    if not isinstance(raw, list) or not raw:
        return None, [SHAPE.problem(line, "'run_sheet' must be a list of parts")]
    marks = landmarks(body_lines, body_first_line)
    parts: list[tuple[_Landmark, int, int]] = []  # (landmark, minutes, entry line)
    problems: list[Problem] = []
    for index, entry in enumerate(raw, start=1):
        entry_line = key_lines.get(f"{KEY}[{index}]", line)
        found = _entry(entry, index, entry_line, marks, problems)
        if found:
            parts.append((found[0], found[1], entry_line))
    for mark in marks:
        if mark.kind in ("activity", "check") and not mark.listed:
            what = f"activity '{mark.title}'" if mark.kind == "activity" else f"'{mark.title}'"
            problems.append(
                PART.problem(line, f"the run sheet does not list {what}", f"add '- {_entry_key(mark)}: {mark.title}' in page order")
            )
    for (before, _, _), (after, _, after_line) in pairwise(parts):
        if after.line < before.line:
            problems.append(
                PART.problem(
                    after_line, f"'{after.title}' is listed after '{before.title}' but comes before it", "list parts in page order"
                )
            )
    duration = meta.get("duration")
    total = sum(minutes for _, minutes, _ in parts)
    if not problems and isinstance(duration, int) and not isinstance(duration, bool) and total != duration:
        gap = duration - total
        problems.append(
            TOTAL.problem(
                line,
                f"the run sheet adds up to {total} minutes but 'duration' is {duration} ({abs(gap)} {'short' if gap > 0 else 'over'})",
            )
        )
    if problems or not isinstance(duration, int):
        return None, problems
    return RunSheet(duration, tuple(_parts(parts, marks))), []


def _entry_key(mark: _Landmark) -> str:
    return "activity" if mark.kind == "activity" else "section"


def _entry(entry: Any, index: int, line: int, marks: list[_Landmark], problems: list[Problem]) -> tuple[_Landmark, int] | None:
    where = f"run_sheet[{index}]"
    if not isinstance(entry, dict):
        problems.append(SHAPE.problem(line, f"'{where}' must be a mapping"))
        return None
    kinds = [k for k in KINDS if k in entry]
    extra = sorted(set(entry) - set(KINDS) - {"minutes"})
    if len(kinds) != 1 or extra:
        problems.append(
            SHAPE.problem(
                line,
                f"'{where}' must have one of 'section' or 'activity', and 'minutes'" + (f" (unknown key '{extra[0]}')" if extra else ""),
                "write '- section: <H2 text>' with 'minutes: 10', or '- activity: <its title>'",
            )
        )
        return None
    kind, name = kinds[0], entry[kinds[0]]
    name = str(name).strip() if name is not None else ""
    wanted = ("activity",) if kind == "activity" else ("section", "check")
    candidates = [m for m in marks if m.kind in wanted and (m.title == name or (kind == "section" and f"#{m.anchor}" == name))]
    if not candidates:
        known = ", ".join(f"'{m.title}'" for m in marks if m.kind in wanted) or "none"
        problems.append(PART.problem(line, f"'{where}' names {kind} '{name}', which the page does not have", f"the page has: {known}"))
        return None
    mark = next((m for m in candidates if not m.listed), None)
    if mark is None:
        problems.append(PART.problem(line, f"{kind} '{name}' is listed twice", "list each part once"))
        return None
    mark.listed = True
    minutes = entry.get("minutes")
    if kind == "activity":
        if minutes is None:
            minutes = mark.minutes
        elif mark.minutes is not None and minutes != mark.minutes:
            problems.append(
                PART.problem(
                    line,
                    f"activity '{name}' is {minutes} minutes here but its block says 'minutes: {mark.minutes}'",
                    "delete 'minutes:' here: an activity's minutes come from its block",
                )
            )
            return None
    if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes <= 0:
        problems.append(SHAPE.problem(line, f"'{where}.minutes' must be a positive whole number, not {minutes!r}", "write 'minutes: 10'"))
        return None
    return mark, minutes


def _parts(listed: list[tuple[_Landmark, int, int]], marks: list[_Landmark]) -> list[Part]:
    """Each listed landmark as a part, with the unlisted H2s up to the next one."""
    order = {id(mark): position for position, mark in enumerate(marks)}
    parts = []
    for number, (mark, minutes, line) in enumerate(listed):
        start = order[id(mark)]
        stop = order[id(listed[number + 1][0])] if number + 1 < len(listed) else len(marks)
        covers = tuple(m.title for m in marks[start + 1 : stop] if m.kind != "activity" and not m.listed)
        title = f"Activity: {mark.title}" if mark.kind == "activity" else mark.title
        parts.append(Part(mark.kind, title, mark.anchor, minutes, covers, line))
    return parts
