#!/usr/bin/env python3
"""Where a page's start-up time goes: a Chromium performance trace, summarised.

    .venv/bin/python scripts/trace_page.py http://127.0.0.1:8000/day-2/whole-day/ --runs 3

Loads the page in a fresh headless Chromium at a phone's size, records a
trace, and prints the renderer main thread's CPU time (thread time, so other
work on a shared machine does not inflate it), the part spent on style and
layout, and the style and layout that scripts forced, each attributed to the
source file and line of Material's bundle through its source map. Lighthouse
reports scores; this says which code to change. Serve the built site first
(``scripts/bench.py`` serves it with nginx; ``python -m http.server`` in the
site folder will do). Medians over ``--runs``.
"""

from __future__ import annotations

import argparse
import bisect
import collections
import json
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from curriculum.browser import CHROMIUM_ARGS, find_browser

CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "disabled-by-default-devtools.timeline.stack", "toplevel"]
TASKS = ("RunTask", "ThreadControllerImpl::RunTask")
_B64 = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}


class SourceMap:
    """Enough of a source map reader to turn a bundle's (line, column) into ``source:line``."""

    def __init__(self, path: Path) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        self.sources: list[str] = data["sources"]
        self.lines: list[tuple[list[int], list[tuple[int, int]]]] = []
        source = line = 0
        for text in data["mappings"].split(";"):
            column, cols, targets = 0, [], []
            for segment in filter(None, text.split(",")):
                values = self._vlq(segment)
                column += values[0]
                if len(values) >= 4:
                    source += values[1]
                    line += values[2]
                    cols.append(column)
                    targets.append((source, line))
            self.lines.append((cols, targets))

    @staticmethod
    def _vlq(segment: str) -> list[int]:
        out, value, shift = [], 0, 0
        for char in segment:
            digit = _B64[char]
            value += (digit & 31) << shift
            if digit & 32:
                shift += 5
            else:
                out.append(-(value >> 1) if value & 1 else value >> 1)
                value, shift = 0, 0
        return out

    def lookup(self, line: int, column: int) -> str | None:
        if not 0 <= line < len(self.lines):
            return None
        cols, targets = self.lines[line]
        i = bisect.bisect_right(cols, column) - 1
        if i < 0:
            return None
        source, original = targets[i]
        return f"{self.sources[source].removeprefix('src/templates/assets/javascripts/')}:{original + 1}"


def material_source_map() -> SourceMap | None:
    import material

    maps = sorted((Path(material.__file__).parent / "templates" / "assets" / "javascripts").glob("bundle.*.min.js.map"))
    return SourceMap(maps[0]) if maps else None


def record(url: str, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_browser(), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 412, "height": 823}, device_scale_factor=1.75, is_mobile=True, has_touch=True)
        page = context.new_page()
        browser.start_tracing(page=page, path=str(out), categories=CATEGORIES)
        page.goto(url, wait_until="load", timeout=180_000)
        page.wait_for_timeout(2500)
        browser.stop_tracing()
        browser.close()


def _frame(frame: dict, source_map: SourceMap | None) -> str:
    url = frame.get("url", "")
    if source_map and "/bundle." in url:
        found = source_map.lookup(frame["lineNumber"] - 1, frame["columnNumber"] - 1)
        if found:
            return found
    return f"{url.rsplit('/', 1)[-1]}:{frame.get('lineNumber', 0)} {frame.get('functionName', '')}".strip()


@dataclass
class Summary:
    """One trace's renderer main thread, in milliseconds of CPU time."""

    cpu: float = 0.0
    style_layout: float = 0.0
    parse_html: float = 0.0
    forced: collections.Counter[str] = field(default_factory=collections.Counter)


def summarise(trace: Path, url: str, source_map: SourceMap | None) -> Summary:
    """Main-thread CPU, style and layout, and forced style/layout by script location (ms).

    Only the renderer that parsed ``url`` counts: the browser's own pages
    (a new-tab page) run renderers of their own in the same trace.
    """
    events = json.loads(trace.read_text(encoding="utf-8"))["traceEvents"]
    threads = {
        (e["pid"], e["tid"])
        for e in events
        if e.get("name") == "ParseHTML" and str((e.get("args", {}).get("beginData") or {}).get("url", "")).startswith(url)
    }
    best: Summary | None = None
    for thread in threads:
        own = [e for e in events if (e.get("pid"), e.get("tid")) == thread and e.get("ph") == "X"]
        # Chromium records each task twice, once under each name in TASKS: count one name, not both.
        cpu = max(sum(e.get("tdur", e.get("dur", 0)) for e in own if e["name"] == name) for name in TASKS) / 1000
        if best and cpu <= best.cpu:
            continue
        style = sum(e.get("tdur", e.get("dur", 0)) for e in own if e["name"] in ("UpdateLayoutTree", "Layout")) / 1000
        forced: collections.Counter[str] = collections.Counter()
        for e in own:
            if e["name"] in ("UpdateLayoutTree", "Layout"):
                stack = (e.get("args", {}).get("beginData") or {}).get("stackTrace") or []
                if stack:
                    forced[f"{e['name']} <- {_frame(stack[0], source_map)}"] += e.get("tdur", e.get("dur", 0)) / 1000
        parse = sum(e.get("tdur", e.get("dur", 0)) for e in own if e["name"] == "ParseHTML") / 1000
        best = Summary(cpu, style, parse, forced)
    return best or Summary()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="trace_page", description="A page's start-up main-thread work, from a Chromium trace.")
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--runs", type=int, default=3, help="traces per page; medians are printed (default 3)")
    parser.add_argument("--top", type=int, default=8, help="forced style/layout locations to list (default 8)")
    args = parser.parse_args(argv)
    source_map = material_source_map()
    with tempfile.TemporaryDirectory() as folder:
        for url in args.urls:
            runs = []
            for n in range(args.runs):
                out = Path(folder) / f"trace{n}.json"
                record(url, out)
                runs.append(summarise(out, url, source_map))
            forced: collections.Counter[str] = collections.Counter()
            for run in runs:
                forced.update({where: ms / len(runs) for where, ms in run.forced.items()})
            cpu = statistics.median(run.cpu for run in runs)
            style = statistics.median(run.style_layout for run in runs)
            parse = statistics.median(run.parse_html for run in runs)
            print(
                f"{url}: main-thread CPU {cpu:.0f} ms (runs {', '.join(str(round(run.cpu)) for run in runs)}), "
                f"style+layout {style:.0f} ms, HTML parsing {parse:.0f} ms"
            )
            for where, ms in forced.most_common(args.top):
                print(f"    {ms:6.0f} ms forced  {where}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
