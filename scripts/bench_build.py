"""Small benchmark of the foundation: build time and page weight.

1. Wall time of ``mkdocs build --strict`` of the real site (median of N runs)
   beside the same configuration building an almost empty docs folder, and
   the ratio of the two. The "empty" site inherits the real ``mkdocs.yml``
   (theme, plugins, hooks, extensions) and has one page, ``index.md`` with a
   heading, because the nav must name a page; it also gets the vendored files
   (the build hook refuses to build without them) and ``includes/`` (the
   snippets extension appends the glossary to every page). So the ratio
   isolates the cost of the content.
2. Bytes the browser downloads for a page with diagrams and for a page
   without, from Chromium's own accounting: the sum of ``encodedDataLength``
   of every ``Network.loadingFinished`` event (Chrome DevTools Protocol), in a
   fresh context (empty cache), served by Python's http.server (no
   compression: a server that gzips sends less; the figure to compare is the
   difference between the pages).

Usage::

    .venv/bin/python scripts/bench_build.py            # 5 runs each
    .venv/bin/python scripts/bench_build.py --runs 9 --no-browser

Not a test: figures vary with the machine. scripts/bench.py (if present) is
the larger benchmark; this one stays small.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from sitebuild import StaticServer  # noqa: E402  (tests/sitebuild.py: the same server the tests use)

from curriculum.browser import CHROMIUM_ARGS, chromium_path  # noqa: E402

CHROMIUM = chromium_path()
#: Material attaches each diagram's SVG to a closed shadow root; open them so "rendered" can be seen.
OPEN_SHADOW_ROOTS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: "open" }); };
"""


def time_build(config: Path, site_dir: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the build process): CPU time shows how much
    of a slow wall time was the machine being busy with other work."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=config.parent, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"bench_build: the build of {config} failed:\n{result.stdout}{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def empty_site(work: Path) -> Path:
    """The real configuration over a docs folder holding one heading-only page."""
    docs = work / "docs"
    (docs / "assets").mkdir(parents=True)
    shutil.copytree(ROOT / "docs" / "assets" / "vendor", docs / "assets" / "vendor")
    shutil.copytree(ROOT / "docs" / "includes", docs / "includes")
    (docs / "index.md").write_text("# Empty\n", encoding="utf-8")
    config = work / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {docs}\n"
        f"hooks:\n  - {ROOT / 'scripts' / 'curriculum' / 'hooks.py'}\n"
        f"theme:\n  custom_dir: {ROOT / 'overrides'}\n"
        "nav:\n  - index.md\n",
        encoding="utf-8",
    )
    return config


def page_bytes(site_dir: Path, paths: list[str]) -> dict[str, tuple[int, int, int]]:
    """Per path: (bytes, responses, off-origin requests), each in a fresh context."""
    from playwright.sync_api import sync_playwright

    server = StaticServer().serve(site_dir)
    results: dict[str, tuple[int, int, int]] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for path in paths:
                context = browser.new_context()
                context.add_init_script(OPEN_SHADOW_ROOTS)
                offsite: list[str] = []

                def route(route, offsite=offsite):  # noqa: ANN001 (refuse and count anything off the origin)
                    if route.request.url.startswith((server.origin + "/", "data:", "blob:")):
                        route.continue_()
                    else:
                        offsite.append(route.request.url)
                        route.abort()

                context.route("**/*", route)
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                finished: list[int] = []
                cdp.on("Network.loadingFinished", lambda event: finished.append(int(event["encodedDataLength"])))
                cdp.send("Network.enable")
                page.goto(server.origin + path, wait_until="load")
                if page.locator(".mermaid").count():
                    page.wait_for_function(
                        "() => [...document.querySelectorAll('.mermaid')].every(h => h.shadowRoot && h.shadowRoot.querySelector('svg'))",
                        timeout=60_000,
                    )
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(500)
                results[path] = (sum(finished), len(finished), len(offsite))
                context.close()
            browser.close()
    finally:
        server.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-browser", action="store_true", help="only time the builds")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        work = Path(tmp)
        empty_config = empty_site(work / "empty")
        real, empty = [], []
        for _ in range(args.runs):  # interleaved, so a busy moment hits both
            real.append(time_build(ROOT / "mkdocs.yml", work / "real-site"))
            empty.append(time_build(empty_config, work / "empty-site"))
        pages = sum(1 for p in (work / "real-site").rglob("*.html") if p.name != "404.html")
        print(f"mkdocs build --strict, median of {args.runs} runs, seconds (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")
        for label, index in (("wall", 0), ("CPU", 1)):
            r, e = statistics.median(t[index] for t in real), statistics.median(t[index] for t in empty)
            print(f"  {label:>4}: real site ({pages} pages) {r:6.2f} | same config, one empty page {e:6.2f} | ratio {r / e:5.2f}"
                  f"   runs: {', '.join(f'{t[index]:.2f}' for t in real)} | {', '.join(f'{t[index]:.2f}' for t in empty)}")

        if not args.no_browser:
            site = work / "real-site"
            with_diagram = next(
                "/" + p.relative_to(site).parent.as_posix() + "/"
                for p in sorted(site.rglob("index.html")) if 'class="mermaid"' in p.read_text(encoding="utf-8")
            )
            results = page_bytes(site, ["/", with_diagram])
            print("bytes downloaded by Chromium, fresh cache (CDP Network.loadingFinished encodedDataLength)")
            for path, (size, responses, offsite) in results.items():
                kind = "with diagrams" if path == with_diagram else "without diagrams"
                print(f"  {path:<32} {kind:<17} {size:>10,} bytes in {responses} responses, {offsite} off-origin requests")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
