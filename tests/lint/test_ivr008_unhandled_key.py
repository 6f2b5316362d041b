"""IVR008 unhandled-key: a prompt offers a key that nothing handles."""

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
    reprompt: choose_help
    options:
      - {key: "1", goto: base.goodbye}
prompts:
  choose: {en: "For hours, press 1.", es: "Para el horario, oprima 1."}
  choose_help: {en: "Press 1, press 0 for an agent, or press star.", es: "Oprima 1, 0 o asterisco."}
"""


def test_offered_keys_that_options_or_global_keys_handle_pass(tmp_path):
    assert lint_texts(tmp_path, MENU) == []


def test_a_bilingual_menu_offering_a_key_per_language_passes(tmp_path):
    one_option = '      - {key: "1", goto: base.goodbye}\n'
    flow = (MENU.replace("    prompt: choose\n", "    bilingual: true\n    prompt: choose\n")
            .replace(one_option, one_option + one_option.replace('"1"', '"2"'))
            .replace("oprima 1.", "oprima 2.").replace("Oprima 1, 0", "Oprima 2, 0"))
    assert lint_texts(tmp_path, flow) == []


def test_a_key_the_prompt_offers_but_no_option_handles_is_an_error(tmp_path):
    flow = MENU.replace("Para el horario, oprima 1.", "Para el horario, oprima 1. Para formularios, oprima 3.")
    [problem] = lint_texts(tmp_path, flow, rule="IVR008")
    assert (problem.line, problem.severity) == (line_of(flow, "prompt: choose"), "error")
    assert problem.message == "prompt 'choose' (es) says to press 3, but no option handles 3"


def test_press_pound_in_the_reprompt_is_reported_at_the_reprompt(tmp_path):
    flow = MENU.replace("Press 1, press 0", "Press 1 and then press the pound key, press 0")
    [problem] = lint_texts(tmp_path, flow, rule="IVR008")
    assert (problem.line, problem.message) == (line_of(flow, "reprompt: choose_help"),
                                               "prompt 'choose_help' (en) says to press #, but no option handles #")
