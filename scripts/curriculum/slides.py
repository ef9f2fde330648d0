"""The slide check: every slide of every session fits the screen it is shown on.

Presentation mode (docs/assets/javascripts/present-slides.js) cuts each
session page into slides on a fixed 1920x1080 canvas, scaled to the window,
by laying them out and measuring. A block that cannot fit even alone on a
slide is scaled down there so the room still sees it; tables and code may be
scaled as figures down to a limit. This check opens every built session page
in Chromium at each screen size, enters presentation mode and measures every
slide, so an author who adds a long paragraph learns it before the room does:

- ``V101`` slide-overflow: content runs below or beside the slide;
- ``V102`` slide-shrunk: a block fits only scaled down below a legible size.

Each finding names the page's Markdown file and the line of the slide's
section (its H2; the front matter for the title slide). The check reads the
built site: run it after ``mkdocs build`` (``python -m curriculum.slides
SITE_DIR``), or let it build (no argument). Findings are data; the caller
prints them. The two rules are declared with the checker's own ``Rule``, so
registering this check as a checker family is one module that yields them.
"""

from __future__ import annotations

import re
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from curriculum.browser import CHROMIUM_ARGS, Unavailable, chromium_path
from curriculum.rules import Problem, Rule

#: The screens a slide must fit: a 1080p projector and a small laptop.
SIZES: tuple[tuple[int, int], ...] = ((1920, 1080), (1280, 720))

SESSION_ATTR = re.compile(r'class="cur-session-header" data-cur-session="([^"]+)"')

#: Enter presentation mode and measure every slide (runs in the page).
MEASURE = """() => {
  window.curPresent.enter();
  const state = window.curPresent.state();
  if (!state) return null;
  const slides = state.slides.map((slide, index) => {
    const m = state.layout.measure(slide);
    return { index, section: slide.section, continued: !!slide.continued,
             title: slide.heading ? slide.heading.textContent.replace(/\\s+/g, ' ').replace(/¶$/, '').trim() : '',
             overflowY: m.overflowY, overflowX: m.overflowX, fits: m.fits,
             shrunk: slide.shrunk.filter((s) => !s.figure) };
  });
  window.curPresent.exit();
  return slides;
}"""


#: The rules this check reports, declared as the checker declares its own.
RULES = (
    Rule(
        "V101",
        "slide-overflow",
        "a slide of a session overflows a 1920x1080 or 1280x720 screen",
        "shorten the section or split it with an H2",
        "a slide that scrolls is cut off on the projector, in front of the room",
    ),
    Rule(
        "V102",
        "slide-shrunk",
        "a block is too large for a slide even alone, and is shown scaled down below a legible size",
        "split it into shorter paragraphs, a list or a table, or move detail to the facilitator notes",
        "text scaled down to fit cannot be read from the back of the room",
    ),
)
OVERFLOW, SHRUNK = RULES


@dataclass(frozen=True)
class SlideProblem:
    """One slide that does not fit, at the Markdown line of its section."""

    path: str
    problem: Problem

    @property
    def code(self) -> str:
        return self.problem.code

    @property
    def line(self) -> int:
        return self.problem.line

    @property
    def message(self) -> str:
        return self.problem.message

    def __str__(self) -> str:
        return self.problem.text(self.path)


def session_pages(site_dir: Path) -> list[tuple[Path, str]]:
    """Built pages that are sessions, with the source path each names (``day-2/pipelines.md``)."""
    found = []
    from curriculum.building import built_pages

    for page in built_pages(site_dir):
        matches = SESSION_ATTR.findall(page.read_text(encoding="utf-8", errors="replace"))
        if len(matches) == 1:  # a page that gathers several sessions (the whole day) is not presented as one
            found.append((page, matches[0]))
    return found


def section_lines(markdown: Path) -> list[int]:
    """File line of each slide section: the title (line 1, the front matter), then every top-level H2 in order.

    An H2 inside a ``///`` block renders inside the block, not as a section of its own.
    """
    from curriculum.scanner import scan

    result = scan(markdown.read_text(encoding="utf-8").splitlines())
    h2 = [h.line for h in result.headings if h.level == 2 and not any(b.contains(h.line) for b in result.blocks)]
    return [1, *h2]


def measure(site_dir: Path, sizes: Iterable[tuple[int, int]] = SIZES) -> dict[str, dict[tuple[int, int], list[dict[str, Any]]]]:
    """Every slide of every session page, measured at each size: {source path: {size: slides}}."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise Unavailable("the 'playwright' Python package is missing: run 'pip install -r requirements.lock'") from None
    if not Path(chromium_path()).exists():
        raise Unavailable(
            f"Chromium is missing at {chromium_path()}: run 'sudo apt-get install chromium' (or set CHROMIUM=/path/to/chromium)"
        )
    pages = session_pages(site_dir)
    results: dict[str, dict[tuple[int, int], list[dict[str, Any]]]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            for width, height in sizes:
                context = browser.new_context(viewport={"width": width, "height": height})
                # Pages open from disk: refuse anything that is not a file, so the check needs no network.
                context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
                page = context.new_page()
                for html, rel in pages:
                    page.goto(html.as_uri())
                    results.setdefault(rel, {})[(width, height)] = page.evaluate(MEASURE) or []
                context.close()
        finally:
            browser.close()
    return results


def findings(
    measured: dict[str, dict[tuple[int, int], list[dict[str, Any]]]], docs_dir: Path, docs_prefix: str = "docs"
) -> list[SlideProblem]:
    """One finding per slide that overflows or needed shrinking, at any size."""
    problems: list[SlideProblem] = []
    for rel, by_size in sorted(measured.items()):
        source = docs_dir / rel
        lines = section_lines(source) if source.exists() else [1]
        path = f"{docs_prefix}/{rel}"
        slides: dict[int, dict[str, Any]] = {}
        for size, measured_slides in by_size.items():
            label = f"{size[0]}x{size[1]}"
            for slide in measured_slides:
                entry = slides.setdefault(slide["index"], {"slide": slide, "overflow": [], "shrunk": {}})
                if slide["overflowY"] or slide["overflowX"] or not slide["fits"]:
                    entry["overflow"].append(f"{label} by {max(slide['overflowY'], slide['overflowX'])} px")
                for block in slide["shrunk"]:
                    entry["shrunk"].setdefault(block["text"], (block, label))
        for index, entry in sorted(slides.items()):
            slide = entry["slide"]
            line = lines[slide["section"]] if slide["section"] < len(lines) else lines[-1]
            name = f"slide {index + 1} ('{slide['title']}'{', continued' if slide['continued'] else ''})"
            if entry["overflow"]:
                problems.append(
                    SlideProblem(path, OVERFLOW.problem(line, f"{name} overflows the screen at {', '.join(entry['overflow'])}"))
                )
            for block, _label in entry["shrunk"].values():
                message = f"{name}: a <{block['tag']}> block ('{block['text']}') is too large for a slide even alone, shown at {round(block['zoom'] * 100)}%"
                problems.append(SlideProblem(path, SHRUNK.problem(line, message)))
    return problems


def check_site(site_dir: Path, docs_dir: Path, sizes: Iterable[tuple[int, int]] = SIZES) -> list[SlideProblem]:
    """Measure a built site's sessions and return what does not fit."""
    return findings(measure(site_dir, sizes), docs_dir)


def main(argv: list[str] | None = None) -> int:
    """``python -m curriculum.slides [SITE_DIR [DOCS_DIR]]``: print the findings; exit 1 if any."""
    args = sys.argv[1:] if argv is None else argv
    root = Path(__file__).resolve().parents[2]
    try:
        if args:
            problems = check_site(Path(args[0]), Path(args[1]) if len(args) > 1 else root / "docs")
        else:
            from curriculum.building import build

            with tempfile.TemporaryDirectory() as tmp:
                log = build(root / "mkdocs.yml", Path(tmp), in_process=True)
                if not log.ok:
                    print(log.output, file=sys.stderr)
                    return 1
                problems = check_site(Path(tmp), root / "docs")
    except Unavailable as error:
        print(f"slides: {error}", file=sys.stderr)
        return 2
    for problem in problems:
        print(problem)
    print(f"{len(problems)} slide problems")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
