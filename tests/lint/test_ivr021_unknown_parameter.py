"""IVR021 unknown-parameter: `with:` gives only keys the action takes, and every key it needs."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ivr.flows.contracts import contract
from tests.lint.flows import KNOWN, line_of, lint_texts

NAMES = replace(KNOWN, contracts={**KNOWN.contracts, "record": contract(
    "record", events=["recorded"], params=["note"], required_params=["kind"])})
FLOW = """\
version: 1
flow: demo
start: start
nodes:
  start:
    type: action
    action: record
    with: {kind: expedite, note: urgent}
    on: {recorded: base.goodbye}
"""


@pytest.mark.parametrize("given", ["{kind: expedite, note: urgent}", "{kind: expedite}"])
def test_keys_the_action_takes_pass(tmp_path, given):
    assert lint_texts(tmp_path, FLOW.replace("{kind: expedite, note: urgent}", given), known=NAMES) == []


@pytest.mark.parametrize(("old", "new", "where", "messages"), [
    ("{kind: expedite, note: urgent}", "{kind: expedite, note: urgent, colour: red}", "with:",
     ["with: gives 'colour', which action 'record' does not take (it takes: kind, note)"]),
    ("{kind: expedite, note: urgent}", "{knid: expedite}", "with:",
     ["with: gives 'knid', which action 'record' does not take (it takes: kind, note)",
      "with: must give 'kind' to action 'record'"]),
    ("    with: {kind: expedite, note: urgent}\n", "", "action: record", ["with: must give 'kind' to action 'record'"]),
])
def test_a_key_the_action_does_not_take_or_needs_is_reported(tmp_path, old, new, where, messages):
    flow = FLOW.replace(old, new)
    problems = lint_texts(tmp_path, flow, known=NAMES, rule="IVR021")
    assert [p.message for p in problems] == messages
    assert {(p.node, p.line) for p in problems} == {("start", line_of(flow, where))}
