"""Handouts: print media and the whole-day page.

On paper: no header, navigation, table of contents, footer or buttons;
diagrams shown; knowledge-check answers hidden even though Material opens
every <details> for printing; facilitator notes only in facilitator mode.
"""

from __future__ import annotations

import re

import pytest

from featurepages import catalog, day_rel, session_rels, session_with, url_path
from sitebuild import draw_all_diagrams

pytestmark = pytest.mark.browser

HIDDEN_ON_PAPER = [
    ".md-header",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-footer",
    ".cur-toolbar",
    "[data-cur-progress-control]",
    ".md-content__button",
]


def _visible(page, selector: str) -> bool:
    return page.evaluate(f"[...document.querySelectorAll({selector!r})].some(e => e.checkVisibility())")


def _open_print(page, url: str) -> None:
    page.goto(url)
    draw_all_diagrams(page)
    page.wait_for_function("[...document.querySelectorAll('.mermaid')].every(h => h.shadowRoot && h.shadowRoot.querySelector('svg'))")
    page.emulate_media(media="print")
    # A real print fires beforeprint, on which Material opens every <details>;
    # emulate_media does not, so fire it as the browser would.
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.wait_for_timeout(100)


def test_session_page_prints_cleanly(site, page) -> None:
    _open_print(page, site.url(url_path(session_with("```mermaid", "/// question", "/// facilitator"))))
    for selector in HIDDEN_ON_PAPER:
        assert not _visible(page, selector), f"{selector} shows on paper"
    assert page.locator("button:visible").count() == 0
    assert page.evaluate("[...document.querySelectorAll('.mermaid')].every(m => m.shadowRoot.querySelector('svg').checkVisibility())")
    assert page.locator(".cur-question").count() >= 3
    assert not _visible(page, ".cur-question__answer"), "answers are given away on paper"
    assert page.evaluate("document.querySelectorAll('details.cur-question[open]').length") == 0
    assert not _visible(page, ".md-content .cur-facilitator")


def test_facilitator_copy_prints_notes_and_answers(site, page) -> None:
    _open_print(page, site.url(url_path(session_with("/// question", "/// facilitator"))) + "?facilitator=1")
    assert _visible(page, ".md-content .cur-facilitator")
    assert _visible(page, ".cur-question__answer")


def test_an_answer_the_reader_opened_prints_open(site, page) -> None:
    page.goto(site.url(url_path(session_with("/// question"))))
    page.locator(".cur-question > summary").first.click()
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.wait_for_timeout(100)
    answers = page.locator(".cur-question__answer")
    assert answers.first.is_visible()
    assert not answers.nth(1).is_visible()


def test_whole_day_page_holds_overview_and_every_session_in_order(site, page) -> None:
    html = (site.root / "day-2" / "whole-day" / "index.html").read_text(encoding="utf-8")
    titles = re.findall(r'<h2 class="cur-whole-day__session" id="[^"]+">([^<]+)<', html)
    assert titles == [catalog().sessions[rel].title for rel in session_rels()]
    assert html.count('class="cur-session-header"') == len(session_rels())
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    diagrams = sum(catalog().pages[rel].text.count("```mermaid") for rel in session_rels())
    diagrams += catalog().pages[day_rel()].text.count("```mermaid")
    assert html.count('class="mermaid"') == diagrams

    _open_print(page, site.url("/day-2/whole-day/"))
    assert page.locator(".mermaid").count() == diagrams
    for selector in HIDDEN_ON_PAPER:
        assert not _visible(page, selector), f"{selector} shows on paper"
    assert not _visible(page, ".cur-question__answer")
    assert page.evaluate("getComputedStyle(document.querySelector('h2.cur-whole-day__session')).breakBefore") == "page"
