"""An action node's `with:` gives a key its action does not take, or leaves out one it must get.

An action's contract lists the `with:` keys it takes (`params`) and those it needs
(`required_params`): a key it does not take is a typo or a value nobody reads, and a needed
one missing stops the call with an apology. The app refuses to start on either.

Passing::

    record:
      type: action
      action: record_service_request
      with: {kind: expedite}
      on: {...}

Failing::

    record:
      type: action
      action: record_service_request
      with: {knid: expedite}             # not a key it takes, and kind is missing
      on: {...}
"""

from __future__ import annotations

from ivr.flows.contract_check import parameter_problems
from ivr.flows.loader import LineDict
from ivr.lint.problem import ERROR, Problem

ID = "IVR021"
NAME = "unknown-parameter"
SEVERITY = ERROR


def check(model, known):
    """Every `with:` key an action does not take, and every one it needs that is missing."""
    for node in model.nodes.values():
        contract = known.contracts.get(node.field("action") or "")
        if node.type != "action" or contract is None:
            continue  # `with:` elsewhere is IVR000's; an unknown action IVR015's
        given = node.raw.get("with")
        given = given if isinstance(given, LineDict) else LineDict()
        for key, message in parameter_problems(contract, given):
            line = given.key_lines[key] if key is not None else node.line_of("with" if given else "action")
            yield Problem(node.file, line, node.id, message)
