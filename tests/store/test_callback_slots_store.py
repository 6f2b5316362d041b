"""Callback slots in the shared store: how many places each slot offered has taken."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import uuid4
from zoneinfo import ZoneInfo

import pytest

from ivr.domain.callbacks import Booking
from ivr.store.callbacks import book, booked_counts

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
HALF_HOUR = timedelta(minutes=30)


@pytest.fixture
def nine():
    """9 a.m. Eastern on a day of its own: the PostgreSQL test database keeps other tests' bookings."""
    return datetime(2027, 1, 4, 14, 0, tzinfo=UTC) + timedelta(days=uuid4().int % 100_000)


def booked(store, start: datetime) -> None:
    booking = Booking(f"CA{uuid4().hex}", None, "America/New_York", "+12025550100", "en", "tier1", "agent", start)
    assert book(store, booking, 5, NOW) is not None


def test_each_start_asked_for_has_its_count_and_a_booked_slot_between_them_not_asked_for_is_left_out(store, nine):
    booked(store, nine)
    booked(store, nine)
    booked(store, nine + HALF_HOUR)  # between the starts asked for, not one of them
    booked(store, nine + 4 * HALF_HOUR)
    booked(store, nine + 9 * HALF_HOUR)  # after the last start asked for
    asked = [nine, nine + 2 * HALF_HOUR, nine + 4 * HALF_HOUR]
    assert booked_counts(store, asked) == {nine: 2, nine + 4 * HALF_HOUR: 1}


def test_a_start_given_in_another_zone_is_the_same_instant(store, nine):
    booked(store, nine)
    assert booked_counts(store, [nine.astimezone(ZoneInfo("America/New_York"))]) == {nine: 1}
    assert booked_counts(store, []) == {}
