"""IVR015 unknown-name: actions, tiers and hints the code and configuration do not define."""

from __future__ import annotations

import pytest

from tests.lint.flows import BASE, DEMO, line_of, lint_texts

INPUT = """\
version: 1
flow: demo
start: start
nodes:
  start:
    type: input
    prompt: ask
    action: read_code
    hints: digits
    max_digits: 4
    on: {ok: base.goodbye, invalid: start, too_many: base.agent}
prompts:
  ask: {en: "Enter your code, then press pound.", es: "Marque su codigo y la tecla de numeral."}
"""


def test_known_names_pass(tmp_path):
    assert lint_texts(tmp_path, INPUT) == []


@pytest.mark.parametrize(("flow", "base", "old", "new", "message"), [
    (INPUT, BASE, "action: read_code", "action: read_cod",
     "action 'read_cod' does not exist (known: check, read_code)"),
    (INPUT, BASE, "hints: digits", "hints: names", "hints 'names' does not exist (known: digits)"),
    (DEMO, BASE, "tier: tier1", "tier: tier9", "tier 'tier9' does not exist (known: tier1)"),
])
def test_an_unknown_name_is_reported_at_its_line(tmp_path, flow, base, old, new, message):
    flow, base = flow.replace(old, new), base.replace(old, new)
    [problem] = lint_texts(tmp_path, flow, base, rule="IVR015")
    assert problem.message == message
    assert problem.line == line_of(flow if new in flow else base, new)
