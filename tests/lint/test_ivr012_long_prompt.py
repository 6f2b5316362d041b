"""IVR012 long-prompt: prompts too long to hear comfortably, excusable per node."""

from __future__ import annotations

from ivr.lint.texts import spoken_seconds
from tests.lint.flows import DEMO, line_of, lint_texts

LONG_EN = " ".join(["For the status of a case you filed, press 1."] * 9)  # 90 words: 36 s
LONG_ES = " ".join(["Para el estado de un caso, oprima 1."] * 9)
MENU = f"""\
version: 1
flow: demo
start: start
nodes:
  start:
    type: menu
    prompt: choose
    options:
      - {{key: "1", goto: base.goodbye}}
prompts:
  choose: {{en: "{LONG_EN}", es: "{LONG_ES}"}}
"""


def test_the_estimate_follows_words_numbers_placeholders_and_rate():
    assert spoken_seconds("one two three " * 50, "en") == 60
    assert spoken_seconds("call 800", "en") == spoken_seconds("call eight oh oh", "en")
    assert spoken_seconds("{a}", "es") == spoken_seconds("uno dos tres", "es")
    assert spoken_seconds("slowly now", "en", "slow") == 1.25 * spoken_seconds("slowly now", "en")


def test_a_short_prompt_passes(tmp_path):
    assert lint_texts(tmp_path, DEMO) == []


def test_a_long_menu_prompt_is_a_warning_at_the_node(tmp_path):
    [problem] = lint_texts(tmp_path, MENU)
    assert (problem.rule, problem.severity, problem.node) == ("IVR012", "warning", "start")
    assert problem.line == line_of(MENU, "prompt: choose")
    assert problem.message == "prompt 'choose' takes about 36 s to say in en (limit 30 s here)"


def test_both_languages_of_a_bilingual_say_add_up(tmp_path):
    text = " ".join(["Please listen."] * 55)  # about 22 s in en and 21 s in es: 43 s together
    flow = DEMO.replace('hello: {en: "Hello.", es: "Hola."}', f'hello: {{en: "{text} Thanks.", es: "{text} Gracias."}}')
    assert lint_texts(tmp_path, flow) == []
    bilingual = flow.replace("{type: say, prompt", "{type: say, bilingual: true, prompt")
    [problem] = lint_texts(tmp_path, bilingual, rule="IVR012")
    assert "in en+es (limit 45 s here)" in problem.message


def test_a_node_can_be_excused_with_an_inline_marker(tmp_path):
    flow = MENU.replace("    prompt: choose\n", "    prompt: choose\n    lint: {ignore: [long-prompt]}\n")
    assert lint_texts(tmp_path, flow) == []
