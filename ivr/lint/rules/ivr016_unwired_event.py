"""An event an action (or a transfer) can return is not wired in `on:`, or `on:` wires one it never returns.

An unwired event stops the call with an apology; a wired event nobody returns is a branch that
cannot happen (often a typo of one that can). The events each action returns are those its
contract declares, next to its code in ivr/actions/ (the app refuses to start on either
mistake). At an input, `no_match` is the engine's own re-prompt and need not be wired. A
transfer returns `failed` (no agent answered), which must be wired, or the caller is hung up
on, and `left` (the caller left the queue), which may be (else `failed` is followed).

Passing::

    agent:
      type: action
      action: agents_open          # returns open and closed
      on: {open: transfer, closed: closed_message}

Failing::

    agent:
      type: action
      action: agents_open
      on: {open: transfer, shut: closed_message}   # closed unwired, shut never returned
"""

from __future__ import annotations

from ivr.flows.contract_check import wiring_problems
from ivr.lint.problem import ERROR, Problem

ID = "IVR016"
NAME = "unwired-event"
SEVERITY = ERROR

# A transfer returns `failed` when no agent answers (unwired, the caller is hung up on) and
# `left` when the caller leaves the queue (unwired, the engine follows `failed`).
TRANSFER_EVENTS, TRANSFER_REQUIRED = frozenset({"failed", "left"}), frozenset({"failed"})


def check(model, known):
    """Every event returned but not wired, and wired but never returned."""
    for node in model.nodes.values():
        wired = node.events()
        if node.type == "transfer":
            problems = _transfer_problems(wired)
        elif node.type in ("action", "input") and node.field("action") in known.contracts:
            problems = wiring_problems(node.type, known.contracts[node.field("action")], wired)
        else:
            continue  # no action, or one IVR015 reports as unknown
        for event, message in problems:
            line = wired[event][1] if event else node.line_of("on")
            yield Problem(node.file, line, node.id, message)


def _transfer_problems(wired) -> list[tuple[str | None, str]]:
    """(the wired event, or None for one left unwired; why) for a transfer's `on:`."""
    problems: list[tuple[str | None, str]] = [
        (None, f"a transfer can return '{event}', which on: does not wire")
        for event in sorted(TRANSFER_REQUIRED - set(wired))]
    return problems + [(event, f"on: wires '{event}', which a transfer never returns")
                       for event in wired if event not in TRANSFER_EVENTS]
