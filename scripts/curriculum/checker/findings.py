"""The one shape of everything the checker reports: :class:`Finding`.

A finding is located in a file of the repository (path relative to the
repository root, the folder that holds ``mkdocs.yml``), at a 1-based line and
column of the Markdown source whenever the problem comes from a source. The
text format is one line an editor can jump to::

    docs/day-2/pipelines.md:12:5: L101 link to 'missing.md': no such page (fix the path ...) [link-missing-page]

Findings are frozen and sort by path, line, column, then code, so output is
stable from run to run.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from curriculum.rules import ERROR, WARNING, Finding

__all__ = ["ERROR", "WARNING", "Finding", "merge", "to_json"]


def merge(rule_findings: Iterable[Finding], build_findings: Iterable[Finding]) -> list[Finding]:
    """Every rule finding, plus the build's findings no rule already made, sorted.

    MkDocs and the checker's rules can both see a broken link or nav entry;
    a build finding with the same path, line and code as a rule finding is
    the same problem and is dropped. Exact duplicates are dropped too.
    """
    own = set(rule_findings)
    places = {(f.path, f.line, f.code) for f in own}
    extra = {f for f in build_findings if (f.path, f.line, f.code) not in places}
    return sorted(own | extra)


def to_json(findings: list[Finding], summary: dict[str, int]) -> str:
    return json.dumps({"findings": [f.as_dict() for f in findings], "summary": summary}, indent=2)
