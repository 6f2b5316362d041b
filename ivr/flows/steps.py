"""What the engine hands out and takes in: steps to play, and what the caller or an action did."""

from __future__ import annotations

from dataclasses import dataclass, field

from ivr.flows.model import Node

MIN_CONFIDENCE = 0.2  # below this, Twilio's transcript is a guess we should not act on
MENU_TIMEOUT = 6


@dataclass(frozen=True)
class Say:
    """Speak one prompt, in the call's language or, when bilingual, in each language."""

    prompt: str
    params: dict = field(default_factory=dict)
    bilingual: bool = False


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


@dataclass(frozen=True)
class Hangup:
    """End the call."""


@dataclass(frozen=True)
class Step:
    """What to play, and how the turn ends."""

    lang: str
    says: tuple[Say, ...]
    end: Gather | Transfer | Hangup


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
    vars: dict = field(default_factory=dict)
    says: tuple[Say, ...] = ()


@dataclass(frozen=True)
class ActionContext:
    """What an action may read: the call's state, the node and, at an input node, the input."""

    state: dict
    node: Node
    input: CallInput | None = None

    @property
    def lang(self) -> str:
        """The caller's language."""
        return self.state["lang"]
