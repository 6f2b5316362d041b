"""IVR010 bilingual-prompt: undefined prompts, a missing language, placeholders that differ."""

from __future__ import annotations

import pytest

from tests.lint.flows import DEMO, line_of, lint_texts

CLOSED = DEMO.replace('hello: {en: "Hello.", es: "Hola."}',
                      'hello: {en: "Open {next_open}.", es: "Abrimos el {next_open}."}')


def test_a_prompt_in_both_languages_with_the_same_placeholders_passes(tmp_path):
    assert lint_texts(tmp_path, CLOSED, rule="IVR010") == []  # nothing sets {next_open}: IVR020's to say


def test_an_undefined_prompt_is_reported_at_the_node(tmp_path):
    flow = DEMO.replace("prompt: hello", "prompt: helo")
    [problem] = lint_texts(tmp_path, flow, rule="IVR010")
    assert (problem.node, problem.line, problem.message) == ("start", line_of(flow, "helo"),
                                                             "prompt 'helo' is not defined")


@pytest.mark.parametrize(("old", "new", "message"), [
    ("Abrimos el {next_open}.", "Abrimos pronto.", "fills different placeholders (en: next_open; es: none)"),
    ("Abrimos el {next_open}.", "Abrimos el {next_open.", "(es) has a stray { or }"),
    ("Abrimos el {next_open}.", "  ", "has no es text"),
])
def test_a_prompt_whose_languages_differ_is_reported_at_the_prompt(tmp_path, old, new, message):
    flow = CLOSED.replace(old, new)
    [problem] = lint_texts(tmp_path, flow, rule="IVR010")
    assert (problem.node, problem.line) == (None, line_of(flow, "hello: {"))
    assert message in problem.message
