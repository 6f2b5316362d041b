"""A prompt the code speaks is not defined in the flows.

Besides the prompts nodes name, the code speaks prompts of its own: the engine's re-prompts
(`sorry_no_input`, `sorry_no_match`, `more_time`) and the web shell's apology and hold messages
(listed in ivr/flows/spoken.py), and each action the prompts its contract `says` (a read receipt
number that is not one, `case_not_found`, ...). Each must be defined, in English and Spanish (a
missing language is IVR000's and IVR010's to report), or a call fails when the code speaks it.
The app refuses to start on a missing one. A missing prompt of the code's own is reported at the
`line:` section; one an action speaks, at each node that runs the action.

Passing::

    look_up:
      type: action
      action: look_up_case        # says case_not_found
      on: {found: status, not_found: ask_again, ...}
    # and, in some file:
    prompts:
      case_not_found: {en: "We could not find that case.", es: "No encontramos ese caso."}

Failing::

    look_up:
      type: action
      action: look_up_case        # says case_not_found, which no file defines
      on: {found: status, not_found: ask_again, ...}
"""

from __future__ import annotations

from ivr.flows.contract_check import undefined_prompts
from ivr.lint.problem import ERROR, Problem

ID = "IVR019"
NAME = "undeclared-prompt"
SEVERITY = ERROR


def check(model, known):
    """Every prompt the engine, the web shell or a used action speaks that no file defines."""
    if model.unreadable:
        return  # the missing prompt may be in the file that could not be read: IVR000 says so
    uses = [(node, node.field("action")) for node in model.nodes.values() if node.type in ("action", "input")]
    known_names = known.known()
    for node, message in undefined_prompts(uses, known_names, model.prompts):
        if node is not None:
            yield Problem(node.file, node.line_of("action"), node.id, message)
        elif model.line is not None:
            yield Problem(model.line.file, model.line.at, None, message)
