"""A menu offers more than five choices (0, * and # not counted).

Callers hold about five spoken choices in mind; past that they wait for the end and forget the
start. Split a long menu in two levels, or let callers say what they need.

Passing::

    options:
      - {key: "1", goto: status}
      - {key: "2", goto: biometrics}
      - {key: "3", goto: account}

Failing::

    options:                 # six choices
      - {key: "1", goto: status}
      - {key: "2", goto: biometrics}
      - {key: "3", goto: account}
      - {key: "4", goto: travel}
      - {key: "5", goto: someone}
      - {key: "6", goto: forms}
"""

from __future__ import annotations

from ivr.lint.problem import WARNING, Problem

ID = "IVR006"
NAME = "too-many-choices"
SEVERITY = WARNING

MAX_CHOICES = 5
NOT_CHOICES = {"0", "*", "#"}  # an agent, back and repeat: every menu has them


def check(model, known):
    """Every menu with more than five choices."""
    for node in model.nodes.values():
        if node.type == "menu":
            keys = {o.get("key") for o in node.options()} - NOT_CHOICES
            if len(keys) > MAX_CHOICES:
                yield Problem(node.file, node.line_of("options"), node.id,
                              f"{len(keys)} choices: callers remember about {MAX_CHOICES}; split the menu")
