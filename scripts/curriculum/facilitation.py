"""Build-time parts of the facilitator and learner features.

Marker renderers (registered in :data:`curriculum.shortcodes.RENDERERS`):

``<!-- cur:agenda -->``
    The day's agenda with clock times, from ``catalog.agendas`` (computed by
    :func:`curriculum.model.build_agenda`). On a day page it shows that day;
    elsewhere (the facilitator guide) every day, or the day named as an
    argument: ``<!-- cur:agenda day-2/index.md -->``.
``<!-- cur:progress -->``
    The day's sessions as a list whose "done" state ``progress.js`` fills in.
``<!-- cur:facilitator-notes -->``
    Every session's ``/// facilitator`` blocks, in schedule order, each under
    a link to the heading it sits under on its session page.
``<!-- cur:whole-day -->``
    The day's overview and every session, in order, for one print or PDF.
``<!-- cur:offline-link -->``
    A link to the offline zip published next to the site.

Everything is read from the pages' Markdown and the catalog, so nothing here
can drift from the session pages. HTML comes from the Jinja partials in
``overrides/partials/curriculum/``.
"""

from __future__ import annotations

import functools
import html
import itertools
import posixpath
import re
from dataclasses import dataclass

import markdown as markdown_lib
from markdown.extensions.toc import slugify, unique

from . import model, scanner
from .markers import Context, UnknownMarker

#: Where the Pages deploy puts the offline zip, relative to the site root.
OFFLINE_ZIP = "onboarding-offline.zip"

ATTR_ID = re.compile(r"\s*\{[^}]*#(?P<id>[\w-]+)[^}]*\}\s*$")
LINK = re.compile(r"(?P<open>!?\[[^\]]*\]\()(?P<target>[^)\s]+)(?P<rest>(?:\s+\"[^\"]*\")?\))")


# --------------------------------------------------------------------------
# Reading session Markdown
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Note:
    """One ``/// facilitator`` block of a session page."""

    heading: str | None  # text of the heading it sits under (None: before any)
    anchor: str | None  # that heading's id on the session page
    markdown: str  # the whole block, fences included
    line: int  # file line of the block's opening


@functools.lru_cache(maxsize=4096)
def heading_text(raw: str) -> str:
    """A heading's plain text, as Python-Markdown's toc extension sees it.

    Cached: a build asks for the same headings several times (notes, run sheets,
    answer keys), and each answer costs a whole Markdown conversion.
    """
    raw = ATTR_ID.sub("", raw)
    rendered = markdown_lib.markdown(raw)
    return html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()


def heading_anchor(raw: str, used: set[str]) -> str:
    """The id MkDocs' toc extension gives a heading (explicit ``{#id}`` wins)."""
    explicit = ATTR_ID.search(raw)
    if explicit:
        used.add(explicit.group("id"))
        return explicit.group("id")
    return unique(slugify(heading_text(raw), "-"), used)


def facilitator_notes(lines: list[str], first_line: int = 1) -> list[Note]:
    """Every facilitator block of a session body, with the heading above it.

    Headings inside a note do not count: a note sits under the page's
    heading, not its own.
    """
    found = scanner.scan(lines, first_line)
    notes_blocks = [b for b in found.blocks if b.name == model.FACILITATOR_BLOCK]
    used: set[str] = set()
    placed: list[tuple[int, str, str]] = []  # (line, text, anchor) of each heading outside notes
    for heading in found.headings:
        if heading.level >= 2 and not any(b.contains(heading.line) for b in notes_blocks):
            placed.append((heading.line, heading_text(heading.text), heading_anchor(heading.text, used)))
    notes: list[Note] = []
    for block in notes_blocks:
        above = [h for h in placed if h[0] < block.line]
        end = (block.end or first_line + len(lines) - 1) - first_line
        text = "\n".join(lines[block.line - first_line : end + 1])
        notes.append(Note(above[-1][1] if above else None, above[-1][2] if above else None, text, block.line))
    return notes


def demote_headings(text: str, levels: int = 1) -> str:
    """Every ATX heading ``levels`` deeper (fenced code untouched; H6 stays H6)."""
    lines = text.splitlines()
    headings = scanner.scan(lines).heading_at
    out = []
    for number, raw in enumerate(lines, start=1):
        if number in headings:
            hashes = headings[number].level
            raw = "#" * min(6, hashes + levels) + raw[hashes:]
        out.append(raw)
    return "\n".join(out)


def drop_sections_with(text: str, marker_names: set[str]) -> str:
    """Remove each H2 section that holds one of the named markers (e.g. the
    progress list, which means nothing on paper)."""
    lines = text.splitlines()
    found = scanner.scan(lines)
    starts = [0] + [h.line - 1 for h in found.headings if h.level == 2] + [len(lines)]
    dropped = {m.line - 1 for m in found.markers if m.name in marker_names}
    kept: list[str] = []
    for index, (start, end) in enumerate(itertools.pairwise(starts)):
        if index == 0 or not any(start <= line < end for line in dropped):
            kept.extend(lines[start:end])
    return "\n".join(kept)


def prefix_explicit_ids(text: str, prefix: str) -> str:
    """``{#id}`` on headings becomes ``{#prefix-id}``: two sessions may both use ``#stages``."""
    lines = text.splitlines()
    headings = scanner.scan(lines).heading_at
    out = []
    for number, raw in enumerate(lines, start=1):
        if number in headings:
            raw = re.sub(r"(\{[^}]*#)([\w-]+)", lambda m: m.group(1) + prefix + "-" + m.group(2), raw)
        out.append(raw)
    return "\n".join(out)


def rebase_links(text: str, from_rel: str, to_rel: str) -> str:
    """Rewrite the relative Markdown links of ``from_rel`` to work from ``to_rel``.

    A same-page link (``#anchor``) becomes a link to the source page's anchor,
    so it still lands where the author meant. Fenced code is left alone.
    """
    from_dir, to_dir = posixpath.dirname(from_rel), posixpath.dirname(to_rel)

    def fix(match: re.Match[str]) -> str:
        target = match.group("target")
        if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("/"):
            return match.group(0)
        if target.startswith("#"):
            path = posixpath.relpath(from_rel, to_dir or ".") + target
        else:
            docs_path = posixpath.normpath(posixpath.join(from_dir, target))
            path = posixpath.relpath(docs_path.split("#")[0], to_dir or ".")
            if "#" in target:
                path += "#" + target.split("#", 1)[1]
        return match.group("open") + path + match.group("rest")

    lines = text.splitlines()
    code = scanner.scan(lines).in_fence
    return "\n".join(raw if in_code else LINK.sub(fix, raw) for raw, in_code in zip(lines, code))


# --------------------------------------------------------------------------
# Renderers
# --------------------------------------------------------------------------


def _days_for(ctx: Context) -> list[str]:
    if ctx.args:
        wanted = ctx.args.strip()
        if wanted not in ctx.catalog.days:
            raise UnknownMarker(f"marker names day '{wanted}', which is not a day page (known: {', '.join(sorted(ctx.catalog.days))})")
        return [wanted]
    if ctx.page_rel in ctx.catalog.days:
        return [ctx.page_rel]
    folder_day = posixpath.join(posixpath.dirname(ctx.page_rel), "index.md")
    if folder_day in ctx.catalog.days:
        return [folder_day]
    return sorted(ctx.catalog.days, key=lambda rel: ctx.catalog.days[rel].day)


def render_agenda(ctx: Context) -> str:
    days = []
    for day_rel in _days_for(ctx):
        day = ctx.catalog.days[day_rel]
        rows = []
        for row in ctx.catalog.agendas.get(day_rel, []):
            rows.append(
                {
                    "kind": row.kind,
                    "title": row.title,
                    "summary": row.summary,
                    "start": f"{row.start:%H:%M}",
                    "end": f"{row.end:%H:%M}",
                    "minutes": row.minutes,
                    "url": ctx.url_for(row.page) if row.page and row.page != ctx.page_rel else None,
                }
            )
        days.append(
            {"rel": day_rel, "title": day.title, "start": f"{day.schedule.start:%H:%M}", "end": f"{day.schedule.end:%H:%M}", "rows": rows}
        )
    return ctx.render("agenda.html", days=days, show_day_title=len(days) > 1 or ctx.page_rel not in ctx.catalog.days)


def render_progress(ctx: Context) -> str:
    sessions = []
    for day_rel in _days_for(ctx):
        for rel, meta in ctx.catalog.sessions_of(day_rel):
            sessions.append({"rel": rel, "title": meta.title, "url": ctx.url_for(rel)})
    return ctx.render("progress-list.html", sessions=sessions)


def render_facilitator_notes(ctx: Context) -> str:
    """Markdown: one H3 per session, one H4 link per note's heading, the notes' blocks."""
    parts: list[str] = []
    for day_rel in _days_for(ctx):
        for rel, meta in ctx.catalog.sessions_of(day_rel):
            page = ctx.catalog.pages[rel]
            notes = facilitator_notes(page.body_lines, page.body_first_line)
            link = posixpath.relpath(rel, posixpath.dirname(ctx.page_rel) or ".")
            parts.append(f"### {meta.title}\n\n[Open the session page]({link}) · {meta.duration} minutes")
            previous: str | None = "\0"
            for note in notes:
                block = rebase_links(note.markdown, rel, ctx.page_rel)
                if note.anchor != previous:  # one heading per place, however many notes it holds
                    where = f"{link}#{note.anchor}" if note.anchor else link
                    label = note.heading or "Opening of the session"
                    block = f"#### Under \u201c[{label}]({where})\u201d\n\n" + block
                previous = note.anchor
                parts.append(block)
    return ctx.render("facilitator-notes.html", body="\n\n".join(parts))


def render_whole_day(ctx: Context) -> str:
    """Markdown: the overview and every session of the day, headings one level down."""
    skip = {"progress", "whole-day", "facilitator-notes", "offline-link"}
    parts: list[str] = []
    for day_rel in _days_for(ctx):
        day_page = ctx.catalog.pages[day_rel]
        overview = drop_sections_with("\n".join(day_page.body_lines), skip)
        overview = ctx.derive(day_rel, "").expand(overview, skip)
        overview = rebase_links(overview, day_rel, ctx.page_rel)
        parts.append("## Overview\n\n" + demote_headings(overview))
        for rel, meta in ctx.catalog.sessions_of(day_rel):
            page = ctx.catalog.pages[rel]
            body = "\n".join(page.body_lines)
            body = ctx.derive(rel, "").expand(body, skip)
            slug = posixpath.splitext(posixpath.basename(rel))[0]
            body = rebase_links(demote_headings(prefix_explicit_ids(body, slug)), rel, ctx.page_rel)
            header = ctx.session_header(rel) if ctx.session_header else ""
            # Objective ids are unique on a session page, not across the day.
            header = header.replace('id="objective-', f'id="{slug}-objective-')
            parts.append(
                f"## {meta.title} {{ #whole-{slug} .cur-whole-day__session }}\n\n"
                f'<p class="cur-whole-day__source">From the session page: <a href="{ctx.url_for(rel)}">{html.escape(meta.title)}</a></p>\n\n'
                f"{header}\n\n{body}"
            )
    return "\n\n".join(parts)


def render_offline_link(ctx: Context) -> str:
    return ctx.render("offline-link.html", url=ctx.url_for(OFFLINE_ZIP, doc=False), offline=ctx.offline)
