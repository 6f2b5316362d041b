"""A menu uses a key twice.

The first option with a key wins and the second is never chosen. (Words that two options
listen for are IVR024 shared-words.)

Passing::

    options:
      - {key: "1", goto: status, words: {en: [case status]}}
      - {key: "2", goto: account, words: {en: [password]}}

Failing::

    options:
      - {key: "1", goto: status, words: {en: [status]}}
      - {key: "1", goto: account, words: {en: [password]}}   # key 1 again
"""

from __future__ import annotations

from ivr.lint.problem import ERROR, Problem

ID = "IVR007"
NAME = "duplicate-key"
SEVERITY = ERROR


def check(model, known):
    """Every key used twice in one menu."""
    for node in model.nodes.values():
        if node.type == "menu":
            yield from _keys_twice(node)


def _keys_twice(node):
    """Options whose key an earlier option already uses."""
    first_line: dict[object, int] = {}
    for option in node.options():
        key = option.get("key")
        if key in first_line:
            yield Problem(node.file, option.line, node.id, f"key {key} is used twice (first at line {first_line[key]})")
        else:
            first_line.setdefault(key, option.line)
