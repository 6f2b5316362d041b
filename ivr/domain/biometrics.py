"""When a caller may move a biometrics appointment by phone, and which new times may be offered.

Pure rules (seed Q2): an existing appointment at an Application Support Center may be moved,
a first one is never booked by phone. `now` is always passed in, an aware instant.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

NOTICE = timedelta(hours=12)  # a change must be made at least this long before the appointment
MAX_RESCHEDULES = 2  # after two changes by phone, an agent decides

SCHEDULED, MISSED, COMPLETED = "scheduled", "missed", "completed"
STATUSES = (SCHEDULED, MISSED, COMPLETED)

# Why a caller is sent to an agent instead of moving the appointment themselves.
PASSED, TOO_SOON, RESCHEDULED_TWICE = "passed", "too_soon", "rescheduled_twice"
# What became of a move the caller confirmed.
MOVED, TAKEN, CHANGED = "moved", "taken", "changed"
REFUSALS = (MISSED, COMPLETED, PASSED, TOO_SOON, RESCHEDULED_TWICE)


@dataclass(frozen=True, slots=True)
class Appointment:
    """A biometrics appointment: whose (receipt number), where (ASC id), when (UTC), how often moved."""

    receipt_number: str
    asc: str
    starts_at: datetime
    reschedule_count: int = 0
    status: str = SCHEDULED


@dataclass(frozen=True, slots=True)
class Slot:
    """An appointment time at an ASC and how many people it can take."""

    asc: str
    starts_at: datetime
    capacity: int


def reschedule_refusal(appointment: Appointment, now: datetime) -> str | None:
    """Why the caller may not move this appointment by phone (one of REFUSALS), or None if they may."""
    if appointment.status in (MISSED, COMPLETED):
        return appointment.status
    if appointment.starts_at <= now:
        return PASSED  # the day came and nobody marked it: an agent sorts out what happened
    if appointment.starts_at - now < NOTICE:
        return TOO_SOON
    if appointment.reschedule_count >= MAX_RESCHEDULES:
        return RESCHEDULED_TWICE
    return None


def earliest_new_start(now: datetime) -> datetime:
    """The soonest a new time may start: the ASC needs the same notice as a change."""
    return now + NOTICE
