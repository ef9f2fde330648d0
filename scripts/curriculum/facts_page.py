"""``<!-- cur:facts -->``: the running example's reference page.

Lists every fact of the fact file by group, with its value and every place a
page uses it (linked to the section it stands in), so a maintainer sees what
an edit to the file will change before making it. Generated at build time
from the same reading the checker uses (:func:`curriculum.facts_build.read`).
"""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING, Any

from . import facts, facts_build, glossary, scanner
from .facilitation import heading_anchor, heading_text

if TYPE_CHECKING:  # pragma: no cover
    from .shortcodes import Context

#: Where a use in the glossary's include shows: the glossary page.
GLOSSARY_PAGE = "glossary.md"


def _sections(lines: list[str], first_line: int, fact_values: dict[str, facts.Fact]) -> dict[int, tuple[str, str]]:
    """File line -> (heading text, anchor) of the nearest H2 or H3 above it."""
    found = scanner.scan(facts.substitute(lines, fact_values), first_line)
    used: set[str] = set()
    placed = [(h.line, h.level, heading_text(h.text), heading_anchor(h.text, used)) for h in found.headings]
    current: dict[int, tuple[str, str]] = {}
    heading: tuple[str, str] | None = None
    for number in range(first_line, first_line + len(lines)):
        for line, level, text, anchor in placed:
            if line == number and level in (2, 3):
                heading = (text, anchor)
        if heading:
            current[number] = heading
    return current


def _page_title(ctx: Context, rel: str) -> str:
    if rel in ctx.catalog.sessions:
        return ctx.catalog.sessions[rel].title
    page = ctx.catalog.pages.get(rel)
    title = page.meta.get("title") if page else None
    return str(title) if title else posixpath.splitext(posixpath.basename(rel))[0]


def places(ctx: Context, teaching: facts_build.Teaching) -> dict[str, list[dict[str, Any]]]:
    """Fact key -> where it is used: label, URL, count (in page order)."""
    out: dict[str, dict[tuple[str, str], dict[str, Any]]] = {}
    glossary_rel = glossary.ABBREVIATIONS_FILE.as_posix()
    for rel, uses in teaching.uses.items():
        if rel == glossary_rel:
            if GLOSSARY_PAGE not in ctx.catalog.pages:
                continue
            text = (ctx.docs_dir / rel).read_text(encoding="utf-8").splitlines()
            for use in uses:
                entry = glossary.ENTRY.match(text[use.line - 1])
                term = glossary.Term(entry.group("term"), "", use.line) if entry else None
                label = f"Glossary: {term.term}" if term else "Glossary"
                url = ctx.url_for(GLOSSARY_PAGE) + (f"#{term.anchor}" if term else "")
                _add(out, use.key, label, url)
            continue
        if rel not in ctx.catalog.pages or rel == ctx.page_rel:  # not the reference page itself
            continue
        page = ctx.catalog.pages[rel]
        sections = _sections(page.body_lines, page.body_first_line, teaching.fact_file.facts)
        title = _page_title(ctx, rel)
        for use in uses:
            section = sections.get(use.line)
            label = f"{title} › {section[0]}" if section else title
            url = ctx.url_for(rel) + (f"#{section[1]}" if section else "")
            if use.place.startswith("diagram"):
                label += " (diagram)"
            _add(out, use.key, label, url)
    return {key: list(found.values()) for key, found in out.items()}


def _add(out: dict[str, dict[tuple[str, str], dict[str, Any]]], key: str, label: str, url: str) -> None:
    place = out.setdefault(key, {}).setdefault((label, url), {"label": label, "url": url, "count": 0})
    place["count"] += 1


def render_facts(ctx: Context) -> str:
    teaching = facts_build.read(ctx.docs_dir, ctx.catalog)
    where = places(ctx, teaching)
    groups: dict[str, dict[str, Any]] = {}
    for key, fact in teaching.fact_file.facts.items():
        group = groups.setdefault(
            fact.group,
            {"title": teaching.fact_file.groups.get(fact.group, fact.group), "anchor": f"facts-{fact.group}", "facts": []},
        )
        group["facts"].append(
            {
                "key": key,
                "name": key.split(".", 1)[1].replace("-", " ").capitalize(),
                "about": fact.about,
                "value": fact.value,
                "anchor": "fact-" + re.sub(r"[^a-z0-9]+", "-", key),
                "places": where.get(key, []),
            }
        )
    return ctx.render("facts.html", groups=list(groups.values()))
