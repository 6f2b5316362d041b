"""`flask calls`: list the line's calls, show one call's journey (as text or on the flow diagram), purge old ones."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from ivr.domain.call_records import OUTCOMES
from ivr.lint import diagram
from ivr.lint.journey import journey_dot
from ivr.runtime import runtime
from ivr.store.call_records import CallRecord, find_call, list_calls, purge_calls
from ivr.store.calls import purge_call_states, purge_statuses

AGO = re.compile(r"(\d+)([mhd])")
UNITS = {"m": "minutes", "h": "hours", "d": "days"}


@click.group("calls")
def calls_group() -> None:
    """Records of the line's calls: journey, outcome and duration, numbers masked."""


def parse_since(text: str, now: datetime) -> datetime:
    """An instant from ISO-8601 (a date, or a time; UTC when it has no offset) or an age: 30m, 12h, 7d."""
    if match := AGO.fullmatch(text.strip()):
        return now - timedelta(**{UNITS[match[2]]: int(match[1])})
    try:
        instant = datetime.fromisoformat(text.strip())
    except ValueError:
        raise click.BadParameter(f"{text!r}: give a date (2026-12-01), a time (2026-12-01T09:00-05:00) "
                                 "or an age (30m, 12h, 7d)") from None
    return instant if instant.tzinfo else instant.replace(tzinfo=UTC)


def as_json(record: CallRecord, journey: bool = False) -> dict:
    """A call as scripts read it."""
    shown = {"call_sid": record.call_sid, "line": record.line, "caller": record.caller, "lang": record.lang,
             "started_at": record.started_at.isoformat(),
             "ended_at": record.ended_at.isoformat() if record.ended_at else None,
             "seconds": record.seconds, "outcome": record.outcome, "tier": record.tier}
    return {**shown, "journey": record.journey} if journey else shown


@calls_group.command("list")
@click.option("--since", help="Only calls since then: 2026-12-01, 2026-12-01T09:00-05:00, or an age (12h, 7d).")
@click.option("--outcome", type=click.Choice(OUTCOMES), help="Only calls with this outcome.")
@click.option("--json", "json_out", is_flag=True, help="Print a JSON list of objects.")
@with_appcontext
def list_command(since: str | None, outcome: str | None, json_out: bool) -> None:
    """List calls, newest first: when, line, language, outcome (tier), duration."""
    rt = runtime()
    records = list_calls(rt.store, parse_since(since, rt.clock()) if since else None, outcome)
    if json_out:
        click.echo(json.dumps([as_json(r) for r in records], indent=2))
        return
    click.echo(f"{'started (UTC)':<20} {'call':<34} {'line':<8} {'lang':<4} {'outcome':<16} {'tier':<8} seconds")
    for r in records:
        seconds = "-" if r.seconds is None else str(r.seconds)
        click.echo(f"{r.started_at:%Y-%m-%d %H:%M:%S} {r.call_sid:<34} {r.line:<8} {r.lang:<4} "
                   f"{r.outcome or 'in progress':<16} {r.tier or '-':<8} {seconds}")


def journey_lines(record: CallRecord) -> list[str]:
    """A call's journey as lines of text, one entry each."""
    lines = [f"call {record.call_sid} on the {record.line} line from {record.caller}, in {record.lang}",
             f"outcome: {record.outcome or 'in progress'}" + (f" ({record.tier})" if record.tier else "")
             + (f", {record.seconds} s" if record.seconds is not None else "")]
    for entry in record.journey:
        at = entry.get("at", "")[11:19]
        if "node" in entry:
            what = entry["node"] + (f" -> {entry['event']}" if entry.get("event") else "")
        elif "did" in entry:
            what = f"  caller {entry['did']}"
        elif "transfer" in entry:
            what = f"  transferred to {entry['transfer']}"
        elif "agent" in entry:
            what = f"  agent leg ended: {entry['agent']}"
        elif "fault" in entry:
            what = f"  FAULT {entry['fault']}: the caller heard an apology"
        else:
            what = "  the line ended the call"
        lines.append(f"{at}  {what}")
    return lines


@calls_group.command("show")
@click.argument("call_sid")
@click.option("--json", "json_out", is_flag=True, help="Print the record as JSON.")
@click.option("--diagram", "picture", type=click.Path(dir_okay=False, path_type=Path),
              help="Also draw the journey on the flow diagram: FILE.svg, FILE.png or FILE.dot.")
@with_appcontext
def show_command(call_sid: str, json_out: bool, picture: Path | None) -> None:
    """One call's journey: each node entered with its time, what the caller did, and how it ended."""
    record = find_call(runtime().store, call_sid)
    if record is None:
        raise click.ClickException(f"no record of call {call_sid} (calls are kept "
                                   f"{current_app.config['CALL_RECORD_DAYS']} days)")
    click.echo(json.dumps(as_json(record, journey=True), indent=2) if json_out else "\n".join(journey_lines(record)))
    if picture:
        fmt = picture.suffix.lstrip(".").lower()
        source = journey_dot(current_app.config["FLOWS_DIR"], record.journey)
        try:
            picture.write_bytes(diagram.render(source, fmt) if fmt in diagram.RENDERED else source.encode())
        except diagram.GraphvizError as error:
            raise click.ClickException(str(error)) from None


@calls_group.command("purge")
@click.option("--days", type=click.IntRange(0), help="Keep this many days (default: IVR_CALL_RECORD_DAYS).")
@with_appcontext
def purge_command(days: int | None) -> None:
    """Remove the records of calls older than IVR_CALL_RECORD_DAYS (or --days), the state of calls untouched
    for IVR_CALL_STATE_HOURS, and status callbacks older than IVR_STATUS_DAYS."""
    rt, config = runtime(), current_app.config
    keep = int(config["CALL_RECORD_DAYS"]) if days is None else days
    now = rt.clock()
    removed = purge_calls(rt.store, now, keep)
    click.echo(f"removed {removed} call record{'' if removed == 1 else 's'} older than {keep} days")
    hours, status_days = int(config["CALL_STATE_HOURS"]), int(config["STATUS_DAYS"])
    states = purge_call_states(rt.store, now - timedelta(hours=hours))
    click.echo(f"removed {states} call state{'' if states == 1 else 's'} untouched for {hours} hours")
    statuses = purge_statuses(rt.store, now - timedelta(days=status_days))
    click.echo(f"removed {statuses} status callback{'' if statuses == 1 else 's'} older than {status_days} days")


def init_app(app: Flask) -> None:
    """Register `flask calls`."""
    app.cli.add_command(calls_group)
