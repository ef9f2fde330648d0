"""The end-of-day check: ``<!-- cur:end-of-day-check -->``, drawn from every session's quizzes.

For each session of the day, in schedule order, the first quiz that checks
each of its objectives is copied, as Markdown, under a heading with the
session's title. A copy carries ``session:`` (its session's path), so its
answers are stored apart from the session page's own check, its objective is
labelled from the right session, and ``quiz.js`` can send a learner who misses
it to the section that teaches it (the quiz's ``section:`` on the session
page). The summary under the questions (score per session, what to revisit)
is filled in by ``quiz.js``; its frame is the partial ``end-of-day-summary.html``.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from . import facilitation, quiz

if TYPE_CHECKING:  # pragma: no cover
    from .shortcodes import Context


def drawn_quizzes(ctx: Context, session_rel: str) -> list[quiz.Quiz]:
    """One quiz per objective of the session (the first that checks it), in the order of the objectives."""
    meta = ctx.catalog.sessions[session_rel]
    page = ctx.catalog.pages[session_rel]
    quizzes = quiz.scan(page.body_lines, page.body_first_line).quizzes
    chosen = []
    for objective in meta.objectives:
        first = next((q for q in quizzes if q.objective == objective.id), None)
        if first is not None:
            chosen.append(first)
    return chosen


def copy_block(item: quiz.Quiz, session_rel: str, to_rel: str) -> str:
    """The quiz's Markdown with ``session:`` added and its links rebased to the page it is copied into."""
    lines = list(item.source)
    options_end = 1
    while options_end < len(lines) and lines[options_end].startswith("    ") and ":" in lines[options_end]:
        options_end += 1
    lines.insert(options_end, f"    session: {session_rel}")
    return facilitation.rebase_links("\n".join(lines), session_rel, to_rel)


def render_end_of_day_check(ctx: Context) -> str:
    """Markdown: an H3 and the drawn quizzes per session, then the summary frame."""
    from .facilitation import _days_for

    parts: list[str] = []
    sessions = []
    for day_rel in _days_for(ctx):
        for rel, meta in ctx.catalog.sessions_of(day_rel):
            drawn = drawn_quizzes(ctx, rel)
            if not drawn:
                continue
            slug = posixpath.splitext(posixpath.basename(rel))[0]
            parts.append(f"### {meta.title} {{ #end-of-day-{slug} }}")
            parts.extend(copy_block(item, rel, ctx.page_rel) for item in drawn)
            sessions.append({"rel": rel, "title": meta.title, "url": ctx.url_for(rel), "count": len(drawn)})
    parts.append(ctx.render("end-of-day-summary.html", sessions=sessions).strip())
    return "\n\n".join(parts)
