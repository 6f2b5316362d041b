"""The app's clock."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ivr.domain.clock import make_clock


def test_a_fake_now_fixes_the_clock_in_utc():
    clock = make_clock("2026-11-30T10:00:00-05:00")
    assert clock() == datetime(2026, 11, 30, 15, 0, tzinfo=UTC) == clock()


def test_a_fake_now_without_an_offset_is_refused():
    with pytest.raises(ValueError, match="needs a UTC offset"):
        make_clock("2026-11-30T10:00:00")


def test_the_real_clock_is_aware():
    assert make_clock("")().tzinfo is not None
