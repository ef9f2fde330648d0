"""The registry: every rule family, in the order they run. Explicit, no discovery.

A family is a module with ``TITLE``, ``RULES`` (its :class:`curriculum.rules.Rule`
declarations: code, name, severity, summary, fix, why; the model's families
take theirs from :mod:`curriculum.model` and :mod:`curriculum.source`, where
they are declared beside their checks) and ``check(site)`` yielding findings.
Rule codes are stable. CONTRIBUTING.md's "Checker rules" list is generated
from this registry (``python scripts/check_site.py --write-rules``).
"""

from __future__ import annotations

from types import ModuleType

from . import build, diagrams, external, facts, glossary, headings, hygiene, images, links, navigation, practice, schedule, session, slides
from .base import Rule

FAMILIES: list[ModuleType] = [
    build,
    session,
    practice,
    schedule,
    facts,
    navigation,
    links,
    external,
    images,
    headings,
    diagrams,
    glossary,
    hygiene,
    slides,
]

ALL_RULES: list[Rule] = [rule for family in FAMILIES for rule in family.RULES]
BY_CODE: dict[str, Rule] = {rule.code: rule for rule in ALL_RULES}
assert len(BY_CODE) == len(ALL_RULES), "two rules share a code"
