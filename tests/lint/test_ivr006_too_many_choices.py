"""IVR006 too-many-choices: menus with more than five choices, 0, * and # aside."""

from __future__ import annotations

from tests.lint.flows import line_of, lint_texts


def menu(keys: str) -> str:
    """A demo menu offering and handling these keys, each leading to a goodbye."""
    offers = " ".join(f"For choice {k}, press {k}." for k in keys)
    ofrece = " ".join(f"Para la opcion {k}, oprima {k}." for k in keys)
    options = "".join(f'      - {{key: "{k}", goto: base.goodbye}}\n' for k in keys)
    return (f"version: 1\nflow: demo\nstart: start\nnodes:\n  start:\n    type: menu\n    prompt: choose\n"
            f"    options:\n{options}prompts:\n  choose: {{en: \"{offers}\", es: \"{ofrece}\"}}\n")


def test_five_choices_pass(tmp_path):
    assert lint_texts(tmp_path, menu("12345")) == []


def test_six_choices_are_a_warning(tmp_path):
    flow = menu("123456")
    [problem] = lint_texts(tmp_path, flow)
    assert (problem.rule, problem.severity, problem.line) == ("IVR006", "warning", line_of(flow, "options:"))
    assert problem.message.startswith("6 choices")
