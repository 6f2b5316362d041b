"""Plotly figures (plain dicts, drawn in the browser by plotly.js) from the page's summaries."""

from __future__ import annotations

from ivr.domain.ops_summary import AGE_BANDS, DaySummary

HOURS = [f"{hour:02d}:00" for hour in range(24)]
LAYOUT = {"barmode": "stack", "margin": {"t": 40, "r": 10, "b": 50, "l": 50}, "height": 320,
          "legend": {"orientation": "h"}}


def _bars(series: dict[str, list[int]], x: list[str], title: str, horizontal: bool = False) -> dict:
    """Stacked bars, one trace per series."""
    traces = [{"type": "bar", "name": name, "orientation": "h" if horizontal else "v",
               **({"y": x, "x": counts} if horizontal else {"x": x, "y": counts})} for name, counts in series.items()]
    return {"data": traces, "layout": {**LAYOUT, "title": {"text": title}}}


def day_figures(summary: DaySummary) -> dict[str, dict]:
    """Calls per hour by outcome, and by language."""
    return {"by_outcome": _bars(summary.by_outcome, HOURS, "Calls per hour, by outcome"),
            "by_language": _bars(summary.by_language, HOURS, "Calls per hour, by language")}


def callbacks_figure(table: dict[tuple[str, str], list[int]], days: list[str]) -> dict:
    """Callbacks due each day, stacked by time zone and state."""
    return _bars({f"{zone} · {state}": counts for (zone, state), counts in table.items()}, days,
                 "Callbacks due, by time zone and state")


def requests_figure(table: dict[str, list[int]]) -> dict:
    """Requests waiting per office, stacked by age against the 30-day clock."""
    offices = list(table)
    bands = {label: [table[office][i] for office in offices] for i, (_, _, label) in enumerate(AGE_BANDS)}
    return _bars(bands, offices, "Requests waiting, by office and age", horizontal=True)
