"""A session page's front matter (S1xx): its rules and :func:`parse_session_meta`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..rules import WARNING, Problem, Rule
from .schema import (
    COMMON_KEYS,
    MAX_OBJECTIVES,
    MIN_OBJECTIVES,
    OBJECTIVE_ID,
    REVIEW_INTERVAL_DAYS,
    SESSION_OPTIONAL,
    SESSION_REQUIRED,
    banned_opening,
    positive_int,
    text,
)

KEY_MISSING = Rule(
    "S101",
    "session-key-missing",
    "a required session front-matter key is missing",
    "add it; see 'Session pages'",
    "the session header, the agenda and the review schedule are built from these keys",
)
KEY_UNKNOWN = Rule(
    "S102",
    "session-key-unknown",
    "an unknown session front-matter key (often a typo)",
    "rename or delete the key",
    "a misspelt key is silently ignored by MkDocs, so the value the author meant never shows",
)
KEY_TYPE = Rule(
    "S103",
    "session-key-type",
    "title, summary, owner or prerequisites has the wrong type or is empty",
    "write non-empty text (a list of paths for prerequisites)",
    "an empty title or owner renders as a blank in the header and the agenda",
)
DURATION = Rule(
    "S104",
    "session-duration",
    "duration is not a positive whole number of minutes",
    "write e.g. 'duration: 90'",
    "the agenda's clock times are computed from every session's duration",
)
DATE = Rule(
    "S105",
    "session-date",
    "last_reviewed is not a YYYY-MM-DD date",
    "write e.g. 'last_reviewed: 2026-11-27'",
    "an unreadable date hides how stale a page is",
)
OBJECTIVE_SHAPE = Rule(
    "S106",
    "objective-shape",
    "an objective is not an {id, text} item or has no text",
    "write '- id: trace-record' and 'text: Trace ...'",
    "questions name objectives by id, and the header shows their text",
)
OBJECTIVE_ID_RULE = Rule(
    "S107",
    "objective-id",
    "an objective id is not a short slug, or is used twice",
    "2-32 characters a-z, 0-9, '-'; unique on the page",
    "ids are URL fragments and the key questions use to name what they check",
)
OBJECTIVE_VERB = Rule(
    "S108",
    "objective-verb",
    "an objective starts with a verb that cannot be measured (understand, know, learn about, ...)",
    "start with an observable verb: explain, trace, identify, compare",
    "an objective nobody can observe cannot be checked by a question",
)
OBJECTIVE_COUNT = Rule(
    "S109",
    "objective-count",
    f"a session has fewer than {MIN_OBJECTIVES} or more than {MAX_OBJECTIVES} objectives",
    "merge or split objectives",
    "fewer says too little about the session; more cannot all be taught and checked in it",
)
REVIEW_OVERDUE = Rule(
    "S110",
    "review-overdue",
    f"last_reviewed is older than the review interval ({REVIEW_INTERVAL_DAYS} days)",
    "check the page is still true, then update 'last_reviewed'",
    "systems and teams change; a page nobody has read for half a year may no longer be true",
    WARNING,
)
RULES = (
    KEY_MISSING,
    KEY_UNKNOWN,
    KEY_TYPE,
    DURATION,
    DATE,
    OBJECTIVE_SHAPE,
    OBJECTIVE_ID_RULE,
    OBJECTIVE_VERB,
    OBJECTIVE_COUNT,
    REVIEW_OVERDUE,
)


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


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def parse_session_meta(meta: dict[str, Any], key_lines: dict[str, int] | None = None) -> tuple[SessionMeta | None, list[Problem]]:
    """Validate a session page's front matter.

    Returns the metadata (None when a required key is unusable) and every
    problem found, each on the line of the key it concerns.
    """
    lines = key_lines or {}
    problems: list[Problem] = []

    def report(rule: Rule, key: str, message: str, hint: str | None = None) -> None:
        problems.append(rule.problem(lines.get(key, 1), message, hint))

    allowed = COMMON_KEYS | set(SESSION_REQUIRED) | set(SESSION_OPTIONAL)
    for key in meta:
        if key not in allowed:
            report(
                KEY_UNKNOWN,
                key,
                f"unknown front-matter key '{key}'",
                f"session pages take: {', '.join(SESSION_REQUIRED + SESSION_OPTIONAL)}",
            )
    for key in SESSION_REQUIRED:
        if key not in meta:
            report(KEY_MISSING, key, f"missing required front-matter key '{key}'", "see CONTRIBUTING.md, 'Session pages'")

    title, summary, owner = text(meta.get("title")), text(meta.get("summary")), text(meta.get("owner"))
    if "title" in meta and title is None:
        report(KEY_TYPE, "title", "'title' must be non-empty text", "write the session's name")
    if "summary" in meta and summary is None:
        report(KEY_TYPE, "summary", "'summary' must be one non-empty sentence", "one sentence for the agenda and search")
    if "owner" in meta and owner is None:
        report(KEY_TYPE, "owner", "'owner' must name a team or role", "for example 'Data Platform team'")

    duration = positive_int(meta.get("duration"))
    if "duration" in meta and duration is None:
        report(DURATION, "duration", f"'duration' must be a positive whole number of minutes, not {meta.get('duration')!r}")

    last_reviewed = _date(meta.get("last_reviewed"))
    if "last_reviewed" in meta and last_reviewed is None:
        report(DATE, "last_reviewed", f"'last_reviewed' must be a date (YYYY-MM-DD), not {meta.get('last_reviewed')!r}")

    objectives, objective_problems = _parse_objectives(meta.get("objectives"), lines)
    if "objectives" in meta:
        problems.extend(objective_problems)

    prerequisites: tuple[str, ...] = ()
    raw_pre = meta.get("prerequisites", [])
    if isinstance(raw_pre, list) and all(isinstance(p, str) and p.strip() for p in raw_pre):
        prerequisites = tuple(p.strip() for p in raw_pre)
    else:
        report(
            KEY_TYPE, "prerequisites", "'prerequisites' must be a list of page paths", "write e.g. 'prerequisites: [day-2/pipelines.md]'"
        )

    if any(p.severity == "error" for p in problems):
        return None, problems
    if title is None or summary is None or duration is None or owner is None or last_reviewed is None:
        return None, problems
    return SessionMeta(title, summary, duration, tuple(objectives), owner, last_reviewed, prerequisites), problems


def _parse_objectives(raw: Any, key_lines: dict[str, int]) -> tuple[list[Objective], list[Problem]]:
    line = key_lines.get("objectives", 1)
    if not isinstance(raw, list):
        return [], [OBJECTIVE_SHAPE.problem(line, "'objectives' must be a list of {id, text} items", "see CONTRIBUTING.md, 'Objectives'")]
    problems: list[Problem] = []
    objectives: list[Objective] = []
    seen: set[str] = set()
    for index, item in enumerate(raw, start=1):
        item_line = key_lines.get(f"objectives[{index}]", line)
        if not isinstance(item, dict) or set(item) != {"id", "text"}:
            problems.append(OBJECTIVE_SHAPE.problem(item_line, f"objective {index} must have exactly the keys 'id' and 'text'"))
            continue
        oid, sentence = item["id"], item["text"]
        if not isinstance(oid, str) or not OBJECTIVE_ID.match(oid):
            problems.append(
                OBJECTIVE_ID_RULE.problem(
                    item_line,
                    f"objective id {oid!r} is not a short lowercase slug",
                    "use 2-32 characters: a-z, 0-9 and '-', starting with a letter",
                )
            )
            continue
        if oid in seen:
            problems.append(OBJECTIVE_ID_RULE.problem(item_line, f"objective id '{oid}' is used twice", "give every objective its own id"))
            continue
        seen.add(oid)
        if not isinstance(sentence, str) or not sentence.strip():
            problems.append(
                OBJECTIVE_SHAPE.problem(item_line, f"objective '{oid}' has no text", "write one sentence starting with a measurable verb")
            )
            continue
        verb = banned_opening(sentence)
        if verb:
            problems.append(
                OBJECTIVE_VERB.problem(
                    item_line,
                    f"objective '{oid}' starts with '{verb}', which cannot be measured",
                    "start with a verb you can observe: explain, trace, identify, compare, map, describe, list",
                )
            )
            continue
        objectives.append(Objective(oid, sentence.strip()))
    if not MIN_OBJECTIVES <= len(raw) <= MAX_OBJECTIVES:
        problems.append(OBJECTIVE_COUNT.problem(line, f"{len(raw)} objectives; a session has {MIN_OBJECTIVES} to {MAX_OBJECTIVES}"))
    return objectives, problems


def review_problem(meta: SessionMeta, today: dt.date, line: int = 1) -> Problem | None:
    """A warning when the page is past its review interval."""
    age = (today - meta.last_reviewed).days
    if age > REVIEW_INTERVAL_DAYS:
        return REVIEW_OVERDUE.problem(
            line, f"last reviewed {meta.last_reviewed.isoformat()}, {age} days ago (interval {REVIEW_INTERVAL_DAYS})"
        )
    return None
