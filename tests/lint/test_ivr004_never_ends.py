"""IVR004 never-ends: traps from which no hangup or transfer can be reached."""

from __future__ import annotations

from tests.lint.flows import DEMO, line_of, lint_texts

LOOP = DEMO.replace(
    "  start: {type: say, prompt: hello, next: base.goodbye}",
    "  start: {type: say, prompt: hello, next: again}\n  again: {type: say, prompt: hello, next: start}",
)
DEAD_END = DEMO.replace("next: base.goodbye", "next: base.nowhere")


def test_paths_that_end_pass(tmp_path):
    assert lint_texts(tmp_path) == []


def test_a_loop_with_no_way_out_is_reported_once_at_its_first_node(tmp_path):
    [problem] = lint_texts(tmp_path, LOOP, rule="IVR004")
    assert (problem.node, problem.line) == ("start", line_of(LOOP, "start: {"))
    assert "demo.start -> demo.again only lead to each other" in problem.message


def test_a_dead_end_is_reported_but_not_the_nodes_leading_to_it(tmp_path):
    problems = lint_texts(tmp_path, DEAD_END, rule="IVR004")
    assert [(p.node, p.message) for p in problems] == [
        ("start", "dead end: this node leads nowhere and does not end the call")]
