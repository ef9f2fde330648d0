"""The schedule of a day page (D1xx): the model's own rules, mapped to findings."""

from __future__ import annotations

from typing import Iterable

from ..findings import Finding
from ..site import Site
from .base import Rule
from .session import map_problems

RULES = (
    Rule(
        "D101", "day-key-missing", "a required day front-matter key is missing (title, summary, day, schedule)", "add it; see 'Day pages'"
    ),
    Rule("D102", "day-key-unknown", "an unknown day front-matter key", "rename or delete the key"),
    Rule("D103", "day-number", "'day' is not a positive whole number", "write e.g. 'day: 2'"),
    Rule(
        "D104",
        "schedule-shape",
        "'schedule' lacks start, end or blocks, or has an unknown key",
        "a schedule takes 'start', 'end' and 'blocks'",
    ),
    Rule("D105", "schedule-clock", "start or end is not a clock time, or the day ends before it starts", 'quote it: start: "09:00"'),
    Rule("D106", "schedule-block", "a schedule block is malformed", "'- session: x.md', or '- break: Coffee' with 'minutes: 15'"),
    Rule(
        "D107",
        "schedule-path",
        "a schedule path is not a page path, or names a missing page",
        "paths are relative to the day page's folder",
    ),
    Rule("D108", "schedule-minutes", "a break, lunch or item has no positive 'minutes:'", "write e.g. 'minutes: 15'"),
    Rule(
        "D109",
        "schedule-not-session",
        "the schedule names a page that is not a valid session",
        "fix the path or the page's 'kind: session' metadata",
    ),
    Rule("D110", "schedule-duplicate", "a session is scheduled twice", "schedule each session exactly once"),
    Rule(
        "D111",
        "schedule-overrun",
        "the sessions and breaks do not fit between start and end",
        "shorten a session or break, or move 'schedule.end'",
    ),
    Rule(
        "D112",
        "session-unscheduled",
        "a session page of the day's folder is not in the schedule",
        "add '- session: x.md' to 'schedule.blocks'",
    ),
)
BY_CODE = {rule.code: rule for rule in RULES}


def check(site: Site) -> Iterable[Finding]:
    if site.catalog is None:
        return
    yield from map_problems(site, ("D",), BY_CODE)
