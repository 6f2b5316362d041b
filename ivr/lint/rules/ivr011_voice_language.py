"""A line voice does not speak its language (en: a US English voice; es: a Spanish voice).

Twilio reads Spanish words with an English voice as gibberish, and the other way round. The
voice's language comes from ivr/domain/voices.py; a voice it does not know cannot be checked, and is
reported so that it gets added there.

Passing::

    voices:
      en: Polly.Joanna-Neural
      es: Polly.Lupe-Neural

Failing::

    voices:
      en: Polly.Joanna-Neural
      es: Polly.Matthew-Neural      # speaks en-US
"""

from __future__ import annotations

from ivr.domain.contact_center import LANGUAGES
from ivr.domain.voices import voice_language
from ivr.lint.problem import ERROR, Problem

ID = "IVR011"
NAME = "voice-language"
SEVERITY = ERROR

# The language family each prompt language needs: US English; any Spanish.
FAMILY = {"en": "en-US", "es": "es"}


def check(model, known):
    """Every line voice that is missing, unknown, or speaks another language."""
    if not model.line:
        return
    voices = model.line.voices()
    for lang in LANGUAGES:
        voice, line = voices.get(lang), _line_of_voice(model.line, lang)
        spoken = voice_language(voice) if voice else None
        if not voice:
            yield Problem(model.line.file, line, None, f"no {lang} voice")
        elif spoken is None:
            yield Problem(model.line.file, line, None,
                          f"voice '{voice}' is not in ivr/domain/voices.py: cannot tell that it speaks {FAMILY[lang]}")
        elif not (spoken == FAMILY[lang] or spoken.startswith(FAMILY[lang] + "-")):
            message = f"the {lang} voice '{voice}' speaks {spoken}, not {FAMILY[lang]}"
            yield Problem(model.line.file, line, None, message)


def _line_of_voice(line, lang: str) -> int:
    """The line of one language's voice, or of the voices section."""
    voices = line.raw.get("voices")
    return getattr(voices, "key_lines", {}).get(lang, line.line_of("voices"))
