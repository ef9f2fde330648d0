"""The facilitator guide's generated parts: answer keys and timings.

``<!-- cur:answer-keys -->``
    For every session, in the order of the day: each activity's worked
    solution (the ``/// solution`` block after it) and each knowledge-check
    question, open (its answer) or multiple-choice (its options, each marked
    right or wrong, with its explanation), with the objective it checks,
    each linked back to its place on the session page.
``<!-- cur:run-sheets -->``
    One timing table per session, from its run sheet, with clock times.

Both read the session pages' Markdown when the site is built, so the guide
cannot drift from the pages: to change an answer or a timing, edit the page.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import facts, facts_build, model, scanner
from .facilitation import _days_for, heading_anchor, rebase_links

if TYPE_CHECKING:  # pragma: no cover
    from .shortcodes import Context

SOLUTION_BLOCK = "solution"
#: Knowledge-check blocks: open questions (answer in the body) and multiple-choice
#: quizzes (options as a task list, ``[x]`` marking the right ones, each explained).
QUESTION_BLOCKS = (model.QUESTION_BLOCK, "quiz")


@dataclass(frozen=True)
class Block:
    name: str
    title: str
    options: dict[str, str]
    body: str  # Markdown between the options and the closing line
    line: int  # file line of the opening
    anchor: str | None  # id of the H2 it sits under


def blocks(lines: list[str], first_line: int = 1) -> list[Block]:
    """Every top-level ``/// name`` block of a page body, in order, with its body."""
    found = scanner.scan(lines, first_line)
    used: set[str] = set()
    h2 = [(h.line, heading_anchor(h.text, used), h.level) for h in found.headings]
    out: list[Block] = []
    for block in found.blocks:
        if any(other is not block and other.contains(block.line) for other in found.blocks):
            continue  # a block inside another belongs to that one's body
        above = [anchor for line, anchor, level in h2 if level == 2 and line < block.line]
        start = block.line - first_line + 1 + len(block.option_lines)
        stop = (block.end - first_line) if block.end is not None else len(lines)
        body = "\n".join(lines[start:stop]).strip("\n")
        out.append(Block(block.name, block.title, dict(block.options), body, block.line, above[-1] if above else None))
    return out


OPTION_ITEM = re.compile(r"^(?P<bullet>[-*+])\s+\[(?P<mark>[ xX])\]\s*", re.MULTILINE)


def _options_in_words(body: str) -> str:
    """A quiz's ``- [x]`` / ``- [ ]`` options as "Right:" / "Wrong:" items: a task
    list's disabled checkboxes would be unlabelled controls on the guide."""
    return OPTION_ITEM.sub(lambda m: f"{m.group('bullet')} {'**Right:**' if m.group('mark') != ' ' else '*Wrong:*'} ", body)


def _session_keys(ctx: Context, rel: str, meta: model.SessionMeta) -> str:
    page = ctx.catalog.pages[rel]
    link = posixpath.relpath(rel, posixpath.dirname(ctx.page_rel) or ".")
    objectives = {o.id: o.text for o in meta.objectives}
    fact_values = facts.load_facts(ctx.docs_dir / facts.FACTS_FILE).facts
    found = blocks(facts.substitute(page.body_lines, fact_values), page.body_first_line)
    # Headings differ from the facilitator notes' per-session headings on the same
    # page: the table of contents labels each heading's nav list with its text.
    parts = [f"### Answers: {meta.title}\n\n[Open the session page]({link})"]
    for number, block in enumerate(found):
        if block.name != model.ACTIVITY_BLOCK:
            continue
        where = f"{link}#{block.anchor}" if block.anchor else link
        following = found[number + 1] if number + 1 < len(found) else None
        solution = following.body if following and following.name == SOLUTION_BLOCK else ""
        answer = rebase_links(solution, rel, ctx.page_rel) if solution else "*No worked solution on the page yet.*"
        parts.append(f"#### Activity: [{block.title}]({where})\n\n{answer}")
    questions = [block for block in found if block.name in QUESTION_BLOCKS]
    if questions:
        check = next((b.anchor for b in questions if b.anchor), None)
        where = f"{link}#{check}" if check else link
        items = []
        for number, question in enumerate(questions, start=1):
            checks = objectives.get(question.options.get("objective", ""), "")
            aim = f"\n\n*Checks:* {checks}" if checks else ""
            body = _options_in_words(question.body) if question.name != model.QUESTION_BLOCK else question.body
            items.append(f"**{number}. {question.title}**{aim}\n\n{rebase_links(body, rel, ctx.page_rel)}")
        parts.append(f"#### [Knowledge check]({where}) of {meta.title}\n\n" + "\n\n".join(items))
    return "\n\n".join(parts)


def render_answer_keys(ctx: Context) -> str:
    """Markdown: per session an H3, per activity an H4 with its solution, then the questions."""
    parts = [_session_keys(ctx, rel, meta) for day_rel in _days_for(ctx) for rel, meta in ctx.catalog.sessions_of(day_rel)]
    return ctx.render("answer-keys.html", body="\n\n".join(parts))


def render_run_sheets(ctx: Context) -> str:
    teaching = facts_build.read(ctx.docs_dir, ctx.catalog)
    sessions = []
    for day_rel in _days_for(ctx):
        for rel, meta in ctx.catalog.sessions_of(day_rel):
            sheet = teaching.run_sheets.get(rel)
            rows = facts_build.timing_rows(sheet, facts_build.session_start(ctx.catalog, rel)) if sheet else []
            sessions.append({"title": meta.title, "url": ctx.url_for(rel), "duration": meta.duration, "rows": rows})
    return ctx.render("run-sheets.html", sessions=sessions)
