"""Fact markers become their values before Python-Markdown parses a page.

A preprocessor, so every piece of Markdown a page is made of gets the same
values: its own text, the glossary lines pymdownx.snippets appends (priority
32, before this one), the session bodies the whole-day page and the
facilitator guide gather, and Mermaid fences, which superfences stashes later
(priority 25) and :mod:`curriculum.diagrams` renders from the substituted
source. The build hook adds the extension with the facts it has validated
(:func:`curriculum.facts_build.prepare`); a marker left unknown here was
already reported, so it is left as the invisible comment it is.
"""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from .facts import Fact, substitute

#: After pymdownx.snippets (32), before superfences' fence stash (25) and normalisation.
PRIORITY = 31


class FactPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, facts: dict[str, Fact]) -> None:
        super().__init__(md)
        self.facts = facts

    def run(self, lines: list[str]) -> list[str]:
        return substitute(lines, self.facts)


class FactsExtension(Extension):
    """Registers :class:`FactPreprocessor` with the given facts."""

    def __init__(self, facts: dict[str, Fact]) -> None:
        super().__init__()
        self.facts = facts

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(FactPreprocessor(md, self.facts), "curriculum-facts", PRIORITY)
