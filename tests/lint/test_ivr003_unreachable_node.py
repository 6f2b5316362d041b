"""IVR003 unreachable-node: nodes no call can reach from the line's entry."""

from __future__ import annotations

from tests.lint.flows import BASE, DEMO, line_of, lint_texts

ORPHAN = DEMO.replace("prompts:", "  orphan: {type: say, prompt: hello, next: base.goodbye}\nprompts:")


def test_reachable_nodes_pass(tmp_path):
    assert lint_texts(tmp_path) == []


def test_a_node_nothing_leads_to_is_a_warning_at_its_line(tmp_path):
    [problem] = lint_texts(tmp_path, ORPHAN)
    assert (problem.rule, problem.severity, problem.node) == ("IVR003", "warning", "orphan")
    assert problem.line == line_of(ORPHAN, "orphan:")


def test_a_node_reached_only_through_a_named_entry_is_reachable(tmp_path):
    base = BASE.replace("  give_up: base.goodbye\n", "  entries: {callback: demo.orphan}\n  give_up: base.goodbye\n")
    assert lint_texts(tmp_path, ORPHAN, base) == []
