"""An action requires a call variable that may be unset when the call reaches it.

An action's contract lists the variables it `requires`: set on every path that reaches its
node (by what the call started with, a menu option's `set:`, or an earlier action's event). A
path that reaches the action without one stops the call with an apology; the app refuses to
start on it, and the message shows one such path. Variables an action only `reads` have a
default and need not be set. It runs when every file reads cleanly.

Passing::

    ask:
      type: input
      action: read_receipt                  # ok sets receipt
      on: {ok: look_up, invalid: ask, unclear: ask, too_many: agent}
    look_up: {type: action, action: look_up_case, on: {...}}   # requires receipt

Failing::

    menu:
      type: menu
      prompt: menu
      options:
        - {key: "1", goto: look_up}         # nothing set receipt on this path
"""

from __future__ import annotations

from ivr.flows.contract_check import VARIABLE
from ivr.lint.contracts import unset_problems
from ivr.lint.problem import ERROR

ID = "IVR022"
NAME = "unset-variable"
SEVERITY = ERROR


def check(model, known):
    """Every required variable some path into its action's node leaves unset."""
    yield from unset_problems(model, known, VARIABLE)
