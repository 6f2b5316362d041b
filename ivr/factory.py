"""The app factory: configuration, logging, the runtime, the webhooks and the commands."""

from __future__ import annotations

import os

from flask import Flask

from ivr import cli, config, runtime, web
from ivr.web import logs


def build_app(test_config: dict | None = None) -> Flask:
    """Build the app from the environment, overridden by `test_config`."""
    app = Flask("ivr", instance_path=str(config.ROOT / "instance"))
    app.config.update(config.from_environment())
    if test_config:
        app.config.update(test_config)
    app.instance_path = app.config.get("INSTANCE_PATH", app.instance_path)
    os.makedirs(app.instance_path, exist_ok=True)
    logs.init_app(app)
    runtime.init_app(app)
    web.init_app(app)
    cli.init_app(app)
    return app
