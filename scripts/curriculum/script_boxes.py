"""Blocks that start-up scripts change get a box of their own, so the change stays inside it.

Material's stylesheet has rules on whatever follows a table
(``.md-typeset table:not([class]) + *``). With such a rule, Chromium answers
an element added to or removed from a parent by restyling everything after
it in that parent, with all it holds. In the article, that is the rest of the
page: Material's bundle wraps each table in a scrolling box once the page is
loaded, and quiz.js puts a score line before each session's first question,
and each of those restyled a long page whole (DECISIONS.md, "Reach"). Inside
a ``<div class="cur-box">`` that holds only the block, the change restyles
the block alone. The box has no style of its own: the page looks the same.

Registered in mkdocs.yml under ``hooks:`` (``on_page_content``);
:func:`box_blocks` is the pure function the tests call.
"""

from __future__ import annotations

import re
from typing import Any

BOX_OPEN = '<div class="cur-box">'
BOX_CLOSE = "</div>"

#: A Markdown table: Material wraps exactly the tables without a class attribute.
_TABLE = re.compile(r"<table>.*?</table>", re.DOTALL)
_QUIZ = re.compile(r'<div class="cur-quiz"[ >]')
_DIV = re.compile(r"<div\b|</div>")


def _div_end(html: str, start: int) -> int:
    """The index just past the ``</div>`` that closes the ``<div`` at ``start`` (or -1)."""
    depth = 0
    for tag in _DIV.finditer(html, start):
        depth += 1 if tag.group() == "<div" else -1
        if depth == 0:
            return tag.end()
    return -1


def box_blocks(html: str) -> str:
    """``html`` with each Markdown table and each question (``div.cur-quiz``) in a box of its own."""
    html = _TABLE.sub(lambda match: BOX_OPEN + match.group() + BOX_CLOSE, html)
    pieces: list[str] = []
    last = 0
    for match in _QUIZ.finditer(html):
        if match.start() < last:
            continue  # inside a question already boxed (questions do not nest)
        end = _div_end(html, match.start())
        if end < 0:
            break
        pieces += [html[last : match.start()], BOX_OPEN, html[match.start() : end], BOX_CLOSE]
        last = end
    pieces.append(html[last:])
    return "".join(pieces)


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """MkDocs hook: the page's content, its tables and questions boxed."""
    return box_blocks(html)
