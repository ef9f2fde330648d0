"""The worked-solution block: collapsed on screen, closed on paper, present after every activity."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree as etree

import markdown
import pytest

from curriculum import model
from curriculum.blocks import SOLUTION_BLOCK

ROOT = Path(__file__).resolve().parent.parent
DAY = ROOT / "docs" / "day-2"

PAGE = """\
/// activity | Trace one order
    minutes: 20
    output: a sketch

Do the thing.
///

/// solution
The **answer** is here.

- first point
///
"""


def render(text: str) -> etree.Element:
    html = markdown.markdown(text, extensions=["curriculum.blocks"])
    return etree.fromstring(f"<root>{html}</root>")


def test_solution_renders_collapsed_after_the_activity() -> None:
    root = render(PAGE)
    children = list(root)
    assert [c.get("class") for c in children] == ["admonition cur-activity", "success cur-solution"]
    solution = children[1]
    assert solution.tag == "details"
    assert "open" not in solution.attrib, "a worked solution must start collapsed"
    summary = solution.find("summary")
    assert summary is not None and summary.text == "Worked solution"
    body = solution.find("div[@class='cur-solution__body']")
    assert body is not None
    assert body.findtext("p/strong") == "answer"
    assert body.findtext("ul/li") == "first point"


def test_solution_title_overrides_the_summary() -> None:
    root = render("/// solution | Model answer\nText.\n///\n")
    assert root.findtext("details/summary") == "Model answer"


def test_print_stylesheet_keeps_solutions_closed() -> None:
    css = (ROOT / "docs" / "assets" / "stylesheets" / "print.css").read_text(encoding="utf-8")
    media = css[css.index("@media print") :]
    assert re.search(r"\.cur-solution\s*>\s*\.cur-solution__body\s*\{\s*display:\s*none\s*!important", media)


def test_every_activity_on_day_2_is_followed_by_a_solution() -> None:
    """Each activity's next block (facilitator notes aside) is its worked solution."""
    opener = re.compile(r"^/{3,}\s*([a-z][\w-]*)")
    missing = []
    for page in sorted(DAY.glob("*.md")):
        names = [(n, m.group(1)) for n, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1) if (m := opener.match(line))]
        for index, (line, name) in enumerate(names):
            if name != model.ACTIVITY_BLOCK:
                continue
            following = [other for _, other in names[index + 1 :] if other != model.FACILITATOR_BLOCK]
            if not following or following[0] != SOLUTION_BLOCK:
                missing.append(f"{page.relative_to(ROOT)}:{line}")
    assert not missing, f"activities without a worked solution right after them: {missing}"


@pytest.mark.browser
def test_solution_is_collapsed_on_screen_and_closed_on_paper(site, page) -> None:
    page.goto(site.url("day-2/pipelines/"))
    solutions = page.locator("details.cur-solution")
    assert solutions.count() >= 2
    assert page.evaluate("document.querySelectorAll('details.cur-solution[open]').length") == 0
    assert not solutions.first.locator(".cur-solution__body").is_visible()
    assert solutions.first.locator("summary").text_content().strip() == "Worked solution"  # off-screen: not laid out yet
    # A real print fires beforeprint, on which Material opens every <details>.
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.wait_for_timeout(100)
    assert page.evaluate("[...document.querySelectorAll('.cur-solution__body')].every(b => !b.checkVisibility())")
