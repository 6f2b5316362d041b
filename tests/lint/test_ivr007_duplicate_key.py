"""IVR007 duplicate-key: a key twice in a menu."""

from __future__ import annotations

from tests.lint.flows import TWO_CHOICES as MENU
from tests.lint.flows import line_of, lint_texts


def test_distinct_keys_and_words_pass(tmp_path):
    assert lint_texts(tmp_path, MENU) == []


def test_a_key_used_twice_is_reported_at_the_second(tmp_path):
    flow = MENU.replace('key: "2"', 'key: "1"')
    [problem] = lint_texts(tmp_path, flow, rule="IVR007")
    assert problem.line == line_of(flow, "password")
    assert problem.message == f"key 1 is used twice (first at line {line_of(flow, 'case status')})"
