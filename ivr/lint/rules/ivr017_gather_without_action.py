"""A menu or input has nowhere to send what the caller entered (a Gather without an action).

Twilio posts a Gather's result to its `action` URL; without one it re-requests the same page
and the call starts over. This app always writes the URL, so in this format the same mistake
is a menu with no options, or an input with no `action` to read the entry or no `on:` events
to follow.

Passing::

    ask:
      type: input
      prompt: ask_receipt
      action: read_receipt
      on: {ok: read_back, invalid: ask_again, unclear: ask_keypad, too_many: agent}

Failing::

    ask:
      type: input
      prompt: ask_receipt          # no action, no on: what the caller types goes nowhere
"""

from __future__ import annotations

from ivr.lint.problem import ERROR, Problem

ID = "IVR017"
NAME = "gather-without-action"
SEVERITY = ERROR


def check(model, known):
    """Every menu without options and every input without an action or events."""
    for node in model.nodes.values():
        if node.type == "menu" and not node.options():
            yield Problem(node.file, node.line, node.id, "a menu with no options: no key or word leads anywhere")
        elif node.type == "input" and not node.field("action"):
            yield Problem(node.file, node.line, node.id, "an input with no action: nothing reads what callers enter")
        elif node.type == "input" and not node.events():
            yield Problem(node.file, node.line, node.id, "an input with no on: events: what it reads leads nowhere")
