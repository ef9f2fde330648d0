"""The glossary's one source: ``docs/includes/abbreviations.md``.

Each line ``*[Term]: Definition.`` does two jobs. pymdownx.snippets appends
the file to every page, so Python-Markdown's ``abbr`` extension (with
``docs/assets/javascripts/tooltips.js``) turns every use of the term into a tooltip;
and the glossary page renders the same lines as its definition list, so the
tooltip and the glossary can never disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ABBREVIATIONS_FILE = Path("includes") / "abbreviations.md"  # relative to docs_dir
ENTRY = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<definition>.+?)\s*$")


@dataclass(frozen=True)
class Term:
    term: str
    definition: str
    line: int

    @property
    def anchor(self) -> str:
        return "term-" + re.sub(r"[^a-z0-9]+", "-", self.term.lower()).strip("-")


def read_terms(path: Path) -> list[Term]:
    """Every ``*[Term]: Definition`` line of the file, in file order."""
    terms = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = ENTRY.match(line)
        if match:
            terms.append(Term(match.group("term").strip(), match.group("definition"), number))
    return terms


def sorted_terms(terms: list[Term]) -> list[Term]:
    return sorted(terms, key=lambda t: t.term.casefold())
