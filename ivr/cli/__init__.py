"""Shell: the Flask commands (data imports, callbacks, schema), over the runtime, store and tools below."""

from __future__ import annotations

from flask import Flask

from ivr.cli import appointments as appointments_cli
from ivr.cli import audit as audit_cli
from ivr.cli import callbacks as callback_cli
from ivr.cli import calls as calls_cli
from ivr.cli import data as data_cli
from ivr.cli import db as db_cli
from ivr.cli import operators as operators_cli
from ivr.cli import requests as requests_cli
from ivr.harness import cli as harness_cli
from ivr.harness.terminal import call_command
from ivr.lint import cli as lint_cli


def init_app(app: Flask) -> None:
    """Register every command."""
    app.cli.add_command(call_command)
    data_cli.init_app(app)
    callback_cli.init_app(app)
    calls_cli.init_app(app)
    requests_cli.init_app(app)
    appointments_cli.init_app(app)
    audit_cli.init_app(app)
    operators_cli.init_app(app)
    lint_cli.init_app(app)
    harness_cli.init_app(app)
    db_cli.init_app(app)
