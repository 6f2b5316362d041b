"""How many case look-ups a call and a caller may make: the line's guard against enumeration."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

# Caller IDs Twilio sends when the number is withheld: they all share no single owner.
WITHHELD = {"", "anonymous", "restricted", "unknown", "+266696687", "+86282452253", "+7378742833"}


@dataclass(frozen=True)
class LookupLimits:
    """How many look-ups one call, and one caller number, may make within the window."""

    per_call: int = 5
    per_caller: int = 10
    window: timedelta = timedelta(hours=1)
