"""A call's state between webhooks: where it waits, its language, its retries and its variables."""

from __future__ import annotations

from collections.abc import Mapping
from copy import deepcopy
from dataclasses import dataclass, field, replace
from typing import Any

from ivr.flows.contracts import ContractViolation

# The variables a call holds when the engine starts it, by entry (None: the line's `entry`; the
# others are the line's named `entries`). The flows are checked against these; the web shell
# builds a new call's variables through `entry_vars`, so calls start with exactly these names.
ENTRY_VARS: Mapping[str | None, frozenset[str]] = {
    None: frozenset(),
    "tty": frozenset({"keypad_only"}),  # a call to the TTY number: keypad only, from start to end
    "callback": frozenset({"callback_tier", "callback_purpose", "receipt", "callback_booked"}),  # what the booking kept
}


def entry_vars(entry: str | None, values: Mapping[str, str]) -> dict[str, str]:
    """A new call's variables at `entry`: exactly the names ENTRY_VARS declares, else ContractViolation."""
    if set(values) != ENTRY_VARS[entry]:
        raise ContractViolation(f"a call at entry '{entry or 'entry'}' must start with {sorted(ENTRY_VARS[entry])}, "
                                f"not {sorted(values)}")
    return dict(values)


@dataclass
class CallState:
    """What the line remembers of one call, kept in the shared store by CallSid."""

    call_sid: str = ""
    caller: str = ""  # the number the call comes from (caller ID), as Twilio gives it
    called: str = ""  # the line's number the caller dialled
    lang: str = "en"
    lang_chosen: bool = True  # False until the caller picks a language: until then everything is said in both
    node: str = ""  # the `flow.node` the call waits at
    tries: int = 0  # failed answers at the node it waits at
    more_time: bool = False  # whether the caller was already offered more time there
    vars: dict[str, str] = field(default_factory=dict)
    # The nodes the engine entered in this turn, in order, with the event an action node returned
    # (or ""): what the call's record keeps. Not part of the saved state.
    entered: list[tuple[str, str]] = field(default_factory=list, compare=False)
    # The test conditions the call runs under (a line with a test-conditions secret only); the
    # engine never reads them, the web shell does.
    conditions: dict[str, Any] = field(default_factory=dict)
    # How many answers the line has given this call, and the last one (TwiML): a webhook Twilio
    # delivers again (its URL carries the turn it answers) gets that answer, and changes nothing.
    turn: int = 0
    reply: str = ""

    def copy(self) -> CallState:
        """An independent copy with an empty turn: the engine never changes the state it was given."""
        return replace(self, vars=dict(self.vars), entered=[], conditions=dict(self.conditions))

    def to_json(self) -> dict[str, Any]:
        """The state as a JSON-ready mapping, for the store (every field but `entered`)."""
        return {"call_sid": self.call_sid, "caller": self.caller, "called": self.called, "lang": self.lang,
                "lang_chosen": self.lang_chosen, "node": self.node, "tries": self.tries, "more_time": self.more_time,
                "vars": dict(self.vars), "conditions": deepcopy(self.conditions), "turn": self.turn,
                "reply": self.reply}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CallState:
        """The state from what `to_json` gave; unknown keys are ignored, variables read as text."""
        return cls(
            call_sid=str(data.get("call_sid", "")), caller=str(data.get("caller", "")),
            called=str(data.get("called", "")), lang=str(data.get("lang", "en")),
            lang_chosen=bool(data.get("lang_chosen", True)), node=str(data.get("node", "")),
            tries=int(data.get("tries", 0)), more_time=bool(data.get("more_time", False)),
            vars={str(k): str(v) for k, v in dict(data.get("vars", {})).items()},
            conditions=dict(data.get("conditions") or {}),
            turn=int(data.get("turn", 0)), reply=str(data.get("reply", "")),
        )
