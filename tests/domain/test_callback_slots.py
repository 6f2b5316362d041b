import inspect
from datetime import UTC, date, datetime, time, timedelta
from itertools import islice
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest

from ivr.domain.callback_slots import (
    CALLBACK_LEAD_TIME,
    CallbackWindow,
    candidate_slots,
)
from ivr.domain.hours import LiveHours, is_business_day, is_open

HOURS = LiveHours()
WINDOW = CallbackWindow()
ET = ZoneInfo("America/New_York")

ZONES = [
    "America/New_York",
    "America/Chicago",  # New Orleans
    "America/Denver",
    "America/Phoenix",
    "America/Los_Angeles",
    "America/Anchorage",
    "Pacific/Honolulu",
    "America/Puerto_Rico",
    "Pacific/Guam",
]


def at(zone: str, *args: int) -> datetime:
    return datetime(*args, tzinfo=ZoneInfo(zone))


def half_hours(first: str, last: str) -> list[str]:
    """Every "HH:MM" from first to last, 30 minutes apart."""
    start = datetime.strptime(first, "%H:%M")
    end = datetime.strptime(last, "%H:%M")
    times = []
    while start <= end:
        times.append(start.strftime("%H:%M"))
        start += timedelta(minutes=30)
    return times


def local_times_on(zone: str, day: date) -> list[str]:
    """Local "HH:MM" of every slot offered on `day` in `zone`, asked a week ahead."""
    now = datetime.combine(day - timedelta(days=7), time(12), tzinfo=UTC)
    tz = ZoneInfo(zone)
    slots = candidate_slots(now, zone, HOURS, WINDOW, days=14)
    return [s.astimezone(tz).strftime("%H:%M") for s in slots if s.astimezone(tz).date() == day]


WINTER_MON = date(2026, 11, 30)
SPRING_MON = date(2026, 3, 9)  # first weekday on daylight time
FALL_MON = date(2026, 11, 2)  # first weekday back on standard time
FULL_DAY = half_hours("09:00", "17:30")


# --- which local times a location gets on one day ----------------------------


@pytest.mark.parametrize(
    ("zone", "day", "expected"),
    [
        # Standard time everywhere: Eastern 8 a.m.-8 p.m. is the binding limit.
        ("America/New_York", WINTER_MON, FULL_DAY),
        ("America/Chicago", WINTER_MON, FULL_DAY),
        ("America/Denver", WINTER_MON, FULL_DAY),  # 5:30-6 p.m. = 7:30-8 p.m. ET
        ("America/Phoenix", WINTER_MON, FULL_DAY),  # MST = Mountain in winter
        ("America/Los_Angeles", WINTER_MON, half_hours("09:00", "16:30")),  # 5 p.m. = 8 p.m. ET
        ("America/Anchorage", WINTER_MON, half_hours("09:00", "15:30")),
        ("Pacific/Honolulu", WINTER_MON, half_hours("09:00", "14:30")),  # 9 a.m. = 2 p.m. ET
        ("America/Puerto_Rico", WINTER_MON, FULL_DAY),  # 9 a.m. AST = 8 a.m. EST
        ("Pacific/Guam", WINTER_MON, []),  # Monday morning = Sunday evening ET
        ("Pacific/Guam", date(2026, 12, 1), half_hours("09:00", "10:30")),  # Mon 6-8 p.m. EST
        # Daylight time: zones without DST move an hour against Eastern.
        ("America/New_York", SPRING_MON, FULL_DAY),
        ("America/Chicago", SPRING_MON, FULL_DAY),
        ("America/Denver", SPRING_MON, FULL_DAY),
        ("America/Phoenix", SPRING_MON, half_hours("09:00", "16:30")),  # now like Pacific
        ("America/Los_Angeles", SPRING_MON, half_hours("09:00", "16:30")),
        ("America/Anchorage", SPRING_MON, half_hours("09:00", "15:30")),
        ("Pacific/Honolulu", SPRING_MON, half_hours("09:00", "13:30")),  # 9 a.m. = 3 p.m. EDT
        ("America/Puerto_Rico", SPRING_MON, FULL_DAY),
        ("Pacific/Guam", SPRING_MON, []),
        ("Pacific/Guam", date(2026, 3, 10), ["09:00", "09:30"]),  # Mon 7-8 p.m. EDT
        # Back on standard time.
        ("America/New_York", FALL_MON, FULL_DAY),
        ("America/Phoenix", FALL_MON, FULL_DAY),
        ("America/Los_Angeles", FALL_MON, half_hours("09:00", "16:30")),
        ("Pacific/Honolulu", FALL_MON, half_hours("09:00", "14:30")),
        ("Pacific/Guam", date(2026, 11, 3), half_hours("09:00", "10:30")),
        # The DST switch days are Sundays: nothing.
        ("America/New_York", date(2026, 3, 8), []),
        ("America/New_York", date(2026, 11, 1), []),
        # Holidays and observed days at the location.
        ("America/New_York", date(2026, 7, 3), []),  # Independence Day observed
        ("Pacific/Honolulu", date(2026, 7, 3), []),
        ("America/Chicago", date(2026, 11, 26), []),  # Thanksgiving
        ("America/Los_Angeles", date(2026, 12, 25), []),  # Christmas
        ("America/Denver", date(2027, 12, 24), []),  # Christmas observed
        # Guam's Friday morning is Thanksgiving evening in Eastern time.
        ("Pacific/Guam", date(2026, 11, 27), []),
        ("America/New_York", date(2026, 11, 27), FULL_DAY),
    ],
)
def test_local_slot_times_on_a_day(zone, day, expected):
    assert local_times_on(zone, day) == expected


# --- DST arithmetic: the instant behind the first slot -----------------------


@pytest.mark.parametrize(
    ("zone", "now", "first_utc"),
    [
        # Asked before spring forward, first slot on the Monday after it.
        ("America/New_York", at("America/New_York", 2026, 3, 6, 18), datetime(2026, 3, 9, 13, tzinfo=UTC)),
        ("America/New_York", at("America/New_York", 2026, 3, 8, 1, 30), datetime(2026, 3, 9, 13, tzinfo=UTC)),
        ("America/Chicago", at("America/Chicago", 2026, 3, 8, 12), datetime(2026, 3, 9, 14, tzinfo=UTC)),
        ("America/Denver", at("America/Denver", 2026, 3, 8, 12), datetime(2026, 3, 9, 15, tzinfo=UTC)),
        ("America/Los_Angeles", at("America/Los_Angeles", 2026, 3, 8, 12), datetime(2026, 3, 9, 16, tzinfo=UTC)),
        ("America/Anchorage", at("America/Anchorage", 2026, 3, 8, 12), datetime(2026, 3, 9, 17, tzinfo=UTC)),
        # No DST: same UTC hour before and after the switch.
        ("America/Phoenix", at("America/Phoenix", 2026, 3, 8, 12), datetime(2026, 3, 9, 16, tzinfo=UTC)),
        ("America/Phoenix", at("America/Phoenix", 2026, 3, 5, 18), datetime(2026, 3, 6, 16, tzinfo=UTC)),
        ("Pacific/Honolulu", at("Pacific/Honolulu", 2026, 3, 8, 12), datetime(2026, 3, 9, 19, tzinfo=UTC)),
        ("America/Puerto_Rico", at("America/Puerto_Rico", 2026, 3, 8, 12), datetime(2026, 3, 9, 13, tzinfo=UTC)),
        # Guam Tuesday 9 a.m. is Monday 23:00 UTC.
        ("Pacific/Guam", at("Pacific/Guam", 2026, 3, 8, 12), datetime(2026, 3, 9, 23, tzinfo=UTC)),
        # Fall back.
        ("America/New_York", at("America/New_York", 2026, 11, 1, 1, 30), datetime(2026, 11, 2, 14, tzinfo=UTC)),
        ("America/Chicago", at("America/Chicago", 2026, 11, 1, 12), datetime(2026, 11, 2, 15, tzinfo=UTC)),
        ("America/Los_Angeles", at("America/Los_Angeles", 2026, 10, 30, 18), datetime(2026, 11, 2, 17, tzinfo=UTC)),
        ("Pacific/Honolulu", at("Pacific/Honolulu", 2026, 11, 1, 12), datetime(2026, 11, 2, 19, tzinfo=UTC)),
        ("Pacific/Guam", at("Pacific/Guam", 2026, 11, 1, 12), datetime(2026, 11, 2, 23, tzinfo=UTC)),
    ],
)
def test_first_slot_instant_across_dst(zone, now, first_utc):
    first = next(candidate_slots(now, zone, HOURS, WINDOW))
    assert first == first_utc
    assert first.tzinfo is UTC
    assert first.astimezone(ZoneInfo(zone)).time() == time(9)


# --- holidays, Friday evenings and weekends ----------------------------------


@pytest.mark.parametrize(
    ("zone", "now", "first_local"),
    [
        # Independence Day observed, Friday 2026-07-03.
        ("America/New_York", (2026, 7, 2, 19), (2026, 7, 6, 9)),
        ("Pacific/Honolulu", (2026, 7, 2, 16), (2026, 7, 6, 9)),
        # Guam: Friday is its own holiday and Monday morning is Sunday in ET.
        ("Pacific/Guam", (2026, 7, 2, 12), (2026, 7, 7, 9)),
        # Thanksgiving, Thursday 2026-11-26.
        ("America/New_York", (2026, 11, 25, 19), (2026, 11, 27, 9)),
        ("America/Chicago", (2026, 11, 25, 19), (2026, 11, 27, 9)),
        ("Pacific/Guam", (2026, 11, 25, 12), (2026, 12, 1, 9)),
        # Christmas, Friday 2026-12-25.
        ("America/New_York", (2026, 12, 24, 19), (2026, 12, 28, 9)),
        ("Pacific/Guam", (2026, 12, 23, 12), (2026, 12, 24, 9)),  # Wed 6 p.m. EST
        ("Pacific/Guam", (2026, 12, 24, 12), (2026, 12, 29, 9)),
        # Christmas observed, Friday 2027-12-24.
        ("America/Los_Angeles", (2027, 12, 23, 17), (2027, 12, 27, 9)),
        ("America/Puerto_Rico", (2027, 12, 23, 18), (2027, 12, 27, 9)),
        # Friday evening and the weekend: Monday (Tuesday for Guam).
        ("America/New_York", (2026, 11, 20, 18), (2026, 11, 23, 9)),
        ("America/Los_Angeles", (2026, 11, 20, 16, 20), (2026, 11, 23, 9)),
        ("America/Denver", (2026, 11, 21, 10), (2026, 11, 23, 9)),
        ("America/Anchorage", (2026, 11, 22, 23, 59), (2026, 11, 23, 9)),
        ("Pacific/Honolulu", (2026, 11, 22, 12), (2026, 11, 23, 9)),
        ("Pacific/Guam", (2026, 11, 20, 12), (2026, 11, 24, 9)),
    ],
)
def test_first_slot_after_closed_days(zone, now, first_local):
    first = next(candidate_slots(at(zone, *now), zone, HOURS, WINDOW))
    assert first.astimezone(ZoneInfo(zone)) == at(zone, *first_local)


# --- lead time ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "first"),
    [
        ((2026, 11, 30, 6, 0), (2026, 11, 30, 9, 0)),
        ((2026, 11, 30, 9, 15), (2026, 11, 30, 9, 30)),  # exactly the lead time away
        ((2026, 11, 30, 9, 15, 1), (2026, 11, 30, 10, 0)),
        ((2026, 11, 30, 9, 30), (2026, 11, 30, 10, 0)),  # never the slot now starting
        ((2026, 11, 30, 17, 15), (2026, 11, 30, 17, 30)),
        ((2026, 11, 30, 17, 16), (2026, 12, 1, 9, 0)),
    ],
)
def test_lead_time(now, first):
    zone = "America/New_York"
    got = next(candidate_slots(at(zone, *now), zone, HOURS, WINDOW))
    assert got == at(zone, *first)
    assert got - at(zone, *now) >= CALLBACK_LEAD_TIME


def test_now_in_any_zone_gives_the_same_slots():
    local = at("America/Chicago", 2026, 11, 30, 10, 50)
    expected = list(candidate_slots(local, "America/Chicago", HOURS, WINDOW))
    assert list(candidate_slots(local.astimezone(UTC), "America/Chicago", HOURS, WINDOW)) == expected
    assert list(candidate_slots(local.astimezone(ET), "America/Chicago", HOURS, WINDOW)) == expected


# --- filing location, never area code ----------------------------------------


def test_slots_follow_the_filing_location_not_the_caller():
    # A caller with a 212 (New York) number whose case is at the New Orleans
    # field office is offered New Orleans times: there is no way to pass the
    # number in at all.
    names = set(inspect.signature(candidate_slots).parameters)
    assert not {"caller", "caller_id", "number", "phone", "area_code"} & names
    now = datetime(2026, 11, 30, 13, tzinfo=UTC)  # 7 a.m. Central, 8 a.m. Eastern
    first = next(candidate_slots(now, "America/Chicago", HOURS, WINDOW))
    assert first.astimezone(ZoneInfo("America/Chicago")).time() == time(9)
    assert first.astimezone(ET).time() == time(10)


# --- every slot obeys every rule ---------------------------------------------

NOWS = [
    datetime(2026, 3, 6, 22, tzinfo=UTC),  # Friday before spring forward
    datetime(2026, 3, 8, 7, 30, tzinfo=UTC),  # the moment of spring forward
    datetime(2026, 7, 1, 15, tzinfo=UTC),  # into Independence Day observed
    datetime(2026, 10, 30, 22, tzinfo=UTC),  # Friday before fall back
    datetime(2026, 11, 1, 6, 30, tzinfo=UTC),  # inside the repeated hour
    datetime(2026, 11, 24, 15, tzinfo=UTC),  # Thanksgiving week
    datetime(2026, 12, 22, 15, tzinfo=UTC),  # Christmas into New Year
    datetime(2027, 12, 22, 15, tzinfo=UTC),  # Christmas and New Year observed
]


@pytest.mark.parametrize("now", NOWS)
@pytest.mark.parametrize("zone", ZONES)
def test_every_slot_is_bookable(zone, now):
    tz = ZoneInfo(zone)
    slots = list(candidate_slots(now, zone, HOURS, WINDOW))
    assert slots, "ten days always hold a slot"
    assert slots == sorted(set(slots))
    for start in slots:
        end = start + WINDOW.slot
        local = start.astimezone(tz)
        assert start.tzinfo is UTC
        assert start >= now + CALLBACK_LEAD_TIME
        assert is_open(HOURS, start) and is_open(HOURS, end - timedelta(seconds=1))
        assert is_business_day(HOURS, local.date())
        assert WINDOW.opens <= local.time() and end.astimezone(tz).time() <= WINDOW.closes
        assert local.minute in (0, 30) and local.second == 0


# --- how far ahead ------------------------------------------------------------

MONDAY_7AM = at("America/New_York", 2026, 11, 30, 7)


def ny(hour: int, minute: int = 0, day: date = date(2026, 11, 30)) -> datetime:
    """A New York wall time as the UTC instant the module returns."""
    return datetime.combine(day, time(hour, minute), tzinfo=ET).astimezone(UTC)


def test_guam_slots_start_on_tuesday():
    slots = list(islice(candidate_slots(MONDAY_7AM, "Pacific/Guam", HOURS, WINDOW), 6))
    guam = ZoneInfo("Pacific/Guam")
    # Guam has four slots a day in winter, Tuesday to Friday.
    assert [s.astimezone(guam).strftime("%a %H:%M") for s in slots] == [
        "Tue 09:00", "Tue 09:30", "Tue 10:00", "Tue 10:30", "Wed 09:00", "Wed 09:30",
    ]


# --- configurable windows ----------------------------------------------------


def test_custom_window():
    window = CallbackWindow(opens=time(10), closes=time(12, 30), slot_minutes=60)
    slots = list(candidate_slots(MONDAY_7AM, "America/New_York", HOURS, window, days=1))
    assert slots == [ny(10), ny(11)]  # 12:00-13:00 would end after 12:30


def test_slot_must_end_inside_live_hours():
    # 45-minute slots in Los Angeles: 4:30-5:15 p.m. starts at 7:30 p.m. Eastern
    # but would run past the 8 p.m. close, so 3:45 p.m. is the last offer.
    window = CallbackWindow(slot_minutes=45)
    now = at("America/Los_Angeles", 2026, 11, 30, 6)
    la = ZoneInfo("America/Los_Angeles")
    slots = list(candidate_slots(now, "America/Los_Angeles", HOURS, window, days=1))
    assert [s.astimezone(la).strftime("%H:%M") for s in slots][-2:] == ["15:00", "15:45"]


def test_spring_forward_gap_is_skipped_not_doubled():
    # Hours and window that include the missing hour, to prove no wall time in
    # the gap turns into a second copy of the 3 a.m. slot.
    always = LiveHours(opens=time(0), closes=time(23, 59), weekdays=frozenset(range(7)))
    window = CallbackWindow(opens=time(1), closes=time(4))
    now = at("America/New_York", 2026, 3, 7, 12)
    slots = [s.astimezone(ET) for s in candidate_slots(now, "America/New_York", always, window, days=2)]
    assert [s.strftime("%H:%M %Z") for s in slots if s.day == 8] == [
        "01:00 EST", "01:30 EST", "03:00 EDT", "03:30 EDT",
    ]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"opens": time(18), "closes": time(9)},
        {"opens": time(9), "closes": time(9, 20)},  # shorter than one slot
        {"slot_minutes": 0},
        {"opens": time(9, tzinfo=UTC)},
    ],
)
def test_bad_window_is_refused(kwargs):
    with pytest.raises(ValueError):
        CallbackWindow(**kwargs)


def test_naive_now_is_refused():
    with pytest.raises(ValueError, match="aware"):
        candidate_slots(datetime(2026, 11, 30, 9), "America/New_York", HOURS, WINDOW)


def test_unknown_zone_is_refused():
    with pytest.raises(ZoneInfoNotFoundError):
        candidate_slots(MONDAY_7AM, "America/Gotham", HOURS, WINDOW)
