"""IVR009 unoffered-key: an option the prompts never offer, per language."""

from __future__ import annotations

from tests.lint.flows import line_of, lint_texts

MENU = """\
version: 1
flow: demo
start: start
nodes:
  start:
    type: menu
    prompt: choose
    options:
      - {key: "1", goto: base.goodbye}
      - {key: "2", goto: base.agent}
prompts:
  choose: {en: "For hours, press 1. For an agent, press 2.", es: "Para el horario, oprima 1. Para un agente, oprima 2."}
"""


def test_every_option_offered_in_each_language_passes(tmp_path):
    assert lint_texts(tmp_path, MENU) == []


def test_an_option_one_language_never_offers_is_a_warning_at_the_option(tmp_path):
    flow = MENU.replace(" Para un agente, oprima 2.", "")
    [problem] = lint_texts(tmp_path, flow)
    assert (problem.rule, problem.severity, problem.line) == ("IVR009", "warning", line_of(flow, 'key: "2"'))
    assert problem.message == "key 2 is handled, but the es prompt never offers it"
