"""Load as a test: when each call starts (a calls-per-second target, reached by a ramp), the thresholds to meet."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ivr.harness.stats import LatencyRow


def start_times(calls: int, rate: float | None, ramp: float = 0.0) -> list[float]:
    """Seconds after the start at which each call starts: all at once without a rate; else `rate` calls a
    second, reached by a straight ramp from none over `ramp` seconds (the k-th call starts when k calls are due)."""
    if not rate:
        return [0.0] * calls
    if ramp <= 0:
        return [k / rate for k in range(calls)]
    due_by_ramp_end = rate * ramp / 2  # calls started while ramping up (the area under the ramp)
    return [math.sqrt(2 * ramp * k / rate) if k < due_by_ramp_end else ramp + (k - due_by_ramp_end) / rate
            for k in range(calls)]


def parse_limits(values: tuple[str, ...], name: str) -> dict[str, float]:
    """`--max-p95 400` (every webhook) or `--max-p95 /voice/gather=300` (one webhook), in milliseconds."""
    limits = {}
    for value in values:
        path, _, number = value.rpartition("=")
        try:
            limits[path or "*"] = float(number)
        except ValueError:
            raise ValueError(f"{name} {value!r}: give milliseconds, e.g. 400 or /voice/gather=300") from None
    return limits


@dataclass(frozen=True)
class Thresholds:
    """What a load must meet: p95 and p99 per webhook (in ms; '*' is every webhook) and the share of failed calls."""

    p95: dict[str, float] = field(default_factory=dict)
    p99: dict[str, float] = field(default_factory=dict)
    error_percent: float = 0.0

    def limit(self, percentile: str, path: str) -> float | None:
        """The limit on one webhook's percentile, or None."""
        limits = getattr(self, percentile)
        return limits.get(path, limits.get("*"))


def breaches(thresholds: Thresholds, rows: list[LatencyRow], calls: int, errors: int) -> list[str]:
    """Every threshold the load did not meet, said plainly; none means it passed."""
    found = []
    for row in rows:
        for percentile in ("p95", "p99"):
            limit = thresholds.limit(percentile, row.path)
            measured = getattr(row, percentile)
            if limit is not None and measured > limit:
                found.append(f"{row.path} {percentile} {measured:.1f} ms is over {limit:g} ms")
    percent = 100.0 * errors / calls if calls else 0.0
    if percent > thresholds.error_percent:
        found.append(f"{errors} of {calls} calls failed ({percent:.2f}%), over {thresholds.error_percent:g}%")
    return found
