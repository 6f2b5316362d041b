"""Service-request reference numbers: "SR" and 8 digits, easy to write down, key in and say.

A caller keys only the 8 digits (or 7 7 for S R first: both letters are on key 7) and may say
"S R" before them; the number is read back letter by letter and digit by digit, in groups.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

from ivr.domain import receipts, spoken_receipts

PREFIX = "SR"
DIGITS = 8
KEYED_PREFIX = "77"  # S and R on the E.161 keypad

WRONG_LENGTH = "reference_wrong_length"
NOT_A_REFERENCE = "reference_not_a_number"


class RequestNumberError(ValueError):
    """What a caller gave is not a reference number; .reason picks the prompt they hear."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def new_reference(randbelow: Callable[[int], int] = secrets.randbelow, prefix: str = PREFIX) -> str:
    """A fresh random reference number; random, so that one number does not lead to the next."""
    return f"{prefix}{randbelow(10 ** DIGITS):0{DIGITS}d}"


def decode_reference_keys(keys: str, prefix: str = PREFIX, keyed_prefix: str = KEYED_PREFIX) -> str:
    """The reference number keyed as its 8 digits, or as its letters' keys (7 7 for S R) and the 8 digits."""
    keys = (keys or "").strip().removesuffix("#")
    if not keys.isdigit():
        raise RequestNumberError(NOT_A_REFERENCE)
    if len(keys) == DIGITS + len(keyed_prefix) and keys.startswith(keyed_prefix):
        keys = keys[len(keyed_prefix):]
    if len(keys) != DIGITS:
        raise RequestNumberError(WRONG_LENGTH)
    return prefix + keys


def decode_reference_speech(transcript: str, lang: str) -> str:
    """The reference number in a transcript ("S R 4 8 1 5...", "ese erre cuatro..."), or raise."""
    heard = spoken_receipts.hear(transcript or "", lang, (PREFIX,))
    if not heard:
        raise RequestNumberError(NOT_A_REFERENCE)
    letters = "".join(item.letter for item in heard if not item.digit)
    digits = "".join(item.digit for item in heard if item.digit)
    # Talk before the number ("it is S R...") may leave stray letters; the number ends in S R.
    if letters and not letters.endswith(PREFIX):
        raise RequestNumberError(NOT_A_REFERENCE)
    if len(digits) != DIGITS:
        raise RequestNumberError(WRONG_LENGTH)
    return PREFIX + digits


def spoken_reference(reference: str) -> str:
    """The number as read back slowly: "S R, 4 8 1 5, 1 6 2 3" (any two-letter prefix)."""
    prefix, digits = reference[:-DIGITS], reference[-DIGITS:]
    groups = (prefix, digits[:4], digits[4:])
    return ", ".join(" ".join(group) for group in groups)


def speech_hints(lang: str) -> list[str]:
    """Twilio hints when asking for a reference or a receipt number."""
    return [{"en": "S R", "es": "ese erre"}[lang], *receipts.speech_hints(lang)]
