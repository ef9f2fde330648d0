"""The checker's --slides family reports the slide check's problems as findings at the page's line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from curriculum import slides
from curriculum.checker.rules import slides as slide_rules
from curriculum.checker.site import Site


def _site(tmp_path: Path, enabled: bool) -> Site:
    site = Site(tmp_path / "mkdocs.yml", tmp_path, {}, "", tmp_path / "docs", dt.date(2026, 12, 2))
    site.site_dir = tmp_path / "site"
    site.slides = enabled
    return site


def test_slide_problems_become_findings_at_the_section_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    problem = slides.SlideProblem(
        "docs/day-2/long.md", slides.OVERFLOW.problem(12, "slide 3 ('Long') overflows the screen at 1280x720 by 40 px")
    )
    monkeypatch.setattr(slides, "check_site", lambda site_dir, docs_dir: [problem])
    found = list(slide_rules.check(_site(tmp_path, True)))
    assert [(f.path, f.line, f.code, f.message) for f in found] == [
        ("docs/day-2/long.md", 12, "V101", "slide 3 ('Long') overflows the screen at 1280x720 by 40 px")
    ]


def test_without_the_flag_no_browser_is_started(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(site_dir: Path, docs_dir: Path) -> list[slides.SlideProblem]:
        raise AssertionError("the slide check ran without --slides")

    monkeypatch.setattr(slides, "check_site", refuse)
    assert list(slide_rules.check(_site(tmp_path, False))) == []
