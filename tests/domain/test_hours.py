from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from ivr.domain.hours import (
    LiveHours,
    holiday_name,
    is_business_day,
    is_open,
    next_open,
)

ET = ZoneInfo("America/New_York")
LA = ZoneInfo("America/Los_Angeles")
HOURS = LiveHours()


def et(*args: int) -> datetime:
    return datetime(*args, tzinfo=ET)


# --- is_open -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        # Edges on an ordinary Monday (2026-11-30).
        (et(2026, 11, 30, 7, 59, 59), False),
        (et(2026, 11, 30, 8, 0), True),
        (et(2026, 11, 30, 12, 0), True),
        (et(2026, 11, 30, 19, 59), True),
        (et(2026, 11, 30, 19, 59, 59, 999999), True),
        (et(2026, 11, 30, 20, 0), False),
        (et(2026, 11, 30, 0, 0), False),
        # Weekends.
        (et(2026, 11, 28, 12, 0), False),
        (et(2026, 11, 29, 12, 0), False),
        # Federal holidays and observed days, at midday.
        (et(2026, 7, 3, 12, 0), False),  # Independence Day observed (Fri)
        (et(2026, 11, 26, 12, 0), False),  # Thanksgiving
        (et(2026, 12, 25, 12, 0), False),  # Christmas (Fri)
        (et(2027, 12, 24, 12, 0), False),  # Christmas observed (Fri)
        (et(2027, 12, 31, 12, 0), False),  # New Year 2028 observed (Fri)
        (et(2027, 1, 18, 12, 0), False),  # MLK Day
        (et(2027, 7, 5, 12, 0), False),  # Independence Day observed (Mon)
        # Days next to holidays are normal business days.
        (et(2026, 11, 27, 12, 0), True),  # Friday after Thanksgiving
        (et(2026, 7, 2, 12, 0), True),
        (et(2027, 12, 30, 12, 0), True),
        # Caller's clock in another zone.
        (datetime(2026, 11, 30, 6, 0, tzinfo=LA), True),  # 09:00 ET
        (datetime(2026, 11, 30, 4, 59, tzinfo=LA), False),  # 07:59 ET
        (datetime(2026, 11, 30, 17, 0, tzinfo=LA), False),  # 20:00 ET
        (datetime(2026, 11, 30, 13, 0, tzinfo=UTC), True),  # 08:00 EST
        (datetime(2026, 11, 30, 12, 59, tzinfo=UTC), False),  # 07:59 EST
        (datetime(2026, 7, 6, 12, 0, tzinfo=UTC), True),  # 08:00 EDT
        (datetime(2026, 7, 6, 11, 59, tzinfo=UTC), False),  # 07:59 EDT
        (datetime(2026, 11, 30, 8, 0, tzinfo=timezone(timedelta(hours=-5))), True),
        # Sunday 22:00 LA is already Monday in ET, but 01:00: still closed.
        (datetime(2026, 11, 29, 22, 0, tzinfo=LA), False),
        # DST switch days are Sundays in 2026.
        (et(2026, 3, 8, 12, 0), False),
        (et(2026, 11, 1, 12, 0), False),
        # Monday after spring forward: 08:00 EDT is 12:00 UTC.
        (et(2026, 3, 9, 8, 0), True),
        (datetime(2026, 3, 9, 12, 0, tzinfo=UTC), True),
        (datetime(2026, 3, 9, 11, 59, tzinfo=UTC), False),  # 07:59 EDT
        # Monday after fall back: 08:00 EST is 13:00 UTC.
        (datetime(2026, 11, 2, 13, 0, tzinfo=UTC), True),
        (datetime(2026, 11, 2, 12, 30, tzinfo=UTC), False),  # 07:30 EST
        (datetime(2026, 11, 2, 0, 30, tzinfo=UTC), False),  # Sun 19:30 EST
    ],
)
def test_is_open(now, expected):
    assert is_open(HOURS, now) is expected


def test_dst_monday_opening_is_edt():
    assert et(2026, 3, 9, 8, 0).utcoffset() == timedelta(hours=-4)
    assert et(2026, 3, 6, 8, 0).utcoffset() == timedelta(hours=-5)


# --- is_business_day / holiday_name ------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 30), True),  # Monday
        (date(2026, 11, 27), True),  # Friday after Thanksgiving
        (date(2026, 11, 28), False),  # Saturday
        (date(2026, 11, 29), False),  # Sunday
        (date(2026, 7, 3), False),
        (date(2026, 7, 4), False),  # Saturday holiday itself
        (date(2026, 11, 26), False),
        (date(2026, 12, 25), False),
        (date(2027, 12, 24), False),
        (date(2027, 12, 31), False),
        (date(2028, 1, 3), True),
        (date(2026, 3, 9), True),
    ],
)
def test_is_business_day(day, expected):
    assert is_business_day(HOURS, day) is expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 26), "Thanksgiving Day"),
        (date(2026, 12, 25), "Christmas Day"),
        (date(2026, 7, 4), "Independence Day"),
        (date(2026, 7, 3), "Independence Day (observed)"),
        (date(2027, 12, 24), "Christmas Day (observed)"),
        (date(2027, 12, 31), "New Year's Day (observed)"),
        (date(2028, 1, 1), "New Year's Day"),
        (date(2026, 11, 27), None),
        (date(2026, 11, 30), None),
        (date(2026, 12, 24), None),  # Christmas Eve is not a federal holiday
    ],
)
def test_holiday_name(day, expected):
    assert holiday_name(day) == expected


# --- next_open ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        # Friday 20:00 -> Monday 08:00.
        (et(2026, 11, 20, 20, 0), et(2026, 11, 23, 8, 0)),
        # Evening before Thanksgiving -> Friday after Thanksgiving.
        (et(2026, 11, 25, 20, 30), et(2026, 11, 27, 8, 0)),
        (et(2026, 11, 26, 9, 0), et(2026, 11, 27, 8, 0)),
        # Observed Christmas (Friday) 2027 -> Monday.
        (et(2027, 12, 24, 10, 0), et(2027, 12, 27, 8, 0)),
        # Observed New Year's (Fri 2027-12-31) plus weekend -> Mon 2028-01-03.
        (et(2027, 12, 30, 21, 0), et(2028, 1, 3, 8, 0)),
        # Observed Independence Day (Friday) -> Monday.
        (et(2026, 7, 2, 20, 0), et(2026, 7, 6, 8, 0)),
        # Early morning on a business day -> same day.
        (et(2026, 11, 30, 6, 0), et(2026, 11, 30, 8, 0)),
        (et(2026, 11, 30, 7, 59, 59), et(2026, 11, 30, 8, 0)),
        # Late evening on a weekday -> next morning.
        (et(2026, 11, 30, 20, 0), et(2026, 12, 1, 8, 0)),
        # Already open -> now itself.
        (et(2026, 11, 30, 8, 0), et(2026, 11, 30, 8, 0)),
        (et(2026, 11, 30, 10, 15, 30), et(2026, 11, 30, 10, 15, 30)),
        # Given in another zone; answer is in ET.
        (datetime(2026, 11, 20, 17, 30, tzinfo=LA), et(2026, 11, 23, 8, 0)),
        (datetime(2026, 11, 30, 15, 0, tzinfo=UTC), et(2026, 11, 30, 10, 0)),
        # Across DST changes: the opening carries that day's own offset.
        (et(2026, 3, 6, 20, 0), et(2026, 3, 9, 8, 0)),  # EST -> EDT
        (et(2026, 10, 30, 20, 0), et(2026, 11, 2, 8, 0)),  # EDT -> EST
    ],
)
def test_next_open(now, expected):
    got = next_open(HOURS, now)
    assert got == expected
    assert got.tzinfo == ET
    # Same wall clock and offset, not just the same instant.
    assert got.replace(tzinfo=None) == expected.replace(tzinfo=None)
    assert got.utcoffset() == expected.utcoffset()
    assert is_open(HOURS, got)


@pytest.mark.parametrize(
    ("start", "days"),
    [
        (datetime(2026, 11, 20, tzinfo=UTC), 14),  # Thanksgiving
        (datetime(2027, 12, 20, tzinfo=UTC), 18),  # observed Christmas/New Year
        (datetime(2026, 3, 5, tzinfo=UTC), 7),  # spring forward
        (datetime(2026, 10, 29, tzinfo=UTC), 7),  # fall back
    ],
)
def test_next_open_matches_brute_force(start, days):
    # On a 15-minute UTC grid, next_open must be the first open grid point
    # (08:00 always lands on the grid).
    step = timedelta(minutes=15)
    grid = [start + i * step for i in range(days * 96)]
    first_open = None
    for t in reversed(grid):
        if is_open(HOURS, t):
            first_open = t
        if first_open is not None:
            assert next_open(HOURS, t) == first_open, t


# --- configuration and input validation --------------------------------------


def test_custom_hours():
    # Saturday-only, 9-17 Central.
    hours = LiveHours(
        zone="America/Chicago",
        opens=time(9),
        closes=time(17),
        weekdays=frozenset({5}),
    )
    chicago = ZoneInfo("America/Chicago")
    assert is_open(hours, datetime(2026, 11, 28, 9, 0, tzinfo=chicago))
    assert not is_open(hours, datetime(2026, 11, 28, 9, 0, tzinfo=ET))  # 8:00 CT
    assert not is_open(hours, datetime(2026, 11, 30, 12, 0, tzinfo=chicago))
    got = next_open(hours, datetime(2026, 11, 28, 17, 0, tzinfo=chicago))
    assert got == datetime(2026, 12, 5, 9, 0, tzinfo=chicago)
    assert got.tzinfo == chicago


def test_live_hours_defaults_and_hashable():
    assert LiveHours(
        "America/New_York", time(8), time(20), frozenset(range(5))
    ) == HOURS
    assert hash(HOURS) == hash(LiveHours())
    assert LiveHours(weekdays={0, 1}).weekdays == frozenset({0, 1})


@pytest.mark.parametrize(
    "kwargs",
    [
        {"opens": time(20), "closes": time(8)},
        {"opens": time(8), "closes": time(8)},
        {"weekdays": frozenset()},
        {"weekdays": frozenset({7})},
        {"opens": time(8, tzinfo=UTC)},
    ],
)
def test_invalid_live_hours(kwargs):
    with pytest.raises(ValueError):
        LiveHours(**kwargs)


def test_unknown_zone_rejected():
    with pytest.raises(KeyError):  # ZoneInfoNotFoundError subclasses KeyError
        LiveHours(zone="Mars/Olympus_Mons")


@pytest.mark.parametrize("func", [is_open, next_open])
def test_naive_now_raises(func):
    with pytest.raises(ValueError):
        func(HOURS, datetime(2026, 11, 30, 12, 0))


def test_datetime_instead_of_date_raises():
    with pytest.raises(TypeError):
        is_business_day(HOURS, et(2026, 11, 26, 12, 0))
    with pytest.raises(TypeError):
        holiday_name(et(2026, 11, 26, 12, 0))
