"""IVR005 input-handling: no second try, unbounded retries, or a give_up a silent caller never leaves."""

from __future__ import annotations

import pytest

from tests.lint.flows import BASE, line_of, lint_texts

MENU = """\
version: 1
flow: demo
start: start
nodes:
  start:
    type: menu
    prompt: choose
    retries: 0
    give_up: base.goodbye
    options:
      - {key: "1", goto: hours, words: {en: [hours], es: [horario]}}
  hours: {type: say, prompt: hours, next: base.goodbye}
  sorry: {type: say, prompt: hours, next: start}
prompts:
  choose: {en: "For our hours, press 1.", es: "Para el horario, oprima 1."}
  hours: {en: "We answer from 8 to 8.", es: "Atendemos de 8 a 8."}
"""


def test_retries_with_a_give_up_that_ends_pass(tmp_path):
    flow = MENU.replace("  sorry: {type: say, prompt: hours, next: start}\n", "")
    assert lint_texts(tmp_path, flow) == []


@pytest.mark.parametrize(("old", "new", "needle", "message"), [
    ("    give_up: base.goodbye\n", "", "retries: 0", "retries: 0 and no give_up"),
    ("retries: 0", "retries: 9", "retries: 9", "retries: 9 is not a bounded count (0 to 3)"),
    ("give_up: base.goodbye", "give_up: sorry", "give_up: sorry",
     "give_up 'demo.sorry' never ends for a silent caller, who goes round demo.start -> demo.sorry"),
])
def test_a_menu_without_bounded_handling_is_reported(tmp_path, old, new, needle, message):
    flow = MENU.replace(old, new)
    [problem] = lint_texts(tmp_path, flow, rule="IVR005")
    assert (problem.node, problem.line) == ("start", line_of(flow, needle))
    assert problem.message.startswith(message)


def test_a_line_give_up_that_never_ends_is_reported_once_at_the_line(tmp_path):
    base = BASE.replace("give_up: base.goodbye", "give_up: base.menu")
    problems = lint_texts(tmp_path, MENU.replace("retries: 0", "retries: 2"), base, rule="IVR005")
    assert [(p.node, p.line) for p in problems] == [(None, line_of(base, "give_up: base.menu"))]
