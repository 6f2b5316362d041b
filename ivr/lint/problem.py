"""A problem the linter found: where it is, which rule found it, how bad, and what is wrong."""

from __future__ import annotations

from dataclasses import dataclass

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Problem:
    """One finding at a YAML line; rules give where and what, the linter adds rule and severity."""

    file: str
    line: int
    node: str | None
    message: str
    rule: str = ""
    name: str = ""
    severity: str = ""

    @property
    def text(self) -> str:
        """The message, naming the node it is about (as the app's own refusals do)."""
        return f"node '{self.node}': {self.message}" if self.node else self.message

    def sort_key(self) -> tuple:
        """File, then line, then rule: the order a reader fixes things in."""
        return (self.file, self.line, self.rule, self.node or "", self.message)
