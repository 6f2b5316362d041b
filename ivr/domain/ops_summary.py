"""What the operations page shows, summed from plain values: a day's calls by hour, callbacks due by
day, zone and state, requests waiting by office and age against the 30-day clock."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import median
from zoneinfo import ZoneInfo

from ivr.domain.service_requests import ANSWER_DAYS

ABANDONED = ("abandoned_menu", "abandoned_queue")
AGE_BANDS = ((0, 9, "0–9 days"), (10, 19, "10–19 days"), (20, ANSWER_DAYS - 1, f"20–{ANSWER_DAYS - 1} days"),
             (ANSWER_DAYS, 10_000, f"{ANSWER_DAYS}+ days: follow-up due"))


@dataclass(frozen=True)
class CallFacts:
    """What the day's summary needs of one call."""

    started_at: datetime
    lang: str
    outcome: str | None
    agent_seconds: int | None


@dataclass(frozen=True)
class DaySummary:
    """A day's calls: per hour by outcome and by language, and the day's rates."""

    by_outcome: dict[str, list[int]]  # outcome -> calls in each of the 24 local hours
    by_language: dict[str, list[int]]
    calls: int
    containment: float | None  # ended calls without an agent (a callback is contained)
    abandonment: float | None  # ended calls abandoned in a menu or the queue (a callback is not)
    median_to_agent: float | None  # seconds


def summarize_day(calls: Iterable[CallFacts], zone: str) -> DaySummary:
    """Sum a day's calls by the local hour they started in."""
    tz = ZoneInfo(zone)
    by_outcome: dict[str, list[int]] = {}
    by_language: dict[str, list[int]] = {}
    ended: Counter[str] = Counter()
    waits, total = [], 0
    for call in calls:
        hour = call.started_at.astimezone(tz).hour
        total += 1
        by_outcome.setdefault(call.outcome or "in_progress", [0] * 24)[hour] += 1
        by_language.setdefault(call.lang, [0] * 24)[hour] += 1
        if call.outcome:
            ended[call.outcome] += 1
        if call.agent_seconds is not None:
            waits.append(call.agent_seconds)
    finished = sum(ended.values())
    return DaySummary(
        by_outcome, by_language, total,
        containment=(finished - ended["transferred"]) / finished if finished else None,
        abandonment=sum(ended[o] for o in ABANDONED) / finished if finished else None,
        median_to_agent=float(median(waits)) if waits else None,
    )


@dataclass(frozen=True)
class CallbackFacts:
    """What the callbacks page needs of one callback."""

    scheduled_for: datetime
    time_zone: str
    state: str


def callbacks_by_day(callbacks: Iterable[CallbackFacts], today: date, days: int, zone: str
                     ) -> dict[tuple[str, str], list[int]]:
    """(time zone, state) -> callbacks due on each of the next `days` days (contact center dates)."""
    tz = ZoneInfo(zone)
    table: dict[tuple[str, str], list[int]] = {}
    for callback in callbacks:
        offset = (callback.scheduled_for.astimezone(tz).date() - today).days
        if 0 <= offset < days:
            table.setdefault((callback.time_zone, callback.state), [0] * days)[offset] += 1
    return dict(sorted(table.items()))


def age_in_days(created_at: datetime, now: datetime, zone: str) -> int:
    """Calendar days since a request was made, on the contact center's calendar."""
    tz = ZoneInfo(zone)
    return (now.astimezone(tz).date() - created_at.astimezone(tz).date()).days


def requests_by_office_and_age(waiting: Iterable[tuple[str, datetime]], now: datetime, zone: str
                               ) -> dict[str, list[int]]:
    """office -> requests waiting in each age band (of AGE_BANDS), from (office, created_at) pairs."""
    table: dict[str, list[int]] = {}
    for office, created_at in waiting:
        age = age_in_days(created_at, now, zone)
        band = next(i for i, (low, high, _) in enumerate(AGE_BANDS) if low <= age <= high or i == len(AGE_BANDS) - 1)
        table.setdefault(office, [0] * len(AGE_BANDS))[band] += 1
    return dict(sorted(table.items()))


def day_bounds(day: date, zone: str) -> tuple[datetime, datetime]:
    """The instants a local day starts and ends (23 or 25 hours on clock-change days)."""
    tz = ZoneInfo(zone)
    start = datetime.combine(day, datetime.min.time(), tz)
    return start, datetime.combine(day + timedelta(days=1), datetime.min.time(), tz)
