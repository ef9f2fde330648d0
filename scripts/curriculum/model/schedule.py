"""A day page's front matter and its schedule (D101-D108): rules and parsers.

Clock times are resolved from the schedule and the sessions' durations in
:mod:`curriculum.model.agenda`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..rules import Problem, Rule
from .schema import COMMON_KEYS, DAY_OPTIONAL, DAY_REQUIRED, clock, positive_int, text

KEY_MISSING = Rule(
    "D101",
    "day-key-missing",
    "a required day front-matter key is missing (title, summary, day, schedule)",
    "add it; see 'Day pages'",
    "the day's agenda, progress list and whole-day page are built from these keys",
)
KEY_UNKNOWN = Rule(
    "D102",
    "day-key-unknown",
    "an unknown day front-matter key",
    "rename or delete the key",
    "a misspelt key is silently ignored by MkDocs",
)
DAY_NUMBER = Rule("D103", "day-number", "'day' is not a positive whole number", "write e.g. 'day: 2'", "days are ordered by their number")
SHAPE = Rule(
    "D104",
    "schedule-shape",
    "'schedule' lacks start, end or blocks, or has an unknown key",
    "a schedule takes 'start', 'end' and 'blocks'",
    "without all three the agenda's clock times cannot be computed",
)
CLOCK_RULE = Rule(
    "D105",
    "schedule-clock",
    "start or end is not a clock time, or the day ends before it starts",
    'quote it: start: "09:00"',
    "YAML reads an unquoted 09:00 as a number, and a day must end after it starts",
)
BLOCK = Rule(
    "D106",
    "schedule-block",
    "a schedule block is malformed",
    "'- session: x.md', or '- break: Coffee' with 'minutes: 15'",
    "a block the model cannot read would silently drop out of the agenda",
)
PATH = Rule(
    "D107",
    "schedule-path",
    "a schedule path is not a page path, or names a missing page",
    "paths are relative to the day page's folder",
    "the agenda links every block that names a page",
)
MINUTES = Rule(
    "D108",
    "schedule-minutes",
    "a break, lunch or item has no positive 'minutes:'",
    "write e.g. 'minutes: 15'",
    "every block's length moves the clock times of the blocks after it",
)
RULES = (KEY_MISSING, KEY_UNKNOWN, DAY_NUMBER, SHAPE, CLOCK_RULE, BLOCK, PATH, MINUTES)


@dataclass(frozen=True)
class ScheduleBlock:
    """One slot of a day: a session (by page path) or a titled block."""

    kind: str  # "session", "break", "lunch" or "item"
    title: str = ""
    minutes: int | None = None  # None for a session: its page says
    page: str | None = None  # docs-relative path, for sessions and items
    line: int = 0


@dataclass(frozen=True)
class Schedule:
    start: dt.time
    end: dt.time
    blocks: tuple[ScheduleBlock, ...]

    @property
    def available_minutes(self) -> int:
        return minutes_between(self.start, self.end)


@dataclass(frozen=True)
class DayMeta:
    title: str
    summary: str
    day: int
    schedule: Schedule


def minutes_between(start: dt.time, end: dt.time) -> int:
    return (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)


def add_minutes(time: dt.time, minutes: int) -> dt.time:
    total = time.hour * 60 + time.minute + minutes
    return dt.time(total // 60 % 24, total % 60)


def parse_day_meta(meta: dict[str, Any], key_lines: dict[str, int] | None = None) -> tuple[DayMeta | None, list[Problem]]:
    """Validate a day page's front matter, its schedule included."""
    lines = key_lines or {}
    problems: list[Problem] = []
    allowed = COMMON_KEYS | set(DAY_REQUIRED) | set(DAY_OPTIONAL)
    for key in meta:
        if key not in allowed:
            problems.append(
                KEY_UNKNOWN.problem(
                    lines.get(key, 1), f"unknown front-matter key '{key}'", f"day pages take: {', '.join(DAY_REQUIRED + DAY_OPTIONAL)}"
                )
            )
    for key in DAY_REQUIRED:
        if key not in meta:
            problems.append(
                KEY_MISSING.problem(lines.get(key, 1), f"missing required front-matter key '{key}'", "see CONTRIBUTING.md, 'Day pages'")
            )
    title, summary, day = text(meta.get("title")), text(meta.get("summary")), positive_int(meta.get("day"))
    if "day" in meta and day is None:
        problems.append(DAY_NUMBER.problem(lines.get("day", 1), f"'day' must be a positive whole number, not {meta.get('day')!r}"))
    schedule, schedule_problems = parse_schedule(meta.get("schedule"), lines)
    if "schedule" in meta:
        problems.extend(schedule_problems)
    if title is None or summary is None or day is None or schedule is None or any(p.severity == "error" for p in problems):
        return None, problems
    return DayMeta(title, summary, day, schedule), problems


def parse_schedule(raw: Any, key_lines: dict[str, int]) -> tuple[Schedule | None, list[Problem]]:
    line = key_lines.get("schedule", 1)
    if not isinstance(raw, dict):
        return None, [SHAPE.problem(line, "'schedule' must have 'start', 'end' and 'blocks'", "see CONTRIBUTING.md, 'The schedule'")]
    problems: list[Problem] = []
    for key in raw:
        if key not in ("start", "end", "blocks"):
            problems.append(SHAPE.problem(key_lines.get(f"schedule.{key}", line), f"unknown schedule key 'schedule.{key}'"))
    start, end = clock(raw.get("start")), clock(raw.get("end"))
    for key, value in (("start", start), ("end", end)):
        if value is None:
            problems.append(
                CLOCK_RULE.problem(
                    key_lines.get(f"schedule.{key}", line), f"'schedule.{key}' must be a clock time like \"09:00\", not {raw.get(key)!r}"
                )
            )
    if start and end and minutes_between(start, end) <= 0:
        problems.append(
            CLOCK_RULE.problem(
                key_lines.get("schedule.end", line), "'schedule.end' is not after 'schedule.start'", "the day must end after it starts"
            )
        )
    blocks_raw = raw.get("blocks")
    if not isinstance(blocks_raw, list) or not blocks_raw:
        problems.append(
            BLOCK.problem(
                key_lines.get("schedule.blocks", line),
                "'schedule.blocks' must be a non-empty list",
                "list the sessions, breaks and lunch in order",
            )
        )
        return None, problems
    blocks: list[ScheduleBlock] = []
    for index, item in enumerate(blocks_raw, start=1):
        block, block_problems = _parse_block(item, index, key_lines.get(f"schedule.blocks[{index}]", line))
        problems.extend(block_problems)
        if block:
            blocks.append(block)
    if problems or start is None or end is None:
        return None, problems
    return Schedule(start, end, tuple(blocks)), problems


def _parse_block(item: Any, index: int, line: int) -> tuple[ScheduleBlock | None, list[Problem]]:
    where = f"schedule.blocks[{index}]"
    if not isinstance(item, dict):
        return None, [
            BLOCK.problem(line, f"'{where}' must be a mapping", "write '- session: pipelines.md' or '- break: Coffee' with 'minutes: 15'")
        ]
    kinds = [k for k in ("session", "break", "lunch", "item") if k in item]
    if len(kinds) != 1:
        return None, [
            BLOCK.problem(
                line, f"'{where}' must have exactly one of 'session', 'break', 'lunch' or 'item'", "see CONTRIBUTING.md, 'The schedule'"
            )
        ]
    kind = kinds[0]
    allowed = {"session"} if kind == "session" else {kind, "minutes", "page"}
    extra = sorted(set(item) - allowed)
    if extra:
        return None, [
            BLOCK.problem(
                line,
                f"'{where}' has unknown key '{extra[0]}'",
                "a session block takes only 'session'; others take a title, 'minutes' and an optional 'page'",
            )
        ]
    if kind == "session":
        page = text(item["session"])
        if page is None or not page.endswith(".md"):
            return None, [PATH.problem(line, f"'{where}.session' must be a page path ending in .md")]
        return ScheduleBlock("session", page=page, line=line), []
    title = text(item[kind])
    minutes = positive_int(item.get("minutes"))
    problems = []
    if title is None:
        problems.append(BLOCK.problem(line, f"'{where}.{kind}' must be a title", "write e.g. 'break: Coffee'"))
    if minutes is None:
        problems.append(MINUTES.problem(line, f"'{where}.minutes' must be a positive whole number, not {item.get('minutes')!r}"))
    page = item.get("page")
    if page is not None and (text(page) is None or not str(page).endswith(".md")):
        problems.append(PATH.problem(line, f"'{where}.page' must be a page path ending in .md"))
    if problems:
        return None, problems
    return ScheduleBlock(kind, title=title or "", minutes=minutes, page=page, line=line), []
