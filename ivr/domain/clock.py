"""The app's clock: the real time, or the instant IVR_FAKE_NOW fixes for demos and tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def parse_instant(text: str) -> datetime:
    """An aware datetime from ISO-8601; an instant without an offset is refused, not guessed."""
    value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if value.tzinfo is None:
        raise ValueError(f"IVR_FAKE_NOW needs a UTC offset (e.g. 2026-11-30T10:00:00-05:00), got {text!r}")
    return value


def make_clock(fake_now: str = "") -> Clock:
    """A clock that returns aware UTC datetimes: fixed when `fake_now` is given."""
    if fake_now:
        fixed = parse_instant(fake_now).astimezone(UTC)
        return lambda: fixed
    return lambda: datetime.now(UTC)
