"""The schema of the curriculum: page kinds, front-matter keys, limits, block names.

Every consumer (the build hooks, the block renderers, the checker) imports
these names from here rather than keeping its own copy of a key, a limit or
a verb list.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

#: Page kinds, set with ``kind:`` in front matter. Absent means ``page``.
PAGE_KINDS = ("page", "day", "session")

#: Keys allowed in any page's front matter (MkDocs and Material ones included).
COMMON_KEYS = frozenset({"title", "description", "kind", "hide", "search", "icon", "status", "template"})

#: Keys of a session page: required, then optional.
SESSION_REQUIRED = ("title", "summary", "duration", "objectives", "owner", "last_reviewed")
SESSION_OPTIONAL = ("prerequisites", "run_sheet")

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


# Readers of front-matter values: each returns None for a value it refuses.


def positive_int(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        return None
    return value


def text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def clock(value: Any) -> dt.time | None:
    """A clock time; YAML 1.1 reads an unquoted 09:00 as the sexagesimal integer 540."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        return dt.time(value // 60, value % 60)
    if isinstance(value, str) and CLOCK.match(value.strip()):
        hours, minutes = value.strip().split(":")
        return dt.time(int(hours), int(minutes))
    return None


def as_int(value: Any) -> Any:
    """A block option written as digits, as an int (options are read as text)."""
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return value
