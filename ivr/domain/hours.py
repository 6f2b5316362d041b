"""Live-agent hours: when a caller can be transferred to a person.

Pure calendar logic. Callers always pass "now" in (the app has an injectable
clock), so nothing here reads the system clock.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from types import MappingProxyType
from zoneinfo import ZoneInfo

import holidays

from ivr.domain.contact_center import CENTER_ZONE

__all__ = [
    "LiveHours",
    "holiday_name",
    "is_business_day",
    "is_open",
    "next_open",
]

# "public" is the statutory federal list (5 U.S.C. 6103) when no state is
# given, and the library already moves Saturday holidays to Friday and Sunday
# holidays to Monday. "government" would add one-off executive-order closures
# (e.g. Christmas Eve 2024) and renames MLK Day; we deliberately stay with the
# fixed, predictable statutory calendar.
_HOLIDAY_CATEGORIES = ("public",)

# Longest run of closed days we will scan before declaring the config broken.
# Weekdays can't be empty (checked below), so real calendars never get close.
_MAX_SCAN_DAYS = 366


@dataclass(frozen=True)
class LiveHours:
    """Weekly schedule for live agents, in local wall-clock time of `zone`."""

    zone: str = CENTER_ZONE
    opens: time = time(8)
    closes: time = time(20)  # exclusive: 20:00:00 itself is closed
    weekdays: frozenset[int] = frozenset(range(5))  # Monday=0 ... Sunday=6

    def __post_init__(self) -> None:
        # Fail at configuration time, not mid-call.
        ZoneInfo(self.zone)  # raises ZoneInfoNotFoundError for a bad name
        if self.opens.tzinfo is not None or self.closes.tzinfo is not None:
            raise ValueError("opens/closes are wall-clock times; drop tzinfo")
        # Overnight shifts (closes <= opens) are not supported.
        if not self.opens < self.closes:
            raise ValueError("opens must be earlier than closes")
        days = frozenset(self.weekdays)  # accept any iterable, keep hashable
        if not days or not days <= frozenset(range(7)):
            raise ValueError("weekdays must be a non-empty subset of 0..6")
        object.__setattr__(self, "weekdays", days)

    @property
    def tz(self) -> ZoneInfo:
        """The ZoneInfo for `zone`."""
        return ZoneInfo(self.zone)  # ZoneInfo caches instances itself


@lru_cache(maxsize=32)
def _federal_holidays(year: int) -> Mapping[date, str]:
    """US federal holidays (observed days included) dated within `year`."""
    # Built lazily, one year at a time. A Friday Dec 31 "New Year's Day
    # (observed)" is filed under the year it falls in, so looking up
    # day.year is always enough. Frozen into a read-only mapping because
    # HolidayBase is a dict that grows on lookup; a cached value must not.
    calendar = holidays.country_holidays(
        "US", years=year, categories=_HOLIDAY_CATEGORIES
    )
    return MappingProxyType(dict(calendar))


def _require_date(day: date) -> None:
    # datetime is a date subclass, but never equals a date key, so a datetime
    # would silently miss every holiday; and its zone would be ambiguous.
    if isinstance(day, datetime):
        raise TypeError("pass a date (convert to the hours' zone first)")


def _local(hours: LiveHours, now: datetime) -> datetime:
    # A naive "now" has no instant; guessing its zone is how IVRs end up
    # answering an hour early after a DST change.
    if now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    return now.astimezone(hours.tz)


def holiday_name(day: date) -> str | None:
    """Federal holiday name for `day` (e.g. "Thanksgiving Day"), else None."""
    _require_date(day)
    # Observed days read "Independence Day (observed)", as the library names them.
    return _federal_holidays(day.year).get(day)


def is_business_day(hours: LiveHours, day: date) -> bool:
    """True if `day` is a scheduled weekday and not a federal holiday."""
    _require_date(day)
    return day.weekday() in hours.weekdays and holiday_name(day) is None


def is_open(hours: LiveHours, now: datetime) -> bool:
    """True if live agents are answering at the aware instant `now`."""
    local = _local(hours, now)
    # Compare wall-clock time in the hours' zone; astimezone applied DST.
    return (
        is_business_day(hours, local.date())
        and hours.opens <= local.time() < hours.closes
    )


def next_open(hours: LiveHours, now: datetime) -> datetime:
    """Next instant agents answer (now itself if open), aware in hours.zone."""
    local = _local(hours, now)
    if is_open(hours, local):
        return local
    day = local.date()
    # Before opening on a business day we open later today; otherwise the
    # earliest candidate is tomorrow.
    if not (is_business_day(hours, day) and local.time() < hours.opens):
        day += timedelta(days=1)
    for _ in range(_MAX_SCAN_DAYS):
        if is_business_day(hours, day):
            # Wall-clock combine picks that date's own UTC offset, so the
            # result is 8:00 EDT or 8:00 EST as appropriate. (An opening time
            # inside a DST gap, e.g. 02:30, is not meaningful and unsupported.)
            return datetime.combine(day, hours.opens, tzinfo=hours.tz)
        day += timedelta(days=1)
    raise RuntimeError("no business day within a year; check LiveHours")
