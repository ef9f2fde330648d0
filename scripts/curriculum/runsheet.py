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

from . import model
from .facilitation import _walk, heading_anchor, heading_text
from .model import Problem

KEY = "run_sheet"
KINDS = ("section", "activity")


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
    found: list[_Landmark] = []
    used: set[str] = set()
    h2_anchor: str | None = None
    for index, raw, in_fence in _walk(lines):
        if in_fence:
            continue
        heading = model.HEADING.match(raw)
        if heading:
            text = heading.group("text") or ""
            anchor = heading_anchor(text, used)
            if len(heading.group("hashes")) == 2:
                h2_anchor = anchor
                title = heading_text(text)
                kind = "check" if title == model.KNOWLEDGE_CHECK_HEADING else "section"
                found.append(_Landmark(kind, title, anchor, first_line + index))
            continue
        block = model.BLOCK_OPEN.match(raw)
        if block and block.group("name") == model.ACTIVITY_BLOCK:
            minutes = None
            for option in lines[index + 1 : index + 6]:
                match = model.OPTION.match(option)
                if not match:
                    break
                if match.group("key") == "minutes" and match.group("value").strip().isdigit():
                    minutes = int(match.group("value").strip())
            found.append(_Landmark("activity", (block.group("title") or "").strip(), h2_anchor, first_line + index, minutes))
    return found


def parse_run_sheet(
    meta: dict[str, Any], key_lines: dict[str, int], body_lines: list[str], body_first_line: int = 1
) -> tuple[RunSheet | None, list[Problem]]:
    """Validate a session's ``run_sheet`` against its page; None when absent or wrong."""
    line = key_lines.get(KEY, 1)
    raw = meta.get(KEY)
    if KEY not in meta:
        return None, [
            Problem(1, "R101", "the session has no run sheet", "add 'run_sheet:' to the front matter: the minutes of each part, in order")
        ]
    if not isinstance(raw, list) or not raw:
        return None, [Problem(line, "R102", "'run_sheet' must be a list of parts", "write '- section: <H2 text>' with 'minutes: 10'")]
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
                Problem(line, "R103", f"the run sheet does not list {what}", f"add '- {_entry_key(mark)}: {mark.title}' in page order")
            )
    for (before, _, _), (after, _, after_line) in pairwise(parts):
        if after.line < before.line:
            problems.append(
                Problem(
                    after_line, "R103", f"'{after.title}' is listed after '{before.title}' but comes before it", "list parts in page order"
                )
            )
    duration = meta.get("duration")
    total = sum(minutes for _, minutes, _ in parts)
    if not problems and isinstance(duration, int) and not isinstance(duration, bool) and total != duration:
        gap = duration - total
        problems.append(
            Problem(
                line,
                "R104",
                f"the run sheet adds up to {total} minutes but 'duration' is {duration} ({abs(gap)} {'short' if gap > 0 else 'over'})",
                "change a part's minutes, or 'duration' (the agenda follows it)",
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
        problems.append(Problem(line, "R102", f"'{where}' must be a mapping", "write '- section: <H2 text>' and 'minutes: 10'"))
        return None
    kinds = [k for k in KINDS if k in entry]
    extra = sorted(set(entry) - set(KINDS) - {"minutes"})
    if len(kinds) != 1 or extra:
        problems.append(
            Problem(
                line,
                "R102",
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
        problems.append(Problem(line, "R103", f"'{where}' names {kind} '{name}', which the page does not have", f"the page has: {known}"))
        return None
    mark = next((m for m in candidates if not m.listed), None)
    if mark is None:
        problems.append(Problem(line, "R103", f"{kind} '{name}' is listed twice", "list each part once"))
        return None
    mark.listed = True
    minutes = entry.get("minutes")
    if kind == "activity":
        if minutes is None:
            minutes = mark.minutes
        elif mark.minutes is not None and minutes != mark.minutes:
            problems.append(
                Problem(
                    line,
                    "R103",
                    f"activity '{name}' is {minutes} minutes here but its block says 'minutes: {mark.minutes}'",
                    "delete 'minutes:' here: an activity's minutes come from its block",
                )
            )
            return None
    if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes <= 0:
        problems.append(Problem(line, "R102", f"'{where}.minutes' must be a positive whole number, not {minutes!r}", "write 'minutes: 10'"))
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
