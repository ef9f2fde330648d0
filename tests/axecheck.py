"""Running axe on a built page the way a reader sees it.

Long pages skip the rendering of off-screen text blocks (``content-visibility: auto`` in
curriculum.css). A skipped block paints nothing, so axe would measure its text against
whatever lies behind it; a reader only ever sees the block rendered. Every axe test lays all
blocks out first with :func:`render_all`.
"""

from __future__ import annotations

from typing import Any

ALL_RENDERED = ".md-typeset > * { content-visibility: visible !important; }"


def render_all(page: Any) -> None:
    """Lay out every block of the page, as a reader scrolling to it would see it."""
    page.add_style_tag(content=ALL_RENDERED)
