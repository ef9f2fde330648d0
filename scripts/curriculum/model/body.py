"""Where the parts of a session page's body stand: :func:`scan_session_body`.

The rules over those parts (S201-S214) are in :mod:`.structure`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .. import scanner
from .schema import ACTIVITY_BLOCK, FACILITATOR_BLOCK, KNOWLEDGE_CHECK_HEADING, QUESTION_BLOCK, TAKEAWAYS_HEADING

BULLET = re.compile(r"^[-*+]\s+\S")


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
        start, end = body.takeaways_line, takeaways_end
        body.takeaway_bullets = sum(1 for number, raw in found.text_lines() if start < number < (end or number + 1) and BULLET.match(raw))
    unclosed = found.unclosed_fence()
    body.unclosed_fence_line = unclosed.line if unclosed else None
    return body
