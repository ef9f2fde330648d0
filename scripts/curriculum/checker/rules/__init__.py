"""The registry: every rule family, in the order they run. Explicit, no discovery.

A family is a module with ``RULES`` (its :class:`~.base.Rule` declarations:
code, name, meaning, fix) and ``check(site)`` yielding findings. Rule codes
are stable: CONTRIBUTING.md's "Checker rules" lists them all
(``python scripts/check_site.py --list-rules`` prints the same table).
"""

from __future__ import annotations

from types import ModuleType

from . import build, diagrams, external, facts, glossary, headings, hygiene, images, links, navigation, practice, schedule, session
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
]

ALL_RULES: list[Rule] = [rule for family in FAMILIES for rule in family.RULES]
BY_CODE: dict[str, Rule] = {rule.code: rule for rule in ALL_RULES}
assert len(BY_CODE) == len(ALL_RULES), "two rules share a code"
