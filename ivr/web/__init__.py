"""Shell: the voice and messaging webhooks, signature check, faults as apologies; imports runtime, adapters, worker."""

from __future__ import annotations

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from ivr.config import is_true
from ivr.web import fallback, health, metrics, outbound, sms, tty, voice


def init_app(app: Flask) -> None:
    """Register the webhooks; trust X-Forwarded-Proto/Host only when configured to."""
    if is_true(app.config["TRUST_PROXY"]):
        # Flask documents wrapping wsgi_app in middleware this way; mypy sees a method being replaced.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_proto=1, x_host=1, x_port=1, x_prefix=1)  # type: ignore[method-assign]
    metrics.init_app(app)
    app.register_blueprint(health.bp)
    app.register_blueprint(voice.bp)
    app.register_blueprint(outbound.bp)
    app.register_blueprint(tty.bp)
    app.register_blueprint(fallback.bp)
    app.register_blueprint(sms.bp)
