"""What a prompt's words tell the linter: keys it offers, placeholders, how long it takes to say."""

from __future__ import annotations

import re

from ivr.flows.say_as import say_as_parts

# "press 1", "press star", "press the pound key", "oprima 2", "oprima asterisco",
# "oprima la tecla de numeral". A digit must stand alone: "marque 711" offers no key.
_KEY_WORDS = {"star": "*", "asterisk": "*", "asterisco": "*", "pound": "#", "numeral": "#"}
_OFFER = re.compile(
    r"\b(?:press|oprima|presione|pulse)\s+(?:the\s+|la\s+tecla\s+(?:de\s+)?)?"
    r"(\d(?![\d-])|star|asterisk|asterisco|pound|numeral)\b",
    re.IGNORECASE,
)

# Speaking rates of neural text-to-speech voices, in words per minute.
WORDS_PER_MINUTE = {"en": 150, "es": 160}
# SSML prosody rates a prompt may ask for, as how much longer the prompt takes.
RATE_STRETCH = {"medium": 1.0, "slow": 1.25, "x-slow": 1.6}
# A placeholder is filled at call time ("{next_open}": "Monday at 8 a.m."): guess a few words.
PLACEHOLDER_WORDS = 3
# The read-backs the actions fill in are spelled, and read a character at a time (<say-as>): as many
# words as characters ("E A C, 2 1 9, 0 0 1, 2 3 4 5", "C B, 4 1 5 2, 0 0 0 1", "2 0 2, 5 5 5, 0 1 4 3").
SPELLED_WORDS = {"receipt_spoken": 13, "reference_spoken": 10, "callback_reference_spoken": 10,
                 "phone_spoken": 10, "callback_phone_spoken": 10, "zip_spoken": 5}
_PLACEHOLDER = re.compile(r"\{([^{}.\[]*)[^{}]*\}")
_SPOKEN = re.compile(r"[^\W\d_]+|\d+")


def offered_keys(text: str) -> set[str]:
    """The keys a prompt tells the caller to press."""
    return {_KEY_WORDS.get(found.lower(), found) for found in _OFFER.findall(text)}


def spoken_words(text: str) -> int:
    """About how many words a voice says: what the line marks up with <say-as> (phone numbers, 711,
    receipt and reference numbers, ZIP codes) one word a character, other long numbers digit by digit."""
    text = _PLACEHOLDER.sub(lambda found: " word" * SPELLED_WORDS.get(found.group(1), PLACEHOLDER_WORDS), text)
    return sum(sum(c.isalnum() for c in part.text) if part.interpret_as else _plain_words(part.text)
               for part in say_as_parts(text))


def _plain_words(text: str) -> int:
    """Words of text a voice reads as written: a number of three digits or more is read digit by digit."""
    return sum(len(token) if token.isdigit() and len(token) > 2 else 1 for token in _SPOKEN.findall(text))


def spoken_seconds(text: str, lang: str, rate: str | None = None) -> float:
    """About how many seconds a voice takes to say the text in a language."""
    minutes = spoken_words(text) / WORDS_PER_MINUTE.get(lang, WORDS_PER_MINUTE["en"])
    return minutes * 60 * RATE_STRETCH.get(rate or "medium", 1.0)
