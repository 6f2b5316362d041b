"""A node names an action, tier or speech hints that the code or configuration does not define.

Actions are declared with their contracts in ivr/actions/ (CONTRACTS and the speech HINTS in
ivr/actions/registry.py); tiers in ivr/domain/contact_center.py (TIERS). The app refuses to start
on an unknown name; the linter says so first.

Passing::

    agent: {type: transfer, tier: tier1, prompt: connecting, on: {failed: sorry}}

Failing::

    agent: {type: transfer, tier: tier9, prompt: connecting, on: {failed: sorry}}
"""

from __future__ import annotations

from ivr.lint.problem import ERROR, Problem

ID = "IVR015"
NAME = "unknown-name"
SEVERITY = ERROR


def check(model, known):
    """Every action, tier and hints name that is not known."""
    kinds = (("action", known.contracts), ("tier", known.tiers), ("hints", known.hints))
    for node in model.nodes.values():
        for kind, names in kinds:
            name = node.field(kind)
            if name and name not in names:
                yield Problem(node.file, node.line_of(kind), node.id,
                              f"{kind} '{name}' does not exist (known: {', '.join(sorted(names)) or 'none'})")
