"""Progress for each new hire.

"Mark session complete" on every session page (in the built HTML, working
with JavaScript), the day page's list of done sessions and its reset, all in
localStorage only; stored progress that cannot be parsed is reset silently
(the page fixture fails the test on any console error).
"""

from __future__ import annotations

import re

import pytest

from axerun import axe_results
from featurepages import day_rel, session_rels, url_path

pytestmark = pytest.mark.browser

CONTROL = "[data-cur-progress-control] button"


def test_every_session_page_has_the_control_in_its_html(site) -> None:
    for rel in session_rels():
        html = (site.root / url_path(rel).strip("/") / "index.html").read_text(encoding="utf-8")
        assert re.search(rf'data-cur-progress-control(="")? data-cur-session="{re.escape(rel)}"', html), rel
        assert 'aria-pressed="false"' in html and "Mark session complete" in html
    day_html = (site.root / url_path(day_rel()).strip("/") / "index.html").read_text(encoding="utf-8")
    assert "data-cur-progress-control" not in day_html
    assert day_html.count("cur-progress__item") == len(session_rels())


def test_mark_complete_survives_reload_shows_on_day_page_and_resets(site, page) -> None:
    first, *others = session_rels()
    page.goto(site.url(url_path(first)))
    button = page.get_by_role("button", name="Mark session complete")
    assert button.is_visible() and button.get_attribute("aria-pressed") == "false"
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert "Saved in this browser only" in page.locator("[data-cur-progress-control] [role=status]").inner_text()
    page.reload()
    assert page.get_by_role("button", name="Mark session complete").get_attribute("aria-pressed") == "true"

    page.goto(site.url(url_path(day_rel())))
    items = page.locator(".cur-progress__item")
    states = {
        items.nth(i).get_attribute("data-cur-session"): items.nth(i).locator(".cur-progress__state").inner_text()
        for i in range(items.count())
    }
    assert states[first] == "Done"
    assert all(states[rel] == "Not done yet" for rel in others)
    assert f"1 of {len(session_rels())}" in page.locator(".cur-progress__summary").inner_text()

    page.get_by_role("button", name="Reset my progress").click()
    assert page.locator(".cur-progress__item--done").count() == 0
    assert "Progress reset." in page.locator(".cur-progress__summary").inner_text()
    assert page.evaluate("localStorage.getItem('cur-progress')") is None
    page.goto(site.url(url_path(first)))
    assert page.get_by_role("button", name="Mark session complete").get_attribute("aria-pressed") == "false"


def test_unparseable_progress_is_reset_silently(site, page) -> None:
    url = site.url(url_path(day_rel()))
    page.goto(url)
    for stored in ("{not json", "[1, 2]", '{"day-2/pipelines.md": 5}'):
        page.evaluate("value => localStorage.setItem('cur-progress', value)", stored)
        page.reload()
        assert page.locator(".cur-progress__item--done").count() == 0, stored
        assert page.evaluate("localStorage.getItem('cur-progress')") is None, stored
        assert f"0 of {len(session_rels())}" in page.locator(".cur-progress__summary").inner_text()


def test_progress_controls_pass_axe(site, page) -> None:

    page.goto(site.url(url_path(session_rels()[0])))
    page.get_by_role("button", name="Mark session complete").click()
    results = axe_results(page, {"include": [["[data-cur-progress-control]"]]})
    assert results.violations_count == 0, results.generate_report()
    page.goto(site.url(url_path(day_rel())))
    results = axe_results(page, {"include": [[".cur-progress"], [".cur-agenda"]]})
    assert results.violations_count == 0, results.generate_report()


def test_pages_read_cleanly_without_javascript(site, context_factory) -> None:
    """No control that needs JavaScript shows without it; notes stay hidden; the agenda is there."""
    from featurepages import session_with

    context, _ = context_factory(site.origin, java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url(url_path(session_with("/// facilitator"))))
    assert page.locator("[data-cur-progress-control]").count() == 1
    assert not page.locator("[data-cur-progress-control]").is_visible()
    assert not page.locator(".cur-toolbar").is_visible()
    assert not page.locator(".md-content .cur-facilitator").first.is_visible()
    page.goto(site.url(url_path(day_rel())))
    assert page.locator(".cur-agenda table").is_visible()
    assert page.locator(".cur-progress__item").first.is_visible()
    assert not page.locator("[data-cur-progress-reset]").is_visible()
