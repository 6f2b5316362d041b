"""IVR011 voice-language: each line voice speaks its prompts' language."""

from __future__ import annotations

import pytest

from tests.lint.flows import BASE, line_of, lint_texts


@pytest.mark.parametrize("voices", ["{en: Polly.Joanna-Neural, es: Polly.Lupe-Neural}",
                                    "{en: Polly.Matthew, es: Google.es-US-Neural2-A}"])
def test_voices_that_speak_their_language_pass(tmp_path, voices):
    base = BASE.replace("{en: Polly.Joanna-Neural, es: Polly.Lupe-Neural}", voices)
    assert lint_texts(tmp_path, base=base) == []


@pytest.mark.parametrize(("voices", "message"), [
    ("{en: Polly.Joanna-Neural, es: Polly.Matthew-Neural}", "the es voice 'Polly.Matthew-Neural' speaks en-US, not es"),
    ("{en: Google.en-GB-Neural2-A, es: Polly.Lupe}", "the en voice 'Google.en-GB-Neural2-A' speaks en-GB, not en-US"),
    ("{en: Polly.Joanna-Neural, es: Polly.Nobody}", "voice 'Polly.Nobody' is not in ivr/domain/voices.py"),
    ("{en: Polly.Joanna-Neural}", "no es voice"),
])
def test_a_voice_that_does_not_speak_its_language_is_reported_at_the_line(tmp_path, voices, message):
    base = BASE.replace("{en: Polly.Joanna-Neural, es: Polly.Lupe-Neural}", voices)
    [problem] = lint_texts(tmp_path, base=base, rule="IVR011")
    assert (problem.line, problem.node) == (line_of(base, "voices:"), None)
    assert problem.message.startswith(message)
