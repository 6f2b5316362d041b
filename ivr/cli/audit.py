"""Who an operator's command acts as, and `flask changes`: every operator change, with who and when."""

from __future__ import annotations

import getpass
import json

import click
from flask import Flask
from flask.cli import with_appcontext

from ivr.runtime import runtime
from ivr.store.audit import list_changes


def login_name() -> str:
    """The operating-system login running the command."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a container without a passwd entry)
        return "unknown"


operator_option = click.option("--operator", default=login_name, show_default="your login name",
                               help="Who makes the change, as the audit records it.")


@click.command("changes")
@click.option("--limit", default=50, show_default=True, help="How many of the latest changes.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of objects.")
@with_appcontext
def changes_command(limit: int, as_json: bool) -> None:
    """List the changes operators made (answered requests, cancelled callbacks, imports), newest first."""
    rows = [{"at": c.at.isoformat(), "operator": c.operator, "action": c.action, "subject": c.subject,
             "detail": c.detail} for c in list_changes(runtime().store, limit)]
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        click.echo(f"{row['at'][:19]}  {row['operator']:<16} {row['action']:<16} {row['subject']:<16} {row['detail']}")


def init_app(app: Flask) -> None:
    """Register `flask changes`."""
    app.cli.add_command(changes_command)
