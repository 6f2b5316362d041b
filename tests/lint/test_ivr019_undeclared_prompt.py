"""IVR019 undeclared-prompt: every prompt the code speaks, itself or through an action, is defined."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ivr.flows.contracts import contract
from tests.lint.flows import BASE, KNOWN, line_of, lint_texts

# `look` may say `not_found`; the engine and the web shell speak `sorry` and `hold`.
NAMES = replace(KNOWN, contracts={**KNOWN.contracts, "look": contract("look", events=["found"], says=["not_found"])},
                code_prompts={"sorry": frozenset(), "hold": frozenset()})
FLOW = """\
version: 1
flow: demo
start: start
nodes:
  start:
    type: action
    action: look
    on: {found: base.goodbye}
prompts:
  not_found: {en: "We found nothing.", es: "No encontramos nada."}
  sorry: {en: "Sorry.", es: "Disculpe."}
"""


def test_every_prompt_the_code_speaks_defined_passes(tmp_path):
    assert lint_texts(tmp_path, FLOW, known=NAMES) == []


@pytest.mark.parametrize(("flow", "where", "node", "message"), [
    (FLOW.replace('  not_found: {en: "We found nothing.", es: "No encontramos nada."}\n', ""), "action: look", "start",
     "prompt 'not_found' is not defined, and action 'look' speaks it"),
    (FLOW.replace('  sorry: {en: "Sorry.", es: "Disculpe."}\n', ""), "line:", None,
     "prompt 'sorry' is not defined, and the engine or the web shell speaks it"),
])
def test_a_prompt_the_code_speaks_but_no_file_defines_is_reported(tmp_path, flow, where, node, message):
    [problem] = lint_texts(tmp_path, flow, known=NAMES, rule="IVR019")
    assert (problem.node, problem.message) == (node, message)
    assert problem.line == line_of(flow if node else BASE, where)
    assert problem.file.endswith("demo.yaml" if node else "base.yaml")


def test_nothing_is_said_while_a_file_cannot_be_read(tmp_path):
    (tmp_path / "more.yaml").write_text("prompts: [\n", encoding="utf-8")
    flow = FLOW.replace('  sorry: {en: "Sorry.", es: "Disculpe."}\n', "")
    assert lint_texts(tmp_path, flow, known=NAMES, rule="IVR019") == []
