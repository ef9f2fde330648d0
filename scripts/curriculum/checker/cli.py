"""Command line of the site checker: build, then check sources and built pages.

Exit status: 0 no errors (warnings allowed unless --strict), 1 errors, 2 a
usage error or a configuration the checker cannot read (missing or invalid
mkdocs.yml), reported as one line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from curriculum import building
from curriculum.building import BuildLog

from . import rulesdoc
from .findings import ERROR, Finding, merge, to_json
from .mermaid import MermaidParser, Unavailable, parse_once
from .rules import BY_CODE, FAMILIES
from .rules import build as build_rules
from .rules import diagrams as diagram_rules
from .site import ConfigError, Site, open_site

T = TypeVar("T")

ROOT = Path(__file__).resolve().parents[3]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="check_site",
        description="Build the site strictly into a temporary folder, then check links, anchors, images, headings, "
        "navigation, session structure, the schedule, diagrams, the glossary and placeholder text.",
    )
    parser.add_argument(
        "--config", "-f", type=Path, default=None, help="the mkdocs.yml to check (default: ./mkdocs.yml, else the repository's)"
    )
    parser.add_argument("--site-dir", type=Path, default=None, help="check this already-built site instead of building one")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="text: one finding per line; json: for other tools")
    parser.add_argument("--strict", action="store_true", help="warnings fail the run too")
    parser.add_argument("--external", action="store_true", help="also request every external link (off by default: the check runs offline)")
    parser.add_argument(
        "--slides", action="store_true", help="also lay out every session slide in Chromium at 1920x1080 and 1280x720 (about a minute)"
    )
    parser.add_argument(
        "--cache-max-age", type=float, default=24.0, metavar="HOURS", help="reuse cached external results younger than this (default 24)"
    )
    parser.add_argument(
        "--build-subprocess", action="store_true", help="run 'mkdocs build' as a separate process (default: in this process, faster)"
    )
    parser.add_argument("--timings", action="store_true", help="print the time of each phase to stderr")
    parser.add_argument("--list-rules", action="store_true", help="print every rule code, name and fix, then exit")
    parser.add_argument(
        "--write-rules", action="store_true", help="rewrite the rule list in CONTRIBUTING.md from the rule declarations, then exit"
    )
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def default_config() -> Path:
    here = Path.cwd() / "mkdocs.yml"
    return here if here.is_file() else ROOT / "mkdocs.yml"


def run_build(site: Site, site_dir: Path, in_process: bool = True) -> BuildLog:
    """``mkdocs build --strict`` into ``site_dir``: in this process, or as a subprocess."""
    return building.build(site.config_file, site_dir, in_process=in_process, bytecode=False, keep_going=True)


class Timer:
    """Wall-clock and CPU time (this process, all threads) of each phase.

    On a shared machine the wall time of a phase swings with the load; the
    CPU time is the checker's own work.
    """

    def __init__(self) -> None:
        self.phases: list[tuple[str, float, float | None]] = []
        self.start = time.perf_counter()

    def run(self, name: str, action: Callable[[], T]) -> T:
        began, cpu = time.perf_counter(), time.process_time()
        try:
            return action()
        finally:
            self.phases.append((name, time.perf_counter() - began, time.process_time() - cpu))

    def mark(self, name: str, wall: float, cpu: float | None = None) -> None:
        self.phases.append((name, wall, cpu))

    def rename_last(self, name: str) -> None:
        _, wall, cpu = self.phases[-1]
        self.phases[-1] = (name, wall, cpu)

    def report(self) -> str:
        rows = [f"  {'phase':<44} {'wall ms':>9} {'cpu ms':>9}"]
        for name, wall, cpu in self.phases:
            rows.append(f"  {name:<44} {wall * 1000:9.0f} {'' if cpu is None else f'{cpu * 1000:9.0f}':>9}")
        rows.append(f"  {'total':<44} {(time.perf_counter() - self.start) * 1000:9.0f} {time.process_time() * 1000:9.0f}")
        return "timings:\n" + "\n".join(rows)


def check(
    config_file: Path,
    site_dir: Path | None = None,
    external: bool = False,
    cache_max_age_hours: float = 24.0,
    today: dt.date | None = None,
    parser: MermaidParser | None = None,
    timer: Timer | None = None,
    in_process: bool = True,
    slides: bool = False,
) -> tuple[Site, list[Finding]]:
    """Run every rule; raise ConfigError when mkdocs.yml cannot be read.

    ``parser`` lets a caller (the tests) share one browser; without it the
    diagrams are parsed in a thread of their own while the build runs.
    """
    timer = timer or Timer()
    site: Site = timer.run("read config and sources", lambda: open_site(config_file, today))
    site.external = external
    site.slides = slides
    site.cache_max_age = cache_max_age_hours * 3600
    findings: list[Finding] = []
    build_findings: list[Finding] = []
    if not site.pages:
        where = site.docs_dir.relative_to(site.root).as_posix() if site.docs_dir.is_relative_to(site.root) else str(site.docs_dir)
        message = f"docs folder '{where}' has no Markdown page" if site.docs_dir.is_dir() else f"docs folder '{where}' does not exist"
        findings.append(build_rules.DOCS_EMPTY.at(site.config_display, site.config_line("docs_dir:", top_level=True), 1, message))
        return site, findings

    diagrams = diagram_rules.collect(site)
    script = diagram_rules.mermaid_script(site)
    thread: threading.Thread | None = None
    parse_seconds: list[float] = []

    def parse_diagrams(active: MermaidParser | None) -> None:
        began = time.perf_counter()
        try:
            sources = [d.source for d in diagrams]
            results = active.parse(sources) if active else parse_once(script, sources)
            site.diagram_results = {(d.rel, d.line): r for d, r in zip(diagrams, results)}
        except Unavailable as error:
            site.diagram_unavailable = str(error)
        except Exception as error:
            site.diagram_unavailable = f"the browser failed: {str(error).splitlines()[0] if str(error) else type(error).__name__}"
        parse_seconds.append(time.perf_counter() - began)

    if diagrams and parser is None:
        thread = threading.Thread(target=parse_diagrams, args=(None,), daemon=True)
        thread.start()

    with tempfile.TemporaryDirectory(prefix="check-site-") as temporary:
        if site_dir is None:
            result: BuildLog = timer.run("mkdocs build --strict", lambda: run_build(site, Path(temporary), in_process))
            site.build_output = result.output
            site.build_failed = result.returncode != 0
            site.site_dir = Path(temporary) if (Path(temporary) / "index.html").is_file() or any(Path(temporary).glob("*.html")) else None
            build_findings = list(build_rules.findings_from_log(site, site.build_output, BY_CODE))
        else:
            site.site_dir = site_dir.resolve()
        post_build, post_build_cpu = time.perf_counter(), time.process_time()
        timer.run("read built pages", site.read_built)
        timer.rename_last(f"read built pages ({len(site.built)}, {site.counts['article_kb']} KB of articles)")
        if diagrams and parser is not None:
            timer.run("parse diagrams (shared browser)", lambda: parse_diagrams(parser))
        for family in FAMILIES:
            if family is diagram_rules and thread is not None:
                timer.run("wait for diagram parsing", thread.join)
            findings += timer.run(f"rules: {family.__name__.rsplit('.', 1)[-1]}", functools.partial(_run_family, family.check, site))
        timer.mark("= checks after the build", time.perf_counter() - post_build, time.process_time() - post_build_cpu)
        if parse_seconds and thread is not None:
            timer.mark(f"  (diagram thread: {len(diagrams)} diagrams, overlaps the build)", parse_seconds[0])
    merged = merge(findings, build_findings)
    if site.build_failed and not any(f.severity == ERROR for f in merged):
        merged.append(build_rules.BUILD_ERROR.at(site.config_display, 1, 1, "MkDocs build failed: " + _last_line(site.build_output)))
    return site, merged


def _run_family(check: Callable[[Site], Iterable[Finding]], site: Site) -> list[Finding]:
    return list(check(site))


def _last_line(output: str) -> str:
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    return lines[-1] if lines else "no output"


def summary_of(site: Site, findings: list[Finding]) -> dict[str, int]:
    return {
        "errors": sum(f.severity == ERROR for f in findings),
        "warnings": sum(f.severity != ERROR for f in findings),
        "pages": len(site.pages),
        "diagrams": site.counts["diagrams"],
        "links": site.counts["links"],
    }


def list_rules() -> str:
    return "\n".join(
        f"{rule.code}  {rule.name:<24} {rule.severity:<8} {rule.summary}. Fix: {rule.fix}."
        for rule in sorted(BY_CODE.values(), key=lambda r: r.code)
    )


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:
        # The reader went away (e.g. '| head'): stop quietly, as the Python docs advise.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _main(argv: list[str] | None) -> int:
    args = parse_args(argv)
    if args.list_rules:
        print(list_rules())
        return 0
    if args.write_rules:
        path = ROOT / "CONTRIBUTING.md"
        print(f"{path.name}: {'rule list rewritten' if rulesdoc.write(path) else 'rule list already up to date'}")
        return 0
    if args.site_dir is not None and not args.site_dir.is_dir():
        print(f"check_site: error: --site-dir {args.site_dir} is not a folder (build one with 'mkdocs build -d DIR')", file=sys.stderr)
        return 2
    config = (args.config or default_config()).resolve()
    timer = Timer()
    try:
        site, findings = check(
            config,
            args.site_dir,
            args.external,
            args.cache_max_age,
            args.today,
            slides=args.slides,
            timer=timer,
            in_process=not args.build_subprocess,
        )
    except ConfigError as error:
        shown = os.path.relpath(config) if not os.path.relpath(config).startswith("../..") else str(config)
        finding = BY_CODE["C101"].at(shown, error.line, 1, f"{config.name}: {error.message}", error.hint)
        if args.format == "json":
            print(to_json([finding], {"errors": 1, "warnings": 0, "pages": 0, "diagrams": 0, "links": 0}))
        else:
            print(finding.text(), file=sys.stderr)
        return 2
    summary = summary_of(site, findings)
    if args.format == "json":
        print(to_json(findings, summary))
    else:
        for finding in findings:
            print(finding.text())
        print(
            f"{summary['errors']} errors, {summary['warnings']} warnings in {summary['pages']} pages, "
            f"{summary['diagrams']} diagrams, {summary['links']} links checked"
        )
    if args.timings:
        print(timer.report(), file=sys.stderr)
    failed = summary["errors"] or (args.strict and summary["warnings"])
    return 1 if failed else 0
