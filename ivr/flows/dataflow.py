"""Which call variables are surely set when a call enters each node, whichever way it came.

A forward "must" analysis over the flow graph: a variable is set on entry to a node when every
path from an entry of the line to it sets it. A call starts with its entry's variables; a menu
option sets its `set:` keys, an action (or input) event the variables its contract declares for
that event; nothing else sets anything, and nothing is ever unset. Variables only accumulate
along a path, so the analysis is exact for the paths the graph has: when a variable is missing
at a node, some path reaches it without setting it, and `path_without` finds one.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass

from ivr.flows.contracts import Contract
from ivr.flows.model import INPUT_TYPES, FlowSet, Node

Edge = tuple[str, frozenset[str]]  # where a way out leads (`flow.node`), and what it sets on the way
NOTHING: frozenset[str] = frozenset()


def node_edges(flowset: FlowSet, node: Node, contracts: Mapping[str, Contract]) -> list[Edge]:
    """Every way out of a node the engine can take, with the variables it sets; unknown targets left out."""
    contract = contracts.get(node.action or "") if node.type in ("action", "input") else None
    edges = [(node.next, NOTHING)] if node.next else []
    edges += [(option.goto, frozenset(option.set)) for option in node.options]
    edges += [(target, contract.events[event] if contract else NOTHING)
              for event, target in node.on.items() if _taken(node, event, contract)]
    if node.type in INPUT_TYPES:
        # Silence or nonsense to the end, `*` (back, or the node itself) and the line's `0` key:
        # the engine takes them before the node's action runs, so they set nothing.
        edges += [(node.give_up or flowset.give_up, NOTHING), (node.back or node.qualified, NOTHING)]
        if flowset.global_keys.get("0"):
            edges.append((flowset.global_keys["0"], NOTHING))
    return [(target, sets) for target, sets in edges if _exists(flowset, target)]


def _taken(node: Node, event: str, contract: Contract | None) -> bool:
    """Whether the engine can follow a wired event: one the action declares (at an input, not `no_match`,
    on which the engine re-prompts instead)."""
    if contract is None:
        return True  # a transfer's events, or an action the code does not know (reported elsewhere)
    return event in contract.events and not (node.type == "input" and event == "no_match")


def entry_starts(flowset: FlowSet, entry_vars: Mapping[str | None, frozenset[str]]) -> dict[str, frozenset[str]]:
    """The node each entry of the line starts at, with the variables a call has there."""
    starts: dict[str, frozenset[str]] = {}
    entries = [(None, flowset.entry), *flowset.entries.items()]
    for name, target in entries:
        if _exists(flowset, target):
            given = entry_vars.get(name, NOTHING)  # an entry the code does not declare starts with nothing
            starts[target] = starts[target] & given if target in starts else given
    return starts


@dataclass(frozen=True)
class VariableFlow:
    """The graph with what each edge sets, and the variables surely set on entry to each reachable node."""

    edges: Mapping[str, list[Edge]]
    starts: Mapping[str, frozenset[str]]
    on_entry: Mapping[str, frozenset[str]]  # reachable nodes only

    def path_without(self, name: str, node: str) -> list[str]:
        """One shortest path from an entry to `node` that never sets `name` (empty when there is none)."""
        came_from: dict[str, str | None] = {start: None for start, given in self.starts.items() if name not in given}
        queue = deque(came_from)
        while queue and node not in came_from:
            here = queue.popleft()
            for target, sets in self.edges[here]:
                if name not in sets and target not in came_from:
                    came_from[target] = here
                    queue.append(target)
        path, step = [], node if node in came_from else None
        while step is not None:
            path.append(step)
            step = came_from[step]
        return path[::-1]


def surely_set(flowset: FlowSet, contracts: Mapping[str, Contract],
               entry_vars: Mapping[str | None, frozenset[str]]) -> VariableFlow:
    """The variables surely set on entry to each node a call can reach (intersection over the ways in)."""
    edges = {node.qualified: node_edges(flowset, node, contracts) for node in flowset.nodes()}
    starts = entry_starts(flowset, entry_vars)
    on_entry: dict[str, frozenset[str]] = {}
    work: deque[str] = deque()

    def arrive(target: str, given: frozenset[str]) -> None:
        """Meet what one way in brings with what the node had; look again at it when that shrank."""
        known = on_entry.get(target)
        met = given if known is None else known & given
        if met != known:
            on_entry[target] = met
            work.append(target)

    for target, given in starts.items():
        arrive(target, given)
    while work:  # each node's set only shrinks, so this ends
        here = work.popleft()
        for target, sets in edges[here]:
            arrive(target, on_entry[here] | sets)
    return VariableFlow(edges, starts, on_entry)


def _exists(flowset: FlowSet, target: str) -> bool:
    """Whether `flow.node` names a node of the set."""
    flow, _, node = target.partition(".")
    return flow in flowset.flows and node in flowset.flows[flow].nodes
