"""One action run as a call would run it, on fake records and a clock that stands still.

`Line.run` builds the call's state, the node and the ActionContext with the action's contract, runs
the action and always holds its answer to the contract, so every test also proves the contract.
The call's variables carry over from one run to the next, as they do between a call's webhooks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from ivr.actions.declaration import Action
from ivr.actions.services import CallbackPolicy, Services, Texting
from ivr.domain.hours import LiveHours
from ivr.domain.lookups import LookupLimits
from ivr.flows.model import Node
from ivr.flows.state import CallState
from ivr.flows.steps import ActionContext, ActionResult, CallInput
from tests.actions.fakes import FakeRecords, fixed_clock

OPEN_HOURS = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)  # Monday 10 a.m. Eastern: agents answer
CALL_SID = "CA00000000000000000000000000000001"
CALLER = "+12025550143"


@dataclass
class Line:
    """The line's services around fake records, and the variables of the call being tested."""

    records: FakeRecords = field(default_factory=FakeRecords)
    now: datetime = OPEN_HOURS
    hours: LiveHours = field(default_factory=LiveHours)
    limits: LookupLimits = field(default_factory=LookupLimits)
    callbacks: CallbackPolicy = field(default_factory=CallbackPolicy)
    call_sid: str = CALL_SID
    vars: dict[str, str] = field(default_factory=dict)
    texts: Texting = field(default_factory=Texting)

    def services(self) -> Services:
        """The services an action gets, with the clock fixed at `now`."""
        return Services(self.records, fixed_clock(self.now), self.hours, self.limits, self.callbacks, self.texts)

    def later(self, **elapsed: float) -> None:
        """Let time pass on the line's clock (timedelta keywords: hours=13, days=31)."""
        self.now += timedelta(**elapsed)

    def new_call(self, call_sid: str, vars: Mapping[str, str] | None = None) -> None:
        """Go on with another call on the same records: its CallSid, its variables (none for a new call)."""
        self.call_sid, self.vars = call_sid, dict(vars or {})

    def run(self, action: Action, vars: Mapping[str, str] | None = None, *, lang: str = "en",
            digits: str | None = None, speech: str | None = None, params: Mapping[str, str] | None = None,
            caller: str = CALLER) -> ActionResult:
        """Run `action` with these call variables (added to the call's), held to its contract."""
        self.vars.update(vars or {})
        state = CallState(call_sid=self.call_sid, caller=caller, lang=lang, node="test.node", vars=dict(self.vars))
        given = None if digits is None and speech is None else CallInput(digits=digits, speech=speech)
        node = Node(id="node", flow="test", type="action" if given is None else "input", action=action.name,
                    params=dict(params or {}))
        result = action.run(self.services(), ActionContext(state, node, given, action.contract))
        action.contract.check_result(result.event, result.vars, [say.prompt for say in result.says])
        self.vars.update(result.vars)
        return result

    def events(self, action: Action, times: int, **kwargs: Any) -> list[str]:
        """The events of `times` runs of the action, one after another in the same call."""
        return [self.run(action, **kwargs).event for _ in range(times)]


@dataclass(frozen=True)
class Situation:
    """What an action meets (call variables, the caller's input, the records) and the event it answers."""

    event: str
    vars: Mapping[str, str] = field(default_factory=dict)
    given: Mapping[str, Any] = field(default_factory=dict)  # Line.run keywords: digits, speech, lang...
    arrange: Callable[[Line], None] | None = None
    sets: Iterable[str] | None = None  # the variables set, when not every one the event declares

    def play(self, line: Line, action: Action) -> ActionResult:
        """Arrange the line, then run the action in this situation."""
        if self.arrange is not None:
            self.arrange(line)
        return line.run(action, self.vars, **self.given)


def situations(action: Action, *table: tuple[str, Situation]) -> list[Any]:
    """Rows (action, situation) for a parametrized table, each named after the action and its case."""
    return [pytest.param(action, situation, id=f"{action.name}: {case}") for case, situation in table]


def check_situation(line: Line, action: Action, situation: Situation) -> ActionResult:
    """Play the situation: the action answers its event and sets the variables the event declares."""
    result = situation.play(line, action)
    assert result.event == situation.event
    expected = action.contract.sets(result.event) if situation.sets is None else frozenset(situation.sets)
    assert set(result.vars) == expected
    return result


def tabled_events(table: Iterable[Any], action: Action) -> set[str]:
    """The events a table of situations shows the action answering."""
    return {row.values[1].event for row in table if row.values[0] is action}
