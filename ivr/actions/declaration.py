"""How an action is declared: its code and, next to it, the contract the flows are checked against."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from ivr.actions.services import Services
from ivr.flows.contracts import Contract, contract
from ivr.flows.steps import ActionContext, ActionResult

Run = Callable[[Services, ActionContext], ActionResult]


@dataclass(frozen=True)
class Action:
    """A named action: its contract, and the code that runs it with the line's services."""

    contract: Contract
    run: Run

    @property
    def name(self) -> str:
        """The name flows call it by."""
        return self.contract.name

    def bind(self, services: Services) -> Callable[[ActionContext], ActionResult]:
        """The action as the engine calls it: with these services."""
        return lambda ctx: self.run(services, ctx)


def action(name: str, *, events: Mapping[str, Iterable[str]] | Iterable[str], requires: Iterable[str] = (),
           reads: Iterable[str] = (), says: Iterable[str] = (), params: Iterable[str] = (),
           required_params: Iterable[str] = (), counted: bool = False,
           may_set: Iterable[str] = ()) -> Callable[[Run], Action]:
    """Declare the function below as the action `name`, with its contract."""
    declared = contract(name, events=events, requires=requires, reads=reads, says=says, params=params,
                        required_params=required_params, counted=counted, may_set=may_set)
    return lambda run: Action(declared, run)
