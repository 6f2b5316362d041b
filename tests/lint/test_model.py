"""The tolerant reader and the loader helpers it uses: every problem, each at its line."""

from __future__ import annotations

import pytest

from ivr.flows.loader import FlowError, check_schema, read_yaml, schema_errors
from tests.lint.flows import DEMO, line_of, lint_texts, write_flows

TWO_DUPLICATES = """\
version: 1
flow: demo
start: start
nodes:
  start: {type: say, prompt: hello, next: base.goodbye}
  start: {type: say, prompt: hello, next: base.goodbye}
prompts:
  hello: {en: "Hello.", es: "Hola."}
  hello: {en: "Hi.", es: "Hola."}
"""


def test_read_yaml_still_refuses_a_duplicate_key_unless_asked_to_collect(tmp_path):
    path = write_flows(tmp_path, TWO_DUPLICATES) / "demo.yaml"
    with pytest.raises(FlowError, match="duplicate key 'start'"):
        read_yaml(path)
    duplicates = []
    data = read_yaml(path, duplicates)
    assert [(d.line, d.message) for d in duplicates] == [(6, "duplicate key 'start'"), (9, "duplicate key 'hello'")]
    assert data["prompts"]["hello"]["en"] == "Hello."  # the first definition is kept


def test_schema_errors_lists_every_violation_and_check_schema_raises_the_first(tmp_path):
    broken = DEMO.replace("next: base.goodbye}", "next: base.goodbye, colour: red}").replace(
        'es: "Hola."', 'fr: "Salut"')
    path = write_flows(tmp_path, broken) / "demo.yaml"
    errors = schema_errors(path, read_yaml(path))
    where = {(e.line, e.node) for e in errors}
    assert where >= {(line_of(broken, "colour"), "start"), (line_of(broken, "Salut"), None)}
    with pytest.raises(FlowError) as refused:
        check_schema(path, read_yaml(path))
    assert str(refused.value) == str(errors[0])


def test_a_node_of_the_wrong_shape_is_one_problem_and_the_rest_is_still_linted(tmp_path):
    odd_nodes = "  odd: [not, a, mapping]\n  other: {type: say, prompt: nope, next: start}\n"
    flow = DEMO.replace("nodes:\n", "nodes:\n" + odd_nodes)
    rules = {p.rule for p in lint_texts(tmp_path, flow)}
    assert {"IVR000", "IVR010", "IVR003"} <= rules
