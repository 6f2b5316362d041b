"""A prompt's {placeholder} may be unset when the prompt is spoken.

A prompt fills its `{placeholders}` from the node's `with:` values and the call's variables: what
the call started with (ivr/flows/state.py, ENTRY_VARS), what a menu option `set:` on the way, and
what each action's event sets (its contract). A placeholder must be set on every path that
reaches a node speaking the prompt (its prompt and reprompt; the prompts its action says, after
the action), or that caller's call fails mid-sentence. The prompts the engine and the web shell
speak themselves may use only what the code fills (ivr/flows/spoken.py). The app refuses to
start on either; the message shows one path that leaves the placeholder unset. It runs when
every file reads cleanly.

Passing::

    ask:
      type: input
      action: read_receipt                  # ok sets receipt_spoken
      on: {ok: read_back, invalid: ask, unclear: ask, too_many: agent}
    read_back: {type: say, prompt: read_back, next: confirm}   # "You entered {receipt_spoken}."

Failing::

    main_menu:
      type: menu
      prompt: main_menu
      options:
        - {key: "1", goto: ask}
        - {key: "2", goto: read_back}       # nothing set receipt_spoken on this path
"""

from __future__ import annotations

from ivr.flows.contract_check import PLACEHOLDER
from ivr.lint.contracts import unset_problems
from ivr.lint.problem import ERROR

ID = "IVR020"
NAME = "missing-placeholder"
SEVERITY = ERROR


def check(model, known):
    """Every placeholder some path leaves unset where its prompt is spoken."""
    yield from unset_problems(model, known, PLACEHOLDER)
