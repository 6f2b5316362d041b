"""Callback slots: the times an agent may offer to call a caller back.

Slots are laid out on the wall clock of the case's filing location (never a
zone guessed from the caller's area code: people keep their numbers when they
move), and each one must also fall wholly inside the contact center's live
hours, which are kept in Eastern time. Pure calendar logic: `now` is always
passed in.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from ivr.domain.hours import LiveHours, is_business_day, is_open

__all__ = [
    "CALLBACK_LEAD_TIME",
    "CallbackWindow",
    "candidate_slots",
]

# Soonest a slot may start. An agent needs time to pick the case up, and a
# slot that starts while the caller is still on this call would be missed.
CALLBACK_LEAD_TIME = timedelta(minutes=15)

# Live hours close exclusively (20:00:00 is closed), so a slot fits if its
# last instant, one tick before its end, is still open.
_TICK = timedelta(microseconds=1)


@dataclass(frozen=True)
class CallbackWindow:
    """Hours we may ring a caller, on the filing location's wall clock."""

    opens: time = time(9)
    closes: time = time(18)  # a slot must end by this time
    slot_minutes: int = 30

    def __post_init__(self) -> None:
        # Fail at configuration time, not while a caller waits for a slot.
        if self.opens.tzinfo is not None or self.closes.tzinfo is not None:
            raise ValueError("opens/closes are wall-clock times; drop tzinfo")
        if self.slot_minutes < 1:
            raise ValueError("slot_minutes must be at least 1")
        if not self.start_times():
            raise ValueError("the window must hold at least one whole slot")

    @property
    def slot(self) -> timedelta:
        """Length of one slot."""
        return timedelta(minutes=self.slot_minutes)

    def start_times(self) -> tuple[time, ...]:
        """Wall-clock start of every slot that ends by `closes`."""
        # Plain clock arithmetic on naive values of an arbitrary date: no zone
        # is involved yet, so no DST rule can shift these times.
        day = date(2000, 1, 1)
        start = datetime.combine(day, self.opens)
        end = datetime.combine(day, self.closes)
        times = []
        while start + self.slot <= end:
            times.append(start.time())
            start += self.slot
        return tuple(times)


def candidate_slots(
    now: datetime,
    zone: str,
    hours: LiveHours,
    window: CallbackWindow,
    days: int = 10,
) -> Iterator[datetime]:
    """Slot starts we could offer, earliest first, as aware UTC datetimes."""
    if now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    tz = ZoneInfo(zone)  # a bad zone fails here, not on first iteration
    # Add the lead time to the instant, not to a local wall time: on a
    # fall-back night, 1:50 a.m. EDT plus 15 minutes of wall clock is 2:05
    # a.m. EST, 75 real minutes later.
    earliest = now.astimezone(UTC) + CALLBACK_LEAD_TIME
    first_day = now.astimezone(tz).date()
    local_days = [first_day + timedelta(days=n) for n in range(days)]
    return _slots(local_days, tz, hours, window, earliest)


def _slots(
    local_days: list[date],
    tz: ZoneInfo,
    hours: LiveHours,
    window: CallbackWindow,
    earliest: datetime,
) -> Iterator[datetime]:
    for day in local_days:
        for start in _day_slots(day, tz, hours, window):
            if start >= earliest:
                yield start


# A day's slots are the same for every caller in its zone: the few weeks ahead in the zones of the
# moment's callers are worked out once each, not at every offer.
@lru_cache(maxsize=1024)
def _day_slots(day: date, tz: ZoneInfo, hours: LiveHours, window: CallbackWindow) -> tuple[datetime, ...]:
    """The slot starts of one local day that exist and fall wholly in live hours, in UTC, earliest first."""
    # The caller's business day is the filing location's date: a Friday
    # holiday in Guam is a holiday there even while it is Thursday in
    # Washington.
    if not is_business_day(hours, day):
        return ()
    starts = []
    slot = window.slot
    for clock in window.start_times():
        # Each start is built from its own date and wall time, so it gets
        # that date's UTC offset; no timedelta crosses a DST change.
        start = datetime.combine(day, clock, tzinfo=tz)
        if not _exists(start):
            continue
        start = start.astimezone(UTC)
        if _within_live_hours(hours, start, slot):
            starts.append(start)
    return tuple(starts)


def _exists(local: datetime) -> bool:
    # A wall time in a spring-forward gap (2:30 a.m.) names no instant;
    # zoneinfo would quietly read it as 3:30 and offer the 3:30 slot twice.
    round_trip = local.astimezone(UTC).astimezone(local.tzinfo)
    return round_trip.replace(tzinfo=None) == local.replace(tzinfo=None)


def _within_live_hours(hours: LiveHours, start: datetime, slot: timedelta) -> bool:
    # is_open takes instants and reads them on the live-hours clock, so the
    # Eastern *date* decides: a Guam 9 a.m. Tuesday slot is Monday evening in
    # Eastern time and stands or falls with Monday's hours and holidays.
    last = start + slot - _TICK
    # Open at both ends on one Eastern date means open throughout, because a
    # day's live hours are one unbroken stretch (overnight shifts are refused).
    same_day = start.astimezone(hours.tz).date() == last.astimezone(hours.tz).date()
    return same_day and is_open(hours, start) and is_open(hours, last)
