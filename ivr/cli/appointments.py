"""`flask appointments list`: the biometrics appointments on the line, at each ASC's local time."""

from __future__ import annotations

import json

import click
from flask import Flask
from flask.cli import with_appcontext

from ivr.imports.appointments import local_text
from ivr.runtime import runtime
from ivr.store.appointments import list_appointments


@click.group("appointments")
def appointments_group() -> None:
    """Biometrics appointments at the Application Support Centers."""


@appointments_group.command("list")
@click.option("--asc", help="Only this Application Support Center (an id from `flask locations`).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of objects.")
@with_appcontext
def list_command(asc: str | None, as_json: bool) -> None:
    """List appointments, soonest first, at the ASC's local time (as the import files write it)."""
    rows = [{"receipt_number": a.receipt_number, "asc": a.asc, "starts_at": local_text(a.asc, a.starts_at),
             "starts_at_utc": a.starts_at.isoformat(), "reschedule_count": a.reschedule_count, "status": a.status}
            for a in list_appointments(runtime().store, asc.lower() if asc else None)]
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    click.echo(f"{'receipt':<14} {'asc':<18} {'starts (local)':<17} {'moved':>5}  status")
    for row in rows:
        click.echo(f"{row['receipt_number']:<14} {row['asc']:<18} {row['starts_at']:<17} "
                   f"{row['reschedule_count']:>5}  {row['status']}")


def init_app(app: Flask) -> None:
    """Register `flask appointments`."""
    app.cli.add_command(appointments_group)
