"""The agenda with clock times, the markers that read the schedule, and the
schedule's bad input.

A fixture site (tests/fixtures/agenda-day/) has a day from 08:30 with a
welcome, two sessions, a break and lunch, so every clock time is known:

    08:30-08:40 Welcome        08:40-09:25 Alpha (45)   09:25-09:40 Coffee
    09:40-10:40 Beta (60)      10:40-11:10 Lunch

Bad schedules are copies of it with one thing broken; each build must fail
with one line naming the file and the key, never a traceback.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from axerun import axe_results
from curriculum.facilitation import demote_headings, facilitator_notes, rebase_links
from sitebuild import FIXTURES, ROOT, BuildResult, StaticServer, build

EXPECTED = [
    ("item", "08:30", "08:40", "Welcome", "10 min"),
    ("session", "08:40", "09:25", "Alpha session", "45 min"),
    ("break", "09:25", "09:40", "Coffee", "15 min"),
    ("session", "09:40", "10:40", "Beta session", "60 min"),
    ("lunch", "10:40", "11:10", "Lunch", "30 min"),
]


def fixture_copy(dest: Path, mutate: Callable[[Path], None] | None = None) -> Path:
    """Copy the fixture beside the real assets and includes; return its mkdocs.yml."""
    shutil.copytree(FIXTURES / "agenda-day", dest)
    for shared in ("assets", "includes", "data"):
        shutil.copytree(ROOT / "docs" / shared, dest / "docs" / shared)
    config = dest / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("../../../", f"{ROOT.as_posix()}/"), encoding="utf-8")
    if mutate:
        mutate(dest / "docs")
    return config


@pytest.fixture(scope="module")
def day_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[BuildResult, StaticServer]]:
    root = tmp_path_factory.mktemp("agenda")
    config = fixture_copy(root / "src")
    server = StaticServer()
    result = build(config, root / "site", site_url=server.origin + "/")
    assert result.returncode == 0, result.output
    yield result, server.serve(root / "site")
    server.close()


def _rows(html: str) -> list[tuple[str, str, str, str, str]]:
    rows = []
    for match in re.finditer(
        r'<tr class="cur-agenda__row cur-agenda__row--(\w+)" data-start="([\d:]+)" data-end="([\d:]+)">(.*?)</tr>', html, re.S
    ):
        kind, start, end, cells = match.groups()
        text = re.sub(r"<[^>]+>", "", cells)
        title_match = re.search(r"(?:<a [^>]*>|<span class=\"cur-agenda__title\">)(.*?)<", cells)
        minutes_match = re.search(r"(\d+ min)", text)
        assert title_match and minutes_match, cells
        title, minutes = title_match.group(1), minutes_match.group(1)
        assert f"{start}\u2013{end}" in text.replace("&ndash;", "\u2013")
        rows.append((kind, start, end, title, minutes))
    return rows


# --------------------------------------------------------------------------
# Build time
# --------------------------------------------------------------------------


def test_day_page_agenda_has_the_computed_clock_times(day_site) -> None:
    result, _ = day_site
    html = (result.site_dir / "day-9" / "index.html").read_text(encoding="utf-8")
    assert _rows(html) == EXPECTED
    assert "The alpha session of the test day." in html  # the session's summary
    assert 'href="alpha/"' in html and 'href="beta/"' in html


def test_guide_agenda_links_from_its_own_folder(day_site) -> None:
    result, _ = day_site
    html = (result.site_dir / "guide" / "index.html").read_text(encoding="utf-8")
    assert _rows(html) == EXPECTED
    assert 'href="../day-9/alpha/"' in html and 'href="../day-9/"' in html


def test_guide_gathers_every_note_in_order_linked_to_its_heading(day_site) -> None:
    result, _ = day_site
    html = (result.site_dir / "guide" / "index.html").read_text(encoding="utf-8")
    notes = re.findall(r'<a href="([^"]+)">[^<]*</a>\u201d.*?<aside[^>]*cur-facilitator[^>]*>.*?<p>(.*?)</p>\s*</aside>', html, re.S)
    assert [text for _, text in notes] == [
        f"{kind} of {name}." if kind == "Opening note" else f"Note under the {kind} part of {name}."
        for name in ("alpha", "beta")
        for kind in ("Opening note", "first", "second")
    ]
    assert [href for href, _ in notes] == [
        f"../day-9/{name}/{anchor}" for name in ("alpha", "beta") for anchor in ("", f"#first-part-of-{name}", f"#second-{name}")
    ]
    for href, _ in notes:  # every anchor exists on its session page
        page, _, anchor = href.partition("#")
        if anchor:
            target = (result.site_dir / "guide" / page / "index.html").resolve().read_text(encoding="utf-8")
            assert f'id="{anchor}"' in target


def test_whole_day_page_has_overview_and_sessions_with_unique_ids(day_site) -> None:
    result, _ = day_site
    html = (result.site_dir / "day-9" / "whole-day" / "index.html").read_text(encoding="utf-8")
    titles = re.findall(r'<h2 class="cur-whole-day__session" id="[^"]+">([^<]+)<', html)
    assert titles == ["Alpha session", "Beta session"]
    assert html.count('class="cur-session-header"') == 2
    assert html.count('class="mermaid"') == 2
    assert "data-cur-progress-list" not in html and "data-cur-progress-control" not in html
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    # A same-page link of a session points back at its session page.
    assert 'href="../alpha/#second-alpha"' in html


# --------------------------------------------------------------------------
# Helpers, as units
# --------------------------------------------------------------------------


def test_notes_skip_fenced_code_and_number_duplicate_headings() -> None:
    body = [
        "## Same",
        "/// facilitator",
        "one",
        "///",
        "```",
        "/// facilitator",
        "not a note",
        "///",
        "```",
        "## Same",
        "//// facilitator",
        "/// activity | x",
        "inner",
        "///",
        "////",
    ]
    notes = facilitator_notes(body, first_line=10)
    assert [(n.heading, n.anchor, n.line) for n in notes] == [("Same", "same", 11), ("Same", "same_1", 20)]
    assert notes[1].markdown.endswith("////")


def test_demote_and_rebase_leave_code_alone() -> None:
    text = "## A\n[x](other.md#b) [y](#c) [z](https://example.org)\n```\n## not a heading [q](#c)\n```"
    out = rebase_links(demote_headings(text), "day-2/s.md", "facilitators/guide.md")
    assert out.splitlines() == [
        "### A",
        "[x](../day-2/other.md#b) [y](../day-2/s.md#c) [z](https://example.org)",
        "```",
        "## not a heading [q](#c)",
        "```",
    ]


# --------------------------------------------------------------------------
# Bad input fails the build with file and key
# --------------------------------------------------------------------------


def _replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def mutate(docs: Path) -> None:
        path = docs / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new), encoding="utf-8")

    return mutate


BAD = {
    "missing-session": (
        _replace("day-9/index.md", "    - session: beta.md\n", "    - session: beta.md\n    - session: gamma.md\n"),
        "docs/day-9/index.md:17:",
        "gamma.md",
    ),
    "zero-duration": (_replace("day-9/alpha.md", "duration: 45", "duration: 0"), "docs/day-9/alpha.md:5:", "'duration'"),
    "fractional-duration": (_replace("day-9/alpha.md", "duration: 45", "duration: 4.5"), "docs/day-9/alpha.md:5:", "'duration'"),
    "overrun": (_replace("day-9/index.md", 'end: "12:00"', 'end: "10:30"'), "docs/day-9/index.md:8:", "D111"),
}


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_bad_schedule_fails_naming_file_and_key(tmp_path: Path, case: str) -> None:
    mutate, where, what = BAD[case]
    config = fixture_copy(tmp_path / "src", mutate)
    result = build(config, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, result.output
    assert where in errors[0] and what in errors[0], errors[0]


# --------------------------------------------------------------------------
# In the browser: the running block
# --------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize(
    ("clock", "running"),
    [("09:59", "Beta session"), ("09:30", "Coffee"), ("11:10", None)],
)
def test_running_block_is_highlighted_by_the_readers_clock(day_site, page_factory, clock: str, running: str | None) -> None:
    import datetime as dt

    _, server = day_site
    page = page_factory(server.origin, timezone_id="Europe/Berlin")
    hours, minutes = map(int, clock.split(":"))
    page.clock.set_fixed_time(dt.datetime(2026, 12, 1, hours, minutes, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))))
    page.goto(f"{server.origin}/day-9/")
    now = page.locator(".cur-agenda tr.cur-agenda__row--now")
    if running is None:
        assert now.count() == 0
        assert page.locator("[aria-current=time]").count() == 0
        return
    assert now.count() == 1
    assert running in now.inner_text()
    assert now.get_attribute("aria-current") == "time"
    assert now.locator(".cur-agenda__now").is_visible()


@pytest.mark.browser
def test_agenda_and_progress_pass_axe(day_site, page_factory) -> None:
    import datetime as dt

    _, server = day_site
    page = page_factory(server.origin, timezone_id="UTC")
    page.clock.set_fixed_time(dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC))
    page.goto(f"{server.origin}/day-9/")
    results = axe_results(page, {"include": [[".cur-agenda"], [".cur-progress"], [".cur-toolbar"]]})
    assert results.violations_count == 0, results.generate_report()
