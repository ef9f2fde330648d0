"""Blocks that start-up scripts would change are built the way those scripts leave them.

Tables. Material's bundle moves each table without a class into a scrolling
wrapper once the page has loaded (``div.md-typeset__scrollwrap >
div.md-typeset__table``): every row leaves the layout and comes back, and on
the whole-day page that was the largest single cost of start-up (DECISIONS.md,
"Reach"). The build writes that wrapper around each Markdown table already and
names the table ``cur-table``, which the bundle leaves alone;
:mod:`curriculum.table_styles` restates Material's table rules for the class.
The wrapper takes keyboard focus (``tabindex="0"``), so a wide table scrolls
from the keyboard as axe's scrollable-region-focusable rule asks.

Questions. quiz.js puts a score line before a session's first question.
Material's stylesheet has rules on whatever follows an element
(``.md-typeset table:not([class]) + *``), and with such a rule Chromium
answers an element added to a parent by restyling everything after it in that
parent: in the article, the rest of the page. Inside a ``<div
class="cur-box">`` that holds only the question, the change restyles the
question alone. The box has no style of its own: the page looks the same.

Registered in mkdocs.yml under ``hooks:`` (``on_page_content``);
:func:`box_blocks` is the pure function the tests call.
"""

from __future__ import annotations

import re
from typing import Any

from curriculum.table_styles import TABLE_CLASS

BOX_OPEN = '<div class="cur-box">'
BOX_CLOSE = "</div>"

#: Material's wrapper (its ``renderTable``), built in, around a table it will not wrap again.
TABLE_OPEN = f'<div class="md-typeset__scrollwrap" tabindex="0"><div class="md-typeset__table"><table class="{TABLE_CLASS}">'
TABLE_CLOSE = "</table></div></div>"

#: A Markdown table: Material wraps exactly the tables without a class attribute.
_TABLE = re.compile(r"<table>(.*?)</table>", re.DOTALL)
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
    """``html`` with each Markdown table in Material's wrapper and each question (``div.cur-quiz``) in a box."""
    html = _TABLE.sub(lambda match: TABLE_OPEN + match.group(1) + TABLE_CLOSE, html)
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
    """MkDocs hook: the page's content, its tables wrapped and its questions boxed."""
    return box_blocks(html)
