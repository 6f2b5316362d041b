"""A prompt takes too long to hear comfortably.

Time is estimated from the words: about 150 words a minute in English and 160 in Spanish,
numbers of three or more digits read digit by digit, each {placeholder} as its longest value
(`ivr/lint/texts.py`; three words for one not listed), and
`rate: slow` (x1.25) or `x-slow` (x1.6) stretching it. At a bilingual node the caller hears
both languages, one after the other, so their times add up. Limits: 30 seconds for what a menu
or input says (prompt or reprompt: callers must remember the choices), 45 seconds for any other
node's prompt. Reported at the node that speaks the prompt, so a node can be excused with
`lint: {ignore: [IVR012]}`.

Passing::

    main_menu:
      en: "For case status, press 1. For biometrics, press 2."

Failing::

    main_menu:          # about 40 seconds of choices
      en: "For the status of a case that you filed on paper or online, press 1. For ..."
"""

from __future__ import annotations

from ivr.lint.problem import WARNING, Problem
from ivr.lint.texts import spoken_seconds

ID = "IVR012"
NAME = "long-prompt"
SEVERITY = WARNING

GATHER_LIMIT = 30  # seconds, for what a menu or input says before the caller must answer
SAY_LIMIT = 45  # seconds, for anything else


def check(model, known):
    """Every prompt a node speaks for longer than its limit."""
    for node in model.nodes.values():
        limit = GATHER_LIMIT if node.gathers else SAY_LIMIT
        fields = ("prompt", "reprompt") if node.gathers else ("prompt",)
        for name in fields:
            prompt = model.prompts.get(node.field(name) or "")
            if not prompt:
                continue
            for languages in node.language_groups():
                seconds = sum(spoken_seconds(prompt.texts.get(lang, ""), lang, prompt.rate) for lang in languages)
                if seconds > limit:
                    yield Problem(node.file, node.line_of(name), node.id,
                                  f"prompt '{prompt.id}' takes about {seconds:.0f} s to say in "
                                  f"{'+'.join(languages)} (limit {limit} s here)")
