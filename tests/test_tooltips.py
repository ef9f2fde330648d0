"""Tooltips for terms, built on first hover or focus (docs/assets/javascripts/tooltips.js).

Material's content.tooltips (one tooltip component per titled element at
load) is off for speed; these tests hold the replacement to what readers had:
the term's text on hover and on focus, with Material's tooltip markup, the
description exposed while shown, and nothing mounted until it is needed.
"""

from __future__ import annotations

import json

import pytest

from featurepages import session_rels, url_path

pytestmark = pytest.mark.browser

TERM = "article abbr[title]"


def open_session(site, page) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site.url(url_path(session_rels()[0])))


def test_nothing_is_mounted_at_load_and_materials_own_tooltips_are_off(site, page) -> None:
    open_session(site, page)
    config = json.loads(page.locator("#__config").text_content())
    assert "content.tooltips" not in config["features"]
    assert page.locator(TERM).count() > 10
    assert page.locator(".md-tooltip2").count() == 0


def test_hovering_a_term_shows_its_title_below_it_and_leaving_hides_it(site, page) -> None:
    open_session(site, page)
    term = page.locator(TERM).nth(2).element_handle()
    title = term.get_attribute("title")
    term.scroll_into_view_if_needed()
    term.hover()
    tooltip = page.locator("#cur-tooltip.md-tooltip2--active[role=tooltip]")
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text() == title
    assert term.get_attribute("aria-describedby") == "cur-tooltip"
    assert term.get_attribute("title") is None, "the browser's own tooltip would cover ours"
    assert tooltip.bounding_box()["y"] >= term.bounding_box()["y"] + term.bounding_box()["height"] - 1
    page.mouse.move(2, 2)
    page.wait_for_function("!document.querySelector('#cur-tooltip.md-tooltip2--active')")
    assert term.get_attribute("title") == title and term.get_attribute("aria-describedby") is None


def test_focus_shows_the_tooltip_and_escape_dismisses_it(site, page) -> None:
    open_session(site, page)
    link = page.locator("article a.headerlink[title]").first.element_handle()
    title = link.get_attribute("title")
    link.focus()
    tooltip = page.locator("#cur-tooltip.md-tooltip2--active")
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text() == title
    page.keyboard.press("Escape")
    page.wait_for_function("!document.querySelector('#cur-tooltip.md-tooltip2--active')")
    assert link.get_attribute("title") == title
