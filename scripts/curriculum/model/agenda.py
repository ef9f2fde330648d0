"""A day's agenda (D109-D112): clock times from the schedule and the sessions' durations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..rules import Problem, Rule
from .schedule import Schedule, add_minutes
from .sessions import SessionMeta

NOT_SESSION = Rule(
    "D109",
    "schedule-not-session",
    "the schedule names a page that is not a valid session",
    "fix the path or the page's 'kind: session' metadata",
    "the agenda takes a session's title and duration from its page",
)
DUPLICATE = Rule(
    "D110",
    "schedule-duplicate",
    "a session is scheduled twice",
    "schedule each session exactly once",
    "progress, the facilitator guide and the whole-day page list each session once",
)
OVERRUN = Rule(
    "D111",
    "schedule-overrun",
    "the sessions and breaks do not fit between start and end",
    "shorten a session or break, or move 'schedule.end'",
    "a day that cannot end on time is a promise the room cannot keep",
)
UNSCHEDULED = Rule(
    "D112",
    "session-unscheduled",
    "a session page of the day's folder is not in the schedule",
    "add '- session: x.md' to 'schedule.blocks'",
    "an unscheduled session has no time in the day and is missing from the agenda and the whole-day page",
)
RULES = (NOT_SESSION, DUPLICATE, OVERRUN, UNSCHEDULED)


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


def build_agenda(
    schedule: Schedule, sessions: dict[str, SessionMeta], unusable: Iterable[str] = ()
) -> tuple[list[AgendaRow], list[Problem]]:
    """Resolve clock times; report missing sessions, duplicates and overruns.

    ``sessions`` maps the schedule's page paths to their validated metadata.
    A page in ``unusable`` has problems of its own (unreadable, invalid
    metadata), already reported on that page: naming it again is left out.
    """
    skip = set(unusable)
    rows: list[AgendaRow] = []
    problems: list[Problem] = []
    clock = schedule.start
    seen: set[str] = set()
    for block in schedule.blocks:
        if block.kind == "session" and block.page is not None:
            if block.page in seen:
                problems.append(DUPLICATE.problem(block.line, f"session '{block.page}' is scheduled twice"))
            seen.add(block.page)
            meta = sessions.get(block.page)
            if meta is None:
                if block.page not in skip:
                    problems.append(
                        NOT_SESSION.problem(
                            block.line,
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
            OVERRUN.problem(
                1,
                f"the schedule needs {used} minutes but the day has {schedule.available_minutes} "
                f"({schedule.start:%H:%M} to {schedule.end:%H:%M}); it would end at {add_minutes(schedule.start, used):%H:%M}",
                "shorten a session or a break, or move 'schedule.end'",
            )
        )
    return rows, problems


def unscheduled_sessions(schedule: Schedule, session_pages: Iterable[str]) -> list[str]:
    """Session pages of the day that the schedule never names."""
    named = {b.page for b in schedule.blocks if b.kind == "session"}
    return sorted(p for p in session_pages if p not in named)
