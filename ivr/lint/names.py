"""What code and configuration define, which flows must agree with: contracts, tiers, hints, prompts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from ivr.flows.contract_check import Known
from ivr.flows.contracts import Contract


@dataclass(frozen=True)
class KnownNames:
    """What a flow may name and must keep to; given to the rules so they never import the app to learn it."""

    contracts: Mapping[str, Contract] = field(default_factory=dict)  # every action, by the name flows use
    tiers: frozenset[str] = frozenset()
    hints: frozenset[str] = frozenset()
    code_prompts: Mapping[str, frozenset[str]] = field(default_factory=dict)  # prompt id -> what the code fills
    entry_vars: Mapping[str | None, frozenset[str]] = field(default_factory=dict)  # entry -> variables a call has

    @cached_property
    def counting_actions(self) -> frozenset[str]:
        """The actions that count attempts and return `too_many` at their limit."""
        return frozenset(name for name, contract in self.contracts.items() if contract.counted)

    def known(self) -> Known:
        """The same names as the flow loader takes them."""
        return Known(contracts=self.contracts, tiers=self.tiers, hints=self.hints,
                     code_prompts=self.code_prompts, entry_vars=self.entry_vars)
