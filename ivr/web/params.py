"""Twilio's parameters read plainly: a value that is not what Twilio sends is treated as absent, never raised."""

from __future__ import annotations

import math

MAX_ID = 2**63 - 1  # the largest key the store's integer columns hold
MAX_DIGITS = 9  # more digits than any queue position, wait or id this line will meet


def plain_int(text: str | None, largest: int = MAX_ID) -> int | None:
    """A non-negative whole number written in ASCII digits, at most `largest`; None for anything else."""
    if not text or not text.isascii() or not text.isdigit() or len(text) > len(str(largest)):
        return None
    value = int(text)
    return value if value <= largest else None


def confidence(text: str | None) -> float | None:
    """Twilio's speech Confidence, 0 to 1; None when absent or not a number in that range."""
    try:
        value = float(text) if text else None
    except ValueError:
        return None
    return value if value is not None and math.isfinite(value) and 0.0 <= value <= 1.0 else None


def queue_figure(text: str | None) -> str:
    """A queue position or wait in seconds to speak, or "" when it is not a plausible number."""
    value = plain_int(text, largest=10**MAX_DIGITS - 1)
    return "" if value is None else str(value)
