"""The Flask CLI commands of the IVR."""

from __future__ import annotations

from flask import Flask

from ivr import data_cli
from ivr.harness.terminal import call_command


def init_app(app: Flask) -> None:
    """Register every command."""
    app.cli.add_command(call_command)
    data_cli.init_app(app)
