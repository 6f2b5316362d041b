"""The call-flow model: flows, nodes and prompts as plain, immutable data."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ivr.domain.contact_center import LANGUAGES as LANGUAGES  # re-exported: the flows' languages

# Node types and the events each one can raise: every event a node raises must be wired.
INPUT_TYPES = ("menu", "input")
TERMINAL_TYPES = ("transfer", "hangup")
NODE_TYPES = ("say", "action", *INPUT_TYPES, *TERMINAL_TYPES)


@dataclass(frozen=True)
class Option:
    """One menu choice: a key, the words that also choose it, and where it leads."""

    key: str
    goto: str
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    set: dict[str, str] = field(default_factory=dict)
    line: int = 0
    # Things a caller may mention that lead here only when no option's own words were heard
    # ("my green card" is most likely about a case's status, "a typo on my green card" is not).
    topics: dict[str, tuple[str, ...]] = field(default_factory=dict)
    means: str | None = None  # a meaning of the line's `meanings` whose words choose this option too
    # Words this option shares on purpose with another choice of the menu: said alone, the caller is asked
    # which of the two they meant ("urgent" is emergency travel or an expedite).
    asks: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Node:
    """One step of a flow; which fields matter depends on `type`."""

    id: str
    flow: str
    type: str
    prompt: str | None = None
    reprompt: str | None = None
    next: str | None = None
    options: tuple[Option, ...] = ()
    on: dict[str, str] = field(default_factory=dict)
    action: str | None = None
    tier: str | None = None
    speech: bool = True
    hints: str | None = None
    max_digits: int = 1
    retries: int = 2
    back: str | None = None
    give_up: str | None = None
    bilingual: bool = False
    params: dict[str, str] = field(default_factory=dict)  # `with:` values an action node passes
    line: int = 0

    @property
    def qualified(self) -> str:
        """The node's name across flows: `flow.node`."""
        return f"{self.flow}.{self.id}"


@dataclass(frozen=True)
class Prompt:
    """What the caller hears, once per language."""

    id: str
    text: dict[str, str]
    rate: str | None = None  # an SSML prosody rate, for prompts that must be heard slowly
    line: int = 0


@dataclass(frozen=True)
class Flow:
    """One call flow file: its nodes, in file order, and where it starts."""

    name: str
    start: str
    nodes: dict[str, Node]
    path: str = ""


@dataclass(frozen=True)
class FlowSet:
    """Every flow of the line, the shared prompts, voices and keys, ready for the engine."""

    flows: dict[str, Flow]
    prompts: dict[str, Prompt]
    voices: dict[str, str]
    entry: str
    entries: dict[str, str] = field(default_factory=dict)  # other ways in: `tty`, `callback`
    global_keys: dict[str, str] = field(default_factory=dict)
    give_up: str = ""
    key_words: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    # The line's shared ways of saying one thing ("yes": "yeah", "that's right", "así es" ...),
    # by meaning and language; an option takes one in with `means:`. "unsure" is heard at every menu.
    meanings: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)

    def node(self, qualified: str) -> Node:
        """The node named `flow.node`."""
        flow, _, node = qualified.partition(".")
        return self.flows[flow].nodes[node]

    def nodes(self) -> Iterator[Node]:
        """Every node of every flow."""
        for flow in self.flows.values():
            yield from flow.nodes.values()


def qualify(target: str, flow: str) -> str:
    """A target as `flow.node`: bare node ids belong to the flow that names them."""
    return target if "." in target else f"{flow}.{target}"
