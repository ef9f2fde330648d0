"""Facilitator mode and the facilitator guide.

The header button "Facilitator mode" (aria-pressed) shows and hides the
notes, and the choice survives a reload; ?facilitator=1 / 0 set and clear it,
other values are ignored. Notes are never in the search index. The guide
shows every gathered note without the mode.
"""

from __future__ import annotations

import json
import re

import pytest

from axerun import axe_results
from featurepages import catalog, session_rels, session_with, url_path

pytestmark = pytest.mark.browser

NOTE = ".md-content .cur-facilitator"


def _mode(page) -> bool:
    return page.evaluate("document.documentElement.hasAttribute('data-cur-facilitator')")


def test_toggle_shows_and_hides_notes_and_survives_reload(site, page) -> None:
    page.goto(site.url(url_path(session_with("/// facilitator"))))
    button = page.get_by_role("button", name="Facilitator mode")
    notes = page.locator(NOTE)
    assert notes.count() > 0
    assert button.get_attribute("aria-pressed") == "false"
    assert not notes.first.is_visible()

    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert notes.first.is_visible()
    page.reload()
    assert page.get_by_role("button", name="Facilitator mode").get_attribute("aria-pressed") == "true"
    assert page.locator(NOTE).first.is_visible()

    page.get_by_role("button", name="Facilitator mode").press("Enter")  # keyboard works too
    assert not page.locator(NOTE).first.is_visible()
    page.reload()
    assert not page.locator(NOTE).first.is_visible()
    assert page.get_by_role("button", name="Facilitator mode").get_attribute("aria-pressed") == "false"


def test_query_parameter_sets_and_clears_and_ignores_other_values(site, page) -> None:
    url = site.url("/glossary/")  # the mode is site-wide; a page without diagrams loads fastest
    page.goto(url + "?facilitator=1")
    assert _mode(page)
    for junk in ("yes", "", "true"):
        page.goto(f"{url}?facilitator={junk}")
        assert _mode(page), f"?facilitator={junk} changed the mode"
    page.goto(url + "?facilitator=0")
    assert not _mode(page)
    page.goto(f"{url}?facilitator=2")
    assert not _mode(page)
    assert page.evaluate("localStorage.getItem('cur-facilitator')") is None


def test_notes_are_not_in_the_search_index(site) -> None:
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed = " ".join(doc["text"] for doc in index["docs"])
    notes = []
    for html_file in site.root.rglob("*.html"):
        for body in re.findall(r'<aside[^>]*class="cur-facilitator"[^>]*>(.*?)</aside>', html_file.read_text(encoding="utf-8"), re.S):
            for paragraph in re.findall(r"<p>(.*?)</p>", body, re.S):
                text = " ".join(re.sub(r"<[^>]+>", "", paragraph).split())
                if len(text) > 30:
                    notes.append((html_file.relative_to(site.root), text[:60]))
    assert len(notes) >= len(session_rels()), "expected facilitator notes on the session pages"
    leaked = [(where, text) for where, text in notes if text in " ".join(indexed.split())]
    assert not leaked, f"facilitator notes in the search index: {leaked[:3]}"


def test_guide_shows_every_note_without_facilitator_mode(site, page) -> None:
    from curriculum.facilitation import facilitator_notes

    page.goto(site.url("/facilitators/guide/"))
    assert not _mode(page)
    shown = page.locator(".cur-guide-notes .cur-facilitator")
    expected = sum(len(facilitator_notes(catalog().pages[rel].body_lines)) for rel in session_rels())
    assert shown.count() == expected
    assert all(shown.nth(i).is_visible() for i in range(shown.count()))
    # Each note's heading links to a place that exists on its session page.
    links = page.locator(".cur-guide-notes h4 a:not(.headerlink)")
    assert 0 < links.count() <= expected  # notes under one heading share it
    for href in {links.nth(i).get_attribute("href") for i in range(links.count())}:
        path, _, anchor = href.partition("#")
        target = (site.root / "facilitators" / "guide" / path / "index.html").resolve()
        assert target.is_file(), href
        if anchor:
            assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), href


def test_guide_links_the_offline_copy_and_embeds_the_agenda(site) -> None:
    html = (site.root / "facilitators" / "guide" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../onboarding-offline.zip"' in html
    assert 'class="cur-agenda"' in html


def test_facilitator_mode_passes_axe(site, page) -> None:
    """Learner mode shows none of these notes; tests/test_accessibility.py checks whole pages."""

    page.goto(site.url(url_path(session_with("/// facilitator"))) + "?facilitator=1")
    results = axe_results(page, {"include": [[".cur-toolbar"], [".md-content .cur-facilitator"]]})
    assert results.violations_count == 0, results.generate_report()
