"""Latency percentiles per webhook path: pure arithmetic on seconds."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass

PERCENTILES = (50, 95, 99)


def percentile(values: list[float], p: float) -> float:
    """The nearest-rank percentile (p in 0..100) of the values; 0.0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


@dataclass(frozen=True)
class LatencyRow:
    """One webhook path's latencies, in milliseconds."""

    path: str
    count: int
    p50: float
    p95: float
    p99: float
    max: float


def latency_rows(samples: Iterable[tuple[str, float]]) -> list[LatencyRow]:
    """Per path (in order of path), count, p50, p95, p99 and max of (path, seconds) samples."""
    by_path: dict[str, list[float]] = {}
    for path, seconds in samples:
        by_path.setdefault(path, []).append(seconds * 1000)
    return [_row(path, values) for path, values in sorted(by_path.items())]


def _row(path: str, milliseconds: list[float]) -> LatencyRow:
    """One path's row, in milliseconds rounded to hundredths."""
    p50, p95, p99 = (round(percentile(milliseconds, p), 2) for p in PERCENTILES)
    return LatencyRow(path, len(milliseconds), p50, p95, p99, round(max(milliseconds), 2))


def latency_table(rows: list[LatencyRow]) -> str:
    """The rows as an aligned text table."""
    head = f"{'webhook':<26}{'count':>7}{'p50 ms':>10}{'p95 ms':>10}{'p99 ms':>10}{'max ms':>10}"
    body = [f"{r.path:<26}{r.count:>7}{r.p50:>10.1f}{r.p95:>10.1f}{r.p99:>10.1f}{r.max:>10.1f}" for r in rows]
    return "\n".join([head, *body])


def latency_json(rows: list[LatencyRow]) -> dict:
    """The rows keyed by path, for --json."""
    return {row.path: {k: v for k, v in asdict(row).items() if k != "path"} for row in rows}
