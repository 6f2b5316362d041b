"""IVR022 unset-variable: what an action requires is set on every path that reaches it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ivr.flows.contracts import contract
from tests.lint.flows import KNOWN, line_of, lint_texts

NAMES = replace(KNOWN, contracts={
    **KNOWN.contracts,
    "look_up": contract("look_up", events=["found"], requires=["code"], reads=["lang"]),
})
# base.menu key 1 -> demo.start, which sets `code` on both ways to `look`.
FLOW = """\
version: 1
flow: demo
start: start
nodes:
  start:
    type: menu
    prompt: pick
    options:
      - {key: "1", goto: look, set: {code: "1"}}
      - {key: "2", goto: look, set: {code: "2"}}
  look:
    type: action
    action: look_up
    on: {found: base.goodbye}
prompts:
  pick: {en: "For one, press 1. For two, press 2.", es: "Para uno, oprima 1. Para dos, oprima 2."}
"""


def test_a_required_variable_set_on_every_path_passes(tmp_path):
    assert lint_texts(tmp_path, FLOW, known=NAMES) == []


@pytest.mark.parametrize(("old", "new"), [
    ('goto: look, set: {code: "2"}', "goto: look"),  # key 2 sets nothing
    ("    prompt: pick\n", "    prompt: pick\n    back: look\n"),  # nor does the * key
])
def test_a_required_variable_one_path_leaves_unset_is_reported_at_the_action(tmp_path, old, new):
    path = "base.opening -> base.menu -> demo.start -> demo.look"
    flow = FLOW.replace(old, new)
    [problem] = lint_texts(tmp_path, flow, known=NAMES, rule="IVR022")
    assert (problem.node, problem.line) == ("look", line_of(flow, "action: look_up"))
    assert problem.message == f"action 'look_up' requires 'code', which is not set on every way here (not on {path})"
