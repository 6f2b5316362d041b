"""IVR017 gather-without-action: menus with no options, inputs with no action or no events."""

from __future__ import annotations

import pytest

from tests.lint.flows import line_of, lint_texts

INPUT = """\
version: 1
flow: demo
start: start
nodes:
  start:
    type: input
    prompt: ask
    action: read_code
    on: {ok: base.goodbye, invalid: start, too_many: base.agent}
prompts:
  ask: {en: "Enter your code.", es: "Marque su codigo."}
"""


def test_an_input_with_an_action_and_events_passes(tmp_path):
    assert lint_texts(tmp_path, INPUT) == []


@pytest.mark.parametrize(("old", "new", "message"), [
    ("    action: read_code\n", "", "an input with no action"),
    ("{ok: base.goodbye, invalid: start, too_many: base.agent}", "{}", "an input with no on: events"),
    ("type: input", "type: menu", "a menu with no options"),
])
def test_a_gather_with_nowhere_to_send_the_caller_is_reported(tmp_path, old, new, message):
    flow = INPUT.replace(old, new)
    [problem] = lint_texts(tmp_path, flow, rule="IVR017")
    assert (problem.node, problem.line) == ("start", line_of(flow, "  start:"))
    assert problem.message.startswith(message)
