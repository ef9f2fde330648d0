"""The registry of markers (``<!-- cur:NAME -->``) and their renderers.

Each name maps to one small renderer in :data:`RENDERERS`; expansion is
:func:`curriculum.markers.expand`. The HTML comes from Jinja partials in
``overrides/partials/curriculum/``.
"""

from __future__ import annotations

from . import endofday, facilitation, facts_page, glossary, guide_keys, labpage
from .markers import Context, Renderer, UnknownMarker, expand

__all__ = ["RENDERERS", "Context", "UnknownMarker", "expand", "render_glossary"]


def render_glossary(ctx: Context) -> str:
    terms = glossary.sorted_terms(glossary.read_terms(ctx.docs_dir / glossary.ABBREVIATIONS_FILE))
    return ctx.render("glossary.html", terms=terms)


#: name -> renderer; each returns HTML (or Markdown) that replaces the marker line.
RENDERERS: dict[str, Renderer] = {
    "glossary": render_glossary,
    "agenda": facilitation.render_agenda,
    "progress": facilitation.render_progress,
    "facilitator-notes": facilitation.render_facilitator_notes,
    "whole-day": facilitation.render_whole_day,
    "offline-link": facilitation.render_offline_link,
    "facts": facts_page.render_facts,
    "answer-keys": guide_keys.render_answer_keys,
    "run-sheets": guide_keys.render_run_sheets,
    "end-of-day-check": endofday.render_end_of_day_check,
    "lab-task": labpage.render_task,
    "lab-solution": labpage.render_solution,
}
