"""Multiple-choice questions that answer back, and the end-of-day check.

A fixture site (tests/fixtures/practice/) has two sessions whose knowledge
checks hold '/// quiz' blocks (single and multiple answer) and a wrap-up with
the end-of-day check and a feedback link. The tests drive the system Chromium:
a wrong then a right answer, keyboard only, the score across reloads and the
progress reset, stored scores that cannot be parsed, no JavaScript, print,
and axe in both palettes. Bad quiz blocks are refused with file:line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from axerun import axe_results
from curriculum import quiz
from sitebuild import ROOT, build, build_and_serve, copy_fixture

ALPHA = "/day-3/alpha/"
WRAP_UP = "/day-3/wrap-up/"
DAY = "/day-3/"
FIRST = ".cur-quiz >> nth=0"


@pytest.fixture(scope="module")
def quiz_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    root = tmp_path_factory.mktemp("quiz")
    config = copy_fixture("practice", root / "source")
    result, server = build_and_serve(config, root / "site")
    server.site_dir = result.site_dir  # type: ignore[attr-defined]
    yield server
    server.close()


def _choose_and_check(page, quiz_index: int, label: str) -> None:
    item = page.locator(".cur-quiz").nth(quiz_index)
    item.get_by_label(label, exact=True).check()
    item.get_by_role("button", name="Check answer").click()


def _status(page, quiz_index: int = 0) -> str:
    status = page.locator(".cur-quiz").nth(quiz_index).locator(".cur-quiz__status")
    page.wait_for_function("el => el.textContent.length > 0", arg=status.element_handle(), timeout=5_000)
    return status.inner_text()


def _score(page) -> str:
    return page.locator(".cur-quiz-score").inner_text()


# --------------------------------------------------------------------------
# Markup and no JavaScript
# --------------------------------------------------------------------------


def test_a_question_is_a_named_group_and_reads_without_javascript(quiz_site, context_factory) -> None:
    context, _ = context_factory(quiz_site.origin, java_script_enabled=False)
    page = context.new_page()
    page.goto(quiz_site.origin + ALPHA)
    first = page.locator(FIRST)
    group = first.locator("fieldset")
    assert group.locator("legend").inner_text() == "Which part keeps the history?"
    radios = first.locator("input[type=radio]")
    assert radios.count() == 3 and {radios.nth(i).get_attribute("name") for i in range(3)} == {first.get_attribute("id")}
    assert page.locator(".cur-quiz").nth(1).locator("input[type=checkbox]").count() == 3
    # The objective in words, not its id.
    assert "Objective: Name the parts of the alpha pipeline." in first.locator(".cur-quiz__meta").inner_text()
    assert "name-parts" not in first.inner_text()
    # Every option and its explanation is there, the explanation collapsed until opened.
    for index, label in enumerate(("The dashboard.", "The store.", "The source.")):
        option = first.locator(".cur-quiz__option").nth(index)
        assert option.locator("label").inner_text() == label and option.is_visible()
        explanation = option.locator("details.cur-quiz__explanation")
        assert explanation.get_attribute("open") is None
        assert not explanation.locator(".cur-quiz__verdict").is_visible()
    option = first.locator(".cur-quiz__option").nth(1)
    option.locator("summary").click()
    assert option.locator(".cur-quiz__verdict").inner_text() == "Right."
    assert "keeps every record" in option.locator(".cur-quiz__explanation").inner_text()
    assert not first.locator(".cur-quiz__actions").is_visible()
    # The open questions show the objective in words too.
    assert "Objective: Name the parts of the alpha pipeline." in page.locator(".cur-question summary").first.inner_text()


# --------------------------------------------------------------------------
# Answering back
# --------------------------------------------------------------------------


def test_wrong_then_right_shows_each_explanation_and_updates_the_score(quiz_site, page_factory) -> None:
    page = page_factory(quiz_site.origin)
    page.goto(quiz_site.origin + ALPHA)
    first = page.locator(FIRST)
    assert _score(page).startswith("Your score: 0 of 3 right (0 answered)")
    assert not first.locator(".cur-quiz__explanation").first.is_visible()

    _choose_and_check(page, 0, "The dashboard.")
    wrong = first.locator(".cur-quiz__option").nth(0)
    assert wrong.locator(".cur-quiz__badge").inner_text() == "Not right"
    assert "reads the store and keeps nothing" in wrong.locator(".cur-quiz__explanation").inner_text()
    assert _status(page).startswith("Not right. Not right: the dashboard only reads the store")
    assert _score(page).startswith("Your score: 0 of 3 right (1 answered)")

    _choose_and_check(page, 0, "The store.")
    right = first.locator(".cur-quiz__option").nth(1)
    assert right.locator(".cur-quiz__badge").inner_text() == "Right"
    assert "keeps every record" in right.locator(".cur-quiz__explanation").inner_text()
    assert wrong.locator(".cur-quiz__explanation").is_visible(), "the first explanation stays shown"
    page.wait_for_function("() => document.querySelector('.cur-quiz .cur-quiz__status').textContent.includes('first answer still counts')")
    assert _score(page).startswith("Your score: 0 of 3 right (1 answered)"), "the first answer counts"

    first.get_by_role("button", name="Try again").click()
    assert first.locator(".cur-quiz__badge").count() == 0
    assert first.locator("input:checked").count() == 0
    assert _score(page).startswith("Your score: 0 of 3 right (0 answered)")
    _choose_and_check(page, 0, "The store.")
    assert _score(page).startswith("Your score: 1 of 3 right (1 answered)")

    # A choose-all question: each option is marked against the learner's choice.
    _choose_and_check(page, 1, "The source.")
    second = page.locator(".cur-quiz").nth(1)
    badges = [second.locator(".cur-quiz__option").nth(i).locator(".cur-quiz__badge").inner_text() for i in range(3)]
    assert badges == ["Right", "Also right: not chosen", "Not right: rightly left out"]
    assert _status(page, 1).startswith("Not right: compare your choices")
    assert _score(page).startswith("Your score: 1 of 3 right (2 answered)")


def test_keyboard_only(quiz_site, page_factory) -> None:
    page = page_factory(quiz_site.origin)
    page.goto(quiz_site.origin + ALPHA)
    first = page.locator(FIRST)
    first.locator("input").first.focus()
    page.keyboard.press("ArrowDown")  # moves to, and selects, "The store."
    assert first.locator("input:checked").get_attribute("value") == "2"
    assert first.locator(".cur-quiz__badge").count() == 0, "moving through the options does not answer"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Check answer"
    page.keyboard.press("Enter")
    assert _status(page).startswith("Right.")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Try again"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.value") == "1", "Try again returns focus to the first option"
    # Checkboxes: Space ticks, Tab moves between them.
    second = page.locator(".cur-quiz").nth(1)
    second.locator("input").first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert _status(page, 1).startswith("Right: you chose exactly the right options.")


def test_score_survives_a_reload_and_resets_with_progress(quiz_site, page_factory) -> None:
    page = page_factory(quiz_site.origin)
    page.goto(quiz_site.origin + ALPHA)
    _choose_and_check(page, 0, "The store.")
    _choose_and_check(page, 2, "The source's.")
    assert _score(page).startswith("Your score: 1 of 3 right (2 answered)")
    stored = json.loads(page.evaluate("localStorage.getItem('cur-quiz')"))
    assert set(stored) == {"day-3/alpha.md"}
    page.reload()
    assert _score(page).startswith("Your score: 1 of 3 right (2 answered)")
    first = page.locator(FIRST)
    assert first.locator("input:checked").get_attribute("value") == "2"
    assert first.locator(".cur-quiz__option").nth(1).locator(".cur-quiz__badge").inner_text() == "Right"

    page.goto(quiz_site.origin + DAY)
    page.get_by_role("button", name="Reset my progress").click()
    assert page.evaluate("localStorage.getItem('cur-quiz')") is None
    page.goto(quiz_site.origin + ALPHA)
    assert _score(page).startswith("Your score: 0 of 3 right (0 answered)")
    assert page.locator(".cur-quiz__badge").count() == 0


def test_unparseable_scores_are_reset_silently(quiz_site, page_factory) -> None:
    page = page_factory(quiz_site.origin)  # fails the test on any console error
    page.goto(quiz_site.origin + ALPHA)
    for stored in ("{not json", "[1]", '{"day-3/alpha.md": 3}', '{"day-3/alpha.md": {"quiz-x": {"right": "yes", "chosen": []}}}'):
        page.evaluate("value => localStorage.setItem('cur-quiz', value)", stored)
        page.reload()
        assert _score(page).startswith("Your score: 0 of 3 right (0 answered)"), stored
        assert page.evaluate("localStorage.getItem('cur-quiz')") is None, stored


def test_print_marks_no_answer(quiz_site, page_factory) -> None:
    page = page_factory(quiz_site.origin)
    page.goto(quiz_site.origin + ALPHA)
    _choose_and_check(page, 0, "The dashboard.")
    _choose_and_check(page, 1, "The source.")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # Material opens every <details> here
    page.emulate_media(media="print")
    assert page.locator(".cur-quiz__option").first.is_visible()
    for selector in (".cur-quiz__badge", ".cur-quiz__explanation", ".cur-quiz__actions", ".cur-quiz-score", ".cur-quiz__status"):
        shown = page.locator(selector).evaluate_all("els => els.filter(el => el.checkVisibility()).length")
        assert shown == 0, f"{selector} prints"
    backgrounds = page.locator(".cur-quiz__option").evaluate_all("els => els.map(el => getComputedStyle(el).backgroundColor)")
    assert set(backgrounds) <= {"rgba(0, 0, 0, 0)"}, backgrounds


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_answered_questions_pass_axe(quiz_site, context_factory, scheme: str) -> None:

    context, _ = context_factory(quiz_site.origin, color_scheme=scheme)
    page = context.new_page()
    page.goto(quiz_site.origin + ALPHA)
    _choose_and_check(page, 0, "The dashboard.")
    _choose_and_check(page, 0, "The store.")
    _choose_and_check(page, 1, "The source.")
    results = axe_results(page, {"include": [[".cur-quiz"], [".cur-quiz-score"]]})
    assert results.violations_count == 0, results.generate_report()


# --------------------------------------------------------------------------
# The end-of-day check and the feedback link
# --------------------------------------------------------------------------


def test_end_of_day_check_scores_each_session_and_links_what_to_revisit(quiz_site, page_factory) -> None:
    page = page_factory(quiz_site.origin)
    page.goto(quiz_site.origin + WRAP_UP)
    quizzes = page.locator(".cur-quiz")
    assert quizzes.count() == 6, "one question per objective of each session"
    assert page.locator("h3", has_text="Alpha session").count() == 1
    scores = page.locator(".cur-eod__scores li")
    assert [scores.nth(i).inner_text() for i in range(2)] == ["Alpha session: not answered yet", "Beta session: not answered yet"]

    _choose_and_check(page, 0, "The dashboard.")  # alpha, objective name-parts: wrong
    _choose_and_check(page, 3, "The store.")  # beta, objective name-parts: right
    assert scores.nth(0).inner_text() == "Alpha session: 0 of 3 right (1 answered)"
    assert scores.nth(1).inner_text() == "Beta session: 1 of 3 right (1 answered)"
    missed = page.locator(".cur-eod__missed li")
    assert missed.count() == 1
    assert missed.first.inner_text() == "Name the parts of the alpha pipeline. (Alpha session)"
    href = missed.first.locator("a").get_attribute("href")
    assert href.endswith("alpha/#parts"), href
    missed.first.locator("a").click()
    page.wait_for_url("**/day-3/alpha/#parts")

    # The end-of-day answers are kept apart from the session's own check.
    assert _score(page).startswith("Your score: 0 of 3 right (0 answered)")
    stored = json.loads(page.evaluate("localStorage.getItem('cur-quiz')"))
    assert set(stored) == {"end-of-day:day-3/alpha.md", "end-of-day:day-3/beta.md"}


def test_feedback_link_shows_when_configured(quiz_site, page_factory) -> None:
    page = page_factory(quiz_site.origin)
    page.goto(quiz_site.origin + WRAP_UP)
    link = page.get_by_role("link", name="Give feedback on the day")
    assert link.get_attribute("href") == "https://survey.example.org/day-3"


def test_feedback_link_is_absent_when_unset(site) -> None:
    from curriculum.checker.site import load_config

    config, _ = load_config(ROOT / "mkdocs.yml")
    assert not (config.get("extra") or {}).get("feedback_url"), "the real site ships with no feedback address"
    html = (site.root / "day-2" / "wrap-up" / "index.html").read_text(encoding="utf-8")
    assert "cur-feedback" not in html and "Give feedback on the day" not in html


# --------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------

BAD = """## The part {#part}

## Knowledge check

/// quiz | No right option here?
    objective: one
    section: part

- [ ] A.

    Not right.

- [ ] B.

    Not right either.
///

/// quiz | An option without an explanation?
    objective: nowhere
    section: missing

- [x] A.
- [ ] B.

    Not right.
///

/// quiz | Only one option?
    objective: one
    section: part
    multiple: true

- [x] A.

    Right.
///
"""


def test_each_bad_quiz_is_one_problem_at_its_line() -> None:
    page = quiz.scan(BAD.splitlines(), first_line=10)
    found = sorted((p.line, p.code) for p in quiz.problems(page, frozenset({"one"})))
    assert found == [
        (14, "Q103"),  # no option marked right
        (27, "Q105"),  # unknown objective
        (27, "Q106"),  # unknown section
        (31, "Q104"),  # option without explanation
        (37, "Q102"),  # one option
        (37, "Q103"),  # multiple with one right
    ]
    assert all(p.message and p.hint for p in quiz.problems(page, frozenset({"one"})))
    outside = quiz.problems(quiz.scan(BAD.splitlines()), None)
    assert {p.code for p in outside} >= {"Q105"}


def test_a_bad_quiz_fails_the_build_with_file_and_line(tmp_path: Path) -> None:
    config = copy_fixture("practice", tmp_path / "source")
    alpha = tmp_path / "source" / "docs" / "day-3" / "alpha.md"
    text = alpha.read_text(encoding="utf-8")
    alpha.write_text(text.replace("- [x] The store.", "- [ ] The store."), encoding="utf-8")
    line = text.splitlines().index("/// quiz | Which part keeps the history?") + 1
    result = build(config, tmp_path / "site")
    assert result.returncode != 0
    errors = [w for w in result.warnings if "Q103" in w]
    assert len(errors) == 1 and f"docs/day-3/alpha.md:{line}: Q103 a single-answer quiz needs exactly one option" in errors[0], (
        result.output
    )
    assert "Traceback" not in result.output


def test_the_checker_reports_every_bad_quiz(tmp_path: Path) -> None:
    from curriculum.checker.cli import check

    copy_fixture("practice", tmp_path / "source")
    beta = tmp_path / "source" / "docs" / "day-3" / "beta.md"
    text = beta.read_text(encoding="utf-8")
    text = text.replace("    section: journey\n", "    section: nowhere\n").replace("    It starts there.\n", "")
    beta.write_text(text, encoding="utf-8")
    _, findings = check(tmp_path / "source" / "mkdocs.yml")
    codes = sorted((f.code, f.path, f.line) for f in findings if f.code.startswith("Q"))
    lines = text.splitlines()
    quiz_line = lines.index("/// quiz | Which beta parts does a record pass through? Choose every one.") + 1
    option_line = lines.index("- [x] The source.") + 1
    assert ("Q104", "docs/day-3/beta.md", option_line) in codes
    assert ("Q106", "docs/day-3/beta.md", quiz_line) in codes


def test_every_objective_of_every_real_session_has_a_multiple_choice_question() -> None:
    from featurepages import catalog

    for rel, meta in catalog().sessions.items():
        page = catalog().pages[rel]
        scanned = quiz.scan(page.body_lines, page.body_first_line)
        assert not quiz.problems(scanned, meta.objective_ids), rel
        assert quiz.objectives_without_quiz(scanned, meta.objective_ids) == [], rel
        for item in scanned.quizzes:
            for choice in item.choices:
                assert choice.correct or len(choice.explanation.split()) >= 5, f"{rel}:{choice.line}: say what is wrong with it"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_real_end_of_day_check_passes_axe(site, context_factory, scheme: str) -> None:

    context, _ = context_factory(site.origin, color_scheme=scheme)
    page = context.new_page()
    page.goto(site.url("/day-2/wrap-up/"))
    first = page.locator(".cur-quiz").first
    first.locator("input").first.check()
    first.get_by_role("button", name="Check answer").click()
    page.wait_for_function("() => document.querySelector('.cur-eod__missed, .cur-eod__revisit p')")
    results = axe_results(page)
    assert results.violations_count == 0, results.generate_report()
