"""A loop the call goes round on its own, with no counter to leave it.

Following only what happens without a caller's choice (next, action events, transfer events),
a loop of say and action nodes never stops, and a loop back into an input starts its retries
afresh each time: a caller who keeps entering something wrong never gets out. A loop is fine
when it passes an action that counts attempts and raises `too_many` at a limit (its contract
says `counted=True`), or when a caller's choice at a menu closes it.

Passing::

    ask:
      type: input
      action: read_receipt        # counts attempts: too_many leaves the loop
      on: {ok: read_back, invalid: ask, unclear: ask, too_many: agent}

Failing::

    check_hours:
      type: action
      action: agents_open
      on: {open: transfer, closed: closed_message}
    closed_message: {type: say, prompt: closed, next: check_hours}   # closed: round and round
"""

from __future__ import annotations

from ivr.lint.graph import build_graph, is_automatic, loops
from ivr.lint.problem import ERROR, Problem

ID = "IVR018"
NAME = "uncounted-cycle"
SEVERITY = ERROR


def check(model, known):
    """Every loop of automatic steps that passes no counting action, at its first node."""

    def counts(name):
        """Whether the node's action counts attempts and raises too_many at its limit."""
        return model.nodes[name].field("action") in known.counting_actions

    for loop in loops(build_graph(model, keep=is_automatic), exempt=counts):
        node = model.nodes[loop[0]]
        shown = " -> ".join([*loop[:6], loop[0]]) if len(loop) <= 6 else " -> ".join(loop[:6]) + " ..."
        yield Problem(node.file, node.line, node.id, f"the call can go round {shown} with no counter to stop it")
