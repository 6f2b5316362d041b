"""A callback a caller asked for: who to call, where they are, when, and about what."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Booking:
    """What a caller asked for: who, where, when, and about what."""

    booked_by_call: str
    receipt_number: str | None
    time_zone: str
    phone: str
    lang: str
    tier: str
    purpose: str
    scheduled_for: datetime


@dataclass(frozen=True)
class BookedCallback:
    """A scheduled callback as its caller may hear it: its reference, when, where and which number."""

    id: int
    reference: str
    scheduled_for: datetime
    time_zone: str
    phone: str
    protected: bool = False  # booked for senior officers (a VAWA, U or T matter): its number is never read out
