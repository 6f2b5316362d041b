"""`flask operators add`: accounts for the operations page, the password read from the terminal or stdin."""

from __future__ import annotations

import sys

import click
from flask import Flask
from flask.cli import with_appcontext

from ivr.cli.audit import operator_option
from ivr.runtime import runtime
from ivr.store.operators import ROLES, save_operator

MIN_PASSWORD = 12  # characters: a passphrase, not a word


@click.group("operators")
def operators_group() -> None:
    """Who may sign in to the operations page (/ops)."""


def read_password(from_stdin: bool) -> str:
    """The new password: the first line of stdin, or typed twice at the terminal without echo."""
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    if len(password) < MIN_PASSWORD:
        raise click.UsageError(f"the password needs at least {MIN_PASSWORD} characters")
    return password


@operators_group.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), required=True,
              help="viewer: sees the pages; supervisor: may also answer requests and cancel callbacks.")
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of stdin.")
@operator_option
@with_appcontext
def add_command(name: str, role: str, password_stdin: bool, operator: str) -> None:
    """Add an operator NAME (or give an existing one a new role and password, unlocking it)."""
    name = name.strip()
    if not name or len(name) > 64:
        raise click.UsageError("NAME must have 1 to 64 characters")
    rt = runtime()
    new = save_operator(rt.store, name, role, read_password(password_stdin), rt.clock(), operator)
    click.echo(f"{'added' if new else 'updated'} {role} {name}")


def init_app(app: Flask) -> None:
    """Register `flask operators`."""
    app.cli.add_command(operators_group)
