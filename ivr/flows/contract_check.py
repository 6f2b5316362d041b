"""The one contract between the flows and the code, checked before any call is taken.

Each action's contract (ivr/flows/contracts.py) says which events it returns, the variables each
sets, the variables it requires, the prompts it may speak and the `with:` keys it takes; the code
outside actions speaks the prompts of ivr/flows/spoken.py; a call starts with the variables of
its entry (ivr/flows/state.py). A flow set keeps the contract when every event an action returns
is wired and no other, every `with:` key is one the action takes, every prompt the code speaks is
defined, and every `{placeholder}` and required variable is set on every path that reaches it.
The loader refuses a flow set that does not; the linter reports the same problems.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from ivr.flows.contracts import Contract
from ivr.flows.dataflow import VariableFlow, surely_set
from ivr.flows.loader import FlowError, LineDict
from ivr.flows.model import INPUT_TYPES, FlowSet, Node
from ivr.flows.placeholders import prompt_placeholders, stray_braces
from ivr.flows.spoken import CODE_PROMPTS
from ivr.flows.state import ENTRY_VARS

# Which part of the contract a problem breaks (the linter reports each kind under its own rule).
EVENT, PARAMETER, PROMPT, PLACEHOLDER, VARIABLE, BRACES = (
    "event", "parameter", "prompt", "placeholder", "variable", "braces")
ENGINE_HANDLED = "no_match"  # at an input node the engine re-prompts on it itself: it may stay unwired
N = TypeVar("N")


class ContractError(FlowError):
    """A flow set that breaks its contract with the code, with where, why, and which part (`kind`)."""

    def __init__(self, kind: str, path: str, line: int, node: str | None, message: str):
        super().__init__(path, line, node, message)
        self.kind = kind


@dataclass(frozen=True)
class Known:
    """What the code and configuration define, which flows may refer to and must agree with."""

    contracts: Mapping[str, Contract]
    tiers: Collection[str]
    hints: Collection[str] = ()
    code_prompts: Mapping[str, frozenset[str]] = field(default_factory=lambda: dict(CODE_PROMPTS))
    entry_vars: Mapping[str | None, frozenset[str]] = field(default_factory=lambda: dict(ENTRY_VARS))

    @property
    def actions(self) -> Collection[str]:
        """The action names flows may call."""
        return self.contracts.keys()


@dataclass(frozen=True)
class Places:
    """Where a flow set's parts are written: the `line` section, each prompt's file, each node's keys."""

    line_file: str
    line_line: int
    prompt_ids: Mapping[str, tuple[str, int]]  # prompt id -> the file and line of its id
    node_keys: Mapping[str, LineDict] = field(default_factory=dict)  # `flow.node` -> its mapping as read

    def prompt(self, prompt_id: str) -> tuple[str, int]:
        """The file and line of a prompt's id (the `line` section's, for a prompt no file defines)."""
        return self.prompt_ids.get(prompt_id, (self.line_file, self.line_line))

    def line_of(self, node: Node, key: str, item: str | None = None) -> int:
        """The line of a node's key (or of one `item` under it, such as an event in `on:`), else the node's."""
        raw = self.node_keys.get(node.qualified)
        if raw is None or key not in raw:
            return node.line
        inner = raw[key]
        if item is not None and isinstance(inner, LineDict) and item in inner.key_lines:
            return inner.key_lines[item]
        return raw.key_lines[key]


def wiring_problems(node_type: str, contract: Contract, wired: Iterable[str]) -> list[tuple[str | None, str]]:
    """(the wired event, or None for one left unwired; why) for each event the `on:` gets wrong."""
    wired = list(wired)
    declared = set(contract.events)
    required = declared - {ENGINE_HANDLED} if node_type == "input" else declared
    problems: list[tuple[str | None, str]] = [
        (None, f"action '{contract.name}' can return '{event}', which on: does not wire")
        for event in sorted(required - set(wired))]
    problems += [(event, f"on: wires '{event}', which action '{contract.name}' never returns")
                 for event in wired if event not in declared]
    return problems


def parameter_problems(contract: Contract, given: Iterable[str]) -> list[tuple[str | None, str]]:
    """(the `with:` key, or None for one missing; why) for each key the action does not take or needs."""
    given = list(given)
    takes = ", ".join(sorted(contract.params)) or "none"
    problems: list[tuple[str | None, str]] = [
        (key, f"with: gives '{key}', which action '{contract.name}' does not take (it takes: {takes})")
        for key in given if key not in contract.params]
    problems += [(None, f"with: must give '{key}' to action '{contract.name}'")
                 for key in sorted(contract.required_params - set(given))]
    return problems


def undefined_prompts(uses: Iterable[tuple[N, str | None]], known: Known,
                      defined: Collection[str]) -> Iterator[tuple[N | None, str]]:
    """(the node whose action speaks it, or None; why) for each prompt the code may speak that is not defined.

    `uses` pairs each node that runs an action with the action's name. Defined prompts have both
    languages: the schema requires them.
    """
    for prompt_id in known.code_prompts:
        if prompt_id not in defined:
            yield None, f"prompt '{prompt_id}' is not defined, and the engine or the web shell speaks it"
    for node, action in uses:
        contract = known.contracts.get(action or "")
        for prompt_id in sorted(contract.says - set(defined)) if contract else ():
            yield node, f"prompt '{prompt_id}' is not defined, and action '{action}' speaks it"


def contract_problems(flowset: FlowSet, known: Known, places: Places) -> list[ContractError]:
    """Every way the flow set breaks its contract with the code, in file and line order."""
    problems = [*_node_problems(flowset, known, places), *_prompt_problems(flowset, known, places),
                *variable_problems(flowset, known, places)]
    return sorted(problems, key=lambda problem: (problem.path, problem.line))


def variable_problems(flowset: FlowSet, known: Known, places: Places) -> list[ContractError]:
    """Placeholders and required variables some path leaves unset, and code prompts' unfilled placeholders."""
    flow = surely_set(flowset, known.contracts, known.entry_vars)
    problems = [problem for node in flowset.nodes() if node.qualified in flow.on_entry
                for problem in _unset_at(flowset, known, places, flow, node)]
    # The engine's re-prompts and the web shell's messages are spoken with what the code fills
    # (ivr/flows/spoken.py), never with the call's variables: hold them to that, wherever spoken.
    for prompt_id, fills in known.code_prompts.items():
        prompt = flowset.prompts.get(prompt_id)
        for name in sorted(prompt_placeholders(prompt) - fills) if prompt else ():
            filled = ", ".join(f"{{{n}}}" for n in sorted(fills)) or "nothing"
            problems.append(ContractError(
                PLACEHOLDER, *places.prompt(prompt_id), None,
                f"prompt '{prompt_id}' uses {{{name}}}, but the code that speaks it fills only {filled}"))
    return problems


def _node_problems(flowset: FlowSet, known: Known, places: Places) -> Iterator[ContractError]:
    """Events wired wrong and `with:` keys wrong, at the nodes that name an action."""
    for flow in flowset.flows.values():
        for node in flow.nodes.values():
            contract = known.contracts.get(node.action or "")
            if contract is None or node.type not in ("action", "input"):
                continue
            for event, message in wiring_problems(node.type, contract, node.on):
                yield ContractError(EVENT, flow.path, places.line_of(node, "on", event), node.id, message)
            for key, message in parameter_problems(contract, node.params):
                line = places.line_of(node, "with" if node.params else "action", key)
                yield ContractError(PARAMETER, flow.path, line, node.id, message)


def _prompt_problems(flowset: FlowSet, known: Known, places: Places) -> Iterator[ContractError]:
    """Prompts the code speaks that the flows do not define, and prompts whose braces do not pair up."""
    uses = [(node, node.action) for node in flowset.nodes() if node.type in ("action", "input")]
    for node, message in undefined_prompts(uses, known, flowset.prompts):
        if node is None:
            yield ContractError(PROMPT, places.line_file, places.line_line, None, message)
        else:
            yield ContractError(PROMPT, flowset.flows[node.flow].path, places.line_of(node, "action"), node.id,
                                message)
    for prompt in flowset.prompts.values():
        for lang in stray_braces(prompt):
            message = f"prompt '{prompt.id}' ({lang}) has a stray {{ or }}"
            yield ContractError(BRACES, *places.prompt(prompt.id), None, message)


def _unset_at(flowset: FlowSet, known: Known, places: Places, flow: VariableFlow,
              node: Node) -> Iterator[ContractError]:
    """What a node speaks or its action requires that some way into the node leaves unset."""
    on_entry = flow.on_entry[node.qualified]
    here = on_entry | frozenset(node.params)  # a prompt speaks the node's `with:` values and the call's variables
    contract = known.contracts.get(node.action or "") if node.type in ("action", "input") else None
    spoken = [] if node.type == "action" else [(f"prompt '{node.prompt}'", "prompt", node.prompt, here)]
    if node.type in INPUT_TYPES:
        spoken.append((f"reprompt '{node.reprompt}'", "reprompt", node.reprompt, here))
    if contract:
        # The action's prompts are spoken after it returned: with what its events set (any of them).
        after = here.union(*contract.events.values())
        spoken += [(f"prompt '{prompt_id}', which action '{contract.name}' speaks,", "action", prompt_id, after)
                   for prompt_id in sorted(contract.says)]
    path = flowset.flows[node.flow].path
    for what, key, prompt_id, available in spoken:
        prompt = flowset.prompts.get(prompt_id or "")
        for name in sorted(prompt_placeholders(prompt) - available) if prompt else ():
            message = f"{what} uses {{{name}}}, {_unset(flow, name, node)}"
            yield ContractError(PLACEHOLDER, path, places.line_of(node, key), node.id, message)
    unset = sorted(contract.requires - on_entry) if contract else []
    for name in unset:
        message = f"action '{node.action}' requires '{name}', {_unset(flow, name, node)}"
        yield ContractError(VARIABLE, path, places.line_of(node, "action"), node.id, message)


def _unset(flow: VariableFlow, name: str, node: Node) -> str:
    """Why a variable may be missing at a node: one way in that never sets it."""
    way = flow.path_without(name, node.qualified)
    shown = " -> ".join(way if len(way) <= 8 else [*way[:3], "...", *way[-4:]])
    return f"which is not set on every way here (not on {shown})"
