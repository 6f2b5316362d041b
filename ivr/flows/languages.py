"""The caller's language: chosen first, and switched at any menu by a key or by naming the other one."""

from __future__ import annotations

from collections.abc import Mapping

from ivr.flows.model import LANGUAGES
from ivr.flows.phrases import normalise_speech

KeyWords = Mapping[tuple[str, str], tuple[str, ...]]  # (key, language) -> words that press it

# The key that switches language at every menu; a line offers it by declaring it in `line.keys`,
# with the words that ask for the other language ("español" at an English menu, "English" at a Spanish one).
SWITCH_KEY = "9"
# What a webhook URL's `lang` says while no language is chosen: every prompt, give-up and apology in both.
BOTH = "both"


def other_language(lang: str) -> str:
    """The line's other language."""
    return next(other for other in LANGUAGES if other != lang)


def languages_of(lang: str) -> tuple[str, ...]:
    """The languages a caller hears: one, or every one before the choice (BOTH)."""
    return LANGUAGES if lang == BOTH else (lang,)


def asks_to_switch(key_words: KeyWords, lang: str, digits: str | None, speech: str | None) -> bool:
    """Whether the caller pressed the switch key or named the other language."""
    if (SWITCH_KEY, lang) not in key_words:
        return False
    if digits:
        return digits == SWITCH_KEY
    said = f" {normalise_speech(speech or '')} "
    return any(f" {normalise_speech(word)} " in said for word in key_words[(SWITCH_KEY, lang)])
