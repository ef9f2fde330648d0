"""What a rule is, and the two shapes of what rules report.

A :class:`Rule` is declared once, next to the code that checks it: its code,
name, severity, what is wrong, how to fix it and why the rule exists. The
checker's registry is the list of those declarations and CONTRIBUTING.md's
"Checker rules" section is generated from it.

* A :class:`Problem` is what the curriculum model reports about one page: a
  rule broken at a 1-based line of that page. The build turns the first one
  into its error line; the checker turns each into a finding.
* A :class:`Finding` is what the checker prints: a problem located by path
  (relative to the repository root), line and column.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Rule:
    code: str
    name: str
    summary: str  # what is wrong, one clause (CONTRIBUTING.md)
    fix: str  # the default hint: how to fix it
    why: str = ""  # why the rule exists, one sentence
    severity: str = ERROR

    def problem(self, line: int, message: str, hint: str | None = None, severity: str | None = None) -> Problem:
        """This rule broken at ``line`` of a page; ``hint`` defaults to the rule's fix."""
        return Problem(line, self, message, self.fix if hint is None else hint, severity or self.severity)

    def at(self, path: str, line: int, col: int, message: str, hint: str | None = None, severity: str | None = None) -> Finding:
        """This rule broken at ``path:line:col``; ``hint`` defaults to the rule's fix."""
        return Finding(
            path, max(line, 1), max(col, 1), self.code, self.name, message, self.fix if hint is None else hint, severity or self.severity
        )


@dataclass(frozen=True, order=True)
class Problem:
    """A rule broken on a page, at a 1-based line of its file."""

    line: int
    rule: Rule
    message: str
    hint: str = ""
    severity: str = ERROR

    @property
    def code(self) -> str:
        return self.rule.code

    def text(self, path: str) -> str:
        """``path:line: CODE message (hint)``, the build's one error line."""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{path}:{self.line}: {self.code} {self.message}{hint}"


@dataclass(frozen=True, order=True)
class Finding:
    """One line of the checker's report; findings sort by path, line, column, then code."""

    path: str
    line: int
    col: int
    code: str
    name: str
    message: str
    hint: str = ""
    severity: str = ERROR

    def text(self) -> str:
        """``path:line:col: CODE message (hint) [name]``; warnings say so."""
        label = "" if self.severity == ERROR else "warning: "
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.path}:{self.line}:{self.col}: {self.code} {label}{self.message}{hint} [{self.name}]"

    def as_dict(self) -> dict[str, object]:
        return asdict(self)
