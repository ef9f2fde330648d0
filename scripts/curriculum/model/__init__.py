"""The curriculum model: what a day page and a session page are made of.

This package is the one definition of the model (see CONTRIBUTING.md, "Page
types"). The MkDocs hooks use it to render objectives and the agenda and to
fail the build on metadata they cannot render; the site checker uses it to
report every rule with a file and line. Neither keeps its own copy of a key
name, a limit or a verb list: they import them from here.

One module per concern, each declaring its rules beside their checks:

- :mod:`.schema`: page kinds, front-matter keys, limits, block names;
- :mod:`.sessions`: a session page's front matter (S1xx);
- :mod:`.schedule`: a day page's front matter and schedule (D101-D108);
- :mod:`.agenda`: clock times and what only the whole day shows (D109-D112);
- :mod:`.body`: where the parts of a session page's body stand;
- :mod:`.structure`: the rules over those parts (S2xx).

Everything here is pure: it takes text and returns values plus a list of
:class:`~curriculum.rules.Problem` records, and never prints, raises on bad
content, or touches MkDocs. Every public name is re-exported here, so
``from curriculum import model`` then ``model.parse_session_meta`` works.
"""

from ..rules import Problem, Rule
from . import agenda, schedule, sessions, structure
from .agenda import AgendaRow, build_agenda, unscheduled_sessions
from .body import SessionBody, scan_session_body
from .schedule import DayMeta, Schedule, ScheduleBlock, add_minutes, minutes_between, parse_day_meta, parse_schedule
from .schema import (
    ACTIVITY_BLOCK,
    BANNED_VERBS,
    CLOCK,
    COMMON_KEYS,
    DAY_OPTIONAL,
    DAY_REQUIRED,
    FACILITATOR_BLOCK,
    KNOWLEDGE_CHECK_HEADING,
    MAX_OBJECTIVES,
    MAX_TAKEAWAYS,
    MIN_OBJECTIVES,
    MIN_QUESTIONS,
    MIN_TAKEAWAYS,
    OBJECTIVE_ID,
    PAGE_KINDS,
    PAUSE_KINDS,
    QUESTION_BLOCK,
    REVIEW_INTERVAL_DAYS,
    SESSION_OPTIONAL,
    SESSION_REQUIRED,
    TAKEAWAYS_HEADING,
    banned_opening,
    page_kind,
)
from .sessions import Objective, SessionMeta, parse_session_meta, review_problem
from .structure import session_structure_problems

#: Every rule of the model, in code order: front matter, schedule, agenda, body.
RULES: tuple[Rule, ...] = sessions.RULES + schedule.RULES + agenda.RULES + structure.RULES

__all__ = [
    "ACTIVITY_BLOCK",
    "BANNED_VERBS",
    "CLOCK",
    "COMMON_KEYS",
    "DAY_OPTIONAL",
    "DAY_REQUIRED",
    "FACILITATOR_BLOCK",
    "KNOWLEDGE_CHECK_HEADING",
    "MAX_OBJECTIVES",
    "MAX_TAKEAWAYS",
    "MIN_OBJECTIVES",
    "MIN_QUESTIONS",
    "MIN_TAKEAWAYS",
    "OBJECTIVE_ID",
    "PAGE_KINDS",
    "PAUSE_KINDS",
    "QUESTION_BLOCK",
    "REVIEW_INTERVAL_DAYS",
    "RULES",
    "SESSION_OPTIONAL",
    "SESSION_REQUIRED",
    "TAKEAWAYS_HEADING",
    "AgendaRow",
    "DayMeta",
    "Objective",
    "Problem",
    "Rule",
    "Schedule",
    "ScheduleBlock",
    "SessionBody",
    "SessionMeta",
    "add_minutes",
    "banned_opening",
    "build_agenda",
    "minutes_between",
    "page_kind",
    "parse_day_meta",
    "parse_schedule",
    "parse_session_meta",
    "review_problem",
    "scan_session_body",
    "session_structure_problems",
    "unscheduled_sessions",
]
