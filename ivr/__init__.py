"""The contact-center IVR: Flask webhooks that answer Twilio with TwiML."""

from __future__ import annotations

import os

from flask import Flask

from ivr import cli, config, logs, runtime, web


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app from the environment, overridden by `test_config`."""
    app = Flask(__name__, instance_path=str(config.ROOT / "instance"))
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
