"""The running example's facts and the sessions' run sheets, for the build and the checker.

One place reads the fact file, finds every marker and parses every run sheet,
so the build hook (which fails on the first error) and the checker (which
reports them all) see the same problems:

* :func:`read` gathers a site's facts, fact markers and run sheets;
* :func:`build_errors` formats the errors the build stops on, one line each;
* :func:`register` adds the Markdown preprocessor that inserts the values;
* :func:`with_timing_note` and :func:`run_sheet_element` add the generated
  facilitator note and the presenter view's JSON to a session page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import fact_checks, facts, runsheet, scanner
from .catalog import Catalog
from .rules import Problem
from .source import PageSource, read_page

#: Folders under docs/ that hold no pages an author writes.
SKIPPED = ("assets/",)


@dataclass
class Teaching:
    """What a site's sources say about facts and run sheets, with every problem found."""

    fact_file: facts.FactFile
    uses: dict[str, list[facts.Use]] = field(default_factory=dict)  # docs path -> markers
    run_sheets: dict[str, runsheet.RunSheet] = field(default_factory=dict)  # session path -> sheet
    #: docs path (the fact file's own path included) -> problems
    problems: dict[str, list[Problem]] = field(default_factory=dict)
    #: (docs path, problem) -> the column of the marker it is about
    columns: dict[tuple[str, Problem], int] = field(default_factory=dict)

    @property
    def used_keys(self) -> set[str]:
        return {use.key for found in self.uses.values() for use in found}

    def errors(self) -> list[tuple[str, Problem]]:
        return sorted((rel, p) for rel, found in self.problems.items() for p in found if p.severity == "error")


def fact_file_rel() -> str:
    return facts.FACTS_FILE.as_posix()


def read(docs_dir: Path, catalog: Catalog, sources: dict[str, PageSource] | None = None, unused: bool = False) -> Teaching:
    """Facts, markers and run sheets of every Markdown file under ``docs_dir``.

    ``sources`` are pages already read (the catalog's, or the checker's);
    others (the glossary's include) are read here. ``unused`` adds the
    warnings for facts no page uses (the checker's, not the build's).
    """
    fact_file = facts.load_facts(docs_dir / facts.FACTS_FILE)
    teaching = Teaching(fact_file)
    if fact_file.problems:
        teaching.problems[fact_file_rel()] = list(fact_file.problems)
    pages = dict(catalog.pages)
    pages.update(sources or {})
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        if rel not in pages and not rel.startswith(SKIPPED):
            pages[rel] = read_page(path, docs_dir)
    display = f"docs/{fact_file_rel()}"
    for rel in sorted(pages):
        page = pages[rel]
        if page.body_first_line > 1 and "cur:fact" in page.text:
            misplaced = fact_checks.front_matter_problems(page.text.split("\n"), page.body_first_line)
            teaching.columns.update({(rel, problem): col for col, problem in misplaced})
            _report(teaching, rel, [problem for _, problem in misplaced])
        uses = facts.find_uses(page.body_lines, page.body_first_line)
        if uses:
            teaching.uses[rel] = uses
            placed = fact_checks.use_problems(uses, fact_file, display)
            teaching.columns.update({(rel, problem): use.col for use, problem in placed})
            _report(teaching, rel, [problem for _, problem in placed])
    for rel in catalog.sessions:
        page = catalog.pages[rel]
        body = facts.substitute(page.body_lines, fact_file.facts)
        sheet, found = runsheet.parse_run_sheet(page.meta, page.key_lines, body, page.body_first_line)
        _report(teaching, rel, found)
        if sheet:
            teaching.run_sheets[rel] = sheet
    if unused and not fact_file.problems:
        _report(teaching, fact_file_rel(), fact_checks.unused_problems(fact_file, teaching.used_keys))
    return teaching


def _report(teaching: Teaching, rel: str, problems: list[Problem]) -> None:
    if problems:
        teaching.problems.setdefault(rel, []).extend(problems)


def build_errors(teaching: Teaching, display: Callable[[str], str]) -> list[str]:
    """The errors the build stops on, as ``path:line: CODE message (fix)``.

    A session without a run sheet is the checker's error (R101), not the
    build's: the page still builds, with no timing note.
    """
    return [
        f"{display(rel)}:{problem.line}: {problem.code} {problem.message} ({problem.hint})"
        for rel, problem in teaching.errors()
        if problem.rule is not runsheet.MISSING
    ]


def register(config: Any, teaching: Teaching) -> None:
    """Add (or replace) the facts preprocessor in the site's Markdown extensions."""
    from .facts_markdown import FactsExtension

    extensions = config["markdown_extensions"]
    extensions[:] = [ext for ext in extensions if not isinstance(ext, FactsExtension)]
    extensions.append(FactsExtension(teaching.fact_file.facts))


# --------------------------------------------------------------------------
# What a session page gets
# --------------------------------------------------------------------------


def timing_rows(sheet: runsheet.RunSheet, start_minutes: int | None) -> list[dict[str, Any]]:
    """The run sheet's parts with their times: clock times when the session is
    scheduled (``start_minutes`` after midnight), else minutes from its start."""
    rows = []
    for part, (begin, end) in zip(sheet.parts, sheet.offsets()):
        if start_minutes is None:
            when = (f"+{begin}", f"+{end}")
        else:
            when = (_clock(start_minutes + begin), _clock(start_minutes + end))
        rows.append({"part": part, "start": when[0], "end": when[1]})
    return rows


def _clock(minutes: int) -> str:
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


def session_start(catalog: Catalog, rel: str) -> int | None:
    """The session's start, in minutes after midnight, from its day's agenda."""
    for rows in catalog.agendas.values():
        for row in rows:
            if row.kind == "session" and row.page == rel:
                return row.start.hour * 60 + row.start.minute
    return None


def with_timing_note(markdown: str, rel: str, teaching: Teaching, catalog: Catalog, env: Any) -> str:
    """The session's Markdown with its generated timing note before the first H2."""
    sheet = teaching.run_sheets.get(rel)
    if sheet is None:
        return markdown
    note = env.get_template("partials/curriculum/run-sheet-note.html").render(
        sheet=sheet, rows=timing_rows(sheet, session_start(catalog, rel))
    )
    lines = markdown.split("\n")
    first_h2 = next((h.line for h in scanner.scan(lines).headings if h.level == 2), None)
    if first_h2 is None:
        return markdown + "\n\n" + note.strip() + "\n"
    return "\n".join([*lines[: first_h2 - 1], note.strip(), "", *lines[first_h2 - 1 :]])


def run_sheet_element(rel: str, teaching: Teaching, catalog: Catalog, env: Any) -> str:
    """The ``<script id="cur-run-sheet">`` JSON the presenter view reads (duration only without a sheet)."""
    meta = catalog.sessions.get(rel)
    if meta is None:
        return ""
    sheet = teaching.run_sheets.get(rel)
    data = sheet.as_json() if sheet else {"duration": meta.duration, "parts": []}
    return env.get_template("partials/curriculum/run-sheet-data.html").render(data=data)
