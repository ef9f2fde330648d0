"""Run sheets: parsed from front matter, checked against the page, and what they generate.

The fixture site (tests/fixtures/facts-site/) has one 60-minute session from
09:10 whose run sheet is "From order to feed" 20 (the unlisted "Alerts"
section belongs to it), the activity "Sketch the feed" (15, from its block)
and the knowledge check 25. The build turns it into the session's timing
note, the presenter view's JSON and the guide's timing table; the guide also
gathers the activity's worked solution and every question's answer.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker_sites import run, tree_hash
from curriculum import runsheet
from curriculum.source import split_front_matter
from sitebuild import build, copy_fixture

FIXTURE = "facts-site"
SESSION = Path(__file__).parent / "fixtures" / FIXTURE / "docs" / "day-1" / "session.md"


def article(site: Path, page: str) -> str:
    text = (site / page).read_text(encoding="utf-8")
    return text[text.index("<article") : text.index("</article>")]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("runsheet")
    result = build(copy_fixture(FIXTURE, root / "source"), root / "site")
    assert result.returncode == 0 and not result.warnings, result.output
    yield root / "site"
    shutil.rmtree(root, ignore_errors=True)


def parse(text: str) -> tuple[runsheet.RunSheet | None, list[runsheet.Problem]]:
    meta, key_lines, body_start, problems = split_front_matter(text)
    assert not problems
    return runsheet.parse_run_sheet(meta, key_lines, text.splitlines()[body_start - 1 :], body_start)


# --------------------------------------------------------------------------
# The model
# --------------------------------------------------------------------------


def test_fixture_run_sheet_parses_with_anchors_and_folded_sections() -> None:
    sheet, problems = parse(SESSION.read_text(encoding="utf-8"))
    assert problems == [] and sheet is not None
    assert sheet.as_json() == {
        "duration": 60,
        "parts": [
            {"title": "From order to feed", "anchor": "from-order-to-feed", "minutes": 20, "kind": "section"},
            {"title": "Activity: Sketch the feed", "anchor": "alerts", "minutes": 15, "kind": "activity"},
            {"title": "Knowledge check", "anchor": "knowledge-check", "minutes": 25, "kind": "check"},
        ],
    }
    assert [part.covers for part in sheet.parts] == [("Alerts",), (), ("Key takeaways",)]


def with_sheet(sheet: str) -> str:
    text = SESSION.read_text(encoding="utf-8")
    start = text.index("run_sheet:")
    end = text.index("---", start)
    return text[:start] + sheet + text[end:]


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_total_must_match_the_duration() -> None:
    text = with_sheet(
        "run_sheet:\n  - section: From order to feed\n    minutes: 20\n  - activity: Sketch the feed\n  - section: Knowledge check\n    minutes: 20\n"
    )
    sheet, problems = parse(text)
    assert sheet is None
    assert [(p.line, p.code) for p in problems] == [(line_of(text, "run_sheet:"), "R104")]
    assert problems[0].message == "the run sheet adds up to 55 minutes but 'duration' is 60 (5 short)"


def test_each_wrong_entry_is_reported_at_its_line() -> None:
    text = with_sheet(
        "run_sheet:\n"
        "  - section: From order to food\n    minutes: 20\n"  # no such section
        "  - activity: Sketch the feed\n    minutes: 10\n"  # the block says 15
        "  - section: Alerts\n    minutes: ten\n"  # not a number
        "  - part: Knowledge check\n"  # neither section nor activity
    )
    sheet, problems = parse(text)
    assert sheet is None
    found = {(p.line, p.code) for p in problems}
    assert (line_of(text, "From order to food"), "R103") in found
    assert (line_of(text, "- activity: Sketch the feed"), "R103") in found
    assert (line_of(text, "- section: Alerts"), "R102") in found
    assert (line_of(text, "- part: Knowledge check"), "R102") in found
    # The knowledge check is not listed at all: reported on the run_sheet line.
    assert (line_of(text, "run_sheet:"), "R103") in found
    assert any("'From order to feed'" in p.hint for p in problems if p.code == "R103")


def test_parts_out_of_page_order_and_twice() -> None:
    text = with_sheet(
        "run_sheet:\n  - section: Knowledge check\n    minutes: 25\n  - activity: Sketch the feed\n"
        "  - section: From order to feed\n    minutes: 10\n  - section: From order to feed\n    minutes: 10\n"
    )
    _, problems = parse(text)
    messages = [p.message for p in problems]
    assert "section 'From order to feed' is listed twice" in messages
    assert any("is listed after 'Knowledge check' but comes before it" in m for m in messages)


def test_missing_run_sheet_is_the_checkers_error_only() -> None:
    text = SESSION.read_text(encoding="utf-8")
    start = text.index("run_sheet:")
    sheet, problems = parse(text[:start] + text[text.index("---", start) :])
    assert sheet is None and [p.code for p in problems] == ["R101"]


# --------------------------------------------------------------------------
# What the build makes of it
# --------------------------------------------------------------------------


def test_session_page_carries_the_run_sheet_json(built: Path) -> None:
    html = (built / "day-1" / "session" / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<script type="application/json" id="cur-run-sheet">(.*?)</script>', html, re.DOTALL)
    assert match, "no run-sheet element"
    data = json.loads(match.group(1))
    assert data["duration"] == 60
    assert [(p["title"], p["anchor"], p["minutes"]) for p in data["parts"]] == [
        ("From order to feed", "from-order-to-feed", 20),
        ("Activity: Sketch the feed", "alerts", 15),
        ("Knowledge check", "knowledge-check", 25),
    ]
    for part in data["parts"]:  # every anchor is a heading of the page
        assert f'id="{part["anchor"]}"' in html


def test_session_page_has_a_generated_timing_note_with_clock_times(built: Path) -> None:
    page = article(built, "day-1/session/index.html")
    note = page[page.index("Facilitator note: Timing") :].split("</aside>", 1)[0]
    rows = re.findall(r"<tr>\s*<td>([^<]+)</td>\s*<td>(.*?)</td>\s*<td[^>]*>(\d+)</td>", note, re.DOTALL)
    assert [(time, re.sub(r"<[^>]+>", "", part), minutes) for time, part, minutes in rows] == [
        ("09:10–09:30", "From order to feed (with Alerts)", "20"),
        ("09:30–09:45", "Activity: Sketch the feed", "15"),
        ("09:45–10:10", "Knowledge check (with Key takeaways)", "25"),
    ]
    # The note stands before the first teaching section, so it is on the presenter's first slide.
    assert page.index("Facilitator note: Timing") < page.index('id="from-order-to-feed"')


def test_guide_timing_table_comes_from_the_run_sheets(built: Path) -> None:
    guide = article(built, "guide/index.html")
    table = guide[guide.index('class="cur-run-sheet"') :].split("</table>", 1)[0]
    assert '<a href="../day-1/session/">How the feed is made</a>, 60 minutes' in table
    assert re.findall(r"<td>(\d\d:\d\d–\d\d:\d\d)</td>", table) == ["09:10–09:30", "09:30–09:45", "09:45–10:10"]
    assert '<a href="../day-1/session/#alerts">Activity: Sketch the feed</a>' in table


def test_guide_gathers_solutions_and_answers_with_links_back(built: Path) -> None:
    guide = article(built, "guide/index.html")
    keys = guide[guide.index('class="cur-answer-keys"') :]
    # Its own heading text: the facilitator notes' per-session heading is the bare title.
    assert re.search(r"<h3[^>]*>Answers: How the feed is made", keys)
    assert 'Activity: <a href="../day-1/session/#alerts">Sketch the feed</a>' in keys
    # The solution's own link is rebased to work from the guide, and its fact is inserted.
    assert 'The order database, then the <a href="../day-1/session/#from-order-to-feed">loader</a>, then the feed at 06:00.' in keys
    assert '<a href="../day-1/session/#knowledge-check">Knowledge check</a> of How the feed is made' in keys
    assert "<strong>1. By when must the feed arrive?</strong>" in keys
    assert "<em>Checks:</em> Identify the supplier feed's deadline and who notices when it is missed." in keys
    assert "<strong>Answer:</strong> by 06:00, or the supplier notices." in keys
    assert keys.count("<strong>Answer:</strong>") == 3
    # A multiple-choice question: its options marked right or wrong in words, each explained.
    quiz = keys[keys.index("4. Which system records each order first?") :]
    assert "<strong>Right:</strong> The Order database." in quiz and "<em>Wrong:</em> The supplier feed." in quiz
    assert "<input" not in quiz
    assert "Not this one: the feed is built from orders much later, by 06:00." in quiz


# --------------------------------------------------------------------------
# Bad input: the build stops in one line, the checker names every problem
# --------------------------------------------------------------------------


def test_run_sheet_that_does_not_add_up_fails_the_build_in_one_line(tmp_path: Path) -> None:
    config = copy_fixture(FIXTURE, tmp_path / "source")
    session = tmp_path / "source" / "docs" / "day-1" / "session.md"
    text = session.read_text(encoding="utf-8").replace("    minutes: 25\n", "    minutes: 20\n", 1)
    session.write_text(text, encoding="utf-8")
    before = tree_hash(tmp_path / "source" / "docs")
    result = build(config, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.output
    assert tree_hash(tmp_path / "source" / "docs") == before
    expected = (
        f"docs/day-1/session.md:{line_of(text, 'run_sheet:')}: R104 the run sheet adds up to 55 minutes but 'duration' is 60 "
        "(5 short) (change a part's minutes, or 'duration' (the agenda follows it))"
    )
    assert any(line.startswith("ERROR") and line.endswith(expected) for line in result.output.splitlines()), result.output
    checked = run(config)
    assert checked.at("R104") == [("docs/day-1/session.md", line_of(text, "run_sheet:"))]


def test_session_without_run_sheet_builds_with_duration_only_and_the_checker_reports_it(tmp_path: Path) -> None:
    config = copy_fixture(FIXTURE, tmp_path / "source")
    session = tmp_path / "source" / "docs" / "day-1" / "session.md"
    text = session.read_text(encoding="utf-8")
    start = text.index("run_sheet:")
    session.write_text(text[:start] + text[text.index("---", start) :], encoding="utf-8")
    result = build(config, tmp_path / "site")
    assert result.returncode == 0 and not result.warnings, result.output
    html = (tmp_path / "site" / "day-1" / "session" / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<script type="application/json" id="cur-run-sheet">(.*?)</script>', html, re.DOTALL)
    assert match and json.loads(match.group(1)) == {"duration": 60, "parts": []}
    assert "Facilitator note: Timing" not in html
    assert "no run sheet yet" in (tmp_path / "site" / "guide" / "index.html").read_text(encoding="utf-8")
    assert run(config).at("R101") == [("docs/day-1/session.md", 1)]
