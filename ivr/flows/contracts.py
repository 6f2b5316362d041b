"""What an action promises the flows: the events it returns, the variables it reads and sets, its prompts.

A contract is plain data, declared next to the action's code. The flow loader checks the flows
against every contract before a call is taken, and the engine holds each action to its contract
during a call, so a mismatch is found at start-up or in a test, never by a caller.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


class ContractViolation(RuntimeError):
    """An action did something its contract does not declare: a bug in the action or its contract."""


@dataclass(frozen=True)
class Contract:
    """One action's promise: events (each with the variables it sets), reads, prompts, `with:` keys."""

    name: str
    events: Mapping[str, frozenset[str]]
    requires: frozenset[str] = frozenset()  # variables set on every path that reaches the action
    reads: frozenset[str] = frozenset()  # variables read when present (the action has a default)
    says: frozenset[str] = frozenset()  # prompt ids the action may speak
    params: frozenset[str] = frozenset()  # `with:` keys its node may give
    required_params: frozenset[str] = frozenset()  # `with:` keys its node must give
    counted: bool = False  # counts attempts and returns `too_many` at its limit: a loop through it ends
    may_set: frozenset[str] = frozenset()  # variables set on some answers only: never relied on by a prompt

    def sets(self, event: str) -> frozenset[str]:
        """The variables the action sets when it returns `event`."""
        return self.events[event]

    def may_read(self, name: str) -> bool:
        """Whether the action declares reading the call variable `name`."""
        return name in self.requires or name in self.reads

    def check_result(self, event: str, variables: Iterable[str], prompts: Iterable[str]) -> None:
        """Raise ContractViolation unless an answer of the action is one its contract declares."""
        if event not in self.events:
            raise ContractViolation(f"action '{self.name}' returned undeclared event '{event}'")
        extra = set(variables) - self.events[event] - self.may_set
        if extra:
            raise ContractViolation(f"action '{self.name}' set undeclared variables {sorted(extra)} on '{event}'")
        unsaid = set(prompts) - self.says
        if unsaid:
            raise ContractViolation(f"action '{self.name}' spoke undeclared prompts {sorted(unsaid)}")


def contract(name: str, *, events: Mapping[str, Iterable[str]] | Iterable[str], requires: Iterable[str] = (),
             reads: Iterable[str] = (), says: Iterable[str] = (), params: Iterable[str] = (),
             required_params: Iterable[str] = (), counted: bool = False, may_set: Iterable[str] = ()) -> Contract:
    """A Contract from plain iterables; `events` may be bare names when no event sets anything."""
    table = events if isinstance(events, Mapping) else {event: () for event in events}
    return Contract(name=name, events={event: frozenset(names) for event, names in table.items()},
                    requires=frozenset(requires), reads=frozenset(reads), says=frozenset(says),
                    params=frozenset(params) | frozenset(required_params),
                    required_params=frozenset(required_params), counted=counted, may_set=frozenset(may_set))


def same_vars(names: Iterable[str], *events: str) -> dict[str, frozenset[str]]:
    """An events table where each of `events` sets the same variables `names`."""
    return {event: frozenset(names) for event in events}
