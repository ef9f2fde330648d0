"""Objectives in a learner's words: fill each objective label of a built page with the objective's text.

Question and quiz blocks know only the objective's id (a Markdown extension
cannot see front matter), so they write
``<span class="cur-objective-label" data-cur-objective="ID">ID</span>``. After
the page is rendered, each label takes the text of objective ID of the session
it belongs to: the session named by the nearest ``data-cur-session`` attribute
before it (a session header, or a question copied into the end-of-day check),
else the page's own session. A label whose objective cannot be found keeps its id.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from .model import SessionMeta

LABEL_OR_SCOPE = re.compile(
    r'data-cur-session="(?P<session>[^"]*)"'
    r'|<span class="cur-objective-label" data-cur-objective="(?P<objective>[^"]*)">(?P<text>[^<]*)</span>'
)


def label_objectives(page_html: str, page_rel: str, sessions: Mapping[str, SessionMeta]) -> str:
    """``page_html`` with every objective label holding its objective's text."""
    scope = page_rel

    def replace(match: re.Match[str]) -> str:
        nonlocal scope
        if match.group("session") is not None:
            scope = html.unescape(match.group("session"))
            return match.group(0)
        oid = html.unescape(match.group("objective"))
        meta = sessions.get(scope)
        text = next((o.text for o in meta.objectives if o.id == oid), None) if meta else None
        if text is None:
            return match.group(0)
        return f'<span class="cur-objective-label" data-cur-objective="{match.group("objective")}">{html.escape(text, quote=False)}</span>'

    return LABEL_OR_SCOPE.sub(replace, page_html)
