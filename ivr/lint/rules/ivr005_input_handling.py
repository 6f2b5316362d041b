"""A menu or input does not handle silence and nonsense, or re-prompts without bound.

In this format the handling is implicit: a menu or input re-prompts `retries` times (default
2, the last time with `reprompt`), offers more time once, then goes to its `give_up` or the
line's. The rule flags `retries: 0` with no `give_up` of its own (one silence or one wrong key
and the caller is gone), `retries` that is not a count from 0 to the schema's maximum, and a
give_up (the node's or the line's) down which a silent caller goes round forever without
reaching an agent or a goodbye (a counting action on the way ends the loop).

Passing::

    nodes:
      menu:
        type: menu
        prompt: menu
        give_up: common.goodbye
        options:
          - {key: "1", goto: hours}

Failing::

    nodes:
      menu:
        type: menu
        prompt: menu
        retries: 0          # no second try, and no give_up of its own
        options:
          - {key: "1", goto: hours}
"""

from __future__ import annotations

from typing import cast

from ivr.flows.schema import GATHER
from ivr.lint.graph import build_graph, is_silent, loops, reachable, reversed_graph
from ivr.lint.problem import ERROR, Problem

ID = "IVR005"
NAME = "input-handling"
SEVERITY = ERROR

# The schema's own bound, so the rule and the schema never disagree.
MAX_RETRIES: int = cast("dict[str, int]", GATHER["retries"])["maximum"]


def check(model, known):
    """Menus and inputs with unbounded retries, no second try, or a give_up that never ends."""
    graph, silent_loops, doomed = _silent_loops(model, known)
    for node in model.gathers():
        yield from _retries(node)
        for edge in node.edges():
            if edge.label == "give_up" and edge.target in doomed:
                yield Problem(node.file, edge.line, node.id, _never_ends(graph, edge.target, silent_loops))
    line_give_up = model.line.target("give_up") if model.line else None
    if line_give_up is not None and line_give_up in doomed:
        message = _never_ends(graph, line_give_up, silent_loops)
        yield Problem(model.line.file, model.line.line_of("give_up"), None, f"line {message}")


def _retries(node):
    """A retries count out of bounds, or none at all with no give_up of the node's own."""
    retries = node.retries
    if not isinstance(retries, int) or isinstance(retries, bool) or not 0 <= retries <= MAX_RETRIES:
        yield Problem(node.file, node.line_of("retries"), node.id,
                      f"retries: {retries!r} is not a bounded count (0 to {MAX_RETRIES})")
    elif retries == 0 and not node.field("give_up"):
        yield Problem(node.file, node.line_of("retries"), node.id,
                      "retries: 0 and no give_up: one silence or wrong key sends the caller away untold")


def _silent_loops(model, known):
    """The silent caller's graph, its loops with no counter, and the nodes that lead into one."""
    graph = build_graph(model, keep=is_silent)

    def counts(name):
        """Whether an action node counts attempts (at an input, a silent caller runs no action)."""
        node = model.nodes[name]
        return node.type == "action" and node.field("action") in known.counting_actions

    found = loops(graph, exempt=counts)
    members = {name for part in found for name in part}
    return graph, found, reachable(reversed_graph(graph), members)


def _never_ends(graph, target: str, silent_loops) -> str:
    """Say where a silent caller sent to `target` goes round."""
    seen = reachable(graph, [target])
    loop = next(part for part in silent_loops if part[0] in seen)
    shown = " -> ".join(loop[:5]) + (" ..." if len(loop) > 5 else "")
    return f"give_up '{target}' never ends for a silent caller, who goes round {shown}"
