"""The catalog: every day and session of the site, read once, with their problems.

The build hook loads it when MkDocs has collected the files, so a bad schedule
fails the build before any page is rendered; the checker loads the same thing
to report every problem with its line.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import model
from .model import agenda, schedule
from .rules import Problem
from .source import PageSource, read_page


@dataclass
class Catalog:
    docs_dir: Path
    pages: dict[str, PageSource] = field(default_factory=dict)
    days: dict[str, model.DayMeta] = field(default_factory=dict)
    sessions: dict[str, model.SessionMeta] = field(default_factory=dict)
    agendas: dict[str, list[model.AgendaRow]] = field(default_factory=dict)
    problems: dict[str, list[Problem]] = field(default_factory=dict)

    def report(self, rel: str, problems: Iterable[Problem]) -> None:
        found = list(problems)
        if found:
            self.problems.setdefault(rel, []).extend(found)

    def errors(self) -> list[tuple[str, Problem]]:
        return sorted((rel, p) for rel, found in self.problems.items() for p in found if p.severity == "error")

    def sessions_of(self, day_rel: str) -> list[tuple[str, model.SessionMeta]]:
        """The day's sessions in schedule order, as (docs path, metadata)."""
        return [
            (row.page, self.sessions[row.page])
            for row in self.agendas.get(day_rel, [])
            if row.kind == "session" and row.page in self.sessions
        ]

    def day_of(self, session_rel: str) -> str | None:
        for day_rel, rows in self.agendas.items():
            if any(row.page == session_rel for row in rows):
                return day_rel
        return None


def resolve(day_rel: str, target: str) -> str:
    """A schedule path, relative to the day page's folder, as a docs path."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(day_rel), target))


def load_catalog(docs_dir: Path, rel_paths: Iterable[str] | None = None, today: dt.date | None = None) -> Catalog:
    """Read every Markdown page (or the given ones) and validate days and sessions."""
    docs_dir = docs_dir.resolve()
    if rel_paths is None:
        rel_paths = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))
    catalog = Catalog(docs_dir)
    for rel in rel_paths:
        page = read_page(docs_dir / rel, docs_dir)
        catalog.pages[rel] = page
        catalog.report(rel, page.problems)
    for rel, page in catalog.pages.items():
        if page.kind == "session":
            meta, found = model.parse_session_meta(page.meta, page.key_lines)
            catalog.report(rel, found)
            if meta:
                catalog.sessions[rel] = meta
                if today and (warning := model.review_problem(meta, today, page.key_lines.get("last_reviewed", 1))):
                    catalog.report(rel, [warning])
        elif page.kind == "day":
            day, found = model.parse_day_meta(page.meta, page.key_lines)
            catalog.report(rel, found)
            if day:
                catalog.days[rel] = day
    unusable = {rel for rel, page in catalog.pages.items() if page.problems or (page.kind == "session" and rel not in catalog.sessions)}
    for rel, day in catalog.days.items():
        _load_agenda(catalog, rel, day, unusable)
    return catalog


def _load_agenda(catalog: Catalog, rel: str, day: model.DayMeta, unusable: set[str]) -> None:
    """The day's agenda, and what only the whole day shows: overruns, missing or unscheduled pages."""
    page = catalog.pages[rel]
    resolved = model.Schedule(
        day.schedule.start,
        day.schedule.end,
        tuple(
            model.ScheduleBlock(b.kind, b.title, b.minutes, resolve(rel, b.page) if b.page else None, b.line) for b in day.schedule.blocks
        ),
    )
    rows, found = model.build_agenda(resolved, catalog.sessions, unusable)
    found = [_overrun_on_end_line(page, rows, catalog, p) if p.rule is agenda.OVERRUN else p for p in found]
    for block in resolved.blocks:
        if block.kind != "session" and block.page and block.page not in catalog.pages:
            found.append(
                schedule.PATH.problem(block.line, f"schedule links to '{block.page}', which does not exist", "fix the 'page:' path")
            )
    folder = posixpath.dirname(rel)
    own_sessions = [s for s in catalog.sessions if posixpath.dirname(s) == folder]
    for missing in model.unscheduled_sessions(resolved, own_sessions):
        found.append(
            agenda.UNSCHEDULED.problem(
                page.key_lines.get("schedule", 1),
                f"session page '{missing}' is not in the schedule",
                "add '- session: " + posixpath.relpath(missing, folder or ".") + "' to 'schedule.blocks'",
            )
        )
    catalog.report(rel, found)
    catalog.agendas[rel] = rows


def _overrun_on_end_line(page: PageSource, rows: list[model.AgendaRow], catalog: Catalog, problem: Problem) -> Problem:
    """An overrun is reported on the 'schedule.end' line, naming every session's 'duration' line:
    the day does not know which session grew, the maintainer does."""
    sessions = dict.fromkeys(row.page for row in rows if row.kind == "session" and row.page in catalog.pages)
    durations = ", ".join(
        f"{rel}:{catalog.pages[rel].key_lines.get('duration', 1)} ({catalog.sessions[rel].duration} min)" for rel in sessions
    )
    return replace(
        problem,
        line=page.key_lines.get("schedule.end", page.key_lines.get("schedule", 1)),
        message=f"{problem.message}; the sessions' 'duration' lines: {durations}" if durations else problem.message,
    )
