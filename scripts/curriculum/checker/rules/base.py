"""What every rule declares: a stable code, a name, what it means, how to fix it."""

from __future__ import annotations

from dataclasses import dataclass

from ..findings import ERROR, Finding


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str  # what is wrong, for CONTRIBUTING.md
    fix: str  # the default hint: how to fix it
    severity: str = ERROR

    def at(self, path: str, line: int, col: int, message: str, hint: str | None = None, severity: str | None = None) -> Finding:
        return Finding(
            path, max(line, 1), max(col, 1), self.code, self.name, message, self.fix if hint is None else hint, severity or self.severity
        )
