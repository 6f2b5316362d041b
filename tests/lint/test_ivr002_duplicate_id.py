"""IVR002 duplicate-id: node ids (YAML keys), flows, prompts and line sections defined twice."""

from __future__ import annotations

from textwrap import dedent

from tests.lint.flows import DEMO, line_of, lint_texts

TWICE = """\
version: 1
flow: demo
start: start
nodes:
  start: {type: say, prompt: hello, next: base.goodbye}
  start: {type: say, prompt: hello, next: base.goodbye}
  other: {type: say, prompt: hello, next: base.nowhere}
prompts:
  hello: {en: "Hello.", es: "Hola."}
"""


def test_ids_defined_once_pass(tmp_path):
    assert lint_texts(tmp_path) == []


def test_a_node_id_twice_is_reported_at_the_second_and_the_file_is_still_linted(tmp_path):
    problems = lint_texts(tmp_path, TWICE)
    [duplicate] = [p for p in problems if p.rule == "IVR002"]
    assert (duplicate.line, duplicate.message) == (line_of(TWICE, "start: {type", 2), "duplicate key 'start'")
    assert any(p.rule == "IVR001" and p.node == "other" for p in problems)  # the rest was read


def test_a_flow_or_prompt_in_two_files_is_reported(tmp_path):
    (tmp_path / "zz_copy.yaml").write_text(dedent(DEMO))
    messages = sorted(p.message for p in lint_texts(tmp_path, rule="IVR002"))
    assert messages[0].startswith("flow 'demo' is already defined in")
    assert messages[1].startswith("prompt 'hello' is already defined at")
