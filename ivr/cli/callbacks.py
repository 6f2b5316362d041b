"""`flask callbacks`: run the callback worker, list callbacks in their local times, cancel one."""

from __future__ import annotations

import json
import os
import socket
import time
from zoneinfo import ZoneInfo

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from ivr.cli.audit import operator_option
from ivr.runtime import runtime
from ivr.store.callbacks import STATES, cancel_callback, list_callbacks
from ivr.telephony import Dialer, make_client
from ivr.worker.callbacks import dialling_pool, dispatch_once, reconcile


@click.group("callbacks")
def callbacks_group() -> None:
    """Scheduled callbacks: dispatch them (work) or see them (list)."""


def make_dialer(app: Flask, token: str) -> Dialer:
    """The dialer the configuration describes; Twilio must be able to reach PUBLIC_BASE_URL."""
    config = app.config
    if not config["PUBLIC_BASE_URL"]:
        raise click.UsageError("set PUBLIC_BASE_URL: Twilio fetches /voice/callback from it when a person answers")
    client = make_client(config["TWILIO_ACCOUNT_SID"], token, config["TWILIO_API_BASE_URL"])
    return Dialer(client, config["CALLER_ID"], config["PUBLIC_BASE_URL"])


@callbacks_group.command("work")
@click.option("--once", is_flag=True, help="Dispatch what is due now, then exit.")
@click.option("--until-idle", is_flag=True, help="Keep dispatching until nothing is due, then exit.")
@click.option("--batch", default=20, show_default=True, help="Callbacks claimed at a time.")
@click.option("--poll", default=5.0, show_default=True, help="Seconds between looks when nothing is due.")
@click.option("--worker-id", default=None, help="This worker's name in leases (default: host:pid).")
@with_appcontext
def work_command(once: bool, until_idle: bool, batch: int, poll: float, worker_id: str | None) -> None:
    """Dial due callbacks through Twilio. Run several on one PostgreSQL: none dials a callback twice."""
    rt = runtime()
    dialer = make_dialer(current_app, rt.auth_token)
    worker = worker_id or f"{socket.gethostname()}:{os.getpid()}"
    total = 0
    with dialling_pool() as pool:
        while True:
            reconcile(rt.store, rt.services, dialer)
            placed = dispatch_once(rt.store, rt.services, dialer, worker, pool, batch)
            total += placed
            if once or (until_idle and placed == 0):
                break
            if placed == 0:
                time.sleep(poll)
    click.echo(f"{worker}: placed {total} callback calls")


def _as_json(callback) -> dict:
    """A callback as operators script it: local time with the zone's offset."""
    local = callback.scheduled_for.astimezone(ZoneInfo(callback.time_zone))
    return {"id": callback.id, "receipt_number": callback.receipt_number, "phone": callback.phone,
            "state": callback.state, "time_zone": callback.time_zone, "scheduled_for": local.isoformat(),
            "lang": callback.lang, "tier": callback.tier, "purpose": callback.purpose, "attempts": callback.attempts}


@callbacks_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of objects.")
@click.option("--state", type=click.Choice(STATES), help="Only callbacks in this state.")
@with_appcontext
def list_command(as_json: bool, state: str | None) -> None:
    """List callbacks, soonest first, at their local time in the filing location's zone."""
    rows = [_as_json(c) for c in list_callbacks(runtime().store, state)]
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    click.echo(f"{'id':>5}  {'state':<10} {'scheduled for (local)':<27} {'time zone':<20} {'tier':<9} {'lang':<4} "
               f"{'purpose':<18} {'phone':<13} receipt")
    for row in rows:
        click.echo(f"{row['id']:>5}  {row['state']:<10} {row['scheduled_for']:<27} {row['time_zone']:<20} "
                   f"{row['tier']:<9} {row['lang']:<4} {row['purpose']:<18} {row['phone']:<13} "
                   f"{row['receipt_number'] or '-'}")


@callbacks_group.command("cancel")
@click.argument("callback_id", type=int)
@operator_option
@with_appcontext
def cancel_command(callback_id: int, operator: str) -> None:
    """Cancel a scheduled callback (its place in the slot is freed); the change is recorded with who and when."""
    rt = runtime()
    if cancel_callback(rt.store, callback_id, rt.clock(), operator) is None:
        raise click.ClickException(f"no scheduled callback {callback_id} (`flask callbacks list` shows them)")
    click.echo(f"callback {callback_id} cancelled by {operator}")


def init_app(app: Flask) -> None:
    """Register `flask callbacks`."""
    app.cli.add_command(callbacks_group)
