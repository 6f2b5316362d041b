"""IVR007 duplicate-key: a key twice in a menu."""

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
      - {key: "1", goto: base.goodbye, words: {en: [case status], es: [estado]}}
      - {key: "2", goto: base.agent, words: {en: [password], es: [contraseña]}}
prompts:
  choose: {en: "For status, press 1. For passwords, press 2.", es: "Para estado, oprima 1. Para claves, oprima 2."}
"""


def test_distinct_keys_and_words_pass(tmp_path):
    assert lint_texts(tmp_path, MENU) == []


def test_a_key_used_twice_is_reported_at_the_second(tmp_path):
    flow = MENU.replace('key: "2"', 'key: "1"')
    [problem] = lint_texts(tmp_path, flow, rule="IVR007")
    assert problem.line == line_of(flow, "password")
    assert problem.message == f"key 1 is used twice (first at line {line_of(flow, 'case status')})"
