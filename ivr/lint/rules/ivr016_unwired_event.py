"""An event an action (or a transfer) can raise is not wired in `on:`, or `on:` wires one it never raises.

An unwired event stops the call with an apology; a wired event nobody raises is a branch that
cannot happen (often a typo of one that can). The events each action raises are listed in
ivr/actions/catalog.py (ACTION_EVENTS). At an input, `no_match` is the engine's own re-prompt and
need not be wired. A transfer raises `failed` (no agent answered), which must be wired, or the
caller is hung up on, and `left` (the caller left the queue), which may be (else `failed` is
followed).

Passing::

    agent:
      type: action
      action: agents_open          # raises open and closed
      on: {open: transfer, closed: closed_message}

Failing::

    agent:
      type: action
      action: agents_open
      on: {open: transfer, shut: closed_message}   # closed unwired, shut never raised
"""

from __future__ import annotations

from ivr.lint.problem import ERROR, Problem

ID = "IVR016"
NAME = "unwired-event"
SEVERITY = ERROR

# A transfer raises `failed` when no agent answers (unwired, the caller is hung up on) and
# `left` when the caller leaves the queue (unwired, the engine follows `failed`).
TRANSFER_EVENTS, TRANSFER_REQUIRED = frozenset({"failed", "left"}), frozenset({"failed"})
ENGINE_HANDLED = "no_match"  # at an input, the engine re-prompts on it itself


def check(model, known):
    """Every event raised but not wired, and wired but never raised."""
    for node in model.nodes.values():
        raised, required = _raised(node, known)
        wired = node.events()
        source = f"action '{node.field('action')}'" if node.type != "transfer" else "a transfer"
        for event in sorted(required - set(wired)):
            message = f"{source} can raise '{event}', which on: does not wire"
            yield Problem(node.file, node.line_of("on"), node.id, message)
        for event, (_, line) in wired.items() if raised is not None else ():
            if event not in raised:
                yield Problem(node.file, line, node.id, f"on: wires '{event}', which {source} never raises")


def _raised(node, known) -> tuple[frozenset[str] | None, frozenset[str]]:
    """The events a node can raise and those it must wire; None when unknown (IVR015) or not an action."""
    if node.type == "transfer":
        return TRANSFER_EVENTS, TRANSFER_REQUIRED
    if node.type not in ("action", "input") or node.field("action") not in known.action_events:
        return None, frozenset()
    events = frozenset(known.action_events[node.field("action")])
    events = events - {ENGINE_HANDLED} if node.type == "input" else events
    return events, events
