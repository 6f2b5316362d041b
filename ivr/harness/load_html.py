"""A load run in the HTML report: its verdict, latency per webhook, and plots over time (inline SVG)."""

from __future__ import annotations

import math
from collections import defaultdict
from html import escape

from ivr.harness.html_report import TEMPLATES
from ivr.harness.load import LoadReport
from ivr.harness.stats import percentile

WIDTH, HEIGHT, MARGIN, LEGEND = 800, 300, 50, 170
COLOURS = ("#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#c62828", "#00838f", "#5d4037", "#ad1457")


def _scale(value: float, top: float, size: int) -> float:
    """A value's position on an axis from 0 to top, `size` pixels long."""
    return size * min(value, top) / top if top else 0.0


def _frame(title: str, x_top: float, y_top: float, y_unit: str) -> list[str]:
    """The chart's box, axes, ticks and title."""
    out = [f'<svg class="load-plot" xmlns="http://www.w3.org/2000/svg" width="{WIDTH + MARGIN + LEGEND}" '
           f'height="{HEIGHT + 2 * MARGIN}" font-family="Helvetica" font-size="11">',
           f'<text x="{MARGIN}" y="20" font-size="13" font-weight="bold">{escape(title)}</text>',
           f'<rect x="{MARGIN}" y="{MARGIN}" width="{WIDTH}" height="{HEIGHT}" fill="none" stroke="#999"/>']
    for i in range(5):
        y_value, x_value = y_top * i / 4, x_top * i / 4
        y = MARGIN + HEIGHT - _scale(y_value, y_top, HEIGHT)
        x = MARGIN + _scale(x_value, x_top, WIDTH)
        out += [f'<text x="{MARGIN - 5}" y="{y + 4:.0f}" text-anchor="end">{y_value:.0f}</text>',
                f'<text x="{x:.0f}" y="{MARGIN + HEIGHT + 15}" text-anchor="middle">{x_value:.0f}s</text>']
    out.append(f'<text x="{MARGIN - 40}" y="{MARGIN - 8}">{escape(y_unit)}</text>')
    return out


def _xy(x: float, y: float, x_top: float, y_top: float) -> tuple[float, float]:
    """An (x, y) value as SVG coordinates."""
    return MARGIN + _scale(x, x_top, WIDTH), MARGIN + HEIGHT - _scale(y, y_top, HEIGHT)


def _point(x: float, y: float, x_top: float, y_top: float) -> str:
    """An (x, y) value as a polyline's point."""
    px, py = _xy(x, y, x_top, y_top)
    return f"{px:.1f},{py:.1f}"


def latency_plot(report: LoadReport) -> str:
    """Each webhook's latencies over the run: every one a faint dot, its p95 per second a line."""
    if not report.samples:
        return ""
    x_top = max(1.0, math.ceil(max(at for _, _, at in report.samples)))
    y_top = max(1.0, max(row.p99 for row in report.rows) * 1.2)
    out = _frame("Latency per webhook over time (dots: each webhook; lines: p95 per second)", x_top, y_top, "ms")
    by_path: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for path, taken, at in report.samples:
        by_path[path].append((at, taken * 1000))
    for index, (path, points) in enumerate(sorted(by_path.items())):
        colour = COLOURS[index % len(COLOURS)]
        dots = (_xy(at, ms, x_top, y_top) for at, ms in points)
        out += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="1.2" fill="{colour}" fill-opacity="0.25"/>' for x, y in dots]
        seconds: dict[int, list[float]] = defaultdict(list)
        for at, ms in points:
            seconds[int(at)].append(ms)
        line = " ".join(_point(s + 0.5, percentile(v, 95), x_top, y_top) for s, v in sorted(seconds.items()))
        out += [f'<polyline points="{line}" fill="none" stroke="{colour}" stroke-width="2"/>',
                f'<text x="{MARGIN + WIDTH + 5}" y="{MARGIN + 14 * index + 10}" fill="{colour}">{escape(path)}</text>']
    limit = report.thresholds.limit("p95", "*")
    if limit:
        y = MARGIN + HEIGHT - _scale(limit, y_top, HEIGHT)
        out.append(f'<line x1="{MARGIN}" x2="{MARGIN + WIDTH}" y1="{y:.1f}" y2="{y:.1f}" stroke="#c62828" '
                   f'stroke-dasharray="6 4"><title>p95 limit {limit:g} ms</title></line>')
    return "\n".join([*out, "</svg>"])


def rate_plot(report: LoadReport) -> str:
    """Calls started each second: as planned (the target and its ramp) and as they did."""
    if not report.starts:
        return ""
    planned: defaultdict[int, int] = defaultdict(int)
    actual: defaultdict[int, int] = defaultdict(int)
    for at, started in report.starts:
        planned[int(at)] += 1
        actual[int(started)] += 1
    x_top = float(max([*planned, *actual]) + 1)
    y_top = max(1.0, max([*planned.values(), *actual.values()]) * 1.2)
    out = _frame("Calls started per second (grey: planned; blue: started)", x_top, y_top, "calls")
    for counts, colour in ((planned, "#9e9e9e"), (actual, "#1565c0")):
        line = " ".join(_point(s + 0.5, counts.get(s, 0), x_top, y_top) for s in range(int(x_top)))
        out.append(f'<polyline points="{line}" fill="none" stroke="{colour}" stroke-width="2"/>')
    return "\n".join([*out, "</svg>"])


def load_section(report: LoadReport) -> str:
    """The load's part of the HTML report."""
    achieved = report.completed / report.seconds if report.seconds else 0.0
    limits = {row.path: ", ".join(f"{p} ≤ {report.thresholds.limit(p, row.path):g}" for p in ("p95", "p99")
                                  if report.thresholds.limit(p, row.path) is not None) or "-" for row in report.rows}
    return TEMPLATES.get_template("load.html").render(
        r=report, passed=not report.breaches, breaches=report.breaches, rows=report.rows,
        errors=sum(report.errors.values()), achieved=achieved, limits=limits,
        latency=latency_plot(report), rate=rate_plot(report))
