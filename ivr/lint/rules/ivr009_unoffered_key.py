"""A menu handles a key its prompts never offer.

A choice callers are never told about is a choice they will not make: say it in the prompt
("press 3") or drop the option. Checked per language (both together at a bilingual menu), in
the prompt and reprompt; the line's global keys (0, *) need not be offered at every menu.
A menu whose prompt is missing is left to IVR010.

Passing::

    options:                  # en: "For case status, press 1. For biometrics, press 2."
      - {key: "1", goto: status}
      - {key: "2", goto: biometrics}

Failing::

    options:                  # en: "For case status, press 1."
      - {key: "1", goto: status}
      - {key: "2", goto: biometrics}    # never offered
"""

from __future__ import annotations

from ivr.lint.problem import WARNING, Problem
from ivr.lint.texts import offered_keys

ID = "IVR009"
NAME = "unoffered-key"
SEVERITY = WARNING


def check(model, known):
    """Every option key some language's prompts never mention."""
    global_keys = set(model.line.keys()) if model.line else set()
    for node in model.nodes.values():
        if node.type != "menu" or node.field("prompt") not in model.prompts:
            continue
        for languages in node.language_groups():
            offered = set().union(*map(offered_keys, model.spoken(node, languages)))
            for option in node.options():
                key = option.get("key")
                if key not in offered and key not in global_keys:
                    yield Problem(node.file, option.line, node.id,
                                  f"key {key} is handled, but the {'+'.join(languages)} prompt never offers it")
