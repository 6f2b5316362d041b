"""The app factory: configuration, logging, the runtime, the webhooks and the commands."""

from __future__ import annotations

import os

from flask import Flask

from ivr import cli, config, ops, runtime, web
from ivr.test_conditions import is_production
from ivr.web import logs
from ivr.web.line_app import LineApp


class ConfigurationRefused(RuntimeError):
    """Settings the line must not start with."""


def refuse_unsafe_settings(settings) -> None:
    """A production line never honours test conditions: refuse to start with their secret set."""
    if settings["TEST_CONDITIONS_SECRET"] and is_production(settings["ENV"]):
        raise ConfigurationRefused(
            f"IVR_TEST_CONDITIONS_SECRET is set while IVR_ENV={settings['ENV']}: a production line must not "
            "honour test conditions. Unset IVR_TEST_CONDITIONS_SECRET, or start a test line (IVR_ENV=staging).")


def build_app(test_config: dict | None = None) -> Flask:
    """Build the app from the environment, overridden by `test_config`."""
    app = LineApp("ivr", instance_path=str(config.ROOT / "instance"))
    app.config.update(config.from_environment())
    if test_config:
        app.config.update(test_config)
    refuse_unsafe_settings(app.config)
    app.instance_path = app.config.get("INSTANCE_PATH", app.instance_path)
    os.makedirs(app.instance_path, exist_ok=True)
    logs.init_app(app)
    runtime.init_app(app)
    web.init_app(app)
    ops.init_app(app)
    cli.init_app(app)
    return app
