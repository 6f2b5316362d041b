"""A node no call can reach from the line's entry.

Reachable means: from the line's entry or its other named entries (`entries:`, such as the TTY
number or an answered callback), the line's give_up or a global key's target, following next,
options, on, back and give_up. An unreachable node is dead text: usually a typo in a
target, or a branch left behind.

Passing::

    nodes:
      menu:
        type: menu
        prompt: menu
        options:
          - {key: "1", goto: hours}
      hours: {type: say, prompt: hours, next: common.goodbye}

Failing::

    nodes:
      menu:
        type: menu
        prompt: menu
        options:
          - {key: "1", goto: common.goodbye}
      hours: {type: say, prompt: hours, next: common.goodbye}   # nothing leads here
"""

from __future__ import annotations

from ivr.lint.graph import build_graph, reachable
from ivr.lint.problem import WARNING, Problem

ID = "IVR003"
NAME = "unreachable-node"
SEVERITY = WARNING


def check(model, known):
    """Every node outside what the entries, give_up and global keys reach."""
    entry = model.line.target("entry") if model.line else None
    if entry not in model.nodes:
        return  # no line, or a broken entry (IVR001): everything would look unreachable
    starts = [target for target, _ in model.line.entries().values()] + [model.line.target("give_up")]
    starts += [goto for goto, _ in model.line.keys().values()]
    seen = reachable(build_graph(model), [s for s in starts if s])
    for name, node in model.nodes.items():
        if name not in seen:
            yield Problem(node.file, node.line, node.id, "no call reaches this node from the line's entries")
