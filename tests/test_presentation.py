"""Presentation mode: slides that fit, a presenter view, and what presenters expect.

Slides are cut on a fixed 1920x1080 canvas scaled to the window; the slide
check (curriculum.slides) measures every slide of every session at 1920x1080
and 1280x720. The presenter view is a second window kept in step both ways,
over http and from file://. The audience window never shows facilitator notes
unless the notes panel is opened on purpose. Keys: p enters, s presenter
view, f full screen, b blank, a number then Enter jumps, t pauses the timer.
The fixture site tests/fixtures/present holds the awkward inputs.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from axerun import axe_results
from curriculum import slides
from featurepages import catalog, session_with, url_path
from sitebuild import ROOT, build_and_serve, copy_fixture

pytestmark = pytest.mark.browser

COUNTER = ".cur-present__bar [data-counter]"
PRESENTER_COUNTER = ".cur-presenter [data-counter]"


@pytest.fixture(scope="module")
def awkward(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, Path]]:
    """The fixture site, built and served: (origin, site dir, docs dir)."""
    dest = tmp_path_factory.mktemp("present") / "fixture"
    config = copy_fixture("present", dest)
    _, server = build_and_serve(config, dest / "site")
    yield server.origin, dest / "site", dest / "docs"
    server.close()
    shutil.rmtree(dest, ignore_errors=True)


def _presenting(page) -> bool:
    return page.evaluate("document.documentElement.hasAttribute('data-cur-present')")


def _slide(page, selector: str = COUNTER) -> tuple[int, int]:
    current, total = page.locator(selector).inner_text().split(" / ")
    return int(current), int(total)


def _open(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function("[...document.querySelectorAll('.mermaid')].every(h => h.shadowRoot && h.shadowRoot.querySelector('svg'))")


def _ready(presenter) -> None:
    """Wait until a presenter view has loaded and cut its slides (slow when the machine is busy)."""
    presenter.wait_for_load_state()
    expect(presenter.locator(PRESENTER_COUNTER)).to_have_text(re.compile(r"^\d+ / \d+$"), timeout=30_000)


def _with_presenter(context, page, url: str) -> Any:
    """Present ``url`` in ``page`` and open the presenter view with s; return the presenter page."""
    _open(page, url)
    page.keyboard.press("p")
    with context.expect_page() as popup:
        page.keyboard.press("s")
    presenter = popup.value
    _ready(presenter)
    expect(presenter.locator(PRESENTER_COUNTER)).to_have_text(re.compile(r"^1 / \d+$"))
    return presenter


def _moves_both_ways(page, presenter) -> None:
    presenter.keyboard.press("ArrowRight")
    presenter.keyboard.press("ArrowRight")
    expect(page.locator(COUNTER)).to_have_text(re.compile(r"^3 / "))
    page.keyboard.press("ArrowLeft")
    expect(presenter.locator(PRESENTER_COUNTER)).to_have_text(re.compile(r"^2 / "))
    assert _slide(page)[1] == _slide(presenter, PRESENTER_COUNTER)[1]  # same slides in both windows


# Slides that fit ---------------------------------------------------------


def test_every_slide_of_the_real_sessions_fits_at_both_sizes(site) -> None:
    measured = slides.measure(site.root)
    assert set(measured) >= {rel for rel in catalog().sessions}, "every session is measured"
    assert all(len(by_size) == 2 and all(by_size.values()) for by_size in measured.values())
    problems = slides.findings(measured, ROOT / "docs")
    assert not problems, "\n".join(map(str, problems))


def test_slide_check_names_the_line_of_a_section_that_cannot_fit(awkward) -> None:
    _, site_dir, docs = awkward
    problems = slides.check_site(site_dir, docs)
    line = (docs / "day-7/too-long.md").read_text(encoding="utf-8").splitlines().index("## Cannot fit {#cannot-fit}") + 1
    assert [str(p).split(" (")[0].split(": V")[0] for p in problems] == [f"docs/day-7/too-long.md:{line}"], problems
    assert problems[0].code == "V102" and "'Cannot fit'" in problems[0].message


def test_body_text_is_28px_at_1080p_without_tooltips_or_edit_links(site, page_factory) -> None:
    page = page_factory(site.origin, viewport={"width": 1920, "height": 1080})
    _open(page, site.url(url_path(session_with("```mermaid"))))
    page.keyboard.press("p")
    smallest = page.evaluate(
        """() => { const s = curPresent.state(); let least = 99;
             const scale = s.canvas.getBoundingClientRect().width / 1920;
             s.slides.forEach((slide, i) => { curPresent.go(i);
               s.canvas.querySelectorAll('p, li').forEach(el => {
                 if (!el.checkVisibility() || el.closest('table, pre, [style*=zoom]')) return;
                 least = Math.min(least, parseFloat(getComputedStyle(el).fontSize) * scale); }); });
             return least; }"""
    )
    assert smallest >= 28, smallest
    assert not page.locator(".md-content__button").first.is_visible()
    abbr = page.locator(".md-content abbr").first
    for index in range(_slide(page)[1]):
        page.evaluate(f"curPresent.go({index})")
        if abbr.is_visible():
            break
    abbr.hover()
    assert page.evaluate("[...document.querySelectorAll('.md-tooltip, .md-tooltip2')].every(t => !t.checkVisibility())")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-content abbr')).textDecorationLine") == "none"


def test_slides_leave_out_the_full_size_buttons_and_the_score_line(site, page_factory) -> None:
    """Cut as blocks of their own, they travelled to the slide after the one they belong to."""
    page = page_factory(site.origin, viewport={"width": 1920, "height": 1080})
    _open(page, site.url(url_path(session_with("```mermaid"))))
    assert page.locator(".cur-diagram-open").count() and page.locator(".cur-quiz-score").count(), "the page must have both"
    page.keyboard.press("p")
    shown = page.evaluate(
        """() => { const s = curPresent.state(); const found = [];
             s.slides.forEach((slide, i) => { curPresent.go(i);
               s.canvas.querySelectorAll('.cur-diagram-open, .cur-quiz-score').forEach(el => {
                 if (el.checkVisibility()) found.push(i + 1 + ': ' + el.className); }); });
             return found; }"""
    )
    assert shown == []
    index = page.evaluate("curPresent.state().slides.findIndex(s => s.diagrams.length)")
    page.evaluate(f"curPresent.go({index})")
    page.locator(".md-content .mermaid").locator("visible=true").first.click()
    assert page.locator("dialog.cur-diagram-dialog").is_visible(), "a diagram on a slide still opens full size"


def test_an_answer_opened_in_front_of_the_room_still_fits(site, page) -> None:
    _open(page, site.url(url_path(session_with("/// question"))))
    page.keyboard.press("p")
    # Click each answer's summary, as a facilitator would; the toggle event does the fitting.
    opened = page.evaluate(
        """async () => { const s = curPresent.state(); const result = [];
             const toggle = d => { const done = new Promise(r => d.addEventListener('toggle', r, { once: true }));
                                   d.querySelector(':scope > summary').click(); return done; };
             for (const [i, slide] of s.slides.entries()) { curPresent.go(i);
               for (const d of [...s.canvas.querySelectorAll('details:not([open])')].filter(d => d.checkVisibility())) {
                 await toggle(d);
                 result.push({ slide: i + 1, open: d.open, fits: s.layout.fitsNow(), shown: d.checkVisibility() });
                 await toggle(d); } }
             return result; }"""
    )
    assert opened and all(o["open"] and o["fits"] and o["shown"] for o in opened), opened
    assert page.evaluate("curPresent.state().layout.fitsNow()")  # closed again, the slide is whole


def test_awkward_input_presents_sensibly(awkward, page_factory) -> None:
    origin, _, _ = awkward
    page = page_factory(origin, viewport={"width": 1280, "height": 720})
    _open(page, f"{origin}/day-7/awkward/")
    page.keyboard.press("p")
    shown = page.evaluate(
        """() => { const s = curPresent.state();
             return s.slides.map((slide, i) => { curPresent.go(i);
               const h = [...s.canvas.querySelectorAll(':scope > h2')].find(e => e.checkVisibility());
               const rows = [...s.canvas.querySelectorAll('tbody tr')].filter(r => r.checkVisibility()).length;
               const head = [...s.canvas.querySelectorAll('thead')].some(t => t.checkVisibility());
               const m = s.layout.measure(slide);
               const svg = [...s.canvas.querySelectorAll('.mermaid')].filter(d => d.checkVisibility()).map(d => d.shadowRoot.querySelector('svg').getBoundingClientRect().height);
               return { id: h ? h.id : null, text: h ? getComputedStyle(h, '::after').content : null, rows, head, fits: m.fits, svg,
                        blocks: [...s.canvas.children].filter(e => e.checkVisibility() && !e.matches('h1, h2, #cur-content')).length }; }); }"""
    )
    by_id: dict[str | None, list[dict]] = {}
    for slide in shown:
        assert slide["fits"], slide
        by_id.setdefault(slide["id"], []).append(slide)
    assert by_id["heading-only"] == [by_id["heading-only"][0]] and by_id["heading-only"][0]["blocks"] == 0  # a title slide of its own
    assert len(by_id["long-section"]) >= 2 and by_id["long-section"][1]["text"] == '" (continued)"'
    assert len(by_id["wide-table"]) == 1 and by_id["wide-table"][0]["rows"] == 2  # scaled as a figure, not cut
    long_table = by_id["long-table"]
    assert len(long_table) >= 2 and sum(s["rows"] for s in long_table) == 40 and all(s["head"] for s in long_table)
    diagram = [s for s in by_id["tall-diagram"] if s["svg"]]
    assert len(diagram) == 1 and 0 < diagram[0]["svg"][0] < 720  # the tall diagram is scaled into its slide
    _open(page, f"{origin}/day-7/bare/")
    page.keyboard.press("p")
    assert _slide(page) == (1, 1)
    assert page.locator(".md-content__inner > p").first.is_visible()  # the session's only text


# Presenter view ----------------------------------------------------------


def test_presenter_and_audience_move_together_over_http(site, context_factory) -> None:
    context, _ = context_factory(site.origin)
    page = context.new_page()
    presenter = _with_presenter(context, page, site.url(url_path(session_with("/// facilitator"))))
    assert presenter.evaluate("curPresentLink.channels()") == {"broadcast": True, "opener": True, "peer": False}
    _moves_both_ways(page, presenter)
    # An answer opened in the presenter view opens on the room's screen too.
    index = presenter.evaluate("curPresent.state().slides.findIndex(s => s.items.some(e => e.matches('details.cur-question')))")
    presenter.evaluate(f"curPresent.go({index})")
    expect(page.locator(COUNTER)).to_have_text(re.compile(rf"^{index + 1} / "))
    presenter.locator(".md-content__inner details.cur-question > summary:visible").first.click()
    expect(page.locator(".md-content__inner details.cur-question[open]")).to_have_count(1)
    assert page.evaluate("curPresent.state().layout.fitsNow()")
    presenter.evaluate("curPresent.go(1)")
    expect(page.locator(COUNTER)).to_have_text(re.compile(r"^2 / "))
    presenter.close()
    assert _presenting(page) and _slide(page)[0] == 2  # closing the presenter view leaves the room's slide alone
    page.keyboard.press("ArrowRight")
    assert _slide(page)[0] == 3


@pytest.mark.parametrize("channel", ["both", "postMessage only"])
def test_presenter_and_audience_move_together_from_file(awkward, context_factory, channel: str) -> None:
    _, site_dir, _ = awkward
    context, traffic = context_factory("file://")
    if channel == "postMessage only":
        context.add_init_script("delete window.BroadcastChannel;")
    page = context.new_page()
    presenter = _with_presenter(context, page, (site_dir / "day-7" / "awkward" / "index.html").as_uri())
    assert presenter.evaluate("curPresentLink.channels().broadcast") is (channel == "both")
    _moves_both_ways(page, presenter)
    assert all(url.startswith("file://") for url in traffic.requested)


def test_presenter_opened_by_hand_pairs_over_the_broadcast_channel(site, context_factory) -> None:
    context, _ = context_factory(site.origin)
    url = site.url(url_path(session_with("```mermaid")))
    page = context.new_page()
    _open(page, url)
    page.keyboard.press("p")
    presenter = context.new_page()
    presenter.goto(url + "?cur-present=presenter")
    _ready(presenter)
    assert presenter.evaluate("curPresentLink.channels()")["opener"] is False
    expect(presenter.locator("[data-pairing]")).to_be_hidden()
    _moves_both_ways(page, presenter)


def test_presenter_is_told_when_the_room_leaves_and_follows_when_it_presents_again(site, context_factory) -> None:
    context, _ = context_factory(site.origin)
    page = context.new_page()
    presenter = _with_presenter(context, page, site.url(url_path(session_with("/// facilitator"))))
    help_text = presenter.locator("[data-pairing]")
    expect(help_text).to_be_hidden()
    page.keyboard.press("Escape")
    assert not _presenting(page)
    expect(help_text).to_be_visible()
    expect(help_text).to_contain_text("left presentation mode")
    page.keyboard.press("p")
    expect(help_text).to_be_hidden()
    page.keyboard.press("ArrowRight")
    expect(presenter.locator(PRESENTER_COUNTER)).to_have_text(re.compile(r"^2 / "))


def test_presenter_alone_says_how_to_pair(awkward, context_factory) -> None:
    origin, _, _ = awkward
    context, _ = context_factory(origin)
    presenter = context.new_page()
    presenter.goto(f"{origin}/day-7/awkward/?cur-present=presenter")
    _ready(presenter)
    help_text = presenter.locator("[data-pairing]")
    expect(help_text).to_be_visible()
    expect(help_text).to_contain_text("press Present (or P), then press S there")
    presenter.keyboard.press("ArrowRight")
    assert _slide(presenter, PRESENTER_COUNTER)[0] == 2  # it still works on its own


def test_audience_never_shows_notes_and_the_presenter_view_does(site, context_factory) -> None:
    context, _ = context_factory(site.origin)
    page = context.new_page()
    url = site.url(url_path(session_with("/// facilitator"))) + "?facilitator=1"
    _open(page, url)
    notes = page.evaluate(
        # A sample of each note's own prose: its longest paragraph (a generated timing table repeats the
        # section titles the slides show). textContent: a long page skips the layout of off-screen blocks,
        # and the innerText of a skipped block is empty.
        "[...document.querySelectorAll('.md-content .cur-facilitator')].map(n => [...n.querySelectorAll('p:not(.cur-facilitator__title)')]"
        ".map(p => p.textContent.trim().replace(/\\s+/g, ' ')).sort((a, b) => b.length - a.length)[0] || '')"
        ".filter(text => text.length > 20).map(text => text.slice(0, 40))"
    )
    assert len(notes) >= 3, notes
    page.keyboard.press("p")
    assert page.evaluate("document.documentElement.hasAttribute('data-cur-facilitator')")
    total = _slide(page)[1]
    for index in range(total):
        page.evaluate(f"curPresent.go({index})")
        text = page.locator("body").inner_text()
        leaked = [note for note in notes if note in text]
        assert not leaked, f"slide {index + 1} shows note text {leaked}"
    assert not page.locator(".cur-present__notes").is_visible()
    with context.expect_page() as popup:
        page.keyboard.press("s")
    presenter = popup.value
    _ready(presenter)
    seen: set[Any] = set()
    for index in range(total):
        page.evaluate(f"curPresent.go({index})")
        expect(presenter.locator(PRESENTER_COUNTER)).to_have_text(f"{index + 1} / {total}")
        panel = presenter.locator(".cur-presenter__notes").inner_text()
        seen.update(note for note in notes if note in panel)
    assert seen == set(notes)
    # A single-screen facilitator can open the notes panel deliberately.
    page.get_by_role("button", name="Notes").click()
    assert page.locator(".cur-present__notes").is_visible()


def test_pace_follows_the_run_sheet_and_falls_back_to_the_duration(awkward, context_factory) -> None:
    origin, _, _ = awkward
    context, _ = context_factory(origin)
    presenter = context.new_page()
    presenter.clock.install()
    presenter.goto(f"{origin}/day-7/awkward/?cur-present=presenter")
    _ready(presenter)
    pace = presenter.locator("[data-pace]")
    expect(pace).to_contain_text("On time: by the run sheet")
    presenter.clock.fast_forward("20:00")
    expect(pace).to_contain_text("Behind by 18 min")
    target = presenter.evaluate("curPresent.state().slides.findIndex(s => s.heading && s.heading.id === 'tall-diagram')")
    presenter.keyboard.type(str(target + 1))
    presenter.keyboard.press("Enter")
    expect(pace).to_contain_text('Ahead by 2 min: by the run sheet, this slide ("The diagram and the activity") starts at 22 min')
    elapsed, remaining = presenter.evaluate("['elapsed', 'remaining'].map(n => document.querySelector(`[data-${n}]`).textContent)")
    seconds = [int(m) * 60 + int(s) for m, s in (elapsed.split(":"), remaining.split(":"))]
    assert seconds[0] >= 20 * 60 and abs(sum(seconds) - 40 * 60) <= 1  # the session's 40 minutes, less the time elapsed
    presenter.goto(f"{origin}/day-7/bare/?cur-present=presenter")
    expect(presenter.locator("[data-pace]")).to_contain_text("no run sheet")


# What presenters expect --------------------------------------------------


def test_keys_step_jump_blank_pause_and_full_screen(site, page) -> None:
    rel = session_with("```mermaid")
    page.clock.install()
    _open(page, site.url(url_path(rel)))
    page.get_by_role("button", name="Present").click()
    assert _presenting(page)
    assert not page.locator(".md-header").is_visible()
    current, total = _slide(page)
    assert current == 1 and total >= 5
    assert page.locator(".cur-objectives").is_visible()
    assert not page.locator(".md-content__inner > h2").first.is_visible()
    assert page.locator(".cur-present__counter").get_attribute("aria-live") == "polite"
    duration = catalog().sessions[rel].duration
    assert re.fullmatch(rf"00:00 / {duration:02d}:00", page.locator("[data-timer]").inner_text())
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
    page.keyboard.press("End")
    assert _slide(page) == (total, total)
    page.keyboard.type("4")
    expect(page.locator("[data-jump]")).to_have_text("Go to slide 4 (Enter)")
    page.keyboard.press("Enter")
    assert _slide(page)[0] == 4
    page.keyboard.press("b")
    assert page.locator(".cur-present__blank").is_visible()
    page.keyboard.press("x")  # any key brings the slide back, and does nothing else
    assert not page.locator(".cur-present__blank").is_visible() and _slide(page)[0] == 4
    page.clock.fast_forward("02:00")
    expect(page.locator("[data-timer]")).to_have_text(re.compile(rf"^02:\d\d / {duration:02d}:00$"))
    page.keyboard.press("t")
    paused = page.locator("[data-timer]").inner_text()
    page.clock.fast_forward("03:00")
    page.evaluate("curPresent.go(curPresent.state().index)")  # a redraw, so a running timer would show
    assert page.locator("[data-timer]").inner_text() == paused
    expect(page.get_by_role("button", name="Resume timer")).to_have_attribute("aria-pressed", "true")
    page.keyboard.press("f")
    page.wait_for_function("document.fullscreenElement === document.documentElement")
    page.keyboard.press("f")
    page.wait_for_function("document.fullscreenElement === null")
    page.get_by_role("button", name="Full screen").click()
    page.wait_for_function("document.fullscreenElement !== null")


def test_p_enters_but_not_while_typing_and_esc_returns_to_the_section(site, page) -> None:
    _open(page, site.url(url_path(session_with("```mermaid"))))
    page.locator(".md-search__input").click()
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
    assert page.locator(".md-header").is_visible() and page.locator(".cur-present__bar").count() == 0
    top = page.evaluate(f"document.getElementById({heading!r}).getBoundingClientRect().top")
    assert 0 <= top < page.viewport_size["height"] / 2
    assert page.locator(".md-content__inner > h2").nth(1).is_visible()  # the page is whole again


def test_swipe_moves_slides(site, page_factory) -> None:
    page = page_factory(site.origin, has_touch=True, viewport={"width": 1024, "height": 768})
    _open(page, site.url(url_path(session_with("```mermaid"))))
    page.keyboard.press("p")
    swipe = """([from, to]) => { const t = x => new Touch({ identifier: 1, target: document.body, clientX: x, clientY: 400 });
      document.body.dispatchEvent(new TouchEvent('touchstart', { touches: [t(from)], changedTouches: [t(from)], bubbles: true }));
      document.body.dispatchEvent(new TouchEvent('touchend', { touches: [], changedTouches: [t(to)], bubbles: true })); }"""
    page.evaluate(swipe, [800, 300])
    assert _slide(page)[0] == 2
    page.evaluate(swipe, [300, 800])
    assert _slide(page)[0] == 1


def test_controls_have_names_work_by_keyboard_and_pass_axe_in_both_windows(site, context_factory) -> None:

    context, _ = context_factory(site.origin)
    page = context.new_page()
    _open(page, site.url(url_path(session_with("```mermaid"))) + "?facilitator=1")
    page.get_by_role("button", name="Present").focus()
    page.keyboard.press("Enter")
    assert _presenting(page)
    page.get_by_role("button", name="Next").focus()
    page.keyboard.press("Enter")
    assert _slide(page)[0] == 2
    page.get_by_role("button", name="Previous").click()
    assert _slide(page)[0] == 1
    for name in ("Pause timer", "Notes", "Presenter view", "Full screen", "Exit Esc"):
        assert page.get_by_role("button", name=name).count() == 1, name
    results = axe_results(page)
    assert results.violations_count == 0, results.generate_report()
    with context.expect_page() as popup:
        page.get_by_role("button", name="Presenter view").click()
    presenter = popup.value
    _ready(presenter)
    expect(presenter.locator(PRESENTER_COUNTER)).to_have_text(re.compile(r"^1 / "))
    presenter.get_by_role("button", name="Next").focus()
    presenter.keyboard.press("Enter")
    expect(page.locator(COUNTER)).to_have_text(re.compile(r"^2 / "))
    for name in ("Previous", "Blank screen", "Pause timer"):
        assert presenter.get_by_role("button", name=name).count() == 1, name
    presenter.get_by_role("button", name="Blank screen").click()
    expect(page.locator(".cur-present__blank")).to_be_visible()
    results = axe_results(presenter)
    assert results.violations_count == 0, results.generate_report()
    page.keyboard.press("x")  # any key in the room's window brings the slide back, in both windows
    expect(presenter.get_by_role("button", name="Blank screen")).to_have_attribute("aria-pressed", "false")


def test_no_present_button_off_session_pages(site, page) -> None:
    page.goto(site.url("/"))
    assert page.get_by_role("button", name="Facilitator mode").is_visible()
    assert page.get_by_role("button", name="Present").count() == 0
    page.keyboard.press("p")
    assert not _presenting(page)


def test_presentation_styles_take_every_colour_from_the_palette() -> None:
    stylesheets = ROOT / "docs" / "assets" / "stylesheets"
    palette = set(re.findall(r"(--cur-[\w-]+)\s*:", (stylesheets / "curriculum.css").read_text(encoding="utf-8")))
    for name in ("present.css", "presenter.css"):
        text = re.sub(r"/\*.*?\*/", "", (stylesheets / name).read_text(encoding="utf-8"), flags=re.DOTALL)
        assert not re.search(r"#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?)\(", text), f"{name} writes a colour of its own"
        assert not re.search(r"--cur-[\w-]+\s*:", text), f"{name} declares a custom property outside the palette"
        used = set(re.findall(r"var\((--cur-[\w-]+)", text))
        assert used and used <= palette, f"{name} uses {sorted(used - palette)}, not in curriculum.css's palette"
