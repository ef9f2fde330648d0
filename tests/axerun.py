"""Running axe on a page once it has settled.

A button that was just clicked keeps focus, and Material fades a focused
button's colours in over 125 ms: axe run inside that fade measures a colour
half-way between two palettes that each pass, and fails (a 3.58:1 "Check
answer" button, seen once in a full run). A reader sees the settled colours,
so axe waits until no transition or finite animation is running.
"""

from __future__ import annotations

from typing import Any

SETTLED = """() => document.getAnimations().every(a =>
  a.playState !== 'running' || a.effect.getComputedTiming().iterations === Infinity)"""


def axe_results(page: Any, context: dict[str, Any] | None = None) -> Any:
    """axe's results for ``page`` (optionally limited to ``context``), once transitions have ended."""
    from axe_playwright_python.sync_playwright import Axe

    page.wait_for_function(SETTLED)
    return Axe().run(page, context=context) if context else Axe().run(page)
