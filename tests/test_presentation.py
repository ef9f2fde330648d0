"""Presentation mode.

Enters by the "Present" button and by the key p (not while typing), steps by
every key a keyboard or a clicker sends, shows "n / N" in a live region and a
timer against the session's duration, renders diagrams on their slide, shows
the slide's notes in a side panel in facilitator mode, and leaves with Esc at
the slide's section.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from featurepages import catalog, session_with, url_path

pytestmark = pytest.mark.browser

COUNTER = ".cur-present__counter [data-counter]"


def _presenting(page) -> bool:
    return page.evaluate("document.documentElement.hasAttribute('data-cur-present')")


def _slide(page) -> tuple[int, int]:
    current, total = page.locator(COUNTER).inner_text().split(" / ")
    return int(current), int(total)


def _open(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function("[...document.querySelectorAll('.mermaid')].every(h => h.shadowRoot && h.shadowRoot.querySelector('svg'))")


def test_button_enters_and_every_key_steps(site, page) -> None:
    rel = session_with("```mermaid")
    _open(page, site.url(url_path(rel)))
    page.get_by_role("button", name="Present").click()
    assert _presenting(page)
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-sidebar--secondary").is_visible()
    current, total = _slide(page)
    assert current == 1 and total >= 5
    # Slide 1: title and objectives; no section yet.
    assert page.locator(".md-content h1").is_visible()
    assert page.locator(".cur-objectives").is_visible()
    assert not page.locator(".md-content__inner > h2").first.is_visible()
    assert page.locator(".cur-present__counter").get_attribute("aria-live") == "polite"
    duration = catalog().sessions[rel].duration
    assert re.fullmatch(rf"\d\d:\d\d / {duration:02d}:00", page.locator("[data-timer]").inner_text())

    for key, expected in [
        ("ArrowRight", 2),
        ("ArrowDown", 3),
        ("PageDown", 4),
        ("Space", 5),
        ("ArrowLeft", 4),
        ("ArrowUp", 3),
        ("PageUp", 2),
        ("Shift+Space", 1),
    ]:
        page.keyboard.press(key)
        assert _slide(page)[0] == expected, f"after {key}"
    page.keyboard.press("ArrowLeft")  # no slide before the first
    assert _slide(page)[0] == 1
    page.keyboard.press("End")
    assert _slide(page) == (total, total)
    # Only one section shows at a time.
    visible_h2 = page.evaluate("[...document.querySelectorAll('.md-content__inner > h2')].filter(h => h.checkVisibility()).length")
    assert visible_h2 == 1


def test_p_enters_but_not_while_typing_and_esc_returns_to_the_section(site, page) -> None:
    _open(page, site.url(url_path(session_with("```mermaid"))))
    page.locator(".md-search__input").click()
    # Material opens the search dialog a tick after the input takes focus;
    # a key pressed before that goes to the page, not to the dialog.
    expect(page.locator("#__search")).to_be_checked()
    page.keyboard.type("p")
    assert not _presenting(page)
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()
    page.locator(".md-content h1").click()
    url = page.url
    page.keyboard.press("p")
    assert _presenting(page)
    assert page.url == url  # Material's "p" (previous page) did not fire
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    heading = page.evaluate("[...document.querySelectorAll('.md-content__inner > h2')].find(h => h.checkVisibility()).id")
    page.keyboard.press("Escape")
    assert not _presenting(page)
    assert page.locator(".md-header").is_visible()
    assert page.locator(".cur-present__bar").count() == 0
    top = page.evaluate(f"document.getElementById({heading!r}).getBoundingClientRect().top")
    assert 0 <= top < page.viewport_size["height"] / 2
    assert page.locator(".md-content__inner > h2").nth(1).is_visible()  # the page is whole again


def test_diagram_renders_on_its_slide(site, page) -> None:
    _open(page, site.url(url_path(session_with("```mermaid"))))
    page.keyboard.press("p")
    for _ in range(_slide(page)[1]):
        if page.evaluate("[...document.querySelectorAll('.md-content .mermaid')].some(m => m.checkVisibility())"):
            break
        page.keyboard.press("ArrowRight")
    shown = page.evaluate(
        """[...document.querySelectorAll('.md-content .mermaid')].filter(m => m.checkVisibility())
             .map(m => { const svg = m.shadowRoot && m.shadowRoot.querySelector('svg');
                         return svg ? svg.checkVisibility() && svg.getBoundingClientRect().width > 100 : false; })"""
    )
    assert shown and all(shown)


def test_facilitator_notes_show_in_the_side_panel(site, page) -> None:
    url = site.url(url_path(session_with("/// facilitator")))
    _open(page, url + "?facilitator=1")
    page.keyboard.press("p")
    panel = page.locator(".cur-present__notes")
    assert panel.is_visible()
    texts = []
    for _ in range(_slide(page)[1]):
        texts.append(panel.inner_text())
        page.keyboard.press("ArrowRight")
    assert any("No notes for this slide." not in t and len(t) > 40 for t in texts)
    assert not page.locator(".md-content .cur-facilitator").first.is_visible()  # not twice
    page.keyboard.press("Escape")
    _open(page, url + "?facilitator=0")
    page.keyboard.press("p")
    assert not page.locator(".cur-present__notes").is_visible()


def test_controls_work_by_keyboard_and_pass_axe(site, page) -> None:
    from axe_playwright_python.sync_playwright import Axe

    _open(page, site.url(url_path(session_with("```mermaid"))) + "?facilitator=1")
    page.get_by_role("button", name="Present").focus()
    page.keyboard.press("Enter")
    assert _presenting(page)
    page.get_by_role("button", name="Next").click()
    assert _slide(page)[0] == 2
    page.get_by_role("button", name="Previous").click()
    assert _slide(page)[0] == 1
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.get_by_role("button", name="Exit").click()
    assert not _presenting(page)


def test_no_present_button_off_session_pages(site, page) -> None:
    page.goto(site.url("/"))
    assert page.get_by_role("button", name="Facilitator mode").is_visible()
    assert page.get_by_role("button", name="Present").count() == 0
    page.keyboard.press("p")
    assert not _presenting(page)
