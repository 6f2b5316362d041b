"""IVR013 zero-to-agent: 0 reaches a transfer from every menu."""

from __future__ import annotations

from tests.lint.flows import BASE, line_of, lint_texts

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
      - {key: "0", goto: base.agent}
prompts:
  choose: {en: "To end the call, press 1.", es: "Para terminar, oprima 1."}
"""


def test_zero_leading_to_a_transfer_passes(tmp_path):
    assert lint_texts(tmp_path, MENU) == []


def test_a_menus_own_zero_that_reaches_no_transfer_is_reported_at_the_option(tmp_path):
    flow = MENU.replace('{key: "0", goto: base.agent}', '{key: "0", goto: base.goodbye}')
    [problem] = lint_texts(tmp_path, flow, rule="IVR013")
    assert (problem.node, problem.line) == ("start", line_of(flow, 'key: "0"'))
    assert problem.message == "key 0 leads to 'base.goodbye', which reaches no transfer"


def test_a_global_zero_back_to_a_menu_is_reported_once_at_the_line(tmp_path):
    base = BASE.replace('"0": {goto: base.agent', '"0": {goto: base.menu')
    problems = lint_texts(tmp_path, base=base, rule="IVR013")
    assert [(p.node, p.line, p.message) for p in problems] == [
        (None, line_of(base, '"0":'), "the line's key 0 leads to 'base.menu', which reaches no transfer")]


def test_a_line_without_a_zero_goto_is_reported(tmp_path):
    base = BASE.replace('"0": {goto: base.agent, words:', '"0": {words:')
    [problem] = lint_texts(tmp_path, base=base, rule="IVR013")
    assert problem.message.startswith("the line's key 0 leads nowhere")
