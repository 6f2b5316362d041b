"""A Spanish prompt names a thing otherwise than the agency's glossary does.

The agency calls each thing by one Spanish name (a caller who hears "cita de datos biométricos"
in one prompt and "cita de servicios biométricos" in the next wonders whether they are two
things). `glossary.toml`, next to the flow files, lists each term (`en`, `es`) and the wordings
to `avoid`; a Spanish prompt that uses one of them is reported with the term to use. Wordings
match as whole words, regardless of capitals and accents (unless an accent is the very
difference, as in "Los Angeles" for "Los Ángeles"). Flows with no glossary file are not checked.

Passing::

    # glossary.toml: [[term]] es = "cita de servicios biométricos", avoid = ["cita de datos biométricos"]
    appointment: {en: "Your biometrics appointment ...", es: "Su cita de servicios biométricos ..."}

Failing::

    appointment: {en: "Your biometrics appointment ...", es: "Su cita de datos biométricos ..."}
"""

from __future__ import annotations

from pathlib import Path

from ivr.lint.glossary import GLOSSARY_FILE, GlossaryError, misused, read_glossary
from ivr.lint.problem import ERROR, Problem

ID = "IVR023"
NAME = "glossary"
SEVERITY = ERROR


def check(model, known):
    """Every avoided wording in a Spanish prompt, and a glossary that cannot be read."""
    if not model.files:
        return
    path = Path(model.files[0]).parent / GLOSSARY_FILE
    if not path.exists():
        return
    try:
        terms = read_glossary(path)
    except GlossaryError as error:
        yield Problem(str(path), error.line, None, str(error))
        return
    for prompt in model.prompts.values():
        for wording, term in misused(terms, prompt.texts.get("es", "")):
            yield Problem(prompt.file, prompt.line, None,
                          f"prompt '{prompt.id}' (es) says \"{wording}\": the glossary's term is \"{term.es}\"")
