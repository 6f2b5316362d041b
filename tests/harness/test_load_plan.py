"""Load as a test: start times for a rate and a ramp, thresholds parsed and judged."""

from __future__ import annotations

import pytest

from ivr.harness.load_plan import Thresholds, breaches, parse_limits, start_times
from ivr.harness.stats import LatencyRow


def test_without_a_rate_every_call_starts_at_once():
    assert start_times(3, None) == [0.0, 0.0, 0.0]


def test_a_rate_without_a_ramp_spaces_calls_evenly():
    assert start_times(4, 2.0) == [0.0, 0.5, 1.0, 1.5]


def test_a_ramp_starts_calls_slowly_then_at_the_rate():
    starts = start_times(40, 10.0, ramp=2.0)
    assert starts == sorted(starts)
    assert sum(1 for t in starts if t < 2.0) == 10  # half the rate on average while ramping: 10 calls in 2 s
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    assert gaps[0] > gaps[5] > gaps[9] and all(gap == pytest.approx(0.1) for gap in gaps[10:])


def test_limits_for_every_webhook_or_one():
    assert parse_limits(("400", "/voice/gather=300"), "--max-p95") == {"*": 400.0, "/voice/gather": 300.0}
    with pytest.raises(ValueError, match="--max-p95 'fast': give milliseconds"):
        parse_limits(("fast",), "--max-p95")


def test_a_load_fails_on_each_threshold_it_does_not_meet():
    rows = [LatencyRow("/voice", 10, 50, 120, 300, 310), LatencyRow("/voice/gather", 40, 60, 90, 200, 250)]
    thresholds = Thresholds(p95={"*": 100}, p99={"/voice/gather": 150}, error_percent=1)
    assert breaches(thresholds, rows, calls=200, errors=2) == [
        "/voice p95 120.0 ms is over 100 ms", "/voice/gather p99 200.0 ms is over 150 ms"]
    assert breaches(thresholds, rows, calls=200, errors=3)[-1] == "3 of 200 calls failed (1.50%), over 1%"
    assert breaches(Thresholds(p95={"*": 500}), rows, calls=10, errors=0) == []
