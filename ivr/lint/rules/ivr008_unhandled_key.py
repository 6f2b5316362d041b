"""A menu's prompt tells callers to press a key that no option handles.

The linter reads "press 1", "press star", "press pound", "oprima 2", "oprima asterisco" and
"oprima la tecla de numeral" in the menu's prompt and reprompt, in each language. The line's
global keys (0 for an agent, * for back) count as handled everywhere. Inputs are not checked:
the keys they ask for are data (a receipt number), which their action reads.

Passing::

    main_menu:
      type: menu
      prompt: main_menu       # en: "For case status, press 1. For an agent, press 0."
      options:
        - {key: "1", goto: status}

Failing::

    main_menu:
      type: menu
      prompt: main_menu       # en: "For case status, press 1. For forms, press 2."
      options:
        - {key: "1", goto: status}      # nothing handles 2
"""

from __future__ import annotations

from ivr.domain.contact_center import LANGUAGES
from ivr.lint.problem import ERROR, Problem
from ivr.lint.texts import offered_keys

ID = "IVR008"
NAME = "unhandled-key"
SEVERITY = ERROR


def check(model, known):
    """Every key a menu's prompt or reprompt offers that neither an option nor a global key handles."""
    global_keys = set(model.line.keys()) if model.line else set()
    for node in model.nodes.values():
        if node.type != "menu":
            continue
        handled = {o.get("key") for o in node.options()} | global_keys
        for field in ("prompt", "reprompt"):
            prompt = model.prompts.get(node.field(field) or "")
            for lang in LANGUAGES if prompt else ():
                for key in sorted(offered_keys(prompt.texts.get(lang, "")) - handled):
                    yield Problem(node.file, node.line_of(field), node.id,
                                  f"prompt '{prompt.id}' ({lang}) says to press {key}, but no option handles {key}")
