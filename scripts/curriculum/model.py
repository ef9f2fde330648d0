"""The curriculum model: what a day page and a session page are made of.

This module is the one definition of the model (see CONTRIBUTING.md, "Page
types"). The MkDocs hooks use it to render objectives and the agenda and to
fail the build on metadata they cannot render; the site checker uses it to
report every rule with a file and line. Neither keeps its own copy of a key
name, a limit or a verb list: they import them from here.

Everything here is pure: it takes text and returns values plus a list of
:class:`Problem` records, and never prints, raises on bad content, or touches
MkDocs.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from . import scanner

# --------------------------------------------------------------------------
# Constants every consumer shares
# --------------------------------------------------------------------------

#: Page kinds, set with ``kind:`` in front matter. Absent means ``page``.
PAGE_KINDS = ("page", "day", "session")

#: Keys allowed in any page's front matter (MkDocs and Material ones included).
COMMON_KEYS = frozenset({"title", "description", "kind", "hide", "search", "icon", "status", "template"})

#: Keys of a session page: required, then optional.
SESSION_REQUIRED = ("title", "summary", "duration", "objectives", "owner", "last_reviewed")
SESSION_OPTIONAL = ("prerequisites",)

#: Keys of a day page.
DAY_REQUIRED = ("title", "summary", "day", "schedule")
DAY_OPTIONAL = ("owner", "last_reviewed")

MIN_OBJECTIVES = 3
MAX_OBJECTIVES = 5
MIN_QUESTIONS = 3
MIN_TAKEAWAYS = 3
MAX_TAKEAWAYS = 6

#: A page whose ``last_reviewed`` is older than this is reported (a warning).
REVIEW_INTERVAL_DAYS = 180

#: Objectives must be measurable: these openings are refused.
BANNED_VERBS = (
    "understand",
    "know",
    "learn about",
    "learn",
    "appreciate",
    "be aware of",
    "be familiar with",
    "become familiar with",
    "grasp",
    "realise",
    "realize",
    "see",
)

#: Objective ids: short, stable, usable in a URL fragment.
OBJECTIVE_ID = re.compile(r"^[a-z][a-z0-9-]{1,31}$")

#: The H2 headings that mark the fixed parts of a session page.
KNOWLEDGE_CHECK_HEADING = "Knowledge check"
TAKEAWAYS_HEADING = "Key takeaways"

#: Block names authors write as ``/// name``; rendered by curriculum.blocks.
ACTIVITY_BLOCK = "activity"
QUESTION_BLOCK = "question"
FACILITATOR_BLOCK = "facilitator"

#: Schedule block kinds other than ``session``.
PAUSE_KINDS = ("break", "lunch")

CLOCK = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


# --------------------------------------------------------------------------
# Findings
# --------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Problem:
    """Something wrong with a page, located by line (1-based, in the file).

    ``code`` is the checker's stable rule code; ``hint`` says how to fix it.
    """

    line: int
    code: str
    message: str
    hint: str = ""
    severity: str = "error"  # or "warning"


# --------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Objective:
    id: str
    text: str


@dataclass(frozen=True)
class SessionMeta:
    """A session page's front matter, validated."""

    title: str
    summary: str
    duration: int
    objectives: tuple[Objective, ...]
    owner: str
    last_reviewed: dt.date
    prerequisites: tuple[str, ...] = ()

    @property
    def objective_ids(self) -> frozenset[str]:
        return frozenset(o.id for o in self.objectives)


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


@dataclass(frozen=True)
class AgendaRow:
    """A schedule block with clock times resolved."""

    kind: str
    title: str
    summary: str
    start: dt.time
    end: dt.time
    minutes: int
    page: str | None = None


@dataclass
class SessionBody:
    """Where the parts of a session page stand in its Markdown (1-based lines)."""

    h1_lines: list[int] = field(default_factory=list)
    teaching_h2: list[tuple[int, str]] = field(default_factory=list)
    activities: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    questions: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    facilitator_notes: list[int] = field(default_factory=list)
    knowledge_check_line: int | None = None
    takeaways_line: int | None = None
    takeaway_bullets: int = 0
    unclosed_fence_line: int | None = None
    #: (line, reason) of blocks whose options pymdownx.blocks would refuse,
    #: leaving the block as raw '///' text on the page.
    bad_block_options: list[tuple[int, str]] = field(default_factory=list)


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


def minutes_between(start: dt.time, end: dt.time) -> int:
    return (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)


def add_minutes(time: dt.time, minutes: int) -> dt.time:
    total = time.hour * 60 + time.minute + minutes
    return dt.time(total // 60 % 24, total % 60)


def page_kind(meta: dict[str, Any]) -> str:
    kind = meta.get("kind", "page")
    return kind if kind in PAGE_KINDS else "page"


def banned_opening(sentence: str) -> str | None:
    """The banned verb a sentence starts with, or None."""
    lowered = sentence.strip().lower()
    for verb in sorted(BANNED_VERBS, key=len, reverse=True):
        if lowered == verb or lowered.startswith(verb + " "):
            return verb
    return None


def _line_of_key(key_lines: dict[str, int], key: str, default: int = 1) -> int:
    return key_lines.get(key, default)


def _positive_int(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        return None
    return value


def _clock(value: Any) -> dt.time | None:
    # YAML 1.1 reads an unquoted 09:00 as the sexagesimal integer 540.
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        return dt.time(value // 60, value % 60)
    if isinstance(value, str) and CLOCK.match(value.strip()):
        hours, minutes = value.strip().split(":")
        return dt.time(int(hours), int(minutes))
    return None


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


# --------------------------------------------------------------------------
# Front matter: sessions
# --------------------------------------------------------------------------


def parse_session_meta(meta: dict[str, Any], key_lines: dict[str, int] | None = None) -> tuple[SessionMeta | None, list[Problem]]:
    """Validate a session page's front matter.

    Returns the metadata (None when a required key is unusable) and every
    problem found, each on the line of the key it concerns.
    """
    key_lines = key_lines or {}
    problems: list[Problem] = []

    def report(key: str, message: str, hint: str, code: str = "S101", severity: str = "error") -> None:
        problems.append(Problem(_line_of_key(key_lines, key), code, message, hint, severity))

    allowed = COMMON_KEYS | set(SESSION_REQUIRED) | set(SESSION_OPTIONAL)
    for key in meta:
        if key not in allowed:
            report(
                key,
                f"unknown front-matter key '{key}'",
                f"session pages take: {', '.join(SESSION_REQUIRED + SESSION_OPTIONAL)}",
                code="S102",
            )
    for key in SESSION_REQUIRED:
        if key not in meta:
            report(key, f"missing required front-matter key '{key}'", "see CONTRIBUTING.md, 'Session pages'", code="S101")

    title = _text(meta.get("title"))
    if "title" in meta and title is None:
        report("title", "'title' must be non-empty text", "write the session's name", code="S103")
    summary = _text(meta.get("summary"))
    if "summary" in meta and summary is None:
        report("summary", "'summary' must be one non-empty sentence", "one sentence for the agenda and search", code="S103")
    owner = _text(meta.get("owner"))
    if "owner" in meta and owner is None:
        report("owner", "'owner' must name a team or role", "for example 'Data Platform team'", code="S103")

    duration = _positive_int(meta.get("duration"))
    if "duration" in meta and duration is None:
        report(
            "duration",
            f"'duration' must be a positive whole number of minutes, not {meta.get('duration')!r}",
            "write e.g. 'duration: 90'",
            code="S104",
        )

    reviewed = meta.get("last_reviewed")
    last_reviewed: dt.date | None = None
    if isinstance(reviewed, dt.datetime):
        last_reviewed = reviewed.date()
    elif isinstance(reviewed, dt.date):
        last_reviewed = reviewed
    elif isinstance(reviewed, str):
        try:
            last_reviewed = dt.date.fromisoformat(reviewed.strip())
        except ValueError:
            last_reviewed = None
    if "last_reviewed" in meta and last_reviewed is None:
        report(
            "last_reviewed",
            f"'last_reviewed' must be a date (YYYY-MM-DD), not {reviewed!r}",
            "write e.g. 'last_reviewed: 2026-11-27'",
            code="S105",
        )

    objectives, objective_problems = _parse_objectives(meta.get("objectives"), key_lines)
    if "objectives" in meta:
        problems.extend(objective_problems)

    prerequisites: tuple[str, ...] = ()
    raw_pre = meta.get("prerequisites", [])
    if isinstance(raw_pre, list) and all(isinstance(p, str) and p.strip() for p in raw_pre):
        prerequisites = tuple(p.strip() for p in raw_pre)
    else:
        report(
            "prerequisites",
            "'prerequisites' must be a list of page paths",
            "write e.g. 'prerequisites: [day-2/pipelines.md]'",
            code="S103",
        )

    if any(p.severity == "error" for p in problems) or None in (
        title,
        summary,
        duration,
        owner,
        last_reviewed,
    ):
        return None, problems
    return (
        SessionMeta(
            title=title,  # type: ignore[arg-type]
            summary=summary,  # type: ignore[arg-type]
            duration=duration,  # type: ignore[arg-type]
            objectives=tuple(objectives),
            owner=owner,  # type: ignore[arg-type]
            last_reviewed=last_reviewed,  # type: ignore[arg-type]
            prerequisites=prerequisites,
        ),
        problems,
    )


def _parse_objectives(raw: Any, key_lines: dict[str, int]) -> tuple[list[Objective], list[Problem]]:
    line = _line_of_key(key_lines, "objectives")
    problems: list[Problem] = []
    if not isinstance(raw, list):
        return [], [Problem(line, "S106", "'objectives' must be a list of {id, text} items", "see CONTRIBUTING.md, 'Objectives'")]
    objectives: list[Objective] = []
    seen: set[str] = set()
    for index, item in enumerate(raw, start=1):
        item_line = key_lines.get(f"objectives[{index}]", line)
        if not isinstance(item, dict) or set(item) != {"id", "text"}:
            problems.append(
                Problem(
                    item_line,
                    "S106",
                    f"objective {index} must have exactly the keys 'id' and 'text'",
                    "write '- id: trace-record' and 'text: Trace ...'",
                )
            )
            continue
        oid, text = item["id"], item["text"]
        if not isinstance(oid, str) or not OBJECTIVE_ID.match(oid):
            problems.append(
                Problem(
                    item_line,
                    "S107",
                    f"objective id {oid!r} is not a short lowercase slug",
                    "use 2-32 characters: a-z, 0-9 and '-', starting with a letter",
                )
            )
            continue
        if oid in seen:
            problems.append(Problem(item_line, "S107", f"objective id '{oid}' is used twice", "give every objective its own id"))
            continue
        seen.add(oid)
        if not isinstance(text, str) or not text.strip():
            problems.append(
                Problem(item_line, "S106", f"objective '{oid}' has no text", "write one sentence starting with a measurable verb")
            )
            continue
        verb = banned_opening(text)
        if verb:
            problems.append(
                Problem(
                    item_line,
                    "S108",
                    f"objective '{oid}' starts with '{verb}', which cannot be measured",
                    "start with a verb you can observe: explain, trace, identify, compare, map, describe, list",
                )
            )
            continue
        objectives.append(Objective(oid, text.strip()))
    count = len(raw)
    if not MIN_OBJECTIVES <= count <= MAX_OBJECTIVES:
        problems.append(
            Problem(line, "S109", f"{count} objectives; a session has {MIN_OBJECTIVES} to {MAX_OBJECTIVES}", "merge or split objectives")
        )
    return objectives, problems


def review_problem(meta: SessionMeta, today: dt.date, line: int = 1) -> Problem | None:
    """A warning when the page is past its review interval."""
    age = (today - meta.last_reviewed).days
    if age > REVIEW_INTERVAL_DAYS:
        return Problem(
            line,
            "S110",
            f"last reviewed {meta.last_reviewed.isoformat()}, {age} days ago (interval {REVIEW_INTERVAL_DAYS})",
            "check the page is still true, then update 'last_reviewed'",
            "warning",
        )
    return None


# --------------------------------------------------------------------------
# Front matter: days and schedules
# --------------------------------------------------------------------------


def parse_day_meta(meta: dict[str, Any], key_lines: dict[str, int] | None = None) -> tuple[DayMeta | None, list[Problem]]:
    """Validate a day page's front matter, its schedule included."""
    key_lines = key_lines or {}
    problems: list[Problem] = []
    allowed = COMMON_KEYS | set(DAY_REQUIRED) | set(DAY_OPTIONAL)
    for key in meta:
        if key not in allowed:
            problems.append(
                Problem(
                    _line_of_key(key_lines, key),
                    "D102",
                    f"unknown front-matter key '{key}'",
                    f"day pages take: {', '.join(DAY_REQUIRED + DAY_OPTIONAL)}",
                )
            )
    for key in DAY_REQUIRED:
        if key not in meta:
            problems.append(
                Problem(
                    _line_of_key(key_lines, key), "D101", f"missing required front-matter key '{key}'", "see CONTRIBUTING.md, 'Day pages'"
                )
            )
    title = _text(meta.get("title"))
    summary = _text(meta.get("summary"))
    day = _positive_int(meta.get("day"))
    if "day" in meta and day is None:
        problems.append(
            Problem(
                _line_of_key(key_lines, "day"),
                "D103",
                f"'day' must be a positive whole number, not {meta.get('day')!r}",
                "write e.g. 'day: 2'",
            )
        )
    schedule, schedule_problems = parse_schedule(meta.get("schedule"), key_lines)
    if "schedule" in meta:
        problems.extend(schedule_problems)
    if title is None or summary is None or day is None or schedule is None or any(p.severity == "error" for p in problems):
        return None, problems
    return DayMeta(title, summary, day, schedule), problems


def parse_schedule(raw: Any, key_lines: dict[str, int]) -> tuple[Schedule | None, list[Problem]]:
    line = _line_of_key(key_lines, "schedule")
    if not isinstance(raw, dict):
        return None, [Problem(line, "D104", "'schedule' must have 'start', 'end' and 'blocks'", "see CONTRIBUTING.md, 'The schedule'")]
    problems: list[Problem] = []
    for key in raw:
        if key not in ("start", "end", "blocks"):
            problems.append(
                Problem(
                    _line_of_key(key_lines, f"schedule.{key}", line),
                    "D104",
                    f"unknown schedule key 'schedule.{key}'",
                    "a schedule takes 'start', 'end' and 'blocks'",
                )
            )
    start, end = _clock(raw.get("start")), _clock(raw.get("end"))
    for key, value in (("start", start), ("end", end)):
        if value is None:
            problems.append(
                Problem(
                    _line_of_key(key_lines, f"schedule.{key}", line),
                    "D105",
                    f"'schedule.{key}' must be a clock time like \"09:00\", not {raw.get(key)!r}",
                    'quote it: start: "09:00"',
                )
            )
    if start and end and minutes_between(start, end) <= 0:
        problems.append(
            Problem(
                _line_of_key(key_lines, "schedule.end", line),
                "D105",
                "'schedule.end' is not after 'schedule.start'",
                "the day must end after it starts",
            )
        )
    blocks_raw = raw.get("blocks")
    if not isinstance(blocks_raw, list) or not blocks_raw:
        problems.append(
            Problem(
                _line_of_key(key_lines, "schedule.blocks", line),
                "D106",
                "'schedule.blocks' must be a non-empty list",
                "list the sessions, breaks and lunch in order",
            )
        )
        return None, problems
    blocks: list[ScheduleBlock] = []
    for index, item in enumerate(blocks_raw, start=1):
        item_line = key_lines.get(f"schedule.blocks[{index}]", line)
        block, block_problems = _parse_block(item, index, item_line)
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
            Problem(line, "D106", f"'{where}' must be a mapping", "write '- session: pipelines.md' or '- break: Coffee' with 'minutes: 15'")
        ]
    kinds = [k for k in ("session", "break", "lunch", "item") if k in item]
    if len(kinds) != 1:
        return None, [
            Problem(
                line,
                "D106",
                f"'{where}' must have exactly one of 'session', 'break', 'lunch' or 'item'",
                "see CONTRIBUTING.md, 'The schedule'",
            )
        ]
    kind = kinds[0]
    allowed = {"session"} if kind == "session" else {kind, "minutes", "page"}
    extra = sorted(set(item) - allowed)
    if extra:
        return None, [
            Problem(
                line,
                "D106",
                f"'{where}' has unknown key '{extra[0]}'",
                "a session block takes only 'session'; others take a title, 'minutes' and an optional 'page'",
            )
        ]
    if kind == "session":
        page = _text(item["session"])
        if page is None or not page.endswith(".md"):
            return None, [
                Problem(line, "D107", f"'{where}.session' must be a page path ending in .md", "paths are relative to the day page's folder")
            ]
        return ScheduleBlock("session", page=page, line=line), []
    title = _text(item[kind])
    minutes = _positive_int(item.get("minutes"))
    problems = []
    if title is None:
        problems.append(Problem(line, "D106", f"'{where}.{kind}' must be a title", "write e.g. 'break: Coffee'"))
    if minutes is None:
        problems.append(
            Problem(
                line, "D108", f"'{where}.minutes' must be a positive whole number, not {item.get('minutes')!r}", "write e.g. 'minutes: 15'"
            )
        )
    page = item.get("page")
    if page is not None and (_text(page) is None or not str(page).endswith(".md")):
        problems.append(
            Problem(line, "D107", f"'{where}.page' must be a page path ending in .md", "paths are relative to the day page's folder")
        )
    if problems:
        return None, problems
    return ScheduleBlock(kind, title=title or "", minutes=minutes, page=page, line=line), []


def build_agenda(schedule: Schedule, sessions: dict[str, SessionMeta]) -> tuple[list[AgendaRow], list[Problem]]:
    """Resolve clock times; report missing sessions, duplicates and overruns.

    ``sessions`` maps the schedule's page paths to their validated metadata.
    """
    rows: list[AgendaRow] = []
    problems: list[Problem] = []
    clock = schedule.start
    seen: set[str] = set()
    for block in schedule.blocks:
        if block.kind == "session":
            assert block.page is not None
            if block.page in seen:
                problems.append(
                    Problem(block.line, "D110", f"session '{block.page}' is scheduled twice", "schedule each session exactly once")
                )
            seen.add(block.page)
            meta = sessions.get(block.page)
            if meta is None:
                problems.append(
                    Problem(
                        block.line,
                        "D109",
                        f"schedule names '{block.page}', which is not a valid session page",
                        "check the path, and that the page has 'kind: session' and valid metadata",
                    )
                )
                continue
            minutes, title, summary = meta.duration, meta.title, meta.summary
        else:
            minutes, title, summary = block.minutes or 0, block.title, ""
        end = add_minutes(clock, minutes)
        rows.append(AgendaRow(block.kind, title, summary, clock, end, minutes, block.page))
        clock = end
    used = sum(row.minutes for row in rows)
    if used > schedule.available_minutes:
        problems.append(
            Problem(
                1,
                "D111",
                f"the schedule needs {used} minutes but the day has {schedule.available_minutes} "
                f"({schedule.start:%H:%M} to {schedule.end:%H:%M}); it would end at "
                f"{add_minutes(schedule.start, used):%H:%M}",
                "shorten a session or a break, or move 'schedule.end'",
            )
        )
    return rows, problems


def unscheduled_sessions(schedule: Schedule, session_pages: Iterable[str]) -> list[str]:
    """Session pages of the day that the schedule never names."""
    named = {b.page for b in schedule.blocks if b.kind == "session"}
    return sorted(p for p in session_pages if p not in named)


# --------------------------------------------------------------------------
# Body: the parts of a session page
# --------------------------------------------------------------------------

BULLET = re.compile(r"^[-*+]\s+\S")


def scan_session_body(lines: list[str], first_line: int = 1) -> SessionBody:
    """Find the parts of a session page in its Markdown body.

    ``lines`` is the body without front matter; ``first_line`` is the file
    line of ``lines[0]`` so reported lines match the file. The scan is
    :func:`curriculum.scanner.scan`, so a ``## heading`` inside a code
    example is not a heading.
    """
    found = scanner.scan(lines, first_line)
    body = SessionBody()
    takeaways_end: int | None = None
    for heading in found.headings:
        if body.takeaways_line is not None and takeaways_end is None:
            takeaways_end = heading.line
        if heading.level == 1:
            body.h1_lines.append(heading.line)
        elif heading.level == 2:
            if heading.text == KNOWLEDGE_CHECK_HEADING:
                body.knowledge_check_line = heading.line
            elif heading.text == TAKEAWAYS_HEADING:
                body.takeaways_line = heading.line
                takeaways_end = None
            else:
                body.teaching_h2.append((heading.line, heading.text))
    for block in found.blocks:
        if block.options_error:
            body.bad_block_options.append((block.line, block.options_error))
        options: dict[str, Any] = {"title": block.title, **block.options}
        if block.name == ACTIVITY_BLOCK:
            body.activities.append((block.line, options))
        elif block.name == QUESTION_BLOCK:
            body.questions.append((block.line, options))
        elif block.name == FACILITATOR_BLOCK:
            body.facilitator_notes.append(block.line)
    if body.takeaways_line is not None:
        body.takeaway_bullets = sum(
            1 for number, raw in found.text_lines() if body.takeaways_line < number < (takeaways_end or number + 1) and BULLET.match(raw)
        )
    unclosed = found.unclosed_fence()
    body.unclosed_fence_line = unclosed.line if unclosed else None
    return body


def session_structure_problems(meta: SessionMeta, body: SessionBody) -> list[Problem]:
    """Every rule about the order and completeness of a session's parts."""
    problems: list[Problem] = []
    for line, reason in body.bad_block_options:
        problems.append(
            Problem(
                line,
                "S214",
                f"block options are not valid YAML ({reason}), so the block would show as raw '///' text",
                "quote a value that contains ': ' or '#', e.g. output: \"a list: one per hub\"",
            )
        )
    if body.h1_lines:
        problems.append(
            Problem(
                body.h1_lines[0],
                "S201",
                "a session page has no H1 of its own",
                "delete this line: the title comes from front matter and is rendered with the objectives",
            )
        )
    if not body.teaching_h2:
        problems.append(Problem(1, "S202", "no teaching sections", "add H2 sections that cover the brief's bullets for this session"))
    if not body.activities:
        problems.append(Problem(1, "S203", "no activity", "add a '/// activity | Title' block with 'minutes:' and 'output:'"))
    for line, options in body.activities:
        if _positive_int(_as_int(options.get("minutes"))) is None:
            problems.append(
                Problem(
                    line,
                    "S204",
                    "activity has no 'minutes:' option (a positive whole number)",
                    "add '    minutes: 20' under the block's first line",
                )
            )
        if not options.get("output"):
            problems.append(
                Problem(line, "S204", "activity does not say what the group produces", "add '    output: a one-page map of ...'")
            )
    if body.knowledge_check_line is None:
        problems.append(
            Problem(1, "S205", f"no '## {KNOWLEDGE_CHECK_HEADING}' section", "add it after the activities, with '/// question' blocks")
        )
    if len(body.questions) < MIN_QUESTIONS:
        problems.append(
            Problem(
                body.knowledge_check_line or 1,
                "S206",
                f"{len(body.questions)} knowledge-check questions; at least {MIN_QUESTIONS} are needed",
                "add '/// question | ...' blocks with 'objective:'",
            )
        )
    checked: set[str] = set()
    for line, options in body.questions:
        oid = options.get("objective", "")
        if not oid:
            problems.append(
                Problem(
                    line, "S207", "question does not name the objective it checks", "add '    objective: <id>' under the block's first line"
                )
            )
        elif oid not in meta.objective_ids:
            problems.append(
                Problem(
                    line,
                    "S207",
                    f"question names objective '{oid}', which the page does not have",
                    f"use one of: {', '.join(sorted(meta.objective_ids))}",
                )
            )
        else:
            checked.add(oid)
        if body.knowledge_check_line and line < body.knowledge_check_line:
            problems.append(
                Problem(line, "S209", "question stands before the knowledge check", f"move it under '## {KNOWLEDGE_CHECK_HEADING}'")
            )
    for objective in meta.objectives:
        if objective.id not in checked:
            problems.append(
                Problem(
                    1,
                    "S208",
                    f"objective '{objective.id}' is not checked by any question",
                    "add a question with 'objective: " + objective.id + "'",
                )
            )
    if body.takeaways_line is None:
        problems.append(
            Problem(1, "S210", f"no '## {TAKEAWAYS_HEADING}' section", f"end the page with it: {MIN_TAKEAWAYS} to {MAX_TAKEAWAYS} bullets")
        )
    elif not MIN_TAKEAWAYS <= body.takeaway_bullets <= MAX_TAKEAWAYS:
        problems.append(
            Problem(
                body.takeaways_line,
                "S211",
                f"{body.takeaway_bullets} takeaways; write {MIN_TAKEAWAYS} to {MAX_TAKEAWAYS} bullets",
                "keep the points a reader must remember",
            )
        )
    problems.extend(_order_problems(body))
    if not body.facilitator_notes:
        problems.append(
            Problem(1, "S213", "no facilitator notes", "add a '/// facilitator' block with timing cues, questions and misconceptions")
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
    for (before, before_line), (after, after_line) in zip(marks, marks[1:]):
        if after_line < before_line:
            return [
                Problem(
                    after_line,
                    "S212",
                    f"{after} comes before {before}",
                    "order: teaching sections, activity, knowledge check, key takeaways",
                )
            ]
    return []


def _as_int(value: Any) -> Any:
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return value
