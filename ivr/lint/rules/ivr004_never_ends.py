"""A path that never ends: from a node, no hangup and no transfer can be reached.

Every call must end, with a goodbye or with an agent. The linter follows every way out (keys,
words, events, back, give_up, the line's give_up and 0 key) and reports where calls get
trapped: a dead end (a node that leads nowhere and does not end the call), or a group of nodes
that only lead to each other. Nodes that merely lead into such a trap are not repeated.

Passing::

    nodes:
      hours: {type: say, prompt: hours, next: goodbye}
      goodbye: {type: hangup, prompt: goodbye}

Failing::

    nodes:
      hours: {type: say, prompt: hours, next: more_hours}
      more_hours: {type: say, prompt: more_hours, next: hours}   # round and round
"""

from __future__ import annotations

from ivr.lint.graph import build_graph, reachable, reversed_graph, strong_parts
from ivr.lint.problem import ERROR, Problem

ID = "IVR004"
NAME = "never-ends"
SEVERITY = ERROR


def check(model, known):
    """Every trap: a part of the graph that no ending can be reached from and that leads nowhere else."""
    graph = build_graph(model)
    ends = [name for name, node in model.nodes.items() if node.ends_call]
    can_end = reachable(reversed_graph(graph), ends)
    trapped = {name: [t for t in targets if t not in can_end] for name, targets in graph.items() if name not in can_end}
    for part in strong_parts(trapped):
        members = set(part)
        if all(t in members for name in part for t in trapped[name]):
            yield _problem(model, part, trapped)


def _problem(model, part: list[str], trapped) -> Problem:
    """One trap, reported at its first node."""
    node = model.nodes[part[0]]
    if len(part) == 1 and not trapped[part[0]]:
        return Problem(node.file, node.line, node.id, "dead end: this node leads nowhere and does not end the call")
    if len(part) == 1:
        return Problem(node.file, node.line, node.id, "the call can never end: this node only leads back to itself")
    loop = " -> ".join(part[:6]) + (" ..." if len(part) > 6 else "")
    return Problem(node.file, node.line, node.id, f"the call can never end: {loop} only lead to each other")
