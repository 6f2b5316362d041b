"""When a biometrics appointment may be moved by phone, and from when new times may be offered."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from ivr.domain.biometrics import Appointment, earliest_new_start, reschedule_refusal

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)


def appointment(starts_in: timedelta, count: int = 0, status: str = "scheduled") -> Appointment:
    """An appointment at the Phoenix ASC, `starts_in` from NOW."""
    return Appointment("NBC2190033333", "asc_phoenix", NOW + starts_in, count, status)


@pytest.mark.parametrize(("starts_in", "count", "status", "refusal"), [
    (timedelta(days=3), 0, "scheduled", None),
    (timedelta(days=3), 1, "scheduled", None),                          # moved once: once more is fine
    (timedelta(hours=12), 0, "scheduled", None),                       # exactly 12 hours ahead: still in time
    (timedelta(hours=12) - timedelta(seconds=1), 0, "scheduled", "too_soon"),
    (timedelta(minutes=30), 0, "scheduled", "too_soon"),
    (timedelta(0), 0, "scheduled", "passed"),                          # it starts now: too late
    (timedelta(days=-5), 0, "scheduled", "passed"),                     # the day came, nobody marked it
    (timedelta(days=3), 2, "scheduled", "rescheduled_twice"),
    (timedelta(days=3), 5, "scheduled", "rescheduled_twice"),
    (timedelta(days=-7), 0, "missed", "missed"),
    (timedelta(days=3), 0, "missed", "missed"),                         # marked missed whatever the date
    (timedelta(days=-7), 0, "completed", "completed"),
    (timedelta(hours=2), 2, "scheduled", "too_soon"),                   # the first reason found is the one said
    (timedelta(days=-1), 2, "missed", "missed"),
])
def test_reschedule_refusal(starts_in, count, status, refusal):
    assert reschedule_refusal(appointment(starts_in, count, status), NOW) == refusal


@pytest.mark.parametrize("zone_offset", [timedelta(hours=-7), timedelta(hours=10)])
def test_the_12_hours_are_real_hours_whatever_the_zone_now_is_written_in(zone_offset):
    local_now = NOW.astimezone(timezone(zone_offset))
    assert reschedule_refusal(appointment(timedelta(hours=11)), local_now) == "too_soon"
    assert reschedule_refusal(appointment(timedelta(hours=13)), local_now) is None


def test_new_times_start_12_hours_from_now():
    assert earliest_new_start(NOW) == datetime(2026, 12, 1, 3, 0, tzinfo=UTC)
