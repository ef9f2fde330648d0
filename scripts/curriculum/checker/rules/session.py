"""Session structure (S1xx metadata, S2xx parts) and reading problems (F1xx).

The rules are the curriculum model's own (:mod:`curriculum.model`), run
through the same catalog the build hook loads (:mod:`curriculum.catalog`);
this module only maps the model's problems to findings and adds the
unclosed-fence check (F104) for every page.
"""

from __future__ import annotations

from collections.abc import Iterable

from curriculum import model, source

from ..findings import Finding
from ..site import Site
from .base import Rule

UNCLOSED_FENCE = Rule(
    "F104",
    "fence-unclosed",
    "a code fence is never closed, so the rest of the page renders as code",
    "close it with the same fence (e.g. ```) on a line of its own",
    "everything after an unclosed fence disappears into one code block",
)
#: The heading of this family in CONTRIBUTING.md's "Checker rules".
TITLE = "Reading pages and session structure (the curriculum model)"

RULES = (*source.RULES, UNCLOSED_FENCE, *model.sessions.RULES, *model.structure.RULES)
FAMILY_PREFIXES = ("S", "F")


def map_problems(site: Site, prefixes: tuple[str, ...]) -> Iterable[Finding]:
    """The catalog's problems whose code starts with one of ``prefixes``."""
    assert site.catalog is not None
    for rel, problems in site.catalog.problems.items():
        for problem in problems:
            if not problem.code.startswith(prefixes):
                continue
            yield problem.rule.at(site.display(rel), problem.line, 1, problem.message, problem.hint, problem.severity)


def check(site: Site) -> Iterable[Finding]:
    if site.catalog is None:
        return
    yield from map_problems(site, FAMILY_PREFIXES)
    # Session bodies: the model's own scanner and structure rules.
    for rel, meta in site.catalog.sessions.items():
        page = site.catalog.pages[rel]
        body = model.scan_session_body(page.body_lines, page.body_first_line)
        for problem in model.session_structure_problems(meta, body):
            yield problem.rule.at(site.display(rel), problem.line, 1, problem.message, problem.hint, problem.severity)
    # Excluded files (includes/) are read outside the catalog.
    for rel, page in site.sources.items():
        if rel not in site.catalog.pages:
            for problem in page.problems:
                yield problem.rule.at(site.display(rel), problem.line, 1, problem.message, problem.hint)
    for rel, doc in site.docs.items():
        fence = doc.unclosed_fence()
        if fence is not None:
            yield UNCLOSED_FENCE.at(
                site.display(rel),
                fence.line,
                fence.indent + 1,
                f"code fence opened here is never closed ({fence.info.strip() or 'no language'})",
            )
