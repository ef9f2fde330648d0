"""What every rule declares (:class:`curriculum.rules.Rule`): a stable code, a name,
what it means, how to fix it and why; declared once, beside its check."""

from __future__ import annotations

from curriculum.rules import Rule

__all__ = ["Rule"]
