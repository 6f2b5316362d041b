"""A prompt is undefined, lacks its English or Spanish text, or fills different {placeholders}.

Every caller hears every prompt in English or Spanish, so each prompt a node names must exist
with both texts, and both must fill the same {placeholders} (a name only one language uses is
a crash in the other, or a value the caller never hears). Stray braces are reported too.

Passing::

    agents_closed:
      en: "Agents will next be available {next_open}."
      es: "Los agentes estarán disponibles el {next_open}."

Failing::

    agents_closed:
      en: "Agents will next be available {next_open}."
      es: "Los agentes estarán disponibles pronto."     # {next_open} missing
"""

from __future__ import annotations

from ivr.domain.contact_center import LANGUAGES
from ivr.flows.placeholders import placeholders
from ivr.lint.problem import ERROR, Problem

ID = "IVR010"
NAME = "bilingual-prompt"
SEVERITY = ERROR


def check(model, known):
    """Undefined prompts at nodes, then missing texts and placeholder mismatches at prompts."""
    for node in model.nodes.values():
        for name in ("prompt", "reprompt"):
            prompt_id = node.field(name)
            if prompt_id and prompt_id not in model.prompts:
                yield Problem(node.file, node.line_of(name), node.id, f"prompt '{prompt_id}' is not defined")
    for prompt in model.prompts.values():
        yield from _check_prompt(prompt)


def _check_prompt(prompt):
    """A prompt's missing languages, stray braces and placeholders that differ."""
    names = {}
    for lang in LANGUAGES:
        text = prompt.texts.get(lang, "")
        if not text.strip():
            yield Problem(prompt.file, prompt.line, None, f"prompt '{prompt.id}' has no {lang} text")
            continue
        try:
            names[lang] = placeholders(text)
        except ValueError:
            yield Problem(prompt.file, prompt.line, None, f"prompt '{prompt.id}' ({lang}) has a stray {{ or }}")
    if len(names) == len(LANGUAGES) and len({frozenset(n) for n in names.values()}) > 1:
        shown = "; ".join(f"{lang}: {', '.join(sorted(n)) or 'none'}" for lang, n in names.items())
        yield Problem(prompt.file, prompt.line, None, f"prompt '{prompt.id}' fills different placeholders ({shown})")
