"""IVR018 uncounted-cycle: loops the call goes round by itself with no counter to stop them."""

from __future__ import annotations

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
ACTIONS = """\
version: 1
flow: demo
start: start
nodes:
  start:
    type: action
    action: check
    on: {yes: base.agent, no: closed}
  closed: {type: say, prompt: closed, next: start}
prompts:
  closed: {en: "We are closed.", es: "Estamos cerrados."}
"""


def test_a_loop_through_a_counting_action_passes(tmp_path):
    assert lint_texts(tmp_path, INPUT) == []


def test_a_loop_of_says_and_actions_is_reported_at_its_first_node(tmp_path):
    [problem] = lint_texts(tmp_path, ACTIONS, rule="IVR018")
    assert (problem.node, problem.line) == ("start", line_of(ACTIONS, "  start:"))
    assert problem.message == "the call can go round demo.start -> demo.closed -> demo.start with no counter to stop it"


def test_an_input_re_entered_by_an_action_that_counts_nothing_is_reported(tmp_path):
    flow = INPUT.replace("action: read_code", "action: check").replace(
        "{ok: base.goodbye, invalid: start, too_many: base.agent}", "{yes: base.goodbye, no: start}")
    [problem] = lint_texts(tmp_path, flow, rule="IVR018")
    assert problem.message == "the call can go round demo.start -> demo.start with no counter to stop it"
