"""Service requests and their follow-ups (seed Q19): after 30 calendar days with no answer, the
contact center creates a secondary request, and after 30 more a tertiary one.

Pure rules: `now` is passed in, and calendar days are counted on the contact center's clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

LEVELS = ("primary", "secondary", "tertiary")
ANSWER_DAYS = 30  # calendar days an office has to answer before a follow-up may be created

# What a follow-up call finds.
ANSWERED, DUE, ESCALATE, EXHAUSTED = "answered", "due", "escalate", "exhausted"


@dataclass(frozen=True, slots=True)
class ServiceRequest:
    """A request sent to an office on a caller's behalf; follow-ups point to the one they follow."""

    id: int
    reference: str
    kind: str
    receipt_number: str | None
    level: str
    parent_id: int | None
    created_at: datetime
    answered_at: datetime | None
    routed_to: str


@dataclass(frozen=True, slots=True)
class FollowUp:
    """The answer to a follow-up call: answered, due (by `due`), escalate (to `level`), or exhausted."""

    outcome: str
    request: ServiceRequest
    due: date | None = None
    level: str | None = None


def answer_due(request: ServiceRequest, zone: str) -> date:
    """The day from which the request counts as unanswered: 30 calendar days after it was made."""
    return request.created_at.astimezone(ZoneInfo(zone)).date() + timedelta(days=ANSWER_DAYS)


def next_level(level: str) -> str | None:
    """The level a follow-up of this request gets; None after the tertiary one."""
    index = LEVELS.index(level) + 1
    return LEVELS[index] if index < len(LEVELS) else None


def follow_up(chain: list[ServiceRequest], now: datetime, zone: str) -> FollowUp:
    """What to do for a caller following up the chain (the primary request first, its follow-ups after)."""
    answered = [(request.answered_at, request) for request in chain if request.answered_at is not None]
    if answered:
        return FollowUp(ANSWERED, max(answered, key=lambda pair: pair[0])[1])
    latest = chain[-1]
    due = answer_due(latest, zone)
    if now.astimezone(ZoneInfo(zone)).date() < due:
        return FollowUp(DUE, latest, due=due)
    level = next_level(latest.level)
    return FollowUp(ESCALATE, latest, level=level) if level else FollowUp(EXHAUSTED, latest, due=due)


@dataclass(frozen=True)
class NewRequest:
    """What a call asks the store to record."""

    kind: str
    receipt_number: str | None
    routed_to: str
    lang: str
    call_sid: str | None
    level: str = "primary"
    parent_id: int | None = None
    reference: str | None = None  # None: a fresh random one
