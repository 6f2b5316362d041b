"""IVR023 glossary: Spanish prompts use the agency's term for each thing, as glossary.toml lists them."""

from __future__ import annotations

from pathlib import Path

import pytest

from ivr.lint.glossary import GLOSSARY_FILE, Term, misused, read_glossary
from tests.lint.flows import DEMO, line_of, lint_texts

GLOSSARY = """\
[[term]]
en = "biometrics appointment"
es = "cita de servicios biométricos"
avoid = ["cita de datos biométricos", "cita biométrica"]

[[term]]
en = "Los Angeles"
es = "Los Ángeles"
avoid = ["Los Angeles"]
"""
TERMS = [Term("biometrics appointment", "cita de servicios biométricos",
              ("cita de datos biométricos", "cita biométrica")),
         Term("Los Angeles", "Los Ángeles", ("Los Angeles",))]


def _demo_saying(spanish: str) -> str:
    return DEMO.replace('es: "Hola."', f'es: "{spanish}"')


@pytest.mark.parametrize(("text", "wrong"), [
    ("Su cita de servicios biométricos es el lunes.", []),
    ("Su cita de datos biométricos es el lunes.", ["cita de datos biométricos"]),
    ("SU CITA DE DATOS BIOMETRICOS es el lunes.", ["cita de datos biométricos"]),  # capitals, no accents
    ("Una cita biométrica.", ["cita biométrica"]),
    ("Una cita biométricamente", []),  # whole words only
    ("En Los Ángeles.", []),
    ("En Los Angeles.", ["Los Angeles"]),  # the accent is the difference
])
def test_avoided_wordings_are_found_as_whole_words(text, wrong):
    assert [wording for wording, _ in misused(TERMS, text)] == wrong


def test_a_flow_set_without_a_glossary_is_not_checked(tmp_path):
    assert lint_texts(tmp_path, _demo_saying("Su cita de datos biométricos."), rule="IVR023") == []


def test_a_spanish_prompt_with_an_avoided_wording_is_an_error_at_the_prompt(tmp_path):
    (tmp_path / GLOSSARY_FILE).write_text(GLOSSARY, encoding="utf-8")
    demo = _demo_saying("Su cita de datos biométricos.")
    [problem] = lint_texts(tmp_path, demo, rule="IVR023")
    assert (problem.severity, problem.file) == ("error", str(tmp_path / "demo.yaml"))
    assert problem.line == line_of(demo, "hello:")
    assert problem.message == ("prompt 'hello' (es) says \"cita de datos biométricos\": "
                               "the glossary's term is \"cita de servicios biométricos\"")


def test_the_agency_term_passes_and_english_is_not_checked(tmp_path):
    (tmp_path / GLOSSARY_FILE).write_text(GLOSSARY, encoding="utf-8")
    demo = DEMO.replace('hello: {en: "Hello.", es: "Hola."}',
                        'hello: {en: "Your cita biométrica, Los Angeles.", es: "Su cita de servicios biométricos."}')
    assert lint_texts(tmp_path, demo, rule="IVR023") == []


def test_a_broken_glossary_is_reported_at_its_line(tmp_path):
    (tmp_path / GLOSSARY_FILE).write_text(GLOSSARY + "\n[[term]]\nen = \n", encoding="utf-8")
    [problem] = lint_texts(tmp_path, rule="IVR023")
    assert (problem.file, problem.line) == (str(tmp_path / GLOSSARY_FILE), 12)
    assert problem.message.startswith("invalid TOML")


def test_a_term_without_its_spanish_is_refused(tmp_path):
    path = tmp_path / GLOSSARY_FILE
    path.write_text('[[term]]\nen = "press"\navoid = ["presione"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="term 1 needs text `en` and `es`"):
        read_glossary(path)


def test_the_shipped_glossary_reads_and_each_term_avoids_something():
    terms = read_glossary(Path(__file__).parents[2] / "call_flows" / GLOSSARY_FILE)
    assert len(terms) >= 10
    assert all(term.avoid for term in terms)
    assert not [t.es for t in terms if misused(terms, t.es)], "a term avoids its own wording"
