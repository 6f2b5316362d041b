"""IVR000 invalid-file: YAML syntax errors, schema violations and bad lint markers, at their lines."""

from __future__ import annotations

from tests.lint.flows import BASE, DEMO, line_of, lint_texts

WITH_HANGUP = """\
version: 1
flow: demo
start: start
nodes:
  start: {type: say, prompt: hello, next: bye}
  bye:
    type: hangup
    prompt: hello
prompts:
  hello: {en: "Hello.", es: "Hola."}
"""


def test_a_valid_file_passes(tmp_path):
    assert lint_texts(tmp_path, WITH_HANGUP) == []


def test_a_schema_violation_is_reported_at_its_line_with_its_node(tmp_path):
    flow = WITH_HANGUP.replace("    prompt: hello\nprompts", "    prompt: hello\n    colour: red\nprompts")
    [problem] = lint_texts(tmp_path, flow, rule="IVR000")
    # an extra field is the node's fault: the loader points at the node it was found in
    assert (problem.line, problem.node, problem.severity) == (line_of(flow, "bye:"), "bye", "error")
    assert "'colour' was unexpected" in problem.message


def test_every_schema_violation_of_a_file_is_reported(tmp_path):
    flow = WITH_HANGUP.replace("type: hangup", "type: shout").replace('es: "Hola."', 'fr: "Salut."')
    lines = {p.line for p in lint_texts(tmp_path, flow, rule="IVR000")}
    assert lines == {line_of(flow, "shout"), line_of(flow, "Salut")}


def test_a_yaml_syntax_error_is_a_problem_at_its_line_and_the_other_files_are_still_linted(tmp_path):
    flow = DEMO.replace("prompt: hello, next", "prompt: [hello, next")
    problems = lint_texts(tmp_path, flow, base=BASE.replace("es: Polly.Lupe-Neural", "es: Polly.Nobody"))
    syntax = [p for p in problems if p.rule == "IVR000"]
    assert [(p.file.endswith("demo.yaml"), p.line) for p in syntax] == [(True, line_of(flow, "[hello"))]
    assert "YAML syntax" in syntax[0].message
    assert {p.rule for p in problems} == {"IVR000", "IVR011"}  # no unknown-target noise into demo


def test_a_malformed_lint_marker_is_reported(tmp_path):
    flow = DEMO.replace("next: base.goodbye}", "next: base.goodbye, lint: {ignore: [IVR999]}}")
    [problem] = lint_texts(tmp_path, flow, rule="IVR000")
    assert "no rule 'IVR999'" in problem.message and problem.node == "start"

