"""`flask db`: the schema's migrations, for operators and for developers who change tables.py."""

from __future__ import annotations

import click
from alembic import command
from flask import Flask
from flask.cli import with_appcontext

from ivr.runtime import runtime
from ivr.store.migrate import alembic_config


@click.group("db")
def db_group() -> None:
    """The database schema (migrations run by themselves when the app starts)."""


@db_group.command("current")
@with_appcontext
def current_command() -> None:
    """Print the revision the database is at."""
    with runtime().store.engine.connect() as connection:
        command.current(alembic_config(connection))


@db_group.command("revision")
@click.option("-m", "--message", required=True, help="What the migration changes.")
@with_appcontext
def revision_command(message: str) -> None:
    """Write a new migration from the difference between ivr/store/tables.py and the database."""
    with runtime().store.engine.begin() as connection:
        command.revision(alembic_config(connection), message=message, autogenerate=True)


def init_app(app: Flask) -> None:
    """Register `flask db`."""
    app.cli.add_command(db_group)
