"""IVR001 unknown-target: targets that name no node, anywhere they can appear."""

from __future__ import annotations

import pytest

from tests.lint.flows import BASE, DEMO, line_of, lint_texts


def test_targets_that_exist_pass(tmp_path):
    assert lint_texts(tmp_path) == []


@pytest.mark.parametrize(("file", "old", "new", "message"), [
    ("demo", "next: base.goodbye", "next: base.goodby", "next leads to unknown node 'base.goodby'"),
    ("demo", "start: start", "start: begin", "start node 'begin' does not exist"),
    ("base", "goto: demo.start", "goto: demo.stat", "key 1 leads to unknown node 'demo.stat'"),
    ("base", "on: {failed: goodbye}", "on: {failed: farewell}", "failed leads to unknown node 'base.farewell'"),
    ("base", "entry: base.opening", "entry: opening", "line entry leads to unknown node 'opening' (line targets"),
    ("base", "give_up: base.goodbye", "give_up: base.nothing", "line give_up leads to unknown node 'base.nothing'"),
])
def test_an_unknown_target_is_reported_at_its_line(tmp_path, file, old, new, message):
    demo, base = DEMO, BASE
    if file == "demo":
        demo = demo.replace(old, new)
    else:
        base = base.replace(old, new)
    [problem] = [p for p in lint_texts(tmp_path, demo, base, rule="IVR001") if message in p.message]
    assert problem.line == line_of(demo if file == "demo" else base, new)


def test_an_unknown_named_entry_is_reported_at_its_line(tmp_path):
    base = BASE.replace("  give_up: base.goodbye\n", "  entries: {tty: base.tty}\n  give_up: base.goodbye\n")
    [problem] = lint_texts(tmp_path, base=base, rule="IVR001")
    assert problem.line == line_of(base, "entries:")
    assert problem.message == "line entry tty leads to unknown node 'base.tty'"
