"""What the engine hands out and takes in: steps to play, and what the caller or an action did."""

from __future__ import annotations

from dataclasses import dataclass, field

from ivr.flows.contracts import Contract, ContractViolation
from ivr.flows.model import Node
from ivr.flows.state import CallState

MIN_CONFIDENCE = 0.2  # below this, Twilio's transcript is a guess we should not act on
MENU_TIMEOUT = 6


@dataclass(frozen=True)
class Say:
    """Speak one prompt, in the call's language or, when bilingual, in each language."""

    prompt: str
    params: dict[str, str] = field(default_factory=dict)
    bilingual: bool = False
    lang: str | None = None  # said in this language whatever the call's (the offer to switch language)


@dataclass(frozen=True)
class Gather:
    """Wait for keys or words at an input node."""

    node: str
    speech: bool
    words: tuple[str, ...] = ()
    hints: str | None = None
    max_digits: int = 1
    timeout: int = MENU_TIMEOUT


@dataclass(frozen=True)
class Transfer:
    """Hand the call to an agent tier."""

    node: str
    tier: str
    context: dict[str, str] = field(default_factory=dict)  # what the agent is handed (ivr/flows/handover.py)


@dataclass(frozen=True)
class Hangup:
    """End the call."""


@dataclass(frozen=True)
class Step:
    """What to play, and how the turn ends."""

    lang: str
    says: tuple[Say, ...]
    end: Gather | Transfer | Hangup
    bilingual: bool = False  # no language chosen yet: every prompt is said in both
    tty: bool = False  # a TTY's call: every prompt goes out as TTY text (Baudot tones), never speech

    def key(self) -> tuple[object, ...]:
        """A hashable value two steps share only when they are equal, to keep a rendered step under.

        Prompts' values and a transfer's context are dicts, so a step is not hashable itself; pickling
        it for a key cost some 10 µs a webhook.
        """
        end: object = self.end
        if isinstance(self.end, Transfer):
            end = (self.end.node, self.end.tier, tuple(self.end.context.items()))
        return (self.lang, self.bilingual, self.tty, end,
                tuple((say.prompt, tuple(say.params.items()), say.bilingual, say.lang) for say in self.says))


@dataclass(frozen=True)
class CallInput:
    """What the caller did at a Gather: keys, words, or nothing."""

    digits: str | None = None
    speech: str | None = None
    confidence: float | None = None

    @property
    def silent(self) -> bool:
        """True when Twilio heard nothing usable."""
        low = self.confidence is not None and self.confidence < MIN_CONFIDENCE and not self.digits
        return not (self.digits or (self.speech or "").strip()) or low


@dataclass(frozen=True)
class TransferEnded:
    """The agent leg ended: `ok` when an agent took the call, `left` when the caller left the queue."""

    ok: bool
    left: bool = False


@dataclass(frozen=True)
class ActionResult:
    """An action's answer: the event to follow, variables to keep, prompts to say first."""

    event: str
    vars: dict[str, str] = field(default_factory=dict)
    says: tuple[Say, ...] = ()


@dataclass(frozen=True)
class ActionContext:
    """What an action may read: the call's state, the node and, at an input node, the input.

    Variables are read through `var` and `get`, which hold the action to the variables its
    contract declares, so a contract that forgets one fails in the first test that runs it.
    """

    state: CallState
    node: Node
    input: CallInput | None = None
    contract: Contract | None = None

    @property
    def lang(self) -> str:
        """The caller's language."""
        return self.state.lang

    @property
    def call_sid(self) -> str:
        """The call's CallSid."""
        return self.state.call_sid

    @property
    def caller(self) -> str:
        """The number the call comes from."""
        return self.state.caller

    @property
    def given(self) -> CallInput:
        """What the caller did at this input node (an empty input at an action node)."""
        return self.input or CallInput()

    def var(self, name: str) -> str:
        """A variable the contract requires: set on every path that reaches the action."""
        self._declared(name)
        if name not in self.state.vars:
            raise ContractViolation(f"{self.node.qualified}: required variable '{name}' is not set")
        return self.state.vars[name]

    def get(self, name: str, default: str = "") -> str:
        """A variable the contract reads when present, else `default`."""
        self._declared(name)
        return self.state.vars.get(name, default)

    def param(self, name: str, default: str | None = None) -> str:
        """A `with:` value of the node (declared by the contract), or `default` when the node gives none."""
        if self.contract is not None and name not in self.contract.params:
            raise ContractViolation(f"action '{self.contract.name}' reads undeclared parameter '{name}'")
        value = self.node.params.get(name, default)
        if value is None:
            raise ContractViolation(f"{self.node.qualified}: `with: {{{name}: ...}}` is missing")
        return value

    def _declared(self, name: str) -> None:
        """Refuse a read the contract does not declare."""
        if self.contract is not None and not self.contract.may_read(name):
            raise ContractViolation(f"action '{self.contract.name}' reads undeclared variable '{name}'")
