"""IVR016 unwired-event: every event an action's contract declares is wired, and nothing it does not."""

from __future__ import annotations

from tests.lint.flows import BASE, line_of, lint_texts

ACTION = """\
version: 1
flow: demo
start: start
nodes:
  start:
    type: action
    action: check
    on: {yes: base.agent, no: base.goodbye}
"""


def test_every_event_wired_passes(tmp_path):
    assert lint_texts(tmp_path, ACTION) == []


def test_an_unwired_event_and_a_never_returned_one_are_reported(tmp_path):
    flow = ACTION.replace("no: base.goodbye", "maybe: base.goodbye")
    problems = lint_texts(tmp_path, flow, rule="IVR016")
    assert [(p.line, p.message) for p in problems] == [
        (line_of(flow, "    on:"), "action 'check' can return 'no', which on: does not wire"),
        (line_of(flow, "    on:"), "on: wires 'maybe', which action 'check' never returns"),
    ]


def test_a_transfer_may_wire_left(tmp_path):
    base = BASE.replace("on: {failed: goodbye}", "on: {failed: goodbye, left: goodbye}")
    assert lint_texts(tmp_path, base=base) == []


def test_a_transfer_must_wire_failed_and_nothing_but_failed_and_left(tmp_path):
    base = BASE.replace("on: {failed: goodbye}", "on: {busy: goodbye}")
    messages = sorted(p.message for p in lint_texts(tmp_path, base=base, rule="IVR016"))
    assert messages == ["a transfer can return 'failed', which on: does not wire",
                        "on: wires 'busy', which a transfer never returns"]
