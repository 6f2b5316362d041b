"""The operations pages: today at a glance, callbacks due, requests waiting, a call's journey."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from flask import Blueprint, Response, abort, current_app, flash, g, redirect, render_template, request, url_for

from ivr.domain.call_records import OUTCOMES
from ivr.domain.ops_summary import (
    AGE_BANDS,
    CallbackFacts,
    age_in_days,
    callbacks_by_day,
    day_bounds,
    requests_by_office_and_age,
    summarize_day,
)
from ivr.domain.service_requests import answer_due
from ivr.lint.journey import journey_svg
from ivr.ops.auth import supervisor_only
from ivr.ops.charts import callbacks_figure, day_figures, requests_figure
from ivr.runtime import runtime
from ivr.store.call_records import calls_of, find_call, latest_call_start, list_calls
from ivr.store.callbacks import cancel_callback, list_callbacks
from ivr.store.operator_requests import RequestNotOpen, answer_request, list_requests

DAYS_AHEAD = 7  # callbacks shown from today on


def _day() -> date:
    """The day asked for (?day=2026-11-30), else today in the contact center's zone."""
    rt = runtime()
    try:
        return date.fromisoformat(request.args["day"])
    except (KeyError, ValueError):
        return rt.clock().astimezone(ZoneInfo(rt.hours.zone)).date()


def today():
    """Calls per hour by outcome and language, containment, abandonment and time to an agent."""
    rt, day = runtime(), _day()
    summary = summarize_day(calls_of(rt.store, *day_bounds(day, rt.hours.zone)), rt.hours.zone)
    latest = latest_call_start(rt.store) if summary.calls == 0 else None
    latest_day = latest.astimezone(ZoneInfo(rt.hours.zone)).date() if latest else None
    return render_template("ops/today.html", day=day, summary=summary, figures=day_figures(summary),
                           latest_day=latest_day, zone=rt.hours.zone)


def callbacks():
    """Callbacks due over the next days by time zone and state; scheduled ones may be cancelled."""
    rt = runtime()
    today_ = rt.clock().astimezone(ZoneInfo(rt.hours.zone)).date()
    rows = list_callbacks(rt.store)
    table = callbacks_by_day([CallbackFacts(c.scheduled_for, c.time_zone, c.state) for c in rows], today_,
                             DAYS_AHEAD, rt.hours.zone)
    days = [(today_ + timedelta(days=n)).isoformat() for n in range(DAYS_AHEAD)]
    scheduled = [c for c in rows if c.state == "scheduled"]
    return render_template("ops/callbacks.html", table=table, days=days, figure=callbacks_figure(table, days),
                           scheduled=scheduled, ZoneInfo=ZoneInfo)


def requests_page():
    """Requests waiting by office and age against the 30-day clock; supervisors mark them answered."""
    rt = runtime()
    now, zone = rt.clock(), rt.hours.zone
    waiting = list_requests(rt.store, open_only=True)
    table = requests_by_office_and_age([(r.routed_to, r.created_at) for r in waiting], now, zone)
    rows = [(r, age_in_days(r.created_at, now, zone), answer_due(r, zone)) for r in waiting]
    return render_template("ops/requests.html", table=table, bands=[label for _, _, label in AGE_BANDS],
                           figure=requests_figure(table), rows=rows)


@supervisor_only
def answer(reference: str):
    """Mark a request answered, recorded as the signed-in supervisor."""
    rt = runtime()
    try:
        answer_request(rt.store, reference, rt.clock(), g.operator.name)
        flash(f"Request {reference} is marked answered.")
    except RequestNotOpen as problem:
        flash(str(problem))
    return redirect(url_for("ops.requests"))


@supervisor_only
def cancel(callback_id: int):
    """Cancel a scheduled callback, recorded as the signed-in supervisor."""
    rt = runtime()
    done = cancel_callback(rt.store, callback_id, rt.clock(), g.operator.name)
    flash(f"Callback {callback_id} is cancelled." if done else f"Callback {callback_id} was not scheduled any more.")
    return redirect(url_for("ops.callbacks"))


def calls():
    """The latest calls, optionally of one outcome."""
    outcome = request.args.get("outcome") if request.args.get("outcome") in OUTCOMES else None
    return render_template("ops/calls.html", calls=list_calls(runtime().store, outcome=outcome, limit=200),
                           outcomes=OUTCOMES, outcome=outcome)


def call(call_sid: str):
    """One call's journey, as text and drawn on the flow diagram."""
    record = find_call(runtime().store, call_sid)
    if record is None:
        abort(404)
    return render_template("ops/call.html", record=record)


def call_diagram(call_sid: str) -> Response:
    """The flow diagram with the call's path drawn over it, as SVG."""
    record = find_call(runtime().store, call_sid)
    if record is None:
        abort(404)
    return Response(journey_svg(current_app.config["FLOWS_DIR"], record.journey), mimetype="image/svg+xml")


def register(bp: Blueprint) -> None:
    """Add the pages to the blueprint."""
    bp.add_url_rule("/", "today", today)
    bp.add_url_rule("/callbacks", "callbacks", callbacks)
    bp.add_url_rule("/callbacks/<int:callback_id>/cancel", "cancel", cancel, methods=["POST"])
    bp.add_url_rule("/requests", "requests", requests_page)
    bp.add_url_rule("/requests/<reference>/answer", "answer", answer, methods=["POST"])
    bp.add_url_rule("/calls", "calls", calls)
    bp.add_url_rule("/calls/<call_sid>", "call", call)
    bp.add_url_rule("/calls/<call_sid>/diagram.svg", "call_diagram", call_diagram)
